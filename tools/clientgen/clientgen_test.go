package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestGeneratedIsFresh regenerates the typed layer of every spec with a
// codegen config and compares it with generated/ (as CI's no-diff check
// does), and checks that every operation of the spec has its method.
func TestGeneratedIsFresh(t *testing.T) {
	t.Chdir("../..")
	configs, err := filepath.Glob("specs/*.codegen.yaml")
	if err != nil || len(configs) == 0 {
		t.Fatalf("no codegen configs: %v", err)
	}
	for _, cfg := range configs {
		name := strings.TrimSuffix(filepath.Base(cfg), ".codegen.yaml")
		t.Run(name, func(t *testing.T) {
			specPath := "specs/" + name + ".yaml"
			raw, err := os.ReadFile(specPath)
			if err != nil {
				t.Fatal(err)
			}
			family := "huawei"
			if bytes.Contains(raw, []byte(extTopMethod+":")) {
				family = "top"
			}
			files, err := generate(family, cfg, specPath)
			if err != nil {
				t.Fatal(err)
			}
			for path, want := range files {
				got, err := os.ReadFile(path)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s is stale (%v); run go generate ./...", path, err)
				}
			}
			spec, err := openapi3.NewLoader().LoadFromData(raw)
			if err != nil {
				t.Fatal(err)
			}
			api := filepath.Join("generated", name, name+"api", name+"api.gen.go")
			f, err := parser.ParseFile(token.NewFileSet(), api, files[api], 0)
			if err != nil {
				t.Fatal(err)
			}
			methods := map[string]bool{}
			for _, obj := range f.Decls {
				if fd, ok := obj.(*ast.FuncDecl); ok && fd.Recv != nil {
					methods[fd.Name.Name] = true
				}
			}
			for path, item := range spec.Paths.Map() {
				for method, op := range item.Operations() {
					if !methods[op.OperationID] {
						t.Errorf("%s %s (%s) has no typed method", method, path, op.OperationID)
					}
					if _, paged := op.Extensions[extPagination]; paged && !methods[op.OperationID+"All"] {
						t.Errorf("%s is paged but has no %sAll", op.OperationID, op.OperationID)
					}
				}
			}
		})
	}
}

// A pagination extension that names a field the result lacks is an error
// naming the operation, and nothing is written.
func TestBadPaginationIsAnError(t *testing.T) {
	t.Chdir("../..")
	raw, err := os.ReadFile("specs/vpc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(raw, []byte("items: vpcs"), []byte("items: nosuchfield"), 1)
	if bytes.Equal(bad, raw) {
		t.Fatal("specs/vpc.yaml has no items: vpcs to break")
	}
	dir := t.TempDir()
	specPath := filepath.Join(dir, "vpc.yaml")
	if err := os.WriteFile(specPath, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = generate("huawei", "specs/vpc.codegen.yaml", specPath)
	if err == nil || !strings.Contains(err.Error(), "ListVpcs") || !strings.Contains(err.Error(), "nosuchfield") {
		t.Fatalf("err = %v, want one naming ListVpcs and the field", err)
	}
}
