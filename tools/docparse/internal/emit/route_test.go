package emit

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// /things/{id} and /things/{thing_id} are one templated path to OpenAPI
// (kin-openapi rejects the pair as conflicting), so the second operation on
// the same method is reported, not written into an invalid document.
func TestSameTemplatedRouteIsADuplicate(t *testing.T) {
	op := func(line int, id, path, param string) *model.Operation {
		return &model.Operation{Loc: model.Loc{File: "p.md", Line: line}, ID: id, Method: "GET", Path: path,
			Params:    []*model.Param{{Name: param, In: model.InPath, Schema: &model.Schema{Type: model.TypeString}}},
			Responses: []*model.Response{{Status: "204"}}}
	}
	_, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{
		op(1, "A", "/things/{id}", "id"), op(2, "B", "/things/{thing_id}", "thing_id"),
	}})
	if len(diags) != 1 || diags[0].Loc.Line != 2 || !strings.Contains(diags[0].Msg, "already described at p.md:1") {
		t.Errorf("want one error at the second operation, got %v", diags)
	}
}
