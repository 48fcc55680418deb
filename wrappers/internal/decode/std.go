//go:build docapi_stdjson

package decode

import "encoding/json"

// Unmarshal decodes data into v with encoding/json.
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
