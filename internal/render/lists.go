package render

import (
	"fmt"
	"sitegen/internal/load"
	"sort"
	"strings"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// IsTask reports whether an item is a commitment to act, the unit that
// comparisons count. Appendix rows restate body tasks, so they are not
// counted twice.
func IsTask(it *model.Item) bool {
	switch it.Kind {
	case "task", "general-task", "content-group":
		return true
	}
	return false
}

// Provinces returns the provinces sorted by name in the page's language.
func (v *view) Provinces() []*model.Province { return v.r.lk.provinces[v.L.Lang] }

// ProvincesWithPlans returns the provinces that have plans, by name.
func (v *view) ProvincesWithPlans() []*model.Province { return v.r.lk.withPlans[v.L.Lang] }

// Agencies returns the agency types sorted by name, collective ones last.
func (v *view) Agencies() []*model.Agency { return v.r.lk.agencies[v.L.Lang] }

// Themes returns the themes sorted by name.
func (v *view) Themes() []*model.Theme { return v.r.lk.themes[v.L.Lang] }

// AgencyName is agency a's name in province p: the province's own name
// for it if it has one, else the type's name.
func (v *view) AgencyName(a *model.Agency, p *model.Province) string {
	if p != nil {
		if t, ok := p.Agencies[a.ID]; ok {
			return v.L.Text(t)
		}
	}
	return v.L.Text(a.Name)
}

// AgencyItems lists the items agency a leads or joins.
func (v *view) AgencyItems(a *model.Agency) []*model.Item { return v.r.man.AgencyItems[a] }

// ProvinceAgencies lists the agencies with items in province p.
func (v *view) ProvinceAgencies(p *model.Province) []*model.Agency {
	return v.r.lk.provAgs[v.L.Lang][p]
}

// HasProvinceAgency reports whether province p has a page for agency a.
func (v *view) HasProvinceAgency(p *model.Province, a *model.Agency) bool {
	return v.r.lk.hasProvAg[provAgency{p, a}]
}

// Role says whether a leads or joins it: "lead" or "partner".
func (v *view) Role(it *model.Item, a *model.Agency) string {
	for _, x := range it.Lead {
		if x == a {
			return "lead"
		}
	}
	return "partner"
}

// PlanGroup is a plan and some of its items.
type PlanGroup struct {
	Province *model.Province
	Plan     *model.Plan
	Items    []*model.Item
}

// ByPlan groups items by plan, plans in the order of their provinces'
// names and then by date.
func (v *view) ByPlan(items []*model.Item) []PlanGroup {
	byPlan := map[*model.Plan][]*model.Item{}
	for _, it := range items {
		byPlan[it.Plan] = append(byPlan[it.Plan], it)
	}
	var out []PlanGroup
	for _, pr := range v.ProvincesWithPlans() {
		for _, p := range pr.Plans {
			if g := byPlan[p]; len(g) > 0 {
				out = append(out, PlanGroup{Province: pr, Plan: p, Items: g})
			}
		}
	}
	return out
}

// PillarItems lists every item of pillar p.
func (v *view) PillarItems(p *model.Pillar) []*model.Item { return v.r.lk.pillar[p] }

// PillarTasks lists the tasks of pillar p.
func (v *view) PillarTasks(p *model.Pillar) []*model.Item { return tasks(v.r.lk.pillar[p]) }

// tasks keeps the items that are tasks.
func tasks(items []*model.Item) []*model.Item {
	var out []*model.Item
	for _, it := range items {
		if IsTask(it) {
			out = append(out, it)
		}
	}
	return out
}

// ThemeItems lists the items tagged with theme t.
func (v *view) ThemeItems(t *model.Theme) []*model.Item { return v.r.lk.theme[t] }

// ProvinceAgencyItems lists the items of agency a in province p.
func (v *view) ProvinceAgencyItems(p *model.Province, a *model.Agency) []*model.Item {
	return v.r.lk.inProv[provAgency{p, a}]
}

// Pillars lists the frameworks' pillars, then their groups.
func (v *view) Pillars() []*model.Pillar {
	var out []*model.Pillar
	for _, f := range v.Site.Frameworks {
		out = append(out, f.Pillars...)
	}
	return out
}

// Groups lists the frameworks' cross-cutting groups.
func (v *view) Groups() []*model.Pillar {
	var out []*model.Pillar
	for _, f := range v.Site.Frameworks {
		out = append(out, f.Groups...)
	}
	return out
}

// Cell is one count of the pillar by province matrix.
type Cell struct {
	Province *model.Province
	Count    int
}

// MatrixRow is one pillar's task counts per province.
type MatrixRow struct {
	Pillar *model.Pillar
	Cells  []Cell
	Total  int
}

// Matrix counts tasks per pillar and province.
func (v *view) Matrix() []MatrixRow {
	provs := v.ProvincesWithPlans()
	var rows []MatrixRow
	for _, p := range v.Pillars() {
		n := map[*model.Province]int{}
		for _, it := range v.PillarTasks(p) {
			n[it.Plan.Province]++
		}
		row := MatrixRow{Pillar: p}
		for _, pr := range provs {
			row.Cells = append(row.Cells, Cell{Province: pr, Count: n[pr]})
			row.Total += n[pr]
		}
		rows = append(rows, row)
	}
	return rows
}

// ProvinceColumn is one province's tasks for a pillar.
type ProvinceColumn struct {
	Province *model.Province
	Items    []*model.Item
}

// Columns lists each province's items among items, side by side: every
// province with plans gets a column, so an empty one shows what a
// province did not commit to.
func (v *view) Columns(items []*model.Item) []ProvinceColumn {
	byProv := map[*model.Province][]*model.Item{}
	for _, it := range items {
		byProv[it.Plan.Province] = append(byProv[it.Plan.Province], it)
	}
	var out []ProvinceColumn
	for _, pr := range v.ProvincesWithPlans() {
		out = append(out, ProvinceColumn{Province: pr, Items: byProv[pr]})
	}
	return out
}

// ThemeTasks lists the tasks tagged with theme t.
func (v *view) ThemeTasks(t *model.Theme) []*model.Item { return tasks(v.r.lk.theme[t]) }

// TaskCount counts a plan's tasks.
func (v *view) TaskCount(p *model.Plan) int {
	n := 0
	for _, it := range p.Items {
		if IsTask(it) {
			n++
		}
	}
	return n
}

// Untranslated counts a plan's items without English.
func (v *view) Untranslated(p *model.Plan) int {
	n := 0
	for _, it := range p.Items {
		if it.Text.EN == "" {
			n++
		}
	}
	return n
}

// SectionPath is the chain of sections from the plan's top to s.
func SectionPath(s *model.Section) []*model.Section {
	var out []*model.Section
	for ; s != nil; s = s.Parent {
		out = append([]*model.Section{s}, out...)
	}
	return out
}

// Crumbs is the chain of sections above an item.
func (v *view) Crumbs(it *model.Item) []*model.Section { return SectionPath(it.Section) }

// Label is an item's printed position: "III.1.2.a" or "II.2.a, bullet 3".
func (v *view) Label(it *model.Item) string {
	if l, ok := v.r.lk.labels[v.L.Lang][it]; ok {
		return l
	}
	return itemLabel(v.L, it)
}

func itemLabel(loc *i18n.Locale, it *model.Item) string {
	if l := printedLabel(loc, it); l != "" {
		return l
	}
	// an item of a document without printed labels (a news report) is
	// known by its id, so that links to it always have a name
	return it.ID
}

func printedLabel(loc *i18n.Locale, it *model.Item) string {
	lbl := sectionLabel(it.Section, loc.Lang)
	switch {
	case strings.HasPrefix(it.Label, "•"):
		b, _ := loc.Tf("label.bullet", strings.TrimPrefix(it.Label, "•"))
		if lbl == "" {
			return b
		}
		return lbl + ", " + b
	case it.Label != "":
		if lbl == "" {
			return it.Label
		}
		return lbl + "." + it.Label
	}
	return lbl
}

// sectionLabel joins the printed labels of the sections down to s. A
// label that repeats its parent's number ("1.2" under "1") replaces it.
func sectionLabel(s *model.Section, lang model.Lang) string {
	var parts []string
	for _, sec := range SectionPath(s) {
		l := SectionLabel(sec, lang)
		switch {
		case l == "":
		case len(parts) > 0 && strings.HasPrefix(l, parts[len(parts)-1]+"."):
			parts[len(parts)-1] = l
		default:
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, ".")
}

// SectionLabel is a section's printed label in lang.
func SectionLabel(s *model.Section, lang model.Lang) string {
	if lang == model.EN && s.LabelEN != "" {
		return s.LabelEN
	}
	return s.Label
}

// SectionLabel is a section's label in the page's language.
func (v *view) SectionLabel(s *model.Section) string { return SectionLabel(s, v.L.Lang) }

// DocumentName is the plan's document type and number: "Kế hoạch số
// 208/KH-UBND" or "Plan 208/KH-UBND"; without a number, the short title.
func (v *view) DocumentName(p *model.Plan) string {
	if p.Document.Number == "" {
		if !p.ShortTitle.IsZero() {
			return v.L.Text(p.ShortTitle)
		}
		return v.L.Text(p.Title)
	}
	f, _ := v.L.T("doctype.numbered." + p.Document.Type)
	return fmt.Sprintf(f, p.Document.Number)
}

// PlanName is a short name for a plan: its short title or document name.
func (v *view) PlanName(p *model.Plan) string {
	if !p.ShortTitle.IsZero() {
		return v.L.Text(p.ShortTitle)
	}
	return v.DocumentName(p)
}

// Citation is a ready-to-copy reference to an item, or to a plan when it
// is nil: issuing body, document, date, section label, permalink.
func (v *view) Citation(p *model.Plan, it *model.Item) string {
	var parts []string
	if p.Document.Issuer != nil {
		parts = append(parts, v.AgencyName(p.Document.Issuer, p.Province))
	}
	parts = append(parts, v.DocumentName(p))
	if p.Document.HasDate {
		parts = append(parts, v.L.Date(p.Document.Date))
	} else {
		s, _ := v.L.T("plan.date-not-stated")
		parts = append(parts, s)
	}
	link := v.Link.abs + "/" + string(v.L.Lang) + "/" + manifest.PlanPath(p)
	if it != nil {
		lbl, _ := v.L.Tf("cite.section", v.Label(it))
		parts = append(parts, lbl)
		link = v.Link.abs + "/" + string(v.L.Lang) + "/" + manifest.ItemPath(it)
	}
	return strings.Join(parts, ", ") + ". " + link
}

// Paragraphs splits a source document into paragraphs for display.
func (v *view) Paragraphs(s *model.Source) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s.Text, "\r\n", "\n"), "\n\n") {
		if t := strings.Join(strings.Fields(para), " "); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// AllTasks counts all tasks of the site.
func (v *view) AllTasks() int {
	n := 0
	for _, p := range v.Site.Plans {
		n += v.TaskCount(p)
	}
	return n
}

// Abbr is an agency's abbreviation in the page's language, if any.
func (v *view) Abbr(a *model.Agency) string {
	if s, ok := a.Abbr.In(v.L.Lang); ok {
		return s
	}
	return ""
}

// Glossary lists the glossary terms in the page language's order.
func (v *view) Glossary() []*model.Term {
	out := append([]*model.Term(nil), v.Site.Glossary...)
	if v.L.Lang == model.VI {
		i18n.SortBy(v.L, out, func(t *model.Term) string { return t.VI })
	} else {
		i18n.SortBy(v.L, out, func(t *model.Term) string { return t.EN })
	}
	return out
}

// SectionAgencies resolves the agencies a section names.
func (v *view) SectionAgencies(refs []model.Ref) []*model.Agency {
	var out []*model.Agency
	for _, r := range refs {
		if a, ok := v.r.agencies[r.ID]; ok {
			out = append(out, a)
		}
	}
	return out
}

// StatusCount is how many items have one status.
type StatusCount struct {
	Status string
	Count  int
}

// StatusCounts counts items per status, in the order of the scale.
func (v *view) StatusCounts(items []*model.Item) []StatusCount {
	n := map[string]int{}
	for _, it := range items {
		n[it.Status]++
	}
	var out []StatusCount
	for _, s := range load.Statuses {
		out = append(out, StatusCount{Status: s, Count: n[s]})
	}
	return out
}

// ProvinceItems lists every item of the plans of province p.
func (v *view) ProvinceItems(p *model.Province) []*model.Item {
	var out []*model.Item
	for _, pl := range p.Plans {
		out = append(out, pl.Items...)
	}
	return out
}

// ItemUpdate is an update with the item it reports on.
type ItemUpdate struct {
	Item   *model.Item
	Update *model.Update
}

// LatestUpdates lists the n most recent updates of the site, newest first.
func (v *view) LatestUpdates(n int) []ItemUpdate {
	var out []ItemUpdate
	for _, p := range v.Site.Plans {
		for _, it := range p.Items {
			for _, u := range it.Updates {
				out = append(out, ItemUpdate{Item: it, Update: u})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Update.Date.After(out[j].Update.Date.Time) })
	return out[:min(n, len(out))]
}

// Excerpt is the start of an item's text for lists; the whole text is on
// the item's own page, one click away.
func (v *view) Excerpt(it *model.Item) string { return truncate(v.Tx(it.Text), 240) }
