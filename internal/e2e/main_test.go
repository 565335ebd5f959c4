package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sitegen"
	"sitegen/internal/browsertest"
	"sitegen/internal/build"
	"sitegen/internal/manifest"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// The tools the suite runs, where Debian installs them (Chromium: see
// internal/browsertest).
const (
	nginxPath   = "/usr/sbin/nginx"
	installHint = "apt-get install chromium nginx-light default-jre-headless; (cd tests && npm ci)"
)

// The files of tests/node_modules that the suite uses.
var (
	vnuJar = filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	axeJS  = filepath.Join("node_modules", "axe-core", "axe.min.js")
)

// kindPages is one page of every page kind, as a path under a language.
// The ids are real ones from content/; TestKindsCovered fails when the
// manifest gains a kind that has no page here.
var kindPages = []struct{ name, kind, path string }{
	{"home", "home", ""},
	{"plans", "plans", "plans/"},
	{"plan", "plan", "plans/thanh-hoa-208-2021/"},
	{"source", "source", "plans/thanh-hoa-208-2021/source/"},
	{"source-print-layout", "source", "plans/da-nang-3881-2021/source/"},
	{"item", "item", "plans/thanh-hoa-208-2021/iii-1-2-a/"},
	{"provinces", "provinces", "provinces/"},
	{"province", "province", "provinces/thanh-hoa/"},
	{"province-agency", "province-agency", "provinces/thanh-hoa/agencies/dic/"},
	{"agencies", "agencies", "agencies/"},
	{"agency", "agency", "agencies/dic/"},
	{"pillars", "pillars", "pillars/"},
	{"pillar", "pillar", "pillars/inclusive/"},
	{"themes", "themes", "themes/"},
	{"theme", "theme", "themes/awareness/"},
	{"compare", "compare", "compare/"},
	{"compare-pillar", "compare-pillar", "compare/pillars/inclusive/"},
	{"compare-theme", "compare-theme", "compare/themes/awareness/"},
	{"compare-agency", "compare-agency", "compare/agencies/dic/"},
	{"glossary", "glossary", "glossary/"},
	{"search", "search", "search/"},
	{"about", "page", "about/"},
	{"methodology", "page", "methodology/"},
	{"framework", "framework", "frameworks/ascc-2026-2035/"},
	{"framework-ended", "framework", "frameworks/de-an-161/"},
}

// The plan and item that the item tests use.
const (
	testPlan = "thanh-hoa-208-2021"
	testItem = "iii-1-2-a"
)

var langs = []string{"vi", "en"}

// fixture is the built site and the nginx that serves it, shared by every
// test of the package.
type fixture struct {
	root   string            // the repository
	tmp    string            // everything the suite writes
	out    string            // the built site (served as /asean/)
	port   int               // nginx's port on 127.0.0.1
	host   string            // "127.0.0.1:PORT"
	base   string            // "http://127.0.0.1:PORT/asean/"
	pages  map[string][]byte // every .html file of out, by slash path
	kinds  []manifest.Kind   // every kind of page the manifest plans
	assets map[string]int64  // files under assets/, with their sizes
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error

	nginxOnce sync.Once
	nginxErr  error
	nginxCmd  *exec.Cmd
	nginxLog  syncBuffer
	nginxDone chan struct{}

	browserOnce sync.Once
	theBrowser  *browsertest.Browser
	browserErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopVNU() // before the output it reads is removed
	stopBrowser()
	stopNginx()
	if fix != nil && fix.tmp != "" {
		os.RemoveAll(fix.tmp)
	}
	os.Exit(code)
}

// tool is something a test needs from outside Go.
type tool int

const (
	needChromium tool = iota
	needNginx
	needJava
	needNode
	needNodeModules
)

// need skips the test (fails it in CI) when a tool it needs is missing,
// naming all that are.
func need(t *testing.T, tools ...tool) {
	t.Helper()
	var missing []string
	for _, tl := range tools {
		switch tl {
		case needChromium:
			if _, err := browsertest.Path(); err != nil {
				missing = append(missing, "chromium")
			}
		case needNginx:
			if _, err := os.Stat(nginxPath); err != nil {
				missing = append(missing, nginxPath)
			}
		case needJava:
			if _, err := exec.LookPath("java"); err != nil {
				missing = append(missing, "java")
			}
		case needNode:
			if _, err := exec.LookPath("node"); err != nil {
				missing = append(missing, "node")
			}
		case needNodeModules:
			dir := filepath.Join(sitetest.Root(), "tests")
			for _, f := range []string{vnuJar, axeJS, "node_modules/ajv/dist/2020.js", "node_modules/ajv-formats/package.json"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					missing = append(missing, "tests/"+filepath.ToSlash(f))
				}
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	sitetest.Missing(t, strings.Join(missing, ", "), installHint)
}

// haveVNU tells whether the Nu checker can run.
func haveVNU() bool {
	_, err1 := exec.LookPath("java")
	_, err2 := os.Stat(filepath.Join(sitetest.Root(), "tests", vnuJar))
	return err1 == nil && err2 == nil
}

// site builds the real site once, for a base URL on a free loopback port.
func site(t *testing.T) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		fix, fixErr = buildSite()
		if fixErr == nil && haveVNU() {
			startVNU(fix) // the slowest check: start it now, read it in TestHTMLValid
		}
	})
	if fixErr != nil {
		t.Fatalf("building the real site: %v", fixErr)
	}
	return fix
}

func buildSite() (*fixture, error) {
	f := &fixture{root: sitetest.Root()}
	tmp, err := os.MkdirTemp("", "sitegen-e2e-")
	if err != nil {
		return nil, err
	}
	f.tmp = tmp
	fix = f // so that TestMain removes tmp whatever happens next
	// nginx's workers may run as another user: let them read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	f.port, err = freePort()
	if err != nil {
		return nil, err
	}
	f.host = "127.0.0.1:" + strconv.Itoa(f.port)
	f.base = "http://" + f.host + "/asean/"
	f.out = filepath.Join(tmp, "www", "asean")
	content := os.DirFS(filepath.Join(f.root, "content"))
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		return nil, err
	}
	base, err := manifest.ParseBase(f.base)
	if err != nil {
		return nil, err
	}
	_, problems, err := build.Build(build.Options{Content: content, Theme: th, Out: f.out, Base: base})
	if err != nil {
		return nil, fmt.Errorf("%v\n%v", err, problems.Problems())
	}
	site, problems := build.Check(content)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	seen := map[manifest.Kind]bool{}
	for _, p := range manifest.Build(site, problems).Pages {
		if !seen[p.Kind] {
			seen[p.Kind] = true
			f.kinds = append(f.kinds, p.Kind)
		}
	}
	f.pages = map[string][]byte{}
	f.assets = map[string]int64{}
	err = filepath.WalkDir(f.out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(f.out, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "assets/") {
			info, err := d.Info()
			if err != nil {
				return err
			}
			f.assets[rel] = info.Size()
		}
		if strings.HasSuffix(rel, ".html") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f.pages[rel] = b
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// url is the address of a page: lang "" for a path from /asean/ itself.
func (f *fixture) url(lang, path string) string {
	if lang == "" {
		return f.base + path
	}
	return f.base + lang + "/" + path
}

// sortedPages lists the paths of every HTML file of the output.
func (f *fixture) sortedPages() []string {
	var ps []string
	for p := range f.pages {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// served starts nginx with deploy/nginx.conf on the fixture's port once,
// and returns the fixture when it answers.
func served(t *testing.T) *fixture {
	t.Helper()
	need(t, needNginx)
	f := site(t)
	nginxOnce.Do(func() { nginxErr = startNginx(f) })
	if nginxErr != nil {
		t.Fatalf("starting nginx with deploy/nginx.conf: %v\nnginx said:\n%s", nginxErr, nginxLog.String())
	}
	select {
	case <-nginxDone:
		t.Fatalf("nginx has exited; it said:\n%s", nginxLog.String())
	default:
	}
	return f
}

// renderNginxConf returns deploy/nginx.conf with its placeholders filled
// in, wrapped in the smallest top-level configuration that runs it.
func renderNginxConf(f *fixture, prefix string) (string, error) {
	tmpl, err := os.ReadFile(filepath.Join(f.root, "deploy", "nginx.conf"))
	if err != nil {
		return "", err
	}
	for _, ph := range []string{"__ROOT__", "__PORT__"} {
		if !bytes.Contains(tmpl, []byte(ph)) {
			return "", fmt.Errorf("deploy/nginx.conf has no placeholder %s", ph)
		}
	}
	server := strings.NewReplacer("__ROOT__", f.out, "__PORT__", f.host).Replace(string(tmpl))
	if err := os.WriteFile(filepath.Join(prefix, "site.conf"), []byte(server), 0o644); err != nil {
		return "", err
	}
	tmp := filepath.Join(prefix, "tmp")
	conf := fmt.Sprintf(`# written by internal/e2e: deploy/nginx.conf in a minimal configuration
master_process off;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[1]s/client_body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    include %[2]s;
}
`, tmp, filepath.Join(prefix, "site.conf"))
	path := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		return "", err
	}
	return path, os.MkdirAll(tmp, 0o755)
}

func startNginx(f *fixture) error {
	prefix := filepath.Join(f.tmp, "nginx")
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		return err
	}
	conf, err := renderNginxConf(f, prefix)
	if err != nil {
		return err
	}
	cmd := exec.Command(nginxPath, "-e", "stderr", "-p", prefix+"/", "-c", conf,
		"-g", "daemon off; pid "+filepath.Join(prefix, "nginx.pid")+"; error_log stderr;")
	cmd.Stdout = &nginxLog
	cmd.Stderr = &nginxLog
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	nginxCmd = cmd
	nginxDone = make(chan struct{})
	go func() {
		cmd.Wait()
		close(nginxDone)
	}()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-nginxDone:
			return fmt.Errorf("nginx exited at start: %v", cmd.ProcessState)
		default:
		}
		resp, err := client.Get(f.base)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			return fmt.Errorf("GET %s: %s", f.base, resp.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("nginx did not answer within 15s")
}

// stopNginx ends the nginx that startNginx started, by its own process.
func stopNginx() {
	if nginxCmd == nil || nginxCmd.Process == nil {
		return
	}
	nginxCmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-nginxDone:
	case <-time.After(5 * time.Second):
		nginxCmd.Process.Kill()
		<-nginxDone
	}
}

// browser starts one headless Chromium for the whole suite, stopped by
// TestMain.
func browser(t *testing.T) *browsertest.Browser {
	t.Helper()
	need(t, needChromium)
	f := served(t)
	browserOnce.Do(func() {
		path, err := browsertest.Path()
		if err != nil {
			browserErr = err
			return
		}
		theBrowser, browserErr = browsertest.Start(path, filepath.Join(f.tmp, "chromium"))
	})
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	return theBrowser
}

func stopBrowser() {
	if theBrowser != nil {
		theBrowser.Stop()
	}
}

// tab opens a new tab, closed when the test ends. The tab's context has
// no deadline: each action sets its own.
func tab(t *testing.T) context.Context {
	t.Helper()
	return browser(t).Tab(t)
}

// syncBuffer is a bytes.Buffer that processes can write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestKindsCovered checks that kindPages has a page of every kind the
// manifest plans, and that each of those pages exists in both languages.
func TestKindsCovered(t *testing.T) {
	f := site(t)
	have := map[string]bool{}
	for _, kp := range kindPages {
		have[kp.kind] = true
		for _, lang := range langs {
			if _, ok := f.pages[lang+"/"+kp.path+"index.html"]; !ok {
				t.Errorf("the e2e page for kind %s, /asean/%s/%s, is not in the built site: choose another in kindPages (internal/e2e/main_test.go)", kp.kind, lang, kp.path)
			}
		}
	}
	for _, k := range f.kinds {
		if !have[string(k)] {
			t.Errorf("the manifest plans pages of kind %q but kindPages (internal/e2e/main_test.go) has none: add one", k)
		}
	}
	for _, p := range f.sortedPages() {
		if KindOf(p) == "other" {
			t.Errorf("%s: KindOf does not know this path shape; teach it the new kind", p)
		}
	}
}
