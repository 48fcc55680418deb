package huawei

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// refKind says what a 参数类型 cell names.
type refKind int

const (
	refPrim      refKind = iota + 1
	refArray             // elem is the item type; nil when the cell names none ("Array", "列表数据结构")
	refObject            // fields in another table (named, label or a link say which), or none
	refMap               // Map<String,X>: elem is the value type; nil when any value goes
	refTimestamp         // integer epoch or date-time string: the description and example decide
	refEnum              // "enum": one of some values of a type the cell does not name; the example decides
)

// typeRef is a parsed 参数类型 cell.
type typeRef struct {
	kind      refKind
	prim      [2]string // refPrim: type and format
	maxLength int       // refPrim: String(255)
	elem      *typeRef
	// named is the object type the cell names: "Tag" in "Array of Tag
	// objects", "params" in "params结构数组".
	named string
	// label is a table the cell names by its label: "表3" in
	// "字典数据结构，请参见表3。" or "List of 表6".
	label string
	// dict marks 字典数据结构: an object whose fields a table gives, or
	// else a map of any values.
	dict bool
	// see is the table a type of plain values points at for their
	// structure: "表5" in "list(string),数据结构参见(表5 spans字段数据结构说明)",
	// where each string holds what 表5 describes.
	see string
	// object and array summarise the type for callers that only ask
	// whether a row's value lives in another table: object is set for an
	// object, or an array or map of them; array for an array.
	object, array bool
}

// primitives maps the lower-cased type words the pages use to schemas.
// Integers are int64 and numbers double whatever word the page uses
// ("Integer", "Float"): the words are the vendor's Java types, and the
// values are not bound by them (an "Integer" epoch in milliseconds, a
// "Float" one), so a narrower Go type would refuse or round real answers.
// Only an explicit int32 stays int32.
var primitives = map[string][2]string{
	"string": {model.TypeString, ""}, "strings": {model.TypeString, ""},
	"integer": {model.TypeInteger, "int64"}, "integers": {model.TypeInteger, "int64"}, "int": {model.TypeInteger, "int64"}, "int32": {model.TypeInteger, "int32"},
	"short": {model.TypeInteger, "int64"}, "byte": {model.TypeInteger, "int64"},
	"long": {model.TypeInteger, "int64"}, "longs": {model.TypeInteger, "int64"}, "int64": {model.TypeInteger, "int64"},
	"number": {model.TypeNumber, "double"}, "numbers": {model.TypeNumber, "double"}, "bigdecimal": {model.TypeNumber, "double"},
	"float": {model.TypeNumber, "double"}, "double": {model.TypeNumber, "double"},
	"boolean": {model.TypeBoolean, ""}, "booleans": {model.TypeBoolean, ""}, "bool": {model.TypeBoolean, ""},
	// "Uuid-Str": a UUID written as text; no format, as the pages' UUIDs are
	// not always RFC 4122 strings (32 hex digits without dashes).
	"uuid-str": {model.TypeString, ""}, "uuid": {model.TypeString, ""},
	// "jsonString": a string that holds JSON text.
	"jsonstring": {model.TypeString, ""},
	// The Chinese words (AOM, CPH, OCR): 字符串, 数值类型, 整数, 布尔.
	"字符串": {model.TypeString, ""}, "字符": {model.TypeString, ""}, "字符型": {model.TypeString, ""},
	"整数": {model.TypeInteger, "int64"}, "整型": {model.TypeInteger, "int64"}, "长整型": {model.TypeInteger, "int64"},
	"数值": {model.TypeNumber, "double"}, "数值类型": {model.TypeNumber, "double"}, "数字": {model.TypeNumber, "double"},
	"浮点": {model.TypeNumber, "double"}, "浮点型": {model.TypeNumber, "double"}, "浮点数": {model.TypeNumber, "double"},
	"布尔": {model.TypeBoolean, ""}, "布尔型": {model.TypeBoolean, ""}, "布尔值": {model.TypeBoolean, ""},
}

// primitive looks word up in primitives. It lower-cases ASCII letters into
// a stack buffer instead of calling strings.ToLower, which allocates for
// "String", the most common cell of all. That is the same lookup: every
// key is ASCII without a "k" or Chinese (which has no case), and
// strings.ToLower turns a non-ASCII rune into an ASCII one only for the
// Kelvin sign (into "k").
func primitive(word string) ([2]string, bool) {
	word = strings.TrimSpace(word)
	var buf [16]byte
	if len(word) > len(buf) {
		return [2]string{}, false // longer than any key
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	p, ok := primitives[string(buf[:len(word)])]
	return p, ok
}

// maxTypeDepth bounds the nesting of Map<String,Array<...>> a cell may
// spell; hostile input gets a warning, not a deep recursion.
const maxTypeDepth = 8

// readType reads a type cell; ok is false for a spelling the reader does
// not know, which the caller reports rather than guesses at.
func readType(text string) (typeRef, bool) {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, "\n\t\r") || strings.Contains(t, "  ") {
		t = strings.Join(strings.Fields(t), " ")
	}
	if p, ok := primitive(t); ok { // the common case first
		return typeRef{kind: refPrim, prim: p}, true
	}
	// "String。", "Int.": a sentence's full stop after the type.
	t = strings.TrimRight(t, "。.；; ")
	t = stripFootnote(t) // "List<resource_tag>[1]"
	if strings.EqualFold(t, "enum") {
		// Only a whole cell: "List<enum>" would need the example's items.
		return typeRef{kind: refEnum}, true
	}
	ref, ok := parseRef(t, 0)
	if !ok {
		if ref, ok = seeRef(t); !ok {
			return typeRef{}, false
		}
	}
	ref.summarise()
	return ref, true
}

// seeRef reads a type followed by a pointer to the one table describing
// it: "list(string),数据结构参见(表5 spans字段数据结构说明)", "Object，详见表3".
// An object type takes the table as its label; a type of plain values
// keeps its type and records the table in see.
func seeRef(t string) (typeRef, bool) {
	var head, label string
	if i := strings.IndexAny(t, ",，"); i > 0 {
		var ok bool
		head = t[:i]
		if label, ok = seeLabel(strings.TrimLeft(t[i:], ",， ")); !ok {
			return typeRef{}, false
		}
	} else if i := strings.LastIndexByte(t, ' '); i > 0 && strings.HasPrefix(t[i+1:], "表") && tableLabel(t[i+1:]) == strings.ReplaceAll(t[i+1:], " ", "") {
		// "[]FinalizerName" and a link "表5" on the next line of the cell.
		head, label = t[:i], tableLabel(t[i+1:])
	} else {
		return typeRef{}, false
	}
	ref, ok := parseRef(head, 0)
	if !ok {
		return typeRef{}, false
	}
	leaf := &ref
	for leaf.elem != nil {
		leaf = leaf.elem
	}
	switch {
	case leaf.kind == refObject && leaf.label == "":
		leaf.label = label // "Object，详见表3", "[]FinalizerName 表5"
	case ref.kind == refArray && ref.elem == nil:
		ref.elem = &typeRef{kind: refObject, label: label}
	case leaf.kind == refPrim:
		ref.see = label
	default:
		return typeRef{}, false
	}
	return ref, true
}

// seePrefixes open a phrase pointing at a table: 数据结构参见, 详见, 请参见.
var seePrefixes = []string{"数据结构参见", "数据结构详见", "数据结构请参见", "具体请参见", "详情请参见", "请参见", "参见", "详见", "见"}

// seeLabel reads a phrase pointing at one table ("数据结构参见(表5 spans字段
// 数据结构说明)", "详见表3。") and returns its label; ok is false for any
// other text, and for a phrase naming several tables.
func seeLabel(s string) (string, bool) {
	s = strings.Trim(s, "。.；; ")
	for _, p := range seePrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			rest = strings.Trim(rest, "()（）:： ")
			if !strings.HasPrefix(rest, "表") || strings.Count(rest, "表") != 1 {
				return "", false
			}
			label := tableLabel(rest)
			return label, label != ""
		}
	}
	return "", false
}

func (ref *typeRef) summarise() {
	ref.array = ref.kind == refArray
	for r := ref; r != nil; r = r.elem {
		if r.kind == refObject {
			ref.object = true
		}
	}
}

// leaf is the innermost type of an array or map: the one a table may describe.
func (ref typeRef) leaf() typeRef {
	for ref.elem != nil {
		ref = *ref.elem
	}
	return ref
}

// primitiveUnion reads a type cell naming several kinds of plain value,
// "Integer or String or Float or Boolean", "integers/string/float/boolean"
// after "Array of": array says it was the elements' type, file that the
// kinds are a string and binary ("String or Binary"). A union of numbers
// alone is a number (parseRef reads it).
func primitiveUnion(t string) (array, file, ok bool) {
	t = strings.TrimSpace(t)
	if rest, cut := cutFoldPrefix(t, "array of "); cut {
		t, array = rest, true
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(t, " or ", "/"), " OR ", "/"), func(r rune) bool { return r == '/' || r == '|' || r == '或' })
	if len(parts) < 2 || len(parts) > 8 {
		return false, false, false
	}
	file = true
	binary := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		isBinary := strings.EqualFold(p, "binary")
		binary = binary || isBinary
		file = file && (isBinary || strings.EqualFold(p, "string"))
		if _, known := primitive(p); !known && !isBinary {
			if _, known = primitive(strings.TrimSuffix(p, "s")); !known {
				return false, false, false
			}
		}
	}
	return array, file && binary, true
}

func cutFoldPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// tableNamedTypeRE reads a type cell that is only a name, perhaps of an
// array's elements: "result", "Array of object members".
var tableNamedTypeRE = regexp.MustCompile(`^(?i:(array|list)\s+of\s+(?:objects?\s+)?)?([A-Za-z_][A-Za-z0-9_]*)(?i:\s+objects?)?$`)

// tableNamedType reads a type cell no type word fits as the name of an
// object (or an array of them), for a table of that name to describe.
func tableNamedType(t string) (typeRef, bool) {
	m := tableNamedTypeRE.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return typeRef{}, false
	}
	obj := typeRef{kind: refObject, named: m[2], object: true}
	if m[1] == "" {
		return obj, true
	}
	return typeRef{kind: refArray, elem: &obj, object: true, array: true}, true
}

func parseRef(t string, depth int) (typeRef, bool) {
	t = strings.TrimSpace(t)
	if t == "" || depth > maxTypeDepth {
		return typeRef{}, false
	}
	if p, ok := primitive(t); ok {
		return typeRef{kind: refPrim, prim: p}, true
	}
	lower := strings.ToLower(t)
	switch lower {
	case "object", "dict", "json", "json object", "jsonobject":
		return typeRef{kind: refObject}, true
	case "map", "hashmap": // keys and values of any kind
		return typeRef{kind: refMap}, true
	case "array", "list", "json array", "jsonarray":
		return typeRef{kind: refArray}, true
	case "timestamp", "时间戳", "unix时间戳", "unix timestamp":
		return typeRef{kind: refTimestamp}, true
	case "objects": // a plural without "Array of": a list of them
		return typeRef{kind: refArray, elem: &typeRef{kind: refObject}}, true
	}
	array := func(elem typeRef, ok bool) (typeRef, bool) {
		if !ok {
			return typeRef{}, false
		}
		return typeRef{kind: refArray, elem: &elem}, true
	}
	switch {
	case strings.HasPrefix(t, "*"): // *String: a Go pointer, the same value
		return parseRef(t[1:], depth+1)
	case strings.HasPrefix(t, "[]"):
		return array(parseElem(t[2:], depth+1))
	case strings.HasSuffix(t, "[]"):
		return array(parseElem(t[:len(t)-2], depth+1))
	case strings.HasSuffix(lower, "array") && len(t) > len("array"):
		// StringArray, JSONArray with a space gone
		if p, ok := primitive(t[:len(t)-len("array")]); ok {
			return typeRef{kind: refArray, elem: &typeRef{kind: refPrim, prim: p}}, true
		}
	}
	if head, args, ok := generic(t, '<', '>'); ok {
		return genericRef(strings.ToLower(head), args, depth)
	}
	if head, args, ok := generic(t, '(', ')'); ok {
		h := strings.ToLower(head)
		if p, ok := primitive(head); ok && p[0] == model.TypeString && len(args) == 1 {
			// String(255): the most characters the value may have.
			if n, err := strconv.Atoi(strings.TrimSpace(args[0])); err == nil && n > 0 {
				return typeRef{kind: refPrim, prim: p, maxLength: n}, true
			}
			return typeRef{}, false
		}
		if h == "list" || h == "array" {
			return genericRef(h, args, depth) // List(Dict)
		}
		return typeRef{}, false
	}
	words := strings.Fields(t)
	last := strings.ToLower(words[len(words)-1])
	if len(words) >= 3 && (strings.EqualFold(words[0], "array") || strings.EqualFold(words[0], "list")) && strings.EqualFold(words[1], "of") {
		// "Array of Tag objects", "Array of objects", "Array of strings", "List of 表6".
		inner := words[2:]
		if last == "objects" || last == "object" {
			named := strings.Join(inner[:len(inner)-1], " ")
			return typeRef{kind: refArray, elem: &typeRef{kind: refObject, named: named}}, true
		}
		return array(parseElem(strings.Join(inner, " "), depth+1))
	}
	if len(words) == 2 && (strings.EqualFold(words[0], "array") || strings.EqualFold(words[0], "list")) {
		return array(parseElem(words[1], depth+1)) // OBS's "Array GraphItem": "of" left out
	}
	if len(words) >= 2 && (last == "object" || last == "objects") { // "Secret object"
		return typeRef{kind: refObject, named: strings.Join(words[:len(words)-1], " ")}, true
	}
	if len(words) == 3 && strings.EqualFold(words[1], "or") {
		// "Integer or Float": a number either way; other unions are not read.
		a, okA := primitive(words[0])
		b, okB := primitive(words[2])
		if okA && okB && isNumeric(a[0]) && isNumeric(b[0]) {
			if a == b {
				return typeRef{kind: refPrim, prim: a}, true
			}
			return typeRef{kind: refPrim, prim: [2]string{model.TypeNumber, "double"}}, true
		}
		return typeRef{}, false
	}
	return chineseRef(t, depth)
}

func isNumeric(typ string) bool { return typ == model.TypeInteger || typ == model.TypeNumber }

// genericRef reads Array<X>, List<X>, Set<X> and Map<String,X>.
func genericRef(head string, args []string, depth int) (typeRef, bool) {
	switch head {
	case "array", "list", "set", "json array":
		if len(args) != 1 {
			return typeRef{}, false
		}
		elem, ok := parseElem(args[0], depth+1)
		if !ok {
			return typeRef{}, false
		}
		return typeRef{kind: refArray, elem: &elem}, true
	case "map", "dict", "hashmap":
		if len(args) != 2 {
			return typeRef{}, false
		}
		if k, ok := primitive(args[0]); !ok || k[0] != model.TypeString {
			return typeRef{}, false // JSON object keys are strings
		}
		elem, ok := parseElem(args[1], depth+1)
		if !ok {
			return typeRef{}, false
		}
		return typeRef{kind: refMap, elem: &elem}, true
	}
	return typeRef{}, false
}

// generic splits "Map<String,Array<String>>" into "Map" and its top-level
// arguments ["String", "Array<String>"]; ok is false unless t is one such
// term from its first open bracket to its last character.
func generic(t string, open, close byte) (head string, args []string, ok bool) {
	i := strings.IndexByte(t, open)
	if i <= 0 || t[len(t)-1] != close {
		return "", nil, false
	}
	head = strings.TrimSpace(t[:i])
	depth, start := 0, i+1
	for j := i; j < len(t); j++ {
		switch t[j] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 && j != len(t)-1 {
				return "", nil, false // "List<A>B>"
			}
		case ',':
			if depth == 1 {
				args = append(args, t[start:j])
				start = j + 1
			}
		}
	}
	if depth != 0 {
		return "", nil, false
	}
	return head, append(args, t[start:len(t)-1]), true
}

// parseElem reads an array's item or a map's value type: a known type, or
// an identifier or table label naming the object table that describes it.
func parseElem(t string, depth int) (typeRef, bool) {
	t = strings.TrimSpace(t)
	if depth > maxTypeDepth {
		return typeRef{}, false
	}
	if ref, ok := parseRef(t, depth); ok {
		return ref, true
	}
	if identRE.MatchString(t) {
		return typeRef{kind: refObject, named: t}, true
	}
	return typeRef{}, false
}

// Chinese spellings: "params结构数组", "String数组", "Specification结构",
// "Model对象", "字典数据结构，请参见表3。", "列表数据结构", "表3".
var (
	arraySuffixes  = []string{"结构体数组", "结构数组", "数组结构", "数组"}
	objectSuffixes = []string{"参数结构体", "参数结构", "结构体", "结构", "对象"}
)

func chineseRef(t string, depth int) (typeRef, bool) {
	for _, prefix := range []string{"字典数据结构", "字典数据类型", "字典类型数据结构", "字典"} {
		if rest, ok := strings.CutPrefix(t, prefix); ok {
			label, ok := restLabel(rest)
			return typeRef{kind: refObject, dict: true, label: label}, ok
		}
	}
	for _, prefix := range []string{"列表数据结构", "列表类型数据结构", "列表数据类型", "列表"} {
		if rest, ok := strings.CutPrefix(t, prefix); ok {
			label, ok := restLabel(rest)
			if label != "" {
				return typeRef{kind: refArray, elem: &typeRef{kind: refObject, label: label}}, ok
			}
			return typeRef{kind: refArray}, ok
		}
	}
	if label := tableLabel(t); label != "" && normalLabel(t) == label {
		return typeRef{kind: refObject, label: label}, true // "表3"
	}
	if label, ok := seeLabel(t); ok {
		return typeRef{kind: refObject, label: label}, true // "数据结构参见表8 EndPoint字段数据结构说明"
	}
	for _, suf := range arraySuffixes {
		if x, ok := strings.CutSuffix(t, suf); ok && x != "" {
			if elem, ok := parseElem(x, depth+1); ok {
				return typeRef{kind: refArray, elem: &elem}, true
			}
			if suf != "数组" {
				// "不同infer_type的config结构数组": an array of objects,
				// whatever the words before say.
				return typeRef{kind: refArray, elem: &typeRef{kind: refObject}}, true
			}
			return typeRef{}, false
		}
	}
	for _, suf := range objectSuffixes {
		x, ok := strings.CutSuffix(t, suf)
		x = strings.TrimSpace(x)
		if !ok || x == "" {
			continue
		}
		if identRE.MatchString(x) {
			return typeRef{kind: refObject, named: x}, true
		}
		if ref, ok := parseRef(x, depth+1); ok && (ref.kind == refArray || ref.kind == refObject) {
			return ref, true // "JSON array对象": the words before say which
		}
	}
	return typeRef{}, false
}

// restLabel reads what follows 字典数据结构: nothing, or a pointer to one
// table ("，请参见表3。", "，详情请参见表4"). ok is false for any other text,
// two tables included: which one applies is for a reader to judge.
func restLabel(rest string) (label string, ok bool) {
	rest = strings.Trim(rest, "。.，, ")
	if rest == "" {
		return "", true
	}
	if strings.Contains(rest, "章节") && !strings.Contains(rest, "本章节") {
		// "请参见“获取实例列表”章节的表4": another page's table, not this
		// page's 表4; the row's name finds its table, as with none named.
		return "", true
	}
	label = tableLabel(rest)
	if label == "" || strings.Count(rest, "表") != 1 {
		return "", false
	}
	return label, true
}

// tableLabel returns the first "表 N" in s as "表N", or "".
func tableLabel(s string) string {
	for {
		i := strings.Index(s, "表")
		if i < 0 {
			return ""
		}
		s = s[i+len("表"):]
		if l := labelAt(s); l != "" {
			return l
		}
	}
}

// labelAt reads the label whose "表" was just cut from the front of s:
// "3", " 3", "3-1" (a chapter's numbering) give "表3", "表3", "表3-1";
// anything else "". It looks only at the label's own bytes, so callers can
// try it at every "表" of a text in linear time.
func labelAt(s string) string {
	rest := strings.TrimLeft(s, " \u00a0")
	n := 0
	for n < len(rest) && ('0' <= rest[n] && rest[n] <= '9' || n > 0 && rest[n] == '-' && n+1 < len(rest) && '0' <= rest[n+1] && rest[n+1] <= '9') {
		n++
	}
	if n == 0 {
		return ""
	}
	return "表" + rest[:n]
}

// normalLabel is a caption's bold label without spaces: "表 4" gives "表4".
func normalLabel(s string) string {
	if !strings.ContainsAny(s, " \u00a0") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r != ' ' && r != '\u00a0' && r != utf8.RuneError {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// String renders a typeRef for tests and messages: "array<object(Tag)>".
func (ref typeRef) String() string {
	var b strings.Builder
	ref.write(&b)
	return b.String()
}

func (ref typeRef) write(b *strings.Builder) {
	switch ref.kind {
	case refPrim:
		b.WriteString(ref.prim[0])
		if ref.prim[1] != "" {
			b.WriteString("/" + ref.prim[1])
		}
		if ref.maxLength > 0 {
			b.WriteString("(" + strconv.Itoa(ref.maxLength) + ")")
		}
	case refTimestamp:
		b.WriteString("timestamp")
	case refEnum:
		b.WriteString("enum")
	case refObject:
		b.WriteString("object")
		if ref.dict {
			b.WriteString("(dict)")
		}
		if ref.named != "" || ref.label != "" {
			b.WriteString("(" + ref.named + ref.label + ")")
		}
	case refArray, refMap:
		b.WriteString(map[refKind]string{refArray: "array", refMap: "map"}[ref.kind])
		if ref.elem != nil {
			b.WriteByte('<')
			ref.elem.write(b)
			b.WriteByte('>')
		}
	default:
		b.WriteString("?")
	}
}
