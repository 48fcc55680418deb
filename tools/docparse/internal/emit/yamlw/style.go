package yamlw

import (
	"strings"
	"unicode/utf8"
)

// ScalarStyle is how a string is written on one line.
type ScalarStyle int

const (
	Plain ScalarStyle = iota
	SingleQuoted
	DoubleQuoted
)

// Style picks the style for s on one line (keys, and values without line
// breaks): double quotes when s holds characters only escapes can carry or
// would read as something other than a string, single quotes when only
// YAML indicators are in the way, plain otherwise.
func Style(s string) ScalarStyle {
	special := false
	for _, r := range s {
		if !printable(r) || r == '\n' {
			special = true
			break
		}
	}
	switch {
	case special || !utf8.ValidString(s):
		return DoubleQuoted
	case readsAsNonString(s):
		return DoubleQuoted
	case !plainAllowed(s):
		return SingleQuoted
	}
	return Plain
}

// printable reports a character YAML lets stand for itself in any scalar
// style. Tabs are excluded (they read as indentation in some places), as
// are line breaks other than \n (\r, NEL, LS, PS), the byte order mark and
// noncharacters.
func printable(r rune) bool {
	switch {
	case r == '\n':
		return true
	case r < 0x20 || r == 0x7F:
		return false
	case r >= 0x80 && r <= 0x9F:
		return false
	case r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == utf8.RuneError:
		// U+FFFD itself is printable; only an undecodable byte is not,
		// and callers replace those first.
		return r == utf8.RuneError
	}
	return true
}

// readsAsNonString reports plain text a YAML 1.2 loader, or one keeping
// YAML 1.1 habits as go.yaml.in/yaml/v3 does, would take for null, a
// boolean, a number or a timestamp.
func readsAsNonString(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL",
		"true", "True", "TRUE", "false", "False", "FALSE",
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
		"+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<":
		return true
	}
	if c := s[0]; !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
		return false
	}
	// Dates and timestamps all start with four digits and a dash.
	if len(s) >= 5 && s[4] == '-' && allIn(s[:4], "0123456789") {
		return true
	}
	t := strings.ReplaceAll(s, "_", "") // YAML 1.1 allows 1_000
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	switch {
	case t == "":
		return false
	case len(t) > 2 && t[0] == '0' && strings.IndexByte("xXoObB", t[1]) >= 0:
		// strconv.ParseInt with base 0, as go.yaml.in/yaml/v4 uses it,
		// takes every case of the prefix.
		return allIn(t[2:], "0123456789abcdefABCDEF")
	case strings.Contains(t, ":"):
		// Sexagesimal (YAML 1.1): 190:20:30, 1:30.5
		return allIn(t, "0123456789:.")
	}
	return isYAMLFloat(t)
}

// isYAMLFloat matches [0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)? or \.[0-9]+...,
// which includes integers.
func isYAMLFloat(t string) bool {
	i, digits := 0, 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		start := i
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(t)
}

func allIn(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return s != ""
}

// plainAllowed applies YAML's rules for plain scalars in block context:
// no leading or trailing blank, no indicator at the start, no ": " or " #"
// inside, no document marker.
func plainAllowed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		return false
	}
	followedByBlank := func(i int) bool { return i+1 >= len(s) || s[i+1] == ' ' }
	switch s[0] {
	case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-', '?', ':':
		if followedByBlank(0) {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if followedByBlank(i) {
				return false
			}
		case '#':
			if i > 0 && s[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}

// literalAllowed reports whether multi-line s can be a literal block that
// reads back unchanged: only printable characters, no blank before a line
// break or at the very end (loaders strip them), and a first line that does
// not start with a blank or a break (that would need an indentation
// indicator).
func literalAllowed(s string) bool {
	if s == "" || s[0] == ' ' || s[0] == '\n' {
		return false
	}
	if strings.TrimRight(s, "\n") == "" {
		return false
	}
	for _, r := range s {
		if !printable(r) {
			return false
		}
	}
	if strings.Contains(s, " \n") {
		return false
	}
	trimmed := strings.TrimRight(s, "\n")
	return trimmed[len(trimmed)-1] != ' '
}

// isJSONNumber reports whether text is a number as JSON writes it, which is
// also a YAML 1.2 number.
func isJSONNumber(text string) bool {
	i := 0
	if i < len(text) && text[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		return i - start
	}
	switch {
	case i < len(text) && text[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(text) && text[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(text) && (text[i] == 'e' || text[i] == 'E') {
		i++
		if i < len(text) && (text[i] == '+' || text[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(text)
}
