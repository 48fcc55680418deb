// Package constraints reads the limits a field's description states in
// words (allowed values, lengths, ranges, defaults, constants) into schema
// keywords, each with the sentence it came from. It knows nothing about page
// families: it sees a description, a field name and a schema type.
//
// Precision comes first: a keyword is taken only from a sentence that
// plainly states it about the field itself. A limit on another field, a
// conditional one ("如果…时"), a list that is only an example or not
// exhaustive ("等"), a range in a unit the field does not use, or a list
// with one item that is not a plain value: all are left alone.
package constraints

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Keywords, as the model's Constraint.Keyword names them.
const (
	KeyEnum      = "enum"
	KeyMinLength = "minLength"
	KeyMaxLength = "maxLength"
	KeyMinimum   = "minimum"
	KeyMaximum   = "maximum"
	KeyDefault   = "default"
)

// Found is one keyword a description states.
type Found struct {
	Keyword  string
	Enum     []string // KeyEnum: the allowed values as written, in page order
	Number   float64  // lengths, minimum, maximum
	Default  any      // KeyDefault: string, int64, float64 or bool by the field's type
	Sentence string   // the words it came from, as the description has them (a list: its lines, trimmed)
}

// maxDescription bounds the text looked at, so hostile input costs little.
const maxDescription = 8 << 10

// Extract returns what desc states about the field called name whose schema
// type is typ (one of the model.Type* constants). Objects, arrays and
// untyped values get nothing: their prose is about their members.
func Extract(name, typ, desc string) []Found {
	switch typ {
	case model.TypeString, model.TypeInteger, model.TypeNumber, model.TypeBoolean:
	default:
		return nil
	}
	if len(desc) > maxDescription || !mayState(desc) {
		return nil
	}
	x := extractor{name: name, typ: typ, lines: splitLines(desc)}
	x.defaults() // first: a stated default can show a list to be the values
	x.enums()
	x.lengths()
	x.ranges()
	return x.result()
}

// leadOf returns, for a list item whose list is introduced as a
// recommendation or an example, a clause that makes conditional() say so;
// "" otherwise.
func (x *extractor) leadOf(i int) string {
	if !isBullet(x.lines[i]) {
		return ""
	}
	for j := i - 1; j >= 0; j-- {
		if !isBullet(x.lines[j]) {
			// Only a line that introduces the list ("…如下：") covers it.
			// Only a line that introduces the list ("…如下：") as a
			// recommendation or an example covers it; its other words
			// ("对于表格数据集有效") are about the field.
			l := strings.TrimSpace(x.lines[j])
			if (strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":")) && hasAny(l, "建议", "推荐", "例如", "比如", "示例") {
				return "建议，"
			}
			return ""
		}
	}
	return ""
}

// ExtractItems returns the allowed values desc states for the items of the
// array field called name, whose items are of type itemType. Only enum is
// read: an array's lengths and limits ("数组长度不超过10", "最多10个")
// count its items, not characters.
func ExtractItems(name, itemType, desc string) []Found {
	var out []Found
	for _, f := range Extract(name, itemType, desc) {
		if f.Keyword == KeyEnum {
			out = append(out, f)
		}
	}
	return out
}

// cues are the words every rule below needs one of; a description with
// none (most: "项目ID。") is not looked at further.
var cues = []string{"取值", "可选", "可设置", "可以设置", "可取", "枚举", "有效", "只能", "仅支持", "可为", "可以为",
	"定值", "固定", "配置为", "长度", "字符", "字节", "最", "不超过", "不能超过", "不大于", "至多", "至少", "范围",
	"默认", "缺省", "大于", "小于", "≥", "≤", ">=", "<=", "表示", "“", "\"", "返回值", "种", "约束", "值为", "必须为", "必须是", "仅限于"}

func mayState(desc string) bool {
	if strings.Contains(desc, "\n- ") {
		return true // items "- create：创建", "- HTTP" below a title (titledList)
	}
	for _, c := range cues {
		if strings.Contains(desc, c) {
			return true
		}
	}
	return false
}

type extractor struct {
	name  string
	typ   string
	lines []string
	found []Found
	// context is the lead line of the list item being read ("建议密码复杂度
	// 如下："): a recommendation or an example there covers the item.
	context string
	// bad records keywords stated twice with different values: neither
	// is kept.
	bad map[string]bool
}

func (x *extractor) add(f Found) {
	for i, g := range x.found {
		if g.Keyword != f.Keyword {
			continue
		}
		if !sameValue(g, f) {
			if x.bad == nil {
				x.bad = map[string]bool{}
			}
			x.bad[f.Keyword] = true
		}
		_ = i
		return
	}
	x.found = append(x.found, f)
}

func sameValue(a, b Found) bool {
	switch a.Keyword {
	case KeyEnum:
		return strings.Join(a.Enum, "\x00") == strings.Join(b.Enum, "\x00")
	case KeyDefault:
		return a.Default == b.Default
	}
	return a.Number == b.Number
}

// order is the order keywords are returned in.
var order = []string{KeyEnum, KeyMinLength, KeyMaxLength, KeyMinimum, KeyMaximum, KeyDefault}

func (x *extractor) result() []Found {
	x.checkSamples()
	var out []Found
	var enum []string
	for _, k := range order {
		for _, f := range x.found {
			if f.Keyword != k || x.bad[k] {
				continue
			}
			switch k {
			case KeyEnum:
				enum = f.Enum
			case KeyDefault:
				// A default outside the stated values is a defect of
				// the page, not a default.
				if enum != nil && !containsValue(enum, f.Default) {
					continue
				}
			case KeyMinimum, KeyMaximum:
				if x.bad[KeyMinimum] || x.bad[KeyMaximum] {
					continue
				}
				if k == KeyMaximum {
					if lo, ok := x.number(KeyMinimum); ok && lo > f.Number {
						continue
					}
				}
			case KeyMaxLength:
				if lo, ok := x.number(lowerOf(k)); ok && lo > f.Number {
					continue
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// sampleRE finds a quoted sample value: "取值样例：“hss,ces”", "例如：“x”".
var sampleRE = regexp.MustCompile(`(?:(?:样例|示例|例如|比如)[：:]?|如[：:])\s*\n?\s*[^“"\n{\[]{0,24}[“"]([^“”"\n]{1,64})[”"]\s*(?:$|[。，,；;）)\n])`)

// checkSamples drops an enum that a sample value the description gives is
// not one of: the list was not all the values.
func (x *extractor) checkSamples() {
	var enum []string
	quoted := map[string]bool{}
	for _, f := range x.found {
		if f.Keyword == KeyEnum {
			enum = f.Enum
			for _, l := range strings.Split(f.Sentence, "\n") {
				quoted[l] = true
			}
		}
	}
	if enum == nil {
		return
	}
	// Samples in the list's own items are about the item ("如：文本文件是
	// “abc.txt”"); only the rest of the description counts.
	var rest []string
	for _, l := range x.lines {
		if !quoted[l] {
			rest = append(rest, l)
		}
	}
	for _, m := range sampleRE.FindAllStringSubmatch(strings.Join(rest, "\n"), -1) {
		if !containsValue(enum, m[1]) {
			if x.bad == nil {
				x.bad = map[string]bool{}
			}
			x.bad[KeyEnum] = true
			return
		}
	}
}

func lowerOf(k string) string {
	if k == KeyMaxLength {
		return KeyMinLength
	}
	return KeyMinimum
}

func (x *extractor) number(k string) (float64, bool) {
	for _, f := range x.found {
		if f.Keyword == k && !x.bad[k] {
			return f.Number, true
		}
	}
	return 0, false
}

func containsValue(enum []string, v any) bool {
	s := formatValue(v)
	for _, e := range enum {
		if e == s {
			return true
		}
		if n, err := strconv.ParseFloat(e, 64); err == nil {
			if m, err := strconv.ParseFloat(s, 64); err == nil && n == m {
				return true
			}
		}
	}
	return false
}

func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// splitLines cuts a description into its paragraphs and list items.
func splitLines(desc string) []string {
	var out []string
	for _, l := range strings.Split(desc, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// sentences cuts a line into sentences at 。；; (full stops inside quotes
// or brackets are rare enough in these pages to ignore).
func sentences(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if r == '。' || r == '；' || r == ';' {
			if s := strings.TrimSpace(line[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + len(string(r))
		}
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// --- subjects and conditions ---

// conditionRE marks a sentence whose limit holds only in some case.
var conditionRE = regexp.MustCompile(`如果|若|假如|当|此时|时[，,：:]|时$|[未不没]\p{Han}*时|\w=\w|仅在|否则|对于|建议|推荐`)

// omittedPhrases say "when the field is not given": a default follows them.
var omittedPhrases = strings.NewReplacer("当前", "", "时间", "", "时区", "", "时长", "", "小时", "", "时刻", "", "实时", "", "及时", "", "同时", "", "时延", "", "不填时", "", "不传时", "", "为空时", "", "不指定时", "", "未指定时", "", "缺省时", "", "不设置时", "", "未设置时", "", "不填写时", "", "不传入时", "", "未输入时", "", "不输入时", "", "如果不传则", "", "若不传则", "", "不传则", "")

// identEndRE finds an identifier or quoted term just before a keyword:
// "limit的取值范围", "key最大长度", "“X”的取值范围".
var identEndRE = regexp.MustCompile(`(?:[“"‘']([^“”"‘’']{1,64})[”"’']|([A-Za-z_][A-Za-z0-9_.:\-]*))\s*的?\s*$`)

// subjectRE is an identifier a sentence says something about: "X为…".
var subjectRE = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*(?:为|是)[^“"'0-9A-Za-z]`)

// labelRE is a list item's or paragraph's leading label: "- key：…",
// "端口号：…".
var labelRE = regexp.MustCompile(`^(?:[-*]\s*)?([^：:，,。\s]{1,24})\s*[：:]`)

// genericLabels are labels that say what kind of statement follows rather
// than which thing it is about.
var genericLabels = map[string]bool{
	"取值范围": true, "取值": true, "约束": true, "默认值": true, "默认": true, "说明": true,
	"功能说明": true, "功能描述": true, "描述": true, "格式": true, "取值说明": true, "限制": true,
	"约束限制": true, "参数说明": true, "可选值": true, "注意": true, "长度": true, "范围": true,
	"值": true, "取值如下": true, "枚举值": true, "描述信息": true, "备注": true,
	"最小长度": true, "最大长度": true, "可选": true, "长度限制": true, "字符限制": true, "取值限制": true,
}

// aboutOther reports whether the text before a keyword (within its line)
// names a thing other than the field: another field, a quoted term, or a
// label that is not generic.
func (x *extractor) aboutOther(line, before string) bool {
	for _, m := range subjectRE.FindAllStringSubmatch(lastSentence(before), -1) {
		if v := strings.ToLower(m[1]); v == "true" || v == "false" {
			continue // "true为启用": a value's meaning, not another field
		}
		if !strings.EqualFold(m[1], x.name) {
			return true // "SecretSubType为轮转子类型，取值为…"
		}
	}
	if m := identEndRE.FindStringSubmatch(lastClause(before)); m != nil {
		subject := m[1] + m[2]
		if !strings.EqualFold(subject, x.name) {
			return true
		}
		return false // the field itself, whatever the label says
	}
	if strings.ContainsAny(before, "。；;") {
		return false // the label belongs to an earlier sentence
	}
	if m := labelRE.FindStringSubmatch(line); m != nil && len(m[0]) <= len(before)+len("：") {
		label := m[1]
		if !genericLabels[label] && !strings.EqualFold(label, x.name) && !x.ownTitle(line, before, m[0], label) {
			return true
		}
	}
	return false
}

// ownTitle reports a label in Chinese that opens the description and
// the statement right after it, the line's one label ("操作标识：仅限于
// create…"): the field's own name. Labels of cases ("查询他人共享镜像：…
// 查询我共享的镜像：默认为false") come two or more to a line.
func (x *extractor) ownTitle(line, before, labelled, label string) bool {
	if len(x.lines) == 0 || line != x.lines[0] || strings.TrimSpace(before) != strings.TrimSpace(labelled) ||
		strings.Count(line, "：")+strings.Count(line, ":") != 1 {
		return false
	}
	for _, r := range label {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// example reports an example marker in the last two clauses of before:
// "例如查看创建失败的作业，可选值为3、5" lists an example, while in
// "例如可视化作业名字，默认为空，长度为[0，100]" the example is long over.
func example(before string) bool {
	clauses := strings.FieldsFunc(before, func(r rune) bool { return r == '，' || r == ',' })
	if len(clauses) > 2 {
		clauses = clauses[len(clauses)-2:]
	}
	for _, c := range clauses {
		for _, m := range []string{"例如", "比如", "如：", "示例："} {
			if strings.Contains(c, m) {
				return true
			}
		}
	}
	return false
}

// lastSentence is the text after the last full stop.
func lastSentence(s string) string {
	if i := strings.LastIndexAny(s, "。；;"); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[i+w:]
	}
	return s
}

// lastClause is the text after the last comma.
func lastClause(s string) string {
	if i := strings.LastIndexAny(s, "，,、（("); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[i+w:]
	}
	return s
}

// perPart reports a limit on each part of a value the description says
// is joined with commas, not on the value: VOD's "单个标签不超过16个字节，
// 最多不超过16个标签。多个用逗号分隔" bounds each tag. Without the commas
// "每个值最大长度43个unicode字符" is the field's own limit (DEW's tag value).
func (x *extractor) perPart(before string) bool {
	if !hasAny(lastClause(before), "单个", "每个", "每一个", "每项", "单项", "单条", "每条") {
		return false
	}
	for _, l := range x.lines {
		if hasAny(l, "逗号分隔", "逗号隔开", "逗号分开", "以“,”分隔", "以\",\"分隔") {
			return true
		}
	}
	return false
}

// conditional reports a statement that holds only in some case, or is only
// an example or a recommendation. The keywords it would have given are
// then dropped altogether: the field's other statements of them may not
// hold in that case either.
// otherCaseAfter reports a number stated for another case later in the
// sentence ("1-65535（当表示code时为0-255）"): the limit before it does
// not hold then.
func (x *extractor) otherCaseAfter(rest string, keys ...string) bool {
	if !strings.ContainsAny(rest, "0123456789") || !conditionRE.MatchString(omittedPhrases.Replace(rest)) {
		return false
	}
	return x.conditional(rest, rest, keys...)
}

func (x *extractor) conditional(sentence, before string, keys ...string) bool {
	b := omittedPhrases.Replace(x.context + before)
	if !conditionRE.MatchString(b) && !example(b) {
		return false
	}
	if x.bad == nil {
		x.bad = map[string]bool{}
	}
	for _, k := range keys {
		x.bad[k] = true
	}
	return true
}

// --- allowed values ---

// value forms: a quoted term, or a bare word of letters, digits, "_", and
// "." or "-" between them.
const (
	quotedValue = `[“"'‘]([^“”"'‘’\s]{1,64})[”"'’]`
	bareValue   = `(-?[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*)`
)

var (
	valueRE = regexp.MustCompile(`^(?:` + quotedValue + `|` + bareValue + `)`)
	// listLeadRE ends a line that introduces a list of values below it.
	listLeadRE = regexp.MustCompile(`(?:取值范围|取值如下|可取值如下|可选值如下|可选值|可选取值|取值|枚举如下|枚举值如下|枚举值|取值说明|取值包括|有效值|取值为|可能取值如下|可能的取值|可取值|可选|返回值如下|返回值|(?:有|包含|包括)(?:以下|如下)[0-9一二三四五六七八九十几]*种)\s*(?:如下|有|为|包括)?\s*[：:。.]?$`)
	// inlineLeadRE introduces values listed in the same sentence.
	inlineLeadRE = regexp.MustCompile(`(?:可输入的值(?:包含|包括)?\s*(?:[（(]区分大小写[）)])?|取值范围|有效的值|可选值|可选取值|取值|可设置为|可以设置为|可取值|枚举值|有效值|可选|只能为|仅支持|仅限于|只能是|可以为|可为)(?:为|是|包括|有|包含)?\s*[：:]?\s*`)
	// constantRE states the field's one value.
	// "取值：v3。" (RDS's version_id) with a colon and one value ending the
	// sentence; "取值为request_id" names where a value comes from.
	constantRE = regexp.MustCompile(`(?:定值|固定值|固定为|值固定为|取值固定为|固定取值|仅支持取值为|只能取值为|只能取|只能为|只能是|仅支持|仅限于|需配置为|配置为|必须为|必须是|取值[：:])(?:为|是)?\s*[：:]?\s*`)
	// itemRE is a list item that gives a value and what it means.
	itemRE = regexp.MustCompile(`^(?:[-*]\s*)?(?:` + quotedValue + `|` + bareValue + `)\s*([：:]|，?表示|（|\(|-|\s+)\s*(.*)$`)
	// quotedItemRE is an item whose value is quoted and may hold spaces:
	// "值为“BACKING UP”，表示…".
	quotedItemRE = regexp.MustCompile(`^(?:[-*]\s*)?(?:值为|取值为)?[“"]([^“”"]{1,64})[”"]\s*(，?表示|[：:])\s*(.*)$`)
	// anotherItemRE finds a second "VALUE：表示" inside one item's meaning.
	anotherItemRE = regexp.MustCompile(`(?:^|\s)[A-Za-z0-9_]{2,}\s*[：:]\s*表示`)
	defaultItemRE = regexp.MustCompile(`^(?:默认值|默认)(?:[，,。；）)]|$)|[（(]默认值?[）)]|[，,]默认值?[。，]?$|[，,]\s*默认选项[）)]?[。]?$|[（(]默认选项[）)]`)
)

// listEnds are what may follow the last value of an inline list.
var listEnds = []string{"两种", "两种取值", "两个值", "之一", "其中之一", "中的一种", "中的一个", "）", ")", "（默认）"}

// parseList reads "a、b或c" from the start of s: the values and the text
// after the last one.
func parseList(s string) (values []string, rest string) {
	for {
		s = strings.TrimSpace(s)
		m := valueRE.FindStringSubmatch(s)
		if m == nil {
			return values, s
		}
		values = append(values, m[1]+m[2])
		s = strings.TrimSpace(s[len(m[0]):])
		// A value's meaning in brackets: "true（开启）".
		if r, w := firstRune(s); r == '（' || r == '(' {
			closeBy := "）"
			if r == '(' {
				closeBy = ")"
			}
			end := strings.Index(s, closeBy)
			if end < 0 {
				return values, s
			}
			if strings.Contains(s[w:end], "默认") {
				return values, s // a default in brackets: read by defaults
			}
			s = strings.TrimSpace(s[end+len(closeBy):])
		}
		sep := ""
		for _, p := range []string{"或者", "或", "以及", "和", "及", "、", "，", ",", "/", "|", "or ", "and "} {
			if strings.HasPrefix(s, p) {
				sep = p
				break
			}
		}
		if sep == "" || valueRE.FindString(strings.TrimSpace(s[len(sep):])) == "" {
			return values, s
		}
		s = s[len(sep):]
	}
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// typedEnum checks that every value fits the field's type.
func (x *extractor) typedEnum(values []string) bool {
	if len(values) == 0 || x.typ == model.TypeBoolean {
		return false
	}
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v] {
			return false
		}
		seen[v] = true
		switch x.typ {
		case model.TypeInteger:
			if _, err := strconv.ParseInt(v, 10, 64); err != nil {
				return false
			}
		case model.TypeNumber:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return false
			}
		}
	}
	return true
}

func (x *extractor) enums() {
	for i := 0; i < len(x.lines); i++ {
		line := x.lines[i]
		// Values listed below a lead line.
		if loc := listLead(line); loc != nil {
			before := lastSentence(line[:loc[0]])
			if !x.conditional(line, before, KeyEnum) && !x.aboutOther(line, before) {
				if n := x.itemList(i, true); n > 0 {
					i += n
					continue
				}
				if i+1 < len(x.lines) {
					if values, rest := parseList(x.lines[i+1]); len(values) >= 2 && listEnd(rest) && x.typedEnum(values) {
						x.add(Found{Keyword: KeyEnum, Enum: values, Sentence: line + "\n" + x.lines[i+1]})
						i++
						continue
					}
				}
			}
		}
		for _, s := range sentences(line) {
			x.inlineList(line, s)
			x.constant(line, s)
		}
		// Values with their meanings and no lead line: "ENABLED：表示启用状态".
		if n := x.itemList(i, false); n > 0 {
			i += n - 1
		}
	}
}

func listEnd(rest string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return true
	}
	if strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, ",") {
		// "year或month，仅当…时返回": the list ended; what follows must
		// not say it goes on.
		for _, more := range []string{"等", "其他", "其它", "例如", "如", "包括", "更多", "…", "..."} {
			if strings.Contains(rest, more) {
				return false
			}
		}
		return true
	}
	for _, e := range listEnds {
		if rest == e || strings.HasPrefix(rest, e) && e == "（默认）" {
			return true
		}
	}
	return false
}

// listLead finds a lead at the end of line. The pattern is matched on the
// line's last bytes only: it ends with $, and trying it at every position
// of a long line costs more than the rest of Extract.
func listLead(line string) []int {
	off := 0
	if len(line) > 72 {
		off = len(line) - 72
		for off < len(line) && !utf8.RuneStart(line[off]) {
			off++
		}
	}
	loc := listLeadRE.FindStringIndex(line[off:])
	if loc == nil {
		return nil
	}
	return []int{loc[0] + off, loc[1] + off}
}

// hasAny reports whether s contains one of words.
func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (x *extractor) inlineList(line, s string) {
	if !hasAny(s, "取值", "可选", "可设置", "可以设置", "可取", "枚举", "有效", "只能", "仅支持", "仅限于", "可以为", "可为", "可输入") {
		return
	}
	for _, loc := range inlineLeadRE.FindAllStringIndex(s, -1) {
		before := s[:loc[0]]
		values, rest := parseList(s[loc[1]:])
		if len(values) < 2 {
			if v := meaningList(s[loc[1]:]); v != nil {
				values, rest = v, ""
			}
		}
		if len(values) >= 2 && x.conditional(s, before, KeyEnum) || x.aboutOther(line, lineBefore(line, s, loc[0])) {
			continue
		}
		if len(values) < 2 || !listEnd(rest) || !x.typedEnum(values) {
			continue
		}
		x.add(Found{Keyword: KeyEnum, Enum: values, Sentence: s})
		x.itemDefaults(s[loc[1]:], s)
		return
	}
}

// meaningList reads "ingress表示入方向，egress表示出方向": every comma-
// separated piece a value and what it means.
func meaningList(s string) []string {
	var values []string
	for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == ',' }) {
		m := meaningItemRE.FindStringSubmatch(strings.TrimSpace(piece))
		if m == nil {
			return nil
		}
		values = append(values, m[1]+m[2])
	}
	if len(values) < 2 {
		return nil
	}
	return values
}

var meaningItemRE = regexp.MustCompile(`^(?:` + quotedValue + `|` + bareValue + `)\s*(?:表示|[：:])\s*\p{Han}`)

// itemDefaults reads "a（默认）、b" defaults inside an inline list.
func (x *extractor) itemDefaults(list, sentence string) {
	for _, m := range inlineDefaultRE.FindAllStringSubmatch(list, -1) {
		x.addDefault(m[1]+m[2], sentence)
	}
}

var inlineDefaultRE = regexp.MustCompile(`(?:` + quotedValue + `|` + bareValue + `)\s*[（(]默认值?[）)]`)

// lineBefore is the text of line before offset off of sentence s.
func lineBefore(line, s string, off int) string {
	if i := strings.Index(line, s); i >= 0 {
		return line[:i+off]
	}
	return s[:off]
}

func (x *extractor) constant(line, s string) {
	if !hasAny(s, "定值", "固定", "只能", "仅支持", "仅限于", "配置为", "必须为", "必须是", "取值：", "取值:") {
		return
	}
	loc := constantRE.FindStringIndex(s)
	if loc == nil {
		return
	}
	before := s[:loc[0]]
	if x.conditional(s, before, KeyEnum) || x.aboutOther(line, lineBefore(line, s, loc[0])) {
		return
	}
	// The subject must be the field: nothing, or a generic word, before.
	subject := strings.TrimSpace(lastClause(before))
	subject = strings.TrimPrefix(strings.TrimPrefix(subject, "当前"), "请将")
	for _, own := range []string{"的参数值", "的取值", "的值", "参数值"} {
		if strings.HasSuffix(subject, own) && strings.EqualFold(strings.TrimSuffix(subject, own), x.name) {
			subject = x.name
		}
	}
	subject = strings.TrimRight(subject, "的")
	switch strings.TrimPrefix(strings.TrimPrefix(subject, "约束："), "约束:") {
	case "此请求中", "该请求中", "本请求中", "此请求中值", "该请求中值", "本请求中值":
		subject = "值" // FunctionGraph's "此请求中值必须为stop": the field's value in this call
	}
	switch subject {
	case "", "该字段", "该参数", "此参数", "此字段", "参数值", "取值", "值", "该值", "该参数值", "取值范围", x.name:
	default:
		if !strings.EqualFold(subject, x.name) {
			return
		}
	}
	m := valueRE.FindStringSubmatch(s[loc[1]:])
	if m == nil {
		return
	}
	rest := strings.TrimSpace(s[loc[1]+len(m[0]):])
	if rest != "" && rest != "）" && rest != ")" {
		return
	}
	values := []string{m[1] + m[2]}
	cue := s[loc[0]:loc[1]]
	if formatWords[strings.ToLower(values[0])] && hasAny(cue, "必须", "只能") {
		return // 必须为UUID, 只能为JSON: the value's form, not the value (仅支持IPv4 is ethertype's one value)
	}
	if strings.HasPrefix(cue, "取值") && !strings.HasPrefix(cue, "取值固定") {
		if c := values[0][0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return // "取值：1-50": a range, which the range rules read
		}
	}
	if x.typedEnum(values) {
		x.add(Found{Keyword: KeyEnum, Enum: values, Sentence: s})
	}
}

// formatWords name a form or kind of value, which a sentence stating the
// field's one value may name instead (必须为UUID, 必须是IPv4, 只能为JSON).
var formatWords = map[string]bool{
	"uuid": true, "json": true, "xml": true, "yaml": true, "ipv4": true, "ipv6": true, "ip": true, "cidr": true,
	"mac": true, "base64": true, "ascii": true, "utf-8": true, "utf8": true, "url": true, "uri": true, "email": true,
	"iso8601": true, "hex": true, "md5": true, "sha256": true, "string": true, "integer": true, "int": true,
	"long": true, "number": true, "float": true, "double": true, "boolean": true, "bool": true, "array": true,
	"object": true, "list": true, "map": true, "date": true, "datetime": true, "timestamp": true,
}

// listItem is one list item read as its values and what they mean.
type listItem struct {
	line       string
	values     []string // one, or the alternatives of "true或block (…)"
	sep        string   // what joins value and meaning: "：", "表示", "（", " "…
	meaning    string
	quoted     bool // “true”：自动续订
	bare       bool // "- HTTP": a value and nothing else
	labelFirst bool // "启用：resume": the meaning before the value
}

var (
	// alternativesItemRE is an item giving two names of one value and
	// what it means in brackets: "true或block (执行删除流程…)".
	alternativesItemRE = regexp.MustCompile(`^(?:[-*]\s*)?(` + plainValue + `(?:\s*或\s*` + plainValue + `)+)\s*[（(]\s*(.*)$`)
	// labelFirstItemRE is an item whose Chinese label comes before the
	// value, and nothing after it: "启用：resume", "成功：success；".
	labelFirstItemRE = regexp.MustCompile(`^(?:[-*]\s*)?(\p{Han}[\p{Han}（）()、/]{0,15})\s*[：:]\s*(?:` + quotedValue + `|` + bareValue + `)\s*[。；;]?$`)
	// ownDefaultRE is a default an item states at its end: "默认为no。".
	ownDefaultRE = regexp.MustCompile(`默认值?(?:为|是)\s*[“"]?(` + plainValue + `)[”"]?\s*[。；;）)]?$`)
)

// namedMeaningRE is a meaning that names the value before it explains
// it: "-1：Terminated表示已终止的作业状态".
var namedMeaningRE = regexp.MustCompile(`^[A-Za-z][A-Za-z_]*表示\p{Han}`)

// plainValue is bareValue without its group.
const plainValue = `-?[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*`

// labelWords in a label before a value say it names a kind of statement
// ("最大长度：36", "默认值：10", "示例：abc"), not what the value means.
var labelWords = []string{"值", "长度", "范围", "默认", "最", "限", "格式", "例", "类型", "单位", "约束", "说明", "字符", "区间", "方法", "步骤", "注意", "参数", "字段", "名称", "取"}

// parseItem reads line as a list item that gives values; ok is false when
// it gives none.
func parseItem(line string, bareOK bool) (it listItem, ok bool) {
	it.line = line
	if q := quotedItemRE.FindStringSubmatch(line); q != nil {
		it.values, it.sep, it.meaning, it.quoted = []string{q[1]}, q[2], q[3], true
		return it, true
	}
	if a := alternativesItemRE.FindStringSubmatch(line); a != nil {
		for _, v := range strings.Split(a[1], "或") {
			it.values = append(it.values, strings.TrimSpace(v))
		}
		it.sep, it.meaning = "（", a[2]
		return it, true
	}
	if m := itemRE.FindStringSubmatch(line); m != nil {
		if m[3] == ":" && m[4] != "" && !hasCJK(m[4]) && !strings.HasPrefix(line[len(line)-len(m[4])-1:], " ") {
			return it, false // "iam:agencies:assume" is one value, not "iam" and its meaning
		}
		it.values, it.sep, it.meaning, it.quoted = []string{m[1] + m[2]}, m[3], m[4], m[1] != ""
		return it, true
	}
	if l := labelFirstItemRE.FindStringSubmatch(line); l != nil && !hasAny(l[1], labelWords...) {
		it.values, it.sep, it.meaning, it.quoted, it.labelFirst = []string{l[2] + l[3]}, "：", l[1], l[2] != "", true
		return it, true
	}
	if v := bareItem(line); v != "" && bareOK {
		it.values, it.sep, it.bare = []string{v}, "：", true
		return it, true
	}
	return it, false
}

// itemList reads the list items starting at line i+1 (led) or i (not led):
// it returns how many lines it took, or 0 when they do not make an enum.
func (x *extractor) itemList(i int, led bool) int {
	start := i
	if led {
		start = i + 1
	} else if i > 0 && isBullet(x.lines[i-1]) {
		return 0 // the list began above with an item that is no value
	}
	var items []listItem
	var values, lines []string
	var defaults []string
	allMean := true   // every meaning starts with 表示
	allQuoted := true // every value is quoted: “true”：自动续订
	labelFirst := 0   // items with the label before the value
	j := start
	for ; j < len(x.lines); j++ {
		line := x.lines[j]
		it, ok := parseItem(line, true)
		if !ok || it.sep != "：" && it.sep != ":" && !strings.Contains(it.sep, "表示") && !isCJKStart(it.meaning) {
			if isBullet(line) && j > start {
				if l := labelRE.FindStringSubmatch(line); l != nil && genericLabels[l[1]] {
					break // "- 约束：…" ends the list
				}
				return 0 // an item that is not a value: the list is not an enum
			}
			break
		}
		meaning := it.meaning
		if anotherItemRE.MatchString(meaning) {
			return 0
		}
		if !strings.Contains(it.sep, "表示") && !strings.HasPrefix(meaning, "表示") && !namedMeaningRE.MatchString(meaning) {
			allMean = false
		}
		if !it.quoted {
			allQuoted = false
		} else if strings.ContainsAny(it.values[0], ",，") {
			return 0 // “hss,hss-ent”: the field holds lists of values
		}
		if it.labelFirst {
			labelFirst++
		}
		items = append(items, it)
		values = append(values, it.values...)
		lines = append(lines, line)
		if defaultItemRE.MatchString(meaning) {
			defaults = append(defaults, it.values[0])
		} else if d := ownDefaultRE.FindStringSubmatch(meaning); d != nil && slices.Contains(it.values, d[1]) {
			defaults = append(defaults, d[1]) // "no：不强制删除伸缩组，默认为no。"
		}
	}
	if labelFirst > 0 && labelFirst < len(items) {
		return 0 // "启用：resume" and "resume：启用" in one list: not one form
	}
	// Without a lead line the items must look like values: each explained
	// with 表示, each quoted, or one of them the default the field states.
	// Or the description is a short title and the items, nothing else
	// ("任务状态。\n- 0：初始化\n- 1：等待调度…", "操作标识：\n- create：创建").
	valueLike := allMean || allQuoted || len(defaults) == 1 || x.defaultIn(values) || x.titledList(i, j, items)
	if len(values) < 1 || !led && (len(items) < 2 || !valueLike) || !x.typedEnum(values) {
		if x.typ == model.TypeBoolean && len(values) > 0 && len(defaults) == 1 && (led || allMean) {
			x.addDefault(defaults[0], lines[indexOfItem(items, defaults[0])])
		}
		return 0
	}
	sentence := strings.Join(lines, "\n")
	if led {
		sentence = x.lines[i] + "\n" + sentence
	}
	x.add(Found{Keyword: KeyEnum, Enum: values, Sentence: sentence})
	if len(defaults) == 1 {
		x.addDefault(defaults[0], lines[indexOfItem(items, defaults[0])])
	}
	return j - i
}

// indexOfItem is the index of the item that gives value v.
func indexOfItem(items []listItem, v string) int {
	for i, it := range items {
		if slices.Contains(it.values, v) {
			return i
		}
	}
	return 0
}

// openListWords in a list's title say the list gives some values only.
var openListWords = []string{"例如", "比如", "如：", "示例", "样例", "不限于", "部分", "常见", "常用", "目前", "当前", "等", "包括"}

// memberWords in an item's further sentences say what a member is like
// ("- key：键。最大长度36个字符。"): the items are an object's members, not
// values.
var memberWords = []string{"长度", "字符", "取值", "格式", "必填", "必选", "最大", "最小", "不超过", "不能超过", "类型为", "数据类型"}

// remarkRE is a bracketed remark: "（区分大小写）", "（跨租户可用）".
var remarkRE = regexp.MustCompile(`[（(][^（）()]*[）)]`)

// titledList reports items from line i to the description's end, below
// one short title line ("API的请求协议", "操作标识（区分大小写）：", "SQL的
// 执行状态。"), each a value alone or with a short meaning of its own, which
// may go on in sentences that do not describe a member.
func (x *extractor) titledList(i, j int, items []listItem) bool {
	title := x.lines[0]
	bareTitle := strings.TrimSpace(remarkRE.ReplaceAllString(title, ""))
	if i != 1 || j != len(x.lines) && !x.noteAfter(j) || utf8.RuneCountInString(title) > 16 || strings.ContainsAny(title, "，,") ||
		!strings.HasSuffix(bareTitle, "。") && !strings.HasSuffix(bareTitle, "：") && strings.ContainsAny(bareTitle, "。：:；;") {
		// "事件ID，目前已有事件ID如下。": a list that may grow.
		return false
	}
	for _, w := range openListWords {
		if strings.Contains(title, w) {
			return false // "区域。例如：", "包括但不限于：": some of the values, not all
		}
	}
	for _, it := range items {
		if it.bare {
			continue
		}
		if it.sep != "：" || len(it.values) != 1 {
			return false
		}
		first, more, _ := strings.Cut(it.meaning, "。")
		first = remarkRE.ReplaceAllString(first, "")
		if strings.TrimRight(first, "；;") == "" || utf8.RuneCountInString(first) > 12 || strings.ContainsAny(strings.TrimRight(first, "；;"), "，,。；;：:") ||
			hasAny(more+strings.Join(remarkRE.FindAllString(it.meaning, -1), ""), memberWords...) {
			return false
		}
	}
	return true
}

// noteAfter reports a note from line j to the end ("说明：\n默认返回SUCCEED…")
// that does not say there are other values.
func (x *extractor) noteAfter(j int) bool {
	if l := strings.TrimRight(x.lines[j], "：:"); l != "说明" && l != "注意" {
		return false
	}
	return !hasAny(strings.Join(x.lines[j+1:], "\n"), append(openListWords, "其他", "其它", "更多", "参考", "参见", "以外", "之外", "还", "另")...)
}

// defaultIn reports whether the default the description states is one of
// values.
func (x *extractor) defaultIn(values []string) bool {
	for _, f := range x.found {
		if f.Keyword == KeyDefault && !x.bad[KeyDefault] && containsValue(values, f.Default) {
			return true
		}
	}
	return false
}

// bareItem is the value of a list item that is only a value: "- vpc".
func bareItem(line string) string {
	item := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "- "), "* "))
	item = strings.TrimRight(item, "。；;，,")
	if m := valueRE.FindStringSubmatch(item); m != nil && len(m[0]) == len(item) {
		return m[1] + m[2]
	}
	return ""
}

func indexOf(s []string, v string) int {
	for i, e := range s {
		if e == v {
			return i
		}
	}
	return 0
}

func isBullet(line string) bool {
	return strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ")
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x3400 {
			return true
		}
	}
	return false
}

func isCJKStart(s string) bool {
	r, _ := firstRune(s)
	return r >= 0x3400
}

// --- lengths ---

const num = `(\d+)`

var (
	// lengthRangeRE: "长度1~64个字符", "0-255个字符", "长度为[1,64]".
	lengthRangeRE = regexp.MustCompile(`(长度)?(?:范围)?(?:为|是|在)?\s*[：:]?\s*[“"\[［]?\s*` + num + `\s*(?:[~～\-－—至到]|[,，]\s*)\s*` + num + `\s*[”"\]］]?\s*(?:之间)?\s*(个)?\s*(?:unicode|Unicode|UNICODE|英文)?\s*(字符|位|字节|)`)
	maxLengthRE   = regexp.MustCompile(`(最大长度|长度最大|长度上限|最长|长度不超过|长度不能超过|长度不大于|长度小于等于|长度最多|长度最大为|不超过|不能超过|不大于|至多|最多)(?:为|是|不超过|不能超过|不大于|支持)?\s*[：:]?\s*` + num + `\s*(个)?\s*(?:unicode|Unicode|UNICODE|英文|中文)?\s*(字符|字节|位|字|)`)
	minLengthRE   = regexp.MustCompile(`(最小长度|长度最小|长度不小于|长度不能小于|长度至少|至少)(?:为|是)?\s*[：:]?\s*` + num + `\s*(个)?\s*(?:unicode|Unicode|UNICODE|英文)?\s*(字符|位|字|)`)
	exactLengthRE = regexp.MustCompile(`长度(?:为|是|固定为|必须为)\s*` + num + `\s*(个)?\s*(?:unicode|Unicode|UNICODE|英文)?\s*(字符|位|字节|)`)
)

func (x *extractor) lengths() {
	if x.typ == model.TypeString {
		x.eachSentence(x.lengthSentence)
	}
}

// eachSentence calls f with each sentence of the description and its line,
// with x.context set to the line's lead-in.
func (x *extractor) eachSentence(f func(line, s string)) {
	defer func() { x.context = "" }()
	for i, line := range x.lines {
		x.context = x.leadOf(i)
		for _, s := range sentences(line) {
			f(line, s)
		}
	}
}

func (x *extractor) lengthSentence(line, s string) {
	if !strings.ContainsAny(s, "0123456789") || !hasAny(s, "长", "字", "位", "不超过", "不能超过", "不大于", "至多", "最多", "至少") {
		return
	}
	ok := func(loc []int) bool {
		return !x.conditional(s, s[:loc[0]], KeyMinLength, KeyMaxLength) && !x.aboutOther(line, lineBefore(line, s, loc[0])) &&
			!x.otherCaseAfter(s[loc[1]:], KeyMinLength, KeyMaxLength) && unitFollows(s[loc[1]:]) && !x.perPart(s[:loc[0]])
	}
	if m := lengthRangeRE.FindStringSubmatchIndex(s); m != nil && ok(m[:2]) {
		hasLength := m[2] >= 0
		unit := s[m[10]:m[11]]
		if unit == "字符" || hasLength && (unit == "位" || unit == "") || unit == "字节" {
			lo, _ := strconv.Atoi(s[m[4]:m[5]])
			hi, _ := strconv.Atoi(s[m[6]:m[7]])
			if lo <= hi {
				if unit != "字节" && lo > 0 {
					x.add(Found{Keyword: KeyMinLength, Number: float64(lo), Sentence: s})
				}
				x.add(Found{Keyword: KeyMaxLength, Number: float64(hi), Sentence: s})
				return
			}
			// "长度为32，16进制字符": no range (32 > 16), maybe an exact length.
		}
	}
	if m := maxLengthRE.FindStringSubmatchIndex(s); m != nil && ok(m[:2]) {
		keyword, unit := s[m[2]:m[3]], s[m[8]:m[9]]
		if unit == "字符" || unit == "字" || unit == "字节" || strings.Contains(keyword, "长") && (unit == "" || unit == "位") {
			n, _ := strconv.Atoi(s[m[4]:m[5]])
			x.add(Found{Keyword: KeyMaxLength, Number: float64(n), Sentence: s})
		}
	}
	if m := minLengthRE.FindStringSubmatchIndex(s); m != nil && ok(m[:2]) {
		keyword, unit := s[m[2]:m[3]], s[m[8]:m[9]]
		if unit == "字符" || unit == "字" || strings.Contains(keyword, "长") && (unit == "" || unit == "位") {
			n, _ := strconv.Atoi(s[m[4]:m[5]])
			if n > 0 {
				x.add(Found{Keyword: KeyMinLength, Number: float64(n), Sentence: s})
			}
		}
	}
	if m := exactLengthRE.FindStringSubmatchIndex(s); m != nil && !boundedBefore(s[:m[0]]) && !rangeFollows(s[m[1]:]) && ok(m[:2]) {
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		if s[m[6]:m[7]] != "字节" && n > 0 {
			x.add(Found{Keyword: KeyMinLength, Number: float64(n), Sentence: s})
		}
		x.add(Found{Keyword: KeyMaxLength, Number: float64(n), Sentence: s})
	}
}

// rangeFollows reports text that goes on to a range's upper end ("长度为8"
// in "长度为8到32位的字符串"): the number was its lower end, no exact
// length.
func rangeFollows(rest string) bool {
	rest = strings.TrimSpace(rest)
	for _, sep := range []string{"~", "～", "-", "－", "—", "至", "到"} { // not a comma: "长度为32，16进制字符"
		if after, ok := strings.CutPrefix(rest, sep); ok {
			return strings.IndexFunc(strings.TrimSpace(after), func(r rune) bool { return r < '0' || r > '9' }) != 0
		}
	}
	return false
}

// boundedBefore reports "最大" or "最小" just before "长度为": a bound,
// not an exact length.
func boundedBefore(s string) bool {
	for _, w := range []string{"最大", "最小", "最长", "最短", "上限", "下限"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// unitFollows reports whether what follows a length or number ends the
// statement rather than qualifying it ("32K", "1~30000或“-1”", "个key").
func unitFollows(rest string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return true
	}
	for _, p := range []string{"，", ",", "、", "。", "；", ";", "）", ")", "（", "(", "之间", "的整数", "的数字", "的正整数", "整数", "闭区间", "默认", "以内", "内", "的字符串", "的字符"} {
		if strings.HasPrefix(rest, p) {
			return p != "、"
		}
	}
	r, _ := firstRune(rest)
	return r >= 0x3400 && !unitStart(rest) && !strings.HasPrefix(rest, "或") && !strings.HasPrefix(rest, "和") && !strings.HasPrefix(rest, "的")
}

// --- numeric ranges ---

const number = `(-?\d+(?:\.\d+)?)`

var (
	rangeLead   = `(?:(?:取值范围|范围|取值区间|有效值|值域|有效范围)(?:是|为|在)?\s*[：:]?|取值(?:为|是|在|：|:)|^约束[：:])\s*`
	rangeRE     = regexp.MustCompile(rangeLead + `[“"]?` + number + `\s*[~～\-－—至到]\s*` + number + `[”"]?`)
	openRangeRE = regexp.MustCompile(rangeLead + number + `\s*[~～\-－—至到]\s*(?:intmax|Integer\.MAX_VALUE|Integer最大值|int最大值|\+?∞)`)
	intervalRE  = regexp.MustCompile(rangeLead + `[\[［【]\s*` + number + `\s*[,，]\s*` + number + `\s*[\]］】]`)
	minimumRE   = regexp.MustCompile(`(?:最小值|最小取值|最小)(?:为|是)?\s*[：:]?\s*` + number + `|(?:大于等于|大于或等于|不小于|不能小于|≥|>=)\s*` + number)
	maximumRE   = regexp.MustCompile(`(?:最大值|最大取值|最大)(?:为|是)?\s*[：:]?\s*` + number + `|(?:小于等于|小于或等于|不大于|不能大于|不超过|不能超过|≤|<=)\s*` + number)
)

// rangeWordRE finds where a sentence speaks of a range at all.
var rangeWordRE = regexp.MustCompile(`取值范围|范围|最大值|最小值`)

// units are the unit words a number may carry; a range in one of them
// counts only when the field says it is measured in it.
var units = []string{"毫秒", "秒", "分钟", "小时", "天", "周", "月", "年", "GB", "MB", "KB", "TB", "G", "M", "K", "%", "次", "个", "位", "bit", "字节", "字符", "Mbit/s", "Mbps", "kbps", "B"}

func unitStart(rest string) bool {
	for _, u := range units {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return false
}

func (x *extractor) ranges() {
	if x.typ == model.TypeInteger || x.typ == model.TypeNumber {
		x.eachSentence(x.rangeSentence)
	}
}

func (x *extractor) numberOK(line, s string, loc []int) bool {
	if x.conditional(s, s[:loc[0]], KeyMinimum, KeyMaximum) || x.aboutOther(line, lineBefore(line, s, loc[0])) ||
		x.otherCaseAfter(s[loc[1]:], KeyMinimum, KeyMaximum) {
		return false
	}
	rest := strings.TrimSpace(s[loc[1]:])
	if unitStart(rest) {
		return x.measuredIn(rest)
	}
	return unitFollows(rest)
}

// measuredIn reports whether the description says the field's unit is the
// one rest starts with ("单位为秒", "单位：GB").
func (x *extractor) measuredIn(rest string) bool {
	unit := ""
	for _, u := range units {
		if strings.HasPrefix(rest, u) && len(u) > len(unit) {
			unit = u
		}
	}
	if after := strings.TrimSpace(rest[len(unit):]); after != "" && !unitFollows(after) {
		return false
	}
	desc := strings.Join(x.lines, "\n")
	for _, p := range []string{"单位为", "单位是", "单位：", "单位:", "单位为：", "单位"} {
		for _, q := range []string{"", "“", "\""} {
			if strings.Contains(desc, p+q+unit) {
				return true
			}
		}
	}
	return false
}

func (x *extractor) rangeSentence(line, s string) {
	// A range stated for some case only ("如果协议是icmp类型，取值范围…")
	// means the field's other ranges do not hold in that case.
	for _, loc := range rangeWordRE.FindAllStringIndex(s, -1) {
		x.conditional(s, s[:loc[0]], KeyMinimum, KeyMaximum)
	}
	if !strings.ContainsAny(s, "0123456789") {
		return
	}
	matched := false
	for _, re := range []*regexp.Regexp{rangeRE, intervalRE} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if !x.numberOK(line, s, m[:2]) {
				continue
			}
			lo, hi, ok := x.bounds(s[m[2]:m[3]], s[m[4]:m[5]])
			if ok && lo <= hi {
				x.add(Found{Keyword: KeyMinimum, Number: lo, Sentence: s})
				x.add(Found{Keyword: KeyMaximum, Number: hi, Sentence: s})
			}
			matched = true
		}
	}
	if m := openRangeRE.FindStringSubmatchIndex(s); !matched && m != nil && x.numberOK(line, s, m[:2]) {
		if v, ok := x.parseNumber(s[m[2]:m[3]]); ok {
			x.add(Found{Keyword: KeyMinimum, Number: v, Sentence: s})
		}
		matched = true
	}
	if matched {
		return
	}
	if m := minimumRE.FindStringSubmatchIndex(s); m != nil && x.numberOK(line, s, m[:2]) {
		if v, ok := x.bound(s, m); ok {
			x.add(Found{Keyword: KeyMinimum, Number: v, Sentence: s})
		}
	}
	if m := maximumRE.FindStringSubmatchIndex(s); m != nil && x.numberOK(line, s, m[:2]) {
		if v, ok := x.bound(s, m); ok {
			x.add(Found{Keyword: KeyMaximum, Number: v, Sentence: s})
		}
	}
}

func (x *extractor) bound(s string, m []int) (float64, bool) {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			v, ok := x.parseNumber(s[m[g]:m[g+1]])
			return v, ok
		}
	}
	return 0, false
}

func (x *extractor) bounds(a, b string) (float64, float64, bool) {
	lo, ok1 := x.parseNumber(a)
	hi, ok2 := x.parseNumber(b)
	return lo, hi, ok1 && ok2
}

func (x *extractor) parseNumber(s string) (float64, bool) {
	if x.typ == model.TypeInteger {
		n, err := strconv.ParseInt(s, 10, 64)
		return float64(n), err == nil
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// --- defaults ---

// spacedValueRE is a quoted value with spaces in it.
var spacedValueRE = regexp.MustCompile(`^[“"]([A-Za-z0-9_.\-]+(?: [A-Za-z0-9_.\-]+)+)[”"]()`)

var defaultRE = regexp.MustCompile(`(?:默认|缺省)(?:值)?(?:为|是|：|:)+\s*|(?:默认|缺省)值\s*`)

func (x *extractor) defaults() { x.eachSentence(x.defaultSentence) }

func (x *extractor) defaultSentence(line, s string) {
	if !hasAny(s, "默认", "缺省") {
		return
	}
	for _, loc := range defaultRE.FindAllStringIndex(s, -1) {
		if x.conditional(s, s[:loc[0]], KeyDefault) || x.aboutOther(line, lineBefore(line, s, loc[0])) {
			continue
		}
		rest := s[loc[1]:]
		m := valueRE.FindStringSubmatch(rest)
		if m == nil {
			m = spacedValueRE.FindStringSubmatch(rest) // “PASCAL VOC”
		}
		if m == nil {
			continue
		}
		after := strings.TrimSpace(rest[len(m[0]):])
		if after != "" && !strings.HasPrefix(after, "，") && !strings.HasPrefix(after, ",") &&
			!strings.HasPrefix(after, "（") && !strings.HasPrefix(after, "(") &&
			!strings.HasPrefix(after, "）") && !strings.HasPrefix(after, ")") &&
			!strings.HasPrefix(after, "：") && !strings.HasPrefix(after, ":") {
			continue
		}
		// Every default a sentence states counts: two different
		// ones ("对称密钥默认为A，非对称密钥默认为B") cancel out.
		x.addDefault(m[1]+m[2], s)
	}
}

// addDefault types a default by the field's type; a value that does not
// fit is no default.
func (x *extractor) addDefault(text, sentence string) {
	var v any
	switch x.typ {
	case model.TypeBoolean:
		lower := strings.ToLower(text)
		if lower != "true" && lower != "false" {
			return
		}
		b := lower == "true"
		v = b
	case model.TypeInteger:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return
		}
		v = n
	case model.TypeNumber:
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return
		}
		v = f
	default:
		switch strings.ToLower(text) {
		case "null", "none", "nil", "n/a":
			return // no value, not a default one
		}
		v = text
	}
	x.add(Found{Keyword: KeyDefault, Default: v, Sentence: sentence})
}

// Summary writes found keywords in one line, "enum=a|b; maxLength=36", or
// "-" for none: the form the hand-checked list states expectations in.
func Summary(found []Found) string {
	if len(found) == 0 {
		return "-"
	}
	parts := make([]string, 0, len(found))
	for _, f := range found {
		var v string
		switch f.Keyword {
		case KeyEnum:
			v = strings.Join(f.Enum, "|")
		case KeyDefault:
			v = formatValue(f.Default)
		default:
			v = strconv.FormatFloat(f.Number, 'g', -1, 64)
		}
		parts = append(parts, f.Keyword+"="+v)
	}
	return strings.Join(parts, "; ")
}

// ItemTypeOfColumn is the item type of an array of primitives in a page's
// type column ("Array of strings", "List<String>", "String[]"), or "".
func ItemTypeOfColumn(text string) string {
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	switch {
	case strings.HasPrefix(lower, "array of "):
		t = strings.TrimSuffix(t[len("array of "):], "s")
	case (strings.HasPrefix(lower, "list<") || strings.HasPrefix(lower, "array<")) && strings.HasSuffix(t, ">"):
		t = t[strings.IndexByte(t, '<')+1 : len(t)-1]
	case strings.HasSuffix(t, "[]"):
		t = strings.TrimSuffix(t, "[]")
	default:
		return ""
	}
	return TypeOfColumn(t)
}

// TypeOfColumn maps the type words of a page's type column to a model type,
// for callers (tests, tools) that have only the page's text.
func TypeOfColumn(text string) string {
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(text), "。."))
	switch t {
	case "string", "str":
		return model.TypeString
	case "integer", "int", "int32", "int64", "long", "short":
		return model.TypeInteger
	case "number", "double", "float", "bigdecimal":
		return model.TypeNumber
	case "boolean", "bool":
		return model.TypeBoolean
	}
	return ""
}
