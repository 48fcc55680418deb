// Package emit writes the operations the page readers produced as one
// OpenAPI 3.0.3 document in YAML.
//
// The output is deterministic (the same input gives the same bytes, which
// golden files and "go generate" no-diff checks rely on), keeps page order
// where a reader expects it, and is shaped for oapi-codegen: object schemas
// with names become components with Go-friendly names, identical repeated
// tables collapse into one component, and invalid examples are dropped with
// a located warning rather than making the document invalid.
package emit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Info is the document's info object.
type Info struct {
	Title, Version, Description string
}

// Server is one entry of the document's servers list.
type Server struct {
	URL, Description string
	Variables        []ServerVariable
}

// ServerVariable substitutes {Name} in a server URL.
type ServerVariable struct {
	Name, Default, Description string
	Enum                       []string
}

// Document is everything one emitted file describes.
type Document struct {
	Info       Info
	Servers    []Server
	Operations []*model.Operation // in order; all pages of one service
}

// Emit checks and writes doc: it names schemas, merges identical ones and
// drops invalid examples with located warnings. Operations it cannot write
// are left out with a located error; the caller decides whether to keep the
// output when the diagnostics hold errors. schemas counts the component
// schemas written. Emit does not panic.
func Emit(doc Document) (out []byte, schemas int, diags model.Diagnostics) {
	e := &emitter{inline: make(map[*model.Schema]bool), usedSchemes: make(map[string]securityScheme)}
	defer func() {
		// A bug here must not take down a run over many pages; report it
		// like any other defect.
		if r := recover(); r != nil {
			out, schemas = nil, 0
			diags = append(e.diags, model.Diagnostic{Severity: model.Error, Msg: fmt.Sprintf("emitter failure: %v", r)})
		}
	}()
	out = e.emit(doc)
	return out, len(e.names.components), dedupe(e.diags)
}

// emitter holds the state of one Emit call.
type emitter struct {
	diags       model.Diagnostics
	names       *namer
	inline      map[*model.Schema]bool // inline schemas being written, against cycles
	usedSchemes map[string]securityScheme
}

// operation is a checked model.Operation with what the emitter derived.
type operation struct {
	*model.Operation
	id        string
	method    string // lower case
	responses []*model.Response
}

func (e *emitter) emit(doc Document) []byte {
	ops := e.checkOperations(doc.Operations)
	ids := make([]string, len(ops))
	for i, op := range ops {
		ids[i] = op.id
	}
	e.names = newNamer(reservedNames(ids))
	adoptDescriptions(ops)
	for _, op := range ops {
		e.nameSchemas(op)
	}

	root := newMapping()
	root.set("openapi", plainString("3.0.3"))
	root.set("info", e.infoNode(doc.Info))
	root.set("servers", e.serversNode(doc.Servers))
	root.set("paths", e.pathsNode(ops))
	root.setMapping("components", e.componentsNode())

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root.node}}); err != nil {
		e.diags.Errorf(model.Loc{}, "writing YAML: %v", err)
		return nil
	}
	if err := enc.Close(); err != nil {
		e.diags.Errorf(model.Loc{}, "writing YAML: %v", err)
		return nil
	}
	return buf.Bytes()
}

// checkOperations keeps the operations that can be written, reporting the
// others: each needs an id, a method and a path, unique in the document.
func (e *emitter) checkOperations(in []*model.Operation) []*operation {
	var ops []*operation
	ids := make(map[string]model.Loc)
	routes := make(map[string]model.Loc)
	for _, op := range in {
		if op == nil {
			continue
		}
		id := op.ID
		if id == "" {
			id = op.IDHint
		}
		method := lowerMethod(op.Method)
		switch {
		case id == "":
			e.diags.Errorf(op.Loc, "operation %s %s has no operationId; set one in the service file", op.Method, op.Path)
			continue
		case op.Method == "" || op.Path == "":
			e.diags.Errorf(op.Loc, "operation %s has no method or path: the page gives none; set method and path in the service file", id)
			continue
		case method == "":
			e.diags.Errorf(op.Loc, "operation %s: unsupported HTTP method %q", id, op.Method)
			continue
		case len(op.Path) == 0 || op.Path[0] != '/':
			e.diags.Errorf(op.Loc, "operation %s: path %q must start with /", id, op.Path)
			continue
		}
		if first, dup := ids[id]; dup {
			e.diags.Errorf(op.Loc, "operationId %s is already used at %s", id, first)
			continue
		}
		route := method + " " + pathShape(op.Path)
		if first, dup := routes[route]; dup {
			e.diags.Errorf(op.Loc, "operation %s: %s %s is already described at %s", id, op.Method, op.Path, first)
			continue
		}
		ids[id], routes[route] = op.Loc, op.Loc
		ops = append(ops, &operation{Operation: op, id: id, method: method, responses: e.sortedResponses(op)})
	}
	return ops
}

// pathShape is path with its placeholders emptied ("/things/{}"): OpenAPI
// takes paths that differ only in placeholder names for the same path.
func pathShape(path string) string {
	if !strings.Contains(path, "{") {
		return path
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(path[open:], '}')
		if end < 0 {
			break
		}
		b.WriteString(path[:open+1])
		path = path[open+end:]
	}
	b.WriteString(path)
	return b.String()
}

func lowerMethod(m string) string {
	switch lower := asciiLower(m); lower {
	case "get", "put", "post", "delete", "options", "head", "patch", "trace":
		return lower
	}
	return ""
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// nameSchemas shows the namer every schema of op in document order.
func (e *emitter) nameSchemas(op *operation) {
	base := typeName(op.id)
	for _, p := range op.Params {
		if p != nil {
			e.names.visit(p.Schema, base+"Params"+typeName(p.Name), "")
		}
	}
	if op.RequestBody != nil {
		e.nameBodyRoot(op.RequestBody.Schema, base+"RequestBody")
	}
	success := firstSuccess(op.responses)
	for _, r := range op.responses {
		if r.Body != nil {
			e.nameBodyRoot(r.Body.Schema, responseBodyName(base, r, success))
		}
		for _, h := range r.Headers {
			if h != nil {
				e.names.visit(h.Schema, base+typeName(h.Name)+"Header", "")
			}
		}
	}
}

// nameBodyRoot gives an unnamed object body with properties the name
// synthetic, so oapi-codegen makes a named type instead of an anonymous
// struct.
func (e *emitter) nameBodyRoot(s *model.Schema, synthetic string) {
	if s == nil {
		return
	}
	if s.Name == "" && s.Type == model.TypeObject && len(s.Properties) > 0 {
		e.names.visit(s, synthetic, synthetic)
		return
	}
	e.names.visit(s, synthetic, "")
}

// responseBodyName is the component name of an unnamed response body:
// <Op>ResponseBody for the first success status, <Op>ResponseBody<status>
// for other successes and <Op>Error for the rest, which pages usually
// document with one identical table that then merges. "<Op>Response" itself
// is oapi-codegen's own type.
func responseBodyName(opBase string, r, success *model.Response) string {
	switch {
	case r == success:
		return opBase + "ResponseBody"
	case statusClass(r.Status) == 0:
		return opBase + "ResponseBody" + r.Status
	}
	return opBase + "Error"
}

func (e *emitter) infoNode(info Info) *yaml.Node {
	if info.Title == "" {
		e.diags.Errorf(model.Loc{What: "info.title"}, "document has no title")
	}
	if info.Version == "" {
		e.diags.Errorf(model.Loc{What: "info.version"}, "document has no version")
	}
	m := newMapping()
	m.set("title", textNode(info.Title))
	m.setText("description", info.Description)
	m.set("version", plainString(info.Version))
	return m.node
}

func (e *emitter) serversNode(servers []Server) *yaml.Node {
	if len(servers) == 0 {
		return nil
	}
	seq := sequence()
	for _, s := range servers {
		if s.URL == "" {
			e.diags.Errorf(model.Loc{What: "servers"}, "server without URL dropped")
			continue
		}
		m := newMapping()
		m.set("url", plainString(s.URL))
		m.setText("description", s.Description)
		vars := newMapping()
		for _, v := range s.Variables {
			vars.set(v.Name, e.serverVariableNode(s, v))
		}
		m.setMapping("variables", vars)
		seq.Content = append(seq.Content, m.node)
	}
	return seq
}

func (e *emitter) serverVariableNode(s Server, v ServerVariable) *yaml.Node {
	if v.Default == "" {
		e.diags.Errorf(model.Loc{What: "servers"}, "server %s: variable %s has no default", s.URL, v.Name)
	} else if len(v.Enum) > 0 && !slices.Contains(v.Enum, v.Default) {
		e.diags.Errorf(model.Loc{What: "servers"}, "server %s: default %q of variable %s is not in its enum", s.URL, v.Default, v.Name)
	}
	m := newMapping()
	if len(v.Enum) > 0 {
		seq := sequence()
		for _, value := range v.Enum {
			seq.Content = append(seq.Content, plainString(value))
		}
		m.set("enum", seq)
	}
	m.set("default", plainString(v.Default))
	m.setText("description", v.Description)
	return m.node
}

// componentsNode writes the named schemas sorted by name, so adding an
// operation does not reorder the file, and the security schemes in use.
func (e *emitter) componentsNode() mapping {
	schemas := newMapping()
	names := make([]string, 0, len(e.names.components))
	for name := range e.names.components {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		s := e.names.components[name]
		schemas.set(name, e.schemaBody(s, s.Description))
	}

	schemes := newMapping()
	schemeNames := make([]string, 0, len(e.usedSchemes))
	for name := range e.usedSchemes {
		schemeNames = append(schemeNames, name)
	}
	slices.Sort(schemeNames)
	for _, name := range schemeNames {
		schemes.set(name, e.usedSchemes[name].node())
	}

	m := newMapping()
	m.setMapping("schemas", schemas)
	m.setMapping("securitySchemes", schemes)
	return m
}

// dedupe drops repeated diagnostics: a schema written in several places
// would otherwise report the same defect each time.
func dedupe(in model.Diagnostics) model.Diagnostics {
	seen := make(map[model.Diagnostic]bool, len(in))
	var out model.Diagnostics
	for _, d := range in {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
