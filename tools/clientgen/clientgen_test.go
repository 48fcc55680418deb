package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/internal/ext"
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
			if bytes.Contains(raw, []byte(ext.TopMethod+":")) {
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
					// oapi-codegen's name normalizer spells initialisms
					// (VirtualIp → VirtualIP); the operation is the same.
					methods[strings.ToLower(fd.Name.Name)] = true
				}
			}
			for path, item := range spec.Paths.Map() {
				for method, op := range item.Operations() {
					if !methods[strings.ToLower(op.OperationID)] {
						t.Errorf("%s %s (%s) has no typed method", method, path, op.OperationID)
					}
					if _, paged := op.Extensions[ext.Pagination]; paged && !methods[strings.ToLower(op.OperationID+"All")] {
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

// parseGo parses generated Go with its comments.
func parseGo(t *testing.T, name string, src []byte) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// goDecls indexes a file's types by name and its functions and methods by
// "Recv.Name" (or "Name").
func goDecls(f *ast.File) (types map[string]*ast.GenDecl, specs map[string]*ast.TypeSpec, funcs map[string]*ast.FuncDecl) {
	types, specs, funcs = map[string]*ast.GenDecl{}, map[string]*ast.TypeSpec{}, map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					types[ts.Name.Name], specs[ts.Name.Name] = d, ts
				}
			}
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				name = recv.(*ast.Ident).Name + "." + name
			}
			funcs[name] = d
		}
	}
	return types, specs, funcs
}

// jsonField is the field of struct ts tagged with JSON name json.
func jsonField(ts *ast.TypeSpec, json string) *ast.Field {
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		tag, _ := strconv.Unquote(f.Tag.Value)
		if name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ","); name == json {
			return f
		}
	}
	return nil
}

func endsWithSource(doc *ast.CommentGroup, src string) bool {
	return doc != nil && strings.HasSuffix(strings.TrimSpace(doc.Text()), "Source: "+src)
}

// checkSchemaSources checks that every component type of spec and every
// struct field (inline or $ref) has a doc comment in the models ending with
// the x-docapi-source the spec gives it.
func checkSchemaSources(t *testing.T, spec *openapi3.T, groups map[string]*ast.GenDecl, specs map[string]*ast.TypeSpec) (types, fields, refFields, examples int) {
	t.Helper()
	for name, r := range spec.Components.Schemas {
		typ := refType("#/components/schemas/" + name)
		ts := specs[typ]
		if ts == nil {
			t.Errorf("no type %s for component %s", typ, name)
			continue
		}
		if src := source(r.Value.Extensions); src != "" {
			types++
			if !endsWithSource(groups[typ].Doc, src) {
				t.Errorf("type %s: doc %q does not end with Source: %s", typ, groups[typ].Doc.Text(), src)
			}
		}
		for prop, pr := range r.Value.Properties {
			src := source(pr.Extensions) // beside a $ref
			if pr.Ref == "" {
				src = source(pr.Value.Extensions)
				if pr.Value.Example != nil {
					examples++
				}
			} else if src != "" {
				refFields++
			}
			if src == "" {
				src = source(pr.Value.Extensions) // the referenced table's
			}
			if src == "" {
				t.Errorf("%s.%s has no %s", name, prop, ext.Source)
				continue
			}
			fields++
			f := jsonField(ts, prop)
			if f == nil {
				t.Errorf("%s has no field for %q", typ, prop)
			} else if !endsWithSource(f.Doc, src) {
				t.Errorf("%s.%s: doc %q does not end with Source: %s", typ, prop, f.Doc.Text(), src)
			}
		}
	}
	return types, fields, refFields, examples
}

// Every component type, struct field (inline or $ref), query or header
// parameter and typed method of the CSMS client has a doc comment ending
// with the x-docapi-source the spec gives it, and every raw-client
// function's comment names its operation's source; so do the TOP models'
// fields that have an example, which oapi-codegen words after the
// description.
func TestProvenanceComments(t *testing.T) {
	t.Chdir("../..")
	files, err := generate("huawei", "specs/csms.codegen.yaml", "specs/csms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := openapi3.NewLoader().LoadFromFile("specs/csms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	modelsPath := filepath.Join("generated", "csms", "csms.gen.go")
	apiPath := filepath.Join("generated", "csms", "csmsapi", "csmsapi.gen.go")
	mGroups, mSpecs, mFuncs := goDecls(parseGo(t, modelsPath, files[modelsPath]))
	_, _, aFuncs := goDecls(parseGo(t, apiPath, files[apiPath]))

	types, fields, refFields, _ := checkSchemaSources(t, spec, mGroups, mSpecs)
	var params, ops int
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			src := source(op.Extensions)
			name := codegen.ToCamelCaseWithInitialisms(op.OperationID)
			if src == "" {
				t.Errorf("%s %s has no %s", method, path, ext.Source)
				continue
			}
			ops++
			if fn := aFuncs["Client."+name]; fn == nil || !endsWithSource(fn.Doc, src) {
				t.Errorf("typed %s: doc does not end with Source: %s", name, src)
			}
			if fn := mFuncs["Client."+name]; fn == nil || !strings.Contains(fn.Doc.Text(), "Source: "+src+"\n") {
				t.Errorf("raw client %s: doc does not name Source: %s", name, src)
			}
			for _, p := range op.Parameters {
				if p.Value.In != openapi3.ParameterInQuery && p.Value.In != openapi3.ParameterInHeader {
					continue // path parameters are function arguments: no comment
				}
				params++
				ts := mSpecs[name+"Params"]
				var f *ast.Field
				if ts != nil {
					f = jsonField(ts, p.Value.Name)
				}
				if src := source(p.Value.Extensions); f == nil || !endsWithSource(f.Doc, src) {
					t.Errorf("%sParams %s: no field whose doc ends with Source: %s", name, p.Value.Name, src)
				}
			}
		}
	}
	if types == 0 || fields == 0 || refFields == 0 || params == 0 || ops == 0 {
		t.Errorf("csms: checked %d types, %d fields (%d $ref), %d parameters, %d operations: want some of each", types, fields, refFields, params, ops)
	}
	t.Logf("csms: checked %d types, %d fields (%d $ref), %d parameters, %d operations", types, fields, refFields, params, ops)

	files, err = generate("top", "specs/top.codegen.yaml", "specs/top.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if spec, err = openapi3.NewLoader().LoadFromFile("specs/top.yaml"); err != nil {
		t.Fatal(err)
	}
	modelsPath = filepath.Join("generated", "top", "top.gen.go")
	mGroups, mSpecs, _ = goDecls(parseGo(t, modelsPath, files[modelsPath]))
	if _, fields, _, examples := checkSchemaSources(t, spec, mGroups, mSpecs); fields == 0 || examples == 0 {
		t.Errorf("top: checked %d fields, %d with an example: want some of each", fields, examples)
	}
}

// The models clientgen writes are oapi-codegen's for the same config and
// spec but for comments.
func TestModelsAreOapiCodegens(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct{ family, name string }{{"huawei", "csms"}, {"top", "top"}} {
		cfg := "specs/" + c.name + ".codegen.yaml"
		specPath := "specs/" + c.name + ".yaml"
		files, err := generate(c.family, cfg, specPath)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var conf configFile
		if err := yaml.Unmarshal(raw, &conf); err != nil {
			t.Fatal(err)
		}
		opts := conf.Configuration.UpdateDefaults()
		plain, err := loadSpec(specPath, opts)
		if err != nil {
			t.Fatal(err)
		}
		if plainResponseFields(plain) == 0 {
			t.Errorf("%s: no response field made plain", c.name)
		}
		want, err := codegen.Generate(plain, opts)
		if err != nil {
			t.Fatal(err)
		}
		got := string(files[conf.Output])
		if !strings.Contains(got, "\n// Code generated by github.com/oapi-codegen/oapi-codegen/v2 version v") {
			t.Errorf("%s: the models do not name oapi-codegen and its version as its command does", c.name)
		}
		if !strings.Contains(got, "Source: ") {
			t.Errorf("%s: no provenance in the models", c.name)
		}
		// With the same plain response fields, provenance changes comments only (it adds paragraphs, and a
		// description that becomes two paragraphs loses the "." oapi-codegen
		// ends a one-line description with): the code is the same.
		comment := regexp.MustCompile(`(?m)^\s*//.*\n`)
		norm := func(s string) string { return comment.ReplaceAllString(s, "") }
		if g, w := norm(got), norm(want); g != w {
			gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Errorf("%s: line %d differs from oapi-codegen's:\n got %q\nwant %q", c.name, i+1, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d lines, oapi-codegen's %d", c.name, len(gl), len(wl))
			}
		}
	}
}

// A step that fails leaves every old file as it was: a spec the typed layer
// cannot be made from writes no models either, and a file that cannot be
// written stops the set before any is renamed into place.
func TestFailureLeavesOldFiles(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	old := map[string]string{
		filepath.Join(dir, "vpc", "vpc.gen.go"):              "old models",
		filepath.Join(dir, "vpc", "server.gen.go"):           "old server",
		filepath.Join(dir, "vpc", "vpcapi", "vpcapi.gen.go"): "old api",
	}
	for p, data := range old {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unchanged := func(step string) {
		t.Helper()
		for p, data := range old {
			if got, err := os.ReadFile(p); err != nil || string(got) != data {
				t.Errorf("%s: %s is %q (%v), want %q", step, p, got, err, data)
			}
		}
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(d.Name(), ".clientgen-") {
				t.Errorf("%s: temporary file %s left", step, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	raw, err := os.ReadFile("specs/vpc.codegen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := bytes.Replace(raw, []byte("output: generated/vpc/vpc.gen.go"), []byte("output: "+filepath.Join(dir, "vpc", "vpc.gen.go")), 1)
	if bytes.Equal(cfg, raw) {
		t.Fatal("specs/vpc.codegen.yaml has no output line to redirect")
	}
	cfgPath := filepath.Join(dir, "vpc.codegen.yaml")
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	spec, err := os.ReadFile("specs/vpc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(spec, []byte("items: vpcs"), []byte("items: nosuchfield"), 1)
	badPath := filepath.Join(dir, "vpc.yaml")
	if err := os.WriteFile(badPath, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run("huawei", cfgPath, badPath); err == nil {
		t.Fatal("run succeeded on a spec whose pagination names no field")
	}
	unchanged("typed layer fails")

	// The last file of the set (in write order) cannot be written: its
	// directory is a regular file.
	blocker := filepath.Join(dir, "vpc", "zz")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	set := map[string][]byte{filepath.Join(blocker, "x.gen.go"): []byte("new")}
	for p := range old {
		set[p] = []byte("new")
	}
	if err := writeAll(set); err == nil {
		t.Fatal("writeAll succeeded under a regular file")
	}
	unchanged("a write fails")
	delete(set, filepath.Join(blocker, "x.gen.go"))
	if err := writeAll(set); err != nil {
		t.Fatal(err)
	}
	for p := range old {
		if got, _ := os.ReadFile(p); string(got) != "new" {
			t.Errorf("%s is %q after a good write, want new", p, got)
		}
	}
}

// A path parameter that is not a primitive is refused by name: the
// builders would escape its delimiters.
func TestNonPrimitivePathParameterIsAnError(t *testing.T) {
	t.Chdir("../..")
	raw, err := os.ReadFile("specs/vpc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte("in: path"))
	typ := bytes.Index(raw[at:], []byte("type: string"))
	if at < 0 || typ < 0 {
		t.Fatal("specs/vpc.yaml has no string path parameter to break")
	}
	bad := slices.Concat(raw[:at+typ], []byte("type: object"), raw[at+typ+len("type: string"):])
	name := bytes.TrimSpace(raw[bytes.LastIndex(raw[:at], []byte("name:"))+len("name:") : at])
	dir := t.TempDir()
	specPath := filepath.Join(dir, "vpc.yaml")
	if err := os.WriteFile(specPath, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = generate("huawei", "specs/vpc.codegen.yaml", specPath)
	if err == nil || !strings.Contains(err.Error(), `path parameter "`+string(name)+`"`) {
		t.Fatalf("err = %v, want one naming path parameter %s", err, name)
	}
}
