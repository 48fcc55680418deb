package retry

import (
	"context"
	"errors"
	"sync"
)

// Default budget sizes, those of aws-sdk-go-v2's retry quota.
const (
	DefaultBudgetTokens = 500
	// RetryCost is taken for each retry, TimeoutCost for a retry after a
	// timeout (a sign of an overloaded server).
	RetryCost   = 5
	TimeoutCost = 10
	// SuccessRefill is given back for a call that succeeded at once; a
	// call that succeeded after retries gives back RetryCost.
	SuccessRefill = 1
)

// Budget is a token bucket that every retry draws from; share one among the
// calls of a client. When most attempts fail it empties, and calls are then
// tried once until successes refill it, so a failing service sees at most
// about DefaultBudgetTokens/RetryCost extra attempts, not MaxAttempts times
// its traffic. Safe for concurrent use; a nil *Budget grants everything.
type Budget struct {
	mu       sync.Mutex
	capacity int
	tokens   int
}

// NewBudget returns a full budget of capacity tokens (DefaultBudgetTokens
// when capacity <= 0).
func NewBudget(capacity int) *Budget {
	if capacity <= 0 {
		capacity = DefaultBudgetTokens
	}
	return &Budget{capacity: capacity, tokens: capacity}
}

// Tokens reports what is left.
func (b *Budget) Tokens() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

// take draws the cost of retrying after err; false means no retry.
func (b *Budget) take(err error) bool {
	if b == nil {
		return true
	}
	cost := RetryCost
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		cost = TimeoutCost
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < cost {
		return false
	}
	b.tokens -= cost
	return true
}

// succeeded refills after a successful call.
func (b *Budget) succeeded(retried bool) {
	if b == nil {
		return
	}
	refill := SuccessRefill
	if retried {
		refill = RetryCost
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = min(b.capacity, b.tokens+refill)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
