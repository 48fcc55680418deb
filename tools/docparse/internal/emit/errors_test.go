package emit

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func TestLocatedErrors(t *testing.T) {
	loc := func(line int) model.Loc { return model.Loc{File: "bad.md", Line: line} }
	ok := []*model.Response{{Status: "200"}}
	ops := []*model.Operation{
		{Loc: loc(1), Method: "GET", Path: "/a", Responses: ok},
		{Loc: loc(2), ID: "Unknown", Method: "GET", Path: "/b", Security: []string{"Signature"}, Responses: ok},
		{Loc: loc(3), ID: "Body", Method: "POST", Path: "/c/{id}", Responses: ok, Params: []*model.Param{
			{Loc: loc(4), Name: "name", In: model.InBody},
		}},
		{Loc: loc(5), ID: "Unknown", Method: "PUT", Path: "/d", Responses: ok},
		{Loc: loc(6), ID: "NoMethod", Path: "/e", Responses: ok},
		{Loc: loc(7), ID: "BadStatus", Method: "GET", Path: "/f", Responses: []*model.Response{{Loc: loc(8), Status: "2xx"}}},
	}
	_, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: ops})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		"bad.md:1: error: operation GET /a has no operationId; set one in the service file",
		`bad.md:5: error: operationId Unknown is already used at bad.md:2`,
		`bad.md:6: error: operation NoMethod has no method or path: the page gives none; set method and path in the service file`,
		`bad.md:8: error: response status "2xx" is not a code, a range like 4XX or default; dropped`,
		`bad.md:2: error: operation Unknown: unknown security scheme "Signature" (declare it in the service file)`,
		`bad.md:4: error: operation Body: body parameter "name" was not placed into the request body; dropped`,
		`bad.md:3: error: operation Body: path parameter "id" is not described`,
		`bad.md:7: warning: operation BadStatus documents no response; emitted a default one`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// Where the pages came from reaches the spec whole, pages modified since
// the commit included.
func TestDocsWritten(t *testing.T) {
	loc := func(line int) model.Loc { return model.Loc{File: "p.md", Line: line} }
	ok := []*model.Response{{Loc: loc(1), Status: "200"}}
	info := Info{Title: "t", Version: "1", Docs: []Docs{{
		Pages: "docs/vpc", Repository: "https://github.com/huaweicloudDocs/vpc.git", Commit: "a70e883", Path: "cn.zh-cn/API参考",
		Modified: []string{"cn.zh-cn/API参考/查询VPC.md"},
	}}}
	out, _, diags := Emit(Document{Info: info, Operations: []*model.Operation{{Loc: loc(1), ID: "ListVpcs", Method: "GET", Path: "/v1/vpcs", Responses: ok}}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := "  x-docapi-docs:\n    - pages: docs/vpc\n      repository: https://github.com/huaweicloudDocs/vpc.git\n      commit: a70e883\n      path: cn.zh-cn/API参考\n      modified:\n        - cn.zh-cn/API参考/查询VPC.md\n"
	if !strings.Contains(string(out), want) {
		t.Errorf("spec lacks\n%s\ngot\n%s", want, out)
	}
}
