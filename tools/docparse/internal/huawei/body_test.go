package huawei

import (
	"fmt"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"slices"
	"strings"
	"testing"
)

// A second body table for the same response is reported and ignored, as a
// second request body table is; it must not silently replace the first.
func TestSecondResponseBodyTable(t *testing.T) {
	page := "# 查询<a name=\"ShowThing\"></a>\n\n## URI\n\nGET /things\n\n## 响应参数\n\n" +
		"**表 1**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|first|String|a|\n\n" +
		"**表 2**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|second|String|b|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	if len(op.Responses) != 1 || op.Responses[0].Body == nil {
		t.Fatalf("responses %+v", op.Responses)
	}
	if op.Responses[0].Body.Schema.Property("first") == nil {
		t.Errorf("the first body table was replaced by the second")
	}
	if len(diags) != 1 || diags[0].Loc.Line != 17 || diags[0].Loc.Table != "表 2 响应Body参数" || !strings.Contains(diags[0].Msg, "second response body table") {
		t.Errorf("want one warning at the second table, got %v", diags)
	}
}

// The same holds on SDK pages: a second 成功响应参数说明 table is reported at
// its place and ignored, not emitted as a second 200 response.
func TestSDKSecondSuccessTable(t *testing.T) {
	page := "# 查询\n\n**表 1**  请求参数说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|id|String|a|\n\n" +
		"**表 2**  成功响应参数说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|first|String|b|\n\n" +
		"**表 3**  成功响应参数说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|second|String|c|\n"
	pg, diags := ReadSDKReference("p.md", []byte(page))
	op := pg.Operations[0]
	if len(op.Responses) != 1 || op.Responses[0].Body.Schema.Property("first") == nil {
		t.Errorf("want the one 200 response of the first table, got %+v", op.Responses)
	}
	if len(diags) != 1 || diags[0].Loc.Line != 17 || diags[0].Loc.Table != "表 3 成功响应参数说明" || !strings.Contains(diags[0].Msg, "second response body table") {
		t.Errorf("want one warning at the second table, got %v", diags)
	}
}

// A Content-Type row that names no media type ("消息体的类型（格式）", on
// every page of some templates, GET and DELETE included) is worth a warning
// only where the operation has a request body.
func TestContentTypeWithoutMediaType(t *testing.T) {
	const headers = "**表 2**  请求Header参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|Content-Type|是|String|消息体的类型（格式）|\n|X-Auth-Token|是|String|令牌|\n\n"
	for _, tc := range []struct {
		name, page string
		warn       bool
	}{
		{"GET", "# 获取任务信息\n\n## URI\n\nGET /api/v3/projects/{project_id}/jobs/{job_id}\n\n## 请求参数\n\n" + headers, false},
		{"DELETE", "# 删除PVC\n\n## URI\n\nDELETE /api/v1/namespaces/{namespace}/pvc/{name}\n\n## 请求参数\n\n" + headers, false},
		{"POST with a body", "# 集群休眠\n\n## URI\n\nPOST /api/v3/projects/{project_id}/clusters/{cluster_id}/operation/hibernate\n\n## 请求参数\n\n" + headers +
			"**表 3**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|kind|是|String|类型|\n", true},
	} {
		pg, diags := ReadAPIReference("p.md", []byte(tc.page))
		op := pg.Operations[0]
		var warned []string
		for _, d := range diags {
			if strings.Contains(d.Msg, "Content-Type") {
				warned = append(warned, d.String())
				if d.Loc.Line != 13 || d.Loc.Row != 1 {
					t.Errorf("%s: warning at %v, want the Content-Type row (line 13, row 1)", tc.name, d.Loc)
				}
			}
		}
		if tc.warn != (len(warned) == 1) || len(warned) > 1 {
			t.Errorf("%s: Content-Type diagnostics %v, want a warning: %v", tc.name, warned, tc.warn)
		}
		if (op.RequestBody != nil) != tc.warn {
			t.Errorf("%s: request body %+v", tc.name, op.RequestBody)
		}
		for _, p := range op.Params {
			if strings.EqualFold(p.Name, "Content-Type") {
				t.Errorf("%s: Content-Type read as a parameter", tc.name)
			}
		}
	}
}

// A JSON example with // comments outside its strings is read without
// them, and a note names the lines; a URL inside a string is no comment.
func TestExampleWithLineComments(t *testing.T) {
	page := "# 查询配额\n\n## URI\n\nGET /v2/{project_id}/fgs/workflow-quota\n\n## 响应参数\n\n" +
		"**表 1**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|unit|String|单位|\n|url|String|链接|\n\n" +
		"## 响应示例\n\n```\n{\n    \"unit\": \"\",//单位为空\n    \"url\": \"https://x/y\"\n}\n```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	if len(op.Responses) != 1 || op.Responses[0].Body == nil || len(op.Responses[0].Body.Examples) != 1 {
		t.Fatalf("responses %+v (diagnostics %v), want the one example kept", op.Responses, diags)
	}
	got := op.Responses[0].Body.Examples[0].Value.(map[string]any)
	if got["unit"] != "" || got["url"] != "https://x/y" {
		t.Errorf("example %v", got)
	}
	if len(diags) != 1 || diags[0].Loc.Line != 20 || diags[0].Msg != "example has // comments (line 20); dropped before reading the JSON" {
		t.Errorf("diagnostics %v, want one note at line 20", diags)
	}
}

// A 字典数据类型 row that names no table takes the object table that
// follows it, as an object row does; where the example holds an array of
// them, it is an array of that object.
func TestDictRowTakesTheTableThatFollows(t *testing.T) {
	const tables = "## 请求消息\n\n**表 3**  参数说明\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|vpc_instances|是|字典数据类型|后端实例列表。|\n\n" +
		"**表 4**  后端实例详情\n\n|参数|是否必选|类型|说明|\n|--|--|--|--|\n|instance_id|是|String|实例ID|\n|weight|否|Integer|权重|\n\n"
	for _, tc := range []struct {
		name, example, want string
	}{
		{"array example", `{"vpc_instances": [{"instance_id": "a", "weight": 1}]}`,
			"request body*: object\n  vpc_instances*: array of object\n    instance_id*: string\n    weight: integer/int64\n"},
		{"object example", `{"vpc_instances": {"instance_id": "a"}}`,
			"request body*: object\n  vpc_instances*: object\n    instance_id*: string\n    weight: integer/int64\n"},
	} {
		page := "# 添加后端实例\n\n## URI\n\nPOST /v1.0/apigw/vpc-channels/members\n\n" + tables +
			"## 示例\n\n请求样例：\n\n```\n" + tc.example + "\n```\n"
		pg, diags := ReadAPIReference("p.md", []byte(page))
		op := pg.Operations[0]
		if got := describe(op); got != tc.want {
			t.Errorf("%s: got\n%swant\n%s(diagnostics %v)", tc.name, got, tc.want, diags)
		}
		for _, d := range diags {
			if d.Severity > model.Note {
				t.Errorf("%s: %v", tc.name, d)
			}
		}
		if n := len(op.RequestBody.Examples); n != 1 {
			t.Errorf("%s: %d request examples, want 1", tc.name, n)
		}
	}
}

// Older pages caption a table with a list item holding an anchor
// ("-   <a name="li1"></a>volumes参数说明") and rows link to that anchor. A
// row typed String that links to such a table while the example holds an
// object is read as that object, with a warning on its type cell.
func TestListItemAnchoredTables(t *testing.T) {
	row := func(name, typ, desc string) string {
		return "<tr><td><p>" + name + "</p></td><td><p>" + typ + "</p></td><td><p>" + desc + "</p></td></tr>\n"
	}
	table := func(rows ...string) string {
		return "    <table><thead><tr><th><p>参数</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr></thead>\n    <tbody>" + strings.Join(rows, "    ") + "    </tbody></table>\n\n"
	}
	page := "# 查询云硬盘列表\n\n## URI\n\nGET /v2/{project_id}/volumes\n\n## 响应消息\n\n-   响应参数\n\n" +
		table(row("volumes", "list", `云硬盘列表，请参见<a href="#li1">•volumes参数说明</a>。`), row("error", "String", `错误，具体请参见<a href="#li2">•error参数说明</a>。`)) +
		"-   <a name=\"li1\"></a>volumes参数说明\n\n" + table(row("id", "String", "云硬盘ID")) +
		"-   <a name=\"li2\"></a>error参数说明\n\n" + table(row("message", "String", "错误信息")) +
		"-   响应样例\n\n    ```\n    {\"volumes\": [{\"id\": \"v1\"}], \"error\": {\"message\": \"m\"}}\n    ```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	want := "200 body: object\n  volumes: array of object volumes\n    id: string\n  error: object error\n    message: string\n"
	if got := describe(op); got != want {
		t.Errorf("got\n%swant\n%s(diagnostics %v)", got, want, diags)
	}
	if len(diags) != 1 || diags[0].Loc.What != "参数类型" || diags[0].Loc.Row != 2 || !strings.Contains(diags[0].Msg, `type "String", but the row links to "error参数说明"`) {
		t.Errorf("diagnostics %v, want one warning at the error row's type cell", diags)
	}
	if n := len(op.Responses[0].Body.Examples); n != 1 {
		t.Errorf("%d examples kept, want 1", n)
	}
}

// One code block may hold two bodies with a line 或 (or) between them:
// each is an example, located at its first line. Other text after the
// value is still reported.
func TestAlternativeExamplesInOneBlock(t *testing.T) {
	const tables = "## 请求参数\n\n**表 1**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|action|是|String|操作|\n\n"
	for _, tc := range []struct {
		name, block string
		lines       []int
		warn        string
	}{
		{"或 between", "{\n  \"action\": \"create\"\n}\n或\n{\n  \"action\": \"delete\"\n}", []int{18, 22}, ""},
		{"or, indented", "{\"action\": \"create\"}\n   or\n{\"action\": \"delete\"}\n或者\n[{\"action\": \"x\"}]", []int{18, 20, 22}, ""},
		{"other text", "{\"action\": \"create\"}\n说明：两者择一", []int{18}, "text after this JSON value"},
		{"或 on the value's line", "{\"action\": \"create\"} 或\n{\"action\": \"delete\"}", []int{18}, "text after this JSON value"},
	} {
		page := "# 批量操作标签\n\n## URI\n\nPOST /v2/{project_id}/tags/action\n\n" + tables + "## 请求示例\n\n```\n" + tc.block + "\n```\n"
		pg, diags := ReadAPIReference("p.md", []byte(page))
		op := pg.Operations[0]
		var lines []int
		for _, e := range op.RequestBody.Examples {
			lines = append(lines, e.Loc.Line)
		}
		if fmt.Sprint(lines) != fmt.Sprint(tc.lines) {
			t.Errorf("%s: examples at lines %v, want %v", tc.name, lines, tc.lines)
		}
		if tc.warn == "" && len(diags) > 0 || tc.warn != "" && (len(diags) != 1 || !strings.Contains(diags[0].Msg, tc.warn)) {
			t.Errorf("%s: diagnostics %v, want %q", tc.name, diags, tc.warn)
		}
	}
}

// A description's link to a table that names another type, where a table
// is captioned with the row's own name, is a stale link: the caption wins,
// with a warning on the row.
func TestStaleDescriptionLink(t *testing.T) {
	page := "# 查询名称服务器列表\n\n## URI\n\nGET /v2/nameservers\n\n## 响应\n\n" +
		"**表 2**  响应样例的要素说明\n\n|名称|参数类型|说明|\n|--|--|--|\n|nameservers|Array of objects|详细内容请参见[表4](#t4)。|\n\n" +
		"**表 3**  nameservers参数说明\n\n|名称|参数类型|说明|\n|--|--|--|\n|type|String|类型|\n|ns_records|Array of objects|详细内容请参见[表4](#t4)。|\n\n" +
		"**表 4**  ns\\_records参数说明\n\n<a name=\"t4\"></a>\n|名称|参数类型|说明|\n|--|--|--|\n|hostname|String|主机名|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := "200 body: object\n  nameservers: array of object nameservers\n    type: string\n    ns_records: array of object ns_records\n      hostname: string\n"
	if got := describe(pg.Operations[0]); got != want {
		t.Errorf("got\n%swant\n%s(diagnostics %v)", got, want, diags)
	}
	if len(diags) != 1 || diags[0].Loc.Row != 1 || diags[0].Loc.Table != "表 2 响应样例的要素说明" || !strings.Contains(diags[0].Msg, `is captioned with the row's name; read from "表 3 nameservers参数说明"`) {
		t.Errorf("diagnostics %v, want one warning at the nameservers row", diags)
	}
}

// ModelArts 部署在线服务 (synthetic page in its shape): the sample fills a
// Python list before the SDK call; the list's append is no SDK call, and
// does not name the operation.
func TestSDKCallIsNotAPythonMethod(t *testing.T) {
	page := "# 部署在线服务\n\n```\nconfigs = []\npredictor = model_instance.deploy_predictor(configs=configs)\n```\n\n" +
		"```\nconfigs.append(config1)\n```\n\n" +
		"**表 1**  请求参数说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|configs|是|String|a|\n"
	pg, _ := ReadSDKReference("p.md", []byte(page))
	if len(pg.Operations) != 1 {
		t.Fatalf("got %d operations, want 1", len(pg.Operations))
	}
	var names []string
	for _, h := range pg.Operations[0].IDHints {
		names = append(names, h.Name)
	}
	if want := []string{"DeployPredictor"}; !slices.Equal(names, want) {
		t.Errorf("id hints = %q, want %q", names, want)
	}
}
