package pipeline

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/emit"
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
			got := origins([]Source{{Name: page}, {Name: "testdata/x.md"}}, nil)
			want := emit.Docs{Pages: filepath.ToSlash(root), Repository: "https://github.com/huaweicloudDocs/vpc.git", Commit: headCommit}
			if len(got) != 1 || got[0] != want {
				t.Fatalf("origins = %+v, want [%+v]", got, want)
			}
			// A page given relative to here names its folder the same way.
			wd, _ := os.Getwd()
			rel, err := filepath.Rel(wd, page)
			if err != nil {
				t.Fatal(err)
			}
			got = origins([]Source{{Name: rel}}, nil)
			if want.Pages = filepath.ToSlash(filepath.Dir(filepath.Dir(filepath.Dir(rel)))); len(got) != 1 || got[0] != want {
				t.Fatalf("relative page: origins = %+v, want [%+v]", got, want)
			}
		})
	}
}

func TestOriginsFromDocsEntries(t *testing.T) {
	c := &service.Config{File: "specs/x.service.yaml", Docs: []service.Docs{
		{Folder: "../testdata/corpus/huaweicloudDocs/vpc/API参考", Repository: "huaweicloudDocs/vpc", Commit: "a70e883", Path: "cn.zh-cn/API参考"}}}
	got := origins([]Source{
		{Name: "testdata/corpus/huaweicloudDocs/vpc/API参考/查询VPC.md"},
		{Name: "testdata/corpus/huaweicloudDocs/vpc/API参考-old/x.md"}, // a sibling folder is not under it
	}, c)
	want := emit.Docs{Pages: "testdata/corpus/huaweicloudDocs/vpc/API参考", Repository: "huaweicloudDocs/vpc", Commit: "a70e883", Path: "cn.zh-cn/API参考"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("origins = %+v, want [%+v]", got, want)
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
