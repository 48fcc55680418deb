// Package bounded limits HTTP bodies that callers read whole (a generated
// ParseXxxResponse calls io.ReadAll), so a huge or endless answer fails
// with an error instead of exhausting memory.
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
		var one [1]byte
		if n, err := io.ReadFull(b.rc, one[:]); n == 0 {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
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
