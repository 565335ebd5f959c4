package render

import (
	"maps"
	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/parallel"
)

// lookup holds the lists that many pages share, computed once per
// render instead of once per page: sorting and filtering every item for
// every page made a national site's build quadratic.
type lookup struct {
	provinces map[model.Lang][]*model.Province // by name in that language
	withPlans map[model.Lang][]*model.Province
	agencies  map[model.Lang][]*model.Agency
	themes    map[model.Lang][]*model.Theme
	pillar    map[*model.Pillar][]*model.Item
	theme     map[*model.Theme][]*model.Item
	inProv    map[provAgency][]*model.Item
	provAgs   map[model.Lang]map[*model.Province][]*model.Agency
	hasProvAg map[provAgency]bool
	labels    map[model.Lang]map[*model.Item]place
	// sources holds each plan's source document with its items'
	// passages marked, and passage whether an item's passage was found.
	sources map[*model.Plan][]sourceBlock
	passage map[*model.Item]bool
	// sections holds each section's figures (its items and those of its
	// sub-sections) and whether a plan's page shows it open: the
	// sections down to the plan's first task, so that a reader meets a
	// commitment without unfolding anything
	sections map[*model.Section]sectionFacts
}

type sectionFacts struct {
	figures Figures
	open    bool
}

type provAgency struct {
	p *model.Province
	a *model.Agency
}

func newLookup(site *model.Site, man *manifest.Manifest, locales map[model.Lang]*i18n.Locale) *lookup {
	lk := &lookup{
		provinces: map[model.Lang][]*model.Province{}, withPlans: map[model.Lang][]*model.Province{},
		agencies: map[model.Lang][]*model.Agency{}, themes: map[model.Lang][]*model.Theme{},
		pillar: map[*model.Pillar][]*model.Item{}, theme: map[*model.Theme][]*model.Item{},
		inProv: map[provAgency][]*model.Item{}, hasProvAg: map[provAgency]bool{},
		provAgs: map[model.Lang]map[*model.Province][]*model.Agency{},
		labels:  map[model.Lang]map[*model.Item]place{},
		sources: map[*model.Plan][]sourceBlock{}, passage: map[*model.Item]bool{},
		sections: map[*model.Section]sectionFacts{},
	}
	for _, p := range site.Plans {
		lk.indexSections(p)
	}
	lk.indexSources(site)
	lk.indexItems(site, man)
	for _, l := range model.Langs {
		lk.sortFor(locales[l], site, man)
	}
	return lk
}

// indexSections counts each section's items and opens the way to the
// plan's first task.
func (lk *lookup) indexSections(p *model.Plan) {
	var count func(s *model.Section) []*model.Item
	count = func(s *model.Section) []*model.Item {
		items := append([]*model.Item(nil), s.Items...)
		for _, sub := range s.Sections {
			items = append(items, count(sub)...)
		}
		lk.sections[s] = sectionFacts{figures: figures(items)}
		return items
	}
	for _, s := range p.Sections {
		count(s)
	}
	for _, it := range p.Items {
		if it.Kind.IsTask() {
			for s := it.Section; s != nil; s = s.Parent {
				f := lk.sections[s]
				f.open = true
				lk.sections[s] = f
			}
			return
		}
	}
}

// indexSources marks each plan's items in its source document once, the
// documents side by side: before any page renders, a national site's 34
// documents took half a second one after the other.
func (lk *lookup) indexSources(site *model.Site) {
	blocks := make([][]sourceBlock, len(site.Plans))
	parallel.For(len(site.Plans), func(i int) {
		if site.Plans[i].Source != nil {
			blocks[i] = sourceBlocks(site.Plans[i])
		}
	})
	for i, p := range site.Plans {
		if p.Source == nil {
			continue
		}
		lk.sources[p] = blocks[i]
		for it := range anchored(blocks[i]) {
			lk.passage[it] = true
		}
	}
}

// indexItems lists the items of each pillar, theme, and agency in a
// province.
func (lk *lookup) indexItems(site *model.Site, man *manifest.Manifest) {
	for _, p := range site.Plans {
		for _, it := range p.Items {
			if it.Pillar != nil {
				lk.pillar[it.Pillar] = append(lk.pillar[it.Pillar], it)
			}
			for _, t := range it.Themes {
				lk.theme[t] = append(lk.theme[t], it)
			}
		}
	}
	for a, items := range man.AgencyItems {
		for _, it := range items {
			k := provAgency{it.Plan.Province, a}
			lk.inProv[k] = append(lk.inProv[k], it)
		}
	}
	for p, ags := range man.ProvinceAgencies {
		for _, a := range ags {
			lk.hasProvAg[provAgency{p, a}] = true
		}
	}
}

// sortFor sorts the shared lists by their names in loc's language and
// words the items' labels in it.
func (lk *lookup) sortFor(loc *i18n.Locale, site *model.Site, man *manifest.Manifest) {
	l := loc.Lang
	provs := append([]*model.Province(nil), site.Provinces...)
	i18n.SortBy(loc, provs, func(p *model.Province) string { return p.Name.Get(l) })
	lk.provinces[l] = provs
	for _, p := range provs {
		if len(p.Plans) > 0 {
			lk.withPlans[l] = append(lk.withPlans[l], p)
		}
	}
	// collective bodies ("the departments, boards and sectors") come
	// after the named agencies
	var single, collective []*model.Agency
	for _, a := range site.Agencies {
		if a.Collective {
			collective = append(collective, a)
		} else {
			single = append(single, a)
		}
	}
	key := func(a *model.Agency) string { return a.Name.Get(l) }
	i18n.SortBy(loc, single, key)
	i18n.SortBy(loc, collective, key)
	lk.agencies[l] = append(single, collective...)
	themes := append([]*model.Theme(nil), site.Themes...)
	i18n.SortBy(loc, themes, func(t *model.Theme) string { return t.Name.Get(l) })
	lk.themes[l] = themes
	lk.labels[l] = map[*model.Item]place{}
	for _, p := range site.Plans {
		maps.Copy(lk.labels[l], placesOf(loc, p))
	}
	lk.provAgs[l] = map[*model.Province][]*model.Agency{}
	for p, ags := range man.ProvinceAgencies {
		sorted := append([]*model.Agency(nil), ags...)
		i18n.SortBy(loc, sorted, func(a *model.Agency) string {
			if t, ok := p.Agencies[a.ID]; ok {
				return t.Get(l)
			}
			return a.Name.Get(l)
		})
		lk.provAgs[l][p] = sorted
	}
}
