package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// The budget: reading the bundled pages into the model may cost at
// most twice a bare x/net/html tokenizer pass over the same bytes. Compare
// BenchmarkReadPages with BenchmarkTokenizeBaseline from the same run:
//
//	go test -run '^$' -bench . -benchmem ./tools/docparse/internal/pipeline/
func loadPages(b *testing.B) []Source {
	b.Helper()
	files, err := filepath.Glob(root + "testdata/pages/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages: %v", err)
	}
	var srcs []Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, Source{Name: filepath.Base(f), Data: data})
	}
	return srcs
}

func totalBytes(srcs []Source) int64 {
	var n int64
	for _, s := range srcs {
		n += int64(len(s.Data))
	}
	return n
}

func BenchmarkTokenizeBaseline(b *testing.B) {
	srcs := loadPages(b)
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			z := html.NewTokenizer(bytes.NewReader(s.Data))
			for z.Next() != html.ErrorToken {
			}
		}
	}
}

func BenchmarkReadPages(b *testing.B) {
	srcs := loadPages(b)
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			fam, ok := pick(s, "")
			if !ok {
				b.Fatalf("%s: no family", s.Name)
			}
			if pg, _ := fam.Read(s.Name, s.Data); pg == nil {
				b.Fatalf("%s: no page", s.Name)
			}
		}
	}
}

func BenchmarkRunWithEmit(b *testing.B) {
	srcs := loadPages(b)
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	for b.Loop() {
		Run(srcs, Options{})
	}
}
