package emit

import (
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
	f := newFingerprinter()
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
	f := newFingerprinter()
	if a, b := selfList("x"), selfList("x"); f.of(a) != f.of(b) {
		t.Error("two copies of the same recursive schema differ")
	}
	if f.of(selfList("x")) == f.of(selfList("y")) {
		t.Error("recursive schemas with different descriptions do not differ")
	}
}

func TestNamerMergesAndDisambiguates(t *testing.T) {
	n := newNamer(reservedNames([]string{"CreateServer"}))
	first, copyOfFirst := errorDetail(1), errorDetail(2)
	other := errorDetail(3)
	other.Properties = other.Properties[:1]
	other.Qualifier = "Ims"
	third := errorDetail(4)
	third.Description = "another one"
	third.Qualifier = "Ims" // taken by other, so a number follows
	reservedClash := &model.Schema{Name: "CreateServerResponse", Type: model.TypeObject}
	dotted := &model.Schema{Name: "auth.identity", Type: model.TypeObject}
	for _, s := range []*model.Schema{first, copyOfFirst, other, third, reservedClash, dotted} {
		n.visit(s, "", "")
	}
	got := []string{
		n.componentOf(first), n.componentOf(copyOfFirst), n.componentOf(other),
		n.componentOf(third), n.componentOf(reservedClash), n.componentOf(dotted),
	}
	want := []string{"ErrorDetail", "ErrorDetail", "ImsErrorDetail", "ErrorDetail2", "CreateServerResponse2", "AuthIdentity"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("component names (-want +got):\n%s", diff)
	}
	if len(n.components) != 5 {
		t.Errorf("%d components, want 5 (the copy merges)", len(n.components))
	}
}

func TestNamerNamesUnnamedCycles(t *testing.T) {
	// An inline schema containing itself cannot be written inline.
	tree := &model.Schema{Type: model.TypeObject}
	tree.Properties = []*model.Property{{Name: "sub_tree", Schema: tree}}
	root := &model.Schema{Type: model.TypeArray, Items: tree}
	n := newNamer(nil)
	n.visit(root, "ListTreesResponseBody", "")
	if got := n.componentOf(tree); got != "ListTreesResponseBodyItem" {
		t.Errorf("self-containing inline schema named %q", got)
	}
	if got := n.componentOf(root); got != "" {
		t.Errorf("root array became component %q", got)
	}
}

func TestResponseBodyNames(t *testing.T) {
	ok, accepted, bad, other := &model.Response{Status: "200"}, &model.Response{Status: "202"},
		&model.Response{Status: "400"}, &model.Response{Status: "default"}
	got := []string{
		responseBodyName("Op", ok, ok), responseBodyName("Op", accepted, ok),
		responseBodyName("Op", bad, ok), responseBodyName("Op", other, ok),
	}
	if diff := cmp.Diff([]string{"OpResponseBody", "OpResponseBody202", "OpError", "OpError"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
