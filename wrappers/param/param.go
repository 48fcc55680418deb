// Package param writes request parameters into the URLs and headers of the
// generated clients' requests, without reflection: the request builders
// that specs/templates/client.tmpl writes call it for every parameter of a
// primitive type (or an exploded array of them) and build each URL in one
// buffer (Builder) that http.NewRequest parses once. Other parameters
// (objects, formats such as date-time) still go through oapi-codegen's
// runtime, and their already-encoded query fragments are appended with
// Builder.RawQuery.
//
// The encodings are oapi-codegen's: a path parameter is one segment escaped
// as url.PathEscape does, a query value as url.QueryEscape does (a space is
// "+"; runtime.DefaultQueryEncoder, oapi-codegen's global, is not read).
// What differs, on purpose: a path parameter that is empty, "." or ".." is
// an error (oapi-codegen sent the request to another resource:
// "/secrets//versions", or resolved "/secrets/../x" away); the server URL
// keeps its path ("https://host/proxy" + "/v1/x" is
// "https://host/proxy/v1/x", where oapi-codegen dropped "proxy" unless the
// server ended in "/"), and a server URL with a query or fragment is an
// error. An empty exploded array the builders write sends nothing rather
// than "name=".
package param

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unsafe"
)

// Builder is a request URL being written: server and path first (URL),
// then query parameters (Query, RawQuery), then NewRequest (or String).
// Its zero value is not useful.
type Builder struct {
	buf    []byte
	server int // len(buf) after the server, for errors that must not quote the query
	// fragment ends the URL after the query: a spec's path "/router/rest#m"
	// tells apart operations sharing a method and path, and wrappers/top's
	// Transport reads the API method from it. net/http never sends it.
	fragment string
}

// URL starts a request URL: server followed by path, in which each
// "{name}" is replaced by the next of values escaped as one path segment.
func URL(server, path string, values ...string) (Builder, error) {
	var u Builder
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, u.fragment = path[:i], path[i:]
	}
	if i := strings.IndexAny(server, "?#"); i >= 0 {
		return u, fmt.Errorf("param: server URL %q has a query or fragment", server[:i])
	}
	server = strings.TrimRight(server, "/")
	size := len(server) + len(path) + len(u.fragment) + 64
	for _, v := range values {
		size += len(v) + len(v)/2
	}
	u.buf = make([]byte, 0, size)
	u.buf = append(u.buf, server...)
	u.server = len(u.buf)
	if path != "" && path[0] != '/' {
		u.buf = append(u.buf, '/')
	}
	for _, v := range values {
		open := strings.IndexByte(path, '{')
		end := strings.IndexByte(path[open+1:], '}') + open + 1
		if open < 0 || end <= open {
			return u, fmt.Errorf("param: path %q has fewer parameters than the %d values given", path, len(values))
		}
		name := path[open+1 : end]
		switch v {
		case "":
			return u, fmt.Errorf("param: path parameter %s is empty", name)
		case ".", "..":
			return u, fmt.Errorf("param: path parameter %s is %q, which would name another path", name, v)
		}
		u.buf = append(u.buf, path[:open]...)
		u.buf = appendEscaped(u.buf, v, pathSegment)
		path = path[end+1:]
	}
	if strings.IndexByte(path, '{') >= 0 {
		return u, fmt.Errorf("param: path has more parameters than the %d values given: %q", len(values), path)
	}
	u.buf = append(u.buf, path...)
	return u, nil
}

// Query appends name=value to the query, both escaped as url.QueryEscape
// escapes them.
func (u *Builder) Query(name, value string) {
	u.separator()
	u.buf = appendEscaped(u.buf, name, queryComponent)
	u.buf = append(u.buf, '=')
	u.buf = appendEscaped(u.buf, value, queryComponent)
}

// RawQuery appends fragment, already encoded ("a=1&b=2"), to the query.
func (u *Builder) RawQuery(fragment string) {
	if fragment != "" {
		u.separator()
		u.buf = append(u.buf, fragment...)
	}
}

// String returns the URL.
func (u *Builder) String() string {
	return string(append(u.buf, u.fragment...))
}

// NewRequest is http.NewRequest for the URL. Its error names the server
// only: net/url's would quote the whole URL, query values included.
func (u *Builder) NewRequest(method string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequest(method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("param: server URL %q with this path does not make a request URL", u.buf[:u.server])
	}
	return req, nil
}

func (u *Builder) separator() {
	for _, c := range u.buf {
		if c == '?' {
			u.buf = append(u.buf, '&')
			return
		}
	}
	u.buf = append(u.buf, '?')
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
