package service

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func str() *model.Schema { return &model.Schema{Type: model.TypeString} }

func TestApplyFixedAndPlacement(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
title: T
operations:
  - page: a.md
    operationId: ShowThing
    method: GET
    path: /{version_id}/{project_id}/things/{thing_id}
    fixed: {version_id: v1}
    security: [XAuthToken]
  - page: b.md
    operationId: CreateThing
    method: post
    path: /things
`))
	if err != nil {
		t.Fatal(err)
	}
	get := &model.Operation{Loc: model.Loc{File: "pages/a.md"}, IDHint: "GetThing", Params: []*model.Param{
		{Name: "project_id", In: model.InBody, Required: true, Schema: str()},
		{Name: "thing_id", In: model.InBody, Required: true, Schema: str()},
		{Name: "verbose", In: model.InBody, Schema: str()},
	}}
	post := &model.Operation{Loc: model.Loc{File: "b.md"}, Params: []*model.Param{{Name: "name", In: model.InBody, Required: true, Schema: str()}}}
	diags := Apply(cfg, []*model.Page{{Operations: []*model.Operation{get, post}}}, nil)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if get.ID != "ShowThing" || get.Path != "/v1/{project_id}/things/{thing_id}" || get.Method != "GET" {
		t.Errorf("get: %s %s %s", get.ID, get.Method, get.Path)
	}
	var placed []string
	for _, p := range get.Params {
		placed = append(placed, p.In+":"+p.Name)
	}
	if diff := cmp.Diff([]string{"path:project_id", "path:thing_id", "query:verbose"}, placed); diff != "" {
		t.Errorf("placement (-want +got):\n%s", diff)
	}
	if post.Method != "POST" || len(post.Params) != 0 || post.RequestBody.Schema.Property("name") == nil || !post.RequestBody.Required {
		t.Errorf("post body not built from unplaced params: %+v", post.RequestBody)
	}
}

func TestApplyReportsMistakes(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
operations:
  - page: a.md
    fixed: {nope: v1}
  - page: missing.md
    operationId: X
`))
	if err != nil {
		t.Fatal(err)
	}
	op := &model.Operation{Loc: model.Loc{File: "a.md", Line: 1}, Method: "GET", Path: "/things/{id}"}
	var got []string
	for _, d := range Apply(cfg, []*model.Page{{Operations: []*model.Operation{op}}}, nil) {
		got = append(got, d.String())
	}
	want := []string{
		`svc.yaml:3 (page a.md): error: fixed value for "nope", but the path "/things/{id}" has no {nope}`,
		`a.md:1: warning: path "/things/{id}" has {id} but the page documents no such parameter; added as a required string`,
		`svc.yaml:5 (page missing.md): error: no page "missing.md" was given to docparse`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestParseRejectsUnknownKeys(t *testing.T) {
	_, err := Parse("svc.yaml", []byte("operations:\n  - page: a.md\n    operationID: Typo\n"))
	if err == nil || !strings.Contains(err.Error(), "operationID") {
		t.Errorf("want an error naming the unknown key, got %v", err)
	}
}

func TestSelectsPathPrefixes(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
paths: ["/v1/{project_id}/secrets", "/v3/{project_id}/*tasks"]
operations:
  - page: variant.md
    exclude: a variant of POST /v3/auth/tokens documented by main.md
`))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/v1/{project_id}/secrets":           true,
		"/v1/{pid}/secrets/{name}/versions":  true,
		"/v1/{project_id}/secrets-other":     false,
		"/v1.0/{project_id}/kms/create-key":  false,
		"/v3/{project_id}/failed-tasks/{id}": true,
		"/v3/{project_id}/keypairs":          false,
		"/v1/{project_id}/secrets?limit=10":  true,
		"/v1":                                false,
	} {
		if got := cfg.Selects(path); got != want {
			t.Errorf("Selects(%q) = %t, want %t", path, got, want)
		}
	}
	if got, at := cfg.Exclusion("dir/variant.md"); !strings.Contains(got, "a variant") || at.File != "svc.yaml" || at.Line == 0 {
		t.Errorf("Exclusion = %q at %v", got, at)
	}
	if got, _ := cfg.Exclusion("main.md"); got != "" {
		t.Errorf("Exclusion(main.md) = %q", got)
	}
	var none *Config
	if !none.Selects("/x") || func() bool { why, _ := none.Exclusion("x.md"); return why != "" }() {
		t.Error("a nil config must select everything and exclude nothing")
	}
}

func TestSecuritySchemeTakesItsHeader(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
securitySchemes:
  XAuthToken: {type: apiKey, in: header, name: X-Auth-Token}
`))
	if err != nil {
		t.Fatal(err)
	}
	op := &model.Operation{Method: "GET", Path: "/x", Params: []*model.Param{
		{Name: "x-auth-token", In: model.InHeader, Required: true, Schema: str()},
		{Name: "X-Language", In: model.InHeader, Schema: str()},
	}}
	if diags := Apply(cfg, []*model.Page{{Operations: []*model.Operation{op}}}, nil); len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(op.Params) != 1 || op.Params[0].Name != "X-Language" || !cmp.Equal(op.Security, []string{"XAuthToken"}) {
		t.Errorf("params %v, security %v", op.Params, op.Security)
	}
	if _, err := Parse("svc.yaml", []byte("securitySchemes: {Basic: {type: http}}\n")); err == nil {
		t.Error("an unsupported scheme type was accepted")
	}
}

func TestFinishRepairsPathDefects(t *testing.T) {
	str := func(name string) *model.Param {
		return &model.Param{Name: name, In: model.InPath, Required: true, Description: "id of " + name, Schema: &model.Schema{Type: model.TypeString}}
	}
	twice := &model.Operation{Method: "GET", Path: "/v2.1/{project_id}/os-quota-sets/{project_id}/defaults", Params: []*model.Param{str("project_id")}}
	renamed := &model.Operation{Method: "DELETE", Path: "/v3/{project_id}/rules/{traffic_rule_id}", Params: []*model.Param{str("project_id"), str("port_rule_id")}}
	ambiguous := &model.Operation{Method: "DELETE", Path: "/v3/{a}/{b}", Params: []*model.Param{str("c"), str("d")}}
	diags := Apply(nil, []*model.Page{{Operations: []*model.Operation{twice, renamed, ambiguous}}}, nil)
	if twice.Path != "/v2.1/{project_id}/os-quota-sets/{project_id_2}/defaults" || len(twice.Params) != 2 ||
		twice.Params[1].Name != "project_id_2" || twice.Params[1].Description != "id of project_id" {
		t.Errorf("repeated placeholder: %s %v", twice.Path, twice.Params)
	}
	if renamed.Params[1].Name != "traffic_rule_id" {
		t.Errorf("lone mismatch not paired: %v", renamed.Params)
	}
	var names []string
	for _, p := range ambiguous.Params {
		names = append(names, p.Name)
	}
	if !cmp.Equal(names, []string{"c", "d", "a", "b"}) {
		t.Errorf("two mismatches were paired by guess: %v", names)
	}
	if n := diags.Count(model.Warning); n != 4 { // one split, one pairing, two undocumented placeholders
		t.Errorf("%d warnings: %v", n, diags)
	}
}

func TestFixConstants(t *testing.T) {
	op := &model.Operation{Method: "POST", Path: "/v1.0/{project_id}/kms/{resource_instances}/action", Params: []*model.Param{
		{Name: "project_id", In: model.InPath, Schema: &model.Schema{Type: model.TypeString}},
		{Name: "resource_instances", In: model.InPath, Schema: &model.Schema{Type: model.TypeString, Enum: []string{"resource_instances"}}},
	}}
	var diags model.Diagnostics
	FixConstants([]*model.Page{{Operations: []*model.Operation{op}}}, &diags)
	if op.Path != "/v1.0/{project_id}/kms/resource_instances/action" || len(op.Params) != 1 || diags.Count(model.Note) != 1 {
		t.Errorf("path %s, params %v, diagnostics %v", op.Path, op.Params, diags)
	}
}

// RDS lists versionId (取值：v1) in the URI table of a path that already
// says /rds/v1/: no query parameter. One whose value the path lacks stays.
func TestVersionTheDocsRepeatIsLeftOut(t *testing.T) {
	version := func(v string) *model.Param {
		return &model.Param{Name: "versionId", In: model.InQuery, Required: true, Schema: &model.Schema{Type: model.TypeString, Enum: []string{v}}}
	}
	op := &model.Operation{Method: "POST", Path: "/rds/v1/{project_id}/instances", Params: []*model.Param{version("v1")}}
	other := &model.Operation{Method: "POST", Path: "/rds/v1/{project_id}/instances", Params: []*model.Param{version("v3")}}
	var diags model.Diagnostics
	FixConstants([]*model.Page{{Operations: []*model.Operation{op, other}}}, &diags)
	if len(op.Params) != 0 || len(other.Params) != 1 || diags.Count(model.Note) != 1 {
		t.Errorf("params %v and %v, diagnostics %v; want only the repeated v1 left out, with a note", op.Params, other.Params, diags)
	}
}

func TestDocsEntriesNeedFolderRepositoryAndCommit(t *testing.T) {
	for _, bad := range []string{
		"docs: [{repository: r, commit: a70e883}]",
		"docs: [{folder: f, commit: a70e883}]",
		"docs: [{folder: f, repository: r, commit: main}]",
		"docs: [{folder: f, repository: r, commit: A70E883}]",
		"docs: [{folder: f, repository: r, commit: a70e88}]",
	} {
		if _, err := Parse("x.service.yaml", []byte("title: t\nversion: \"1\"\n"+bad+"\n")); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	c, err := Parse("specs/x.service.yaml", []byte("title: t\nversion: \"1\"\ndocs: [{folder: ../pages, repository: r, commit: a70e8837886a22a0980e5218310e3207a2df1dec}]\n"))
	if err != nil || len(c.Docs) != 1 || c.DocsFolder(c.Docs[0]) != "pages" {
		t.Fatalf("Parse = %+v, %v", c, err)
	}
}

// A service file's paths are absolute or relative to the file; a relative
// one is resolved against the file's folder, an absolute one kept.
func TestPathsAbsoluteOrRelative(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "docs", "API参考")
	cfg, err := Parse(filepath.Join("specs", "x.service.yaml"), []byte("title: T\npages: ["+abs+", ../pages, \"../glob/*.md\"]\ndocs:\n  - {folder: "+abs+", repository: a/b, commit: abcdef0}\n  - {folder: ../copy, repository: a/b, commit: abcdef0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{abs, "pages", filepath.Join("glob", "*.md")}
	if diff := cmp.Diff(want, cfg.PagePaths()); diff != "" {
		t.Errorf("PagePaths (-want +got):\n%s", diff)
	}
	if got := cfg.DocsFolder(cfg.Docs[0]); got != abs {
		t.Errorf("absolute docs folder = %q, want %q", got, abs)
	}
	if got := cfg.DocsFolder(cfg.Docs[1]); got != "copy" {
		t.Errorf("relative docs folder = %q, want copy", got)
	}
	if at := cfg.KeyLoc("pages").String(); at != filepath.Join("specs", "x.service.yaml")+":2 (pages)" {
		t.Errorf("KeyLoc(pages) = %q", at)
	}
	if at := cfg.DocsLoc(cfg.Docs[1]).String(); at != filepath.Join("specs", "x.service.yaml")+":5 (docs folder ../copy)" {
		t.Errorf("DocsLoc = %q", at)
	}
}

// The service's security is every operation's unless its page's parameters
// or its entry say otherwise; an entry's security: [] needs none, even
// where the page lists the key's header.
func TestServiceSecurityIsTheDefault(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
title: T
securitySchemes:
  XAuthToken: {type: apiKey, in: header, name: X-Auth-Token}
  Other: {type: apiKey, in: query, name: key}
security: [XAuthToken]
operations:
  - page: token.md
    security: []
  - page: other.md
    security: [Other]
`))
	if err != nil {
		t.Fatal(err)
	}
	header := func() *model.Param { return &model.Param{Name: "X-Auth-Token", In: model.InHeader, Schema: str()} }
	plain := &model.Operation{Loc: model.Loc{File: "plain.md"}, Method: "GET", Path: "/a"}
	listed := &model.Operation{Loc: model.Loc{File: "listed.md"}, Method: "GET", Path: "/b", Params: []*model.Param{header()}}
	token := &model.Operation{Loc: model.Loc{File: "token.md"}, Method: "POST", Path: "/c", Params: []*model.Param{header()}}
	other := &model.Operation{Loc: model.Loc{File: "other.md"}, Method: "GET", Path: "/d"}
	if diags := Apply(cfg, []*model.Page{{Operations: []*model.Operation{plain, listed, token, other}}}, nil); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	for _, c := range []struct {
		op   *model.Operation
		want []string
	}{{plain, []string{"XAuthToken"}}, {listed, []string{"XAuthToken"}}, {token, []string{}}, {other, []string{"Other"}}} {
		if diff := cmp.Diff(c.want, c.op.Security, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: security (-want +got):\n%s", c.op.Loc.File, diff)
		}
		if len(c.op.Params) != 0 {
			t.Errorf("%s: the key's header is still a parameter: %v", c.op.Loc.File, c.op.Params)
		}
	}

	_, err = Parse("svc.yaml", []byte("title: T\n\nsecurity: [XAuthToken]\n"))
	if err == nil || !strings.Contains(err.Error(), `svc.yaml:3 (security): "XAuthToken" is not one of the securitySchemes`) {
		t.Errorf("undeclared scheme: %v", err)
	}
}

// A path the service file corrects replaces the page's, with a note (the
// correction is on purpose; its reason is a comment beside it).
func TestApplyCorrectsAMisspeltPath(t *testing.T) {
	cfg, err := Parse("svc.yaml", []byte(`
operations:
  # the page's URI says traffc-…
  - {page: a.md, path: "/v3/{project_id}/traffic-rules"}
`))
	if err != nil {
		t.Fatal(err)
	}
	op := &model.Operation{Loc: model.Loc{File: "a.md", Line: 1}, Method: "GET", Path: "/v3/{project_id}/traffc-rules",
		Params: []*model.Param{{Name: "project_id", In: model.InPath, Required: true, Schema: str()}}}
	var got []string
	for _, d := range Apply(cfg, []*model.Page{{Operations: []*model.Operation{op}}}, nil) {
		got = append(got, d.String())
	}
	want := []string{`svc.yaml:4 (page a.md): note: service file sets path /v3/{project_id}/traffic-rules; the page says /v3/{project_id}/traffc-rules`}
	if diff := cmp.Diff(want, got); diff != "" || op.Path != "/v3/{project_id}/traffic-rules" {
		t.Errorf("path %s; diagnostics (-want +got):\n%s", op.Path, diff)
	}
}
