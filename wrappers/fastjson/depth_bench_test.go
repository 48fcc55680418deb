package fastjson

import (
	"fmt"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/docapi/docapi/generated/csms"
)

// BenchmarkDepthCheck: Unmarshal (depth pass, then segmentio) against
// segmentio alone, on a 100-secret list, where the bracket count is past
// maxDepth and the pass runs.
func BenchmarkDepthCheck(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"resources":[`)
	for i := range 100 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"resource_id":"%[1]d5b2d4b6","resource_name":"app-secret-%[1]d","resource_detail":{"id":"x","name":"[n]"},"tags":[{"key":"env","value":"prod"}]}`, i)
	}
	sb.WriteString(`],"total_count":100}`)
	body := []byte(sb.String())
	if depthAtMost(body, 0) || !depthAtMost(body, maxDepth) {
		b.Fatal("body shape")
	}
	for _, c := range []struct {
		name string
		fn   func([]byte, any) error
	}{{"segmentio", json.Unmarshal}, {"fastjson", Unmarshal}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var v csms.ListResourceInstancesResponseBody
				if err := c.fn(body, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
