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
	label   string // "表 4"
	caption string // "Tag", "auth.identity", "请求Body参数"
	scope   string
	group   string // status code the table sits under, "" if none
	cols    columns
	// typeName is the object type the caption names ("resource_tag" for
	// "resource_tag数据结构说明"), "" when it names none.
	typeName  string
	kind      tableKind
	bySection bool // kind came from the section, not the caption
	// title caches name(): every row's Loc carries it.
	title string
}

// typeSuffixes end captions that name an object type in words.
var typeSuffixes = []string{"字段数据结构说明", "定义数据结构说明", "数据结构说明", "字段说明", "参数说明", "结构说明", "对象说明", "说明", "对象"}

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

// columns are the indexes of the known columns, -1 when absent.
type columns struct {
	name, required, typ, desc int
}

// mapColumns finds the known columns by their header text, in any case.
// A switch rather than a table of names: the compiler rejects a header
// text given to two columns.
func mapColumns(header []mdhtml.Cell) columns {
	c := columns{-1, -1, -1, -1}
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h.Text)) {
		case "参数", "参数名", "参数名称", "名称", "parameter", "name":
			c.name = i
		case "是否必选", "是否必填", "必选", "mandatory", "required":
			c.required = i
		case "参数类型", "类型", "type":
			c.typ = i
		case "描述", "说明", "参数说明", "description":
			c.desc = i
		}
	}
	return c
}

// check reports a table whose columns cannot describe parameters.
func (t *paramTable) check(file string, diags *model.Diagnostics) bool {
	var missing []string
	if t.cols.name < 0 {
		missing = append(missing, "参数 (name)")
	}
	if t.cols.typ < 0 {
		missing = append(missing, "参数类型 (type)")
	}
	if len(missing) > 0 {
		diags.Errorf(t.loc(file, 0), "table has no %s column; its rows are skipped", strings.Join(missing, " or "))
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
}

func (t *paramTable) row(file string, i int, diags *model.Diagnostics) (rowFields, bool) {
	r := t.block.Table.Rows[i-1]
	var f rowFields
	var ok bool
	if f.name, ok = cellAt(r, t.cols.name); !ok || strings.TrimSpace(f.name.Text) == "" {
		diags.Errorf(t.loc(file, i), "row has no parameter name; skipped")
		return f, false
	}
	if f.typ, ok = cellAt(r, t.cols.typ); !ok {
		diags.Errorf(t.loc(file, i), "row %q has %d cells but the type column is %d; skipped", firstLine(f.name.Text), len(r.Cells), t.cols.typ+1)
		return f, false
	}
	f.desc, _ = cellAt(r, t.cols.desc)
	if req, ok := cellAt(r, t.cols.required); ok {
		f.required = isYes(req.Text)
	}
	return f, true
}

func isYes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "必选", "yes", "true", "y", "required", "mandatory":
		return true
	}
	return false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// typeRef is a parsed 参数类型 cell.
type typeRef struct {
	schema *model.Schema // set for primitives and arrays of primitives
	object bool          // an object (or array of objects) whose fields live in another table
	array  bool
	named  string // object type named by the cell: "Tag" in "Array of Tag objects"
	// prim is the type and format of a primitive, or of an array's items;
	// zero for an array that names no item type.
	prim [2]string
}

var (
	arrayOfRE = regexp.MustCompile(`(?i)^(?:array\s+of\s+(.+?)|(?:list|array)\s*<\s*(.+?)\s*>|(.+)\[\])$`)
)

// primitives maps the lower-cased type words the pages use to schemas.
var primitives = map[string][2]string{
	"string": {model.TypeString, ""}, "strings": {model.TypeString, ""},
	"integer": {model.TypeInteger, "int32"}, "integers": {model.TypeInteger, "int32"}, "int": {model.TypeInteger, "int32"}, "int32": {model.TypeInteger, "int32"},
	"long": {model.TypeInteger, "int64"}, "longs": {model.TypeInteger, "int64"}, "int64": {model.TypeInteger, "int64"},
	"number": {model.TypeNumber, ""}, "numbers": {model.TypeNumber, ""}, "bigdecimal": {model.TypeNumber, ""},
	"float": {model.TypeNumber, "float"}, "double": {model.TypeNumber, "double"},
	"boolean": {model.TypeBoolean, ""}, "booleans": {model.TypeBoolean, ""}, "bool": {model.TypeBoolean, ""},
}

// primitive looks word up in primitives. It lower-cases ASCII letters into
// a stack buffer instead of calling strings.ToLower, which allocates for
// "String", the most common cell of all. That is the same lookup: every
// key is ASCII without a "k", and strings.ToLower turns a non-ASCII rune
// into an ASCII one only for the Kelvin sign (into "k").
func primitive(word string) ([2]string, bool) {
	word = strings.TrimSpace(word)
	var buf [16]byte
	if len(word) > len(buf) {
		return [2]string{}, false // longer than any key
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	p, ok := primitives[string(buf[:len(word)])]
	return p, ok
}

// parseType reads a type cell; ok is false for a type the reader does not know.
func parseType(text string) (typeRef, bool) {
	ref, ok := readType(text)
	if ok && !ref.object {
		ref.schema = ref.newSchema()
	}
	return ref, ok
}

// newSchema makes the schema of a primitive or an array of primitives.
func (ref typeRef) newSchema() *model.Schema {
	switch {
	case !ref.array:
		return &model.Schema{Type: ref.prim[0], Format: ref.prim[1]}
	case ref.prim[0] == "":
		return &model.Schema{Type: model.TypeArray}
	}
	return &model.Schema{Type: model.TypeArray, Items: &model.Schema{Type: ref.prim[0], Format: ref.prim[1]}}
}

// readType is parseType without making the schema, for callers that only
// ask what kind of type a cell names.
func readType(text string) (typeRef, bool) {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "\n\t\r") || strings.Contains(t, "  ") {
		t = strings.Join(strings.Fields(t), " ")
	}
	if p, ok := primitive(t); ok {
		return typeRef{prim: p}, true
	}
	lower := strings.ToLower(t)
	if lower == "" {
		return typeRef{}, false
	}
	switch lower {
	case "object", "dict", "map", "json", "json object":
		return typeRef{object: true}, true
	case "array", "list", "json array":
		// No item type given.
		return typeRef{array: true}, true
	}
	words := strings.Fields(t)
	last := strings.ToLower(words[len(words)-1])
	// "Array of [X] objects": words, not a regexp, as this runs for every row.
	if len(words) >= 3 && strings.EqualFold(words[0], "array") && strings.EqualFold(words[1], "of") && (last == "objects" || last == "object") {
		return typeRef{object: true, array: true, named: strings.Join(words[2:len(words)-1], " ")}, true
	}
	if !strings.HasPrefix(lower, "array") && !strings.HasPrefix(lower, "list") && !strings.HasSuffix(lower, "[]") {
		if len(words) >= 2 && last == "object" { // "Secret object"
			return typeRef{object: true, named: strings.Join(words[:len(words)-1], " ")}, true
		}
		return typeRef{}, false
	}
	if m := arrayOfRE.FindStringSubmatch(t); m != nil {
		inner := m[1] + m[2] + m[3]
		if p, ok := primitive(inner); ok {
			return typeRef{prim: p, array: true}, true
		}
		// List<predefine_tag>, Array<Object>: an array of objects.
		if in, ok := readType(inner); ok && in.object && !in.array {
			return typeRef{object: true, array: true, named: in.named}, true
		}
		if identRE.MatchString(inner) {
			return typeRef{object: true, array: true, named: inner}, true
		}
		return typeRef{}, false
	}
	if len(words) >= 2 && last == "object" {
		return typeRef{object: true, named: strings.Join(words[:len(words)-1], " ")}, true
	}
	return typeRef{}, false
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)

// resolver turns object tables into schemas, following anchor links, type
// names and dotted-path captions.
type resolver struct {
	file     string
	tables   []*paramTable
	byAnchor map[string]*paramTable
	diags    *model.Diagnostics
	building map[*paramTable]bool
	built    map[*paramTable]*model.Schema
	used     map[*paramTable]bool
	// linked holds the tables some row links to by anchor: a link says
	// which row the table belongs to, so another row of the same name
	// does not take it by caption.
	linked map[*paramTable]bool
	// orphans and unresolved count, per scope, the object tables no row
	// refers to and the object rows that find no table; when both are one,
	// the two belong together (an older page's "Array of objects" row and
	// its "resource_tag数据结构说明" table).
	orphans    map[string][]*paramTable
	unresolved map[string]int
}

func newResolver(file string, tables []*paramTable, diags *model.Diagnostics) *resolver {
	r := &resolver{
		file: file, tables: tables, diags: diags,
		byAnchor:   map[string]*paramTable{},
		building:   map[*paramTable]bool{},
		built:      map[*paramTable]*model.Schema{},
		used:       map[*paramTable]bool{},
		linked:     map[*paramTable]bool{},
		orphans:    map[string][]*paramTable{},
		unresolved: map[string]int{},
	}
	for _, t := range tables {
		if a := t.block.Anchor; a != "" {
			r.byAnchor[a] = t
		}
	}
	r.survey()
	return r
}

// survey finds, before any schema is built, which object tables rows refer
// to, so that find can pair a lone unreferenced table with a lone
// unresolved row.
func (r *resolver) survey() {
	type objectRow struct {
		t           *paramTable
		name, named string
	}
	referred := map[*paramTable]bool{}
	var rows []objectRow
	for _, t := range r.tables {
		if t.cols.name < 0 || t.cols.typ < 0 {
			continue
		}
		for _, row := range t.block.Table.Rows {
			name, _ := cellAt(row, t.cols.name)
			typ, _ := cellAt(row, t.cols.typ)
			ref, ok := readType(typ.Text) // only the kind: no schema is made here
			if !ok || !ref.object {
				continue
			}
			if target := r.byAnchor[rowAnchor(t, row)]; target != nil {
				referred[target], r.linked[target] = true, true
				continue
			}
			rows = append(rows, objectRow{t, firstLine(name.Text), ref.named})
		}
	}
	for _, row := range rows {
		found := false
		for _, c := range []string{row.named, row.name} {
			if c == "" {
				continue
			}
			if target := r.byCaption(row.t, c); target != nil {
				referred[target], found = true, true
				break
			}
		}
		if !found {
			r.unresolved[row.t.scope]++
		}
	}
	for _, t := range r.tables {
		if t.kind == kindObject && !referred[t] {
			r.orphans[t.scope] = append(r.orphans[t.scope], t)
		}
	}
}

// rowAnchor is the in-page link of an object row: in its type cell, its
// name cell, or else its description ("如表4所示").
func rowAnchor(t *paramTable, row mdhtml.Row) string {
	for _, col := range []int{t.cols.typ, t.cols.name, t.cols.desc} {
		if c, ok := cellAt(row, col); ok {
			if a := c.Anchor(); a != "" {
				return a
			}
		}
	}
	return ""
}

// objectSchema builds the object a table describes; path is the dotted path
// of the object from the body root ("" for the root).
func (r *resolver) objectSchema(t *paramTable, path string) *model.Schema {
	if s, ok := r.built[t]; ok {
		return s
	}
	s := &model.Schema{Loc: t.loc(r.file, 0), Type: model.TypeObject}
	if t.typeName != "" {
		s.Name = t.typeName
		s.Qualifier = capitalize(t.scope)
	}
	r.built[t] = s
	r.used[t] = true
	if !t.check(r.file, r.diags) {
		s.FreeForm = true
		return s
	}
	r.building[t] = true
	defer delete(r.building, t)
	for i := 1; i <= len(t.block.Table.Rows); i++ {
		if p := r.property(t, i, path); p != nil {
			s.Properties = append(s.Properties, p)
		}
	}
	return s
}

// bodySchema is the schema of a body table: an object of its rows, or, for
// a table whose only row is an array placeholder such as "[数组元素]", the
// row's own value (a top-level JSON array). required reports whether the
// body must be sent: some row of it is required.
func (r *resolver) bodySchema(t *paramTable) (s *model.Schema, required bool) {
	if rows := t.block.Table.Rows; len(rows) == 1 && t.cols.name >= 0 && t.cols.typ >= 0 {
		if name, ok := cellAt(rows[0], t.cols.name); ok && isElementPlaceholder(firstLine(name.Text)) {
			if f, ok := t.row(r.file, 1, r.diags); ok {
				r.used[t] = true
				return r.valueSchema(t, t.loc(r.file, 1), f, "", "", false), f.required
			}
		}
	}
	s = r.objectSchema(t, "")
	s.Name, s.Qualifier = "", ""
	return s, anyRequired(s)
}

func anyRequired(s *model.Schema) bool {
	for _, pr := range s.Properties {
		if pr.Required {
			return true
		}
	}
	return false
}

// isElementPlaceholder reports a row name that stands for the elements of a
// top-level array: "[数组元素]", "[array element]", "[]".
func isElementPlaceholder(name string) bool {
	return len(name) >= 2 && name[0] == '[' && name[len(name)-1] == ']'
}

// property reads row i of t as an object member.
func (r *resolver) property(t *paramTable, i int, path string) *model.Property {
	f, ok := t.row(r.file, i, r.diags)
	if !ok {
		return nil
	}
	name := firstLine(f.name.Text)
	at := t.loc(r.file, i)
	return &model.Property{
		Loc:         at,
		Name:        name,
		Required:    f.required,
		Description: f.desc.Text,
		Schema:      r.valueSchema(t, at, f, path, name, false),
	}
}

// paramSchema is the schema of a parameter row; a row of an SDK call's
// arguments (not yet placed) may still become a body member.
func (r *resolver) paramSchema(t *paramTable, at model.Loc, f rowFields, name, in string) *model.Schema {
	return r.valueSchema(t, at, f, "", name, in != model.InBody)
}

// valueSchema is the schema of a row's value; name is the row's and parent
// the dotted path of the object it belongs to. The row's own path is only
// needed, and so only joined, for an object.
func (r *resolver) valueSchema(t *paramTable, at model.Loc, f rowFields, parent, name string, param bool) *model.Schema {
	typeText := strings.TrimSpace(f.typ.Text)
	ref, ok := parseType(typeText)
	if !ok {
		at.What = "参数类型"
		r.diags.Warnf(at, "unknown type %q; the value is left untyped (any JSON value)", typeText)
		return &model.Schema{Loc: at, Type: model.TypeAny}
	}
	if !ref.object {
		ref.schema.Loc = at
		if ref.schema.Items != nil {
			ref.schema.Items.Loc = at
		} else if ref.schema.Type == model.TypeArray {
			what := at
			what.What = "参数类型"
			items := model.TypeAny
			if param {
				items = model.TypeString // a parameter travels as text
				r.diags.Warnf(what, "type %q names no item type; items read as strings", typeText)
			} else {
				r.diags.Warnf(what, "type %q names no item type; items left untyped (any JSON value)", typeText)
			}
			ref.schema.Items = &model.Schema{Loc: at, Type: items}
		}
		return ref.schema
	}
	anchor := f.typ.Anchor()
	if anchor == "" {
		anchor = f.name.Anchor()
	}
	if anchor == "" {
		// "如表4所示" in the description; it may as well point elsewhere,
		// so only a link to a table counts.
		if a := f.desc.Anchor(); r.byAnchor[a] != nil {
			anchor = a
		}
	}
	obj := r.linkedObject(t, at, anchor, ref.named, joinPath(parent, name))
	if ref.array {
		return &model.Schema{Loc: at, Type: model.TypeArray, Items: obj}
	}
	return obj
}

func (r *resolver) linkedObject(from *paramTable, at model.Loc, anchor, named, path string) *model.Schema {
	target := r.find(from, at, anchor, named, path)
	if target == nil {
		return &model.Schema{Loc: at, Type: model.TypeObject, FreeForm: true}
	}
	if r.building[target] {
		r.diags.Warnf(at, "table %q contains itself through this row; the inner value is left as a free-form object", target.name())
		return &model.Schema{Loc: at, Type: model.TypeObject, FreeForm: true}
	}
	return r.objectSchema(target, path)
}

// find locates the table describing an object: by anchor link first, then by
// the type name in the cell, then by dotted-path caption, and last, on a
// page with one unreferenced object table and one unresolved object row, by
// elimination.
func (r *resolver) find(from *paramTable, at model.Loc, anchor, named, path string) *paramTable {
	if anchor != "" {
		if t, ok := r.byAnchor[anchor]; ok {
			return t
		}
		r.diags.Warnf(at, "links to #%s, but no table on the page has that anchor", anchor)
	}
	var tries []string
	if named != "" {
		tries = append(tries, named)
	}
	if path != "" {
		tries = append(tries, path)
		if last := path[strings.LastIndex(path, ".")+1:]; last != path {
			tries = append(tries, last)
		}
	}
	for _, caption := range tries {
		if t := r.byCaption(from, caption); t != nil {
			return t
		}
	}
	if anchor != "" {
		return nil
	}
	if orphans := r.orphans[from.scope]; len(orphans) == 1 && r.unresolved[from.scope] == 1 && orphans[0] != from && !r.used[orphans[0]] {
		t := orphans[0]
		r.diags.Warnf(at, "object %q names no table; using %q, the only object table no row refers to", path, t.name())
		return t
	}
	r.diags.Warnf(at, "object %q has no table describing its fields (looked for captions %q); left as a free-form object", path, tries)
	return nil
}

// byCaption prefers a table in the same status group, then the same scope.
// A table another row links to by anchor is that row's.
func (r *resolver) byCaption(from *paramTable, caption string) *paramTable {
	var sameScope *paramTable
	for _, t := range r.tables {
		if t == from || (t.caption != caption && t.typeName != caption) || t.kind != kindObject || r.linked[t] {
			continue
		}
		if t.scope == from.scope && t.group == from.group {
			return t
		}
		if t.scope == from.scope && sameScope == nil {
			sameScope = t
		}
	}
	return sameScope
}

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
