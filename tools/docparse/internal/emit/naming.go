package emit

import (
	"strconv"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// namer decides which schemas become components and what they are called.
// It must see schemas in document order (operations in order, parameters,
// request body, responses in status order, properties in order) because the
// first schema to claim a name keeps it.
type namer struct {
	fingerprints *fingerprinter
	taken        map[string]bool          // component names in use, plus names oapi-codegen reserves
	byKey        map[nameKey]string       // identical schemas share one component
	byPointer    map[*model.Schema]string // the component each named schema is emitted as
	components   map[string]*model.Schema // component name -> the schema written for it
	open         map[*model.Schema]string // schemas being walked -> the name hint they entered with
}

type nameKey struct{ base, fingerprint string }

func newNamer(reserved map[string]bool) *namer {
	taken := make(map[string]bool, len(reserved))
	for name := range reserved {
		taken[name] = true
	}
	return &namer{
		fingerprints: newFingerprinter(),
		taken:        taken,
		byKey:        make(map[nameKey]string),
		byPointer:    make(map[*model.Schema]string),
		components:   make(map[string]*model.Schema),
		open:         make(map[*model.Schema]string),
	}
}

// componentOf returns the component name s is emitted as, or "" when s is
// written inline.
func (n *namer) componentOf(s *model.Schema) string { return n.byPointer[s] }

// visit names s and the schemas inside it. synthetic is the component name
// an unnamed root schema gets (e.g. "CreateServerRequestBody"), or "";
// hint is what an unnamed schema would be called should it turn out to
// contain itself.
func (n *namer) visit(s *model.Schema, hint, synthetic string) {
	if s == nil {
		return
	}
	if _, named := n.byPointer[s]; named {
		return
	}
	if entryHint, isOpen := n.open[s]; isOpen {
		// An inline schema cannot contain itself; only a component can refer
		// back to itself, so this one becomes a component after all.
		n.assign(s, "", entryHint, "")
		return
	}
	preferred := s.Name
	if preferred == "" {
		preferred = synthetic
	}
	if preferred != "" {
		name, isNew := n.assign(s, preferred, hint, s.Qualifier)
		if !isNew {
			return // an identical schema was walked already
		}
		hint = name
	}
	n.open[s] = hint
	defer delete(n.open, s)
	for _, p := range s.Properties {
		if p != nil {
			n.visit(p.Schema, hint+typeName(p.Name), "")
		}
	}
	n.visit(s.Items, hint+"Item", "")
}

// assign gives s a component name, reusing the name of an identical schema
// with the same preferred name. It reports whether the component is new.
func (n *namer) assign(s *model.Schema, preferred, hint, qualifier string) (string, bool) {
	base := typeName(preferred)
	if base == "" {
		base = typeName(hint)
	}
	if base == "" {
		base = "Schema"
	}
	key := nameKey{base: base, fingerprint: n.fingerprints.of(s)}
	if name, ok := n.byKey[key]; ok {
		n.byPointer[s] = name
		return name, false
	}
	name := n.free(base, qualifier)
	n.taken[name] = true
	n.byKey[key] = name
	n.byPointer[s] = name
	n.components[name] = s
	return name, true
}

// free picks the first unused name among base, Qualifier+base, base2,
// base3, ...
func (n *namer) free(base, qualifier string) string {
	if !n.taken[base] {
		return base
	}
	if q := typeName(qualifier); q != "" && !n.taken[q+base] {
		return q + base
	}
	for i := 2; ; i++ {
		if name := base + strconv.Itoa(i); !n.taken[name] {
			return name
		}
	}
}
