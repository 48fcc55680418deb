package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

func addPageSeeds(f *testing.F) {
	pages, _ := filepath.Glob(root + "testdata/pages/*.txt")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	// Small versions of the scale tests' pages: shared sub-tables, a chain
	// just past the nesting limit, many rows.
	f.Add(sharedSubTablesPage(4))
	f.Add(chainPage(66))
	f.Add(rowsPage(20))
}

// FuzzEmitDeterministic: any page, read and emitted twice, gives the same
// bytes and the same diagnostics (go generate's no-diff check depends on
// it), and a run without errors always yields a spec.
func FuzzEmitDeterministic(f *testing.F) {
	addPageSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		first := Run([]Source{{Name: "fuzz.md", Data: data}}, Options{})
		second := Run([]Source{{Name: "fuzz.md", Data: data}}, Options{})
		if !bytes.Equal(first.YAML, second.YAML) {
			t.Fatalf("two runs emit different specs:\n%s\n----\n%s", first.YAML, second.YAML)
		}
		if diagText(first) != diagText(second) {
			t.Fatalf("two runs report differently:\n%s\n----\n%s", diagText(first), diagText(second))
		}
		if !first.Diags.HasErrors() && len(first.YAML) == 0 {
			t.Fatal("no errors but no spec")
		}
	})
}

// FuzzEmitRoundTrip: whatever a page holds, a spec docparse emits without
// errors must read in yaml.v3 and load and validate in kin-openapi. docparse never emits an
// invalid spec; it reports the defect instead.
func FuzzEmitRoundTrip(f *testing.F) {
	addPageSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Run([]Source{{Name: "fuzz.md", Data: data}}, Options{})
		if res.YAML == nil {
			if !res.Diags.HasErrors() {
				t.Fatal("no spec and no error")
			}
			return
		}
		var node yaml.Node
		if err := yaml.Unmarshal(res.YAML, &node); err != nil {
			t.Fatalf("yaml.v3 cannot read the emitted YAML: %v\n%s", err, res.YAML)
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
