// Package keys repairs object members whose "name" is prose rather than a
// JSON key: pages describe a map by one row named for what its keys are
// (云服务器所在网络名称, "the network's name"). Such a row becomes the map's
// value schema; any other member without a usable key is dropped with a
// located warning, since no client can send or read it by that name.
package keys

import (
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
			if op.RequestBody != nil {
				w.walk(op.RequestBody.Schema)
			}
			for _, r := range op.Responses {
				for _, h := range r.Headers {
					w.walk(h.Schema)
				}
				if r.Body != nil {
					w.walk(r.Body.Schema)
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
	if s == nil || w.seen[s] {
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
