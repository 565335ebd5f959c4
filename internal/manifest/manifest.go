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
	"fmt"
	"sort"

	"sitegen/internal/diag"
	"sitegen/internal/model"
)

// Kind is a kind of page; each has its own template, KIND.html.
type Kind string

const (
	Home           Kind = "home"
	Framework      Kind = "framework"
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
	Framework  *model.Framework
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
func FrameworkPath(f *model.Framework) string  { return "frameworks/" + f.ID + "/" }
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

// SourcePath is the page of a plan's source document.
func SourcePath(p *model.Plan) string { return PlanPath(p) + "source/" }

// reserved lists names that the site uses for files outside its pages
// (open data and assets at the root, feeds and search indexes beside the
// pages): no standalone page may take them.
var reserved = []string{"data", "assets", "feed", "sitemap", "robots", "index"}

// claim is who planned a page: a value of the content, with where it is
// written, or the site itself (zero Pos).
type claim struct {
	what string
	pos  diag.Pos
}

// builder plans pages and reports two claims on one path.
type builder struct {
	m          *Manifest
	claims     map[string]claim
	errs       *diag.List
	inProvince map[*model.Province]map[*model.Agency]bool
}

// add plans p for the value described by what, written at pos (zero for
// the site's own pages). A path that is already planned is a problem at
// the second claimant, naming the first.
func (b *builder) add(p *Page, what string, pos diag.Pos) {
	if prev, ok := b.claims[p.Path]; ok {
		b.collide(p.Path, claim{what, pos}, prev)
		return
	}
	b.claims[p.Path] = claim{what, pos}
	b.m.Pages = append(b.m.Pages, p)
}

func (b *builder) collide(path string, c, prev claim) {
	if prev.pos.File == "" {
		b.errs.Errorf(c.pos, "choose another id: the site uses this address itself",
			"%s: address /%s is reserved for %s", c.what, path, prev.what)
		return
	}
	b.errs.Errorf(c.pos, fmt.Sprintf("give one of them another id; the other is at %s", prev.pos),
		"%s: address /%s is also claimed by %s", c.what, path, prev.what)
}

// Build plans the pages of site. Every path is planned here and only
// here; two values claiming one path, or a value claiming one of the
// site's reserved names, are reported in errs with the file and line of
// both claimants, and the later claimant gets no page.
func Build(site *model.Site, errs *diag.List) *Manifest {
	m := &Manifest{ProvinceAgencies: map[*model.Province][]*model.Agency{}, AgencyItems: map[*model.Agency][]*model.Item{}}
	b := &builder{m: m, claims: map[string]claim{}, errs: errs}
	own := func(p *Page, what string) { b.add(p, what, diag.Pos{}) }

	// The site's own pages come first, so that data colliding with them
	// is what gets reported.
	own(&Page{Kind: Home, Path: ""}, "the home page")
	for _, name := range reserved {
		b.claims[name+"/"] = claim{"the site's own files", diag.Pos{}}
	}
	own(&Page{Kind: Plans, Path: "plans/"}, "the list of plans")
	own(&Page{Kind: Provinces, Path: "provinces/"}, "the list of provinces")
	own(&Page{Kind: Agencies, Path: "agencies/"}, "the list of agencies")
	own(&Page{Kind: Pillars, Path: "pillars/"}, "the list of pillars")
	own(&Page{Kind: Themes, Path: "themes/"}, "the list of themes")
	own(&Page{Kind: Compare, Path: "compare/"}, "the comparison page")
	own(&Page{Kind: Glossary, Path: "glossary/"}, "the glossary page")
	own(&Page{Kind: Search, Path: "search/"}, "the search page")

	for _, f := range site.Frameworks {
		b.add(&Page{Kind: Framework, Path: FrameworkPath(f), Framework: f}, fmt.Sprintf("framework %q", f.ID), f.Pos)
	}
	for _, p := range site.Plans {
		b.plan(p)
	}
	b.agencyItems(site)
	for _, pr := range site.Provinces {
		b.add(&Page{Kind: Province, Path: ProvincePath(pr), Province: pr}, fmt.Sprintf("province %q", pr.ID), pr.Pos)
		for _, a := range site.Agencies {
			if b.inProvince[pr][a] {
				m.ProvinceAgencies[pr] = append(m.ProvinceAgencies[pr], a)
				b.add(&Page{Kind: ProvinceAgency, Path: ProvinceAgencyPath(pr, a), Province: pr, Agency: a},
					fmt.Sprintf("agency %q in province %q", a.ID, pr.ID), a.Pos)
			}
		}
	}
	for _, a := range site.Agencies {
		b.add(&Page{Kind: Agency, Path: AgencyPath(a), Agency: a}, fmt.Sprintf("agency %q", a.ID), a.Pos)
	}
	for _, f := range site.Frameworks {
		for _, p := range append(append([]*model.Pillar(nil), f.Pillars...), f.Groups...) {
			b.add(&Page{Kind: Pillar, Path: PillarPath(p), Pillar: p}, fmt.Sprintf("pillar %q", p.ID), p.Pos)
		}
	}
	for _, t := range site.Themes {
		b.add(&Page{Kind: Theme, Path: ThemePath(t), Theme: t}, fmt.Sprintf("theme %q", t.ID), t.Pos)
	}
	for _, f := range site.Frameworks {
		for _, p := range f.Pillars {
			b.add(&Page{Kind: ComparePillar, Path: ComparePillarPath(p), Pillar: p}, fmt.Sprintf("pillar %q", p.ID), p.Pos)
		}
	}
	for _, t := range site.Themes {
		b.add(&Page{Kind: CompareTheme, Path: CompareThemePath(t), Theme: t}, fmt.Sprintf("theme %q", t.ID), t.Pos)
	}
	for _, a := range site.Agencies {
		if len(m.AgencyItems[a]) > 0 {
			b.add(&Page{Kind: CompareAgency, Path: CompareAgencyPath(a), Agency: a}, fmt.Sprintf("agency %q", a.ID), a.Pos)
		}
	}
	b.standalone(site)
	return m
}

// plan plans a plan's page, its source, its items and the addresses it
// keeps alive after renumberings and withdrawals.
func (b *builder) plan(p *model.Plan) {
	what := fmt.Sprintf("plan %q", p.ID)
	b.add(&Page{Kind: Plan, Path: PlanPath(p), Plan: p, Province: p.Province}, what, p.Pos)
	if p.Source != nil {
		b.add(&Page{Kind: Source, Path: SourcePath(p), Plan: p}, "the source page of "+what, diag.Pos{})
	} else {
		// the address stays reserved, so that adding the source later
		// cannot take an item's address
		b.claims[SourcePath(p)] = claim{"the source page of " + what, diag.Pos{}}
	}
	for _, it := range p.Items {
		b.add(&Page{Kind: Item, Path: ItemPath(it), Plan: p, Item: it}, fmt.Sprintf("item %q", it.ID), it.Pos)
	}
	for _, mv := range p.Moved {
		b.add(&Page{Kind: Redirect, Path: PlanPath(p) + mv.From + "/", Plan: p, Item: mv.Item, Move: mv},
			fmt.Sprintf("moved item %q", mv.From), mv.Pos)
	}
	for _, w := range p.Withdrawn {
		b.add(&Page{Kind: Tombstone, Path: PlanPath(p) + w.ID + "/", Plan: p, Withdrawal: w},
			fmt.Sprintf("withdrawn item %q", w.ID), w.Pos)
	}
}

// agencyItems indexes the items each agency leads or joins, and the
// agencies present in each province.
func (b *builder) agencyItems(site *model.Site) {
	m := b.m
	b.inProvince = map[*model.Province]map[*model.Agency]bool{}
	for _, p := range site.Plans {
		for _, it := range p.Items {
			for _, a := range append(append([]*model.Agency(nil), it.Lead...), it.Partners...) {
				if n := len(m.AgencyItems[a]); n == 0 || m.AgencyItems[a][n-1] != it {
					m.AgencyItems[a] = append(m.AgencyItems[a], it)
				}
				if p.Province != nil {
					if b.inProvince[p.Province] == nil {
						b.inProvince[p.Province] = map[*model.Agency]bool{}
					}
					b.inProvince[p.Province][a] = true
				}
			}
		}
	}
}

// standalone plans the Markdown pages, one address for both languages.
// The glossary's Markdown is the introduction of the Glossary page.
func (b *builder) standalone(site *model.Site) {
	byName := map[string]map[model.Lang]*model.Page{}
	first := map[string]*model.Page{}
	var names []string
	for _, pg := range site.Pages {
		if byName[pg.Name] == nil {
			byName[pg.Name] = map[model.Lang]*model.Page{}
			first[pg.Name] = pg
			names = append(names, pg.Name)
		}
		byName[pg.Name][pg.Lang] = pg
	}
	for _, n := range names {
		if n == "glossary" {
			continue
		}
		b.add(&Page{Kind: Markdown, Path: n + "/", Pages: byName[n]}, fmt.Sprintf("page %q", n), first[n].Pos)
	}
	for _, p := range b.m.Pages {
		if p.Kind == Glossary {
			p.Pages = byName["glossary"]
		}
	}
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
