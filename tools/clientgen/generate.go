package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/util"
	"go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/internal/ext"
)

// configFile is an oapi-codegen config file as the oapi-codegen command reads it.
type configFile struct {
	codegen.Configuration `yaml:",inline"`
	Output                string `yaml:"output"`
}

// generate returns the files to write, by path.
func generate(family, configPath, specPath string) (map[string][]byte, error) {
	if family != "huawei" && family != "top" {
		return nil, fmt.Errorf("unknown family %q (huawei or top)", family)
	}
	cfg, err := readConfig(configPath)
	if err != nil {
		return nil, err
	}
	opts := cfg.Configuration.UpdateDefaults()
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", configPath, err)
	}
	module, err := modulePath("go.mod")
	if err != nil {
		return nil, err
	}
	spec, err := loadSpec(specPath, opts)
	if err != nil {
		return nil, err
	}
	if err := checkPathParameters(spec); err != nil {
		return nil, fmt.Errorf("%s: %w", specPath, err)
	}
	plainResponseFields(spec)
	// Last of the passes over the loaded spec: it gives $ref properties
	// copies of the schema they refer to, so a pass that tells schemas
	// apart by pointer (plainResponseFields) must run before it.
	addProvenance(spec)
	// The models and raw client, as oapi-codegen's command writes them for
	// this config; Generate also sets the naming state (package globals)
	// that OperationDefinitions below names everything with.
	code, err := codegen.Generate(spec, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: oapi-codegen: %w", specPath, err)
	}
	modelsSrc := []byte(oapiCodegenHeader(code))
	models, err := parseModels(cfg.Output, modelsSrc)
	if err != nil {
		return nil, err
	}
	ops, err := codegen.OperationDefinitions(spec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", specPath, err)
	}

	modelsDir := filepath.Dir(cfg.Output)
	g := &gen{
		family:     family,
		spec:       spec,
		specPath:   filepath.ToSlash(specPath),
		configPath: filepath.ToSlash(configPath),
		models:     models,
		pkg:        cfg.PackageName,
		pkgPath:    path.Join(module, filepath.ToSlash(modelsDir)),
		imports:    map[string]string{},
	}
	data := fileData{
		Header:  g.header(),
		Package: cfg.PackageName + "api",
		Models:  cfg.PackageName,
		Service: cfg.PackageName, // the name errors use
		Title:   spec.Info.Title,
		Docs:    docsLines(spec.Info.Extensions[ext.Docs]),
	}
	if len(spec.Servers) > 0 {
		data.Server = spec.Servers[0].URL
	}
	for _, op := range ops {
		var o *opData
		if family == "huawei" {
			o, err = g.huaweiOp(op)
		} else {
			o, err = g.topOp(op)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s %s (%s): %w", specPath, op.Method, op.Path, op.OperationId, err)
		}
		o.Source = source(op.Spec.Extensions)
		data.Ops = append(data.Ops, o)
		if o.Paging != nil {
			data.Paged = true
		}
		for _, h := range o.Headers {
			if h.Secret {
				g.imports["secret"] = "github.com/docapi/docapi/wrappers/secret"
			}
		}
	}
	sort.Slice(data.Ops, func(i, j int) bool { return data.Ops[i].Name < data.Ops[j].Name })
	data.Imports = g.importList(data.Paged)

	tmpl := huaweiTemplate
	if family == "top" {
		tmpl = topTemplate
	}
	api, err := render(tmpl, data)
	if err != nil {
		return nil, err
	}
	server, err := render(serverTemplate, data)
	if err != nil {
		return nil, err
	}
	apiDir := filepath.Join(modelsDir, data.Package)
	return map[string][]byte{
		cfg.Output: modelsSrc,
		filepath.Join(apiDir, data.Package+".gen.go"): api,
		filepath.Join(modelsDir, "server.gen.go"):     server,
	}, nil
}

// loadSpec loads the spec as oapi-codegen's command does: with origins,
// the config's overlay and its remote-reference policy.
// readConfig reads an oapi-codegen config, which must name the package
// and the output file.
func readConfig(path string) (*configFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg configFile
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Output == "" || cfg.PackageName == "" {
		return nil, fmt.Errorf("%s: needs package and output", path)
	}
	return &cfg, nil
}

func loadSpec(p string, opts codegen.Configuration) (*openapi3.T, error) {
	overlay := util.LoadSwaggerWithOverlayOpts{
		Path:                opts.OutputOptions.Overlay.Path,
		Strict:              true,
		AllowRemoteRefsFrom: opts.AllowRemoteRefsFrom,
	}
	if opts.OutputOptions.Overlay.Strict != nil {
		overlay.Strict = *opts.OutputOptions.Overlay.Strict
	}
	spec, err := util.LoadSwaggerWithOverlay(p, overlay)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return spec, nil
}

// oapiCodegenHeader names oapi-codegen and its version in the models'
// "Code generated" line, as its command does: run as a library it would
// name the main module (docapi) instead.
func oapiCodegenHeader(code string) string {
	const mod = "github.com/oapi-codegen/oapi-codegen/v2"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return code
	}
	version := ""
	for _, d := range bi.Deps {
		if d.Path == mod {
			version = d.Version
		}
	}
	if version == "" {
		return code
	}
	line, rest, ok := strings.Cut(code, " DO NOT EDIT.\n")
	i := strings.LastIndex(line, "// Code generated by ")
	if !ok || i < 0 {
		return code
	}
	return line[:i] + "// Code generated by " + mod + " version " + version + " DO NOT EDIT.\n" + rest
}

func modulePath(gomod string) (string, error) {
	raw, err := os.ReadFile(gomod)
	if err != nil {
		return "", fmt.Errorf("run clientgen from the module root: %w", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", fmt.Errorf("%s: no module line", gomod)
}

// models is the parsed oapi-codegen output: its declarations by name.
type models struct {
	funcs   map[string]*ast.FuncDecl
	types   map[string]*ast.TypeSpec
	imports map[string]string // local name → path
}

func parseModels(file string, src []byte) (*models, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("oapi-codegen wrote Go that does not parse: %w", err)
	}
	m := &models{funcs: map[string]*ast.FuncDecl{}, types: map[string]*ast.TypeSpec{}, imports: map[string]string{}}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		name := path.Base(p)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		m.imports[name] = p
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				m.funcs[d.Name.Name] = d
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					m.types[ts.Name.Name] = ts
				}
			}
		}
	}
	return m, nil
}

// structType is the struct declaration of models type name.
func (m *models) structType(name string) (*ast.StructType, bool) {
	ts, ok := m.types[name]
	if !ok {
		return nil, false
	}
	st, ok := ts.Type.(*ast.StructType)
	return st, ok
}

// structField finds the field of struct type name whose JSON name is json.
func (m *models) structField(name, json string) (*ast.Field, bool) {
	st, ok := m.structType(name)
	if !ok {
		return nil, false
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) != 1 {
			continue
		}
		tag, _ := strconv.Unquote(f.Tag.Value)
		jsonName, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
		if jsonName == json {
			return f, true
		}
	}
	return nil, false
}

type gen struct {
	family, specPath, configPath string
	spec                         *openapi3.T
	models                       *models
	pkg, pkgPath                 string
	imports                      map[string]string // other packages the types need
}

func (g *gen) header() string {
	return fmt.Sprintf("// Code generated by tools/clientgen from %s (%s); DO NOT EDIT.\n// Rewrite with: go generate ./... (see gen.go).", g.specPath, g.configPath)
}

// typeString prints a type expression of the models file as seen from
// another package: exported names get the models package qualifier.
func (g *gen) typeString(e ast.Expr) string {
	var qualify func(ast.Expr) ast.Expr
	qualify = func(e ast.Expr) ast.Expr {
		switch t := e.(type) {
		case *ast.Ident:
			if ast.IsExported(t.Name) {
				return &ast.SelectorExpr{X: ast.NewIdent(g.pkg), Sel: ast.NewIdent(t.Name)}
			}
			return t
		case *ast.StarExpr:
			return &ast.StarExpr{X: qualify(t.X)}
		case *ast.ArrayType:
			return &ast.ArrayType{Len: t.Len, Elt: qualify(t.Elt)}
		case *ast.MapType:
			return &ast.MapType{Key: qualify(t.Key), Value: qualify(t.Value)}
		case *ast.SelectorExpr:
			if x, ok := t.X.(*ast.Ident); ok {
				if p, ok := g.models.imports[x.Name]; ok {
					g.imports[x.Name] = p
				}
			}
			return t
		case *ast.StructType:
			fields := &ast.FieldList{}
			for _, f := range t.Fields.List {
				fields.List = append(fields.List, &ast.Field{Names: f.Names, Type: qualify(f.Type), Tag: f.Tag})
			}
			return &ast.StructType{Fields: fields}
		}
		return e
	}
	var b bytes.Buffer
	printer.Fprint(&b, token.NewFileSet(), qualify(e))
	return b.String()
}

func (g *gen) importList(paged bool) []string {
	var out []string
	for name, p := range g.imports {
		if path.Base(p) == name {
			out = append(out, strconv.Quote(p))
		} else {
			out = append(out, name+" "+strconv.Quote(p))
		}
	}
	if paged {
		out = append(out, `"iter"`)
	}
	sort.Strings(out)
	return out
}

func render(tmpl *template.Template, data fileData) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		return nil, err
	}
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse: %w\n%s", err, b.String())
	}
	return out, nil
}

// oneLine makes page text safe for a // comment.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

// docsLines words the spec's x-docapi-docs for the package comment:
// "huaweicloudDocs/iam cn.zh-cn/API参考 at 5d5f9de0e0b6… (testdata/…)".
func docsLines(value any) []string {
	list, _ := value.([]any)
	var out []string
	for _, item := range list {
		d, _ := item.(map[string]any)
		str := func(k string) string { s, _ := d[k].(string); return oneLine(s) }
		line := str("repository")
		if p := str("path"); p != "" {
			line += " " + p
		}
		line += " at commit " + str("commit")
		if modified, _ := d["modified"].([]any); len(modified) > 0 {
			pages := "pages"
			if len(modified) == 1 {
				pages = "page"
			}
			line += fmt.Sprintf(", %d %s modified since", len(modified), pages)
		}
		if pages := str("pages"); pages != "" {
			line += " (" + pages + ")"
		}
		out = append(out, line)
	}
	return out
}

// checkPathParameters refuses path parameters that are not one primitive
// value: the request builders (specs/templates/client.tmpl) write each as
// one escaped segment, which would escape an array's or object's
// delimiters ("a,b", ";id=5").
func checkPathParameters(spec *openapi3.T) error {
	for _, path := range spec.Paths.InMatchingOrder() {
		item := spec.Paths.Value(path)
		for method, op := range item.Operations() {
			for _, ref := range append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...) {
				p := ref.Value
				if p == nil || p.In != openapi3.ParameterInPath {
					continue
				}
				primitive := p.Schema != nil && p.Schema.Value != nil
				if primitive {
					t := p.Schema.Value.Type
					primitive = t.Is("string") || t.Is("integer") || t.Is("number") || t.Is("boolean")
				}
				if !primitive || (p.Style != "" && p.Style != openapi3.SerializationSimple) {
					return fmt.Errorf("%s %s: path parameter %q is not a string, integer, number or boolean in simple style; "+
						"the request builders write a path parameter as one segment", method, path, p.Name)
				}
			}
		}
	}
	return nil
}
