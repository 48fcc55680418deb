package emit

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

func emitFixture(t *testing.T) ([]byte, model.Diagnostics) {
	t.Helper()
	out, _, diags := Emit(fixtureDocument())
	if diags.HasErrors() {
		t.Fatalf("unexpected errors:\n%v", diags)
	}
	return out, diags
}

func loadSpec(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the output: %v\n%s", err, data)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
		t.Fatalf("kin-openapi rejects the output: %v\n%s", err, data)
	}
	return doc
}

func TestFixtureIsValidOpenAPI(t *testing.T) {
	out, _ := emitFixture(t)
	doc := loadSpec(t, out)

	var schemas []string
	for name := range doc.Components.Schemas {
		schemas = append(schemas, name)
	}
	slices.Sort(schemas)
	want := []string{
		"CreateServerError", "CreateServerRequestBody", "CreateServerResponseBody", "CreateServerServer",
		"ErrorDetail", "ListServersError", "ListServersResponseBody", "ListServersServer",
		"Node", "Tag", "UploadServerFileRequestBody", "UploadServerFileRequestBodyMeta",
	}
	if diff := cmp.Diff(want, schemas); diff != "" {
		t.Errorf("component schemas (-want +got):\n%s", diff)
	}

	create := doc.Paths.Find("/v1/{project_id}/cloudservers").Post
	var params []string
	for _, p := range create.Parameters {
		params = append(params, p.Value.In+":"+p.Value.Name)
	}
	if diff := cmp.Diff([]string{"path:project_id", "header:X-Client-Token", "query:dry_run"}, params); diff != "" {
		t.Errorf("CreateServer parameters (-want +got):\n%s", diff)
	}
	if !create.Parameters[0].Value.Required {
		t.Error("path parameter project_id is not required")
	}
	if got := create.Responses.Value("400").Value.Content["application/json"].Schema.Ref; got != "#/components/schemas/CreateServerError" {
		t.Errorf("400 body refers to %q", got)
	}
	if got := create.Responses.Value("500").Value.Content["application/json"].Schema.Ref; got != "#/components/schemas/CreateServerError" {
		t.Errorf("500 body refers to %q, want the merged CreateServerError", got)
	}
	if got := *doc.Paths.Find("/v1/{project_id}/cloudservers").Get.Responses.Default().Value.Description; got != "Unexpected response" {
		t.Errorf("default response description = %q", got)
	}
	if got := *create.Responses.Value("500").Value.Description; got != "Internal Server Error" {
		t.Errorf("500 response description = %q", got)
	}
	examples := create.RequestBody.Value.Content["application/json"].Examples
	if _, ok := examples["example1"]; !ok || len(examples) != 1 {
		t.Errorf("request examples = %v, want only example1", examples)
	}
}

func TestFixtureFragments(t *testing.T) {
	out, _ := emitFixture(t)
	text := string(out)
	for _, fragment := range []string{
		// Paths keep document order; methods are lower case.
		"paths:\n  /v1/{project_id}/cloudservers:\n    post:\n      operationId: CreateServer\n",
		"    get:\n      operationId: ListServers\n",
		// Multi-line text reads as a literal block; Unicode stays as is.
		"      description: |-\n        创建一台云服务器。\n\n        异步接口。\n",
		// Responses: 2xx first, then the others ascending.
		"      responses:\n        \"200\":\n",
		"        \"400\":\n          description: 参数错误\n",
		"      security:\n        - XAuthToken: []\n",
		"      x-huawei-api-explorer: https://console.huaweicloud.com/apiexplorer/#/openapi/ECS/doc?api=CreateServers\n",
		"          headers:\n            X-Request-Id:\n              description: 请求ID\n              schema:\n                type: string\n",
		"            encoding:\n              meta:\n                contentType: application/json\n",
		// Properties in page order; required list in property order.
		// Two different "server" tables: each qualified by its operation.
		"    CreateServerServer:\n      type: object\n      description: 待创建的云服务器\n      required:\n        - name\n      properties:\n        name:\n",
		// Property description on an inline schema; a $ref stands alone.
		"        tags:\n          type: array\n          description: 标签列表\n          items:\n            $ref: '#/components/schemas/Tag'\n",
		"        metadata:\n          type: object\n          description: 自定义元数据\n          additionalProperties: true\n",
		"        extra:\n          description: 任意值\n",
		"        blob:\n          description: 页面写的类型是 file\n",
		"        priority:\n          type: integer\n          enum:\n            - 1\n            - 2\n",
		"          type: integer\n          format: int32\n          description: 数量\n          example: 1\n",
		"        created:\n          type: string\n          format: date-time\n          nullable: true\n",
		// The self-referential schema refers to itself.
		"    Node:\n      type: object\n      description: 拓扑节点\n      properties:\n        id:\n          type: string\n        children:\n          type: array\n          items:\n            $ref: '#/components/schemas/Node'\n",
		"  securitySchemes:\n    XAuthToken:\n      type: apiKey\n      description: Huawei IAM token\n      name: X-Auth-Token\n      in: header\n",
		// Examples: sorted keys, whole numbers as integers, null kept.
		"              example1:\n                summary: 创建一台按需云服务器\n                value:\n                  server:\n                    count: 2\n                    created: null\n                    name: ecs-测试\n                    priority: 2\n",
		"    ListServersServer:\n",
		// An object table without a type name is a component too, named by its path.
		"        meta:\n          $ref: '#/components/schemas/UploadServerFileRequestBodyMeta'\n",
		// Where each operation, parameter, table and inline property came from.
		"      x-docapi-source: ecs.md:1\n",
		"          x-docapi-source: ecs.md:11 table \"请求Header参数\" row 3\n",
		"          x-docapi-source: ecs.md:30 table \"server\" row 9\n      x-docapi-source: ecs.md:30 table \"server\"\n",
		"        enum:\n          - cn-north-4\n          - ap-southeast-1\n        default: cn-north-4\n",
	} {
		if !strings.Contains(text, fragment) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", fragment, text)
			return
		}
	}
	for _, absent := range []string{"X-Auth-Token\n              in: header", "Content-Type", `\u`, "allOf"} {
		if strings.Contains(text, absent) {
			t.Errorf("output contains %q", absent)
		}
	}
}

func TestFixtureDiagnostics(t *testing.T) {
	_, diags := emitFixture(t)
	want := []string{
		`ecs.md:60: warning: example dropped: $.server.count: expected integer, got string "3"`,
		`ecs.md:30: table "server" row 8: warning: unknown schema type "file"; emitted as any value`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestDeterministic(t *testing.T) {
	first, _ := emitFixture(t)
	for range 5 {
		again, _ := emitFixture(t)
		if !bytes.Equal(first, again) {
			t.Fatalf("two runs differ:\n%s", cmp.Diff(string(first), string(again)))
		}
	}
}

// goldenHeader names the command that rewrites the golden file.
const goldenHeader = "# emit's output for fixture_test.go; rewrite with: go test ./tools/docparse/internal/emit -run TestGolden -update\n"

// TestGolden keeps a complete sample output under review; run with
// -update after an intended change.
func TestGolden(t *testing.T) {
	spec, _ := emitFixture(t)
	out := append([]byte(goldenHeader), spec...)
	golden := filepath.Join("testdata", "fixture.golden.yaml")
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(out)); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
	}
}
