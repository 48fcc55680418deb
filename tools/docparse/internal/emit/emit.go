// Package emit writes the operations the page readers produced as one
// OpenAPI 3.0.3 document in YAML.
//
// It works in two stages, as ogen does. Resolution (resolve.go,
// components.go, schema.go) reads the model without changing it and makes
// every decision: which operations and parameters can be written, which
// schemas become components and what they are called, which identical
// tables merge, which examples are valid, and every diagnostic about them,
// each reported once. It produces a small IR (ir.go). The writer (write.go)
// only writes that IR, as a stream through package yamlw, so memory stays
// proportional to the model rather than to a YAML node tree.
//
// The output is deterministic (the same input gives the same bytes, which
// golden files and "go generate" no-diff checks rely on), keeps page order
// where a reader expects it, and is shaped for oapi-codegen: every object
// table is one named component referred to with $ref wherever it is used,
// so a document grows linearly with its pages.
package emit

import (
	"bytes"
	"fmt"
	"io"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Info is the document's info object.
type Info struct {
	Title, Version, Description string
	// Docs are where the pages came from, written as info.x-docapi-docs.
	Docs []Docs
}

// Docs says that the pages under Pages are the vendor's pages at Path in
// Repository at Commit.
type Docs struct {
	Pages, Repository, Commit, Path string
	// Modified are the pages (relative to the checkout) that differ from
	// Commit: what was read is not all in it.
	Modified []string
}

// Server is one entry of the document's servers list.
type Server struct {
	URL, Description string
	Variables        []ServerVariable
}

// ServerVariable substitutes {Name} in a server URL.
type ServerVariable struct {
	Name, Default, Description string
	Enum                       []string
}

// SecurityScheme is an OpenAPI security scheme operations may name in
// model.Operation.Security. The caller supplies them (from the service
// file): which vendor uses which scheme is not the emitter's to know.
type SecurityScheme struct {
	Name        string // the name operations use, e.g. "XAuthToken"
	Type        string // OpenAPI type; "apiKey" is supported
	In          string // for apiKey: header, query or cookie
	ParamName   string // for apiKey: the header or parameter carrying the key
	Description string
}

// Document is everything one emitted file describes.
type Document struct {
	Info            Info
	Servers         []Server
	SecuritySchemes []SecurityScheme // those operations may name; only the used ones are written
	// Security is the document's default requirement (scheme names, any
	// one of them), written as its top-level security. Each operation's
	// Security is its whole requirement: one that differs from this one,
	// none included, is written on the operation (none as security: []).
	Security   []string
	Operations []*model.Operation // in order; all pages of one service
	// SecretHeaders name the response headers that carry credentials
	// (compared as HTTP compares names); they are marked x-docapi-secret.
	SecretHeaders []string
}

// Emit checks and writes doc: it names schemas, merges identical ones and
// drops invalid examples with located warnings. Operations it cannot write
// are left out with a located error; the caller decides whether to keep the
// output when the diagnostics hold errors. schemas counts the component
// schemas written. Emit does not change doc and does not panic.
func Emit(doc Document) (out []byte, schemas int, diags model.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			out, schemas = nil, 0
			diags = append(diags, model.Diagnostic{Severity: model.Error, Msg: fmt.Sprintf("emitter failure: %v", r)})
		}
	}()
	sp, diags := resolve(doc)
	// Writing twice, first only to count, costs less than holding the
	// document twice while a growing buffer copies it.
	var size countingWriter
	if err := write(&size, sp); err != nil {
		diags.Errorf(model.Loc{}, "writing YAML: %v", err)
		return nil, 0, diags
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if err := write(buf, sp); err != nil {
		diags.Errorf(model.Loc{}, "writing YAML: %v", err)
		return nil, 0, diags
	}
	return buf.Bytes(), len(sp.schemas), diags
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// EmitTo is Emit writing to w as it goes. A write error is also reported
// as an error diagnostic.
func EmitTo(w io.Writer, doc Document) (schemas int, diags model.Diagnostics, err error) {
	defer func() {
		// A bug here must not take down a run over many pages; report it
		// like any other defect.
		if r := recover(); r != nil {
			err = fmt.Errorf("emitter failure: %v", r)
			diags = append(diags, model.Diagnostic{Severity: model.Error, Msg: err.Error()})
		}
	}()
	sp, diags := resolve(doc)
	if err := write(w, sp); err != nil {
		diags.Errorf(model.Loc{}, "writing YAML: %v", err)
		return 0, diags, err
	}
	return len(sp.schemas), diags, nil
}
