package changelog

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/docapi/docapi/tools/docparse/internal/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/changelog.golden")

const (
	corpus   = "../../../../testdata/corpus/huaweicloudDocs/"
	keyPage  = "dew/API参考/创建密钥.md"
	listPage = "dew/API参考/查询密钥信息.md"
	golden   = "testdata/changelog.golden"
)

// edit makes a newer version of a real page.
type edit func(t *testing.T, page string) string

// after replaces the first old after anchor with new.
func after(anchor, old, new string) edit {
	return func(t *testing.T, page string) string {
		i := strings.Index(page, anchor)
		if i < 0 {
			t.Fatalf("anchor %q not on the page", anchor)
		}
		j := strings.Index(page[i:], old)
		if j < 0 {
			t.Fatalf("%q not after %q", old, anchor)
		}
		j += i
		return page[:j] + new + page[j+len(old):]
	}
}

// removeRow deletes the table row whose first cell holds cell.
func removeRow(cell string) edit {
	return func(t *testing.T, page string) string {
		i := strings.Index(page, cell)
		if i < 0 {
			t.Fatalf("%q not on the page", cell)
		}
		start := strings.LastIndex(page[:i], "<tr>")
		end := strings.Index(page[i:], "</tr>")
		if start < 0 || end < 0 {
			t.Fatalf("%q is not in a table row", cell)
		}
		end += i + len("</tr>")
		for end < len(page) && (page[end] == '\r' || page[end] == '\n') {
			end++
		}
		return page[:start] + page[end:]
	}
}

// cases are the newer versions of 创建密钥 (KMS CreateKey) the changelog is
// tested with; "operation added" also documents a second page.
var cases = []struct {
	name  string
	edits []edit
	more  []string // pages only the newer version has
	fewer bool     // the older version also documents listPage
}{
	{name: "response-field-removed", edits: []edit{removeRow("<p>domain_id</p>")}},
	{name: "type-changed", edits: []edit{after("<p>key_description</p>", "<p>String</p>", "<p>Integer</p>")}},
	{name: "field-made-required", edits: []edit{after("<p>key_spec</p>", "<p>否</p>", "<p>是</p>")}},
	{name: "enum-value-added", edits: []edit{after("<p>origin</p>", "</li></ul>", "</li><li><p>byok：表示密钥材料由用户自带。</p>\n</li></ul>")}},
	{name: "request-field-removed", edits: []edit{removeRow("<p>key_description</p>")}},
	{name: "enum-value-removed", edits: []edit{after("<p>origin</p>", "</li><li><p>external：表示密钥材料由外部导入。</p>", "")}},
	{name: "length-changed", edits: []edit{after("<p>key_alias</p>", "取值范围为1到255个字符", "取值范围为1到64个字符")}},
	{name: "operation-added", more: []string{listPage}},
	{name: "operation-removed", fewer: true},
	{name: "unchanged"},
}

func spec(t *testing.T, pages map[string][]byte) []byte {
	t.Helper()
	var sources []pipeline.Source
	for _, name := range []string{keyPage, listPage} {
		if data, ok := pages[name]; ok {
			sources = append(sources, pipeline.Source{Name: name, Data: data})
		}
	}
	res := pipeline.Run(sources, pipeline.Options{})
	if res.YAML == nil {
		t.Fatalf("docparse failed: %v", res.Diags)
	}
	return res.YAML
}

func TestReportGolden(t *testing.T) {
	original, err := os.ReadFile(corpus + keyPage)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := os.ReadFile(corpus + listPage)
	if err != nil {
		t.Fatal(err)
	}
	oldSpec := spec(t, map[string][]byte{keyPage: original})
	bothSpec := spec(t, map[string][]byte{keyPage: original, listPage: listed})
	archive := &txtar.Archive{Comment: []byte("Changelogs of edited versions of " + keyPage + " against the page as it is\n" +
		"(operation-removed: against the page and " + listPage + ").\n" +
		"Rewrite with: go test ./tools/docparse/internal/changelog -update\n")}
	for _, c := range cases {
		page := string(original)
		for _, e := range c.edits {
			page = e(t, page)
		}
		pages := map[string][]byte{keyPage: []byte(page)}
		for _, name := range c.more {
			data, err := os.ReadFile(corpus + name)
			if err != nil {
				t.Fatal(err)
			}
			pages[name] = data
		}
		base := oldSpec
		if c.fewer {
			base = bothSpec
		}
		report, err := Report(base, spec(t, pages))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		archive.Files = append(archive.Files, txtar.File{Name: c.name, Data: []byte(report)})
	}
	// Two real versions of the page: the older one from its commit
	// (testdata/real/SOURCES) against the corpus copy.
	older, err := os.ReadFile("testdata/real/创建密钥@7ad489a.md")
	if err != nil {
		t.Fatal(err)
	}
	report, err := Report(spec(t, map[string][]byte{keyPage: older}), oldSpec)
	if err != nil {
		t.Fatal(err)
	}
	archive.Files = append(archive.Files, txtar.File{Name: "real-7ad489a-to-be2a4bc", Data: []byte(report)})
	got := txtar.Format(archive)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; rerun with -update if intended.\ngot:\n%s", golden, got)
	}
}

const sourcedSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /keys:
    post:
      operationId: CreateKey
      x-docapi-source: create-key.md:40
      parameters:
        - name: limit
          in: query
          x-docapi-source: {file: create-key.md, line: 52, table: 请求参数, row: 2}
          schema: {type: integer%s}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  key_info:
                    type: object
                    properties:
                      key_id: {type: string, x-docapi-source: "create-key.md:216: table \"key_info\" row 1"}%s
`

// TestReportLocatesPages: each change names the page line of the field, the
// parameter, or else the operation it is about, from x-docapi-source.
func TestReportLocatesPages(t *testing.T) {
	oldSpec := fmt.Sprintf(sourcedSpec, "", "\n                      domain_id: {type: string}")
	newSpec := fmt.Sprintf(sourcedSpec, ", maximum: 100", "")
	newSpec = strings.Replace(newSpec, "key_id: {type: string", "key_id: {type: integer", 1)
	report, err := Report([]byte(oldSpec), []byte(newSpec))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(create-key.md:216: table "key_info" row 1)`, // the field's own source
		`(create-key.md:52 table "请求参数" row 2)`,       // a parameter's, from a mapping
		"domain_id", "(create-key.md:40)", // removed: found in the old spec, at its operation
		"BREAKING ",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestReportRefusesBrokenSpecs(t *testing.T) {
	good := fmt.Sprintf(sourcedSpec, "", "")
	for _, pair := range [][2]string{{"{not yaml", good}, {good, "openapi: [1"}} {
		if _, err := Report([]byte(pair[0]), []byte(pair[1])); err == nil {
			t.Errorf("no error comparing %.20q with %.20q", pair[0], pair[1])
		}
	}
}

// Specs that are barely specs are compared or refused, never a panic.
func TestReportOnSparseSpecs(t *testing.T) {
	good := []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses: {'200': {description: ok}}\n")
	for _, old := range []string{
		"",
		"openapi: 3.0.3\n",
		"openapi: 3.0.3\ninfo: {}\npaths: {}\n",
		"openapi: 3.0.3\ninfo: {}\npaths: {}\ncomponents: {}\n",
		"openapi: 3.0.3\ninfo: {}\npaths:\n  /x: {}\n",
		"openapi: 3.0.3\ninfo: {}\npaths:\n  /x:\n    get: {}\n",
		"openapi: 3.0.3\ninfo: {}\npaths:\n  /x:\n    get:\n      parameters: [{name: q, in: query}]\n",
	} {
		for _, pair := range [][2][]byte{{[]byte(old), good}, {good, []byte(old)}} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("Report(%q, %q) panicked: %v", pair[0], pair[1], r)
					}
				}()
				_, _ = Report(pair[0], pair[1])
			}()
		}
	}
}
