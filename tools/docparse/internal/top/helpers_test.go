package top

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"golang.org/x/tools/txtar"
)

const (
	seedPath      = "../../../../testdata/pages/002_864b31744e4ac0fa.txt"
	seedName      = "002_864b31744e4ac0fa.txt"
	syntheticPath = "../../../../testdata/top/synthetic.txtar"
)

func readSeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// syntheticPages returns the pages of testdata/top/synthetic.txtar by name.
func syntheticPages(t testing.TB) map[string][]byte {
	t.Helper()
	a, err := txtar.ParseFile(syntheticPath)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	for _, f := range a.Files {
		pages[f.Name] = f.Data
	}
	return pages
}

// readOne reads a page that must yield exactly one operation.
func readOne(t *testing.T, name string, data []byte) (*model.Operation, model.Diagnostics) {
	t.Helper()
	page, diags := Read(name, data)
	if page == nil || len(page.Operations) != 1 {
		t.Fatalf("Read(%s): want one operation, got page %+v; diagnostics:\n%v", name, page, diags)
	}
	return page.Operations[0], diags
}

// render draws an object schema's members as an indented outline, one
// "name: type" a line, "*" marking required members. It is what the tree
// tests compare, so a failure shows as a readable outline diff.
func render(s *model.Schema) string {
	var b strings.Builder
	renderMembers(&b, s, "", map[*model.Schema]bool{})
	return b.String()
}

func renderMembers(b *strings.Builder, s *model.Schema, indent string, onPath map[*model.Schema]bool) {
	if onPath[s] { // a recursive type: its members were drawn above
		return
	}
	onPath[s] = true
	defer delete(onPath, s)
	for _, p := range s.Properties {
		star := ""
		if p.Required {
			star = "*"
		}
		fmt.Fprintf(b, "%s%s%s: %s\n", indent, p.Name, star, typeName(p.Schema))
		inner := p.Schema
		if inner.Type == model.TypeArray && inner.Items != nil {
			inner = inner.Items
		}
		renderMembers(b, inner, indent+"  ", onPath)
	}
}

func typeName(s *model.Schema) string {
	switch {
	case s.Type == model.TypeArray && s.Items != nil:
		return "array of " + typeName(s.Items)
	case s.Type == model.TypeObject && s.FreeForm:
		return strings.TrimSpace("free-form object " + s.Name)
	case s.Type == model.TypeObject:
		return strings.TrimSpace("object " + s.Name)
	case s.Type == model.TypeAny:
		return "any"
	case s.Format != "":
		return s.Type + "(" + s.Format + ")"
	}
	return s.Type
}

// finding is a diagnostic as tests expect it: exact location, severity,
// and a phrase the message must contain.
type finding struct {
	Loc      model.Loc
	Severity model.Severity
	Phrase   string
}

// findings projects got onto want: where a message contains the wanted
// phrase the phrase stands for it, so cmp.Diff shows only real mismatches.
func findings(got model.Diagnostics, want []finding) []finding {
	out := make([]finding, len(got))
	for i, d := range got {
		out[i] = finding{Loc: d.Loc, Severity: d.Severity, Phrase: d.Msg}
		if i < len(want) && strings.Contains(d.Msg, want[i].Phrase) {
			out[i].Phrase = want[i].Phrase
		}
	}
	return out
}

// checkLocated walks an operation and fails for any node without a Loc
// naming the file.
func checkLocated(t testing.TB, file string, op *model.Operation) {
	t.Helper()
	check := func(what string, l model.Loc) {
		if l.File != file {
			t.Errorf("%s has Loc %+v, want File %q", what, l, file)
		}
	}
	check("operation", op.Loc)
	seen := map[*model.Schema]bool{}
	var walk func(string, *model.Schema)
	walk = func(path string, s *model.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		check("schema "+path, s.Loc)
		walk(path+"[]", s.Items)
		for _, p := range s.Properties {
			check("property "+path+"."+p.Name, p.Loc)
			walk(path+"."+p.Name, p.Schema)
		}
	}
	bodies := []*model.Body{op.RequestBody}
	for _, r := range op.Responses {
		check("response "+r.Status, r.Loc)
		bodies = append(bodies, r.Body)
	}
	for _, b := range bodies {
		if b == nil {
			continue
		}
		check("body", b.Loc)
		walk("body", b.Schema)
		for _, e := range b.Examples {
			check("example", e.Loc)
		}
	}
}

// response returns the operation's response for status.
func response(t testing.TB, op *model.Operation, status string) *model.Response {
	t.Helper()
	for _, r := range op.Responses {
		if r.Status == status {
			return r
		}
	}
	t.Fatalf("no %s response", status)
	return nil
}

// resultSchema returns the object inside the success envelope.
func resultSchema(t testing.TB, op *model.Operation) *model.Schema {
	t.Helper()
	env := response(t, op, "200").Body.Schema
	if len(env.Properties) != 1 {
		t.Fatalf("envelope has %d members, want 1", len(env.Properties))
	}
	return env.Properties[0].Schema
}
