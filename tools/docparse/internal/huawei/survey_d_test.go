package huawei

import (
	"strings"
	"testing"
)

// Synthetic pages in the shape of the templates survey D found on services
// the readers were not tuned on (live, EIP, SDRS, APM); each is a few lines
// of its template, written for the test.

// live's old template: an uncaptioned 请求参数 table of a DELETE whose
// request example puts the same names in the URL's query string.
func TestDeleteTableInExampleQuery(t *testing.T) {
	table := "## 请求参数\n\n|参数|类型|说明|是否必选|\n|--|--|--|--|\n|domain|String|播放域名。|是|\n|app_name|String|应用名称。|是|\n|note|String|备注。|否|\n\n"
	page := func(method, example string) string {
		return "# 恢复直播推流\n\n## 功能描述\n\n恢复直播推流接口。\n\n## 请求URI\n\n" + method + " /v1/streams/blocks\n\n" + table +
			"## 请求样例\n\n```\n" + example + "\n```\n"
	}
	op, diags := readPage(t, page("DELETE", "DELETE /v1/streams/blocks?domain=xxx&app_name=xxx"))
	checkOp(t, op, diags, "query domain*: string\nquery app_name*: string\nquery note: string\n",
		`13 note: the request example's URL query names this table's parameters and shows no body; read as query parameters`)

	// The example leaves out a required row: which place is meant is unsure.
	op, diags = readPage(t, page("DELETE", "DELETE /v1/streams/blocks?domain=xxx"))
	checkOp(t, op, diags, "request body*: object\n  domain*: string\n  app_name*: string\n  note: string\n",
		`13 warning: the request example's URL query names some of this table's parameters, but not the required "app_name"; read as the DELETE's JSON body`)

	// No example: still a body, but never silently for a DELETE.
	op, diags = readPage(t, page("DELETE", ""))
	checkOp(t, op, diags, "request body*: object\n  domain*: string\n  app_name*: string\n  note: string\n",
		`13 warning: request table of a DELETE read as its JSON body, though neither its caption nor an example shows a body`)

	// A POST whose example shows a JSON body keeps it, query or not.
	op, diags = readPage(t, page("POST", "POST /v1/streams/blocks?domain=xxx&app_name=xxx\n{\"note\": \"n\"}"))
	if !strings.HasPrefix(describe(op), "request body*: object") {
		t.Errorf("POST with a JSON example: got\n%s", describe(op))
	}
	_ = diags
}
