// What the page's examples say of a row: its value there, its shape
// against the table, and what an example alone shows of an object.

package huawei

import (
	"fmt"
	"sort"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/paging"
)

// exampleShape settles a row whose type cell and example disagree on
// whether the value is one object of a table or an array of them, when the
// example agrees with the table: every occurrence of the row in the
// examples of its side and status is the other shape, and every object
// there shares a member with the table. "表2" or 字典数据结构 with an array
// in the example, or "Array of objects" with one object of the linked
// table's members: the example is what the service sends. A cell that
// names only the table gets a note, one that states the other shape
// ("PublishInfo object", "Array of objects") a warning.
func (r *resolver) exampleShape(c *rowCtx, s *model.Schema) *model.Schema {
	if s == nil {
		return s
	}
	obj, array := s, false
	if s.Type == model.TypeArray {
		obj, array = s.Items, true
	}
	t := r.tableOf[obj]
	if t == nil {
		return s
	}
	values := r.exampleValues(c)
	seen := false
	for _, v := range values {
		switch x := v.(type) {
		case nil:
			continue
		case []any:
			if array {
				return s
			}
			if len(x) == 0 {
				continue // no element to show the table's objects: no sign of either shape
			}
			for _, e := range x[:min(len(x), maxExampleElements)] {
				if m, ok := e.(map[string]any); !ok || !sharesMember(m, t) {
					return s
				}
			}
		case map[string]any:
			if !array || !sharesMember(x, t) {
				return s
			}
		default:
			return s
		}
		seen = true
	}
	if !seen {
		return s
	}
	typeText := strings.TrimSpace(c.f.typ.Text)
	ref, _ := readType(typeText)
	if array && c.t.scope == scopeResponse && !strings.Contains(c.path, ".") {
		if member := r.pagingMember(); member != "" {
			// "role_assignments | Array of … objects" and total_num, the
			// request has page and per_page, and the example shows one
			// object: an example with its brackets lost, not an object.
			r.diags.Notef(c.typeLoc(), "type %q, and the example holds one object of %q's members; kept an array, as the request pages through a list (%s)", typeText, t.name(), member)
			return s
		}
	}
	if generatedTypeLink(c.f.typ) {
		// "Array of <a href="#request_V1Tag…">V1Tag…</a> objects", "<a
		// href="#response_IpGroup">IpGroup</a> object": the layout Huawei's
		// API tooling writes from the service's own schema, which the
		// official SDK follows too; the example is written by hand.
		shape := fmt.Sprintf("an array of %q's objects", t.name())
		if array {
			shape = fmt.Sprintf("one object of %q's members", t.name())
		}
		r.diags.Warnf(c.typeLoc(), "type %q, but the example holds %s; kept as the type says, which links the table as generated pages do (the example is the odd one out)", typeText, shape)
		return s
	}
	if array {
		r.diags.Warnf(c.typeLoc(), "type %q, but the example holds one object of %q's members wherever it shows the row; read as that object", typeText, t.name())
		return obj
	}
	if ref.dict || ref.kind == refObject && ref.named == "" && ref.label != "" && normalLabel(typeText) == ref.label {
		// 字典数据结构 or a bare "表3" names a table, not a shape.
		r.diags.Notef(c.typeLoc(), "type %q and the example holds an array; read as an array of %q", typeText, t.name())
	} else {
		r.diags.Warnf(c.typeLoc(), "type %q, but the example holds an array of %q's objects wherever it shows the row; read as an array of them", typeText, t.name())
	}
	return &model.Schema{Loc: c.at, Type: model.TypeArray, Items: obj}
}

// generatedTypeLink reports a type cell linking its struct X in the layout
// of generated pages: to the anchor request_X or response_X, perhaps after
// a topic's prefix ("#zh-cn_topic_0000001387658520_request_X").
func generatedTypeLink(cell mdhtml.Cell) bool {
	for _, l := range cell.Links {
		anchor, ok := strings.CutPrefix(l.Href, "#")
		if !ok || l.Text == "" {
			continue
		}
		for _, side := range []string{"request_", "response_"} {
			if anchor == side+l.Text || strings.HasSuffix(anchor, "_"+side+l.Text) {
				return true
			}
		}
	}
	return false
}

// pagingMember is a request parameter or body member that pages through a
// list (paging.PositionMember), "" when the request has none.
func (r *resolver) pagingMember() string {
	for _, t := range r.tables {
		if t.scope != scopeRequest || t.kind == kindObject || t.cols.name < 0 {
			continue
		}
		for _, row := range t.block.Table.Rows {
			if name, ok := cellAt(row, t.cols.name); ok && paging.PositionMember(firstLine(name.Text)) {
				return firstLine(name.Text)
			}
		}
	}
	return ""
}

// sharesMember reports an example object with a member some row of t names.
func sharesMember(m map[string]any, t *paramTable) bool {
	for _, row := range t.block.Table.Rows {
		if name, ok := cellAt(row, t.cols.name); ok {
			if _, ok := m[firstLine(name.Text)]; ok {
				return true
			}
		}
	}
	return false
}

// exampleValues returns every value the row's path has in the examples of
// its side and status, in each element of the arrays on the way.
func (r *resolver) exampleValues(c *rowCtx) []any {
	var out []any
	for _, e := range r.examples {
		if e.ex == nil || e.response != (c.t.scope == scopeResponse) || !sameStatus(e.status, c.t.group) {
			continue
		}
		lookupAll(e.ex.Value, c.path, &out)
	}
	return out
}

// lookupAll is lookupPath for every match of a dotted path: into every
// element of an array on the way (at most maxExampleElements each),
// maxExampleValues in all. It cuts the path as it goes, so that a deep
// chain of tables costs no slice of keys a row.
func lookupAll(v any, path string, out *[]any) {
	if len(*out) >= maxExampleValues {
		return
	}
	if path == "" {
		*out = append(*out, v)
		return
	}
	switch x := v.(type) {
	case map[string]any:
		key, rest, _ := strings.Cut(path, ".")
		if next, ok := x[key]; ok {
			lookupAll(next, rest, out)
		}
	case []any:
		for _, e := range x[:min(len(x), maxExampleElements)] {
			lookupAll(e, path, out)
		}
	}
}

// typeWords names a schema's type in a message: "string", "array of string".
func typeWords(s *model.Schema) string {
	if s.Type == model.TypeArray && s.Items != nil {
		return "array of " + typeWords(s.Items)
	}
	return s.Type
}

// memberList names an example object's members, sorted, at most a few.
func memberList(v any) string {
	m, _ := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return shortList(keys)
}

// propertyList names an inferred object's members (sorted, as InferSchema
// writes them), at most a few.
func propertyList(s *model.Schema) string {
	names := make([]string, len(s.Properties))
	for i, p := range s.Properties {
		names[i] = p.Name
	}
	return shortList(names)
}

func shortList(names []string) string {
	if len(names) > 5 {
		names = append(names[:5:5], "…")
	}
	return strings.Join(names, ", ")
}

func isObject(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// exampleAt returns the value the row's path has in the first example of
// its table's side (request, or response of the same status) that has one.
func (r *resolver) exampleAt(c *rowCtx) (any, bool) {
	if c.param {
		return nil, false
	}
	for _, e := range r.examples {
		if e.ex == nil || e.response != (c.t.scope == scopeResponse) || !sameStatus(e.status, c.t.group) {
			continue
		}
		if v, ok := lookupPath(e.ex.Value, c.path); ok {
			return v, true
		}
	}
	return nil, false
}

// inferredExample is the schema of the row's value in every example of
// its side and status, united (model.Unite), so that it accepts each
// example.
func (r *resolver) inferredExample(c *rowCtx) *model.Schema {
	var s *model.Schema
	for _, e := range r.examples {
		if e.ex == nil || e.response != (c.t.scope == scopeResponse) || !sameStatus(e.status, c.t.group) {
			continue
		}
		if v, ok := lookupPath(e.ex.Value, c.path); ok {
			s = model.Unite(s, model.InferSchema(v, c.at))
		}
	}
	return s
}

// sameStatus reports whether an example's status and a table's status
// group may be the same: equal, or one unsaid and the other a success.
func sameStatus(example, group string) bool {
	switch {
	case example == group:
		return true
	case example == "":
		return group == "" || successCode(group)
	case group == "":
		return successCode(example)
	}
	return false
}

// maxExampleElements bounds how many elements of an example's array
// lookupPath looks into: enough for any real example, and a hostile one
// costs no more than that a row. It is the bound inference keeps too.
const maxExampleElements = model.MaxExampleElements

// lookupPath follows a dotted path through objects, looking into the
// elements of an array on the way. Like lookupAll, it cuts the path as it
// goes: a row of a deep chain of tables costs no slice of keys.
func lookupPath(v any, path string) (any, bool) {
	if path == "" {
		return v, true
	}
	switch x := v.(type) {
	case map[string]any:
		key, rest, _ := strings.Cut(path, ".")
		if next, ok := x[key]; ok {
			return lookupPath(next, rest)
		}
	case []any:
		for _, e := range x[:min(len(x), maxExampleElements)] {
			if got, ok := lookupPath(e, path); ok {
				return got, true
			}
		}
	}
	return nil, false
}

// exampleShowsFields reports a row without a table whose object the
// page's example describes: an object with at least one member, not a map
// (mapLike), and no table or page named for its fields (pointsElsewhere).
func (r *resolver) exampleShowsFields(c *rowCtx) bool {
	v, found := r.exampleAt(c)
	return found && showsFields(c.f.desc.Text, v) && !pointsElsewhere(c)
}

// showsFields reports an example object that shows an object's fields:
// not empty, and no map by its description or its keys.
func showsFields(desc string, v any) bool {
	m, ok := v.(map[string]any)
	return ok && len(m) > 0 && !mapLike(desc, m)
}

// exampleElementsShowFields reports a row whose example is an array of
// objects that show their fields, as exampleShowsFields does for one
// object: NAT's "dnat_rules | List(dnat_rule)" with no table.
func (r *resolver) exampleElementsShowFields(c *rowCtx) bool {
	v, found := r.exampleAt(c)
	elems, ok := v.([]any)
	if !found || !ok || len(elems) == 0 || pointsElsewhere(c) {
		return false
	}
	for _, e := range elems[:min(len(elems), maxExampleElements)] {
		if !showsFields(c.f.desc.Text, e) {
			return false
		}
	}
	return true
}

// mapWords, in a row's description, say its object is a map whose keys
// the user or the data choose (用户自定义metadata键值对, 属性为Map<String,
// Object>结构, key为网络名称): an example shows some keys, not the fields.
var mapWords = []string{"键值", "key-value", "key/value", "map", "字典", "属性名", "key为", "键为", "json对象", "元数据", "metadata"}

// mapLike reports an object the example cannot describe: its description
// says map, or a key is no field name (a UUID, "ecs:generation").
func mapLike(desc string, v any) bool {
	if containsAnyFold(desc, mapWords) {
		return true
	}
	for k := range v.(map[string]any) {
		if !fieldName(k) {
			return true
		}
	}
	return false
}

// describesMap reports a row without a table whose description says its
// object is a map (用户自定义metadata键值对) and names no table or page
// for it.
func describesMap(c *rowCtx) bool {
	return containsAnyFold(c.f.desc.Text, mapWords) && !pointsElsewhere(c)
}

// mapOf is the map of any values a row without a table holds. Its
// examples' values do not type it: pages that share the table show
// different ones, and a description may allow more (map<string,object>,
// object目前只支持Boolean、Integer…) than an example shows. noted says the
// row's type did not say map, so a note tells why it is one.
func (r *resolver) mapOf(c *rowCtx, noted bool) *model.Schema {
	if noted {
		r.diags.Notef(c.typeLoc(), "object %q has no table, and its description says it is a map; read as a map of any values", c.path)
	}
	return &model.Schema{Loc: c.at, Type: model.TypeObject, AdditionalProperties: &model.Schema{Loc: c.at, Type: model.TypeAny}}
}
