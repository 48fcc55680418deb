package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// A page over the size limit is left out with a located error; the other
// pages are still read.
func TestOversizedPageIsLeftOut(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxPageBytes + 1); err != nil { // sparse: no real 64 MiB written
		t.Fatal(err)
	}
	f.Close()
	small := filepath.Join(dir, "small.md")
	if err := os.WriteFile(small, []byte("# 概述\n\n本章介绍。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sources, err := ReadSources([]string{big, small})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(sources, Options{})
	if len(res.LeftOut) != 1 || res.LeftOut[0].File != big || len(res.Skipped) != 1 {
		t.Errorf("left out %v, skipped %v", res.LeftOut, res.Skipped)
	}
	if len(res.Diags) == 0 || res.Diags[0].Loc.File != big {
		t.Errorf("diagnostics %v", res.Diags)
	}
}
