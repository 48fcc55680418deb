package huawei

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

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
		if status == "" || status == failureGroup && !strings.HasPrefix(code, "2") {
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
			p.diags.Warnf(at, "example is not valid JSON (%v); ignored", err)
			return
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
func (p *page) attachExamples(response func(string) *model.Response) {
	inferred := map[*model.Response]bool{} // bodies read from an example, not a table
	for _, e := range p.examples {
		if !e.response {
			if p.op.RequestBody == nil || p.op.RequestBody.Schema == nil {
				if !p.inferRequestBody(e.ex) {
					p.diags.Warnf(e.ex.Loc, "request example but the page has no request body table; ignored")
					continue
				}
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
		if p.otherAnswer(e, resp, inferred[resp]) {
			continue
		}
		if resp.Body != nil && !inferred[resp] {
			p.unflatten(resp.Body, e.ex)
		}
		if resp.Body == nil {
			if resp.Status == failureGroup {
				// Error answers are shown by example and described on a
				// shared page: inferring their schema is the usual case.
				p.diags.Notef(e.ex.Loc, "failure example without a status or body table; read as the default response, schema inferred from the example")
			} else {
				if ref, ok := p.responseRef(resp.Status); ok {
					p.diags.Warnf(e.ex.Loc, "status %s's body is given only by reference to %s (line %d), %s; schema inferred from the example", resp.Status, ref.target, ref.line, ref.where())
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

// otherAnswer reports, with a warning, a response example without a status
// of its own that is not the success answer it would be filed under: a
// body after "或" where that answer has none (EIP's "无 或 {code,
// message}"), or an object sharing no member with the success body's
// table (SDRS's "{job_id} 或 {error: …}"). The page names no status for
// it, so it is left out rather than made the success body.
func (p *page) otherAnswer(e *located, resp *model.Response, inferred bool) bool {
	if e.status != "" || !strings.HasPrefix(resp.Status, "2") {
		return false
	}
	if e.alt && resp.Body == nil {
		p.diags.Warnf(e.ex.Loc, "example after 或 shows a body where status %s has none; it is another answer, and the page names no status for it; left out", resp.Status)
		return true
	}
	if resp.Body == nil || inferred || resp.Body.Schema == nil || len(resp.Body.Schema.Properties) == 0 {
		return false
	}
	obj, ok := e.ex.Value.(map[string]any)
	if !ok || len(obj) == 0 {
		return false
	}
	for _, pr := range resp.Body.Schema.Properties {
		if _, ok := obj[pr.Name]; ok {
			return false
		}
	}
	if path := wrapperPath(obj, resp.Body.Schema); path != nil {
		// OMS: a table of {type, quota}, the example {"quotas":{"resource":{…}}}.
		p.diags.Warnf(e.ex.Loc, "the response table lists the members of $.%s, where the example puts them; the body's wrapper objects (%s) are read from the example", strings.Join(path, "."), strings.Join(path, ", "))
		resp.Body.Schema = wrapSchema(resp.Body.Schema, path, e.ex.Loc)
		return false
	}
	p.diags.Warnf(e.ex.Loc, "example (members %s) shares no member with the status %s body table; it is another answer or shape, and the page names no status for it; left out", memberList(obj), resp.Status)
	return true
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
// exactly the table's; nil when the example is not such a wrapping.
func wrapperPath(obj map[string]any, table *model.Schema) []string {
	var path []string
	for depth := 0; depth < 8; depth++ {
		if len(obj) != 1 {
			break
		}
		var key string
		var inner map[string]any
		for k, v := range obj {
			key, inner = k, asObject(v)
		}
		if inner == nil {
			return nil
		}
		path = append(path, key)
		obj = inner
	}
	if len(path) == 0 || len(obj) != len(table.Properties) {
		return nil
	}
	for _, pr := range table.Properties {
		if _, ok := obj[pr.Name]; !ok {
			return nil
		}
	}
	return path
}

func asObject(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// wrapSchema puts inner under the objects path names, outermost first; the
// wrappers are optional, as the page does not say they are required.
func wrapSchema(inner *model.Schema, path []string, loc model.Loc) *model.Schema {
	s := inner
	for i := len(path) - 1; i >= 0; i-- {
		s = &model.Schema{Loc: loc, Type: "object", Properties: []*model.Property{{Loc: loc, Name: path[i], Schema: s}}}
	}
	return s
}

// unflatten moves into an array's items (or an object) the rows that follow
// it in a flattened table (DSS: "versions | Array", then id, status, … in
// the same table), when the example has each of them in every element of
// that member and none of them at the top. Anything less is left as the
// table says.
func (p *page) unflatten(body *model.Body, ex *model.Example) {
	s, top := body.Schema, asObject(ex.Value)
	if s == nil || s.Type != model.TypeObject || top == nil {
		return
	}
	if p.op.RequestBody != nil && p.op.RequestBody.Schema == s {
		return // a body given by reference to the request's table: moving rows would change the request too
	}
	for i := 0; i < len(s.Properties)-1; i++ {
		pr := s.Properties[i]
		elems, target := flattenedElems(pr, top[pr.Name])
		if target == nil {
			continue
		}
		j := i + 1
		for ; j < len(s.Properties); j++ {
			name := s.Properties[j].Name
			if _, atTop := top[name]; atTop || !inEvery(elems, name) {
				break
			}
		}
		if j == i+1 {
			continue
		}
		if j < len(s.Properties) {
			if _, atTop := top[s.Properties[j].Name]; !atTop {
				// The row after the run is in the example neither at the
				// top nor in the elements: not clearly flattened.
				continue
			}
		}
		moved := s.Properties[i+1 : j]
		names := make([]string, len(moved))
		for k, q := range moved {
			names[k] = q.Name
		}
		rows, follow := "rows", "follow"
		if len(names) == 1 {
			rows, follow = "row", "follows"
		}
		where, whose := "each element of $."+pr.Name, "its items'"
		if pr.Schema.Type == model.TypeObject {
			where, whose = "$."+pr.Name, "its"
		}
		p.diags.Warnf(body.Loc, "%s %s %s %q and the example has them in %s, not at the top; read as %s fields (the table is flattened)", rows, strings.Join(names, ", "), follow, pr.Name, where, whose)
		*target = &model.Schema{Loc: body.Loc, Type: model.TypeObject, Properties: slices.Clone(moved)}
		s.Properties = slices.Delete(s.Properties, i+1, j)
	}
}

// flattenedElems returns the example's elements of an array member whose
// items no table describes (untyped, or read from the example), or the
// example's value of such an object member, and where the fields go.
func flattenedElems(pr *model.Property, v any) ([]map[string]any, **model.Schema) {
	s := pr.Schema
	if s == nil {
		return nil, nil
	}
	switch {
	case s.Type == model.TypeArray && s.Items != nil && (s.Items.Type == model.TypeAny || s.Items.Type == model.TypeObject && !described(s.Items)):
		arr, _ := v.([]any)
		var elems []map[string]any
		for _, e := range arr {
			if m := asObject(e); m != nil {
				elems = append(elems, m)
			} else {
				return nil, nil
			}
		}
		if len(elems) == 0 {
			return nil, nil
		}
		return elems, &s.Items
	case s.Type == model.TypeObject && (s.FreeForm || len(s.Properties) > 0 && !described(s)):
		// "error | Dict", its fields read from the example or not at all.
		if m := asObject(v); m != nil {
			return []map[string]any{m}, &pr.Schema
		}
	}
	return nil, nil
}

func inEvery(elems []map[string]any, name string) bool {
	for _, e := range elems {
		if _, ok := e[name]; !ok {
			return false
		}
	}
	return true
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
