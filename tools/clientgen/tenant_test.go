package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The tenant placeholder is found after a service prefix and a version,
// either optional and the version possibly a placeholder; a project or
// domain named after a collection or further in is the one acted on.
func TestTenantParam(t *testing.T) {
	for path, want := range map[string]string{
		"/v1/{project_id}/vpcs":                                    "project_id",
		"/{project_id}/servers":                                    "project_id",
		"/v2.1/{project_id}/servers/{server_id}":                   "project_id",
		"/v2/{domain_id}/auto-launch-groups":                       "domain_id",
		"/{version_id}/{project_id}/jobs":                          "project_id", // RDS, CSMS
		"/rds/v1/{project_id}/instances":                           "project_id", // RDS v1
		"/rds/{versionId}/{project_id}/instances":                  "project_id",
		"/autoscaling-api/v1/{project_id}/scaling_group":           "project_id", // AS, not in the corpus
		"/v3/projects/{project_id}":                                "",           // IAM: the project acted on
		"/v3.0/OS-QUOTA/projects/{project_id}":                     "",
		"/v3-ext/projects/{project_id}":                            "",
		"/projects/{project_id}/things":                            "",
		"/v3/domains/{domain_id}/groups":                           "",
		"/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/login-policy": "",
		"/v1/ports/{port_id}":                                      "",
		"/{version_id}/{other_id}/{project_id}/x":                  "", // two placeholders before it
		"/v1/{version_id}/{project_id}/x":                          "", // two versions
		"/rds/{versionId}":                                         "",
		"/{version_id}":                                            "",
		"/":                                                        "",
	} {
		if got := tenantParam(path); got != want {
			t.Errorf("tenantParam(%q) = %q, want %q", path, got, want)
		}
	}
}

const tenantSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
servers: [{url: "https://x.{region}.example.com"}]
paths:
  /autoscaling-api/v1/{project_id}/scaling_group:
    get:
      operationId: ListScalingGroups
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
  /{version_id}/{project_id}/jobs:
    get:
      operationId: ListJobs
      parameters:
        - {name: version_id, in: path, required: true, description: "取值：v3", schema: {type: string, enum: [v3]}}
        - {name: project_id, in: path, required: true, schema: {type: string}}
        - {name: id, in: query, schema: {type: string}}
      responses: {"204": {description: ok}}
  /{version_id}/{project_id}/tags:
    get:
      operationId: ListTags
      parameters:
        - {name: version_id, in: path, required: true, schema: {type: string, enum: [v1, v2]}}
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
  /v1/{project_id}/both:
    post:
      operationId: CreateBoth
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: done, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
        "202": {description: queued, content: {application/json: {schema: {type: object, properties: {job_id: {type: string}}}}}}
  /v1/{project_id}/one:
    post:
      operationId: CreateOne
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: done, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
        "204": {description: nothing}
  /v3/projects/{project_id}:
    get:
      operationId: ShowProject
      parameters:
        - {name: project_id, in: path, required: true, schema: {type: string}}
      responses: {"204": {description: ok}}
`

// What tenantParam finds comes from the Config, and so does a path
// parameter with only one allowed value; an operation documenting two 2xx
// bodies is StrictStatus; the generated code compiles.
func TestTenantAndConstantsFilled(t *testing.T) {
	t.Chdir("../..")
	files := generateInModule(t, tenantSpec)
	var api string
	for path, src := range files {
		if strings.HasSuffix(path, "api.gen.go") {
			api = strings.Join(strings.Fields(string(src)), " ")
		}
	}
	for _, want := range []string{
		"ListScalingGroups(ctx context.Context) error",
		"NewListScalingGroupsRequest(server, ids.Project)",
		"ListJobs(ctx context.Context, params *",
		`NewListJobsRequest(server, `, /* the type oapi-codegen gives the enum */
		`("v3"), ids.Project, params)`,
		"ListTags(ctx context.Context, versionId ", // two values: the caller picks
		"NewListTagsRequest(server, versionId, ids.Project)",
		"ShowProject(ctx context.Context, projectId string) error",
		"NewShowProjectRequest(server, projectId)",
	} {
		if !strings.Contains(api, want) {
			t.Errorf("typed layer lacks %q", want)
		}
	}
	// Only an operation with two 2xx bodies decodes its status alone.
	if n := strings.Count(api, "StrictStatus: true"); n != 1 || !strings.Contains(api, `Name: "CreateBoth", Method: "POST", Path: "/v1/{project_id}/both", Idempotent: false, Auth: false, Project: true, Domain: false, StrictStatus: true}`) {
		t.Errorf("StrictStatus set %d times, want once, on CreateBoth", n)
	}
	if t.Failed() {
		t.Logf("typed layer:\n%s", api)
	}
}

// generateInModule generates spec's models and typed layer as if under
// generated/ (the typed layer imports the models by that path) and builds
// them with go build -overlay, the files kept in a temporary directory:
// nothing is written into the module's tree.
func generateInModule(t *testing.T, spec string) map[string][]byte {
	t.Helper()
	return generateAndRun(t, spec, nil)
}

// writeSpec writes spec and an oapi-codegen config for package pkg,
// models and client to output, into dir, returning their paths.
func writeSpec(t *testing.T, dir, pkg, spec, output string) (specPath, cfgPath string) {
	t.Helper()
	specPath, cfgPath = filepath.Join(dir, pkg+".yaml"), filepath.Join(dir, pkg+".codegen.yaml")
	if err := os.WriteFile(specPath, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	config := "package: " + pkg + "\noutput: " + output + "\ngenerate: {models: true, client: true}\n"
	if err := os.WriteFile(cfgPath, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return specPath, cfgPath
}

// generateAndRun is generateInModule, then, when apiTest is not nil, go
// test of the typed layer with the file apiTest(pkg) returns added to it:
// the generated client called over real HTTP.
func generateAndRun(t *testing.T, spec string, apiTest func(pkg string) string) map[string][]byte {
	t.Helper()
	tmp := t.TempDir()
	pkg := "clientgentest" + strconv.FormatInt(time.Now().UnixNano()%1e9, 36)
	dir := filepath.Join("generated", pkg)
	specPath, cfg := writeSpec(t, tmp, pkg, spec, filepath.Join(dir, pkg+".gen.go"))
	files, err := generate("huawei", cfg, specPath)
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	overlay := map[string]string{}
	pkgs := map[string]bool{}
	for path, src := range files {
		backing := filepath.Join(tmp, strings.ReplaceAll(filepath.ToSlash(path), "/", "_"))
		if err := os.WriteFile(backing, src, 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[filepath.Join(wd, path)] = backing
		pkgs["./"+filepath.ToSlash(filepath.Dir(path))] = true
	}
	var apiPkg string
	if apiTest != nil {
		apiPkg = "./" + filepath.ToSlash(filepath.Join(dir, pkg+"api"))
		backing := filepath.Join(tmp, "loopback_test.go")
		if err := os.WriteFile(backing, []byte(apiTest(pkg)), 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[filepath.Join(wd, dir, pkg+"api", "loopback_test.go")] = backing
	}
	raw, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		t.Fatal(err)
	}
	overlayFile := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayFile, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to compile the generated client: %v", err)
	}
	args := []string{"build", "-overlay", overlayFile}
	for p := range pkgs {
		args = append(args, p)
	}
	if out, err := exec.Command(goCmd, args...).CombinedOutput(); err != nil {
		t.Fatalf("generated client does not compile: %v\n%s", err, out)
	}
	if apiTest != nil {
		// Built, then run from the temporary directory: the package's own
		// directory exists only in the overlay.
		bin := filepath.Join(tmp, "api.test")
		if out, err := exec.Command(goCmd, "test", "-c", "-vet=off", "-overlay", overlayFile, "-o", bin, apiPkg).CombinedOutput(); err != nil {
			t.Fatalf("generated client's loopback test does not compile: %v\n%s", err, out)
		}
		run := exec.Command(bin, "-test.count=1")
		run.Dir = tmp
		if out, err := run.CombinedOutput(); err != nil {
			t.Fatalf("generated client's loopback test failed: %v\n%s", err, out)
		}
	}
	return files
}
