package huawei

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Scopes keep request and response objects apart: the same caption can name
// different tables on the two sides.
const (
	scopeRequest  = "request"
	scopeResponse = "response"
)

// paramTable is one parameter table with its context on the page.
type paramTable struct {
	block   mdhtml.Block
	anchors []string // anchors besides the table's own: its list-item caption's
	// sectionAnchor is the heading anchor of the section the table is the
	// first of: another page links to "X.md#section…" for it.
	sectionAnchor string
	label         string // "表 4"
	caption       string // "Tag", "auth.identity", "请求Body参数"
	scope         string
	group         string // status code the table sits under, "" if none
	cols          columns
	// typeName is the object type the caption names ("resource_tag" for
	// "resource_tag数据结构说明"), "" when it names none.
	typeName  string
	kind      tableKind
	bySection bool // kind came from the section, not the caption
	// title caches name(): every row's Loc carries it.
	title string
}

// typeSuffixes end captions that name an object type in words.
var typeSuffixes = []string{"字段数据结构说明", "定义数据结构说明", "数据结构说明", "属性列表说明", "元素结构说明", "字段说明", "参数说明", "结构说明", "对象说明", "属性列表", "属性说明", "参数信息", "对象描述", "说明", "对象", "结构"}

// typeNameOf returns the type a caption names: the caption itself when it is
// an identifier ("Tag", "auth.identity"), or the identifier before a suffix
// such as "字段数据结构说明"; "" otherwise.
func typeNameOf(caption string) string {
	c := strings.TrimSpace(caption)
	for _, suf := range typeSuffixes {
		if strings.HasSuffix(c, suf) {
			c = strings.TrimSpace(strings.TrimSuffix(c, suf))
			break
		}
	}
	if identRE.MatchString(c) {
		return c
	}
	return ""
}

// footnoteRE matches a footnote marker at either end of a type cell or
// caption: "List<resource_tag>[1]", "\[1\] tags字段数据结构说明".
var footnoteRE = regexp.MustCompile(`^\\?\[\d{1,2}\\?\]\s*|\s*\\?\[\d{1,2}\\?\]$`)

// stripFootnote drops footnote markers: they point at a note below the
// table and are no part of the type or caption.
func stripFootnote(s string) string {
	if strings.IndexByte(s, '[') < 0 {
		return s
	}
	return strings.TrimSpace(footnoteRE.ReplaceAllString(s, ""))
}

func (t *paramTable) name() string {
	if t.title == "" {
		if t.label == "" && t.caption == "" {
			t.title = fmt.Sprintf("table at line %d", t.block.Line)
		} else {
			t.title = strings.TrimSpace(t.label + " " + t.caption)
		}
	}
	return t.title
}

func (t *paramTable) loc(file string, row int) model.Loc {
	l := model.Loc{File: file, Line: t.block.Line, Table: t.name(), Row: row}
	if row > 0 && row <= len(t.block.Table.Rows) {
		l.Line = t.block.Table.Rows[row-1].Line
	}
	return l
}

// columns are the indexes of the known columns, -1 when absent. limits are
// the columns of constraints beside the description (约束, 取值范围, 默认值):
// their text joins the description, where the constraint readers look.
type columns struct {
	name, required, typ, desc int
	limits                    []limitsColumn
}

// limitsColumn is a column of constraints and its header.
type limitsColumn struct {
	index int
	label string
}

// mapColumns finds the known columns by their header text, in any case.
// A switch rather than a table of names: the compiler rejects a header
// text given to two columns.
func mapColumns(header []mdhtml.Cell) columns {
	c := columns{-1, -1, -1, -1, nil}
	for i, h := range header {
		// "说明。": a header cell may end in a full stop.
		switch text := strings.ToLower(strings.TrimRight(strings.TrimSpace(h.Text), "。.")); text {
		case "约束", "约束条件", "约束限制", "限制", "取值范围", "默认值":
			c.limits = append(c.limits, limitsColumn{i, text})
		case "参数", "参数名", "参数名称", "名称", "属性", "字段", "parameter", "name":
			c.name = i
		case "是否必选", "是否必填", "是否为必选", "必选", "必填", "必选项（m）/可选项（o）", "mandatory", "required":
			c.required = i
		case "参数类型", "类型", "取值类型", "数据类型", "type":
			c.typ = i
		case "描述", "说明", "参数说明", "备注", "description":
			c.desc = i
		}
	}
	return c
}

// check reports a table whose columns cannot describe parameters. A table
// without a type column is read: its values' types come from elsewhere
// (see untypedSchema).
func (t *paramTable) check(file string, diags *model.Diagnostics) bool {
	switch {
	case t.cols.name < 0 && t.cols.typ < 0:
		// "glance中的镜像状态|nova显示的镜像状态": a table of values
		// among the parameter tables, not one of them.
		diags.Warnf(t.loc(file, 0), "table has neither a 参数 (name) nor a 参数类型 (type) column: not a parameter table; ignored")
		return false
	case t.cols.name < 0:
		diags.Errorf(t.loc(file, 0), "table has no 参数 (name) column; its rows are skipped")
		return false
	}
	return true
}

func cellAt(r mdhtml.Row, i int) (mdhtml.Cell, bool) {
	if i < 0 || i >= len(r.Cells) {
		return mdhtml.Cell{}, false
	}
	return r.Cells[i], true
}

// rowFields reads the known cells of row i (1-based) and reports missing ones.
type rowFields struct {
	name, typ, desc mdhtml.Cell
	required        bool
	untyped         bool // the table has no type column
}

func (t *paramTable) row(file string, i int, diags *model.Diagnostics) (rowFields, bool) {
	r := t.block.Table.Rows[i-1]
	var f rowFields
	var ok bool
	if f.name, ok = cellAt(r, t.cols.name); !ok || strings.TrimSpace(f.name.Text) == "" {
		diags.Errorf(t.loc(file, i), "row has no parameter name; skipped")
		return f, false
	}
	if t.cols.typ < 0 {
		f.untyped = true
	} else if f.typ, ok = cellAt(r, t.cols.typ); !ok {
		diags.Errorf(t.loc(file, i), "row %q has %d cells but the type column is %d; skipped", firstLine(f.name.Text), len(r.Cells), t.cols.typ+1)
		return f, false
	}
	f.desc, _ = cellAt(r, t.cols.desc)
	for _, col := range t.cols.limits {
		if limits, ok := cellAt(r, col.index); ok && t.cols.desc >= 0 && meaningful(limits.Text) {
			// "action_type | … | 动作类型 | 只能为start或stop中的一个": the
			// 约束 column says what the value may be.
			f.desc.Text = strings.TrimSpace(f.desc.Text + "\n" + col.label + "：" + strings.TrimSpace(limits.Text))
		}
	}
	if req, ok := cellAt(r, t.cols.required); ok {
		if !f.untyped && isYesNo(f.typ.Text) {
			if _, isType := readType(req.Text); isType {
				// "|参数|参数类型|是否必选|" over "|project_id|是|String|":
				// the row's two cells are the other way round.
				diags.Notef(t.loc(file, i), "row %q has %q under 参数类型 and %q under 是否必选: the two cells are swapped; read the other way round", firstLine(f.name.Text), strings.TrimSpace(f.typ.Text), strings.TrimSpace(req.Text))
				f.typ, req = req, f.typ
			}
		}
		f.required = isYes(req.Text)
	}
	return f, true
}

// meaningful reports a cell that says something: not empty, "-", "无" or
// "N/A".
func meaningful(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "--", "—", "无", "n/a", "na", "不涉及":
		return false
	}
	return true
}

// requiredWord reads a 是否必选 cell: required says whether the word means
// required, ok whether it is one of the words such a cell holds.
func requiredWord(s string) (required, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "必选", "必填", "yes", "true", "y", "m", "required", "mandatory":
		return true, true
	case "否", "可选", "选填", "非必填", "非必选", "no", "false", "n", "o", "optional":
		return false, true
	}
	return false, false
}

// isYesNo reports a word of a 是否必选 cell (found in the type column, the
// two were swapped).
func isYesNo(s string) bool {
	_, ok := requiredWord(s)
	return ok
}

func isYes(s string) bool {
	required, _ := requiredWord(s)
	return required
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// identRE matches the JSON names pages give objects and their types:
// "Tag", "auth.identity", "os:scheduler_hints", "@modelarts:size".
var identRE = regexp.MustCompile(`^[A-Za-z_@][A-Za-z0-9_.:@-]*$`)

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
