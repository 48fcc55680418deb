// Package service reads the small declarative file kept beside each spec
// that supplies what documentation pages do not say (title, server URL,
// English operationIds, ModelArts' method and path, fixed path values), and
// applies it to the operations the readers produced.
package service

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Config is one service file.
type Config struct {
	File        string   `yaml:"-"`
	Title       string   `yaml:"title"`
	Version     string   `yaml:"version"`
	Description string   `yaml:"description"`
	Servers     []Server `yaml:"servers"`
	// Pages are the pages, folders and globs the spec is read from,
	// relative to the service file; docparse's arguments replace them.
	Pages []string `yaml:"pages"`
	// Paths, when set, keep only the operations under one of these path
	// prefixes: one documentation folder can hold several services (DEW
	// holds CSMS, KMS and KPS). Segments match as path.Match patterns, and
	// any {placeholder} matches any other.
	Paths []string `yaml:"paths"`
	// SecuritySchemes are the schemes the vendor's pages imply; a header
	// parameter a scheme carries becomes that security requirement.
	SecuritySchemes map[string]SecurityScheme `yaml:"securitySchemes"`
	// Security is what every operation requires (any one of these
	// schemes; OpenAPI's top-level security) unless its page's parameters
	// or its operations entry say otherwise: most pages never list the
	// token header their service needs.
	Security []string `yaml:"security"`
	// Operations correct or complete what single pages say.
	Operations []OperationConfig `yaml:"operations"`
	// Docs say where copied pages came from: a page under Folder is the
	// vendor's page at Path in Repository at Commit. Pages read from a git
	// checkout of the documentation need no entry (docparse reads its
	// HEAD).
	Docs []Docs `yaml:"docs"`
	// SecretHeaders are the response headers that carry a credential (an
	// IAM token): generated clients hold them as secrets, never printed.
	SecretHeaders []string `yaml:"secretHeaders"`

	keyLines map[string]int // top-level key → its line, for locations
}

// Docs is the origin of a folder of pages copied from a documentation
// repository.
type Docs struct {
	Line       int    `yaml:"-"`
	Folder     string `yaml:"folder"` // absolute, or relative to the service file
	Repository string `yaml:"repository"`
	Commit     string `yaml:"commit"`
	Path       string `yaml:"path"` // the folder in the repository
}

// DocsFolder is d.Folder as a path from where docparse runs.
func (c *Config) DocsFolder(d Docs) string { return c.fromHere(d.Folder) }

// fromHere is a path the service file gives (absolute, or relative to the
// file's folder) as a path from where docparse runs.
func (c *Config) fromHere(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(filepath.Dir(c.File), p)
}

// KeyLoc locates a top-level key of the service file (its line when the
// file has the key), so that a finding about a setting names the file.
func (c *Config) KeyLoc(key string) model.Loc {
	return model.Loc{File: c.File, Line: c.keyLines[key], What: key}
}

// DocsLoc locates a docs entry.
func (c *Config) DocsLoc(d Docs) model.Loc {
	return model.Loc{File: c.File, Line: d.Line, What: "docs folder " + d.Folder}
}

// SecurityScheme is an OpenAPI security scheme (type apiKey: a key in a
// header, query parameter or cookie).
type SecurityScheme struct {
	Type        string `yaml:"type"`
	In          string `yaml:"in"`
	Name        string `yaml:"name"` // the header or parameter carrying the key
	Description string `yaml:"description"`
}

// Exclusion returns why the service file keeps page (a file name) out of
// the spec, and where it says so; "" when it does not.
func (c *Config) Exclusion(page string) (why string, at model.Loc) {
	if c == nil {
		return "", model.Loc{}
	}
	if oc := c.find(filepath.Base(page)); oc != nil && oc.Exclude != "" {
		return oc.Exclude, c.loc(oc)
	}
	return "", model.Loc{}
}

// Selects reports whether an operation at path belongs to the spec.
func (c *Config) Selects(opPath string) bool {
	if c == nil || len(c.Paths) == 0 {
		return true
	}
	segs := pathSegments(opPath)
	for _, prefix := range c.Paths {
		if prefixMatches(pathSegments(prefix), segs) {
			return true
		}
	}
	return false
}

func prefixMatches(prefix, segs []string) bool {
	if len(prefix) > len(segs) {
		return false
	}
	for i, p := range prefix {
		if ok, err := path.Match(p, segs[i]); err != nil || !ok {
			return false
		}
	}
	return true
}

// pathSegments splits a path with every placeholder written as {}.
func pathSegments(p string) []string {
	p, _, _ = strings.Cut(p, "?")
	return strings.Split(strings.Trim(model.PathShape(p), "/"), "/")
}

// PagePaths are Pages as paths from where docparse runs: absolute ones as
// they are, relative ones resolved against the service file's folder.
func (c *Config) PagePaths() []string {
	out := make([]string, len(c.Pages))
	for i, p := range c.Pages {
		out[i] = c.fromHere(p)
	}
	return out
}

// Server is a server URL with its variables.
type Server struct {
	URL         string              `yaml:"url"`
	Description string              `yaml:"description"`
	Variables   map[string]Variable `yaml:"variables"`
}

// Variable is a server URL template variable.
type Variable struct {
	Default     string   `yaml:"default"`
	Description string   `yaml:"description"`
	Enum        []string `yaml:"enum"`
}

// OperationConfig completes the operation read from one page.
type OperationConfig struct {
	Line        int               `yaml:"-"`
	Page        string            `yaml:"page"` // page file name, without directories
	OperationID string            `yaml:"operationId"`
	Method      string            `yaml:"method"`
	Path        string            `yaml:"path"`
	Fixed       map[string]string `yaml:"fixed"` // path parameter → its only value
	// Security, when set, replaces what the operation requires: scheme
	// names, any one of them; [] for an operation that needs no
	// credentials (IAM's token issuing).
	Security   []string       `yaml:"security"`
	Extensions map[string]any `yaml:"extensions"`
	// Exclude, when set, keeps the page out of the spec and says why (a
	// variant of an operation another page documents, say).
	Exclude string `yaml:"exclude"`
}

// Parse reads a service file strictly: an unknown key is an error, so a typo
// cannot silently drop a setting.
func Parse(file string, data []byte) (*Config, error) {
	cfg := &Config{File: file}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		setLines(&root, cfg)
	}
	for name, sch := range cfg.SecuritySchemes {
		if sch.Type != "apiKey" || (sch.In != "header" && sch.In != "query" && sch.In != "cookie") || sch.Name == "" {
			return nil, fmt.Errorf("%s: security scheme %s: only type apiKey with in header, query or cookie and a name is supported", file, name)
		}
	}
	for _, name := range cfg.Security {
		if _, ok := cfg.SecuritySchemes[name]; !ok {
			return nil, fmt.Errorf("%s: %q is not one of the securitySchemes", cfg.KeyLoc("security"), name)
		}
	}
	for i, d := range cfg.Docs {
		if d.Folder == "" || d.Repository == "" || !IsCommit(d.Commit) {
			return nil, fmt.Errorf("%s: docs entry %d needs a folder, a repository and a commit (7 to 40 hex digits)", file, i+1)
		}
	}
	firstLine := map[string]int{}
	for i, op := range cfg.Operations {
		if op.Page == "" {
			return nil, fmt.Errorf("%s:%d: operation %d has no page", file, op.Line, i+1)
		}
		if line, dup := firstLine[op.Page]; dup {
			return nil, fmt.Errorf("%s:%d: page %s already has an entry at line %d; only one would apply", file, op.Line, op.Page, line)
		}
		firstLine[op.Page] = op.Line
	}
	return cfg, nil
}

// IsCommit reports a git commit id: 7 to 40 lowercase hex digits.
func IsCommit(s string) bool {
	if len(s) < 7 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// setLines records the line of each top-level key and of each operations
// and docs entry for error messages.
func setLines(root *yaml.Node, cfg *Config) {
	if len(root.Content) == 0 {
		return
	}
	m := root.Content[0]
	cfg.keyLines = map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, items := m.Content[i].Value, m.Content[i+1].Content
		cfg.keyLines[key] = m.Content[i].Line
		for j, item := range items {
			switch {
			case key == "operations" && j < len(cfg.Operations):
				cfg.Operations[j].Line = item.Line
			case key == "docs" && j < len(cfg.Docs):
				cfg.Docs[j].Line = item.Line
			}
		}
	}
}

func (c *Config) loc(op *OperationConfig) model.Loc {
	return model.Loc{File: c.File, Line: op.Line, What: "page " + op.Page}
}

// Apply completes the operations of pages with the service file's settings
// and places parameters the page left unplaced. c may be nil. given names
// every page docparse was given, read or not, so that an entry for a page
// left out is not reported as naming no page.
func Apply(c *Config, pages []*model.Page, given []string) model.Diagnostics {
	var diags model.Diagnostics
	matched := map[string]bool{}
	for _, name := range given {
		matched[filepath.Base(name)] = false
	}
	for _, pg := range pages {
		for _, op := range pg.Operations {
			var oc *OperationConfig
			if c != nil {
				oc = c.find(filepath.Base(op.Loc.File))
			}
			if oc != nil {
				matched[oc.Page] = true
				c.apply(oc, op, &diags)
			}
			if c != nil {
				c.secure(op, oc != nil && oc.Security != nil)
			}
			finish(op, &diags)
		}
	}
	if c != nil {
		for i := range c.Operations {
			if oc := &c.Operations[i]; !matched[oc.Page] {
				if _, wasGiven := matched[oc.Page]; wasGiven {
					continue // given but left out; the page's own errors say why
				}
				diags.Errorf(c.loc(oc), "no page %q was given to docparse", oc.Page)
			}
		}
	}
	return diags
}

func (c *Config) find(page string) *OperationConfig {
	for i := range c.Operations {
		if c.Operations[i].Page == page {
			return &c.Operations[i]
		}
	}
	return nil
}

func (c *Config) apply(oc *OperationConfig, op *model.Operation, diags *model.Diagnostics) {
	if oc.OperationID != "" {
		op.ID = oc.OperationID
	}
	if oc.Method != "" {
		if op.Method != "" && !strings.EqualFold(op.Method, oc.Method) {
			// A correction the service file makes on purpose, with its
			// reason beside it: said, not warned of.
			diags.Notef(c.loc(oc), "service file sets method %s; the page says %s", oc.Method, op.Method)
		}
		op.Method = strings.ToUpper(oc.Method)
	}
	if oc.Path != "" {
		if op.Path != "" && op.Path != oc.Path {
			diags.Notef(c.loc(oc), "service file sets path %s; the page says %s", oc.Path, op.Path)
		}
		op.Path = oc.Path
	}
	if oc.Security != nil {
		op.Security = append([]string(nil), oc.Security...)
	}
	for k, v := range oc.Extensions {
		if op.Extensions == nil {
			op.Extensions = map[string]any{}
		}
		op.Extensions[k] = v
	}
	for _, name := range sortedKeys(oc.Fixed) {
		fixPathParam(op, name, oc.Fixed[name], c.loc(oc), diags)
	}
}

// secure turns the parameters a declared security scheme carries into that
// security requirement, so callers never pass the key by hand; an
// operation that states none gets the service's. set means the operations
// entry gave the requirement, which then stands as given.
func (c *Config) secure(op *model.Operation, set bool) {
	kept := op.Params[:0]
	for _, p := range op.Params {
		if name := c.schemeCarrying(p); name != "" {
			if !set && !slices.Contains(op.Security, name) {
				op.Security = append(op.Security, name)
			}
			continue
		}
		kept = append(kept, p)
	}
	op.Params = kept
	if !set && len(op.Security) == 0 {
		op.Security = slices.Clone(c.Security)
	}
}

func (c *Config) schemeCarrying(p *model.Param) string {
	for _, name := range sortedKeys(c.SecuritySchemes) {
		if s := c.SecuritySchemes[name]; s.In == p.In && strings.EqualFold(s.Name, p.Name) {
			return name
		}
	}
	return ""
}

// fixPathParam writes a path parameter's only value into the path, so callers
// never pass a constant.
func fixPathParam(op *model.Operation, name, value string, at model.Loc, diags *model.Diagnostics) {
	placeholder := "{" + name + "}"
	if !strings.Contains(op.Path, placeholder) {
		diags.Errorf(at, "fixed value for %q, but the path %q has no %s", name, op.Path, placeholder)
		return
	}
	op.Path = strings.ReplaceAll(op.Path, placeholder, url.PathEscape(value))
	kept := op.Params[:0]
	for _, p := range op.Params {
		if p.Name == name && (p.In == model.InPath || p.In == model.InBody) {
			continue
		}
		kept = append(kept, p)
	}
	op.Params = kept
}

// finish checks the operation is complete and places unplaced parameters:
// named in the path → path; otherwise query for GET, DELETE and HEAD, and a
// request body member for the other methods.
func finish(op *model.Operation, diags *model.Diagnostics) {
	if op.Method == "" || op.Path == "" {
		return // the emitter reports it; parameters cannot be placed without a path
	}
	splitRepeatedPlaceholders(op, diags)
	inPath := map[string]bool{}
	for _, name := range model.PathParams(op.Path) {
		inPath[name] = true
	}
	documented := map[string]bool{}
	kept := op.Params[:0]
	for _, p := range op.Params {
		if p.In == model.InBody {
			switch {
			case inPath[p.Name]:
				p.In, p.Required = model.InPath, true
			case op.Method == "GET" || op.Method == "DELETE" || op.Method == "HEAD":
				p.In = model.InQuery
			default:
				addBodyMember(op, p, diags)
				continue
			}
		}
		if p.In == model.InPath {
			documented[p.Name] = true // one the path lacks is the emitter's to report
		}
		kept = append(kept, p)
	}
	op.Params = kept
	pairLoneMismatch(op, inPath, documented, diags)
	for _, name := range sortedKeys(inPath) {
		if documented[name] {
			continue
		}
		diags.Warnf(op.Loc, "path %q has {%s} but the page documents no such parameter; added as a required string", op.Path, name)
		op.Params = append(op.Params, &model.Param{Loc: op.Loc, Name: name, In: model.InPath, Required: true, Schema: &model.Schema{Loc: op.Loc, Type: model.TypeString}})
	}
}

// splitRepeatedPlaceholders renames the second and later {x} of a path that
// names x twice (Nova's /{project_id}/os-quota-sets/{project_id}) to {x_2},
// ...: a client could not fill the two apart. Each copy is documented as
// the page documents x.
func splitRepeatedPlaceholders(op *model.Operation, diags *model.Diagnostics) {
	count := map[string]int{}
	var b strings.Builder
	rest := op.Path
	for {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}')
		if open < 0 || end < 0 {
			break
		}
		name := rest[open+1 : open+end]
		count[name]++
		b.WriteString(rest[:open])
		if n := count[name]; n > 1 {
			renamed := fmt.Sprintf("%s_%d", name, n)
			b.WriteString("{" + renamed + "}")
			diags.Warnf(op.Loc, "the path names {%s} %d times; the %s one is {%s}, documented as {%s}", name, n, ordinal(n), renamed, name)
			copyPathParam(op, name, renamed)
		} else {
			b.WriteString(rest[open : open+end+1])
		}
		rest = rest[open+end+1:]
	}
	b.WriteString(rest)
	op.Path = b.String()
}

// copyPathParam documents placeholder to as the page documents from.
func copyPathParam(op *model.Operation, from, to string) {
	for _, p := range op.Params {
		if p.Name == from && (p.In == model.InPath || p.In == model.InBody) {
			copied := *p
			copied.Name, copied.In, copied.Required = to, model.InPath, true
			op.Params = append(op.Params, &copied)
			return
		}
	}
}

func ordinal(n int) string {
	if n < 10 {
		return [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}[n]
	}
	return fmt.Sprintf("number %d", n)
}

// pairLoneMismatch renames a documented path parameter the path does not
// name to the path's one undocumented placeholder, when each is the only
// one of its kind: the page renamed one of them (VPC's
// port_mirror_filter_rule_id for {traffic_mirror_filter_rule_id}).
func pairLoneMismatch(op *model.Operation, inPath, documented map[string]bool, diags *model.Diagnostics) {
	var undocumented []string
	for name := range inPath {
		if !documented[name] {
			undocumented = append(undocumented, name)
		}
	}
	var stray []*model.Param
	for _, p := range op.Params {
		if p.In == model.InPath && !inPath[p.Name] {
			stray = append(stray, p)
		}
	}
	if len(undocumented) != 1 || len(stray) != 1 {
		return
	}
	diags.Warnf(stray[0].Loc, "path parameter %q is not in the path %s, whose {%s} no row documents; read as that parameter", stray[0].Name, op.Path, undocumented[0])
	delete(documented, stray[0].Name)
	stray[0].Name = undocumented[0]
	documented[undocumented[0]] = true
}

// addBodyMember makes an unplaced parameter a member of the request body,
// which must be an object to take one.
func addBodyMember(op *model.Operation, p *model.Param, diags *model.Diagnostics) {
	if op.RequestBody == nil {
		op.RequestBody = &model.Body{Loc: p.Loc, MediaType: "application/json"}
	}
	if op.RequestBody.Schema == nil {
		op.RequestBody.Schema = &model.Schema{Loc: p.Loc, Type: model.TypeObject}
	}
	s := op.RequestBody.Schema
	if s.Type != model.TypeObject {
		diags.Errorf(p.Loc, "argument %q belongs in the request body of %s %s, but the body is not an object (type %q); dropped", p.Name, op.Method, op.Path, s.Type)
		return
	}
	s.Properties = append(s.Properties, &model.Property{Loc: p.Loc, Name: p.Name, Required: p.Required, Description: p.Description, Schema: p.Schema})
	op.RequestBody.Required = op.RequestBody.Required || p.Required
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FixConstants writes into the path every path parameter whose only
// allowed value the page states (定值为resource_instances: one enum value,
// read by the constraints stage), as a service file's fixed entry would:
// callers never pass a constant.
func FixConstants(pages []*model.Page, diags *model.Diagnostics) {
	for _, pg := range pages {
		for _, op := range pg.Operations {
			for _, p := range slices.Clone(op.Params) {
				if p.In != model.InPath || p.Schema == nil || len(p.Schema.Enum) != 1 || p.Schema.Enum[0] == "" {
					continue
				}
				value := p.Schema.Enum[0]
				diags.Notef(p.Loc, "path parameter %q can only be %q; written into the path", p.Name, value)
				fixPathParam(op, p.Name, value, p.Loc, diags)
			}
			op.Params = slices.DeleteFunc(op.Params, func(p *model.Param) bool {
				if !versionInPath(op.Path, p) {
					return false
				}
				// A note: the reader has warned that the row is no placeholder.
				diags.Notef(p.Loc, "%q is no placeholder of the path %s, and its one value %q is already the path's segment; left out", p.Name, op.Path, p.Schema.Enum[0])
				return true
			})
		}
	}
}

// versionInPath reports a query parameter naming the API version whose one
// allowed value the path already spells: RDS's URI table lists "versionId
// … 取值：v1" beside PATH：/rds/v1/{project_id}/instances, and sending it
// again as ?versionId=v1 is nothing the API asks for.
func versionInPath(path string, p *model.Param) bool {
	if p.In != model.InQuery || p.Schema == nil || len(p.Schema.Enum) != 1 || !strings.Contains(strings.ToLower(p.Name), "version") {
		return false
	}
	return slices.Contains(strings.Split(path, "/"), p.Schema.Enum[0])
}
