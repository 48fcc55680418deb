// Package param writes request parameters into the URLs and headers of the
// generated clients' requests, without reflection: the request builders
// that specs/templates/client.tmpl writes call it for every parameter of a
// primitive type (or an exploded array of them) and build each URL in one
// buffer that http.NewRequest parses once. Other parameters (objects,
// formats such as date-time) still go through oapi-codegen's runtime, and
// their already-encoded query fragments are appended with RawQuery.
//
// The encodings are oapi-codegen's: a path parameter is one segment escaped
// as url.PathEscape does, a query value as url.QueryEscape does (a space is
// "+"). Two things differ, both on purpose: a path parameter that is empty,
// "." or ".." is an error (oapi-codegen sent the request to another
// resource: "/secrets//versions", or resolved "/secrets/../x" away), and the
// server URL keeps its path ("https://host/proxy" + "/v1/x" is
// "https://host/proxy/v1/x", where oapi-codegen dropped "proxy" unless the
// server ended in "/"). An empty exploded array sends nothing rather than
// "name=".
package param

import (
	"fmt"
	"strconv"
	"strings"
	"unsafe"
)

// URL returns server followed by path, in which each "{name}" is replaced
// by the next of values escaped as one path segment. A "#..." ending the
// path is dropped: it is how a spec tells apart operations that share a
// method and path ("/v3/auth/tokens#KeystoneCreateUserTokenByPassword"),
// never sent. The buffer has room for a query; append parameters with
// Query and RawQuery, and pass string(url) to http.NewRequest.
func URL(server, path string, values ...string) ([]byte, error) {
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path = path[:i]
	}
	if i := strings.IndexAny(server, "?#"); i >= 0 {
		return nil, fmt.Errorf("param: server URL %q has a query or fragment", server[:i])
	}
	server = strings.TrimRight(server, "/")
	size := len(server) + len(path) + 64
	for _, v := range values {
		size += len(v) + len(v)/2
	}
	u := make([]byte, 0, size)
	u = append(u, server...)
	if path != "" && path[0] != '/' {
		u = append(u, '/')
	}
	for _, v := range values {
		open := strings.IndexByte(path, '{')
		end := strings.IndexByte(path[open+1:], '}') + open + 1
		if open < 0 || end <= open {
			return nil, fmt.Errorf("param: path %q has fewer parameters than the %d values given", path, len(values))
		}
		name := path[open+1 : end]
		switch v {
		case "":
			return nil, fmt.Errorf("param: path parameter %s is empty", name)
		case ".", "..":
			return nil, fmt.Errorf("param: path parameter %s is %q, which would name another path", name, v)
		}
		u = append(u, path[:open]...)
		u = appendEscaped(u, v, pathSegment)
		path = path[end+1:]
	}
	if strings.IndexByte(path, '{') >= 0 {
		return nil, fmt.Errorf("param: path has more parameters than the %d values given: %q", len(values), path)
	}
	return append(u, path...), nil
}

// Query appends name=value to u's query, both escaped as url.QueryEscape
// escapes them.
func Query(u []byte, name, value string) []byte {
	u = querySeparator(u)
	u = appendEscaped(u, name, queryComponent)
	u = append(u, '=')
	return appendEscaped(u, value, queryComponent)
}

// RawQuery appends fragment, already encoded ("a=1&b=2"), to u's query.
func RawQuery(u []byte, fragment string) []byte {
	if fragment == "" {
		return u
	}
	return append(querySeparator(u), fragment...)
}

func querySeparator(u []byte) []byte {
	for _, c := range u {
		if c == '?' {
			return append(u, '&')
		}
	}
	return append(u, '?')
}

// String is a string parameter's text (the generated code calls it for
// enum types too, whose underlying type is string).
func String[T ~string](v T) string { return string(v) }

// Int is an integer parameter's text.
func Int[T ~int | ~int8 | ~int16 | ~int32 | ~int64](v T) string {
	return strconv.FormatInt(int64(v), 10)
}

// Float is a number parameter's text, in the shortest decimal form that
// reads back as the same float32 or float64 (strconv's 'f', -1), as
// oapi-codegen writes it.
func Float[T ~float32 | ~float64](v T) string {
	return strconv.FormatFloat(float64(v), 'f', -1, int(unsafe.Sizeof(v))*8)
}

// Bool is a boolean parameter's text.
func Bool[T ~bool](v T) string {
	if v {
		return "true"
	}
	return "false"
}

type escaping int

const (
	pathSegment    escaping = iota // url.PathEscape
	queryComponent                 // url.QueryEscape
)

const upperHex = "0123456789ABCDEF"

// appendEscaped appends s escaped as net/url's shouldEscape decides for
// the two modes, without the string net/url's escape functions allocate.
func appendEscaped(u []byte, s string, mode escaping) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case !mustEscape(c, mode):
			u = append(u, c)
		case c == ' ' && mode == queryComponent:
			u = append(u, '+')
		default:
			u = append(u, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return u
}

// mustEscape is net/url's shouldEscape for encodePathSegment and
// encodeQueryComponent (RFC 3986 §2.2, §2.3, §3.3, §3.4).
func mustEscape(c byte, mode escaping) bool {
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return false
	}
	switch c {
	case '-', '_', '.', '~':
		return false
	case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
		if mode == pathSegment {
			return c == '/' || c == ';' || c == ',' || c == '?'
		}
		return true
	}
	return true
}
