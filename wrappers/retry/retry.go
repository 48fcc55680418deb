// Package retry retries cloud API calls with capped exponential backoff and
// full jitter, in the style of gax-go, for the Huawei and Taobao wrappers.
//
// There is one retry loop, Retryer, with two entry points:
//
//   - Transport, an http.RoundTripper that retries throttled (429), failed
//     (500, 502, 503, 504) and broken-connection attempts, honouring
//     Retry-After as a floor under the computed backoff.
//   - Retryer.Do, which retries any call whose error is marked with Temporary
//     or After, or is a broken connection.
//
// Which outcomes are worth retrying is a Classifier (DefaultClassifier
// unless set), so a wrapper whose failures arrive in a 200 body (TOP's
// throttling codes) can add its own. A Budget (a token bucket, as
// aws-sdk-go-v2's retry quota) shared by the calls of one client stops
// retrying when most attempts fail, so a storm of failures cannot multiply
// the traffic by MaxAttempts.
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

	"github.com/docapi/docapi/wrappers/internal/bounded"
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

// pauseWith combines the computed backoff with a server-requested pause:
// the server's pause is a floor (never a way to skip the backoff, as
// "Retry-After: 0" would), capped by MaxRetryAfter.
func (p Policy) pauseWith(backoff, serverAsked time.Duration) time.Duration {
	return max(backoff, min(max(serverAsked, 0), p.withDefaults().MaxRetryAfter))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ParseRetryAfter reads a Retry-After header value, either delay-seconds or an
// HTTP date (relative to now). ok is false when the value is absent or
// unparseable. A date in the past yields 0; delay-seconds too large for a
// Duration (twenty digits and more) yield the longest Duration, for the
// caller to cap.
func ParseRetryAfter(value string, now time.Time) (d time.Duration, ok bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if allDigits(value) {
		secs, err := strconv.ParseInt(value, 10, 64)
		if err != nil || secs > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true // only overflow fails on digits
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
	// After, when positive, is the pause the server asked for; it is a
	// floor under the computed backoff (capped by Policy.MaxRetryAfter).
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

// Verdict is a Classifier's answer about one attempt.
type Verdict struct {
	// Retry reports that the attempt failed in a way worth retrying.
	Retry bool
	// After is a pause the server asked for (beyond any Retry-After header,
	// which the loop reads itself); a floor under the computed backoff.
	After time.Duration
}

// Classifier judges one attempt's outcome: resp is nil when err is set, and
// always nil for Retryer.Do. It must not read resp.Body.
type Classifier func(resp *http.Response, err error) Verdict

// DefaultClassifier retries errors marked Temporary or After, broken
// connections (IsConnectionError) and the statuses of IsRetryableStatus,
// and nothing marked Permanent.
func DefaultClassifier(resp *http.Response, err error) Verdict {
	if err != nil {
		var permanent *PermanentError
		if errors.As(err, &permanent) {
			return Verdict{}
		}
		var re *RetryableError
		if errors.As(err, &re) {
			return Verdict{Retry: true, After: re.After}
		}
		return Verdict{Retry: IsConnectionError(err)}
	}
	return Verdict{Retry: resp != nil && IsRetryableStatus(resp.StatusCode)}
}

// Retryer is the retry loop. The zero value is ready to use.
type Retryer struct {
	Policy Policy
	// Classify defaults to DefaultClassifier.
	Classify Classifier
	// Budget, when set, must grant every retry; share one among the calls
	// of a client. nil means no budget.
	Budget *Budget
	// Sleep defaults to SleepContext.
	Sleep Sleeper
	// Rand returns a float in [0,1) for jitter; defaults to math/rand/v2.
	Rand func() float64
	// Now is used for Retry-After dates and to check a backoff against
	// ctx's deadline; defaults to time.Now.
	Now func() time.Time
}

// Do calls fn until it returns nil, an error the classifier does not retry
// (by default: not marked Temporary or After and no broken connection, or
// marked Permanent anywhere in its chain), the attempts or the budget run
// out, or ctx ends. fn's last error is returned as is (still wrapped in
// *RetryableError if it was marked); an ended context yields an error
// wrapping ctx.Err().
func (r Retryer) Do(ctx context.Context, fn func(ctx context.Context) error) error {
	_, err := r.loop(ctx, func(ctx context.Context, _ int) (*http.Response, error) {
		return nil, fn(ctx)
	})
	return err
}

// loop is the one retry loop. attempt numbers from 1; a response that is
// retried has its body drained and closed here.
func (r Retryer) loop(ctx context.Context, attempt func(ctx context.Context, n int) (*http.Response, error)) (*http.Response, error) {
	p := r.Policy.withDefaults()
	classify := r.Classify
	if classify == nil {
		classify = DefaultClassifier
	}
	retried := false
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("retry: before attempt %d: %w", n, err)
		}
		resp, err := attempt(ctx, n)
		v := classify(resp, err)
		if !v.Retry {
			if err == nil {
				r.Budget.succeeded(retried)
			}
			return resp, err
		}
		if n >= p.MaxAttempts || !r.Budget.take(err) {
			return resp, err
		}
		if cerr := ctx.Err(); cerr != nil {
			closeBody(resp)
			return nil, fmt.Errorf("retry: attempt %d: %w (last error: %w)", n, cerr, lastError(resp, err))
		}
		retried = true
		serverAsked := v.After
		lastErr := err
		if resp != nil {
			if d, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), r.now()); ok {
				serverAsked = max(serverAsked, d)
			}
			lastErr = lastError(resp, err)
			closeBody(resp)
		}
		pause := p.pauseWith(p.Backoff(n-1, r.rand()), serverAsked)
		if perr := r.pause(ctx, pause); perr != nil {
			return nil, fmt.Errorf("retry: after attempt %d: %w (last error: %w)", n, perr, lastErr)
		}
	}
}

func lastError(resp *http.Response, err error) error {
	if err != nil || resp == nil {
		return err
	}
	return fmt.Errorf("HTTP %s", resp.Status)
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

func closeBody(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		bounded.Discard(resp.Body)
	}
}
