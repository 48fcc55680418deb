package pipeline

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/docapi/docapi/tools/docparse/internal/service"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const root = "../../../../"

// TestGolden runs every service file in specs/ over the pages it names, as
// go generate does, and compares the spec with specs/<service>.yaml and the
// diagnostics with testdata/golden/<service>.golden (a txtar archive).
func TestGolden(t *testing.T) {
	t.Chdir(root)
	services, err := filepath.Glob("specs/*.service.yaml")
	if err != nil || len(services) == 0 {
		t.Fatalf("no service files: %v", err)
	}
	for _, svcFile := range services {
		name := strings.TrimSuffix(filepath.Base(svcFile), ".service.yaml")
		t.Run(name, func(t *testing.T) {
			res := runService(t, svcFile)
			spec, err := os.ReadFile("specs/" + name + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(spec), string(res.YAML)); diff != "" {
				t.Errorf("specs/%s.yaml differs from what docparse writes (-file +docparse); run go generate ./...:\n%s", name, diff)
			}
			checkAccounted(t, name, spec, res)
			t.Logf("%s: %s; operationIds from %v", name, res.Summary(), res.IDSources)
			got := &txtar.Archive{
				Comment: []byte("docparse diagnostics for specs/" + name + ".service.yaml; rewrite with go test ./tools/docparse/internal/pipeline -run TestGolden -update\n"),
				Files:   []txtar.File{{Name: "diagnostics", Data: []byte(diagText(res))}},
			}
			golden := "testdata/golden/" + name + ".golden"
			if *update {
				if err := os.WriteFile(golden, txtar.Format(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(archiveMap(want), archiveMap(got)); diff != "" {
				t.Errorf("%s differs (-want +got); rerun with -update if intended:\n%s", golden, diff)
			}
		})
	}
}

// checkAccounted: every page given is read, skipped, given to another spec,
// excluded or left out; the spec holds one operation per operation of the pages
// read; and specs/<service>.leftout lists every page not read, with why.
func checkAccounted(t *testing.T, name string, spec []byte, res *Result) {
	t.Helper()
	if sum := res.Read + len(res.Skipped) + len(res.OtherSpecs) + len(res.Excluded) + len(res.LeftOut); sum != res.Pages {
		t.Errorf("%d pages given, but %d read + %d skipped + %d for other specs + %d excluded + %d left out = %d",
			res.Pages, res.Read, len(res.Skipped), len(res.OtherSpecs), len(res.Excluded), len(res.LeftOut), sum)
	}
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatal(err)
	}
	ops := 0
	for _, item := range doc.Paths.Map() {
		ops += len(item.Operations())
	}
	// Every reader gives one operation per page, so the spec must hold
	// exactly one per page read: counted from the pages, not from the
	// emitter whose output spec is.
	if ops != res.Read {
		t.Errorf("specs/%s.yaml has %d operations for %d pages read", name, ops, res.Read)
	}
	record, err := os.ReadFile("specs/" + name + ".leftout")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(string(record), "\n") {
		if f := strings.SplitN(line, "\t", 3); len(f) == 3 && !strings.HasPrefix(line, "#") {
			listed[f[1]] = f[0]
		}
	}
	want := map[string]string{}
	for kind, outcomes := range map[string][]PageOutcome{"left out": res.LeftOut, "skipped": res.Skipped, "other spec": res.OtherSpecs, "excluded": res.Excluded} {
		for _, o := range outcomes {
			want[o.File] = kind
		}
	}
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Errorf("specs/%s.leftout does not list the pages not read (-run +file); run go generate ./...:\n%s", name, diff)
	}
}

// loadService reads a service file.
func loadService(t *testing.T, svcFile string) *service.Config {
	t.Helper()
	data, err := os.ReadFile(svcFile)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := service.Parse(svcFile, data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// runService runs docparse's pipeline as go generate does, from the module
// root.
func runService(t *testing.T, svcFile string) *Result {
	t.Helper()
	cfg := loadService(t, svcFile)
	paths, err := Expand(cfg.PagePaths())
	if err != nil {
		t.Fatal(err)
	}
	sources, err := ReadSources(paths)
	if err != nil {
		t.Fatal(err)
	}
	res := Run(sources, Options{Service: cfg})
	if res.YAML == nil {
		t.Fatalf("no spec: %s\n%s", res.Summary(), diagText(res))
	}
	return res
}

func diagText(res *Result) string {
	var b strings.Builder
	for _, d := range res.Diags {
		b.WriteString(d.String() + "\n")
	}
	b.WriteString(res.Summary() + "\n")
	return b.String()
}

func archiveMap(a *txtar.Archive) map[string]string {
	m := map[string]string{}
	for _, f := range a.Files {
		m[f.Name] = string(f.Data)
	}
	return m
}
