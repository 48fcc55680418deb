package mdhtml

import (
	"bytes"
	"strconv"
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
// firstLine. Split uses it when the single pass over the whole page (see
// scanTables) did not see this table as one, e.g. after a stray raw-text tag.
func parseTable(chunk []byte, firstLine int) *TableData {
	z := html.NewTokenizer(bytes.NewReader(chunk))
	b := newTableBuilder()
	line := firstLine
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		var tag atom.Atom
		if tt != html.TextToken {
			tag = tagAtom(raw)
		}
		nl := bytes.Count(raw, []byte("\n")) // before token: reading attributes rewrites raw
		b.token(z, tt, tag, raw, line)
		line += nl
	}
	return b.done()
}

// scannedTable is a top-level table found by scanTables; row positions are
// byte offsets until the splitter turns them into lines.
type scannedTable struct {
	data *TableData
	end  int // offset just past </table>
}

// scanTables tokenizes the whole page once, as a bare tokenizer pass would,
// and builds every top-level table on the way, keyed by the offset of its
// "<table" tag. Row.Line holds the row's byte offset.
func scanTables(data []byte) map[int]scannedTable {
	tables := map[int]scannedTable{}
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		tb    tableBuilder // one for the page: tables reuse its cell buffers
		b     *tableBuilder
		start int
		depth int
		off   int
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return tables
		}
		raw := z.Raw()
		tokOff := off
		off += len(raw)
		// Outside a table only a <table> start tag matters: the page's
		// other tags (thousands of anchors) need no name lookup.
		if b == nil && tt != html.StartTagToken {
			continue
		}
		var tag atom.Atom
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			tag = tagAtom(raw)
		}
		if tag == atom.Table && tt != html.SelfClosingTagToken {
			if tt == html.StartTagToken {
				if depth == 0 {
					tb.reset()
					b, start = &tb, tokOff
				}
				depth++
			} else if depth > 0 {
				if depth--; depth == 0 {
					tables[start] = scannedTable{data: b.done(), end: off}
					b = nil
				}
			}
			continue
		}
		if b != nil {
			b.token(z, tt, tag, raw, tokOff)
		}
	}
}

// tableBuilder turns the tokens inside one table into rows of cells. pos is
// what a row records as its Line: a line number or a byte offset.
type tableBuilder struct {
	t        *TableData
	row      Row // the row being read, when inRow; a value, so no row is allocated
	inRow    bool
	cell     cellBuilder
	inHead   bool
	rowIsTH  bool
	inLink   bool
	linkHref string
	linkText []byte // the open link's text; reused from link to link
	scratch  []byte // collapsed link text before it becomes a string
	// rowspan and colspan are the open cell's; spanned holds, by column,
	// a cell that spans rows below its own and how many it still covers.
	rowspan, colspan int
	spanned          map[int]span
	rowNumber        int // rows finished so far, for the spans each row used
	ownCells         int // cells the open row has of its own
}

// span is a cell a rowspan carries into the rows below it: rows is how
// many it still covers, usedIn the last row it was put in.
type span struct {
	cell   Cell
	rows   int
	usedIn int
}

// Bounds on a cell's spans: HTML's own for rows; columns fewer than any
// parameter table has, so a hostile colspan cannot fill memory.
const (
	maxRowspan = 65534
	maxColspan = 64
)

func newTableBuilder() *tableBuilder { return &tableBuilder{t: &TableData{}} }

// reset readies b for a new table, keeping the cell buffers' memory.
func (b *tableBuilder) reset() {
	*b = tableBuilder{t: &TableData{}, cell: cellBuilder{cur: b.cell.cur[:0], text: b.cell.text[:0]},
		linkText: b.linkText[:0], scratch: b.scratch[:0]}
}

func (b *tableBuilder) finishCell() {
	if b.cell.open {
		c := b.cell.cell()
		if b.inRow {
			b.carrySpans()
			b.ownCells++
			for range b.colspan {
				if len(b.row.Cells) >= maxColspan {
					break // no row is wider: cells past it are dropped
				}
				if b.rowspan > 1 {
					if b.spanned == nil {
						b.spanned = map[int]span{}
					}
					b.spanned[len(b.row.Cells)] = span{cell: c, rows: b.rowspan - 1, usedIn: b.rowNumber}
				}
				b.row.Cells = append(b.row.Cells, c)
			}
		}
	}
}

// carrySpans puts into the row, at the column it has reached, the cells
// rows above span into it ("二者必选其一" spanning two rows' 是否必选).
func (b *tableBuilder) carrySpans() {
	for len(b.row.Cells) < maxColspan {
		col := len(b.row.Cells)
		sp, ok := b.spanned[col]
		if !ok || sp.usedIn == b.rowNumber {
			return
		}
		b.use(col, sp)
		b.row.Cells = append(b.row.Cells, sp.cell)
	}
}

// use counts down a span for the row being read.
func (b *tableBuilder) use(col int, sp span) {
	if sp.rows--; sp.rows == 0 {
		delete(b.spanned, col)
	} else {
		sp.usedIn = b.rowNumber
		b.spanned[col] = sp
	}
}

func (b *tableBuilder) finishRow() {
	b.finishCell()
	if !b.inRow {
		return
	}
	if b.ownCells > 0 {
		b.carrySpans() // spans into the row's last columns; a row of no cells of its own takes none
	}
	for col, sp := range b.spanned {
		if sp.usedIn != b.rowNumber {
			b.use(col, sp) // a row too short to reach it is still a row it spans
		}
	}
	b.rowNumber++
	b.ownCells = 0
	if (b.inHead || b.rowIsTH) && b.t.Header == nil && len(b.t.Rows) == 0 {
		b.t.Header = b.row.Cells
	} else {
		b.t.Rows = append(b.t.Rows, b.row)
	}
	b.row, b.inRow = Row{}, false
}

func (b *tableBuilder) done() *TableData {
	b.finishRow()
	return b.t
}

func (b *tableBuilder) token(z *html.Tokenizer, tt html.TokenType, tag atom.Atom, raw []byte, pos int) {
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		b.startTag(z, tag, raw, pos)
	case html.EndTagToken:
		b.endTag(tag)
	case html.TextToken:
		if !b.cell.open {
			return // white space between tags
		}
		text := z.Text()
		b.cell.write(text)
		if b.inLink {
			b.linkText = append(b.linkText, text...)
		}
	}
}

func (b *tableBuilder) startTag(z *html.Tokenizer, tag atom.Atom, raw []byte, pos int) {
	switch tag {
	case atom.Thead:
		b.inHead = true
	case atom.Tbody:
		b.finishRow()
		b.inHead, b.spanned = false, nil // spans end with their row group
	case atom.Tr:
		b.finishRow()
		b.row, b.inRow = Row{Line: pos, Cells: make([]Cell, 0, len(b.t.Header))}, true
		b.rowIsTH = false
	case atom.Th, atom.Td:
		b.finishCell()
		if !b.inRow {
			b.row, b.inRow = Row{Line: pos}, true
		}
		if tag == atom.Th {
			b.rowIsTH = true
		}
		b.rowspan, b.colspan = 1, 1
		if bytes.Contains(raw, []byte("span")) {
			// Reading every attribute costs allocations on each of a
			// page's thousands of cells; few cells span.
			b.rowspan, b.colspan = cellSpans(z)
		}
		b.cell.start()
	case atom.P, atom.Div, atom.Br:
		b.cell.breakLine()
	case atom.Li:
		b.cell.startItem()
	case atom.A:
		// The tokenizer's own attribute reading: "data-href" is not
		// "href", and any quoting goes.
		if href, _ := tokenAttr(z, "href"); href != "" {
			b.inLink, b.linkHref = true, href
			b.linkText = b.linkText[:0]
		}
	}
}

func (b *tableBuilder) endTag(tag atom.Atom) {
	switch tag {
	case atom.Td, atom.Th:
		b.finishCell()
	case atom.Tr:
		b.finishRow()
	case atom.Thead:
		b.finishRow()
		b.inHead, b.spanned = false, nil
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol:
		b.cell.breakLine()
	case atom.A:
		if b.inLink && b.cell.open {
			// Collapsed straight from the reused buffers: one string per
			// link rather than collapse's three.
			b.scratch, _ = appendCollapsed(b.scratch[:0], b.linkText)
			b.cell.links = append(b.cell.links, Link{Href: b.linkHref, Text: strings.TrimSpace(string(b.scratch))})
		}
		b.inLink = false
	}
}

// cellSpans reads a cell's rowspan and colspan, 1 when absent or unreadable.
func cellSpans(z *html.Tokenizer) (rows, cols int) {
	rows, cols = 1, 1
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "rowspan":
			rows = spanValue(v, maxRowspan)
		case "colspan":
			cols = spanValue(v, maxColspan)
		}
		if !more {
			return rows, cols
		}
	}
}

func spanValue(v []byte, most int) int {
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, most)
}

// tagAtom reads the tag name from a tag token's raw bytes and returns its
// atom if it is one of the tags tables are built from, else 0. The
// tokenizer's own TagName copies the name on every call, which made it the
// single largest cost of reading a page; a switch over the few names that
// matter is cheaper again than a general atom.Lookup.
func tagAtom(raw []byte) atom.Atom {
	if len(raw) > 0 && raw[0] == '<' {
		raw = raw[1:]
	}
	if len(raw) > 0 && raw[0] == '/' {
		raw = raw[1:]
	}
	var name [5]byte // as long as the longest name below
	n := 0
	for _, c := range raw {
		if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
		if n == len(name) {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	switch string(name[:n]) {
	case "table":
		return atom.Table
	case "thead":
		return atom.Thead
	case "tbody":
		return atom.Tbody
	case "tr":
		return atom.Tr
	case "th":
		return atom.Th
	case "td":
		return atom.Td
	case "p":
		return atom.P
	case "div":
		return atom.Div
	case "br":
		return atom.Br
	case "li":
		return atom.Li
	case "ul":
		return atom.Ul
	case "ol":
		return atom.Ol
	case "a":
		return atom.A
	}
	return 0
}

// cellBuilder gathers a cell's text one paragraph at a time. One builder
// serves every cell of a table, so its buffers are reused; its methods do
// nothing outside a cell.
type cellBuilder struct {
	open   bool   // inside a <td> or <th>
	cur    []byte // the paragraph being read
	text   []byte // finished paragraphs, one a line
	links  []Link
	bullet bool // the next paragraph starts a list item
}

func (c *cellBuilder) start() {
	c.open, c.cur, c.text, c.links, c.bullet = true, c.cur[:0], c.text[:0], nil, false
}

func (c *cellBuilder) write(p []byte) {
	if c.open {
		c.cur = append(c.cur, p...)
	}
}

func (c *cellBuilder) startItem() {
	if c.open {
		c.breakLine()
		c.bullet = true
	}
}

func (c *cellBuilder) breakLine() {
	if !c.open {
		return
	}
	mark := len(c.text)
	if mark > 0 {
		c.text = append(c.text, '\n')
	}
	if c.bullet {
		c.text = append(c.text, "- "...)
	}
	var wrote bool
	if c.text, wrote = appendCollapsed(c.text, c.cur); wrote {
		c.bullet = false
	} else {
		c.text = c.text[:mark] // an empty paragraph leaves no line
	}
	c.cur = c.cur[:0]
}

// cell finishes the cell and closes the builder.
func (c *cellBuilder) cell() Cell {
	c.breakLine()
	c.open = false
	return Cell{Text: string(c.text), Links: c.links}
}

// isSpaceAt reports the width of a white-space rune at s[i] (including
// no-break and ideographic spaces), or 0.
func isSpaceAt(s []byte, i int) int {
	switch c := s[i]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		return 1
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0
		return 2
	case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
		return 3
	}
	return 0
}

// appendCollapsed appends src to dst with white space trimmed and every run
// of it folded to one space; wrote is false when src is all white space.
func appendCollapsed(dst, src []byte) (out []byte, wrote bool) {
	pendingSpace := false
	for i := 0; i < len(src); {
		if w := isSpaceAt(src, i); w > 0 {
			pendingSpace = wrote
			i += w
			continue
		}
		if pendingSpace {
			dst = append(dst, ' ')
			pendingSpace = false
		}
		// Copy the run up to the next byte that may start white space in
		// one go rather than byte by byte.
		j := i + 1
		for j < len(src) && !mayStartSpace[src[j]] {
			j++
		}
		dst = append(dst, src[i:j]...)
		wrote = true
		i = j
	}
	return dst, wrote
}

// mayStartSpace marks the bytes isSpaceAt looks at; it is never written.
var mayStartSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, 0xC2: true, 0xE3: true}

// collapse folds runs of white space (including no-break spaces) to one
// space and trims the ends.
func collapse(s string) string {
	out, _ := appendCollapsed(nil, []byte(s))
	return string(out)
}
