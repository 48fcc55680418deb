package huawei

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Tables whose shape differs from the body their example shows (synthetic
// pages in the shape of OMS 查询租户配额数据).
func TestTableDescribesTheInnermostObject(t *testing.T) {
	page := func(example string) string {
		return "# 查询租户配额数据\n\n## URI\n\nGET /v2/{project_id}/quotas\n\n" +
			"|参数|是否必选|描述|\n|--|--|--|\n|project_id|是|项目ID。|\n\n" +
			"## 响应参数\n\n**表 2**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|type|String|配额类型。|\n|quota|int|配额值。|\n\n" +
			"## 响应示例\n\n**响应示例**\n\n```\n" + example + "\n```\n"
	}
	for _, tc := range []struct{ name, example, want string }{
		{
			// The example's one wrapper path holds exactly the table's
			// members: the wrappers are built from the example.
			"wrapped twice",
			`{"quotas": {"resource": {"type": "MaxParallelTaskNum", "quota": 5}}}`,
			`GET /v2/{project_id}/quotas
param path project_id* string
response 200 ""
  body application/json object{quotas*:object{resource*:object}}
  example line 25 ""
p.md:7: table "table at line 7": note: table has no type column; its parameters are read as strings
p.md:25 (example): warning: the response table lists the members of $.quotas.resource, where the example puts them; the body's wrapper objects (quotas, resource) are read from the example
`,
		},
		{
			// A member more or less than the table: not the same object,
			// so nothing is built.
			"wrapped, but another member",
			`{"quotas": {"resource": {"type": "MaxParallelTaskNum", "quota": 5, "used": 1}}}`,
			`GET /v2/{project_id}/quotas
param path project_id* string
response 200 ""
  body application/json object{type:string, quota:integer(int64)}
p.md:7: table "table at line 7": note: table has no type column; its parameters are read as strings
p.md:25 (example): warning: example (members quotas) shares no member with the status 200 body table; it is another answer or shape, and the page names no status for it; left out
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(page(tc.example)))
			if diff := cmp.Diff(tc.want, describePage(pg, diags)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// The innermost object is the table's, descriptions and all.
			body := pg.Operations[0].Responses[0].Body.Schema
			for _, name := range []string{"quotas", "resource"} {
				if pr := body.Property(name); pr != nil {
					body = pr.Schema
				}
			}
			if pr := body.Property("quota"); pr == nil || pr.Description != "配额值。" || pr.Schema.Type != "integer" {
				t.Errorf("innermost quota = %+v, want the table's row", pr)
			}
		})
	}
}

// DSS 获取接口版本号列表 (synthetic page in its shape): "versions | Array",
// then the items' fields in the same table, as the example shows them.
func TestFlattenedTable(t *testing.T) {
	page := func(example string) string {
		return "# 获取接口版本号列表\n\n## URI\n\nGET /\n\n## 响应消息\n\n**表 1**  响应参数\n\n" +
			"|参数名称|类型|说明|\n|--|--|--|\n|versions|Array|描述version 相关对象的列表。|\n|id|String|版本ID。|\n|status|String|版本状态。|\n\n" +
			"-   响应样例\n\n    ```\n    " + example + "\n    ```\n"
	}
	for _, tc := range []struct{ name, example, want string }{
		{
			"the items' fields follow the array",
			`{"versions": [{"id": "v1", "status": "SUPPORTED"}, {"id": "v2", "status": "CURRENT"}]}`,
			`GET /
response 200 ""
  body application/json object{versions:[object{id:string, status:string}]}
  example line 20 ""
p.md:11: table "表 1 响应参数": warning: rows id, status follow "versions" and the example has them in each element of $.versions, not at the top; read as its items' fields (the table is flattened)
`,
		},
		{
			// The example has them at the top as well: the table says what
			// it says.
			"the fields also at the top",
			`{"versions": [{"id": "v1", "status": "SUPPORTED"}], "id": "v1", "status": "x"}`,
			`GET /
response 200 ""
  body application/json object{versions:[object{id:string, status:string}], id:string, status:string}
  example line 20 ""
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(page(tc.example)))
			if diff := cmp.Diff(tc.want, describePage(pg, diags)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// ELB v1 修改健康检查 (synthetic page in its shape): the URI table lists
// the PUT's body fields, 请求参数 says 无, and the request example holds
// them. Rows the path has no placeholder for and the example body has are
// the body; a row the example lacks stays a query parameter, with a
// warning.
func TestURITableListsBodyFields(t *testing.T) {
	page := "# 修改健康检查\n\n## URI\n\nPUT /v1.0/{project_id}/elbaas/healthcheck/{healthcheck_id}\n\n**表 1**  参数说明\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|healthcheck_id|是|String|健康检查的ID。|\n" +
		"|healthcheck_protocol|否|String|健康检查协议。|\n|healthy_threshold|否|Integer|阈值。|\n|dry_run|否|Boolean|只检查。|\n\n" +
		"## 请求消息\n\n-   请求参数\n\n    无\n\n-   请求样例\n\n    ```\n    {\"healthcheck_protocol\": \"HTTP\", \"healthy_threshold\": 3}\n    ```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `PUT /v1.0/{project_id}/elbaas/healthcheck/{healthcheck_id}
param path project_id* string
param path healthcheck_id* string
param query dry_run boolean
request body application/json object{healthcheck_protocol:string, healthy_threshold:integer(int64)}
  example line 26 ""
p.md:9: table "表 1 参数说明": warning: rows dry_run of this URI table of a PUT are no placeholder of the path nor a name of its query string, and no request example shows them; read as query parameters
p.md:9: table "表 1 参数说明": note: rows healthcheck_protocol, healthy_threshold of this URI table are no placeholder of the path, and the request example's body has them: read as the body's fields, not query parameters
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// CCI 创建Namespace (synthetic page in its shape): a type cell with a type
// and, on a line of its own, a link to a 名称|值 table of allowed values.
// The values are an enum of the items, not an object's fields.
func TestTypeLinkedToValuesTable(t *testing.T) {
	page := "# 创建Namespace\n\n## URI\n\nPOST /api/v1/namespaces\n\n## 请求消息\n\n**表 4**  namespace spec字段数据结构说明\n\n" +
		"<table><thead><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr></thead>\n" +
		"<tbody><tr><td><p>finalizers</p></td><td><p>No</p></td><td><p>[]FinalizerName</p>\n<p><a href=\"#table5\">表5</a></p></td><td><p>Finalizers is an opaque list.</p></td></tr></tbody></table>\n\n" +
		"**表 5**  FinalizerName取值说明\n\n<a name=\"table5\"></a>\n" +
		"<table><thead><tr><th><p>名称</p></th><th><p>值</p></th></tr></thead>\n" +
		"<tbody><tr><td><p>FinalizerKubernetes</p></td><td><p>kubernetes</p></td></tr></tbody></table>\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `POST /api/v1/namespaces
request body application/json object{finalizers:[string]}
p.md:18: table "表 5 FinalizerName取值说明": note: table lists the values of "finalizers" (名称|值), not an object's fields: read as an enum of strings
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	items := pg.Operations[0].RequestBody.Schema.Property("finalizers").Schema.Items
	if items == nil || len(items.Enum) != 1 || items.Enum[0] != "kubernetes" {
		t.Errorf("finalizers items = %+v, want an enum [kubernetes]", items)
	}
}

// A URI table row the example's body has is no body field when the page
// has a request body table of its own, read after it: that table is the
// body, its required fields kept.
func TestURITableRowBesideABodyTable(t *testing.T) {
	page := "# 修改监听器\n\n## URI\n\nPUT /v1/{project_id}/listeners/{listener_id}\n\n**表 1**  参数说明\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|listener_id|是|String|监听器ID。|\n|name|否|String|名称。|\n\n" +
		"## 请求消息\n\n**表 2**  请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|name|否|String|名称。|\n|timeout|是|Integer|超时。|\n|delay|是|Integer|间隔。|\n\n" +
		"-   请求样例\n\n    ```\n    {\"name\": \"a\", \"timeout\": 3, \"delay\": 5}\n    ```\n"
	pg, _ := ReadAPIReference("p.md", []byte(page))
	body := pg.Operations[0].RequestBody
	if body == nil || body.Schema.Property("timeout") == nil || body.Schema.Property("delay") == nil {
		t.Fatalf("the body table was lost: %+v", body)
	}
	if req := body.Schema.Property("timeout"); !req.Required {
		t.Error("timeout is no longer required")
	}
}

// OCR 手写文字识别 (synthetic page in its shape): one table lists the
// answer's members at every depth, "result | Object", its members, an
// array among them, then the array's items' members, and error_code
// after them all; the example nests them.
func TestFlattenedNestedTable(t *testing.T) {
	page := func(example string) string {
		return "# 手写文字识别\n\n## URI\n\nPOST /v1.0/ocr/handwriting\n\n## 响应参数\n\n**表 1**  响应参数\n\n" +
			"|参数|参数类型|描述|\n|--|--|--|\n|result|Object|调用结果。|\n|direction|Integer|图片朝向。|\n" +
			"|regions|Array of objects|文字区域。|\n|type|String|区域类型。|\n|score|Float|置信度。|\n|blocks|Array of objects|文字块。|\n" +
			"|words|String|文字。|\n|error_code|String|错误码。|\n\n" +
			"## 响应示例\n\n```\n" + example + "\n```\n"
	}
	for _, tc := range []struct{ name, example, body, diags string }{
		{
			// score is in no element: it goes with type and blocks, the
			// rows beside it; error_code, in no example, stays at the top.
			"members at three depths",
			`{"result": {"direction": 0, "regions": [{"type": "text", "blocks": [{"words": "a"}]}, {"type": "table", "blocks": []}]}}`,
			"object{result:object{direction:integer(int64), regions:[object{type:string, score:number(double), blocks:[object{words:string}]}]}, error_code:string}",
			`p.md:11: table "表 1 响应参数": warning: rows direction, regions follow "result" and the example has them in $.result, not at the top; read as its fields (the table is flattened)
p.md:11: table "表 1 响应参数": warning: rows type, score, blocks follow "regions" and the example has them in each element of $.result.regions, not at the top; read as its items' fields (the table is flattened)
p.md:11: table "表 1 响应参数": warning: row words follows "blocks" and the example has them in each element of $.result.regions.blocks, not at the top; read as its items' fields (the table is flattened)
`,
		},
		{
			// score, in no example, lies between a row of the regions'
			// items and one of the result: nothing says whose it is, and
			// the table is left as it says.
			"a missing row between two depths",
			`{"result": {"direction": 0, "regions": [{"type": "text"}], "blocks": [{"words": "a"}]}}`,
			"object{result:object{blocks:[object{words:string}], direction:integer, regions:[object{type:string}]}, direction:integer(int64), regions:[object], type:string, score:number(double), blocks:[object], words:string, error_code:string}",
			`p.md:13: table "表 1 响应参数" row 1 (参数类型): note: object "result" has no table describing its fields; read from the example: blocks, direction, regions
p.md:15: table "表 1 响应参数" row 3: warning: object "regions" has no table describing its fields (looked for captions ["regions"]); left as a free-form object
p.md:18: table "表 1 响应参数" row 6: warning: object "blocks" has no table describing its fields (looked for captions ["blocks"]); left as a free-form object
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(page(tc.example)))
			if diff := cmp.Diff(tc.body, schemaText(pg.Operations[0].Responses[0].Body.Schema, 10)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			var got string
			for _, d := range diags {
				got += d.String() + "\n"
			}
			if diff := cmp.Diff(tc.diags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// CSS 查询集群列表 (synthetic page in its shape): clusters' table lists
// only datastore, and the clusters' other members follow clusters in the
// response table; the example has them in each cluster. They join the
// items' own fields. A row the items' table already lists leaves the
// table as it says.
func TestFlattenedRowsJoinTheItemsTable(t *testing.T) {
	page := func(second string) string {
		return "# 查询集群列表\n\n## URI\n\nGET /v1.0/{project_id}/clusters\n\n## 响应参数\n\n**表 1**  响应参数\n\n" +
			"|参数|类型|说明|\n|--|--|--|\n|clusters|Array of clusters objects|集群对象列表。详细请参见[表2](#t2)。|\n|name|String|集群名称。|\n|" + second + "|String|集群ID。|\n\n" +
			"<a name=\"t2\"></a>\n**表 2**  clusters字段数据结构说明\n\n|参数|类型|说明|\n|--|--|--|\n|datastore|String|引擎。|\n\n" +
			"## 响应示例\n\n```\n{\"clusters\": [{\"datastore\": \"x\", \"name\": \"c1\", \"id\": \"1\"}]}\n```\n"
	}
	for _, tc := range []struct{ second, want string }{
		{"id", "object{clusters:[clusters{datastore:string, name:string, id:string}]}"},
		{"datastore", "object{clusters:[clusters{datastore:string}], name:string, datastore:string}"},
	} {
		pg, _ := ReadAPIReference("p.md", []byte(page(tc.second)))
		if got := schemaText(pg.Operations[0].Responses[0].Body.Schema, 3); got != tc.want {
			t.Errorf("second row %q: body = %s, want %s", tc.second, got, tc.want)
		}
	}
}
