package fastjson_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/modelarts"
	"github.com/docapi/docapi/wrappers/fastjson"
)

// seeds are bodies on which JSON decoders are known to part ways.
var seeds = []string{
	`{"resources":[{"resource_id":"a","resource_name":"n","resource_detail":{"k":1},"tags":[{"key":"k","value":"v"}]}],"total_count":1}`,
	`{"TOTAL_COUNT":1}`,
	`{"total\u005fcount":1}`,
	`{"total_count":1,"total_count":2}`,
	"{\"resources\":[{\"resource_id\":\"a\xffb\"}]}",
	`{"resources":[{"resource_id":"\ud800"}]}`,
	`{"total_count":null,"resources":null}`,
	`{"total_count":1e2}`,
	`{"total_count":01}`,
	`{"total_count":9223372036854775808}`,
	"{\"resources\":[{\"resource_id\":\"a\tb\"}]}",
	`{"resources":[{"tags":{"key":"k"}}]}`,
	`{} {}`,
	`[`,
}

// FuzzSameAsEncodingJSON decodes any bytes into generated types (pointer
// fields, slices, maps, free-form objects) with both decoders: both must
// fail with the same error, or both succeed with the same value.
func FuzzSameAsEncodingJSON(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		same[csms.ListResourceInstancesResponseBody](t, data)
		same[modelarts.ShowInstanceTokenResponseBody](t, data)
	})
}

func TestSeeds(t *testing.T) {
	for _, s := range seeds {
		same[csms.ListResourceInstancesResponseBody](t, []byte(s))
	}
}

func same[T any](t *testing.T, data []byte) {
	t.Helper()
	var want, got T
	wantErr := json.Unmarshal(data, &want)
	gotErr := fastjson.Unmarshal(data, &got)
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("%q: encoding/json: %v; fastjson: %v", data, wantErr, gotErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decoded differently:\nencoding/json %+v\nfastjson      %+v", data, want, got)
	}
}

// A failure never quotes the body, which may hold a token: segmentio's own
// errors do ("missing '"' at the end of a string value: "nb-secret...").
func TestErrorsDoNotQuoteTheBody(t *testing.T) {
	const token = "tok-7b1d5f0e9a2c4b6d8f0a1c3e5b7d9f1a"
	for _, body := range []string{`{"total_count":"` + token, `{"total_count":"` + token + `"}`, `{"total_count":` + token + `}`} {
		var out csms.ListResourceInstancesResponseBody
		err := fastjson.Unmarshal([]byte(body), &out)
		if err == nil {
			t.Fatalf("%s: decoded", body)
		}
		if strings.Contains(err.Error(), token[:8]) {
			t.Errorf("%s: error quotes the body: %v", body, err)
		}
	}
	if err := fastjson.Unmarshal([]byte(`{}`), nil); err == nil {
		t.Error("nil target accepted")
	}
}
