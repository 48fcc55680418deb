package emit

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/docapi/docapi/tools/docparse/internal/emit/yamlw"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/internal/ext"
)

const componentSchemaPrefix = "#/components/schemas/"

// write writes sp as YAML. It decides nothing: everything it writes was
// resolved already.
func write(out io.Writer, sp *spec) error {
	w := &writer{y: yamlw.New(out)}
	y := w.y
	y.BeginMap()
	w.str("openapi", "3.0.3")
	y.Key("info")
	y.BeginMap()
	w.str("title", sp.info.Title)
	w.text("description", sp.info.Description)
	w.str("version", sp.info.Version)
	if len(sp.info.Docs) > 0 {
		y.Key(ext.Docs)
		y.BeginSeq()
		for _, d := range sp.info.Docs {
			y.BeginMap()
			w.str("pages", d.Pages)
			w.str("repository", d.Repository)
			w.str("commit", d.Commit)
			if d.Path != "" {
				w.str("path", d.Path)
			}
			w.strs("modified", d.Modified)
			y.EndMap()
		}
		y.EndSeq()
	}
	y.EndMap()
	if len(sp.servers) > 0 {
		y.Key("servers")
		y.BeginSeq()
		for _, s := range sp.servers {
			w.server(s)
		}
		y.EndSeq()
	}
	if len(sp.security) > 0 {
		w.security(sp.security)
	}
	y.Key("paths")
	y.BeginMap()
	for _, p := range sp.paths {
		y.Key(p.path)
		y.BeginMap()
		for _, op := range p.ops {
			y.Key(op.method)
			w.operation(op)
		}
		y.EndMap()
	}
	y.EndMap()
	if len(sp.schemas) > 0 || len(sp.schemes) > 0 {
		y.Key("components")
		y.BeginMap()
		if len(sp.schemas) > 0 {
			y.Key("schemas")
			y.BeginMap()
			for _, c := range sp.schemas {
				y.Key(c.name)
				w.schema(c.schema, c.schema.description, c.schema.source)
			}
			y.EndMap()
		}
		if len(sp.schemes) > 0 {
			y.Key("securitySchemes")
			y.BeginMap()
			for _, s := range sp.schemes {
				y.Key(s.Name)
				y.BeginMap()
				w.str("type", s.Type)
				w.text("description", s.Description)
				w.text("name", s.ParamName)
				w.text("in", s.In)
				y.EndMap()
			}
			y.EndMap()
		}
		y.EndMap()
	}
	y.EndMap()
	return y.Close()
}

// security writes a security requirement: any one of the schemes, each
// without scopes; none is security: [].
func (w *writer) security(names []string) {
	y := w.y
	y.Key("security")
	y.BeginSeq()
	for _, name := range names {
		y.BeginMap()
		y.Key(name)
		y.BeginSeq()
		y.EndSeq()
		y.EndMap()
	}
	y.EndSeq()
}

type writer struct {
	y   *yamlw.Writer
	buf []byte
}

func (w *writer) str(key, value string) {
	w.y.Key(key)
	w.y.String(value)
}

// strs writes key: and the list of values, unless there are none.
func (w *writer) strs(key string, values []string) {
	if len(values) == 0 {
		return
	}
	w.y.Key(key)
	w.y.BeginSeq()
	for _, v := range values {
		w.y.String(v)
	}
	w.y.EndSeq()
}

// text writes key: value unless value is empty.
func (w *writer) text(key, value string) {
	if value != "" {
		w.str(key, value)
	}
}

func (w *writer) boolean(key string, b bool) {
	w.y.Key(key)
	w.y.Bool(b)
}

// source writes where a part came from: "page.md:12 table "表 3" row 2".
func (w *writer) source(at model.Loc) {
	if at.File == "" {
		return
	}
	b := append(w.buf[:0], at.File...)
	if at.Line > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(at.Line), 10)
	}
	if at.Table != "" {
		b = append(b, " table "...)
		b = strconv.AppendQuote(b, at.Table)
	}
	if at.Row > 0 {
		b = append(b, " row "...)
		b = strconv.AppendInt(b, int64(at.Row), 10)
	}
	w.buf = b
	// One source per property of every schema: the text is written and
	// forgotten, so it is not copied into a string of its own (a 10⁶-row
	// page made 130 MB of them). String keeps no reference to it.
	w.str(ext.Source, unsafe.String(unsafe.SliceData(b), len(b)))
}

func (w *writer) server(s Server) {
	y := w.y
	y.BeginMap()
	w.str("url", s.URL)
	w.text("description", s.Description)
	if len(s.Variables) > 0 {
		y.Key("variables")
		y.BeginMap()
		for _, v := range s.Variables {
			y.Key(v.Name)
			y.BeginMap()
			w.strs("enum", v.Enum)
			w.str("default", v.Default)
			w.text("description", v.Description)
			y.EndMap()
		}
		y.EndMap()
	}
	y.EndMap()
}

func (w *writer) operation(op *opIR) {
	y := w.y
	y.BeginMap()
	w.str("operationId", op.id)
	w.text("summary", op.summary)
	w.text("description", op.description)
	if len(op.params) > 0 {
		y.Key("parameters")
		y.BeginSeq()
		for _, p := range op.params {
			y.BeginMap()
			w.str("name", p.name)
			w.str("in", p.in)
			w.text("description", p.description)
			if p.required {
				w.boolean("required", true)
			}
			if p.commaJoined {
				w.str("style", "form")
				w.boolean("explode", false)
			}
			y.Key("schema")
			w.schema(p.schema, p.schema.description, model.Loc{})
			w.source(p.source)
			y.EndMap()
		}
		y.EndSeq()
	}
	if b := op.requestBody; b != nil {
		y.Key("requestBody")
		y.BeginMap()
		if b.required {
			w.boolean("required", true)
		}
		y.Key("content")
		w.content(b)
		y.EndMap()
	}
	y.Key("responses")
	y.BeginMap()
	for _, r := range op.responses {
		y.Key(r.status)
		w.response(r)
	}
	y.EndMap()
	if op.ownSecurity {
		w.security(op.security)
	}
	for _, x := range op.extensions {
		y.Key(x.key)
		w.value(x.value)
	}
	w.source(op.source)
	y.EndMap()
}

// content writes {mediaType: {schema, examples, encoding}}.
func (w *writer) content(b *bodyIR) {
	y := w.y
	y.BeginMap()
	y.Key(b.mediaType)
	y.BeginMap()
	if b.schema != nil {
		y.Key("schema")
		w.schema(b.schema, b.schema.description, model.Loc{})
	}
	if len(b.examples) > 0 {
		y.Key("examples")
		y.BeginMap()
		for _, ex := range b.examples {
			y.Key(ex.key)
			y.BeginMap()
			w.text("summary", ex.summary)
			y.Key("value")
			w.value(ex.value)
			y.EndMap()
		}
		y.EndMap()
	}
	if len(b.encoding) > 0 {
		y.Key("encoding")
		y.BeginMap()
		for _, e := range b.encoding {
			y.Key(e.property)
			y.BeginMap()
			w.str("contentType", e.contentType)
			y.EndMap()
		}
		y.EndMap()
	}
	y.EndMap()
	y.EndMap()
}

func (w *writer) response(r *responseIR) {
	y := w.y
	y.BeginMap()
	w.str("description", r.description)
	if len(r.headers) > 0 {
		y.Key("headers")
		y.BeginMap()
		for _, h := range r.headers {
			y.Key(h.name)
			y.BeginMap()
			w.text("description", h.description)
			if h.required {
				w.boolean("required", true)
			}
			if h.secret {
				w.boolean(ext.Secret, true)
			}
			y.Key("schema")
			w.schema(h.schema, h.schema.description, model.Loc{})
			y.EndMap()
		}
		y.EndMap()
	}
	if r.body != nil {
		y.Key("content")
		w.content(r.body)
	}
	y.EndMap()
}

// schema writes s with the given description (a property's words replace
// an inline schema's own) and source.
func (w *writer) schema(s *schemaIR, description string, source model.Loc) {
	y := w.y
	y.BeginMap()
	if s.ref != "" {
		w.str("$ref", componentSchemaPrefix+s.ref)
		// OpenAPI 3.0 ignores a $ref's siblings, so the row's words go to
		// the component; its source is an extension tools may still read
		// (kin-openapi keeps it on the reference).
		w.source(source)
		y.EndMap()
		return
	}
	if s.typ != model.TypeAny {
		w.str("type", s.typ)
	}
	w.text("format", s.format)
	w.text("description", description)
	if s.nullable {
		w.boolean("nullable", true)
	}
	if len(s.enum) > 0 {
		y.Key("enum")
		y.BeginSeq()
		for _, v := range s.enum {
			w.value(v)
		}
		y.EndSeq()
	}
	if s.hasDefault {
		y.Key("default")
		w.value(s.def)
	}
	if s.minLength > 0 {
		y.Key("minLength")
		y.Int(int64(s.minLength))
	}
	if s.maxLength > 0 {
		y.Key("maxLength")
		y.Int(int64(s.maxLength))
	}
	if s.minimum != nil {
		y.Key("minimum")
		y.Number(floatText(*s.minimum))
	}
	if s.maximum != nil {
		y.Key("maximum")
		y.Number(floatText(*s.maximum))
	}
	w.strs("required", s.required)
	if len(s.properties) > 0 {
		y.Key("properties")
		y.BeginMap()
		for _, p := range s.properties {
			y.Key(p.name)
			w.schema(p.schema, p.description, *p.source)
		}
		y.EndMap()
	}
	switch {
	case s.additional != nil:
		y.Key("additionalProperties")
		w.schema(s.additional, s.additional.description, model.Loc{})
	case s.additionalAny:
		w.boolean("additionalProperties", true)
	}
	if s.items != nil {
		y.Key("items")
		w.schema(s.items, s.items.description, model.Loc{})
	}
	if s.hasExample {
		y.Key("example")
		w.value(s.example)
	}
	if len(s.constraints) > 0 {
		y.Key(ext.Constraints)
		y.BeginSeq()
		for _, c := range s.constraints {
			y.BeginMap()
			w.str("keyword", c.Keyword)
			w.text("sentence", c.Sentence)
			y.EndMap()
		}
		y.EndSeq()
	}
	w.source(source)
	y.EndMap()
}

// value writes a normalized JSON value. Map keys are sorted so the output
// does not depend on map iteration order; whole numbers are written as
// integers.
func (w *writer) value(v any) {
	y := w.y
	switch v := v.(type) {
	case nil:
		y.Null()
	case bool:
		y.Bool(v)
	case string:
		y.String(v)
	case json.Number:
		y.Number(numberText(v))
	case []any:
		y.BeginSeq()
		for _, item := range v {
			w.value(item)
		}
		y.EndSeq()
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		y.BeginMap()
		for _, k := range keys {
			y.Key(k)
			w.value(v[k])
		}
		y.EndMap()
	default:
		// Not reached for normalized values; a string keeps the output valid.
		y.String("")
	}
}

func numberText(n json.Number) string {
	text := n.String()
	if !strings.ContainsAny(text, ".eE") {
		return text
	}
	f, err := n.Float64()
	if err != nil {
		return text
	}
	return floatText(f)
}

func floatText(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
