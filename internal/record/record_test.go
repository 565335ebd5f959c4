package record

import "testing"

// TestUpdateKeepsEverything: new addresses go after the last line,
// sorted; comments, order and old addresses stay; a second update with
// the same addresses adds nothing.
func TestUpdateKeepsEverything(t *testing.T) {
	old := "# the record\nvi/b/\n# an editor's note\nvi/a/\n"
	data, n := Update([]byte(old), []string{"vi/a/", "vi/d/", "vi/c/"})
	if want := old + "vi/c/\nvi/d/\n"; n != 2 || string(data) != want {
		t.Errorf("Update = %d, file:\n%s\nwant 2, file:\n%s", n, data, want)
	}
	if again, n := Update(data, []string{"vi/c/", "vi/d/"}); n != 0 || again != nil {
		t.Errorf("Update with nothing new = %d, %q; want 0 and nothing to write", n, again)
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
	got, n := Update(nil, []string{"vi/"})
	if n != 1 || string(got) != header+"vi/\n" {
		t.Errorf("new record:\n%s", got)
	}
}
