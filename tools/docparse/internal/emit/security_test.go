package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// The document's security is written once at the top; an operation whose
// requirement differs carries its own, an empty one as security: [], which
// kin-openapi reads as "none" (so clientgen's Auth flag is false).
func TestDocumentSecurityIsTheDefault(t *testing.T) {
	op := func(id, path string, security ...string) *model.Operation {
		return &model.Operation{Loc: model.Loc{File: id + ".md"}, ID: id, Method: "GET", Path: path, Security: security,
			Responses: []*model.Response{{Status: "200", Description: "ok"}}}
	}
	doc := Document{
		Info: Info{Title: "t", Version: "1"},
		SecuritySchemes: []SecurityScheme{
			{Name: "XAuthToken", Type: "apiKey", In: "header", ParamName: "X-Auth-Token"},
			{Name: "Key", Type: "apiKey", In: "query", ParamName: "key"},
		},
		Security:   []string{"XAuthToken"},
		Operations: []*model.Operation{op("ListA", "/a", "XAuthToken"), op("ListB", "/b"), op("ListC", "/c", "Key")},
	}
	out, _, diags := Emit(doc)
	if diags.HasErrors() {
		t.Fatalf("errors: %v", diags)
	}
	spec := loadSpec(t, out)
	if len(spec.Security) != 1 || spec.Security[0]["XAuthToken"] == nil {
		t.Errorf("top-level security %v\n%s", spec.Security, out)
	}
	for path, want := range map[string]string{"/a": "default", "/b": "none", "/c": "Key"} {
		o := spec.Paths.Find(path).Get
		got := "default"
		if o.Security != nil {
			got = "none"
			if len(*o.Security) > 0 {
				for name := range (*o.Security)[0] {
					got = name
				}
			}
		}
		if got != want {
			t.Errorf("%s: security %s, want %s", path, got, want)
		}
	}
	if n := strings.Count(string(out), "security:"); n != 3 {
		t.Errorf("%d security keys, want 3 (top, /b, /c):\n%s", n, out)
	}

	doc.Security = []string{"Nope"}
	if _, _, diags := Emit(doc); !strings.Contains(fmt.Sprint(diags), `(security): error: unknown security scheme "Nope"`) {
		t.Errorf("unknown default scheme: %v", diags)
	}
}
