package top

import (
	"os"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/google/go-cmp/cmp"
)

const seedAPI = "alibaba.security.deepvision.proxy.security.common.token.get"
const seedID = "AlibabaSecurityDeepvisionProxySecurityCommonTokenGet"
const seedKey = "alibaba_security_deepvision_proxy_security_common_token_get_response"

func TestDetect(t *testing.T) {
	pages := syntheticPages(t)
	huawei, err := os.ReadFile("../../../../testdata/pages/001_83a3706802655526.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"seed", readSeed(t), true},
		{"synthetic scalars", pages["scalars.txt"], true},
		{"synthetic empty", pages["empty.txt"], true},
		{"huawei page", huawei, false},
		{"empty", nil, false},
		{"title only", []byte("taobao.item.get (获取商品)\n"), false},
		{"headings without title", []byte("请求参数\n响应参数\n"), false},
	}
	for _, tc := range tests {
		if got := Detect(tc.data); got != tc.want {
			t.Errorf("Detect(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestReadSeedOperation(t *testing.T) {
	op, _ := readOne(t, seedName, readSeed(t))
	type header struct {
		IDHint, Summary, Description, Method, Path string
		Extensions                                 map[string]any
		RequestMedia, RequestName                  string
		RequestRequired                            bool
		Encoding                                   map[string]string
		Statuses, BodySchemas                      []string
	}
	got := header{
		IDHint: op.IDHint, Summary: op.Summary, Description: op.Description,
		Method: op.Method, Path: op.Path, Extensions: op.Extensions,
		RequestMedia: op.RequestBody.MediaType, RequestName: op.RequestBody.Schema.Name,
		RequestRequired: op.RequestBody.Required, Encoding: op.RequestBody.Encoding,
	}
	for _, r := range op.Responses {
		got.Statuses = append(got.Statuses, r.Status)
		got.BodySchemas = append(got.BodySchemas, r.Body.MediaType+" "+r.Body.Schema.Name)
	}
	want := header{
		IDHint:          seedID,
		Summary:         "获取Security Token",
		Description:     "获取Security token",
		Method:          "POST",
		Path:            "/router/rest#" + seedAPI,
		Extensions:      map[string]any{"x-top-method": seedAPI},
		RequestMedia:    "application/x-www-form-urlencoded",
		RequestName:     seedID + "Request",
		RequestRequired: false, // param is 可选
		Encoding:        map[string]string{"param": "application/json"},
		Statuses:        []string{"200", "default"},
		BodySchemas:     []string{"application/json " + seedID + "Envelope", "application/json TopErrorResponse"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}
	checkLocated(t, seedName, op)
}

func TestReadSeedTrees(t *testing.T) {
	op, _ := readOne(t, seedName, readSeed(t))
	wantRequest := `param: object SecurityTokenQueryParam
  product_code*: string
  scene_code*: string
  request_id: string
  usage_scene*: string
  op_poi_id*: string
  op_tenant_code*: string
  token: string
`
	// The scrape shows policy and statement without └ and token right
	// after statement's members; the XML example puts policy in result,
	// statement in policy, and token back in result. Lists are wrapped as
	// TOP's JSON sends them: "statement": {"datas": [...]}.
	wantResponse := seedKey + `*: object ` + seedID + `Result
  result: object SecurityTokenCredential
    access_key_id: string
    access_key_secret: string
    product_code: string
    end_point_public: string
    scene_code: string
    end_point_internal: string
    expiration: string
    tenant_code: string
    field_id: string
    policy: object Policy
      version: string
      statement: object DatasList
        datas*: array of object Datas
          resource: object StringList
            string*: array of string
          effect: string
          action: object StringList
            string*: array of string
    token: string
  resp_code: integer(int64)
  resp_success: boolean
  resp_request_id: string
  message: string
`
	if diff := cmp.Diff(wantRequest, render(op.RequestBody.Schema)); diff != "" {
		t.Errorf("request tree (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantResponse, render(response(t, op, "200").Body.Schema)); diff != "" {
		t.Errorf("response tree (-want +got):\n%s", diff)
	}
	wantError := `error_response*: object TopError
  code: integer(int64)
  msg: string
  sub_code: string
  sub_msg: string
  request_id: string
`
	if diff := cmp.Diff(wantError, render(response(t, op, "default").Body.Schema)); diff != "" {
		t.Errorf("error tree (-want +got):\n%s", diff)
	}
}

func TestReadSeedDiagnostics(t *testing.T) {
	_, diags := readOne(t, seedName, readSeed(t))
	at := func(line int, table string, row int, what string) model.Loc {
		return model.Loc{File: seedName, Line: line, Table: table, Row: row, What: what}
	}
	want := []finding{
		{at(89, "响应参数", 11, ""), model.Warning, "policy: row has no └ marker (nesting lost in the scrape); placed in result (SecurityTokenCredential)"},
		{at(96, "响应参数", 13, ""), model.Warning, "statement: row has no └ marker (nesting lost in the scrape); placed in policy (Policy)"},
		// action is absent from the example and follows effect inside
		// Datas: the text cannot say whether it belongs to Datas, Policy
		// or SecurityTokenCredential.
		{at(106, "响应参数", 16, ""), model.Warning, "action: position ambiguous (nesting lost in the scrape) and absent from the response example; assumed child of statement (Datas [])"},
		{at(109, "响应参数", 17, ""), model.Warning, "token: nesting lost in the scrape: the text puts it in statement (Datas []), the nearest preceding object, but the response example has it in result (SecurityTokenCredential); followed the example"},
		{at(114, "响应参数", 19, "示例值"), model.Warning, `resp_success: example "token" is not a Boolean`},
		{at(167, "响应示例", 0, "resp_success"), model.Warning, `example value "token" is not a Boolean`},
	}
	if diff := cmp.Diff(want, findings(diags, want)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestReadSeedExamples(t *testing.T) {
	op, _ := readOne(t, seedName, readSeed(t))
	result := resultSchema(t, op)
	if got := result.Property("resp_success").Schema.Example; got != nil {
		t.Errorf("resp_success keeps invalid example %#v", got)
	}
	if got := result.Property("resp_code").Schema.Example; got != int64(1) {
		t.Errorf("resp_code example = %#v, want int64(1)", got)
	}
	wantSuccess := map[string]any{seedKey: map[string]any{
		"result": map[string]any{
			"access_key_id": "1", "access_key_secret": "1", "product_code": "1",
			"end_point_public": "1", "scene_code": "1", "end_point_internal": "1",
			"expiration": "1", "tenant_code": "1", "field_id": "1",
			"policy": map[string]any{
				"version":   "1",
				"statement": map[string]any{"datas": []any{map[string]any{"effect": "1"}}},
			},
			"token": "1",
		},
		"resp_code":       int64(1),
		"resp_request_id": "1",
		"message":         "成功",
		// resp_success: "token" is no Boolean, so it is left out.
	}}
	wantError := map[string]any{"error_response": map[string]any{
		"code": int64(50), "msg": "Remote service error",
		"sub_code": "isv.invalid-parameter", "sub_msg": "非法参数",
	}}
	for _, tc := range []struct {
		status string
		want   any
	}{{"200", wantSuccess}, {"default", wantError}} {
		examples := response(t, op, tc.status).Body.Examples
		if len(examples) != 1 {
			t.Fatalf("%s: %d examples, want 1", tc.status, len(examples))
		}
		if diff := cmp.Diff(tc.want, examples[0].Value); diff != "" {
			t.Errorf("%s example (-want +got):\n%s", tc.status, diff)
		}
	}
}

// TestSeedExampleMatchesSchema checks the acceptance rule: the XML
// response example, read as a tree, matches the emitted response schema.
// Every element must have a member at its place, and every member must
// appear where the example puts it — except members TOP's generated
// examples leave out.
func TestSeedExampleMatchesSchema(t *testing.T) {
	data := readSeed(t)
	op, _ := readOne(t, seedName, data)
	roots := seedXML(t, data, secResponseExample)
	if len(roots) != 1 || roots[0].name != seedKey {
		t.Fatalf("example roots %v, want one <%s>", roots, seedKey)
	}
	var m exampleMatch
	m.object(resultSchema(t, op), roots, "")
	if len(m.unplaced) > 0 {
		t.Errorf("example elements without a member at their place: %v", m.unplaced)
	}
	// TOP's example generator fills every scalar with a sample but writes
	// nothing for lists of strings (no <resource><string>…</string></resource>),
	// so these two — and only these — are expected to be missing.
	wantAbsent := []string{"result/policy/statement/datas[]/resource", "result/policy/statement/datas[]/action"}
	if diff := cmp.Diff(wantAbsent, m.absent); diff != "" {
		t.Errorf("members absent from the example (-want +got):\n%s", diff)
	}
	for _, path := range m.absent {
		s := schemaAt(resultSchema(t, op), path)
		if s == nil || s.Type != model.TypeObject || len(s.Properties) != 1 {
			t.Errorf("%s is absent from the example but is not a list wrapper", path)
			continue
		}
		if p := s.Properties[0]; p.Name != "string" || p.Schema.Type != model.TypeArray || p.Schema.Items.Type != model.TypeString {
			t.Errorf("%s is absent from the example but does not wrap a list of strings", path)
		}
	}
}

// seedXML parses the XML document of one example section of a page.
func seedXML(t *testing.T, data []byte, sectionName string) []*element {
	t.Helper()
	r := newReader("x")
	p := r.splitPage(splitLines(string(data)))
	roots := r.exampleXML(p.sections[sectionName])
	if len(r.log.list()) > 0 {
		t.Fatalf("reading the example: %v", r.log.list())
	}
	return roots
}

// exampleMatch compares an example tree with a schema independently of the
// reader's converter, using only how XML shows JSON: every element is the
// member of its name, and a list member is shown by repeated elements, one
// per item (TOP's list wrapper, <statement>, is itself an object whose one
// member, datas, is such a list).
type exampleMatch struct {
	unplaced []string // element paths with no member at that place
	absent   []string // member paths no element shows
}

func (m *exampleMatch) object(s *model.Schema, elems []*element, path string) {
	for _, e := range elems {
		if e.text != "" {
			m.unplaced = append(m.unplaced, path+" (text)")
		}
		for _, c := range e.children {
			if s.Property(c.name) == nil {
				m.unplaced = append(m.unplaced, joinPath(path, c.name))
			}
		}
	}
	for _, p := range s.Properties {
		at := joinPath(path, p.Name)
		var shown []*element
		for _, e := range elems {
			shown = append(shown, e.child(p.Name)...)
		}
		inner := p.Schema
		if inner.Type == model.TypeArray {
			at += "[]"
			inner = inner.Items
		} else {
			for _, e := range elems {
				if len(e.child(p.Name)) > 1 {
					m.unplaced = append(m.unplaced, at+" (repeated)")
				}
			}
		}
		switch {
		case len(shown) == 0:
			m.absent = append(m.absent, at)
		case inner.Type == model.TypeObject:
			m.object(inner, shown, at)
		default:
			for _, e := range shown {
				if len(e.children) > 0 {
					m.unplaced = append(m.unplaced, at+"/"+e.children[0].name)
				}
			}
		}
	}
}

// schemaAt follows a path written by exampleMatch.
func schemaAt(s *model.Schema, path string) *model.Schema {
	for _, name := range strings.Split(path, "/") {
		if s.Type == model.TypeArray {
			s = s.Items
		}
		p := s.Property(strings.TrimSuffix(name, "[]"))
		if p == nil {
			return nil
		}
		s = p.Schema
	}
	return s
}
