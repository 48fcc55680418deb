package mdhtml

import (
	"strings"
	"testing"
)

// TestFirstAnchor checks what the first anchor of a line is; how its time
// grows on unclosed tags is BenchmarkFirstAnchorUnclosedTags.
func TestFirstAnchor(t *testing.T) {
	for in, want := range map[string]string{
		`-   <a name="li1"></a>volumes参数说明`:                      "li1",
		`see <a href="#x">表2</a> and <a name='n2'></a>`:          "n2",
		`<a <a name="inner">`:                                    "inner", // one tag up to ">", as the tokenizer reads it
		`<A NAME="up">x</A>`:                                     "up",
		`<a href="#table1">name</a> <a id="x" name="later"></a>`: "later",
		strings.Repeat("<a ", 1000) + ">":                        "",
	} {
		if got := firstAnchor(in); got != want {
			t.Errorf("firstAnchor(%.60q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkFirstAnchorUnclosedTags: a line of unclosed "<a " took time
// quadratic in its length (34 s for 60 KB) when each "<" was tried afresh.
func BenchmarkFirstAnchorUnclosedTags(b *testing.B) {
	line := strings.Repeat("<a ", 20000) + ">"
	for b.Loop() {
		firstAnchor(line)
	}
}
