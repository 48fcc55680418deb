package huawei

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// serviceHosts maps a service name to the first label of its regional host,
// https://{label}.{region}.myhuaweicloud.com. Read-only.
var serviceHosts = map[string]string{
	"iam":       "iam",
	"csms":      "kms", // Cloud Secret Management is served by the KMS endpoint.
	"kms":       "kms",
	"modelarts": "modelarts",
}

// regionPattern admits region ids such as "cn-north-4" or "ap-southeast-1"
// and nothing that could change the host (dots, slashes, "@", ports).
var regionPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxRegionLen keeps the region within one DNS label.
const maxRegionLen = 63

// Endpoint returns the regional endpoint of service, e.g.
// Endpoint("iam", "cn-north-4") = "https://iam.cn-north-4.myhuaweicloud.com".
func Endpoint(service, region string) (string, error) {
	label, ok := serviceHosts[strings.ToLower(service)]
	if !ok {
		return "", fmt.Errorf("huawei: unknown service %q (known: %s)", service, strings.Join(Services(), ", "))
	}
	if len(region) > maxRegionLen || !regionPattern.MatchString(region) {
		return "", fmt.Errorf("huawei: invalid region %q: want lowercase letters, digits and single dashes, like cn-north-4", region)
	}
	return "https://" + label + "." + region + ".myhuaweicloud.com", nil
}

// Services lists the services Endpoint knows, sorted.
func Services() []string {
	names := make([]string, 0, len(serviceHosts))
	for name := range serviceHosts {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
