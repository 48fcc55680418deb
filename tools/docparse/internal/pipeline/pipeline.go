// Package pipeline runs docparse's stages: detect each page's family, read it
// with that family's reader into the shared model, complete it with the
// service file, and emit one OpenAPI document.
package pipeline

import (
	"fmt"
	"sort"

	"github.com/docapi/docapi/tools/docparse/internal/constraints"
	"github.com/docapi/docapi/tools/docparse/internal/emit"
	"github.com/docapi/docapi/tools/docparse/internal/huawei"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/service"
	"github.com/docapi/docapi/tools/docparse/internal/top"
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
}

// Options control a run.
type Options struct {
	Family  string          // force a family by name; "" detects per page
	Service *service.Config // may be nil
}

// Result is what a run produced.
type Result struct {
	YAML       []byte // nil when Diagnostics has errors
	Pages      int
	Operations int
	Schemas    int
	Diags      model.Diagnostics
}

// Summary is the one-line report docparse prints.
func (r *Result) Summary() string {
	return fmt.Sprintf("%d pages, %d operations, %d schemas, %d warnings, %d errors",
		r.Pages, r.Operations, r.Schemas, r.Diags.Count(model.Warning), r.Diags.Count(model.Error))
}

// Run reads the pages and emits one OpenAPI document.
func Run(sources []Source, opts Options) *Result {
	res := &Result{Pages: len(sources)}
	if opts.Family != "" && !knownFamily(opts.Family) {
		res.Diags.Errorf(model.Loc{What: "-family"}, "unknown family %q; the families are %s", opts.Family, familyNames())
		return res
	}
	var pages []*model.Page
	for _, src := range sources {
		fam, ok := pick(src, opts.Family)
		if !ok {
			res.Diags.Errorf(model.Loc{File: src.Name}, "page is of no known family (tried %s); use -family to force one", familyNames())
			continue
		}
		pg, diags := fam.Read(src.Name, src.Data)
		res.Diags = append(res.Diags, diags...)
		if pg != nil {
			pages = append(pages, pg)
		}
	}
	res.Diags = append(res.Diags, service.Apply(opts.Service, pages)...)
	constraints.Apply(pages, &res.Diags)
	// Without a service file the spec still needs a title and version.
	doc := emit.Document{Info: emit.Info{Title: "docparse output", Version: "0"}}
	if c := opts.Service; c != nil {
		doc.Info = emit.Info{Title: c.Title, Version: c.Version, Description: c.Description}
		for _, s := range c.Servers {
			srv := emit.Server{URL: s.URL, Description: s.Description}
			for _, name := range sortedNames(s.Variables) {
				v := s.Variables[name]
				srv.Variables = append(srv.Variables, emit.ServerVariable{Name: name, Default: v.Default, Description: v.Description, Enum: v.Enum})
			}
			doc.Servers = append(doc.Servers, srv)
		}
	}
	for _, pg := range pages {
		doc.Operations = append(doc.Operations, pg.Operations...)
	}
	res.Operations = len(doc.Operations)
	out, schemas, diags := emit.Emit(doc)
	res.Diags = append(res.Diags, diags...)
	res.Schemas = schemas
	if !res.Diags.HasErrors() {
		res.YAML = out
	}
	return res
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
