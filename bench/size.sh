#!/bin/sh
# size.sh: builds the same small program (IAM password token, CSMS
# ListResourceInstances, one ModelArts instance query; see size/) with
# net/http alone, with docapi and with the official SDK, with default flags
# and with -ldflags='-s -w', and prints their sizes and what each adds over
# net/http alone.
set -eu
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for p in nethttp docapi official; do
	go build -o "$dir/$p" "./size/$p"
	go build -ldflags='-s -w' -o "$dir/$p-sw" "./size/$p"
done
size() { wc -c <"$1" | tr -d ' '; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
echo "| program | default | added over net/http | -ldflags='-s -w' | added over net/http |"
echo "|---|---|---|---|---|"
base=$(size "$dir/nethttp")
basesw=$(size "$dir/nethttp-sw")
for p in nethttp docapi official; do
	s=$(size "$dir/$p")
	sw=$(size "$dir/$p-sw")
	echo "| $p | $(mb "$s") | $(mb $((s - base))) | $(mb "$sw") | $(mb $((sw - basesw))) |"
done
d=$(($(size "$dir/docapi") - base))
o=$(($(size "$dir/official") - base))
dsw=$(($(size "$dir/docapi-sw") - basesw))
osw=$(($(size "$dir/official-sw") - basesw))
awk -v d="$d" -v o="$o" -v dsw="$dsw" -v osw="$osw" 'BEGIN {
	printf "\ndocapi adds %.2f of what the official SDK adds (%.2f with -s -w); the target is at most 0.33.\n", d / o, dsw / osw }'
