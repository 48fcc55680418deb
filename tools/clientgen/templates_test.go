package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// specs/templates are copies of oapi-codegen's with docapi's changes; their
// header names the version copied. This checks that version against go.mod
// (not the copies' text): when go.mod moves oapi-codegen, it fails until
// the templates are copied afresh from that version and the changes, which
// each header lists, made again.
func TestTemplatesNameTheirOapiCodegenVersion(t *testing.T) {
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`github.com/oapi-codegen/oapi-codegen/v2 (v\S+)`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod does not require oapi-codegen")
	}
	files, _ := filepath.Glob("../../specs/templates/*.tmpl")
	if len(files) == 0 {
		t.Fatal("no templates")
	}
	header := regexp.MustCompile(`^\{\{/\* oapi-codegen (v\S+) pkg/codegen/templates/(\S+) `)
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h := header.FindSubmatch(text)
		switch {
		case h == nil:
			t.Errorf("%s: no header naming the oapi-codegen template it copies", f)
		case string(h[1]) != string(m[1]):
			t.Errorf("%s copies oapi-codegen %s's template; go.mod has %s", f, h[1], m[1])
		case string(h[2]) != filepath.Base(f):
			t.Errorf("%s copies %s", f, h[2])
		}
	}
}
