// Package secret holds credentials (passwords, secret keys, tokens) in a type
// that never prints them: fmt verbs, JSON, text marshalling and logging all
// show a fixed placeholder, so a secret cannot leak through an error string or
// a %+v of a config struct by accident.
package secret

import (
	"fmt"
	"log/slog"
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
