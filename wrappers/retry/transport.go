package retry

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"time"
)

// DefaultMaxBufferedBody bounds how much of a request body without GetBody
// Transport keeps in memory to be able to re-send it.
const DefaultMaxBufferedBody = 1 << 20

// Transport is an http.RoundTripper that retries attempts that failed in a
// way worth retrying: status 429, 500, 502, 503, 504, or a connection that
// was refused, reset or closed before a response arrived.
//
// Base must sign each request itself (see the package comment): Transport
// hands every attempt to Base as a fresh shallow copy of the original
// request (its own context and body), which Base must not modify.
//
// GET, HEAD, PUT, DELETE, OPTIONS and TRACE are retried; POST, PATCH and other
// methods only when the request's context went through MarkIdempotent or the
// request carries an Idempotency-Key or X-Idempotency-Key header (the same
// rule net/http uses).
type Transport struct {
	// Base sends each attempt; nil means http.DefaultTransport.
	Base   http.RoundTripper
	Policy Policy
	// Sleep defaults to SleepContext.
	Sleep Sleeper
	// Rand returns a float in [0,1) for jitter; defaults to math/rand/v2.
	Rand func() float64
	// Now is used for Retry-After dates and deadlines; defaults to time.Now.
	Now func() time.Time
	// Classify judges each attempt; nil means DefaultClassifier.
	Classify Classifier
	// Budget, when set, must grant every retry (see Budget).
	Budget *Budget
	// MaxBufferedBody bounds the buffering of bodies that lack GetBody;
	// larger bodies are sent once without retry. Zero means
	// DefaultMaxBufferedBody.
	MaxBufferedBody int64
}

type idempotentKey struct{}

// MarkIdempotent returns a context under which Transport also retries
// non-idempotent methods such as POST. Use it only for calls known to be
// safe to repeat, such as token issuance and list queries sent as POST.
func MarkIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// IsRetryableRequest reports whether Transport may send req more than once.
func IsRetryableRequest(req *http.Request) bool {
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete,
		http.MethodOptions, http.MethodTrace:
		return true
	}
	if marked, _ := req.Context().Value(idempotentKey{}).(bool); marked {
		return true
	}
	_, hasKey := req.Header["Idempotency-Key"]
	_, hasXKey := req.Header["X-Idempotency-Key"]
	return hasKey || hasXKey
}

// IsRetryableStatus reports whether a response status is worth retrying:
// throttling and transient server or gateway failures.
func IsRetryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// IsConnectionError reports whether err means the connection failed before a
// response arrived (refused, reset, closed early, dial failure), so that the
// request can be sent again.
func IsConnectionError(err error) bool {
	var permanent *PermanentError
	if err == nil || errors.As(err, &permanent) {
		return false
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && (dnsErr.IsTemporary || dnsErr.IsTimeout) {
		return true
	}
	return false
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if !IsRetryableRequest(req) {
		return base.RoundTrip(req)
	}
	getBody, firstBody, err := t.replayableBody(req)
	if err != nil {
		return nil, err
	}
	if getBody == nil && firstBody != nil {
		// Too large to buffer and no GetBody: send once.
		r := req.WithContext(req.Context())
		r.Body = firstBody
		return base.RoundTrip(r)
	}
	r := Retryer{Policy: t.Policy, Classify: t.Classify, Budget: t.Budget, Sleep: t.Sleep, Rand: t.Rand, Now: t.Now}
	return r.loop(req.Context(), func(ctx context.Context, n int) (*http.Response, error) {
		// Every attempt gets its own shallow copy, for its context and body;
		// Base must not modify it (the RoundTripper contract), and the
		// signing and token transports work on a clone of their own, so
		// one deep copy is made per attempt, not two.
		attemptReq := req.WithContext(ctx)
		if getBody != nil {
			body, err := getBody()
			if err != nil {
				return nil, Permanent(fmt.Errorf("retry: rewinding request body for attempt %d: %w", n, err))
			}
			attemptReq.Body = body
			attemptReq.GetBody = getBody
		}
		resp, err := base.RoundTrip(attemptReq)
		if err != nil && ctx.Err() != nil {
			return nil, Permanent(fmt.Errorf("retry: attempt %d: %w (last error: %w)", n, ctx.Err(), err))
		}
		return resp, err
	})
}

// replayableBody returns a function producing fresh copies of req's body.
// For bodies without GetBody it buffers up to MaxBufferedBody bytes; when
// the body is larger it returns getBody == nil and a reader that yields the
// whole body once. Both are nil for requests without a body.
func (t *Transport) replayableBody(req *http.Request) (getBody func() (io.ReadCloser, error), once io.ReadCloser, err error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil, nil
	}
	if req.GetBody != nil {
		// The first attempt may use req.Body; later ones need GetBody. Use
		// GetBody for all of them so req.Body is never half-consumed, and
		// close req.Body as the RoundTripper contract requires.
		req.Body.Close()
		return req.GetBody, nil, nil
	}
	limit := t.MaxBufferedBody
	if limit <= 0 {
		limit = DefaultMaxBufferedBody
	}
	buf, err := io.ReadAll(io.LimitReader(req.Body, limit+1))
	if err != nil {
		req.Body.Close()
		return nil, nil, fmt.Errorf("retry: reading request body: %w", err)
	}
	if int64(len(buf)) > limit {
		return nil, struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(buf), req.Body), req.Body}, nil
	}
	req.Body.Close()
	return func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(buf)), nil
	}, nil, nil
}
