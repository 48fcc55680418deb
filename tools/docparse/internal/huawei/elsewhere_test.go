package huawei

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// A row that links to another page of its folder for its fields is left
// to the cross-page stage: a free-form object carrying the link, and no
// warning yet. A parameter's link is no table (it travels as text), and a
// URL is no page of the folder.
func TestRowLinkingToAnotherPage(t *testing.T) {
	page := "# 创建\n\n## URI\n\nPOST /v1/{project_id}/servers\n\n" +
		"**表 1**  Query参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|region|否|Array|见[省份名称缩写](省份名称缩写.md)。|\n\n" +
		"## 请求参数\n\n**表 2**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n" +
		"|publicip|否|Object|详情请参见<a href=\"数据结构(创建云服务器).md#section1846944811410\">publicip字段数据结构说明</a>。|\n" +
		"|topics|否|Topic结构体数组|请参见[Topic结构体](Topic结构体.md)。|\n" +
		"|nics|否|Array of objects|见[表3](查询路由表.md#table3)。|\n" +
		"|extra|否|Object|见[帮助](https://support.huaweicloud.com/x.md#a)。|\n" +
		"|self|否|Object|见[本页](p.md#t1)。|\n" +
		"|routes|否|Array of objects|路由列表，参见<a href=\"查询路由表.md#table4\">表4</a>。|\n\n" +
		"**表 4**  要素说明\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|zone|否|String|可用区。|\n"
	pg, diags := ReadAPIReference("dir/p.md", []byte(page))
	op := pg.Operations[0]
	if s := op.Params[0].Schema; s.Type != model.TypeArray || s.Items.Type != model.TypeString || s.Items.Elsewhere != nil {
		t.Errorf("query parameter region: %+v items %+v, want an array of strings", s, s.Items)
	}
	links := map[string]*model.TableLink{}
	for _, p := range op.RequestBody.Schema.Properties {
		s := p.Schema
		if s.Items != nil {
			s = s.Items
		}
		links[p.Name] = s.Elsewhere
	}
	want := map[string]*model.TableLink{
		"publicip": {Page: "数据结构(创建云服务器).md", Anchor: "section1846944811410", Names: []string{"publicip"}, Path: "publicip", Tried: []string{"publicip"}},
		"topics":   {Page: "Topic结构体.md", Names: []string{"Topic", "topics"}, Path: "topics", Tried: []string{"Topic", "topics"}},
		"nics":     {Page: "查询路由表.md", Anchor: "table3", Names: []string{"nics"}, Path: "nics", Tried: []string{"nics"}},
		// Its 表4 is the linked page's, not this page's.
		"routes": {Page: "查询路由表.md", Anchor: "table4", Names: []string{"routes"}, Path: "routes", Tried: []string{"routes"}},
		"extra":  nil,
		"self":   nil,
	}
	if diff := cmp.Diff(want, links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	var warned []string
	for _, d := range diags {
		if d.Severity == model.Warning {
			warned = append(warned, d.Msg)
		}
	}
	// extra's link is a URL and self's is its own page: no other page's
	// table, so they warn as before; this page's 表4 is no row's.
	if len(warned) != 4 || !strings.Contains(strings.Join(warned, "\n"), `object "extra" has no table`) || !strings.Contains(strings.Join(warned, "\n"), `object "self" has no table`) {
		t.Errorf("warnings: %q", warned)
	}
}

// A page of data structures is no operation, but offers its object
// tables: each with its own anchor, its caption's, and its section
// heading's when it is the section's first, and its schema with this
// page's locations.
func TestDataStructurePageOffersTables(t *testing.T) {
	page := "# 数据结构\n\n## 使用须知<a name=\"section0\"></a>\n\n本章介绍数据结构。\n\n" +
		"## publicip字段数据结构说明<a name=\"section1\"></a>\n\n**表 1**  publicip字段数据结构说明\n\n<a name=\"table1\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|id|否|String|ID。|\n|eip|否|Object|见[表2](#table2)。|\n\n" +
		"**表 2**  eip字段数据结构说明\n\n<a name=\"table2\"></a>\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|iptype|是|String|类型。|\n"
	pg, diags := ReadAPIReference("d/数据结构.md", []byte(page))
	if pg.NotOperation == "" || len(pg.Operations) != 0 {
		t.Fatalf("read as an operation: %+v", pg)
	}
	var got []string
	for _, tb := range pg.Tables {
		var fields []string
		for _, p := range tb.Schema.Properties {
			fields = append(fields, p.Name+"@"+p.Loc.String())
		}
		got = append(got, tb.Loc.String()+" anchors "+strings.Join(tb.Anchors, ",")+" names "+strings.Join(tb.Names, ",")+" fields "+strings.Join(fields, " "))
	}
	want := []string{
		`d/数据结构.md:12: table "表 1 publicip字段数据结构说明" anchors table1,section1 names publicip字段数据结构说明,publicip fields id@d/数据结构.md:14: table "表 1 publicip字段数据结构说明" row 1 eip@d/数据结构.md:15: table "表 1 publicip字段数据结构说明" row 2`,
		`d/数据结构.md:20: table "表 2 eip字段数据结构说明" anchors table2 names eip字段数据结构说明,eip fields iptype@d/数据结构.md:22: table "表 2 eip字段数据结构说明" row 1`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("tables (-want +got):\n%s", diff)
	}
	if eip := pg.Tables[0].Schema.Property("eip").Schema; eip != pg.Tables[1].Schema {
		t.Error("publicip.eip is not the eip table's schema")
	}
	if len(diags) != 0 || len(pg.Tables[0].Diags)+len(pg.Tables[1].Diags) != 0 {
		t.Errorf("diagnostics %v, tables' %v %v", diags, pg.Tables[0].Diags, pg.Tables[1].Diags)
	}
}

// A linked row whose description says map and whose example's keys are
// data (network ids) is a map; the linked table describes its values.
func TestLinkedMapValues(t *testing.T) {
	page := "# 查询\n\n## URI\n\nGET /v1/servers/{id}\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|id|是|String|ID。|\n\n" +
		"## 响应参数\n\n**表 2**  响应Body参数\n\n|参数|参数类型|描述|\n|--|--|--|\n" +
		"|addresses|Object|属性为Map<String, Object>结构。key为网络ID，value为网络属性，详情请参见[表1](数据结构.md#t1)。|\n" +
		"|metadata|Object|元数据，详情请参见[表2](数据结构.md#t2)。|\n\n" +
		"## 响应示例\n\n```\n{\"addresses\": {\"0431c5e5-bc94\": [{\"addr\": \"10.0.0.1\"}]}, \"metadata\": {\"__system__encrypted\": \"0\"}}\n```\n"
	pg, _ := ReadAPIReference("d/p.md", []byte(page))
	body := pg.Operations[0].Responses[0].Body.Schema
	addr := body.Property("addresses").Schema
	if addr.AdditionalProperties == nil || addr.AdditionalProperties.Type != model.TypeArray || addr.AdditionalProperties.Items.Elsewhere == nil || addr.AdditionalProperties.Items.Elsewhere.Anchor != "t1" {
		t.Errorf("addresses: %+v, want a map of arrays of the linked table", addr)
	}
	if meta := body.Property("metadata").Schema; meta.Elsewhere == nil || meta.AdditionalProperties != nil {
		t.Errorf("metadata: %+v, want the linked table itself", meta)
	}
}

// RDS 修改参数模板参数 (synthetic page in its shape): values links a table
// of key and value, and the example's members are parameter names: a map
// of strings. A tag table of key and value, shown as such, stays an object.
func TestKeyValueTableIsAMap(t *testing.T) {
	page := func(example string) string {
		return "# 修改参数模板参数\n\n## URI\n\nPUT /v3/{project_id}/configurations/{config_id}\n\n## 请求消息\n\n**表 1**  参数说明\n\n" +
			"|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n|values|否|Object|参数值对象。详情请参见[表2](#t2)。|\n\n" +
			"<a name=\"t2\"></a>\n**表 2**  values字段数据结构说明\n\n|名称|是否必选|参数类型|说明|\n|--|--|--|--|\n" +
			"|key|否|String|参数名称，以名称作为key。|\n|value|否|String|参数值。|\n\n-   请求样例\n\n    ```\n    " + example + "\n    ```\n"
	}
	for _, tc := range []struct {
		name, example string
		isMap         bool
	}{
		{"parameter names", `{"values": {"max_connections": "10", "autocommit": "OFF"}}`, true},
		{"a key and a value", `{"values": {"key": "k", "value": "v"}}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg, _ := ReadAPIReference("p.md", []byte(page(tc.example)))
			values := pg.Operations[0].RequestBody.Schema.Property("values").Schema
			isMap := values.AdditionalProperties != nil && values.AdditionalProperties.Type == model.TypeString && len(values.Properties) == 0
			isObject := values.AdditionalProperties == nil && values.Property("key") != nil && values.Property("value") != nil
			if isMap != tc.isMap || isObject == tc.isMap {
				t.Errorf("values = %s (additionalProperties %v), want a map of strings: %v", schemaText(values, 2), values.AdditionalProperties, tc.isMap)
			}
		})
	}
}
