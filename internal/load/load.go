// Package load reads a content tree into model values.
//
// Load takes an fs.FS rooted at the content directory:
//
//	site.yaml frameworks.yaml provinces.yaml agencies.yaml themes.yaml
//	glossary.yaml plans/*.yaml sources/*.txt pages/*.{vi,en}.md
//	commentary/*.{vi,en}.md published-urls.txt redirects.yaml
//
// It checks the shape of every file (YAML syntax, field names, types,
// required fields, ids and dates) and remembers the file and line of every
// value, so that later stages can point at it. Text is normalised to
// Unicode NFC and its white space collapsed. The characters package
// chars refuses are reported with their line, whether a file's bytes hold
// them or a value's escapes or a Markdown reference stand for them, and the work
// a file can cause is bounded (see MaxValues, MaxSectionDepth, MaxText).
// References between files are checked by package resolve, not here.
// docs/content.md is the manual for the format.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"sitegen/internal/chars"
	"sitegen/internal/diag"
	"sitegen/internal/model"
	"sitegen/internal/parallel"
	"sitegen/internal/record"
)

// MaxFileSize bounds every content file, so that a wrong file dropped
// into content/ fails clearly instead of exhausting memory.
const MaxFileSize = 10 << 20

// Load reads the content tree in fsys. The problems list holds every
// error and warning found; the site is nil only when a file could not be
// read at all.
func Load(fsys fs.FS) (*model.Site, *diag.List) {
	site := &model.Site{Sources: map[string]*model.Source{}}
	// The files are read and checked apart from one another (package
	// resolve joins them), so each part is loaded on a core of its own,
	// the plans, which take longest, first. Each part sets fields of
	// site no other part sets.
	parts := []func(l *loader){
		func(l *loader) { site.Plans = l.plans() },
		func(l *loader) {
			site.Sources = l.texts("sources")
			site.Reports = l.texts("reports")
		},
		func(l *loader) {
			l.site(site)
			site.Frameworks = l.frameworks()
			site.Provinces = l.provinces()
			site.Agencies = l.agencies()
			site.Themes = l.themes()
			site.Glossary = l.glossary()
		},
		func(l *loader) {
			site.Pages = l.pages()
			site.Commentary = l.commentary()
			site.Published = l.published()
			site.Moved, site.Withdrawn = l.redirects()
		},
	}
	found := make([]*diag.List, len(parts))
	parallel.For(len(parts), func(i int) {
		l := &loader{fsys: fsys, errs: &diag.List{}}
		parts[i](l)
		found[i] = l.errs
	})
	problems := &diag.List{}
	for _, f := range found {
		problems.Add(f)
	}
	return site, problems
}

type loader struct {
	fsys fs.FS
	errs *diag.List
}

// read returns a file's bytes, NFC-normalised, with a leading byte-order
// mark removed. ok is false when the file is missing (and optional) or
// cannot be used; the reason is recorded.
func (l *loader) read(name string, optional bool) ([]byte, bool) {
	b, ok := l.readBytes(name, optional)
	if !ok {
		return nil, false
	}
	if line := firstNonText(b); line > 0 {
		l.errs.Errorf(diag.Pos{File: name, Line: line}, "save it as UTF-8 text", "file is not UTF-8 text")
		return nil, false
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.IndexByte(b, '\r') >= 0 { // ReplaceAll copies the file even when nothing is replaced
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	if !l.checkChars(name, b) {
		return nil, false
	}
	return norm.NFC.Bytes(b), true
}

// readBytes returns a file's bytes as they are, if it is a regular file
// of the content of at most MaxFileSize bytes. ok is false when the file
// is missing (and optional) or cannot be used; the reason is recorded.
func (l *loader) readBytes(name string, optional bool) ([]byte, bool) {
	// A symbolic link may point anywhere on the machine; one that leaves
	// the content directory could publish a private file.
	li, err := fs.Lstat(l.fsys, name)
	if err == nil && li.Mode()&fs.ModeSymlink != 0 {
		target, err := fs.ReadLink(l.fsys, name)
		if err != nil || path.IsAbs(target) || !fs.ValidPath(path.Join(path.Dir(name), target)) {
			l.errs.Errorf(diag.Pos{File: name}, "copy the file into the content directory instead", "symbolic link points outside the content directory (to %q)", target)
			return nil, false
		}
	}
	// A file that is not a link is what Lstat described; only a link
	// needs looking up again (each look walks the path in the kernel).
	info := li
	if err != nil || li.Mode()&fs.ModeSymlink != 0 {
		info, err = fs.Stat(l.fsys, name)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && optional {
			return nil, false
		}
		if errors.Is(err, fs.ErrNotExist) {
			l.errs.Errorf(diag.Pos{File: name}, "create it; docs/content.md describes its fields", "file is missing")
		} else {
			l.errs.Errorf(diag.Pos{File: name}, "", "cannot read file: %v", cleanFSError(err))
		}
		return nil, false
	}
	if !info.Mode().IsRegular() {
		l.errs.Errorf(diag.Pos{File: name}, "replace it with a regular file", "not a regular file")
		return nil, false
	}
	if info.Size() > MaxFileSize {
		l.errs.Errorf(diag.Pos{File: name}, "split it, or remove it if it does not belong in content/", "file is %d bytes, more than the limit of %d", info.Size(), MaxFileSize)
		return nil, false
	}
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.errs.Errorf(diag.Pos{File: name}, "", "cannot read file: %v", cleanFSError(err))
		return nil, false
	}
	return b, true
}

// readLines reads a file of one entry a line, as read does, but a line
// that is not text or holds a refused character is reported and left
// blank, keeping the file's other lines and their numbers: every bad
// line is reported in one run, however bad the first.
func (l *loader) readLines(name string, optional bool) ([]byte, bool) {
	b, ok := l.readBytes(name, optional)
	if !ok {
		return nil, false
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	lines := bytes.Split(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"))
	for i, line := range lines {
		pos := diag.Pos{File: name, Line: i + 1}
		switch r, at := chars.Find(string(line)); {
		case firstNonText(line) > 0:
			l.errs.Errorf(pos, "retype the line as UTF-8 text, or delete it", "line is not UTF-8 text")
		case at >= 0:
			l.errs.Errorf(pos, chars.Hint(r), "%s is not allowed", chars.Describe(r))
		case bytes.IndexByte(line, '\r') >= 0:
			l.errs.Errorf(pos, "save the file with Unix (LF) or Windows (CRLF) line ends", "carriage return without a line feed")
		default:
			continue
		}
		lines[i] = nil
	}
	return norm.NFC.Bytes(bytes.Join(lines, []byte("\n"))), true
}

func cleanFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parse parses a YAML file and returns the document's top node, nil
// when the file is empty.
func (l *loader) parse(name string, b []byte) (*yaml.Node, bool) {
	return l.parseYAML(name, b, 0)
}

// list parses a file whose top level is a list, calling each for every
// entry.
func (l *loader) list(name string, each func(d *decoder, n *yaml.Node)) {
	b, ok := l.read(name, false)
	if !ok {
		return
	}
	top, ok := l.parse(name, b)
	if !ok || top == nil {
		return
	}
	d := &decoder{file: name, errs: l.errs}
	top = deref(top)
	if top.Kind != yaml.SequenceNode {
		l.errs.Errorf(d.pos(top), "start each entry with `- `", "the file must be a list, not %s", kindName(top))
		return
	}
	for _, n := range top.Content {
		each(d, n)
	}
}

func (l *loader) site(s *model.Site) {
	const name = "site.yaml"
	b, ok := l.read(name, false)
	if !ok {
		return
	}
	top, ok := l.parse(name, b)
	if !ok {
		return
	}
	d := &decoder{file: name, errs: l.errs}
	if top == nil {
		l.errs.Errorf(diag.Pos{File: name, Line: 1}, "write `title: {vi: ..., en: ...}`; docs/content.md describes the file", "the file is empty")
		return
	}
	m := d.mapping(top, "site")
	s.Title = m.text("title", true)
	s.Description = m.text("description", false)
	s.Publisher = m.text("publisher", false)
	s.URL, s.URLPos = m.str("url"), m.keyPos("url")
	var dated bool
	if s.AsOf, dated = m.date("as_of"); !dated && !m.has("as_of") {
		l.errs.Errorf(m.keyPos("as_of"), "add `as_of: YYYY-MM-DD`, the date the site's information is current to: every page says it, and what is due is worked out from it",
			"site: required field %q is missing", "as_of")
	}
	s.HasAsOf = dated
	s.AsOfPos = m.keyPos("as_of")
	s.Contact = contact(d, m)
	if ln := m.value("licence"); ln != nil {
		lm := d.mapping(ln, "site: licence")
		s.Licence = &model.Licence{Pos: d.pos(ln), Name: lm.text("name", true)}
		if s.Licence.URL = lm.url("url"); s.Licence.URL == "" && !lm.has("url") {
			lm.missing("url", "https://creativecommons.org/licenses/by/4.0/")
		}
		lm.end()
	}
	m.end()
}

// contact reads how readers reach the publisher: an e-mail address, or
// a form whose address says where it takes an item's citation.
func contact(d *decoder, m *mapping) *model.Contact {
	n := m.value("contact")
	if n == nil {
		return nil
	}
	cm := d.mapping(n, "site: contact")
	c := &model.Contact{Pos: d.pos(n), Email: cm.str("email"), Form: cm.url("form")}
	switch {
	case (c.Email == "") == (c.Form == ""):
		d.errs.Errorf(c.Pos, "write `email: address` or `form: https://...`, one of the two", "site: contact must give an e-mail address or a form, exactly one")
	case c.Email != "":
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || a.Name != "" {
			d.errs.Errorf(cm.keyPos("email"), "write the address alone, like `email: asean@portal.example.gov.vn`", "site: contact email %q is not an e-mail address", c.Email)
		}
	case !strings.Contains(c.Form, model.CitationPlaceholder):
		d.errs.Errorf(cm.keyPos("form"), "write "+model.CitationPlaceholder+" where the form's address takes a prefilled answer, like `?entry.1={citation}`",
			"site: contact form %q does not say where the item's citation goes", c.Form)
	}
	cm.end()
	return c
}

func (l *loader) frameworks() []*model.Framework {
	var out []*model.Framework
	l.list("frameworks.yaml", func(d *decoder, n *yaml.Node) {
		m := d.mapping(n, "framework")
		f := &model.Framework{Pos: d.pos(n), ID: m.id("id")}
		m.what = fmt.Sprintf("framework %q", f.ID)
		f.Name = m.text("name", true)
		f.Title = m.text("title", false)
		f.Instrument = m.text("instrument", false)
		frameworkFacts(d, m, f)
		for _, pn := range m.seq("pillars") {
			f.Pillars = append(f.Pillars, pillar(d, pn, false))
		}
		for _, pn := range m.seq("groups") {
			f.Groups = append(f.Groups, pillar(d, pn, true))
		}
		m.end()
		out = append(out, f)
	})
	return out
}

// frameworkFacts reads what is known of a framework's approval and
// course. Every field is optional: what no source verifies is left out.
func frameworkFacts(d *decoder, m *mapping, f *model.Framework) {
	if dn := m.value("decision"); dn != nil {
		dm := d.mapping(dn, m.what+": decision")
		f.Decision.Number = dm.reqStr("number", "155/QĐ-TTg")
		f.Decision.Date, f.Decision.HasDate = dm.date("date")
		f.Decision.DatePos = dm.keyPos("date")
		if sn := dm.value("signer"); sn != nil {
			sm := d.mapping(sn, m.what+": decision: signer")
			f.Decision.Signer = cleanText(sm.reqStr("name", "Full Name"))
			f.Decision.SignerRole = sm.text("role", false)
			sm.end()
		}
		dm.end()
	}
	if pn := m.value("period"); pn != nil {
		pm := d.mapping(pn, m.what+": period")
		f.PeriodFrom, f.PeriodTo = pm.int("from"), pm.int("to")
		if !pm.has("to") {
			pm.missing("to", "2035")
		}
		if f.PeriodFrom != 0 && f.PeriodTo != 0 && f.PeriodTo < f.PeriodFrom {
			d.errs.Errorf(d.pos(pn), "swap the years", "%s: period ends in %d, before it starts in %d", m.what, f.PeriodTo, f.PeriodFrom)
		}
		pm.end()
	}
	f.Coordinator = m.text("coordinator", false)
	for _, rn := range m.seq("reviews") {
		f.Reviews = append(f.Reviews, review(d, rn, m.what))
	}
	f.ProposedBy = m.text("proposed_by", false)
	if pn := m.value("plans_issued"); pn != nil {
		pm := d.mapping(pn, m.what+": plans_issued")
		pi := &model.PlansIssued{Pos: d.pos(pn), Count: pm.int("count"), Of: pm.int("of")}
		if yn := pm.value("period"); yn != nil {
			ym := d.mapping(yn, pm.what+": period")
			pi.From, pi.To = ym.int("from"), ym.int("to")
			ym.end()
		} else {
			pm.missing("period", "{from: 2016, to: 2020}")
		}
		switch {
		case pi.Count <= 0 || pi.Of <= 0 || pi.Count > pi.Of:
			d.errs.Errorf(pi.Pos, "write how many provinces had issued a plan (count) of how many there were (of), as the source counts them",
				"%s: plans_issued: %d of %d is not a count of provinces", m.what, pi.Count, pi.Of)
		case pi.From != 0 && pi.To != 0 && pi.To < pi.From:
			d.errs.Errorf(pi.Pos, "swap the years", "%s: plans_issued: the period ends in %d, before it starts in %d", m.what, pi.To, pi.From)
		}
		pm.end()
		f.PlansIssued = pi
	}
	if m.has("status") {
		f.Status = word(m, "status", "framework status", model.FrameworkStatuses())
	}
	f.Note = m.text("note", false)
	frameworkSources(d, m, f)
}

// frameworkSources reads the sources of a framework's facts and which
// of its page's lines each supports.
func frameworkSources(d *decoder, m *mapping, f *model.Framework) {
	seen := map[string]diag.Pos{}
	for _, sn := range m.seq("sources") {
		sm := d.mapping(sn, m.what+": source")
		c := &model.Citation{Pos: d.pos(sn), ID: sm.id("id")}
		sm.what = fmt.Sprintf("%s: source %q", m.what, c.ID)
		c.Text = sm.editors("text")
		if c.Text.VI == "" && !sm.has("text") {
			sm.missing("text", "{vi: \"dantri.com.vn, “...”, 15/08/2025\", en: ..., editorial: true}")
		}
		c.PlanID = sm.str("plan")
		if prev, dup := seen[c.ID]; dup && c.ID != "" {
			d.errs.Errorf(c.Pos, fmt.Sprintf("give it another id; the first is at line %d", prev.Line), "%s: duplicate source id %q", m.what, c.ID)
		}
		seen[c.ID] = c.Pos
		sm.end()
		f.Sources = append(f.Sources, c)
	}
	cn := m.value("cite")
	if cn == nil {
		return
	}
	f.CitesPos = d.pos(cn)
	cm := d.mapping(cn, m.what+": cite")
	f.Cites = map[string][]model.Ref{}
	for _, k := range cm.order {
		if !slices.Contains(model.FrameworkLines, k) {
			cm.used[k] = true
			hint := "use one of: " + strings.Join(model.FrameworkLines, ", ")
			if c := closest(k, model.FrameworkLines); c != "" {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			d.errs.Errorf(cm.keyPos(k), hint, "%s: cite: %q is not a line of the programme's page", m.what, k)
			continue
		}
		for _, r := range cm.refs(k) {
			if _, ok := seen[r.ID]; !ok {
				d.errs.Errorf(r.Pos, "write the id of one of the framework's `sources:`, or add the source there", "%s: cite: %s: source %q is not defined", m.what, k, r.ID)
			}
			f.Cites[k] = append(f.Cites[k], r)
		}
	}
	cm.end()
}

// review reads a national review of a programme and the published
// reports it is known from; a review needs at least one.
func review(d *decoder, n *yaml.Node, what string) *model.Review {
	rm := d.mapping(n, what+": review")
	r := &model.Review{Pos: d.pos(n), Title: rm.text("title", true), Place: rm.text("place", false), Note: rm.text("note", false)}
	var ok bool
	if r.Date, ok = rm.date("date"); !ok && !rm.has("date") {
		rm.missing("date", "2025-08-15")
	}
	for _, cn := range rm.seq("sources") {
		cm := d.mapping(cn, rm.what+": source")
		c := model.PressReport{Site: cleanText(cm.reqStr("site", "example.vn")), Title: cleanText(cm.reqStr("title", "the report's title"))}
		c.Date, c.HasDate = cm.date("date")
		cm.end()
		r.Sources = append(r.Sources, c)
	}
	if len(r.Sources) == 0 {
		rm.missing("sources", "[{site: example.vn, title: ..., date: 2025-08-15}]")
	}
	rm.end()
	return r
}

func pillar(d *decoder, n *yaml.Node, group bool) *model.Pillar {
	m := d.mapping(n, "pillar")
	p := &model.Pillar{Pos: d.pos(n), ID: m.id("id"), IsGroup: group}
	m.what = fmt.Sprintf("pillar %q", p.ID)
	p.Key = m.str("key")
	p.Name = m.text("name", true)
	p.Blueprint = m.text("blueprint", false)
	m.end()
	return p
}

func (l *loader) provinces() []*model.Province {
	var out []*model.Province
	l.list("provinces.yaml", func(d *decoder, n *yaml.Node) {
		m := d.mapping(n, "province")
		p := &model.Province{Pos: d.pos(n), ID: m.id("id"), Agencies: map[string]model.Text{}}
		m.what = fmt.Sprintf("province %q", p.ID)
		p.Kind = word(m, "kind", "kind", model.ProvinceKinds())
		p.Name = m.text("name", true)
		if an := m.value("agencies"); an != nil {
			am := d.mapping(an, m.what+": agencies")
			for _, k := range am.order {
				am.used[k] = true
				p.Agencies[k] = d.text(am.vals[k], fmt.Sprintf("%s: agency %q", m.what, k))
			}
			am.end() // reports a list or mapping written as a key
		}
		for _, cn := range m.seq("changes") {
			p.Changes = append(p.Changes, provinceChange(d, cn, m.what))
		}
		m.end()
		out = append(out, p)
	})
	return out
}

// changeFields are the fields of a province change that say what
// happened, with the kind each gives; a change has exactly one.
var changeFields = []struct {
	field string
	kind  model.ChangeKind
}{
	{"merged_into", model.ChangeMergedInto},
	{"absorbed", model.ChangeAbsorbed},
	{"renamed", model.ChangeRenamed},
	{"upgraded", model.ChangeUpgraded},
}

func provinceChange(d *decoder, n *yaml.Node, what string) *model.ProvinceChange {
	cm := d.mapping(n, what+": change")
	c := &model.ProvinceChange{Pos: d.pos(n)}
	var ok bool
	if c.Date, ok = cm.date("date"); !ok && !cm.has("date") {
		cm.missing("date", "2025-07-01")
	}
	c.MergedInto = cm.str("merged_into")
	c.Absorbed = cm.strs("absorbed")
	c.NewName = cm.text("renamed", false)
	if up := cm.text("upgraded", false); !up.IsZero() {
		c.NewName = up
	}
	var given []string
	for _, f := range changeFields {
		if cm.value(f.field) != nil {
			given = append(given, f.field)
			c.Kind = f.kind
		}
	}
	if len(given) != 1 {
		d.errs.Errorf(d.pos(n), "write one of `merged_into: id`, `absorbed: [ids]`, `renamed: {vi, en}` (the new name) or `upgraded: {vi, en}` (the city's name) per change",
			"%s: a change must say what happened in exactly one field, not %d", cm.what, len(given))
	}
	c.Basis = cm.text("basis", true)
	c.SourceURL = cm.url("source")
	c.Note = cm.text("note", false)
	cm.end()
	return c
}

func (l *loader) agencies() []*model.Agency {
	var out []*model.Agency
	l.list("agencies.yaml", func(d *decoder, n *yaml.Node) {
		m := d.mapping(n, "agency")
		a := &model.Agency{Pos: d.pos(n), ID: m.id("id")}
		m.what = fmt.Sprintf("agency %q", a.ID)
		a.Name = m.text("name", true)
		a.Abbr = m.text("abbr", false)
		for _, v := range m.strs("variants") {
			a.Variants = append(a.Variants, cleanText(v))
		}
		a.Collective = m.bool("collective")
		if sn := m.value("successor"); sn != nil {
			sm := d.mapping(sn, m.what+": successor")
			s := &model.Succession{Pos: d.pos(sn)}
			var ok bool
			if s.Date, ok = sm.date("date"); !ok && !sm.has("date") {
				sm.missing("date", "2025-03-01")
			}
			s.IDs = sm.strs("agencies")
			if len(s.IDs) == 0 {
				sm.missing("agencies", "[agency-id]")
			}
			s.Basis = sm.text("basis", true)
			s.SourceURL = sm.url("source")
			s.Note = sm.text("note", false)
			sm.end()
			a.Successor = s
		}
		if bn := m.value("abolished"); bn != nil {
			bm := d.mapping(bn, m.what+": abolished")
			b := &model.Abolition{Pos: d.pos(bn)}
			var ok bool
			if b.Date, ok = bm.date("date"); !ok && !bm.has("date") {
				bm.missing("date", "2025-07-01")
			}
			b.Basis = bm.text("basis", true)
			b.SourceURL = bm.url("source")
			b.Note = bm.text("note", false)
			bm.end()
			a.Abolished = b
		}
		m.end()
		out = append(out, a)
	})
	return out
}

func (l *loader) themes() []*model.Theme {
	var out []*model.Theme
	l.list("themes.yaml", func(d *decoder, n *yaml.Node) {
		m := d.mapping(n, "theme")
		t := &model.Theme{Pos: d.pos(n), ID: m.id("id")}
		m.what = fmt.Sprintf("theme %q", t.ID)
		t.Name = m.text("name", true)
		m.end()
		out = append(out, t)
	})
	return out
}

func (l *loader) glossary() []*model.Term {
	var out []*model.Term
	l.list("glossary.yaml", func(d *decoder, n *yaml.Node) {
		m := d.mapping(n, "glossary term")
		t := &model.Term{Pos: d.pos(n), VI: cleanText(m.reqStr("vi", "...")), EN: cleanText(m.reqStr("en", "..."))}
		for _, v := range m.strs("avoid") {
			t.Avoid = append(t.Avoid, cleanText(v))
		}
		t.Note = m.text("note", false)
		for _, sn := range m.seq("senses") {
			t.Senses = append(t.Senses, sense(d, sn, t.VI))
		}
		m.end()
		out = append(out, t)
	})
	return out
}

// sense reads a rendering of glossary term vi in one context, with the
// items ("plan-id/item-id") that use the term in that sense.
func sense(d *decoder, n *yaml.Node, vi string) *model.Sense {
	m := d.mapping(n, fmt.Sprintf("glossary term %q: sense", vi))
	s := &model.Sense{Pos: d.pos(n), EN: cleanText(m.reqStr("en", "..."))}
	s.When = m.editors("when")
	if s.When.VI == "" && !m.has("when") {
		m.missing("when", "{vi: ..., en: ..., editorial: true}")
	}
	for _, r := range m.refs("items") {
		plan, item, ok := strings.Cut(r.ID, "/")
		if !ok || !ValidID(plan) || !ValidID(item) {
			d.errs.Errorf(r.Pos, "write the plan's id and the item's id joined by a slash, like da-nang-3881-2021/ii-3-a-1-2", "%s: %q does not name an item", m.what, r.ID)
			continue
		}
		s.Items = append(s.Items, model.ItemRef{Pos: r.Pos, Plan: plan, ItemID: item})
	}
	if len(s.Items) == 0 && !m.has("items") {
		m.missing("items", "[plan-id/item-id]")
	}
	m.end()
	return s
}

// texts reads the text files of dir: the source documents, or the
// reports that updates quote.
func (l *loader) texts(dir string) map[string]*model.Source {
	// a national site's documents are megabytes to normalise and check,
	// so they are read on every core, as plans are
	names := l.glob(dir, ".txt")
	texts := make([][]byte, len(names))
	read := make([]bool, len(names))
	problems := make([]*diag.List, len(names))
	parallel.For(len(names), func(i int) {
		one := &loader{fsys: l.fsys, errs: &diag.List{}}
		texts[i], read[i] = one.read(names[i], false)
		problems[i] = one.errs
	})
	out := map[string]*model.Source{}
	for i, name := range names {
		l.errs.Add(problems[i])
		if read[i] {
			file := path.Base(name)
			out[file] = &model.Source{File: file, Text: string(texts[i])}
		}
	}
	return out
}

// glob lists the files in dir with the given extension, sorted.
func (l *loader) glob(dir, ext string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		switch li, lerr := fs.Lstat(l.fsys, dir); {
		case errors.Is(err, fs.ErrNotExist) && (lerr != nil || li.Mode()&fs.ModeSymlink == 0):
		case lerr == nil && li.Mode()&fs.ModeSymlink != 0:
			target, _ := fs.ReadLink(l.fsys, dir)
			l.errs.Errorf(diag.Pos{File: dir}, "move the directory itself into the content directory, in place of the link",
				"directory is a symbolic link to %q, which leads outside the content directory or to nothing", target)
		default:
			l.errs.Errorf(diag.Pos{File: dir}, "make it a directory the build can read", "cannot read directory: %v", cleanFSError(err))
		}
		return nil
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.IsDir() {
			l.errs.Warnf(diag.Pos{File: path.Join(dir, e.Name())}, "move it out of "+dir+"/, which holds files only", "directory is ignored")
			continue
		}
		if !strings.HasSuffix(e.Name(), ext) {
			l.errs.Warnf(diag.Pos{File: path.Join(dir, e.Name())}, "rename it to end in "+ext+" or move it out of "+dir+"/", "file is ignored")
			continue
		}
		out = append(out, path.Join(dir, e.Name()))
	}
	sort.Strings(out)
	return out
}

func (l *loader) pages() []*model.Page {
	var out []*model.Page
	for _, f := range l.markdown("pages") {
		p := &model.Page{Pos: f.pos, Name: f.name, Lang: f.lang, Body: f.body, BodyLine: f.bodyLine}
		p.Title = cleanText(f.front.reqStr("title", "Page title"))
		if f.front.has("list") {
			p.List = word(f.front, "list", "list", model.PageLists())
		}
		p.Contact = f.front.bool("contact")
		f.front.end()
		out = append(out, p)
	}
	return out
}

func (l *loader) commentary() []*model.Commentary {
	var out []*model.Commentary
	for _, f := range l.markdown("commentary") {
		c := &model.Commentary{Pos: f.pos, Name: f.name, Lang: f.lang, Body: f.body, BodyLine: f.bodyLine}
		m := f.front
		c.Title = cleanText(m.str("title"))
		c.About = model.Subject{Plan: m.str("plan"), Item: m.str("item"), Pillar: m.str("pillar"),
			Agency: m.str("agency"), Theme: m.str("theme"), Province: m.str("province")}
		n := 0
		for _, s := range []string{c.About.Plan, c.About.Pillar, c.About.Agency, c.About.Theme, c.About.Province} {
			if s != "" {
				n++
			}
		}
		switch {
		case c.About.Item != "" && c.About.Plan == "":
			l.errs.Errorf(f.pos, "add `plan: PLAN-ID` beside `item:`", "commentary %q: an item needs its plan", f.name)
		case n != 1:
			l.errs.Errorf(f.pos, "write one of plan (with item for an item), pillar, agency, theme or province", "commentary %q must be about exactly one thing", f.name)
		}
		m.end()
		out = append(out, c)
	}
	return out
}

// PublishedFile is the record of every address the site has published.
const PublishedFile = record.File

// published reads the record of published addresses (package record
// describes it). The file is optional until a site is published. Every
// line that is not an address of a site is reported, all in one run.
func (l *loader) published() []model.PublishedURL {
	b, ok := l.readLines(PublishedFile, true)
	if !ok {
		return nil
	}
	var out []model.PublishedURL
	for _, e := range record.Parse(b).Entries() {
		pos := diag.Pos{File: PublishedFile, Line: e.Line}
		if !validAddress(e.Address) {
			l.errs.Errorf(pos, "write a path below the base URL, like vi/plans/x/iii-1-a/ or data/items.csv, or delete the line",
				"%q is not an address of the site", e.Address)
			continue
		}
		out = append(out, model.PublishedURL{Pos: pos, Path: e.Address})
	}
	return out
}

// mdFile is a Markdown file with its front matter.
type mdFile struct {
	pos      diag.Pos
	name     string
	lang     model.Lang
	front    *mapping
	body     string
	bodyLine int
}

// markdown reads dir/NAME.LANG.md files and their front matter.
func (l *loader) markdown(dir string) []mdFile {
	var out []mdFile
	for _, name := range l.glob(dir, ".md") {
		base := strings.TrimSuffix(path.Base(name), ".md")
		stem, lang, _ := strings.Cut(base, ".")
		if lang != string(model.VI) && lang != string(model.EN) || !ValidID(stem) {
			l.errs.Errorf(diag.Pos{File: name}, "name it NAME.vi.md or NAME.en.md, NAME in a-z0-9-", "file name %q is not NAME.LANG.md", path.Base(name))
			continue
		}
		b, ok := l.read(name, false)
		if !ok {
			continue
		}
		pos := diag.Pos{File: name, Line: 1}
		fm := splitFrontMatter(string(b))
		switch {
		case !fm.opened:
			l.errs.Errorf(pos, "start the file with a `---` line, `title: ...`, and another `---` line", "no front matter")
			continue
		case !fm.closed:
			l.errs.Errorf(pos, "end the front matter with a line of three hyphens, `---`, before the text", "front matter is not closed")
			continue
		}
		top, ok := l.parseYAML(name, []byte(fm.yaml), 1)
		if !ok {
			continue
		}
		if top == nil {
			l.errs.Errorf(pos, "write `title: ...` between the `---` lines", "front matter is empty")
			continue
		}
		l.checkReferences(name, fm.body, fm.bodyLine)
		d := &decoder{file: name, errs: l.errs}
		out = append(out, mdFile{pos: pos, name: stem, lang: model.Lang(lang), body: fm.body, bodyLine: fm.bodyLine,
			front: d.mapping(top, fmt.Sprintf("%s %q", strings.TrimSuffix(dir, "s"), base))})
	}
	return out
}

// frontMatter is a Markdown file split into "---\nyaml\n---\nbody".
type frontMatter struct {
	yaml, body     string
	bodyLine       int  // the line of the file where body starts
	opened, closed bool // the file starts with "---"; a "---" line ends the YAML
}

func splitFrontMatter(s string) frontMatter {
	if !strings.HasPrefix(s, "---\n") {
		return frontMatter{body: s, bodyLine: 1}
	}
	rest := s[4:]
	fm := frontMatter{opened: true}
	switch end := strings.Index(rest, "\n---\n"); {
	case strings.HasPrefix(rest, "---\n") || rest == "---":
		fm.body = strings.TrimPrefix(strings.TrimPrefix(rest, "---"), "\n")
	case end >= 0:
		fm.yaml, fm.body = rest[:end+1], rest[end+5:]
	case strings.HasSuffix(rest, "\n---"):
		fm.yaml = rest[:len(rest)-3]
	default:
		return fm
	}
	fm.closed = true
	fm.bodyLine = 1 + strings.Count(s[:len(s)-len(fm.body)], "\n")
	return fm
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
