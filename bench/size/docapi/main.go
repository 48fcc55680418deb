// Command docapi gets an IAM token, lists CSMS secrets and queries a
// ModelArts instance with docapi's clients. size.sh builds it as it comes
// and with -tags docapi_stdjson (encoding/json as the default decoder).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/csms/csmsapi"
	"github.com/docapi/docapi/generated/modelarts/modelartsapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: docapi ENDPOINT")
		os.Exit(2)
	}
	ctx := context.Background()
	ep, pid := os.Args[1], os.Getenv("HUAWEICLOUD_SDK_PROJECT_ID")
	iamClient, err := huawei.NewIAMClient(huawei.Config{Endpoint: ep})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tokens := &huawei.PasswordTokenSource{IAM: iamClient, DomainName: os.Getenv("DOMAIN"), UserName: os.Getenv("USER"),
		Password: secret.New(os.Getenv("PASSWORD")), Scope: huawei.Scope{ProjectID: pid}}
	cfg := huawei.Config{Endpoint: ep, ProjectID: pid, Tokens: tokens}
	kms, err := csmsapi.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	limit := "10"
	secrets, err := kms.ListResourceInstances(ctx, csms.ListResourceInstancesRequestBody{Action: "filter", Limit: &limit})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ma, err := modelartsapi.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tok, err := ma.ShowInstanceToken(ctx, os.Getenv("INSTANCE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n := len(secrets.Resources)
	fmt.Println(n, tok.Token != "")
}
