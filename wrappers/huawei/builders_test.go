package huawei_test

import (
	"strings"
	"testing"

	"github.com/oapi-codegen/runtime"

	"github.com/docapi/docapi/generated/vpc"
)

// The generated request builders (specs/templates/client.tmpl) write
// parameters with wrappers/param; the URL must be what oapi-codegen's
// runtime would have written for the same values.
func TestGeneratedBuildersWriteParameters(t *testing.T) {
	name, owner, limit, up := "web 1&2", "compute:az1", int64(100), true
	status := vpc.NeutronListPortsParamsStatusACTIVE
	params := &vpc.NeutronListPortsParams{Name: &name, DeviceOwner: &owner, Limit: &limit, AdminStateUp: &up,
		Status: &status, FixedIps: []string{"ip_address=10.0.0.2", "subnet_id=a/b"}}
	req, err := vpc.NewNeutronListPortsRequest("https://vpc.cn-north-4.myhuaweicloud.com/", params)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range []struct {
		name  string
		value any
	}{{"name", name}, {"admin_state_up", up}, {"device_owner", owner}, {"status", string(status)},
		{"fixed_ips", params.FixedIps}, {"limit", limit}} {
		frag, err := runtime.StyleParamWithOptions("form", true, p.name, p.value, runtime.StyleParamOptions{ParamLocation: runtime.ParamLocationQuery})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, frag)
	}
	if got := req.URL.RawQuery; got != strings.Join(want, "&") {
		t.Errorf("query\n%s\nwant (runtime)\n%s", got, strings.Join(want, "&"))
	}
	if req.URL.Path != "/v2.0/ports" || req.Method != "GET" {
		t.Errorf("%s %s", req.Method, req.URL.Path)
	}

	req, err = vpc.NewShowPortRequest("https://vpc.example.com/proxy", "p1", "a/b c")
	if err != nil {
		t.Fatal(err)
	}
	seg, _ := runtime.StyleParamWithOptions("simple", false, "port_id", "a/b c", runtime.StyleParamOptions{ParamLocation: runtime.ParamLocationPath})
	if got, want := req.URL.String(), "https://vpc.example.com/proxy/v1/p1/ports/"+seg; got != want {
		t.Errorf("URL %s, want %s", got, want)
	}
	for _, bad := range []string{"", "..", "."} {
		if _, err := vpc.NewShowPortRequest("https://vpc.example.com", "p1", bad); err == nil || !strings.Contains(err.Error(), "port_id") {
			t.Errorf("port id %q: %v, want an error naming port_id", bad, err)
		}
	}
}
