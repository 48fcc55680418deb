package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// FuzzEmitRoundTrip: whatever a page holds, a spec docparse emits without
// errors must load and validate in kin-openapi. docparse never emits an
// invalid spec; it reports the defect instead.
func FuzzEmitRoundTrip(f *testing.F) {
	pages, _ := filepath.Glob(root + "testdata/pages/*.txt")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Run([]Source{{Name: "fuzz.md", Data: data}}, Options{})
		if res.YAML == nil {
			if !res.Diags.HasErrors() {
				t.Fatal("no spec and no error")
			}
			return
		}
		doc, err := openapi3.NewLoader().LoadFromData(res.YAML)
		if err != nil {
			t.Fatalf("emitted YAML does not load: %v\n%s", err, res.YAML)
		}
		if err := doc.Validate(context.Background()); err != nil {
			t.Fatalf("emitted spec is invalid: %v\n%s", err, res.YAML)
		}
	})
}
