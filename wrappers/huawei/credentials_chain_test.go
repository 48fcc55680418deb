package huawei_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

func envMap(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

const credentialsFile = `; the official SDK's credentials file
[basic]
ak = FILEAK00000000000001
sk = file-secret-key-0000000000000001
project_id = 0123456789abcdef

# domain-level credentials are another section
[global]
ak = GLOBALAK000000000001
sk = global-secret-key-00000000000001
domain_id = fedcba9876543210
`

func writeFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFileCredentials(t *testing.T) {
	path := writeFile(t, credentialsFile)
	for name, p := range map[string]*huawei.FileCredentials{
		"path":        {Path: path},
		"env":         {Getenv: envMap(map[string]string{huawei.EnvCredentialsFile: path})},
		"home":        {Getenv: envMap(map[string]string{"HOME": filepath.Dir(filepath.Dir(mkHome(t, credentialsFile)))})},
		"global-path": {Path: path, Section: "global"},
	} {
		t.Run(name, func(t *testing.T) {
			cred, err := p.Retrieve(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			wantAK, wantSK, wantProject := "FILEAK00000000000001", "file-secret-key-0000000000000001", "0123456789abcdef"
			if p.Section == "global" {
				wantAK, wantSK, wantProject = "GLOBALAK000000000001", "global-secret-key-00000000000001", ""
			}
			if cred.AccessKey != wantAK || cred.SecretKey.Reveal() != wantSK || cred.ProjectID != wantProject {
				t.Errorf("got %+v", cred)
			}
		})
	}
}

// mkHome writes body to <home>/.huaweicloud/credentials and returns its path.
func mkHome(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".huaweicloud", "credentials")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFileCredentialsErrors(t *testing.T) {
	const sk = "sk-must-not-appear-in-errors"
	cases := []struct {
		name, body, want string
		absent           bool
	}{
		{"no-section", "[global]\nak = A\nsk = " + sk + "\n", "no [basic] section", true},
		{"not-a-key", "[basic]\nak = A\n" + sk + "\n", ":3: not a key = value line", false},
		{"duplicate", "[basic]\nak = A\nsk = " + sk + "\nSK = " + sk + "x\n", `:4: key "sk" given twice`, false},
		{"header", "[basic\nak = A\n", ":1: section header without ]", false},
		{"no-sk", "[basic]\nak = A\n", "secret key is empty", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := (&huawei.FileCredentials{Path: writeFile(t, c.body)}).Retrieve(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.want) || errors.Is(err, huawei.ErrNoCredentials) != c.absent {
				t.Fatalf("err = %v, want %q (absent %t)", err, c.want, c.absent)
			}
			if strings.Contains(err.Error(), sk) {
				t.Errorf("error quotes the secret key: %v", err)
			}
		})
	}
	_, err := (&huawei.FileCredentials{Path: filepath.Join(t.TempDir(), "missing")}).Retrieve(context.Background())
	if !errors.Is(err, huawei.ErrNoCredentials) {
		t.Errorf("missing file: err = %v, want ErrNoCredentials", err)
	}
}

// fakeMetadata plays the ECS metadata service: session tokens by PUT, the
// agency's temporary credentials by GET with a valid token.
type fakeMetadata struct {
	mu        sync.Mutex
	now       func() time.Time
	tokens    map[string]bool
	issued    int
	keyCalls  int
	lifetime  time.Duration
	noAgency  bool
	problems  []string
	lastToken string
}

func (f *fakeMetadata) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case r.Method == http.MethodPut && r.URL.Path == "/meta-data/latest/api/token":
		if r.Header.Get("X-Metadata-Token-Ttl-Seconds") != "21600" {
			f.problems = append(f.problems, "token TTL header "+r.Header.Get("X-Metadata-Token-Ttl-Seconds"))
		}
		f.issued++
		f.lastToken = fmt.Sprintf("metadata-session-token-%d", f.issued)
		f.tokens[f.lastToken] = true
		fmt.Fprint(w, f.lastToken)
	case r.Method == http.MethodGet && r.URL.Path == "/openstack/latest/securitykey":
		if !f.tokens[r.Header.Get("X-Metadata-Token")] {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, "bad token %s", r.Header.Get("X-Metadata-Token"))
			return
		}
		if f.noAgency {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "Please configure Cloud Service Agency first")
			return
		}
		f.keyCalls++
		body, _ := json.Marshal(map[string]any{"credential": map[string]string{
			"access":        fmt.Sprintf("STSAK%015d", f.keyCalls),
			"secret":        fmt.Sprintf("sts-secret-key-%d", f.keyCalls),
			"securitytoken": fmt.Sprintf("sts-security-token-%d", f.keyCalls),
			"expires_at":    f.now().Add(f.lifetime).UTC().Format("2006-01-02T15:04:05.000000Z"),
		}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	default:
		f.problems = append(f.problems, "unexpected "+r.Method+" "+r.URL.Path)
		http.NotFound(w, r)
	}
}

func newFakeMetadata(t *testing.T, now func() time.Time) (*fakeMetadata, *httptest.Server) {
	f := &fakeMetadata{now: now, tokens: map[string]bool{}, lifetime: 24 * time.Hour}
	srv := httptest.NewServer(f)
	t.Cleanup(func() {
		srv.Close()
		for _, p := range f.problems {
			t.Error("fake metadata:", p)
		}
	})
	return f, srv
}

func TestMetadataCredentials(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	f, srv := newFakeMetadata(t, clock.Now)
	m := &huawei.MetadataCredentials{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: "proj", Now: clock.Now}
	cred, err := m.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cred.AccessKey != "STSAK000000000000001" || cred.SecretKey.Reveal() != "sts-secret-key-1" ||
		cred.SecurityToken.Reveal() != "sts-security-token-1" || cred.ProjectID != "proj" ||
		!cred.ExpiresAt.Equal(clock.Now().Add(24*time.Hour)) {
		t.Errorf("got %+v, expires %v", cred, cred.ExpiresAt)
	}
	// The session token is kept; when the service forgets it, one new one.
	if _, err := m.Retrieve(context.Background()); err != nil || f.issued != 1 {
		t.Fatalf("second call: %v, %d session tokens", err, f.issued)
	}
	f.mu.Lock()
	f.tokens = map[string]bool{}
	f.mu.Unlock()
	if _, err := m.Retrieve(context.Background()); err != nil || f.issued != 2 {
		t.Fatalf("after the service forgot the token: %v, %d session tokens", err, f.issued)
	}

	// No agency: an error that quotes neither body nor token.
	f.mu.Lock()
	f.noAgency = true
	f.mu.Unlock()
	_, err = m.Retrieve(context.Background())
	if err == nil || errors.Is(err, huawei.ErrNoCredentials) || strings.Contains(err.Error(), "metadata-session-token") {
		t.Errorf("no agency: err = %v", err)
	}
}

func TestMetadataUnreachableIsNoCredentials(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	_, err := (&huawei.MetadataCredentials{Endpoint: url}).Retrieve(context.Background())
	if !errors.Is(err, huawei.ErrNoCredentials) {
		t.Errorf("err = %v, want ErrNoCredentials", err)
	}
}

// The chain takes the first source present: environment, then file, then
// metadata; a broken source stops it.
func TestCredentialsChainOrder(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	_, srv := newFakeMetadata(t, clock.Now)
	file := writeFile(t, credentialsFile)
	env := map[string]string{huawei.EnvAccessKey: "ENVAK000000000000001", huawei.EnvSecretKey: "env-secret-key-1",
		huawei.EnvCredentialsFile: file}
	chain := func(env map[string]string) huawei.CredentialsChain {
		return huawei.CredentialsChain{
			huawei.EnvCredentials{Getenv: envMap(env)},
			&huawei.FileCredentials{Getenv: envMap(env)},
			&huawei.MetadataCredentials{Endpoint: srv.URL, HTTPClient: srv.Client(), Now: clock.Now},
		}
	}
	ak := func(env map[string]string) (string, error) {
		c, err := chain(env).Retrieve(context.Background())
		return c.AccessKey, err
	}
	if got, err := ak(env); got != "ENVAK000000000000001" || err != nil {
		t.Errorf("env: %q %v", got, err)
	}
	delete(env, huawei.EnvAccessKey)
	delete(env, huawei.EnvSecretKey)
	if got, err := ak(env); got != "FILEAK00000000000001" || err != nil {
		t.Errorf("file: %q %v", got, err)
	}
	env[huawei.EnvCredentialsFile] = filepath.Join(t.TempDir(), "none")
	if got, err := ak(env); got != "STSAK000000000000001" || err != nil {
		t.Errorf("metadata: %q %v", got, err)
	}
	// Half-set environment variables are a mistake, not an absence.
	env[huawei.EnvAccessKey] = "ENVAK000000000000001"
	if _, err := ak(env); err == nil || errors.Is(err, huawei.ErrNoCredentials) {
		t.Errorf("half-set env: err = %v", err)
	}
}

// countingProvider hands out credentials that live lifetime, holding each
// call at gate when it is set.
type countingProvider struct {
	now      func() time.Time
	lifetime time.Duration
	calls    atomic.Int32
	gate     chan struct{}
	fail     atomic.Bool
}

func (p *countingProvider) Retrieve(ctx context.Context) (huawei.Credentials, error) {
	n := p.calls.Add(1)
	if p.gate != nil {
		<-p.gate
	}
	if p.fail.Load() {
		return huawei.Credentials{}, errors.New("metadata service down")
	}
	return huawei.Credentials{AccessKey: fmt.Sprintf("AK%d", n), SecretKey: secret.New(fmt.Sprint("sk", n)),
		SecurityToken: secret.New(fmt.Sprint("tok", n)), ExpiresAt: p.now().Add(p.lifetime)}, nil
}

func TestCredentialsCacheRefreshesBeforeExpiry(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	p := &countingProvider{now: clock.Now, lifetime: 2 * time.Hour}
	c := &huawei.CredentialsCache{Provider: p, Now: clock.Now}
	ak := func() string {
		t.Helper()
		cred, err := c.Retrieve(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return cred.AccessKey
	}
	for range 50 {
		if got := ak(); got != "AK1" {
			t.Fatalf("got %s", got)
		}
	}
	clock.Advance(2*time.Hour - huawei.DefaultCredentialsMargin - time.Second)
	if got := ak(); got != "AK1" || p.calls.Load() != 1 {
		t.Fatalf("before the margin: %s after %d calls", got, p.calls.Load())
	}
	clock.Advance(time.Second)
	if got := ak(); got != "AK2" {
		t.Fatalf("at the margin: %s", got)
	}

	// A failed refresh keeps the still valid credentials and is retried a
	// minute later, not on every request.
	clock.Advance(2*time.Hour - huawei.DefaultCredentialsMargin)
	p.fail.Store(true)
	for range 20 {
		if got := ak(); got != "AK2" {
			t.Fatalf("during the outage: %s", got)
		}
	}
	if n := p.calls.Load(); n != 3 {
		t.Fatalf("provider calls during the outage = %d, want 3", n)
	}
	clock.Advance(time.Minute)
	p.fail.Store(false)
	if got := ak(); got != "AK4" {
		t.Fatalf("after the outage: %s", got)
	}

	// Expired credentials are never handed out.
	p.fail.Store(true)
	clock.Advance(3 * time.Hour)
	if _, err := c.Retrieve(context.Background()); err == nil {
		t.Fatal("expired credentials returned")
	}
}

func TestCredentialsCacheOneRefreshInFlight(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	p := &countingProvider{now: clock.Now, lifetime: time.Hour, gate: make(chan struct{})}
	c := &huawei.CredentialsCache{Provider: p, Now: clock.Now}
	var wg sync.WaitGroup
	results := make(chan string, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cred, err := c.Retrieve(context.Background())
			if err != nil {
				t.Error(err)
			}
			results <- cred.AccessKey
		}()
	}
	for p.calls.Load() == 0 {
		time.Sleep(time.Millisecond) // until the first caller is inside the provider
	}
	close(p.gate)
	wg.Wait()
	close(results)
	for ak := range results {
		if ak != "AK1" {
			t.Errorf("caller got %s", ak)
		}
	}
	if n := p.calls.Load(); n != 1 {
		t.Errorf("provider calls = %d, want 1", n)
	}
}

// SigningTransport over a cache over the metadata service: every request is
// signed with the temporary credentials current at its time.
func TestSigningWithRefreshedMetadataCredentials(t *testing.T) {
	clock := newFakeClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
	meta, metaSrv := newFakeMetadata(t, clock.Now)
	meta.lifetime = time.Hour
	var mu sync.Mutex
	var tokens []string
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tokens = append(tokens, r.Header.Get("X-Security-Token"))
		mu.Unlock()
		if !strings.HasPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 Access=STSAK") {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer api.Close()
	cache := &huawei.CredentialsCache{Now: clock.Now,
		Provider: &huawei.MetadataCredentials{Endpoint: metaSrv.URL, HTTPClient: metaSrv.Client(), Now: clock.Now}}
	client := &http.Client{Transport: &huawei.SigningTransport{Base: api.Client().Transport, Credentials: cache, Now: clock.Now}}
	for range 3 {
		resp, err := client.Get(api.URL + "/v1/x")
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%v %v", resp, err)
		}
		resp.Body.Close()
		clock.Advance(30 * time.Minute) // past the renewal, 40 minutes before a one-hour credential expires
	}
	want := []string{"sts-security-token-1", "sts-security-token-2", "sts-security-token-3"}
	if strings.Join(tokens, ",") != strings.Join(want, ",") {
		t.Errorf("security tokens sent = %q, want %q", tokens, want)
	}
}

// The refresh runs under RefreshTimeout, detached from the caller: a caller
// that gives up returns at once with its context's error, and the refresh
// it started still completes for the next caller.
func TestCredentialsCacheRefreshDetachedAndBounded(t *testing.T) {
	const timeout = 7 * time.Minute
	release := make(chan struct{})
	started := make(chan struct{})
	var once sync.Once
	provider := providerFunc(func(ctx context.Context) (huawei.Credentials, error) {
		once.Do(func() { close(started) })
		deadline, ok := ctx.Deadline()
		if !ok || time.Until(deadline) > timeout || time.Until(deadline) < timeout-time.Minute {
			return huawei.Credentials{}, fmt.Errorf("refresh context deadline %v (set %v), want about %v from now", deadline, ok, timeout)
		}
		select {
		case <-release:
		case <-ctx.Done():
			return huawei.Credentials{}, ctx.Err()
		}
		return huawei.Credentials{AccessKey: "AK", SecretKey: secret.New("sk")}, nil
	})
	c := &huawei.CredentialsCache{Provider: provider, RefreshTimeout: timeout}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := c.Retrieve(ctx)
		errc <- err
	}()
	<-started
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller that gave up got %v, want context.Canceled", err)
	}
	close(release)
	cred, err := c.Retrieve(context.Background())
	if err != nil || cred.AccessKey != "AK" {
		t.Fatalf("after the detached refresh: %+v, %v", cred, err)
	}
}
