package model

import (
	"encoding/json"
	"sort"
)

// MaxExampleElements bounds how many elements of an example's array are
// read for its items: documentation shows a few, and a hostile example of
// 10⁶ elements each with new members must not cost their square.
const MaxExampleElements = 64

// InferSchema derives a schema from an example value, for bodies a page
// shows only by example. Object keys come out sorted, since decoded JSON
// keeps no order. An array's items unite what all its elements show, so a
// member only the second element carries is still a field, and [1, 2.5]
// holds numbers (of the first MaxExampleElements elements).
func InferSchema(v any, at Loc) *Schema {
	s := &Schema{Loc: at}
	switch x := v.(type) {
	case map[string]any:
		s.Type = TypeObject
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s.Properties = append(s.Properties, &Property{Loc: at, Name: k, Schema: InferSchema(x[k], at)})
		}
	case []any:
		s.Type = TypeArray
		var items *Schema
		nulls := false
		for _, e := range x[:min(len(x), MaxExampleElements)] {
			if e == nil {
				nulls = true
				continue
			}
			items = Unite(items, InferSchema(e, at))
		}
		if items == nil {
			items = &Schema{Loc: at, Type: TypeAny}
		} else if nulls && items.Type != TypeAny {
			items.Nullable = true
		}
		s.Items = items
	case string:
		s.Type = TypeString
	case bool:
		s.Type = TypeBoolean
	case json.Number:
		if _, err := x.Int64(); err == nil {
			s.Type = TypeInteger
		} else {
			s.Type, s.Format = TypeNumber, "double" // oapi-codegen's float32 would round it
		}
	case float64:
		if x == float64(int64(x)) {
			s.Type = TypeInteger
		} else {
			s.Type, s.Format = TypeNumber, "double"
		}
	case int, int64:
		s.Type = TypeInteger
	default: // null or unknown: any value
		s.Type = TypeAny
	}
	return s
}

// Unite returns a schema that accepts what a and b (both inferred) accept:
// objects keep every member of both, arrays unite their items, an integer
// and a number are a number, and any other mismatch is any value. It may
// reuse and change a.
func Unite(a, b *Schema) *Schema {
	switch {
	case a == nil:
		return b
	case a.Type == TypeInteger && b.Type == TypeNumber:
		return b
	case a.Type == TypeNumber && b.Type == TypeInteger:
		return a
	case a.Type != b.Type:
		return &Schema{Loc: a.Loc, Type: TypeAny}
	}
	switch a.Type {
	case TypeObject:
		byName := make(map[string]*Property, len(a.Properties))
		for _, p := range a.Properties {
			byName[p.Name] = p
		}
		added := false
		for _, p := range b.Properties {
			if q, ok := byName[p.Name]; ok {
				q.Schema = Unite(q.Schema, p.Schema)
				continue
			}
			a.Properties = append(a.Properties, p)
			added = true
		}
		if added {
			sort.Slice(a.Properties, func(i, j int) bool { return a.Properties[i].Name < a.Properties[j].Name })
		}
	case TypeArray:
		a.Nullable = a.Nullable || b.Nullable
		if a.Items.Type == TypeAny && len(a.Items.Properties) == 0 {
			a.Items = b.Items // an empty array says nothing about its items
		} else if b.Items.Type != TypeAny {
			a.Items = Unite(a.Items, b.Items)
		}
	}
	return a
}
