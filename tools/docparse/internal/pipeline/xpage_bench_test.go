package pipeline

import "testing"

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
