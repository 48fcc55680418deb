// Package bounded limits how much of an HTTP body the wrappers read: Body
// for bodies that callers read whole (ReadAll, or a generated
// ParseXxxResponse's io.ReadAll), so a huge or endless answer fails with an error instead of
// exhausting memory; Discard for responses that are thrown away.
package bounded

import (
	"io"
	"math"
)

// Body returns rc limited to max bytes. A read past the limit fails with
// the error tooLarge returns; a body of exactly max bytes reads normally.
func Body(rc io.ReadCloser, max int64, tooLarge func() error) io.ReadCloser {
	return &body{rc: rc, left: max, tooLarge: tooLarge}
}

type body struct {
	rc       io.ReadCloser
	left     int64
	tooLarge func() error
}

func (b *body) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly the limit from a longer one.
		// ReadFull of one byte yields it or an error (io.EOF at the end).
		var one [1]byte
		if _, err := io.ReadFull(b.rc, one[:]); err != nil {
			return 0, err
		}
		return 0, b.tooLarge()
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *body) Close() error { return b.rc.Close() }

// maxPresize bounds the buffer ReadAll sets aside for a body on the word of
// its Content-Length; a larger body grows the buffer as it arrives.
const maxPresize = 1 << 20

// ReadAll reads r to its end, as io.ReadAll does, into a buffer sized for
// hint bytes (a response's ContentLength; -1 when unknown) so that a body
// of known length is read without growing the buffer.
func ReadAll(r io.Reader, hint int64) ([]byte, error) {
	size := 512
	if hint >= 0 {
		size = int(min(hint, maxPresize)) + 1 // +1: room to see io.EOF
	}
	b := make([]byte, 0, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// ReadAtMost reads r to its end or to limit+1 bytes, whichever comes
// first (one byte over the limit tells a body of exactly limit bytes from
// a longer one: the caller checks len > limit), into a buffer sized for
// hint bytes as ReadAll does.
func ReadAtMost(r io.Reader, limit, hint int64) ([]byte, error) {
	stop := limit + 1
	if stop <= 0 {
		stop = math.MaxInt64 // limit is MaxInt64
	}
	return ReadAll(&io.LimitedReader{R: r, N: stop}, min(hint, stop))
}

// DiscardLimit bounds how much of a discarded body Discard reads so that its
// connection can be reused; the rest of a larger body is not read.
const DiscardLimit = 64 << 10

// Discard drains at most DiscardLimit bytes of a response body that will
// not be returned, and closes it, so its connection can go back to the pool.
func Discard(rc io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(rc, DiscardLimit))
	rc.Close()
}
