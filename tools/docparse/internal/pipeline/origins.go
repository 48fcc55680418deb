package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/docapi/docapi/tools/docparse/internal/emit"
	"github.com/docapi/docapi/tools/docparse/internal/model"
	"github.com/docapi/docapi/tools/docparse/internal/service"
)

// origins says where the pages came from, for the spec's info: the service
// file's docs entry whose folder holds a page, or else the git checkout a
// page lies in (its HEAD commit and origin remote), unless that checkout
// holds the service file: pages kept in the project's own tree are copies,
// which a docs entry describes, and a spec kept there could not name the
// commit it is committed in. Where docparse runs does not matter. One entry
// per folder, sorted.
func origins(sources []Source, c *service.Config, diags *model.Diagnostics) []emit.Docs {
	if c != nil {
		for _, d := range c.Docs {
			// An entry naming no folder would leave its pages' origin out
			// without a word.
			if fi, err := os.Stat(c.DocsFolder(d)); err != nil {
				diags.Errorf(c.DocsLoc(d), "%v", err)
			} else if !fi.IsDir() {
				diags.Errorf(c.DocsLoc(d), "%s is not a folder", c.DocsFolder(d))
			}
		}
	}
	seen := map[string]emit.Docs{}
	project := ""
	if c != nil && c.File != "" {
		project = gitRoot(filepath.Dir(c.File))
	}
	roots := map[string]string{}    // page folder → its checkout root
	inRoot := map[string][]string{} // checkout root → its pages
	for _, src := range sources {
		page := filepath.Clean(src.Name)
		if d, ok := declared(page, c); ok {
			seen[d.Pages] = d
			continue
		}
		if _, err := os.Stat(page); err != nil {
			continue // bytes given under a name, not a file: no checkout to name
		}
		dir := filepath.Dir(page)
		root, ok := roots[dir]
		if !ok {
			root = gitRoot(dir)
			roots[dir] = root
		}
		if root == "" || root == project {
			continue
		}
		inRoot[root] = append(inRoot[root], page)
		if _, done := seen[root]; done {
			continue
		}
		if d, ok := checkout(root, filepath.IsAbs(page)); ok {
			seen[root] = d
		}
	}
	for _, root := range slices.Sorted(maps.Keys(inRoot)) { // sorted: diagnostics in a stable order
		if d, ok := seen[root]; ok {
			d.Modified = changedSinceCommit(root, d, inRoot[root], diags)
			seen[root] = d
		}
	}
	out := make([]emit.Docs, 0, len(seen))
	for _, d := range seen {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pages < out[j].Pages })
	return out
}

// declared finds the service file's docs entry for page.
func declared(page string, c *service.Config) (emit.Docs, bool) {
	if c == nil {
		return emit.Docs{}, false
	}
	for _, d := range c.Docs {
		folder := filepath.Clean(c.DocsFolder(d))
		if rel, err := filepath.Rel(folder, page); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return emit.Docs{Pages: filepath.ToSlash(folder), Repository: d.Repository, Commit: d.Commit, Path: d.Path}, true
		}
	}
	return emit.Docs{}, false
}

// gitRoot is the work tree root above dir ("" when there is none), as an
// absolute path.
func gitRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			return abs
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// maxGitFile bounds what is read of a git metadata file.
const maxGitFile = 1 << 20

// checkout reads the HEAD commit and origin remote of the work tree at
// root from its files (no git command needed). The remote keeps no user
// information: a URL with a token in it must not reach the spec.
func checkout(root string, absolute bool) (emit.Docs, bool) {
	gitDir := filepath.Join(root, ".git")
	if fi, err := os.Stat(gitDir); err == nil && !fi.IsDir() {
		// A linked worktree or submodule: ".git" is "gitdir: <path>".
		b, err := readSmall(gitDir)
		if err != nil {
			return emit.Docs{}, false
		}
		p, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir: ")
		if !ok {
			return emit.Docs{}, false
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		gitDir = p
	}
	common := gitDir
	if b, err := readSmall(filepath.Join(gitDir, "commondir")); err == nil {
		if p := strings.TrimSpace(string(b)); filepath.IsAbs(p) {
			common = p
		} else {
			common = filepath.Join(gitDir, p)
		}
	}
	head, err := readSmall(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return emit.Docs{}, false
	}
	commit := strings.TrimSpace(string(head))
	if ref, ok := strings.CutPrefix(commit, "ref: "); ok {
		commit = resolveRef(ref, gitDir, common)
	}
	if len(commit) != 40 || !service.IsCommit(commit) {
		return emit.Docs{}, false
	}
	repo := originURL(common)
	if repo == "" {
		repo = filepath.Base(root)
	}
	pages := root
	if !absolute {
		pages = relToHere(root)
	}
	return emit.Docs{Pages: filepath.ToSlash(pages), Repository: repo, Commit: commit}, true
}

func resolveRef(ref, gitDir, common string) string {
	for _, dir := range []string{gitDir, common} {
		if b, err := readSmall(filepath.Join(dir, filepath.FromSlash(ref))); err == nil {
			return strings.TrimSpace(string(b))
		}
	}
	b, err := readSmall(filepath.Join(common, "packed-refs"))
	if err != nil {
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if hash, name, ok := strings.Cut(sc.Text(), " "); ok && name == ref {
			return hash
		}
	}
	return ""
}

// originURL is the url of [remote "origin"] in the repository's config,
// without user information; "" when there is none.
func originURL(common string) string {
	b, err := readSmall(filepath.Join(common, "config"))
	if err != nil {
		return ""
	}
	inOrigin := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			inOrigin = line == `[remote "origin"]`
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !inOrigin || !ok || strings.TrimSpace(key) != "url" {
			continue
		}
		raw := strings.TrimSpace(value)
		if u, err := url.Parse(raw); err == nil && u.Scheme != "" && u.Host != "" {
			// Only where the repository is: user information, a query
			// (?access_token=) or a fragment may carry a secret.
			return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
		}
		// scp-like user@host:path: drop the user.
		if at := strings.LastIndex(raw, "@"); at >= 0 && !strings.Contains(raw, "://") {
			return raw[at+1:]
		}
		return ""
	}
	return ""
}

func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxGitFile))
}

// relToHere writes an absolute folder relative to the working directory,
// as the page paths were given (so no home directory reaches the spec).
func relToHere(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// gitStatusTimeout bounds the one git command a checkout costs.
const gitStatusTimeout = 20 * time.Second

// changedSinceCommit lists the pages (relative to the checkout root) that
// differ from the commit d names: edited, staged or untracked, so the spec
// does not claim the commit holds what was read. It asks git, the only
// reader of every index and object format; without git the spec still
// names the commit, with a note that the pages could not be checked.
func changedSinceCommit(root string, d emit.Docs, pages []string, diags *model.Diagnostics) []string {
	rel := make(map[string]string, len(pages)) // relative to root → as given
	dirs := map[string]bool{}
	for _, p := range pages {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if r, err := filepath.Rel(root, abs); err == nil {
			rel[filepath.ToSlash(r)] = p
			dirs[":(literal)"+filepath.ToSlash(filepath.Dir(r))] = true
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), gitStatusTimeout)
	defer cancel()
	// The checkout is someone else's: no fsmonitor hook from its config.
	// No optional locks: a read-only look that never blocks a git command
	// the user runs meanwhile. -z: paths as they are, not quoted. Only the
	// pages' folders are looked at: a documentation repository holds
	// hundreds of services.
	args := append([]string{"-c", "core.fsmonitor=false", "--no-optional-locks", "-C", root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--"}, slices.Sorted(maps.Keys(dirs))...)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Env = append(gitFreeEnviron(), "LC_ALL=C")
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		why := strings.TrimSpace(stderr.String())
		if why == "" {
			why = err.Error()
		}
		diags.Notef(model.Loc{File: filepath.ToSlash(pages[0])}, "cannot tell whether the pages in %s differ from commit %s (git status: %s); the spec names that commit", d.Pages, d.Commit, model.Clip(why, 200))
		return nil
	}
	var changed []string
	entries := strings.Split(stdout.String(), "\x00")
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if len(e) < 4 {
			continue
		}
		status, path := e[:2], e[3:]
		if strings.ContainsAny(status, "RC") {
			i++ // the entry after a rename or copy (staged or not) is its old path
		}
		if _, read := rel[path]; read {
			changed = append(changed, path)
		}
	}
	sort.Strings(changed)
	if len(changed) > 0 {
		at := model.Loc{File: filepath.ToSlash(rel[changed[0]])}
		shown := changed
		if len(shown) > 5 {
			shown = shown[:5]
		}
		diags.Warnf(at, "%d of the pages read from %s differ from its commit %s (%s); the spec records them as modified", len(changed), d.Pages, d.Commit, strings.Join(shown, ", "))
	}
	return changed
}

// gitFreeEnviron is the environment without GIT_* variables: inside a
// hook or "git rebase -x", GIT_DIR and GIT_INDEX_FILE name the repository
// being committed to, not the documentation checkout.
func gitFreeEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return env
}
