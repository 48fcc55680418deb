package paging

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/internal/ext"
)

func prop(name string, s *model.Schema) *model.Property {
	return &model.Property{Name: name, Schema: s}
}
func str() *model.Schema     { return &model.Schema{Type: model.TypeString} }
func integer() *model.Schema { return &model.Schema{Type: model.TypeInteger} }
func object(props ...*model.Property) *model.Schema {
	return &model.Schema{Type: model.TypeObject, Properties: props}
}
func arrayOf(items *model.Schema) *model.Schema {
	return &model.Schema{Type: model.TypeArray, Items: items}
}
func query(name string, s *model.Schema) *model.Param {
	return &model.Param{Name: name, In: model.InQuery, Schema: s}
}

func listOp(method string, params []*model.Param, body, resp *model.Schema) *model.Operation {
	op := &model.Operation{ID: "List", Method: method, Params: params,
		Responses: []*model.Response{{Status: "200", Body: &model.Body{MediaType: "application/json", Schema: resp}}}}
	if body != nil {
		op.RequestBody = &model.Body{MediaType: "application/json", Schema: body}
	}
	return op
}

var item = object(prop("id", str()), prop("name", str()))

func described(p *model.Param, desc string) *model.Param {
	p.Description = desc
	return p
}

func TestDetect(t *testing.T) {
	cases := []struct {
		name string
		op   *model.Operation
		want map[string]any
		why  string // substring of the reason when want is nil
	}{
		{
			name: "marker with page_info.next_marker (VPC v3)",
			op: listOp("GET", []*model.Param{query("limit", integer()), query("marker", str())}, nil,
				object(prop("vpcs", arrayOf(item)), prop("page_info", object(prop("next_marker", str()))))),
			want: map[string]any{"style": "marker", "param": "marker", "limit": "limit", "in": "query",
				"paramType": "string", "items": "vpcs", "next": "page_info.next_marker"},
		},
		{
			name: "marker is the last item's id (VPC v1)",
			op: listOp("GET", []*model.Param{query("marker", str()), query("limit", integer())}, nil,
				object(prop("subnets", arrayOf(item)))),
			want: map[string]any{"style": "marker", "param": "marker", "limit": "limit", "in": "query",
				"paramType": "string", "items": "subnets"},
		},
		{
			name: "offset in the body with total_count (CSMS)",
			op: listOp("POST", nil, object(prop("action", str()), prop("offset", str()), prop("limit", str())),
				object(prop("resources", arrayOf(item)), prop("total_count", integer()))),
			want: map[string]any{"style": "offset", "param": "offset", "limit": "limit", "in": "body",
				"paramType": "string", "items": "resources", "total": "total_count"},
		},
		{
			name: "an offset the page calls a page number (ECS: 页码。当前页面数)",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", integer()), "页码。当前页面数，默认值为1。")}, nil,
				object(prop("servers", arrayOf(item)), prop("count", integer()))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "servers", "first": 1},
		},
		{
			name: "pages counted from 0 (ModelArts: 分页列表的起始页，默认为0)",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", integer()), "分页列表的起始页，默认为0。")}, nil,
				object(prop("datasets", arrayOf(item)), prop("total_number", integer()))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "datasets", "first": 0},
		},
		{
			name: "pages counted from the default 0 the constraints stage read",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", &model.Schema{Type: model.TypeInteger, Default: int64(0)}), "起始页。")}, nil,
				object(prop("datasets", arrayOf(item)))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "datasets", "first": 0},
		},
		{
			name: "an item index that also speaks of 页码 (VPC: 索引位置 … 查询后续页码数据时)",
			op: listOp("POST", nil, object(prop("action", str()), &model.Property{Name: "offset", Schema: integer(),
				Description: "（索引位置）， 从offset指定的下一条数据开始查询。 查询第一页数据时，不需要传入此参数，查询后续页码数据时，将查询前一页数据时响应体中的值带入此参数"}, prop("limit", integer())),
				object(prop("resources", arrayOf(item)), prop("total_count", integer()))),
			want: map[string]any{"style": "offset", "param": "offset", "limit": "limit", "in": "body",
				"paramType": "integer", "items": "resources", "total": "total_count"},
		},
		{
			name: "a default other than 0 over the words (ECS: 默认值为1，取值范围大于等于0)",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", &model.Schema{Type: model.TypeInteger, Default: int64(1)}), "页码。当前页面数，默认值为1，取值范围大于等于0。")}, nil,
				object(prop("servers", arrayOf(item)))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "servers", "first": 1},
		},
		{
			name: "0 that turns paging off is no first page",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", integer()), "页码，默认为0，表示不分页；从1开始分页。")}, nil,
				object(prop("versions", arrayOf(item)))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "versions", "first": 1},
		},
		{
			name: "a page number whose text counts a page's items (每页返回limit条数据)",
			op: listOp("GET", []*model.Param{query("limit", integer()), described(query("offset", integer()), "页码，从1开始，每页返回limit条数据。")}, nil,
				object(prop("jobs", arrayOf(item)))),
			want: map[string]any{"style": "page", "param": "offset", "limit": "limit", "in": "query",
				"paramType": "integer", "items": "jobs", "first": 1},
		},
		{
			name: "page and size (VOD)",
			op: listOp("GET", []*model.Param{query("page", integer()), query("size", integer())}, nil,
				object(prop("assets", arrayOf(item)), prop("total", integer()))),
			want: map[string]any{"style": "page", "param": "page", "limit": "size", "in": "query",
				"paramType": "integer", "items": "assets", "first": 1},
		},
		{
			name: "page and page_size",
			op: listOp("GET", []*model.Param{query("page", integer()), query("page_size", integer())}, nil,
				object(prop("tags", arrayOf(str())))),
			want: map[string]any{"style": "page", "param": "page", "limit": "page_size", "in": "query",
				"paramType": "integer", "items": "tags", "first": 1},
		},
		{
			name: "no page size",
			op:   listOp("GET", []*model.Param{query("marker", str())}, nil, object(prop("vpcs", arrayOf(item)))),
			why:  "no page size",
		},
		{
			name: "two arrays of objects",
			op: listOp("GET", []*model.Param{query("marker", str()), query("limit", integer())}, nil,
				object(prop("a", arrayOf(item)), prop("b", arrayOf(item)))),
			why: "several arrays",
		},
		{
			name: "marker without next_marker or ids",
			op: listOp("GET", []*model.Param{query("marker", str()), query("limit", integer())}, nil,
				object(prop("names", arrayOf(str())))),
			why: "neither next_marker",
		},
		{
			name: "not a list",
			op:   listOp("GET", []*model.Param{query("name", str())}, nil, object(prop("vpc", item))),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, why := Detect(c.op)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("extension (-want +got):\n%s", diff)
			}
			if c.want == nil && !strings.Contains(why, c.why) {
				t.Errorf("reason %q, want it to mention %q", why, c.why)
			}
		})
	}
}

// Mark writes the extension once and leaves one the service file set.
func TestMarkKeepsTheServiceFilesExtension(t *testing.T) {
	op := listOp("GET", []*model.Param{query("marker", str()), query("limit", integer())}, nil, object(prop("vpcs", arrayOf(item))))
	set := listOp("GET", []*model.Param{query("marker", str()), query("limit", integer())}, nil, object(prop("vpcs", arrayOf(item))))
	set.Extensions = map[string]any{ext.Pagination: map[string]any{"style": "offset"}}
	Mark([]*model.Page{{Operations: []*model.Operation{op, set}}})
	if got := op.Extensions[ext.Pagination].(map[string]any)["style"]; got != "marker" {
		t.Errorf("style %v, want marker", got)
	}
	if got := set.Extensions[ext.Pagination].(map[string]any)["style"]; got != "offset" {
		t.Errorf("the service file's extension was replaced: %v", got)
	}
}
