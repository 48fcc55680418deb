package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// normalizeJSON brings an example into the one shape the validator and the
// writer understand: map[string]any, []any, string, json.Number, bool, nil.
// Readers may hand over float64, ints or their own map types.
func normalizeJSON(v any) (any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// exampleError says where in an example value it stops matching its schema.
type exampleError struct {
	Path   string // JSON path, e.g. "$.servers[0].id"
	Reason string
}

func (e *exampleError) Error() string { return e.Path + ": " + e.Reason }

// maxExampleErrors bounds how many disagreements one example's warning
// names: enough to fix a page in one pass, and a hostile example costs no
// more than that.
const maxExampleErrors = 5

// exampleCheck collects where an example stops matching its schema, up to
// maxExampleErrors places; more reports that there were others.
type exampleCheck struct {
	errs    []*exampleError
	more    bool
	members memberIndex
}

// memberIndex finds, for an object schema and an example object, the
// properties a walk of the example must visit: those the example has and
// the required ones, in the schema's order. Visiting every property of
// every element instead costs elements × properties: a 5000-row table
// whose example holds 5000 one-member elements took seconds.
type memberIndex map[*model.Schema]*schemaMembers

type schemaMembers struct {
	pos      map[string]int // by valid(name)
	required []int
}

func (ix memberIndex) of(s *model.Schema) *schemaMembers {
	m := ix[s]
	if m == nil {
		m = &schemaMembers{pos: make(map[string]int, len(s.Properties))}
		for i, p := range s.Properties {
			if p == nil {
				continue
			}
			if _, dup := m.pos[valid(p.Name)]; !dup {
				m.pos[valid(p.Name)] = i
			}
			if p.Required {
				m.required = append(m.required, i)
			}
		}
		ix[s] = m
	}
	return m
}

// has reports whether s lists the example member name.
func (ix memberIndex) has(s *model.Schema, name string) bool {
	_, ok := ix.of(s).pos[name]
	return ok
}

func (ix memberIndex) visit(s *model.Schema, obj map[string]any) []*model.Property {
	m := ix.of(s)
	at := slices.Clone(m.required)
	for k := range obj {
		if i, ok := m.pos[k]; ok {
			at = append(at, i)
		}
	}
	slices.Sort(at)
	at = slices.Compact(at)
	out := make([]*model.Property, len(at))
	for j, i := range at {
		out[j] = s.Properties[i]
	}
	return out
}

func (c *exampleCheck) add(e *exampleError) {
	if e == nil {
		return
	}
	if len(c.errs) == maxExampleErrors {
		c.more = true
		return
	}
	c.errs = append(c.errs, e)
}

func (c *exampleCheck) full() bool { return c.more }

// String names every place, the places of one reason together:
// "$.a, $.b: the tables list no such member; $.c: expected integer, got
// string "x"", with "; and more" past the bound.
func (c *exampleCheck) String() string {
	var reasons []string
	paths := map[string][]string{}
	for _, e := range c.errs {
		if paths[e.Reason] == nil {
			reasons = append(reasons, e.Reason)
		}
		paths[e.Reason] = append(paths[e.Reason], e.Path)
	}
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = strings.Join(paths[r], ", ") + ": " + r
	}
	out := strings.Join(parts, "; ")
	if c.more {
		out += "; and more"
	}
	return out
}

// validateExample checks a normalized value against s with the rules
// kin-openapi applies to examples (types, integer vs number, the formats it
// checks by default, required properties, enum, nullable), so an example
// that passes here does not make the emitted document invalid. A member the
// tables do not list is refused too, though OpenAPI would allow it: the
// generated types would drop it, so the example and its table disagree
// (a misspelt or undocumented field) and the page should say which is right.
// It names every place that disagrees, up to maxExampleErrors: the page
// is fixed in one pass, not one member a run.
func validateExample(s *model.Schema, v any, path string, members memberIndex) *exampleCheck {
	c := &exampleCheck{members: members}
	c.value(s, v, path)
	if len(c.errs) == 0 {
		return nil
	}
	return c
}

func (c *exampleCheck) value(s *model.Schema, v any, path string) {
	if s == nil || c.full() {
		return
	}
	if v == nil {
		if !s.Nullable {
			c.add(&exampleError{path, "null is not allowed (schema is not nullable)"})
		}
		return
	}
	if allowed, err := enumValues(s); err == nil && len(allowed) > 0 && !enumContains(allowed, v) {
		c.add(&exampleError{path, fmt.Sprintf("%s is not one of the enum values %q", describe(v), s.Enum)})
		return
	}
	switch s.Type {
	case model.TypeString:
		c.add(validateString(s, v, path))
	case model.TypeInteger, model.TypeNumber:
		c.add(validateNumber(s, v, path))
	case model.TypeBoolean:
		if _, ok := v.(bool); !ok {
			c.add(mismatch(path, "boolean", v))
		}
	case model.TypeObject:
		c.object(s, v, path)
	case model.TypeArray:
		items, ok := v.([]any)
		if !ok {
			c.add(mismatch(path, "array", v))
			return
		}
		for i, item := range items {
			if c.full() {
				return
			}
			c.value(s.Items, item, fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

// dropNullMembers deletes from a normalized value the members that are null
// where s has an optional property that is not nullable, and returns their
// paths. Pages write "deleted_at": null for a value that is absent; the
// rest of the example is still worth keeping.
func dropNullMembers(s *model.Schema, v any, path string, dropped []string, members memberIndex) []string {
	if s == nil {
		return dropped
	}
	switch x := v.(type) {
	case map[string]any:
		for _, p := range members.visit(s, x) {
			key := valid(p.Name)
			value, present := x[key]
			switch {
			case !present:
			case value == nil && !p.Required && p.Schema != nil && !p.Schema.Nullable:
				delete(x, key)
				dropped = append(dropped, path+"."+p.Name)
			default:
				dropped = dropNullMembers(p.Schema, value, path+"."+p.Name, dropped, members)
			}
		}
	case []any:
		for i, item := range x {
			dropped = dropNullMembers(s.Items, item, fmt.Sprintf("%s[%d]", path, i), dropped, members)
		}
	}
	return dropped
}

func validateString(s *model.Schema, v any, path string) *exampleError {
	str, ok := v.(string)
	if !ok {
		return mismatch(path, "string", v)
	}
	// kin-openapi counts characters, not bytes.
	if n := utf8.RuneCountInString(str); s.MaxLength > 0 && n > s.MaxLength {
		return &exampleError{path, fmt.Sprintf("%d characters is longer than maxLength %d", n, s.MaxLength)}
	} else if n < s.MinLength {
		return &exampleError{path, fmt.Sprintf("%d characters is shorter than minLength %d", n, s.MinLength)}
	}
	if reason := stringFormatError(s.Format, str); reason != "" {
		return &exampleError{path, fmt.Sprintf("%q is not a valid %s: %s", str, s.Format, reason)}
	}
	return nil
}

func validateNumber(s *model.Schema, v any, path string) *exampleError {
	num, ok := v.(json.Number)
	if !ok {
		return mismatch(path, s.Type, v)
	}
	f, err := num.Float64()
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return &exampleError{path, fmt.Sprintf("%s is not a finite number", num)}
	}
	if lo := finite(s.Minimum); lo != nil && f < *lo {
		return &exampleError{path, fmt.Sprintf("%s is below the minimum %v", num, *lo)}
	}
	if hi := finite(s.Maximum); hi != nil && f > *hi {
		return &exampleError{path, fmt.Sprintf("%s is above the maximum %v", num, *hi)}
	}
	if s.Type != model.TypeInteger {
		return nil
	}
	if !big.NewFloat(f).IsInt() {
		return &exampleError{path, fmt.Sprintf("%s is not an integer", num)}
	}
	switch {
	case s.Format == "int32" && (f < math.MinInt32 || f > math.MaxInt32):
		return &exampleError{path, fmt.Sprintf("%s is out of int32 range", num)}
	case s.Format == "int64" && (f < math.MinInt64 || f > math.MaxInt64):
		return &exampleError{path, fmt.Sprintf("%s is out of int64 range", num)}
	}
	return nil
}

func (c *exampleCheck) object(s *model.Schema, v any, path string) {
	obj, ok := v.(map[string]any)
	if !ok {
		c.add(mismatch(path, "object", v))
		return
	}
	if s.AdditionalProperties != nil {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			if !c.members.has(s, k) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			c.value(s.AdditionalProperties, obj[k], path+"."+k)
		}
	}
	for _, p := range c.members.visit(s, obj) {
		if c.full() {
			continue
		}
		value, present := obj[valid(p.Name)]
		if !present {
			if p.Required {
				c.add(&exampleError{path + "." + p.Name, "required, but missing from the example"})
			}
			continue
		}
		c.value(p.Schema, value, path+"."+p.Name)
	}
	if s.AdditionalProperties == nil && !s.FreeForm && len(s.Properties) > 0 {
		for _, k := range c.members.unlisted(s, obj) {
			c.add(&exampleError{path + "." + k, "the tables list no such member (misspelt, or missing from the table)"})
		}
	}
}

// unlisted returns the members of obj, in sorted order, that s does not
// list.
func (ix memberIndex) unlisted(s *model.Schema, obj map[string]any) []string {
	var out []string
	for k := range obj {
		if !ix.has(s, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func mismatch(path, want string, v any) *exampleError {
	return &exampleError{path, fmt.Sprintf("expected %s, got %s", want, describe(v))}
}

// describe names a value's JSON type, with the value when it is short.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) > 40 {
			return "string"
		}
		return fmt.Sprintf("string %q", v)
	case json.Number:
		return "number " + v.String()
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// The string formats kin-openapi checks by default, with its patterns.
var (
	bytePattern     = regexp.MustCompile(`(^$|^[a-zA-Z0-9+/\-_]*=*$)`)
	datePattern     = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|10|11|12)-(0[1-9]|[12][0-9]|3[01])$`)
	dateTimePattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|10|11|12)-(0[1-9]|[12][0-9]|3[01])T([0-1][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)([0-1][0-9]|2[0-3]):[0-5][0-9])$`)
)

// stringFormatError returns why str does not match format, or "".
func stringFormatError(format, str string) string {
	var pattern *regexp.Regexp
	switch format {
	case "byte":
		pattern = bytePattern
	case "date":
		pattern = datePattern
	case "date-time":
		pattern = dateTimePattern
	default:
		return ""
	}
	if !pattern.MatchString(str) {
		return "does not match " + pattern.String()
	}
	if format != "byte" {
		if _, err := time.Parse(time.DateOnly, str[:len(time.DateOnly)]); err != nil {
			return "no such day"
		}
	}
	return ""
}

// enumValues types the page's enum strings by the schema type, so an integer
// enum is written (and compared) as numbers.
func enumValues(s *model.Schema) ([]any, error) {
	values := make([]any, 0, len(s.Enum))
	for _, text := range s.Enum {
		v, err := typedEnumValue(s.Type, text)
		if err != nil {
			return nil, err
		}
		values = append(values, v)
	}
	return values, nil
}

func typedEnumValue(typ, text string) (any, error) {
	switch typ {
	case model.TypeInteger:
		if _, ok := new(big.Int).SetString(strings.TrimSpace(text), 10); !ok {
			return nil, fmt.Errorf("enum value %q is not an integer", text)
		}
		return json.Number(strings.TrimSpace(text)), nil
	case model.TypeNumber:
		if _, err := strconv.ParseFloat(strings.TrimSpace(text), 64); err != nil {
			return nil, fmt.Errorf("enum value %q is not a number", text)
		}
		return json.Number(strings.TrimSpace(text)), nil
	case model.TypeBoolean:
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("enum value %q is not a boolean", text)
		}
		return b, nil
	case model.TypeString, model.TypeAny:
		return valid(text), nil
	}
	return nil, fmt.Errorf("enum is not supported for type %s", typ)
}

func enumContains(allowed []any, v any) bool {
	for _, a := range allowed {
		if sameJSONValue(a, v) {
			return true
		}
	}
	return false
}

// sameJSONValue compares scalars the way kin-openapi does: numbers by value.
func sameJSONValue(a, b any) bool {
	an, aIsNumber := a.(json.Number)
	bn, bIsNumber := b.(json.Number)
	if aIsNumber || bIsNumber {
		if !aIsNumber || !bIsNumber {
			return false
		}
		af, errA := an.Float64()
		bf, errB := bn.Float64()
		return errA == nil && errB == nil && af == bf
	}
	return a == b
}
