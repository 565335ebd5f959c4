package record

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUpdateKeepsEverything: new addresses go after the last line,
// sorted; comments, order and old addresses stay; a second update with
// the same addresses adds nothing.
func TestUpdateKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	old := "# the record\nvi/b/\n# an editor's note\nvi/a/\n"
	if err := os.WriteFile(filepath.Join(dir, File), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, tc := range []struct {
		add  []string
		n    int
		want string
	}{
		{[]string{"vi/a/", "vi/d/", "vi/c/"}, 2, old + "vi/c/\nvi/d/\n"},
		{[]string{"vi/c/", "vi/d/"}, 0, old + "vi/c/\nvi/d/\n"},
	} {
		n, err := Update(root, tc.add)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(dir, File))
		if n != tc.n || string(got) != tc.want {
			t.Errorf("Update(%v) = %d, file:\n%s\nwant %d, file:\n%s", tc.add, n, got, tc.n, tc.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files, want only the record (no temporary file left)", len(entries))
	}
}

// TestParseEntries gives every address with its line, skipping comments
// and blank lines.
func TestParseEntries(t *testing.T) {
	r := Parse([]byte("# c\r\n\r\nvi/a/\r\n  en/a/  \n"))
	got := r.Entries()
	want := []Entry{{3, "vi/a/"}, {4, "en/a/"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Entries() = %v, want %v", got, want)
	}
}

// TestNewRecord starts a missing record with its header.
func TestNewRecord(t *testing.T) {
	root, err := os.OpenRoot(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if n, err := Update(root, []string{"vi/"}); err != nil || n != 1 {
		t.Fatalf("Update = %d, %v", n, err)
	}
	got, _ := root.ReadFile(File)
	if string(got) != header+"vi/\n" {
		t.Errorf("new record:\n%s", got)
	}
}
