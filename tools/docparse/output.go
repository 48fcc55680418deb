package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// destination is where -o or -leftout writes.
type destination struct {
	// path is the file written: the end of any symbolic links, so that a
	// link keeps naming the spec it names.
	path string
	// stream marks a device, pipe, socket or a link into /proc or /dev/fd
	// (-o /dev/null, -o /dev/stdout): written to in place, appended to,
	// never replaced by a renamed file (as root that replaced /dev/null)
	// and never read as the spec being replaced.
	stream bool
}

// maxLinkHops bounds the symbolic links followed, as the kernel does.
const maxLinkHops = 40

// resolveOutput follows path's symbolic links one at a time, so that a
// link whose target does not exist yet is still written through and a link
// into /proc/self/fd (which /dev/stdout is) is seen before it resolves to
// whatever stdout happens to be.
func resolveOutput(path string) (destination, error) {
	p := path
	for hops := 0; hops <= maxLinkHops; hops++ {
		if under(p, "/proc") || under(p, "/dev/fd") {
			return destination{path: p, stream: true}, nil
		}
		info, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return destination{path: p}, nil
		case err != nil:
			return destination{}, err
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return destination{}, err
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(p), target)
			}
			p = target
		case info.Mode().IsRegular():
			return destination{path: p}, nil
		case info.IsDir():
			return destination{}, fmt.Errorf("%s is a directory", path)
		default:
			return destination{path: p, stream: true}, nil
		}
	}
	return destination{}, fmt.Errorf("%s: more than %d symbolic links", path, maxLinkHops)
}

func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// write puts data at the destination: a stream in place, a file replaced
// in one step so that a failed run never leaves half a spec.
func (d destination) write(data []byte) error {
	if d.stream {
		f, err := os.OpenFile(d.path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return err
		}
		_, werr := f.Write(data)
		return errors.Join(werr, f.Close())
	}
	return replaceFile(d.path, data, os.Rename)
}

// replaceFile writes data to a temporary file beside path and renames it
// over path; the temporary file goes when any step fails.
func replaceFile(path string, data []byte, rename func(from, to string) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	err = errors.Join(werr, tmp.Close())
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
