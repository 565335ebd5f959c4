package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// bareID is what a heading looks like when it shows an id instead of
// words: "group-0", "objective-1".
var bareID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)

// testScreenshots takes a full-page screenshot of every kind of page in
// both languages at 1280 and 360 px wide, as a reader sees it, into
// $SITEGEN_SCREENSHOTS (or the suite's temporary folder: never the
// repository), and checks what a reader would notice first: a heading
// in words, chart labels that are neither cut nor smaller than 12 px,
// and comparison columns that stand side by side.
func testScreenshots(t *testing.T, f *fixture) {
	dir := os.Getenv("SITEGEN_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(f.tmp, "screenshots")
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
	t.Logf("screenshots in %s", dir)
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
