package pipeline

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

// The unseen pages are real pages nobody tuned the readers for (see
// testdata/pages/unseen/INDEX.md). Each is run through the pipeline on its
// own with testdata/pages/unseen/unseen.service.yaml.

// unseenFailures are the pages that must fail, with why, and a piece of the
// error that must say so.
var unseenFailures = map[string]struct{ reason, errorText string }{
	"modelarts-delete-model.md": {
		reason:    "the page has no parameter tables at all, only two code samples: nothing on it describes the request or response",
		errorText: "the page has no parameter tables",
	},
}

// unseenWarnings lists, per page, every warning the page must give (a piece
// of each message, in order). A page not listed must give none. Keeping the
// list here makes a new or lost warning a test failure someone reads.
var unseenWarnings = map[string][]string{
	// Query parameters typed just "Array".
	"live-list-query-http-code.md": {
		`type "Array" names no item type; items read as strings`, `type "Array" names no item type; items read as strings`,
		`type "Array" names no item type; items read as strings`, `type "Array" names no item type; items read as strings`,
	},
	// The page's example says "status": "false \"total_ranage\"  4" for a Boolean.
	"swr-list-repos-details.md": {`example dropped: $[0].status: expected boolean`},
	// The page's example has "total_count": 13 for a String.
	"tms-list-predefine-tags.md":        {`example dropped: $.total_count: expected string`},
	"modelarts-delete-file-from-obs.md": {`type "JSON Array" names no item type`},
	// "响应消息: 无" and status codes only on another page.
	"tms-predefine-tags-action.md": {`documents no response; emitted a default one`},
	"modelarts-delete-training-job.md": {
		`argument "modelarts_session" is the SDK session object`,
		// The SDK call takes no project: the session knows it.
		`has {project_id} but the page documents no such parameter`,
	},
	// Extensible "Object" fields with no table, and a top-level "spec" whose
	// only same-named table (表6) belongs to provision.spec by its link.
	"modelarts-update-instance.md": {
		`object "profile.provision.spec.params.annotations" has no table`,
		`object "profile.provision.annotations" has no table`,
		`object "profile.labels" has no table`,
		`object "spec" has no table`,
	},
}

type unseenPage struct {
	name string // family directory and base name, e.g. huawei-api/kms-delete-tag.md
	base string
	res  *Result
	doc  *openapi3.T
}

func TestUnseenPages(t *testing.T) {
	dir := root + "testdata/pages/unseen/"
	cfg := loadService(t, dir+"unseen.service.yaml")
	files, err := filepath.Glob(dir + "*/*")
	if err != nil {
		t.Fatal(err)
	}
	var pages []*unseenPage
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		rel, _ := filepath.Rel(dir, f)
		pages = append(pages, &unseenPage{name: filepath.ToSlash(rel), base: filepath.Base(f)})
	}
	if len(pages) < 20 {
		t.Fatalf("found %d unseen pages, want at least 20", len(pages))
	}
	seen := map[string]bool{}
	for _, pg := range pages {
		seen[pg.base] = true
		t.Run(pg.name, func(t *testing.T) {
			src, err := os.ReadFile(dir + pg.name)
			if err != nil {
				t.Fatal(err)
			}
			pg.res = Run([]Source{{Name: pg.name, Data: src}}, Options{Service: pageConfig(cfg, pg.base)})
			t.Logf("%s: %d operations, %d schemas, %d warnings, %d errors", pg.name, pg.res.Operations, pg.res.Schemas,
				pg.res.Diags.Count(model.Warning), pg.res.Diags.Count(model.Error))
			checkUnseenDiags(t, pg)
			if pg.res.YAML == nil {
				return
			}
			loader := openapi3.NewLoader()
			doc, err := loader.LoadFromData(pg.res.YAML)
			if err != nil {
				t.Fatalf("spec does not load: %v\n%s", err, pg.res.YAML)
			}
			if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
				t.Fatalf("spec is not valid: %v\n%s", err, pg.res.YAML)
			}
			pg.doc = doc
		})
	}
	for page := range unseenWarnings {
		if !seen[page] {
			t.Errorf("unseenWarnings names %s, which is not an unseen page", page)
		}
	}
	for page := range unseenFailures {
		if !seen[page] {
			t.Errorf("unseenFailures names %s, which is not an unseen page", page)
		}
	}
	if testing.Short() {
		t.Log("-short: generated clients not compiled")
		return
	}
	compileClients(t, pages)
}

// pageConfig is cfg with only the operations entry of page, so a run over
// one page does not report the others' entries as missing pages.
func pageConfig(cfg *service.Config, page string) *service.Config {
	c := *cfg
	c.Operations = nil
	for _, op := range cfg.Operations {
		if op.Page == page {
			c.Operations = append(c.Operations, op)
		}
	}
	return &c
}

// checkUnseenDiags checks the page's diagnostics: located, the expected
// warnings only, and errors only on a page expected to fail.
func checkUnseenDiags(t *testing.T, pg *unseenPage) {
	t.Helper()
	var warnings, errs []model.Diagnostic
	for _, d := range pg.res.Diags {
		if d.Loc.File != pg.name || d.Loc.Line <= 0 {
			t.Errorf("diagnostic not located in the page (file and line): %v", d)
		}
		switch d.Severity {
		case model.Error:
			errs = append(errs, d)
		case model.Warning:
			warnings = append(warnings, d)
		}
	}
	if fail, ok := unseenFailures[pg.base]; ok {
		if !slices.ContainsFunc(errs, func(d model.Diagnostic) bool { return strings.Contains(d.Msg, fail.errorText) }) {
			t.Errorf("expected to fail (%s) with an error containing %q; got:\n%s", fail.reason, fail.errorText, diagText(pg.res))
		}
		if pg.res.YAML != nil {
			t.Errorf("expected to fail (%s), but a spec was written", fail.reason)
		}
		return
	}
	if len(errs) > 0 || pg.res.YAML == nil {
		t.Fatalf("errors:\n%s", diagText(pg.res))
	}
	want := unseenWarnings[pg.base]
	ok := len(want) == len(warnings)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.Contains(warnings[i].Msg, want[i])
	}
	if !ok {
		t.Errorf("warnings differ from unseenWarnings[%q] = %q; got:\n%s", pg.base, want, diagText(pg.res))
	}
}

// compileClients generates a client for every valid spec with oapi-codegen
// and builds them all with one go build inside the module.
func compileClients(t *testing.T, pages []*unseenPage) {
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp("testdata", "compile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	var pkgs []string
	for i, pg := range pages {
		if pg.doc == nil {
			continue
		}
		pkg := fmt.Sprintf("unseen%02d", i)
		code, err := codegen.Generate(pg.doc, codegen.Configuration{
			PackageName:   pkg,
			Generate:      codegen.GenerateOptions{Models: true, Client: true},
			OutputOptions: codegen.OutputOptions{SkipPrune: true},
		})
		if err != nil {
			t.Errorf("%s: oapi-codegen: %v", pg.name, err)
			continue
		}
		pkgDir := filepath.Join(tmp, pkg)
		if err := os.MkdirAll(pkgDir, 0o755); err != nil {
			t.Fatal(err)
		}
		header := "// Client for " + pg.name + ", generated by unseen_test.go; removed after the test.\n\n"
		if err := os.WriteFile(filepath.Join(pkgDir, "client.go"), []byte(header+code), 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, "./"+filepath.ToSlash(pkgDir))
	}
	if len(pkgs) == 0 {
		t.Fatal("no client to compile")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to compile the generated clients: %v", err)
	}
	cmd := exec.Command(goCmd, append([]string{"build"}, pkgs...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generated clients do not compile: %v\n%s", err, out)
	}
	t.Logf("compiled %d generated clients", len(pkgs))
}
