package mdhtml

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	page := "# 标题<a name=\"CreateThing\"></a>\n" +
		"\n" +
		"## URI\n" +
		"\n" +
		"POST /\\{version\\_id\\}/things\n" +
		"\n" +
		"**表 1**  Tag\n" +
		"\n" +
		"<a name=\"request_Tag\"></a>\n" +
		"<table><thead align=\"left\"><tr><th><p>参数</p></th>\n" +
		"<th><p>参数类型</p></th>\n" +
		"</tr>\n" +
		"</thead>\n" +
		"<tbody><tr><td><p>key</p></td>\n" +
		"<td><p>Array of <a href=\"#request_Item\">Item</a> objects</p></td>\n" +
		"</tr>\n" +
		"<tr><td><p>a&amp;b</p><ul><li><p>one</p></li><li>two  three</li></ul></td>\n" +
		"<td>String</td>\n" +
		"</tr>\n" +
		"</tbody>\n" +
		"</table>\n" +
		"-   示例\n" +
		"    ```\n" +
		"    {\"a\": 1}\n" +
		"    ```\n" +
		"```\n" +
		"never closed\n"
	blocks, problems := Split([]byte(page))
	if diff := cmp.Diff([]Problem{{Line: 26, Msg: "code block is never closed"}}, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	want := []Block{
		{Kind: Heading, Line: 1, Level: 1, Text: "标题", Anchor: "CreateThing", Raw: "# 标题<a name=\"CreateThing\"></a>"},
		{Kind: Heading, Line: 3, Level: 2, Text: "URI", Raw: "## URI"},
		{Kind: Text, Line: 5, Text: "POST /{version_id}/things", Raw: "POST /\\{version\\_id\\}/things"},
		{Kind: Caption, Line: 7, Bold: "表 1", Text: "Tag", Raw: "**表 1**  Tag"},
		{Kind: Table, Line: 10, Anchor: "request_Tag", Table: &TableData{
			Header: []Cell{{Text: "参数"}, {Text: "参数类型"}},
			Rows: []Row{
				{Line: 14, Cells: []Cell{{Text: "key"}, {Text: "Array of Item objects", Links: []Link{{Href: "#request_Item", Text: "Item"}}}}},
				{Line: 17, Cells: []Cell{{Text: "a&b\n- one\n- two three"}, {Text: "String"}}},
			},
		}},
		{Kind: Text, Line: 22, Text: "-   示例", Raw: "-   示例"},
		{Kind: Code, Line: 23, Text: "{\"a\": 1}", Indent: 4},
		{Kind: Code, Line: 26, Text: "never closed\n", Unterminated: true},
	}
	if diff := cmp.Diff(want, blocks); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if got := want[4].Table.Rows[0].Cells[1].Anchor(); got != "request_Item" {
		t.Errorf("Anchor() = %q", got)
	}
}

func TestSplitPipeTable(t *testing.T) {
	page := "**表 3**  请求Body参数\r\n" +
		"\r\n" +
		"|参数|是否必选|参数类型|描述|\n" +
		"|--|--|--|--|\n" +
		"|[数组元素]|是|Array of [UserAuth](#request_UserAuth) objects|a\\|b<br>缺省值：**application/json**|\n" +
		"| x | 否 |String| |\n" +
		"\n" +
		"|not a table|\n"
	blocks, problems := Split([]byte(page))
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	want := []Block{
		{Kind: Caption, Line: 1, Bold: "表 3", Text: "请求Body参数", Raw: "**表 3**  请求Body参数"},
		{Kind: Table, Line: 3, Table: &TableData{
			Header: []Cell{{Text: "参数"}, {Text: "是否必选"}, {Text: "参数类型"}, {Text: "描述"}},
			Rows: []Row{
				{Line: 5, Cells: []Cell{{Text: "[数组元素]"}, {Text: "是"},
					{Text: "Array of UserAuth objects", Links: []Link{{Href: "#request_UserAuth", Text: "UserAuth"}}},
					{Text: "a|b\n缺省值：application/json"}}},
				{Line: 6, Cells: []Cell{{Text: "x"}, {Text: "否"}, {Text: "String"}, {Text: ""}}},
			},
		}},
		{Kind: Text, Line: 8, Text: "|not a table|", Raw: "|not a table|"},
	}
	if diff := cmp.Diff(want, blocks); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

// The single pass over a page (scanTables) and the per-table fallback
// (parseTable) must read every table the same way, line numbers included.
func TestScanMatchesPerTableParse(t *testing.T) {
	files, _ := filepath.Glob("../../../../testdata/pages/*.txt")
	more, _ := filepath.Glob("../../../../testdata/pages/unseen/*/*.md")
	files = append(files, more...)
	tables := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines, offsets := splitLines(data)
		blocks, _ := Split(data)
		for _, b := range blocks {
			if b.Kind != Table || b.Unterminated || !bytes.HasPrefix(bytes.TrimSpace(lines[b.Line-1]), []byte("<table")) {
				continue
			}
			end := b.Line - 1
			for end < len(lines) && !bytes.Contains(lines[end], []byte("</table>")) {
				end++
			}
			chunkEnd := len(data)
			if end+1 < len(offsets) {
				chunkEnd = offsets[end+1]
			}
			want := parseTable(data[offsets[b.Line-1]:chunkEnd], b.Line)
			if diff := cmp.Diff(want, b.Table); diff != "" {
				t.Errorf("%s:%d: scanned table differs from parseTable (-parse +scan):\n%s", f, b.Line, diff)
			}
			tables++
		}
	}
	if tables < 50 {
		t.Errorf("compared only %d tables", tables)
	}
}

func TestTableAfterRawTextTagFallsBack(t *testing.T) {
	// <textarea> switches a whole-page tokenizer to raw text, so the single
	// pass never sees the table; the splitter must still read it.
	page := "<textarea>\n\n<table><tr><th>参数</th><th>参数类型</th></tr>\n<tr><td>id</td><td>String</td></tr>\n</table>\n"
	blocks, _ := Split([]byte(page))
	var got *TableData
	for _, b := range blocks {
		if b.Kind == Table {
			got = b.Table
		}
	}
	want := &TableData{Header: []Cell{{Text: "参数"}, {Text: "参数类型"}}, Rows: []Row{{Line: 4, Cells: []Cell{{Text: "id"}, {Text: "String"}}}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// The hand-written line parsers replace these regexps for speed; the
// regexps stay here as the oracle they must agree with.
var (
	oracleHeading = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	oracleCaption = regexp.MustCompile(`^\*\*(.+?)\*\*\s*(.*)$`)
	oracleTags    = regexp.MustCompile(`</?(?:` + asciiFoldAlternatives(htmlNames) + `)(?:>|[\t\n\f\r /][^>]*>)`)
)

// asciiFoldAlternatives spells names as a regexp alternation matching
// ASCII letters in either case ((?i) would also fold the Kelvin sign).
func asciiFoldAlternatives(names map[string]bool) string {
	var alts []string
	for name := range names {
		var b strings.Builder
		for _, c := range name {
			if 'a' <= c && c <= 'z' {
				b.WriteString("[" + string(c) + string(c-'a'+'A') + "]")
			} else {
				b.WriteRune(c)
			}
		}
		alts = append(alts, b.String())
	}
	return strings.Join(alts, "|")
}

func FuzzLineParsersMatchRegexps(f *testing.F) {
	for _, s := range []string{"# a", "####### a", "#a", "##\tb <a name=\"x\"></a>", "**表 4**  Tag", "****", "***a**", "**a** ", "**状态码： 200**",
		"a<b>c<d", "<a href=\"x\">t</a>", "x < y > z", "List<String>", "Map<String,Object>", "<BR/>a", "</a >", "<bx>", "<a\u212a>", "<span class='x'>y</span>", "# 标题<a name=\"X\"></a>", "**", "**a*", "**a**b**c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r") {
			return // the splitter hands over single lines
		}
		level, rest, ok := heading(s)
		if m := oracleHeading.FindStringSubmatch(s); (m != nil) != ok || (ok && (len(m[1]) != level || strings.TrimSpace(m[2]) != rest)) {
			t.Errorf("heading(%q) = %d %q %v; regexp says %q", s, level, rest, ok, m)
		}
		bold, rest, ok := caption(s)
		if m := oracleCaption.FindStringSubmatch(s); (m != nil) != ok || (ok && (m[1] != bold || strings.TrimSpace(m[2]) != rest)) {
			t.Errorf("caption(%q) = %q %q %v; regexp says %q", s, bold, rest, ok, m)
		}
		if got, want := stripTags(s), oracleTags.ReplaceAllString(s, ""); got != want {
			t.Errorf("stripTags(%q) = %q, want %q", s, got, want)
		}
	})
}

// Kafka V1 重置消费组消费进度 (its shape): one 是否必选 cell spans two rows,
// and a cell may span columns; each row gets the spanned cell in its
// place, so later cells keep their columns. Spans beyond the bounds are
// cut to them.
func TestTableSpans(t *testing.T) {
	page := "<table><thead><tr><th>参数</th><th>类型</th><th>是否必选</th><th>说明</th></tr></thead>\n" +
		"<tbody><tr><td>message_offset</td><td>Long</td><td rowspan=\"2\">二者必选其一</td><td>位置</td></tr>\n" +
		"<tr><td>timestamp</td><td>Long</td><td>时间</td></tr>\n" +
		"<tr><td>topic</td><td colspan='2'>String</td><td>主题</td></tr>\n" +
		"<tr><td>x</td><td>y</td><td>z</td><td rowspan=\"3\">last</td></tr>\n" +
		"<tr><td>p</td><td>q</td><td>r</td></tr>\n" +
		"<tr><td>s</td><td>t</td><td>u</td></tr>\n" +
		"<tr><td colspan=\"99999999999\">wide</td></tr>\n" +
		"</tbody></table>\n"
	blocks, _ := Split([]byte(page))
	var got [][]string
	for _, r := range blocks[0].Table.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		got = append(got, cells)
	}
	var wide []string
	for range maxColspan {
		wide = append(wide, "wide")
	}
	want := [][]string{
		{"message_offset", "Long", "二者必选其一", "位置"},
		{"timestamp", "Long", "二者必选其一", "时间"},
		{"topic", "String", "String", "主题"},
		{"x", "y", "z", "last"},
		{"p", "q", "r", "last"},
		{"s", "t", "u", "last"},
		wide,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
