package emit

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// TestExampleValidation checks each verdict and, by loading the emitted
// document, that an accepted example never makes kin-openapi reject it.
func TestExampleValidation(t *testing.T) {
	obj := func(props ...*model.Property) *model.Schema {
		return &model.Schema{Type: model.TypeObject, Properties: props}
	}
	typed := func(typ, format string) *model.Schema { return &model.Schema{Type: typ, Format: format} }
	cases := []struct {
		name   string
		schema *model.Schema
		value  any
		reason string // "" when valid
	}{
		{"integer", typed(model.TypeInteger, ""), 3.0, ""},
		{"fraction for integer", typed(model.TypeInteger, ""), 1.5, "$: 1.5 is not an integer"},
		{"int32 overflow", typed(model.TypeInteger, "int32"), 3e9, "$: 3000000000 is out of int32 range"},
		{"number", typed(model.TypeNumber, "double"), 1.5, ""},
		{"string for number", typed(model.TypeNumber, ""), "1", `$: expected number, got string "1"`},
		{"string for boolean", typed(model.TypeBoolean, ""), "true", `$: expected boolean, got string "true"`},
		{"date-time", typed(model.TypeString, "date-time"), "2024-02-29T10:00:00Z", ""},
		{"bad date-time", typed(model.TypeString, "date-time"), "2024-02-29 10:00:00", `$: "2024-02-29 10:00:00" is not a valid date-time: does not match`},
		{"no such day", typed(model.TypeString, "date"), "2023-02-30", `$: "2023-02-30" is not a valid date: no such day`},
		{"unknown format", typed(model.TypeString, "uuid"), "not-a-uuid", ""},
		{"null not nullable", typed(model.TypeString, ""), nil, "$: null is not allowed (schema is not nullable)"},
		{"null for any", &model.Schema{}, nil, "$: null is not allowed"},
		{"anything for any", &model.Schema{}, []any{1.0, "x"}, ""},
		{"enum", &model.Schema{Type: model.TypeString, Enum: []string{"a", "b"}}, "c", `$: string "c" is not one of the enum values ["a" "b"]`},
		{"integer enum", &model.Schema{Type: model.TypeInteger, Enum: []string{"1", "2"}}, 2.0, ""},
		{"missing required", obj(&model.Property{Name: "id", Required: true, Schema: typed(model.TypeString, "")}),
			map[string]any{"other": 1.0}, `$.id: required, but missing from the example`},
		{"unlisted member refused", obj(&model.Property{Name: "id", Schema: typed(model.TypeString, "")}),
			map[string]any{"id": "x", "more": true}, `$.more: the tables list no such member`},
		{"free-form object takes any member", &model.Schema{Type: model.TypeObject, FreeForm: true},
			map[string]any{"id": "x", "more": true}, ""},
		{"nested array item", obj(&model.Property{Name: "list", Schema: &model.Schema{Type: model.TypeArray,
			Items: obj(&model.Property{Name: "n", Schema: typed(model.TypeInteger, "")})}}),
			map[string]any{"list": []any{map[string]any{"n": 1.0}, map[string]any{"n": "2"}}}, `$.list[1].n: expected integer, got string "2"`},
		{"free form", &model.Schema{Type: model.TypeObject, FreeForm: true}, map[string]any{"k": []any{}}, ""},
		{"array for object", obj(), []any{}, "$: expected object, got array"},
		// Every disagreement is named, one reason's places together (EIP's
		// floating IP example has three members its table lacks).
		{"all unlisted members", obj(&model.Property{Name: "floatingip", Schema: obj(&model.Property{Name: "id", Schema: typed(model.TypeString, "")})}),
			map[string]any{"floatingip": map[string]any{"id": "x", "updated_at": "t", "created_at": "t", "project_id": "p"}},
			`$.floatingip.created_at, $.floatingip.project_id, $.floatingip.updated_at: the tables list no such member (misspelt, or missing from the table)`},
		{"several reasons", obj(&model.Property{Name: "n", Schema: typed(model.TypeInteger, "")}, &model.Property{Name: "b", Schema: typed(model.TypeBoolean, "")}),
			map[string]any{"n": "1", "b": "true", "x": 1.0},
			`$.n: expected integer, got string "1"; $.b: expected boolean, got string "true"; $.x: the tables list no such member`},
		{"bounded", obj(&model.Property{Name: "id", Schema: typed(model.TypeString, "")}), map[string]any{"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0, "e": 1.0, "f": 1.0, "g": 1.0},
			"$.a, $.b, $.c, $.d, $.e: the tables list no such member (misspelt, or missing from the table); and more"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op := &model.Operation{ID: "Probe", Method: "POST", Path: "/probe", Responses: []*model.Response{{
				Status: "200", Body: &model.Body{Schema: c.schema, Examples: []*model.Example{{Loc: model.Loc{File: "p.md", Line: 7}, Value: c.value}}},
			}}}
			out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
			loadSpec(t, out)
			var warnings []string
			for _, d := range diags {
				warnings = append(warnings, d.Msg)
			}
			switch {
			case c.reason == "" && len(warnings) != 0:
				t.Errorf("valid example rejected: %v", warnings)
			case c.reason != "" && (len(warnings) != 1 || !strings.HasPrefix(warnings[0], "example dropped: "+c.reason)):
				t.Errorf("got %q, want one warning starting %q", warnings, "example dropped: "+c.reason)
			}
			if hasExample := strings.Contains(string(out), "example1:"); hasExample != (c.reason == "") {
				t.Errorf("example emitted = %v, want %v", hasExample, c.reason == "")
			}
		})
	}
}

func TestSchemaExampleDropped(t *testing.T) {
	s := &model.Schema{Loc: model.Loc{File: "p.md", Line: 3}, Type: model.TypeInteger, Example: "ten"}
	op := &model.Operation{ID: "Probe", Method: "GET", Path: "/probe",
		Params:    []*model.Param{{Name: "n", In: model.InQuery, Schema: s}},
		Responses: []*model.Response{{Status: "204"}}}
	out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	loadSpec(t, out)
	want := model.Diagnostics{{Loc: s.Loc, Severity: model.Warning, Msg: `example dropped: $: expected integer, got string "ten"`}}
	if diff := cmp.Diff(want, diags); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if strings.Contains(string(out), "example") {
		t.Errorf("invalid example emitted:\n%s", out)
	}
}

// A null where the schema has an optional, non-nullable property leaves
// that member out of the example, not the whole example; a required one
// still drops it, and a nullable one keeps its null.
func TestNullMembersLeftOut(t *testing.T) {
	str := func(nullable bool) *model.Schema { return &model.Schema{Type: model.TypeString, Nullable: nullable} }
	item := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: "v", Schema: str(false)}, {Name: "w", Schema: str(false)}}}
	schema := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "id", Required: true, Schema: str(false)},
		{Name: "deleted_at", Schema: str(false)},
		{Name: "note", Schema: str(true)},
		{Name: "items", Schema: &model.Schema{Type: model.TypeArray, Items: item}},
	}}
	emit := func(value any) (string, []string) {
		op := &model.Operation{ID: "Probe", Method: "GET", Path: "/probe", Responses: []*model.Response{{
			Status: "200", Body: &model.Body{Schema: schema, Examples: []*model.Example{{Loc: model.Loc{File: "p.md", Line: 7}, Value: value}}},
		}}}
		out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
		loadSpec(t, out)
		var msgs []string
		for _, d := range diags {
			msgs = append(msgs, d.Severity.String()+": "+d.Msg)
		}
		return string(out), msgs
	}
	out, msgs := emit(map[string]any{"id": "x", "deleted_at": nil, "note": nil, "items": []any{map[string]any{"v": "a", "w": nil}}})
	want := []string{
		"note: example: $.deleted_at is null, but the property is optional and not nullable (OpenAPI 3.0 has no null there); left out of the example",
		"note: example: $.items[0].w is null, but the property is optional and not nullable (OpenAPI 3.0 has no null there); left out of the example",
	}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, "example1:") || strings.Contains(out, "deleted_at: null") || strings.Contains(out, "w: null") || !strings.Contains(out, "note: null") {
		t.Errorf("example not kept as expected:\n%s", out)
	}
	out, msgs = emit(map[string]any{"id": nil})
	if strings.Contains(out, "example1:") || len(msgs) != 1 || !strings.Contains(msgs[0], "example dropped: $.id: null is not allowed") {
		t.Errorf("a required null kept: %v\n%s", msgs, out)
	}
}
