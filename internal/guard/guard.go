// Package guard holds the one rule for every file a command writes
// (`import`, `translations export` and `import`, `build -record`,
// `build -cpuprofile`; the site itself is package output's), and writes
// them.
//
// A command says, in a Policy, which kinds of file it is for: import
// creates a plan and its source text, translations import replaces
// plans and registries, the record replaces published-urls.txt, an
// export creates a file outside the content. Write refuses, before
// writing anything:
//
//   - a file of the content directory of any other kind, so that an
//     XLIFF file or a profile can never land on a curated plan, a source
//     text or a registry;
//   - an existing plan, source or registry the command may only create;
//   - an existing file outside the content that is not the command's own
//     kind of file (an export replaces an XLIFF file, not a Go file);
//   - a symbolic link, or a file reached through one inside the content,
//     which would write, or seem to write, somewhere else.
//
// Each refusal is lifted only by the command's force flag, and names it.
// Every file is written in full beside its old version and renamed over
// it, all renames after all are written: a reader, or a build running
// meanwhile, sees the old files or the new ones, and a failure (a full
// disk) leaves every file as it was. A file replaced keeps its mode.
package guard

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"sitegen/internal/output"
)

// Kind is what a file is, for the rule: its place in the content
// directory, or outside it.
type Kind int

const (
	Outside  Kind = iota // not in the content directory
	Plan                 // plans/*.yaml
	Source               // sources/*: the documents' texts
	Registry             // site.yaml, provinces.yaml, ... redirects.yaml
	Record               // published-urls.txt
	Content              // anything else in the content directory
)

func (k Kind) String() string {
	return [...]string{"a file outside the content", "a plan file", "a source text", "a registry of the content", "the record of published addresses", "a file of the content"}[k]
}

// registries are the content's files of one of each, at its top.
var registries = []string{"site.yaml", "frameworks.yaml", "provinces.yaml", "agencies.yaml", "themes.yaml", "glossary.yaml", "redirects.yaml"}

// recordFile is the record of published addresses (package record).
const recordFile = "published-urls.txt"

// classify says what the file rel (slash-separated, relative to the
// content directory) is.
func classify(rel string) Kind {
	switch dir, name := filepath.ToSlash(filepath.Dir(rel)), filepath.Base(rel); {
	case dir == "plans" && strings.HasSuffix(name, ".yaml"):
		return Plan
	case dir == "sources":
		return Source
	case dir == "." && slices.Contains(registries, name):
		return Registry
	case dir == "." && name == recordFile:
		return Record
	}
	return Content
}

// Policy is what one command writes.
type Policy struct {
	// Content is the content directory; "" when the command has none.
	Content string
	// Create lists the kinds of file the command may create, and
	// Replace those it may write over.
	Create, Replace []Kind
	// Ours, when set, tells whether an existing file outside the
	// content (its first bytes) is the command's own kind of file,
	// which it may replace: an XLIFF file for an export.
	Ours func(head []byte) bool
	// What names what the command writes, for messages: "the XLIFF file".
	What string
	// Rename says, for a kind of file, how to write to another name
	// instead of over one that exists ("pass -id ID to import it as
	// another plan"); the default is to name a new file.
	Rename map[Kind]string
	// ForceFlag is the flag that lifts the refusals ("-force"), and
	// Force says it was given. Without a flag nothing lifts them.
	ForceFlag string
	Force     bool
}

// File is one file to write: Path as the command names it (a path of
// the system), and its bytes.
type File struct {
	Path string
	Data []byte
}

// RefusedError says why a file may not be written and what to do
// instead. Nothing was written.
type RefusedError struct {
	Path string
	Why  string
	Fix  string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write %q: %s (%s)", e.Path, e.Why, e.Fix)
}

// target is a file to write, once checked.
type target struct {
	File
	dir, name string // the directory it goes in, and its name there
	perm      fs.FileMode
}

// Write writes files under the rule of p: every file is checked before
// any is written, and a refusal is a *RefusedError. The files are
// written beside their old versions and renamed over them once all are.
func Write(p Policy, files ...File) error {
	targets := make([]target, len(files))
	for i, f := range files {
		t, err := check(p, f)
		if err != nil {
			return err
		}
		targets[i] = t
	}
	temps := make([]string, len(targets))
	defer func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	for i, t := range targets {
		if err := os.MkdirAll(t.dir, 0o755); err != nil {
			return err
		}
		tmp, err := writeTemp(t)
		if err != nil {
			return fmt.Errorf("writing %s: %w", t.Path, err)
		}
		temps[i] = tmp
	}
	for i, t := range targets {
		if err := os.Rename(temps[i], filepath.Join(t.dir, t.name)); err != nil {
			return fmt.Errorf("replacing %s: %w", t.Path, err)
		}
		temps[i] = "" // renamed: nothing left to remove
	}
	return nil
}

// Check checks files under the rule of p without writing anything, so
// that a command can refuse before it starts its work.
func Check(p Policy, files ...File) error {
	for _, f := range files {
		if _, err := check(p, f); err != nil {
			return err
		}
	}
	return nil
}

// check applies the rule to one file.
func check(p Policy, f File) (target, error) {
	t := target{File: f, perm: 0o644}
	// refuse refuses f, saying what the force flag, if any, would do
	refuse := func(why, fix, forced string) (target, error) {
		if p.ForceFlag != "" {
			fix += fmt.Sprintf(", or pass %s to %s", p.ForceFlag, forced)
		}
		return t, &RefusedError{Path: f.Path, Why: why, Fix: fix}
	}
	if strings.TrimSpace(f.Path) == "" {
		return t, &RefusedError{Path: f.Path, Why: "the name is empty", Fix: "name a file"}
	}
	clean := filepath.Clean(f.Path)
	t.dir, t.name = filepath.Dir(clean), filepath.Base(clean)
	if t.name == "." || t.name == ".." || t.name == string(filepath.Separator) {
		return t, &RefusedError{Path: f.Path, Why: "it is not the name of a file", Fix: "name a file"}
	}
	kind, link, err := place(p.Content, clean)
	if err != nil {
		return t, err
	}
	info, err := os.Lstat(clean)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return t, err
	case exists && info.IsDir():
		return t, &RefusedError{Path: f.Path, Why: "it is a directory", Fix: "name a file"}
	case p.Force:
		// the refusals are lifted; a link is replaced, never followed
	case link != "":
		return refuse(fmt.Sprintf("%q inside the content directory is a symbolic link", link),
			"replace the link with the directory it points to", "write through it all the same")
	case exists && info.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link, which would write, or seem to write, somewhere else",
			"name the file it points to, or another", "replace the link itself")
	case exists && !info.Mode().IsRegular():
		return refuse("it is not a regular file", "name another file", "replace it")
	case kind != Outside && !slices.Contains(p.Create, kind) && !slices.Contains(p.Replace, kind):
		return refuse(fmt.Sprintf("it is %s, inside the content directory %q", kind, p.Content),
			fmt.Sprintf("write %s outside the content directory", p.what()), "write it there all the same")
	case exists && !slices.Contains(p.Replace, kind):
		return refuse(fmt.Sprintf("%s already exists there", kind), p.rename(kind), "overwrite it")
	case !exists && !slices.Contains(p.Create, kind):
		return refuse(fmt.Sprintf("it would be a new file, %s", kind), "name a file that exists", "create it all the same")
	}
	if exists && info.Mode().IsRegular() {
		t.perm = info.Mode().Perm()
		if kind == Outside && !p.Force && p.Ours != nil && !ours(p, clean) {
			return refuse(fmt.Sprintf("it exists and is not %s", p.what()), p.rename(Outside), "overwrite it")
		}
	}
	// a directory of the content (plans/, sources/) is made when
	// missing; one elsewhere is the command line's to name
	if _, err := os.Stat(t.dir); err != nil && (kind == Outside || !errors.Is(err, fs.ErrNotExist)) {
		return t, fmt.Errorf("writing %s: the directory %q: %w", f.Path, t.dir, errors.Unwrap(err))
	}
	return t, nil
}

func (p Policy) rename(k Kind) string {
	if r, ok := p.Rename[k]; ok {
		return r
	}
	return "name a new file, or remove this one first if it is to go"
}

func (p Policy) what() string {
	if p.What == "" {
		return "the file"
	}
	return p.What
}

// ours reads the head of the existing file at path for p.Ours.
func ours(p Policy, path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := f.Read(head)
	return n == 0 || p.Ours(head[:n])
}

// place says what the file at path is for content, the content
// directory, and names the first symbolic link among the directories
// below the content directory on its way, if any. A path that reaches
// the content through a link from outside it is what it lands on.
func place(content, path string) (Kind, string, error) {
	if content == "" {
		return Outside, "", nil
	}
	absContent, err1 := filepath.Abs(content)
	absDir, err2 := filepath.Abs(filepath.Dir(path))
	if under, err := filepath.Rel(absContent, absDir); err1 == nil && err2 == nil && err == nil && under != "." && filepath.IsLocal(under) {
		p := absContent
		for _, part := range strings.Split(under, string(filepath.Separator)) {
			p = filepath.Join(p, part)
			if st, err := os.Lstat(p); err == nil && st.Mode()&fs.ModeSymlink != 0 {
				return classify(filepath.Join(under, filepath.Base(path))), p, nil
			}
		}
	}
	root, err := output.RealPath(content)
	if err != nil {
		return 0, "", err
	}
	dir, err := output.RealPath(filepath.Dir(path))
	if err != nil {
		return 0, "", err
	}
	rel, err := filepath.Rel(root, filepath.Join(dir, filepath.Base(path)))
	if err != nil || !filepath.IsLocal(rel) {
		return Outside, "", nil
	}
	return classify(rel), "", nil
}

// writeTemp writes t's bytes to a new file beside it and returns its
// name. O_EXCL never follows a link nor opens a file someone else made.
func writeTemp(t target) (string, error) {
	var suffix [6]byte
	rand.Read(suffix[:])
	name := filepath.Join(t.dir, "."+t.name+".tmp-"+hex.EncodeToString(suffix[:]))
	w, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, t.perm)
	if err != nil {
		return "", err
	}
	_, err = w.Write(t.Data)
	if err == nil {
		err = w.Chmod(t.perm) // the umask may have taken bits away
	}
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
