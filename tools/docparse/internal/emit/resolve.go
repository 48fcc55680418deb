package emit

import (
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/emit/yamlw"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// defaultMediaType is assumed for a body whose page names no media type;
// the vendors documented here speak JSON.
const defaultMediaType = "application/json"

// resolver holds the state of one resolution. It only reads the model.
type resolver struct {
	diags   model.Diagnostics
	schemes map[string]SecurityScheme
	used    map[string]bool
	comps   *components
	inline  map[*model.Schema]*schemaIR // inline schemas converted, so each is checked once
	plain   map[[2]string]*schemaIR     // shared {type, format} schemas with nothing else
	bodies  map[*model.Body]*bodyIR
	secret  map[string]bool // canonical names of secret response headers
	// security is the document's default requirement, its known schemes.
	security []string
}

// operation is a checked model.Operation with what resolution derived.
type operation struct {
	*model.Operation
	id        string
	method    string // lower case
	path      string
	responses []*response
	params    []*model.Param // the ones to write
	schemes   []SecurityScheme
}

type response struct {
	*model.Response
	headers []*model.Param // the ones to write
}

func resolve(doc Document) (*spec, model.Diagnostics) {
	r := &resolver{
		schemes: make(map[string]SecurityScheme),
		used:    make(map[string]bool),
		inline:  make(map[*model.Schema]*schemaIR),
		plain:   make(map[[2]string]*schemaIR),
		bodies:  make(map[*model.Body]*bodyIR),
		secret:  make(map[string]bool),
	}
	for _, h := range doc.SecretHeaders {
		r.secret[http.CanonicalHeaderKey(h)] = true
	}
	r.checkSchemes(doc.SecuritySchemes)
	for _, name := range doc.Security {
		if _, ok := r.schemes[name]; !ok {
			r.diags.Errorf(model.Loc{What: "security"}, "unknown security scheme %q (declare it in securitySchemes)", name)
			continue
		}
		if !slices.Contains(r.security, name) {
			r.used[name] = true
			r.security = append(r.security, name)
		}
	}
	ops := r.checkOperations(doc.Operations)
	for _, op := range ops {
		r.prepare(op)
	}
	ids := make([]string, len(ops))
	for i, op := range ops {
		ids[i] = op.id
	}
	r.comps = discover(ops, &r.diags)
	r.comps.assignNames(reservedNames(ids))

	sp := &spec{info: r.info(doc.Info), servers: r.servers(doc.Servers), security: r.security}
	items := make(map[string]*pathIR)
	for _, op := range ops {
		item, ok := items[op.path]
		if !ok {
			item = &pathIR{path: op.path}
			items[op.path] = item
			sp.paths = append(sp.paths, item)
		}
		item.ops = append(item.ops, r.operation(op))
	}
	for _, c := range r.comps.sorted() {
		sp.schemas = append(sp.schemas, &componentIR{name: c.name, schema: r.component(c)})
	}
	for _, s := range doc.SecuritySchemes {
		if r.used[s.Name] {
			sp.schemes = append(sp.schemes, s)
		}
	}
	slices.SortFunc(sp.schemes, func(a, b SecurityScheme) int { return strings.Compare(a.Name, b.Name) })
	return sp, r.diags
}

// checkSchemes keeps the security schemes that can be written.
func (r *resolver) checkSchemes(schemes []SecurityScheme) {
	at := model.Loc{What: "securitySchemes"}
	for _, s := range schemes {
		switch {
		case typeName(s.Name) != s.Name:
			r.diags.Errorf(at, "security scheme %q: the name must be a Go-friendly identifier", s.Name)
		case r.schemes[s.Name].Name != "":
			r.diags.Errorf(at, "security scheme %s is declared twice", s.Name)
		case s.Type != "apiKey":
			r.diags.Errorf(at, "security scheme %s: type %q is not supported (apiKey is)", s.Name, s.Type)
		case s.In != "header" && s.In != "query" && s.In != "cookie":
			r.diags.Errorf(at, "security scheme %s: in must be header, query or cookie, not %q", s.Name, s.In)
		case s.ParamName == "":
			r.diags.Errorf(at, "security scheme %s names no header or parameter", s.Name)
		default:
			r.schemes[s.Name] = s
		}
	}
}

// checkOperations keeps the operations that can be written, reporting the
// others: each needs an id, a method and a path, unique in the document.
func (r *resolver) checkOperations(in []*model.Operation) []*operation {
	var ops []*operation
	ids := make(map[string]model.Loc)
	routes := make(map[string]model.Loc)
	for _, op := range in {
		if op == nil {
			continue
		}
		id := valid(op.ID)
		if id == "" {
			id = valid(op.IDHint)
		}
		method := lowerMethod(op.Method)
		switch {
		case id == "":
			r.diags.Errorf(op.Loc, "operation %s %s has no operationId; set one in the service file", op.Method, op.Path)
			continue
		case op.Method == "" || op.Path == "":
			r.diags.Errorf(op.Loc, "operation %s has no method or path: the page gives none; set method and path in the service file", id)
			continue
		case method == "":
			r.diags.Errorf(op.Loc, "operation %s: unsupported HTTP method %q", id, op.Method)
			continue
		case op.Path[0] != '/':
			r.diags.Errorf(op.Loc, "operation %s: path %q must start with /", id, op.Path)
			continue
		}
		if first, dup := ids[id]; dup {
			r.diags.Errorf(op.Loc, "operationId %s is already used at %s", id, first)
			continue
		}
		route := method + " " + model.PathShape(valid(op.Path))
		if first, dup := routes[route]; dup {
			r.diags.Errorf(op.Loc, "operation %s: %s %s is already described at %s", id, op.Method, op.Path, first)
			continue
		}
		ids[id], routes[route] = op.Loc, op.Loc
		ops = append(ops, &operation{Operation: op, id: id, method: method, path: valid(op.Path), responses: r.sortedResponses(op)})
	}
	return ops
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

// prepare decides op's security, parameters and response headers, so that
// the schema walk sees only what will be written.
func (r *resolver) prepare(op *operation) {
	for _, name := range op.Security {
		s, ok := r.schemes[name]
		if !ok {
			r.diags.Errorf(op.Loc, "operation %s: unknown security scheme %q (declare it in the service file)", op.id, name)
			continue
		}
		r.used[name] = true
		op.schemes = append(op.schemes, s)
	}

	templated := make(map[string]bool)
	pathParams := model.PathParams(op.Path)
	for _, name := range pathParams {
		if templated[name] {
			r.diags.Errorf(op.Loc, "operation %s: path %s names {%s} twice, so a client cannot fill the two apart; give the path in the service file", op.id, op.Path, name)
		}
		templated[name] = true
	}
	declared := make(map[string]bool)
	for _, p := range op.Params {
		if p == nil || !r.keepParam(op, p, templated, declared) {
			continue
		}
		declared[p.In+" "+valid(p.Name)] = true
		op.params = append(op.params, p)
	}
	for _, name := range pathParams {
		if !declared[model.InPath+" "+name] {
			r.diags.Errorf(op.Loc, "operation %s: path parameter %q is not described", op.id, name)
		}
	}

	for _, resp := range op.responses {
		seen := make(map[string]bool)
		for _, h := range resp.Headers {
			if h == nil {
				continue
			}
			if h.Name == "" || seen[asciiLower(valid(h.Name))] {
				r.diags.Warnf(h.Loc, "response header %q is empty or repeated; dropped", h.Name)
				continue
			}
			seen[asciiLower(valid(h.Name))] = true
			resp.headers = append(resp.headers, h)
		}
	}
	if len(op.responses) == 0 {
		// OpenAPI requires at least one response.
		r.diags.Warnf(op.Loc, "operation %s documents no response; emitted a default one", op.id)
	}
}

// keepParam reports whether p is written. Headers OpenAPI says to ignore
// (Accept, Content-Type, Authorization) and headers a security scheme
// already sends are left out, so generated clients do not ask for them.
func (r *resolver) keepParam(op *operation, p *model.Param, templated, declared map[string]bool) bool {
	switch p.In {
	case model.InPath:
		if !templated[p.Name] {
			r.diags.Errorf(p.Loc, "operation %s: path parameter %q does not occur in %s; dropped", op.id, p.Name, op.Path)
			return false
		}
	case model.InQuery:
	case model.InHeader:
		if ignoredHeader(p.Name) {
			return false
		}
		for _, s := range op.schemes {
			if carriesHeader(s, p.Name) {
				return false
			}
		}
	case model.InBody:
		r.diags.Errorf(p.Loc, "operation %s: body parameter %q was not placed into the request body; dropped", op.id, p.Name)
		return false
	default:
		r.diags.Errorf(p.Loc, "operation %s: parameter %q has unknown location %q; dropped", op.id, p.Name, p.In)
		return false
	}
	if p.Name == "" || declared[p.In+" "+valid(p.Name)] {
		r.diags.Warnf(p.Loc, "operation %s: %s parameter %q is empty or repeated; dropped", op.id, p.In, p.Name)
		return false
	}
	return true
}

// carriesHeader reports whether s sends its key in header name; a page
// that also lists that header as a parameter would otherwise make every
// generated call ask for the token twice.
func carriesHeader(s SecurityScheme, name string) bool {
	return s.Type == "apiKey" && s.In == "header" && strings.EqualFold(s.ParamName, name)
}

func ignoredHeader(name string) bool {
	switch asciiLower(name) {
	case "accept", "content-type", "authorization":
		return true
	}
	return false
}

// sortedResponses orders op's responses 2xx first, then the other statuses,
// then default, reporting malformed and repeated statuses.
func (r *resolver) sortedResponses(op *model.Operation) []*response {
	var out []*response
	seen := make(map[string]bool)
	for _, resp := range op.Responses {
		if resp == nil {
			continue
		}
		if statusClass(resp.Status) < 0 {
			r.diags.Errorf(resp.Loc, "response status %q is not a code, a range like 4XX or default; dropped", resp.Status)
			continue
		}
		if seen[resp.Status] {
			r.diags.Errorf(resp.Loc, "response status %s is described twice; dropped", resp.Status)
			continue
		}
		seen[resp.Status] = true
		out = append(out, &response{Response: resp})
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := statusClass(out[i].Status), statusClass(out[j].Status)
		if ci != cj {
			return ci < cj
		}
		return out[i].Status < out[j].Status
	})
	return out
}

var statusPattern = regexp.MustCompile(`^[1-5]([0-9][0-9]|XX)$`)

// statusClass sorts statuses: 0 success, 1 any other code, 2 default, -1
// malformed.
func statusClass(status string) int {
	switch {
	case status == "default":
		return 2
	case !statusPattern.MatchString(status):
		return -1
	case status[0] == '2':
		return 0
	}
	return 1
}

func firstSuccess(sorted []*response) *response {
	if len(sorted) > 0 && statusClass(sorted[0].Status) == 0 {
		return sorted[0]
	}
	return nil
}

func (r *resolver) info(info Info) Info {
	if info.Title == "" {
		r.diags.Errorf(model.Loc{What: "info.title"}, "document has no title")
	}
	if info.Version == "" {
		r.diags.Errorf(model.Loc{What: "info.version"}, "document has no version")
	}
	info.Title, info.Description, info.Version = tidyText(info.Title), tidyText(info.Description), valid(info.Version)
	docs := make([]Docs, len(info.Docs))
	for i, d := range info.Docs {
		docs[i] = Docs{Pages: valid(d.Pages), Repository: valid(d.Repository), Commit: valid(d.Commit), Path: valid(d.Path)}
		for _, m := range d.Modified {
			docs[i].Modified = append(docs[i].Modified, valid(m))
		}
	}
	info.Docs = docs
	return info
}

func (r *resolver) servers(in []Server) []Server {
	var out []Server
	for _, s := range in {
		if s.URL == "" {
			r.diags.Errorf(model.Loc{What: "servers"}, "server without URL dropped")
			continue
		}
		s.URL = valid(s.URL)
		if !r.checkServerURL(s) {
			continue
		}
		for _, v := range s.Variables {
			if v.Default == "" {
				r.diags.Errorf(model.Loc{What: "servers"}, "server %s: variable %s has no default", s.URL, v.Name)
			} else if len(v.Enum) > 0 && !slices.Contains(v.Enum, v.Default) {
				r.diags.Errorf(model.Loc{What: "servers"}, "server %s: default %q of variable %s is not in its enum", s.URL, v.Default, v.Name)
			}
		}
		s.Description = tidyText(s.Description)
		out = append(out, s)
	}
	return out
}

// checkServerURL reports, and drops, a server whose URL template does not
// match its variables: every {name} declared, every variable used.
func (r *resolver) checkServerURL(s Server) bool {
	at := model.Loc{What: "servers"}
	if strings.Count(s.URL, "{") != strings.Count(s.URL, "}") {
		r.diags.Errorf(at, "server %s: { and } do not pair up; dropped", s.URL)
		return false
	}
	declared := make(map[string]bool)
	for _, v := range s.Variables {
		declared[v.Name] = true
		if !strings.Contains(s.URL, "{"+v.Name+"}") {
			r.diags.Errorf(at, "server %s: variable %s does not occur in the URL; dropped", s.URL, v.Name)
			return false
		}
	}
	for rest := s.URL; ; {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			return true
		}
		rest = rest[open+1:]
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return true
		}
		if name := rest[:end]; !declared[name] {
			r.diags.Errorf(at, "server %s: variable %q has no default; dropped", s.URL, name)
			return false
		}
		rest = rest[end+1:]
	}
}

func (r *resolver) operation(op *operation) *opIR {
	out := &opIR{
		method: op.method, id: op.id, source: op.Loc,
		summary: tidyText(op.Summary), description: tidyText(op.Description),
	}
	for _, p := range op.params {
		out.params = append(out.params, &paramIR{
			name: valid(p.Name), in: p.In, description: tidyText(p.Description),
			required: p.Required || p.In == model.InPath, schema: r.paramSchema(p), source: p.Loc,
			commaJoined: p.CommaJoined && p.In == model.InQuery && p.Schema != nil && p.Schema.Type == model.TypeArray,
		})
	}
	if op.RequestBody != nil {
		out.requestBody = r.body(op.RequestBody)
	}
	for _, resp := range op.responses {
		out.responses = append(out.responses, r.response(resp))
	}
	if len(out.responses) == 0 {
		out.responses = append(out.responses, &responseIR{status: "default", description: "Response not documented"})
	}
	for _, s := range op.schemes {
		out.security = append(out.security, s.Name)
	}
	if len(r.security) > 0 {
		out.ownSecurity = !sameSet(out.security, r.security)
	} else {
		out.ownSecurity = len(out.security) > 0
	}
	out.extensions = r.extensions(op)
	return out
}

func (r *resolver) extensions(op *operation) []extensionIR {
	keys := make([]string, 0, len(op.Extensions))
	for k := range op.Extensions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []extensionIR
	for _, k := range keys {
		if !strings.HasPrefix(k, "x-") {
			r.diags.Warnf(op.Loc, "operation %s: extension %q does not start with x-; dropped", op.id, k)
			continue
		}
		value, err := normalizeJSON(op.Extensions[k])
		if err != nil {
			r.diags.Warnf(op.Loc, "operation %s: extension %s is not a JSON value: %v; dropped", op.id, k, err)
			continue
		}
		if valueDepth(value, 0) > MaxNesting {
			r.diags.Warnf(op.Loc, "operation %s: extension %s nests deeper than %d levels; dropped", op.id, k, MaxNesting)
			continue
		}
		out = append(out, extensionIR{key: valid(k), value: value})
	}
	return out
}

// paramSchema is required by OpenAPI for a parameter; a page that gives no
// type gets string, what every parameter travels as.
func (r *resolver) paramSchema(p *model.Param) *schemaIR {
	if p.Schema == nil {
		r.diags.Warnf(p.Loc, "parameter %q has no type; emitted as string", p.Name)
		return &schemaIR{typ: model.TypeString}
	}
	return r.use(p.Schema)
}

// body resolves a request or response body once, however often it is used.
func (r *resolver) body(b *model.Body) *bodyIR {
	if out, ok := r.bodies[b]; ok {
		return out
	}
	out := &bodyIR{required: b.Required, mediaType: valid(b.MediaType)}
	if out.mediaType == "" {
		out.mediaType = defaultMediaType
	}
	r.bodies[b] = out
	if b.Schema != nil {
		out.schema = r.use(b.Schema)
	}
	// Examples are numbered by position on the page, so dropping one does
	// not rename the others.
	for i, ex := range b.Examples {
		if ex == nil {
			continue
		}
		if value, ok := r.checkedExample("example", ex.Value, b.Schema, ex.Loc); ok {
			out.examples = append(out.examples, exampleIR{key: "example" + strconv.Itoa(i+1), summary: tidyText(ex.Summary), value: value})
		}
	}
	props := make([]string, 0, len(b.Encoding))
	for prop := range b.Encoding {
		props = append(props, prop)
	}
	slices.Sort(props)
	for _, prop := range props {
		if b.Schema != nil && len(b.Schema.Properties) > 0 && b.Schema.Property(prop) == nil {
			r.diags.Warnf(b.Loc, "encoding names property %q the body does not have", prop)
		}
		out.encoding = append(out.encoding, encodingIR{property: valid(prop), contentType: valid(b.Encoding[prop])})
	}
	return out
}

func (r *resolver) response(resp *response) *responseIR {
	out := &responseIR{status: resp.Status, description: tidyText(resp.Description)}
	if out.description == "" {
		out.description = statusText(resp.Status)
	}
	for _, h := range resp.headers {
		out.headers = append(out.headers, &headerIR{
			name: valid(h.Name), description: tidyText(h.Description), required: h.Required, schema: r.paramSchema(h),
			secret: r.secret[http.CanonicalHeaderKey(h.Name)],
		})
	}
	if resp.Body != nil {
		out.body = r.body(resp.Body)
	}
	return out
}

// statusText is the description OpenAPI requires when the page gives none.
func statusText(status string) string {
	if status == "default" {
		return "Unexpected response"
	}
	if strings.HasSuffix(status, "XX") {
		return [...]string{"", "Informational", "Success", "Redirection", "Client error", "Server error"}[status[0]-'0']
	}
	code, _ := strconv.Atoi(status)
	if text := http.StatusText(code); text != "" {
		return text
	}
	return "Status " + status
}

// tidyText prepares human-written text for a literal block: YAML forbids
// that style when a line ends in white space, which documentation pages
// often contain, so trailing blanks go (and \r\n becomes \n).
func tidyText(s string) string {
	s = strings.ReplaceAll(valid(s), "\r\n", "\n")
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u3000")
	}
	return strings.Join(lines, "\n")
}

// valid is s as it will be written: YAML holds only valid UTF-8, and names
// are compared (for repeats, or with example keys) as written.
func valid(s string) string { return yamlw.ValidUTF8(s) }

// sameSet reports whether a and b hold the same names, in any order.
func sameSet(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}
