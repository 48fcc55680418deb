package main

import (
	"strings"
	"text/template"
)

var funcs = template.FuncMap{
	"join": strings.Join,
}

var serverTemplate = template.Must(template.New("server").Funcs(funcs).Parse(`{{.Header}}

package {{.Models}}

// ServerURL is the server of {{printf "%q" .Title}} as its spec names it{{if .Server}}; {region} is a
// region id such as cn-north-4{{end}}.
const ServerURL = {{printf "%q" .Server}}
`))

var huaweiTemplate = template.Must(template.New("huawei").Funcs(funcs).Parse(`{{.Header}}

// Package {{.Package}} calls {{.Title}} with typed results: one method per
// operation of the spec, returning the decoded body, an *huawei.APIError for
// a non-2xx answer or an *huawei.ResponseError for an unusable one{{if .Paged}}, and an
// iter.Seq2 over the items of every paged list operation{{end}}. Build a
// Client with New from a huawei.Config.{{if .Docs}}
//
// Read from the documentation pages of:{{range .Docs}}
//   - {{.}}{{end}}{{end}}
package {{.Package}}

import (
	"context"
	"net/http"
{{range .Imports}}	{{.}}
{{end}}
	"github.com/docapi/docapi/generated/{{.Models}}"
	"github.com/docapi/docapi/wrappers/huawei"
)

// Service is {{.Models}} as its spec describes it.
var Service = huawei.Service{Name: {{printf "%q" .Service}}, Server: {{.Models}}.ServerURL}

// Client calls {{.Title}}.
type Client struct{ rt *huawei.Client }

// New applies cfg to the service.
func New(cfg huawei.Config) (*Client, error) {
	rt, err := huawei.NewClient(cfg, Service)
	if err != nil {
		return nil, err
	}
	return &Client{rt: rt}, nil
}

// Runtime is the configured runtime, for oapi-codegen's raw client:
// {{.Models}}.NewClientWithResponses(c.Runtime().Server(), {{.Models}}.WithHTTPClient(c.Runtime().HTTPClient())).
func (c *Client) Runtime() *huawei.Client { return c.rt }
{{range .Ops}}{{$op := .}}{{if .Headers}}
// {{.Name}}Result is what {{.Name}} answers: the decoded body and the
// response headers the spec documents for HTTP {{.Status}} ("" when absent).
type {{.Name}}Result struct {
{{- if .BodyEmbedded}}
	*{{.BodyType}}
{{- else}}
	// Body is the decoded body.
	Body *{{.BodyType}}
{{- end}}
{{- range .Headers}}
	// {{.Go}} is the {{.Name}} header{{if .Description}}: {{.Description}}{{end}}{{if .Secret}}
	// It is a credential: Reveal it only to send it.
	{{.Go}} secret.Value{{else}}
	{{.Go}} string{{end}}
{{- end}}
}
{{end}}
var op{{.Name}} = &huawei.Operation{Service: {{printf "%q" $.Service}}, Name: {{printf "%q" .Name}}, Method: {{printf "%q" .Method}}, Path: {{printf "%q" .Path}},
	Idempotent: {{.Idempotent}}, Auth: {{.Auth}}, Project: {{.Project}}, Domain: {{.Domain}}{{if .StrictStatus}}, StrictStatus: true{{end}}}

// {{.Name}}{{if .Summary}} ({{.Summary}}){{end}}: {{.Method}} {{.Path}}.{{if .Idempotent}}
// Retried on throttling, server errors and broken connections.{{else}}
// Not retried: the spec does not mark it idempotent.{{end}}{{if .Source}}
//
// Source: {{.Source}}{{end}}
func (c *Client) {{.Name}}(ctx context.Context{{range .Params}}, {{.}}{{end}}) {{if .Result}}(*{{.Result}}, error){{else if .File}}([]byte, error){{else}}error{{end}} {
	httpResp, err := c.rt.Do(ctx, op{{.Name}}, func(server string, ids huawei.IDs) (*http.Request, error) {
		return {{$.Models}}.{{.Request}}(server{{range .Args}}, {{.}}{{end}})
	})
	if err != nil {
		return {{if or .Result .File}}nil, {{end}}err
	}
{{- if .Result}}
	var out {{.BodyType}}
	if err := c.rt.Decode(op{{.Name}}, httpResp, {{.Status}}, &out); err != nil {
		return nil, err
	}
{{- if .Headers}}
	return &{{.Result}}{ {{- .BodyField}}: &out{{range .Headers}}, {{.Go}}: {{if .Secret}}secret.New(httpResp.Header.Get({{printf "%q" .Name}})){{else}}httpResp.Header.Get({{printf "%q" .Name}}){{end}}{{end}}}, nil
{{- else}}
	return &out, nil
{{- end}}
{{- else if .File}}
	return c.rt.File(op{{.Name}}, httpResp)
{{- else}}
	return c.rt.NoResult(op{{.Name}}, httpResp)
{{- end}}
}
{{with .Paging}}
var page{{$op.Name}} = huawei.Paging{Op: op{{$op.Name}}, Style: {{printf "%q" .Style}}, Param: {{printf "%q" .Param}}, Limit: {{printf "%q" .Limit}},
	In: {{printf "%q" .In}}, ParamType: {{printf "%q" .ParamType}}, Items: {{printf "%q" .Items}}, Next: {{printf "%q" .Next}}, Total: {{printf "%q" .Total}}{{if and (eq .Style "page") (eq .First 0)}}, PagesFromZero: true{{end}}}

// {{$op.Name}}All iterates over the {{.Items}} of every page of {{$op.Name}}
// ({{.Style}} paging), fetching the next page only when the loop asks for it.
// It stops after yielding an error.{{if $op.Source}}
//
// Source: {{$op.Source}}{{end}}
func (c *Client) {{$op.Name}}All(ctx context.Context{{range $op.Params}}, {{.}}{{end}}) iter.Seq2[{{.Item}}, error] {
	call := func(ctx context.Context, {{.ReqParam}} {{.ReqType}}) (*{{$op.BodyType}}, error) {
{{- if $op.Headers}}
		r, err := c.{{$op.Name}}(ctx{{range $op.ParamNames}}, {{.}}{{end}})
		if err != nil {
			return nil, err
		}
		return r.{{$op.BodyField}}, nil
{{- else}}
		return c.{{$op.Name}}(ctx{{range $op.ParamNames}}, {{.}}{{end}})
{{- end}}
	}
	return huawei.Paginate(ctx, page{{$op.Name}}, {{.ReqParam}}, call, func(p *{{$op.BodyType}}) []{{.Item}} { {{.ItemsExpr}} })
}
{{end}}{{end}}`))

var topTemplate = template.Must(template.New("top").Funcs(funcs).Parse(`{{.Header}}

// Package {{.Package}} calls the {{.Title}} APIs of its spec with typed
// results: one method per API, returning the API's response (the member of
// TOP's envelope), a *top.Error for an error_response, a *top.StatusError
// for a non-200 answer or a *top.ResponseError for an unusable one. Build a
// Client with New from a top.Config of wrappers/top.{{if .Docs}}
//
// Read from the documentation pages of:{{range .Docs}}
//   - {{.}}{{end}}{{end}}
package {{.Package}}

import (
	"context"
{{range .Imports}}	{{.}}
{{end}}
	"github.com/docapi/docapi/generated/{{.Models}}"
	toprt "github.com/docapi/docapi/wrappers/top"
)

// Client calls {{.Title}}.
type Client struct{ rt *toprt.Client }

// New builds a Client from cfg; see top.NewClient in wrappers/top for the options.
func New(cfg toprt.Config, opts ...toprt.Option) (*Client, error) {
	rt, err := toprt.NewClient(cfg, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{rt: rt}, nil
}

{{range .Ops}}
var op{{.Name}} = &toprt.Operation{Name: {{printf "%q" .Name}}, Method: {{printf "%q" .TopMethod}}, Idempotent: {{.Idempotent}}}

// {{.Name}} calls {{.TopMethod}}{{if .Summary}} ({{.Summary}}){{end}}.{{if .Idempotent}}
// Retried (with top.WithRetry): the spec marks it idempotent.{{else}}
// Not retried: the spec does not mark it idempotent.{{end}}{{if .Source}}
//
// Source: {{.Source}}{{end}}
func (c *Client) {{.Name}}(ctx context.Context, params {{.RequestType}}) (*{{.Result}}, error) {
	var env {{.EnvelopeType}}
	if err := c.rt.Call(ctx, op{{.Name}}, params, &env); err != nil {
		return nil, err
	}
{{- if .MemberPointer}}
	if env.{{.Member}} == nil {
		return nil, c.rt.Missing(op{{.Name}})
	}
	return env.{{.Member}}, nil
{{- else}}
	return &env.{{.Member}}, nil
{{- end}}
}
{{end}}`))
