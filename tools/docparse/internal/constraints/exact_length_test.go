package constraints

import (
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// rangeFollows takes a comma and a digit after "长度为N" for a range's
// upper end, so an exact length followed by a clause that starts with a
// number ("16进制字符") loses its exact length.
func TestExactLengthThenNumberedClause(t *testing.T) {
	checkExtract(t, []extractCase{
		{"fingerprint", model.TypeString, "证书指纹，长度为32，16进制字符。", "minLength=32; maxLength=32"},
	})
}
