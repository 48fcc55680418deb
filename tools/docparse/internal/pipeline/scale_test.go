package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/docapi/docapi/tools/docparse/internal/emit"
	"github.com/docapi/docapi/tools/docparse/internal/huawei"
)

// Pages made to stress the emitter, in the Huawei API-reference layout.

const tableHeader = "<table><tr><th>参数</th><th>是否必选</th><th>参数类型</th><th>描述</th></tr>\n"

func pageHead(id string) *bytes.Buffer {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# 查询<a name=\"%s\"></a>\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n", id)
	return &b
}

// levelCaption is a caption that names no type, so each table is an
// unnamed object reached only by its link.
func levelCaption(i int) string { return fmt.Sprintf("第%d层对象", i) }

// sharedSubTablesPage is a page of levels tables where every table's two
// rows both link to the next table: T1 → T2 twice → T3 twice ... The page
// grows linearly, the tree it describes doubles with every level.
func sharedSubTablesPage(levels int) []byte {
	b := pageHead("ListThings")
	for i := 1; i <= levels; i++ {
		if i > 1 {
			fmt.Fprintf(b, "**表 %d**  %s\n\n<a name=\"t%d\"></a>\n", i, levelCaption(i), i)
		}
		b.WriteString(tableHeader)
		if i < levels {
			for _, side := range []string{"left", "right"} {
				fmt.Fprintf(b, "<tr><td>%s</td><td>否</td><td><a href=\"#t%d\">%s</a> object</td><td>第%d层的%s。</td></tr>\n", side, i+1, levelCaption(i+1), i, side)
			}
		} else {
			b.WriteString("<tr><td>leaf</td><td>否</td><td>String</td><td>叶子。</td></tr>\n")
		}
		b.WriteString("</table>\n\n")
	}
	return b.Bytes()
}

// chainPage is a page of levels tables each holding the next: T1 → T2 → ...
func chainPage(levels int) []byte {
	b := pageHead("ListThings")
	for i := 1; i <= levels; i++ {
		if i > 1 {
			fmt.Fprintf(b, "**表 %d**  %s\n\n<a name=\"t%d\"></a>\n", i, levelCaption(i), i)
		}
		b.WriteString(tableHeader)
		if i < levels {
			fmt.Fprintf(b, "<tr><td>next</td><td>否</td><td><a href=\"#t%d\">%s</a> object</td><td>下一层。</td></tr>\n", i+1, levelCaption(i+1))
		} else {
			b.WriteString("<tr><td>leaf</td><td>否</td><td>String</td><td>叶子。</td></tr>\n")
		}
		b.WriteString("</table>\n\n")
	}
	return b.Bytes()
}

// rowsPage is a page whose one body table has rows rows (about 63 bytes
// each: 10⁶ rows make a 63 MB page, under docparse's 64 MiB limit).
func rowsPage(rows int) []byte {
	b := pageHead("ListThings")
	b.Grow(rows * 64)
	b.WriteString(tableHeader)
	for i := range rows {
		fmt.Fprintf(b, "<tr><td>f%06d</td><td>否</td><td>String</td><td>x</td></tr>\n", i)
	}
	b.WriteString("</table>\n")
	return b.Bytes()
}

func runPage(name string, page []byte) *Result {
	return Run([]Source{{Name: name, Data: page}}, Options{Family: huawei.FamilyAPIReference})
}

// loadBoth loads a spec with yaml.v3 and kin-openapi and validates it.
func loadBoth(t *testing.T, spec []byte) *openapi3.T {
	t.Helper()
	var node yaml.Node
	if err := yaml.Unmarshal(spec, &node); err != nil {
		t.Fatalf("yaml.v3 cannot read the spec: %v", err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the spec: %v", err)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
		t.Fatalf("kin-openapi rejects the spec: %v", err)
	}
	return doc
}

// allocated is how many bytes f allocates in all.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestSharedSubTablesStayLinear: every object table is one component, so a
// page whose tables share sub-tables writes each table once. Before, the
// tree was written out: 6.4 MB of YAML at 14 levels, 28 MB at 16, out of
// memory at 20.
func TestSharedSubTablesStayLinear(t *testing.T) {
	for _, levels := range []int{14, 16, 20} {
		t.Run(fmt.Sprint(levels), func(t *testing.T) {
			page := sharedSubTablesPage(levels)
			var res *Result
			alloc := allocated(func() { res = runPage("shared.md", page) })
			if res.YAML == nil {
				t.Fatalf("no spec:\n%s", diagText(res))
			}
			if len(res.YAML) > 1<<20 {
				t.Errorf("%d-byte page wrote %d bytes of YAML, want under 1 MB", len(page), len(res.YAML))
			}
			// Allocation stands in for time (no timed tests): linear work
			// allocates a small multiple of the page, beyond fixed buffers.
			if limit := uint64(1<<20 + 100*len(page)); alloc > limit {
				t.Errorf("%d-byte page allocated %d bytes, want under %d", len(page), alloc, limit)
			}
			if res.Schemas != levels {
				t.Errorf("%d schemas, want one per table (%d)", res.Schemas, levels)
			}
			doc := loadBoth(t, res.YAML)
			// Both links of a table refer to the one component of the next.
			top := doc.Components.Schemas["ListThingsResponseBody"].Value
			if l, r := top.Properties["left"].Ref, top.Properties["right"].Ref; l == "" || l != r {
				t.Errorf("left refers to %q, right to %q; want the same component", l, r)
			}
			t.Logf("%d levels: page %d bytes, spec %d bytes, %d bytes allocated", levels, len(page), len(res.YAML), alloc)
		})
	}
}

// TestDeepChain: tables nested deeper than emit.MaxNesting end in an error
// located at the first table too deep, quickly; at the limit the spec
// loads. Before, a 5,000-level chain wrote 196 MB of YAML no loader
// accepts, with exit status 0.
func TestDeepChain(t *testing.T) {
	t.Run("at the limit", func(t *testing.T) {
		res := runPage("chain.md", chainPage(emit.MaxNesting))
		if res.YAML == nil {
			t.Fatalf("no spec:\n%s", diagText(res))
		}
		loadBoth(t, res.YAML)
	})
	for _, levels := range []int{emit.MaxNesting + 1, 5000} {
		t.Run(fmt.Sprint(levels), func(t *testing.T) {
			page := chainPage(levels)
			var res *Result
			alloc := allocated(func() { res = runPage("chain.md", page) })
			if res.YAML != nil {
				t.Errorf("a spec was written (%d bytes)", len(res.YAML))
			}
			var errs []string
			for _, d := range res.Diags {
				if d.Severity.String() == "error" {
					errs = append(errs, d.String())
				}
			}
			want := fmt.Sprintf("chain.md:%d: table \"表 %d %s\": error: schemas nest deeper than %d levels",
				lineOf(page, fmt.Sprintf("<a name=\"t%d\">", emit.MaxNesting+1))+1, emit.MaxNesting+1, levelCaption(emit.MaxNesting+1), emit.MaxNesting)
			if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
				t.Errorf("errors %q, want one starting %q", errs, want)
			}
			if limit := uint64(1<<20 + 100*len(page)); alloc > limit {
				t.Errorf("%d-byte page allocated %d bytes, want under %d", len(page), alloc, limit)
			}
		})
	}
}

// lineOf is the 1-based line of the first occurrence of s in page.
func lineOf(page []byte, s string) int {
	i := bytes.Index(page, []byte(s))
	return bytes.Count(page[:i], []byte("\n")) + 1
}

// TestMillionRowPagePeakHeap: reading and emitting a 10⁶-row page (63 MB)
// keeps the heap under 20 times the page. Before, it took 8.3 GB, 71% in
// the YAML encoder. The heap is sampled while the run goes; a sample can
// miss a short peak, so the benchmark beside it is the measure, and this
// test the alarm.
func TestMillionRowPagePeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("63 MB page")
	}
	page := rowsPage(1_000_000)
	runtime.GC()
	base := heapBytes()
	var res *Result
	peak := peakHeapDuring(func() { res = runPage("rows.md", page) })
	if res.YAML == nil {
		t.Fatalf("no spec:\n%s", diagText(res))
	}
	used := peak - min(base, peak)
	t.Logf("page %d MB, spec %d MB, peak heap %d MB above the %d MB before (%.1fx the page)",
		len(page)>>20, len(res.YAML)>>20, used>>20, base>>20, float64(used)/float64(len(page)))
	if limit := uint64(20 * len(page)); used > limit {
		t.Errorf("peak heap %d MB, want under %d MB (20x the page)", used>>20, limit>>20)
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// peakHeapDuring runs f and returns the largest heap seen while it ran,
// sampled every few milliseconds.
func peakHeapDuring(f func()) uint64 {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, heapBytes())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return max(peak, heapBytes())
}

// The 10⁶-row page against the cost of tokenizing it, in one run:
//
//	go test -run '^$' -bench 'MillionRow' -benchmem -benchtime 1x -count 3 ./tools/docparse/internal/pipeline/
var millionRows = sync.OnceValue(func() []byte { return rowsPage(1_000_000) })

func BenchmarkMillionRowTokenizeBaseline(b *testing.B) {
	page := millionRows()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		z := html.NewTokenizer(bytes.NewReader(page))
		for z.Next() != html.ErrorToken {
		}
	}
}

func BenchmarkMillionRowRead(b *testing.B) {
	page := millionRows()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if pg, _ := huawei.ReadAPIReference("rows.md", page); pg == nil {
			b.Fatal("no page")
		}
	}
}

func BenchmarkMillionRowRun(b *testing.B) {
	page := millionRows()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		runtime.GC()
		base := heapBytes()
		p := peakHeapDuring(func() {
			if res := runPage("rows.md", page); res.YAML == nil {
				b.Fatal("no spec")
			}
		})
		peak = max(peak, p-min(base, p))
	}
	b.ReportMetric(float64(peak)/float64(len(page)), "peak-heap/page-byte")
}

// TestCorpusInOneProcess: every page of testdata/corpus (six Huawei
// services, 24 MB) read and emitted in one run stays under 500 MB of heap.
func TestCorpusInOneProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("whole corpus")
	}
	var sources []Source
	err := filepath.WalkDir(root+"testdata/corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		sources = append(sources, Source{Name: path, Data: data})
		return err
	})
	if err != nil || len(sources) < 1000 {
		t.Fatalf("%d corpus pages: %v", len(sources), err)
	}
	runtime.GC()
	base := heapBytes()
	var res *Result
	peak := peakHeapDuring(func() { res = Run(sources, Options{}) })
	used := peak - min(base, peak)
	t.Logf("%d pages (%d MB): %s; peak heap %d MB above the %d MB before", len(sources), totalBytes(sources)>>20,
		res.Summary(), used>>20, base>>20)
	if used > 500<<20 {
		t.Errorf("peak heap %d MB, want under 500 MB", used>>20)
	}
}

// Hostile shapes the review found quadratic, each at two sizes in one run:
// MB/s that holds from 1000 to 4000 says the cost is linear.
//
//	go test -run '^$' -bench 'HostileShapes' -benchmem ./tools/docparse/internal/pipeline/
func BenchmarkHostileShapes(b *testing.B) {
	shapes := map[string]func(n int) []byte{
		// A table of n rows, its example an array of n one-member elements.
		"wide-array-example": func(n int) []byte {
			var rows, elems strings.Builder
			for i := range n {
				fmt.Fprintf(&rows, "|f%d|String|字段。|\n", i)
				if i > 0 {
					elems.WriteString(",")
				}
				fmt.Fprintf(&elems, `{"f%d":"v"}`, i)
			}
			return []byte("# 列表\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" + rows.String() +
				"\n## 响应示例\n\n```\n[" + elems.String() + "]\n```\n")
		},
		// One query value written from n rows.
		"compound-query-value": func(n int) []byte {
			var value, rows strings.Builder
			for i := range n {
				if i > 0 {
					value.WriteString("|")
				}
				fmt.Fprintf(&value, "k%d::{p%d}", i, i)
				fmt.Fprintf(&rows, "|k%d|否|String|条件。|\n", i)
			}
			return []byte("# 列表\n\n## URI\n\nGET /v1/things?filter=" + value.String() + "\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" + rows.String())
		},
		// n object rows and n tables captioned "<case> <name>结构".
		"captioned-alternatives": func(n int) []byte {
			var rows, tables strings.Builder
			for i := range n {
				fmt.Fprintf(&rows, "|o%d|是|Object|对象。|\n", i)
				fmt.Fprintf(&tables, "**表 %d**  case o%d结构\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|x|否|String|值。|\n\n", i+2, i)
			}
			return []byte("# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" + rows.String() + "\n" + tables.String())
		},
	}
	for _, name := range []string{"wide-array-example", "compound-query-value", "captioned-alternatives"} {
		for _, n := range []int{1000, 4000} {
			page := shapes[name](n)
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				b.ReportAllocs()
				for b.Loop() {
					if res := runPage("p.md", page); res.YAML == nil {
						b.Fatal("no spec")
					}
				}
			})
		}
	}
}
