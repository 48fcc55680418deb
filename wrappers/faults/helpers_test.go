package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docapi/docapi/wrappers/secret"
	"github.com/docapi/docapi/wrappers/top"
)

// Credentials and the secrets the servers hand out. Each is distinctive so
// that a leak cannot hide behind a common string.
const (
	projectID  = "0f5a1c7e3b9d4e2a8c6b4d2f1e3a5c7b"
	domainName = "faults-domain"
	userName   = "faults-user"
	password   = "pw-F4ults-Passw0rd-91c2ab"
	// iamToken is the X-Subject-Token the fake IAM issues.
	iamToken      = "MIIF4ULTS-iam-subject-token-8c1e77d0"
	accessKey     = "F4ULTSAK0EXAMPLE0001"
	secretKey     = "sk-F4ults-Qm8vX2rT5yLp0wZc3n"
	securityToken = "sts-F4ults-security-token-3e9a41"
	instanceID    = "6fa459ea-ee8a-3ca4-894e-db77e160355e"
	// instanceToken is what ModelArts ShowInstanceToken returns.
	instanceToken = "nb-F4ults-instance-token-7b1d5f"

	appKey     = "23519876"
	appSecret  = "top-app-S3cret-F4ults-0a9f6b"
	session    = "top-sess-F4ults-6d2c8e4a"
	respSecret = "AKS-F4ults-RESPONSE-secret-55e1c9"
	respToken  = "STS-F4ults-response-token-c0de42"
	topMethod  = "alibaba.security.deepvision.proxy.security.common.token.get"
)

// secrets is every value that must never be printed.
var secrets = []string{password, iamToken, secretKey, securityToken, instanceToken,
	appSecret, session, respSecret, respToken}

// endpoint is one operation of a fake vendor API: how to recognise and
// authenticate a request and what a successful answer looks like.
type endpoint struct {
	method, path string
	// auth returns what is wrong with the request's credentials, or "".
	auth   func(r *http.Request) string
	status int
	header map[string]string
	body   string
	// errReply answers with an error status and message as the vendor (or
	// a proxy in front of it) would; errCode is the code a typed error
	// should carry.
	errReply func(w http.ResponseWriter, status int, msg string)
	errCode  func(status int) string
}

func (e *endpoint) matches(r *http.Request) bool {
	return r.Method == e.method && r.URL.Path == e.path
}

// head sends the success status and headers.
func (e *endpoint) head(w http.ResponseWriter) {
	for k, v := range e.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(e.status)
}

func (e *endpoint) answer(w http.ResponseWriter) {
	e.head(w)
	io.WriteString(w, e.body)
}

func huaweiJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("X-Request-Id", "5e0c2f6a9b8d4c3e8f1a2b3c4d5e6f70")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// iamEndpoint plays POST /v3/auth/tokens: the password in, X-Subject-Token and
// expires_at out.
func iamEndpoint() *endpoint {
	expires := time.Now().Add(24 * time.Hour).UTC().Format("2006-01-02T15:04:05.000000Z")
	return &endpoint{
		method: http.MethodPost, path: "/v3/auth/tokens",
		auth: func(r *http.Request) string {
			var body struct {
				Auth struct {
					Identity struct {
						Password struct {
							User struct {
								Name, Password string
								Domain         struct{ Name string }
							}
						}
					}
				}
			}
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				return "IAM body is not JSON"
			}
			u := body.Auth.Identity.Password.User
			if u.Name != userName || u.Password != password || u.Domain.Name != domainName {
				return "IAM: wrong user, domain or password"
			}
			return ""
		},
		status: http.StatusCreated,
		header: map[string]string{"Content-Type": "application/json;charset=UTF-8", "X-Subject-Token": iamToken},
		body: `{"token":{"expires_at":"` + expires + `","issued_at":"2020-01-03T09:05:22.701000Z","methods":["password"],` +
			`"project":{"id":"` + projectID + `","name":"cn-north-4"},"user":{"id":"7116d09f","name":"` + userName + `"}}}`,
		errReply: func(w http.ResponseWriter, status int, msg string) {
			huaweiJSON(w, status, fmt.Sprintf(`{"error":{"code":%d,"message":%s,"title":%q}}`, status, jsonString(msg), http.StatusText(status)))
		},
		errCode: func(status int) string { return fmt.Sprint(status) },
	}
}

// csmsEndpoint plays CSMS ListResourceInstances, authenticated by the IAM
// token.
func csmsEndpoint() *endpoint {
	return &endpoint{
		method: http.MethodPost, path: "/v1/" + projectID + "/csms/resource_instances/action",
		auth: func(r *http.Request) string {
			if r.Header.Get("X-Auth-Token") != iamToken {
				return "CSMS: missing or wrong X-Auth-Token"
			}
			return ""
		},
		status: http.StatusOK,
		header: map[string]string{"Content-Type": "application/json;charset=UTF-8"},
		body: `{"resources":[{"resource_id":"c2c0d900-3f6e-4d7b-9a51-6b2f8e4d1c00","resource_name":"rds-password",` +
			`"resource_detail":{"name":"rds-password","state":"ENABLED"},"tags":[{"key":"env","value":"prod"}]}],"total_count":1}`,
		errReply: func(w http.ResponseWriter, status int, msg string) {
			huaweiJSON(w, status, fmt.Sprintf(`{"error":{"error_code":"KMS.%d","error_msg":%s}}`, status, jsonString(msg)))
		},
		errCode: func(status int) string { return fmt.Sprintf("KMS.%d", status) },
	}
}

// modelArtsEndpoint plays ModelArts ShowInstanceToken, authenticated by an
// AK/SK signature (checked for form here; wrappers/huawei verifies the
// signature itself).
func modelArtsEndpoint() *endpoint {
	return &endpoint{
		method: http.MethodGet, path: "/v1/" + projectID + "/demanager/instances/" + instanceID + "/token",
		auth: func(r *http.Request) string {
			if !strings.HasPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 Access="+accessKey+", SignedHeaders=") ||
				r.Header.Get("X-Sdk-Date") == "" || r.Header.Get("X-Security-Token") != securityToken {
				return "ModelArts: request not signed with the test credentials"
			}
			return ""
		},
		status: http.StatusOK,
		header: map[string]string{"Content-Type": "application/json"},
		body:   `{"token":"` + instanceToken + `"}`,
		errReply: func(w http.ResponseWriter, status int, msg string) {
			huaweiJSON(w, status, fmt.Sprintf(`{"error_code":"ModelArts.%d","error_msg":%s}`, status, jsonString(msg)))
		},
		errCode: func(status int) string { return fmt.Sprintf("ModelArts.%d", status) },
	}
}

// topEndpoint plays the TOP gateway for SecurityTokenGet: a signed form POST
// answered with an envelope holding a temporary credential.
func topEndpoint() *endpoint {
	return &endpoint{
		method: http.MethodPost, path: "/router/rest",
		auth: func(r *http.Request) string {
			if err := r.ParseForm(); err != nil {
				return "TOP: body is not a form"
			}
			flat := map[string]string{}
			for k, vs := range r.PostForm {
				flat[k] = vs[0]
			}
			want, err := top.Sign(flat, secret.New(appSecret), top.SignMethod(flat["sign_method"]))
			switch {
			case err != nil || flat["sign"] != want:
				return "TOP: bad signature"
			case flat["method"] != topMethod || flat["app_key"] != appKey || flat["session"] != session:
				return "TOP: wrong method, app_key or session"
			}
			return ""
		},
		status: http.StatusOK,
		header: map[string]string{"Content-Type": "text/javascript;charset=UTF-8"},
		body: `{"alibaba_security_deepvision_proxy_security_common_token_get_response":{"result":{"access_key_id":"AKID-F4ULTS",` +
			`"access_key_secret":"` + respSecret + `","token":"` + respToken + `","expiration":"2030-01-01T00:00:00Z"},` +
			`"resp_code":1,"resp_success":true,"message":"成功"}}`,
		// TOP answers its own errors with HTTP 200; other statuses come
		// from a proxy in front of it.
		errReply: func(w http.ResponseWriter, status int, msg string) {
			http.Error(w, msg, status)
		},
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// echo is what a careless gateway or IAM puts in an error message: the whole
// request, headers and body, as it arrived.
func echo(r *http.Request, body []byte) string {
	return fmt.Sprintf("request %s %s rejected; headers %v; body %s", r.Method, r.URL, r.Header, body)
}

// sleeper records the pauses the retry layer asks for and returns at once.
type sleeper struct {
	mu     sync.Mutex
	pauses []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.pauses = append(s.pauses, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeper) Pauses() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.pauses...)
}

// resetConn breaks the connection with a TCP RST instead of answering.
func resetConn(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// stall blocks until the client gives up or the test ends.
func stall(r *http.Request, stop <-chan struct{}) {
	select {
	case <-r.Context().Done():
	case <-stop:
	}
}

// assertNoSecrets prints err and values in every way a program might (error
// text, fmt verbs, slog text and JSON) and fails on any secret.
func assertNoSecrets(t *testing.T, err error, values map[string]any) {
	t.Helper()
	var out strings.Builder
	var logs bytes.Buffer
	textLog := slog.New(slog.NewTextHandler(&logs, nil))
	jsonLog := slog.New(slog.NewJSONHandler(&logs, nil))
	if err != nil {
		fmt.Fprintf(&out, "%s\n%v\n%+v\n%#v\n", err.Error(), err, err, err)
		textLog.Error("call failed", "err", err)
		jsonLog.Error("call failed", "err", err)
	}
	for name, v := range values {
		fmt.Fprintf(&out, "%s: %v\n%+v\n%#v\n%s\n", name, v, v, v, v)
		textLog.Info("value", name, v)
		jsonLog.Info("value", name, v)
	}
	all := out.String() + logs.String()
	for _, s := range secrets {
		// %#v prints byte slices as hex lists; look for that form too.
		hexForm := strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%#v", []byte(s)), "[]byte{"), "}")
		for _, form := range []string{s, url.QueryEscape(s), hexForm} {
			if strings.Contains(all, form) {
				t.Errorf("secret %.6s... printed:\n%s", s, all)
				return
			}
		}
	}
}
