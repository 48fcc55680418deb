package huawei

import (
	"testing"
)

// Layouts found by survey E (issue 9). Every page here is synthetic: a few
// lines in the shape of the template named.

// A label's leading number is a list marker only when a space follows it
// ("1. 创建", "2) 删除"); "1.21版本以上…" (CCE) starts with a version.
func TestExampleLabelKeepsLeadingVersion(t *testing.T) {
	page := "# 更新集群\n\n## URI\n\nPUT /v3/clusters/{cluster_id}\n\n" +
		"|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|cluster_id|是|String|集群ID。|\n\n" +
		"## 请求参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|description|否|String|描述。|\n\n" +
		"## 请求示例\n\n-   1.21版本以上集群更新描述\n\n    ```\n    { \"description\" : \"new\" }\n    ```\n\n" +
		"-   2. 第二个示例\n\n    ```\n    { \"description\" : \"n2\" }\n    ```\n\n" +
		"-   v2接口更新描述\n\n    ```\n    { \"description\" : \"new2\" }\n    ```\n"
	op, _ := readPage(t, page)
	if op.RequestBody == nil {
		t.Fatal("no request body")
	}
	var got []string
	for _, ex := range op.RequestBody.Examples {
		got = append(got, ex.Summary)
	}
	want := []string{"1.21版本以上集群更新描述", "第二个示例", "v2接口更新描述"}
	if len(got) != len(want) {
		t.Fatalf("summaries %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("summary %d = %q, want %q", i, got[i], want[i])
		}
	}
}
