package opid

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func op(title, method, path string, hints ...model.IDHint) *model.Operation {
	return &model.Operation{Loc: model.Loc{File: title + ".md", Line: 1}, Summary: title, Method: method, Path: path, IDHints: hints}
}

// withBody gives op a request body of one object member.
func withBody(o *model.Operation, member string) *model.Operation {
	o.RequestBody = &model.Body{Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{{Name: member, Schema: &model.Schema{Type: model.TypeObject}}}}}
	return o
}

func explorer(name string) model.IDHint {
	return model.IDHint{Loc: model.Loc{File: "p.md", Line: 9}, Source: "explorer", Name: name}
}

func named(name string) model.IDHint {
	return model.IDHint{Loc: model.Loc{File: "p.md", Line: 7, What: "接口名称"}, Source: "name", Name: name}
}

func TestAssign(t *testing.T) {
	cases := []struct {
		name   string
		op     *model.Operation
		want   string
		source string
		warn   string // a substring of the one warning expected, "" for none
	}{
		{"explorer agrees", op("查询VPC列表", "GET", "/v1/{project_id}/vpcs", explorer("ListVpcs")), "ListVpcs", FromExplorer, ""},
		{"explorer past a prefix", op("查询云服务器详情列表", "GET", "/v2.1/{project_id}/servers/detail", explorer("NovaListServersDetails")), "NovaListServersDetails", FromExplorer, ""},
		{"explorer contradicts the title", op("删除地址组", "DELETE", "/v3/{project_id}/vpc/address-groups/{address_group_id}", explorer("UpdateAddressGroup")), "DeleteAddressGroup", FromDerived, "API Explorer link names UpdateAddressGroup"},
		{"explorer contradicts the method", op("端口", "DELETE", "/v2.0/ports/{port_id}", explorer("ListPorts")), "DeletePort", FromDerived, "but the method is DELETE"},
		{"anchor before explorer", op("x", "GET", "/v3/auth/tokens", model.IDHint{Source: "anchor", Name: "KeystoneValidateToken"}, explorer("ShowToken")), "KeystoneValidateToken", FromPage, ""},
		{"接口名称 before anchor and explorer", op("删除资源标签", "DELETE", "/v2/{project_id}/{resource_type}/{resource_id}/tags/{key}", model.IDHint{Source: "anchor", Name: "DeleteTag"}, named("DeleteResourceTag"), explorer("DeleteTags")), "DeleteResourceTag", FromPage, ""},
		{"接口名称 without a known verb", op("查询SMN支持的API版本号信息", "GET", "/", named("QueryApiSupportVersions")), "QueryApiSupportVersions", FromPage, ""},
		{"接口名称 contradicts the method", op("删除主题", "DELETE", "/v2/{project_id}/notifications/topics/{topic_urn}", named("CreateTopic")), "DeleteTopic", FromDerived, "接口名称 names CreateTopic, but the title \"删除主题\" says delete"},
		{"list derived", op("查询子网列表", "GET", "/v1/{project_id}/subnets"), "ListSubnets", FromDerived, ""},
		{"a version after the service's name", op("查询API版本信息", "GET", "/rds/v1"), "ShowVersion", FromDerived, ""},
		{"a version placeholder after the service's name", op("查询指定的API版本信息", "GET", "/rds/{versionId}"), "ShowVersion", FromDerived, ""},
		{"batch inside the title on …/action", op("为指定云硬盘批量添加标签", "POST", "/v2/{project_id}/cloudvolumes/{volume_id}/tags/action"), "BatchCreateTags", FromDerived, ""},
		{"action verb starting the segment", op("取消申请", "POST", "/v2/{project_id}/scm/cert/{cert_id}/cancel-cert"), "CancelCert", FromDerived, ""},
		{"show derived", op("查询子网", "GET", "/v1/{project_id}/subnets/{subnet_id}"), "ShowSubnet", FromDerived, ""},
		{"create derived singular", op("创建安全组", "POST", "/v1/{project_id}/security-groups"), "CreateSecurityGroup", FromDerived, ""},
		{"batch", op("批量创建子网标签", "POST", "/v2.0/{project_id}/subnets/{subnet_id}/tags/action"), "BatchCreateTags", FromDerived, ""},
		{"batch action, two verbs", op("批量添加删除资源标签", "POST", "/v2/{project_id}/{resource_type}/{resource_id}/tags/action"), "BatchCreateOrDeleteTags", FromDerived, ""},
		{"batch action, verbs joined by 或", op("批量添加或删除集群标签", "POST", "/v1.0/{project_id}/css-cluster/{cluster_id}/tags/action"), "BatchCreateOrDeleteTags", FromDerived, ""},
		{"batch action, delete", op("批量删除实例标签", "POST", "/v3/{project_id}/instances/{instance_id}/tags/action"), "BatchDeleteTags", FromDerived, ""},
		{"batch action, action title", op("批量启动云服务器", "POST", "/v1/{project_id}/cloudservers/action"), "BatchStartCloudservers", FromDerived, ""},
		{"batch action, unknown verb", op("批量变配云服务器", "POST", "/v1/{project_id}/cloudservers/action"), "BatchCreateAction", FromDerived, ""},
		{"action without 批量", op("创建镜像", "POST", "/v2.1/{project_id}/servers/{server_id}/action"), "CreateAction", FromDerived, ""},
		{"no verb: the method decides", op("云服务器变配", "PUT", "/v1/{project_id}/cloudservers/{server_id}"), "UpdateCloudserver", FromDerived, ""},
		// Survey D: actions, batches and singletons.
		{"action title on a PUT", op("启动任务", "PUT", "/v1/{project_id}/objectstorage/task/{task_id}"), "StartTask", FromDerived, ""},
		{"action title on a DELETE", op("恢复直播推流", "DELETE", "/v1/{project_id}/stream/blocks"), "DeleteStreamBlock", FromDerived, ""},
		{"action title on a DELETE of one", op("恢复备份", "DELETE", "/v1/{project_id}/backups/{backup_id}"), "DeleteBackup", FromDerived, ""},
		{"two action words", op("启动停止边缘节点服务实例", "PUT", "/v1/{project_id}/services/{service_id}/nodes/{node_id}/status"), "UpdateStatus", FromDerived, ""},
		{"several verbs on action", op("创建删除预定义标签", "POST", "/v1.0/predefine_tags/action"), "CreateOrDeletePredefineTags", FromDerived, ""},
		{"body names the action", withBody(op("保护组切换", "POST", "/v1/{project_id}/server-groups/{server_group_id}/action"), "reverse-server-group"), "ReverseServerGroup", FromDerived, ""},
		{"body member that is a thing", withBody(op("更新云服务器", "POST", "/v1/{project_id}/cloudservers/{server_id}/action"), "metadata"), "UpdateAction", FromDerived, ""},
		{"body action in a namespace", withBody(op("获取控制台输出", "POST", "/v2.1/{project_id}/servers/{server_id}/action"), "os-getConsoleOutput"), "GetConsoleOutput", FromDerived, ""},
		{"quota count is a quota", op("查询实例数量限制", "GET", "/v1/{project_id}/limits"), "ShowLimits", FromDerived, ""},
		{"批量 after the title's own verb", op("查询批量删除任务", "GET", "/v1/{project_id}/jobs"), "ListJobs", FromDerived, ""},
		{"title action on its own segment", op("停止任务", "PUT", "/v1/{project_id}/task/{task_id}/stop"), "StopTask", FromDerived, ""},
		{"title action on its noun", op("关联FPGA镜像与弹性云服务器镜像", "POST", "/v1/{project_id}/cloudservers/fpga_image/{fpga_image_id}/association"), "AssociateFpgaImage", FromDerived, ""},
		{"title action at the end", op("手写文字识别", "POST", "/v1.0/ocr/handwriting"), "RecognizeHandwriting", FromDerived, ""},
		{"title action at the end, before a version", op("图切换（1.0.0）", "POST", "/v1.0/{project_id}/graphs/{graph_id}/switch"), "SwitchGraph", FromDerived, ""},
		{"title action: recognize", op("识别身份证", "POST", "/v2/{project_id}/ocr/id-card"), "RecognizeIdCard", FromDerived, ""},
		{"title action: disable", op("关闭图", "POST", "/v1.0/{project_id}/graphs/{graph_id}/action"), "DisableGraph", FromDerived, ""},
		{"two title actions joined by 或", op("接受或拒绝终端节点的连接", "POST", "/v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/connections/action"), "AcceptOrRejectConnection", FromDerived, ""},
		{"two title actions side by side", op("启动停止任务", "POST", "/v1/{project_id}/tasks/{task_id}/action"), "CreateAction", FromDerived, ""},
		{"body names a one-word action", withBody(op("重启云服务器", "POST", "/v2.1/{project_id}/servers/{server_id}/action"), "reboot"), "RebootServer", FromDerived, ""},
		{"批量 inside the title", op("Kafka实例批量删除Topic", "POST", "/v1.0/{project_id}/instances/{instance_id}/topics/delete"), "BatchDeleteTopics", FromDerived, ""},
		{"批量 as a noun", op("查询批量任务列表", "GET", "/v1/{project_id}/batch-jobs"), "ListBatchJobs", FromDerived, ""},
		{"one thing under a resource", op("查询分区最新消息的位置", "GET", "/v1.0/{project_id}/instances/{instance_id}/topics/{topic}/partitions/{partition}/end-message"), "ShowEndMessage", FromDerived, ""},
		{"a count", op("查询某个租户的任务总数", "GET", "/v1/{project_id}/objectstorage/task?totalcount={true}&state={state}"), "CountTask", FromDerived, ""},
		{"action segment", op("重启云服务器", "POST", "/v1/{project_id}/cloudservers/reboot"), "RebootCloudserver", FromDerived, ""},
		{"action after a placeholder", op("重启集群", "POST", "/v1.0/{project_id}/clusters/{cluster_id}/restart"), "RestartCluster", FromDerived, ""},
		{"action on a nested resource", op("取消SQL执行任务", "POST", "/v2/{project_id}/clusters/{cluster_id}/sql-execution/{sql_id}/cancel"), "CancelSqlExecution", FromDerived, ""},
		{"batch action", op("批量删除作业", "POST", "/v2/{project_id}/clusters/{cluster_id}/job-executions/batch-delete"), "BatchDeleteJobExecutions", FromDerived, ""},
		{"batch title before an action", op("批量重启实例", "POST", "/v3/{project_id}/instances/restart"), "BatchRestartInstances", FromDerived, ""},
		{"write verb as an action", op("解绑弹性公网IP", "POST", "/v1/{project_id}/publicips/{publicip_id}/disassociate"), "DisassociatePublicip", FromDerived, ""},
		{"action word alone is a resource", op("重启", "POST", "/v1/{project_id}/restart"), "CreateRestart", FromDerived, ""},
		{"action word on a GET is a resource", op("查询重启记录列表", "GET", "/v1/{project_id}/clusters/{cluster_id}/restart"), "ListRestart", FromDerived, ""},
		{"contradicting verb warns", op("删除标签", "GET", "/v1/{project_id}/tags"), "DeleteTag", FromDerived, "the title \"删除标签\" says delete, but the method is GET"},
		{"legacy hint", &model.Operation{Summary: "taobao.x", Method: "POST", Path: "/router/rest#x", IDHint: "TaobaoX"}, "TaobaoX", FromPage, ""},
		{"lower-case anchor ignored", op("查询配额列表", "GET", "/v1/{project_id}/quotas", model.IDHint{Source: "anchor", Name: "vpc_quota_0001"}), "ListQuotas", FromDerived, ""},
		// 查询 of one thing: the title, then the path's end, then the segment's number.
		{"policy is one thing", op("查询集群的自动创建快照策略", "GET", "/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot/policy"), "ShowPolicy", FromDerived, ""},
		{"quota titled, plural segment kept", op("查询租户配额", "GET", "/v1/{project_id}/baremetalservers/limits"), "ShowLimits", FromDerived, ""},
		{"detail titled", op("查询集群详情", "GET", "/v1/{project_id}/clusters/detail"), "ShowDetail", FromDerived, ""},
		{"信息 of a plural segment lists", op("获取所有实例规格信息", "GET", "/rds/v1/{project_id}/flavors"), "ListFlavors", FromDerived, ""},
		{"a singular segment alone lists", op("查询数据库慢日志", "GET", "/v3/{project_id}/instances/{instance_id}/slowlog"), "ListSlowlog", FromDerived, ""},
		{"plural segment", op("查询标签", "GET", "/v1/{project_id}/instances/{instance_id}/tags"), "ListTags", FromDerived, ""},
		{"列表 wins over 信息", op("查询实例信息列表", "GET", "/v1/{project_id}/instances/detail"), "ListDetail", FromDerived, ""},
		{"root versions", op("查询API版本列表", "GET", "/"), "ListVersions", FromDerived, ""},
		{"root versions titled 信息", op("查询SMN支持的API版本号信息", "GET", "/"), "ListVersions", FromDerived, ""},
		{"one version by segment", op("查询指定API版本信息", "GET", "/v3"), "ShowVersion", FromDerived, ""},
		{"one version by placeholder", op("查询API版本信息", "GET", "/{api_version}"), "ShowVersion", FromDerived, ""},
		{"root without 版本", op("查询首页", "GET", "/"), "ListRoot", FromDerived, ""},
		// Survey E: an action segment after the resource, 解除 as a
		// delete, a title word that extends the path's resource.
		{"action segment before a placeholder", op("调试API", "POST", "/v1.0/apigw/apis/debug/{api_id}"), "DebugApi", FromDerived, ""},
		{"kill segment", op("终止作业", "POST", "/v2/{project_id}/clusters/{cluster_id}/job-executions/{job_execution_id}/kill"), "KillJobExecution", FromDerived, ""},
		{"解除 is a delete", op("批量解除API与ACL策略的绑定", "PUT", "/v1/{project_id}/apigw/instances/{instance_id}/acl-bindings"), "BatchDeleteAclBindings", FromDerived, ""},
		{"title word past a word boundary only", op("查询APIG实例", "GET", "/v2/{project_id}/api"), "ListApi", FromDerived, ""},
		{"title word extends the resource", op("列出APIVersions", "GET", "/api"), "ListApiVersions", FromDerived, ""},
		{"title word no longer than the resource", op("查询VPC列表", "GET", "/v1/{project_id}/vpcs"), "ListVpcs", FromDerived, ""},
		{"title word of a list item", op("读取指定ConfigMap", "GET", "/api/v1/namespaces/{namespace}/configmaps/{name}"), "ShowConfigmap", FromDerived, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags model.Diagnostics
			counts := Assign([]*model.Operation{c.op}, &diags)
			if c.op.ID != c.want {
				t.Errorf("ID = %q, want %q", c.op.ID, c.want)
			}
			if counts[c.source] != 1 {
				t.Errorf("counts = %v, want one from %q", counts, c.source)
			}
			switch {
			case c.warn == "" && len(diags) > 0:
				t.Errorf("unexpected diagnostics: %v", diags)
			case c.warn != "" && (len(diags) != 1 || !strings.Contains(diags[0].Msg, c.warn)):
				t.Errorf("diagnostics %v, want one containing %q", diags, c.warn)
			}
		})
	}
}

func TestAssignKeepsNamesUnique(t *testing.T) {
	ops := []*model.Operation{
		{ID: "ListVpcs"}, // the service file's
		op("查询VPC列表", "GET", "/v1/{project_id}/vpcs", explorer("ListVpcs")),
		op("查询VPC列表", "GET", "/v3/{project_id}/vpc/vpcs"),
		op("查询VPC列表", "GET", "/v2.0/vpcs"),
		op("查询VPC列表", "GET", "/v2.1/vpcs"),
	}
	var diags model.Diagnostics
	Assign(ops, &diags)
	seen := map[string]bool{}
	for _, o := range ops {
		if o.ID == "" || seen[o.ID] {
			t.Fatalf("ID %q empty or repeated: %v", o.ID, ids(ops))
		}
		seen[o.ID] = true
	}
	if got := strings.Join(ids(ops), " "); got != "ListVpcs ListVpcsV1 ListVpcVpcs ListVpcsV20 ListVpcsV21" {
		t.Errorf("ids = %s", got)
	}
}

func ids(ops []*model.Operation) []string {
	var out []string
	for _, o := range ops {
		out = append(out, o.ID)
	}
	return out
}

// 获取 on a POST obtains something: the Explorer's Create is not overruled.
func TestObtainOnAPostKeepsTheExplorerName(t *testing.T) {
	o := op("获取委托Token", "POST", "/v3/auth/tokens", explorer("KeystoneCreateAgencyToken"))
	var diags model.Diagnostics
	Assign([]*model.Operation{o}, &diags)
	if o.ID != "KeystoneCreateAgencyToken" || len(diags) != 0 {
		t.Errorf("ID %q, diagnostics %v", o.ID, diags)
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"vpcs": "vpc", "policies": "policy", "addresses": "address", "boxes": "box",
		"aliases": "alias", "statuses": "status", "batches": "batch", "meshes": "mesh",
		"databases": "database", "releases": "release", "caches": "cache", "status": "status",
		"branches": "branch", "analysis": "analysis", "class": "class",
		"apis": "api", "cpus": "cpu", "vcpus": "vcpu", "menus": "menu", "redis": "redis", "basis": "basis",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// Operations named together: action and batch-action names are kept apart
// as other derived names are (by the parent segments, then the version),
// and a path that another operation extends with a placeholder is a
// collection, whatever its title: List, not Show.
func TestAssignTogether(t *testing.T) {
	for _, c := range []struct {
		name string
		ops  []*model.Operation
		want string
	}{
		{"actions", []*model.Operation{
			op("重启实例", "POST", "/v3/{project_id}/instances/{instance_id}/restart"),
			op("重启只读实例", "POST", "/v3/{project_id}/readonly/instances/{instance_id}/restart"),
			op("重启实例", "POST", "/v1/{project_id}/instances/{instance_id}/restart"),
		}, "RestartInstance RestartReadonlyInstance RestartInstanceV1"},
		{"collections", []*model.Operation{
			op("查询弹性云服务器磁盘信息", "GET", "/v2.1/servers/{server_id}/block_device"),
			op("查询弹性云服务器单个磁盘信息", "GET", "/v2.1/servers/{id}/block_device/{volume_id}"),
			op("查询自动备份策略", "GET", "/v3/{project_id}/instances/{instance_id}/backups/policy"),
		}, "ListBlockDevice ShowBlockDevice ShowPolicy"},
		{"batch actions", []*model.Operation{
			op("批量添加删除集群标签", "POST", "/v1.0/{project_id}/clusters/{cluster_id}/tags/action"),
			op("批量添加删除实例标签", "POST", "/v1.0/{project_id}/instances/{instance_id}/tags/action"),
		}, "BatchCreateOrDeleteTags BatchCreateOrDeleteInstancesTags"},
	} {
		var diags model.Diagnostics
		Assign(c.ops, &diags)
		if got := strings.Join(ids(c.ops), " "); got != c.want {
			t.Errorf("%s: ids = %s, want %s", c.name, got, c.want)
		}
	}
}

// A name a page states wins over one derived for a page read before it.
func TestStatedNamesBeforeDerivedOnes(t *testing.T) {
	derived := op("删除策略", "DELETE", "/v1/{project_id}/pe/policy")
	stated := op("删除策略", "DELETE", "/v3/{project_id}/policies/{policy_id}", model.IDHint{Source: "anchor", Name: "DeletePolicy"})
	var diags model.Diagnostics
	Assign([]*model.Operation{derived, stated}, &diags)
	if stated.ID != "DeletePolicy" || derived.ID == "" || derived.ID == "DeletePolicy" {
		t.Errorf("ids = %v, want the page's DeletePolicy on the second and another name on the first", ids([]*model.Operation{derived, stated}))
	}
}
