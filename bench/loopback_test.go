package bench

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The inputs every contender gets: one account, one project, one TOP app.
const (
	accessKey  = "BENCHAKEXAMPLE0000001"
	secretKey  = "benchSecretKeyExample0000000000000000001"
	projectID  = "0123456789abcdef0123456789abcdef"
	domainID   = "fedcba9876543210fedcba9876543210"
	domainName = "bench-account"
	userName   = "bench-user"
	password   = "bench-Password-1"
	iamToken   = "MIIbenchTOKENexample0123456789"
	topAppKey  = "12345678"
	topSecret  = "benchTopAppSecret0001"
	topMethod  = "alibaba.security.deepvision.proxy.security.common.token.get"

	csmsPath   = "/v1/" + projectID + "/csms/resource_instances/action"
	tokensPath = "/v3/auth/tokens"
	topPath    = "/router/rest"
)

// csmsBody is the ListResourceInstances answer: ten secrets with two tags
// each, as the CSMS page's example shapes them.
var csmsBody = func() []byte {
	var b strings.Builder
	b.WriteString(`{"resources":[`)
	for i := range 10 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"resource_id":"%[1]d5b2d4b6-1a2b-4c3d-8e9f-0a1b2c3d4e5f","resource_name":"app-secret-%[1]d",`+
			`"resource_detail":{"id":"%[1]d5b2d4b6-1a2b-4c3d-8e9f-0a1b2c3d4e5f","name":"app-secret-%[1]d","state":"ENABLED",`+
			`"kms_key_id":"b168fe00-ff26-4a29-a6fc-fd3ffe8b2ae0","description":"database password for service %[1]d",`+
			`"create_time":158125689%[1]d000,"update_time":158125689%[1]d500,"scheduled_delete_time":null},`+
			`"tags":[{"key":"env","value":"prod"},{"key":"team","value":"payments-%[1]d"}]}`, i)
	}
	b.WriteString(`],"total_count":10}`)
	return []byte(b.String())
}()

// tokenBody is the body of IAM's 201 to a password token request with
// nocatalog=true.
var tokenBody = []byte(`{"token":{"expires_at":"2099-01-02T03:04:05.000000Z","issued_at":"2026-12-01T03:04:05.000000Z",` +
	`"methods":["password"],"project":{"domain":{"id":"` + domainID + `","name":"` + domainName + `"},` +
	`"id":"` + projectID + `","name":"cn-north-4"},"roles":[{"id":"0","name":"op_gated_csms"},{"id":"1","name":"te_admin"}],` +
	`"user":{"domain":{"id":"` + domainID + `","name":"` + domainName + `"},"id":"7116d09f88fa41908676fdd4b039e95b",` +
	`"name":"` + userName + `","password_expires_at":""}}}`)

// topBody is TOP's envelope for SecurityTokenGet, the page's example with
// realistic values.
var topBody = []byte(`{"alibaba_security_deepvision_proxy_security_common_token_get_response":{"message":"成功","resp_code":1,` +
	`"resp_request_id":"0ba2887315178178017221014","result":{"access_key_id":"STS.NUgYrLnoC37mZZCNnAbez2Nqn",` +
	`"access_key_secret":"H8wJD6fNXx1ZzVFDZ1EVZbwAsfUVnEbAUTrYRqbXkKX","end_point_internal":"oss-cn-hangzhou-internal.aliyuncs.com",` +
	`"end_point_public":"oss-cn-hangzhou.aliyuncs.com","expiration":"2026-12-01T12:00:00Z","field_id":"poi-1",` +
	`"policy":{"statement":{"datas":[{"effect":"Allow"}]},"version":"1"},"product_code":"oss","scene_code":"scan",` +
	`"tenant_code":"tenant-1","token":"CAIS8QF1q6Ft5B2yfSjIr5bkKtbhn"}}}`)

// loopback is the server every contender calls. It checks every request
// (signature, password, TOP sign) and answers with the same bytes, so the
// contenders differ only in their own work.
type loopback struct {
	*httptest.Server
	rejected atomic.Int64 // requests answered 4xx
}

func newLoopback(tb testing.TB) *loopback {
	tb.Helper()
	l := &loopback{}
	l.Server = httptest.NewServer(http.HandlerFunc(l.serve))
	tb.Cleanup(l.Close)
	return l
}

func (l *loopback) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		l.reject(w, http.StatusBadRequest, "reading body: "+err.Error())
		return
	}
	switch r.URL.Path {
	case csmsPath:
		if err := verifyAKSK(r, body, accessKey, secretKey); err != nil {
			l.reject(w, http.StatusUnauthorized, err.Error())
			return
		}
		reply(w, http.StatusOK, csmsBody)
	case tokensPath:
		// The official IAM client signs this call too; a signature that is
		// present must be right.
		if r.Header.Get("Authorization") != "" {
			if err := verifyAKSK(r, body, accessKey, secretKey); err != nil {
				l.reject(w, http.StatusUnauthorized, err.Error())
				return
			}
		}
		if err := checkPassword(body); err != nil {
			l.reject(w, http.StatusUnauthorized, err.Error())
			return
		}
		w.Header().Set("X-Subject-Token", iamToken)
		reply(w, http.StatusCreated, tokenBody)
	case topPath:
		if err := verifyTOP(r, body, topSecret); err != nil {
			l.reject(w, http.StatusForbidden, err.Error())
			return
		}
		reply(w, http.StatusOK, topBody)
	default:
		l.reject(w, http.StatusNotFound, "no route for "+r.URL.Path)
	}
}

func reply(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

func (l *loopback) reject(w http.ResponseWriter, status int, msg string) {
	l.rejected.Add(1)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error_code": "BENCH.0001", "error_msg": msg})
}

// verifyAKSK checks an SDK-HMAC-SHA256 signature the way API Gateway does:
// it rebuilds the canonical request from what arrived, over the headers the
// Authorization header lists. It is written from the algorithm's
// description, independently of the signers under test.
func verifyAKSK(r *http.Request, body []byte, ak, sk string) error {
	auth := r.Header.Get("Authorization")
	rest, ok := strings.CutPrefix(auth, "SDK-HMAC-SHA256 ")
	if !ok {
		return fmt.Errorf("authorization %q is not SDK-HMAC-SHA256", auth)
	}
	fields := map[string]string{}
	for _, f := range strings.Split(rest, ", ") {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return fmt.Errorf("authorization field %q", f)
		}
		fields[k] = v
	}
	if fields["Access"] != ak {
		return fmt.Errorf("access key %q", fields["Access"])
	}
	date := r.Header.Get("X-Sdk-Date")
	if _, err := time.Parse("20060102T150405Z", date); err != nil {
		return fmt.Errorf("X-Sdk-Date %q: %v", date, err)
	}
	signed := strings.Split(fields["SignedHeaders"], ";")
	if !sort.StringsAreSorted(signed) || !contains(signed, "x-sdk-date") {
		return fmt.Errorf("signed headers %q", fields["SignedHeaders"])
	}

	var cr bytes.Buffer
	cr.WriteString(r.Method + "\n")
	segments := strings.Split(r.URL.EscapedPath(), "/")
	for i, s := range segments {
		u, err := url.PathUnescape(s)
		if err != nil {
			return err
		}
		segments[i] = pctEncode(u)
	}
	p := strings.Join(segments, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	cr.WriteString(p + "\n")
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return err
	}
	var pairs []string
	for k, vs := range q {
		for _, v := range vs {
			pairs = append(pairs, pctEncode(k)+"="+pctEncode(v))
		}
	}
	sort.Strings(pairs)
	cr.WriteString(strings.Join(pairs, "&") + "\n")
	for _, name := range signed {
		values := r.Header.Values(name)
		if name == "host" {
			values = []string{r.Host}
		}
		if len(values) == 0 {
			return fmt.Errorf("signed header %q not sent", name)
		}
		values = append([]string(nil), values...)
		sort.Strings(values)
		for _, v := range values {
			cr.WriteString(name + ":" + strings.TrimSpace(v) + "\n")
		}
	}
	cr.WriteString("\n" + fields["SignedHeaders"] + "\n")
	payload := r.Header.Get("X-Sdk-Content-Sha256")
	if payload == "" {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	cr.WriteString(payload)

	crSum := sha256.Sum256(cr.Bytes())
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte("SDK-HMAC-SHA256\n" + date + "\n" + hex.EncodeToString(crSum[:])))
	want := hex.EncodeToString(mac.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(want), []byte(fields["Signature"])) != 1 {
		return fmt.Errorf("signature mismatch over canonical request %q", cr.String())
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pctEncode escapes all but the RFC 3986 unreserved characters, upper-case hex.
func pctEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// checkPassword accepts exactly the bench user's password request.
func checkPassword(body []byte) error {
	var req struct {
		Auth struct {
			Identity struct {
				Methods  []string `json:"methods"`
				Password struct {
					User struct {
						Domain   struct{ Name string } `json:"domain"`
						Name     string                `json:"name"`
						Password string                `json:"password"`
					} `json:"user"`
				} `json:"password"`
			} `json:"identity"`
		} `json:"auth"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return fmt.Errorf("token request: %v", err)
	}
	u := req.Auth.Identity.Password.User
	if len(req.Auth.Identity.Methods) != 1 || req.Auth.Identity.Methods[0] != "password" ||
		u.Domain.Name != domainName || u.Name != userName || u.Password != password {
		return fmt.Errorf("wrong user, domain or password")
	}
	return nil
}

// verifyTOP checks a TOP md5 signature: upper-case hex MD5 of secret +
// sorted name+value pairs + secret, over every parameter but sign.
func verifyTOP(r *http.Request, body []byte, secret string) error {
	if r.Method != http.MethodPost {
		return fmt.Errorf("method %s", r.Method)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return err
	}
	for k, v := range r.URL.Query() {
		form[k] = append(form[k], v...)
	}
	if form.Get("method") != topMethod || form.Get("app_key") != topAppKey || form.Get("sign_method") != "md5" {
		return fmt.Errorf("system parameters %v", form)
	}
	names := make([]string, 0, len(form))
	for k := range form {
		if k != "sign" && form.Get(k) != "" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	h := md5.New()
	io.WriteString(h, secret)
	for _, k := range names {
		io.WriteString(h, k+form.Get(k))
	}
	io.WriteString(h, secret)
	if want := strings.ToUpper(hex.EncodeToString(h.Sum(nil))); form.Get("sign") != want {
		return fmt.Errorf("sign %q, want %q", form.Get("sign"), want)
	}
	return nil
}
