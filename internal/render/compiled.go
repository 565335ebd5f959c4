package render

import (
	"fmt"
	"html/template"
	"reflect"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// templates_gen.go is generated from the built-in templates by
// `go generate ./...` (see the package doc); these are what it calls.

//go:generate rm -f templates_gen.go
//go:generate go test -run ^TestGeneratedCode$ -update

// compiledTemplate writes one template for a value of the type it was
// generated for.
type compiledTemplate func(w *htmlWriter, data any) error

// compiledSet is the generated code of one set of templates.
type compiledSet struct {
	fingerprint string
	templates   map[string]compiledTemplate
}

// compiledSets holds the generated code by set. It is filled by the
// init function of templates_gen.go and only read after.
var compiledSets = map[string]*compiledSet{}

// registerCompiled records the generated code of template name of set.
func registerCompiled(set, fingerprint, name string, run compiledTemplate) {
	s := compiledSets[set]
	if s == nil {
		s = &compiledSet{fingerprint: fingerprint, templates: map[string]compiledTemplate{}}
		compiledSets[set] = s
	}
	s.templates[name] = run
}

// compiledFor returns the generated templates of the sets whose text in
// fingerprints is still the text they were generated from.
func compiledFor(fingerprint func(set string) string) map[string]map[string]compiledTemplate {
	out := map[string]map[string]compiledTemplate{}
	for set, s := range compiledSets {
		if fp := fingerprint(set); fp != "" && fp == s.fingerprint {
			out[set] = s.templates
		}
	}
	return out
}

// Write appends p, so that html/template executes into the same buffer
// as generated code.
func (w *htmlWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// run writes template name of set for data: by its generated code when
// that is current, else by executing the theme's template.
func (r *renderer) run(set, name string, w *htmlWriter, data any) (err error) {
	if run, ok := r.compiled[set][name]; ok {
		defer func() {
			// a view that breaks the template (a nil it follows) is an
			// error of the page, as html/template reports it
			if p := recover(); p != nil {
				err = fmt.Errorf("template %q of templates/%s.html: %v", name, set, p)
			}
		}()
		return run(w, data)
	}
	t, err := r.theme.Template(set)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, name, data)
}

// fragmentSet is the set whose partials pages include by a method of
// the view (Shared, ItemRef), rather than by {{template}}.
const fragmentSet = "home"

// itemRefArgs is what the partial "item-ref" is given.
type itemRefArgs struct {
	V    *page
	I    *model.Item
	Role any
}

// The pages outside the manifest, named as their templates are: the
// site's root page and the 404 pages.
const (
	rootKind     manifest.Kind = "root"
	notFoundKind manifest.Kind = "404"
)

// entry is a template Go code executes, and the type of its value.
type entry struct {
	Set, Name string
	Data      reflect.Type
}

// entries lists every template the renderer executes, with the type of
// value it gives each: the layout of every page kind, and the partials
// executed by the views' methods. It is what the code in
// templates_gen.go is generated for.
func entries() []entry {
	var out []entry
	for kind, v := range views {
		out = append(out, entry{string(kind), "layout", v.typ})
	}
	bilingual := reflect.TypeFor[*bilingualView]()
	out = append(out,
		entry{string(rootKind), "layout", bilingual},
		entry{string(notFoundKind), "layout", bilingual},
		entry{fragmentSet, "nav", reflect.TypeFor[*page]()},
		entry{fragmentSet, "footer", reflect.TypeFor[*page]()},
		entry{fragmentSet, "item-ref", reflect.TypeFor[itemRefArgs]()},
	)
	return out
}

// fragment writes a partial of fragmentSet to HTML for data.
func (r *renderer) fragment(name string, data any, size int) (template.HTML, error) {
	w := &htmlWriter{b: make([]byte, 0, size)}
	if err := r.run(fragmentSet, name, w, data); err != nil {
		return "", fmt.Errorf("partial %q: %w", name, err)
	}
	return w.fragment(), nil // written by the templates or their generated code, escaped
}
