package top

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Parameter table columns, as the header line names them.
const (
	colName     = "名称"
	colType     = "类型"
	colRequired = "是否必须"
	colExample  = "示例值"
	colLimits   = "更多限制"
	colDesc     = "描述"
)

// Columns assumed when a table lost its header line.
var (
	requestColumns  = []string{colName, colType, colRequired, colExample, colLimits, colDesc}
	responseColumns = []string{colName, colType, colExample, colDesc}
)

// marker says how a row showed its nesting in the scrape.
type marker int

const (
	topLevel    marker = iota // its own line: a member of the section's object
	childMarked               // bullet cell "└ name": a member of some enclosing object
	unmarked                  // bullet cell "name": nested, but the scrape lost the level
)

// row is one parameter as the table lists it, before nesting is resolved.
type row struct {
	loc             model.Loc // Line of the name cell, Table, Row
	marker          marker
	name, typ       string
	required        bool
	example, limits string
	desc            string
}

// cell is one bullet item of a flattened nested table.
type cell struct {
	text string
	line int
}

// The cell shapes below are matched by hand, not by regexp: they are asked
// of every cell, several times over while rows are told apart, and the
// regexps were most of the table reader's cost. The regexps they replace
// are the oracle of FuzzCellShapesMatchRegexps.

// isFieldName matches ^[a-z][A-Za-z0-9_]*$: TOP field names are
// snake_case, some camelCase; never capitalised, which is what tells them
// apart from type names.
func isFieldName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// isTypeShape matches ^[A-Za-z][A-Za-z0-9_]*\s*(\[\])?$, the type cells:
// "String", "SecurityTokenCredential", "Datas []", "Byte[]".
func isTypeShape(s string) bool {
	if s == "" || !isASCIILetter(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && isIdentByte(s[i]) {
		i++
	}
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return s[i:] == "" || s[i:] == "[]"
}

// isLimitCell matches ^(最大|最小|默认)[^：:\s]*[：:]\S*$, the 更多限制 cells:
// "最大列表长度：20", "最小值：0", "默认值：true".
func isLimitCell(s string) bool {
	rest, ok := strings.CutPrefix(s, "最大")
	if !ok {
		rest, ok = strings.CutPrefix(s, "最小")
	}
	if !ok {
		rest, ok = strings.CutPrefix(s, "默认")
	}
	if !ok {
		return false
	}
	// The first colon or white space must be a colon, and no white space
	// may follow it.
	i := strings.IndexAny(rest, "：:"+reSpace)
	if i < 0 || isRESpace(rest[i]) {
		return false
	}
	_, size := utf8.DecodeRuneInString(rest[i:])
	return !strings.ContainsAny(rest[i+size:], reSpace)
}

// reSpace is what \s matches in a Go regexp.
const reSpace = " \t\n\f\r"

func isRESpace(c byte) bool { return strings.IndexByte(reSpace, c) >= 0 }

func isIdentByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '_'
}

const (
	bullet      = "•"
	childPrefix = "└"
	mustGive    = "必须"
	mayGive     = "可选"
)

func isRequiredCell(s string) bool { return s == mustGive || s == mayGive }

// isTypeCell says whether s can be a type: a capitalised identifier or one
// of TOP's scalar names in any case ("string" is a type, "policy" is not).
func isTypeCell(s string) bool {
	if !isTypeShape(s) {
		return false
	}
	_, scalar := scalarKinds[strings.ToLower(baseType(s))]
	return scalar || isUpper(s[0]) || isBinaryType(s)
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// isStrongType says whether a cell after a name cell surely starts a row:
// scalar and array types are never descriptions, while a lone capitalised
// word ("Token") may be either.
func isStrongType(s string) bool {
	if !isTypeCell(s) {
		return false
	}
	_, scalar := scalarKinds[strings.ToLower(baseType(s))]
	return scalar || isArrayType(s) || isBinaryType(s)
}

// table is a parameter section's header and rows.
type table struct {
	section string
	columns []string
	rows    []row
}

func (t *table) has(col string) bool {
	for _, c := range t.columns {
		if c == col {
			return true
		}
	}
	return false
}

// readTable reads a parameter section into rows, numbering them in page
// order (the Row of every Loc).
func (r *reader) readTable(s *section, defaults []string) *table {
	t := &table{section: s.name}
	body := r.findHeader(s, t, defaults)
	var cells []cell
	flush := func() {
		r.splitCells(t, cells)
		cells = nil
	}
	for _, l := range body {
		text := strings.TrimSpace(l.text)
		switch {
		case text == "":
		case strings.HasPrefix(text, bullet):
			cells = append(cells, cell{text: strings.TrimSpace(strings.TrimPrefix(text, bullet)), line: l.n})
		default:
			flush()
			r.lineRow(t, text, l.n)
		}
	}
	flush()
	return t
}

// findHeader sets the table's columns from its header line and returns the
// lines after it. Without a header every line is a row and the usual
// columns are assumed.
func (r *reader) findHeader(s *section, t *table, defaults []string) []numberedLine {
	for i, l := range s.body {
		fields := strings.Fields(l.text)
		if len(fields) == 0 {
			continue
		}
		if len(fields) >= 2 && fields[0] == colName && fields[1] == colType {
			t.columns = fields
			return s.body[i+1:]
		}
		break
	}
	t.columns = defaults
	if hasContent(s.body) {
		r.log.warnf(r.loc(s.line, s.name, 0, ""), "no column header line; assumed columns %s", strings.Join(defaults, " "))
	}
	return s.body
}

func hasContent(lines []numberedLine) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.text) != "" {
			return true
		}
	}
	return false
}

// addRow numbers a row and appends it.
func (t *table) addRow(rw row) *row {
	rw.loc.Table = t.section
	rw.loc.Row = len(t.rows) + 1
	t.rows = append(t.rows, rw)
	return &t.rows[len(t.rows)-1]
}

// lineRow reads a top-level row: its cells are space separated, and empty
// cells leave no trace, so columns are told apart by what they hold.
func (r *reader) lineRow(t *table, text string, line int) {
	tokens := strings.Fields(text)
	if !isFieldName(tokens[0]) {
		r.log.warnf(r.loc(line, t.section, 0, ""), "line %q is not a parameter row; ignored", clip(text))
		return
	}
	rw := t.addRow(row{loc: r.loc(line, "", 0, ""), marker: topLevel, name: tokens[0]})
	rest := tokens[1:]
	if len(rest) > 0 {
		rw.typ, rest = rest[0], rest[1:]
		if len(rest) > 0 && rest[0] == "[]" {
			rw.typ, rest = rw.typ+" []", rest[1:]
		}
	}
	rest = r.takeRequired(t, rw, rest)
	r.assignTail(t, rw, joinDateTime(rw.typ, rest))
}

// takeRequired reads the 是否必须 cell, if the table has that column.
func (r *reader) takeRequired(t *table, rw *row, rest []string) []string {
	if !t.has(colRequired) {
		return rest
	}
	if len(rest) > 0 && isRequiredCell(rest[0]) {
		rw.required = rest[0] == mustGive
		return rest[1:]
	}
	r.log.warnf(withWhat(rw.loc, colRequired), "%s: 是否必须 cell missing; assumed optional", rw.name)
	return rest
}

// joinDateTime glues "2000-01-01" "00:00:00" back into one Date example,
// which splitting a line on spaces tore apart.
func joinDateTime(typ string, rest []string) []string {
	if baseType(typ) != "Date" || len(rest) < 2 || !datePart.MatchString(rest[0]) || !timePart.MatchString(rest[1]) {
		return rest
	}
	return append([]string{rest[0] + " " + rest[1]}, rest[2:]...)
}

var (
	datePart = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timePart = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}$`)
)

// assignTail spreads the cells after name, type and 是否必须 over 示例值,
// 更多限制 and 描述. Empty cells are lost in the scrape, so: a 更多限制-looking
// cell splits example from description; otherwise a lone cell is the
// description (the column TOP fills most) and with more the first is the
// example.
func (r *reader) assignTail(t *table, rw *row, cells []string) {
	cells = dropEmpty(cells)
	if t.has(colLimits) {
		for i, c := range cells {
			if isLimitCell(c) {
				end := i + 1
				for end < len(cells) && isLimitCell(cells[end]) {
					end++
				}
				rw.example = strings.Join(cells[:i], " ")
				rw.limits = strings.Join(cells[i:end], " ")
				rw.desc = strings.Join(cells[end:], " ")
				return
			}
		}
	}
	hasExample := t.has(colExample)
	switch {
	case len(cells) == 0:
	case len(cells) == 1 || !hasExample:
		rw.desc = strings.Join(cells, " ")
	default:
		rw.example, rw.desc = cells[0], strings.Join(cells[1:], " ")
	}
}

func dropEmpty(cells []string) []string {
	out := cells[:0:0]
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// splitCells cuts a run of bullet cells into rows. A row starts at a
// "└ name" cell, or at a bare name cell followed by a type cell. A bare name
// followed by a lone capitalised word is weak evidence ("Token" may be a
// description), so it starts a row only when the current row would
// otherwise hold more cells than the table has columns.
func (r *reader) splitCells(t *table, cells []cell) {
	if len(cells) == 0 {
		return
	}
	hard := hardStarts(t, cells)
	for i := 0; i < len(cells); {
		start := i
		name, m := nameCell(cells[i].text)
		if m == unmarked && !isFieldName(name) {
			r.log.warnf(r.loc(cells[i].line, t.section, 0, ""), "bullet %q does not start a parameter; ignored", clip(cells[i].text))
			i++
			continue
		}
		rw := t.addRow(row{loc: r.loc(cells[i].line, "", 0, ""), marker: m, name: name})
		i++
		if i < len(cells) && isTypeCell(cells[i].text) {
			rw.typ = cells[i].text
			i++
		}
		if t.has(colRequired) {
			if i < len(cells) && isRequiredCell(cells[i].text) {
				rw.required = cells[i].text == mustGive
				i++
			} else {
				r.log.warnf(withWhat(rw.loc, colRequired), "%s: 是否必须 cell missing; assumed optional", rw.name)
			}
		}
		tailStart := i
		for i < len(cells) && !startsRow(t, cells, hard, i, start) {
			i++
		}
		tail := make([]string, 0, i-tailStart)
		for _, c := range cells[tailStart:i] {
			tail = append(tail, c.text)
		}
		r.assignTail(t, rw, tail)
	}
}

// nameCell splits "└ name" (any number of └) into the name and its marker.
func nameCell(text string) (string, marker) {
	if !strings.HasPrefix(text, childPrefix) {
		return text, unmarked
	}
	for strings.HasPrefix(text, childPrefix) {
		text = strings.TrimSpace(strings.TrimPrefix(text, childPrefix))
	}
	return text, childMarked
}

// hardStarts[i] is the index of the first cell at or after i that surely
// starts a row (len(cells) if none). Computed once so that deciding weak
// starts stays linear.
func hardStarts(t *table, cells []cell) []int {
	next := make([]int, len(cells)+1)
	next[len(cells)] = len(cells)
	for i := len(cells) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if surelyStartsRow(t, cells, i) {
			next[i] = i
		}
	}
	return next
}

func surelyStartsRow(t *table, cells []cell, i int) bool {
	text := cells[i].text
	if strings.HasPrefix(text, childPrefix) {
		return true
	}
	if !isFieldName(text) || i+1 >= len(cells) || !isTypeCell(cells[i+1].text) {
		return false
	}
	if isStrongType(cells[i+1].text) {
		return true
	}
	return t.has(colRequired) && i+2 < len(cells) && isRequiredCell(cells[i+2].text)
}

// startsRow decides whether cell i starts a new row while the row that
// began at cell start is being read.
func startsRow(t *table, cells []cell, hard []int, i, start int) bool {
	if hard[i] == i {
		return true
	}
	text := cells[i].text
	if !isFieldName(text) || i+1 >= len(cells) || !isTypeCell(cells[i+1].text) {
		return false
	}
	next := hard[i+1]
	return next-start > len(t.columns)
}

func withWhat(l model.Loc, what string) model.Loc {
	l.What = what
	return l
}

// clip shortens text quoted in a message.
func clip(s string) string { return model.Clip(s, 60) }
