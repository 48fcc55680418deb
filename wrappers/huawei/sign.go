package huawei

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/docapi/docapi/wrappers/retry"
)

// Signing constants as in the official SDK (huaweicloud-sdk-go-v3
// core/auth/signer/signer.go).
const (
	SigningAlgorithm = "SDK-HMAC-SHA256"
	// DateFormat is the layout of X-Sdk-Date, always UTC.
	DateFormat = "20060102T150405Z"

	HeaderDate          = "X-Sdk-Date"
	HeaderSecurityToken = "X-Security-Token"
	HeaderProjectID     = "X-Project-Id"
	// HeaderContentSHA256, when set by the caller, replaces the body hash in
	// the canonical request (e.g. "UNSIGNED-PAYLOAD" for streamed uploads).
	HeaderContentSHA256 = "X-Sdk-Content-Sha256"
)

// DefaultMaxSignedBody bounds the body SigningTransport reads into memory to
// hash it.
const DefaultMaxSignedBody = 32 << 20

// Sign signs req for Huawei Cloud's API gateway with SDK-HMAC-SHA256, the
// algorithm of the official SDKs. body must be exactly the bytes that will be
// sent; Sign does not read req.Body.
//
// Sign sets X-Sdk-Date (from now), X-Security-Token and X-Project-Id (when
// cred has them) and Authorization, replacing any earlier values, and
// rewrites req.URL.RawQuery into the canonical form that was signed so that
// the query on the wire is byte-for-byte the signed one.
//
// Signed headers are host plus every header present on req except
// Content-Type and names containing "_", as the Go SDK does; the Go SDK omits
// host, the Node.js SDK and the API Gateway SDK sign it, and the gateway
// accepts either because the list travels in SignedHeaders.
func Sign(req *http.Request, body []byte, cred Credentials, now time.Time) error {
	if err := cred.Validate(); err != nil {
		return err
	}
	if req.URL == nil {
		return errors.New("huawei: sign: request has no URL")
	}
	query, err := url.ParseQuery(req.URL.RawQuery)
	if err != nil {
		return fmt.Errorf("huawei: sign: query of %s %s cannot be canonicalised: %w", req.Method, req.URL.Redacted(), err)
	}
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Del("Authorization")
	date := now.UTC().Format(DateFormat)
	req.Header.Set(HeaderDate, date)
	if !cred.SecurityToken.IsZero() {
		req.Header.Set(HeaderSecurityToken, cred.SecurityToken.Reveal())
	}
	if cred.ProjectID != "" {
		req.Header.Set(HeaderProjectID, cred.ProjectID)
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}

	headers := signedHeaderValues(req.Header, host)
	payloadHash := req.Header.Get(HeaderContentSHA256)
	if payloadHash == "" {
		sum := sha256.Sum256(body)
		payloadHash = hex.EncodeToString(sum[:])
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	canonicalQuery := canonicalQueryString(query)
	req.URL.RawQuery = canonicalQuery
	cr, signed := canonicalRequest(method, req.URL.EscapedPath(), canonicalQuery, headers, payloadHash)
	sig := signature(cred.SecretKey.Reveal(), date, cr)
	req.Header.Set("Authorization", fmt.Sprintf("%s Access=%s, SignedHeaders=%s, Signature=%s",
		SigningAlgorithm, cred.AccessKey, signed, sig))
	return nil
}

// signedHeaderValues selects the headers to sign, keyed by lowercase name.
func signedHeaderValues(h http.Header, host string) map[string][]string {
	out := map[string][]string{"host": {host}}
	for name, values := range h {
		lower := strings.ToLower(name)
		switch {
		case strings.HasPrefix(lower, "content-type"), strings.Contains(lower, "_"),
			lower == "authorization", lower == "host":
			continue
		}
		out[lower] = append(out[lower], values...)
	}
	return out
}

// canonicalRequest builds the SDK's canonical request from the escaped path,
// the already canonical query, the headers to sign (lowercase names) and the
// hex payload hash. It returns the request and the SignedHeaders value.
func canonicalRequest(method, escapedPath, canonicalQuery string, headers map[string][]string, payloadHash string) (string, string) {
	names := make([]string, 0, len(headers))
	for name := range headers {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(method)
	b.WriteByte('\n')
	b.WriteString(canonicalURI(escapedPath))
	b.WriteByte('\n')
	b.WriteString(canonicalQuery)
	b.WriteByte('\n')
	for _, name := range names {
		values := append([]string(nil), headers[name]...)
		sort.Strings(values)
		// One line per value, not comma-joined: the SDK's canonicalHeaders.
		for _, v := range values {
			b.WriteString(name)
			b.WriteByte(':')
			b.WriteString(strings.TrimSpace(v))
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
	signed := strings.Join(names, ";")
	b.WriteString(signed)
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String(), signed
}

// signature is hex(HMAC-SHA256(sk, string to sign)).
func signature(secretKey, date, canonicalRequest string) string {
	crHash := sha256.Sum256([]byte(canonicalRequest))
	stringToSign := SigningAlgorithm + "\n" + date + "\n" + hex.EncodeToString(crHash[:])
	mac := hmac.New(sha256.New, []byte(secretKey))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// canonicalURI escapes each path segment with the SDK's escaping and ends the
// path with "/". Segments are taken from the escaped path and unescaped one
// by one, so an encoded "/" inside a path parameter stays inside its segment
// (the SDK splits the unescaped path; the two agree whenever no parameter
// contains "/").
func canonicalURI(escapedPath string) string {
	segments := strings.Split(escapedPath, "/")
	for i, s := range segments {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		segments[i] = escape(s)
	}
	p := strings.Join(segments, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// canonicalQueryString sorts keys and, within a key, values, escaping both.
func canonicalQueryString(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		values := append([]string(nil), q[k]...)
		sort.Strings(values)
		for _, v := range values {
			parts = append(parts, escape(k)+"="+escape(v))
		}
	}
	return strings.Join(parts, "&")
}

// escape percent-encodes every byte except A-Z a-z 0-9 - _ . ~ with
// upper-case hex, as the SDK's escape does (RFC 3986 unreserved set).
func escape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// SigningTransport is an http.RoundTripper that signs every request it sends.
// It signs a clone, never the caller's request, and reads the body into
// memory (up to MaxBodyBytes) because the signature covers its hash.
//
// Put retry.Transport outside it so that each retry is signed anew.
type SigningTransport struct {
	// Base sends the signed request; nil means http.DefaultTransport.
	Base http.RoundTripper
	// Credentials is asked for credentials on every request; a plain
	// Credentials value works. Its errors are marked retry.Permanent: a
	// provider that fetches credentials retries on its own.
	Credentials CredentialsProvider
	// Now defaults to time.Now.
	Now func() time.Time
	// MaxBodyBytes bounds the body read for hashing; zero means
	// DefaultMaxSignedBody.
	MaxBodyBytes int64
}

// RoundTrip implements http.RoundTripper.
func (t *SigningTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := t.readBody(req)
	if err != nil {
		return nil, err
	}
	if t.Credentials == nil {
		return nil, errors.New("huawei: SigningTransport has no Credentials")
	}
	cred, err := t.Credentials.Retrieve(req.Context())
	if err != nil {
		// Like a failed token fetch: a provider retries on its own, and
		// retry.Transport around this one must not multiply its attempts.
		return nil, retry.Permanent(fmt.Errorf("huawei: retrieving credentials: %w", err))
	}
	signed := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		signed.Body = io.NopCloser(bytes.NewReader(body))
		signed.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		signed.ContentLength = int64(len(body))
	}
	now := time.Now
	if t.Now != nil {
		now = t.Now
	}
	if err := Sign(signed, body, cred, now()); err != nil {
		return nil, err
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(signed)
}

// readBody reads and closes req.Body (the RoundTripper contract has us close
// it on every path).
func (t *SigningTransport) readBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	limit := t.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxSignedBody
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("huawei: reading request body to sign: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("huawei: request body exceeds %d bytes, too large to sign in memory", limit)
	}
	return body, nil
}
