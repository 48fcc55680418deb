package huawei

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Every spelling the corpus's type columns use, and the list, read
// into the type they name; the rest stay unknown (the caller warns).
func TestTypeSpellings(t *testing.T) {
	for in, want := range map[string]string{
		"String":                                "string",
		"String。":                               "string",
		"Int。":                                  "integer/int64",
		"Byte":                                  "integer/int64",
		"Double":                                "number/double",
		"Array<Object>":                         "array<object>",
		"Array<String>":                         "array<string>",
		"List<predefine_tag>":                   "array<object(predefine_tag)>",
		"List<Integer>":                         "array<integer/int64>",
		"List<String>。":                         "array<string>",
		"List of String":                        "array<string>",
		"List of 表6":                            "array<object(表6)>",
		"List(Dict)":                            "array<object>",
		"Array":                                 "array",
		"list":                                  "array",
		"JSON Array":                            "array",
		"JSONArray":                             "array",
		"StringArray":                           "array<string>",
		"[]String":                              "array<string>",
		"String[]":                              "array<string>",
		"*String":                               "string",
		"Dict":                                  "object",
		"Array of objects":                      "array<object>",
		"Array of UserAuth objects":             "array<object(UserAuth)>",
		"Array of strings":                      "array<string>",
		"Array GraphItem":                       "array<object(GraphItem)>",
		"List strings":                          "array<string>",
		"Secret object":                         "object(Secret)",
		"Map<String,String>":                    "map<string>",
		"Map<String, String>":                   "map<string>",
		"Map<String,Object>":                    "map<object>",
		"Map<String,Integer>":                   "map<integer/int64>",
		"Map<String,Array<String>>":             "map<array<string>>",
		"Map<String,Map<String,Array<String>>>": "map<map<array<string>>>",
		"Map<String,HardDetail>":                "map<object(HardDetail)>",
		"Array<Map<String,Object>>":             "array<map<object>>",
		"Timestamp":                             "timestamp",
		"Uuid-Str":                              "string",
		"UUID":                                  "string",
		"enum":                                  "enum",
		"Enum。":                                 "enum",
		"String(255)":                           "string(255)",
		"Integer or Float":                      "number/double",
		"Long or Integer":                       "integer/int64",
		"params结构数组":                            "array<object(params)>",
		"apis结构体数组":                             "array<object(apis)>",
		"logVolume数组结构":                         "array<object(logVolume)>",
		"String数组":                              "array<string>",
		"不同infer_type的config结构数组":               "array<object>",
		"Specification结构":                       "object(Specification)",
		"InputParams 结构体":                       "object(InputParams)",
		"Model对象":                               "object(Model)",
		"字典数据结构":                                "object(dict)",
		"字典数据结构，请参见表3。":                         "object(dict)(表3)",
		"列表数据结构":                                "array",
		"列表类型数据结构":                              "array",
		"列表数据结构，请参见表17。":                        "array<object(表17)>",
		"列表数据结构，请参见“获取实例列表”章节的表4。": "array", // another page's 表4
		"列表数据结构，请参见本章节的表4。":        "array<object(表4)>",
		"表3":            "object(表3)",
		"字符串":           "string",
		"数值类型":          "number/double",
		"整数":            "integer/int64",
		"布尔型":           "boolean",
		"UNIX时间戳":       "timestamp",
		"jsonString":    "string",
		"JSON array对象":  "array",
		"phones参数结构体":   "object(phones)",
		"JSON object对象": "object",
		// Not read: no guess.
		"Array&lt;String&gt;": "",
		"Map<Integer,String>": "",
		"Map<String>":         "",
		"List<A>B>":           "",
		"String or Integer":   "",
		"String(abc)":         "",
		"字典数据结构。 创建单实例、HA实例请参见表3。 创建只读副本请参见表4。": "",
		"Booleab": "",
		"null":    "",
		"无":       "",
		"包括predictor configs结构和transformer configs":                                                                          "",
		"Map<String,Map<String,Map<String,Map<String,Map<String,Map<String,Map<String,Map<String,Map<String,String>>>>>>>>>": "",
	} {
		ref, ok := readType(in)
		got := ""
		if ok {
			got = ref.String()
		}
		if got != want {
			t.Errorf("readType(%q) = %q, want %q", in, got, want)
		}
	}
}

// object and array summarise a type for the callers that only ask whether
// the value lives in another table.
func TestTypeSummary(t *testing.T) {
	for in, want := range map[string][2]bool{
		"String":                 {false, false},
		"Array<String>":          {false, true},
		"Array of Tag objects":   {true, true},
		"Map<String,HardDetail>": {true, false},
		"Map<String,String>":     {false, false},
		"Secret object":          {true, false},
	} {
		ref, _ := readType(in)
		if ref.object != want[0] || ref.array != want[1] {
			t.Errorf("readType(%q): object %v array %v, want %v", in, ref.object, ref.array, want)
		}
	}
}

// Any cell text reads without a panic, and a type read names a kind all
// the way down (no array or map of an unset kind).
func FuzzReadType(f *testing.F) {
	for _, s := range []string{"Map<String,Array<String>>", "List<A>B>", "字典数据结构，请参见表3。", "Array of Tag objects", "String(255)",
		"[][]String", "*[]*String", "Map<String,Map<String,", "Integer or Float", "表", "列表数据结构，请参见表", "<>", "Array<>", "结构数组", "Uuid-Str", "enum"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, ok := readType(s)
		if !ok {
			return
		}
		for r := &ref; r != nil; r = r.elem {
			if r.kind == 0 || (r.elem != nil && r.kind != refArray && r.kind != refMap) {
				t.Fatalf("readType(%q) = %s: a kind left unset or an element on a scalar", s, ref)
			}
		}
	})
}

func TestTableLabels(t *testing.T) {
	for in, want := range map[string]string{
		"详情请参见表3。":        "表3",
		"请参见表 12":         "表12",
		"见表3-1。":          "表3-1",
		"表3和表4":           "",
		"请参见表3，表3说明了字段":   "表3",
		"参见“获取实例列表”章节的表4": "",
		"列表":  "",
		"表-1": "",
	} {
		if got := descLabel(in); got != want {
			t.Errorf("descLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// A description with thousands of "表" is read in one pass: descLabel once
// built and rescanned the rest of the text at every "表" (a 60 KB page took
// 17 s). Allocations tell the two apart without timing anything.
func TestDescLabelIsLinear(t *testing.T) {
	desc := "如表2所示" + strings.Repeat("表", 20000)
	if got := descLabel(desc); got != "表2" {
		t.Errorf("descLabel = %q, want 表2", got)
	}
	if allocs := testing.AllocsPerRun(3, func() { descLabel(desc) }); allocs > 4 {
		t.Errorf("descLabel allocates %v times on 20,000 表; want a single pass", allocs)
	}
	if got := descLabel("详情请参见表3，或表4。"); got != "" {
		t.Errorf("two labels: %q, want none", got)
	}
}

// A cell saying only "enum" takes the type its example value shows, else
// string, with a located note either way; "Uuid-Str" is a string.
func TestEnumAndUUIDCells(t *testing.T) {
	page := "# 删除Zone\n\n## URI\n\nDELETE /v2/zones/{zone_id}\n\n" +
		"**表 1**  路径参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|zone_id|是|Uuid-Str|Zone ID|\n\n" +
		"## 响应\n\n**表 2**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|status|enum|状态|\n|masters|enum|主节点|\n|mode|enum|模式|\n|serial|int|序列|\n\n" +
		"## 响应样例\n\n```\n{\"status\": \"PENDING_DELETE\", \"masters\": [], \"serial\": 1}\n```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	op := pg.Operations[0]
	want := "path zone_id*: string\n" +
		"200 body: object\n  status: string\n  masters: array of any\n  mode: string\n  serial: integer/int64\n"
	if got := describe(op); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	var notes []string
	for _, d := range diags {
		if d.Severity != model.Note || d.Loc.What != "参数类型" {
			t.Errorf("unexpected diagnostic %v", d)
			continue
		}
		notes = append(notes, fmt.Sprintf("%d %s", d.Loc.Row, d.Msg))
	}
	wantNotes := []string{
		`1 type "enum" names no value type; read as string, as the example shows`,
		`2 type "enum" names no value type; read as array, as the example shows`,
		`3 type "enum" names no value type and no example shows one; read as a string`,
	}
	if strings.Join(notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(wantNotes, "\n"))
	}
}

// APM 查询调用链 and Kafka V1 查询消费分组信息 (synthetic page in their
// shape): a type cell that is only a table's name, alone or after "Array
// of object", reads as that table's object; a name no table has stays an
// unknown type.
func TestTypeNamingATable(t *testing.T) {
	page := func(typ string) string {
		return "# 查询\n\n## URI\n\nGET /v1/traces\n\n## 响应消息\n\n**表 1**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n|info|" + typ + "|结果。|\n\n" +
			"**表 2**  result字段数据结构说明\n\n|参数|参数类型|描述|\n|--|--|--|\n|count|Integer|总数。|\n"
	}
	for _, tc := range []struct{ typ, want string }{
		{"result", "object{info:result{count:integer(int64)}}"},
		{"Array of object result", "object{info:[result{count:integer(int64)}]}"},
		{"resulting", "object{info:any}"},
	} {
		pg, _ := ReadAPIReference("p.md", []byte(page(tc.typ)))
		if got := schemaText(pg.Operations[0].Responses[0].Body.Schema, 3); got != tc.want {
			t.Errorf("type %q: body = %s, want %s", tc.typ, got, tc.want)
		}
	}
}

// AOS (synthetic pages in their shape): a Map<String,Object> or a map by
// its description whose example's keys are data and whose values are the
// linked table's objects is a map of them; a type naming several kinds of
// value is any of them, with a note.
func TestMapsOfTableObjectsAndUnions(t *testing.T) {
	page := func(typ, desc, example string) string {
		return "# 查询\n\n## URI\n\nGET /v2/stacks/{stack_id}/outputs\n\n## 响应消息\n\n**表 1**  响应参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
			"|outputs|" + typ + "|" + desc + "详情请参见[表2](#t2)。|\n\n<a name=\"t2\"></a>\n**表 2**  输出\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
			"|value|Integer or String or Float or Boolean|值。|\n|description|String|描述。|\n\n## 响应示例\n\n```\n" + example + "\n```\n"
	}
	data := `{"outputs": {"address_ip": {"value": "1.2.3.4", "description": "ip"}}}`
	fields := `{"outputs": {"value": 1, "description": "d"}}`
	for _, tc := range []struct {
		name, typ, desc, example string
		isMap                    bool
	}{
		{"Map<String,Object>, data keys", "Map<String,Object>", "key为输出名称，value为输出。", data, true},
		{"Object said to be key-value, data keys", "Object", "每个key-value结构表示一个输出。", data, true},
		{"Object, data keys, no word of a map", "Object", "输出。", data, false},
		{"Map<String,Object>, the table's own keys", "Map<String,Object>", "输出。", fields, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ReadAPIReference("p.md", []byte(page(tc.typ, tc.desc, tc.example)))
			outputs := pg.Operations[0].Responses[0].Body.Schema.Property("outputs").Schema
			isMap := outputs.AdditionalProperties != nil && outputs.AdditionalProperties.Property("description") != nil
			if isMap != tc.isMap {
				t.Errorf("outputs = %s (additionalProperties %v), want a map of the table's objects: %v", schemaText(outputs, 2), outputs.AdditionalProperties, tc.isMap)
			}
			if diags.Count(model.Warning) != 0 && tc.isMap {
				t.Errorf("warnings: %v", diags)
			}
		})
	}
}

func TestPrimitiveUnions(t *testing.T) {
	for _, tc := range []struct {
		t            string
		array, union bool
		file         bool
	}{
		{"Integer or String or Float or Boolean", false, true, false},
		{"Array of integers/string/float/boolean", true, true, false},
		{"String or Binary", false, true, true},
		{"String", false, false, false},
		{"Tag or Label", false, false, false},
	} {
		array, file, union := primitiveUnion(tc.t)
		if array != tc.array || union != tc.union || file != tc.file {
			t.Errorf("%q: array %v union %v file %v; want %v %v %v", tc.t, array, union, file, tc.array, tc.union, tc.file)
		}
	}
}
