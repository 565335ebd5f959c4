package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// watch records what a tab does that a page must not: console errors,
// uncaught exceptions, browser log errors and requests to another host.
type watch struct {
	host string

	mu       sync.Mutex
	problems []string
	external []string
	inflight map[network.RequestID]string
	last     time.Time // of the last network event
}

// watchTab starts recording the events of the tab of ctx.
func watchTab(t *testing.T, ctx context.Context, host string) *watch {
	t.Helper()
	w := &watch{host: host, inflight: map[network.RequestID]string{}, last: time.Now()}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					if a.Value != nil {
						args = append(args, string(a.Value))
					} else {
						args = append(args, a.Description)
					}
				}
				w.problems = append(w.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			w.problems = append(w.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.problems = append(w.problems, fmt.Sprintf("browser log (%s) %s: %s", ev.Entry.Source, ev.Entry.URL, ev.Entry.Text))
			}
		case *network.EventRequestWillBeSent:
			w.last = time.Now()
			if ev.Type == network.ResourceTypeDocument && string(ev.RequestID) == string(ev.LoaderID) {
				// a new document: what the old one had in flight is gone
				// without always a loadingFailed
				clear(w.inflight)
			}
			u, err := url.Parse(ev.Request.URL)
			if err != nil || u.Path != "/favicon.ico" {
				// (the browser's own favicon request may be dropped with
				// its document, with no event to say so)
				w.inflight[ev.RequestID] = ev.Request.URL
			}
			switch {
			case err != nil:
				w.external = append(w.external, ev.Request.URL+" (unparsable)")
			case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
			case u.Host != w.host || (u.Scheme != "http" && u.Scheme != "https"):
				w.external = append(w.external, ev.Request.URL)
			}
		case *network.EventLoadingFinished:
			w.last = time.Now()
			delete(w.inflight, ev.RequestID)
		case *network.EventLoadingFailed:
			w.last = time.Now()
			delete(w.inflight, ev.RequestID)
		}
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return w
}

// settle waits until the tab has had no request in flight for 60ms, so
// that requests made by scripts after the load event are seen too. It
// gives up after 5s and returns what is still in flight.
func (w *watch) settle(ctx context.Context) []string {
	deadline := time.Now().Add(5 * time.Second)
	for ctx.Err() == nil {
		w.mu.Lock()
		idle := len(w.inflight) == 0 && time.Since(w.last) > 60*time.Millisecond
		var pending []string
		if !idle && time.Now().After(deadline) {
			for _, u := range w.inflight {
				pending = append(pending, u)
			}
		}
		w.mu.Unlock()
		if idle || pending != nil {
			return pending
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

// report fails the test for every problem recorded, except those for
// which ignore returns true.
func (w *watch) report(t *testing.T, page string, ignore func(string) bool) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		if ignore == nil || !ignore(p) {
			t.Errorf("%s: %s (want no console error or exception)", page, p)
		}
	}
	for _, u := range w.external {
		t.Errorf("%s: requested %s (want requests only to %s)", page, u, w.host)
	}
}

// session is one tab that visits pages one after the other, so that the
// suite pays for opening a tab once per group of checks.
type session struct {
	ctx context.Context
	w   *watch
}

// newSession opens a tab and runs the setup actions (viewport, scripts
// off) in it; they hold for every page the tab visits.
func newSession(t *testing.T, setup ...chromedp.Action[chromedp.Void]) *session {
	t.Helper()
	ctx := tab(t)
	s := &session{ctx: ctx, w: watchTab(t, ctx, site(t).host)}
	if len(setup) > 0 {
		if err := chromedp.Do(ctx, setup...); err != nil {
			t.Fatalf("setting up the tab: %v", err)
		}
	}
	return s
}

// visit loads a page in the session's tab, waits for its requests to end,
// and returns the HTTP response of the document. The watch then holds
// only what this page did.
func (s *session) visit(t *testing.T, u string) *network.Response {
	t.Helper()
	s.w.reset()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		t.Fatalf("%s: navigating: %v", u, err)
	}
	if pending := s.w.settle(ctx); pending != nil {
		t.Logf("%s: requests still in flight 5s after load: %v", u, pending)
	}
	return resp
}

// reset forgets what the watch recorded.
func (w *watch) reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems, w.external = nil, nil
	w.inflight = map[network.RequestID]string{}
	w.last = time.Now()
}

// eval evaluates a JavaScript expression in the tab and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, page, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: evaluating %.60q: %v", page, expr, err)
	}
	return v
}

// browserPage is a page the browser tests visit.
type browserPage struct {
	name   string // "vi/plan", for messages and subtest names
	kind   string
	url    string
	status int64
}

// everyKind lists one page of every kind in both languages, then the 404
// pages and missing pages that nginx answers with them.
func everyKind(f *fixture) []browserPage {
	var ps []browserPage
	for _, lang := range langs {
		for _, kp := range kindPages {
			ps = append(ps, browserPage{lang + "/" + kp.name, kp.kind, f.url(lang, kp.path), 200})
		}
	}
	ps = append(ps,
		browserPage{"404.html", "404", f.url("", "404.html"), 200},
		browserPage{"missing", "404", f.url("vi", "no-such-page/"), 404},
		browserPage{"missing-en", "404", f.url("en", "no-such-page/"), 404},
	)
	return ps
}

// TestBrowser drives headless Chromium over the site served by nginx. Its
// groups of checks run at the same time, each in its own tab.
func TestBrowser(t *testing.T) {
	need(t, needChromium, needNginx)
	t.Parallel()
	f := served(t)
	browser(t)
	groups := []struct {
		name string
		run  func(t *testing.T, f *fixture)
	}{
		{"load", testLoad},
		{"root-and-search", testRootAndSearch},
		{"language-switch", testLanguageSwitch},
		{"search-across-languages", testSearchAcrossLanguages},
		{"item-in-view", testItemInView},
		{"no-horizontal-scroll", testNoHorizontalScroll},
		{"no-javascript", testNoJavaScript},
		{"screenshots", testScreenshots},
		{"plan-on-phone", testPlanOnPhone},
		{"compare-fits", testCompareFits},
	}
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.Run(g.name, func(t *testing.T) { g.run(t, f) })
		}()
	}
	wg.Wait()
}

// isRootFavicon tells the browser's own request for /favicon.ico at the
// root of the host: the portal's business, not the site's, and outside
// what the test nginx serves.
func isRootFavicon(f *fixture) func(string) bool {
	return func(s string) bool {
		return strings.HasPrefix(s, "browser log (network) http://"+f.host+"/favicon.ico:")
	}
}

// testLoad: every kind of page loads with no console error and requests
// nothing from another host. (a)
func testLoad(t *testing.T, f *fixture) {
	s := newSession(t)
	for _, p := range everyKind(f) {
		t.Run(p.name, func(t *testing.T) {
			resp := s.visit(t, p.url)
			if resp.Status != p.status {
				t.Errorf("%s: %s answered %d, want %d", p.name, p.url, resp.Status, p.status)
			}
			ignore := isRootFavicon(f)
			if p.status == 404 {
				// Chromium logs the 404 status of the document itself.
				ignore = func(m string) bool {
					return isRootFavicon(f)(m) ||
						strings.HasPrefix(m, "browser log (network) "+p.url+":") && strings.Contains(m, "404")
				}
			}
			s.w.report(t, p.url, ignore)
			if n := eval[int](t, s.ctx, p.name, `document.querySelectorAll('main').length`); n != 1 {
				t.Errorf("%s: %d <main> elements, want 1", p.url, n)
			}
			if title := eval[string](t, s.ctx, p.name, `document.title`); strings.TrimSpace(title) == "" {
				t.Errorf("%s: empty <title>", p.url)
			}
		})
	}
}

// testRootAndSearch: the root page sends readers to the Vietnamese home
// page, and a search in each language finds items whose links are pages
// of the site; neither logs an error or leaves the host. Part of (a).
func testRootAndSearch(t *testing.T, f *fixture) {
	s := newSession(t)
	t.Run("root", func(t *testing.T) {
		s.visit(t, f.base)
		want := f.url("vi", "")
		var got string
		// The page moves on by itself (meta refresh): evaluate with short
		// deadlines, as an evaluation can stall while the document changes.
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			ctx, cancel := context.WithTimeout(s.ctx, time.Second)
			got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
			cancel()
			if got == want {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got != want {
			t.Errorf("%s: the root page stays at %s, want it to lead to %s", f.base, got, want)
		}
		s.w.settle(s.ctx)
		s.w.report(t, f.base, isRootFavicon(f))
	})
	// Unaccented queries, as readers type them on phones, must find the
	// accented text: each names a page that must be among the results.
	searches := []struct{ lang, q, want string }{
		{"vi", "giam%20ngheo", "/asean/vi/themes/poverty-reduction/"},
		{"vi", "giam%20ngheo", "/asean/vi/plans/kien-giang-83-2017/iii-2-b/"},
		{"en", "poverty", "/asean/en/plans/kien-giang-83-2017/iii-2-b/"},
		{"vi", "Da%20Nang", "/asean/vi/plans/da-nang-3881-2021/"},
		{"en", "ASEAN", ""},
	}
	for _, sc := range searches {
		lang := sc.lang
		t.Run("search-"+lang+"-"+sc.q, func(t *testing.T) {
			u := f.url(lang, "search/?q="+sc.q)
			s.visit(t, u)
			var links []string
			for i := 0; i < 100; i++ {
				links = eval[[]string](t, s.ctx, u, `[...document.querySelectorAll('#search-results a[href]')].map(a => a.pathname)`)
				if len(links) > 0 {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			s.w.settle(s.ctx)
			s.w.report(t, u, isRootFavicon(f))
			if len(links) == 0 {
				status := eval[string](t, s.ctx, u, `(document.getElementById('search-status')||{}).textContent||''`)
				t.Fatalf("%s: no result links in #search-results after 5s (status: %q)", u, status)
			}
			if sc.want != "" && !slices.Contains(links, sc.want) {
				t.Errorf("%s: %s is not among the results %v", u, sc.want, links)
			}
			for _, l := range links {
				rel := strings.TrimPrefix(l, "/asean/")
				if strings.HasSuffix(rel, "/") || rel == "" {
					rel += "index.html"
				}
				if !strings.HasPrefix(l, "/asean/"+lang+"/") || f.pages[rel] == nil {
					t.Errorf("%s: result link %s is not a %s page of the site", u, l, lang)
				}
			}
		})
	}
}

// allResults waits for the search page's results, asks for more until
// every one is shown, and returns the paths they link to, best first.
func allResults(t *testing.T, s *session, u string) []string {
	t.Helper()
	var links []string
	for i := 0; i < 200; i++ {
		st := eval[struct {
			Links []string
			More  bool
		}](t, s.ctx, u, `({links: [...document.querySelectorAll('#search-results > li .meta a[href]')].map(a => a.pathname),
			more: !document.getElementById('search-more').hidden})`)
		if len(st.Links) > 0 && len(st.Links) == len(links) && !st.More {
			break
		}
		if len(st.Links) > len(links) && st.More {
			eval[bool](t, s.ctx, u, `(document.getElementById('search-more').click(), true)`)
		}
		links = st.Links
		time.Sleep(50 * time.Millisecond)
	}
	return links
}

// testSearchAcrossLanguages: on the English site a Vietnamese query
// without accents finds Thanh Hóa's "giảm nghèo" items, each shown with
// its province and plan; the task whose heading holds "giảm nghèo" comes
// before one holding only "giám sát" and "nghèo" apart; and the language
// switch asks the other language's search page the same question.
func testSearchAcrossLanguages(t *testing.T, f *fixture) {
	s := newSession(t)
	const plan = "plans/thanh-hoa-208-2021/"
	for _, lang := range langs {
		t.Run(lang+"-ranked", func(t *testing.T) {
			u := f.url(lang, "search/?q=giam%20ngheo")
			s.visit(t, u)
			links := allResults(t, s, u)
			s.w.settle(s.ctx)
			s.w.report(t, u, isRootFavicon(f))
			heading := slices.Index(links, "/asean/"+lang+"/"+plan+"iii-3-2-a/")
			apart := slices.Index(links, "/asean/"+lang+"/"+plan+"iii-2-1-a/")
			if heading < 0 || apart < 0 || heading > apart {
				t.Errorf("%s: Thanh Hóa's III.3.2.a (\"giảm nghèo\" in its heading) is result %d and III.2.1.a (\"giám sát\" … \"nghèo\") result %d of %v; want both, III.3.2.a first", u, heading+1, apart+1, links)
			}
			context := eval[string](t, s.ctx, u, `(() => { const a = document.querySelector('#search-results a[href$="/`+plan+`iii-3-2-a/"]');
				const p = a && a.closest('li').querySelector('p.sub'); return p ? p.textContent : ''; })()`)
			if !strings.Contains(context, "Thanh H") || !strings.Contains(context, "208/KH-UBND") {
				t.Errorf("%s: the result III.3.2.a is placed by %q, want its province and plan", u, context)
			}
		})
	}
	for _, pair := range [][2]string{{"en", "vi"}, {"vi", "en"}} {
		from, to := pair[0], pair[1]
		t.Run("switch-keeps-query-"+from+"-to-"+to, func(t *testing.T) {
			start := f.url(from, "search/?q=giam%20ngheo")
			s.visit(t, start)
			allResults(t, s, start)
			s.w.reset()
			ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
			defer cancel()
			if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("a.lang"))); err != nil {
				t.Fatalf("%s: clicking the language switch a.lang: %v", start, err)
			}
			s.w.settle(ctx)
			got := eval[string](t, s.ctx, start, `location.pathname + ' ' + new URLSearchParams(location.search).get('q')`)
			if want := "/asean/" + to + "/search/ giam ngheo"; got != want {
				t.Errorf("%s: the language switch led to %q, want %q", start, got, want)
			}
			if links := allResults(t, s, got); !slices.Contains(links, "/asean/"+to+"/"+plan+"iii-3-2-a/") {
				t.Errorf("%s after the language switch: III.3.2.a is not among the results %v", start, links)
			}
			s.w.report(t, start+" after the language switch", isRootFavicon(f))
		})
	}
}

// testLanguageSwitch: the language switch of an item page leads to the
// same item in the other language. (b)
func testLanguageSwitch(t *testing.T, f *fixture) {
	s := newSession(t)
	for _, pair := range [][2]string{{"vi", "en"}, {"en", "vi"}} {
		from, to := pair[0], pair[1]
		t.Run(from+"-to-"+to, func(t *testing.T) {
			start := f.url(from, "plans/"+testPlan+"/"+testItem+"/")
			want := f.url(to, "plans/"+testPlan+"/"+testItem+"/")
			s.visit(t, start)
			s.w.reset()
			ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
			defer cancel()
			resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("a.lang")))
			if err != nil {
				t.Fatalf("%s: clicking the language switch a.lang: %v", start, err)
			}
			s.w.settle(ctx)
			s.w.report(t, start+" after the language switch", isRootFavicon(f))
			got := eval[string](t, s.ctx, start, `location.href`)
			if got != want {
				t.Errorf("%s: the language switch a.lang led to %s, want %s", start, got, want)
			}
			if resp.Status != 200 {
				t.Errorf("%s: the language switch led to a page with status %d", start, resp.Status)
			}
			if lang := eval[string](t, s.ctx, got, `document.documentElement.lang`); lang != to {
				t.Errorf("%s: <html lang=%q> after the language switch, want %q", got, lang, to)
			}
			if sub := eval[string](t, s.ctx, got, `(document.querySelector('main h1 + p.sub')||{}).textContent||''`); !strings.Contains(sub, testItemLabel) {
				t.Errorf("%s: the line under the heading is %q after the language switch, want it to name the item %s", got, sub, testItemLabel)
			}
		})
	}
}

// The label of testItem, as its page's heading shows it.
const testItemLabel = "III.1.2.a"

// testItemInView: an item's permalink and its anchor in its plan bring
// the item into view, on a desktop and on a phone. (c)
func testItemInView(t *testing.T, f *fixture) {
	for _, vp := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
		w, h int64
	}{
		{"desktop", chromedp.EmulateViewport(1280, 800), 1280, 800},
		{"phone", phone, 360, 640},
	} {
		s := newSession(t, vp.size)
		for _, lang := range langs {
			for _, target := range []struct{ name, url, sel string }{
				{"permalink", f.url(lang, "plans/"+testPlan+"/"+testItem+"/"), "main h1"},
				{"plan-anchor", f.url(lang, "plans/"+testPlan+"/#"+testItem), "#" + testItem},
			} {
				t.Run(vp.name+"/"+lang+"/"+target.name, func(t *testing.T) {
					// a fresh document each time: a fragment-only change
					// would not reload the plan page
					s.visit(t, "about:blank")
					s.visit(t, target.url)
					s.w.report(t, target.url, isRootFavicon(f))
					js := fmt.Sprintf(`(() => {
						const e = document.querySelector(%q);
						if (!e) return "missing";
						const r = e.getBoundingClientRect();
						if (r.height === 0 && r.width === 0) return "not rendered";
						return (r.top > -2 && r.top < innerHeight && r.bottom > 0) ? "" :
							"its top is at " + Math.round(r.top) + "px, the viewport is " + innerHeight + "px high, scrolled by " + Math.round(scrollY) + "px";
					})()`, target.sel)
					// The browser may scroll to the fragment after the load event.
					var state string
					for i := 0; i < 40; i++ {
						if state = eval[string](t, s.ctx, target.url, js); state == "" {
							break
						}
						time.Sleep(50 * time.Millisecond)
					}
					if state != "" {
						t.Errorf("%s (%dx%d): %s is not in view after load: %s", target.url, vp.w, vp.h, target.sel, state)
					}
					if target.name == "permalink" {
						// the heading says what the item commits to; its
						// label is in the line below it
						if sub := eval[string](t, s.ctx, target.url, `(document.querySelector('main h1 + p.sub')||{}).textContent||''`); !strings.Contains(sub, testItemLabel) {
							t.Errorf("%s: the line under the heading is %q, want it to name the item %s", target.url, sub, testItemLabel)
						}
					}
				})
			}
		}
	}
}

// phone makes a tab a 360x640 phone held upright, which honours the
// pages' meta viewport.
var phone = chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile, chromedp.EmulatePortrait)

// testNoHorizontalScroll: at 360x640 no page scrolls sideways. (d)
func testNoHorizontalScroll(t *testing.T, f *fixture) {
	s := newSession(t, phone)
	for _, p := range everyKind(f) {
		if p.status != 200 {
			continue
		}
		t.Run(p.name, func(t *testing.T) {
			s.visit(t, p.url)
			type overflow struct {
				ScrollWidth int      `json:"sw"`
				ClientWidth int      `json:"cw"`
				Culprits    []string `json:"culprits"`
			}
			o := eval[overflow](t, s.ctx, p.name, `(() => {
				const d = document.documentElement, cw = d.clientWidth;
				const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > cw + 0.5);
				// the innermost elements that stick out
				const leaves = wide.filter(e => !wide.some(o => o !== e && e.contains(o)));
				const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
					(e.classList.length ? '.' + [...e.classList].join('.') : '');
				const path = e => { const p = []; for (let n = e; n && n !== document.body && p.length < 4; n = n.parentElement) p.unshift(name(n)); return p.join(' > '); };
				return {sw: d.scrollWidth, cw: cw, culprits: leaves.slice(0, 8).map(e =>
					path(e) + ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + 'px: ' +
					JSON.stringify((e.textContent || '').trim().slice(0, 40)) + ')')};
			})()`)
			if o.ScrollWidth > o.ClientWidth {
				t.Errorf("%s at 360x640: the page scrolls sideways: scrollWidth %d > clientWidth %d; elements that stick out:\n\t%s",
					p.url, o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, "\n\t"))
			}
		})
	}
}

// testNoJavaScript: with JavaScript disabled every page still shows its
// content and its navigation. (e)
func testNoJavaScript(t *testing.T, f *fixture) {
	noJS := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	s := newSession(t, noJS)
	for _, p := range everyKind(f) {
		t.Run(p.name, func(t *testing.T) {
			s.visit(t, p.url)
			type shown struct {
				Main     string `json:"main"`
				MainText int    `json:"mainText"`
				Nav      string `json:"nav"`
				NavLinks int    `json:"navLinks"`
				NoJSHelp string `json:"noJSHelp"`
			}
			// DevTools evaluation still runs with the page's scripts off.
			st := eval[shown](t, s.ctx, p.name, `(() => {
				const vis = e => {
					if (!e) return "missing";
					const st = getComputedStyle(e), r = e.getBoundingClientRect();
					if (st.display === 'none' || st.visibility === 'hidden' || e.closest('[hidden]')) return "hidden";
					if (r.width === 0 || r.height === 0) return "of no size";
					return "";
				};
				const main = document.querySelector('main');
				const nav = document.querySelector('header nav');
				const links = nav ? [...nav.querySelectorAll('a[href]')].filter(a => vis(a) === "") : [];
				return {main: vis(main), mainText: main ? main.innerText.trim().length : 0,
					nav: vis(nav), navLinks: links.length,
					noJSHelp: vis(document.getElementById('search-nojs'))};
			})()`)
			if st.Main != "" {
				t.Errorf("%s without JavaScript: <main> is %s", p.url, st.Main)
			} else if st.MainText < 20 {
				t.Errorf("%s without JavaScript: <main> shows %d characters of text, want its content", p.url, st.MainText)
			}
			if st.Nav != "" {
				t.Errorf("%s without JavaScript: the navigation (header nav) is %s", p.url, st.Nav)
			} else if st.NavLinks < 3 {
				t.Errorf("%s without JavaScript: the navigation shows %d links, want at least 3", p.url, st.NavLinks)
			}
			if p.kind == "search" && st.NoJSHelp != "" {
				// search.js hides this help; with scripts off it must show.
				t.Errorf("%s without JavaScript: the help for readers without JavaScript (#search-nojs) is %s", p.url, st.NoJSHelp)
			}
		})
	}
}

// axeViolation is what the suite reads of an axe-core violation.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// TestAxe runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on one page
// of every kind in both languages and on the 404 page. It is not a
// parallel test: it runs first, while the Nu checker runs beside it.
func TestAxe(t *testing.T) {
	need(t, needChromium, needNginx, needNodeModules)
	f := served(t)
	src, err := os.ReadFile(filepath.Join(f.root, "tests", axeJS))
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	checked := 0
	for _, p := range everyKind(f) {
		if p.status != 200 {
			continue
		}
		t.Run(p.name, func(t *testing.T) {
			s.visit(t, p.url)
			ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
			defer cancel()
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
				t.Fatalf("%s: injecting axe-core: %v", p.url, err)
			}
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {
					runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
					resultTypes: ['violations']
				}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
					nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
						summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)}))})))`,
				chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: running axe-core: %v", p.url, err)
			}
			checked++
			for _, v := range vs {
				for i, n := range v.Nodes {
					if i == 5 {
						t.Errorf("%s: axe %s: and %d more elements", p.url, v.ID, len(v.Nodes)-5)
						break
					}
					t.Errorf("%s: axe %s (%s): %s\n\ttarget: %s\n\thtml: %s\n\t%s", p.url, v.ID, v.Impact, v.Help, n.Target, n.HTML, n.Summary)
				}
			}
		})
	}
	t.Logf("axe-core checked %d pages", checked)
}
