package load

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"sitegen/internal/diag"
	"sitegen/internal/model"
	"sitegen/internal/parallel"
)

// plans loads the plan files several at a time: they are most of the
// content, and a national site's 34 plans take about a second one by one.
// Each file's problems go to a list of its own, added in file name order,
// so that the problems and the plans come out as a serial load makes them.
func (l *loader) plans() []*model.Plan {
	names := l.glob("plans", ".yaml")
	plans := make([]*model.Plan, len(names))
	problems := make([]*diag.List, len(names))
	parallel.For(len(names), func(i int) {
		one := &loader{fsys: l.fsys, errs: &diag.List{}}
		plans[i], problems[i] = one.plan(names[i]), one.errs
	})
	var out []*model.Plan
	for i, p := range plans {
		l.errs.Add(problems[i])
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

func (l *loader) plan(name string) *model.Plan {
	d, m, p := l.planHead(name)
	if m == nil {
		return nil
	}
	l.document(d, m, p)
	planPeriod(d, m, p)
	p.StandingID = m.str("standing_agency")
	p.StandingPos = m.keyPos("standing_agency")
	for _, rn := range m.seq("reporting") {
		p.Reporting = append(p.Reporting, deadline(d, rn, m.what))
	}
	p.Funding = m.text("funding", false)
	planSource(d, m, p)
	for _, tn := range m.seq("targets") {
		p.Targets = append(p.Targets, target(d, tn, m.what))
	}
	planChanges(d, m, p)
	p.Searched = searched(d, m)
	p.LastUpdated = lastUpdated(d, m)
	secs := m.seq("sections")
	switch {
	case secs == nil && m.value("sections") != nil:
		d.errs.Errorf(d.pos(m.value("sections")), "list the plan's sections, as its document prints them; docs/content.md shows their fields", "%s: field \"sections\" is an empty list", m.what)
	case secs == nil:
		m.missing("sections", "[...]")
	}
	for _, sn := range secs {
		p.Sections = append(p.Sections, l.section(d, sn, 1))
	}
	m.end()
	return p
}

// planHead reads a plan file and its identity: id, province or editorial
// attribution, framework and titles. m is nil when the file holds no
// plan to read further; the problem is then reported.
func (l *loader) planHead(name string) (*decoder, *mapping, *model.Plan) {
	b, ok := l.read(name, false)
	if !ok {
		return nil, nil, nil
	}
	top, ok := l.parse(name, b)
	if !ok {
		return nil, nil, nil
	}
	d := &decoder{file: name, errs: l.errs}
	stem := strings.TrimSuffix(path.Base(name), ".yaml")
	if top == nil {
		d.errs.Errorf(diag.Pos{File: name, Line: 1}, fmt.Sprintf("write the plan, starting with `id: %s`; docs/content.md describes its fields, or delete the file", stem),
			"the plan file is empty")
		return nil, nil, nil
	}
	if top := deref(top); top.Kind != yaml.MappingNode {
		d.errs.Errorf(d.pos(top), "write it as `key: value` lines, starting with `id: "+stem+"`", "plan must be a mapping, not %s", kindName(top))
		return nil, nil, nil
	}
	m := d.mapping(top, "plan")
	p := &model.Plan{Pos: d.pos(top), File: name, ID: m.id("id")}
	if p.Pos.Line == 0 {
		p.Pos.Line = 1
	}
	m.what = fmt.Sprintf("plan %q", p.ID)
	p.Draft = m.bool("draft")
	p.Guesses = guesses(name, b)
	if p.ID != "" && p.ID != stem {
		d.errs.Errorf(m.keyPos("id"), fmt.Sprintf("rename the file to %s.yaml or write `id: %s`", p.ID, stem), "plan id %q does not match the file name %q", p.ID, path.Base(name))
	}
	if an := m.value("attribution"); an != nil {
		am := d.mapping(an, m.what+": attribution")
		p.Attribution = &model.Attribution{Pos: d.pos(an), ProvinceID: am.reqStr("province", "province-id"), Evidence: am.editors("evidence")}
		if p.Attribution.Evidence.VI == "" {
			am.missing("evidence", "{vi: ..., en: ..., editorial: true}")
		}
		am.end()
		if m.has("province") {
			d.errs.Errorf(m.keyPos("province"), "keep `province:` when the source names it, `attribution:` when it does not", "%s: both province and attribution are given", m.what)
		}
	}
	if p.Attribution == nil {
		p.ProvinceID = m.reqStr("province", "province-id")
	} else {
		p.ProvinceID = p.Attribution.ProvinceID
	}
	p.FrameworkID = m.reqStr("framework", "framework-id")
	p.Title = m.text("title", true)
	p.ShortTitle = m.text("short_title", false)
	return d, m, p
}

// planPeriod reads the years a plan covers.
func planPeriod(d *decoder, m *mapping, p *model.Plan) {
	pn := m.value("period")
	if pn == nil {
		return
	}
	pm := d.mapping(pn, m.what+": period")
	p.PeriodFrom, p.PeriodTo = pm.year("from"), pm.year("to")
	if p.PeriodFrom != 0 && p.PeriodTo != 0 && p.PeriodTo < p.PeriodFrom {
		d.errs.Errorf(d.pos(pn), "swap the years", "%s: period ends in %d, before it starts in %d", m.what, p.PeriodTo, p.PeriodFrom)
	}
	pm.end()
}

// deadline reads a recurring reporting deadline: a real day and month,
// and the source's words for it.
func deadline(d *decoder, rn *yaml.Node, what string) *model.Deadline {
	rm := d.mapping(rn, what+": reporting deadline")
	r := &model.Deadline{Pos: d.pos(rn), Day: rm.int("day"), Month: rm.int("month")}
	r.Text = rm.pair(what + ": reporting deadline")
	r.Text.Editorial = rm.bool("editorial")
	rm.fingerprint(&r.Text)
	if (r.Day != 0 || r.Month != 0) && (r.Month < 1 || r.Month > 12 || r.Day < 1 || r.Day > daysIn[r.Month]) {
		d.errs.Errorf(r.Pos, "write the `day:` and `month:` of a real date, such as day 15 month 12", "%s: reporting deadline day %d month %d is not a date", what, r.Day, r.Month)
	}
	if r.Text.VI == "" {
		d.errs.Errorf(r.Pos, "add `vi:` with the source's words", "%s: reporting deadline has no Vietnamese text", what)
	}
	rm.end()
	return r
}

// planSource reads where the plan's text is and where it came from.
func planSource(d *decoder, m *mapping, p *model.Plan) {
	sn := m.value("source")
	if sn == nil {
		m.missing("source", "{file: document.txt, kind: official}")
		return
	}
	sm := d.mapping(sn, m.what+": source")
	p.SourcePos = d.pos(sn)
	p.SourceFile = sm.reqStr("file", "document.txt")
	p.SourceKind = word(sm, "kind", "source kind", model.SourceKinds())
	p.Provenance = provenance(d, sm)
	p.Omit = omissions(d, sm)
	sm.end()
}

// target reads a quantified target.
func target(d *decoder, tn *yaml.Node, what string) *model.Target {
	tm := d.mapping(tn, what+": target")
	t := &model.Target{Pos: d.pos(tn), ID: tm.id("id")}
	tm.what = fmt.Sprintf("target %q", t.ID)
	t.ItemID = tm.str("item")
	t.Indicator = tm.text("indicator", true)
	t.Value = tm.float("value")
	t.Unit = word(tm, "unit", "unit", model.Units())
	t.Year = tm.year("year")
	tm.end()
	return t
}

// planChanges reads the items moved to new ids and the items withdrawn,
// whose published addresses stay alive.
func planChanges(d *decoder, m *mapping, p *model.Plan) {
	for _, n := range m.seq("moved") {
		mm := d.mapping(n, m.what+": moved item")
		mv := &model.Move{Pos: d.pos(n), From: mm.id("from"), To: model.Ref{ID: mm.reqStr("to", "new-id"), Pos: mm.keyPos("to")}}
		var ok bool
		if mv.Date, ok = mm.date("date"); !ok && !mm.has("date") {
			mm.missing("date", "2026-01-31")
		}
		mv.Note = mm.text("note", false)
		mm.end()
		p.Moved = append(p.Moved, mv)
	}
	for _, n := range m.seq("withdrawn") {
		wm := d.mapping(n, m.what+": withdrawn item")
		w := &model.Withdrawal{Pos: d.pos(n), ID: wm.id("id"), Label: wm.str("label"), Text: wm.text("text", true), Reason: wm.text("reason", true)}
		var ok bool
		if w.Date, ok = wm.date("date"); !ok && !wm.has("date") {
			wm.missing("date", "2026-01-31")
		}
		w.See = wm.ref("see")
		wm.end()
		p.Withdrawn = append(p.Withdrawn, w)
	}
}

// searched reads what the editors searched for reports on the plan, and
// up to when.
func searched(d *decoder, m *mapping) *model.Search {
	n := m.value("searched")
	if n == nil {
		return nil
	}
	sm := d.mapping(n, m.what+": searched")
	s := &model.Search{Pos: d.pos(n), Where: sm.text("where", true)}
	var ok bool
	if s.Date, ok = sm.date("date"); !ok && !sm.has("date") {
		sm.missing("date", "2026-12-07")
	}
	sm.end()
	return s
}

// lastUpdated reads when the editors last changed what the site says of
// the plan, and what they changed.
func lastUpdated(d *decoder, m *mapping) *model.Revision {
	n := m.value("last_updated")
	if n == nil {
		return nil
	}
	rm := d.mapping(n, m.what+": last_updated")
	r := &model.Revision{Pos: d.pos(n), Note: rm.text("note", false)}
	var ok bool
	if r.Date, ok = rm.date("date"); !ok && !rm.has("date") {
		rm.missing("date", "2026-12-07")
	}
	rm.end()
	return r
}

// provenance reads where a source text came from: every field optional.
func provenance(d *decoder, sm *mapping) model.Provenance {
	var pr model.Provenance
	pr.URL = sm.url("url")
	if sm.value("copy") != nil {
		pr.Copy = sm.bool("copy")
		if pr.Copy && pr.URL == "" {
			sm.d.errs.Errorf(sm.keyPos("copy"), "give the copy's address as `url:`, or leave `copy` out", "%s: `copy: true` without `url`", sm.what)
		}
	}
	pr.Retrieved, _ = sm.date("retrieved")
	pr.RetrievedPos = sm.keyPos("retrieved")
	if sm.has("extent") {
		pr.Extent = word(sm, "extent", "source extent", model.Extents())
	}
	if sm.value("truncated") != nil {
		b := sm.bool("truncated")
		pr.Truncated = &b
	}
	pr.Note = sm.editors("note")
	return pr
}

func (l *loader) document(d *decoder, m *mapping, p *model.Plan) {
	dn := m.value("document")
	if dn == nil {
		m.missing("document", "{type: plan, ...}")
		return
	}
	dm := d.mapping(dn, m.what+": document")
	doc := &p.Document
	doc.Type = word(dm, "type", "document type", model.DocumentTypes())
	doc.TypePos = dm.keyPos("type")
	doc.Number = dm.str("number")
	doc.Date, doc.HasDate = dm.date("date")
	doc.DatePos = dm.keyPos("date")
	doc.Place = cleanText(dm.str("place"))
	doc.IssuerID = dm.str("issuer")
	doc.IssuerPos = dm.keyPos("issuer")
	if sn := dm.value("signer"); sn != nil {
		sm := d.mapping(sn, m.what+": signer")
		doc.Signer = cleanText(sm.reqStr("name", "Full Name"))
		doc.SignerRole = sm.text("role", false)
		sm.end()
	}
	doc.IssuedBy = dm.text("issued_by", false)
	doc.ProposedBy = dm.text("proposed_by", false)
	for _, bn := range dm.seq("bases") {
		t := d.text(bn, m.what+": legal basis")
		if t.VI == "" {
			d.errs.Errorf(d.pos(bn), "add `vi:` with the text as printed", "%s: legal basis has no Vietnamese text", m.what)
		}
		doc.Bases = append(doc.Bases, t)
	}
	doc.Replaces = dm.text("replaces", false)
	dm.end()
}

// daysIn is the most days each month has; 29 February happens.
var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// section reads a section at depth (1 for the plan's top sections).
func (l *loader) section(d *decoder, n *yaml.Node, depth int) *model.Section {
	m := d.mapping(n, "section")
	s := &model.Section{Pos: d.pos(n), ID: m.id("id")}
	m.what = fmt.Sprintf("section %q", s.ID)
	if depth > MaxSectionDepth {
		d.errs.Errorf(s.Pos, "check the indentation: a section's `sections:` holds its sub-sections only",
			"%s is nested %d levels deep, more than the limit of %d", m.what, depth, MaxSectionDepth)
		return s
	}
	if ln := m.value("label"); ln != nil && ln.Kind == yaml.MappingNode {
		t := d.text(ln, m.what+": label")
		s.Label, s.LabelEN = t.VI, t.EN
	} else {
		s.Label = m.str("label")
	}
	s.Title = m.text("title", false)
	s.PillarID = m.str("pillar")
	s.PillarPos = m.keyPos("pillar")
	s.LeadIDs = m.refs("lead")
	s.PartnerIDs = m.refs("partners")
	s.Note = m.editors("note")
	if tn := m.value("timing"); tn != nil {
		s.Timing = timing(d, tn, m.what)
	}
	for _, in := range m.seq("items") {
		s.Items = append(s.Items, l.item(d, in))
	}
	for _, sn := range m.seq("sections") {
		s.Sections = append(s.Sections, l.section(d, sn, depth+1))
	}
	for _, k := range m.order {
		if k == "items" || k == "sections" {
			s.SectionsFirst = k == "sections"
			break
		}
	}
	if len(s.Items) == 0 && len(s.Sections) == 0 && s.Title.IsZero() {
		d.errs.Errorf(s.Pos, "give it a title, items or sections, or remove it", "%s is empty", m.what)
	}
	m.end()
	return s
}

func (l *loader) item(d *decoder, n *yaml.Node) *model.Item {
	m := d.mapping(n, "item")
	it := &model.Item{Pos: d.pos(n), ID: m.id("id")}
	m.what = fmt.Sprintf("item %q", it.ID)
	if ln := m.value("label"); ln != nil && ln.Kind == yaml.MappingNode {
		t := d.text(ln, m.what+": label")
		it.Label, it.LabelEN = t.VI, t.EN
	} else {
		it.Label = m.str("label")
	}
	it.Kind = word(m, "kind", "kind", model.ItemKinds())
	it.Text = m.pair(m.what)
	it.TextPos = it.Text.Pos
	m.fingerprint(&it.Text)
	it.Title = m.editors("title")
	if it.Text.VI == "" {
		d.errs.Errorf(it.TextPos, "add `vi: >-` followed by the text as printed in the source", "%s has no Vietnamese text", m.what)
	}
	it.LeadIDs = m.refs("lead")
	it.PartnerIDs = m.refs("partners")
	it.PillarID = m.str("pillar")
	it.PillarPos = m.keyPos("pillar")
	if tn := m.value("timing"); tn != nil {
		it.Timing = timing(d, tn, m.what)
	}
	it.ThemeIDs = m.refs("themes")
	it.Restates = m.ref("restates")
	it.Related = m.refs("related")
	it.Note = m.editors("note")
	// The status comes from dated updates with evidence, never from a
	// bare claim: an item without updates is "not reported".
	it.Status = model.StatusNotReported
	for _, un := range m.seq("updates") {
		it.Updates = append(it.Updates, update(d, un, m.what))
	}
	sort.SliceStable(it.Updates, func(i, j int) bool { return it.Updates[i].Date.Before(it.Updates[j].Date.Time) })
	// the latest official report rates the item; a related event, dated
	// after it, leaves the rating as it was
	for _, u := range it.Updates {
		if u.Status != "" {
			it.Status = u.Status
		}
	}
	m.end()
	return it
}

// timing reads when an item, or every item of a section, is done.
func timing(d *decoder, tn *yaml.Node, what string) *model.Timing {
	tm := d.mapping(tn, what+": timing")
	t := &model.Timing{Kind: word(tm, "kind", "timing kind", model.TimingKinds()), From: tm.year("from"), To: tm.year("to")}
	t.Date, _ = tm.date("date")
	t.Text = tm.pair(what + ": timing")
	t.Text.Editorial = tm.bool("editorial")
	tm.fingerprint(&t.Text)
	if t.Kind == model.TimingPeriod && (t.From == 0 || t.To == 0) {
		d.errs.Errorf(d.pos(tn), "add `from:` and `to:` years", "%s: a period timing needs from and to", what)
	}
	if t.From != 0 && t.To != 0 && t.To < t.From {
		d.errs.Errorf(d.pos(tn), "swap the years", "%s: timing ends in %d, before it starts in %d", what, t.To, t.From)
	}
	if t.Kind == model.TimingDate && t.Date.IsZero() && !tm.has("date") {
		tm.missing("date", "2025-12-31")
	}
	if bn := tm.value("by"); bn != nil {
		t.By = due(d, bn, what)
		if !t.By.IsZero() && t.Kind != model.TimingOnce {
			d.errs.Errorf(d.pos(bn), "write `kind: once` for a task due by a date, or leave `by:` out",
				"%s: timing of kind %q takes no deadline `by`", what, t.Kind)
		}
	}
	tm.end()
	return t
}

func update(d *decoder, n *yaml.Node, what string) *model.Update {
	m := d.mapping(n, what+": update")
	u := &model.Update{Pos: d.pos(n)}
	var ok bool
	if u.Date, ok = m.date("date"); !ok && !m.has("date") {
		m.missing("date", "2026-06-30")
	}
	u.DatePos = m.keyPos("date")
	u.Kind = word(m, "kind", "evidence kind", model.EvidenceKinds())
	if m.has("status") {
		u.Status = word(m, "status", "status", model.Statuses())
	}
	switch {
	case u.Kind == model.EvidenceRelatedEvent && u.Status != "":
		d.errs.Errorf(m.keyPos("status"), "remove `status:`: an event that concerns the item does not show it done (or write `kind: official-report` if the evidence reports on the item itself)",
			"%s: a related event gives no status", m.what)
		u.Status = ""
	case u.Kind == model.EvidenceOfficialReport && !m.has("status"):
		m.missing("status", "limited")
	case u.Kind == model.EvidenceOfficialReport && u.Status == model.StatusNotReported:
		d.errs.Errorf(m.keyPos("status"), "write the step the report shows: not-started, limited, substantial or complete",
			"%s: an official report cannot say %q", m.what, u.Status)
	}
	u.Text = m.text("text", true)
	for _, en := range m.seq("evidence") {
		u.Evidence = append(u.Evidence, evidence(d, en, what))
	}
	if len(u.Evidence) == 0 {
		m.missing("evidence", "[{url: https://..., title: {vi: ..., en: ...}}]")
	}
	m.end()
	return u
}

// evidence reads one document an update rests on: a link, and for a
// report kept in content/reports the passage quoted from it.
func evidence(d *decoder, n *yaml.Node, what string) model.Evidence {
	em := d.mapping(n, what+": evidence")
	if !em.has("url") {
		em.missing("url", "https://...")
	}
	e := model.Evidence{URL: em.url("url"), Title: em.text("title", true)}
	e.ReportFile, e.ReportPos = em.str("report"), em.keyPos("report")
	e.Quote = em.text("quote", false)
	switch {
	case e.ReportFile != "" && e.Quote.VI == "":
		em.missing("quote", "{vi: <the report's words>, en: <their translation>}")
	case e.ReportFile == "" && !e.Quote.IsZero():
		d.errs.Errorf(em.keyPos("quote"), "keep the report's text in content/reports/ and name it in `report:`, so that the quote can be checked",
			"%s: evidence quotes a report whose text is not named", what)
	}
	em.end()
	return e
}

// omissions reads a source's `omit:` list: runs of lines ("1-3", or one
// line "817") that are the copied web page's, not the document's.
func omissions(d *decoder, sm *mapping) []*model.Omission {
	var out []*model.Omission
	for _, n := range sm.seq("omit") {
		om := d.mapping(n, sm.what+": omitted lines")
		o := &model.Omission{Pos: d.pos(n), What: om.text("what", true)}
		lines := om.reqStr("lines", "1-3")
		from, to, ok := strings.Cut(lines, "-")
		if !ok {
			to = from
		}
		var err1, err2 error
		o.From, err1 = strconv.Atoi(strings.TrimSpace(from))
		o.To, err2 = strconv.Atoi(strings.TrimSpace(to))
		if lines != "" && (err1 != nil || err2 != nil || o.From < 1 || o.To < o.From) {
			d.errs.Errorf(om.keyPos("lines"), "write the first and last line of the run, like `lines: 799-817`, or one line, like `lines: 1`",
				"%s: lines %q is not a run of lines", sm.what, lines)
		}
		om.end()
		out = append(out, o)
	}
	return out
}

// due reads a deadline at the precision the source gives it.
func due(d *decoder, n *yaml.Node, what string) model.Due {
	v, err := model.ParseDue(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		d.errs.Errorf(d.pos(n), "write a year (2026), a quarter (2026-Q3), a month (2026-06) or a day (2026-09-30), only as precise as the source",
			"%s: timing `by` %q is not a deadline", what, n.Value)
		return model.Due{}
	}
	if v.Year < MinYear || v.Year > MaxYear {
		d.errs.Errorf(d.pos(n), "write the year in full, e.g. 2026", "%s: timing `by` is in the year %d, outside %d-%d", what, v.Year, MinYear, MaxYear)
		return model.Due{}
	}
	return v
}

// guesses finds the "# guess" comments sitegen import left in a plan
// file: each is a reading an editor confirms (or corrects) and then
// deletes. A comment starts the line or follows a space; inside a
// quoted or block text "#" is no comment, but no plan's text says
// "# guess".
func guesses(file string, b []byte) []model.Guess {
	var out []model.Guess
	for i, l := range strings.Split(string(b), "\n") {
		at := strings.Index(l, "# guess")
		if at < 0 || at > 0 && l[at-1] != ' ' && l[at-1] != '\t' {
			continue
		}
		what := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l[at+len("# guess"):], ":"), " "))
		out = append(out, model.Guess{Pos: diag.Pos{File: file, Line: i + 1}, Text: what})
	}
	return out
}
