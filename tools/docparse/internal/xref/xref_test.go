package xref

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// link is a row of file that links to page#anchor, named name.
func link(file, page, anchor string, names ...string) *model.Schema {
	return &model.Schema{Loc: model.Loc{File: file, Line: 9, Table: "表 2", Row: 1}, Type: model.TypeObject, FreeForm: true,
		Elsewhere: &model.TableLink{Page: page, Anchor: anchor, Names: names, Path: "x", Tried: []string{"x"}}}
}

// table is an object table of file with one string member per field.
func table(file, caption string, anchors []string, fields ...string) *model.Table {
	s := &model.Schema{Loc: model.Loc{File: file, Line: 3, Table: caption}, Type: model.TypeObject}
	for _, f := range fields {
		s.Properties = append(s.Properties, &model.Property{Name: f, Schema: &model.Schema{Type: model.TypeString}})
	}
	return &model.Table{Loc: s.Loc, Anchors: anchors, Names: []string{caption}, Schema: s}
}

// opPage is an operation page whose request body has one member, a, of
// schema s.
func opPage(file string, s *model.Schema) *model.Page {
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: "a", Schema: s}}}
	return &model.Page{Loc: model.Loc{File: file}, Operations: []*model.Operation{{RequestBody: &model.Body{Schema: body}}}, LinksOut: 1}
}

func member(pg *model.Page) *model.Schema {
	return pg.Operations[0].RequestBody.Schema.Properties[0].Schema
}

func warnings(diags model.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		if d.Severity >= model.Warning {
			out = append(out, d.String())
		}
	}
	return out
}

func TestPick(t *testing.T) {
	tag := table("d/数据结构.md", "Tag", []string{"table1", "section1"}, "key", "value")
	resource := table("d/数据结构.md", "resource_tag", []string{"table2"}, "resource_id")
	only := table("d/Topic结构体.md", "", nil, "topic_urn")
	for _, c := range []struct {
		name   string
		link   *model.Schema
		want   *model.Table
		warned string
	}{
		{"table anchor", link("d/op.md", "数据结构.md", "table1"), tag, ""},
		{"section anchor", link("d/op.md", "数据结构.md", "section1"), tag, ""},
		{"caption", link("d/op.md", "数据结构.md", "", "resource_tag"), resource, ""},
		{"folded caption", link("d/op.md", "数据结构.md", "", "ResourceTag"), resource, ""},
		{"the page's only table", link("d/op.md", "Topic结构体.md", "", "topics"), only, ""},
		{"unknown anchor", link("d/op.md", "数据结构.md", "table9"), nil, `on 数据结构.md#table9: no object table there has anchor "table9"`},
		{"no anchor, two tables", link("d/op.md", "数据结构.md", "", "tags"), nil, `none of its 2 object tables is captioned ["tags"]`},
		{"missing page", link("d/op.md", "无.md", "t"), nil, `on 无.md#t: the page is not among the pages read`},
		{"page of another folder", link("e/op.md", "数据结构.md", "table1"), nil, `the page is not among the pages read`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := NewIndex(nil)
			ix.Add(&model.Page{Loc: model.Loc{File: "d/数据结构.md"}, Tables: []*model.Table{tag, resource}})
			ix.Add(&model.Page{Loc: model.Loc{File: "d/Topic结构体.md"}, Tables: []*model.Table{only}})
			pg := opPage(c.link.Loc.File, c.link)
			var diags model.Diagnostics
			Resolve([]*model.Page{pg}, ix, &diags)
			got := member(pg)
			if c.want != nil && got != c.want.Schema {
				t.Errorf("a is %+v, want the schema of %q", got, c.want.Loc.Table)
			}
			w := warnings(diags)
			switch {
			case c.warned == "" && len(w) > 0:
				t.Errorf("warnings: %q", w)
			case c.warned != "" && (len(w) != 1 || !strings.Contains(w[0], c.warned) || !strings.Contains(w[0], "has no table describing its fields")):
				t.Errorf("warnings %q, want one with %q", w, c.warned)
			case c.warned != "" && (!got.FreeForm || got.Elsewhere != nil):
				t.Errorf("an unresolved link is %+v, want a free-form object without its link", got)
			}
		})
	}
}

// What building a table said is reported once, by the first link that
// uses it; a table whose building failed is not used.
func TestTableDiagnostics(t *testing.T) {
	noted := table("d/s.md", "noted", []string{"n"}, "f")
	noted.Diags.Warnf(model.Loc{File: "d/s.md", Line: 4}, "a defect of the table")
	broken := table("d/s.md", "broken", []string{"b"}, "f")
	broken.Diags.Errorf(model.Loc{File: "d/s.md", Line: 5}, "row 1 has no name")
	ix := NewIndex(nil)
	ix.Add(&model.Page{Loc: model.Loc{File: "d/s.md"}, Tables: []*model.Table{noted, broken}})
	pages := []*model.Page{
		opPage("d/op1.md", link("d/op1.md", "s.md", "n")),
		opPage("d/op2.md", link("d/op2.md", "s.md", "n")),
		opPage("d/op3.md", link("d/op3.md", "s.md", "b")),
	}
	var diags model.Diagnostics
	Resolve(pages, ix, &diags)
	want := []string{
		"d/s.md:4: warning: a defect of the table",
		`d/op3.md:9: table "表 2" row 1: warning: object "x" links to "broken" on s.md#b, which cannot be read (d/s.md:5: error: row 1 has no name); left as a free-form object`,
	}
	if got := warnings(diags); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if member(pages[0]) != noted.Schema || member(pages[1]) != noted.Schema || member(pages[2]).Properties != nil {
		t.Error("the links did not resolve to the noted table and a free-form object")
	}
}

// A chain of pages, each table linking to the next page's, resolves down
// to maxDepth, and no further: bounded recursion on a hostile folder.
func TestDeepChainIsBounded(t *testing.T) {
	ix := NewIndex(nil)
	const pages = 3 * maxDepth
	for i := range pages {
		file := fmt.Sprintf("d/p%d.md", i)
		tb := table(file, "t", []string{"t"}, "name")
		tb.Schema.Properties = append(tb.Schema.Properties, &model.Property{Name: "next", Schema: link(file, fmt.Sprintf("p%d.md", i+1), "t")})
		ix.Add(&model.Page{Loc: model.Loc{File: file}, Tables: []*model.Table{tb}})
	}
	pg := opPage("d/op.md", link("d/op.md", "p0.md", "t"))
	var diags model.Diagnostics
	Resolve([]*model.Page{pg}, ix, &diags)
	depth := 0
	for s := member(pg); s != nil && s.Property("next") != nil; s = s.Property("next").Schema {
		depth++
	}
	if depth != maxDepth {
		t.Errorf("resolved %d levels, want %d", depth, maxDepth)
	}
	if w := warnings(diags); len(w) == 0 || !strings.Contains(w[0], fmt.Sprintf("through more than %d pages' tables", maxDepth)) {
		t.Errorf("warnings %q, want one about the depth", w)
	}
}

// Pages whose tables link to each other resolve to a schema that does not
// contain itself.
func TestCycleEndsFreeForm(t *testing.T) {
	a := table("d/a.md", "A", []string{"ta"}, "name")
	a.Schema.Properties = append(a.Schema.Properties, &model.Property{Name: "b", Schema: link("d/a.md", "b.md", "tb")})
	b := table("d/b.md", "B", []string{"tb"}, "name")
	b.Schema.Properties = append(b.Schema.Properties, &model.Property{Name: "a", Schema: link("d/b.md", "a.md", "ta")})
	ix := NewIndex(nil)
	ix.Add(&model.Page{Loc: model.Loc{File: "d/a.md"}, Tables: []*model.Table{a}})
	ix.Add(&model.Page{Loc: model.Loc{File: "d/b.md"}, Tables: []*model.Table{b}})
	pages := []*model.Page{opPage("d/op.md", link("d/op.md", "a.md", "ta")), opPage("d/op2.md", link("d/op2.md", "b.md", "tb"))}
	var diags model.Diagnostics
	Resolve(pages, ix, &diags)
	for _, pg := range pages {
		if err := acyclic(member(pg), map[*model.Schema]bool{}); err != nil {
			t.Errorf("%s: %v", pg.Loc.File, err)
		}
	}
	if w := warnings(diags); len(w) != 1 || !strings.Contains(w[0], "which contains it through links between pages") {
		t.Errorf("warnings %q, want one about the cycle", w)
	}
}

func acyclic(s *model.Schema, active map[*model.Schema]bool) error {
	if s == nil {
		return nil
	}
	if active[s] {
		return fmt.Errorf("schema %q contains itself", s.Loc.Table)
	}
	active[s] = true
	defer delete(active, s)
	for _, p := range s.Properties {
		if err := acyclic(p.Schema, active); err != nil {
			return err
		}
	}
	return acyclic(s.Items, active)
}

// The loader reads a page outside the run once, however many rows link to
// it, and at most MaxLoads pages in all.
func TestLoaderBounded(t *testing.T) {
	reads := map[string]int{}
	ix := NewIndex(func(file string) (*model.Page, string) {
		reads[file]++
		if file == "d/s.md" {
			return &model.Page{Loc: model.Loc{File: file}, Tables: []*model.Table{table(file, "S", []string{"t"}, "f")}}, ""
		}
		return nil, "no such page beside it"
	})
	var pages []*model.Page
	for range 10 {
		pages = append(pages, opPage("d/op.md", link("d/op.md", "s.md", "t")))
	}
	for i := range 2 * MaxLoads {
		pages = append(pages, opPage("d/op.md", link("d/op.md", fmt.Sprintf("m%d.md", i), "t")))
	}
	var diags model.Diagnostics
	Resolve(pages, ix, &diags)
	total := 0
	for _, n := range reads {
		total += n
	}
	if reads["d/s.md"] != 1 || total != MaxLoads {
		t.Errorf("reads %v (%d in all), want s.md once and %d in all", reads, total, MaxLoads)
	}
	if got := strings.Join(warnings(diags), "\n"); !strings.Contains(got, "no such page beside it") || !strings.Contains(got, fmt.Sprintf("not read: the run already read %d linked pages", MaxLoads)) {
		t.Errorf("warnings do not say why:\n%s", got)
	}
}

// A link whose row's page documents some members itself (a table
// captioned metadata.annotations, attached by the page's reader) gets the
// linked table's members with those in place or added; the linked table,
// shared by other links, keeps its own.
func TestLinkKeepsPageMembers(t *testing.T) {
	meta := table("d/公共参数.md", "ObjectMeta", []string{"t10"}, "name", "annotations")
	ix := NewIndex(nil)
	ix.Add(&model.Page{Loc: model.Loc{File: "d/公共参数.md"}, Tables: []*model.Table{meta}})
	l := link("d/op.md", "公共参数.md", "t10")
	annotations := &model.Property{Name: "annotations", Required: true, Schema: &model.Schema{Type: model.TypeObject, FreeForm: true}}
	extra := &model.Property{Name: "extra", Schema: &model.Schema{Type: model.TypeString}}
	l.Properties = []*model.Property{annotations, extra}
	pg := opPage("d/op.md", l)
	var diags model.Diagnostics
	Resolve([]*model.Page{pg}, ix, &diags)
	got := member(pg)
	var names []string
	for _, p := range got.Properties {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "name,annotations,extra" || got.Property("annotations") != annotations {
		t.Errorf("members %q (annotations %+v), want name, the page's annotations, extra", names, got.Property("annotations"))
	}
	if len(meta.Schema.Properties) != 2 || meta.Schema.Property("annotations") == annotations {
		t.Errorf("the linked table changed: %+v", meta.Schema.Properties)
	}
	if w := warnings(diags); len(w) > 0 {
		t.Errorf("warnings: %q", w)
	}
}
