package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/service"
)

const settingsPage = "## URI\n\nGET /v1/things\n"

// A setting of the service file the emitter refuses (a server variable
// without a default) and a docs entry naming no folder are errors at the
// service file's line, and nothing is written.
func TestServiceSettingErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, file, want string }{
		{"server", "title: T\nversion: \"1\"\nservers:\n  - url: https://x.{region}.example.com\n    variables:\n      region: {description: r}\n",
			":3 (servers): error: server https://x.{region}.example.com: variable region has no default"},
		{"no title", "version: \"1\"\n", " (title): error: document has no title"},
		{"docs", "title: T\nversion: \"1\"\ndocs:\n  - {folder: gone, repository: a/b, commit: abcdef0}\n",
			":4 (docs folder gone): error: stat " + filepath.Join(dir, "gone") + ": no such file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, "x.service.yaml")
			cfg, err := service.Parse(file, []byte(c.file))
			if err != nil {
				t.Fatal(err)
			}
			res := Run([]Source{{Name: "p.md", Data: []byte(settingsPage)}}, Options{Service: cfg, Family: "huawei-api"})
			if res.YAML != nil || !strings.Contains(diagText(res), file+c.want) {
				t.Errorf("spec written: %v; diagnostics:\n%s\nwant %s", res.YAML != nil, diagText(res), file+c.want)
			}
		})
	}
}
