package emit

import "github.com/docapi/docapi/tools/docparse/internal/model"

// adoptDescriptions gives a named schema without a description of its own
// the description of the first property (in document order) that refers to
// it. OpenAPI 3.0 ignores the siblings of $ref, so otherwise what the page
// says of the property ("凭据对象。") would be lost, and the generated type
// would have no doc comment. It changes the model in place, before naming,
// so identical schemas are still told apart by what they end up saying.
func adoptDescriptions(ops []*operation) {
	seen := map[*model.Schema]bool{}
	var walk func(s *model.Schema)
	walk = func(s *model.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			if p == nil {
				continue
			}
			if c := p.Schema; c != nil && c.Name != "" && c.Description == "" {
				c.Description = p.Description
			}
			walk(p.Schema)
		}
		walk(s.Items)
	}
	for _, op := range ops {
		for _, p := range op.Params {
			if p != nil {
				walk(p.Schema)
			}
		}
		if op.RequestBody != nil {
			walk(op.RequestBody.Schema)
		}
		for _, r := range op.responses {
			if r.Body != nil {
				walk(r.Body.Schema)
			}
		}
	}
}
