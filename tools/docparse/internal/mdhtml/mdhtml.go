// Package mdhtml splits a documentation page written as Markdown with embedded
// HTML tables (the form Huawei Cloud publishes its API references in) into a
// flat list of located blocks: headings, bold captions, tables, code blocks
// and text. It knows nothing about APIs; readers give the blocks meaning.
package mdhtml

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// Kind says what a Block is.
type Kind int

const (
	Heading Kind = iota + 1
	Caption      // a line that starts with **bold** text, e.g. "**表 4**  Tag"
	Table
	Code
	Text
)

// Block is one unit of a page.
type Block struct {
	Kind   Kind
	Line   int    // 1-based line where the block starts
	Level  int    // heading level (number of #)
	Bold   string // Caption: the bold part, e.g. "表 4" or "状态码： 200"
	Text   string // heading text, caption text after the bold part, code, or plain text
	Raw    string // the line as written (Text, Caption, Heading), links and all
	Anchor string // <a name> given to a heading or placed just before a table
	Indent int    // Code: indentation of the opening fence (list nesting)
	Table  *TableData
	// Unterminated is set when a table or code block runs to the end of the page.
	Unterminated bool
}

// Problem is a structural defect found while splitting.
type Problem struct {
	Line int
	Msg  string
}

// Split reads a page. It never fails: defects are reported as Problems and
// the blocks hold as much as could be read.
func Split(data []byte) ([]Block, []Problem) {
	s := splitter{data: data}
	s.lines, s.offsets = splitLines(data)
	s.blocks = make([]Block, 0, len(s.lines)/4+1) // pages run about four lines a block
	s.run()
	return s.blocks, s.problems
}

type splitter struct {
	data          []byte
	lines         [][]byte
	offsets       []int // byte offset of each line in data
	scanned       map[int]scannedTable
	i             int
	blocks        []Block
	problems      []Problem
	pendingAnchor string
}

// splitLines cuts data into lines (without the line end) that share its
// memory, and records where each starts.
func splitLines(data []byte) ([][]byte, []int) {
	n := bytes.Count(data, []byte("\n")) + 1
	lines, offsets := make([][]byte, 0, n), make([]int, 0, n)
	off := 0
	for {
		i := bytes.IndexByte(data[off:], '\n')
		end := off + i
		if i < 0 {
			end = len(data)
		}
		lines = append(lines, bytes.TrimSuffix(data[off:end], []byte("\r")))
		offsets = append(offsets, off)
		if i < 0 {
			return lines, offsets
		}
		off = end + 1
	}
}

func (s *splitter) run() {
	for s.i < len(s.lines) {
		raw := s.lines[s.i]
		line := strings.TrimSpace(string(raw))
		start := s.i + 1
		switch {
		case line == "":
			s.i++
		case strings.HasPrefix(line, "```"):
			s.code(start, len(raw)-len(bytes.TrimLeft(raw, " \t")))
		case strings.HasPrefix(line, "<table"):
			s.table(start)
		case line[0] == '|' && s.pipeTableAt(s.i):
			s.pipeTable(start)
		case strings.HasPrefix(line, anchorOpen) && isAnchorLine(line):
			s.pendingAnchor = lastAnchor(line)
			s.i++
		default:
			s.i++
			s.textLine(start, line)
		}
	}
}

func (s *splitter) add(b Block) {
	if b.Kind == Heading || b.Kind == Table {
		if b.Anchor == "" {
			b.Anchor = s.pendingAnchor
		}
		s.pendingAnchor = ""
	}
	s.blocks = append(s.blocks, b)
}

// textLine files one Markdown line as a heading, a bold caption or text.
// These are parsed by hand: regexps cost more than the rest of a page.
func (s *splitter) textLine(line int, text string) {
	if level, rest, ok := heading(text); ok {
		s.add(Block{Kind: Heading, Line: line, Level: level, Text: CleanInline(rest), Anchor: firstAnchor(rest), Raw: text})
		return
	}
	if bold, rest, ok := caption(text); ok {
		s.add(Block{Kind: Caption, Line: line, Bold: CleanInline(bold), Text: CleanInline(rest), Raw: text})
		return
	}
	s.add(Block{Kind: Text, Line: line, Text: CleanInline(text), Raw: text})
}

// heading reads "## text": one to six #, then white space.
func heading(text string) (level int, rest string, ok bool) {
	for level < len(text) && text[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level == len(text) || !strings.ContainsRune(" \t\f\r\n", rune(text[level])) {
		return 0, "", false
	}
	return level, strings.TrimSpace(text[level:]), true
}

// caption reads "**bold** rest"; the bold part is not empty.
func caption(text string) (bold, rest string, ok bool) {
	if !strings.HasPrefix(text, "**") || len(text) < 5 {
		return "", "", false
	}
	end := strings.Index(text[3:], "**")
	if end < 0 {
		return "", "", false
	}
	return text[2 : 3+end], strings.TrimSpace(text[3+end+2:]), true
}

// firstAnchor returns the name of the first <a name="x"></a> in s.
func firstAnchor(s string) string {
	for {
		i := strings.Index(s, anchorOpen)
		if i < 0 {
			return ""
		}
		s = s[i+len(anchorOpen):]
		if end := strings.IndexByte(s, '"'); end >= 0 && strings.HasPrefix(s[end:], `"></a>`) {
			return s[:end]
		}
	}
}

func (s *splitter) code(start, indent int) {
	s.i++
	var body []string
	for s.i < len(s.lines) {
		raw := string(s.lines[s.i])
		s.i++
		if strings.HasPrefix(strings.TrimSpace(raw), "```") {
			s.add(Block{Kind: Code, Line: start, Text: strings.Join(body, "\n"), Indent: indent})
			return
		}
		body = append(body, dedent(raw, indent))
	}
	s.problems = append(s.problems, Problem{Line: start, Msg: "code block is never closed"})
	s.add(Block{Kind: Code, Line: start, Text: strings.Join(body, "\n"), Indent: indent, Unterminated: true})
}

func dedent(line string, n int) string {
	for n > 0 && line != "" && (line[0] == ' ' || line[0] == '\t') {
		line = line[1:]
		n--
	}
	return line
}

func (s *splitter) table(start int) {
	begin := s.i
	closed := false
	for s.i < len(s.lines) {
		l := s.lines[s.i]
		s.i++
		if bytes.Contains(l, []byte("</table>")) {
			closed = true
			break
		}
	}
	end := len(s.data)
	if s.i < len(s.offsets) {
		end = s.offsets[s.i]
	}
	b := Block{Kind: Table, Line: start, Table: s.tableAt(begin, end, closed)}
	if !closed {
		b.Unterminated = true
		s.problems = append(s.problems, Problem{Line: start, Msg: "table is never closed (no </table>)"})
	}
	s.add(b)
}

// tableAt returns the table whose "<table" starts line begin and whose
// chunk ends at byte end: from the single pass over the page when that pass
// saw the same table, else by tokenizing the chunk alone.
func (s *splitter) tableAt(begin, end int, closed bool) *TableData {
	if s.scanned == nil && bytes.Contains(s.data, []byte("<table")) {
		s.scanned = scanTables(s.data)
	}
	line := s.lines[begin]
	tagOff := s.offsets[begin] + len(line) - len(bytes.TrimLeft(line, " \t"))
	if st, ok := s.scanned[tagOff]; ok && closed && st.end <= end {
		for i := range st.data.Rows {
			st.data.Rows[i].Line = s.lineAt(st.data.Rows[i].Line)
		}
		return st.data
	}
	return parseTable(s.data[s.offsets[begin]:end], begin+1)
}

// lineAt turns a byte offset into a 1-based line number.
func (s *splitter) lineAt(off int) int {
	return sort.SearchInts(s.offsets, off+1)
}

var (
	mdLinkRE   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEscapeRE = regexp.MustCompile(`\\([\\{}_*\[\]()#+\-.!<>` + "`" + `])`)
)

// CleanInline reduces one line of Markdown to readable text: links become
// their text, inline HTML tags go, backslash escapes are undone and entities
// decoded.
func CleanInline(s string) string {
	if strings.IndexByte(s, '[') >= 0 {
		s = mdLinkRE.ReplaceAllString(s, "$1")
	}
	s = stripTags(s)
	if strings.IndexByte(s, '\\') >= 0 {
		s = Unescape(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityReplacer.Replace(s)
	}
	return strings.TrimSpace(s)
}

// stripTags removes every <...>, as the regexp <[^>]*> would.
func stripTags(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// entityReplacer is immutable; building it once keeps CleanInline cheap.
var entityReplacer = strings.NewReplacer("&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&")

// Unescape undoes Markdown backslash escapes: `\{version\_id\}` is `{version_id}`.
func Unescape(s string) string { return mdEscapeRE.ReplaceAllString(s, "$1") }

const anchorOpen = `<a name="`

// isAnchorLine reports whether line holds nothing but <a name="x"></a>
// anchors. Pages carry thousands of them, so this avoids a regexp.
func isAnchorLine(line string) bool {
	for line != "" {
		rest, ok := strings.CutPrefix(line, anchorOpen)
		if !ok {
			return false
		}
		end := strings.IndexByte(rest, '"')
		if end < 0 {
			return false
		}
		if rest, ok = strings.CutPrefix(rest[end+1:], "></a>"); !ok {
			return false
		}
		line = strings.TrimLeft(rest, " \t")
	}
	return true
}

// lastAnchor returns the name of the last anchor on an anchor line.
func lastAnchor(line string) string {
	i := strings.LastIndex(line, anchorOpen)
	rest := line[i+len(anchorOpen):]
	return rest[:strings.IndexByte(rest, '"')]
}
