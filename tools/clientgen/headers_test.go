package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

const headersSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
servers: [{url: "https://x.{region}.example.com"}]
paths:
  /v1/{project_id}/things:
    get:
      operationId: ListThings
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
        - {name: marker, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      x-docapi-pagination: {style: marker, param: marker, limit: limit, in: query, paramType: string, items: things}
      responses:
        "200":
          description: ok
          headers:
            X-Request-Id: {schema: {type: string}}
            x-request-id: {schema: {type: string}}
            Things: {description: a header named as a body field, schema: {type: string}}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThingsPage'}
  /v1/{project_id}/tags:
    get:
      operationId: ListTags
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          headers:
            X-Total: {schema: {type: string}}
            X-Subject-Token: {x-docapi-secret: true, schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
components:
  schemas:
    Thing: {type: object, properties: {id: {type: string}}}
    ThingsPage: {type: object, properties: {things: {type: array, items: {$ref: '#/components/schemas/Thing'}}}}
`

// Documented headers: merged as HTTP compares names, never shadowing a
// body field, beside a body that is a list (a named field, not embedded),
// and on a paged operation (which pages over the body).
func TestResponseHeadersCompile(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	spec, cfg := writeSpec(t, dir, "xx", headersSpec, filepath.Join(dir, "xx", "xx.gen.go"))
	files, err := generate("huawei", cfg, spec)
	if err != nil {
		t.Fatal(err)
	}
	api := string(files[filepath.Join(dir, "xx", "xxapi", "xxapi.gen.go")])
	if _, err := parser.ParseFile(token.NewFileSet(), "xxapi.gen.go", api, 0); err != nil {
		t.Fatalf("typed layer does not parse: %v\n%s", err, api)
	}
	flat := strings.Join(strings.Fields(api), " ")
	for _, want := range []string{
		"type ListThingsResult struct { *xx.ThingsPage",
		"ThingsHeader string",                             // not shadowing the body's Things
		"Body *[]xx.Thing",                                // a list is a named field
		`XRequestId: httpResp.Header.Get("X-Request-Id")`, // once, whatever the case
		"return r.ThingsPage, nil",                        // paging over the body
		"func(p *xx.ThingsPage) []xx.Thing",
		"XSubjectToken secret.Value", // marked x-docapi-secret
		`XSubjectToken: secret.New(httpResp.Header.Get("X-Subject-Token"))`,
		`"github.com/docapi/docapi/wrappers/secret"`,
		"XTotal string",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("typed layer lacks %q in\n%s", want, api)
		}
	}
	if n := strings.Count(flat, "XRequestId string"); n != 1 {
		t.Errorf("XRequestId declared %d times", n)
	}
}

// The package comment says where the pages came from, and that some differ
// from that commit when docparse found them modified.
func TestDocsLines(t *testing.T) {
	got := docsLines([]any{
		map[string]any{"repository": "huaweicloudDocs/vpc", "path": "cn.zh-cn/API参考", "commit": "a70e883", "pages": "testdata/vpc"},
		map[string]any{"repository": "huaweicloudDocs/ecs", "commit": "5d5f9de", "modified": []any{"API参考/a.md", "API参考/b.md"}},
	})
	want := []string{
		"huaweicloudDocs/vpc cn.zh-cn/API参考 at commit a70e883 (testdata/vpc)",
		"huaweicloudDocs/ecs at commit 5d5f9de, 2 pages modified since",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("docsLines =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const fileSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
servers: [{url: "https://x.{region}.example.com"}]
paths:
  /v1/{project_id}/jobs/export:
    post:
      operationId: ExportJob
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: a zip of the jobs
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
        "400":
          description: bad
          content:
            application/json:
              schema: {type: object, properties: {error_code: {type: string}}}
`

// An answer that is a file: the method returns its bytes, read over real
// HTTP from a loopback server by the generated client, and a JSON error
// beside it is an *APIError.
func TestFileAnswerOverLoopback(t *testing.T) {
	t.Chdir("../..")
	files := generateAndRun(t, fileSpec, fileLoopbackTest)
	var api string
	for path, src := range files {
		if strings.HasSuffix(path, "api.gen.go") {
			api = strings.Join(strings.Fields(string(src)), " ")
		}
	}
	for _, want := range []string{
		"ExportJob(ctx context.Context) ([]byte, error)",
		"return c.rt.File(opExportJob, httpResp)",
	} {
		if !strings.Contains(api, want) {
			t.Errorf("typed layer lacks %q:\n%s", want, api)
		}
	}
}

// fileLoopbackTest is the typed layer's test TestFileAnswerOverLoopback runs.
func fileLoopbackTest(pkg string) string {
	return `package ` + pkg + `api

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/docapi/docapi/wrappers/huawei"
)

func TestExportJobOverLoopback(t *testing.T) {
	zip := []byte("PK\x03\x04 a zip")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/p1/jobs/export" && r.URL.Query().Get("fail") == "" && r.Method == http.MethodPost {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(zip)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(` + "`" + `{"error_code":"DLF.0100","error_msg":"bad"}` + "`" + `))
	}))
	defer srv.Close()
	for _, project := range []string{"p1", "p2"} {
		c, err := New(huawei.Config{Endpoint: srv.URL, HTTPClient: srv.Client(), ProjectID: project})
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.ExportJob(context.Background())
		var apiErr *huawei.APIError
		switch {
		case project == "p1" && (err != nil || !bytes.Equal(got, zip)):
			t.Errorf("ExportJob = %q, %v; want the file", got, err)
		case project == "p2" && (!errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || got != nil):
			t.Errorf("ExportJob = %q, %v; want an *APIError for HTTP 400", got, err)
		}
	}
}
`
}
