package load

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"sitegen/internal/model"
)

// RedirectsFile records the published addresses other than items' that
// moved or were withdrawn: plans, sections, pages, open data files.
const RedirectsFile = "redirects.yaml"

// PagePath reports whether p is the path of a page without its language:
// ids separated and ended by "/", like "plans/x/" ("" is the home page).
func PagePath(p string) bool {
	if p == "" {
		return true
	}
	if !strings.HasSuffix(p, "/") {
		return false
	}
	for _, seg := range strings.Split(strings.TrimSuffix(p, "/"), "/") {
		if !ValidID(seg) {
			return false
		}
	}
	return true
}

// PlanDataPath reports whether p is the path of a plan's open data file,
// "data/plans/ID.json".
func PlanDataPath(p string) bool {
	id, ok := strings.CutPrefix(p, "data/plans/")
	id, json := strings.CutSuffix(id, ".json")
	return ok && json && ValidID(id)
}

// validAddress reports whether a line of the record of published
// addresses has the shape of an address the site writes.
func validAddress(a string) bool {
	for _, l := range model.Langs {
		if rest, ok := strings.CutPrefix(a, string(l)+"/"); ok {
			return PagePath(rest)
		}
	}
	return a == "data/items.csv" || a == "data/items.csv-metadata.json" || a == "data/plans/plan.schema.json" || PlanDataPath(a)
}

// redirects reads redirects.yaml, which is optional.
func (l *loader) redirects() ([]*model.AddressMove, []*model.AddressWithdrawal) {
	b, ok := l.read(RedirectsFile, true)
	if !ok {
		return nil, nil
	}
	top, ok := l.parse(RedirectsFile, b)
	if !ok || top == nil {
		return nil, nil
	}
	d := &decoder{file: RedirectsFile, errs: l.errs}
	m := d.mapping(top, "redirects")
	var moved []*model.AddressMove
	var withdrawn []*model.AddressWithdrawal
	for _, n := range m.seq("moved") {
		mm := d.mapping(n, "moved address")
		mv := &model.AddressMove{Pos: d.pos(n), From: mm.reqStr("from", "plans/old-id/")}
		mm.what = fmt.Sprintf("moved address %q", mv.From)
		mv.To, mv.ToPos = mm.reqStr("to", "plans/new-id/"), mm.keyPos("to")
		mv.Below = mm.bool("below")
		from, to := sitePath(mm, "from", mv.From, mv.Below), sitePath(mm, "to", mv.To, false)
		if from != "" && to != "" && from != to {
			d.errs.Errorf(mm.keyPos("to"), "a page moves to a page, a data file to a data file", "%s: moves a %s to a %s", mm.what, from, to)
		}
		var ok bool
		if mv.Date, ok = mm.date("date"); !ok && !mm.has("date") {
			mm.missing("date", "2026-01-31")
		}
		mv.Note = mm.text("note", false)
		mm.end()
		moved = append(moved, mv)
	}
	for _, n := range m.seq("withdrawn") {
		wm := d.mapping(n, "withdrawn address")
		w := &model.AddressWithdrawal{Pos: d.pos(n), Path: wm.reqStr("path", "plans/old-id/")}
		wm.what = fmt.Sprintf("withdrawn address %q", w.Path)
		w.Below = wm.bool("below")
		sitePath(wm, "path", w.Path, w.Below)
		w.Title = wm.text("title", false)
		var ok bool
		if w.Date, ok = wm.date("date"); !ok && !wm.has("date") {
			wm.missing("date", "2026-01-31")
		}
		w.Reason = wm.text("reason", true)
		if w.See, w.SeePos = wm.str("see"), wm.keyPos("see"); w.See != "" {
			sitePath(wm, "see", w.See, false)
		}
		wm.end()
		withdrawn = append(withdrawn, w)
	}
	m.end()
	return moved, withdrawn
}

// sitePath checks a path of redirects.yaml and says what it is: "page",
// "data file", or "" when it is not a path of the site (then reported).
func sitePath(m *mapping, key, p string, below bool) string {
	if p == "" {
		return ""
	}
	pos := m.keyPos(key)
	if v := m.vals[key]; v != nil && v.Kind == yaml.ScalarNode {
		pos = m.d.pos(v)
	}
	what := ""
	switch {
	case p != "" && PagePath(p):
		what = "page"
	case PlanDataPath(p):
		what = "data file"
	}
	switch {
	case strings.HasPrefix(p, "vi/") || strings.HasPrefix(p, "en/"):
		m.d.errs.Errorf(pos, "write it without vi/ or en/: one entry covers the page in both languages", "%s: %s %q starts with a language", m.what, key, p)
		return ""
	case strings.HasPrefix(p, "/") || strings.Contains(p, "://"):
		m.d.errs.Errorf(pos, "write the path below the base URL, without the leading / or the site's address, such as plans/x/", "%s: %s %q is not a path of the site", m.what, key, p)
		return ""
	case what == "":
		m.d.errs.Errorf(pos, "write a page's path ending in /, such as plans/x/ or provinces/x/agencies/y/, or a plan's data file, such as data/plans/x.json",
			"%s: %s %q is not a path of the site", m.what, key, p)
		return ""
	case below && what != "page":
		m.d.errs.Errorf(m.keyPos("below"), "remove `below: true`; it applies to pages", "%s: a data file has no addresses below it", m.what)
	}
	return what
}
