package huawei_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

// A wrong password must not be tried once per call: IAM locks the user
// after a few failures. 100 calls make one IAM attempt; the next attempt
// waits for the backoff, which doubles, and a success ends it.
func TestWrongPasswordBacksOff(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	f := newFakeIAM(clock.Now)
	src := newTokenSource(t, f, clock)
	src.Password = secret.New("not-the-password")
	ctx := context.Background()

	calls := func(n int) error {
		var last error
		for range n {
			_, last = src.Token(ctx)
			var apiErr *huawei.APIError
			if !errors.As(last, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
				t.Fatalf("err = %v, want a 401 *huawei.APIError inside", last)
			}
		}
		return last
	}
	attempts := func(want int32) {
		t.Helper()
		if got := f.requests.Load(); got != want {
			t.Fatalf("IAM attempts = %d, want %d", got, want)
		}
	}

	last := calls(100)
	attempts(1)
	if !errors.Is(last, huawei.ErrAuthBackoff) {
		t.Errorf("err = %v, want ErrAuthBackoff", last)
	}
	clock.Advance(huawei.DefaultAuthFailureBackoff - time.Second)
	calls(10)
	attempts(1)
	clock.Advance(time.Second) // the first wait is over
	calls(10)
	attempts(2)
	clock.Advance(huawei.DefaultAuthFailureBackoff) // the second wait is twice as long
	calls(10)
	attempts(2)
	clock.Advance(huawei.DefaultAuthFailureBackoff)
	calls(1)
	attempts(3)

	// Doubling stops at MaxAuthFailureBackoff.
	for range 10 {
		clock.Advance(huawei.MaxAuthFailureBackoff)
		calls(1)
	}
	attempts(13)

	// The right password, once the wait is over, gets a token and clears the
	// failure.
	src.Password = secret.New(examplePassword)
	clock.Advance(huawei.MaxAuthFailureBackoff)
	if _, err := src.Token(ctx); err != nil {
		t.Fatal(err)
	}
	attempts(14)
	checkNoProblems(t, f)
}

// Failures that are not about the credentials (IAM down) are not waited out.
func TestServerErrorDoesNotBackOff(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	f := newFakeIAM(clock.Now)
	f.setFail(http.StatusServiceUnavailable)
	src := newTokenSource(t, f, clock)
	for range 5 {
		if _, err := src.Token(context.Background()); err == nil || errors.Is(err, huawei.ErrAuthBackoff) {
			t.Fatalf("err = %v, want a 503 without backoff", err)
		}
	}
	if got := f.requests.Load(); got != 5 {
		t.Fatalf("IAM attempts = %d, want 5", got)
	}
}
