package huawei

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Which answer a response example shows, and how its JSON is read. Every
// page here is synthetic: a few lines in the shape of the template named.

// examplesOf returns the examples on status's body, nil when it has none.
func examplesOf(op *model.Operation, status string) []*model.Example {
	for _, r := range op.Responses {
		if r.Status == status && r.Body != nil {
			return r.Body.Examples
		}
	}
	return nil
}

// An example that is not the success answer and that the page marks as a
// failure (the text before it, members that name an error, or the members
// of the failure body table) is the failure answer, default when the page
// names no code for it; one nothing marks is left out, as before.
func TestFailureExampleWithoutStatus(t *testing.T) {
	head := "# 删除\n\n## URI\n\nDELETE /v1/items/{id}\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|id|是|String|ID。|\n\n"
	success := "## 响应\n\n-   响应参数\n\n    |参数名称|参数类型|说明|\n    |--|--|--|\n    |job_id|String|任务ID。|\n\n" +
		"-   响应样例\n\n    ```\n    {\"job_id\": \"1\"}\n    ```\n\n"
	none := "## 响应消息\n\n-   响应参数\n\n    无\n\n-   响应样例\n\n    无\n\n"
	example := func(before, json string) string {
		return "    " + before + "\n\n    ```\n    " + json + "\n    ```\n"
	}
	for _, c := range []struct {
		name, page, want string
		onDefault        int // examples on default's body
		diags            []string
	}{{
		// EVS/SDRS: "其中error是泛指的错误，…如报错：" and an OpenStack error.
		name:      "text before names a failure",
		page:      head + success + example("其中error是泛指的错误，如报错：", `{"itemNotFound": {"message": "x", "code": "y"}}`),
		want:      "path id*: string\n200 body: object\n  job_id: string\ndefault body: object\n  itemNotFound: object\n    code: string\n    message: string\n",
		diags:     []string{`28 note: example (members itemNotFound) shares no member with the status 200 body table, and the text before it names a failure ("其中error是泛指的错误，如报错："): it is the failure answer, and the page names no status for it; read as default; schema inferred from the example`},
		onDefault: 1,
	}, {
		// SCM: "{message}" 或 "{error_code, error_msg}".
		name:      "members name an error",
		page:      head + success + example("或", `{"error_code": "SCM.1", "error_msg": "x"}`),
		want:      "path id*: string\n200 body: object\n  job_id: string\ndefault body: object\n  error_code: string\n  error_msg: string\n",
		diags:     []string{`28 note: example (members error_code, error_msg) shares no member with the status 200 body table, and its members name an error: it is the failure answer, and the page names no status for it; read as default; schema inferred from the example`},
		onDefault: 1,
	}, {
		// EIP's "无 或 {…}" with an error's members.
		name:      "none or an error",
		page:      head + none + example("或", `{"error": {"code": "x"}}`),
		want:      "path id*: string\ndefault body: object\n  error: object\n    code: string\n",
		diags:     []string{`24 note: example after 或 shows a body where status 200 has none, and its members name an error: it is the failure answer, and the page names no status for it; read as default; schema inferred from the example`},
		onDefault: 1,
	}, {
		// Two error shapes (SDRS): the second's members join the first's.
		name: "two failure examples",
		page: head + success + example("或", `{"error": {"code": "x"}}`) + "\n" + example("其中error是泛指的错误，如报错为：", `{"badrequest": {"code": "x"}}`),
		want: "path id*: string\n200 body: object\n  job_id: string\ndefault body: object\n  badrequest: object\n    code: string\n  error: object\n    code: string\n",
		diags: []string{`28 note: example (members error) shares no member with the status 200 body table, and its members name an error: it is the failure answer, and the page names no status for it; read as default; schema inferred from the example`,
			`34 note: example (members badrequest) shares no member with the status 200 body table, and the text before it names a failure ("其中error是泛指的错误，如报错为："): it is the failure answer, and the page names no status for it; read as default; members it adds join the schema inferred from the examples, optional`},
		onDefault: 2,
	}, {
		// ECS: the second error has details the first has not.
		name: "a nested member added",
		page: head + success + example("或", `{"error": {"code": "x"}}`) + "\n" + example("或", `{"error": {"code": "x", "details": [{"code": "y"}]}}`),
		want: "path id*: string\n200 body: object\n  job_id: string\ndefault body: object\n  error: object\n    code: string\n    details: array of object\n      code: string\n",
		diags: []string{`28 note: example (members error) shares no member with the status 200 body table, and its members name an error: it is the failure answer, and the page names no status for it; read as default; schema inferred from the example`,
			`34 note: example (members error) shares no member with the status 200 body table, and its members name an error: it is the failure answer, and the page names no status for it; read as default; members it adds join the schema inferred from the examples, optional`},
		onDefault: 2,
	}, {
		// live's template: the failure table, then "{job_id} 或 {code, message}".
		name: "members of the failure table",
		page: head + "## 返回参数\n\n-   **删除配置成功**\n\n    |参数|类型|说明|\n    |--|--|--|\n    |job_id|String|任务ID。|\n\n" +
			"-   **删除配置失败**\n\n    **表 2**  删除失败返回参数说明\n\n    |参数|类型|说明|\n    |--|--|--|\n    |code|String|错误码。|\n    |message|String|错误描述。|\n\n" +
			"## 返回样例\n\n```\n{\"job_id\": \"1\"}\n```\n\n或\n\n```\n{\"code\": \"x\", \"message\": \"y\"}\n```\n",
		want:      "path id*: string\n200 body: object\n  job_id: string\ndefault body: object\n  code: string\n  message: string\n",
		diags:     []string{"37 note: example (members code, message) shares no member with the status 200 body table, and it has members of the failure body table (line 23): it is the failure answer, and the page names no status for it; read as default"},
		onDefault: 1,
	}, {
		// The one failure code an outcome label names is the answer's status.
		name: "the failure's one code",
		page: head + "## 返回参数\n\n-   **处理成功返回（200 OK）**\n\n    |参数|类型|说明|\n    |--|--|--|\n    |job_id|String|任务ID。|\n\n" +
			"-   **处理失败返回（400 Bad Request）**\n\n    |参数|类型|说明|\n    |--|--|--|\n    |code|String|错误码。|\n\n" +
			"## 返回样例\n\n```\n{\"job_id\": \"1\"}\n```\n\n或\n\n```\n{\"code\": \"x\"}\n```\n",
		want:  "path id*: string\n200 body: object\n  job_id: string\n400 body: object\n  code: string\n",
		diags: []string{"34 note: example (members code) shares no member with the status 200 body table, and it has members of the failure body table (line 21): it is the failure answer, and the page names no status for it; read as 400"},
	}, {
		// EIP: "无 或 {code, message}", nothing saying it is a failure.
		name:  "nothing marks a failure",
		page:  head + none + example("或", `{"code": "x", "message": "y"}`),
		want:  "path id*: string\n",
		diags: []string{"24 warning: example after 或 shows a body where status 200 has none; it is another answer, and the page names no status for it; left out"},
	}, {
		// A text that names success too says nothing clear.
		name:  "text names success and failure",
		page:  head + success + example("成功或失败时返回：", `{"result": "x"}`),
		want:  "path id*: string\n200 body: object\n  job_id: string\n",
		diags: []string{"28 warning: example (members result) shares no member with the status 200 body table; it is another answer or shape, and the page names no status for it; left out"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			op, diags := readPage(t, c.page)
			checkOp(t, op, diags, c.want, c.diags...)
			if got := len(examplesOf(op, failureGroup)); got != c.onDefault {
				t.Errorf("default has %d examples, want %d", got, c.onDefault)
			}
			for _, ex := range examplesOf(op, "200") {
				if _, ok := asObject(ex.Value)["job_id"]; !ok {
					t.Errorf("200 shows a failure: %v", ex.Value)
				}
			}
		})
	}
}

// A table of the elements of the example's one array member (MRS: "key |
// value", the example {"tags":[{…}]}) is read under that array, with a
// warning; elements with members the table lacks, or without one it
// requires, are another shape, left out as before.
func TestTableOfArrayElements(t *testing.T) {
	page := func(json string) string {
		return "# 查询标签\n\n## URI\n\nGET /v1/clusters/{id}/tags\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|id|是|String|ID。|\n\n" +
			"## 响应参数\n\n**表 2**  响应参数说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|key|是|String|键。|\n|value|是|String|值。|\n|note|否|String|备注。|\n\n" +
			"## 响应示例\n\n```\n" + json + "\n```\n"
	}
	op, diags := readPage(t, page(`{"tags": [{"key": "k1", "value": "v1"}, {"key": "k2", "value": "v2", "note": "n"}]}`))
	checkOp(t, op, diags, "path id*: string\n200 body: object\n  tags*: array of object\n    key*: string\n    value*: string\n    note: string\n",
		"24 warning: the response table lists the members of each element of the array $.tags, where the example puts them; the body's wrappers (tags, an array) are read from the example")
	if len(examplesOf(op, "200")) != 1 {
		t.Errorf("the example is not on 200")
	}
	op, diags = readPage(t, page(`{"result": {"tags": [{"key": "k1", "value": "v1"}]}}`))
	checkOp(t, op, diags, "path id*: string\n200 body: object\n  result*: object\n    tags*: array of object\n      key*: string\n      value*: string\n      note: string\n",
		"24 warning: the response table lists the members of each element of the array $.result.tags, where the example puts them; the body's wrappers (result, tags, an array) are read from the example")

	for name, json := range map[string]string{
		"a member the table lacks": `{"tags": [{"key": "k1", "value": "v1", "owner": "o"}]}`,
		"no required member":       `{"tags": [{"key": "k1"}]}`,
		"no elements":              `{"tags": []}`,
		"elements not objects":     `{"tags": ["k1"]}`,
		"two members":              `{"tags": [{"key": "k1", "value": "v1"}], "total": 1}`,
	} {
		op, diags := readPage(t, page(json))
		got := diagLines(diags, model.Warning)
		if describe(op) != "path id*: string\n200 body: object\n  key*: string\n  value*: string\n  note: string\n" || len(got) != 1 || !strings.HasSuffix(got[0], "left out") {
			t.Errorf("%s: read as\n%s%q, want the table's body and the example left out", name, describe(op), got)
		}
	}
}

// An example that is JSON but for full-width punctuation outside its
// strings, or a comma missing between members on separate lines, is read
// with a note naming each mend and its line; what is inside strings stays.
func TestExampleJSONMended(t *testing.T) {
	page := func(json string) string {
		return "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
			"|status|String|状态。|\n|name|String|名称。|\n|count|Integer|数量。|\n|tags|Array of strings|标签。|\n\n" +
			"## 响应示例\n\n```\n" + json + "\n```\n"
	}
	want := "200 body: object\n  status: string\n  name: string\n  count: integer/int64\n  tags: array of string\n"
	for _, c := range []struct {
		name, json string
		value      map[string]any
		diag       string
	}{{
		// DRS: a full-width comma; MRS: ”FINISHED” quoted full-width.
		name:  "full-width",
		json:  "{\n\"status\":”FINISHED”，\n\"name\"：\"a，b：“c”\",\n\"count\": 1,\n\"tags\": ［\"x\"］\n}",
		value: map[string]any{"status": "FINISHED", "name": "a，b：“c”", "tags": []any{"x"}},
		diag:  "19 note: example is not valid JSON as typed: full-width '”' as JSON punctuation (line 20), full-width '，' as JSON punctuation (line 20), full-width '：' as JSON punctuation (line 21), full-width '［' as JSON punctuation (line 23), full-width '］' as JSON punctuation (line 23); read as JSON would have it",
	}, {
		// A string opened full-width may close with an ASCII quote.
		name:  "mixed quotes",
		json:  "{\"status\": “FINISHED\", \"name\": \"n\"}",
		value: map[string]any{"status": "FINISHED", "name": "n"},
		diag:  "19 note: example is not valid JSON as typed: full-width '“' as JSON punctuation (line 19); read as JSON would have it",
	}, {
		// CSS, CPH: a value, a line break, then the next member.
		name:  "missing commas",
		json:  "{\n\"status\": \"a\"\n\"count\": -1\n\"tags\": []\n\"name\": \"n\"\n}",
		value: map[string]any{"status": "a", "name": "n", "tags": []any{}},
		diag:  "19 note: example is not valid JSON as typed: no comma before a member (lines 21, 22, 23); read as JSON would have it",
	}, {
		// ECS: a comma after the last member or element.
		name:  "trailing commas",
		json:  "{\n\"status\": \"a\",\n\"tags\": [\"x\", ],\n}",
		value: map[string]any{"status": "a", "tags": []any{"x"}},
		diag:  "19 note: example is not valid JSON as typed: a comma before a closing bracket (line 21); read as JSON would have it",
	}} {
		t.Run(c.name, func(t *testing.T) {
			op, diags := readPage(t, page(c.json))
			checkOp(t, op, diags, want, c.diag)
			exs := examplesOf(op, "200")
			if len(exs) != 1 {
				t.Fatalf("%d examples on 200, want 1", len(exs))
			}
			got := asObject(exs[0].Value)
			for k, v := range c.value {
				if fmt.Sprint(got[k]) != fmt.Sprint(v) {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
		})
	}
	// What no mend makes JSON is ignored, the warning naming the line and
	// the character itself, not its first byte.
	for _, c := range []struct{ name, json, diag string }{{
		name: "a stray full-width stop",
		json: "{\n\"status\": \"a\" 。\n}",
		diag: `19 warning: example is not valid JSON (line 20: invalid character '。' after object key:value pair); ignored`,
	}, {
		name: "still broken after the mend",
		json: "{\n\"status\": \"a\"，，\n}",
		diag: `19 warning: example is not valid JSON (line 20: invalid character ',' looking for beginning of object key string), even with full-width '，' as JSON punctuation (line 20) mended; ignored`,
	}, {
		// Two commas, or one after an opening bracket: which was meant
		// is not clear.
		name: "a comma after a comma",
		json: "{\"status\": \"a\", \"tags\": [\"x\",,]}",
		diag: `19 warning: example is not valid JSON (line 19: invalid character ',' looking for beginning of value); ignored`,
	}, {
		// Two members on one line: which was meant is not clear.
		name: "no comma on one line",
		json: "{\"status\": \"a\" \"name\": \"n\"}",
		diag: `19 warning: example is not valid JSON (line 19: invalid character '"' after object key:value pair); ignored`,
	}, {
		// A string after a string in an array is no member.
		name: "no comma in an array",
		json: "{\"tags\": [\"a\"\n\"b\"]}",
		diag: `19 warning: example is not valid JSON (line 20: invalid character '"' after array element); ignored`,
	}} {
		t.Run(c.name, func(t *testing.T) {
			op, diags := readPage(t, page(c.json))
			checkOp(t, op, diags, want, c.diag)
			if len(examplesOf(op, "200")) != 0 {
				t.Errorf("a broken example is on 200")
			}
		})
	}
}

// JSON is never mended: outside its strings there is no full-width
// punctuation and no member without its comma; and a text is changed
// only with a mend said.
func FuzzRepairJSON(f *testing.F) {
	for _, s := range []string{
		`{"a": "x，y：“z”", "b": [1, 2], "c": {"d": null}}`,
		"{\n\"a\": 1\n,\"b\": \"\\\"\"\n}",
		"[\"a\"\n, \"b\"]",
		"{\"status\":”FINISHED”，\n\"name\"：1}",
		"{\n\"a\": \"x\"\n\"b\": -1\n\"c\": {}\n\"d\": 1}",
		"{\"a\": “x\\”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, repairs := repairJSON(s)
		if json.Valid([]byte(s)) && (repairs != nil || out != s) {
			t.Errorf("valid JSON %q mended to %q (%v)", s, out, repairs)
		}
		if repairs == nil && out != s {
			t.Errorf("%q changed to %q with no mend said", s, out)
		}
	})
}

// 204 (and 205, 304) carries no content: a "{ }" shown under it is left
// out with a note, a body table or a real body with a warning, so the
// client does not try to decode the empty answer the server sends.
func TestNoContentStatusHasNoBody(t *testing.T) {
	head := "# 删除团队\n\n## URI\n\nDELETE /v2/{project_id}/workforces/{id}\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|id|是|String|ID。|\n\n"
	table := "## 响应参数\n\n**状态码： 204**\n\n**表 2**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|success|Boolean|是否成功。|\n\n"
	example := func(json string) string {
		return "## 响应示例\n\n**状态码： 204**\n\nNo Content\n\n```\n" + json + "\n```\n\n"
	}
	for _, c := range []struct {
		name, page string
		diags      []string
	}{{
		name:  "empty example",
		page:  head + example("{ }"),
		diags: []string{"19 note: example {} under status 204, which has no content (RFC 9110); left out"},
	}, {
		name: "body table and empty example",
		page: head + table + example("{ }"),
		diags: []string{"18 warning: status 204 has no content (RFC 9110), but a table describes a body for it; the body is left out",
			"29 note: example {} under status 204, which has no content (RFC 9110); left out"},
	}, {
		name:  "a body shown",
		page:  head + example(`{"success": true}`),
		diags: []string{"19 warning: status 204 has no content (RFC 9110), but the page shows a body; left out"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			op, diags := readPage(t, c.page)
			checkOp(t, op, diags, "path project_id*: string\npath id*: string\n", c.diags...)
			for _, r := range op.Responses {
				if r.Body != nil {
					t.Errorf("status %s has a body", r.Status)
				}
			}
		})
	}
}

// A request table whose members the example holds under a wrapper (NAT's
// {"nat_gateway":{…}}) or in each element of an array (IMS's JSON Patch)
// is read in the example's shape, as on the response side.
func TestRequestTableInTheExamplesShape(t *testing.T) {
	page := func(json string) string {
		return "# 创建网关\n\n## URI\n\nPOST /v2.0/nat_gateways\n\n## 请求消息\n\n**表 1**  请求参数\n\n|参数名称|类型|必选|说明|\n|--|--|--|--|\n|name|String|是|名字。|\n|spec|String|否|规格。|\n\n" +
			"## 示例\n\n-   请求示例\n\n    ```\n    POST /v2.0/nat_gateways\n    " + json + "\n    ```\n"
	}
	op, diags := readPage(t, page(`{"nat_gateway": {"name": "n", "spec": "1"}}`))
	checkOp(t, op, diags, "request body*: object\n  nat_gateway*: object\n    name*: string\n    spec: string\n",
		"22 warning: the request table lists the members of $.nat_gateway, where the example puts them; the body's wrapper objects (nat_gateway) are read from the example")
	op, diags = readPage(t, page(`[{"name": "n", "spec": "1"}, {"name": "m"}]`))
	checkOp(t, op, diags, "request body*: array of object\n  name*: string\n  spec: string\n",
		"22 warning: the request table lists the members of each element of the example, an array; the body is read as an array of them")
	op, diags = readPage(t, page(`{"name": "n"}`))
	checkOp(t, op, diags, "request body*: object\n  name*: string\n  spec: string\n")
}

// A GET's 请求参数 table that lists a path placeholder beside its query
// parameters (AOM) puts the placeholder in the path.
func TestPathPlaceholderInAQueryTable(t *testing.T) {
	op, diags := readPage(t, "# 查询规则\n\n## URI\n\nGET /v1/{project_id}/inv/rules?id={id}\n\n## 请求消息\n\n**表 1**  参数说明\n\n"+
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|id|否|String|规则ID。|\n")
	checkOp(t, op, diags, "path project_id*: string\nquery id: string\n",
		`13 note: row "project_id" is the path's {project_id}; read as that path parameter`)
}

// NAT: the query names only the path line gives (one with its braces
// lost, protocol=protocol) are optional strings, and "List(dnat_rule)"
// with no table takes its items' fields from the example's elements.
func TestQueryNamesAndListItemsFromTheExample(t *testing.T) {
	op, diags := readPage(t, "# 查询DNAT规则列表\n\n## URI\n\nGET /v2.0/dnat_rules?id={id}&protocol=protocol\n\n## 请求消息\n\n无\n\n## 响应消息\n\n**表 1**  响应参数\n\n"+
		"|参数名称|类型|说明|\n|--|--|--|\n|dnat_rules|List(dnat_rule)|dnat_rule对象列表。|\n\n## 示例\n\n-   响应示例\n\n    ```\n    {\"dnat_rules\": [{\"id\": \"a\", \"port\": 80}, {\"id\": \"b\"}]}\n    ```\n")
	checkOp(t, op, diags, "query id: string\nquery protocol: string\n200 body: object\n  dnat_rules: array of object\n    id: string\n    port: integer\n",
		`17 note: the objects of "dnat_rules" have no table describing their fields; read from the example's elements: id, port`,
		"5 note: the path line's query string names id, protocol, which no table documents; read as optional string query parameters")
	// "?{query_params}" stands for the parameters the tables give: no parameter of its own.
	op, diags = readPage(t, "# 查询作业\n\n## URI\n\nGET /v1/jobs?{query_params}\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|limit|否|Integer|条数。|\n")
	checkOp(t, op, diags, "query limit: integer/int64\n")
}

// A page with no URI section whose request examples call several paths
// (VPC's 分页查询) describes what those calls share: not an operation. One
// path is still the question "is it an operation?".
func TestPageSharedByCalls(t *testing.T) {
	page := func(second string) string {
		return "# 分页查询\n\n## 功能介绍\n\n通过limit和marker参数分页。\n\n## 请求消息\n\n**表 1**  请求参数\n\n|参数名称|类型|必选|说明|\n|--|--|--|--|\n|limit|Integer|否|条目数量。|\n\n" +
			"请求样例1\n\n```\nGET https://{Endpoint}/v2.0/networks?limit=2\n```\n\n请求样例2\n\n```\nGET https://{Endpoint}" + second + "?limit=2\n```\n"
	}
	pg, _ := ReadAPIReference("p.md", []byte(page("/v2.0/vpc/peerings")))
	if want := "its request examples call 2 different paths, /v2.0/networks (line 18), /v2.0/vpc/peerings (line 24)"; !strings.Contains(pg.NotOperation, want) {
		t.Errorf("NotOperation = %q, want it to say %q", pg.NotOperation, want)
	}
	// One call on two ids is one path: the page is asked about.
	for _, second := range []string{"/v2.0/networks", "/v2.0/networks/n2"} {
		first := strings.Replace(page(second), "/v2.0/networks?", "/v2.0/networks/n1?", 1)
		if second == "/v2.0/networks" {
			first = page(second)
		}
		pg, diags := ReadAPIReference("p.md", []byte(first))
		if pg.NotOperation != "" || diags.Count(model.Error) != 1 {
			t.Errorf("%s: NotOperation %q, %d errors; want the page asked about", second, pg.NotOperation, diags.Count(model.Error))
		}
	}
	// Request lines in the HTTP form count too, before one is taken as the page's.
	http := strings.ReplaceAll(strings.ReplaceAll(page("/v2.0/vpc/peerings"), "https://{Endpoint}", ""), "limit=2\n", "limit=2 HTTP/1.1\n")
	if pg, _ := ReadAPIReference("p.md", []byte(http)); !strings.Contains(pg.NotOperation, "2 different paths") {
		t.Errorf("HTTP request lines: NotOperation %q, want the page shared by two calls", pg.NotOperation)
	}
}

// A hostile path line naming 10⁵ query parameters adds a bounded number.
func TestQueryNamesBounded(t *testing.T) {
	var q strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&q, "&p%d={p%d}", i, i)
	}
	op, diags := readPage(t, "# 查询\n\n## URI\n\nGET /v1/things?"+q.String()[1:]+"\n\n## 请求消息\n\n无\n")
	if len(op.Params) != maxQueryNames || diags.Count(model.Warning) != 1 {
		t.Errorf("%d parameters, %d warnings; want %d and one warning", len(op.Params), diags.Count(model.Warning), maxQueryNames)
	}
}
