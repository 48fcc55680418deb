// Package top reads Taobao Open Platform (TOP) API documentation pages,
// scraped to text, into the shared model.
//
// A TOP page documents one method of TOP's single gateway
// (POST /router/rest, method=<api name>). Its parameter tables reach us
// flattened: nested rows are bullet lists with one cell a line, empty cells
// vanish and the nesting level is mostly lost. The reader rebuilds the
// response tree from the XML response example and reports, with a location,
// every place where it had to guess.
package top

import (
	"bytes"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/internal/ext"
)

// Family is the model.Page.Family of pages read here.
const Family = "top"

// Detect reports whether data looks like a TOP API page: an
// "<api.name> (<title>)" line near the top followed by TOP's section headings.
func Detect(data []byte) bool {
	const window = 64 << 10 // the title and first headings sit near the top
	if len(data) > window {
		data = data[:window]
	}
	seenTitle := false
	nonEmpty := 0
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		// Lines stay bytes: Detect runs on every page of every family, and
		// these comparisons need no string.
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		nonEmpty++
		if !seenTitle {
			if nonEmpty > 20 {
				return false // every TOP page names its API near the top
			}
			// A title starts with an ASCII letter (see titlePattern).
			if isASCIILetter(t[0]) {
				_, _, seenTitle = parseTitle(string(t))
			}
			continue
		}
		if string(t) == secPublic || string(t) == secRequest || string(t) == secResponse {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Read parses one page. name is the file name used in every model.Loc.
// It never panics; all findings, fatal or not, come back as diagnostics.
func Read(name string, data []byte) (page *model.Page, diags model.Diagnostics) {
	r := newReader(name)
	page = &model.Page{Loc: model.Loc{File: name, Line: 1}, Family: Family}
	defer func() {
		// A reader bug must not take the whole docparse run down; it is
		// reported like any other defect (and the fuzz test looks for it).
		if v := recover(); v != nil {
			page.Operations = nil
			r.log.errorf(model.Loc{File: name}, "%s: %v", internalError, v)
			diags = r.log.list()
		}
	}()
	p := r.splitPage(splitLines(strings.ToValidUTF8(string(data), "\uFFFD")))
	if op := r.operation(p); op != nil {
		page.Operations = append(page.Operations, op)
	}
	return page, r.log.list()
}

// internalError prefixes the diagnostic for a recovered panic.
const internalError = "internal error in the TOP reader"

// reader holds what one Read call learns; nothing outlives the call.
type reader struct {
	file     string
	log      *diagLog
	kinds    map[*model.Schema]scalarKind // TOP scalar type behind each scalar schema
	wrappers map[*model.Schema]bool       // list wrappers made by listWrapper
}

func newReader(file string) *reader {
	return &reader{file: file, log: &diagLog{file: file},
		kinds: map[*model.Schema]scalarKind{}, wrappers: map[*model.Schema]bool{}}
}

func (r *reader) loc(line int, table string, row int, what string) model.Loc {
	return model.Loc{File: r.file, Line: line, Table: table, Row: row, What: what}
}

// maxDiagnostics bounds the report for garbage or huge pages: past this
// many, more findings say nothing new and only cost memory.
const maxDiagnostics = 500

// diagLog collects diagnostics up to maxDiagnostics.
type diagLog struct {
	file    string
	ds      model.Diagnostics
	dropped int
}

func (l *diagLog) warnf(at model.Loc, format string, args ...any) {
	if len(l.ds) >= maxDiagnostics {
		l.dropped++
		return
	}
	l.ds.Warnf(at, format, args...)
}

func (l *diagLog) errorf(at model.Loc, format string, args ...any) {
	if len(l.ds) >= maxDiagnostics {
		l.dropped++
		return
	}
	l.ds.Errorf(at, format, args...)
}

func (l *diagLog) list() model.Diagnostics {
	out := append(model.Diagnostics(nil), l.ds...)
	if l.dropped > 0 {
		out.Warnf(model.Loc{File: l.file}, "%d further diagnostics suppressed", l.dropped)
	}
	return out
}

// splitLines splits text into lines without their line terminators.
func splitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// operation turns a split page into the one operation it documents.
func (r *reader) operation(p *pageParts) *model.Operation {
	if p.apiName == "" {
		r.log.errorf(r.loc(0, "", 0, ""), "no \"<api.name> (<title>)\" line: not a TOP API page or the scrape lost its title")
		return nil
	}
	id := camelCase(p.apiName)
	opLoc := r.loc(p.titleLine, "", 0, "")
	op := &model.Operation{
		Loc:         opLoc,
		IDHint:      id,
		Summary:     p.title,
		Description: p.description,
		Method:      "POST",
		// OpenAPI keys operations by path and method, but every TOP method
		// shares one URL; the fragment keeps them apart and never goes on
		// the wire (the wrapper moves it into the method form field).
		Path:       "/router/rest#" + p.apiName,
		Extensions: map[string]any{ext.TopMethod: p.apiName},
	}
	if p.title == "" {
		r.log.warnf(opLoc, "title line has no \"(<title>)\"; summary left empty")
	}
	r.notePublicParams(p)
	op.RequestBody = r.requestBody(p, id)
	op.Responses = []*model.Response{r.successResponse(p, id), r.errorResponse(p)}
	return op
}

// notePublicParams warns when the 公共参数 section has content: public
// parameters (method, app_key, sign, ...) are the wrapper's job, not the
// operation's.
func (r *reader) notePublicParams(p *pageParts) {
	s := p.sections[secPublic]
	if s == nil {
		return
	}
	for _, l := range s.body {
		if strings.TrimSpace(l.text) != "" {
			r.log.warnf(r.loc(l.n, secPublic, 0, ""), "公共参数 content ignored: the client wrapper supplies TOP's public parameters")
			return
		}
	}
}

// camelCase turns "alibaba.security.token_get" into "AlibabaSecurityTokenGet",
// the name TOP's own SDKs give the method's request class (minus "Request").
func camelCase(apiName string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(apiName, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// envelopeKey is the member TOP wraps a method's result in:
// "a.b.c" answers {"a_b_c_response": {...}}.
func envelopeKey(apiName string) string {
	// The gateway drops a "taobao." prefix: taobao.item.seller.get answers
	// {"item_seller_get_response": ...}.
	return strings.ReplaceAll(strings.TrimPrefix(apiName, "taobao."), ".", "_") + "_response"
}
