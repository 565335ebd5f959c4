package guard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policies are those of the commands, as cmd/sitegen gives them.
var (
	export = Policy{Create: []Kind{Outside}, Replace: []Kind{Outside}, What: "the XLIFF file", ForceFlag: "-force",
		Ours: func(head []byte) bool { return bytes.Contains(head, []byte("<xliff")) }}
	importing    = Policy{Create: []Kind{Plan, Source}, ForceFlag: "-force", Rename: map[Kind]string{Plan: "pass -id ID to import it as another plan"}}
	translations = Policy{Replace: []Kind{Plan, Registry}}
	record       = Policy{Create: []Kind{Record}, Replace: []Kind{Record}}
)

// tree makes a content directory with a plan, a source and a registry,
// and beside it an XLIFF file and a Go file, and returns the directory
// holding both.
func tree(t *testing.T) string {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"content/plans/x.yaml":         "id: x\n",
		"content/sources/x.txt":        "text\n",
		"content/agencies.yaml":        "- id: a\n",
		"content/published-urls.txt":   "vi/\n",
		"content/pages/about.en.md":    "---\ntitle: About\n---\n",
		"old.xlf":                      "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">",
		"main.go":                      "package main\n",
		"elsewhere/secret.txt":         "secret\n",
		"elsewhere/plans/.placeholder": "",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		policy Policy
		force  bool
		setup  func(t *testing.T, dir string)
		path   string
		want   string // the refusal, "" when the file is written
	}{
		{"export onto a plan", export, false, nil, "content/plans/x.yaml",
			`it is a plan file, inside the content directory`},
		{"export onto a source", export, false, nil, "content/sources/x.txt", `it is a source text, inside the content directory`},
		{"export onto a registry", export, false, nil, "content/agencies.yaml", `it is a registry of the content, inside the content directory`},
		{"export onto the record", export, false, nil, "content/published-urls.txt", `it is the record of published addresses`},
		{"export into the content", export, false, nil, "content/todo.xlf", `it is a file of the content, inside the content directory "CONTENT" (write the XLIFF file outside the content directory, or pass -force to write it there all the same)`},
		{"export into the content by another name", export, false, func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "content", "plans"), filepath.Join(dir, "p"))
		}, "p/x.yaml", `it is a plan file, inside the content directory`},
		{"export onto a Go file", export, false, nil, "main.go", `it exists and is not the XLIFF file (name a new file, or remove this one first if it is to go, or pass -force to overwrite it)`},
		{"export onto a link", export, false, func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "elsewhere", "secret.txt"), filepath.Join(dir, "out.xlf"))
		}, "out.xlf", `it is a symbolic link, which would write, or seem to write, somewhere else (name the file it points to, or another, or pass -force to replace the link itself)`},
		{"export onto a dangling link", export, false, func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "elsewhere", "new.txt"), filepath.Join(dir, "out.xlf"))
		}, "out.xlf", `it is a symbolic link`},
		{"export onto a directory", export, true, nil, "elsewhere", `it is a directory`},
		{"export anew", export, false, nil, "new.xlf", ""},
		{"export over an export", export, false, nil, "old.xlf", ""},
		{"export forced onto a plan", export, true, nil, "content/plans/x.yaml", ""},
		{"import of a new plan", importing, false, nil, "content/plans/y.yaml", ""},
		{"import over a plan", importing, false, nil, "content/plans/x.yaml", `a plan file already exists there (pass -id ID to import it as another plan, or pass -force to overwrite it)`},
		{"import over a source", importing, false, nil, "content/sources/x.txt", `a source text already exists there (name a new file`},
		{"import over a registry", importing, true, nil, "content/agencies.yaml", ""},
		{"import forced over a plan", importing, true, nil, "content/plans/x.yaml", ""},
		{"import into a linked directory", importing, false, func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "content", "plans"))
			symlink(t, filepath.Join(dir, "elsewhere", "plans"), filepath.Join(dir, "content", "plans"))
		}, "content/plans/y.yaml", `"CONTENT/plans" inside the content directory is a symbolic link (replace the link with the directory it points to`},
		{"import onto a link in the content", importing, false, func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "elsewhere", "secret.txt"), filepath.Join(dir, "content", "sources", "y.txt"))
		}, "content/sources/y.txt", `it is a symbolic link`},
		{"import outside the content", importing, false, nil, "y.yaml", `it would be a new file, a file outside the content (name a file that exists, or pass -force to create it all the same)`},
		{"translations over a plan", translations, false, nil, "content/plans/x.yaml", ""},
		{"translations over a registry", translations, false, nil, "content/agencies.yaml", ""},
		{"translations over a source", translations, false, nil, "content/sources/x.txt", `it is a source text, inside the content directory`},
		{"translations over a page", translations, false, nil, "content/pages/about.en.md", `it is a file of the content`},
		{"record", record, false, nil, "content/published-urls.txt", ""},
		{"record through a link", record, false, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content", "published-urls.txt"))
			symlink(t, filepath.Join(dir, "content", "plans", "x.yaml"), filepath.Join(dir, "content", "published-urls.txt"))
		}, "content/published-urls.txt", `it is a symbolic link`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := tree(t)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := snapshot(t, dir)
			p := tc.policy
			p.Content, p.Force = filepath.Join(dir, "content"), tc.force
			path := filepath.Join(dir, filepath.FromSlash(tc.path))
			err := Write(p, File{Path: path, Data: []byte("new\n")})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if b, err := os.ReadFile(path); err != nil || string(b) != "new\n" {
					t.Fatalf("read back %q, %v", b, err)
				}
				return
			}
			var re *RefusedError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a refusal", err)
			}
			if want := strings.ReplaceAll(tc.want, "CONTENT", p.Content); !strings.Contains(err.Error(), want) {
				t.Errorf("got  %v\nwant %s", err, want)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("a refused write changed the tree:\n%s\nto\n%s", before, after)
			}
		})
	}
}

// TestForcedLinkIsReplaced checks that forcing a write onto a link
// replaces the link, never the file it points to.
func TestForcedLinkIsReplaced(t *testing.T) {
	dir := tree(t)
	secret := filepath.Join(dir, "elsewhere", "secret.txt")
	out := filepath.Join(dir, "out.xlf")
	symlink(t, secret, out)
	p := export
	p.Force = true
	if err := Write(p, File{Path: out, Data: []byte("<xliff/>")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(secret); string(b) != "secret\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	if st, err := os.Lstat(out); err != nil || !st.Mode().IsRegular() {
		t.Errorf("the link was not replaced by a file: %v %v", st, err)
	}
}

// TestAllOrNothing checks that one refused file keeps every other
// from being written, and that a file replaced keeps its mode.
func TestAllOrNothing(t *testing.T) {
	dir := tree(t)
	plan := filepath.Join(dir, "content", "plans", "x.yaml")
	if err := os.Chmod(plan, 0o600); err != nil {
		t.Fatal(err)
	}
	p := translations
	p.Content = filepath.Join(dir, "content")
	err := Write(p, File{Path: plan, Data: []byte("one\n")}, File{Path: filepath.Join(dir, "content", "sources", "x.txt"), Data: []byte("two\n")})
	if err == nil {
		t.Fatal("no refusal")
	}
	if b, _ := os.ReadFile(plan); string(b) != "id: x\n" {
		t.Errorf("the plan was written although another file was refused: %q", b)
	}
	if err := Write(p, File{Path: plan, Data: []byte("one\n")}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(plan); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 as it was", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(plan))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// snapshot lists every file under dir with its bytes or link target.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			b.WriteString(rel + " -> " + target + "\n")
		case info.Mode().IsRegular():
			data, _ := os.ReadFile(p)
			b.WriteString(rel + ": " + string(data) + "\n")
		default:
			b.WriteString(rel + "/\n")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
