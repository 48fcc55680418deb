package bench

import (
	"reflect"
	"testing"

	"github.com/docapi/docapi/generated/csms"
)

// edgeBodies are inputs on which JSON decoders are known to part ways. Each
// candidate must do what encoding/json does (both fail, or both succeed
// with the same value), except where knownDifferences says otherwise.
var edgeBodies = []struct{ name, body string }{
	{"key in other case", `{"TOTAL_COUNT":1}`},
	{"escaped key", `{"total\u005fcount":1}`},
	{"duplicate key", `{"total_count":1,"total_count":2}`},
	{"invalid UTF-8 byte", "{\"resources\":[{\"resource_id\":\"a\xffb\"}]}"},
	{"lone surrogate escape", `{"resources":[{"resource_id":"\ud800"}]}`},
	{"null fields", `{"total_count":null,"resources":null}`},
	{"exponent for an integer", `{"total_count":1e2}`},
	{"leading zero", `{"total_count":01}`},
	{"beyond int32", `{"total_count":2147483648}`},
	{"beyond int64", `{"total_count":9223372036854775808}`},
	{"control character in a string", "{\"resources\":[{\"resource_id\":\"a\tb\"}]}"},
}

// knownDifferences, by candidate and edge body: a difference that
// disappears after an upgrade fails the test too, so the list stays true.
var knownDifferences = map[[2]string]string{
	{"jsoniter", "invalid UTF-8 byte"}: "keeps the byte; encoding/json replaces it with U+FFFD",
}

func TestJSONCandidatesOnEdgeBodies(t *testing.T) {
	for _, e := range edgeBodies {
		var want csms.ListResourceInstancesResponseBody
		wantErr := decoders[0].strict([]byte(e.body), &want)
		for _, d := range decoders[1:] {
			var got csms.ListResourceInstancesResponseBody
			err := d.strict([]byte(e.body), &got)
			same := (err == nil) == (wantErr == nil) && (err != nil || reflect.DeepEqual(got, want))
			why, known := knownDifferences[[2]string{d.name, e.name}]
			switch {
			case !same && !known:
				t.Errorf("%s, %s: error %v, value %+v; encoding/json: error %v, value %+v", d.name, e.name, err, got, wantErr, want)
			case same && known:
				t.Errorf("%s, %s: now agrees with encoding/json; drop the known difference %q", d.name, e.name, why)
			}
		}
	}
}
