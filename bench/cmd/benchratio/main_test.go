package main

import (
	"strings"
	"testing"
)

const twoRounds = `goos: linux
BenchmarkCSMS/floor-2      100  1000 ns/op  100 B/op  10 allocs/op
BenchmarkCSMS/docapi-2     100  1500 ns/op  150 B/op  30 allocs/op
PASS
BenchmarkCSMS/floor-2      100  2000 ns/op  100 B/op  10 allocs/op
BenchmarkCSMS/docapi-2     100  2000 ns/op  150 B/op  30 allocs/op
BenchmarkCSMS/floor-2      100  1000 ns/op  100 B/op  10 allocs/op
BenchmarkCSMS/docapi-2     100  1200 ns/op  150 B/op  30 allocs/op
`

// Per-round ratios are 1.5, 1.0 and 1.2: the median is 1.2, while the ratio
// of medians (1500/1000) would be 1.5.
func TestMedianOfPerRoundRatios(t *testing.T) {
	runs, order, err := parse(strings.NewReader(twoRounds))
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != 2 || order[0] != "CSMS/floor" || len(runs["CSMS/docapi"]) != 3 {
		t.Fatalf("parsed %v %v", order, runs)
	}
	var b strings.Builder
	write(&b, runs, order, "")
	if want := "| CSMS: docapi / floor | **1.20×** | 1.00–1.50 | 1.50× | 3.00× |"; !strings.Contains(b.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, b.String())
	}
}

// A docapi variant is divided by the other contenders, not by docapi.
func TestDocapiVariants(t *testing.T) {
	in := twoRounds + "BenchmarkCSMS/docapi_fast-2 100 500 ns/op 100 B/op 5 allocs/op\n"
	runs, order, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, runs, order, "")
	out := b.String()
	if want := "| CSMS: docapi_fast / floor | **0.50×** | 0.50–0.50 | 1.00× | 0.50× |"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "docapi_fast / docapi") || strings.Contains(out, "docapi / docapi_fast") {
		t.Errorf("docapi variants divided by each other:\n%s", out)
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	if _, _, err := parse(strings.NewReader("BenchmarkX-2 10 fast ns/op\n")); err == nil {
		t.Error("no error for a non-numeric result")
	}
}

func TestDenominatorFlag(t *testing.T) {
	runs, order, err := parse(strings.NewReader(twoRounds))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, runs, order, "docapi")
	if want := "| CSMS: floor / docapi | **0.83×** | 0.67–1.00 | 0.67× | 0.33× |"; !strings.Contains(b.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, b.String())
	}
}

func TestPairedRatios(t *testing.T) {
	in := "BenchmarkPaired/TOP-2 10 300 ns/op 150 docapi-ns/op 1.5 docapi/floor 100 floor-ns/op\n" +
		"BenchmarkPaired/TOP-2 10 300 ns/op 150 docapi-ns/op 1.1 docapi/floor 100 floor-ns/op\n" +
		"BenchmarkPaired/TOP-2 10 300 ns/op 150 docapi-ns/op 1.2 docapi/floor 100 floor-ns/op\n"
	runs, order, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, runs, order, "")
	if want := "| Paired/TOP: docapi/floor | **1.20×** | 1.10–1.50 | 3 |"; !strings.Contains(b.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, b.String())
	}
}
