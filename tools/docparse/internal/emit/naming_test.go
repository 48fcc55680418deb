package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func TestTypeName(t *testing.T) {
	for in, want := range map[string]string{
		"auth.identity.password.user": "AuthIdentityPasswordUser",
		"server_id":                   "ServerId",
		"ErrorDetail":                 "ErrorDetail",
		"os-extended-volumes:volumes": "OsExtendedVolumesVolumes",
		"2fa":                         "Schema2fa",
		"请求参数":                        "",
		"Tag 标签":                      "Tag",
	} {
		if got := typeName(in); got != want {
			t.Errorf("typeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFingerprintIgnoresLocAndName(t *testing.T) {
	f := newFingerprinter(nil)
	a, b := errorDetail(10), errorDetail(99)
	b.Name, b.Qualifier = "OtherDetail", "Other"
	if f.of(a) != f.of(b) {
		t.Error("identical tables at different places, under different names, have different fingerprints")
	}
	c := errorDetail(10)
	c.Properties[0].Description = "错误码。"
	if f.of(a) == f.of(c) {
		t.Error("a different property description does not change the fingerprint")
	}
	d := errorDetail(10)
	d.Properties[1].Required = true
	if f.of(a) == f.of(d) {
		t.Error("a different required flag does not change the fingerprint")
	}
}

// selfList is a named schema whose "next" property is itself.
func selfList(desc string) *model.Schema {
	s := &model.Schema{Name: "Link", Type: model.TypeObject, Description: desc}
	s.Properties = []*model.Property{{Name: "next", Schema: s}}
	return s
}

func TestFingerprintOfCycles(t *testing.T) {
	f := newFingerprinter(nil)
	if a, b := selfList("x"), selfList("x"); f.of(a) != f.of(b) {
		t.Error("two copies of the same recursive schema differ")
	}
	if f.of(selfList("x")) == f.of(selfList("y")) {
		t.Error("recursive schemas with different descriptions do not differ")
	}
}

// probe is an operation whose 200 body has one property per schema.
func probe(id string, schemas ...*model.Schema) *model.Operation {
	body := &model.Schema{Type: model.TypeObject}
	for i, s := range schemas {
		body.Properties = append(body.Properties, &model.Property{Name: fmt.Sprintf("p%d", i), Schema: s})
	}
	return &model.Operation{ID: id, Method: "GET", Path: "/" + id,
		Responses: []*model.Response{{Status: "200", Body: &model.Body{Schema: body}}}}
}

// componentNames emits ops and returns the component each property of
// each operation's body refers to, in order.
func componentNames(t *testing.T, ops ...*model.Operation) map[string][]string {
	t.Helper()
	out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: ops})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	doc := loadSpec(t, out)
	got := map[string][]string{}
	for _, op := range ops {
		body := doc.Components.Schemas[op.ID+"ResponseBody"].Value
		for i := range len(body.Properties) {
			ref := body.Properties[fmt.Sprintf("p%d", i)].Ref
			got[op.ID] = append(got[op.ID], strings.TrimPrefix(ref, componentSchemaPrefix))
		}
	}
	return got
}

func TestNamesMergeAndQualifyByOperation(t *testing.T) {
	other := errorDetail(3)
	other.Properties = other.Properties[:1]
	other.Qualifier = "Ims"
	reservedClash := &model.Schema{Name: "CreateServerResponse", Type: model.TypeObject, Properties: errorDetail(5).Properties}
	dotted := &model.Schema{Name: "auth.identity", Type: model.TypeObject, Properties: errorDetail(6).Properties}
	got := componentNames(t,
		probe("CreateServer", errorDetail(1), errorDetail(2), reservedClash, dotted),
		probe("ListImages", other),
	)
	want := map[string][]string{
		// The two copies merge; the different ErrorDetail of another
		// operation makes both qualified by the operation using them.
		"CreateServer": {"CreateServerErrorDetail", "CreateServerErrorDetail", "CreateServerResponse2", "AuthIdentity"},
		"ListImages":   {"ListImagesErrorDetail"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("component names (-want +got):\n%s", diff)
	}
}

// TestNamesDoNotDependOnOtherPages: adding an operation whose schemas have
// other names, before or after, renames nothing; an operation bringing a
// different schema of a name in use qualifies that name, whatever the
// order.
func TestNamesDoNotDependOnOtherPages(t *testing.T) {
	tag := func() *model.Schema {
		return &model.Schema{Name: "Tag", Type: model.TypeObject, Properties: []*model.Property{{Name: "key", Schema: str("")}}}
	}
	otherTag := func() *model.Schema {
		return &model.Schema{Name: "Tag", Type: model.TypeObject, Properties: []*model.Property{{Name: "id", Schema: str("")}}}
	}
	unrelated := func() *model.Schema {
		return &model.Schema{Name: "Quota", Type: model.TypeObject, Properties: []*model.Property{{Name: "n", Schema: str("")}}}
	}
	alone := componentNames(t, probe("ListTags", tag()))
	before := componentNames(t, probe("AddQuota", unrelated()), probe("ListTags", tag()))
	after := componentNames(t, probe("ListTags", tag()), probe("ZapQuota", unrelated()))
	if alone["ListTags"][0] != "Tag" || before["ListTags"][0] != "Tag" || after["ListTags"][0] != "Tag" {
		t.Errorf("an unrelated page renames Tag: alone %v, before %v, after %v", alone, before, after)
	}
	first := componentNames(t, probe("ListTags", tag()), probe("CreateTag", otherTag()))
	second := componentNames(t, probe("CreateTag", otherTag()), probe("ListTags", tag()))
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("names depend on page order (-first +second):\n%s", diff)
	}
	if first["ListTags"][0] != "ListTagsTag" || first["CreateTag"][0] != "CreateTagTag" {
		t.Errorf("clashing Tags named %v", first)
	}
}

func TestReaderQualifierAndNumbersAreLastResorts(t *testing.T) {
	request := &model.Schema{Name: "Domain", Qualifier: "Request", Type: model.TypeObject, Properties: []*model.Property{{Name: "a", Schema: str("")}}}
	response := &model.Schema{Name: "Domain", Qualifier: "Response", Type: model.TypeObject, Properties: []*model.Property{{Name: "b", Schema: str("")}}}
	third := &model.Schema{Name: "Domain", Qualifier: "Response", Type: model.TypeObject, Properties: []*model.Property{{Name: "c", Schema: str("")}}}
	got := componentNames(t, probe("Login", request, response), probe("Logout", third))
	want := map[string][]string{"Login": {"LoginRequestDomain", "LoginResponseDomain"}, "Logout": {"LogoutDomain"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestUnnamedCyclesBecomeComponents(t *testing.T) {
	// An inline schema containing itself cannot be written inline.
	tree := &model.Schema{Type: model.TypeArray}
	tree.Items = tree
	op := &model.Operation{ID: "ListTrees", Method: "GET", Path: "/trees", Responses: []*model.Response{{Status: "200",
		Body: &model.Body{Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: "tree", Schema: tree}}}}}}}
	out, _, diags := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	doc := loadSpec(t, out)
	if s := doc.Components.Schemas["ListTreesResponseBodyTree"]; s == nil || s.Value.Items.Ref != componentSchemaPrefix+"ListTreesResponseBodyTree" {
		t.Errorf("self-containing array not a component referring to itself:\n%s", out)
	}
}

func TestResponseBodyNames(t *testing.T) {
	ok, accepted, bad, other := &response{Response: &model.Response{Status: "200"}}, &response{Response: &model.Response{Status: "202"}},
		&response{Response: &model.Response{Status: "400"}}, &response{Response: &model.Response{Status: "default"}}
	got := []string{
		responseBodyName("Op", ok, ok), responseBodyName("Op", accepted, ok),
		responseBodyName("Op", bad, ok), responseBodyName("Op", other, ok),
	}
	if diff := cmp.Diff([]string{"OpResponseBody", "OpResponseBody202", "OpError", "OpError"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDescriptionsAdoptedWithoutChangingTheModel: a component without
// words of its own is described by the first property referring to it,
// and the model is left as it was.
func TestDescriptionsAdoptedWithoutChangingTheModel(t *testing.T) {
	secret := &model.Schema{Name: "Secret", Type: model.TypeObject, Properties: []*model.Property{{Name: "id", Schema: str("")}}}
	tag := &model.Schema{Name: "Tag", Type: model.TypeObject, Description: "its own", Properties: []*model.Property{{Name: "k", Schema: str("")}}}
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "first", Description: "凭据对象。", Schema: secret},
		{Name: "second", Description: "another word", Schema: secret},
		{Name: "tag", Description: "标签", Schema: tag},
	}}
	op := &model.Operation{ID: "Op", Method: "POST", Path: "/op", RequestBody: &model.Body{Schema: body}, Responses: []*model.Response{{Status: "204"}}}
	out, _, _ := Emit(Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{op}})
	doc := loadSpec(t, out)
	if got := doc.Components.Schemas["Secret"].Value.Description; got != "凭据对象。" {
		t.Errorf("Secret: %q, want the first referring property's description", got)
	}
	if got := doc.Components.Schemas["Tag"].Value.Description; got != "its own" {
		t.Errorf("Tag: %q, a schema's own description must win", got)
	}
	if secret.Description != "" {
		t.Errorf("the model was changed: Secret.Description = %q", secret.Description)
	}
}
