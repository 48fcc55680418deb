package huawei

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

func errResponse(status int, header http.Header, body string) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{StatusCode: status, Header: header, Body: io.NopCloser(strings.NewReader(body))}
}

// The body shapes are those the official SDK's error parser looks for
// (huaweicloud-sdk-go-v3 v0.1.207 core/sdkerr/errors.go,
// processServiceResponseError: error_code/error_msg, code/message, and either
// pair one level down), plus IAM's Keystone-style {"error":{"code":401,...}}
// whose code is a number.
func TestErrorFromResponseShapes(t *testing.T) {
	cases := []struct {
		name      string
		status    int
		header    http.Header
		body      string
		want      APIError
		wantInMsg string
	}{
		{
			name:   "gateway flat",
			status: 401,
			header: http.Header{"X-Request-Id": {"hdr-req-1"}},
			body:   `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"body-req-1"}`,
			want: APIError{StatusCode: 401, Code: "APIGW.0301", RequestID: "hdr-req-1",
				Message: "Incorrect IAM authentication information: verify aksk signature fail"},
			wantInMsg: "huawei: HTTP 401 APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail (request id hdr-req-1)",
		},
		{
			name:   "request id from body",
			status: 429,
			body:   `{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached","request_id":"body-req-2"}`,
			want:   APIError{StatusCode: 429, Code: "APIGW.0308", Message: "The throttling threshold has been reached", RequestID: "body-req-2"},
		},
		{
			name:   "nested error_code",
			status: 400,
			body:   `{"error":{"error_code":"KMS.0205","error_msg":"Invalid secret name"}}`,
			want:   APIError{StatusCode: 400, Code: "KMS.0205", Message: "Invalid secret name"},
		},
		{
			name:      "IAM numeric code",
			status:    401,
			header:    http.Header{"X-Iam-Trace-Id": {"trace-9"}},
			body:      `{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}`,
			want:      APIError{StatusCode: 401, Code: "401", Message: "The request you have made requires authentication.", RequestID: "trace-9"},
			wantInMsg: "huawei: HTTP 401: The request you have made requires authentication. (request id trace-9)",
		},
		{
			name:   "IAM title only",
			status: 403,
			body:   `{"error":{"code":"403","title":"Forbidden"}}`,
			want:   APIError{StatusCode: 403, Code: "403", Message: "Forbidden"},
		},
		{
			name:   "flat code message",
			status: 404,
			body:   `{"code":"ModelArts.0104","message":"Job not found"}`,
			want:   APIError{StatusCode: 404, Code: "ModelArts.0104", Message: "Job not found"},
		},
		{
			name:   "error as string",
			status: 400,
			body:   `{"error":"invalid_request"}`,
			want:   APIError{StatusCode: 400, Message: "invalid_request"},
		},
		{
			name:      "html from a proxy",
			status:    502,
			body:      "<html><body>Bad Gateway</body></html>",
			want:      APIError{StatusCode: 502, Body: []byte("<html><body>Bad Gateway</body></html>")},
			wantInMsg: `huawei: HTTP 502: unrecognised error body (37 bytes kept in APIError.Body)`,
		},
		{
			name:   "empty",
			status: 503,
			want:   APIError{StatusCode: 503},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := errResponse(c.status, c.header, c.body)
			err := ErrorFromResponse(resp, []byte(c.body))
			var got *APIError
			if !errors.As(err, &got) {
				t.Fatalf("got %T %v", err, err)
			}
			if got.StatusCode != c.want.StatusCode || got.Code != c.want.Code || got.Message != c.want.Message ||
				got.RequestID != c.want.RequestID || string(got.Body) != string(c.want.Body) || got.BodyTooLarge {
				t.Fatalf("got  %+v\nwant %+v", *got, c.want)
			}
			if c.wantInMsg != "" && got.Error() != c.wantInMsg {
				t.Errorf("Error() = %q\nwant      %q", got.Error(), c.wantInMsg)
			}
			// CheckResponse reads the body itself and agrees.
			err2 := CheckResponse(errResponse(c.status, c.header, c.body))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("CheckResponse = %v, ErrorFromResponse = %v", err2, err)
			}
		})
	}
}

func TestSuccessIsNotAnError(t *testing.T) {
	for _, code := range []int{200, 201, 204} {
		resp := errResponse(code, nil, `{"error_code":"X","error_msg":"looks like an error"}`)
		if err := ErrorFromResponse(resp, nil); err != nil {
			t.Errorf("%d: %v", code, err)
		}
		if err := CheckResponse(resp); err != nil {
			t.Errorf("%d: %v", code, err)
		}
		if b, _ := io.ReadAll(resp.Body); len(b) == 0 {
			t.Errorf("%d: CheckResponse consumed a successful body", code)
		}
	}
	if ErrorFromResponse(nil, nil) != nil || CheckResponse(nil) != nil {
		t.Error("nil response reported as an error")
	}
}

func TestCheckResponseBoundsBody(t *testing.T) {
	huge := `{"error_code":"X.1","error_msg":"` + strings.Repeat("a", MaxErrorBody) + `"}`
	closed := false
	resp := &http.Response{StatusCode: 500, Header: http.Header{}, Body: readCloser{strings.NewReader(huge), func() { closed = true }}}
	err := CheckResponse(resp)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !apiErr.BodyTooLarge || apiErr.Code != "" || len(apiErr.Body) != 4<<10 {
		t.Fatalf("err=%v", err)
	}
	if !strings.Contains(err.Error(), "error body larger than 1048576 bytes") || len(err.Error()) > 200 {
		t.Errorf("Error() = %q", err.Error())
	}
	if !closed {
		t.Error("body not closed")
	}
}

func TestUnrecognisedBodyKeptBounded(t *testing.T) {
	body := strings.Repeat("x", 10000)
	err := ErrorFromResponse(errResponse(500, nil, ""), []byte(body))
	var apiErr *APIError
	if !errors.As(err, &apiErr) || len(apiErr.Body) != 4<<10 {
		t.Fatalf("kept %d bytes", len(apiErr.Body))
	}
	if strings.Contains(err.Error(), "xxx") || !strings.Contains(err.Error(), "4096 bytes kept in APIError.Body") {
		t.Errorf("Error() = %q, want the size only, never the body (it may echo credentials)", err.Error())
	}
}

type readCloser struct {
	io.Reader
	onClose func()
}

func (r readCloser) Close() error { r.onClose(); return nil }

// Error() never quotes an unrecognised body (a proxy page may echo the
// request's token or signature); no fmt verb may print it either. %#v and
// %d print a struct's fields, Body included, unless APIError formats itself.
func TestAPIErrorNeverPrintsBody(t *testing.T) {
	const echoed = "X-Auth-Token: MIIechoed-token-must-not-print"
	err := ErrorFromResponse(errResponse(502, nil, ""), []byte("<pre>"+echoed+"</pre>"))
	apiErr := err.(*APIError)
	hexForm := strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%#v", []byte(echoed)), "[]byte{"), "}")
	decForm := strings.Trim(fmt.Sprintf("%d", []byte(echoed)), "[]")
	for _, v := range []any{apiErr, *apiErr} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(out, "MIIechoed") || strings.Contains(out, hexForm) || strings.Contains(out, decForm) {
				t.Errorf("%s of %T prints the body: %s", verb, v, out)
			}
		}
	}
	if got := fmt.Sprintf("%v", apiErr); got != apiErr.Error() {
		t.Errorf("%%v = %q, want Error() %q", got, apiErr.Error())
	}
	if got := fmt.Sprintf("%#v", apiErr); !strings.Contains(got, "StatusCode:502") || !strings.Contains(got, fmt.Sprintf("Body:[%d bytes]", len(apiErr.Body))) {
		t.Errorf("%%#v = %s, want the fields with the body's size only", got)
	}
}
