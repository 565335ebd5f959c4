// Package sitetest gives tests the fixture sites under testdata/sites as
// in-memory file systems that a test can change file by file, the
// built-in theme, the link checker of built sites, and the one rule for
// tests that need programs from outside Go (skipped outside CI, failed
// in CI).
package sitetest

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen"
	"sitegen/internal/theme"
)

// Root is the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture reads testdata/sites/NAME into memory.
func Fixture(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	return readTree(t, filepath.Join(Root(), "testdata", "sites", name))
}

// Content reads the project's real content/ into memory, so that a test
// can change one file of the real site.
func Content(t testing.TB) fstest.MapFS {
	t.Helper()
	return readTree(t, filepath.Join(Root(), "content"))
}

// readTree reads every file below dir into memory.
func readTree(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Replace returns a copy of m where file has old replaced by new. It
// fails the test when old does not occur, so that a fixture change
// cannot silently turn a test into a no-op.
func Replace(t testing.TB, m fstest.MapFS, file, old, new string) fstest.MapFS {
	t.Helper()
	f, ok := m[file]
	if !ok {
		t.Fatalf("fixture has no file %q", file)
	}
	if !strings.Contains(string(f.Data), old) {
		t.Fatalf("fixture file %q does not contain %q", file, old)
	}
	out := fstest.MapFS{}
	for k, v := range m {
		out[k] = v
	}
	out[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
	return out
}

// With returns a copy of m with file set to data, or removed when data
// is nil.
func With(m fstest.MapFS, file string, data []byte) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		out[k] = v
	}
	if data == nil {
		delete(out, file)
	} else {
		out[file] = &fstest.MapFile{Data: data}
	}
	return out
}

var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// Links returns the values of every href and src attribute in an HTML page.
func Links(page []byte) []string {
	var out []string
	for _, m := range linkAttr.FindAllSubmatch(page, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}

// Theme parses the built-in theme.
func Theme(t testing.TB) *theme.Theme {
	t.Helper()
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	return th
}
