package top

import (
	"strings"
	"testing"
)

// A named type may list its members where it is first used as a list
// ("lines LineDto []"); a later plain use ("main LineDto") must share that
// definition, not become a free-form object.
func TestNamedTypeDefinedInList(t *testing.T) {
	page := "taobao.demo.order.add (新增订单)\n\n请求参数\n\n" +
		"名称 类型 是否必须 示例值 更多限制 描述\n" +
		"lines LineDto [] 可选 订单行\n" +
		"  • └ sku\n  • String\n  • 必须\n  • a\n  • SKU\n" +
		"main LineDto 可选 主订单行\n\n" +
		"响应参数\n\n名称 类型 示例值 描述\nis_success Boolean true 是否成功\n"
	op, diags := readOne(t, "p.txt", []byte(page))
	for _, d := range diags {
		if strings.Contains(d.Msg, "lists no members") {
			t.Errorf("unexpected diagnostic: %v", d)
		}
	}
	req := op.RequestBody.Schema
	lines, main := req.Property("lines"), req.Property("main")
	if lines == nil || main == nil {
		t.Fatalf("request lacks lines or main:\n%s", render(req))
	}
	if main.Schema != lines.Schema.Items {
		t.Errorf("main does not share LineDto with lines:\n%s", render(req))
	}
}
