package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// sdkOp is one GenReqDefForX function of an SDK service's <svc>_meta.go.
type sdkOp struct {
	Name     string
	Method   string
	Path     string
	Params   []sdkParam // path, query, header, cookie fields of the request
	Body     *node      // request body, nil when the operation sends none
	Response *node      // response body (struct minus header fields), nil when empty
	RespHdrs []string   // response header names
	Source   string     // file:line of the GenReqDefFor function
}

// sdkParam is a non-body request field.
type sdkParam struct {
	Name     string
	In       string // path, query, header, cookie
	Required bool
	Type     *node
}

// sdkModels is a parsed model package: type declarations and enum values.
type sdkModels struct {
	types map[string]ast.Expr // type name → its type expression
	enums map[string][]string // enum type name → values
	kinds map[string]string   // enum type name → string or integer
}

// loadSDK reads one SDK service directory (…/services/<svc>/<v>) with its
// model package.
func loadSDK(dir string) ([]sdkOp, error) {
	metas, err := filepath.Glob(filepath.Join(dir, "*_meta.go"))
	if err != nil || len(metas) == 0 {
		return nil, fmt.Errorf("%s: no *_meta.go", dir)
	}
	models, err := loadModels(filepath.Join(dir, "model"))
	if err != nil {
		return nil, err
	}
	var ops []sdkOp
	for _, meta := range metas {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, meta, nil, 0)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", meta, err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !strings.HasPrefix(fd.Name.Name, "GenReqDefFor") {
				continue
			}
			op, err := readOp(fd, models)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", fset.Position(fd.Pos()), err)
			}
			op.Source = fmt.Sprintf("%s:%d", filepath.Base(meta), fset.Position(fd.Pos()).Line)
			ops = append(ops, op)
		}
	}
	return ops, nil
}

// call is one builder call of a chain: WithName("x").
type call struct {
	name string
	args []ast.Expr
}

// chain flattens a.B(x).C(y) into [B(x), C(y)] (innermost first).
func chain(e ast.Expr) []call {
	var out []call
	for {
		ce, ok := e.(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ce.Fun.(*ast.SelectorExpr)
		if !ok {
			out = append(out, call{name: exprString(ce.Fun), args: ce.Args})
			break
		}
		out = append(out, call{name: sel.Sel.Name, args: ce.Args})
		e = sel.X
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func exprString(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(x.X)
	case *ast.ArrayType:
		return "[]" + exprString(x.Elt)
	case *ast.MapType:
		return "map[" + exprString(x.Key) + "]" + exprString(x.Value)
	case *ast.InterfaceType:
		return "interface{}"
	case *ast.BasicLit:
		return x.Value
	}
	return fmt.Sprintf("%T", e)
}

func strArg(c call) string {
	if len(c.args) != 1 {
		return ""
	}
	if bl, ok := c.args[0].(*ast.BasicLit); ok && bl.Kind == token.STRING {
		s, err := strconv.Unquote(bl.Value)
		if err == nil {
			return s
		}
	}
	return ""
}

// fieldDef is one WithRequestField / WithResponseField argument.
type fieldDef struct{ name, json, loc string }

func readFieldDef(e ast.Expr) fieldDef {
	var fd fieldDef
	for _, c := range chain(e) {
		switch c.name {
		case "WithName":
			fd.name = strArg(c)
		case "WithJsonTag":
			fd.json = strArg(c)
		case "WithLocationType":
			if len(c.args) == 1 {
				fd.loc = strings.TrimPrefix(exprString(c.args[0]), "def.")
			}
		}
	}
	return fd
}

func readOp(fd *ast.FuncDecl, m *sdkModels) (sdkOp, error) {
	op := sdkOp{Name: strings.TrimPrefix(fd.Name.Name, "GenReqDefFor")}
	var reqFields, respFields []fieldDef
	var respType string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		ce, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ce.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		switch sel.Sel.Name {
		case "WithMethod":
			if len(ce.Args) == 1 {
				op.Method = strings.ToUpper(strings.TrimPrefix(exprString(ce.Args[0]), "http.Method"))
			}
		case "WithPath":
			op.Path = strArg(call{args: ce.Args})
		case "WithResponse":
			if len(ce.Args) == 1 {
				if nc, ok := ce.Args[0].(*ast.CallExpr); ok && len(nc.Args) == 1 {
					respType = strings.TrimPrefix(exprString(nc.Args[0]), "model.")
				}
			}
		case "WithRequestField":
			if len(ce.Args) == 1 {
				reqFields = append(reqFields, readFieldDef(ce.Args[0]))
			}
			return false
		case "WithResponseField":
			if len(ce.Args) == 1 {
				respFields = append(respFields, readFieldDef(ce.Args[0]))
			}
			return false
		}
		return true
	})
	if op.Method == "" || op.Path == "" {
		return op, fmt.Errorf("%s: no method or path", fd.Name.Name)
	}
	reqStruct := structFields(m.types[op.Name+"Request"])
	for _, f := range reqFields {
		sf, ok := reqStruct[f.name]
		if f.loc == "Body" {
			if ok {
				op.Body = m.resolve(sf.typ, 0)
			}
			continue
		}
		p := sdkParam{Name: f.json, In: strings.ToLower(f.loc)}
		if p.Name == "" {
			p.Name = f.name
		}
		if ok {
			p.Required = sf.required
			p.Type = m.resolve(sf.typ, 0)
		}
		op.Params = append(op.Params, p)
	}
	if respType == "" {
		return op, nil
	}
	respStruct := m.types[respType]
	skip := map[string]bool{}
	for _, f := range respFields {
		switch f.loc {
		case "Header":
			op.RespHdrs = append(op.RespHdrs, f.json)
			skip[f.name] = true
		case "Body":
			if sf, ok := structFields(respStruct)[f.name]; ok {
				op.Response = m.resolve(sf.typ, 0)
				return op, nil
			}
		}
	}
	resp := m.structNode(respStruct, skip, 0)
	if resp != nil && len(resp.Fields) > 0 {
		op.Response = resp
	}
	return op, nil
}

// structField is a struct field's JSON view.
type structField struct {
	json     string
	typ      ast.Expr
	required bool
}

// structFields maps Go field names of a struct type to their JSON view.
func structFields(e ast.Expr) map[string]structField {
	out := map[string]structField{}
	st, ok := e.(*ast.StructType)
	if !ok {
		return out
	}
	for _, f := range st.Fields.List {
		var tag string
		if f.Tag != nil {
			t, _ := strconv.Unquote(f.Tag.Value)
			tag = reflect.StructTag(t).Get("json")
		}
		parts := strings.Split(tag, ",")
		omit := false
		for _, p := range parts[1:] {
			if p == "omitempty" {
				omit = true
			}
		}
		// The generator writes omitempty on every optional field, pointer
		// or not, and leaves it off required ones (pointers included).
		for _, n := range f.Names {
			out[n.Name] = structField{json: parts[0], typ: f.Type, required: !omit}
		}
	}
	return out
}

// maxDepth bounds recursion through self-referencing models.
const maxDepth = 12

func (m *sdkModels) structNode(e ast.Expr, skip map[string]bool, depth int) *node {
	st, ok := e.(*ast.StructType)
	if !ok {
		return nil
	}
	n := &node{Kind: "object", Fields: map[string]*field{}}
	if depth > maxDepth {
		return n
	}
	fields := structFields(st)
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, gn := range names {
		sf := fields[gn]
		if skip[gn] || sf.json == "-" || sf.json == "" {
			continue
		}
		n.Fields[sf.json] = &field{Node: m.resolve(sf.typ, depth+1), Required: sf.required}
	}
	return n
}

// resolve turns an SDK type expression into a node.
func (m *sdkModels) resolve(e ast.Expr, depth int) *node {
	switch x := e.(type) {
	case *ast.StarExpr:
		return m.resolve(x.X, depth)
	case *ast.ArrayType:
		if id, ok := x.Elt.(*ast.Ident); ok && id.Name == "byte" {
			return &node{Kind: "string"}
		}
		return &node{Kind: "array", Items: m.resolve(x.Elt, depth+1)}
	case *ast.MapType:
		return &node{Kind: "map", Items: m.resolve(x.Value, depth+1)}
	case *ast.InterfaceType:
		return &node{Kind: "any"}
	case *ast.SelectorExpr:
		switch exprString(x) {
		case "sdktime.SdkTime", "time.Time":
			return &node{Kind: "string"}
		case "json.RawMessage":
			return &node{Kind: "any"}
		}
		return &node{Kind: "any"}
	case *ast.Ident:
		switch x.Name {
		case "string":
			return &node{Kind: "string"}
		case "int", "int32", "int64", "int8", "int16", "uint", "uint32", "uint64":
			return &node{Kind: "integer"}
		case "float32", "float64":
			return &node{Kind: "number"}
		case "bool":
			return &node{Kind: "boolean"}
		case "any":
			return &node{Kind: "any"}
		}
		if vals, ok := m.enums[x.Name]; ok {
			return &node{Kind: m.kinds[x.Name], Enum: vals}
		}
		t, ok := m.types[x.Name]
		if !ok {
			return &node{Kind: "any"}
		}
		if _, isStruct := t.(*ast.StructType); isStruct {
			return m.structNode(t, nil, depth)
		}
		if depth > maxDepth {
			return &node{Kind: "any"}
		}
		return m.resolve(t, depth+1)
	}
	return &node{Kind: "any"}
}

// loadModels parses every model_*.go of a model package.
func loadModels(dir string) (*sdkModels, error) {
	m := &sdkModels{types: map[string]ast.Expr{}, enums: map[string][]string{}, kinds: map[string]string{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("model package: %w", err)
		}
	}
	enumFuncs := map[string]*ast.FuncDecl{}
	for _, file := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", file, err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						m.types[ts.Name.Name] = ts.Type
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil && strings.HasPrefix(d.Name.Name, "Get") && strings.HasSuffix(d.Name.Name, "Enum") {
					enumFuncs[strings.TrimSuffix(strings.TrimPrefix(d.Name.Name, "Get"), "Enum")] = d
				}
			}
		}
	}
	for name, t := range m.types {
		st, ok := t.(*ast.StructType)
		if !ok || len(st.Fields.List) != 1 || len(st.Fields.List[0].Names) != 1 || st.Fields.List[0].Names[0].Name != "value" {
			continue
		}
		kind := "integer"
		if exprString(st.Fields.List[0].Type) == "string" {
			kind = "string"
		}
		m.kinds[name] = kind
		var vals []string
		if fd := enumFuncs[name]; fd != nil && fd.Body != nil {
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "value" {
					if bl, ok := kv.Value.(*ast.BasicLit); ok {
						v := bl.Value
						if bl.Kind == token.STRING {
							v, _ = strconv.Unquote(bl.Value)
						}
						vals = append(vals, v)
					}
				}
				return true
			})
		}
		m.enums[name] = vals
	}
	return m, nil
}
