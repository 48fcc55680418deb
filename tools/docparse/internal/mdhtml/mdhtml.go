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
	"unicode/utf8"

	"golang.org/x/net/html"
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
	Anchor string // <a name> given to a heading, placed just before a table, or the first on a text line
	Indent int    // Code: indentation of the opening fence; Text: of the line (list nesting)
	Table  *TableData
	// Unterminated is set when a table or code block runs to the end of the page.
	Unterminated bool
}

// Problem is a structural defect found while splitting.
type Problem struct {
	Line int
	Msg  string
	// Warning marks a defect the blocks read past (bytes that are not
	// UTF-8); the rest leave part of the page unread.
	Warning bool
}

// Split reads a page. It never fails: defects are reported as Problems and
// the blocks hold as much as could be read.
func Split(data []byte) ([]Block, []Problem) {
	var problems []Problem
	if !utf8.Valid(data) {
		data, problems = validUTF8(data)
	}
	s := splitter{data: data, offsets: lineOffsets(data), problems: problems}
	// Most lines sit inside tables: pages run about a dozen lines a block.
	s.blocks = make([]Block, 0, s.lineCount()/12+8)
	s.run()
	return s.blocks, s.problems
}

type splitter struct {
	data          []byte
	offsets       []int // byte offset of each line in data
	scanned       map[int]scannedTable
	i             int
	blocks        []Block
	problems      []Problem
	pendingAnchor string
}

// validUTF8 replaces each run of bytes that are not UTF-8 by U+FFFD, as
// Go's strings do when ranged over, and reports each line that held some.
// Lines keep their numbers: a line end is never part of such a run.
func validUTF8(data []byte) ([]byte, []Problem) {
	var problems []Problem
	for line, rest := 1, data; len(rest) > 0; line++ {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if !utf8.Valid(l) {
			problems = append(problems, Problem{Line: line, Msg: "line holds bytes that are not UTF-8; read as U+FFFD", Warning: true})
		}
		rest = next
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), problems
}

// lineOffsets records where each line of data starts. Lines are cut from
// data on demand (see line) rather than kept as a slice of slices: most of
// them are only looked at once.
func lineOffsets(data []byte) []int {
	offsets := make([]int, 1, bytes.Count(data, []byte("\n"))+1)
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return offsets
		}
		off += i + 1
		offsets = append(offsets, off)
	}
}

func (s *splitter) lineCount() int { return len(s.offsets) }

// splitLines cuts data into lines (without the line end) that share its
// memory, and records where each starts. Split itself cuts lines on
// demand; the tests use this to look at a page line by line.
func splitLines(data []byte) ([][]byte, []int) {
	s := splitter{data: data, offsets: lineOffsets(data)}
	lines := make([][]byte, s.lineCount())
	for i := range lines {
		lines[i] = s.line(i)
	}
	return lines, s.offsets
}

// line returns line i (0-based) without its line end, sharing data's memory.
func (s *splitter) line(i int) []byte {
	end := len(s.data)
	if i+1 < len(s.offsets) {
		end = s.offsets[i+1] - 1
	}
	return bytes.TrimSuffix(s.data[s.offsets[i]:end], []byte("\r"))
}

func (s *splitter) run() {
	for s.i < s.lineCount() {
		raw := s.line(s.i)
		// Classified as bytes: only a line that becomes a text block is
		// worth a string.
		line := bytes.TrimSpace(raw)
		start := s.i + 1
		switch {
		case len(line) == 0:
			s.i++
		case bytes.HasPrefix(line, []byte("```")):
			s.code(start, len(raw)-len(bytes.TrimLeft(raw, " \t")))
		case bytes.HasPrefix(line, []byte("<table")):
			s.table(start)
		case line[0] == '|' && s.pipeTableAt(s.i):
			s.pipeTable(start)
		case startsWithTagA(line) && s.anchorLine(line):
			s.i++
		default:
			s.i++
			s.textLine(start, string(line), len(raw)-len(bytes.TrimLeft(raw, " \t")))
		}
	}
}

// anchorLine keeps the last anchor of a line of nothing but anchors for
// the heading or table that follows.
func (s *splitter) anchorLine(line []byte) bool {
	names, ok := anchorLine(line)
	if ok {
		s.pendingAnchor = names[len(names)-1]
	}
	return ok
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
func (s *splitter) textLine(line int, text string, indent int) {
	if level, rest, ok := heading(text); ok {
		s.add(Block{Kind: Heading, Line: line, Level: level, Text: CleanInline(rest), Anchor: firstAnchor(rest), Raw: text})
		return
	}
	if bold, rest, ok := caption(text); ok {
		s.add(Block{Kind: Caption, Line: line, Bold: CleanInline(bold), Text: CleanInline(rest), Raw: text})
		return
	}
	s.add(Block{Kind: Text, Line: line, Text: CleanInline(text), Raw: text, Anchor: firstAnchor(text), Indent: indent})
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

func (s *splitter) code(start, indent int) {
	s.i++
	first := s.i
	closed := false
	for s.i < s.lineCount() {
		raw := s.line(s.i)
		s.i++
		if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("```")) {
			closed = true
			break
		}
	}
	last := s.i // just past the body
	if closed {
		last--
	}
	// The body is joined in one buffer sized up front: one allocation, not
	// one a line.
	var body strings.Builder
	body.Grow(s.offsetOf(last) - s.offsetOf(first))
	for i := first; i < last; i++ {
		if i > first {
			body.WriteByte('\n')
		}
		body.Write(dedent(s.line(i), indent))
	}
	if closed {
		s.add(Block{Kind: Code, Line: start, Text: body.String(), Indent: indent})
		return
	}
	s.problems = append(s.problems, Problem{Line: start, Msg: "code block is never closed"})
	s.add(Block{Kind: Code, Line: start, Text: body.String(), Indent: indent, Unterminated: true})
}

// indexTableEnd is bytes.Index(s, []byte("</table>")). It looks for the
// 'b', rare in a table, rather than the '<' every tag starts with, on which
// bytes.Index stops every few bytes.
func indexTableEnd(s []byte) int {
	const end, b = "</table>", 4 // end[b] == 'b'
	for from := b; from < len(s); {
		i := bytes.IndexByte(s[from:], 'b')
		if i < 0 {
			return -1
		}
		if at := from + i - b; at+len(end) <= len(s) && string(s[at:at+len(end)]) == end {
			return at
		}
		from += i + 1
	}
	return -1
}

// offsetOf is where line i starts; len(data) past the last line.
func (s *splitter) offsetOf(i int) int {
	if i < len(s.offsets) {
		return s.offsets[i]
	}
	return len(s.data)
}

func dedent(line []byte, n int) []byte {
	for n > 0 && len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
		line = line[1:]
		n--
	}
	return line
}

func (s *splitter) table(start int) {
	begin := s.i
	// The chunk runs to the end of the first line holding "</table>". One
	// search over the rest of the page finds it faster than one a line.
	closed := false
	s.i = s.lineCount()
	if at := indexTableEnd(s.data[s.offsets[begin]:]); at >= 0 {
		closed = true
		s.i = s.lineAt(s.offsets[begin] + at) // the next line, as lineAt is 1-based
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
	line := s.line(begin)
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
	mdEscapeRE = regexp.MustCompile(`\\([\\{}_*\[\]()#+\-.!<>` + "`" + `])`)
)

// CleanInline reduces one line of Markdown to readable text: links become
// their text, inline HTML tags go, backslash escapes are undone and entities
// decoded.
func CleanInline(s string) string {
	if strings.IndexByte(s, '[') >= 0 {
		s = replaceLinks(s)
	}
	s = stripTags(s)
	if strings.IndexByte(s, '\\') >= 0 {
		s = Unescape(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		// Every HTML entity, as a browser reads it; a no-break space is
		// a space here.
		s = strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
	}
	return strings.TrimSpace(s)
}

// replaceLinks replaces every Markdown link or image with its text, as
// mdLinkRE.ReplaceAllString(s, "$1") would, without a regexp: text lines
// full of links made it the largest cost of the splitter outside tables.
func replaceLinks(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written or replaced
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '[')
		if i < 0 {
			break
		}
		open := from + i
		// [text](url): text holds no ']', url no ')'.
		textEnd := strings.IndexByte(s[open+1:], ']')
		if textEnd < 0 {
			break // no later '[' can close either
		}
		textEnd += open + 1
		if textEnd+1 >= len(s) || s[textEnd+1] != '(' {
			from = open + 1
			continue
		}
		urlEnd := strings.IndexByte(s[textEnd+2:], ')')
		if urlEnd < 0 {
			from = open + 1
			continue
		}
		start := open
		if start > done && s[start-1] == '!' {
			start-- // an image: the '!' goes too
		}
		b.WriteString(s[done:start])
		b.WriteString(s[open+1 : textEnd])
		done = textEnd + 2 + urlEnd + 1
		from = done
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// Unescape undoes Markdown backslash escapes: `\{version\_id\}` is `{version_id}`.
func Unescape(s string) string { return mdEscapeRE.ReplaceAllString(s, "$1") }
