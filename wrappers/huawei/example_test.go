package huawei_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/csms/csmsapi"
	"github.com/docapi/docapi/generated/modelarts/modelartsapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

// Token authentication: a password token source for IAM, and the generated
// CSMS client (generated/csms/csmsapi) that sends its tokens, listing every
// secret page by page (the spec marks the operation's offset/limit paging).
func ExamplePasswordTokenSource() {
	iamFake := newFakeIAM(nil)
	iamSrv := httptest.NewServer(iamFake)
	defer iamSrv.Close()
	csmsSrv := httptest.NewServer(newFakeCSMS(tokenAuth(iamFake), 3))
	defer csmsSrv.Close()

	// In production: huawei.Config{Region: "cn-north-4"} and no HTTPClient.
	iamClient, err := huawei.NewIAMClient(huawei.Config{Endpoint: iamSrv.URL, HTTPClient: iamSrv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	tokens := &huawei.PasswordTokenSource{
		IAM:        iamClient,
		DomainName: "IAMDomain",
		UserName:   "IAMUser",
		Password:   secret.New("IAMPassword"),
		Scope:      huawei.Scope{ProjectName: "cn-north-1"},
	}
	client, err := csmsapi.New(huawei.Config{
		Endpoint:   csmsSrv.URL,
		ProjectID:  "aa2d97d7e62c4b7da3ffdfc11551f878",
		Tokens:     tokens,
		HTTPClient: csmsSrv.Client(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for s, err := range client.ListResourceInstancesAll(context.Background(), csms.ListResourceInstancesRequestBody{Action: "filter", Limit: ptr("2")}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.ResourceName, s.ResourceDetail.State)
	}
	fmt.Println("password shown as", tokens.Password)
	// Output:
	// rds-password-00 ENABLED
	// rds-password-01 ENABLED
	// rds-password-02 ENABLED
	// password shown as [REDACTED]
}

// AK/SK authentication: every attempt is signed with SDK-HMAC-SHA256. The
// project id is taken from the credentials (HUAWEICLOUD_SDK_PROJECT_ID when
// read with CredentialsFromEnv).
func Example_accessKey() {
	cred := huawei.Credentials{
		AccessKey: "HPUAL3KZ0EXAMPLE0001",
		SecretKey: secret.New("sk-Yq2vN8xRk4TzE1mW0pJ7cB5uH3dL9sFa"),
		ProjectID: "aa2d97d7e62c4b7da3ffdfc11551f878",
	}
	srv := httptest.NewServer(newFakeCSMS(akskAuth(cred.AccessKey, cred.SecretKey.Reveal()), 12))
	defer srv.Close()

	// In production: cred, err := huawei.CredentialsFromEnv(os.Getenv) and
	// huawei.Config{Region: "cn-north-4", Credentials: cred}.
	client, err := csmsapi.New(huawei.Config{Endpoint: srv.URL, Credentials: cred, HTTPClient: srv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	page, err := client.ListResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{
		Action: "filter", Offset: ptr("10"), Limit: ptr("5"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total:", page.TotalCount)
	for _, s := range page.Resources {
		fmt.Println(s.ResourceName, s.ResourceDetail.State)
	}
	fmt.Printf("%+v\n", cred)
	// Output:
	// total: 12
	// rds-password-10 ENABLED
	// rds-password-11 ENABLED
	// {AccessKey:HPUAL3KZ0EXAMPLE0001 SecretKey:[REDACTED] SecurityToken:[REDACTED] ProjectID:aa2d97d7e62c4b7da3ffdfc11551f878 ExpiresAt:0001-01-01 00:00:00 +0000 UTC}
}

// ModelArts: the access token of a development environment instance; a
// missing instance is an *APIError.
func Example_modelArts() {
	const instanceID = "6fa459ea-ee8a-3ca4-894e-db77e160355e"
	iamFake := newFakeIAM(nil)
	iamSrv := httptest.NewServer(iamFake)
	defer iamSrv.Close()
	maSrv := httptest.NewServer(&fakeModelArts{
		projectID: "aa2d97d7e62c4b7da3ffdfc11551f878", auth: tokenAuth(iamFake),
		instances: map[string]string{instanceID: "dev-env-token-8f14e45fceea167a5a36dedd4bea2543"},
	})
	defer maSrv.Close()

	iamClient, err := huawei.NewIAMClient(huawei.Config{Endpoint: iamSrv.URL, HTTPClient: iamSrv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	tokens := &huawei.PasswordTokenSource{IAM: iamClient, DomainName: "IAMDomain", UserName: "IAMUser",
		Password: secret.New("IAMPassword"), Scope: huawei.Scope{ProjectName: "cn-north-1"}}
	ma, err := modelartsapi.New(huawei.Config{Endpoint: maSrv.URL, ProjectID: "aa2d97d7e62c4b7da3ffdfc11551f878",
		Tokens: tokens, HTTPClient: maSrv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	tok, err := ma.ShowInstanceToken(context.Background(), instanceID)
	if err != nil {
		fmt.Println(err)
		return
	}
	token := secret.New(tok.Token) // keep it out of logs
	fmt.Println("token:", token, "length", len(token.Reveal()))
	_, err = ma.ShowInstanceToken(context.Background(), "missing")
	fmt.Println(err)
	// Output:
	// token: [REDACTED] length 46
	// huawei: modelarts ShowInstanceToken: HTTP 404 ModelArts.6309: Instance missing does not exist. (request id 0b1f9ad5e6c94bde8a6e1e4c3f9d2a71)
}
