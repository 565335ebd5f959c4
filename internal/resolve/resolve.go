// Package resolve checks a loaded site as a whole and links its values.
//
// Resolve checks every reference between files (a plan's province and
// framework, agency, pillar and theme ids, restated and related items,
// successors and merged provinces, moved and withdrawn addresses), that
// none refers to itself or loops back through others, that ids are
// unique where they live, and that every Vietnamese text a page shows as
// the document's words occurs in its plan's source document: item texts,
// section titles, and the plan's title, bases, funding, reporting
// deadlines, targets and the rest of its register, unless the text is
// marked editorial (in time proportional to the texts, however they are
// ordered: see sourceIndex), and that every quote of a progress report
// occurs in the report's text kept in content/reports. It then fills the
// model's resolved fields: items inherit their pillar and their lead and
// partner agencies from the sections that state them, unlabelled items
// get their ordinal, and each plan gets its items in document order.
//
// Missing English is a warning, not an error: the page shows the
// Vietnamese with a notice. So is English that uses a rendering the
// glossary avoids.
package resolve

import (
	"fmt"
	"sort"

	"sitegen/internal/diag"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

// Resolve checks and links site in place, adding problems to errs.
func Resolve(site *model.Site, errs *diag.List) {
	r := &resolver{site: site, errs: errs,
		provinces: map[string]*model.Province{}, frameworks: map[string]*model.Framework{},
		pillars: map[string]*model.Pillar{}, agencies: map[string]*model.Agency{},
		themes: map[string]*model.Theme{}, plans: map[string]*model.Plan{}, sources: map[string]*sourceIndex{},
		reports: map[string]*sourceIndex{}}
	r.index()
	r.registries()
	r.mergers()
	r.glossaryTerms()
	r.dates()
	r.loops()
	r.indexSources()
	for _, p := range site.Plans {
		r.plan(p)
	}
	for _, pr := range site.Provinces {
		sort.SliceStable(pr.Plans, func(i, j int) bool { return planBefore(pr.Plans[i], pr.Plans[j]) })
	}
	sort.SliceStable(site.Plans, func(i, j int) bool { return planBefore(site.Plans[i], site.Plans[j]) })
	r.senses()
	r.frameworkSources()
	r.pages()
	r.commentary()
	r.addresses()
}

// planBefore orders plans by date, undated ones last, then by id.
func planBefore(a, b *model.Plan) bool {
	if a.Document.HasDate != b.Document.HasDate {
		return a.Document.HasDate
	}
	if !a.Document.Date.Equal(b.Document.Date.Time) {
		return a.Document.Date.Before(b.Document.Date.Time)
	}
	return a.ID < b.ID
}

type resolver struct {
	site       *model.Site
	errs       *diag.List
	provinces  map[string]*model.Province
	frameworks map[string]*model.Framework
	pillars    map[string]*model.Pillar
	agencies   map[string]*model.Agency
	themes     map[string]*model.Theme
	plans      map[string]*model.Plan
	sources    map[string]*sourceIndex // by file name
	reports    map[string]*sourceIndex // the reports updates quote, by file name
	// avoided is the glossary's terms with renderings to avoid, once
	// the first item with English is checked
	avoided []avoidedTerm
}

// unique reports whether id is new in seen, reporting a duplicate.
func unique[T any](r *resolver, seen map[string]T, id string, pos diag.Pos, what string, first func(T) diag.Pos) bool {
	if id == "" {
		return false
	}
	if prev, dup := seen[id]; dup {
		r.errs.Errorf(pos, fmt.Sprintf("choose another id; the first is at %s", first(prev)), "duplicate %s id %q", what, id)
		return false
	}
	return true
}

func (r *resolver) index() {
	for _, f := range r.site.Frameworks {
		if unique(r, r.frameworks, f.ID, f.Pos, "framework", func(x *model.Framework) diag.Pos { return x.Pos }) {
			r.frameworks[f.ID] = f
		}
		for _, p := range append(append([]*model.Pillar(nil), f.Pillars...), f.Groups...) {
			p.Framework = f
			if unique(r, r.pillars, p.ID, p.Pos, "pillar", func(x *model.Pillar) diag.Pos { return x.Pos }) {
				r.pillars[p.ID] = p
			}
		}
	}
	for _, p := range r.site.Provinces {
		if unique(r, r.provinces, p.ID, p.Pos, "province", func(x *model.Province) diag.Pos { return x.Pos }) {
			r.provinces[p.ID] = p
		}
	}
	for _, a := range r.site.Agencies {
		if unique(r, r.agencies, a.ID, a.Pos, "agency", func(x *model.Agency) diag.Pos { return x.Pos }) {
			r.agencies[a.ID] = a
		}
	}
	for _, t := range r.site.Themes {
		if unique(r, r.themes, t.ID, t.Pos, "theme", func(x *model.Theme) diag.Pos { return x.Pos }) {
			r.themes[t.ID] = t
		}
	}
	for _, p := range r.site.Plans {
		if unique(r, r.plans, p.ID, p.Pos, "plan", func(x *model.Plan) diag.Pos { return x.Pos }) {
			r.plans[p.ID] = p
		}
	}
}

func keys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// unknown reports a reference to an id that is not defined.
func (r *resolver) unknown(pos diag.Pos, context, what, id, file string, known []string) {
	hint := fmt.Sprintf("define it in %s or use one of the ids there", file)
	if c := load.Closest(id, known); c != "" {
		hint = fmt.Sprintf("did you mean %q? otherwise define it in %s", c, file)
	}
	if context != "" {
		context += ": "
	}
	r.errs.Errorf(pos, hint, "%s%s %q is not defined", context, what, id)
}

func (r *resolver) agency(ref model.Ref, context, role string) *model.Agency {
	a, ok := r.agencies[ref.ID]
	if !ok {
		r.unknown(ref.Pos, context, role, ref.ID, "agencies.yaml", keys(r.agencies))
		return nil
	}
	return a
}

func (r *resolver) registries() {
	for _, a := range r.site.Agencies {
		if s := a.Successor; s != nil {
			for _, id := range s.IDs {
				if b := r.agency(model.Ref{ID: id, Pos: s.Pos}, fmt.Sprintf("agency %q", a.ID), "successor agency"); b != nil {
					s.Agencies = append(s.Agencies, b)
				}
			}
		}
	}
	for _, p := range r.site.Provinces {
		for id := range p.Agencies {
			if _, ok := r.agencies[id]; !ok {
				r.unknown(p.Pos, fmt.Sprintf("province %q", p.ID), "agency", id, "agencies.yaml", keys(r.agencies))
			}
		}
		for _, c := range p.Changes {
			if c.MergedInto != "" {
				if q, ok := r.provinces[c.MergedInto]; ok {
					c.MergedIntoProvince = q
				} else {
					r.unknown(c.Pos, fmt.Sprintf("province %q", p.ID), "province", c.MergedInto, "provinces.yaml", keys(r.provinces))
				}
			}
			for _, id := range c.Absorbed {
				if q, ok := r.provinces[id]; ok {
					c.AbsorbedProvinces = append(c.AbsorbedProvinces, q)
				} else {
					r.unknown(c.Pos, fmt.Sprintf("province %q", p.ID), "province", id, "provinces.yaml", keys(r.provinces))
				}
			}
		}
	}
}

func (r *resolver) pages() {
	seen := map[string]*model.Page{}
	names := map[string]map[model.Lang]bool{}
	for _, p := range r.site.Pages {
		key := p.Name + "." + string(p.Lang)
		if _, dup := seen[key]; dup {
			r.errs.Errorf(p.Pos, "", "page %q is given twice", key)
		}
		seen[key] = p
		if names[p.Name] == nil {
			names[p.Name] = map[model.Lang]bool{}
		}
		names[p.Name][p.Lang] = true
	}
	for _, name := range keys(names) {
		for _, l := range model.Langs {
			if !names[name][l] {
				r.errs.Errorf(diag.Pos{File: "pages/" + name + "." + string(l.Other()) + ".md", Line: 1}, fmt.Sprintf("add pages/%s.%s.md", name, l), "page %q has no %s version", name, l)
			}
		}
	}
}

// commentary checks what each commentary is about, and that it exists
// in both languages.
func (r *resolver) commentary() {
	seen := map[model.Subject]map[model.Lang]*model.Commentary{}
	for _, c := range r.site.Commentary {
		ctx := fmt.Sprintf("commentary %q", c.Name)
		a := c.About
		switch {
		case a.Item != "":
			p, ok := r.plans[a.Plan]
			found := false
			if ok {
				for _, it := range p.Items {
					found = found || it.ID == a.Item
				}
			}
			if !found {
				r.errs.Errorf(c.Pos, "write the id of an item of that plan", "%s: item %q of plan %q is not defined", ctx, a.Item, a.Plan)
			}
		case a.Plan != "":
			if _, ok := r.plans[a.Plan]; !ok {
				r.unknown(c.Pos, ctx, "plan", a.Plan, "plans/", keys(r.plans))
			}
		case a.Pillar != "":
			if _, ok := r.pillars[a.Pillar]; !ok {
				r.unknown(c.Pos, ctx, "pillar", a.Pillar, "frameworks.yaml", keys(r.pillars))
			}
		case a.Agency != "":
			if _, ok := r.agencies[a.Agency]; !ok {
				r.unknown(c.Pos, ctx, "agency", a.Agency, "agencies.yaml", keys(r.agencies))
			}
		case a.Theme != "":
			if _, ok := r.themes[a.Theme]; !ok {
				r.unknown(c.Pos, ctx, "theme", a.Theme, "themes.yaml", keys(r.themes))
			}
		case a.Province != "":
			if _, ok := r.provinces[a.Province]; !ok {
				r.unknown(c.Pos, ctx, "province", a.Province, "provinces.yaml", keys(r.provinces))
			}
		}
		if seen[a] == nil {
			seen[a] = map[model.Lang]*model.Commentary{}
		}
		if prev, dup := seen[a][c.Lang]; dup {
			r.errs.Errorf(c.Pos, fmt.Sprintf("merge it with %s", prev.Pos.File), "%s: another %s commentary is about the same thing", ctx, c.Lang)
		}
		seen[a][c.Lang] = c
	}
	for _, byLang := range seen {
		for _, l := range model.Langs {
			if _, ok := byLang[l]; !ok {
				other := byLang[l.Other()]
				r.errs.Errorf(other.Pos, fmt.Sprintf("add commentary/%s.%s.md", other.Name, l), "commentary %q has no %s version", other.Name, l)
			}
		}
	}
}
