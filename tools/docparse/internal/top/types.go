package top

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// scalarKind is a TOP scalar type; several map to one JSON type but check
// their values differently.
type scalarKind int

const (
	kindString scalarKind = iota + 1
	kindInteger
	kindFloat
	kindBoolean
	kindPrice
	kindDate
	kindBinary
)

// scalarKinds maps lower-cased TOP type names to kinds. Number is TOP's
// long; Long/Integer/Double are not TOP vocabulary but mean what they say,
// and must not be taken for object type names.
var scalarKinds = map[string]scalarKind{
	"string": kindString, "number": kindInteger, "long": kindInteger, "integer": kindInteger,
	"double": kindFloat, "boolean": kindBoolean, "price": kindPrice, "date": kindDate,
}

// topDateLayout is how TOP writes dates: "yyyy-MM-dd HH:mm:ss" in GMT+8.
const topDateLayout = "2006-01-02 15:04:05"

const (
	priceNote = "TOP sends prices as decimal strings, e.g. \"10.50\"."
	dateNote  = "Format yyyy-MM-dd HH:mm:ss, GMT+8 (not RFC 3339)."
)

var decimalPattern = regexp.MustCompile(`^-?\d+(\.\d+)?$`)

// baseType strips the array suffix: "Datas []" → "Datas".
func baseType(typ string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(typ), "[]"))
}

func isArrayType(typ string) bool {
	return strings.HasSuffix(strings.TrimSpace(typ), "[]") && !isBinaryType(typ)
}

// isBinaryType: TOP documents file uploads as byte[].
func isBinaryType(typ string) bool {
	return strings.EqualFold(strings.ReplaceAll(typ, " ", ""), "byte[]")
}

// typeSchema builds the schema for a row's type and returns the object
// schema that the row's children belong to (nil for scalars). qualifier
// tells apart same-named types of different pages and sides.
func (r *reader) typeSchema(rw *row, qualifier string) (s, obj *model.Schema) {
	typ := strings.TrimSpace(rw.typ)
	at := withWhat(rw.loc, colType)
	switch {
	case typ == "":
		r.log.warnf(at, "%s: type missing; any JSON value allowed", rw.name)
		return &model.Schema{Loc: at, Type: model.TypeAny}, nil
	case isBinaryType(typ):
		return r.scalarSchema(at, kindBinary), nil
	case isArrayType(typ):
		item, obj := r.baseSchema(at, rw.name, baseType(typ), qualifier)
		return &model.Schema{Loc: at, Type: model.TypeArray, Items: item}, obj
	}
	return r.baseSchema(at, rw.name, typ, qualifier)
}

// baseSchema builds the schema for a type name without "[]".
func (r *reader) baseSchema(at model.Loc, field, typ, qualifier string) (s, obj *model.Schema) {
	if k, ok := scalarKinds[strings.ToLower(typ)]; ok {
		return r.scalarSchema(at, k), nil
	}
	if isTypeShape(typ) && isUpper(typ[0]) {
		obj = &model.Schema{Loc: at, Name: typ, Qualifier: qualifier, Type: model.TypeObject}
		return obj, obj
	}
	r.log.warnf(at, "%s: unknown type %q; any JSON value allowed", field, clip(typ))
	return &model.Schema{Loc: at, Type: model.TypeAny}, nil
}

func (r *reader) scalarSchema(at model.Loc, k scalarKind) *model.Schema {
	s := &model.Schema{Loc: at}
	switch k {
	case kindString:
		s.Type = model.TypeString
	case kindInteger:
		s.Type, s.Format = model.TypeInteger, "int64"
	case kindFloat:
		s.Type, s.Format = model.TypeNumber, "double"
	case kindBoolean:
		s.Type = model.TypeBoolean
	case kindPrice:
		s.Type, s.Format, s.Description = model.TypeString, "decimal", priceNote
	case kindDate:
		s.Type, s.Description = model.TypeString, dateNote
	case kindBinary:
		s.Type, s.Format = model.TypeString, "binary"
	}
	r.kinds[s] = k
	return s
}

// typeNote is what a scalar (or list of scalars) schema says about TOP's
// wire format beyond its JSON type, or "".
func (r *reader) typeNote(s *model.Schema) string {
	if s.Type == model.TypeArray && s.Items != nil {
		s = s.Items
	}
	switch r.kinds[s] {
	case kindPrice:
		return priceNote
	case kindDate:
		return dateNote
	}
	return ""
}

// scalarValue converts example text to the JSON value a schema allows.
func (r *reader) scalarValue(s *model.Schema, text string) (any, error) {
	switch r.kinds[s] {
	case kindString, kindBinary:
		return text, nil
	case kindInteger:
		v, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a Number (integer)", clip(text))
		}
		return v, nil
	case kindFloat:
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", clip(text))
		}
		return v, nil
	case kindBoolean:
		if text != "true" && text != "false" {
			return nil, fmt.Errorf("%q is not a Boolean (true or false)", clip(text))
		}
		return text == "true", nil
	case kindPrice:
		if !decimalPattern.MatchString(text) {
			return nil, fmt.Errorf("%q is not a Price (decimal)", clip(text))
		}
		return text, nil
	case kindDate:
		if _, err := time.Parse(topDateLayout, text); err != nil {
			return nil, fmt.Errorf("%q is not a Date (yyyy-MM-dd HH:mm:ss)", clip(text))
		}
		return text, nil
	}
	return nil, fmt.Errorf("%q: no example is checked for this type", clip(text))
}

// rowExample checks a row's 示例值 against its schema and keeps it only if
// valid. Arrays of scalars take a comma-separated list, as TOP writes them.
func (r *reader) rowExample(rw *row, s *model.Schema) {
	if rw.example == "" {
		return
	}
	at := withWhat(rw.loc, colExample)
	switch {
	case r.kinds[s] != 0:
		v, err := r.scalarValue(s, rw.example)
		if err != nil {
			r.log.warnf(at, "%s: example %v; dropped", rw.name, err)
			return
		}
		s.Example = v
	case s.Type == model.TypeArray && s.Items != nil && r.kinds[s.Items] != 0:
		var items []any
		for _, part := range strings.Split(rw.example, ",") {
			v, err := r.scalarValue(s.Items, strings.TrimSpace(part))
			if err != nil {
				r.log.warnf(at, "%s: example item %v; example dropped", rw.name, err)
				return
			}
			items = append(items, v)
		}
		s.Example = items
	default:
		r.log.warnf(at, "%s: example %q given for a %s; dropped", rw.name, clip(rw.example), describeType(rw.typ))
	}
}

func describeType(typ string) string {
	if typ == "" {
		return "parameter without type"
	}
	return "value of type " + typ
}
