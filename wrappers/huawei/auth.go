package huawei

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/docapi/docapi/wrappers/internal/bounded"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// HeaderAuthToken carries an IAM token to a service (the specs' XAuthToken
// security scheme).
const HeaderAuthToken = "X-Auth-Token"

// TokenTransport is an http.RoundTripper that puts a token from Tokens into
// X-Auth-Token on every request it sends. It works on a clone, never on the
// caller's request.
//
// A redirect (when the http.Client follows them) to another scheme or host
// is sent without the token, and without any credential header the caller
// set. Error answers are scrubbed of the token before anyone reads them.
//
// When the service answers 401 it invalidates the token and, if the request
// can be sent again (no body, or GetBody set), gets a new one and retries
// exactly once. Put retry.Transport outside it, so that each retry attempt
// asks for a token again:
//
//	&retry.Transport{Base: &huawei.TokenTransport{Base: http.DefaultTransport, Tokens: src}}
type TokenTransport struct {
	// Base sends the request; nil means http.DefaultTransport.
	Base   http.RoundTripper
	Tokens TokenSource
}

// RoundTrip implements http.RoundTripper.
func (t *TokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if redirectedElsewhere(req) {
		return base.RoundTrip(withoutCredentials(req))
	}
	if t.Tokens == nil {
		closeRequestBody(req)
		return nil, errors.New("huawei: TokenTransport has no Tokens")
	}
	ctx := req.Context()
	tok, err := t.Tokens.Token(ctx)
	if err != nil {
		closeRequestBody(req)
		// The token source's own client already retried; retrying the
		// service call would multiply IAM requests.
		return nil, retry.Permanent(err)
	}
	sent := withToken(req, req.Body, tok)
	resp, err := base.RoundTrip(sent)
	if err != nil {
		return nil, err
	}
	redactErrorResponse(resp, sent)
	if resp.StatusCode != http.StatusUnauthorized {
		return resp, nil
	}
	// The token was rejected: the next call must not use it, whether or not
	// this one can be sent again.
	t.Tokens.Invalidate(tok)
	hasBody := req.Body != nil && req.Body != http.NoBody
	if hasBody && req.GetBody == nil {
		return resp, nil // the body is gone; let the caller see the 401
	}
	fresh, err := t.Tokens.Token(ctx)
	if err != nil {
		bounded.Discard(resp.Body)
		return nil, retry.Permanent(err)
	}
	if fresh.Value.Reveal() == tok.Value.Reveal() {
		return resp, nil // the source has nothing better to offer
	}
	body := req.Body
	if hasBody {
		if body, err = req.GetBody(); err != nil {
			bounded.Discard(resp.Body)
			return nil, fmt.Errorf("huawei: rewinding request body after 401: %w", err)
		}
	}
	bounded.Discard(resp.Body)
	sent = withToken(req, body, fresh)
	resp, err = base.RoundTrip(sent)
	if err != nil {
		return nil, err
	}
	redactErrorResponse(resp, sent, tok.Value)
	return resp, nil
}

func withToken(req *http.Request, body io.ReadCloser, tok Token) *http.Request {
	r := req.Clone(req.Context())
	r.Body = body
	r.Header.Set(HeaderAuthToken, tok.Value.Reveal())
	return r
}

func closeRequestBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

// DefaultMaxResponseBody bounds a response body read into memory.
const DefaultMaxResponseBody = 10 << 20

var (
	// ErrResponseTooLarge is returned while reading a response body longer
	// than the client's limit (Config.MaxResponseBody).
	ErrResponseTooLarge = errors.New("huawei: response body too large")
	// ErrUnexpectedContentType reports a success response that is not JSON.
	ErrUnexpectedContentType = errors.New("huawei: response is not JSON")
)

// ResponseError reports a response that arrived but cannot be used: too
// large, not JSON, malformed JSON, or missing what the operation promises.
// Non-2xx answers are *APIError instead.
type ResponseError struct {
	// Op names the operation, e.g. "csms ListResourceInstances".
	Op string
	// StatusCode and ContentType are zero when the response was consumed
	// before the failure could be attributed to it.
	StatusCode  int
	ContentType string
	Err         error
}

func (e *ResponseError) Error() string {
	s := "huawei: " + e.Op + ": unusable response"
	if e.StatusCode != 0 {
		s += fmt.Sprintf(" (HTTP %d, Content-Type %q)", e.StatusCode, e.ContentType)
	}
	return s + ": " + e.Err.Error()
}

func (e *ResponseError) Unwrap() error { return e.Err }

// callError classifies an error from a generated client call. http.Client
// reports every failure to get a response as *url.Error (transport, context,
// a token that could not be had); anything else arose while reading or
// decoding a response and becomes a *ResponseError.
func callError(op string, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return fmt.Errorf("huawei: %s: %w", op, err)
	}
	return &ResponseError{Op: op, Err: err}
}

// limitBodyTransport makes every response body fail with
// ErrResponseTooLarge past max bytes, since generated clients read bodies
// whole.
type limitBodyTransport struct {
	base http.RoundTripper
	max  int64
}

func (t limitBodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = bounded.Body(resp.Body, t.max, func() error { return ErrResponseTooLarge })
	return resp, nil
}

// credentialHeaders are the request headers that carry credentials.
var credentialHeaders = [...]string{HeaderAuthToken, HeaderSecurityToken, "Authorization", "Cookie"}

// redirectedElsewhere reports whether req follows a redirect away from the
// scheme and host of the request that started the chain. It is stricter
// than net/http, which sends Authorization on to subdomains and from https
// to http: a token or signature is good for the whole account.
//
// A redirect whose origin cannot be traced (a base transport that leaves
// Response.Request unset) counts as elsewhere.
func redirectedElsewhere(req *http.Request) bool {
	if req.Response == nil {
		return false
	}
	first := req
	for first.Response != nil {
		prev := first.Response.Request
		if prev == nil || prev.URL == nil || req.URL == nil {
			return true
		}
		first = prev
	}
	return !strings.EqualFold(first.URL.Scheme, req.URL.Scheme) || !strings.EqualFold(first.URL.Host, req.URL.Host)
}

// withoutCredentials returns a clone of req with no credential header.
func withoutCredentials(req *http.Request) *http.Request {
	r := req.Clone(req.Context())
	r.Body = req.Body
	for _, h := range credentialHeaders {
		r.Header.Del(h)
	}
	return r
}

// redactErrorResponse scrubs an error answer (non-2xx) of the credentials
// that sent carried (its credential headers, the signature on its own) and
// of extra, before any error type reads it: a gateway or IAM may echo the
// request into its error message. Only the first MaxErrorBody bytes are
// scrubbed, all an *APIError ever reads. Success bodies are the caller's
// data and are left alone.
func redactErrorResponse(resp *http.Response, sent *http.Request, extra ...secret.Value) {
	if resp == nil || resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return
	}
	values := append([]secret.Value(nil), extra...)
	if sent != nil {
		for _, h := range credentialHeaders {
			for _, v := range sent.Header.Values(h) {
				values = append(values, secret.New(v))
				if _, sig, ok := strings.Cut(v, "Signature="); ok {
					values = append(values, secret.New(sig))
				}
			}
		}
	}
	if len(values) == 0 {
		return
	}
	for _, vs := range resp.Header {
		for i, v := range vs {
			vs[i] = secret.Scrub(v, values...)
		}
	}
	if resp.Body == nil || resp.Body == http.NoBody {
		return
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, MaxErrorBody))
	scrubbed := secret.ScrubBytes(head, values...)
	var tail io.Reader = resp.Body
	if err != nil {
		tail = errReader{err}
	}
	if len(scrubbed) != len(head) {
		resp.ContentLength = -1
		resp.Header.Del("Content-Length")
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(scrubbed), tail), resp.Body}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
