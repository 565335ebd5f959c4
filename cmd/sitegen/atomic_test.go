package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitegen/internal/output"
	"sitegen/internal/sitetest"
)

// treeHash hashes every file name and content under dir, so that two
// trees compare byte for byte; of the marker file, only the words before
// its list of files, which gives each file's inode change time and so
// differs from build to build (internal/output tests the list).
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if rel == output.MarkerFile {
			b, _, _ = bytes.Cut(b, []byte("\nfiles:\n"))
		}
		names = append(names, rel)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n + "\x00"))
		h.Write(files[n])
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sitegen")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestReproducible builds the real site twice and requires identical
// trees: no map order, no clock, in any file.
func TestReproducible(t *testing.T) {
	content := filepath.Join(sitetest.Root(), "content")
	dir := t.TempDir()
	var hashes []string
	for _, out := range []string{"a", "b"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-content", content, "-out", filepath.Join(dir, out), "-baseurl", "https://portal.example.gov.vn/asean/"}, &stdout, &stderr); code != 0 {
			t.Fatalf("build failed: %s", stderr.String())
		}
		hashes = append(hashes, treeHash(t, filepath.Join(dir, out)))
	}
	if hashes[0] != hashes[1] {
		t.Error("two builds of the same content differ")
	}
}

// TestRecycledBuildEqualsClean: a build written over the site an earlier
// build set aside (see package output) equals a clean build, files and
// directories, whether the site it writes over differs in every file
// (another base address) or in none.
func TestRecycledBuildEqualsClean(t *testing.T) {
	content := filepath.Join(sitetest.Root(), "content")
	dir := t.TempDir()
	build := func(out, base string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-content", content, "-out", out, "-baseurl", base}, &stdout, &stderr); code != 0 {
			t.Fatalf("build failed: %s", stderr.String())
		}
	}
	const a, b = "https://portal.example.gov.vn/asean/", "https://other.example.gov.vn/"
	clean := filepath.Join(dir, "clean")
	build(clean, a)
	want, wantDirs := treeHash(t, clean), dirList(t, clean)
	out := filepath.Join(dir, "public")
	// the third build writes a's site over b's, the fourth over a's;
	// each finds files and directories no build of this content writes
	for i, base := range []string{b, a, a, a} {
		build(out, base)
		if i >= 2 {
			if treeHash(t, out) != want {
				t.Errorf("build %d, over the site set aside, differs from a clean build", i+1)
			}
			if got := dirList(t, out); !slices.Equal(got, wantDirs) {
				t.Errorf("build %d has %d directories, a clean build %d", i+1, len(got), len(wantDirs))
			}
		}
		if i >= 1 {
			addStale(t, out)
		}
	}
}

// addStale puts files and directories no build writes into the site set
// aside beside out, as an older version of the content would have left.
func addStale(t *testing.T, out string) {
	t.Helper()
	aside, err := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.old-*"))
	if err != nil || len(aside) != 1 {
		t.Fatalf("beside the output: %v (%v), want one site set aside", aside, err)
	}
	for _, p := range []string{"vi/plans/withdrawn/item/index.html", "en/stale.html"} {
		p = filepath.Join(aside[0], filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("stale"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dirList lists the directories under dir.
func dirList(t *testing.T, dir string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			dirs = append(dirs, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestKilledBuildKeepsSite kills builds with SIGKILL at moments spread
// over a build's length. Each time, public/ must be exactly the previous
// site or exactly the new one, never a mix; the next build must succeed
// and remove what the killed ones left.
func TestKilledBuildKeepsSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real site several times")
	}
	bin := buildBinary(t)
	content := filepath.Join(sitetest.Root(), "content")
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build := func(base string) *exec.Cmd {
		return exec.Command(bin, "build", "-content", content, "-out", out, "-baseurl", base)
	}
	if err := build("https://old.example/").Run(); err != nil {
		t.Fatal(err)
	}
	old := treeHash(t, out)
	if err := build("https://new.example/").Run(); err != nil {
		t.Fatal(err)
	}
	newHash := treeHash(t, out)
	if err := build("https://old.example/").Run(); err != nil { // back to the old site
		t.Fatal(err)
	}
	// timed as the killed builds run: over a site set aside, which the
	// second build above left (the first over a site takes longer)
	start := time.Now()
	if err := build("https://new.example/").Run(); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	if err := build("https://old.example/").Run(); err != nil {
		t.Fatal(err)
	}
	// Kills are spread over a build's length; on a machine busier than
	// when full was timed, builds finish later, and on a quieter one
	// sooner, so the spread shrinks until kills land mid-build.
	midway, kills := 0, 0
	for round := 0; round < 4 && midway == 0; round++ {
		for i := 1; i <= 8; i++ {
			at := full * time.Duration(i) / 9 >> round
			kills++
			cmd := build("https://new.example/")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(at)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			switch h := treeHash(t, out); h {
			case old:
				midway++
			case newHash:
				// the build finished before the signal: put the old site back
				if err := build("https://old.example/").Run(); err != nil {
					t.Fatal(err)
				}
			default:
				t.Fatalf("after a kill at %v, public/ is neither the old nor the new site", at)
			}
		}
	}
	if midway == 0 {
		t.Error("no kill landed while a build was running; the test proved nothing")
	}
	if err := build("https://new.example/").Run(); err != nil {
		t.Fatal(err)
	}
	if treeHash(t, out) != newHash {
		t.Error("a build after killed ones differs from a clean build")
	}
	// What killed builds left is gone; only the site the last build
	// replaced is left, set aside under its marked name for the next
	// build to remove. The lock file stays: removing it while another
	// build waits on it would let a third build in.
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.lock" {
			names = append(names, e.Name())
		}
	}
	if len(names) > 1 || len(names) == 1 && !strings.HasPrefix(names[0], ".public.old-") {
		t.Errorf("left beside public/: %v, want at most the previous site set aside as .public.old-*", names)
	}
	t.Logf("%d of %d kills landed mid-build (a build takes %v)", midway, kills, full.Round(time.Millisecond))
}
