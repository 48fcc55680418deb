package huawei_test

// Loopback tests of SigningTransport: requests signed by the package go
// through a real HTTP server whose akskVerifier (fake_test.go) checks them
// as the gateway would.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

func TestSignIsRepeatable(t *testing.T) {
	// Signing an already signed request again (as on a retry) must not sign
	// the old Authorization header, and must give the same result.
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	cred := testCredentials()
	req := httptest.NewRequest("GET", "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?b=2&a=1", nil)
	req.Header = http.Header{}
	if err := huawei.Sign(req, nil, cred, now); err != nil {
		t.Fatal(err)
	}
	first := req.Header.Get("Authorization")
	if err := huawei.Sign(req, nil, cred, now); err != nil {
		t.Fatal(err)
	}
	if second := req.Header.Get("Authorization"); second != first || strings.Contains(second, "authorization") {
		t.Fatalf("re-signing changed the signature:\n%s\n%s", first, second)
	}
	if req.URL.RawQuery != "a=1&b=2" {
		t.Errorf("query not canonicalised on the wire: %q", req.URL.RawQuery)
	}
}

func testCredentials() huawei.Credentials {
	return huawei.Credentials{
		AccessKey:     "HPUATESTACCESSKEY001",
		SecretKey:     secret.New("test-secret-key-0001"),
		SecurityToken: secret.New("test-security-token-0001"),
		ProjectID:     "0123456789abcdef",
	}
}

// verifierServer plays the API gateway for the loopback tests: akskVerifier
// checks each request against a clock fixed at now; accepted requests are
// recorded, rejected ones answered as the gateway does (401 APIGW.0301).
type verifierServer struct {
	akskVerifier
	mu     sync.Mutex
	dates  []string
	bodies []string
}

func (v *verifierServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if reason := v.check(r, body); reason != "" {
		w.Header().Set("X-Request-Id", "req-reject")
		w.WriteHeader(http.StatusUnauthorized)
		json.NewEncoder(w).Encode(map[string]string{"error_code": "APIGW.0301", "error_msg": reason})
		return
	}
	v.mu.Lock()
	v.dates = append(v.dates, r.Header.Get("X-Sdk-Date"))
	v.bodies = append(v.bodies, string(body))
	v.mu.Unlock()
	io.WriteString(w, `{"ok":true}`)
}

func newVerifierServer(t *testing.T, now time.Time) (*verifierServer, *httptest.Server) {
	t.Helper()
	cred := testCredentials()
	v := &verifierServer{akskVerifier: akskVerifier{accessKey: cred.AccessKey, secretKey: cred.SecretKey.Reveal(),
		now: func() time.Time { return now }}}
	srv := httptest.NewServer(v)
	t.Cleanup(srv.Close)
	return v, srv
}

func TestSigningTransportAcceptedByVerifier(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	v, srv := newVerifierServer(t, now)
	client := &http.Client{Transport: &huawei.SigningTransport{
		Base: srv.Client().Transport, Credentials: testCredentials(), Now: func() time.Time { return now },
	}}
	q := url.Values{"name": {"a b+c"}, "limit": {"10"}, "tag": {"z", "y"}}
	u := srv.URL + "/v1/0123456789abcdef/secrets/db%2Fpassword/versions?" + q.Encode()
	for _, body := range []io.Reader{
		nil,
		strings.NewReader(`{"name":"x"}`), // GetBody set by NewRequest
		io.NopCloser(bytes.NewReader([]byte(`{"name":"y"}`))), // no GetBody
	} {
		method := http.MethodGet
		if body != nil {
			method = http.MethodPost
		}
		req, err := http.NewRequest(method, u, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Custom", " padded ")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err := huawei.ErrorFromResponse(resp, got); err != nil {
			t.Fatalf("%s with body %T rejected: %v", method, body, err)
		}
	}
	if len(v.bodies) != 3 || v.bodies[1] != `{"name":"x"}` || v.bodies[2] != `{"name":"y"}` {
		t.Fatalf("server saw bodies %q", v.bodies)
	}
}

func TestVerifierRejectsBadSignatures(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	_, srv := newVerifierServer(t, now)
	wrongKey := testCredentials()
	wrongKey.SecretKey = secret.New("not-the-secret")
	tamper := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		r.Body = io.NopCloser(strings.NewReader(`{"amount":1000000}`)) // changed after signing
		r.ContentLength = -1
		return srv.Client().Transport.RoundTrip(r)
	})
	cases := []struct {
		name string
		rt   http.RoundTripper
	}{
		{"wrong secret", &huawei.SigningTransport{Base: srv.Client().Transport, Credentials: wrongKey, Now: func() time.Time { return now }}},
		{"stale date", &huawei.SigningTransport{Base: srv.Client().Transport, Credentials: testCredentials(), Now: func() time.Time { return now.Add(-time.Hour) }}},
		{"body tampered", &huawei.SigningTransport{Base: tamper, Credentials: testCredentials(), Now: func() time.Time { return now }}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/pay", strings.NewReader(`{"amount":1}`))
			resp, err := c.rt.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			err = huawei.CheckResponse(resp)
			var apiErr *huawei.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 || apiErr.Code != "APIGW.0301" || apiErr.RequestID != "req-reject" {
				t.Fatalf("want 401 APIGW.0301, got %v", err)
			}
		})
	}
}

// Retry wraps signing: each attempt is signed again with the clock of that
// moment, and the verifier accepts each.
func TestRetryResignsEveryAttempt(t *testing.T) {
	start := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	v, srv := newVerifierServer(t, start)
	var mu sync.Mutex
	attempts := 0
	flaky := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		attempts++
		n := attempts
		mu.Unlock()
		if n == 1 {
			io.Copy(io.Discard, r.Body)
			r.Body.Close()
			return &http.Response{StatusCode: 503, Status: "503 Service Unavailable", Header: http.Header{},
				Body: io.NopCloser(strings.NewReader("busy")), Request: r}, nil
		}
		return srv.Client().Transport.RoundTrip(r)
	})
	clock := start
	rt := &retry.Transport{
		Base:  &huawei.SigningTransport{Base: flaky, Credentials: testCredentials(), Now: func() time.Time { return clock }},
		Sleep: func(ctx context.Context, d time.Duration) error { clock = clock.Add(time.Minute); return nil },
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v3/auth/tokens", strings.NewReader(`{"auth":{}}`))
	req = req.WithContext(retry.MarkIdempotent(req.Context()))
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	if err := huawei.CheckResponse(resp); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if attempts != 2 || len(v.dates) != 1 || v.dates[0] != "20240501T120100Z" || v.bodies[0] != `{"auth":{}}` {
		t.Fatalf("attempts=%d dates=%v bodies=%q", attempts, v.dates, v.bodies)
	}
	if req.Header.Get("Authorization") != "" || req.Header.Get(huawei.HeaderDate) != "" {
		t.Fatal("caller's request was modified")
	}
}

func TestSigningTransportLeavesCallerRequestAlone(t *testing.T) {
	var got *http.Request
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
	})
	body := &closeTracker{Reader: strings.NewReader("payload")}
	req, _ := http.NewRequest(http.MethodPut, "https://kms.cn-north-4.myhuaweicloud.com/v1/x?b=1+2&a=", body)
	req.Header.Set("X-Custom", "v")
	before := req.Header.Clone()
	rawQuery := req.URL.RawQuery
	rt := &huawei.SigningTransport{Base: base, Credentials: testCredentials(), Now: func() time.Time { return time.Unix(0, 0) }}
	if _, err := rt.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	if got == req || len(req.Header) != len(before) || req.URL.RawQuery != rawQuery {
		t.Fatalf("caller's request modified: header %v query %q", req.Header, req.URL.RawQuery)
	}
	if !body.closed {
		t.Error("caller's body not closed")
	}
	sent, _ := io.ReadAll(got.Body)
	if string(sent) != "payload" || got.ContentLength != 7 || got.Header.Get("Authorization") == "" {
		t.Fatalf("signed request body %q len %d", sent, got.ContentLength)
	}
	if got.URL.RawQuery != "a=&b=1%202" {
		t.Errorf("signed query %q", got.URL.RawQuery)
	}
}

func TestSigningTransportBoundsBody(t *testing.T) {
	body := &closeTracker{Reader: strings.NewReader(strings.Repeat("x", 11))}
	req, _ := http.NewRequest(http.MethodPost, "https://kms.cn-north-4.myhuaweicloud.com/", body)
	rt := &huawei.SigningTransport{Base: roundTripFunc(func(*http.Request) (*http.Response, error) {
		t.Fatal("oversized request was sent")
		return nil, nil
	}), Credentials: testCredentials(), MaxBodyBytes: 10}
	if _, err := rt.RoundTrip(req); err == nil || !strings.Contains(err.Error(), "exceeds 10 bytes") {
		t.Fatalf("err = %v", err)
	}
	if !body.closed {
		t.Error("body not closed on error")
	}
}

type failingProvider struct{}

func (failingProvider) Retrieve(context.Context) (huawei.Credentials, error) {
	return huawei.Credentials{}, errors.New("metadata service down")
}

func TestSigningTransportProviderError(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "https://iam.cn-north-4.myhuaweicloud.com/", nil)
	_, err := (&huawei.SigningTransport{Credentials: failingProvider{}}).RoundTrip(req)
	if err == nil || !strings.Contains(err.Error(), "metadata service down") {
		t.Fatalf("err = %v", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type closeTracker struct {
	io.Reader
	closed bool
}

func (c *closeTracker) Close() error { c.closed = true; return nil }
