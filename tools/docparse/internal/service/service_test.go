package service

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	if got := cfg.Excluded("dir/variant.md"); !strings.Contains(got, "a variant") {
		t.Errorf("Excluded = %q", got)
	}
	if got := cfg.Excluded("main.md"); got != "" {
		t.Errorf("Excluded(main.md) = %q", got)
	}
	var none *Config
	if !none.Selects("/x") || none.Excluded("x.md") != "" {
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
