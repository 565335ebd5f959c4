// Package render turns a planned site into files: every page of the
// manifest in every language, through the theme's templates; and the files beside the pages (search index, feeds, sitemap,
// robots.txt, nginx redirects, assets).
//
// For each page, render prepares a view: a small value of one type per
// page kind (itemView, planView, …) that holds everything the page
// shows, already chosen, counted, sorted and formatted in Go. Views embed
// *page, whose methods are the words every template may use: interface
// strings, texts in the page's language, names of plans, agencies and
// labels, and links. Templates only arrange.
//
// New is the entry point; the Renderer it returns streams the whole site
// or renders one file on request (the preview server).
package render

import (
	"fmt"
	"html/template"
	"runtime"
	"sync"
	"sync/atomic"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/search"
	"sitegen/internal/theme"
)

// Options are the settings of one build.
type Options struct {
	// Base is the address the site is published at. Links in pages are
	// absolute paths under its path; feeds, the sitemap and canonical
	// links use its full address when it has one.
	Base manifest.Base
}

// Renderer renders the files of one site. It is safe for concurrent use.
type Renderer struct {
	r      *renderer
	byPath map[string]pageJob // output path -> page

	sideOnce sync.Once
	side     map[string]output.File
	sideErr  error
}

type pageJob struct {
	page *manifest.Page
	lang model.Lang
}

// New prepares the pages of man for rendering with th.
func New(th *theme.Theme, site *model.Site, man *manifest.Manifest, opts Options) *Renderer {
	r := &renderer{site: site, man: man, base: opts.Base, theme: th, md: newMarkdown(), buffers: make(chan []byte, keptBuffers),
		agencies: map[string]*model.Agency{}, shared: map[string]template.HTML{},
		compiled: compiledFor(th.Fingerprint)}
	for _, a := range site.Agencies {
		r.agencies[a.ID] = a
	}
	r.lk = newLookup(site, man, th.Locales)
	r.pageless = map[model.Lang]*page{}
	for _, l := range model.Langs {
		r.pageless[l] = r.newPage(&manifest.Page{}, l)
	}
	r.commentary = map[model.Subject]map[model.Lang]*model.Commentary{}
	for _, c := range site.Commentary {
		if r.commentary[c.About] == nil {
			r.commentary[c.About] = map[model.Lang]*model.Commentary{}
		}
		r.commentary[c.About][c.Lang] = c
	}
	out := &Renderer{r: r, byPath: map[string]pageJob{}}
	for _, p := range man.Pages {
		for _, l := range model.Langs {
			out.byPath[outPath(l, p.Path)] = pageJob{p, l}
		}
	}
	return out
}

// PagePaths lists the files Stream writes for the pages of the manifest,
// so that their directories can be made before the pages arrive.
func (rr *Renderer) PagePaths() []string {
	out := make([]string, 0, len(rr.byPath))
	for p := range rr.byPath {
		out = append(out, p)
	}
	return out
}

// File renders the one file at path ("vi/plans/x/index.html"), for a
// preview server that renders on request. ok is false when the site has
// no such file.
func (rr *Renderer) File(path string) (f output.File, ok bool, err error) {
	if j, ok := rr.byPath[path]; ok {
		f, err := rr.r.page(j.page, j.lang)
		return f, err == nil, err
	}
	rr.sideOnce.Do(func() {
		var files []output.File
		files, rr.sideErr = rr.r.sideFiles(rr.r.man)
		rr.side = map[string]output.File{}
		for _, f := range files {
			rr.side[f.Path] = f
		}
	})
	if rr.sideErr != nil {
		return output.File{}, false, rr.sideErr
	}
	f, ok = rr.side[path]
	return f, ok, nil
}

// Stream renders every file of the site and hands each to emit, from
// several goroutines at once, as soon as it is ready: a large site is
// never held in memory whole, and writing overlaps rendering. Which file
// comes when is not fixed; the files themselves are. The first error
// stops the hand-out of further pages and is returned.
func (rr *Renderer) Stream(emit func(output.File) error) error {
	r := rr.r
	jobs := make(chan pageJob)
	var (
		wg       sync.WaitGroup
		errMu    sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		errMu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		errMu.Unlock()
	}
	failed := func() bool {
		errMu.Lock()
		defer errMu.Unlock()
		return firstErr != nil
	}
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				f, err := r.page(j.page, j.lang)
				if err == nil {
					err = emit(f)
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	// The search index, feeds and sitemap are built while pages render.
	wg.Add(1)
	go func() {
		defer wg.Done()
		files, err := r.sideFiles(r.man)
		for _, f := range files {
			if err == nil {
				err = emit(f)
			}
		}
		if err != nil {
			fail(err)
		}
	}()
	for _, p := range r.man.Pages {
		for _, l := range model.Langs {
			if failed() {
				break
			}
			jobs <- pageJob{p, l}
		}
	}
	close(jobs)
	wg.Wait()
	return firstErr
}

// sideFiles renders what is not a page of the manifest: the root and 404
// pages, the search index, the feeds, the sitemap, robots.txt and the
// nginx redirects.
func (r *renderer) sideFiles(man *manifest.Manifest) ([]output.File, error) {
	files, err := r.extras()
	if err != nil {
		return nil, err
	}
	// the search index is the largest of these; its languages are read
	// in one pass
	index, err := r.searchIndex()
	if err != nil {
		return nil, err
	}
	files = append(files, index...)
	for _, l := range model.Langs {
		feed, err := r.feed(l)
		if err != nil {
			return nil, fmt.Errorf("writing the %s feed: %w", l, err)
		}
		files = append(files, feed)
	}
	maps, err := r.sitemaps(man, MaxSitemapURLs)
	if err != nil {
		return nil, fmt.Errorf("writing the sitemap: %w", err)
	}
	files = append(files, maps...)
	files = append(files, r.robots(), r.nginxRedirects(man))
	return append(files, r.theme.AssetFiles...), nil
}

// searchIndex writes the search index of every language, labelled in
// that language.
func (r *renderer) searchIndex() ([]output.File, error) {
	labels := map[model.Lang]search.Labels{}
	for _, lang := range model.Langs {
		v := r.newPage(&manifest.Page{}, lang)
		other := r.newPage(&manifest.Page{}, lang.Other())
		t := func(key string) string { s, _ := v.L.T(key); return s }
		labels[lang] = search.Labels{
			Heading:      v.Heading,
			OtherHeading: other.Heading,
			Kind:         func(kind model.ItemKind) string { return t(kind.MessageKey()) },
			Plan:         t("search.kind.plan"),
			Province:     t("search.kind.province"),
			Agency:       t("search.kind.agency"),
			Theme:        t("search.kind.theme"),
			Label:        v.Label,
			PlanName:     v.PlanName,
		}
	}
	return search.Files(r.site, r.base.Path, labels)
}

// renderer holds what every page of one site shares.
type renderer struct {
	site  *model.Site
	man   *manifest.Manifest
	base  manifest.Base
	theme *theme.Theme
	md    *markdown
	// agencies by id, for the agencies that sections name
	agencies map[string]*model.Agency
	lk       *lookup
	// shared holds templates rendered once per language, by "lang/name"
	sharedMu sync.Mutex
	shared   map[string]template.HTML
	// commentary by what it is about, then language
	commentary map[model.Subject]map[model.Lang]*model.Commentary
	// fragments holds the list entries rendered once (see ItemRef), by
	// fragmentKey; pageless is a view of no page per language for them
	fragments sync.Map
	pageless  map[model.Lang]*page
	// compiled holds, by set and name, the generated code of the
	// templates whose text is the theme's (see compiled.go)
	compiled map[string]map[string]compiledTemplate
	// pageSize holds, per page kind, a size its next page likely fits in
	pageSize sync.Map
	// buffers holds the bytes of pages already written, handed back by
	// Reuse, for later pages to be rendered into. It is a channel, not a
	// sync.Pool, because a pool is emptied by every collection, and a
	// build collects a dozen times: each time, the pages rendered next
	// took fresh memory, and every page of fresh memory costs a fault.
	buffers chan []byte
}

// keptBuffers is how many written pages' bytes are kept for reuse: as
// many as are rendered and written at once.
const keptBuffers = 32

// buffer is an empty slice to render a page into, with room from a page
// written before when there is one.
func (r *renderer) buffer() []byte {
	select {
	case b := <-r.buffers:
		return b[:0]
	default:
		return nil
	}
}

// Reuse hands back the bytes of a page Stream emitted (a file marked
// Scratch), once they are written and no longer read: later pages are
// rendered into them. A national site's pages are some 340 MB; rendering
// each into new memory made most of the collector's work.
func (rr *Renderer) Reuse(f output.File) {
	if f.Scratch && cap(f.Data) > 0 {
		select {
		case rr.r.buffers <- f.Data:
		default: // enough are kept
		}
	}
}

// outPath is the file a page path is written to.
func outPath(lang model.Lang, p string) string {
	return string(lang) + "/" + p + manifest.IndexFile
}

// page renders one page of the manifest in lang.
func (r *renderer) page(p *manifest.Page, lang model.Lang) (output.File, error) {
	v, err := r.view(p, lang)
	if err != nil {
		return output.File{}, fmt.Errorf("preparing /%s/%s: %w", lang, p.Path, err)
	}
	b, err := r.render(p.Kind, v)
	if err != nil {
		return output.File{}, fmt.Errorf("rendering /%s/%s: %w", lang, p.Path, err)
	}
	return output.File{Path: outPath(lang, p.Path), Data: b, Scratch: true}, nil
}

// render writes a page of kind from its view v: its layout template,
// run by the generated code while that is current (see compiled.go).
// Pages are not minified: it took 7-9% of a build's CPU time to save
// about 1.1% of the bytes (and less once compressed by the web server).
func (r *renderer) render(kind manifest.Kind, v any) ([]byte, error) {
	hint := r.sizeHint(string(kind))
	w := &htmlWriter{b: r.pageBuffer(int(hint.Load()))}
	if err := r.run(string(kind), "layout", w, v); err != nil {
		return nil, err
	}
	grow(hint, len(w.b))
	return w.b, nil
}

// sizeHint is a size the next page of kind likely fits in: a plan page
// of a national site is hundreds of kilobytes, and growing to it by
// doubling cleared and copied it many times over.
func (r *renderer) sizeHint(kind string) *atomic.Int64 {
	hint, _ := r.pageSize.LoadOrStore(kind, new(atomic.Int64))
	return hint.(*atomic.Int64)
}

// grow makes hint room for a page of n bytes and an eighth more. The
// hint is the largest page of its kind so far, not the last: pages of a
// kind differ in size, and a page outgrowing its buffer copied it into
// one twice the size.
func grow(hint *atomic.Int64, n int) {
	want := int64(n + n/8)
	for {
		old := hint.Load()
		if old >= want || hint.CompareAndSwap(old, want) {
			return
		}
	}
}

// pageBuffer is an empty buffer with room for n bytes: a written page's
// when it has the room, else a new one. A new buffer is made, not grown
// from a smaller one, which would clear all of it at once.
func (r *renderer) pageBuffer(n int) []byte {
	if b := r.buffer(); cap(b) >= n {
		return b
	}
	return make([]byte, 0, n)
}

// extras renders the pages outside the language trees: the root page
// that sends readers to a language, and the 404 pages: one per language
// for the addresses under it ("vi/404.html"), and one speaking both for
// any other address.
func (r *renderer) extras() ([]output.File, error) {
	both := &bilingualView{}
	for _, l := range model.Langs {
		both.Langs = append(both.Langs, r.newPage(&manifest.Page{}, l))
	}
	both.page = both.Langs[0]
	jobs := []struct {
		kind manifest.Kind
		file string
		view *bilingualView
	}{{rootKind, manifest.IndexFile, both}, {notFoundKind, manifest.NotFoundFile, both}}
	for _, p := range both.Langs {
		jobs = append(jobs, struct {
			kind manifest.Kind
			file string
			view *bilingualView
		}{notFoundKind, string(p.L.Lang) + "/" + manifest.NotFoundFile, &bilingualView{page: p, Langs: []*page{p}}})
	}
	var out []output.File
	for _, x := range jobs {
		b, err := r.render(x.kind, x.view)
		if err != nil {
			return nil, fmt.Errorf("rendering %s: %w", x.file, err)
		}
		out = append(out, output.File{Path: x.file, Data: b})
	}
	return out, nil
}
