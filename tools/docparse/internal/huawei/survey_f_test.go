package huawei

import (
	"slices"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Layouts found by survey F (issue 9). Every page here is synthetic: a few
// lines in the shape of the template named.

// VOD documents a batch delete's ids as "以逗号分隔": the array travels as
// one value. An array whose description says nothing of commas, and a
// string that mentions them, keep OpenAPI's defaults.
func TestCommaSeparatedArrayQuery(t *testing.T) {
	page := "# 删除媒资\n\n## URI\n\nDELETE /v1.0/asset\n\n**表 2**  Query参数\n\n" +
		"|参数|是否必选|类型|说明|\n|--|--|--|--|\n" +
		"|asset_id|是|Array of strings|媒资ID，批量删除时以逗号分隔。|\n" +
		"|status|否|Array of strings|状态，多个状态用英文半角逗号拼接。|\n" +
		"|tags|否|Array of strings|标签，可传多个。|\n" +
		"|names|否|String|名称，以逗号分隔。|\n\n" +
		"## 状态码\n\n|状态码|描述|\n|--|--|\n|204|删除成功|\n"
	op, diags := readPage(t, page)
	joined := map[string]bool{}
	for _, p := range op.Params {
		joined[p.Name] = p.CommaJoined
	}
	want := map[string]bool{"asset_id": true, "status": true, "tags": false, "names": false}
	for name, w := range want {
		if joined[name] != w {
			t.Errorf("%s: comma-joined %v, want %v", name, joined[name], w)
		}
	}
	if got := diagLines(diags, model.Note); len(got) != 2 {
		t.Errorf("notes %q: want one for each comma-joined array", got)
	}
}

// VOD's API Explorer links name the API in lower camel case
// (api=queryAssetList): the same name, exported, is the operationId hint.
func TestLowerCamelExplorerName(t *testing.T) {
	page := "# 查询媒资列表\n\n## 调试\n\n您可以在[API Explorer](https://apiexplorer.developer.huaweicloud.com/apiexplorer/doc?product=VOD&api=queryAssetList)中直接运行调试该接口。\n\n" +
		"## URI\n\nGET /v1.0/\\{project\\_id\\}/asset/list\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n"
	op, _ := readPage(t, page)
	if len(op.IDHints) != 1 || op.IDHints[0].Name != "QueryAssetList" || op.IDHint != "QueryAssetList" {
		t.Errorf("hints %+v (IDHint %q): want QueryAssetList from the API Explorer link", op.IDHints, op.IDHint)
	}
}

// ContainerOps and AOS describe a list response by its element's table and
// show [ {…} ]: the body is an array of the table, even where an element
// misspells a member (AOS's need_clutser; that example is then dropped).
// Elements a quarter or more of whose members the table lacks leave the
// table as it is.
func TestTopLevelArrayOfTheTable(t *testing.T) {
	page := func(example string) string {
		return "# 获取软件包列表\n\n## URI\n\nGET /v2/manage/packages\n\n## 响应消息\n\n**表 2**  响应参数\n\n" +
			"|参数|参数类型|描述|\n|--|--|--|\n|id|Integer|软件包id|\n|package|String|软件包名|\n|size|Integer|大小|\n|name|String|名称|\n\n" +
			"**响应示例**\n\n```\n" + example + "\n```\n\n## 状态码\n\n|状态码|描述|\n|--|--|\n|200|请求成功。|\n"
	}
	op, diags := readPage(t, page(`[ {"id": 1, "package": "p"}, {"id": 2} ]`))
	checkOp(t, op, diags, "200 body: array of object\n  id: integer/int64\n  package: string\n  size: integer/int64\n  name: string\n",
		"21 warning: the response table lists the members of each element of the example, an array; the body is read as an array of them")
	for _, c := range []struct {
		example string
		array   bool
	}{
		{`[ {"id": 1, "package": "p", "size": 1, "nmae": "n"} ]`, true},
		{`[ {"id": 1, "nmae": "p"} ]`, false},
		{`[ {"id": 1, "package": "p", "pakage": "q", "id ": 2} ]`, false},
		{`[]`, false},
		{`[ "id" ]`, false},
	} {
		op, _ := readPage(t, page(c.example))
		b := op.Responses[0].Body
		if b == nil || (b.Schema.Type == model.TypeArray) != c.array {
			t.Errorf("%s: body %+v, want an array %v", c.example, b, c.array)
		}
	}
}

// ContainerOps writes two rows into one query value
// (?filter=name::{pipeline_name}|group_id::{group_id}): the rows, named as
// the keys before the placeholders, are one string parameter filter in the
// first row's place. A value whose placeholder no row documents stays a
// warned string.
func TestQueryValueOfSeveralRows(t *testing.T) {
	page := "# 查询流水线列表\n\n## URI\n\nGET /v3/manage/pipelines?filter=name::\\{pipeline\\_name\\}|group\\_id::\\{group\\_id\\}&limit=\\{limit\\}&sort=by::\\{order\\}\n\n" +
		"**表 1**  参数说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|name|否|String|流水线名。|\n|group_id|是|Integer|流水线组id。|\n|limit|否|Integer|每页记录数。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, "query filter*: string\nquery limit: integer/int64\nquery sort: string\n",
		"11 note: the path line sends name, group_id together as filter=name::{pipeline_name}|group_id::{group_id}; read as one string parameter filter, its value written that way",
		"5 warning: the path line's query string has sort=by::{order}, which no table documents; read as an optional string query parameter")
	if d := op.Params[0].Description; d != "filter=name::{pipeline_name}|group_id::{group_id}。name：流水线名；group_id：流水线组id。" {
		t.Errorf("filter's description %q", d)
	}
}

// RDS's job table under {"job": …}: an example whose job leaves out an
// optional member (fail_reason, where the job did not fail) still shows
// the wrapper; one holding less than half the table's members does not.
func TestWrapperWithoutOptionalMember(t *testing.T) {
	page := func(example string) string {
		return "# 获取任务信息\n\n## URI\n\nGET /v3/{project_id}/jobs\n\n## 响应消息\n\n**表 2**  要素说明\n\n" +
			"|名称|参数类型|说明|\n|--|--|--|\n|id|String|任务ID。|\n|name|String|任务名称。|\n|status|String|状态。|\n|fail_reason|String|失败原因。|\n\n" +
			"## 示例\n\n-   正常响应样例\n\n    ```\n    " + example + "\n    ```\n"
	}
	op, _ := readPage(t, page(`{"job": {"id": "1", "name": "n", "status": "Completed"}}`))
	if b := op.Responses[0].Body; b == nil || b.Schema.Property("job") == nil || len(b.Examples) != 1 {
		t.Errorf("body %+v: want the table under job, with the example", b)
	}
	op, _ = readPage(t, page(`{"job": {"id": "1"}}`))
	if b := op.Responses[0].Body; b == nil || b.Schema.Property("job") != nil {
		t.Errorf("body %+v: one member of four shows no wrapper", b)
	}
}

// OBS names an operation by a query key alone (POST /?delete): a required
// parameter sent empty. Two keys, or a list of names in brackets, are
// names of parameters, optional strings when no table documents them
// (NAT), not such a key.
func TestQueryKeyAlone(t *testing.T) {
	for _, c := range []struct{ uri, want string }{
		{"POST /?delete", "query delete*: string\n"},
		{"GET /v1/things?marker&limit", "query marker: string\nquery limit: string\n"},
		{"GET /v1/things[?marker]", "query marker: string\n"},
	} {
		op, _ := readPage(t, "# 批量删除对象\n\n## URI\n\n"+c.uri+"\n\n## 状态码\n\n|状态码|描述|\n|--|--|\n|200|成功|\n")
		if got := describe(op); got != c.want {
			t.Errorf("%s: %q, want %q", c.uri, got, c.want)
		}
		if strings.HasPrefix(c.uri, "POST") && !slices.Equal(op.Params[0].Schema.Enum, []string{""}) {
			t.Errorf("%s: enum %q, want the empty value only", c.uri, op.Params[0].Schema.Enum)
		}
	}
}

// ECS's addresses: a row the description calls a map, its table on the
// page describing the values, the example keyed by network ids. It is a
// map of arrays of that table; where the table lists the example's keys
// (OS-EXT-IPS:type is no field name, but a member of the table), the row
// stays that object.
func TestMapOfTheRowsTable(t *testing.T) {
	page := func(example string) string {
		return "# 查询云服务器详情\n\n## URI\n\nGET /v1/{project_id}/cloudservers/{server_id}\n\n" +
			"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|server_id|是|String|云服务器ID。|\n\n" +
			"## 响应参数\n\n**表 2**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
			"|addresses|Object|网络地址信息。属性为Map&lt;String, Object&gt;结构。key为网络名称，value为网络属性，详情请参见<a href=\"#table7\">表7</a>。|\n\n" +
			"**表 7**  addresses数据结构说明\n\n<a name=\"table7\"></a>\n\n|参数|参数类型|描述|\n|--|--|--|\n|addr|String|IP地址。|\n|version|Integer|IP地址类型。|\n\n" +
			"## 响应示例\n\n```\n" + example + "\n```\n"
	}
	op, _ := readPage(t, page(`{"addresses": {"68269e6e-4a27-441b-8029-35373ad50bd9": [{"addr": "192.168.0.3", "version": 4}]}}`))
	if got := describe(op); got != "path project_id*: string\npath server_id*: string\n200 body: object\n  addresses: map of array of object addresses\n    addr: string\n    version: integer/int64\n" {
		t.Errorf("keyed by network ids:\n%s", got)
	}
	op, _ = readPage(t, page(`{"addresses": {"addr": "192.168.0.3", "version": 4, "OS-EXT-IPS:type": "fixed"}}`))
	if got := describe(op); got != "path project_id*: string\npath server_id*: string\n200 body: object\n  addresses: object addresses\n    addr: string\n    version: integer/int64\n" {
		t.Errorf("keyed by field names:\n%s", got)
	}
}
