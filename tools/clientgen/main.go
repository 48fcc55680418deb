// Command clientgen writes a generated client from an OpenAPI spec and its
// oapi-codegen config: the models and raw client, with oapi-codegen's
// library exactly as `go tool oapi-codegen -config` would write them except
// that every doc comment ends with the page line its node came from
// (x-docapi-source, added to the loaded spec only); and the typed layer:
// one call per operation, returning the decoded body or a typed error, an
// iter.Seq2 for every operation the spec marks with x-docapi-pagination,
// and retry safety from the method and x-docapi-idempotent. The typed
// layer is read off the models just generated (the same config, so the
// same names) and calls the hand-written runtime in wrappers/huawei or
// wrappers/top.
//
//	go run ./tools/clientgen -family huawei -config specs/vpc.codegen.yaml specs/vpc.yaml
//
// writes the config's output (generated/vpc/vpc.gen.go, package vpc),
// generated/vpc/server.gen.go with the spec's server URL and
// generated/vpc/vpcapi/vpcapi.gen.go (package vpcapi). The files are
// replaced as a set: all are generated and written to temporary files
// before any is renamed into place, so an error leaves the old ones.
//
//	go run ./tools/clientgen -family huawei specs/iam.codegen.yaml=specs/iam.yaml specs/vpc.codegen.yaml=specs/vpc.yaml
//
// does the same for each config=spec pair, one process per pair (oapi-codegen's
// library keeps global state), as many at a time as there are CPUs: one
// go:generate line for many clients costs one go run.
//
//	go run ./tools/clientgen -registry specs/clients_gen_test.go "specs/*.codegen.yaml"
//
// writes the test file that names every generated raw client (specs_test's
// clients), so adding a service lists it there too.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

func main() {
	family := flag.String("family", "huawei", "runtime the calls use: huawei or top")
	config := flag.String("config", "", "the spec's oapi-codegen config (specs/<service>.codegen.yaml)")
	reg := flag.String("registry", "", "write this test file naming the raw client of every codegen config the arguments (globs) match")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: clientgen -family huawei|top -config specs/<service>.codegen.yaml specs/<service>.yaml")
		fmt.Fprintln(os.Stderr, "       clientgen -family huawei|top specs/<a>.codegen.yaml=specs/<a>.yaml ...")
		fmt.Fprintln(os.Stderr, "       clientgen -registry specs/clients_gen_test.go 'specs/*.codegen.yaml'")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *reg != "" && flag.NArg() > 0 {
		files, err := registry(*reg, flag.Args())
		if err == nil {
			err = writeAll(files)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "clientgen:", err)
			os.Exit(1)
		}
		return
	}
	if *config == "" && flag.NArg() > 0 {
		if err := runPairs(*family, flag.Args(), os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "clientgen:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 || *config == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*family, *config, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "clientgen:", err)
		os.Exit(1)
	}
}

// runPairs runs this program once for each config=spec pair, as many at
// a time as there are CPUs, and reports every pair that failed; each
// pair's files are replaced as a set, so a failure leaves its old ones.
func runPairs(family string, pairs []string, stderr io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	type job struct{ config, spec string }
	jobs := make([]job, len(pairs))
	for i, p := range pairs {
		config, spec, ok := strings.Cut(p, "=")
		if !ok || config == "" || spec == "" {
			return fmt.Errorf("argument %q is not config=spec", p)
		}
		jobs[i] = job{config, spec}
	}
	outputs := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	slots := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			outputs[i], errs[i] = exec.Command(self, "-family", family, "-config", j.config, j.spec).CombinedOutput()
		}()
	}
	wg.Wait()
	var failed []string
	for i, j := range jobs {
		stderr.Write(outputs[i])
		if errs[i] != nil {
			failed = append(failed, j.spec)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d clients not written: %s", len(failed), len(jobs), strings.Join(failed, ", "))
	}
	return nil
}

// run generates every file of the spec, then writes them as a set.
func run(family, config, spec string) error {
	files, err := generate(family, config, spec)
	if err != nil {
		return err
	}
	return writeAll(files)
}

// writeAll replaces the files as a set: each is written to a temporary
// file beside it first, and only when all of them are written are they
// renamed into place, so a failure before the renames (a full disk, a
// directory that cannot be made) leaves every old file as it was.
func writeAll(files map[string][]byte) (err error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	temps := make([]string, 0, len(paths))
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, p := range paths {
		t, err := writeTemp(p, files[p])
		if err != nil {
			return err
		}
		temps = append(temps, t)
	}
	for i, p := range paths {
		if err := os.Rename(temps[i], p); err != nil {
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in path's directory.
func writeTemp(path string, data []byte) (string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".clientgen-*")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return tmp.Name(), nil
}
