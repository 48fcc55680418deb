package bench

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Every contender once against the loopback server: each gets the right
// answer, every request passed the server's checks, and the build + sign
// calls stopped at the transport with a request the server accepts.
func TestContenders(t *testing.T) {
	srv := newLoopback(t)
	c := newCalls(t, srv)
	ctx := context.Background()
	for name, call := range map[string]func(context.Context) error{
		"csms/floor": c.csmsFloor, "csms/docapi": c.csmsDocapi, "csms/docapi_stdjson": c.csmsDocapiStd,
		"csms/official": c.csmsOfficial,
		"build/floor":   c.buildFloor, "build/docapi": c.buildDocapi, "build/official": c.buildOfficial,
		"token/floor": c.tokenFloor, "token/docapi": c.tokenDocapi, "token/official": c.tokenOfficial,
		"top/floor": c.topFloor, "top/docapi": c.topDocapi, "top/docapi_stdjson": c.topDocapiStd,
	} {
		if err := call(ctx); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A token source that cached would skip the server from the second
	// call on and measure nothing.
	before := srv.rejected.Load()
	if err := c.tokenDocapi(ctx); err != nil {
		t.Errorf("token/docapi, second call: %v", err)
	}
	if got := srv.rejected.Load(); got != 0 || before != 0 {
		t.Errorf("server rejected %d requests", got)
	}

	// The captured build + sign requests carry signatures the server
	// accepts for the body they carry.
	for name, ct := range map[string]*captureTransport{"floor": c.capFloor, "docapi": c.capDocapi, "official": c.capOfficial} {
		req := ct.last
		if req == nil {
			t.Errorf("build/%s: nothing captured", name)
			continue
		}
		body, err := req.GetBody()
		if err != nil {
			t.Errorf("build/%s: %v", name, err)
			continue
		}
		out, err := http.NewRequest(req.Method, req.URL.String(), body)
		if err != nil {
			t.Fatal(err)
		}
		out.Header = req.Header.Clone()
		resp, err := http.DefaultClient.Do(out)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("build/%s: captured request answered %s", name, resp.Status)
		}
	}
}

// The server must reject what it should, or the benchmarks prove nothing.
func TestLoopbackRejects(t *testing.T) {
	srv := newLoopback(t)
	s := newSignInputs(t, srv.URL)
	send := func(body string, mutate func(*http.Request)) int {
		t.Helper()
		if err := s.docapi(); err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(http.MethodPost, s.httpReq.URL.String(), strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header = s.httpReq.Header.Clone()
		if mutate != nil {
			mutate(req)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := send(string(s.body), nil); got != http.StatusOK {
		t.Fatalf("docapi-signed request: HTTP %d", got)
	}
	if got := send(string(s.body)+" ", nil); got != http.StatusUnauthorized {
		t.Errorf("body changed after signing: HTTP %d, want 401", got)
	}
	if got := send(string(s.body), func(r *http.Request) { r.Header.Set("X-Project-Id", "other") }); got != http.StatusUnauthorized {
		t.Errorf("signed header changed: HTTP %d, want 401", got)
	}
	if got := send(string(s.body), func(r *http.Request) { r.Header.Del("Authorization") }); got != http.StatusUnauthorized {
		t.Errorf("unsigned: HTTP %d, want 401", got)
	}

	// The official signer's output passes the same check; the floor's too.
	headers, err := s.official()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := sendOfficial(s, headers)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("official-signed request: %s", resp.Status)
	}
	s.floor()
	if got := send(string(s.body), func(r *http.Request) { floorSign(r, s.body, projectID, s.now) }); got != http.StatusOK {
		t.Errorf("floor-signed request: HTTP %d", got)
	}

	for _, tc := range []struct {
		name string
		body string
	}{
		{"wrong password", strings.Replace(string(mustToken(t)), password, "guess", 1)},
		{"not JSON", "{"},
	} {
		resp, err := http.Post(srv.URL+tokensPath, "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("token, %s: %s, want 401", tc.name, resp.Status)
		}
	}
	resp, err = http.Post(srv.URL+topPath, "application/x-www-form-urlencoded",
		strings.NewReader("method="+topMethod+"&app_key="+topAppKey+"&sign_method=md5&sign=00"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("TOP, bad sign: %s, want 403", resp.Status)
	}
}

func mustToken(t *testing.T) []byte {
	t.Helper()
	var r floorTokenRequest
	r.Auth.Identity.Methods = []string{"password"}
	u := &r.Auth.Identity.Password.User
	u.Domain.Name, u.Name, u.Password = domainName, userName, password
	b, err := json.Marshal(&r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// run is one contender's benchmark loop; a wrong answer stops it.
func run(b *testing.B, call func(context.Context) error) {
	b.Helper()
	ctx := context.Background()
	if err := call(ctx); err != nil { // warm the connection
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := call(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// The contenders of one scenario are sub-benchmarks of one benchmark, so
// that -count N runs them interleaved, round after round.

// BenchmarkCSMS is a whole ListResourceInstances call, AK/SK signed, ten
// secrets answered.
func BenchmarkCSMS(b *testing.B) {
	c := newCalls(b, newLoopback(b))
	b.Run("floor", func(b *testing.B) { run(b, c.csmsFloor) })
	b.Run("docapi", func(b *testing.B) { run(b, c.csmsDocapi) })
	b.Run("docapi_stdjson", func(b *testing.B) { run(b, c.csmsDocapiStd) })
	b.Run("official", func(b *testing.B) { run(b, c.csmsOfficial) })
}

// BenchmarkSign signs a prepared request; hashes is the SHA-256 and HMAC
// work any SDK-HMAC-SHA256 signer must do, and nothing else.
func BenchmarkSign(b *testing.B) {
	s := newSignInputs(b, "http://127.0.0.1:1")
	var sink byte
	b.Run("hashes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink ^= s.hashes()
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.floor()
		}
	})
	b.Run("docapi", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := s.docapi(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("official", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.official(); err != nil {
				b.Fatal(err)
			}
		}
	})
	_ = sink
}

// BenchmarkBuildSign is a ListResourceInstances call through each client
// up to the wire: building the request from the typed body, signing, and
// handing it to a transport that stops it.
func BenchmarkBuildSign(b *testing.B) {
	c := newCalls(b, newLoopback(b))
	b.Run("floor", func(b *testing.B) { run(b, c.buildFloor) })
	b.Run("docapi", func(b *testing.B) { run(b, c.buildDocapi) })
	b.Run("official", func(b *testing.B) { run(b, c.buildOfficial) })
}

// BenchmarkIAMToken gets a password token (no catalog) every time: docapi's
// PasswordTokenSource is invalidated after each call. The official IAM
// client signs the call with AK/SK, as it must be given credentials.
func BenchmarkIAMToken(b *testing.B) {
	c := newCalls(b, newLoopback(b))
	b.Run("floor", func(b *testing.B) { run(b, c.tokenFloor) })
	b.Run("docapi", func(b *testing.B) { run(b, c.tokenDocapi) })
	b.Run("official", func(b *testing.B) { run(b, c.tokenOfficial) })
}

// BenchmarkTOP is SecurityTokenGet signed with md5; TOP has no official Go
// SDK.
func BenchmarkTOP(b *testing.B) {
	c := newCalls(b, newLoopback(b))
	b.Run("floor", func(b *testing.B) { run(b, c.topFloor) })
	b.Run("docapi", func(b *testing.B) { run(b, c.topDocapi) })
	b.Run("docapi_stdjson", func(b *testing.B) { run(b, c.topDocapiStd) })
}

// On a shared machine the load changes within a second, so contenders run
// one after the other see different machines. BenchmarkPaired calls every
// contender of a scenario in each iteration (in rotating order) and times
// each call, so all of them meet the same load; it reports each one's
// time per call (NAME-ns/op) and docapi's time over each other's
// (docapi/NAME). Allocations come from the benchmarks above, which run
// each contender alone.
func BenchmarkPaired(b *testing.B) {
	srv := newLoopback(b)
	c := newCalls(b, srv)
	s := newSignInputs(b, "http://127.0.0.1:1")
	var sink byte
	type contender struct {
		name string
		call func(context.Context) error
	}
	for _, sc := range []struct {
		name       string
		contenders []contender
	}{
		{"CSMS", []contender{{"floor", c.csmsFloor}, {"docapi", c.csmsDocapi}, {"docapi_stdjson", c.csmsDocapiStd},
			{"official", c.csmsOfficial}}},
		{"Sign", []contender{
			{"hashes", func(context.Context) error { sink ^= s.hashes(); return nil }},
			{"floor", func(context.Context) error { s.floor(); return nil }},
			{"docapi", func(context.Context) error { return s.docapi() }},
			{"official", func(context.Context) error { _, err := s.official(); return err }},
		}},
		{"BuildSign", []contender{{"floor", c.buildFloor}, {"docapi", c.buildDocapi}, {"official", c.buildOfficial}}},
		{"IAMToken", []contender{{"floor", c.tokenFloor}, {"docapi", c.tokenDocapi}, {"official", c.tokenOfficial}}},
		{"TOP", []contender{{"floor", c.topFloor}, {"docapi", c.topDocapi}, {"docapi_stdjson", c.topDocapiStd}}},
	} {
		b.Run(sc.name, func(b *testing.B) {
			ctx := context.Background()
			n := len(sc.contenders)
			spent := make([]time.Duration, n)
			for _, ct := range sc.contenders {
				if err := ct.call(ctx); err != nil {
					b.Fatal(err)
				}
			}
			iters := 0
			for b.Loop() {
				for k := range n {
					j := (iters + k) % n
					start := time.Now()
					if err := sc.contenders[j].call(ctx); err != nil {
						b.Fatal(err)
					}
					spent[j] += time.Since(start)
				}
				iters++
			}
			for j, ct := range sc.contenders {
				b.ReportMetric(float64(spent[j].Nanoseconds())/float64(iters), ct.name+"-ns/op")
			}
			// Each docapi configuration over each other contender.
			for d, num := range sc.contenders {
				if !strings.HasPrefix(num.name, "docapi") {
					continue
				}
				for j, den := range sc.contenders {
					if !strings.HasPrefix(den.name, "docapi") {
						b.ReportMetric(float64(spent[d])/float64(spent[j]), num.name+"/"+den.name)
					}
				}
			}
		})
	}
	_ = sink
}
