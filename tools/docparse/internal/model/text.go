package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxStrayBytes is how many bytes that are not UTF-8 a page may hold and
// still be read (mdhtml reads them as U+FFFD with a warning): a page saved
// in another encoding, such as GBK, has one in nearly every character.
const maxStrayBytes = 8

// TextProblem says why data cannot be a page at all: it is empty, or not
// text (a NUL byte, or more than a few bytes that are not UTF-8: a binary
// file, or a page saved in another encoding). notText is false for an
// empty file, which is simply no operation.
func TextProblem(name string, data []byte) (why string, at Loc, notText bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "the file is empty", Loc{File: name}, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Sprintf("the file holds a NUL byte (offset %d): it is binary, not a text page", i), Loc{File: name, Line: 1 + bytes.Count(data[:i], []byte("\n"))}, true
	}
	if utf8.Valid(data) {
		return "", Loc{}, false
	}
	stray, first := 0, -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			stray++
		}
		i += size
	}
	if stray <= maxStrayBytes {
		return "", Loc{}, false
	}
	return fmt.Sprintf("the file is not UTF-8 text (%d bytes that are not UTF-8, the first 0x%02x at offset %d): a binary file, or a page saved in another encoding", stray, data[first], first),
		Loc{File: name, Line: 1 + bytes.Count(data[:first], []byte("\n"))}, true
}

// Clip is s on one line, cut to max runes with "…": text a message
// quotes from a page.
func Clip(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}
