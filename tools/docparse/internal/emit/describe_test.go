package emit

import (
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func TestAdoptDescriptions(t *testing.T) {
	secret := &model.Schema{Name: "Secret", Type: model.TypeObject}
	tag := &model.Schema{Name: "Tag", Type: model.TypeObject, Description: "its own"}
	body := &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
		{Name: "first", Description: "凭据对象。", Schema: secret},
		{Name: "second", Description: "another word", Schema: secret},
		{Name: "tag", Description: "标签", Schema: tag},
		{Name: "tags", Description: "标签列表", Schema: &model.Schema{Type: model.TypeArray, Items: tag}},
	}}
	op := &operation{Operation: &model.Operation{RequestBody: &model.Body{Schema: body}}}
	adoptDescriptions([]*operation{op})
	if secret.Description != "凭据对象。" {
		t.Errorf("Secret: %q, want the first referring property's description", secret.Description)
	}
	if tag.Description != "its own" {
		t.Errorf("Tag: %q, a schema's own description must win", tag.Description)
	}
}
