package huawei_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// newTokenSource starts a fake IAM and returns a token source using it
// through the generated client, with retries off unless the test sets them.
func newTokenSource(t *testing.T, f *fakeIAM, clock *fakeClock) *huawei.PasswordTokenSource {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return tokenSourceFor(t, srv, clock)
}

func tokenSourceFor(t *testing.T, srv *httptest.Server, clock *fakeClock) *huawei.PasswordTokenSource {
	t.Helper()
	client, err := huawei.NewIAMClient(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: retry.Policy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return &huawei.PasswordTokenSource{
		IAM: client, DomainName: exampleDomain, UserName: exampleUser,
		Password: secret.New(examplePassword), Scope: huawei.Scope{ProjectName: exampleProject},
		Now: clock.Now,
	}
}

func checkNoProblems(t *testing.T, f *fakeIAM) {
	t.Helper()
	for _, p := range f.Problems() {
		t.Error("fake IAM:", p)
	}
}

func TestIAMExampleMatchesSpec(t *testing.T) {
	raw, err := os.ReadFile("../../specs/iam.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var spec map[string]any
	if err := yaml.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	node := any(spec)
	for _, key := range []string{"paths", "/v3/auth/tokens#KeystoneCreateUserTokenByPassword", "post", "responses", "201", "content", "application/json", "examples", "example1", "value"} {
		m, ok := node.(map[string]any)
		if !ok {
			t.Fatalf("spec: no %q", key)
		}
		node = m[key]
	}
	var want any
	if err := json.Unmarshal([]byte(iamExample201), &want); err != nil {
		t.Fatal(err)
	}
	specJSON, _ := json.Marshal(node)
	var got any
	json.Unmarshal(specJSON, &got)
	// The page cuts its ids short ("d78cbac...f..."); the fake keeps whole
	// ones, so the two must agree in shape: the same members, the same
	// JSON types, the same lengths of lists.
	if !reflect.DeepEqual(shape(got), shape(want)) {
		t.Errorf("iamExample201 differs in shape from the spec's example:\nspec: %s", specJSON)
	}
}

// shape replaces every string, number and boolean of a decoded JSON value
// by its type name.
func shape(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = shape(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = shape(x)
		}
		return out
	}
	return fmt.Sprintf("%T", v)
}

func TestTokenSourceOneRequestForConcurrentCallers(t *testing.T) {
	const callers = 1000
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	f.gate = make(chan struct{})
	f.entered = make(chan struct{}, callers)
	src := newTokenSource(t, f, clock)

	var started, done sync.WaitGroup
	start := make(chan struct{})
	tokens := make([]huawei.Token, callers)
	errs := make([]error, callers)
	for i := range callers {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			started.Done()
			<-start
			tokens[i], errs[i] = src.Token(context.Background())
		}()
	}
	started.Wait()
	close(start)
	<-f.entered // the one refresh is at IAM; let it answer
	close(f.gate)
	done.Wait()

	if n := f.requests.Load(); n != 1 {
		t.Errorf("IAM requests = %d, want 1", n)
	}
	for i := range callers {
		if errs[i] != nil {
			t.Fatalf("caller %d: %v", i, errs[i])
		}
		if tokens[i].Value != tokens[0].Value || tokens[i].Value.IsZero() {
			t.Fatalf("caller %d got another or empty token", i)
		}
	}
	if want := exampleIssuedAt.Add(24 * time.Hour); !tokens[0].ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt = %v, want %v (token.expires_at)", tokens[0].ExpiresAt, want)
	}
	checkNoProblems(t, f)
}

func TestTokenSourceRequestFollowsSpec(t *testing.T) {
	cases := []struct {
		scope huawei.Scope
		want  iam.KeystoneCreateUserTokenByPasswordAuthScope
	}{
		{huawei.Scope{ProjectName: "cn-north-1"}, iam.KeystoneCreateUserTokenByPasswordAuthScope{Project: &iam.KeystoneCreateUserTokenByPasswordAuthScopeProject{Name: ptr("cn-north-1")}}},
		{huawei.Scope{ProjectID: exampleProjectID}, iam.KeystoneCreateUserTokenByPasswordAuthScope{Project: &iam.KeystoneCreateUserTokenByPasswordAuthScopeProject{ID: ptr(exampleProjectID)}}},
		{huawei.Scope{DomainName: exampleDomain}, iam.KeystoneCreateUserTokenByPasswordAuthScope{Domain: &iam.KeystoneCreateUserTokenByPasswordAuthScopeDomain{Name: ptr(exampleDomain)}}},
		{huawei.Scope{DomainID: "d78cbac186b744899480f25bd022f468"}, iam.KeystoneCreateUserTokenByPasswordAuthScope{Domain: &iam.KeystoneCreateUserTokenByPasswordAuthScopeDomain{ID: ptr("d78cbac186b744899480f25bd022f468")}}},
	}
	for _, c := range cases {
		clock := newFakeClock(exampleIssuedAt)
		f := newFakeIAM(clock.Now)
		src := newTokenSource(t, f, clock)
		src.Scope = c.scope
		tok, err := src.Token(context.Background())
		if err != nil {
			t.Fatalf("%+v: %v", c.scope, err)
		}
		if !strings.HasPrefix(tok.Value.Reveal(), "MIIatAYJKoZIhvcNAQcCoIIapTCCGqECAQExDTALB") {
			t.Errorf("token not taken from X-Subject-Token")
		}
		if !reflect.DeepEqual(f.scopes, []iam.KeystoneCreateUserTokenByPasswordAuthScope{c.want}) {
			t.Errorf("%+v: IAM saw scopes %v", c.scope, f.scopes)
		}
		if f.queries[0] != "nocatalog=true" {
			t.Errorf("query = %q, want nocatalog=true", f.queries[0])
		}
		checkNoProblems(t, f)
	}
}

func TestTokenSourceRejectsAmbiguousScope(t *testing.T) {
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	src := newTokenSource(t, f, clock)
	for _, scope := range []huawei.Scope{{}, {ProjectID: "p", DomainName: "d"}} {
		src.Scope = scope
		_, err := src.Token(context.Background())
		var tokErr *huawei.TokenError
		if !errors.As(err, &tokErr) {
			t.Errorf("scope %+v: err = %v, want *TokenError", scope, err)
		}
	}
	if n := f.requests.Load(); n != 0 {
		t.Errorf("IAM requests = %d, want 0", n)
	}
}

func TestTokenSourceRefreshesBeforeExpiry(t *testing.T) {
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	src := newTokenSource(t, f, clock) // default margin: 10 minutes
	ctx := context.Background()
	first, err := src.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(24*time.Hour - huawei.DefaultTokenMargin - time.Minute)
	again, err := src.Token(ctx)
	if err != nil || again.Value != first.Value || f.requests.Load() != 1 {
		t.Fatalf("inside the margin-free window: err %v, same token %v, requests %d", err, again.Value == first.Value, f.requests.Load())
	}
	clock.Advance(2 * time.Minute) // past expiry-margin, before expiry
	if !clock.Now().Before(first.ExpiresAt) {
		t.Fatal("test clock already past expiry")
	}
	second, err := src.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if second.Value == first.Value || f.requests.Load() != 2 {
		t.Errorf("not refreshed before expiry: requests %d", f.requests.Load())
	}
	if want := clock.Now().Add(24 * time.Hour); !second.ExpiresAt.Equal(want) {
		t.Errorf("new ExpiresAt = %v, want %v", second.ExpiresAt, want)
	}
}

func TestTokenSourceNeverServesExpiredToken(t *testing.T) {
	t.Run("refresh fails after expiry", func(t *testing.T) {
		clock := newFakeClock(exampleIssuedAt)
		f := newFakeIAM(clock.Now)
		src := newTokenSource(t, f, clock)
		if _, err := src.Token(context.Background()); err != nil {
			t.Fatal(err)
		}
		f.setFail(http.StatusServiceUnavailable)
		clock.Advance(24*time.Hour + time.Second)
		tok, err := src.Token(context.Background())
		var apiErr *huawei.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("err = %v, want an *APIError 503", err)
		}
		if apiErr.Op != "iam KeystoneCreateUserTokenByPassword" {
			t.Errorf("APIError.Op = %q, want the IAM call named", apiErr.Op)
		}
		if !tok.Value.IsZero() {
			t.Error("a token came with the error")
		}
	})
	t.Run("IAM answers with an expired token", func(t *testing.T) {
		clock := newFakeClock(exampleIssuedAt)
		// IAM's clock is 25 hours behind ours.
		f := newFakeIAM(func() time.Time { return clock.Now().Add(-25 * time.Hour) })
		src := newTokenSource(t, f, clock)
		_, err := src.Token(context.Background())
		var respErr *huawei.ResponseError
		if !errors.As(err, &respErr) || !strings.Contains(err.Error(), "expired") {
			t.Fatalf("err = %v, want a *ResponseError about an expired token", err)
		}
	})
}

func TestTokenSourceRetriesAfterFailedRefresh(t *testing.T) {
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	src := newTokenSource(t, f, clock)
	f.setFail(http.StatusUnauthorized)
	_, err := src.Token(context.Background())
	var tokErr *huawei.TokenError
	var apiErr *huawei.APIError
	if !errors.As(err, &tokErr) || !errors.As(err, &apiErr) || apiErr.StatusCode != 401 {
		t.Fatalf("err = %v, want *TokenError wrapping *APIError 401", err)
	}
	if strings.Contains(err.Error(), examplePassword) {
		t.Errorf("error shows the password: %v", err)
	}
	f.setFail(0)
	// An authentication failure is waited out (TestWrongPasswordBacksOff),
	// then the next call asks IAM again.
	if _, err := src.Token(context.Background()); !errors.Is(err, huawei.ErrAuthBackoff) {
		t.Fatalf("second call: %v, want ErrAuthBackoff", err)
	}
	clock.Advance(huawei.DefaultAuthFailureBackoff)
	if _, err := src.Token(context.Background()); err != nil {
		t.Fatalf("third call: %v", err)
	}
	if n := f.requests.Load(); n != 2 {
		t.Errorf("IAM requests = %d, want 2", n)
	}
}

func TestTokenSourceCancelledCallerDoesNotCancelRefresh(t *testing.T) {
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	f.gate = make(chan struct{})
	f.entered = make(chan struct{}, 4)
	src := newTokenSource(t, f, clock)

	type result struct {
		tok huawei.Token
		err error
	}
	ctxA, cancelA := context.WithCancel(context.Background())
	defer cancelA()
	doneA, doneB := make(chan result, 1), make(chan result, 1)
	go func() { tok, err := src.Token(ctxA); doneA <- result{tok, err} }()
	<-f.entered // A's refresh is at IAM
	go func() { tok, err := src.Token(context.Background()); doneB <- result{tok, err} }()
	cancelA()
	if a := <-doneA; !errors.Is(a.err, context.Canceled) {
		t.Fatalf("cancelled caller: err = %v, want context.Canceled", a.err)
	}
	close(f.gate)
	b := <-doneB
	if b.err != nil {
		t.Fatalf("other caller: %v", b.err)
	}
	again, err := src.Token(context.Background())
	if err != nil || again.Value != b.tok.Value {
		t.Fatalf("refresh was not cached: %v", err)
	}
	if n := f.requests.Load(); n != 1 {
		t.Errorf("IAM requests = %d, want 1", n)
	}
}

func TestTokenSourceInvalidateOnlyDropsRejectedToken(t *testing.T) {
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	src := newTokenSource(t, f, clock)
	ctx := context.Background()
	first, _ := src.Token(ctx)
	src.Invalidate(huawei.Token{Value: secret.New("some other token")})
	if tok, _ := src.Token(ctx); tok.Value != first.Value {
		t.Fatal("invalidating another token dropped the cached one")
	}
	src.Invalidate(first)
	second, _ := src.Token(ctx)
	if second.Value == first.Value {
		t.Fatal("invalidated token served again")
	}
	src.Invalidate(first) // a late 401 for the old token
	if tok, _ := src.Token(ctx); tok.Value != second.Value {
		t.Error("a stale invalidation dropped the new token")
	}
	if n := f.requests.Load(); n != 2 {
		t.Errorf("IAM requests = %d, want 2", n)
	}
}
