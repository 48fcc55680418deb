// Command docparse reads API documentation pages (Huawei Cloud API and SDK
// references, Taobao Open Platform pages) and writes one OpenAPI 3.0 document.
//
//	docparse [-service FILE] [-family NAME] [-strict] [-leftout FILE] [-o FILE] [-changelog=false] [PAGE|FOLDER|GLOB...]
//
// When -o replaces an existing spec, what changed for API users (operations,
// parameters and fields added or removed, types, required flags and
// constraints, breaking changes marked) is printed to stdout first.
//
// Folders give every page under them; without arguments the service file's
// pages are read. Diagnostics go to stderr, each naming the file, table and
// row it concerns, followed by a one-line summary. A page that cannot be
// read is left out with its errors and the rest is written.
//
// Exit status: 0 the spec was written and every page read or skipped as
// not an operation (or the pages left out were recorded with -leftout);
// 3 the spec was written but pages were left out; 1 nothing was written
// (an error no page accounts for, nothing left to write, or -strict with a
// page left out); 2 usage.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/changelog"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/pipeline"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	exitLeftOut = 3
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docparse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the spec to `FILE` (atomically) instead of stdout")
	svc := fs.String("service", "", "service `FILE` with what the pages do not say (title, servers, pages, corrections)")
	family := fs.String("family", "", "read every page as family `NAME` instead of detecting it")
	strict := fs.Bool("strict", false, "write nothing when any page cannot be read")
	leftout := fs.String("leftout", "", "record the pages skipped and left out, with why, in `FILE` (atomically)")
	changes := fs.Bool("changelog", true, "with -o, print what changed against the spec being replaced")
	notes := fs.Bool("notes", true, "print notes (how a page was read) as well as warnings and errors")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: docparse [-service FILE] [-family NAME] [-strict] [-leftout FILE] [-o FILE] [-changelog=false] [-notes=false] [PAGE|FOLDER|GLOB...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	opts := pipeline.Options{Family: *family, Strict: *strict, ReadLinked: pipeline.ReadLinkedPage}
	if *svc != "" {
		data, err := os.ReadFile(*svc)
		if err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return exitFailed
		}
		if opts.Service, err = service.Parse(*svc, data); err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return exitFailed
		}
	}
	inputs := fs.Args()
	fromService := len(inputs) == 0 && opts.Service != nil
	if fromService {
		inputs = opts.Service.PagePaths()
	}
	if len(inputs) == 0 {
		fs.Usage()
		return exitUsage
	}
	paths, err := pipeline.Expand(inputs)
	if err != nil && fromService {
		// The service file named what is missing: say which file and key.
		err = fmt.Errorf("%s: %w", opts.Service.KeyLoc("pages"), err)
	}
	if err == nil {
		var sources []pipeline.Source
		if sources, err = pipeline.ReadSources(paths); err == nil {
			return report(pipeline.Run(sources, opts), *out, *leftout, *changes, *notes, stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "docparse:", err)
	return exitFailed
}

func report(res *pipeline.Result, out, leftout string, changes, notes bool, stdout, stderr io.Writer) int {
	for _, d := range res.Diags {
		if notes || d.Severity != model.Note {
			fmt.Fprintln(stderr, d)
		}
	}
	fmt.Fprintln(stderr, "docparse:", res.Summary())
	if res.YAML == nil {
		return exitFailed
	}
	if out == "" {
		if _, err := stdout.Write(res.YAML); err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return exitFailed
		}
	} else {
		dest, err := resolveOutput(out)
		if err == nil && changes {
			printChangelog(dest, res.YAML, stdout, stderr)
		}
		if err == nil {
			err = dest.write(res.YAML)
		}
		if err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return exitFailed
		}
	}
	// The record follows the spec it describes: a failed spec leaves both as they were.
	if leftout != "" {
		dest, err := resolveOutput(leftout)
		if err == nil {
			err = dest.write(outcomes(res))
		}
		if err != nil {
			fmt.Fprintln(stderr, "docparse:", err)
			return exitFailed
		}
	}
	if len(res.LeftOut) > 0 && leftout == "" {
		return exitLeftOut
	}
	return exitOK
}

// maxSpecBytes bounds the spec being replaced that the changelog reads.
const maxSpecBytes = 64 << 20

// printChangelog reports what the new spec changes against the one it
// replaces, if there is one. A spec that cannot be compared is warned about
// and replaced all the same: the changelog is for reading, not a gate.
func printChangelog(dest destination, spec []byte, stdout, stderr io.Writer) {
	if dest.stream {
		return // a device or pipe holds no spec to compare with
	}
	path := dest.path
	old, err := readBounded(path, maxSpecBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return // nothing replaced yet
	}
	if err == nil && bytes.Equal(old, spec) {
		return // unchanged: nothing to report, and the diff would cost a second
	}
	report := ""
	if err == nil {
		report, err = changelog.Report(old, spec)
	}
	if err != nil {
		fmt.Fprintf(stderr, "docparse: %s: no changelog (%v)\n", path, err)
		return
	}
	if report != "" {
		fmt.Fprintf(stdout, "docparse: changes to %s:\n%s", path, report)
	}
}

func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s: larger than %d MiB", path, limit>>20)
	}
	return data, err
}

// outcomes lists the pages that are not in the spec, one per line.
func outcomes(res *pipeline.Result) []byte {
	var b strings.Builder
	b.WriteString("# Pages docparse did not put in the spec, and why (rewritten by go generate; do not edit).\n")
	b.WriteString("# left out: the page could not be read (its first error); other spec: the service file's\n")
	b.WriteString("# paths give it to another spec; excluded: the service file's exclude entry, with its reason\n")
	b.WriteString("# (not read); skipped: not an operation.\n")
	for _, o := range res.LeftOut {
		fmt.Fprintf(&b, "left out\t%s\t%s\n", o.File, oneLine(o.Reason))
	}
	for _, o := range res.OtherSpecs {
		fmt.Fprintf(&b, "other spec\t%s\t%s\n", o.File, oneLine(o.Reason))
	}
	for _, o := range res.Excluded {
		fmt.Fprintf(&b, "excluded\t%s\t%s\n", o.File, oneLine(o.Reason))
	}
	for _, o := range res.Skipped {
		fmt.Fprintf(&b, "skipped\t%s\t%s\n", o.File, oneLine(o.Reason))
	}
	return []byte(b.String())
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
