package emit

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// MaxNesting is how deep schemas may nest (objects, arrays and maps inside
// one another, counted from a parameter or body) before the rest is cut off
// with a located error. Written as components, nested objects add no YAML
// nesting, so this is not what YAML loaders accept (go.yaml.in/yaml/v3 and
// the encoding/json pass inside kin-openapi stop at 10,000 levels) but
// what a documentation page plausibly holds: the deepest bundled page nests
// 6 levels. It also bounds the length of names made from property paths,
// and the nesting of example values.
const MaxNesting = 64

// component is one schema written under components/schemas: a table, or
// several identical tables merged.
type component struct {
	base      string   // the name it would like: the table's type or its path
	digest    [32]byte // structure, see fingerprinter
	schema    *model.Schema
	owner     string // the smallest operationId using it
	qualifier string // the reader's qualifier, e.g. "Response"
	name      string // final
	ref       *schemaIR
}

func (c *component) own(opID string) {
	if opID < c.owner {
		c.owner = opID
	}
}

type nameKey struct {
	base   string
	digest [32]byte
}

// components finds the schemas that become components.
type components struct {
	fp      *fingerprinter
	of      map[*model.Schema]*component
	byKey   map[nameKey]*component
	list    []*component             // in discovery order
	open    map[*model.Schema]string // schemas being walked -> the name hint they entered with
	walked  map[*model.Schema]string // inline schemas walked -> the operation walked for
	adopted map[*model.Schema]string // descriptions taken from the first property referring to a component
	cut     map[*model.Schema]bool   // schemas nested too deep: written as any value
	diags   *model.Diagnostics
}

// isComponent reports a schema written as a component wherever it is used:
// one the reader named, and every object table.
func isComponent(s *model.Schema) bool {
	return s.Name != "" || (s.Type == model.TypeObject && len(s.Properties) > 0 && !s.FreeForm)
}

func isContainer(s *model.Schema) bool {
	return len(s.Properties) > 0 || s.Items != nil || s.AdditionalProperties != nil
}

// discover walks every schema the operations write, in document order
// (operations, parameters, request body, responses in status order,
// headers, properties in order), and collects the components.
func discover(ops []*operation, diags *model.Diagnostics) *components {
	c := &components{
		of:      make(map[*model.Schema]*component),
		byKey:   make(map[nameKey]*component),
		open:    make(map[*model.Schema]string),
		walked:  make(map[*model.Schema]string),
		adopted: adoptDescriptions(ops),
		cut:     make(map[*model.Schema]bool),
		diags:   diags,
	}
	c.fp = newFingerprinter(c.description)
	for _, op := range ops {
		base := typeName(op.id)
		for _, p := range op.params {
			c.walk(p.Schema, base+"Params"+typeName(p.Name), 1, op.id)
		}
		if op.RequestBody != nil {
			c.walk(op.RequestBody.Schema, base+"RequestBody", 1, op.id)
		}
		success := firstSuccess(op.responses)
		for _, resp := range op.responses {
			if resp.Body != nil {
				c.walk(resp.Body.Schema, responseBodyName(base, resp, success), 1, op.id)
			}
			for _, h := range resp.headers {
				c.walk(h.Schema, base+typeName(h.Name)+"Header", 1, op.id)
			}
		}
	}
	return c
}

// description is what a schema says of itself, or, for a component without
// words of its own, what the first property referring to it says: OpenAPI
// 3.0 ignores the siblings of $ref, so the property's words would
// otherwise be lost and the generated type would have no doc comment.
func (c *components) description(s *model.Schema) string {
	if s.Description != "" {
		return s.Description
	}
	return c.adopted[s]
}

// walk visits s, reached under the name hint at the given depth.
func (c *components) walk(s *model.Schema, hint string, depth int, opID string) {
	if s == nil {
		return
	}
	if comp := c.of[s]; comp != nil {
		comp.own(opID)
		return
	}
	if entry, isOpen := c.open[s]; isOpen {
		// An inline schema cannot contain itself; only a component can
		// refer back to itself, so this one becomes a component after all.
		c.add(s, entry, opID)
		return
	}
	if !isComponent(s) && !isContainer(s) {
		return // a leaf: nothing to name inside
	}
	if c.walked[s] == opID || c.cut[s] {
		return
	}
	if depth > MaxNesting && isContainer(s) {
		c.cut[s] = true
		c.diags.Errorf(s.Loc, "schemas nest deeper than %d levels here (tables inside tables); the deeper levels are left out", MaxNesting)
		return
	}
	if isComponent(s) {
		comp, isNew := c.add(s, hint, opID)
		if !isNew {
			return // an identical schema was walked already
		}
		hint = comp.base
	} else {
		c.walked[s] = opID
	}
	c.open[s] = hint
	defer delete(c.open, s)
	for _, p := range s.Properties {
		if p != nil {
			c.walk(p.Schema, hint+typeName(p.Name), depth+1, opID)
		}
	}
	c.walk(s.Items, hint+"Item", depth+1, opID)
	c.walk(s.AdditionalProperties, hint+"Value", depth+1, opID)
}

// add makes s a component, merging it into an identical one with the same
// base name. It reports whether the component is new.
func (c *components) add(s *model.Schema, hint, opID string) (*component, bool) {
	base := typeName(s.Name)
	if base == "" {
		base = typeName(hint)
	}
	if base == "" {
		base = "Schema"
	}
	key := nameKey{base: base, digest: c.fp.of(s)}
	if comp, ok := c.byKey[key]; ok {
		c.of[s] = comp
		comp.own(opID)
		return comp, false
	}
	comp := &component{base: base, digest: key.digest, schema: s, owner: opID, qualifier: typeName(s.Qualifier)}
	c.byKey[key] = comp
	c.of[s] = comp
	c.list = append(c.list, comp)
	return comp, true
}

// assignNames gives every component its final name, by a rule that does
// not depend on the order of pages or operations:
//
//   - A component is called by its base name (the table's type name, or
//     for a table without one the path to it, e.g.
//     "ListThingsResponseBodyItems") when no other, different component
//     wants that name and oapi-codegen does not generate a type of that
//     name itself.
//   - Different components wanting one name are each qualified by the
//     operation using them (the smallest operationId, when several do):
//     "CreateServerTag", "ListServersTag"; if that still clashes, by the
//     reader's qualifier too ("CreateServerResponseTag"); and, as a last
//     resort, numbered in the order of their structure digests.
//
// So adding a page changes no existing name unless the page brings a
// different schema with a base name already in use (then that name is
// qualified by operation), or an operation whose generated type names equal
// a component name.
func (c *components) assignNames(reserved map[string]bool) {
	taken := make(map[string]bool, len(reserved)+len(c.list))
	for name := range reserved {
		taken[name] = true
	}
	groups := make(map[string][]*component)
	for _, comp := range c.list {
		groups[comp.base] = append(groups[comp.base], comp)
	}
	bases := make([]string, 0, len(groups))
	for base := range groups {
		bases = append(bases, base)
	}
	slices.Sort(bases)
	for _, base := range bases {
		if g := groups[base]; len(g) == 1 && !taken[base] {
			g[0].name = base
			taken[base] = true
		}
	}
	for _, base := range bases {
		g := groups[base]
		if len(g) == 1 && g[0].name != "" {
			continue
		}
		slices.SortFunc(g, func(a, b *component) int {
			if n := strings.Compare(a.owner, b.owner); n != 0 {
				return n
			}
			return bytes.Compare(a.digest[:], b.digest[:])
		})
		pending := g
		for _, qualified := range []func(*component) string{byOperation, byOperationAndQualifier} {
			wanted := make(map[string]int)
			for _, comp := range pending {
				wanted[qualified(comp)]++
			}
			var rest []*component
			for _, comp := range pending {
				if name := qualified(comp); name != "" && wanted[name] == 1 && !taken[name] {
					comp.name = name
					taken[name] = true
					continue
				}
				rest = append(rest, comp)
			}
			pending = rest
		}
		for _, comp := range pending {
			stem := operationPrefix(comp) + comp.base
			for i := 2; ; i++ {
				if name := stem + strconv.Itoa(i); !taken[name] {
					comp.name = name
					taken[name] = true
					break
				}
			}
		}
	}
	for _, comp := range c.list {
		comp.ref = &schemaIR{ref: comp.name}
	}
}

// operationPrefix is the operation's type name, unless the base name
// already starts with it ("ListThingsResponseBody").
func operationPrefix(c *component) string {
	op := typeName(c.owner)
	if strings.HasPrefix(c.base, op) {
		return ""
	}
	return op
}

func byOperation(c *component) string {
	if p := operationPrefix(c); p != "" {
		return p + c.base
	}
	return ""
}

func byOperationAndQualifier(c *component) string {
	if c.qualifier == "" {
		return ""
	}
	return operationPrefix(c) + c.qualifier + c.base
}

// sorted returns the components by name, so adding an operation does not
// reorder the file.
func (c *components) sorted() []*component {
	out := slices.Clone(c.list)
	slices.SortFunc(out, func(a, b *component) int { return strings.Compare(a.name, b.name) })
	return out
}

// responseBodyName is the base name of an unnamed response body:
// <Op>ResponseBody for the first success status, <Op>ResponseBody<status>
// for other successes and <Op>Error for the rest, which pages usually
// document with one identical table that then merges. "<Op>Response" itself
// is oapi-codegen's own type.
func responseBodyName(opBase string, r, success *response) string {
	switch {
	case r == success:
		return opBase + "ResponseBody"
	case statusClass(r.Status) == 0:
		return opBase + "ResponseBody" + r.Status
	}
	return opBase + "Error"
}

// adoptDescriptions finds, for each component without a description of its
// own, the description of the first property (in document order) that
// refers to it. It reads the model and changes nothing.
func adoptDescriptions(ops []*operation) map[*model.Schema]string {
	adopted := make(map[*model.Schema]string)
	seen := make(map[*model.Schema]bool)
	var walk func(s *model.Schema)
	walk = func(s *model.Schema) {
		if s == nil || !isContainer(s) || seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			if p == nil {
				continue
			}
			if ps := p.Schema; ps != nil && isComponent(ps) && ps.Description == "" && p.Description != "" {
				if _, done := adopted[ps]; !done {
					adopted[ps] = p.Description
				}
			}
			walk(p.Schema)
		}
		walk(s.Items)
		walk(s.AdditionalProperties)
	}
	for _, op := range ops {
		for _, p := range op.params {
			walk(p.Schema)
		}
		if op.RequestBody != nil {
			walk(op.RequestBody.Schema)
		}
		for _, resp := range op.responses {
			if resp.Body != nil {
				walk(resp.Body.Schema)
			}
			for _, h := range resp.headers {
				walk(h.Schema)
			}
		}
	}
	return adopted
}
