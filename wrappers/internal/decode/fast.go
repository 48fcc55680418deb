//go:build !docapi_stdjson

package decode

import "github.com/docapi/docapi/wrappers/fastjson"

// Unmarshal decodes data into v with wrappers/fastjson.
func Unmarshal(data []byte, v any) error { return fastjson.Unmarshal(data, v) }
