// Package bounded limits how much of an HTTP body the wrappers read: Body
// for bodies that callers read whole (a generated ParseXxxResponse calls
// io.ReadAll), so a huge or endless answer fails with an error instead of
// exhausting memory; Discard for responses that are thrown away.
package bounded

import "io"

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

// DiscardLimit bounds how much of a discarded body Discard reads so that its
// connection can be reused; the rest of a larger body is not read.
const DiscardLimit = 64 << 10

// Discard drains at most DiscardLimit bytes of a response body that will
// not be returned, and closes it, so its connection can go back to the pool.
func Discard(rc io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(rc, DiscardLimit))
	rc.Close()
}
