package emit

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// securityScheme is an OpenAPI security scheme a page may name.
type securityScheme struct {
	Name        string // the name readers put in Operation.Security
	Type        string // OpenAPI type, e.g. "apiKey"
	In          string // for apiKey: header, query or cookie
	ParamName   string // for apiKey: the header or parameter carrying the key
	Description string
}

// knownSecuritySchemes is the one table of schemes readers may name; add a
// row here for a new vendor.
func knownSecuritySchemes() []securityScheme {
	return []securityScheme{
		{Name: "XAuthToken", Type: "apiKey", In: "header", ParamName: "X-Auth-Token", Description: "Huawei IAM token"},
	}
}

func lookupSecurityScheme(name string) (securityScheme, bool) {
	for _, s := range knownSecuritySchemes() {
		if s.Name == name {
			return s, true
		}
	}
	return securityScheme{}, false
}

// carriesHeader reports whether the scheme sends its key in header name; a
// page that also lists that header as a parameter would otherwise make every
// generated call ask for the token twice.
func (s securityScheme) carriesHeader(name string) bool {
	return s.Type == "apiKey" && s.In == "header" && strings.EqualFold(s.ParamName, name)
}

func (s securityScheme) node() *yaml.Node {
	m := newMapping()
	m.set("type", plainString(s.Type))
	m.setText("description", s.Description)
	m.setText("name", s.ParamName)
	m.setText("in", s.In)
	return m.node
}
