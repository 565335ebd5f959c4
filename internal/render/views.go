package render

import (
	"fmt"
	"html/template"
	"reflect"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
)

// The views, one type per page kind. Each holds what its template shows,
// chosen and counted here; the template decides only where it goes.
// Adding a page kind means a Kind and its path in package manifest, a
// view type and a case in view below, and templates/KIND.html.

type homeView struct {
	*page
	// Frameworks lists the programmes, the current one first.
	Frameworks []*model.Framework
	Plans      []*model.Plan
	Tasks      int
	Updates    []itemUpdate
	Provinces  []*model.Province // those with plans
	Pillars    []*model.Pillar
	Themes     []*model.Theme
}

type frameworkView struct {
	*page
	Framework *model.Framework
	Goals     []pillarCount
	Groups    []pillarCount
}

type plansView struct {
	*page
	Plans []*model.Plan
}

type planView struct {
	*page
	Plan       *model.Plan
	Commentary *Commentary
	// Pillars gives the figures of the plan's items under each goal of
	// its framework that it has items for.
	Pillars []pillarCount
	// Untranslated is the number of items without English, said only on
	// English pages, where it matters.
	Untranslated int
}

type sourceView struct {
	*page
	Plan   *model.Plan
	Blocks []sourceBlock
}

type itemView struct {
	*page
	Item       *model.Item
	Plan       *model.Plan
	Crumbs     []*model.Section
	Citation   string
	Commentary *Commentary
	// Heading says what the item commits to; Text is false when the
	// heading is the whole text, which is then not printed again.
	Heading string
	Text    bool
	// Passage is true when the source page marks the item's passage, so
	// that a link lands on it.
	Passage bool
	// Quote is true where the page's language is not the source's: the
	// Vietnamese original is quoted beside the translation.
	Quote bool
	// Counterpart is the appendix row that restates a body task, or the
	// body task an appendix row restates, with what it says that this
	// item does not.
	Counterpart *Counterpart
	// HeadingLang is "vi" where an English page's heading is Vietnamese
	// (an item with neither an English title nor an English text).
	HeadingLang string
	// Prev and Next are the items before and after it in its plan.
	Prev, Next *model.Item
}

// Counterpart is the other half of a body task and the appendix row
// that restates it, and the facts it adds.
type Counterpart struct {
	Item     *model.Item
	Appendix bool // Item is the appendix row
	Lead     []*model.Agency
	Partners []*model.Agency
}

// counterpart finds what a body task and its appendix row add to each
// other: only the facts the item itself lacks (model.Item.Lent); the
// timing one takes from the other is also its "by when" (model.Item.ByWhen).
func counterpart(it *model.Item) *Counterpart {
	l := it.Lent()
	if l == nil {
		return nil
	}
	return &Counterpart{Item: l.Item, Appendix: l.Appendix, Lead: l.Lead, Partners: l.Partners}
}

type provincesView struct {
	*page
	Provinces []*model.Province
}

type provinceView struct {
	*page
	Province *model.Province
	Items    []*model.Item // every item of its plans
	// Agencies are the named agencies with items in the province, and
	// Groups the collective ones ("các sở, ban, ngành"), apart.
	Agencies, Groups []agencyCount
	// Pillars and Themes give the figures of the province's items
	// under each.
	Pillars    []pillarCount
	Themes     []themeCount
	Commentary *Commentary
}

type provinceAgencyView struct {
	*page
	Province *model.Province
	Agency   *model.Agency
	Items    []*model.Item
}

type agenciesView struct {
	*page
	Agencies []agencyCount
}

type agencyView struct {
	*page
	Agency     *model.Agency
	Items      []*model.Item
	Commentary *Commentary
}

type pillarsView struct {
	*page
	Frameworks []pillarsOfFramework
}

// FrameworkPillars is one framework's goals and groups: pillars of
// different frameworks are listed apart, never as one set.
type pillarsOfFramework struct {
	Framework *model.Framework
	Goals     []pillarCount
	Groups    []pillarCount
}

type pillarView struct {
	*page
	Pillar     *model.Pillar
	Items      []*model.Item
	Figures    Figures
	Commentary *Commentary
}

type themesView struct {
	*page
	Themes []themeCount
}

type themeView struct {
	*page
	Theme      *model.Theme
	Items      []*model.Item
	Figures    Figures
	Commentary *Commentary
}

type compareView struct {
	*page
	// Frameworks holds one comparison per framework with plans: a
	// matrix never mixes the pillars of two programmes.
	Frameworks []frameworkComparison
	Themes     []themeCount
	Agencies   []*model.Agency
}

// FrameworkComparison is the plans of one framework side by side and its
// pillar by province matrix.
type frameworkComparison struct {
	Framework *model.Framework
	Plans     []*model.Plan
	Provinces []*model.Province // those with plans under it: the matrix's columns
	Matrix    []matrixRow
}

// columnsView lines up, one column per plan, the tasks of a pillar or a
// theme, or the items of an agency type, in rows that share a theme (or,
// comparing a theme, a pillar), so that what provinces committed to on
// the same subject sits side by side.
type columnsView struct {
	*page
	Pillar *model.Pillar
	Theme  *model.Theme
	Agency *model.Agency
	Table  comparison
}

// CompareTable is a comparison: one column per plan, one row per theme or
// pillar.
type comparison struct {
	Plans []*model.Plan
	Rows  []compareRow
	// Totals holds, per plan, the figures of its distinct items in the
	// table: an item in two rows counts once.
	Totals []Figures
	// TasksOnly says the table holds tasks alone (a pillar's or a
	// theme's), so that its columns count tasks, as those pages do.
	TasksOnly bool
	// Filled is how many plans have an item in the table: a table that
	// only one plan fills compares nothing.
	Filled int
}

// CompareRow is one theme's or pillar's items, per plan; Link is the
// row's own page.
type compareRow struct {
	Label string
	Link  string
	Cells [][]compareEntry
}

// compareEntry is an item in a cell; AlsoUnder names the row it was
// first listed in, where it stands in more than one.
type compareEntry struct {
	Item      *model.Item
	AlsoUnder string
}

type glossaryView struct {
	*page
	Title string // the introduction's title, if any
	Intro template.HTML
	Terms []*model.Term
}

type markdownView struct {
	*page
	Title string
	Body  template.HTML
	// Plans is the list the page asks for after its text; Data says
	// whether each plan is shown with its open data file.
	Plans []*model.Plan
	Data  bool
	// Contact says whether the page says how to reach the publisher.
	Contact bool
}

type redirectView struct {
	*page
	Move *model.Move
	Item *model.Item
	Plan *model.Plan
}

type tombstoneView struct {
	*page
	Withdrawal *model.Withdrawal
	Plan       *model.Plan
}

// bilingualView is the view of the pages outside the language trees
// (the root page and 404), which speak every language: Langs holds a
// page per language, in site order.
type bilingualView struct {
	*page
	Langs []*page
}

// AgencyCount is an agency with the number of items it leads or joins.
type agencyCount struct {
	Agency *model.Agency
	Items  int
}

// Figures counts a list of items and the tasks among them. Every page
// that counts items says both, from this one function, so that the same
// list gives the same numbers everywhere.
type Figures struct {
	Items int
	Tasks int
}

func figures(items []*model.Item) Figures { return Figures{len(items), countTasks(items)} }

// PillarCount is a pillar with the figures of its items.
type pillarCount struct {
	Pillar *model.Pillar
	Figures
}

// ThemeCount is a theme with the figures of its items.
type themeCount struct {
	Theme *model.Theme
	Figures
}

// view prepares the view of page p in lang.
func (r *renderer) view(p *manifest.Page, lang model.Lang) (any, error) {
	vm, ok := views[p.Kind]
	if !ok {
		return nil, fmt.Errorf("no view for page kind %q", p.Kind)
	}
	return vm.prepare(r.newPage(p, lang))
}

// views prepares each kind's view from its page.
var views = map[manifest.Kind]viewMaker{
	manifest.Home: view(func(v *page) (*homeView, error) {
		site, lk, l := v.r.site, v.r.lk, v.L.Lang
		return &homeView{page: v, Frameworks: byStatus(site.Frameworks), Plans: site.Plans, Tasks: countTasks(allItems(site)), Updates: latestUpdates(site, 5),
			Provinces: lk.withPlans[l], Pillars: pillars(site), Themes: lk.themes[l]}, nil
	}),
	manifest.Framework: view(func(v *page) (*frameworkView, error) {
		f := v.Page.Framework
		fp := frameworkPillars(v.r, f)
		return &frameworkView{page: v, Framework: f, Goals: fp.Goals, Groups: fp.Groups}, nil
	}),
	manifest.Plans: view(func(v *page) (*plansView, error) { return &plansView{page: v, Plans: v.r.site.Plans}, nil }),
	manifest.Plan: view(func(v *page) (*planView, error) {
		p := v.Page.Plan
		c, err := v.commentary(model.Subject{Plan: p.ID})
		pv := &planView{page: v, Plan: p, Commentary: c, Pillars: planPillars(p)}
		if v.L.Lang == model.EN {
			pv.Untranslated = untranslated(p)
		}
		return pv, err
	}),
	manifest.Source: view(func(v *page) (*sourceView, error) {
		return &sourceView{page: v, Plan: v.Page.Plan, Blocks: v.r.lk.sources[v.Page.Plan]}, nil
	}),
	manifest.Item: view(func(v *page) (*itemView, error) {
		it := v.Page.Item
		c, err := v.commentary(model.Subject{Plan: it.Plan.ID, Item: it.ID})
		iv := &itemView{page: v, Item: it, Plan: it.Plan, Crumbs: SectionPath(it.Section),
			Citation: v.citation(it.Plan, it), Commentary: c, Heading: v.Heading(it),
			Passage: v.r.lk.passage[it], Quote: v.L.Lang != model.VI, Counterpart: counterpart(it)}
		iv.Text = iv.Heading != upperFirst(v.Tx(it.Text))
		if !it.Title.IsZero() && !v.Has(it.Title) || it.Title.IsZero() && !iv.Text && !v.Has(it.Text) {
			iv.HeadingLang = string(model.VI)
		}
		iv.Prev, iv.Next = neighbours(it)
		return iv, err
	}),
	manifest.Provinces: view(func(v *page) (*provincesView, error) {
		return &provincesView{page: v, Provinces: v.r.lk.provinces[v.L.Lang]}, nil
	}),
	manifest.Province: view(func(v *page) (*provinceView, error) {
		pr, lk := v.Page.Province, v.r.lk
		c, err := v.commentary(model.Subject{Province: pr.ID})
		pv := &provinceView{page: v, Province: pr, Items: provinceItems(pr), Commentary: c}
		for _, a := range lk.provAgs[v.L.Lang][pr] {
			ac := agencyCount{a, len(lk.inProv[provAgency{pr, a}])}
			if a.Collective {
				pv.Groups = append(pv.Groups, ac)
			} else {
				pv.Agencies = append(pv.Agencies, ac)
			}
		}
		pv.Pillars, pv.Themes = provinceFigures(v, pv.Items)
		return pv, err
	}),
	manifest.ProvinceAgency: view(func(v *page) (*provinceAgencyView, error) {
		pr, a := v.Page.Province, v.Page.Agency
		return &provinceAgencyView{page: v, Province: pr, Agency: a, Items: v.r.lk.inProv[provAgency{pr, a}]}, nil
	}),
	manifest.Agencies: view(func(v *page) (*agenciesView, error) {
		av := &agenciesView{page: v}
		for _, a := range v.r.lk.agencies[v.L.Lang] {
			av.Agencies = append(av.Agencies, agencyCount{a, len(v.r.man.AgencyItems[a])})
		}
		return av, nil
	}),
	manifest.Agency: view(func(v *page) (*agencyView, error) {
		a := v.Page.Agency
		c, err := v.commentary(model.Subject{Agency: a.ID})
		return &agencyView{page: v, Agency: a, Items: v.r.man.AgencyItems[a], Commentary: c}, err
	}),
	manifest.Pillars: view(func(v *page) (*pillarsView, error) {
		pv := &pillarsView{page: v}
		for _, f := range v.r.site.Frameworks {
			pv.Frameworks = append(pv.Frameworks, frameworkPillars(v.r, f))
		}
		return pv, nil
	}),
	manifest.Pillar: view(func(v *page) (*pillarView, error) {
		pl := v.Page.Pillar
		c, err := v.commentary(model.Subject{Pillar: pl.ID})
		items := v.r.lk.pillar[pl]
		return &pillarView{page: v, Pillar: pl, Items: items, Figures: figures(items), Commentary: c}, err
	}),
	manifest.Themes: view(func(v *page) (*themesView, error) {
		tv := &themesView{page: v}
		for _, t := range v.r.lk.themes[v.L.Lang] {
			tv.Themes = append(tv.Themes, themeCount{t, figures(v.r.lk.theme[t])})
		}
		return tv, nil
	}),
	manifest.Theme: view(func(v *page) (*themeView, error) {
		t := v.Page.Theme
		c, err := v.commentary(model.Subject{Theme: t.ID})
		items := v.r.lk.theme[t]
		return &themeView{page: v, Theme: t, Items: items, Figures: figures(items), Commentary: c}, err
	}),
	manifest.Compare: view(func(v *page) (*compareView, error) { return compare(v), nil }),
	manifest.ComparePillar: view(func(v *page) (*columnsView, error) {
		pl := v.Page.Pillar
		t := v.byTheme(plansOf(v, pl.Framework), tasks(v.r.lk.pillar[pl]))
		t.TasksOnly = true
		return &columnsView{page: v, Pillar: pl, Table: t}, nil
	}),
	manifest.CompareTheme: view(func(v *page) (*columnsView, error) {
		t := v.Page.Theme
		tab := v.byPillar(plansOf(v, nil), tasks(v.r.lk.theme[t]))
		tab.TasksOnly = true
		return &columnsView{page: v, Theme: t, Table: tab}, nil
	}),
	manifest.CompareAgency: view(func(v *page) (*columnsView, error) {
		a := v.Page.Agency
		return &columnsView{page: v, Agency: a, Table: v.byTheme(plansOf(v, nil), v.r.man.AgencyItems[a])}, nil
	}),
	manifest.Glossary: view(func(v *page) (*glossaryView, error) {
		gv := &glossaryView{page: v, Terms: glossary(v.L, v.r.site.Glossary)}
		var err error
		gv.Title, gv.Intro, err = v.standalone()
		return gv, err
	}),
	manifest.Markdown: view(func(v *page) (*markdownView, error) {
		mv := &markdownView{page: v}
		if pg := v.Page.Pages[v.L.Lang]; pg != nil && pg.List != "" {
			mv.Plans, mv.Data = v.r.site.Plans, pg.List == model.ListPlanData
		}
		if pg := v.Page.Pages[v.L.Lang]; pg != nil {
			mv.Contact = pg.Contact
		}
		var err error
		mv.Title, mv.Body, err = v.standalone()
		return mv, err
	}),
	manifest.Search: view(func(v *page) (*page, error) { return v, nil }),
	manifest.Redirect: view(func(v *page) (*redirectView, error) {
		return &redirectView{page: v, Move: v.Page.Move, Item: v.Page.Item, Plan: v.Page.Plan}, nil
	}),
	manifest.Tombstone: view(func(v *page) (*tombstoneView, error) {
		return &tombstoneView{page: v, Withdrawal: v.Page.Withdrawal, Plan: v.Page.Plan}, nil
	}),
}

// viewMaker prepares one kind's view, of type typ, from its page.
type viewMaker struct {
	typ     reflect.Type
	prepare func(*page) (any, error)
}

func view[V any](prepare func(*page) (V, error)) viewMaker {
	return viewMaker{reflect.TypeFor[V](), func(p *page) (any, error) { return prepare(p) }}
}

// standalone renders the page's Markdown in its language; a language
// without a file (the loader reports it) gives an empty page.
func (v *page) standalone() (string, template.HTML, error) {
	pg := v.Page.Pages[v.L.Lang]
	if pg == nil {
		return "", "", nil
	}
	h, err := v.r.md.HTML(pg.Body)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", pg.Pos.File, err)
	}
	return pg.Title, h, nil
}

// plansOf lists the plans to compare, in the order of their provinces'
// names: those of framework f, or all when f is nil.
func plansOf(v *page, f *model.Framework) []*model.Plan {
	var out []*model.Plan
	for _, pr := range v.r.lk.withPlans[v.L.Lang] {
		for _, p := range pr.Plans {
			if f == nil || p.Framework == f {
				out = append(out, p)
			}
		}
	}
	return out
}

// byTheme lays items out in a table with a row per theme (in the page's
// order of themes, an item under each of its themes) and a column per
// plan; items without a theme go in a last row.
func (v *page) byTheme(plans []*model.Plan, items []*model.Item) comparison {
	var keys []any
	label := map[any]compareRow{}
	for _, t := range v.r.lk.themes[v.L.Lang] {
		keys = append(keys, t)
		label[t] = compareRow{Label: v.Tx(t.Name), Link: v.Link.Theme(t)}
	}
	none, _ := v.T("compare.no-theme")
	keys = append(keys, nil)
	label[nil] = compareRow{Label: none}
	return compareTable(plans, items, keys, label, func(it *model.Item) []any {
		var ks []any
		for _, t := range it.Themes {
			ks = append(ks, t)
		}
		if len(ks) == 0 {
			ks = append(ks, nil)
		}
		return ks
	})
}

// byPillar lays items out with a row per pillar or group.
func (v *page) byPillar(plans []*model.Plan, items []*model.Item) comparison {
	var keys []any
	label := map[any]compareRow{}
	var all []*model.Pillar
	for _, f := range v.r.site.Frameworks {
		all = append(append(all, f.Pillars...), f.Groups...)
	}
	for _, pl := range all {
		keys = append(keys, pl)
		name := v.Tx(pl.Name)
		if pl.Key != "" {
			name = pl.Key + ". " + name
		}
		label[pl] = compareRow{Label: name, Link: v.Link.Pillar(pl)}
	}
	none, _ := v.T("compare.no-pillar")
	keys = append(keys, nil)
	label[nil] = compareRow{Label: none}
	return compareTable(plans, items, keys, label, func(it *model.Item) []any {
		if it.Pillar == nil {
			return []any{nil}
		}
		return []any{it.Pillar}
	})
}

// compareTable places items in rows by rowsOf and columns by plan, and
// keeps only the rows that have an item. An item in several rows says,
// after its first, which row that was.
func compareTable(plans []*model.Plan, items []*model.Item, keys []any, label map[any]compareRow, rowsOf func(*model.Item) []any) comparison {
	col := map[*model.Plan]int{}
	for i, p := range plans {
		col[p] = i
	}
	cells := map[any][][]*model.Item{}
	tab := comparison{Plans: plans, Totals: make([]Figures, len(plans))}
	perPlan := make([][]*model.Item, len(plans))
	for _, it := range items {
		c, ok := col[it.Plan]
		if !ok {
			continue
		}
		perPlan[c] = append(perPlan[c], it)
		for _, k := range rowsOf(it) {
			if cells[k] == nil {
				cells[k] = make([][]*model.Item, len(plans))
			}
			cells[k][c] = append(cells[k][c], it)
		}
	}
	for i := range plans {
		tab.Totals[i] = figures(perPlan[i])
		if len(perPlan[i]) > 0 {
			tab.Filled++
		}
	}
	first := map[*model.Item]string{}
	for _, k := range keys {
		if cells[k] == nil {
			continue
		}
		row := label[k]
		row.Cells = make([][]compareEntry, len(plans))
		for c, its := range cells[k] {
			for _, it := range its {
				e := compareEntry{Item: it}
				if f, seen := first[it]; seen {
					e.AlsoUnder = f
				} else {
					first[it] = row.Label
				}
				row.Cells[c] = append(row.Cells[c], e)
			}
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab
}

// planPillars counts a plan's items under each goal of its framework.
func planPillars(p *model.Plan) []pillarCount {
	if p.Framework == nil {
		return nil
	}
	by := map[*model.Pillar][]*model.Item{}
	for _, it := range p.Items {
		by[it.Pillar] = append(by[it.Pillar], it)
	}
	var out []pillarCount
	for _, pl := range p.Framework.Pillars {
		if items := by[pl]; len(items) > 0 {
			out = append(out, pillarCount{pl, figures(items)})
		}
	}
	return out
}

// compare prepares the comparison page: per framework, its plans side by
// side and its pillar by province matrix.
func compare(v *page) *compareView {
	r, lk, lang := v.r, v.r.lk, v.L.Lang
	cv := &compareView{page: v}
	for _, f := range byStatus(r.site.Frameworks) {
		if len(f.Plans) == 0 {
			continue
		}
		provs := frameworkProvinces(lk.withPlans[lang], f)
		cv.Frameworks = append(cv.Frameworks, frameworkComparison{Framework: f, Plans: f.Plans, Provinces: provs,
			Matrix: matrix(f.Pillars, provs, lk)})
	}
	for _, t := range lk.themes[lang] {
		cv.Themes = append(cv.Themes, themeCount{t, figures(lk.theme[t])})
	}
	for _, a := range lk.agencies[lang] {
		if v.ComparesAgency(a) {
			cv.Agencies = append(cv.Agencies, a)
		}
	}
	return cv
}

// frameworkPillars counts the tasks of each of f's goals and the items of
// each of its groups.
func frameworkPillars(r *renderer, f *model.Framework) pillarsOfFramework {
	fp := pillarsOfFramework{Framework: f}
	for _, pl := range f.Pillars {
		fp.Goals = append(fp.Goals, pillarCount{pl, figures(r.lk.pillar[pl])})
	}
	for _, g := range f.Groups {
		fp.Groups = append(fp.Groups, pillarCount{g, figures(r.lk.pillar[g])})
	}
	return fp
}

// neighbours are the items before and after it in its plan's order.
func neighbours(it *model.Item) (prev, next *model.Item) {
	items := it.Plan.Items
	for i, x := range items {
		if x == it {
			if i > 0 {
				prev = items[i-1]
			}
			if i+1 < len(items) {
				next = items[i+1]
			}
			break
		}
	}
	return prev, next
}

// provinceFigures counts a province's items under each pillar, in the
// order of its frameworks, and under each theme, in the page's order of
// themes; those without items are left out.
func provinceFigures(v *page, items []*model.Item) ([]pillarCount, []themeCount) {
	byPillar := map[*model.Pillar][]*model.Item{}
	byTheme := map[*model.Theme][]*model.Item{}
	for _, it := range items {
		if it.Pillar != nil {
			byPillar[it.Pillar] = append(byPillar[it.Pillar], it)
		}
		for _, t := range it.Themes {
			byTheme[t] = append(byTheme[t], it)
		}
	}
	var pillars []pillarCount
	for _, f := range v.r.site.Frameworks {
		for _, p := range f.Pillars {
			if its := byPillar[p]; len(its) > 0 {
				pillars = append(pillars, pillarCount{p, figures(its)})
			}
		}
	}
	var themes []themeCount
	for _, t := range v.r.lk.themes[v.L.Lang] {
		if its := byTheme[t]; len(its) > 0 {
			themes = append(themes, themeCount{t, figures(its)})
		}
	}
	return pillars, themes
}
