package huawei

import (
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
