package routes

import (
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

func action(id, path string, members ...string) *model.Operation {
	body := &model.Schema{Type: model.TypeObject}
	for _, m := range members {
		body.Properties = append(body.Properties, &model.Property{Name: m, Schema: &model.Schema{Type: model.TypeObject}})
	}
	return &model.Operation{ID: id, Method: "POST", Path: path, RequestBody: &model.Body{Schema: body}}
}

func TestDistinguish(t *testing.T) {
	start := action("NovaStartServer", "/v2.1/{project_id}/servers/{server_id}/action", "os-start")
	reboot := action("NovaRebootServer", "/v2.1/{project_id}/servers/{id}/action", "reboot")
	password := action("CreateTokenByPassword", "/v3/auth/tokens", "auth")
	agency := action("CreateTokenByAgency", "/v3/auth/tokens", "auth")
	alone := action("CreateVpc", "/v1/{project_id}/vpcs", "vpc")
	other := &model.Operation{ID: "ListServers", Method: "GET", Path: "/v2.1/{project_id}/servers/{server_id}/action"}
	var diags model.Diagnostics
	Distinguish([]*model.Operation{start, reboot, password, agency, alone, other}, &diags)
	for op, want := range map[*model.Operation]string{
		start:    "/v2.1/{project_id}/servers/{server_id}/action#os-start",
		reboot:   "/v2.1/{project_id}/servers/{id}/action#reboot",
		password: "/v3/auth/tokens#CreateTokenByPassword", // both bodies are {"auth": ...}
		agency:   "/v3/auth/tokens#CreateTokenByAgency",
		alone:    "/v1/{project_id}/vpcs",
		other:    "/v2.1/{project_id}/servers/{server_id}/action", // another method
	} {
		if op.Path != want {
			t.Errorf("%s: path %s, want %s", op.ID, op.Path, want)
		}
	}
	if diags.Count(model.Note) != 4 {
		t.Errorf("diagnostics %v", diags)
	}
	// Each note names the shared route as the pages write it, never a
	// path already given its fragment.
	for _, d := range diags {
		if shared, _, _ := strings.Cut(d.Msg, ";"); strings.Contains(shared, "#") {
			t.Errorf("note names a fragment as the shared route: %s", d.Msg)
		}
	}
}

// GES 启动图 and 关闭图: one route, no body, told apart by the constant
// their query strings carry (?action_id=start, ?action_id=stop).
func TestDistinguishByConstantQuery(t *testing.T) {
	graph := func(id, value string) *model.Operation {
		return &model.Operation{ID: id, Method: "POST", Path: "/v1.0/{projectId}/graphs/{graphId}/action", Params: []*model.Param{
			{Name: "projectId", In: model.InPath, Required: true, Schema: &model.Schema{Type: model.TypeString}},
			{Name: "action_id", In: model.InQuery, Required: true, Schema: &model.Schema{Type: model.TypeString, Enum: []string{value}}},
		}}
	}
	start, stop := graph("CreateAction", "start"), graph("CreateGraphsAction", "stop")
	// Two pages with the same constant: nothing tells them apart but
	// their operationIds.
	a, b := graph("StartA", "start"), graph("StartB", "start")
	a.Path, b.Path = "/v2/{p}/x/action", "/v2/{p}/x/action"
	var diags model.Diagnostics
	Distinguish([]*model.Operation{start, stop, a, b}, &diags)
	for op, want := range map[*model.Operation]string{
		start: "/v1.0/{projectId}/graphs/{graphId}/action#start",
		stop:  "/v1.0/{projectId}/graphs/{graphId}/action#stop",
		a:     "/v2/{p}/x/action#StartA",
		b:     "/v2/{p}/x/action#StartB",
	} {
		if op.Path != want {
			t.Errorf("%s: path %s, want %s", op.ID, op.Path, want)
		}
	}
}
