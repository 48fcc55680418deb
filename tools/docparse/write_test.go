package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// When the final rename fails, the temporary file must not be left behind.
func TestReplaceFailureLeavesNoTempFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "spec.yaml")
	failed := errors.New("rename refused")
	err := replaceFile(out, []byte("spec"), func(string, string) error { return failed })
	if !errors.Is(err, failed) {
		t.Fatalf("replaceFile = %v, want the rename's error", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestOutputToDirectoryRefused(t *testing.T) {
	if _, err := resolveOutput(t.TempDir()); err == nil {
		t.Fatal("a directory was accepted as -o")
	}
}

// -o naming a device is a stream: written to, never renamed over (as root,
// -o /dev/null once replaced the device with a regular file) and never read
// as the spec being replaced. Only resolved here, never written: a
// regression must not break the machine's /dev/null.
func TestDeviceIsStream(t *testing.T) {
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeDevice == 0 {
		t.Skip("no /dev/null device here")
	}
	dest, err := resolveOutput("/dev/null")
	if err != nil || !dest.stream {
		t.Fatalf("resolveOutput(/dev/null) = %+v, %v; want a stream", dest, err)
	}
	var stdout, stderr bytes.Buffer
	printChangelog(dest, []byte("openapi: 3.0.3\n"), &stdout, &stderr)
	if stdout.Len()+stderr.Len() != 0 {
		t.Errorf("changelog against a device: %q %q", stdout.String(), stderr.String())
	}
}

// A link into /proc/self/fd (what /dev/stdout is) is a stream even when
// the descriptor is a regular file: appended to in place, the link kept.
// (Followed to its end, it was renamed over, and "-o /dev/stdout >> log"
// lost the log.)
func TestLinkToFileDescriptorIsStream(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "log")
	if err := os.WriteFile(logPath, []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fdPath := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	if _, err := os.Stat(fdPath); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	link := filepath.Join(dir, "stdout")
	if err := os.Symlink(fdPath, link); err != nil {
		t.Skip(err)
	}
	dest, err := resolveOutput(link)
	if err != nil || !dest.stream {
		t.Fatalf("resolveOutput = %+v, %v; want a stream", dest, err)
	}
	if err := dest.write([]byte("spec\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(logPath); string(got) != "earlier\nspec\n" {
		t.Errorf("log holds %q", got)
	}
}

// A symbolic link given to -o keeps pointing at the spec it names, which
// gets the new contents; so does a link whose target does not exist yet.
func TestWriteThroughSymlink(t *testing.T) {
	for _, existing := range []bool{true, false} {
		dir := t.TempDir()
		target := filepath.Join(dir, "real.yaml")
		link := filepath.Join(dir, "spec.yaml")
		if existing {
			if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Symlink("real.yaml", link); err != nil {
			t.Skip(err)
		}
		dest, err := resolveOutput(link)
		if err == nil {
			err = dest.write([]byte("new"))
		}
		if err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("existing=%v: the link was replaced: %v", existing, err)
		}
		if got, _ := os.ReadFile(target); string(got) != "new" {
			t.Errorf("existing=%v: target holds %q", existing, got)
		}
	}
}

func TestSymlinkLoopRefused(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.Symlink(b, a); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(a, b); err != nil {
		t.Fatal(err)
	}
	if _, err := resolveOutput(a); err == nil {
		t.Fatal("a symbolic link loop was accepted")
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
		printChangelog(destination{path: path}, []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"), &stdout, &stderr)
		if !bytes.Contains(stderr.Bytes(), []byte("no changelog")) {
			t.Errorf("old %q: stderr %q, stdout %q", old, stderr.String(), stdout.String())
		}
	}
}
