package model

import (
	"testing"
	"time"
)

func day(s string) Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return Date{t}
}

// TestByWhen follows an item's "by when" from its own timing to its
// appendix row's or body task's, its section's, its plan's period and
// its programme's, and the schedule state each gives on a reference date.
func TestByWhen(t *testing.T) {
	annual := &Timing{Kind: TimingAnnual, Text: Text{VI: "Hằng năm"}}
	by2023 := &Timing{Kind: TimingDate, Date: day("2023-06-30"), Text: Text{VI: "trước ngày 30/6/2023"}}
	years := &Timing{Kind: TimingPeriod, From: 2022, To: 2023, Text: Text{VI: "2022-2023"}}
	fw := &Framework{PeriodTo: 2025}
	plan := func() *Plan { return &Plan{PeriodFrom: 2021, PeriodTo: 2025, Framework: fw} }
	tests := []struct {
		name  string
		item  func() *Item
		basis ByWhenBasis
		// the state on each reference date
		states map[string]ScheduleState
	}{
		{"own annual timing runs with the plan", func() *Item { return &Item{Plan: plan(), Timing: annual} }, ByWhenItem,
			map[string]ScheduleState{"2020-12-31": ScheduleNotYetDue, "2021-01-01": ScheduleInProgress, "2025-12-31": ScheduleInProgress, "2026-01-01": SchedulePeriodEnd}},
		{"own deadline passes while the plan runs", func() *Item { return &Item{Plan: plan(), Timing: by2023} }, ByWhenItem,
			map[string]ScheduleState{"2023-06-30": ScheduleInProgress, "2023-07-01": ScheduleDue, "2026-12-07": SchedulePeriodEnd}},
		{"own period of years", func() *Item { return &Item{Plan: plan(), Timing: years} }, ByWhenItem,
			map[string]ScheduleState{"2021-06-01": ScheduleNotYetDue, "2022-01-01": ScheduleInProgress, "2024-01-01": ScheduleDue}},
		{"a body task takes its appendix row's timing", func() *Item {
			it := &Item{Plan: plan()}
			it.RestatedBy = []*Item{{Plan: it.Plan}, {Plan: it.Plan, Timing: by2023}}
			return it
		}, ByWhenAppendix, map[string]ScheduleState{"2024-01-01": ScheduleDue}},
		{"an appendix row takes its body task's timing", func() *Item {
			return &Item{Plan: plan(), RestatesItem: &Item{Timing: annual}}
		}, ByWhenBody, map[string]ScheduleState{"2024-01-01": ScheduleInProgress}},
		{"a section's timing, from any level above", func() *Item {
			top := &Section{Timing: years}
			return &Item{Plan: plan(), Section: &Section{Parent: top}}
		}, ByWhenSection, map[string]ScheduleState{"2024-01-01": ScheduleDue}},
		{"no timing: the plan's period", func() *Item { return &Item{Plan: plan(), Section: &Section{}} }, ByWhenPlan,
			map[string]ScheduleState{"2020-01-01": ScheduleNotYetDue, "2025-06-30": ScheduleInProgress, "2026-12-07": SchedulePeriodEnd}},
		{"no plan period: the programme's", func() *Item { return &Item{Plan: &Plan{Framework: fw}} }, ByWhenFramework,
			map[string]ScheduleState{"2019-01-01": ScheduleInProgress, "2026-12-07": SchedulePeriodEnd}},
		{"nothing stated anywhere", func() *Item { return &Item{Plan: &Plan{Framework: &Framework{}}} }, ByWhenNone,
			map[string]ScheduleState{"2026-12-07": ScheduleUndated}},
		{"a deadline with no period around it", func() *Item { return &Item{Plan: &Plan{}, Timing: by2023} }, ByWhenItem,
			map[string]ScheduleState{"2023-01-01": ScheduleInProgress, "2024-01-01": ScheduleDue}},
	}
	for _, tc := range tests {
		b := tc.item().ByWhen()
		if b.Basis != tc.basis {
			t.Errorf("%s: basis %q, want %q", tc.name, b.Basis, tc.basis)
		}
		for asOf, want := range tc.states {
			if got := b.State(day(asOf)); got != want {
				t.Errorf("%s: state on %s is %q, want %q", tc.name, asOf, got, want)
			}
		}
	}
}
