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
	"strings"

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
	// Target is where a redirect or tombstone of redirects.yaml points:
	// a path without language, like Path; "" for items' own.
	Target string
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
	for _, p := range addressPages(site) {
		add(p)
	}
	return m
}

// addressPages plans the redirects and tombstones of redirects.yaml. An
// entry with below also covers every recorded address under its path.
func addressPages(site *model.Site) []*Page {
	var out []*Page
	for _, mv := range site.Moved {
		for _, rest := range below(site, mv.From, mv.Below) {
			out = append(out, &Page{Kind: Redirect, Path: mv.From + rest, Target: mv.To + rest,
				Move: &model.Move{Pos: mv.Pos, From: mv.From + rest, Date: mv.Date, Note: mv.Note}})
		}
	}
	for _, w := range site.Withdrawn {
		for _, rest := range below(site, w.Path, w.Below) {
			out = append(out, &Page{Kind: Tombstone, Path: w.Path + rest, Target: w.See,
				Withdrawal: &model.Withdrawal{Pos: w.Pos, Text: w.Title, Date: w.Date, Reason: w.Reason}})
		}
	}
	return out
}

// below returns "" for a page path of redirects.yaml and, with all, the
// rest of every recorded page address under it ("i-1/" for
// "vi/plans/x/i-1/" under "plans/x/"). Data files have no page.
func below(site *model.Site, path string, all bool) []string {
	if !strings.HasSuffix(path, "/") {
		return nil
	}
	out := []string{""}
	if !all {
		return out
	}
	seen := map[string]bool{}
	for _, u := range site.Published {
		for _, l := range model.Langs {
			rest, ok := strings.CutPrefix(u.Path, string(l)+"/"+path)
			if ok && rest != "" && !seen[rest] {
				seen[rest] = true
				out = append(out, rest)
			}
		}
	}
	sort.Strings(out[1:])
	return out
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
	// a moved or withdrawn data file is answered by a notice (package
	// opendata writes it)
	for _, mv := range site.Moved {
		if strings.HasPrefix(mv.From, "data/") {
			out = append(out, mv.From)
		}
	}
	for _, w := range site.Withdrawn {
		if strings.HasPrefix(w.Path, "data/") {
			out = append(out, w.Path)
		}
	}
	sort.Strings(out)
	return out
}

// CheckPublished reports every address of the record of published
// addresses that this site would no longer serve: a link someone printed
// would break. It also checks redirects.yaml against the site: an old
// address must not be a page the site still has, and a new one must be.
func (m *Manifest) CheckPublished(site *model.Site, errs *diag.List) {
	have := map[string]bool{}
	for _, a := range m.Addresses(site) {
		have[a] = true
	}
	plans := map[string]bool{}
	for _, p := range site.Plans {
		plans[p.ID] = true
	}
	for _, u := range site.Published {
		if have[u.Path] {
			continue
		}
		hint := fmt.Sprintf("if it moved, add `moved: [{from: %s, to: NEW-PATH, date: ...}]` to redirects.yaml; if it was removed, add `withdrawn: [{path: %s, date: ..., reason: ...}]` there; see docs/content.md",
			withoutLang(u.Path), withoutLang(u.Path))
		if parts := strings.Split(u.Path, "/"); len(parts) == 5 && parts[1] == "plans" && plans[parts[2]] && parts[3] != "source" {
			hint = "if an item was renumbered, add `moved: [{from: OLD, to: NEW, date: ...}]` to its plan; if it was withdrawn, add `withdrawn: [{id: OLD, ...}]`; see docs/content.md"
		}
		errs.Errorf(u.Pos, hint, "%q was published and would no longer exist", u.Path)
	}
	count := map[string]int{}
	for _, p := range m.Pages {
		count[p.Path]++
	}
	served := func(p string) bool {
		if strings.HasSuffix(p, "/") {
			return count[p] > 0
		}
		return have[p]
	}
	// the pages of redirects.yaml are those without a plan
	reported := map[string]bool{}
	for _, p := range m.Pages {
		if p.Plan != nil || p.Kind != Redirect && p.Kind != Tombstone || reported[p.Path] {
			continue
		}
		var pos diag.Pos
		what := "moved"
		if p.Kind == Redirect {
			pos = p.Move.Pos
		} else {
			pos, what = p.Withdrawal.Pos, "withdrawn"
		}
		if count[p.Path] > 1 {
			reported[p.Path] = true
			errs.Errorf(pos, "remove the entry, or `below: true` if it covers the page: the site still has a page at that address", "%s address %q is still a page of the site", what, p.Path)
		}
		if p.Kind == Redirect && !served(p.Target) {
			reported[p.Path] = true
			errs.Errorf(pos, "write the path of a page the site has, such as plans/x/", "moved address %q: %q is not a page of the site", p.Path, p.Target)
		}
	}
	for _, mv := range site.Moved {
		if !strings.HasPrefix(mv.From, "data/") {
			continue
		}
		if planData(site, mv.From) {
			errs.Errorf(mv.Pos, "remove the entry: the plan still has its data file", "moved address %q is still a file of the site", mv.From)
		}
		if !have[mv.To] {
			errs.Errorf(mv.ToPos, "write the path of a plan's data file, such as data/plans/x.json", "moved address %q: %q is not a file of the site", mv.From, mv.To)
		}
	}
	for _, w := range site.Withdrawn {
		if strings.HasPrefix(w.Path, "data/") && planData(site, w.Path) {
			errs.Errorf(w.Pos, "remove the entry: the plan still has its data file", "withdrawn address %q is still a file of the site", w.Path)
		}
		if w.See != "" && !served(w.See) {
			errs.Errorf(w.SeePos, "write the path of a page or file the site has, or leave `see` out", "withdrawn address %q: see %q is not an address of the site", w.Path, w.See)
		}
	}
}

// planData reports whether path is the data file of one of site's plans.
func planData(site *model.Site, path string) bool {
	for _, p := range site.Plans {
		if PlanDataPath(p) == path {
			return true
		}
	}
	return false
}

// withoutLang turns a recorded address into a path of redirects.yaml.
func withoutLang(address string) string {
	for _, l := range model.Langs {
		if rest, ok := strings.CutPrefix(address, string(l)+"/"); ok {
			return rest
		}
	}
	return address
}
