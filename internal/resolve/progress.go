package resolve

import (
	"fmt"
	"strings"
	"time"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

// progress checks what a plan records of its implementation: every
// quote of a report occurs in the report's kept text, as items occur in
// their source, and no date is later than the site's reference date,
// which pages give as the date their information is current to. It also
// finds the item that states each reporting deadline, so that the plan's
// page can say who reports.
func (r *resolver) progress(st *planState) {
	p := st.plan
	ctx := fmt.Sprintf("plan %q", p.ID)
	if s := p.Searched; s != nil {
		r.notAfterAsOf(s.Pos, s.Date, ctx+": searched on")
	}
	if u := p.LastUpdated; u != nil {
		r.notAfterAsOf(u.Pos, u.Date, ctx+": last updated on")
	}
	for _, it := range p.Items {
		for _, u := range it.Updates {
			// its date is checked with the other dates (see dates)
			what := fmt.Sprintf("item %q: update of %s", it.ID, u.Date.Format("2006-01-02"))
			for i := range u.Evidence {
				r.quote(&u.Evidence[i], what)
			}
		}
	}
	for _, dl := range p.Reporting {
		dl.Item = statedIn(p, dl.Text.VI)
	}
}

// notAfterAsOf reports a date later than the site's as_of date.
func (r *resolver) notAfterAsOf(pos diag.Pos, d model.Date, what string) {
	if ref, after, fix, ok := r.reference(); ok && !d.IsZero() && d.After(ref.Time) {
		r.errs.Errorf(pos, fix, "%s %s is %s", what, d.Format(time.DateOnly), after)
	}
}

// quote links evidence to the report it quotes and checks that the
// quote is the report's own words.
func (r *resolver) quote(e *model.Evidence, what string) {
	if e.ReportFile == "" {
		return
	}
	rep, ok := r.site.Reports[e.ReportFile]
	if !ok {
		hint := "save the report's text as content/reports/" + e.ReportFile + ", or correct the name"
		if c := load.Closest(e.ReportFile, keys(r.site.Reports)); c != "" {
			hint = fmt.Sprintf("did you mean %q? otherwise save the report's text in content/reports/", c)
		}
		r.errs.Errorf(e.ReportPos, hint, "%s: report %q is not in reports/", what, e.ReportFile)
		return
	}
	e.Report = rep
	if e.Quote.VI == "" {
		return
	}
	idx := r.reports[rep.File]
	if idx == nil {
		idx = newSourceIndex(rep.Text)
		r.reports[rep.File] = idx
	}
	if !idx.contains(e.Quote.VI, false) {
		r.errs.Errorf(e.Quote.Pos, "copy the report's words exactly (line breaks aside); say in the update's `text:` what the editors make of them",
			"%s: the quote does not occur in the report %q near %q", what, rep.File, idx.firstMismatch(e.Quote.VI, false))
	}
}

// statedIn is the first item of p whose text holds the deadline's words,
// compared as the verbatim check compares texts; nil when none does.
func statedIn(p *model.Plan, words string) *model.Item {
	w := strings.ToLower(fold.Spaces(words))
	if w == "" {
		return nil
	}
	for _, it := range p.Items {
		if strings.Contains(strings.ToLower(sourceWords(it.Text.VI)), w) {
			return it
		}
	}
	return nil
}
