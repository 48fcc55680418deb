package huawei

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// resolver turns object tables into schemas, following anchor links, table
// labels, type names and dotted-path captions, and takes from the page's
// examples what a table leaves unsaid.
type resolver struct {
	file     string
	tables   []*paramTable
	byAnchor map[string]*paramTable
	byLabel  map[string]*paramTable // "表4"
	// byName and byFold hold the tables by caption or type name, exactly
	// and folded (model.FoldName), in page order: a row looks its caption
	// up, not through every table (rows × tables).
	byName, byFold map[string][]*paramTable
	examples       []*located
	diags          *model.Diagnostics
	building       map[*paramTable]bool
	built          map[*paramTable]*model.Schema
	used           map[*paramTable]bool
	// tableOf is the table each object built from a table's rows comes
	// from, for exampleShape.
	tableOf map[*model.Schema]*paramTable
	// members holds the tables captioned with a dotted path (see
	// dottedCaption), by the last name of the object's path.
	members map[string][]dotted
	// alts holds, for an object row several tables document as
	// alternatives, those tables (linkedAlternatives,
	// captionedAlternatives).
	alts map[rowKey][]*paramTable
	// linked holds the tables some row links to by anchor or label: a
	// link says which row the table belongs to, so another row of the
	// same name does not take it by caption.
	linked map[*paramTable]bool
	// follows pairs an object row that no link, type name or caption ties
	// to a table with an unreferenced object table after its own (see
	// pairFollowing).
	follows map[rowKey]*paramTable
	// redirects sends a row's link into another status's section to the
	// table of the same caption in the row's own section (see survey).
	redirects map[rowKey]*paramTable
	// orphans and unresolved count, per scope, the object tables no row
	// refers to and the object rows that find no table; when both are one,
	// the two belong together (an older page's "Array of objects" row and
	// its "resource_tag数据结构说明" table).
	orphans    map[string][]*paramTable
	unresolved map[string]int
	// noted holds the tables without a type column already noted.
	noted map[*paramTable]bool
	// linksOut counts the rows left to the cross-page stage (elsewhere).
	linksOut int
}

type rowKey struct {
	t   *paramTable
	row int // 1-based
}

func newResolver(file string, tables []*paramTable, examples []*located, diags *model.Diagnostics) *resolver {
	r := &resolver{
		file: file, tables: tables, examples: examples, diags: diags,
		byAnchor:   map[string]*paramTable{},
		byLabel:    map[string]*paramTable{},
		building:   map[*paramTable]bool{},
		built:      map[*paramTable]*model.Schema{},
		tableOf:    map[*model.Schema]*paramTable{},
		members:    map[string][]dotted{},
		alts:       map[rowKey][]*paramTable{},
		used:       map[*paramTable]bool{},
		linked:     map[*paramTable]bool{},
		follows:    map[rowKey]*paramTable{},
		redirects:  map[rowKey]*paramTable{},
		orphans:    map[string][]*paramTable{},
		unresolved: map[string]int{},
		noted:      map[*paramTable]bool{},
		byName:     map[string][]*paramTable{},
		byFold:     map[string][]*paramTable{},
	}
	for _, t := range tables {
		r.byName[t.caption] = append(r.byName[t.caption], t)
		if t.typeName != t.caption {
			r.byName[t.typeName] = append(r.byName[t.typeName], t)
		}
		if t.typeName != "" {
			f := model.FoldName(t.typeName)
			r.byFold[f] = append(r.byFold[f], t)
		}
		if a := t.block.Anchor; a != "" {
			r.byAnchor[a] = t
		}
		for _, a := range t.anchors {
			if _, dup := r.byAnchor[a]; !dup {
				r.byAnchor[a] = t
			}
		}
		if parent, member, ok := dottedCaption(t.caption); ok && objectTable(t) {
			last := parent[strings.LastIndexByte(parent, '.')+1:]
			r.members[last] = append(r.members[last], dotted{t, parent, member})
		}
		if l := normalLabel(t.label); l != "" {
			if _, dup := r.byLabel[l]; !dup {
				r.byLabel[l] = t
			}
		}
	}
	r.survey()
	return r
}

// objectTable reports a table that can describe an object's fields.
func objectTable(t *paramTable) bool { return t != nil && t.kind == kindObject && t.cols.name >= 0 }

// survey finds, before any schema is built, which object tables rows refer
// to, so that find can pair unresolved rows with unreferenced tables.
func (r *resolver) survey() {
	referred := map[*paramTable]bool{}
	var unresolved []rowKey
	type link struct {
		k      rowKey
		target *paramTable
	}
	var links []link
	objectRows := map[*paramTable]int{} // object rows per table
	for _, t := range r.tables {
		if t.cols.name < 0 {
			continue
		}
		for i, row := range t.block.Table.Rows {
			name, _ := cellAt(row, t.cols.name)
			if t.cols.typ < 0 {
				// Without a type column any row may be an object: only a
				// link or a caption says so.
				desc, _ := cellAt(row, t.cols.desc)
				if target := r.byAnchor[rowAnchor(t, row)]; objectTable(target) {
					referred[target], r.linked[target] = true, true
				} else if target := r.byCaption(t, firstLine(name.Text)); target != nil {
					referred[target] = true
				} else if target := r.labelled(desc, firstLine(name.Text), ""); target != nil {
					referred[target] = true
				}
				continue
			}
			typ, _ := cellAt(row, t.cols.typ)
			ref, ok := readType(typ.Text) // only the kind: no schema is made here
			if !ok || ref.object {
				desc, _ := cellAt(row, t.cols.desc)
				if alts := r.linkedAlternatives(t, row, typ, desc); alts != nil {
					r.alts[rowKey{t, i + 1}] = alts
					for _, a := range alts {
						referred[a], r.linked[a] = true, true
					}
					continue
				}
			}
			if target := r.byLabel[ref.see]; ok && ref.see != "" && objectTable(target) {
				referred[target], r.linked[target] = true, true
				continue
			}
			if !ok || !(ref.object || ref.kind == refArray && ref.elem == nil) {
				if target := r.byAnchor[rowAnchor(t, row)]; target != nil && objectTable(target) {
					// EVS's "error | String | 请参见•error参数说明": the
					// table it links is its own, not one that follows
					// for an object row without a table.
					referred[target] = true
				}
				continue
			}
			if ref.object {
				objectRows[t]++
			}
			if target := r.byAnchor[rowAnchor(t, row)]; target != nil {
				referred[target], r.linked[target] = true, true
				links = append(links, link{rowKey{t, i + 1}, target})
				continue
			}
			leaf := ref.leaf()
			if target := r.byLabel[leaf.label]; target != nil {
				referred[target], r.linked[target] = true, true
				continue
			}
			if !ref.object {
				continue // a bare array without a link: its items come from the example
			}
			found := false
			for _, c := range []string{leaf.named, firstLine(name.Text)} {
				if c == "" {
					continue
				}
				if target := r.byCaption(t, c); target != nil {
					referred[target], found = true, true
					break
				}
			}
			if desc, _ := cellAt(row, t.cols.desc); !found {
				if target := r.labelled(desc, firstLine(name.Text), leaf.named); target != nil {
					referred[target], found = true, true
				}
			}
			if !found {
				unresolved = append(unresolved, rowKey{t, i + 1})
			}
		}
	}
	// Pages that repeat an error body under every status often link each
	// copy's row to the first copy's table: a link into another status's
	// section goes to the table of the same caption in the row's own
	// section when no link claims that one.
	for _, l := range links {
		if l.target.scope != l.k.t.scope || l.target.group == l.k.t.group || l.target.caption == "" {
			continue
		}
		for _, own := range r.tables {
			if own != l.target && own.scope == l.k.t.scope && own.group == l.k.t.group && own.caption == l.target.caption && objectTable(own) && !r.linked[own] {
				r.redirects[l.k] = own
				referred[own], r.linked[own] = true, true
				break
			}
		}
	}
	unresolved = r.captionedAlternatives(unresolved, referred)
	r.pairFollowing(unresolved, referred, objectRows)
	for _, k := range unresolved {
		if r.follows[k] == nil {
			r.unresolved[k.t.scope]++
		}
	}
	for _, t := range r.tables {
		if t.kind == kindObject && !referred[t] {
			r.orphans[t.scope] = append(r.orphans[t.scope], t)
		}
	}
}

// pairFollowing pairs object rows that nothing ties to a table with the
// object tables that follow their own table in the same section (scope and
// status group), skipping tables something else refers to. A table with
// one such row takes the first free table after it (an error body's
// "error" row and the ErrorDetail table under it). A table with n such rows
// takes the next n free tables in order, but only when none of those has
// unresolved rows of its own: otherwise the page may nest them depth first
// and the order says nothing.
func (r *resolver) pairFollowing(unresolved []rowKey, referred map[*paramTable]bool, objectRows map[*paramTable]int) {
	byTable := map[*paramTable][]rowKey{}
	var order []*paramTable
	for _, k := range unresolved {
		if byTable[k.t] == nil {
			order = append(order, k.t)
		}
		byTable[k.t] = append(byTable[k.t], k)
	}
	index := map[*paramTable]int{}
	for i, t := range r.tables {
		index[t] = i
	}
	for _, t := range order {
		rows := byTable[t]
		if len(rows) < objectRows[t] {
			// Its other object rows find their tables by link or name:
			// the page ties its tables, and the ones these rows need
			// are missing.
			continue
		}
		var free []*paramTable
		for _, next := range r.tables[index[t]+1:] {
			if next.scope != t.scope || next.group != t.group || next.kind != kindObject {
				break // another section, or the next parameter table
			}
			if !referred[next] && next.cols.name >= 0 {
				free = append(free, next)
				if len(free) == len(rows) {
					break
				}
			}
		}
		if len(free) < len(rows) {
			continue
		}
		if len(rows) > 1 {
			nested := false
			for _, f := range free {
				nested = nested || len(byTable[f]) > 0
			}
			if nested {
				continue
			}
		}
		for i, k := range rows {
			r.follows[k] = free[i]
			referred[free[i]] = true
		}
	}
}

// descLabel is the one table label a description names ("详情请参见表3。"),
// "" when it names none, several, or another chapter's ("“获取实例列表”章节的表4").
func descLabel(desc string) string {
	label := tableLabel(desc)
	if label == "" || strings.Contains(desc, "章节") {
		return ""
	}
	for rest := desc; ; {
		i := strings.Index(rest, "表")
		if i < 0 {
			return label
		}
		rest = rest[i+len("表"):]
		if l := labelAt(rest); l != "" && l != label {
			return ""
		}
	}
}

// labelled is the object table a description names by label, when that
// table names no type or the row's own: pages renumbered since they were
// written point at the wrong table ("如表26所示" for 表 20), and a table
// named for another field is not this row's. A label that links to
// another page ("参见<a href="查询路由表.md#…">表4</a>") is that page's.
func (r *resolver) labelled(desc mdhtml.Cell, name, named string) *paramTable {
	label := descLabel(desc.Text)
	for _, l := range desc.Links {
		if _, ok := folderLink(l, r.file); ok && tableLabel(l.Text) == label {
			return nil
		}
	}
	t := r.byLabel[label]
	if !objectTable(t) || name != "" && t.typeName != "" && t.typeName != name && t.typeName != named {
		return nil
	}
	return t
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
	r.used[t] = true
	if !t.check(r.file, r.diags) {
		s := &model.Schema{Loc: t.loc(r.file, 0), Type: model.TypeObject, FreeForm: true}
		r.built[t] = s
		return s
	}
	r.building[t] = true
	defer delete(r.building, t)
	if f, ok := r.placeholderRow(t); ok {
		// A table whose one row is "[数组元素]" describes an array, not
		// an object with a member of that name.
		s := r.valueSchema(t, t.loc(r.file, 1), f, path, "", false)
		r.built[t] = s
		return s
	}
	s := &model.Schema{Loc: t.loc(r.file, 0), Type: model.TypeObject}
	if t.typeName != "" {
		s.Name = t.typeName
		s.Qualifier = capitalize(t.scope)
	}
	r.built[t] = s
	r.tableOf[s] = t
	var split map[*model.Property]bool // members a row named by alternatives gave
	own := map[string]bool{}
	for i := 1; i <= len(t.block.Table.Rows); i++ {
		p := r.property(t, i, path)
		if p == nil {
			continue
		}
		members := r.alternativeMembers(p)
		if len(members) == 1 {
			own[p.Name] = true
		} else if split == nil {
			split = map[*model.Property]bool{}
		}
		for _, m := range members {
			if len(members) > 1 {
				split[m] = true
			}
			s.Properties = append(s.Properties, m)
		}
	}
	if split != nil {
		// "started_at/stopped_at" beside a row of its own for started_at:
		// that row describes it.
		s.Properties = slices.DeleteFunc(s.Properties, func(p *model.Property) bool { return split[p] && own[p.Name] })
	}
	return s
}

// identifierRE is a member name with neither dots nor hyphens.
var identifierRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// alternativeMembers splits a member named by alternatives, "started_at/
// stopped_at" (FunctionGraph: one or the other, as action_type says), into
// one optional member each; any other member is itself.
func (r *resolver) alternativeMembers(p *model.Property) []*model.Property {
	if !strings.Contains(p.Name, "/") {
		return []*model.Property{p}
	}
	parts, ok := splitAlternatives(p.Name, identifierRE) // not network.alpha.kubernetes.io/project-id: one key
	if !ok || len(parts) > 4 {
		return []*model.Property{p}
	}
	r.diags.Notef(p.Loc, "row %q names alternatives (%s): read as one optional member each", p.Name, strings.Join(parts, ", "))
	out := make([]*model.Property, len(parts))
	for i, name := range parts {
		q := *p
		q.Name, q.Required = name, false
		out[i] = &q
	}
	return out
}

// placeholderRow returns the row of a table whose only row stands for the
// elements of an array ("[数组元素]").
func (r *resolver) placeholderRow(t *paramTable) (rowFields, bool) {
	rows := t.block.Table.Rows
	if len(rows) != 1 || t.cols.name < 0 {
		return rowFields{}, false
	}
	if name, ok := cellAt(rows[0], t.cols.name); !ok || !isElementPlaceholder(firstLine(name.Text)) {
		return rowFields{}, false
	}
	return t.row(r.file, 1, r.diags)
}

// bodySchema is the schema of a body table: an object of its rows, or, for
// a table whose only row is an array placeholder such as "[数组元素]", the
// row's own value (a top-level JSON array). required reports whether the
// body must be sent: some row of it is required.
func (r *resolver) bodySchema(t *paramTable) (s *model.Schema, required bool) {
	if f, ok := r.placeholderRow(t); ok {
		r.used[t] = true
		r.building[t] = true
		defer delete(r.building, t)
		return r.valueSchema(t, t.loc(r.file, 1), f, "", "", false), f.required
	}
	if rows := t.block.Table.Rows; t.cols.name < 0 && t.cols.typ >= 0 && len(rows) == 1 {
		// "参数类型|描述" with one row: the body is that value, unnamed
		// (an SDK call that returns a List).
		var f rowFields
		f.typ, _ = cellAt(rows[0], t.cols.typ)
		f.desc, _ = cellAt(rows[0], t.cols.desc)
		r.used[t] = true
		r.building[t] = true
		defer delete(r.building, t)
		return r.valueSchema(t, t.loc(r.file, 1), f, "", "", false), false
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
// top-level array: "[数组元素]", "数组元素", "[array element]", "[]".
func isElementPlaceholder(name string) bool {
	return len(name) >= 2 && name[0] == '[' && name[len(name)-1] == ']' || name == "数组元素"
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
	s := r.valueSchema(t, at, f, "", name, in != model.InBody)
	if in != model.InBody && s != nil && (s.Type == model.TypeObject || s.Type == model.TypeArray && s.Items != nil && (s.Items.Type == model.TypeObject || s.Items.Type == model.TypeArray)) {
		// RDS's tags=k1=v1,k2=v2: each service spells objects in a URL its
		// own way, which the description tells and OpenAPI's styles cannot.
		r.diags.Warnf(at, "%s parameter %q holds objects, which no OpenAPI style writes as the page means; read as a string written as the description says", in, name)
		return &model.Schema{Loc: s.Loc, Type: model.TypeString, Description: membersText(s)}
	}
	return s
}

// membersText keeps what the page says of the members of a parameter read
// as text (their table goes): one line per member.
func membersText(s *model.Schema) string {
	if s.Type == model.TypeArray {
		s = s.Items
	}
	var b strings.Builder
	for _, p := range s.Properties {
		if b.Len() == 0 {
			b.WriteString("Members:")
		}
		fmt.Fprintf(&b, "\n- %s", p.Name)
		if p.Schema != nil && p.Schema.Type != "" {
			fmt.Fprintf(&b, " (%s", p.Schema.Type)
			if p.Required {
				b.WriteString(", required")
			}
			b.WriteString(")")
		} else if p.Required {
			b.WriteString(" (required)")
		}
		if d := strings.Join(strings.Fields(p.Description), " "); d != "" {
			b.WriteString(": " + d)
		}
	}
	return b.String()
}

// rowCtx is what the schema of one row's value is made from.
type rowCtx struct {
	t      *paramTable
	at     model.Loc
	f      rowFields
	path   string // the row's dotted path from the body root
	param  bool   // a parameter: it travels as text
	anchor string // the in-page link that says which table describes the value
}

// typeLoc is the row's location pointing at its type cell.
func (c *rowCtx) typeLoc() model.Loc {
	at := c.at
	at.What = "参数类型"
	return at
}

// valueSchema is the schema of a row's value; name is the row's and parent
// the dotted path of the object it belongs to.
func (r *resolver) valueSchema(t *paramTable, at model.Loc, f rowFields, parent, name string, param bool) *model.Schema {
	c := &rowCtx{t: t, at: at, f: f, path: joinPath(parent, name), param: param}
	s := r.declaredSchema(c, name)
	if param {
		return s
	}
	if !c.f.untyped { // an untyped row took the example's shape already
		s = r.exampleShape(c, s)
	}
	return r.memberTables(c, s)
}

// declaredSchema is the schema the row's cells give.
func (r *resolver) declaredSchema(c *rowCtx, name string) *model.Schema {
	t, at, f := c.t, c.at, c.f
	if alts := r.alts[rowKey{t, at.Row}]; alts != nil && !c.param {
		return r.unionSchema(c, alts)
	}
	c.anchor = f.typ.Anchor()
	if t := r.byAnchor[c.anchor]; c.anchor != "" && t != nil && r.describesMember(t, c.path) {
		c.anchor = "" // the table is a member's, attached by memberTables
	}
	if c.anchor != "" && distinctAnchors(f.typ) > 1 {
		c.anchor = "" // "创建单实例请参见表3，创建只读副本请参见表4": not one table
	}
	if c.anchor == "" {
		c.anchor = f.name.Anchor()
	}
	if c.anchor == "" {
		// "如表4所示" in the description; it may as well point elsewhere,
		// so only a link to a table counts.
		if a := f.desc.Anchor(); objectTable(r.byAnchor[a]) && !r.describesMember(r.byAnchor[a], c.path) {
			c.anchor = a
			if own := r.ownCaption(t, r.byAnchor[a], name); own != nil {
				// "nameservers | 请参见表4" where 表4 is ns_records and
				// 表3 is captioned nameservers参数说明: a stale link.
				r.diags.Warnf(at, "the description links to %q, which names another type, but %q is captioned with the row's name; read from %q", r.byAnchor[a].name(), own.name(), own.name())
				c.anchor = ""
			}
		}
	}
	if f.untyped {
		return r.untypedSchema(c)
	}
	typeText := strings.TrimSpace(f.typ.Text)
	if saysNoType(typeText) {
		// "无", "null", "-": the cell gives no type, as a table without
		// a type column gives none ("os-start": {} in the example).
		r.diags.Notef(c.typeLoc(), "type cell %q gives no type; the value is read as a row without one", typeText)
		c.f.untyped = true
		return r.untypedSchema(c)
	}
	ref, ok := readType(typeText)
	if !ok {
		if s := r.primitiveUnionSchema(c, at, typeText); s != nil {
			return s
		}
	}
	if !ok && c.param {
		// A parameter travels as text whatever its type ("Booleab"); an
		// untyped one would become an interface{} that the generated
		// builders cannot write.
		r.diags.Warnf(c.typeLoc(), "unknown type %q; the parameter is read as a string", typeText)
		return &model.Schema{Loc: at, Type: model.TypeString}
	}
	if !ok {
		if ref, named := tableNamedType(typeText); named {
			// APM's "responseInfo | result" beside 表5 result字段数据结构说明;
			// Kafka's "Array of object members" beside members参数说明.
			if target := r.find(c, ref, true); target != nil {
				what := "its object"
				if ref.array {
					what = "an array of its objects"
				}
				r.diags.Notef(c.typeLoc(), "type %q names table %q; read as %s", typeText, target.name(), what)
				return r.schemaOf(ref, c)
			}
		}
		r.diags.Warnf(c.typeLoc(), "unknown type %q; the value is left untyped (any JSON value)", typeText)
		return &model.Schema{Loc: at, Type: model.TypeAny}
	}
	if ref.kind == refPrim && c.anchor != "" && !c.param {
		// "error | String | 具体请参见error参数说明": the link and the
		// example both say object; the type cell is the odd one out.
		if target := r.byAnchor[c.anchor]; objectTable(target) && target != c.t {
			if v, _ := r.exampleAt(c); isObject(v) {
				r.diags.Warnf(c.typeLoc(), "type %q, but the row links to %q and the example holds an object; read as that object", typeText, target.name())
				return r.tableObject(c, target)
			}
		}
	}
	if ref.see != "" && !c.param {
		return r.seeSchema(ref, c)
	}
	return r.schemaOf(ref, c)
}

// primitiveUnionSchema is the schema of a type cell naming several kinds
// of plain value (primitiveUnion), nil for any other.
func (r *resolver) primitiveUnionSchema(c *rowCtx, at model.Loc, typeText string) *model.Schema {
	array, file, union := primitiveUnion(typeText)
	if !union {
		return nil
	}
	// AOS's "Integer or String or Float or Boolean": any of them; a
	// parameter travels as text.
	s := &model.Schema{Loc: at, Type: model.TypeAny}
	what := "any JSON value"
	switch {
	case c.param:
		s.Type, what = model.TypeString, "a string"
	case file:
		// AOS's multipart "archive_content | String or Binary": a
		// file's bytes or text, binary either way.
		s.Type, s.Format, what = model.TypeString, "binary", "binary text"
	}
	if array {
		s, what = &model.Schema{Loc: at, Type: model.TypeArray, Items: s}, "an array of "+what+"s"
	}
	r.diags.Notef(c.typeLoc(), "type %q allows several kinds of value; read as %s", typeText, what)
	return s
}

// seeSchema reads a type of plain values whose structure a table gives
// ("list(string),数据结构参见(表5 …)"). When the example holds objects
// there, the type word was loose and the value is the table's object;
// else the value is what the type says (text holding that structure, as
// APM's JSON-encoded spans are) and the table, read for its own rows'
// sake, only documents it.
func (r *resolver) seeSchema(ref typeRef, c *rowCtx) *model.Schema {
	typeText := strings.TrimSpace(c.f.typ.Text)
	target := r.byLabel[ref.see]
	if !objectTable(target) || target == c.t || r.building[target] {
		return r.schemaOf(ref, c)
	}
	v, _ := r.exampleAt(c)
	if arr, ok := v.([]any); ok && len(arr) > 0 {
		v = arr[0]
	}
	if isObject(v) {
		r.diags.Warnf(c.typeLoc(), "type %q, but the example holds objects there; read as %q", typeText, target.name())
		obj := r.tableObject(c, target)
		if ref.kind == refArray {
			return &model.Schema{Loc: c.at, Type: model.TypeArray, Items: obj}
		}
		return obj
	}
	r.objectSchema(target, c.path) // its rows, and the tables they use, are read
	s := r.schemaOf(ref, c)
	r.diags.Notef(c.typeLoc(), "type %q: the value is %s holding what %q describes; read as such, the table documents it", typeText, typeWords(s), target.name())
	return s
}

// labelLinksOut reports a cell whose link for label goes to another page.
func labelLinksOut(cell mdhtml.Cell, label, file string) bool {
	for _, l := range cell.Links {
		if _, ok := folderLink(l, file); ok && tableLabel(l.Text) == label {
			return true
		}
	}
	return false
}

// dottedRE matches the dotted path a caption starts with: "metadata.annotations"
// in "metadata.annotations必选字段数据结构说明".
var dottedRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+`)

// maxExampleValues bounds how many occurrences of a row exampleValues
// collects: arrays nested in arrays multiply them.
const maxExampleValues = 256

// saysNoType reports a type cell that gives no type: empty, "无" (none),
// "null", a dash.
func saysNoType(text string) bool {
	switch strings.ToLower(strings.TrimRight(text, "。.")) {
	case "", "无", "null", "none", "-", "--", "—", "/", "n/a":
		return true
	}
	return false
}

func distinctAnchors(c mdhtml.Cell) int {
	seen := map[string]bool{}
	for _, l := range c.Links {
		if strings.HasPrefix(l.Href, "#") {
			seen[l.Href] = true
		}
	}
	return len(seen)
}

// schemaOf builds the schema a parsed type cell names.
func (r *resolver) schemaOf(ref typeRef, c *rowCtx) *model.Schema {
	switch ref.kind {
	case refPrim:
		return &model.Schema{Loc: c.at, Type: ref.prim[0], Format: ref.prim[1], MaxLength: ref.maxLength}
	case refTimestamp:
		return r.timestampSchema(c)
	case refEnum:
		return r.enumSchema(c)
	case refMap:
		s := &model.Schema{Loc: c.at, Type: model.TypeObject}
		switch v := ref.elem; {
		case v == nil:
			// A bare "Map": a table, where the row links one, lists the
			// keys; else any value goes.
			if target := r.find(c, typeRef{kind: refObject}, true); target != nil {
				return r.tableObject(c, target)
			}
			s.AdditionalProperties = &model.Schema{Loc: c.at, Type: model.TypeAny}
		case v.kind == refObject && v.named == "" && v.label == "":
			// Map<String,Object>: where a table lists the keys, the
			// value is that object, unless the example's keys are none
			// of its members and its values are the table's objects
			// (AOS's template inputs: the table describes each value);
			// else any object goes.
			if target := r.find(c, *v, true); target != nil {
				obj := r.tableObject(c, target)
				if _, ok := r.valuesShapedLike(c, obj); ok {
					r.diags.Notef(c.typeLoc(), "map %q: its example's keys are none of %q's members, and its values are that table's objects; read as a map of them", cmp.Or(c.path, firstLine(c.f.name.Text)), target.name())
					s.AdditionalProperties = obj
					return s
				}
				return obj
			}
			s.AdditionalProperties = &model.Schema{Loc: c.at, Type: model.TypeObject, FreeForm: true}
		default:
			s.AdditionalProperties = r.schemaOf(*v, c)
		}
		return s
	case refArray:
		s := &model.Schema{Loc: c.at, Type: model.TypeArray}
		if ref.elem != nil {
			s.Items = r.schemaOf(*ref.elem, c)
		} else {
			s.Items = r.bareItems(c, ref)
		}
		return s
	case refObject:
		target := r.find(c, ref, ref.dict)
		if target != nil {
			obj := r.tableObject(c, target)
			if m := r.mapOfTable(c, obj); m != nil {
				return m
			}
			return obj // exampleShape may read it as an array of them
		}
		if s := r.elsewhere(c, ref); s != nil {
			return s
		}
		if !ref.dict && r.exampleShowsFields(c) {
			// "nat_gateway | Dict | nat_gateway对象。" and no table, but
			// the example shows the object's fields.
			s := r.inferredExample(c)
			r.diags.Notef(c.typeLoc(), "object %q has no table describing its fields; read from the example: %s", c.path, propertyList(s))
			return s
		}
		if !ref.dict && r.exampleElementsShowFields(c) {
			if s := r.inferredExample(c); s != nil && s.Type == model.TypeArray && s.Items != nil && s.Items.Type == model.TypeObject {
				r.diags.Notef(c.typeLoc(), "the objects of %q have no table describing their fields; read from the example's elements: %s", c.path, propertyList(s.Items))
				return s.Items
			}
		}
		if ref.dict || describesMap(c) {
			// 字典数据结构, or 用户自定义metadata键值对, with no table.
			return r.mapOf(c, !ref.dict)
		}
		return &model.Schema{Loc: c.at, Type: model.TypeObject, FreeForm: true}
	}
	return &model.Schema{Loc: c.at, Type: model.TypeAny}
}

// tableObject is the object target describes, unless that table is being
// built further up: a table containing itself ends in a free-form object.
func (r *resolver) tableObject(c *rowCtx, target *paramTable) *model.Schema {
	if r.building[target] {
		r.diags.Warnf(c.at, "table %q contains itself through this row; the inner value is left as a free-form object", target.name())
		return &model.Schema{Loc: c.at, Type: model.TypeObject, FreeForm: true}
	}
	if values := valuesOf(target); values != nil {
		// "FinalizerName取值说明" as 名称|值: the values a string may take.
		r.used[target] = true
		r.diags.Notef(target.loc(r.file, 0), "table lists the values of %q (%s), not an object's fields: read as an enum of strings", cmp.Or(target.typeName, c.path), strings.Join(headerTexts(target), "|"))
		return &model.Schema{Loc: c.at, Type: model.TypeString, Enum: values}
	}
	return r.objectSchema(target, c.path)
}

// valuesOf returns the values a two-column table lists, a name column and
// a 值 column ("名称|值"): the allowed values of a type, not its fields;
// nil for any other table.
func valuesOf(t *paramTable) []string {
	header := headerTexts(t)
	if len(header) != 2 || t.cols.name < 0 || t.cols.typ >= 0 {
		return nil
	}
	switch strings.ToLower(header[1-t.cols.name]) {
	case "值", "取值", "枚举值", "value":
	default:
		return nil
	}
	var values []string
	for _, row := range t.block.Table.Rows {
		v, ok := cellAt(row, 1-t.cols.name)
		if !ok || strings.TrimSpace(v.Text) == "" {
			return nil
		}
		values = append(values, strings.TrimSpace(v.Text))
	}
	return values
}

func headerTexts(t *paramTable) []string {
	var out []string
	for _, h := range t.block.Table.Header {
		out = append(out, strings.TrimSpace(h.Text))
	}
	return out
}

// bareItems are the items of an array whose type names none ("Array",
// "列表数据结构"): the table the row links to, else what the example's
// first element shows, else unknown (text for a parameter) with a warning.
func (r *resolver) bareItems(c *rowCtx, ref typeRef) *model.Schema {
	if target := r.find(c, typeRef{kind: refObject}, true); target != nil {
		return r.tableObject(c, target)
	}
	if v, ok := r.exampleAt(c); ok {
		if arr, ok := v.([]any); ok && len(arr) > 0 && arr[0] != nil {
			return model.InferSchema(arr[0], c.at)
		}
	}
	if s := r.elsewhere(c, ref); s != nil {
		return s
	}
	typeText := strings.TrimSpace(c.f.typ.Text)
	if c.param {
		r.diags.Warnf(c.typeLoc(), "type %q names no item type; items read as strings (no table or example says what they are)", typeText)
		return &model.Schema{Loc: c.at, Type: model.TypeString}
	}
	r.diags.Warnf(c.typeLoc(), "type %q names no item type; items left untyped (any JSON value: no table or example says what they are)", typeText)
	return &model.Schema{Loc: c.at, Type: model.TypeAny}
}

// untypedSchema is the schema of a row in a table without a type column:
// a parameter is text; a body field takes the type its value in the page's
// example has, or the object of the table its row links to, else string
// with a warning.
func (r *resolver) untypedSchema(c *rowCtx) *model.Schema {
	if !r.noted[c.t] && c.t.cols.typ < 0 {
		r.noted[c.t] = true
		if c.param {
			r.diags.Notef(c.t.loc(r.file, 0), "table has no type column; its parameters are read as strings")
		} else {
			r.diags.Notef(c.t.loc(r.file, 0), "table has no type column; each field takes the type its value in the page's example has, or the object of the table it links to")
		}
	}
	str := &model.Schema{Loc: c.at, Type: model.TypeString}
	if c.param {
		return str
	}
	v, found := r.exampleAt(c)
	if found {
		switch v.(type) {
		case map[string]any, []any, nil:
		default:
			return model.InferSchema(v, c.at) // a scalar: the example says it all
		}
	}
	var obj *model.Schema
	if target := r.find(c, typeRef{kind: refObject}, true); target != nil {
		obj = r.tableObject(c, target)
	} else if l, ok := crossLink(c); ok && linkNamesTable(l) {
		// No type says the row is an object: only a link that names a
		// table does ("获取项目ID" is a how-to page, not the value).
		obj = r.elsewhere(c, typeRef{kind: refObject})
	}
	if obj != nil {
		if _, isArray := v.([]any); isArray {
			return &model.Schema{Loc: c.at, Type: model.TypeArray, Items: obj}
		}
		return obj
	}
	switch {
	case found && v != nil:
		return model.InferSchema(v, c.at)
	case found:
		// "unlock": null — OpenAPI 3.0 has no null type.
		r.diags.Notef(c.at, "the example's %q is null; the value is left untyped (any JSON value, null included)", c.path)
		return &model.Schema{Loc: c.at, Type: model.TypeAny, Nullable: true}
	case c.t.cols.typ < 0:
		r.diags.Warnf(c.at, "table has no type column and no example shows %q; read as a string", c.path)
		return str
	}
	// A cell that says "无" or "null" says it is no string either.
	r.diags.Warnf(c.typeLoc(), "no type and no example shows %q; the value is left untyped (any JSON value)", c.path)
	return &model.Schema{Loc: c.at, Type: model.TypeAny}
}

// enumSchema reads a type cell that says only "enum": the value is one of
// some values, of the type the page's example shows, else text; a note
// says which.
func (r *resolver) enumSchema(c *rowCtx) *model.Schema {
	typeText := strings.TrimSpace(c.f.typ.Text)
	if !c.param {
		if v, ok := r.exampleAt(c); ok && v != nil {
			s := model.InferSchema(v, c.at)
			r.diags.Notef(c.typeLoc(), "type %q names no value type; read as %s, as the example shows", typeText, s.Type)
			return s
		}
	}
	r.diags.Notef(c.typeLoc(), "type %q names no value type and no example shows one; read as a string", typeText)
	return &model.Schema{Loc: c.at, Type: model.TypeString}
}

// timestampSchema reads a Timestamp by what the example and the
// description say: an epoch number is an integer, a formatted time a
// date-time string. Neither saying is a warning, not a guess.
func (r *resolver) timestampSchema(c *rowCtx) *model.Schema {
	epoch := &model.Schema{Loc: c.at, Type: model.TypeInteger, Format: "int64"}
	dateTime := &model.Schema{Loc: c.at, Type: model.TypeString, Format: "date-time"}
	if v, ok := r.exampleAt(c); ok {
		switch x := v.(type) {
		case json.Number, float64:
			return epoch
		case string:
			if _, err := time.Parse(time.RFC3339, x); err == nil {
				return dateTime
			}
			return &model.Schema{Loc: c.at, Type: model.TypeString}
		}
	}
	desc := strings.ToLower(c.f.desc.Text)
	switch {
	case strings.Contains(desc, "yyyy") || strings.Contains(desc, "iso 8601") || strings.Contains(desc, "iso8601") || strings.Contains(desc, "rfc3339") || strings.Contains(desc, "rfc 3339"):
		return dateTime
	case strings.Contains(desc, "毫秒") || strings.Contains(desc, "秒") || strings.Contains(desc, "unix") || strings.Contains(desc, "epoch"):
		return epoch
	case strings.Contains(desc, "utc"):
		return dateTime
	}
	r.diags.Warnf(c.typeLoc(), "type %q: neither the description nor an example says whether it is an epoch number or a date-time string; the value is left untyped (any JSON value)", strings.TrimSpace(c.f.typ.Text))
	return &model.Schema{Loc: c.at, Type: model.TypeAny}
}

// find locates the table describing an object: by anchor link first, then
// by the table label or type name the cell gives, then by dotted-path
// caption, then the table that follows the row's own (pairFollowing), and
// last, on a page with one unreferenced object table and one unresolved
// object row, by elimination. quiet finds only by link, label, name and
// caption, and says nothing when none finds a table: for values that need
// no table.
func (r *resolver) find(c *rowCtx, ref typeRef, quiet bool) *paramTable {
	leaf := ref.leaf()
	if c.anchor != "" {
		if t, ok := r.byAnchor[c.anchor]; ok {
			if own := r.redirects[rowKey{c.t, c.at.Row}]; own != nil {
				return own
			}
			return t
		}
		r.diags.Warnf(c.at, "links to #%s, but no table on the page has that anchor", c.anchor)
	}
	if leaf.label != "" {
		if t, ok := r.byLabel[leaf.label]; ok && objectTable(t) {
			return t
		}
		if !labelLinksOut(c.f.typ, leaf.label, r.file) {
			// A label linked to another page ("<a href="公共参数.md#…">表10</a>")
			// is that page's: the cross-page stage looks for it.
			r.diags.Warnf(c.typeLoc(), "names %s, but no parameter table on the page has that label", leaf.label)
		}
	}
	tries := captionTries(c, leaf)
	for _, caption := range tries {
		if t := r.byCaption(c.t, caption); t != nil {
			return t
		}
	}
	if leaf.label == "" && c.anchor == "" {
		// "具体请参见表7。" in the description, without a link.
		if t := r.labelled(c.f.desc, c.path[strings.LastIndex(c.path, ".")+1:], leaf.named); t != nil {
			return t
		}
	}
	if c.anchor != "" || leaf.label != "" {
		return nil
	}
	// 字典数据类型 names no table, and may have none (a map of any values):
	// the table that follows, which nothing else claims, is its own.
	if quiet && !leaf.dict {
		return nil
	}
	if t := r.follows[rowKey{c.t, c.at.Row}]; t != nil && !r.used[t] && !r.describesMember(t, c.path) {
		r.diags.Notef(c.at, "object %q names no table; read from %q, the table that follows in its section", c.path, t.name())
		return t
	}
	if quiet {
		return nil
	}
	from := c.t
	if orphans := r.orphans[from.scope]; len(orphans) == 1 && r.unresolved[from.scope] == 1 && orphans[0] != from && !r.used[orphans[0]] && !r.describesMember(orphans[0], c.path) {
		t := orphans[0]
		r.diags.Warnf(c.at, "object %q names no table; using %q, the only object table no row refers to", c.path, t.name())
		return t
	}
	if r.exampleShowsFields(c) || r.exampleElementsShowFields(c) || describesMap(c) {
		return nil // schemaOf reads the fields from the example, or makes a map, with a note
	}
	if len(r.memberTablesOf(c.path)) > 0 {
		return nil // tables of its members say what they can: memberTables notes them
	}
	if _, ok := crossLink(c); ok && !c.param {
		return nil // the caller leaves the link to the cross-page stage, which warns if it finds nothing
	}
	r.diags.Warnf(c.at, "object %q has no table describing its fields (looked for captions %q); left as a free-form object", c.path, tries)
	return nil
}

// pointsElsewhere reports a row whose type or description names a table
// or page for the object's fields (a link or anchor, 表3, 详情请参见表9,
// 请参见publicip字段数据结构说明) which the row did not reach: the fields
// are documented where the reader cannot see, and an example shows only
// some of them.
func pointsElsewhere(c *rowCtx) bool {
	return c.anchor != "" || len(c.f.typ.Links) > 0 || len(c.f.desc.Links) > 0 ||
		tableMention.MatchString(c.f.typ.Text) || tableMention.MatchString(c.f.desc.Text)
}

var tableMention = regexp.MustCompile(`表\s*\d+|参见|详见|数据结构`)

func containsAnyFold(s string, words []string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// fieldName reports a JSON key spelled as a field: a letter or _, then
// letters, digits and _.
func fieldName(k string) bool {
	for i, r := range k {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return k != ""
}

// ownCaption is the table captioned with a row's name when the table the
// row's description links to names another type; nil otherwise.
func (r *resolver) ownCaption(from, linked *paramTable, name string) *paramTable {
	if linked.typeName == "" || model.FoldName(linked.typeName) == model.FoldName(name) || model.FoldName(name) == "" {
		return nil
	}
	own := r.byCaption(from, name)
	if own == linked {
		return nil
	}
	return own
}

// byCaption prefers a table in the same status group, then the same scope.
// A table another row links to by anchor is that row's. A caption that
// spells the name another way ("AIProject" for ai_project) counts when no
// caption spells it exactly.
func (r *resolver) byCaption(from *paramTable, caption string) *paramTable {
	if t := r.captioned(from, r.byName[caption]); t != nil {
		return t
	}
	folded := model.FoldName(caption)
	if folded == "" {
		return nil
	}
	return r.captioned(from, r.byFold[folded])
}

// captioned picks, of the tables a caption names (in page order), one in
// from's status group, else its scope.
func (r *resolver) captioned(from *paramTable, named []*paramTable) *paramTable {
	var sameScope *paramTable
	for _, t := range named {
		if t == from || t.kind != kindObject || r.linked[t] {
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
