package huawei

import (
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Layouts of services the readers were not tuned on (DRS, BMS, CSS, DLI
// and others), each in a few lines of its template.

func TestHeaderCaptions(t *testing.T) {
	for caption, want := range map[string]tableKind{
		"请求Header参数":     kindHeader,
		"Header说明":       kindHeader,
		"请求Header说明":     kindHeader,
		"请求头参数":          kindHeader,
		"响应头":            kindHeader,
		"响应Header列表":     kindHeader,
		"公共请求消息头":        kindHeader,
		"Header":         kindObject, // may name a type
		"headers字段说明":    kindObject,
		"header字段数据结构说明": kindObject,
		"请求Body参数":       kindBody,
	} {
		if got := kindOf(caption); got != want {
			t.Errorf("kindOf(%q) = %v, want %v", caption, got, want)
		}
	}
}

// DRS's template: the header table under "-   Header说明" is a header
// table, not an object table nothing refers to.
func TestHeaderExplanationTable(t *testing.T) {
	page := "# 删除任务\n\n## URI\n\n-   URI格式\n\n    PATH：/v1/{project_id}/jobs/{job_id}\n\n-   Method：DELETE\n" +
		"-   参数说明\n\n    **表 1**  参数说明\n\n|名称|是否必选|说明|\n|--|--|--|\n|project_id|是|项目ID。|\n|job_id|是|任务ID。|\n\n" +
		"-   Header说明\n\n    **表 2**  Header说明\n\n|名称|是否必选|说明|\n|--|--|--|\n|X-Auth-Token|是|用户Token。|\n|X-Language|否|请求语言类型。|\n|Content-Type|是|指定类型为application/json。|\n\n" +
		"## 响应消息\n\n**表 3**  响应参数\n\n|名称|参数类型|说明|\n|--|--|--|\n|id|String|任务ID。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path job_id*: string
header X-Auth-Token*: string
header X-Language: string
200 body: object
  id: string
`,
		"14 note: table has no type column; its parameters are read as strings",
		"23 note: table has no type column; its parameters are read as strings",
	)
}

func TestFootnoteMarkers(t *testing.T) {
	for in, want := range map[string]string{
		"List<resource_tag>[1]":   "array<object(resource_tag)>",
		"List <resource_tag>[1]":  "array<object(resource_tag)>",
		`List<resource_tag>\[2\]`: "array<object(resource_tag)>",
		"String[]":                "array<string>", // not a footnote
		"[]String":                "array<string>",
	} {
		ref, ok := readType(in)
		if !ok || ref.String() != want {
			t.Errorf("readType(%q) = %v, %v; want %s", in, ref, ok, want)
		}
	}
	for in, want := range map[string]string{
		"[1] tags字段数据结构说明":   "tags字段数据结构说明",
		`\[1\] tags字段数据结构说明`: "tags字段数据结构说明",
		"tags字段数据结构说明[12]":   "tags字段数据结构说明",
		"Tag":                "Tag",
	} {
		if got := stripFootnote(in); got != want {
			t.Errorf("stripFootnote(%q) = %q, want %q", in, got, want)
		}
	}
}

// BMS's pipe-table template marks the type cell and the caption of the
// table it points at with a footnote "[1]": the row is that table's array.
func TestFootnotedTypeAndCaption(t *testing.T) {
	page := "# 查询标签\n\n## URI\n\nGET /v1/{project_id}/servers/{server_id}/tags\n\n**表 1**  参数说明\n\n" +
		"|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|project_id|String|是|项目ID。|\n|server_id|String|是|服务器ID。|\n\n" +
		"## 响应消息\n\n-   响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|tags|List <resource_tag>[1]|标签列表，详见表 tags字段数据结构说明。|\n\n" +
		"    **表 2**  \\[1\\] tags字段数据结构说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|key|String|标签键。|\n|value|String|标签值。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path server_id*: string
200 body: object
  tags: array of object tags
    key: string
    value: string
`)
}

// DRS's URI tables spell placeholders in camel case: projectId is the
// path's {project_id}, not a required query parameter beside an
// undocumented placeholder. A row matching no placeholder stays a query
// parameter; a path table's row is matched the same way.
func TestRowsSpelledUnlikeThePlaceholders(t *testing.T) {
	page := "# 删除任务\n\n## URI\n\nDELETE /v1/{project_id}/jobs/{task-id}\n\n**表 1**  参数说明\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|projectId|是|String|项目ID。|\n|TaskId|是|String|任务ID。|\n|force|否|Boolean|强制删除。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path task-id*: string
query force: boolean
`,
		`11 note: row "projectId" is the path's {project_id}, spelled differently; read as that path parameter`,
		`12 note: row "TaskId" is the path's {task-id}, spelled differently; read as that path parameter`,
	)
	page = "# 删除任务\n\n## URI\n\nDELETE /v1/{project_id}/jobs/{job_id}\n\n**表 1**  路径参数\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|projectId|是|String|项目ID。|\n|JobID|是|String|任务ID。|\n"
	op, diags = readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path projectId*: string
path job_id*: string
`,
		`13 note: row "JobID" is the path's {job_id}, spelled differently; read as that path parameter`,
	)
}

// DLI's older template lists the response example before the response
// table: the table still describes the 响应消息 section's body.
func TestExampleItemBeforeTableItem(t *testing.T) {
	page := "# 删除作业\n\n## URI\n\nDELETE /v1.0/{project_id}/jobs/{job_id}\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|job_id|是|String|作业ID。|\n\n" +
		"## 请求消息\n\n无\n\n## 响应消息\n\n-   响应样例\n\n    ```\n    {\"is_success\": true, \"message\": \"ok\"}\n    ```\n\n" +
		"-   参数说明\n\n    **表 2**  响应参数说明\n\n|参数名|是否必选|参数类型|说明|\n|--|--|--|--|\n|is_success|否|Boolean|是否成功。|\n|message|否|String|提示信息。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path job_id*: string
200 body: object
  is_success: boolean
  message: string
`)
	if n := len(op.Responses); n != 1 || op.Responses[0].Body == nil || len(op.Responses[0].Body.Examples) != 1 {
		t.Errorf("responses %+v: want one 200 with its example", op.Responses)
	}
}

// A row in another table that names the placeholder as the path does
// keeps the differently spelt row what it was.
func TestPlaceholderNamedInAnotherTable(t *testing.T) {
	page := "# 删除任务\n\n## URI\n\nDELETE /v1/{project_id}/jobs\n\n**表 1**  参数说明\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|projectId|否|String|项目ID。|\n\n" +
		"**表 2**  路径参数\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `query projectId: string
path project_id*: string
`)
}

// NAT's template types an object Dict with no table; the example shows its
// fields, on both sides. An empty example object shows none, and a map
// shows some keys, not fields: where its description says so, it is a map
// of any values, with a note; where only a key
// that is no field name says so, it is free-form. A description pointing at a table the row did not reach
// (详情请参见表9) says the fields are listed where the reader cannot see:
// free-form, with the warning. Every example of the side counts: the
// schema accepts each.
func TestObjectWithoutTableReadFromTheExample(t *testing.T) {
	page := "# 更新NAT网关\n\n## URI\n\nPUT /v2.0/nat_gateways/{nat_gateway_id}\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|nat_gateway_id|是|String|网关ID。|\n\n" +
		"## 请求消息\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|nat_gateway|是|Dict|nat_gateway对象。|\n|preferences|否|Object|偏好。|\n" +
		"|metadata|否|Object|用户自定义metadata键值对。|\n|addresses|否|Object|网络，key为网络ID。|\n|networks|否|Object|网络。|\n|publicip|否|Object|弹性IP。详情请参见表9。|\n\n" +
		"## 响应消息\n\n|参数|参数类型|描述|\n|--|--|--|\n|nat_gateway|Dict|nat_gateway对象。|\n\n" +
		"## 示例\n\n-   请求样例\n\n    ```\n    {\"nat_gateway\": {\"name\": \"n\", \"spec\": \"1\"}, \"preferences\": {}, \"metadata\": {\"key1\": \"v\"}, \"addresses\": {\"net1\": []}, \"networks\": {\"0431c5e5-bc94\": []}, \"publicip\": {\"eip\": {}}}\n    ```\n\n" +
		"    ```\n    {\"nat_gateway\": {\"description\": \"d\"}}\n    ```\n\n" +
		"-   响应样例\n\n    ```\n    {\"nat_gateway\": {\"id\": \"a7\", \"admin_state_up\": true, \"tags\": [\"x\"]}}\n    ```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path nat_gateway_id*: string
request body*: object
  nat_gateway*: object
    description: string
    name: string
    spec: string
  preferences: free-form object
  metadata: map of any
  addresses: map of any
  networks: free-form object
  publicip: free-form object
200 body: object
  nat_gateway: object
    admin_state_up: boolean
    id: string
    tags: array of string
`,
		"15 note: object \"nat_gateway\" has no table describing its fields; read from the example: description, name, spec",
		"16 warning: object \"preferences\" has no table describing its fields (looked for captions [\"preferences\"]); left as a free-form object",
		"17 note: object \"metadata\" has no table, and its description says it is a map; read as a map of any values",
		"18 note: object \"addresses\" has no table, and its description says it is a map; read as a map of any values",
		"19 warning: object \"networks\" has no table describing its fields (looked for captions [\"networks\"]); left as a free-form object",
		"20 warning: object \"publicip\" has no table describing its fields (looked for captions [\"publicip\"]); left as a free-form object",
		"26 note: object \"nat_gateway\" has no table describing its fields; read from the example: admin_state_up, id, tags",
	)
	if op.RequestBody == nil || len(op.RequestBody.Examples) != 2 {
		t.Errorf("request body %+v: want both examples", op.RequestBody)
	}
}

// A type cell that links to a table the page does not have stays a
// free-form object even when the example shows members: the fields are
// documented where the reader cannot see.
func TestObjectLinkedNowhereIsNotReadFromTheExample(t *testing.T) {
	page := "# 查询Zone\n\n## URI\n\nGET /v2/zones/{zone_id}\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|zone_id|是|String|Zone ID。|\n\n" +
		"## 响应消息\n\n|参数|参数类型|描述|\n|--|--|--|\n|links|[Object](#missing_table)|链接。|\n\n" +
		"## 示例\n\n-   响应样例\n\n    ```\n    {\"links\": {\"self\": \"https://x\"}}\n    ```\n"
	op, _ := readPage(t, page)
	var links *model.Schema
	for _, r := range op.Responses {
		if r.Body != nil && r.Body.Schema != nil {
			for _, p := range r.Body.Schema.Properties {
				if p.Name == "links" {
					links = p.Schema
				}
			}
		}
	}
	if links == nil || !links.FreeForm || len(links.Properties) != 0 {
		t.Fatalf("links = %+v, want a free-form object", links)
	}
}

// OCR's template: the URI is a full URL whose host is {endpoint}, and the
// 路径参数 table lists endpoint too: the server, not a parameter.
func TestHostPlaceholderRowIsLeftOut(t *testing.T) {
	page := "# VIN码识别\n\n## URI\n\nPOST https://\\{endpoint\\}/v2/\\{project\\_id\\}/ocr/vin\n\n**表 1**  路径参数\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|endpoint|是|String|终端节点。|\n|project_id|是|String|项目ID。|\n\n" +
		"## 请求参数\n\n**表 2**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|image|否|String|图片。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
request body: object
  image: string
`,
		`11 note: row "endpoint" is the URL's host ({endpoint}): the server, which the service file gives, not a parameter; left out`)
}

// VOD's template: 功能描述 and 返回参数 headings, a 必选项（M）/可选项（O)
// column with M and O cells, and AOM's 取值类型 as the type column.
func TestOlderHeadingsAndColumns(t *testing.T) {
	page := "# 删除媒资分类\n\n## 功能描述\n\n删除分类。\n\n## URI\n\nDELETE /v1.0/{project_id}/asset/category\n\n" +
		"**表 1**  参数说明\n\n|名称|必选项（M）/可选项（O）|取值类型|说明|\n|--|--|--|--|\n|project_id|M|String|项目ID。|\n|id|M|Integer|分类ID。|\n|force|O|Boolean|强制。|\n\n" +
		"## 返回参数\n\n**表 2**  返回参数\n\n|名称|取值类型|说明|\n|--|--|--|\n|result|String|结果。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
query id*: integer/int64
query force: boolean
200 body: object
  result: string
`)
	if op.Description != "删除分类。" {
		t.Errorf("description %q, want the 功能描述 section", op.Description)
	}
}

// VOD's older template names its URI section 请求URI (on the 构造请求
// overview the same heading makes no operation: TestNotOperationPages).
func TestRequestURISection(t *testing.T) {
	page := "# 指定媒资ID预热\n\n## 功能描述\n\n预热媒资。\n\n## 请求URI\n\nPOST /v1.0/{project_id}/asset/preheating\n\n" +
		"**表 1**  路径参数\n\n|名称|必选项（M）/可选项（O）|取值类型|说明|\n|--|--|--|--|\n|project_id|M|String|项目ID。|\n\n" +
		"## 请求参数\n\n**表 2**  请求参数\n\n|名称|必选项（M）/可选项（O）|取值类型|说明|\n|--|--|--|--|\n|asset_id|M|String|媒资ID。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
request body*: object
  asset_id*: string
`)
}

// VPC's 查询私有IP列表: under 响应消息 the list item copied from the request
// section ("-   请求参数") labels the response's table; the page has a
// 请求消息 heading of its own, so the 响应消息 heading wins.
func TestRequestLabelUnderResponseHeading(t *testing.T) {
	page := "# 查询私有IP列表\n\n## URI\n\nGET /v1/{project_id}/privateips\n\n" +
		"|名称|是否必选|说明|\n|--|--|--|\n|project_id|是|项目ID。|\n\n" +
		"## 请求消息\n\n-   请求参数\n\n    无\n\n" +
		"## 响应消息\n\n-   请求参数\n\n|名称|参数类型|说明|\n|--|--|--|\n|id|String|私有IP的ID。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
200 body: object
  id: string
`,
		`19 warning: label "请求参数" names the request, but it is under the response heading and the page has a request heading of its own; its tables are read as the heading says`,
		"7 note: table has no type column; its parameters are read as strings",
	)
}

// Without a heading of its own for the message the label names, the label
// is the page's only word for its table, and it is followed.
func TestResponseLabelUnderRequestHeadingAlone(t *testing.T) {
	page := "# 查询状态\n\n## URI\n\nGET /v1/status\n\n" +
		"## 请求消息\n\n-   响应参数\n\n|名称|参数类型|说明|\n|--|--|--|\n|status|String|状态。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  status: string
`)
}

// RDS's tags=k1=v1,k2=v2: a query parameter documented as an array of
// objects is sent as the text its description gives, since no OpenAPI
// style writes it so (the generated call failed whenever it was set).
func TestQueryParameterOfObjects(t *testing.T) {
	page := "# 查询实例列表\n\n## URI\n\nGET /v3/{project_id}/instances\n\n**表 1**  参数说明\n\n" +
		"|名称|参数类型|是否必选|说明|\n|--|--|--|--|\n|project_id|String|是|项目ID。|\n|tags|Array of objects|否|按标签查询，详情请参见[表2](#t2)。|\n\n" +
		"**表 2**  tags字段数据结构说明\n\n<a name=\"t2\"></a>\n|名称|参数类型|是否必选|说明|\n|--|--|--|--|\n|key|String|是|键。|\n|value|String|否|值。|\n\n" +
		"## 响应\n\n无\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
query tags: string
`,
		`12 warning: query parameter "tags" holds objects, which no OpenAPI style writes as the page means; read as a string written as the description says`,
	)
}
