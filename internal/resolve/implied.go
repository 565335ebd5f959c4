package resolve

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"sitegen/internal/diag"
	"sitegen/internal/model"
)

// The rules in this file are those the data implies without saying: a
// merger has two sides, a province that merged issues no more plans, a
// body that ceased leads nothing after, what has happened has a date
// that has come.

// reference is the date no recorded event may follow, the site's as_of
// (site.yaml): the content says it, so a check gives the same verdict on
// any day. ok is false without one, which load reports.
func (r *resolver) reference() (ref model.Date, after, fix string, ok bool) {
	if !r.site.HasAsOf {
		return model.Date{}, "", "", false
	}
	return r.site.AsOf, fmt.Sprintf("after the site's as_of date, %s (site.yaml:%d)", r.site.AsOf.Format(time.DateOnly), r.site.AsOfPos.Line),
		"correct the date; if it is right, move as_of in site.yaml to it or later", true
}

// dates reports events dated after the reference date: a document
// issued, a text retrieved, an update reported, a programme approved.
// Dates the law sets ahead (a merger, a succession, a deadline) may lie
// ahead and are not checked.
func (r *resolver) dates() {
	ref, after, fix, ok := r.reference()
	if !ok {
		return
	}
	check := func(d model.Date, pos diag.Pos, what string) {
		if !d.IsZero() && d.After(ref.Time) {
			r.errs.Errorf(pos, fix, "%s %s is %s", what, d.Format(time.DateOnly), after)
		}
	}
	for _, f := range r.site.Frameworks {
		if f.Decision.HasDate {
			check(f.Decision.Date, f.Decision.DatePos, fmt.Sprintf("framework %q: decision dated", f.ID))
		}
	}
	for _, p := range r.site.Plans {
		ctx := fmt.Sprintf("plan %q", p.ID)
		if p.Document.HasDate {
			check(p.Document.Date, p.Document.DatePos, ctx+": document dated")
		}
		check(p.Provenance.Retrieved, p.Provenance.RetrievedPos, ctx+": source retrieved on")
		var items []*model.Item
		walkItems(p.Sections, func(it *model.Item) { items = append(items, it) })
		for _, it := range items {
			for _, u := range it.Updates {
				check(u.Date, u.DatePos, fmt.Sprintf("item %q: update dated", it.ID))
			}
		}
	}
}

func walkItems(sections []*model.Section, f func(*model.Item)) {
	for _, s := range sections {
		for _, it := range s.Items {
			f(it)
		}
		walkItems(s.Sections, f)
	}
}

// mergers checks that every merger is written on both sides, on one
// date: merged_into on the province that joined, absorbed on the one it
// joined; and that no province merges into two on one date.
func (r *resolver) mergers() {
	day := func(d model.Date) string { return d.Format(time.DateOnly) }
	for _, p := range r.site.Provinces {
		into := map[string]*model.ProvinceChange{} // by date: the first merger
		for _, c := range p.Changes {
			if q := c.MergedIntoProvince; q != nil && q != p { // into itself: see loops
				if first, ok := into[day(c.Date)]; ok && first.MergedInto != c.MergedInto {
					r.errs.Errorf(c.Pos, fmt.Sprintf("a province merges into one other; keep the merger that happened (the first is at line %d)", first.Pos.Line),
						"province %q merges into both %q and %q on %s", p.ID, first.MergedInto, c.MergedInto, day(c.Date))
					continue
				}
				into[day(c.Date)] = c
				if !absorbs(q, p.ID, c.Date) {
					r.errs.Errorf(c.Pos, fmt.Sprintf("write the merger on both sides: add `absorbed: [%s]` on %s to the changes of %q (provinces.yaml:%d), or correct this one", p.ID, day(c.Date), q.ID, q.Pos.Line),
						"province %q merges into %q on %s, but %q records no such absorption", p.ID, q.ID, day(c.Date), q.ID)
				}
			}
			for _, a := range c.AbsorbedProvinces {
				if a != p && !mergesInto(a, p.ID, c.Date) {
					r.errs.Errorf(c.Pos, fmt.Sprintf("write the merger on both sides: add `merged_into: %s` on %s to the changes of %q (provinces.yaml:%d), or correct this one", p.ID, day(c.Date), a.ID, a.Pos.Line),
						"province %q absorbs %q on %s, but %q records no such merger", p.ID, a.ID, day(c.Date), a.ID)
				}
			}
		}
	}
}

func absorbs(q *model.Province, id string, date model.Date) bool {
	for _, c := range q.Changes {
		if c.Date.Equal(date.Time) {
			for _, a := range c.Absorbed {
				if a == id {
					return true
				}
			}
		}
	}
	return false
}

func mergesInto(p *model.Province, id string, date model.Date) bool {
	for _, c := range p.Changes {
		if c.MergedInto == id && c.Date.Equal(date.Time) {
			return true
		}
	}
	return false
}

// mergedBefore reports a plan dated after its province merged into
// another: the province's committee no longer existed to issue it.
func (r *resolver) mergedBefore(p *model.Plan) {
	if p.Province == nil || !p.Document.HasDate {
		return
	}
	for _, c := range p.Province.Changes {
		if c.MergedInto != "" && c.Date.Before(p.Document.Date.Time) {
			pos := p.Document.DatePos
			if pos.Line == 0 {
				pos = p.Pos
			}
			r.errs.Errorf(pos, fmt.Sprintf("check the plan's date and province; a plan of the merged province is one of %q (provinces.yaml:%d)", c.MergedInto, c.Pos.Line),
				"plan %q is dated %s, but its province %q merged into %q on %s, after which it issued no plans",
				p.ID, p.Document.Date.Format(time.DateOnly), p.Province.ID, c.MergedInto, c.Date.Format(time.DateOnly))
			return
		}
	}
}

// ceased warns, once a plan and agency, about an agency that was
// abolished or succeeded before the plan was issued and that the plan
// gives a task to: by then the body no longer existed, so the plan
// names its successor, or the date or the agency is wrong.
func (r *resolver) ceased(p *model.Plan) {
	if !p.Document.HasDate {
		return
	}
	type use struct {
		pos   diag.Pos
		item  string
		role  string
		count int
	}
	uses := map[*model.Agency]*use{}
	var order []*model.Agency
	note := func(a *model.Agency, pos diag.Pos, item, role string) {
		if u, ok := uses[a]; ok {
			u.count++
			return
		}
		uses[a] = &use{pos: pos, item: item, role: role, count: 1}
		order = append(order, a)
	}
	for _, it := range p.Items {
		refs := refsOf(it)
		for i, a := range it.Lead {
			note(a, refs(it.LeadIDs, i, true), it.ID, "leads")
		}
		for i, a := range it.Partners {
			note(a, refs(it.PartnerIDs, i, false), it.ID, "takes part in")
		}
	}
	for _, a := range order {
		u := uses[a]
		var when model.Date
		var how, fix string
		switch {
		case a.Abolished != nil && !a.Abolished.Date.After(p.Document.Date.Time):
			when, how, fix = a.Abolished.Date, "was abolished", "name the body that took over its duties, or check the plan's date"
		case a.Successor != nil && !a.Successor.Date.After(p.Document.Date.Time):
			when, how = a.Successor.Date, "was succeeded"
			fix = fmt.Sprintf("name its successor (%s), or check the plan's date", strings.Join(a.Successor.IDs, ", "))
		default:
			continue
		}
		others := ""
		if u.count > 1 {
			others = fmt.Sprintf(" (and %d more item(s) of the plan)", u.count-1)
		}
		r.errs.Warnf(u.pos, fix, "plan %q is dated %s, but agency %q, which %s item %q%s, %s on %s",
			p.ID, p.Document.Date.Format(time.DateOnly), a.ID, u.role, u.item, others, how, when.Format(time.DateOnly))
	}
}

// refsOf returns, for an item, the position where its i-th lead or
// partner is written: on the item, or on the section it inherits it
// from.
func refsOf(it *model.Item) func(own []model.Ref, i int, lead bool) diag.Pos {
	return func(own []model.Ref, i int, lead bool) diag.Pos {
		if len(own) > i {
			return own[i].Pos
		}
		for s := it.Section; s != nil; s = s.Parent {
			list := s.PartnerIDs
			if lead {
				list = s.LeadIDs
			}
			if len(list) > i {
				return list[i].Pos
			}
		}
		return it.Pos
	}
}

// wholeSourceOmitted reports omit runs that leave out every line of
// the source that has text: the page would show nothing of the
// document, while every item claims its words from it.
func (r *resolver) wholeSourceOmitted(p *model.Plan, text string) {
	if len(p.Omit) == 0 {
		return
	}
	runs := make([][2]int, len(p.Omit))
	for i, o := range p.Omit {
		runs[i] = [2]int{o.From, o.To}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i][0] < runs[j][0] })
	line, k := 0, 0
	for rest := text; ; {
		line++
		l, after, more := strings.Cut(rest, "\n")
		for k < len(runs) && runs[k][1] < line {
			k++
		}
		omitted := k < len(runs) && runs[k][0] <= line
		if !omitted && strings.TrimSpace(l) != "" {
			return
		}
		if !more {
			break
		}
		rest = after
	}
	r.errs.Errorf(p.Omit[0].Pos, "omit only the lines of the web page around the document (its site's name, a panel), never the document itself",
		"plan %q: the omitted lines leave out every line of %q, so every item would claim words the source page no longer shows", p.ID, p.SourceFile)
}

// glossaryTerms reports a form of a term given twice: one term, one
// rendering. Forms are compared in NFC and lower case, so that a term
// typed again with decomposed accents, or capitalised, is the same term.
func (r *resolver) glossaryTerms() {
	type first struct {
		term *model.Term
		form string
	}
	seen := map[string]first{}
	for _, t := range r.site.Glossary {
		for _, f := range t.Forms() {
			key := strings.ToLower(norm.NFC.String(f))
			prev, dup := seen[key]
			if !dup {
				seen[key] = first{t, f}
				continue
			}
			if prev.term == t {
				continue
			}
			if prev.term.EN != t.EN {
				r.errs.Errorf(t.Pos, fmt.Sprintf("keep one rendering of the term; add the other to `avoid:` of the one you keep (the first is at line %d)", prev.term.Pos.Line),
					"glossary term %q is given twice, rendered %q here and %q before", f, t.EN, prev.term.EN)
			} else {
				r.errs.Errorf(t.Pos, fmt.Sprintf("remove one of them (the first is at line %d)", prev.term.Pos.Line),
					"glossary term %q is given twice", f)
			}
			break
		}
	}
}
