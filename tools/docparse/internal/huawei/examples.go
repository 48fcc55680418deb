package huawei

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// addExample reads a code block of an example section: a JSON body, response
// header lines ("Name:value"), or a request line, which is skipped.
func (p *page) addExample(b *mdhtml.Block, sec section, group, lastText string) {
	// Lines are cut one at a time, and the JSON read from where it starts,
	// rather than splitting the block and joining the rest again.
	start, startOff := -1, 0
	code, codeLoc := "", model.Loc{}
	headers := map[string]string{}
	rest := b.Text
	for i, off := 0, 0; ; i++ {
		l, next, more := strings.Cut(rest, "\n")
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			start, startOff = i, off
			break
		}
		if m := exampleStatusRE.FindStringSubmatch(t); m != nil && sec == secResponseExample {
			// "STATUS CODE 204", "无（STATUS CODE 204）" or the status line
			// "HTTP/1.1 404 Not Found": the answer's status.
			code = m[1] + m[2]
			codeLoc = model.Loc{File: p.file, Line: b.Line + 1 + i, What: "example"}
		}
		if e, ok := readEndpointLine(t); ok && sec == secRequestExample {
			if len(p.exampleURLs) < maxExampleCalls {
				p.exampleURLs = append(p.exampleURLs, exampleCall{method: e.method, path: e.path, line: b.Line + 1 + i})
			}
			// "DELETE /v1/x?domain=xxx&app_name=xxx": where the call
			// puts its parameters.
			for _, name := range e.query {
				if p.exampleQuery == nil {
					p.exampleQuery = map[string]bool{}
				}
				p.exampleQuery[name] = true
			}
		}
		skip := uriLineRE.MatchString(t) || t == "" || strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")
		if name, value, ok := strings.Cut(t, ":"); !skip && ok && sec == secResponseExample && !strings.ContainsAny(name, " \t") {
			headers[name] = strings.TrimSpace(value)
		}
		if !more {
			break
		}
		off, rest = off+len(l)+1, next
	}
	status := ""
	if sec == secResponseExample {
		status = group
	}
	if code != "" {
		if status == "" || status == failureGroup && !successCode(code) {
			status = code // "请求失败样例" with "Http Status Code: 400": the failure's code
		}
		if status == code {
			p.statusCodes = append(p.statusCodes, statusRow{code: code, loc: codeLoc})
		} else {
			p.diags.Warnf(codeLoc, "example says status %s under the marker of status %s; read as %s", code, status, status)
		}
	}
	if start < 0 {
		if len(headers) > 0 {
			p.examples = append(p.examples, &located{response: sec == secResponseExample, status: status, headers: headers})
		}
		return
	}
	at := model.Loc{File: p.file, Line: b.Line + 1 + start, What: "example"}
	text := b.Text[startOff:]
	if stripped, lines := stripLineComments(text); len(lines) > 0 {
		// "unit": "",//单位为空 — a comment JSON has no room for.
		first := at
		first.Line += lines[0]
		words := make([]string, len(lines))
		for i, l := range lines {
			words[i] = strconv.Itoa(at.Line + l)
		}
		where := "line "
		if len(lines) > 1 {
			where = "lines "
		}
		p.diags.Notef(first, "example has // comments (%s%s); dropped before reading the JSON", where, strings.Join(words, ", "))
		text = stripped
	}
	summary := trimListMarker(lastText)
	alt := isOr(summary)
	for {
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			fixed, repairs := repairJSON(text)
			if repairs == nil {
				p.diags.Warnf(at, "example is not valid JSON (%s); ignored", jsonError(err, text, at.Line))
				return
			}
			dec = json.NewDecoder(strings.NewReader(fixed))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil {
				p.diags.Warnf(at, "example is not valid JSON (%s), even with %s mended; ignored", jsonError(err, fixed, at.Line), repairText(repairs, at.Line))
				return
			}
			p.diags.Notef(at, "example is not valid JSON as typed: %s; read as JSON would have it", repairText(repairs, at.Line))
			text = fixed
		}
		p.examples = append(p.examples, &located{response: sec == secResponseExample, status: status, headers: headers, ex: &model.Example{Loc: at, Summary: summary, Value: v}, alt: alt})
		rest := text[dec.InputOffset():]
		if strings.TrimSpace(rest) == "" {
			return
		}
		// "{...}\n或\n{...}": two bodies, either of which the call takes.
		next, ok := afterAlternative(rest)
		if !ok {
			p.diags.Warnf(at, "text after this JSON value in the example is not another value after 或; the text is ignored")
			return
		}
		at.Line += strings.Count(text[:len(text)-len(next)], "\n")
		text, alt = next, true
	}
}

// isOr reports a line that says "or" between two answers: 或, 或者, or.
func isOr(line string) bool {
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "或", "或者", "or":
		return true
	}
	return false
}

// inferRequestBody gives a request with an example but no body table (GES
// documents its body by the example and tables of its elements) the schema
// the example shows, with a warning: the types are the example values',
// no field is required. A GET or HEAD has no body, and an empty example
// ("{}" under 空请求体) shows none.
func (p *page) inferRequestBody(ex *model.Example) bool {
	if p.op.Method == "GET" || p.op.Method == "HEAD" || isEmptyJSON(ex.Value) {
		return false
	}
	if ref := p.requestRef; ref != nil {
		p.diags.Warnf(ex.Loc, "the request body is given only by reference to %s (line %d), %s; the body's schema is inferred from the example (every field optional)", ref.target, ref.line, ref.where())
	} else {
		p.diags.Warnf(ex.Loc, "request example but the page has no request body table; the body's schema is inferred from the example (every field optional)")
	}
	if p.op.RequestBody == nil {
		p.op.RequestBody = &model.Body{Loc: ex.Loc, MediaType: "application/json"}
	}
	p.op.RequestBody.Loc, p.op.RequestBody.Schema = ex.Loc, model.InferSchema(ex.Value, ex.Loc)
	return true
}

func isEmptyJSON(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		return len(x) == 0
	case []any:
		return len(x) == 0
	}
	return false
}

// afterAlternative reads the text after an example's JSON value when it is a
// line saying "or" (或, 或者, or) followed by another value; it returns that
// value's text.
func afterAlternative(rest string) (string, bool) {
	t := strings.TrimLeft(rest, " \t\r")
	if !strings.HasPrefix(t, "\n") {
		return "", false // text on the value's own line
	}
	t = strings.TrimLeft(t, " \t\r\n")
	word, after, found := strings.Cut(t, "\n")
	if !found {
		return "", false
	}
	if !isOr(word) {
		return "", false
	}
	value := strings.TrimLeft(after, " \t\r\n")
	if !strings.HasPrefix(value, "{") && !strings.HasPrefix(value, "[") {
		return "", false
	}
	return value, true
}

// attachExamples puts examples on their bodies and headers. A response with
// an example but no table gets a schema inferred from the example.
// responses are those the tables and status lines made.
func (p *page) attachExamples(response func(string) *model.Response, responses map[string]*model.Response) {
	inferred := map[*model.Response]bool{} // bodies read from an example, not a table
	requestShaped := false                 // the first request example may reshape the table's body
	for _, e := range p.examples {
		if !e.response {
			if p.op.RequestBody == nil || p.op.RequestBody.Schema == nil {
				if !p.inferRequestBody(e.ex) {
					if m, ok := e.ex.Value.(map[string]any); ok && len(m) == 0 {
						// DLI's DELETE pages show "{}" and say 无请求参数: they agree.
						p.diags.Notef(e.ex.Loc, "request example {} and no request body table; no body read")
					} else {
						p.diags.Warnf(e.ex.Loc, "request example but the page has no request body table; ignored")
					}
					continue
				}
				requestShaped = true
			}
			if !requestShaped && len(p.op.RequestBody.Schema.Properties) > 0 {
				requestShaped = true
				p.reshapeToExample(p.op.RequestBody, e.ex, "request")
			}
			p.op.RequestBody.Examples = append(p.op.RequestBody.Examples, e.ex)
			continue
		}
		resp := response(e.status)
		for _, h := range resp.Headers {
			if v, ok := e.headers[h.Name]; ok && h.Schema != nil && h.Schema.Example == nil {
				h.Schema.Example = v
			}
		}
		if e.ex == nil {
			continue
		}
		failed := false // a failure answer the page names no status for
		if why, other := p.otherAnswer(e, resp, inferred[resp]); why != "" {
			target := p.failureStatus()
			sign := failureSign(e.ex, responses[target], inferred[responses[target]])
			if sign == "" {
				p.diags.Warnf(e.ex.Loc, "%s; it is %s, and the page names no status for it; left out", why, other)
				continue
			}
			resp, failed = response(target), true
			inferredToo := ""
			switch {
			case resp.Body == nil:
				inferredToo = "; schema inferred from the example"
			case inferred[resp]:
				inferredToo = "; members it adds join the schema inferred from the examples, optional"
			}
			p.diags.Notef(e.ex.Loc, "%s, and %s: it is the failure answer, and the page names no status for it; read as %s%s", why, sign, resp.Status, inferredToo)
		}
		if resp.Body == nil && noBodyStatus(resp.Status) {
			// ModelArts shows "{ }" under 204: a client that expects a
			// body there fails on the empty answer the server sends.
			if m, ok := e.ex.Value.(map[string]any); ok && len(m) == 0 {
				p.diags.Notef(e.ex.Loc, "example {} under status %s, which has no content (RFC 9110); left out", resp.Status)
			} else {
				p.diags.Warnf(e.ex.Loc, "status %s has no content (RFC 9110), but the page shows a body; left out", resp.Status)
			}
			continue
		}
		if resp.Body != nil && !inferred[resp] {
			p.unflatten(resp.Body, e.ex)
		}
		if failed && inferred[resp] {
			// SDRS's {error: …} then {badrequest: …}; ECS's error with details.
			resp.Body.Schema = model.Unite(resp.Body.Schema, model.InferSchema(e.ex.Value, e.ex.Loc))
		}
		if resp.Body == nil {
			switch {
			case failed:
				// said above
			case resp.Status == failureGroup:
				// Error answers are shown by example and described on a
				// shared page: inferring their schema is the usual case.
				p.diags.Notef(e.ex.Loc, "failure example without a status or body table; read as the default response, schema inferred from the example")
			default:
				if ref, ok := p.responseRef(resp.Status); ok {
					p.diags.Warnf(e.ex.Loc, "status %s's body is given only by reference to %s (line %d), %s; schema inferred from the example", resp.Status, ref.target, ref.line, ref.where())
				} else if failureCode(resp.Status) {
					// IAM's 400 {error_msg, error_code}: as above, the usual
					// way error answers are documented.
					p.diags.Notef(e.ex.Loc, "status %s is an error answer shown only by example; schema inferred from the example", resp.Status)
				} else {
					p.diags.Warnf(e.ex.Loc, "status %s has an example but no body table; schema inferred from the example", resp.Status)
				}
			}
			resp.Body = &model.Body{Loc: e.ex.Loc, MediaType: "application/json", Schema: model.InferSchema(e.ex.Value, e.ex.Loc)}
			inferred[resp] = true
		}
		resp.Body.Examples = append(resp.Body.Examples, e.ex)
	}
}

// failureStatus is the status of a failure answer whose code the page
// does not give: the one failure code its outcome labels name, else
// default.
func (p *page) failureStatus() string {
	if codes := slices.Compact(slices.Sorted(slices.Values(p.failureCodes))); len(codes) == 1 {
		return codes[0]
	}
	return failureGroup
}

// otherAnswer reports a response example without a status of its own
// that is not the success answer it would be filed under: a body after
// "或" where that answer has none (EIP's "无 或 {code, message}"), or an
// object sharing no member with the success body's table (SDRS's "{job_id}
// 或 {error: …}"). why says so, and other what it is instead. An example
// that holds the table's members under wrappers (OMS, MRS) is the success
// answer, its wrappers read from the example with a warning; so is an
// array whose elements hold them (the body is an array of the table).
func (p *page) otherAnswer(e *located, resp *model.Response, inferred bool) (why, other string) {
	if e.status != "" || !successCode(resp.Status) {
		return "", ""
	}
	if e.alt && resp.Body == nil {
		return fmt.Sprintf("example after 或 shows a body where status %s has none", resp.Status), "another answer"
	}
	if resp.Body == nil || inferred || resp.Body.Schema == nil || len(resp.Body.Schema.Properties) == 0 {
		return "", ""
	}
	if p.reshapeToExample(resp.Body, e.ex, "response") {
		return "", ""
	}
	obj, ok := e.ex.Value.(map[string]any)
	if !ok || len(obj) == 0 || sharesProperty(obj, resp.Body.Schema) {
		return "", ""
	}
	return fmt.Sprintf("example (members %s) shares no member with the status %s body table", memberList(obj), resp.Status), "another answer or shape"
}

// reshapeToExample reads a body table whose members the example holds
// elsewhere than at its top: in each element of an array (AOS,
// ContainerOps: a table of {id, package}, the example [{…}]; IMS's JSON
// Patch [{op, path, value}]), or under wrapper objects (OMS: a table of
// {type, quota}, the example {"quotas":{"resource":{…}}}; NAT's flat
// request table, the example {"nat_gateway":{…}}). It reshapes the body
// with a warning and reports whether it did. An array cannot be the
// object the table describes, so a misspelt member (AOS's need_clutser)
// does not keep it one; the example is checked against the new shape
// later, like any other.
func (p *page) reshapeToExample(body *model.Body, ex *model.Example, side string) bool {
	if elems, ok := ex.Value.([]any); ok && body.Schema.Type == model.TypeObject && mostlyElementsOf(elems, body.Schema) {
		p.diags.Warnf(ex.Loc, "the %s table lists the members of each element of the example, an array; the body is read as an array of them", side)
		body.Schema = &model.Schema{Loc: ex.Loc, Type: model.TypeArray, Items: body.Schema}
		return true
	}
	obj, ok := ex.Value.(map[string]any)
	if !ok || len(obj) == 0 || sharesProperty(obj, body.Schema) {
		return false
	}
	path, array := wrapperPath(obj, body.Schema)
	if path == nil {
		return false
	}
	if array {
		p.diags.Warnf(ex.Loc, "the %s table lists the members of each element of the array $.%s, where the example puts them; the body's wrappers (%s, an array) are read from the example", side, strings.Join(path, "."), strings.Join(path, ", "))
	} else {
		p.diags.Warnf(ex.Loc, "the %s table lists the members of $.%s, where the example puts them; the body's wrapper objects (%s) are read from the example", side, strings.Join(path, "."), strings.Join(path, ", "))
	}
	body.Schema = wrapSchema(body.Schema, path, array, ex.Loc)
	return true
}

// failureSign says what on the page marks an example that is no success
// answer as the failure answer, "" when nothing does: the text before it
// names a failure (SDRS's "其中error是泛指的错误，…如报错为："), its
// members all name an error (error, error_code, error_msg), or it shares
// members with the failure answer's body table, failure.
func failureSign(ex *model.Example, failure *model.Response, inferred bool) string {
	if isFailure(ex.Summary) && !strings.Contains(ex.Summary, "成功") && !strings.Contains(ex.Summary, "正常") {
		return fmt.Sprintf("the text before it names a failure (%q)", model.Clip(ex.Summary, 24))
	}
	obj := asObject(ex.Value)
	if len(obj) == 0 {
		return ""
	}
	named := true
	for k := range obj {
		named = named && strings.Contains(strings.ToLower(k), "error")
	}
	if named {
		return "its members name an error"
	}
	if failure == nil || failure.Body == nil || inferred || failure.Body.Schema == nil {
		return ""
	}
	if sharesProperty(obj, failure.Body.Schema) {
		return fmt.Sprintf("it has members of the failure body table (line %d)", failure.Body.Loc.Line)
	}
	return ""
}

// sharesProperty reports an example object with a member the schema lists.
func sharesProperty(obj map[string]any, s *model.Schema) bool {
	for _, pr := range s.Properties {
		if _, ok := obj[pr.Name]; ok {
			return true
		}
	}
	return false
}

// stripLineComments drops "//" comments that are outside JSON strings, to
// the end of their line, and returns the (0-based) lines that had one. A
// "//" inside a string ("https://...") is kept.
func stripLineComments(text string) (string, []int) {
	if !strings.Contains(text, "//") {
		return text, nil
	}
	var b strings.Builder
	var lines []int
	line, inString, escaped := 0, false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			case c == '\n':
				inString = false // an unclosed string: the decoder reports it
			}
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text) - i
			}
			if len(lines) == 0 || lines[len(lines)-1] != line {
				lines = append(lines, line)
			}
			i += end - 1
			continue
		}
		if c == '\n' {
			line++
		}
		b.WriteByte(c)
	}
	if len(lines) == 0 {
		return text, nil
	}
	return b.String(), lines
}

// wrapperPath returns the keys of the one path of single-member objects
// that leads, in an example, from the top to an object whose members are
// the table's (only those, all it requires and at least half), or (array
// true) to an array each of whose elements
// has only members of the table and all its required ones (MRS: a table
// of {key, value}, the example {"tags":[{…}]}); nil when the example is no
// such wrapping.
func wrapperPath(obj map[string]any, table *model.Schema) (path []string, array bool) {
	for depth := 0; depth < 8; depth++ {
		if len(obj) != 1 {
			break
		}
		var key string
		var value any
		for k, v := range obj {
			key, value = k, v
		}
		path = append(path, key)
		if elems, ok := value.([]any); ok {
			if !elementsOf(elems, table) {
				return nil, false
			}
			return path, true
		}
		if obj = asObject(value); obj == nil {
			return nil, false
		}
	}
	// Under the wrappers: the table's members, every one it requires and
	// at least half of all (RDS leaves out fail_reason where a job did
	// not fail), and nothing else.
	if len(path) == 0 || 2*len(obj) < len(table.Properties) || !elementsOf([]any{obj}, table) {
		return nil, false
	}
	return path, false
}

// elementsOf reports a non-empty array of objects each of which has only
// members the table lists, at least one, and every one it requires (of
// the first MaxExampleElements elements: the example's first say what
// its elements are, and each of 10⁵ would cost the table's rows).
func elementsOf(elems []any, table *model.Schema) bool {
	listed, required := tableMembers(table)
	return eachElement(elems, func(m map[string]any) bool {
		for k := range m {
			if !listed[k] {
				return false
			}
		}
		for _, name := range required {
			if _, ok := m[name]; !ok {
				return false
			}
		}
		return true
	})
}

// mostlyElementsOf reports a non-empty array of objects each of which has
// at least three quarters of its members among the table's.
func mostlyElementsOf(elems []any, table *model.Schema) bool {
	listed, _ := tableMembers(table)
	return eachElement(elems, func(m map[string]any) bool {
		n := 0
		for k := range m {
			if listed[k] {
				n++
			}
		}
		return 4*n >= 3*len(m)
	})
}

// eachElement reports a non-empty array whose first MaxExampleElements
// elements are non-empty objects that fit.
func eachElement(elems []any, fits func(map[string]any) bool) bool {
	if len(elems) == 0 {
		return false
	}
	for _, e := range elems[:min(len(elems), model.MaxExampleElements)] {
		m := asObject(e)
		if len(m) == 0 || !fits(m) {
			return false
		}
	}
	return true
}

// tableMembers is the set of a table's member names and its required ones.
func tableMembers(table *model.Schema) (listed map[string]bool, required []string) {
	listed = make(map[string]bool, len(table.Properties))
	for _, pr := range table.Properties {
		listed[pr.Name] = true
		if pr.Required {
			required = append(required, pr.Name)
		}
	}
	return listed, required
}

func asObject(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// wrapSchema puts inner under the objects path names, outermost first,
// and in an array under the last when array; the wrappers are optional,
// as the page does not say they are required.
func wrapSchema(inner *model.Schema, path []string, array bool, loc model.Loc) *model.Schema {
	s := inner
	if array {
		s = &model.Schema{Loc: loc, Type: model.TypeArray, Items: s}
	}
	for i := len(path) - 1; i >= 0; i-- {
		s = &model.Schema{Loc: loc, Type: model.TypeObject, Properties: []*model.Property{{Loc: loc, Name: path[i], Schema: s, Required: true}}}
	}
	return s
}

// unflatten moves into arrays' items (or objects) the rows that follow them
// in a flattened table (DSS: "versions | Array", then id, status, … in the
// same table; OCR: "result | Object", its members, an array among them,
// then that array's items' members), when the example puts each of them
// there and not at the top. A row the example lacks goes with the rows
// beside it; anything less clear is left as the table says.
func (p *page) unflatten(body *model.Body, ex *model.Example) {
	s, top := body.Schema, asObject(ex.Value)
	if s == nil || s.Type != model.TypeObject || top == nil {
		return
	}
	if p.op.RequestBody != nil && p.op.RequestBody.Schema == s {
		return // a body given by reference to the request's table: moving rows would change the request too
	}
	root := &flatFrame{elems: []map[string]any{top}}
	stack, opened := []*flatFrame{root}, []*flatFrame{}
	rows := s.Properties
	for i, pr := range rows {
		f := frameOf(stack, top, pr.Name)
		if f == nil && len(stack) == 1 {
			f = root
		}
		if f == nil {
			// Not in the example: beside the next row it has, within a
			// window (rows the example lacks in a run longer than any
			// page's leave the table as it says, and the work linear).
			window := rows[i+1 : min(len(rows), i+1+maxAbsentRun)]
			next := slices.IndexFunc(window, func(q *model.Property) bool { return frameOf(stack, top, q.Name) != nil })
			switch {
			case next < 0 && len(window) < maxAbsentRun:
				f = root // the trailing rows of the top (error_code after the answer's members)
			case next < 0:
				return
			default:
				f = frameOf(stack, top, rows[i+1+next].Name)
				if f != stack[len(stack)-1] && f != root {
					return // an outer array's or the inner one's: not clear
				}
			}
		}
		stack = stack[:slices.Index(stack, f)+1]
		f.fields = append(f.fields, pr)
		if elems, target := flattenedElems(pr, valuesNamed(f.elems, pr.Name)); target != nil {
			where := f.where + "." + pr.Name
			inner := &flatFrame{owner: pr, elems: elems, target: target, where: where}
			if (*target).Type == model.TypeObject && described(*target) {
				inner.base = *target
			}
			stack = append(stack, inner)
			opened = append(opened, inner)
		}
	}
	for _, f := range opened {
		for _, q := range f.fields {
			if f.base != nil && f.base.Property(q.Name) != nil {
				return // a member its own table lists again: not clearly flattened
			}
		}
	}
	for _, f := range opened {
		if len(f.fields) == 0 {
			continue
		}
		names := make([]string, len(f.fields))
		for k, q := range f.fields {
			names[k] = q.Name
		}
		rows, follow := "rows", "follow"
		if len(names) == 1 {
			rows, follow = "row", "follows"
		}
		where, whose := "each element of $"+f.where, "its items'"
		if f.owner.Schema.Type == model.TypeObject {
			where, whose = "$"+f.where, "its"
		}
		more := ""
		if f.base != nil {
			more = "more of " // CSS: 表3 lists datastore and instances, 表2 the clusters' other members
		}
		p.diags.Warnf(body.Loc, "%s %s %s %q and the example has them in %s, not at the top; read as %s%s fields (the table is flattened)", rows, strings.Join(names, ", "), follow, f.owner.Name, where, more, whose)
		if f.base != nil {
			merged := *f.base
			merged.Properties = append(slices.Clone(f.base.Properties), f.fields...)
			*f.target = &merged
			continue
		}
		*f.target = &model.Schema{Loc: body.Loc, Type: model.TypeObject, Properties: f.fields}
		// The row was said to have no table describing its fields before
		// the example was seen; the rows that follow it describe them.
		p.diags = slices.DeleteFunc(p.diags, func(d model.Diagnostic) bool {
			return sameRow(d.Loc, f.owner.Loc) && strings.Contains(d.Msg, " no table describing ")
		})
	}
	if len(root.fields) < len(rows) {
		s.Properties = root.fields
	}
}

// maxAbsentRun bounds how far unflatten looks past a row the example lacks
// for one it has.
const maxAbsentRun = 64

// sameRow reports two locations in one row of one table, whatever column.
func sameRow(a, b model.Loc) bool {
	a.What, b.What = "", ""
	return a == b
}

// flatFrame is an object of a flattened table (the top, or a member whose
// fields no table describes) and the example's values of it.
type flatFrame struct {
	owner  *model.Property   // the row it is the value (or items) of; nil at the top
	elems  []map[string]any  // the example's values of it
	target **model.Schema    // where its fields go
	base   *model.Schema     // the fields a table of its own gives, which the rows join; nil when none does
	where  string            // its JSON path after "$"
	fields []*model.Property // the rows placed in it
}

// frameOf is the open frame a row goes in: the top when the example has it
// there, else the innermost frame whose values have it, else nil.
func frameOf(stack []*flatFrame, top map[string]any, name string) *flatFrame {
	if _, ok := top[name]; ok {
		return stack[0]
	}
	for k := len(stack) - 1; k > 0; k-- {
		if slices.ContainsFunc(stack[k].elems, func(e map[string]any) bool { _, ok := e[name]; return ok }) {
			return stack[k]
		}
	}
	return nil
}

// valuesNamed is every value name has in elems.
func valuesNamed(elems []map[string]any, name string) []any {
	var vs []any
	for _, e := range elems {
		if v, ok := e[name]; ok {
			vs = append(vs, v)
		}
	}
	return vs
}

// flattenedElems returns the example's elements of an array member whose
// items no table describes (untyped, or read from the example), or the
// example's values of such an object member, and where the fields go.
func flattenedElems(pr *model.Property, vs []any) ([]map[string]any, **model.Schema) {
	s := pr.Schema
	if s == nil || len(vs) == 0 {
		return nil, nil
	}
	var elems []map[string]any
	switch {
	case s.Type == model.TypeArray && s.Items != nil && (s.Items.Type == model.TypeAny || s.Items.Type == model.TypeObject):
		for _, v := range vs {
			arr, _ := v.([]any)
			for _, e := range arr {
				m := asObject(e)
				if m == nil {
					return nil, nil
				}
				elems = append(elems, m)
			}
		}
		if len(elems) == 0 {
			return nil, nil
		}
		return elems, &s.Items
	case s.Type == model.TypeObject && (s.FreeForm || len(s.Properties) > 0) && s.AdditionalProperties == nil:
		// "error | Dict", its fields read from the example or not at all.
		for _, v := range vs {
			m := asObject(v)
			if m == nil {
				return nil, nil
			}
			elems = append(elems, m)
		}
		return elems, &pr.Schema
	}
	return nil, nil
}

// described reports an object some of whose members a table describes; one
// read from an example has no descriptions.
func described(s *model.Schema) bool {
	return slices.ContainsFunc(s.Properties, func(q *model.Property) bool { return q.Description != "" })
}

// trimListMarker drops a label's list marker ("- ", "* ", "1. ", "2) ",
// "1.2 ", "3、"); a number that runs into the text ("1.21版本以上…") is
// the label's own.
func trimListMarker(s string) string {
	for {
		s = strings.TrimSpace(s)
		if len(s) > 1 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t') {
			s = s[1:]
			continue
		}
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || i > 0 && s[i] == '.') {
			i++
		}
		if i == 0 {
			return s
		}
		rest := s[i:]
		switch {
		case rest == "" || rest[0] == ' ' || rest[0] == '\t':
			s = rest
		case rest[0] == ')':
			s = rest[1:]
		case strings.HasPrefix(rest, "）"), strings.HasPrefix(rest, "、"):
			s = rest[len("、"):] // both are three bytes
		default:
			return s
		}
	}
}

// responseRef is the link a response section gives status's body by,
// when it points to another page (refElsewhere).
func (p *page) responseRef(status string) (bodyRef, bool) {
	for _, ref := range p.refElsewhere {
		group := ref.group
		if group == "" {
			group = p.successStatus()
		}
		if group == status {
			return ref, true
		}
	}
	return bodyRef{}, false
}

// fullWidth maps the full-width punctuation a page may type where JSON
// wants its ASCII structure: outside strings it can mean nothing else.
var fullWidth = map[rune]rune{'，': ',', '：': ':', '｛': '{', '｝': '}', '［': '[', '］': ']', '“': '"', '”': '"', '＂': '"'}

// jsonRepair is one mend repairJSON made: a full-width rune read as its
// ASCII twin, a comma put between two members (what 0) or one taken from
// before a closing bracket (what trailingComma); line counts from 0 in the
// text it read.
type jsonRepair struct {
	what rune
	line int
}

const trailingComma rune = -1

// repairJSON mends the slips that keep a page's example from being JSON
// although it reads as JSON: full-width punctuation outside strings
// (，：“”｛｝［］), a string opened by a full-width quote closing at the
// next quote of either kind, a comma missing between an object's members
// on separate lines (a complete value, a line break, then `"key":`), and a
// comma before a closing bracket ({"a": 1,}), where nothing else could be
// meant. Strings are kept as they are. It returns text unchanged when
// there is nothing to mend.
func repairJSON(text string) (string, []jsonRepair) {
	var r []jsonRepair
	b := make([]byte, 0, len(text))
	comma, commaLine := -1, 0 // where in b the last comma outside strings is, while only white space follows it
	var stack []byte          // '{' or '[' of the open containers
	line := 0
	inString, wideString, escaped := false, false, false
	afterValue, newline := false, false // a value ended (in an object), and a line break since
	last := byte(0)                     // the last structural character outside strings: { [ , :
	for i := 0; i < len(text); {
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"' || wideString && (c == '“' || c == '”' || c == '＂'):
				if c != '"' {
					r = append(r, jsonRepair{c, line})
					c = '"'
				}
				inString = false
				// A string in an object is a key unless a colon came before it.
				afterValue, newline = len(stack) == 0 || stack[len(stack)-1] == '[' || last == ':', false
			case c == '\n':
				inString = false // an unclosed string: the decoder reports it
				line++
			}
			b = utf8.AppendRune(b, c)
			continue
		}
		if w, ok := fullWidth[c]; ok {
			r = append(r, jsonRepair{c, line})
			wideString = w == '"'
			c = w
		} else if c == '"' {
			wideString = false
		}
		switch c {
		case '"':
			if afterValue && newline && len(stack) > 0 && stack[len(stack)-1] == '{' && keyFollows(text[i:], wideString) {
				b = append(b, ',')
				r = append(r, jsonRepair{0, line})
				last = ','
			}
			inString, afterValue = true, false
		case '{', '[':
			stack = append(stack, byte(c))
			last, afterValue = byte(c), false
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if comma >= 0 {
				b = append(b[:comma], b[comma+1:]...)
				r = append(r, jsonRepair{trailingComma, commaLine})
			}
			afterValue, newline = true, false
		case ',':
			b, comma = append(b, ','), -1
			if afterValue { // not [1,,] or {,}: which was meant is not clear
				comma, commaLine = len(b)-1, line
			}
			last, afterValue = ',', false
			continue
		case ':':
			last, afterValue = ':', false
		case '\n':
			newline = true
			line++
		case ' ', '\t', '\r':
			b = append(b, byte(c))
			continue // a comma before it may still be trailing
		default:
			afterValue, newline = true, false // a number, true, false or null
		}
		if c != '\n' {
			comma = -1
		}
		b = utf8.AppendRune(b, c)
	}
	if len(r) == 0 {
		return text, nil
	}
	return string(b), r
}

// keyFollows reports a string, starting just after its opening quote,
// that a colon follows on its line: an object's key.
func keyFollows(rest string, wide bool) bool {
	for i, c := range rest {
		switch {
		case c == '\n':
			return false
		case c == '\\':
			return false // keys with escapes: too rare to guess about
		case c == '"' || wide && (c == '“' || c == '”' || c == '＂'):
			after := strings.TrimLeft(rest[i+utf8.RuneLen(c):], " \t")
			return strings.HasPrefix(after, ":") || strings.HasPrefix(after, "：")
		}
	}
	return false
}

// repairText says what repairJSON did, with lines counted from first:
// "full-width '，' as JSON punctuation (lines 12, 14), no comma before a
// member (line 20)".
func repairText(r []jsonRepair, first int) string {
	var order []rune
	lines := map[rune][]string{}
	for _, m := range r {
		if lines[m.what] == nil {
			order = append(order, m.what)
		}
		l := strconv.Itoa(first + m.line)
		if ls := lines[m.what]; len(ls) == 0 || ls[len(ls)-1] != l {
			lines[m.what] = append(ls, l)
		}
	}
	parts := make([]string, len(order))
	for i, c := range order {
		where := "line "
		if len(lines[c]) > 1 {
			where = "lines "
		}
		where += strings.Join(lines[c], ", ")
		switch c {
		case 0:
			parts[i] = "no comma before a member (" + where + ")"
		case trailingComma:
			parts[i] = "a comma before a closing bracket (" + where + ")"
		default:
			parts[i] = "full-width '" + string(c) + "' as JSON punctuation (" + where + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// jsonError says why text is not JSON, naming the line the decoder
// stopped on and, where it stopped at a multi-byte character, that
// character rather than its first byte ("'，'", not "'ï'").
func jsonError(err error, text string, first int) string {
	var syn *json.SyntaxError
	if !errors.As(err, &syn) || syn.Offset < 1 || syn.Offset > int64(len(text)) {
		return err.Error()
	}
	off := int(syn.Offset) - 1
	msg := err.Error()
	if c, size := utf8.DecodeRuneInString(text[off:]); size > 1 {
		msg = strings.Replace(msg, "'"+string(rune(text[off]))+"'", "'"+string(c)+"'", 1)
	}
	return "line " + strconv.Itoa(first+strings.Count(text[:off], "\n")) + ": " + msg
}

// successCode reports a 2xx status.
func successCode(status string) bool {
	return len(status) == 3 && status[0] == '2'
}

// failureCode reports a 4xx or 5xx status.
func failureCode(status string) bool {
	return len(status) == 3 && (status[0] == '4' || status[0] == '5')
}
