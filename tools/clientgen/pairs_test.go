package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// config=spec pairs run one clientgen process each: the good pair's files
// are written, the bad one is named in the error and the exit status.
func TestPairsRunEachClient(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build clientgen: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "clientgen")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	spec, cfg := writeSpec(t, dir, "xx", headersSpec, filepath.Join(dir, "xx", "xx.gen.go"))
	missing := filepath.Join(dir, "missing.yaml")
	cmd := exec.Command(bin, "-family", "huawei", cfg+"="+spec, cfg+"="+missing)
	cmd.Dir = "../.." // the module root, as go generate runs it
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "1 of 2 clients not written: "+missing) {
		t.Errorf("err %v, output:\n%s\nwant a failure naming %s", err, out, missing)
	}
	for _, f := range []string{filepath.Join(dir, "xx", "xx.gen.go"), filepath.Join(dir, "xx", "xxapi", "xxapi.gen.go")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the good pair's %s is not written: %v", f, err)
		}
	}
	if out, err := exec.Command(bin, "-family", "huawei", "no-equals-sign").CombinedOutput(); err == nil || !strings.Contains(string(out), "is not config=spec") {
		t.Errorf("an argument without = accepted: %v\n%s", err, out)
	}
}
