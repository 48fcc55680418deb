package huawei

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
)

// section names the part of the page a block sits in.
type section int

const (
	secOther section = iota
	secIntro
	secDebug
	secURI
	secRequest
	secResponse
	secRequestExample
	secResponseExample
	secStatus
	// secExamples is a "示例" / "样例" section whose labels ("请求样例",
	// "-   响应示例") say which example each code block is.
	secExamples
)

// normTitle reduces a heading or label to the words that name it: bold
// markers, spaces, a trailing colon, "（可选）" and a trailing number
// ("请求样例2") go.
func normTitle(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, "：: ")
	s = strings.TrimSuffix(s, "（可选）")
	s = strings.TrimSuffix(s, "(可选)")
	s = strings.TrimRight(s, "0123456789 ")
	return strings.TrimSpace(s)
}

func classifySection(title string) section {
	t := normTitle(title)
	example := strings.Contains(t, "示例") || strings.Contains(t, "样例")
	switch {
	case strings.Contains(t, "功能介绍") || t == "功能描述":
		return secIntro
	case strings.Contains(t, "调试"):
		return secDebug
	case (strings.HasPrefix(t, "URI") || strings.HasPrefix(t, "请求URI")) && !example, isRequestLineParams(t):
		return secURI
	case example && strings.Contains(t, "请求") && !isOutcomeWord(t):
		// "请求成功样例" (GES) shows the answer to a request that succeeded.
		return secRequestExample
	case example && (strings.Contains(t, "响应") || strings.Contains(t, "返回") || isOutcomeWord(t)):
		return secResponseExample
	case t == "示例" || t == "样例":
		return secExamples
	case strings.Contains(t, "请求参数") || strings.HasPrefix(t, "请求消息") || t == "请求" || isFormatTitle(t, "请求"):
		return secRequest
	case strings.Contains(t, "响应参数") || strings.HasPrefix(t, "响应消息") || t == "响应" || t == "返回参数" || isOutcome(t) || isFormatTitle(t, "响应"):
		return secResponse
	case strings.Contains(t, "状态码") || strings.Contains(t, "返回值"):
		return secStatus
	}
	return secOther
}

// isBareHeaderTitle reports a heading of headers that says neither
// request nor response: "消息头", "Header参数".
func isBareHeaderTitle(t string) bool {
	switch strings.ToLower(t) {
	case "消息头", "头参数", "header参数", "header", "headers", "消息头参数":
		return true
	}
	return false
}

// isRequestLineParams reports OBS's heading for the parameters of the
// request line, path and query ("请求消息参数"), beside 请求消息头 and
// 请求消息元素 for its headers and body; its pages give the method and
// path only in a request line (请求消息样式).
func isRequestLineParams(t string) bool { return t == "请求消息参数" }

// isFormatTitle reports a heading naming the form of a request or
// response ("请求样式", "响应消息样式"): a template of the message, no
// example of it.
func isFormatTitle(t, message string) bool {
	return strings.HasPrefix(t, message) && (strings.HasSuffix(t, "样式") || strings.HasSuffix(t, "格式")) && utf8.RuneCountInString(t) <= 8
}

// isOutcome reports the older response headings: "正常响应", "异常响应".
func isOutcome(t string) bool {
	return strings.HasSuffix(t, "响应") && utf8.RuneCountInString(t) <= 4
}

// isOutcomeWord reports a title that names an outcome: a request neither
// succeeds nor fails, its answer says which.
func isOutcomeWord(t string) bool {
	_, ok := outcomeWord(t)
	return ok
}

// outcomeWord reads the outcome text names: failure for isFailure's words,
// else success for 成功/正常; ok is false for neither.
func outcomeWord(text string) (failure, ok bool) {
	switch {
	case isFailure(text):
		return true, true
	case strings.Contains(text, "成功") || strings.Contains(text, "正常"):
		return false, true
	}
	return false, false
}

// isFailure reports a heading or label about an error answer ("异常响应",
// "失败响应示例"): what it shows belongs to no success status.
func isFailure(title string) bool {
	return strings.Contains(title, "失败") || strings.Contains(title, "异常") || strings.Contains(title, "错误")
}

// listLabel returns the section a short list item names in older pages,
// where "-   请求参数" or "-   响应样例" under "## 请求消息" / "## 响应消息"
// act as sub-headings, and the label when it says more than the section's
// name; ok is false for any other text.
func listLabel(raw string) (sec section, text string, ok bool) {
	if len(raw) < 3 || (raw[0] != '-' && raw[0] != '*' && raw[0] != '+') || (raw[1] != ' ' && raw[1] != '\t') {
		return secOther, "", false
	}
	return label(raw[2:])
}

// textLabel is listLabel for a line that is not a list item: "请求样例",
// "**响应样例**", "响应样例：" on a line of its own.
func textLabel(raw string) (sec section, text string, ok bool) {
	if raw == "" || raw[0] == '-' || raw[0] == '*' && !strings.HasPrefix(raw, "**") || raw[0] == '+' {
		return secOther, "", false
	}
	return label(raw)
}

func label(s string) (sec section, text string, ok bool) {
	if len(s) > 200 {
		return secOther, "", false // far longer than 16 characters and their markup: a sentence
	}
	clean := strings.TrimSpace(mdhtml.CleanInline(s))
	if sec, ok := titledExampleLabel(clean); ok {
		return sec, normTitle(clean), true
	}
	name := normTitle(clean)
	// A label is short and says nothing else: a sentence has punctuation
	// inside it, a label at most a colon at its end.
	if name == "" || utf8.RuneCountInString(name) > 16 || strings.ContainsAny(name, "。，,；;：:*") {
		return secOther, "", false
	}
	switch sec = classifySection(name); sec {
	case secRequest, secResponse, secRequestExample, secResponseExample:
		if utf8.RuneCountInString(name) <= 4 {
			name = "" // just "请求样例"
		}
		return sec, name, true
	}
	return secOther, "", false
}

// titledExampleLabel reads an example label with a title after its colon:
// "请求样例1：批量创建标签", "响应示例：action为filter". The part before
// the colon must be a whole example label ending in 样例 or 示例 (and a
// number), the title a few words with no sentence punctuation, no path
// and no further colon, so "请求样例中的参数：..." and "请求样例：POST
// /v1/..." stay text.
func titledExampleLabel(clean string) (section, bool) {
	i := strings.IndexAny(clean, ":：")
	if i <= 0 {
		return secOther, false
	}
	head := normTitle(clean[:i])
	title := strings.TrimSpace(strings.ReplaceAll(strings.TrimLeft(clean[i:], ":："), "**", ""))
	if title == "" || utf8.RuneCountInString(head) > 16 || utf8.RuneCountInString(title) > 24 ||
		strings.ContainsAny(head, "。，,；;*") || strings.ContainsAny(title, "。，,；;:：/{}*") ||
		!(strings.HasSuffix(head, "样例") || strings.HasSuffix(head, "示例")) {
		return secOther, false
	}
	switch sec := classifySection(head); sec {
	case secRequestExample, secResponseExample:
		return sec, true
	}
	return secOther, false
}

// isURILabel reports a line that opens the URI part in pages without a
// "## URI" heading: "URI" or "**URI**" on a line of its own.
func isURILabel(text string) bool {
	t := normTitle(text)
	return t == "URI" || t == "URI格式"
}

// outcomeRE reads a label saying which outcome the answer below it shows,
// with its status when it gives one: "成功响应", "处理失败时返回",
// "处理成功时无返回参数", "处理成功时返回无返回参数", "处理成功返回（204 No
// Content）".
var outcomeRE = regexp.MustCompile(`^(?:处理|请求|调用|操作)?(成功|正常|失败|异常)时?(?:返回)?无?(?:返回|响应)(?:参数|消息|结果)?\s*(?:[（(]\s*([1-5]\d\d)(?:\s+[A-Za-z][A-Za-z' -]*)?\s*[）)])?$`)

// outcomeLabel reads a list item or a bold line that names an outcome.
func outcomeLabel(raw string) (failure bool, code string, ok bool) {
	t := strings.TrimSpace(raw)
	item := stripListMarker(t)
	if (item == t && !strings.HasPrefix(t, "**")) || len(item) > 200 {
		return false, "", false
	}
	name := strings.ReplaceAll(normTitle(mdhtml.CleanInline(item)), `\`, "") // "（400 Bad Request\)"
	m := outcomeRE.FindStringSubmatch(name)
	if m == nil {
		return false, "", false
	}
	return isFailure(m[1]), m[2], true
}

// statusTextRE reads a line that gives an answer's status in words:
// "HTTP状态码 204", "状态码：200", "成功：200".
var statusTextRE = regexp.MustCompile(`^(?:(?i:http\s*)?(?:状态码|(?i:status\s+code))(?:为|是)?|成功|正常)\s*[:：]?\s*([1-5]\d\d)(?:\s+[A-Za-z][A-Za-z' -]*)?[。.]?$`)

// successProseRE reads a sentence naming the success status:
// "无响应消息，以http状态码200表示成功。", "HTTP状态码 204 表示删除成功".
var successProseRE = regexp.MustCompile(`(?i:http\s*)?状态码\s*(?:为\s*)?(2\d\d)\s*表示\p{Han}{0,4}成功|成功\s*(?:时|后)?\s*[，,]?\s*(?:返回\s*)?(?:的\s*)?(?i:http\s*)?状态码\s*(?:为|是)\s*(2\d\d)`)

// onlyFailureBody reports a sentence saying the success answer has no
// body and the failure's has one, so that the tables after it describe
// the failure (AOM: "删除成功状态码为204且不返回Response Body，删除失败Response
// Body显示错误信息").
func onlyFailureBody(text string) bool {
	success, failure, found := strings.Cut(text, "失败")
	return found && containsAnyFold(success, []string{"不返回", "无响应", "没有响应", "无返回"}) &&
		containsAnyFold(failure, []string{"body", "错误信息", "错误码", "响应体", "响应消息"})
}

// inExamples maps the section a label names to its example when the
// heading above is an example section ("## 示例" then "-   成功响应"): what
// follows shows an answer, it does not describe one.
func inExamples(s, headed section) section {
	switch headed {
	case secExamples, secRequestExample, secResponseExample:
		switch s {
		case secRequest:
			return secRequestExample
		case secResponse:
			return secResponseExample
		}
	}
	return s
}
