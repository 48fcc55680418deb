#!/bin/sh
# run.sh [ROUNDS [BENCH_REGEXP]]: runs the comparison benchmarks ROUNDS times
# (default 12), one test process per round so that the contenders of one
# round run next to each other in time, then prints the medians of the
# per-round ratios (cmd/benchratio), and the JSON decoders' ratios to
# encoding/json. The raw output is kept in
# ${OUT:-/tmp/docapi-bench.txt}.
set -eu
cd "$(dirname "$0")"
rounds=${1:-12}
pattern=${2:-.}
out=${OUT:-/tmp/docapi-bench.txt}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go test -c -o "$bin/bench.test" .
: >"$out"
i=1
while [ "$i" -le "$rounds" ]; do
	"$bin/bench.test" -test.run '^$' -test.bench "$pattern" -test.benchmem -test.count 1 >>"$out"
	i=$((i + 1))
done
go run ./cmd/benchratio <"$out"
if grep -q '^BenchmarkDecode/' "$out"; then
	echo
	echo "| decoding the CSMS body, candidate / encoding_json (default mode) | time | time, min–max | bytes | allocs |"
	echo "|---|---|---|---|---|"
	go run ./cmd/benchratio -den encoding_json <"$out" | grep '^| Decode:'
fi
