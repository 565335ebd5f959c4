// Package browsertest starts headless Chromium for the tests that drive
// a browser (internal/e2e, internal/serve), so that they all run it with
// the same flags and treat its absence by the same rule: skipped outside
// CI, failed in CI (sitetest.Missing).
package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"sitegen/internal/sitetest"
)

// install says how to get the browser the tests run: Debian's package.
const install = "apt-get install chromium"

// Path returns the path of Chromium, the chromium command that Debian's
// package installs.
func Path() (string, error) { return exec.LookPath("chromium") }

// Need returns the path of Chromium, or stops the test when it is not
// installed.
func Need(t testing.TB) string {
	t.Helper()
	path, err := Path()
	if err != nil {
		sitetest.Missing(t, "Chromium (chromium)", install)
	}
	return path
}

// Browser is one running headless Chromium.
type Browser struct {
	ctx    context.Context
	cancel context.CancelFunc
	out    lockedBuffer
}

// options are chromedp's defaults (headless, no first-run page, no
// background networking or sync) and: no sandbox, which needs privileges
// that containers and CI machines lack; no GPU; no QUIC, so that every
// request is plain HTTP; and no component updates, so that the only
// requests are those of the pages a test opens.
func options(path, dataDir string, out *lockedBuffer) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(dataDir),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(out),
	)
}

// Start starts Chromium, found at path, with its profile in dataDir (a
// directory the caller removes after Stop). The browser runs until Stop.
func Start(path, dataDir string) (*Browser, error) {
	b := &Browser{}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), options(path, dataDir, &b.out)...)
	ctx, cancel := chromedp.NewContext(alloc)
	b.ctx = ctx
	b.cancel = func() { cancel(); cancelAlloc() }
	// The first action on a context starts the browser, which lives as
	// long as the context of that action: so no deadline here.
	if err := chromedp.Do(ctx); err != nil {
		b.Stop()
		return nil, fmt.Errorf("starting %s: %v\nit said:\n%s", path, err, b.Output())
	}
	return b, nil
}

// New starts a browser for one test and stops it when the test ends. It
// stops the test when Chromium is missing or does not start.
func New(t testing.TB) *Browser {
	t.Helper()
	path := Need(t)
	b, err := Start(path, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Stop)
	return b
}

// Tab opens a new tab, closed when the test ends. The tab's context has
// no deadline: each action sets its own.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	// As in Start: the tab lives as long as the context of its first
	// action.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// Output is what the browser has printed so far.
func (b *Browser) Output() string { return b.out.String() }

// Stop ends the browser and its tabs.
func (b *Browser) Stop() { b.cancel() }

// lockedBuffer is a bytes.Buffer that the browser's output can be
// written to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
