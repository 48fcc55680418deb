// Package docapicalls is what size/docapi and size/docapifast run, so that
// the two programs differ only in the JSON decoder.
package docapicalls

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

// Run gets an IAM token, lists CSMS secrets and queries a ModelArts
// instance, decoding results with unmarshal (nil: encoding/json).
func Run(unmarshal func([]byte, any) error) {
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
	cfg := huawei.Config{Endpoint: ep, ProjectID: pid, Tokens: tokens, Unmarshal: unmarshal}
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
