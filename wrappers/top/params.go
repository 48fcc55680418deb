package top

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// EncodeParams turns a struct (or map) with JSON tags, such as a generated
// client's form request body, into TOP business parameters: each top-level
// member becomes one form field; strings are sent as they are, numbers and
// booleans as their JSON literal, objects as compact JSON, and null/absent
// members and empty lists are left out. A list of strings, numbers or
// booleans (a "String []" or "Number []" parameter) is sent as TOP takes it,
// comma-separated ("1,2"); a list holding objects travels as compact JSON,
// like an object.
//
// It exists because oapi-codegen's form encoder (runtime.MarshalForm) writes
// an object parameter as bracketed fields (param[product_code]=1), while TOP
// wants the whole object as JSON in one field (param={"product_code":"1"}),
// and a list as repeated fields (ids=1&ids=2), which the gateway does not
// read as a list. Numbers keep their JSON text, so 64-bit ids keep every
// digit.
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
		case '[':
			list, isScalar, err := scalarList(m)
			if err != nil {
				return nil, fmt.Errorf("top: encode params: field %q: %w", name, err)
			}
			if isScalar {
				if list != "" {
					form.Set(name, list)
				}
				continue
			}
			var buf bytes.Buffer
			if err := json.Compact(&buf, m); err != nil {
				return nil, fmt.Errorf("top: encode params: field %q: %w", name, err)
			}
			form.Set(name, buf.String())
		case '{':
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

// scalarList joins a JSON array of strings, numbers and booleans with
// commas. isScalar is false when an item is an object or array (the list
// then travels as JSON). A string item holding a comma, or a null item,
// cannot be sent as a TOP list and is an error; the message names neither
// the value nor its neighbours.
func scalarList(m json.RawMessage) (list string, isScalar bool, err error) {
	var items []json.RawMessage
	if err := json.Unmarshal(m, &items); err != nil {
		return "", false, errors.New("not a JSON array")
	}
	parts := make([]string, 0, len(items))
	for i, it := range items {
		switch firstByte(it) {
		case '{', '[':
			return "", false, nil
		case 'n':
			return "", false, fmt.Errorf("item %d is null", i)
		case '"':
			var s string
			if err := json.Unmarshal(it, &s); err != nil {
				return "", false, fmt.Errorf("item %d: not a string", i)
			}
			if strings.Contains(s, ",") {
				return "", false, fmt.Errorf("item %d contains a comma, which TOP's comma-separated lists cannot carry", i)
			}
			parts = append(parts, s)
		default:
			parts = append(parts, string(bytes.TrimSpace(it)))
		}
	}
	return strings.Join(parts, ","), true, nil
}
