package build

import (
	"os"
	"path/filepath"
	"testing"

	"sitegen/internal/manifest"
	"sitegen/internal/sitetest"
)

// BenchmarkPreview measures what the preview server does after a save:
// load, check, plan and prepare the real site for rendering.
func BenchmarkPreview(b *testing.B) {
	opts := Options{Content: os.DirFS(filepath.Join(sitetest.Root(), "content")), Theme: sitetest.Theme(b), Base: manifest.Base{Path: "/"}}
	for b.Loop() {
		if _, _, err := NewPreview(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures loading and checking the real content alone.
func BenchmarkCheck(b *testing.B) {
	content := os.DirFS(filepath.Join(sitetest.Root(), "content"))
	for b.Loop() {
		if _, problems := Check(content); problems.HasErrors() {
			b.Fatal(problems.Err())
		}
	}
}
