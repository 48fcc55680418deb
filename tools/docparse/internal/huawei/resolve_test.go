package huawei

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Pages in the shape of the corpus's layouts, for what the readable corpus
// pages do not show (RDS's typeless body tables sit under section names
// the readers learn elsewhere).

func readPage(t *testing.T, page string) (*model.Operation, model.Diagnostics) {
	t.Helper()
	pg, diags := ReadAPIReference("p.md", []byte(page))
	return pg.Operations[0], diags
}

func checkOp(t *testing.T, op *model.Operation, diags model.Diagnostics, want string, wantDiags ...string) {
	t.Helper()
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	got := diagLines(diags, model.Note, model.Warning, model.Error)
	if diff := cmp.Diff(wantDiags, got, cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") })); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A body table without a type column: each field takes its example
// value's type, a linked table's object (an array when the example holds
// one), else string with a warning.
func TestUntypedBodyTakesExampleTypes(t *testing.T) {
	page := "# 创建实例\n\n## URI\n\nPOST /v3/{project_id}/instances\n\n" +
		"|名称|是否必选|说明|\n|--|--|--|\n|project_id|是|项目ID。|\n\n" +
		"## 请求参数\n\n**表 2**  参数说明\n\n|名称|是否必选|说明|\n|--|--|--|\n" +
		"|name|是|实例名称。|\n|port|否|端口。|\n|ratio|否|比例。|\n|ha|否|是否主备。|\n" +
		"|volume|是|磁盘信息。详情请参见[表3](#table3)。|\n|nodes|否|节点。详情请参见[表4](#table4)。|\n" +
		"|labels|否|标签。|\n|remark|否|备注。|\n\n" +
		"**表 3**  volume字段数据结构说明\n\n<a name=\"table3\"></a>\n|名称|是否必选|说明|\n|--|--|--|\n|type|是|磁盘类型。|\n|size|是|磁盘大小。|\n\n" +
		"**表 4**  nodes字段数据结构说明\n\n<a name=\"table4\"></a>\n|名称|是否必选|说明|\n|--|--|--|\n|id|是|节点ID。|\n\n" +
		"## 请求示例\n\n```\n{\"name\": \"db\", \"port\": 3306, \"ratio\": 0.5, \"ha\": true, \"volume\": {\"type\": \"ULTRAHIGH\", \"size\": 100},\n" +
		" \"nodes\": [{\"id\": \"n1\"}], \"labels\": [\"a\"]}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `path project_id*: string
request body*: object
  name*: string
  port: integer
  ratio: number/double
  ha: boolean
  volume*: object volume
    type*: string
    size*: integer
  nodes: array of object nodes
    id*: string
  labels: array of string
`+"  remark: string\n",
		"15 note: table has no type column; each field takes the type its value in the page's example has, or the object of the table it links to",
		"24 warning: table has no type column and no example shows \"remark\"; read as a string",
		"29 note: table has no type column; each field takes the type its value in the page's example has, or the object of the table it links to",
		"37 note: table has no type column; each field takes the type its value in the page's example has, or the object of the table it links to",
		"7 note: table has no type column; its parameters are read as strings",
	)
}

// Timestamp is an epoch integer or a date-time string by what the example
// and description say; neither saying is a warning and no type.
func TestTimestampByExampleAndDescription(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
		"|created|Timestamp|创建时间。|\n|updated|Timestamp|更新时间。|\n|expires|Timestamp|过期时间，单位为毫秒。|\n" +
		"|begin|Timestamp|开始时间，格式为yyyy-MM-ddTHH:mm:ssZ。|\n|other|Timestamp|其他时间。|\n|name|String(255)|名称。|\n\n" +
		"## 响应示例\n\n```\n{\"created\": 1617171717000, \"updated\": \"2021-03-31T06:21:57Z\"}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  created: integer/int64
  updated: string/date-time
  expires: integer/int64
  begin: string/date-time
  other: any
  name: string(max 255)
`,
		`17 warning: type "Timestamp": neither the description nor an example says whether it is an epoch number or a date-time string; the value is left untyped (any JSON value)`)
}

// An array whose type names no item type takes its items from the table
// its row links to, else from the example, else warns.
func TestBareArrayItems(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
		"|jobs|列表数据结构|任务列表。详情请参见[表2](#t2)。|\n|ids|Array|ID列表。|\n|misc|list|其他。|\n|sizes|JSON Array|大小。|\n\n" +
		"**表 2**  jobs字段数据结构说明\n\n<a name=\"t2\"></a>\n|参数|参数类型|描述|\n|--|--|--|\n|id|String|任务ID。|\n\n" +
		"## 响应示例\n\n```\n{\"jobs\": [], \"ids\": [\"a\", \"b\"], \"misc\": [], \"sizes\": [1, 2]}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  jobs: array of object jobs
    id: string
  ids: array of string
  misc: array of any
  sizes: array of integer
`,
		`15 warning: type "list" names no item type; items left untyped (any JSON value: no table or example says what they are)`)
}

// 字典数据结构 and 列表数据结构 point at their tables by label ("请参见表3"),
// with or without a link; with no table a dict is a map of any values.
// Maps of other types carry their value type.
func TestDictAndListByLabel(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**表 1**  要素说明\n\n|名称|参数类型|说明|\n|--|--|--|\n" +
		"|instance|字典数据结构，请参见表3。|实例。|\n|nodes|列表数据结构，请参见表4。|节点。|\n|extra|字典数据结构|其他。|\n" +
		"|meta|Map<String,Object>|元数据。|\n|counts|Map<String,Integer>|计数。|\n|labels|Map<String,Array<String>>|标签。|\n\n" +
		"**表 3**  instance字段数据结构说明\n\n|名称|参数类型|说明|\n|--|--|--|\n|id|String|实例ID。|\n\n" +
		"**表 4**  node字段数据结构说明\n\n|名称|参数类型|说明|\n|--|--|--|\n|name|String|节点名。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `200 body: object
  instance: object instance
    id: string
  nodes: array of object node
    name: string
  extra: map of any
  meta: map of free-form object
  counts: map of integer/int64
  labels: map of array of string
`)
}

// Object rows that nothing ties to a table: one row takes the table right
// after its own; several take the next tables in order when those are
// leaves; when they nest, the order proves nothing and they stay warnings.
func TestPairUnlinkedRowsWithFollowingTables(t *testing.T) {
	head := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**状态码： 200**\n\n**表 1**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
		"|a|Object|甲。|\n|b|Array of objects|乙。|\n\n"
	leaves := head + "**表 2**  Alpha\n\n|参数|参数类型|描述|\n|--|--|--|\n|x|String|x。|\n\n" +
		"**表 3**  Beta\n\n|参数|参数类型|描述|\n|--|--|--|\n|y|Integer|y。|\n"
	op, diags := readPage(t, leaves)
	checkOp(t, op, diags, `200 body: object
  a: object Alpha
    x: string
  b: array of object Beta
    y: integer/int64
`,
		`15 note: object "a" names no table; read from "表 2 Alpha", the table that follows in its section`,
		`16 note: object "b" names no table; read from "表 3 Beta", the table that follows in its section`)

	nested := head + "**表 2**  Alpha\n\n|参数|参数类型|描述|\n|--|--|--|\n|x|Object|x。|\n\n" +
		"**表 3**  Gamma\n\n|参数|参数类型|描述|\n|--|--|--|\n|z|String|z。|\n\n" +
		"**表 4**  Beta\n\n|参数|参数类型|描述|\n|--|--|--|\n|y|Integer|y。|\n"
	op, diags = readPage(t, nested)
	if a := op.Responses[0].Body.Schema.Property("a").Schema; !a.FreeForm {
		t.Errorf("a paired although the tables nest: %+v", a)
	}
	if n := len(diagLines(diags, model.Warning)); n < 2 {
		t.Errorf("want warnings for the rows left unpaired, got %q", diagLines(diags, model.Note, model.Warning))
	}
	// A table in another status's section is not paired.
	other := head + "**状态码： 400**\n\n**表 2**  Alpha\n\n|参数|参数类型|描述|\n|--|--|--|\n|x|String|x。|\n"
	op, _ = readPage(t, other)
	if a := op.Responses[0].Body.Schema.Property("a").Schema; !a.FreeForm {
		t.Errorf("a paired with a table of another status: %+v", a)
	}
}

// A top-level array body ("[数组元素]"), and an object table whose only
// row is the placeholder: the member is the array itself.
func TestArrayPlaceholders(t *testing.T) {
	page := "# 更新\n\n## URI\n\nPUT /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|[数组元素]|是|Array of [Thing](#request_Thing) objects|东西。|\n\n" +
		"**表 2**  Thing\n\n<a name=\"request_Thing\"></a>\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|id|是|String|ID。|\n|tags|否|[Tags](#request_Tags) object|标签。|\n\n" +
		"**表 3**  Tags\n\n<a name=\"request_Tags\"></a>\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|数组元素|否|Array of strings|标签。|\n\n" +
		"## 响应参数\n\n**表 4**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|[数组元素]|Array of integers|结果。|\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: array of object Thing
  id*: string
  tags: array of string
200 body: array of integer/int64
`)
}

// When a table ties some object rows to tables by name, an untied one is
// not paired with whatever table follows; names match across case and
// '_'; a description's table label counts only when that table's name fits
// (pages renumbered since point at the wrong one).
func TestNamesBeforeOrder(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应参数\n\n**表 1**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
		"|labels_map|Object|标签。|\n|ai_project|Object|AI项目。|\n|workspace|Object|工作空间，如表9所示。|\n|user|Object|用户，如表4所示。|\n\n" +
		"**表 2**  metric参数说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|f1|Double|f1。|\n\n" +
		"**表 3**  AIProject\n\n|参数|参数类型|描述|\n|--|--|--|\n|id|String|ID。|\n\n" +
		"**表 4**  workspace字段数据结构说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|id|String|ID。|\n\n" +
		"**表 5**  参数说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|name|String|名称。|\n"
	op, diags := readPage(t, page)
	got := describe(op)
	want := `200 body: object
  labels_map: free-form object
  ai_project: object AIProject
    id: string
  workspace: object workspace
    id: string
  user: free-form object
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	// 表 5 names no type, but "如表4所示" is workspace's table, not user's.
	wantWarnings := []string{
		`13 warning: object "labels_map" has no table describing its fields (looked for captions ["labels_map"]); left as a free-form object`,
		`16 warning: object "user" has no table describing its fields (looked for captions ["user"]); left as a free-form object`,
		`20 warning: object table is not referenced by any parameter; ignored`,
		`38 warning: object table is not referenced by any parameter; ignored`,
	}
	if w := diagLines(diags, model.Warning); !cmp.Equal(w, wantWarnings) {
		t.Errorf("want warnings for labels_map, user and the two tables no row takes, got %q", w)
	}
}

// A type cell that gives no type ("无", "-", empty) reads like a row of a
// table without a type column: the example's type; else, as the cell says
// it is no string either, untyped with a warning.
func TestNoTypeCell(t *testing.T) {
	page := "# 操作\n\n## URI\n\nPOST /v1/things/action\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|restart|是|无|空值。|\n|mode|否|-|模式。|\n|count|否||次数。|\n|unlock|否|null|解锁。|\n\n## 请求示例\n\n```\n{\"restart\": {}, \"count\": 2, \"unlock\": null}\n```\n"
	op, diags := readPage(t, page)
	checkOp(t, op, diags, `request body*: object
  restart*: object
  mode: any
  count: integer
  unlock: any or null
`,
		`13 note: type cell "无" gives no type; the value is read as a row without one`,
		`14 note: type cell "-" gives no type; the value is read as a row without one`,
		`14 warning: no type and no example shows "mode"; the value is left untyped (any JSON value)`,
		`15 note: type cell "" gives no type; the value is read as a row without one`,
		`16 note: the example's "unlock" is null; the value is left untyped (any JSON value, null included)`,
		`16 note: type cell "null" gives no type; the value is read as a row without one`)
}
