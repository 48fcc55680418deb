package pipeline

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/emit"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

const headCommit = "0123456789abcdef0123456789abcdef01234567"

// A page in a git checkout of the documentation names its HEAD commit and
// origin remote (without the token in its URL); a page of the project's
// own tree names nothing unless a docs entry does.
func TestOriginsFromGitCheckout(t *testing.T) {
	for _, layout := range []string{"loose ref", "packed ref", "detached"} {
		t.Run(layout, func(t *testing.T) {
			root := t.TempDir()
			git := filepath.Join(root, ".git")
			write(t, filepath.Join(git, "config"), "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://user:ghp_secret@github.com/huaweicloudDocs/vpc.git?access_token=q_secret#frag\n")
			switch layout {
			case "loose ref":
				write(t, filepath.Join(git, "HEAD"), "ref: refs/heads/master\n")
				write(t, filepath.Join(git, "refs", "heads", "master"), headCommit+"\n")
			case "packed ref":
				write(t, filepath.Join(git, "HEAD"), "ref: refs/heads/master\n")
				write(t, filepath.Join(git, "packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"+headCommit+" refs/heads/master\n")
			case "detached":
				write(t, filepath.Join(git, "HEAD"), headCommit+"\n")
			}
			page := filepath.Join(root, "cn.zh-cn", "API参考", "查询VPC.md")
			write(t, page, "# x\n")
			got := origins([]Source{{Name: page}, {Name: "testdata/x.md"}}, nil, &model.Diagnostics{})
			want := emit.Docs{Pages: filepath.ToSlash(root), Repository: "https://github.com/huaweicloudDocs/vpc.git", Commit: headCommit}
			if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
				t.Fatalf("origins = %+v, want [%+v]", got, want)
			}
			// A page given relative to here names its folder the same way.
			wd, _ := os.Getwd()
			rel, err := filepath.Rel(wd, page)
			if err != nil {
				t.Fatal(err)
			}
			got = origins([]Source{{Name: rel}}, nil, &model.Diagnostics{})
			if want.Pages = filepath.ToSlash(filepath.Dir(filepath.Dir(filepath.Dir(rel)))); len(got) != 1 || !reflect.DeepEqual(got[0], want) {
				t.Fatalf("relative page: origins = %+v, want [%+v]", got, want)
			}
		})
	}
}

func TestOriginsFromDocsEntries(t *testing.T) {
	c := &service.Config{File: "../../../../specs/x.service.yaml", Docs: []service.Docs{
		{Folder: "../testdata/corpus/huaweicloudDocs/vpc/API参考", Repository: "huaweicloudDocs/vpc", Commit: "a70e883", Path: "cn.zh-cn/API参考"}}}
	var diags model.Diagnostics
	got := origins([]Source{
		{Name: "../../../../testdata/corpus/huaweicloudDocs/vpc/API参考/查询VPC.md"},
		{Name: "../../../../testdata/corpus/huaweicloudDocs/vpc/API参考-old/x.md"}, // a sibling folder is not under it
	}, c, &diags)
	want := emit.Docs{Pages: "../../../../testdata/corpus/huaweicloudDocs/vpc/API参考", Repository: "huaweicloudDocs/vpc", Commit: "a70e883", Path: "cn.zh-cn/API参考"}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) || len(diags) != 0 {
		t.Fatalf("origins = %+v, want [%+v]; diags %v", got, want, diags)
	}
}

// Every service file's docs entries agree with the corpus manifest, the
// record of where the copies came from.
func TestDocsEntriesMatchManifest(t *testing.T) {
	f, err := os.Open("../../../../testdata/corpus/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	manifest := map[string]string{} // "repository path" → commit
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if cols := strings.Split(sc.Text(), "\t"); len(cols) >= 4 && cols[0] != "service" {
			manifest[cols[1]+" "+cols[3]] = cols[2]
		}
	}
	files, _ := filepath.Glob("../../../../specs/*.service.yaml")
	entries := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := service.Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range c.Docs {
			entries++
			if commit, ok := manifest[d.Repository+" "+d.Path]; !ok || commit != d.Commit {
				t.Errorf("%s: docs %s %s at %s; the manifest says %q", file, d.Repository, d.Path, d.Commit, commit)
			}
			if fi, err := os.Stat(c.DocsFolder(d)); err != nil || !fi.IsDir() {
				t.Errorf("%s: docs folder %s: %v", file, d.Folder, err)
			}
		}
	}
	if entries < 8 {
		t.Errorf("only %d docs entries in the service files", entries)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A page edited, staged or added since the checkout's commit is recorded as
// modified, with a warning: the spec must not claim the commit holds what
// was read. Needs git (the check asks it); skipped without.
func TestOriginsRecordPagesChangedSinceCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git here")
	}
	root := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", root, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+filepath.Join(root, "no-config"), "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	dir := filepath.Join(root, "API参考")
	paths := map[string]string{"查询VPC.md": "/v1/vpcs", "创建VPC.md": "/v1/vpcs/new", "删除VPC.md": "/v1/vpcs/old"}
	pageText := func(name string) string { return "# " + name + "\n\n## URI\n\nGET " + paths[name] + "\n" }
	for _, name := range []string{"查询VPC.md", "创建VPC.md", "删除VPC.md"} {
		write(t, filepath.Join(dir, name), pageText(name))
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "pages")
	pages := func(names ...string) []Source {
		var out []Source
		for _, n := range names {
			out = append(out, Source{Name: filepath.Join(dir, n)})
		}
		return out
	}
	var diags model.Diagnostics
	got := origins(pages("查询VPC.md", "创建VPC.md", "删除VPC.md"), nil, &diags)
	if len(got) != 1 || got[0].Modified != nil || len(got[0].Commit) != 40 || len(diags) != 0 {
		t.Fatalf("clean checkout: origins = %+v, diags %v", got, diags)
	}

	write(t, filepath.Join(dir, "查询VPC.md"), pageText("查询VPC.md")+"\n说明。\n") // not staged
	write(t, filepath.Join(dir, "创建VPC.md"), "# staged\n")
	git("add", "API参考/创建VPC.md")
	write(t, filepath.Join(dir, "新增.md"), "# untracked\n")
	write(t, filepath.Join(root, "elsewhere.md"), "# not read\n")
	diags = nil
	got = origins(pages("查询VPC.md", "创建VPC.md", "删除VPC.md", "新增.md"), nil, &diags)
	want := []string{"API参考/创建VPC.md", "API参考/新增.md", "API参考/查询VPC.md"}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Modified, want) {
		t.Fatalf("Modified = %q, want %q", got[0].Modified, want)
	}
	if len(diags) != 1 || diags[0].Severity != model.Warning || !strings.Contains(diags[0].Msg, "3 of the pages") || diags[0].Loc.File != filepath.ToSlash(filepath.Join(dir, "创建VPC.md")) {
		t.Errorf("diags = %v", diags)
	}

	// Inside a hook of another repository, GIT_DIR names that one; the
	// checkout asked about is still the pages'.
	other := t.TempDir()
	cmd := exec.Command("git", "init", "-q", other)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)
	diags = nil
	if got := origins(pages("删除VPC.md"), nil, &diags); len(got) != 1 || got[0].Modified != nil || len(diags) != 0 {
		t.Errorf("with GIT_DIR set: origins = %+v, diags %v", got, diags)
	}

	// The whole run writes the list into the spec.
	read, err := ReadSources([]string{filepath.Join(dir, "查询VPC.md"), filepath.Join(dir, "删除VPC.md")})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(read, Options{Family: "huawei-api"})
	if res.YAML == nil || !strings.Contains(string(res.YAML), "modified:\n        - API参考/查询VPC.md\n") {
		t.Errorf("spec lacks the modified page:\n%s\n%v", res.YAML, res.Diags)
	}

	// Without git the commit is still named, with a note.
	t.Setenv("PATH", "")
	diags = nil
	got = origins(pages("查询VPC.md"), nil, &diags)
	if len(got) != 1 || got[0].Modified != nil || len(diags) != 1 || diags[0].Severity != model.Note || !strings.Contains(diags[0].Msg, "cannot tell") {
		t.Errorf("without git: origins = %+v, diags %v", got, diags)
	}
}

// A checkout of the documentation is named whatever the working directory,
// its own folder included; only the checkout holding the service file is
// the project's, whose pages are copies.
func TestOriginsWhateverTheWorkingDirectory(t *testing.T) {
	root := t.TempDir()
	git := filepath.Join(root, ".git")
	write(t, filepath.Join(git, "config"), "[remote \"origin\"]\n\turl = https://github.com/huaweicloudDocs/evs.git\n")
	write(t, filepath.Join(git, "HEAD"), headCommit+"\n")
	page := filepath.Join("cn.zh-cn", "API参考", "查询云硬盘.md")
	write(t, filepath.Join(root, page), "# x\n")
	t.Setenv("PATH", "") // no git: the commit is still named, with a note
	t.Chdir(root)
	elsewhere := &service.Config{File: filepath.Join(t.TempDir(), "evs.service.yaml")}
	inside := &service.Config{File: filepath.Join(root, "evs.service.yaml")}
	want := emit.Docs{Pages: ".", Repository: "https://github.com/huaweicloudDocs/evs.git", Commit: headCommit}
	for _, c := range []struct {
		name string
		cfg  *service.Config
		want []emit.Docs
	}{
		{"no service file", nil, []emit.Docs{want}},
		{"service file elsewhere", elsewhere, []emit.Docs{want}},
		{"service file in the checkout", inside, []emit.Docs{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := origins([]Source{{Name: page}}, c.cfg, &model.Diagnostics{})
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("origins = %+v, want %+v", got, c.want)
			}
		})
	}
}
