package top_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/generated/top/topapi"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
	"github.com/docapi/docapi/wrappers/top"
)

// Example calls alibaba.security.deepvision.proxy.security.common.token.get
// with the generated typed client (generated/top/topapi, one method per API
// of specs/top.yaml) through a loopback stand-in for the TOP gateway that answers as TOP does:
// HTTP 200, the result inside its envelope, lists wrapped
// ("statement": {"datas": [...]}).
func Example() {
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.PostFormValue("method") != "alibaba.security.deepvision.proxy.security.common.token.get" {
			w.Header().Set("Content-Type", "text/javascript;charset=UTF-8")
			io.WriteString(w, `{"error_response":{"code":22,"msg":"Invalid method"}}`)
			return
		}
		w.Header().Set("Content-Type", "text/javascript;charset=UTF-8")
		io.WriteString(w, `{"alibaba_security_deepvision_proxy_security_common_token_get_response":{
			"result":{"access_key_id":"STS.example","access_key_secret":"not-printed","expiration":"2016-01-01 13:00:00",
				"policy":{"version":"1","statement":{"datas":[{"effect":"Allow","action":{"string":["oss:PutObject"]}}]}}},
			"resp_code":1,"resp_success":true,"message":"成功"}}`)
	}))
	defer gateway.Close()

	client, err := topapi.New(top.Config{
		AppKey:     "12345678",
		AppSecret:  secret.New("app-secret-from-your-vault"),
		SignMethod: top.SignHMACSHA256, // the default; top.SignHMAC and top.SignMD5 work too
		Gateway:    gateway.URL + "/router/rest",
	}, top.WithRetry(retry.Transport{})) // retries throttling (code 7) too, for APIs the spec marks idempotent
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := client.AlibabaSecurityDeepvisionProxySecurityCommonTokenGet(context.Background(),
		gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &gentop.SecurityTokenQueryParam{
			ProductCode: "oss", SceneCode: "upload", UsageScene: "photo",
			OpPoiID: "poi-1", OpTenantCode: "tenant-1",
		}})
	var topErr *top.Error
	switch {
	case errors.As(err, &topErr):
		fmt.Println("TOP error", topErr.Code, topErr.SubCode)
		return
	case err != nil:
		fmt.Println(err)
		return
	}
	cred := resp.Result
	st := cred.Policy.Statement.Datas[0]
	fmt.Println(cred.AccessKeyID, cred.Expiration)
	fmt.Println(st.Effect, st.Action.String)
	// Output:
	// STS.example 2016-01-01 13:00:00
	// Allow [oss:PutObject]
}
