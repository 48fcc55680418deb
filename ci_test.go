package docapi

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every fuzz target of the module is run by CI (.ci/run names its package
// and name) and named in the README's list, so a new target is neither
// forgotten by CI nor unknown to readers.
func TestEveryFuzzTargetIsRunAndListed(t *testing.T) {
	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	target := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	found := 0
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // a directory another package's test made and removed meanwhile
		}
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bench") {
			return filepath.SkipDir // bench is a module of its own
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pkg := "./" + filepath.ToSlash(filepath.Dir(path))
		for _, m := range target.FindAllSubmatch(src, -1) {
			found++
			name := string(m[1])
			if !regexp.MustCompile(`(?m)^fuzz ` + regexp.QuoteMeta(pkg) + ` ` + name + `$`).Match(ci) {
				t.Errorf("%s: %s is not in .ci/run's fuzz list (fuzz %s %s)", path, name, pkg, name)
			}
			if !regexp.MustCompile(`\b` + name + `\b`).Match(readme) {
				t.Errorf("%s: %s is not named in the README", path, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Errorf("found only %d fuzz targets", found)
	}
}
