package build

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"

	"sitegen/internal/diag"
)

// CheckChange tells what check would say of content once files (by
// name relative to the content, with their new bytes) are written, as
// `import` and `translations import` are about to: it returns the
// problems the change adds. A command that writes into the content
// calls it first, so that it never reports success on content the next
// build refuses.
//
// A problem counts as added when the content as it is has fewer of the
// same kind, in the same file, with the same message: lines move when a
// file is edited, so they cannot tell old from new.
func CheckChange(content fs.FS, files map[string][]byte) *diag.List {
	_, before := Check(content)
	_, after := Check(&overlay{base: content, files: files})
	type key struct {
		sev  diag.Severity
		file string
		msg  string
	}
	had := map[key]int{}
	for _, p := range before.Problems() {
		had[key{p.Severity, p.Pos.File, p.Msg}]++
	}
	added := &diag.List{}
	for _, p := range after.Problems() {
		k := key{p.Severity, p.Pos.File, p.Msg}
		if had[k] > 0 {
			had[k]--
			continue
		}
		if p.Severity == diag.Error {
			added.Errorf(p.Pos, p.Hint, "%s", p.Msg)
		} else {
			added.Warnf(p.Pos, p.Hint, "%s", p.Msg)
		}
	}
	return added
}

// overlay is a content tree with some files replaced or added. It reads
// the rest from base, links and all.
type overlay struct {
	base  fs.FS
	files map[string][]byte
}

func (o *overlay) mem(name string) (fs.File, bool, error) {
	data, ok := o.files[name]
	if !ok {
		return nil, false, nil
	}
	f, err := fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o644}}.Open(name)
	return f, true, err
}

func (o *overlay) Open(name string) (fs.File, error) {
	if f, ok, err := o.mem(name); ok {
		return f, err
	}
	if o.isNewDir(name) {
		return fstest.MapFS{name: &fstest.MapFile{Mode: fs.ModeDir | 0o755}}.Open(name)
	}
	return o.base.Open(name)
}

func (o *overlay) ReadFile(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		return bytes.Clone(data), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if f, ok, err := o.mem(name); ok {
		if err != nil {
			return nil, err
		}
		return f.Stat()
	}
	if o.isNewDir(name) {
		return fs.Stat(fstest.MapFS{name: &fstest.MapFile{Mode: fs.ModeDir | 0o755}}, name)
	}
	return fs.Stat(o.base, name)
}

func (o *overlay) Lstat(name string) (fs.FileInfo, error) {
	if _, ok := o.files[name]; ok || o.isNewDir(name) {
		return o.Stat(name)
	}
	return fs.Lstat(o.base, name)
}

func (o *overlay) ReadLink(name string) (string, error) {
	if _, ok := o.files[name]; ok {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: errors.New("not a symbolic link")}
	}
	return fs.ReadLink(o.base, name)
}

// ReadDir lists the directory with the overlay's files in it.
func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !(errors.Is(err, fs.ErrNotExist) && o.isNewDir(name)) {
		return nil, err
	}
	for file := range o.files {
		if path.Dir(file) != name {
			continue
		}
		entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return e.Name() == path.Base(file) })
		info, err := o.Stat(file)
		if err != nil {
			return nil, err
		}
		entries = append(entries, fs.FileInfoToDirEntry(info))
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// isNewDir reports whether name is a directory only the overlay's files
// make (plans/ in a content that has none yet).
func (o *overlay) isNewDir(name string) bool {
	for file := range o.files {
		if strings.HasPrefix(file, name+"/") {
			if _, err := fs.Stat(o.base, name); errors.Is(err, fs.ErrNotExist) {
				return true
			}
		}
	}
	return false
}
