package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkFolderRun runs ECS's whole folder (285 pages, 数据结构 pages
// and the rows linking to them included), the run the cross-page stage
// adds most to. Compare it with BenchmarkTokenizeBaseline of the same run:
//
//	go test -run '^$' -bench 'FolderRun|TokenizeBaseline' -benchmem ./tools/docparse/internal/pipeline/
func BenchmarkFolderRun(b *testing.B) {
	paths, err := Expand([]string{corpusDir + "ecs"})
	if err != nil {
		b.Fatal(err)
	}
	srcs, err := ReadSources(paths)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	for b.Loop() {
		if res := Run(srcs, Options{}); res.YAML == nil {
			b.Fatal("no spec")
		}
	}
}

// rowsLinkingToTables is a page of n rows, each linking without an anchor
// to a page of n tables for the one captioned with its name (found only
// by folding it: f-7 is f7).
func rowsLinkingToTables(n int) []Source {
	var rows, tables strings.Builder
	tables.WriteString("# 数据结构\n\n")
	for i := range n {
		fmt.Fprintf(&rows, "|f-%d|否|Object|见[f-%d结构体](数据结构.md)。|\n", i, i)
		fmt.Fprintf(&tables, "**表 %d**  f%d字段说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|id%d|是|String|标识。|\n\n", i+1, i, i)
	}
	return []Source{{Name: "op.md", Data: []byte(opPage(rows.String()))}, {Name: "数据结构.md", Data: []byte(tables.String())}}
}

// BenchmarkLinkedRowsAndTables grows rows and tables together: a link is
// looked up in the linked page's names, so time per byte stays flat from
// 500 to 2,000 (comparing every link with every table grew it fourfold):
//
//	go test -run '^$' -bench LinkedRowsAndTables -benchmem ./tools/docparse/internal/pipeline/
func BenchmarkLinkedRowsAndTables(b *testing.B) {
	for _, n := range []int{500, 2000} {
		srcs := rowsLinkingToTables(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(totalBytes(srcs))
			b.ReportAllocs()
			for b.Loop() {
				if res := Run(srcs, Options{}); res.YAML == nil {
					b.Fatal("no spec")
				}
			}
		})
	}
}
