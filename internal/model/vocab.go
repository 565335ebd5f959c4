package model

import "slices"

// The closed vocabularies of the content format. Each is a string type
// whose valid values are listed once here: the loader rejects any other
// value, and pages name each value through its interface string (the
// MessageKey), which a test requires in every language file.

// ItemKind is what an item is in its plan.
type ItemKind string

const (
	KindPurpose      ItemKind = "purpose"
	KindRequirement  ItemKind = "requirement"
	KindObjective    ItemKind = "objective"
	KindGeneralTask  ItemKind = "general-task"
	KindTask         ItemKind = "task"
	KindAppendixRow  ItemKind = "appendix-row"
	KindSolution     ItemKind = "solution"
	KindDuty         ItemKind = "duty"
	KindFunding      ItemKind = "funding"
	KindReporting    ItemKind = "reporting"
	KindMilestone    ItemKind = "milestone"
	KindArticle      ItemKind = "article"
	KindContentGroup ItemKind = "content-group"
)

// ItemKinds lists the item kinds in the order pages group them.
func ItemKinds() []ItemKind {
	return []ItemKind{KindPurpose, KindRequirement, KindObjective, KindGeneralTask, KindTask, KindAppendixRow,
		KindSolution, KindDuty, KindFunding, KindReporting, KindMilestone, KindArticle, KindContentGroup}
}

// Valid reports whether k is a known kind.
func (k ItemKind) Valid() bool { return slices.Contains(ItemKinds(), k) }

// MessageKey is the interface string that names the kind.
func (k ItemKind) MessageKey() string { return "kind." + string(k) }

// IsTask reports whether items of this kind are commitments to act, the
// unit that comparisons count. Appendix rows restate body tasks, so they
// are not counted twice.
func (k ItemKind) IsTask() bool {
	return k == KindTask || k == KindGeneralTask || k == KindContentGroup
}

// Status is a step of the published scale of implementation.
type Status string

const (
	StatusNotReported Status = "not-reported"
	StatusNotStarted  Status = "not-started"
	StatusLimited     Status = "limited"
	StatusSubstantial Status = "substantial"
	StatusComplete    Status = "complete"
)

// Statuses lists the scale in order.
func Statuses() []Status {
	return []Status{StatusNotReported, StatusNotStarted, StatusLimited, StatusSubstantial, StatusComplete}
}

// Valid reports whether s is on the scale.
func (s Status) Valid() bool { return slices.Contains(Statuses(), s) }

// MessageKey is the interface string that names the status.
func (s Status) MessageKey() string { return "status." + string(s) }

// Unit is the unit of a quantified target.
type Unit string

const (
	UnitPercent Unit = "percent"
	UnitCount   Unit = "count"
)

// Units lists the units of targets.
func Units() []Unit { return []Unit{UnitPercent, UnitCount} }

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool { return slices.Contains(Units(), u) }

// MessageKey is the interface string that formats a value in the unit.
func (u Unit) MessageKey() string { return "unit." + string(u) }

// TimingKind says how an item's timing is given.
type TimingKind string

const (
	TimingAnnual     TimingKind = "annual"
	TimingSemiannual TimingKind = "semiannual" // every 6 months
	TimingQuarterly  TimingKind = "quarterly"
	TimingMonthly    TimingKind = "monthly"
	TimingPeriod     TimingKind = "period"
	TimingDate       TimingKind = "date"
	TimingOngoing    TimingKind = "ongoing"
	TimingOnce       TimingKind = "once" // a one-off task, with its deadline in `by` when the source gives one
)

// TimingKinds lists the kinds of timing.
func TimingKinds() []TimingKind {
	return []TimingKind{TimingAnnual, TimingSemiannual, TimingQuarterly, TimingMonthly, TimingPeriod, TimingDate, TimingOngoing, TimingOnce}
}

// Recurring reports whether k repeats on a cadence.
func (k TimingKind) Recurring() bool {
	return k == TimingAnnual || k == TimingSemiannual || k == TimingQuarterly || k == TimingMonthly
}

// Valid reports whether k is a known timing kind.
func (k TimingKind) Valid() bool { return slices.Contains(TimingKinds(), k) }

// DocumentType is the legal form of a plan's document.
type DocumentType string

const (
	DocPlan       DocumentType = "plan"
	DocDecision   DocumentType = "decision"
	DocNewsReport DocumentType = "news-report"
)

// DocumentTypes lists the types of plan documents.
func DocumentTypes() []DocumentType { return []DocumentType{DocPlan, DocDecision, DocNewsReport} }

// Valid reports whether t is a known document type.
func (t DocumentType) Valid() bool { return slices.Contains(DocumentTypes(), t) }

// MessageKey is the interface string that names the type.
func (t DocumentType) MessageKey() string { return "doctype." + string(t) }

// NumberedKey is the interface string that writes a document of this
// type with its number: "Kế hoạch số %s".
func (t DocumentType) NumberedKey() string { return "doctype.numbered." + string(t) }

// SourceKind says what a plan's source text is.
type SourceKind string

const (
	SourceOfficial SourceKind = "official"
	SourceNews     SourceKind = "news"
)

// SourceKinds lists the kinds of source.
func SourceKinds() []SourceKind { return []SourceKind{SourceOfficial, SourceNews} }

// Valid reports whether k is a known source kind.
func (k SourceKind) Valid() bool { return slices.Contains(SourceKinds(), k) }

// MessageKey is the interface string that names the source kind.
func (k SourceKind) MessageKey() string { return "plan.source." + string(k) }

// ProvinceKind is the rank of a provincial-level unit.
type ProvinceKind string

const (
	ProvinceKindProvince ProvinceKind = "province"
	ProvinceKindCity     ProvinceKind = "city"
)

// ProvinceKinds lists the ranks.
func ProvinceKinds() []ProvinceKind { return []ProvinceKind{ProvinceKindProvince, ProvinceKindCity} }

// Valid reports whether k is a known rank.
func (k ProvinceKind) Valid() bool { return slices.Contains(ProvinceKinds(), k) }

// MessageKey is the interface string that names the rank.
func (k ProvinceKind) MessageKey() string { return "province.kind." + string(k) }

// NamedKey is the interface string that writes a unit's name with its
// rank, in the order of the language: "Tỉnh %s", "%s Province".
func (k ProvinceKind) NamedKey() string { return "province.named." + string(k) }

// Role is how an agency takes part in an item.
type Role string

const (
	RoleLead    Role = "lead"
	RolePartner Role = "partner"
)

// Roles lists the roles.
func Roles() []Role { return []Role{RoleLead, RolePartner} }

// MessageKey is the interface string that names the role.
func (r Role) MessageKey() string { return "role." + string(r) }

// MessageKeys lists the interface string of every value of every
// vocabulary, for the test that each language file has them all.
func MessageKeys() []string {
	var out []string
	for _, k := range ItemKinds() {
		out = append(out, k.MessageKey())
	}
	for _, s := range Statuses() {
		out = append(out, s.MessageKey())
	}
	for _, u := range Units() {
		out = append(out, u.MessageKey())
	}
	for _, t := range DocumentTypes() {
		out = append(out, t.MessageKey(), t.NumberedKey())
	}
	for _, k := range SourceKinds() {
		out = append(out, k.MessageKey())
	}
	for _, k := range ProvinceKinds() {
		out = append(out, k.MessageKey(), k.NamedKey())
	}
	for _, r := range Roles() {
		out = append(out, r.MessageKey())
	}
	for _, k := range ChangeKinds() {
		out = append(out, k.MessageKey())
	}
	for _, e := range Extents() {
		out = append(out, e.MessageKey())
	}
	for _, s := range FrameworkStatuses() {
		out = append(out, s.MessageKey())
	}
	for _, k := range EvidenceKinds() {
		out = append(out, k.MessageKey())
	}
	for _, s := range ScheduleStates() {
		out = append(out, s.MessageKey())
	}
	for _, b := range ByWhenBases() {
		out = append(out, b.MessageKey())
	}
	return out
}

// FrameworkStatus says whether a programme is the one plans are now
// issued under or one whose period has ended. It says nothing of whether
// the programme's work was done: "ended" follows from the period its
// decision sets, "completed" would be a finding no source makes.
type FrameworkStatus string

const (
	FrameworkCurrent FrameworkStatus = "current"
	FrameworkEnded   FrameworkStatus = "ended"
)

// FrameworkStatuses lists the statuses in the order the home page shows
// programmes: the current one first.
func FrameworkStatuses() []FrameworkStatus {
	return []FrameworkStatus{FrameworkCurrent, FrameworkEnded}
}

// Valid reports whether s is a known status.
func (s FrameworkStatus) Valid() bool { return slices.Contains(FrameworkStatuses(), s) }

// MessageKey is the interface string that names the status.
func (s FrameworkStatus) MessageKey() string { return "framework-status." + string(s) }

// ChangeKind is the kind of an administrative change. A province is
// merged into another (and the other absorbs it), renamed, or upgraded to
// a centrally-run city; an agency type is succeeded by others or
// abolished.
type ChangeKind string

const (
	ChangeMergedInto ChangeKind = "merged-into"
	ChangeAbsorbed   ChangeKind = "absorbed"
	ChangeRenamed    ChangeKind = "renamed"
	ChangeUpgraded   ChangeKind = "upgraded"
	ChangeSucceeded  ChangeKind = "succeeded"
	ChangeAbolished  ChangeKind = "abolished"
)

// ChangeKinds lists the kinds of change.
func ChangeKinds() []ChangeKind {
	return []ChangeKind{ChangeMergedInto, ChangeAbsorbed, ChangeRenamed, ChangeUpgraded, ChangeSucceeded, ChangeAbolished}
}

// Valid reports whether k is a known kind of change.
func (k ChangeKind) Valid() bool { return slices.Contains(ChangeKinds(), k) }

// MessageKey is the interface string that says the change.
func (k ChangeKind) MessageKey() string { return "change." + string(k) }

// Extent says how much of a document a source text holds.
type Extent string

const (
	ExtentFullText    Extent = "full-text"    // the whole document
	ExtentExcerpt     Extent = "excerpt"      // part of the document
	ExtentNewsSummary Extent = "news-summary" // a news report about the document
)

// Extents lists the extents.
func Extents() []Extent { return []Extent{ExtentFullText, ExtentExcerpt, ExtentNewsSummary} }

// Valid reports whether e is a known extent.
func (e Extent) Valid() bool { return slices.Contains(Extents(), e) }

// MessageKey is the interface string that names the extent.
func (e Extent) MessageKey() string { return "extent." + string(e) }

// PageList is a list of the site's data that a standalone page shows
// after its text.
type PageList string

const (
	ListPlans    PageList = "plans"     // every plan, with its document and date
	ListPlanData PageList = "plan-data" // every plan with its open data file
)

// PageLists lists the lists a page may show.
func PageLists() []PageList { return []PageList{ListPlans, ListPlanData} }

// Valid reports whether l is a known list.
func (l PageList) Valid() bool { return slices.Contains(PageLists(), l) }

// EvidenceKind says what an update's evidence shows.
type EvidenceKind string

const (
	// EvidenceOfficialReport is a report by the body responsible (an
	// annual report of the province, a department's report): it rates
	// the item on the status scale.
	EvidenceOfficialReport EvidenceKind = "official-report"
	// EvidenceRelatedEvent is a dated, sourced event that concerns the
	// item but does not show it done: it gives no status.
	EvidenceRelatedEvent EvidenceKind = "related-event"
)

// EvidenceKinds lists the kinds of evidence.
func EvidenceKinds() []EvidenceKind {
	return []EvidenceKind{EvidenceOfficialReport, EvidenceRelatedEvent}
}

// Valid reports whether k is a known kind of evidence.
func (k EvidenceKind) Valid() bool { return slices.Contains(EvidenceKinds(), k) }

// MessageKey is the interface string that names the kind.
func (k EvidenceKind) MessageKey() string { return "evidence-kind." + string(k) }

// ScheduleState is where an item stands against its deadline on the
// site's reference date (site.yaml `as_of`). It says nothing of what was
// done: that is the status, from reports.
type ScheduleState string

const (
	ScheduleNotYetDue  ScheduleState = "not-yet-due"  // its time has not begun
	ScheduleInProgress ScheduleState = "in-progress"  // its time is running
	ScheduleDue        ScheduleState = "due"          // its deadline has passed; the plan still runs
	SchedulePeriodEnd  ScheduleState = "period-ended" // the plan's period is over
	// ScheduleUndated is for an item of a plan that states no deadline
	// and no period, under a programme that states none either.
	ScheduleUndated ScheduleState = "undated"
)

// ScheduleStates lists the states in the order of time.
func ScheduleStates() []ScheduleState {
	return []ScheduleState{ScheduleNotYetDue, ScheduleInProgress, ScheduleDue, SchedulePeriodEnd, ScheduleUndated}
}

// MessageKey is the interface string that names the state.
func (s ScheduleState) MessageKey() string { return "schedule." + string(s) }

// ByWhenBasis says where an item's "by when" comes from.
type ByWhenBasis string

const (
	ByWhenItem      ByWhenBasis = "item"      // its own timing
	ByWhenAppendix  ByWhenBasis = "appendix"  // the appendix row that restates it
	ByWhenBody      ByWhenBasis = "body"      // the body task an appendix row restates
	ByWhenSection   ByWhenBasis = "section"   // the timing its section gives
	ByWhenPlan      ByWhenBasis = "plan"      // none of its own: the plan's period
	ByWhenFramework ByWhenBasis = "framework" // nor a plan period: the programme's
	ByWhenNone      ByWhenBasis = "none"      // no timing or period anywhere
)

// ByWhenBases lists the bases, the nearest first.
func ByWhenBases() []ByWhenBasis {
	return []ByWhenBasis{ByWhenItem, ByWhenAppendix, ByWhenBody, ByWhenSection, ByWhenPlan, ByWhenFramework, ByWhenNone}
}

// MessageKey is the interface string that says an item's "by when" from
// this basis.
func (b ByWhenBasis) MessageKey() string { return "by-when." + string(b) }
