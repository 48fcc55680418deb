package huawei

import (
	"strings"
	"testing"
)

// Layouts of survey F patterns 1, 2 and 4 (and survey E pattern 1): where
// the method and path are given, and which rows are headers, query or
// body. Every page here is synthetic, a few lines in the shape of the
// template named.

// OBS gives the method and path only in an HTTP request line under
// 请求消息样式 and names its sections 请求消息参数 (path and query),
// 请求消息头, 请求消息元素 (body), 响应消息头 and 响应消息元素; the
// response example's status line gives the status. Bare query keys
// ("?x-workflow-prefix") are query names, as on a path line.
func TestHTTPRequestLineGivesMethodAndPath(t *testing.T) {
	page := "# 更新工作流\n\n## 功能介绍\n\n更新工作流。\n\n" +
		"## 请求消息样式\n\n```\nPUT /v2/workflows/{graph_name}?x-workflow-force HTTP/1.1\nHost: obs.cn-north-4.myhuaweicloud.com\nContent-Type: application/json\n```\n\n" +
		"## 请求消息参数\n\n**表 1**  请求消息参数\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
		"|graph_name|是|String|工作流名称。|\n|x-workflow-force|是|String|强制更新。|\n\n" +
		"## 请求消息头\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|x-obs-trace|否|String|跟踪号。|\n\n" +
		"## 请求消息元素\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|definition|是|String|工作流定义。|\n\n" +
		"## 响应消息样式\n\n```\nHTTP/1.1 status_code\nDate: date\n```\n\n" +
		"## 响应消息头\n\n|名称|参数类型|说明|\n|--|--|--|\n|x-obs-version|String|版本。|\n\n" +
		"## 响应消息元素\n\n|名称|参数类型|说明|\n|--|--|--|\n|graph_urn|String|工作流URN。|\n\n" +
		"## 请求示例\n\n```\nPUT /v2/workflows/wf1?x-workflow-force HTTP/1.1\nHost: obs.cn-north-4.myhuaweicloud.com\n\n{\"definition\": \"d\"}\n```\n\n" +
		"## 响应示例\n\n```\nHTTP/1.1 201 Created\nServer: OBS\n\n{\"graph_urn\": \"urn:1\"}\n```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	if len(pg.Operations) != 1 || diags.HasErrors() {
		t.Fatalf("%d operations, not an operation %q, diagnostics:\n%v", len(pg.Operations), pg.NotOperation, diags)
	}
	op := pg.Operations[0]
	if op.Method != "PUT" || op.Path != "/v2/workflows/{graph_name}" {
		t.Errorf("endpoint %s %s, want PUT /v2/workflows/{graph_name}", op.Method, op.Path)
	}
	checkOp(t, op, diags, `path graph_name*: string
query x-workflow-force*: string
header x-obs-trace: string
request body*: object
  definition*: string
201 body: object
  graph_urn: string
`,
		"10 note: the page has no URI section; its method and path are read from the HTTP request line under \"请求消息样式\"",
	)
	var statuses []string
	for _, r := range op.Responses {
		statuses = append(statuses, r.Status)
		if r.Status != "201" {
			continue
		}
		if r.Body == nil || r.Body.Schema == nil || len(r.Body.Schema.Properties) != 1 || r.Body.Schema.Properties[0].Name != "graph_urn" {
			t.Errorf("201 body %+v, want {graph_urn}", r.Body)
		}
		if len(r.Headers) != 1 || r.Headers[0].Name != "x-obs-version" {
			t.Errorf("201 headers %+v, want x-obs-version", r.Headers)
		}
	}
	if strings.Join(statuses, ",") != "201" {
		t.Errorf("responses %q, want 201", statuses)
	}
}

// The request line is a fallback: a URI section's path line wins, and a
// page that is no operation (no 功能介绍) is not made one by an example.
func TestHTTPRequestLineOnlyWithoutURISection(t *testing.T) {
	withURI := "# 删除工作流\n\n## 功能介绍\n\n删除。\n\n## URI\n\nDELETE /v2/workflows/{graph_name}\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|graph_name|是|String|名称。|\n\n" +
		"## 请求示例\n\n```\nDELETE /v2/other/{graph_name} HTTP/1.1\nHost: x\n```\n"
	op, diags := readPage(t, withURI)
	if op.Method != "DELETE" || op.Path != "/v2/workflows/{graph_name}" || diags.HasErrors() {
		t.Errorf("with a URI section: %s %s, %v; want the path line's DELETE /v2/workflows/{graph_name}", op.Method, op.Path, diags)
	}
	walk := "# 快速入门\n\n## 操作步骤\n\n```\nGET /v2/workflows HTTP/1.1\nHost: x\n```\n"
	pg, _ := ReadAPIReference("p.md", []byte(walk))
	if pg.NotOperation == "" {
		t.Errorf("a page with only a request line in its steps read as an operation: %+v", pg.Operations)
	}
}

// OBS's bucket APIs send XML: the request line still gives the method and
// path ("POST /?delete": the bare key is the query's name), and a warning
// says the JSON schemas do not describe the XML body.
func TestHTTPRequestLineXMLBodyWarns(t *testing.T) {
	page := "# 批量删除对象\n\n## 功能介绍\n\n批量删除。\n\n" +
		"## 请求消息样式\n\n```\nPOST /?delete HTTP/1.1  \nHost: bucketname.obs.cn-north-1.myhuaweicloud.com\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Delete></Delete>\n```\n\n" +
		"## 请求消息参数\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|delete|是|String|批量删除。|\n\n" +
		"## 响应示例\n\n```\nHTTP/1.1 200 OK\n```\n"
	op, diags := readPage(t, page)
	if op.Method != "POST" || op.Path != "/" {
		t.Errorf("endpoint %s %s, want POST /", op.Method, op.Path)
	}
	checkOp(t, op, diags, "query delete*: string\n",
		"10 note: the page has no URI section; its method and path are read from the HTTP request line under \"请求消息样式\"",
		"10 warning: the request under \"请求消息样式\" has an XML body; only JSON bodies are read, so the body's and the answer's schemas do not describe the XML the call sends and receives",
	)
}

// A request table whose rows are all named like HTTP headers (vpcep's
// "表 2 请求参数": Content-type, X-Auth-Token, with a 示例 column) lists
// headers: Content-Type gives the body's media type (here from the 示例
// cell) and X-Auth-Token stays a header parameter, so the table after it,
// whose rows the example shows, is the body.
func TestHeaderNamedRequestTableIsHeaders(t *testing.T) {
	page := "# 批量添加或删除资源标签\n\n## 功能介绍\n\n批量添加或删除标签。\n\n## URI\n\nPOST /v1/\\{project\\_id\\}/tags/action\n\n" +
		"|名称|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n\n" +
		"## 请求消息\n\n**表 2**  请求参数\n\n|名称|是否必选|描述|示例|\n|--|--|--|--|\n" +
		"|Content-type|是|发送的实体的MIME类型。|application/json|\n|X-Auth-Token|是|用户Token。|-|\n|X-Language|否|语言。|zh-cn|\n\n" +
		"**表 3**  要素说明\n\n|名称|是否必选|参数类型|描述|\n|--|--|--|--|\n|action|是|String|操作标识。|\n\n" +
		"-   请求样例\n\n    ```\n    {\"action\": \"create\"}\n    ```\n\n## 响应消息\n\n无\n\n## 状态码\n\n|状态码|描述|\n|--|--|\n|204|成功。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
header X-Auth-Token*: string
header X-Language: string
request body*: object
  action*: string
`,
		"19 note: every row of this request table is named like an HTTP header (Content-type, X-Auth-Token, X-Language): read as header parameters, not the body",
		"19 note: table has no type column; its parameters are read as strings",
	)
	if op.RequestBody == nil || op.RequestBody.MediaType != "application/json" || len(op.RequestBody.Examples) != 1 {
		t.Errorf("request body %+v, want application/json with its example", op.RequestBody)
	}
}

// Rows named like headers that the path line names are not headers: a
// table with a body field among them stays the body.
func TestHeaderNamedRowsNeedEveryRow(t *testing.T) {
	page := "# 创建\n\n## URI\n\nPOST /v1/items\n\n## 请求消息\n\n|名称|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|X-Auth-Token|是|String|用户Token。|\n|name|是|String|名称。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  X-Auth-Token*: string
  name*: string
`)
}

// SWR 更新镜像仓库 (PATCH): the URI table lists, beside the path's
// placeholders, rows the path line has no query string for, and the
// request example sends exactly those as curl -F fields: they are the
// body's members, not query parameters.
func TestURIRowsOfPatchShownAsFormFieldsAreBody(t *testing.T) {
	page := "# 更新镜像仓库\n\n## 功能介绍\n\n更新。\n\n## URI\n\nPATCH /v2/manage/repos/\\{repository\\}\n\n**表 1**  参数说明\n\n" +
		"|参数名称|是否必选|参数类型|描述|\n|--|--|--|--|\n|repository|是|String|镜像仓库名称。|\n" +
		"|description|否|String|描述信息。|\n|is_public|是|Boolean|是否为公共仓库。|\n\n" +
		"## 请求消息\n\n**请求示例**\n\n```\n-F \"repository=busybox\" \\\n-F \"description=busybox\" \\\n-F \"is_public=true\"\n```\n\n" +
		"## 状态码\n\n|状态码|描述|\n|--|--|\n|201|成功。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path repository*: string
request body*: object
  description: string
  is_public*: boolean
`,
		"13 note: rows description, is_public of this URI table are no placeholder of the path, and the request example sends them as curl -F fields: read as the body's fields, not query parameters",
	)
}

// MRS 批量添加/删除集群标签 (survey E): a typeless URI table whose
// descriptions start with the type (<p>List&lt;resource_tag&gt;</p>)
// lists tags and action, the example's top-level members; the request
// table of key and value is what tags holds, not the body.
func TestURIRowsWithBodyTableOfItems(t *testing.T) {
	page := "# 批量添加/删除集群标签\n\n## 功能介绍\n\n批量添加标签。\n\n## URI\n\nPOST /v1.1/\\{project\\_id\\}/clusters/\\{cluster\\_id\\}/tags/action\n\n" +
		"**表 1**  参数说明\n\n<table><thead><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>描述</p></th></tr></thead><tbody>\n" +
		"<tr><td><p>project_id</p></td><td><p>是</p></td><td><p>项目编号。</p></td></tr>\n" +
		"<tr><td><p>cluster_id</p></td><td><p>是</p></td><td><p>集群ID。</p></td></tr>\n" +
		"<tr><td><p>tags</p></td><td><p>是</p></td><td><p>List&lt;resource_tag&gt;</p><p>标签列表</p></td></tr>\n" +
		"<tr><td><p>action</p></td><td><p>是</p></td><td><p>String</p><p>操作标识</p></td></tr>\n</tbody></table>\n\n" +
		"## 请求消息\n\n**表 2**  请求参数说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|key|是|String|键。|\n|value|是|String|值。|\n\n" +
		"## 示例\n\n-   请求示例\n\n    ```\n    {\"action\": \"create\", \"tags\": [{\"key\": \"k1\", \"value\": \"v1\"}]}\n    ```\n\n" +
		"## 状态码\n\n|状态码|描述|\n|--|--|\n|204|No Content|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path cluster_id*: string
request body*: object
  tags*: array of object resource_tag
    key*: string
    value*: string
  action*: string
`,
		"13 note: rows tags, action of this URI table are no placeholder of the path, and the request example's body has them: read as the body's fields (table \"表 2 请求参数说明\" describes what tags holds), not query parameters",
		"13 note: table has no type column; its parameters are read as strings",
	)
	if op.RequestBody == nil || len(op.RequestBody.Examples) != 1 {
		t.Errorf("request body %+v, want the example kept", op.RequestBody)
	}
	for _, prop := range op.RequestBody.Schema.Properties {
		if prop.Name == "tags" && prop.Description != "标签列表" {
			t.Errorf("tags description %q, want the type line gone", prop.Description)
		}
	}
}

// URI rows the example shows beside a body table's rows join the body; a
// row no example shows stays a query parameter, with a warning.
func TestURIRowsJoinBodyTable(t *testing.T) {
	page := "# 创建\n\n## 功能介绍\n\n创建。\n\n## URI\n\nPUT /v1/{project_id}/items/{item_id}\n\n**表 1**  参数说明\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目。|\n|item_id|是|String|ID。|\n" +
		"|name|是|String|名称。|\n|dry_run|否|Boolean|只检查。|\n\n" +
		"## 请求消息\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|size|否|Integer|大小。|\n\n" +
		"## 请求示例\n\n```\n{\"name\": \"a\", \"size\": 3}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
path item_id*: string
query dry_run: boolean
request body*: object
  size: integer/int64
  name*: string
`,
		"13 note: rows name of this URI table are no placeholder of the path, and the request example's body has them: read as members of the body, beside the body table's",
		"13 warning: rows dry_run of this URI table of a PUT are no placeholder of the path nor a name of its query string, and no request example shows them; read as query parameters",
	)
}

// No warning where the page does say where a URI row goes: a caption
// naming the query ("表 1 Query描述"), or a row naming alternatives one of
// which the path line's query string has ("env_id/env" with ?env_id=).
func TestURIRowsPlacedByCaptionOrQueryNoWarning(t *testing.T) {
	captioned := "# 创建Namespace\n\n## URI\n\nPOST /api/v1/namespaces\n\n**表 1**  Query描述\n\n" +
		"|参数|是否必选|描述|\n|--|--|--|\n|pretty|No|If 'true', then the output is pretty printed.|\n\n" +
		"## 请求消息\n\n|参数|是否必选|类型|描述|\n|--|--|--|--|\n|kind|是|String|类型。|\n\n## 请求示例\n\n```\n{\"kind\": \"Namespace\"}\n```\n"
	op, diags := readPage(t, captioned)
	checkOp(t, op, diags, `query pretty: string
request body*: object
  kind*: string
`, "9 note: table has no type column; its parameters are read as strings")
	alternatives := "# 导出API\n\n## URI\n\nPOST /v1.0/apigw/openapi/apis?env_id={0}\n\n" +
		"|参数|是否必选|类型|说明|\n|--|--|--|--|\n|env_id/env|是|String|环境ID。|\n\n" +
		"## 请求消息\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|group_id|是|String|分组。|\n"
	op, diags = readPage(t, alternatives)
	checkOp(t, op, diags, `query env_id: string
query env: string
request body*: object
  group_id*: string
`, "9 note: row \"env_id/env\" names alternatives (env_id, env): read as one optional parameter each")
}
