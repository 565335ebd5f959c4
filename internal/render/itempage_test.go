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

// TestItemPageMatchesTemplate: item pages and the partials written in Go
// (see Include) are the bytes the built-in templates write, on every item
// page and every other file of the fixtures and the real site, at the
// root and under a sub-path. The template route is taken by a theme that
// supplies item.html and partials.html with the built-in bytes, which a
// renderer must treat as overrides.
func TestItemPageMatchesTemplate(t *testing.T) {
	copies := fstest.MapFS{}
	for _, name := range []string{"templates/item.html", "templates/partials.html"} {
		b, err := fs.ReadFile(sitegen.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		copies[name] = &fstest.MapFile{Data: b}
	}
	viaTemplates, err := theme.Load(sitegen.Theme, copies)
	if err != nil {
		t.Fatal(err)
	}
	builtIn, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"item", "plan", "pillar", "compare-agency"} {
		if !builtIn.BuiltIn(kind) || viaTemplates.BuiltIn(kind) {
			t.Fatalf("theme.BuiltIn does not tell the built-in %s templates from a publisher's copy", kind)
		}
	}
	tests := []struct {
		name    string
		content fstest.MapFS
		base    string
		want    []string // files the case is there to compare
	}{
		{"fixture valid", sitetest.Fixture(t, "valid"), "https://portal.example.gov.vn/asean/", nil},
		{"fixture two-frameworks", sitetest.Fixture(t, "two-frameworks"), "/", nil},
		{"fixture valid, with moves and withdrawals", movedAndWithdrawn(t), "/asean/", []string{
			"en/plans/sample-1-2021/i-2-z/index.html", "vi/plans/sample-1-2021/i-1-z/index.html",
			"en/provinces/gone/index.html", "vi/methodology/index.html", "en/old-news/index.html",
		}},
		{"real site", sitetest.Content(t), "https://example.org/", []string{"index.html", "404.html", "en/404.html"}},
		{"real site under a sub-path", sitetest.Content(t), "/asean/", nil},
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
			for _, path := range tt.want {
				if slow[path] == nil {
					t.Errorf("no %s compared", path)
				}
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

// movedAndWithdrawn is the valid fixture with a moved and a withdrawn
// item and page, so that every kind of redirect and tombstone page is
// written.
func movedAndWithdrawn(t *testing.T) fstest.MapFS {
	m := sitetest.Fixture(t, "valid")
	const plan = "plans/sample-1-2021.yaml"
	b := strings.Replace(string(m[plan].Data), "\nsections:\n", `
moved:
  - {from: i-2-z, to: i-2-a, date: 2026-02-01}
withdrawn:
  - id: i-1-z
    label: I.1.z
    date: 2026-03-01
    text: {vi: Tuyên truyền về Cộng đồng ASEAN.}
    reason: {vi: Gộp vào mục I.1.a., en: Merged into item I.1.a.}
    see: i-1-a
sections:
`, 1)
	if b == string(m[plan].Data) {
		t.Fatalf("%s has no sections: line; update this test", plan)
	}
	m = sitetest.With(m, plan, []byte(b))
	m = sitetest.With(m, "pages/methodology.vi.md", nil)
	m = sitetest.With(m, "pages/methodology.en.md", nil)
	return sitetest.With(m, "redirects.yaml", []byte(`moved:
  - {from: provinces/gone/, to: agencies/doha/, date: 2026-03-15, note: {vi: Đã chuyển., en: Moved.}}
withdrawn:
  - path: methodology/
    date: 2026-03-01
    title: {vi: Phương pháp, en: Methodology}
    reason: {vi: Gộp vào trang Giới thiệu., en: Merged into the About page.}
    see: about/
  - {path: old-news/, date: 2026-03-02, reason: {vi: Đã cũ., en: Out of date.}}
`))
}

// TestItemPageOverride: a publisher's templates still decide what the
// pages written in Go show (the kinds in pagesInGo).
func TestItemPageOverride(t *testing.T) {
	const item = "en/plans/sample-1-2021/i-1-b/index.html"
	tests := []struct{ file, old, new, marker, page string }{
		{"item.html", `<article class="item-page">`, `<article class="item-page mine">`, "item-page mine", item},
		{"layout.html", "</body>", `<p class="mine"></p></body>`, `<p class="mine"></p>`, item},
		{"layout.html", "</body>", `<p class="mine"></p></body>`, `<p class="mine"></p>`, "vi/agencies/dolisa/index.html"},
		{"partials.html", `{{define "sectitle"}}`, `{{define "sectitle"}}<i class="mine"></i>`, `<i class="mine"></i>`, item},
		{"agency.html", `<dl class="facts">`, `<dl class="facts mine">`, "facts mine", "en/agencies/dolisa/index.html"},
		{"theme.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "en/themes/poverty-reduction/index.html"},
		{"compare-agency.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "vi/compare/agencies/dolisa/index.html"},
		{"plan.html", `<details class="register" id="register">`, `<details class="register mine" id="register">`, "register mine", "en/plans/sample-1-2021/index.html"},
		{"province.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "vi/provinces/da-nang/index.html"},
		{"home.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "vi/index.html"},
		{"framework.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "en/frameworks/fw/index.html"},
		{"source.html", `<div class="source-text" lang="vi">`, `<div class="source-text mine" lang="vi">`, "source-text mine", "en/plans/sample-1-2021/source/index.html"},
		{"compare.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "en/compare/index.html"},
		{"agencies.html", `<ul class="cols">`, `<ul class="cols mine">`, "cols mine", "en/agencies/index.html"},
		{"page.html", `<article class="prose">`, `<article class="prose mine">`, "prose mine", "vi/about/index.html"},
		{"glossary.html", `<table class="glossary">`, `<table class="glossary mine">`, "glossary mine", "en/glossary/index.html"},
		{"search.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "en/search/index.html"},
		{"root.html", `<main id="main">`, `<main id="main" class="mine">`, `class="mine"`, "index.html"},
		{"404.html", `<main id="main">`, `<main id="main" class="mine">`, `class="mine"`, "en/404.html"},
		{"redirect.html", `<h1>`, `<h1 class="mine">`, `<h1 class="mine">`, "en/plans/sample-1-2021/i-2-z/index.html"},
		{"tombstone.html", `<dl class="facts">`, `<dl class="facts mine">`, "facts mine", "vi/old-news/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.page, func(t *testing.T) {
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
			page := string(renderWith(t, th, movedAndWithdrawn(t), "/")[tt.page])
			if page == "" {
				t.Fatalf("no page %s", tt.page)
			}
			if !strings.Contains(page, tt.marker) {
				t.Errorf("%s ignores the publisher's %s", tt.page, tt.file)
			}
		})
	}
}

// TestPartialOverride: a publisher's partials still decide what list
// pages show, though the built-in ones are written by Go code.
func TestPartialOverride(t *testing.T) {
	tests := []struct{ old, new, page string }{
		{`<li id="{{$it.ID}}" class="item">`, `<li id="{{$it.ID}}" class="item mine">`, "en/plans/sample-1-2021/index.html"},
		{`<section class="sec" `, `<section class="sec mine" `, "vi/plans/sample-1-2021/index.html"},
		{`<section class="group" `, `<section class="group mine" `, "en/pillars/inclusive/index.html"},
		{`<table class="side-by-side">`, `<table class="side-by-side mine">`, "en/compare/agencies/doha/index.html"},
	}
	b, err := fs.ReadFile(sitegen.Theme, "templates/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			mine := strings.Replace(string(b), tt.old, tt.new, 1)
			if mine == string(b) {
				t.Fatalf("the built-in partials.html changed; update this test")
			}
			th, err := theme.Load(sitegen.Theme, fstest.MapFS{"templates/partials.html": {Data: []byte(mine)}})
			if err != nil {
				t.Fatal(err)
			}
			page := string(renderWith(t, th, sitetest.Fixture(t, "two-frameworks"), "/")[tt.page])
			if page == "" {
				t.Fatalf("no page %s", tt.page)
			}
			if !strings.Contains(page, " mine") {
				t.Errorf("%s ignores the publisher's partials.html", tt.page)
			}
		})
	}
}
