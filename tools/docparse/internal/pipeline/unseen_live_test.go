package pipeline

import (
	"os"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Live's 恢复直播推流 (an unseen page): the request table's names are the
// request example's URL query (DELETE …/stream/blocks?domain=xxx&…), so
// they are query parameters, not a DELETE body; the failure table and
// example are the default answer, never the success one.
func TestUnseenLiveDeleteByQuery(t *testing.T) {
	dir := root + "testdata/pages/unseen/"
	name := "huawei-api/live-resume-stream-block.md"
	src, err := os.ReadFile(dir + name)
	if err != nil {
		t.Fatal(err)
	}
	res := Run([]Source{{Name: name, Data: src}}, Options{Service: pageConfig(loadService(t, dir+"unseen.service.yaml"), "live-resume-stream-block.md")})
	if res.YAML == nil {
		t.Fatalf("no spec:\n%s", diagText(res))
	}
	doc, err := openapi3.NewLoader().LoadFromData(res.YAML)
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Paths.Find("/v1/{project_id}/stream/blocks").Delete
	if op == nil {
		t.Fatalf("no DELETE /v1/{project_id}/stream/blocks:\n%s", res.YAML)
	}
	if op.OperationID != "DeleteStreamBlock" {
		t.Errorf("operationId %q, want DeleteStreamBlock", op.OperationID)
	}
	var query []string
	for _, p := range op.Parameters {
		if p.Value.In == "query" && p.Value.Required {
			query = append(query, p.Value.Name)
		}
	}
	if want := []string{"domain", "app_name", "stream_name"}; !slices.Equal(query, want) {
		t.Errorf("required query parameters %q, want %q", query, want)
	}
	if op.RequestBody != nil {
		t.Errorf("a request body: %+v", op.RequestBody.Value)
	}
	if op.Responses.Status(200) != nil {
		t.Errorf("the failure table became the 200 answer:\n%s", res.YAML)
	}
	def := op.Responses.Default()
	if def == nil || def.Value.Content.Get("application/json") == nil {
		t.Fatalf("no default answer with a body:\n%s", res.YAML)
	}
	if s := def.Value.Content.Get("application/json").Schema; s.Value.Properties["error_code"] == nil {
		t.Errorf("default body lacks error_code:\n%s", res.YAML)
	}
}
