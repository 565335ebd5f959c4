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

// The site's own pages under each language, and its files: spelled
// here alone, so that the templates (through render's links) and the
// plan of pages agree on the URL contract.
const (
	PlansPath     = "plans/"
	ProvincesPath = "provinces/"
	AgenciesPath  = "agencies/"
	PillarsPath   = "pillars/"
	ThemesPath    = "themes/"
	ComparePath   = "compare/"
	GlossaryPath  = "glossary/"
	SearchPath    = "search/"
	// FeedPath is the Atom feed of each language.
	FeedPath = "feed.xml"
	// The standalone pages the templates link to; their text is the
	// content's (pages/NAME.LANG.md), and a site without one has a link
	// that the link checker reports.
	AboutPath       = "about/"
	MethodologyPath = "methodology/"
	OpenDataPath    = "open-data/"

	// Files at the root of the site.
	IndexFile          = "index.html" // the file of every page, and of the root page
	NotFoundFile       = "404.html"
	SitemapFile        = "sitemap.xml"
	RobotsFile         = "robots.txt"
	NginxRedirectsFile = "nginx-redirects.conf"
)

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
	// moves receives the problems of redirects.yaml's entries whose old
	// address is still a page: errs, but for CheckMoves
	moves *diag.List
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
	return build(site, errs, errs)
}

// CheckMoves reports, alone, the entries of redirects.yaml whose old
// address is still a page. Check calls it when errors elsewhere keep it
// from planning the site, so that these come in the same run as the
// others: an address a value claims even while other values are wrong
// is a page once they are right. Nothing is reported if the pages
// cannot be planned from the site as it is.
func CheckMoves(site *model.Site, errs *diag.List) {
	found := &diag.List{}
	defer func() {
		if recover() == nil {
			errs.Add(found)
		}
	}()
	build(site, &diag.List{}, found)
}

func build(site *model.Site, errs, moves *diag.List) *Manifest {
	m := &Manifest{ProvinceAgencies: map[*model.Province][]*model.Agency{}, AgencyItems: map[*model.Agency][]*model.Item{}}
	b := &builder{m: m, claims: map[string]claim{}, errs: errs, moves: moves}
	own := func(p *Page, what string) { b.add(p, what, diag.Pos{}) }

	// The site's own pages come first, so that data colliding with them
	// is what gets reported.
	own(&Page{Kind: Home, Path: ""}, "the home page")
	for _, name := range reserved {
		b.claims[name+"/"] = claim{"the site's own files", diag.Pos{}}
	}
	own(&Page{Kind: Plans, Path: PlansPath}, "the list of plans")
	own(&Page{Kind: Provinces, Path: ProvincesPath}, "the list of provinces")
	own(&Page{Kind: Agencies, Path: AgenciesPath}, "the list of agencies")
	own(&Page{Kind: Pillars, Path: PillarsPath}, "the list of pillars")
	own(&Page{Kind: Themes, Path: ThemesPath}, "the list of themes")
	own(&Page{Kind: Compare, Path: ComparePath}, "the comparison page")
	own(&Page{Kind: Glossary, Path: GlossaryPath}, "the glossary page")
	own(&Page{Kind: Search, Path: SearchPath}, "the search page")

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
	b.addresses(site)
	return m
}

// addresses plans the redirects and tombstones of redirects.yaml, after
// every other page: an old address that is still a page is reported at
// its entry, naming the page.
func (b *builder) addresses(site *model.Site) {
	for _, p := range addressPages(site) {
		var pos diag.Pos
		what := "moved"
		if p.Kind == Redirect {
			pos = p.Move.Pos
		} else {
			pos, what = p.Withdrawal.Pos, "withdrawn"
		}
		if prev, ok := b.claims[p.Path]; ok {
			b.moves.Errorf(pos, fmt.Sprintf("remove the entry: the address is still %s", prev.what),
				"%s address %q is still a page of the site", what, p.Path)
			continue
		}
		b.add(p, fmt.Sprintf("%s address %q", what, p.Path), pos)
	}
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
	ItemsCSVPath      = "data/items.csv"
	ItemsMetadataPath = "data/items.csv-metadata.json" // where CSV on the Web looks for items.csv's
	PlanSchemaPath    = "data/plans/plan.schema.json"
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
	out = append(out, ItemsCSVPath, ItemsMetadataPath, PlanSchemaPath)
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
	// the redirects of redirects.yaml are those without a plan (an old
	// address still in use was reported when the pages were planned)
	for _, p := range m.Pages {
		if p.Plan == nil && p.Kind == Redirect && !served(p.Target) {
			errs.Errorf(p.Move.Pos, "write the path of a page the site has, such as plans/x/", "moved address %q: %q is not a page of the site", p.Path, p.Target)
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
