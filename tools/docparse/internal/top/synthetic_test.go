package top

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestReadSynthetic runs the reader on the pages of
// testdata/top/synthetic.txtar: shapes the seed does not show.
func TestReadSynthetic(t *testing.T) {
	pages := syntheticPages(t)
	type want struct {
		request, response string
		media             string
		required          bool
		encoding          map[string]string
		diags             []finding
		successExample    any
		errorExample      any
	}
	tests := []struct {
		page string
		want want
	}{{
		page: "scalars.txt",
		want: want{
			request: `fields*: string
num_iid*: integer(int64)
start_modified: string
price: string(decimal)
page_no: integer(int64)
image: string(binary)
tags: array of string
flags: array of integer(int64)
weird: any
`,
			response: `item_seller_get_response*: object TaobaoItemSellerGetResult
  item: object Item
    num_iid: integer(int64)
    title: string
    modified: string
    price: string(decimal)
    skus: object SkuList
      sku*: array of object Sku
        sku_id: integer(int64)
        quantity: integer(int64)
    is_virtual: boolean
  total_results: integer(int64)
`,
			media:    "multipart/form-data", // image is a file upload
			required: true,
			diags: []finding{
				{loc("scalars.txt", 17, "请求参数", 5, "示例值"), model.Warning, `page_no: example "abc" is not a Number`},
				{loc("scalars.txt", 20, "请求参数", 8, "示例值"), model.Warning, `flags: example item "x" is not a Number`},
				{loc("scalars.txt", 21, "请求参数", 9, "类型"), model.Warning, `weird: unknown type "bool"; any JSON value allowed`},
				{loc("scalars.txt", 43, "响应参数", 6, ""), model.Warning, "skus: row has no └ marker"},
				{loc("scalars.txt", 54, "响应参数", 9, ""), model.Warning, "is_virtual: nesting lost in the scrape: the text puts it in skus (Sku [])"},
				{loc("scalars.txt", 74, "响应示例", 0, "item/price"), model.Warning, `"ten" is not a Price`},
				{loc("scalars.txt", 77, "响应示例", 0, "item/skus/sku/quantity"), model.Warning, `"x" is not a Number`},
				{loc("scalars.txt", 80, "响应示例", 0, "item/color"), model.Warning, "<color> has no parameter at this place"},
			},
			successExample: map[string]any{"item_seller_get_response": map[string]any{
				"item": map[string]any{
					"num_iid": int64(1), "title": "标题", "modified": "2000-01-01 00:00:00",
					"skus": map[string]any{"sku": []any{
						map[string]any{"sku_id": int64(5), "quantity": int64(2)}, map[string]any{"sku_id": int64(6)}}},
					"is_virtual": true,
				},
				"total_results": int64(10),
			}},
			errorExample: map[string]any{"error_response": map[string]any{
				"code": int64(7), "msg": "App Call Limited", "request_id": "abc"}},
		},
	}, {
		page: "nested-request.txt",
		want: want{
			request: `order*: object OrderDto
  order_id*: integer(int64)
  buyer: object BuyerDto
    nick*: string
    remark: string
lines: array of object LineDto
  sku*: string
extra: free-form object ExtraDto
`,
			response: `demo_order_add_response*: object TaobaoDemoOrderAddResult
  is_success: boolean
`,
			media:    "application/x-www-form-urlencoded",
			required: true,
			encoding: map[string]string{"order": "application/json", "lines": "application/json", "extra": "application/json"},
			diags: []finding{
				{loc("nested-request.txt", 18, "请求参数", 3, ""), model.Warning, "buyer: position ambiguous (nesting lost in the scrape) and no example settles it; assumed child of order (OrderDto)"},
				{loc("nested-request.txt", 27, "请求参数", 5, ""), model.Warning, "remark: position ambiguous (nesting lost in the scrape) and no example settles it; assumed child of buyer (BuyerDto)"},
				{loc("nested-request.txt", 37, "请求参数", 8, "类型"), model.Warning, "type ExtraDto lists no members on the page"},
			},
		},
	}, {
		// TOP's JSON wraps response lists as the XML does; request lists
		// stay plain (TOP takes them comma-separated).
		page: "lists.txt",
		want: want{
			request: `ids: array of integer(int64)
names*: array of string
`,
			response: `promotion_list_get_response*: object TaobaoPromotionListGetResult
  tags: object StringList
    string*: array of string
  details: object PromotionDetailList
    promotion_detail*: array of object PromotionDetail
      detail_id: integer(int64)
      names: object StringList
        string*: array of string
  counts: object NumberList
    number*: array of integer(int64)
  empty_list: object ItemList
    item*: array of object Item
      id: integer(int64)
`,
			media:    "application/x-www-form-urlencoded",
			required: true,
			diags: []finding{
				{loc("lists.txt", 13, "响应参数", 2, ""), model.Warning, "details: the response example names its items <promotion_detail>, not <promotiondetail> (the item type in lower case); followed the example"},
				{loc("lists.txt", 36, "响应示例", 0, "counts/number"), model.Warning, `example value "four" is not a Number`},
			},
			successExample: map[string]any{"promotion_list_get_response": map[string]any{
				"tags": map[string]any{"string": []any{"a", "b"}},
				"details": map[string]any{"promotion_detail": []any{
					map[string]any{"detail_id": int64(1), "names": map[string]any{"string": []any{"x"}}},
					map[string]any{"detail_id": int64(2)},
				}},
				"counts":     map[string]any{"number": []any{int64(3)}},
				"empty_list": map[string]any{"item": []any{}},
			}},
		},
	}, {
		page: "empty.txt",
		want: want{
			response: "empty_get_response*: object TaobaoEmptyGetResult\n",
			media:    "application/x-www-form-urlencoded",
		},
	}, {
		page: "reuse.txt",
		want: want{
			response: `cat_get_response*: object TaobaoCatGetResult
  main_cat: object Cat
    cid: integer(int64)
    sub_cats: object CatList
      cat*: array of object Cat
  other_cat: object Cat
    cid: integer(int64)
    sub_cats: object CatList
      cat*: array of object Cat
`,
			media: "application/x-www-form-urlencoded",
		},
	}}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			op, diags := readOne(t, tc.page, pages[tc.page])
			checkLocated(t, tc.page, op)
			body := op.RequestBody
			got := want{
				request: render(body.Schema), response: render(response(t, op, "200").Body.Schema),
				media: body.MediaType, required: body.Required, encoding: body.Encoding,
				diags:          findings(diags, tc.want.diags),
				successExample: exampleValue(response(t, op, "200")),
				errorExample:   exampleValue(response(t, op, "default")),
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(want{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func loc(file string, line int, table string, row int, what string) model.Loc {
	return model.Loc{File: file, Line: line, Table: table, Row: row, What: what}
}

func exampleValue(r *model.Response) any {
	if len(r.Body.Examples) == 0 {
		return nil
	}
	return r.Body.Examples[0].Value
}

func TestReadSyntheticDetails(t *testing.T) {
	pages := syntheticPages(t)

	op, _ := readOne(t, "scalars.txt", pages["scalars.txt"])
	if want := "获取单个商品详细信息(卖家)"; op.Summary != want {
		t.Errorf("summary %q, want %q (parentheses inside the title kept)", op.Summary, want)
	}
	if want := "获取单个商品的全部信息\n只能获取自己的商品"; op.Description != want {
		t.Errorf("description %q, want %q", op.Description, want)
	}
	req := op.RequestBody.Schema
	examples := map[string]any{}
	for _, p := range req.Properties {
		examples[p.Name] = p.Schema.Example
	}
	wantExamples := map[string]any{
		"fields": "num_iid,title", "num_iid": int64(1), "start_modified": "2000-01-01 00:00:00",
		"price": "10.50", "page_no": nil, "image": nil, "tags": []any{"a", "b"}, "flags": nil, "weird": nil,
	}
	if diff := cmp.Diff(wantExamples, examples); diff != "" {
		t.Errorf("request examples (-want +got):\n%s", diff)
	}
	if got, want := req.Property("fields").Description, "需要返回的商品字段列表 (更多限制: 最大列表长度：20)"; got != want {
		t.Errorf("fields description %q, want %q", got, want)
	}
	// The emitter prefers a property's description to its schema's, so the
	// format must be in both.
	start := req.Property("start_modified")
	for _, d := range []string{start.Description, start.Schema.Description} {
		if !strings.Contains(d, "yyyy-MM-dd HH:mm:ss") {
			t.Errorf("Date description %q does not give TOP's date format", d)
		}
	}
	if d := req.Property("price").Description; !strings.Contains(d, "decimal string") {
		t.Errorf("Price description %q does not say prices are decimal strings", d)
	}
	errDesc := response(t, op, "default").Description
	for _, want := range []string{"HTTP status 200", "isv.item-not-exist 商品不存在 检查商品ID", "isv.invalid-parameter 参数错误 检查参数"} {
		if !strings.Contains(errDesc, want) {
			t.Errorf("error description %q lacks %q", errDesc, want)
		}
	}

	// A response list's row example belongs to the list inside its wrapper.
	op, _ = readOne(t, "lists.txt", pages["lists.txt"])
	tags := resultSchema(t, op).Property("tags").Schema
	if diff := cmp.Diff([]any{"a", "b"}, tags.Property("string").Schema.Example); tags.Example != nil || diff != "" {
		t.Errorf("tags: wrapper example %#v, list example diff (-want +got):\n%s", tags.Example, diff)
	}

	// A named type listed once is one schema wherever it is used, even
	// inside itself.
	op, _ = readOne(t, "reuse.txt", pages["reuse.txt"])
	result := resultSchema(t, op)
	cat := result.Property("main_cat").Schema
	if result.Property("other_cat").Schema != cat || cat.Property("sub_cats").Schema.Property("cat").Schema.Items != cat {
		t.Errorf("uses of Cat do not share one schema")
	}
}

// TestLineRow covers top-level rows, whose empty cells leave no trace.
func TestLineRow(t *testing.T) {
	tests := []struct {
		line    string
		columns []string
		want    row
	}{
		{"fields String 必须 num_iid,title 最大列表长度：20 描述", requestColumns,
			row{name: "fields", typ: "String", required: true, example: "num_iid,title", limits: "最大列表长度：20", desc: "描述"}},
		{"param SecurityTokenQueryParam 可选 参数", requestColumns,
			row{name: "param", typ: "SecurityTokenQueryParam", desc: "参数"}},
		{"start Date 可选 2000-01-01 00:00:00 起始 时间", requestColumns,
			row{name: "start", typ: "Date", example: "2000-01-01 00:00:00", desc: "起始 时间"}},
		{"ids Number [] 必须 1,2 最大列表长度：20 最小值：1 ID列表", requestColumns,
			row{name: "ids", typ: "Number []", required: true, example: "1,2", limits: "最大列表长度：20 最小值：1", desc: "ID列表"}},
		{"page_size Number 可选 最大值：100 每页条数", requestColumns,
			row{name: "page_size", typ: "Number", limits: "最大值：100", desc: "每页条数"}},
		{"flag Boolean 必须", requestColumns, row{name: "flag", typ: "Boolean", required: true}},
		{"message String 成功 返回描述", responseColumns, row{name: "message", typ: "String", example: "成功", desc: "返回描述"}},
		{"result SecurityTokenCredential Token", responseColumns, row{name: "result", typ: "SecurityTokenCredential", desc: "Token"}},
	}
	for _, tc := range tests {
		r := newReader("f")
		tab := &table{section: "s", columns: tc.columns}
		r.lineRow(tab, tc.line, 1)
		if len(tab.rows) != 1 {
			t.Fatalf("%q: %d rows", tc.line, len(tab.rows))
		}
		got := tab.rows[0]
		got.loc, got.marker = model.Loc{}, 0
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(row{})); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.line, diff)
		}
	}
}

// TestSplitCells covers bullet rows: where one row ends and the next
// begins when cells are missing and └ markers are lost.
func TestSplitCells(t *testing.T) {
	type short struct{ Name, Type, Example, Desc string }
	tests := []struct {
		name  string
		cells []string
		want  []short
	}{
		{"bare object row after a full row",
			[]string{"└ field_id", "String", "1", "门店", "policy", "Policy", "策略", "└ version", "String", "1", "策略"},
			[]short{{"field_id", "String", "1", "门店"}, {"policy", "Policy", "", "策略"}, {"version", "String", "1", "策略"}}},
		{"bare list row",
			[]string{"└ version", "String", "1", "策略", "statement", "Datas []", "Statement", "└ resource", "String []", "resource"},
			[]short{{"version", "String", "1", "策略"}, {"statement", "Datas []", "", "Statement"}, {"resource", "String []", "", "resource"}}},
		{"capitalised description is no type",
			[]string{"└ token", "String", "1", "Token", "└ next", "Number"},
			[]short{{"token", "String", "1", "Token"}, {"next", "Number", "", ""}}},
		{"lowercase example then capitalised description fits one row",
			[]string{"└ code", "String", "abc", "Token"},
			[]short{{"code", "String", "abc", "Token"}}},
		{"missing example",
			[]string{"└ resource", "String []", "resource", "└ effect", "String", "1", "effect"},
			[]short{{"resource", "String []", "", "resource"}, {"effect", "String", "1", "effect"}}},
		{"missing type",
			[]string{"└ odd", "奇怪", "└ next", "String"},
			[]short{{"odd", "", "", "奇怪"}, {"next", "String", "", ""}}},
	}
	for _, tc := range tests {
		r := newReader("f")
		tab := &table{section: "s", columns: responseColumns}
		var cells []cell
		for i, c := range tc.cells {
			cells = append(cells, cell{text: c, line: i + 1})
		}
		r.splitCells(tab, cells)
		var got []short
		for _, rw := range tab.rows {
			got = append(got, short{rw.name, rw.typ, rw.example, rw.desc})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}
