package top

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// frame is an object still taking members while rows are read.
type frame struct {
	schema   *model.Schema
	label    string     // for messages: "result (SecurityTokenCredential)"
	examples []*element // example elements standing for this object; nil if absent
	members  int
}

// maxNesting bounds object nesting: real pages go a few levels deep, and a
// bound keeps every later recursion over the tree shallow.
const maxNesting = 32

// buildTree adds a table's rows to root, rebuilding the nesting the scrape
// lost. examples are the XML elements standing for root (nil if the page
// has no example for this table). With wrapLists (the response side), list
// members take the shape TOP's JSON gives them (see listWrapper).
func (r *reader) buildTree(t *table, root *model.Schema, examples []*element, qualifier string, wrapLists bool) {
	stack := []*frame{{schema: root, label: "the top level", examples: examples}}
	haveExample := examples != nil
	for i := range t.rows {
		rw := &t.rows[i]
		prop, obj := r.property(rw, qualifier)
		at := r.place(rw, stack, haveExample)
		stack = stack[:at+1]
		parent := stack[at]
		isList := prop.Schema.Type == model.TypeArray
		var items []*element
		if isList {
			items = exampleMembers(parent.examples, rw.name, true)
		}
		if isList && wrapLists {
			prop.Schema = r.listWrapper(rw, prop.Schema, items, qualifier)
		}
		parent.schema.Properties = append(parent.schema.Properties, prop)
		parent.members++
		if obj == nil {
			continue
		}
		if len(stack) >= maxNesting {
			r.log.warnf(rw.loc, "%s: nested deeper than %d objects; its members are not read", rw.name, maxNesting)
			continue
		}
		if !isList {
			items = exampleMembers(parent.examples, rw.name, false)
		}
		stack = append(stack, &frame{
			schema:   obj,
			label:    rw.name + " (" + rw.typ + ")",
			examples: items,
		})
	}
	r.unifyNamedTypes(root)
}

// listWrapper models a response list the way TOP answers it. TOP's JSON
// (format=json without simplify) wraps a list as its XML does: the field is
// an object with one member, named after the item type in lower case,
// holding the items. So "statement" of type "Datas []", shown in XML as
// <statement><datas>…</datas><datas>…</datas></statement>, arrives as
// "statement": {"datas": [{…}, {…}]}, and "String []" as
// {"string": ["a", "b"]}. Where the example names its item elements
// otherwise (one name for all), the example wins: it is what TOP sent.
//
// The wrapper is a named schema, <Type>List (DatasList, StringList), so
// generated clients get a usable type; identical wrappers share it.
func (r *reader) listWrapper(rw *row, list *model.Schema, items []*element, qualifier string) *model.Schema {
	base := baseType(rw.typ)
	if base == "" {
		base = "item"
	}
	member := strings.ToLower(base)
	if shown := commonName(items); shown != "" && shown != member {
		r.log.warnf(rw.loc, "%s: the response example names its items <%s>, not <%s> (the item type in lower case); followed the example",
			rw.name, clip(shown), clip(member))
		member = shown
	}
	w := &model.Schema{
		Loc:         list.Loc,
		Name:        upperFirst(base) + listSuffix,
		Qualifier:   qualifier,
		Type:        model.TypeObject,
		Description: "TOP list wrapper: the items of a " + base + " [] field, under \"" + member + "\".",
		Properties:  []*model.Property{{Loc: rw.loc, Name: member, Required: true, Schema: list}},
	}
	r.wrappers[w] = true
	return w
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// listSuffix ends the names of list wrapper schemas.
const listSuffix = "List"

// commonName returns the name all of elems share, or "" when there are
// none or they differ.
func commonName(elems []*element) string {
	name := ""
	for _, e := range elems {
		switch {
		case name == "":
			name = e.name
		case e.name != name:
			return ""
		}
	}
	return name
}

// property makes the model property for a row; obj is the object schema
// that takes the row's children, if any.
func (r *reader) property(rw *row, qualifier string) (p *model.Property, obj *model.Schema) {
	s, obj := r.typeSchema(rw, qualifier)
	r.rowExample(rw, s)
	desc := rw.desc
	if rw.limits != "" {
		desc = strings.TrimSpace(desc + " (" + colLimits + ": " + rw.limits + ")")
	}
	// A property's description replaces its schema's in the spec, so the
	// wire format of dates and prices is repeated here.
	if note := r.typeNote(s); note != "" {
		desc = strings.TrimSpace(desc + " " + note)
	}
	return &model.Property{Loc: rw.loc, Name: rw.name, Required: rw.required, Description: desc, Schema: s}, obj
}

// place returns the index in stack of the object that takes the row.
//
// The text alone says little: a top-level line belongs to the section's
// object, and a bullet to some object opened before it. By default it goes
// to the nearest preceding object (the top of the stack). The example
// settles where a field really sits; where it cannot, the guess is
// reported. A row is ambiguous when it lost its └ marker, or when it
// follows members of a nested object (it may belong to any enclosing one).
func (r *reader) place(rw *row, stack []*frame, haveExample bool) int {
	if rw.marker == topLevel {
		return 0
	}
	last := len(stack) - 1
	if last == 0 {
		r.log.warnf(rw.loc, "%s: nested row does not follow an object parameter; placed at the top level", rw.name)
		return 0
	}
	at := exampleHome(rw.name, stack)
	ambiguous := rw.marker == unmarked || (last > 1 && stack[last].members > 0)
	switch {
	case at > 0 && at != last:
		r.log.warnf(rw.loc, "%s: nesting lost in the scrape: the text puts it in %s, the nearest preceding object, but the response example has it in %s; followed the example",
			rw.name, stack[last].label, stack[at].label)
		return at
	case at > 0 && rw.marker == unmarked:
		r.log.warnf(rw.loc, "%s: row has no └ marker (nesting lost in the scrape); placed in %s, where the response example has it",
			rw.name, stack[at].label)
		return at
	case at > 0:
		return at
	case ambiguous:
		why := "absent from the response example"
		if !haveExample {
			why = "no example settles it"
		}
		r.log.warnf(rw.loc, "%s: position ambiguous (nesting lost in the scrape) and %s; assumed child of %s, the nearest preceding object",
			rw.name, why, stack[last].label)
	}
	return last
}

// exampleHome returns the innermost nested frame (index ≥ 1) whose example
// elements hold a member called name, or -1.
func exampleHome(name string, stack []*frame) int {
	for i := len(stack) - 1; i >= 1; i-- {
		for _, e := range stack[i].examples {
			if len(e.child(name)) > 0 {
				return i
			}
		}
	}
	return -1
}

// exampleMembers returns the elements standing for member name of objects
// shown by parents; for a list, the item elements inside its wrapper.
func exampleMembers(parents []*element, name string, list bool) []*element {
	var out []*element
	for _, p := range parents {
		for _, c := range p.child(name) {
			if list {
				out = append(out, c.children...)
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// unifyNamedTypes makes every use of a named type share one schema: TOP
// lists a type's members only where it first appears, so later uses have
// none. A type with members nowhere on the page becomes free-form.
func (r *reader) unifyNamedTypes(root *model.Schema) {
	defs := map[string]*model.Schema{}
	collectDefinitions(root, defs, r.wrappers, func(first, again *model.Schema) {
		r.log.warnf(again.Loc, "type %s is listed again with different members than at line %d; both kept", again.Name, first.Loc.Line)
	})
	useDefinitions(root, defs, func(s *model.Schema) {
		s.FreeForm = true
		r.log.warnf(s.Loc, "type %s lists no members on the page; any object accepted", s.Name)
	}, map[*model.Schema]bool{})
}

// collectDefinitions records the first schema with members for each name,
// wherever it sits: a member, or the items of a list ("lines LineDto []").
// List wrappers are the reader's own, not page types, and are skipped.
func collectDefinitions(s *model.Schema, defs map[string]*model.Schema, wrappers map[*model.Schema]bool, clash func(first, again *model.Schema)) {
	if s.Name != "" && len(s.Properties) > 0 && !wrappers[s] {
		if d, ok := defs[s.Name]; !ok {
			defs[s.Name] = s
		} else if d != s && !sameMembers(d, s) {
			clash(d, s)
		}
	}
	if s.Items != nil {
		collectDefinitions(s.Items, defs, wrappers, clash)
	}
	for _, p := range s.Properties {
		collectDefinitions(p.Schema, defs, wrappers, clash)
	}
}

// useDefinitions points member-less uses of named types at their
// definition; a type defined nowhere is reported to undefined. seen stops
// the walk on recursive types, which rewiring turns into cycles.
func useDefinitions(s *model.Schema, defs map[string]*model.Schema, undefined func(*model.Schema), seen map[*model.Schema]bool) {
	if seen[s] {
		return
	}
	seen[s] = true
	for _, p := range s.Properties {
		p.Schema = definitionFor(p.Schema, defs, undefined)
		if p.Schema.Items != nil {
			p.Schema.Items = definitionFor(p.Schema.Items, defs, undefined)
			useDefinitions(p.Schema.Items, defs, undefined, seen)
		}
		useDefinitions(p.Schema, defs, undefined, seen)
	}
}

func definitionFor(s *model.Schema, defs map[string]*model.Schema, undefined func(*model.Schema)) *model.Schema {
	if s.Name == "" || s.Type != model.TypeObject || len(s.Properties) > 0 || s.FreeForm {
		return s
	}
	if d, ok := defs[s.Name]; ok {
		return d
	}
	undefined(s)
	return s
}

// sameMembers compares member names and types, one level deep.
func sameMembers(a, b *model.Schema) bool {
	if len(a.Properties) != len(b.Properties) {
		return false
	}
	for i, p := range a.Properties {
		q := b.Properties[i]
		if p.Name != q.Name || p.Schema.Type != q.Schema.Type || p.Schema.Name != q.Schema.Name {
			return false
		}
	}
	return true
}
