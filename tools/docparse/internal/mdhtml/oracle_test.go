package mdhtml

import (
	"regexp"
	"strings"
	"testing"
)

// replaceLinks replaces this regexp for speed; it stays here as the oracle.
var oracleLinks = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

func FuzzReplaceLinksMatchesRegexp(f *testing.F) {
	for _, s := range []string{"", "[a](b)", "![img](x.png) and [t](u)", "[a[b](c)", "[a]b(c)", "[a](b", "!![a](b)!", "[](())", "[a](b)[c](d)",
		"x [a] [b](c) y", "]([a](b)", "[a]\n(b)", "[\xff](\xfe)", "![a](b)![c](d)", "[[a]](b)", "[a](b))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := replaceLinks(s), oracleLinks.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("replaceLinks(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzIndexTableEndMatchesIndex(f *testing.F) {
	for _, s := range []string{"", "</table>", "b</table>", "</tab</table>", "</table", "x</TABLE></table>", "bbbb</table>b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexTableEnd([]byte(s)), strings.Index(s, "</table>"); got != want {
			t.Errorf("indexTableEnd(%q) = %d, want %d", s, got, want)
		}
	})
}

func FuzzPlainAttrMatchesTokenizer(f *testing.F) {
	for _, s := range []string{`<a name="x">`, `<a name="">`, `<a name="a&amp;b">`, `<a name='x'>`, `<a name="x" >`, `<a name="x"/>`,
		`<a name="x" id="y">`, `<a href="#x">`, `<a name="\x00">`, "<a name=\"a\rb\">", `<a name="é">`, `<a  name="x">`} {
		f.Add(s, "name")
	}
	f.Fuzz(func(t *testing.T, tag, key string) {
		v, ok := plainAttr(tag, key)
		if !ok {
			return
		}
		if want, wantOK := tokenizerAttr(tag, key); !wantOK || v != want {
			t.Errorf("plainAttr(%q, %q) = %q; the tokenizer reads %q, %v", tag, key, v, want, wantOK)
		}
	})
}
