package huawei

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

const corpus = "../../../../testdata/corpus/huaweicloudDocs/"

// layoutPages are real pages, one or more for each page layout the API
// reference reader knows; the comment says which layout each shows.
var layoutPages = []string{
	"rds/API参考/以列表形式返回手动备份信息.md",      // "-   URI格式" with "PATH：" and "Method：" lines; 请求 / 正常响应 / 异常响应
	"rds/API参考/重启实例（V1）.md",           // the same, with a request body and "-   请求样例" / "-   响应样例"
	"modelarts/API参考/查询支持的服务部署规格.md",  // "URI" as a line of its own inside 功能介绍; ## 示例 with list labels
	"ecs/API参考/查询云服务器详情列表-4.md",       // a query string in the path line
	"ecs/API参考/修改云服务器定时删除时间.md",       // ## 请求消息 / ## 响应消息 / ## 返回值
	"vpc/API参考/更新路由器.md",              // ## 样例 with plain "请求样例" / "响应样例" lines
	"modelarts/API参考/查询开发环境实例详情.md",   // ## 示例 with 成功响应示例 / 失败响应示例
	"ecs/API参考/index.md",              // not an operation: a list of links
	"ecs/API参考/创建弹性云服务器.md",           // not an operation: a walkthrough with many "URI格式" lines
	"modelarts/SDK参考/查询标注任务详情.md",     // not an operation: a title and nothing else
	"vpc/API参考/返回结果.md",               // not an operation: 状态码 / 响应消息头 in general
	"iam/API参考/获取IAM用户Token（使用密码）.md", // today's layout, unchanged
	"dew/API参考/查询SSH密钥对列表(V2).md",     // "URI格式：GET /v2/..." under ## URI
}

// TestCorpusLayouts reads each layout page and compares what the reader
// made of it (method, path, every parameter's place, required flag and
// type, bodies, statuses, examples, diagnostics) with
// testdata/layouts.golden, written to be read beside the pages.
func TestCorpusLayouts(t *testing.T) {
	const golden = "testdata/layouts.golden"
	got := &txtar.Archive{Comment: []byte("What the Huawei API reference reader makes of one page of each layout.\nRewrite with: go test ./tools/docparse/internal/huawei -run TestCorpusLayouts -update\n")}
	for _, name := range layoutPages {
		data, err := os.ReadFile(corpus + name)
		if err != nil {
			t.Fatal(err)
		}
		if !DetectAPIReference(data) || DetectSDKReference(data) {
			t.Errorf("%s: not detected as an API reference page only", name)
		}
		pg, diags := ReadAPIReference(name, data)
		got.Files = append(got.Files, txtar.File{Name: name, Data: []byte(describePage(pg, diags))})
	}
	compareGolden(t, golden, got)
}

// TestSurveyedPages does the same for the pages of services outside the
// corpus that showed a reader gap (testdata/surveyed/INDEX.md says which),
// against testdata/surveyed.golden.
func TestSurveyedPages(t *testing.T) {
	const golden = "testdata/surveyed.golden"
	names, err := filepath.Glob("testdata/surveyed/*.md")
	if err != nil || len(names) < 6 {
		t.Fatalf("surveyed pages: %v %v", names, err)
	}
	got := &txtar.Archive{Comment: []byte("What the Huawei API reference reader makes of the surveyed pages.\nRewrite with: go test ./tools/docparse/internal/huawei -run TestSurveyedPages -update\n")}
	for _, name := range names {
		if filepath.Base(name) == "INDEX.md" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pg, diags := ReadAPIReference(filepath.Base(name), data)
		got.Files = append(got.Files, txtar.File{Name: filepath.Base(name), Data: []byte(describePage(pg, diags))})
	}
	compareGolden(t, golden, got)
}

// compareGolden compares got with the txtar golden file, or rewrites it
// under -update.
func compareGolden(t *testing.T, golden string, got *txtar.Archive) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	wantFiles := map[string]string{}
	for _, f := range want.Files {
		wantFiles[f.Name] = string(f.Data)
	}
	if len(want.Files) != len(got.Files) {
		t.Errorf("%d pages, the golden file has %d; rerun with -update if intended", len(got.Files), len(want.Files))
	}
	for _, f := range got.Files {
		if diff := cmp.Diff(wantFiles[f.Name], string(f.Data)); diff != "" {
			t.Errorf("%s (-want +got); rerun with -update if intended:\n%s", f.Name, diff)
		}
	}
}

// describePage writes what a reader found on a page, one fact a line.
func describePage(pg *model.Page, diags model.Diagnostics) string {
	var b strings.Builder
	if pg.NotOperation != "" {
		fmt.Fprintf(&b, "not an operation: %s\n", pg.NotOperation)
	}
	for _, op := range pg.Operations {
		fmt.Fprintf(&b, "%s %s\n", op.Method, op.Path)
		for _, h := range op.IDHints {
			fmt.Fprintf(&b, "hint %s %s (line %d)\n", h.Source, h.Name, h.Loc.Line)
		}
		if len(op.Security) > 0 {
			fmt.Fprintf(&b, "security %s\n", strings.Join(op.Security, ","))
		}
		for _, p := range op.Params {
			fmt.Fprintf(&b, "param %s %s%s %s\n", p.In, p.Name, requiredMark(p.Required), schemaText(p.Schema, 0))
		}
		if rb := op.RequestBody; rb != nil {
			fmt.Fprintf(&b, "request body %s%s %s\n", rb.MediaType, requiredMark(rb.Required), schemaText(rb.Schema, 2))
			for _, ex := range rb.Examples {
				fmt.Fprintf(&b, "  example line %d %q\n", ex.Loc.Line, ex.Summary)
			}
		}
		for _, r := range op.Responses {
			fmt.Fprintf(&b, "response %s %q\n", r.Status, firstLine(r.Description))
			for _, h := range r.Headers {
				fmt.Fprintf(&b, "  header %s %s\n", h.Name, schemaText(h.Schema, 0))
			}
			if r.Body != nil {
				fmt.Fprintf(&b, "  body %s %s\n", r.Body.MediaType, schemaText(r.Body.Schema, 2))
				for _, ex := range r.Body.Examples {
					fmt.Fprintf(&b, "  example line %d %q\n", ex.Loc.Line, ex.Summary)
				}
			}
		}
	}
	sorted := append(model.Diagnostics(nil), diags...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Loc.Line < sorted[j].Loc.Line })
	for _, d := range sorted {
		fmt.Fprintf(&b, "%s\n", d)
	}
	return b.String()
}

func requiredMark(req bool) string {
	if req {
		return "*"
	}
	return ""
}

// schemaText renders a schema with its members down to depth levels:
// {name*:string, tags:[Tag{key:string}]}.
func schemaText(s *model.Schema, depth int) string {
	if s == nil {
		return "-"
	}
	var b strings.Builder
	if s.Name != "" {
		b.WriteString(s.Name)
	}
	switch s.Type {
	case model.TypeArray:
		b.WriteString("[" + schemaText(s.Items, depth) + "]")
	case model.TypeObject:
		if s.Name == "" {
			b.WriteString("object")
		}
		if depth > 0 && len(s.Properties) > 0 {
			var parts []string
			for _, p := range s.Properties {
				parts = append(parts, p.Name+requiredMark(p.Required)+":"+schemaText(p.Schema, depth-1))
			}
			b.WriteString("{" + strings.Join(parts, ", ") + "}")
		}
	case model.TypeAny:
		b.WriteString("any")
	default:
		b.WriteString(s.Type)
		if s.Format != "" {
			b.WriteString("(" + s.Format + ")")
		}
	}
	return b.String()
}
