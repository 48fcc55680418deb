package huawei

import (
	"bytes"

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

// textProblem is model.TextProblem: the pipeline checks it before any
// reader; a reader called on its own checks it again.
var textProblem = model.TextProblem
