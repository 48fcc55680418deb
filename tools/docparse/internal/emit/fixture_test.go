package emit

import (
	"encoding/json"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// at is a location in the fixture page.
func at(line int, table string, row int) model.Loc {
	return model.Loc{File: "ecs.md", Line: line, Table: table, Row: row}
}

func str(desc string) *model.Schema {
	return &model.Schema{Type: model.TypeString, Description: desc}
}

// errorDetail is the table a Huawei page repeats under every error status;
// each call returns a new, identical copy with its own location.
func errorDetail(line int) *model.Schema {
	return &model.Schema{
		Loc: at(line, "ErrorDetail", 0), Name: "ErrorDetail", Type: model.TypeObject,
		Properties: []*model.Property{
			{Loc: at(line, "ErrorDetail", 1), Name: "code", Required: true, Description: "错误码", Schema: str("")},
			{Loc: at(line, "ErrorDetail", 2), Name: "message", Description: "错误描述", Schema: str("")},
		},
	}
}

func errorBody(line int) *model.Body {
	return &model.Body{
		Loc: at(line, "", 0), MediaType: "application/json",
		Schema: &model.Schema{Loc: at(line, "响应Body参数", 0), Type: model.TypeObject, Properties: []*model.Property{
			{Name: "error", Description: "错误信息", Schema: errorDetail(line + 1)},
		}},
	}
}

// fixtureDocument covers every feature the emitter has; each call builds a
// fresh model so tests can compare two independent runs.
func fixtureDocument() Document {
	tag := &model.Schema{Loc: at(40, "Tag", 0), Name: "Tag", Type: model.TypeObject, Description: "资源标签",
		Properties: []*model.Property{
			{Name: "key", Required: true, Description: "键", Schema: str("")},
			{Name: "value", Description: "值", Schema: str("")},
		}}
	createServer := &model.Schema{Loc: at(30, "server", 0), Name: "Server", Qualifier: "Create", Type: model.TypeObject,
		Description: "待创建的云服务器",
		Properties: []*model.Property{
			{Loc: at(30, "server", 1), Name: "name", Required: true, Description: "云服务器名称。\n长度 1-64 。", Schema: str("")},
			{Loc: at(30, "server", 2), Name: "count", Description: "数量", Schema: &model.Schema{Type: model.TypeInteger, Format: "int32", Example: 1.0}},
			{Loc: at(30, "server", 3), Name: "status", Schema: &model.Schema{Type: model.TypeString, Enum: []string{"ACTIVE", "ERROR"}}},
			{Loc: at(30, "server", 4), Name: "priority", Schema: &model.Schema{Type: model.TypeInteger, Enum: []string{"1", "2"}}},
			{Loc: at(30, "server", 5), Name: "tags", Description: "标签列表", Schema: &model.Schema{Type: model.TypeArray, Items: tag}},
			{Loc: at(30, "server", 6), Name: "metadata", Description: "自定义元数据", Schema: &model.Schema{Type: model.TypeObject, FreeForm: true}},
			{Loc: at(30, "server", 7), Name: "extra", Description: "任意值", Schema: &model.Schema{Type: model.TypeAny}},
			{Loc: at(30, "server", 8), Name: "blob", Description: "页面写的类型是 file", Schema: &model.Schema{Loc: at(30, "server", 8), Type: "file"}},
			{Loc: at(30, "server", 9), Name: "created", Schema: &model.Schema{Type: model.TypeString, Format: "date-time", Nullable: true}},
		}}
	create := &model.Operation{
		Loc: at(1, "", 0), ID: "CreateServer", Summary: "创建云服务器", Description: "创建一台云服务器。\n\n异步接口。",
		Method: "POST", Path: "/v1/{project_id}/cloudservers",
		Security: []string{"XAuthToken"},
		Params: []*model.Param{
			{Loc: at(10, "路径参数", 1), Name: "project_id", In: model.InPath, Description: "项目ID", Schema: str("")},
			{Loc: at(11, "请求Header参数", 1), Name: "X-Auth-Token", In: model.InHeader, Required: true, Schema: str("")},
			{Loc: at(11, "请求Header参数", 2), Name: "Content-Type", In: model.InHeader, Schema: str("")},
			{Loc: at(11, "请求Header参数", 3), Name: "X-Client-Token", In: model.InHeader, Description: "幂等令牌", Schema: str("")},
			{Loc: at(12, "Query参数", 1), Name: "dry_run", In: model.InQuery, Schema: &model.Schema{Type: model.TypeBoolean}},
		},
		RequestBody: &model.Body{
			Loc: at(20, "", 0), MediaType: "application/json", Required: true,
			Schema: &model.Schema{Loc: at(20, "请求Body参数", 0), Type: model.TypeObject, Properties: []*model.Property{
				{Loc: at(20, "请求Body参数", 1), Name: "server", Required: true, Description: "云服务器", Schema: createServer},
			}},
			Examples: []*model.Example{
				{Loc: at(50, "", 0), Summary: "创建一台按需云服务器", Value: map[string]any{
					"server": map[string]any{"name": "ecs-测试", "count": json.Number("2"), "priority": 2.0,
						"tags": []any{map[string]any{"key": "env", "value": "dev"}}, "created": nil},
				}},
				{Loc: at(60, "", 0), Summary: "数量写成了字符串", Value: map[string]any{
					"server": map[string]any{"name": "ecs", "count": "3"},
				}},
			},
		},
		Responses: []*model.Response{
			{Loc: at(80, "", 0), Status: "500", Body: errorBody(81)},
			{Loc: at(70, "", 0), Status: "400", Description: "参数错误", Body: errorBody(71)},
			{Loc: at(60, "", 0), Status: "200", Description: "OK",
				Headers: []*model.Param{{Loc: at(61, "响应Header参数", 1), Name: "X-Request-Id", Description: "请求ID", Schema: str("")}},
				Body: &model.Body{Loc: at(62, "", 0), MediaType: "application/json",
					Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
						{Name: "job_id", Description: "任务ID", Schema: str("")},
					}},
					Examples: []*model.Example{{Loc: at(65, "", 0), Value: map[string]any{"job_id": "70a599e0"}}},
				}},
		},
		Extensions: map[string]any{"x-huawei-api-explorer": "https://console.huaweicloud.com/apiexplorer/#/openapi/ECS/doc?api=CreateServers"},
	}

	listServer := &model.Schema{Loc: at(130, "servers", 0), Name: "Server", Qualifier: "List", Type: model.TypeObject,
		Properties: []*model.Property{
			{Name: "id", Required: true, Description: "云服务器ID", Schema: str("")},
			{Name: "tags", Schema: &model.Schema{Type: model.TypeArray, Items: tag}},
		}}
	node := &model.Schema{Loc: at(140, "node", 0), Name: "node", Type: model.TypeObject, Description: "拓扑节点"}
	node.Properties = []*model.Property{
		{Name: "id", Schema: str("")},
		{Name: "children", Schema: &model.Schema{Type: model.TypeArray, Items: node}},
	}
	list := &model.Operation{
		Loc: at(100, "", 0), IDHint: "ListServers", Summary: "查询云服务器列表",
		Method: "get", Path: "/v1/{project_id}/cloudservers",
		Security: []string{"XAuthToken"},
		Params: []*model.Param{
			{Name: "project_id", In: model.InPath, Required: true, Schema: str("")},
			{Name: "limit", In: model.InQuery, Description: "每页条数", Schema: &model.Schema{Type: model.TypeInteger, Format: "int32"}},
		},
		Responses: []*model.Response{
			{Loc: at(120, "", 0), Status: "200", Body: &model.Body{MediaType: "application/json",
				Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
					{Name: "servers", Schema: &model.Schema{Type: model.TypeArray, Items: listServer}},
					{Name: "topology", Schema: node},
				}}}},
			{Loc: at(125, "", 0), Status: "default", Body: errorBody(126)},
		},
	}

	upload := &model.Operation{
		Loc: at(200, "", 0), ID: "UploadServerFile", Method: "POST", Path: "/v1/{project_id}/cloudservers/{server_id}/files",
		Params: []*model.Param{
			{Name: "project_id", In: model.InPath, Schema: str("")},
			{Name: "server_id", In: model.InPath, Schema: str("")},
		},
		RequestBody: &model.Body{Loc: at(210, "", 0), MediaType: "application/x-www-form-urlencoded",
			Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
				{Name: "file_name", Required: true, Schema: str("文件名")},
				{Name: "meta", Schema: &model.Schema{Type: model.TypeObject, Properties: []*model.Property{
					{Name: "owner", Schema: str("")},
				}}},
			}},
			Encoding: map[string]string{"meta": "application/json"},
		},
		Responses: []*model.Response{{Loc: at(220, "", 0), Status: "204"}},
	}

	return Document{
		Info: Info{Title: "ECS", Version: "v1", Description: "弹性云服务器"},
		Servers: []Server{{URL: "https://ecs.{region}.myhuaweicloud.com", Variables: []ServerVariable{
			{Name: "region", Default: "cn-north-4", Enum: []string{"cn-north-4", "ap-southeast-1"}},
		}}},
		SecuritySchemes: []SecurityScheme{
			{Name: "XAuthToken", Type: "apiKey", In: "header", ParamName: "X-Auth-Token", Description: "Huawei IAM token"},
			{Name: "Unused", Type: "apiKey", In: "query", ParamName: "key"},
		},
		Operations: []*model.Operation{create, list, upload},
	}
}
