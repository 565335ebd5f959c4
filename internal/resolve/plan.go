package resolve

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// planState carries what resolving one plan needs to remember.
type planState struct {
	plan    *model.Plan
	ids     map[string]diag.Pos
	items   map[string]*model.Item
	source  *sourceIndex // nil without a source document
	untrans int
}

// sourceWords is a source text as texts are compared with it: white space
// collapsed, and the bold markers that a converted text file carries
// ("**trước ngày 15/12**") removed, since they are not the document's
// words and texts may not contain them.
func sourceWords(s string) string { return fold.Spaces(strings.ReplaceAll(s, "**", "")) }

// verbatim reports an unmarked Vietnamese text of a plan that does not
// occur in the plan's source document. anyCase allows a different letter
// case, for headings and titles that the source prints in capitals.
func (r *resolver) verbatim(st *planState, t model.Text, what string, anyCase bool) {
	if st.source == nil || t.VI == "" || t.Editorial {
		return
	}
	text := t.VI
	if anyCase {
		text = strings.ToLower(text)
	}
	if st.source.contains(text, anyCase) {
		return
	}
	pos := t.Pos
	if pos.File == "" {
		pos = diag.Pos{File: st.plan.File, Line: st.plan.Pos.Line}
	}
	r.errs.Errorf(pos, "copy the text exactly as printed (line breaks aside), or mark it `editorial: true` if the editors wrote it",
		"%s: Vietnamese text does not occur in the source document %q near %q", what, st.plan.SourceFile, st.source.firstMismatch(text, anyCase))
}

// metadata checks the plan's texts outside its sections that pages show
// as the document's words.
func (r *resolver) metadata(st *planState) {
	p := st.plan
	ctx := fmt.Sprintf("plan %q", p.ID)
	r.verbatim(st, p.Title, ctx+": title", true)
	d := p.Document
	r.verbatim(st, d.SignerRole, ctx+": signer's role", false)
	r.verbatim(st, d.IssuedBy, ctx+": issued by", false)
	r.verbatim(st, d.ProposedBy, ctx+": proposed by", false)
	for _, b := range d.Bases {
		r.verbatim(st, b, ctx+": legal basis", false)
	}
	r.verbatim(st, d.Replaces, ctx+": replaces", false)
	for _, dl := range p.Reporting {
		r.verbatim(st, dl.Text, ctx+": reporting deadline", false)
	}
	r.verbatim(st, p.Funding, ctx+": funding", false)
	for _, t := range p.Targets {
		r.verbatim(st, t.Indicator, fmt.Sprintf("%s: target %q: indicator", ctx, t.ID), false)
	}
}

func (r *resolver) plan(p *model.Plan) {
	ctx := fmt.Sprintf("plan %q", p.ID)
	if pr, ok := r.provinces[p.ProvinceID]; ok {
		p.Province = pr
		pr.Plans = append(pr.Plans, p)
	} else if p.ProvinceID != "" {
		r.unknown(p.Pos, ctx, "province", p.ProvinceID, "provinces.yaml", keys(r.provinces))
	}
	if f, ok := r.frameworks[p.FrameworkID]; ok {
		p.Framework = f
		f.Plans = append(f.Plans, p)
	} else if p.FrameworkID != "" {
		r.unknown(p.Pos, ctx, "framework", p.FrameworkID, "frameworks.yaml", keys(r.frameworks))
	}
	if p.StandingID != "" {
		p.Standing = r.agency(model.Ref{ID: p.StandingID, Pos: p.StandingPos}, ctx, "standing agency")
	}
	if p.Document.IssuerID != "" {
		p.Document.Issuer = r.agency(model.Ref{ID: p.Document.IssuerID, Pos: p.Document.IssuerPos}, ctx, "issuer")
	}
	st := &planState{plan: p, ids: map[string]diag.Pos{}, items: map[string]*model.Item{}}
	if p.SourceFile != "" {
		if src, ok := r.site.Sources[p.SourceFile]; ok {
			p.Source = src
			if r.sources[src.File] == nil {
				r.sources[src.File] = newSourceIndex(src.Text)
			}
			st.source = r.sources[src.File]
			n := strings.Count(src.Text, "\n") + 1
			for _, o := range p.Omit {
				if o.To > n {
					r.errs.Errorf(o.Pos, fmt.Sprintf("the file has %d lines", n), "%s: omitted lines %d-%d run past the end of %q", ctx, o.From, o.To, p.SourceFile)
				}
			}
			r.wholeSourceOmitted(p, src.Text)
		} else {
			r.errs.Errorf(p.SourcePos, "copy the source document into content/sources/ or correct the file name", "%s: source document %q is not in sources/", ctx, p.SourceFile)
		}
	}
	r.metadata(st)
	for _, s := range p.Sections {
		r.section(st, s, nil)
	}
	for _, it := range p.Items {
		r.links(st, it)
	}
	r.restateLoops(p)
	r.mergedBefore(p)
	r.ceased(p)
	r.twins(p)
	r.moves(st)
	for _, t := range p.Targets {
		if t.ItemID == "" {
			continue
		}
		if it, ok := st.items[t.ItemID]; ok {
			t.Item = it
		} else {
			r.errs.Errorf(t.Pos, "write the id of an item of this plan", "%s: target %q: item %q is not in this plan", ctx, t.ID, t.ItemID)
		}
	}
	r.progress(st)
	if st.untrans > 0 {
		r.errs.Warnf(diag.Pos{File: p.File}, "add `en:` translations; pages show the Vietnamese with a notice meanwhile", "plan %q: %d item(s) have no English text", p.ID, st.untrans)
	}
	r.draft(p)
}

// draft lists the guesses an imported plan still carries. A draft is
// checked and previewed but not published; a plan that is no longer
// marked draft may not keep an unconfirmed guess, since build would
// publish it as the source's word.
func (r *resolver) draft(p *model.Plan) {
	for _, g := range p.Guesses {
		if p.Draft {
			r.errs.Warnf(g.Pos, "confirm or correct it against the source, then delete the comment", "plan %q (draft): guess to confirm: %s", p.ID, g.Text)
		} else {
			r.errs.Errorf(g.Pos, "confirm or correct it and delete the comment, or mark the plan `draft: true` until every guess is confirmed",
				"plan %q: unconfirmed guess in a plan that is not a draft: %s", p.ID, g.Text)
		}
	}
	if p.Draft {
		r.errs.Warnf(p.Pos, "check it, confirm its guesses, then delete the line `draft: true`", "plan %q is a draft: build does not publish it (%d guess(es) left)", p.ID, len(p.Guesses))
	}
}

func (r *resolver) id(st *planState, id string, pos diag.Pos, what string) {
	if id == "" {
		return
	}
	if prev, dup := st.ids[id]; dup {
		r.errs.Errorf(pos, fmt.Sprintf("ids must be unique within a plan; the first is at line %d — give this one the id its printed label gives", prev.Line), "%s: duplicate id %q", what, id)
		return
	}
	st.ids[id] = pos
}

func (r *resolver) section(st *planState, s *model.Section, parent *model.Section) {
	s.Parent, s.Plan = parent, st.plan
	ctx := fmt.Sprintf("section %q", s.ID)
	r.id(st, s.ID, s.Pos, ctx)
	if parent != nil {
		s.Pillar = parent.Pillar
	}
	if p := r.pillar(st, s.PillarID, s.PillarPos, ctx); p != nil {
		s.Pillar = p
	}
	r.verbatim(st, s.Title, ctx+": title", true)
	if t := s.Timing; t != nil {
		r.verbatim(st, t.Text, ctx+": timing", true)
	}
	r.openingWords(s, ctx)
	for _, ref := range s.LeadIDs {
		r.agency(ref, ctx, "lead agency")
	}
	for _, ref := range s.PartnerIDs {
		r.agency(ref, ctx, "partner agency")
	}
	items := func() {
		n := 0
		for _, it := range s.Items {
			if it.Label == "" {
				n++
				it.Ordinal = n
			}
			r.item(st, it, s)
		}
	}
	if !s.SectionsFirst {
		items()
	}
	for _, c := range s.Sections {
		r.section(st, c, s)
	}
	if s.SectionsFirst {
		items()
	}
}

// openingWords warns about a section title, given as printed, that is
// only the first words of the section's first paragraph: Kiên Giang
// prints "3. Sở Tài chính chủ trì, phối hợp với ...", with no title, and
// "Sở Tài chính" was once shown as point 3's printed title.
func (r *resolver) openingWords(s *model.Section, ctx string) {
	// the paragraph carries the section's label and no label of its own;
	// a heading printed on its own line ("IV. KINH PHÍ", then "1. Kinh
	// phí ...") differs in case or is followed by a labelled point
	if s.Title.Editorial || s.Title.VI == "" || len(s.Items) == 0 || s.Items[0].Label != "" {
		return
	}
	title, text := fold.Spaces(s.Title.VI), s.Items[0].Text.VI
	if len(text) > len(title) && strings.HasPrefix(text, title) {
		r.errs.Warnf(s.Title.Pos, "mark the title `editorial: true` and say in a `note` that the document prints none, or remove it",
			"%s: title %q is the opening words of item %q, not a printed title", ctx, s.Title.VI, s.Items[0].ID)
	}
}

// pillar resolves a pillar id of a section or item; nil when id is empty
// or wrong (and then the problem is recorded).
func (r *resolver) pillar(st *planState, id string, pos diag.Pos, ctx string) *model.Pillar {
	if id == "" {
		return nil
	}
	p, ok := r.pillars[id]
	switch {
	case !ok:
		r.unknown(pos, ctx, "pillar", id, "frameworks.yaml", keys(r.pillars))
		return nil
	case st.plan.Framework != nil && p.Framework != st.plan.Framework:
		r.errs.Errorf(pos, "use a pillar of the plan's framework", "%s: pillar %q belongs to framework %q, not %q", ctx, p.ID, p.Framework.ID, st.plan.Framework.ID)
		return nil
	}
	return p
}

// inherited returns the nearest section's agencies for pick, and that
// section, which pages and the open data name as where they come from.
func inherited(s *model.Section, pick func(*model.Section) []model.Ref) ([]model.Ref, *model.Section) {
	for ; s != nil; s = s.Parent {
		if refs := pick(s); len(refs) > 0 {
			return refs, s
		}
	}
	return nil, nil
}

// agencyList resolves refs already checked by agency; unknown ids were
// reported there and are skipped here.
func (r *resolver) agencyList(refs []model.Ref) []*model.Agency {
	var out []*model.Agency
	for _, ref := range refs {
		if a, ok := r.agencies[ref.ID]; ok {
			out = append(out, a)
		}
	}
	return out
}

func (r *resolver) item(st *planState, it *model.Item, s *model.Section) {
	it.Plan, it.Section, it.Pillar = st.plan, s, s.Pillar
	ctx := fmt.Sprintf("item %q", it.ID)
	r.id(st, it.ID, it.Pos, ctx)
	st.items[it.ID] = it
	if p := r.pillar(st, it.PillarID, it.PillarPos, ctx); p != nil {
		it.Pillar = p
	}
	st.plan.Items = append(st.plan.Items, it)
	for _, ref := range it.LeadIDs {
		r.agency(ref, ctx, "lead agency")
	}
	for _, ref := range it.PartnerIDs {
		r.agency(ref, ctx, "partner agency")
	}
	lead, partners := it.LeadIDs, it.PartnerIDs
	if len(lead) == 0 {
		lead, it.LeadFrom = inherited(s, func(s *model.Section) []model.Ref { return s.LeadIDs })
	}
	if len(partners) == 0 && len(it.LeadIDs) == 0 {
		partners, it.PartnersFrom = inherited(s, func(s *model.Section) []model.Ref { return s.PartnerIDs })
	}
	it.Lead = r.agencyList(lead)
	it.Partners = r.agencyList(partners)
	for _, ref := range it.ThemeIDs {
		if t, ok := r.themes[ref.ID]; ok {
			it.Themes = append(it.Themes, t)
		} else {
			r.unknown(ref.Pos, ctx, "theme", ref.ID, "themes.yaml", keys(r.themes))
		}
	}
	if it.Text.EN == "" {
		st.untrans++
	}
	if st.source != nil && it.Text.VI != "" && !st.source.contains(it.Text.VI, false) {
		r.errs.Errorf(it.TextPos, "copy the text exactly as printed (typos included); put corrections in `note:`",
			"%s: Vietnamese text does not occur in the source document %q near %q", ctx, st.plan.SourceFile, st.source.firstMismatch(it.Text.VI, false))
	}
	if t := it.Timing; t != nil {
		r.verbatim(st, t.Text, ctx+": timing", true)
	}
	r.title(it, ctx)
	r.glossary(it)
}

// maxTitle is the most characters an item's title may have: a heading
// read at a glance on a phone.
const maxTitle = 100

// title checks an item's editorial title: short, and adding no number,
// year or date the item's text does not hold. What it commits to is the
// text's; the title only says it in fewer words.
func (r *resolver) title(it *model.Item, ctx string) {
	t := it.Title
	if t.IsZero() {
		return
	}
	for _, l := range []struct {
		lang        string
		title, text string
	}{{"vi", t.VI, it.Text.VI}, {"en", t.EN, cmp.Or(it.Text.EN, it.Text.VI)}} {
		if l.title == "" {
			continue
		}
		if n := utf8.RuneCountInString(l.title); n > maxTitle {
			r.errs.Errorf(t.Pos, "say what the item commits to in fewer words; the full text is shown below the title",
				"%s: the %s title has %d characters, more than %d", ctx, l.lang, n, maxTitle)
		}
		in := map[string]bool{}
		for _, n := range digits.FindAllString(l.text, -1) {
			in[n] = true
		}
		for _, n := range digits.FindAllString(l.title, -1) {
			if !in[n] {
				r.errs.Errorf(t.Pos, "a title may only repeat figures of the item's text; remove it or write it as the text does",
					"%s: the %s title has the number %q, which the item's text does not", ctx, l.lang, n)
				break
			}
		}
	}
}

// digits finds the numbers of a text, each run of digits on its own:
// "2,87%" and "2021-2025" are two each.
var digits = regexp.MustCompile(`[0-9]+`)

// links resolves references between items, once every item is known.
func (r *resolver) links(st *planState, it *model.Item) {
	ctx := fmt.Sprintf("item %q", it.ID)
	if it.Restates.ID != "" {
		switch t, ok := st.items[it.Restates.ID]; {
		case t == it:
			r.errs.Errorf(it.Restates.Pos, "write the id of the item this one repeats, or remove `restates:`", "%s restates itself", ctx)
		case ok:
			it.RestatesItem = t
			t.RestatedBy = append(t.RestatedBy, it)
		default:
			r.errs.Errorf(it.Restates.Pos, "write the id of another item of this plan", "%s: restated item %q is not in this plan", ctx, it.Restates.ID)
		}
	}
	// Two items may name each other as related: the link goes both ways
	// on the pages, and following it never loops.
	listed := map[*model.Item]bool{}
	for _, ref := range it.Related {
		switch t, ok := st.items[ref.ID]; {
		case t == it:
			r.errs.Errorf(ref.Pos, "remove it from `related:`", "%s is related to itself", ctx)
		case listed[t]:
			r.errs.Errorf(ref.Pos, "remove the second one", "%s: related item %q is listed twice", ctx, ref.ID)
		case ok:
			listed[t] = true
			it.RelatedItems = append(it.RelatedItems, t)
		default:
			r.errs.Errorf(ref.Pos, "write the id of another item of this plan", "%s: related item %q is not in this plan", ctx, ref.ID)
		}
	}
}

// moves checks the plan's renumbered and withdrawn items: an old id must
// not be in use again, and a new id must exist.
func (r *resolver) moves(st *planState) {
	ctx := fmt.Sprintf("plan %q", st.plan.ID)
	old := map[string]bool{}
	taken := func(id string, pos diag.Pos) {
		if _, used := st.ids[id]; used {
			r.errs.Errorf(pos, "an old address must stay free; choose another id for the new item", "%s: id %q is recorded as moved or withdrawn but is in use", ctx, id)
		}
		if old[id] {
			r.errs.Errorf(pos, "keep one entry per old id", "%s: id %q is moved or withdrawn twice", ctx, id)
		}
		old[id] = true
	}
	for _, m := range st.plan.Moved {
		taken(m.From, m.Pos)
		if it, ok := st.items[m.To.ID]; ok {
			m.Item = it
		} else {
			r.errs.Errorf(m.To.Pos, "write the id of the item it became", "%s: moved item %q goes to %q, which is not an item of this plan", ctx, m.From, m.To.ID)
		}
	}
	for _, w := range st.plan.Withdrawn {
		taken(w.ID, w.Pos)
		if w.See.ID != "" {
			if it, ok := st.items[w.See.ID]; ok {
				w.SeeItem = it
			} else {
				r.errs.Errorf(w.See.Pos, "write the id of an item of this plan, or leave `see` out", "%s: withdrawn item %q: see %q is not an item of this plan", ctx, w.ID, w.See.ID)
			}
		}
	}
}
