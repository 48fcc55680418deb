// Package model is the family-independent description of documented API
// operations that every page reader produces and the emitter consumes.
//
// Every node carries a Loc, so a defect found at any later stage can still be
// reported against the page, table and row it came from.
package model

import (
	"fmt"
	"regexp"
	"strings"
)

// Loc says where in a documentation page something came from.
type Loc struct {
	File  string // page file name as given on the command line
	Line  int    // 1-based line in the file; 0 if unknown
	Table string // table caption (or "table N") when inside a table
	Row   int    // 1-based data row within Table; 0 for the table itself
	What  string // optional: the column or part, e.g. "参数类型"
}

func (l Loc) String() string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Line > 0 {
		fmt.Fprintf(&b, ":%d", l.Line)
	}
	if l.Table != "" {
		fmt.Fprintf(&b, ": table %q", l.Table)
	}
	if l.Row > 0 {
		fmt.Fprintf(&b, " row %d", l.Row)
	}
	if l.What != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "(%s)", l.What)
	}
	return b.String()
}

// Severity orders diagnostics.
type Severity int

const (
	// Note records a decision a reader made that the user may want to
	// check (a type assumed, a page skipped); it never fails a run.
	Note Severity = iota - 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Note:
		return "note"
	}
	return "warning"
}

// Diagnostic is one located finding about a page.
type Diagnostic struct {
	Loc      Loc
	Severity Severity
	Msg      string
}

func (d Diagnostic) String() string { return fmt.Sprintf("%s: %s: %s", d.Loc, d.Severity, d.Msg) }

// Error lets an error-severity diagnostic travel as an error.
func (d Diagnostic) Error() string { return d.String() }

// Diagnostics collects findings; readers append to it instead of failing on
// the first defect so one run reports every problem on a page.
type Diagnostics []Diagnostic

func (ds *Diagnostics) Notef(at Loc, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Loc: at, Severity: Note, Msg: fmt.Sprintf(format, args...)})
}

func (ds *Diagnostics) Warnf(at Loc, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Loc: at, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

func (ds *Diagnostics) Errorf(at Loc, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Loc: at, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Page is what a reader makes of one documentation page.
type Page struct {
	Loc        Loc
	Family     string // reader name, e.g. "huawei-api", "huawei-sdk", "top"
	Operations []*Operation
	// NotOperation, when not empty, says why the page documents no
	// operation (an overview, an appendix, an error-code list): the
	// pipeline skips it with a note instead of refusing it.
	NotOperation string
	// Tables are the page's object tables, for links from other pages.
	Tables []*Table
	// LinksOut counts the page's rows that link to a table on another
	// page (Schema.Elsewhere); a page with none needs no cross-page walk.
	LinksOut int
}

// Operation is one callable API.
type Operation struct {
	Loc    Loc
	ID     string // English operationId; may be empty until a service file fills it
	IDHint string // an id the page suggests (title anchor, API Explorer link)
	// IDHints are every English name the page suggests, in the order the
	// reader found them; the naming stage chooses among them.
	IDHints     []IDHint
	Summary     string
	Description string
	Method      string // upper case; may be empty (ModelArts SDK pages)
	Path        string // may be empty (ModelArts SDK pages)
	Params      []*Param
	Security    []string // names of security schemes, e.g. "XAuthToken"
	RequestBody *Body
	Responses   []*Response
	Extensions  map[string]any // x-... keys to emit on the operation
}

// IDHint is one English operation name a page suggests.
type IDHint struct {
	Loc    Loc
	Source string // "anchor" (title anchor), "name" (a 接口名称 item), "explorer" (API Explorer link), "sdk" (SDK call)
	Name   string
}

// Param locations.
const (
	InPath   = "path"
	InQuery  = "query"
	InHeader = "header"
	InBody   = "body" // ModelArts: not yet placed; the service or emitter decides
)

// Param is a path, query or header parameter, or a response header.
type Param struct {
	Loc         Loc
	Name        string
	In          string
	Required    bool
	Description string
	Schema      *Schema
	// CommaJoined sends an array query parameter as one comma-separated
	// value (ids=a,b), not as a repeated key (ids=a&ids=b): OpenAPI's
	// explode: false.
	CommaJoined bool
}

// Body is a request or response body.
type Body struct {
	Loc       Loc
	MediaType string
	Schema    *Schema
	Required  bool
	Examples  []*Example
	// Encoding maps a property to the media type it travels as inside a
	// form body (e.g. an object field sent as JSON text).
	Encoding map[string]string
}

// SoleMember is the only top-level member of an object body
// ({"os-start": {}}, {"tags": […]}), or nil when the body is not an object
// of exactly one member.
func (b *Body) SoleMember() *Property {
	if b == nil || b.Schema == nil || b.Schema.Type != TypeObject || len(b.Schema.Properties) != 1 {
		return nil
	}
	return b.Schema.Properties[0]
}

// Response is what one status code (or "default") answers.
type Response struct {
	Loc         Loc
	Status      string // "200", "4XX", "default"
	Description string
	Headers     []*Param
	Body        *Body
}

// Example is a sample value found on the page.
type Example struct {
	Loc     Loc
	Summary string
	Value   any // decoded JSON: map[string]any, []any, string, float64/json.Number, bool, nil
}

// Schema types.
const (
	TypeString  = "string"
	TypeInteger = "integer"
	TypeNumber  = "number"
	TypeBoolean = "boolean"
	TypeObject  = "object"
	TypeArray   = "array"
	TypeAny     = "" // unknown: any JSON value
)

// Schema describes a value. Objects that came from their own table carry a
// Name and become named (component) schemas.
type Schema struct {
	Loc         Loc
	Name        string // preferred component name, e.g. "Tag"; empty for inline
	Qualifier   string // prefix used to tell apart different schemas with the same Name
	Type        string
	Format      string
	Description string
	Properties  []*Property // in page order
	Items       *Schema
	// AdditionalProperties is the value schema of a map
	// (Map<String,Integer>); nil when the object is not a map.
	AdditionalProperties *Schema
	MaxLength            int // 0: no limit stated (String(255) → 255)
	MinLength            int
	Minimum, Maximum     *float64
	Default              any
	// Constraints quotes, for each keyword taken from the page's prose
	// rather than its type column, the sentence it came from.
	Constraints []Constraint
	Enum        []string
	Example     any
	Nullable    bool
	// FreeForm marks an object whose fields the page does not list.
	FreeForm bool
	// Elsewhere, on a free-form object, says that a row links to another
	// page for its fields; the cross-page stage puts that page's table in
	// its place, or warns that it found none.
	Elsewhere *TableLink
}

// TableLink is a row's link to a table on another page of its folder.
type TableLink struct {
	Page   string   // the link's page as written ("数据结构(创建云服务器).md")
	Anchor string   // the link's fragment; "" when it has none
	Names  []string // captions or type names that pick the table when the link has no anchor
	// InType marks a link in the row's type or name cell: it says the
	// row's value is what the page describes, so even an operation page's
	// only table is it. A link in a description may be a how-to page
	// ("获取项目ID") whose one table describes something else.
	InType bool
	// Path and Tried are the row's dotted path and the captions already
	// looked for on its own page, for the warning when the link finds
	// nothing.
	Path  string
	Tried []string
}

// Table is an object table a page offers to other pages' links: its
// anchors, the names its caption gives, and its schema, built once.
type Table struct {
	Loc     Loc
	Anchors []string // the table's, its caption's, and its section heading's when it is the section's first
	Names   []string // caption and type name
	Schema  *Schema
	// Diags is what building the table said when no operation of its
	// page used it: reported once, by the first page that links to it.
	Diags Diagnostics
}

// Constraint is one schema keyword a reader took from a sentence.
type Constraint struct {
	Loc      Loc
	Keyword  string // "enum", "maxLength", "minimum", "maximum", "default", ...
	Sentence string // the words it came from, as the page has them
}

// Property is a named member of an object schema.
type Property struct {
	Loc         Loc
	Name        string
	Required    bool
	Description string
	Schema      *Schema
}

// Property returns the member called name, or nil.
func (s *Schema) Property(name string) *Property {
	if s == nil {
		return nil
	}
	for _, p := range s.Properties {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// PathParams returns the names of the {placeholders} in an operation path,
// in order: the parameters the path says must be documented as in: path.
func PathParams(path string) []string {
	var names []string
	for _, m := range pathParamRE.FindAllStringSubmatch(path, -1) {
		names = append(names, m[1])
	}
	return names
}

// FoldName is a name without case, '_' and '-', as the readers compare
// names: "AIProject", "ai_project" and "ai-project" are one name. Names
// with other characters fold to "".
func FoldName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '_' || c == '-':
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b.WriteByte(c)
		default:
			return ""
		}
	}
	return b.String()
}

// PathShape is path with every placeholder's name emptied
// (/v1/{project_id}/vpcs/{vpc_id} → /v1/{}/vpcs/{}): the route OpenAPI and
// HTTP see, since paths that differ only in placeholder names are one path.
// A query or fragment is kept; callers that ignore them cut them first.
func PathShape(path string) string {
	if !strings.Contains(path, "{") {
		return path
	}
	return pathParamRE.ReplaceAllLiteralString(path, "{}")
}

var pathParamRE = regexp.MustCompile(`\{([^{}]+)\}`)
