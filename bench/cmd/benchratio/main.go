// Command benchratio reads `go test -bench -benchmem` output holding several
// rounds of the same benchmarks (run.sh runs one process per round, so the
// contenders of a round are interleaved with those of the others) and
// prints, per scenario, the median over rounds of docapi's per-round ratio
// to each other contender, for time, bytes and allocations, with the
// spread of the time ratio.
//
// Benchmarks are named Scenario/contender; each contender named docapi or
// docapi_<variant> is divided by each other contender, or with -den NAME
// every contender is divided by NAME. Round i
// of a benchmark is its i-th result in the input.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// result is one benchmark line; ratios are its reported metrics of the
// form "A/B" other than per-op units (BenchmarkPaired's).
type result struct {
	ns, bytes, allocs float64
	ratios            map[string]float64
}

// parse collects the results of each benchmark (GOMAXPROCS suffix removed)
// in input order, and the order in which benchmarks first appear.
func parse(r io.Reader) (map[string][]result, []string, error) {
	runs := map[string][]result{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		var res result
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, nil, fmt.Errorf("%q: %v", sc.Text(), err)
			}
			switch f[i+1] {
			case "ns/op":
				res.ns = v
			case "B/op":
				res.bytes = v
			case "allocs/op":
				res.allocs = v
			default:
				if u := f[i+1]; strings.Contains(u, "/") && !strings.HasSuffix(u, "/op") {
					if res.ratios == nil {
						res.ratios = map[string]float64{}
					}
					res.ratios[f[i+1]] = v
				}
			}
		}
		if res.ns == 0 {
			return nil, nil, fmt.Errorf("%q: no ns/op", sc.Text())
		}
		if _, ok := runs[name]; !ok {
			order = append(order, name)
		}
		runs[name] = append(runs[name], res)
	}
	return runs, order, sc.Err()
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// ratios divides a's i-th results by b's, round by round.
func ratios(a, b []result) (ns, bytes, allocs []float64) {
	for i := range min(len(a), len(b)) {
		ns = append(ns, a[i].ns/b[i].ns)
		bytes = append(bytes, div(a[i].bytes, b[i].bytes))
		allocs = append(allocs, div(a[i].allocs, b[i].allocs))
	}
	return ns, bytes, allocs
}

func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func write(w io.Writer, runs map[string][]result, order []string, den string) {
	fmt.Fprintln(w, "| benchmark | rounds | time/op (median) | spread | bytes/op | allocs/op |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, name := range order {
		rs := runs[name]
		var ns, bs, as []float64
		for _, r := range rs {
			ns, bs, as = append(ns, r.ns), append(bs, r.bytes), append(as, r.allocs)
		}
		m := median(ns)
		s := append([]float64(nil), ns...)
		sort.Float64s(s)
		fmt.Fprintf(w, "| %s | %d | %s | %+.0f%% / %+.0f%% | %.0f | %.0f |\n", name, len(rs), dur(m),
			100*(s[0]/m-1), 100*(s[len(s)-1]/m-1), median(bs), median(as))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| ratio (median of per-round ratios) | time | time, min–max | bytes | allocs |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, name := range order {
		scenario, contender, ok := strings.Cut(name, "/")
		if !ok {
			continue
		}
		// Each docapi contender ("docapi", "docapi_stdjson") over each
		// other one; with -den, every contender over den.
		var pairs [][2]string
		switch {
		case den != "":
			pairs = append(pairs, [2]string{contender, den})
		case !isDocapi(contender):
			for _, other := range order {
				if sc, num, _ := strings.Cut(other, "/"); sc == scenario && isDocapi(num) {
					pairs = append(pairs, [2]string{num, contender})
				}
			}
		}
		for _, p := range pairs {
			numName, denName := p[0], p[1]
			num, dens := runs[scenario+"/"+numName], runs[scenario+"/"+denName]
			if numName == denName || num == nil || dens == nil {
				continue
			}
			ns, bs, as := ratios(num, dens)
			s := append([]float64(nil), ns...)
			sort.Float64s(s)
			fmt.Fprintf(w, "| %s: %s / %s | **%.2f×** | %.2f–%.2f | %.2f× | %.2f× |\n", scenario, numName, denName,
				median(ns), s[0], s[len(s)-1], median(bs), median(as))
		}
	}
	var paired []string
	for _, name := range order {
		units := map[string]bool{}
		for _, r := range runs[name] {
			for u := range r.ratios {
				units[u] = true
			}
		}
		sorted := make([]string, 0, len(units))
		for u := range units {
			sorted = append(sorted, u)
		}
		sort.Strings(sorted)
		for _, u := range sorted {
			var xs []float64
			for _, r := range runs[name] {
				if v, ok := r.ratios[u]; ok {
					xs = append(xs, v)
				}
			}
			sort.Float64s(xs)
			paired = append(paired, fmt.Sprintf("| %s: %s | **%.2f×** | %.2f–%.2f | %d |", name, u, median(xs), xs[0], xs[len(xs)-1], len(xs)))
		}
	}
	if len(paired) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| paired time ratio (median over rounds) | time | min–max | rounds |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, l := range paired {
			fmt.Fprintln(w, l)
		}
	}
}

// isDocapi reports a contender that is docapi in some configuration.
func isDocapi(contender string) bool { return strings.HasPrefix(contender, "docapi") }

func dur(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func main() {
	den := flag.String("den", "", "divide every contender by this one instead of dividing docapi by each")
	flag.Parse()
	runs, order, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchratio:", err)
		os.Exit(1)
	}
	if len(order) == 0 {
		fmt.Fprintln(os.Stderr, "benchratio: no benchmark results on stdin")
		os.Exit(1)
	}
	write(os.Stdout, runs, order, *den)
}
