// Package build runs the stages of sitegen in order: load the content,
// validate and resolve it, plan the pages, render them, and write the
// site. Each stage is one call; this package only strings them together
// and reports what was done.
package build

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"

	"sitegen/internal/diag"
	"sitegen/internal/i18n"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/opendata"
	"sitegen/internal/output"
	"sitegen/internal/render"
	"sitegen/internal/resolve"
	"sitegen/internal/theme"
)

// Options say what to build and where.
type Options struct {
	Content fs.FS        // the content tree
	Theme   *theme.Theme // the parsed theme (see theme.Load)
	Out     string       // the output directory (see package output)
	// LoadTheme, when Theme is nil, parses the theme. Build runs it while
	// the content loads, which leaves a core idle now and then; one after
	// the other, the theme held up every build by 6-8 ms.
	LoadTheme func() (*theme.Theme, error)
	// Base is the address the site is built for. The zero Base means the
	// content's own address (url in site.yaml), or the root path when the
	// content gives none.
	Base manifest.Base

	// ContentDir and ThemeDir are where the content and the theme's
	// overriding files are on disk, if they are: Out may not be them or
	// hold them, nor lie inside ContentDir.
	ContentDir, ThemeDir string
	// NoWait fails the build at once when another build is writing Out,
	// instead of waiting for it; Waiting, if set, is called before waiting.
	NoWait  bool
	Waiting func()
}

// ThemeError is a theme that LoadTheme failed to parse.
type ThemeError struct{ Err error }

func (e *ThemeError) Error() string { return e.Err.Error() }
func (e *ThemeError) Unwrap() error { return e.Err }

// startTheme starts parsing the theme, if LoadTheme is to, and returns
// a function that waits for it.
func (o Options) startTheme() func() (*theme.Theme, error) {
	if o.Theme != nil || o.LoadTheme == nil {
		return func() (*theme.Theme, error) { return o.Theme, nil }
	}
	var (
		th   *theme.Theme
		err  error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		if th, err = o.LoadTheme(); err != nil {
			err = &ThemeError{err}
		}
	}()
	return func() (*theme.Theme, error) {
		<-done
		return th, err
	}
}

// base is the address to build site for: the one the options give, else
// the site's own. A url that does not parse is reported by check, which
// runs first.
func (o Options) base(site *model.Site) manifest.Base {
	if o.Base.Path != "" {
		return o.Base
	}
	if b, err := manifest.ParseBase(site.URL); err == nil {
		return b
	}
	return manifest.Base{Path: "/"}
}

// Summary is what a build did, for the report printed after it.
type Summary struct {
	Plans    []PlanSummary
	Pages    int // HTML pages, both languages
	Files    int
	Bytes    int64
	Duration time.Duration
	// Addresses is every address the site serves, for the record of
	// published addresses.
	Addresses []string
}

// PlanSummary counts one plan's items.
type PlanSummary struct {
	ID           string
	Items        int
	Untranslated int
}

// Render checks the content and renders every file of the site in
// memory, without writing; for tests and tools that inspect the output.
func Render(opts Options) ([]output.File, *diag.List, error) {
	site, man, problems := check(opts.Content, withoutDrafts)
	if err := problems.Err(); err != nil {
		return nil, problems, err
	}
	files, err := renderAll(site, man, opts)
	return files, problems, err
}

// renderAll renders every file of a checked site into memory, sorted.
func renderAll(site *model.Site, man *manifest.Manifest, opts Options) ([]output.File, error) {
	var mu sync.Mutex
	var files []output.File
	err := stream(site, man, opts, func(f output.File) error {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

// stream renders the pages and the open data of a checked site, handing
// each file to emit. The open data is built while pages render.
func stream(site *model.Site, man *manifest.Manifest, opts Options, emit func(output.File) error) error {
	return streamWith(render.New(opts.Theme, site, man, render.Options{Base: opts.base(site)}), site, opts, emit)
}

func streamWith(r *render.Renderer, site *model.Site, opts Options, emit func(output.File) error) error {
	dataErr := make(chan error, 1)
	go func() {
		data, err := opendata.Files(site, opts.base(site).Path, opts.Theme.Locales)
		if err != nil {
			dataErr <- fmt.Errorf("writing open data: %w", err)
			return
		}
		for _, f := range data {
			if err := emit(f); err != nil {
				dataErr <- err
				return
			}
		}
		dataErr <- nil
	}()
	err := r.Stream(emit)
	if derr := <-dataErr; err == nil {
		err = derr
	}
	return err
}

// Check loads and validates the content, including that every address
// in the record of published addresses is still served. The returned
// list holds every problem found; the site is valid when it has no errors.
func Check(content fs.FS) (*model.Site, *diag.List) {
	site, _, problems := check(content, withDrafts)
	return site, problems
}

// Draft plans (`draft: true`, made by sitegen import and not yet
// confirmed) are checked and previewed, but not published.
const (
	withDrafts    = true
	withoutDrafts = false
)

func check(content fs.FS, drafts bool) (*model.Site, *manifest.Manifest, *diag.List) {
	site, problems := load.Load(content)
	if !drafts {
		site.Plans = slices.DeleteFunc(site.Plans, func(p *model.Plan) bool {
			if p.Draft {
				problems.Warnf(p.Pos, "run sitegen check to list its guesses; delete `draft: true` once they are confirmed",
					"plan %q is a draft: not published", p.ID)
			}
			return p.Draft
		})
	}
	if site.URL != "" {
		if _, err := manifest.ParseBase(site.URL); err != nil {
			problems.Errorf(site.URLPos, "", "site url: %v", err)
		}
	}
	// The Markdown is checked on the other core while references
	// resolve: it reads only the pages' and commentary's text, which
	// resolve does not change. Its problems still come after resolve's.
	markdown := &diag.List{}
	checked := make(chan struct{})
	go func() {
		defer close(checked)
		render.CheckMarkdown(site, markdown)
	}()
	resolve.Resolve(site, problems)
	<-checked
	problems.Add(markdown)
	if problems.HasErrors() && !onlyIn(problems, load.PublishedFile, load.RedirectsFile) {
		// The pages cannot all be planned, and an address of the record
		// may seem gone for a value that is only wrong; an entry of
		// redirects.yaml whose address is still a page is one all the
		// same, and is reported in this run too.
		manifest.CheckMoves(site, problems)
		return site, nil, problems
	}
	// Errors in the record and redirects.yaml alone leave every page
	// known: every line of both is checked in one run.
	man := manifest.Build(site, problems)
	man.CheckPublished(site, problems)
	if problems.HasErrors() {
		return site, nil, problems
	}
	return site, man, problems
}

// onlyIn reports whether every error of problems is in one of files.
func onlyIn(problems *diag.List, files ...string) bool {
	for _, p := range problems.Problems() {
		if p.Severity == diag.Error && !slices.Contains(files, p.Pos.File) {
			return false
		}
	}
	return true
}

// Build checks the content and, when it has no errors, renders and
// writes the site. Problems (warnings too) are returned in the list;
// err is set when the build failed for any reason, and then the output
// directory is untouched (but for an *output.RollbackError, which says
// where the previous site is). An *output.RefusedError means Out is no
// place for a site, and nothing was read or written.
func Build(opts Options) (Summary, *diag.List, error) {
	start := time.Now()
	var sum Summary
	outOpts := output.Options{Content: opts.ContentDir, Theme: opts.ThemeDir, NoWait: opts.NoWait, Waiting: opts.Waiting}
	// A theme that fails is reported first, then an output that would be
	// refused (before the content is read, and again once the lock is
	// held), then the content's problems.
	themeLoaded := opts.startTheme()
	if err := output.Check(opts.Out, outOpts); err != nil {
		if _, terr := themeLoaded(); terr != nil {
			return sum, &diag.List{}, terr
		}
		return sum, &diag.List{}, err
	}
	site, man, problems := check(opts.Content, withoutDrafts)
	th, err := themeLoaded()
	if err != nil {
		return sum, &diag.List{}, err
	}
	opts.Theme = th
	if err := problems.Err(); err != nil {
		return sum, problems, err
	}
	if !opts.base(site).Absolute() {
		// A local preview needs no host; a published site does, and the
		// build cannot tell which this is, so it says what goes without.
		problems.Warnf(diag.Pos{File: "site.yaml"},
			"add `url: https://portal.example.gov.vn/asean/` with the site's public address to site.yaml, or build with -baseurl and the full address",
			"the site's public address is not known, so sitemap.xml, robots.txt, the feeds, canonical links, og:url and citations carry paths without a host")
	}
	// Pages are written as they are rendered, into a directory beside
	// the output that replaces it only when everything succeeded.
	dir, err := output.Begin(opts.Out, outOpts)
	if err != nil {
		return sum, problems, err
	}
	r := render.New(opts.Theme, site, man, render.Options{Base: opts.base(site)})
	w := newWriters(dir, func() error { return dir.MakeDirs(r.PagePaths()) }, r.Reuse)
	var mu sync.Mutex
	err = streamWith(r, site, opts, func(f output.File) error {
		mu.Lock()
		sum.Files++
		sum.Bytes += int64(len(f.Data))
		mu.Unlock()
		return w.write(f)
	})
	if werr := w.close(); err == nil {
		err = werr
	}
	if err == nil {
		err = dir.Commit()
	} else {
		dir.Abort()
	}
	if err != nil {
		return sum, problems, fmt.Errorf("writing the site: %w", templateHint(err))
	}
	for _, p := range site.Plans {
		ps := PlanSummary{ID: p.ID, Items: len(p.Items)}
		for _, it := range p.Items {
			if it.Text.EN == "" {
				ps.Untranslated++
			}
		}
		sum.Plans = append(sum.Plans, ps)
	}
	sum.Pages = len(man.Pages) * len(model.Langs)
	sum.Addresses = man.Addresses(site)
	sum.Duration = time.Since(start)
	return sum, problems, nil
}

// writers write files from a bounded pool of goroutines, so that
// rendering goes on while the disk is busy, and through a queue bounded
// in bytes, so that rendered pages never pile up in memory. They start
// writing once the site's directories are made, which happens while the
// first pages render.
type writers struct {
	queue chan output.File
	mu    sync.Mutex
	room  *sync.Cond // signalled when queued bytes are written
	// queued is the bytes handed to write and not yet written
	queued int
	err    error
	wg     sync.WaitGroup
}

// writerCount is how many files are written at once.
const writerCount = 8

// maxQueued bounds the bytes rendered and waiting to be written. Pages
// waiting are live memory, and the collector lets the heap grow to twice
// what is live: with room for 8 MB, the real site's pages piled up while
// the directories were made, and every page of that fresh memory cost a
// fault. With 1 MB a build faulted 8,100 times against 9,300, and took
// 0.93x the wall and CPU time (medians of 12 interleaved pairs); the
// national site's time and peak memory did not change.
const maxQueued = 1 << 20

// newWriters starts the writers of dir; they write nothing until
// mkdirs, run alongside, has made the directories. Each file's bytes go
// to reuse once written.
func newWriters(dir *output.Dir, mkdirs func() error, reuse func(output.File)) *writers {
	w := &writers{queue: make(chan output.File, 4096)}
	w.room = sync.NewCond(&w.mu)
	ready := make(chan struct{})
	go func() {
		w.fail(mkdirs())
		close(ready)
	}()
	for i := 0; i < writerCount; i++ {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			<-ready
			for f := range w.queue {
				// after an error the queue is only drained, so that
				// nothing waits on it
				if !w.failed() {
					w.fail(dir.Write(f))
				}
				reuse(f)
				w.mu.Lock()
				w.queued -= len(f.Data)
				w.room.Broadcast()
				w.mu.Unlock()
			}
		}()
	}
	return w
}

func (w *writers) fail(err error) {
	if err == nil {
		return
	}
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.room.Broadcast()
	w.mu.Unlock()
}

func (w *writers) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err != nil
}

// write queues f, waiting while the queue is full, or returns the first
// error a writer met.
func (w *writers) write(f output.File) error {
	w.mu.Lock()
	for w.err == nil && w.queued > 0 && w.queued+len(f.Data) > maxQueued {
		w.room.Wait()
	}
	err := w.err
	if err == nil {
		w.queued += len(f.Data)
	}
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.queue <- f
	return nil
}

// close waits for every queued file to be written.
func (w *writers) close() error {
	close(w.queue)
	w.wg.Wait()
	return w.err
}

// Preview is a checked site ready to render any file on request, for the
// preview server: a change becomes visible after load, check and
// planning, without rendering pages nobody is looking at.
type Preview struct {
	r *render.Renderer

	dataOnce sync.Once
	site     *model.Site
	basePath string
	locales  map[model.Lang]*i18n.Locale
	data     map[string]output.File
	dataErr  error
}

// NewPreview checks the content of opts and prepares it for rendering on
// request.
func NewPreview(opts Options) (*Preview, *diag.List, error) {
	site, man, problems := check(opts.Content, withDrafts)
	if err := problems.Err(); err != nil {
		return nil, problems, err
	}
	base := opts.base(site)
	r := render.New(opts.Theme, site, man, render.Options{Base: base})
	return &Preview{r: r, site: site, basePath: base.Path, locales: opts.Theme.Locales}, problems, nil
}

// File renders the file at path ("vi/index.html", "data/items.csv").
func (p *Preview) File(path string) (output.File, bool, error) {
	if strings.HasPrefix(path, "data/") {
		p.dataOnce.Do(func() {
			var files []output.File
			files, p.dataErr = opendata.Files(p.site, p.basePath, p.locales)
			p.data = map[string]output.File{}
			for _, f := range files {
				p.data[f.Path] = f
			}
		})
		if p.dataErr != nil {
			return output.File{}, false, p.dataErr
		}
		f, ok := p.data[path]
		return f, ok, nil
	}
	f, ok, err := p.r.File(path)
	return f, ok, templateHint(err)
}

// templateHint adds what to do to the error of a template that failed
// while it wrote a page, a publisher's most likely (a field the page's
// view does not have, an index a page lacks): the message already says
// which page, file, line and expression.
func templateHint(err error) error {
	var exec template.ExecError
	var escape *htmltemplate.Error
	if errors.As(err, &exec) || errors.As(err, &escape) {
		return fmt.Errorf("%w (correct the theme's template at that line: it asks this page for something the page does not have; guard it with {{if}} or {{with}}, or use what the page's view offers, as the built-in templates/ do; without -theme the build uses those)", err)
	}
	return err
}
