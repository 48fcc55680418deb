package huawei

import (
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// pageLink is a cell's link to another page of the same folder:
// "数据结构(创建云服务器).md#section1228814491353", "Topic结构体.md".
type pageLink struct {
	page, anchor, text string
	inType             bool // in the type or name cell, not the description
}

// crossLink is the row's link to a table on another page of its folder:
// in its type cell, its name cell, or else its description; one with an
// anchor first, as it names the table. ok is false when the row has none.
func crossLink(c *rowCtx) (l pageLink, ok bool) {
	var bare *pageLink
	for i, cell := range []mdhtml.Cell{c.f.typ, c.f.name, c.f.desc} {
		for _, link := range cell.Links {
			pl, ok := folderLink(link, c.at.File)
			if !ok {
				continue
			}
			pl.inType = i < 2
			if pl.anchor != "" {
				return pl, true
			}
			if bare == nil {
				bare = &pl
			}
		}
	}
	if bare != nil {
		return *bare, true
	}
	return pageLink{}, false
}

// folderLink reads a link to a Markdown page beside file: no scheme, no
// directory, not file itself.
func folderLink(link mdhtml.Link, file string) (pageLink, bool) {
	href := strings.TrimSpace(link.Href)
	if href == "" || href[0] == '#' || strings.Contains(href, ":") {
		return pageLink{}, false // in-page, or a URL (http:, mailto:)
	}
	page, anchor, _ := strings.Cut(href, "#")
	if strings.Contains(page, "%") {
		if u, err := url.PathUnescape(page); err == nil {
			page = u
		}
	}
	if !strings.HasSuffix(strings.ToLower(page), ".md") || strings.ContainsAny(page, `/\`) || page == path.Base(strings.ReplaceAll(file, `\`, "/")) {
		return pageLink{}, false
	}
	return pageLink{page: page, anchor: anchor, text: link.Text}, true
}

// elsewhere is the placeholder for a row whose fields a table on another
// page gives: a free-form object that says where to look, which the
// cross-page stage (xref) replaces with that table's schema; nil when the
// row links to no other page, or is a parameter, which travels as text
// whatever a table says.
func (r *resolver) elsewhere(c *rowCtx, ref typeRef) *model.Schema {
	l, ok := crossLink(c)
	if !ok || c.param {
		return nil
	}
	r.linksOut++
	leaf := ref.leaf()
	var names []string
	add := func(n string) {
		if n == "" {
			return
		}
		for _, have := range names {
			if have == n {
				return
			}
		}
		names = append(names, n)
	}
	add(leaf.named)
	add(c.path[strings.LastIndex(c.path, ".")+1:])
	add(linkTypeName(l.text))
	add(linkTypeName(strings.TrimSuffix(l.page, ".md")))
	linked := &model.Schema{Loc: c.at, Type: model.TypeObject, FreeForm: true, Elsewhere: &model.TableLink{
		Page: l.page, Anchor: l.anchor, Names: names, InType: l.inType, Path: c.path, Tried: captionTries(c, leaf),
	}}
	if m := r.mapOfTable(c, linked); m != nil {
		return m
	}
	return linked
}

// mapOfTable is, for a row whose table (on the page or linked) is obj, the
// map whose values obj describes when mapValues says the row's object is
// a map ("属性为Map<String, Object>结构。key为网络名称……value为网络属性，
// 详情请参见表1", the example's keys network ids) and obj lists none of
// the example's keys (ModelArts' property table lists @modelarts:color,
// VPC's network table provider:network_type: fields); of arrays of obj
// when the example's values are arrays; nil otherwise.
func (r *resolver) mapOfTable(c *rowCtx, obj *model.Schema) *model.Schema {
	if m := r.keyValueMap(c, obj); m != nil {
		return m
	}
	values, ok := r.mapValues(c)
	if !ok {
		return nil
	}
	if v, _ := r.exampleAt(c); obj.Elsewhere == nil { // a linked table is not read yet
		m, _ := v.(map[string]any)
		for k := range m {
			if obj.Property(k) != nil {
				return nil
			}
		}
	}
	val := obj
	if _, isArray := values.([]any); isArray {
		val = &model.Schema{Loc: c.at, Type: model.TypeArray, Items: obj}
	}
	r.diags.Notef(c.typeLoc(), "object %q is a map (its description says so, and its example's keys are no field names); its table describes its values", c.path)
	return &model.Schema{Loc: c.at, Type: model.TypeObject, AdditionalProperties: val}
}

// keyValueMap is the map a table of two rows, key and value, describes
// when the example's object has other members: RDS's values, "key |
// 参数名称，以名称作为key，如"max_connections":"10"" and "value", with the
// example {"max_connections": "10", "autocommit": "OFF"}. A table of key
// and value whose example shows them ({"key": "k", "value": "v"}, a tag)
// is an object; nil then, and when there is no example to tell.
func (r *resolver) keyValueMap(c *rowCtx, obj *model.Schema) *model.Schema {
	if obj.Elsewhere != nil || len(obj.Properties) != 2 {
		return nil
	}
	key, value := obj.Property("key"), obj.Property("value")
	if key == nil || value == nil || key.Schema == nil || key.Schema.Type != model.TypeString {
		return nil
	}
	v, found := r.exampleAt(c)
	m, ok := v.(map[string]any)
	if !found || !ok || len(m) == 0 {
		return nil
	}
	for k := range m {
		if obj.Property(k) != nil {
			return nil
		}
	}
	r.diags.Notef(c.typeLoc(), "object %q has a table of key and value, and its example's members are neither (%s): read as a map of the value's type", c.path, strings.Join(slices.Sorted(maps.Keys(m)), ", "))
	return &model.Schema{Loc: c.at, Type: model.TypeObject, Description: obj.Description, AdditionalProperties: value.Schema}
}

// mapValues is a value of the row's object in the example when the
// description says map and the example's keys are data, not field names
// (a network id): the object is a map. Either alone is not enough: a
// metadata table lists its keys, and extra_specs' keys are spelt
// "ecs:generation".
func (r *resolver) mapValues(c *rowCtx) (any, bool) {
	if !containsAnyFold(c.f.desc.Text, mapWords) {
		return nil, false // before the example: looking a row up there costs its path's length
	}
	v, found := r.exampleAt(c)
	m, ok := v.(map[string]any)
	if !found || !ok {
		return nil, false
	}
	keys := make([]string, 0, len(m))
	data := false
	for k := range m {
		keys = append(keys, k)
		data = data || !fieldName(k)
	}
	if !data {
		return nil, false
	}
	sort.Strings(keys)
	return m[keys[0]], true
}

// linkTypeName is the type a link's words or page name give: "Topic" for
// "Topic结构体", "publicip" for "publicip字段数据结构说明".
func linkTypeName(s string) string {
	return typeNameOf(strings.TrimSuffix(s, "体")) // 结构体: the 结构 suffix, and a 体
}

// captionTries are the captions find looks for on the row's own page.
func captionTries(c *rowCtx, leaf typeRef) []string {
	var tries []string
	if leaf.named != "" {
		tries = append(tries, leaf.named)
	}
	if c.path != "" {
		tries = append(tries, c.path)
		if last := c.path[strings.LastIndex(c.path, ".")+1:]; last != c.path {
			tries = append(tries, last)
		}
	}
	return tries
}

// offerTables lists the page's object tables for other pages' links, each
// with its schema: the one the page's operation built, or else one built
// now, without the page's examples (they show the operation's values,
// not the table's), whose diagnostics wait in the Table until a link
// uses it.
func offerTables(r *resolver) []*model.Table {
	var out []*model.Table
	examples, diags := r.examples, r.diags
	defer func() { r.examples, r.diags = examples, diags }()
	r.examples = nil
	for _, t := range r.tables {
		if !objectTable(t) {
			continue
		}
		ot := &model.Table{Loc: t.loc(r.file, 0)}
		s, built := r.built[t]
		if !built {
			r.diags = &ot.Diags
			s = r.objectSchema(t, "")
		}
		ot.Schema = s
		for _, a := range append([]string{t.block.Anchor, t.sectionAnchor}, t.anchors...) {
			if a != "" {
				ot.Anchors = append(ot.Anchors, a)
			}
		}
		for _, n := range []string{t.caption, t.typeName} {
			if n != "" && (len(ot.Names) == 0 || ot.Names[0] != n) {
				ot.Names = append(ot.Names, n)
			}
		}
		out = append(out, ot)
	}
	return out
}

// nameLoneTable gives the one uncaptioned object table of a page that is
// no operation the type its title names: Topic结构体.md's table is Topic.
func (p *page) nameLoneTable() {
	var lone *paramTable
	for _, t := range p.tables {
		if objectTable(t) {
			if lone != nil {
				return
			}
			lone = t
		}
	}
	if lone != nil && lone.caption == "" && lone.typeName == "" {
		lone.typeName = linkTypeName(p.op.Summary)
	}
}

// bodyRef is a sentence giving a body only by a link: "响应参数详情见
// [表3](#table34052983203655)", "请参见[请求消息](#ref…)" (this page),
// "请参见[表2](删除Secret.md#table…)" (another).
type bodyRef struct {
	line     int
	target   string
	response bool
	group    string
}

// where says what the link points to, for a warning.
func (ref bodyRef) where() string {
	if strings.HasPrefix(ref.target, "#") {
		return "which names no table of this page"
	}
	return "another page"
}

var bodyRefRE = regexp.MustCompile(`参数.*(?:参见|详情见|详见|见|如)\s*\[[^\]]*\]\(([^)\s]+)\)`)

// noteBodyRef records block b of a request or response section when it is
// such a sentence; the first for each body counts.
func (p *page) noteBodyRef(b *mdhtml.Block, response bool, group string) {
	m := bodyRefRE.FindStringSubmatch(b.Raw)
	if m == nil {
		return
	}
	prefix := b.Raw[:strings.Index(b.Raw, m[0])]
	switch {
	case isFailure(prefix + m[0]):
		// "无。失败时的响应参数见表2": the failure answer's table, never
		// the success body.
		group = failureGroup
	case strings.Contains(prefix, "无"):
		return // "无，参数见…" says the answer has none
	}
	for _, r := range p.bodyRefs {
		if r.response == response && r.group == group {
			return
		}
	}
	p.bodyRefs = append(p.bodyRefs, bodyRef{line: b.Line, target: m[1], response: response, group: group})
}

// useBodyRefs makes a body given only by a link to a table of this page
// (or to a section, meaning the section's first table) that table's
// schema, with a note; a link elsewhere is kept for the warning that the
// example's schema stands (refElsewhere, requestRef).
func (p *page) useBodyRefs(r *resolver, response func(string) *model.Response) {
	for _, ref := range p.bodyRefs {
		if ref.response {
			anchor, here := strings.CutPrefix(ref.target, "#")
			t := (*paramTable)(nil)
			if here {
				t = p.tableByAnchor(anchor)
			}
			if t == nil {
				// Another page's, or no table of this one: said where an
				// example's schema stands in for the body.
				p.refElsewhere = append(p.refElsewhere, ref)
				continue
			}
			resp := response(ref.group)
			if resp.Body != nil || noBodyStatus(resp.Status) {
				continue
			}
			p.diags.Notef(model.Loc{File: p.file, Line: ref.line}, "status %s's body is given by reference to table %q (line %d) of this page; read as that table", resp.Status, t.name(), t.block.Line)
			resp.Body = &model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: p.tableSchema(r, t)}
			resp.Loc = resp.Body.Loc
			continue
		}
		if p.op.RequestBody == nil || p.op.RequestBody.Schema == nil {
			ref := ref
			p.requestRef = &ref
		}
	}
}

// tableByAnchor is the table of this page an anchor names: its own, its
// caption's, or the heading's of the section it is the first table of.
func (p *page) tableByAnchor(anchor string) *paramTable {
	for _, t := range p.tables {
		if slices.Contains(append([]string{t.block.Anchor, t.sectionAnchor}, t.anchors...), anchor) {
			return t
		}
	}
	return nil
}

// tableSchema is the schema table t gave the page, or gives now: the
// request body's when it is that body's table.
func (p *page) tableSchema(r *resolver, t *paramTable) *model.Schema {
	if rb := p.op.RequestBody; rb != nil && rb.Schema != nil && rb.Loc == t.loc(p.file, 0) {
		return rb.Schema
	}
	if s, ok := r.built[t]; ok {
		return s
	}
	s, _ := r.bodySchema(t)
	return s
}

// linkNamesTable reports a link that names a table, not just a page: an
// anchor, a link in the type or name cell, or link text such as "表3",
// "Topic结构体", "数据结构" or "字段说明".
func linkNamesTable(l pageLink) bool {
	return l.anchor != "" || l.inType || containsAnyFold(l.text, []string{"表", "结构", "字段", "参数说明"})
}

// noBodyStatus reports a status whose answer has no body (204 No Content,
// 205, 304).
func noBodyStatus(status string) bool {
	return status == "204" || status == "205" || status == "304"
}
