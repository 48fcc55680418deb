package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// node is the JSON shape both sides are reduced to.
type node struct {
	Kind   string // string integer number boolean object array map any
	Fields map[string]*field
	Items  *node // array element or map value
	Enum   []string
	Source string // x-docapi-source of our schema, empty on the SDK side
}

// field is one property of an object node.
type field struct {
	Node     *node
	Required bool
	Source   string
}

// specOp is one operation of our spec.
type specOp struct {
	ID       string
	Method   string
	Path     string // path key with any #fragment removed
	Params   []specParam
	Body     *node
	Response *node
	RespHdrs []string
	Source   string
}

// specParam is one parameter of our operation.
type specParam struct {
	Name     string
	In       string
	Required bool
	Type     *node
	Source   string
}

// loadSpec reads an OpenAPI document written by docparse.
func loadSpec(ctx context.Context, file string) ([]specOp, error) {
	loader := openapi3.NewLoader()
	loader.Context = ctx
	doc, err := loader.LoadFromFile(file)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", file, err)
	}
	var ops []specOp
	keys := make([]string, 0, doc.Paths.Len())
	for k := range doc.Paths.Map() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		item := doc.Paths.Value(key)
		path, _, _ := strings.Cut(key, "#")
		for method, op := range item.Operations() {
			so := specOp{ID: op.OperationID, Method: method, Path: path, Source: source(op.Extensions)}
			params := append(openapi3.Parameters{}, item.Parameters...)
			params = append(params, op.Parameters...)
			for _, pr := range params {
				if pr == nil || pr.Value == nil {
					continue
				}
				p := pr.Value
				sp := specParam{Name: p.Name, In: p.In, Required: p.Required, Source: source(p.Extensions)}
				if p.Schema != nil {
					sp.Type = schemaNode(p.Schema, 0)
				}
				so.Params = append(so.Params, sp)
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				so.Body = contentNode(op.RequestBody.Value.Content)
			}
			so.Response, so.RespHdrs = successResponse(op.Responses)
			ops = append(ops, so)
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		if ops[i].Method != ops[j].Method {
			return ops[i].Method < ops[j].Method
		}
		return ops[i].ID < ops[j].ID
	})
	return ops, nil
}

func source(ext map[string]any) string {
	s, _ := ext["x-docapi-source"].(string)
	return s
}

// contentNode picks the JSON media type, else the only one.
func contentNode(c openapi3.Content) *node {
	if len(c) == 0 {
		return nil
	}
	mt := c.Get("application/json")
	if mt == nil {
		for k, v := range c {
			if strings.Contains(k, "json") || len(c) == 1 {
				mt = v
				break
			}
		}
	}
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return schemaNode(mt.Schema, 0)
}

// successResponse is the body and headers of the lowest 2xx response.
func successResponse(rs *openapi3.Responses) (*node, []string) {
	if rs == nil {
		return nil, nil
	}
	codes := make([]string, 0, rs.Len())
	for code := range rs.Map() {
		if strings.HasPrefix(code, "2") {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		r := rs.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		var hdrs []string
		for h := range r.Value.Headers {
			hdrs = append(hdrs, h)
		}
		sort.Strings(hdrs)
		return contentNode(r.Value.Content), hdrs
	}
	return nil, nil
}

// schemaNode reduces a schema to a node; depth bounds cycles.
func schemaNode(ref *openapi3.SchemaRef, depth int) *node {
	if ref == nil || ref.Value == nil || depth > maxDepth {
		return &node{Kind: "any"}
	}
	s := ref.Value
	n := &node{Source: source(s.Extensions)}
	for _, e := range s.Enum {
		n.Enum = append(n.Enum, fmt.Sprint(e))
	}
	switch {
	case s.Type.Is("string"):
		n.Kind = "string"
	case s.Type.Is("integer"):
		n.Kind = "integer"
	case s.Type.Is("number"):
		n.Kind = "number"
	case s.Type.Is("boolean"):
		n.Kind = "boolean"
	case s.Type.Is("array"):
		n.Kind = "array"
		n.Items = schemaNode(s.Items, depth+1)
	case s.Type.Is("object") || len(s.Properties) > 0 || len(s.AllOf) > 0:
		n.Kind = "object"
		addProps(n, s, depth)
		if len(n.Fields) == 0 && s.AdditionalProperties.Schema != nil {
			n.Kind = "map"
			n.Items = schemaNode(s.AdditionalProperties.Schema, depth+1)
			n.Fields = nil
		} else if len(n.Fields) == 0 && s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has {
			n.Kind = "map"
			n.Items = &node{Kind: "any"}
			n.Fields = nil
		}
	default:
		n.Kind = "any"
	}
	return n
}

// addProps merges the properties of s and of its allOf parts into n.
func addProps(n *node, s *openapi3.Schema, depth int) {
	if n.Fields == nil {
		n.Fields = map[string]*field{}
	}
	req := map[string]bool{}
	for _, r := range s.Required {
		req[r] = true
	}
	for name, p := range s.Properties {
		src := source(p.Extensions)
		if src == "" && p.Value != nil {
			src = source(p.Value.Extensions)
		}
		n.Fields[name] = &field{Node: schemaNode(p, depth+1), Required: req[name], Source: src}
	}
	for _, part := range s.AllOf {
		if part != nil && part.Value != nil && depth <= maxDepth {
			addProps(n, part.Value, depth+1)
		}
	}
}
