package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// write replaces out with files, as a build does.
func write(out string, files []File) error {
	d, err := Begin(out, Options{})
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

// beside lists what is in out's parent directory, out and its lock
// left out.
func beside(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); n != filepath.Base(out) && n != "."+filepath.Base(out)+lockSuffix {
			names = append(names, n)
		}
	}
	return names
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
	if _, err := os.Stat(filepath.Join(dir, MarkerFile)); err != nil {
		t.Errorf("the site has no marker: %v", err)
	}
	aside := beside(t, dir)
	if len(aside) != 1 || !strings.HasPrefix(aside[0], ".public"+oldPrefix) {
		t.Fatalf("beside the output after a rebuild: %v, want the previous site set aside", aside)
	}
	if b, _ := os.ReadFile(filepath.Join(filepath.Dir(dir), aside[0], "old.html")); string(b) != "x" {
		t.Errorf("the directory set aside holds %q, not the previous site", b)
	}
	// the next build removes it, and sets its own previous site aside
	if err := write(dir, []File{{Path: "a/index.html", Data: []byte("three")}}); err != nil {
		t.Fatal(err)
	}
	if again := beside(t, dir); len(again) != 1 || again[0] == aside[0] {
		t.Errorf("beside the output after another rebuild: %v, want one directory, not %q", again, aside[0])
	}
}

// setAside reports whether names, what is beside an output, is at most
// the previous site set aside under its marked name.
func setAside(names []string) bool {
	return len(names) == 0 || len(names) == 1 && strings.HasPrefix(names[0], ".public"+oldPrefix)
}

// TestLeftoversRemoved: a half-written directory of a killed build and a
// previous site set aside are both gone once the next build returns.
func TestLeftoversRemoved(t *testing.T) {
	for _, name := range []string{".public" + tmpPrefix + "123", ".public" + oldPrefix + "456"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			left := filepath.Join(filepath.Dir(dir), name, "a", "b")
			if err := os.MkdirAll(left, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(left, "index.html"), []byte("stale"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := write(dir, []File{{Path: "index.html", Data: []byte("new")}}); err != nil {
				t.Fatal(err)
			}
			if aside := beside(t, dir); len(aside) != 0 {
				t.Errorf("left beside the output: %v", aside)
			}
		})
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
	if left := beside(t, dir); len(left) != 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

func TestWriteRefusesEscapingPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := write(dir, []File{{Path: "../evil", Data: nil}}); err == nil {
		t.Error("a path outside the output was written")
	}
}

// TestRefusedOutputs: an output is only ever a previous build or
// nothing. Each refusal names why and what to pass, and leaves the
// place exactly as it was.
func TestRefusedOutputs(t *testing.T) {
	root := t.TempDir()
	mk := func(p string, files ...string) string {
		p = filepath.Join(root, p)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(p, f), []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	content := mk("content", "site.yaml")
	theme := mk("theme/templates", "page.html")
	theme = filepath.Dir(theme)
	docs := mk("docs", "notes.md")
	site := mk("site", MarkerFile, "index.html")
	empty := mk("empty")
	notes := filepath.Join(root, "notes.txt")
	if err := os.WriteFile(notes, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Fatal(err)
	}
	opts := Options{Content: content, Theme: theme}
	for _, tc := range []struct {
		out, want string
	}{
		{"", `refusing to write the site into "": the name is empty (pass -out DIR, such as -out public)`},
		{"  ", `the name is empty`},
		{content, `: it is the content directory (pass a directory for the site alone, outside "` + content + `", such as -out public)`},
		{content + "/../content/", `: it is the content directory`},
		{filepath.Join(content, "public"), `: it is inside the content directory "` + content + `"`},
		{root, `: it holds the content directory "` + content + `"`},
		{theme, `: it is the theme directory`},
		{notes, `: it is a file, not a directory (pass a directory for the site alone, such as -out public)`},
		{docs, `: it holds files no build wrote (a site has a .sitegen-output file) (pass a new or empty directory; if it holds an old site, delete it first)`},
		{link, `: it is a symbolic link`},
		{filepath.Join(root, "."), `holds the content directory`},
		{"..", `it is not the name of a directory of its own`},
	} {
		err := Check(tc.out, opts)
		var refused *RefusedError
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Check(%q) = %v, want %s", tc.out, err, tc.want)
		}
		if _, err := Begin(tc.out, opts); !errors.As(err, &refused) {
			t.Errorf("Begin(%q) = %v, want a refusal", tc.out, err)
		}
	}
	for _, ok := range []string{site, empty, filepath.Join(root, "new"), filepath.Join(theme, "public")} {
		if err := Check(ok, opts); err != nil {
			t.Errorf("Check(%q) = %v", ok, err)
		}
	}
	// nothing was touched
	for _, f := range []string{filepath.Join(content, "site.yaml"), filepath.Join(docs, "notes.md"), notes, filepath.Join(site, "index.html")} {
		if b, err := os.ReadFile(f); err != nil || string(b) != "keep me" {
			t.Errorf("%s changed: %q %v", f, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "new")); err == nil {
		t.Error("Check created the output")
	}
}

// TestLockIsNeverFollowed: a lock path that is a symbolic link, to a
// file that does not exist or to one that does, or that is not a plain
// file, is refused before anything is written, and nothing is created
// or changed where a link points.
func TestLockIsNeverFollowed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, lock, elsewhere string)
		want  string
	}{
		{"dangling link", func(t *testing.T, lock, elsewhere string) {
			mustSymlink(t, filepath.Join(elsewhere, "created"), lock)
		}, `its lock "LOCK" is a symbolic link, which a build would follow (remove the link; a build makes the lock itself)`},
		{"link to a file", func(t *testing.T, lock, elsewhere string) {
			mustSymlink(t, filepath.Join(elsewhere, "precious"), lock)
		}, `its lock "LOCK" is a symbolic link`},
		{"link to a directory", func(t *testing.T, lock, elsewhere string) {
			mustSymlink(t, elsewhere, lock)
		}, `its lock "LOCK" is a symbolic link`},
		{"a directory", func(t *testing.T, lock, elsewhere string) {
			if err := os.Mkdir(lock, 0o755); err != nil {
				t.Fatal(err)
			}
		}, `its lock "LOCK" is not a plain file (remove it; a build makes the lock itself)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			elsewhere := filepath.Join(dir, "elsewhere")
			if err := os.Mkdir(elsewhere, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(elsewhere, "precious"), []byte("keep me"), 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			lock := filepath.Join(dir, ".public.lock")
			tc.setup(t, lock, elsewhere)
			want := strings.ReplaceAll(tc.want, "LOCK", lock)
			var refused *RefusedError
			if err := Check(out, Options{}); !errors.As(err, &refused) || !strings.Contains(err.Error(), want) {
				t.Errorf("Check = %v, want %s", err, want)
			}
			if _, err := Begin(out, Options{}); !errors.As(err, &refused) || !strings.Contains(err.Error(), want) {
				t.Errorf("Begin = %v, want %s", err, want)
			}
			// a link put in place after the check is not followed either
			if _, err := openLock(out, lock); !errors.As(err, &refused) {
				t.Errorf("openLock = %v, want a refusal", err)
			}
			entries, _ := os.ReadDir(elsewhere)
			if len(entries) != 1 {
				t.Errorf("the link's directory holds %d files, want 1: %v", len(entries), entries)
			}
			if b, err := os.ReadFile(filepath.Join(elsewhere, "precious")); err != nil || string(b) != "keep me" {
				t.Errorf("the file a link points to changed: %q %v", b, err)
			}
			if _, err := os.Lstat(out); err == nil {
				t.Error("the output was created")
			}
		})
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// TestSecondBuildWaits: while one build holds the output, a second
// fails at once with NoWait, or waits (saying so) and then writes; it
// never removes the first one's work.
func TestSecondBuildWaits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write(File{Path: "index.html", Data: []byte("first")}); err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := Begin(out, Options{NoWait: true}); !errors.As(err, &busy) {
		t.Fatalf("a second build with NoWait: %v", err)
	} else if want := `another build is writing "` + out + `" now`; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
	waiting := make(chan bool, 1)
	second := make(chan error, 1)
	go func() {
		d, err := Begin(out, Options{Waiting: func() { waiting <- true }})
		if err == nil {
			err = d.Write(File{Path: "index.html", Data: []byte("second")})
			if err == nil {
				err = d.Commit()
			}
		}
		second <- err
	}()
	select {
	case <-waiting:
	case err := <-second:
		t.Fatalf("the second build did not wait: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the second build neither waited nor finished")
	}
	// the first build's directory is intact while the second waits
	if b, err := os.ReadFile(filepath.Join(first.tmp, "index.html")); err != nil || string(b) != "first" {
		t.Fatalf("the first build's work was touched: %q %v", b, err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "second" {
		t.Errorf("index.html = %q, want the second build's", b)
	}
	if left := beside(t, out); !setAside(left) {
		t.Errorf("left beside the output: %v, want at most the first site set aside", left)
	}
}

// TestConcurrentWrites runs pairs of builds into one output at once: each
// time the output is one complete site, never a mix.
func TestConcurrentWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	site := func(name string) []File {
		var files []File
		for i := range 200 {
			files = append(files, File{Path: filepath.Join("p", string(rune('a'+i%26)), name+string(rune('a'+i/26))+".html"), Data: []byte(name)})
		}
		return files
	}
	for round := range 10 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, name := range []string{"x", "y"} {
			wg.Go(func() { errs[i] = write(out, site(name)) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		var names []string
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() != MarkerFile {
				names = append(names, d.Name()[:1])
			}
			return err
		})
		slices.Sort(names)
		names = slices.Compact(names)
		if len(names) != 1 {
			t.Fatalf("round %d: the output mixes sites %v", round, names)
		}
	}
}

// TestCommitAfterExchange: once the new site is in place, Commit
// succeeds even if what earlier builds left cannot be removed; the next
// build removes it.
func TestCommitAfterExchange(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, []File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	if err := write(out, []File{{Path: "index.html", Data: []byte("mid")}}); err != nil {
		t.Fatal(err)
	}
	stuck := beside(t, out) // the first site, set aside
	saved := removeAll
	removeAll = func(string) error { return errors.New("device busy") }
	err := write(out, []File{{Path: "index.html", Data: []byte("new")}})
	removeAll = saved
	if err != nil {
		t.Fatalf("a swapped site is reported as failed: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
		t.Errorf("index.html = %q", b)
	}
	if err := write(out, []File{{Path: "index.html", Data: []byte("newer")}}); err != nil {
		t.Fatal(err)
	}
	left := beside(t, out)
	if !setAside(left) {
		t.Errorf("left beside the output: %v, want at most the previous site set aside", left)
	}
	for _, n := range stuck {
		if slices.Contains(left, n) {
			t.Errorf("the next build left %s, which a failed removal kept, beside the output", n)
		}
	}
}

// TestFailedRollback: where directories cannot be exchanged in one step
// and both renames back fail, the error says where each site is.
func TestFailedRollback(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, []File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	exchangeDirs = func(a, b string) error { return errors.New("not supported") }
	moves := 0
	rename = func(a, b string) error {
		if moves++; moves > 1 {
			return errors.New("disk full")
		}
		return os.Rename(a, b)
	}
	err := write(out, []File{{Path: "index.html", Data: []byte("new")}})
	exchangeDirs, rename = exchange, os.Rename
	var rollback *RollbackError
	if !errors.As(err, &rollback) {
		t.Fatalf("got %v, want a rollback error", err)
	}
	for _, want := range []string{`moving the new site into "` + out + `" failed (disk full), and so did moving the previous site back (disk full)`, ".public.old-", ".public.tmp-"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	for _, n := range beside(t, out) {
		p := filepath.Join(filepath.Dir(out), n)
		if _, err := os.Stat(filepath.Join(p, "index.html")); err != nil {
			t.Errorf("%s, named by the message, holds no site: %v", n, err)
		}
	}
}

// TestRecycledSite: a build writes over the site the build before the
// last one set aside. What it holds afterwards is this build's files and
// nothing else; a file that did not change is kept, with a new time; a file with
// another name elsewhere, a link, and a file or directory where the other
// is wanted are replaced, never written through.
func TestRecycledSite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	first := []File{
		{Path: "same/index.html", Data: []byte("unchanged")},
		{Path: "changed/index.html", Data: []byte("before, and longer")},
		{Path: "same-size/index.html", Data: []byte("abc")},
		{Path: "gone/deep/index.html", Data: []byte("stale")},
		{Path: "linked.html", Data: []byte("shared")},
		{Path: "link.html", Data: []byte("was a file")},
		{Path: "was-file", Data: []byte("a file")},
		{Path: "was-dir/index.html", Data: []byte("in a directory")},
	}
	old := writeTwice(t, dir, first, []File{{Path: "index.html", Data: []byte("second")}})
	// what others may have done to the site set aside since
	long := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
	if err := os.Chtimes(filepath.Join(old, "same/index.html"), long, long); err != nil {
		t.Fatal(err)
	}
	same, err := os.Stat(filepath.Join(old, "same/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	snapshot := filepath.Join(root, "snapshot.html")
	if err := os.Link(filepath.Join(old, "linked.html"), snapshot); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(root, "target.html")
	if err := os.WriteFile(target, []byte("not the site's"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(old, "link.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(old, "link.html")); err != nil {
		t.Fatal(err)
	}

	third := []File{
		{Path: "same/index.html", Data: []byte("unchanged")},
		{Path: "changed/index.html", Data: []byte("after")},
		{Path: "same-size/index.html", Data: []byte("xyz")},
		{Path: "linked.html", Data: []byte("rewritten")},
		{Path: "link.html", Data: []byte("a file again")},
		{Path: "was-file/index.html", Data: []byte("now a directory")},
		{Path: "was-dir", Data: []byte("now a file")},
		{Path: "new/index.html", Data: []byte("new")},
	}
	start := time.Now().Truncate(time.Second)
	if err := write(dir, third); err != nil {
		t.Fatal(err)
	}
	var got []string
	err = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{MarkerFile}
	for _, f := range third {
		want = append(want, f.Path)
		info, err := os.Lstat(filepath.Join(dir, f.Path))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s: %v, want a plain file", f.Path, err)
			continue
		}
		if b, _ := os.ReadFile(filepath.Join(dir, f.Path)); string(b) != string(f.Data) {
			t.Errorf("%s holds %q, want %q", f.Path, b, f.Data)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the site holds %v, want %v", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "gone")); err == nil {
		t.Error("a directory only the previous site had survived")
	}
	// the unchanged file is the one set aside, its time this build's: a
	// cache asking whether it changed since the page it replaces must
	// not be told no on the strength of an older time
	if info, err := os.Stat(filepath.Join(dir, "same/index.html")); err != nil {
		t.Error(err)
	} else if !os.SameFile(info, same) || info.ModTime().Before(start) {
		t.Errorf("the unchanged file: the same file %v, modified %v; want the same file, modified after %v", os.SameFile(info, same), info.ModTime(), start)
	}
	for path, want := range map[string]string{snapshot: "shared", target: "not the site's"} {
		if b, _ := os.ReadFile(path); string(b) != want {
			t.Errorf("%s, outside the site, now holds %q, want %q", path, b, want)
		}
	}
}

// writeTwice writes two sites into dir, one after the other, and returns
// where the first was set aside.
func writeTwice(t *testing.T, dir string, first, second []File) string {
	t.Helper()
	for _, files := range [][]File{first, second} {
		if err := write(dir, files); err != nil {
			t.Fatal(err)
		}
	}
	aside := beside(t, dir)
	if len(aside) != 1 {
		t.Fatalf("beside the output: %v, want the first site set aside", aside)
	}
	return filepath.Join(filepath.Dir(dir), aside[0])
}

// TestWriteFile holds writeFile to what os.WriteFile does: it creates a
// file with mode 0644, replaces a longer one whole, and names the path
// in its errors.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.html")
	for _, data := range []string{"a longer first version", "short", ""} {
		if _, err := writeFile(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != data {
			t.Errorf("wrote %q, read %q (%v)", data, got, err)
		}
	}
	if st, err := os.Stat(p); err != nil || st.Mode().Perm()&^0o022 != 0o644&^0o022 {
		t.Errorf("mode %v (%v), want 0644 less the umask", st.Mode(), err)
	}
	missing := filepath.Join(dir, "no", "b.html")
	_, err := writeFile(missing, []byte("x"))
	var pe *os.PathError
	if !errors.Is(err, os.ErrNotExist) || !errors.As(err, &pe) || pe.Path != missing {
		t.Errorf("writing into a missing directory: %v, want a path error for %q that is os.ErrNotExist", err, missing)
	}
}
