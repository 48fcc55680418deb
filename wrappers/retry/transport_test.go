package retry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// statusSequence serves the given statuses in order, then 200, and counts
// attempts and the bodies it received.
type statusSequence struct {
	mu       sync.Mutex
	statuses []int
	headers  []http.Header
	bodies   []string
}

func (s *statusSequence) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	n := len(s.bodies)
	s.bodies = append(s.bodies, string(body))
	s.headers = append(s.headers, r.Header.Clone())
	status := http.StatusOK
	if n < len(s.statuses) {
		status = s.statuses[n]
	}
	s.mu.Unlock()
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "7")
	}
	w.WriteHeader(status)
	io.WriteString(w, "attempt body")
}

func (s *statusSequence) attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.bodies)
}

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close) // also closes srv.Client()'s idle connections
	return srv
}

func newTransport(srv *httptest.Server, s *recordingSleeper, p Policy) *Transport {
	return &Transport{Base: srv.Client().Transport, Policy: p, Sleep: s.Sleep, Rand: half}
}

func get(t *testing.T, rt http.RoundTripper, ctx context.Context, url string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := rt.RoundTrip(req)
	if resp != nil {
		t.Cleanup(func() { resp.Body.Close() })
	}
	return resp, err
}

func TestTransportRetries5xxThenSucceeds(t *testing.T) {
	h := &statusSequence{statuses: []int{500, 502, 503, 504}}
	srv := newServer(t, h)
	s := &recordingSleeper{}
	rt := newTransport(srv, s, Policy{MaxAttempts: 5, Initial: time.Second, Max: 3 * time.Second})
	resp, err := get(t, rt, context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || h.attempts() != 5 {
		t.Fatalf("status %d after %d attempts, want 200 after 5", resp.StatusCode, h.attempts())
	}
	// Rand fixed at 0.5: half of 1s, 2s, then the 3s cap twice.
	want := []time.Duration{500 * time.Millisecond, time.Second, 1500 * time.Millisecond, 1500 * time.Millisecond}
	if !equalDurations(s.pauses, want) {
		t.Fatalf("pauses %v, want %v", s.pauses, want)
	}
}

func TestTransportHonoursRetryAfter(t *testing.T) {
	h := &statusSequence{statuses: []int{429}}
	srv := newServer(t, h)
	s := &recordingSleeper{}
	resp, err := get(t, newTransport(srv, s, Policy{}), context.Background(), srv.URL)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("resp=%v err=%v", resp, err)
	}
	if !equalDurations(s.pauses, []time.Duration{7 * time.Second}) {
		t.Fatalf("pauses %v, want [7s]", s.pauses)
	}
}

func TestTransportCapsRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	calls := 0
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		if calls == 1 {
			resp := response(503)
			resp.Header.Set("Retry-After", "Wed, 01 May 2024 14:00:00 GMT") // two hours away
			return resp, nil
		}
		return response(200), nil
	})
	s := &recordingSleeper{}
	rt := &Transport{Base: base, Policy: Policy{MaxRetryAfter: 30 * time.Second}, Sleep: s.Sleep,
		Now: func() time.Time { return now }}
	resp, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("resp=%v err=%v", resp, err)
	}
	if !equalDurations(s.pauses, []time.Duration{30 * time.Second}) {
		t.Fatalf("pauses %v, want [30s]", s.pauses)
	}
}

func TestTransportRetriesConnectionReset(t *testing.T) {
	var attempts atomic.Int32
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if attempts.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			if tc, ok := conn.(*net.TCPConn); ok {
				tc.SetLinger(0) // RST instead of FIN
			}
			conn.Close()
			return
		}
		io.WriteString(w, "ok")
	}))
	s := &recordingSleeper{}
	resp, err := get(t, newTransport(srv, s, Policy{}), context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "ok" || attempts.Load() != 2 || len(s.pauses) != 1 {
		t.Fatalf("body=%q attempts=%d pauses=%v", body, attempts.Load(), s.pauses)
	}
}

func TestTransportRetriesConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	var calls atomic.Int32
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls.Add(1)
		return tr.RoundTrip(r)
	})
	s := &recordingSleeper{}
	rt := &Transport{Base: base, Policy: Policy{MaxAttempts: 3}, Sleep: s.Sleep, Rand: half}
	resp, err := get(t, rt, context.Background(), "http://"+addr+"/")
	if err == nil || resp != nil {
		t.Fatalf("want an error, got resp=%v", resp)
	}
	if !IsConnectionError(err) || calls.Load() != 3 || len(s.pauses) != 2 {
		t.Fatalf("err=%v calls=%d pauses=%v", err, calls.Load(), s.pauses)
	}
}

func TestTransportStopsWhenContextEnds(t *testing.T) {
	h := &statusSequence{statuses: []int{503, 503, 503, 503}}
	srv := newServer(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	rt := newTransport(srv, &recordingSleeper{}, Policy{MaxAttempts: 4})
	rt.Sleep = func(ctx context.Context, d time.Duration) error {
		cancel() // the caller gives up while we wait
		return SleepContext(ctx, d)
	}
	resp, err := get(t, rt, ctx, srv.URL)
	if !errors.Is(err, context.Canceled) || resp != nil {
		t.Fatalf("resp=%v err=%v, want context.Canceled", resp, err)
	}
	if h.attempts() != 1 {
		t.Fatalf("attempts %d, want 1", h.attempts())
	}
}

func TestTransportDeadlineShorterThanRetryAfter(t *testing.T) {
	h := &statusSequence{statuses: []int{429}}
	srv := newServer(t, h)
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	deadline, _ := ctx.Deadline()
	s := &recordingSleeper{}
	rt := newTransport(srv, s, Policy{})
	rt.Now = func() time.Time { return deadline.Add(-2 * time.Second) } // 2s left, server wants 7s
	_, err := get(t, rt, ctx, srv.URL)
	if !errors.Is(err, context.DeadlineExceeded) || len(s.pauses) != 0 || h.attempts() != 1 {
		t.Fatalf("err=%v pauses=%v attempts=%d", err, s.pauses, h.attempts())
	}
	if !strings.Contains(err.Error(), "429") {
		t.Errorf("error %q does not name the last status", err)
	}
}

func TestTransportExpiredContextSendsNothing(t *testing.T) {
	h := &statusSequence{}
	srv := newServer(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := get(t, newTransport(srv, &recordingSleeper{}, Policy{}), ctx, srv.URL)
	if !errors.Is(err, context.Canceled) || h.attempts() != 0 {
		t.Fatalf("err=%v attempts=%d", err, h.attempts())
	}
}

func TestTransportPOSTOnlyRetriedWhenMarked(t *testing.T) {
	for _, tc := range []struct {
		name         string
		mark         func(*http.Request) *http.Request
		wantAttempts int
	}{
		{"unmarked", func(r *http.Request) *http.Request { return r }, 1},
		{"MarkIdempotent", func(r *http.Request) *http.Request { return r.WithContext(MarkIdempotent(r.Context())) }, 3},
		{"Idempotency-Key", func(r *http.Request) *http.Request { r.Header.Set("Idempotency-Key", "k1"); return r }, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &statusSequence{statuses: []int{503, 503}}
			srv := newServer(t, h)
			// A body without GetBody: Transport must buffer it to re-send.
			req, err := http.NewRequest(http.MethodPost, srv.URL, io.NopCloser(strings.NewReader(`{"a":1}`)))
			if err != nil {
				t.Fatal(err)
			}
			req = tc.mark(req)
			resp, err := newTransport(srv, &recordingSleeper{}, Policy{}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if h.attempts() != tc.wantAttempts {
				t.Fatalf("attempts %d, want %d", h.attempts(), tc.wantAttempts)
			}
			for i, b := range h.bodies {
				if b != `{"a":1}` {
					t.Errorf("attempt %d body %q", i+1, b)
				}
			}
		})
	}
}

func TestTransportUsesGetBody(t *testing.T) {
	h := &statusSequence{statuses: []int{500}}
	srv := newServer(t, h)
	req, err := http.NewRequest(http.MethodPut, srv.URL, strings.NewReader("payload"))
	if err != nil {
		t.Fatal(err)
	}
	if req.GetBody == nil {
		t.Fatal("NewRequest should set GetBody for strings.Reader")
	}
	resp, err := newTransport(srv, &recordingSleeper{}, Policy{}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(h.bodies) != 2 || h.bodies[0] != "payload" || h.bodies[1] != "payload" {
		t.Fatalf("bodies %q", h.bodies)
	}
}

func TestTransportLargeBodyWithoutGetBodySentOnce(t *testing.T) {
	h := &statusSequence{statuses: []int{503}}
	srv := newServer(t, h)
	big := strings.Repeat("x", 100)
	req, _ := http.NewRequest(http.MethodPut, srv.URL, io.NopCloser(strings.NewReader(big)))
	rt := newTransport(srv, &recordingSleeper{}, Policy{})
	rt.MaxBufferedBody = 10
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || h.attempts() != 1 || h.bodies[0] != big {
		t.Fatalf("status %d attempts %d body len %d", resp.StatusCode, h.attempts(), len(h.bodies[0]))
	}
}

func TestTransportBoundsAttempts(t *testing.T) {
	h := &statusSequence{statuses: []int{500, 500, 500, 500, 500, 500, 500, 500}}
	srv := newServer(t, h)
	s := &recordingSleeper{}
	resp, err := get(t, newTransport(srv, s, Policy{MaxAttempts: 3}), context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	// The last response is handed back untouched so the caller can read the error.
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || string(body) != "attempt body" || h.attempts() != 3 || len(s.pauses) != 2 {
		t.Fatalf("status %d body %q attempts %d pauses %v", resp.StatusCode, body, h.attempts(), s.pauses)
	}
}

func TestTransportNonRetryableStatusReturnedAtOnce(t *testing.T) {
	for _, code := range []int{400, 401, 403, 404, 409, 501} {
		h := &statusSequence{statuses: []int{code}}
		srv := newServer(t, h)
		resp, err := get(t, newTransport(srv, &recordingSleeper{}, Policy{}), context.Background(), srv.URL)
		if err != nil || resp.StatusCode != code || h.attempts() != 1 {
			t.Errorf("status %d: resp=%v err=%v attempts=%d", code, resp, err, h.attempts())
		}
	}
}

// Each attempt must reach Base as a new request with its own body, read
// from the start: a Base that reads it, or swaps the field on the request
// it got, leaves the caller's request and the next attempt whole.
func TestTransportHandsBaseFreshRequests(t *testing.T) {
	var seen []*http.Request
	var bodies []io.ReadCloser
	var closed []bool
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got, err := io.ReadAll(r.Body)
		if err != nil || string(got) != "payload" {
			t.Errorf("attempt %d read %q (%v), want the whole body", len(seen)+1, got, err)
		}
		for _, b := range bodies {
			if b == r.Body {
				t.Errorf("attempt %d reuses an earlier attempt's body", len(seen)+1)
			}
		}
		bodies = append(bodies, r.Body)
		r.Body = http.NoBody // on this attempt's request only
		seen = append(seen, r)
		resp := response(503)
		i := len(closed)
		closed = append(closed, false)
		resp.Body = &closeRecorder{Reader: strings.NewReader("busy"), closed: func() { closed[i] = true }}
		return resp, nil
	})
	req, err := http.NewRequest(http.MethodPut, "http://example.test/", strings.NewReader("payload"))
	if err != nil {
		t.Fatal(err)
	}
	callerBody := req.Body
	rt := &Transport{Base: base, Policy: Policy{MaxAttempts: 3}, Sleep: (&recordingSleeper{}).Sleep}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || seen[1] == seen[2] || seen[1] == req || seen[2] == req {
		t.Fatalf("attempts did not get distinct requests: %d", len(seen))
	}
	if req.Body != callerBody {
		t.Fatal("the caller's request lost its body field")
	}
	// Discarded responses were closed; the returned one is the caller's to close.
	if !closed[0] || !closed[1] || closed[2] {
		t.Fatalf("closed = %v, want [true true false]", closed)
	}
	resp.Body.Close()
}

func TestIsRetryableRequest(t *testing.T) {
	for method, want := range map[string]bool{
		"GET": true, "HEAD": true, "PUT": true, "DELETE": true, "OPTIONS": true,
		"POST": false, "PATCH": false, "CONNECT": false,
	} {
		req := httptest.NewRequest(method, "http://example.test/", nil)
		if got := IsRetryableRequest(req); got != want {
			t.Errorf("%s: %v, want %v", method, got, want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func response(code int) *http.Response {
	return &http.Response{StatusCode: code, Status: http.StatusText(code), Header: http.Header{},
		Body: io.NopCloser(strings.NewReader(""))}
}

type closeRecorder struct {
	io.Reader
	closed func()
}

func (c *closeRecorder) Close() error { c.closed(); return nil }

func TestPermanentHidesConnectionErrors(t *testing.T) {
	reset := &net.OpError{Op: "read", Err: syscall.ECONNRESET}
	if !IsConnectionError(reset) {
		t.Fatal("a reset must count as a connection error")
	}
	wrapped := Permanent(fmt.Errorf("token fetch: %w", reset))
	if IsConnectionError(wrapped) {
		t.Error("a permanent error must not be retried")
	}
	if !errors.Is(wrapped, syscall.ECONNRESET) {
		t.Error("Permanent must keep the chain for errors.Is")
	}
	if Permanent(nil) != nil {
		t.Error("Permanent(nil) must be nil")
	}
}
