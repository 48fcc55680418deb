// Package fastjson is a drop-in JSON decoder for the generated clients'
// Config.Unmarshal (huawei.Config, top.Config): github.com/segmentio/encoding,
// which decodes the specs' example bodies to the same values as
// encoding/json and fails where encoding/json fails (bench/'s corpus and
// edge-body tests, FuzzSameAsEncodingJSON here), in a fraction of its time.
// Bodies nested deeper than 64 levels, where segmentio slows down with the
// square of the depth, are decoded by encoding/json. It is the clients'
// default decoder (Config.Unmarshal nil); building with
// -tags docapi_stdjson makes encoding/json the default instead, for a
// program about 0.4 MB smaller. The README ("Compared with the official
// SDK") gives both figures.
package fastjson

import (
	"bytes"
	stdjson "encoding/json"
	"reflect"

	"github.com/segmentio/encoding/json"
)

// Unmarshal decodes data into v as encoding/json.Unmarshal does, and fails
// with encoding/json's error.
func Unmarshal(data []byte, v any) error {
	if !depthAtMost(data, maxDepth) {
		return stdjson.Unmarshal(data, v)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return stdError(data, v)
	}
	return nil
}

// maxDepth is the deepest nesting segmentio decodes; deeper bodies go to
// encoding/json. segmentio's time grows with the square of the depth and
// with depth times size (10,000 levels in 30 KB: 2.7 s, against
// encoding/json's refusal past 10,000 in 0.2 ms), so a hostile answer
// could hold a call for minutes. The generated types nest far less.
const maxDepth = 64

// depthAtMost reports whether data nests arrays and objects at most limit
// deep, strings skipped, in one pass; a body with at most limit brackets
// needs no pass at all.
func depthAtMost(data []byte, limit int) bool {
	if bytes.Count(data, []byte{'['})+bytes.Count(data, []byte{'{'}) <= limit {
		return true
	}
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringEnd(data, i+1)
		case '[', '{':
			if depth++; depth > limit {
				return false
			}
		case ']', '}':
			depth = max(depth-1, 0) // unbalanced: the decoder fails there
		}
	}
	return true
}

// stringEnd returns the index of the quote that ends the string whose text
// starts at i, or len(data).
func stringEnd(data []byte, i int) int {
	for {
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			return len(data)
		}
		i += q
		backslashes := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return i
		}
		i++
	}
}

// stdError is encoding/json's answer for data after segmentio refused it:
// segmentio's errors quote the body (a token in it would reach err.Error()
// and the logs) and carry no offset. Decoding again costs only on failure;
// should encoding/json accept what segmentio refused, its value is the
// answer.
func stdError(data []byte, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero() // no half-decoded fields from segmentio
	}
	return stdjson.Unmarshal(data, v)
}
