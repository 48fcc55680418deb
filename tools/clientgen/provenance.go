package main

import (
	"encoding/json"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/docapi/docapi/tools/internal/ext"
)

// addProvenance ends the description of every schema, property, parameter
// and operation that has an x-docapi-source with a "Source: ..." paragraph,
// in the loaded spec only (the file stays language-neutral), so the doc
// comments oapi-codegen writes from those descriptions end with the page
// line the node came from.
//
// A property that is a $ref gets, from oapi-codegen, the referenced
// schema's description as its comment; the property gets a copy of that
// schema whose description ends with the row's source, where docparse
// wrote it beside the $ref, else with the referenced table's.
// Those copies break pointer identity between a property and the component
// it refers to: run passes that rely on it first.
func addProvenance(spec *openapi3.T) {
	p := &provenance{
		seen:   map[*openapi3.Schema]bool{},
		unsaid: map[*openapi3.Schema]string{},
		params: map[*openapi3.Parameter]bool{},
		is31:   spec.IsOpenAPI31OrLater(),
	}
	if spec.Components != nil {
		for name, r := range spec.Components.Schemas {
			if r != nil && r.Value != nil && r.Ref == "" && strings.TrimSpace(r.Value.Description) == "" {
				// What oapi-codegen says of a component without words,
				// kept before the source.
				p.unsaid[r.Value] = "defines model for " + name + "."
			}
			p.schema(r)
		}
		for _, r := range spec.Components.Parameters {
			p.param(r)
		}
	}
	if spec.Paths != nil {
		for _, item := range spec.Paths.Map() {
			for _, r := range item.Parameters {
				p.param(r)
			}
			for _, op := range item.Operations() {
				p.operation(op)
			}
		}
	}
	// Stamped last, so the copies made for $ref properties start from the
	// referenced schema's own words.
	for _, s := range p.own {
		if src := source(s.Extensions); src != "" {
			if said, ok := p.unsaid[s]; ok {
				s.Description = said
			}
			p.stamp(s, src)
		}
	}
}

type provenance struct {
	seen   map[*openapi3.Schema]bool
	own    []*openapi3.Schema // schemas whose own source ends their description
	unsaid map[*openapi3.Schema]string
	params map[*openapi3.Parameter]bool
	is31   bool // examples are a list oapi-codegen words otherwise
}

func (p *provenance) operation(op *openapi3.Operation) {
	for _, r := range op.Parameters {
		p.param(r)
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		for _, mt := range op.RequestBody.Value.Content {
			p.schema(mt.Schema)
		}
	}
	if op.Responses != nil {
		for _, r := range op.Responses.Map() {
			if r.Value != nil {
				for _, mt := range r.Value.Content {
					p.schema(mt.Schema)
				}
			}
		}
	}
	if src := source(op.Extensions); src != "" {
		// oapi-codegen leaves out a description that repeats the summary;
		// the source alone is then what it writes.
		if strings.TrimSpace(op.Description) == strings.TrimSpace(op.Summary) {
			op.Description = ""
		}
		op.Description = withSource(op.Description, src)
	}
}

func (p *provenance) param(r *openapi3.ParameterRef) {
	if r == nil || r.Value == nil || p.params[r.Value] {
		return
	}
	p.params[r.Value] = true
	r.Value.Description = withSource(r.Value.Description, source(r.Value.Extensions))
	p.schema(r.Value.Schema)
}

// schema visits an inline schema or a component's definition; a $ref is
// visited where the component is defined.
func (p *provenance) schema(r *openapi3.SchemaRef) {
	if r == nil || r.Value == nil || r.Ref != "" || p.seen[r.Value] {
		return
	}
	s := r.Value
	p.seen[s] = true
	p.own = append(p.own, s)
	for _, prop := range s.Properties {
		if prop == nil || prop.Value == nil {
			continue
		}
		if prop.Ref == "" {
			p.schema(prop)
			continue
		}
		// A copy, so the field's comment does not change with the
		// component's: it ends with the row's source where docparse
		// wrote one beside the $ref, else with the component's.
		cp := *prop.Value
		src := source(prop.Extensions)
		if src == "" {
			src = source(cp.Extensions)
		}
		p.stamp(&cp, src)
		prop.Value = &cp
	}
	for _, sub := range [][]*openapi3.SchemaRef{s.AllOf, s.AnyOf, s.OneOf, {s.Items, s.AdditionalProperties.Schema, s.Not}} {
		for _, r := range sub {
			if r != nil && r.Ref == "" {
				p.schema(r)
			}
		}
	}
}

// stamp ends s's description with src. oapi-codegen writes a schema's
// example after its description ("Example: ..."), which would follow the
// source; the example goes into the description first, as oapi-codegen
// words it (OpenAPI 3.0's one example; docparse writes 3.0).
func (p *provenance) stamp(s *openapi3.Schema, src string) {
	if src == "" {
		return
	}
	if s.Example != nil && !p.is31 {
		ex, ok := s.Example.(string)
		if !ok {
			b, err := json.Marshal(s.Example)
			if err != nil {
				s.Description = withSource(s.Description, src)
				return
			}
			ex = string(b)
		}
		s.Description = withParagraph(s.Description, "Example: "+ex)
		s.Example = nil
	}
	s.Description = withSource(s.Description, src)
}

// source is a node's x-docapi-source on one line, or "".
func source(exts map[string]any) string {
	s, _ := exts[ext.Source].(string)
	return strings.Join(strings.Fields(s), " ")
}

// withSource ends description with a paragraph naming src.
func withSource(description, src string) string {
	if src == "" {
		return description
	}
	return withParagraph(description, "Source: "+src)
}

func withParagraph(description, para string) string {
	if description = strings.TrimRight(description, " \t\r\n"); description == "" {
		return para
	}
	return description + "\n\n" + para
}
