package top

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/wrappers/retry"
)

// Client makes typed TOP calls through the generated client
// (github.com/docapi/docapi/generated/top) over a Transport.
type Client struct {
	api   *gentop.ClientWithResponses
	tr    *Transport
	retry bool
}

// Option configures NewClient.
type Option func(*clientOptions)

type clientOptions struct {
	base  http.RoundTripper
	retry *retry.Transport
}

// WithBaseTransport sends through rt instead of http.DefaultTransport.
func WithBaseTransport(rt http.RoundTripper) Option {
	return func(o *clientOptions) { o.base = rt }
}

// WithRetry retries failed attempts (429, 5xx, broken connections) with rt's
// policy; rt.Base is replaced by the signing Transport, so every attempt is
// signed afresh. TOP calls are POST, which retry.Transport repeats only under
// retry.MarkIdempotent: Client marks the calls that are safe to repeat
// (SecurityTokenGet) and no others. TOP reports most failures (throttling
// included) as an error_response with HTTP 200; those are not retried.
func WithRetry(rt retry.Transport) Option {
	return func(o *clientOptions) { o.retry = &rt }
}

// NewClient checks cfg and returns a Client. Requests go to cfg.Gateway
// (default DefaultGateway), composed as retry (if any) → signing Transport →
// base transport.
func NewClient(cfg Config, opts ...Option) (*Client, error) {
	var o clientOptions
	for _, opt := range opts {
		opt(&o)
	}
	tr, err := NewTransport(cfg, o.base)
	if err != nil {
		return nil, err
	}
	var rt http.RoundTripper = tr
	if o.retry != nil {
		r := *o.retry
		r.Base = tr
		rt = &r
	}
	// The generated client needs a server URL; Transport replaces it with
	// the gateway and keeps only the "#<api method>" fragment.
	server := tr.gateway.Scheme + "://" + tr.gateway.Host
	api, err := gentop.NewClientWithResponses(server, gentop.WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		return nil, fmt.Errorf("top: %w", err)
	}
	return &Client{api: api, tr: tr, retry: o.retry != nil}, nil
}

// Format prints only non-secret settings (see Transport.Format).
func (c Client) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "top.Client{%v}", c.tr)
}

// StatusError is an answer with an HTTP status other than 200; TOP itself
// answers 200 even for errors, so this comes from a proxy or load balancer.
// The body is left out: it is not TOP's and may echo the request.
type StatusError struct {
	Method     string
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("top: %s: HTTP %d %s", e.Method, e.StatusCode, http.StatusText(e.StatusCode))
}

const securityTokenGet = "alibaba.security.deepvision.proxy.security.common.token.get"

// SecurityTokenGet calls alibaba.security.deepvision.proxy.security.common.token.get
// (获取Security Token) and returns its result. A TOP error_response comes
// back as an *Error, a non-200 answer as a *StatusError. The call is
// read-only, so WithRetry repeats it.
func (c *Client) SecurityTokenGet(ctx context.Context, params gentop.SecurityTokenQueryParam) (*gentop.SecurityTokenCredential, error) {
	const method = securityTokenGet
	form, err := EncodeParams(gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &params})
	if err != nil {
		return nil, err
	}
	if c.retry {
		ctx = retry.MarkIdempotent(ctx)
	}
	resp, err := c.api.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetWithBodyWithResponse(ctx,
		"application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, callError(method, err)
	}
	if resp.StatusCode() != http.StatusOK {
		return nil, &StatusError{Method: method, StatusCode: resp.StatusCode()}
	}
	if resp.JSON200 == nil {
		return nil, &ResponseError{Method: method, Err: fmt.Errorf("%w: not decoded (Content-Type %q)", ErrMalformedResponse, resp.ContentType())}
	}
	r := resp.JSON200.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse
	if r.Result == nil {
		return nil, &ResponseError{Method: method, Err: fmt.Errorf("%w: no result (%s)", ErrMalformedResponse, c.outcome(r.RespCode, r.RespSuccess, r.Message))}
	}
	return r.Result, nil
}

// callError returns a TOP *Error as it is and wraps anything else. A body
// that does not fit the generated types is described by position and
// field, never by value: json's own messages quote numbers, and a number
// where a string belongs may be a credential.
func callError(method string, err error) error {
	var te *Error
	if errors.As(err, &te) {
		return te
	}
	var re *ResponseError
	if errors.As(err, &re) {
		return re
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se
	}
	var ue *url.Error
	if errors.As(err, &ue) && strings.HasPrefix(ue.Err.Error(), "top: ") {
		return ue.Err // the Transport's own error, already naming the method
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return &ResponseError{Method: method, Err: fmt.Errorf("%w: field %q is not a %s", ErrMalformedResponse, typeErr.Field, typeErr.Type)}
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return &ResponseError{Method: method, Err: fmt.Errorf("%w: malformed JSON at offset %d", ErrMalformedResponse, syntaxErr.Offset)}
	}
	return fmt.Errorf("top: %s: %w", method, err)
}

// outcome describes a result-less answer by its documented status members.
func (c *Client) outcome(code *int64, success *bool, msg *string) string {
	var parts []string
	if code != nil {
		parts = append(parts, fmt.Sprintf("resp_code=%d", *code))
	}
	if success != nil {
		parts = append(parts, fmt.Sprintf("resp_success=%t", *success))
	}
	if msg != nil {
		m := c.tr.redact(*msg)
		if len(m) > 200 {
			m = strings.ToValidUTF8(m[:200], "") + "..."
		}
		parts = append(parts, fmt.Sprintf("message=%q", m))
	}
	if len(parts) == 0 {
		return "no status members"
	}
	return strings.Join(parts, ", ")
}
