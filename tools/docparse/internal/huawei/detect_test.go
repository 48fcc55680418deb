package huawei

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/top"
)

// corpusPages lists every Markdown page of the corpus.
func corpusPages(t *testing.T) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil || len(pages) < 1000 {
		t.Fatalf("corpus: %d pages, %v", len(pages), err)
	}
	return pages
}

// Every page of Huawei's documentation folders belongs to exactly one of
// the two Huawei families, and the API reference pages of the corpus all to
// the API reference reader.
func TestCorpusDetection(t *testing.T) {
	for _, p := range corpusPages(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if top.Detect(data) {
			t.Errorf("%s: detected as a TOP page", p)
		}
		api, sdk := DetectAPIReference(data), DetectSDKReference(data)
		if api == sdk {
			t.Errorf("%s: detected as API reference %v, SDK reference %v; want exactly one", p, api, sdk)
			continue
		}
		if strings.Contains(p, "/API参考/") && !api {
			t.Errorf("%s: an API reference page detected as an SDK reference page", p)
		}
	}
}

// The unseen pages' folders say which family each page is.
func TestUnseenDetection(t *testing.T) {
	for dir, wantAPI := range map[string]bool{"huawei-api": true, "huawei-sdk": false} {
		pages, _ := filepath.Glob("../../../../testdata/pages/unseen/" + dir + "/*.md")
		if len(pages) == 0 {
			t.Fatalf("no pages in %s", dir)
		}
		for _, p := range pages {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if api, sdk := DetectAPIReference(data), DetectSDKReference(data); api != wantAPI || sdk == wantAPI {
				t.Errorf("%s: API %v SDK %v", p, api, sdk)
			}
		}
	}
}

func TestDetectionTellsFamiliesApart(t *testing.T) {
	for _, tc := range []struct {
		name     string
		data     string
		api, sdk bool
	}{
		{"URI heading", "# 创建\n\n## URI\n\nPOST /v1/x\n", true, false},
		{"bold URI heading", "# 创建\n\n## **URI**\n\nPOST /v1/x\n", true, false},
		{"URI line", "# 创建\n\n## 功能介绍\n\nx\n\nURI\n\nGET /v1/x\n", true, false},
		{"overview", "# 概述<a name=\"x\"></a>\n\n欢迎使用。\n", true, false},
		{"SDK sample", "# 删除模型\n\n## 示例代码\n\n```\nfrom modelarts.session import Session\n```\n", false, true},
		{"SDK table", "# 查询\n\n**表 1**  请求参数说明\n\n<table></table>\n\n```\njob.get_job_info()\n```\n", false, true},
		{"overview table", "# 构造请求\n\n**表 1**  URI中的参数说明\n\n<table></table>\n", true, false},
		{"TOP page", "文档中心 > API类目 > 天眼工作室API\n\nalibaba.security.token.get (获取Security Token)\n", false, false},
		{"plain text", "hello\n# not first\n", false, false},
		{"empty", "", false, false},
	} {
		if api, sdk := DetectAPIReference([]byte(tc.data)), DetectSDKReference([]byte(tc.data)); api != tc.api || sdk != tc.sdk {
			t.Errorf("%s: API %v SDK %v, want %v %v", tc.name, api, sdk, tc.api, tc.sdk)
		}
	}
	top, err := os.ReadFile("../../../../testdata/pages/002_864b31744e4ac0fa.txt")
	if err != nil {
		t.Fatal(err)
	}
	if DetectAPIReference(top) || DetectSDKReference(top) {
		t.Error("the TOP seed page is detected as a Huawei page")
	}
}

// A file that is no page says so: empty is no operation, binary or
// non-UTF-8 is an error at the line of the first bad byte.
// A few stray bytes are no reason to refuse a page: mdhtml reads them as
// U+FFFD and warns on their line.
func TestStrayBytes(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/x\n\n## 功能介绍\n\n说明\xe9。\n"
	pg, diags := ReadAPIReference("f.md", []byte(page))
	if len(pg.Operations) != 1 || pg.Operations[0].Path != "/v1/x" || diags.HasErrors() {
		t.Fatalf("page %+v, diagnostics %v", pg, diags)
	}
	if len(diags) != 1 || diags[0].Loc.Line != 9 || !strings.Contains(diags[0].Msg, "not UTF-8") {
		t.Errorf("diagnostics %v, want one warning at line 9", diags)
	}
}

func TestNonTextFiles(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		notOp      string // NotOperation wanted, "" for an error
		line       int
		msg        string
	}{
		{"empty", "", "the file is empty", 0, ""},
		{"blank", " \n\r\n\t", "the file is empty", 0, ""},
		{"nul", "# t\n\n## URI\n\x00GET /x\n", "", 4, "NUL byte (offset 12)"},
		// 查询 in GBK; "\xd1\xaf" happens to be UTF-8, so 10 of its 20 bytes are stray.
		{"GBK", "# t\n\n" + strings.Repeat("\xb2\xe9\xd1\xaf", 5) + "\n", "", 3, "not UTF-8 text (10 bytes that are not UTF-8, the first 0xb2 at offset 5)"},
	} {
		for _, read := range []func(string, []byte) (*model.Page, model.Diagnostics){ReadAPIReference, ReadSDKReference} {
			pg, diags := read("f.md", []byte(tc.data))
			if pg == nil || len(pg.Operations) != 0 || pg.NotOperation != tc.notOp {
				t.Errorf("%s: page %+v, want no operation and NotOperation %q", tc.name, pg, tc.notOp)
				continue
			}
			if tc.notOp != "" {
				if len(diags) != 0 {
					t.Errorf("%s: diagnostics %v", tc.name, diags)
				}
				continue
			}
			if len(diags) != 1 || diags[0].Severity != model.Error || diags[0].Loc.Line != tc.line || !strings.Contains(diags[0].Msg, tc.msg) {
				t.Errorf("%s: diagnostics %v, want one error at line %d saying %q", tc.name, diags, tc.line, tc.msg)
			}
		}
	}
}
