// Package theme reads a site's look: the html/template files, the
// interface strings and the assets.
//
// A theme is a tree with templates/ and assets/. Each page kind K has
// templates/K.html, which defines "title" and "main" and is combined with
// templates/layout.html and templates/partials.html; interface strings
// are templates/i18n/LANG.yaml; every file under assets/ is published
// under a name that carries its content hash, so that it can be cached
// for ever. A publisher overrides any single file by putting one with the
// same name in their own theme directory: Load lays it over the built-in
// theme.
//
// Templates only arrange: they receive a view prepared by package
// render and call no function but the few listed in Funcs.
package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"

	"sitegen/internal/i18n"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/parallel"
)

// Theme is a parsed theme. It is read-only and safe for concurrent use.
type Theme struct {
	// Locales holds the interface strings and formats of each language.
	Locales map[model.Lang]*i18n.Locale
	// Assets maps a file's name in assets/ ("site.css") to its published
	// path ("assets/site.3f2a9c1e07.css").
	Assets map[string]string
	// AssetFiles are the published assets, by path.
	AssetFiles []output.File
	// templates holds, per page kind, the kind's template with the
	// layout and partials, parsed on first use.
	templates map[string]*kindTemplates
}

// Load parses the built-in theme base with the publisher's files in
// override laid over it; override may be nil.
func Load(base, override fs.FS) (*Theme, error) {
	fsys := base
	if override != nil {
		if err := checkLinks(override); err != nil {
			return nil, err
		}
		fsys = overlay{top: override, base: base}
	}
	templates, err := fs.Sub(fsys, "templates")
	if err != nil {
		return nil, err
	}
	overridden := map[string]bool{}
	if override != nil {
		entries, err := fs.ReadDir(override, "templates")
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if !e.IsDir() {
				overridden[e.Name()] = true
			}
		}
	}
	// The interface strings, the assets and the templates are read at
	// once: one after the other they took 13 ms before any content was
	// read. The first error in this order is the one returned.
	t := &Theme{}
	errs := make([]error, 3)
	parallel.For(len(errs), func(i int) {
		switch i {
		case 0:
			t.Locales, errs[i] = i18n.Load(templates)
		case 1:
			t.Assets, t.AssetFiles, errs[i] = fingerprint(fsys)
		case 2:
			t.templates, errs[i] = parseTemplates(fsys, overridden)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Fingerprint identifies the text a page kind's template set is parsed
// from: templates/KIND.html, the layout and the partials. Code generated
// from a set (see package render) records the fingerprint of the set it
// was generated from, and a renderer uses that code only while the
// theme's fingerprint is the same; a publisher's file and an edit to a
// built-in one alike change it. A kind without templates has none.
func (t *Theme) Fingerprint(kind string) string {
	k, ok := t.templates[kind]
	if !ok {
		return ""
	}
	return k.fingerprint
}

// Kinds lists the page kinds the theme has templates for.
func (t *Theme) Kinds() []string {
	var out []string
	for k := range t.templates {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Template returns the template set of a page kind ("item"), whose
// "layout" template renders the whole page.
func (t *Theme) Template(kind string) (*template.Template, error) {
	k, ok := t.templates[kind]
	if !ok {
		return nil, fmt.Errorf("templates/%s.html is missing (copy it from the built-in theme)", kind)
	}
	return k.get()
}

// Funcs are the functions templates may call besides the view's methods:
// dict builds the argument of a partial, add and min do arithmetic on
// heading levels, join joins strings.
var Funcs = template.FuncMap{
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
	"add":  Add,
	"min":  Min,
	"join": strings.Join,
}

// Add is the template function add.
func Add(a, b int) int { return a + b }

// Min is the template function min.
func Min(a, b int) int { return min(a, b) }

// kindTemplates is one page kind's template set, parsed when first
// asked for. Cloning the layout and partials for each of some 25 kinds
// took 30 ms of a build's start, before any content was read, and a kind
// written in Go (the item page) never needs its set at all.
type kindTemplates struct {
	// common parses the layout and partials, once for every kind; the
	// set it returns is cloned, never executed
	common      func() (*template.Template, error)
	name        string // "templates/item.html"
	text        string
	fingerprint string

	once sync.Once
	t    *template.Template
	err  error
}

func (k *kindTemplates) get() (*template.Template, error) {
	k.once.Do(func() {
		common, err := k.common()
		if err != nil {
			k.err = err
			return
		}
		t, err := common.Clone()
		if err != nil {
			k.err = err
			return
		}
		if _, err := t.New(k.name).Parse(k.text); err != nil {
			k.err = templateError(err)
			return
		}
		k.t = t
	})
	return k.t, k.err
}

// parseTemplates prepares each page kind's template to be parsed, when
// first used, on a clone of the layout and partials, which are parsed
// then too. The publisher's own files are parsed at once, so that a
// mistake in one is reported before any content is read; the built-in
// ones are known to parse (TestBuiltInTemplatesParse), and a kind whose
// pages are written by code generated from its templates (see package
// render) never needs its set parsed.
func parseTemplates(theme fs.FS, overridden map[string]bool) (map[string]*kindTemplates, error) {
	commonFiles := []string{"templates/layout.html", "templates/partials.html"}
	commonText := make([]string, len(commonFiles))
	for i, name := range commonFiles {
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		commonText[i] = string(b)
	}
	common := sync.OnceValues(func() (*template.Template, error) {
		common := template.New("layout").Funcs(Funcs)
		for i, name := range commonFiles {
			if _, err := common.New(name).Parse(commonText[i]); err != nil {
				return nil, templateError(err)
			}
		}
		return common, nil
	})
	if overridden["layout.html"] || overridden["partials.html"] {
		if _, err := common(); err != nil {
			return nil, err
		}
	}
	out := map[string]*kindTemplates{}
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
		k := &kindTemplates{common: common, name: "templates/" + name, text: string(b),
			fingerprint: textHash(append(commonText[:len(commonText):len(commonText)], string(b)))}
		if overridden[name] {
			if _, err := k.get(); err != nil {
				return nil, err
			}
		}
		out[strings.TrimSuffix(name, ".html")] = k
	}
	return out, nil
}

// checkLinks looks at the symbolic links among a publisher's theme
// files, which are read through os.Root: one that leads outside the
// theme directory, or nowhere, would otherwise be "a file that does not
// exist", and a linked directory a file that cannot be read. A link to
// a file inside the theme is read as that file.
func checkLinks(theme fs.FS) error {
	for _, dir := range []string{"templates", "assets"} {
		err := fs.WalkDir(theme, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir // the theme has none: the built-in ones stay
				}
				return err
			}
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			target, _ := fs.ReadLink(theme, p)
			info, err := fs.Stat(theme, p)
			switch {
			case err != nil:
				return fmt.Errorf("theme file %s is a symbolic link to %q, which leads outside the theme directory or to nothing (copy what it points to into the theme directory, in place of the link)", p, target)
			case info.IsDir():
				return fmt.Errorf("theme directory %s is a symbolic link (to %q) (put the directory itself in the theme, in place of the link)", p, target)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// textHash is a short hash of texts, each one's length first so that
// no two lists of texts run together alike.
func textHash(texts []string) string {
	h := sha256.New()
	for _, t := range texts {
		fmt.Fprintf(h, "%d:", len(t))
		h.Write([]byte(t))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// templateError words a parse error for a publisher: where, what, and
// what the template may call.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if strings.Contains(msg, "function") && strings.Contains(msg, "not defined") {
		return fmt.Errorf("%s (templates may call only dict, add, min, join and the view's methods; see docs/architecture.md)", msg)
	}
	return errors.New(msg)
}

// fingerprint reads assets/, minifies CSS, and names every file by its
// content hash.
func fingerprint(theme fs.FS) (map[string]string, []output.File, error) {
	names := map[string]string{}
	var files []output.File
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
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
