package huawei

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/generated/modelarts"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// Config says where a service is and how to call it. The constructors build
// one http.Client from it, composed outermost first as
//
//	response size limit → retry.Transport → TokenTransport or SigningTransport → HTTPClient.Transport
//
// so that every retry attempt gets a fresh token header or signature.
type Config struct {
	// Region selects the regional endpoint, e.g. "cn-north-4".
	Region string
	// Endpoint, when set, replaces the regional endpoint (private
	// endpoints, tests); an absolute http(s) URL.
	Endpoint string
	// ProjectID is filled into every path. Empty means Credentials'
	// ProjectID when Credentials is a plain Credentials value.
	ProjectID string

	// Tokens authenticates with an IAM token (X-Auth-Token); see
	// PasswordTokenSource.
	Tokens TokenSource
	// Credentials signs with an access key pair (SDK-HMAC-SHA256).
	// Set Tokens or Credentials, not both.
	Credentials CredentialsProvider

	// Retry bounds retries; zero fields take retry.DefaultPolicy's values.
	// MaxAttempts 1 turns retrying off.
	Retry retry.Policy
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
}

// projectID resolves the project id filled into paths.
func (cfg Config) projectID() (string, error) {
	id := cfg.ProjectID
	if c, ok := cfg.Credentials.(Credentials); ok && id == "" {
		id = c.ProjectID
	}
	if id == "" {
		return "", errors.New("huawei: config: ProjectID is empty")
	}
	return id, nil
}

// server returns the service's base URL.
func (cfg Config) server(service string) (string, error) {
	if cfg.Endpoint == "" {
		return Endpoint(service, cfg.Region)
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

// httpClient composes the transports; requireAuth rejects a config with
// neither Tokens nor Credentials.
func (cfg Config) httpClient(requireAuth bool) (*http.Client, error) {
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
		rt = &SigningTransport{Base: rt, Credentials: cfg.Credentials}
	case requireAuth:
		return nil, errors.New("huawei: config: set Tokens or Credentials")
	}
	rt = &retry.Transport{Base: rt, Policy: cfg.Retry, Sleep: cfg.RetrySleep}
	hc.Transport = limitBodyTransport{base: rt, max: orDefault64(cfg.MaxResponseBody, DefaultMaxResponseBody)}
	return hc, nil
}

// NewIAMClient returns the generated IAM client for PasswordTokenSource.
// Config.Tokens must be empty: the token source would wait on itself.
func NewIAMClient(cfg Config) (*iam.ClientWithResponses, error) {
	if cfg.Tokens != nil {
		return nil, errors.New("huawei: config: the IAM client of a token source cannot authenticate with tokens")
	}
	server, err := cfg.server("iam")
	if err != nil {
		return nil, err
	}
	hc, err := cfg.httpClient(false)
	if err != nil {
		return nil, err
	}
	return iam.NewClientWithResponses(server, iam.WithHTTPClient(hc))
}

// projectService resolves what every project-scoped service client needs:
// its server URL, the project id and an authenticating HTTP client.
func (cfg Config) projectService(service string) (server, projectID string, hc *http.Client, err error) {
	if server, err = cfg.server(service); err != nil {
		return "", "", nil, err
	}
	if projectID, err = cfg.projectID(); err != nil {
		return "", "", nil, err
	}
	if hc, err = cfg.httpClient(true); err != nil {
		return "", "", nil, err
	}
	return server, projectID, hc, nil
}

// CSMS calls Cloud Secret Management for one project.
type CSMS struct {
	// Client is the generated client, for operations not wrapped here.
	Client    *csms.ClientWithResponses
	ProjectID string
}

// NewCSMS builds a CSMS client from cfg.
func NewCSMS(cfg Config) (*CSMS, error) {
	server, projectID, hc, err := cfg.projectService("csms")
	if err != nil {
		return nil, err
	}
	c, err := csms.NewClientWithResponses(server, csms.WithHTTPClient(hc))
	if err != nil {
		return nil, err
	}
	return &CSMS{Client: c, ProjectID: projectID}, nil
}

// ListResourceInstances queries secrets by tag (one page). The query is
// safe to repeat, so it is retried although it is a POST. Non-2xx answers
// are *APIError; unusable 2xx answers *ResponseError.
func (c *CSMS) ListResourceInstances(ctx context.Context, body csms.ListResourceInstancesRequestBody) (*csms.ListResourceInstancesResponseBody, error) {
	const op = "csms ListResourceInstances"
	resp, err := c.Client.ListResourceInstances(retry.MarkIdempotent(ctx), c.ProjectID, body)
	parsed, err := parseResponse(op, resp, err, csms.ParseListResourceInstancesResponse)
	if err != nil {
		return nil, err
	}
	if parsed.JSON200 == nil {
		return nil, unusable(op, parsed.HTTPResponse, ErrUnexpectedContentType)
	}
	return parsed.JSON200, nil
}

// ModelArts calls the ModelArts development environment API for one project.
type ModelArts struct {
	// Client is the generated client, for operations not wrapped here.
	Client    *modelarts.ClientWithResponses
	ProjectID string
}

// NewModelArts builds a ModelArts client from cfg.
func NewModelArts(cfg Config) (*ModelArts, error) {
	server, projectID, hc, err := cfg.projectService("modelarts")
	if err != nil {
		return nil, err
	}
	c, err := modelarts.NewClientWithResponses(server, modelarts.WithHTTPClient(hc))
	if err != nil {
		return nil, err
	}
	return &ModelArts{Client: c, ProjectID: projectID}, nil
}

// ShowInstanceToken returns the access token of a development environment
// instance, kept in a secret.Value so it cannot be printed by accident.
func (m *ModelArts) ShowInstanceToken(ctx context.Context, instanceID string) (secret.Value, error) {
	const op = "modelarts ShowInstanceToken"
	if instanceID == "" {
		return secret.Value{}, errors.New("huawei: " + op + ": empty instance id")
	}
	resp, err := m.Client.ShowInstanceToken(ctx, m.ProjectID, instanceID)
	parsed, err := parseResponse(op, resp, err, modelarts.ParseShowInstanceTokenResponse)
	if err != nil {
		return secret.Value{}, err
	}
	if parsed.JSON200 == nil {
		return secret.Value{}, unusable(op, parsed.HTTPResponse, ErrUnexpectedContentType)
	}
	if parsed.JSON200.Token == nil || *parsed.JSON200.Token == "" {
		return secret.Value{}, unusable(op, parsed.HTTPResponse, errors.New("no token in the body"))
	}
	return secret.New(*parsed.JSON200.Token), nil
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
	if err := CheckResponse(resp); err != nil {
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
