// Package changelog says what changed between the spec being replaced and
// its replacement, as a user of the generated client needs to know it:
// operations, parameters and fields added or removed, types, required flags
// and constraints changed, breaking changes marked. The diff and its checks
// are oasdiff's; this package loads the two specs, asks oasdiff for every
// change down to the informational ones, and points each at the page it
// came from (the x-docapi-source extension the emitter writes).
package changelog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"

	"github.com/docapi/docapi/tools/internal/ext"
)

// Report compares old (the spec being replaced) with new and returns one
// line per change, breaking ones first marked "BREAKING", then a summary
// line; it returns "" when nothing an API user can see changed.
func Report(oldSpec, newSpec []byte) (report string, err error) {
	defer func() {
		// The changelog is for reading: a spec oasdiff cannot take must
		// not stop the spec from being written.
		if r := recover(); r != nil {
			report, err = "", fmt.Errorf("changelog: the diff failed on these specs: %v", r)
		}
	}()
	base, err := loadSpec("old", oldSpec)
	if err != nil {
		return "", err
	}
	revision, err := loadSpec("new", newSpec)
	if err != nil {
		return "", err
	}
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), base, revision)
	if err != nil {
		return "", fmt.Errorf("changelog: comparing the specs: %w", err)
	}
	config := checker.NewConfig(checker.GetAllChecks(), checker.WithSeverityLevels(goBreaking))
	changes := checker.CheckBackwardCompatibilityUntilLevel(config, d, sources, checker.INFO)
	if len(changes) == 0 {
		return "", nil
	}
	l := checker.NewDefaultLocalizer()
	lines := make([]line, 0, len(changes))
	for _, c := range changes {
		lines = append(lines, line{
			level: c.GetLevel(),
			text:  fmt.Sprintf("%s: %s", subject(c), c.GetUncolorizedText(l)),
			from:  locate(c, base.Spec, revision.Spec),
		})
	}
	// Breaking first, then warnings, then the rest; oasdiff's order within.
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].level > lines[j].level })
	var b strings.Builder
	counts := map[checker.Level]int{}
	for _, ln := range lines {
		counts[ln.level]++
		b.WriteString(mark(ln.level))
		b.WriteString(ln.text)
		if ln.from != "" {
			b.WriteString(" (")
			b.WriteString(ln.from)
			b.WriteString(")")
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d changes: %d breaking, %d possibly breaking, %d compatible\n",
		len(lines), counts[checker.ERR], counts[checker.WARN], counts[checker.INFO])
	return b.String(), nil
}

// goBreaking are the oasdiff checks whose changes keep the wire compatible
// but break code compiled against the generated client: a removed field,
// parameter or enum value is a removed struct field or constant, so they
// are reported as breaking.
var goBreaking = map[string]checker.Level{
	"response-optional-property-removed":    checker.ERR,
	"request-property-removed":              checker.ERR,
	"request-parameter-removed":             checker.ERR,
	"response-property-enum-value-removed":  checker.ERR,
	"response-mediatype-enum-value-removed": checker.ERR,
	"request-property-enum-value-removed":   checker.ERR,
	"request-parameter-enum-value-removed":  checker.ERR,
	"api-schema-removed":                    checker.ERR,
}

type line struct {
	level checker.Level
	text  string
	from  string
}

// subject is the operation a change is about, or the section of the spec
// ("components") for one that is about no operation.
func subject(c checker.Change) string {
	if c.GetOperation() == "" && c.GetPath() == "" {
		if section, _ := c.Subject(); section != "" {
			return section
		}
		return "spec"
	}
	return c.GetOperation() + " " + c.GetPath()
}

func mark(l checker.Level) string {
	switch l {
	case checker.ERR:
		return "BREAKING "
	case checker.WARN:
		return "WARNING  "
	}
	return "         "
}

func loadSpec(which string, data []byte) (*load.SpecInfo, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	spec, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("changelog: loading the %s spec: %w", which, err)
	}
	// An empty or foreign YAML file loads without error but is no spec;
	// oasdiff assumes the parts every spec has. (Not a full validation:
	// a hand-edited spec with one bad example can still be compared.)
	if spec.OpenAPI == "" || spec.Info == nil || spec.Paths == nil {
		return nil, fmt.Errorf("changelog: the %s spec is not an OpenAPI document (no openapi, info or paths)", which)
	}
	return &load.SpecInfo{Spec: spec, Source: load.NewSource(which), Version: spec.Info.Version}, nil
}

// locate says which page a change comes from: the source of the field or
// parameter it names when the spec records one, else of its operation. A
// removal is found in the old spec, anything else in the new one first.
func locate(c checker.Change, base, revision *openapi3.T) string {
	specs := []*openapi3.T{revision, base}
	if strings.Contains(c.GetId(), "removed") || strings.Contains(c.GetId(), "deleted") {
		specs = []*openapi3.T{base, revision}
	}
	for _, spec := range specs {
		if c.GetPath() == "" && spec != nil && spec.Components != nil {
			// A change to a component schema names it.
			for _, arg := range c.GetArgs() {
				if name, ok := arg.(string); ok {
					if ref := spec.Components.Schemas[name]; ref != nil && ref.Value != nil {
						if at := source(ref.Value.Extensions); at != "" {
							return at
						}
					}
				}
			}
		}
		op := operation(spec, c.GetPath(), c.GetOperation())
		if op == nil {
			continue
		}
		for _, arg := range c.GetArgs() {
			name, ok := arg.(string)
			if !ok || name == "" {
				continue
			}
			if at := fieldSource(op, name); at != "" {
				return at
			}
		}
		if at := source(op.Extensions); at != "" {
			return at
		}
	}
	return ""
}

func operation(spec *openapi3.T, path, method string) *openapi3.Operation {
	if spec == nil || spec.Paths == nil {
		return nil
	}
	item := spec.Paths.Value(path)
	if item == nil {
		return nil
	}
	return item.GetOperation(strings.ToUpper(method))
}

// fieldSource finds name among op's parameters, or as a property path
// ("key_info/key_id", "items/name") in its request and response bodies.
func fieldSource(op *openapi3.Operation, name string) string {
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.Name == name {
			if at := source(p.Value.Extensions); at != "" {
				return at
			}
		}
	}
	var schemas []*openapi3.SchemaRef
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		for _, mt := range op.RequestBody.Value.Content {
			schemas = append(schemas, mt.Schema)
		}
	}
	if op.Responses != nil {
		for _, r := range op.Responses.Map() {
			if r.Value == nil {
				continue
			}
			for _, mt := range r.Value.Content {
				schemas = append(schemas, mt.Schema)
			}
		}
	}
	for _, s := range schemas {
		if at := propertySource(s, strings.Split(name, "/")); at != "" {
			return at
		}
	}
	return ""
}

func propertySource(s *openapi3.SchemaRef, path []string) string {
	for i, seg := range path {
		if s == nil || s.Value == nil || i > 64 {
			return ""
		}
		switch next := s.Value.Properties[seg]; {
		case next != nil:
			s = next
		case seg == "items" && s.Value.Items != nil:
			s = s.Value.Items
		default:
			return ""
		}
	}
	if s == nil || s.Value == nil {
		return ""
	}
	return source(s.Value.Extensions)
}

// source formats an x-docapi-source value: the emitter writes a string
// ("page.md:12"); a mapping of file (or page), line, table and row is read
// too.
func source(exts map[string]any) string {
	switch v := exts[ext.Source].(type) {
	case string:
		return v
	case map[string]any:
		file, _ := v["file"].(string)
		if file == "" {
			file, _ = v["page"].(string)
		}
		if file == "" {
			return ""
		}
		var b strings.Builder
		b.WriteString(file)
		if line, ok := v["line"]; ok {
			fmt.Fprintf(&b, ":%v", line)
		}
		if table, ok := v["table"].(string); ok && table != "" {
			fmt.Fprintf(&b, " table %q", table)
		}
		if row, ok := v["row"]; ok {
			fmt.Fprintf(&b, " row %v", row)
		}
		return b.String()
	}
	return ""
}
