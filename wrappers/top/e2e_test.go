package top

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/wrappers/retry"
)

// End to end: the generated client (generated/top) and this package's
// Client against a loopback gateway (client_test.go's gateway: it checks
// POST, the form body, v=2.0, format=json, the timestamp against the fixed
// test clock in GMT+8, and the signature with the test's own refSign for
// whichever sign_method the request names) that answers with the page's
// examples as specs/top.yaml carries them.

// specExample returns the one example of the operation's response for
// status ("200" or "default") in specs/top.yaml, as JSON.
func specExample(t *testing.T, status string) string {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("../../specs/top.yaml")
	if err != nil {
		t.Fatal(err)
	}
	item := doc.Paths.Value("/router/rest#" + apiName)
	if item == nil || item.Post == nil {
		t.Fatalf("specs/top.yaml has no POST /router/rest#%s", apiName)
	}
	resp := item.Post.Responses.Value(status)
	if resp == nil || resp.Value == nil {
		t.Fatalf("specs/top.yaml: no %s response", status)
	}
	media := resp.Value.Content.Get("application/json")
	if media == nil || len(media.Examples) != 1 {
		t.Fatalf("specs/top.yaml: %s response needs exactly one application/json example", status)
	}
	for _, ex := range media.Examples {
		raw, err := json.Marshal(ex.Value.Value)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	panic("unreachable")
}

// e2eGateway starts a loopback gateway that also checks the method
// parameter and answers with the replies in turn (the last one repeats).
func e2eGateway(t *testing.T, replies ...func(http.ResponseWriter, string)) (*gateway, Config, Option) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	g, srv := newGateway(t, func(w http.ResponseWriter, method string) {
		if method != apiName {
			t.Errorf("gateway: method %q, want %q", method, apiName)
		}
		mu.Lock()
		reply := replies[min(n, len(replies)-1)]
		n++
		mu.Unlock()
		reply(w, method)
	})
	return g, testConfig(srv, SignHMACSHA256), WithBaseTransport(srv.Client().Transport)
}

func newE2EClient(t *testing.T, cfg Config, opts ...Option) *Client {
	t.Helper()
	c, err := NewClient(cfg, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TOP's own Content-Type for JSON answers; the transport relabels it.
const topJSON = "text/javascript;charset=UTF-8"

func tokenParams() gentop.SecurityTokenQueryParam {
	req := "req-1"
	return gentop.SecurityTokenQueryParam{ProductCode: "oss", SceneCode: "scene", RequestID: &req,
		UsageScene: "upload", OpPoiID: "poi-9", OpTenantCode: "tenant-3"}
}

func TestE2ESecurityTokenGet(t *testing.T) {
	example := specExample(t, "200")
	for _, m := range []SignMethod{SignMD5, SignHMAC, SignHMACSHA256} {
		t.Run(string(m), func(t *testing.T) {
			g, cfg, base := e2eGateway(t, replyWith(topJSON, example))
			cfg.SignMethod = m
			cred, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
			if err != nil {
				t.Fatal(err)
			}
			got := []string{cred.AccessKeyID, cred.AccessKeySecret, cred.Token}
			if cred.Policy == nil || cred.Policy.Statement == nil || len(cred.Policy.Statement.Datas) != 1 {
				t.Fatalf("policy = %+v, want one statement", cred.Policy)
			}
			got = append(got, cred.Policy.Version, cred.Policy.Statement.Datas[0].Effect)
			if want := []string{"1", "1", "1", "1", "1"}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("access_key_id, access_key_secret, token, policy.version, statement[0].effect = %q, want %q", got, want)
			}

			reqs := g.requests()
			if len(reqs) != 1 {
				t.Fatalf("gateway saw %d requests", len(reqs))
			}
			f := reqs[0]
			if f.Get("sign_method") != string(m) || f.Get("method") != apiName || f.Get("timestamp") != "2016-01-01 12:00:00" {
				t.Errorf("sign_method %q method %q timestamp %q", f.Get("sign_method"), f.Get("method"), f.Get("timestamp"))
			}
			var param map[string]string
			if err := json.Unmarshal([]byte(f.Get("param")), &param); err != nil {
				t.Fatalf("param is not a JSON object: %v", err)
			}
			wantParam := map[string]string{"product_code": "oss", "scene_code": "scene", "request_id": "req-1",
				"usage_scene": "upload", "op_poi_id": "poi-9", "op_tenant_code": "tenant-3"}
			if fmt.Sprint(param) != fmt.Sprint(wantParam) {
				t.Errorf("param = %v, want %v", param, wantParam)
			}
		})
	}
}

// TestE2ECall: Client.Call over the Transport decodes the envelope into
// the generated model.
func TestE2ECall(t *testing.T) {
	_, cfg, _ := e2eGateway(t, replyWith(topJSON, specExample(t, "200")))
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
	err = c.Call(context.Background(), &Operation{Method: tokenGetMethod},
		gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &gentop.SecurityTokenQueryParam{ProductCode: "p"}}, &env)
	if err != nil {
		t.Fatal(err)
	}
	r := env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse
	if r.Result == nil {
		t.Fatalf("no result in %+v", r)
	}
	if r.Message != "成功" {
		t.Errorf("message = %v", r.Message)
	}
}

func TestE2EErrorResponse(t *testing.T) {
	_, cfg, base := e2eGateway(t, replyWith(topJSON, specExample(t, "default")))
	cfg.SignMethod = SignHMAC
	cred, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
	var te *Error
	if cred != nil || !errors.As(err, &te) {
		t.Fatalf("got %v, %v; want a *top.Error", cred, err)
	}
	want := Error{Method: apiName, Code: "50", Msg: "Remote service error", SubCode: "isv.invalid-parameter", SubMsg: "非法参数"}
	if *te != want {
		t.Errorf("error = %+v, want %+v", *te, want)
	}
}

func TestE2EHTTPStatus(t *testing.T) {
	g, cfg, base := e2eGateway(t, func(w http.ResponseWriter, _ string) {
		http.Error(w, "upstream down", http.StatusBadGateway)
	})
	_, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != http.StatusBadGateway || strings.Contains(err.Error(), "upstream down") {
		t.Errorf("err = %v, want a *StatusError 502 without the body", err)
	}
	if n := len(g.requests()); n != 1 {
		t.Errorf("gateway saw %d requests without WithRetry", n)
	}
}

// TestE2ERetry: with WithRetry the token call (a POST, marked idempotent)
// is repeated after a 503, and every attempt is signed afresh.
func TestE2ERetry(t *testing.T) {
	g, cfg, base := e2eGateway(t,
		func(w http.ResponseWriter, _ string) { http.Error(w, "busy", http.StatusServiceUnavailable) },
		replyWith(topJSON, specExample(t, "200")))
	var mu sync.Mutex
	now := testClock
	cfg.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(10 * time.Second)
		return now
	}
	var pauses []time.Duration
	noSleep := func(_ context.Context, d time.Duration) error { pauses = append(pauses, d); return nil }
	c := newE2EClient(t, cfg, base, WithRetry(retry.Transport{Sleep: noSleep, Rand: func() float64 { return 0.5 }}))
	if _, err := securityTokenGet(c, context.Background(), tokenParams()); err != nil {
		t.Fatal(err)
	}
	reqs := g.requests()
	if len(reqs) != 2 || len(pauses) != 1 {
		t.Fatalf("gateway saw %d requests, %d pauses; want 2 and 1", len(reqs), len(pauses))
	}
	if reqs[0].Get("timestamp") == reqs[1].Get("timestamp") || reqs[0].Get("sign") == reqs[1].Get("sign") {
		t.Errorf("the retry reused the first attempt's timestamp or signature")
	}
}

// TestE2ESecretsNeverLeak drives the failure paths with answers carrying a
// distinctive access_key_secret (and gateways echoing our credentials):
// neither error texts nor logs of them and of the client may show any.
func TestE2ESecretsNeverLeak(t *testing.T) {
	const numericSecret = "98765432109876543"
	key := `"alibaba_security_deepvision_proxy_security_common_token_get_response"`
	cred := `{"access_key_id":"AK","access_key_secret":"` + respSecret + `"}`
	cases := map[string]struct {
		body   string
		status int
		max    int64
		check  func(error) bool
	}{
		"malformed JSON": {body: `{` + key + `:{"result":` + cred},
		"oversized body": {body: `{` + key + `:{"result":` + cred + `,"message":"` + strings.Repeat("x", 1024) + `"}}`, max: 512,
			check: func(err error) bool {
				return errors.Is(err, ErrResponseTooLarge) && strings.Contains(err.Error(), "(512 bytes)")
			}},
		"wrong shape: result not an object": {body: `{` + key + `:{"result":"` + respSecret + `"}}`},
		"wrong shape: numeric secret":       {body: `{` + key + `:{"result":{"access_key_secret":` + numericSecret + `}}}`},
		"wrong shape: unwrapped list": {body: `{` + key + `:{"result":{"access_key_secret":"` + respSecret +
			`","policy":{"statement":[{"effect":"` + respSecret + `"}]}}}}`},
		"wrong envelope member": {body: `{"other_response":{"result":` + cred + `}}`},
		"XML":                   {body: `<r><access_key_secret>` + respSecret + `</access_key_secret></r>`},
		"no result, echoing message": {body: `{` + key + `:{"resp_code":9,"resp_success":false,"message":"bad app ` + testSecret + ` session ` + testSession + `"}}`,
			check: func(err error) bool {
				var re *ResponseError
				return errors.As(err, &re) && errors.Is(err, ErrMalformedResponse)
			}},
		"error_response echoing credentials": {body: `{"error_response":{"code":27,"msg":"Invalid session ` + testSession + `","sub_msg":"` + testSecret + `"}}`,
			check: func(err error) bool { var te *Error; return errors.As(err, &te) && te.Code == "27" }},
		"HTTP 500 echoing the body": {body: `{"result":` + cred + `,"app_secret":"` + testSecret + `"}`, status: 500,
			check: func(err error) bool { var se *StatusError; return errors.As(err, &se) }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, cfg, base := e2eGateway(t, func(w http.ResponseWriter, _ string) {
				w.Header().Set("Content-Type", topJSON)
				if tc.status != 0 {
					w.WriteHeader(tc.status)
				}
				io.WriteString(w, tc.body)
			})
			cfg.MaxBodyBytes = tc.max
			c := newE2EClient(t, cfg, base)
			got, err := securityTokenGet(c, context.Background(), tokenParams())
			if err == nil {
				t.Fatalf("want an error, got %+v", got)
			}
			if tc.check != nil && !tc.check(err) {
				t.Errorf("unexpected error %v", err)
			}
			var logged bytes.Buffer
			slog.New(slog.NewTextHandler(&logged, nil)).Error("call failed", "err", err, "client", c)
			slog.New(slog.NewJSONHandler(&logged, nil)).Error("call failed", "err", err, "client", c)
			text := fmt.Sprintf("%v | %+v | %#v | %s", err, err, err, logged.String())
			for _, s := range []string{testSecret, testSession, respSecret, numericSecret} {
				if strings.Contains(text, s) {
					t.Errorf("error or log shows a secret: %s", text)
				}
			}
			t.Log(err)
		})
	}
}
