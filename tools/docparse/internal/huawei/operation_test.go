package huawei

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

const pathTable = "**表 1**  路径参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID|\n|limit|否|Integer|每页条数|\n"

func TestURISpellings(t *testing.T) {
	for _, tc := range []struct {
		name, page   string
		method, path string
		params       string // in:name of each parameter
	}{
		{"bold heading, no space, query string", "# 查询\n\n## **URI**\n\nGET/v1/{project_id}/keys?limit={limit}\n\n" + pathTable,
			"GET", "/v1/{project_id}/keys", "path:project_id query:limit"},
		{"URI格式 bullet with PATH and Method lines", "# 查询\n\n## URI\n\n-   URI格式\n\n    PATH：/rds/v1/{project_id}/backups\n\n    Method：GET\n\n" + strings.Replace(pathTable, "路径参数", "参数说明", 1),
			"GET", "/rds/v1/{project_id}/backups", "path:project_id query:limit"},
		{"URI line inside 功能介绍", "# 查询\n\n## 功能介绍\n\n查询。\n\nURI\n\nPOST https://{Endpoint}/v3/{project_id}/jobs\n",
			"POST", "/v3/{project_id}/jobs", ""}, // path parameters without a table are added later
		{"query names in brackets in the 请求方法/URI table", "# 查询\n\n## URI\n\n" +
			"|请求方法|URI|\n|--|--|\n|GET|/v1/{project_id}/groups[?page_size, name]|\n\n" +
			"**表 2**  参数说明\n\n|名称|是否必选|类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目|\n|page_size|否|Integer|条数|\n|name|否|String|名称|\n",
			"GET", "/v1/{project_id}/groups", "path:project_id query:page_size query:name"},
		{"URI参数说明 is the URI's parameter table, not a type named URI", "# 删除\n\n## URI\n\nDELETE /v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}?force=true\n\n" +
			"**表 1**  URI参数说明\n\n|参数|类型|必选|说明|\n|--|--|--|--|\n|project_id|String|是|项目|\n|function_urn|String|是|函数|\n|alias_name|String|是|别名|\n|force|Boolean|否|强制|\n",
			"DELETE", "/v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}", "path:project_id path:function_urn path:alias_name query:force"},
		{"method line in a code block", "# 删除\n\n## URI\n\n```\nDELETE /v1/{project_id}/services/{service_id}\n```\n",
			"DELETE", "/v1/{project_id}/services/{service_id}", ""},
		{"example URL after 样例 is not the path", "# 查询\n\n## URI\n\nGET /v1/{project_id}/quotas\n\n样例：\n\n```\nGET https://{Endpoint}/v1/abc/other\n```\n",
			"GET", "/v1/{project_id}/quotas", ""},
	} {
		pg, diags := ReadAPIReference("p.md", []byte(tc.page))
		if pg.NotOperation != "" || len(pg.Operations) != 1 {
			t.Errorf("%s: page %+v", tc.name, pg)
			continue
		}
		op := pg.Operations[0]
		var params []string
		for _, p := range op.Params {
			params = append(params, p.In+":"+p.Name)
		}
		if op.Method != tc.method || op.Path != tc.path || strings.Join(params, " ") != tc.params {
			t.Errorf("%s: got %s %s %v (diagnostics %v)", tc.name, op.Method, op.Path, params, diags)
		}
		if diags.HasErrors() {
			t.Errorf("%s: errors %v", tc.name, diags)
		}
	}
}

func TestMissingMethodOrPath(t *testing.T) {
	for _, tc := range []struct{ name, page, msg string }{
		{"URI section without a method line", "# 查询\n\n## URI\n\n见下表。\n", "no method and path found in the URI section"},
		{"PATH without Method", "# 查询\n\n## URI\n\nPATH：/rds/v1/{project_id}/backups\n", `gives the path "/rds/v1/{project_id}/backups" but no method`},
		{"Method without PATH", "# 查询\n\n## URI\n\nMethod：GET\n", "gives the method GET but no path"},
		{"功能介绍 and 请求消息 without URI", "# 分页查询\n\n## 功能介绍\n\n分页。\n\n## 请求消息\n\n无\n", "but no URI section and no method and path"},
	} {
		pg, diags := ReadAPIReference("p.md", []byte(tc.page))
		if pg.NotOperation != "" || diags.Count(model.Error) != 1 || !strings.Contains(diags[0].Msg, tc.msg) {
			t.Errorf("%s: NotOperation %q, diagnostics %v; want one error saying %q", tc.name, pg.NotOperation, diags, tc.msg)
		}
	}
}

func TestNotOperationPages(t *testing.T) {
	for _, tc := range []struct{ name, page, why string }{
		{"title only", "# 创建标注任务<a name=\"x\"></a>\n", "nothing but its title"},
		{"index", "# API参考\n\n-   [概述](概述.md)\n-   [构造请求](构造请求.md)\n-   [认证鉴权](认证鉴权.md)\n", "list of links"},
		{"walkthrough", "# 创建云服务器\n\n## 操作步骤\n\n1.  查询可用区。\n\n    URI格式：GET /v2.1/{project_id}/os-availability-zone\n", "no URI section"},
		{"overview with tables", "# 构造请求\n\n## 请求URI\n\n**表 1**  URI中的参数说明\n\n|参数|描述|\n|--|--|\n|Endpoint|终端节点|\n", "no URI section"},
	} {
		pg, diags := ReadAPIReference("p.md", []byte(tc.page))
		if !strings.Contains(pg.NotOperation, tc.why) || len(pg.Operations) != 0 || diags.HasErrors() {
			t.Errorf("%s: NotOperation %q, %d operations, diagnostics %v; want %q", tc.name, pg.NotOperation, len(pg.Operations), diags, tc.why)
		}
	}
}

func TestExampleLabels(t *testing.T) {
	page := "# 更新\n\n## URI\n\nPUT /v2.0/routers/{router_id}\n\n## 样例\n\n请求样例\n\n```\nPUT https://{Endpoint}/v2.0/routers/abc\n{\"router\": {\"name\": \"r\"}}\n```\n\n" +
		"响应样例：\n\n```\n{\"router\": {\"id\": \"abc\"}}\n```\n\n" +
		"-   失败响应示例\n\n    ```\n    {\"error_code\": \"E1\"}\n    ```\n" +
		"-   异常响应\n\n    **表 1**  要素说明\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|error_msg|是|String|错误信息|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	got := map[string]int{}
	for _, r := range op.Responses {
		if r.Body != nil {
			got[r.Status] = len(r.Body.Examples)
		}
	}
	for _, r := range op.Responses {
		// The 异常响应 table describes the failure, not the success.
		if r.Body != nil && (r.Status == "default") != (r.Body.Schema.Property("error_msg") != nil) {
			t.Errorf("status %s body %+v: the 异常响应 table belongs to default only", r.Status, r.Body.Schema)
		}
	}
	if got["200"] != 1 || got["default"] != 1 {
		t.Errorf("response examples by status %v, want one for 200 and one for default (the failure)", got)
	}
	// No request body table: the body is the request example's shape, and
	// a warning says so.
	if rb := op.RequestBody; rb == nil || rb.Schema.Property("router") == nil || len(rb.Examples) != 1 {
		t.Errorf("request body %+v, want the example's {router} with the example", op.RequestBody)
	}
	if got := diagLines(diags, model.Warning); !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, "schema is inferred from the example") }) {
		t.Errorf("warnings %q, want one saying the request body is inferred from the example", got)
	}
}

// An example that is only its status ("STATUS CODE 204", or "无（STATUS CODE
// 204）" with full-width parentheses) documents that status without a body.
func TestStatusOnlyExample(t *testing.T) {
	for _, ex := range []string{"STATUS CODE 204", "无（STATUS CODE 204）", "无(status code 204)"} {
		page := "# 删除\n\n## URI\n\nDELETE /v2/{project_id}/rules/{rule_id}\n\n" + pathTable + "\n## 响应\n\n-   响应样例\n\n    ```\n    " + ex + "\n    ```\n"
		pg, diags := ReadAPIReference("p.md", []byte(page))
		op := pg.Operations[0]
		if len(op.Responses) != 1 || op.Responses[0].Status != "204" || op.Responses[0].Body != nil || op.Responses[0].Loc.Line != 19 {
			t.Errorf("%q: responses %+v, want one 204 without a body, at line 19", ex, op.Responses)
		}
		if len(diags) != 0 {
			t.Errorf("%q: diagnostics %v", ex, diags)
		}
	}
}

// Older pages name the operation in a list item: "-   接口名称" with the
// name on the next line, or after a colon on the same line. The name is a
// hint with its location; the title and path would derive another.
func TestInterfaceNameItem(t *testing.T) {
	const uri = "\n## URI\n\n-   URI格式\n\n    DELETE /v2/{project_id}/{resource_type}/{resource_id}/tags/{key}\n"
	for _, tc := range []struct {
		name, intro string
		want        string // the hint, "" for none
		line        int
		note        string // a substring of the one note expected, "" for none
	}{
		{"next line", "-   接口名称\n\n    DeleteResourceTag\n\n\n-   功能描述\n\n    删除标签。\n", "DeleteResourceTag", 5, ""},
		{"same line", "-   接口名称：DeleteResourceTag\n-   功能描述\n\n    删除标签。\n", "DeleteResourceTag", 3, ""},
		{"not an identifier", "-   接口名称\n\n    删除资源标签\n", "", 0, `接口名称 "删除资源标签" is not an English identifier`},
		{"no name before the next item", "-   接口名称\n-   功能描述\n\n    删除标签。\n", "", 0, "接口名称 is not followed by a name"},
		{"not a list item", "接口名称\n\n    DeleteResourceTag\n", "", 0, ""},
	} {
		page := "# 删除资源标签<a name=\"ZH-CN_TOPIC_0105885510\"></a>\n\n" + tc.intro + uri
		pg, diags := ReadAPIReference("p.md", []byte(page))
		op := pg.Operations[0]
		var got []string
		for _, h := range op.IDHints {
			if h.Source == "name" {
				got = append(got, h.Name)
				if h.Loc.Line != tc.line || h.Loc.What != "接口名称" {
					t.Errorf("%s: hint at %v, want line %d (接口名称)", tc.name, h.Loc, tc.line)
				}
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: name hints %v, want %q", tc.name, got, tc.want)
		}
		if tc.want != "" && strings.Contains(op.Description, tc.want) {
			t.Errorf("%s: the name is left in the description %q", tc.name, op.Description)
		}
		if op.Path != "/v2/{project_id}/{resource_type}/{resource_id}/tags/{key}" {
			t.Errorf("%s: path %q", tc.name, op.Path)
		}
		notes := 0
		for _, d := range diags {
			if strings.Contains(d.Msg, "接口名称") {
				notes++
				if tc.note == "" || !strings.Contains(d.Msg, tc.note) || d.Severity != model.Note {
					t.Errorf("%s: diagnostic %v", tc.name, d)
				}
			}
		}
		if (tc.note != "") != (notes == 1) {
			t.Errorf("%s: diagnostics %v, want one note saying %q", tc.name, diags, tc.note)
		}
	}
}

// An example that opens with an HTTP status line ("HTTP/1.1 204",
// "HTTP / 1.1 404 Not Found") belongs to that status, under labels such as
// 成功时的返回格式 / 失败时的返回格式 that name none.
func TestExampleHTTPStatusLine(t *testing.T) {
	page := "# 删除别名\n\n## URI\n\nDELETE /v2/{project_id}/aliases/{alias_name}\n\n" + pathTable +
		"\n## 示例\n\n**响应示例**\n\n**成功时的返回格式：**\n\n```\nHTTP/1.1 204\n```\n\n" +
		"**失败时的返回格式：**\n\n```\nHTTP / 1.1 404 Not Found\n{\n\t\"error_code\": \"FSS.1053\"\n}\n```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	var got []string
	for _, r := range op.Responses {
		got = append(got, fmt.Sprintf("%s body:%v examples:%d", r.Status, r.Body != nil, len(bodyExamples(r))))
	}
	if want := "204 body:false examples:0, 404 body:true examples:1"; strings.Join(got, ", ") != want {
		t.Errorf("responses %v, want %s (diagnostics %v)", got, want, diags)
	}
}

func bodyExamples(r *model.Response) []*model.Example {
	if r.Body == nil {
		return nil
	}
	return r.Body.Examples
}

// DRS 删除备份迁移任务 (synthetic page in its shape): the URI table calls
// the path's {task_id} jobId. The one id row that names no placeholder is
// the one placeholder no row documents; never a tenant's id, which pages
// often leave out beside a real query parameter.
func TestURIRowRenamesTheResourceID(t *testing.T) {
	page := func(path, rows string) string {
		return "# 删除任务\n\n## URI\n\nDELETE " + path + "\n\n**表 1**  参数说明\n\n|名称|是否必选|说明|\n|--|--|--|\n" + rows + "\n## 响应\n\n无\n"
	}
	for _, tc := range []struct{ name, path, rows, want string }{
		{"renamed", "/v1/{project_id}/replication_task/{task_id}", "|project_id|是|项目ID。|\n|jobId|是|任务ID。|\n", "path project_id, path task_id"},
		{"a tenant's id is not", "/v1/{project_id}/jobs", "|job_id|是|任务ID。|\n", "query job_id"},
		{"two strays", "/v1/{project_id}/tasks/{task_id}", "|project_id|是|项目ID。|\n|jobId|是|任务ID。|\n|nodeId|是|节点ID。|\n", "path project_id, query jobId, query nodeId"},
		{"an optional row", "/v1/{project_id}/tasks/{task_id}", "|project_id|是|项目ID。|\n|jobId|否|任务ID。|\n", "path project_id, query jobId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, _ := ReadAPIReference("p.md", []byte(page(tc.path, tc.rows)))
			var got []string
			for _, prm := range pg.Operations[0].Params {
				got = append(got, prm.In+" "+prm.Name)
			}
			if s := strings.Join(got, ", "); s != tc.want {
				t.Errorf("params = %s, want %s", s, tc.want)
			}
		})
	}
}

// FunctionGraph's older pages (synthetic page in their shape) give each
// row's limits in a 约束 column beside 说明; its text joins the
// description, where the constraint readers find the enum.
func TestLimitsColumnJoinsTheDescription(t *testing.T) {
	page := "# 启动或停止定时器\n\n## URI\n\nPUT /v1/{project_id}/crons/{cron_id}/action\n\n## 请求消息\n\n**表 1**  请求参数\n\n" +
		"|名称|是否必选|参数类型|说明|约束|\n|--|--|--|--|--|\n|action_type|是|String|动作类型|只能为start或stop中的一个|\n|note|否|String|备注|-|\n"
	pg, _ := ReadAPIReference("p.md", []byte(page))
	body := pg.Operations[0].RequestBody.Schema
	if got, want := body.Property("action_type").Description, "动作类型\n约束：只能为start或stop中的一个"; got != want {
		t.Errorf("action_type's description = %q, want %q", got, want)
	}
	if got := body.Property("note").Description; got != "备注" {
		t.Errorf("a 约束 cell of \"-\" joined the description: %q", got)
	}
}

// FunctionGraph 执行函数 (synthetic page in its shape): the response table
// lists two headers and "Body | JSON", the function's result. The headers
// are the answer's, and Body is the body itself.
func TestResponseTableOfHeadersAndBody(t *testing.T) {
	page := func(rows string) string {
		return "# 同步执行函数\n\n## URI\n\nPOST /v2/{project_id}/fgs/functions/{function_urn}/invocations\n\n## 响应消息\n\n**表 1**  响应参数说明\n\n" +
			"|参数|类型|说明|\n|--|--|--|\n" + rows
	}
	for _, tc := range []struct{ name, rows, headers, body string }{
		{"headers and Body", "|X-Cff-Function-Log|String|日志。|\n|X-Cff-Invoke-Summary|JSON|执行摘要。|\n|Body|String|函数执行结果。|\n", "X-Cff-Function-Log X-Cff-Invoke-Summary", "string"},
		{"headers and members", "|X-Request-Id|String|请求ID。|\n|name|String|名称。|\n", "X-Request-Id", "object{name:string}"},
		{"members only", "|name|String|名称。|\n|body|String|正文。|\n|host|String|主机。|\n", "", "object{name:string, body:string, host:string}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, _ := ReadAPIReference("p.md", []byte(page(tc.rows)))
			resp := pg.Operations[0].Responses[0]
			var headers []string
			for _, h := range resp.Headers {
				headers = append(headers, h.Name)
				if h.Schema.Type != model.TypeString {
					t.Errorf("header %s has type %s, want string", h.Name, h.Schema.Type)
				}
			}
			if got := strings.Join(headers, " "); got != tc.headers {
				t.Errorf("headers = %q, want %q", got, tc.headers)
			}
			if got := schemaText(resp.Body.Schema, 2); got != tc.body {
				t.Errorf("body = %s, want %s", got, tc.body)
			}
		})
	}
}

// DGC 导出作业 and AOS 下载模板 (synthetic pages in their shapes): the answer
// is a file, said in a sentence or a Content-Type header row; the success
// body is binary of that media type, and a table describing the file is
// no JSON body.
func TestFileAnswer(t *testing.T) {
	for _, tc := range []struct{ name, response string }{
		{"sentence", "响应消息的Content-Type是application/octet-stream，需要解析转化为一个文件。\n\n**表 1**  参数说明\n\n|参数名|是否必选|参数类型|说明|\n|--|--|--|--|\n|job_name|是|String|作业名称|\n"},
		{"header row", "-   响应参数\n\n    **表 2**  响应消息头\n\n    |参数|参数类型|描述|\n    |--|--|--|\n    |Content-Type|String|消息体的类型（格式）：application/octet-stream;charset=UTF-8|\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "# 导出\n\n## URI\n\nPOST /v1/{project_id}/jobs/export\n\n## 响应消息\n\n" + tc.response
			pg, _ := ReadAPIReference("p.md", []byte(page))
			resp := pg.Operations[0].Responses[0]
			if resp.Body == nil || resp.Body.MediaType != "application/octet-stream" || resp.Body.Schema.Type != model.TypeString || resp.Body.Schema.Format != "binary" {
				t.Fatalf("success answer = %+v, want a binary application/octet-stream body", resp.Body)
			}
			if len(resp.Headers) != 0 {
				t.Errorf("headers = %v, want the Content-Type row taken as the media type", resp.Headers)
			}
		})
	}
}

// FunctionGraph 发送触发器消息 (synthetic page in its shape): a table under
// a bare "## 消息头" heading between URI and 请求消息 holds request
// headers; after the answer's sections, response headers.
func TestBareHeaderHeading(t *testing.T) {
	headers := "## 消息头\n\n|名称|描述|是否必选|\n|--|--|--|\n|X-FGS-EVENT-TYPE|触发器类型|是|\n\n"
	request := "## 请求消息\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|trigger_urn|是|String|触发器URN|\n\n"
	response := "## 响应消息\n\n|参数|参数类型|描述|\n|--|--|--|\n|task_token|String|令牌|\n\n"
	for _, tc := range []struct {
		name, page string
		request    bool
	}{
		{"before the request", headers + request + response, true},
		{"after the answer", request + response + headers, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, _ := ReadAPIReference("p.md", []byte("# 发送触发器消息\n\n## URI\n\nPOST /v1.0/{project_id}/worker_messages\n\n"+tc.page))
			op := pg.Operations[0]
			inRequest := slices.ContainsFunc(op.Params, func(p *model.Param) bool { return p.Name == "X-FGS-EVENT-TYPE" && p.In == model.InHeader })
			inResponse := slices.ContainsFunc(op.Responses[0].Headers, func(p *model.Param) bool { return p.Name == "X-FGS-EVENT-TYPE" })
			if inRequest != tc.request || inResponse == tc.request {
				t.Errorf("X-FGS-EVENT-TYPE a request header: %v, a response header: %v; want a request header: %v", inRequest, inResponse, tc.request)
			}
		})
	}
}

// FunctionGraph 启动/停止定时触发器 (synthetic page in its shape): a
// response row named "started_at/stopped_at" is two optional members, one
// per answer; a key with dots and hyphens around its slash is one member.
func TestAlternativeMembers(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"started_at/stopped_at", "object{started_at:string, stopped_at:string}"},
		{"network.alpha.kubernetes.io/project-id", "object{network.alpha.kubernetes.io/project-id:string}"},
		// A row of its own for one of them describes it.
		{"started_at/stopped_at|String|时间。|\n|started_at", "object{stopped_at:string, started_at:string}"},
	} {
		page := "# 启动定时器\n\n## URI\n\nPUT /v1.0/{project_id}/cloud_cron/{id}/action\n\n## 响应消息\n\n**表 1**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|" + tc.row + "|String|时间。|\n"
		pg, _ := ReadAPIReference("p.md", []byte(page))
		if got := schemaText(pg.Operations[0].Responses[0].Body.Schema, 2); got != tc.want {
			t.Errorf("row %q: body = %s, want %s", tc.row, got, tc.want)
		}
	}
}

// VPC 查询流量镜像筛选规则列表 (synthetic page in its shape): the URI says
// traffc-…, the request example traffic-…: warned, the URI kept. An
// example that fills the placeholders with ids is no disagreement.
func TestExampleURLDisagreesWithTheURI(t *testing.T) {
	page := func(example string) string {
		return "# 查询\n\n## URI\n\nGET /v3/{project_id}/vpc/traffc-mirror-filter-rules/{rule_id}\n\n## 请求示例\n\n```\n" + example + "\n```\n"
	}
	for _, tc := range []struct {
		example string
		warned  bool
	}{
		{"GET https://{endpoint}/v3/{project_id}/vpc/traffic-mirror-filter-rules/59d2b2e7", true},
		{"GET https://{endpoint}/v3/7f2d/vpc/traffc-mirror-filter-rules/59d2b2e7", false},
		{"POST https://{endpoint}/v3/{project_id}/vpc/traffic-mirror-filter-rules/59d2b2e7", false},
	} {
		pg, diags := ReadAPIReference("p.md", []byte(page(tc.example)))
		warned := slices.ContainsFunc(diags, func(d model.Diagnostic) bool { return strings.Contains(d.Msg, "but the URI says") })
		if warned != tc.warned || pg.Operations[0].Path != "/v3/{project_id}/vpc/traffc-mirror-filter-rules/{rule_id}" {
			t.Errorf("example %q: warned %v, want %v; path %s", tc.example, warned, tc.warned, pg.Operations[0].Path)
		}
	}
}

// AOS 创建模板 (synthetic page in its shape): "-   请求失败的响应消息" and,
// nested in it, "-   响应参数" over the failure's table: the nested label
// is still the failure's, and the table its body.
func TestLabelNestedInTheFailureItem(t *testing.T) {
	page := "# 创建模板\n\n## URI\n\nPOST /v2/templates\n\n## 响应消息\n\n-   请求成功的响应消息\n    -   响应参数\n\n        **表 4**  响应参数\n\n" +
		"        |参数|参数类型|描述|\n        |--|--|--|\n        |id|String|模板ID|\n\n-   请求失败的响应消息\n    -   响应参数\n\n        **表 5**  失败响应参数\n\n" +
		"        |参数|参数类型|描述|\n        |--|--|--|\n        |message|String|错误信息|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	var got []string
	for _, r := range pg.Operations[0].Responses {
		got = append(got, r.Status+" "+schemaText(r.Body.Schema, 1))
	}
	if want := []string{"200 object{id:string}", "default object{message:string}"}; !slices.Equal(got, want) {
		t.Errorf("responses = %q, want %q; %v", got, want, diags)
	}
}

// AOS 更新模板 (synthetic page in its shape): no header row names the
// request's media type, and the example's curl sends multipart/form-data;
// a header row, where there is one, decides.
func TestCurlContentType(t *testing.T) {
	page := func(header string) string {
		return "# 更新模板\n\n## URI\n\nPUT /v2/templates/{template_id}\n\n## 请求消息\n\n" + header +
			"**表 2**  请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|archive_content|否|String or Binary|文件|\n\n" +
			"## 请求示例\n\n```\ncurl -k -X PUT -H \"Content-Type:multipart/form-data\" -F \"archive_content=@a.zip\" https://aos.example.com/v2/templates/1\n```\n"
	}
	for _, tc := range []struct{ name, header, want string }{
		{"curl only", "", "multipart/form-data"},
		{"a header row", "**表 1**  请求Header参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|Content-Type|是|String|application/json|\n\n", "application/json"},
	} {
		pg, _ := ReadAPIReference("p.md", []byte(page(tc.header)))
		if got := pg.Operations[0].RequestBody.MediaType; got != tc.want {
			t.Errorf("%s: media type %s, want %s", tc.name, got, tc.want)
		}
	}
}

// DLI 删除批处理作业 (synthetic page in its shape): the page says 无请求参数
// and its request example is {}: they agree, a note; an example with
// members and no table is still warned of.
func TestEmptyRequestExampleWithoutBody(t *testing.T) {
	for _, tc := range []struct {
		example string
		warned  bool
	}{
		{"{}", false},
	} {
		page := "# 取消批处理作业\n\n## URI\n\nDELETE /v2.0/{project_id}/batches/{batch_id}\n\n## 请求消息\n\n无请求参数。\n\n## 请求示例\n\n```\n" + tc.example + "\n```\n"
		_, diags := ReadAPIReference("p.md", []byte(page))
		warned := slices.ContainsFunc(diags, func(d model.Diagnostic) bool {
			return d.Severity == model.Warning && strings.Contains(d.Msg, "request example")
		})
		if warned != tc.warned {
			t.Errorf("example %s: warned %v, want %v: %v", tc.example, warned, tc.warned, diags)
		}
	}
}
