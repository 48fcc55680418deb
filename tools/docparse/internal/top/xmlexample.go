package top

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// element is one element of an XML example.
type element struct {
	name     string
	line     int
	text     string // character data, trimmed
	raw      []byte // character data while parsing; appending keeps it linear
	children []*element
	byName   map[string][]*element // built on first lookup
}

// child returns the children called name.
func (e *element) child(name string) []*element {
	if e.byName == nil {
		e.byName = make(map[string][]*element, len(e.children))
		for _, c := range e.children {
			e.byName[c.name] = append(e.byName[c.name], c)
		}
	}
	return e.byName[name]
}

// maxXMLDepth bounds nesting: real examples are a few levels deep, and a
// bound keeps hostile input from exhausting the stack later on.
const maxXMLDepth = 64

// exampleXML finds the XML document in an example section (after the
// "XML示例"/"JSON示例" tab labels) and parses it. It returns nil when the
// section has none or it does not parse.
func (r *reader) exampleXML(s *section) []*element {
	if s == nil {
		return nil
	}
	first := -1
	for i, l := range s.body {
		if strings.HasPrefix(strings.TrimSpace(l.text), "<") {
			first = i
			break
		}
	}
	if first < 0 {
		if hasContent(s.body) {
			r.log.warnf(r.loc(s.line, s.name, 0, ""), "no XML example found (only XML examples are read)")
		}
		return nil
	}
	var b strings.Builder
	for _, l := range s.body[first:] {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	firstLine := s.body[first].n
	roots, err := parseXML(b.String())
	if err != nil {
		var se *xml.SyntaxError
		line := firstLine
		if errors.As(err, &se) {
			line = firstLine + se.Line - 1
		}
		r.log.warnf(r.loc(line, s.name, 0, ""), "XML example does not parse (%v); not used", err)
		return nil
	}
	shiftLines(roots, firstLine-1)
	return roots
}

// parseXML reads a document into its top-level elements, lines counted
// from 1 at the start of text.
func parseXML(text string) ([]*element, error) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Entity = xml.HTMLEntity // pages copy HTML entities such as &nbsp; into examples
	var roots, open []*element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(open) > 0 {
				return nil, fmt.Errorf("element <%s> not closed", open[len(open)-1].name)
			}
			return roots, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) >= maxXMLDepth {
				line, _ := d.InputPos()
				return nil, &xml.SyntaxError{Msg: fmt.Sprintf("nested deeper than %d elements", maxXMLDepth), Line: line}
			}
			line, _ := d.InputPos()
			e := &element{name: t.Name.Local, line: line}
			if len(open) == 0 {
				roots = append(roots, e)
			} else {
				parent := open[len(open)-1]
				parent.children = append(parent.children, e)
			}
			open = append(open, e)
		case xml.EndElement:
			// The decoder has checked that end tags match.
			e := open[len(open)-1]
			e.text, e.raw = strings.TrimSpace(string(e.raw)), nil
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				e := open[len(open)-1]
				e.raw = append(e.raw, t...)
			}
		}
	}
}

func shiftLines(es []*element, by int) {
	for _, e := range es {
		e.line += by
		shiftLines(e.children, by)
	}
}

// exampleConverter turns XML example elements into JSON values shaped by a
// schema, dropping (with a warning) whatever the schema does not allow.
type exampleConverter struct {
	r       *reader
	section string
}

func (c exampleConverter) warn(e *element, path, format string, args ...any) {
	c.r.log.warnf(c.r.loc(e.line, c.section, 0, path), format, args...)
}

// value converts e as a value of schema s; ok is false if nothing valid is left.
func (c exampleConverter) value(s *model.Schema, e *element, path string) (v any, ok bool) {
	switch s.Type {
	case model.TypeObject:
		return c.object(s, e, path)
	case model.TypeArray:
		// Lists are read by object, from repeated elements; a list met
		// anywhere else is shown by one element, its one item.
		if s.Items == nil {
			return nil, false
		}
		if v, ok := c.value(s.Items, e, path); ok {
			return []any{v}, true
		}
		return nil, false
	case model.TypeAny:
		if len(e.children) > 0 {
			c.warn(e, path, "example element <%s> of untyped parameter has child elements; dropped", e.name)
			return nil, false
		}
		return e.text, true
	}
	if len(e.children) > 0 {
		c.warn(e, path, "example element <%s> should hold a %s but has child elements; dropped", e.name, s.Type)
		return nil, false
	}
	v, err := c.r.scalarValue(s, e.text)
	if err != nil {
		c.warn(e, path, "example value %v; dropped", err)
		return nil, false
	}
	return v, true
}

// object converts e's children to members of object schema s. A member
// that is a list takes every child element of its name as one item: that
// is how XML shows TOP's lists, inside their wrapper element
// (<statement><datas>…</datas><datas>…</datas></statement>; see
// listWrapper), and how TOP's JSON shows them as arrays
// ("statement": {"datas": [{…}, {…}]}).
func (c exampleConverter) object(s *model.Schema, e *element, path string) (any, bool) {
	if e.text != "" && len(e.children) == 0 {
		c.warn(e, path, "example element <%s> holds text where an object is expected; dropped", e.name)
		return nil, false
	}
	out := map[string]any{}
	for _, ch := range e.children {
		at := joinPath(path, ch.name)
		p := s.Property(ch.name)
		switch {
		case p == nil:
			c.warn(ch, at, "example element <%s> has no parameter at this place; dropped", ch.name)
		case p.Schema.Type == model.TypeArray && p.Schema.Items != nil:
			items, _ := out[ch.name].([]any)
			if v, ok := c.value(p.Schema.Items, ch, at); ok {
				items = append(items, v)
			}
			if items != nil {
				out[ch.name] = items
			}
		case has(out, ch.name):
			c.warn(ch, at, "example element <%s> repeated but the parameter is not an array; extra copy dropped", ch.name)
		default:
			if v, ok := c.value(p.Schema, ch, at); ok {
				out[ch.name] = v
			}
		}
	}
	if c.r.wrappers[s] {
		// An empty wrapper element is an empty list; the wrapper's one
		// member is required.
		for _, p := range s.Properties {
			if !has(out, p.Name) {
				out[p.Name] = []any{}
			}
		}
	}
	return out, true
}

func has(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "/" + name
}
