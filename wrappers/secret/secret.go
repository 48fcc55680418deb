// Package secret holds credentials (passwords, secret keys, tokens) in a type
// that never prints them: fmt verbs, JSON, text marshalling and logging all
// show a fixed placeholder, so a secret cannot leak through an error string or
// a %+v of a config struct by accident.
package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
)

// Redacted is what every printing path shows instead of the secret.
const Redacted = "[REDACTED]"

// Value is a secret string. The zero Value is empty.
//
// The string sits behind a pointer: when fmt prints a struct that holds a
// Value in an unexported field, or with a verb that does not fit the struct,
// it bypasses Format and prints fields raw; then it shows an address, never
// the secret.
type Value struct {
	p *string
}

// New wraps s.
func New(s string) Value {
	if s == "" {
		return Value{}
	}
	return Value{p: &s}
}

// Reveal returns the secret itself; call it only where the bytes go on the wire
// or into a MAC.
func (v Value) Reveal() string {
	if v.p == nil {
		return ""
	}
	return *v.p
}

// IsZero reports whether the secret is empty.
func (v Value) IsZero() bool { return v.p == nil }

// Equal reports whether two values hold the same secret.
func (v Value) Equal(o Value) bool { return v.Reveal() == o.Reveal() }

// String implements fmt.Stringer.
func (v Value) String() string { return Redacted }

// GoString implements fmt.GoStringer, used by %#v.
func (v Value) GoString() string { return `secret.Value("` + Redacted + `")` }

// Format implements fmt.Formatter so that every verb (%s %v %+v %q %x %d ...)
// prints the placeholder.
func (v Value) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, v.GoString())
		return
	}
	fmt.Fprint(f, Redacted)
}

// MarshalText implements encoding.TextMarshaler (and so JSON and YAML).
func (v Value) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// LogValue implements slog.LogValuer.
func (v Value) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MinAnywhere is the length from which Scrub replaces a secret wherever it
// occurs. A shorter secret is replaced where it stands as a value of its
// own, not inside a run of letters and digits: echoed as "session=abc" it
// goes, while "abc" inside "abcdef" stays, so that a short (test) secret
// cannot rewrite every word of a message.
const MinAnywhere = 8

// Scrub returns s with each non-empty secret in values replaced by Redacted,
// in every form a server echoing a request may use: as is, JSON-escaped
// (with and without HTML escapes and "\/"), and URL-escaped for queries,
// forms and paths. Longer forms are replaced first so that one secret inside
// another cannot leave a tail behind. See MinAnywhere for short secrets.
func Scrub(s string, values ...Value) string {
	for _, form := range echoForms(values) {
		s = replace(s, form)
	}
	return s
}

// ScrubBytes is Scrub for a byte slice; b is returned unchanged (not
// copied) when it holds no secret.
func ScrubBytes(b []byte, values ...Value) []byte {
	for _, form := range echoForms(values) {
		if bytes.Contains(b, []byte(form)) {
			b = []byte(replace(string(b), form))
		}
	}
	return b
}

// Contains reports whether s holds any of values where Scrub would replace
// it.
func Contains(s string, values ...Value) bool {
	for _, form := range echoForms(values) {
		if replace(s, form) != s {
			return true
		}
	}
	return false
}

// replace replaces form in s, everywhere or, for a short form, where it is
// not part of a longer run of letters and digits.
func replace(s, form string) string {
	if len(form) >= MinAnywhere {
		return strings.ReplaceAll(s, form, Redacted)
	}
	var b strings.Builder
	done := 0 // s[:done] is in b
	for from := 0; ; {
		i := strings.Index(s[from:], form)
		if i < 0 {
			break
		}
		start, end := from+i, from+i+len(form)
		from = end
		leftOK := start == 0 || !isWordByte(s[start-1]) || !isWordByte(form[0])
		rightOK := end == len(s) || !isWordByte(s[end]) || !isWordByte(form[len(form)-1])
		if leftOK && rightOK {
			b.WriteString(s[done:start])
			b.WriteString(Redacted)
			done = end
		}
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// echoForms lists the forms of values to replace, longest first.
func echoForms(values []Value) []string {
	var forms []string
	for _, v := range values {
		raw := v.Reveal()
		if raw == "" {
			continue
		}
		var plain bytes.Buffer
		enc := json.NewEncoder(&plain)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(raw) // a string always encodes
		jsonPlain := strings.TrimSuffix(strings.TrimSuffix(plain.String(), "\n"), `"`)[1:]
		jsonHTML, _ := json.Marshal(raw)
		forms = append(forms, raw, jsonPlain, string(jsonHTML[1:len(jsonHTML)-1]),
			strings.ReplaceAll(jsonPlain, "/", `\/`), url.QueryEscape(raw), url.PathEscape(raw))
	}
	slices.SortFunc(forms, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(forms)
}
