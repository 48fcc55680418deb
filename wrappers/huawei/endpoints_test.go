package huawei

import (
	"net/url"
	"slices"
	"testing"
)

func TestEndpoint(t *testing.T) {
	cases := []struct{ service, region, want string }{
		{"iam", "cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com"},
		{"csms", "ap-southeast-1", "https://kms.ap-southeast-1.myhuaweicloud.com"},
		{"modelarts", "cn-southwest-2", "https://modelarts.cn-southwest-2.myhuaweicloud.com"},
		{"IAM", "la-south-2", "https://iam.la-south-2.myhuaweicloud.com"},
	}
	for _, c := range cases {
		got, err := Endpoint(c.service, c.region)
		if err != nil || got != c.want {
			t.Errorf("Endpoint(%q, %q) = %q, %v; want %q", c.service, c.region, got, err, c.want)
		}
		if u, err := url.Parse(got); err != nil || u.Hostname() != got[len("https://"):] {
			t.Errorf("%q is not a plain host URL", got)
		}
	}
}

func TestEndpointRejectsHostInjection(t *testing.T) {
	for _, region := range []string{
		"", "CN-NORTH-4", "cn-north-4.evil.com", "evil.com/", "evil.com#", "a@evil.com", "cn-north-4:8443",
		"-cn", "cn-", "cn--north", "cn north", "cn-north-4\n", "cn-north-４",
		"a-very-long-region-name-that-does-not-fit-into-one-dns-label-at-all",
	} {
		if got, err := Endpoint("iam", region); err == nil {
			t.Errorf("Endpoint(iam, %q) = %q, want an error", region, got)
		}
	}
	if _, err := Endpoint("s3", "cn-north-4"); err == nil {
		t.Error("unknown service accepted")
	}
}

func TestServices(t *testing.T) {
	got := Services()
	for _, want := range []string{"csms", "iam", "modelarts"} {
		if !slices.Contains(got, want) {
			t.Errorf("Services() = %v lacks %s", got, want)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("Services() not sorted: %v", got)
	}
}
