package top

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/iotest"

	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/wrappers/fastjson"
	"github.com/docapi/docapi/wrappers/internal/decode"
	"github.com/docapi/docapi/wrappers/secret"
)

// replyTransport answers every request with body, after reading the signed
// request as a network transport would.
type replyTransport struct{ body []byte }

func (r replyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if _, err := io.Copy(io.Discard, req.Body); err != nil {
		return nil, err
	}
	req.Body.Close()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {topJSON}},
		Body: io.NopCloser(bytes.NewReader(r.body)), ContentLength: -1, Request: req}, nil
}

// fullCheckError is what Client.Call answered before it passed parameters
// and answers without a second look (the Transport's full envelope check
// in front of the decoder): UnwrapResponse's error, else the decoder's
// described; "" for success.
func fullCheckError(body []byte) string {
	if _, err := UnwrapResponse(apiName, body); err != nil {
		return err.Error()
	}
	var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
	if err := decode.Unmarshal(body, &env); err != nil { // the Config.Unmarshal default
		return (&ResponseError{Method: apiName, Err: describeDecodeError(err)}).Error()
	}
	return ""
}

func callWith(t testing.TB, body []byte) error {
	c, err := NewClient(Config{AppKey: testAppKey, AppSecret: secret.New(testSecret), Gateway: "http://127.0.0.1:1/router/rest"},
		WithBaseTransport(replyTransport{body}))
	if err != nil {
		t.Fatal(err)
	}
	op := &Operation{Name: "TokenGet", Method: apiName}
	var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
	return c.Call(context.Background(), op, gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{}, &env)
}

const responseMember = `"alibaba_security_deepvision_proxy_security_common_token_get_response"`

// envelopeCases are answers around the edges of the shape check.
var envelopeCases = []string{
	successBody,
	" \n" + successBody + "\r\n\t",
	`{` + responseMember + `:{}}`,
	`{` + responseMember + ` : { "result" : { "token" : "t" } } }`,
	`{` + responseMember + `:{"result":tru}}`,
	`{` + responseMember + `:{"result":{"token":"t"}}`,
	`{` + responseMember + `:{"result":{"token":"t"}}}}`,
	`{` + responseMember + `:{"result":{"token":"t}"}}}`,
	`{` + responseMember + `:{"result":{"token":"\"}"}}}`,
	`{` + responseMember + `:{"result":[}]}}`,
	`{` + responseMember + `:{"resp_code":"1"}}`,
	`{` + responseMember + `:{"result":{"access_key_secret":123}}}`,
	`{` + responseMember + `:null}`,
	`{` + responseMember + `:"x"}`,
	`{` + responseMember + `:{}}{}`,
	`{` + responseMember + `:{}} x`,
	`{` + responseMember + `:{},"error_response":{"code":7,"msg":"App Call Limited"}}`,
	`{"error_response":{"code":7,"msg":"App Call Limited"},` + responseMember + `:{}}`,
	`{` + responseMember + `:{},` + responseMember + `:5}`,
	`{` + responseMember + `:{},"other":1}`,
	`{"alibaba_security_deepvision_proxy_security_common_token_get\u005fresponse":{}}`,
	`{"ALIBABA_SECURITY_DEEPVISION_PROXY_SECURITY_COMMON_TOKEN_GET_RESPONSE":{}}`,
	`{"error_response":{"code":"27","msg":"Invalid session"}}`,
	`{"error\u005fresponse":{"code":"27"}}`,
	`{"other_response":{}}`,
	`{}`, `[]`, `null`, ``, `{`, `{"`, `{"a"`, `{"a":`, `<r/>`,
}

// Client.Call looks at the envelope's shape only and leaves the rest to the
// decoder; every answer must still get exactly the error (or success) of a
// full check.
func TestCallMatchesFullCheck(t *testing.T) {
	for _, body := range envelopeCases {
		want := fullCheckError([]byte(body))
		err := callWith(t, []byte(body))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("answer %s:\n got %q\nwant %q", body, got, want)
		}
		var te *Error
		if strings.Contains(want, "App Call Limited") && !errors.As(err, &te) {
			t.Errorf("answer %s: err = %#v, want a *top.Error", body, err)
		}
	}
}

func FuzzCallMatchesFullCheck(f *testing.F) {
	for _, body := range envelopeCases {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		want := fullCheckError(body)
		err := callWith(t, body)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("answer %q:\n got %q\nwant %q", body, got, want)
		}
	})
}

// The shape check accepts what it should, and never reads past the end.
func TestIsEnvelopeOf(t *testing.T) {
	for body, want := range map[string]bool{
		`{` + responseMember + `:{}}`:                               true,
		` {` + responseMember + `: {"a":"}"} } `:                    true,
		`{"item_seller_get_response":{}}`:                           false, // another API's member
		`{` + responseMember + `:{},"x":1}`:                         false,
		`{` + responseMember + `:[]}`:                               false,
		`{` + responseMember + `:{"a":"\"}`:                         false,
		`{` + responseMember + `:{}`:                                false,
		`{` + responseMember[:20]:                                   false,
		`{"alibaba_security_deepvision_proxy_security_common_token`: false,
	} {
		if got := isEnvelopeOf([]byte(body), apiName); got != want {
			t.Errorf("isEnvelopeOf(%s) = %t, want %t", body, got, want)
		}
	}
	// Of the two names UnwrapResponse accepts for a taobao. API, only the
	// one the generated types read: the other takes the full check, which
	// renames it.
	for key, want := range map[string]bool{"item_seller_get_response": true, "taobao_item_seller_get_response": false} {
		if got := isEnvelopeOf([]byte(`{"`+key+`":{}}`), "taobao.item.seller.get"); got != want {
			t.Errorf("%s: %t, want %t", key, got, want)
		}
	}
}

// reference is EncodeParams as it was written over encoding/json alone: a
// map of members, each string unmarshalled and each object compacted.
func reference(t *testing.T, v any) url.Values {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		t.Fatal(err)
	}
	form := url.Values{}
	for name, m := range members {
		switch m[0] {
		case 'n':
		case '"':
			var s string
			if err := json.Unmarshal(m, &s); err != nil {
				t.Fatal(err)
			}
			form.Set(name, s)
		case '[':
			list, isScalar, err := scalarList(m)
			if err != nil {
				t.Fatal(err)
			}
			if !isScalar {
				var buf bytes.Buffer
				json.Compact(&buf, m)
				form.Set(name, buf.String())
			} else if list != "" {
				form.Set(name, list)
			}
		default:
			var buf bytes.Buffer
			json.Compact(&buf, m)
			form.Set(name, buf.String())
		}
	}
	return form
}

type twiceMarshaler struct{}

func (twiceMarshaler) MarshalJSON() ([]byte, error) {
	return []byte(` { "a" : "1" , "b": { "c" : [ 1, 2 ] }, "a":"2" } `), nil
}

func TestEncodeParamsMatchesReference(t *testing.T) {
	for name, v := range map[string]any{
		"escapes": map[string]any{
			"html": "<a href=\"x\">&amp;</a>", "ctl": "a\tb\nc\x01", "sep": "\u2028\u2029", "bad utf-8": "a\xffb",
			"uni": "非法 参数", "back": `C:\dir`, "key \"quoted\" <k>": "v", "empty": "",
		},
		"kinds": map[string]any{
			"num": 9007199254740993, "float": 1.5e300, "neg": -0.0, "t": true, "f": false, "nil": nil,
			"obj": map[string]any{"x": []any{1, "y", nil, map[string]any{}}}, "raw": json.RawMessage(` { "r" : [ 1 , 2 ] } `),
			"strs": []string{"a", "b c"}, "objs": []map[string]int{{"a": 1}}, "none": []int{}, "nested": [][]int{{1}},
		},
		"twice":  twiceMarshaler{},
		"struct": struct{ A, B string }{"1", ""},
	} {
		got, err := EncodeParams(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := reference(t, v); got.Encode() != want.Encode() {
			t.Errorf("%s:\n got %v\nwant %v", name, got, want)
		}
	}
	if got, err := EncodeParams(nil); err != nil || len(got) != 0 {
		t.Errorf("nil: %v, %v; want no parameters", got, err)
	}
	for _, v := range []any{"s", 1, []int{1}, json.RawMessage(`[{"a":1}]`)} {
		if _, err := EncodeParams(v); err == nil {
			t.Errorf("%#v: want an error", v)
		}
	}
}

// The body the Transport writes is url.Values' encoding, and a paramBody
// read as a stream is too.
func TestFormEncodingMatchesURLValues(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	values := []string{all.String(), "非法 参数&x=1+%20", "", "a~b-c_d.e", "\u2028"}
	for _, v := range values {
		if got := string(appendQueryEscape(nil, v)); got != url.QueryEscape(v) {
			t.Errorf("appendQueryEscape(%q) = %q, want %q", v, got, url.QueryEscape(v))
		}
	}
	ps := []param{{"a b", values[0]}, {"m", values[1]}, {"z", "1"}}
	form := url.Values{}
	for _, p := range ps {
		form.Set(p.name, p.value)
	}
	if got := string(appendForm(nil, ps)); got != form.Encode() {
		t.Errorf("appendForm = %q, want %q", got, form.Encode())
	}
	read, err := io.ReadAll(iotest.OneByteReader(&paramBody{params: ps}))
	if err != nil || string(read) != form.Encode() {
		t.Errorf("paramBody read %q, %v; want %q", read, err, form.Encode())
	}
}

// Business parameters given as pairs are checked like a form's: a system
// parameter's name or brackets are refused, naming the field only.
func TestCallRefusesBadParams(t *testing.T) {
	for name, params := range map[string]any{
		"system":   map[string]string{"session": testSession},
		"brackets": map[string]string{"param[x]": testSession},
	} {
		c, err := NewClient(Config{AppKey: testAppKey, AppSecret: secret.New(testSecret)},
			WithBaseTransport(replyTransport{[]byte(successBody)}))
		if err != nil {
			t.Fatal(err)
		}
		var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
		err = c.Call(context.Background(), &Operation{Method: apiName}, params, &env)
		if err == nil || strings.Contains(fmt.Sprint(err), testSession) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// captureBase keeps the request the Transport sends and stops it there.
type captureBase struct{ req *http.Request }

func (c *captureBase) RoundTrip(req *http.Request) (*http.Response, error) {
	c.req = req
	return nil, errors.New("captured")
}

// The signed body goes out as net/http's in-memory kind (io.NopCloser of a
// *bytes.Reader), which it writes together with the headers; with any other
// body type it flushes the headers alone first, a packet more on each call.
func TestTransportBodyIsInMemory(t *testing.T) {
	base := &captureBase{}
	c, err := NewClient(Config{AppKey: testAppKey, AppSecret: secret.New(testSecret)}, WithBaseTransport(base))
	if err != nil {
		t.Fatal(err)
	}
	var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
	c.Call(context.Background(), &Operation{Method: apiName}, gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{}, &env)
	req := base.req
	if req == nil {
		t.Fatal("nothing sent")
	}
	if want := fmt.Sprintf("%T", io.NopCloser(bytes.NewReader(nil))); fmt.Sprintf("%T", req.Body) != want {
		t.Errorf("body is a %T, want %s", req.Body, want)
	}
	body, _ := io.ReadAll(req.Body)
	again, err := req.GetBody()
	if err != nil {
		t.Fatal(err)
	}
	replay, _ := io.ReadAll(again)
	if int64(len(body)) != req.ContentLength || !bytes.Equal(body, replay) || !bytes.Contains(body, []byte("&sign=")) {
		t.Errorf("body %q (ContentLength %d), GetBody %q", body, req.ContentLength, replay)
	}
}

// Config.Unmarshal decodes the envelope in Client.Call; wrappers/fastjson's
// answers the edge cases as encoding/json does (success or an unusable
// answer, never a value in the text).
func TestConfigUnmarshal(t *testing.T) {
	for _, body := range envelopeCases {
		calls := 0
		c, err := NewClient(Config{AppKey: testAppKey, AppSecret: secret.New(testSecret),
			Unmarshal: func(data []byte, v any) error { calls++; return fastjson.Unmarshal(data, v) }},
			WithBaseTransport(replyTransport{[]byte(body)}))
		if err != nil {
			t.Fatal(err)
		}
		var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
		err = c.Call(context.Background(), &Operation{Method: apiName}, gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{}, &env)
		want := fullCheckError([]byte(body))
		if (err == nil) != (want == "") {
			t.Errorf("answer %s: err = %v, want %q", body, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "123") {
			t.Errorf("answer %s: err shows a value: %v", body, err)
		}
		if _, uerr := UnwrapResponse(apiName, []byte(body)); uerr == nil && calls != 1 {
			t.Errorf("answer %s: Config.Unmarshal called %d times, want once", body, calls)
		}
		if body == successBody && (env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result == nil ||
			env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result.AccessKeySecret != respSecret) {
			t.Errorf("success decoded as %+v", env)
		}
	}
}

// The gateway may name the member with the "taobao_" prefix; the generated
// envelope reads it under ResponseKey's name, so the Transport renames it
// rather than let the result decode as zero.
func TestCallRenamesPrefixedResponseKey(t *testing.T) {
	type envelope struct {
		R struct {
			NumIID int64 `json:"num_iid"`
		} `json:"item_get_response"`
	}
	for _, body := range []string{`{"taobao_item_get_response":{"num_iid":42}}`, `{"item_get_response":{"num_iid":42}}`,
		` {"taobao_item_get_response" : {"num_iid":42} } `} {
		c, err := NewClient(Config{AppKey: testAppKey, AppSecret: secret.New(testSecret), Gateway: "http://127.0.0.1:1/router/rest"},
			WithBaseTransport(replyTransport{[]byte(body)}))
		if err != nil {
			t.Fatal(err)
		}
		var env envelope
		if err := c.Call(context.Background(), &Operation{Name: "ItemGet", Method: "taobao.item.get"}, struct{}{}, &env); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if env.R.NumIID != 42 {
			t.Errorf("%s: num_iid %d, want 42", body, env.R.NumIID)
		}
	}
}
