// Package paging marks list operations whose parameters and response show
// how to page through them, so generated clients can iterate over every
// item. It runs over the model, after the service file is applied, and
// knows no vendor: it reads only parameter and property names.
//
// A marked operation carries the extension
//
//	x-docapi-pagination:
//	  style: marker        # marker, offset or page
//	  param: marker        # request member carrying the marker, offset or page number
//	  limit: limit         # request member with the page size ("" if none)
//	  in: query            # query or body
//	  paramType: string    # JSON type of param
//	  items: vpcs          # the response array the items come from
//	  next: page_info.next_marker  # marker style: where the next marker is ("" = the last item's id)
//	  total: total_count   # offset style: the total count, if the response has one
//
// An operation is marked only when every part is unambiguous: the request
// has the paging member and a page size, and the success response has
// exactly one array of objects (or, failing that, exactly one array).
package paging

import (
	"fmt"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/internal/ext"
)

// styles, tried in order: the request member that carries the position and
// the page-size members that may accompany it.
var styles = []struct {
	style string
	param []string
	limit []string
}{
	{"marker", []string{"marker"}, []string{"limit"}},
	{"offset", []string{"offset"}, []string{"limit"}},
	{"page", []string{"page", "page_no", "pageNo", "page_number"}, []string{"page_size", "pageSize", "per_page", "limit", "size"}},
}

// PositionMember reports a request member name that carries a list's
// position in one of the paging styles (marker, offset, page, …): the
// operation pages through a list.
func PositionMember(name string) bool {
	for _, st := range styles {
		for _, p := range st.param {
			if p == name {
				return true
			}
		}
	}
	return false
}

// Mark adds the extension to every operation of pages that pages. It
// reports nothing: an operation it cannot mark is an ordinary call (Detect
// says why, for tests and tools).
func Mark(pages []*model.Page) model.Diagnostics {
	for _, pg := range pages {
		for _, op := range pg.Operations {
			paging, _ := Detect(op)
			if paging == nil {
				continue
			}
			if op.Extensions == nil {
				op.Extensions = map[string]any{}
			}
			if _, set := op.Extensions[ext.Pagination]; set {
				continue // the service file said it already
			}
			op.Extensions[ext.Pagination] = paging
		}
	}
	return nil
}

// member is a request field that may carry paging.
type member struct {
	in, typ, desc string
	schema        *model.Schema
}

func requestMembers(op *model.Operation) map[string]member {
	m := map[string]member{}
	for _, p := range op.Params {
		if p.In == model.InQuery {
			m[p.Name] = member{in: "query", typ: typeOf(p.Schema), desc: p.Description, schema: p.Schema}
		}
	}
	if op.RequestBody != nil && op.RequestBody.Schema != nil && op.Method != "GET" {
		for _, p := range op.RequestBody.Schema.Properties {
			if _, dup := m[p.Name]; !dup {
				m[p.Name] = member{in: "body", typ: typeOf(p.Schema), desc: p.Description, schema: p.Schema}
			}
		}
	}
	return m
}

func typeOf(s *model.Schema) string {
	if s == nil || s.Type == "" {
		return model.TypeString
	}
	return s.Type
}

// countsPages reports a description saying its member numbers pages
// (页码, 起始页, 当前页), not items. Words for the member's own position
// among items (索引, 下一条, 偏移) win: VPC's offset is "（索引位置）， 从offset
// 指定的下一条数据开始查询", though it goes on to speak of 页码; "每页返回limit
// 条数据" counts a page's items and says nothing of the member.
func countsPages(desc string) bool {
	desc = strings.ToLower(desc)
	for _, w := range []string{"索引", "下一条", "偏移", "index"} {
		if strings.Contains(desc, w) {
			return false
		}
	}
	for _, w := range []string{"页码", "起始页", "当前页", "page number"} {
		if strings.Contains(desc, w) {
			return true
		}
	}
	return false
}

// firstPage is the number of a page-numbered list's first page: 0 when the
// member's default is 0 or its description says the count starts there
// (从0开始, 默认为0), else 1. A minimum of 0 says nothing: ECS allows 0 and
// answers it with page 1.
func firstPage(m member) int {
	if strings.Contains(m.desc, "不分页") {
		return 1 // "默认为0，表示不分页；从1开始分页": 0 turns paging off
	}
	if s := m.schema; s != nil && s.Default != nil {
		if fmt.Sprint(s.Default) == "0" {
			return 0
		}
		return 1 // ECS: 默认值为1，取值范围大于等于0
	}
	desc := strings.ReplaceAll(m.desc, " ", "")
	for _, w := range []string{"从0开始", "默认为0", "默认为“0”", "默认值为0", "默认值为“0”", "startsfrom0", "startfrom0"} {
		if strings.Contains(desc, w) {
			return 0
		}
	}
	return 1
}

// Detect returns the extension for op, or nil and (when op looks like a
// list but cannot be marked) the reason.
func Detect(op *model.Operation) (map[string]any, string) {
	req := requestMembers(op)
	for _, st := range styles {
		param, p, ok := first(req, st.param)
		if !ok {
			continue
		}
		limit, l, ok := first(req, st.limit)
		if !ok || l.in != p.in {
			return nil, "has " + param + " but no page size beside it"
		}
		body := successBody(op)
		if body == nil {
			return nil, "has " + param + " but no JSON success response"
		}
		items, why := itemsArray(body)
		if items == "" {
			return nil, why
		}
		style := st.style
		if style == "offset" && countsPages(p.desc) {
			style = "page" // an "offset" that the page says is a page number
		}
		ext := map[string]any{
			"style": style, "param": param, "limit": limit, "in": p.in,
			"paramType": p.typ, "items": items,
		}
		switch style {
		case "marker":
			if path := findPath(body, "next_marker", 2); path != "" {
				ext["next"] = path
			} else if !hasID(body, items) {
				return nil, "marker paging, but neither next_marker in the response nor an id on the items"
			}
		case "page":
			ext["first"] = firstPage(p)
		case "offset":
			for _, name := range []string{"total_count", "total", "count"} {
				if path := findPath(body, name, 1); path != "" && isInteger(body, name) {
					ext["total"] = path
					break
				}
			}
		}
		return ext, ""
	}
	return nil, ""
}

func first(m map[string]member, names []string) (string, member, bool) {
	for _, n := range names {
		if v, ok := m[n]; ok {
			return n, v, true
		}
	}
	return "", member{}, false
}

// successBody is the schema of the first 2xx response with a body.
func successBody(op *model.Operation) *model.Schema {
	for _, r := range op.Responses {
		if strings.HasPrefix(r.Status, "2") && r.Body != nil && r.Body.Schema != nil && r.Body.Schema.Type == model.TypeObject {
			return r.Body.Schema
		}
	}
	return nil
}

// itemsArray names the top-level array property of a list response.
func itemsArray(body *model.Schema) (string, string) {
	var arrays, objects []string
	for _, p := range body.Properties {
		if p.Schema == nil || p.Schema.Type != model.TypeArray {
			continue
		}
		arrays = append(arrays, p.Name)
		if p.Schema.Items != nil && p.Schema.Items.Type == model.TypeObject {
			objects = append(objects, p.Name)
		}
	}
	switch {
	case len(objects) == 1:
		return objects[0], ""
	case len(objects) == 0 && len(arrays) == 1:
		return arrays[0], ""
	case len(arrays) == 0:
		return "", "paging parameters but no array in the response"
	}
	return "", "paging parameters but several arrays in the response (" + strings.Join(arrays, ", ") + ")"
}

// findPath finds a property by name at the top level or (depth 2) one
// object below, and returns its dotted path.
func findPath(s *model.Schema, name string, depth int) string {
	for _, p := range s.Properties {
		if p.Name == name {
			return name
		}
	}
	if depth < 2 {
		return ""
	}
	for _, p := range s.Properties {
		if p.Schema != nil && p.Schema.Type == model.TypeObject {
			if sub := findPath(p.Schema, name, 1); sub != "" {
				return p.Name + "." + sub
			}
		}
	}
	return ""
}

func isInteger(s *model.Schema, name string) bool {
	for _, p := range s.Properties {
		if p.Name == name && p.Schema != nil {
			return p.Schema.Type == model.TypeInteger || p.Schema.Type == model.TypeString
		}
	}
	return false
}

func hasID(body *model.Schema, items string) bool {
	for _, p := range body.Properties {
		if p.Name == items && p.Schema.Items != nil {
			for _, q := range p.Schema.Items.Properties {
				if q.Name == "id" {
					return true
				}
			}
		}
	}
	return false
}
