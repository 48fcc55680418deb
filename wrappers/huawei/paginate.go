package huawei

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"

	"github.com/docapi/docapi/generated/csms"
)

// DefaultPageSize is the page size ResourceInstances asks for when the
// filter sets no limit (the API allows 1 to 1000, default 10).
const DefaultPageSize = 100

// ErrNoProgress reports a server that returned an empty page before the
// total it announced was reached; paging stops instead of looping.
var ErrNoProgress = errors.New("huawei: empty page before total_count was reached")

// ResourceInstances iterates over every secret matching filter, fetching
// pages of filter.Limit (default DefaultPageSize) from filter.Offset
// (default 0) until total_count is reached. Action is always "filter".
//
// The iteration stops after yielding an error, and when the loop body
// breaks no further page is fetched.
func (c *CSMS) ResourceInstances(ctx context.Context, filter csms.ListResourceInstancesRequestBody) iter.Seq2[csms.ActionResources, error] {
	return func(yield func(csms.ActionResources, error) bool) {
		limit, offset, err := pageBounds(filter)
		if err != nil {
			yield(csms.ActionResources{}, err)
			return
		}
		page := filter
		action, limitText := csms.ListResourceInstancesRequestBodyActionFilter, strconv.Itoa(limit)
		page.Action, page.Limit = &action, &limitText
		for {
			offsetText := strconv.Itoa(offset)
			page.Offset = &offsetText
			out, err := c.ListResourceInstances(ctx, page)
			if err != nil {
				yield(csms.ActionResources{}, err)
				return
			}
			var items []csms.ActionResources
			if out.Resources != nil {
				items = *out.Resources
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			offset += len(items)
			switch {
			case out.TotalCount == nil:
				// No total: a short page is the last one.
				if len(items) < limit {
					return
				}
			case offset >= int(*out.TotalCount):
				return
			case len(items) == 0:
				yield(csms.ActionResources{}, fmt.Errorf("%w (offset %d, total_count %d)", ErrNoProgress, offset, *out.TotalCount))
				return
			}
		}
	}
}

func pageBounds(filter csms.ListResourceInstancesRequestBody) (limit, offset int, err error) {
	limit = DefaultPageSize
	if filter.Limit != nil {
		limit, err = strconv.Atoi(*filter.Limit)
		if err != nil || limit < 1 || limit > 1000 {
			return 0, 0, fmt.Errorf("huawei: csms ResourceInstances: limit %q is not a number from 1 to 1000", *filter.Limit)
		}
	}
	if filter.Offset != nil {
		offset, err = strconv.Atoi(*filter.Offset)
		if err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("huawei: csms ResourceInstances: offset %q is not a non-negative number", *filter.Offset)
		}
	}
	return limit, offset, nil
}
