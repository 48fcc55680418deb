package mdhtml

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TableData is an HTML table reduced to text cells.
type TableData struct {
	Header []Cell // cells of the first row made of <th> (or inside <thead>)
	Rows   []Row  // body rows in order
}

// Row is one body row.
type Row struct {
	Line  int // 1-based line of the page where the row starts
	Cells []Cell
}

// Cell is the readable content of one <td> or <th>.
type Cell struct {
	// Text has one paragraph a line; list items start with "- ".
	Text  string
	Links []Link
}

// Link is an <a href> inside a cell.
type Link struct {
	Href, Text string
}

// Anchor returns the fragment of the first in-page link ("#x" gives "x").
func (c Cell) Anchor() string {
	for _, l := range c.Links {
		if strings.HasPrefix(l.Href, "#") && len(l.Href) > 1 {
			return l.Href[1:]
		}
	}
	return ""
}

// parseTable tokenizes one <table>...</table> chunk that starts on line
// firstLine. A tokenizer, not a DOM parse, keeps this linear and cheap.
func parseTable(chunk []byte, firstLine int) *TableData {
	t := &TableData{}
	z := html.NewTokenizer(bytes.NewReader(chunk))
	line := firstLine
	var (
		row      *Row
		cell     *cellBuilder
		inHead   bool
		rowIsTH  bool
		linkHref string
		linkText strings.Builder
		inLink   bool
	)
	finishCell := func() {
		if cell == nil || row == nil {
			cell = nil
			return
		}
		row.Cells = append(row.Cells, cell.cell())
		cell = nil
	}
	finishRow := func() {
		finishCell()
		if row == nil {
			return
		}
		if (inHead || rowIsTH) && t.Header == nil && len(t.Rows) == 0 {
			t.Header = row.Cells
		} else {
			t.Rows = append(t.Rows, *row)
		}
		row = nil
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		tokLine := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tag := tagAtom(raw)
			switch tag {
			case atom.Thead:
				inHead = true
			case atom.Tbody:
				inHead = false
			case atom.Tr:
				finishRow()
				row = &Row{Line: tokLine}
				rowIsTH = false
			case atom.Th, atom.Td:
				finishCell()
				if row == nil {
					row = &Row{Line: tokLine}
				}
				if tag == atom.Th {
					rowIsTH = true
				}
				cell = &cellBuilder{}
			case atom.P, atom.Div, atom.Br:
				cell.breakLine()
			case atom.Li:
				cell.startItem()
			case atom.A:
				if href := hrefOf(raw); href != "" {
					inLink, linkHref = true, href
					linkText.Reset()
				}
			}
		case html.EndTagToken:
			switch tagAtom(raw) {
			case atom.Td, atom.Th:
				finishCell()
			case atom.Tr:
				finishRow()
			case atom.Thead:
				finishRow()
				inHead = false
			case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol:
				cell.breakLine()
			case atom.A:
				if inLink && cell != nil {
					cell.links = append(cell.links, Link{Href: linkHref, Text: strings.TrimSpace(collapse(linkText.String()))})
				}
				inLink = false
			}
		case html.TextToken:
			if cell == nil {
				continue // white space between tags
			}
			text := z.Text()
			cell.cur.Write(text)
			if inLink {
				linkText.Write(text)
			}
		}
	}
	finishRow()
	return t
}

// tagAtom reads the tag name from a tag token's raw bytes. The tokenizer's
// own TagName copies the name on every call, which made it the single
// largest cost of reading a page.
func tagAtom(raw []byte) atom.Atom {
	raw = bytes.TrimPrefix(bytes.TrimPrefix(raw, []byte("<")), []byte("/"))
	var name [16]byte
	n := 0
	for _, c := range raw {
		if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
		if n == len(name) {
			return 0 // longer than any tag we care about
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	return atom.Lookup(name[:n])
}

// hrefOf returns the href attribute of a raw <a> tag, entities decoded.
func hrefOf(raw []byte) string {
	i := bytes.Index(raw, []byte("href="))
	if i < 0 {
		return ""
	}
	v := raw[i+len("href="):]
	if len(v) == 0 {
		return ""
	}
	end := byte(' ')
	if v[0] == '"' || v[0] == '\'' {
		end, v = v[0], v[1:]
	}
	if j := bytes.IndexAny(v, string([]byte{end, '>'})); j >= 0 {
		v = v[:j]
	}
	return html.UnescapeString(string(v))
}

// cellBuilder gathers a cell's text one paragraph at a time. Its methods
// accept a nil receiver so text outside any cell is simply ignored.
type cellBuilder struct {
	lines  []string
	cur    strings.Builder
	links  []Link
	bullet bool // the next paragraph starts a list item
}

func (c *cellBuilder) startItem() {
	if c != nil {
		c.breakLine()
		c.bullet = true
	}
}

func (c *cellBuilder) write(s string) {
	if c != nil {
		c.cur.WriteString(s)
	}
}

func (c *cellBuilder) breakLine() {
	if c == nil {
		return
	}
	if l := strings.TrimSpace(collapse(c.cur.String())); l != "" {
		if c.bullet {
			l, c.bullet = "- "+l, false
		}
		c.lines = append(c.lines, l)
	}
	c.cur.Reset()
}

func (c *cellBuilder) cell() Cell {
	c.breakLine()
	return Cell{Text: strings.Join(c.lines, "\n"), Links: c.links}
}

// collapse folds runs of white space (including no-break spaces) to one space.
func collapse(s string) string {
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u3000'
	}), " ")
}

func needsCollapse(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return true // may be a no-break or ideographic space
		}
		space := c == ' '
		if c == '\t' || c == '\n' || c == '\r' || (space && prevSpace) {
			return true
		}
		prevSpace = space
	}
	return prevSpace && len(s) > 0
}
