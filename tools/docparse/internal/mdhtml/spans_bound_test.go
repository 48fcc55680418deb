package mdhtml

import (
	"strings"
	"testing"
)

// A first row of cells that each span many rows and many columns carries
// all of its columns into every row below it, so the cells a table yields
// grow with (columns spanned) x (rows), not with the page: a few kilobytes
// of HTML give hundreds of thousands of cells, and a 600 KB page billions.
// The cells a table yields should stay within a small multiple of the
// page's bytes.
func TestSpannedCellsBoundedByPage(t *testing.T) {
	var b strings.Builder
	b.WriteString("<table><tr>")
	for range 20 {
		b.WriteString(`<td rowspan="65534" colspan="64">x</td>`)
	}
	b.WriteString("</tr>\n")
	for range 200 {
		b.WriteString("<tr></tr>")
	}
	b.WriteString("</table>\n")
	page := b.String()
	blocks, _ := Split([]byte(page))
	cells := 0
	for _, bl := range blocks {
		if bl.Table == nil {
			continue
		}
		for _, r := range bl.Table.Rows {
			cells += len(r.Cells)
		}
	}
	if cells > 4*len(page) {
		t.Errorf("%d bytes of page gave %d cells (%.0f a byte); spans multiply rows by columns without bound", len(page), cells, float64(cells)/float64(len(page)))
	}
}

// A row shorter than the column a rowspan covers never reaches it, so
// the span is neither carried nor counted down there and lands in a later
// row: p | q | c | r, its r pushed into a fourth column. HTML ends a span
// after the rows it names whether or not they reach its column.
func TestRowspanPastAShortRow(t *testing.T) {
	page := "<table><tr><th>a</th><th>b</th><th>c</th></tr>\n" +
		"<tr><td>1</td><td>2</td><td rowspan=\"2\">3</td></tr>\n" +
		"<tr><td>x</td></tr>\n" +
		"<tr><td>p</td><td>q</td><td>r</td></tr>\n" +
		"</table>\n"
	blocks, _ := Split([]byte(page))
	rows := blocks[0].Table.Rows
	last := rows[len(rows)-1]
	var got []string
	for _, c := range last.Cells {
		got = append(got, c.Text)
	}
	if len(got) != 3 || got[2] != "r" {
		t.Errorf("last row = %q, want [p q r]", got)
	}
}
