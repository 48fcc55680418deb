// Package xref resolves rows whose fields a table on another page of the
// same folder gives ("详情请参见<a href="数据结构(创建云服务器).md#section…">").
// Readers leave such a row as a free-form object carrying a
// model.TableLink, and offer each page's object tables (model.Page.Tables);
// Resolve indexes those tables by page and anchor and by caption, and puts
// the linked table's schema, with the other page's locations, in the
// row's place.
//
// It is bounded on hostile folders: pages linking to each other in a
// cycle end in a free-form object, at most MaxLoads pages are read from
// outside the run, and each table is resolved once however many rows
// link to it.
package xref

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// MaxLoads bounds how many linked pages a run reads beyond the pages it
// was given (a single page linking to thousands of others).
const MaxLoads = 64

// maxDepth bounds a chain of tables each linking to a table on another
// page: deeper than any documentation, shallow enough for the stack.
const maxDepth = 32

// Loader reads a page the run was not given, by its file name (the linking
// page's directory joined with the link); ok is false when there is none
// to read, with why saying so.
type Loader func(file string) (pg *model.Page, why string)

// Index holds the tables pages offer, by page file.
type Index struct {
	pages map[string]*pageTables
	load  Loader
	loads int
}

type pageTables struct {
	why      string // why the page has no tables: not in the folder, not read
	tables   []*entry
	byAnchor map[string]*entry
	// byName and byFold hold each caption or type name's first table,
	// exactly and folded (model.FoldName): a link is looked up, not
	// compared with every table (thousands of rows × thousands of
	// tables).
	byName, byFold map[string]*entry
	// operation marks a page documenting an operation: its only table is
	// no struct a link names without saying which.
	operation bool
}

type entry struct {
	t        *model.Table
	reported bool // its Diags are in the run's
}

// NewIndex makes an empty index; load, which may be nil, reads a linked
// page the run was not given.
func NewIndex(load Loader) *Index {
	return &Index{pages: map[string]*pageTables{}, load: load}
}

// Add indexes the tables of pg, an operation or not.
func (ix *Index) Add(pg *model.Page) {
	if pg == nil {
		return
	}
	ix.pages[clean(pg.Loc.File)] = newPageTables(pg)
}

func newPageTables(pg *model.Page) *pageTables {
	pt := &pageTables{byAnchor: map[string]*entry{}, byName: map[string]*entry{}, byFold: map[string]*entry{}, operation: len(pg.Operations) > 0}
	first := func(m map[string]*entry, k string, e *entry) {
		if _, dup := m[k]; !dup && k != "" {
			m[k] = e
		}
	}
	for _, t := range pg.Tables {
		if t == nil || t.Schema == nil {
			continue
		}
		e := &entry{t: t}
		pt.tables = append(pt.tables, e)
		for _, a := range t.Anchors {
			first(pt.byAnchor, a, e)
		}
		for _, n := range t.Names {
			first(pt.byName, n, e)
			first(pt.byFold, model.FoldName(n), e)
		}
	}
	return pt
}

func clean(file string) string { return path.Clean(strings.ReplaceAll(file, `\`, "/")) }

// tablesOf returns the tables of file, reading it with the loader when no
// page of the run is that file.
func (ix *Index) tablesOf(file string) *pageTables {
	key := clean(file)
	if pt, ok := ix.pages[key]; ok {
		return pt
	}
	pt := &pageTables{why: "the page is not in the folder"}
	switch {
	case ix.load == nil:
		pt.why = "the page is not among the pages read"
	case ix.loads >= MaxLoads:
		pt.why = fmt.Sprintf("not read: the run already read %d linked pages", MaxLoads)
	default:
		ix.loads++
		if pg, why := ix.load(file); pg != nil {
			pt = newPageTables(pg)
		} else if why != "" {
			pt.why = why
		}
	}
	ix.pages[key] = pt
	return pt
}

// Resolve puts, in place of every row of pages that links to another page
// for its fields, the schema of the table the link names, and warns, at
// the row, of each link that names none.
func Resolve(pages []*model.Page, ix *Index, diags *model.Diagnostics) {
	r := &resolver{ix: ix, diags: diags, seen: map[*model.Schema]bool{}, active: map[*model.Schema]bool{}}
	for _, pg := range pages {
		if pg == nil || pg.LinksOut == 0 {
			continue // nothing to resolve: walking a 10⁶-row page would cost its size again
		}
		for _, op := range pg.Operations {
			r.operation(op)
		}
	}
}

type resolver struct {
	ix    *Index
	diags *model.Diagnostics
	seen  map[*model.Schema]bool // walked already: shared
	// active holds the schemas being walked, outermost first: a link to
	// one of them would make the schema contain itself.
	active map[*model.Schema]bool
	depth  int
}

func (r *resolver) operation(op *model.Operation) {
	if op == nil {
		return
	}
	for _, p := range op.Params {
		if p != nil {
			r.slot(&p.Schema)
		}
	}
	if b := op.RequestBody; b != nil {
		r.slot(&b.Schema)
	}
	for _, resp := range op.Responses {
		if resp == nil {
			continue
		}
		for _, h := range resp.Headers {
			if h != nil {
				r.slot(&h.Schema)
			}
		}
		if resp.Body != nil {
			r.slot(&resp.Body.Schema)
		}
	}
}

// slot resolves the schema at *s: a link is replaced by its table's
// schema; anything else is walked.
func (r *resolver) slot(s **model.Schema) {
	if *s == nil {
		return
	}
	if (*s).Elsewhere != nil {
		own := (*s).Properties
		if t := r.target(*s); t != nil {
			*s = withMembers(t, own)
			if len(own) > 0 {
				r.walk(*s)
			}
		}
		return
	}
	r.walk(*s)
}

// withMembers is t with the members the linking row's page documents
// itself (a table captioned metadata.annotations on the page of a row
// whose metadata table is elsewhere) in place of its members of the same
// name, or added; t itself, which other links share, is left as it is.
func withMembers(t *model.Schema, own []*model.Property) *model.Schema {
	if len(own) == 0 {
		return t
	}
	merged := *t
	merged.Properties = slices.Clone(t.Properties)
	for _, p := range own {
		if i := slices.IndexFunc(merged.Properties, func(q *model.Property) bool { return q.Name == p.Name }); i >= 0 {
			merged.Properties[i] = p
		} else {
			merged.Properties = append(merged.Properties, p)
		}
	}
	return &merged
}

func (r *resolver) walk(s *model.Schema) {
	if r.seen[s] {
		return
	}
	r.seen[s], r.active[s] = true, true
	defer delete(r.active, s)
	for _, p := range s.Properties {
		if p != nil {
			r.slot(&p.Schema)
		}
	}
	r.slot(&s.Items)
	r.slot(&s.AdditionalProperties)
}

// target is the schema of the table the link of s names, resolved in
// turn; nil, with a warning, when there is none. s stays a free-form
// object then, its link dropped so that it warns once.
func (r *resolver) target(s *model.Schema) *model.Schema {
	link := s.Elsewhere
	s.Elsewhere = nil
	at := s.Loc
	file := path.Join(path.Dir(clean(at.File)), link.Page)
	where := link.Page
	if link.Anchor != "" {
		where += "#" + link.Anchor
	}
	pt := r.ix.tablesOf(file)
	e, why := pt.pick(link)
	if e == nil {
		r.diags.Warnf(at, "object %q has no table describing its fields (looked for captions %q, and on %s: %s); left as a free-form object", link.Path, link.Tried, where, why)
		return nil
	}
	if e.t.Diags.HasErrors() {
		r.diags.Warnf(at, "object %q links to %q on %s, which cannot be read (%s); left as a free-form object", link.Path, name(e.t), where, firstError(e.t.Diags))
		return nil
	}
	if r.active[e.t.Schema] {
		r.diags.Warnf(at, "object %q links to %q on %s, which contains it through links between pages; the inner value is left as a free-form object", link.Path, name(e.t), link.Page)
		return nil
	}
	if !r.seen[e.t.Schema] {
		if r.depth >= maxDepth {
			r.diags.Warnf(at, "object %q links to %q on %s through more than %d pages' tables; left as a free-form object", link.Path, name(e.t), link.Page, maxDepth)
			return nil
		}
		r.depth++
		r.walk(e.t.Schema)
		r.depth--
	}
	if !e.reported {
		e.reported = true
		*r.diags = append(*r.diags, e.t.Diags...)
	}
	r.diags.Notef(at, "object %q: fields read from %q on %s", link.Path, name(e.t), where)
	return e.t.Schema
}

// pick is the table a link names: the one its anchor marks; without an
// anchor, the one captioned with a name the row gives, else the page's
// only table.
func (pt *pageTables) pick(link *model.TableLink) (*entry, string) {
	if pt.why != "" {
		return nil, pt.why
	}
	if link.Anchor != "" {
		if e := pt.byAnchor[link.Anchor]; e != nil {
			return e, ""
		}
		return nil, fmt.Sprintf("no object table there has anchor %q", link.Anchor)
	}
	for _, n := range link.Names {
		if e := pt.byName[n]; e != nil {
			return e, ""
		}
	}
	for _, n := range link.Names {
		if e := pt.byFold[model.FoldName(n)]; e != nil {
			return e, ""
		}
	}
	if len(pt.tables) == 1 && (!pt.operation || link.InType) {
		return pt.tables[0], ""
	}
	return nil, fmt.Sprintf("the link has no anchor, and none of its %d object tables is captioned %q", len(pt.tables), link.Names)
}

func name(t *model.Table) string {
	if t.Loc.Table != "" {
		return t.Loc.Table
	}
	return fmt.Sprintf("table at line %d", t.Loc.Line)
}

func firstError(diags model.Diagnostics) string {
	for _, d := range diags {
		if d.Severity == model.Error {
			return d.String()
		}
	}
	return ""
}
