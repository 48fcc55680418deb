package emit

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"strconv"

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
	buf      []byte                     // scratch for the text hashed
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
	h := sha256.New()
	// child writes what a member contributes: a leaf's keywords inline
	// (most of a large table, and cheap), anything else its digest.
	child := func(c *model.Schema) {
		if c != nil && c.Name == "" && !isContainer(c) {
			h.Write([]byte("leaf{"))
			f.keywords(h, c)
			h.Write([]byte("}\n"))
			return
		}
		digest, back := f.compute(c)
		lowest = min(lowest, back)
		if c != nil && c.Name != "" {
			f.buf = strconv.AppendQuote(append(f.buf[:0], "named "...), typeName(c.Name))
			h.Write(f.buf)
		}
		h.Write(digest[:])
		h.Write([]byte("\n"))
	}

	f.keywords(h, s)
	for _, p := range s.Properties {
		if p == nil {
			continue
		}
		b := strconv.AppendQuote(append(f.buf[:0], "prop "...), p.Name)
		b = strconv.AppendBool(append(b, " required="...), p.Required)
		b = strconv.AppendQuote(append(b, " desc="...), p.Description)
		f.buf = append(b, " schema="...)
		h.Write(f.buf)
		child(p.Schema)
	}
	h.Write([]byte("items="))
	child(s.Items)
	if s.AdditionalProperties != nil {
		h.Write([]byte("additional="))
		child(s.AdditionalProperties)
	}
	var digest [32]byte
	h.Sum(digest[:0])
	if lowest >= depth && isContainer(s) {
		f.done[s] = digest
	}
	return digest, lowest
}

// keywords writes the keywords of s itself.
func (f *fingerprinter) keywords(h hash.Hash, s *model.Schema) {
	b := strconv.AppendQuote(append(f.buf[:0], "type="...), s.Type)
	b = strconv.AppendQuote(append(b, " format="...), s.Format)
	b = strconv.AppendQuote(append(b, " desc="...), f.describe(s))
	b = strconv.AppendBool(append(b, " nullable="...), s.Nullable)
	b = strconv.AppendBool(append(b, " freeform="...), s.FreeForm)
	b = append(b, " enum="...)
	for _, e := range s.Enum {
		b = append(strconv.AppendQuote(b, e), ',')
	}
	b = strconv.AppendInt(append(b, " length="...), int64(s.MinLength), 10)
	b = strconv.AppendInt(append(b, ".."...), int64(s.MaxLength), 10)
	b = append(append(b, " min="...), optionalFloat(s.Minimum)...)
	b = append(append(b, " max="...), optionalFloat(s.Maximum)...)
	if s.Example != nil {
		b = append(append(b, " example="...), canonicalJSON(s.Example)...)
	}
	if s.Default != nil {
		b = append(append(b, " default="...), canonicalJSON(s.Default)...)
	}
	for _, c := range s.Constraints {
		b = strconv.AppendQuote(append(b, " constraint "...), c.Keyword)
		b = strconv.AppendQuote(append(b, ' '), c.Sentence)
	}
	f.buf = append(b, '\n')
	h.Write(f.buf)
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
