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
		if pg == nil || len(pg.Operations) != 1 {
			t.Fatal("reader must always return one operation")
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
