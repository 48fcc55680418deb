// Package ext names the OpenAPI extensions docparse writes into the specs
// and the generators and the changelog read back, so each name is spelled
// once.
package ext

const (
	// Source is where a part was read from: "page.md:12 table "表 3" row 2".
	Source = "x-docapi-source"
	// Docs, on info, are the documentation repositories and commits the
	// pages came from.
	Docs = "x-docapi-docs"
	// Secret marks a response header that carries a credential.
	Secret = "x-docapi-secret"
	// Idempotent marks a POST that may be repeated (from a service file).
	Idempotent = "x-docapi-idempotent"
	// Pagination describes how a list operation pages.
	Pagination = "x-docapi-pagination"
	// Constraints quote the sentences enums, lengths, ranges and defaults
	// were read from.
	Constraints = "x-docapi-constraints"
	// TopMethod is a TOP operation's API method name.
	TopMethod = "x-top-method"
)
