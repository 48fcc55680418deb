package keys

import (
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func TestRepair(t *testing.T) {
	item := &model.Schema{Type: model.TypeArray, Items: &model.Schema{Type: model.TypeObject}}
	addresses := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "云服务器所在网络名称", Description: "网络", Schema: item},
	}}
	mixed := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "id", Schema: &model.Schema{Type: model.TypeString}},
		{Name: "（预留）", Schema: &model.Schema{Type: model.TypeString}},
		{Name: "addresses", Schema: addresses},
	}}
	op := &model.Operation{Responses: []*model.Response{{Status: "200", Body: &model.Body{Schema: mixed}}}}
	var diags model.Diagnostics
	Repair([]*model.Page{{Operations: []*model.Operation{op}}}, &diags)
	if addresses.AdditionalProperties != item || len(addresses.Properties) != 0 || addresses.Description != "网络" {
		t.Errorf("addresses not made a map: %+v", addresses)
	}
	if len(mixed.Properties) != 2 || mixed.Properties[0].Name != "id" || mixed.Properties[1].Name != "addresses" {
		t.Errorf("members %v", mixed.Properties)
	}
	if diags.Count(model.Note) != 1 || diags.Count(model.Warning) != 1 {
		t.Errorf("diagnostics %v", diags)
	}
	for name, want := range map[string]bool{"id": false, "x-sdk-date": false, "云服务器": true, "<名称>": true, "ip地址": false, "": true} {
		if IsProse(name) != want {
			t.Errorf("IsProse(%q) = %t", name, !want)
		}
	}
}

func TestRepairFollowsTheExamplesCase(t *testing.T) {
	token := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: "Expires_At", Schema: &model.Schema{Type: model.TypeString}}}}
	body := &model.Body{
		Schema:   &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: "Token", Schema: token}, {Name: "ID", Schema: &model.Schema{Type: model.TypeString}}}},
		Examples: []*model.Example{{Value: map[string]any{"token": map[string]any{"expires_at": "x"}, "ID": "y", "id": "z"}}},
	}
	op := &model.Operation{Responses: []*model.Response{{Status: "201", Body: body}}}
	var diags model.Diagnostics
	Repair([]*model.Page{{Operations: []*model.Operation{op}}}, &diags)
	if got := body.Schema.Properties[0].Name; got != "token" {
		t.Errorf("Token renamed to %q, want token", got)
	}
	if got := token.Properties[0].Name; got != "expires_at" {
		t.Errorf("nested member renamed to %q, want expires_at", got)
	}
	if got := body.Schema.Properties[1].Name; got != "ID" {
		t.Errorf("ID, present as spelt, renamed to %q", got)
	}
	if diags.Count(model.Warning) != 2 {
		t.Errorf("diagnostics %v", diags)
	}
}
