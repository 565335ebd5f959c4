// Package record reads and writes the record of published addresses,
// content/published-urls.txt: one address a line, below the site's base
// URL ("vi/plans/x/iii-1-a/"); a line starting with "#" is a comment.
//
// The record only grows. Update adds a build's new addresses at the end
// and keeps every line already there, comments and order included, so
// that a reviewer sees exactly what a change added; it replaces the file
// in one rename, so a crash never leaves half a record.
package record

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

// File is the record's name in the content directory.
const File = "published-urls.txt"

// header starts a new record.
const header = "# Every address this site has published, below its base URL. The build\n" +
	"# fails if one would disappear; `sitegen build -record` adds new ones.\n"

// Entry is one address of the record and the line it is on.
type Entry struct {
	Line    int
	Address string
}

// Record is the record's lines as written.
type Record struct {
	lines []string
	seen  map[string]bool
}

// Parse reads a record. Lines are kept as they are; Entries lists the
// ones that are addresses.
func Parse(b []byte) *Record {
	r := &Record{seen: map[string]bool{}}
	text := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if text != "" {
		r.lines = strings.Split(text, "\n")
	}
	for _, e := range r.Entries() {
		r.seen[e.Address] = true
	}
	return r
}

// Entries returns every address line, in file order, white space around
// it removed.
func (r *Record) Entries() []Entry {
	var out []Entry
	for i, line := range r.lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, Entry{Line: i + 1, Address: line})
	}
	return out
}

// Add appends the addresses not yet in the record, sorted, after its
// last line, and returns how many it added.
func (r *Record) Add(addresses []string) int {
	var added []string
	for _, a := range addresses {
		if !r.seen[a] {
			r.seen[a] = true
			added = append(added, a)
		}
	}
	sort.Strings(added)
	if len(r.lines) == 0 {
		r.lines = strings.Split(strings.TrimSuffix(header, "\n"), "\n")
	}
	r.lines = append(r.lines, added...)
	return len(added)
}

// Bytes is the record as a file.
func (r *Record) Bytes() []byte {
	var b bytes.Buffer
	for _, line := range r.lines {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Update adds addresses to the record in the directory root, creating
// it if needed, and returns how many were new. The file is written
// beside the record and renamed over it.
func Update(root *os.Root, addresses []string) (int, error) {
	old, err := root.ReadFile(File)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	r := Parse(old)
	added := r.Add(addresses)
	if added == 0 && old != nil {
		return 0, nil
	}
	return added, writeAtomic(root, File, r.Bytes())
}

// writeAtomic writes data to name through a temporary file in the same
// directory, so that name is always either the old or the new file.
func writeAtomic(root *os.Root, name string, data []byte) error {
	var f *os.File
	var tmp string
	for i := 0; ; i++ {
		tmp = fmt.Sprintf(".%s.tmp-%d-%d", name, os.Getpid(), i)
		var err error
		f, err = root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i == 100 {
			return err
		}
	}
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
