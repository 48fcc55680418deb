package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// MaxPageBytes bounds what one page may hold, so a wrong argument cannot
// exhaust memory.
const MaxPageBytes = 64 << 20

// pageExtensions are the files a folder contributes: documentation pages,
// not the images and scripts published beside them.
var pageExtensions = []string{".md", ".txt", ".html", ".htm"}

// Expand turns pages, folders and glob patterns into page paths: a folder
// gives every page file under it (hidden ones excepted), sorted; a pattern
// gives its matches, sorted, and must match something. A path named twice
// is read once.
func Expand(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if p = filepath.Clean(p); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, arg := range args {
		matches := []string{arg}
		if strings.ContainsAny(arg, "*?[") {
			var err error
			if matches, err = filepath.Glob(arg); err != nil {
				return nil, fmt.Errorf("%s: %w", arg, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no page matches", arg)
			}
			slices.Sort(matches)
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				return nil, err
			}
			if !info.IsDir() {
				add(m)
				continue
			}
			files, err := pagesUnder(m)
			if err != nil {
				return nil, err
			}
			if len(files) == 0 {
				return nil, fmt.Errorf("%s: folder holds no pages (%s)", m, strings.Join(pageExtensions, ", "))
			}
			for _, f := range files {
				add(f)
			}
		}
	}
	return out, nil
}

func pagesUnder(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && slices.Contains(pageExtensions, strings.ToLower(filepath.Ext(path))) {
			files = append(files, path)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// ReadSources reads each page. A page larger than MaxPageBytes is not read
// but given with TooLarge set, so the run leaves it out and goes on; a page
// that cannot be opened or read is an error.
func ReadSources(paths []string) ([]Source, error) {
	sources := make([]Source, 0, len(paths))
	for _, p := range paths {
		data, err := readPage(p)
		if errors.Is(err, errTooLarge) {
			sources = append(sources, Source{Name: p, TooLarge: true})
			continue
		}
		if err != nil {
			return nil, err
		}
		sources = append(sources, Source{Name: p, Data: data})
	}
	return sources, nil
}

var errTooLarge = fmt.Errorf("page is larger than %d MiB", MaxPageBytes>>20)

func readPage(name string) ([]byte, error) {
	return readOpened(name, os.Open, false)
}

// readOpened reads the page open opens, refusing anything but a regular
// file when regularOnly is set (checked on the open file, so nothing can
// be swapped in between).
func readOpened(name string, open func(string) (*os.File, error), regularOnly bool) ([]byte, error) {
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil && regularOnly && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	if err == nil && fi.Mode().IsRegular() && fi.Size() > MaxPageBytes {
		return nil, fmt.Errorf("%s: %w", name, errTooLarge) // not read at all
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxPageBytes {
		return nil, fmt.Errorf("%s: %w", name, errTooLarge)
	}
	return data, nil
}

// ReadLinkedPage reads a page a row links to (Options.ReadLinked): a
// regular file of at most MaxPageBytes.
func ReadLinkedPage(name string) ([]byte, error) {
	// Opened without blocking, so a pipe named like a page cannot hang
	// the run before it is seen to be no file.
	return readOpened(name, func(name string) (*os.File, error) {
		return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}, true)
}
