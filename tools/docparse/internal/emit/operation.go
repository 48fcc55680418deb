package emit

import (
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// defaultMediaType is assumed for a body whose page names no media type;
// the vendors documented here speak JSON.
const defaultMediaType = "application/json"

// pathsNode groups operations by path, in the order paths first appear.
func (e *emitter) pathsNode(ops []*operation) *yaml.Node {
	paths := newMapping()
	items := make(map[string]mapping)
	for _, op := range ops {
		item, ok := items[op.Path]
		if !ok {
			item = newMapping()
			items[op.Path] = item
			paths.set(op.Path, item.node)
		}
		item.set(op.method, e.operationNode(op))
	}
	return paths.node
}

func (e *emitter) operationNode(op *operation) *yaml.Node {
	schemes := e.securitySchemes(op)
	m := newMapping()
	m.set("operationId", plainString(op.id))
	m.setText("summary", op.Summary)
	m.setText("description", op.Description)
	m.set("parameters", e.parametersNode(op, schemes))
	if op.RequestBody != nil {
		m.set("requestBody", e.requestBodyNode(op.RequestBody))
	}
	m.set("responses", e.responsesNode(op))
	m.set("security", securityNode(schemes))
	e.extensions(m, op)
	return m.node
}

// securitySchemes resolves the scheme names op uses, reporting unknown ones.
func (e *emitter) securitySchemes(op *operation) []securityScheme {
	var schemes []securityScheme
	for _, name := range op.Security {
		s, ok := lookupSecurityScheme(name)
		if !ok {
			e.diags.Errorf(op.Loc, "operation %s: unknown security scheme %q (add it to knownSecuritySchemes)", op.id, name)
			continue
		}
		e.usedSchemes[name] = s
		schemes = append(schemes, s)
	}
	return schemes
}

// securityNode lists each scheme as an alternative: [{A: []}, {B: []}].
func securityNode(schemes []securityScheme) *yaml.Node {
	if len(schemes) == 0 {
		return nil
	}
	seq := sequence()
	for _, s := range schemes {
		m := newMapping()
		m.set(s.Name, sequence())
		seq.Content = append(seq.Content, m.node)
	}
	return seq
}

func (e *emitter) extensions(m mapping, op *operation) {
	keys := make([]string, 0, len(op.Extensions))
	for k := range op.Extensions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !strings.HasPrefix(k, "x-") {
			e.diags.Warnf(op.Loc, "operation %s: extension %q does not start with x-; dropped", op.id, k)
			continue
		}
		value, err := normalizeJSON(op.Extensions[k])
		if err != nil {
			e.diags.Warnf(op.Loc, "operation %s: extension %s is not a JSON value: %v; dropped", op.id, k, err)
			continue
		}
		m.set(k, valueNode(value))
	}
}

// parametersNode writes op's path, query and header parameters in page
// order. Headers OpenAPI says to ignore (Accept, Content-Type,
// Authorization) and headers a security scheme already sends are left out,
// so generated clients do not ask for them.
func (e *emitter) parametersNode(op *operation, schemes []securityScheme) *yaml.Node {
	templated := make(map[string]bool)
	pathParams := model.PathParams(op.Path)
	for _, name := range pathParams {
		templated[name] = true
	}
	declared := make(map[string]bool)
	seq := sequence()
	for _, p := range op.Params {
		if p == nil || !e.keepParam(op, p, schemes, templated, declared) {
			continue
		}
		declared[p.In+" "+p.Name] = true
		seq.Content = append(seq.Content, e.parameterNode(p))
	}
	for _, name := range pathParams {
		if !declared[model.InPath+" "+name] {
			e.diags.Errorf(op.Loc, "operation %s: path parameter %q is not described", op.id, name)
		}
	}
	if len(seq.Content) == 0 {
		return nil
	}
	return seq
}

func (e *emitter) keepParam(op *operation, p *model.Param, schemes []securityScheme, templated, declared map[string]bool) bool {
	switch p.In {
	case model.InPath:
		if !templated[p.Name] {
			e.diags.Errorf(p.Loc, "operation %s: path parameter %q does not occur in %s; dropped", op.id, p.Name, op.Path)
			return false
		}
	case model.InQuery:
	case model.InHeader:
		if ignoredHeader(p.Name) {
			return false
		}
		for _, s := range schemes {
			if s.carriesHeader(p.Name) {
				return false
			}
		}
	case model.InBody:
		e.diags.Errorf(p.Loc, "operation %s: body parameter %q was not placed into the request body; dropped", op.id, p.Name)
		return false
	default:
		e.diags.Errorf(p.Loc, "operation %s: parameter %q has unknown location %q; dropped", op.id, p.Name, p.In)
		return false
	}
	if p.Name == "" || declared[p.In+" "+p.Name] {
		e.diags.Warnf(p.Loc, "operation %s: %s parameter %q is empty or repeated; dropped", op.id, p.In, p.Name)
		return false
	}
	return true
}

func ignoredHeader(name string) bool {
	switch asciiLower(name) {
	case "accept", "content-type", "authorization":
		return true
	}
	return false
}

func (e *emitter) parameterNode(p *model.Param) *yaml.Node {
	m := newMapping()
	m.set("name", plainString(p.Name))
	m.set("in", plainString(p.In))
	m.setText("description", p.Description)
	if p.Required || p.In == model.InPath {
		m.set("required", boolNode(true))
	}
	m.set("schema", e.paramSchema(p))
	return m.node
}

// paramSchema is required by OpenAPI for a parameter; a page that gives no
// type gets string, what every parameter travels as.
func (e *emitter) paramSchema(p *model.Param) *yaml.Node {
	if p.Schema == nil {
		e.diags.Warnf(p.Loc, "parameter %q has no type; emitted as string", p.Name)
		m := newMapping()
		m.set("type", plainString(model.TypeString))
		return m.node
	}
	return e.schemaRef(p.Schema, "")
}

func (e *emitter) requestBodyNode(b *model.Body) *yaml.Node {
	m := newMapping()
	if b.Required {
		m.set("required", boolNode(true))
	}
	m.set("content", e.contentNode(b))
	return m.node
}

// contentNode writes {mediaType: {schema, examples, encoding}}.
func (e *emitter) contentNode(b *model.Body) *yaml.Node {
	media := newMapping()
	if b.Schema != nil {
		media.set("schema", e.schemaRef(b.Schema, ""))
	}
	media.setMapping("examples", e.examplesNode(b))
	media.setMapping("encoding", e.encodingNode(b))
	mediaType := b.MediaType
	if mediaType == "" {
		mediaType = defaultMediaType
	}
	content := newMapping()
	content.set(mediaType, media.node)
	return content.node
}

// examplesNode writes the valid examples as example1, example2, ...
// numbered by position on the page, so dropping one does not rename the
// others.
func (e *emitter) examplesNode(b *model.Body) mapping {
	m := newMapping()
	for i, ex := range b.Examples {
		if ex == nil {
			continue
		}
		value, ok := e.checkedExample(ex.Value, b.Schema, ex.Loc)
		if !ok {
			continue
		}
		entry := newMapping()
		entry.setText("summary", ex.Summary)
		entry.set("value", valueNode(value))
		m.set("example"+strconv.Itoa(i+1), entry.node)
	}
	return m
}

func (e *emitter) encodingNode(b *model.Body) mapping {
	props := make([]string, 0, len(b.Encoding))
	for prop := range b.Encoding {
		props = append(props, prop)
	}
	slices.Sort(props)
	m := newMapping()
	for _, prop := range props {
		if b.Schema != nil && len(b.Schema.Properties) > 0 && b.Schema.Property(prop) == nil {
			e.diags.Warnf(b.Loc, "encoding names property %q the body does not have", prop)
		}
		entry := newMapping()
		entry.set("contentType", plainString(b.Encoding[prop]))
		m.set(prop, entry.node)
	}
	return m
}

// sortedResponses orders op's responses 2xx first, then the other statuses,
// then default, reporting malformed and repeated statuses.
func (e *emitter) sortedResponses(op *model.Operation) []*model.Response {
	var out []*model.Response
	seen := make(map[string]bool)
	for _, r := range op.Responses {
		if r == nil {
			continue
		}
		if statusClass(r.Status) < 0 {
			e.diags.Errorf(r.Loc, "response status %q is not a code, a range like 4XX or default; dropped", r.Status)
			continue
		}
		if seen[r.Status] {
			e.diags.Errorf(r.Loc, "response status %s is described twice; dropped", r.Status)
			continue
		}
		seen[r.Status] = true
		out = append(out, r)
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

func firstSuccess(sorted []*model.Response) *model.Response {
	if len(sorted) > 0 && statusClass(sorted[0].Status) == 0 {
		return sorted[0]
	}
	return nil
}

func (e *emitter) responsesNode(op *operation) *yaml.Node {
	m := newMapping()
	for _, r := range op.responses {
		m.set(r.Status, e.responseNode(r))
	}
	if m.empty() {
		// OpenAPI requires at least one response.
		e.diags.Warnf(op.Loc, "operation %s documents no response; emitted a default one", op.id)
		entry := newMapping()
		entry.set("description", plainString("Response not documented"))
		m.set("default", entry.node)
	}
	return m.node
}

func (e *emitter) responseNode(r *model.Response) *yaml.Node {
	m := newMapping()
	description := r.Description
	if description == "" {
		description = statusText(r.Status)
	}
	m.set("description", textNode(description))
	headers := newMapping()
	seen := make(map[string]bool)
	for _, h := range r.Headers {
		if h == nil {
			continue
		}
		if h.Name == "" || seen[asciiLower(h.Name)] {
			e.diags.Warnf(h.Loc, "response header %q is empty or repeated; dropped", h.Name)
			continue
		}
		seen[asciiLower(h.Name)] = true
		headers.set(h.Name, e.headerNode(h))
	}
	m.setMapping("headers", headers)
	if r.Body != nil {
		m.set("content", e.contentNode(r.Body))
	}
	return m.node
}

func (e *emitter) headerNode(h *model.Param) *yaml.Node {
	m := newMapping()
	m.setText("description", h.Description)
	if h.Required {
		m.set("required", boolNode(true))
	}
	m.set("schema", e.paramSchema(h))
	return m.node
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
