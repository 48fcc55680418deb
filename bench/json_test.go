package bench

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bytedance/sonic"
	"github.com/getkin/kin-openapi/openapi3"
	goccy "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	segjson "github.com/segmentio/encoding/json"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/generated/modelarts"
	"github.com/docapi/docapi/generated/top"
)

// The JSON candidates for decoding the generated types, each in the strict
// mode the corpus tests use (unknown fields are errors) and in the default
// mode the generated clients use today.
type decoder struct {
	name          string
	strict, loose func([]byte, any) error
}

var (
	// sonic.ConfigStd's options plus DisallowUnknownFields.
	sonicStrict = sonic.Config{EscapeHTML: true, SortMapKeys: true, CompactMarshaler: true, CopyString: true,
		ValidateString: true, DisallowUnknownFields: true}.Froze()
	jsoniterStd    = jsoniter.ConfigCompatibleWithStandardLibrary
	jsoniterStrict = jsoniter.Config{EscapeHTML: true, SortMapKeys: true, ValidateJsonRawMessage: true,
		DisallowUnknownFields: true}.Froze()
)

var decoders = []decoder{
	{"encoding_json", func(b []byte, v any) error {
		d := stdjson.NewDecoder(bytes.NewReader(b))
		d.DisallowUnknownFields()
		return decodeAll(d.Decode, d.More, v)
	}, stdjson.Unmarshal},
	{"goccy", func(b []byte, v any) error {
		d := goccy.NewDecoder(bytes.NewReader(b))
		d.DisallowUnknownFields()
		return decodeAll(d.Decode, d.More, v)
	}, goccy.Unmarshal},
	{"sonic", sonicStrict.Unmarshal, sonic.ConfigStd.Unmarshal},
	{"jsoniter", jsoniterStrict.Unmarshal, jsoniterStd.Unmarshal},
	{"segmentio", func(b []byte, v any) error {
		rest, err := segjson.Parse(b, v, segjson.DisallowUnknownFields)
		if err == nil && len(bytes.TrimSpace(rest)) != 0 {
			err = fmt.Errorf("data after the value")
		}
		return err
	}, segjson.Unmarshal},
}

// decodeAll decodes one value and insists nothing follows, as Unmarshal
// does.
func decodeAll(decode func(any) error, more func() bool, v any) error {
	if err := decode(v); err != nil {
		return err
	}
	if more() {
		return fmt.Errorf("data after the value")
	}
	return nil
}

// generatedClients name, through their methods' signatures, the Go type of
// every example in the specs (the rule of specs/specs_test.go).
var generatedClients = map[string]reflect.Type{
	"iam":       reflect.TypeFor[*iam.ClientWithResponses](),
	"csms":      reflect.TypeFor[*csms.ClientWithResponses](),
	"modelarts": reflect.TypeFor[*modelarts.ClientWithResponses](),
	"top":       reflect.TypeFor[*top.ClientWithResponses](),
}

func generatedType(spec, id, part string) (reflect.Type, bool) {
	client, ok := generatedClients[spec]
	if !ok {
		return nil, false
	}
	var method reflect.Method
	found := false
	for i := range client.NumMethod() {
		m := client.Method(i)
		name, lower := strings.ToLower(m.Name), strings.ToLower(id)
		switch {
		case name == lower+"withresponse":
			method, found = m, true
		case !found && part != "request" && strings.HasPrefix(name, lower+"with") && strings.HasSuffix(name, "withresponse"):
			method, found = m, true
		}
	}
	if !found {
		return nil, false
	}
	if part == "request" {
		return method.Type.In(method.Type.NumIn() - 2), true
	}
	field, ok := method.Type.Out(0).Elem().FieldByName("JSON" + strings.ToUpper(part[:1]) + part[1:])
	if !ok || field.Type.Kind() != reflect.Pointer {
		return nil, false
	}
	return field.Type.Elem(), true
}

type corpusExample struct {
	where string
	typ   reflect.Type
	raw   []byte
}

// corpusExamples are every JSON example of the main module's specs with
// the generated type it decodes into.
func corpusExamples(t *testing.T) []corpusExample {
	t.Helper()
	files, err := filepath.Glob("../specs/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusExample
	for _, f := range files {
		if strings.HasSuffix(f, ".service.yaml") || strings.HasSuffix(f, ".codegen.yaml") {
			continue
		}
		spec := strings.TrimSuffix(filepath.Base(f), ".yaml")
		doc, err := openapi3.NewLoader().LoadFromFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				parts := map[string]openapi3.Content{}
				if op.RequestBody != nil && op.RequestBody.Value != nil {
					parts["request"] = op.RequestBody.Value.Content
				}
				for status, resp := range op.Responses.Map() {
					if resp.Value != nil {
						parts[status] = resp.Value.Content
					}
				}
				for part, content := range parts {
					typ, ok := generatedType(spec, op.OperationID, part)
					if !ok {
						continue
					}
					for mt, media := range content {
						if !strings.Contains(mt, "json") {
							continue
						}
						for exName, ex := range media.Examples {
							if ex.Value == nil {
								continue
							}
							raw, err := stdjson.Marshal(ex.Value.Value)
							if err != nil {
								t.Fatal(err)
							}
							out = append(out, corpusExample{fmt.Sprintf("%s %s %s %s %s", spec, method, path, part, exName), typ, raw})
						}
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].where < out[j].where })
	return out
}

// Every candidate decodes every corpus example strictly into the same value
// as encoding/json, the CSMS body too, and rejects what encoding/json
// rejects in strict mode.
func TestJSONCandidatesOnCorpus(t *testing.T) {
	examples := corpusExamples(t)
	if len(examples) < 5 {
		t.Fatalf("only %d examples found", len(examples))
	}
	examples = append(examples, corpusExample{"csmsBody", reflect.TypeFor[csms.ListResourceInstancesResponseBody](), csmsBody},
		corpusExample{"tokenBody", reflect.TypeFor[iam.KeystoneCreateUserTokenByPasswordResponseBody](), tokenBody},
		corpusExample{"topBody", reflect.TypeFor[top.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope](), topBody})
	for _, ex := range examples {
		want := reflect.New(ex.typ).Interface()
		if err := decoders[0].strict(ex.raw, want); err != nil {
			t.Errorf("%s: encoding/json: %v", ex.where, err)
			continue
		}
		for _, d := range decoders[1:] {
			got := reflect.New(ex.typ).Interface()
			if err := d.strict(ex.raw, got); err != nil {
				t.Errorf("%s: %s: %v", ex.where, d.name, err)
			} else if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s decodes differently from encoding/json", ex.where, d.name)
			}
		}
	}
	t.Logf("%d examples", len(examples))
}

// hostile are bodies a strict decoder of ListResourceInstancesResponseBody
// must refuse, with why.
var hostile = []struct{ name, body string }{
	{"unknown top-level field", `{"resources":[],"total_count":1,"extra":1}`},
	{"unknown nested field", `{"resources":[{"resource_id":"a","surprise":true}]}`},
	{"string for an integer", `{"total_count":"10"}`},
	{"integer overflow", `{"total_count":99999999999999999999}`},
	{"float for an integer", `{"total_count":1.5}`},
	{"truncated", `{"resources":[{"resource_id":"a"`},
	{"trailing data", `{"total_count":1} {"total_count":2}`},
	{"invalid UTF-8 escape", `{"resources":[{"resource_id":"\ud800\u"}]}`},
	{"object for an array", `{"resources":{"resource_id":"a"}}`},
}

func TestJSONCandidatesRejectHostileBodies(t *testing.T) {
	for _, h := range hostile {
		for _, d := range decoders {
			var v csms.ListResourceInstancesResponseBody
			if err := d.strict([]byte(h.body), &v); err == nil {
				t.Errorf("%s accepts %s: %s", d.name, h.name, h.body)
			}
		}
	}
}

// BenchmarkDecode decodes the CSMS answer into the generated types (a
// pointer on every field) with each candidate, default mode, and with
// encoding/json into hand-written value types (the floor's).
func BenchmarkDecode(b *testing.B) {
	b.Run("floor_values", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v floorListResponse
			if err := stdjson.Unmarshal(csmsBody, &v); err != nil || len(v.Resources) != 10 {
				b.Fatal(err)
			}
		}
	})
	for _, d := range decoders {
		for _, mode := range []struct {
			name string
			fn   func([]byte, any) error
		}{{"", d.loose}, {"_strict", d.strict}} {
			b.Run(d.name+mode.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var v csms.ListResourceInstancesResponseBody
					if err := mode.fn(csmsBody, &v); err != nil || len(v.Resources) != 10 {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkPairedDecode times every candidate (default mode, then strict)
// in each iteration, in rotating order, as BenchmarkPaired does, and
// reports each one's time per decode (NAME-ns/op) and its ratio to
// encoding/json's (NAME/encoding_json).
func BenchmarkPairedDecode(b *testing.B) {
	type candidate struct {
		name string
		fn   func([]byte, any) error
	}
	cands := []candidate{{"encoding_json", stdjson.Unmarshal}}
	for _, d := range decoders[1:] {
		cands = append(cands, candidate{d.name, d.loose})
	}
	for _, d := range decoders {
		cands = append(cands, candidate{d.name + "_strict", d.strict})
	}
	for _, c := range cands { // compile each decoder's plan for the type
		var v csms.ListResourceInstancesResponseBody
		if err := c.fn(csmsBody, &v); err != nil {
			b.Fatal(c.name, err)
		}
	}
	spent := make([]time.Duration, len(cands))
	iters := 0
	for b.Loop() {
		for k := range cands {
			j := (iters + k) % len(cands)
			start := time.Now()
			var v csms.ListResourceInstancesResponseBody
			if err := cands[j].fn(csmsBody, &v); err != nil || len(v.Resources) != 10 {
				b.Fatal(cands[j].name, err)
			}
			spent[j] += time.Since(start)
		}
		iters++
	}
	for j, c := range cands {
		b.ReportMetric(float64(spent[j].Nanoseconds())/float64(iters), c.name+"-ns/op")
		if j > 0 {
			b.ReportMetric(float64(spent[j])/float64(spent[0]), c.name+"/encoding_json")
		}
	}
}
