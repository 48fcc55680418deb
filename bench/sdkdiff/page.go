package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// pageLookup tells where on the source page a name appears, so that a
// field the SDK has and we lack can be told apart: named in a table row
// (a reader bug is likely), only in an example (the table is short), or
// nowhere (the SDK knows more than the page).
type pageLookup struct {
	root  string // directory x-docapi-source paths are relative to
	pages map[string]string
}

func newPageLookup(root string) *pageLookup {
	return &pageLookup{root: root, pages: map[string]string{}}
}

// page returns the text of the page a source names ("" when unreadable).
func (l *pageLookup) page(src string) string {
	file := src
	if i := strings.Index(file, ".md:"); i >= 0 {
		file = file[:i+3]
	}
	if !strings.HasSuffix(file, ".md") {
		return ""
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(l.root, file)
	}
	if t, ok := l.pages[file]; ok {
		return t
	}
	b, err := os.ReadFile(file)
	if err != nil || len(b) > 4<<20 {
		b = nil
	}
	l.pages[file] = string(b)
	return l.pages[file]
}

// where is "table" (a cell of the table the source line starts),
// "page-table" (a cell of another table), "example" (a quoted JSON name)
// or "" for a name on a page.
func where(text string, line int, name string) string {
	if text == "" || name == "" {
		return ""
	}
	cell := regexp.MustCompile(`(\|\s*|>)(\*\*)?` + regexp.QuoteMeta(name) + `(\*\*)?(\s*\||<)`)
	if line > 0 && cell.MatchString(tableAt(text, line)) {
		return "table"
	}
	if cell.MatchString(text) {
		return "page-table"
	}
	if strings.Contains(text, `"`+name+`"`) {
		return "example"
	}
	return ""
}

// tableAt is the table whose caption or first row is at line (1-based):
// through </table> for HTML, through the last "|" row for Markdown.
func tableAt(text string, line int) string {
	lines := strings.Split(text, "\n")
	if line > len(lines) {
		return ""
	}
	var b strings.Builder
	started := false
	for _, l := range lines[line-1:] {
		t := strings.TrimSpace(l)
		b.WriteString(l)
		b.WriteByte('\n')
		if strings.Contains(t, "</table>") {
			break
		}
		if strings.HasPrefix(t, "|") {
			started = true
		} else if started && !strings.Contains(text, "<table") {
			break
		}
	}
	return b.String()
}

// sourceLine is the line number of "file.md:123 table ...", 0 if none.
func sourceLine(src string) int {
	i := strings.Index(src, ".md:")
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range src[i+4:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// lastName is the JSON name a diff's Where ends in.
func lastName(w string) string {
	w = strings.TrimRight(w, "[]{}")
	if i := strings.LastIndexAny(w, ". "); i >= 0 {
		w = w[i+1:]
	}
	return strings.TrimRight(w, "[]{}")
}

// refine splits missing-ours and param-missing-ours by where the page
// names the field: "-in-table", "-in-example", or unchanged (not on the page).
func (l *pageLookup) refine(pairs []pair) {
	for i := range pairs {
		for j := range pairs[i].Diffs {
			d := &pairs[i].Diffs[j]
			if d.Kind != "missing-ours" && d.Kind != "param-missing-ours" {
				continue
			}
			src := d.Source
			if src == "" {
				src = pairs[i].Ours.Source
			}
			line := 0
			if strings.Contains(src, " table ") {
				line = sourceLine(src)
			}
			if w := where(l.page(src), line, lastName(d.Where)); w != "" {
				d.Kind += "-in-" + w
			}
		}
	}
}
