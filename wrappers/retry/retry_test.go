package retry

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// recordingSleeper records requested pauses and never sleeps.
type recordingSleeper struct{ pauses []time.Duration }

func (s *recordingSleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.pauses = append(s.pauses, d)
	return ctx.Err()
}

func half() float64 { return 0.5 }

func TestBackoffFullJitter(t *testing.T) {
	p := Policy{Initial: time.Second, Max: 10 * time.Second, Multiplier: 2}
	cases := []struct {
		retry int
		unit  float64
		want  time.Duration
	}{
		{0, 0, 0},
		{0, 0.5, 500 * time.Millisecond},
		{1, 0.5, time.Second},
		{2, 0.5, 2 * time.Second},
		{3, 0.999, 7992 * time.Millisecond},
		{4, 0.5, 5 * time.Second},   // ceiling 16s capped to 10s
		{200, 0.5, 5 * time.Second}, // overflowing ceiling still capped
		{1, 7, 2 * time.Second},     // unit clamped to 1
		{1, -1, 0},                  // unit clamped to 0
	}
	for _, c := range cases {
		if got := p.Backoff(c.retry, c.unit); got != c.want {
			t.Errorf("Backoff(%d, %v) = %v, want %v", c.retry, c.unit, got, c.want)
		}
	}
}

func TestPolicyDefaults(t *testing.T) {
	got := Policy{}.withDefaults()
	if got != DefaultPolicy() {
		t.Fatalf("zero Policy = %+v, want %+v", got, DefaultPolicy())
	}
	p := Policy{MaxAttempts: 9}.withDefaults()
	if p.MaxAttempts != 9 || p.Initial != DefaultPolicy().Initial {
		t.Fatalf("partial defaults wrong: %+v", p)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"7", 7 * time.Second, true},
		{" 0 ", 0, true},
		{"", 0, false},
		{"-3", 0, false},
		{"soon", 0, false},
		{"Wed, 01 May 2024 12:00:30 GMT", 30 * time.Second, true},
		{"Wed, 01 May 2024 11:00:00 GMT", 0, true},                   // in the past
		{"99999999999999999999", time.Duration(math.MaxInt64), true}, // overflows int64: still delay-seconds
	}
	for _, c := range cases {
		got, ok := ParseRetryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDoRetriesOnlyMarkedErrors(t *testing.T) {
	s := &recordingSleeper{}
	r := Retryer{Policy: Policy{MaxAttempts: 5, Initial: time.Second}, Sleep: s.Sleep, Rand: half}
	calls := 0
	plain := errors.New("bad request")
	err := r.Do(context.Background(), func(context.Context) error {
		calls++
		switch calls {
		case 1:
			return Temporary(errors.New("busy"))
		case 2:
			return After(errors.New("throttled"), 3*time.Second)
		default:
			return plain
		}
	})
	if !errors.Is(err, plain) || calls != 3 {
		t.Fatalf("err=%v calls=%d, want plain error after 3 calls", err, calls)
	}
	want := []time.Duration{500 * time.Millisecond, 3 * time.Second}
	if !equalDurations(s.pauses, want) {
		t.Fatalf("pauses %v, want %v", s.pauses, want)
	}
}

func TestDoBoundsAttempts(t *testing.T) {
	s := &recordingSleeper{}
	r := Retryer{Policy: Policy{MaxAttempts: 3}, Sleep: s.Sleep, Rand: half}
	calls := 0
	busy := errors.New("busy")
	err := r.Do(context.Background(), func(context.Context) error { calls++; return Temporary(busy) })
	var re *RetryableError
	if calls != 3 || !errors.Is(err, busy) || !errors.As(err, &re) || len(s.pauses) != 2 {
		t.Fatalf("calls=%d err=%v pauses=%v", calls, err, s.pauses)
	}
	if err := r.Do(context.Background(), func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestDoStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	r := Retryer{Policy: Policy{MaxAttempts: 10}, Rand: half, Sleep: func(ctx context.Context, d time.Duration) error {
		cancel() // the caller gives up while we wait
		return SleepContext(ctx, d)
	}}
	err := r.Do(ctx, func(context.Context) error { calls++; return Temporary(errors.New("busy")) })
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("err=%v calls=%d", err, calls)
	}
}

func TestPauseBeyondDeadlineFailsFast(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	defer cancel()
	deadline, _ := ctx.Deadline()
	s := &recordingSleeper{}
	r := Retryer{Policy: Policy{MaxAttempts: 3}, Sleep: s.Sleep,
		Now: func() time.Time { return deadline.Add(-time.Second) }}
	calls := 0
	err := r.Do(ctx, func(context.Context) error { calls++; return After(errors.New("throttled"), 7*time.Second) })
	if !errors.Is(err, context.DeadlineExceeded) || calls != 1 || len(s.pauses) != 0 {
		t.Fatalf("err=%v calls=%d pauses=%v", err, calls, s.pauses)
	}
}

func TestSleepContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := SleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("SleepContext on ended ctx = %v", err)
	}
	if err := SleepContext(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- SleepContext(ctx2, time.Hour) }()
	cancel2()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("SleepContext not stopped by cancel: %v", err)
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// An error marked Permanent (an inner layer spent its attempts) is not
// retried by Do either, even when something on the way marked it Temporary.
func TestDoHonoursPermanent(t *testing.T) {
	s := &recordingSleeper{}
	r := Retryer{Policy: Policy{MaxAttempts: 5}, Sleep: s.Sleep, Rand: half}
	calls := 0
	inner := errors.New("token fetch failed after 3 attempts")
	err := r.Do(context.Background(), func(context.Context) error {
		calls++
		return Temporary(fmt.Errorf("call: %w", Permanent(inner)))
	})
	if calls != 1 || !errors.Is(err, inner) || len(s.pauses) != 0 {
		t.Fatalf("calls=%d err=%v pauses=%v, want one call", calls, err, s.pauses)
	}
}
