package huawei

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/docapi/docapi/wrappers/internal/bounded"
	"github.com/docapi/docapi/wrappers/retry"
)

// Algorithm names one of the API gateway signing algorithms the official
// SDKs offer (huaweicloud-sdk-go-v3 core/auth/signer).
type Algorithm string

const (
	// AlgorithmHMACSHA256 is SDK-HMAC-SHA256, the SDKs' default.
	AlgorithmHMACSHA256 Algorithm = "SDK-HMAC-SHA256"
	// AlgorithmHMACSM3 is SDK-HMAC-SM3: the same canonical request hashed
	// and MACed with SM3 (GB/T 32905-2016) instead of SHA-256.
	AlgorithmHMACSM3 Algorithm = "SDK-HMAC-SM3"
	// AlgorithmDerived is V11-HMAC-SHA256, derived signing: the signing
	// key is HKDF-SHA256 of the secret key for one day, region and
	// service, so a leaked signing key is worth little.
	AlgorithmDerived Algorithm = "V11-HMAC-SHA256"
)

// Signing constants as in the official SDK (huaweicloud-sdk-go-v3
// core/auth/signer/signer.go).
const (
	// DateFormat is the layout of X-Sdk-Date, always UTC.
	DateFormat = "20060102T150405Z"
	// derivedDateFormat is the day in a V11-HMAC-SHA256 credential scope.
	derivedDateFormat = "20060102"

	HeaderDate          = "X-Sdk-Date"
	HeaderSecurityToken = "X-Security-Token"
	HeaderProjectID     = "X-Project-Id"
	// HeaderContentSHA256, when set by the caller, replaces the body hash in
	// the canonical request (e.g. "UNSIGNED-PAYLOAD" for streamed uploads)
	// for SDK-HMAC-SHA256 and V11-HMAC-SHA256.
	HeaderContentSHA256 = "X-Sdk-Content-Sha256"
	// HeaderContentSM3 does the same for SDK-HMAC-SM3.
	HeaderContentSM3 = "X-Sdk-Content-Sm3"
)

// DefaultMaxSignedBody bounds the body SigningTransport reads into memory to
// hash it.
const DefaultMaxSignedBody = 32 << 20

// Signer signs requests with one algorithm. The zero Signer signs with
// SDK-HMAC-SHA256.
type Signer struct {
	// Algorithm defaults to AlgorithmHMACSHA256.
	Algorithm Algorithm
	// Region ("cn-north-4") and Service (the derived auth service name,
	// e.g. "iam") scope a V11-HMAC-SHA256 signing key; they are required
	// for AlgorithmDerived and unused otherwise.
	Region, Service string
	// SM3 is the SM3 hash (GB/T 32905-2016) that AlgorithmHMACSM3 needs,
	// for example github.com/emmansun/gmsm/sm3.Sum. It is the caller's so
	// that programs that never sign with SM3 do not carry an SM3
	// implementation (60 KB).
	SM3 func([]byte) [32]byte
}

// Sign signs req for Huawei Cloud's API gateway with SDK-HMAC-SHA256, the
// default algorithm of the official SDKs: Signer{}.Sign.
func Sign(req *http.Request, body []byte, cred Credentials, now time.Time) error {
	return Signer{}.Sign(req, body, cred, now)
}

// Sign signs req. body must be exactly the bytes that will be sent; Sign
// does not read req.Body. It is a pure function of its arguments.
//
// Sign sets X-Sdk-Date (from now), X-Security-Token and X-Project-Id (when
// cred has them) and Authorization, replacing any earlier values, and
// rewrites req.URL.RawQuery into the canonical form that was signed so that
// the query on the wire is byte-for-byte the signed one.
//
// Signed headers are host plus every header present on req except
// Content-Type, names containing "_" (as the Go SDK does), and the ones
// net/http writes itself rather than from req.Header (Content-Length,
// Transfer-Encoding, Trailer): signing those would sign a value the wire may
// not carry. The Go SDK omits host, the Node.js SDK and the API Gateway SDK
// sign it, and the gateway accepts either because the list travels in
// SignedHeaders.
//
// The path is signed decoded, then split at "/", as the official signers
// do: an escaped "/" (%2F) inside a segment is signed as a separator.
func (s Signer) Sign(req *http.Request, body []byte, cred Credentials, now time.Time) error {
	alg := s.Algorithm
	if alg == "" {
		alg = AlgorithmHMACSHA256
	}
	contentHeader := HeaderContentSHA256
	switch alg {
	case AlgorithmHMACSHA256:
	case AlgorithmHMACSM3:
		if s.SM3 == nil {
			return errors.New("huawei: sign: SDK-HMAC-SM3 needs Signer.SM3 (for example github.com/emmansun/gmsm/sm3.Sum)")
		}
		contentHeader = HeaderContentSM3
	case AlgorithmDerived:
		if s.Region == "" || s.Service == "" {
			return errors.New("huawei: sign: V11-HMAC-SHA256 needs Signer.Region and Signer.Service")
		}
	default:
		return fmt.Errorf("huawei: sign: unknown signing algorithm %q", string(alg))
	}
	if err := cred.Validate(); err != nil {
		return err
	}
	if req.URL == nil {
		return errors.New("huawei: sign: request has no URL")
	}
	var pairArr [16]queryPair
	pairs, err := parseQuery(pairArr[:0], req.URL.RawQuery)
	if err != nil {
		return fmt.Errorf("huawei: sign: query of %s %s cannot be canonicalised: %w", req.Method, req.URL.Redacted(), err)
	}
	if req.Header == nil {
		req.Header = http.Header{}
	}
	h := req.Header
	delete(h, "Authorization")
	var dateArr [len(DateFormat)]byte
	dateBytes := appendDate(dateArr[:0], now)
	date := string(dateBytes)
	// One backing array for the values Sign sets; each slice is capped so
	// that appending to one cannot overwrite the next.
	set := make([]string, 4)
	set[0] = date
	h[HeaderDate] = set[0:1:1]
	if !cred.SecurityToken.IsZero() {
		set[1] = cred.SecurityToken.Reveal()
		h[HeaderSecurityToken] = set[1:2:2]
	}
	if cred.ProjectID != "" {
		set[2] = cred.ProjectID
		h[HeaderProjectID] = set[2:3:3]
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	var hdrArr [16]signedHeader
	var nameArr [256]byte
	headers := selectHeaders(nameArr[:0], hdrArr[:0], h, host)

	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	var crArr [1024]byte
	cr := crArr[:0]
	cr, offsets := appendCanonicalRequest(cr, method, req.URL.Path, pairs, &headers)
	if v := h[contentHeader]; len(v) > 0 {
		cr = append(cr, v[0]...)
	} else {
		var sum [32]byte
		if alg == AlgorithmHMACSM3 {
			sum = s.SM3(body)
		} else {
			sum = sha256.Sum256(body)
		}
		cr = hex.AppendEncode(cr, sum[:])
	}
	if q := cr[offsets.query[0]:offsets.query[1]]; req.URL.RawQuery != string(q) {
		req.URL.RawQuery = string(q)
	}
	scope := scope{day: dateBytes[:len(derivedDateFormat)], region: s.Region, service: s.Service}
	set[3] = s.authorization(alg, cr, date, scope, cr[offsets.signed[0]:offsets.signed[1]], cred.AccessKey, cred.SecretKey.Reveal())
	h["Authorization"] = set[3:4:4]
	return nil
}

// appendDate appends t in UTC as DateFormat does; time.Time.AppendFormat
// costs more than a tenth of a signature.
func appendDate(dst []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	if year < 0 || year > 9999 {
		return t.AppendFormat(dst, DateFormat)
	}
	dst = append(dst, byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10))
	for _, n := range [...]int{int(month), day} {
		dst = append(dst, byte('0'+n/10), byte('0'+n%10))
	}
	dst = append(dst, 'T')
	for _, n := range [...]int{hour, minute, sec} {
		dst = append(dst, byte('0'+n/10), byte('0'+n%10))
	}
	return append(dst, 'Z')
}

// queryPair is one decoded query parameter.
type queryPair struct{ key, value string }

// parseQuery decodes a raw query as url.ParseQuery does (same errors, empty
// parts skipped) into dst, sorted by key and then value: the canonical order.
func parseQuery(dst []queryPair, raw string) ([]queryPair, error) {
	var firstErr error
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if strings.Contains(part, ";") {
			firstErr = cmpOr(firstErr, errors.New("invalid semicolon separator in query"))
			continue
		}
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err := cmpOr(err1, err2); err != nil {
			firstErr = cmpOr(firstErr, err)
			continue
		}
		dst = append(dst, queryPair{k, v})
	}
	if firstErr != nil {
		return nil, firstErr
	}
	slices.SortFunc(dst, func(a, b queryPair) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	return dst, nil
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// headerList is the headers to sign, sorted by lowercase name. It holds
// offsets, not slices, into names so that Sign can keep both on its stack.
type headerList struct {
	names []byte // the lowercase names, back to back
	list  []signedHeader
	host  string // the value of host, whose entry has no values
}

type signedHeader struct {
	name   [2]int // names[name[0]:name[1]]
	values []string
}

func (l *headerList) name(sh signedHeader) []byte { return l.names[sh.name[0]:sh.name[1]] }

// unsignedHeaders are never signed: Content-Type as the SDKs do, the
// Authorization being built, host (signed from req.Host), and what net/http
// writes from the request's fields, not its Header.
var unsignedHeaders = [...]string{"authorization", "host", "content-length", "transfer-encoding", "trailer"}

// selectHeaders returns host and the headers of h to sign, sorted, with
// names and list as the buffers to fill. Names that differ only in case are
// merged. (Values in and out, not a *headerList: assignments through a
// pointer would move Sign's stack buffers to the heap.)
func selectHeaders(names []byte, list []signedHeader, h http.Header, host string) headerList {
	names = append(names, "host"...)
	list = append(list, signedHeader{name: [2]int{0, len(names)}})
	for name, values := range h {
		if isSigned(name) {
			start := len(names)
			names = appendLower(names, name)
			list = append(list, signedHeader{name: [2]int{start, len(names)}, values: values})
		}
	}
	all := names
	name := func(sh signedHeader) []byte { return all[sh.name[0]:sh.name[1]] }
	slices.SortFunc(list, func(a, b signedHeader) int { return bytes.Compare(name(a), name(b)) })
	// Merge names that differ only in case (a Header filled by hand).
	out := list[:0]
	for _, sh := range list {
		if n := len(out); n > 0 && bytes.Equal(name(out[n-1]), name(sh)) {
			out[n-1].values = append(slices.Clip(out[n-1].values), sh.values...)
			continue
		}
		out = append(out, sh)
	}
	return headerList{names: names, list: out, host: host}
}

func isSigned(name string) bool {
	if len(name) >= len("content-type") && strings.EqualFold(name[:len("content-type")], "content-type") ||
		strings.IndexByte(name, '_') >= 0 {
		return false
	}
	for _, u := range unsignedHeaders {
		if len(name) == len(u) && lower(name[0]) == u[0] && strings.EqualFold(name, u) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, lower(s[i]))
	}
	return dst
}

// appendCanonicalRequest appends the SDK's canonical request up to, not
// including, the payload hash: method, canonical URI, canonical query,
// canonical headers, a blank line, SignedHeaders and a newline, and where
// the canonical query and SignedHeaders are in it.
func appendCanonicalRequest(dst []byte, method, path string, pairs []queryPair, headers *headerList) ([]byte, crOffsets) {
	dst = append(dst, method...)
	dst = append(dst, '\n')
	dst = appendCanonicalURI(dst, path)
	dst = append(dst, '\n')
	var offsets crOffsets
	offsets.query[0] = len(dst)
	for i, p := range pairs {
		if i > 0 {
			dst = append(dst, '&')
		}
		dst = appendEscaped(dst, p.key)
		dst = append(dst, '=')
		dst = appendEscaped(dst, p.value)
	}
	offsets.query[1] = len(dst)
	dst = append(dst, '\n')
	for _, sh := range headers.list {
		if sh.values == nil { // host
			dst = append(dst, headers.name(sh)...)
			dst = append(dst, ':')
			dst = append(dst, strings.TrimSpace(headers.host)...)
			dst = append(dst, '\n')
			continue
		}
		values := sh.values
		if len(values) > 1 && !slices.IsSorted(values) {
			values = slices.Sorted(slices.Values(values))
		}
		// One line per value, not comma-joined: the SDK's canonicalHeaders.
		for _, v := range values {
			dst = append(dst, headers.name(sh)...)
			dst = append(dst, ':')
			dst = append(dst, strings.TrimSpace(v)...)
			dst = append(dst, '\n')
		}
	}
	dst = append(dst, '\n')
	offsets.signed[0] = len(dst)
	dst = appendSignedHeaders(dst, headers)
	offsets.signed[1] = len(dst)
	dst = append(dst, '\n')
	return dst, offsets
}

// crOffsets locate parts of a canonical request that go on the wire too.
type crOffsets struct{ query, signed [2]int }

func appendSignedHeaders(dst []byte, headers *headerList) []byte {
	for i, sh := range headers.list {
		if i > 0 {
			dst = append(dst, ';')
		}
		dst = append(dst, headers.name(sh)...)
	}
	return dst
}

// appendCanonicalURI escapes each segment of the decoded path with the SDK's
// escaping and ends the path with "/".
func appendCanonicalURI(dst []byte, path string) []byte {
	for {
		seg, rest, more := strings.Cut(path, "/")
		dst = appendEscaped(dst, seg)
		if !more {
			break
		}
		dst = append(dst, '/')
		path = rest
	}
	if len(dst) == 0 || dst[len(dst)-1] != '/' {
		dst = append(dst, '/')
	}
	return dst
}

// appendEscaped percent-encodes every byte except A-Z a-z 0-9 - _ . ~ with
// upper-case hex, as the SDK's escape does (RFC 3986 unreserved set).
func appendEscaped(dst []byte, s string) []byte {
	const hexDigits = "0123456789ABCDEF"
	for len(s) > 0 {
		i := 0
		for i < len(s) && unreserved[s[i]] {
			i++
		}
		dst = append(dst, s[:i]...)
		if i == len(s) {
			break
		}
		c := s[i]
		dst = append(dst, '%', hexDigits[c>>4], hexDigits[c&15])
		s = s[i+1:]
	}
	return dst
}

var unreserved = func() (t [256]bool) {
	for c := range t {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~'
	}
	return t
}()

// scope is a V11-HMAC-SHA256 credential scope: day/region/service.
type scope struct {
	day             []byte
	region, service string
}

func (s scope) append(dst []byte) []byte {
	dst = append(dst, s.day...)
	dst = append(dst, '/')
	dst = append(dst, s.region...)
	dst = append(dst, '/')
	return append(dst, s.service...)
}

// authorization signs the complete canonical request cr and returns the
// Authorization header value.
func (s Signer) authorization(alg Algorithm, cr []byte, date string, sc scope, signedHeaders []byte, accessKey, secretKey string) string {
	var buf [512]byte
	// String to sign: algorithm, date, [scope,] hex hash of cr.
	sts := append(buf[:0], alg...)
	sts = append(sts, '\n')
	sts = append(sts, date...)
	sts = append(sts, '\n')
	if alg == AlgorithmDerived {
		sts = sc.append(sts)
		sts = append(sts, '\n')
	}
	var sig [32]byte
	switch alg {
	case AlgorithmHMACSM3:
		crSum := s.SM3(slices.Clone(cr)) // a copy: cr stays on the stack
		sts = hex.AppendEncode(sts, crSum[:])
		sig = hmacSM3(s.SM3, secretKey, sts)
	case AlgorithmDerived:
		crSum := sha256.Sum256(cr)
		sts = hex.AppendEncode(sts, crSum[:])
		var infoArr [64]byte
		key := derivedKey(accessKey, secretKey, sc.append(infoArr[:0]))
		sig = hmacSHA256(key[:], sts)
	default:
		crSum := sha256.Sum256(cr)
		sts = hex.AppendEncode(sts, crSum[:])
		sig = hmacSHA256(secretKey, sts)
	}
	out := append(sts[:0], alg...)
	if alg == AlgorithmDerived {
		out = append(out, " Credential="...)
		out = append(out, accessKey...)
		out = append(out, '/')
		out = sc.append(out)
	} else {
		out = append(out, " Access="...)
		out = append(out, accessKey...)
	}
	out = append(out, ", SignedHeaders="...)
	out = append(out, signedHeaders...)
	out = append(out, ", Signature="...)
	out = hex.AppendEncode(out, sig[:])
	return string(out)
}

// SigningTransport is an http.RoundTripper that signs every request it sends.
// It signs a clone, never the caller's request, and reads the body into
// memory (up to MaxBodyBytes) because the signature covers its hash.
//
// Put retry.Transport outside it so that each retry is signed anew. A
// redirect (when the http.Client follows them) to another scheme or host is
// sent unsigned and without the security token, and so is any credential
// header the caller set.
type SigningTransport struct {
	// Base sends the signed request; nil means http.DefaultTransport.
	Base http.RoundTripper
	// Credentials is asked for credentials on every request; a plain
	// Credentials value works. Its errors are marked retry.Permanent: a
	// provider that fetches credentials retries on its own.
	Credentials CredentialsProvider
	// Signer chooses the algorithm; the zero value is SDK-HMAC-SHA256.
	Signer Signer
	// Now defaults to time.Now.
	Now func() time.Time
	// MaxBodyBytes bounds the body read for hashing; zero means
	// DefaultMaxSignedBody.
	MaxBodyBytes int64
}

// RoundTrip implements http.RoundTripper.
func (t *SigningTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if redirectedElsewhere(req) {
		return base.RoundTrip(withoutCredentials(req))
	}
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
	if err := t.Signer.Sign(signed, body, cred, now()); err != nil {
		return nil, err
	}
	resp, err := base.RoundTrip(signed)
	if err != nil {
		return nil, err
	}
	redactErrorResponse(resp, signed, cred.SecretKey, cred.SecurityToken)
	return resp, nil
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
	body, err := bounded.ReadAtMost(req.Body, limit, req.ContentLength)
	if err != nil {
		return nil, fmt.Errorf("huawei: reading request body to sign: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("huawei: request body exceeds %d bytes, too large to sign in memory", limit)
	}
	return body, nil
}
