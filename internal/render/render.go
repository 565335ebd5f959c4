// Package render turns a planned site into files: HTML pages from the
// html/template files in the theme, minified, plus fingerprinted assets.
//
// The theme is an fs.FS holding templates/ and assets/. Each page kind K
// has templates/K.html, which defines "title" and "main" and is combined
// with templates/layout.html and templates/partials.html. Interface
// strings come from templates/i18n/LANG.yaml. A publisher overrides any
// of these files by putting a file with the same name in their own theme
// directory. Templates are parsed once; pages are rendered in parallel.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/search"
)

// Options are the settings of one build.
type Options struct {
	// BaseURL is the address the site is published at, possibly with a
	// sub-path: https://portal.example.gov.vn/asean/. Links in pages are
	// written as absolute paths under its path.
	BaseURL string
}

// Render renders every page of man in every language, the assets, the
// search index, feeds and sitemap, and returns them.
func Render(site *model.Site, man *manifest.Manifest, theme fs.FS, opts Options) ([]output.File, error) {
	var mu sync.Mutex
	var files []output.File
	err := Stream(site, man, theme, opts, func(f output.File) error {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return nil
	})
	return files, err
}

// Stream renders like Render but hands each file to emit as soon as it is
// ready, from several goroutines at once, so that a large site is never
// held in memory whole and writing overlaps rendering. Which file comes
// when is not fixed; the files themselves are.
func Stream(site *model.Site, man *manifest.Manifest, theme fs.FS, opts Options, emit func(output.File) error) error {
	r, err := Prepare(site, man, theme, opts)
	if err != nil {
		return err
	}
	return r.Stream(emit)
}

// Renderer renders the pages of one site. It is safe for concurrent use.
type Renderer struct {
	r      *renderer
	assets []output.File
	byPath map[string]pageJob // output path -> page

	sideOnce sync.Once
	side     map[string]output.File
	sideErr  error
}

type pageJob struct {
	page *manifest.Page
	lang model.Lang
}

// Theme is a parsed theme: templates, interface strings and assets.
// Parsing it once serves many renders, as in the preview server.
type Theme struct {
	locales    map[model.Lang]*i18n.Locale
	assets     map[string]string
	assetFiles []output.File
	tmpls      map[string]*template.Template
}

// ParseTheme reads and parses a theme tree (templates/, assets/).
func ParseTheme(theme fs.FS) (*Theme, error) {
	locales, err := i18n.Load(mustSub(theme, "templates"))
	if err != nil {
		return nil, err
	}
	assets, assetFiles, err := fingerprint(theme)
	if err != nil {
		return nil, err
	}
	tmpls, err := parseTemplates(theme)
	if err != nil {
		return nil, err
	}
	return &Theme{locales: locales, assets: assets, assetFiles: assetFiles, tmpls: tmpls}, nil
}

// Prepare parses the theme and indexes the site, ready to render any of
// its pages: all of them with Stream, or one at a time with File.
func Prepare(site *model.Site, man *manifest.Manifest, theme fs.FS, opts Options) (*Renderer, error) {
	t, err := ParseTheme(theme)
	if err != nil {
		return nil, err
	}
	return PrepareWith(site, man, t, opts)
}

// PrepareWith is Prepare with a theme parsed before.
func PrepareWith(site *model.Site, man *manifest.Manifest, theme *Theme, opts Options) (*Renderer, error) {
	base, err := parseBase(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	locales, assets, assetFiles, tmpls := theme.locales, theme.assets, theme.assetFiles, theme.tmpls
	r := &renderer{site: site, man: man, base: base, locales: locales, assets: assets, tmpls: tmpls, md: newMarkdown(),
		agencies: map[string]*model.Agency{}, shared: map[string]template.HTML{}}
	for _, a := range site.Agencies {
		r.agencies[a.ID] = a
	}
	r.lk = newLookup(site, man, locales)
	r.commentary = map[model.Subject]map[model.Lang]*model.Commentary{}
	for _, c := range site.Commentary {
		if r.commentary[c.About] == nil {
			r.commentary[c.About] = map[model.Lang]*model.Commentary{}
		}
		r.commentary[c.About][c.Lang] = c
	}
	out := &Renderer{r: r, assets: assetFiles, byPath: map[string]pageJob{}}
	for _, p := range man.Pages {
		for _, l := range model.Langs {
			out.byPath[outPath(l, p.Path)] = pageJob{p, l}
		}
	}
	return out, nil
}

// File renders the one file at path ("vi/plans/x/index.html"), for a
// preview server that renders on request. ok is false when the site has
// no such file.
func (rr *Renderer) File(path string) (f output.File, ok bool, err error) {
	if j, ok := rr.byPath[path]; ok {
		f, err := rr.r.page(newMinifier(), j.page, j.lang)
		return f, err == nil, err
	}
	rr.sideOnce.Do(func() {
		var files []output.File
		files, rr.sideErr = rr.r.sideFiles(rr.r.man)
		rr.side = map[string]output.File{}
		for _, f := range append(files, rr.assets...) {
			rr.side[f.Path] = f
		}
	})
	if rr.sideErr != nil {
		return output.File{}, false, rr.sideErr
	}
	f, ok = rr.side[path]
	return f, ok, nil
}

// Stream renders every file of the site, handing each to emit.
func (rr *Renderer) Stream(emit func(output.File) error) error {
	r, man, assetFiles := rr.r, rr.r.man, rr.assets
	// Pages go to a pool of workers, one per core; the first error stops
	// the hand-out of further pages.
	type job struct {
		page *manifest.Page
		lang model.Lang
	}
	jobs := make(chan job)
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
			m := newMinifier()
			for j := range jobs {
				f, err := r.page(m, j.page, j.lang)
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
		files, err := r.sideFiles(man)
		for _, f := range append(files, assetFiles...) {
			if err == nil {
				err = emit(f)
			}
		}
		if err != nil {
			fail(err)
		}
	}()
	for _, p := range man.Pages {
		for _, l := range model.Langs {
			if failed() {
				break
			}
			jobs <- job{p, l}
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
	files, err := r.extras(newMinifier())
	if err != nil {
		return nil, err
	}
	for _, l := range model.Langs {
		idx, err := r.searchIndex(l)
		if err != nil {
			return nil, err
		}
		files = append(files, idx...)
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
	return files, nil
}

// searchIndex writes the search index of lang, labelled in that language.
func (r *renderer) searchIndex(lang model.Lang) ([]output.File, error) {
	v := r.view(&manifest.Page{}, lang)
	t := func(key string) string { s, _ := v.L.T(key); return s }
	return search.Files(r.site, lang, r.base.Path, search.Labels{
		Kind:     func(kind string) string { return t("kind." + kind) },
		Plan:     t("search.kind.plan"),
		Province: t("search.kind.province"),
		Agency:   t("search.kind.agency"),
		Theme:    t("search.kind.theme"),
		Label:    v.Label,
		PlanName: v.PlanName,
	})
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // fs.Sub fails only for an invalid path, and dir is constant
	}
	return sub
}

// BasePath is the path part of a base URL, with a trailing slash; "/"
// for an invalid one (Render reports that).
func BasePath(baseURL string) string {
	u, err := parseBase(baseURL)
	if err != nil {
		return "/"
	}
	return u.Path
}

// parseBase checks the base URL and returns it with a trailing slash.
func parseBase(s string) (*url.URL, error) {
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("base URL %q is not valid (write it like https://portal.example.gov.vn/asean/)", s)
	}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

type renderer struct {
	site    *model.Site
	man     *manifest.Manifest
	base    *url.URL
	locales map[model.Lang]*i18n.Locale
	assets  map[string]string // logical name -> fingerprinted path
	tmpls   map[string]*template.Template
	md      *markdown
	// agencies by id, for the agencies that sections name
	agencies map[string]*model.Agency
	lk       *lookup
	// shared holds templates rendered once per language, by "lang/name"
	sharedMu sync.Mutex
	shared   map[string]template.HTML
	// commentary by what it is about, then language
	commentary map[model.Subject]map[model.Lang]*model.Commentary
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	return m
}

// outPath is the file a page path is written to.
func outPath(lang model.Lang, p string) string {
	return string(lang) + "/" + p + "index.html"
}

func (r *renderer) page(m *minify.M, p *manifest.Page, lang model.Lang) (output.File, error) {
	v := r.view(p, lang)
	name := string(p.Kind)
	t, ok := r.tmpls[name]
	if !ok {
		return output.File{}, fmt.Errorf("templates/%s.html is missing", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		return output.File{}, fmt.Errorf("rendering /%s/%s: %w", lang, p.Path, err)
	}
	out, err := m.Bytes("text/html", buf.Bytes())
	if err != nil {
		return output.File{}, fmt.Errorf("minifying /%s/%s: %w", lang, p.Path, err)
	}
	return output.File{Path: outPath(lang, p.Path), Data: out}, nil
}

// extras renders the pages outside the language trees: the root page
// that sends readers to a language, and the 404 page.
func (r *renderer) extras(m *minify.M) ([]output.File, error) {
	var out []output.File
	for _, name := range []string{"root", "404"} {
		v := r.view(&manifest.Page{Kind: manifest.Kind(name)}, model.VI)
		var buf bytes.Buffer
		t, ok := r.tmpls[name]
		if !ok {
			return nil, fmt.Errorf("templates/%s.html is missing", name)
		}
		if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
			return nil, fmt.Errorf("rendering %s page: %w", name, err)
		}
		b, err := m.Bytes("text/html", buf.Bytes())
		if err != nil {
			return nil, err
		}
		file := "index.html"
		if name == "404" {
			file = "404.html"
		}
		out = append(out, output.File{Path: file, Data: b})
	}
	return out, nil
}

// fingerprint reads assets/, minifies CSS, and names every file by its
// content hash so that it can be cached for ever.
func fingerprint(theme fs.FS) (map[string]string, []output.File, error) {
	names := map[string]string{}
	var files []output.File
	m := newMinifier()
	err := fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".css") {
			if b, err = m.Bytes("text/css", b); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(p)
		out := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		names[strings.TrimPrefix(p, "assets/")] = out
		files = append(files, output.File{Path: out, Data: b})
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading assets: %w", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return names, files, nil
}

var funcs = template.FuncMap{
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, errors.New("dict needs key and value pairs")
		}
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"add":  func(a, b int) int { return a + b },
	"min":  func(a, b int) int { return min(a, b) },
	"join": strings.Join,
}

// parseTemplates parses layout and partials once, then each page kind's
// template on a clone of them.
func parseTemplates(theme fs.FS) (map[string]*template.Template, error) {
	common := template.New("layout").Funcs(funcs)
	for _, name := range []string{"templates/layout.html", "templates/partials.html"} {
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if _, err := common.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "template: "))
		}
	}
	out := map[string]*template.Template{}
	entries, err := fs.ReadDir(theme, "templates")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") || name == "layout.html" || name == "partials.html" {
			continue
		}
		b, err := fs.ReadFile(theme, "templates/"+name)
		if err != nil {
			return nil, err
		}
		t, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New("templates/" + name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "template: "))
		}
		out[strings.TrimSuffix(name, ".html")] = t
	}
	return out, nil
}
