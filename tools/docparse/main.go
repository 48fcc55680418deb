// Command docparse reads API documentation pages (Huawei Cloud API and SDK
// references, Taobao Open Platform pages) and writes one OpenAPI 3.0 document.
//
//	docparse [-service FILE] [-family NAME] [-o FILE] [-changelog=false] PAGE...
//
// When -o replaces an existing spec, what changed for API users (operations,
// parameters and fields added or removed, types, required flags and
// constraints, breaking changes marked) is printed to stdout first.
//
// Diagnostics go to stderr, each naming the file, table and row it concerns,
// followed by a one-line summary. With errors nothing is written and the
// exit status is 1; usage errors exit 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/docapi/docapi/tools/docparse/internal/changelog"
	"github.com/docapi/docapi/tools/docparse/internal/pipeline"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

// maxPageBytes bounds what one page may hold, so a wrong argument cannot
// exhaust memory.
const maxPageBytes = 64 << 20

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docparse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the spec to `FILE` (atomically) instead of stdout")
	svc := fs.String("service", "", "service `FILE` with what the pages do not say (operationIds, servers, ...)")
	family := fs.String("family", "", "read every page as family `NAME` instead of detecting it")
	changes := fs.Bool("changelog", true, "with -o, print what changed against the spec being replaced")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docparse [-service FILE] [-family NAME] [-o FILE] [-changelog=false] PAGE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	opts := pipeline.Options{Family: *family}
	if *svc != "" {
		data, err := os.ReadFile(*svc)
		if err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return 1
		}
		if opts.Service, err = service.Parse(*svc, data); err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return 1
		}
	}
	var sources []pipeline.Source
	for _, name := range fs.Args() {
		data, err := readPage(name)
		if err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return 1
		}
		sources = append(sources, pipeline.Source{Name: name, Data: data})
	}
	res := pipeline.Run(sources, opts)
	for _, d := range res.Diags {
		fmt.Fprintln(stderr, d)
	}
	fmt.Fprintln(stderr, "docparse:", res.Summary())
	if res.YAML == nil {
		return 1
	}
	if *out != "" && *changes {
		printChangelog(*out, res.YAML, stdout, stderr)
	}
	if err := write(*out, res.YAML, stdout); err != nil {
		fmt.Fprintln(stderr, "docparse:", err)
		return 1
	}
	return 0
}

// printChangelog reports what the new spec changes against the one at
// path, if there is one. A spec that cannot be compared is warned about and
// replaced all the same: the changelog is for reading, not a gate.
func printChangelog(path string, spec []byte, stdout, stderr io.Writer) {
	old, err := readPage(path)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	report := ""
	if err == nil {
		report, err = changelog.Report(old, spec)
	}
	if err != nil {
		fmt.Fprintf(stderr, "docparse: %s: no changelog: %v\n", path, err)
		return
	}
	if report != "" {
		fmt.Fprintf(stdout, "docparse: changes to %s:\n%s", path, report)
	}
}

func readPage(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxPageBytes {
		return nil, fmt.Errorf("%s: page is larger than %d MiB", name, maxPageBytes>>20)
	}
	return data, nil
}

// write replaces path in one step, so a failed run never leaves half a spec.
func write(path string, data []byte, stdout io.Writer) error {
	if path == "" {
		_, err := stdout.Write(data)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	err = errors.Join(werr, cerr)
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
