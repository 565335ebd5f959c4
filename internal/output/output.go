// Package output writes a rendered site to disk all at once.
//
// Begin opens a new directory beside the output directory, Dir.Write puts
// every file there, and Dir.Commit, called only when all of them are
// written, swaps it with the output directory in one rename. A build that fails or is killed part-way
// leaves the previous site exactly as it was; the next build removes the
// half-written directory it left behind.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// File is one output file, its path relative to the output root.
type File struct {
	Path string
	Data []byte
}

const (
	tmpPrefix = ".tmp-"
	oldPrefix = ".old-"
)

// Dir is a site being written beside its output directory. Write may be
// called from several goroutines; Commit swaps the site in, Abort throws
// it away. Until Commit, the output directory is untouched.
type Dir struct {
	out, parent, base, tmp string
	mu                     sync.Mutex
	made                   map[string]bool
}

// Begin starts writing a site that will replace out.
func Begin(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if base == "" || base == "." || base == ".." || base == "/" {
		return nil, fmt.Errorf("output directory %q is not a directory name", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %q: %w", parent, err)
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+tmpPrefix)
	if err != nil {
		return nil, fmt.Errorf("creating a directory beside %q: %w", out, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Dir{out: out, parent: parent, base: base, tmp: tmp, made: map[string]bool{}}, nil
}

// Write writes one file of the site.
func (d *Dir) Write(f File) error {
	if !filepath.IsLocal(f.Path) {
		return fmt.Errorf("refusing to write %q outside the output directory", f.Path)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(f.Path))
	dir := filepath.Dir(p)
	d.mu.Lock()
	known := d.made[dir]
	d.mu.Unlock()
	if !known {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		d.mu.Lock()
		d.made[dir] = true
		d.mu.Unlock()
	}
	return os.WriteFile(p, f.Data, 0o644)
}

// Commit puts the written site in place of the output directory.
func (d *Dir) Commit() error {
	if err := swap(d.tmp, d.out, d.parent, d.base); err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	return nil
}

// Abort removes what was written; the output directory stays as it was.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }

// swap puts tmp in place of out. Where the system can exchange two
// directories in one step, out is never missing.
func swap(tmp, out, parent, base string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	if err := exchange(tmp, out); err == nil {
		return os.RemoveAll(tmp) // tmp now holds the previous site
	}
	old, err := os.MkdirTemp(parent, "."+base+oldPrefix)
	if err != nil {
		return err
	}
	os.Remove(old)
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("moving the previous %q aside: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("moving the new site into %q: %w", out, err)
	}
	return os.RemoveAll(old)
}

// removeLeftovers deletes directories that killed builds left beside out.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, "."+base+tmpPrefix) || strings.HasPrefix(n, "."+base+oldPrefix)) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}
