package model

import "testing"

func TestLocString(t *testing.T) {
	for _, tc := range []struct {
		loc  Loc
		want string
	}{
		{Loc{File: "a.md", Line: 3, Table: "表 2 Tag", Row: 4, What: "参数类型"}, `a.md:3: table "表 2 Tag" row 4 (参数类型)`},
		{Loc{File: "a.md"}, "a.md"},
		{Loc{File: "a.md", Line: 7, What: "example"}, "a.md:7 (example)"},
		// Findings about the document as a whole name only the part.
		{Loc{What: "info.title"}, "(info.title)"},
		{Loc{}, ""},
	} {
		if got := tc.loc.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.loc, got, tc.want)
		}
	}
}

func TestPathParams(t *testing.T) {
	got := PathParams("/{version_id}/{project_id}/csms/{resource_instances}/action?x={y")
	want := []string{"version_id", "project_id", "resource_instances"}
	if len(got) != len(want) {
		t.Fatalf("PathParams = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("PathParams = %q, want %q", got, want)
		}
	}
	if got := PathParams("/things"); got != nil {
		t.Errorf("PathParams(/things) = %q, want none", got)
	}
}

func TestPathShape(t *testing.T) {
	for in, want := range map[string]string{
		"/v1/{project_id}/vpcs/{vpc_id}":     "/v1/{}/vpcs/{}",
		"/things":                            "/things",
		"/a/{x}.json?k={v}#frag":             "/a/{}.json?k={}#frag",
		"/servers/{server_id}/action#reboot": "/servers/{}/action#reboot",
	} {
		if got := PathShape(in); got != want {
			t.Errorf("PathShape(%q) = %q, want %q", in, got, want)
		}
	}
}
