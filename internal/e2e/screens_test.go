package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sitegen"
	"sitegen/internal/build"
	"sitegen/internal/manifest"
	"sitegen/internal/theme"
)

// bareID is what a heading looks like when it shows an id instead of
// words: "group-0", "objective-1".
var bareID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)

// testScreenshots takes a full-page screenshot of every kind of page in
// both languages at 1280 and 360 px wide, as a reader sees it, into
// $SITEGEN_SCREENSHOTS (or the suite's temporary folder, removed when
// the suite ends: some 70 MB a run; never the repository), and checks
// what a reader would notice first: a heading in words, chart labels
// that are neither cut nor smaller than 12 px, and comparison columns
// that stand side by side. The real site records no report; the pages
// of the fixture with two reports are taken at 360 px too, to show
// updates of both kinds.
func testScreenshots(t *testing.T, f *fixture) {
	dir, keep := os.Getenv("SITEGEN_SCREENSHOTS"), true
	if dir == "" {
		dir, keep = filepath.Join(f.tmp, "screenshots"), false
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, vp := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
	}{
		{"1280", chromedp.EmulateViewport(1280, 800)},
		{"360", phone},
	} {
		s := newSession(t, vp.size)
		for _, p := range everyKind(f) {
			if p.status != 200 {
				continue
			}
			t.Run(vp.name+"/"+p.name, func(t *testing.T) {
				s.visit(t, p.url)
				png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(80))
				if err != nil {
					t.Fatalf("%s: screenshot: %v", p.url, err)
				}
				name := strings.NewReplacer("/", "_", ".", "_").Replace(p.name) + "-" + vp.name + ".jpg"
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
				checkReadable(t, s, p)
			})
		}
	}
	s := newSession(t, phone)
	for _, p := range progressPages(t, f) {
		t.Run("360/progress/"+p.name, func(t *testing.T) {
			s.visit(t, p.url)
			png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatalf("%s: screenshot: %v", p.url, err)
			}
			name := "progress_" + strings.NewReplacer("/", "_", ".", "_").Replace(p.name) + "-360.jpg"
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
			checkReadable(t, s, p)
		})
	}
	if keep {
		t.Logf("screenshots in %s", dir)
	} else {
		t.Logf("screenshots in %s, removed when the suite ends (set SITEGEN_SCREENSHOTS=DIR to keep them)", dir)
	}
}

// progressPages builds the fixture whose plan has two reports and
// updates of each kind (testdata/sites/progress), serves it from the
// test process, and lists the pages where its updates show.
func progressPages(t *testing.T, f *fixture) []browserPage {
	t.Helper()
	out := filepath.Join(f.tmp, "progress")
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = http.StripPrefix("/progress", http.FileServer(http.Dir(out)))
	srv.Start()
	t.Cleanup(srv.Close)
	base, err := manifest.ParseBase(srv.URL + "/progress/")
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	content := os.DirFS(filepath.Join(f.root, "testdata", "sites", "progress"))
	if _, problems, err := build.Build(build.Options{Content: content, Theme: th, Out: out, Base: base}); err != nil {
		t.Fatalf("building the fixture with reports: %v\n%v", err, problems.Problems())
	}
	var ps []browserPage
	for _, lang := range langs {
		for _, p := range []struct{ name, kind, path string }{
			{"home", "home", ""},
			{"plan", "plan", "plans/mau-12-2024/"},
			{"item-report", "item", "plans/mau-12-2024/ii-1-b/"},
			{"item-event", "item", "plans/mau-12-2024/ii-2-a/"},
			{"agency", "agency", "agencies/dolisa/"},
			{"province-agency", "province-agency", "provinces/tinh-mau/agencies/dcst/"},
			{"framework", "framework", "frameworks/fw/"},
			{"methodology", "page", "methodology/"},
		} {
			ps = append(ps, browserPage{lang + "/" + p.name, p.kind, base.Prefix() + "/" + lang + "/" + p.path, 200})
		}
	}
	return ps
}

// checkReadable asserts what a reader sees first on page p.
func checkReadable(t *testing.T, s *session, p browserPage) {
	h1 := strings.TrimSpace(eval[string](t, s.ctx, p.url, `(document.querySelector('main h1')||{}).textContent||''`))
	if h1 == "" || bareID.MatchString(h1) {
		t.Errorf("%s: the heading %q does not say what the page is", p.url, h1)
	}
	type label struct {
		Text     string  `json:"text"`
		Cut      bool    `json:"cut"`
		FontSize float64 `json:"size"`
	}
	labels := eval[[]label](t, s.ctx, p.url, `[...document.querySelectorAll('figure.chart .bar-label, figure.chart figcaption')].map(e => ({
		text: e.textContent.slice(0, 40),
		cut: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
		size: parseFloat(getComputedStyle(e).fontSize)}))`)
	for _, l := range labels {
		if l.Cut {
			t.Errorf("%s: chart label %q is cut", p.url, l.Text)
		}
		if l.FontSize < 12 {
			t.Errorf("%s: chart label %q is %.1f px, under 12", p.url, l.Text, l.FontSize)
		}
	}
	// links that stand alone (contents, breadcrumbs, an item's label)
	// are targets of at least 24 by 24 CSS px (WCAG 2.2, 2.5.8)
	small := eval[[]string](t, s.ctx, p.url, `[...document.querySelectorAll('.toc a, .crumbs a, .item a.label')].filter(e => {
		const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 23.5 || r.height < 23.5);
	}).slice(0, 5).map(e => e.textContent.slice(0, 30) + ' (' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height) + ')')`)
	for _, l := range small {
		t.Errorf("%s: link %s is smaller than 24x24 px", p.url, l)
	}
	if strings.HasPrefix(p.kind, "compare-") {
		// the plans' column headings stand on one line, side by side
		tops := eval[[]float64](t, s.ctx, p.url, `[...document.querySelectorAll('table.side-by-side thead th')].map(e => Math.round(e.getBoundingClientRect().top))`)
		if len(tops) < 3 {
			t.Errorf("%s: the comparison has %d columns, want the row heading and at least two plans", p.url, len(tops))
		}
		for _, top := range tops {
			if top != tops[0] {
				t.Errorf("%s: the comparison's columns are not side by side (tops %v)", p.url, tops)
				break
			}
		}
	}
}
