package emit

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"math"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// fingerprinter computes a canonical digest of a schema's structure, ignoring
// where it came from (Loc) and its own name, so that a table a page repeats
// (the same ErrorDetail under every status code) collapses into one
// component. Children's names are part of it, because they decide which
// components the schema refers to.
type fingerprinter struct {
	describe func(*model.Schema) string // the description a schema is written with
	done     map[*model.Schema][32]byte // digests that do not depend on an enclosing schema
	stack    []*model.Schema            // schemas being digested, outermost first
}

func newFingerprinter(describe func(*model.Schema) string) *fingerprinter {
	if describe == nil {
		describe = func(s *model.Schema) string { return s.Description }
	}
	return &fingerprinter{describe: describe, done: make(map[*model.Schema][32]byte)}
}

// of returns the digest of s.
func (f *fingerprinter) of(s *model.Schema) [32]byte {
	digest, _ := f.compute(s)
	return digest
}

// compute returns the digest of s and the outermost stack depth it refers
// back to (math.MaxInt when none). A schema met again while it is being
// digested is written as its distance up the stack, so two copies of the
// same recursive structure get the same digest and the walk terminates.
// Schemas without children are digested afresh each time rather than kept:
// they are most of a large page and cheap to hash.
func (f *fingerprinter) compute(s *model.Schema) ([32]byte, int) {
	if s == nil {
		return sha256.Sum256([]byte("nil")), math.MaxInt
	}
	if digest, ok := f.done[s]; ok {
		return digest, math.MaxInt
	}
	for i, open := range f.stack {
		if open == s {
			return sha256.Sum256(fmt.Appendf(nil, "cycle(%d)", len(f.stack)-i)), i
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
			return fmt.Sprintf("named(%q,%x)", typeName(c.Name), digest)
		}
		return fmt.Sprintf("%x", digest)
	}

	h := sha256.New()
	writeScalarKeywords(h, s, f.describe(s))
	for _, p := range s.Properties {
		if p == nil {
			continue
		}
		fmt.Fprintf(h, "prop %q required=%t desc=%q schema=%s\n", p.Name, p.Required, p.Description, child(p.Schema))
	}
	fmt.Fprintf(h, "items=%s\n", child(s.Items))
	if s.AdditionalProperties != nil {
		fmt.Fprintf(h, "additional=%s\n", child(s.AdditionalProperties))
	}
	var digest [32]byte
	h.Sum(digest[:0])
	if lowest >= depth && isContainer(s) {
		f.done[s] = digest
	}
	return digest, lowest
}

func writeScalarKeywords(h hash.Hash, s *model.Schema, description string) {
	fmt.Fprintf(h, "type=%q format=%q desc=%q nullable=%t freeform=%t enum=%q example=%s\n",
		s.Type, s.Format, description, s.Nullable, s.FreeForm, s.Enum, canonicalJSON(s.Example))
	fmt.Fprintf(h, "length=%d..%d min=%s max=%s default=%s\n",
		s.MinLength, s.MaxLength, optionalFloat(s.Minimum), optionalFloat(s.Maximum), canonicalJSON(s.Default))
	for _, c := range s.Constraints {
		fmt.Fprintf(h, "constraint %q %q\n", c.Keyword, c.Sentence)
	}
}

func optionalFloat(f *float64) string {
	if f == nil {
		return "none"
	}
	return fmt.Sprint(*f)
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
