package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// AgencyName is agency a's name in province p: the province's own name
// for it if it has one, else the type's name.
func (v *page) AgencyName(a *model.Agency, p *model.Province) string {
	if p != nil {
		if t, ok := p.Agencies[a.ID]; ok {
			return v.L.Text(t)
		}
	}
	return v.L.Text(a.Name)
}

// HasProvinceAgency reports whether province p has a page for agency a.
func (v *page) HasProvinceAgency(p *model.Province, a *model.Agency) bool {
	return v.r.lk.hasProvAg[provAgency{p, a}]
}

// Role says whether a leads or joins it.
func (v *page) Role(it *model.Item, a *model.Agency) model.Role { return role(it, a) }

func role(it *model.Item, a *model.Agency) model.Role {
	for _, x := range it.Lead {
		if x == a {
			return model.RoleLead
		}
	}
	return model.RolePartner
}

// PlanGroup is a plan and some of its items.
type planGroup struct {
	Province *model.Province
	Plan     *model.Plan
	Items    []*model.Item
}

// ByPlan groups items by plan, plans in the order of their provinces'
// names and then by date.
func (v *page) ByPlan(items []*model.Item) []planGroup {
	byPlan := map[*model.Plan][]*model.Item{}
	for _, it := range items {
		byPlan[it.Plan] = append(byPlan[it.Plan], it)
	}
	var out []planGroup
	for _, pr := range v.r.lk.withPlans[v.L.Lang] {
		for _, p := range pr.Plans {
			if g := byPlan[p]; len(g) > 0 {
				out = append(out, planGroup{Province: pr, Plan: p, Items: g})
			}
		}
	}
	return out
}

// tasks keeps the items that are tasks.
func tasks(items []*model.Item) []*model.Item {
	var out []*model.Item
	for _, it := range items {
		if it.Kind.IsTask() {
			out = append(out, it)
		}
	}
	return out
}

// pillars lists the goals of every framework.
func pillars(site *model.Site) []*model.Pillar {
	var out []*model.Pillar
	for _, f := range site.Frameworks {
		out = append(out, f.Pillars...)
	}
	return out
}

// Cell is one count of the pillar by province matrix.
type cell struct {
	Province *model.Province
	Count    int
}

// MatrixRow is one pillar's task counts per province.
type matrixRow struct {
	Pillar *model.Pillar
	Cells  []cell
	Total  int
}

// matrix counts the tasks of each pillar per province.
func matrix(pls []*model.Pillar, provs []*model.Province, lk *lookup) []matrixRow {
	var rows []matrixRow
	for _, p := range pls {
		n := map[*model.Province]int{}
		for _, it := range tasks(lk.pillar[p]) {
			n[it.Plan.Province]++
		}
		row := matrixRow{Pillar: p}
		for _, pr := range provs {
			row.Cells = append(row.Cells, cell{Province: pr, Count: n[pr]})
			row.Total += n[pr]
		}
		rows = append(rows, row)
	}
	return rows
}

// PlanFigures counts a plan's items and tasks.
func (v *page) PlanFigures(p *model.Plan) Figures { return figures(p.Items) }

// frameworkProvinces keeps, in their order, the provinces among provs
// that have a plan under f.
func frameworkProvinces(provs []*model.Province, f *model.Framework) []*model.Province {
	var out []*model.Province
	for _, pr := range provs {
		for _, p := range pr.Plans {
			if p.Framework == f {
				out = append(out, pr)
				break
			}
		}
	}
	return out
}

// byStatus orders frameworks as readers look for them: the current
// programme first, then those without a stated status, then those whose
// period has ended, each group in file order.
func byStatus(fs []*model.Framework) []*model.Framework {
	rank := func(f *model.Framework) int {
		switch f.Status {
		case model.FrameworkCurrent:
			return 0
		case model.FrameworkEnded:
			return 2
		}
		return 1
	}
	out := append([]*model.Framework(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// ProvinceNow is the province that p has been part of since a merger,
// and the change that made it so; nil when p continues.
func (v *page) ProvinceNow(p *model.Province) *model.ProvinceChange {
	for i := len(p.Changes) - 1; i >= 0; i-- {
		if p.Changes[i].MergedIntoProvince != nil {
			return p.Changes[i]
		}
	}
	return nil
}

// TaskCount counts a plan's tasks.
func (v *page) TaskCount(p *model.Plan) int { return countTasks(p.Items) }

// countTasks counts the tasks among items.
func countTasks(items []*model.Item) int {
	n := 0
	for _, it := range items {
		if it.Kind.IsTask() {
			n++
		}
	}
	return n
}

// untranslated counts a plan's items without English.
func untranslated(p *model.Plan) int {
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

// Label says where an item is in its plan, in words of the page's
// language: "III.1.2.a", "II.3.a, dấu + thứ nhất", "Điều 1 của Quyết
// định", "Phụ lục, dòng I.1" (see place.go). No two items of a plan
// have the same.
func (v *page) Label(it *model.Item) string {
	if l, ok := v.r.lk.labels[v.L.Lang][it]; ok {
		return l.text
	}
	return placesOf(v.L, it.Plan)[it].text
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// Short names an item in a list, a comparison's cell or a link: the
// editors' title, else the text cut at a clause (see clause).
func (v *page) Short(it *model.Item) string {
	if !it.Title.IsZero() {
		return v.Tx(it.Title)
	}
	return upperFirst(clause(v.Tx(it.Text), maxShort))
}

// maxShort is the most characters Short keeps of a text.
const maxShort = 90

// NewsOnly reports whether a plan is known only from a news report.
func (v *page) NewsOnly(p *model.Plan) bool { return p.SourceKind == model.SourceNews }

// SectionName is a section's title in the page's language, shortened
// for a breadcrumb; its label when it has no title.
func (v *page) SectionName(s *model.Section) string {
	if s.Title.IsZero() {
		return SectionLabel(s, v.L.Lang)
	}
	return truncate(v.Tx(s.Title), 40)
}

// ItemName names an item in a list or a heading's secondary line: its
// kind and place ("Nhiệm vụ cụ thể III.1.2.a"), or the place alone
// where its words already say what it is ("Điều 1 của Quyết định",
// "Mục tiêu thứ nhất").
func (v *page) ItemName(it *model.Item) string {
	l := v.place(it)
	if !l.numbered {
		return upperFirst(l.text)
	}
	kind, _ := v.L.T(it.Kind.MessageKey())
	return kind + " " + l.text
}

// place is an item's place, from the lookup when it has it.
func (v *page) place(it *model.Item) place {
	if l, ok := v.r.lk.labels[v.L.Lang][it]; ok {
		return l
	}
	return placesOf(v.L, it.Plan)[it]
}

// Heading says what an item commits to, as its page's heading: the
// editors' title; else, for an item without one, its whole text when
// that is short, or its kind and place ("Nhiệm vụ cụ thể III.1.2.a")
// with the whole text printed at once below it. A text is never cut for
// a heading: a cut can end inside a name or a date, or change what the
// words say.
func (v *page) Heading(it *model.Item) string {
	if !it.Title.IsZero() {
		return v.Tx(it.Title)
	}
	if t := v.Tx(it.Text); fitsRunes(t, maxShort) {
		return upperFirst(t)
	}
	return v.ItemName(it)
}

// SectionLabel is a section's printed label in lang.
func SectionLabel(s *model.Section, lang model.Lang) string {
	if lang == model.EN && s.LabelEN != "" {
		return s.LabelEN
	}
	return s.Label
}

// SectionLabel is a section's label in the page's language.
func (v *page) SectionLabel(s *model.Section) string { return SectionLabel(s, v.L.Lang) }

// DocumentName is the plan's document type and number: "Kế hoạch số
// 208/KH-UBND" or "Plan 208/KH-UBND"; without a number, the short title.
func (v *page) DocumentName(p *model.Plan) string {
	if p.Document.Number == "" {
		if !p.ShortTitle.IsZero() {
			return v.L.Text(p.ShortTitle)
		}
		return v.L.Text(p.Title)
	}
	f, _ := v.L.T(p.Document.Type.NumberedKey())
	return fmt.Sprintf(f, p.Document.Number)
}

// ProvinceHeading is a unit's name with its rank, in the order of the
// page's language: "Tỉnh Thanh Hóa", "Thanh Hoa Province".
func (v *page) ProvinceHeading(p *model.Province) (string, error) {
	return v.L.Tf(p.Kind.NamedKey(), v.Tx(p.Name))
}

// PlanName is a short name for a plan: its short title or document name.
func (v *page) PlanName(p *model.Plan) string {
	if !p.ShortTitle.IsZero() {
		return v.L.Text(p.ShortTitle)
	}
	return v.DocumentName(p)
}

// Citation is a ready-to-copy reference to the plan: issuing body,
// document, date, permalink.
func (v *page) Citation(p *model.Plan) string { return v.citation(p, nil) }

// citation is a ready-to-copy reference to an item, or to a plan when it
// is nil: issuing body, document, date, section label, permalink.
func (v *page) citation(p *model.Plan, it *model.Item) string {
	var parts []string
	if p.Document.Issuer != nil {
		issuer := v.AgencyName(p.Document.Issuer, p.Province)
		if p.Attribution != nil {
			// the source names no province: the editors' attribution is
			// said as such
			issuer, _ = v.L.Tf("cite.attributed", issuer)
		}
		parts = append(parts, issuer)
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
		l := v.place(it)
		lbl := l.text
		if l.numbered {
			lbl, _ = v.L.Tf("cite.section", l.text)
		}
		parts = append(parts, lbl)
		link = v.Link.abs + "/" + string(v.L.Lang) + "/" + manifest.ItemPath(it)
	}
	return strings.Join(parts, ", ") + ". " + link
}

// Abbr is an agency's abbreviation in the page's language, if any.
func (v *page) Abbr(a *model.Agency) string {
	if s, ok := a.Abbr.In(v.L.Lang); ok {
		return s
	}
	return ""
}

// glossary sorts the glossary terms by their name in loc's language.
func glossary(loc *i18n.Locale, terms []*model.Term) []*model.Term {
	out := append([]*model.Term(nil), terms...)
	i18n.SortBy(loc, out, func(t *model.Term) string { return model.Text{VI: t.VI, EN: t.EN}.Get(loc.Lang) })
	return out
}

// SectionAgencies resolves the agencies a section names.
func (v *page) SectionAgencies(refs []model.Ref) []*model.Agency {
	var out []*model.Agency
	for _, r := range refs {
		if a, ok := v.r.agencies[r.ID]; ok {
			out = append(out, a)
		}
	}
	return out
}

// StatusCount is how many items have one status; Rated is false for
// the items that no report rates, which pages count apart.
type statusCount struct {
	Status model.Status
	Count  int
	Rated  bool
}

// StatusCounts counts items per status, in the order of the scale, the
// items that cannot be rated last.
func (v *page) StatusCounts(items []*model.Item) []statusCount {
	n := map[model.Status]int{}
	for _, it := range items {
		n[it.Status]++
	}
	var out []statusCount
	for _, s := range statusOrder() {
		out = append(out, statusCount{Status: s, Count: n[s], Rated: s != model.StatusNotReported})
	}
	return out
}

// provinceItems lists every item of the plans of province p.
func provinceItems(p *model.Province) []*model.Item {
	var out []*model.Item
	for _, pl := range p.Plans {
		out = append(out, pl.Items...)
	}
	return out
}

// ItemUpdate is an update with the item it reports on.
type itemUpdate struct {
	Item   *model.Item
	Update *model.Update
}

// allItems lists every item of the site.
func allItems(site *model.Site) []*model.Item {
	var out []*model.Item
	for _, p := range site.Plans {
		out = append(out, p.Items...)
	}
	return out
}

// latestUpdates lists the n most recent updates of the site, newest first.
func latestUpdates(site *model.Site, n int) []itemUpdate {
	var out []itemUpdate
	for _, p := range site.Plans {
		for _, it := range p.Items {
			for _, u := range it.Updates {
				out = append(out, itemUpdate{Item: it, Update: u})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Update.Date.After(out[j].Update.Date.Time) })
	return out[:min(n, len(out))]
}

// Excerpt is the start of an item's text for lists; the whole text is on
// the item's own page, one click away.
func (v *page) Excerpt(it *model.Item) string { return truncate(v.Tx(it.Text), 240) }

// SectionFigures counts a section's items, with its sub-sections'.
func (v *page) SectionFigures(s *model.Section) Figures { return v.r.lk.sections[s].figures }

// OpenSection reports whether a plan's page shows section s unfolded:
// the sections down to the plan's first task are.
func (v *page) OpenSection(s *model.Section) bool { return v.r.lk.sections[s].open }

// PlanTitle names a plan with its province, for a page's title and a
// link shared elsewhere: "Kế hoạch số 208/KH-UBND, tỉnh Thanh Hóa"; the
// province is not repeated when the plan's name already says it.
func (v *page) PlanTitle(p *model.Plan) string {
	name := v.PlanName(p)
	if p.Province == nil || strings.Contains(name, v.Tx(p.Province.Name)) {
		return name
	}
	prov, err := v.ProvinceHeading(p.Province)
	if err != nil {
		return name
	}
	if v.L.Lang == model.VI {
		prov = lowerFirst(prov) // "tỉnh", "thành phố" inside a phrase
	}
	return name + ", " + prov
}

// ComparesAgency, ComparesPillar and ComparesTheme report whether the
// items of an agency, or the tasks of a pillar or theme, come from more
// than one plan: a comparison that one plan alone fills is not offered.
func (v *page) ComparesAgency(a *model.Agency) bool { return plansIn(v.r.man.AgencyItems[a]) > 1 }
func (v *page) ComparesPillar(p *model.Pillar) bool {
	return !p.IsGroup && plansIn(tasks(v.r.lk.pillar[p])) > 1
}
func (v *page) ComparesTheme(t *model.Theme) bool { return plansIn(tasks(v.r.lk.theme[t])) > 1 }

// plansIn counts the plans items come from.
func plansIn(items []*model.Item) int {
	plans := map[*model.Plan]bool{}
	for _, it := range items {
		plans[it.Plan] = true
	}
	return len(plans)
}

// Wide reports whether the page may use the whole window's width: the
// comparisons, whose tables have a column per plan.
func (v *page) Wide() bool {
	switch v.Page.Kind {
	case manifest.Compare, manifest.ComparePillar, manifest.CompareTheme, manifest.CompareAgency:
		return true
	}
	return false
}

// fitsRunes reports whether s has at most n runes.
func fitsRunes(s string, n int) bool {
	_, fits := runeOffset(s, n)
	return fits
}
