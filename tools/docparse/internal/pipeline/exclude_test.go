package pipeline

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

// A page the service file excludes is not read, whatever it holds (a
// binary file, a page the reader refuses): one note, counted as excluded,
// no error and nothing left out.
func TestExcludedPageIsNotRead(t *testing.T) {
	cfg, err := service.Parse("x.service.yaml", []byte(`title: T
version: "1"
operations:
  - page: bin.md
    exclude: not a page, an image saved as .md
  - page: 分页查询.md
    exclude: describes the paging parameters every list takes; no operation of its own
`))
	if err != nil {
		t.Fatal(err)
	}
	sources := []Source{
		{Name: "docs/ok.md", Data: []byte("## URI\n\nGET /v1/things\n")},
		{Name: "docs/bin.md", Data: []byte("PNG\x00\x01\x02")},
		{Name: "docs/分页查询.md", Data: []byte("# 分页查询\n\n## 功能介绍\n\n分页。\n\n## 请求消息\n\n| 参数名称 | 类型 | 说明 |\n|---|---|---|\n| limit | Integer | 每页条目数。 |\n")},
	}
	res := Run(sources, Options{Service: cfg, Family: "huawei-api"})
	if res.YAML == nil || res.Read != 1 || len(res.Excluded) != 2 || len(res.LeftOut) != 0 || len(res.OtherSpecs) != 0 {
		t.Fatalf("read %d, excluded %v, left out %v, other specs %v; diagnostics:\n%s", res.Read, res.Excluded, res.LeftOut, res.OtherSpecs, diagText(res))
	}
	for _, d := range res.Diags {
		if d.Loc.File == "docs/bin.md" || d.Loc.File == "docs/分页查询.md" {
			if d.Severity != model.Note || !strings.Contains(d.Msg, "excluded by x.service.yaml:") {
				t.Errorf("beyond the one note: %v", d)
			}
		}
	}
	if n := res.Diags.Count(model.Error); n != 0 {
		t.Errorf("%d errors:\n%s", n, diagText(res))
	}
	if sum := res.Summary(); !strings.Contains(sum, "3 pages: 1 read, 0 skipped, 0 for other specs, 2 excluded, 0 left out;") {
		t.Errorf("summary %q", sum)
	}
	if res.Excluded[0].Reason != "not a page, an image saved as .md" {
		t.Errorf("reason %q", res.Excluded[0].Reason)
	}
}
