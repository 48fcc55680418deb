// Package specs_test checks the emitted specs: each loads and validates with
// kin-openapi, and every example in them decodes into the generated Go types
// (unknown fields disallowed) and re-encodes to the same JSON.
package specs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/generated/modelarts"
	"github.com/docapi/docapi/generated/top"
	"github.com/docapi/docapi/generated/vpc"
)

func loadSpecs(t *testing.T) map[string]*openapi3.T {
	t.Helper()
	files, err := filepath.Glob("*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*openapi3.T{}
	for _, f := range files {
		if strings.HasSuffix(f, ".service.yaml") || strings.HasSuffix(f, ".codegen.yaml") {
			continue
		}
		doc, err := openapi3.NewLoader().LoadFromFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs[strings.TrimSuffix(f, ".yaml")] = doc
	}
	if len(docs) == 0 {
		t.Fatal("no specs found")
	}
	return docs
}

func TestSpecsValidate(t *testing.T) {
	for name, doc := range loadSpecs(t) {
		if err := doc.Validate(context.Background()); err != nil {
			t.Errorf("%s.yaml: %v", name, err)
		}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				if op.OperationID == "" {
					t.Errorf("%s.yaml: %s %s has no operationId", name, method, path)
				}
			}
		}
	}
}

// goTypes names the generated type each example must decode into, keyed by
// "spec operationId part" where part is "request" or a status code. An
// example with no entry fails the test, so none can be skipped silently.
var goTypes = map[string]func() any{
	"iam KeystoneCreateUserTokenByPassword request": func() any { return new(iam.KeystoneCreateUserTokenByPasswordRequestBody) },
	"iam KeystoneCreateUserTokenByPassword 201":     func() any { return new(iam.KeystoneCreateUserTokenByPasswordResponseBody) },
	"iam KeystoneCreateUserTokenByPassword 400":     func() any { return new(iam.KeystoneCreateUserTokenByPasswordError) },
	"iam KeystoneCreateUserTokenByPassword 401":     func() any { return new(iam.KeystoneCreateUserTokenByPasswordError) },
	"csms ListResourceInstances 200":                func() any { return new(csms.ListResourceInstancesResponseBody) },
	"modelarts ShowInstanceToken 200":               func() any { return new(modelarts.ShowInstanceTokenResponseBody) },
	"top AlibabaSecurityDeepvisionProxySecurityCommonTokenGet 200": func() any {
		return new(top.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope)
	},
	"top AlibabaSecurityDeepvisionProxySecurityCommonTokenGet default": func() any { return new(top.TopErrorResponse) },
	"vpc ListVpcs 200":               func() any { return new(vpc.ListVpcsResponseBody) },
	"vpc ShowAddressGroup 200":       func() any { return new(vpc.ShowAddressGroupResponseBody) },
	"vpc ListAddressGroup 200":       func() any { return new(vpc.ListAddressGroupResponseBody) },
	"vpc CreateAddressGroup request": func() any { return new(vpc.CreateAddressGroupRequestBody) },
	"vpc CreateAddressGroup 201":     func() any { return new(vpc.CreateAddressGroupResponseBody) },
	"vpc UpdateAddressGroup request": func() any { return new(vpc.UpdateAddressGroupRequestBody) },
	"vpc UpdateAddressGroup 200":     func() any { return new(vpc.UpdateAddressGroupResponseBody) },
}

type example struct {
	key, where string
	value      any
}

func collectExamples(name string, doc *openapi3.T) []example {
	var out []example
	add := func(key, where string, content openapi3.Content) {
		for mt, media := range content {
			for exName, ex := range media.Examples {
				if ex.Value != nil {
					out = append(out, example{key, where + " " + mt + " " + exName, ex.Value.Value})
				}
			}
			if media.Example != nil {
				out = append(out, example{key, where + " " + mt, media.Example})
			}
		}
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := name + " " + method + " " + path
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				add(name+" "+op.OperationID+" request", where+" request", rb.Value.Content)
			}
			for status, resp := range op.Responses.Map() {
				if resp.Value != nil {
					add(name+" "+op.OperationID+" "+status, where+" "+status, resp.Value.Content)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].where < out[j].where })
	return out
}

func TestExamplesDecodeIntoGeneratedTypes(t *testing.T) {
	seen := 0
	for name, doc := range loadSpecs(t) {
		for _, ex := range collectExamples(name, doc) {
			newValue, ok := goTypes[ex.key]
			if !ok {
				t.Errorf("%s: no generated type registered for %q", ex.where, ex.key)
				continue
			}
			seen++
			raw, err := json.Marshal(ex.value)
			if err != nil {
				t.Fatal(err)
			}
			target := newValue()
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(target); err != nil {
				t.Errorf("%s: does not decode into %T: %v", ex.where, target, err)
				continue
			}
			again, err := json.Marshal(target)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(decode(t, raw), decode(t, again)); diff != "" {
				t.Errorf("%s: %T does not re-encode to the same JSON (-example +re-encoded):\n%s", ex.where, target, diff)
			}
		}
	}
	if seen < 5 {
		t.Errorf("only %d examples checked; the IAM page alone has 5", seen)
	}
}

func decode(t *testing.T, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
