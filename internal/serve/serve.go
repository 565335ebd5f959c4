// Package serve is the live preview for editors: it serves the site from
// memory on a loopback address, watches the content and theme
// directories, and reloads open pages after every change.
//
// After a change the content is checked and the pages planned again;
// pages themselves are rendered when a browser asks for them, so a
// change shows in the time it takes to load the content, not to build
// every page. An invalid edit does not stop the server: pages keep
// showing the last valid site with the errors above it, until the file
// is fixed. The content is loaded within the same bounds as a build, so
// no file can make a rebuild hang or exhaust memory, and the preview
// recovers as soon as the file is fixed or deleted. The reload script
// and the error banner exist only in responses of this server, never in
// a built site.
//
// The server answers only requests addressed to it: the Host header must
// name 127.0.0.1, localhost, [::1] or the host of Addr (any IP address
// when Addr listens on all of them), so that a web page elsewhere cannot
// reach the preview through a domain name that resolves to 127.0.0.1
// (DNS rebinding). It redirects only to paths of its own.
package serve

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"sitegen/internal/build"
	"sitegen/internal/diag"
	"sitegen/internal/manifest"
	"sitegen/internal/theme"
)

// Options say what to serve and where.
type Options struct {
	ContentDir string // watched and loaded
	ThemeDir   string // watched; may be "" for the built-in theme only
	Theme      fs.FS  // the built-in theme
	Addr       string // host:port; the host should be a loopback address
	Log        *log.Logger
}

// Server is a running preview.
type Server struct {
	opts Options

	mu       sync.RWMutex
	preview  *build.Preview
	problems string       // the errors of the last build, if it failed
	gen      int          // build generation, bumped on every rebuild
	theme    *theme.Theme // parsed theme, kept while only content changes

	subsMu sync.Mutex
	subs   map[chan int]bool
}

// Reloaded is the path of the server-sent events stream pages listen to.
const Reloaded = "/_sitegen/events"

// Serve builds, serves and watches until ctx is done. ready, if not nil,
// receives the address listened on.
func Serve(ctx context.Context, opts Options, ready chan<- string) error {
	s := &Server{opts: opts, subs: map[chan int]bool{}}
	s.rebuild()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching files: %w", err)
	}
	defer w.Close()
	dirs := []string{opts.ContentDir}
	if opts.ThemeDir != "" {
		// only the theme's own folders: the theme may be the project
		// directory, which also holds the output and version control
		dirs = append(dirs, filepath.Join(opts.ThemeDir, "templates"), filepath.Join(opts.ThemeDir, "assets"))
	}
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		if err := watchTree(w, dir); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	go s.watch(ctx, w)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	opts.Log.Printf("serving on http://%s/vi/ (Ctrl-C to stop)", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watchTree watches dir and every directory below it.
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// watch rebuilds after changes, waiting until a burst of events (an
// editor saving through a temporary file) is over.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if !within(ev.Name, s.opts.ContentDir) {
				s.mu.Lock()
				s.theme = nil // a template or asset changed: parse the theme again
				s.mu.Unlock()
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					watchTree(w, ev.Name)
				}
			}
			timer = time.After(15 * time.Millisecond)
		case err := <-w.Errors:
			s.opts.Log.Printf("watching files: %v", err)
		case <-timer:
			timer = nil
			s.rebuild()
		}
	}
}

// loadTheme parses the built-in theme with the publisher's theme
// directory, if any, laid over it.
func (s *Server) loadTheme() (*theme.Theme, error) {
	if s.opts.ThemeDir == "" {
		return theme.Load(s.opts.Theme, nil)
	}
	root, err := os.OpenRoot(s.opts.ThemeDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return theme.Load(s.opts.Theme, root.FS())
}

// rebuild checks the content again and tells open pages to reload.
func (s *Server) rebuild() {
	start := time.Now()
	opts := build.Options{Base: manifest.Base{Path: "/"}}
	root, err := os.OpenRoot(s.opts.ContentDir)
	var preview *build.Preview
	var problems *diag.List
	if err == nil {
		opts.Content = root.FS()
		s.mu.RLock()
		th := s.theme
		s.mu.RUnlock()
		if th == nil {
			th, err = s.loadTheme()
		}
		if err == nil {
			opts.Theme = th
			preview, problems, err = build.NewPreview(opts)
			if err == nil {
				s.mu.Lock()
				s.theme = th
				s.mu.Unlock()
			}
		}
		root.Close()
	}
	s.mu.Lock()
	s.gen++
	gen := s.gen
	if err != nil {
		s.problems = report(s.opts.ContentDir, problems, err)
		s.opts.Log.Printf("build failed:\n%s", s.problems)
	} else {
		s.preview, s.problems = preview, ""
		s.opts.Log.Printf("rebuilt in %v", time.Since(start).Round(time.Millisecond))
	}
	s.mu.Unlock()
	s.subsMu.Lock()
	for ch := range s.subs {
		select {
		case ch <- gen:
		default:
		}
	}
	s.subsMu.Unlock()
}

// within reports whether file is inside dir.
func within(file, dir string) bool {
	rel, err := filepath.Rel(dir, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func report(dir string, problems *diag.List, err error) string {
	var le *diag.ListError
	if problems == nil || !errors.As(err, &le) {
		return err.Error()
	}
	var b strings.Builder
	for _, p := range problems.Problems() {
		if p.Severity == diag.Error {
			p.Pos.File = path.Join(dir, p.Pos.File)
			b.WriteString(p.String() + "\n")
		}
	}
	return b.String()
}

// reloadScript listens for rebuilds and reloads the page. It is served
// as a file of its own so that the pages' content security policy, which
// allows only the site's own scripts, lets it run.
const reloadScript = `(function(){var es=new EventSource("` + Reloaded + `");es.addEventListener("reload",function(){location.reload();});}());`

// hostAllowed reports whether a request's Host header names this server.
func (s *Server) hostAllowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	switch strings.ToLower(host) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	own, _, err := net.SplitHostPort(s.opts.Addr)
	if err != nil {
		return false
	}
	if ip := net.ParseIP(own); own == "" || ip != nil && ip.IsUnspecified() {
		// listening on every address: any address, never a name
		return net.ParseIP(host) != nil
	}
	return strings.EqualFold(host, own)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		http.Error(w, fmt.Sprintf("this preview answers only to its own address, such as http://127.0.0.1:PORT/, not to %q", r.Host), http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case Reloaded:
		s.events(w, r)
		return
	case "/_sitegen/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, reloadScript)
		return
	}
	s.mu.RLock()
	preview, problems := s.preview, s.problems
	s.mu.RUnlock()
	if preview == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title><script src=\"/_sitegen/reload.js\"></script></head><body>%s</body></html>", banner(problems))
		return
	}
	// Only files the site has are served: the path is looked up, never
	// opened, so nothing outside the site can be reached.
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	switch {
	case p == "":
		p = "index.html"
	case strings.HasSuffix(r.URL.Path, "/"):
		p += "/index.html"
	default:
		if _, ok, _ := preview.File(p + "/index.html"); ok {
			// to the cleaned path, which starts with one "/": the
			// request's own path could be "//evil.example/..", which a
			// browser reads as another site
			http.Redirect(w, r, "/"+p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	f, ok, err := preview.File(p)
	if err == nil && !ok {
		status = http.StatusNotFound
		f, ok, err = preview.File("404.html")
	}
	if err != nil || !ok {
		http.Error(w, fmt.Sprint("rendering: ", err), http.StatusInternalServerError)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(f.Path))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	body := f.Data
	if strings.HasSuffix(f.Path, ".html") {
		body = inject(body, problems)
	}
	w.WriteHeader(status)
	w.Write(body)
}

// inject adds the reload script, and the errors of a failed build, to a
// page.
func inject(page []byte, problems string) []byte {
	s := string(page)
	add := `<script src="/_sitegen/reload.js"></script>`
	if i := strings.Index(s, "</head>"); i >= 0 {
		s = s[:i] + add + s[i:]
	}
	if problems != "" {
		if i := strings.Index(s, `<main id="main">`); i >= 0 {
			i += len(`<main id="main">`)
			s = s[:i] + banner(problems) + s[i:]
		} else if i := strings.Index(s, "<body>"); i >= 0 {
			i += len("<body>")
			s = s[:i] + banner(problems) + s[i:]
		}
	}
	return []byte(s)
}

func banner(problems string) string {
	return `<div class="notice" id="sitegen-errors" role="alert"><p><strong>The content has errors; this page shows the last valid version. Fix the files and save: the page reloads.</strong></p><pre>` +
		html.EscapeString(problems) + `</pre></div>`
}

// events streams a "reload" event after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan int, 1)
	s.subsMu.Lock()
	s.subs[ch] = true
	s.subsMu.Unlock()
	defer func() {
		s.subsMu.Lock()
		delete(s.subs, ch)
		s.subsMu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case gen := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
			flusher.Flush()
		}
	}
}
