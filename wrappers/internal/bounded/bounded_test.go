package bounded

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestBody(t *testing.T) {
	errBig := errors.New("too large")
	tooLarge := func() error { return errBig }
	for _, tc := range []struct {
		body    string
		max     int64
		wantErr error
	}{
		{"hello", 10, nil},
		{"hello", 5, nil}, // exactly the limit
		{"hello!", 5, errBig},
		{"", 0, nil},
		{"x", 0, errBig},
	} {
		got, err := io.ReadAll(Body(io.NopCloser(strings.NewReader(tc.body)), tc.max, tooLarge))
		if !errors.Is(err, tc.wantErr) || (err == nil && string(got) != tc.body) {
			t.Errorf("%q max %d: got %q, %v; want error %v", tc.body, tc.max, got, err, tc.wantErr)
		}
	}
}

func TestDiscard(t *testing.T) {
	for _, size := range []int{0, DiscardLimit, DiscardLimit + 10} {
		r := strings.NewReader(strings.Repeat("x", size))
		closed := false
		Discard(closer{r, func() { closed = true }})
		if want := max(size-DiscardLimit, 0); r.Len() != want || !closed {
			t.Errorf("size %d: %d bytes left (want %d), closed %t", size, r.Len(), want, closed)
		}
	}
}

type closer struct {
	io.Reader
	onClose func()
}

func (c closer) Close() error { c.onClose(); return nil }
