package retry

import (
	"math"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// retryAfterBase answers 503 with the given Retry-After value n times, then 200.
func retryAfterBase(value string, n int, calls *int) roundTripFunc {
	return func(r *http.Request) (*http.Response, error) {
		*calls++
		if *calls <= n {
			resp := response(http.StatusServiceUnavailable)
			resp.Header.Set("Retry-After", value)
			return resp, nil
		}
		return response(http.StatusOK), nil
	}
}

// A server saying "Retry-After: 0" must not remove the backoff: the pause
// is never shorter than the computed one (probing found 2,768 attempts/s).
func TestTransportRetryAfterZeroKeepsBackoff(t *testing.T) {
	calls := 0
	s := &recordingSleeper{}
	rt := &Transport{Base: retryAfterBase("0", 3, &calls), Policy: Policy{MaxAttempts: 4, Initial: time.Second, Max: 8 * time.Second},
		Sleep: s.Sleep, Rand: half}
	resp, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("resp=%v err=%v", resp, err)
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}
	if !equalDurations(s.pauses, want) {
		t.Fatalf("pauses %v, want the computed backoff %v", s.pauses, want)
	}
}

// A Retry-After shorter than the computed backoff does not shorten it
// either; a longer one wins.
func TestTransportRetryAfterIsAFloor(t *testing.T) {
	calls := 0
	s := &recordingSleeper{}
	rt := &Transport{Base: retryAfterBase("1", 2, &calls), Policy: Policy{MaxAttempts: 4, Initial: 4 * time.Second, Max: 8 * time.Second},
		Sleep: s.Sleep, Rand: func() float64 { return 0.1 }}
	if _, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil)); err != nil {
		t.Fatal(err)
	}
	// Backoffs 0.4s and 0.8s are below the server's 1s; 1s wins both times.
	if want := []time.Duration{time.Second, time.Second}; !equalDurations(s.pauses, want) {
		t.Fatalf("pauses %v, want %v", s.pauses, want)
	}
}

// Twenty digits overflow int64 but are still delay-seconds: a very long
// pause, capped by MaxRetryAfter, not an unparseable header.
func TestParseRetryAfterHugeDelaySeconds(t *testing.T) {
	for _, v := range []string{"99999999999999999999", "18446744073709551616", "00000000000000000007"} {
		d, ok := ParseRetryAfter(v, time.Time{})
		if !ok {
			t.Errorf("ParseRetryAfter(%q): not ok, want a parsed delay", v)
		}
		if v[0] == '9' || v[0] == '1' {
			if d != time.Duration(math.MaxInt64) {
				t.Errorf("ParseRetryAfter(%q) = %v, want the longest duration", v, d)
			}
		} else if d != 7*time.Second {
			t.Errorf("ParseRetryAfter(%q) = %v, want 7s", v, d)
		}
	}
	calls := 0
	s := &recordingSleeper{}
	rt := &Transport{Base: retryAfterBase("99999999999999999999", 1, &calls), Policy: Policy{MaxRetryAfter: 45 * time.Second},
		Sleep: s.Sleep, Rand: half}
	if _, err := rt.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil)); err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{45 * time.Second}; !equalDurations(s.pauses, want) {
		t.Fatalf("pauses %v, want the MaxRetryAfter cap %v", s.pauses, want)
	}
}
