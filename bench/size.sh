#!/bin/sh
# size.sh: builds the same small programs (size/) with default flags and
# with -ldflags='-s -w' and prints their sizes and what each adds over
# net/http alone (size/nethttp):
#   docapi, official:   IAM password token, CSMS ListResourceInstances, one
#                       ModelArts instance query;
#   docapistd:          size/docapi built with -tags docapi_stdjson
#                       (encoding/json as the default decoder);
#   docapi4, official4: one list call each to KMS, VPC, ECS and RDS.
# docapi's clients are whole services (every operation of the spec).
set -eu
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
programs="nethttp docapi docapistd official docapi4 official4"
for p in $programs; do
	src=$p tags=
	if [ "$p" = docapistd ]; then src=docapi tags=docapi_stdjson; fi
	go build -tags "$tags" -o "$dir/$p" "./size/$src"
	go build -tags "$tags" -ldflags='-s -w' -o "$dir/$p-sw" "./size/$src"
done
size() { wc -c <"$1" | tr -d ' '; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
added() { echo $(($(size "$dir/$1") - $(size "$dir/nethttp$2"))); }
echo "| program | default | added over net/http | -ldflags='-s -w' | added over net/http |"
echo "|---|---|---|---|---|"
for p in $programs; do
	echo "| $p | $(mb "$(size "$dir/$p")") | $(mb "$(added "$p" "")") | $(mb "$(size "$dir/$p-sw")") | $(mb "$(added "$p-sw" -sw)") |"
done
echo
for pair in "docapi official" "docapistd official" "docapi4 official4"; do
	set -- $pair
	awk -v a="$1" -v d="$(added "$1" "")" -v o="$(added "$2" "")" -v dsw="$(added "$1-sw" -sw)" -v osw="$(added "$2-sw" -sw)" 'BEGIN {
		printf "%s adds %.2f of what the official SDK adds (%.2f with -s -w); the target is at most 0.33.\n", a, d / o, dsw / osw }'
done
