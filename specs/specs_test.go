// Package specs_test checks the emitted specs: each loads and validates with
// kin-openapi, and every example in them decodes into the generated Go types
// (unknown fields disallowed) and re-encodes to the same JSON.
package specs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
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

// clients (clients_gen_test.go, written by go generate from every
// specs/*.codegen.yaml) maps each spec to its generated ClientWithResponses,
// whose methods' signatures name the Go type of every request body and of
// every response body by status: the examples are decoded into those, so
// no per-operation table has to be kept here.

// goType returns a new value of the generated type for part ("request" or a
// status) of operation id in spec, or an error saying what is missing.
func goType(spec, id, part string) (any, error) {
	client, ok := clients[spec]
	if !ok {
		return nil, fmt.Errorf("no generated client registered for spec %s", spec)
	}
	// The JSON-body method, or for a response any method of the operation
	// (a form body's: ...WithBodyWithResponse).
	var method reflect.Method
	found := false
	for i := range client.NumMethod() {
		m := client.Method(i)
		name := strings.ToLower(m.Name)
		switch lower := strings.ToLower(id); {
		case name == lower+"withresponse":
			method, found = m, true
		case !found && part != "request" && strings.HasPrefix(name, lower+"with") && strings.HasSuffix(name, "withresponse"):
			method, found = m, true
		}
	}
	if !found {
		return nil, fmt.Errorf("%s has no method %sWithResponse", client, id)
	}
	if part == "request" {
		// (receiver, ctx, path params..., body, editors...)
		body := method.Type.In(method.Type.NumIn() - 2)
		return reflect.New(body).Interface(), nil
	}
	resp := method.Type.Out(0).Elem()
	field, ok := resp.FieldByName("JSON" + strings.ToUpper(part[:1]) + part[1:])
	if !ok || field.Type.Kind() != reflect.Pointer {
		return nil, fmt.Errorf("%s has no JSON%s field", resp, part)
	}
	return reflect.New(field.Type.Elem()).Interface(), nil
}

type example struct {
	spec, id, part, where string
	value                 any
}

func collectExamples(name string, doc *openapi3.T) []example {
	var out []example
	add := func(id, part, where string, content openapi3.Content) {
		for mt, media := range content {
			if !strings.Contains(mt, "json") {
				continue
			}
			for exName, ex := range media.Examples {
				if ex.Value != nil {
					out = append(out, example{name, id, part, where + " " + mt + " " + exName, ex.Value.Value})
				}
			}
			if media.Example != nil {
				out = append(out, example{name, id, part, where + " " + mt, media.Example})
			}
		}
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			where := name + " " + method + " " + path
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				add(op.OperationID, "request", where+" request", rb.Value.Content)
			}
			for status, resp := range op.Responses.Map() {
				if resp.Value != nil {
					add(op.OperationID, status, where+" "+status, resp.Value.Content)
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
			target, err := goType(ex.spec, ex.id, ex.part)
			if err != nil {
				t.Errorf("%s: %v", ex.where, err)
				continue
			}
			seen++
			raw, err := json.Marshal(ex.value)
			if err != nil {
				t.Fatal(err)
			}
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
			// Optional lists and maps are plain slices and maps
			// (prefer-skip-optional-pointer-on-container-types), and so are
			// the optional scalars of response-only schemas (clientgen's
			// plainResponseFields), so an empty one is omitted on the way
			// back: the same to a client. A request keeps its false and 0.
			drop := dropEmpty
			if ex.part != "request" {
				drop = dropEmptyAndZero
			}
			if diff := cmp.Diff(drop(decode(t, raw)), drop(decode(t, again))); diff != "" {
				t.Errorf("%s: %T does not re-encode to the same JSON (-example +re-encoded):\n%s", ex.where, target, diff)
			}
		}
	}
	if seen < 5 {
		t.Errorf("only %d examples checked; the IAM page alone has 5", seen)
	}
}

// dropEmpty removes the members whose value is an empty list or object.
func dropEmpty(v any) any { return drop(v, false) }

// dropEmptyAndZero also removes the members whose value is false, 0 or "".
func dropEmptyAndZero(v any) any { return drop(v, true) }

func drop(v any, zero bool) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			x = drop(x, zero)
			if l, ok := x.([]any); ok && len(l) == 0 {
				continue
			}
			if m, ok := x.(map[string]any); ok && len(m) == 0 {
				continue
			}
			if zero && (x == false || x == 0.0 || x == "") {
				continue
			}
			out[k] = x
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = drop(x, zero)
		}
		return out
	}
	return v
}

func decode(t *testing.T, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
