package bounded

import (
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"testing/iotest"
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

// ReadAll reads what io.ReadAll reads whatever Content-Length claims, and
// a true length fills its buffer without growing it.
func TestReadAll(t *testing.T) {
	errBig := errors.New("too large")
	tooLarge := func() error { return errBig }
	for _, tc := range []struct {
		body string
		hint int64
	}{
		{"", -1}, {"", 0}, {"hello", 5}, {"hello", -1}, {"hello", 2}, {"hello", 1 << 40},
		{strings.Repeat("x", 5000), 5000}, {strings.Repeat("x", 5000), -1}, {strings.Repeat("x", maxPresize+3), maxPresize + 3},
	} {
		got, err := ReadAll(smallReadsOf(tc.body), tc.hint)
		if err != nil || string(got) != tc.body {
			t.Errorf("%d bytes, hint %d: got %d bytes, %v", len(tc.body), tc.hint, len(got), err)
		}
		if tc.hint == int64(len(tc.body)) && tc.hint <= maxPresize && cap(got) != len(tc.body)+1 {
			t.Errorf("%d bytes, hint %d: buffer grew to %d", len(tc.body), tc.hint, cap(got))
		}
	}
	_, err := ReadAll(Body(io.NopCloser(strings.NewReader("hello!")), 5, tooLarge), 5)
	if !errors.Is(err, errBig) {
		t.Errorf("over the limit: %v, want %v", err, errBig)
	}
}

// smallReadsOf is a reader that hands out at most 7 bytes a read, as a network
// connection may.
func smallReadsOf(s string) io.Reader { return &smallReads{s: s} }

type smallReads struct{ s string }

func (r *smallReads) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 7)], r.s)
	r.s = r.s[n:]
	return n, nil
}

func BenchmarkReadAll(b *testing.B) {
	body := strings.Repeat("x", 35<<10)
	b.Run("io.ReadAll", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = io.ReadAll(strings.NewReader(body))
		}
	})
	b.Run("ReadAll", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = ReadAll(strings.NewReader(body), int64(len(body)))
		}
	})
}

// ReadAtMost stops one byte past the limit, whatever the hint says.
func TestReadAtMost(t *testing.T) {
	body := strings.Repeat("x", 1000)
	for _, tc := range []struct {
		limit, hint int64
		want        int
	}{
		{2000, -1, 1000}, {2000, 1000, 1000}, {2000, 10, 1000}, {2000, 1 << 40, 1000},
		{1000, 1000, 1000}, {999, 1000, 1000}, {10, -1, 11}, {0, -1, 1}, {math.MaxInt64, -1, 1000},
	} {
		got, err := ReadAtMost(iotest.HalfReader(strings.NewReader(body)), tc.limit, tc.hint)
		if err != nil || len(got) != tc.want || !strings.HasPrefix(body, string(got)) {
			t.Errorf("limit %d, hint %d: %d bytes, %v; want %d", tc.limit, tc.hint, len(got), err, tc.want)
		}
	}
	_, err := ReadAtMost(iotest.ErrReader(io.ErrUnexpectedEOF), 10, -1)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v", err)
	}
}
