package emit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// fingerprinter computes a canonical digest of a schema's structure, ignoring
// where it came from (Loc) and its own name, so that a table a page repeats
// (the same ErrorDetail under every status code) collapses into one
// component. Children's names are part of it, because they decide which
// components the schema refers to.
type fingerprinter struct {
	done  map[*model.Schema]string // digests that do not depend on an enclosing schema
	stack []*model.Schema          // schemas being digested, outermost first
}

func newFingerprinter() *fingerprinter {
	return &fingerprinter{done: make(map[*model.Schema]string)}
}

// of returns the digest of s.
func (f *fingerprinter) of(s *model.Schema) string {
	digest, _ := f.compute(s)
	return digest
}

// compute returns the digest of s and the outermost stack depth it refers
// back to (math.MaxInt when none). A schema met again while it is being
// digested is written as its distance up the stack, so two copies of the
// same recursive structure get the same digest and the walk terminates.
func (f *fingerprinter) compute(s *model.Schema) (string, int) {
	if s == nil {
		return "nil", math.MaxInt
	}
	if digest, ok := f.done[s]; ok {
		return digest, math.MaxInt
	}
	for i, open := range f.stack {
		if open == s {
			return fmt.Sprintf("cycle(%d)", len(f.stack)-i), i
		}
	}
	depth := len(f.stack)
	f.stack = append(f.stack, s)
	defer func() { f.stack = f.stack[:depth] }()

	lowest := math.MaxInt
	child := func(c *model.Schema) string {
		digest, back := f.compute(c)
		lowest = min(lowest, back)
		if c != nil && c.Name != "" {
			return fmt.Sprintf("named(%q,%s)", typeName(c.Name), digest)
		}
		return digest
	}

	var b strings.Builder
	fmt.Fprintf(&b, "type=%q format=%q desc=%q nullable=%t freeform=%t enum=%q example=%s\n",
		s.Type, s.Format, s.Description, s.Nullable, s.FreeForm, s.Enum, canonicalJSON(s.Example))
	for _, p := range s.Properties {
		if p == nil {
			continue
		}
		fmt.Fprintf(&b, "prop %q required=%t desc=%q schema=%s\n", p.Name, p.Required, p.Description, child(p.Schema))
	}
	fmt.Fprintf(&b, "items=%s\n", child(s.Items))

	sum := sha256.Sum256([]byte(b.String()))
	digest := hex.EncodeToString(sum[:])
	if lowest >= depth {
		f.done[s] = digest
	}
	return digest, lowest
}

// canonicalJSON renders an example for comparison; encoding/json sorts map
// keys. A value that cannot be encoded still gets a stable marker.
func canonicalJSON(v any) string {
	if v == nil {
		return "none"
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("unencodable(%T)", v)
	}
	return string(data)
}
