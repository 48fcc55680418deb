package emit

import (
	yaml "go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

const componentSchemaPrefix = "#/components/schemas/"

// schemaRef writes s where it is used: a $ref when s is a component,
// otherwise the schema itself. description, when not empty, replaces the
// schema's own on an inline schema (a property's description belongs on
// its schema); OpenAPI 3.0 ignores siblings of $ref, so a component
// reference carries none.
func (e *emitter) schemaRef(s *model.Schema, description string) *yaml.Node {
	if s == nil {
		m := newMapping()
		m.setText("description", description)
		return m.node
	}
	if name := e.names.componentOf(s); name != "" {
		m := newMapping()
		m.set("$ref", plainString(componentSchemaPrefix+name))
		return m.node
	}
	if e.inline[s] {
		// The namer makes every self-containing schema a component, so this
		// is only a guard against looping forever.
		return newMapping().node
	}
	e.inline[s] = true
	defer delete(e.inline, s)
	if description == "" {
		description = s.Description
	}
	return e.schemaBody(s, description)
}

// schemaBody writes the keywords of s itself.
func (e *emitter) schemaBody(s *model.Schema, description string) *yaml.Node {
	m := newMapping()
	typ := s.Type
	if !knownType(typ) {
		e.diags.Warnf(s.Loc, "unknown schema type %q; emitted as any value", typ)
		typ = model.TypeAny
	}
	if s.FreeForm {
		typ = model.TypeObject
	}
	if typ != model.TypeAny {
		m.set("type", plainString(typ))
	}
	m.setText("format", s.Format)
	m.setText("description", description)
	if s.Nullable {
		m.set("nullable", boolNode(true))
	}
	m.set("enum", e.enumNode(s))
	if typ == model.TypeObject {
		e.objectKeywords(m, s)
	}
	if typ == model.TypeArray {
		if s.Items == nil {
			e.diags.Warnf(s.Loc, "array without item type; items emitted as any value")
		}
		m.set("items", e.schemaRef(s.Items, ""))
	}
	if s.Example != nil {
		if value, ok := e.checkedExample(s.Example, s, s.Loc); ok {
			m.set("example", valueNode(value))
		}
	}
	return m.node
}

func knownType(t string) bool {
	switch t {
	case model.TypeAny, model.TypeString, model.TypeInteger, model.TypeNumber,
		model.TypeBoolean, model.TypeObject, model.TypeArray:
		return true
	}
	return false
}

// objectKeywords writes required, properties (in page order) and, for an
// object whose fields the page does not list, additionalProperties: true so
// oapi-codegen makes it a map.
func (e *emitter) objectKeywords(m mapping, s *model.Schema) {
	props := newMapping()
	var required []*yaml.Node
	seen := make(map[string]bool)
	for _, p := range s.Properties {
		if p == nil {
			continue
		}
		if p.Name == "" || seen[p.Name] {
			e.diags.Warnf(p.Loc, "property %q is empty or repeated; dropped", p.Name)
			continue
		}
		seen[p.Name] = true
		if p.Required {
			required = append(required, plainString(p.Name))
		}
		props.set(p.Name, e.schemaRef(p.Schema, p.Description))
	}
	if len(required) > 0 {
		m.set("required", sequence(required...))
	}
	m.setMapping("properties", props)
	if s.FreeForm {
		m.set("additionalProperties", boolNode(true))
	}
}

// enumNode writes the enum typed by the schema type, or nil when the page's
// values do not fit the type.
func (e *emitter) enumNode(s *model.Schema) *yaml.Node {
	if len(s.Enum) == 0 {
		return nil
	}
	values, err := enumValues(s)
	if err != nil {
		e.diags.Warnf(s.Loc, "%v; enum dropped", err)
		return nil
	}
	seq := sequence()
	for _, v := range values {
		seq.Content = append(seq.Content, valueNode(v))
	}
	return seq
}

// checkedExample normalizes and validates an example of a value described
// by s; it reports whether the example may be emitted and warns at the
// example's location when not.
func (e *emitter) checkedExample(value any, s *model.Schema, at model.Loc) (any, bool) {
	normalized, err := normalizeJSON(value)
	if err != nil {
		e.diags.Warnf(at, "example dropped: not a JSON value: %v", err)
		return nil, false
	}
	if bad := validateExample(s, normalized, "$"); bad != nil {
		e.diags.Warnf(at, "example dropped: %s: %s", bad.Path, bad.Reason)
		return nil, false
	}
	return normalized, true
}
