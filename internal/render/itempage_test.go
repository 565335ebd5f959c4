package render_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// TestItemPageMatchesTemplate: item pages written in Go are the bytes the
// built-in templates write, on every item page (and every other file) of
// the fixtures and the real site, at the root and under a sub-path. The
// template route is taken by a theme that supplies item.html with the
// built-in bytes, which a renderer must treat as an override.
func TestItemPageMatchesTemplate(t *testing.T) {
	b, err := fs.ReadFile(sitegen.Theme, "templates/item.html")
	if err != nil {
		t.Fatal(err)
	}
	viaTemplates, err := theme.Load(sitegen.Theme, fstest.MapFS{"templates/item.html": {Data: b}})
	if err != nil {
		t.Fatal(err)
	}
	builtIn, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !builtIn.BuiltIn("item") || viaTemplates.BuiltIn("item") {
		t.Fatal("theme.BuiltIn does not tell the built-in item template from a publisher's copy")
	}
	tests := []struct {
		name    string
		content fstest.MapFS
		base    string
	}{
		{"fixture valid", sitetest.Fixture(t, "valid"), "https://portal.example.gov.vn/asean/"},
		{"fixture two-frameworks", sitetest.Fixture(t, "two-frameworks"), "/"},
		{"real site", sitetest.Content(t), "https://example.org/"},
		{"real site under a sub-path", sitetest.Content(t), "/asean/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast := renderWith(t, builtIn, tt.content, tt.base)
			slow := renderWith(t, viaTemplates, tt.content, tt.base)
			if len(fast) != len(slow) {
				t.Errorf("%d files in Go, %d through the templates", len(fast), len(slow))
			}
			items := 0
			for path, want := range slow {
				if strings.Contains(path, "/i-") || strings.Count(path, "/") == 4 {
					items++
				}
				if got := fast[path]; !bytes.Equal(got, want) {
					t.Errorf("%s differs from the template's output:\n%s", path, firstDiff(got, want))
				}
			}
			if items == 0 {
				t.Error("no item pages compared")
			}
		})
	}
}

// firstDiff shows where two pages part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}

// TestItemPageOverride: a publisher's item.html still decides what item
// pages show, though the built-in one is rendered by Go code.
func TestItemPageOverride(t *testing.T) {
	tests := []struct{ file, old, new, marker string }{
		{"item.html", `<article class="item-page">`, `<article class="item-page mine">`, "item-page mine"},
		{"layout.html", "</body>", `<p class="mine"></p></body>`, `<p class="mine"></p>`},
		{"partials.html", `{{define "sectitle"}}`, `{{define "sectitle"}}<i class="mine"></i>`, `<i class="mine"></i>`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := fs.ReadFile(sitegen.Theme, "templates/"+tt.file)
			if err != nil {
				t.Fatal(err)
			}
			mine := strings.Replace(string(b), tt.old, tt.new, 1)
			if mine == string(b) {
				t.Fatalf("the built-in %s changed; update this test", tt.file)
			}
			th, err := theme.Load(sitegen.Theme, fstest.MapFS{"templates/" + tt.file: {Data: []byte(mine)}})
			if err != nil {
				t.Fatal(err)
			}
			page := string(renderWith(t, th, sitetest.Fixture(t, "valid"), "/")["en/plans/sample-1-2021/i-1-b/index.html"])
			if page == "" {
				t.Fatal("no item page en/plans/sample-1-2021/i-1-b/")
			}
			if !strings.Contains(page, tt.marker) {
				t.Errorf("the item page ignores the publisher's %s", tt.file)
			}
		})
	}
}
