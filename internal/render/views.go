package render

import (
	"fmt"
	"html/template"

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
	Updates    []ItemUpdate
	Provinces  []*model.Province // those with plans
	Pillars    []*model.Pillar
	Themes     []*model.Theme
}

type frameworkView struct {
	*page
	Framework *model.Framework
	Goals     []PillarCount // counting tasks
	Groups    []PillarCount // counting items
}

type plansView struct {
	*page
	Plans []*model.Plan
}

type planView struct {
	*page
	Plan       *model.Plan
	Commentary *Commentary
	// Untranslated is the number of items without English, said only on
	// English pages, where it matters.
	Untranslated int
}

type sourceView struct {
	*page
	Plan   *model.Plan
	Blocks []SourceBlock
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
}

// Counterpart is the other half of a body task and the appendix row
// that restates it, and the facts it adds.
type Counterpart struct {
	Item     *model.Item
	Appendix bool // Item is the appendix row
	Lead     []*model.Agency
	Partners []*model.Agency
	Timing   *model.Timing
}

// counterpart finds what a body task and its appendix row add to each
// other: only the facts the item itself lacks.
func counterpart(it *model.Item) *Counterpart {
	var c *Counterpart
	switch {
	case it.RestatesItem != nil:
		c = &Counterpart{Item: it.RestatesItem}
	case len(it.RestatedBy) > 0:
		c = &Counterpart{Item: it.RestatedBy[0], Appendix: true}
	default:
		return nil
	}
	if len(it.Lead) == 0 {
		c.Lead = c.Item.Lead
	}
	if len(it.Partners) == 0 {
		c.Partners = c.Item.Partners
	}
	if it.Timing == nil {
		c.Timing = c.Item.Timing
	}
	return c
}

type provincesView struct {
	*page
	Provinces []*model.Province
}

type provinceView struct {
	*page
	Province   *model.Province
	Items      []*model.Item // every item of its plans
	Agencies   []AgencyCount
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
	Agencies []AgencyCount
}

type agencyView struct {
	*page
	Agency     *model.Agency
	Items      []*model.Item
	Commentary *Commentary
}

type pillarsView struct {
	*page
	Frameworks []FrameworkPillars
}

// FrameworkPillars is one framework's goals and groups: pillars of
// different frameworks are listed apart, never as one set.
type FrameworkPillars struct {
	Framework *model.Framework
	Goals     []PillarCount // counting tasks
	Groups    []PillarCount // counting items
}

type pillarView struct {
	*page
	Pillar     *model.Pillar
	Items      []*model.Item
	Commentary *Commentary
}

type themesView struct {
	*page
	Themes []ThemeCount
}

type themeView struct {
	*page
	Theme      *model.Theme
	Items      []*model.Item
	Commentary *Commentary
}

type compareView struct {
	*page
	// Frameworks holds one comparison per framework with plans: a
	// matrix never mixes the pillars of two programmes.
	Frameworks []FrameworkComparison
	Themes     []ThemeCount // counting tasks
	Agencies   []*model.Agency
}

// FrameworkComparison is the plans of one framework side by side and its
// pillar by province matrix.
type FrameworkComparison struct {
	Framework *model.Framework
	Plans     []*model.Plan
	Provinces []*model.Province // those with plans under it: the matrix's columns
	Matrix    []MatrixRow
}

// columnsView lines up, one column per province, the tasks of a pillar
// or a theme, or the items of an agency type.
type columnsView struct {
	*page
	Pillar  *model.Pillar
	Theme   *model.Theme
	Agency  *model.Agency
	Columns []ProvinceColumn
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
type AgencyCount struct {
	Agency *model.Agency
	Items  int
}

// PillarCount is a pillar with a count of its items or tasks.
type PillarCount struct {
	Pillar *model.Pillar
	Count  int
}

// ThemeCount is a theme with a count of its items or tasks.
type ThemeCount struct {
	Theme *model.Theme
	Count int
}

// view prepares the view of page p in lang.
func (r *renderer) view(p *manifest.Page, lang model.Lang) (any, error) {
	prepare, ok := views[p.Kind]
	if !ok {
		return nil, fmt.Errorf("no view for page kind %q", p.Kind)
	}
	return prepare(r.newPage(p, lang))
}

// views prepares each kind's view from its page.
var views = map[manifest.Kind]func(v *page) (any, error){
	manifest.Home: func(v *page) (any, error) {
		site, lk, l := v.r.site, v.r.lk, v.L.Lang
		return &homeView{page: v, Frameworks: byStatus(site.Frameworks), Plans: site.Plans, Tasks: countTasks(allItems(site)), Updates: latestUpdates(site, 5),
			Provinces: lk.withPlans[l], Pillars: pillars(site), Themes: lk.themes[l]}, nil
	},
	manifest.Framework: func(v *page) (any, error) {
		f := v.Page.Framework
		fp := frameworkPillars(v.r, f)
		return &frameworkView{page: v, Framework: f, Goals: fp.Goals, Groups: fp.Groups}, nil
	},
	manifest.Plans: func(v *page) (any, error) { return &plansView{page: v, Plans: v.r.site.Plans}, nil },
	manifest.Plan: func(v *page) (any, error) {
		p := v.Page.Plan
		c, err := v.commentary(model.Subject{Plan: p.ID})
		pv := &planView{page: v, Plan: p, Commentary: c}
		if v.L.Lang == model.EN {
			pv.Untranslated = untranslated(p)
		}
		return pv, err
	},
	manifest.Source: func(v *page) (any, error) {
		return &sourceView{page: v, Plan: v.Page.Plan, Blocks: v.r.lk.sources[v.Page.Plan]}, nil
	},
	manifest.Item: func(v *page) (any, error) {
		it := v.Page.Item
		c, err := v.commentary(model.Subject{Plan: it.Plan.ID, Item: it.ID})
		iv := &itemView{page: v, Item: it, Plan: it.Plan, Crumbs: SectionPath(it.Section),
			Citation: v.citation(it.Plan, it), Commentary: c, Heading: v.Heading(it),
			Passage: v.r.lk.passage[it], Quote: v.L.Lang != model.VI, Counterpart: counterpart(it)}
		iv.Text = iv.Heading != v.Tx(it.Text)
		return iv, err
	},
	manifest.Provinces: func(v *page) (any, error) {
		return &provincesView{page: v, Provinces: v.r.lk.provinces[v.L.Lang]}, nil
	},
	manifest.Province: func(v *page) (any, error) {
		pr, lk := v.Page.Province, v.r.lk
		c, err := v.commentary(model.Subject{Province: pr.ID})
		pv := &provinceView{page: v, Province: pr, Items: provinceItems(pr), Commentary: c}
		for _, a := range lk.provAgs[v.L.Lang][pr] {
			pv.Agencies = append(pv.Agencies, AgencyCount{a, len(lk.inProv[provAgency{pr, a}])})
		}
		return pv, err
	},
	manifest.ProvinceAgency: func(v *page) (any, error) {
		pr, a := v.Page.Province, v.Page.Agency
		return &provinceAgencyView{page: v, Province: pr, Agency: a, Items: v.r.lk.inProv[provAgency{pr, a}]}, nil
	},
	manifest.Agencies: func(v *page) (any, error) {
		av := &agenciesView{page: v}
		for _, a := range v.r.lk.agencies[v.L.Lang] {
			av.Agencies = append(av.Agencies, AgencyCount{a, len(v.r.man.AgencyItems[a])})
		}
		return av, nil
	},
	manifest.Agency: func(v *page) (any, error) {
		a := v.Page.Agency
		c, err := v.commentary(model.Subject{Agency: a.ID})
		return &agencyView{page: v, Agency: a, Items: v.r.man.AgencyItems[a], Commentary: c}, err
	},
	manifest.Pillars: func(v *page) (any, error) {
		pv := &pillarsView{page: v}
		for _, f := range v.r.site.Frameworks {
			pv.Frameworks = append(pv.Frameworks, frameworkPillars(v.r, f))
		}
		return pv, nil
	},
	manifest.Pillar: func(v *page) (any, error) {
		pl := v.Page.Pillar
		c, err := v.commentary(model.Subject{Pillar: pl.ID})
		return &pillarView{page: v, Pillar: pl, Items: v.r.lk.pillar[pl], Commentary: c}, err
	},
	manifest.Themes: func(v *page) (any, error) {
		tv := &themesView{page: v}
		for _, t := range v.r.lk.themes[v.L.Lang] {
			tv.Themes = append(tv.Themes, ThemeCount{t, len(v.r.lk.theme[t])})
		}
		return tv, nil
	},
	manifest.Theme: func(v *page) (any, error) {
		t := v.Page.Theme
		c, err := v.commentary(model.Subject{Theme: t.ID})
		return &themeView{page: v, Theme: t, Items: v.r.lk.theme[t], Commentary: c}, err
	},
	manifest.Compare: func(v *page) (any, error) { return compare(v), nil },
	manifest.ComparePillar: func(v *page) (any, error) {
		pl := v.Page.Pillar
		// the columns are the provinces with plans under the pillar's
		// own framework: another programme's plans cannot have its tasks
		provs := frameworkProvinces(v.r.lk.withPlans[v.L.Lang], pl.Framework)
		return &columnsView{page: v, Pillar: pl, Columns: columns(provs, tasks(v.r.lk.pillar[pl]))}, nil
	},
	manifest.CompareTheme: func(v *page) (any, error) {
		t := v.Page.Theme
		return &columnsView{page: v, Theme: t, Columns: v.columns(tasks(v.r.lk.theme[t]))}, nil
	},
	manifest.CompareAgency: func(v *page) (any, error) {
		a := v.Page.Agency
		return &columnsView{page: v, Agency: a, Columns: v.columns(v.r.man.AgencyItems[a])}, nil
	},
	manifest.Glossary: func(v *page) (any, error) {
		gv := &glossaryView{page: v, Terms: glossary(v.L, v.r.site.Glossary)}
		var err error
		gv.Title, gv.Intro, err = v.standalone()
		return gv, err
	},
	manifest.Markdown: func(v *page) (any, error) {
		mv := &markdownView{page: v}
		var err error
		mv.Title, mv.Body, err = v.standalone()
		return mv, err
	},
	manifest.Search: func(v *page) (any, error) { return v, nil },
	manifest.Redirect: func(v *page) (any, error) {
		return &redirectView{page: v, Move: v.Page.Move, Item: v.Page.Item, Plan: v.Page.Plan}, nil
	},
	manifest.Tombstone: func(v *page) (any, error) {
		return &tombstoneView{page: v, Withdrawal: v.Page.Withdrawal, Plan: v.Page.Plan}, nil
	},
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
		cv.Frameworks = append(cv.Frameworks, FrameworkComparison{Framework: f, Plans: f.Plans, Provinces: provs,
			Matrix: matrix(f.Pillars, provs, lk)})
	}
	for _, t := range lk.themes[lang] {
		cv.Themes = append(cv.Themes, ThemeCount{t, countTasks(lk.theme[t])})
	}
	for _, a := range lk.agencies[lang] {
		if len(r.man.AgencyItems[a]) > 0 {
			cv.Agencies = append(cv.Agencies, a)
		}
	}
	return cv
}

// frameworkPillars counts the tasks of each of f's goals and the items of
// each of its groups.
func frameworkPillars(r *renderer, f *model.Framework) FrameworkPillars {
	fp := FrameworkPillars{Framework: f}
	for _, pl := range f.Pillars {
		fp.Goals = append(fp.Goals, PillarCount{pl, countTasks(r.lk.pillar[pl])})
	}
	for _, g := range f.Groups {
		fp.Groups = append(fp.Groups, PillarCount{g, len(r.lk.pillar[g])})
	}
	return fp
}
