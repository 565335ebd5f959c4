package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"sitegen"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/render"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// renderFixture renders the valid fixture site under a sub-path.
func renderFixture(t *testing.T) map[string][]byte {
	t.Helper()
	return renderSite(t, sitetest.Fixture(t, "valid"), "https://portal.example.gov.vn/asean/")
}

// renderSite checks a content tree and renders it with the built-in
// theme, by output path.
func renderSite(t *testing.T, content fs.FS, baseURL string) map[string][]byte {
	t.Helper()
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	return renderWith(t, th, content, baseURL)
}

// renderWith checks a content tree and renders it with th.
func renderWith(t *testing.T, th *theme.Theme, content fs.FS, baseURL string) map[string][]byte {
	t.Helper()
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	man := manifest.Build(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	base, err := manifest.ParseBase(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	out := map[string][]byte{}
	err = render.New(th, site, man, render.Options{Base: base}).Stream(func(f output.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := out[f.Path]; dup {
			return fmt.Errorf("%s written twice", f.Path)
		}
		out[f.Path] = f.Data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares one page of every kind, in both languages, with
// the files in testdata/golden. Run `go test ./internal/render -update`
// after an intended change and review the diff.
func TestGolden(t *testing.T) {
	files := renderFixture(t)
	pages := []string{
		"index.html", "404.html", "vi/404.html", "en/404.html",
		"vi/index.html", "en/index.html",
		"vi/plans/sample-1-2021/index.html", "en/plans/sample-1-2021/index.html",
		"vi/plans/sample-1-2021/i-1-a/index.html", "en/plans/sample-1-2021/i-1-b/index.html",
		"en/plans/sample-1-2021/source/index.html",
		"vi/provinces/dak-lak/index.html", "en/provinces/da-nang/index.html",
		"en/provinces/dak-lak/agencies/dolisa/index.html",
		"vi/agencies/dolisa/index.html", "en/agencies/index.html",
		"en/pillars/inclusive/index.html", "vi/pillars/index.html",
		"vi/themes/poverty-reduction/index.html",
		"en/compare/index.html", "vi/compare/pillars/inclusive/index.html",
		"en/glossary/index.html", "vi/about/index.html",
		"vi/compare/themes/awareness/index.html", "en/compare/agencies/doha/index.html",
		"vi/frameworks/fw/index.html",
	}
	for _, p := range pages {
		got, ok := files[p]
		if !ok {
			t.Errorf("page %s was not rendered", p)
			continue
		}
		golden := filepath.Join("testdata", "golden", goldenName(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, readable(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if g := readable(got); !bytes.Equal(g, want) {
			t.Errorf("%s differs from %s:\n%s", p, golden, diff(string(want), string(g)))
		}
	}
}

// readable breaks minified HTML before each tag so that golden files
// diff line by line.
func readable(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte("><"), []byte(">\n<"))
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestLinksUnderSubPath asserts that every link and asset path of the
// rendered fixture starts with the base path, so the site works when a
// portal serves it under /asean/.
func TestLinksUnderSubPath(t *testing.T) {
	for name, data := range renderFixture(t) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, ref := range sitetest.Links(data) {
			if strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "/asean/") {
				t.Errorf("%s: link %q is outside the base path /asean/", name, ref)
			}
		}
	}
}

// TestNotFound: the 404 pages carry the site's header, navigation, a
// search box and a link home in each language they speak, every word
// from the interface strings. vi/404.html and en/404.html answer for the
// addresses under a language, 404.html for any other.
func TestNotFound(t *testing.T) {
	files := renderFixture(t)
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file  string
		langs []string
	}{
		{"vi/404.html", []string{"vi"}},
		{"en/404.html", []string{"en"}},
		{"404.html", []string{"vi", "en"}},
	}
	for _, tc := range tests {
		page := string(files[tc.file])
		if page == "" {
			t.Errorf("%s was not rendered", tc.file)
			continue
		}
		first := tc.langs[0]
		want := []string{
			`<html lang="` + first + `">`,
			`<header class="site">`,
			`<a class="brand" href="/asean/` + first + `/">`,
			`<nav aria-label="`,
			`href="/asean/` + first + `/plans/"`,
			`<meta name="robots" content="noindex">`,
		}
		for _, lang := range tc.langs {
			loc := th.Locales[model.Lang(lang)]
			for _, key := range []string{"notfound.title", "notfound.text", "notfound.home", "search.label", "search.submit"} {
				s, err := loc.T(key)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, ">"+html.EscapeString(s)+"<")
			}
			want = append(want,
				`<form class="search" role="search"`,
				`action="/asean/`+lang+`/search/" method="get"`,
				`<input id="q-`+lang+`" type="search" name="q">`,
				`<a href="/asean/`+lang+`/">`)
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s does not contain %s", tc.file, w)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", tc.file, n)
		}
	}
}

// TestUntranslatedNotice asserts that an item without English shows the
// Vietnamese, marked as Vietnamese, with a visible notice.
func TestUntranslatedNotice(t *testing.T) {
	page := string(renderFixture(t)["en/plans/sample-1-2021/i-1-b/index.html"])
	for _, want := range []string{`class="notice"`, `<h1 lang="vi">Tuyên truyền về Cộng đồng ASEAN.</h1>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// goldenName names a page's golden file: en/plans/x/index.html is
// en_plans_x.html.
func goldenName(page string) string {
	name := strings.TrimSuffix(strings.TrimSuffix(page, "index.html"), "/")
	name = strings.TrimSuffix(name, ".html")
	if name == "" {
		name = "root"
	}
	return strings.ReplaceAll(name, "/", "_") + ".html"
}

// TestMarkdownIsSafe asserts that raw HTML and javascript: links in
// commentary never reach a page.
func TestMarkdownIsSafe(t *testing.T) {
	page := string(renderFixture(t)["vi/plans/sample-1-2021/index.html"])
	if !strings.Contains(page, "<strong>bốn</strong>") {
		t.Fatal("the commentary is not on the plan page")
	}
	for _, bad := range []string{"<script>alert", "alert(1)", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

var attrValue = regexp.MustCompile(`="[^"]*"`)

// TestTextIsEscaped: a <script> written inside YAML text is shown as
// text, never run.
func TestTextIsEscaped(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, "sources/plan.txt", "a) Tổ chức giao lưu văn hóa.", "a) Tổ chức giao lưu <script>alert(1)</script> văn hóa.")
	m = sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "vi: Tổ chức giao lưu văn hóa.", `vi: "Tổ chức giao lưu <script>alert(1)</script> văn hóa."`)
	for path, data := range renderSite(t, m, "/") {
		if path == "vi/plans/sample-1-2021/i-2-a/index.html" {
			page := string(data)
			if !strings.Contains(page, `<h1>Tổ chức giao lưu &lt;script&gt;alert(1)&lt;/script&gt; văn hóa.</h1>`) {
				t.Error("the text is not shown escaped")
			}
			// inside a quoted attribute value "<" is only text; anywhere
			// else it would open an element
			if strings.Contains(attrValue.ReplaceAllString(page, ""), "<script>alert") {
				t.Error("the script in the text became an element")
			}
			return
		}
	}
	t.Fatal("the item page was not rendered")
}

// TestOutdatedNotice: an English text whose fingerprint does not match
// the Vietnamese it stands beside says that it may be out of date, on
// the English page only.
func TestOutdatedNotice(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "en: Organise cultural exchanges.", "en: Organise cultural exchanges.\n            en_of: 00000000")
	files := renderSite(t, m, "/")
	if !strings.Contains(string(files["en/plans/sample-1-2021/i-2-a/index.html"]), "may be out of date") {
		t.Error("the English page does not say the translation may be out of date")
	}
	if strings.Contains(string(files["vi/plans/sample-1-2021/i-2-a/index.html"]), "bản dịch có thể chưa cập nhật") {
		t.Error("the Vietnamese page speaks of the translation")
	}
}

// TestItemRefOverride: list entries are rendered once per item and
// reused, yet a theme that overrides the "item-ref" template still
// decides what every list shows.
func TestItemRefOverride(t *testing.T) {
	b, err := fs.ReadFile(sitegen.Theme, "templates/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	const marker = `<li class="item mine">`
	mine := strings.Replace(string(b), "{{define \"item-ref\"}}{{$v := .V}}{{$it := .I}}\n<li class=\"item\">",
		"{{define \"item-ref\"}}{{$v := .V}}{{$it := .I}}\n"+marker, 1)
	if mine == string(b) {
		t.Fatal("the built-in item-ref template changed; update this test")
	}
	th, err := theme.Load(sitegen.Theme, fstest.MapFS{"templates/partials.html": {Data: []byte(mine)}})
	if err != nil {
		t.Fatal(err)
	}
	files := renderWith(t, th, sitetest.Fixture(t, "valid"), "/")
	for _, p := range []string{"vi/agencies/dolisa/index.html", "en/pillars/inclusive/index.html", "vi/themes/poverty-reduction/index.html"} {
		page := string(files[p])
		if n := strings.Count(page, marker); n == 0 || strings.Contains(page, `<li class="item">`+"\n"+`<p class="meta"><a href="/`) {
			t.Errorf("%s: %d entries from the overriding template, and some from the built-in one", p, n)
		}
	}
	builtIn := renderFixture(t)
	if strings.Contains(string(builtIn["vi/agencies/dolisa/index.html"]), marker) {
		t.Error("the override leaked into a site rendered with the built-in theme")
	}
}

// TestSourceOmitsWebPage: lines a source marks as the copied web page's
// are left out of its published page, which says which and what they
// were; every item's passage is still anchored.
func TestSourceOmitsWebPage(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "source: {file: plan.txt, kind: official}",
		"source: {file: plan.txt, kind: official, truncated: false, omit: [{lines: \"1\", what: {vi: tên trang, en: the page's name}}]}")
	files := renderSite(t, m, "/")
	page := string(files["en/plans/sample-1-2021/source/index.html"])
	if strings.Contains(page, "KẾ HOẠCH MẪU") {
		t.Error("the omitted line is published")
	}
	if !strings.Contains(page, "line 1: the page&#39;s name") {
		t.Error("the page does not say what it left out")
	}
	if !strings.Contains(page, `id="p-i-1-a"`) {
		t.Error("an item's passage lost its anchor")
	}
	if !strings.Contains(page, "The text kept here is complete.") {
		t.Error("the page does not say that the text is complete")
	}
}
