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
}

func (t *paramTable) name() string {
	if t.label == "" && t.caption == "" {
		return fmt.Sprintf("table at line %d", t.block.Line)
	}
	return strings.TrimSpace(t.label + " " + t.caption)
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

var columnNames = map[string][]string{
	"name":     {"参数", "参数名", "参数名称", "名称", "parameter", "name"},
	"required": {"是否必选", "是否必填", "必选", "mandatory", "required"},
	"type":     {"参数类型", "类型", "type"},
	"desc":     {"描述", "说明", "参数说明", "description"},
}

func mapColumns(header []mdhtml.Cell) columns {
	c := columns{-1, -1, -1, -1}
	for i, h := range header {
		text := strings.ToLower(strings.TrimSpace(h.Text))
		for key, names := range columnNames {
			for _, n := range names {
				if text != n {
					continue
				}
				switch key {
				case "name":
					c.name = i
				case "required":
					c.required = i
				case "type":
					c.typ = i
				case "desc":
					c.desc = i
				}
			}
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
}

var (
	arrayOfObjectsRE = regexp.MustCompile(`(?i)^array\s+of\s+(?:(.+?)\s+)?objects?$`)
	arrayOfRE        = regexp.MustCompile(`(?i)^(?:array\s+of\s+(.+?)|list<(.+)>|(.+)\[\])$`)
	namedObjectRE    = regexp.MustCompile(`(?i)^(.+?)\s+object$`)
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

func primitive(word string) (*model.Schema, bool) {
	p, ok := primitives[strings.ToLower(strings.TrimSpace(word))]
	if !ok {
		return nil, false
	}
	return &model.Schema{Type: p[0], Format: p[1]}, true
}

// parseType reads a type cell; ok is false for a type the reader does not know.
func parseType(text string) (typeRef, bool) {
	t := strings.Join(strings.Fields(text), " ")
	if s, ok := primitive(t); ok {
		return typeRef{schema: s}, true
	}
	if strings.EqualFold(t, "object") {
		return typeRef{object: true}, true
	}
	if m := arrayOfObjectsRE.FindStringSubmatch(t); m != nil {
		return typeRef{object: true, array: true, named: m[1]}, true
	}
	if m := arrayOfRE.FindStringSubmatch(t); m != nil {
		inner := m[1] + m[2] + m[3]
		if s, ok := primitive(inner); ok {
			return typeRef{schema: &model.Schema{Type: model.TypeArray, Items: s}, array: true}, true
		}
		return typeRef{}, false
	}
	if m := namedObjectRE.FindStringSubmatch(t); m != nil {
		return typeRef{object: true, named: m[1]}, true
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
}

func newResolver(file string, tables []*paramTable, diags *model.Diagnostics) *resolver {
	r := &resolver{
		file: file, tables: tables, diags: diags,
		byAnchor: map[string]*paramTable{},
		building: map[*paramTable]bool{},
		built:    map[*paramTable]*model.Schema{},
		used:     map[*paramTable]bool{},
	}
	for _, t := range tables {
		if a := t.block.Anchor; a != "" {
			r.byAnchor[a] = t
		}
	}
	return r
}

// objectSchema builds the object a table describes; path is the dotted path
// of the object from the body root ("" for the root).
func (r *resolver) objectSchema(t *paramTable, path string) *model.Schema {
	if s, ok := r.built[t]; ok {
		return s
	}
	s := &model.Schema{Loc: t.loc(r.file, 0), Type: model.TypeObject}
	if identRE.MatchString(t.caption) {
		s.Name = t.caption
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
		Schema:      r.valueSchema(t, at, f, joinPath(path, name)),
	}
}

// valueSchema is the schema of a row's value.
func (r *resolver) valueSchema(t *paramTable, at model.Loc, f rowFields, path string) *model.Schema {
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
		}
		return ref.schema
	}
	anchor := f.typ.Anchor()
	if anchor == "" {
		anchor = f.name.Anchor()
	}
	obj := r.linkedObject(t, at, anchor, ref.named, path)
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
// the type name in the cell, then by dotted-path caption.
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
	tries = append(tries, path)
	if last := path[strings.LastIndex(path, ".")+1:]; last != path {
		tries = append(tries, last)
	}
	for _, caption := range tries {
		if t := r.byCaption(from, caption); t != nil {
			return t
		}
	}
	if anchor == "" {
		r.diags.Warnf(at, "object %q has no table describing its fields (looked for captions %q); left as a free-form object", path, tries)
	}
	return nil
}

// byCaption prefers a table in the same status group, then the same scope.
func (r *resolver) byCaption(from *paramTable, caption string) *paramTable {
	var sameScope *paramTable
	for _, t := range r.tables {
		if t == from || t.caption != caption {
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
