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
