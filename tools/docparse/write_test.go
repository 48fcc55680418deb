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
