// Package keys repairs object member names the pages get wrong.
//
// A member whose "name" is prose rather than a JSON key: pages describe a
// map by one row named for what its keys are (云服务器所在网络名称, "the
// network's name"). Such a row becomes the map's value schema; any other
// member without a usable key is dropped with a located warning, since no
// client can send or read it by that name.
//
// A member whose name differs from the page's own example only in case
// (the table says Token, the example "token"): examples are captured from
// real answers, so the example's spelling wins, with a located warning.
package keys

import (
	"strings"
	"unicode"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Repair walks every schema of the pages' operations once.
func Repair(pages []*model.Page, diags *model.Diagnostics) {
	w := walker{seen: map[*model.Schema]bool{}, diags: diags}
	for _, pg := range pages {
		for _, op := range pg.Operations {
			for _, p := range op.Params {
				w.walk(p.Schema)
			}
			bodies := []*model.Body{op.RequestBody}
			for _, r := range op.Responses {
				for _, h := range r.Headers {
					w.walk(h.Schema)
				}
				bodies = append(bodies, r.Body)
			}
			for _, b := range bodies {
				if b == nil {
					continue
				}
				w.walk(b.Schema)
				for _, ex := range b.Examples {
					followCase(b.Schema, ex.Value, ex.Loc, diags, 0)
				}
			}
		}
	}
}

type walker struct {
	seen  map[*model.Schema]bool
	diags *model.Diagnostics
}

func (w *walker) walk(s *model.Schema) {
	if s == nil || len(s.Properties) == 0 && s.Items == nil && s.AdditionalProperties == nil {
		return // a leaf has no keys; not remembering it keeps seen to the containers
	}
	if w.seen[s] {
		return
	}
	w.seen[s] = true
	if len(s.Properties) == 1 && IsProse(s.Properties[0].Name) && s.AdditionalProperties == nil {
		p := s.Properties[0]
		w.diags.Notef(p.Loc, "member %q names what the keys are, not a key: the object is a map of its value", p.Name)
		s.AdditionalProperties = p.Schema
		if s.AdditionalProperties == nil {
			s.AdditionalProperties = &model.Schema{Loc: p.Loc, Type: model.TypeAny}
		}
		if s.Description == "" {
			s.Description = p.Description
		}
		s.Properties = nil
	}
	kept := s.Properties[:0]
	for _, p := range s.Properties {
		if IsProse(p.Name) {
			w.diags.Warnf(p.Loc, "member %q is not a JSON key (no letter or digit of one); dropped", p.Name)
			continue
		}
		kept = append(kept, p)
	}
	s.Properties = kept
	for _, p := range s.Properties {
		w.walk(p.Schema)
	}
	w.walk(s.Items)
	w.walk(s.AdditionalProperties)
}

// maxExampleDepth bounds the walk of an example beside its schema.
const maxExampleDepth = 64

// followCase renames members of s that example v spells with other case.
func followCase(s *model.Schema, v any, at model.Loc, diags *model.Diagnostics, depth int) {
	if s == nil || depth > maxExampleDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		// A few elements show the spelling; every one of 10⁵ would cost
		// each its schema's properties.
		for _, item := range v[:min(len(v), model.MaxExampleElements)] {
			followCase(s.Items, item, at, diags, depth+1)
		}
	case map[string]any:
		for _, p := range s.Properties {
			if _, exact := v[p.Name]; !exact {
				if key, ok := onlyFold(v, p.Name, s); ok {
					diags.Warnf(p.Loc, "member %q is spelt %q in the page's example; the example's spelling is used", p.Name, key)
					p.Name = key
				}
			}
			if value, ok := v[p.Name]; ok {
				followCase(p.Schema, value, at, diags, depth+1)
			}
		}
	}
}

// onlyFold returns the one key of v equal to name but for case, when s has
// no member of that spelling already.
func onlyFold(v map[string]any, name string, s *model.Schema) (string, bool) {
	found := ""
	for k := range v {
		if strings.EqualFold(k, name) {
			if found != "" {
				return "", false
			}
			found = k
		}
	}
	return found, found != "" && s.Property(found) == nil
}

// IsProse reports a member name with no ASCII letter or digit: words of a
// language other than the keys', or punctuation only.
func IsProse(name string) bool {
	for _, r := range name {
		if r <= unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
