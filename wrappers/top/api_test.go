package top

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docapi/docapi/wrappers/retry"
)

type pauses struct{ got []time.Duration }

func (p *pauses) sleep(ctx context.Context, d time.Duration) error {
	p.got = append(p.got, d)
	return ctx.Err()
}

const throttled = `{"error_response":{"code":7,"msg":"App Call Limited","sub_msg":"This ban will last for 3 more seconds"}}`

// TOP throttles with HTTP 200 and code 7; RetryClassifier retries it (the
// ban is the pause's floor) for calls the spec marks idempotent.
func TestThrottlingInA200IsRetried(t *testing.T) {
	g, cfg, base := e2eGateway(t, replyWith(topJSON, throttled), replyWith(topJSON, throttled), replyWith(topJSON, successBody))
	p := &pauses{}
	c := newE2EClient(t, cfg, base, WithRetry(retry.Transport{Sleep: p.sleep, Rand: func() float64 { return 0 }}))
	if _, err := securityTokenGet(c, context.Background(), tokenParams()); err != nil {
		t.Fatal(err)
	}
	if n := len(g.requests()); n != 3 {
		t.Fatalf("%d attempts, want 3", n)
	}
	if want := []time.Duration{3 * time.Second, 3 * time.Second}; len(p.got) != 2 || p.got[0] != want[0] || p.got[1] != want[1] {
		t.Fatalf("pauses %v, want %v", p.got, want)
	}
}

// A call the spec does not mark idempotent is sent once, throttled or not.
func TestThrottlingNotRetriedForNonIdempotentCalls(t *testing.T) {
	g, cfg, base := e2eGateway(t, replyWith(topJSON, throttled), replyWith(topJSON, successBody))
	c := newE2EClient(t, cfg, base, WithRetry(retry.Transport{Sleep: (&pauses{}).sleep}))
	var out map[string]any
	err := c.Call(context.Background(), &Operation{Method: tokenGetMethod}, struct{}{}, &out)
	var te *Error
	if !errors.As(err, &te) || !te.IsThrottled() || len(g.requests()) != 1 {
		t.Fatalf("err=%v after %d attempts, want the throttling *Error after 1", err, len(g.requests()))
	}
}

// Other TOP errors are final.
func TestRetryClassifierLeavesOtherErrors(t *testing.T) {
	if v := RetryClassifier(nil, &Error{Code: "27", Msg: "Invalid session"}); v.Retry {
		t.Fatal("code 27 classified as retryable")
	}
	if v := RetryClassifier(nil, &Error{Code: "15", SubCode: "isv.call-limited"}); !v.Retry {
		t.Fatal("isv.call-limited not retried")
	}
}
