package render

import (
	"strconv"
	"strings"

	"sitegen/internal/model"
)

// The indexes, the home page, the comparison page, a programme's page,
// a plan's source, the glossary and the Markdown pages, written in Go as
// the pages of listpages.go are. A site has only a few pages of each of
// these kinds, but run by html/template each kind first cloned, parsed
// and escaped the layout and partials with its own file: about 2 ms a
// kind, some 45 ms of a real-site build's CPU time in all.

// titled writes a page whose title is the interface string key, and
// whose "main" opens with it as the heading.
func (w *htmlWriter) titled(v *page, key string, main func()) {
	w.layout(v, func() { w.t(v, key) }, func() {
		w.raw("\n<h1>")
		w.t(v, key)
		w.raw("</h1>\n")
		main()
	})
}

// figuresNote is the partial "figures-note": what the counts count.
func (w *htmlWriter) figuresNote(v *page) {
	w.raw("<p class=\"sub figures-note\">")
	w.t(v, "counts.note")
	w.raw(" <a href=\"")
	w.url(v.Link.Path("glossary/"))
	w.raw("#counts\">")
	w.t(v, "counts.more")
	w.raw("</a></p>")
}

// agencies.html
func (w *htmlWriter) agenciesPage(av *agenciesView) {
	v := av.page
	w.titled(v, "agencies.title", func() {
		w.raw("<ul class=\"cols\">")
		for _, ac := range av.Agencies {
			w.raw("<li>")
			w.link(v.Link.Agency(ac.Agency), v.Tx(ac.Agency.Name))
			if abbr := v.Abbr(ac.Agency); abbr != "" {
				w.raw(" (")
				w.text(abbr)
				w.raw(")")
			}
			w.raw(" <span class=\"sub\">")
			w.raw(strconv.Itoa(ac.Items))
			w.raw("</span></li>")
		}
		w.raw("</ul>\n")
	})
}

// plans.html
func (w *htmlWriter) plansPage(pv *plansView) {
	v := pv.page
	w.titled(v, "plans.title", func() {
		w.planCards(v, pv.Plans)
		w.raw("\n")
	})
}

// planCards lists plans as cards.
func (w *htmlWriter) planCards(v *page, plans []*model.Plan) {
	w.raw("<ul class=\"cards\">")
	for _, p := range plans {
		w.planCard(v, p)
	}
	w.raw("</ul>")
}

// provinces.html
func (w *htmlWriter) provincesPage(pv *provincesView) {
	v := pv.page
	w.titled(v, "provinces.title", func() {
		w.raw("<ul class=\"cards\">")
		for _, p := range pv.Provinces {
			w.raw("<li>")
			w.link(v.Link.Province(p), v.Tx(p.Name))
			w.raw(" <span class=\"sub\">")
			w.str(v.Name(p.Kind))
			w.raw(" · ")
			w.raw(strconv.Itoa(len(p.Plans)))
			w.raw(" ")
			w.t(v, "province.plans")
			w.raw("</span></li>")
		}
		w.raw("</ul>\n")
	})
}

// themes.html
func (w *htmlWriter) themesPage(tv *themesView) {
	v := tv.page
	w.titled(v, "themes.title", func() {
		w.raw("<ul class=\"cols\">")
		for _, tc := range tv.Themes {
			w.raw("<li>")
			w.link(v.Link.Theme(tc.Theme), v.Tx(tc.Theme.Name))
			w.raw(" <span class=\"sub\">")
			w.figures(v, tc.Figures)
			w.raw("</span></li>")
		}
		w.raw("</ul>\n")
		w.figuresNote(v)
		w.raw("\n")
	})
}

// pillarCards lists a programme's goals (keyed by their letters) or
// groups as cards, with their figures.
func (w *htmlWriter) pillarCards(v *page, list []pillarCount, keyed bool) {
	w.raw("<ul class=\"cards\">")
	for _, pc := range list {
		w.raw("<li><a href=\"")
		w.url(v.Link.Pillar(pc.Pillar))
		w.raw("\">")
		if keyed {
			w.pillarName(v, pc.Pillar)
		} else {
			w.text(v.Tx(pc.Pillar.Name))
		}
		w.raw("</a> <span class=\"sub\">")
		w.figures(v, pc.Figures)
		w.raw("</span></li>")
	}
	w.raw("</ul>")
}

// frameworkStatus writes a programme's status in brackets, if stated.
func (w *htmlWriter) frameworkStatus(v *page, f *model.Framework) {
	if f.Status != "" {
		w.raw(" <span class=\"sub\">(")
		w.str(v.Name(f.Status))
		w.raw(")</span>")
	}
}

// pillars.html
func (w *htmlWriter) pillarsPage(pv *pillarsView) {
	v := pv.page
	w.titled(v, "pillars.title", func() {
		for _, pf := range pv.Frameworks {
			f := pf.Framework
			w.raw("\n<section class=\"framework\" aria-labelledby=\"fw-")
			w.text(f.ID)
			w.raw("\">\n<h2 id=\"fw-")
			w.text(f.ID)
			w.raw("\">")
			w.link(v.Link.Framework(f), v.Tx(f.Name))
			w.frameworkStatus(v, f)
			w.raw("</h2>\n")
			if len(pf.Goals) > 0 {
				w.raw("<h3>")
				w.t(v, "pillars.goals")
				w.raw("</h3>\n")
				w.pillarCards(v, pf.Goals, true)
				w.raw("\n")
			} else {
				w.raw("<p>")
				w.t(v, "framework.goals-unverified")
				w.raw("</p>")
			}
			w.raw("\n")
			if len(pf.Groups) > 0 {
				w.raw("<h3>")
				w.t(v, "pillars.groups")
				w.raw("</h3>\n")
				w.pillarCards(v, pf.Groups, false)
			}
			w.raw("\n</section>")
		}
		w.raw("\n")
		w.figuresNote(v)
		w.raw("\n")
	})
}

// search.html
func (w *htmlWriter) searchPage(v *page) {
	w.titled(v, "search.title", func() {
		w.raw("<form id=\"search-form\" class=\"search\" role=\"search\" action=\"")
		w.url(v.Link.Path("search/"))
		w.raw("\" method=\"get\" data-index=\"")
		w.text(v.Link.Path("search/"))
		w.raw("\" data-count=\"")
		w.t(v, "search.count")
		w.raw("\" data-none=\"")
		w.t(v, "search.none")
		w.raw("\">\n<label for=\"q\">")
		w.t(v, "search.label")
		w.raw("</label>\n<input id=\"q\" type=\"search\" name=\"q\" autocomplete=\"off\">\n<button type=\"submit\">")
		w.t(v, "search.submit")
		w.raw("</button>\n</form>\n<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"search-results\" class=\"items\"></ol>\n<button id=\"search-more\" type=\"button\" hidden>")
		w.t(v, "search.more")
		w.raw("</button>\n<div id=\"search-nojs\">\n<p>")
		w.t(v, "search.nojs")
		w.raw("</p>\n<ul>\n")
		for _, index := range [...]struct{ path, key string }{
			{"plans/", "nav.plans"}, {"provinces/", "nav.provinces"}, {"pillars/", "nav.pillars"},
			{"agencies/", "nav.agencies"}, {"themes/", "nav.themes"},
		} {
			w.raw("<li>")
			w.link(v.Link.Path(index.path), tr(w, v, index.key))
			w.raw("</li>\n")
		}
		w.raw("</ul>\n</div>\n<script src=\"")
		w.urlErr(v.Link.Asset("search.js"))
		w.raw("\" defer></script>\n")
	})
}

// glossary.html
func (w *htmlWriter) glossaryPage(gv *glossaryView) {
	v := gv.page
	w.layout(v, func() { w.t(v, "glossary.title") }, func() {
		w.raw("\n<h1>")
		if gv.Title != "" {
			w.text(gv.Title)
		} else {
			w.t(v, "glossary.title")
		}
		w.raw("</h1>\n")
		w.raw(string(gv.Intro))
		w.raw("\n<table class=\"glossary\">\n<thead><tr><th scope=\"col\">")
		w.t(v, "glossary.vi")
		w.raw("</th><th scope=\"col\">")
		w.t(v, "glossary.en")
		w.raw("</th><th scope=\"col\">")
		w.t(v, "glossary.note")
		w.raw("</th></tr></thead>\n<tbody>")
		for _, term := range gv.Terms {
			w.raw("<tr><td lang=\"vi\">")
			w.text(term.VI)
			w.raw("</td><td lang=\"en\">")
			w.text(term.EN)
			w.raw("</td><td>")
			w.text(v.Tx(term.Note))
			if len(term.Avoid) > 0 {
				w.raw(" <span class=\"avoid\">")
				w.t(v, "glossary.avoid")
				w.raw(": <span lang=\"en\">")
				w.text(strings.Join(term.Avoid, "; "))
				w.raw("</span></span>")
			}
			w.raw("</td></tr>")
		}
		w.raw("</tbody>\n</table>\n<h2 id=\"counts\">")
		w.t(v, "counts.title")
		w.raw("</h2>\n<dl class=\"facts\">\n<dt>")
		w.t(v, "counts.item")
		w.raw("</dt><dd>")
		w.t(v, "counts.item-def")
		w.raw("</dd>\n<dt>")
		w.t(v, "counts.task")
		w.raw("</dt><dd>")
		w.t(v, "counts.task-def")
		w.raw("</dd>\n</dl>\n")
	})
}

// page.html: a Markdown page, and the plans it lists.
func (w *htmlWriter) markdownPage(mv *markdownView) {
	v := mv.page
	w.layout(v, func() { w.text(mv.Title) }, func() {
		w.raw("\n<article class=\"prose\">\n<h1>")
		w.text(mv.Title)
		w.raw("</h1>\n")
		w.raw(string(mv.Body))
		w.raw("\n")
		if len(mv.Plans) > 0 {
			w.raw("<h2 id=\"list-plans\">")
			w.t(v, "page.plans")
			w.raw("</h2>\n<ul class=\"cards\">")
			for _, p := range mv.Plans {
				w.planCard(v, p)
				if mv.Data {
					w.raw("<li class=\"data\"><a href=\"")
					w.url(v.Link.Data(p))
					w.raw("\">")
					w.str(v.Tf("page.plan-data", v.PlanName(p)))
					w.raw("</a></li>")
				}
			}
			w.raw("</ul>")
		}
		w.raw("\n</article>\n")
	})
}

// source.html: a plan's source document, each item's passage marked.
func (w *htmlWriter) sourcePage(sv *sourceView) {
	v, p := sv.page, sv.Plan
	title := func() { w.str(v.Tf("source.title", v.PlanName(p))) }
	w.layout(v, title, func() {
		w.crumbs(v)
		w.link(v.Link.Plan(p), v.PlanName(p))
		w.raw("</nav>\n<h1>")
		title()
		w.raw("</h1>\n<p>")
		w.t(v, "source.intro")
		w.raw(" (")
		w.str(v.Name(p.SourceKind))
		w.raw(")</p>\n")
		w.provenance(v, p.Provenance)
		w.raw("\n")
		if len(p.Omit) > 0 {
			w.raw("<div class=\"note omitted\"><p>")
			w.t(v, "source.omitted")
			w.raw("</p><ul>")
			for _, o := range p.Omit {
				w.raw("<li>")
				if o.From == o.To {
					w.str(v.Tf("source.omitted-line", o.From))
				} else {
					w.str(v.Tf("source.omitted-lines", o.From, o.To))
				}
				w.raw(": ")
				w.text(v.Tx(o.What))
				w.raw("</li>")
			}
			w.raw("</ul></div>")
		}
		w.raw("\n<div class=\"source-text\" lang=\"vi\">")
		w.sourceText(sv.Blocks)
		w.raw("</div>\n")
	})
}

// home.html
func (w *htmlWriter) homePage(hv *homeView) {
	v := hv.page
	w.layout(v, func() { w.t(v, "nav.home") }, func() {
		w.raw("\n<h1>")
		w.text(v.Tx(v.Site.Title))
		w.raw("</h1>\n<p class=\"lead\">")
		w.str(v.Tf("home.lead", len(hv.Plans), hv.Tasks))
		w.raw("</p>\n<form class=\"search\" role=\"search\" action=\"")
		w.url(v.Link.Path("search/"))
		w.raw("\" method=\"get\">\n<label for=\"home-q\">")
		w.t(v, "search.label")
		w.raw("</label>\n<input id=\"home-q\" type=\"search\" name=\"q\">\n<button type=\"submit\">")
		w.t(v, "search.submit")
		w.raw("</button>\n</form>\n<h2>")
		w.t(v, "home.frameworks")
		w.raw("</h2>\n<ul class=\"cards\">")
		for _, f := range hv.Frameworks {
			w.raw("<li>")
			w.link(v.Link.Framework(f), v.Tx(f.Name))
			if f.Status != "" {
				w.raw(" — <strong>")
				w.str(v.Name(f.Status))
				w.raw("</strong>")
			}
			w.raw("\n<span class=\"sub\">")
			w.str(v.Plural("framework.plan-count", len(f.Plans)))
			w.decision(v, f.Decision, " · ")
			if f.PeriodTo != 0 {
				w.raw(" · ")
				w.frameworkPeriod(v, f)
			}
			w.raw("</span></li>")
		}
		w.raw("</ul>\n<h2>")
		w.t(v, "home.plans")
		w.raw("</h2>\n")
		w.planCards(v, hv.Plans)
		w.raw("\n")
		if len(hv.Updates) > 0 {
			w.raw("<h2>")
			w.t(v, "updates.latest")
			w.raw("</h2>\n<ul class=\"updates\">")
			for _, u := range hv.Updates {
				w.raw("<li><time datetime=\"")
				w.text(u.Update.Date.Format("2006-01-02"))
				w.raw("\">")
				w.text(v.L.Date(u.Update.Date))
				w.raw("</time> — <a href=\"")
				w.url(v.Link.Item(u.Item))
				w.raw("\">")
				w.text(v.PlanName(u.Item.Plan))
				w.raw(" · ")
				w.text(v.Label(u.Item))
				w.raw("</a>: <strong>")
				w.str(v.Name(u.Update.Status))
				w.raw("</strong>. ")
				w.text(v.Tx(u.Update.Text))
				w.raw("</li>")
			}
			w.raw("</ul>")
		}
		w.raw("\n<h2>")
		w.t(v, "home.browse")
		w.raw("</h2>\n<ul class=\"browse\">\n<li>")
		w.link(v.Link.Path("provinces/"), tr(w, v, "nav.provinces"))
		w.raw(": ")
		linkList(w, hv.Provinces, func(p *model.Province) (string, string) { return v.Link.Province(p), v.Tx(p.Name) })
		w.raw("</li>\n<li>")
		w.link(v.Link.Path("pillars/"), tr(w, v, "nav.pillars"))
		w.raw(": ")
		linkList(w, hv.Pillars, func(p *model.Pillar) (string, string) { return v.Link.Pillar(p), v.Tx(p.Name) })
		w.raw("</li>\n<li>")
		w.link(v.Link.Path("themes/"), tr(w, v, "nav.themes"))
		w.raw(": ")
		linkList(w, hv.Themes, func(t *model.Theme) (string, string) { return v.Link.Theme(t), v.Tx(t.Name) })
		w.raw("</li>\n<li>")
		w.link(v.Link.Path("agencies/"), tr(w, v, "nav.agencies"))
		w.raw("</li>\n<li>")
		w.link(v.Link.Path("compare/"), tr(w, v, "nav.compare"))
		w.raw("</li>\n</ul>\n")
	})
}

// linkList writes a link to each of list, given by link, separated by
// commas.
func linkList[T any](w *htmlWriter, list []T, link func(T) (href, text string)) {
	for i, x := range list {
		if i > 0 {
			w.raw(", ")
		}
		w.link(link(x))
	}
}

// decision writes a programme's decision number and date, each after
// sep, as far as they are known.
func (w *htmlWriter) decision(v *page, d model.Decision, sep string) {
	if d.Number != "" {
		w.raw(sep)
		w.str(v.Tf("framework.decision-number", d.Number))
	}
	if d.HasDate {
		w.raw(sep)
		w.text(v.L.Date(d.Date))
	}
}

// frameworkPeriod writes the years a programme runs, or the year it
// runs until.
func (w *htmlWriter) frameworkPeriod(v *page, f *model.Framework) {
	if f.PeriodFrom != 0 {
		w.raw(strconv.Itoa(f.PeriodFrom))
		w.raw("–")
		w.raw(strconv.Itoa(f.PeriodTo))
	} else {
		w.str(v.Tf("framework.until", f.PeriodTo))
	}
}

// framework.html: a programme's register, goals and plans.
func (w *htmlWriter) frameworkPage(fv *frameworkView) {
	v, f := fv.page, fv.Framework
	d := f.Decision
	w.layout(v, func() { w.text(v.Tx(f.Name)) }, func() {
		w.crumbs(v)
		w.link(v.Link.Home(), tr(w, v, "nav.home"))
		w.raw("</nav>\n<h1>")
		if f.Title.IsZero() {
			w.text(v.Tx(f.Name))
		} else {
			w.text(v.Tx(f.Title))
		}
		w.raw("</h1>\n")
		if f.Status != "" {
			w.raw("<p class=\"lead\"><strong>")
			w.str(v.Name(f.Status))
			w.raw("</strong></p>")
		}
		w.raw("\n<section class=\"register\" aria-labelledby=\"register\">\n<h2 id=\"register\">")
		w.t(v, "framework.register")
		w.raw("</h2>\n<dl>\n")
		w.fact(v, "framework.name")
		w.text(v.Tx(f.Name))
		w.raw("</dd>\n")
		if d.Number != "" {
			w.fact(v, "framework.decision")
			w.str(v.Tf("framework.decision-number", d.Number))
			w.raw("</dd>")
		}
		w.raw("\n")
		if d.HasDate {
			w.fact(v, "framework.date")
			w.raw("<time datetime=\"")
			w.text(d.Date.Format("2006-01-02"))
			w.raw("\">")
			w.text(v.L.Date(d.Date))
			w.raw("</time></dd>")
		}
		w.raw("\n")
		if d.Signer != "" {
			w.fact(v, "plan.signer")
			w.text(d.Signer)
			if !d.SignerRole.IsZero() {
				w.raw(" (")
				w.text(v.Tx(d.SignerRole))
				w.raw(")")
			}
			w.raw("</dd>")
		}
		w.raw("\n")
		w.textFact(v, "framework.instrument", f.Instrument)
		w.raw("\n")
		if f.PeriodTo != 0 {
			w.fact(v, "plan.period")
			w.frameworkPeriod(v, f)
			w.raw("</dd>")
		}
		w.raw("\n")
		w.textFact(v, "framework.coordinator", f.Coordinator)
		w.raw("\n")
		if f.Status != "" {
			w.fact(v, "framework.status")
			w.str(v.Name(f.Status))
			w.raw("</dd>")
		}
		w.raw("\n")
		w.textFact(v, "framework.note", f.Note)
		w.raw("\n</dl>\n</section>\n<h2>")
		w.t(v, "framework.goals")
		w.raw("</h2>\n")
		if len(fv.Goals) > 0 {
			w.pillarCards(v, fv.Goals, true)
			w.raw("\n")
		} else {
			w.raw("<p class=\"framework-unverified\">")
			w.t(v, "framework.goals-unverified")
			w.raw("</p>")
		}
		w.raw("\n")
		if len(fv.Groups) > 0 {
			w.raw("<h2>")
			w.t(v, "pillars.groups")
			w.raw("</h2>\n")
			w.pillarCards(v, fv.Groups, false)
		}
		w.raw("\n<h2>")
		w.t(v, "framework.plans")
		w.raw("</h2>\n")
		if len(f.Plans) > 0 {
			w.planCards(v, f.Plans)
			w.raw("\n<p><a href=\"")
			w.url(v.Link.Path("compare/"))
			w.raw("#fw-")
			w.frag(f.ID)
			w.raw("\">")
			w.t(v, "framework.compare")
			w.raw("</a></p>\n")
		} else {
			w.raw("<p>")
			w.t(v, "framework.no-plans")
			w.raw("</p>")
		}
		w.raw("\n")
	})
}

// compare.html: each programme's plans side by side and its pillars by
// province, then the comparisons by theme and by agency.
func (w *htmlWriter) comparePage(cv *compareView) {
	v := cv.page
	w.titled(v, "compare.title", func() {
		for _, fc := range cv.Frameworks {
			w.frameworkComparison(cv, fc)
		}
		w.raw("\n<h2>")
		w.t(v, "compare.theme")
		w.raw("</h2>\n<ul class=\"cols\">")
		for _, tc := range cv.Themes {
			w.raw("<li>")
			w.link(v.Link.CompareTheme(tc.Theme), v.Tx(tc.Theme.Name))
			w.raw(" <span class=\"sub\">")
			w.figures(v, tc.Figures)
			w.raw("</span></li>")
		}
		w.raw("</ul>\n<h2>")
		w.t(v, "compare.agency")
		w.raw("</h2>\n<ul class=\"cols\">")
		for _, a := range cv.Agencies {
			w.raw("<li>")
			w.link(v.Link.CompareAgency(a), v.Tx(a.Name))
			w.raw("</li>")
		}
		w.raw("</ul>\n")
	})
}

// frameworkComparison is one programme's section of compare.html.
func (w *htmlWriter) frameworkComparison(cv *compareView, fc frameworkComparison) {
	v, f := cv.page, fc.Framework
	w.raw("\n<section class=\"framework\" id=\"fw-")
	w.text(f.ID)
	w.raw("\" aria-labelledby=\"fw-")
	w.text(f.ID)
	w.raw("-h\">\n<h2 id=\"fw-")
	w.text(f.ID)
	w.raw("-h\">")
	w.link(v.Link.Framework(f), v.Tx(f.Name))
	w.frameworkStatus(v, f)
	w.raw("</h2>\n<h3 id=\"plans-")
	w.text(f.ID)
	w.raw("\">")
	w.t(v, "compare.plans")
	w.raw("</h3>\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"plans-")
	w.text(f.ID)
	w.raw("\" tabindex=\"0\">\n<table class=\"compare\">\n<thead><tr><th scope=\"col\">")
	w.t(v, "nav.plans")
	w.raw("</th>")
	for _, p := range fc.Plans {
		w.raw("<th scope=\"col\">")
		w.link(v.Link.Plan(p), v.PlanName(p))
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>\n")
	// row writes a row of the plans' table, headed by the interface
	// string key, a cell per plan.
	row := func(key string, cell func(p *model.Plan)) {
		w.raw("<tr><th scope=\"row\">")
		w.t(v, key)
		w.raw("</th>")
		for _, p := range fc.Plans {
			w.raw("<td>")
			cell(p)
			w.raw("</td>")
		}
		w.raw("</tr>\n")
	}
	notStated := func() {
		w.raw("<em>")
		w.t(v, "plan.not-stated")
		w.raw("</em>")
	}
	row("nav.provinces", func(p *model.Plan) {
		if p.Province != nil {
			w.text(v.Tx(p.Province.Name))
		}
		if p.Attribution != nil {
			w.raw(" (")
			w.t(v, "plan.attributed-short")
			w.raw(")")
		}
	})
	row("plan.type", func(p *model.Plan) { w.str(v.Name(p.Document.Type)) })
	row("plan.number", func(p *model.Plan) {
		if p.Document.Number != "" {
			w.text(p.Document.Number)
		} else {
			notStated()
		}
	})
	row("plan.date", func(p *model.Plan) {
		if p.Document.HasDate {
			w.text(v.L.Date(p.Document.Date))
		} else {
			notStated()
		}
	})
	row("plan.period", func(p *model.Plan) {
		if p.PeriodFrom != 0 {
			w.period(p)
		} else {
			notStated()
		}
	})
	row("plan.standing", func(p *model.Plan) {
		if p.Standing != nil {
			w.text(v.Tx(p.Standing.Name))
		} else {
			notStated()
		}
	})
	row("plan.reporting", func(p *model.Plan) {
		for _, r := range p.Reporting {
			if r.Day != 0 {
				w.raw("<span class=\"deadline\">")
				w.text(v.L.DayMonth(r.Day, r.Month))
				w.raw("</span> ")
			}
		}
		if len(p.Reporting) == 0 {
			notStated()
		}
	})
	row("compare.items", func(p *model.Plan) { w.raw(strconv.Itoa(v.PlanFigures(p).Items)) })
	row("compare.tasks", func(p *model.Plan) { w.raw(strconv.Itoa(v.PlanFigures(p).Tasks)) })
	row("plan.targets", func(p *model.Plan) {
		for i, t := range p.Targets {
			if i > 0 {
				w.raw("; ")
			}
			w.text(v.Tx(t.Indicator))
			w.raw(": ")
			w.str(v.Target(t))
		}
		if len(p.Targets) == 0 {
			notStated()
		}
	})
	w.raw("</tbody>\n</table>\n</div>\n")
	if len(fc.Matrix) > 0 {
		w.pillarMatrix(cv, fc)
	} else {
		w.raw("<p>")
		w.t(v, "framework.goals-unverified")
		w.raw("</p>")
	}
	w.raw("\n</section>")
}

// pillarMatrix writes a programme's tasks per pillar and province, as a
// chart and a table, and the list of its pillars' comparisons.
func (w *htmlWriter) pillarMatrix(cv *compareView, fc frameworkComparison) {
	v, f := cv.page, fc.Framework
	w.raw("<h3 id=\"matrix-")
	w.text(f.ID)
	w.raw("\">")
	w.t(v, "compare.matrix")
	w.raw("</h3>\n<p>")
	w.t(v, "compare.matrix-note")
	w.raw("</p>\n")
	w.raw(string(cv.PillarChart(fc)))
	w.raw("\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-")
	w.text(f.ID)
	w.raw("\" tabindex=\"0\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">")
	w.t(v, "nav.pillars")
	w.raw("</th>")
	for _, p := range fc.Provinces {
		w.raw("<th scope=\"col\">")
		w.link(v.Link.Province(p), v.Tx(p.Name))
		w.raw("</th>")
	}
	w.raw("<th scope=\"col\">")
	w.t(v, "compare.total")
	w.raw("</th></tr></thead>\n<tbody>")
	for _, row := range fc.Matrix {
		href := v.Link.ComparePillar(row.Pillar)
		w.raw("\n<tr><th scope=\"row\">")
		w.link(href, row.Pillar.Key+". "+v.Tx(row.Pillar.Name))
		w.raw("</th>")
		for _, c := range row.Cells {
			n := strconv.Itoa(c.Count)
			w.raw("<td data-value=\"")
			w.raw(n)
			w.raw("\">")
			if c.Count != 0 {
				w.link(href, n)
			} else {
				w.raw("0")
			}
			w.raw("</td>")
		}
		total := strconv.Itoa(row.Total)
		w.raw("<td data-total=\"")
		w.raw(total)
		w.raw("\">")
		w.raw(total)
		w.raw("</td></tr>")
	}
	w.raw("\n</tbody>\n</table>\n</div>\n<h3>")
	w.t(v, "compare.pillar")
	w.raw("</h3>\n<ul>")
	for _, p := range f.Pillars {
		w.raw("<li>")
		w.link(v.Link.ComparePillar(p), p.Key+". "+v.Tx(p.Name))
		w.raw("</li>")
	}
	w.raw("</ul>\n")
}
