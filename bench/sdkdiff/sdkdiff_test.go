package main

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"
)

// TestDemo runs the comparison over a hand-made SDK service (testdata/sdk)
// and spec (testdata/spec.yaml) that disagree in one way per diff kind.
func TestDemo(t *testing.T) {
	sdk, err := loadSDK("testdata/sdk")
	if err != nil {
		t.Fatal(err)
	}
	ours, err := loadSpec(context.Background(), "testdata/spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pairs, sdkOnly, oursOnly := match(sdk, ours)
	if len(pairs) != 1 || len(sdkOnly) != 0 || len(oursOnly) != 1 || oursOnly[0].ID != "DeleteLonely" {
		t.Fatalf("match: %d pairs, sdk-only %v, ours-only %v", len(pairs), sdkOnly, oursOnly)
	}
	compare(&pairs[0])
	var got []string
	for _, d := range pairs[0].Diffs {
		got = append(got, d.Kind+" | "+d.Where+" | "+d.Detail)
	}
	sort.Strings(got)
	want := []string{
		"enum | request kind | sdk only [b], ours only [c]",
		"map-vs-object | request values | sdk map[string], ours object",
		"missing-sdk | response extra | ours string",
		"opid | operationId | ours ListParts, sdk ListThings",
		"param-missing-ours | param header X-Language | string",
		"param-missing-ours | param query id | []string",
		"param-missing-sdk | param query marker | string",
		"path-name | path /v1/{project_id}/things/{id}/parts | sdk {thing_id}, ours {id}",
		"required-ours-only | param query limit | ours required, sdk optional",
		"required-ours-only | request note | ours required, sdk optional",
		"resp-header-missing-ours | response header X-Request-Id | ",
		"shape | response parts | sdk []object, ours object",
		"type | param query limit | sdk integer, ours string",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diffs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRunSummary checks the printed tally counts what compare found.
func TestRunSummary(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, "testdata/spec.yaml", []string{"testdata/sdk"}, options{summaryOnly: true}); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"spec ops 2, sdk ops 1, matched 1, spec-only 1, sdk-only 0",
		"operationId equal 0, different 1",
		"param-missing-ours              2      1",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("summary lacks %q:\n%s", line, out.String())
		}
	}
}

// TestOpKey pins the path normalisation matching relies on.
func TestOpKey(t *testing.T) {
	if a, b := opKey("get", "/v1/{project_id}/vpcs/{vpc_id}/"), opKey("GET", "/v1/{project_id}/vpcs/{id}"); a != b {
		t.Errorf("%q != %q", a, b)
	}
	if a, b := opKey("GET", "/v1/x"), opKey("POST", "/v1/x"); a == b {
		t.Errorf("methods not told apart: %q", a)
	}
}

// TestBadInput: a directory with no meta file is an error, not a panic.
func TestBadInput(t *testing.T) {
	if _, err := loadSDK("testdata/pages"); err == nil {
		t.Error("no error for a directory without *_meta.go")
	}
	if _, err := loadSpec(context.Background(), "testdata/nope.yaml"); err == nil {
		t.Error("no error for a missing spec")
	}
}
