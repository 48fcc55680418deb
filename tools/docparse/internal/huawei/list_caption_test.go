package huawei

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// IAM's older enterprise-project pages (synthetic page in their shape):
// "-   Request Header参数说明" is a list item with no anchor of its own,
// directly above the table it names. It is the table's caption, so the
// rows are headers, not a DELETE's JSON body (Content-Type is left to the
// client, as OpenAPI wants).
func TestListItemNamingAPlaceIsACaption(t *testing.T) {
	page := "# 删除企业项目关联的用户组权限\n\n## URI\n\n-   URI格式\n\n    DELETE /v3.0/OS-PAP/enterprise-projects/{enterprise_project_id}/roles/{role_id}\n\n" +
		"-   URI参数说明\n\n    |属性|是否必选|类型|说明|\n    |--|--|--|--|\n    |enterprise_project_id|是|String|企业项目的ID。|\n    |role_id|是|String|关联的role的ID。|\n\n" +
		"## 请求\n\n-   Request Header参数说明\n\n    |参数|是否必选|类型|说明|\n    |--|--|--|--|\n    |X-Auth-Token|是|String|拥有Security Administrator权限的token。|\n    |Content-Type|是|String|该字段内容填为“application/json;charset=utf8”。|\n\n" +
		"## 响应\n\n无\n\n## 返回值\n\n|返回值|描述|\n|--|--|\n|204|删除成功。|\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `DELETE /v3.0/OS-PAP/enterprise-projects/{enterprise_project_id}/roles/{role_id}
param path enterprise_project_id* string
param path role_id* string
param header X-Auth-Token* string
response 204 "删除成功。"
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// The same IAM pages caption their failure table "-   Error Reponse
// Body参数说明", flattened: "error | Dict", then its fields, as the failure
// example shows them (synthetic page in their shape).
func TestFailureListCaptionAndFlattenedObject(t *testing.T) {
	page := "# 查询企业项目已关联用户组的权限\n\n## URI\n\n-   URI格式\n\n    GET /v3.0/OS-PAP/enterprise-projects/{enterprise_project_id}/roles\n\n" +
		"-   URI参数说明\n\n    |属性|是否必选|类型|说明|\n    |--|--|--|--|\n    |enterprise_project_id|是|String|企业项目的ID。|\n\n" +
		"## 响应\n\n-   Reponse Body参数说明\n\n    |参数|是否必选|类型|说明|\n    |--|--|--|--|\n    |name|是|String|名称。|\n\n" +
		"-   Error Reponse Body参数说明\n\n    |参数|是否必选|类型|说明|\n    |--|--|--|--|\n    |error|是|Dict|响应错误。|\n    |message|是|String|错误详情。|\n    |code|是|Int|状态码。|\n\n" +
		"-   响应样例（响应失败）\n\n    ```\n    {\"error\": {\"message\": \"Authentication failed\", \"code\": 401}}\n    ```\n"
	pg, diags := ReadAPIReference("p.md", []byte(page))
	want := `GET /v3.0/OS-PAP/enterprise-projects/{enterprise_project_id}/roles
param path enterprise_project_id* string
response 200 ""
  body application/json object{name*:string}
response default ""
  body application/json object{error*:object{message*:string, code*:integer(int64)}}
  example line 34 "响应样例（响应失败）"
p.md:25: table "Error Reponse Body参数说明": warning: rows message, code follow "error" and the example has them in $.error, not at the top; read as its fields (the table is flattened)
`
	if diff := cmp.Diff(want, describePage(pg, diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
