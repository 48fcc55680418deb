package service

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// An unplaced argument of a POST goes into the request body; when the body
// is not an object (a top-level array) it has no place there, and dropping
// it must be reported, not silent. A body without a schema gets one.
func TestApplyBodyMemberNeedsObjectBody(t *testing.T) {
	arg := func() *model.Param {
		return &model.Param{Loc: model.Loc{File: "a.md", Line: 9, Table: "请求参数说明", Row: 2}, Name: "name", In: model.InBody, Schema: str()}
	}
	array := &model.Schema{Type: model.TypeArray, Items: str()}
	op := &model.Operation{Loc: model.Loc{File: "a.md"}, ID: "Op", Method: "POST", Path: "/x",
		RequestBody: &model.Body{Schema: array}, Params: []*model.Param{arg()}}
	diags := Apply(nil, []*model.Page{{Operations: []*model.Operation{op}}}, nil)
	if len(diags) != 1 || diags[0].Loc != arg().Loc || !strings.Contains(diags[0].Msg, `"name"`) {
		t.Errorf("want one diagnostic at the argument's row naming it, got %v", diags)
	}
	if len(array.Properties) != 0 || len(op.Params) != 0 {
		t.Errorf("argument placed on an array body: %+v, params %v", array, op.Params)
	}

	op = &model.Operation{Loc: model.Loc{File: "a.md"}, ID: "Op", Method: "POST", Path: "/x",
		RequestBody: &model.Body{MediaType: "application/json"}, Params: []*model.Param{arg()}}
	if diags := Apply(nil, []*model.Page{{Operations: []*model.Operation{op}}}, nil); len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if op.RequestBody.Schema.Property("name") == nil {
		t.Errorf("argument not placed in a body without schema")
	}
}

// Only a path parameter documents a path placeholder: a query parameter of
// the same name leaves {id} undocumented, so the path parameter is added.
func TestApplyQueryParamDoesNotDocumentPlaceholder(t *testing.T) {
	op := &model.Operation{Loc: model.Loc{File: "a.md", Line: 1}, ID: "Op", Method: "GET", Path: "/things/{id}",
		Params: []*model.Param{{Name: "id", In: model.InQuery, Schema: str()}}}
	diags := Apply(nil, []*model.Page{{Operations: []*model.Operation{op}}}, nil)
	if len(diags) != 1 || !strings.Contains(diags[0].Msg, "has {id} but the page documents no such parameter") {
		t.Errorf("diagnostics: %v", diags)
	}
	var got []string
	for _, p := range op.Params {
		got = append(got, p.In+":"+p.Name)
	}
	if strings.Join(got, " ") != "query:id path:id" {
		t.Errorf("params %v, want query:id path:id", got)
	}
}

// A path parameter listed twice is a repeat (the emitter drops it), not a
// parameter "missing from the path".
func TestApplyRepeatedPathParam(t *testing.T) {
	id := func() *model.Param { return &model.Param{Name: "id", In: model.InPath, Schema: str()} }
	op := &model.Operation{Loc: model.Loc{File: "a.md", Line: 1}, ID: "Op", Method: "GET", Path: "/things/{id}",
		Params: []*model.Param{id(), id()}}
	if diags := Apply(nil, []*model.Page{{Operations: []*model.Operation{op}}}, nil); len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
}

// Two entries for one page: only the first would ever apply, so the file is
// rejected, naming both lines.
func TestParseRejectsRepeatedPage(t *testing.T) {
	_, err := Parse("svc.yaml", []byte("operations:\n  - page: a.md\n    operationId: A\n  - page: a.md\n    operationId: B\n"))
	if err == nil || !strings.Contains(err.Error(), "svc.yaml:4") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("want an error at svc.yaml:4 naming line 2, got %v", err)
	}
}
