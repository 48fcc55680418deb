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
