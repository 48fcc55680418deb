package emit

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// The document is built as yaml.Node trees rather than Go maps because
// mappings must keep page order (properties, parameters, paths) and because
// node styles decide how readable the output is.

// mapping is an ordered YAML mapping under construction.
type mapping struct{ node *yaml.Node }

func newMapping() mapping {
	return mapping{node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
}

// set appends key: value; a nil value is skipped so optional parts can be
// passed straight through.
func (m mapping) set(key string, value *yaml.Node) {
	if value == nil {
		return
	}
	m.node.Content = append(m.node.Content, plainString(key), value)
}

// setText appends key: text unless text is empty.
func (m mapping) setText(key, text string) {
	if text != "" {
		m.set(key, textNode(text))
	}
}

// setMapping appends key: m2 unless m2 has no entries.
func (m mapping) setMapping(key string, m2 mapping) {
	if !m2.empty() {
		m.set(key, m2.node)
	}
}

func (m mapping) empty() bool { return len(m.node.Content) == 0 }

func sequence(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

// plainString is a string scalar; the encoder quotes it when it would
// otherwise read as another type ("200", "true").
func plainString(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		// A literal block keeps multi-line text readable; the encoder falls
		// back to a quoted style by itself where a block is not allowed.
		n.Style = yaml.LiteralStyle
	}
	return n
}

// textNode is a human-written description or summary, tidied so it can be
// written as a literal block: YAML forbids that style when a line ends in
// white space, which documentation pages often contain.
func textNode(s string) *yaml.Node { return plainString(tidyText(s)) }

func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u3000")
	}
	return strings.Join(lines, "\n")
}

func boolNode(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

func intNode(text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: text}
}

func floatNode(text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: text}
}

func nullNode() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}
