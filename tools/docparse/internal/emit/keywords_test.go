package emit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func probeDoc(body *model.Schema, examples ...any) Document {
	b := &model.Body{Schema: body}
	for _, v := range examples {
		b.Examples = append(b.Examples, &model.Example{Loc: model.Loc{File: "p.md", Line: 9}, Value: v})
	}
	return Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{{
		ID: "Probe", Method: "POST", Path: "/probe", RequestBody: b, Responses: []*model.Response{{Status: "204"}},
	}}}
}

func float(f float64) *float64 { return &f }

// TestReaderKeywords: the keywords readers take from type cells and prose
// are written, with the sentences they came from, and examples are held
// to them.
func TestReaderKeywords(t *testing.T) {
	at := model.Loc{File: "p.md", Line: 3, Table: "请求Body参数", Row: 2}
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "name", Schema: &model.Schema{Loc: at, Type: model.TypeString, MinLength: 1, MaxLength: 36, Default: "x",
			Constraints: []model.Constraint{{Loc: at, Keyword: "maxLength", Sentence: "最大长度36个字符"}}}},
		{Name: "limit", Schema: &model.Schema{Loc: at, Type: model.TypeInteger, Minimum: float(1), Maximum: float(1000), Default: 10.0}},
		{Name: "labels", Schema: &model.Schema{Loc: at, Type: model.TypeObject, AdditionalProperties: &model.Schema{Type: model.TypeInteger}}},
	}}
	out, _, diags := Emit(probeDoc(body,
		map[string]any{"name": "ok", "limit": 5.0, "labels": map[string]any{"a": 1.0}},
		map[string]any{"name": strings.Repeat("长", 37)},
		map[string]any{"limit": 1001.0},
		map[string]any{"labels": map[string]any{"a": "one"}},
	))
	doc := loadSpec(t, out)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`p.md:9: warning: example dropped: $.name: 37 characters is longer than maxLength 36`,
		`p.md:9: warning: example dropped: $.limit: 1001 is above the maximum 1000`,
		`p.md:9: warning: example dropped: $.labels.a: expected integer, got string "one"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	for _, fragment := range []string{
		"        name:\n          type: string\n          default: x\n          minLength: 1\n          maxLength: 36\n" +
			"          x-docapi-constraints:\n            - keyword: maxLength\n              sentence: 最大长度36个字符\n",
		"          default: 10\n          minimum: 1\n          maximum: 1000\n",
		"        labels:\n          type: object\n          additionalProperties:\n            type: integer\n",
	} {
		if !strings.Contains(string(out), fragment) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", fragment, out)
		}
	}
	if n := len(doc.Paths.Find("/probe").Post.RequestBody.Value.Content["application/json"].Examples); n != 1 {
		t.Errorf("%d examples kept, want 1", n)
	}
}

func TestInvalidDefaultsAndLimitsDropped(t *testing.T) {
	at := model.Loc{File: "p.md", Line: 4}
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "a", Schema: &model.Schema{Loc: at, Type: model.TypeInteger, Default: "ten"}},
		{Name: "b", Schema: &model.Schema{Loc: at, Type: model.TypeString, Enum: []string{"x"}, Default: "y"}},
		{Name: "c", Schema: &model.Schema{Loc: at, Type: model.TypeInteger, Minimum: float(5), Maximum: float(1)}},
		{Name: "d", Schema: &model.Schema{Loc: at, Type: model.TypeString, MinLength: 9, MaxLength: 2}},
	}}
	out, _, diags := Emit(probeDoc(body))
	loadSpec(t, out)
	var got []string
	for _, d := range diags {
		got = append(got, d.Msg)
	}
	want := []string{
		`default dropped: $: expected integer, got string "ten"`,
		`default dropped: $: string "y" is not one of the enum values ["x"]`,
		`minimum 5 is above maximum 1; both dropped`,
		`length limits 9..2 make no sense; dropped`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if strings.Contains(string(out), "default:") || strings.Contains(string(out), "minimum:") || strings.Contains(string(out), "Length:") {
		t.Errorf("dropped keywords written:\n%s", out)
	}
}

// TestDiagnosticsOnceAndModelUnchanged: a defective schema used in many
// places is reported once, and emitting leaves the model as it was.
func TestDiagnosticsOnceAndModelUnchanged(t *testing.T) {
	odd := &model.Schema{Loc: model.Loc{File: "p.md", Line: 5}, Type: "file"}
	shared := &model.Schema{Type: model.TypeArray, Items: odd}
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "a", Schema: shared}, {Name: "b", Schema: shared}, {Name: "c", Schema: odd},
	}}
	doc := probeDoc(body)
	doc.Operations = append(doc.Operations, &model.Operation{ID: "Again", Method: "PUT", Path: "/probe",
		RequestBody: &model.Body{Schema: body}, Responses: []*model.Response{{Status: "204"}}})
	_, _, diags := Emit(doc)
	if len(diags) != 1 || !strings.Contains(diags[0].Msg, `unknown schema type "file"`) {
		t.Errorf("want the one defect reported once, got %v", diags)
	}

	before, after := fixtureDocument(), fixtureDocument()
	Emit(after)
	if !reflect.DeepEqual(before, after) {
		t.Error("Emit changed the model it was given")
	}
}

func TestSecuritySchemes(t *testing.T) {
	doc := Document{Info: Info{Title: "t", Version: "1"},
		SecuritySchemes: []SecurityScheme{
			{Name: "Key", Type: "apiKey", In: "query", ParamName: "key"},
			{Name: "Key", Type: "apiKey", In: "query", ParamName: "key"},
			{Name: "Basic", Type: "http"},
			{Name: "Nowhere", Type: "apiKey", In: "body", ParamName: "k"},
			{Name: "bad name", Type: "apiKey", In: "header", ParamName: "k"},
			{Name: "Unused", Type: "apiKey", In: "header", ParamName: "X-Key"},
		},
		Operations: []*model.Operation{{ID: "Op", Method: "GET", Path: "/op", Security: []string{"Key"},
			Params:    []*model.Param{{Name: "key", In: model.InQuery, Schema: &model.Schema{Type: model.TypeString}}},
			Responses: []*model.Response{{Status: "204"}}}},
	}
	out, _, diags := Emit(doc)
	var got []string
	for _, d := range diags {
		got = append(got, d.Msg)
	}
	want := []string{
		"security scheme Key is declared twice",
		`security scheme Basic: type "http" is not supported (apiKey is)`,
		`security scheme Nowhere: in must be header, query or cookie, not "body"`,
		`security scheme "bad name": the name must be a Go-friendly identifier`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(out), "  securitySchemes:\n    Key:\n      type: apiKey\n      name: key\n      in: query\n") || strings.Contains(string(out), "Unused") {
		t.Errorf("want only the scheme in use:\n%s", out)
	}
}

// TestExampleNesting: examples nested to MaxNesting are written and load in
// kin-openapi; deeper ones are dropped with a warning.
func TestExampleNesting(t *testing.T) {
	nested := func(depth int) any {
		var v any = "leaf"
		for range depth {
			v = map[string]any{"k": v}
		}
		return v
	}
	free := &model.Schema{Type: model.TypeObject, FreeForm: true}
	out, _, diags := Emit(probeDoc(free, nested(MaxNesting), nested(MaxNesting+1)))
	doc := loadSpec(t, out)
	if n := len(doc.Paths.Find("/probe").Post.RequestBody.Value.Content["application/json"].Examples); n != 1 {
		t.Errorf("%d examples written, want the one at the limit", n)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Msg, "nested deeper than 64 levels") {
		t.Errorf("want one warning for the deeper example, got %v", diags)
	}
}
