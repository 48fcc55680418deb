package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// corpusDir holds whole API-reference folders of Huawei services exactly as
// Huawei publishes them (see its MANIFEST.tsv).
const corpusDir = root + "testdata/corpus/huaweicloudDocs/"

// corpusOutcomes is the checked-in outcome of every corpus page; rewrite it
// with: go test ./tools/docparse/internal/pipeline -run TestCorpus -update
const corpusOutcomes = root + "testdata/corpus/outcomes.tsv"

// Page outcomes.
const (
	outcomeValid    = "valid"
	outcomeWarnings = "warnings"
	outcomeSkipped  = "skipped"
	outcomeRefused  = "refused"
)

// TestCorpus reads every corpus page on its own, as a user pointing
// docparse at one page would (pages it links to for fields read from
// beside it), checks that each spec written loads and
// validates in kin-openapi, and compares each page's outcome (valid, valid
// with warnings, skipped as not an operation, refused with its first error)
// with testdata/corpus/outcomes.tsv, so a regression shows as a diff.
func TestCorpus(t *testing.T) {
	files, err := pagesUnder(corpusDir)
	if err != nil || len(files) < 1000 {
		t.Fatalf("corpus: %d pages, %v", len(files), err)
	}
	counts := map[string]map[string]int{}
	var lines []string
	for _, f := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(f, corpusDir))
		svc := corpusService(rel)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// As docparse does, a page a row links to for its fields is
		// read from beside the page.
		readLinked := func(file string) ([]byte, error) { return ReadLinkedPage(corpusDir + file) }
		res := Run([]Source{{Name: rel, Data: data}}, Options{ReadLinked: readLinked})
		outcome, reason := classify(res)
		if res.YAML != nil {
			if err := validateSpec(res.YAML); err != nil {
				t.Errorf("%s: spec does not validate: %v", rel, err)
			}
		}
		if counts[svc] == nil {
			counts[svc] = map[string]int{}
		}
		counts[svc][outcome]++
		lines = append(lines, strings.Join([]string{rel, outcome, reason}, "\t"))
	}
	logCounts(t, counts)
	got := "# Outcome of each corpus page read alone; rewrite with:\n# go test ./tools/docparse/internal/pipeline -run TestCorpus -update\n" +
		strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.WriteFile(corpusOutcomes, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(corpusOutcomes)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("page outcomes differ from %s (-want +got); rerun with -update if intended:\n%s", corpusOutcomes, diff)
	}
}

// corpusService is the service folder a page belongs to ("modelarts/SDK参考"
// apart from "modelarts/API参考").
func corpusService(rel string) string {
	parts := strings.SplitN(rel, "/", 3)
	if parts[0] == "modelarts" && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

func classify(res *Result) (outcome, reason string) {
	switch {
	case res.YAML == nil && len(res.Skipped) == 1:
		return outcomeSkipped, oneLine(res.Skipped[0].Reason)
	case res.YAML == nil:
		for _, d := range res.Diags {
			if d.Severity == model.Error {
				return outcomeRefused, oneLine(d.Msg)
			}
		}
		return outcomeRefused, "no error given"
	case res.Diags.Count(model.Warning) > 0:
		return outcomeWarnings, fmt.Sprintf("%d warnings", res.Diags.Count(model.Warning))
	}
	return outcomeValid, ""
}

func oneLine(s string) string { return model.Clip(s, 160) }

func validateSpec(spec []byte) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return err
	}
	return doc.Validate(context.Background())
}

// logCounts prints per-service counts and the share of operation pages
// (all but the skipped) that give a valid spec.
func logCounts(t *testing.T, counts map[string]map[string]int) {
	services := make([]string, 0, len(counts))
	for s := range counts {
		services = append(services, s)
	}
	slices.Sort(services)
	total := map[string]int{}
	for _, s := range append(services, "all") {
		c := counts[s]
		if s == "all" {
			c = total
		}
		ops := c[outcomeValid] + c[outcomeWarnings] + c[outcomeRefused]
		share := 0.0
		if ops > 0 {
			share = 100 * float64(c[outcomeValid]+c[outcomeWarnings]) / float64(ops)
		}
		t.Logf("%-16s valid %4d  warnings %4d  skipped %4d  refused %4d  → %.1f%% of %d operation pages give a spec",
			s, c[outcomeValid], c[outcomeWarnings], c[outcomeSkipped], c[outcomeRefused], share, ops)
		for k, v := range c {
			total[k] += v
		}
	}
}
