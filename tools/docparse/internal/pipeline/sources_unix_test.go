//go:build unix

package pipeline

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe where a linked page should be is refused at once, not
// waited on for a writer that never comes (it is opened without blocking
// and checked on the open file).
func TestReadLinkedPageRefusesPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "数据结构.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	_, err := ReadLinkedPage(fifo)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("ReadLinkedPage(fifo) = %v, want not a regular file", err)
	}
}
