// Package routes tells apart operations that share one HTTP route.
//
// Huawei documents many operations on one method and path, told apart by
// the request body: Nova's POST /servers/{id}/action takes {"os-start": {}}
// on one page and {"reboot": {...}} on another; IAM's POST /v3/auth/tokens
// takes a password on one page and an agency on the next. An OpenAPI path
// holds one operation per method, so each such operation is written at the
// route plus a fragment naming its variant (/servers/{id}/action#os-start),
// as TOP's single gateway is (/router/rest#taobao.x.get). A fragment never
// goes on the wire: clients send the route itself.
package routes

import (
	"sort"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Distinguish gives every operation of a shared route its fragment: the
// request body's one top-level member when that tells the variants apart
// (os-start, reboot), else the constant its query string carries (start,
// stop in ?action_id=…), else its operationId.
func Distinguish(ops []*model.Operation, diags *model.Diagnostics) {
	groups := map[string][]*model.Operation{}
	var keys []string
	for _, op := range ops {
		if op.Method == "" || op.Path == "" || strings.Contains(op.Path, "#") {
			continue
		}
		key := strings.ToUpper(op.Method) + " " + model.PathShape(op.Path)
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], op)
	}
	sort.Strings(keys)
	for _, key := range keys {
		group := groups[key]
		if len(group) < 2 {
			continue
		}
		members, constants := map[string]int{}, map[string]int{}
		for _, op := range group {
			members[soleMember(op)]++
			constants[constantQuery(op)]++
		}
		used := map[string]bool{}
		shared := group[0].Path // before any fragment is added
		for _, op := range group {
			variant := soleMember(op)
			if variant == "" || members[variant] > 1 {
				variant = constantQuery(op)
				if variant == "" || constants[variant] > 1 {
					variant = op.ID
				}
			}
			if variant == "" || used[variant] {
				continue // the emitter reports the clash
			}
			used[variant] = true
			diags.Notef(op.Loc, "%d pages document %s %s; this one is written at %s#%s (the fragment is not sent)", len(group), op.Method, shared, op.Path, variant)
			op.Path += "#" + variant
		}
	}
}

// constantQuery is the value of the one required query parameter that
// has a single allowed value (GES's ?action_id=stop), or "".
func constantQuery(op *model.Operation) string {
	value := ""
	for _, p := range op.Params {
		if p.In != model.InQuery || !p.Required || p.Schema == nil || len(p.Schema.Enum) != 1 {
			continue
		}
		if value != "" {
			return "" // two constants: neither alone names the variant
		}
		value = p.Schema.Enum[0]
	}
	if !fragmentSafe(value) {
		return ""
	}
	return value
}

// soleMember is the name of the request body's only top-level member, or "".
func soleMember(op *model.Operation) string {
	if m := op.RequestBody.SoleMember(); m != nil && fragmentSafe(m.Name) {
		return m.Name
	}
	return ""
}

func fragmentSafe(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')) {
			return false
		}
	}
	return true
}
