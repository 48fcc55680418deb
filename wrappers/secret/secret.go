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

// Scrub returns s with every occurrence of each non-empty secret in values
// replaced by Redacted, in every form a server echoing a request may use:
// as is, JSON-escaped (with and without HTML escapes and "\/"), and
// URL-escaped for queries, forms and paths. Longer secrets are replaced
// first so that one secret inside another cannot leave a tail behind. There
// is no minimum length: a short secret mangles an error message, an
// unredacted one leaks.
func Scrub(s string, values ...Value) string {
	for _, form := range echoForms(values) {
		s = strings.ReplaceAll(s, form, Redacted)
	}
	return s
}

// ScrubBytes is Scrub for a byte slice; b is returned unchanged (not
// copied) when it holds no secret.
func ScrubBytes(b []byte, values ...Value) []byte {
	for _, form := range echoForms(values) {
		if bytes.Contains(b, []byte(form)) {
			b = bytes.ReplaceAll(b, []byte(form), []byte(Redacted))
		}
	}
	return b
}

// Contains reports whether s holds any of values in any form Scrub removes.
func Contains(s string, values ...Value) bool {
	for _, form := range echoForms(values) {
		if strings.Contains(s, form) {
			return true
		}
	}
	return false
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
