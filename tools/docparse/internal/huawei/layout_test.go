package huawei

import (
	"fmt"
	"testing"
)

func TestCaptionTypeNames(t *testing.T) {
	for in, want := range map[string]string{
		"Tag":                "Tag",
		"auth.identity":      "auth.identity",
		"resource_tag数据结构说明": "resource_tag",
		"predefine_tag_request 字段数据结构说明": "predefine_tag_request",
		"delete_files_spec参数说明":          "delete_files_spec",
		"参数说明":                           "",
		"请求样例的要素说明":                      "",
		"请求Body参数":                       "",
		"Docker部署参数数据结构说明":               "",
		"":                               "",
	} {
		if got := typeNameOf(in); got != want {
			t.Errorf("typeNameOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListLabels(t *testing.T) {
	for raw, want := range map[string]section{
		"-   请求参数":         secRequest,
		"-   响应样例":         secResponseExample,
		"-   批量删除镜像标签请求样例": secRequestExample,
		"-   要素说明":         secOther,
		"-   请求体中的多个标签的key不允许重复。": secOther,
		"请求参数": secOther, // not a list item
	} {
		got, _, ok := listLabel(raw)
		if (want == secOther) == ok || (ok && got != want) {
			t.Errorf("listLabel(%q) = %v, %v; want %v", raw, got, ok, want)
		}
	}
}

func TestStatusLines(t *testing.T) {
	for in, want := range map[string][2]string{
		"204":                       {"204", ""},
		"400 Bad Request":           {"400", "Bad Request"},
		"500 Internal Server Error": {"500", "Internal Server Error"},
		"2040":                      {},
		"STATUS CODE 204":           {},
	} {
		m := statusLineRE.FindStringSubmatch(in)
		var got [2]string
		if m != nil {
			got = [2]string{m[1], m[2]}
		}
		if got != want {
			t.Errorf("statusLineRE(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExampleStatusLines(t *testing.T) {
	for in, want := range map[string]string{
		"STATUS CODE 204":          "204",
		"无（STATUS CODE 204）":       "204",
		"无 (Status Code 202)":      "202",
		"status code: 200":         "200",
		"HTTP/1.1 204":             "204",
		"HTTP/1.1 204 No Content":  "204",
		"HTTP / 1.1 404 Not Found": "404",
		"HTTP/2 200":               "200",
		"STATUS CODE 2040":         "",
		"HTTP/1.1 2000":            "",
		"HTTP/1.1":                 "",
		"DELETE /v2/x HTTP/1.1":    "", // a request line
		"无":                        "",
		"204":                      "", // a status section's line, read elsewhere
	} {
		got := ""
		if m := exampleStatusRE.FindStringSubmatch(in); m != nil {
			got = m[1] + m[2]
		}
		if got != want {
			t.Errorf("exampleStatusRE(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripLineComments(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		lines    []int
	}{
		{"{\n  \"unit\": \"\",//单位为空\n  \"n\": 1\n}", "{\n  \"unit\": \"\",\n  \"n\": 1\n}", []int{1}},
		{"{\"url\": \"https://x/y\"}", "{\"url\": \"https://x/y\"}", nil},
		{"{\"a\": \"q\\\"//\", // c1\n\"b\": 2 // c2\n}", "{\"a\": \"q\\\"//\", \n\"b\": 2 \n}", []int{0, 1}},
		{"{} // end", "{} ", []int{0}},
		{"{\"open: //x\n}", "{\"open: //x\n}", nil}, // an unclosed string ends at its line
	} {
		got, lines := stripLineComments(tc.in)
		if got != tc.want || fmt.Sprint(lines) != fmt.Sprint(tc.lines) {
			t.Errorf("stripLineComments(%q) = %q, %v; want %q, %v", tc.in, got, lines, tc.want, tc.lines)
		}
	}
}
