package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"sitegen/internal/output"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// TestLoadTheme: a theme parsed while the content loads is the one the
// site is rendered with; one that fails is reported before the
// content's problems and before a refused output, and nothing is
// written.
func TestLoadTheme(t *testing.T) {
	th := sitetest.Theme(t)
	valid := sitetest.Fixture(t, "valid")
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if _, _, err := Build(Options{Content: valid, Out: out, LoadTheme: func() (*theme.Theme, error) { return th, nil }}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "vi", "index.html")); err != nil {
		t.Fatalf("the site was not written with the loaded theme: %v", err)
	}

	broken := errors.New("templates/item.html:3: unexpected EOF")
	invalid := sitetest.Replace(t, valid, planFile, "sections:", "sectionz:")
	for _, tc := range []struct {
		name    string
		content fs.FS
		out     string
	}{
		{"valid content", valid, filepath.Join(dir, "a")},
		{"invalid content", invalid, filepath.Join(dir, "b")},
		{"refused output", valid, dir}, // a directory that is not a site
	} {
		load := func() (*theme.Theme, error) { return nil, broken }
		_, problems, err := Build(Options{Content: tc.content, Out: tc.out, LoadTheme: load})
		var te *ThemeError
		if !errors.As(err, &te) || !errors.Is(err, broken) {
			t.Errorf("%s: got %v, want the theme's error", tc.name, err)
		}
		if problems.HasErrors() {
			t.Errorf("%s: content problems reported with a broken theme: %v", tc.name, problems.Problems())
		}
		if tc.out == dir {
			// what it is refused for when the theme is fine
			var refused *output.RefusedError
			if _, _, err := Build(Options{Content: tc.content, Out: tc.out, Theme: th}); !errors.As(err, &refused) {
				t.Errorf("%s: %v, want the output refused", tc.name, err)
			}
		} else {
			if _, err := os.Stat(tc.out); !os.IsNotExist(err) {
				t.Errorf("%s: %s written: %v", tc.name, tc.out, err)
			}
		}
	}
}
