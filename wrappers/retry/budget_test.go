package retry

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A storm of failures drains the budget: after it is spent every call is
// tried once, so 200 failing calls cost 200 + 500/RetryCost attempts, not
// 200 × MaxAttempts.
func TestBudgetBoundsRetryStorm(t *testing.T) {
	attempts := 0
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		attempts++
		return response(http.StatusServiceUnavailable), nil
	})
	b := NewBudget(0)
	rt := &Transport{Base: base, Policy: Policy{MaxAttempts: 4}, Budget: b, Sleep: (&recordingSleeper{}).Sleep, Rand: half}
	const calls = 200
	for range calls {
		resp, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil))
		if err != nil || resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("resp=%v err=%v, want the last 503", resp, err)
		}
		resp.Body.Close()
	}
	if want := calls + DefaultBudgetTokens/RetryCost; attempts != want {
		t.Fatalf("%d attempts for %d failing calls, want %d", attempts, calls, want)
	}
	if b.Tokens() >= RetryCost {
		t.Fatalf("budget has %d tokens left after the storm", b.Tokens())
	}
}

// Successes refill the budget, so retrying resumes once the service is
// back.
func TestBudgetRefillsOnSuccess(t *testing.T) {
	b := NewBudget(RetryCost)
	fail := errors.New("boom")
	r := Retryer{Policy: Policy{MaxAttempts: 3}, Budget: b, Sleep: (&recordingSleeper{}).Sleep, Rand: half}
	n := 0
	err := r.Do(context.Background(), func(context.Context) error { n++; return Temporary(fail) })
	if !errors.Is(err, fail) || n != 2 || b.Tokens() != 0 {
		t.Fatalf("err=%v attempts=%d tokens=%d; want 2 attempts (one retry bought) and an empty budget", err, n, b.Tokens())
	}
	for range RetryCost {
		if err := r.Do(context.Background(), func(context.Context) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if b.Tokens() != RetryCost {
		t.Fatalf("tokens=%d after %d successes, want %d", b.Tokens(), RetryCost, RetryCost)
	}
}

// A classifier can retry failures that arrive as a 200, as TOP's
// throttling does, and the loop honours it like any other fault.
func TestTransportClassifierRetriesA200(t *testing.T) {
	attempts := 0
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		attempts++
		resp := response(http.StatusOK)
		if attempts < 3 {
			resp.Header.Set("X-Throttled", "1")
		}
		return resp, nil
	})
	classify := func(resp *http.Response, err error) Verdict {
		if resp != nil && resp.Header.Get("X-Throttled") != "" {
			return Verdict{Retry: true}
		}
		return DefaultClassifier(resp, err)
	}
	s := &recordingSleeper{}
	rt := &Transport{Base: base, Classify: classify, Sleep: s.Sleep, Rand: half}
	resp, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil))
	if err != nil || resp.Header.Get("X-Throttled") != "" || attempts != 3 || len(s.pauses) != 2 {
		t.Fatalf("resp=%v err=%v attempts=%d pauses=%v; want success on the third attempt", resp, err, attempts, s.pauses)
	}
}
