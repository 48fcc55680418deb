// Tables captioned with a dotted path (metadata.annotations字段说明)
// describe a member of the row's object.

package huawei

import (
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// dottedCaption splits a caption that starts with a dotted path into the
// path of the object ("metadata") and its member the table describes
// ("annotations"); ok is false for any other caption.
func dottedCaption(caption string) (parent, member string, ok bool) {
	path := dottedRE.FindString(caption)
	if path == "" {
		return "", "", false
	}
	if rest := caption[len(path):]; rest != "" && rest[0] < 0x80 && rest[0] != ' ' {
		return "", "", false // "a.b/c", "v1.2": not a path and words
	}
	i := strings.LastIndexByte(path, '.')
	return path[:i], path[i+1:], true
}

// dotted is a table captioned with a dotted path: it describes member of
// the object at parent.
type dotted struct {
	t              *paramTable
	parent, member string
}

// memberTablesOf are the tables describing members of the object at path
// ("metadata.annotations字段说明" for the row metadata, or spec.metadata).
func (r *resolver) memberTablesOf(path string) []dotted {
	var out []dotted
	for _, d := range r.members[path[strings.LastIndexByte(path, '.')+1:]] {
		if path == d.parent || strings.HasSuffix(path, "."+d.parent) {
			out = append(out, d)
		}
	}
	return out
}

// describesMember reports a table that describes a member of the object
// at path, not the object.
func (r *resolver) describesMember(t *paramTable, path string) bool {
	for _, d := range r.memberTablesOf(path) {
		if d.t == t {
			return true
		}
	}
	return false
}

// memberTables attaches to the object of the row at c.path the tables
// captioned with a dotted path one member below it, in the row's scope
// (its status group first): "metadata.annotations必选字段数据结构说明"
// describes metadata's annotations. A member the object lacks (its table
// is on another page, or omits it) is added, required when the table has
// a required row, with a note; a member without a table of its own takes
// this one; one another table describes keeps it, with a warning.
func (r *resolver) memberTables(c *rowCtx, s *model.Schema) *model.Schema {
	obj := s
	if obj != nil && obj.Type == model.TypeArray {
		obj = obj.Items
	}
	if obj == nil || obj.Type != model.TypeObject || obj.AdditionalProperties != nil {
		return s
	}
	tables := r.memberTablesOf(c.path)
	if len(tables) == 0 {
		return s
	}
	seen := map[string]bool{}
	for _, group := range []bool{true, false} {
		for _, d := range tables {
			t, member := d.t, d.member
			if t == c.t || t == r.tableOf[obj] || t.scope != c.t.scope || (t.group == c.t.group) != group || r.building[t] {
				continue
			}
			if seen[member] {
				continue
			}
			seen[member] = true
			p := obj.Property(member)
			var slot **model.Schema // the member's object, in an array or not
			if p != nil {
				slot = &p.Schema
				if p.Schema != nil && p.Schema.Type == model.TypeArray {
					slot = &p.Schema.Items
				}
				if *slot != nil && r.tableOf[*slot] == t {
					continue // attached already, or found by its caption
				}
			}
			ms := r.objectSchema(t, joinPath(c.path, member))
			if keyTable(t) && !ms.FreeForm {
				// "network.alpha.kubernetes.io/project-id": keys of a
				// map (annotations, labels), of which the table lists
				// some; others may come.
				ms.FreeForm = true
				r.diags.Notef(t.loc(r.file, 0), "the table's names are keys, not field names; read as an object with these members that may have others")
			}
			switch {
			case p == nil:
				r.diags.Notef(t.loc(r.file, 0), "caption names member %q of %q, which is not listed there; added as that member, read from this table", member, c.path)
				obj.Properties = append(obj.Properties, &model.Property{Loc: t.loc(r.file, 0), Name: member, Required: anyRequired(ms), Schema: ms})
			case untabled(*slot):
				*slot = ms
			case r.tableOf[*slot] != nil:
				r.diags.Warnf(t.loc(r.file, 0), "caption names member %q of %q, which %q describes already; this table is not used", member, c.path, r.tableOf[*slot].name())
			default:
				r.diags.Warnf(t.loc(r.file, 0), "caption names member %q of %q, whose type says it is no object; this table is not used", member, c.path)
			}
		}
	}
	return s
}

// untabled reports a value that may be an object no table describes: none,
// any JSON value, or an object without listed members.
func untabled(s *model.Schema) bool {
	return s == nil || s.Type == model.TypeAny || s.Type == model.TypeObject && len(s.Properties) == 0 && s.Elsewhere == nil
}

// keyTable reports an object table with a row whose name is no field
// name: a key chosen by a convention ("kubernetes.io/role").
func keyTable(t *paramTable) bool {
	for _, row := range t.block.Table.Rows {
		if name, ok := cellAt(row, t.cols.name); ok && !fieldName(firstLine(name.Text)) {
			return true
		}
	}
	return false
}
