package huawei

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
)

// ErrNoProgress reports a server whose paging does not advance (an empty
// page before the announced total, or the same marker twice); paging stops
// instead of looping.
var ErrNoProgress = errors.New("huawei: paging does not advance")

// Paging styles of the x-docapi-pagination extension.
const (
	PagingMarker = "marker" // the next request carries a marker from the last page
	PagingOffset = "offset" // the next request's offset is the previous one plus the items seen
	PagingPage   = "page"   // the next request's page number is one more
)

// Paging is an operation's x-docapi-pagination extension, as docparse's
// paging stage writes it and the generated code passes it on.
type Paging struct {
	Op    *Operation
	Style string // PagingMarker, PagingOffset or PagingPage
	// Param names the request member that carries the marker, offset or
	// page number; Limit the page size member ("" when there is none).
	Param, Limit string
	// In is "query" (a member of the Params struct) or "body".
	In string
	// ParamType is the JSON type of Param: "string" or "integer".
	ParamType string
	// Items names the response array the items come from.
	Items string
	// Next (marker style) is the dotted path of the next marker in the
	// response ("page_info.next_marker"), or "" for the id of the last item.
	Next string
	// Total (offset style) is the dotted path of the total count in the
	// response, "" when there is none.
	Total string
	// PagesFromZero (page style) says the first page is page 0, not 1.
	PagesFromZero bool
}

// Paginate calls call with req, then with req moved on by p, and yields
// the items of every page until a page is empty or short, the marker runs
// out, or the total is reached. The iteration stops after yielding an
// error, and when the loop body breaks no further page is fetched. req is
// not modified.
func Paginate[Req any, Page any, Item any](ctx context.Context, p Paging, req Req,
	call func(context.Context, Req) (*Page, error), items func(*Page) []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		var zero Item
		fail := func(err error) { yield(zero, fmt.Errorf("huawei: %s: paging: %w", p.Op, err)) }
		fields, err := members(req)
		if err != nil {
			fail(err)
			return
		}
		limit, _ := intMember(fields[p.Limit])
		offset, _ := intMember(fields[p.Param])
		if p.Style == PagingPage && offset == 0 && !p.PagesFromZero {
			offset = 1
		}
		seen := map[string]bool{}
		var previousFirst []byte // offset and page styles: the last page's first item
		for {
			next, err := withMembers(req, fields)
			if err != nil {
				fail(err)
				return
			}
			page, err := call(ctx, next)
			if err != nil {
				yield(zero, err)
				return
			}
			got := items(page)
			for _, it := range got {
				if !yield(it, nil) {
					return
				}
			}
			if len(got) == 0 {
				if total, ok := pathInt(page, p.Total); ok && p.Style == PagingOffset && offset < total {
					fail(fmt.Errorf("%w: empty page at offset %d of %d", ErrNoProgress, offset, total))
				}
				return
			}
			if limit > 0 && len(got) < limit {
				return
			}
			if p.Style != PagingMarker {
				// A server that ignores the offset or page number answers
				// the same page again: stop rather than loop for ever.
				first, err := json.Marshal(got[0])
				if err == nil && previousFirst != nil && bytes.Equal(first, previousFirst) {
					fail(fmt.Errorf("%w: the page at %s=%d starts with the same item as the one before", ErrNoProgress, p.Param, offset))
					return
				}
				previousFirst = first
			}
			switch p.Style {
			case PagingMarker:
				marker, err := nextMarker(p, page, got[len(got)-1])
				if err != nil {
					fail(err)
					return
				}
				if marker == "" {
					return
				}
				if seen[marker] {
					fail(fmt.Errorf("%w: marker %q came back", ErrNoProgress, marker))
					return
				}
				seen[marker] = true
				fields[p.Param] = encodeMember(marker, p.ParamType)
			case PagingOffset:
				offset += len(got)
				if total, ok := pathInt(page, p.Total); ok && offset >= total {
					return
				}
				fields[p.Param] = encodeMember(strconv.Itoa(offset), p.ParamType)
			case PagingPage:
				offset++
				fields[p.Param] = encodeMember(strconv.Itoa(offset), p.ParamType)
			default:
				fail(fmt.Errorf("unknown paging style %q", p.Style))
				return
			}
		}
	}
}

// members reads a request (a Params struct, a pointer to one, or a body)
// as its JSON members; the generated types carry JSON tags for that.
func members(v any) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	m := map[string]json.RawMessage{}
	if string(raw) != "null" {
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("request %T is not a JSON object", v)
		}
	}
	return m, nil
}

// withMembers returns a new Req holding fields.
func withMembers[Req any](_ Req, fields map[string]json.RawMessage) (Req, error) {
	var out Req
	raw, err := json.Marshal(fields)
	if err != nil {
		return out, err
	}
	err = json.Unmarshal(raw, &out)
	return out, err
}

func encodeMember(v, typ string) json.RawMessage {
	if typ == "integer" || typ == "number" {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			return json.RawMessage(v)
		}
	}
	raw, _ := json.Marshal(v)
	return raw
}

// intMember reads a number or a string holding one (CSMS sends "10").
func intMember(raw json.RawMessage) (int, bool) {
	s := strings.Trim(string(bytes.TrimSpace(raw)), `"`)
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// nextMarker finds the next marker: at p.Next in the page, or the last
// item's id.
func nextMarker(p Paging, page, last any) (string, error) {
	src, path := page, p.Next
	if path == "" {
		src, path = last, "id"
	}
	raw, ok := pathValue(src, path)
	if !ok {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	if n, ok := intMember(raw); ok {
		return strconv.Itoa(n), nil
	}
	return "", fmt.Errorf("marker at %q is neither a string nor a number", path)
}

func pathInt(v any, path string) (int, bool) {
	if path == "" {
		return 0, false
	}
	raw, ok := pathValue(v, path)
	if !ok {
		return 0, false
	}
	return intMember(raw)
}

// pathValue follows a dotted path of JSON members through v.
func pathValue(v any, path string) (json.RawMessage, bool) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	for _, name := range strings.Split(path, ".") {
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return nil, false
		}
		if raw = m[name]; raw == nil || string(raw) == "null" {
			return nil, false
		}
	}
	return raw, true
}
