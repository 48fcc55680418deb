package huawei

import (
	"regexp"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// commaSentenceRE finds a description saying that several values travel
// joined by commas: 以逗号分隔, 用英文逗号隔开, 使用英文半角逗号拼接, 以“,”分隔.
var commaSentenceRE = regexp.MustCompile(`(?:逗号|[“"'‘]\s*[,，]\s*[”"'’])\s*(?:分隔|分割|隔开|拼接|连接|间隔|分开)`)

// markCommaJoined marks each array query parameter whose description says
// its values are comma-separated: the service reads ids=a,b, and OpenAPI's
// default (explode) would send ids=a&ids=b.
func (p *page) markCommaJoined() {
	for _, prm := range p.op.Params {
		if prm.In != model.InQuery || prm.Schema == nil || prm.Schema.Type != model.TypeArray || !commaSentenceRE.MatchString(prm.Description) {
			continue
		}
		prm.CommaJoined = true
		p.diags.Notef(prm.Loc, "array query parameter %q: its description says the values are comma-separated; sent as one value (a,b), not a repeated key", prm.Name)
	}
}
