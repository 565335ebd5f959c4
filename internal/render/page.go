package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// page is what every view embeds: the page's place in the site, its
// language, and the words and links every template may use. Methods
// that need a page-kind's data belong to that kind's view instead.
type page struct {
	Site *model.Site
	Page *manifest.Page
	L    *i18n.Locale
	Link links
	r    *renderer
}

func (r *renderer) newPage(p *manifest.Page, lang model.Lang) *page {
	return &page{Site: r.site, Page: p, L: r.theme.Locales[lang], r: r,
		Link: links{base: r.base.Path, abs: r.base.Prefix(), lang: lang, page: p, assets: r.theme.Assets}}
}

// Lang is the page's language code.
func (v *page) Lang() string { return string(v.L.Lang) }

// OtherLang is the other language's code.
func (v *page) OtherLang() string { return string(v.L.Lang.Other()) }

// T returns an interface string.
func (v *page) T(key string) (string, error) { return v.L.T(key) }

// Tf returns an interface string with values filled in.
func (v *page) Tf(key string, args ...any) (string, error) { return v.L.Tf(key, args...) }

// Tx returns a bilingual text in the page's language.
func (v *page) Tx(t model.Text) string { return v.L.Text(t) }

// Has reports whether t exists in the page's language.
func (v *page) Has(t model.Text) bool { return v.L.Has(t) }

// links builds addresses. Every link is an absolute path under the base
// path, so pages work when the site is served under a sub-path.
type links struct {
	base   string // "/" or "/asean/"
	abs    string // scheme and host and base path without the final "/", may be ""
	lang   model.Lang
	page   *manifest.Page
	assets map[string]string
}

func (k links) to(lang model.Lang, p string) string { return k.base + string(lang) + "/" + p }

func (k links) Home() string              { return k.to(k.lang, "") }
func (k links) Path(p string) string      { return k.to(k.lang, p) }
func (k links) Plan(p *model.Plan) string { return k.to(k.lang, manifest.PlanPath(p)) }
func (k links) Framework(f *model.Framework) string {
	return k.to(k.lang, manifest.FrameworkPath(f))
}
func (k links) Source(p *model.Plan) string       { return k.to(k.lang, manifest.SourcePath(p)) }
func (k links) Data(p *model.Plan) string         { return k.base + manifest.PlanDataPath(p) }
func (k links) Item(it *model.Item) string        { return k.to(k.lang, manifest.ItemPath(it)) }
func (k links) Anchor(it *model.Item) string      { return k.Plan(it.Plan) + "#" + it.ID }
func (k links) Province(p *model.Province) string { return k.to(k.lang, manifest.ProvincePath(p)) }
func (k links) Agency(a *model.Agency) string     { return k.to(k.lang, manifest.AgencyPath(a)) }
func (k links) Pillar(p *model.Pillar) string     { return k.to(k.lang, manifest.PillarPath(p)) }
func (k links) Theme(t *model.Theme) string       { return k.to(k.lang, manifest.ThemePath(t)) }
func (k links) ComparePillar(p *model.Pillar) string {
	return k.to(k.lang, manifest.ComparePillarPath(p))
}
func (k links) CompareTheme(t *model.Theme) string { return k.to(k.lang, manifest.CompareThemePath(t)) }
func (k links) CompareAgency(a *model.Agency) string {
	return k.to(k.lang, manifest.CompareAgencyPath(a))
}
func (k links) ProvinceAgency(p *model.Province, a *model.Agency) string {
	return k.to(k.lang, manifest.ProvinceAgencyPath(p, a))
}

// The site's own pages, in the page's language.
func (k links) Plans() string       { return k.Path(manifest.PlansPath) }
func (k links) Provinces() string   { return k.Path(manifest.ProvincesPath) }
func (k links) Agencies() string    { return k.Path(manifest.AgenciesPath) }
func (k links) Pillars() string     { return k.Path(manifest.PillarsPath) }
func (k links) Themes() string      { return k.Path(manifest.ThemesPath) }
func (k links) Compare() string     { return k.Path(manifest.ComparePath) }
func (k links) Glossary() string    { return k.Path(manifest.GlossaryPath) }
func (k links) Search() string      { return k.Path(manifest.SearchPath) }
func (k links) Feed() string        { return k.Path(manifest.FeedPath) }
func (k links) About() string       { return k.Path(manifest.AboutPath) }
func (k links) Methodology() string { return k.Path(manifest.MethodologyPath) }
func (k links) OpenData() string    { return k.Path(manifest.OpenDataPath) }

// Twin is this page in the other language.
func (k links) Twin() string { return k.to(k.lang.Other(), k.page.Path) }

// In is this page in lang.
func (k links) In(lang string) string { return k.to(model.Lang(lang), k.page.Path) }

// Canonical is the page's full address, or its path when the base URL
// has no host.
func (k links) Canonical() string { return k.CanonicalIn(string(k.lang)) }

// CanonicalIn is the page's full address in lang.
func (k links) CanonicalIn(lang string) string {
	if k.page.Kind == manifest.Redirect && k.page.Item != nil {
		// a moved item's old address names the new one as canonical
		return k.abs + "/" + lang + "/" + manifest.ItemPath(k.page.Item)
	}
	if k.page.Kind == manifest.Redirect && k.page.Target != "" {
		return k.abs + "/" + lang + "/" + k.page.Target // likewise for redirects.yaml
	}
	return k.abs + "/" + lang + "/" + k.page.Path
}

// Root is the site's root path.
func (k links) Root() string { return k.base }

// Asset is the fingerprinted address of a file in assets/.
func (k links) Asset(name string) (string, error) {
	p, ok := k.assets[name]
	if !ok {
		return "", fmt.Errorf("asset %q is not in assets/", name)
	}
	return k.base + p, nil
}

// Commentary is an editorial text rendered for a page.
type Commentary struct {
	Title string
	HTML  template.HTML
}

// commentary renders the commentary about subject in the page's
// language, or returns nil when there is none.
func (v *page) commentary(s model.Subject) (*Commentary, error) {
	c := v.r.commentary[s][v.L.Lang]
	if c == nil {
		return nil, nil
	}
	h, err := v.r.md.HTML(c.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Pos.File, err)
	}
	return &Commentary{Title: c.Title, HTML: h}, nil
}

// Description is the page's summary for search engines and link
// previews: an item's own text, a plan's title, or the site's description.
func (v *page) Description() string {
	var s string
	switch {
	case v.Page.Item != nil:
		s = v.Tx(v.Page.Item.Text)
	case v.Page.Plan != nil:
		s = v.Tx(v.Page.Plan.Title)
	default:
		s = v.Tx(v.Site.Description)
	}
	return truncate(s, 200)
}

// truncate shortens s to at most n runes, at a word boundary.
func truncate(s string, n int) string {
	// Walked in place rather than through []rune: it runs several times
	// for every page and every item of the search index.
	if len(s) <= n {
		return s // n bytes hold at most n runes
	}
	end, count := len(s), 0
	for i := range s {
		if count == n {
			end = i
			break
		}
		count++
	}
	if end == len(s) {
		return s
	}
	cut := s[:end]
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// OGLocale is the Open Graph locale of lang ("vi" or "en"), from the
// interface strings of that language.
func (v *page) OGLocale(lang string) (string, error) {
	loc, ok := v.r.theme.Locales[model.Lang(lang)]
	if !ok {
		return "", fmt.Errorf("no language %q", lang)
	}
	return loc.T("og.locale")
}

// Outdated reports whether the page shows a translation of t made from
// an earlier Vietnamese text, so that it says so.
func (v *page) Outdated(t model.Text) bool { return v.L.Lang != model.VI && t.Outdated() }

// Truncation says whether a source text is cut off, or "" when that is
// not known.
func (v *page) Truncation(p model.Provenance) (string, error) {
	switch {
	case p.Truncated == nil:
		return "", nil
	case *p.Truncated:
		return v.L.T("provenance.truncated")
	}
	return v.L.T("provenance.whole")
}

// Name is the interface string naming a value of a closed vocabulary:
// an item kind, a status, a document type, a role.
func (v *page) Name(word interface{ MessageKey() string }) (string, error) {
	return v.L.T(word.MessageKey())
}

// Plural is the interface string key.one or key.other, chosen by n, with
// n filled in: "1 item", "2 items".
func (v *page) Plural(key string, n int) (string, error) {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return v.L.Tf(key+form, n)
}

// Target writes a target's value in its unit: "2,87%" or "2.87%".
func (v *page) Target(t *model.Target) (string, error) {
	return v.L.Tf(t.Unit.MessageKey(), v.L.Number(t.Value))
}

// JSONLD describes a plan page as schema.org Legislation, linking the
// version in the other language. Marshalled by encoding/json, which
// escapes <, > and &, so it cannot end the script element early.
func (v *page) JSONLD() (template.JS, error) {
	p := v.Page.Plan
	if p == nil || v.Page.Kind != manifest.Plan {
		return "", nil
	}
	ld := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "Legislation",
		"@id":        v.Link.Canonical(),
		"url":        v.Link.Canonical(),
		"name":       v.Tx(p.Title),
		"inLanguage": string(v.L.Lang),
	}
	if p.Document.Number != "" {
		ld["legislationIdentifier"] = p.Document.Number
	}
	if p.Document.HasDate {
		ld["legislationDate"] = p.Document.Date.Format("2006-01-02")
	}
	if p.Document.Issuer != nil {
		ld["legislationPassedBy"] = map[string]any{"@type": "GovernmentOrganization", "name": v.AgencyName(p.Document.Issuer, p.Province)}
	}
	if p.Province != nil && p.Attribution == nil {
		ld["legislationJurisdiction"] = v.Tx(p.Province.Name)
	}
	other := map[string]any{"@id": v.Link.CanonicalIn(string(v.L.Lang.Other())), "inLanguage": string(v.L.Lang.Other())}
	if v.L.Lang == model.VI {
		ld["workTranslation"] = other
	} else {
		ld["translationOfWork"] = other
	}
	b, err := json.Marshal(ld)
	return template.JS(b), err
}

// Shared returns the named partial rendered once for the page's
// language: parts that are the same on every page (navigation, footer)
// are not rendered again for each of thousands of pages.
func (v *page) Shared(name string) (template.HTML, error) {
	key := string(v.L.Lang) + "/" + name
	v.r.sharedMu.Lock()
	h, ok := v.r.shared[key]
	v.r.sharedMu.Unlock()
	if ok {
		return h, nil
	}
	// rendered for a page-less view, so nothing page-specific can leak in
	h, err := v.r.fragment(name, v.r.pageless[v.L.Lang], 1024)
	if err != nil {
		return "", err
	}
	v.r.sharedMu.Lock()
	v.r.shared[key] = h
	v.r.sharedMu.Unlock()
	return h, nil
}

// fragmentKey names one rendering of a fragment shared by many pages.
type fragmentKey struct {
	lang model.Lang
	item *model.Item
	role any
}

// ItemRef returns the partial "item-ref" for it and role (nil for none)
// in the page's language. An item appears on the lists of its province,
// agencies, pillar, themes and comparisons; its entry is the same on all
// of them, so it is rendered once and reused. It is rendered for a view
// of no page, so nothing of the list page can leak into it.
func (v *page) ItemRef(it *model.Item, role any) (template.HTML, error) {
	key := fragmentKey{v.L.Lang, it, role}
	if h, ok := v.r.fragments.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := v.r.fragment("item-ref", itemRefArgs{V: v.r.pageless[v.L.Lang], I: it, Role: role}, 512)
	if err != nil {
		return "", err
	}
	v.r.fragments.Store(key, h)
	return h, nil
}
