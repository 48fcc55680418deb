package top

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
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
	ps, err := encodeParams(v)
	if err != nil {
		return nil, err
	}
	form := make(url.Values, len(ps))
	for _, p := range ps {
		form.Set(p.name, p.value)
	}
	return form, nil
}

// encodeParams is EncodeParams as parameters sorted by name, the form the
// Transport signs. It walks json.Marshal's output once: that output is valid
// and compact (Marshal compacts what MarshalJSON methods return), so objects
// and lists travel as they are.
func encodeParams(v any) ([]param, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("top: encode params: %w", err)
	}
	if string(raw) == "null" {
		return nil, nil
	}
	ps := make([]param, 0, 8)
	isObject, err := jsonMembers(raw, func(name string, m []byte) error {
		switch m[0] {
		case 'n': // null
			return nil
		case '"':
			s, ok := unquote(m)
			if !ok {
				return fmt.Errorf("top: encode params: field %q: not a string", name)
			}
			ps = append(ps, param{name, s})
		case '[':
			list, isScalar, err := scalarList(m)
			if err != nil {
				return fmt.Errorf("top: encode params: field %q: %w", name, err)
			}
			if !isScalar {
				ps = append(ps, param{name, string(m)})
			} else if list != "" {
				ps = append(ps, param{name, list})
			}
		default: // object, number, true, false
			ps = append(ps, param{name, string(m)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !isObject {
		return nil, fmt.Errorf("top: encode params: %T is not a JSON object", v)
	}
	// A member named twice (only a MarshalJSON method can do that) keeps
	// its last value, as decoding into a map would.
	slices.SortStableFunc(ps, func(a, b param) int { return cmp.Compare(a.name, b.name) })
	out := ps[:0]
	for i, p := range ps {
		if i+1 < len(ps) && ps[i+1].name == p.name {
			continue
		}
		out = append(out, p)
	}
	return out, nil
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

// The helpers below walk JSON that is already known to be valid or that a
// full decoder checks afterwards; they only find where members and values
// begin and end, and report false (never panic) on anything else.

// jsonMembers calls fn with the name and raw value of each member of the
// JSON object raw, in order. isObject is false when raw is not an object.
func jsonMembers(raw []byte, fn func(name string, value []byte) error) (isObject bool, err error) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return false, nil
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return skipSpace(raw, i+1) == len(raw), nil
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return false, nil
		}
		end := skipString(raw, i)
		if end < 0 {
			return false, nil
		}
		name, ok := unquote(raw[i:end])
		if !ok {
			return false, nil
		}
		i = skipSpace(raw, end)
		if i >= len(raw) || raw[i] != ':' {
			return false, nil
		}
		i = skipSpace(raw, i+1)
		vend := skipValue(raw, i)
		if vend < 0 {
			return false, nil
		}
		if err := fn(name, raw[i:vend]); err != nil {
			return true, err
		}
		i = skipSpace(raw, vend)
		if i >= len(raw) {
			return false, nil
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case '}':
			return skipSpace(raw, i+1) == len(raw), nil
		default:
			return false, nil
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the JSON string starting at b[i], or
// -1 if it is unterminated.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index after the JSON value starting at b[i], or -1.
// Objects and lists are matched by depth only; a decoder checks the rest.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end := skipString(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	case ',', ':', '}', ']':
		return -1
	}
	j := i
	for j < len(b) {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
		j++
	}
	return j
}

// unquote returns the text of the JSON string q (quotes included); only a
// string with escapes goes through encoding/json.
func unquote(q []byte) (string, bool) {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return "", false
	}
	if bytes.IndexByte(q, '\\') < 0 {
		return string(q[1 : len(q)-1]), true
	}
	var s string
	if err := json.Unmarshal(q, &s); err != nil {
		return "", false
	}
	return s, true
}

// appendForm appends ps in application/x-www-form-urlencoded encoding, as
// url.Values.Encode writes it (in the order given).
func appendForm(dst []byte, ps []param) []byte {
	for i, p := range ps {
		if i > 0 {
			dst = append(dst, '&')
		}
		dst = appendQueryEscape(dst, p.name)
		dst = append(dst, '=')
		dst = appendQueryEscape(dst, p.value)
	}
	return dst
}

// appendQueryEscape appends url.QueryEscape(s) without the intermediate
// string.
func appendQueryEscape(dst []byte, s string) []byte {
	const upperhex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~':
			dst = append(dst, c)
		case c == ' ':
			dst = append(dst, '+')
		default:
			dst = append(dst, '%', upperhex[c>>4], upperhex[c&15])
		}
	}
	return dst
}

// paramBody is the request body Client.Call sends: the business parameters
// themselves, so the Transport signs them without encoding and parsing a
// form in between. Read as a stream it is their form encoding, so any other
// RoundTripper still sees a well-formed body.
type paramBody struct {
	params []param
	r      *bytes.Reader
}

func (b *paramBody) Read(p []byte) (int, error) {
	if b.r == nil {
		b.r = bytes.NewReader(appendForm(nil, b.params))
	}
	return b.r.Read(p)
}

func (b *paramBody) Close() error { return nil }
