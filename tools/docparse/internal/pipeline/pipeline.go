// Package pipeline runs docparse's stages: detect each page's family, read it
// with that family's reader into the shared model, resolve rows whose tables
// are on other pages (xref), complete it with the service file, name the
// operations, and emit one OpenAPI document.
//
// A page that cannot be read is left out with its located errors and the
// rest is still written, unless Options.Strict asks for all or nothing;
// pages that are not operations (overviews, appendices) are skipped with a
// note.
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/constraints"
	"github.com/docapi/docapi/tools/docparse/internal/emit"
	"github.com/docapi/docapi/tools/docparse/internal/huawei"
	"github.com/docapi/docapi/tools/docparse/internal/keys"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/opid"
	"github.com/docapi/docapi/tools/docparse/internal/paging"
	"github.com/docapi/docapi/tools/docparse/internal/routes"
	"github.com/docapi/docapi/tools/docparse/internal/service"
	"github.com/docapi/docapi/tools/docparse/internal/top"
	"github.com/docapi/docapi/tools/docparse/internal/xref"
)

// Family is one kind of documentation page and its reader.
type Family struct {
	Name   string
	Detect func(data []byte) bool
	Read   func(name string, data []byte) (*model.Page, model.Diagnostics)
}

// Families lists the readers in the order detection tries them.
func Families() []Family {
	return []Family{
		{Name: top.Family, Detect: top.Detect, Read: top.Read},
		{Name: huawei.FamilyAPIReference, Detect: huawei.DetectAPIReference, Read: huawei.ReadAPIReference},
		{Name: huawei.FamilySDKReference, Detect: huawei.DetectSDKReference, Read: huawei.ReadSDKReference},
	}
}

// Source is one page's name and bytes.
type Source struct {
	Name string
	Data []byte
	// TooLarge marks a page not read because it is larger than
	// MaxPageBytes; the run leaves it out.
	TooLarge bool
}

// Options control a run.
type Options struct {
	Family  string          // force a family by name; "" detects per page
	Service *service.Config // may be nil
	// Strict writes nothing when any page cannot be read.
	Strict bool
	// ReadLinked, when set, reads a page that a row links to for its
	// fields but that the run was not given (a single page of a folder);
	// ReadLinkedPage reads it from disk. Nil reads none.
	ReadLinked func(file string) ([]byte, error)
}

// PageOutcome names a page that was skipped or left out, and why.
type PageOutcome struct {
	File   string
	Reason string
}

// Result is what a run produced.
type Result struct {
	YAML       []byte // nil when nothing could be written
	Pages      int    // pages given
	Read       int    // pages whose operations are in the spec
	Skipped    []PageOutcome
	OtherSpecs []PageOutcome // pages whose operations the service file's paths leave to another spec
	Excluded   []PageOutcome // pages the service file's exclude entries keep out, not read
	LeftOut    []PageOutcome
	Operations int
	Schemas    int
	Diags      model.Diagnostics
	// IDSources counts the operations by where their operationId came from.
	IDSources map[string]int
	// docs are where the pages came from (origins).
	docs []emit.Docs
}

// Summary is the one-line report docparse prints.
func (r *Result) Summary() string {
	return fmt.Sprintf("%d pages: %d read, %d skipped, %d for other specs, %d excluded, %d left out; %d operations, %d schemas, %d warnings, %d errors",
		r.Pages, r.Read, len(r.Skipped), len(r.OtherSpecs), len(r.Excluded), len(r.LeftOut), r.Operations, r.Schemas,
		r.Diags.Count(model.Warning), r.Diags.Count(model.Error))
}

// Run reads the pages and emits one OpenAPI document.
func Run(sources []Source, opts Options) *Result {
	res := &Result{Pages: len(sources)}
	if opts.Family != "" && !knownFamily(opts.Family) {
		res.Diags.Errorf(model.Loc{What: "-family"}, "unknown family %q; the families are %s", opts.Family, familyNames())
		return res
	}
	res.docs = origins(sources, opts.Service, &res.Diags)
	tables := xref.NewIndex(linkedPages(opts))
	pages := res.selectPaths(res.readPages(sources, opts, tables), opts.Service)
	xref.Resolve(pages, tables, &res.Diags)
	given := make([]string, len(sources))
	for i, src := range sources {
		given[i] = src.Name
	}
	res.Diags = append(res.Diags, service.Apply(opts.Service, pages, given)...)
	pages = res.leaveOutFailed(pages)
	keys.Repair(pages, &res.Diags)
	constraints.Apply(pages, &res.Diags)
	service.FixConstants(pages, &res.Diags)
	res.Diags = append(res.Diags, paging.Mark(pages)...)
	res.IDSources = opid.Assign(operations(pages), &res.Diags)
	routes.Distinguish(operations(pages), &res.Diags)

	doc, ok := res.document(opts.Service)
	// Each round that the emitter refuses a page emits again without it, so
	// the loop ends: at the latest when no page is left.
	for ok {
		doc.Operations = operations(pages)
		if len(doc.Operations) == 0 {
			if len(res.LeftOut) == 0 { // else their errors say why
				res.Diags.Errorf(model.Loc{What: "pages"}, "none of the %d pages documents an operation; nothing to write", res.Pages)
			}
			break
		}
		out, schemas, diags := emit.Emit(doc)
		placeSettings(diags, opts.Service)
		kept := res.leaveOutFailedBy(pages, diags)
		if len(kept) < len(pages) {
			// Emit again without the pages the emitter refused, keeping
			// what it said about them; the rest it will say again.
			res.Diags = append(res.Diags, about(diags, pages, kept)...)
			pages = kept
			continue
		}
		res.Diags = append(res.Diags, diags...)
		if fatal(diags, pages) {
			break
		}
		res.YAML, res.Schemas, res.Operations, res.Read = out, schemas, len(doc.Operations), len(pages)
		break
	}
	if opts.Strict && len(res.LeftOut) > 0 {
		res.YAML = nil
	}
	return res
}

// readPages detects and reads every source, filing the ones that are not
// operations as skipped. A page the service file excludes is not read: its
// content, whatever it is, is no concern of this spec.
func (res *Result) readPages(sources []Source, opts Options, tables *xref.Index) []*model.Page {
	forced := opts.Family
	var pages []*model.Page
	families := map[string]string{} // family → first page of it
	for _, src := range sources {
		if why, at := opts.Service.Exclusion(src.Name); why != "" {
			res.Diags.Notef(model.Loc{File: src.Name}, "excluded by %s: %s; not read", at, why)
			res.Excluded = append(res.Excluded, PageOutcome{src.Name, why})
			continue
		}
		if src.TooLarge {
			res.Diags.Errorf(model.Loc{File: src.Name}, "%v; not read", errTooLarge)
			res.LeftOut = append(res.LeftOut, PageOutcome{src.Name, errTooLarge.Error()})
			continue
		}
		if why, at, notText := model.TextProblem(src.Name, src.Data); notText {
			res.Diags.Errorf(at, "%s", why)
			res.LeftOut = append(res.LeftOut, PageOutcome{src.Name, why})
			continue
		} else if why != "" {
			res.Diags.Notef(at, "%s; skipped", why)
			res.Skipped = append(res.Skipped, PageOutcome{src.Name, why})
			continue
		}
		fam, ok := pick(src, forced)
		if !ok {
			res.Diags.Errorf(model.Loc{File: src.Name}, "page is of no known family (tried %s); use -family to force one", familyNames())
			res.LeftOut = append(res.LeftOut, PageOutcome{src.Name, "of no known family"})
			continue
		}
		pg, diags := fam.Read(src.Name, src.Data)
		tables.Add(pg) // a page that is no operation may still hold tables other pages link to
		if pg != nil && pg.NotOperation != "" && !diags.HasErrors() {
			res.Diags = append(res.Diags, diags...)
			res.Diags.Notef(model.Loc{File: src.Name}, "page is not an operation (%s); skipped", pg.NotOperation)
			res.Skipped = append(res.Skipped, PageOutcome{src.Name, pg.NotOperation})
			continue
		}
		res.Diags = append(res.Diags, diags...)
		if pg == nil {
			res.LeftOut = append(res.LeftOut, PageOutcome{src.Name, firstError(diags, "the reader returned nothing")})
			continue
		}
		if _, seen := families[fam.Name]; !seen {
			if len(families) == 1 {
				res.Diags.Warnf(model.Loc{File: src.Name}, "page is of family %s, but %s is of another; one spec mixes page families", fam.Name, firstOther(families, fam.Name))
			}
			families[fam.Name] = src.Name
		}
		pages = append(pages, pg)
	}
	return pages
}

// MaxLinkedBytes bounds what one run reads, all together, of the pages it
// was not given but rows link to: with at most MaxPageBytes each, the
// last one read may pass it.
const MaxLinkedBytes = 64 << 20

// linkedPages reads, with opts.ReadLinked, a page outside the run that a
// row links to, for its tables; what reading it says otherwise concerns
// operations the run does not write.
func linkedPages(opts Options) xref.Loader {
	if opts.ReadLinked == nil {
		return nil
	}
	read := 0
	return func(file string) (*model.Page, string) {
		if read >= MaxLinkedBytes {
			return nil, fmt.Sprintf("not read: the run already read %d MiB of linked pages", MaxLinkedBytes>>20)
		}
		data, err := opts.ReadLinked(file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, "no such page beside it"
		case err != nil:
			return nil, "not read: " + err.Error()
		}
		read += len(data)
		src := Source{Name: file, Data: data}
		if why, _, _ := model.TextProblem(file, data); why != "" {
			return nil, "not read: " + why
		}
		fam, ok := pick(src, opts.Family)
		if !ok {
			return nil, "not read: of no known family"
		}
		pg, diags := fam.Read(file, data)
		if pg == nil {
			return nil, "not read: " + firstError(diags, "the reader returned nothing")
		}
		return pg, ""
	}
}

// selectPaths keeps the operations the service file's paths take; a page with
// none left belongs to another spec, even when it is in error: its errors
// then count against that spec, not this one. A page without a path stays.
func (res *Result) selectPaths(pages []*model.Page, c *service.Config) []*model.Page {
	kept := pages[:0:0]
	for _, pg := range pages {
		ops := pg.Operations[:0:0]
		for _, op := range pg.Operations {
			if op.Path == "" || c.Selects(op.Path) {
				ops = append(ops, op)
			}
		}
		if len(ops) == 0 && len(pg.Operations) > 0 {
			res.OtherSpecs = append(res.OtherSpecs, PageOutcome{pg.Loc.File, "path " + pg.Operations[0].Path + " is not under the service file's paths"})
			continue
		}
		pg.Operations = ops
		kept = append(kept, pg)
	}
	return kept
}

func firstOther(families map[string]string, not string) string {
	for name, file := range families {
		if name != not {
			return file
		}
	}
	return ""
}

// leaveOutFailed drops the pages that errors so far name.
func (res *Result) leaveOutFailed(pages []*model.Page) []*model.Page {
	return res.leaveOutFailedBy(pages, res.Diags)
}

// leaveOutFailedBy drops the pages that an error in diags names, recording
// each with the first such error.
func (res *Result) leaveOutFailedBy(pages []*model.Page, diags model.Diagnostics) []*model.Page {
	failed := map[string]string{}
	for _, d := range diags {
		if d.Severity == model.Error && d.Loc.File != "" {
			if _, seen := failed[d.Loc.File]; !seen {
				failed[d.Loc.File] = d.Msg
			}
		}
	}
	kept := pages[:0:0]
	for _, pg := range pages {
		if why, bad := failed[pg.Loc.File]; bad {
			res.LeftOut = append(res.LeftOut, PageOutcome{pg.Loc.File, why})
			continue
		}
		kept = append(kept, pg)
	}
	return kept
}

// placeSettings locates the emitter's findings about a document-level
// setting (servers, info.title, security) at the service file's key that
// gave it, so that the message names the file to correct.
func placeSettings(diags model.Diagnostics, c *service.Config) {
	if c == nil {
		return
	}
	for i := range diags {
		if at := &diags[i].Loc; at.File == "" && at.What != "" {
			*at = c.KeyLoc(strings.TrimPrefix(at.What, "info."))
		}
	}
}

// fatal reports an error that no page accounts for (the service file, the
// document itself): nothing can be written.
func fatal(diags model.Diagnostics, pages []*model.Page) bool {
	files := map[string]bool{}
	for _, pg := range pages {
		files[pg.Loc.File] = true
	}
	for _, d := range diags {
		if d.Severity == model.Error && !files[d.Loc.File] {
			return true
		}
	}
	return false
}

// about returns the diagnostics of the pages in all but not in kept.
func about(diags model.Diagnostics, all, kept []*model.Page) model.Diagnostics {
	gone := map[string]bool{}
	for _, pg := range all {
		gone[pg.Loc.File] = true
	}
	for _, pg := range kept {
		delete(gone, pg.Loc.File)
	}
	var out model.Diagnostics
	for _, d := range diags {
		if gone[d.Loc.File] {
			out = append(out, d)
		}
	}
	return out
}

func firstError(diags model.Diagnostics, fallback string) string {
	for _, d := range diags {
		if d.Severity == model.Error {
			return d.Msg
		}
	}
	return fallback
}

func operations(pages []*model.Page) []*model.Operation {
	var ops []*model.Operation
	for _, pg := range pages {
		ops = append(ops, pg.Operations...)
	}
	return ops
}

// document is the emitter's input without its operations; ok is false when
// the service-level settings are already in error.
func (res *Result) document(c *service.Config) (emit.Document, bool) {
	for _, d := range res.Diags {
		if d.Severity == model.Error && (d.Loc.File == "" || (c != nil && d.Loc.File == c.File)) {
			return emit.Document{}, false
		}
	}
	// Without a service file the spec still needs a title and version.
	doc := emit.Document{Info: emit.Info{Title: "docparse output", Version: "0", Docs: res.docs}}
	if c == nil {
		return doc, true
	}
	doc.Info = emit.Info{Title: c.Title, Version: c.Version, Description: c.Description, Docs: res.docs}
	doc.SecretHeaders = c.SecretHeaders
	doc.Security = c.Security
	for _, name := range sortedNames(c.SecuritySchemes) {
		s := c.SecuritySchemes[name]
		doc.SecuritySchemes = append(doc.SecuritySchemes, emit.SecurityScheme{Name: name, Type: s.Type, In: s.In, ParamName: s.Name, Description: s.Description})
	}
	for _, s := range c.Servers {
		srv := emit.Server{URL: s.URL, Description: s.Description}
		for _, name := range sortedNames(s.Variables) {
			v := s.Variables[name]
			srv.Variables = append(srv.Variables, emit.ServerVariable{Name: name, Default: v.Default, Description: v.Description, Enum: v.Enum})
		}
		doc.Servers = append(doc.Servers, srv)
	}
	return doc, true
}

func pick(src Source, forced string) (Family, bool) {
	for _, f := range Families() {
		if forced != "" {
			if f.Name == forced {
				return f, true
			}
			continue
		}
		if f.Detect(src.Data) {
			return f, true
		}
	}
	return Family{}, false
}

func knownFamily(name string) bool {
	for _, f := range Families() {
		if f.Name == name {
			return true
		}
	}
	return false
}

func familyNames() string {
	var names []string
	for _, f := range Families() {
		names = append(names, f.Name)
	}
	return fmt.Sprint(names)
}

func sortedNames[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
