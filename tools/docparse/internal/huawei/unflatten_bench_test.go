package huawei

import (
	"fmt"
	"strings"
	"testing"
)

// A response table of n rows the example does not show: unflatten looks,
// for each row, through every later row for one the example has, so its
// work grows with n². Compare the with-example and without-example runs
// at 2000 and 8000 rows (the page without an example skips unflatten).
func BenchmarkUnflattenRows(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		for _, withExample := range []bool{false, true} {
			var sb strings.Builder
			sb.WriteString("# 获取列表\n\n## URI\n\nGET /\n\n## 响应消息\n\n**表 1**  响应参数\n\n|参数名称|类型|说明|\n|--|--|--|\n")
			for i := range n {
				fmt.Fprintf(&sb, "|r%d|String|说明。|\n", i)
			}
			if withExample {
				sb.WriteString("\n-   响应样例\n\n    ```\n    {\"r0\": \"x\"}\n    ```\n")
			}
			page := []byte(sb.String())
			b.Run(fmt.Sprintf("rows=%d/example=%v", n, withExample), func(b *testing.B) {
				for b.Loop() {
					ReadAPIReference("p.md", page)
				}
			})
		}
	}
}
