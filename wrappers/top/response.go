package top

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is a TOP gateway error_response. The gateway sends it with HTTP 200,
// so it is only recognisable from the body; the transport returns it from
// RoundTrip (wrapped by http.Client in a *url.Error), so use errors.As.
type Error struct {
	Method    string `json:"-"` // API method called, for context
	Code      string `json:"code"`
	Msg       string `json:"msg"`
	SubCode   string `json:"sub_code"`
	SubMsg    string `json:"sub_msg"`
	RequestID string `json:"request_id"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("top: ")
	if e.Method != "" {
		b.WriteString(e.Method)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "error %s", e.Code)
	if e.Msg != "" {
		fmt.Fprintf(&b, " %q", e.Msg)
	}
	switch {
	case e.SubMsg != "" && e.SubCode != "":
		fmt.Fprintf(&b, " (%s: %q)", e.SubCode, e.SubMsg)
	case e.SubMsg != "":
		fmt.Fprintf(&b, " (%q)", e.SubMsg)
	case e.SubCode != "":
		fmt.Fprintf(&b, " (%s)", e.SubCode)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " request_id=%s", e.RequestID)
	}
	return b.String()
}

// ResponseKey is the envelope member that holds a successful response for the
// API method: dots become underscores plus "_response", and the "taobao."
// prefix is dropped (taobao.item.seller.get -> item_seller_get_response), as
// the official SDKs do.
func ResponseKey(method string) string {
	return strings.ReplaceAll(strings.TrimPrefix(method, "taobao."), ".", "_") + "_response"
}

// Errors a ResponseError wraps, for errors.Is.
var (
	ErrMalformedResponse = errors.New("response is not a TOP envelope")
	ErrResponseTooLarge  = errors.New("response body exceeds the size limit")
)

// ResponseError is an answer with HTTP 200 that cannot be used: not JSON,
// not an envelope, or too large. It describes the shape only, never the
// body, which may hold credentials.
type ResponseError struct {
	Method string
	Err    error
}

func (e *ResponseError) Error() string {
	if e.Err == nil {
		return "top: " + e.Method + ": unusable response"
	}
	return "top: " + e.Method + ": " + e.Err.Error()
}
func (e *ResponseError) Unwrap() error { return e.Err }

// maxShapeKeys bounds how many top-level member names an error about an
// unexpected envelope lists; names are structure, never values.
const maxShapeKeys = 5

// UnwrapResponse takes a TOP JSON envelope and returns the inner object of its
// "<api>_response" member, or an *Error for an "error_response" envelope.
// Errors about malformed bodies describe the shape and never echo the body,
// which may hold credentials (e.g. an access_key_secret).
func UnwrapResponse(method string, body []byte) (json.RawMessage, error) {
	inner, _, err := unwrapResponse(method, body)
	return inner, err
}

// unwrapResponse is UnwrapResponse that also says which member held the
// response: ResponseKey(method) or its variant that keeps "taobao_".
func unwrapResponse(method string, body []byte) (json.RawMessage, string, error) {
	var env map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&env); err != nil {
		return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: not a JSON object (%d bytes)", ErrMalformedResponse, len(body))}
	}
	if dec.More() {
		return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: data after the JSON object", ErrMalformedResponse)}
	}
	if env == nil {
		return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: JSON null", ErrMalformedResponse)}
	}
	if raw, ok := env["error_response"]; ok {
		e, err := decodeError(raw)
		if err != nil {
			return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: error_response: %w", ErrMalformedResponse, err)}
		}
		e.Method = method
		return nil, "", e
	}
	for _, k := range []string{ResponseKey(method), strings.ReplaceAll(method, ".", "_") + "_response"} {
		raw, ok := env[k]
		if !ok {
			continue
		}
		if t := firstByte(raw); t != '{' {
			return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: member %q is not a JSON object", ErrMalformedResponse, k)}
		}
		return raw, k, nil
	}
	return nil, "", &ResponseError{Method: method, Err: fmt.Errorf("%w: no member %q (members: %s)", ErrMalformedResponse, ResponseKey(method), keyList(env))}
}

// decodeError accepts code as a JSON number or string (both occur in the
// wild) and keeps it as text so nothing is lost.
func decodeError(raw json.RawMessage) (*Error, error) {
	var w struct {
		Code      json.RawMessage `json:"code"`
		Msg       string          `json:"msg"`
		SubCode   string          `json:"sub_code"`
		SubMsg    string          `json:"sub_msg"`
		RequestID string          `json:"request_id"`
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return nil, errors.New("not an object of strings")
	}
	e := &Error{Msg: w.Msg, SubCode: w.SubCode, SubMsg: w.SubMsg, RequestID: w.RequestID}
	switch firstByte(w.Code) {
	case 0, 'n':
	case '"':
		if err := json.Unmarshal(w.Code, &e.Code); err != nil {
			return nil, errors.New("bad code")
		}
	default:
		var n json.Number
		if err := json.Unmarshal(w.Code, &n); err != nil {
			return nil, errors.New("code is neither number nor string")
		}
		e.Code = n.String()
	}
	return e, nil
}

func firstByte(raw json.RawMessage) byte {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return 0
	}
	return raw[0]
}

func keyList(m map[string]json.RawMessage) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	more := ""
	if len(keys) > maxShapeKeys {
		more = fmt.Sprintf(" and %d more", len(keys)-maxShapeKeys)
		keys = keys[:maxShapeKeys]
	}
	for i, k := range keys {
		if len(k) > 64 {
			k = k[:64] + "..."
		}
		keys[i] = fmt.Sprintf("%q", k)
	}
	if len(keys) == 0 {
		return "none" + more
	}
	return strings.Join(keys, ", ") + more
}

// isEnvelopeOf reports, in one pass that allocates nothing, whether body is
// a JSON object whose one member is method's response member
// (ResponseKey, spelled without escapes) holding an object. It
// checks the shape only: the caller decodes body with a full decoder, and
// anything this rejects goes to UnwrapResponse.
func isEnvelopeOf(body []byte, method string) bool {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return false
	}
	i = skipSpace(body, i+1)
	if i >= len(body) || body[i] != '"' {
		return false
	}
	end := skipString(body, i)
	if end < 0 || !isResponseKey(body[i+1:end-1], method) {
		return false
	}
	i = skipSpace(body, end)
	if i >= len(body) || body[i] != ':' {
		return false
	}
	i = skipSpace(body, i+1)
	if i >= len(body) || body[i] != '{' {
		return false
	}
	if i = skipValue(body, i); i < 0 {
		return false
	}
	i = skipSpace(body, i)
	return i < len(body) && body[i] == '}' && skipSpace(body, i+1) == len(body)
}

// isResponseKey reports whether key is ResponseKey(method), without
// building it. The variant that keeps "taobao_" takes the full check, which
// renames it (Transport.check).
func isResponseKey(key []byte, method string) bool {
	return keyOf(key, strings.TrimPrefix(method, "taobao."))
}

func keyOf(key []byte, method string) bool {
	const suffix = "_response"
	if len(key) != len(method)+len(suffix) || string(key[len(method):]) != suffix {
		return false
	}
	for i := 0; i < len(method); i++ {
		c := method[i]
		if c == '.' {
			c = '_'
		}
		if key[i] != c {
			return false
		}
	}
	return true
}
