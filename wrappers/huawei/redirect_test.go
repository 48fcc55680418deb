package huawei_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docapi/docapi/generated/vpc/vpcapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

// headerRecorder answers 200 and keeps the credential headers it was sent.
type headerRecorder struct {
	mu   sync.Mutex
	seen []http.Header
}

func (h *headerRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.seen = append(h.seen, r.Header.Clone())
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{}`))
}

// With a CheckRedirect that follows redirects, a 307 to another host must
// not carry the token, the security token or a signature (or a credential
// header the caller set); a redirect within the host keeps them.
func TestRedirectToAnotherHostDropsCredentials(t *testing.T) {
	const token = "MIIredirect-token-value-0001"
	cred := huawei.Credentials{AccessKey: "HPUAREDIRECTAK000001", SecretKey: secret.New("redirect-secret-key-0001"),
		SecurityToken: secret.New("redirect-security-token-0001"), ProjectID: "0123456789abcdef"}
	transports := map[string]func(base http.RoundTripper) http.RoundTripper{
		"token": func(base http.RoundTripper) http.RoundTripper {
			return &huawei.TokenTransport{Base: base, Tokens: staticTokens{huawei.Token{Value: secret.New(token), ExpiresAt: time.Now().Add(time.Hour)}}}
		},
		"aksk": func(base http.RoundTripper) http.RoundTripper {
			return &huawei.SigningTransport{Base: base, Credentials: cred}
		},
	}
	for name, wrap := range transports {
		t.Run(name, func(t *testing.T) {
			other := &headerRecorder{}
			otherSrv := httptest.NewServer(other)
			defer otherSrv.Close()
			same := &headerRecorder{}
			mux := http.NewServeMux()
			mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, otherSrv.URL+"/landed", http.StatusTemporaryRedirect)
			})
			mux.HandleFunc("/here", func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/stay", http.StatusTemporaryRedirect)
			})
			mux.Handle("/stay", same)
			srv := httptest.NewServer(mux)
			defer srv.Close()
			client := &http.Client{Transport: wrap(http.DefaultTransport), CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
			defer client.CloseIdleConnections()

			for _, path := range []string{"/away", "/here"} {
				req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
				req.Header.Set("X-Security-Token", "caller-set-token-0001") // set by hand, as a caller might
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
			}
			if len(other.seen) != 1 || len(same.seen) != 1 {
				t.Fatalf("requests: other host %d, same host %d; want 1 and 1", len(other.seen), len(same.seen))
			}
			for _, h := range []string{"X-Auth-Token", "X-Security-Token", "Authorization"} {
				if v := other.seen[0].Get(h); v != "" {
					t.Errorf("other host received %s: %.12s...", h, v)
				}
			}
			for k, vs := range other.seen[0] {
				for _, v := range vs {
					if strings.Contains(v, token) || strings.Contains(v, "redirect-") || strings.Contains(v, "caller-set") {
						t.Errorf("other host received a credential in %s", k)
					}
				}
			}
			switch name {
			case "token":
				if same.seen[0].Get("X-Auth-Token") != token {
					t.Errorf("same-host redirect lost the token")
				}
			case "aksk":
				if !strings.HasPrefix(same.seen[0].Get("Authorization"), "SDK-HMAC-SHA256 ") {
					t.Errorf("same-host redirect not signed")
				}
			}
		})
	}
}

// Config.Signer reaches the signing transport of any generated client.
func TestConfigSignerChoosesAlgorithm(t *testing.T) {
	rec := &headerRecorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	cfg := huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: "0123456789abcdef",
		Credentials: huawei.Credentials{AccessKey: "HPUACONFIGAK00000001", SecretKey: secret.New("config-secret-key")},
		Signer:      huawei.Signer{Algorithm: huawei.AlgorithmDerived, Region: "cn-north-4", Service: "vpc"}}
	c, err := vpcapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.ShowAddressGroup(context.Background(), "g1") // the empty answer does not matter
	if len(rec.seen) != 1 {
		t.Fatalf("requests %d, want 1", len(rec.seen))
	}
	if a := rec.seen[0].Get("Authorization"); !strings.HasPrefix(a, "V11-HMAC-SHA256 Credential=HPUACONFIGAK00000001/") ||
		!strings.Contains(a, "/cn-north-4/vpc, SignedHeaders=") {
		t.Fatalf("Authorization %q", a)
	}
}

// SDK-HMAC-SM3 without Signer.SM3 is refused when the client is made, not
// by each request.
func TestConfigSM3NeedsHash(t *testing.T) {
	cfg := huawei.Config{Endpoint: "https://vpc.example.com", ProjectID: "0123456789abcdef",
		Credentials: huawei.Credentials{AccessKey: "HPUACONFIGAK00000001", SecretKey: secret.New("config-secret-key")},
		Signer:      huawei.Signer{Algorithm: huawei.AlgorithmHMACSM3}}
	if _, err := vpcapi.New(cfg); err == nil || !strings.Contains(err.Error(), "Signer.SM3") {
		t.Fatalf("err = %v, want one naming Signer.SM3", err)
	}
}

// A typed call with an empty path parameter fails naming it, and nothing
// is sent: the request builder refuses it (wrappers/param).
func TestTypedCallRefusesEmptyPathParameter(t *testing.T) {
	rec := &headerRecorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: "0123456789abcdef",
		Credentials: huawei.Credentials{AccessKey: "HPUACONFIGAK00000001", SecretKey: secret.New("config-secret-key")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ShowPort(context.Background(), ""); err == nil || !strings.Contains(err.Error(), "path parameter port_id is empty") {
		t.Fatalf("err = %v, want one naming port_id", err)
	}
	if len(rec.seen) != 0 {
		t.Fatalf("%d requests sent", len(rec.seen))
	}
}
