package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// When the final rename fails (here: -o names a directory), the temporary
// file must not be left behind.
func TestWriteFailureLeavesNoTempFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "spec.yaml")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(out, []byte("spec"), &bytes.Buffer{}); err == nil {
		t.Fatal("write over a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// -o naming a device must write to it, not rename a file over it (as root,
// -o /dev/null once replaced the device with a regular file), and must not
// read it as the spec being replaced.
func TestWriteToDeviceKeepsDevice(t *testing.T) {
	const devNull = "/dev/null"
	before, err := os.Stat(devNull)
	if err != nil || before.Mode()&os.ModeDevice == 0 {
		t.Skip("no /dev/null device here")
	}
	var stdout, stderr bytes.Buffer
	printChangelog(devNull, []byte("openapi: 3.0.3\n"), &stdout, &stderr)
	if stdout.Len()+stderr.Len() != 0 {
		t.Errorf("changelog against a device: %q %q", stdout.String(), stderr.String())
	}
	if err := write(devNull, []byte("spec"), &stdout); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(devNull)
	if err != nil || after.Mode()&os.ModeDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", after.Mode(), err)
	}
}

// A symbolic link given to -o keeps pointing at the spec it names, which
// gets the new contents.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := write(link, []byte("new"), &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
}

// A file at -o that is empty or not an OpenAPI document gives a note, never
// a panic (it did: kin-openapi loads "" as a spec without info).
func TestChangelogAgainstNonSpec(t *testing.T) {
	for _, old := range []string{"", "a: b\n", "openapi: 3.0.3\n", "[1, 2]\n"} {
		path := filepath.Join(t.TempDir(), "spec.yaml")
		if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		printChangelog(path, []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"), &stdout, &stderr)
		if !bytes.Contains(stderr.Bytes(), []byte("no changelog")) {
			t.Errorf("old %q: stderr %q, stdout %q", old, stderr.String(), stdout.String())
		}
	}
}
