package serve

import (
	"bufio"
	"context"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sitegen"
	"sitegen/internal/browsertest"
	"sitegen/internal/sitetest"
)

// start serves a copy of the valid fixture and returns its address and
// content directory.
func start(t *testing.T) (string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	for name, f := range sitetest.Fixture(t, "valid") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Options{ContentDir: dir, Theme: sitegen.Theme, Addr: "127.0.0.1:0", Log: log.New(io.Discard, "", 0)}, ready)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr, dir
	case err := <-done:
		t.Fatal(err)
	}
	return "", ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServe(t *testing.T) {
	base, dir := start(t)
	code, page := get(t, base+"/vi/plans/sample-1-2021/i-2-a/")
	if code != 200 || !strings.Contains(page, `<script src="/_sitegen/reload.js"></script>`) {
		t.Fatalf("item page: %d, reload script present: %v", code, strings.Contains(page, "reload.js"))
	}
	if code, _ := get(t, base+"/vi/plans/missing/"); code != 404 {
		t.Errorf("a missing page answers %d", code)
	}
	for _, p := range []string{"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/site.yaml", "/plans/sample-1-2021.yaml"} {
		if code, body := get(t, base+p); code != 404 || strings.Contains(body, "root:") {
			t.Errorf("%s answers %d", p, code)
		}
	}

	// A change reaches listening pages as a reload event.
	resp, err := http.Get(base + Reloaded)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	events.ReadString('\n') // ": connected"
	edit(t, filepath.Join(dir, "plans", "sample-1-2021.yaml"), "en: Organise cultural exchanges.", "en: Organise cultural exchanges every year.")
	got := make(chan string, 1)
	go func() {
		for {
			line, err := events.ReadString('\n')
			if err != nil || strings.HasPrefix(line, "event: reload") {
				got <- line
				return
			}
		}
	}()
	select {
	case line := <-got:
		if !strings.HasPrefix(line, "event: reload") {
			t.Fatalf("events ended: %q", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event after an edit")
	}
	if _, page := get(t, base+"/en/plans/sample-1-2021/i-2-a/"); !strings.Contains(page, "every year") {
		t.Error("the edited text is not served")
	}
}

// TestLiveReloadInBrowser opens a page in Chromium, edits the content,
// and waits for the page to reload with the change; then makes an
// invalid edit and waits for the error in the page.
func TestLiveReloadInBrowser(t *testing.T) {
	browser := browsertest.New(t)
	base, dir := start(t)
	ctx, cancel := context.WithTimeout(browser.Tab(t), 60*time.Second)
	defer cancel()

	plan := filepath.Join(dir, "plans", "sample-1-2021.yaml")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/plans/sample-1-2021/i-2-a/")); err != nil {
		t.Fatal(err)
	}
	// until waits for a JavaScript condition to hold in the page.
	until := func(what, cond string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: %s never held", what, cond)
	}
	textIs := func(s string) string {
		return `(function(){var e=document.querySelector("main h1");return !!e && e.textContent === ` + strconv.Quote(s) + `;}())`
	}
	until("the first load", textIs("Organise cultural exchanges."))
	time.Sleep(300 * time.Millisecond) // let the page subscribe to reloads
	edit(t, plan, "en: Organise cultural exchanges.", "en: Organise cultural exchanges each year.")
	until("a valid edit", textIs("Organise cultural exchanges each year."))
	time.Sleep(300 * time.Millisecond)
	edit(t, plan, "lead: [dolisa]", "lead: [dolisaa]")
	until("an invalid edit", `!!document.querySelector("#sitegen-errors pre")`)
	banner, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#sitegen-errors pre").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(banner, `sample-1-2021.yaml:28: section "i-1": lead agency "dolisaa" is not defined`) {
		t.Errorf("banner says %q", banner)
	}
	time.Sleep(300 * time.Millisecond)
	edit(t, plan, "lead: [dolisaa]", "lead: [dolisa]")
	until("fixing the file", `document.querySelector("#sitegen-errors") === null && !!document.querySelector("main h1")`)
}

// TestServeAnswersOnlyItself: a redirect never leaves the server, and a
// request whose Host header names another server (a domain rebound to
// 127.0.0.1 by a web page) is refused.
func TestServeAnswersOnlyItself(t *testing.T) {
	base, _ := start(t)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range []struct{ path, location string }{
		{"/%2Fevil.example%2F..%2Fvi", "/vi/"},
		{"//evil.example/../vi", "/vi/"},
		{"/vi/plans", "/vi/plans/"},
	} {
		resp, err := client.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != tc.location {
			t.Errorf("%s: %d Location %q, want 301 %q", tc.path, resp.StatusCode, resp.Header.Get("Location"), tc.location)
		}
	}
	port := base[strings.LastIndex(base, ":")+1:]
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        200,
		"localhost:" + port:        200,
		"LOCALHOST":                200,
		"[::1]:" + port:            200,
		"evil.example":             http.StatusMisdirectedRequest,
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
		"192.168.1.5:" + port:      http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest("GET", base+"/vi/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}
	// listening on every address, any address is its own, never a name
	s := &Server{opts: Options{Addr: "0.0.0.0:8080"}}
	if !s.hostAllowed("192.168.1.5:8080") || s.hostAllowed("evil.example:8080") {
		t.Error("on 0.0.0.0: an address refused or a name allowed")
	}
	if s := (&Server{opts: Options{Addr: "preview.lan:8080"}}); !s.hostAllowed("preview.lan:8080") {
		t.Error("the -addr host is refused")
	}
}

// TestServeRecovers saves a file whose aliases expand without end, then
// fixes it, then saves it again and deletes it: the preview reports the
// error within the load's bounds, keeps the last good site meanwhile, and
// recovers each time.
func TestServeRecovers(t *testing.T) {
	base, dir := start(t)
	waitFor := func(what string, cond func(code int, body string) bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if cond(get(t, base+"/vi/plans/sample-1-2021/")) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s: never happened", what)
	}
	plan := filepath.Join(dir, "plans", "sample-1-2021.yaml")
	good, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for c := 'b'; c <= 'i'; c++ {
		laughs += string(c) + ": &" + string(c) + " [" + strings.TrimSuffix(strings.Repeat("*"+string(c-1)+", ", 10), ", ") + "]\n"
	}
	bad := filepath.Join(dir, "plans", "laughs.yaml")
	for _, step := range []struct {
		what string
		do   func() error
		err  bool
	}{
		{"a self-referencing alias", func() error {
			return os.WriteFile(plan, []byte(strings.Replace(string(good), "sections:\n", "sections: &s\n  - id: loop\n    sections: *s\n", 1)), 0o644)
		}, true},
		{"fixing it", func() error { return os.WriteFile(plan, good, 0o644) }, false},
		{"a billion laughs in a new file", func() error { return os.WriteFile(bad, []byte(laughs), 0o644) }, true},
		{"deleting it", func() error { return os.Remove(bad) }, false},
	} {
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		waitFor(step.what, func(code int, body string) bool {
			shown := code == 200 && strings.Contains(body, "Kế hoạch mẫu")
			return shown && strings.Contains(body, `id="sitegen-errors"`) == step.err
		})
	}
}
