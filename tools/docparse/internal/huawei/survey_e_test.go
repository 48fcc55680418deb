package huawei

import (
	"slices"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Layouts found by survey E (issue 9). Every page here is synthetic: a few
// lines in the shape of the template named.

// A label's leading number is a list marker only when a space follows it
// ("1. 创建", "2) 删除"); "1.21版本以上…" (CCE) starts with a version.
func TestExampleLabelKeepsLeadingVersion(t *testing.T) {
	page := "# 更新集群\n\n## URI\n\nPUT /v3/clusters/{cluster_id}\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|cluster_id|是|String|集群ID。|\n\n" +
		"## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|description|否|String|描述。|\n\n" +
		"## 请求示例\n\n-   1.21版本以上集群更新描述\n\n    ```\n    { \"description\" : \"new\" }\n    ```\n\n" +
		"-   2. 第二个示例\n\n    ```\n    { \"description\" : \"n2\" }\n    ```\n\n" +
		"-   v2接口更新描述\n\n    ```\n    { \"description\" : \"new2\" }\n    ```\n"
	op, _ := readPage(t, page)
	if op.RequestBody == nil {
		t.Fatal("no request body")
	}
	var got []string
	for _, ex := range op.RequestBody.Examples {
		got = append(got, ex.Summary)
	}
	want := []string{"1.21版本以上集群更新描述", "第二个示例", "v2接口更新描述"}
	if len(got) != len(want) {
		t.Fatalf("summaries %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("summary %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// A row naming two alternatives (APIG's env_id/env) is one optional
// parameter per alternative, with a note; a row whose parts are not names
// is left out with a warning; a part that is the path's placeholder is
// that path parameter. No parameter name keeps a "/".
func TestAlternativeParameterNames(t *testing.T) {
	page := "# 导出API\n\n## URI\n\nGET /v1.0/apigw/{project_id}/openapi/apis\n\n" +
		"|参数|是否必选|类型|说明|\n|--|--|--|--|\n" +
		"|project_id/tenant_id|是|String|项目ID。|\n" +
		"|env_id/env|是|String|环境ID，目前支持env_id和env，两个均存在时以env_id为准|\n" +
		"|类型/格式|否|String|格式|\n" +
		"|type|否|String|格式|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
query env_id: string
query env: string
query type: string
`,
		"10 note: row \"env_id/env\" names alternatives (env_id, env): read as one optional parameter each",
		"11 warning: row \"类型/格式\" names a parameter with \"/\", and its parts are not names; left out",
		"9 note: row \"project_id/tenant_id\" names alternatives, one of them the path's {project_id}: read as that path parameter",
	)
	for _, p := range op.Params {
		if p.Name == "env_id" && !strings.Contains(p.Description, "env") {
			t.Errorf("env_id description %q", p.Description)
		}
	}
}

// A "URI格式：METHOD /path" line outside any URI section: on an operation
// page (功能介绍 and a request or response section) it is the method and
// path; on a walkthrough (MRS 扩容集群: 场景描述, 操作步骤) the page is
// skipped with a note naming the call and the page that documents it.
func TestURILineOutsideURISection(t *testing.T) {
	opPage := "# 扩容集群\n\n## 功能介绍\n\n扩容集群。\n\n-   URI格式：PUT /v1.1/{project_id}/cluster_infos/{cluster_id}\n\n" +
		"## 请求消息\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|cluster_id|是|String|集群ID。|\n|instances|是|Integer|节点数。|\n"
	pg, diags := ReadAPIReference("p.md", []byte(opPage))
	if len(pg.Operations) != 1 || pg.Operations[0].Method != "PUT" || pg.Operations[0].Path != "/v1.1/{project_id}/cluster_infos/{cluster_id}" || diags.HasErrors() {
		t.Fatalf("operation page: %d operations (%+v), diagnostics %v; want PUT /v1.1/{project_id}/cluster_infos/{cluster_id}", len(pg.Operations), pg.Operations, diags)
	}
	if got := diagLines(diags, model.Note); !slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, "7 note: ") && strings.Contains(l, "no URI section") }) {
		t.Errorf("notes %q, want one at line 7 saying the method and path come from a line outside a URI section", got)
	}

	walk := "# 扩容集群\n\n## 场景描述\n\n创建集群后，扩容集群。\n\n## 操作步骤\n\n-   接口相关信息\n\n    URI格式：PUT /v1.1/\\{project\\_id\\}/cluster\\_infos/\\{cluster\\_id\\}\n\n" +
		"    详情请参见[调整集群节点](调整集群节点.md)。\n\n-   请求示例\n\n    ```\n    {\"service_id\": \"\"}\n    ```\n"
	pg, diags = ReadAPIReference("p.md", []byte(walk))
	want := "the page walks through the call PUT /v1.1/{project_id}/cluster_infos/{cluster_id} (line 11), which 调整集群节点.md documents; no URI section of its own"
	if pg.NotOperation != want || len(pg.Operations) != 0 || diags.HasErrors() {
		t.Errorf("walkthrough: NotOperation %q, %d operations, diagnostics %v; want %q", pg.NotOperation, len(pg.Operations), diags, want)
	}

	several := "# 创建云服务器\n\n## 操作步骤\n\n1.  查询可用区。\n\n    URI格式：GET /v2.1/{project_id}/os-availability-zone\n\n" +
		"2.  创建云服务器。\n\n    URI格式：POST /v2.1/{project_id}/servers\n"
	pg, _ = ReadAPIReference("p.md", []byte(several))
	want = "the page walks through 2 calls (URI格式 lines 7, 11), each documented on its own page; no URI section of its own"
	if pg.NotOperation != want {
		t.Errorf("walkthrough of several calls: NotOperation %q, want %q", pg.NotOperation, want)
	}
}

// A response given only by a reference (CCE/CCI K8s pages): to a table or
// section on the same page, that table is the body, with a note; to
// another page, the example's schema stands, with a warning naming the
// reference.
func TestResponseByReference(t *testing.T) {
	head := "# 创建Network\n\n## 功能介绍\n\n创建。\n\n## URI\n\nPOST /apis/v1/namespaces/{namespace}/networks\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|namespace|是|String|命名空间。|\n\n" +
		"## 请求消息<a name=\"sec_req\"></a>\n\n**表 2**  请求参数\n\n<a name=\"table_req\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|kind|是|String|类型。|\n|name|否|String|名称。|\n\n" +
		"## 响应消息\n\n**响应参数**\n\n"
	tail := "\n\n**响应示例**\n\n```\n{\"kind\": \"Network\", \"name\": \"n\"}\n```\n\n" +
		"## 状态码\n\n|状态码|描述|\n|--|--|\n|201|Created|\n"
	for _, tc := range []struct{ name, ref, diag string }{
		{"same-page table", "响应参数详情见[表2](#table_req)",
			"29 note: status 201's body is given by reference to table \"表 2 请求参数\" (line 20) of this page; read as that table"},
		{"same-page section", "响应参数的详细描述请参见[请求消息](#sec_req)。",
			"29 note: status 201's body is given by reference to table \"表 2 请求参数\" (line 20) of this page; read as that table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op, diags := readPage(t, head+tc.ref+tail)
			checkOp(t, op, diags, `path namespace*: string
request body*: object
  kind*: string
  name: string
201 body: object
  kind*: string
  name: string
`, tc.diag)
			if op.Responses[0].Body.Schema != op.RequestBody.Schema {
				t.Errorf("the 201 body is not the request table's schema")
			}
		})
	}
	op, diags := readPage(t, head+"响应参数的详细描述请参见[表2](删除Secret.md#table13766144711235)。"+tail)
	checkOp(t, op, diags, `path namespace*: string
request body*: object
  kind*: string
  name: string
201 body: object
  kind: string
  name: string
`, "34 warning: status 201's body is given only by reference to 删除Secret.md#table13766144711235 (line 29), another page; schema inferred from the example")
}

// A same-page link that names no table leaves the example's schema, and
// the warning says the link names no table; the request side says its
// link likewise.
func TestBodyReferenceNamingNoTable(t *testing.T) {
	page := "# 创建ConfigMap\n\n## URI\n\nPOST /api/v1/namespaces/{namespace}/configmaps\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|namespace|是|String|命名空间。|\n\n" +
		"## 请求消息\n\n请求参数如[表65](数据结构.md#table1)所示。\n\n**请求示例**\n\n```\n{\"kind\": \"ConfigMap\"}\n```\n\n" +
		"## 响应消息\n\n**响应参数**\n\n响应参数的详细描述请参见[表9](#nowhere)。\n\n**响应示例**\n\n```\n{\"kind\": \"ConfigMap\"}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path namespace*: string
request body: object
  kind: string
200 body: object
  kind: string
`,
		"18 warning: the request body is given only by reference to 数据结构.md#table1 (line 13), another page; the body's schema is inferred from the example (every field optional)",
		"30 warning: status 200's body is given only by reference to #nowhere (line 25), which names no table of this page; schema inferred from the example",
	)
}

// A reference sentence about the failure answer (失败时的响应参数见表2)
// never makes its table the success body, least of all a 204's.
func TestFailureReferenceIsNoSuccessBody(t *testing.T) {
	page := "# 删除Network\n\n## 功能介绍\n\n删除。\n\n## URI\n\nDELETE /apis/v1/networks/{name}\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|name|是|String|名称。|\n\n" +
		"## 响应参数\n\n无。失败时的响应参数见[表2](#err)。\n\n" +
		"## 状态码\n\n|状态码|描述|\n|--|--|\n|204|No Content|\n|400|Bad Request|\n\n" +
		"## 错误码\n\n**表 2**  错误响应参数\n\n<a name=\"err\"></a>\n|参数|参数类型|描述|\n|--|--|--|\n|error_code|String|错误码。|\n|error_msg|String|错误信息。|\n"
	op, _ := readPage(t, page)
	for _, r := range op.Responses {
		if r.Status == "204" && r.Body != nil {
			t.Errorf("204 has a body: %+v", r.Body.Schema)
		}
		if r.Body != nil && r.Body.Schema.Property("error_code") != nil && r.Status != "default" && r.Status[0] == '2' {
			t.Errorf("the failure table is the %s body", r.Status)
		}
	}
	// The sentence names the failure answer's table: it is default's body.
	var failure *model.Response
	for _, r := range op.Responses {
		if r.Status == "default" {
			failure = r
		}
	}
	if failure == nil || failure.Body == nil || failure.Body.Schema.Property("error_code") == nil {
		t.Errorf("default's body is not 表 2: %+v", failure)
	}
}
