package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/xref"
)

// testdata/xpage is a folder of three pages: an operation whose rows link
// to a 数据结构 page (by a section anchor and by a table anchor) and to a
// struct page without an anchor that holds one table.
const xpageDir = "testdata/xpage"

func runXpage(t *testing.T, names []string, opts Options) (*Result, *openapi3.T) {
	t.Helper()
	paths, err := Expand(names)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := ReadSources(paths)
	if err != nil {
		t.Fatal(err)
	}
	res := Run(sources, opts)
	if res.YAML == nil {
		t.Fatalf("no spec: %s", diagText(res))
	}
	if err := validateSpec(res.YAML); err != nil {
		t.Fatalf("spec does not validate: %v\n%s", err, res.YAML)
	}
	doc, err := openapi3.NewLoader().LoadFromData(res.YAML)
	if err != nil {
		t.Fatal(err)
	}
	return res, doc
}

// members describes an object schema: its members sorted, required
// ones starred, and where the schema came from.
func members(s *openapi3.SchemaRef) string {
	if s == nil || s.Value == nil {
		return "<nil>"
	}
	v := s.Value
	if v.Items != nil {
		return "items " + members(v.Items)
	}
	required := map[string]bool{}
	for _, r := range v.Required {
		required[r] = true
	}
	var names []string
	for name := range v.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		if required[n] {
			n += "*"
		}
		b.WriteString(n + " ")
	}
	src, _ := v.Extensions["x-docapi-source"].(string)
	return b.String() + "from " + src
}

func bodyProp(t *testing.T, doc *openapi3.T, schema, prop string) *openapi3.SchemaRef {
	t.Helper()
	s := doc.Components.Schemas[schema]
	if s == nil || s.Value.Properties[prop] == nil {
		t.Fatalf("no %s.%s in the spec", schema, prop)
	}
	return s.Value.Properties[prop]
}

// In a folder run the rows take the linked tables' fields, with the other
// pages' locations; the request's and the response's publicip, one table,
// are one component.
func TestLinkedTablesInFolder(t *testing.T) {
	res, doc := runXpage(t, []string{xpageDir}, Options{})
	for _, c := range []struct{ prop, want string }{
		{"publicip", `bandwidth* id from ` + xpageDir + `/数据结构.md:7 table "表 1 publicip字段数据结构说明"`},
		{"data_volumes", `items size* volumetype* from ` + xpageDir + `/数据结构.md:17 table "表 2 data_volume字段数据结构说明"`},
		{"tags", `items key* value from ` + xpageDir + `/Tag结构体.md:3 table "table at line 3"`},
	} {
		if got := members(bodyProp(t, doc, "CreateServerRequestBody", c.prop)); got != c.want {
			t.Errorf("%s: %s, want %s", c.prop, got, c.want)
		}
	}
	req, resp := bodyProp(t, doc, "CreateServerRequestBody", "publicip"), bodyProp(t, doc, "CreateServerResponseBody", "publicip")
	if req.Ref == "" || req.Ref != resp.Ref {
		t.Errorf("request publicip is %q, response publicip %q; want one component", req.Ref, resp.Ref)
	}
	if n := res.Diags.Count(model.Warning); n != 0 {
		t.Errorf("%d warnings:\n%s", n, diagText(res))
	}
}

// docparse given the one page reads the pages it links to from beside it,
// and writes what the folder run writes; without a reader for them, each
// row warns, naming its link.
func TestLinkedTablesSinglePage(t *testing.T) {
	folder, _ := runXpage(t, []string{xpageDir}, Options{})
	page := filepath.Join(xpageDir, "创建服务器.md")
	alone, _ := runXpage(t, []string{page}, Options{ReadLinked: ReadLinkedPage})
	if string(alone.YAML) != string(folder.YAML) {
		t.Errorf("the page alone gives another spec than its folder:\n%s\n---\n%s", alone.YAML, folder.YAML)
	}
	blind, doc := runXpage(t, []string{page}, Options{})
	var warned []string
	for _, d := range blind.Diags {
		if d.Severity == model.Warning {
			warned = append(warned, d.Msg)
		}
	}
	want := []string{
		`object "publicip" has no table describing its fields (looked for captions ["publicip"], and on 数据结构.md#section1: the page is not among the pages read); left as a free-form object`,
		`object "data_volumes" has no table describing its fields (looked for captions ["data_volumes"], and on 数据结构.md#table2: the page is not among the pages read); left as a free-form object`,
		`object "tags" has no table describing its fields (looked for captions ["Tag" "tags"], and on Tag结构体.md: the page is not among the pages read); left as a free-form object`,
		`object "publicip" has no table describing its fields (looked for captions ["publicip"], and on 数据结构.md#section1: the page is not among the pages read); left as a free-form object`,
	}
	if strings.Join(warned, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
	if s := bodyProp(t, doc, "CreateServerRequestBody", "publicip").Value; s.Type.Is("object") && len(s.Properties) != 0 {
		t.Errorf("publicip without its page has fields %v", s.Properties)
	}
}

// Hostile folders: a linked page larger than MaxPageBytes is not read; two
// pages whose tables link to each other end in a free-form object; a page
// linking to thousands of pages reads at most xref.MaxLoads of them.
func TestLinkedTablesBounded(t *testing.T) {
	op, err := os.ReadFile(filepath.Join(xpageDir, "创建服务器.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("huge page", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "创建服务器.md"), string(op))
		huge := filepath.Join(dir, "数据结构.md")
		write(t, huge, "# 数据结构\n")
		if err := os.Truncate(huge, MaxPageBytes+1); err != nil { // sparse: costs no disk
			t.Fatal(err)
		}
		res, _ := runXpage(t, []string{filepath.Join(dir, "创建服务器.md")}, Options{ReadLinked: ReadLinkedPage})
		if !strings.Contains(diagText(res), "on 数据结构.md#section1: not read: "+huge+": page is larger than") {
			t.Errorf("no warning names the huge page:\n%s", diagText(res))
		}
	})
	t.Run("cycle", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "op.md"), opPage("|a|是|Object|见[a](A.md#ta)。|"))
		write(t, filepath.Join(dir, "A.md"), structPage("ta", "b", "B.md#tb"))
		write(t, filepath.Join(dir, "B.md"), structPage("tb", "a", "A.md#ta"))
		res, doc := runXpage(t, []string{dir}, Options{})
		if !strings.Contains(diagText(res), "which contains it through links between pages") {
			t.Errorf("no warning about the cycle:\n%s", diagText(res))
		}
		a := bodyProp(t, doc, "OpRequestBody", "a")
		if got := members(a); !strings.HasPrefix(got, "b name* from "+filepath.ToSlash(dir)+"/A.md") {
			t.Errorf("a: %s", got)
		}
	})
	t.Run("thousands of rows each find their table", func(t *testing.T) {
		// Its cost as the page grows: BenchmarkLinkedRowsAndTables.
		const n = 4000
		res := Run(rowsLinkingToTables(n), Options{})
		if res.YAML == nil {
			t.Fatalf("no spec: %s", res.Summary())
		}
		if got := strings.Count(diagText(res), "fields read from"); got != n {
			t.Errorf("%d rows resolved, want %d", got, n)
		}
		if !strings.Contains(string(res.YAML), "id3999:") {
			t.Error("the last row's table is not in the spec")
		}
	})
	t.Run("how-to page", func(t *testing.T) {
		// A row without a type whose description links to a how-to page
		// (获取项目ID.md, one table of its own) is no object of that
		// table: the link names no table.
		page := "# 操作\n\n## URI\n\nGET /v1/ops\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n|参数|描述|\n|--|--|\n|project_id|项目ID，获取方法请参见[获取项目ID](获取项目ID.md)。|\n"
		howTo := "# 获取项目ID\n\n## URI\n\nGET /v3/projects\n\n## 响应参数\n\n**表 1**  projects字段说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|id|String|项目ID。|\n|name|String|项目名。|\n"
		res := Run([]Source{{Name: "op.md", Data: []byte(page)}, {Name: "获取项目ID.md", Data: []byte(howTo)}}, Options{})
		if res.YAML == nil {
			t.Fatalf("no spec: %s", res.Summary())
		}
		doc, err := openapi3.NewLoader().LoadFromData(res.YAML)
		if err != nil {
			t.Fatal(err)
		}
		var found *openapi3.SchemaRef
		for name, ref := range doc.Components.Schemas {
			if p := ref.Value.Properties["project_id"]; p != nil && strings.HasPrefix(name, "ListOps") {
				found = p
			}
		}
		if found == nil || found.Value == nil || !found.Value.Type.Is("string") {
			t.Errorf("project_id is not a string: %+v\n%s", found, res.YAML)
		}
	})
	t.Run("thousands of links", func(t *testing.T) {
		var rows strings.Builder
		const links = 3000
		for i := range links {
			fmt.Fprintf(&rows, "|f%d|否|Object|见[x](p%d.md#t)。|\n", i, i)
		}
		reads := 0
		readLinked := func(string) ([]byte, error) { reads++; return nil, os.ErrNotExist }
		res := Run([]Source{{Name: "op.md", Data: []byte(opPage(rows.String()))}}, Options{ReadLinked: readLinked})
		if res.YAML == nil {
			t.Fatalf("no spec: %s", res.Summary())
		}
		if reads != xref.MaxLoads {
			t.Errorf("read %d linked pages, want %d", reads, xref.MaxLoads)
		}
		if n := strings.Count(diagText(res), "has no table describing its fields"); n != links {
			t.Errorf("%d rows warn, want %d", n, links)
		}
	})
}

func opPage(rows string) string {
	return "# 操作<a name=\"Op\"></a>\n\n## 功能介绍\n\n操作。\n\n## URI\n\nPOST /v1/ops\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" + rows + "\n"
}

// structPage is a page of one table, anchored, with a name row and a row
// linking to link.
func structPage(anchor, row, link string) string {
	return "# 结构\n\n**表 1**  " + anchor + "字段说明\n\n<a name=\"" + anchor + "\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|" + row + "|否|Object|见[x](" + link + ")。|\n|name|是|String|名称。|\n"
}

// linkedDir holds real pages of a service outside the corpus that link to
// each other, with their sources in INDEX.md.
const linkedDir = root + "testdata/pages/linked/"

// INDEX.md lists exactly the folder's pages, each with its character
// count: the record that they are unchanged copies.
func TestLinkedPagesIndexed(t *testing.T) {
	index, err := os.ReadFile(linkedDir + "INDEX.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, line := range strings.Split(string(index), "\n") {
		cols := strings.Split(line, "|")
		if len(cols) < 6 || !strings.HasSuffix(strings.TrimSpace(cols[1]), ".md") {
			continue
		}
		var chars int
		if _, err := fmt.Sscan(strings.TrimSpace(cols[3]), &chars); err != nil {
			t.Errorf("INDEX.md: %s: chars %q: %v", cols[1], cols[3], err)
		}
		listed[strings.TrimSpace(cols[1])] = chars
	}
	files, err := pagesUnder(linkedDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(f, linkedDir))
		if rel == "INDEX.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		chars, ok := listed[rel]
		switch {
		case !ok:
			t.Errorf("%s is not in INDEX.md", rel)
		case chars != len([]rune(string(data))):
			t.Errorf("%s has %d characters; INDEX.md says %d", rel, len([]rune(string(data))), chars)
		}
		delete(listed, rel)
	}
	for rel := range listed {
		t.Errorf("INDEX.md lists %s, which is not there", rel)
	}
}

// SMN's ListTopics page, read on its own as docparse reads it, takes its
// topics' fields from Topic结构体.md beside it, which has no anchor and one
// table, named by its title; and so does the folder.
func TestLinkedRealPages(t *testing.T) {
	page := linkedDir + "smn/查询Topic列表.md"
	for _, c := range []struct {
		name  string
		paths []string
		opts  Options
	}{
		{"page", []string{page}, Options{ReadLinked: ReadLinkedPage}},
		{"folder", []string{linkedDir + "smn"}, Options{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, doc := runXpage(t, c.paths, c.opts)
			topics := bodyPropOf(t, doc, "ListTopics", "200", "topics")
			want := "items display_name name push_policy topic_urn from " + linkedDir + `smn/Topic结构体.md:6 table "table at line 6"`
			if got := members(topics); got != want {
				t.Errorf("topics: %s, want %s", got, want)
			}
			// The struct page's one uncaptioned table takes its title's name.
			if ref := topics.Value.Items.Ref; ref != "#/components/schemas/Topic" {
				t.Errorf("topics' items are %q, want the Topic component", ref)
			}
			if n := res.Diags.Count(model.Warning); n != 0 {
				t.Errorf("%d warnings:\n%s", n, diagText(res))
			}
		})
	}
}

// bodyPropOf is a member of an operation's response body.
func bodyPropOf(t *testing.T, doc *openapi3.T, opID, status, prop string) *openapi3.SchemaRef {
	t.Helper()
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID != opID {
				continue
			}
			resp := op.Responses.Value(status)
			if resp == nil || resp.Value.Content["application/json"] == nil {
				t.Fatalf("%s has no %s JSON body", opID, status)
			}
			if p := resp.Value.Content["application/json"].Schema.Value.Properties[prop]; p != nil {
				return p
			}
			t.Fatalf("%s %s has no %s", opID, status, prop)
		}
	}
	t.Fatalf("no operation %s", opID)
	return nil
}

// FuzzLinkedTables: an operation page whose rows link to other pages,
// beside any bytes as those pages (and as a page linking back to it),
// reads twice to the same spec and diagnostics, without panicking.
func FuzzLinkedTables(f *testing.F) {
	op, err := os.ReadFile(filepath.Join(xpageDir, "创建服务器.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"数据结构.md", "Tag结构体.md"} {
		data, err := os.ReadFile(filepath.Join(xpageDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(structPage("section1", "back", "创建服务器.md#x")))
	f.Add([]byte(structPage("table2", "self", "数据结构.md#table2")))
	f.Fuzz(func(t *testing.T, data []byte) {
		sources := []Source{{Name: "d/创建服务器.md", Data: op}, {Name: "d/数据结构.md", Data: data}, {Name: "d/Tag结构体.md", Data: data}}
		first, second := Run(sources, Options{}), Run(sources, Options{})
		if !bytes.Equal(first.YAML, second.YAML) || diagText(first) != diagText(second) {
			t.Fatalf("two runs differ:\n%s\n---\n%s", diagText(first), diagText(second))
		}
		if first.YAML == nil && !first.Diags.HasErrors() {
			t.Fatalf("no spec and no error:\n%s", diagText(first))
		}
	})
}

// The linked pages one run reads are bounded in bytes as well as in number:
// 64 pages of 64 MiB each would be 4 GiB.
func TestLinkedBytesBounded(t *testing.T) {
	var rows strings.Builder
	for i := range 10 {
		fmt.Fprintf(&rows, "|f%d|否|Object|见[x](p%d.md#t)。|\n", i, i)
	}
	reads := 0
	big := strings.Repeat("\x00", 30<<20) // binary: refused unread, but its bytes count
	readLinked := func(string) ([]byte, error) { reads++; return []byte(big), nil }
	res := Run([]Source{{Name: "op.md", Data: []byte(opPage(rows.String()))}}, Options{ReadLinked: readLinked})
	if res.YAML == nil {
		t.Fatalf("no spec: %s", res.Summary())
	}
	if want := MaxLinkedBytes/len(big) + 1; reads != want {
		t.Errorf("read %d linked pages of %d MiB, want %d", reads, len(big)>>20, want)
	}
	if !strings.Contains(diagText(res), "MiB of linked pages") {
		t.Errorf("no warning says why the rest were not read:\n%s", diagText(res))
	}
}
