package mdhtml

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The hand matchers' known slips (issue 9), each read against the page
// text that shows it.

func tableOf(t *testing.T, page string) Block {
	t.Helper()
	blocks, _ := Split([]byte(page))
	for _, b := range blocks {
		if b.Kind == Table {
			return b
		}
	}
	t.Fatalf("no table in %q", page)
	return Block{}
}

func TestDataHrefIsNotALink(t *testing.T) {
	b := tableOf(t, `<table><tr><th>参数</th><th>参数类型</th></tr>`+"\n"+
		`<tr><td><a data-href="#a">x</a></td><td><a data-href="#b" href="#c">Tag</a> object</td></tr></table>`+"\n")
	want := []Row{{Line: 2, Cells: []Cell{{Text: "x"}, {Text: "Tag object", Links: []Link{{Href: "#c", Text: "Tag"}}}}}}
	if diff := cmp.Diff(want, b.Table.Rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestSingleQuotedAnchors(t *testing.T) {
	page := "# 标题<a name='CreateThing'></a>\n\n<a name='request_Tag'></a>\n<table><tr><th>参数</th></tr><tr><td><a href='#x'>y</a></td></tr></table>\n"
	blocks, _ := Split([]byte(page))
	if len(blocks) != 2 {
		t.Fatalf("blocks %+v", blocks)
	}
	if blocks[0].Anchor != "CreateThing" {
		t.Errorf("heading anchor %q, want CreateThing", blocks[0].Anchor)
	}
	if blocks[1].Anchor != "request_Tag" {
		t.Errorf("table anchor %q, want request_Tag", blocks[1].Anchor)
	}
	if got := blocks[1].Table.Rows[0].Cells[0].Anchor(); got != "x" {
		t.Errorf("cell link %q, want x", got)
	}
	// Unquoted and upper-case spellings are anchors too; a line with
	// other text after the anchor is not an anchor line.
	blocks, _ = Split([]byte("<A NAME=t1></A> <a name=\"t2\"></a>\n<table><tr><th>参数</th></tr></table>\n<a name=\"z\"></a> text\n"))
	if len(blocks) != 2 || blocks[0].Anchor != "t2" || blocks[1].Kind != Text {
		t.Errorf("blocks %+v", blocks)
	}
	// A text line keeps its first anchor (a list item captioning the
	// table after it); the table keeps its own.
	blocks, _ = Split([]byte("-   <a name=\"li1\"></a>volumes参数说明\n\n    <a name=\"t3\"></a>\n    <table><tr><th>参数</th></tr></table>\n"))
	if len(blocks) != 2 || blocks[0].Kind != Text || blocks[0].Anchor != "li1" || blocks[0].Text != "-   volumes参数说明" || blocks[1].Anchor != "t3" {
		t.Errorf("blocks %+v", blocks)
	}
}

func TestAllEntitiesDecoded(t *testing.T) {
	page := "## 查询&hellip;&#x4E2D;&#25991;&middot;&times;&nbsp;&amp;lt;\n\n**表 1**&nbsp;&nbsp;Tag&rarr;x\n\n|参数|参数类型|\n|--|--|\n|a&hellip;|Map&lt;String,String&gt;|\n"
	blocks, _ := Split([]byte(page))
	if got, want := blocks[0].Text, "查询…中文·× &lt;"; got != want {
		t.Errorf("heading %q, want %q", got, want)
	}
	if got, want := blocks[1].Text, "Tag→x"; got != want {
		t.Errorf("caption %q, want %q", got, want)
	}
	row := blocks[2].Table.Rows[0]
	if got := []string{row.Cells[0].Text, row.Cells[1].Text}; !cmp.Equal(got, []string{"a…", "Map<String,String>"}) {
		t.Errorf("pipe cells %q", got)
	}
}

func TestPipeCellKeepsTypeBrackets(t *testing.T) {
	page := "|参数|参数类型|描述|\n|--|--|--|\n|tags|List<String>|a<br>b <b>c</b> <a href=\"#t\">表1</a>|\n|m|Map<String,Array<String>>|<span>x</span>|\n|o|List<Object>|Array<Tag>|\n"
	b := tableOf(t, page)
	var got []string
	for _, r := range b.Table.Rows {
		for _, c := range r.Cells {
			got = append(got, c.Text)
		}
	}
	want := []string{"tags", "List<String>", "a\nb c 表1", "m", "Map<String,Array<String>>", "x", "o", "List<Object>", "Array<Tag>"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
	if a := b.Table.Rows[0].Cells[2].Anchor(); a != "t" {
		t.Errorf("link %q, want t", a)
	}
}

func TestInvalidUTF8IsLocated(t *testing.T) {
	page := "## URI\n\nGET /x\n\n**表 1**  bad \xff here\n\n<table><tr><th>参数</th></tr><tr><td>a\xfeb</td></tr></table>\n"
	blocks, problems := Split([]byte(page))
	want := []Problem{
		{Line: 5, Msg: "line holds bytes that are not UTF-8; read as U+FFFD", Warning: true},
		{Line: 7, Msg: "line holds bytes that are not UTF-8; read as U+FFFD", Warning: true},
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, b := range blocks {
		for _, s := range blockStrings(b) {
			if !utf8.ValidString(s) {
				t.Errorf("block at line %d holds invalid UTF-8: %q", b.Line, s)
			}
		}
	}
	if got := blocks[2].Text; got != "bad \uFFFD here" {
		t.Errorf("caption %q", got)
	}
}

// blockStrings is every string a block carries.
func blockStrings(b Block) []string {
	out := []string{b.Bold, b.Text, b.Raw, b.Anchor}
	if b.Table != nil {
		for _, r := range append([]Row{{Cells: b.Table.Header}}, b.Table.Rows...) {
			for _, c := range r.Cells {
				out = append(out, c.Text)
				for _, l := range c.Links {
					out = append(out, l.Href, l.Text)
				}
			}
		}
	}
	return out
}

func TestSplitOddInput(t *testing.T) {
	for _, tc := range []struct {
		in       string
		kinds    string // block kinds in order: H heading, C caption, T table, K code, X text
		problems []string
	}{
		{in: ""},
		{in: "\n"},
		{in: "<table>", kinds: "T", problems: []string{"1: table is never closed (no </table>)"}},
		{in: "```", kinds: "K", problems: []string{"1: code block is never closed"}},
		{in: "**", kinds: "X"},
		{in: "#", kinds: "X"},
		{in: "# x", kinds: "H"},
		{in: "**a**", kinds: "C"},
		{in: "<a name=\"x\"></a>"}, // an anchor with nothing to name
		{in: "<table><tr><td>x", kinds: "T", problems: []string{"1: table is never closed (no </table>)"}},
		{in: "\x00\xff\xfe<table><td></tr></table>", kinds: "X", problems: []string{"1: line holds bytes that are not UTF-8; read as U+FFFD"}},
		{in: "|a|\n|-|\n|b|", kinds: "T"},
		{in: "<table></table>\n<table></table>", kinds: "TT"},
	} {
		blocks, problems := Split([]byte(tc.in))
		var kinds strings.Builder
		lines := strings.Count(tc.in, "\n") + 1
		for _, b := range blocks {
			kinds.WriteByte(" HCTKX"[b.Kind])
			if b.Line < 1 || b.Line > lines {
				t.Errorf("%q: block %+v at line %d of %d", tc.in, b, b.Line, lines)
			}
			for _, s := range blockStrings(b) {
				if !utf8.ValidString(s) {
					t.Errorf("%q: block holds invalid UTF-8 %q", tc.in, s)
				}
			}
		}
		if kinds.String() != tc.kinds {
			t.Errorf("%q: blocks %q, want %q (%+v)", tc.in, kinds.String(), tc.kinds, blocks)
		}
		var got []string
		for _, p := range problems {
			got = append(got, strings.TrimSpace(strings.Join([]string{strconv.Itoa(p.Line) + ":", p.Msg}, " ")))
		}
		if !cmp.Equal(got, tc.problems, cmpEmpty) {
			t.Errorf("%q: problems %q, want %q", tc.in, got, tc.problems)
		}
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") })
