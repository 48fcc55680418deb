package huawei_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docapi/docapi/generated/csms/csmsapi"
	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/generated/iam/iamapi"
	"github.com/docapi/docapi/generated/modelarts"
	"github.com/docapi/docapi/generated/modelarts/modelartsapi"
	"github.com/docapi/docapi/generated/rds"
	"github.com/docapi/docapi/generated/rds/rdsapi"
	"github.com/docapi/docapi/generated/vpc"
	"github.com/docapi/docapi/generated/vpc/vpcapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// fakeVPC plays VPC v3's ListVpcs (marker paging with page_info.next_marker)
// and ShowAddressGroup over loopback, checking authentication on every attempt.
type fakeVPC struct {
	auth      authChecker
	projectID string
	ids       []string

	mu sync.Mutex
	// unavailable answers this many ShowAddressGroup attempts with 503 first.
	unavailable int
	// seen records the credentials header of every attempt that passed
	// the auth check (Authorization, or X-Auth-Token).
	seen     []string
	requests []string
}

func (f *fakeVPC) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.RequestURI())
	if msg := f.auth(r, body); msg != "" {
		writeJSON(w, http.StatusUnauthorized, fmt.Sprintf(`{"error_code":"APIGW.0301","error_msg":%q}`, msg))
		return
	}
	f.seen = append(f.seen, r.Header.Get("Authorization")+r.Header.Get("X-Auth-Token"))
	prefix := "/v3/" + f.projectID + "/vpc/vpcs"
	groups := "/v3/" + f.projectID + "/vpc/address-groups"
	switch {
	case r.Method == http.MethodGet && r.URL.Path == prefix:
		f.list(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, groups+"/"):
		if f.unavailable > 0 {
			f.unavailable--
			w.Header().Set("Retry-After", "0")
			writeJSON(w, http.StatusServiceUnavailable, `{"error_code":"VPC.0500","error_msg":"busy"}`)
			return
		}
		id := strings.TrimPrefix(r.URL.Path, groups+"/")
		for _, known := range f.ids {
			if id == known {
				writeJSON(w, http.StatusOK, fmt.Sprintf(`{"address_group":{"id":%q,"name":"group-%s"},"request_id":"r1"}`, id, id))
				return
			}
		}
		writeJSON(w, http.StatusNotFound, `{"error_code":"VPC.0202","error_msg":"Query resource by id failed.","request_id":"r404"}`)
	default:
		writeJSON(w, http.StatusNotFound, `{"error_code":"APIGW.0101","error_msg":"The API does not exist"}`)
	}
}

func (f *fakeVPC) list(w http.ResponseWriter, r *http.Request) {
	limit := len(f.ids)
	if l := r.URL.Query().Get("limit"); l != "" {
		limit, _ = strconv.Atoi(l)
	}
	start := 0
	if m := r.URL.Query().Get("marker"); m != "" {
		for i, id := range f.ids {
			if id == m {
				start = i + 1
			}
		}
	}
	end := min(start+limit, len(f.ids))
	type item struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	out := struct {
		Vpcs     []item         `json:"vpcs"`
		PageInfo map[string]any `json:"page_info"`
	}{Vpcs: []item{}, PageInfo: map[string]any{"current_count": end - start}}
	for _, id := range f.ids[start:end] {
		out.Vpcs = append(out.Vpcs, item{ID: id, Name: "vpc-" + id})
	}
	if end < len(f.ids) {
		out.PageInfo["next_marker"] = f.ids[end-1]
	}
	raw, _ := json.Marshal(out)
	writeJSON(w, http.StatusOK, string(raw))
}

// advancingSleeper records pauses and moves the test clock on by each, so
// a retried attempt is signed at a later X-Sdk-Date.
type advancingSleeper struct {
	clock  *fakeClock
	mu     sync.Mutex
	pauses []time.Duration
}

func (s *advancingSleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.pauses = append(s.pauses, d)
	s.mu.Unlock()
	s.clock.Advance(max(d, time.Second))
	return ctx.Err()
}

// TestGeneratedServiceOverLoopback is the check of issue 11: a client for
// a service no hand-written Go names (VPC: generated/vpc/vpcapi from
// specs/vpc.yaml), with AK/SK and with a token, gets a typed body, a 503
// retried with a fresh signature, a *APIError for a 404, and every item of
// a marker-paged list.
func TestGeneratedServiceOverLoopback(t *testing.T) {
	ids := []string{"v01", "v02", "v03", "v04", "v05", "v06", "v07"}
	modes := map[string]func(t *testing.T, clock *fakeClock) (authChecker, huawei.Config){
		"AK/SK": func(t *testing.T, clock *fakeClock) (authChecker, huawei.Config) {
			v := akskVerifier{accessKey: exampleCredentials.AccessKey, secretKey: exampleCredentials.SecretKey.Reveal(), now: clock.Now}
			return v.check, huawei.Config{Credentials: exampleCredentials}
		},
		"token": func(t *testing.T, clock *fakeClock) (authChecker, huawei.Config) {
			iam := newFakeIAM(clock.Now)
			return tokenAuth(iam), huawei.Config{Tokens: newTokenSource(t, iam, clock), ProjectID: exampleProjectID}
		},
	}
	for name, mode := range modes {
		t.Run(name, func(t *testing.T) {
			clock := newFakeClock(exampleIssuedAt)
			auth, cfg := mode(t, clock)
			fake := &fakeVPC{auth: auth, projectID: exampleProjectID, ids: ids, unavailable: 1}
			srv := httptest.NewServer(fake)
			t.Cleanup(srv.Close)
			sleep := &advancingSleeper{clock: clock}
			cfg.Endpoint, cfg.HTTPClient, cfg.RetrySleep, cfg.Now = srv.URL, srv.Client(), sleep.Sleep, clock.Now
			c, err := vpcapi.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()

			// Typed body, after one 503.
			got, err := c.ShowAddressGroup(ctx, "v03")
			if err != nil {
				t.Fatal(err)
			}
			if got.AddressGroup == nil || got.AddressGroup.Name != "group-v03" {
				t.Fatalf("ShowAddressGroup = %+v, want group-v03", got)
			}
			fake.mu.Lock()
			seen := append([]string(nil), fake.seen...)
			fake.mu.Unlock()
			if len(seen) != 2 || len(sleep.pauses) != 1 {
				t.Fatalf("%d authenticated attempts, %d pauses; want the 503 and its retry", len(seen), len(sleep.pauses))
			}
			if name == "AK/SK" && seen[0] == seen[1] {
				t.Fatal("the retry carried the first attempt's signature")
			}

			// *APIError for a 404, not retried.
			_, err = c.ShowAddressGroup(ctx, "nope")
			var apiErr *huawei.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "VPC.0202" {
				t.Fatalf("err = %v, want *APIError 404 VPC.0202", err)
			}
			if len(sleep.pauses) != 1 {
				t.Fatalf("the 404 was retried: pauses %v", sleep.pauses)
			}

			// Every item, three per page, following page_info.next_marker.
			var names []string
			for v, err := range c.ListVpcsAll(ctx, &vpc.ListVpcsParams{Limit: ptr(int64(3))}) {
				if err != nil {
					t.Fatal(err)
				}
				names = append(names, v.ID)
			}
			if strings.Join(names, ",") != strings.Join(ids, ",") {
				t.Fatalf("items %v, want %v", names, ids)
			}
			fake.mu.Lock()
			reqs := fake.requests[len(fake.requests)-3:]
			fake.mu.Unlock()
			want := []string{"limit=3", "limit=3&marker=v03", "limit=3&marker=v06"}
			for i, r := range reqs {
				if !strings.HasSuffix(r, "?"+want[i]) {
					t.Errorf("page %d requested as %s, want ?%s", i+1, r, want[i])
				}
			}
		})
	}
}

// A POST the spec does not mark idempotent is sent once, whatever fails;
// an idempotent one (GET) is retried. Read from the generated Operation.
func TestPOSTRetriedOnlyWhenTheSpecSaysSo(t *testing.T) {
	var mu sync.Mutex
	attempts := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts[r.Method]++
		mu.Unlock()
		writeJSON(w, http.StatusServiceUnavailable, `{"error_code":"VPC.0500","error_msg":"busy"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), Credentials: exampleCredentials,
		Retry: retry.Policy{MaxAttempts: 3}, RetrySleep: (&sleepRecorder{}).Sleep})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateAddressGroup(context.Background(), vpc.CreateAddressGroupJSONRequestBody{})
	var apiErr *huawei.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Fatalf("err = %v, want *APIError 503", err)
	}
	_, err = c.ShowAddressGroup(context.Background(), "v1")
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want *APIError", err)
	}
	if attempts["POST"] != 1 || attempts["GET"] != 3 {
		t.Fatalf("attempts %v, want POST once and GET three times", attempts)
	}
}

// A 2xx that is not the documented JSON is a *ResponseError; an empty path
// parameter is refused before anything is sent.
func TestUnusableAnswersAndEmptyPathParams(t *testing.T) {
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>maintenance</html>")
	}))
	t.Cleanup(srv.Close)
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID,
		Tokens: staticTokens{huawei.Token{Value: secret.New("tok")}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ShowAddressGroup(context.Background(), "v1")
	var re *huawei.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 200 || re.Op != "vpc ShowAddressGroup" {
		t.Fatalf("err = %v, want *ResponseError for vpc ShowAddressGroup", err)
	}
	if _, err := c.ShowAddressGroup(context.Background(), ""); err == nil || hits != 1 {
		t.Fatalf("empty address_group_id: err %v after %d requests, want an error and no request", err, hits)
	}
}

// The endpoint comes from the spec's servers; nothing in Go lists services.
func TestEndpointFromTheSpec(t *testing.T) {
	got, err := vpcapi.Service.Endpoint("ap-southeast-1")
	if err != nil || got != "https://vpc.ap-southeast-1.myhuaweicloud.com" {
		t.Fatalf("Endpoint = %q, %v", got, err)
	}
	for _, region := range []string{"cn-north-4", "la-south-2", "eu-west-101", "ru-moscow-1", "af-south-1", "cn4", strings.Repeat("a", 63)} {
		if _, err := vpcapi.Service.Endpoint(region); err != nil {
			t.Errorf("Endpoint(%q): %v", region, err)
		}
	}
	for _, region := range []string{"", "-", "evil.com/", "a.b", "x@y", strings.Repeat("a", 64), "cn-north-4:443",
		"-cn", "cn-", "cn--north", "CN-north-4", "cn_north", "cn-north-4\n", "cn north"} {
		if got, err := vpcapi.Service.Endpoint(region); err == nil {
			t.Errorf("Endpoint(%q) = %q, want an error", region, got)
		}
	}
	if _, err := (huawei.Service{Name: "x"}).Endpoint("cn-north-4"); err == nil {
		t.Error("a service without a server URL answered an endpoint")
	}
	global, err := huawei.Service{Name: "g", Server: "https://global.example.com"}.Endpoint("")
	if err != nil || global != "https://global.example.com" {
		t.Errorf("global endpoint = %q, %v", global, err)
	}
}

// A 2xx other than the documented one carries the documented body, as the
// official SDK reads it (any status below 400): the call has happened, so
// its answer is not lost. A 2xx without a JSON body, or with one that does
// not decode, is still unusable.
func TestUndocumentedSuccessStatus(t *testing.T) {
	cases := []struct {
		name        string
		status      int
		contentType string
		body        string
		wantErr     error // nil: decoded
	}{
		{"201 for 200", http.StatusCreated, "application/json", `{"address_group":{"id":"g"}}`, nil},
		{"202 for 200", http.StatusAccepted, "application/json;charset=utf-8", `{"address_group":{"id":"g"}}`, nil},
		{"201 without body", http.StatusCreated, "", ``, huawei.ErrUnexpectedContentType},
		{"201 empty JSON", http.StatusCreated, "application/json", ``, nil /* a decoder error */},
		{"201 not decoding", http.StatusCreated, "application/json", `{"address_group":"g"}`, nil},
		{"201 not JSON", http.StatusCreated, "text/html", `<html></html>`, huawei.ErrUnexpectedContentType},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				}
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			t.Cleanup(srv.Close)
			c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID, Credentials: exampleCredentials})
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.ShowAddressGroup(context.Background(), "g")
			if strings.HasPrefix(tc.body, `{"address_group":{`) {
				if err != nil || got.AddressGroup == nil || got.AddressGroup.ID != "g" {
					t.Fatalf("got %+v, %v; want the body decoded", got, err)
				}
				return
			}
			var re *huawei.ResponseError
			if !errors.As(err, &re) || re.StatusCode != tc.status || re.Op != "vpc ShowAddressGroup" {
				t.Fatalf("err = %v, want a *ResponseError for HTTP %d", err, tc.status)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// An operation documenting several 2xx bodies takes only the status it
// decodes: another 2xx could be either.
func TestStrictStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusCreated, `{"id":"x"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := huawei.NewClient(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client()}, huawei.Service{Name: "t", Server: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for _, strict := range []bool{false, true} {
		op := &huawei.Operation{Service: "t", Name: "Get", Method: http.MethodGet, Path: "/x", StrictStatus: strict}
		resp, err := c.Do(context.Background(), op, func(server string, _ huawei.IDs) (*http.Request, error) {
			return http.NewRequest(http.MethodGet, server+"/x", nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ ID string }
		err = c.Decode(op, resp, http.StatusOK, &out)
		var re *huawei.ResponseError
		switch {
		case !strict && (err != nil || out.ID != "x"):
			t.Errorf("one body: got %+v, %v; want it decoded", out, err)
		case strict && (!errors.As(err, &re) || !errors.Is(err, huawei.ErrUnexpectedStatus) || re.StatusCode != 201):
			t.Errorf("several bodies: err = %v, want *ResponseError with ErrUnexpectedStatus for HTTP 201", err)
		}
	}
}

// Config.Unmarshal decodes every typed result; its error is the
// *ResponseError's cause.
func TestConfigUnmarshal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"address_group":{"id":"g"}}`)
	}))
	t.Cleanup(srv.Close)
	var bodies []string
	errRefused := errors.New("refused by the test decoder")
	refuse := false
	cfg := huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID, Credentials: exampleCredentials,
		Unmarshal: func(data []byte, v any) error {
			bodies = append(bodies, string(data))
			if refuse {
				return errRefused
			}
			return json.Unmarshal(data, v)
		}}
	c, err := vpcapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ShowAddressGroup(context.Background(), "g")
	if err != nil || got.AddressGroup == nil || len(bodies) != 1 || bodies[0] != `{"address_group":{"id":"g"}}` {
		t.Fatalf("got %+v, %v; decoder saw %q", got, err, bodies)
	}
	refuse = true
	_, err = c.ShowAddressGroup(context.Background(), "g")
	var re *huawei.ResponseError
	if !errors.As(err, &re) || !errors.Is(err, errRefused) || re.StatusCode != 200 {
		t.Fatalf("err = %v, want *ResponseError caused by the decoder's error", err)
	}
}

// The headers a response documents are fields of the typed result, beside
// the body: IAM's token is only in X-Subject-Token.
func TestDocumentedResponseHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v3/auth/tokens" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("X-Subject-Token", "MIIatAYJ-token")
		writeJSON(w, http.StatusCreated, `{"token":{"expires_at":"2099-01-02T03:04:05.000000Z","methods":["password"]}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := iamapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	var body iam.KeystoneCreateUserTokenByPasswordJSONRequestBody
	got, err := c.KeystoneCreateUserTokenByPassword(context.Background(), &iam.KeystoneCreateUserTokenByPasswordParams{}, body)
	if err != nil {
		t.Fatal(err)
	}
	if got.XSubjectToken.Reveal() != "MIIatAYJ-token" || got.Token == nil || got.Token.ExpiresAt != "2099-01-02T03:04:05.000000Z" {
		t.Fatalf("result = %+v (token %+v), want the header and the body", got, got.Token)
	}
	// The service file marks the header secret: printing the result shows no token.
	if s := fmt.Sprintf("%+v %v %#v", *got, got.XSubjectToken, got.XSubjectToken); strings.Contains(s, "MIIatAYJ") {
		t.Errorf("the token prints: %s", s)
	}
}

// A provider's project id (HUAWEICLOUD_SDK_PROJECT_ID through the chain)
// fills {project_id} when Config.ProjectID is empty; a provider that names
// none, or fails, is a located error and nothing is sent.
func TestProjectIDFromCredentialsProvider(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		writeJSON(w, http.StatusOK, `{"address_group":{"id":"g"}}`)
	}))
	t.Cleanup(srv.Close)
	project := "p-from-env"
	var failure error
	provider := providerFunc(func(context.Context) (huawei.Credentials, error) {
		return huawei.Credentials{AccessKey: "AK", SecretKey: secret.New("SK"), ProjectID: project}, failure
	})
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), Credentials: provider})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ShowAddressGroup(context.Background(), "g"); err != nil || len(paths) != 1 || !strings.HasPrefix(paths[0], "/v3/p-from-env/") {
		t.Fatalf("err %v, paths %v: want the provider's project in the path", err, paths)
	}
	project = ""
	if _, err := c.ShowAddressGroup(context.Background(), "g"); err == nil || !strings.Contains(err.Error(), "name no project") || len(paths) != 1 {
		t.Fatalf("no project anywhere: err %v after %d requests", err, len(paths))
	}
	failure = errors.New("metadata service down")
	if _, err := c.ShowAddressGroup(context.Background(), "g"); !errors.Is(err, failure) || len(paths) != 1 {
		t.Fatalf("failing provider: err %v after %d requests", err, len(paths))
	}
}

// Derived signing is scoped to the region called unless Signer says
// otherwise.
func TestDerivedSigningTakesTheConfigRegion(t *testing.T) {
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		writeJSON(w, http.StatusOK, `{"address_group":{"id":"g"}}`)
	}))
	t.Cleanup(srv.Close)
	cred := huawei.Credentials{AccessKey: "AK", SecretKey: secret.New("SK"), ProjectID: exampleProjectID}
	for _, tc := range []struct{ signerRegion, want string }{{"", "/ap-southeast-1/vpc"}, {"cn-north-4", "/cn-north-4/vpc"}} {
		c, err := vpcapi.New(huawei.Config{Region: "ap-southeast-1", Endpoint: srv.URL, HTTPClient: srv.Client(), Credentials: cred,
			Signer: huawei.Signer{Algorithm: huawei.AlgorithmDerived, Region: tc.signerRegion, Service: "vpc"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ShowAddressGroup(context.Background(), "g"); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(auth, "V11-HMAC-SHA256 ") || !strings.Contains(auth, tc.want+",") {
			t.Errorf("Signer.Region %q: Authorization %q, want the scope %s", tc.signerRegion, auth, tc.want)
		}
	}
}

// Paging as the pages define it, over loopback: ModelArts numbers the pages
// of its lists from 0 ("分页列表的起始页，默认为0"), VPC's tag queries move
// an item offset ("索引位置") although the page also speaks of 页码.
func TestPagingFromThePages(t *testing.T) {
	ids := []string{"i0", "i1", "i2", "i3", "i4", "i5", "i6"}
	var mu sync.Mutex
	var positions []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/datasets"):
			page, _ := strconv.Atoi(r.URL.Query().Get("offset")) // absent: page 0
			limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
			positions = append(positions, r.URL.Query().Get("offset"))
			var items []string
			for _, id := range ids[min(page*limit, len(ids)):min((page+1)*limit, len(ids))] {
				items = append(items, fmt.Sprintf(`{"dataset_id":%q}`, id))
			}
			writeJSON(w, http.StatusOK, fmt.Sprintf(`{"datasets":[%s],"total_number":%d}`, strings.Join(items, ","), len(ids)))
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/vpcs/resource_instances/action"):
			var req struct{ Offset, Limit int }
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
				t.Errorf("body: %v", err)
			}
			positions = append(positions, strconv.Itoa(req.Offset))
			var items []string
			for _, id := range ids[min(req.Offset, len(ids)):min(req.Offset+req.Limit, len(ids))] {
				items = append(items, fmt.Sprintf(`{"resource_id":%q}`, id))
			}
			writeJSON(w, http.StatusOK, fmt.Sprintf(`{"resources":[%s],"total_count":%d}`, strings.Join(items, ","), len(ids)))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	cfg := huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID, Credentials: exampleCredentials}
	check := func(name string, got []string, wantPositions ...string) {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		if strings.Join(got, ",") != strings.Join(ids, ",") || strings.Join(positions, ",") != strings.Join(wantPositions, ",") {
			t.Errorf("%s: items %v at positions %q, want %v at %q", name, got, positions, ids, wantPositions)
		}
		positions = nil
	}

	ma, err := modelartsapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for d, err := range ma.ListDatasetsAll(context.Background(), &modelarts.ListDatasetsParams{Limit: ptr(int64(2))}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.DatasetID)
	}
	check("ModelArts ListDatasetsAll", got, "", "1", "2", "3")

	vc, err := vpcapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for r, err := range vc.ListVpcsByTagsAll(context.Background(), vpc.ListVpcsByTagsJSONRequestBody{Action: "filter", Limit: ptr(int64(2))}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r.ResourceID)
	}
	check("VPC ListVpcsByTagsAll", got, "0", "2", "4", "6")
}

// The project id comes from the Config wherever Huawei puts the tenant:
// after a version placeholder (CSMS /{version_id}/{project_id}/…; RDS's
// says 取值：v3, so it is written into the path) and after a service
// prefix (RDS /rds/v1/{project_id}/…).
func TestProjectFilledAfterPrefixOrVersionPlaceholder(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		writeJSON(w, http.StatusOK, `{}`)
	}))
	t.Cleanup(srv.Close)
	cfg := huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID, Tokens: staticTokens{huawei.Token{Value: secret.New("t"), ExpiresAt: time.Now().Add(time.Hour)}}}
	r, err := rdsapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := csmsapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := r.ListJobsV3(ctx, &rds.ListJobsV3Params{ID: "j"}); err != nil { // {version_id}: v3, the page's one value
		t.Fatal(err)
	}
	if _, err := r.ListFlavors(ctx, &rds.ListFlavorsParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListKmsTags(ctx, "v1"); err != nil {
		t.Fatal(err)
	}
	want := []string{"/v3/" + exampleProjectID + "/jobs", "/rds/v1/" + exampleProjectID + "/flavors", "/v1/" + exampleProjectID + "/csms/tags"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("paths = %q, want %q", paths, want)
	}
}

// A failed call names its operation: the *APIError's Op, in its message
// and its %#v, still found by errors.As through a wrapper, and the message
// still scrubbed of the token sent.
func TestAPIErrorNamesOperation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusServiceUnavailable, `{"error_code":"VPC.0001","error_msg":"busy, token `+r.Header.Get("X-Auth-Token")+`"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: exampleProjectID,
		Tokens: staticTokens{huawei.Token{Value: secret.New("tok-SECRET-1"), ExpiresAt: time.Now().Add(time.Hour)}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateVpc(context.Background(), vpc.CreateVpcJSONRequestBody{})
	var apiErr *huawei.APIError
	if !errors.As(fmt.Errorf("creating: %w", err), &apiErr) || apiErr.Op != "vpc CreateVpc" || apiErr.StatusCode != 503 {
		t.Fatalf("err = %#v, want an *APIError for vpc CreateVpc, HTTP 503", err)
	}
	for _, s := range []string{err.Error(), fmt.Sprintf("%#v", apiErr), fmt.Sprintf("%+v", err)} {
		if !strings.Contains(s, "vpc CreateVpc") || strings.Contains(s, "tok-SECRET-1") {
			t.Errorf("%q: want the operation named and no token", s)
		}
	}
	if want := "huawei: vpc CreateVpc: HTTP 503 VPC.0001: busy, token "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Error() = %q, want it to start with %q", err.Error(), want)
	}
}

// An answer that is a file comes back as its bytes, whatever its media
// type; one over Config.MaxResponseBody is a *ResponseError, not a cut
// file.
func TestFileAnswer(t *testing.T) {
	zip := bytes.Repeat([]byte("PK\x03\x04"), 64) // 256 bytes
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(zip)
	}))
	t.Cleanup(srv.Close)
	for _, limit := range []int64{0, 100} {
		c, err := huawei.NewClient(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), MaxResponseBody: limit}, huawei.Service{Name: "t", Server: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		op := &huawei.Operation{Service: "t", Name: "Export", Method: http.MethodGet, Path: "/x"}
		resp, err := c.Do(context.Background(), op, func(server string, _ huawei.IDs) (*http.Request, error) {
			return http.NewRequest(http.MethodGet, server+"/x", nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.File(op, resp)
		var re *huawei.ResponseError
		switch {
		case limit == 0 && (err != nil || !bytes.Equal(got, zip)):
			t.Errorf("file: got %d bytes, %v; want the %d bytes sent", len(got), err, len(zip))
		case limit > 0 && (!errors.As(err, &re) || got != nil):
			t.Errorf("file over the limit: got %d bytes, %v; want a *ResponseError", len(got), err)
		}
	}
}
