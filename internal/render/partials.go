package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"

	"sitegen/internal/model"
)

// The list pages repeat a few partials hundreds of times a page: a plan
// page runs "section" and "plan-item" for each of its items, a comparison
// "compare-table" for each cell, an agency's page "by-plan" for each plan
// and item, a source document's page "source-text" for each paragraph.
// Run by html/template, they took most of a national build's template
// time. Templates include them with .V.Include; while the
// theme's files for the page kind are the built-in ones (theme.BuiltIn),
// Include writes them in Go, the bytes the templates write (the test
// TestItemPageMatchesTemplate compares every file of the fixtures and the
// real site both ways); otherwise it runs the theme's template.

// partialsInGo are the partials Include may write in Go, by name. Each
// takes the arguments the template is given, under the same keys.
var partialsInGo = map[string]func(w *htmlWriter, v *page, arg map[string]any){
	"section":       (*htmlWriter).sectionPartial,
	"by-plan":       (*htmlWriter).byPlanPartial,
	"compare-table": (*htmlWriter).compareTablePartial,
	"source-text":   (*htmlWriter).sourceTextPartial,
}

// Include returns the partial name executed with arg, as {{template name
// arg}} would write it.
func (v *page) Include(name string, arg map[string]any) (template.HTML, error) {
	kind := string(v.Page.Kind)
	if write, ok := partialsInGo[name]; ok && kind != "" && v.r.theme.BuiltIn(kind) {
		// The buffer starts at the size of the partial's last output,
		// as a page's does (see execute).
		hint, _ := v.r.partialSize.LoadOrStore(name, new(atomic.Int64))
		w := &htmlWriter{b: make([]byte, 0, hint.(*atomic.Int64).Load())}
		write(w, v, arg)
		if w.err != nil {
			return "", fmt.Errorf("partial %q: %w", name, w.err)
		}
		hint.(*atomic.Int64).Store(int64(len(w.b) + len(w.b)/8))
		return w.fragment(), nil
	}
	t, err := v.r.theme.Template(kind)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, arg); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // produced by html/template, already escaped
}

// fragment returns what w wrote, escaped as the templates escape it, and
// leaves w empty. The bytes become the string without a copy, as
// strings.Builder's do: a partial of a national site's pillar page is
// half a megabyte, and w never writes to them again.
func (w *htmlWriter) fragment() template.HTML {
	b := w.b
	w.b = nil
	if len(b) == 0 {
		return ""
	}
	return template.HTML(unsafe.String(&b[0], len(b)))
}

// argOf returns arg[key] as a T; a value of another type is an error of
// w, a missing or nil one the zero T.
func argOf[T any](w *htmlWriter, arg map[string]any, key string) T {
	x, ok := arg[key].(T)
	if !ok && arg[key] != nil && w.err == nil {
		w.err = fmt.Errorf("argument %s is a %T", key, arg[key])
	}
	return x
}

// sectionPartial is "section": a section of a plan with its items and
// sections, at heading level D.
func (w *htmlWriter) sectionPartial(v *page, arg map[string]any) {
	w.section(v, argOf[*model.Section](w, arg, "S"), argOf[int](w, arg, "D"))
}

func (w *htmlWriter) section(v *page, s *model.Section, depth int) {
	if s == nil {
		return
	}
	w.raw("\n<section class=\"sec\" aria-labelledby=\"")
	w.text(s.ID)
	w.raw("\">\n")
	level := strconv.Itoa(min(max(depth, 2), 6))
	if depth < 2 {
		level = "6" // as the template's last else
	}
	w.raw("<h" + level + " id=\"")
	w.text(s.ID)
	w.raw("\">")
	w.sectionTitle(v, s)
	w.raw("</h" + level + ">\n")
	if !s.Note.IsZero() {
		w.raw("<p class=\"note\">")
		w.t(v, "item.note")
		w.raw(": ")
		w.text(v.Tx(s.Note))
		w.raw("</p>")
	}
	w.raw("\n")
	if len(s.LeadIDs) > 0 || len(s.PartnerIDs) > 0 {
		var prov *model.Province
		if s.Plan != nil {
			prov = s.Plan.Province
		}
		w.raw("<dl class=\"facts sec-facts\">\n")
		if len(s.LeadIDs) > 0 {
			w.agencyFact(v, "item.lead", prov, v.SectionAgencies(s.LeadIDs))
		}
		w.raw("\n")
		if len(s.PartnerIDs) > 0 {
			w.agencyFact(v, "item.partners", prov, v.SectionAgencies(s.PartnerIDs))
		}
		w.raw("\n</dl>")
	}
	w.raw("\n")
	next := min(depth+1, 6)
	if s.SectionsFirst {
		for _, sub := range s.Sections {
			w.section(v, sub, next)
		}
	}
	w.raw("\n")
	if len(s.Items) > 0 {
		w.raw("<ol class=\"items\">")
		for _, it := range s.Items {
			w.planItem(v, it)
		}
		w.raw("</ol>")
	}
	w.raw("\n")
	if !s.SectionsFirst {
		for _, sub := range s.Sections {
			w.section(v, sub, next)
		}
	}
	w.raw("\n</section>")
}

// planItem is "plan-item": one item inside its plan's page.
func (w *htmlWriter) planItem(v *page, it *model.Item) {
	w.raw("\n<li id=\"")
	w.text(it.ID)
	w.raw("\" class=\"item\">\n<p class=\"meta\"><a class=\"label\" href=\"")
	w.url(v.Link.Item(it))
	w.raw("\" title=\"")
	w.t(v, "item.permalink")
	w.raw("\">")
	if it.Label != "" {
		w.text(it.Label)
	} else {
		w.raw("¶")
	}
	w.raw("</a> <span class=\"kind\">")
	w.str(v.Name(it.Kind))
	w.raw("</span></p>\n")
	w.itemText(v, it)
	w.raw("\n")
	if len(it.Lead) > 0 || len(it.Partners) > 0 || it.Timing != nil {
		var prov *model.Province
		if it.Plan != nil {
			prov = it.Plan.Province
		}
		w.raw("<dl class=\"facts\">\n")
		if len(it.Lead) > 0 {
			w.agencyFact(v, "item.lead", prov, it.Lead)
		}
		w.raw("\n")
		if len(it.Partners) > 0 {
			w.agencyFact(v, "item.partners", prov, it.Partners)
		}
		w.raw("\n")
		if it.Timing != nil {
			w.fact(v, "item.timing")
			w.text(v.Tx(it.Timing.Text))
			w.raw("</dd>")
		}
		w.raw("\n</dl>")
	}
	w.raw("\n")
	if r := it.RestatesItem; r != nil {
		w.raw("<p class=\"rel\">")
		w.t(v, "item.restates")
		w.raw(": ")
		w.anchorLink(v, r)
		w.raw("</p>")
	}
	w.raw("\n")
	if len(it.RestatedBy) > 0 {
		w.raw("<p class=\"rel\">")
		w.t(v, "item.restated-by")
		w.raw(": ")
		for i, r := range it.RestatedBy {
			if i > 0 {
				w.raw(", ")
			}
			w.anchorLink(v, r)
		}
		w.raw("</p>")
	}
	w.raw("\n</li>")
}

// agencyFact writes a term of a facts list and, as its description, the
// agencies of list linked: who leads or joins an item or a section.
func (w *htmlWriter) agencyFact(v *page, key string, prov *model.Province, list []*model.Agency) {
	w.fact(v, key)
	w.agencies(v, prov, list)
	w.raw("</dd>")
}

// anchorLink links to an item on its plan's page by its anchor alone.
func (w *htmlWriter) anchorLink(v *page, it *model.Item) {
	w.raw("<a href=\"#")
	w.frag(it.ID)
	w.raw("\">")
	w.text(v.Label(it))
	w.raw("</a>")
}

// itemRef is "item-ref": an item in a list outside its plan, with its
// role (a model.Role, or nil for none).
func (w *htmlWriter) itemRef(v *page, it *model.Item, role any) {
	w.raw("\n<li class=\"item\">\n<p class=\"meta\"><a href=\"")
	w.url(v.Link.Item(it))
	w.raw("\">")
	w.text(v.Label(it))
	w.raw("</a> <span class=\"kind\">")
	w.str(v.Name(it.Kind))
	w.raw("</span>")
	switch r := role.(type) {
	case nil:
	case model.Role:
		if r != "" {
			w.raw(" <span class=\"role\">(")
			w.str(v.Name(r))
			w.raw(")</span>")
		}
	default:
		w.str("", fmt.Errorf("the role of item %q is a %T, not a model.Role", it.ID, role))
	}
	w.raw("</p>\n<p class=\"text\"")
	if !v.Has(it.Text) {
		w.raw(" lang=\"vi\"")
	}
	w.raw(">")
	w.text(v.Excerpt(it))
	w.raw("</p>\n</li>")
}

// byPlanPartial is "by-plan": Items grouped by plan, each entry with its
// role for the agency A, if one is given.
func (w *htmlWriter) byPlanPartial(v *page, arg map[string]any) {
	w.byPlan(v, argOf[[]*model.Item](w, arg, "Items"), argOf[*model.Agency](w, arg, "A"))
}

func (w *htmlWriter) byPlan(v *page, items []*model.Item, a *model.Agency) {
	w.raw("\n")
	for _, g := range v.ByPlan(items) {
		w.raw("\n<section class=\"group\" aria-labelledby=\"g-")
		w.text(g.Plan.ID)
		w.raw("\">\n<h2 id=\"g-")
		w.text(g.Plan.ID)
		w.raw("\"><a href=\"")
		w.url(v.Link.Province(g.Province))
		w.raw("\">")
		w.text(v.Tx(g.Province.Name))
		w.raw("</a>: <a href=\"")
		w.url(v.Link.Plan(g.Plan))
		w.raw("\">")
		w.text(v.PlanName(g.Plan))
		w.raw("</a></h2>\n<ol class=\"items\">")
		for _, it := range g.Items {
			var r any // as the template's (and $a ($v.Role . $a))
			if a != nil {
				r = v.Role(it, a)
			}
			w.html(v.ItemRef(it, r))
		}
		w.raw("</ol>\n</section>\n")
	}
}

// compareTablePartial is "compare-table": the comparison T with its
// Caption and the heading of its rows (RowHead); each entry names its
// role for the agency A, if one is given.
func (w *htmlWriter) compareTablePartial(v *page, arg map[string]any) {
	w.compareTable(v, argOf[comparison](w, arg, "T"), argOf[*model.Agency](w, arg, "A"),
		argOf[string](w, arg, "Caption"), argOf[string](w, arg, "RowHead"))
}

func (w *htmlWriter) compareTable(v *page, t comparison, a *model.Agency, caption, rowHead string) {
	w.raw("\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"cmp-caption\" tabindex=\"0\">\n<table class=\"side-by-side\">\n<caption id=\"cmp-caption\">")
	w.text(caption)
	w.raw("</caption>\n<thead><tr><th scope=\"col\">")
	w.text(rowHead)
	w.raw("</th>")
	for i, p := range t.Plans {
		w.raw("<th scope=\"col\" id=\"col-")
		w.text(p.ID)
		w.raw("\"><a href=\"")
		w.url(v.Link.Plan(p))
		w.raw("\">")
		if p.Province != nil {
			w.text(v.Tx(p.Province.Name))
		} else {
			w.text(v.PlanName(p))
		}
		w.raw("</a> <span class=\"sub\">")
		w.text(v.PlanName(p))
		w.raw(" · ")
		w.figures(v, t.Totals[i])
		w.raw("</span>")
		if v.NewsOnly(p) {
			w.raw(" <span class=\"sub note\">")
			w.t(v, "compare.news-only")
			w.raw("</span>")
		}
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>")
	for _, row := range t.Rows {
		w.raw("<tr><th scope=\"row\">")
		if row.Link != "" {
			w.raw("<a href=\"")
			w.url(row.Link)
			w.raw("\">")
			w.text(row.Label)
			w.raw("</a>")
		} else {
			w.text(row.Label)
		}
		w.raw("</th>")
		for _, cell := range row.Cells {
			w.raw("<td>")
			if len(cell) == 0 {
				w.raw("<span class=\"empty\">–</span></td>")
				continue
			}
			w.raw("<ul>")
			for _, it := range cell {
				w.raw("<li><a href=\"")
				w.url(v.Link.Item(it))
				w.raw("\">")
				w.text(v.Short(it))
				w.raw("</a>")
				if a != nil {
					w.raw(" <span class=\"role\">(")
					w.str(v.Name(v.Role(it, a)))
					w.raw(")</span>")
				}
				w.raw("</li>")
			}
			w.raw("</ul></td>")
		}
		w.raw("</tr>")
	}
	w.raw("</tbody>\n</table>\n</div>\n<p class=\"sub\">")
	w.t(v, "compare.empty-cell")
	w.raw("</p>")
}

// figures is the partial "figures": a count of items and of the tasks
// among them.
func (w *htmlWriter) figures(v *page, f Figures) {
	w.raw("<span class=\"figures\" data-items=\"")
	w.raw(strconv.Itoa(f.Items))
	w.raw("\" data-tasks=\"")
	w.raw(strconv.Itoa(f.Tasks))
	w.raw("\">")
	w.str(v.Plural("count.items", f.Items))
	w.raw(" · ")
	w.str(v.Plural("count.tasks", f.Tasks))
	w.raw("</span>")
}

// sourceTextPartial is source.html's "source-text": a source document's
// Blocks, each item's passage marked and anchored.
func (w *htmlWriter) sourceTextPartial(v *page, arg map[string]any) {
	w.sourceText(argOf[[]sourceBlock](w, arg, "Blocks"))
}

func (w *htmlWriter) sourceText(blocks []sourceBlock) {
	for _, b := range blocks {
		if b.Heading {
			w.raw("<h2>")
		} else {
			w.raw("<p>")
		}
		for _, seg := range b.Segments {
			if seg.Item == nil {
				w.text(seg.Text)
				continue
			}
			w.raw("<span class=\"passage\" id=\"p-")
			w.text(seg.Item.ID)
			w.raw("\">")
			w.text(seg.Text)
			w.raw("</span>")
		}
		if b.Heading {
			w.raw("</h2>")
		} else {
			w.raw("</p>")
		}
	}
}
