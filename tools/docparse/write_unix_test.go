//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe at -o is written to, and stays a pipe.
func TestWriteToPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "spec.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	dest, err := resolveOutput(fifo)
	if err != nil || !dest.stream {
		t.Fatalf("resolveOutput = %+v, %v; want a stream", dest, err)
	}
	if err := dest.write([]byte("spec")); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "spec" {
		t.Errorf("the pipe carried %q", b)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("no longer a pipe: %v", err)
	}
}
