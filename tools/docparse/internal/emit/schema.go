package emit

import (
	"math"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// use is s where it is used: a reference when s is a component, otherwise
// s itself, converted once however often it is used.
func (r *resolver) use(s *model.Schema) *schemaIR {
	if s == nil {
		return &schemaIR{}
	}
	if c := r.comps.of[s]; c != nil {
		return c.ref
	}
	if r.comps.cut[s] {
		return &schemaIR{}
	}
	if out, ok := r.inline[s]; ok {
		return out // converted already, or being converted: the walk made every self-containing schema a component, so this is only a guard
	}
	if isPlain(s) {
		key := [2]string{s.Type, s.Format}
		if out, ok := r.plain[key]; ok {
			return out
		}
		out := &schemaIR{typ: s.Type, format: s.Format}
		r.plain[key] = out
		return out
	}
	out := &schemaIR{}
	r.inline[s] = out
	r.convert(out, s, s.Description)
	return out
}

// isPlain reports a schema that is only a known type and format, which
// most table rows are: they share one IR node.
func isPlain(s *model.Schema) bool {
	switch s.Type {
	case model.TypeString, model.TypeInteger, model.TypeNumber, model.TypeBoolean:
	default:
		return false
	}
	return s.Description == "" && !s.Nullable && len(s.Enum) == 0 && s.Example == nil && s.Default == nil &&
		s.MaxLength == 0 && s.MinLength == 0 && s.Minimum == nil && s.Maximum == nil && len(s.Constraints) == 0 &&
		!s.FreeForm && !isContainer(s)
}

// component converts the schema written for c.
func (r *resolver) component(c *component) *schemaIR {
	out := &schemaIR{source: c.schema.Loc}
	r.convert(out, c.schema, r.comps.description(c.schema))
	return out
}

// convert fills out with the keywords of s, reporting what cannot be
// written.
func (r *resolver) convert(out *schemaIR, s *model.Schema, description string) {
	typ := s.Type
	if !knownType(typ) {
		r.diags.Warnf(s.Loc, "unknown schema type %q; emitted as any value", typ)
		typ = model.TypeAny
	}
	if s.FreeForm || (s.AdditionalProperties != nil && typ == model.TypeAny) {
		typ = model.TypeObject
	}
	out.typ, out.format = typ, s.Format
	out.description = tidyText(description)
	out.nullable = s.Nullable
	out.enum = r.enum(s)
	if typ == model.TypeObject {
		r.objectKeywords(out, s)
	}
	if typ == model.TypeArray {
		if s.Items == nil {
			r.diags.Warnf(s.Loc, "array without item type; items emitted as any value")
		}
		out.items = r.use(s.Items)
	}
	switch {
	case s.MinLength < 0 || s.MaxLength < 0 || (s.MaxLength > 0 && s.MinLength > s.MaxLength):
		r.diags.Warnf(s.Loc, "length limits %d..%d make no sense; dropped", s.MinLength, s.MaxLength)
	default:
		out.minLength, out.maxLength = s.MinLength, s.MaxLength
	}
	out.minimum, out.maximum = finite(s.Minimum), finite(s.Maximum)
	if (s.Minimum != nil && out.minimum == nil) || (s.Maximum != nil && out.maximum == nil) {
		r.diags.Warnf(s.Loc, "minimum or maximum is not a finite number; dropped")
	}
	if out.minimum != nil && out.maximum != nil && *out.minimum > *out.maximum {
		r.diags.Warnf(s.Loc, "minimum %v is above maximum %v; both dropped", *out.minimum, *out.maximum)
		out.minimum, out.maximum = nil, nil
	}
	for _, c := range s.Constraints {
		if c.Keyword != "" {
			out.constraints = append(out.constraints, c)
		}
	}
	// Default and example are checked against the schema as written, so
	// the keywords above must be final.
	if s.Default != nil {
		out.def, out.hasDefault = r.checkedExample("default", s.Default, s, s.Loc)
	}
	if s.Example != nil {
		out.example, out.hasExample = r.checkedExample("example", s.Example, s, s.Loc)
	}
}

func finite(f *float64) *float64 {
	if f == nil || math.IsInf(*f, 0) || math.IsNaN(*f) {
		return nil
	}
	return f
}

func knownType(t string) bool {
	switch t {
	case model.TypeAny, model.TypeString, model.TypeInteger, model.TypeNumber,
		model.TypeBoolean, model.TypeObject, model.TypeArray:
		return true
	}
	return false
}

// objectKeywords resolves required, properties (in page order) and
// additionalProperties: the value schema of a map, or true for an object
// whose fields the page does not list, so oapi-codegen makes it a map.
func (r *resolver) objectKeywords(out *schemaIR, s *model.Schema) {
	seen := make(map[string]bool, len(s.Properties))
	out.properties = make([]propIR, 0, len(s.Properties))
	for _, p := range s.Properties {
		if p == nil {
			continue
		}
		name := valid(p.Name)
		if name == "" || seen[name] {
			r.diags.Warnf(p.Loc, "property %q is empty or repeated; dropped", p.Name)
			continue
		}
		seen[name] = true
		if p.Required {
			out.required = append(out.required, name)
		}
		prop := propIR{name: name, schema: r.use(p.Schema), source: &p.Loc}
		if prop.schema.ref == "" {
			prop.description = p.Description
			if prop.description == "" && p.Schema != nil {
				prop.description = p.Schema.Description
			}
			prop.description = tidyText(prop.description)
		}
		out.properties = append(out.properties, prop)
	}
	switch {
	case s.AdditionalProperties != nil:
		out.additional = r.use(s.AdditionalProperties)
	case s.FreeForm:
		out.additionalAny = true
	}
}

// enum types the page's enum values by the schema type, or drops them
// with a warning when they do not fit it.
func (r *resolver) enum(s *model.Schema) []any {
	if len(s.Enum) == 0 {
		return nil
	}
	values, err := enumValues(s)
	if err != nil {
		r.diags.Warnf(s.Loc, "%v; enum dropped", err)
		return nil
	}
	return values
}

// checkedExample normalizes and validates an example (or default) of a
// value described by s; it reports whether it may be written and warns at
// at when not.
func (r *resolver) checkedExample(what string, value any, s *model.Schema, at model.Loc) (any, bool) {
	normalized, err := normalizeJSON(value)
	if err != nil {
		r.diags.Warnf(at, "%s dropped: not a JSON value: %v", what, err)
		return nil, false
	}
	if depth := valueDepth(normalized, 0); depth > MaxNesting {
		r.diags.Warnf(at, "%s dropped: nested deeper than %d levels", what, MaxNesting)
		return nil, false
	}
	members := memberIndex{}
	nulls := dropNullMembers(s, normalized, "$", nil, members)
	if bad := validateExample(s, normalized, "$", members); bad != nil {
		r.diags.Warnf(at, "%s dropped: %s", what, bad)
		return nil, false
	}
	for _, path := range nulls {
		r.diags.Notef(at, "%s: %s is null, but the property is optional and not nullable (OpenAPI 3.0 has no null there); left out of the %s", what, path, what)
	}
	return normalized, true
}

// valueDepth is how deeply a normalized value nests, stopping early once
// past MaxNesting.
func valueDepth(v any, depth int) int {
	if depth > MaxNesting {
		return depth
	}
	deepest := depth
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			deepest = max(deepest, valueDepth(item, depth+1))
		}
	case map[string]any:
		for _, item := range v {
			deepest = max(deepest, valueDepth(item, depth+1))
		}
	}
	return deepest
}
