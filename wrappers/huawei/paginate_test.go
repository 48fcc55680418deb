package huawei_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/wrappers/huawei"
)

func TestResourceInstancesWalksAllPages(t *testing.T) {
	s := newTokenStack(t, 25)
	var names []string
	for item, err := range s.client.ResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{Limit: ptr("10")}) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, *item.ResourceName)
	}
	if len(names) != 25 || names[0] != "rds-password-00" || names[24] != "rds-password-24" {
		t.Errorf("got %d items %v", len(names), names)
	}
	if got := s.csms.Offsets(); !slices.Equal(got, []string{"0", "10", "20"}) {
		t.Errorf("offsets on the wire = %q, want 0, 10, 20", got)
	}
}

func TestResourceInstancesDefaultsAndStartOffset(t *testing.T) {
	s := newTokenStack(t, 250)
	n := 0
	for _, err := range s.client.ResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{Offset: ptr("5")}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 245 {
		t.Errorf("got %d items, want 245", n)
	}
	if got := s.csms.Offsets(); !slices.Equal(got, []string{"5", "105", "205"}) {
		t.Errorf("offsets = %q", got)
	}
	s.csms.mu.Lock()
	defer s.csms.mu.Unlock()
	if s.csms.limits[0] != "100" {
		t.Errorf("limit = %q, want the default 100", s.csms.limits[0])
	}
}

func TestResourceInstancesStopsWhenConsumerBreaks(t *testing.T) {
	s := newTokenStack(t, 25)
	n := 0
	for _, err := range s.client.ResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{Limit: ptr("10")}) {
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

func TestResourceInstancesNoProgressIsAnError(t *testing.T) {
	s := newTokenStack(t, 25)
	s.csms.emptyFrom = 10 // announces 25 but sends nothing past the first page
	var n int
	var errs []error
	for _, err := range s.client.ResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{Limit: ptr("10")}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if n != 10 || len(errs) != 1 || !errors.Is(errs[0], huawei.ErrNoProgress) {
		t.Fatalf("items %d, errors %v; want 10 items then ErrNoProgress", n, errs)
	}
	if got := s.csms.requests.Load(); got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
}

func TestResourceInstancesStopsOnError(t *testing.T) {
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
	for _, err := range s.client.ResourceInstances(context.Background(), csms.ListResourceInstancesRequestBody{Limit: ptr("10")}) {
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

func TestResourceInstancesRejectsBadBounds(t *testing.T) {
	s := newTokenStack(t, 1)
	for _, filter := range []csms.ListResourceInstancesRequestBody{{Limit: ptr("0")}, {Limit: ptr("x")}, {Offset: ptr("-1")}} {
		for _, err := range s.client.ResourceInstances(context.Background(), filter) {
			if err == nil {
				t.Errorf("%+v: no error", filter)
			}
		}
	}
	if s.csms.requests.Load() != 0 {
		t.Error("bad bounds reached the server")
	}
}
