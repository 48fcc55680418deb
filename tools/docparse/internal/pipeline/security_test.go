package pipeline

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Every operation of a shipped spec whose service file sets security needs
// credentials, as OpenAPI reads it (its own security, else the document's),
// unless its operations entry says security: []. Before the service files
// had a security key, most operations needed none (ECS 0 of 75, VPC 6 of 156),
// and the typed clients sent them without credentials.
func TestShippedSpecsRequireTheirSecurity(t *testing.T) {
	t.Chdir(root)
	services, err := filepath.Glob("specs/*.service.yaml")
	if err != nil || len(services) == 0 {
		t.Fatalf("no service files: %v", err)
	}
	secured := 0
	for _, svcFile := range services {
		cfg := loadService(t, svcFile)
		if len(cfg.Security) == 0 {
			continue
		}
		secured++
		exempt := map[string]bool{}
		for _, oc := range cfg.Operations {
			if oc.Security != nil && len(oc.Security) == 0 {
				exempt[oc.Page] = true
			}
		}
		name := strings.TrimSuffix(filepath.Base(svcFile), ".service.yaml")
		data, err := os.ReadFile("specs/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := openapi3.NewLoader().LoadFromData(data)
		if err != nil {
			t.Fatal(err)
		}
		needs, free := 0, 0
		for route, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				sec := doc.Security
				if op.Security != nil {
					sec = *op.Security
				}
				source, _ := op.Extensions["x-docapi-source"].(string)
				page := path.Base(strings.SplitN(source, ":", 2)[0])
				if len(sec) > 0 {
					needs++
				} else {
					free++
				}
				if (len(sec) > 0) == exempt[page] {
					t.Errorf("specs/%s.yaml: %s %s (%s) needs credentials: %t; its service file exempts it: %t", name, method, route, page, len(sec) > 0, exempt[page])
				}
			}
		}
		t.Logf("%s: %d operations need credentials, %d none", name, needs, free)
	}
	if secured < 8 {
		t.Errorf("only %d service files set security", secured)
	}
}
