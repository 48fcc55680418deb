package huawei

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// addSeeds feeds the fuzzers the real pages and the broken ones.
func addSeeds(f *testing.F) {
	pages, _ := filepath.Glob("../../../../testdata/pages/*.txt")
	unseen, _ := filepath.Glob("../../../../testdata/pages/unseen/*/*.md")
	pages = append(pages, unseen...)
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	// One corpus page of each layout the readers know, and files that are
	// no page at all.
	for _, name := range layoutPages {
		if data, err := os.ReadFile(corpus + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("# 标题\x00\n## URI\n\nGET /x\n"))
	f.Add([]byte("# \xc3\x28\n"))
	f.Add([]byte("# t\n\n## **URI**\n\nGET/v1.0/{project_id}/keys?limit={limit}&marker={marker}\n"))
	f.Add([]byte("# t\n\n## URI\n\n<table><thead><tr><th>请求方法</th><th>URI</th></tr></thead><tbody><tr><td>GET</td><td>/v1/x</td></tr></tbody></table>\n"))
	broken, _ := filepath.Glob("../../../../testdata/broken/*.txtar")
	for _, b := range broken {
		if ar, err := txtar.ParseFile(b); err == nil {
			f.Add(archiveFile(ar, "page.md"))
		}
	}
}

// The readers must never panic, and must locate every diagnostic.
func FuzzReadAPIReference(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pg, diags := ReadAPIReference("fuzz.md", data)
		switch {
		case pg == nil:
			t.Fatal("nil page")
		case pg.NotOperation != "":
			if len(pg.Operations) != 0 {
				t.Fatalf("a page that is not an operation has %d operations", len(pg.Operations))
			}
		case len(pg.Operations) == 0:
			if !diags.HasErrors() {
				t.Fatal("a page with no operation must say why: NotOperation or an error")
			}
		case len(pg.Operations) != 1:
			t.Fatalf("%d operations, want one", len(pg.Operations))
		}
		for _, d := range diags {
			if d.Loc.File != "fuzz.md" {
				t.Fatalf("diagnostic without file: %v", d)
			}
		}
	})
}

func FuzzReadSDKReference(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pg, diags := ReadSDKReference("fuzz.md", data)
		if pg == nil {
			t.Fatal("nil page")
		}
		for _, d := range diags {
			if d.Loc.File != "fuzz.md" {
				t.Fatalf("diagnostic without file: %v", d)
			}
		}
	})
}
