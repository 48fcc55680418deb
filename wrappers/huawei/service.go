package huawei

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/docapi/docapi/wrappers/internal/bounded"
	"github.com/docapi/docapi/wrappers/internal/decode"
	"github.com/docapi/docapi/wrappers/retry"
)

// Service is what a generated client knows about its service, taken from
// its spec (each generated package exports one as Service).
type Service struct {
	// Name is the service's short name, used in errors ("vpc").
	Name string
	// Server is the spec's server URL, with a {region} variable for
	// regional endpoints: "https://vpc.{region}.myhuaweicloud.com".
	Server string
}

// Operation is what a generated client knows about one operation, taken
// from the spec; the generated code declares one per operation.
type Operation struct {
	Service string // Service.Name
	Name    string // the operationId
	Method  string
	Path    string
	// Idempotent reports that the call may be repeated: GET, HEAD, PUT and
	// DELETE always, POST when the spec says x-docapi-idempotent: true.
	// Only idempotent calls are retried.
	Idempotent bool
	// Auth reports that the spec asks for authentication.
	Auth bool
	// Project and Domain report that the path takes {project_id} or
	// {domain_id}, filled in from the Config.
	Project, Domain bool
	// StrictStatus reports that the spec documents more than one 2xx with a
	// body, so Decode takes only the status it is given. Otherwise, as the
	// official SDK does, any 2xx's JSON body decodes into the one body the
	// spec documents (201 where the page says 200: the call has happened).
	StrictStatus bool
}

func (op *Operation) String() string { return op.Service + " " + op.Name }

// IDs are the path values a Client fills in for every operation.
type IDs struct {
	Project string
	Domain  string
}

// Client is a Config applied to one Service: the server URL, the HTTP
// client (auth, retries, size limit) and the ids filled into paths. The
// generated clients call it; it also serves oapi-codegen's raw clients:
//
//	c, _ := huawei.NewClient(cfg, vpcapi.Service)
//	raw, _ := vpc.NewClientWithResponses(c.Server(), vpc.WithHTTPClient(c.HTTPClient()))
//
// A Client is safe for concurrent use.
type Client struct {
	service Service
	server  string
	hc      *http.Client
	ids     IDs
	hasAuth bool
	// unmarshal decodes response bodies (Config.Unmarshal).
	unmarshal func([]byte, any) error
	// creds name the project when Config.ProjectID does not.
	creds CredentialsProvider
	// maxBody bounds response bodies (Config.MaxResponseBody).
	maxBody int64
}

// NewClient applies cfg to svc.
func NewClient(cfg Config, svc Service) (*Client, error) {
	server, err := cfg.server(svc)
	if err != nil {
		return nil, err
	}
	hc, err := cfg.httpClient()
	if err != nil {
		return nil, err
	}
	if cfg.Unmarshal == nil {
		cfg.Unmarshal = decode.Unmarshal
	}
	return &Client{
		service:   svc,
		server:    server,
		hc:        hc,
		ids:       IDs{Project: cfg.projectID(), Domain: cfg.DomainID},
		hasAuth:   cfg.Tokens != nil || cfg.Credentials != nil,
		unmarshal: cfg.Unmarshal,
		creds:     cfg.Credentials,
		maxBody:   orDefault64(cfg.MaxResponseBody, DefaultMaxResponseBody),
	}, nil
}

// Server is the base URL requests go to.
func (c *Client) Server() string { return c.server }

// IDs are the project and domain ids filled into paths (a project only a
// credentials provider names is asked for at each call, and is not here).
func (c *Client) IDs() IDs { return c.ids }

// HTTPClient authenticates, retries and bounds every request.
func (c *Client) HTTPClient() *http.Client { return c.hc }

// Do builds op's request with build, sends it and returns a 2xx response
// for the caller to decode; a non-2xx answer is an *APIError, a failure to
// get an answer an error naming op. Only idempotent operations are retried.
func (c *Client) Do(ctx context.Context, op *Operation, build func(server string, ids IDs) (*http.Request, error)) (*http.Response, error) {
	if op.Auth && !c.hasAuth {
		return nil, fmt.Errorf("huawei: %s: needs authentication: set Config.Tokens or Config.Credentials", op)
	}
	ids := c.ids
	if op.Project && ids.Project == "" && c.creds != nil {
		// A provider (environment, credentials file, metadata service)
		// may name the project; a cache makes asking cheap.
		cred, err := c.creds.Retrieve(ctx)
		if err != nil {
			return nil, fmt.Errorf("huawei: %s: path needs {project_id}: retrieving credentials: %w", op, err)
		}
		ids.Project = cred.ProjectID
	}
	if op.Project && ids.Project == "" {
		return nil, fmt.Errorf("huawei: %s: path needs {project_id}: Config.ProjectID is empty and the credentials name no project", op)
	}
	if op.Domain && c.ids.Domain == "" {
		return nil, fmt.Errorf("huawei: %s: path needs {domain_id}: Config.DomainID is empty", op)
	}
	req, err := build(c.server, ids)
	if err != nil {
		return nil, fmt.Errorf("huawei: %s: building the request: %w", op, err)
	}
	if op.Idempotent {
		ctx = retry.MarkIdempotent(ctx)
	}
	resp, err := c.hc.Do(req.WithContext(ctx))
	if err != nil {
		return nil, callError(op.String(), err)
	}
	if err := checkOp(op.String(), resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// ErrUnexpectedStatus reports a 2xx answer whose status the spec does not
// document with a body, for an operation that documents several
// (Operation.StrictStatus).
var ErrUnexpectedStatus = errors.New("huawei: undocumented success status")

// Decode reads the body of a 2xx response Do returned and decodes it into
// out, the operation's typed body documented for status, with
// Config.Unmarshal; another 2xx's JSON body decodes into out too, unless
// op.StrictStatus. The body is closed. An unusable answer is a
// *ResponseError: a body that cannot be read, is not JSON (an empty one
// included), is under a status other than status when op.StrictStatus, or
// does not decode into out.
func (c *Client) Decode(op *Operation, resp *http.Response, status int, out any) error {
	body, err := c.readBody(resp)
	if err != nil {
		return unusable(op.String(), resp, err)
	}
	if !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		return unusable(op.String(), resp, ErrUnexpectedContentType)
	}
	if resp.StatusCode != status && op.StrictStatus {
		return unusable(op.String(), resp, fmt.Errorf("%w: no JSON body documented for HTTP %d", ErrUnexpectedStatus, resp.StatusCode))
	}
	if err := c.unmarshal(body, out); err != nil {
		return unusable(op.String(), resp, err)
	}
	return nil
}

// NoResult ends an operation that documents no JSON body: the body is read
// (bounded) and dropped so the connection can be reused.
func (c *Client) NoResult(op *Operation, resp *http.Response) error {
	if _, err := c.readBody(resp); err != nil {
		return unusable(op.String(), resp, err)
	}
	return nil
}

// File ends an operation whose answer is a file (application/octet-stream):
// it returns the body's bytes, which Config's response limit bounds (raise
// it for large downloads). The body is closed; one that cannot be read is
// a *ResponseError.
func (c *Client) File(op *Operation, resp *http.Response) ([]byte, error) {
	body, err := c.readBody(resp)
	if err != nil {
		return nil, unusable(op.String(), resp, err)
	}
	return body, nil
}

// readBody reads and closes resp.Body, which limitBodyTransport bounds; a
// Content-Length over the bound sets aside no more than the bound.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	return bounded.ReadAll(resp.Body, min(resp.ContentLength, c.maxBody))
}
