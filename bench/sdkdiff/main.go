// Command sdkdiff measures how well a docparse spec agrees with the
// official Huawei Cloud Go SDK, operation by operation and field by field.
//
// It reads the SDK's source (services/<svc>/<v>/<svc>_meta.go and its model
// package) with go/parser rather than importing it, so every operation of
// every service is covered without generated glue, and the spec with
// kin-openapi. Operations pair by METHOD and path with placeholders
// unnamed; each pair's parameters, request body and success response body
// are compared by JSON name.
//
//	go run ./sdkdiff -spec ../specs/vpc.yaml $SDK/services/vpc/v2 $SDK/services/vpc/v3
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	specFile := flag.String("spec", "", "OpenAPI spec written by docparse")
	summaryOnly := flag.Bool("summary", false, "print only the summary")
	verbose := flag.Bool("v", false, "also list required-ours-only, which is counted only")
	pages := flag.String("pages", "", "directory the spec's x-docapi-source paths are relative to; when set, a field we lack is classed by where its page names it")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: sdkdiff -spec specs/x.yaml <sdk service dir>...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *specFile == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	opts := options{summaryOnly: *summaryOnly, verbose: *verbose, pages: *pages}
	if err := run(context.Background(), os.Stdout, *specFile, flag.Args(), opts); err != nil {
		fmt.Fprintln(os.Stderr, "sdkdiff:", err)
		os.Exit(1)
	}
}

type options struct {
	summaryOnly bool
	verbose     bool
	pages       string
}

// quiet kinds are counted in the summary but listed only with -v.
var quiet = map[string]bool{"required-ours-only": true}

func run(ctx context.Context, w io.Writer, specFile string, sdkDirs []string, opts options) error {
	ours, err := loadSpec(ctx, specFile)
	if err != nil {
		return err
	}
	var sdk []sdkOp
	for _, dir := range sdkDirs {
		ops, err := loadSDK(dir)
		if err != nil {
			return err
		}
		sdk = append(sdk, ops...)
	}
	pairs, sdkOnly, oursOnly := match(sdk, ours)
	for i := range pairs {
		compare(&pairs[i])
	}
	if opts.pages != "" {
		newPageLookup(opts.pages).refine(pairs)
	}
	sort.Slice(pairs, func(i, j int) bool {
		return opKey(pairs[i].Ours.Method, pairs[i].Ours.Path)+pairs[i].Ours.ID < opKey(pairs[j].Ours.Method, pairs[j].Ours.Path)+pairs[j].Ours.ID
	})
	s := summarize(specFile, len(ours), len(sdk), pairs, sdkOnly, oursOnly)
	if !opts.summaryOnly {
		writeOps(w, pairs, opts.verbose)
		fmt.Fprintf(w, "\n## spec operations the SDK lacks (%d)\n", len(oursOnly))
		for _, o := range oursOnly {
			fmt.Fprintf(w, "%s %s %s  (%s)\n", o.Method, o.Path, o.ID, o.Source)
		}
		fmt.Fprintf(w, "\n## SDK operations the spec lacks (%d)\n", len(sdkOnly))
		for _, o := range sdkOnly {
			fmt.Fprintf(w, "%s %s %s  (%s)\n", o.Method, o.Path, o.Name, o.Source)
		}
		fmt.Fprintln(w)
	}
	s.write(w)
	return nil
}

func writeOps(w io.Writer, pairs []pair, verbose bool) {
	for _, p := range pairs {
		var shown []diff
		for _, d := range p.Diffs {
			if d.Kind != "opid" && (verbose || !quiet[d.Kind]) {
				shown = append(shown, d)
			}
		}
		if len(shown) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %s  ours %s  sdk %s  (%s; %s)\n", p.Ours.Method, p.Ours.Path, p.Ours.ID, p.SDK.Name, p.Ours.Source, p.SDK.Source)
		for _, d := range shown {
			fmt.Fprintf(w, "  %-22s %s", d.Kind, d.Where)
			if d.Detail != "" {
				fmt.Fprintf(w, ": %s", d.Detail)
			}
			if d.Source != "" && d.Source != p.Ours.Source {
				fmt.Fprintf(w, "  [%s]", d.Source)
			}
			fmt.Fprintln(w)
		}
	}
}

// summary is the per-spec tally.
type summary struct {
	spec                string
	specOps, sdkOps     int
	matched             int
	oursOnly, sdkOnly   int
	opidEqual, opidDiff int
	count, ops          map[string]int
	clean               int // matched pairs with no diff but opid and quiet kinds
}

func summarize(spec string, nOurs, nSDK int, pairs []pair, sdkOnly []sdkOp, oursOnly []specOp) summary {
	s := summary{spec: spec, specOps: nOurs, sdkOps: nSDK, matched: len(pairs), oursOnly: len(oursOnly), sdkOnly: len(sdkOnly),
		count: map[string]int{}, ops: map[string]int{}}
	for _, p := range pairs {
		if p.SDK.Name == p.Ours.ID {
			s.opidEqual++
		} else {
			s.opidDiff++
		}
		kinds := map[string]bool{}
		loud := false
		for _, d := range p.Diffs {
			s.count[d.Kind]++
			kinds[d.Kind] = true
			if d.Kind != "opid" && !quiet[d.Kind] {
				loud = true
			}
		}
		for k := range kinds {
			s.ops[k]++
		}
		if !loud {
			s.clean++
		}
	}
	return s
}

func (s summary) write(w io.Writer) {
	fmt.Fprintf(w, "## summary %s\n", s.spec)
	fmt.Fprintf(w, "spec ops %d, sdk ops %d, matched %d, spec-only %d, sdk-only %d\n", s.specOps, s.sdkOps, s.matched, s.oursOnly, s.sdkOnly)
	fmt.Fprintf(w, "operationId equal %d, different %d; matched ops with no diff (beyond opid, required-ours-only) %d\n", s.opidEqual, s.opidDiff, s.clean)
	kinds := make([]string, 0, len(s.count))
	for k := range s.count {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if s.ops[kinds[i]] != s.ops[kinds[j]] {
			return s.ops[kinds[i]] > s.ops[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	fmt.Fprintf(w, "%-26s %6s %6s\n", "kind", "count", "ops")
	for _, k := range kinds {
		fmt.Fprintf(w, "%-26s %6d %6d\n", k, s.count[k], s.ops[k])
	}
	fmt.Fprintln(w, strings.Repeat("-", 40))
}
