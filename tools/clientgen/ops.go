package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/docapi/docapi/tools/internal/ext"
)

type fileData struct {
	Header, Package, Models, Service, Title, Server string
	// Docs name the documentation the spec was read from (its
	// x-docapi-docs), one line each.
	Docs    []string
	Imports []string
	Ops     []*opData
	Paged   bool
}

type opData struct {
	Name, Summary, Method, Path string
	Source                      string // the page it came from: x-docapi-source
	Idempotent, Auth            bool
	Project, Domain             bool
	// Params are the method's parameters after ctx ("name type"); Args the
	// request function's arguments after server.
	Params, Args []string
	// ParamNames are the method's parameter names, for paging closures.
	ParamNames []string
	Request    string // New<Op>Request or New<Op>RequestWithBody
	// Result is what the method returns ("" when the operation documents
	// no body): the typed body (BodyType) documented for the 2xx Status,
	// or, when that response documents headers, <Name>Result holding the
	// body (embedded as BodyField) and the headers.
	Result, BodyType, BodyField string
	BodyEmbedded                bool
	// File: the documented 2xx answer is a file, not JSON
	// (application/octet-stream); the method returns its bytes.
	File   bool
	Status int
	// StrictStatus: the operation documents more than one 2xx with a JSON
	// body, so only Status decodes (one body takes any 2xx's JSON).
	StrictStatus bool
	Headers      []headerData
	Paging       *pagingData

	// TOP
	TopMethod, RequestType, EnvelopeType, Member string
	MemberPointer                                bool
}

// headerData is a response header the spec documents: Name on the wire,
// Go the field name; Secret when the spec marks it x-docapi-secret (the
// field is a secret.Value, which never prints).
type headerData struct {
	Name, Go, Description string
	Secret                bool
}

type pagingData struct {
	Style, Param, Limit, In, ParamType, Items, Next, Total string
	First                                                  int // page style: the first page's number
	// ReqParam is the method parameter the paging moves on; Item the item
	// type, ItemsExpr the Go expression of the items of page p.
	ReqParam, ReqType, Item, ItemsExpr string
}

// idempotent applies the retry rule: GET, HEAD, PUT, DELETE always, other
// methods only when the spec says x-docapi-idempotent: true.
func idempotent(method string, exts map[string]any) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete:
		return true
	}
	b, _ := exts[ext.Idempotent].(bool)
	return b
}

var paramNorm = strings.NewReplacer("_", "", "-", "")

// tenantParam is the placeholder that scopes a request to the caller's
// project or domain, by where Huawei puts it: after nothing but a service
// prefix and a version, either of them optional (/v1/{project_id}/vpcs,
// /{project_id}/..., /rds/v1/{project_id}/..., /{version_id}/{project_id}/...,
// /autoscaling-api/v1/{project_id}/...). The version may be a placeholder
// ({version_id}); the tenant never is one of those. Config fills only that
// one; a {project_id} or {domain_id} further in, after a literal that
// follows the version or after its own collection (/v3/projects/{project_id},
// /domains/{domain_id}), names the project or domain acted on, which the
// caller passes.
func tenantParam(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	version := false // the version (a literal v1 or a placeholder) is passed
	for i, seg := range segs {
		name, placeholder := strings.CutPrefix(seg, "{")
		name, closed := strings.CutSuffix(name, "}")
		switch {
		case placeholder && closed && tenantKind(name) != "":
			if i > 0 && strings.EqualFold(segs[i-1], strings.TrimSuffix(paramNorm.Replace(strings.ToLower(name)), "id")+"s") {
				return "" // /projects/{project_id}: the project acted on
			}
			return name
		case placeholder && closed, isVersion(seg):
			if version {
				return ""
			}
			version = true
		case version:
			return "" // a literal after the version: /v3/projects/{project_id}
		}
	}
	return ""
}

// isVersion reports an API version segment: v1, v2.1, V3, v3-ext.
func isVersion(seg string) bool {
	return len(seg) >= 2 && (seg[0] == 'v' || seg[0] == 'V') && seg[1] >= '0' && seg[1] <= '9'
}

// tenantKind says which id Config can fill a placeholder with: "project"
// for {project_id}, "domain" for {domain_id}, however they are spelt
// (projectId); "" for any other.
func tenantKind(name string) string {
	switch strings.ToLower(paramNorm.Replace(name)) {
	case "projectid":
		return "project"
	case "domainid":
		return "domain"
	}
	return ""
}

func (g *gen) huaweiOp(op codegen.OperationDefinition) (*opData, error) {
	o := &opData{
		Name:    op.OperationId,
		Summary: oneLine(op.Summary),
		Method:  strings.ToUpper(op.Method),
		Path:    op.Path,
	}
	o.Idempotent = idempotent(o.Method, op.Spec.Extensions)
	sec := g.spec.Security
	if op.Spec.Security != nil {
		sec = *op.Spec.Security
	}
	o.Auth = len(sec) > 0

	o.Request = "New" + o.Name + "Request"
	fn, ok := g.models.funcs[o.Request]
	if !ok {
		o.Request += "WithBody"
		if fn, ok = g.models.funcs[o.Request]; !ok {
			return nil, fmt.Errorf("no %s in the models oapi-codegen wrote", o.Request)
		}
	}
	pathParams := map[string]string{} // Go name → spec name
	constants := map[string]any{}     // Go name → the only value the spec allows
	for _, p := range op.PathParams {
		pathParams[p.GoVariableName()] = p.ParamName
		if s := p.Spec.Schema; s != nil && s.Value != nil && len(s.Value.Enum) == 1 {
			constants[p.GoVariableName()] = s.Value.Enum[0]
		}
	}
	tenant := tenantParam(op.Path)
	for i, field := range fn.Type.Params.List {
		for j, name := range field.Names {
			if i == 0 && j == 0 {
				continue // server
			}
			spec := pathParams[name.Name]
			typ := g.typeString(field.Type)
			if v, ok := constants[name.Name]; ok {
				// {version_id} that can only be v3: callers never pass a constant
				lit, err := goLiteral(v)
				if err != nil {
					return nil, fmt.Errorf("path parameter %q: %w", spec, err)
				}
				o.Args = append(o.Args, typ+"("+lit+")")
				continue
			}
			switch kind := tenantKind(name.Name); {
			case spec != tenant:
				// a project or domain named deeper in the path is the one
				// acted on (IAM's /v3/projects/{project_id}): the caller passes it
			case kind == "project":
				o.Project = true
				o.Args = append(o.Args, "ids.Project")
				continue
			case kind == "domain":
				o.Domain = true
				o.Args = append(o.Args, "ids.Domain")
				continue
			}
			o.Params = append(o.Params, name.Name+" "+typ)
			o.ParamNames = append(o.ParamNames, name.Name)
			o.Args = append(o.Args, name.Name)
		}
	}

	resp, ok := g.models.types[o.Name+"Response"]
	if !ok {
		return nil, fmt.Errorf("no %sResponse in the models", o.Name)
	}
	if st, ok := resp.Type.(*ast.StructType); ok {
		for _, f := range st.Fields.List {
			if len(f.Names) != 1 || !jsonStatus.MatchString(f.Names[0].Name) {
				continue
			}
			if o.Result != "" {
				// another 2xx has its own body: an undocumented 2xx cannot be
				// told apart, so only the status decoded is accepted
				o.StrictStatus = true
				break
			}
			o.Status, _ = strconv.Atoi(strings.TrimPrefix(f.Names[0].Name, "JSON"))
			t := f.Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			o.Result = g.typeString(t)
		}
	}
	if o.Result != "" {
		o.BodyType = o.Result
		o.headers(op, g.fieldNames)
	} else {
		o.File = answersFile(op.Spec)
	}

	if raw, ok := op.Spec.Extensions[ext.Pagination]; ok {
		p, err := g.paging(o, raw, fn)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ext.Pagination, err)
		}
		o.Paging = p
	}
	return o, nil
}

// goLiteral is v, an enum value kin-openapi read from YAML, as Go source.
func goLiteral(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case int, int64:
		return fmt.Sprint(v), nil
	}
	return "", fmt.Errorf("its only value %v is not a string, number or boolean", v)
}

var jsonStatus = regexp.MustCompile(`^JSON2\d\d$`)

// qualifiedIdent is a models type a struct can embed ("vpc.ShowVpcResponseBody").
var qualifiedIdent = regexp.MustCompile(`^[A-Za-z_]\w*\.[A-Za-z_]\w*$`)

// headers reads the response headers the documented 2xx response names
// and, when there are any, makes the result <Name>Result: the body
// (embedded when it is a named type, else the field Body) and one string
// field per header. Header names are merged as HTTP compares them; a Go
// name that a body field or the body itself already has gets "Header"
// appended, so no header shadows a body field.
func (o *opData) headers(op codegen.OperationDefinition, fieldNames func(typ string) map[string]bool) {
	r := op.Spec.Responses.Status(o.Status)
	if r == nil || r.Value == nil || len(r.Value.Headers) == 0 {
		return
	}
	o.BodyField, o.BodyEmbedded = "Body", false
	taken := map[string]bool{}
	if qualifiedIdent.MatchString(o.BodyType) {
		o.BodyField, o.BodyEmbedded = o.BodyType[strings.LastIndex(o.BodyType, ".")+1:], true
		taken = fieldNames(o.BodyType) // promoted, so a header must not shadow one
	}
	taken[o.BodyField] = true
	seen := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(r.Value.Headers)) {
		canonical := http.CanonicalHeaderKey(name)
		if seen[canonical] {
			continue
		}
		seen[canonical] = true
		goName := codegen.SchemaNameToTypeName(name)
		for base, n := goName, 1; taken[goName]; n++ {
			goName = base + "Header"
			if n > 1 {
				goName += strconv.Itoa(n)
			}
		}
		taken[goName] = true
		hd := headerData{Name: name, Go: goName}
		if h := r.Value.Headers[name]; h.Value != nil {
			hd.Description = oneLine(h.Value.Description)
			hd.Secret, _ = h.Value.Extensions[ext.Secret].(bool)
		}
		o.Headers = append(o.Headers, hd)
	}
	o.Result = o.Name + "Result"
}

// fieldNames are the Go field names of models struct type typ (none for
// anything else), in a new map the caller may add to.
func (g *gen) fieldNames(typ string) map[string]bool {
	out := map[string]bool{}
	st, ok := g.models.structType(typ[strings.LastIndex(typ, ".")+1:])
	if !ok {
		return out
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			out[n.Name] = true
		}
	}
	return out
}

// paging reads the extension and finds the Go side of it: the request
// parameter carrying the marker and the items field of the result.
func (g *gen) paging(o *opData, raw any, fn *ast.FuncDecl) (*pagingData, error) {
	b, err := json.Marshal(raw)
	if err != nil {
		return nil, err
	}
	var p pagingData
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("not an object of strings: %w", err)
	}
	if p.Items == "" || p.Param == "" {
		return nil, fmt.Errorf("needs items and %s", p.Style)
	}
	if o.Result == "" {
		return nil, fmt.Errorf("operation has no JSON result")
	}
	want := "params"
	if p.In == "body" {
		want = "body"
	}
	for i, name := range o.ParamNames {
		if name == want {
			p.ReqParam = name
			p.ReqType = strings.TrimPrefix(o.Params[i], name+" ")
		}
	}
	if p.ReqParam == "" {
		return nil, fmt.Errorf("the request function takes no %s", want)
	}
	resultName := strings.TrimPrefix(o.BodyType, g.pkg+".")
	field, ok := g.models.structField(resultName, p.Items)
	if !ok {
		return nil, fmt.Errorf("%s has no field %q", o.BodyType, p.Items)
	}
	t, ptr := field.Type, false
	if star, ok := t.(*ast.StarExpr); ok {
		t, ptr = star.X, true
	}
	arr, ok := t.(*ast.ArrayType)
	if !ok {
		return nil, fmt.Errorf("%s.%s is not a list", o.BodyType, field.Names[0].Name)
	}
	p.Item = g.typeString(arr.Elt)
	if ptr {
		p.ItemsExpr = fmt.Sprintf("if p.%[1]s == nil { return nil }; return *p.%[1]s", field.Names[0].Name)
	} else {
		p.ItemsExpr = "return p." + field.Names[0].Name
	}
	return &p, nil
}

func (g *gen) topOp(op codegen.OperationDefinition) (*opData, error) {
	o := &opData{Name: op.OperationId, Summary: oneLine(op.Summary), Method: strings.ToUpper(op.Method), Path: op.Path}
	o.TopMethod, _ = op.Spec.Extensions[ext.TopMethod].(string)
	if o.TopMethod == "" {
		return nil, fmt.Errorf("no %s", ext.TopMethod)
	}
	o.Idempotent = idempotent("", op.Spec.Extensions) // TOP calls are POST
	o.RequestType = "struct{}"
	if rb := op.Spec.RequestBody; rb != nil && rb.Value != nil {
		for _, mt := range rb.Value.Content {
			if mt.Schema != nil && mt.Schema.Ref != "" {
				o.RequestType = g.pkg + "." + refType(mt.Schema.Ref)
			}
		}
	}
	ok200 := op.Spec.Responses.Status(200)
	if ok200 == nil || ok200.Value == nil {
		return nil, fmt.Errorf("no 200 response")
	}
	mt := ok200.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Ref == "" {
		return nil, fmt.Errorf("the 200 response is not a named envelope schema")
	}
	env := refType(mt.Schema.Ref)
	o.EnvelopeType = g.pkg + "." + env
	ts, ok := g.models.types[env]
	if !ok {
		return nil, fmt.Errorf("no type %s in the models", env)
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok || len(st.Fields.List) != 1 || len(st.Fields.List[0].Names) != 1 {
		return nil, fmt.Errorf("envelope %s does not have exactly one member", env)
	}
	f := st.Fields.List[0]
	o.Member = f.Names[0].Name
	t := f.Type
	if star, ok := t.(*ast.StarExpr); ok {
		t, o.MemberPointer = star.X, true
	}
	o.Result = g.typeString(t)
	return o, nil
}

// answersFile reports an operation whose documented 2xx answer is a file:
// a media type other than JSON whose schema is binary text.
func answersFile(op *openapi3.Operation) bool {
	if op.Responses == nil {
		return false
	}
	for status, r := range op.Responses.Map() {
		if !strings.HasPrefix(status, "2") || r.Value == nil {
			continue
		}
		for mt, c := range r.Value.Content {
			if !strings.Contains(mt, "json") && c.Schema != nil && c.Schema.Value != nil && c.Schema.Value.Format == "binary" {
				return true
			}
		}
	}
	return false
}

// refType is the Go type oapi-codegen names a component schema.
func refType(ref string) string {
	name := ref[strings.LastIndex(ref, "/")+1:]
	return codegen.SchemaNameToTypeName(name)
}
