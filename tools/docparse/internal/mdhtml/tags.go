package mdhtml

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// Inline HTML in Markdown lines and pipe-table cells. Tags are found by
// name: "List<String>" and "Map<String,Object>" are types, not tags, so
// only the names HTML pages use count as tags. A tag's attributes are read
// by golang.org/x/net/html's tokenizer, which handles quoting and entities.

// htmlNames are the element names stripTags removes.
var htmlNames = map[string]bool{
	"a": true, "abbr": true, "b": true, "big": true, "blockquote": true, "body": true, "br": true, "caption": true,
	"center": true, "cite": true, "code": true, "col": true, "colgroup": true, "dd": true, "del": true, "div": true,
	"dl": true, "dt": true, "em": true, "font": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "head": true, "hr": true, "html": true, "i": true, "img": true, "ins": true, "kbd": true, "li": true,
	"mark": true, "ol": true, "p": true, "pre": true, "q": true, "s": true, "samp": true, "section": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true, "sup": true, "table": true,
	"tbody": true, "td": true, "th": true, "thead": true, "title": true, "tr": true, "tt": true, "u": true, "ul": true,
}

// tagAt reports whether s[i:] starts with a tag of a known HTML name and
// returns its lower-case name and its length: '<', an optional '/', the
// name, then white space, '/' or '>' and everything up to the first '>'.
func tagAt(s string, i int) (name string, n int, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	start := j
	var buf [10]byte // as long as the longest name in htmlNames
	for j < len(s) && isTagNameByte(s[j]) {
		if j-start == len(buf) {
			return "", 0, false
		}
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[j-start] = c
		j++
	}
	name = string(buf[:j-start])
	if !htmlNames[name] || j >= len(s) || !strings.ContainsRune("\t\n\f\r />", rune(s[j])) {
		return "", 0, false
	}
	end := strings.IndexByte(s[j:], '>')
	if end < 0 {
		return "", 0, false
	}
	return name, j + end + 1 - i, true
}

func isTagNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// stripTags removes every tag of a known HTML name, as the regexp
// oracleTags in the tests would; other '<' are text.
func stripTags(s string) string {
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return s
	}
	var b strings.Builder
	done := 0
	// No tag starts after the last '>': stopping there keeps a line of
	// unclosed '<' linear.
	lastClose := strings.LastIndexByte(s, '>')
	for ; i >= 0 && i < lastClose; i = nextByte(s, '<', i+1) {
		if _, n, ok := tagAt(s, i); ok {
			b.WriteString(s[done:i])
			done = i + n
			i = done - 1
		}
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// nextByte is the index of c in s at or after from, or -1.
func nextByte(s string, c byte, from int) int {
	if from >= len(s) {
		return -1
	}
	j := strings.IndexByte(s[from:], c)
	if j < 0 {
		return -1
	}
	return from + j
}

// attr returns attribute key of the start tag tag ("<a href='#x'>"),
// entities decoded, as an HTML parser reads it.
func attr(tag, key string) (string, bool) {
	if v, ok := plainAttr(tag, key); ok {
		return v, true
	}
	return tokenizerAttr(tag, key)
}

// plainAttr reads the one form pages write thousands of times,
// <a name="x"> with nothing to decode in x, without a tokenizer (each
// costs a 4 KB buffer); ok is false for any other form, which the
// tokenizer then reads. FuzzPlainAttrMatchesTokenizer holds the two equal.
func plainAttr(tag, key string) (string, bool) {
	for i := 0; i < len(key); i++ {
		if key[i] < 'a' || key[i] > 'z' {
			return "", false // the callers ask for "name" and "href"
		}
	}
	rest, ok := strings.CutPrefix(tag, "<a ")
	if !ok || key == "" {
		return "", false
	}
	if rest, ok = strings.CutPrefix(rest, key+`="`); !ok {
		return "", false
	}
	end := strings.IndexByte(rest, '"')
	if end < 0 || rest[end+1:] != ">" {
		return "", false
	}
	v := rest[:end]
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == '&' || c == '\r' || c == 0 || c >= 0x80 {
			return "", false // entities, line ends and non-ASCII: the tokenizer's rules
		}
	}
	return v, true
}

// tokenizerAttr is attr by golang.org/x/net/html's tokenizer.
func tokenizerAttr(tag, key string) (string, bool) {
	z := html.NewTokenizer(strings.NewReader(tag))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return "", false
	}
	return tokenAttr(z, key)
}

// tokenAttr returns attribute key of the tokenizer's current start tag.
func tokenAttr(z *html.Tokenizer, key string) (string, bool) {
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return string(v), true
		}
		if !more {
			return "", false
		}
	}
}

// htmlLinks returns the <a href> links of a line of Markdown with inline
// HTML, each with its text cleaned.
func htmlLinks(s string) []Link {
	var links []Link
	lastClose := strings.LastIndexByte(s, '>')
	closeAt := -1 // the next "</a>" at or after the current link, len(s) if none
	for i := strings.IndexByte(s, '<'); i >= 0 && i < lastClose; i = nextByte(s, '<', i+1) {
		name, n, ok := tagAt(s, i)
		if !ok || name != "a" || s[i+1] == '/' {
			continue
		}
		href, ok := attr(s[i:i+n], "href")
		if !ok || href == "" {
			continue
		}
		if closeAt < i+n {
			// Searched again only once the last find is behind: linear
			// however many links lack their "</a>".
			closeAt = len(s)
			if end := indexFold(s[i+n:], "</a>"); end >= 0 {
				closeAt = i + n + end
			}
		}
		links = append(links, Link{Href: href, Text: CleanInline(s[i+n : closeAt])})
	}
	return links
}

// indexFold is strings.Index ignoring ASCII case of substr's letters.
func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}

// anchorLine returns the names of the anchors on a line that holds nothing
// but anchors (<a name="x"></a>, in any quoting or case), or ok false.
func anchorLine(line []byte) (names []string, ok bool) {
	s := string(line)
	for s != "" {
		name, n, isTag := tagAt(s, 0)
		if !isTag || name != "a" || s[1] == '/' {
			return nil, false
		}
		v, has := attr(s[:n], "name")
		if !has {
			return nil, false
		}
		s = s[n:]
		if end, _, isEnd := tagAt(s, 0); isEnd && end == "a" && s[1] == '/' {
			_, n, _ = tagAt(s, 0)
			s = s[n:]
		} else {
			return nil, false
		}
		names = append(names, v)
		s = strings.TrimLeft(s, " \t")
	}
	return names, len(names) > 0
}

// firstAnchor returns the name of the first <a name> in s, "" if none.
func firstAnchor(s string) string {
	lastClose := strings.LastIndexByte(s, '>')
	for i := strings.IndexByte(s, '<'); i >= 0 && i < lastClose; {
		name, n, ok := tagAt(s, i)
		if !ok {
			i = nextByte(s, '<', i+1)
			continue
		}
		// Only an <a> whose text says "name" is worth the tokenizer
		// (links are many); the next tag starts after this one's ">",
		// which keeps a line of unclosed "<a " linear.
		if tag := s[i : i+n]; name == "a" && s[i+1] != '/' && indexFold(tag, "name") >= 0 {
			if v, ok := attr(tag, "name"); ok && v != "" {
				return v
			}
		}
		i = nextByte(s, '<', i+n)
	}
	return ""
}

// startsWithTagA reports whether line starts with "<a" and white space,
// in any case: the only lines anchorLine need look at.
func startsWithTagA(line []byte) bool {
	return len(line) > 2 && line[0] == '<' && (line[1] == 'a' || line[1] == 'A') && bytes.ContainsAny(line[2:3], " \t\n\f\r")
}
