package top

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	gentop "github.com/docapi/docapi/generated/top"
)

// The generated raw client, through the Transport, against the loopback
// gateway: its request builder must keep the API method in the URL's
// fragment ("/router/rest#<api>"), where the Transport reads it.
func TestGeneratedRawClientThroughTransport(t *testing.T) {
	g, srv := newGateway(t, replyWith("text/javascript", successBody))
	tr := newTestTransport(t, srv, testConfig(srv, SignHMACSHA256))
	c, err := gentop.NewClientWithResponses("https://server.invalid", gentop.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"instance_id": {"i-1"}}
	resp, err := c.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetWithBodyWithResponse(context.Background(),
		"application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode() != 200 || resp.JSON200 == nil || resp.JSON200.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result == nil {
		t.Fatalf("status %d, JSON200 %+v", resp.StatusCode(), resp.JSON200)
	}
	seen := g.requests()
	if len(seen) != 1 || seen[0].Get("method") != apiName {
		t.Fatalf("gateway saw %v", seen)
	}
}
