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
	// Statuses in words, outcome labels, fixed query values, linked
	// placeholders (DGC, VOD, GES, SWR templates).
	f.Add([]byte("# t\n\n## URI\n\nPOST /v1/\\{[project\\_id](x.md)\\}/a?action_id=stop&filter=ns::{ns}\n\n|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|ns|否|String|d|\n\n" +
		"## 示例\n\n-   成功响应\n\n    HTTP状态码 204\n\n-   失败响应\n\n    HTTP状态码 400\n\n    ```\n    {\"a\": 1}\n    ```\n"))
	f.Add([]byte("# t\n\n## 请求URI\n\nDELETE /v1/{id}\n\n## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|id|是|String|d|\n\n## 返回参数\n\n-   **处理失败时返回**\n\n|参数|类型|说明|\n|--|--|--|\n|error_code|String|e|\n\n" +
		"## 返回示例\n\n-   处理成功返回（204 No Content）\n-   请求失败样例\n\n    ```\n    Http Status Code: 400\n    {\"error_code\": \"E\"}\n    ```\n\n## 错误码\n\n|错误码|错误信息|\n|--|--|\n|E|m|\n\n无响应消息，以http状态码200表示成功。\n"))
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
