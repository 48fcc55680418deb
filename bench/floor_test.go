package bench

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// The floor: what a careful programmer writes by hand with net/http and
// encoding/json for these calls and nothing else. Its signer knows the
// three headers it signs and that the paths it calls need no escaping.

// floorSign signs req (whose headers it replaces) for SDK-HMAC-SHA256 over
// host, x-project-id (when set) and x-sdk-date.
func floorSign(req *http.Request, body []byte, project string, now time.Time) {
	var dateBuf [16]byte
	date := string(now.UTC().AppendFormat(dateBuf[:0], "20060102T150405Z"))
	bodySum := sha256.Sum256(body)

	cr := make([]byte, 0, 256)
	cr = append(cr, req.Method...)
	cr = append(cr, '\n')
	cr = append(cr, req.URL.Path...)
	if !strings.HasSuffix(req.URL.Path, "/") {
		cr = append(cr, '/')
	}
	cr = append(cr, "\n\nhost:"...)
	cr = append(cr, req.URL.Host...)
	signed := "host;x-sdk-date"
	if project != "" {
		cr = append(cr, "\nx-project-id:"...)
		cr = append(cr, project...)
		signed = "host;x-project-id;x-sdk-date"
	}
	cr = append(cr, "\nx-sdk-date:"...)
	cr = append(cr, date...)
	cr = append(cr, "\n\n"...)
	cr = append(cr, signed...)
	cr = append(cr, '\n')
	cr = hex.AppendEncode(cr, bodySum[:])
	crSum := sha256.Sum256(cr)

	sts := make([]byte, 0, 96)
	sts = append(sts, "SDK-HMAC-SHA256\n"...)
	sts = append(sts, date...)
	sts = append(sts, '\n')
	sts = hex.AppendEncode(sts, crSum[:])
	mac := hmac.New(sha256.New, []byte(secretKey))
	mac.Write(sts)
	var sum [sha256.Size]byte

	auth := make([]byte, 0, 160)
	auth = append(auth, "SDK-HMAC-SHA256 Access="+accessKey+", SignedHeaders="...)
	auth = append(auth, signed...)
	auth = append(auth, ", Signature="...)
	auth = hex.AppendEncode(auth, mac.Sum(sum[:0]))

	h := http.Header{
		"Content-Type":  {"application/json;charset=UTF-8"},
		"X-Sdk-Date":    {date},
		"Authorization": {string(auth)},
	}
	if project != "" {
		h["X-Project-Id"] = []string{project}
	}
	req.Header = h
}

// Request and response types as one writes them by hand: values, not
// pointers.
type floorListRequest struct {
	Action  string         `json:"action"`
	Limit   string         `json:"limit"`
	Offset  string         `json:"offset"`
	Matches []floorTagItem `json:"matches,omitempty"`
}

type floorTagItem struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type floorListResponse struct {
	Resources []struct {
		ResourceID     string `json:"resource_id"`
		ResourceName   string `json:"resource_name"`
		ResourceDetail struct {
			ID                  string `json:"id"`
			Name                string `json:"name"`
			State               string `json:"state"`
			KmsKeyID            string `json:"kms_key_id"`
			Description         string `json:"description"`
			CreateTime          int64  `json:"create_time"`
			UpdateTime          int64  `json:"update_time"`
			ScheduledDeleteTime int64  `json:"scheduled_delete_time"`
		} `json:"resource_detail"`
		Tags []floorTagItem `json:"tags"`
	} `json:"resources"`
	TotalCount int32 `json:"total_count"`
}

var floorListBody = floorListRequest{Action: "filter", Limit: "10", Offset: "0",
	Matches: []floorTagItem{{Key: "resource_name", Value: "app"}}}

type floor struct {
	hc     *http.Client
	server string
}

// buildCSMS marshals, builds and signs the ListResourceInstances request.
func (f floor) buildCSMS(ctx context.Context) (*http.Request, error) {
	body, err := json.Marshal(floorListBody)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.server+csmsPath, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	floorSign(req, body, projectID, time.Now())
	return req, nil
}

func (f floor) listResourceInstances(ctx context.Context) (*floorListResponse, error) {
	req, err := f.buildCSMS(ctx)
	if err != nil {
		return nil, err
	}
	var out floorListResponse
	if err := f.do(req, http.StatusOK, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (f floor) do(req *http.Request, want int, out any) error {
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("%s %s: HTTP %d", req.Method, req.URL.Path, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

type floorTokenRequest struct {
	Auth struct {
		Identity struct {
			Methods  []string `json:"methods"`
			Password struct {
				User struct {
					Domain struct {
						Name string `json:"name"`
					} `json:"domain"`
					Name     string `json:"name"`
					Password string `json:"password"`
				} `json:"user"`
			} `json:"password"`
		} `json:"identity"`
		Scope struct {
			Project struct {
				Name string `json:"name"`
			} `json:"project"`
		} `json:"scope"`
	} `json:"auth"`
}

// passwordToken gets an IAM token (unsigned, as IAM allows).
func (f floor) passwordToken(ctx context.Context) (string, time.Time, error) {
	var r floorTokenRequest
	r.Auth.Identity.Methods = []string{"password"}
	u := &r.Auth.Identity.Password.User
	u.Domain.Name, u.Name, u.Password = domainName, userName, password
	r.Auth.Scope.Project.Name = "cn-north-4"
	body, err := json.Marshal(&r)
	if err != nil {
		return "", time.Time{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.server+tokensPath+"?nocatalog=true", bytes.NewReader(body))
	if err != nil {
		return "", time.Time{}, err
	}
	req.Header.Set("Content-Type", "application/json;charset=UTF-8")
	resp, err := f.hc.Do(req)
	if err != nil {
		return "", time.Time{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", time.Time{}, fmt.Errorf("token: HTTP %d", resp.StatusCode)
	}
	var out struct {
		Token struct {
			ExpiresAt time.Time `json:"expires_at"`
		} `json:"token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", time.Time{}, err
	}
	tok := resp.Header.Get("X-Subject-Token")
	if tok == "" {
		return "", time.Time{}, errors.New("token: no X-Subject-Token")
	}
	return tok, out.Token.ExpiresAt, nil
}

type floorTopQuery struct {
	ProductCode  string `json:"product_code"`
	SceneCode    string `json:"scene_code"`
	UsageScene   string `json:"usage_scene"`
	OpPoiID      string `json:"op_poi_id"`
	OpTenantCode string `json:"op_tenant_code"`
}

var topQuery = floorTopQuery{ProductCode: "oss", SceneCode: "scan", UsageScene: "upload", OpPoiID: "poi-1", OpTenantCode: "tenant-1"}

type floorTopCredential struct {
	AccessKeyID     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	Expiration      string `json:"expiration"`
	Token           string `json:"token"`
	EndPointPublic  string `json:"end_point_public"`
}

var gmt8 = time.FixedZone("GMT+8", 8*3600)

// securityTokenGet calls TOP's gateway signed with md5.
func (f floor) securityTokenGet(ctx context.Context) (*floorTopCredential, error) {
	param, err := json.Marshal(topQuery)
	if err != nil {
		return nil, err
	}
	form := url.Values{
		"method":      {topMethod},
		"app_key":     {topAppKey},
		"timestamp":   {time.Now().In(gmt8).Format("2006-01-02 15:04:05")},
		"format":      {"json"},
		"v":           {"2.0"},
		"sign_method": {"md5"},
		"param":       {string(param)},
	}
	names := make([]string, 0, len(form))
	for k := range form {
		names = append(names, k)
	}
	sort.Strings(names)
	h := md5.New()
	io.WriteString(h, topSecret)
	for _, k := range names {
		io.WriteString(h, k)
		io.WriteString(h, form[k][0])
	}
	io.WriteString(h, topSecret)
	form["sign"] = []string{strings.ToUpper(hex.EncodeToString(h.Sum(nil)))}

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.server+topPath, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
	var out struct {
		Response struct {
			Result *floorTopCredential `json:"result"`
		} `json:"alibaba_security_deepvision_proxy_security_common_token_get_response"`
		Error *struct {
			Code int    `json:"code"`
			Msg  string `json:"msg"`
		} `json:"error_response"`
	}
	if err := f.do(req, http.StatusOK, &out); err != nil {
		return nil, err
	}
	if out.Error != nil {
		return nil, fmt.Errorf("top: %d %s", out.Error.Code, out.Error.Msg)
	}
	if out.Response.Result == nil {
		return nil, errors.New("top: no result")
	}
	return out.Response.Result, nil
}
