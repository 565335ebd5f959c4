package e2e

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sitegen/internal/sitetest"
)

func itoa(n int) string { return strconv.Itoa(n) }

// TestLinks follows every internal href and src of every page, anchors
// included, to a file of the output; then asks nginx for every target.
func TestLinks(t *testing.T) {
	t.Parallel()
	f := site(t)
	rep := sitetest.CheckLinks(f.out, f.pages, "/asean/", f.host)
	for _, p := range rep.Problems {
		t.Error(p)
	}
	targets, followed := rep.Targets, rep.Followed
	t.Logf("followed %d links in %d pages to %d files", followed, len(f.pages), len(targets))

	t.Run("served", func(t *testing.T) {
		served(t)
		var list []string
		for target := range targets {
			list = append(list, target)
		}
		sort.Strings(list)
		client := &http.Client{Timeout: 10 * time.Second}
		work := make(chan string)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for target := range work {
					u := f.base + strings.TrimSuffix(target, "index.html")
					resp, err := client.Head(u)
					mu.Lock()
					if err != nil {
						t.Errorf("HEAD %s (linked from %s): %v", u, targets[target], err)
					} else if resp.StatusCode != http.StatusOK {
						t.Errorf("HEAD %s (linked from %s): %s from nginx, want 200 OK", u, targets[target], resp.Status)
					}
					mu.Unlock()
					if err == nil {
						resp.Body.Close()
					}
				}
			}()
		}
		for _, target := range list {
			work <- target
		}
		close(work)
		wg.Wait()
		t.Logf("nginx served all %d linked files", len(list))
	})
}

// The budgets.
const (
	cssBudget  = 15 * 1024 // all CSS under /assets, bytes before compression
	jsBudget   = 15 * 1024 // all JavaScript under /assets
	itemBudget = 30 * 1024 // the HTML of one item page
)

var (
	// a start tag and its attributes
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*/?>`)
	attr     = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
	// a reference to a host: a scheme-relative or absolute URL
	hostRef = regexp.MustCompile(`(?i)(?:\b[a-z][a-z0-9+.-]*:)?//([a-z0-9._~%-]+(?::[0-9]+)?)`)
	// url(...) and @import in CSS
	cssRef = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)
)

// TestBudgets checks what every page may weigh and refer to.
func TestBudgets(t *testing.T) {
	t.Parallel()
	f := site(t)

	t.Run("hosts", func(t *testing.T) {
		for _, p := range f.sortedPages() {
			for _, tag := range startTag.FindAllStringSubmatch(string(f.pages[p]), -1) {
				name := strings.ToLower(tag[1])
				attrs := map[string]string{}
				for _, a := range attr.FindAllStringSubmatch(tag[2], -1) {
					attrs[strings.ToLower(a[1])] = a[2] + a[3] + a[4]
				}
				rel := " " + strings.ToLower(attrs["rel"]) + " "
				// Canonical and alternate links, and meta data such as
				// Open Graph's og:url, need the site's absolute address.
				absOK := func(an string) bool {
					return name == "link" && an == "href" && (strings.Contains(rel, " canonical ") || strings.Contains(rel, " alternate ")) ||
						name == "meta" && an == "content"
				}
				// The outside addresses the data holds (where a source can
				// be checked, an update's evidence, where a change was read)
				// are links marked as outside references: a reader may
				// follow one, and the page loads nothing from it.
				outside := name == "a" && strings.Contains(rel, " external ")
				for an, av := range attrs {
					if an == "xmlns" || strings.HasPrefix(an, "xmlns:") {
						continue // a namespace name, not a reference
					}
					for _, m := range hostRef.FindAllStringSubmatch(av, -1) {
						host := strings.ToLower(m[1])
						switch {
						case outside && an == "href" && host != f.host:
						case host != f.host:
							t.Errorf("%s: <%s %s=%q> refers to the host %s (want no reference to another host)", p, name, an, av, host)
						case !absOK(an):
							t.Errorf("%s: <%s %s=%q> carries the site's own address (want root-relative links; only canonical and alternate links and meta data are absolute)", p, name, an, av)
						}
					}
					if an == "style" {
						checkCSSRefs(t, f, p, av)
					}
				}
			}
		}
		for rel := range f.assets {
			if strings.HasSuffix(rel, ".css") {
				b, err := os.ReadFile(filepath.Join(f.out, filepath.FromSlash(rel)))
				if err != nil {
					t.Fatal(err)
				}
				checkCSSRefs(t, f, rel, string(b))
			}
		}
	})

	t.Run("assets", func(t *testing.T) {
		var css, js int64
		var cssFiles, jsFiles []string
		for rel, size := range f.assets {
			switch path.Ext(rel) {
			case ".css":
				css += size
				cssFiles = append(cssFiles, fmt.Sprintf("%s (%d bytes)", rel, size))
			case ".js", ".mjs":
				js += size
				jsFiles = append(jsFiles, fmt.Sprintf("%s (%d bytes)", rel, size))
			}
		}
		sort.Strings(cssFiles)
		sort.Strings(jsFiles)
		t.Logf("CSS under /assets: %d bytes in %v", css, cssFiles)
		t.Logf("JS under /assets: %d bytes in %v", js, jsFiles)
		if css > cssBudget {
			t.Errorf("CSS under /asean/assets/ totals %d bytes, want at most %d (15 KiB): %v", css, cssBudget, cssFiles)
		}
		if js > jsBudget {
			t.Errorf("JavaScript under /asean/assets/ totals %d bytes, want at most %d (15 KiB): %v", js, jsBudget, jsFiles)
		}
		// CSS or JS elsewhere would escape the budget and the long cache.
		filepath.WalkDir(f.out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(f.out, p)
			rel = filepath.ToSlash(rel)
			if ext := path.Ext(rel); (ext == ".css" || ext == ".js" || ext == ".mjs") && !strings.HasPrefix(rel, "assets/") {
				t.Errorf("%s: a stylesheet or script outside /asean/assets/ (want every one fingerprinted under assets/)", rel)
			}
			return nil
		})
	})

	t.Run("pages", func(t *testing.T) {
		largest := map[string]string{}
		count := map[string]int{}
		for _, p := range f.sortedPages() {
			k := KindOf(p)
			count[k]++
			if len(f.pages[p]) > len(f.pages[largest[k]]) {
				largest[k] = p
			}
			if k == "item" && len(f.pages[p]) > itemBudget {
				t.Errorf("%s: item page of %d bytes, want at most %d (30 KiB)", p, len(f.pages[p]), itemBudget)
			}
		}
		var kinds []string
		for k := range largest {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			t.Logf("%-16s %4d pages, largest %7d bytes: %s", k, count[k], len(f.pages[largest[k]]), largest[k])
		}
	})
}

// checkCSSRefs fails for any url() or @import of CSS that names a host.
func checkCSSRefs(t *testing.T, f *fixture, where, css string) {
	t.Helper()
	for _, m := range cssRef.FindAllStringSubmatch(css, -1) {
		ref := m[1] + m[2]
		if strings.HasPrefix(strings.ToLower(ref), "data:") {
			continue
		}
		if hostRef.MatchString(ref) {
			t.Errorf("%s: CSS refers to %q (want no reference to another host)", where, ref)
		}
	}
}

// TestNginx checks what deploy/nginx.conf sends: content types, caching,
// the 404 page and redirects.
func TestNginx(t *testing.T) {
	t.Parallel()
	f := served(t)
	client := &http.Client{
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	get := func(t *testing.T, p string) (*http.Response, []byte) {
		t.Helper()
		resp, err := client.Get(f.base + p)
		if err != nil {
			t.Fatalf("GET /asean/%s: %v", p, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET /asean/%s: %v", p, err)
		}
		return resp, body
	}
	const immutable = "public, max-age=31536000, immutable"
	maxAge := regexp.MustCompile(`max-age=(\d+)`)
	shortCache := func(t *testing.T, p string, resp *http.Response) {
		t.Helper()
		cc := resp.Header.Get("Cache-Control")
		short := strings.Contains(cc, "no-cache")
		if m := maxAge.FindStringSubmatch(cc); m != nil {
			n, err := strconv.Atoi(m[1])
			short = err == nil && n <= 3600
		}
		if !short || strings.Contains(cc, "immutable") {
			t.Errorf("GET /asean/%s: Cache-Control %q, want a short cache (max-age of at most an hour, or no-cache)", p, cc)
		}
	}

	// One file of each extension in the output, with the type it must have.
	wantType := map[string]string{
		".html": "text/html; charset=utf-8",
		".css":  "text/css; charset=utf-8",
		".js":   "application/javascript; charset=utf-8",
		".mjs":  "application/javascript; charset=utf-8",
		".json": "application/json; charset=utf-8",
		".csv":  "text/csv; charset=utf-8",
		".xml":  "application/xml; charset=utf-8",
		".txt":  "text/plain; charset=utf-8",
		".svg":  "image/svg+xml; charset=utf-8",
		".png":  "image/png",
		".ico":  "image/x-icon",
		".webp": "image/webp",
		".bin":  "application/octet-stream",
	}
	sample := map[string]string{}
	filepath.WalkDir(f.out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(f.out, p)
		ext := strings.ToLower(filepath.Ext(rel))
		if rel == "nginx-redirects.conf" || strings.HasPrefix(filepath.Base(rel), ".") {
			return nil // for nginx and sitegen, not served: see the subtest private
		}
		if _, ok := sample[ext]; !ok {
			sample[ext] = filepath.ToSlash(rel)
		}
		return nil
	})
	for _, must := range []string{".html", ".css", ".json", ".csv"} {
		if sample[must] == "" {
			t.Errorf("the output has no %s file to serve", must)
		}
	}
	t.Run("types", func(t *testing.T) {
		for ext, p := range sample {
			resp, _ := get(t, p)
			want, known := wantType[ext]
			got := resp.Header.Get("Content-Type")
			switch {
			case resp.StatusCode != 200:
				t.Errorf("GET /asean/%s: %s, want 200", p, resp.Status)
			case !known:
				t.Errorf("GET /asean/%s: the output has %s files, which the suite has no content type for (nginx sent %q): add it to deploy/nginx.conf and to wantType", p, ext, got)
			case got != want:
				t.Errorf("GET /asean/%s: Content-Type %q, want %q", p, got, want)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET /asean/%s: X-Content-Type-Options %q, want nosniff", p, resp.Header.Get("X-Content-Type-Options"))
			}
		}
	})
	t.Run("cache", func(t *testing.T) {
		for rel := range f.assets {
			resp, _ := get(t, rel)
			if cc := resp.Header.Get("Cache-Control"); cc != immutable {
				t.Errorf("GET /asean/%s: Cache-Control %q, want %q", rel, cc, immutable)
			}
		}
		for _, p := range []string{"", "vi/", "en/plans/" + testPlan + "/", "404.html", "data/items.csv"} {
			resp, _ := get(t, p)
			shortCache(t, p, resp)
		}
	})
	t.Run("404", func(t *testing.T) {
		// A missing address under a language is answered in that
		// language; any other in both.
		for _, tc := range []struct{ path, page string }{
			{"vi/no-such-page/", "vi/404.html"},
			{"en/plans/no-such-plan/", "en/404.html"},
			{"no-such-file.html", "404.html"},
			{"assets/no-such.css", "404.html"},
		} {
			p, want := tc.path, f.pages[tc.page]
			resp, body := get(t, p)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET /asean/%s: %s, want 404", p, resp.Status)
			}
			if len(want) == 0 || string(body) != string(want) {
				t.Errorf("GET /asean/%s: the body is not the site's %s (%d bytes, want %d)", p, tc.page, len(body), len(want))
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET /asean/%s: Content-Type %q, want text/html; charset=utf-8", p, ct)
			}
			if cc := resp.Header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
				t.Errorf("GET /asean/%s: a 404 with Cache-Control %q, want no long cache", p, cc)
			}
		}
	})
	t.Run("private", func(t *testing.T) {
		// nginx-redirects.conf is for nginx, not for readers.
		for _, p := range []string{"nginx-redirects.conf", ".sitegen-output"} {
			if resp, _ := get(t, p); resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET /asean/%s: %s, want 404", p, resp.Status)
			}
		}
	})
	t.Run("redirects", func(t *testing.T) {
		cases := []struct{ path, want string }{
			{"/asean", "/asean/"},
			{"/asean/vi", "/asean/vi/"},
			{"/asean/en/plans/" + testPlan, "/asean/en/plans/" + testPlan + "/"},
		}
		// the moved items that the build told nginx about
		if conf, err := os.ReadFile(filepath.Join(f.out, "nginx-redirects.conf")); err == nil {
			rules := regexp.MustCompile(`(?m)^rewrite \^(\S+)\$ (\S+) permanent;$`).FindAllStringSubmatch(string(conf), -1)
			for i, m := range rules {
				if i == 4 {
					break
				}
				cases = append(cases, struct{ path, want string }{strings.ReplaceAll(m[1], `\`, ""), m[2]})
			}
			t.Logf("nginx-redirects.conf has %d redirects", len(rules))
		}
		for _, tc := range cases {
			resp, err := client.Get("http://" + f.host + tc.path)
			if err != nil {
				t.Fatalf("GET %s: %v", tc.path, err)
			}
			resp.Body.Close()
			loc := strings.TrimPrefix(resp.Header.Get("Location"), "http://"+f.host)
			if resp.StatusCode != http.StatusMovedPermanently || loc != tc.want {
				t.Errorf("GET %s: %s to %q, want 301 to %s", tc.path, resp.Status, resp.Header.Get("Location"), tc.want)
			}
		}
	})
}
