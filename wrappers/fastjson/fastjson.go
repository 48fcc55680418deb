// Package fastjson is a drop-in JSON decoder for the generated clients'
// Config.Unmarshal (huawei.Config, top.Config): github.com/segmentio/encoding,
// which decodes the specs' example bodies to the same values as
// encoding/json and fails where encoding/json fails (bench/'s corpus and
// edge-body tests, FuzzSameAsEncodingJSON here), in a fraction of its time.
// It makes a program larger, which is why it is not the default; the
// README ("Compared with the official SDK") gives both figures.
package fastjson

import "github.com/segmentio/encoding/json"

// Unmarshal decodes data into v as encoding/json.Unmarshal does.
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
