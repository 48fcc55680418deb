package top

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
)

// EncodeParams turns a struct (or map) with JSON tags, such as a generated
// client's form request body, into TOP business parameters: each top-level
// member becomes one form field; strings are sent as they are, numbers and
// booleans as their JSON literal, objects and arrays as compact JSON, and
// null/absent members are left out.
//
// It exists because oapi-codegen's form encoder (runtime.MarshalForm) writes
// an object parameter as bracketed fields (param[product_code]=1), while TOP
// wants the whole object as JSON in one field (param={"product_code":"1"}).
// Numbers go through json.Number, so 64-bit ids keep every digit.
func EncodeParams(v any) (url.Values, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("top: encode params: %w", err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		return nil, fmt.Errorf("top: encode params: %T is not a JSON object", v)
	}
	form := make(url.Values, len(members))
	for name, m := range members {
		switch firstByte(m) {
		case 'n': // null
			continue
		case '"':
			var s string
			if err := json.Unmarshal(m, &s); err != nil {
				return nil, fmt.Errorf("top: encode params: field %q: %w", name, err)
			}
			form.Set(name, s)
		case '{', '[':
			var buf bytes.Buffer
			if err := json.Compact(&buf, m); err != nil {
				return nil, fmt.Errorf("top: encode params: field %q: %w", name, err)
			}
			form.Set(name, buf.String())
		default: // number, true, false
			form.Set(name, string(m))
		}
	}
	return form, nil
}
