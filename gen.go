// Package docapi holds the go:generate lines that turn the documentation
// pages in testdata/ into OpenAPI specs (specs/) and the specs into Go
// clients (generated/). Run `go generate ./...` from the module root.
//
// Each spec is read from the pages its service file names; the pages
// docparse skips or leaves out are listed, with why, in
// specs/<service>.leftout.
package docapi

//go:generate go run ./tools/docparse -notes=false -service specs/iam.service.yaml -leftout specs/iam.leftout -o specs/iam.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/csms.service.yaml -leftout specs/csms.leftout -o specs/csms.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/kms.service.yaml -leftout specs/kms.leftout -o specs/kms.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/modelarts.service.yaml -leftout specs/modelarts.leftout -o specs/modelarts.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/vpc.service.yaml -leftout specs/vpc.leftout -o specs/vpc.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/ecs.service.yaml -leftout specs/ecs.leftout -o specs/ecs.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/ecsnova.service.yaml -leftout specs/ecsnova.leftout -o specs/ecsnova.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/rds.service.yaml -leftout specs/rds.leftout -o specs/rds.yaml
//go:generate go run ./tools/docparse -notes=false -service specs/top.service.yaml -leftout specs/top.leftout -o specs/top.yaml

// Each spec's client (tools/clientgen, one process per config=spec pair, as
// many at a time as there are CPUs; one line for all the Huawei specs, as
// each go run costs ~0.3 s however little it does): the models and raw
// client oapi-codegen's library writes for specs/<service>.codegen.yaml
// (generated/<service>/<service>.gen.go; the same config works with `go tool
// oapi-codegen`, which writes the same code without the doc comments' Source:
// lines), the server URL and the typed layer generated/<service>/<service>api.
//go:generate go run ./tools/clientgen -family huawei specs/iam.codegen.yaml=specs/iam.yaml specs/csms.codegen.yaml=specs/csms.yaml specs/kms.codegen.yaml=specs/kms.yaml specs/modelarts.codegen.yaml=specs/modelarts.yaml specs/vpc.codegen.yaml=specs/vpc.yaml specs/ecs.codegen.yaml=specs/ecs.yaml specs/ecsnova.codegen.yaml=specs/ecsnova.yaml specs/rds.codegen.yaml=specs/rds.yaml
//go:generate go run ./tools/clientgen -family top -config specs/top.codegen.yaml specs/top.yaml

// The generated raw clients by service, for specs/specs_test.go, from every
// codegen config: a new service needs no line here.
//go:generate go run ./tools/clientgen -registry specs/clients_gen_test.go "specs/*.codegen.yaml"
