package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The registry of raw clients (specs/clients_gen_test.go) names every
// codegen config's package, so it is as fresh as they are.
func TestRegistryIsFresh(t *testing.T) {
	t.Chdir("../..")
	const out, pattern = "specs/clients_gen_test.go", "specs/*.codegen.yaml"
	files, err := registry(out, []string{pattern})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil || !bytes.Equal(got, files[out]) {
		t.Errorf("%s is stale (%v); run go generate ./...", out, err)
	}
	configs, _ := filepath.Glob(pattern)
	if len(configs) == 0 {
		t.Fatal("no codegen configs")
	}
	for _, c := range configs {
		name := strings.TrimSuffix(filepath.Base(c), ".codegen.yaml")
		if !bytes.Contains(files[out], []byte(`"`+name+`": `)) {
			t.Errorf("%s does not register %s", out, name)
		}
	}
	if _, err := registry("specs/clients.go", []string{pattern}); err == nil {
		t.Error("a registry that is not a test file was accepted")
	}
}
