package constraints

import (
	"os"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/huawei"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func readCorpusPage(t *testing.T, path string) *model.Page {
	t.Helper()
	data, err := os.ReadFile("../../../../testdata/corpus/huaweicloudDocs/" + path)
	if err != nil {
		t.Fatal(err)
	}
	pg, diags := huawei.ReadAPIReference(path, data)
	if diags.HasErrors() || pg == nil || len(pg.Operations) != 1 {
		t.Fatalf("%s: reading failed: %v", path, diags)
	}
	return pg
}

// TestApplyRealPage runs the stage over a real page (创建密钥, KMS) and
// checks what it put on the request body's fields, sentences and all.
func TestApplyRealPage(t *testing.T) {
	pg := readCorpusPage(t, "dew/API参考/创建密钥.md")
	var diags model.Diagnostics
	Apply([]*model.Page{pg}, &diags)
	body := pg.Operations[0].RequestBody.Schema

	alias := body.Property("key_alias").Schema
	if alias.MinLength != 1 || alias.MaxLength != 255 {
		t.Errorf("key_alias lengths %d..%d, want 1..255", alias.MinLength, alias.MaxLength)
	}
	spec := body.Property("key_spec").Schema
	if len(spec.Enum) < 2 || spec.Enum[0] != "AES_256" {
		t.Errorf("key_spec enum %q, want the values the page lists from AES_256", spec.Enum)
	}
	if spec.Default != "AES_256" {
		t.Errorf("key_spec default %v, want AES_256", spec.Default)
	}
	origin := body.Property("origin").Schema
	if strings.Join(origin.Enum, "|") != "kms|external" || origin.Default != "kms" {
		t.Errorf("origin enum %q default %v, want kms|external, kms", origin.Enum, origin.Default)
	}
	for _, name := range []string{"key_alias", "key_spec", "origin"} {
		p := body.Property(name)
		if len(p.Schema.Constraints) == 0 {
			t.Errorf("%s: no constraint quoted", name)
		}
		for _, c := range p.Schema.Constraints {
			if !quotes(p.Description, c.Sentence) || c.Loc.File == "" || c.Loc.Row == 0 {
				t.Errorf("%s %s: sentence %q (at %s) is not the row's", name, c.Keyword, c.Sentence, c.Loc)
			}
		}
	}
	if diags.HasErrors() {
		t.Errorf("diagnostics: %v", diags)
	}
}

// TestApplyExampleContradicts checks that a stated enum and length that the
// page's own example breaks are taken back with a note, while the others stay.
func TestApplyExampleContradicts(t *testing.T) {
	state := &model.Schema{Type: model.TypeString}
	name := &model.Schema{Type: model.TypeString}
	body := &model.Body{Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "state", Description: "状态，取值如下：\nENABLED：表示启用状态\nDISABLED：表示禁用状态", Schema: state},
		{Name: "name", Description: "名称，最大长度4个字符。", Schema: name},
	}}, Examples: []*model.Example{{Loc: model.Loc{File: "p.md", Line: 9}, Value: map[string]any{"state": "FROZEN", "name": "abc"}}}}
	pg := &model.Page{Operations: []*model.Operation{{Responses: []*model.Response{{Status: "200", Body: body}}}}}
	var diags model.Diagnostics
	Apply([]*model.Page{pg}, &diags)
	if state.Enum != nil || len(state.Constraints) != 0 {
		t.Errorf("state enum %q kept though the example has FROZEN", state.Enum)
	}
	if name.MaxLength != 4 || len(name.Constraints) != 1 {
		t.Errorf("name maxLength %d (%d constraints), want 4 kept", name.MaxLength, len(name.Constraints))
	}
	if diags.Count(model.Note) != 1 || !strings.Contains(diags[0].Msg, "FROZEN") {
		t.Errorf("diagnostics %v, want one note naming FROZEN", diags)
	}
}

// TestApplyExampleWithSpaces: an example value with a space around it
// ("failed ", vpcep 接受或拒绝终端节点的连接) is still one of the values.
func TestApplyExampleWithSpaces(t *testing.T) {
	status := &model.Schema{Type: model.TypeString}
	body := &model.Body{Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "status", Description: "终端节点的连接状态。\n- creating：创建中\n- accepted：已接受\n- rejected：已拒绝\n- failed：失败", Schema: status},
	}}, Examples: []*model.Example{{Loc: model.Loc{File: "p.md", Line: 9}, Value: map[string]any{"status": "failed "}}}}
	pg := &model.Page{Operations: []*model.Operation{{Responses: []*model.Response{{Status: "200", Body: body}}}}}
	var diags model.Diagnostics
	Apply([]*model.Page{pg}, &diags)
	if strings.Join(status.Enum, "|") != "creating|accepted|rejected|failed" || len(diags) != 0 {
		t.Errorf("status enum %q, diagnostics %v: want the four values and no note", status.Enum, diags)
	}
}

// TestApplyKeepsWhatTheSchemaHas: a length from the type column wins over
// the prose, which is noted when it disagrees.
func TestApplyKeepsWhatTheSchemaHas(t *testing.T) {
	s := &model.Schema{Type: model.TypeString, MaxLength: 255}
	pg := &model.Page{Operations: []*model.Operation{{Params: []*model.Param{
		{Name: "q", In: model.InQuery, Description: "查询条件，最大长度64个字符。", Schema: s},
		nil,
	}}, nil}}
	var diags model.Diagnostics
	Apply([]*model.Page{pg, nil}, &diags)
	if s.MaxLength != 255 || len(s.Constraints) != 0 {
		t.Errorf("maxLength %d, want the type column's 255", s.MaxLength)
	}
	if diags.Count(model.Note) != 1 {
		t.Errorf("diagnostics %v, want one note", diags)
	}
}

// TestApplyRowExampleContradicts: the row's own example counts as the
// page's word too.
func TestApplyRowExampleContradicts(t *testing.T) {
	s := &model.Schema{Type: model.TypeInteger, Example: 5000}
	pg := &model.Page{Operations: []*model.Operation{{Params: []*model.Param{
		{Name: "limit", In: model.InQuery, Description: "每页条数，取值范围：1~1000。", Schema: s},
	}}}}
	var diags model.Diagnostics
	Apply([]*model.Page{pg}, &diags)
	if s.Maximum != nil || s.Minimum == nil || *s.Minimum != 1 {
		t.Errorf("minimum %v maximum %v, want 1 and none (the example is 5000)", s.Minimum, s.Maximum)
	}
	if diags.Count(model.Note) != 1 {
		t.Errorf("diagnostics %v, want one note", diags)
	}
}

// TestApplyArrayItems: an array of strings gets its allowed values on the
// items, and its count limits are no character lengths.
func TestApplyArrayItems(t *testing.T) {
	items := &model.Schema{Type: model.TypeString}
	s := &model.Schema{Type: model.TypeArray, Items: items}
	pg := &model.Page{Operations: []*model.Operation{{Params: []*model.Param{
		{Name: "methods", In: model.InQuery, Description: "认证方法，数组长度不超过2。\n取值范围：\n- password\n- totp", Schema: s},
	}}}}
	var diags model.Diagnostics
	Apply([]*model.Page{pg}, &diags)
	if strings.Join(items.Enum, "|") != "password|totp" || len(items.Constraints) != 1 {
		t.Errorf("items enum %q (%d constraints), want password|totp", items.Enum, len(items.Constraints))
	}
	if s.MaxLength != 0 || items.MaxLength != 0 || s.Enum != nil {
		t.Errorf("array maxLength %d, items maxLength %d, array enum %q: want none", s.MaxLength, items.MaxLength, s.Enum)
	}
}
