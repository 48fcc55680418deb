package huawei

import (
	"fmt"
	"regexp"
	"strings"
)

// regionPattern admits region ids such as "cn-north-4" or "ap-southeast-1"
// and nothing that could change the host (dots, slashes, "@", ports).
var regionPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxRegionLen keeps the region within one DNS label.
const maxRegionLen = 63

// Endpoint returns the service's regional endpoint: the server URL of its
// spec with {region} filled in, e.g. "https://vpc.cn-north-4.myhuaweicloud.com"
// for vpcapi.Service and "cn-north-4". A server URL without {region} (a
// global endpoint) is returned as it is.
func (s Service) Endpoint(region string) (string, error) {
	if s.Server == "" {
		return "", fmt.Errorf("huawei: service %q has no server URL in its spec; set Config.Endpoint", s.Name)
	}
	if !strings.Contains(s.Server, "{region}") {
		return s.Server, nil
	}
	if len(region) > maxRegionLen || !regionPattern.MatchString(region) {
		return "", fmt.Errorf("huawei: invalid region %q: want lowercase letters, digits and single dashes, like cn-north-4", region)
	}
	u := strings.ReplaceAll(s.Server, "{region}", region)
	if strings.ContainsAny(u, "{}") {
		return "", fmt.Errorf("huawei: service %q: server URL %q has variables other than {region}; set Config.Endpoint", s.Name, s.Server)
	}
	return u, nil
}
