package huawei

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// FamilySDKReference names the SDK reference page family (ModelArts).
const FamilySDKReference = "huawei-sdk"

// DetectSDKReference reports whether data looks like an SDK reference page:
// parameter tables captioned 请求参数说明 / 响应参数说明, and no URI section.
func DetectSDKReference(data []byte) bool {
	return !DetectAPIReference(data) && bytes.Contains(data, []byte("<table")) &&
		(bytes.Contains(data, []byte("请求参数说明")) || bytes.Contains(data, []byte("响应参数说明")))
}

// sdkCallRE finds the SDK method a code example calls: `api.get_instance_token(`.
var sdkCallRE = regexp.MustCompile(`\.([a-z][a-z0-9_]*)\(`)

// ReadSDKReference parses one SDK reference page. The page gives no method
// or path: the operation's parameters are left unplaced (model.InBody) until
// a service file says where the operation lives.
func ReadSDKReference(name string, data []byte) (*model.Page, model.Diagnostics) {
	p := newPage(name, data, FamilySDKReference)
	p.scan()
	for _, b := range p.blocks {
		if b.Kind != mdhtml.Code {
			continue
		}
		if calls := sdkCallRE.FindAllStringSubmatch(b.Text, -1); len(calls) > 0 {
			p.op.IDHint = camel(calls[len(calls)-1][1])
		}
	}
	p.buildSDK()
	return &model.Page{Loc: model.Loc{File: name}, Family: FamilySDKReference, Operations: []*model.Operation{p.op}}, p.diags
}

// sdkRole says what an SDK page table is for.
type sdkRole int

const (
	roleObject sdkRole = iota
	roleRequest
	roleSuccess
	roleFailure
)

func sdkRoleOf(caption string) sdkRole {
	switch {
	case strings.Contains(caption, "请求参数"):
		return roleRequest
	case strings.Contains(caption, "失败响应") || strings.Contains(caption, "错误响应"):
		return roleFailure
	case strings.Contains(caption, "响应参数"):
		return roleSuccess
	}
	return roleObject
}

func (p *page) buildSDK() {
	// Object tables follow the root table they belong to.
	scope, group := scopeRequest, ""
	for _, t := range p.tables {
		switch sdkRoleOf(t.caption) {
		case roleRequest:
			scope, group = scopeRequest, ""
		case roleSuccess:
			scope, group = scopeResponse, "200"
		case roleFailure:
			scope, group = scopeResponse, "default"
		}
		t.scope, t.group = scope, group
	}
	r := newResolver(p.file, p.tables, &p.diags)
	var found bool
	for _, t := range p.tables {
		role := sdkRoleOf(t.caption)
		switch role {
		case roleRequest:
			found = true
			params := p.params(r, t)
			for _, prm := range params {
				prm.In = model.InBody
			}
			p.op.Params = append(p.op.Params, params...)
		case roleSuccess, roleFailure:
			found = true
			body := &model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: r.objectSchema(t, "")}
			body.Schema.Name, body.Schema.Qualifier = "", ""
			desc := "成功响应"
			if role == roleFailure {
				desc = "失败响应"
			}
			p.op.Responses = append(p.op.Responses, &model.Response{Loc: body.Loc, Status: t.group, Description: desc, Body: body})
		}
	}
	if !found {
		p.diags.Errorf(model.Loc{File: p.file, Line: 1}, "no 请求参数说明 or 响应参数说明 table found")
	}
	for _, t := range p.tables {
		if sdkRoleOf(t.caption) == roleObject && !r.used[t] {
			p.diags.Warnf(t.loc(p.file, 0), "object table is not referenced by any parameter; ignored")
		}
	}
}

// camel turns snake_case into CamelCase.
func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		b.WriteString(capitalize(part))
	}
	return b.String()
}
