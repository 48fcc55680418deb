package yamlw

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// doc writes {key: value, list: [value, [value]], nested: {value: {}}, empty: []}.
func doc(key, value string) ([]byte, error) {
	var buf bytes.Buffer
	w := New(&buf)
	w.BeginMap()
	w.Key(key)
	w.String(value)
	w.Key("list")
	w.BeginSeq()
	w.String(value)
	w.BeginSeq()
	w.String(value)
	w.EndSeq()
	w.BeginMap()
	w.Key(value)
	w.String(value)
	w.Key("number")
	w.Number("-1.5e+30")
	w.EndMap()
	w.EndSeq()
	w.Key("nested")
	w.BeginMap()
	w.Key(value)
	w.BeginMap()
	w.EndMap()
	w.EndMap()
	w.Key("empty")
	w.BeginSeq()
	w.EndSeq()
	w.EndMap()
	err := w.Close()
	return buf.Bytes(), err
}

func roundTrip(t *testing.T, key, value string) {
	t.Helper()
	out, err := doc(key, value)
	if err != nil {
		t.Fatal(err)
	}
	key, value = ValidUTF8(key), ValidUTF8(value)
	if key == "list" || key == "nested" || key == "empty" || value == "number" {
		return // a key would repeat one of the fixed ones; YAML rightly rejects that
	}
	var got map[string]any
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatalf("yaml.v3 cannot read the output: %v\n%s", err, out)
	}
	want := map[string]any{
		key:      value,
		"list":   []any{value, []any{value}, map[string]any{value: value, "number": -1.5e30}},
		"nested": map[string]any{value: map[string]any{}},
		"empty":  []any{},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %#v\nwant %#v\n%s", got, want, out)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{
		"plain", "创建一台云服务器。", "", " lead", "trail ", "200", "-1", "1.5", "0x1F", "1_000", "12:30",
		"2020-01-04T09:05:22.701000Z", "2001-12-14 21:59:43.10", "true", "yes", "No", "~", "null", "<<",
		"#/components/schemas/Tag", "*", "&a", "!tag", "%x", "@x", "`x", "- item", "-x", "? q", ":x", "a: b", "a #b",
		"a#b", "ends:", "---", "...", "'single'", `"double"`, "back\\slash", "tab\there", "cr\rhere",
		"nul\x00", "bell\a", "del\x7f", "nel\u0085", "ls\u2028", "bom\ufeff", "emoji 😀", "bad\xffutf8",
		"two\nlines", "two\nlines\n", "two\nlines\n\n\n", "\nleading break", " leading\nspace", "trailing \nspace",
		"a\n\nb", "a\n  indented\nb", "a\n#not a comment", "a\n- not an item", "x\ty\nz", "\n", "\n\n",
		strings.Repeat("long key ", 200), "{}", "[]", "a,b", "[a]", "|", ">", "=",
	} {
		roundTrip(t, s, s)
		roundTrip(t, "k", s)
	}
}

// TestLayout pins the layout to what go.yaml.in/yaml/v3 writes with an
// indent of 2, so goldens written before this package read the same.
func TestLayout(t *testing.T) {
	var buf bytes.Buffer
	w := New(&buf)
	w.BeginMap()
	w.Key("paths")
	w.BeginMap()
	w.Key("/v1/{id}")
	w.BeginMap()
	w.Key("parameters")
	w.BeginSeq()
	w.BeginMap()
	w.Key("name")
	w.String("id")
	w.Key("required")
	w.Bool(true)
	w.Key("description")
	w.String("一\n二")
	w.EndMap()
	w.EndSeq()
	w.Key("responses")
	w.BeginMap()
	w.Key("200")
	w.BeginMap()
	w.Key("$ref")
	w.String("#/components/schemas/Tag")
	w.EndMap()
	w.EndMap()
	w.EndMap()
	w.EndMap()
	w.EndMap()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	var node yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &node); err != nil {
		t.Fatal(err)
	}
	var v3 bytes.Buffer
	enc := yaml.NewEncoder(&v3)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		t.Fatal(err)
	}
	if got != v3.String() {
		t.Errorf("layout differs from yaml.v3:\n%s\n--- yaml.v3:\n%s", got, v3.String())
	}
}

func TestExplicitKeys(t *testing.T) {
	long := strings.Repeat("k", 2000)
	roundTrip(t, long, "v")
	roundTrip(t, "multi\nline", "v")
}

func TestMisuse(t *testing.T) {
	var buf bytes.Buffer
	w := New(&buf)
	w.BeginMap()
	w.String("value without key")
	if w.Close() == nil {
		t.Error("a value without a key is accepted")
	}
	w = New(&buf)
	w.BeginMap()
	if w.Close() == nil {
		t.Error("an unclosed mapping is accepted")
	}
	w = New(&buf)
	for range MaxDepth + 1 {
		w.BeginSeq()
	}
	if err := w.Close(); err != ErrTooDeep {
		t.Errorf("nesting past MaxDepth: %v, want ErrTooDeep", err)
	}
}

func TestNumber(t *testing.T) {
	for text, number := range map[string]bool{
		"0": true, "-0": true, "12": true, "1.5": true, "1e+21": true, "-2.5E-3": true,
		"01": false, "1.": false, ".5": false, "+1": false, "1e": false, "NaN": false, "": false, "0x10": false,
	} {
		if got := isJSONNumber(text); got != number {
			t.Errorf("isJSONNumber(%q) = %v", text, got)
		}
	}
}

// FuzzRoundTrip: any key and value, written with the document around
// them, read back through yaml.v3 as the same strings.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"plain", "200", "a: b", "two\nlines\n", " x", "\t", "😀", "- a", "#x", "\xff"} {
		f.Add("k", s)
		f.Add(s, "v")
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		roundTrip(t, key, value)
	})
}

func TestQuotingOfTypedLookingText(t *testing.T) {
	for s, quoted := range map[string]bool{
		"3.0.3": false, "3.0": true, "200": true, "-1": true, "+1.5e3": true, "1_000": true, "0x1F": true, "0o17": true, "0B1": true, "0X1f": true, "0O7": true,
		"12:30": true, "2020-01-04": true, "2020-01-04T09:05:22Z": true, "2fa": false, "1.2.3.4": false, "v1": false,
		"-abc": false, "10GB": false, ".5": true, ".": false, "1e5": true, "1e": false, "yes": true, "Tag": false,
	} {
		if got := Style(s) != Plain; got != quoted {
			t.Errorf("%q quoted = %v, want %v", s, got, quoted)
		}
		roundTrip(t, "k", s)
	}
}

// TestMaxDepthLoads: the deepest document the writer accepts is one
// yaml.v3 reads (it stops at 10,000 levels).
func TestMaxDepthLoads(t *testing.T) {
	var buf bytes.Buffer
	w := New(&buf)
	for range MaxDepth - 1 {
		w.BeginMap()
		w.Key("k")
	}
	w.BeginSeq()
	w.String("leaf")
	w.EndSeq()
	for range MaxDepth - 1 {
		w.EndMap()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatalf("yaml.v3 refuses %d levels: %v", MaxDepth, err)
	}
	for range MaxDepth - 1 {
		v = v.(map[string]any)["k"]
	}
	if !reflect.DeepEqual(v, []any{"leaf"}) {
		t.Errorf("innermost value %v", v)
	}
}
