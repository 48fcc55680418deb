// Package yamlw writes block-style YAML as a stream: each call appends to the
// output at once, so a document needs no tree in memory, only a stack of the
// collections that are open.
//
// It writes the subset of YAML an OpenAPI document needs (mappings,
// sequences, strings, numbers, booleans, null) in the layout go.yaml.in/yaml/v3
// produces with an indent of 2, and chooses each string's style so that
// every YAML 1.2 loader (and the YAML 1.1 habits of older ones) reads back
// the same string: plain where that is unambiguous, single-quoted where only
// indicators are in the way, double-quoted with escapes for control
// characters and for text that would read as another type ("200", "true",
// "2020-01-04"), and literal blocks for readable multi-line text.
package yamlw

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting the writer accepts. Loaders refuse far
// less than their own limits allow in practice: go.yaml.in/yaml/v3 stops at
// 10,000 levels (max_indents) and encoding/json, through which kin-openapi
// reads YAML, at 10,000 too; block indentation also makes the bytes grow
// with the square of the depth. Callers keep their documents well inside it.
const MaxDepth = 1000

// maxImplicitKey is the longest key written as "key: value"; YAML limits
// implicit keys to 1024 characters, so longer ones use the explicit
// "? key" form.
const maxImplicitKey = 512

// ErrTooDeep is returned when collections nest deeper than MaxDepth.
var ErrTooDeep = errors.New("yamlw: nesting deeper than MaxDepth")

type state int

const (
	lineStart state = iota // at the start of a line
	afterKey               // "key:" written, its value comes next
	afterDash              // "- " written, the item comes next
)

type frame struct {
	seq    bool
	indent int // column of this collection's keys or dashes
	n      int // entries written
}

// Writer writes one YAML document. Errors are sticky: after the first, every
// call does nothing and Close returns it.
type Writer struct {
	w     *bufio.Writer
	stack []frame
	state state
	err   error
}

// New returns a Writer appending to w. Call Close to flush.
func New(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

// Close checks that every collection was closed and flushes the output.
func (w *Writer) Close() error {
	if w.err == nil && len(w.stack) != 0 {
		w.err = errors.New("yamlw: unclosed collection")
	}
	if err := w.w.Flush(); w.err == nil {
		w.err = err
	}
	return w.err
}

// Err returns the first error so far.
func (w *Writer) Err() error { return w.err }

func (w *Writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *Writer) top() *frame {
	if len(w.stack) == 0 {
		return nil
	}
	return &w.stack[len(w.stack)-1]
}

const spaces = "                                                                "

func (w *Writer) indent(n int) {
	for n > len(spaces) {
		w.w.WriteString(spaces)
		n -= len(spaces)
	}
	w.w.WriteString(spaces[:n])
}

// beginValue places a value: after "key:", after "- ", or as a new item of
// the sequence that is open. It reports whether the value is the document
// root.
func (w *Writer) beginValue() bool {
	f := w.top()
	if f == nil {
		return true
	}
	if f.seq {
		switch w.state {
		case afterKey:
			w.w.WriteByte('\n')
			w.indent(f.indent)
		case lineStart:
			w.indent(f.indent)
		}
		// afterDash: the first item of a sequence that is itself an item
		// goes on the same line ("- - a").
		w.w.WriteString("- ")
		w.state = afterDash
		f.n++
		return false
	}
	if w.state != afterKey {
		w.fail(errors.New("yamlw: value in a mapping without a key"))
	}
	return false
}

// childIndent is the column of the entries of a collection opened now:
// two more than the key or dash that owns it ("key:\n  - item",
// "- key: v" with the next key under "key").
func (w *Writer) childIndent() int {
	if f := w.top(); f != nil {
		return f.indent + 2
	}
	return 0
}

func (w *Writer) open(seq bool) {
	if w.err != nil {
		return
	}
	if len(w.stack) >= MaxDepth {
		w.fail(ErrTooDeep)
		return
	}
	w.beginValue()
	w.stack = append(w.stack, frame{seq: seq, indent: w.childIndent()})
}

func (w *Writer) close(seq bool) {
	if w.err != nil {
		return
	}
	f := w.top()
	if f == nil || f.seq != seq {
		w.fail(errors.New("yamlw: unbalanced end of collection"))
		return
	}
	if f.n == 0 {
		empty := "{}"
		if seq {
			empty = "[]"
		}
		switch w.state {
		case afterKey:
			w.w.WriteByte(' ')
		case lineStart:
			// Only the document root can be empty at the start of a line.
		}
		w.w.WriteString(empty)
		w.w.WriteByte('\n')
		w.state = lineStart
	}
	w.stack = w.stack[:len(w.stack)-1]
}

// BeginMap opens a mapping; EndMap closes it ("{}" when empty).
func (w *Writer) BeginMap() { w.open(false) }

// EndMap closes the innermost mapping.
func (w *Writer) EndMap() { w.close(false) }

// BeginSeq opens a sequence; EndSeq closes it ("[]" when empty).
func (w *Writer) BeginSeq() { w.open(true) }

// EndSeq closes the innermost sequence.
func (w *Writer) EndSeq() { w.close(true) }

// Key starts the next entry of the innermost mapping; its value follows.
func (w *Writer) Key(k string) {
	if w.err != nil {
		return
	}
	f := w.top()
	if f == nil || f.seq {
		w.fail(errors.New("yamlw: key outside a mapping"))
		return
	}
	if w.state == afterKey && f.n > 0 {
		w.fail(fmt.Errorf("yamlw: key %q follows a key without a value", k))
		return
	}
	switch w.state {
	case afterKey:
		w.w.WriteByte('\n')
		w.indent(f.indent)
	case lineStart:
		w.indent(f.indent)
	}
	f.n++
	k = ValidUTF8(k)
	if implicitKeyTooLong(k) || strings.ContainsAny(k, "\n\r") {
		w.w.WriteString("? ")
		w.writeDoubleQuoted(k)
		w.w.WriteByte('\n')
		w.indent(f.indent)
		w.w.WriteByte(':')
	} else {
		w.writeInline(k)
		w.w.WriteByte(':')
	}
	w.state = afterKey
}

// implicitKeyTooLong reports a key whose written form (quotes and escapes
// included: one control character is four) would pass maxImplicitKey.
func implicitKeyTooLong(k string) bool {
	n := utf8.RuneCountInString(k)
	if n > maxImplicitKey {
		return true
	}
	if n*10 <= maxImplicitKey { // no escape is longer than \UXXXXXXXX
		return false
	}
	var buf bytes.Buffer
	tmp := &Writer{w: bufio.NewWriter(&buf)}
	tmp.writeInline(k)
	tmp.w.Flush()
	return utf8.RuneCount(buf.Bytes()) > maxImplicitKey
}

// scalar writes a value that fits on the current line.
func (w *Writer) scalar(text string) {
	if w.err != nil {
		return
	}
	w.beginValue()
	if w.state == afterKey {
		w.w.WriteByte(' ')
	}
	w.w.WriteString(text)
	w.w.WriteByte('\n')
	w.state = lineStart
}

// Bool writes true or false.
func (w *Writer) Bool(b bool) { w.scalar(strconv.FormatBool(b)) }

// Null writes null.
func (w *Writer) Null() { w.scalar("null") }

// Int writes an integer.
func (w *Writer) Int(n int64) { w.scalar(strconv.FormatInt(n, 10)) }

// Number writes a number given as JSON number text ("12", "-1.5e+30");
// text that is not one is written as a string, so the output stays valid.
func (w *Writer) Number(text string) {
	if !isJSONNumber(text) {
		w.String(text)
		return
	}
	w.scalar(text)
}

// String writes s in the clearest style that reads back as exactly s.
// Invalid UTF-8, which YAML cannot hold, is replaced as ValidUTF8 does.
// s is not kept once String returns (the emitter passes text in a buffer
// it reuses).
func (w *Writer) String(s string) {
	if w.err != nil {
		return
	}
	s = ValidUTF8(s)
	if strings.IndexByte(s, '\n') >= 0 && literalAllowed(s) {
		w.beginValue()
		w.writeLiteral(s)
		return
	}
	w.beginValue()
	if w.state == afterKey {
		w.w.WriteByte(' ')
	}
	w.writeInline(s)
	w.w.WriteByte('\n')
	w.state = lineStart
}

// writeInline writes s on one line: plain, single- or double-quoted.
func (w *Writer) writeInline(s string) {
	switch Style(s) {
	case Plain:
		w.w.WriteString(s)
	case SingleQuoted:
		w.w.WriteByte('\'')
		w.w.WriteString(strings.ReplaceAll(s, "'", "''"))
		w.w.WriteByte('\'')
	default:
		w.writeDoubleQuoted(s)
	}
}

// writeLiteral writes a literal block ("|-"), its lines indented under the
// key or dash that owns it; empty lines stay empty.
func (w *Writer) writeLiteral(s string) {
	f := w.top()
	contentIndent := 2
	if f != nil {
		contentIndent = f.indent + 2
	}
	trailing := len(s) - len(strings.TrimRight(s, "\n"))
	chomp := "-"
	switch {
	case trailing == 1:
		chomp = ""
	case trailing > 1:
		chomp = "+"
	}
	if w.state == afterKey {
		w.w.WriteByte(' ')
	}
	w.w.WriteString("|" + chomp + "\n")
	body := s[:len(s)-trailing]
	for line := range strings.SplitSeq(body, "\n") {
		if line != "" {
			w.indent(contentIndent)
			w.w.WriteString(line)
		}
		w.w.WriteByte('\n')
	}
	for range trailing - 1 {
		w.w.WriteByte('\n')
	}
	w.state = lineStart
}

func (w *Writer) writeDoubleQuoted(s string) {
	b := w.w
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			if printable(r) {
				b.WriteRune(r)
			} else if r <= 0xFF {
				fmt.Fprintf(b, `\x%02X`, r)
			} else if r <= 0xFFFF {
				fmt.Fprintf(b, `\u%04X`, r)
			} else {
				fmt.Fprintf(b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
}

// ValidUTF8 replaces each byte of s that is not part of valid UTF-8 by
// U+FFFD, as encoding/json does, so text and the JSON values made from it
// agree.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
