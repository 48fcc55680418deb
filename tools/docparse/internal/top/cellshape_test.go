package top

import (
	"regexp"
	"testing"
)

// The hand-written cell matchers replace these regexps for speed; the
// regexps stay here as the oracle they must agree with.
var (
	oracleName  = regexp.MustCompile(`^[a-z][A-Za-z0-9_]*$`)
	oracleType  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*\s*(\[\])?$`)
	oracleLimit = regexp.MustCompile(`^(最大|最小|默认)[^：:\s]*[：:]\S*$`)
)

func FuzzCellShapesMatchRegexps(f *testing.F) {
	for _, s := range []string{"", "a", "A", "product_code", "productCode", "_x", "x-y", "String", "Datas []", "Byte[]", "Datas [] ", "Datas[ ]", "A\t\n[]",
		"最大列表长度：20", "最小值：0", "默认值:true", "默认值： true", "最大 值：1", "最大：", "最大值：1：2", "默认值：\xff", "最大\xff：1", "最多值：1", "最大值\v：1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isFieldName(s), oracleName.MatchString(s); got != want {
			t.Errorf("isFieldName(%q) = %v, regexp says %v", s, got, want)
		}
		if got, want := isTypeShape(s), oracleType.MatchString(s); got != want {
			t.Errorf("isTypeShape(%q) = %v, regexp says %v", s, got, want)
		}
		if got, want := isLimitCell(s), oracleLimit.MatchString(s); got != want {
			t.Errorf("isLimitCell(%q) = %v, regexp says %v", s, got, want)
		}
	})
}
