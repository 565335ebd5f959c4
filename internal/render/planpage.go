package render

import (
	"strconv"

	"sitegen/internal/model"
)

// plan.html, written in Go as the pages of listpages.go are: a plan's
// heading and figures, targets, contents, status, register and citation,
// then its sections.
func (w *htmlWriter) planPage(pv *planView) {
	v, p := pv.page, pv.Plan
	w.layout(v, func() { w.text(v.PlanName(p)) }, func() {
		var up []crumb
		if pr := p.Province; pr != nil {
			up = append(up, crumb{v.Link.Province(pr), v.Tx(pr.Name)})
		}
		w.underIndex(v, "plans/", "nav.plans", v.Tx(p.Title), up...)
		w.raw("</h1>\n<p class=\"sub\">")
		w.text(v.DocumentName(p))
		w.raw(" · ")
		w.planDate(v, p.Document, "plan.date-not-stated")
		if pr := p.Province; pr != nil {
			w.raw(" · ")
			w.text(v.Tx(pr.Name))
		}
		if p.PeriodFrom != 0 {
			w.raw(" · ")
			w.period(p)
		}
		w.raw("</p>\n<p class=\"lead\">")
		w.figures(v, v.PlanFigures(p))
		if pv.Untranslated != 0 {
			w.raw(" ")
			w.str(v.Tf("plan.untranslated", pv.Untranslated))
		}
		w.raw("</p>\n<p class=\"sub figures-note\">")
		w.t(v, "counts.note")
		w.raw(" <a href=\"")
		w.url(v.Link.Path("glossary/"))
		w.raw("#counts\">")
		w.t(v, "counts.more")
		w.raw("</a></p>\n")
		w.planPillars(v, pv.Pillars)
		w.raw("\n")
		w.planTargets(v, p.Targets)
		w.raw("\n")
		w.commentary(v, pv.Commentary)
		w.raw("\n<nav class=\"toc\" aria-labelledby=\"toc\"><h2 id=\"toc\">")
		w.t(v, "plan.contents")
		w.raw("</h2><ul>")
		for _, s := range p.Sections {
			w.raw("<li><a href=\"#")
			w.frag(s.ID)
			w.raw("\">")
			w.sectionTitle(v, s)
			w.raw("</a></li>")
		}
		w.raw("</ul></nav>\n")
		w.statusCounts(v, p.Items)
		w.raw("\n")
		w.register(v, p)
		w.raw("\n<p class=\"cite\"><span>")
		w.t(v, "plan.cite")
		w.raw(":</span> <span class=\"cite-text\">")
		w.text(v.Citation(p))
		w.raw("</span></p>\n")
		for _, s := range p.Sections {
			w.section(v, s, 2)
		}
		w.raw("\n")
	})
}

// planDate writes a document's date, or the interface string notStated.
func (w *htmlWriter) planDate(v *page, d model.Document, notStated string) {
	if d.HasDate {
		w.text(v.L.Date(d.Date))
	} else {
		w.t(v, notStated)
	}
}

// period writes the years a plan runs.
func (w *htmlWriter) period(p *model.Plan) {
	w.raw(strconv.Itoa(p.PeriodFrom))
	w.raw("–")
	w.raw(strconv.Itoa(p.PeriodTo))
}

// planPillars writes a plan's figures under each goal it has items for.
func (w *htmlWriter) planPillars(v *page, pillars []pillarCount) {
	if len(pillars) == 0 {
		return
	}
	w.raw("<ul class=\"pillar-figures\">")
	for _, pc := range pillars {
		w.raw("<li><a href=\"")
		w.url(v.Link.Pillar(pc.Pillar))
		w.raw("\">")
		w.pillarName(v, pc.Pillar)
		w.raw("</a>: ")
		w.figures(v, pc.Figures)
		w.raw("</li>")
	}
	w.raw("</ul>")
}

// pillarName writes a pillar's name after its letter, if it has one.
func (w *htmlWriter) pillarName(v *page, p *model.Pillar) {
	if p.Key != "" {
		w.text(p.Key)
		w.raw(". ")
	}
	w.text(v.Tx(p.Name))
}

// planTargets writes a plan's quantified targets.
func (w *htmlWriter) planTargets(v *page, targets []*model.Target) {
	if len(targets) == 0 {
		return
	}
	w.raw("<section aria-labelledby=\"targets\"><h2 id=\"targets\">")
	w.t(v, "plan.targets")
	w.raw("</h2>\n<ul>")
	for _, t := range targets {
		w.raw("<li>")
		w.text(v.Tx(t.Indicator))
		w.raw(": <strong>")
		w.str(v.Target(t))
		w.raw("</strong>")
		w.editorial(v, t.Indicator)
		if t.Year != 0 {
			w.raw(" (")
			w.raw(strconv.Itoa(t.Year))
			w.raw(")")
		}
		if it := t.Item; it != nil {
			w.raw(" — <a href=\"#")
			w.frag(it.ID)
			w.raw("\">")
			w.text(v.Label(it))
			w.raw("</a>")
		}
		w.raw("</li>")
	}
	w.raw("</ul></section>")
}

// register writes the plan's register entry: what the document is, who
// issued and signed it, on what basis, and where its text comes from.
func (w *htmlWriter) register(v *page, p *model.Plan) {
	d := p.Document
	notStated := func() {
		w.raw("<em>")
		w.t(v, "plan.not-stated")
		w.raw("</em>")
	}
	w.raw("<details class=\"register\" id=\"register\">\n<summary><h2>")
	w.t(v, "plan.register")
	w.raw("</h2></summary>\n<dl>\n")
	if pr := p.Province; pr != nil {
		w.fact(v, "plan.province")
		w.link(v.Link.Province(pr), v.Tx(pr.Name))
		if c := v.ProvinceNow(pr); c != nil {
			w.raw(" <span class=\"sub now\">(")
			w.str(v.Tf("plan.province-now", v.L.Date(c.Date)))
			w.raw(" ")
			w.link(v.Link.Province(c.MergedIntoProvince), v.Tx(c.MergedIntoProvince.Name))
			w.raw(")</span>")
		}
		if a := p.Attribution; a != nil {
			w.raw(" <strong class=\"attributed\">")
			w.t(v, "plan.attributed")
			w.raw("</strong> ")
			w.text(v.Tx(a.Evidence))
		}
		w.raw("</dd>")
	}
	w.raw("\n")
	w.fact(v, "plan.type")
	w.str(v.Name(d.Type))
	w.raw("</dd>\n")
	w.fact(v, "plan.number")
	if d.Number != "" {
		w.text(d.Number)
	} else {
		notStated()
	}
	w.raw("</dd>\n")
	w.fact(v, "plan.date")
	if d.HasDate {
		w.raw("<time datetime=\"")
		w.text(d.Date.Format("2006-01-02"))
		w.raw("\">")
		w.text(v.L.Date(d.Date))
		w.raw("</time>")
	} else {
		notStated()
	}
	w.raw("</dd>\n")
	w.fact(v, "plan.issuer")
	switch {
	case !d.IssuedBy.IsZero():
		w.text(v.Tx(d.IssuedBy))
	case d.Issuer != nil:
		w.text(v.AgencyName(d.Issuer, p.Province))
	default:
		notStated()
	}
	w.raw("</dd>\n")
	w.textFact(v, "plan.proposed-by", d.ProposedBy)
	w.raw("\n")
	w.fact(v, "plan.signer")
	if d.Signer != "" {
		w.text(d.Signer)
		if !d.SignerRole.IsZero() {
			w.raw(" (")
			w.text(v.Tx(d.SignerRole))
			w.raw(")")
		}
	} else {
		notStated()
	}
	w.raw("</dd>\n")
	w.textsFact(v, "plan.bases", d.Bases)
	w.raw("\n")
	w.textFact(v, "plan.replaces", d.Replaces)
	w.raw("\n")
	w.fact(v, "plan.period")
	if p.PeriodFrom != 0 {
		w.period(p)
	} else {
		notStated()
	}
	w.raw("</dd>\n")
	if f := p.Framework; f != nil {
		w.fact(v, "plan.framework")
		w.link(v.Link.Framework(f), v.Tx(f.Name))
		w.raw("</dd>")
	}
	w.raw("\n")
	w.fact(v, "plan.standing")
	if a := p.Standing; a != nil {
		w.link(v.Link.Agency(a), v.AgencyName(a, p.Province))
		w.agenciesNow(v, []*model.Agency{a})
	} else {
		notStated()
	}
	w.raw("</dd>\n")
	reporting := make([]model.Text, len(p.Reporting))
	for i, r := range p.Reporting {
		reporting[i] = r.Text
	}
	w.textsFact(v, "plan.reporting", reporting)
	w.raw("\n")
	w.textFact(v, "plan.funding", p.Funding)
	w.raw("\n")
	w.fact(v, "plan.source")
	w.str(v.Name(p.SourceKind))
	if p.Source != nil {
		w.raw(" — ")
		w.link(v.Link.Source(p), tr(w, v, "plan.source-link"))
	}
	w.provenance(v, p.Provenance)
	w.raw("</dd>\n</dl>\n</details>")
}

// textFact writes a term of a facts list with t as its description,
// when there is a t.
func (w *htmlWriter) textFact(v *page, key string, t model.Text) {
	if !t.IsZero() {
		w.fact(v, key)
		w.text(v.Tx(t))
		w.raw("</dd>")
	}
}

// textsFact writes a term of a facts list with texts as a list, when
// there are any.
func (w *htmlWriter) textsFact(v *page, key string, texts []model.Text) {
	if len(texts) == 0 {
		return
	}
	w.fact(v, key)
	w.raw("<ul>")
	for _, t := range texts {
		w.raw("<li>")
		w.text(v.Tx(t))
		w.raw("</li>")
	}
	w.raw("</ul></dd>")
}

// provenance is the partial "provenance": what is known of where a
// source's text was taken from.
func (w *htmlWriter) provenance(v *page, pr model.Provenance) {
	if pr.IsZero() {
		return
	}
	w.raw("<ul class=\"provenance\">")
	if pr.Extent != "" {
		w.raw("<li>")
		w.t(v, "provenance.extent")
		w.raw(": ")
		w.str(v.Name(pr.Extent))
		w.raw("</li>")
	}
	if s, err := v.Truncation(pr); err != nil || s != "" {
		w.fail(err)
		w.raw("<li>")
		w.text(s)
		w.raw("</li>")
	}
	if !pr.Retrieved.IsZero() {
		w.raw("<li>")
		w.t(v, "provenance.retrieved")
		w.raw(": ")
		w.text(v.L.Date(pr.Retrieved))
		w.raw("</li>")
	}
	if pr.URL != "" {
		w.raw("<li><a href=\"")
		w.url(pr.URL)
		w.raw("\" rel=\"external noopener\">")
		w.t(v, "provenance.original")
		w.raw("</a></li>")
	}
	if !pr.Note.IsZero() {
		w.raw("<li>")
		w.text(v.Tx(pr.Note))
		w.raw("</li>")
	}
	w.raw("</ul>")
}
