package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"sitegen/internal/sitetest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sitegen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the txtar scripts in testdata/script. Each starts in a
// directory holding a copy of testdata/sites/valid as site/, with
// $REALCONTENT naming the real content directory.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REALCONTENT", filepath.Join(sitetest.Root(), "content"))
			return copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), filepath.Join(env.WorkDir, "site"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// replace FILE OLD NEW: change one occurrence of OLD in FILE.
			"replace": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: replace FILE OLD NEW")
				}
				data := ts.ReadFile(args[0])
				old := strings.ReplaceAll(args[1], `\n`, "\n")
				if !strings.Contains(data, old) {
					ts.Fatalf("%s does not contain %q", args[0], old)
				}
				data = strings.Replace(data, old, strings.ReplaceAll(args[2], `\n`, "\n"), 1)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
			},
		},
	})
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
