package emit

import (
	"strings"
	"unicode"
)

// typeName turns a page name such as "auth.identity.password.user" or
// "server_id" into a Go-friendly exported identifier
// ("AuthIdentityPasswordUser", "ServerId"). Only ASCII letters and digits
// survive, because oapi-codegen derives Go type names from component names
// and a name starting with, say, a Chinese character would not be exported.
// It returns "" when nothing usable is left.
func typeName(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if upper {
				r = unicode.ToUpper(r)
				upper = false
			}
			b.WriteRune(r)
		default:
			upper = true
		}
	}
	name := b.String()
	if name != "" && unicode.IsDigit(rune(name[0])) {
		name = "Schema" + name
	}
	return name
}

// codegenSuffixes are the type names oapi-codegen derives from an
// operationId for its own client types; a component with such a name would
// clash with them in the generated package.
func codegenSuffixes() []string {
	return []string{
		"Response", "Params",
		"JSONBody", "JSONRequestBody",
		"FormdataBody", "FormdataRequestBody",
		"MultipartBody", "MultipartRequestBody",
		"TextBody", "TextRequestBody",
	}
}

// reservedNames lists the generated names of every operation.
func reservedNames(operationIDs []string) map[string]bool {
	reserved := make(map[string]bool)
	for _, id := range operationIDs {
		base := typeName(id)
		for _, suffix := range codegenSuffixes() {
			reserved[base+suffix] = true
		}
	}
	return reserved
}
