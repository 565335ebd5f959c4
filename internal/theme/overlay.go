package theme

import (
	"errors"
	"io/fs"
	"sort"
)

// overlay is a file system where files in top hide files with the same
// name in base. Directory listings merge both.
type overlay struct {
	top, base fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	bad := 0
	for _, fsys := range []fs.FS{o.base, o.top} {
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			bad++
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	if bad == 2 {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
