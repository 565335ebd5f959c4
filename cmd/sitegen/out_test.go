package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitegen/internal/sitetest"
)

// TestOutputRefused: -out may only name a previous build or a new or
// empty directory. Anything else exits with status 2, says why and what
// to pass, and leaves everything exactly as it was.
func TestOutputRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), "site"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"notes.txt", "docs/guide.md"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("keep me\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := treeHash(t, ".")
	for _, tc := range []struct {
		out, want string
	}{
		{"site", `sitegen: refusing to write the site into "site": it is the content directory (pass a directory for the site alone, outside "site", such as -out public)`},
		{"site/public", `sitegen: refusing to write the site into "site/public": it is inside the content directory "site" (pass a directory for the site alone, outside "site", such as -out public)`},
		{".", `sitegen: refusing to write the site into ".": it is not the name of a directory of its own (pass a directory for the site alone, such as -out public)`},
		{"notes.txt", `sitegen: refusing to write the site into "notes.txt": it is a file, not a directory (pass a directory for the site alone, such as -out public)`},
		{"docs", `sitegen: refusing to write the site into "docs": it holds files no build wrote (a site has a .sitegen-output file) (pass a new or empty directory; if it holds an old site, delete it first)`},
		{"", `sitegen: refusing to write the site into "": the name is empty (pass -out DIR, such as -out public)`},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "-content", "site", "-out", tc.out}, &stdout, &stderr)
		if code != 2 || strings.TrimSpace(stderr.String()) != tc.want {
			t.Errorf("-out %q: exit %d, stderr:\n%s\nwant exit 2 and:\n%s", tc.out, code, stderr.String(), tc.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("-out %q: stdout %q", tc.out, stdout.String())
		}
	}
	if treeHash(t, ".") != before {
		t.Error("a refused build changed the directory")
	}
	// a new directory, then the marked site it holds, are accepted
	for range 2 {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-content", "site", "-out", "public"}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	if _, err := os.Stat("public/.sitegen-output"); err != nil {
		t.Errorf("the site has no marker: %v", err)
	}
}

// TestConcurrentBuilds starts two builds of different sites into one
// output at once, ten times. Each time both succeed (the second waits)
// or, with -no-wait, one is refused; the output is always exactly one
// complete site, compared by hash with a clean build of it.
func TestConcurrentBuilds(t *testing.T) {
	bin := buildBinary(t)
	content := filepath.Join(sitetest.Root(), "testdata", "sites", "valid")
	dir, cleanDir := t.TempDir(), t.TempDir()
	clean := map[string]string{}
	bases := []string{"https://a.example/", "https://b.example/"}
	for _, base := range bases {
		out := filepath.Join(cleanDir, base[8:9])
		if b, err := exec.Command(bin, "build", "-content", content, "-out", out, "-baseurl", base).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		clean[treeHash(t, out)] = base
	}
	out := filepath.Join(dir, "public")
	refused, waited := 0, 0
	for round := range 10 {
		args := []string{"build", "-content", content, "-out", out}
		if round%2 == 1 {
			args = append(args, "-no-wait")
		}
		var wg sync.WaitGroup
		codes := make([]int, 2)
		stderrs := make([]bytes.Buffer, 2)
		for i, base := range bases {
			cmd := exec.Command(bin, append(args, "-baseurl", base)...)
			cmd.Stderr = &stderrs[i]
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				cmd.Wait()
				codes[i] = cmd.ProcessState.ExitCode()
			})
		}
		wg.Wait()
		ok := 0
		for i := range 2 {
			switch {
			case codes[i] == 0:
				ok++
				if strings.Contains(stderrs[i].String(), "waiting for it to finish") {
					waited++
				}
			case round%2 == 1 && codes[i] == 1 && strings.Contains(stderrs[i].String(), "another build is writing"):
				refused++
			default:
				t.Fatalf("round %d: build %d exited %d: %s", round, i, codes[i], stderrs[i].String())
			}
		}
		if ok == 0 {
			t.Fatalf("round %d: both builds failed", round)
		}
		if _, ok := clean[treeHash(t, out)]; !ok {
			t.Fatalf("round %d: the output is neither site: a torn site", round)
		}
	}
	// at most the site the last build replaced is left, set aside under
	// its marked name for the next build to remove
	entries, _ := os.ReadDir(dir)
	aside := 0
	for _, e := range entries {
		switch n := e.Name(); {
		case n == "public" || n == ".public.lock":
		case strings.HasPrefix(n, ".public.old-") && aside == 0:
			aside++
		default:
			t.Errorf("left beside the output: %s", n)
		}
	}
	t.Logf("10 rounds: %d builds waited for the other, %d were refused with -no-wait", waited, refused)
}
