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
