// Package fastjson is a drop-in JSON decoder for the generated clients'
// Config.Unmarshal (huawei.Config, top.Config): github.com/segmentio/encoding,
// which decodes the specs' example bodies to the same values as
// encoding/json and fails where encoding/json fails (bench/'s corpus and
// edge-body tests, FuzzSameAsEncodingJSON here), in a fraction of its time.
// It is the clients' default decoder (Config.Unmarshal nil); building with
// -tags docapi_stdjson makes encoding/json the default instead, for a
// program about 0.4 MB smaller. The README ("Compared with the official
// SDK") gives both figures.
package fastjson

import (
	stdjson "encoding/json"
	"errors"
	"reflect"

	"github.com/segmentio/encoding/json"
)

// Unmarshal decodes data into v as encoding/json.Unmarshal does, and fails
// with encoding/json's error.
func Unmarshal(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return stdError(data, v)
	}
	return nil
}

// errDisagree is for a body segmentio refuses and encoding/json accepts,
// which the fuzz test has not found.
var errDisagree = errors.New("json: the body does not decode into the documented type")

// stdError is encoding/json's error for data: segmentio's errors quote the
// body (a token in it would reach err.Error() and the logs) and carry no
// offset. Decoding again costs only on failure.
func stdError(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return stdjson.Unmarshal(data, v) // *json.InvalidUnmarshalError
	}
	if err := stdjson.Unmarshal(data, reflect.New(rv.Type().Elem()).Interface()); err != nil {
		return err
	}
	return errDisagree
}
