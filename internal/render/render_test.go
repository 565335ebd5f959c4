package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"sitegen"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
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
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	man := manifest.Build(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
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
		"index.html", "404.html",
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
			if !strings.Contains(page, `<h1>Tổ chức giao lưu &lt;script>alert(1)&lt;/script> văn hóa.</h1>`) {
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
