package render

import (
	"html/template"
	"strings"

	"sitegen/internal/model"
)

// An item page is nine of every ten pages of a national site, and
// html/template spends most of a build's CPU time evaluating its actions
// by reflection. itemPage writes the same bytes as the built-in
// templates item.html, layout.html and partials.html, escaping each value
// as html/template escapes it in that place, about seven times faster.
// It is used only while the theme's files for item pages are the
// built-in ones (theme.BuiltIn); a publisher who overrides any of them
// gets the templates. TestItemPageMatchesTemplate holds the two routes
// to the same bytes on every item page of the fixtures and the real site.

// itemPage writes the page of iv.
func (w *htmlWriter) itemPage(iv *itemView) {
	w.layout(iv.page, func() {
		w.text(iv.Heading)
		w.raw(" — ")
		w.text(iv.PlanName(iv.Plan))
	}, func() {
		w.itemHeading(iv)
		w.itemAgencies(iv)
		w.itemFacts(iv)
		w.itemSections(iv)
		w.itemCitation(iv)
	})
}

// layout writes layout.html around a page whose templates' "title" and
// "main" title and main write.
func (w *htmlWriter) layout(v *page, title, main func()) {
	w.layoutWithHead(v, title, nil, main)
}

// layoutWithHead is layout for a kind that defines layout.html's block
// "head", which extra writes.
func (w *htmlWriter) layoutWithHead(v *page, title, extra, main func()) {
	w.head(v, title, extra)
	w.header(v)
	main()
	// layout.html, after "main"
	w.raw("\n</main>\n")
	w.html(v.Shared("footer"))
	w.raw("\n</body>\n</html>\n")
}

// head writes layout.html's head.
func (w *htmlWriter) head(v *page, title, extra func()) {
	siteTitle := v.Tx(v.Site.Title)
	desc := v.Description()

	// layout.html, up to "main"
	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(v.Lang())
	w.raw("\">\n<head>\n")
	w.html(v.Shared("meta"))
	w.raw("\n<title>")
	title()
	w.raw(" · ")
	w.text(siteTitle)
	w.raw("</title>\n<meta name=\"description\" content=\"")
	w.text(desc)
	w.raw("\">\n<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"")
	w.text(siteTitle)
	w.raw("\">\n<meta property=\"og:title\" content=\"")
	title()
	w.raw("\">\n<meta property=\"og:description\" content=\"")
	w.text(desc)
	w.raw("\">\n<meta property=\"og:url\" content=\"")
	w.text(v.Link.Canonical())
	w.raw("\">\n<meta property=\"og:locale\" content=\"")
	w.str(v.OGLocale(v.Lang()))
	w.raw("\">\n<meta property=\"og:locale:alternate\" content=\"")
	w.str(v.OGLocale(v.OtherLang()))
	w.raw("\">\n<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"")
	title()
	w.raw("\">\n<meta name=\"twitter:description\" content=\"")
	w.text(desc)
	w.raw("\">\n<link rel=\"canonical\" href=\"")
	w.url(v.Link.Canonical())
	w.raw("\">\n<link rel=\"alternate\" hreflang=\"vi\" href=\"")
	w.url(v.Link.CanonicalIn("vi"))
	w.raw("\">\n<link rel=\"alternate\" hreflang=\"en\" href=\"")
	w.url(v.Link.CanonicalIn("en"))
	w.raw("\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"")
	w.url(v.Link.CanonicalIn("vi"))
	w.raw("\">\n")
	if extra != nil {
		extra()
	}
	w.raw("\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
	w.url(v.Link.Path("feed.xml"))
	w.raw("\" title=\"")
	w.t(v, "feed.title")
	w.raw("\">\n<link rel=\"stylesheet\" href=\"")
	w.urlErr(v.Link.Asset("site.css"))
	w.raw("\">\n<script src=\"")
	w.urlErr(v.Link.Asset("site.js"))
	w.raw("\" defer></script>\n")
	// only plan pages carry JSON-LD: trusted JSON, which html/template
	// writes as it is in a script element
	ld, err := v.JSONLD()
	w.fail(err)
	if ld != "" {
		w.raw("<script type=\"application/ld+json\">")
		w.raw(string(ld))
		w.raw("</script>")
	}
}

// header writes layout.html's skip link, site header and navigation.
func (w *htmlWriter) header(v *page) {
	siteTitle := v.Tx(v.Site.Title)
	w.raw("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	w.t(v, "site.skip")
	w.raw("</a>\n<header class=\"site\">\n<div class=\"bar\">\n<a class=\"brand\" href=\"")
	w.url(v.Link.Home())
	w.raw("\">")
	w.text(siteTitle)
	w.raw("</a>\n<a class=\"lang\" ")
	w.langHref(v.Link.Twin(), v.OtherLang())
	w.raw(" title=\"")
	w.t(v, "lang.switch-label")
	w.raw("\">")
	w.t(v, "lang.switch")
	w.raw("</a>\n</div>\n")
	w.html(v.Shared("nav"))
	w.raw("\n</header>\n<main id=\"main\">\n")

}

// itemHeading writes the breadcrumbs, the heading, the text and the link to the other language.
func (w *htmlWriter) itemHeading(iv *itemView) {
	v, it, p, prov := iv.page, iv.Item, iv.Plan, iv.Plan.Province
	planLink := v.Link.Plan(p)
	// item.html, "main"
	w.raw("\n<nav aria-label=\"")
	w.t(v, "crumbs.label")
	w.raw("\" class=\"crumbs\">")
	if prov != nil {
		w.raw("<a href=\"")
		w.url(v.Link.Province(prov))
		w.raw("\">")
		w.text(v.Tx(prov.Name))
		w.raw("</a> › ")
	}
	w.raw("<a href=\"")
	w.url(planLink)
	w.raw("\">")
	w.text(v.PlanName(p))
	w.raw("</a>")
	for _, s := range iv.Crumbs {
		w.raw(" › <a href=\"")
		w.url(planLink)
		w.raw("#")
		w.frag(s.ID)
		w.raw("\">")
		w.text(v.SectionName(s))
		w.raw("</a>")
	}
	w.raw("</nav>\n<h1")
	if !v.Has(it.Text) {
		w.raw(" lang=\"vi\"")
	}
	w.raw(">")
	w.text(iv.Heading)
	w.raw("</h1>\n<p class=\"sub\">")
	w.text(v.ItemName(it))
	w.raw(" · <a href=\"")
	w.url(planLink)
	w.raw("\">")
	w.text(v.PlanName(p))
	w.raw("</a>")
	if prov != nil {
		w.raw(", ")
		w.text(v.Tx(prov.Name))
	}
	w.raw("</p>\n<article class=\"item-page\">\n")
	switch {
	case iv.Text:
		w.itemText(v, it)
	case !v.Has(it.Text):
		w.raw("<p class=\"notice\">")
		w.t(v, "item.no-translation")
		w.raw("</p>")
	case v.Outdated(it.Text):
		w.raw("<p class=\"notice\">")
		w.t(v, "item.outdated")
		w.raw("</p>")
	}
	w.raw("\n<p class=\"twin\"><a href=\"")
	w.url(v.Link.Twin())
	w.raw("\" hreflang=\"")
	w.text(v.OtherLang())
	w.raw("\">")
	w.t(v, "item.other-lang")
	w.raw("</a></p>\n<dl class=\"facts\">\n")
}

// itemAgencies writes the leads, partners and timing, with what the counterpart adds.
func (w *htmlWriter) itemAgencies(iv *itemView) {
	v, it, prov := iv.page, iv.Item, iv.Plan.Province
	cp := iv.Counterpart
	from := func() {
		w.raw(" <span class=\"sub\">(")
		key := "item.from-body"
		if cp.Appendix {
			key = "item.from-appendix"
		}
		w.str(v.Tf(key, v.Label(cp.Item)))
		w.raw(")</span>")
	}
	if len(it.Lead) > 0 {
		w.fact(v, "item.lead")
		w.agencies(v, prov, it.Lead)
		w.agenciesNow(v, it.Lead)
		if len(it.LeadIDs) == 0 {
			w.inherited(v)
		}
		w.raw("</dd>")
	}
	w.raw("\n")
	if cp != nil && len(cp.Lead) > 0 {
		w.fact(v, "item.lead")
		w.agencies(v, prov, cp.Lead)
		from()
		w.raw("</dd>")
	}
	w.raw("\n")
	if len(it.Partners) > 0 {
		w.fact(v, "item.partners")
		w.agencies(v, prov, it.Partners)
		if len(it.PartnerIDs) == 0 {
			w.inherited(v)
		}
		w.raw("</dd>")
	}
	w.raw("\n")
	if cp != nil && len(cp.Partners) > 0 {
		w.fact(v, "item.partners")
		w.agencies(v, prov, cp.Partners)
		from()
		w.raw("</dd>")
	}
	w.raw("\n")
	if it.Timing != nil {
		w.fact(v, "item.timing")
		w.text(v.Tx(it.Timing.Text))
		w.raw("</dd>")
	}
	w.raw("\n")
	if cp != nil && cp.Timing != nil {
		w.fact(v, "item.timing")
		w.text(v.Tx(cp.Timing.Text))
		from()
		w.raw("</dd>")
	}
	w.raw("\n")
}

// itemFacts writes the rest of the facts list: status, section, pillar, themes, links.
func (w *htmlWriter) itemFacts(iv *itemView) {
	v, it, p := iv.page, iv.Item, iv.Plan
	planLink := v.Link.Plan(p)
	w.fact(v, "item.status")
	w.raw("<strong>")
	w.str(v.Name(it.Status))
	w.raw("</strong>")
	if len(it.Updates) == 0 {
		w.raw(" <span class=\"sub\">")
		w.t(v, "status.default")
		w.raw("</span>")
	}
	w.raw("</dd>\n")
	w.fact(v, "item.section")
	for i, s := range iv.Crumbs {
		if i > 0 {
			w.raw(" › ")
		}
		w.raw("<a href=\"")
		w.url(planLink)
		w.raw("#")
		w.frag(s.ID)
		w.raw("\">")
		w.sectionTitle(v, s)
		w.raw("</a>")
	}
	w.raw("</dd>\n")
	if it.Pillar != nil {
		w.fact(v, "item.pillar")
		w.raw("<a href=\"")
		w.url(v.Link.Pillar(it.Pillar))
		w.raw("\">")
		w.text(v.Tx(it.Pillar.Name))
		w.raw("</a></dd>")
	}
	w.raw("\n")
	if len(it.Themes) > 0 {
		w.fact(v, "item.themes")
		for i, t := range it.Themes {
			if i > 0 {
				w.raw(", ")
			}
			w.raw("<a href=\"")
			w.url(v.Link.Theme(t))
			w.raw("\">")
			w.text(v.Tx(t.Name))
			w.raw("</a>")
		}
		w.raw("</dd>")
	}
	w.raw("\n")
	if it.RestatesItem != nil {
		w.fact(v, "item.restates")
		w.itemLinks(v, []*model.Item{it.RestatesItem})
		w.raw("</dd>")
	}
	w.raw("\n")
	if len(it.RestatedBy) > 0 {
		w.fact(v, "item.restated-by")
		w.itemLinks(v, it.RestatedBy)
		w.raw("</dd>")
	}
	w.raw("\n")
	if len(it.RelatedItems) > 0 {
		w.fact(v, "item.related")
		w.itemLinks(v, it.RelatedItems)
		w.raw("</dd>")
	}
	w.raw("\n")
	if !it.Note.IsZero() {
		w.fact(v, "item.note")
		w.text(v.Tx(it.Note))
		w.raw("</dd>")
	}
	w.raw("\n</dl>\n")
}

// itemSections writes who is responsible now, the updates and the commentary.
func (w *htmlWriter) itemSections(iv *itemView) {
	v, it, prov := iv.page, iv.Item, iv.Plan.Province
	if changed := v.ChangedAgencies(it); len(changed) > 0 {
		w.raw("<section aria-labelledby=\"now\"><h2 id=\"now\">")
		w.t(v, "item.now")
		w.raw("</h2>\n")
		for _, a := range changed {
			w.raw("<h3>")
			w.text(v.AgencyName(a, prov))
			w.raw("</h3>")
			w.changes(v, v.AgencyChanges(a))
		}
		w.raw("</section>")
	}
	w.raw("\n")
	if len(it.Updates) > 0 {
		w.raw("<section aria-labelledby=\"updates\"><h2 id=\"updates\">")
		w.t(v, "updates.title")
		w.raw("</h2>\n<ol class=\"updates\">")
		for _, u := range it.Updates {
			w.raw("<li><time datetime=\"")
			w.text(u.Date.Format("2006-01-02"))
			w.raw("\">")
			w.text(v.L.Date(u.Date))
			w.raw("</time>: <strong>")
			w.str(v.Name(u.Status))
			w.raw("</strong>. ")
			w.text(v.Tx(u.Text))
			w.raw("\n<ul>")
			for _, e := range u.Evidence {
				w.raw("<li><a href=\"")
				w.url(e.URL)
				w.raw("\" rel=\"external noopener\">")
				w.text(v.Tx(e.Title))
				w.raw("</a></li>")
			}
			w.raw("</ul></li>")
		}
		w.raw("</ol></section>")
	}
	w.raw("\n")
	w.commentary(v, iv.Commentary)
}

// commentary is the partial "commentary".
func (w *htmlWriter) commentary(v *page, c *Commentary) {
	if c == nil {
		return
	}
	w.raw("<section class=\"commentary\" aria-labelledby=\"commentary\">\n<h2 id=\"commentary\">")
	if c.Title != "" {
		w.text(c.Title)
	} else {
		w.t(v, "commentary.title")
	}
	w.raw("</h2>\n<p class=\"sub\">")
	w.t(v, "commentary.note")
	w.raw("</p>\n")
	w.raw(string(c.HTML))
	w.raw("\n</section>")
}

// itemCitation writes the citation, the links to the plan and the source, and the quoted original.
func (w *htmlWriter) itemCitation(iv *itemView) {
	v, it, p := iv.page, iv.Item, iv.Plan
	w.raw("\n<p class=\"cite\"><span>")
	w.t(v, "item.cite")
	w.raw(":</span> <span class=\"cite-text\">")
	w.text(iv.Citation)
	w.raw("</span></p>\n<p><a href=\"")
	w.url(v.Link.Anchor(it))
	w.raw("\">")
	w.t(v, "item.in-plan")
	w.raw("</a>")
	if p.Source != nil {
		w.raw(" · <a href=\"")
		w.url(v.Link.Source(p))
		if iv.Passage {
			w.raw("#p-")
			w.frag(it.ID)
		}
		w.raw("\">")
		w.t(v, "item.source-passage")
		w.raw("</a>")
	}
	w.raw("</p>\n")
	if iv.Quote {
		w.raw("<section class=\"source\" aria-labelledby=\"source\">\n<h2 id=\"source\">")
		w.t(v, "item.source")
		w.raw("</h2>\n<blockquote lang=\"vi\"><p>")
		w.text(it.Text.VI)
		w.raw("</p></blockquote>\n</section>")
	}
	w.raw("\n</article>\n")

}

// itemText is the partial "text".
func (w *htmlWriter) itemText(v *page, it *model.Item) {
	if !v.Has(it.Text) {
		w.raw("<p class=\"notice\">")
		w.t(v, "item.no-translation")
		w.raw("</p><p class=\"text\" lang=\"vi\">")
		w.text(it.Text.VI)
		w.raw("</p>")
		return
	}
	if v.Outdated(it.Text) {
		w.raw("<p class=\"notice\">")
		w.t(v, "item.outdated")
		w.raw("</p>")
	}
	w.raw("<p class=\"text\">")
	w.text(v.Tx(it.Text))
	w.raw("</p>")
}

// fact opens a term of the facts list and its description.
func (w *htmlWriter) fact(v *page, key string) {
	w.raw("<dt>")
	w.t(v, key)
	w.raw("</dt><dd>")
}

func (w *htmlWriter) inherited(v *page) {
	w.raw(" <span class=\"sub\">")
	w.t(v, "item.inherited")
	w.raw("</span>")
}

// agencies is the partial "agencies".
func (w *htmlWriter) agencies(v *page, p *model.Province, list []*model.Agency) {
	for i, a := range list {
		if i > 0 {
			w.raw("; ")
		}
		w.raw("<a href=\"")
		if v.HasProvinceAgency(p, a) {
			w.url(v.Link.ProvinceAgency(p, a))
		} else {
			w.url(v.Link.Agency(a))
		}
		w.raw("\">")
		w.text(v.AgencyName(a, p))
		w.raw("</a>")
	}
}

// agenciesNow is the partial "agencies-now".
func (w *htmlWriter) agenciesNow(v *page, list []*model.Agency) {
	for _, a := range list {
		s := a.Successor
		if s == nil {
			continue
		}
		w.raw(" <span class=\"sub now\">(")
		w.str(v.Tf("agency.successor", v.L.Date(s.Date)))
		w.raw(" ")
		for i, x := range s.Agencies {
			if i > 0 {
				w.raw(", ")
			}
			w.raw("<a href=\"")
			w.url(v.Link.Agency(x))
			w.raw("\">")
			w.text(v.Tx(x.Name))
			w.raw("</a>")
		}
		w.raw(")</span>")
	}
}

// sectionTitle is the partial "sectitle" with "editorial".
func (w *htmlWriter) sectionTitle(v *page, s *model.Section) {
	if l := v.SectionLabel(s); l != "" {
		w.raw("<span class=\"label\">")
		w.text(l)
		w.raw(".</span> ")
	}
	if v.Has(s.Title) {
		w.text(v.Tx(s.Title))
	} else {
		w.raw("<span lang=\"vi\">")
		w.text(s.Title.VI)
		w.raw("</span>")
	}
	w.editorial(v, s.Title)
}

// editorial is the partial "editorial": a mark on a text the editors
// wrote rather than the source.
func (w *htmlWriter) editorial(v *page, t model.Text) {
	if t.Editorial {
		w.raw(" <span class=\"editorial\">(")
		w.t(v, "editorial.mark")
		w.raw(")</span>")
	}
}

func (w *htmlWriter) itemLinks(v *page, items []*model.Item) {
	for i, x := range items {
		if i > 0 {
			w.raw(", ")
		}
		w.raw("<a href=\"")
		w.url(v.Link.Item(x))
		w.raw("\">")
		w.text(v.ItemName(x))
		w.raw("</a>")
	}
}

// changes is the partial "changes".
func (w *htmlWriter) changes(v *page, list []change) {
	w.raw("<ul class=\"changes\">")
	for _, c := range list {
		w.raw("<li><time datetime=\"")
		w.text(c.Date.Format("2006-01-02"))
		w.raw("\">")
		w.text(v.L.Date(c.Date))
		w.raw("</time>: ")
		w.str(v.Name(c.Kind))
		for i, p := range c.Provinces {
			if i > 0 {
				w.raw(",")
			}
			w.raw(" <a href=\"")
			w.url(v.Link.Province(p))
			w.raw("\">")
			w.text(v.Tx(p.Name))
			w.raw("</a>")
		}
		for i, a := range c.Agencies {
			if i > 0 {
				w.raw(",")
			}
			w.raw(" <a href=\"")
			w.url(v.Link.Agency(a))
			w.raw("\">")
			w.text(v.Tx(a.Name))
			w.raw("</a>")
		}
		if !c.NewName.IsZero() {
			w.raw(" ")
			w.text(v.Tx(c.NewName))
		}
		w.raw(".")
		if !c.Note.IsZero() {
			w.raw(" ")
			w.text(v.Tx(c.Note))
		}
		w.raw(" <span class=\"sub\">")
		w.t(v, "change.basis")
		w.raw(": ")
		w.text(v.Tx(c.Basis))
		if c.SourceURL != "" {
			w.raw(" · <a href=\"")
			w.url(c.SourceURL)
			w.raw("\" rel=\"external noopener\">")
			w.t(v, "change.source")
			w.raw("</a>")
		}
		w.raw("</span></li>")
	}
	w.raw("</ul>")
}

// htmlWriter appends HTML, escaping values as html/template does in the
// context each method names, and keeps the first error.
type htmlWriter struct {
	b   []byte
	err error
}

func (w *htmlWriter) raw(s string) { w.b = append(w.b, s...) }

// text escapes s for text or a quoted attribute value, as html/template's
// HTML escaper does: it also escapes '+' and replaces NUL.
func (w *htmlWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		repl := htmlEscapes[s[i]]
		if repl == "" {
			continue
		}
		w.b = append(w.b, s[last:i]...)
		w.b = append(w.b, repl...)
		last = i + 1
	}
	w.b = append(w.b, s[last:]...)
}

// htmlEscapes is what text writes for each byte it escapes. Looked up
// by byte, not chosen by a switch: every text of every page goes
// through it, most of it Vietnamese letters of two and three bytes.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// langHref writes the attributes of a link to a page in another
// language: href="…" hreflang="…" lang="…", the last so that screen
// readers speak the link's words in that language.
func (w *htmlWriter) langHref(href, lang string) {
	w.raw("href=\"")
	w.url(href)
	w.raw("\" hreflang=\"")
	w.text(lang)
	w.raw("\" lang=\"")
	w.text(lang)
	w.raw("\"")
}

// str writes the text of a method that may fail.
func (w *htmlWriter) str(s string, err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
	w.text(s)
}

// t writes an interface string.
func (w *htmlWriter) t(v *page, key string) { w.str(v.L.T(key)) }

// html writes HTML that html/template produced.
func (w *htmlWriter) html(h template.HTML, err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
	w.raw(string(h))
}

// url writes s at the start of a URL attribute value: a scheme other
// than http, https or mailto is refused as html/template refuses it,
// then bytes not allowed in a URL are percent-encoded and the result
// escaped for the attribute.
func (w *htmlWriter) url(s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	w.text(percentEncode(s, true))
}

func (w *htmlWriter) urlErr(s string, err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
	w.url(s)
}

// frag writes s after a URL's "#" or "?": every byte but the unreserved
// ones is percent-encoded.
func (w *htmlWriter) frag(s string) { w.text(percentEncode(s, false)) }

// percentEncode encodes the bytes of s that may not stand in a URL as
// html/template does; normalize keeps the reserved characters and
// existing escapes, as at a URL's start.
func percentEncode(s string, normalize bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if normalize {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if normalize && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
