// Package fastjson is a drop-in JSON decoder for the generated clients'
// Config.Unmarshal (huawei.Config, top.Config): github.com/segmentio/encoding,
// which decodes the corpus's example bodies to the same values as
// encoding/json, and fails where encoding/json fails, at about a third of
// its time. It costs about 0.8 MB of binary, which is why it is not the
// default; bench/ measures both.
package fastjson

import "github.com/segmentio/encoding/json"

// Unmarshal decodes data into v as encoding/json.Unmarshal does.
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
