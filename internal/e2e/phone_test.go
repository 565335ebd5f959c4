package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sitegen/internal/build"
)

// The limits a plan's page keeps on a phone (360 px wide): its bytes,
// how far down its first task is, and its height with the sections
// folded as it opens.
const (
	maxPlanBytes    = 100_000
	maxFirstTaskTop = 1_500
	maxPlanHeight   = 15_000
)

// testPlanOnPhone: the largest plan's page reads on a phone: small, its
// first task within two screens of the top, its contents folded. It also
// logs, for every page kind, the largest page's bytes and height at
// 360 px, the figures the design is judged by.
func testPlanOnPhone(t *testing.T, f *fixture) {
	site, problems := build.Check(os.DirFS(filepath.Join(f.root, "content")))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	firstTask := ""
	for _, p := range site.Plans {
		if p.ID != testPlan {
			continue
		}
		for _, it := range p.Items {
			if it.Kind.IsTask() {
				firstTask = it.ID
				break
			}
		}
	}
	if firstTask == "" {
		t.Fatalf("plan %s has no task", testPlan)
	}
	s := newSession(t, phone)
	for _, lang := range langs {
		rel := lang + "/plans/" + testPlan + "/index.html"
		if n := len(f.pages[rel]); n > maxPlanBytes {
			t.Errorf("%s is %d bytes, more than %d", rel, n, maxPlanBytes)
		}
		u := f.url(lang, "plans/"+testPlan+"/")
		s.visit(t, u)
		type layout struct {
			Height float64 `json:"h"`
			Top    float64 `json:"top"`
		}
		l := eval[layout](t, s.ctx, u, fmt.Sprintf(`(() => {
			const e = document.getElementById(%q);
			const r = e ? e.getBoundingClientRect() : null;
			return {h: document.documentElement.scrollHeight, top: r && r.height > 0 ? r.top + scrollY : -1};
		})()`, firstTask))
		switch {
		case l.Top < 0:
			t.Errorf("%s at 360 px: the first task %q is folded away", u, firstTask)
		case l.Top > maxFirstTaskTop:
			t.Errorf("%s at 360 px: the first task %q is %.0f px down, more than %d", u, firstTask, l.Top, maxFirstTaskTop)
		}
		if l.Height > maxPlanHeight {
			t.Errorf("%s at 360 px is %.0f px tall, more than %d", u, l.Height, maxPlanHeight)
		}
		t.Logf("%s at 360 px: %d bytes, %.0f px tall, first task at %.0f px", rel, len(f.pages[rel]), l.Height, l.Top)
	}
	// the largest page of each kind, in each language
	largest := map[string]string{}
	for rel, b := range f.pages {
		lang, _, ok := strings.Cut(rel, "/")
		if !ok || (lang != "vi" && lang != "en") || !strings.HasSuffix(rel, "/index.html") {
			continue
		}
		k := lang + " " + KindOf(rel)
		if len(b) > len(f.pages[largest[k]]) {
			largest[k] = rel
		}
	}
	var keys []string
	for k := range largest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var rows []string
	for _, k := range keys {
		rel := largest[k]
		u := f.base + strings.TrimSuffix(rel, "index.html")
		s.visit(t, u)
		h := eval[float64](t, s.ctx, u, `document.documentElement.scrollHeight`)
		rows = append(rows, fmt.Sprintf("%-22s %-62s %7d B %7.0f px", k, rel, len(f.pages[rel]), h))
	}
	t.Logf("the largest page of each kind at 360 px:\n%s", strings.Join(rows, "\n"))
}

// testCompareFits: at 1280 px a comparison's table shows every column
// whole: no column is cut off at the page's edge.
func testCompareFits(t *testing.T, f *fixture) {
	s := newSession(t, chromedp.EmulateViewport(1280, 800))
	for _, p := range everyKind(f) {
		if !strings.HasPrefix(p.kind, "compare-") || p.status != 200 {
			continue
		}
		s.visit(t, p.url)
		type width struct {
			Right float64 `json:"right"`
			View  float64 `json:"view"`
		}
		w := eval[width](t, s.ctx, p.url, `(() => {
			const tb = document.querySelector('table.side-by-side');
			return {right: tb ? tb.getBoundingClientRect().right : 0, view: document.documentElement.clientWidth};
		})()`)
		if w.Right == 0 {
			t.Errorf("%s: no comparison table", p.url)
		}
		if w.Right > w.View {
			t.Errorf("%s at 1280 px: the table ends at %.0f px, past the window's %.0f px", p.url, w.Right, w.View)
		}
	}
}
