// Package record reads and writes the record of published addresses,
// content/published-urls.txt: one address a line, below the site's base
// URL ("vi/plans/x/iii-1-a/"); a line starting with "#" is a comment.
//
// The record only grows. Update adds a build's new addresses at the end
// and keeps every line already there, comments and order included, so
// that a reviewer sees exactly what a change added.
package record

import (
	"bytes"
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

// Update adds addresses to the record old (nil when there is none yet)
// and returns the new record, and how many addresses were new; data is
// nil when the record need not change. The command writes it (package
// guard), in one rename, so a crash never leaves half a record.
func Update(old []byte, addresses []string) (data []byte, added int) {
	r := Parse(old)
	added = r.Add(addresses)
	if added == 0 && old != nil {
		return nil, 0
	}
	return r.Bytes(), added
}
