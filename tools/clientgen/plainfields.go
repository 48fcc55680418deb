package main

import "github.com/getkin/kin-openapi/openapi3"

// extSkipOptionalPointer is oapi-codegen's per-field switch for an optional
// field without a pointer.
const extSkipOptionalPointer = "x-go-type-skip-optional-pointer"

// plainResponseFields marks, in the loaded spec, the optional scalar
// properties (strings, numbers, booleans, enums of them) of every schema
// that only responses use, so that oapi-codegen declares them as values,
// not pointers: decoding a response then allocates once per string instead
// of once more per field, and callers read r.Name, not *r.Name. A schema
// that a request body or parameter can reach keeps its pointers, since a
// request must be able to send false, 0 or "" apart from leaving a field
// out. It returns how many properties it marked.
//
// The marks go beside the property (a $ref's sibling extensions), never on
// a shared component, and only into the spec in memory: the spec files
// stay language-neutral.
func plainResponseFields(spec *openapi3.T) int {
	inRequests := map[*openapi3.Schema]bool{}
	inResponses := map[*openapi3.Schema]bool{}
	for _, item := range spec.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range append(item.Parameters, op.Parameters...) {
				if p.Value != nil {
					reach(p.Value.Schema, inRequests)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					reach(mt.Schema, inRequests)
				}
			}
			if op.Responses == nil {
				continue
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value == nil {
					continue
				}
				for _, mt := range resp.Value.Content {
					reach(mt.Schema, inResponses)
				}
			}
		}
	}
	marked := 0
	for s := range inResponses {
		if inRequests[s] {
			continue
		}
		required := map[string]bool{}
		for _, name := range s.Required {
			required[name] = true
		}
		for name, prop := range s.Properties {
			if required[name] || prop == nil || prop.Value == nil || !isScalar(prop.Value) || prop.Value.Nullable {
				continue
			}
			_, beside := prop.Extensions[extSkipOptionalPointer]
			_, within := prop.Value.Extensions[extSkipOptionalPointer]
			if beside || within {
				continue // the spec decided
			}
			if prop.Extensions == nil {
				prop.Extensions = map[string]any{}
			}
			prop.Extensions[extSkipOptionalPointer] = true
			marked++
		}
	}
	return marked
}

// reach adds every schema reachable from ref to seen.
func reach(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	for _, p := range s.Properties {
		reach(p, seen)
	}
	reach(s.Items, seen)
	reach(s.AdditionalProperties.Schema, seen)
	reach(s.Not, seen)
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, r := range list {
			reach(r, seen)
		}
	}
}

// isScalar reports a schema oapi-codegen writes as a Go string, number or
// bool type (or a named type of one, such as an enum).
func isScalar(s *openapi3.Schema) bool {
	if s.Type == nil || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 {
		return false
	}
	for _, t := range []string{openapi3.TypeString, openapi3.TypeInteger, openapi3.TypeNumber, openapi3.TypeBoolean} {
		if s.Type.Is(t) {
			return true
		}
	}
	return false
}
