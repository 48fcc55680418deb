package huawei

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/docapi/docapi/wrappers/secret"
)

const (
	// MaxErrorBody bounds how much of an error response is read.
	MaxErrorBody = 1 << 20
	// maxKeptBody bounds the raw bytes kept in APIError.Body.
	maxKeptBody = 4 << 10
)

// APIError is a non-2xx answer from a Huawei Cloud API.
type APIError struct {
	// Op names the operation that failed, e.g. "vpc CreateVpc" (empty when
	// the answer was checked outside a Client operation, by CheckResponse).
	Op         string
	StatusCode int
	// Code is the service error code ("APIGW.0301", "KMS.0205") or, for
	// IAM/Keystone errors, the numeric code as text.
	Code    string
	Message string
	// RequestID identifies the call to Huawei support: X-Request-Id, else the
	// body's request_id, else X-IAM-Trace-Id.
	RequestID string
	// Body holds the first bytes of a body that was not understood; it is
	// nil when Code or Message were found.
	Body []byte
	// BodyTooLarge reports that the body exceeded MaxErrorBody and was not
	// parsed.
	BodyTooLarge bool
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("huawei: ")
	if e.Op != "" {
		b.WriteString(e.Op + ": ")
	}
	fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	if e.Code != "" && e.Code != strconv.Itoa(e.StatusCode) {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.BodyTooLarge {
		fmt.Fprintf(&b, ": error body larger than %d bytes", MaxErrorBody)
	} else if e.Code == "" && e.Message == "" && len(e.Body) > 0 {
		// The body is not quoted: a proxy's error page may echo the request's
		// token or signature. It stays in e.Body for whoever needs it.
		fmt.Fprintf(&b, ": unrecognised error body (%d bytes kept in APIError.Body)", len(e.Body))
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// Format prints Error() for every verb, and for %#v the fields with only the
// size of Body: fmt would otherwise print Body (which may echo the request's
// token or signature) for %#v, %d and, on an APIError value, %v.
func (e APIError) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprintf(f, "huawei.APIError{Op:%q, StatusCode:%d, Code:%q, Message:%q, RequestID:%q, Body:[%d bytes], BodyTooLarge:%t}",
			e.Op, e.StatusCode, e.Code, e.Message, e.RequestID, len(e.Body), e.BodyTooLarge)
	case verb == 'q':
		fmt.Fprintf(f, "%q", e.Error())
	default:
		io.WriteString(f, e.Error())
	}
}

// ErrorFromResponse returns nil for a 2xx response and an *APIError
// otherwise. body is the already read response body, as generated clients
// keep it next to HTTPResponse; resp.Body is not touched.
func ErrorFromResponse(resp *http.Response, body []byte) error {
	if resp == nil {
		return nil
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return newAPIError(resp, body, false)
}

// CheckResponse returns nil for a 2xx response and leaves it alone.
// Otherwise it reads at most MaxErrorBody bytes of resp.Body, closes it and
// returns an *APIError.
func CheckResponse(resp *http.Response) error {
	if resp == nil || resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxErrorBody+1))
	tooLarge := len(body) > MaxErrorBody
	apiErr := newAPIError(resp, body[:min(len(body), MaxErrorBody)], tooLarge)
	if err != nil && apiErr.Message == "" {
		apiErr.Message = "reading error body: " + err.Error()
	}
	return apiErr
}

// checkOp is CheckResponse for a call of op, which the *APIError names.
func checkOp(op string, resp *http.Response) error {
	err := CheckResponse(resp)
	if apiErr, ok := err.(*APIError); ok {
		apiErr.Op = op
	}
	return err
}

// redact scrubs values from every field the server filled in. The
// transports scrub error answers of what they sent; this covers what only
// the caller knows, such as the password in an IAM request body.
func (e *APIError) redact(values ...secret.Value) {
	e.Code = secret.Scrub(e.Code, values...)
	e.Message = secret.Scrub(e.Message, values...)
	e.RequestID = secret.Scrub(e.RequestID, values...)
	e.Body = secret.ScrubBytes(e.Body, values...)
}

// redactAPIErrors scrubs values from every *APIError in err's chain.
func redactAPIErrors(err error, values ...secret.Value) {
	for err != nil {
		if e, ok := err.(*APIError); ok {
			e.redact(values...)
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				redactAPIErrors(inner, values...)
			}
			return
		default:
			return
		}
	}
}

func newAPIError(resp *http.Response, body []byte, tooLarge bool) *APIError {
	e := &APIError{StatusCode: resp.StatusCode, BodyTooLarge: tooLarge}
	var bodyRequestID string
	if !tooLarge {
		e.Code, e.Message, bodyRequestID = parseErrorBody(body)
	}
	if e.Code == "" && e.Message == "" && len(body) > 0 {
		e.Body = bytes.Clone(body[:min(len(body), maxKeptBody)])
	}
	e.RequestID = firstNonEmpty(resp.Header.Get("X-Request-Id"), bodyRequestID, resp.Header.Get("X-IAM-Trace-Id"))
	return e
}

// errorFields covers the error shapes Huawei services use:
//
//	{"error_code": "APIGW.0301", "error_msg": "...", "request_id": "..."}
//	{"error": {"error_code": "...", "error_msg": "..."}}
//	{"error": {"code": 401, "message": "...", "title": "Unauthorized"}}   (IAM)
//	{"code": "...", "message": "..."}
type errorFields struct {
	ErrorCode flexString      `json:"error_code"`
	ErrorMsg  flexString      `json:"error_msg"`
	Code      flexString      `json:"code"`
	Message   flexString      `json:"message"`
	Title     flexString      `json:"title"`
	RequestID flexString      `json:"request_id"`
	Error     json.RawMessage `json:"error"`
}

func (f *errorFields) codeAndMessage() (code, msg string) {
	code = firstNonEmpty(string(f.ErrorCode), string(f.Code))
	msg = firstNonEmpty(string(f.ErrorMsg), string(f.Message), string(f.Title))
	return code, msg
}

func parseErrorBody(body []byte) (code, msg, requestID string) {
	var f errorFields
	if len(bytes.TrimSpace(body)) == 0 || json.Unmarshal(body, &f) != nil {
		return "", "", ""
	}
	code, msg = f.codeAndMessage()
	requestID = string(f.RequestID)
	var nested errorFields
	var nestedText string
	switch {
	case json.Unmarshal(f.Error, &nested) == nil:
		if c, m := nested.codeAndMessage(); c != "" || m != "" {
			code, msg = c, m
		}
		requestID = firstNonEmpty(requestID, string(nested.RequestID))
	case json.Unmarshal(f.Error, &nestedText) == nil && msg == "":
		msg = nestedText
	}
	return code, msg, requestID
}

// flexString accepts a JSON string or number, since IAM sends "code": 401
// where other services send "code": "APIGW.0301". Other JSON values decode
// to "" instead of failing the whole body.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err == nil {
		*s = flexString(str)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*s = flexString(n.String())
		return nil
	}
	*s = ""
	return nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
