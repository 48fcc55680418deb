package constraints

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/huawei"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// benchPages are the corpus's dew (KMS, CSMS, KPS) API pages: read alone is
// the baseline, read and Apply the stage's cost on top.
func benchPages(b *testing.B) map[string][]byte {
	b.Helper()
	names, err := filepath.Glob("../../../../testdata/corpus/huaweicloudDocs/dew/API参考/*.md")
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus pages: %v", err)
	}
	sort.Strings(names)
	pages := map[string][]byte{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		pages[n] = data
	}
	return pages
}

func readAll(pages map[string][]byte) []*model.Page {
	out := make([]*model.Page, 0, len(pages))
	for name, data := range pages {
		if pg, _ := huawei.ReadAPIReference(name, data); pg != nil {
			out = append(out, pg)
		}
	}
	return out
}

func BenchmarkReadBaseline(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	for b.Loop() {
		readAll(pages)
	}
}

func BenchmarkReadAndApply(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	for b.Loop() {
		var diags model.Diagnostics
		Apply(readAll(pages), &diags)
	}
}

// BenchmarkExtractHandChecked runs Extract over every description of the
// hand-checked lists: the cost of the rules alone, without reading pages.
func BenchmarkExtractHandChecked(b *testing.B) {
	var fields []handChecked
	for _, name := range []string{"fields.tsv", "heldout.tsv", "fresh.tsv", "unseen.tsv"} {
		fields = append(fields, readHandChecked(b, "testdata/"+name)...)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fields {
			Extract(f.name, TypeOfColumn(f.typ), f.desc)
		}
	}
}
