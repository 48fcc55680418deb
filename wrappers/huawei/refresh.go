package huawei

import (
	"context"
	"time"

	"golang.org/x/sync/singleflight"
)

// sharedRefresh runs one refresh shared by all the callers waiting on
// flight: it runs detached from the caller that started it, bounded by
// timeout, so a caller giving up does not fail the others, while each
// caller still returns as soon as its own context ends.
func sharedRefresh[T any](ctx context.Context, flight *singleflight.Group, timeout time.Duration, refresh func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	detached := context.WithoutCancel(ctx)
	ch := flight.DoChan("refresh", func() (any, error) {
		rctx, cancel := context.WithTimeout(detached, timeout)
		defer cancel()
		return refresh(rctx)
	})
	select {
	case <-ctx.Done():
		return zero, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return zero, r.Err
		}
		return r.Val.(T), nil
	}
}
