package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sitegen/internal/i18n"
	"sitegen/internal/model"
)

// Where an item stands, kept as three things: by when it is due (and so
// its schedule on the site's reference date), what has been reported
// on it, and the evidence each report rests on. The pages, the feed and
// the open data say each of them with the functions of this file.

// ByWhenText says by when item it is due, in loc's language: its own
// timing in the source's words; the timing it takes from its appendix
// row, its body task or its section, saying which; or that the plan
// sets it no deadline of its own and which period it falls in. It is
// the one function that says it: every page and the open data call it.
//
// places words the place of the appendix row or body task a by-when is
// taken from (see Places).
func ByWhenText(loc *i18n.Locale, it *model.Item, places *Places) (string, error) {
	b := it.ByWhen()
	key := b.Basis.MessageKey()
	switch b.Basis {
	case model.ByWhenItem:
		return loc.Tf(key, timingWords(loc, b.Timing))
	case model.ByWhenAppendix, model.ByWhenBody:
		return loc.Tf(key, timingWords(loc, b.Timing), places.Of(b.Item))
	case model.ByWhenSection:
		return loc.Tf(key, timingWords(loc, b.Timing), sectionPlace(b.Section, loc.Lang))
	case model.ByWhenPlan:
		p, err := periodWords(loc, b.From, b.To)
		if err != nil {
			return "", err
		}
		return loc.Tf(key, p)
	case model.ByWhenFramework:
		p, err := periodWords(loc, b.From, b.To)
		if err != nil {
			return "", err
		}
		return loc.Tf(key, loc.Text(b.Framework.Name), p)
	}
	return loc.T(key)
}

// timingWords is a timing as its source words it; for a timing written
// without words, its date or years.
func timingWords(loc *i18n.Locale, t *model.Timing) string {
	switch {
	case !t.Text.IsZero():
		return loc.Text(t.Text)
	case !t.Date.IsZero():
		return loc.Date(t.Date)
	case t.From != 0 && t.To != 0:
		return years(t.From, t.To)
	case t.To != 0:
		return strconv.Itoa(t.To)
	}
	return string(t.Kind)
}

// periodWords writes a period of years: "2021–2025", or "đến năm 2025"
// when only its end is stated.
func periodWords(loc *i18n.Locale, from, to int) (string, error) {
	if from == 0 {
		return loc.Tf("by-when.until", to)
	}
	return years(from, to), nil
}

func years(from, to int) string { return fmt.Sprintf("%d–%d", from, to) }

// standing is where an item stands, as its page says it.
type standing struct {
	ByWhen string
	Basis  model.ByWhenBasis
	State  model.ScheduleState
	// Deadline is the last day the item has, when one is known.
	Deadline    model.Date
	HasDeadline bool
	// Report is the latest official report, which rates the item; nil
	// when none has been recorded.
	Report *model.Update
	// Events counts the related events recorded.
	Events   int
	Searched *model.Search
	// Task says whether the item commits to a task, for the wording.
	Task bool
}

// Standing says where item it stands on the site's reference date.
func (v *page) Standing(it *model.Item) (standing, error) {
	text, err := ByWhenText(v.L, it, v.r.places[v.L.Lang])
	if err != nil {
		return standing{}, err
	}
	b := it.ByWhen()
	s := standing{ByWhen: text, Basis: b.Basis, State: b.State(v.Site.AsOf), Searched: it.Plan.Searched, Task: it.Kind.IsTask()}
	s.Deadline, s.HasDeadline = b.Deadline()
	for _, u := range it.Updates {
		switch u.Kind {
		case model.EvidenceOfficialReport:
			s.Report = u
		case model.EvidenceRelatedEvent:
			s.Events++
		}
	}
	return s, nil
}

// ByWhen says by when item it is due, in the page's language.
func (v *page) ByWhen(it *model.Item) (string, error) {
	return ByWhenText(v.L, it, v.r.places[v.L.Lang])
}

// State is item it's schedule state on the site's reference date.
func (v *page) State(it *model.Item) model.ScheduleState { return it.ByWhen().State(v.Site.AsOf) }

// AsOf is the site's reference date in the page's language.
func (v *page) AsOf() string { return v.L.Date(v.Site.AsOf) }

// DutiesSection is the top section of p that sets out its agencies'
// duties, where a plan that names no lead for a task assigns the work;
// nil when p has no duty items.
func (v *page) DutiesSection(p *model.Plan) *model.Section {
	for _, it := range p.Items {
		if it.Kind == model.KindDuty && it.Section != nil {
			return SectionPath(it.Section)[0]
		}
	}
	return nil
}

// NoLead reports whether the page of it names no lead agency, neither
// its own, its section's nor its appendix row's or body task's.
func (v *itemView) NoLead() bool {
	return len(v.Item.Lead) == 0 && (v.Counterpart == nil || len(v.Counterpart.Lead) == 0)
}

// ReportLink is the address that reports an error in item it, or sends
// evidence on it, to the publisher, with the item's citation filled in;
// "" when the site gives no contact.
func (v *page) ReportLink(it *model.Item) (string, error) {
	c := v.Site.Contact
	if c == nil {
		return "", nil
	}
	cite := v.citation(it.Plan, it)
	if c.Form != "" {
		return strings.ReplaceAll(c.Form, model.CitationPlaceholder, url.QueryEscape(cite)), nil
	}
	subject, err := v.L.Tf("report-error.subject", v.PlanName(it.Plan), v.Label(it))
	if err != nil {
		return "", err
	}
	// a mailto address's fields are percent-encoded; "+" is not a space
	// there
	esc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return "mailto:" + c.Email + "?subject=" + esc(subject) + "&body=" + esc(cite+"\n\n"), nil
}

// statusOrder is the order pages list statuses in: the steps of the
// scale, then the items that cannot be rated, a number of their own.
func statusOrder() []model.Status {
	var out []model.Status
	for _, s := range model.Statuses() {
		if s != model.StatusNotReported {
			out = append(out, s)
		}
	}
	return append(out, model.StatusNotReported)
}

// accountRow is the items of one schedule state and one status.
type accountRow struct {
	State  model.ScheduleState
	Status model.Status
	Items  []*model.Item
}

// stateGroup is the items of one schedule state, by status.
type stateGroup struct {
	State model.ScheduleState
	Count int
	Rows  []accountRow
}

// Accountability sorts an agency's items by schedule state and then by
// status, keeping the groups that have items: the list that holds an
// agency to its commitments.
func (v *page) Accountability(items []*model.Item) []stateGroup {
	by := map[model.ScheduleState]map[model.Status][]*model.Item{}
	for _, it := range items {
		st := v.State(it)
		if by[st] == nil {
			by[st] = map[model.Status][]*model.Item{}
		}
		by[st][it.Status] = append(by[st][it.Status], it)
	}
	var out []stateGroup
	for _, st := range model.ScheduleStates() {
		g := stateGroup{State: st}
		for _, s := range statusOrder() {
			if its := by[st][s]; len(its) > 0 {
				g.Rows = append(g.Rows, accountRow{State: st, Status: s, Items: its})
				g.Count += len(its)
			}
		}
		if g.Count > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Rated counts the items among items that a report rates.
func (v *page) Rated(items []*model.Item) int {
	n := 0
	for _, it := range items {
		if it.Status != model.StatusNotReported {
			n++
		}
	}
	return n
}

// deadlineRow is a reporting deadline of a plan with the dates it falls
// on in the plan's period.
type deadlineRow struct {
	Deadline *model.Deadline
	// First and Last are the first and last dates it falls on; zero
	// when the deadline gives no day or the plan no period.
	First, Last model.Date
	// Passed says whether the last of them is before the reference date.
	Passed bool
}

// Reporting lists p's reporting deadlines, each dated in p's period
// where the plan gives a day and a month.
func (v *page) Reporting(p *model.Plan) []deadlineRow {
	var out []deadlineRow
	for _, d := range p.Reporting {
		row := deadlineRow{Deadline: d}
		if d.Day != 0 && p.PeriodTo != 0 {
			first := p.PeriodFrom
			if first == 0 {
				first = p.PeriodTo
			}
			row.First = date(first, d.Month, d.Day)
			row.Last = date(p.PeriodTo, d.Month, d.Day)
			row.Passed = row.Last.Before(v.Site.AsOf.Time)
		}
		out = append(out, row)
	}
	return out
}

// ReviewItems lists the items of p that set a review or a report: its
// milestones and reporting items, in document order.
func (v *page) ReviewItems(p *model.Plan) []*model.Item {
	var out []*model.Item
	for _, it := range p.Items {
		if it.Kind == model.KindMilestone || it.Kind == model.KindReporting {
			out = append(out, it)
		}
	}
	return out
}

// Ended reports whether programme f's period was over on the site's
// reference date.
func (v *page) Ended(f *model.Framework) bool {
	return f.PeriodTo != 0 && v.Site.AsOf.Year() > f.PeriodTo
}

// date is a day of a year, for deadlines given by their day and month.
func date(year, month, day int) model.Date {
	return model.Date{Time: time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)}
}

// ContactLink is the address readers reach the publisher at: the
// e-mail address, or the form with no citation filled in; "" when the
// site gives no contact.
func (v *page) ContactLink() string {
	switch c := v.Site.Contact; {
	case c == nil:
		return ""
	case c.Email != "":
		return "mailto:" + c.Email
	default:
		return strings.ReplaceAll(c.Form, model.CitationPlaceholder, "")
	}
}
