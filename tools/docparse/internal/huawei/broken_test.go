package huawei

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestBrokenPages reads deliberately defective pages: each must end in
// located diagnostics (file, table, row), never a panic. The expected
// diagnostics live in the txtar archive beside the page.
func TestBrokenPages(t *testing.T) {
	files, err := filepath.Glob("../../../../testdata/broken/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken pages found: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			page := archiveFile(ar, "page.md")
			_, diags := ReadAPIReference("page.md", page)
			if len(diags) == 0 {
				t.Fatal("a broken page gave no diagnostics")
			}
			got := formatDiags(diags)
			if *update {
				setArchiveFile(ar, "diagnostics", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(archiveFile(ar, "diagnostics")), got); diff != "" {
				t.Errorf("diagnostics differ (-want +got), rerun with -update if intended:\n%s", diff)
			}
		})
	}
}

func formatDiags(ds model.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func archiveFile(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func setArchiveFile(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}
