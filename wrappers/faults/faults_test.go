package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/csms/csmsapi"
	"github.com/docapi/docapi/generated/modelarts/modelartsapi"
	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/generated/top/topapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
	"github.com/docapi/docapi/wrappers/top"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// The limits every client is built with.
var policy = retry.Policy{MaxAttempts: 3, Initial: 100 * time.Millisecond, Max: time.Second, Multiplier: 2}

const (
	maxBody    = 4 << 10
	deadline   = 200 * time.Millisecond
	retryAfter = 7 * time.Second
)

// outcome is what a fault should come out as.
type outcome int

const (
	success    outcome = iota
	httpStatus         // a typed error carrying the injected status
	brokenConn         // a *url.Error for a broken connection
	timedOut           // context.DeadlineExceeded
	malformed          // a 2xx body that is not valid JSON
	tooLarge           // a 2xx body over the client's limit
	notJSON            // a 2xx HTML page
)

// fault is one way the server misbehaves, on every attempt. serve gets the
// request body already read.
type fault struct {
	name  string
	serve func(ep *endpoint, w http.ResponseWriter, r *http.Request, body []byte, stop <-chan struct{})
	want  outcome
	// status is the injected status for httpStatus.
	status int
	// retried faults take policy.MaxAttempts attempts, others one.
	retried bool
	// deadline runs the call under a context deadline.
	deadline bool
}

func statusFault(status int) fault {
	return fault{name: fmt.Sprint(status), want: httpStatus, status: status, retried: true,
		serve: func(ep *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) {
			ep.errReply(w, status, "injected failure")
		}}
}

// echoFault answers status with an error message that echoes every secret
// the request carried (password, token, security token, signature).
func echoFault(status int, retried bool) fault {
	return fault{name: fmt.Sprintf("echo-%d", status), want: httpStatus, status: status, retried: retried,
		serve: func(ep *endpoint, w http.ResponseWriter, r *http.Request, body []byte, _ <-chan struct{}) {
			ep.errReply(w, status, echo(r, body))
		}}
}

var faults = []fault{
	{name: "ok", want: success, serve: func(ep *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) {
		ep.answer(w)
	}},
	statusFault(http.StatusInternalServerError),
	statusFault(http.StatusBadGateway),
	statusFault(http.StatusServiceUnavailable),
	statusFault(http.StatusGatewayTimeout),
	echoFault(http.StatusForbidden, false),
	echoFault(http.StatusBadGateway, true),
	{name: "429-retry-after", want: httpStatus, status: http.StatusTooManyRequests, retried: true,
		serve: func(ep *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) {
			w.Header().Set("Retry-After", fmt.Sprint(int(retryAfter.Seconds())))
			ep.errReply(w, http.StatusTooManyRequests, "injected failure")
		}},
	{name: "conn-reset", want: brokenConn, retried: true,
		serve: func(_ *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) { resetConn(w) }},
	{name: "timeout", want: timedOut, deadline: true,
		serve: func(_ *endpoint, _ http.ResponseWriter, r *http.Request, _ []byte, stop <-chan struct{}) {
			stall(r, stop)
		}},
	{name: "malformed-json", want: malformed,
		serve: func(ep *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) {
			ep.head(w)
			io.WriteString(w, ep.body[:len(ep.body)-2]) // cut at the end: every secret in the body is sent
		}},
	{name: "oversized", want: tooLarge,
		serve: func(ep *endpoint, w http.ResponseWriter, _ *http.Request, _ []byte, _ <-chan struct{}) {
			ep.head(w)
			// Valid JSON (leading whitespace), only too large.
			io.WriteString(w, strings.Repeat(" ", 4*maxBody)+ep.body)
		}},
	{name: "slow-body", want: timedOut, deadline: true,
		serve: func(ep *endpoint, w http.ResponseWriter, r *http.Request, _ []byte, stop <-chan struct{}) {
			ep.head(w)
			for i := range 3 {
				io.WriteString(w, ep.body[i*4:i*4+4])
				w.(http.Flusher).Flush()
				time.Sleep(10 * time.Millisecond)
			}
			stall(r, stop)
		}},
	{name: "html", want: notJSON,
		serve: func(_ *endpoint, w http.ResponseWriter, r *http.Request, _ []byte, _ <-chan struct{}) {
			// A proxy's page that echoes what the request carried.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!DOCTYPE html><html><body><h1>Portal</h1><pre>%s %s\n%v\n%v</pre></body></html>",
				r.Method, r.URL, r.Header, r.PostForm)
		}},
}

// built is a client under test: call makes one call and checks a success;
// values are the client and config values that must print no secret.
type built struct {
	call      func(ctx context.Context) error
	values    map[string]any
	transport *http.Transport
}

// vendor is a client kind with the fake API it talks to.
type vendor struct {
	name string
	// endpoints are served by the loopback server; target receives the
	// faults, the others always answer well.
	endpoints []*endpoint
	target    *endpoint
	// otherAfterTarget: the other endpoints are only reached after the
	// target succeeded (the service behind an IAM token).
	otherAfterTarget bool
	build            func(t *testing.T, srv *httptest.Server, sleep retry.Sleeper) built
	check            func(t *testing.T, err error, f fault, target *endpoint)
}

func vendors() []vendor {
	iam, kms, ma, gw := iamEndpoint(), csmsEndpoint(), modelArtsEndpoint(), topEndpoint()
	return []vendor{
		{name: "huawei-token", endpoints: []*endpoint{iam, kms}, target: kms, build: buildTokenCSMS,
			check: func(t *testing.T, err error, f fault, ep *endpoint) { checkHuawei(t, err, f, ep, false) }},
		// The same client with the faults at IAM: each fault must come out
		// as a *huawei.TokenError around the same typed error.
		{name: "huawei-iam", endpoints: []*endpoint{iam, kms}, target: iam, otherAfterTarget: true, build: buildTokenCSMS,
			check: func(t *testing.T, err error, f fault, ep *endpoint) { checkHuawei(t, err, f, ep, true) }},
		{name: "huawei-aksk", endpoints: []*endpoint{ma}, target: ma, build: buildAKSKModelArts,
			check: func(t *testing.T, err error, f fault, ep *endpoint) { checkHuawei(t, err, f, ep, false) }},
		{name: "top", endpoints: []*endpoint{gw}, target: gw, build: buildTOP, check: checkTOP},
	}
}

func huaweiConfig(srv *httptest.Server, sleep retry.Sleeper) huawei.Config {
	return huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: policy, RetrySleep: sleep, MaxResponseBody: maxBody}
}

func buildTokenCSMS(t *testing.T, srv *httptest.Server, sleep retry.Sleeper) built {
	iamClient, err := huawei.NewIAMClient(huaweiConfig(srv, sleep))
	if err != nil {
		t.Fatal(err)
	}
	tokens := &huawei.PasswordTokenSource{IAM: iamClient, DomainName: domainName, UserName: userName,
		Password: secret.New(password), Scope: huawei.Scope{ProjectID: projectID}}
	cfg := huaweiConfig(srv, sleep)
	cfg.ProjectID, cfg.Tokens = projectID, tokens
	kms, err := csmsapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	call := func(ctx context.Context) error {
		action := "filter"
		out, err := kms.ListResourceInstances(ctx, csms.ListResourceInstancesRequestBody{Action: csms.ListResourceInstancesRequestBodyAction(action)})
		if err == nil && (out.TotalCount != 1 || len(out.Resources) != 1) {
			return fmt.Errorf("unexpected result %+v", out)
		}
		return err
	}
	return built{call: call, transport: srv.Client().Transport.(*http.Transport),
		values: map[string]any{"config": cfg, "config pointer": &cfg, "tokens": tokens, "client": kms}}
}

func buildAKSKModelArts(t *testing.T, srv *httptest.Server, sleep retry.Sleeper) built {
	cfg := huaweiConfig(srv, sleep)
	cfg.Credentials = huawei.Credentials{AccessKey: accessKey, SecretKey: secret.New(secretKey),
		SecurityToken: secret.New(securityToken), ProjectID: projectID}
	ma, err := modelartsapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	call := func(ctx context.Context) error {
		tok, err := ma.ShowInstanceToken(ctx, instanceID)
		if err == nil && tok.Token != instanceToken {
			return errors.New("wrong instance token")
		}
		return err
	}
	return built{call: call, transport: srv.Client().Transport.(*http.Transport),
		values: map[string]any{"config": cfg, "config pointer": &cfg, "client": ma}}
}

func buildTOP(t *testing.T, srv *httptest.Server, sleep retry.Sleeper) built {
	cfg := top.Config{AppKey: appKey, AppSecret: secret.New(appSecret), Session: secret.New(session),
		Gateway: srv.URL + "/router/rest", MaxBodyBytes: maxBody}
	tr := srv.Client().Transport.(*http.Transport)
	c, err := topapi.New(cfg, top.WithBaseTransport(tr),
		top.WithRetry(retry.Transport{Policy: policy, Sleep: sleep, Rand: func() float64 { return 0.5 }}))
	if err != nil {
		t.Fatal(err)
	}
	call := func(ctx context.Context) error {
		resp, err := c.AlibabaSecurityDeepvisionProxySecurityCommonTokenGet(ctx, gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{
			Param: &gentop.SecurityTokenQueryParam{ProductCode: "oss", SceneCode: "scene",
				UsageScene: "upload", OpPoiID: "poi-9", OpTenantCode: "tenant-3"}})
		if err == nil && (resp.Result == nil || resp.Result.AccessKeySecret != respSecret) {
			return errors.New("wrong credential")
		}
		return err
	}
	return built{call: call, transport: tr,
		values: map[string]any{"config": cfg, "config pointer": &cfg, "client": c}}
}

// checkHuawei: non-2xx is *APIError, unusable 2xx *ResponseError, and with
// viaIAM both arrive inside a *TokenError.
func checkHuawei(t *testing.T, err error, f fault, ep *endpoint, viaIAM bool) {
	t.Helper()
	if viaIAM && f.want != success && f.want != timedOut {
		var tokErr *huawei.TokenError
		if !errors.As(err, &tokErr) || tokErr.UserName != userName {
			t.Errorf("err = %v, want a *huawei.TokenError for %s", err, userName)
		}
	}
	var respErr *huawei.ResponseError
	unusable := func(target error) {
		t.Helper()
		if !errors.As(err, &respErr) || (target != nil && !errors.Is(err, target)) {
			t.Fatalf("err = %v, want a *huawei.ResponseError wrapping %v", err, target)
		}
	}
	switch f.want {
	case success:
		if err != nil {
			t.Fatalf("err = %v", err)
		}
	case httpStatus:
		var apiErr *huawei.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != f.status || apiErr.Code != ep.errCode(f.status) {
			t.Fatalf("err = %v, want a *huawei.APIError %d %s", err, f.status, ep.errCode(f.status))
		}
	case brokenConn:
		checkBrokenConn(t, err)
	case timedOut:
		checkTimedOut(t, err)
	case malformed:
		var syntaxErr *json.SyntaxError
		if unusable(nil); !errors.As(err, &syntaxErr) {
			t.Errorf("err = %v, want a *json.SyntaxError inside", err)
		}
	case tooLarge:
		unusable(huawei.ErrResponseTooLarge)
	case notJSON:
		// IAM checks X-Subject-Token before the Content-Type; both are a
		// *ResponseError naming the Content-Type.
		if unusable(nil); !strings.HasPrefix(respErr.ContentType, "text/html") || respErr.StatusCode != http.StatusOK {
			t.Errorf("err = %v, want HTTP 200 text/html", err)
		}
	}
}

// checkTOP: non-200 is *top.StatusError; an unusable 200 answer is a
// *top.ResponseError wrapping ErrMalformedResponse or ErrResponseTooLarge.
func checkTOP(t *testing.T, err error, f fault, _ *endpoint) {
	t.Helper()
	unusable := func(reason error) {
		t.Helper()
		var respErr *top.ResponseError
		if !errors.As(err, &respErr) || !errors.Is(err, reason) || respErr.Method != topMethod {
			t.Fatalf("err = %v, want a *top.ResponseError for %v", err, reason)
		}
	}
	switch f.want {
	case success:
		if err != nil {
			t.Fatalf("err = %v", err)
		}
	case httpStatus:
		var statusErr *top.StatusError
		if !errors.As(err, &statusErr) || statusErr.StatusCode != f.status || statusErr.Method != topMethod {
			t.Fatalf("err = %v, want a *top.StatusError %d", err, f.status)
		}
	case brokenConn:
		checkBrokenConn(t, err)
	case timedOut:
		checkTimedOut(t, err)
	case malformed, notJSON:
		unusable(top.ErrMalformedResponse)
	case tooLarge:
		unusable(top.ErrResponseTooLarge)
	}
}

func checkBrokenConn(t *testing.T, err error) {
	t.Helper()
	// The error chain keeps the broken connection visible, although a
	// failed token fetch is marked permanent for the outer retry layer.
	var urlErr *url.Error
	broken := errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if !errors.As(err, &urlErr) || !broken {
		t.Fatalf("err = %v, want a *url.Error for a broken connection", err)
	}
}

func checkTimedOut(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}

// TestFaults runs every fault against every client.
func TestFaults(t *testing.T) {
	for _, v := range vendors() {
		for _, f := range faults {
			t.Run(v.name+"/"+f.name, func(t *testing.T) { runCase(t, v, f) })
		}
	}
}

func runCase(t *testing.T, v vendor, f fault) {
	ignore := goleak.IgnoreCurrent()
	var (
		attempts atomic.Int32 // requests to the target
		others   atomic.Int32 // requests to the other endpoints
		mu       sync.Mutex
		problems []string
	)
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, ep := range v.endpoints {
			if !ep.matches(r) {
				continue
			}
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if p := ep.auth(r); p != "" {
				mu.Lock()
				problems = append(problems, p)
				mu.Unlock()
			}
			if ep == v.target {
				attempts.Add(1)
				f.serve(ep, w, r, body, stop)
			} else {
				others.Add(1)
				ep.answer(w)
			}
			return
		}
		mu.Lock()
		problems = append(problems, "unexpected "+r.Method+" "+r.URL.Path)
		mu.Unlock()
		http.NotFound(w, r)
	}))
	sleep := &sleeper{}
	b := v.build(t, srv, sleep.Sleep)

	ctx := context.Background()
	if f.deadline {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, deadline)
		defer cancel()
	}
	err := b.call(ctx)
	t.Logf("err: %v", err)
	// A deadline case must end because its deadline passed, not before;
	// every other case runs without one. (No wall-clock bounds: nothing
	// sleeps for real, as the sleeper's record shows.)
	ctxErr := ctx.Err()

	// Tear down before checking for leaks: release stalled handlers, stop
	// the server, drop idle connections.
	close(stop)
	srv.Close()
	b.transport.CloseIdleConnections()

	v.check(t, err, f, v.target)

	wantAttempts := int32(1)
	if f.retried {
		wantAttempts = int32(policy.MaxAttempts)
	}
	// A broken connection at IAM is retried by the IAM client only: the
	// service client's retry layer sees a permanent *TokenError, so IAM
	// requests are not multiplied.
	if got := attempts.Load(); got != wantAttempts {
		t.Errorf("attempts at %s = %d, want %d", v.target.path, got, wantAttempts)
	}
	wantOthers := int32(len(v.endpoints) - 1)
	if v.otherAfterTarget && f.want != success {
		wantOthers = 0
	}
	if got := others.Load(); got != wantOthers {
		t.Errorf("requests to the other endpoints = %d, want %d", got, wantOthers)
	}

	pauses := sleep.Pauses()
	if len(pauses) != int(wantAttempts)-1 {
		t.Errorf("pauses = %v, want %d", pauses, wantAttempts-1)
	}
	for _, p := range pauses {
		ok := p >= 0 && p < policy.Initial*time.Duration(1<<(policy.MaxAttempts-2))
		if f.status == http.StatusTooManyRequests {
			ok = p == retryAfter
		}
		if !ok {
			t.Errorf("pauses = %v, out of the policy's bounds", pauses)
			break
		}
	}
	if f.deadline && ctxErr != context.DeadlineExceeded {
		t.Errorf("call returned before its deadline: ctx.Err() = %v", ctxErr)
	}

	mu.Lock()
	if len(problems) > 0 {
		t.Errorf("server problems: %q", problems)
	}
	mu.Unlock()
	assertNoSecrets(t, err, b.values)
	goleak.VerifyNone(t, ignore)
}
