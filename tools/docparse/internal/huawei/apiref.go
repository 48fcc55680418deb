// Package huawei reads Huawei Cloud documentation pages (Markdown with HTML
// parameter tables) into the shared model. ReadAPIReference handles API
// reference pages (method, path and tables per parameter location);
// ReadSDKReference handles SDK reference pages such as ModelArts', which
// have the same tables but no method or path.
package huawei

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// FamilyAPIReference names the API reference page family.
const FamilyAPIReference = "huawei-api"

// DetectAPIReference reports whether data looks like a Huawei API reference
// page: Markdown with a "## URI" section.
func DetectAPIReference(data []byte) bool {
	return bytes.HasPrefix(data, []byte("## URI")) || bytes.Contains(data, []byte("\n## URI"))
}

// page is the reading state shared by both Huawei readers.
type page struct {
	file   string
	blocks []mdhtml.Block
	diags  model.Diagnostics
	op     *model.Operation
	tables []*paramTable
	// statusCodes are the codes the page lists, in order: rows of the
	// 状态码 / 返回值 table and bare code lines of the status section.
	statusCodes []statusRow
	examples    []*located
	sdk         bool // an SDK reference page: request tables list the call's arguments
	uriLine     int  // line of the first "## URI" heading, 0 if none
}

type statusRow struct {
	code, desc string
	loc        model.Loc
}

// located is an example found in a code block with the status it belongs to.
type located struct {
	response bool
	status   string // "" when the page gives none
	headers  map[string]string
	ex       *model.Example
}

func newPage(file string, data []byte, family string) *page {
	blocks, problems := mdhtml.Split(data)
	p := &page{file: file, blocks: blocks, sdk: family == FamilySDKReference}
	for _, pr := range problems {
		if pr.Warning {
			p.diags.Warnf(model.Loc{File: file, Line: pr.Line}, "%s", pr.Msg)
			continue
		}
		p.diags.Errorf(model.Loc{File: file, Line: pr.Line}, "%s", pr.Msg)
	}
	p.op = &model.Operation{Loc: model.Loc{File: file, Line: 1}}
	return p
}

// ReadAPIReference parses one API reference page. name is used in every Loc.
func ReadAPIReference(name string, data []byte) (*model.Page, model.Diagnostics) {
	p := newPage(name, data, FamilyAPIReference)
	p.scan()
	if p.op.Method == "" {
		p.diags.Errorf(model.Loc{File: name, Line: max(p.uriLine, 1)}, "no \"METHOD /path\" line found under \"## URI\"; the operation has no method or path")
	}
	p.build()
	return p.result(FamilyAPIReference)
}

// result is the page read: one operation and what was found on the way.
func (p *page) result(family string) (*model.Page, model.Diagnostics) {
	return &model.Page{Loc: model.Loc{File: p.file}, Family: family, Operations: []*model.Operation{p.op}}, p.diags
}

// section names the part of the page a block sits in.
type section int

const (
	secOther section = iota
	secIntro
	secDebug
	secURI
	secRequest
	secResponse
	secRequestExample
	secResponseExample
	secStatus
)

func classifySection(title string) section {
	switch {
	case strings.Contains(title, "功能介绍"):
		return secIntro
	case strings.Contains(title, "调试"):
		return secDebug
	case strings.HasPrefix(title, "URI"):
		return secURI
	case strings.Contains(title, "请求示例") || strings.Contains(title, "请求样例"):
		return secRequestExample
	case strings.Contains(title, "响应示例") || strings.Contains(title, "响应样例"):
		return secResponseExample
	case strings.Contains(title, "请求参数") || strings.Contains(title, "请求消息"):
		return secRequest
	case strings.Contains(title, "响应参数") || strings.Contains(title, "响应消息"):
		return secResponse
	case strings.Contains(title, "状态码") || strings.Contains(title, "返回值"):
		return secStatus
	}
	return secOther
}

// listLabel returns the section a short list item names in older pages,
// where "-   请求参数" or "-   响应样例" under "## 请求消息" / "## 响应消息"
// act as sub-headings, and the label when it says more than the section's
// name; ok is false for any other text.
func listLabel(raw string) (sec section, text string, ok bool) {
	if len(raw) < 3 || (raw[0] != '-' && raw[0] != '*' && raw[0] != '+') || (raw[1] != ' ' && raw[1] != '\t') {
		return secOther, "", false
	}
	label := strings.TrimSpace(mdhtml.CleanInline(raw[2:]))
	if label == "" || utf8.RuneCountInString(label) > 16 || strings.ContainsAny(label, "。，,；;：:") {
		return secOther, "", false
	}
	switch sec = classifySection(label); sec {
	case secRequest, secResponse, secRequestExample, secResponseExample:
		if utf8.RuneCountInString(label) <= 4 {
			label = "" // just "请求样例"
		}
		return sec, label, true
	}
	return secOther, "", false
}

var (
	uriLineRE    = regexp.MustCompile(`^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(/\S*)`)
	statusMarkRE = regexp.MustCompile(`^状态码(?:为)?[:：\s]*(\d{3})`)
	// statusLineRE reads "204", "400 Bad Request" or "404 Not Found：..."
	// in a status table cell or a line of the status section.
	statusLineRE = regexp.MustCompile(`^([1-5]\d\d)(?:$|[\s:：]+(.*)$)`)
	explorerRE   = regexp.MustCompile(`[?&]api=([A-Za-z][A-Za-z0-9]+)`)
	camelRE      = regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`)
)

// scan walks the blocks once, recording what each section says.
func (p *page) scan() {
	sec := secOther
	group := ""
	var lastCaption *mdhtml.Block
	var lastText string
	var intro []string
	for i := range p.blocks {
		b := &p.blocks[i]
		switch b.Kind {
		case mdhtml.Heading:
			lastCaption, lastText = nil, ""
			if b.Level == 1 {
				p.op.Summary = b.Text
				p.op.Loc.Line = b.Line
				if camelRE.MatchString(b.Anchor) {
					p.op.IDHint = b.Anchor
				}
				continue
			}
			sec = classifySection(b.Text)
			group = ""
			if sec == secURI && p.uriLine == 0 {
				p.uriLine = b.Line
			}
		case mdhtml.Caption:
			if m := statusMarkRE.FindStringSubmatch(b.Bold); m != nil {
				group = m[1]
				lastCaption = nil
				continue
			}
			lastCaption = b
		case mdhtml.Text:
			if label, text, ok := listLabel(b.Raw); ok && sec != secIntro {
				// "-   批量删除镜像标签请求样例" also says what its example shows.
				sec, group, lastCaption, lastText = label, "", nil, text
				continue
			}
			lastText = b.Text
			switch sec {
			case secStatus:
				if m := statusLineRE.FindStringSubmatch(b.Text); m != nil {
					p.statusCodes = append(p.statusCodes, statusRow{code: m[1], desc: m[2], loc: model.Loc{File: p.file, Line: b.Line}})
				}
			case secIntro:
				intro = append(intro, strings.TrimSpace(strings.TrimPrefix(b.Text, "-")))
			case secDebug:
				if m := explorerRE.FindStringSubmatch(b.Raw); m != nil {
					p.op.IDHint = m[1]
				}
			case secURI:
				if m := uriLineRE.FindStringSubmatch(b.Text); m != nil && p.op.Method == "" {
					p.op.Method = m[1]
					p.op.Path, _, _ = strings.Cut(m[2], "?")
				}
			}
		case mdhtml.Table:
			p.addTable(b, sec, group, lastCaption)
			lastCaption = nil
		case mdhtml.Code:
			if sec == secRequestExample || sec == secResponseExample {
				p.addExample(b, sec, group, lastText)
			}
		}
	}
	p.op.Description = strings.Join(intro, "\n")
}

func (p *page) addTable(b *mdhtml.Block, sec section, group string, caption *mdhtml.Block) {
	t := &paramTable{block: *b, group: group, cols: mapColumns(b.Table.Header)}
	if caption != nil {
		t.label, t.caption = caption.Bold, caption.Text
		if t.caption == "" {
			t.label, t.caption = "", caption.Bold
		}
	}
	t.typeName = typeNameOf(t.caption)
	t.kind = kindOf(t.caption)
	if isStatusTable(b.Table.Header) {
		p.readStatusTable(t)
		return
	}
	switch sec {
	case secURI, secRequest:
		t.scope = scopeRequest
	case secResponse:
		t.scope = scopeResponse
	case secStatus:
		p.diags.Warnf(t.loc(p.file, 0), "table in the status code section is not a status code table (no 状态码/返回值 column); ignored")
		return
	default:
		t.scope = scopeResponse
		if sec != secOther {
			p.diags.Warnf(t.loc(p.file, 0), "parameter table outside the URI, request and response sections; read as a response table")
		}
	}
	if t.kind == kindObject && t.typeName == "" {
		// The caption ("参数说明", "请求样例的要素说明", none at all) says
		// neither a location nor a type: the section decides.
		switch sec {
		case secURI:
			t.kind = kindURI
		case secRequest, secResponse:
			if !p.hasBody(t.scope, group) {
				t.kind, t.bySection = kindBody, true
			}
		}
	}
	p.tables = append(p.tables, t)
}

func (p *page) hasBody(scope, group string) bool {
	for _, t := range p.tables {
		if t.kind == kindBody && t.scope == scope && t.group == group {
			return true
		}
	}
	return false
}

func isStatusTable(header []mdhtml.Cell) bool {
	if len(header) < 2 {
		return false
	}
	h := strings.TrimSpace(header[0].Text)
	return h == "状态码" || h == "返回值" || strings.EqualFold(h, "status code")
}

func (p *page) readStatusTable(t *paramTable) {
	for i, r := range t.block.Table.Rows {
		code, _ := cellAt(r, 0)
		desc, _ := cellAt(r, 1)
		c := strings.TrimSpace(code.Text)
		m := statusLineRE.FindStringSubmatch(c)
		if m == nil {
			p.diags.Warnf(t.loc(p.file, i+1), "status code %q is not a three-digit code; row ignored", c)
			continue
		}
		d := desc.Text
		if d == "" {
			d = m[2] // "400 Bad Request" with an empty description cell
		}
		p.statusCodes = append(p.statusCodes, statusRow{code: m[1], desc: d, loc: t.loc(p.file, i+1)})
	}
}

// tableKind says what a parameter table is for, from its caption.
type tableKind int

const (
	kindObject tableKind = iota
	kindPath
	kindQuery
	kindHeader
	kindBody
	kindURI // a URI section table with no location in its caption: path or query by name
)

func kindOf(caption string) tableKind {
	c := strings.ToLower(caption)
	switch {
	case strings.Contains(c, "路径参数") || strings.Contains(c, "path参数"):
		return kindPath
	case strings.Contains(c, "query参数") || strings.Contains(c, "查询参数"):
		return kindQuery
	case strings.Contains(c, "header参数") || strings.Contains(c, "消息头"):
		return kindHeader
	case strings.Contains(c, "body参数") || strings.Contains(c, "消息体"):
		return kindBody
	}
	return kindObject
}

// build turns the collected tables into parameters, bodies and responses.
func (p *page) build() {
	r := newResolver(p.file, p.tables, p.examples, &p.diags)
	responses := map[string]*model.Response{}
	response := func(group string) *model.Response {
		if group == "" {
			group = p.successStatus()
		}
		if resp, ok := responses[group]; ok {
			return resp
		}
		resp := &model.Response{Loc: model.Loc{File: p.file}, Status: group}
		responses[group] = resp
		return resp
	}
	for _, t := range p.tables {
		kind := t.kind
		if kind == kindBody && t.bySection && t.scope == scopeRequest && (p.op.Method == "GET" || p.op.Method == "HEAD") {
			kind = kindQuery // a GET has no body: an uncaptioned request table lists its query parameters
		}
		switch kind {
		case kindPath, kindQuery, kindHeader, kindURI:
			params := p.params(r, t, kind)
			if t.scope == scopeResponse {
				resp := response(t.group)
				resp.Headers = append(resp.Headers, params...)
				continue
			}
			p.addRequestParams(params)
		case kindBody:
			schema, required := r.bodySchema(t)
			body := &model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: schema}
			if t.scope == scopeResponse {
				resp := response(t.group)
				if resp.Body != nil {
					p.diags.Warnf(body.Loc, "second response body table for status %s; ignored", resp.Status)
					continue
				}
				resp.Loc, resp.Body = body.Loc, body
				continue
			}
			body.Required = required
			p.mergeRequestBody(body)
		}
	}
	for _, t := range p.tables {
		if t.kind == kindObject && !r.used[t] {
			p.diags.Warnf(t.loc(p.file, 0), "object table is not referenced by any parameter; ignored")
		}
	}
	for _, s := range p.statusCodes {
		resp := response(s.code)
		if resp.Description == "" {
			resp.Description = s.desc
		}
		if resp.Loc.Line == 0 {
			resp.Loc = s.loc
		}
	}
	p.attachExamples(response)
	if p.op.RequestBody != nil && p.op.RequestBody.Schema == nil {
		p.op.RequestBody = nil // a Content-Type header without a body table
	}
	p.op.Responses = sortedResponses(responses)
}

// mergeRequestBody keeps the media type a Content-Type header row set.
func (p *page) mergeRequestBody(body *model.Body) {
	if p.op.RequestBody != nil {
		if p.op.RequestBody.Schema != nil {
			p.diags.Warnf(body.Loc, "second request body table; ignored")
			return
		}
		body.MediaType = p.op.RequestBody.MediaType
	}
	p.op.RequestBody = body
}

func (p *page) params(r *resolver, t *paramTable, kind tableKind) []*model.Param {
	if !t.check(p.file, &p.diags) {
		return nil
	}
	// kindBody: the arguments of an SDK call, placed once the service file gives the path.
	in := map[tableKind]string{kindPath: model.InPath, kindQuery: model.InQuery, kindHeader: model.InHeader, kindBody: model.InBody}[kind]
	inPath := map[string]bool{}
	for _, name := range model.PathParams(p.op.Path) {
		inPath[name] = true
	}
	var out []*model.Param
	for i := 1; i <= len(t.block.Table.Rows); i++ {
		f, ok := t.row(p.file, i, &p.diags)
		if !ok {
			continue
		}
		at := t.loc(p.file, i)
		name := firstLine(f.name.Text)
		if p.sdk && isSessionArg(name, f.typ.Text) {
			p.diags.Warnf(at, "argument %q is the SDK session object, not part of the HTTP request; left out", name)
			continue
		}
		in := in
		if kind == kindURI {
			in = model.InQuery
			if inPath[name] {
				in = model.InPath
			}
		}
		out = append(out, &model.Param{
			Loc: at, Name: name, In: in, Required: f.required || in == model.InPath,
			Description: f.desc.Text,
			Schema:      r.paramSchema(t, at, f, name, in),
		})
	}
	return out
}

var mediaTypeRE = regexp.MustCompile(`(?:application|text|multipart)/[A-Za-z0-9.+-]+`)

// addRequestParams files request parameters, turning the headers OpenAPI
// models elsewhere (auth token, content type) into their proper places.
func (p *page) addRequestParams(params []*model.Param) {
	for _, prm := range params {
		if prm.In == model.InHeader {
			switch strings.ToLower(prm.Name) {
			case "x-auth-token":
				p.op.Security = appendUnique(p.op.Security, "XAuthToken")
				continue
			case "content-type":
				mt := mediaTypeRE.FindString(prm.Description)
				if mt == "" {
					p.diags.Warnf(prm.Loc, "Content-Type header names no media type; application/json assumed")
					mt = "application/json"
				}
				if p.op.RequestBody == nil {
					p.op.RequestBody = &model.Body{Loc: prm.Loc}
				}
				p.op.RequestBody.MediaType = mt
				continue
			}
		}
		p.op.Params = append(p.op.Params, prm)
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// successStatus is the status that untagged response tables describe: the
// first 2xx the page lists, else 200.
func (p *page) successStatus() string {
	for _, s := range p.statusCodes {
		if strings.HasPrefix(s.code, "2") {
			return s.code
		}
	}
	for _, e := range p.examples {
		if strings.HasPrefix(e.status, "2") {
			return e.status
		}
	}
	return "200"
}

func sortedResponses(m map[string]*model.Response) []*model.Response {
	out := make([]*model.Response, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Status < out[j].Status })
	return out
}
