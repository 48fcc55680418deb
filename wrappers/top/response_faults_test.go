package top

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/docapi/docapi/wrappers/secret"
)

// A result whose fields have the wrong JSON types is an unusable answer:
// a *ResponseError wrapping ErrMalformedResponse that names the field, not
// a plain error and never the value.
func TestWrongFieldTypeIsResponseError(t *testing.T) {
	const leaked = 987654321012
	_, cfg, base := e2eGateway(t, replyWith(topJSON, fmt.Sprintf(
		`{"alibaba_security_deepvision_proxy_security_common_token_get_response":{"result":{"access_key_secret":%d},"resp_code":1}}`, leaked)))
	_, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
	var re *ResponseError
	if !errors.As(err, &re) || !errors.Is(err, ErrMalformedResponse) || re.Method != apiName {
		t.Fatalf("err = %#v (%v), want a *ResponseError wrapping ErrMalformedResponse", err, err)
	}
	if strings.Contains(err.Error(), fmt.Sprint(leaked)) || !strings.Contains(err.Error(), "access_key_secret") {
		t.Errorf("err = %v, want the field named and the value left out", err)
	}
}

// A non-200 answer stays a *StatusError when its body is over the limit.
func TestOversizedErrorStatusIsStatusError(t *testing.T) {
	_, cfg, base := e2eGateway(t, func(w http.ResponseWriter, _ string) {
		http.Error(w, strings.Repeat("x", 10<<10), http.StatusBadGateway)
	})
	cfg.MaxBodyBytes = 1 << 10
	_, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != http.StatusBadGateway || se.Method != apiName {
		t.Fatalf("err = %#v (%v), want a *StatusError 502", err, err)
	}
}

// An error_response that echoes the session and app secret, whatever their
// length, shows neither in any field of the *Error.
func TestErrorResponseEchoIsRedacted(t *testing.T) {
	for _, sess := range []string{"s3cr", "a-session-of-realistic-length-0123456789"} {
		var echoed string
		_, cfg, base := e2eGateway(t, func(w http.ResponseWriter, _ string) {
			w.Header().Set("Content-Type", topJSON)
			fmt.Fprint(w, echoed)
		})
		cfg.Session = secret.New(sess)
		app := cfg.AppSecret.Reveal()
		echoed = fmt.Sprintf(`{"error_response":{"code":27,"msg":"Invalid session %s","sub_code":"isv.%s","sub_msg":"app_secret=%s&session=%s","request_id":"%s"}}`,
			sess, sess, app, sess, sess)
		_, err := securityTokenGet(newE2EClient(t, cfg, base), context.Background(), tokenParams())
		var te *Error
		if !errors.As(err, &te) || te.Code != "27" {
			t.Fatalf("err = %v, want a *top.Error 27", err)
		}
		all := fmt.Sprintf("%s|%+v|%#v|%s|%s|%s|%s|%s", err.Error(), err, te, te.Msg, te.SubCode, te.SubMsg, te.RequestID, te.Code)
		if strings.Contains(all, sess) || strings.Contains(all, app) {
			t.Errorf("session %q or app secret printed: %s", sess, all)
		}
	}
}
