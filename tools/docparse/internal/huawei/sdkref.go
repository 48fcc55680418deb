package huawei

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// FamilySDKReference names the SDK reference page family (ModelArts).
const FamilySDKReference = "huawei-sdk"

var (
	// sdkCallRE finds the SDK method a code example calls: `api.get_instance_token(`.
	sdkCallRE = regexp.MustCompile(`\.([a-z][a-z0-9_]*)\(`)
	// pythonMethods are methods of Python's own lists, strings and dicts,
	// which sample code calls on its values (configs.append(config1)):
	// no SDK call.
	pythonMethods = map[string]bool{
		"append": true, "extend": true, "insert": true, "pop": true, "remove": true, "sort": true,
		"format": true, "join": true, "split": true, "strip": true, "replace": true, "lower": true, "upper": true,
		"encode": true, "decode": true, "keys": true, "values": true, "items": true, "copy": true,
	}
	// captionMethodRE reads the method a caption is about: "delete_job_by_id请求参数说明".
	captionMethodRE = regexp.MustCompile(`^([a-z][a-z0-9_]*)(?:请求|返回|响应|成功|失败)`)
)

// ReadSDKReference parses one SDK reference page. The page gives no method
// or path: the operation's parameters are left unplaced (model.InBody) until
// a service file says where the operation lives.
func ReadSDKReference(name string, data []byte) (*model.Page, model.Diagnostics) {
	if pg, diags, done := readNonText(name, data, FamilySDKReference); done {
		return pg, diags
	}
	p := newPage(name, data, FamilySDKReference)
	p.scan()
	var call *model.IDHint
	for _, b := range p.blocks {
		if b.Kind != mdhtml.Code {
			continue
		}
		calls := slices.DeleteFunc(sdkCallRE.FindAllStringSubmatch(b.Text, -1), func(m []string) bool { return pythonMethods[m[1]] })
		if len(calls) > 0 {
			name := camel(calls[len(calls)-1][1])
			p.op.IDHint = name
			call = &model.IDHint{Loc: model.Loc{File: p.file, Line: b.Line, What: "SDK call in the sample code"}, Source: "sdk", Name: name}
		}
	}
	if call == nil && len(p.tables) == 0 {
		// Session set-up and overview pages: sample code that calls no
		// SDK method, and nothing that describes a call.
		return &model.Page{Loc: model.Loc{File: name}, Family: FamilySDKReference, NotOperation: "the sample code calls no SDK method and the page has no parameter tables"}, p.diags
	}
	var caption *model.IDHint
	for _, t := range p.tables {
		if m := captionMethodRE.FindStringSubmatch(t.caption); m != nil {
			p.op.IDHint = camel(m[1]) // the tables say which of the sample's calls they describe
			at := t.loc(p.file, 0)
			at.What = "SDK call named in the caption"
			caption = &model.IDHint{Loc: at, Source: "sdk", Name: p.op.IDHint}
			break
		}
	}
	// Hints in page order; the caption's, when it names the same call, once.
	hints := []*model.IDHint{call, caption}
	if call != nil && caption != nil && caption.Loc.Line < call.Loc.Line {
		hints = []*model.IDHint{caption, call}
	}
	for _, h := range hints {
		if h != nil && !slices.ContainsFunc(p.op.IDHints, func(x model.IDHint) bool { return x.Name == h.Name }) {
			p.op.IDHints = append(p.op.IDHints, *h)
		}
	}
	p.buildSDK()
	return p.result(FamilySDKReference)
}

// sdkRole says what an SDK page table is for.
type sdkRole int

const (
	roleObject sdkRole = iota
	roleRequest
	roleBody // the request body's fields: 请求body参数说明
	roleSuccess
	roleFailure
)

func sdkRoleOf(caption string) sdkRole {
	c := strings.ToLower(caption)
	switch {
	case strings.Contains(c, "body参数") || strings.Contains(c, "请求体"):
		return roleBody
	case strings.Contains(c, "请求参数"):
		return roleRequest
	case strings.Contains(c, "失败响应") || strings.Contains(c, "错误响应"):
		return roleFailure
	case strings.Contains(c, "响应参数") || strings.Contains(c, "返回参数") || strings.Contains(c, "返回值"):
		return roleSuccess
	}
	return roleObject
}

func (p *page) buildSDK() {
	// Object tables follow the root table they belong to. A first table
	// whose caption names neither a role nor a type ("参数说明") holds the
	// request parameters.
	roles := make([]sdkRole, len(p.tables))
	scope, group, seenRoot := scopeRequest, "", false
	for i, t := range p.tables {
		role := sdkRoleOf(t.caption)
		if role == roleObject && t.typeName == "" && !seenRoot {
			role = roleRequest
		}
		switch role {
		case roleRequest, roleBody:
			scope, group = scopeRequest, ""
		case roleSuccess:
			scope, group = scopeResponse, "200"
		case roleFailure:
			scope, group = scopeResponse, "default"
		}
		seenRoot = seenRoot || role != roleObject
		roles[i] = role
		t.scope, t.group, t.kind, t.bySection = scope, group, kindBody, false
		if role == roleObject {
			t.kind = kindObject
		}
	}
	r := newResolver(p.file, p.tables, p.examples, &p.diags)
	for i, t := range p.tables {
		switch role := roles[i]; role {
		case roleRequest:
			for _, prm := range p.params(r, t, kindBody) {
				p.addSDKParam(prm)
			}
		case roleBody:
			schema, required := r.bodySchema(t)
			p.mergeRequestBody(&model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: schema, Required: required})
		case roleSuccess, roleFailure:
			schema, _ := r.bodySchema(t)
			body := &model.Body{Loc: t.loc(p.file, 0), MediaType: "application/json", Schema: schema}
			if slices.ContainsFunc(p.op.Responses, func(r *model.Response) bool { return r.Status == t.group }) {
				p.diags.Warnf(body.Loc, "second response body table for status %s; ignored", t.group)
				continue
			}
			desc := "成功响应"
			if role == roleFailure {
				desc = "失败响应"
			}
			p.op.Responses = append(p.op.Responses, &model.Response{Loc: body.Loc, Status: t.group, Description: desc, Body: body})
		}
	}
	if len(p.tables) == 0 {
		p.diags.Errorf(p.op.Loc, "the page has no parameter tables (no 请求参数说明, 响应参数说明 or 参数说明 table), only text and sample code: nothing describes the operation's request or response")
	} else if !seenRoot {
		p.diags.Errorf(p.op.Loc, "no 请求参数说明 or 响应参数说明 table found")
	}
	for i, t := range p.tables {
		if roles[i] == roleObject && !r.used[t] {
			p.diags.Warnf(t.loc(p.file, 0), "object table is not referenced by any parameter; ignored")
		}
	}
}

// isSessionArg reports the session object of Session-style SDK calls
// (Estimator.delete_job_by_id(modelarts_session=...)): client state, not
// part of the HTTP request.
func isSessionArg(name, typ string) bool {
	name = strings.ToLower(name)
	ref, ok := readType(typ)
	return ok && ref.object && !ref.array && (name == "session" || strings.HasSuffix(name, "_session"))
}

// addSDKParam files one argument of the SDK call. An object argument
// described as the request body is the body; the rest are left for the
// service file's path and method to place.
func (p *page) addSDKParam(prm *model.Param) {
	obj := prm.Schema != nil && prm.Schema.Type == model.TypeObject
	lower := strings.ToLower(prm.Name)
	desc := strings.ToLower(prm.Description)
	switch {
	case obj && (lower == "body" || strings.Contains(desc, "body") || strings.Contains(desc, "请求体")):
		if p.op.RequestBody != nil && p.op.RequestBody.Schema != nil {
			p.diags.Warnf(prm.Loc, "argument %q is a second request body; ignored", prm.Name)
			return
		}
		p.op.RequestBody = &model.Body{Loc: prm.Loc, MediaType: "application/json", Schema: prm.Schema, Required: prm.Required}
	default:
		prm.In = model.InBody
		p.op.Params = append(p.op.Params, prm)
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
