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
func TestReview5SpannedCellsBoundedByPage(t *testing.T) {
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
