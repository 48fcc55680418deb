package model

import (
	"encoding/json"
	"sort"
)

// InferSchema derives a schema from an example value, for responses a page
// shows only by example. Object keys come out sorted, since decoded JSON
// keeps no order.
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
		if len(x) > 0 {
			s.Items = InferSchema(x[0], at)
		} else {
			s.Items = &Schema{Loc: at, Type: TypeAny}
		}
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
