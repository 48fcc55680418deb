package pipeline

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// A page that documents no operation is skipped with a note naming it, and
// the pages beside it are still read.
func TestNotOperationSkipped(t *testing.T) {
	res := Run([]Source{
		{Name: "index.md", Data: []byte("# API参考\n\n-   [概述](概述.md)\n-   [构造请求](构造请求.md)\n")},
		{Name: "op.md", Data: []byte("# 查询<a name=\"ListThings\"></a>\n\n## URI\n\nGET /v1/things\n\n## 状态码\n\n200\n")},
	}, Options{})
	if res.Diags.HasErrors() || res.YAML == nil || res.Operations != 1 {
		t.Fatalf("operations %d, diagnostics %v", res.Operations, res.Diags)
	}
	var notes []string
	for _, d := range res.Diags {
		if d.Severity == model.Note {
			notes = append(notes, d.String())
		}
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "index.md: note: page is not an operation: ") || !strings.HasSuffix(notes[0], "; skipped") {
		t.Errorf("notes %q, want one saying index.md is skipped", notes)
	}
}
