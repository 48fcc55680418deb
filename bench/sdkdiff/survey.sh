#!/bin/bash
# Needs /tmp/sdkdiff/dp (go build -o /tmp/sdkdiff/dp ./tools/docparse) and /tmp/sdkdiff/sdkdiff (cd bench; go build -o /tmp/sdkdiff/sdkdiff ./sdkdiff).
# Runs docparse over each survey folder per service prefix and diffs against that service's SDK.
S=~/go/pkg/mod/github.com/huaweicloud/huaweicloud-sdk-go-v3@v0.1.207/services
D=/tmp/sdkdiff/survey; mkdir -p $D
for dir in /work/wt/survey-{a,b,c,d,e}/pages /work/wt/survey-{f,g,h}/survey/pages; do
  tag=$(echo $dir | sed 's#/work/wt/survey-\(.\).*#\1#')
  for svc in $(ls $dir | sed 's/-.*//' | sort -u); do
    sdk=$svc; [ $svc = fg ] && sdk=functiongraph
    dirs=$(ls -d $S/$sdk/*/ 2>/dev/null | while read v; do ls $v/*_meta.go >/dev/null 2>&1 && echo ${v%/}; done)
    if [ -z "$dirs" ]; then echo "$tag $svc: no SDK"; continue; fi
    /tmp/sdkdiff/dp -family huawei-api -o $D/$tag-$svc.yaml $dir/$svc-*.md > $D/$tag-$svc.dp.log 2>&1 || { echo "$tag $svc: docparse failed"; continue; }
    (cd /work/wt/sdkdiff/bench && /tmp/sdkdiff/sdkdiff -pages .. -spec $D/$tag-$svc.yaml $dirs) > $D/$tag-$svc.txt 2>&1 || echo "$tag $svc: sdkdiff failed $(tail -1 $D/$tag-$svc.txt)"
  done
done
