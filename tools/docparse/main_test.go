package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pages = "../../testdata/pages/"

func TestRunWritesSpecAndSummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "csms.yaml")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-service", "../../specs/csms.service.yaml", "-o", out, "../../testdata/corpus/huaweicloudDocs/dew/API参考/查询凭据实例.md"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "docparse: 1 pages: 1 read, 0 skipped, 0 for other specs, 0 excluded, 0 left out; 1 operations, 9 schemas, 1 warnings, 0 errors") {
		t.Errorf("summary missing: %q", stderr.String())
	}
	spec, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(spec, []byte("operationId: ListResourceInstances")) {
		t.Errorf("spec not written: %v", err)
	}
}

func TestRunFailsWithoutWriting(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The ModelArts page has no method or path; without its service file
	// that is an error, and the previous spec must survive untouched.
	var stdout, stderr bytes.Buffer
	code := run([]string{"-o", out, pages + "000_c4a9fc00bbd1a588.txt"}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "000_c4a9fc00bbd1a588.txt:1: error: operation GetInstanceToken has no method or path") {
		t.Errorf("error not located: %q", stderr.String())
	}
	if got, _ := os.ReadFile(out); string(got) != "previous" {
		t.Errorf("output overwritten with %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestRunUsageAndUnknownPages(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no pages: exit %d, want 2", code)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.bin")
	if err := os.WriteFile(garbage, []byte("\x00\x01binary\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run([]string{garbage}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "garbage.bin:1: error: the file holds a NUL byte") {
		t.Errorf("garbage: exit %d, %q", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("wrote %q to stdout on failure", stdout.String())
	}
}

// TestRunFolderLeavesOutBadPages: a folder with a readable page, an
// overview and a broken page writes the readable one; the exit status says
// pages were left out unless -leftout records them, and -strict writes
// nothing.
func TestRunFolderLeavesOutBadPages(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(pages + "001_83a3706802655526.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.md":        string(good),
		"broken.md":      "# 删除\n\n## URI\n\nDELETE /v1/{id}\n\n**表 1**  路径参数\n\n<table><tr><th>x</th><th>参数类型</th></tr><tr><td>id</td><td>String</td></tr></table>\n",
		"sub/readme.txt": string(good),
		".hidden.md":     "not read",
		"image.png":      "not read",
	}
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "spec.yaml")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-o", out, dir}, &stdout, &stderr)
	if code != exitLeftOut {
		t.Fatalf("exit %d, want %d: %s", code, exitLeftOut, stderr.String())
	}
	if !strings.Contains(stderr.String(), "3 pages: 2 read, 0 skipped, 0 for other specs, 0 excluded, 1 left out") {
		t.Errorf("summary: %s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "broken.md:9: table \"表 1 路径参数\": error:") {
		t.Errorf("broken page's error not located: %s", stderr.String())
	}
	if spec, err := os.ReadFile(out); err != nil || !bytes.Contains(spec, []byte("ListResourceInstances")) {
		t.Errorf("spec of the good page not written: %v", err)
	}

	record := filepath.Join(dir, "leftout.txt")
	stderr.Reset()
	if code := run([]string{"-leftout", record, "-o", out, dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("with -leftout: exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(record)
	if err != nil || !bytes.Contains(got, []byte("left out\t"+filepath.Join(dir, "broken.md")+"\t")) {
		t.Errorf("left-out record %q, %v", got, err)
	}

	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run([]string{"-strict", "-o", out, dir}, &stdout, &stderr); code != exitFailed {
		t.Errorf("-strict: exit %d, want %d", code, exitFailed)
	}
	if got, _ := os.ReadFile(out); string(got) != "previous" {
		t.Errorf("-strict overwrote the spec with %q", got)
	}
}

func TestRunGlobMatchingNothing(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{filepath.Join(t.TempDir(), "*.md")}, &stdout, &stderr); code != exitFailed || !strings.Contains(stderr.String(), "no page matches") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestRunPrintsChangelog replaces a spec that lacks an enum and a field
// with the page's own, and expects both changes reported before the write.
func TestRunPrintsChangelog(t *testing.T) {
	out := filepath.Join(t.TempDir(), "csms.yaml")
	args := []string{"-service", "../../specs/csms.service.yaml", "-o", out, "../../testdata/corpus/huaweicloudDocs/dew/API参考/查询凭据实例.md"}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("changelog printed for a new file: %q", stdout.String())
	}
	spec, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	older := bytes.Replace(spec, []byte("            - filter\n            - count\n"), nil, 1)
	older = bytes.Replace(older, []byte("enum:\n          type: string"), []byte("type: string"), 1)
	if err := os.WriteFile(out, older, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "docparse: changes to "+out) || !strings.Contains(stdout.String(), "request property `action` was restricted to a list of enum values") {
		t.Errorf("changelog missing: %q", stdout.String())
	}
	stdout.Reset()
	if code := run(append([]string{"-changelog=false"}, args...), &stdout, &stderr); code != 0 || stdout.Len() != 0 {
		t.Errorf("-changelog=false: exit %d, stdout %q", code, stdout.String())
	}
}

// A service file's page that is missing is reported at the service file's
// pages key; an absolute page path is read as it is.
func TestRunServicePagesErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	page, err := filepath.Abs("../../testdata/corpus/huaweicloudDocs/dew/API参考/查询凭据实例.md")
	if err != nil {
		t.Fatal(err)
	}
	svc := filepath.Join(dir, "x.service.yaml")
	writeFile(t, svc, "title: T\nversion: \"1\"\npages: ["+page+"]\n")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-service", svc, "-o", filepath.Join(dir, "x.yaml")}, &stdout, &stderr); code != exitOK {
		t.Errorf("absolute page: exit %d: %s", code, stderr.String())
	}
	missing := filepath.Join(dir, "nowhere")
	writeFile(t, svc, "title: T\nversion: \"1\"\n\npages: ["+missing+"]\n")
	stderr.Reset()
	code := run([]string{"-service", svc, "-o", filepath.Join(dir, "x.yaml")}, &stdout, &stderr)
	if want := svc + ":4 (pages): stat " + missing + ": no such file"; code != exitFailed || !strings.Contains(stderr.String(), want) {
		t.Errorf("missing page: exit %d, stderr %q, want %q", code, stderr.String(), want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// -notes=false prints the warnings and errors only; notes are printed by
// default.
func TestRunNotesFlag(t *testing.T) {
	page := "../../testdata/corpus/huaweicloudDocs/rds/API参考/重启实例（V1）.md" // a note (no type column), no warning
	for _, c := range []struct {
		flag  string
		notes bool
	}{{"-notes=true", true}, {"-notes=false", false}} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{c.flag, "-o", filepath.Join(t.TempDir(), "x.yaml"), "-changelog=false", page}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.flag, code, stderr.String())
		}
		if got := strings.Contains(stderr.String(), ": note: "); got != c.notes {
			t.Errorf("%s: notes printed %v, want %v:\n%s", c.flag, got, c.notes, stderr.String())
		}
		if !strings.Contains(stderr.String(), "docparse: 1 pages: 1 read") {
			t.Errorf("%s: summary missing:\n%s", c.flag, stderr.String())
		}
	}
}
