package faults_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/docapi/docapi/generated/vpc/vpcapi"
	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

const addressGroupID = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"

// vpcEndpoint plays VPC ShowAddressGroup (GET, so retried), authenticated
// by an AK/SK signature.
func vpcEndpoint() *endpoint {
	return &endpoint{
		method: http.MethodGet, path: "/v3/" + projectID + "/vpc/address-groups/" + addressGroupID,
		auth: func(r *http.Request) string {
			if !strings.HasPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 Access="+accessKey+", SignedHeaders=") ||
				r.Header.Get("X-Sdk-Date") == "" || r.Header.Get("X-Security-Token") != securityToken {
				return "VPC: request not signed with the test credentials"
			}
			return ""
		},
		status: http.StatusOK,
		header: map[string]string{"Content-Type": "application/json"},
		// The group's description carries a secret, so malformed and
		// oversized answers show whether bodies leak into errors.
		body: `{"address_group":{"id":"` + addressGroupID + `","name":"g1","description":"` + instanceToken + `"},"request_id":"r1"}`,
		errReply: func(w http.ResponseWriter, status int, msg string) {
			huaweiJSON(w, status, fmt.Sprintf(`{"error_code":"VPC.%d","error_msg":%s}`, status, jsonString(msg)))
		},
		errCode: func(status int) string { return fmt.Sprintf("VPC.%d", status) },
	}
}

func buildAKSKVPC(t *testing.T, srv *httptest.Server, sleep retry.Sleeper) built {
	cfg := huaweiConfig(srv, sleep)
	cfg.Credentials = huawei.Credentials{AccessKey: accessKey, SecretKey: secret.New(secretKey),
		SecurityToken: secret.New(securityToken), ProjectID: projectID}
	c, err := vpcapi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	call := func(ctx context.Context) error {
		out, err := c.ShowAddressGroup(ctx, addressGroupID)
		if err == nil && (out.AddressGroup == nil || out.AddressGroup.Name != "g1") {
			return errors.New("wrong address group")
		}
		return err
	}
	return built{call: call, transport: srv.Client().Transport.(*http.Transport),
		values: map[string]any{"config": cfg, "config pointer": &cfg, "client": c}}
}

// TestFaultsGeneratedVPC runs every fault against a generated client that
// no hand-written Go names (generated/vpc/vpcapi), as TestFaults does for
// the others.
func TestFaultsGeneratedVPC(t *testing.T) {
	ep := vpcEndpoint()
	v := vendor{name: "vpc-aksk", endpoints: []*endpoint{ep}, target: ep, build: buildAKSKVPC,
		check: func(t *testing.T, err error, f fault, ep *endpoint) { checkHuawei(t, err, f, ep, false) }}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) { runCase(t, v, f) })
	}
}
