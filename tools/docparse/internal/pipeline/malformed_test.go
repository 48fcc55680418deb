package pipeline

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// TestMalformedInputs: odd input of every kind ends in located diagnostics,
// never a panic, whatever family the page is taken for.
func TestMalformedInputs(t *testing.T) {
	iam, err := os.ReadFile(root + "testdata/pages/003_35a63400baf27e53.txt")
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 1<<16)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	// Each case with a piece of the diagnostic (or skip reason) it must give
	// when its family is detected.
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":           {nil, "the file is empty"},
		"binary garbage":  {garbage, "it is binary, not a text page"},
		"truncated HTML":  {iam[:len(iam)/3], "table is never closed"},
		"missing cells":   {bytes.ReplaceAll(iam, []byte("</td>\n<td"), []byte("</td>\n<!--td")), "has 1 cells but the type column is"},
		"cyclic anchors":  {[]byte("# x\n\n## URI\n\nGET /x\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n<table><tr><th>参数</th><th>参数类型</th></tr><tr><td>a</td><td><a href=\"#B\">B</a> object</td></tr></table>\n\n**表 2**  B\n\n<a name=\"B\"></a>\n<table><tr><th>参数</th><th>参数类型</th></tr><tr><td>c</td><td><a href=\"#C\">C</a> object</td></tr></table>\n\n**表 3**  C\n\n<a name=\"C\"></a>\n<table><tr><th>参数</th><th>参数类型</th></tr><tr><td>b</td><td><a href=\"#B\">B</a> object</td></tr></table>\n"), "contains itself through this row"},
		"only a table":    {[]byte("<table><tr><td>x"), "of no known family"},
		"nested tables":   {[]byte("## URI\n\nGET /x\n\n<table><tr><td><table><tr><td>y</td></tr></table></td></tr></table>\n"), "not a parameter table"},
		"unclosed fences": {[]byte("## URI\n\nGET /x\n\n## 请求示例\n\n```\n{\"a\":\n"), "code block is never closed"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			for _, fam := range Families() {
				res := Run([]Source{{Name: "bad.md", Data: c.data}}, Options{Family: fam.Name})
				checkLocated(t, fam.Name, res.Diags)
			}
			res := Run([]Source{{Name: "bad.md", Data: c.data}}, Options{})
			if len(res.Diags) == 0 && res.YAML == nil {
				t.Error("no spec and no diagnostic")
			}
			checkLocated(t, "detected", res.Diags)
			found := false
			for _, d := range res.Diags {
				found = found || strings.Contains(d.Msg, c.want)
			}
			if !found {
				t.Errorf("no diagnostic says %q: %v", c.want, res.Diags)
			}
		})
	}
}

// TestFiftyMegabytePage: a page as large as docparse accepts (it refuses
// more than 64 MiB) is read in one linear pass; the test's own timeout
// bounds the time.
func TestFiftyMegabytePage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB page")
	}
	iam, err := os.ReadFile(root + "testdata/pages/003_35a63400baf27e53.txt")
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(iam, []byte("**表 4**"))
	end := bytes.Index(iam, []byte("## 响应参数"))
	tables := iam[start:end]
	var page bytes.Buffer
	page.Write(iam[:end])
	for page.Len() < 50<<20 {
		page.Write(tables) // the same captions again and again
	}
	page.Write(iam[end:])
	res := Run([]Source{{Name: "big.md", Data: page.Bytes()}}, Options{Family: "huawei-api"})
	if res.Operations != 1 {
		t.Errorf("%d operations", res.Operations)
	}
	warned := false
	for _, d := range res.Diags {
		if d.Loc.File != "big.md" && d.Loc.File != "" {
			t.Fatalf("diagnostic names another file: %v", d)
		}
		warned = warned || strings.Contains(d.Msg, "not referenced")
	}
	if !warned {
		t.Error("the repeated object tables should be reported as unreferenced")
	}
}

func checkLocated(t *testing.T, family string, diags model.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		if d.Loc.File == "" && d.Loc.What == "" {
			t.Errorf("%s: diagnostic without a location: %v", family, d)
		}
	}
}
