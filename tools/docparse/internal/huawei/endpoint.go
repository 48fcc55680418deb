package huawei

import (
	"regexp"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
)

// endpoint is an operation's method and path as one spelling of the page
// gives them.
type endpoint struct {
	method, path string
	// query names the parameters the path line's query string shows
	// ("?limit={limit}&marker=..." or "{?minDisk,minRam}").
	query []string
	// host names the placeholders of a full URL's host
	// ("https://{endpoint}/v2/..."): the server, not parameters.
	host []string
	// values are the query string's pairs whose value is not just a
	// placeholder: "action_id=stop", "filter=namespace::{namespace}".
	values []queryValue
}

// queryValue is a query pair the path line fixes; flag marks a key
// written alone (?delete), whose value is empty.
type queryValue struct {
	name, value string
	flag        bool
}

var httpMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}

// readEndpointLine reads one line of text that gives a method and a path, in
// the spellings Huawei uses:
//
//	POST /v3/auth/tokens
//	GET/v1.0/{project_id}/kms/keys
//	URI格式：POST https://{Endpoint}/v3/{project_id}/...
//	-   GET https://_**{ma_endpoint}**_/v1/_**{project_id}**_/jobs?job_type=train
//	DELETE /v2/workflows/{graph_name} HTTP/1.1
//
// A full URL keeps only its path; an HTTP request line's version goes. ok is false for any other line, including
// "POST/PUT请求必填" and a method with no path.
func readEndpointLine(text string) (e endpoint, ok bool) {
	t := stripListMarker(strings.TrimSpace(text))
	t = strings.TrimSpace(strings.ReplaceAll(t, "**", ""))
	if label, rest, found := cutLabel(t); found && !isMethod(label) {
		t = rest
	}
	method := ""
	for _, m := range httpMethods {
		if strings.HasPrefix(t, m) {
			method = m
			break
		}
	}
	if method == "" {
		return endpoint{}, false
	}
	rest := t[len(method):]
	if rest == "" {
		return endpoint{}, false
	}
	if rest[0] != '/' && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' && !strings.HasPrefix(rest, "：") {
		return endpoint{}, false // "GETS", "POSTing"
	}
	rest = strings.TrimLeft(rest, " \t")
	rest = strings.TrimPrefix(rest, ":") // "POST: https://..."
	rest = strings.TrimPrefix(rest, "：")
	rest = strings.TrimLeft(rest, " \t")
	rest = httpVersionRE.ReplaceAllString(rest, "")
	// The query string may hold stray spaces ("{begin _time}"): only the
	// part before it must be one word.
	before, query, hasQuery := strings.Cut(rest, "?")
	raw, tail, _ := strings.Cut(before, " ")
	if strings.TrimSpace(tail) != "" {
		return endpoint{}, false // more words: a sentence, not a path line
	}
	if hasQuery {
		raw += "?" + strings.ReplaceAll(query, " ", "")
	}
	return parsePathRef(method, raw)
}

// httpVersionRE matches the protocol version that ends an HTTP request
// line: "DELETE / HTTP/1.1".
var httpVersionRE = regexp.MustCompile(`\s+HTTP/\d(?:\.\d)?\s*$`)

// requestLineRE matches an HTTP request line, the first line of a code
// block showing a whole request: "GET /v2/workflows?x-workflow-prefix
// HTTP/1.1".
var requestLineRE = regexp.MustCompile(`^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) /\S* HTTP/1\.[01]$`)

// readRequestLine reads the method and path of a code block that starts
// with an HTTP request line (Host: and other header lines follow);
// at is the request line's index among the block's lines.
func readRequestLine(code string) (e endpoint, at int, ok bool) {
	for i, l := range strings.SplitN(code, "\n", 8) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if !requestLineRE.MatchString(t) {
			return endpoint{}, 0, false
		}
		e, ok = readEndpointLine(t)
		return e, i, ok
	}
	return endpoint{}, 0, false
}

// parsePathRef reads "/path?query" or "https://host/path?query".
func parsePathRef(method, raw string) (endpoint, bool) {
	var host []string
	raw = strings.TrimSpace(raw)
	lower := strings.ToLower(raw)
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, scheme) {
			// The host may be a placeholder in emphasis: _**{ma_endpoint}**_.
			after := raw[len(scheme):]
			slash := strings.IndexByte(after, '/')
			if slash < 0 {
				return endpoint{}, false
			}
			host = hostPlaceholders(after[:slash])
			raw = after[slash:]
			break
		}
	}
	if !strings.HasPrefix(raw, "/") {
		return endpoint{}, false
	}
	path, query, values := cleanPath(raw)
	if path == "" || !isPathText(path) {
		return endpoint{}, false
	}
	return endpoint{method: method, path: path, query: query, host: host, values: values}, true
}

// hostPlaceholders returns the names in braces of a URL's host part:
// "{endpoint}", "_**{ma_endpoint}**_", "\{Endpoint\}".
func hostPlaceholders(host string) []string { return placeholdersIn(host) }

// cleanPath drops the emphasis some pages put around placeholders
// (/_{project_id}_/), a trailing slash, and the query string ("?a=x&b=y",
// "{?a,b}" or "[?a, b]"), whose parameter names it returns, and the pairs
// whose value is more than a placeholder.
func cleanPath(raw string) (path string, query []string, values []queryValue) {
	raw = strings.ReplaceAll(raw, "**", "")
	// A list of the query's names in brackets or braces reads as "?a&b":
	// /api-groups[?page_size, page_no, id, name], and RFC 6570's
	// /flavors/detail{?minDisk,minRam}.
	listed := false // the query is a list of names, not a query string
	for _, brackets := range []string{"[]", "{}"} {
		if i := strings.Index(raw, brackets[:1]+"?"); i >= 0 {
			listed = true
			list, _, _ := strings.Cut(raw[i+2:], brackets[1:])
			raw = raw[:i] + "?" + strings.NewReplacer(",", "&", " ", "").Replace(list)
		}
	}
	raw, q, _ := strings.Cut(raw, "?")
	pairs := strings.Split(q, "&")
	for _, pair := range pairs {
		name, value, hasValue := strings.Cut(pair, "=")
		placeholder := strings.ContainsAny(name, "{}") // "?{query_params}": a name to fill in, no key
		if name = strings.Trim(strings.TrimSpace(name), "_{}"); name != "" {
			if placeholder && !hasValue {
				continue // "?{query_params}": the query's parameters, named by the tables
			}
			query = append(query, name)
			value = strings.TrimSpace(value)
			switch {
			case value != "" && !isPlaceholder(value) && value != name && len(values) < 8:
				// "protocol=protocol" is a placeholder whose braces were
				// lost, not a constant.
				values = append(values, queryValue{name: name, value: value})
			case !hasValue && !listed && !placeholder && len(pairs) == 1 && queryNameRE.MatchString(name):
				// OBS's "POST /?delete": the key alone names the
				// operation, sent with an empty value.
				values = append(values, queryValue{name: name, flag: true})
			}
		}
	}
	segs := strings.Split(raw, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "_{") && strings.HasSuffix(s, "}_") {
			s = s[1 : len(s)-1]
		}
		if strings.HasPrefix(s, "{_") && strings.HasSuffix(s, "_}") && !strings.ContainsAny(s[1:len(s)-1], "{}") {
			s = "{" + strings.Trim(s[1:len(s)-1], "_") + "}" // {_project_id_}
		}
		segs[i] = s
	}
	path = strings.Join(segs, "/")
	if len(path) > 1 {
		path = strings.TrimRight(path, "/")
	}
	return path, query, values
}

var queryNameRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

// isPlaceholder reports a value that is one placeholder and nothing else:
// "{limit}", "_{marker}_", "{_marker_}".
func isPlaceholder(v string) bool {
	v = strings.Trim(v, "_")
	return strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") && strings.Count(v, "{") == 1
}

// placeholdersIn returns the names in braces inside a query value or a
// host, without the emphasis and escapes around them: "namespace" for
// "namespace::{namespace}", "ma_endpoint" for "_**{ma_endpoint}**_".
func placeholdersIn(v string) []string {
	var names []string
	for {
		open := strings.IndexByte(v, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(v[open:], '}')
		if end < 0 {
			return names
		}
		if name := strings.Trim(v[open+1:open+end], "\\_* "); name != "" {
			names = append(names, name)
		}
		v = v[open+end+1:]
	}
}

// isPathText reports whether every byte of a path is one a URL path holds,
// with {placeholders}: "/PUT请求必填" is not a path.
func isPathText(p string) bool {
	depth := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '{':
			depth++
			if depth > 1 {
				return false
			}
		case c == '}':
			depth--
			if depth < 0 {
				return false
			}
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("/-._~%:@!$&'()+,;=*", c) >= 0:
		default:
			return false
		}
	}
	return depth == 0
}

func isMethod(s string) bool {
	for _, m := range httpMethods {
		if s == m {
			return true
		}
	}
	return false
}

// listItem is the text of a list item line ("-   接口名称"); ok is false
// for a line that is no list item.
func listItem(raw string) (item string, ok bool) {
	t := strings.TrimSpace(raw)
	item = stripListMarker(t)
	return item, item != t
}

func stripListMarker(t string) string {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '+' || t[0] == '*' && t[1] != '*') && (t[1] == ' ' || t[1] == '\t') {
		return strings.TrimSpace(t[2:])
	}
	return t
}

// cutLabel splits "URI格式：POST /x" or "PATH：/x" at its label: a few
// words before the first colon that hold no slash.
func cutLabel(t string) (label, rest string, ok bool) {
	i := strings.IndexAny(t, ":：")
	if i <= 0 || i > 40 {
		return "", t, false
	}
	label = strings.TrimSpace(t[:i])
	if strings.ContainsAny(label, "/ ") && !strings.EqualFold(label, "Request URL") {
		return "", t, false
	}
	size := len("：")
	if t[i] == ':' {
		size = 1
	}
	return label, strings.TrimSpace(t[i+size:]), true
}

// readLabelledLine reads the two-line spelling "PATH：/rds/v1/{project_id}"
// and "Method：GET": which of the two the line gives, and its value.
func readLabelledLine(text string) (method, path string, query []string) {
	t := stripListMarker(strings.TrimSpace(strings.ReplaceAll(text, "**", "")))
	label, rest, ok := cutLabel(t)
	if !ok {
		return "", "", nil
	}
	switch strings.ToLower(label) {
	case "path", "uri", "url", "路径", "请求路径", "request url":
		e, ok := parsePathRef("", rest)
		if ok {
			return "", e.path, e.query
		}
	case "method", "请求方法", "方法", "http方法", "http method":
		m := strings.ToUpper(strings.TrimSpace(rest))
		for _, known := range httpMethods {
			if m == known {
				return m, "", nil
			}
		}
	}
	return "", "", nil
}

// endpointTable reads a table with a method column and a URI column
// (请求方法 | URI): the method and path of its first row.
func endpointTable(t *mdhtml.TableData) (endpoint, bool) {
	mcol, ucol := -1, -1
	for i, h := range t.Header {
		switch strings.ToLower(normTitle(h.Text)) {
		case "请求方法", "方法", "method", "http方法", "http method":
			mcol = i
		case "uri", "请求uri", "url", "路径", "path", "uri格式":
			ucol = i
		}
	}
	if mcol < 0 || ucol < 0 || len(t.Rows) == 0 {
		return endpoint{}, false
	}
	m, ok1 := cellAt(t.Rows[0], mcol)
	u, ok2 := cellAt(t.Rows[0], ucol)
	if !ok1 || !ok2 {
		return endpoint{}, false
	}
	method := strings.ToUpper(strings.TrimSpace(m.Text))
	for _, known := range httpMethods {
		if method == known {
			// The URI cell may itself hold "POST /x".
			if e, ok := readEndpointLine(firstLine(u.Text)); ok {
				return e, true
			}
			return parsePathRef(method, firstLine(u.Text))
		}
	}
	return endpoint{}, false
}
