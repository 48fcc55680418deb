package huawei

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func readSeed(t *testing.T, name string) (*model.Operation, model.Diagnostics) {
	t.Helper()
	data, err := os.ReadFile("../../../../testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var pg *model.Page
	var diags model.Diagnostics
	switch {
	case DetectAPIReference(data):
		pg, diags = ReadAPIReference(name, data)
	case DetectSDKReference(data):
		pg, diags = ReadSDKReference(name, data)
	default:
		t.Fatalf("%s: not a Huawei page", name)
	}
	if len(pg.Operations) != 1 {
		t.Fatalf("%d operations", len(pg.Operations))
	}
	return pg.Operations[0], diags
}

// walk follows dotted property names through objects and array items.
func walk(t *testing.T, s *model.Schema, path string) *model.Schema {
	t.Helper()
	for _, name := range strings.Split(path, ".") {
		for s != nil && s.Type == model.TypeArray {
			s = s.Items
		}
		p := s.Property(name)
		if p == nil {
			t.Fatalf("no property %q on the way to %q", name, path)
		}
		s = p.Schema
	}
	return s
}

func TestCSMSSeed(t *testing.T) {
	op, diags := readSeed(t, "001_83a3706802655526.txt")
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	if op.Method != "POST" || op.Path != "/{version_id}/{project_id}/csms/{resource_instances}/action" || op.IDHint != "ListResourceInstances" {
		t.Errorf("got %s %s hint %q", op.Method, op.Path, op.IDHint)
	}
	if len(op.Security) != 0 {
		t.Errorf("security %v: the reader names no scheme; the service file's schemes take the header", op.Security)
	}
	var params []string
	for _, p := range op.Params {
		params = append(params, p.In+":"+p.Name)
	}
	if diff := cmp.Diff([]string{"path:resource_instances", "path:project_id", "path:version_id", "header:X-Auth-Token"}, params); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	tags := walk(t, op.RequestBody.Schema, "tags")
	if tags.Type != model.TypeArray || tags.Items.Name != "Tag" || walk(t, tags, "values").Items.Type != model.TypeString {
		t.Errorf("tags: %+v", tags)
	}
	var statuses []string
	for _, r := range op.Responses {
		statuses = append(statuses, r.Status)
		if r.Status != "200" && walk(t, r.Body.Schema, "error").Name != "ErrorDetail" {
			t.Errorf("%s: error is not an ErrorDetail", r.Status)
		}
	}
	if diff := cmp.Diff([]string{"200", "400", "401", "403", "404", "500", "502", "504"}, statuses); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	ok := op.Responses[0]
	if s := walk(t, ok.Body.Schema, "resources.resource_detail.create_time"); s.Type != model.TypeInteger || s.Format != "int64" {
		t.Errorf("Long must be int64, got %+v", s)
	}
	if s := walk(t, ok.Body.Schema, "total_count"); s.Format != "int64" {
		t.Errorf("Integer must be int64 (the page's word is a Java type; values are not bound by it), got %+v", s)
	}
	if loc := walk(t, ok.Body.Schema, "resources.tags").Items.Loc; loc.Table != "表 9 TagItem" {
		t.Errorf("response TagItem resolved to %q, want the response table", loc.Table)
	}
}

func TestIAMSeed(t *testing.T) {
	op, _ := readSeed(t, "003_35a63400baf27e53.txt")
	if op.Method != "POST" || op.Path != "/v3/auth/tokens" || op.RequestBody.MediaType != "application/json" {
		t.Errorf("got %s %s %s", op.Method, op.Path, op.RequestBody.MediaType)
	}
	name := walk(t, op.RequestBody.Schema, "auth.identity.password.user.domain.name")
	if name.Type != model.TypeString {
		t.Errorf("dotted captions not followed: %+v", name)
	}
	if p := walk(t, op.RequestBody.Schema, "auth.identity.password.user").Property("password"); p == nil || !p.Required {
		t.Error("password must be a required member")
	}
	if got := len(op.RequestBody.Examples); got != 2 {
		t.Errorf("%d request examples, want 2", got)
	}
	created := op.Responses[0]
	if created.Status != "201" || len(created.Headers) != 1 || created.Headers[0].Name != "X-Subject-Token" {
		t.Fatalf("first response %s headers %v", created.Status, created.Headers)
	}
	if created.Headers[0].Schema.Example != "MIIatAYJKoZIhvcNAQcCoIIapTCCGqECAQExDTALB..." {
		t.Errorf("header example %v", created.Headers[0].Schema.Example)
	}
	if s := walk(t, created.Body.Schema, "token.catalog.endpoints.region_id"); s.Type != model.TypeString {
		t.Errorf("catalog endpoints: %+v", s)
	}
	if len(created.Body.Examples) != 2 {
		t.Errorf("%d response examples, want 2", len(created.Body.Examples))
	}
	if len(op.Responses) != 7 {
		t.Errorf("%d responses, want the 7 of the 返回值 table", len(op.Responses))
	}
}

func TestModelArtsSeed(t *testing.T) {
	op, diags := readSeed(t, "000_c4a9fc00bbd1a588.txt")
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	if op.Method != "" || op.Path != "" || op.IDHint != "GetInstanceToken" {
		t.Errorf("got %q %q hint %q", op.Method, op.Path, op.IDHint)
	}
	var names []string
	for _, p := range op.Params {
		names = append(names, p.Name)
		if p.In != model.InBody || !p.Required {
			t.Errorf("%s: in %q required %v; must wait unplaced for the service file", p.Name, p.In, p.Required)
		}
	}
	if diff := cmp.Diff([]string{"project_id", "instance_id"}, names); diff != "" {
		t.Errorf("arguments (-want +got):\n%s", diff)
	}
	if len(op.Responses) != 2 || op.Responses[0].Status != "200" || op.Responses[1].Status != "default" {
		t.Fatalf("responses %+v", op.Responses)
	}
	if walk(t, op.Responses[1].Body.Schema, "error_code").Type != model.TypeString {
		t.Error("failure body lost error_code")
	}
}
