package fastjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// trueDepth is the nesting depth encoding/json's tokenizer sees; ok is
// false for invalid JSON.
func trueDepth(data []byte) (depth int, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	cur := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return depth, true
		}
		if err != nil {
			return 0, false
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			if cur++; cur > depth {
				depth = cur
			}
		case json.Delim(']'), json.Delim('}'):
			cur--
		}
	}
}

func TestDepthAtMost(t *testing.T) {
	for _, c := range []struct {
		body  string
		depth int
	}{
		{`{}`, 1},
		{`{"a":[1,{"b":[]}]}`, 4},
		{`{"a":"[[[[{{{{"}`, 1},
		{`{"a":"\"[[[[","b":[["\\"]]}`, 3},
		{`["\\\"[[[", [[]]]`, 3},
		{strings.Repeat(`[`, 70) + strings.Repeat(`]`, 70), 70},
		{`[` + strings.Repeat(`"[",`, 100) + `1]`, 1},
	} {
		if d, ok := trueDepth([]byte(c.body)); !ok || d != c.depth {
			t.Fatalf("%s: test case says depth %d, encoding/json sees %d (valid %t)", c.body, c.depth, d, ok)
		}
		if !depthAtMost([]byte(c.body), c.depth) || depthAtMost([]byte(c.body), c.depth-1) {
			t.Errorf("%s: depthAtMost does not find depth %d", c.body, c.depth)
		}
	}
}

// Past maxDepth the body goes to encoding/json: the same refusal past its
// own limit (segmentio has none, and takes seconds), the same value below.
func TestDeepBodiesDecodeAsEncodingJSON(t *testing.T) {
	for _, n := range []int{maxDepth + 1, 10001} {
		body := []byte(`{"x":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`)
		var got, want map[string]any
		gotErr, wantErr := Unmarshal(body, &got), json.Unmarshal(body, &want)
		if (gotErr == nil) != (wantErr == nil) || wantErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("depth %d: %v, encoding/json %v", n, gotErr, wantErr)
		}
	}
}

func FuzzDepthAtMost(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":"[\"["}`, `[[[]]]`, `"\\\\"`, `[{"":[{}]}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ok := trueDepth(data)
		if !ok {
			depthAtMost(data, 3) // must not panic
			return
		}
		if !depthAtMost(data, d) {
			t.Fatalf("%q: depth %d refused at %d", data, d, d)
		}
		if d > 0 && depthAtMost(data, d-1) {
			t.Fatalf("%q: depth %d accepted at %d", data, d, d-1)
		}
	})
}
