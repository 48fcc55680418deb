package huawei

import (
	"slices"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// How a row's shape is decided and which table describes it (issue 9,
// survey E patterns 2 and 4). Every page here is synthetic: a few lines in
// the shape of the template named.

// shapesPage is a GET page whose 200 body is the tables given, followed by
// the examples given (each a JSON text).
func shapesPage(tables string, examples ...string) string {
	page := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n" + tables
	for _, ex := range examples {
		page += "\n-   响应示例\n\n    ```\n    " + ex + "\n    ```\n"
	}
	return page
}

const shapesHeader = "|参数|参数类型|描述|\n|--|--|--|\n"

// A bare link to a table as the type (CCI's `<a href="#…">表2</a>`), or
// "X object", with an array of the table's objects in the example: an
// array of that table, with a note for the bare link (it names no shape)
// and a warning for "object" (it states the other one). The 字典数据结构
// form, read so before, goes through the same rule.
func TestTableRowReadAsArrayTheExampleShows(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n"+shapesHeader+
		"|kind|String|种类。|\n"+
		"|cidrs|[表2](#t2)|地址列表。|\n"+
		"|info|[PublishInfo](#t3) object|推流信息。|\n"+
		"|files|字典数据结构，请参见表2。|文件。|\n\n"+
		"**表 2**  cidrs字段数据结构说明\n\n<a name=\"t2\"></a>\n"+shapesHeader+"|clientCIDR|String|网段。|\n|serverAddress|String|地址。|\n\n"+
		"**表 3**  PublishInfo参数说明\n\n<a name=\"t3\"></a>\n"+shapesHeader+"|domain|String|域名。|\n",
		`{"kind": "APIVersions", "cidrs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "1.2.3.4"}], "info": [{"domain": "a.com"}], "files": [{"clientCIDR": "x"}]}`)
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  kind: string
  cidrs: array of object cidrs
    clientCIDR: string
    serverAddress: string
  info: array of object PublishInfo
    domain: string
  files: array of object cidrs
    clientCIDR: string
    serverAddress: string
`,
		`14 note: type "表2" and the example holds an array; read as an array of "表 2 cidrs字段数据结构说明"`,
		`15 warning: type "PublishInfo object", but the example holds an array of "表 3 PublishInfo参数说明"'s objects wherever it shows the row; read as an array of them`,
		`16 note: type "字典数据结构，请参见表2。" and the example holds an array; read as an array of "表 2 cidrs字段数据结构说明"`,
	)
	if len(op.Responses) == 0 || op.Responses[0].Body == nil || len(op.Responses[0].Body.Examples) != 1 {
		t.Errorf("the example is not kept: %+v", op.Responses)
	}
}

// "Array of objects" with, in every example and at every depth, one
// object of the linked table's members (BMS 查询Job状态): that object,
// with a warning naming the table.
func TestArrayRowReadAsObjectTheExampleShows(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n"+shapesHeader+
		"|status|String|状态。|\n"+
		"|entities|Array of objects|对象。请参见[表2](#t2)。|\n\n"+
		"**表 2**  entities字段数据结构说明\n\n<a name=\"t2\"></a>\n"+shapesHeader+
		"|sub_jobs_total|Integer|数量。|\n|sub_jobs|Array of objects|子任务。请参见[表3](#t3)。|\n\n"+
		"**表 3**  sub_jobs字段数据结构说明\n\n<a name=\"t3\"></a>\n"+shapesHeader+
		"|status|String|状态。|\n|entities|Array of objects|对象。请参见[表4](#t4)。|\n\n"+
		"**表 4**  entities字段数据结构说明\n\n<a name=\"t4\"></a>\n"+shapesHeader+
		"|server_id|String|服务器。|\n|nic_id|String|网卡。|\n",
		`{"status": "SUCCESS", "entities": {"sub_jobs_total": 2, "sub_jobs": [{"status": "SUCCESS", "entities": {"server_id": "s1"}}, {"status": "FAIL", "entities": {"nic_id": "n1"}}]}}`,
		`{"status": "INIT", "entities": {"sub_jobs_total": 0, "sub_jobs": []}}`)
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  status: string
  entities: object entities
    sub_jobs_total: integer/int64
    sub_jobs: array of object sub_jobs
      status: string
      entities: object entities
        server_id: string
        nic_id: string
`,
		`14 warning: type "Array of objects", but the example holds one object of "表 2 entities字段数据结构说明"'s members wherever it shows the row; read as that object`,
		`30 warning: type "Array of objects", but the example holds one object of "表 4 entities字段数据结构说明"'s members wherever it shows the row; read as that object`,
	)
	if got := len(op.Responses[0].Body.Examples); got != 2 {
		t.Errorf("%d examples kept, want 2", got)
	}
}

// The declared shape stays where the example does not clearly show the
// other one: an example that holds an array once and an object once, an
// array of objects sharing no member with the table, an object sharing
// none where the type says array, and a row no example shows.
func TestDeclaredShapeKeptWithoutClearExample(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n"+shapesHeader+
		"|mixed|[表2](#t2)|两种。|\n"+
		"|strangers|[表2](#t2)|无共同成员。|\n"+
		"|list|Array of objects|列表。请参见[表2](#t2)。|\n"+
		"|unshown|[表2](#t2)|未示例。|\n\n"+
		"**表 2**  item字段数据结构说明\n\n<a name=\"t2\"></a>\n"+shapesHeader+"|id|String|ID。|\n",
		`{"mixed": [{"id": "a"}], "strangers": [{"other": 1}]}`,
		`{"mixed": {"id": "c"}, "list": {"zzz": 1}}`)
	op, diags := readPage(t, page)
	got := describe(op)
	want := `200 body: object
  mixed: object item
    id: string
  strangers: object item
    id: string
  list: array of object item
    id: string
  unshown: object item
    id: string
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, d := range diagLines(diags, model.Note, model.Warning) {
		if strings.Contains(d, "read as an array") || strings.Contains(d, "read as that object") {
			t.Errorf("unexpected reshaping: %s", d)
		}
	}
}

// A table captioned with a dotted path ("metadata.annotations必选字段数据
// 结构说明", CCI) describes member annotations of metadata, not metadata:
// the row linking to it keeps its own type (here a table on another page,
// left to the cross-page stage) and gains the member, required as the
// table has required rows, open to other keys as its names are keys.
func TestDottedCaptionDescribesMember(t *testing.T) {
	page := "# 创建Network\n\n## URI\n\nPOST /apis/networks\n\n## 请求消息\n\n**表 3**  请求参数\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|kind|Yes|String|种类。|\n" +
		"|metadata|Yes|[表10](公共参数.md#t10)|Standard object metadata.<br>其中annotations字段请参见[表4](#t4)。|\n\n" +
		"**表 4**  metadata.annotations必选字段数据结构说明\n\n<a name=\"t4\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|network.alpha.kubernetes.io/project-id|Yes|String|项目。|\n" +
		"|network.alpha.kubernetes.io/domain-id|Yes|String|账号。|\n\n" +
		"## 请求示例\n\n```\n{\"kind\": \"Network\", \"metadata\": {\"name\": \"n\", \"annotations\": {\"network.alpha.kubernetes.io/project-id\": \"p\", \"network.alpha.kubernetes.io/domain-id\": \"d\", \"other/key\": \"x\"}}}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  kind*: string
  metadata*: free-form object
    annotations*: free-form object
      network.alpha.kubernetes.io/project-id*: string
      network.alpha.kubernetes.io/domain-id*: string
`,
		`19 note: caption names member "annotations" of "metadata", which is not listed there; added as that member, read from this table`,
		`19 note: the table's names are keys, not field names; read as an object with these members that may have others`,
	)
	if op.RequestBody == nil || len(op.RequestBody.Examples) != 1 {
		t.Errorf("the request example is not kept")
	}
}

// With the parent's table on the page: a member row without a table of
// its own ("Object") takes the dotted table; a member the table lacks is
// added; the row "metadata" is not read from a member's table, though its
// description links to it.
func TestDottedCaptionOnPageTable(t *testing.T) {
	page := "# 创建\n\n## URI\n\nPOST /apis/things\n\n## 请求消息\n\n**表 1**  请求参数\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|metadata|Yes|[表2](#t2)|元数据，labels请参见[表3](#t3)。|\n\n" +
		"**表 2**  metadata字段数据结构说明\n\n<a name=\"t2\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|name|Yes|String|名称。|\n|labels|No|Object|标签。|\n\n" +
		"**表 3**  metadata.labels字段说明\n\n<a name=\"t3\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|app|No|String|应用。|\n\n" +
		"**表 4**  metadata.annotations字段说明\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|owner|No|String|所有者。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  metadata*: object metadata
    name*: string
    labels: object metadata.labels
      app: string
    annotations: object metadata.annotations
      owner: string
`,
		`32 note: caption names member "annotations" of "metadata", which is not listed there; added as that member, read from this table`,
	)
}

// An object row with no link, followed by the table of one of its members
// (IAM's "Condition | Object" and "roles.policy.Statement.Condition.operator"):
// the table is the member's, not the row's, which stays open to other
// members, without a warning that it has no table.
func TestDottedCaptionAfterParentRow(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n"+shapesHeader+
		"|Statement|Array of objects|语句。|\n\n"+
		"**表 2**  Statement\n\n"+shapesHeader+"|Effect|String|作用。|\n|Condition|Object|条件。|\n\n"+
		"**表 3**  Statement.Condition.operator\n\n"+shapesHeader+"|attribute|Array of strings|条件键。|\n",
		`{"Statement": [{"Effect": "Allow"}]}`)
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  Statement: array of object Statement
    Effect: string
    Condition: free-form object
      operator: object Statement.Condition.operator
        attribute: array of string
`,
		`24 note: caption names member "operator" of "Statement.Condition", which is not listed there; added as that member, read from this table`,
	)
}

// One object row documented by two tables, one a case, linked from its
// type cell (RDS 创建实例: "字典数据结构。创建单实例请参见表3。创建只读副本请参见
// 表4。"): one object with the members of both, required where both
// require them, each saying which case documents it; a member whose type
// differs keeps the first, with a warning. Every example is kept.
func TestLinkedAlternativesUnion(t *testing.T) {
	page := "# 创建实例\n\n## URI\n\nPOST /v1/instances\n\n## 请求消息\n\n**表 2**  参数说明\n\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
		"|instance|是|字典数据结构。<br>创建单实例请参见[表3](#t3)。<br>创建只读副本请参见[表4](#t4)。|实例信息。|\n\n" +
		"**表 3**  instance字段数据结构说明（创建单实例）\n\n<a name=\"t3\"></a>\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
		"|name|是|String|名称。|\n|volume|是|字典数据结构，请参见[表5](#t5)。|磁盘。|\n|port|否|Integer|端口。|\n\n" +
		"**表 4**  instance字段数据结构说明（创建只读副本）\n\n<a name=\"t4\"></a>\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
		"|name|是|String|名称。|\n|replicaOf|是|String|主实例。|\n|port|否|String|端口。|\n\n" +
		"**表 5**  volume字段数据结构说明\n\n<a name=\"t5\"></a>\n" +
		"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|size|是|Integer|大小。|\n\n" +
		"## 请求示例\n\n-   创建单实例\n\n    ```\n    {\"instance\": {\"name\": \"a\", \"volume\": {\"size\": 100}, \"port\": 3306}}\n    ```\n\n" +
		"-   创建只读副本\n\n    ```\n    {\"instance\": {\"name\": \"b\", \"replicaOf\": \"a\"}}\n    ```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  instance*: object
    name*: string
    volume: object volume
      size*: integer/int64
    port: integer/int64
    replicaOf: string
`,
		`13 note: object "instance" is documented by 2 alternative tables (创建单实例; 创建只读副本); read as one object with the members of all, required where every one requires them`,
		`31 warning: member "port" is integer in "表 3 instance字段数据结构说明（创建单实例）" but string here; read as the first`,
	)
	if n := len(op.RequestBody.Examples); n != 2 {
		t.Errorf("%d examples kept, want 2", n)
	}
	inst := op.RequestBody.Schema.Property("instance").Schema
	for name, want := range map[string]string{"name": "(documented for: 创建单实例; 创建只读副本)", "replicaOf": "(documented for: 创建只读副本)", "volume": "(documented for: 创建单实例)"} {
		if p := inst.Property(name); p == nil || !strings.HasSuffix(p.Description, want) {
			t.Errorf("member %s: description does not end with %q: %+v", name, want, p)
		}
	}
}

// A row without a link, and several unreferenced tables captioned
// "<case> <name>结构" (ModelArts 部署服务: config, "real-time config结构",
// "batch config结构"): the row's alternatives; "结构数组" makes it an
// array of the union. No table is left unreferenced.
func TestCaptionedAlternativesUnion(t *testing.T) {
	page := "# 部署服务\n\n## URI\n\nPOST /v1/services\n\n## 请求消息\n\n**表 2**  请求参数\n\n" +
		"|参数|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
		"|infer_type|是|String|推理方式。|\n|config|是|对应infer_type的config结构数组|模型运行配置。|\n\n" +
		"**表 3**  real-time config结构\n\n" +
		"|参数|是否必选|参数类型|说明|\n|--|--|--|--|\n|model_id|是|String|模型ID。|\n|weight|是|Integer|权重。|\n\n" +
		"**表 4**  batch config结构\n\n" +
		"|参数|是否必选|参数类型|说明|\n|--|--|--|--|\n|model_id|是|String|模型ID。|\n|src_path|是|String|输入路径。|\n\n" +
		"## 请求示例\n\n```\n{\"infer_type\": \"batch\", \"config\": [{\"model_id\": \"m\", \"src_path\": \"obs://a\"}]}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  infer_type*: string
  config*: array of object
    model_id*: string
    weight: integer/int64
    src_path: string
`,
		`14 note: object "config" is documented by 2 alternative tables (real-time; batch); read as one object with the members of all, required where every one requires them`,
	)
}

// Rows whose descriptions each link to both their tables, each captioned
// with one row's name (IAM's allow_address_netmasks and allow_ip_ranges):
// tables of two rows, not alternatives of one.
func TestLinksToOtherRowsTablesAreNoAlternatives(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n" + shapesHeader +
		"|masks|Array of objects|掩码，见[表2](#t2)，或[表3](#t3)。|\n" +
		"|ranges|Array of objects|范围，见[表2](#t2)，或[表3](#t3)。|\n\n" +
		"**表 2**  masks\n\n<a name=\"t2\"></a>\n" + shapesHeader + "|mask|String|掩码。|\n\n" +
		"**表 3**  ranges\n\n<a name=\"t3\"></a>\n" + shapesHeader + "|range|String|范围。|\n")
	op, diags := readPage(t, page)
	got := describe(op)
	if strings.Contains(got, "range: string\n    mask") || strings.Contains(got, "mask: string\n    range") {
		t.Errorf("a row's tables were united:\n%s", got)
	}
	for _, d := range diagLines(diags, model.Note, model.Warning) {
		if strings.Contains(d, "alternative") {
			t.Errorf("unexpected alternatives: %s", d)
		}
	}
}

// A list the request pages through (page, per_page) stays an array though
// the example shows one object (IAM 查询租户授权信息: role_assignments and
// total_num): an example that lost its brackets, with a note (the
// example is then dropped where the spec is written).
func TestPagedListKeepsArray(t *testing.T) {
	page := "# 查询授权\n\n## URI\n\nGET /v3/role-assignments\n\n**表 1**  Query参数\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|page|否|Integer|页码。|\n|per_page|否|Integer|每页条数。|\n\n" +
		"## 响应参数\n\n**表 2**  响应Body参数\n\n" + shapesHeader +
		"|total_num|Long|总数。|\n|role_assignments|Array of RoleAssignment objects|授权信息。|\n\n" +
		"**表 3**  RoleAssignment\n\n" + shapesHeader + "|id|String|ID。|\n\n" +
		"## 响应示例\n\n```\n{\"total_num\": 1, \"role_assignments\": {\"id\": \"a\"}}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `query page: integer/int64
query per_page: integer/int64
200 body: object
  total_num: integer/int64
  role_assignments: array of object RoleAssignment
    id: string
`,
		`21 note: type "Array of RoleAssignment objects", and the example holds one object of "表 3 RoleAssignment"'s members; kept an array, as the request pages through a list (page)`,
	)
}

// An empty array where the row's type names one object of a table shows
// no element of it: the declared object stays, with no note; an empty
// array beside one of the table's objects does not keep it from being an
// array of them.
func TestEmptyArrayIsNoShape(t *testing.T) {
	tables := "**表 1**  响应\n\n" + shapesHeader + "|info|[表2](#t2)|信息。|\n\n" +
		"**表 2**  info字段数据结构说明\n\n<a name=\"t2\"></a>\n" + shapesHeader + "|domain|String|域名。|\n"
	op, diags := readPage(t, shapesPage(tables, `{"info": []}`))
	checkOp(t, op, diags, "200 body: object\n  info: object info\n    domain: string\n")
	op, diags = readPage(t, shapesPage(tables, `{"info": []}`, `{"info": [{"domain": "a.com"}]}`))
	checkOp(t, op, diags, "200 body: object\n  info: array of object info\n    domain: string\n",
		`13 note: type "表2" and the example holds an array; read as an array of "表 2 info字段数据结构说明"`)
}

// ELB 更新地址组 (synthetic page in its shape): the type links its struct as
// generated pages do ("#response_IpGroup"), and the example holds an
// array of them: the type stands, and the example is the odd one out.
func TestGeneratedTypeLinkKeepsItsShape(t *testing.T) {
	page := shapesPage("**表 1**  响应\n\n"+shapesHeader+
		"|ipgroup|[IpGroup](#response_IpGroup) object|地址组。|\n\n"+
		"**表 2**  IpGroup\n\n<a name=\"response_IpGroup\"></a>\n"+shapesHeader+"|id|String|ID。|\n",
		`{"ipgroup": [{"id": "a"}]}`)
	pg, diags := ReadAPIReference("p.md", []byte(page))
	if got := schemaText(pg.Operations[0].Responses[0].Body.Schema, 2); got != "object{ipgroup:IpGroup{id:string}}" {
		t.Errorf("body = %s, want ipgroup one IpGroup object", got)
	}
	if !slices.ContainsFunc(diags, func(d model.Diagnostic) bool { return strings.Contains(d.Msg, "kept as the type says") }) {
		t.Errorf("no warning that the example disagrees: %v", diags)
	}
}
