package render_test

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/render"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// templatesOnly is the built-in theme with every template file supplied
// again with a comment added at its end: the same templates, whose text
// is no longer the one templates_gen.go was generated from, so that
// every page is written by html/template.
func templatesOnly(t *testing.T) *theme.Theme {
	t.Helper()
	copies := fstest.MapFS{}
	names, err := fs.Glob(sitegen.Theme, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(sitegen.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		copies[name] = &fstest.MapFile{Data: append(b, "{{/* a publisher's copy */}}\n"...)}
	}
	th, err := theme.Load(sitegen.Theme, copies)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestCompiledMatchesTemplates: the code generated from the templates
// writes the bytes html/template writes, on every file of the fixtures
// and the real site, at the root and under a sub-path.
func TestCompiledMatchesTemplates(t *testing.T) {
	viaTemplates := templatesOnly(t)
	builtIn, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
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
				t.Errorf("%d files by the generated code, %d by the templates", len(fast), len(slow))
			}
			for path, want := range slow {
				if got := fast[path]; !bytes.Equal(got, want) {
					t.Errorf("%s: the generated code writes other bytes than the templates (run go generate ./...):\n%s", path, firstDiff(got, want))
				}
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

// TestTemplateEditReachesEveryPage: an edit to any template file shows
// on every page it takes part in, the same whether the whole site is
// built (Stream, as sitegen build) or one page is asked for (File, as
// the preview server): there is no second copy of the markup to forget.
func TestTemplateEditReachesEveryPage(t *testing.T) {
	content := movedAndWithdrawn(t)
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	man := manifest.Build(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	// the kind of every page file
	kindOf := map[string]string{"index.html": "root", "404.html": "404", "vi/404.html": "404", "en/404.html": "404"}
	for _, p := range man.Pages {
		for _, l := range model.Langs {
			kindOf[string(l)+"/"+p.Path+"index.html"] = string(p.Kind)
		}
	}
	names, err := fs.Glob(sitegen.Theme, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		file := path.Base(name)
		t.Run(file, func(t *testing.T) {
			b, err := fs.ReadFile(sitegen.Theme, name)
			if err != nil {
				t.Fatal(err)
			}
			marker := `<i class="edited-` + strings.TrimSuffix(file, ".html") + `"></i>`
			var edited string
			switch file {
			case "partials.html": // a partial every page has
				edited = strings.Replace(string(b), `{{define "footer"}}`, `{{define "footer"}}`+marker, 1)
			case "layout.html", "root.html", "404.html":
				edited = strings.Replace(string(b), "<body>", "<body>"+marker, 1)
			default:
				edited = strings.Replace(string(b), `{{define "main"}}`, `{{define "main"}}`+marker, 1)
			}
			if edited == string(b) {
				t.Fatalf("%s has no place for the edit; update this test", name)
			}
			th, err := theme.Load(sitegen.Theme, fstest.MapFS{name: {Data: []byte(edited)}})
			if err != nil {
				t.Fatal(err)
			}
			base, _ := manifest.ParseBase("/")
			r := render.New(th, site, man, render.Options{Base: base})
			built := renderWith(t, th, content, "/")
			pages := 0
			for p, kind := range kindOf {
				wantEdit := kind+".html" == file ||
					file == "partials.html" && kind != "root" || // the root page has no footer
					file == "layout.html" && kind != "root" && kind != "404"
				if !wantEdit {
					continue
				}
				pages++
				if !strings.Contains(string(built[p]), marker) {
					t.Errorf("%s (a %s page) does not show the edit to %s", p, kind, file)
				}
				served, ok, err := r.File(p)
				if err != nil || !ok {
					t.Fatalf("%s: %v", p, err)
				}
				if !bytes.Equal(served.Data, built[p]) {
					t.Errorf("%s: the preview writes other bytes than the build:\n%s", p, firstDiff(served.Data, built[p]))
				}
			}
			if pages == 0 {
				t.Errorf("no page of %s in the fixture", file)
			}
		})
	}
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
