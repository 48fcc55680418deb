// Command official4 lists KMS keys, VPCs, ECS servers and RDS instances with
// the official Huawei Cloud Go SDK.
package main

import (
	"fmt"
	"os"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	ecs "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2"
	ecsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/model"
	kms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kms/v2"
	kmsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/kms/v2/model"
	rds "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3"
	rdsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3/model"
	vpc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2"
	vpcmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/model"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: official4 ENDPOINT")
		os.Exit(2)
	}
	ep := []string{os.Args[1]}
	cred, err := basic.NewCredentialsBuilder().WithAk(os.Getenv("HUAWEICLOUD_SDK_AK")).
		WithSk(os.Getenv("HUAWEICLOUD_SDK_SK")).WithProjectId(os.Getenv("HUAWEICLOUD_SDK_PROJECT_ID")).SafeBuild()
	if err != nil {
		fail(err)
	}
	khc, err := kms.KmsClientBuilder().WithEndpoints(ep).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	keys, err := kms.NewKmsClient(khc).ListKeys(&kmsmodel.ListKeysRequest{Body: &kmsmodel.ListKeysRequestBody{}})
	if err != nil {
		fail(err)
	}
	vhc, err := vpc.VpcClientBuilder().WithEndpoints(ep).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	vpcs, err := vpc.NewVpcClient(vhc).ListVpcs(&vpcmodel.ListVpcsRequest{})
	if err != nil {
		fail(err)
	}
	ehc, err := ecs.EcsClientBuilder().WithEndpoints(ep).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	servers, err := ecs.NewEcsClient(ehc).ListServersDetails(&ecsmodel.ListServersDetailsRequest{})
	if err != nil {
		fail(err)
	}
	rhc, err := rds.RdsClientBuilder().WithEndpoints(ep).WithCredential(cred).SafeBuild()
	if err != nil {
		fail(err)
	}
	instances, err := rds.NewRdsClient(rhc).ListInstances(&rdsmodel.ListInstancesRequest{})
	if err != nil {
		fail(err)
	}
	fmt.Println(keys != nil, vpcs != nil, servers != nil, instances != nil)
}
