package manifest

import (
	"testing"

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
	m := Build(site)
	paths := map[string]Kind{}
	for _, p := range m.Pages {
		if prev, dup := paths[p.Path]; dup {
			t.Errorf("path %q planned twice (%s and %s)", p.Path, prev, p.Kind)
		}
		paths[p.Path] = p.Kind
	}
	for path, kind := range map[string]Kind{
		"":                                   Home,
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
