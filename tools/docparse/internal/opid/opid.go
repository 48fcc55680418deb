// Package opid gives every operation an operationId, unique within the spec.
//
// The rule, in order (the first that yields a free name wins):
//
//  1. the service file's operationId (set before this stage runs);
//  2. an id the page itself states for the operation: the name a 接口名称
//     list item gives, when it agrees with the page (as the Explorer link
//     must, below); the title anchor when it is an English identifier, a TOP
//     API name, an SDK call;
//  3. the API Explorer link (api=ListVpcs) when it agrees with the page: its
//     verb is of the same kind as the title's (查询 → List/Show/Get…,
//     删除 → Delete/Remove…) and does not contradict the HTTP method;
//  4. a name derived from the title's verb (or, when the title has none
//     this package knows, the HTTP method) and the path's resource:
//     DELETE /v1/{project_id}/vpcs/{vpc_id} titled 删除VPC is DeleteVpc,
//     GET /v1/{project_id}/vpcs titled 查询VPC列表 is ListVpcs. A read is
//     List when the title says 列表; else Count when it says 总数 or 数量
//     (查询某个租户的任务总数 is CountTask); else Show when the path ends in
//     a placeholder; the root path GET / is List, a version alone (GET /v3)
//     Show, both named Versions / Version when the title says 版本
//     (ListVersions, ShowVersion); else Show when the title says 配额, or
//     names one thing (详情, 信息, 策略, 状态, 配置, 位置) and the last
//     segment is not plural (…/{partition}/end-message titled
//     查询分区最新消息的位置 is ShowEndMessage); else List. A path another operation extends with a
//     placeholder (…/block_device beside …/block_device/{volume_id}) is a
//     collection: List. A Show of a path ending in a literal keeps its
//     number (…/limits titled 查询租户配额 is ShowLimits). A name
//     already taken gets the resource's parent segments, then the path's
//     version (ShowServerV21), then a number. A POST whose path ends in an
//     action word (actionWords: restart, cancel, batch-delete…) is named
//     by it, the segment before being the resource:
//     POST /v1.0/{project_id}/clusters/{cluster_id}/restart is
//     RestartCluster, POST …/jobs/batch-delete is BatchDeleteJobs. A POST
//     to the generic …/action whose body has one object member is named
//     by that member (SDRS's {"reverse-server-group": {…}} is
//     ReverseServerGroup; a one-word member takes the resource:
//     {"reboot": {…}} on …/servers/{id}/action is RebootServer, but one
//     that is no verb, {"metadata": {…}}, names nothing; a short
//     lower-case namespace goes: os-getConsoleOutput is GetConsoleOutput).
//     Else a
//     batch title (批量…), or a title of several verbs, on such a POST is
//     named by the title's verbs and the segment before: POST …/tags/action
//     titled 批量添加或删除集群标签 is BatchCreateOrDeleteTags, POST
//     /predefine_tags/action titled 创建删除预定义标签 is
//     CreateOrDeletePredefineTags. A title starting with an action word
//     (titleActions: 启动, 停止, 恢复…; not two, 启动停止) names a POST,
//     PUT or PATCH: PUT
//     …/task/{task_id} titled 启动任务 is StartTask, and PUT …/{task_id}/stop
//     titled 停止任务 is StopTask (the segment the action repeats, or its
//     noun, goes: POST …/fpga_image/{id}/association titled 关联FPGA镜像…
//     is AssociateFpgaImage). A title with no verb that ends in an action
//     word is named by it too (手写文字识别 on POST /v1.0/ocr/handwriting
//     is RecognizeHandwriting).
//     On a DELETE the method
//     stands, and a path ending in two literals names the resource by
//     both, the title not naming it (DELETE …/stream/blocks titled
//     恢复直播推流 is DeleteStreamBlock). 批量 right before a verb inside
//     a title without a verb of its own makes a batch too (Kafka实例批量删除Topic on POST
//     …/topics/delete is BatchDeleteTopics); a batch keeps the
//     resource's plural. An action word may stand before a placeholder
//     (POST /v1.0/apigw/apis/debug/{api_id} is DebugApi; …/{id}/kill
//     titled 终止作业 is KillJobExecution: the path's word, not the
//     title's). 解除 is a delete (批量解除API与ACL策略的绑定 on PUT
//     …/acl-bindings is BatchDeleteAclBindings). An English word of the
//     title that starts with the resource and goes on past a word
//     boundary names it, as written (GET /api titled 列出APIVersions is
//     ListApiVersions).
//
// A title verb that contradicts the HTTP method (删除 on a GET) is a located
// warning: the page or its method is wrong.
package opid

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Sources of an operationId, as counted by Assign.
const (
	FromService  = "service file"
	FromPage     = "page"
	FromExplorer = "API Explorer link"
	FromDerived  = "derived"
)

// Assign names every operation without an ID and reports how many names
// came from each source.
func Assign(ops []*model.Operation, diags *model.Diagnostics) map[string]int {
	counts := map[string]int{}
	taken := map[string]bool{}
	collections := map[string]bool{}
	for _, op := range ops {
		if op.ID != "" {
			taken[op.ID] = true
		}
		if prefix, ok := strings.CutSuffix(routeShape(op.Path), "/{}"); ok {
			collections[prefix] = true
		}
	}
	// Names the pages give first, over every page, then derived ones: a
	// name one page states is not lost to one derived for a page read
	// before it (CBR's DeletePolicy beside AOM's 删除策略).
	var unnamed []*model.Operation
	for _, op := range ops {
		if op.ID != "" {
			counts[FromService]++
			continue
		}
		title := titleVerb(op.Summary)
		if title != kindNone && contradicts(title, op.Method) {
			diags.Warnf(op.Loc, "the title %q says %s, but the method is %s", op.Summary, title, op.Method)
		}
		id, source := fromHints(op, title, taken, diags)
		if id == "" {
			unnamed = append(unnamed, op)
			continue
		}
		op.ID = id
		taken[id] = true
		counts[source]++
	}
	for _, op := range unnamed {
		id := derive(op, titleVerb(op.Summary), taken, collections)
		if id == "" {
			continue // no method or path either: the emitter reports the operation
		}
		op.ID = id
		taken[id] = true
		counts[FromDerived]++
	}
	return counts
}

// fromHints picks the first name the page states that is an identifier,
// not taken, and (for the checked sources) agrees with the title and the
// method; "" when there is none.
func fromHints(op *model.Operation, title verbKind, taken map[string]bool, diags *model.Diagnostics) (string, string) {
	for _, h := range hints(op) {
		if !isIdentifier(h.Name) || taken[h.Name] {
			continue
		}
		what, checked := checkedSources[h.Source]
		if !checked {
			return h.Name, FromPage
		}
		v := verbOf(h.Name)
		agree := title
		if title == kindRead && !strings.EqualFold(op.Method, "GET") && !strings.EqualFold(op.Method, "HEAD") {
			// 获取 on a POST is as often "obtain" (a token, a key) as
			// "query": the title's verb cannot overrule the link.
			agree = kindNone
		}
		switch {
		case v != kindNone && agree != kindNone && v != agree:
			diags.Warnf(h.Loc, "%s names %s, but the title %q says %s; not used", what, h.Name, op.Summary, title)
			continue
		case v != kindNone && contradicts(v, op.Method):
			diags.Warnf(h.Loc, "%s names %s, but the method is %s; not used", what, h.Name, op.Method)
			continue
		}
		if h.Source == "explorer" {
			return h.Name, FromExplorer
		}
		return h.Name, FromPage
	}
	return "", ""
}

// checkedSources are the hints that must agree with the title and the
// method to be used (an Explorer link, or a 接口名称 item, can be copied from
// another page), with the words their warnings name them by.
var checkedSources = map[string]string{
	"explorer": "API Explorer link",
	"name":     "接口名称",
}

// hints are the page's suggestions: a 接口名称 item first (a label saying
// what the name is), then the other page-stated ones, then the Explorer's.
func hints(op *model.Operation) []model.IDHint {
	var named, stated, explorer []model.IDHint
	for _, h := range op.IDHints {
		switch h.Source {
		case "explorer":
			explorer = append(explorer, h)
		case "name":
			named = append(named, h)
		default:
			stated = append(stated, h)
		}
	}
	if len(op.IDHints) == 0 && op.IDHint != "" {
		stated = append(stated, model.IDHint{Loc: op.Loc, Source: "page", Name: op.IDHint})
	}
	return append(append(named, stated...), explorer...)
}

func isIdentifier(s string) bool {
	if s == "" || !unicode.IsUpper(rune(s[0])) {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// verbKind is what an operation does to its resource.
type verbKind int

const (
	kindNone verbKind = iota
	kindRead
	kindCreate
	kindUpdate
	kindDelete
)

func (k verbKind) String() string {
	return [...]string{"nothing known", "read", "create", "update", "delete"}[k]
}

// titleVerbs are the leading words of Huawei titles, longest first where
// one starts another.
var titleVerbs = []struct {
	word string
	kind verbKind
}{
	{"查询", kindRead}, {"获取", kindRead}, {"查看", kindRead}, {"列出", kindRead}, {"列举", kindRead},
	{"创建", kindCreate}, {"新增", kindCreate}, {"新建", kindCreate}, {"添加", kindCreate}, {"增加", kindCreate}, {"申请", kindCreate},
	{"删除", kindDelete}, {"移除", kindDelete}, {"释放", kindDelete}, {"解除", kindDelete},
	{"修改", kindUpdate}, {"更新", kindUpdate}, {"设置", kindUpdate}, {"变更", kindUpdate},
}

// titleVerb reads the verb a title starts with, after an optional 批量,
// or else the verb right after a 批量 inside it (Kafka实例批量删除Topic).
func titleVerb(title string) verbKind {
	t := strings.TrimSpace(title)
	t = strings.TrimPrefix(t, "批量")
	if k, _ := leadingVerb(t); k != kindNone {
		return k
	}
	if _, after, ok := strings.Cut(t, "批量"); ok {
		k, _ := leadingVerb(after)
		return k
	}
	return kindNone
}

// leadingVerb is the kind of the title verb t starts with and the text
// after it.
func leadingVerb(t string) (verbKind, string) {
	for _, v := range titleVerbs {
		if strings.HasPrefix(t, v.word) {
			return v.kind, t[len(v.word):]
		}
	}
	return kindNone, t
}

// verbJoiners join a title's verbs (添加或删除, 启动/停止).
const verbJoiners = "或和与及/、 "

// isBatch reports a title that starts with 批量, or has 批量 right before
// a verb (Kafka实例批量删除Topic; 批量任务 is a noun).
func isBatch(title string) bool {
	t := strings.TrimSpace(title)
	if strings.HasPrefix(t, "批量") {
		return true
	}
	_, after, ok := strings.Cut(t, "批量")
	// 查询批量删除任务 reads (its own verb is 查询): no batch of reads.
	own, _ := leadingAction(t)
	first, _ := leadingVerb(t)
	inner, _ := leadingVerb(after)
	return ok && first == kindNone && own == "" && inner != kindNone
}

// titleActions are leading title words naming an action rather than a
// read or write, with the English verb that names it (启动任务 is
// StartTask, whatever the method).
var titleActions = []struct{ word, verb string }{
	{"启动", "Start"}, {"停止", "Stop"}, {"重启", "Restart"}, {"暂停", "Pause"}, {"恢复", "Restore"},
	{"取消", "Cancel"}, {"重置", "Reset"}, {"启用", "Enable"}, {"禁用", "Disable"}, {"冻结", "Freeze"},
	{"解冻", "Unfreeze"}, {"升级", "Upgrade"}, {"回滚", "Rollback"}, {"迁移", "Migrate"}, {"续订", "Renew"},
	{"同步", "Sync"}, {"刷新", "Refresh"}, {"扩容", "Expand"}, {"缩容", "Shrink"}, {"导出", "Export"},
	{"终止", "Terminate"}, {"中止", "Abort"}, {"锁定", "Lock"}, {"解锁", "Unlock"}, {"重试", "Retry"},
	{"调试", "Debug"}, {"接受", "Accept"}, {"拒绝", "Reject"}, {"识别", "Recognize"}, {"导入", "Import"},
	{"上传", "Upload"}, {"下载", "Download"}, {"挂载", "Attach"}, {"卸载", "Detach"}, {"解绑", "Disassociate"},
	{"绑定", "Associate"}, {"解关联", "Disassociate"}, {"关联", "Associate"}, {"加密", "Encrypt"}, {"解密", "Decrypt"},
	{"签名", "Sign"}, {"验证", "Verify"}, {"校验", "Check"}, {"检查", "Check"}, {"发送", "Send"},
	{"复制", "Copy"}, {"开启", "Enable"}, {"关闭", "Disable"}, {"激活", "Activate"}, {"发布", "Publish"},
	{"订阅", "Subscribe"}, {"退订", "Unsubscribe"}, {"重命名", "Rename"}, {"切换", "Switch"}, {"检测", "Detect"},
	{"转换", "Convert"}, {"翻译", "Translate"}, {"备份", "Backup"}, {"重建", "Rebuild"}, {"开通", "Enable"},
}

// titleAction is the English verb of the action a title starts with
// (after an optional 批量), "" when it starts with none or with two side
// by side (启动停止…: either, which one name cannot say); two joined by 或
// are both (接受或拒绝 → AcceptOrReject).
func titleAction(title string) string {
	t := strings.TrimPrefix(strings.TrimSpace(title), "批量")
	verb, rest := leadingAction(t)
	if verb == "" {
		return trailingAction(t)
	}
	if again, _ := leadingAction(strings.TrimLeft(rest, verbJoiners)); again != "" {
		if strings.HasPrefix(rest, "或") {
			return verb + "Or" + again
		}
		return ""
	}
	return verb
}

// trailingAction is the English verb of the action a title with no verb
// of its own ends with (手写文字识别 → Recognize, 云服务器切换(1.0.0) →
// Switch), "" for any other.
func trailingAction(t string) string {
	if k, _ := leadingVerb(t); k != kindNone {
		return ""
	}
	for {
		trimmed := strings.TrimSpace(t)
		for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
			if strings.HasSuffix(trimmed, p[1]) {
				if i := strings.LastIndex(trimmed, p[0]); i > 0 {
					trimmed = trimmed[:i]
				}
			}
		}
		if trimmed == t {
			break
		}
		t = trimmed
	}
	for _, a := range titleActions {
		if strings.HasSuffix(t, a.word) && len(t) > len(a.word) {
			return a.verb
		}
	}
	return ""
}

func leadingAction(t string) (verb, rest string) {
	for _, a := range titleActions {
		if strings.HasPrefix(t, a.word) {
			return a.verb, t[len(a.word):]
		}
	}
	return "", t
}

// englishVerbs classify the first verb of an English operation name.
var englishVerbs = map[string]verbKind{
	"List": kindRead, "Show": kindRead, "Get": kindRead, "Count": kindRead, "Check": kindRead, "Query": kindRead, "Describe": kindRead,
	"Create": kindCreate, "Add": kindCreate, "Import": kindCreate, "Register": kindCreate, "Associate": kindCreate, "Attach": kindCreate,
	"Delete": kindDelete, "Remove": kindDelete, "Disassociate": kindDelete, "Detach": kindDelete, "Release": kindDelete, "Unbind": kindDelete,
	"Update": kindUpdate, "Modify": kindUpdate, "Set": kindUpdate, "Change": kindUpdate, "Resize": kindUpdate,
}

// verbOf classifies an English name by its first known verb among its
// first words, so prefixes such as Nova or Batch are looked past.
func verbOf(name string) verbKind {
	for i, w := range camelWords(name) {
		if i > 2 {
			break
		}
		if k, ok := englishVerbs[w]; ok {
			return k
		}
	}
	return kindNone
}

func camelWords(s string) []string {
	var words []string
	start := 0
	for i := 1; i < len(s); i++ {
		if unicode.IsUpper(rune(s[i])) && !unicode.IsUpper(rune(s[i-1])) {
			words = append(words, s[start:i])
			start = i
		}
	}
	return append(words, s[start:])
}

// contradicts reports a verb no request of method can mean.
func contradicts(k verbKind, method string) bool {
	switch strings.ToUpper(method) {
	case "GET", "HEAD":
		return k == kindCreate || k == kindUpdate || k == kindDelete
	case "DELETE":
		return k == kindRead || k == kindCreate || k == kindUpdate
	}
	return false
}

// derive builds Verb + Resource from the title and path.
// collections holds the route shapes (routeShape) other paths extend with a
// placeholder: …/block_device when …/block_device/{volume_id} exists.
func derive(op *model.Operation, title verbKind, taken, collections map[string]bool) string {
	if op.Path == "" || op.Method == "" {
		return ""
	}
	literals, version, single := pathParts(op.Path)
	if title == kindRead && strings.Contains(op.Summary, "版本") && endsInVersion(op.Path) {
		// GET /rds/v1 titled 查询API版本信息: the version, as GET /v1 is,
		// not the service's name (ListRds would be GET /rds's).
		literals = nil
	}
	kind := title
	if kind == kindNone {
		kind = methodVerb(op.Method)
	}
	verb := verbNames[kind]
	if kind == kindRead {
		verb = readVerb(op.Summary, literals, version, single)
		if verb == "Show" && !single && len(literals) > 0 && collections[routeShape(op.Path)] {
			verb = "List" // the path is a collection: its items have paths of their own
		}
	}
	asWritten := false // the resource keeps its segment's number
	if member := bodyAction(op, literals); member != "" {
		// POST …/server-groups/{id}/action with {"stop-server-group": {}}:
		// the body's one member names the action.
		if len(camelWords(member)) > 1 {
			return free(member, taken)
		}
		verb, literals = member, literals[:len(literals)-1]
	} else if verbs, several := actionTitleVerbs(op, literals); verbs != "" {
		// POST …/tags/action titled 批量添加或删除… or 创建删除预定义标签:
		// the title's verbs act on the segment before the generic "action".
		verb, literals, asWritten = verbs, literals[:len(literals)-1], several
	} else if action := actionVerb(op.Method, literals); action != "" {
		verb, literals = action, literals[:len(literals)-1]
	} else if action := titleAction(op.Summary); action != "" && !(len(literals) == 1 && camel(literals[0]) == action) {
		// (重启 on POST /v1/{project_id}/restart: the word is the only
		// resource there is, so the method names the verb.)
		switch n := len(literals); strings.ToUpper(op.Method) {
		case "POST", "PUT", "PATCH":
			verb = action // 启动任务: PUT …/task/{task_id} is StartTask
			if n >= 2 && (literals[n-1] == "action" || namesAction(literals[n-1], action)) {
				// 批量启动云服务器: POST …/cloudservers/action; 停止任务:
				// PUT …/task/{id}/stop is StopTask, not StopStop; 关联FPGA
				// 镜像 on POST …/fpga_image/{id}/association is
				// AssociateFpgaImage.
				literals = literals[:n-1]
			} else if rest, ok := cutVerbWord(literals[n-1], action); ok {
				// 取消申请 on POST …/cert/{cert_id}/cancel-cert is
				// CancelCert, not CancelCancelCert.
				literals[n-1] = rest
			}
		case "DELETE":
			if n > 0 && camel(literals[n-1]) == action {
				break
			}
			// 恢复直播推流 on DELETE …/stream/blocks: the call deletes
			// what the path names, which the title does not: its
			// parent segment too (DeleteStreamBlock).
			if n := len(literals); n >= 2 && !single && literalPair(op.Path) {
				literals = append(literals[:n-2:n-2], literals[n-2]+"-"+literals[n-1])
			}
		}
	}
	if isBatch(op.Summary) && !strings.HasPrefix(verb, "Batch") {
		verb = "Batch" + verb
	}
	switch {
	case len(literals) == 0 && kind == kindRead && strings.Contains(op.Summary, "版本"):
		// GET / or GET /v3 titled 查询API版本…: the versions, or one.
		literals, asWritten = []string{"versions"}, true
		if verb == "Show" {
			literals = []string{"version"}
		}
	case len(literals) == 0:
		literals = []string{"root"}
	case verb == "Show" && !single || verb == "Count":
		// …/limits titled 查询租户配额: the limits themselves, not one of them.
		asWritten = true
	}
	last := camel(literals[len(literals)-1])
	if longer := titleWordExtending(op.Summary, last); longer != "" {
		last, asWritten = longer, true // GET /api titled 列出APIVersions
	}
	if verb != "List" && !strings.HasPrefix(verb, "Batch") && !asWritten {
		last = singular(last)
	}
	candidates := []string{verb + last}
	for i := len(literals) - 2; i >= 0; i-- {
		prefix := ""
		for _, l := range literals[i : len(literals)-1] {
			prefix += camel(l)
		}
		candidates = append(candidates, verb+prefix+last)
	}
	longest := candidates[len(candidates)-1]
	if version != "" {
		candidates = append(candidates, longest+camel(version))
	}
	for _, c := range candidates {
		if !taken[c] {
			return c
		}
	}
	// Numbered without the version: ListInstances2, not ListInstancesV32.
	return free(longest, taken)
}

// titleWordExtending is an English word of the title that starts with the
// resource's name and goes on past a word boundary (APIVersions for …/api
// is ApiVersions), in camel case; "" when the title has none.
func titleWordExtending(title, resource string) string {
	if resource == "" {
		return ""
	}
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) }) {
		c := pascal(w)
		if len(c) > len(resource) && strings.EqualFold(c[:len(resource)], resource) && unicode.IsUpper(rune(c[len(resource)])) {
			return resource + c[len(resource):]
		}
	}
	return ""
}

// pascal spells an English word by its words, each capitalised once:
// APIVersions → ApiVersions, ConfigMap stays.
func pascal(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		upper := c >= 'A' && c <= 'Z'
		// A word starts after a lower-case letter or digit, or at the last
		// capital of a run followed by a lower-case letter (API|Versions).
		start := i == 0 || upper && (!isUpperASCII(w[i-1]) || i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z')
		switch {
		case start && !upper && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case !start && upper:
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// free is name, or name with the first number that makes it free.
func free(name string, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	for n := 2; ; n++ {
		if c := name + strconv.Itoa(n); !taken[c] {
			return c
		}
	}
}

// literalPair reports a path whose last two segments are literals
// (…/stream/blocks), not a literal after a placeholder.
func literalPair(path string) bool {
	path, _, _ = strings.Cut(path, "?")
	path, _, _ = strings.Cut(path, "#")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	n := len(segs)
	return n >= 2 && !strings.HasPrefix(segs[n-1], "{") && !strings.HasPrefix(segs[n-2], "{") && !isVersion(segs[n-2])
}

// bodyAction is the name of a POST …/action request body's one top-level
// member when that member is an object or untyped (Nova's {"os-start": {}}
// and {"confirmResize": null}, SDRS's {"reverse-server-group": {…}}): the
// action, in camel case; "" otherwise.
func bodyAction(op *model.Operation, literals []string) string {
	if !strings.EqualFold(op.Method, "POST") || len(literals) < 2 || literals[len(literals)-1] != "action" {
		return ""
	}
	sole := op.RequestBody.SoleMember()
	if sole == nil || sole.Schema == nil {
		return ""
	}
	switch sole.Schema.Type {
	case model.TypeObject, model.TypeAny: // {"os-start": {}}, {"confirmResize": null}
	default:
		return "" // {"action": "start"}: a value, not the action's name
	}
	member := sole.Name
	if ns, rest, ok := strings.Cut(member, "-"); ok && len(ns) <= 3 && strings.ToLower(ns) == ns {
		member = rest // Nova's os-getConsoleOutput: os- is a namespace
	}
	name := camel(member)
	if words := camelWords(name); !isIdentifier(name) || len(words) == 1 && !isVerb(words[0]) {
		// {"instance": {…}}, {"metadata": {…}}: one word that is a thing,
		// not an action (several words, single_to_ha, say what is done).
		return ""
	}
	return name
}

// bodyVerbs are verbs that make a one-word Nova-style action member
// (rebuild, shelve), besides actionWords and englishVerbs.
var bodyVerbs = map[string]bool{
	"Confirm": true, "Revert": true, "Force": true, "Rebuild": true, "Shelve": true, "Unshelve": true,
	"Rescue": true, "Unrescue": true, "Evacuate": true, "Trigger": true, "Inject": true,
	"Reverse": true, "Switch": true, "Failback": true, "Apply": true,
}

func isVerb(word string) bool {
	_, known := englishVerbs[word]
	return known || actionWords[word] || bodyVerbs[word]
}

// readVerb chooses List or Show for a read: the title's 列表 says List; a
// path ending in a placeholder says Show; a path of no segment but its
// version (GET /v3) is one version, Show, and the root path lists them; a
// title on quotas (配额) says Show, whatever the segment (…/limits); one
// on a total (总数, 数量) says Count; one naming a single thing
// (singleWords) says Show unless the last segment is plural (…/flavors
// titled 获取所有实例规格信息 lists). Else
// List: Huawei paths name collections in the singular too (…/slowlog).
func readVerb(title string, literals []string, version string, single bool) string {
	switch {
	case strings.Contains(title, "列表"):
		return "List"
	case containsAny(title, "配额", "限制"):
		return "Show" // 查询实例数量限制 on …/limits: the limits, no count
	case containsAny(title, "总数", "总量", "数量", "个数"):
		return "Count" // 查询某个租户的任务总数
	case single:
		return "Show"
	case len(literals) == 0:
		if version != "" {
			return "Show"
		}
		return "List"
	}
	if last := camel(literals[len(literals)-1]); singular(last) == last && containsAny(title, singleWords...) {
		return "Show"
	}
	return "List"
}

// singleWords, in a read's title, name one thing: its details, its
// policy, its state, where it is (查询分区最新消息的位置).
var singleWords = []string{"详情", "信息", "策略", "状态", "配置", "位置"}

// routeShape is a path without its query and fragment, placeholders
// emptied: /v1/{project_id}/vpcs/{vpc_id} → /v1/{}/vpcs/{}.
func routeShape(path string) string {
	path, _, _ = strings.Cut(path, "?")
	path, _, _ = strings.Cut(path, "#")
	return model.PathShape(path)
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// verbNames name the title verbs' kinds in operationIds (a read is Show
// until readVerb says List).
var verbNames = map[verbKind]string{kindRead: "Show", kindCreate: "Create", kindUpdate: "Update", kindDelete: "Delete"}

// actionTitleVerbs returns the title's verbs (添加删除 → CreateOrDelete)
// when a batch title (批量…) or a title of several verbs (创建删除…) names a
// POST to a last segment "action" after a resource segment, "" otherwise;
// several reports the latter.
func actionTitleVerbs(op *model.Operation, literals []string) (verbs string, several bool) {
	if !strings.EqualFold(op.Method, "POST") || len(literals) < 2 || literals[len(literals)-1] != "action" {
		return "", false
	}
	list := titleVerbList(op.Summary)
	switch {
	case isBatch(op.Summary):
		return list, false
	case strings.Contains(list, "Or"):
		return list, true
	}
	return "", false
}

// namesAction reports a path segment that is the action's verb or its noun
// (stop for Stop, association for Associate, encryption for Encrypt).
func namesAction(segment, verb string) bool {
	word := camel(segment)
	stem := strings.TrimSuffix(verb, "e")
	return word == verb || len(stem) >= 4 && strings.HasPrefix(word, stem) && len(camelWords(word)) == 1
}

// cutVerbWord cuts the action verb off the front of a path segment that
// starts with it as a word of its own ("cancel-cert" → "cert").
func cutVerbWord(segment, verb string) (string, bool) {
	if len(segment) <= len(verb)+1 || !strings.EqualFold(segment[:len(verb)], verb) {
		return "", false
	}
	if c := segment[len(verb)]; c != '-' && c != '_' {
		return "", false
	}
	return segment[len(verb)+1:], true
}

// titleVerbList is the verbs a title starts with, after an optional 批量,
// joined by Or (添加或删除 → CreateOrDelete); "" when one is a read.
func titleVerbList(title string) string {
	var verbs []string
	t := strings.TrimPrefix(strings.TrimSpace(title), "批量")
	if k, _ := leadingVerb(t); k == kindNone {
		// 为指定云硬盘批量添加标签: the verbs after the inner 批量.
		if _, after, ok := strings.Cut(t, "批量"); ok {
			t = after
		}
	}
	for {
		var k verbKind
		k, t = leadingVerb(strings.TrimLeft(t, verbJoiners))
		if k == kindNone {
			break
		}
		name := verbNames[k]
		if k == kindRead {
			return "" // 批量查询: a read has no batch-action name
		}
		if len(verbs) == 0 || verbs[len(verbs)-1] != name {
			verbs = append(verbs, name)
		}
	}
	return strings.Join(verbs, "Or")
}

// actionWords are the English verbs, besides englishVerbs' writes, that
// end the paths of POST requests acting on the resource before them
// (/clusters/{id}/restart), written as camel would spell the segment;
// "Batch" before one (batch-delete) is read too.
var actionWords = map[string]bool{
	"Start": true, "Stop": true, "Bind": true, "Restart": true, "Reboot": true, "Cancel": true,
	"Reset": true, "Resume": true, "Suspend": true, "Pause": true, "Retry": true, "Rerun": true,
	"Enable": true, "Disable": true, "Upgrade": true, "Rollback": true, "Migrate": true,
	"Extend": true, "Expand": true, "Shrink": true, "Lock": true, "Unlock": true,
	"Freeze": true, "Unfreeze": true, "Abort": true, "Terminate": true, "Renew": true,
	"Rotate": true, "Restore": true, "Export": true, "Sync": true, "Refresh": true,
	"Switchover": true, "Failover": true, "Debug": true, "Kill": true,
}

// actionVerb returns the verb a POST path's last segment names when it is
// an action word after a resource segment, "" otherwise.
func actionVerb(method string, literals []string) string {
	if !strings.EqualFold(method, "POST") || len(literals) < 2 {
		return ""
	}
	word := camel(literals[len(literals)-1])
	verb := strings.TrimPrefix(word, "Batch")
	if k, known := englishVerbs[verb]; actionWords[verb] || known && k != kindRead {
		return word
	}
	return ""
}

func methodVerb(method string) verbKind {
	switch strings.ToUpper(method) {
	case "POST":
		return kindCreate
	case "PUT", "PATCH":
		return kindUpdate
	case "DELETE":
		return kindDelete
	}
	return kindRead
}

// pathParts returns the path's literal segments without its version, the
// version ("v2.1" → "V21"), and whether it ends in a placeholder (one
// resource rather than a collection).
func pathParts(path string) (literals []string, version string, single bool) {
	path, _, _ = strings.Cut(path, "?")
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		switch {
		case seg == "":
		case strings.HasPrefix(seg, "{"):
			single = true
			continue
		case isVersion(seg):
			version = seg
		default:
			literals = append(literals, seg)
		}
		single = false
	}
	return literals, version, single
}

// endsInVersion reports a path whose last segment is a version (/rds/v1)
// or a placeholder for one (/rds/{versionId}).
func endsInVersion(path string) bool {
	path, _, _ = strings.Cut(path, "?")
	path, _, _ = strings.Cut(path, "#")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	last := segs[len(segs)-1]
	if name, ok := strings.CutPrefix(last, "{"); ok && strings.HasSuffix(name, "}") {
		return strings.Contains(strings.ToLower(name), "version")
	}
	return isVersion(last)
}

func isVersion(seg string) bool {
	if len(seg) < 2 || (seg[0] != 'v' && seg[0] != 'V') || seg[1] < '0' || seg[1] > '9' {
		return false
	}
	for _, r := range seg[1:] {
		if !(r == '.' || (r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

// camel turns "address-groups" or "os-volume_attachments" into
// "AddressGroups" / "OsVolumeAttachments", keeping ASCII letters and digits.
func camel(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// singular undoes the common English plurals of resource names.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case hasAnySuffix(s, "sses", "xes", "tches", "nches", "rches", "shes", "iases", "tuses"): // batches, branches, aliases, statuses
		return s[:len(s)-2]
	case hasAnySuffix(s, "ss", "sis", "tus") || singularInS[s]: // access, analysis, status: singular already
		return s
	case strings.HasSuffix(s, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// singularInS are singular nouns ending in "s" that no suffix rule tells
// from plurals ("apis", "cpus", "menus" are plurals).
var singularInS = map[string]bool{"redis": true, "axis": true, "chassis": true, "virus": true, "campus": true,
	"bonus": true, "corpus": true, "consensus": true, "news": true, "dns": true, "https": true}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
