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
	"errors"
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

// depthAtMost reports whether data nests arrays and objects at most max
// deep, strings skipped, in one pass; a body with at most max brackets
// needs no pass at all.
func depthAtMost(data []byte, max int) bool {
	if bytes.Count(data, []byte{'['})+bytes.Count(data, []byte{'{'}) <= max {
		return true
	}
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringEnd(data, i+1)
		case '[', '{':
			if depth++; depth > max {
				return false
			}
		case ']', '}':
			depth--
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

// errDisagree is for a body segmentio refuses and encoding/json accepts,
// which the fuzz test has not found.
var errDisagree = errors.New("json: the body does not decode into the documented type")

// stdError is encoding/json's error for data: segmentio's errors quote the
// body (a token in it would reach err.Error() and the logs) and carry no
// offset. Decoding again costs only on failure.
func stdError(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return stdjson.Unmarshal(data, v) // *json.InvalidUnmarshalError
	}
	if err := stdjson.Unmarshal(data, reflect.New(rv.Type().Elem()).Interface()); err != nil {
		return err
	}
	return errDisagree
}
