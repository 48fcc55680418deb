// Package decode is the JSON decoder the clients use when Config.Unmarshal
// is nil: wrappers/fastjson's, which decodes the generated types in about a
// quarter of encoding/json's time; or encoding/json's when the program is
// built with -tags docapi_stdjson, which makes it about 0.4 MB smaller (the
// README compares both).
package decode
