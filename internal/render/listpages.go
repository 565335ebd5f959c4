package render

import (
	"fmt"
	"strconv"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// After the items, the lists of an agency in a province, an agency, a
// theme and a pillar, and the comparisons by agency, theme and pillar
// are most of a site's pages: some 450 of the real site's 1,228. Run by
// html/template, their layout alone made about as many reflective calls
// as the rest of the page. While a kind's theme files are the built-in
// ones (theme.BuiltIn), these pages are written in Go, as item pages
// are: each function below writes the bytes of its template, line by
// line, and TestItemPageMatchesTemplate compares every page both ways.

// pagesInGo are the page kinds written in Go, each by a function of its
// view.
var pagesInGo = map[manifest.Kind]func(w *htmlWriter, v any){
	manifest.Item:           inGo((*htmlWriter).itemPage),
	manifest.Plan:           inGo((*htmlWriter).planPage),
	manifest.Province:       inGo((*htmlWriter).provincePage),
	manifest.ProvinceAgency: inGo((*htmlWriter).provinceAgencyPage),
	manifest.Agency:         inGo((*htmlWriter).agencyPage),
	manifest.Theme:          inGo((*htmlWriter).themePage),
	manifest.Pillar:         inGo((*htmlWriter).pillarPage),
	manifest.CompareAgency:  inGo((*htmlWriter).columnsPage),
	manifest.CompareTheme:   inGo((*htmlWriter).columnsPage),
	manifest.ComparePillar:  inGo((*htmlWriter).columnsPage),
	manifest.Home:           inGo((*htmlWriter).homePage),
	manifest.Framework:      inGo((*htmlWriter).frameworkPage),
	manifest.Plans:          inGo((*htmlWriter).plansPage),
	manifest.Source:         inGo((*htmlWriter).sourcePage),
	manifest.Provinces:      inGo((*htmlWriter).provincesPage),
	manifest.Agencies:       inGo((*htmlWriter).agenciesPage),
	manifest.Pillars:        inGo((*htmlWriter).pillarsPage),
	manifest.Themes:         inGo((*htmlWriter).themesPage),
	manifest.Compare:        inGo((*htmlWriter).comparePage),
	manifest.Glossary:       inGo((*htmlWriter).glossaryPage),
	manifest.Search:         inGo((*htmlWriter).searchPage),
	manifest.Markdown:       inGo((*htmlWriter).markdownPage),
	manifest.Redirect:       inGo((*htmlWriter).redirectPage),
	manifest.Tombstone:      inGo((*htmlWriter).tombstonePage),
	rootKind:                inGo((*htmlWriter).rootPage),
	notFoundKind:            inGo((*htmlWriter).notFoundPage),
}

// rootKind and notFoundKind are the pages outside the manifest, named as
// their templates are: the site's root page and the 404 pages.
const (
	rootKind     manifest.Kind = "root"
	notFoundKind manifest.Kind = "404"
)

func inGo[V any](write func(*htmlWriter, V)) func(*htmlWriter, any) {
	return func(w *htmlWriter, v any) {
		view, ok := v.(V)
		if !ok { // a view and its kind out of step: a mistake here, not in the content
			w.fail(fmt.Errorf("a %T to write where a %T belongs", v, view))
			return
		}
		write(w, view)
	}
}

// crumbs opens the breadcrumbs of a list page.
func (w *htmlWriter) crumbs(v *page) {
	w.raw("\n<nav aria-label=\"")
	w.t(v, "crumbs.label")
	w.raw("\" class=\"crumbs\">")
}

// crumb is a link of the breadcrumbs.
type crumb struct{ href, text string }

// underIndex writes the breadcrumbs of a page listed on the index at
// path (named by the interface string key), after those of up, and opens
// its heading, name.
func (w *htmlWriter) underIndex(v *page, path, key, name string, up ...crumb) {
	w.crumbs(v)
	for _, c := range up {
		w.link(c.href, c.text)
		w.raw(" › ")
	}
	w.link(v.Link.Path(path), tr(w, v, key))
	w.raw("</nav>\n<h1>")
	w.text(name)
}

// link writes an anchor to href around text.
func (w *htmlWriter) link(href, text string) {
	w.raw("<a href=\"")
	w.url(href)
	w.raw("\">")
	w.text(text)
	w.raw("</a>")
}

// province.html
func (w *htmlWriter) provincePage(pv *provinceView) {
	v, p := pv.page, pv.Province
	w.layout(v, func() { w.text(v.Tx(p.Name)) }, func() {
		heading, err := v.ProvinceHeading(p)
		w.fail(err)
		w.underIndex(v, "provinces/", "nav.provinces", heading)
		w.raw("</h1>\n")
		if list := v.ProvinceChanges(p); len(list) > 0 {
			w.raw("<h2>")
			w.t(v, "province.changes")
			w.raw("</h2>")
			w.changes(v, list)
		}
		w.raw("\n")
		w.commentary(v, pv.Commentary)
		w.raw("\n<h2>")
		w.t(v, "province.plans")
		w.raw("</h2>\n")
		if len(p.Plans) > 0 {
			w.planCards(v, p.Plans)
		} else {
			w.raw("<p>")
			w.t(v, "province.no-plans")
			w.raw("</p>")
		}
		w.raw("\n")
		if len(pv.Items) > 0 {
			w.statusCounts(v, pv.Items)
		}
		w.raw("\n")
		if len(pv.Agencies) > 0 {
			w.raw("<h2>")
			w.t(v, "province.agencies")
			w.raw("</h2>\n")
			w.raw(string(pv.AgencyChart()))
			w.raw("\n<ul class=\"cols\">")
			for _, ac := range pv.Agencies {
				w.raw("<li>")
				w.link(v.Link.ProvinceAgency(p, ac.Agency), v.AgencyName(ac.Agency, p))
				n := strconv.Itoa(ac.Items)
				w.raw(" (<span data-value=\"")
				w.raw(n)
				w.raw("\">")
				w.raw(n)
				w.raw("</span>)")
				if s := ac.Agency.Successor; s != nil {
					w.raw(" <span class=\"sub\">— ")
					w.str(v.Tf("agency.successor", v.L.Date(s.Date)))
					w.raw(": ")
					for i, x := range s.Agencies {
						if i > 0 {
							w.raw(", ")
						}
						w.text(v.Tx(x.Name))
					}
					w.raw("</span>")
				}
				w.raw("</li>")
			}
			w.raw("</ul>")
		}
		w.raw("\n")
	})
}

// planCard is the partial "plan-card": a plan's name, title, province,
// date and figures.
func (w *htmlWriter) planCard(v *page, p *model.Plan) {
	w.raw("\n<li>")
	w.link(v.Link.Plan(p), v.PlanName(p))
	w.raw(" — ")
	w.text(v.Tx(p.Title))
	w.raw("\n<span class=\"sub\">")
	if pr := p.Province; pr != nil {
		w.text(v.Tx(pr.Name))
		if p.Attribution != nil {
			w.raw(" (")
			w.t(v, "plan.attributed-short")
			w.raw(")")
		}
		w.raw(" · ")
	}
	if p.Document.HasDate {
		w.text(v.L.Date(p.Document.Date))
	} else {
		w.t(v, "plan.date-not-stated")
	}
	w.raw(" · ")
	w.figures(v, v.PlanFigures(p))
	w.raw("</span></li>")
}

// statusCounts is the partial "status-counts": items per status, as a
// chart and a table, or a sentence while none is reported.
func (w *htmlWriter) statusCounts(v *page, items []*model.Item) {
	if !v.Reported(items) {
		w.raw("<p class=\"status-none\">")
		w.t(v, "status.none")
		w.raw(" ")
		w.link(v.Link.Path("methodology/"), tr(w, v, "status.how"))
		w.raw("</p>")
		return
	}
	w.raw(string(v.StatusChart(items)))
	w.raw("<table class=\"status\">\n<caption>")
	w.t(v, "status.caption")
	w.raw("</caption>\n<thead><tr><th scope=\"col\">")
	w.t(v, "item.status")
	w.raw("</th><th scope=\"col\">")
	w.t(v, "compare.items")
	w.raw("</th></tr></thead>\n<tbody>")
	for _, c := range v.StatusCounts(items) {
		w.raw("<tr><th scope=\"row\">")
		w.str(v.Name(c.Status))
		n := strconv.Itoa(c.Count)
		w.raw("</th><td data-value=\"")
		w.raw(n)
		w.raw("\">")
		w.raw(n)
		w.raw("</td></tr>")
	}
	w.raw("</tbody>\n</table>")
}

// province-agency.html
func (w *htmlWriter) provinceAgencyPage(pv *provinceAgencyView) {
	v, a, p := pv.page, pv.Agency, pv.Province
	name := v.AgencyName(a, p)
	w.layout(v, func() { w.text(name) }, func() {
		w.crumbs(v)
		w.link(v.Link.Province(p), v.Tx(p.Name))
		w.raw(" › ")
		w.link(v.Link.Agency(a), v.Tx(a.Name))
		w.raw("</nav>\n<h1>")
		w.text(name)
		w.raw(" <span class=\"sub\">(")
		w.text(v.Tx(p.Name))
		w.raw(")</span></h1>\n")
		w.agencyChanges(v, a)
		w.raw("\n")
		if len(pv.Items) > 0 {
			w.agencyItems(v, pv.Items, a)
		}
		w.raw("\n")
	})
}

// agency.html
func (w *htmlWriter) agencyPage(av *agencyView) {
	v, a := av.page, av.Agency
	w.layout(v, func() { w.text(v.Tx(a.Name)) }, func() {
		w.underIndex(v, "agencies/", "nav.agencies", v.Tx(a.Name))
		w.raw("</h1>\n<dl class=\"facts\">\n")
		if abbr := v.Abbr(a); abbr != "" {
			w.fact(v, "agency.abbr")
			w.text(abbr)
			w.raw("</dd>")
		}
		w.raw("\n")
		if len(a.Variants) > 0 {
			w.fact(v, "agency.variants")
			w.raw("<ul>")
			for _, s := range a.Variants {
				w.raw("<li lang=\"vi\">")
				w.text(s)
				w.raw("</li>")
			}
			w.raw("</ul></dd>")
		}
		w.raw("\n</dl>\n")
		w.agencyChanges(v, a)
		w.raw("\n")
		if len(av.Items) > 0 {
			w.raw("<p>")
			w.link(v.Link.CompareAgency(a), tr(w, v, "agency.compare"))
			w.raw("</p>")
		}
		w.raw("\n")
		w.commentary(v, av.Commentary)
		w.raw("\n")
		if len(av.Items) > 0 {
			w.agencyItems(v, av.Items, a)
		} else {
			w.raw("<p>")
			w.t(v, "agency.none")
			w.raw("</p>")
		}
		w.raw("\n")
	})
}

// agencyChanges writes the changes to agency a under their heading, if
// it has any.
func (w *htmlWriter) agencyChanges(v *page, a *model.Agency) {
	if list := v.AgencyChanges(a); len(list) > 0 {
		w.raw("<h2>")
		w.t(v, "agency.changes")
		w.raw("</h2>")
		w.changes(v, list)
	}
}

// agencyItems writes the count of an agency's items and the items by plan.
func (w *htmlWriter) agencyItems(v *page, items []*model.Item, a *model.Agency) {
	w.raw("<p>")
	w.str(v.Plural("agency.items", len(items)))
	w.raw("</p>")
	w.byPlan(v, items, a)
}

// theme.html
func (w *htmlWriter) themePage(tv *themeView) {
	v, t := tv.page, tv.Theme
	w.layout(v, func() { w.text(v.Tx(t.Name)) }, func() {
		w.underIndex(v, "themes/", "nav.themes", v.Tx(t.Name))
		w.raw("</h1>\n<p>")
		w.link(v.Link.CompareTheme(t), tr(w, v, "theme.compare"))
		w.raw("</p>\n")
		w.listEnd(v, tv.Commentary, tv.Items, tv.Figures)
	})
}

// pillar.html
func (w *htmlWriter) pillarPage(pv *pillarView) {
	v, p := pv.page, pv.Pillar
	w.layout(v, func() { w.text(v.Tx(p.Name)) }, func() {
		var up []crumb
		if f := p.Framework; f != nil {
			up = append(up, crumb{v.Link.Framework(f), v.Tx(f.Name)})
		}
		name := v.Tx(p.Name)
		if p.Key != "" {
			name = p.Key + ". " + name
		}
		w.underIndex(v, "pillars/", "nav.pillars", name, up...)
		w.raw("</h1>\n")
		if en := p.Blueprint.EN; en != "" {
			w.raw("<p>")
			w.t(v, "pillar.blueprint")
			w.raw(" <span lang=\"en\">")
			w.text(en)
			w.raw("</span></p>")
		}
		w.raw("\n")
		if !p.IsGroup {
			w.raw("<p>")
			w.link(v.Link.ComparePillar(p), tr(w, v, "pillar.compare"))
			w.raw("</p>")
		}
		w.raw("\n")
		w.listEnd(v, pv.Commentary, pv.Items, pv.Figures)
	})
}

// listEnd writes the last lines of theme.html and pillar.html: the
// commentary, the figures and the items by plan.
func (w *htmlWriter) listEnd(v *page, c *Commentary, items []*model.Item, f Figures) {
	w.commentary(v, c)
	w.raw("\n")
	if len(items) > 0 {
		w.raw("<p>")
		w.figures(v, f)
		w.raw("</p>")
		w.byPlan(v, items, nil)
	}
	w.raw("\n")
}

// compare-agency.html, compare-theme.html and compare-pillar.html: one
// subject's items side by side, plan by plan.
func (w *htmlWriter) columnsPage(cv *columnsView) {
	v := cv.page
	var (
		name, up, upText, note, captionKey, rowHead string
	)
	switch {
	case cv.Agency != nil:
		name, up = v.Tx(cv.Agency.Name), v.Link.Agency(cv.Agency)
		note, captionKey, rowHead = "compare.agency-note", "compare.agency-caption", "nav.themes"
	case cv.Theme != nil:
		name, up = v.Tx(cv.Theme.Name), v.Link.Theme(cv.Theme)
		note, captionKey, rowHead = "compare.columns-note", "compare.theme-caption", "nav.pillars"
	default:
		name, up = v.Tx(cv.Pillar.Name), v.Link.Pillar(cv.Pillar)
		note, captionKey, rowHead = "compare.columns-note", "compare.pillar-caption", "nav.themes"
	}
	upText = name
	title, err := v.Tf("compare.pillar-title", name)
	w.fail(err)
	caption, err := v.Tf(captionKey, name)
	w.fail(err)
	w.layout(v, func() { w.text(title) }, func() {
		w.crumbs(v)
		w.link(v.Link.Path("compare/"), tr(w, v, "nav.compare"))
		w.raw(" › ")
		w.link(up, upText)
		w.raw("</nav>\n<h1>")
		w.text(title)
		w.raw("</h1>\n<p>")
		w.t(v, note)
		w.raw("</p>\n")
		w.compareTable(v, cv.Table, cv.Agency, caption, tr(w, v, rowHead))
		w.raw("\n")
	})
}

// tr returns an interface string, keeping a missing one as w's error.
func tr(w *htmlWriter, v *page, key string) string {
	s, err := v.L.T(key)
	w.fail(err)
	return s
}

// fail keeps err as w's error if it is the first.
func (w *htmlWriter) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}
