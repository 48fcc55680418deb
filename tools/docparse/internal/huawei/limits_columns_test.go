package huawei

import (
	"strings"
	"testing"
)

// A table with both a 取值范围 and a 默认值 column beside 描述: mapColumns
// keeps one column of limits, so the later one overwrites the earlier and
// the range (1-65535) never reaches the description the constraint
// readers look at. Both columns should join it.
func TestRangeAndDefaultColumnsBothJoin(t *testing.T) {
	page := "# 查询端口\n\n## URI\n\nGET /v1/{project_id}/ports\n\n" +
		"**表 1**  路径参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n\n" +
		"**表 2**  Query参数\n\n|参数|是否必选|参数类型|描述|取值范围|默认值|\n|--|--|--|--|--|--|\n" +
		"|port|否|Integer|端口。|1-65535|80|\n"
	op, _ := readPage(t, page)
	for _, prm := range op.Params {
		if prm.Name != "port" {
			continue
		}
		for _, want := range []string{"1-65535", "80"} {
			if !strings.Contains(prm.Description, want) {
				t.Errorf("port's description %q lacks %q", prm.Description, want)
			}
		}
		return
	}
	t.Fatalf("no port parameter: %+v", op.Params)
}
