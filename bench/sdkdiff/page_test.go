package main

import (
	"os"
	"testing"
)

// TestWhere: a name is found in the table a source line starts, in
// another table of the page, only in the example, or nowhere.
func TestWhere(t *testing.T) {
	b, err := os.ReadFile("testdata/pages/demo.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, c := range []struct {
		name, want string
	}{{"id", "table"}, {"size", "page-table"}, {"note", "example"}, {"color", ""}} {
		if got := where(text, 3, c.name); got != c.want {
			t.Errorf("where(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if got := where(text, 9, "size"); got != "table" {
		t.Errorf("where(size) from table 2 = %q, want table", got)
	}
}

// TestRefine renames missing-ours by where the page names the field.
func TestRefine(t *testing.T) {
	pairs := []pair{{Diffs: []diff{
		{Kind: "missing-ours", Where: "response things[].id", Source: "testdata/pages/demo.md:3 table \"表 1 thing\""},
		{Kind: "missing-ours", Where: "response things[].note", Source: "testdata/pages/demo.md:3 table \"表 1 thing\""},
		{Kind: "missing-ours", Where: "response color", Source: "testdata/pages/demo.md:3 table \"表 1 thing\""},
		{Kind: "type", Where: "response id", Source: "testdata/pages/demo.md:3 table \"表 1 thing\""},
	}}}
	newPageLookup(".").refine(pairs)
	want := []string{"missing-ours-in-table", "missing-ours-in-example", "missing-ours", "type"}
	for i, d := range pairs[0].Diffs {
		if d.Kind != want[i] {
			t.Errorf("diff %d: kind %q, want %q", i, d.Kind, want[i])
		}
	}
	if sourceLine(`a/b.md:123 table "x"`) != 123 || sourceLine("nothing") != 0 {
		t.Error("sourceLine")
	}
}
