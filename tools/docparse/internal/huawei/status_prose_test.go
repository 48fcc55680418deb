package huawei

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Success statuses that pages give only in words or in labels. Every page
// here is synthetic: a few lines in the shape of the template named.

func TestStatusInWords(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{
			// DGC: "-   成功响应" then "HTTP状态码 204" under ## 示例; the
			// failure's code and example likewise.
			"DGC 成功响应 / 失败响应 with HTTP状态码 lines",
			"# 停止作业实例\n\n## URI\n\nPOST /v1/{project_id}/jobs/{job_name}/stop\n\n" +
				"|参数名|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|job_name|是|String|作业名称。|\n\n" +
				"## 响应消息\n\n无\n\n## 示例\n\n-   请求\n\n    ```\n    POST /v1/p/jobs/j/stop\n    ```\n\n" +
				"-   成功响应\n\n    HTTP状态码 204\n\n    -   失败响应\n\n        HTTP状态码 400\n\n" +
				"        ```\n        {\"error_code\":\"DLF.0137\",\"error_msg\":\"Job instance does not exist.\"}\n        ```\n",
			`POST /v1/{project_id}/jobs/{job_name}/stop
param path project_id* string
param path job_name* string
response 204 ""
response 400 ""
  body application/json object{error_code:string, error_msg:string}
  example line 33 ""
p.md:33 (example): note: status 400 is an error answer shown only by example; schema inferred from the example
`,
		},
		{
			// SIS: the response section says it in a sentence.
			"SIS 以http状态码200表示成功",
			"# 删除热词表\n\n## URI\n\nDELETE /v1/{project_id}/vocabularies/{vocabulary_id}\n\n" +
				"|参数名|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|vocabulary_id|是|String|热词表ID。|\n\n" +
				"## 响应消息\n\n无响应消息，以http状态码200表示成功。\n\n## 状态码\n\n状态码请参见[状态码](状态码.md)。\n",
			`DELETE /v1/{project_id}/vocabularies/{vocabulary_id}
param path project_id* string
param path vocabulary_id* string
response 200 ""
`,
		},
		{
			// AOM: the success status in a sentence that also says only a
			// failure has a body: the table after it is the failure's.
			"AOM 删除成功状态码为204且不返回Response Body",
			"# 删除策略\n\n## URI\n\nDELETE /v1/{project_id}/pe/policy\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n\n" +
				"## 响应消息\n\n删除成功状态码为204且不返回Response Body，删除失败Response Body显示错误信息。\n\n" +
				"**表 2**  响应参数\n\n|参数名称|类型|描述|\n|--|--|--|\n|errorCode|string|错误码|\n|errorMessage|string|详细信息|\n",
			`DELETE /v1/{project_id}/pe/policy
param path project_id* string
response 204 ""
response default ""
  body application/json object{errorCode:string, errorMessage:string}
`,
		},
		{
			// ECS: "成功：200" under ## 响应示例.
			"ECS 成功：200",
			"# 添加成员\n\n## URI\n\nPOST /v1/{project_id}/groups/{group_id}/action\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|group_id|是|String|组ID。|\n\n" +
				"## 响应消息\n\n无\n\n## 响应示例\n\n成功： 200\n\n## 返回值\n\n请参考[通用请求返回值](通用请求返回值.md)。\n",
			`POST /v1/{project_id}/groups/{group_id}/action
param path project_id* string
param path group_id* string
response 200 ""
`,
		},
		{
			// VOD: outcome labels, the status in brackets; the failure
			// table sits under "处理失败时返回", the code in 返回示例.
			"VOD 处理成功返回（204 No Content）",
			"# 删除媒资分类\n\n## 请求URI\n\nDELETE /v1.0/{project_id}/asset/category\n\n## 请求参数\n\n**表 1**  Query参数\n\n" +
				"|参数|类型|说明|必选项（M）/可选项（O）|\n|--|--|--|--|\n|id|Integer|分类ID。|M|\n\n" +
				"## 返回参数\n\n-   **处理成功时无返回参数**\n-   **处理失败时返回**\n\n    **表 4**  处理失败返回参数\n\n" +
				"|参数|类型|说明|\n|--|--|--|\n|error_code|String|错误码。|\n|error_msg|String|错误描述。|\n\n" +
				"## 返回示例\n\n-   处理成功返回（204 No Content）\n-   处理失败返回（400 Bad Request\\)\n\n" +
				"    ```\n    {\"error_code\": \"VOD.10053\", \"error_msg\": \"请求参数非法\"}\n    ```\n",
			`DELETE /v1.0/{project_id}/asset/category
param query id* integer(int64)
response 204 ""
response 400 ""
  body application/json object{error_code:string, error_msg:string}
  example line 33 ""
`,
		},
		{
			// Live (old template): the success item holds a code block
			// "204: 无返回参数"; the failure item holds its table.
			"Live 204: 无返回参数 in a code block",
			"# 删除录制配置\n\n## 请求URI\n\nDELETE /v1/{project_id}/record/config\n\n## 请求参数\n\n" +
				"|参数|类型|说明|是否必选|\n|--|--|--|--|\n|project_id|String|项目ID。|是|\n\n" +
				"## 返回参数\n\n-   **删除录制配置操作成功**\n\n    ```\n    204: 无返回参数\n    ```\n\n" +
				"-   **删除录制配置失败**\n\n    **表 1**  删除失败返回参数说明\n\n" +
				"|参数|类型|说明|\n|--|--|--|\n|error_code|String|错误码。|\n|error_msg|String|错误描述。|\n",
			`DELETE /v1/{project_id}/record/config
param path project_id* string
response 204 ""
response default ""
  body application/json object{error_code:string, error_msg:string}
p.md:9: table "table at line 9": note: every row of this request table names a placeholder of the path or its query string; read as the URI's parameters, not a body
`,
		},
		{
			// Live (old template): the success item of 返回样例 gives the
			// status in brackets after a comma.
			"Live 处理成功，无返回参数（返回204 No Content）",
			"# 恢复直播推流\n\n## 请求URI\n\nDELETE /v1/{project_id}/stream/blocks\n\n## 请求参数\n\n" +
				"|参数|类型|说明|是否必选|\n|--|--|--|--|\n|project_id|String|项目ID。|是|\n\n" +
				"## 返回参数\n\n-   **恢复直播推流失败**\n\n    **表 1**  失败返回参数说明\n\n" +
				"|参数|类型|说明|\n|--|--|--|\n|error_code|String|错误码。|\n|error_msg|String|错误描述。|\n\n" +
				"## 返回样例\n\n-   处理成功，无返回参数（返回204 No Content）\n-   处理失败返回（其他响应码，如返回400）\n\n" +
				"    ```\n    {\"error_code\": \"LIVE.100011001\", \"error_msg\": \"Request Illegal\"}\n    ```\n",
			`DELETE /v1/{project_id}/stream/blocks
param path project_id* string
response 204 ""
response default ""
  body application/json object{error_code:string, error_msg:string}
  example line 30 "处理失败返回（其他响应码，如返回400）"
p.md:9: table "table at line 9": note: every row of this request table names a placeholder of the path or its query string; read as the URI's parameters, not a body
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(tc.page))
			if diff := cmp.Diff(tc.want, describePage(pg, diags)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestOutcomeLabels(t *testing.T) {
	for raw, want := range map[string]struct {
		failure bool
		code    string
		ok      bool
	}{
		"-   处理成功返回（204 No Content）":   {false, "204", true},
		`-   处理失败返回（400 Bad Request\)`: {true, "400", true},
		"-   **处理失败时返回**":              {true, "", true},
		"-   **处理成功时无返回参数**":           {false, "", true},
		"-   **处理成功时返回无返回参数**":         {false, "", true},
		"**处理成功时返回**":                  {false, "", true},
		"-   成功响应":                     {false, "", true},
		"-   异常响应":                     {true, "", true},
		"处理成功返回（200 OK）":               {}, // neither a list item nor bold
		"-   处理成功后返回任务ID。":             {}, // a sentence
		"-   处理成功返回（2040）":             {},
		"-   请求参数":                     {},
	} {
		failure, code, ok := outcomeLabel(raw)
		if failure != want.failure || code != want.code || ok != want.ok {
			t.Errorf("outcomeLabel(%q) = %v, %q, %v; want %v, %q, %v", raw, failure, code, ok, want.failure, want.code, want.ok)
		}
	}
	for in, want := range map[string]string{
		"HTTP状态码 204":             "204",
		"状态码：200":                 "200",
		"成功： 200":                 "200",
		"Status Code 201 Created": "201",
		"状态码请参见[状态码](状态码.md)。":   "",
		"HTTP状态码 2040":           "",
		"成功：200个":                "",
		"删除成功时返回204，失败时返回400。":   "", // no plain statement
		"无响应消息，以http状态码200表示成功。": "", // a sentence: successProseRE reads it
	} {
		got := ""
		if m := statusTextRE.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("statusTextRE(%q) = %q, want %q", in, got, want)
		}
	}
	for re, cases := range map[*regexp.Regexp]map[string]string{
		noBodyStatusRE: {
			"204: 无返回参数":          "204",
			"204 No Content：无":    "204",
			"400: 无返回参数":          "",
			"204: 无返回参数，失败时返回错误码": "",
			"{\"code\": 204}":     "",
		},
		successItemStatusRE: {
			"处理成功，无返回参数（返回204 No Content）": "204",
			"处理成功（200）":            "200",
			"处理失败返回（其他响应码，如返回400）": "",
			"处理成功（2040）":           "",
			"处理成功（204）后返回任务ID":     "",
		},
	} {
		for in, want := range cases {
			got := ""
			if m := re.FindStringSubmatch(in); m != nil {
				got = m[1]
			}
			if got != want {
				t.Errorf("%s(%q) = %q, want %q", re, in, got, want)
			}
		}
	}
	for in, want := range map[string]string{
		"无响应消息，以http状态码200表示成功。":     "200",
		"返回空响应体，HTTP状态码 204 表示删除成功。": "204",
		"以状态码400表示失败。":               "",
		"状态码200表示请求已接收，并不表示成功。":      "",
	} {
		got := ""
		if m := successProseRE.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("successProseRE(%q) = %q, want %q", in, got, want)
		}
	}
}

// DLI and AOM list their error codes in a table of the operation page
// (synthetic page): a note that says what the table is, not a warning
// that an object table is unreferenced.
func TestErrorCodeTable(t *testing.T) {
	page := "# 删除作业\n\n## URI\n\nDELETE /v1.0/{project_id}/jobs/{job_id}\n\n" +
		"|参数名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|job_id|是|String|作业ID。|\n\n" +
		"## 响应消息\n\n**表 2**  响应参数\n\n|参数名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|is_success|否|Boolean|是否成功。|\n\n" +
		"## 错误码\n\n**表 4**  错误码\n\n|错误码|错误信息|处理措施|\n|--|--|--|\n|DLI.17001|作业id不存在。|请检查。|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `DELETE /v1.0/{project_id}/jobs/{job_id}
param path project_id* string
param path job_id* string
response 200 ""
  body application/json object{is_success:boolean}
p.md:24: table "表 4 错误码": note: table lists error codes (错误码), not parameters; skipped
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Path parameters the reader used to miss (synthetic pages): AOM lists
// them in a "请求参数" table under 请求消息, DWS spells one "project _id",
// VOD documents {project_id} only by the path line's link. A body table
// whose rows are not all placeholders stays a body.
func TestPathParamsDocumentedElsewhere(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{
			"AOM placeholders in a 请求参数 table",
			"# 删除阈值规则\n\n## URI\n\nDELETE /v1/\\{project\\_id\\}/ams/alarms/\\{alarm\\_id\\}\n\n## 请求消息\n\n**请求参数**\n\n**表 1**  请求参数\n\n" +
				"|参数|是否必选|参数类型|取值范围|描述|\n|--|--|--|--|--|\n|project_id|是|string|-|项目ID。|\n|alarm_id|是|string|-|阈值规则ID|\n\n" +
				"## 响应消息\n\n**表 3**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|errorCode|string|响应码。|\n",
			`DELETE /v1/{project_id}/ams/alarms/{alarm_id}
param path project_id* string
param path alarm_id* string
response 200 ""
  body application/json object{errorCode:string}
p.md:13: table "表 1 请求参数": note: every row of this request table names a placeholder of the path or its query string; read as the URI's parameters, not a body
`,
		},
		{
			"a body that names one placeholder stays a body",
			"# 创建规则\n\n## URI\n\nPOST /v1/{project_id}/rules\n\n## 请求消息\n\n**表 1**  请求参数\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|string|项目ID。|\n|name|是|string|名称。|\n",
			`POST /v1/{project_id}/rules
request body application/json* object{project_id*:string, name*:string}
`,
		},
		{
			"DWS project _id",
			"# 删除快照\n\n## URI\n\n-   URI 格式\n\n    DELETE /v1.0/{project_id}/snapshots/{snapshot_id}\n\n-   参数说明\n\n    **表 1**  参数说明\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project _id|是|String|项目ID。|\n|snapshot_id|是|String|快照ID。|\n",
			`DELETE /v1.0/{project_id}/snapshots/{snapshot_id}
param path project_id* string
param path snapshot_id* string
p.md:15: table "表 1 参数说明" row 1: note: row "project _id" is the path's {project_id}, spelled differently; read as that path parameter
`,
		},
		{
			"VOD placeholder linked on the path line",
			"# 指定媒资ID预热\n\n## 请求URI\n\nPOST /v1.0/\\{[project\\_id](获取项目ID.md)\\}/asset/preheating\n\n## 请求参数\n\n**表 1**  请求参数\n\n" +
				"|参数|类型|说明|必选项（M）/可选项（O）|\n|--|--|--|--|\n|asset_id|String|媒资ID。|M|\n",
			`POST /v1.0/{project_id}/asset/preheating
param path project_id* string
request body application/json* object{asset_id*:string}
p.md:5: note: {project_id} is documented only by the path line's link to 获取项目ID.md; read as a required string
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(tc.page))
			if diff := cmp.Diff(tc.want, describePage(pg, diags)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// GES (synthetic page in its template): the response section's examples
// are labelled 请求成功样例 / 请求失败样例 and open with "Http Status Code:
// N"; the request body is documented only by its example and the tables
// of its elements, which nothing links.
func TestGESTemplate(t *testing.T) {
	page := "# 批量添加label\n\n## URI\n\n-   URI格式\n\n    ```\n    POST /ges/v1.0/{project_id}/graphs/{graph_name}/labels\n    ```\n\n" +
		"-   参数说明\n\n    **表 1**  URI参数说明\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目编号。|\n|graph_name|是|String|图名称。|\n\n" +
		"## 请求\n\n-   请求样例\n\n    ```\n    POST http://{SERVER_URL}/ges/v1.0/{project_id}/graphs/{graph_name}/labels\n" +
		"    {\"labels\": [{\"name\": \"book\", \"count\": 2}]}\n    ```\n\n" +
		"    **表 2**  label参数说明\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|name|是|String|label名称。|\n\n" +
		"## 响应\n\n-   要素说明\n\n    **表 4**  要素说明\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|result|否|String|成功时为success。|\n\n" +
		"-   请求成功样例\n\n    ```\n    Http Status Code: 200\n    {\"result\": \"success\"}\n    ```\n\n" +
		"-   请求失败样例\n\n    ```\n    Http Status Code: 400\n    {\"errorMessage\": \"label already exists\", \"errorCode\": \"GES.8801\"}\n    ```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `POST /ges/v1.0/{project_id}/graphs/{graph_name}/labels
param path project_id* string
param path graph_name* string
request body application/json object{labels:[object{count:integer, name:string}]}
  example line 26 ""
response 200 ""
  body application/json object{result:string}
  example line 49 "请求成功样例"
response 400 ""
  body application/json object{errorCode:string, errorMessage:string}
  example line 56 "请求失败样例"
p.md:26 (example): warning: request example but the page has no request body table; the body's schema is inferred from the example (every field optional)
p.md:31: table "表 2 label参数说明": warning: object table is not referenced by any parameter; ignored
p.md:56 (example): note: status 400 is an error answer shown only by example; schema inferred from the example
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Query strings the path line fixes (synthetic pages): GES's
// "?action_id=stop" and SWR's "?filter=namespace::{namespace}".
func TestQueryValuesInThePath(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{
			"GES constant",
			"# 关闭图\n\n## URI\n\n-   URI 格式\n\n    ```\n    POST /v1.0/{projectId}/graphs/{graphId}/action?action_id=stop\n    ```\n\n" +
				"-   参数说明\n\n    **表 1**  URI参数说明\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|projectId|是|String|项目编号。|\n|graphId|是|String|图ID。|\n",
			`POST /v1.0/{projectId}/graphs/{graphId}/action
param path projectId* string
param path graphId* string
param query action_id* string
p.md:7: note: the path line's query string fixes action_id=stop; read as a required query parameter with that one value
`,
		},
		{
			"SWR template",
			"# 查询组织列表\n\n## URI\n\nGET /v2/manage/namespaces?filter=namespace::\\{namespace\\}\n\n**表 1**  参数说明\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|namespace|否|String|组织名称|\n",
			`GET /v2/manage/namespaces
param query filter string
p.md:11: table "表 1 参数说明" row 1: note: the path line sends {namespace} as filter=namespace::{namespace}; the parameter is filter, its value written that way
`,
		},
		{
			"a documented constant stays as the table has it",
			"# 查询\n\n## URI\n\nGET /v1/items?type=all\n\n**表 1**  Query参数\n\n" +
				"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|type|否|String|类型。|\n",
			`GET /v1/items
param query type string
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(tc.page))
			if diff := cmp.Diff(tc.want, describePage(pg, diags)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for _, prm := range pg.Operations[0].Params {
				if prm.Name == "action_id" && (len(prm.Schema.Enum) != 1 || prm.Schema.Enum[0] != "stop") {
					t.Errorf("action_id enum %q, want [stop]", prm.Schema.Enum)
				}
				if prm.Name == "filter" && prm.Description != "组织名称（filter=namespace::{namespace}）" {
					t.Errorf("filter description %q", prm.Description)
				}
			}
		})
	}
	for raw, want := range map[string][]queryValue{
		"/a?action_id=stop":                {{name: "action_id", value: "stop"}},
		"/a?filter=namespace::{namespace}": {{name: "filter", value: "namespace::{namespace}"}},
		"/a?limit={limit}&marker=_{m}_":    nil,
		"/a?limit&marker":                  nil,
		"/?delete":                         {{name: "delete", flag: true}},
		"/v1/jobs?{query_params}":          nil,
		"/v1/jobs?_{query_params}_":        nil,
	} {
		if _, _, got := cleanPath(raw); !cmp.Equal(got, want, cmp.AllowUnexported(queryValue{})) {
			t.Errorf("cleanPath(%q) values %v, want %v", raw, got, want)
		}
	}
}

// BMS (synthetic page in its template): a table whose header says
// 参数|参数类型|是否必选 but whose rows hold 是 and String the other way
// round; a row in the right order stays as it is.
func TestSwappedTypeAndRequiredCells(t *testing.T) {
	page := "# 批量添加标签\n\n## URI\n\nPOST /v1/\\{project\\_id\\}/servers/\\{server\\_id\\}/tags/action\n\n**表 1**  参数说明\n\n" +
		"|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|server_id|String|是|服务器ID。|\n\n" +
		"## 请求消息\n\n**表 2**  请求参数\n\n|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|action|String|是|操作标识。|\n|dry_run|否|Boolean|预检。|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `POST /v1/{project_id}/servers/{server_id}/tags/action
param path project_id* string
param path server_id* string
request body application/json* object{action*:string, dry_run:boolean}
p.md:11: table "表 1 参数说明" row 1: note: row "project_id" has "是" under 参数类型 and "String" under 是否必选: the two cells are swapped; read the other way round
p.md:21: table "表 2 请求参数" row 2: note: row "dry_run" has "否" under 参数类型 and "Boolean" under 是否必选: the two cells are swapped; read the other way round
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
