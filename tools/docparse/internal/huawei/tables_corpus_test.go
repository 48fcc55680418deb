package huawei

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// describe renders what a reader made of an operation's parameters and
// bodies, one line a value: place, name, "*" when required, and type;
// nested objects indented under their member. The tests below compare it
// with what each page says, read by hand.
func describe(op *model.Operation) string {
	var b strings.Builder
	for _, p := range op.Params {
		req := ""
		if p.Required {
			req = "*"
		}
		fmt.Fprintf(&b, "%s %s%s: %s\n", p.In, p.Name, req, typeOf(p.Schema))
		writeMembers(&b, p.Schema, "  ")
	}
	if rb := op.RequestBody; rb != nil && rb.Schema != nil {
		req := ""
		if rb.Required {
			req = "*"
		}
		fmt.Fprintf(&b, "request body%s: %s\n", req, typeOf(rb.Schema))
		writeMembers(&b, rb.Schema, "  ")
	}
	for _, r := range op.Responses {
		if r.Body == nil || r.Body.Schema == nil {
			continue
		}
		fmt.Fprintf(&b, "%s body: %s\n", r.Status, typeOf(r.Body.Schema))
		writeMembers(&b, r.Body.Schema, "  ")
	}
	return b.String()
}

// typeOf is one schema's type in words; objects list their members below.
func typeOf(s *model.Schema) string {
	if s == nil {
		return "nil"
	}
	switch {
	case s.Type == model.TypeArray:
		return "array of " + typeOf(s.Items)
	case s.Type == model.TypeObject && s.AdditionalProperties != nil:
		return "map of " + typeOf(s.AdditionalProperties)
	case s.Type == model.TypeObject && s.FreeForm:
		return "free-form object"
	case s.Type == model.TypeAny && s.Nullable:
		return "any or null"
	case s.Type == model.TypeAny:
		return "any"
	}
	t := s.Type
	if s.Format != "" {
		t += "/" + s.Format
	}
	if s.MaxLength > 0 {
		t += fmt.Sprintf("(max %d)", s.MaxLength)
	}
	if s.Name != "" {
		t += " " + s.Name
	}
	return t
}

func writeMembers(b *strings.Builder, s *model.Schema, indent string) {
	for s != nil && (s.Type == model.TypeArray || s.AdditionalProperties != nil) {
		if s.Type == model.TypeArray {
			s = s.Items
		} else {
			s = s.AdditionalProperties
		}
	}
	if s == nil {
		return
	}
	for _, p := range s.Properties {
		req := ""
		if p.Required {
			req = "*"
		}
		fmt.Fprintf(b, "%s%s%s: %s\n", indent, p.Name, req, typeOf(p.Schema))
		writeMembers(b, p.Schema, indent+"  ")
	}
}

func readCorpusPage(t *testing.T, path string) (*model.Operation, model.Diagnostics) {
	t.Helper()
	data, err := os.ReadFile(corpus + path)
	if err != nil {
		t.Fatal(err)
	}
	pg, diags := ReadAPIReference(path, data)
	return pg.Operations[0], diags
}

// diagLines renders diagnostics as "line severity: message" for the
// severities asked for.
func diagLines(diags model.Diagnostics, sev ...model.Severity) []string {
	var out []string
	for _, d := range diags {
		for _, s := range sev {
			if d.Severity == s {
				out = append(out, fmt.Sprintf("%d %s: %s", d.Loc.Line, d.Severity, d.Msg))
			}
		}
	}
	sort.Strings(out)
	return out
}

// VPC's older template: the URI table has no type column (名称|是否必选|说明),
// so project_id is a string, with a note; the body tables name their
// objects by caption ("vpc对象", "route对象").
func TestCorpusVPCCreateUntypedURITable(t *testing.T) {
	op, diags := readCorpusPage(t, "vpc/API参考/vpc-创建VPC.md")
	want := `path project_id*: string
request body*: object
  vpc*: object vpc
    name: string
    description: string
    cidr: string
    enterprise_project_id: string
200 body: object
  vpc: object vpc
    id: string
    name: string
    description: string
    cidr: string
    status: string
    routes: array of object route
      destination: string
      nexthop: string
    enterprise_project_id: string
`
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	wantDiags := []string{"20 note: table has no type column; its parameters are read as strings"}
	if diff := cmp.Diff(wantDiags, diagLines(diags, model.Note, model.Warning, model.Error)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// ECS: a typeless URI table (参数|是否必选|描述) and a Map<String,String>
// response member. The page's table calls the path's {flavor_id}
// "flavors_id", the page's own slip: the one id row that names no
// placeholder documents the one placeholder no row does, with a warning.
func TestCorpusECSMapStringString(t *testing.T) {
	op, diags := readCorpusPage(t, "ecs/API参考/查询云服务器规格extra_specs的详情.md")
	want := `path project_id*: string
path flavor_id*: string
200 body: object
  extra_specs: map of string
`
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	wantDiags := []string{`36 warning: row "flavors_id" names no placeholder of the path /v2.1/{project_id}/flavors/{flavor_id}/os-extra_specs, whose {flavor_id} no row documents; read as {flavor_id}`}
	if diff := cmp.Diff(wantDiags, diagLines(diags, model.Warning, model.Error)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// DEW: every error status has a body whose "error" row is typed just
// "Object" with no link; the ErrorDetail table under it in the same status
// section describes it (the table that follows).
func TestCorpusDEWErrorDetailFollows(t *testing.T) {
	op, diags := readCorpusPage(t, "dew/API参考/创建不含明文数据密钥.md")
	got := describe(op)
	want := `path project_id*: string
header X-Auth-Token*: string
request body*: object
  key_id*: string
  key_spec: string
  datakey_length: string
  sequence: string
200 body: object
  key_id: string
  cipher_text: string
`
	for _, status := range []string{"400", "401", "403", "404", "500", "502", "504"} {
		want += status + " body: object\n  error: object ErrorDetail\n    error_code: string\n    error_msg: string\n"
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	for _, r := range op.Responses {
		if r.Status == "200" {
			continue
		}
		// Each status's own copy, not the first one's.
		if at := r.Body.Schema.Property("error").Schema.Loc; !strings.HasSuffix(at.Table, "ErrorDetail") || at.Line <= r.Body.Loc.Line {
			t.Errorf("%s: error read from %v, not the table after the body at line %d", r.Status, at, r.Body.Loc.Line)
		}
	}
	if w := diagLines(diags, model.Warning, model.Error); len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
	if n := len(diagLines(diags, model.Note)); n != 7 {
		t.Errorf("%d notes, want one a pairing (7)", n)
	}
}

// DEW again: here every status's "error" row links to the first status's
// ErrorDetail table; each reads its own section's copy, so none of the
// copies is left unreferenced.
func TestCorpusDEWLinkIntoAnotherStatus(t *testing.T) {
	op, diags := readCorpusPage(t, "dew/API参考/删除凭据标签.md")
	var tables []string
	for _, r := range op.Responses {
		if r.Body != nil {
			tables = append(tables, r.Status+" "+r.Body.Schema.Property("error").Schema.Loc.Table)
		}
	}
	want := []string{"400 表 4 ErrorDetail", "401 表 6 ErrorDetail", "403 表 8 ErrorDetail", "404 表 10 ErrorDetail", "500 表 12 ErrorDetail", "502 表 14 ErrorDetail", "504 表 16 ErrorDetail"}
	if diff := cmp.Diff(want, tables); diff != "" {
		t.Errorf("error tables (-want +got):\n%s", diff)
	}
	if w := diagLines(diags, model.Warning, model.Error); len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
}

// IAM: "local" is typed Array<Map<String,Object>> and links to the table
// that lists the map's keys; that table's object is the item, so no table
// of the page is left unreferenced (before: an unknown type and four
// ignored tables).
func TestCorpusIAMArrayOfMapWithTable(t *testing.T) {
	op, diags := readCorpusPage(t, "iam/API参考/注册映射.md")
	want := `path id*: string
header X-Auth-Token*: string
request body*: object
  mapping*: object mapping
    rules*: array of object mapping.rules
      local*: array of object mappings.rules.local
        user: object mappings.rules.local.user
          name*: string
        group: object mappings.rules.local.group
          name*: string
        groups: object mappings.rules.local.groups
          name*: string
      remote*: array of object mapping.rules.remote
        type*: string
        any_one_of: array of string
        not_any_of: array of string
201 body: object
  mapping: object mapping
    id: string
    links: object mapping.links
      self: string
    rules: array of object mappings.rules
      local: array of object mappings.rules.local
        user: object mappings.rules.local.user
          name: string
        group: object mappings.rules.local.group
          name: string
        groups: object mappings.rules.local.groups
          name: string
      remote: array of object mapping.rules.remote
        type: string
        any_one_of: array of string
        not_any_of: array of string
`
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	if got := diagLines(diags, model.Note, model.Warning, model.Error); len(got) != 0 {
		t.Errorf("diagnostics: %q", got)
	}
}

// ECS: a value table ("glance中的镜像状态|nova显示的镜像状态") among the
// response tables is not a parameter table: a warning, not a refused page.
// The path table has no type column; the query table has one.
func TestCorpusECSValueTableIgnored(t *testing.T) {
	op, diags := readCorpusPage(t, "ecs/API参考/查询镜像列表（废弃）.md")
	want := `path project_id*: string
query name: string
query status: string
query changes-since: string
query minRam: integer/int64
query minDisk: integer/int64
200 body: object
  images*: array of object images
    id*: string
    links*: array of object links
      href*: string
      rel*: string
      type: string
    name*: string
  images_links: array of object images_links
    href*: string
    rel*: string
`
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	wantDiags := []string{
		"109 warning: table has neither a 参数 (name) nor a 参数类型 (type) column: not a parameter table; ignored",
		"18 note: table has no type column; its parameters are read as strings",
	}
	if diff := cmp.Diff(wantDiags, diagLines(diags, model.Note, model.Warning, model.Error)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// ModelArts SDK: the success table has a type column and no name column,
// one row "List ... 请参见表3": the response is that list, of 表3's object.
func TestCorpusSDKValueTable(t *testing.T) {
	data, err := os.ReadFile(corpus + "modelarts/SDK参考/查询引擎规格列表.md")
	if err != nil {
		t.Fatal(err)
	}
	pg, diags := ReadSDKReference("p.md", data)
	want := `200 body: array of object framework_list
  framework_type: string
  framework_version: string
default body: object
  error_code: string
  error_msg: string
`
	if diff := cmp.Diff(want, describe(pg.Operations[0])); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	if got := diagLines(diags, model.Error); len(got) != 0 {
		t.Errorf("errors: %q", got)
	}
}

// ECS: the action body's one member is typed "null" ("数据结构为空"); the
// cell gives no type, so the example's {} says it: an object, with a note.
func TestCorpusECSNullTypeTakesExample(t *testing.T) {
	op, diags := readCorpusPage(t, "ecs/API参考/启动云服务器.md")
	want := `path project_id*: string
path server_id*: string
request body*: object
  os-start*: object
`
	if diff := cmp.Diff(want, describe(op)); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	wantDiags := []string{
		"20 note: table has no type column; its parameters are read as strings",
		`63 note: type cell "null" gives no type; the value is read as a row without one`,
	}
	if diff := cmp.Diff(wantDiags, diagLines(diags, model.Note, model.Warning, model.Error)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
