package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// shape writes a schema compactly: type, object members in braces, array
// items in brackets, a trailing ? when nullable.
func shape(s *Schema) string {
	var b strings.Builder
	var walk func(*Schema)
	walk = func(s *Schema) {
		switch s.Type {
		case TypeAny:
			b.WriteString("any")
		case TypeObject:
			b.WriteString("{")
			for i, p := range s.Properties {
				if i > 0 {
					b.WriteString(" ")
				}
				b.WriteString(p.Name + ":")
				walk(p.Schema)
			}
			b.WriteString("}")
		case TypeArray:
			b.WriteString("[")
			walk(s.Items)
			b.WriteString("]")
		default:
			b.WriteString(s.Type)
		}
		if s.Nullable {
			b.WriteString("?")
		}
	}
	walk(s)
	return b.String()
}

func TestInferSchemaUnitesArrayElements(t *testing.T) {
	for _, c := range []struct{ example, want string }{
		{`{"b":"x","a":1}`, "{a:integer b:string}"},
		{`[{"id":"1"},{"id":"2","name":"n"}]`, "[{id:string name:string}]"},
		{`[1, 2.5]`, "[number]"},
		{`[2.5, 1]`, "[number]"},
		{`[1, "x"]`, "[any]"},
		{`[null, {"a":true}]`, "[{a:boolean}?]"},
		{`[]`, "[any]"},
		{`[[], [1]]`, "[[integer]]"},
		{`[[1], []]`, "[[integer]]"},
		{`[{"t":[]},{"t":[{"k":"v"}]}]`, "[{t:[{k:string}]}]"},
		{`[{"x":{"a":1}},{"x":{"b":2}}]`, "[{x:{a:integer b:integer}}]"},
		{`[{"x":1},{"x":{"b":2}}]`, "[{x:any}]"},
	} {
		d := json.NewDecoder(strings.NewReader(c.example))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if got := shape(InferSchema(v, Loc{})); got != c.want {
			t.Errorf("%s: inferred %s, want %s", c.example, got, c.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"a\n  b\tc", 10, "a b c"},
		{"参数类型说明", 4, "参数类型…"},
		{"abcdef", 6, "abcdef"},
	} {
		if got := Clip(c.in, c.max); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// An array of many elements, each with a member of its own, is read for
// its first MaxExampleElements elements only.
func TestInferSchemaBoundsElements(t *testing.T) {
	elems := make([]any, 10*MaxExampleElements)
	for i := range elems {
		elems[i] = map[string]any{fmt.Sprint("m", i): "v"}
	}
	s := InferSchema(elems, Loc{})
	if n := len(s.Items.Properties); n != MaxExampleElements {
		t.Errorf("items have %d members, want %d", n, MaxExampleElements)
	}
}
