// Command official gets an IAM token, lists CSMS secrets and queries a
// ModelArts instance with the official Huawei Cloud Go SDK.
package main

import (
	"fmt"
	"os"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
	csms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1"
	csmsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1/model"
	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"
	modelarts "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/modelarts/v1"
	modelartsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/modelarts/v1/model"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: official ENDPOINT")
		os.Exit(2)
	}
	ep, pid := os.Args[1], os.Getenv("HUAWEICLOUD_SDK_PROJECT_ID")
	ak, sk := os.Getenv("HUAWEICLOUD_SDK_AK"), os.Getenv("HUAWEICLOUD_SDK_SK")

	gcred, err := global.NewCredentialsBuilder().WithAk(ak).WithSk(sk).WithDomainId(os.Getenv("DOMAIN_ID")).SafeBuild()
	if err != nil {
		fail(err)
	}
	ihc, err := iam.IamClientBuilder().WithEndpoints([]string{ep}).WithCredential(gcred).SafeBuild()
	if err != nil {
		fail(err)
	}
	nocatalog := "true"
	tok, err := iam.NewIamClient(ihc).KeystoneCreateUserTokenByPassword(&iammodel.KeystoneCreateUserTokenByPasswordRequest{
		Nocatalog: &nocatalog,
		Body: &iammodel.KeystoneCreateUserTokenByPasswordRequestBody{Auth: &iammodel.PwdAuth{
			Identity: &iammodel.PwdIdentity{
				Methods: []iammodel.PwdIdentityMethods{iammodel.GetPwdIdentityMethodsEnum().PASSWORD},
				Password: &iammodel.PwdPassword{User: &iammodel.PwdPasswordUser{
					Domain: &iammodel.PwdPasswordUserDomain{Name: os.Getenv("DOMAIN")},
					Name:   os.Getenv("USER"), Password: os.Getenv("PASSWORD")}},
			},
			Scope: &iammodel.AuthScope{Project: &iammodel.AuthScopeProject{Id: &pid}},
		}}})
	if err != nil {
		fail(err)
	}

	cred, err := basic.NewCredentialsBuilder().WithAk(ak).WithSk(sk).WithProjectId(pid).SafeBuild()
	if err != nil {
		fail(err)
	}
	chc, err := csms.CsmsClientBuilder().WithEndpoints([]string{ep}).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	limit := "10"
	secrets, err := csms.NewCsmsClient(chc).ListResourceInstances(&csmsmodel.ListResourceInstancesRequest{
		ResourceInstances: "resource_instances",
		Body:              &csmsmodel.ListResourceInstancesRequestBody{Action: "filter", Limit: &limit}})
	if err != nil {
		fail(err)
	}

	mhc, err := modelarts.ModelArtsClientBuilder().WithEndpoints([]string{ep}).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	nb, err := modelarts.NewModelArtsClient(mhc).ShowNotebook(&modelartsmodel.ShowNotebookRequest{Id: os.Getenv("INSTANCE")})
	if err != nil {
		fail(err)
	}
	n := 0
	if secrets.Resources != nil {
		n = len(*secrets.Resources)
	}
	fmt.Println(tok.Token != nil, n, nb.Id != nil)
}
