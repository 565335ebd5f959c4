package output

import (
	"os"
	"path/filepath"
	"testing"
)

// write replaces out with files, as a build does.
func write(out string, files []File) error {
	d, err := Begin(out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := d.Write(f); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}

func TestWriteReplacesWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := write(dir, []File{{Path: "a/index.html", Data: []byte("one")}, {Path: "old.html", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if err := write(dir, []File{{Path: "a/index.html", Data: []byte("two")}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a/index.html")); string(b) != "two" {
		t.Errorf("a/index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.html")); err == nil {
		t.Error("a file of the previous build survived")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestWriteFailureKeepsPrevious(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := write(dir, []File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// a file and a directory of the same name cannot both be written
	err := write(dir, []File{{Path: "x", Data: []byte("a")}, {Path: "x/y", Data: []byte("b")}})
	if err == nil {
		t.Fatal("conflicting files were written")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "old" {
		t.Errorf("previous site changed: %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestWriteRefusesEscapingPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := write(dir, []File{{Path: "../evil", Data: nil}}); err == nil {
		t.Error("a path outside the output was written")
	}
}
