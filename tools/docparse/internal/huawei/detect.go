package huawei

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// detectWindow bounds how much of a page detection reads: the title and
// the first sections sit near the top.
const detectWindow = 256 << 10

// DetectAPIReference reports whether data looks like a Huawei API reference
// page: a page with a URI section, or any other Huawei Markdown page (an
// overview, an index, an appendix) that is not an SDK reference page. The
// reader tells operations from the rest.
func DetectAPIReference(data []byte) bool {
	return hasURISection(data) || (isHuaweiMarkdown(data) && !looksLikeSDK(data))
}

// DetectSDKReference reports whether data looks like an SDK reference page:
// no URI section, and ModelArts SDK sample code or parameter tables
// captioned 参数说明 (请求参数说明, xxx返回参数说明, ...) beside sample code.
func DetectSDKReference(data []byte) bool {
	return !hasURISection(data) && looksLikeSDK(data)
}

// looksLikeSDK reports ModelArts SDK sample code, or 参数说明 tables beside
// sample code that calls a method (`session.get_job(`): overview pages
// have 参数说明 tables too, but no calls.
func looksLikeSDK(data []byte) bool {
	if bytes.Contains(data, []byte("from modelarts")) {
		return true
	}
	return (bytes.Contains(data, []byte("<table")) || bytes.Contains(data, []byte("\n|"))) &&
		bytes.Contains(data, []byte("参数说明")) && bytes.Contains(data, []byte("```")) && sdkCallRE.Match(data)
}

// isHuaweiMarkdown reports a Markdown page that opens with a heading, as
// every page of Huawei's documentation repositories does ("# 标题<a
// name="id"></a>").
func isHuaweiMarkdown(data []byte) bool {
	data = bytes.TrimPrefix(data[:min(len(data), detectWindow)], []byte("\xef\xbb\xbf"))
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		n := 0
		for n < len(t) && t[n] == '#' {
			n++
		}
		return n >= 1 && n <= 6 && n < len(t) && (t[n] == ' ' || t[n] == '\t')
	}
	return false
}

// hasURISection reports a "## URI" heading (also "## **URI**", "## URI格式")
// or a "URI" line of its own, which some pages use instead of a heading.
func hasURISection(data []byte) bool {
	data = data[:min(len(data), detectWindow)]
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		t := bytes.TrimSpace(line)
		if len(t) == 0 || (t[0] != '#' && t[0] != 'U' && t[0] != '*') {
			continue
		}
		if t[0] == '#' {
			t = bytes.TrimLeft(t, "#")
			if len(t) == 0 || (t[0] != ' ' && t[0] != '\t') {
				continue
			}
			t = bytes.TrimSpace(t)
			t = bytes.TrimPrefix(t, []byte("**"))
			if bytes.HasPrefix(t, []byte("URI")) && !bytes.Contains(t, []byte("样例")) && !bytes.Contains(t, []byte("示例")) {
				return true
			}
			continue
		}
		if isURILabel(string(t)) {
			return true
		}
	}
	return false
}

// maxStrayBytes is how many bytes that are not UTF-8 a page may hold and
// still be read (mdhtml reads them as U+FFFD with a warning): a page saved
// in another encoding, such as GBK, has one in nearly every character.
const maxStrayBytes = 8

// textProblem says why data cannot be a page at all: it is empty, or not
// text (a NUL byte, or more than a few bytes that are not UTF-8: a binary
// file, or a page saved in another encoding). notText is false for an
// empty file, which is simply no operation.
func textProblem(name string, data []byte) (why string, at model.Loc, notText bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "the file is empty", model.Loc{File: name}, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Sprintf("the file holds a NUL byte (offset %d): it is binary, not a text page", i), model.Loc{File: name, Line: 1 + bytes.Count(data[:i], []byte("\n"))}, true
	}
	if utf8.Valid(data) {
		return "", model.Loc{}, false
	}
	stray, first := 0, -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			stray++
		}
		i += size
	}
	if stray <= maxStrayBytes {
		return "", model.Loc{}, false
	}
	return fmt.Sprintf("the file is not UTF-8 text (%d bytes that are not UTF-8, the first 0x%02x at offset %d): a binary file, or a page saved in another encoding", stray, data[first], first),
		model.Loc{File: name, Line: 1 + bytes.Count(data[:first], []byte("\n"))}, true
}
