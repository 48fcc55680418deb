package huawei

import "testing"

// Found by review: a body field named like a one-word header (host, date)
// in lower case stays a body field; OBS's 请求消息参数 is the request's
// parameters, not a URI section, on a page that has a URI section.
func TestHeaderWordsAndRequestParamsHeading(t *testing.T) {
	head := "# 创建\n\n## URI\n\nPOST /v1/{project_id}/things\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n\n"
	for _, c := range []struct{ name, page, want string }{
		{"lower-case host", head + "## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|host|是|String|域名。|\n",
			"path project_id*: string\nrequest body*: object\n  host*: string\n"},
		{"capitalised Host", head + "## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|Host|是|String|域名。|\n",
			"path project_id*: string\nheader Host*: string\n"},
		{"请求消息参数 after URI", head + "## 请求消息参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|name|是|String|名称。|\n",
			"path project_id*: string\nrequest body*: object\n  name*: string\n"},
	} {
		op, _ := readPage(t, c.page)
		if got := describe(op); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}
