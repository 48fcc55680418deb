package emit

import (
	"context"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// FuzzEmitText: whatever text a page puts in names, descriptions, enums and
// examples, a document emitted without errors loads in yaml.v3 and
// kin-openapi, and keeps the text.
func FuzzEmitText(f *testing.F) {
	for _, s := range []string{"name", "200", "a: b", "两行\n文字", " lead", "trail ", "\t", "- x", "#x", "'q'", `"q"`, "\xff", "yes", "2020-01-04"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		s := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
			{Name: name, Description: text, Schema: &model.Schema{Type: model.TypeString, Enum: []string{text}}},
			{Name: "other", Description: text, Schema: &model.Schema{Name: name, Type: model.TypeObject, Description: text,
				Properties: []*model.Property{{Name: text, Schema: &model.Schema{Type: model.TypeString, Example: text}}}}},
		}}
		op := &model.Operation{ID: "Probe", Method: "POST", Path: "/probe", Summary: text, Description: text,
			Params:      []*model.Param{{Name: name, In: model.InQuery, Description: text, Schema: &model.Schema{Type: model.TypeString}}},
			RequestBody: &model.Body{Schema: s, Examples: []*model.Example{{Summary: text, Value: map[string]any{name: text, text: []any{text}}}}},
			Responses: []*model.Response{{Status: "200", Description: text,
				Headers: []*model.Param{{Name: name, Description: text, Schema: &model.Schema{Type: model.TypeString}}}}},
			Extensions: map[string]any{"x-text": text},
		}
		out, _, diags := Emit(Document{Info: Info{Title: text + "t", Version: text + "1", Description: text},
			Servers:    []Server{{URL: "https://example.com/" + text, Description: text}},
			Operations: []*model.Operation{op}})
		if diags.HasErrors() {
			return
		}
		var node yaml.Node
		if err := yaml.Unmarshal(out, &node); err != nil {
			t.Fatalf("yaml.v3 cannot read the output: %v\n%s", err, out)
		}
		doc, err := openapi3.NewLoader().LoadFromData(out)
		if err != nil {
			t.Fatalf("kin-openapi cannot load the output: %v\n%s", err, out)
		}
		if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
			t.Fatalf("kin-openapi rejects the output: %v\n%s", err, out)
		}
		if got, want := doc.Paths.Find("/probe").Post.Summary, tidyText(text); got != want {
			t.Fatalf("summary %q read back as %q\n%s", want, got, out)
		}
	})
}
