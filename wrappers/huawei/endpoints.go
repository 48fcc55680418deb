package huawei

import (
	"fmt"
	"strings"
)

// validRegion admits region ids such as "cn-north-4" or "ap-southeast-1"
// (runs of lowercase letters and digits joined by single dashes) and
// nothing that could change the host (dots, slashes, "@", ports). A loop,
// not a regexp: the regexp package would be most of the code a program
// links for this package.
func validRegion(region string) bool {
	prev := byte('-') // no leading dash
	for i := 0; i < len(region); i++ {
		c := region[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && prev != '-':
		default:
			return false
		}
		prev = c
	}
	return region != "" && prev != '-'
}

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
	if len(region) > maxRegionLen || !validRegion(region) {
		return "", fmt.Errorf("huawei: invalid region %q: want lowercase letters, digits and single dashes, like cn-north-4", region)
	}
	u := strings.ReplaceAll(s.Server, "{region}", region)
	if strings.ContainsAny(u, "{}") {
		return "", fmt.Errorf("huawei: service %q: server URL %q has variables other than {region}; set Config.Endpoint", s.Name, s.Server)
	}
	return u, nil
}
