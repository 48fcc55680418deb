// One object row that several tables document as alternatives, read as
// the union of their rows.

package huawei

import (
	"slices"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// linkedAlternatives are the object tables a row's type cell, or else its
// description, links to when it links to two or more ("字典数据结构。创建
// 单实例、HA实例请参见表3。创建只读副本请参见表4。"): each documents the
// object for one case. nil when the row links to fewer.
func (r *resolver) linkedAlternatives(from *paramTable, row mdhtml.Row, typ, desc mdhtml.Cell) []*paramTable {
	cell := typ
	if typ.Anchor() == "" {
		cell = desc
	}
	var out []*paramTable
	for _, l := range cell.Links {
		t := r.byAnchor[strings.TrimPrefix(l.Href, "#")]
		if !strings.HasPrefix(l.Href, "#") || !objectTable(t) || t == from || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	if len(out) < 2 {
		return nil
	}
	name, _ := cellAt(row, from.cols.name)
	for _, t := range out {
		// "allow_address_netmasks | … 请参见表5、表6" where 表6 is
		// captioned allow_ip_ranges: tables of several rows, not cases
		// of this one.
		if n := tableTypeName(t); n != "" && model.FoldName(n) != model.FoldName(firstLine(name.Text)) {
			return nil
		}
	}
	return out
}

// tableTypeName is the type a table's caption names, with or without a
// case ("instance字段数据结构说明（创建只读副本）" names instance).
func tableTypeName(t *paramTable) string {
	if t.typeName != "" {
		return t.typeName
	}
	_, n, _ := qualifiedCaption(t.caption)
	return n
}

// captionedAlternatives finds, for each object row nothing ties to a table,
// the tables of its scope captioned "<qualifier> <name>结构" or
// "<name>结构说明（<qualifier>）" for the row's name, when there are two or
// more and no row refers to them ("real-time config结构", "batch config结构"
// for a row config): the row's alternatives. It returns the rows still
// unresolved.
func (r *resolver) captionedAlternatives(unresolved []rowKey, referred map[*paramTable]bool) []rowKey {
	// The tables by the name their caption qualifies, read once: each
	// row asking every table costs rows × tables caption parses.
	byName := map[string][]*paramTable{}
	for _, t := range r.tables {
		if _, n, ok := qualifiedCaption(t.caption); ok && objectTable(t) {
			byName[n] = append(byName[n], t)
		}
	}
	var rest []rowKey
	for _, k := range unresolved {
		name, _ := cellAt(k.t.block.Table.Rows[k.row-1], k.t.cols.name)
		var alts []*paramTable
		for _, t := range byName[firstLine(name.Text)] {
			if t != k.t && t.scope == k.t.scope && !referred[t] {
				alts = append(alts, t)
			}
		}
		if len(alts) < 2 {
			rest = append(rest, k)
			continue
		}
		r.alts[k] = alts
		for _, a := range alts {
			referred[a], r.linked[a] = true, true
		}
	}
	return rest
}

// qualifiedCaption reads a caption that names a type for one case:
// "real-time config结构" (a qualifier before the name) or
// "instance字段数据结构说明（创建只读副本）" (one in brackets after it).
func qualifiedCaption(caption string) (qualifier, name string, ok bool) {
	c := strings.TrimSpace(caption)
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if head, ok := strings.CutSuffix(c, br[1]); ok {
			if i := strings.LastIndex(head, br[0]); i > 0 {
				if n := typeNameOf(head[:i]); n != "" {
					return strings.TrimSpace(head[i+len(br[0]):]), n, true
				}
			}
		}
	}
	if i := strings.LastIndexByte(c, ' '); i > 0 {
		if n := typeNameOf(c[i+1:]); n != "" && !strings.Contains(c[i+1:], ".") {
			return strings.TrimSpace(c[:i]), n, true
		}
	}
	return "", "", false
}

// unionSchema reads a row several tables document, each for one case
// (alternatives), as one object with the members of all: OpenAPI's oneOf
// would say it exactly, but the model has none, and a generated client
// gets one struct. A member is required where every alternative requires
// it, its description says which alternatives document it, and one whose
// type differs between them keeps the first with a warning. An array type
// ("config结构数组") makes it an array of that object.
func (r *resolver) unionSchema(c *rowCtx, alts []*paramTable) *model.Schema {
	union := &model.Schema{Loc: c.at, Type: model.TypeObject, Qualifier: capitalize(c.t.scope)}
	names := make([]string, len(alts))
	in := map[string][]string{} // member: the alternatives listing it
	from := map[string]*paramTable{}
	required := map[string]int{}
	read := 0 // alternatives read: one containing the row is left out
	for i, t := range alts {
		names[i] = altName(t)
		if r.building[t] {
			r.diags.Warnf(c.at, "table %q contains itself through this row; left out of its alternatives", t.name())
			continue
		}
		obj := r.objectSchema(t, c.path)
		if read == 0 || union.Name == obj.Name {
			union.Name = obj.Name // a type name all alternatives give
		} else {
			union.Name = ""
		}
		read++
		for _, p := range obj.Properties {
			in[p.Name] = append(in[p.Name], names[i])
			if p.Required {
				required[p.Name]++
			}
			have := union.Property(p.Name)
			if have == nil {
				cp := *p
				union.Properties = append(union.Properties, &cp)
				from[p.Name] = t
				continue
			}
			switch a, b := typeWords(have.Schema), typeWords(p.Schema); {
			case a != b:
				r.diags.Warnf(p.Loc, "member %q is %s in %q but %s here; read as the first", p.Name, a, from[p.Name].name(), b)
			case untabled(have.Schema) && !untabled(p.Schema):
				have.Schema = p.Schema // the first names no fields; this one does
			}
		}
	}
	for _, p := range union.Properties {
		p.Required = required[p.Name] == read
		p.Description = strings.TrimSpace(p.Description + "\n(documented for: " + strings.Join(in[p.Name], "; ") + ")")
	}
	typeText := strings.TrimSpace(c.f.typ.Text)
	r.diags.Notef(c.typeLoc(), "object %q is documented by %d alternative tables (%s); read as one object with the members of all, required where every one requires them", c.path, len(alts), strings.Join(names, "; "))
	ref, ok := readType(typeText)
	if !ok {
		first, _, _ := strings.Cut(typeText, "\n")
		first, _, _ = strings.Cut(first, "。")
		ref, ok = readType(first)
	}
	if ok && ref.kind == refArray {
		return &model.Schema{Loc: c.at, Type: model.TypeArray, Items: union}
	}
	return union
}

// altName names an alternative by its caption's qualifier ("real-time",
// "创建只读副本"), else by the table.
func altName(t *paramTable) string {
	if q, _, ok := qualifiedCaption(t.caption); ok && q != "" {
		return q
	}
	return t.name()
}
