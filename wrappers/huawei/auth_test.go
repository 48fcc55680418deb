package huawei_test

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

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/csms/csmsapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// sleepRecorder is an injected retry.Sleeper: it records and returns at once.
type sleepRecorder struct {
	mu     sync.Mutex
	pauses []time.Duration
}

func (s *sleepRecorder) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	s.pauses = append(s.pauses, d)
	s.mu.Unlock()
	return nil
}

func (s *sleepRecorder) Pauses() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.pauses...)
}

// tokenStack is a fake IAM, a token source using it, and a fake CSMS that
// accepts the tokens IAM issued.
type tokenStack struct {
	iam    *fakeIAM
	tokens *huawei.PasswordTokenSource
	csms   *fakeCSMS
	srv    *httptest.Server
	sleep  *sleepRecorder
	client *csmsapi.Client
}

func newTokenStack(t *testing.T, secrets int) *tokenStack {
	t.Helper()
	clock := newFakeClock(exampleIssuedAt)
	s := &tokenStack{iam: newFakeIAM(clock.Now), sleep: &sleepRecorder{}}
	s.tokens = newTokenSource(t, s.iam, clock)
	s.csms = newFakeCSMS(tokenAuth(s.iam), secrets)
	s.srv = httptest.NewServer(s.csms)
	t.Cleanup(s.srv.Close)
	var err error
	s.client, err = csmsapi.New(huawei.Config{
		Endpoint: s.srv.URL, ProjectID: exampleProjectID, Tokens: s.tokens,
		HTTPClient: s.srv.Client(), RetrySleep: s.sleep.Sleep,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func filterPage(offset, limit string) csms.ListResourceInstancesRequestBody {
	return csms.ListResourceInstancesRequestBody{Action: "filter", Offset: &offset, Limit: &limit}
}

func TestTokenAuthOn401RefreshesAndRetriesOnce(t *testing.T) {
	s := newTokenStack(t, 3)
	ctx := context.Background()
	if _, err := s.client.ListResourceInstances(ctx, filterPage("0", "10")); err != nil {
		t.Fatal(err)
	}
	s.iam.revokeAll() // the cached token is no longer accepted
	out, err := s.client.ListResourceInstances(ctx, filterPage("0", "10"))
	if err != nil {
		t.Fatalf("after revocation: %v", err)
	}
	if len(*out.Resources) != 3 {
		t.Errorf("got %d resources, want 3", len(*out.Resources))
	}
	if got := s.csms.requests.Load(); got != 3 {
		t.Errorf("CSMS requests = %d, want 3 (ok, 401, retried ok)", got)
	}
	if got := s.iam.requests.Load(); got != 2 {
		t.Errorf("IAM requests = %d, want 2", got)
	}
	if len(s.sleep.Pauses()) != 0 {
		t.Error("the 401 retry went through the backoff")
	}
}

func TestTokenAuthPersistent401RetriesOnlyOnce(t *testing.T) {
	s := newTokenStack(t, 3)
	s.csms.auth = func(*http.Request, []byte) string { return "token revoked" }
	_, err := s.client.ListResourceInstances(context.Background(), filterPage("0", "10"))
	var apiErr *huawei.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 || apiErr.Code != "APIGW.0301" {
		t.Fatalf("err = %v, want *APIError 401 APIGW.0301", err)
	}
	if got := s.csms.requests.Load(); got != 2 {
		t.Errorf("CSMS requests = %d, want 2", got)
	}
	if got := s.iam.requests.Load(); got != 2 {
		t.Errorf("IAM requests = %d, want 2", got)
	}
}

// staticTokens always offers the same token.
type staticTokens struct{ tok huawei.Token }

func (s staticTokens) Token(context.Context) (huawei.Token, error) { return s.tok, nil }
func (s staticTokens) Invalidate(huawei.Token)                     {}

func TestTokenTransportDoesNotReplayWhatItCannot(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		io.Copy(io.Discard, r.Body)
		writeJSON(w, http.StatusUnauthorized, `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}`)
	}))
	defer srv.Close()
	clock := newFakeClock(exampleIssuedAt)
	f := newFakeIAM(clock.Now)
	tokens := newTokenSource(t, f, clock)
	tr := &huawei.TokenTransport{Base: srv.Client().Transport, Tokens: tokens}

	// A body without GetBody cannot be sent twice.
	req, _ := http.NewRequest(http.MethodPost, srv.URL, io.NopCloser(strings.NewReader(`{"action":"filter"}`)))
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || requests.Load() != 1 || f.requests.Load() != 1 {
		t.Errorf("status %d, service requests %d, IAM requests %d; want 401, 1, 1", resp.StatusCode, requests.Load(), f.requests.Load())
	}

	// A source with nothing new to offer: no second attempt either.
	requests.Store(0)
	tr.Tokens = staticTokens{huawei.Token{Value: secret.New("fixed"), ExpiresAt: time.Now().Add(time.Hour)}}
	req, _ = http.NewRequest(http.MethodGet, srv.URL, nil)
	resp, err = tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || requests.Load() != 1 {
		t.Errorf("status %d, requests %d; want 401, 1", resp.StatusCode, requests.Load())
	}
}

func TestTokenTransportFreshHeaderOnEveryRetryAttempt(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Get(huawei.HeaderAuthToken))
		n := len(seen)
		mu.Unlock()
		if n < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	sleep := &sleepRecorder{}
	client := &http.Client{Transport: &retry.Transport{
		Base:  &huawei.TokenTransport{Base: srv.Client().Transport, Tokens: staticTokens{huawei.Token{Value: secret.New("tok-1")}}},
		Sleep: sleep.Sleep,
	}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 3 || seen[0] != "tok-1" || seen[1] != "tok-1" || seen[2] != "tok-1" {
		t.Errorf("attempts carried %q, want tok-1 three times", seen)
	}
}

func TestTokenTransportReturnsTokenError(t *testing.T) {
	s := newTokenStack(t, 1)
	s.iam.setFail(http.StatusUnauthorized)
	_, err := s.client.ListResourceInstances(context.Background(), filterPage("0", "10"))
	var tokErr *huawei.TokenError
	if !errors.As(err, &tokErr) {
		t.Fatalf("err = %v, want *TokenError", err)
	}
	if s.csms.requests.Load() != 0 {
		t.Error("CSMS was called without a token")
	}
	if strings.Contains(err.Error(), examplePassword) {
		t.Error("error shows the password")
	}
}

// A 401 to a request whose body cannot be sent again still tells the source
// that its token was rejected, so the next call gets a fresh token at once
// instead of being rejected first.
func TestTokenTransportInvalidatesEvenWhenItCannotReplay(t *testing.T) {
	s := newTokenStack(t, 1)
	tr := &huawei.TokenTransport{Base: s.srv.Client().Transport, Tokens: s.tokens}
	if _, err := s.tokens.Token(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.iam.revokeAll()
	body := `{"action":"filter","offset":"0","limit":"10"}`
	url := s.srv.URL + "/v1/" + exampleProjectID + "/csms/resource_instances/action"
	req, _ := http.NewRequest(http.MethodPost, url, io.NopCloser(strings.NewReader(body))) // no GetBody
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", resp.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if resp, err = tr.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || s.csms.requests.Load() != 2 || s.iam.requests.Load() != 2 {
		t.Errorf("status %d, CSMS requests %d, IAM requests %d; want 200, 2, 2 (no second 401)",
			resp.StatusCode, s.csms.requests.Load(), s.iam.requests.Load())
	}
}

// A failing credentials provider is not retried by retry.Transport: like a
// failed token fetch, it is marked permanent so that the provider's own
// retries are not multiplied.
func TestSigningTransportProviderErrorNotRetried(t *testing.T) {
	var calls atomic.Int32
	provider := providerFunc(func(context.Context) (huawei.Credentials, error) {
		calls.Add(1)
		return huawei.Credentials{}, fmt.Errorf("STS: %w", &net.OpError{Op: "read", Err: syscall.ECONNRESET})
	})
	sleep := &sleepRecorder{}
	rt := &retry.Transport{Base: &huawei.SigningTransport{Credentials: provider, Base: roundTripFunc(func(*http.Request) (*http.Response, error) {
		t.Fatal("sent without credentials")
		return nil, nil
	})}, Sleep: sleep.Sleep}
	req, _ := http.NewRequest(http.MethodGet, "https://iam.cn-north-4.myhuaweicloud.com/v3/projects", nil)
	_, err := rt.RoundTrip(req)
	if err == nil || !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("err = %v, want the provider's error", err)
	}
	if calls.Load() != 1 || len(sleep.Pauses()) != 0 {
		t.Errorf("provider called %d times with pauses %v, want once", calls.Load(), sleep.Pauses())
	}
}

type providerFunc func(context.Context) (huawei.Credentials, error)

func (f providerFunc) Retrieve(ctx context.Context) (huawei.Credentials, error) { return f(ctx) }
