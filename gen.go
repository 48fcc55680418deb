// Package docapi holds the go:generate lines that turn the documentation
// pages in testdata/pages into OpenAPI specs (specs/) and the specs into Go
// clients (generated/). Run `go generate ./...` from the module root.
package docapi

//go:generate go run ./tools/docparse -service specs/iam.service.yaml -o specs/iam.yaml testdata/pages/003_35a63400baf27e53.txt
//go:generate go run ./tools/docparse -service specs/csms.service.yaml -o specs/csms.yaml testdata/pages/001_83a3706802655526.txt
//go:generate go run ./tools/docparse -service specs/modelarts.service.yaml -o specs/modelarts.yaml testdata/pages/000_c4a9fc00bbd1a588.txt
//go:generate go run ./tools/docparse -service specs/top.service.yaml -o specs/top.yaml testdata/pages/002_864b31744e4ac0fa.txt
//go:generate go run ./tools/docparse -service specs/vpc.service.yaml -o specs/vpc.yaml testdata/corpus/huaweicloudDocs/vpc/API参考/查询VPC列表-1.md testdata/corpus/huaweicloudDocs/vpc/API参考/查询地址组.md testdata/corpus/huaweicloudDocs/vpc/API参考/创建地址组.md testdata/corpus/huaweicloudDocs/vpc/API参考/删除安全组-6.md testdata/corpus/huaweicloudDocs/vpc/API参考/更新地址组.md testdata/corpus/huaweicloudDocs/vpc/API参考/查询地址组列表.md testdata/corpus/huaweicloudDocs/vpc/API参考/查询子网列表.md
//go:generate go tool oapi-codegen -config specs/iam.codegen.yaml specs/iam.yaml
//go:generate go tool oapi-codegen -config specs/csms.codegen.yaml specs/csms.yaml
//go:generate go tool oapi-codegen -config specs/modelarts.codegen.yaml specs/modelarts.yaml
//go:generate go tool oapi-codegen -config specs/top.codegen.yaml specs/top.yaml
//go:generate go tool oapi-codegen -config specs/vpc.codegen.yaml specs/vpc.yaml
// The typed layer over each client (tools/clientgen): generated/<service>/<service>api.
//go:generate go run ./tools/clientgen -family huawei -config specs/iam.codegen.yaml specs/iam.yaml
//go:generate go run ./tools/clientgen -family huawei -config specs/csms.codegen.yaml specs/csms.yaml
//go:generate go run ./tools/clientgen -family huawei -config specs/modelarts.codegen.yaml specs/modelarts.yaml
//go:generate go run ./tools/clientgen -family huawei -config specs/vpc.codegen.yaml specs/vpc.yaml
//go:generate go run ./tools/clientgen -family top -config specs/top.codegen.yaml specs/top.yaml
