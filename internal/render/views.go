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
	Plans     []*model.Plan
	Tasks     int
	Updates   []ItemUpdate
	Provinces []*model.Province // those with plans
	Pillars   []*model.Pillar
	Themes    []*model.Theme
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
	Plan       *model.Plan
	Paragraphs []string
}

type itemView struct {
	*page
	Item       *model.Item
	Plan       *model.Plan
	Crumbs     []*model.Section
	Citation   string
	Commentary *Commentary
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
	Goals  []PillarCount // counting tasks
	Groups []PillarCount // counting items
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
	Plans     []*model.Plan
	Provinces []*model.Province // those with plans: the matrix's columns
	Matrix    []MatrixRow
	Pillars   []*model.Pillar
	Themes    []ThemeCount // counting tasks
	Agencies  []*model.Agency
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
	v := r.newPage(p, lang)
	lk := r.lk
	switch p.Kind {
	case manifest.Home:
		return &homeView{page: v, Plans: r.site.Plans, Tasks: countTasks(allItems(r.site)), Updates: latestUpdates(r.site, 5),
			Provinces: lk.withPlans[lang], Pillars: pillars(r.site), Themes: lk.themes[lang]}, nil
	case manifest.Plans:
		return &plansView{page: v, Plans: r.site.Plans}, nil
	case manifest.Plan:
		c, err := v.commentary(model.Subject{Plan: p.Plan.ID})
		pv := &planView{page: v, Plan: p.Plan, Commentary: c}
		if lang == model.EN {
			pv.Untranslated = untranslated(p.Plan)
		}
		return pv, err
	case manifest.Source:
		return &sourceView{page: v, Plan: p.Plan, Paragraphs: paragraphs(p.Plan.Source)}, nil
	case manifest.Item:
		it := p.Item
		c, err := v.commentary(model.Subject{Plan: it.Plan.ID, Item: it.ID})
		return &itemView{page: v, Item: it, Plan: it.Plan, Crumbs: SectionPath(it.Section),
			Citation: v.citation(it.Plan, it), Commentary: c}, err
	case manifest.Provinces:
		return &provincesView{page: v, Provinces: lk.provinces[lang]}, nil
	case manifest.Province:
		pr := p.Province
		c, err := v.commentary(model.Subject{Province: pr.ID})
		pv := &provinceView{page: v, Province: pr, Items: provinceItems(pr), Commentary: c}
		for _, a := range lk.provAgs[lang][pr] {
			pv.Agencies = append(pv.Agencies, AgencyCount{a, len(lk.inProv[provAgency{pr, a}])})
		}
		return pv, err
	case manifest.ProvinceAgency:
		return &provinceAgencyView{page: v, Province: p.Province, Agency: p.Agency,
			Items: lk.inProv[provAgency{p.Province, p.Agency}]}, nil
	case manifest.Agencies:
		av := &agenciesView{page: v}
		for _, a := range lk.agencies[lang] {
			av.Agencies = append(av.Agencies, AgencyCount{a, len(r.man.AgencyItems[a])})
		}
		return av, nil
	case manifest.Agency:
		c, err := v.commentary(model.Subject{Agency: p.Agency.ID})
		return &agencyView{page: v, Agency: p.Agency, Items: r.man.AgencyItems[p.Agency], Commentary: c}, err
	case manifest.Pillars:
		pv := &pillarsView{page: v}
		for _, pl := range pillars(r.site) {
			pv.Goals = append(pv.Goals, PillarCount{pl, countTasks(lk.pillar[pl])})
		}
		for _, g := range groups(r.site) {
			pv.Groups = append(pv.Groups, PillarCount{g, len(lk.pillar[g])})
		}
		return pv, nil
	case manifest.Pillar:
		c, err := v.commentary(model.Subject{Pillar: p.Pillar.ID})
		return &pillarView{page: v, Pillar: p.Pillar, Items: lk.pillar[p.Pillar], Commentary: c}, err
	case manifest.Themes:
		tv := &themesView{page: v}
		for _, t := range lk.themes[lang] {
			tv.Themes = append(tv.Themes, ThemeCount{t, len(lk.theme[t])})
		}
		return tv, nil
	case manifest.Theme:
		c, err := v.commentary(model.Subject{Theme: p.Theme.ID})
		return &themeView{page: v, Theme: p.Theme, Items: lk.theme[p.Theme], Commentary: c}, err
	case manifest.Compare:
		return r.compareView(v, lang), nil
	case manifest.ComparePillar:
		return &columnsView{page: v, Pillar: p.Pillar, Columns: v.columns(tasks(lk.pillar[p.Pillar]))}, nil
	case manifest.CompareTheme:
		return &columnsView{page: v, Theme: p.Theme, Columns: v.columns(tasks(lk.theme[p.Theme]))}, nil
	case manifest.CompareAgency:
		return &columnsView{page: v, Agency: p.Agency, Columns: v.columns(r.man.AgencyItems[p.Agency])}, nil
	case manifest.Glossary:
		gv := &glossaryView{page: v, Terms: glossary(v.L, r.site.Glossary)}
		if pg := p.Pages[lang]; pg != nil {
			h, err := r.md.HTML(pg.Body)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", pg.Pos.File, err)
			}
			gv.Title, gv.Intro = pg.Title, h
		}
		return gv, nil
	case manifest.Markdown:
		pg := p.Pages[lang]
		if pg == nil {
			return &markdownView{page: v}, nil // the loader reports the missing language
		}
		h, err := r.md.HTML(pg.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", pg.Pos.File, err)
		}
		return &markdownView{page: v, Title: pg.Title, Body: h}, nil
	case manifest.Search:
		return v, nil
	case manifest.Redirect:
		return &redirectView{page: v, Move: p.Move, Item: p.Item, Plan: p.Plan}, nil
	case manifest.Tombstone:
		return &tombstoneView{page: v, Withdrawal: p.Withdrawal, Plan: p.Plan}, nil
	}
	return nil, fmt.Errorf("no view for page kind %q", p.Kind)
}

func (r *renderer) compareView(v *page, lang model.Lang) *compareView {
	lk := r.lk
	cv := &compareView{page: v, Plans: r.site.Plans, Provinces: lk.withPlans[lang], Pillars: pillars(r.site)}
	cv.Matrix = matrix(cv.Pillars, cv.Provinces, lk)
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
