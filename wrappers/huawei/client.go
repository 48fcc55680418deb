package huawei

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/wrappers/retry"
)

// Config says where a service is and how to call it. NewClient applies it
// to any generated service; the HTTP client it builds is composed outermost
// first as
//
//	response size limit → retry.Transport → TokenTransport or SigningTransport → HTTPClient.Transport
//
// so that every retry attempt gets a fresh token header or signature.
type Config struct {
	// Region selects the regional endpoint, e.g. "cn-north-4": it fills
	// {region} in the server URL of the service's spec.
	Region string
	// Endpoint, when set, replaces the regional endpoint (private
	// endpoints, tests); an absolute http(s) URL.
	Endpoint string
	// ProjectID fills {project_id} in paths. Empty means the ProjectID
	// of what Credentials returns (HUAWEICLOUD_SDK_PROJECT_ID, a
	// credentials file's project_id), asked for at each call that needs it.
	ProjectID string
	// DomainID (the account id) fills {domain_id} in the paths of global
	// services such as IAM.
	DomainID string

	// Tokens authenticates with an IAM token (X-Auth-Token); see
	// PasswordTokenSource.
	Tokens TokenSource
	// Credentials signs with an access key pair (SDK-HMAC-SHA256 unless
	// Signer says otherwise). Set Tokens or Credentials, not both.
	Credentials CredentialsProvider
	// Signer chooses the signing algorithm for Credentials. For
	// AlgorithmDerived, an empty Signer.Region means Region; Signer.Service
	// (the derived auth service name) is the caller's, as in the official
	// SDK's credentials.
	Signer Signer

	// Retry bounds retries; zero fields take retry.DefaultPolicy's values.
	// MaxAttempts 1 turns retrying off.
	Retry retry.Policy
	// RetryBudget is shared by every call of the client; nil means a
	// fresh retry.NewBudget(0) per client.
	RetryBudget *retry.Budget `json:"-"`
	// RetrySleep waits between attempts; nil means retry.SleepContext.
	RetrySleep retry.Sleeper `json:"-"`
	// HTTPClient supplies the base transport, timeout and redirect policy;
	// it is copied, not modified. nil means http.DefaultTransport. Unless
	// it sets CheckRedirect, redirects are not followed, so that a token
	// never travels to another host.
	HTTPClient *http.Client `json:"-"`
	// MaxResponseBody bounds each response body; zero means
	// DefaultMaxResponseBody.
	MaxResponseBody int64
	// Now is the clock for signatures and Retry-After dates; nil means
	// time.Now.
	Now func() time.Time `json:"-"`
	// Unmarshal decodes JSON response bodies into the generated types; nil
	// means wrappers/fastjson.Unmarshal, which decodes them to the same
	// values as encoding/json in about a quarter of its time, or
	// encoding/json's when built with -tags docapi_stdjson (a smaller
	// program; the README compares both).
	Unmarshal func(data []byte, v any) error `json:"-"`
}

// projectID resolves the project id filled into paths; "" when unknown.
func (cfg Config) projectID() string {
	if c, ok := cfg.Credentials.(Credentials); ok && cfg.ProjectID == "" {
		return c.ProjectID
	}
	return cfg.ProjectID
}

// server returns the service's base URL: Endpoint, or the spec's server
// URL with the region filled in.
func (cfg Config) server(svc Service) (string, error) {
	if cfg.Endpoint == "" {
		return svc.Endpoint(cfg.Region)
	}
	u, err := url.Parse(cfg.Endpoint)
	if err != nil {
		// Not quoted: the text may hold a password url.Parse could not place.
		return "", errors.New("huawei: config: Endpoint is not a URL")
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return "", fmt.Errorf("huawei: config: Endpoint %q is not an absolute http(s) URL without user info", u.Redacted())
	}
	return cfg.Endpoint, nil
}

// httpClient composes the transports.
func (cfg Config) httpClient() (*http.Client, error) {
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	if hc.CheckRedirect == nil {
		hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	switch {
	case cfg.Tokens != nil && cfg.Credentials != nil:
		return nil, errors.New("huawei: config: set Tokens or Credentials, not both")
	case cfg.Tokens != nil:
		rt = &TokenTransport{Base: rt, Tokens: cfg.Tokens}
	case cfg.Credentials != nil:
		signer := cfg.Signer
		if signer.Algorithm == AlgorithmHMACSM3 && signer.SM3 == nil {
			// Said once, here, rather than by every request's Sign.
			return nil, errors.New("huawei: config: SDK-HMAC-SM3 needs Signer.SM3 (for example github.com/emmansun/gmsm/sm3.Sum)")
		}
		if signer.Algorithm == AlgorithmDerived && signer.Region == "" {
			signer.Region = cfg.Region // the derived key's scope is the region called
		}
		rt = &SigningTransport{Base: rt, Credentials: cfg.Credentials, Signer: signer, Now: cfg.Now}
	}
	budget := cfg.RetryBudget
	if budget == nil {
		budget = retry.NewBudget(0)
	}
	rt = &retry.Transport{Base: rt, Policy: cfg.Retry, Sleep: cfg.RetrySleep, Budget: budget, Now: cfg.Now}
	hc.Transport = limitBodyTransport{base: rt, max: orDefault64(cfg.MaxResponseBody, DefaultMaxResponseBody)}
	return hc, nil
}

// NewIAMClient returns the generated IAM client for PasswordTokenSource,
// at the server specs/iam.yaml names. Config.Tokens must be empty: the
// token source would wait on itself.
func NewIAMClient(cfg Config) (*iam.ClientWithResponses, error) {
	if cfg.Tokens != nil {
		return nil, errors.New("huawei: config: the IAM client of a token source cannot authenticate with tokens")
	}
	c, err := NewClient(cfg, Service{Name: "iam", Server: iam.ServerURL})
	if err != nil {
		return nil, err
	}
	return iam.NewClientWithResponses(c.Server(), iam.WithHTTPClient(c.HTTPClient()))
}

// parseResponse turns the result of a generated client call into the
// parsed response or a typed error: *APIError for non-2xx (its body read
// with a bound), *ResponseError for a body that cannot be read or decoded,
// and the transport error otherwise.
func parseResponse[R any](op string, resp *http.Response, err error, parse func(*http.Response) (R, error)) (R, error) {
	var zero R
	if err != nil {
		return zero, callError(op, err)
	}
	if err := checkOp(op, resp); err != nil {
		return zero, err
	}
	parsed, err := parse(resp)
	if err != nil {
		return zero, unusable(op, resp, err)
	}
	return parsed, nil
}

func unusable(op string, resp *http.Response, err error) *ResponseError {
	e := &ResponseError{Op: op, Err: err}
	if resp != nil {
		e.StatusCode = resp.StatusCode
		e.ContentType = resp.Header.Get("Content-Type")
	}
	return e
}

func orDefault64(n, def int64) int64 {
	if n > 0 {
		return n
	}
	return def
}
