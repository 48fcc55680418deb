package huawei

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// failureGroup is the status of what a page shows under "异常响应" or
// "失败响应示例" without naming a code.
const failureGroup = "default"

// readNonText handles a file that is no page at all: an empty file is no
// operation; a binary or non-UTF-8 file is refused where its first
// offending byte sits. done is false for any readable page.
func readNonText(name string, data []byte, family string) (*model.Page, model.Diagnostics, bool) {
	why, at, notText := textProblem(name, data)
	if why == "" {
		return nil, nil, false
	}
	pg := &model.Page{Loc: model.Loc{File: name}, Family: family}
	var diags model.Diagnostics
	if notText {
		diags.Errorf(at, "%s", why)
	} else {
		pg.NotOperation = why
	}
	return pg, diags, true
}

// noteSection records which of the sections that make a page an operation
// it has. A "请求URI" section alone does not, nor OBS's 请求消息参数
// (its pages give the method and path in a request line): the 构造请求
// overview has one too; on an operation page (VOD's) the method and path line in it or a
// 功能描述 with parameters says operation.
func (p *page) noteSection(sec section, title string, line int) {
	switch sec {
	case secURI:
		if t := normTitle(mdhtml.CleanInline(title)); p.uriLine == 0 && !strings.HasPrefix(t, "请求URI") && !isRequestLineParams(t) {
			p.uriLine = line
		}
	case secIntro:
		p.intro = true
	case secRequest, secResponse:
		p.exchange = true
	}
}

// notOperation says why a page without a method and path documents no
// operation, or "" when it does and its method and path are missing: a
// URI section, or a 功能介绍 with a request or response section, make an
// operation page.
func (p *page) notOperation() string {
	if p.uriLine != 0 || (p.intro && p.exchange) {
		return ""
	}
	var text, links, tables int
	for _, b := range p.blocks {
		switch b.Kind {
		case mdhtml.Text:
			text++
			if strings.Contains(b.Raw, "](") && len(strings.TrimSpace(stripListMarker(b.Text))) < 80 {
				links++
			}
		case mdhtml.Table:
			tables++
		case mdhtml.Caption, mdhtml.Code:
			text++
		}
	}
	switch {
	case text+tables == 0:
		return "the page has nothing but its title"
	case tables == 0 && links*2 > text:
		return "the page is a list of links to other pages"
	}
	return "no URI section, no method and path, and no 功能介绍 with request or response parameters"
}

// strayURI is a "URI格式：METHOD /path" line outside any URI section, with
// the page a link next to it names ("详情请参见[调整集群节点](调整集群节点.md)").
type strayURI struct {
	e    endpoint
	line int
	page string
}

var pageLinkRE = regexp.MustCompile(`\]\(([^)#\s]+\.md)`)

// noteStrayURI records block i when it is a labelled method and path
// line ("URI格式：PUT /v1.1/…"; a bare "PUT /x" outside the URI section is
// as often an example's request line).
func (p *page) noteStrayURI(i int) {
	b := &p.blocks[i]
	label, _, ok := cutLabel(stripListMarker(strings.TrimSpace(strings.ReplaceAll(b.Text, "**", ""))))
	if !ok || !isURILabel(label) {
		return
	}
	e, ok := readEndpointLine(b.Text)
	if !ok {
		return
	}
	s := strayURI{e: e, line: b.Line}
	for _, next := range p.blocks[i+1 : min(i+3, len(p.blocks))] {
		if next.Kind != mdhtml.Text {
			break
		}
		if m := pageLinkRE.FindStringSubmatch(next.Raw); m != nil {
			s.page = m[1]
			break
		}
	}
	p.strayURIs = append(p.strayURIs, s)
}

// useStrayURI takes the method and path of a page with no URI section
// from its one URI格式 line when the page is an operation's (功能介绍 and
// a request or response section), with a note; otherwise the page walks
// through calls other pages document, and the reason says which.
func (p *page) useStrayURI() (notOperation string) {
	first := p.strayURIs[0]
	if p.intro && p.exchange && len(p.strayURIs) == 1 {
		p.diags.Notef(model.Loc{File: p.file, Line: first.line}, "the page has no URI section; its method and path are read from this URI格式 line")
		p.setEndpoint(first.e, first.line)
		return ""
	}
	if len(p.strayURIs) == 1 {
		where := "which another page documents"
		if first.page != "" {
			where = "which " + first.page + " documents"
		}
		return fmt.Sprintf("the page walks through the call %s %s (line %d), %s; no URI section of its own", first.e.method, first.e.path, first.line, where)
	}
	lines := make([]string, len(p.strayURIs))
	for i, s := range p.strayURIs {
		lines[i] = strconv.Itoa(s.line)
	}
	return fmt.Sprintf("the page walks through %d calls (URI格式 lines %s), each documented on its own page; no URI section of its own", len(p.strayURIs), strings.Join(lines, ", "))
}

// requestLine is the HTTP request line ("DELETE /v2/workflows/{graph_name}
// HTTP/1.1") that starts a code block of a request section, with the
// heading it sits under.
type requestLine struct {
	e       endpoint
	line    int
	heading string
	// xml marks a block whose body is an XML document (OBS's bucket
	// APIs): the reader reads JSON bodies only.
	xml bool
}

// exampleCall is the method and path a request example calls, and its line.
type exampleCall struct {
	method, path string
	line         int
}

// checkExampleURLs warns when a request example calls the operation's
// method on a path of as many segments whose words differ from the URI's:
// VPC's URI says traffc-mirror-filter-rules where its example (and the
// service) says traffic-mirror-filter-rules. One of them is misspelt; the
// URI is kept, and a service file can set the other.
func (p *page) checkExampleURLs() {
	if p.op.Method == "" || p.op.Path == "" {
		return
	}
	for _, u := range p.exampleURLs {
		if u.method == p.op.Method && differentWords(p.op.Path, u.path) {
			p.diags.Warnf(model.Loc{File: p.file, Line: u.line, What: "example"}, "the request example calls %s %s, but the URI says %s: one of them is misspelt; the URI's is read, unless the service file sets the path", u.method, u.path, p.op.Path)
			return
		}
	}
}

// sharedByCalls says why a page whose request examples call several paths
// and which has no URI section is no operation (VPC's 分页查询: limit,
// marker and page_reverse, shown on /v2.0/networks and /v2.0/vpc/peerings).
func (p *page) sharedByCalls() string {
	parts := make([]string, len(p.exampleCalls))
	for i, c := range p.exampleCalls {
		parts[i] = fmt.Sprintf("%s (line %d)", c.path, c.line)
	}
	return fmt.Sprintf("the page has no URI section, and its request examples call %d different paths, %s: it describes what those calls share, each documented on its own page", len(parts), strings.Join(parts, ", "))
}

// differentCalls reports two example paths of different calls: their
// segments differ in number, or at a segment that is a word in both
// (networks, vpc), not an id (/cloudservers/s1 and /cloudservers/s2 are
// one call on two servers).
func differentCalls(a, b string) bool {
	return len(pathSegments(a)) != len(pathSegments(b)) || differentWords(a, b)
}

// differentWords reports two paths of as many segments, some pair of which
// are different words (not placeholders or ids).
func differentWords(a, b string) bool {
	as, bs := pathSegments(a), pathSegments(b)
	if len(as) != len(bs) {
		return false
	}
	for i := range as {
		if as[i] != bs[i] && pathWord(as[i]) && pathWord(bs[i]) {
			return true
		}
	}
	return false
}

func pathSegments(path string) []string {
	path, _, _ = strings.Cut(path, "?")
	return strings.Split(strings.Trim(path, "/"), "/")
}

// pathWord reports a path segment of letters, "-" and "_" only: a
// collection or an action, not an id or a placeholder.
func pathWord(seg string) bool {
	if seg == "" {
		return false
	}
	for _, r := range seg {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// maxExampleCalls bounds the paths exampleCalls records.
const maxExampleCalls = 8

// noteRequestLine records the first request line of a code block in a
// request section (请求消息样式, 请求示例) while the page has given no
// method and path, and the path each such block calls.
func (p *page) noteRequestLine(b *mdhtml.Block, sec section, heading string) {
	switch sec {
	case secRequest, secRequestExample, secExamples:
	default:
		return
	}
	if p.uriLine == 0 && p.op.Method == "" && len(p.exampleCalls) < maxExampleCalls {
		first, _, _ := strings.Cut(strings.TrimSpace(b.Text), "\n")
		e, ok := readEndpointLine(first)
		line := b.Line + 1
		if !ok {
			var at int
			e, at, ok = readRequestLine(b.Text) // "GET /v2.0/networks?… HTTP/1.1"
			line = b.Line + 1 + at
		}
		if ok && !slices.ContainsFunc(p.exampleCalls, func(c exampleCall) bool { return !differentCalls(c.path, e.path) }) {
			p.exampleCalls = append(p.exampleCalls, exampleCall{path: e.path, line: line})
		}
	}
	if p.op.Method != "" || p.requestLine != nil {
		return
	}
	if e, at, ok := readRequestLine(b.Text); ok {
		p.requestLine = &requestLine{e: e, line: b.Line + 1 + at, heading: heading, xml: strings.Contains(b.Text, "\n<?xml")}
	}
}

// useRequestLine takes the method and path of an operation page (功能介绍
// and a request or response section) with no URI section from the first
// request line of its request sections, with a note: OBS gives them only
// so. Bare query keys ("?delete") are the query's names, as on a path
// line.
func (p *page) useRequestLine() {
	if p.requestLine == nil || !p.intro || !p.exchange {
		return
	}
	rl := p.requestLine
	p.diags.Notef(model.Loc{File: p.file, Line: rl.line}, "the page has no URI section; its method and path are read from the HTTP request line under %q", rl.heading)
	p.setEndpoint(rl.e, rl.line)
	if rl.xml {
		p.diags.Warnf(model.Loc{File: p.file, Line: rl.line}, "the request under %q has an XML body; only JSON bodies are read, so the body's and the answer's schemas do not describe the XML the call sends and receives", rl.heading)
	}
}

// readURILine reads one text line of the URI section.
func (p *page) readURILine(b *mdhtml.Block) {
	if p.op.Method != "" {
		return
	}
	if e, ok := readEndpointLine(b.Text); ok {
		p.setEndpoint(e, b.Line)
		p.readLinkedPlaceholders(b.Raw, b.Line)
		return
	}
	method, path, query := readLabelledLine(b.Text)
	if method != "" && p.labelled.method == "" {
		p.labelled.method = method
	}
	if path != "" && p.labelled.path == "" {
		p.labelled.path, p.labelled.query = path, query
		p.endpointLine = b.Line
	}
	if p.labelled.method != "" && p.labelled.path != "" {
		p.setEndpoint(p.labelled, p.endpointLine)
	}
}

func (p *page) setEndpoint(e endpoint, line int) {
	p.op.Method, p.op.Path = e.method, e.path
	p.endpointLine = line
	for _, q := range e.query {
		if p.query == nil {
			p.query = map[string]bool{}
		}
		if !p.query[q] {
			p.queryNames = append(p.queryNames, q)
		}
		p.query[q] = true
	}
	p.queryValues = e.values
	for _, h := range e.host {
		if p.host == nil {
			p.host = map[string]bool{}
		}
		p.host[h] = true
	}
}

// finishEndpoint reports half an endpoint: a "PATH：" line without its
// "Method：" line, or the other way round.
func (p *page) finishEndpoint() {
	if p.op.Method != "" {
		return
	}
	switch {
	case p.labelled.path != "":
		p.diags.Errorf(model.Loc{File: p.file, Line: p.endpointLine}, "the URI section gives the path %q but no method (no \"Method：GET\" line)", p.labelled.path)
	case p.labelled.method != "":
		p.diags.Errorf(model.Loc{File: p.file, Line: max(p.uriLine, 1)}, "the URI section gives the method %s but no path (no \"PATH：/path\" line)", p.labelled.method)
	}
}

// isRequestLine reports a line that starts an example request:
// "PUT https://{Endpoint}/v2.0/routers/..." or "GET /v3/users".
func isRequestLine(line string) bool {
	_, ok := readEndpointLine(line)
	return ok
}

// linkedPlaceholderRE matches a placeholder of a path line that links to
// the page saying how to get its value: "\{[project\_id](获取项目ID.md)\}".
var linkedPlaceholderRE = regexp.MustCompile(`\{\[([A-Za-z0-9_\\-]+)\]\(([^)\s]+)\)\\?\}`)

// readLinkedPlaceholders records the placeholders a path line links.
func (p *page) readLinkedPlaceholders(raw string, line int) {
	for _, m := range linkedPlaceholderRE.FindAllStringSubmatch(raw, 8) {
		p.linked = append(p.linked, linkedPlaceholder{name: strings.ReplaceAll(m[1], `\`, ""), target: m[2], line: line})
	}
}

// linkedPlaceholder is a path placeholder the path line links to a page.
type linkedPlaceholder struct {
	name, target string
	line         int
}

// addLinkedPlaceholders adds the path parameters that only the path line
// documents, by its link ("{[project_id](获取项目ID.md)}" with no table row).
func (p *page) addLinkedPlaceholders() {
	inPath := map[string]bool{}
	for _, name := range model.PathParams(p.op.Path) {
		inPath[name] = true
	}
	for _, l := range p.linked {
		if !inPath[l.name] || slices.ContainsFunc(p.op.Params, func(prm *model.Param) bool { return prm.In == model.InPath && prm.Name == l.name }) {
			continue
		}
		at := model.Loc{File: p.file, Line: l.line}
		p.diags.Notef(at, "{%s} is documented only by the path line's link to %s; read as a required string", l.name, l.target)
		p.op.Params = append(p.op.Params, &model.Param{Loc: at, Name: l.name, In: model.InPath, Required: true, Schema: &model.Schema{Loc: at, Type: model.TypeString}})
	}
}

// addQueryValues adds what the path line's query string fixes and no table
// documents. A constant ("?action_id=stop") is a required query parameter
// with that one value. A value wrapping placeholders
// ("?filter=namespace::{namespace}", ContainerOps'
// "?filter=name::{pipeline_name}|group_id::{group_id}") is sent under the
// query's own name: the rows documenting the placeholders (named as the
// placeholder, or as the key before it, name::) become that one
// parameter, its description saying how the value is written.
func (p *page) addQueryValues() {
	query := map[string]*model.Param{}
	for _, prm := range p.op.Params {
		if prm.In == model.InQuery {
			query[prm.Name] = prm
		}
	}
	at := model.Loc{File: p.file, Line: p.endpointLine}
	for _, q := range p.queryValues {
		if query[q.name] != nil {
			continue // a table documents it
		}
		inner := placeholdersIn(q.value)
		var rows []*model.Param
		if len(inner) <= maxValueRows { // more is no filter a page writes, and each costs the value's length
			rows = valueRows(q.value, inner, query)
		}
		switch {
		case q.flag:
			p.diags.Notef(at, "the path line's query string is the key %s alone; read as a required query parameter with the empty value (?%s=)", q.name, q.name)
			prm := &model.Param{Loc: at, Name: q.name, In: model.InQuery, Required: true, Schema: &model.Schema{Loc: at, Type: model.TypeString, Enum: []string{""}}}
			p.op.Params = append(p.op.Params, prm)
			query[q.name] = prm
		case len(inner) == 0:
			p.diags.Notef(at, "the path line's query string fixes %s=%s; read as a required query parameter with that one value", q.name, q.value)
			prm := &model.Param{Loc: at, Name: q.name, In: model.InQuery, Required: true, Schema: &model.Schema{Loc: at, Type: model.TypeString, Enum: []string{q.value}}}
			p.op.Params = append(p.op.Params, prm)
			query[q.name] = prm
		case len(rows) == 1:
			prm := rows[0]
			p.diags.Notef(prm.Loc, "the path line sends {%s} as %s=%s; the parameter is %s, its value written that way", inner[0], q.name, q.value, q.name)
			delete(query, prm.Name)
			prm.Name = q.name
			prm.Description = strings.TrimSpace(prm.Description + "（" + q.name + "=" + q.value + "）")
			query[q.name] = prm
		case len(rows) > 1:
			names := make([]string, len(rows))
			parts := make([]string, len(rows))
			prm := &model.Param{Loc: rows[0].Loc, Name: q.name, In: model.InQuery, Schema: &model.Schema{Loc: rows[0].Loc, Type: model.TypeString}}
			for i, r := range rows {
				names[i], parts[i] = r.Name, r.Name+"："+strings.TrimRight(strings.TrimSpace(r.Description), "。.")
				prm.Required = prm.Required || r.Required
				delete(query, r.Name)
			}
			prm.Description = q.name + "=" + q.value + "。" + strings.Join(parts, "；") + "。"
			p.diags.Notef(prm.Loc, "the path line sends %s together as %s=%s; read as one string parameter %s, its value written that way", strings.Join(names, ", "), q.name, q.value, q.name)
			// The parameter takes the first row's place; the others go.
			p.op.Params[slices.Index(p.op.Params, rows[0])] = prm
			p.op.Params = slices.DeleteFunc(p.op.Params, func(x *model.Param) bool { return slices.Contains(rows[1:], x) })
			query[q.name] = prm
		default:
			p.diags.Warnf(at, "the path line's query string has %s=%s, which no table documents; read as an optional string query parameter", q.name, q.value)
			prm := &model.Param{Loc: at, Name: q.name, In: model.InQuery, Description: q.name + "=" + q.value, Schema: &model.Schema{Loc: at, Type: model.TypeString}}
			p.op.Params = append(p.op.Params, prm)
			query[q.name] = prm
		}
	}
}

// addQueryNames adds the query parameters only the path line names (NAT's
// "GET /v2.0/dnat_rules?id={id}&tenant_id={tenant_id}&…" over a request
// section of 无): optional strings, as the line says nothing of their type.
// A name a table documents in any place, or the request body holds, is
// left as the table says.
func (p *page) addQueryNames() {
	if len(p.queryNames) == 0 {
		return
	}
	documented := map[string]bool{}
	for _, prm := range p.op.Params {
		documented[prm.Name] = true
	}
	if b := p.op.RequestBody; b != nil && b.Schema != nil {
		for _, pr := range b.Schema.Properties {
			documented[pr.Name] = true
		}
	}
	at := model.Loc{File: p.file, Line: p.endpointLine}
	var added []string
	for _, name := range p.queryNames {
		if documented[name] || !queryNameRE.MatchString(name) {
			continue
		}
		if len(added) == maxQueryNames {
			p.diags.Warnf(at, "the path line's query string names more than %d parameters no table documents; the rest are left out", maxQueryNames)
			break
		}
		documented[name] = true
		added = append(added, name)
		p.op.Params = append(p.op.Params, &model.Param{Loc: at, Name: name, In: model.InQuery, Schema: &model.Schema{Loc: at, Type: model.TypeString}})
	}
	if len(added) > 0 {
		p.diags.Notef(at, "the path line's query string names %s, which no table documents; read as optional string query parameters", strings.Join(added, ", "))
	}
}

// maxQueryNames bounds the parameters addQueryNames adds: more is no query
// string a page writes (NAT's longest has 12).
const maxQueryNames = 64

// maxValueRows bounds the placeholders of one query value read as rows.
const maxValueRows = 16

// valueRows finds, for each placeholder of a query value, the query row
// documenting it: one named as the placeholder, else as the key written
// just before it ("name::{pipeline_name}", "name:{x}"). It returns nil
// unless every placeholder has a row, each a different one.
func valueRows(value string, placeholders []string, query map[string]*model.Param) []*model.Param {
	var rows []*model.Param
	for _, ph := range placeholders {
		prm := query[ph]
		if prm == nil {
			prm = query[keyBefore(value, ph)]
		}
		if prm == nil || slices.Contains(rows, prm) {
			return nil
		}
		rows = append(rows, prm)
	}
	return rows
}

// keyBefore is the name written before {placeholder} in a query value,
// followed by "::", ":" or "=": "name" in "name::{pipeline_name}".
func keyBefore(value, placeholder string) string {
	i := strings.Index(value, "{"+placeholder+"}")
	if i < 0 {
		return ""
	}
	head := strings.TrimRight(value[:i], ":=")
	if len(head) == i {
		return "" // no separator: not a key
	}
	j := strings.LastIndexFunc(head, func(r rune) bool { return !(r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) })
	return head[j+1:]
}
