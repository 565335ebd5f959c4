package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestInventoryReadsBack holds parseInventory to appendInventory, for
// names no line could hold unquoted, and requires any cut-short text,
// and a marker from before inventories, to give none.
func TestInventoryReadsBack(t *testing.T) {
	inv := inventory{
		"index.html":                {size: 9, sum: 0xfedcba9876543210, stamp: 1796619603027264325},
		"vi/kế hoạch/index.html":    {size: 0, sum: 0, stamp: 0},
		"a name\nwith a line break": {size: 1 << 40, sum: 1, stamp: -1},
		`end 3`:                     {size: 3, sum: 2, stamp: 3},
		"files:":                    {size: 4, sum: 5, stamp: 6},
		`"quoted" \ back`:           {size: 7, sum: 8, stamp: 9},
	}
	text := appendInventory(nil, inv)
	got, ok := parseInventory(text)
	if !ok || !maps.Equal(got, inv) {
		t.Fatalf("read back %v (%v), want %v", got, ok, inv)
	}
	for n := range len(text) {
		if got, ok := parseInventory(text[:n]); ok {
			t.Fatalf("the first %d of %d bytes read as a whole inventory: %v", n, len(text), got)
		}
	}
	for _, text := range []string{marker, "", marker + inventoryHead + "end 1\n", marker + inventoryHead + "x 1 2 \"a\"\nend 1\n", marker + inventoryHead + "end 0\nmore\n"} {
		if got, ok := parseInventory([]byte(text)); ok {
			t.Errorf("%q read as an inventory: %v", text, got)
		}
	}
	if got, ok := parseInventory(appendInventory(nil, inventory{})); !ok || len(got) != 0 {
		t.Errorf("an empty inventory read back as %v (%v)", got, ok)
	}
}

// FuzzInventory requires parseInventory to take any text without
// failing, and whatever it reads to read back the same once written.
func FuzzInventory(f *testing.F) {
	f.Add(appendInventory(nil, inventory{"a/index.html": {size: 3, sum: 4, stamp: 5}}))
	f.Add([]byte(marker))
	f.Fuzz(func(t *testing.T, text []byte) {
		inv, ok := parseInventory(text)
		if !ok {
			return
		}
		again, ok := parseInventory(appendInventory(nil, inv))
		if !ok || !maps.Equal(again, inv) {
			t.Fatalf("%q read as %v, which read back as %v (%v)", text, inv, again, ok)
		}
	})
}

// TestRecycledSiteChecksEachFile writes a site over one whose files
// hold the same bytes, after hands have been at the site set aside: a
// file its inventory lists, and nobody changed, is left as it is (its
// time too), and every other file is made to hold what this build
// wrote, with the mode a clean build gives it (a page made private with
// chmod 600, or executable, is 644 again; so is a directory closed to
// others, and the marker); what hands added is removed. Without an
// inventory, no file is taken to hold anything.
func TestRecycledSiteChecksEachFile(t *testing.T) {
	if !canRecycle {
		t.Skip("sites are not written over on " + runtime.GOOS)
	}
	files := []File{
		{Path: "kept/index.html", Data: []byte("kept as it was")},
		{Path: "edited/index.html", Data: []byte("as built")},
		{Path: "deleted/index.html", Data: []byte("deleted by hand")},
		{Path: "gone/index.html", Data: []byte("its directory deleted by hand")},
		{Path: "retimed/index.html", Data: []byte("its time set back by hand")},
		{Path: "edited-in-place/index.html", Data: []byte("edited in the site in place")},
		{Path: "private/index.html", Data: []byte("made private by hand")},
		{Path: "run/index.html", Data: []byte("made executable by hand")},
		{Path: "closed/index.html", Data: []byte("its directory closed by hand")},
	}
	clean := filepath.Join(t.TempDir(), "clean")
	if err := write(clean, files); err != nil {
		t.Fatal(err)
	}
	for _, withInventory := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "public")
		old := writeTwice(t, dir, files, files)
		at := func(p string) string { return filepath.Join(old, filepath.FromSlash(p)) }
		long := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
		for _, p := range []string{"kept/index.html", "edited/index.html", "edited-in-place/index.html"} {
			if err := os.Chtimes(at(p), long, long); err != nil {
				t.Fatal(err)
			}
		}
		// set back after Chtimes: the stamps listed are these, as if
		// the build had written the files that long ago
		inv, ok := parseInventory(must(os.ReadFile(at(MarkerFile))))
		if !ok {
			t.Fatal("the site set aside has no inventory")
		}
		for _, p := range []string{"kept/index.html", "edited/index.html", "edited-in-place/index.html"} {
			e := inv[filepath.FromSlash(p)]
			e.stamp = stamp(t, at(p))
			inv[filepath.FromSlash(p)] = e
		}
		text := appendInventory(nil, inv)
		if !withInventory {
			text = []byte(marker)
		}
		if err := os.WriteFile(at(MarkerFile), text, 0o644); err != nil {
			t.Fatal(err)
		}
		kept := must(os.Stat(at("kept/index.html")))
		// what hands did: each keeps the size, so that only the stamp
		// can tell
		if err := os.WriteFile(at("edited/index.html"), []byte("AS BUILT"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(at("edited/index.html"), long, long); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"deleted/index.html", "gone"} {
			if err := os.RemoveAll(at(p)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chtimes(at("retimed/index.html"), long, long); err != nil {
			t.Fatal(err)
		}
		// in the site in place, which a cache may hold under its time
		if err := os.WriteFile(filepath.Join(dir, "edited-in-place/index.html"), []byte("EDITED in the site in place"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(at("added.html"), []byte("added by hand"), 0o644); err != nil {
			t.Fatal(err)
		}
		for p, mode := range map[string]os.FileMode{"private/index.html": 0o600, "run/index.html": 0o755, "closed": 0o700, MarkerFile: 0o600, ".": 0o700} {
			if err := os.Chmod(at(p), mode); err != nil {
				t.Fatal(err)
			}
		}

		if err := write(dir, files); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if b, err := os.ReadFile(filepath.Join(dir, f.Path)); string(b) != string(f.Data) {
				t.Errorf("inventory %v: %s holds %q (%v), want %q", withInventory, f.Path, b, err, f.Data)
			}
		}
		if _, err := os.Lstat(filepath.Join(dir, "added.html")); err == nil {
			t.Errorf("inventory %v: a file added by hand to the site set aside is still there", withInventory)
		}
		if got, want := modesOf(t, dir), modesOf(t, clean); got != want {
			t.Errorf("inventory %v: modes after the rebuild:\n%s\nwant those of a clean build:\n%s", withInventory, got, want)
		}
		want := must(os.Stat(filepath.Join(clean, "private/index.html"))).Mode().Perm() // 0644 under umask 022
		if info := must(os.Stat(filepath.Join(dir, "private/index.html"))); info.Mode().Perm() != want {
			t.Errorf("inventory %v: the page made private by hand has mode %v, want %v", withInventory, info.Mode().Perm(), want)
		}
		info := must(os.Stat(filepath.Join(dir, "kept/index.html")))
		if !os.SameFile(info, kept) {
			t.Errorf("inventory %v: the unchanged file was replaced", withInventory)
		}
		// unchanged in the site it replaces too, so no cache can hold
		// other bytes under a later time
		if withInventory && !info.ModTime().Equal(long) {
			t.Errorf("the file unchanged in both sites was modified %v, want it left as it was, modified %v", info.ModTime(), long)
		}
		if !withInventory && !info.ModTime().After(long) {
			t.Errorf("without an inventory, the unchanged file was left at %v, want it written again", info.ModTime())
		}
		// the file set aside holds the bytes, but the site replaced had
		// others, edited by hand
		if info := must(os.Stat(filepath.Join(dir, "edited-in-place/index.html"))); !info.ModTime().After(long) {
			t.Errorf("inventory %v: a file whose bytes the replaced site had changed by hand was left at %v, want this build's time", withInventory, info.ModTime())
		}
		after, ok := parseInventory(must(os.ReadFile(filepath.Join(dir, MarkerFile))))
		if !ok || len(after) != len(files) {
			t.Fatalf("inventory %v: the new site's inventory holds %d files (%v), want %d", withInventory, len(after), ok, len(files))
		}
		for _, f := range files {
			e := after[filepath.FromSlash(f.Path)]
			if !e.holds(f.Data, checksum(f.Data)) || e.stamp != stamp(t, filepath.Join(dir, f.Path)) {
				t.Errorf("inventory %v: %s is listed as %+v, not as the file it is", withInventory, f.Path, e)
			}
		}
	}
}

// modesOf lists the mode of everything in the site at dir.
func modesOf(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v\n", rel, info.Mode())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestInventoryBounded: a marker listing more files than a site may
// hold was not written by a build. As the output, it is refused with a
// message, reading no more of it than the bound; as the site a build
// set aside, it is removed instead of written over; and no parse reads
// an inventory past the bound.
func TestInventoryBounded(t *testing.T) {
	// 3,000,000 lines, each as short as a line can be
	hostile := marker + inventoryHead + strings.Repeat("\n", 3_000_000) + "end 3000000\n"
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, MarkerFile), []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err := Check(out, Options{})
	var refused *RefusedError
	want := fmt.Sprintf("its .sitegen-output lists more than %d files, the most a site holds, so no build wrote it (delete the directory, or pass another -out)", MaxFiles)
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), want) {
		t.Errorf("Check = %v, want %s", err, want)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing took %v", took)
	}

	// set aside by an earlier build: not recycled, and removed
	aside := filepath.Join(filepath.Dir(out), ".public.old-1")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	d, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.recycled {
		t.Error("a site listing too many files was written over")
	}
	if err := d.Write(File{Path: "index.html", Data: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(aside); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the set-aside site is still there: %v", err)
	}

	// a list one past the bound, of well-formed lines, does not parse
	var b strings.Builder
	b.WriteString(marker + inventoryHead)
	for i := range MaxFiles + 1 {
		fmt.Fprintf(&b, "1 0 0 \"f%d\"\n", i)
	}
	fmt.Fprintf(&b, "end %d\n", MaxFiles+1)
	if inv, ok := parseInventory([]byte(b.String())); ok || inv != nil {
		t.Errorf("an inventory of %d files parsed", MaxFiles+1)
	}
}
