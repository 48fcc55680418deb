package pipeline

import (
	"strings"
	"testing"
)

// A -family no reader has is the caller's mistake, and the error must say
// so rather than blame the page.
func TestUnknownForcedFamily(t *testing.T) {
	res := Run([]Source{{Name: "p.md", Data: []byte("## URI\n\nGET /x\n")}}, Options{Family: "huawei"})
	if res.YAML != nil || len(res.Diags) != 1 {
		t.Fatalf("want one error and no spec, got %v", res.Diags)
	}
	if msg := res.Diags[0].String(); !strings.Contains(msg, `unknown family "huawei"`) || !strings.Contains(msg, "huawei-api") {
		t.Errorf("error %q does not name the unknown family and the known ones", msg)
	}
}
