// Package huawei reads Huawei Cloud documentation pages (Markdown with HTML
// parameter tables) into the shared model. ReadAPIReference handles API
// reference pages (method, path and tables per parameter location);
// ReadSDKReference handles SDK reference pages such as ModelArts', which
// have the same tables but no method or path.
package huawei

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// FamilyAPIReference names the API reference page family.
const FamilyAPIReference = "huawei-api"

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
	// intro and exchange record a 功能介绍 section and a request or
	// response section: with a URI section, what makes a page an operation.
	intro, exchange bool
	// query holds the names the path line's query string shows, and
	// queryNames the same in the line's order.
	query      map[string]bool
	queryNames []string
	// exampleQuery holds the names the request examples' URL query
	// strings show.
	exampleQuery map[string]bool
	// host holds the placeholders of the URL's host ({endpoint}), which
	// a path table may list too.
	host map[string]bool
	// labelled is a path or method given on a line of its own
	// ("PATH：/x", "Method：GET"), waiting for the other half.
	labelled     endpoint
	endpointLine int
	// exampleURLs are the request examples' method lines.
	exampleURLs []exampleCall
	// curlMediaType is the Content-Type a request example's curl sends;
	// mediaTyped says a header row named the request's media type.
	curlMediaType *mediaAt
	mediaTyped    bool
	// seenResponse: a response section's heading has been read.
	seenResponse bool
	// fileAnswer is the media type of a success answer that is a file,
	// not JSON (application/octet-stream), and where the page says so.
	fileAnswer *mediaAt
	// bareContentType is a Content-Type header row that names no media
	// type: worth a warning only if the operation turns out to have a body.
	bareContentType *model.Loc
	// strayURIs are "URI格式：METHOD /path" lines outside any URI
	// section: an operation page's method and path, or the calls a
	// walkthrough makes (strayURIs).
	strayURIs []strayURI
	// exampleCalls are the distinct paths the request examples' first
	// lines call (GET https://{Endpoint}/v2.0/networks?limit=2), with
	// their lines: a page without a URI section whose examples call
	// several is about what those calls share.
	exampleCalls []exampleCall
	// bodyRefs are sentences of the request or response sections that
	// give the body only by a link ("响应参数详情见[表3](#table…)").
	bodyRefs []bodyRef
	// refElsewhere are the bodies given by a link to another page: the
	// example's schema stands, with a warning naming the link.
	refElsewhere []bodyRef
	requestRef   *bodyRef
	// failureCodes are the error statuses outcome labels name
	// ("处理失败返回（400 Bad Request）"): with one, what the page shows
	// under a failure label without a code has that status.
	failureCodes []string
	// queryValues are the path line's query pairs with a value
	// ("action_id=stop").
	queryValues []queryValue
	// linked are the placeholders the path line links to a page.
	linked []linkedPlaceholder
	// uriRowNames are the names the request's URI and path tables give,
	// collected once, for placeholderFor.
	uriRowNames map[string]bool
	// headingAnchor is the anchor of the last heading, until a table
	// after it takes it: another page's link to the section means that
	// table.
	headingAnchor string
	// heading is the words of the last heading.
	heading string
	// requestLine is the first HTTP request line of a request section's
	// code, the method and path of a page without a URI section.
	requestLine *requestLine
	// formFields are the curl -F fields request examples send.
	formFields map[string]bool
	// uriBody is the body a URI table's rows give, and uriItemUsed the
	// body table that describes the items of one of them.
	uriBody      *uriBody
	uriItemUsed  *paramTable
	uriItemField string
	// offered are the object tables other pages may link to.
	offered []*model.Table
	// linksOut counts the rows that link to another page's table.
	linksOut int
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
	// alt marks a body shown after "或" (in its code block or on a line
	// before it): another answer the call may give.
	alt bool
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
// A page that documents no operation (an overview, an index, an appendix,
// an empty file) comes back with NotOperation saying why.
func ReadAPIReference(name string, data []byte) (*model.Page, model.Diagnostics) {
	if pg, diags, done := readNonText(name, data, FamilyAPIReference); done {
		return pg, diags
	}
	p := newPage(name, data, FamilyAPIReference)
	split := len(p.diags)
	p.scan()
	if p.op.Method == "" && p.uriLine == 0 && len(p.strayURIs) > 0 {
		if why := p.useStrayURI(); why != "" {
			pg := &model.Page{Loc: model.Loc{File: name}, Family: FamilyAPIReference, NotOperation: why}
			return pg, p.diags[:split]
		}
	}
	if p.op.Method == "" && p.uriLine == 0 && p.intro && p.exchange && len(p.exampleCalls) > 1 {
		pg := &model.Page{Loc: model.Loc{File: name}, Family: FamilyAPIReference, NotOperation: p.sharedByCalls()}
		return pg, p.diags[:split]
	}
	if p.op.Method == "" && p.uriLine == 0 {
		p.useRequestLine()
	}
	if p.op.Method == "" {
		if why := p.notOperation(); why != "" {
			// What scan said about tables and examples concerns an
			// operation the page does not have; defects of the page's
			// structure still stand.
			pg := &model.Page{Loc: model.Loc{File: name}, Family: FamilyAPIReference, NotOperation: why}
			// A page of data structures is no operation, but other
			// pages link to its tables.
			p.nameLoneTable()
			pg.Tables = offerTables(newResolver(p.file, p.tables, nil, &p.diags))
			return pg, p.diags[:split]
		}
		if p.uriLine == 0 {
			p.diags.Errorf(model.Loc{File: name, Line: 1}, "the page has 功能介绍 and request or response sections but no URI section and no method and path; is it an operation?")
		} else if p.labelled.method == "" && p.labelled.path == "" {
			p.diags.Errorf(model.Loc{File: name, Line: max(p.uriLine, 1)}, "no method and path found in the URI section (none of \"METHOD /path\", \"URI格式：METHOD URL\", \"PATH：/path\" with \"Method：METHOD\", or a 请求方法/URI table); the operation has no method or path")
		}
	}
	p.build()
	return p.result(FamilyAPIReference)
}

// listCaption reads a list item that captions the table after it: a few
// words, no sentence ("volumes参数说明").
func listCaption(raw string) (string, bool) {
	item, ok := listItem(raw)
	if !ok {
		return "", false
	}
	text := strings.TrimSpace(mdhtml.CleanInline(item))
	if text == "" || utf8.RuneCountInString(text) > 40 || strings.ContainsAny(text, "。，,；;：:") {
		return "", false
	}
	return text, true
}

// nameItem reads a list item that names the operation: "-   接口名称" (the
// name on the next line, name "") or "-   接口名称：CreateTopic".
func nameItem(raw string) (name string, ok bool) {
	item, ok := listItem(raw)
	if !ok {
		return "", false
	}
	rest, found := strings.CutPrefix(strings.TrimSpace(mdhtml.CleanInline(item)), "接口名称")
	if !found {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	for _, colon := range []string{":", "："} {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, colon))
	}
	return rest, true
}

// addNameHint records the name a 接口名称 item gives, when it is one.
func (p *page) addNameHint(name string, line int) {
	at := model.Loc{File: p.file, Line: line, What: "接口名称"}
	name = strings.TrimSpace(name)
	if !camelRE.MatchString(name) {
		p.diags.Notef(at, "接口名称 %q is not an English identifier; not used as the operationId", name)
		return
	}
	p.op.IDHints = append(p.op.IDHints, model.IDHint{Loc: at, Source: "name", Name: name})
}

// result is the page read: one operation and what was found on the way.
func (p *page) result(family string) (*model.Page, model.Diagnostics) {
	p.markCommaJoined()
	return &model.Page{Loc: model.Loc{File: p.file}, Family: family, Operations: []*model.Operation{p.op}, Tables: p.offered, LinksOut: p.linksOut}, p.diags
}

var (
	uriLineRE    = regexp.MustCompile(`^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(/\S*)`)
	statusMarkRE = regexp.MustCompile(`^状态码(?:为)?[:：\s]*(\d{3})`)
	// statusLineRE reads "204", "400 Bad Request" or "404 Not Found：..."
	// in a status table cell or a line of the status section.
	statusLineRE = regexp.MustCompile(`^([1-5]\d\d)(?:$|[\s:：]+(.*)$)`)
	// exampleStatusRE reads a line of an example that gives its status:
	// "STATUS CODE 204", "无（STATUS CODE 204）", "无(status code 204)",
	// "Http Status Code: 200", or an HTTP status line, "HTTP/1.1 204",
	// "HTTP / 1.1 404 Not Found".
	exampleStatusRE = regexp.MustCompile(`^(?:(?i:无\s*[（(]\s*)?(?i:(?:http\s+)?status\s+code)[:：\s]*([1-5]\d\d)\s*[）)]?|HTTP\s*/\s*\d(?:\.\d)?\s+([1-5]\d\d)(?:\s.*)?)$`)
	// noBodyStatusRE reads a code block that states a success status
	// and that no body comes with it: "204: 无返回参数".
	noBodyStatusRE = regexp.MustCompile(`^(2\d\d)(?:\s+[A-Za-z][A-Za-z' -]*)?\s*[:：]\s*无(?:返回参数|返回值|返回|响应参数|响应消息|响应体|响应|内容)?[。.]?$`)
	// successItemStatusRE reads the status in brackets of a success
	// item: "处理成功，无返回参数（返回204 No Content）".
	successItemStatusRE = regexp.MustCompile(`[（(]\s*(?:返回|状态码|HTTP状态码)?\s*(2\d\d)(?:\s+[A-Za-z][A-Za-z' -]*)?\s*[）)]\s*$`)
	explorerRE          = regexp.MustCompile(`[?&]api=([A-Za-z][A-Za-z0-9]+)`)
	camelRE             = regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`)
)

// scan walks the blocks once, recording what each section says.
func (p *page) scan() {
	sec := secOther
	headed := secOther // the section the last heading opened; labels switch sec within it
	// described is the section a table is read in: the one a label names
	// before inExamples makes it an example ("## 示例" then "-   异常响应"
	// and a table: the table describes the failure).
	described := secOther
	group := ""
	var lastCaption *mdhtml.Block
	var lastText string
	var intro []string
	var mislabel *mdhtml.Block // a copied label (copiedLabel), said when a table follows
	headings := map[section]bool{}
	uriHeading := false // a URI section of its own, not OBS's 请求消息参数
	for _, b := range p.blocks {
		if b.Kind == mdhtml.Heading && b.Level > 1 {
			sec := classifySection(b.Text)
			headings[sec] = true
			uriHeading = uriHeading || sec == secURI && !isRequestLineParams(normTitle(mdhtml.CleanInline(b.Text)))
		}
	}
	// switchTo moves into the section a label line names.
	failureIndent := 0 // the indentation of the item that began the failure's answer
	switchTo := func(b *mdhtml.Block, s section, text string) {
		keep := ""
		if group == failureGroup && (s == secResponse || s == secResponseExample) && b.Indent > failureIndent {
			// "    -   响应参数" under "-   请求失败的响应消息" (AOS): a label
			// inside the failure's item is still the failure's.
			keep = failureGroup
		}
		sec, described, group, lastCaption, lastText = inExamples(s, headed), s, keep, nil, text
		mislabel = nil
		if copiedLabel(s, headed, headings) {
			sec, described = headed, headed
			mislabel = b // said when a table follows ("-   请求参数 无" is harmless)
		}
		if isFailure(b.Bold + b.Text) { // "-   异常响应", whose text is dropped as saying no more than its section
			group, failureIndent = failureGroup, b.Indent
		}
		p.noteSection(s, b.Text, b.Line)
	}
	// outcome moves into the answer an outcome label names, and to its
	// status when the label gives one ("处理成功返回（204 No Content）").
	outcome := func(b *mdhtml.Block, raw string) bool {
		failure, code, ok := outcomeLabel(raw)
		if !ok || sec == secIntro {
			return false
		}
		switchTo(b, secResponse, "")
		if !answers(sec) {
			return true // a label copied under the request's heading (copiedLabel)
		}
		if code != "" {
			group = code
			p.addStatus(code, "", b.Line)
			if failure {
				p.failureCodes = append(p.failureCodes, code)
			}
		} else if failure {
			group, failureIndent = failureGroup, b.Indent
		}
		return true
	}
	var awaitName *mdhtml.Block // a 接口名称 item whose name is on the next line
	for i := range p.blocks {
		b := &p.blocks[i]
		if awaitName != nil && b.Kind != mdhtml.Text {
			p.diags.Notef(model.Loc{File: p.file, Line: awaitName.Line, What: "接口名称"}, "接口名称 is not followed by a name; ignored")
			awaitName = nil
		}
		switch b.Kind {
		case mdhtml.Heading:
			lastCaption, lastText, mislabel = nil, "", nil
			if b.Level == 1 {
				p.op.Summary = b.Text
				p.op.Loc.Line = b.Line
				if camelRE.MatchString(b.Anchor) {
					p.op.IDHint = b.Anchor
					p.op.IDHints = append(p.op.IDHints, model.IDHint{Loc: model.Loc{File: p.file, Line: b.Line, What: "title anchor"}, Source: "anchor", Name: b.Anchor})
				}
				continue
			}
			p.headingAnchor, p.heading = b.Anchor, normTitle(mdhtml.CleanInline(b.Text))
			sec = classifySection(b.Text)
			if sec == secURI && uriHeading && isRequestLineParams(p.heading) {
				sec = secRequest // 请求消息参数 beside a URI section: the request's parameters, as 请求消息 would be
			}
			if sec == secOther && isBareHeaderTitle(p.heading) {
				// FunctionGraph's "## 消息头" between URI and 请求消息: the
				// request's headers, unless the answer's sections came first.
				sec = secRequest
				if p.seenResponse {
					sec = secResponse
				}
			}
			if sec == secResponse || sec == secResponseExample {
				p.seenResponse = true
			}
			headed, described = sec, sec
			group = ""
			if sec == secResponse && isFailure(b.Text) {
				group, failureIndent = failureGroup, -1 // a heading: every label under it is inside
			}
			p.noteSection(sec, b.Text, b.Line)
		case mdhtml.Caption:
			if m := statusMarkRE.FindStringSubmatch(b.Bold); m != nil {
				group = m[1]
				lastCaption = nil
				continue
			}
			if b.Text == "" && sec != secIntro {
				// "**响应样例**" or "**URI**" on a line of its own.
				if outcome(b, b.Raw) {
					continue
				}
				if isURILabel(b.Bold) {
					switchTo(b, secURI, "")
					continue
				}
				if s, text, ok := label(b.Bold); ok {
					switchTo(b, s, text)
					continue
				}
			}
			lastCaption = b
		case mdhtml.Text:
			if awaitName != nil {
				t := strings.TrimSpace(b.Raw)
				if stripListMarker(t) == t {
					// The line after "-   接口名称" is the name.
					p.addNameHint(b.Text, b.Line)
					awaitName = nil
					continue
				}
				p.diags.Notef(model.Loc{File: p.file, Line: awaitName.Line, What: "接口名称"}, "接口名称 is not followed by a name; ignored")
				awaitName = nil
			}
			if name, ok := nameItem(b.Raw); ok {
				if name == "" {
					awaitName = b
				} else {
					p.addNameHint(name, b.Line)
				}
				continue
			}
			if isURILabel(b.Text) {
				switchTo(b, secURI, "")
				continue
			}
			if sec != secURI && p.op.Method == "" {
				p.noteStrayURI(i)
			}
			if sec == secRequest || sec == secResponse {
				// Before the labels: "响应参数详情见[表3](#…)" starts as one.
				p.noteBodyRef(b, sec == secResponse, group)
			}
			if outcome(b, b.Raw) {
				continue
			}
			if m := statusTextRE.FindStringSubmatch(stripListMarker(strings.TrimSpace(b.Text))); m != nil && answers(sec) {
				// "HTTP状态码 204" under "-   成功响应": the answer's status.
				group = m[1]
				p.addStatus(m[1], "", b.Line)
				if sec == secExamples {
					sec = secResponseExample
				}
				continue
			}
			if s, text, ok := listLabel(b.Raw); ok && sec != secIntro {
				// "-   批量删除镜像标签请求样例" also says what its example shows.
				switchTo(b, s, text)
				continue
			}
			if s, text, ok := textLabel(b.Raw); ok && sec != secIntro {
				switchTo(b, s, text)
				continue
			}
			if i+1 < len(p.blocks) && p.blocks[i+1].Kind == mdhtml.Table {
				// An item without an anchor is a caption only when it names
				// where its rows go ("-   Request Header参数说明"); one that
				// names a failure is the failure's ("-   Error Reponse
				// Body参数说明").
				if text, ok := listCaption(b.Raw); ok && (b.Anchor != "" || kindOf(text) != kindObject) {
					if b.Anchor == "" && answers(sec) && (isFailure(text) || strings.HasPrefix(strings.ToLower(text), "error")) {
						group = failureGroup
					}
					// "-   <a name="li3451542201439"></a>volumes参数说明":
					// the table's caption, and an anchor rows link to.
					lastCaption, lastText = &mdhtml.Block{Kind: mdhtml.Caption, Line: b.Line, Text: text, Anchor: b.Anchor}, ""
					continue
				}
			}
			if failure, ok := outcomeItem(b.Raw); ok && tableSection(sec, headed) == secResponse || ok && sec == secResponseExample {
				// "-   **删除录制配置失败**", "-   处理失败返回（其他响应码，如返回400）":
				// what follows is the error answer, until an item says 成功.
				switch {
				case failure:
					group, failureIndent = failureGroup, b.Indent
				case group == failureGroup:
					group = ""
				}
				if m := successItemStatusRE.FindStringSubmatch(b.Text); m != nil && !failure {
					// "-   处理成功，无返回参数（返回204 No Content）"
					p.addStatus(m[1], "", b.Line)
				}
			}
			lastText = b.Text
			if answers(sec) && group != failureGroup {
				p.noteFileAnswer(b.Text, b.Line)
			}
			if m := successProseRE.FindStringSubmatch(b.Text); m != nil && (answers(sec) || sec == secStatus) {
				// "无响应消息，以http状态码200表示成功。", "删除成功状态码为204"
				p.addStatus(m[1]+m[2], "", b.Line)
				if sec == secResponse && onlyFailureBody(b.Text) {
					group = failureGroup
				}
			}
			switch sec {
			case secStatus:
				if m := statusLineRE.FindStringSubmatch(b.Text); m != nil {
					p.addStatus(m[1], m[2], b.Line)
				}
			case secIntro:
				intro = append(intro, strings.TrimSpace(strings.TrimPrefix(b.Text, "-")))
			case secDebug:
				if m := explorerRE.FindStringSubmatch(b.Raw); m != nil {
					// VOD's links say api=queryAssetList: the same name,
					// exported.
					name := strings.ToUpper(m[1][:1]) + m[1][1:]
					p.op.IDHint = name
					p.op.IDHints = append(p.op.IDHints, model.IDHint{Loc: model.Loc{File: p.file, Line: b.Line, What: "API Explorer link"}, Source: "explorer", Name: name})
				}
			case secURI:
				p.readURILine(b)
			}
		case mdhtml.Table:
			if sec == secURI && p.op.Method == "" {
				if e, ok := endpointTable(b.Table); ok {
					p.setEndpoint(e, b.Line)
					lastCaption = nil
					continue
				}
			}
			if mislabel != nil {
				p.diags.Warnf(model.Loc{File: p.file, Line: mislabel.Line}, "label %q names the %s, but it is under the %s heading and the page has a %s heading of its own; its tables are read as the heading says", labelText(mislabel), sectionNoun(otherMessage(headed)), sectionNoun(headed), sectionNoun(otherMessage(headed)))
				mislabel = nil
			}
			p.addTable(b, tableSection(described, headed), group, lastCaption)
			lastCaption = nil
		case mdhtml.Code:
			p.noteRequestLine(b, sec, p.heading)
			p.noteFormFields(b, sec)
			if m := noBodyStatusRE.FindStringSubmatch(strings.TrimSpace(b.Text)); m != nil && answers(sec) && group != failureGroup {
				// "204: 无返回参数" in a code block under "-   **删除录制配置操作成功**".
				p.addStatus(m[1], "", b.Line)
				continue
			}
			switch sec {
			case secURI:
				// Some pages put the method line in a code block; one
				// after "样例：" is an example URL, not the path.
				if p.op.Method == "" && !strings.Contains(lastText, "样例") && !strings.Contains(lastText, "示例") {
					for _, line := range strings.Split(b.Text, "\n") {
						if e, ok := readEndpointLine(line); ok {
							p.setEndpoint(e, b.Line)
							break
						}
					}
				}
			case secRequestExample, secResponseExample:
				p.addExample(b, sec, group, lastText)
			case secExamples:
				// An unlabelled example that starts with its request line.
				if first, _, _ := strings.Cut(strings.TrimSpace(b.Text), "\n"); isRequestLine(first) {
					p.addExample(b, secRequestExample, "", lastText)
				}
			}
		}
	}
	p.finishEndpoint()
	p.op.Description = strings.Join(intro, "\n")
}

// outcomeItem reads a short list item of a response section that says
// which answer follows: failure for 失败/异常 ("-   **查询直播推流列表失败**"),
// else success for 成功/正常; ok is false for any other item.
func outcomeItem(raw string) (failure, ok bool) {
	item, ok := listItem(raw)
	if !ok {
		return false, false
	}
	text := strings.TrimSpace(mdhtml.CleanInline(strings.ReplaceAll(item, "**", "")))
	if text == "" || utf8.RuneCountInString(text) > 40 || strings.ContainsAny(text, "。；;") {
		return false, false
	}
	return outcomeWord(text)
}

// addStatus records a status code the page states on line.
func (p *page) addStatus(code, desc string, line int) {
	p.statusCodes = append(p.statusCodes, statusRow{code: code, desc: desc, loc: model.Loc{File: p.file, Line: line}})
}

// tableSection is the section a table belongs to: older 请求消息 / 响应消息
// sections may list their example ("-   响应样例") before their table
// ("-   参数说明"), which still describes the section's message.
func tableSection(sec, headed section) section {
	switch {
	case sec == secRequestExample && headed == secRequest:
		return secRequest
	case sec == secResponseExample && headed == secResponse:
		return secResponse
	}
	return sec
}

// copiedLabel reports a label naming the other message than its heading
// ("-   请求参数" under 响应消息) on a page that has a heading of its own
// for the message the label names: a label copied from that section, so
// the heading says what the tables under it describe. Without such a
// heading the label is the page's only word for its tables.
func copiedLabel(sec, headed section, headings map[section]bool) bool {
	return headings[sec] && (headed == secRequest && sec == secResponse || headed == secResponse && sec == secRequest)
}

// labelText is a label line's words: the bold caption or the list item.
func labelText(b *mdhtml.Block) string {
	if b.Bold != "" {
		return b.Bold
	}
	return strings.TrimSpace(stripListMarker(b.Raw))
}

func otherMessage(s section) section {
	if s == secRequest {
		return secResponse
	}
	return secRequest
}

func sectionNoun(s section) string {
	if s == secRequest {
		return "request"
	}
	return "response"
}

func (p *page) addTable(b *mdhtml.Block, sec section, group string, caption *mdhtml.Block) {
	t := &paramTable{block: *b, group: group, cols: mapColumns(b.Table.Header), sectionAnchor: p.headingAnchor}
	p.headingAnchor = ""
	if caption != nil {
		t.label, t.caption = caption.Bold, caption.Text
		if t.caption == "" {
			t.label, t.caption = "", caption.Bold
		}
		t.caption = stripFootnote(t.caption) // "[1] tags字段数据结构说明"
	}
	if caption != nil && caption.Anchor != "" {
		t.anchors = append(t.anchors, caption.Anchor)
	}
	t.kind = kindOf(t.caption)
	if t.kind == kindObject && typeNameOf(t.caption) == "" && kindOf(p.heading) == kindHeader {
		// An uncaptioned table under "## 请求消息头" (OBS) lists headers.
		t.kind = kindHeader
	}
	if t.kind != kindURI {
		t.typeName = typeNameOf(t.caption)
	}
	if isStatusTable(b.Table.Header) {
		p.readStatusTable(t)
		return
	}
	if isErrorCodeTable(t) {
		// "错误码|错误信息|处理措施": the service's error codes, which no
		// parameter refers to; the spec has no place for them.
		p.diags.Notef(t.loc(p.file, 0), "table lists error codes (错误码), not parameters; skipped")
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
	if t.kind == kindObject && t.typeName == "" && sec == secRequest && !p.sdk {
		if names := p.headerRowNames(t); names != "" {
			// vpcep's "表 2 请求参数" of Content-type and X-Auth-Token above
			// its body table "表 3 要素说明".
			p.diags.Notef(t.loc(p.file, 0), "every row of this request table is named like an HTTP header (%s): read as header parameters, not the body", names)
			t.kind = kindHeader
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

// headerNameRE matches a name in the form of an HTTP header: a standard
// request header, or an "X-" extension ("X-Auth-Token", "X-Language").
var headerNameRE = regexp.MustCompile(`^(?i:content-type|content-length|content-md5|content-encoding|accept|accept-language|accept-encoding|authorization|host|user-agent|date|if-match|if-none-match|x-[a-z0-9]+(?:-[a-z0-9]+)*)$`)

// headerRowNames returns the names of a table's rows, joined, when every
// row is named like an HTTP header and none is a placeholder or query
// name of the path line; "" otherwise.
func (p *page) headerRowNames(t *paramTable) string {
	rows := t.block.Table.Rows
	if len(rows) == 0 || t.cols.name < 0 {
		return ""
	}
	inPath := map[string]bool{}
	for _, name := range model.PathParams(p.op.Path) {
		inPath[name] = true
	}
	var names []string
	for _, r := range rows {
		c, ok := cellAt(r, t.cols.name)
		name := firstLine(c.Text)
		if !ok || !headerName(name) || inPath[name] || p.query[name] {
			return ""
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// headerName reports a row name spelled as an HTTP header: one with a
// hyphen (Content-type, X-Auth-Token), or a one-word header capitalised
// (Host, Date): a body's host or date field is lower case.
func headerName(name string) bool {
	if !headerNameRE.MatchString(name) {
		return false
	}
	return strings.Contains(name, "-") || name[0] >= 'A' && name[0] <= 'Z'
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

// isErrorCodeTable reports a table whose first column is the error code
// and which has no parameter name or type column.
func isErrorCodeTable(t *paramTable) bool {
	if len(t.block.Table.Header) < 2 || t.cols.name >= 0 || t.cols.typ >= 0 {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(t.block.Table.Header[0].Text)) {
	case "错误码", "错误代码", "error code", "error_code":
		return true
	}
	return false
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

// headerCaptionRE matches the other captions of header tables: the word
// header or 头 between 公共/请求/响应 and 参数/说明/信息/列表 ("Header说明",
// "请求头参数", "响应Header列表"). isHeaderCaption rejects a bare "header":
// that, like "headers字段说明", may name an object type.
var headerCaptionRE = regexp.MustCompile(`^(?:公共)?(?:(?:请求|响应)(?:消息)?)?\s*(?:header|头)\s*(?:参数|说明|信息|列表)*$`)

func isHeaderCaption(lower string) bool {
	c := strings.TrimSpace(lower)
	return c != "header" && c != "头" && headerCaptionRE.MatchString(c)
}

func kindOf(caption string) tableKind {
	c := strings.ToLower(strings.TrimSpace(caption))
	switch {
	case strings.Contains(c, "路径参数") || strings.Contains(c, "path参数"):
		return kindPath
	case strings.Contains(c, "query参数") || strings.Contains(c, "查询参数"):
		return kindQuery
	case strings.Contains(c, "header参数") || strings.Contains(c, "消息头") || isHeaderCaption(c):
		return kindHeader
	case strings.Contains(c, "body参数") || strings.Contains(c, "消息体"):
		return kindBody
	case strings.HasPrefix(c, "uri参数") || strings.HasPrefix(c, "uri中的参数"):
		// "URI参数说明": the URI's parameters, not a type named URI.
		return kindURI
	}
	return kindObject
}

// build turns the collected tables into parameters, bodies and responses.
func (p *page) build() {
	if code := p.failureStatus(); code != failureGroup {
		for _, t := range p.tables {
			if t.group == failureGroup {
				t.group = code
			}
		}
		for _, e := range p.examples {
			if e.status == failureGroup {
				e.status = code
			}
		}
	}
	r := newResolver(p.file, p.tables, p.examples, &p.diags)
	defer func() { p.offered, p.linksOut = offerTables(r), r.linksOut }()
	responses := map[string]*model.Response{}
	success := "" // p.successStatus(), once: it walks every example
	response := func(group string) *model.Response {
		if group == "" {
			if success == "" {
				success = p.successStatus()
			}
			group = success
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
		if kind == kindBody && t.bySection && t.scope == scopeRequest {
			switch {
			case p.op.Method == "GET" || p.op.Method == "HEAD":
				kind = kindQuery // a GET has no body: an uncaptioned request table lists its query parameters
			case p.namesOnlyURI(t):
				// "**表 1** 请求参数" under 请求消息 with the rows project_id and
				// alarm_id: the path's placeholders, not a body.
				p.diags.Notef(t.loc(p.file, 0), "every row of this request table names a placeholder of the path or its query string; read as the URI's parameters, not a body")
				kind = kindURI
			default:
				kind = p.requestTableKind(t)
			}
		}
		switch kind {
		case kindPath, kindQuery, kindHeader, kindURI:
			params := p.params(r, t, kind)
			if t.scope == scopeResponse {
				resp := response(t.group)
				for _, prm := range params {
					if strings.EqualFold(prm.Name, "content-type") && t.group != failureGroup && p.noteFileAnswer(prm.Description, prm.Loc.Line) {
						continue // the body's media type, where OpenAPI says it
					}
					resp.Headers = append(resp.Headers, prm)
				}
				continue
			}
			if kind == kindURI {
				params = p.bodyFieldsOfURITable(r, t, params)
			}
			p.addRequestParams(params)
		case kindBody:
			if t == p.uriItemUsed {
				continue // the items of a URI row's body member
			}
			schema, required := r.bodySchema(t)
			body := &model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: schema}
			if t.scope == scopeResponse {
				resp := response(t.group)
				if resp.Body != nil {
					p.diags.Warnf(body.Loc, "second response body table for status %s; ignored", resp.Status)
					continue
				}
				if p.splitHeaderRows(t, body, resp) {
					continue // the table lists headers only
				}
				resp.Loc, resp.Body = body.Loc, body
				continue
			}
			body.Required = required
			p.mergeRequestBody(body)
		}
	}
	p.fileURIBody()
	p.useBodyRefs(r, response)
	p.addLinkedPlaceholders()
	p.addQueryValues()
	p.addQueryNames()
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
	for _, resp := range sortedResponses(responses) { // in order: the warnings come out the same every run
		if resp.Body != nil && noBodyStatus(resp.Status) {
			// ModelArts' 删除标注团队 gives 204 a results table: the
			// server cannot send it, and a client expecting it fails.
			p.diags.Warnf(resp.Body.Loc, "status %s has no content (RFC 9110), but a table describes a body for it; the body is left out", resp.Status)
			resp.Body = nil
		}
	}
	if a := p.fileAnswer; a != nil {
		resp := response(p.successStatus())
		if resp.Body != nil && resp.Body.MediaType == "application/json" {
			p.diags.Notef(resp.Body.Loc, "the answer is a file (%s, line %d); this table describes the file, not a JSON body", a.mediaType, a.line)
		}
		resp.Body = &model.Body{Loc: model.Loc{File: p.file, Line: a.line}, MediaType: a.mediaType, Schema: &model.Schema{Loc: model.Loc{File: p.file, Line: a.line}, Type: model.TypeString, Format: "binary"}}
	}
	if rb, c := p.op.RequestBody, p.curlMediaType; rb != nil && rb.Schema != nil && c != nil && !p.mediaTyped && rb.MediaType != c.mediaType {
		// AOS's 更新模板 has no header table; its curl sends
		// -H "Content-Type:multipart/form-data".
		p.diags.Notef(model.Loc{File: p.file, Line: c.line, What: "example"}, "no header row gives the request's media type; the example's curl sends Content-Type %s: read as that", c.mediaType)
		rb.MediaType = c.mediaType
	}
	p.attachExamples(response, responses)
	p.checkExampleURLs()
	if p.op.RequestBody != nil && p.op.RequestBody.Schema == nil {
		p.op.RequestBody = nil // a Content-Type header without a body table
	} else if p.op.RequestBody != nil && p.bareContentType != nil {
		p.diags.Warnf(*p.bareContentType, "Content-Type header names no media type; application/json assumed")
	}
	p.op.Responses = sortedResponses(responses)
	if len(responses) == 1 && responses[failureGroup] != nil {
		p.diags.Warnf(responses[failureGroup].Loc, "the page describes only the failure answer; no success status is given")
	}
}

// splitHeaderRows makes the rows of a response body table that name
// headers the answer's headers, and a row named Body the body itself:
// FunctionGraph's 执行函数 lists X-Cff-Function-Log, X-Cff-Invoke-Summary
// and "Body | JSON | 函数执行结果" in one table. It reports a table of
// headers only, which leaves the answer no body.
func (p *page) splitHeaderRows(t *paramTable, body *model.Body, resp *model.Response) bool {
	s := body.Schema
	if s == nil || s.Type != model.TypeObject {
		return false
	}
	var headers []string
	kept := s.Properties[:0:0]
	for _, pr := range s.Properties {
		if !headerNameRE.MatchString(pr.Name) || !strings.Contains(pr.Name, "-") {
			// host, date, accept: words a JSON member may be (APIG's
			// exported swagger has a host).
			kept = append(kept, pr)
			continue
		}
		hs := pr.Schema
		if hs == nil || hs.Type == model.TypeObject || hs.Type == model.TypeArray || hs.Type == model.TypeAny {
			hs = &model.Schema{Loc: pr.Loc, Type: model.TypeString} // a header carries text (JSON, here)
		}
		resp.Headers = append(resp.Headers, &model.Param{Loc: pr.Loc, Name: pr.Name, In: model.InHeader, Description: pr.Description, Schema: hs})
		headers = append(headers, pr.Name)
	}
	if len(headers) == 0 {
		return false
	}
	s.Properties = kept
	what := "the answer's headers"
	if len(kept) == 1 && (strings.EqualFold(kept[0].Name, "body") || kept[0].Name == "响应体" || kept[0].Name == "消息体") {
		body.Schema = kept[0].Schema
		what += ", and its row " + kept[0].Name + " the body itself"
	}
	p.diags.Notef(t.loc(p.file, 0), "rows %s of this response table are header names: read as %s", strings.Join(headers, ", "), what)
	return len(kept) == 0
}

// mediaAt is a media type and the line that names it.
type mediaAt struct {
	mediaType string
	line      int
}

// fileMediaRE reads a media type no JSON decoder reads, named in a
// sentence or header row about the answer's Content-Type: "响应消息的
// Content-Type是application/octet-stream", "消息体的类型（格式）：
// application/octet-stream;charset=UTF-8".
var fileMediaRE = regexp.MustCompile(`(?i)(?:content-type|消息体的类型)[^a-z\n]{0,24}(application/(?:octet-stream|zip|x-zip-compressed|gzip|x-gzip|x-tar|pdf)|image/(?:png|jpeg|gif))`)

// noteFileAnswer records the first file media type text names for the
// success answer; it reports whether text named one.
func (p *page) noteFileAnswer(text string, line int) bool {
	if !strings.Contains(text, "/") {
		return false // most text: no media type to look for
	}
	m := fileMediaRE.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if p.fileAnswer == nil {
		p.fileAnswer = &mediaAt{mediaType: strings.ToLower(m[1]), line: line}
	}
	return true
}

// requestTableKind places an uncaptioned request table of a call that
// may have a body: its rows are query parameters when the request
// example's URL query names them and no example shows a JSON body
// (live's "DELETE /v1/{project_id}/stream/blocks?domain=xxx&app_name=xxx"
// under a 请求参数 table of domain and app_name); else a body, with a
// warning for a DELETE, whose body many servers and proxies drop.
func (p *page) requestTableKind(t *paramTable) tableKind {
	named, required, missing := 0, 0, ""
	for _, row := range t.block.Table.Rows {
		c, _ := cellAt(row, t.cols.name)
		name := firstLine(c.Text)
		if p.exampleQuery[name] {
			named++
			continue
		}
		if rc, ok := cellAt(row, t.cols.required); ok && isYes(rc.Text) {
			required++
			if missing == "" {
				missing = name
			}
		}
	}
	jsonExample := false
	for _, e := range p.examples {
		jsonExample = jsonExample || !e.response && e.ex != nil
	}
	at := t.loc(p.file, 0)
	switch {
	case named > 0 && required == 0 && !jsonExample:
		p.diags.Notef(at, "the request example's URL query names this table's parameters and shows no body; read as query parameters")
		return kindQuery
	case p.op.Method == "DELETE" && named > 0 && required > 0:
		p.diags.Warnf(at, "the request example's URL query names some of this table's parameters, but not the required %q; read as the DELETE's JSON body", missing)
	case p.op.Method == "DELETE" && !jsonExample:
		p.diags.Warnf(at, "request table of a DELETE read as its JSON body, though neither its caption nor an example shows a body")
	}
	return kindBody
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
		if (kind == kindURI || kind == kindPath) && !inPath[name] && p.host[name] {
			p.diags.Notef(at, "row %q is the URL's host ({%s}): the server, which the service file gives, not a parameter; left out", name, name)
			continue
		}
		if (kind == kindURI || kind == kindPath) && !inPath[name] {
			if ph := p.placeholderFor(name); ph != "" {
				p.diags.Notef(at, "row %q is the path's {%s}, spelled differently; read as that path parameter", name, ph)
				name = ph
			} else if ph := p.renamedResourceID(name, f.required); kind == kindURI && ph != "" {
				p.diags.Warnf(at, "row %q names no placeholder of the path %s, whose {%s} no row documents; read as {%s}", name, p.op.Path, ph, ph)
				name = ph
			}
		}
		names, alternatives := []string{name}, false
		if strings.Contains(name, "/") && !inPath[name] {
			if names, alternatives = p.alternativeNames(at, name, inPath); len(names) == 0 {
				continue
			}
		}
		for _, name := range names {
			in := in
			switch {
			case kind == kindURI:
				in = model.InQuery
				if inPath[name] {
					in = model.InPath
				}
			case kind == kindPath && !inPath[name] && p.query[name]:
				in = model.InQuery // the path line's query string names it
			case kind == kindQuery && inPath[name]:
				// AOM's GET lists project_id beside its query parameter
				// in one 请求参数 table: a placeholder is the path's.
				p.diags.Notef(at, "row %q is the path's {%s}; read as that path parameter", name, name)
				in = model.InPath
			}
			desc := f.desc.Text
			if in == model.InHeader && strings.EqualFold(name, "content-type") && mediaTypeRE.FindString(desc) == "" {
				// The media type in a 示例 column: "Content-type | 是 |
				// 发送的实体的MIME类型。 | application/json".
				for _, c := range t.block.Table.Rows[i-1].Cells {
					if mt := mediaTypeRE.FindString(c.Text); mt != "" {
						desc = strings.TrimSpace(desc + "\n\n" + mt)
						break
					}
				}
			}
			prm := &model.Param{
				Loc: at, Name: name, In: in, Required: f.required && !alternatives || in == model.InPath,
				Description: desc,
				Schema:      r.paramSchema(t, at, f, name, in),
			}
			if alternatives {
				others := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == name })
				prm.Description = strings.TrimSpace(prm.Description + "\n\nAn alternative to " + strings.Join(others, ", ") + " (the row names them together).")
			}
			out = append(out, prm)
		}
	}
	return out
}

// alternativeNames splits a row naming alternatives ("env_id/env") into
// its names, each optional (alternatives is true); a part that is one of
// the path's placeholders is that path parameter alone. A row whose parts
// are not all names is left out with a warning (nil): no parameter name
// keeps a "/".
func (p *page) alternativeNames(at model.Loc, name string, inPath map[string]bool) (names []string, alternatives bool) {
	names, ok := splitAlternatives(name, paramNameRE)
	if !ok {
		p.diags.Warnf(at, "row %q names a parameter with \"/\", and its parts are not names; left out", name)
		return nil, false
	}
	for _, n := range names {
		if inPath[n] {
			p.diags.Notef(at, "row %q names alternatives, one of them the path's {%s}: read as that path parameter", name, n)
			return []string{n}, false
		}
	}
	p.diags.Notef(at, "row %q names alternatives (%s): read as one optional parameter each", name, strings.Join(names, ", "))
	return names, true
}

// splitAlternatives cuts a row's name at "/" into the names it offers
// ("env_id/env", "started_at/stopped_at"); ok is false unless every part
// is a name by re.
func splitAlternatives(name string, re *regexp.Regexp) (names []string, ok bool) {
	for part := range strings.SplitSeq(name, "/") {
		part = strings.TrimSpace(part)
		if !re.MatchString(part) {
			return nil, false
		}
		names = append(names, part)
	}
	return names, true
}

// paramNameRE is a parameter name: ASCII letters, digits, "_", "-", ".".
var paramNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// namesOnlyURI reports a table each of whose rows names a placeholder of
// the path (in the path's spelling or another, see placeholderFor) or a
// name of the path line's query string.
func (p *page) namesOnlyURI(t *paramTable) bool {
	rows := t.block.Table.Rows
	if len(rows) == 0 || t.cols.name < 0 {
		return false
	}
	inPath := map[string]bool{}
	for _, name := range model.PathParams(p.op.Path) {
		inPath[name] = true
	}
	for _, r := range rows {
		c, ok := cellAt(r, t.cols.name)
		if !ok {
			return false
		}
		name := firstLine(c.Text)
		if !inPath[name] && !p.query[name] && p.placeholderFor(name) == "" {
			return false
		}
	}
	return true
}

// placeholderFor returns the path placeholder a URI row names in another
// spelling ("projectId" or "project _id" for {project_id}: case, spaces, "_"
// and "-" aside), when exactly one placeholder matches and no URI or path
// table's row names it as the path does; "" otherwise.
func (p *page) placeholderFor(name string) string {
	folded := model.FoldName(strings.ReplaceAll(name, " ", "")) // "project _id"
	if folded == "" {
		return ""
	}
	match := ""
	for _, ph := range model.PathParams(p.op.Path) {
		if model.FoldName(ph) != folded || ph == match {
			continue
		}
		if match != "" {
			return "" // two placeholders fold alike: which one is meant?
		}
		match = ph
	}
	if match == "" {
		return ""
	}
	if p.uriRows()[match] {
		return ""
	}
	return match
}

// uriRows is the names of the rows of the page's URI and path tables.
func (p *page) uriRows() map[string]bool {
	if p.uriRowNames == nil {
		p.uriRowNames = map[string]bool{}
		for _, other := range p.tables {
			if other.scope != scopeRequest || other.kind != kindURI && other.kind != kindPath {
				continue
			}
			for _, r := range other.block.Table.Rows {
				if c, ok := cellAt(r, other.cols.name); ok {
					p.uriRowNames[firstLine(c.Text)] = true
				}
			}
		}
	}
	return p.uriRowNames
}

// renamedResourceID is the path's last placeholder when a required URI
// table row documents it under another name: DRS's DELETE
// …/replication_task/{task_id} lists jobId (任务ID) and no task_id. Both
// must name an id, the placeholder must be the one no row documents and
// the row the one that names neither a placeholder nor a key of the query
// string; a tenant's id is never so renamed. "" for any other row.
func (p *page) renamedResourceID(name string, required bool) string {
	isID := func(s string) bool { // task_id, jobId, ID; not valid or paid
		return strings.HasSuffix(strings.ToLower(s), "_id") || strings.HasSuffix(s, "Id") || strings.HasSuffix(s, "ID") || strings.EqualFold(s, "id")
	}
	phs := model.PathParams(p.op.Path)
	if !required || !isID(name) || len(phs) == 0 {
		return ""
	}
	rows := p.uriRows()
	documented := func(ph string) bool {
		for row := range rows {
			if row == ph || model.FoldName(row) == model.FoldName(ph) {
				return true
			}
		}
		return false
	}
	var undocumented []string
	for _, ph := range phs {
		if !documented(ph) {
			undocumented = append(undocumented, ph)
		}
	}
	last := phs[len(phs)-1]
	if len(undocumented) != 1 || undocumented[0] != last || !isID(last) || tenantID(last) {
		return ""
	}
	strays := 0
	for row := range rows {
		if isID(row) && !slices.ContainsFunc(phs, func(ph string) bool { return model.FoldName(ph) == model.FoldName(row) }) && !p.query[row] && !p.exampleQuery[row] {
			strays++
		}
	}
	if strays != 1 || p.query[name] || p.exampleQuery[name] {
		return ""
	}
	return last
}

// tenantID reports the placeholder of a project's or account's id.
func tenantID(name string) bool {
	switch model.FoldName(name) {
	case "projectid", "domainid", "tenantid", "accountid":
		return true
	}
	return false
}

var mediaTypeRE = regexp.MustCompile(`(?:application|text|multipart)/[A-Za-z0-9.+-]+`)

// addRequestParams files request parameters, turning a Content-Type header
// into the request body's media type, where OpenAPI models it. Headers that
// carry credentials stay parameters: the service file's security schemes
// say which they are.
func (p *page) addRequestParams(params []*model.Param) {
	for _, prm := range params {
		if prm.In == model.InHeader {
			switch strings.ToLower(prm.Name) {
			case "content-type":
				mt := mediaTypeRE.FindString(prm.Description)
				p.mediaTyped = mt != ""
				if mt == "" {
					// "消息体的类型（格式）" on every page, GET included.
					at := prm.Loc
					p.bareContentType = &at
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

// successStatus is the status that untagged response tables describe: the
// first 2xx the page lists, else 200.
func (p *page) successStatus() string {
	for _, s := range p.statusCodes {
		if successCode(s.code) {
			return s.code
		}
	}
	for _, e := range p.examples {
		if successCode(e.status) {
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

// answers reports the sections that describe or show an answer.
func answers(sec section) bool {
	return sec == secResponse || sec == secResponseExample || sec == secExamples
}

// uriBody is the request body a URI table's rows give (bodyFieldsOfURITable):
// filed once the loop over the tables has read any body table.
type uriBody struct {
	schema *model.Schema
	names  []string
	// item is the body table that describes the items of one of the
	// rows (mrs: tags List<resource_tag> and 表2 of key and value), not
	// the body itself.
	item *paramTable
}

// formFieldRE reads a curl form field of a request example: -F
// "description=busybox", --form 'a=b'.
var formFieldRE = regexp.MustCompile(`^(?:-F|--form)\s+["']?([A-Za-z_][A-Za-z0-9_.\[\]-]*)=`)

// curlContentTypeRE reads the media type a curl command's -H sends.
var curlContentTypeRE = regexp.MustCompile(`(?i)(?:-H|--header)\s*["']?\s*content-type\s*:\s*([a-z]+/[a-z0-9.+-]+)`)

// noteFormFields records the curl -F fields of a request example, and the
// Content-Type its -H sends.
func (p *page) noteFormFields(b *mdhtml.Block, sec section) {
	if sec != secRequestExample {
		return
	}
	if m := curlContentTypeRE.FindStringSubmatch(b.Text); m != nil && p.curlMediaType == nil {
		p.curlMediaType = &mediaAt{mediaType: strings.ToLower(m[1]), line: b.Line}
	}
	for _, l := range strings.Split(b.Text, "\n") {
		for _, part := range strings.Split(strings.TrimSpace(l), " -F ") {
			part = strings.TrimSpace(part)
			if !strings.HasPrefix(part, "-") {
				part = "-F " + part
			}
			if m := formFieldRE.FindStringSubmatch(part); m != nil && len(p.formFields) < 64 {
				if p.formFields == nil {
					p.formFields = map[string]bool{}
				}
				p.formFields[m[1]] = true
			}
		}
	}
}

// bodyFieldsOfURITable takes out of a URI table's parameters the rows of a
// POST, PUT or PATCH that the path has no placeholder for and its path line
// and example URL no query key for, when a request example shows them as
// body members: its JSON object's members or its curl -F fields. ELB v1
// lists its body fields under URI and says 无 under 请求参数; SWR lists
// them beside the path's placeholders. With a body table too, the rows
// join it, or, when the example shows the table's rows inside one of
// them (mrs: tags, whose items are 表2's key and value), the table
// describes that row's items. Rows no example shows stay query
// parameters, with a warning. It returns the parameters kept.
func (p *page) bodyFieldsOfURITable(r *resolver, t *paramTable, params []*model.Param) []*model.Param {
	if p.op.RequestBody != nil && p.op.RequestBody.Schema != nil || p.op.Method != "POST" && p.op.Method != "PUT" && p.op.Method != "PATCH" {
		return params
	}
	if c := strings.ToLower(t.caption); strings.Contains(c, "query") || strings.Contains(c, "查询参数") {
		return params // "表 1 Query描述": the caption says where the rows go
	}
	queried := map[model.Loc]bool{} // rows one of whose names the query string has
	for _, pr := range params {
		if p.query[pr.Name] || p.exampleQuery[pr.Name] {
			queried[pr.Loc] = true
		}
	}
	var candidates []*model.Param
	for _, pr := range params {
		// An alternative of a query key ("env_id/env" with ?env_id=) is
		// sent as the query too.
		if pr.In == model.InQuery && !queried[pr.Loc] {
			candidates = append(candidates, pr)
		}
	}
	if len(candidates) == 0 {
		return params
	}
	var example map[string]any
	for _, e := range p.examples {
		if !e.response && e.ex != nil {
			if example = asObject(e.ex.Value); example != nil {
				break
			}
		}
	}
	shows := func(name string) bool {
		if _, ok := example[name]; ok {
			return true
		}
		return example == nil && p.formFields[name]
	}
	var bodyTable *paramTable
	for _, other := range p.tables {
		if other.kind == kindBody && other.scope == scopeRequest {
			bodyTable = other
			break
		}
	}
	var kept, shown, unshown []*model.Param
	for _, pr := range params {
		switch {
		case !slices.Contains(candidates, pr):
			kept = append(kept, pr)
		case shows(pr.Name):
			shown = append(shown, pr)
		default:
			kept = append(kept, pr)
			unshown = append(unshown, pr)
		}
	}
	at := t.loc(p.file, 0)
	if len(unshown) > 0 {
		p.diags.Warnf(at, "rows %s of this URI table of a %s are no placeholder of the path nor a name of its query string, and no request example shows them; read as query parameters", paramNames(unshown), p.op.Method)
	}
	if len(shown) == 0 {
		return params
	}
	pending := &uriBody{schema: &model.Schema{Loc: at, Type: model.TypeObject}}
	if bodyTable != nil {
		item, ok := p.itemTableOf(bodyTable, shown, example)
		if !ok && !p.tableAtTop(bodyTable, example) {
			return params // a body table of its own, which the example does not show beside the rows
		}
		pending.item = item
	}
	for _, pr := range shown {
		desc, schema := pr.Description, pr.Schema
		if t.cols.typ < 0 {
			// "<p>List&lt;resource_tag&gt;</p><p>标签列表</p>" in a table
			// with no type column: the description's first line is the type.
			if s, rest, ok := p.typeInDescription(r, pr, pending.item, example); ok {
				desc, schema = rest, s
			}
		}
		pending.schema.Properties = append(pending.schema.Properties, &model.Property{Loc: pr.Loc, Name: pr.Name, Required: pr.Required, Description: desc, Schema: schema})
		pending.names = append(pending.names, pr.Name)
	}
	p.uriBody = pending
	return kept
}

func paramNames(params []*model.Param) string {
	names := make([]string, len(params))
	for i, pr := range params {
		names[i] = pr.Name
	}
	return strings.Join(names, ", ")
}

// rowNames are the names of a table's rows.
func rowNames(t *paramTable) map[string]bool {
	names := map[string]bool{}
	for _, r := range t.block.Table.Rows {
		if c, ok := cellAt(r, t.cols.name); ok {
			names[firstLine(c.Text)] = true
		}
	}
	return names
}

// tableAtTop reports a body table some of whose rows the example object
// has at its top level.
func (p *page) tableAtTop(t *paramTable, example map[string]any) bool {
	for name := range rowNames(t) {
		if _, ok := example[name]; ok {
			return true
		}
	}
	return false
}

// itemTableOf returns the body table when it describes the items (or the
// object) of one of the rows shown, not the body: none of its rows is at
// the example's top level, and that row's value in the example has only
// the table's rows as members.
func (p *page) itemTableOf(t *paramTable, shown []*model.Param, example map[string]any) (*paramTable, bool) {
	if example == nil || p.tableAtTop(t, example) {
		return nil, false
	}
	rows := rowNames(t)
	fits := func(v any) bool {
		m := asObject(v)
		for k := range m {
			if !rows[k] {
				return false
			}
		}
		return len(m) > 0
	}
	for _, pr := range shown {
		v := example[pr.Name]
		if items, ok := v.([]any); ok && len(items) > 0 {
			v = items[0]
		}
		if fits(v) {
			return t, true
		}
	}
	return nil, false
}

// typeInDescription reads the type a typeless URI row gives as the first
// line of its description ("List<resource_tag>", then "标签列表"): the
// member's schema and the rest of the description. An array or object
// of a named type is the item table's object when the example shows that
// table's rows in the member.
func (p *page) typeInDescription(r *resolver, pr *model.Param, item *paramTable, example map[string]any) (*model.Schema, string, bool) {
	first, rest, _ := strings.Cut(pr.Description, "\n")
	ref, ok := readType(first)
	if !ok {
		return nil, "", false
	}
	rest = strings.TrimSpace(rest)
	switch {
	case ref.kind == refPrim:
		return &model.Schema{Loc: pr.Loc, Type: ref.prim[0], Format: ref.prim[1], MaxLength: ref.maxLength}, rest, true
	case ref.kind == refArray && ref.elem != nil && ref.elem.kind == refPrim:
		return &model.Schema{Loc: pr.Loc, Type: model.TypeArray, Items: &model.Schema{Loc: pr.Loc, Type: ref.elem.prim[0], Format: ref.elem.prim[1]}}, rest, true
	case item != nil && (ref.kind == refArray || ref.kind == refObject):
		v := example[pr.Name]
		items, isArray := v.([]any)
		if isArray && len(items) > 0 {
			v = items[0]
		}
		if asObject(v) == nil || (ref.kind == refArray) != isArray {
			return nil, "", false
		}
		obj, _ := r.bodySchema(item)
		if ref.elem != nil && ref.elem.named != "" && obj.Name == "" {
			obj.Name = ref.elem.named
		} else if ref.named != "" && obj.Name == "" {
			obj.Name = ref.named
		}
		p.uriItemUsed, p.uriItemField = item, pr.Name
		if ref.kind == refArray {
			return &model.Schema{Loc: pr.Loc, Type: model.TypeArray, Items: obj}, rest, true
		}
		return obj, rest, true
	}
	return nil, "", false
}

// fileURIBody makes the rows bodyFieldsOfURITable took the request body,
// or members of the body a body table gave.
func (p *page) fileURIBody() {
	u := p.uriBody
	if u == nil {
		return
	}
	if u.item != nil && p.uriItemUsed != u.item {
		p.diags.Warnf(u.item.loc(p.file, 0), "the request example shows this table's rows inside %s, but no row's type says it holds them; the table is ignored", strings.Join(u.names, ", "))
	}
	if rb := p.op.RequestBody; rb != nil && rb.Schema != nil {
		if rb.Schema.Type != model.TypeObject {
			p.diags.Warnf(u.schema.Loc, "rows %s of this URI table are body members by the request example, but the body table is no object; left out", strings.Join(u.names, ", "))
			return
		}
		for _, prop := range u.schema.Properties {
			if !slices.ContainsFunc(rb.Schema.Properties, func(q *model.Property) bool { return q.Name == prop.Name }) {
				rb.Schema.Properties = append(rb.Schema.Properties, prop)
			}
		}
		rb.Required = rb.Required || anyRequired(u.schema)
		p.diags.Notef(u.schema.Loc, "rows %s of this URI table are no placeholder of the path, and the request example's body has them: read as members of the body, beside the body table's", strings.Join(u.names, ", "))
		return
	}
	how := "the request example's body has them"
	if len(p.formFields) > 0 && !slices.ContainsFunc(p.examples, func(e *located) bool { return !e.response && e.ex != nil }) {
		how = "the request example sends them as curl -F fields"
	}
	what := "the body's fields"
	if u.item != nil && p.uriItemUsed == u.item {
		what += fmt.Sprintf(" (table %q describes what %s holds)", u.item.name(), p.uriItemField)
	}
	p.diags.Notef(u.schema.Loc, "rows %s of this URI table are no placeholder of the path, and %s: read as %s, not query parameters", strings.Join(u.names, ", "), how, what)
	mediaType := "application/json"
	if p.op.RequestBody != nil && p.op.RequestBody.MediaType != "" {
		mediaType = p.op.RequestBody.MediaType // a Content-Type header row's
	}
	p.op.RequestBody = &model.Body{Loc: u.schema.Loc, MediaType: mediaType, Schema: u.schema, Required: anyRequired(u.schema)}
}
