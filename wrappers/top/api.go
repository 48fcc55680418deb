package top

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/docapi/docapi/wrappers/retry"
)

// Operation is what a generated client (generated/top/topapi) knows about
// one TOP API, from the spec.
type Operation struct {
	Name   string // the operationId
	Method string // the API method, e.g. taobao.item.seller.get
	// Idempotent reports that the spec marks the call safe to repeat
	// (x-docapi-idempotent); only such calls are retried.
	Idempotent bool
}

// Client makes TOP calls over a Transport; the generated clients
// (generated/top/topapi) put a typed method per API on top of it.
type Client struct {
	hc *http.Client
	tr *Transport
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

// WithRetry retries failed attempts with rt's policy: 429, 5xx, broken
// connections and TOP's throttling errors (sent with HTTP 200; see
// RetryClassifier, used when rt.Classify is nil). rt.Base is replaced by the
// signing Transport, so every attempt is signed afresh. TOP calls are POST,
// so only the calls the spec marks idempotent are retried. Unless rt.Budget
// is set, the client gets its own retry.NewBudget(0).
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
		if r.Classify == nil {
			r.Classify = RetryClassifier
		}
		if r.Budget == nil {
			r.Budget = retry.NewBudget(0)
		}
		rt = &r
	}
	return &Client{hc: &http.Client{Transport: rt}, tr: tr}, nil
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

// Call sends params (a generated request type; encoded by EncodeParams, so
// objects travel as JSON in one field) to op's API and decodes the
// successful envelope into out. A TOP error_response comes back as an
// *Error, a non-200 answer as a *StatusError, an answer out cannot hold as
// a *ResponseError.
func (c *Client) Call(ctx context.Context, op *Operation, params, out any) error {
	if ctx == nil {
		return fmt.Errorf("top: %s: nil Context", op.Method)
	}
	ps, err := encodeParams(params)
	if err != nil {
		return err
	}
	if op.Idempotent {
		ctx = retry.MarkIdempotent(ctx)
	}
	// The Transport sends to the gateway and reads the API from the
	// fragment; the parameters travel as they are (paramBody), so nothing
	// is encoded, parsed or read twice on the way.
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "", &paramBody{params: ps})
	if err != nil {
		return fmt.Errorf("top: %s: %w", op.Method, err)
	}
	*req.URL = *c.tr.gateway
	req.URL.Fragment = op.Method
	req.Host = req.URL.Host
	req.Header["Content-Type"] = []string{"application/x-www-form-urlencoded"}
	req.GetBody = func() (io.ReadCloser, error) { return &paramBody{params: ps}, nil }
	resp, err := c.hc.Do(req)
	if err != nil {
		return callError(op.Method, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, resp.Body) // bounded by the Transport
		return &StatusError{Method: op.Method, StatusCode: resp.StatusCode}
	}
	var raw []byte
	validated := false
	if eb, ok := resp.Body.(*envelopeBody); ok {
		raw, validated = eb.raw, eb.validated
	} else if raw, err = io.ReadAll(resp.Body); err != nil {
		return callError(op.Method, err)
	}
	if err := c.tr.cfg.Unmarshal(raw, out); err != nil {
		if !validated {
			// The Transport only looked at the envelope's shape; describe
			// the body as its full check would have.
			if _, uerr := UnwrapResponse(op.Method, raw); uerr != nil {
				return uerr
			}
		}
		return &ResponseError{Method: op.Method, Err: describeDecodeError(err)}
	}
	return nil
}

// Missing reports a successful envelope without the API's response member.
func (c *Client) Missing(op *Operation) error {
	return &ResponseError{Method: op.Method, Err: fmt.Errorf("%w: no member %q", ErrMalformedResponse, ResponseKey(op.Method))}
}

// callError returns a TOP *Error or *ResponseError as it is and wraps
// anything else.
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
	return fmt.Errorf("top: %s: %w", method, err)
}

// describeDecodeError describes a body that does not fit the generated
// types by position and field, never by value: json's own messages quote
// numbers, and a number where a string belongs may be a credential.
func describeDecodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Errorf("%w: field %q is not a %s", ErrMalformedResponse, typeErr.Field, typeErr.Type)
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Errorf("%w: malformed JSON at offset %d", ErrMalformedResponse, syntaxErr.Offset)
	}
	return fmt.Errorf("%w: does not match the documented shape", ErrMalformedResponse)
}

// banSeconds reads the ban TOP announces with a throttling error ("This ban
// will last for 3 more seconds").
var banSeconds = regexp.MustCompile(`ban will last for (\d{1,6}) more seconds`)

// IsThrottled reports TOP's throttling errors: code 7 (App Call Limited)
// and the call-limited and access-limited sub-codes.
func (e *Error) IsThrottled() bool {
	sub := strings.ToLower(e.SubCode)
	return e.Code == "7" || strings.Contains(sub, "call-limited") || strings.Contains(sub, "limited-by") ||
		strings.Contains(sub, "access-control-limit")
}

// RetryClassifier is retry.DefaultClassifier plus TOP's throttling errors,
// which arrive with HTTP 200; the ban TOP announces is the pause's floor.
func RetryClassifier(resp *http.Response, err error) retry.Verdict {
	var te *Error
	if errors.As(err, &te) {
		if !te.IsThrottled() {
			return retry.Verdict{}
		}
		v := retry.Verdict{Retry: true}
		if m := banSeconds.FindStringSubmatch(te.Msg + " " + te.SubMsg); m != nil {
			n, _ := strconv.Atoi(m[1])
			v.After = time.Duration(n) * time.Second
		}
		return v
	}
	return retry.DefaultClassifier(resp, err)
}
