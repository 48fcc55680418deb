package huawei_test

// Loopback fakes of the three services, implementing the operations of
// specs/iam.yaml, specs/csms.yaml and specs/modelarts.yaml, with
// authentication checked by test-local code (no use of the package's Sign;
// akskVerifier is the one independent AK/SK verifier of the package's tests).
// They take no *testing.T so that Example functions can use them too.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/iam"
)

// fakeClock is a settable clock; nothing sleeps.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// exampleIssuedAt is issued_at of the 201 example in specs/iam.yaml.
var exampleIssuedAt = time.Date(2020, 1, 3, 9, 5, 22, 701000000, time.UTC)

// iamExample201 is example1 of the 201 response of POST /v3/auth/tokens in
// specs/iam.yaml, verbatim (TestIAMExampleMatchesSpec keeps it so).
const iamExample201 = `{
  "token": {
    "catalog": [],
    "expires_at": "2020-01-04T09:05:22.701000Z",
    "issued_at": "2020-01-03T09:05:22.701000Z",
    "methods": ["password"],
    "project": {
      "domain": {"id": "d78cbac186b744899480f25bd022f468", "name": "IAMDomain"},
      "id": "aa2d97d7e62c4b7da3ffdfc11551f878",
      "name": "cn-north-1"
    },
    "roles": [
      {"id": "0", "name": "te_admin"},
      {"id": "0", "name": "op_gated_OBS_file_protocol"},
      {"id": "0", "name": "op_gated_Video_Campus"}
    ],
    "user": {
      "domain": {"id": "d78cbac186b744899480f25bd022f468", "name": "IAMDomain"},
      "id": "7116d09f88fa41908676fdd4b039e95b",
      "name": "IAMUser",
      "password_expires_at": ""
    }
  }
}`

// The account of the page's examples.
const (
	exampleDomain    = "IAMDomain"
	exampleUser      = "IAMUser"
	examplePassword  = "IAMPassword"
	exampleProject   = "cn-north-1"
	exampleProjectID = "aa2d97d7e62c4b7da3ffdfc11551f878"
)

// fakeIAM serves POST /v3/auth/tokens.
type fakeIAM struct {
	domain, user, password string
	// now is the server's clock for issued_at/expires_at; nil means
	// time.Now.
	now      func() time.Time
	lifetime time.Duration

	requests atomic.Int32
	// entered receives once per request, when not nil (buffered by the test).
	entered chan struct{}
	// gate, when not nil, holds every request until closed or until the
	// client goes away.
	gate chan struct{}

	mu       sync.Mutex
	failWith int // answer with this status instead of a token
	issued   map[string]bool
	revoked  map[string]bool
	problems []string
	scopes   []iam.KeystoneCreateUserTokenByPasswordAuthScope
	queries  []string
}

func newFakeIAM(now func() time.Time) *fakeIAM {
	return &fakeIAM{domain: exampleDomain, user: exampleUser, password: examplePassword,
		now: now, lifetime: 24 * time.Hour, issued: map[string]bool{}, revoked: map[string]bool{}}
}

func (f *fakeIAM) setFail(status int) {
	f.mu.Lock()
	f.failWith = status
	f.mu.Unlock()
}

// revokeAll makes every token issued so far invalid at the services.
func (f *fakeIAM) revokeAll() {
	f.mu.Lock()
	for tok := range f.issued {
		f.revoked[tok] = true
	}
	f.mu.Unlock()
}

// valid reports whether services accept tok.
func (f *fakeIAM) valid(tok string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.issued[tok] && !f.revoked[tok]
}

func (f *fakeIAM) problem(format string, args ...any) {
	f.mu.Lock()
	f.problems = append(f.problems, fmt.Sprintf(format, args...))
	f.mu.Unlock()
}

func (f *fakeIAM) Problems() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.problems)
}

func (f *fakeIAM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := f.requests.Add(1)
	if f.entered != nil {
		f.entered <- struct{}{}
	}
	if f.gate != nil {
		select {
		case <-f.gate:
		case <-r.Context().Done():
			return
		}
	}
	if r.Method != http.MethodPost || r.URL.Path != "/v3/auth/tokens" {
		f.problem("unexpected %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		f.problem("Content-Type %q", r.Header.Get("Content-Type"))
	}
	var req iam.KeystoneCreateUserTokenByPasswordRequestBody
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, `{"error":{"code":400,"message":"The request body is invalid","title":"Bad Request"}}`)
		return
	}
	f.mu.Lock()
	fail := f.failWith
	if req.Auth.Scope != nil {
		f.scopes = append(f.scopes, *req.Auth.Scope)
	}
	f.queries = append(f.queries, r.URL.RawQuery)
	f.mu.Unlock()
	if fail != 0 {
		writeJSON(w, fail, fmt.Sprintf(`{"error":{"code":%d,"message":"injected failure","title":"%s"}}`, fail, http.StatusText(fail)))
		return
	}
	id := req.Auth.Identity
	scope := req.Auth.Scope
	if !slices.Equal(id.Methods, []string{"password"}) || scope == nil || (scope.Project == nil) == (scope.Domain == nil) {
		writeJSON(w, http.StatusBadRequest, `{"error":{"code":400,"message":"The request body is invalid","title":"Bad Request"}}`)
		return
	}
	u := id.Password.User
	if u.Domain.Name != f.domain || u.Name != f.user || u.Password != f.password {
		// The page's 401 example.
		writeJSON(w, http.StatusUnauthorized, `{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}`)
		return
	}
	now := time.Now().UTC()
	if f.now != nil {
		now = f.now().UTC()
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(iamExample201), &body); err != nil {
		panic(err)
	}
	const layout = "2006-01-02T15:04:05.000000Z"
	token := body["token"].(map[string]any)
	token["issued_at"] = now.Format(layout)
	token["expires_at"] = now.Add(f.lifetime).Format(layout)
	tok := fmt.Sprintf("MIIatAYJKoZIhvcNAQcCoIIapTCCGqECAQExDTALB-%d", n)
	f.mu.Lock()
	f.issued[tok] = true
	f.mu.Unlock()
	w.Header().Set("X-Subject-Token", tok)
	out, _ := json.Marshal(body)
	writeJSON(w, http.StatusCreated, string(out))
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("X-Request-Id", "0b1f9ad5e6c94bde8a6e1e4c3f9d2a71")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// authChecker checks one request; it returns "" when the request may pass.
type authChecker func(r *http.Request, body []byte) string

func tokenAuth(f *fakeIAM) authChecker {
	return func(r *http.Request, _ []byte) string {
		if tok := r.Header.Get("X-Auth-Token"); !f.valid(tok) {
			return "The token must be updated."
		}
		return ""
	}
}

// akskAuth verifies SDK-HMAC-SHA256 signatures made with the given key pair
// against the real clock.
func akskAuth(accessKey, secretKey string) authChecker {
	return akskVerifier{accessKey: accessKey, secretKey: secretKey}.check
}

// akskVerifier is the gateway's AK/SK check, written independently of
// sign.go (it shares no code with it): it rebuilds the canonical request
// from what arrived on the wire and compares signatures. Every test that
// needs a gateway's verdict on a signature uses it: the fakes through
// akskAuth, the loopback SigningTransport tests through verifierServer.
type akskVerifier struct {
	accessKey, secretKey string
	// now is the gateway's clock; nil means time.Now.
	now func() time.Time
}

func (v akskVerifier) check(r *http.Request, body []byte) string {
	rest, ok := strings.CutPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 ")
	if !ok {
		return "Authorization is not SDK-HMAC-SHA256"
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[k] = val
	}
	if fields["Access"] != v.accessKey {
		return "unknown access key"
	}
	now := time.Now()
	if v.now != nil {
		now = v.now()
	}
	date := r.Header.Get("X-Sdk-Date")
	ts, err := time.Parse("20060102T150405Z", date)
	if err != nil || ts.Sub(now).Abs() > 15*time.Minute {
		return "X-Sdk-Date missing or off by more than 15 minutes"
	}
	signed := strings.Split(fields["SignedHeaders"], ";")
	if !slices.IsSorted(signed) || !slices.Contains(signed, "host") || !slices.Contains(signed, "x-sdk-date") {
		return "SignedHeaders must be sorted and include host and x-sdk-date"
	}
	if r.Header.Get("X-Security-Token") != "" && !slices.Contains(signed, "x-security-token") {
		return "security token not signed"
	}
	rfc3986 := func(s string) string {
		var b strings.Builder
		for _, c := range []byte(s) {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
				b.WriteByte(c)
			} else {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		return b.String()
	}
	// The official signers sign the decoded path split at "/": an
	// escaped "/" inside a segment counts as a separator.
	segs := strings.Split(r.URL.Path, "/")
	for i, s := range segs {
		segs[i] = rfc3986(s)
	}
	uri := strings.Join(segs, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	q := r.URL.Query()
	var query []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		vals := slices.Clone(q[k])
		slices.Sort(vals)
		for _, val := range vals {
			query = append(query, rfc3986(k)+"="+rfc3986(val))
		}
	}
	var headers strings.Builder
	for _, name := range signed {
		vals := r.Header.Values(name)
		if name == "host" {
			vals = []string{r.Host}
		}
		if len(vals) == 0 {
			return "signed header " + name + " missing"
		}
		vals = slices.Clone(vals)
		slices.Sort(vals)
		for _, val := range vals {
			headers.WriteString(name + ":" + strings.TrimSpace(val) + "\n")
		}
	}
	bodySum := sha256.Sum256(body)
	canonical := r.Method + "\n" + uri + "\n" + strings.Join(query, "&") + "\n" + headers.String() + "\n" +
		fields["SignedHeaders"] + "\n" + hex.EncodeToString(bodySum[:])
	crSum := sha256.Sum256([]byte(canonical))
	mac := hmac.New(sha256.New, []byte(v.secretKey))
	io.WriteString(mac, "SDK-HMAC-SHA256\n"+date+"\n"+hex.EncodeToString(crSum[:]))
	if !hmac.Equal([]byte(fields["Signature"]), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		return "signature mismatch"
	}
	return ""
}

// fakeCSMS serves POST /v1/{project_id}/csms/resource_instances/action.
type fakeCSMS struct {
	projectID string
	auth      authChecker
	secrets   []csms.ActionResources
	// fault, when set, may answer attempt n (from 1) itself and return true.
	fault func(w http.ResponseWriter, r *http.Request, attempt int) bool
	// emptyFrom, when positive, answers pages at or past this offset with
	// no resources but the full total_count (a server making no progress).
	emptyFrom int

	requests atomic.Int32
	mu       sync.Mutex
	offsets  []string
	limits   []string
}

func newFakeCSMS(auth authChecker, n int) *fakeCSMS {
	return &fakeCSMS{projectID: exampleProjectID, auth: auth, secrets: sampleSecrets(n)}
}

// sampleSecrets builds n secrets shaped like csms.yaml's ActionResources.
func sampleSecrets(n int) []csms.ActionResources {
	out := make([]csms.ActionResources, n)
	for i := range out {
		id := fmt.Sprintf("c2c0d9%02x-3f6e-4d7b-9a51-6b2f8e4d1c%02x", i, i)
		name := fmt.Sprintf("rds-password-%02d", i)
		created := int64(1581507580 + 3600*i)
		state := csms.CreateSecretSecretStateENABLED
		if i%7 == 6 {
			state = csms.CreateSecretSecretStateDISABLED
		}
		out[i] = csms.ActionResources{
			ResourceID:   id,
			ResourceName: name,
			ResourceDetail: &csms.CreateSecretSecret{
				ID: id, Name: name, State: state,
				KmsKeyID:    "b168fe00-ff56-4555-9d2a-52d6e8a1b2c3",
				Description: "database password for service " + strconv.Itoa(i),
				CreateTime:  created, UpdateTime: created,
			},
			Tags: []csms.ListResourceInstancesTagItem{{Key: "env", Value: "prod"}},
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func (f *fakeCSMS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	attempt := int(f.requests.Add(1))
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	if msg := f.auth(r, body); msg != "" {
		writeJSON(w, http.StatusUnauthorized, `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: `+msg+`","request_id":"4c1d5b0e2a9f4f6d8e7c3b2a1f0e9d8c"}`)
		return
	}
	if f.fault != nil && f.fault(w, r, attempt) {
		return
	}
	if r.Method != http.MethodPost || r.URL.Path != "/v1/"+f.projectID+"/csms/resource_instances/action" {
		writeJSON(w, http.StatusNotFound, `{"error":{"error_code":"KMS.0404","error_msg":"Resource not found"}}`)
		return
	}
	var req csms.ListResourceInstancesRequestBody
	if err := json.Unmarshal(body, &req); err != nil || req.Action == "" {
		writeJSON(w, http.StatusBadRequest, `{"error":{"error_code":"KMS.0201","error_msg":"Invalid request body"}}`)
		return
	}
	total := int64(len(f.secrets))
	if req.Action == "count" {
		out, _ := json.Marshal(csms.ListResourceInstancesResponseBody{TotalCount: total})
		writeJSON(w, http.StatusOK, string(out))
		return
	}
	offset, limit := 0, 10 // the page's defaults
	if req.Offset != nil {
		offset, err = strconv.Atoi(*req.Offset)
	}
	if err == nil && req.Limit != nil {
		limit, err = strconv.Atoi(*req.Limit)
	}
	if err != nil || offset < 0 || limit < 1 || limit > 1000 {
		writeJSON(w, http.StatusBadRequest, `{"error":{"error_code":"KMS.0201","error_msg":"Invalid offset or limit"}}`)
		return
	}
	f.mu.Lock()
	f.offsets = append(f.offsets, deref(req.Offset))
	f.limits = append(f.limits, deref(req.Limit))
	f.mu.Unlock()
	page := []csms.ActionResources{}
	if f.emptyFrom <= 0 || offset < f.emptyFrom {
		page = f.secrets[min(offset, len(f.secrets)):min(offset+limit, len(f.secrets))]
	}
	out, _ := json.Marshal(csms.ListResourceInstancesResponseBody{Resources: page, TotalCount: total})
	writeJSON(w, http.StatusOK, string(out))
}

func (f *fakeCSMS) Offsets() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.offsets)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// fakeModelArts serves GET /v1/{project_id}/demanager/instances/{instance_id}/token.
type fakeModelArts struct {
	projectID string
	auth      authChecker
	instances map[string]string // instance id -> token
	requests  atomic.Int32
}

func (f *fakeModelArts) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	if msg := f.auth(r, nil); msg != "" {
		writeJSON(w, http.StatusUnauthorized, `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: `+msg+`"}`)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/v1/"+f.projectID+"/demanager/instances/")
	id, ok2 := strings.CutSuffix(rest, "/token")
	if r.Method != http.MethodGet || !ok || !ok2 || strings.Contains(id, "/") {
		writeJSON(w, http.StatusNotFound, `{"error_code":"ModelArts.0404","error_msg":"Not found"}`)
		return
	}
	tok, found := f.instances[id]
	if !found {
		writeJSON(w, http.StatusNotFound, `{"error_code":"ModelArts.6309","error_msg":"Instance `+id+` does not exist."}`)
		return
	}
	out, _ := json.Marshal(map[string]string{"token": tok})
	writeJSON(w, http.StatusOK, string(out))
}
