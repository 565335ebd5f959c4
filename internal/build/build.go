// Package build runs the stages of sitegen in order: load the content,
// validate and resolve it, plan the pages, render them, and write the
// site. Each stage is one call; this package only strings them together
// and reports what was done.
package build

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"sitegen/internal/diag"
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
	Base    manifest.Base

	// ContentDir and ThemeDir are where the content and the theme's
	// overriding files are on disk, if they are: Out may not be them or
	// hold them, nor lie inside ContentDir.
	ContentDir, ThemeDir string
	// NoWait fails the build at once when another build is writing Out,
	// instead of waiting for it; Waiting, if set, is called before waiting.
	NoWait  bool
	Waiting func()
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
	site, man, problems := check(opts.Content)
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
// each file to emit.
func stream(site *model.Site, man *manifest.Manifest, opts Options, emit func(output.File) error) error {
	data, err := opendata.Files(site, opts.Base.Path)
	if err != nil {
		return fmt.Errorf("writing open data: %w", err)
	}
	for _, f := range data {
		if err := emit(f); err != nil {
			return err
		}
	}
	return render.New(opts.Theme, site, man, render.Options{Base: opts.Base}).Stream(emit)
}

// Check loads and validates the content, including that every address
// in the record of published addresses is still served. The returned
// list holds every problem found; the site is valid when it has no errors.
func Check(content fs.FS) (*model.Site, *diag.List) {
	site, _, problems := check(content)
	return site, problems
}

func check(content fs.FS) (*model.Site, *manifest.Manifest, *diag.List) {
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	render.CheckMarkdown(site, problems)
	if problems.HasErrors() {
		return site, nil, problems
	}
	man := manifest.Build(site, problems)
	man.CheckPublished(site, problems)
	if problems.HasErrors() {
		return site, nil, problems
	}
	return site, man, problems
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
	// an output that would be refused is refused before the content is
	// read, and again once the lock is held
	if err := output.Check(opts.Out, outOpts); err != nil {
		return sum, &diag.List{}, err
	}
	site, man, problems := check(opts.Content)
	if err := problems.Err(); err != nil {
		return sum, problems, err
	}
	// Pages are written as they are rendered, into a directory beside
	// the output that replaces it only when everything succeeded.
	dir, err := output.Begin(opts.Out, outOpts)
	if err != nil {
		return sum, problems, err
	}
	var mu sync.Mutex
	err = stream(site, man, opts, func(f output.File) error {
		mu.Lock()
		sum.Files++
		sum.Bytes += int64(len(f.Data))
		mu.Unlock()
		return dir.Write(f)
	})
	if err == nil {
		err = dir.Commit()
	} else {
		dir.Abort()
	}
	if err != nil {
		return sum, problems, fmt.Errorf("writing the site: %w", err)
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

// Preview is a checked site ready to render any file on request, for the
// preview server: a change becomes visible after load, check and
// planning, without rendering pages nobody is looking at.
type Preview struct {
	r *render.Renderer

	dataOnce sync.Once
	site     *model.Site
	basePath string
	data     map[string]output.File
	dataErr  error
}

// NewPreview checks the content of opts and prepares it for rendering on
// request.
func NewPreview(opts Options) (*Preview, *diag.List, error) {
	site, man, problems := check(opts.Content)
	if err := problems.Err(); err != nil {
		return nil, problems, err
	}
	r := render.New(opts.Theme, site, man, render.Options{Base: opts.Base})
	return &Preview{r: r, site: site, basePath: opts.Base.Path}, problems, nil
}

// File renders the file at path ("vi/index.html", "data/items.csv").
func (p *Preview) File(path string) (output.File, bool, error) {
	if strings.HasPrefix(path, "data/") {
		p.dataOnce.Do(func() {
			var files []output.File
			files, p.dataErr = opendata.Files(p.site, p.basePath)
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
	return p.r.File(path)
}
