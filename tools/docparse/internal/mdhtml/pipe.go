package mdhtml

import (
	"regexp"
	"strings"
)

// Markdown pipe tables ("|参数|是否必选|...|" over "|--|--|") are read into
// the same TableData as HTML tables, so readers need not know which form a
// page used.

// isPipeDelimiter reports whether line is a pipe table's delimiter row:
// only pipes, dashes, colons and spaces, with at least one dash.
func isPipeDelimiter(line []byte) bool {
	dash, pipe := false, false
	for _, c := range line {
		switch c {
		case '-':
			dash = true
		case '|':
			pipe = true
		case ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return dash && pipe
}

// pipeTableAt reports whether a pipe table starts at line i: a row that
// starts with "|" followed by a delimiter row.
func (s *splitter) pipeTableAt(i int) bool {
	return i+1 < s.lineCount() && isPipeDelimiter(s.line(i+1))
}

func (s *splitter) pipeTable(start int) {
	t := &TableData{}
	for _, c := range splitPipeRow(strings.TrimSpace(string(s.line(s.i)))) {
		t.Header = append(t.Header, pipeCell(c))
	}
	s.i += 2 // header and delimiter rows
	for s.i < s.lineCount() {
		line := strings.TrimSpace(string(s.line(s.i)))
		if line == "" || line[0] != '|' {
			break
		}
		row := Row{Line: s.i + 1}
		for _, c := range splitPipeRow(line) {
			row.Cells = append(row.Cells, pipeCell(c))
		}
		t.Rows = append(t.Rows, row)
		s.i++
	}
	s.add(Block{Kind: Table, Line: start, Table: t})
}

// splitPipeRow cuts "|a|b\|c|" into ["a", "b|c"]: the outer pipes are
// optional, and an escaped pipe belongs to its cell.
func splitPipeRow(line string) []string {
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			b.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(line[i])
		}
	}
	return append(cells, b.String())
}

var (
	brRE     = regexp.MustCompile(`(?i)<br\s*/?>`)
	mdHrefRE = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)[^)]*\)`)
)

// pipeCell reads one cell: <br> breaks lines, links are kept as Links and
// reduced to their text, bold markers go.
func pipeCell(raw string) Cell {
	var c Cell
	if strings.ContainsAny(raw, "[<") {
		for _, m := range mdHrefRE.FindAllStringSubmatch(raw, -1) {
			c.Links = append(c.Links, Link{Href: m[2], Text: CleanInline(m[1])})
		}
		c.Links = append(c.Links, htmlLinks(raw)...)
		raw = brRE.ReplaceAllString(raw, "\n")
	}
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		l = strings.ReplaceAll(CleanInline(l), "**", "")
		if l = collapse(strings.TrimSpace(l)); l != "" {
			lines = append(lines, l)
		}
	}
	c.Text = strings.Join(lines, "\n")
	return c
}
