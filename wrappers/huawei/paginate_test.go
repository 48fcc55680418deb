package huawei_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/wrappers/huawei"
)

// CSMS pages by offset/limit in the request body, as strings, with
// total_count in the response: x-docapi-pagination says so, and the
// generated ListResourceInstancesAll follows it.
func filter(limit string) csms.ListResourceInstancesRequestBody {
	return csms.ListResourceInstancesRequestBody{Action: "filter", Limit: ptr(limit)}
}

func TestOffsetPagingWalksAllPages(t *testing.T) {
	s := newTokenStack(t, 25)
	var names []string
	for item, err := range s.client.ListResourceInstancesAll(context.Background(), filter("10")) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, item.ResourceName)
	}
	if len(names) != 25 || names[0] != "rds-password-00" || names[24] != "rds-password-24" {
		t.Errorf("got %d items %v", len(names), names)
	}
	if got := s.csms.Offsets(); !slices.Equal(got, []string{"<nil>", "10", "20"}) {
		t.Errorf("offsets on the wire = %q, want none, 10, 20", got)
	}
}

func TestOffsetPagingStartsAtTheGivenOffset(t *testing.T) {
	s := newTokenStack(t, 25)
	body := filter("10")
	body.Offset = ptr("5")
	n := 0
	for _, err := range s.client.ListResourceInstancesAll(context.Background(), body) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if got := s.csms.Offsets(); n != 20 || !slices.Equal(got, []string{"5", "15"}) {
		t.Errorf("%d items, offsets %q; want 20 items from offsets 5, 15", n, got)
	}
	if *body.Offset != "5" {
		t.Errorf("the caller's request was changed: offset %q", *body.Offset)
	}
}

func TestPagingStopsWhenConsumerBreaks(t *testing.T) {
	s := newTokenStack(t, 25)
	n := 0
	for _, err := range s.client.ListResourceInstancesAll(context.Background(), filter("10")) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 12 {
			break
		}
	}
	if got := s.csms.requests.Load(); got != 2 {
		t.Errorf("requests = %d, want 2 (no page fetched after break)", got)
	}
}

func TestOffsetPagingNoProgressIsAnError(t *testing.T) {
	s := newTokenStack(t, 25)
	s.csms.emptyFrom = 10 // announces 25 but sends nothing past the first page
	var n int
	var errs []error
	for _, err := range s.client.ListResourceInstancesAll(context.Background(), filter("10")) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if n != 10 || len(errs) != 1 || !errors.Is(errs[0], huawei.ErrNoProgress) {
		t.Fatalf("items %d, errors %v; want 10 items then ErrNoProgress", n, errs)
	}
}

func TestPagingStopsOnError(t *testing.T) {
	s := newTokenStack(t, 25)
	s.csms.fault = func(w http.ResponseWriter, r *http.Request, attempt int) bool {
		if attempt == 2 {
			writeJSON(w, http.StatusBadRequest, `{"error":{"error_code":"KMS.0205","error_msg":"Invalid offset"}}`)
			return true
		}
		return false
	}
	var n int
	var errs []error
	for _, err := range s.client.ListResourceInstancesAll(context.Background(), filter("10")) {
		if err != nil {
			errs = append(errs, err)
			continue // the iterator must stop by itself
		}
		n++
	}
	var apiErr *huawei.APIError
	if n != 10 || len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.Code != "KMS.0205" {
		t.Fatalf("items %d, errors %v; want 10 items then *APIError KMS.0205", n, errs)
	}
}

// Paginate itself, over a page-numbered list and a marker that repeats.
type pageReq struct {
	Page     *int `json:"page,omitempty"`
	PageSize int  `json:"page_size"`
}

type pageResp struct {
	Items []string `json:"items"`
	Next  *string  `json:"next,omitempty"`
}

func TestPageNumberPaging(t *testing.T) {
	for _, fromZero := range []bool{false, true} {
		first := 1
		if fromZero {
			first = 0
		}
		all := []string{"a", "b", "c", "d", "e"}
		var pages []int
		call := func(_ context.Context, r pageReq) (*pageResp, error) {
			p := first // the server's default page
			if r.Page != nil {
				p = *r.Page
			}
			pages = append(pages, p)
			lo := min((p-first)*r.PageSize, len(all))
			return &pageResp{Items: all[lo:min(lo+r.PageSize, len(all))]}, nil
		}
		p := huawei.Paging{Op: &huawei.Operation{Service: "t", Name: "List"}, Style: huawei.PagingPage, Param: "page", Limit: "page_size",
			ParamType: "integer", Items: "items", PagesFromZero: fromZero}
		var got []string
		for it, err := range huawei.Paginate(context.Background(), p, pageReq{PageSize: 2}, call, func(r *pageResp) []string { return r.Items }) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, it)
		}
		want := []int{first, first + 1, first + 2}
		if !slices.Equal(got, all) || !slices.Equal(pages, want) {
			t.Errorf("PagesFromZero %v: items %v from pages %v, want all from pages %v", fromZero, got, pages, want)
		}
	}
}

type markerReq struct {
	Marker *string `json:"marker,omitempty"`
}

func TestRepeatedMarkerIsNoProgress(t *testing.T) {
	calls := 0
	call := func(_ context.Context, r markerReq) (*pageResp, error) {
		calls++
		next := "same"
		return &pageResp{Items: []string{strconv.Itoa(calls)}, Next: &next}, nil
	}
	p := huawei.Paging{Op: &huawei.Operation{Service: "t", Name: "List"}, Style: huawei.PagingMarker, Param: "marker", ParamType: "string", Items: "items", Next: "next"}
	var errs []error
	for _, err := range huawei.Paginate(context.Background(), p, markerReq{}, call, func(r *pageResp) []string { return r.Items }) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if calls != 2 || len(errs) != 1 || !errors.Is(errs[0], huawei.ErrNoProgress) {
		t.Fatalf("%d calls, errors %v; want ErrNoProgress after the marker came back", calls, errs)
	}
}

// A server that ignores the page number answers full pages for ever; with
// no total to stop at, the items repeating is what ends the loop.
func TestIgnoredPageNumberIsNoProgress(t *testing.T) {
	for _, style := range []string{huawei.PagingPage, huawei.PagingOffset} {
		calls := 0
		call := func(_ context.Context, r pageReq) (*pageResp, error) {
			calls++
			if calls > 100 {
				return nil, errors.New("still paging after 100 calls")
			}
			return &pageResp{Items: []string{"a", "b"}}, nil
		}
		p := huawei.Paging{Op: &huawei.Operation{Service: "t", Name: "List"}, Style: style, Param: "page", Limit: "page_size", ParamType: "integer", Items: "items"}
		var errs []error
		for _, err := range huawei.Paginate(context.Background(), p, pageReq{PageSize: 2}, call, func(r *pageResp) []string { return r.Items }) {
			if err != nil {
				errs = append(errs, err)
			}
		}
		if calls != 2 || len(errs) != 1 || !errors.Is(errs[0], huawei.ErrNoProgress) {
			t.Errorf("%s: %d calls, errors %v; want ErrNoProgress on the second page", style, calls, errs)
		}
	}
}
