package top

import (
	"regexp"
	"strings"
)

// Section headings of a TOP page, each alone on its line.
const (
	secPublic          = "公共参数"
	secRequest         = "请求参数"
	secResponse        = "响应参数"
	secRequestExample  = "请求示例"
	secResponseExample = "响应示例"
	secErrorExample    = "异常示例"
	secErrorCodes      = "错误码解释"
)

var sectionHeadings = map[string]bool{
	secPublic: true, secRequest: true, secResponse: true, secRequestExample: true,
	secResponseExample: true, secErrorExample: true, secErrorCodes: true,
}

// footerHeadings start the site chrome after the last section.
var footerHeadings = map[string]bool{
	"API工具": true, "如何获得此API": true, "FAQ": true, "返回": true, "顶部": true,
}

// titlePattern matches "<api.name> (<title>)"; the title may itself hold
// parentheses, so it runs to the last closing one.
var titlePattern = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\s*(?:[(（](.*)[)）])?$`)

func parseTitle(line string) (apiName, title string, ok bool) {
	m := titlePattern.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// numberedLine is one page line with its 1-based number.
type numberedLine struct {
	n    int
	text string
}

// section is the text under one heading, up to the next heading.
type section struct {
	name string
	line int // line of the heading
	body []numberedLine
}

// pageParts is a page cut along its headings.
type pageParts struct {
	apiName, title string
	titleLine      int
	description    string
	sections       map[string]*section
}

// splitPage finds the title line and cuts the rest into sections, dropping
// the breadcrumb before the title and the footer after the last section.
func (r *reader) splitPage(lines []string) *pageParts {
	p := &pageParts{sections: map[string]*section{}}
	start := p.findTitle(lines)
	if start < 0 {
		return p
	}
	var desc []string
	var cur *section
	// A section's body is the run of lines up to the next heading, so all
	// bodies share one array, sized once, rather than each growing its own.
	bodies := make([]numberedLine, 0, len(lines)-start)
	from := 0 // where cur's body starts in bodies
	closeSection := func() {
		if cur != nil && len(bodies) > from {
			cur.body = bodies[from:len(bodies):len(bodies)]
		}
		from = len(bodies)
	}
	for i := start; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		switch {
		case footerHeadings[t]:
			closeSection()
			p.description = strings.Join(desc, "\n")
			return p
		case sectionHeadings[t] && p.sections[t] == nil:
			// Only the first heading of a kind counts: a later line with the
			// same text is content (a description that says "响应参数").
			closeSection()
			cur = &section{name: t, line: i + 1}
			p.sections[t] = cur
		case cur != nil:
			bodies = append(bodies, numberedLine{n: i + 1, text: lines[i]})
		case t != "":
			desc = append(desc, t)
		}
	}
	closeSection()
	p.description = strings.Join(desc, "\n")
	return p
}

// findTitle records the title and returns the index of the line after it,
// or -1. The title must come before any section heading.
func (p *pageParts) findTitle(lines []string) int {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if sectionHeadings[t] {
			return -1
		}
		if name, title, ok := parseTitle(t); ok {
			p.apiName, p.title, p.titleLine = name, title, i+1
			return i + 1
		}
	}
	return -1
}
