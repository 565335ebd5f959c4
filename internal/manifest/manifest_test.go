package manifest

import (
	"fmt"
	"testing"

	"sitegen/internal/diag"
	"sitegen/internal/model"

	"sitegen/internal/load"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
)

// TestURLContract asserts the paths of DESIGN.md's URL contract for the
// fixture site, and that no path is planned twice.
func TestURLContract(t *testing.T) {
	site, problems := load.Load(sitetest.Fixture(t, "valid"))
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	m := Build(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	paths := map[string]Kind{}
	for _, p := range m.Pages {
		if prev, dup := paths[p.Path]; dup {
			t.Errorf("path %q planned twice (%s and %s)", p.Path, prev, p.Kind)
		}
		paths[p.Path] = p.Kind
	}
	for path, kind := range map[string]Kind{
		"":                                   Home,
		"frameworks/fw/":                     Framework,
		"provinces/dak-lak/":                 Province,
		"plans/sample-1-2021/":               Plan,
		"plans/sample-1-2021/i-1-a/":         Item,
		"plans/sample-1-2021/source/":        Source,
		"pillars/inclusive/":                 Pillar,
		"pillars/organisation/":              Pillar,
		"agencies/dolisa/":                   Agency,
		"provinces/dak-lak/agencies/dolisa/": ProvinceAgency,
		"themes/awareness/":                  Theme,
		"compare/":                           Compare,
		"compare/pillars/dynamic/":           ComparePillar,
		"about/":                             Markdown,
		"methodology/":                       Markdown,
		"glossary/":                          Glossary,
	} {
		if paths[path] != kind {
			t.Errorf("path %q: kind %q, want %q", path, paths[path], kind)
		}
	}
	if _, ok := paths["provinces/da-nang/agencies/dolisa/"]; ok {
		t.Error("an agency page is planned for a province where it has no item")
	}
}

// TestFrameworkPages asserts that every programme of a site with two
// has its page, and that a pillar's pages stay at the addresses they had
// when there was one programme.
func TestFrameworkPages(t *testing.T) {
	site, problems := load.Load(sitetest.Fixture(t, "two-frameworks"))
	resolve.Resolve(site, problems)
	m := Build(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	pages := map[string]*Page{}
	for _, p := range m.Pages {
		pages[p.Path] = p
	}
	for _, tc := range []struct {
		path      string
		kind      Kind
		framework string // of the page, or of its pillar
	}{
		{"frameworks/fw/", Framework, "fw"},
		{"frameworks/fw-next/", Framework, "fw-next"},
		{"frameworks/fw-unverified/", Framework, "fw-unverified"},
		{"pillars/inclusive/", Pillar, "fw"},
		{"pillars/next-inclusive/", Pillar, "fw-next"},
		{"compare/pillars/next-resilient/", ComparePillar, "fw-next"},
		{"compare/pillars/dynamic/", ComparePillar, "fw"},
	} {
		p := pages[tc.path]
		switch {
		case p == nil:
			t.Errorf("no page at %q", tc.path)
		case p.Kind != tc.kind:
			t.Errorf("%q: kind %q, want %q", tc.path, p.Kind, tc.kind)
		case p.Framework != nil && p.Framework.ID != tc.framework:
			t.Errorf("%q: framework %q, want %q", tc.path, p.Framework.ID, tc.framework)
		case p.Pillar != nil && p.Pillar.Framework.ID != tc.framework:
			t.Errorf("%q: pillar of framework %q, want %q", tc.path, p.Pillar.Framework.ID, tc.framework)
		}
	}
}

// TestCollisions asserts that every path is claimed once: a value whose
// address is one of the site's own, or another value's, is reported at
// its file and line, naming the other claimant.
func TestCollisions(t *testing.T) {
	plan := &model.Plan{ID: "p", Pos: diag.Pos{File: "plans/p.yaml", Line: 1}, Source: &model.Source{}}
	item := func(id string, line int) *model.Item {
		return &model.Item{ID: id, Plan: plan, Pos: diag.Pos{File: "plans/p.yaml", Line: line}}
	}
	plan.Items = []*model.Item{item("source", 10), item("a", 20)}
	plan.Moved = []*model.Move{{From: "a", Pos: diag.Pos{File: "plans/p.yaml", Line: 30}}}
	site := &model.Site{Plans: []*model.Plan{plan}}
	for _, name := range append(append([]string{}, reserved...), "plans", "search", "compare", "glossary-x") {
		site.Pages = append(site.Pages, &model.Page{Name: name, Lang: model.VI, Pos: diag.Pos{File: "pages/" + name + ".vi.md", Line: 1}})
	}
	var errs diag.List
	Build(site, &errs)
	got := map[string]bool{}
	for _, p := range errs.Problems() {
		got[p.String()] = true
	}
	want := []string{
		`plans/p.yaml:10: item "source": address /plans/p/source/ is reserved for the source page of plan "p" (choose another id: the site uses this address itself)`,
		`plans/p.yaml:30: moved item "a": address /plans/p/a/ is also claimed by item "a" (give one of them another id; the other is at plans/p.yaml:20)`,
		`pages/plans.vi.md:1: page "plans": address /plans/ is reserved for the list of plans (choose another id: the site uses this address itself)`,
		`pages/search.vi.md:1: page "search": address /search/ is reserved for the search page (choose another id: the site uses this address itself)`,
		`pages/compare.vi.md:1: page "compare": address /compare/ is reserved for the comparison page (choose another id: the site uses this address itself)`,
	}
	for _, name := range reserved {
		want = append(want, fmt.Sprintf(`pages/%s.vi.md:1: page %q: address /%s/ is reserved for the site's own files (choose another id: the site uses this address itself)`, name, name, name))
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing problem:\n%s", w)
		}
	}
	if n := len(errs.Problems()); n != len(want) {
		t.Errorf("%d problems, want %d:\n%s", n, len(want), errs.Err())
	}
}
