package huawei

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
)

func TestEndpointLines(t *testing.T) {
	for _, tc := range []struct {
		in           string
		method, path string
		query        []string
	}{
		{"POST /v3/auth/tokens", "POST", "/v3/auth/tokens", nil},
		{"GET/v1.0/{project_id}/kms/keys", "GET", "/v1.0/{project_id}/kms/keys", nil},
		{"URI格式：POST /v1.0/{project_id}/kms/create-datakey", "POST", "/v1.0/{project_id}/kms/create-datakey", nil},
		{"URI格式： GET /v2.1/{project_id}/servers/detail", "GET", "/v2.1/{project_id}/servers/detail", nil},
		{"POST https://{_Endpoint_}/v3/{project_id}/instances/{instance_id}/action", "POST", "/v3/{project_id}/instances/{instance_id}/action", nil},
		{"GET https://_**{ma_endpoint}**_/v1/_**{project_id}**_/job/ai-engines?job_type=train", "GET", "/v1/{project_id}/job/ai-engines", []string{"job_type"}},
		{"GET https://**_{ma_endpoint}_**/v2/**_{project_id}_**/datasets/**_{dataset_id}_**", "GET", "/v2/{project_id}/datasets/{dataset_id}", nil},
		{"GET https://iam.myhuaweicloud.com/v3/users?domain_id={domain_id}&name={name}", "GET", "/v3/users", []string{"domain_id", "name"}},
		{"GET /v2.1/{project_id}/flavors/detail{?minDisk,minRam,is_public}", "GET", "/v2.1/{project_id}/flavors/detail", []string{"minDisk", "minRam", "is_public"}},
		{"GET https://{_Endpoint_}/v3/{project_id}/backups?instance_id={instance_id}&begin_time={begin _time}", "GET", "/v3/{project_id}/backups", []string{"instance_id", "begin_time"}},
		{"GET /v1/{project_id}/apigw/instances/{instance_id}/api-groups[?page_size, page_no, id, name]", "GET", "/v1/{project_id}/apigw/instances/{instance_id}/api-groups", []string{"page_size", "page_no", "id", "name"}},
		{"GET /v1/{project_id}/apigw/apis[?page_size=10&name]", "GET", "/v1/{project_id}/apigw/apis", []string{"page_size", "name"}},
		{"-   DELETE /v2/{project_id}/keypairs/{keypair_name}", "DELETE", "/v2/{project_id}/keypairs/{keypair_name}", nil},
		{"**POST** /v1/x/", "POST", "/v1/x", nil},
		{"POST /v3/{_project_id_}/instances/{_instance_id_}/action", "POST", "/v3/{project_id}/instances/{instance_id}/action", nil},
		{"POST: https://_{endpoint}_/v1.0/{project_id}/kms/create-key", "POST", "/v1.0/{project_id}/kms/create-key", nil},
		{"GET    https://endpoint/v1/{project_id}/services", "GET", "/v1/{project_id}/services", nil},
		// Not method lines.
		{"POST/PUT请求必填，GET不能包含。", "", "", nil},
		{"GET 请求用于查询", "", "", nil},
		{"GET", "", "", nil},
		{"GETS /x", "", "", nil},
		{"POST /v1/x 创建服务", "", "", nil},
		{"GET https://host", "", "", nil},
		{"https://rds.cn-north-1.myhuaweicloud.com/v3/0483b6b1/backups", "", "", nil},
		{"PATH：/rds/v1/{project_id}/backups", "", "", nil},
		{"GET /v1/{a{b}}", "", "", nil},
	} {
		e, ok := readEndpointLine(tc.in)
		if ok != (tc.method != "") || e.method != tc.method || e.path != tc.path || !cmp.Equal(e.query, tc.query) {
			t.Errorf("readEndpointLine(%q) = %+v, %v; want %s %s %v", tc.in, e, ok, tc.method, tc.path, tc.query)
		}
	}
}

func TestLabelledEndpointLines(t *testing.T) {
	for in, want := range map[string][2]string{
		"PATH：/rds/v1/{project_id}/backups":                    {"", "/rds/v1/{project_id}/backups"},
		"PATH: /{version_id}/{project_id}/configurations/{id}": {"", "/{version_id}/{project_id}/configurations/{id}"},
		"Method：GET":   {"GET", ""},
		"Method: post": {"POST", ""},
		"请求方法：DELETE":  {"DELETE", ""},
		"Method：FETCH": {"", ""},
		"PATH：见上文":     {"", ""},
		"样例：":          {"", ""},
	} {
		m, p, _ := readLabelledLine(in)
		if [2]string{m, p} != want {
			t.Errorf("readLabelledLine(%q) = %q %q, want %q", in, m, p, want)
		}
	}
}

func TestEndpointTable(t *testing.T) {
	page := "<table><thead><tr><th>请求方法</th><th>URI</th><th>描述</th></tr></thead>\n" +
		"<tbody><tr><td>GET</td><td>https://{Endpoint}/v1/{project_id}/vpcs?limit={limit}</td><td>查询</td></tr></tbody></table>\n"
	blocks, _ := mdhtml.Split([]byte(page))
	if len(blocks) != 1 || blocks[0].Kind != mdhtml.Table {
		t.Fatalf("blocks %+v", blocks)
	}
	e, ok := endpointTable(blocks[0].Table)
	if !ok || e.method != "GET" || e.path != "/v1/{project_id}/vpcs" || !cmp.Equal(e.query, []string{"limit"}) {
		t.Errorf("endpointTable = %+v, %v", e, ok)
	}
	other, _ := mdhtml.Split([]byte(strings.Replace(page, "请求方法", "参数", 1)))
	if _, ok := endpointTable(other[0].Table); ok {
		t.Error("a table without a method column read as an endpoint table")
	}
}

func TestSectionNames(t *testing.T) {
	for title, want := range map[string]section{
		"URI":       secURI,
		"**URI**":   secURI,
		"URI格式":     secURI,
		"URI样例":     secOther,
		"请求":        secRequest,
		"请求消息":      secRequest,
		"请求消息体（可选）": secRequest,
		"响应消息":      secResponse,
		"正常响应":      secResponse,
		"异常响应":      secResponse,
		"返回值":       secStatus,
		"示例":        secExamples,
		"**样例**":    secExamples,
		"请求样例2":     secRequestExample,
		"成功响应示例":    secResponseExample,
		"返回体样例":     secResponseExample,
		"示例代码":      secOther,
		"请求URI":     secURI, // VOD's; on the 构造请求 overview it does not make an operation (noteSection)
		"错误码":       secOther,
		"功能介绍":      secIntro,
		"调试":        secDebug,
	} {
		if got := classifySection(title); got != want {
			t.Errorf("classifySection(%q) = %v, want %v", title, got, want)
		}
	}
	for raw, want := range map[string]section{
		"请求样例":      secRequestExample,
		"响应样例：":     secResponseExample,
		"**响应样例**":  secResponseExample,
		"请求参数":      secRequest,
		"正确响应如下所示：": secOther,
		"- 请求样例":    secOther, // a list item: listLabel's
		"请求样例的要素说明，请参见表1。": secOther,
	} {
		got, _, ok := textLabel(raw)
		if (want == secOther) == ok || (ok && got != want) {
			t.Errorf("textLabel(%q) = %v, %v; want %v", raw, got, ok, want)
		}
	}
	if !isFailure("失败响应示例") || !isFailure("异常响应") || isFailure("成功响应示例") {
		t.Error("isFailure")
	}
}
