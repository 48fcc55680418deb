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

// A placeholder named twice in one path cannot be filled apart by a client
// (oapi-codegen writes a Sprintf with one argument for two verbs).
func TestPlaceholderTwiceInAPath(t *testing.T) {
	op := &model.Operation{Loc: model.Loc{File: "q.md", Line: 3}, ID: "ShowQuota", Method: "GET", Path: "/v2.1/{project_id}/os-quota-sets/{project_id}",
		Params:    []*model.Param{{Name: "project_id", In: model.InPath, Required: true, Schema: &model.Schema{Type: model.TypeString}}},
		Responses: []*model.Response{{Status: "200"}}}
	_, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	if !diags.HasErrors() || diags[0].Loc.File != "q.md" || !strings.Contains(diags[0].Msg, "names {project_id} twice") {
		t.Errorf("want a located error, got %v", diags)
	}
}

// A comma-joined array query parameter is written style form, explode
// false (ids=a,b); a comma-joined flag on anything but an array in the
// query is ignored, since OpenAPI's explode means nothing there.
func TestCommaJoinedArrayQuery(t *testing.T) {
	strs := func() *model.Schema {
		return &model.Schema{Type: model.TypeArray, Items: &model.Schema{Type: model.TypeString}}
	}
	op := &model.Operation{Loc: model.Loc{File: "v.md", Line: 1}, ID: "DeleteAssets", Method: "DELETE", Path: "/v1.0/asset",
		Params: []*model.Param{
			{Name: "asset_id", In: model.InQuery, Required: true, Schema: strs(), CommaJoined: true},
			{Name: "tags", In: model.InQuery, Schema: strs()},
			{Name: "name", In: model.InQuery, Schema: &model.Schema{Type: model.TypeString}, CommaJoined: true},
		},
		Responses: []*model.Response{{Status: "204"}}}
	out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	doc := loadSpec(t, out)
	for _, p := range doc.Paths.Find("/v1.0/asset").Delete.Parameters {
		explode := p.Value.Explode == nil || *p.Value.Explode
		if want := p.Value.Name != "asset_id"; explode != want {
			t.Errorf("%s: explode %v, want %v", p.Value.Name, explode, want)
		}
		if p.Value.Name == "asset_id" && p.Value.Style != "form" {
			t.Errorf("asset_id: style %q, want form", p.Value.Style)
		}
	}
}

// OBS's POST /?delete is a required query parameter whose one value is
// empty: kin-openapi loads it, and a request with ?delete= satisfies it.
func TestEmptyQueryFlag(t *testing.T) {
	op := &model.Operation{Loc: model.Loc{File: "o.md", Line: 1}, ID: "DeleteObjects", Method: "POST", Path: "/",
		Params:    []*model.Param{{Name: "delete", In: model.InQuery, Required: true, Schema: &model.Schema{Type: model.TypeString, Enum: []string{""}}}},
		Responses: []*model.Response{{Status: "200"}}}
	out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p := loadSpec(t, out).Paths.Find("/").Post.Parameters[0].Value
	if err := p.Schema.Value.VisitJSON(""); err != nil || !p.Required {
		t.Errorf("delete: required %v, the empty value: %v", p.Required, err)
	}
	if err := p.Schema.Value.VisitJSON("x"); err == nil {
		t.Error("delete accepts a value other than the empty one")
	}
}
