package huawei

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Synthetic pages in the shape of the templates survey D found on services
// the readers were not tuned on (live, EIP, SDRS, APM); each is a few lines
// of its template, written for the test.

// live's old template: an uncaptioned 请求参数 table of a DELETE whose
// request example puts the same names in the URL's query string.
func TestDeleteTableInExampleQuery(t *testing.T) {
	table := "## 请求参数\n\n|参数|类型|说明|是否必选|\n|--|--|--|--|\n|domain|String|播放域名。|是|\n|app_name|String|应用名称。|是|\n|note|String|备注。|否|\n\n"
	page := func(method, example string) string {
		return "# 恢复直播推流\n\n## 功能描述\n\n恢复直播推流接口。\n\n## 请求URI\n\n" + method + " /v1/streams/blocks\n\n" + table +
			"## 请求样例\n\n```\n" + example + "\n```\n"
	}
	op, diags := readPage(t, page("DELETE", "DELETE /v1/streams/blocks?domain=xxx&app_name=xxx"))
	checkOp(t, op, diags, "query domain*: string\nquery app_name*: string\nquery note: string\n",
		`13 note: the request example's URL query names this table's parameters and shows no body; read as query parameters`)

	// The example leaves out a required row: which place is meant is unsure.
	op, diags = readPage(t, page("DELETE", "DELETE /v1/streams/blocks?domain=xxx"))
	checkOp(t, op, diags, "request body*: object\n  domain*: string\n  app_name*: string\n  note: string\n",
		`13 warning: the request example's URL query names some of this table's parameters, but not the required "app_name"; read as the DELETE's JSON body`)

	// No example: still a body, but never silently for a DELETE.
	op, diags = readPage(t, page("DELETE", ""))
	checkOp(t, op, diags, "request body*: object\n  domain*: string\n  app_name*: string\n  note: string\n",
		`13 warning: request table of a DELETE read as its JSON body, though neither its caption nor an example shows a body`)

	// A POST whose example shows a JSON body keeps it, query or not.
	op, diags = readPage(t, page("POST", "POST /v1/streams/blocks?domain=xxx&app_name=xxx\n{\"note\": \"n\"}"))
	if !strings.HasPrefix(describe(op), "request body*: object") {
		t.Errorf("POST with a JSON example: got\n%s", describe(op))
	}
	_ = diags
}

// EIP's batch tag page: example labels with a title after a colon.
func TestExampleLabelWithTitle(t *testing.T) {
	page := "# 批量添加标签\n\n## URI\n\nPOST /v1/tags/action\n\n## 请求消息\n\n-   请求参数\n\n" +
		"    |参数|类型|是否必选|说明|\n    |--|--|--|--|\n    |action|String|是|操作标识|\n\n" +
		"-   请求样例1：批量创建标签\n\n    ```\n    {\"action\": \"create\"}\n    ```\n\n" +
		"-   请求样例2：批量删除标签\n\n    ```\n    {\"action\": \"delete\"}\n    ```\n\n" +
		"## 响应消息\n\n-   响应参数\n\n    |参数|类型|说明|\n    |--|--|--|\n    |id|String|ID。|\n\n" +
		"-   响应样例：创建成功\n\n    ```\n    {\"id\": \"1\"}\n    ```\n"
	op, diags := readPage(t, page)
	var got []string
	if op.RequestBody != nil {
		for _, e := range op.RequestBody.Examples {
			got = append(got, e.Summary)
		}
	}
	for _, r := range op.Responses {
		if r.Body != nil {
			for _, e := range r.Body.Examples {
				got = append(got, r.Status+" "+e.Summary)
			}
		}
	}
	if want := "请求样例1：批量创建标签|请求样例2：批量删除标签|200 响应样例：创建成功"; strings.Join(got, "|") != want {
		t.Errorf("examples %q, want %q (diagnostics %v)", strings.Join(got, "|"), want, diags)
	}
	for in, want := range map[string]bool{
		"请求样例1：批量创建标签":           true,
		"**响应示例：action为filter**": true,
		"请求样例中的参数：见下表":           false, // a sentence about the example
		"请求样例：POST /v1/tags":     false, // the request line, not a title
		"请求样例：如下所示，其中id为实例ID":    false,
		"状态码：200":                false,
	} {
		if _, _, ok := label(in); ok != want {
			t.Errorf("label(%q) ok = %v, want %v", in, ok, want)
		}
	}
}

// responsesOf lists each response: status, body type and example summaries.
func responsesOf(op *model.Operation) string {
	var b strings.Builder
	for _, r := range op.Responses {
		b.WriteString(r.Status)
		if r.Body != nil && r.Body.Schema != nil {
			b.WriteString(" body " + typeOf(r.Body.Schema))
			for _, pr := range r.Body.Schema.Properties {
				b.WriteString(" " + pr.Name)
			}
			for _, e := range r.Body.Examples {
				b.WriteString(" [" + e.Summary + "]")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Error answers shown beside the success one never become its body.
func TestErrorAnswersStayOutOfSuccess(t *testing.T) {
	head := "# 删除\n\n## URI\n\nDELETE /v1/items/{id}\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|id|是|String|ID。|\n\n"
	for _, c := range []struct {
		name, page, want string
		diags            []string
	}{{
		// EIP: "无", then "或" and an error body.
		name:  "none or error",
		page:  head + "## 响应消息\n\n-   响应参数\n\n    无\n\n-   响应样例\n\n    无\n\n    或\n\n    ```\n    {\"code\": \"xxx\", \"message\": \"xxxxx\"}\n    ```\n",
		want:  "200\n",
		diags: []string{"24 warning: example after 或 shows a body where status 200 has none; it is another answer, and the page names no status for it; left out"},
	}, {
		// SDRS: the success body, then "或" and error bodies in any wrapper.
		name: "success or error",
		page: head + "## 响应\n\n-   要素说明\n\n    |参数名称|参数类型|说明|\n    |--|--|--|\n    |job_id|String|任务ID。|\n\n" +
			"-   响应样例\n\n    ```\n    {\"job_id\": \"1\"}\n    ```\n\n    或\n\n    ```\n    {\"error\": {\"code\": \"X\"}}\n    ```\n\n" +
			"    其中error是泛指的错误，如报错为：\n\n    ```\n    {\"badrequest\": {\"code\": \"X\"}}\n    ```\n\n" +
			"## 返回值\n\n|返回值|描述|\n|--|--|\n|200|OK|\n|400 Bad Request|请求错误。|\n",
		// They are the failure answer (answers_test.go says when).
		want: "200 body object job_id []\n400\ndefault body object badrequest error [或] [其中error是泛指的错误，如报错为：]\n",
		diags: []string{"28 note: example (members error) shares no member with the status 200 body table, and its members name an error: it is the failure answer, and the page names no status for it; read as default; schema inferred from the example",
			"34 note: example (members badrequest) shares no member with the status 200 body table, and the text before it names a failure (\"其中error是泛指的错误，如报错为：\"): it is the failure answer, and the page names no status for it; read as default; members it adds join the schema inferred from the examples, optional"},
	}, {
		// live's old template: bold outcome items over the success note
		// ("204: 无返回参数", the status) and the failure table; the
		// examples' items say the same.
		name: "outcome items",
		page: head + "## 返回参数\n\n-   **删除配置操作成功**\n\n    ```\n    204: 无返回参数\n    ```\n\n-   **删除配置失败**\n\n    **表 1**  删除失败返回参数说明\n\n" +
			"    |参数|类型|说明|\n    |--|--|--|\n    |error_code|String|错误码。|\n    |error_msg|String|错误描述。|\n\n" +
			"## 返回样例\n\n-   处理失败返回（其他响应码，如返回400）\n\n    ```\n    {\"error_code\": \"LIVE.1\", \"error_msg\": \"Request Illegal\"}\n    ```\n",
		want:  "204\ndefault body object error_code error_msg [处理失败返回（其他响应码，如返回400）]\n", // 204 from "204: 无返回参数"
		diags: nil,
	}} {
		op, diags := readPage(t, c.page)
		if got := responsesOf(op); got != c.want {
			t.Errorf("%s: responses\n%s want\n%s", c.name, got, c.want)
		}
		if got := strings.Join(diagLines(diags, model.Note, model.Warning, model.Error), "\n"); got != strings.Join(c.diags, "\n") {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", c.name, got, strings.Join(c.diags, "\n"))
		}
	}
}

// APM's type cells: a type, then where its structure is described.
func TestTypeWithSeeTable(t *testing.T) {
	for in, want := range map[string]string{
		"list(string),数据结构参见(表5 spans字段数据结构说明)":      "array<string>",
		"list(string)，数据结构参见(表6 Annotation字段数据结构说明)": "array<string>",
		"数据结构参见表8 EndPoint字段数据结构说明":                  "object(表8)",
		"Object，详见表3。": "object(表3)",
		"Array，请参见表4":  "array<object(表4)>",
	} {
		ref, ok := readType(in)
		if !ok || ref.String() != want {
			t.Errorf("readType(%q) = %v, %v; want %s", in, ref, ok, want)
		}
	}
	for _, in := range []string{"String，参见表3和表4", "String，长度为64", "数据结构参见上文"} {
		if ref, ok := readType(in); ok {
			t.Errorf("readType(%q) = %v, want unknown", in, ref)
		}
	}
	table := func(rows string) string {
		return "|参数|参数类型|描述|\n|--|--|--|\n" + rows + "\n"
	}
	page := func(example string) string {
		return "# 查询调用链\n\n## URI\n\nGET /v1/{project_id}/ats/spans\n\n## 响应消息\n\n**表 4**  响应参数\n\n" +
			table("|errorCode|String|错误码。|\n|responseInfo|list(string),数据结构参见(<a href=\"#t5\">表5 spans字段数据结构说明</a>)|调用链。|") +
			"**表 5**  spans字段数据结构说明\n\n<a name=\"t5\"></a>\n" + table("|id|String|ID。|\n|endpoint|数据结构参见<a href=\"#t8\">表8 EndPoint字段数据结构说明</a>|端点。|") +
			"**表 8**  EndPoint字段数据结构说明\n\n<a name=\"t8\"></a>\n" + table("|ip|String|IP。|") +
			"**响应示例**\n\n```\n" + example + "\n```\n"
	}
	// The example's items are JSON in strings, as the type says.
	op, diags := readPage(t, page(`{"errorCode": "0", "responseInfo": ["{\"id\":\"1\"}"]}`))
	checkOp(t, op, diags, "200 body: object\n  errorCode: string\n  responseInfo: array of string\n",
		`14 note: type "list(string),数据结构参见(表5 spans字段数据结构说明)": the value is array of string holding what "表 5 spans字段数据结构说明" describes; read as such, the table documents it`)
	// The example holds objects: the type word was loose.
	op, diags = readPage(t, page(`{"errorCode": "0", "responseInfo": [{"id": "1", "endpoint": {"ip": "x"}}]}`))
	checkOp(t, op, diags, "200 body: object\n  errorCode: string\n  responseInfo: array of object spans\n    id: string\n    endpoint: object EndPoint\n      ip: string\n",
		`14 warning: type "list(string),数据结构参见(表5 spans字段数据结构说明)", but the example holds objects there; read as "表 5 spans字段数据结构说明"`)
}
