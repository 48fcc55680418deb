// Command docapi4 lists KMS keys, VPCs, ECS servers and RDS instances with
// docapi's whole-service clients (every operation of each spec generated).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/docapi/docapi/generated/ecs"
	"github.com/docapi/docapi/generated/ecs/ecsapi"
	"github.com/docapi/docapi/generated/kms"
	"github.com/docapi/docapi/generated/kms/kmsapi"
	"github.com/docapi/docapi/generated/rds"
	"github.com/docapi/docapi/generated/rds/rdsapi"
	"github.com/docapi/docapi/generated/vpc"
	"github.com/docapi/docapi/generated/vpc/vpcapi"
	"github.com/docapi/docapi/wrappers/huawei"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: docapi4 ENDPOINT")
		os.Exit(2)
	}
	ctx := context.Background()
	cred, err := huawei.CredentialsFromEnv(os.Getenv)
	if err != nil {
		fail(err)
	}
	cfg := huawei.Config{Endpoint: os.Args[1], Credentials: cred}
	k, err := kmsapi.New(cfg)
	if err != nil {
		fail(err)
	}
	keys, err := k.ListKeys(ctx, kms.ListKeysJSONRequestBody{})
	if err != nil {
		fail(err)
	}
	v, err := vpcapi.New(cfg)
	if err != nil {
		fail(err)
	}
	vpcs, err := v.ListVpcs(ctx, &vpc.ListVpcsParams{})
	if err != nil {
		fail(err)
	}
	e, err := ecsapi.New(cfg)
	if err != nil {
		fail(err)
	}
	servers, err := e.ListServersDetails(ctx, &ecs.ListServersDetailsParams{})
	if err != nil {
		fail(err)
	}
	r, err := rdsapi.New(cfg)
	if err != nil {
		fail(err)
	}
	instances, err := r.ListInstances(ctx, &rds.ListInstancesParams{})
	if err != nil {
		fail(err)
	}
	fmt.Println(keys != nil, vpcs != nil, servers != nil, instances != nil)
}
