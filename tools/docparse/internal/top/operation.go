package top

import (
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Media types of TOP calls.
const (
	mediaForm      = "application/x-www-form-urlencoded"
	mediaMultipart = "multipart/form-data"
	mediaJSON      = "application/json"
)

// Schema names this reader gives. oapi-codegen already names its client
// response wrapper <operationId>Response, so the response body types use
// other suffixes.
const (
	requestSuffix  = "Request"  // form body: <IDHint>Request
	resultSuffix   = "Result"   // the object inside the envelope: <IDHint>Result
	envelopeSuffix = "Envelope" // {"<api>_response": <IDHint>Result}: <IDHint>Envelope
	// Qualifiers of page-defined types mirror TOP's SDKs, where
	// SecurityTokenQueryParam is <IDHint>Request.SecurityTokenQueryParam.
	requestQualifierSuffix  = "Request"
	responseQualifierSuffix = "Response"

	errorSchemaName         = "TopError"
	errorResponseSchemaName = "TopErrorResponse"
	errorEnvelopeKey        = "error_response"
)

// sectionLoc locates a section's heading, or the title when it is missing.
func (r *reader) sectionLoc(p *pageParts, name string) model.Loc {
	if s := p.sections[name]; s != nil {
		return r.loc(s.line, name, 0, "")
	}
	return r.loc(p.titleLine, name, 0, "")
}

// requestBody models the business parameters as a form body. Object (and
// list-of-object) parameters travel as one form field holding JSON.
func (r *reader) requestBody(p *pageParts, id string) *model.Body {
	loc := r.sectionLoc(p, secRequest)
	obj := &model.Schema{Loc: loc, Name: id + requestSuffix, Type: model.TypeObject}
	body := &model.Body{Loc: loc, MediaType: mediaForm, Schema: obj}
	s := p.sections[secRequest]
	if s == nil {
		r.log.warnf(loc, "no 请求参数 section; request has no business parameters")
		return body
	}
	t := r.readTable(s, requestColumns)
	r.buildTree(t, obj, nil, id+requestQualifierSuffix, false)
	for _, prop := range obj.Properties {
		body.Required = body.Required || prop.Required
		if carriesJSON(prop.Schema) {
			if body.Encoding == nil {
				body.Encoding = map[string]string{}
			}
			body.Encoding[prop.Name] = mediaJSON
		}
		if r.kinds[prop.Schema] == kindBinary {
			// A file upload cannot be url-encoded.
			body.MediaType = mediaMultipart
		}
	}
	return body
}

// carriesJSON says whether a form field holds JSON text: objects and lists
// of objects.
func carriesJSON(s *model.Schema) bool {
	if s.Type == model.TypeArray && s.Items != nil {
		s = s.Items
	}
	return s.Type == model.TypeObject
}

// successResponse models TOP's answer {"<api>_response": {...}}, with the
// XML response example converted to JSON as its example.
func (r *reader) successResponse(p *pageParts, id string) *model.Response {
	key := envelopeKey(p.apiName)
	loc := r.sectionLoc(p, secResponse)
	roots := r.exampleXML(p.sections[secResponseExample])
	// The example shows the member name the gateway really sends; it wins
	// over the one derived from the API name.
	if len(roots) > 0 && roots[0].name != key && strings.HasSuffix(roots[0].name, "_response") && roots[0].name != errorEnvelopeKey {
		r.log.warnf(r.loc(roots[0].line, secResponseExample, 0, ""), "response example root is <%s>, not <%s> as derived from the API name; followed the example", roots[0].name, key)
		key = roots[0].name
	}
	result := &model.Schema{Loc: loc, Name: id + resultSuffix, Type: model.TypeObject}
	envelope := &model.Schema{Loc: loc, Name: id + envelopeSuffix, Type: model.TypeObject,
		Properties: []*model.Property{{Loc: loc, Name: key, Required: true, Schema: result}}}
	standIns := r.resultElements(p, roots, key)
	if s := p.sections[secResponse]; s != nil {
		t := r.readTable(s, responseColumns)
		r.buildTree(t, result, standIns, id+responseQualifierSuffix, true)
	} else {
		r.log.warnf(loc, "no 响应参数 section; result has no documented members")
	}
	body := &model.Body{Loc: loc, MediaType: mediaJSON, Schema: envelope}
	if len(standIns) > 0 {
		conv := exampleConverter{r: r, section: secResponseExample}
		if v, ok := conv.object(result, standIns[0], ""); ok {
			body.Examples = []*model.Example{{
				Loc:     r.loc(standIns[0].line, secResponseExample, 0, ""),
				Summary: "XML示例 converted to JSON",
				Value:   map[string]any{key: v},
			}}
		}
	}
	return &model.Response{Loc: loc, Status: "200",
		Description: "Success. TOP wraps the result in \"" + key + "\".", Body: body}
}

// resultElements picks the example element standing for the result: the
// root named after the envelope key.
func (r *reader) resultElements(p *pageParts, roots []*element, key string) []*element {
	if len(roots) == 0 {
		return nil
	}
	for _, e := range roots {
		if e.name == key {
			return []*element{e}
		}
	}
	r.log.warnf(r.loc(roots[0].line, secResponseExample, 0, ""), "response example root is <%s>, expected <%s>; read as the result anyway", roots[0].name, key)
	return roots[:1]
}

// errorResponse models TOP's error body. TOP answers errors with HTTP 200,
// so "default" is the only honest status; the wrapper tells them apart by
// the error_response member.
func (r *reader) errorResponse(p *pageParts) *model.Response {
	loc := r.sectionLoc(p, secErrorExample)
	topError, envelope := r.errorSchemas(loc)
	body := &model.Body{Loc: loc, MediaType: mediaJSON, Schema: envelope}
	for _, e := range r.exampleXML(p.sections[secErrorExample]) {
		if e.name != errorEnvelopeKey {
			r.log.warnf(r.loc(e.line, secErrorExample, 0, ""), "error example root is <%s>, expected <%s>; not used", e.name, errorEnvelopeKey)
			continue
		}
		conv := exampleConverter{r: r, section: secErrorExample}
		if v, ok := conv.object(topError, e, errorEnvelopeKey); ok {
			body.Examples = []*model.Example{{Loc: r.loc(e.line, secErrorExample, 0, ""),
				Summary: "XML示例 converted to JSON", Value: map[string]any{errorEnvelopeKey: v}}}
		}
		break
	}
	return &model.Response{Loc: loc, Status: "default", Body: body,
		Description: errorDescription(r.errorCodes(p.sections[secErrorCodes]))}
}

// errorSchemas returns TopError and TopErrorResponse, the same on every
// TOP page so the emitter can share them.
func (r *reader) errorSchemas(loc model.Loc) (topError, envelope *model.Schema) {
	member := func(name string, k scalarKind, desc string) *model.Property {
		return &model.Property{Loc: loc, Name: name, Description: desc, Schema: r.scalarSchema(loc, k)}
	}
	topError = &model.Schema{Loc: loc, Name: errorSchemaName, Type: model.TypeObject, Properties: []*model.Property{
		member("code", kindInteger, "Platform error code."),
		member("msg", kindString, "Platform error message."),
		member("sub_code", kindString, "Business error code."),
		member("sub_msg", kindString, "Business error message."),
		member("request_id", kindString, "Request id, for support."),
	}}
	envelope = &model.Schema{Loc: loc, Name: errorResponseSchemaName, Type: model.TypeObject, Properties: []*model.Property{
		{Loc: loc, Name: errorEnvelopeKey, Required: true, Schema: topError},
	}}
	return topError, envelope
}

func errorDescription(codes []string) string {
	d := "Error. TOP sends errors with HTTP status 200 and this body in place of the result envelope."
	if len(codes) == 0 {
		return d
	}
	return d + "\n\n" + colErrorCode + ":\n- " + strings.Join(codes, "\n- ")
}

const colErrorCode = "错误码"

// errorCodes reads the 错误码解释 rows (错误码 错误描述 解决方案), whether
// they came as lines or as bullets three to a row.
func (r *reader) errorCodes(s *section) []string {
	if s == nil {
		return nil
	}
	var codes, cells []string
	flush := func() {
		for i := 0; i < len(cells); i += 3 {
			codes = append(codes, strings.Join(cells[i:min(i+3, len(cells))], " "))
		}
		cells = nil
	}
	for _, l := range s.body {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "" || strings.HasPrefix(t, colErrorCode+" "):
		case strings.HasPrefix(t, bullet):
			cells = append(cells, strings.TrimSpace(strings.TrimPrefix(t, bullet)))
		default:
			flush()
			codes = append(codes, t)
		}
	}
	flush()
	return codes
}
