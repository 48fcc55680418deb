// Command sdkvectors prints the SDK-HMAC-SHA256, V11-HMAC-SHA256 and
// SDK-HMAC-SM3 vectors used in sign_test.go, computed by the official signer of
// github.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.207. It is a separate
// module under testdata so that the SDK never becomes a dependency of docapi.
// Run: cd wrappers/huawei/testdata/sdkvectors && go run .
package main

import (
	"fmt"
	"reflect"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer/algorithm"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

type tc struct {
	name, alg, method, endpoint, path, body string
	query                                   [][2]any
	headers                                 map[string]string
	ak, sk, token, project                  string
}

func main() {
	cases := []tc{
		{name: "sdk-test1", method: "GET", endpoint: "https://example.huaweicloud.com", path: "/path",
			query: [][2]any{{"limit", 1}}, headers: map[string]string{"X-Sdk-Date": "20060102T150405Z", "TEST_UNDERSCORE": "TEST_VALUE"},
			ak: "AccessKey", sk: "SecretKey"},
		{name: "sdk-test2", method: "POST", endpoint: "https://example.huaweicloud.com", path: "/path", body: "{\"Name\":\"test\",\"Id\":1}\n",
			query: [][2]any{{"key", "value"}}, headers: map[string]string{"X-Sdk-Date": "20060102T150405Z", "TEST_UNDERSCORE": "TEST_VALUE", "Content-Type": "application/json"},
			ak: "AccessKey", sk: "SecretKey"},
		{name: "iam-get", method: "GET", endpoint: "https://iam.cn-north-4.myhuaweicloud.com", path: "/v3/projects",
			query:   [][2]any{{"name", "cn-north-4"}, {"page", "1"}},
			headers: map[string]string{"Host": "iam.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z", "User-Agent": "docapi-test"},
			ak:      "HPUAEXAMPLEAK0000001", sk: "exampleSecretKeyDoNotUse0000000000000001"},
		{name: "csms-post-temporary", method: "POST", endpoint: "https://kms.ap-southeast-1.myhuaweicloud.com", path: "/v1/0123456789abcdef0123456789abcdef/secrets",
			body:    `{"name":"db-password","secret_string":"s3cr3t"}`,
			headers: map[string]string{"Host": "kms.ap-southeast-1.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z", "Content-Type": "application/json;charset=UTF-8"},
			ak:      "HPUAEXAMPLEAK0000002", sk: "exampleSecretKeyDoNotUse0000000000000002",
			token: "gQpjbi1ub3J0aC00+/exampleSecurityToken==", project: "0123456789abcdef0123456789abcdef"},
		{name: "escaping", method: "GET", endpoint: "https://modelarts.cn-north-4.myhuaweicloud.com", path: "/v2/proj/name with space:colon/\u00e4",
			query:   [][2]any{{"multi", []string{"b", "a"}}, {"q", "一 (&=?!#%.*)"}, {"empty", ""}, {"path", "/tmp/123"}},
			headers: map[string]string{"Host": "modelarts.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z", "X-Custom": "  spaced value  "},
			ak:      "HPUAEXAMPLEAK0000003", sk: "exampleSecretKeyDoNotUse0000000000000003"},
		{name: "unsigned-payload-upload", method: "PUT", endpoint: "https://modelarts.cn-north-4.myhuaweicloud.com:443", path: "/v1/upload/",
			body:    "binary\x00data",
			headers: map[string]string{"Host": "modelarts.cn-north-4.myhuaweicloud.com:443", "X-Sdk-Date": "20240501T120000Z", "Content-Type": "application/octet-stream"},
			ak:      "HPUAEXAMPLEAK0000004", sk: "exampleSecretKeyDoNotUse0000000000000004"},
		// A path parameter holding "/" (sent as db%2Fpassword): the SDK
		// signs the path with the parameter filled in, unescaped.
		{name: "escaped-slash", method: "GET", endpoint: "https://kms.cn-north-4.myhuaweicloud.com", path: "/v1/0123456789abcdef/secrets/db/password/versions",
			headers: map[string]string{"Host": "kms.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z"},
			ak:      "HPUAEXAMPLEAK0000006", sk: "exampleSecretKeyDoNotUse0000000000000006"},
		// The other algorithms over a realistic request.
		{name: "derived-csms", alg: "derived", method: "POST", endpoint: "https://kms.ap-southeast-1.myhuaweicloud.com", path: "/v1/0123456789abcdef0123456789abcdef/secrets",
			body:    `{"name":"db-password","secret_string":"s3cr3t"}`,
			headers: map[string]string{"Host": "kms.ap-southeast-1.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z", "Content-Type": "application/json;charset=UTF-8"},
			ak:      "HPUAEXAMPLEAK0000007", sk: "exampleSecretKeyDoNotUse0000000000000007"},
		{name: "sm3-get", alg: "sm3", method: "GET", endpoint: "https://iam.cn-north-4.myhuaweicloud.com", path: "/v3/projects",
			query:   [][2]any{{"name", "cn-north-4"}, {"page", "1"}},
			headers: map[string]string{"Host": "iam.cn-north-4.myhuaweicloud.com", "X-Sdk-Date": "20240501T120000Z", "User-Agent": "docapi-test"},
			ak:      "HPUAEXAMPLEAK0000008", sk: "exampleSecretKeyDoNotUse0000000000000008"},
	}
	for _, c := range cases {
		b := request.NewHttpRequestBuilder().WithMethod(c.method).WithEndpoint(c.endpoint).WithPath(c.path).WithSigningAlgorithm(algorithm.HmacSHA256)
		if c.body != "" {
			b.WithBody("body", c.body)
		}
		for _, q := range c.query {
			b.AddQueryParam(q[0].(string), reflect.ValueOf(q[1]))
		}
		for k, v := range c.headers {
			b.AddHeaderParam(k, v)
		}
		req := b.Build()
		var authz string
		if c.token != "" || c.project != "" {
			// The real credential flow: BasicCredentials adds X-Project-Id and
			// X-Security-Token before signing.
			cred := auth.NewBasicCredentialsBuilder().WithAk(c.ak).WithSk(c.sk).WithSecurityToken(c.token).WithProjectId(c.project).Build()
			out, err := cred.ProcessAuthRequest(nil, req)
			if err != nil {
				panic(err)
			}
			authz = out.GetHeaderParams()["Authorization"]
			fmt.Printf("// %s headers after ProcessAuthRequest: %q\n", c.name, out.GetHeaderParams())
		} else if c.alg == "derived" {
			h, err := signer.SignDerived(req, c.ak, c.sk, "csms", "ap-southeast-1")
			if err != nil {
				panic(err)
			}
			authz = h["Authorization"]
		} else if c.alg == "sm3" {
			h, err := signer.SM3Signer{}.Sign(req, c.ak, c.sk)
			if err != nil {
				panic(err)
			}
			authz = h["Authorization"]
		} else {
			h, err := signer.Sign(req, c.ak, c.sk)
			if err != nil {
				panic(err)
			}
			authz = h["Authorization"]
		}
		fmt.Printf("%s\t%s\n", c.name, authz)
	}
}
