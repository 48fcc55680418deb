package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// diff is one disagreement between our operation and the SDK's.
type diff struct {
	Kind   string
	Where  string // "param query limit", "request vpc.cidr", "response servers[].id"
	Detail string
	Source string // where our side was read from, when known
}

// pair is a matched operation.
type pair struct {
	SDK   sdkOp
	Ours  specOp
	Diffs []diff
}

var placeholder = regexp.MustCompile(`\{[^}]*\}`)

// opKey is METHOD + path with placeholders unnamed and no trailing slash.
func opKey(method, path string) string {
	p := placeholder.ReplaceAllString(path, "{}")
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return strings.ToUpper(method) + " " + p
}

// match pairs operations by opKey. Where several share a key (one path
// whose action the body names), equal names pair first, then the pair
// whose request bodies share the most top-level fields.
func match(sdk []sdkOp, ours []specOp) (pairs []pair, sdkOnly []sdkOp, oursOnly []specOp) {
	bySDK := map[string][]int{}
	for i, o := range sdk {
		k := opKey(o.Method, o.Path)
		bySDK[k] = append(bySDK[k], i)
	}
	used := make([]bool, len(sdk))
	byOurs := map[string][]int{}
	var keys []string
	for i, o := range ours {
		k := opKey(o.Method, o.Path)
		if _, ok := byOurs[k]; !ok {
			keys = append(keys, k)
		}
		byOurs[k] = append(byOurs[k], i)
	}
	for _, k := range keys {
		oi := byOurs[k]
		si := bySDK[k]
		taken := map[int]bool{}
		for _, o := range oi {
			best, bestScore := -1, -1.0
			for _, s := range si {
				if used[s] {
					continue
				}
				score := bodyOverlap(sdk[s].Body, ours[o].Body)
				if sdk[s].Name == ours[o].ID {
					score += 10
				}
				if score > bestScore {
					best, bestScore = s, score
				}
			}
			if best < 0 || (len(si) > 1 && len(oi) > 1 && bestScore == 0) {
				continue
			}
			used[best] = true
			taken[o] = true
			pairs = append(pairs, pair{SDK: sdk[best], Ours: ours[o]})
		}
		for _, o := range oi {
			if !taken[o] {
				oursOnly = append(oursOnly, ours[o])
			}
		}
	}
	for i, o := range sdk {
		if !used[i] {
			sdkOnly = append(sdkOnly, o)
		}
	}
	return pairs, sdkOnly, oursOnly
}

// bodyOverlap is the Jaccard index of two bodies' top-level field names.
func bodyOverlap(a, b *node) float64 {
	if a == nil || b == nil || len(a.Fields) == 0 || len(b.Fields) == 0 {
		return 0
	}
	inter := 0
	for k := range a.Fields {
		if _, ok := b.Fields[k]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a.Fields)+len(b.Fields)-inter)
}

// ignoredHeaders are request headers the transport sets, whichever side
// lists them.
var ignoredHeaders = map[string]bool{"x-auth-token": true, "content-type": true}

// compare fills p.Diffs.
func compare(p *pair) {
	var ds []diff
	add := func(kind, where, detail, src string) {
		ds = append(ds, diff{Kind: kind, Where: where, Detail: detail, Source: src})
	}
	if p.SDK.Name != p.Ours.ID {
		add("opid", "operationId", fmt.Sprintf("ours %s, sdk %s", p.Ours.ID, p.SDK.Name), p.Ours.Source)
	}
	comparePath(p, add)
	compareParams(p, add)
	compareBody("request", p.SDK.Body, p.Ours.Body, p.Ours.Source, add)
	compareBody("response", p.SDK.Response, p.Ours.Response, p.Ours.Source, add)
	ours := map[string]bool{}
	for _, h := range p.Ours.RespHdrs {
		ours[strings.ToLower(h)] = true
	}
	for _, h := range p.SDK.RespHdrs {
		if !ours[strings.ToLower(h)] {
			add("resp-header-missing-ours", "response header "+h, "", p.Ours.Source)
		}
	}
	p.Diffs = ds
}

type addFunc func(kind, where, detail, src string)

// comparePath compares placeholder names position by position.
func comparePath(p *pair, add addFunc) {
	a := placeholder.FindAllString(p.SDK.Path, -1)
	b := placeholder.FindAllString(p.Ours.Path, -1)
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			add("path-name", "path "+p.Ours.Path, fmt.Sprintf("sdk %s, ours %s", a[i], b[i]), p.Ours.Source)
		}
	}
}

func compareParams(p *pair, add addFunc) {
	key := func(name, in string) string {
		if in == "header" {
			name = strings.ToLower(name)
		}
		return in + " " + name
	}
	ours := map[string]specParam{}
	byName := map[string]specParam{}
	for _, sp := range p.Ours.Params {
		ours[key(sp.Name, sp.In)] = sp
		if sp.In != "path" { // path names pair by position below
			byName[strings.ToLower(sp.Name)] = sp
		}
	}
	// The SDK names path fields after its own placeholders; ours may differ.
	sdkPH := placeholder.FindAllString(p.SDK.Path, -1)
	ourPH := placeholder.FindAllString(p.Ours.Path, -1)
	pathAlias := map[string]string{}
	for i := range sdkPH {
		if i < len(ourPH) {
			pathAlias[strings.Trim(sdkPH[i], "{}")] = strings.Trim(ourPH[i], "{}")
		}
	}
	seen := map[string]bool{}
	for _, s := range p.SDK.Params {
		name := s.Name
		if s.In == "path" {
			if a, ok := pathAlias[name]; ok {
				name = a
			}
		}
		k := key(name, s.In)
		o, ok := ours[k]
		where := "param " + s.In + " " + s.Name
		if s.In == "header" && ignoredHeaders[strings.ToLower(s.Name)] {
			continue
		}
		if !ok {
			if other, found := byName[strings.ToLower(name)]; found {
				add("param-place", where, fmt.Sprintf("ours in %s", other.In), other.Source)
				seen[key(other.Name, other.In)] = true
			} else if s.In != "path" {
				add("param-missing-ours", where, kindString(s.Type), p.Ours.Source)
			}
			continue
		}
		seen[k] = true
		if s.In != "path" {
			requiredDiff(where, s.Required, o.Required, o.Source, add)
		}
		compareNode(where, s.Type, o.Type, o.Source, add)
	}
	for _, o := range p.Ours.Params {
		k := key(o.Name, o.In)
		if seen[k] || o.In == "path" || (o.In == "header" && ignoredHeaders[strings.ToLower(o.Name)]) {
			continue
		}
		add("param-missing-sdk", "param "+o.In+" "+o.Name, kindString(o.Type), o.Source)
	}
}

func compareBody(what string, s, o *node, opSrc string, add addFunc) {
	switch {
	case s == nil && o == nil:
	case s == nil:
		if !(o.Kind == "object" && len(o.Fields) == 0) {
			add(what+"-missing-sdk", what, kindString(o), o.Source)
		}
	case o == nil:
		if !(s.Kind == "object" && len(s.Fields) == 0) {
			add(what+"-missing-ours", what, kindString(s), opSrc)
		}
	default:
		compareNode(what, s, o, opSrc, add)
	}
}

func requiredDiff(where string, sdkReq, ourReq bool, src string, add addFunc) {
	switch {
	case sdkReq && !ourReq:
		add("required-sdk-only", where, "sdk required, ours optional", src)
	case ourReq && !sdkReq:
		add("required-ours-only", where, "ours required, sdk optional", src)
	}
}

func class(k string) string {
	switch k {
	case "string", "integer", "number", "boolean":
		return "scalar"
	}
	return k
}

func kindString(n *node) string {
	if n == nil {
		return "?"
	}
	switch n.Kind {
	case "array":
		return "[]" + kindString(n.Items)
	case "map":
		return "map[" + kindString(n.Items) + "]"
	}
	return n.Kind
}

// compareNode compares an SDK shape with ours recursively by JSON name.
// Required is compared in requests only: response tables carry no
// 是否必选 column, so ours has no required there to compare.
func compareNode(where string, s, o *node, src string, add addFunc) {
	if s == nil || o == nil {
		return
	}
	if o.Source != "" {
		src = o.Source
	}
	if s.Kind == "any" {
		return
	}
	if o.Kind == "any" {
		add("untyped-ours", where, "sdk "+kindString(s), src)
		return
	}
	cs, co := class(s.Kind), class(o.Kind)
	switch {
	case cs == "object" && co == "map", cs == "map" && co == "object":
		if (cs == "object" && len(s.Fields) == 0) || (co == "object" && len(o.Fields) == 0) {
			return
		}
		add("map-vs-object", where, fmt.Sprintf("sdk %s, ours %s", kindString(s), kindString(o)), src)
		return
	case cs != co:
		add("shape", where, fmt.Sprintf("sdk %s, ours %s", kindString(s), kindString(o)), src)
		return
	}
	switch cs {
	case "scalar":
		if s.Kind != o.Kind {
			kind := "type"
			if (s.Kind == "integer" && o.Kind == "number") || (s.Kind == "number" && o.Kind == "integer") {
				kind = "type-int-number"
			}
			add(kind, where, fmt.Sprintf("sdk %s, ours %s", s.Kind, o.Kind), src)
		}
		if len(s.Enum) > 0 && len(o.Enum) > 0 {
			if d := enumDiff(s.Enum, o.Enum); d != "" {
				add("enum", where, d, src)
			}
		}
	case "array":
		compareNode(where+"[]", s.Items, o.Items, src, add)
	case "map":
		compareNode(where+"{}", s.Items, o.Items, src, add)
	case "object":
		names := make([]string, 0, len(s.Fields))
		for k := range s.Fields {
			names = append(names, k)
		}
		sort.Strings(names)
		sub := func(k string) string {
			if where == "request" || where == "response" {
				return where + " " + k
			}
			return where + "." + k
		}
		for _, k := range names {
			sf := s.Fields[k]
			of, ok := o.Fields[k]
			if !ok {
				add("missing-ours", sub(k), "sdk "+kindString(sf.Node), src)
				continue
			}
			fsrc := of.Source
			if fsrc == "" {
				fsrc = src
			}
			if !strings.HasPrefix(where, "response") {
				requiredDiff(sub(k), sf.Required, of.Required, fsrc, add)
			}
			compareNode(sub(k), sf.Node, of.Node, fsrc, add)
		}
		onames := make([]string, 0, len(o.Fields))
		for k := range o.Fields {
			if _, ok := s.Fields[k]; !ok {
				onames = append(onames, k)
			}
		}
		sort.Strings(onames)
		for _, k := range onames {
			fsrc := o.Fields[k].Source
			if fsrc == "" {
				fsrc = src
			}
			add("missing-sdk", sub(k), "ours "+kindString(o.Fields[k].Node), fsrc)
		}
	}
}

// enumDiff names values one side has and the other lacks.
func enumDiff(s, o []string) string {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	sm, om := in(s), in(o)
	var onlyS, onlyO []string
	for _, x := range s {
		if !om[x] {
			onlyS = append(onlyS, x)
		}
	}
	for _, x := range o {
		if !sm[x] {
			onlyO = append(onlyO, x)
		}
	}
	if len(onlyS) == 0 && len(onlyO) == 0 {
		return ""
	}
	return fmt.Sprintf("sdk only %v, ours only %v", onlyS, onlyO)
}
