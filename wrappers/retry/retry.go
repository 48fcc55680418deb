// Package retry retries cloud API calls with capped exponential backoff and
// full jitter, in the style of gax-go, for the Huawei and Taobao wrappers.
//
// It has two entry points:
//
//   - Transport, an http.RoundTripper that retries throttled (429), failed
//     (500, 502, 503, 504) and broken-connection attempts, honouring
//     Retry-After.
//   - Retryer.Do, which retries any call whose error is marked with Temporary
//     or After; use it where failures arrive in a 200 body rather than as an
//     HTTP status.
//
// # Ordering with request signing
//
// Retrying must wrap signing, never the other way round:
//
//	client := &http.Client{Transport: &retry.Transport{
//		Base: &huawei.SigningTransport{Base: http.DefaultTransport, ...},
//	}}
//
// Each attempt then passes through the signing transport again and gets a
// fresh timestamp and signature. A signature made once and replayed would go
// stale during long backoffs (Huawei rejects an X-Sdk-Date more than 15
// minutes off) and the body it covers would have been consumed.
//
// Sleeping and randomness are injected (Sleep, Rand) so tests run in no real
// time; nothing in the package keeps global mutable state.
package retry

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sleeper waits for d or until ctx ends, whichever comes first, and returns
// ctx's error in the latter case.
type Sleeper func(ctx context.Context, d time.Duration) error

// SleepContext is the default Sleeper: a real timer that is stopped as soon
// as ctx ends.
func SleepContext(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Policy bounds how often and how long to retry. Each zero field takes its
// value from DefaultPolicy().
type Policy struct {
	// MaxAttempts counts every attempt, the first one included.
	MaxAttempts int
	// Initial is the upper bound of the first pause.
	Initial time.Duration
	// Max caps the upper bound of any computed pause.
	Max time.Duration
	// Multiplier grows the upper bound after each retry; must be >= 1.
	Multiplier float64
	// MaxRetryAfter caps a server-requested Retry-After pause, so that a
	// misbehaving server cannot park the caller for hours.
	MaxRetryAfter time.Duration
}

// DefaultPolicy returns the values used for zero fields of a Policy: four
// attempts, pauses drawn below 0.5s, 1s, 2s (capped at 20s), and server
// requested pauses of at most a minute.
func DefaultPolicy() Policy {
	return Policy{
		MaxAttempts:   4,
		Initial:       500 * time.Millisecond,
		Max:           20 * time.Second,
		Multiplier:    2,
		MaxRetryAfter: time.Minute,
	}
}

// withDefaults returns p with zero fields filled from def.
func (p Policy) withDefaults() Policy {
	def := DefaultPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = def.MaxAttempts
	}
	if p.Initial <= 0 {
		p.Initial = def.Initial
	}
	if p.Max <= 0 {
		p.Max = def.Max
	}
	if p.Multiplier < 1 {
		p.Multiplier = def.Multiplier
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = def.MaxRetryAfter
	}
	return p
}

// Backoff returns the pause before retry number retry (0 for the first
// retry): full jitter, i.e. unit (in [0,1)) times
// min(Max, Initial*Multiplier^retry). Full jitter spreads out clients that
// failed together, which is what throttling needs.
func (p Policy) Backoff(retry int, unit float64) time.Duration {
	p = p.withDefaults()
	ceiling := float64(p.Initial) * math.Pow(p.Multiplier, float64(retry))
	if ceiling > float64(p.Max) || math.IsInf(ceiling, 0) || math.IsNaN(ceiling) {
		ceiling = float64(p.Max)
	}
	unit = min(max(unit, 0), 1)
	return time.Duration(unit * ceiling)
}

// retryAfterDelay caps a server-requested pause.
func (p Policy) retryAfterDelay(d time.Duration) time.Duration {
	return min(max(d, 0), p.withDefaults().MaxRetryAfter)
}

// ParseRetryAfter reads a Retry-After header value, either delay-seconds or an
// HTTP date (relative to now). ok is false when the value is absent or
// unparseable. A date in the past yields 0.
func ParseRetryAfter(value string, now time.Time) (d time.Duration, ok bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// PermanentError marks an error that no retry layer should retry, even if
// it wraps a connection error: an inner layer already spent its attempts.
type PermanentError struct {
	Err error
}

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as not retryable. It returns nil for nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &PermanentError{Err: err}
}

// RetryableError marks an error as worth retrying by Retryer.Do.
type RetryableError struct {
	Err error
	// After, when positive, is the pause the server asked for; it replaces
	// the computed backoff (capped by Policy.MaxRetryAfter).
	After time.Duration
}

func (e *RetryableError) Error() string { return e.Err.Error() }
func (e *RetryableError) Unwrap() error { return e.Err }

// Temporary marks err as retryable by Retryer.Do. It returns nil for nil.
func Temporary(err error) error {
	if err == nil {
		return nil
	}
	return &RetryableError{Err: err}
}

// After marks err as retryable after the server-requested pause d.
func After(err error, d time.Duration) error {
	if err == nil {
		return nil
	}
	return &RetryableError{Err: err, After: d}
}

// Retryer retries function calls. The zero value is ready to use.
type Retryer struct {
	Policy Policy
	// Sleep defaults to SleepContext.
	Sleep Sleeper
	// Rand returns a float in [0,1) for jitter; defaults to math/rand/v2.
	Rand func() float64
	// Now is used to check a backoff against ctx's deadline; defaults to
	// time.Now.
	Now func() time.Time
}

// Do calls fn until it returns nil, an error not marked retryable (see
// Temporary, After) or marked Permanent anywhere in its chain, the attempts
// run out, or ctx ends. fn's last error is returned as is (still wrapped in
// *RetryableError if it was marked); an ended context yields an error
// wrapping ctx.Err().
func (r Retryer) Do(ctx context.Context, fn func(ctx context.Context) error) error {
	p := r.Policy.withDefaults()
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("retry: before attempt %d: %w", attempt, err)
		}
		err := fn(ctx)
		if err == nil {
			return nil
		}
		var re *RetryableError
		var permanent *PermanentError
		if !errors.As(err, &re) || errors.As(err, &permanent) || attempt >= p.MaxAttempts {
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return fmt.Errorf("retry: attempt %d: %w (last error: %w)", attempt, cerr, err)
		}
		d := p.Backoff(attempt-1, r.rand())
		if re.After > 0 {
			d = p.retryAfterDelay(re.After)
		}
		if perr := r.pause(ctx, d); perr != nil {
			return fmt.Errorf("retry: after attempt %d: %w (last error: %w)", attempt, perr, err)
		}
	}
}

func (r Retryer) rand() float64 {
	if r.Rand != nil {
		return r.Rand()
	}
	return rand.Float64()
}

func (r Retryer) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// pause sleeps for d unless ctx would end first: then it returns at once with
// an error wrapping context.DeadlineExceeded instead of sleeping in vain.
func (r Retryer) pause(ctx context.Context, d time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok && deadline.Sub(r.now()) < d {
		return fmt.Errorf("pause of %v exceeds the deadline: %w", d, context.DeadlineExceeded)
	}
	sleep := r.Sleep
	if sleep == nil {
		sleep = SleepContext
	}
	return sleep(ctx, d)
}
