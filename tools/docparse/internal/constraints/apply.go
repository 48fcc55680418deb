package constraints

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Apply fills, on every parameter and object property of pages, the schema
// keywords its description states (see Extract), quoting each sentence in
// Schema.Constraints. A keyword the schema already has (from the type
// column, or a reader) is kept; a disagreeing sentence is noted. Values
// that one of the page's examples contradicts are not applied, with a note:
// the example and the sentence cannot both be right.
func Apply(pages []*model.Page, diags *model.Diagnostics) {
	a := applier{diags: diags, seen: map[*model.Schema]bool{}}
	for _, pg := range pages {
		if pg == nil {
			continue
		}
		for _, op := range pg.Operations {
			a.operation(op)
		}
	}
}

type applier struct {
	diags *model.Diagnostics
	seen  map[*model.Schema]bool // schemas already walked (shared or cyclic)
}

func (a *applier) operation(op *model.Operation) {
	if op == nil {
		return
	}
	for _, p := range op.Params {
		if p != nil {
			a.field(p.Loc, p.Name, p.Description, p.Schema)
		}
	}
	if b := op.RequestBody; b != nil {
		a.body(b)
	}
	for _, r := range op.Responses {
		if r == nil {
			continue
		}
		for _, h := range r.Headers {
			if h != nil {
				a.field(h.Loc, h.Name, h.Description, h.Schema)
			}
		}
		if r.Body != nil {
			a.body(r.Body)
		}
	}
}

func (a *applier) body(b *model.Body) {
	a.walk(b.Schema)
	for _, ex := range b.Examples {
		if ex != nil {
			a.checkExample(b.Schema, ex.Value, ex.Loc)
		}
	}
}

// walk visits the properties of s and of the schemas inside it.
func (a *applier) walk(s *model.Schema) {
	if s == nil || a.seen[s] {
		return
	}
	a.seen[s] = true
	for _, p := range s.Properties {
		if p != nil {
			a.field(p.Loc, p.Name, p.Description, p.Schema)
		}
	}
	a.walk(s.Items)
	a.walk(s.AdditionalProperties)
}

// field applies what desc states to the schema of the field called name.
func (a *applier) field(at model.Loc, name, desc string, s *model.Schema) {
	if s == nil {
		return
	}
	if s.Type == model.TypeArray && s.Items != nil && primitive(s.Items.Type) {
		a.items(at, name, desc, s.Items)
		return
	}
	if s.Type == model.TypeObject || s.Type == model.TypeArray {
		a.walk(s)
		return
	}
	if a.seen[s] {
		return // one schema for two fields: the first one's words count
	}
	a.seen[s] = true
	at.What = "描述"
	for _, f := range Extract(name, s.Type, desc) {
		c := model.Constraint{Loc: at, Keyword: f.Keyword, Sentence: f.Sentence}
		if old, ok := present(s, f); ok {
			if old != value(f) {
				a.diags.Notef(at, "%s: the description says %s %s but the schema already has %s; kept", name, f.Keyword, value(f), old)
			}
			continue
		}
		switch f.Keyword {
		case KeyEnum:
			s.Enum = f.Enum
		case KeyMinLength:
			s.MinLength = int(f.Number)
		case KeyMaxLength:
			s.MaxLength = int(f.Number)
		case KeyMinimum:
			v := f.Number
			s.Minimum = &v
		case KeyMaximum:
			v := f.Number
			s.Maximum = &v
		case KeyDefault:
			s.Default = f.Default
		}
		s.Constraints = append(s.Constraints, c)
	}
	if s.Example != nil { // the example column of the row
		a.checkScalar(s, s.Example, at)
	}
}

// items applies the values the description of an array of primitives
// allows to its items.
func (a *applier) items(at model.Loc, name, desc string, items *model.Schema) {
	if a.seen[items] {
		return
	}
	a.seen[items] = true
	at.What = "描述"
	for _, f := range ExtractItems(name, items.Type, desc) {
		if items.Enum != nil {
			continue
		}
		items.Enum = f.Enum
		items.Constraints = append(items.Constraints, model.Constraint{Loc: at, Keyword: f.Keyword, Sentence: f.Sentence})
	}
}

func primitive(typ string) bool {
	switch typ {
	case model.TypeString, model.TypeInteger, model.TypeNumber:
		return true
	}
	return false
}

// present returns the value s already has for f's keyword.
func present(s *model.Schema, f Found) (string, bool) {
	switch f.Keyword {
	case KeyEnum:
		return fmt.Sprint(s.Enum), s.Enum != nil
	case KeyMinLength:
		return strconv.Itoa(s.MinLength), s.MinLength != 0
	case KeyMaxLength:
		return strconv.Itoa(s.MaxLength), s.MaxLength != 0
	case KeyMinimum:
		if s.Minimum != nil {
			return strconv.FormatFloat(*s.Minimum, 'g', -1, 64), true
		}
	case KeyMaximum:
		if s.Maximum != nil {
			return strconv.FormatFloat(*s.Maximum, 'g', -1, 64), true
		}
	case KeyDefault:
		return formatValue(s.Default), s.Default != nil
	}
	return "", false
}

func value(f Found) string {
	switch f.Keyword {
	case KeyEnum:
		return fmt.Sprint(f.Enum)
	case KeyDefault:
		return formatValue(f.Default)
	}
	return strconv.FormatFloat(f.Number, 'g', -1, 64)
}

// checkExample walks an example value along its schema and takes back any
// constraint from prose that the example breaks.
func (a *applier) checkExample(s *model.Schema, v any, at model.Loc) {
	a.checkValue(s, v, at, 0)
}

// maxExampleDepth bounds the walk on deeply nested (or hostile) examples.
const maxExampleDepth = 64

func (a *applier) checkValue(s *model.Schema, v any, at model.Loc, depth int) {
	if s == nil || v == nil || depth > maxExampleDepth {
		return
	}
	switch val := v.(type) {
	case map[string]any:
		for _, p := range s.Properties {
			if p == nil {
				continue
			}
			if pv, ok := val[p.Name]; ok {
				a.checkValue(p.Schema, pv, at, depth+1)
			}
		}
		if s.AdditionalProperties != nil {
			for _, pv := range val {
				a.checkValue(s.AdditionalProperties, pv, at, depth+1)
			}
		}
	case []any:
		// The first elements show what an example says of a constraint;
		// each of 10⁵ would cost its schema's properties.
		for _, item := range val[:min(len(val), model.MaxExampleElements)] {
			a.checkValue(s.Items, item, at, depth+1)
		}
	default:
		a.checkScalar(s, val, at)
	}
}

func (a *applier) checkScalar(s *model.Schema, v any, at model.Loc) {
	if len(s.Constraints) == 0 {
		return
	}
	text, num, isNum := scalar(v)
	kept := s.Constraints[:0]
	for _, c := range s.Constraints {
		broken := false
		switch c.Keyword {
		case KeyEnum:
			// "failed " in an example is the value failed with a slip
			// of the page's pen, not another value.
			broken = !slices.Contains(s.Enum, strings.TrimSpace(text))
			if broken && isNum {
				broken = !containsValue(s.Enum, num)
			}
		case KeyMinLength:
			_, isString := v.(string)
			broken = isString && len([]rune(text)) < s.MinLength
		case KeyMaxLength:
			_, isString := v.(string)
			broken = isString && len([]rune(text)) > s.MaxLength
		case KeyMinimum:
			broken = isNum && s.Minimum != nil && num < *s.Minimum
		case KeyMaximum:
			broken = isNum && s.Maximum != nil && num > *s.Maximum
		}
		if !broken {
			kept = append(kept, c)
			continue
		}
		a.diags.Notef(c.Loc, "the example at %s has %q, which breaks %s from %q; %s not applied", at, text, c.Keyword, c.Sentence, c.Keyword)
		switch c.Keyword {
		case KeyEnum:
			s.Enum = nil
		case KeyMinLength:
			s.MinLength = 0
		case KeyMaxLength:
			s.MaxLength = 0
		case KeyMinimum:
			s.Minimum = nil
		case KeyMaximum:
			s.Maximum = nil
		}
	}
	s.Constraints = kept
}

// scalar gives an example value as text and, when it is a number, as one.
func scalar(v any) (text string, num float64, isNum bool) {
	switch v := v.(type) {
	case string:
		return v, 0, false
	case bool:
		return strconv.FormatBool(v), 0, false
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), v, true
	case int:
		return strconv.Itoa(v), float64(v), true
	case int64:
		return strconv.FormatInt(v, 10), float64(v), true
	case interface{ String() string }: // json.Number
		s := v.String()
		f, err := strconv.ParseFloat(s, 64)
		return s, f, err == nil
	}
	return fmt.Sprint(v), 0, false
}
