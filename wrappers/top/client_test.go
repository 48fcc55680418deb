package top

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/docapi/docapi/wrappers/secret"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const (
	apiName = "alibaba.security.deepvision.proxy.security.common.token.get"

	testAppKey  = "12345678"
	testSecret  = "app-S3CRET-d41d8cd98f00"
	testSession = "sess-T0KEN-6100a040fa611a"
	// respSecret is a credential inside a successful response body; it must
	// reach the caller in the body but never an error text.
	respSecret = "AKS-R3SP0NSE-SECRET-77"
)

// testClock is fixed so the gateway can check the timestamp window exactly:
// 04:00 UTC is 12:00 in GMT+8.
var testClock = time.Date(2016, 1, 1, 4, 0, 0, 0, time.UTC)

// gmt8Test is the test's own GMT+8 zone, not the package's.
var gmt8Test = time.FixedZone("test GMT+8", 8*3600)

// successBody is the envelope the loopback gateway sends for apiName, shaped
// like the JSON example of the seed doc page (testdata/pages/002_...), lists
// wrapped as TOP's JSON wraps them ("statement":{"datas":[...]}).
const successBody = `{"alibaba_security_deepvision_proxy_security_common_token_get_response":{"result":{"access_key_id":"AKID1","access_key_secret":"` + respSecret + `","product_code":"1","expiration":"2016-01-01T13:00:00Z","policy":{"version":"1","statement":{"datas":[{"effect":"Allow","action":{"string":["oss:GetObject"]},"resource":{"string":["acs:oss:*:*:b/*"]}}]}},"token":"tok"},"resp_code":1,"resp_success":true,"resp_request_id":"r1","message":"成功","request_id":"16abc"}}`

const errorBody = `{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"zt7q4n0u0vlr"}}`

// refSign is the test's own TOP signature, written from the protocol
// description rather than calling Sign, so the gateway checks Sign
// independently.
func refSign(form url.Values, appSecret, method string) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		if k != "sign" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	msg := []byte{}
	for _, k := range keys {
		msg = append(msg, k...)
		msg = append(msg, form.Get(k)...)
	}
	var sum []byte
	switch method {
	case "md5":
		s := md5.Sum(append(append([]byte(appSecret), msg...), appSecret...))
		sum = s[:]
	case "hmac":
		m := hmac.New(md5.New, []byte(appSecret))
		m.Write(msg)
		sum = m.Sum(nil)
	case "hmac-sha256":
		m := hmac.New(sha256.New, []byte(appSecret))
		m.Write(msg)
		sum = m.Sum(nil)
	default:
		return "unknown sign_method " + method
	}
	return fmt.Sprintf("%X", sum)
}

// gateway is a loopback TOP gateway. It checks each request the way the real
// one does and answers with reply.
type gateway struct {
	t      *testing.T
	from   time.Time // timestamp window start
	window time.Duration
	reply  func(w http.ResponseWriter, method string)

	mu   sync.Mutex
	seen []url.Values
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fail := func(format string, args ...any) {
		g.t.Errorf("gateway: "+format, args...)
		w.Header().Set("Content-Type", "text/javascript;charset=UTF-8")
		io.WriteString(w, `{"error_response":{"code":25,"msg":"Invalid signature","request_id":"gw"}}`)
	}
	if r.Method != http.MethodPost {
		fail("method %s, want POST", r.Method)
		return
	}
	if r.URL.Path != "/router/rest" || r.URL.RawQuery != "" {
		fail("URL %q, want /router/rest without query", r.URL.RequestURI())
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		fail("Content-Type %q", ct)
		return
	}
	if err := r.ParseForm(); err != nil {
		fail("ParseForm: %v", err)
		return
	}
	f := r.PostForm
	g.mu.Lock()
	g.seen = append(g.seen, f)
	g.mu.Unlock()
	for k, vs := range f {
		if len(vs) != 1 {
			fail("%s sent %d times", k, len(vs))
			return
		}
	}
	for k, want := range map[string]string{"v": "2.0", "format": "json", "app_key": testAppKey} {
		if got := f.Get(k); got != want {
			fail("%s=%q, want %q", k, got, want)
			return
		}
	}
	ts, err := time.ParseInLocation("2006-01-02 15:04:05", f.Get("timestamp"), gmt8Test)
	if err != nil || ts.Before(g.from) || ts.After(g.from.Add(g.window)) {
		fail("timestamp %q outside [%v, +%v]", f.Get("timestamp"), g.from.In(gmt8Test), g.window)
		return
	}
	if want := refSign(f, testSecret, f.Get("sign_method")); f.Get("sign") != want {
		fail("sign %q, want %q", f.Get("sign"), want)
		return
	}
	g.reply(w, f.Get("method"))
}

func (g *gateway) requests() []url.Values {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.seen)
}

func replyWith(contentType, body string) func(http.ResponseWriter, string) {
	return func(w http.ResponseWriter, _ string) {
		w.Header().Set("Content-Type", contentType)
		io.WriteString(w, body)
	}
}

// newGateway starts a loopback gateway; the server (and the idle connections
// of its client transport) are closed at the end of the test.
func newGateway(t *testing.T, reply func(http.ResponseWriter, string)) (*gateway, *httptest.Server) {
	t.Helper()
	g := &gateway{t: t, from: testClock, window: time.Minute, reply: reply}
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	return g, srv
}

func testConfig(srv *httptest.Server, m SignMethod) Config {
	return Config{
		AppKey:     testAppKey,
		AppSecret:  secret.New(testSecret),
		Session:    secret.New(testSession),
		SignMethod: m,
		Gateway:    srv.URL + "/router/rest",
		Now:        func() time.Time { return testClock },
	}
}

func newTestTransport(t *testing.T, srv *httptest.Server, cfg Config) *Transport {
	t.Helper()
	tr, err := NewTransport(cfg, srv.Client().Transport)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// generatedStyleRequest builds the request an oapi-codegen client makes for
// an operation at "/router/rest#<api>" with a form body: server URL resolved
// against "./router/rest#<api>" (so the API lands in URL.Fragment), POST,
// Content-Type application/x-www-form-urlencoded. The host is deliberately
// not the gateway: Config.Gateway decides where requests go.
func generatedStyleRequest(t *testing.T, api string, form url.Values) *http.Request {
	t.Helper()
	server, err := url.Parse("https://server.invalid/")
	if err != nil {
		t.Fatal(err)
	}
	u, err := server.Parse("./router/rest#" + api)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, u.String(), strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Add("Content-Type", "application/x-www-form-urlencoded")
	return req
}

const paramJSON = `{"product_code":"1","scene_code":"1","request_id":"1","usage_scene":"1","op_poi_id":"1","op_tenant_code":"1","token":"1"}`

func TestGeneratedStyleURLCarriesFragment(t *testing.T) {
	req := generatedStyleRequest(t, apiName, nil)
	if req.URL.Fragment != apiName || req.URL.Path != "/router/rest" {
		t.Fatalf("URL path %q fragment %q", req.URL.Path, req.URL.Fragment)
	}
}

func TestTransportSuccess(t *testing.T) {
	for _, m := range []SignMethod{SignMD5, SignHMAC, SignHMACSHA256} {
		t.Run(string(m), func(t *testing.T) {
			g, srv := newGateway(t, replyWith("text/javascript;charset=UTF-8", successBody))
			cfg := testConfig(srv, m)
			cfg.TargetAppKey = "87654321"
			cfg.PartnerID = "top-apitools"
			client := &http.Client{Transport: newTestTransport(t, srv, cfg)}

			resp, err := client.Do(generatedStyleRequest(t, apiName, url.Values{"param": {paramJSON}}))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			// What a generated ParseXxxResponse requires to fill JSON200.
			if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "json") {
				t.Fatalf("status %d Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			// The envelope is passed on byte for byte: the spec's 200
			// response is the envelope.
			if string(body) != successBody {
				t.Errorf("body = %s\nwant the gateway's envelope %s", body, successBody)
			}
			if resp.ContentLength != int64(len(body)) {
				t.Errorf("ContentLength %d, body %d bytes", resp.ContentLength, len(body))
			}

			reqs := g.requests()
			if len(reqs) != 1 {
				t.Fatalf("gateway saw %d requests", len(reqs))
			}
			f := reqs[0]
			want := map[string]string{
				"method": apiName, "param": paramJSON, "session": testSession,
				"sign_method": string(m), "timestamp": "2016-01-01 12:00:00",
				"target_app_key": "87654321", "partner_id": "top-apitools",
			}
			for k, v := range want {
				if f.Get(k) != v {
					t.Errorf("%s = %q, want %q", k, f.Get(k), v)
				}
			}
		})
	}
}

func TestTransportDefaults(t *testing.T) {
	g, srv := newGateway(t, replyWith("text/plain", successBody))
	cfg := testConfig(srv, "")
	cfg.Session = secret.Value{}
	client := &http.Client{Transport: newTestTransport(t, srv, cfg)}
	// An operation without a request body, with a query parameter: the
	// query moves into the signed form body.
	req, err := http.NewRequest(http.MethodPost, "https://server.invalid/router/rest?fields=a%2Cb#"+apiName, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	f := g.requests()[0]
	if f.Get("fields") != "a,b" {
		t.Errorf("fields = %q", f.Get("fields"))
	}
	if f.Get("sign_method") != "hmac-sha256" {
		t.Errorf("default sign_method %q", f.Get("sign_method"))
	}
	for _, k := range []string{"session", "target_app_key", "partner_id", "param"} {
		if _, ok := f[k]; ok {
			t.Errorf("%s sent although unset", k)
		}
	}
}

func TestTimestampIgnoresZone(t *testing.T) {
	// 12:00 GMT+8 expressed in a zone 7 hours west of UTC.
	in := testClock.In(time.FixedZone("UTC-7", -7*3600))
	if got := Timestamp(in); got != "2016-01-01 12:00:00" {
		t.Errorf("Timestamp = %q", got)
	}
}

// TestTransportResignsEachAttempt plays an outer retry layer: the same logical
// request twice with the clock moving; both attempts must carry their own
// timestamp and a valid signature.
func TestTransportResignsEachAttempt(t *testing.T) {
	g, srv := newGateway(t, replyWith("application/json", successBody))
	g.window = 10 * time.Minute
	var mu sync.Mutex
	now := testClock
	cfg := testConfig(srv, SignHMAC)
	cfg.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(90 * time.Second)
		return now
	}
	tr := newTestTransport(t, srv, cfg)
	for range 2 {
		resp, err := tr.RoundTrip(generatedStyleRequest(t, apiName, url.Values{"param": {paramJSON}}))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	reqs := g.requests()
	if len(reqs) != 2 {
		t.Fatalf("gateway saw %d requests", len(reqs))
	}
	if reqs[0].Get("timestamp") != "2016-01-01 12:01:30" || reqs[1].Get("timestamp") != "2016-01-01 12:03:00" {
		t.Errorf("timestamps %q, %q", reqs[0].Get("timestamp"), reqs[1].Get("timestamp"))
	}
	if reqs[0].Get("sign") == reqs[1].Get("sign") {
		t.Error("second attempt reused the first signature")
	}
}

func TestTransportErrorResponse(t *testing.T) {
	_, srv := newGateway(t, replyWith("text/javascript;charset=UTF-8", errorBody))
	client := &http.Client{Transport: newTestTransport(t, srv, testConfig(srv, SignMD5))}
	resp, err := client.Do(generatedStyleRequest(t, apiName, url.Values{"param": {paramJSON}}))
	if resp != nil {
		resp.Body.Close()
		t.Fatal("want no response with an error_response")
	}
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *top.Error", err)
	}
	want := Error{Method: apiName, Code: "50", Msg: "Remote service error", SubCode: "isv.invalid-parameter", SubMsg: "非法参数", RequestID: "zt7q4n0u0vlr"}
	if *te != want {
		t.Errorf("error = %+v, want %+v", *te, want)
	}
	if !strings.Contains(err.Error(), "isv.invalid-parameter") {
		t.Errorf("error text %q lacks sub_code", err)
	}
}

// TestSecretsNeverInErrors drives every failure path and checks that no
// error text (including the *url.Error from http.Client) and no printed
// config shows the app secret, the session or a secret from the body.
func TestSecretsNeverInErrors(t *testing.T) {
	echo := `{"error_response":{"code":"27","msg":"Invalid session ` + testSession + `","sub_code":"isv.x","sub_msg":"secret ` + testSecret + `","request_id":"1"}}`
	cases := map[string]struct {
		reply func(http.ResponseWriter, string)
		req   func(t *testing.T) *http.Request
		max   int64
	}{
		"error echoing credentials": {reply: replyWith("text/javascript", echo)},
		"truncated JSON":            {reply: replyWith("text/javascript", successBody[:len(successBody)-20])},
		"XML":                       {reply: replyWith("text/xml", `<r><access_key_secret>`+respSecret+`</access_key_secret></r>`)},
		"trailing data":             {reply: replyWith("application/json", successBody+` {"x":"`+respSecret+`"}`)},
		"wrong member":              {reply: replyWith("application/json", `{"other_response":{"access_key_secret":"`+respSecret+`"}}`)},
		"member not object":         {reply: replyWith("application/json", `{"alibaba_security_deepvision_proxy_security_common_token_get_response":"`+respSecret+`"}`)},
		"bad error_response":        {reply: replyWith("application/json", `{"error_response":["`+respSecret+`"]}`)},
		"oversize": {reply: replyWith("application/json", successBody), max: 64, req: func(t *testing.T) *http.Request {
			return generatedStyleRequest(t, apiName, nil)
		}},
		"bracket-encoded object": {req: func(t *testing.T) *http.Request {
			return generatedStyleRequest(t, apiName, url.Values{"param[product_code]": {"1"}})
		}},
		"system param clash": {req: func(t *testing.T) *http.Request {
			return generatedStyleRequest(t, apiName, url.Values{"session": {testSession}})
		}},
		"duplicate param": {req: func(t *testing.T) *http.Request {
			return generatedStyleRequest(t, apiName, url.Values{"a": {"1", "2"}})
		}},
		"no fragment": {req: func(t *testing.T) *http.Request {
			r := generatedStyleRequest(t, apiName, nil)
			r.URL.Fragment = ""
			return r
		}},
		"multipart body": {req: func(t *testing.T) *http.Request {
			r := generatedStyleRequest(t, apiName, url.Values{"a": {"1"}})
			r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
			return r
		}},
		"oversize request": {max: 8, req: func(t *testing.T) *http.Request {
			return generatedStyleRequest(t, apiName, url.Values{"param": {paramJSON}})
		}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			reply := tc.reply
			if reply == nil {
				reply = func(http.ResponseWriter, string) { t.Error("request reached the gateway") }
			}
			_, srv := newGateway(t, reply)
			cfg := testConfig(srv, SignHMACSHA256)
			cfg.MaxBodyBytes = tc.max
			client := &http.Client{Transport: newTestTransport(t, srv, cfg)}
			req := generatedStyleRequest(t, apiName, url.Values{"param": {paramJSON}})
			if tc.req != nil {
				req = tc.req(t)
			}
			resp, err := client.Do(req)
			if resp != nil {
				resp.Body.Close()
			}
			if err == nil {
				t.Fatal("want an error")
			}
			text := fmt.Sprintf("%v | %+v | %#v", err, err, err)
			for _, s := range []string{testSecret, testSession, respSecret} {
				if strings.Contains(text, s) {
					t.Errorf("error shows a secret: %s", text)
				}
			}
			t.Log(err)
		})
	}
}

// TestShortSecretDoesNotMangleErrors: redaction must not rewrite ordinary
// words when a secret happens to be a short common string.
func TestShortSecretDoesNotMangleErrors(t *testing.T) {
	_, srv := newGateway(t, replyWith("text/javascript", errorBody))
	cfg := testConfig(srv, SignMD5)
	cfg.Session = secret.New("s")
	_, err := newTestTransport(t, srv, cfg).RoundTrip(generatedStyleRequest(t, apiName, nil))
	var te *Error
	if !errors.As(err, &te) || te.Msg != "Remote service error" {
		t.Errorf("err = %v", err)
	}
}

func TestConfigPrintsNoSecrets(t *testing.T) {
	cfg := Config{AppKey: testAppKey, AppSecret: secret.New(testSecret), Session: secret.New(testSession)}
	tr, err := NewTransport(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("t", "cfg", cfg, "tr", tr)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("t", "cfg", cfg, "tr", tr)
	for _, text := range []string{
		logged.String(), fmt.Sprint(tr), fmt.Sprintf("%s", tr),
		fmt.Sprintf("%v", cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), string(js),
		fmt.Sprintf("%+v", tr), fmt.Sprintf("%#v", tr), fmt.Sprintf("%+v", *tr),
	} {
		if strings.Contains(text, testSecret) || strings.Contains(text, testSession) {
			t.Errorf("printed config shows a secret: %s", text)
		}
	}
}

func TestNewTransportValidates(t *testing.T) {
	ok := Config{AppKey: "k", AppSecret: secret.New(testSecret)}
	bad := map[string]func(*Config){
		"no app key":       func(c *Config) { c.AppKey = "" },
		"no secret":        func(c *Config) { c.AppSecret = secret.Value{} },
		"sign method":      func(c *Config) { c.SignMethod = "sha1" },
		"relative gateway": func(c *Config) { c.Gateway = "/router/rest" },
		"gateway query":    func(c *Config) { c.Gateway = "https://eco.taobao.com/router/rest?session=x" },
		"gateway userinfo": func(c *Config) { c.Gateway = "https://u:p@eco.taobao.com/router/rest" },
		"gateway scheme":   func(c *Config) { c.Gateway = "ftp://eco.taobao.com/router/rest" },
	}
	for name, mutate := range bad {
		c := ok
		mutate(&c)
		if _, err := NewTransport(c, nil); err == nil {
			t.Errorf("%s: want error", name)
		} else if strings.Contains(err.Error(), testSecret) {
			t.Errorf("%s: error shows the secret: %v", name, err)
		}
	}
	if _, err := NewTransport(ok, nil); err != nil {
		t.Errorf("valid config: %v", err)
	}
}

// TestTransportBoundsNon2xx: a non-2xx body passes through but cannot grow
// past MaxBodyBytes in whoever reads it.
func TestTransportBoundsNon2xx(t *testing.T) {
	big := strings.Repeat("x", 100)
	for _, tc := range []struct {
		max     int64
		wantErr bool
	}{{100, false}, {99, true}} {
		_, srv := newGateway(t, func(w http.ResponseWriter, _ string) {
			http.Error(w, big, http.StatusServiceUnavailable)
		})
		cfg := testConfig(srv, SignMD5)
		cfg.MaxBodyBytes = tc.max + 1 // http.Error adds a newline
		resp, err := newTestTransport(t, srv, cfg).RoundTrip(generatedStyleRequest(t, apiName, nil))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || (err != nil) != tc.wantErr {
			t.Errorf("max %d: status %d, %d bytes, err %v; want error %t", tc.max, resp.StatusCode, len(body), err, tc.wantErr)
		}
	}
}

// TestTransportPassesNon2xx leaves HTTP-level failures to the caller and to
// any retry layer around the transport.
func TestTransportPassesNon2xx(t *testing.T) {
	_, srv := newGateway(t, func(w http.ResponseWriter, _ string) {
		http.Error(w, "bad gateway", http.StatusBadGateway)
	})
	client := &http.Client{Transport: newTestTransport(t, srv, testConfig(srv, SignMD5))}
	resp, err := client.Do(generatedStyleRequest(t, apiName, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusBadGateway || !strings.Contains(string(body), "bad gateway") {
		t.Errorf("status %d body %q", resp.StatusCode, body)
	}
}
