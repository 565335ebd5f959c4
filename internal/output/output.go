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
	"sort"
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

// MakeDirs creates, once each, the directories that will hold files at
// paths (relative to the output root, as in File.Path), so that Write
// need not create them one system call at a time while pages stream in.
func (d *Dir) MakeDirs(paths []string) error {
	want := map[string]bool{}
	for _, p := range paths {
		if !filepath.IsLocal(p) {
			return fmt.Errorf("refusing to write %q outside the output directory", p)
		}
		for dir := filepath.Dir(filepath.FromSlash(p)); dir != "." && !want[dir]; dir = filepath.Dir(dir) {
			want[dir] = true
		}
	}
	dirs := make([]string, 0, len(want))
	for dir := range want {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs) // parents sort before their children
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, dir := range dirs {
		p := filepath.Join(d.tmp, dir)
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
		d.made[p] = true
	}
	return nil
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
		return removeTree(tmp) // tmp now holds the previous site
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
	return removeTree(old)
}

// removeTree removes dir and everything in it, several directories at a
// time: removing a previous site of some 50,000 files and directories
// one at a time took longer than building the new one.
func removeTree(dir string) error {
	sem := make(chan struct{}, 8) // directories being emptied at once
	var rm func(dir string) error
	rm = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return os.RemoveAll(dir)
		}
		var (
			wg     sync.WaitGroup
			mu     sync.Mutex
			failed bool
		)
		keep := func(err error) {
			if err != nil {
				mu.Lock()
				failed = true
				mu.Unlock()
			}
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if !e.IsDir() {
				keep(os.Remove(p))
				continue
			}
			select {
			case sem <- struct{}{}:
				wg.Add(1)
				go func() {
					defer wg.Done()
					keep(rm(p))
					<-sem
				}()
			default: // every worker is busy: empty it here
				keep(rm(p))
			}
		}
		wg.Wait()
		if failed { // let RemoveAll retry and report what stands in the way
			return os.RemoveAll(dir)
		}
		return os.Remove(dir)
	}
	return rm(dir)
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
			removeTree(filepath.Join(parent, n))
		}
	}
}
