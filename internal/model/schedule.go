package model

import "time"

// ByWhen is when an item is to be done, and where the plan says so. An
// item that gives no timing of its own takes the one its appendix row
// (or, for a row, its body task) gives, else its section's, else the
// plan's period, else its programme's: the page then says that the plan
// sets the item no deadline of its own, and which period it falls in.
// Every item has one; Basis ByWhenNone says that nothing is stated.
type ByWhen struct {
	Basis ByWhenBasis
	// Timing is the timing it comes from; nil for a period.
	Timing *Timing
	// Item is the appendix row or body task whose timing it is.
	Item *Item
	// Section is the section whose timing it is.
	Section *Section
	// From and To are the years of the plan's or the programme's
	// period, for those bases; From is 0 when only the end is stated.
	From, To int
	// Framework is the programme whose period it is.
	Framework *Framework

	// start and end bound the time the item has: zero when not known.
	start, end time.Time
	// periodEnd is the last day of the plan's (or else the programme's)
	// period, after which the item's time is over whatever its deadline.
	periodEnd time.Time
}

// ByWhen works out when it is to be done.
func (it *Item) ByWhen() ByWhen {
	var b ByWhen
	from, to, f := period(it.Plan)
	switch t, src, sec := counterpartTiming(it); {
	case it.Timing != nil:
		b = ByWhen{Basis: ByWhenItem, Timing: it.Timing}
	case t != nil && it.RestatesItem != nil:
		b = ByWhen{Basis: ByWhenBody, Timing: t, Item: src}
	case t != nil:
		b = ByWhen{Basis: ByWhenAppendix, Timing: t, Item: src}
	case sec != nil:
		b = ByWhen{Basis: ByWhenSection, Timing: sec.Timing, Section: sec}
	case to != 0 && f == nil:
		b = ByWhen{Basis: ByWhenPlan, From: from, To: to}
	case to != 0:
		b = ByWhen{Basis: ByWhenFramework, From: from, To: to, Framework: f}
	default:
		b = ByWhen{Basis: ByWhenNone}
	}
	if to != 0 {
		b.periodEnd = lastDay(to)
	}
	b.start, b.end = window(b.Timing, from, to)
	return b
}

// counterpartTiming finds the timing an item takes from elsewhere: the
// first appendix row restating it that has one, or the body task it
// restates; else the nearest section that gives one (sec).
func counterpartTiming(it *Item) (t *Timing, src *Item, sec *Section) {
	if r := it.RestatesItem; r != nil && r.Timing != nil {
		return r.Timing, r, nil
	}
	for _, r := range it.RestatedBy {
		if r.Timing != nil {
			return r.Timing, r, nil
		}
	}
	for s := it.Section; s != nil; s = s.Parent {
		if s.Timing != nil {
			return nil, nil, s
		}
	}
	return nil, nil, nil
}

// period is the plan's period, or else its programme's (then f is the
// programme); to is 0 when neither states one.
func period(p *Plan) (from, to int, f *Framework) {
	switch {
	case p == nil:
		return 0, 0, nil
	case p.PeriodTo != 0:
		return p.PeriodFrom, p.PeriodTo, nil
	case p.Framework != nil && p.Framework.PeriodTo != 0:
		return p.Framework.PeriodFrom, p.Framework.PeriodTo, p.Framework
	}
	return 0, 0, nil
}

// window is the time a timing gives an item within the period from-to:
// a period its years, a date until that day, and a recurring or undated
// one the period's (the timing's own years when it gives them).
func window(t *Timing, from, to int) (start, end time.Time) {
	if from != 0 {
		start = firstDay(from)
	}
	if to != 0 {
		end = lastDay(to)
	}
	if t == nil {
		return start, end
	}
	if t.From != 0 {
		start = firstDay(t.From)
	}
	if t.To != 0 {
		end = lastDay(t.To)
	}
	if !t.Date.IsZero() {
		end = t.Date.Time
		if start.After(end) {
			start = time.Time{}
		}
	}
	return start, end
}

func firstDay(year int) time.Time { return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC) }
func lastDay(year int) time.Time  { return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC) }

// State is where the item stands on the reference date asOf: its time
// not yet begun, running, its deadline passed while the plan runs, or
// the plan's period over.
func (b ByWhen) State(asOf Date) ScheduleState {
	day := asOf.Time
	switch {
	case b.start.IsZero() && b.end.IsZero() && b.periodEnd.IsZero():
		return ScheduleUndated
	case !b.start.IsZero() && day.Before(b.start):
		return ScheduleNotYetDue
	case b.end.IsZero() && b.periodEnd.IsZero(), !b.end.IsZero() && !day.After(b.end):
		return ScheduleInProgress
	case !b.periodEnd.IsZero() && day.After(b.periodEnd):
		return SchedulePeriodEnd
	case b.periodEnd.IsZero() || day.After(b.end):
		return ScheduleDue
	}
	return ScheduleInProgress
}

// Deadline is the last day the item has, and whether one is known.
func (b ByWhen) Deadline() (Date, bool) {
	if b.end.IsZero() {
		return Date{}, false
	}
	return Date{b.end}, true
}

// Own reports whether the item gives its timing itself.
func (b ByWhen) Own() bool { return b.Basis == ByWhenItem }
