package bench

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
	ocsms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1"
	ocsmsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1/model"
	oiam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	oiammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/csms/csmsapi"
	gentop "github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/generated/top/topapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
	"github.com/docapi/docapi/wrappers/top"
)

// Each contender gets its own transport, configured alike.
func newTransport() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

// errCaptured ends a call in the transport: build + sign measures
// everything up to the wire.
var errCaptured = errors.New("bench: request captured")

// captureTransport stops every request before the network and remembers
// the last one (for the tests; the benchmarks ignore it).
type captureTransport struct{ last *http.Request }

func (c *captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	c.last = req
	return nil, errCaptured
}

func docapiConfig(server string, rt http.RoundTripper) huawei.Config {
	return huawei.Config{
		Endpoint:  server,
		ProjectID: projectID,
		Credentials: huawei.Credentials{AccessKey: accessKey, SecretKey: secret.New(secretKey),
			ProjectID: projectID},
		HTTPClient: &http.Client{Transport: rt},
	}
}

func docapiCSMS(tb testing.TB, cfg huawei.Config) *csmsapi.Client {
	tb.Helper()
	c, err := csmsapi.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func strp(s string) *string { return &s }

// The same ListResourceInstances request for every contender.
func docapiListBody() csms.ListResourceInstancesRequestBody {
	return csms.ListResourceInstancesRequestBody{Action: "filter", Limit: strp("10"), Offset: strp("0"),
		Matches: []csms.TagMatches{{Key: strp("resource_name"), Value: strp("app")}}}
}

func officialListRequest() *ocsmsmodel.ListResourceInstancesRequest {
	return &ocsmsmodel.ListResourceInstancesRequest{ResourceInstances: "resource_instances",
		Body: &ocsmsmodel.ListResourceInstancesRequestBody{Action: "filter", Limit: strp("10"), Offset: strp("0"),
			Matches: &[]ocsmsmodel.TagMatches{{Key: strp("resource_name"), Value: strp("app")}}}}
}

func officialHTTPConfig(rt http.RoundTripper) *config.HttpConfig {
	cfg := config.DefaultHttpConfig()
	if t, ok := rt.(*http.Transport); ok {
		return cfg.WithHttpTransport(t)
	}
	return cfg.WithHttpRoundTripper(rt)
}

func officialCSMS(tb testing.TB, server string, rt http.RoundTripper) *ocsms.CsmsClient {
	tb.Helper()
	cred, err := basic.NewCredentialsBuilder().WithAk(accessKey).WithSk(secretKey).WithProjectId(projectID).SafeBuild()
	if err != nil {
		tb.Fatal(err)
	}
	hc, err := ocsms.CsmsClientBuilder().WithEndpoints([]string{server}).WithCredential(cred).
		WithHttpConfig(officialHTTPConfig(rt)).SafeBuild()
	if err != nil {
		tb.Fatal(err)
	}
	return ocsms.NewCsmsClient(hc)
}

func officialIAM(tb testing.TB, server string, rt http.RoundTripper) *oiam.IamClient {
	tb.Helper()
	cred, err := global.NewCredentialsBuilder().WithAk(accessKey).WithSk(secretKey).WithDomainId(domainID).SafeBuild()
	if err != nil {
		tb.Fatal(err)
	}
	hc, err := oiam.IamClientBuilder().WithEndpoints([]string{server}).WithCredential(cred).
		WithHttpConfig(officialHTTPConfig(rt)).SafeBuild()
	if err != nil {
		tb.Fatal(err)
	}
	return oiam.NewIamClient(hc)
}

func officialTokenRequest() *oiammodel.KeystoneCreateUserTokenByPasswordRequest {
	return &oiammodel.KeystoneCreateUserTokenByPasswordRequest{Nocatalog: strp("true"),
		Body: &oiammodel.KeystoneCreateUserTokenByPasswordRequestBody{Auth: &oiammodel.PwdAuth{
			Identity: &oiammodel.PwdIdentity{
				Methods: []oiammodel.PwdIdentityMethods{oiammodel.GetPwdIdentityMethodsEnum().PASSWORD},
				Password: &oiammodel.PwdPassword{User: &oiammodel.PwdPasswordUser{
					Domain: &oiammodel.PwdPasswordUserDomain{Name: domainName}, Name: userName, Password: password}},
			},
			Scope: &oiammodel.AuthScope{Project: &oiammodel.AuthScopeProject{Name: strp("cn-north-4")}},
		}}}
}

func docapiTokens(tb testing.TB, server string, rt http.RoundTripper) *huawei.PasswordTokenSource {
	tb.Helper()
	iamClient, err := huawei.NewIAMClient(huawei.Config{Endpoint: server, HTTPClient: &http.Client{Transport: rt}})
	if err != nil {
		tb.Fatal(err)
	}
	return &huawei.PasswordTokenSource{IAM: iamClient, DomainName: domainName, UserName: userName,
		Password: secret.New(password), Scope: huawei.Scope{ProjectName: "cn-north-4"}}
}

func docapiTOP(tb testing.TB, server string, rt http.RoundTripper, unmarshal func([]byte, any) error) *topapi.Client {
	tb.Helper()
	c, err := topapi.New(top.Config{AppKey: topAppKey, AppSecret: secret.New(topSecret), SignMethod: top.SignMD5,
		Gateway: server + topPath, Unmarshal: unmarshal}, top.WithBaseTransport(rt))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

var docapiTopQuery = gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &gentop.SecurityTokenQueryParam{
	ProductCode: topQuery.ProductCode, SceneCode: topQuery.SceneCode, UsageScene: topQuery.UsageScene,
	OpPoiID: topQuery.OpPoiID, OpTenantCode: topQuery.OpTenantCode}}

// calls holds one func per contender and scenario; each checks what it got,
// so a contender that answers wrongly fails the benchmark.
type calls struct {
	csmsFloor, csmsDocapi, csmsOfficial    func(context.Context) error
	csmsDocapiStd                          func(context.Context) error // Config.Unmarshal: encoding/json
	buildFloor, buildDocapi, buildOfficial func(context.Context) error
	tokenFloor, tokenDocapi, tokenOfficial func(context.Context) error
	topFloor, topDocapi, topDocapiStd      func(context.Context) error
	// captured are the transports that stop build + sign calls.
	capFloor, capDocapi, capOfficial *captureTransport
}

func checkResources(n int, last string) error {
	if n != 10 || last != "app-secret-9" {
		return fmt.Errorf("got %d resources, last %q", n, last)
	}
	return nil
}

var wantExpiry = time.Date(2099, 1, 2, 3, 4, 5, 0, time.UTC)

func checkToken(tok string, exp time.Time) error {
	if tok != iamToken || !exp.Equal(wantExpiry) {
		return fmt.Errorf("token %q expiring %v", tok, exp)
	}
	return nil
}

func newCalls(tb testing.TB, srv *loopback) *calls {
	tb.Helper()
	c := &calls{capFloor: &captureTransport{}, capDocapi: &captureTransport{}, capOfficial: &captureTransport{}}

	f := floor{hc: &http.Client{Transport: newTransport()}, server: srv.URL}
	c.csmsFloor = func(ctx context.Context) error {
		r, err := f.listResourceInstances(ctx)
		if err != nil {
			return err
		}
		return checkResources(len(r.Resources), r.Resources[len(r.Resources)-1].ResourceName)
	}
	listCSMS := func(dc *csmsapi.Client) func(context.Context) error {
		return func(ctx context.Context) error {
			r, err := dc.ListResourceInstances(ctx, docapiListBody())
			if err != nil {
				return err
			}
			if len(r.Resources) == 0 {
				return errors.New("no resources")
			}
			rs := r.Resources
			return checkResources(len(rs), rs[len(rs)-1].ResourceName)
		}
	}
	c.csmsDocapi = listCSMS(docapiCSMS(tb, docapiConfig(srv.URL, newTransport())))
	std := docapiConfig(srv.URL, newTransport())
	std.Unmarshal = json.Unmarshal
	c.csmsDocapiStd = listCSMS(docapiCSMS(tb, std))
	oc := officialCSMS(tb, srv.URL, newTransport())
	c.csmsOfficial = func(context.Context) error {
		r, err := oc.ListResourceInstances(officialListRequest())
		if err != nil {
			return err
		}
		if r.Resources == nil || len(*r.Resources) == 0 {
			return errors.New("no resources")
		}
		rs := *r.Resources
		return checkResources(len(rs), *rs[len(rs)-1].ResourceName)
	}

	fb := floor{hc: &http.Client{Transport: c.capFloor}, server: srv.URL}
	c.buildFloor = func(ctx context.Context) error {
		req, err := fb.buildCSMS(ctx)
		if err != nil {
			return err
		}
		_, err = fb.hc.Do(req)
		return captured(err)
	}
	dcfg := docapiConfig(srv.URL, c.capDocapi)
	dcfg.Retry = retry.Policy{MaxAttempts: 1}
	db := docapiCSMS(tb, dcfg)
	c.buildDocapi = func(ctx context.Context) error {
		_, err := db.ListResourceInstances(ctx, docapiListBody())
		return captured(err)
	}
	ob := officialCSMS(tb, srv.URL, c.capOfficial)
	c.buildOfficial = func(context.Context) error {
		_, err := ob.ListResourceInstances(officialListRequest())
		return captured(err)
	}

	c.tokenFloor = func(ctx context.Context) error {
		tok, exp, err := f.passwordToken(ctx)
		if err != nil {
			return err
		}
		return checkToken(tok, exp)
	}
	ts := docapiTokens(tb, srv.URL, newTransport())
	c.tokenDocapi = func(ctx context.Context) error {
		tok, err := ts.Token(ctx)
		if err != nil {
			return err
		}
		ts.Invalidate(tok) // the next call fetches again
		return checkToken(tok.Value.Reveal(), tok.ExpiresAt)
	}
	oi := officialIAM(tb, srv.URL, newTransport())
	c.tokenOfficial = func(context.Context) error {
		r, err := oi.KeystoneCreateUserTokenByPassword(officialTokenRequest())
		if err != nil {
			return err
		}
		if r.XSubjectToken == nil || r.Token == nil {
			return errors.New("no token")
		}
		exp, err := time.Parse(time.RFC3339Nano, r.Token.ExpiresAt)
		if err != nil {
			return err
		}
		return checkToken(*r.XSubjectToken, exp)
	}

	c.topFloor = func(ctx context.Context) error {
		r, err := f.securityTokenGet(ctx)
		if err != nil {
			return err
		}
		return checkTOP(r.AccessKeyID)
	}
	tokenGet := func(dt *topapi.Client) func(context.Context) error {
		return func(ctx context.Context) error {
			r, err := dt.AlibabaSecurityDeepvisionProxySecurityCommonTokenGet(ctx, docapiTopQuery)
			if err != nil {
				return err
			}
			if r.Result == nil {
				return errors.New("no result")
			}
			return checkTOP(r.Result.AccessKeyID)
		}
	}
	c.topDocapi = tokenGet(docapiTOP(tb, srv.URL, newTransport(), nil))
	c.topDocapiStd = tokenGet(docapiTOP(tb, srv.URL, newTransport(), json.Unmarshal))
	return c
}

func checkTOP(id string) error {
	if id != "STS.NUgYrLnoC37mZZCNnAbez2Nqn" {
		return fmt.Errorf("access_key_id %q", id)
	}
	return nil
}

// captured turns the expected end of a build + sign call into success.
func captured(err error) error {
	if errors.Is(err, errCaptured) {
		return nil
	}
	if err == nil {
		return errors.New("call was not stopped by the capturing transport")
	}
	return err
}

// Signing a prepared request alone: the same method, URL, headers and body.
type signInputs struct {
	body []byte
	now  time.Time
	date string
	// docapi and floor sign an *http.Request, the official signer its own
	// request type.
	httpReq     *http.Request
	officialReq *request.DefaultHttpRequest
	// crBytes and stsBytes are what the bare hashes hash: the canonical
	// request and string to sign of this request.
	crBytes, stsBytes []byte
}

func newSignInputs(tb testing.TB, server string) *signInputs {
	tb.Helper()
	body, err := json.Marshal(floorListBody)
	if err != nil {
		tb.Fatal(err)
	}
	s := &signInputs{body: body, now: time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)}
	s.date = s.now.Format(huawei.DateFormat)
	s.httpReq, err = http.NewRequest(http.MethodPost, server+csmsPath, nil)
	if err != nil {
		tb.Fatal(err)
	}
	s.httpReq.Header.Set("Content-Type", "application/json;charset=UTF-8")
	s.httpReq.Header.Set("X-Project-Id", projectID)
	s.officialReq = request.NewHttpRequestBuilder().WithEndpoint(server).WithPath(csmsPath).
		WithMethod(http.MethodPost).
		AddHeaderParam("Content-Type", "application/json;charset=UTF-8").
		AddHeaderParam("X-Project-Id", projectID).
		AddHeaderParam("X-Sdk-Date", s.date).
		WithBody("body", string(body)).Build()
	// What any of the signers hashes, give or take the signed header list.
	bodySum := sha256.Sum256(body)
	s.crBytes = fmt.Appendf(nil, "POST\n%s/\n\nx-project-id:%s\nx-sdk-date:%s\n\nx-project-id;x-sdk-date\n%x",
		csmsPath, projectID, s.date, bodySum)
	crSum := sha256.Sum256(s.crBytes)
	s.stsBytes = fmt.Appendf(nil, "SDK-HMAC-SHA256\n%s\n%x", s.date, crSum)
	return s
}

func (s *signInputs) docapi() error {
	return huawei.Sign(s.httpReq, s.body, huawei.Credentials{AccessKey: accessKey, SecretKey: secret.New(secretKey)}, s.now)
}

func (s *signInputs) official() (map[string]string, error) {
	return signer.Sign(s.officialReq, accessKey, secretKey)
}

func (s *signInputs) floor() { floorSign(s.httpReq, s.body, projectID, s.now) }

// hashes is the bare cost: SHA-256 of the body and of the canonical
// request, and the HMAC of the string to sign.
func (s *signInputs) hashes() byte {
	a := sha256.Sum256(s.body)
	b := sha256.Sum256(s.crBytes)
	mac := hmac.New(sha256.New, []byte(secretKey))
	mac.Write(s.stsBytes)
	var sum [sha256.Size]byte
	return a[0] ^ b[0] ^ mac.Sum(sum[:0])[0]
}

// sendOfficial sends the officially signed request through core's
// conversion, for the tests.
func sendOfficial(s *signInputs, headers map[string]string) (*http.Response, error) {
	req := s.officialReq
	for k, v := range headers {
		req.AddHeaderParam(k, v)
	}
	hreq, err := req.ConvertRequest()
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(hreq)
}
