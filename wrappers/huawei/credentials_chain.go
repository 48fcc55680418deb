package huawei

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/docapi/docapi/wrappers/internal/bounded"
	"github.com/docapi/docapi/wrappers/secret"
)

// ErrNoCredentials is wrapped by a provider whose source is absent (no
// environment variables, no credentials file, no metadata service), so
// that a CredentialsChain moves on to the next one.
var ErrNoCredentials = errors.New("huawei: no credentials")

// CredentialsChain asks each provider in turn and returns the first
// credentials found. A provider that fails for another reason than
// ErrNoCredentials (a malformed file, half-set variables, a metadata
// service that answers with an error) stops the chain: falling through to
// another identity would hide the mistake. Put a CredentialsCache in front
// of it; see DefaultCredentials.
type CredentialsChain []CredentialsProvider

// Retrieve implements CredentialsProvider.
func (c CredentialsChain) Retrieve(ctx context.Context) (Credentials, error) {
	var absent []error
	for _, p := range c {
		cred, err := p.Retrieve(ctx)
		if err == nil {
			return cred, nil
		}
		if !errors.Is(err, ErrNoCredentials) {
			return Credentials{}, err
		}
		absent = append(absent, err)
	}
	if len(absent) == 0 {
		return Credentials{}, fmt.Errorf("%w: the credentials chain is empty", ErrNoCredentials)
	}
	return Credentials{}, errors.Join(absent...)
}

// DefaultCredentials is the official SDK's provider order: the environment
// (HUAWEICLOUD_SDK_AK and the rest), then the credentials file, then the ECS
// metadata service, behind a cache that refreshes temporary credentials
// before they expire. getenv is os.Getenv in production.
func DefaultCredentials(getenv func(string) string) *CredentialsCache {
	return &CredentialsCache{Provider: CredentialsChain{
		EnvCredentials{Getenv: getenv},
		&FileCredentials{Getenv: getenv},
		&MetadataCredentials{},
	}}
}

// EnvCredentials reads credentials from environment variables
// (CredentialsFromEnv); with neither access key nor secret key set it
// reports ErrNoCredentials.
type EnvCredentials struct {
	// Getenv is os.Getenv in production; nil means os.Getenv.
	Getenv func(string) string
}

// Retrieve implements CredentialsProvider.
func (e EnvCredentials) Retrieve(context.Context) (Credentials, error) {
	getenv := e.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if getenv(EnvAccessKey) == "" && getenv(EnvSecretKey) == "" {
		return Credentials{}, fmt.Errorf("%w: %s and %s are not set", ErrNoCredentials, EnvAccessKey, EnvSecretKey)
	}
	return CredentialsFromEnv(getenv)
}

// Credentials file names, as the official SDK's profile provider
// (huaweicloud-sdk-go-v3 core/auth/provider/profile_provider.go).
const (
	EnvCredentialsFile = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
	// DefaultCredentialsFile is relative to the home directory.
	DefaultCredentialsFile = ".huaweicloud/credentials"
	// maxCredentialsFile bounds what is read of the file.
	maxCredentialsFile = 1 << 20
)

// FileCredentials reads the official SDK's credentials file, an INI file
// whose [basic] section holds ak, sk and optionally security_token and
// project_id:
//
//	[basic]
//	ak = HPUAEXAMPLE...
//	sk = ...
//	project_id = 0123456789abcdef
//
// The file is $HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
// ~/.huaweicloud/credentials. A missing file is ErrNoCredentials; errors
// name the file and line, never a value.
type FileCredentials struct {
	// Path, when set, is the file; otherwise it is found as above.
	Path string
	// Section defaults to "basic".
	Section string
	// Getenv is os.Getenv in production; nil means os.Getenv. HOME comes
	// from it too.
	Getenv func(string) string
}

// Retrieve implements CredentialsProvider.
func (f *FileCredentials) Retrieve(context.Context) (Credentials, error) {
	path, err := f.path()
	if err != nil {
		return Credentials{}, err
	}
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return Credentials{}, fmt.Errorf("%w: no credentials file %s", ErrNoCredentials, path)
	}
	if err != nil {
		return Credentials{}, fmt.Errorf("huawei: credentials file: %w", err)
	}
	defer file.Close()
	section := f.Section
	if section == "" {
		section = "basic"
	}
	keys, err := readINISection(io.LimitReader(file, maxCredentialsFile), path, section)
	if err != nil {
		return Credentials{}, err
	}
	c := Credentials{AccessKey: keys["ak"], SecretKey: secret.New(keys["sk"]),
		SecurityToken: secret.New(keys["security_token"]), ProjectID: keys["project_id"]}
	if err := c.Validate(); err != nil {
		return Credentials{}, fmt.Errorf("huawei: credentials file %s, section [%s]: %w", path, section, err)
	}
	return c, nil
}

func (f *FileCredentials) path() (string, error) {
	if f.Path != "" {
		return f.Path, nil
	}
	getenv := f.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if p := getenv(EnvCredentialsFile); p != "" {
		return p, nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("%w: neither %s nor HOME is set", ErrNoCredentials, EnvCredentialsFile)
	}
	return filepath.Join(home, DefaultCredentialsFile), nil
}

// readINISection returns the keys of one section of an INI file: "[name]"
// headers, "key = value" lines, ";" and "#" comment lines. Keys are
// lowercased; a key given twice is an error, as is a line that is none of
// these. Errors never quote a line, which may hold a secret.
func readINISection(r io.Reader, name, section string) (map[string]string, error) {
	keys := map[string]string{}
	found := false
	current := ""
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		switch {
		case text == "" || text[0] == ';' || text[0] == '#':
		case text[0] == '[':
			if !strings.HasSuffix(text, "]") {
				return nil, fmt.Errorf("huawei: credentials file %s:%d: section header without ]", name, line)
			}
			current = strings.ToLower(strings.TrimSpace(text[1 : len(text)-1]))
			found = found || current == section
		default:
			k, v, ok := strings.Cut(text, "=")
			if !ok {
				return nil, fmt.Errorf("huawei: credentials file %s:%d: not a key = value line", name, line)
			}
			if current != section {
				continue
			}
			k = strings.ToLower(strings.TrimSpace(k))
			if _, dup := keys[k]; dup {
				return nil, fmt.Errorf("huawei: credentials file %s:%d: key %q given twice in [%s]", name, line, k, section)
			}
			keys[k] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("huawei: credentials file %s: %w", name, err)
	}
	if !found {
		return nil, fmt.Errorf("%w: credentials file %s has no [%s] section", ErrNoCredentials, name, section)
	}
	return keys, nil
}

// ECS metadata service, as the official SDK's metadata accessor
// (huaweicloud-sdk-go-v3 core/auth/internal/metadata_accessor.go).
const (
	DefaultMetadataEndpoint = "http://169.254.169.254"
	metadataTokenPath       = "/meta-data/latest/api/token"
	metadataSecurityKeyPath = "/openstack/latest/securitykey"
	metadataTokenHeader     = "X-Metadata-Token"
	metadataTokenTTLHeader  = "X-Metadata-Token-Ttl-Seconds"
	metadataTokenTTL        = 6 * time.Hour
	// DefaultMetadataTimeout bounds each metadata request; off ECS the
	// address does not answer at all.
	DefaultMetadataTimeout = 3 * time.Second
	maxMetadataBody        = 64 << 10
)

// MetadataCredentials gets the temporary credentials of the ECS instance's
// agency from the metadata service: a session token (PUT
// /meta-data/latest/api/token, kept for six hours), then GET
// /openstack/latest/securitykey. They expire (Credentials.ExpiresAt); put a
// CredentialsCache in front. An unreachable service is ErrNoCredentials.
type MetadataCredentials struct {
	// Endpoint defaults to DefaultMetadataEndpoint.
	Endpoint string
	// HTTPClient defaults to a client with DefaultMetadataTimeout; it
	// never follows redirects either way.
	HTTPClient *http.Client `json:"-"`
	// ProjectID is put into the credentials.
	ProjectID string
	// Now is the clock; nil means time.Now.
	Now func() time.Time `json:"-"`

	mu    sync.Mutex
	token *metadataToken
}

type metadataToken struct {
	value   secret.Value // nil when the service has no session tokens
	expires time.Time
}

// Retrieve implements CredentialsProvider.
func (m *MetadataCredentials) Retrieve(ctx context.Context) (Credentials, error) {
	tok, err := m.sessionToken(ctx, false)
	if err != nil {
		return Credentials{}, err
	}
	status, body, err := m.do(ctx, http.MethodGet, metadataSecurityKeyPath, tok)
	if err != nil {
		return Credentials{}, err
	}
	if status == http.StatusUnauthorized && !bytes.Contains(body, []byte("Cloud Service Agency")) {
		// The session token went stale: get a new one, once.
		if tok, err = m.sessionToken(ctx, true); err != nil {
			return Credentials{}, err
		}
		if status, body, err = m.do(ctx, http.MethodGet, metadataSecurityKeyPath, tok); err != nil {
			return Credentials{}, err
		}
	}
	if status != http.StatusOK {
		// The body is not quoted: it may echo the session token.
		return Credentials{}, fmt.Errorf("huawei: ECS metadata %s: HTTP %d (is an agency attached to the instance?)", metadataSecurityKeyPath, status)
	}
	var doc struct {
		Credential struct {
			Access        string `json:"access"`
			Secret        string `json:"secret"`
			SecurityToken string `json:"securitytoken"`
			ExpiresAt     string `json:"expires_at"`
		} `json:"credential"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return Credentials{}, fmt.Errorf("huawei: ECS metadata %s: answer is not the documented JSON", metadataSecurityKeyPath)
	}
	c := doc.Credential
	expires, err := time.Parse(time.RFC3339Nano, c.ExpiresAt)
	if err != nil {
		return Credentials{}, fmt.Errorf("huawei: ECS metadata %s: credential.expires_at is not an RFC 3339 time", metadataSecurityKeyPath)
	}
	cred := Credentials{AccessKey: c.Access, SecretKey: secret.New(c.Secret), SecurityToken: secret.New(c.SecurityToken),
		ProjectID: m.ProjectID, ExpiresAt: expires}
	if err := cred.Validate(); err != nil {
		return Credentials{}, fmt.Errorf("huawei: ECS metadata %s: %w", metadataSecurityKeyPath, err)
	}
	if cred.SecurityToken.IsZero() {
		return Credentials{}, fmt.Errorf("huawei: ECS metadata %s: no credential.securitytoken", metadataSecurityKeyPath)
	}
	return cred, nil
}

func (m *MetadataCredentials) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// sessionToken returns the cached session token or gets one; renew forces
// a new one. A service without session tokens (404, 405, 503 to the PUT, as
// the SDK accepts) gives a zero token.
func (m *MetadataCredentials) sessionToken(ctx context.Context, renew bool) (secret.Value, error) {
	m.mu.Lock()
	if t := m.token; t != nil && !renew && m.now().Before(t.expires) {
		m.mu.Unlock()
		return t.value, nil
	}
	m.mu.Unlock()
	status, body, err := m.do(ctx, http.MethodPut, metadataTokenPath, secret.Value{})
	if err != nil {
		return secret.Value{}, err
	}
	var tok secret.Value
	switch status {
	case http.StatusOK:
		tok = secret.New(string(bytes.TrimSpace(body)))
	case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusServiceUnavailable:
		if renew {
			return secret.Value{}, fmt.Errorf("huawei: ECS metadata %s: HTTP %d", metadataTokenPath, status)
		}
	default:
		return secret.Value{}, fmt.Errorf("huawei: ECS metadata %s: HTTP %d", metadataTokenPath, status)
	}
	m.mu.Lock()
	// Renewed a little early so that a token never dies in flight.
	m.token = &metadataToken{value: tok, expires: m.now().Add(metadataTokenTTL - 5*time.Minute)}
	m.mu.Unlock()
	return tok, nil
}

// do sends one metadata request and reads its bounded body. A transport
// failure means no metadata service here: ErrNoCredentials.
func (m *MetadataCredentials) do(ctx context.Context, method, path string, tok secret.Value) (int, []byte, error) {
	endpoint := m.Endpoint
	if endpoint == "" {
		endpoint = DefaultMetadataEndpoint
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(endpoint, "/")+path, http.NoBody)
	if err != nil {
		return 0, nil, fmt.Errorf("huawei: ECS metadata endpoint: %w", err)
	}
	if method == http.MethodPut {
		req.Header.Set(metadataTokenTTLHeader, strconv.Itoa(int(metadataTokenTTL/time.Second)))
	}
	if !tok.IsZero() {
		req.Header.Set(metadataTokenHeader, tok.Reveal())
	}
	hc := http.Client{Timeout: DefaultMetadataTimeout}
	if m.HTTPClient != nil {
		hc = *m.HTTPClient
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, nil, ctx.Err()
		}
		return 0, nil, fmt.Errorf("%w: ECS metadata service not reachable: %w", ErrNoCredentials, err)
	}
	defer resp.Body.Close()
	tooLarge := errors.New("huawei: ECS metadata answer too large")
	body, err := io.ReadAll(bounded.Body(resp.Body, maxMetadataBody, func() error { return tooLarge }))
	if err != nil {
		return 0, nil, fmt.Errorf("huawei: ECS metadata %s: reading the answer: %w", path, err)
	}
	return resp.StatusCode, body, nil
}

// Defaults for CredentialsCache, as the official SDK renews temporary
// credentials 40 minutes before they expire.
const (
	DefaultCredentialsMargin = 40 * time.Minute
	// credentialsRetryAfterFailure is how long a failed refresh is not
	// repeated while the cached credentials are still valid.
	credentialsRetryAfterFailure = time.Minute
)

// CredentialsCache keeps what Provider returned and asks again only when
// the credentials are due to expire (Credentials.ExpiresAt less Margin);
// credentials without an expiry are kept for good. However many requests
// wait, one refresh is in flight; it runs detached from the caller that
// started it, bounded by RefreshTimeout. When a refresh fails while the
// cached credentials are still valid they go on being used (and the refresh
// is retried a minute later), so a blip of the metadata service does not
// fail requests. Expired credentials are never returned.
//
// Set the fields before the first call; use a *CredentialsCache.
type CredentialsCache struct {
	Provider CredentialsProvider
	// Margin defaults to DefaultCredentialsMargin; credentials that live
	// less than it are renewed halfway through their remaining life.
	Margin time.Duration
	// RefreshTimeout defaults to DefaultRefreshTimeout.
	RefreshTimeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time `json:"-"`

	mu sync.Mutex
	// cached is behind a pointer so that %+v shows an address.
	cached *cachedCredentials
	flight singleflight.Group
}

type cachedCredentials struct {
	cred      Credentials
	refreshAt time.Time // zero: never
}

func (c *CredentialsCache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Retrieve implements CredentialsProvider.
func (c *CredentialsCache) Retrieve(ctx context.Context) (Credentials, error) {
	if cred, ok := c.fresh(); ok {
		return cred, nil
	}
	if c.Provider == nil {
		return Credentials{}, errors.New("huawei: CredentialsCache has no Provider")
	}
	return sharedRefresh(ctx, &c.flight, orDefault(c.RefreshTimeout, DefaultRefreshTimeout), func(ctx context.Context) (Credentials, error) {
		// A refresh that ended just before this one started may have
		// stored credentials already.
		if cred, ok := c.fresh(); ok {
			return cred, nil
		}
		return c.refresh(ctx)
	})
}

// fresh returns the cached credentials if they are not due for refresh.
func (c *CredentialsCache) fresh() (Credentials, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cached == nil || !c.cached.refreshAt.IsZero() && !c.now().Before(c.cached.refreshAt) {
		return Credentials{}, false
	}
	return c.cached.cred, true
}

func (c *CredentialsCache) refresh(ctx context.Context) (Credentials, error) {
	cred, err := c.Provider.Retrieve(ctx)
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil && !cred.ExpiresAt.IsZero() && !cred.ExpiresAt.After(now) {
		err = fmt.Errorf("huawei: credentials already expired at %s", cred.ExpiresAt.UTC().Format(time.RFC3339))
	}
	if err != nil {
		// Only expiring credentials are ever refreshed.
		if old := c.cached; old != nil && now.Before(old.cred.ExpiresAt) {
			old.refreshAt = now.Add(min(credentialsRetryAfterFailure, old.cred.ExpiresAt.Sub(now)/2))
			return old.cred, nil
		}
		return Credentials{}, err
	}
	entry := &cachedCredentials{cred: cred}
	if !cred.ExpiresAt.IsZero() {
		entry.refreshAt = cred.ExpiresAt.Add(-orDefault(c.Margin, DefaultCredentialsMargin))
		if !entry.refreshAt.After(now) {
			entry.refreshAt = now.Add(cred.ExpiresAt.Sub(now) / 2)
		}
	}
	c.cached = entry
	return cred, nil
}

// Format prints the provider only, never cached credentials.
func (c *CredentialsCache) Format(f fmt.State, _ rune) {
	if c == nil {
		fmt.Fprint(f, "(*huawei.CredentialsCache)(nil)")
		return
	}
	fmt.Fprintf(f, "&huawei.CredentialsCache{Provider:%T Margin:%v}", c.Provider, c.Margin)
}
