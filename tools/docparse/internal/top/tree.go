package top

import (
	"strings"

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
// has no example for this table).
func (r *reader) buildTree(t *table, root *model.Schema, examples []*element, qualifier string) {
	stack := []*frame{{schema: root, label: "the top level", examples: examples}}
	haveExample := examples != nil
	for i := range t.rows {
		rw := &t.rows[i]
		prop, obj := r.property(rw, qualifier)
		at := r.place(rw, stack, haveExample)
		stack = stack[:at+1]
		parent := stack[at]
		parent.schema.Properties = append(parent.schema.Properties, prop)
		parent.members++
		if obj == nil {
			continue
		}
		if len(stack) >= maxNesting {
			r.log.warnf(rw.loc, "%s: nested deeper than %d objects; its members are not read", rw.name, maxNesting)
			continue
		}
		stack = append(stack, &frame{
			schema:   obj,
			label:    rw.name + " (" + rw.typ + ")",
			examples: exampleMembers(parent.examples, rw.name, prop.Schema.Type == model.TypeArray),
		})
	}
	r.unifyNamedTypes(root)
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
	collectDefinitions(root, defs, func(first, again *model.Schema) {
		r.log.warnf(again.Loc, "type %s is listed again with different members than at line %d; both kept", again.Name, first.Loc.Line)
	})
	useDefinitions(root, defs, func(s *model.Schema) {
		s.FreeForm = true
		r.log.warnf(s.Loc, "type %s lists no members on the page; any object accepted", s.Name)
	}, map[*model.Schema]bool{})
}

// collectDefinitions records the first schema with members for each name.
func collectDefinitions(s *model.Schema, defs map[string]*model.Schema, clash func(first, again *model.Schema)) {
	if s.Items != nil {
		collectDefinitions(s.Items, defs, clash)
	}
	for _, p := range s.Properties {
		c := p.Schema
		if c.Name != "" && len(c.Properties) > 0 {
			if d, ok := defs[c.Name]; !ok {
				defs[c.Name] = c
			} else if !sameMembers(d, c) {
				clash(d, c)
			}
		}
		collectDefinitions(c, defs, clash)
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
