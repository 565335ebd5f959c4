// Package manifest plans the pages of a site: every page, its kind, its
// path and the model value it shows, in both languages.
//
// A path is written without the language and base path ("plans/x/"); the
// page exists at /{lang}/{path} in every site language, which is how the
// language switch finds a page's twin. Paths end in "/" and are written
// as PATH/index.html. Planning is separate from rendering so that the
// URL contract can be read and tested in one place.
package manifest

import (
	"sort"

	"sitegen/internal/diag"
	"sitegen/internal/model"
)

// Kind is a kind of page; each has its own template, KIND.html.
type Kind string

const (
	Home           Kind = "home"
	Plans          Kind = "plans"
	Plan           Kind = "plan"
	Source         Kind = "source"
	Item           Kind = "item"
	Provinces      Kind = "provinces"
	Province       Kind = "province"
	ProvinceAgency Kind = "province-agency"
	Agencies       Kind = "agencies"
	Agency         Kind = "agency"
	Pillars        Kind = "pillars"
	Pillar         Kind = "pillar"
	Themes         Kind = "themes"
	Theme          Kind = "theme"
	Compare        Kind = "compare"
	ComparePillar  Kind = "compare-pillar"
	CompareTheme   Kind = "compare-theme"
	CompareAgency  Kind = "compare-agency"
	Glossary       Kind = "glossary"
	Search         Kind = "search"
	Redirect       Kind = "redirect"
	Tombstone      Kind = "tombstone"
	Markdown       Kind = "page"
)

// Page is one page, present in every site language.
type Page struct {
	Kind Kind
	Path string // without language, e.g. "plans/x/" ("" for home)

	// The value the page shows; which one is set depends on Kind.
	Plan       *model.Plan
	Item       *model.Item
	Province   *model.Province
	Agency     *model.Agency
	Pillar     *model.Pillar
	Theme      *model.Theme
	Pages      map[model.Lang]*model.Page // for Markdown pages
	Move       *model.Move                // for a redirect
	Withdrawal *model.Withdrawal          // for a tombstone
}

// Manifest lists every page of a site.
type Manifest struct {
	Pages []*Page
	// ProvinceAgencies lists, per province, the agency types that have
	// an item there, in registry order.
	ProvinceAgencies map[*model.Province][]*model.Agency
	// AgencyItems lists the items each agency leads or joins.
	AgencyItems map[*model.Agency][]*model.Item
}

// Paths of the pages, one function each, so that templates and the plan
// agree on the URL contract.
func PlanPath(p *model.Plan) string            { return "plans/" + p.ID + "/" }
func ItemPath(it *model.Item) string           { return "plans/" + it.Plan.ID + "/" + it.ID + "/" }
func ProvincePath(p *model.Province) string    { return "provinces/" + p.ID + "/" }
func AgencyPath(a *model.Agency) string        { return "agencies/" + a.ID + "/" }
func PillarPath(p *model.Pillar) string        { return "pillars/" + p.ID + "/" }
func ThemePath(t *model.Theme) string          { return "themes/" + t.ID + "/" }
func ComparePillarPath(p *model.Pillar) string { return "compare/pillars/" + p.ID + "/" }
func CompareThemePath(t *model.Theme) string   { return "compare/themes/" + t.ID + "/" }
func CompareAgencyPath(a *model.Agency) string { return "compare/agencies/" + a.ID + "/" }
func ProvinceAgencyPath(p *model.Province, a *model.Agency) string {
	return "provinces/" + p.ID + "/agencies/" + a.ID + "/"
}

// Build plans the pages of site.
func Build(site *model.Site) *Manifest {
	m := &Manifest{ProvinceAgencies: map[*model.Province][]*model.Agency{}, AgencyItems: map[*model.Agency][]*model.Item{}}
	add := func(p *Page) { m.Pages = append(m.Pages, p) }

	add(&Page{Kind: Home, Path: ""})
	add(&Page{Kind: Plans, Path: "plans/"})
	for _, p := range site.Plans {
		add(&Page{Kind: Plan, Path: PlanPath(p), Plan: p, Province: p.Province})
		if p.Source != nil {
			add(&Page{Kind: Source, Path: PlanPath(p) + "source/", Plan: p})
		}
		for _, it := range p.Items {
			add(&Page{Kind: Item, Path: ItemPath(it), Plan: p, Item: it})
		}
		for _, mv := range p.Moved {
			add(&Page{Kind: Redirect, Path: PlanPath(p) + mv.From + "/", Plan: p, Item: mv.Item, Move: mv})
		}
		for _, w := range p.Withdrawn {
			add(&Page{Kind: Tombstone, Path: PlanPath(p) + w.ID + "/", Plan: p, Withdrawal: w})
		}
	}

	inProvince := map[*model.Province]map[*model.Agency]bool{}
	for _, p := range site.Plans {
		for _, it := range p.Items {
			for _, a := range append(append([]*model.Agency(nil), it.Lead...), it.Partners...) {
				if n := len(m.AgencyItems[a]); n == 0 || m.AgencyItems[a][n-1] != it {
					m.AgencyItems[a] = append(m.AgencyItems[a], it)
				}
				if p.Province != nil {
					if inProvince[p.Province] == nil {
						inProvince[p.Province] = map[*model.Agency]bool{}
					}
					inProvince[p.Province][a] = true
				}
			}
		}
	}

	add(&Page{Kind: Provinces, Path: "provinces/"})
	for _, pr := range site.Provinces {
		add(&Page{Kind: Province, Path: ProvincePath(pr), Province: pr})
		for _, a := range site.Agencies {
			if inProvince[pr][a] {
				m.ProvinceAgencies[pr] = append(m.ProvinceAgencies[pr], a)
				add(&Page{Kind: ProvinceAgency, Path: ProvinceAgencyPath(pr, a), Province: pr, Agency: a})
			}
		}
	}
	add(&Page{Kind: Agencies, Path: "agencies/"})
	for _, a := range site.Agencies {
		add(&Page{Kind: Agency, Path: AgencyPath(a), Agency: a})
	}
	add(&Page{Kind: Pillars, Path: "pillars/"})
	for _, f := range site.Frameworks {
		for _, p := range append(append([]*model.Pillar(nil), f.Pillars...), f.Groups...) {
			add(&Page{Kind: Pillar, Path: PillarPath(p), Pillar: p})
		}
	}
	add(&Page{Kind: Themes, Path: "themes/"})
	for _, t := range site.Themes {
		add(&Page{Kind: Theme, Path: ThemePath(t), Theme: t})
	}
	add(&Page{Kind: Compare, Path: "compare/"})
	for _, f := range site.Frameworks {
		for _, p := range f.Pillars {
			add(&Page{Kind: ComparePillar, Path: ComparePillarPath(p), Pillar: p})
		}
	}
	for _, t := range site.Themes {
		add(&Page{Kind: CompareTheme, Path: CompareThemePath(t), Theme: t})
	}
	for _, a := range site.Agencies {
		if len(m.AgencyItems[a]) > 0 {
			add(&Page{Kind: CompareAgency, Path: CompareAgencyPath(a), Agency: a})
		}
	}
	add(&Page{Kind: Glossary, Path: "glossary/"})
	add(&Page{Kind: Search, Path: "search/"})

	byName := map[string]map[model.Lang]*model.Page{}
	var names []string
	for _, pg := range site.Pages {
		if byName[pg.Name] == nil {
			byName[pg.Name] = map[model.Lang]*model.Page{}
			names = append(names, pg.Name)
		}
		byName[pg.Name][pg.Lang] = pg
	}
	for _, n := range names {
		if n == "glossary" {
			continue // the glossary page's introduction, shown by the Glossary page
		}
		add(&Page{Kind: Markdown, Path: n + "/", Pages: byName[n]})
	}
	for _, p := range m.Pages {
		if p.Kind == Glossary {
			p.Pages = byName["glossary"]
		}
	}
	return m
}

// Paths of the open data files.
func PlanDataPath(p *model.Plan) string { return "data/plans/" + p.ID + ".json" }

const (
	ItemsCSVPath   = "data/items.csv"
	PlanSchemaPath = "data/plans/plan.schema.json"
)

// Addresses lists every address a reader may have linked to: each page in
// each language ("vi/plans/x/") and each open data file, sorted.
func (m *Manifest) Addresses(site *model.Site) []string {
	var out []string
	for _, p := range m.Pages {
		for _, l := range model.Langs {
			out = append(out, string(l)+"/"+p.Path)
		}
	}
	out = append(out, ItemsCSVPath, PlanSchemaPath)
	for _, p := range site.Plans {
		out = append(out, PlanDataPath(p))
	}
	sort.Strings(out)
	return out
}

// CheckPublished reports every address of the record of published
// addresses that this site would no longer serve: a link someone printed
// would break.
func (m *Manifest) CheckPublished(site *model.Site, errs *diag.List) {
	have := map[string]bool{}
	for _, a := range m.Addresses(site) {
		have[a] = true
	}
	for _, u := range site.Published {
		if !have[u.Path] {
			errs.Errorf(u.Pos, "if an item was renumbered, add `moved: [{from: OLD, to: NEW, date: ...}]` to its plan; if it was withdrawn, add `withdrawn: [{id: OLD, ...}]`; see docs/content.md",
				"%q was published and would no longer exist", u.Path)
		}
	}
}
