package top

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/wrappers/fastjson"
	"github.com/docapi/docapi/wrappers/secret"
)

// cannedBody is the gateway's answer to a token get, as the bench module's
// loopback server sends it.
var cannedBody = []byte(`{"alibaba_security_deepvision_proxy_security_common_token_get_response":{"message":"成功","resp_code":1,` +
	`"resp_request_id":"0ba2887315178178017221014","result":{"access_key_id":"STS.NUgYrLnoC37mZZCNnAbez2Nqn",` +
	`"access_key_secret":"H8wJD6fNXx1ZzVFDZ1EVZbwAsfUVnEbAUTrYRqbXkKX","end_point_internal":"oss-cn-hangzhou-internal.aliyuncs.com",` +
	`"end_point_public":"oss-cn-hangzhou.aliyuncs.com","expiration":"2026-12-01T12:00:00Z","field_id":"poi-1",` +
	`"policy":{"statement":{"datas":[{"effect":"Allow"}]},"version":"1"},"product_code":"oss","scene_code":"scan",` +
	`"tenant_code":"tenant-1","token":"CAIS8QF1q6Ft5B2yfSjIr5bkKtbhn"}}}`)

// cannedTransport answers every request with cannedBody after reading the
// signed body, as a network transport would.
type cannedTransport struct{}

func (cannedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if _, err := io.Copy(io.Discard, req.Body); err != nil {
		return nil, err
	}
	req.Body.Close()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {topJSON}},
		Body: io.NopCloser(bytes.NewReader(cannedBody)), ContentLength: int64(len(cannedBody)), Request: req}, nil
}

// BenchmarkCall is docapi's own cost of a typed call (encoding, signing,
// request building, envelope check, decoding), without a network: "call"
// through a transport that answers at once, beside "decode", the bare
// encoding/json decoding of the same answer into the generated types that
// any call must do, in the same run; "call_fastjson" decodes with
// wrappers/fastjson (Config.Unmarshal).
func BenchmarkCall(b *testing.B) {
	op := &Operation{Name: "AlibabaSecurityDeepvisionProxySecurityCommonTokenGet", Method: tokenGetMethod, Idempotent: true}
	want := "STS.NUgYrLnoC37mZZCNnAbez2Nqn"
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
			if err := json.Unmarshal(cannedBody, &env); err != nil {
				b.Fatal(err)
			}
			if r := env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result; r == nil || r.AccessKeyID != want {
				b.Fatal("wrong result")
			}
		}
	})
	call := func(b *testing.B, unmarshal func([]byte, any) error) {
		c, err := NewClient(Config{AppKey: "12345678", AppSecret: secret.New("benchTopAppSecret0001"), SignMethod: SignMD5,
			Gateway: "http://127.0.0.1:1/router/rest", Unmarshal: unmarshal}, WithBaseTransport(cannedTransport{}))
		if err != nil {
			b.Fatal(err)
		}
		p := gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &gentop.SecurityTokenQueryParam{
			ProductCode: "oss", SceneCode: "scan", UsageScene: "upload", OpPoiID: "poi-1", OpTenantCode: "tenant-1"}}
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
			if err := c.Call(ctx, op, p, &env); err != nil {
				b.Fatal(err)
			}
			if r := env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result; r == nil || r.AccessKeyID != want {
				b.Fatal("wrong result")
			}
		}
	}
	b.Run("call", func(b *testing.B) { call(b, nil) })
	// Config.Unmarshal = wrappers/fastjson, the lead's optional decoder.
	b.Run("call_fastjson", func(b *testing.B) { call(b, fastjson.Unmarshal) })
}
