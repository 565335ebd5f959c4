// Package opendata writes the site's data for download: one JSON file per
// plan with a JSON Schema beside it, and one CSV of all items with its
// metadata.
//
//	data/plans/{plan}.json          a plan, its sections and items, both languages
//	data/plans/plan.schema.json
//	data/items.csv                  one row per item, UTF-8 with a byte-order mark
//	data/items.csv-metadata.json    the CSV's columns and terms of reuse (CSV on the Web)
//
// The files are derived from the same resolved model as the pages, so
// they say what the pages say: an item's record carries every fact its
// page shows, and where each comes from (the item, its section, or the
// body task or appendix row that restates it); every text says whether
// it is the document's words or the editors'; the agencies a plan names
// carry their administrative changes, each attached to its agency; and
// URLs are the published paths of the item pages; each item's "by when"
// is written in both languages by the function the pages use
// (render.ByWhenText), with its schedule on the site's as_of date. The
// licence site.yaml names, if any, is in every file.
//
// JSON is written without indentation, so that its size (and the time to
// write it) does not grow with the depth of a plan's outline. A CSV cell
// that begins with =, +, -, @, a tab or a carriage return is prefixed
// with a single quote ('), as the OWASP guidance on CSV injection
// recommends: spreadsheet programs would otherwise run it as a formula.
// A plan data file recorded as moved or withdrawn in redirects.yaml is
// answered by a small JSON notice saying so.
package opendata

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/render"
)

//go:embed plan.schema.json
var planSchema []byte

// CSVColumns are the columns of items.csv, in order. Columns are only
// ever added at the end, so that a reader's program that counts them
// keeps working.
var CSVColumns = []string{"plan", "item", "label", "kind", "pillar", "themes", "lead", "partners",
	"timing", "status", "text_vi", "text_en", "url_vi", "url_en", "province", "province_attributed", "document", "date",
	"source_file", "source_kind", "source_url", "source_retrieved", "source_extent", "source_truncated",
	"title_vi", "title_en", "lead_from", "partners_from", "timing_from", "note_vi", "note_en",
	"restates", "restated_by", "related", "agency_changes", "source_copy",
	"by_when_vi", "by_when_en", "by_when_basis", "schedule", "evidence_kind", "searched", "as_of"}

// Files returns the open data files of site. basePath is the path the
// site is published under ("/" or "/asean/"); locales are the theme's
// interface strings, in which items' "by when" is said as on the pages.
func Files(site *model.Site, basePath string, locales map[model.Lang]*i18n.Locale) ([]output.File, error) {
	var out []output.File
	dt := &data{site: site, base: basePath, locales: locales, places: map[model.Lang]*render.Places{}}
	for l, loc := range locales {
		dt.places[l] = render.NewPlaces(loc)
	}
	for _, p := range site.Plans {
		pl, err := dt.plan(p)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(pl)
		if err != nil {
			return nil, err
		}
		out = append(out, output.File{Path: manifest.PlanDataPath(p), Data: append(b, '\n')})
	}
	notices, err := notices(site, basePath)
	if err != nil {
		return nil, err
	}
	out = append(out, notices...)
	out = append(out, output.File{Path: manifest.PlanSchemaPath, Data: planSchema})
	b, err := dt.itemsCSV()
	if err != nil {
		return nil, err
	}
	out = append(out, output.File{Path: manifest.ItemsCSVPath, Data: b})
	meta, err := csvMetadata(site)
	if err != nil {
		return nil, err
	}
	out = append(out, output.File{Path: manifest.ItemsMetadataPath, Data: meta})
	return out, nil
}

// Text is a text in both languages; en is omitted when untranslated.
// Editorial says whose words the Vietnamese is: false, the document's
// (checked against its source on every build); true, the editors'.
type Text struct {
	VI        string `json:"vi"`
	EN        string `json:"en,omitempty"`
	Editorial bool   `json:"editorial"`
}

func text(t model.Text) *Text {
	if t.IsZero() {
		return nil
	}
	return &Text{VI: t.VI, EN: t.EN, Editorial: t.Editorial}
}

// editors is a text the editors wrote by nature (a note, a title, the
// basis of an administrative change): marked so whatever the data says.
func editors(t model.Text) *Text {
	out := text(t)
	if out != nil {
		out.Editorial = true
	}
	return out
}

// Licence is the terms of reuse that site.yaml names.
type Licence struct {
	Name *Text  `json:"name"`
	URL  string `json:"url"`
}

func licence(site *model.Site) *Licence {
	if site.Licence == nil {
		return nil
	}
	return &Licence{Name: editors(site.Licence.Name), URL: site.Licence.URL}
}

// Plan is the JSON form of a plan. Fields the source does not state are
// omitted, never filled with a guess.
type Plan struct {
	ID          string       `json:"id"`
	Province    string       `json:"province,omitempty"`
	Attribution *Attribution `json:"attribution,omitempty"`
	Framework   string       `json:"framework"`
	Title       *Text        `json:"title"`
	Document    Document     `json:"document"`
	Period      *Period      `json:"period,omitempty"`
	Standing    string       `json:"standing_agency,omitempty"`
	Reporting   []Deadline   `json:"reporting,omitempty"`
	Funding     *Text        `json:"funding,omitempty"`
	Source      Source       `json:"source"`
	Targets     []Target     `json:"targets,omitempty"`
	AsOf        string       `json:"as_of,omitempty"`
	Searched    *Searched    `json:"searched,omitempty"`
	LastUpdated *Revision    `json:"last_updated,omitempty"`
	Sections    []Section    `json:"sections"`
	// Agencies are the agencies the plan names, by id: their names as
	// the plan's province has them, and what became of them since.
	Agencies map[string]Agency `json:"agencies"`
	URL      URLs              `json:"url"`
	Licence  *Licence          `json:"licence,omitempty"`
}

// Searched is where the editors looked for reports on a plan, and up to
// when.
type Searched struct {
	Date  string `json:"date"`
	Where *Text  `json:"where"`
}

// Revision is when the editors last changed what the site says of a
// plan.
type Revision struct {
	Date string `json:"date"`
	Note *Text  `json:"note,omitempty"`
}

type Attribution struct {
	Province  string `json:"province"`
	Editorial bool   `json:"editorial"`
	Evidence  *Text  `json:"evidence"`
}

type Document struct {
	Type       model.DocumentType `json:"type"`
	Number     string             `json:"number,omitempty"`
	Date       string             `json:"date,omitempty"`
	Issuer     string             `json:"issuer,omitempty"`
	IssuedBy   *Text              `json:"issued_by,omitempty"`
	Signer     string             `json:"signer,omitempty"`
	SignerRole *Text              `json:"signer_role,omitempty"`
	ProposedBy *Text              `json:"proposed_by,omitempty"`
	Bases      []*Text            `json:"bases,omitempty"`
	Replaces   *Text              `json:"replaces,omitempty"`
}

type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

type Deadline struct {
	Day   int    `json:"day,omitempty"`
	Month int    `json:"month,omitempty"`
	Item  string `json:"item,omitempty"` // the item that states it
	Text  *Text  `json:"text"`
}

// Source is where the plan's text comes from; every field but file and
// kind is absent when not known.
type Source struct {
	File      string           `json:"file"`
	Kind      model.SourceKind `json:"kind"`
	URL       string           `json:"url,omitempty"`
	Copy      bool             `json:"copy,omitempty"`
	Retrieved string           `json:"retrieved,omitempty"`
	Extent    model.Extent     `json:"extent,omitempty"`
	Truncated *bool            `json:"truncated,omitempty"`
	Note      *Text            `json:"note,omitempty"`
}

func source(p *model.Plan) Source {
	pr := p.Provenance
	out := Source{File: p.SourceFile, Kind: p.SourceKind, URL: pr.URL, Copy: pr.Copy, Extent: pr.Extent, Truncated: pr.Truncated, Note: editors(pr.Note)}
	if !pr.Retrieved.IsZero() {
		out.Retrieved = pr.Retrieved.Format("2006-01-02")
	}
	return out
}

type Target struct {
	ID        string     `json:"id"`
	Item      string     `json:"item,omitempty"`
	Indicator *Text      `json:"indicator"`
	Value     float64    `json:"value"`
	Unit      model.Unit `json:"unit"`
	Year      int        `json:"year,omitempty"`
}

type Section struct {
	ID       string    `json:"id"`
	Label    string    `json:"label,omitempty"`
	Title    *Text     `json:"title,omitempty"`
	Pillar   string    `json:"pillar,omitempty"`
	Lead     []string  `json:"lead,omitempty"`
	Partners []string  `json:"partners,omitempty"`
	Note     *Text     `json:"note,omitempty"`
	Timing   *Timing   `json:"timing,omitempty"`
	Items    []Item    `json:"items,omitempty"`
	Sections []Section `json:"sections,omitempty"`
}

type Item struct {
	ID         string              `json:"id"`
	Label      string              `json:"label,omitempty"`
	Ordinal    int                 `json:"ordinal,omitempty"`
	Kind       model.ItemKind      `json:"kind"`
	Title      *Text               `json:"title,omitempty"`
	Text       *Text               `json:"text"`
	Pillar     string              `json:"pillar,omitempty"`
	Lead       []string            `json:"lead,omitempty"`
	LeadFrom   *From               `json:"lead_from,omitempty"`
	Partners   []string            `json:"partners,omitempty"`
	PartFrom   *From               `json:"partners_from,omitempty"`
	Timing     *Timing             `json:"timing,omitempty"`
	TimingFrom *From               `json:"timing_from,omitempty"`
	Themes     []string            `json:"themes,omitempty"`
	Restates   string              `json:"restates,omitempty"`
	RestatedBy []string            `json:"restated_by,omitempty"`
	Related    []string            `json:"related,omitempty"`
	ByWhen     ByWhen              `json:"by_when"`
	Schedule   model.ScheduleState `json:"schedule"`
	Status     model.Status        `json:"status"`
	Updates    []Update            `json:"updates,omitempty"`
	Note       *Text               `json:"note,omitempty"`
	URL        URLs                `json:"url"`
}

// ByWhen is by when an item is due, as its page says it, and where that
// comes from: the appendix row, body task or section it is taken from.
type ByWhen struct {
	Basis model.ByWhenBasis `json:"basis"`
	From  string            `json:"from,omitempty"`
	Text  *Text             `json:"text"`
}

// From says where a fact of an item's record (lead, partners, timing)
// comes from, as its page says it: "item" (the item itself), "section III.1" (a section that
// names it once for all its items), "appendix I.2" (the appendix row
// that restates the item) or "body III.1.2.b" (the body task an appendix
// row restates). Section and Item give the id of that section or item.
type From struct {
	From    string `json:"from"`
	Section string `json:"section,omitempty"`
	Item    string `json:"item,omitempty"`
}

type Timing struct {
	Kind model.TimingKind `json:"kind"`
	From int              `json:"from,omitempty"`
	To   int              `json:"to,omitempty"`
	Date string           `json:"date,omitempty"`
	// By is a one-off task's deadline as precise as the source gives it
	// ("2021-Q3"), and Precision says how precise that is.
	By        string          `json:"by,omitempty"`
	Precision model.Precision `json:"precision,omitempty"`
	Text      *Text           `json:"text,omitempty"`
}

// Update is a dated update on an item: an official report, with its
// status, or a related event; and the evidence it rests on.
type Update struct {
	Date     string             `json:"date"`
	Kind     model.EvidenceKind `json:"kind"`
	Status   model.Status       `json:"status,omitempty"`
	Text     *Text              `json:"text,omitempty"`
	Evidence []Evidence         `json:"evidence"`
}

// Evidence is a document an update rests on; Report names the report's
// text the site keeps, in which Quote was found word for word.
type Evidence struct {
	URL    string `json:"url"`
	Title  *Text  `json:"title"`
	Report string `json:"report,omitempty"`
	Quote  *Text  `json:"quote,omitempty"`
}

// Agency is an agency a plan names, as its pages name it, with its
// administrative changes in date order.
type Agency struct {
	Name    *Text    `json:"name"`
	Changes []Change `json:"changes,omitempty"`
}

// Change is an administrative change of an agency: its duties moved to
// others (succeeded), or it ceased to exist (abolished).
type Change struct {
	Kind       model.ChangeKind `json:"kind"`
	Date       string           `json:"date"`
	Successors []string         `json:"successors,omitempty"`
	Basis      *Text            `json:"basis"`
	Note       *Text            `json:"note,omitempty"`
	SourceURL  string           `json:"source_url,omitempty"`
}

// URLs are the published paths of a page in each language.
type URLs struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

func urls(basePath, path string) URLs {
	return URLs{VI: basePath + "vi/" + path, EN: basePath + "en/" + path}
}

func ids[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func agencyIDs(as []*model.Agency) []string {
	return ids(as, func(a *model.Agency) string { return a.ID })
}

func itemIDs(its []*model.Item) []string {
	return ids(its, func(i *model.Item) string { return i.ID })
}

// data holds what every file is written from.
type data struct {
	site    *model.Site
	base    string
	locales map[model.Lang]*i18n.Locale
	places  map[model.Lang]*render.Places // where items are, said as on the pages
}

func (dt *data) plan(p *model.Plan) (Plan, error) {
	site, basePath := dt.site, dt.base
	d := p.Document
	out := Plan{ID: p.ID, Framework: p.FrameworkID, Title: text(p.Title), Funding: text(p.Funding),
		Standing: p.StandingID, Source: source(p),
		URL: urls(basePath, manifest.PlanPath(p)), Licence: licence(site),
		Document: Document{Type: d.Type, Number: d.Number, Issuer: d.IssuerID, IssuedBy: text(d.IssuedBy),
			Signer: d.Signer, SignerRole: text(d.SignerRole), ProposedBy: text(d.ProposedBy), Replaces: text(d.Replaces)}}
	if p.Attribution != nil {
		out.Attribution = &Attribution{Province: p.Attribution.ProvinceID, Editorial: true, Evidence: editors(p.Attribution.Evidence)}
	} else {
		out.Province = p.ProvinceID
	}
	if d.HasDate {
		out.Document.Date = d.Date.Format("2006-01-02")
	}
	for _, b := range d.Bases {
		out.Document.Bases = append(out.Document.Bases, text(b))
	}
	if p.PeriodFrom != 0 {
		out.Period = &Period{From: p.PeriodFrom, To: p.PeriodTo}
	}
	for _, r := range p.Reporting {
		dl := Deadline{Day: r.Day, Month: r.Month, Text: text(r.Text)}
		if r.Item != nil {
			dl.Item = r.Item.ID
		}
		out.Reporting = append(out.Reporting, dl)
	}
	if site.HasAsOf {
		out.AsOf = site.AsOf.Format("2006-01-02")
	}
	if s := p.Searched; s != nil {
		out.Searched = &Searched{Date: s.Date.Format("2006-01-02"), Where: editors(s.Where)}
	}
	if u := p.LastUpdated; u != nil {
		out.LastUpdated = &Revision{Date: u.Date.Format("2006-01-02"), Note: editors(u.Note)}
	}
	for _, t := range p.Targets {
		out.Targets = append(out.Targets, Target{ID: t.ID, Item: t.ItemID, Indicator: text(t.Indicator), Value: t.Value, Unit: t.Unit, Year: t.Year})
	}
	named := &agencySet{plan: p, all: map[string]*model.Agency{}, byID: map[string]Agency{}}
	for _, a := range site.Agencies {
		named.all[a.ID] = a
	}
	named.add(p.Standing, d.Issuer)
	for _, s := range p.Sections {
		sec, err := dt.section(s, named)
		if err != nil {
			return Plan{}, err
		}
		out.Sections = append(out.Sections, sec)
	}
	out.Agencies = named.byID
	return out, nil
}

// agencySet gathers the agencies a plan's record names, with the
// agencies their changes name.
type agencySet struct {
	plan *model.Plan
	all  map[string]*model.Agency // the site's agencies, by id
	byID map[string]Agency
}

// refs adds the agencies a section names and returns their ids.
func (s *agencySet) refs(refs []model.Ref) []string {
	var out []string
	for _, r := range refs {
		if a, ok := s.all[r.ID]; ok {
			s.add(a)
			out = append(out, a.ID)
		}
	}
	return out
}

func (s *agencySet) add(as ...*model.Agency) {
	for _, a := range as {
		if a == nil {
			continue
		}
		if _, ok := s.byID[a.ID]; ok {
			continue
		}
		name := a.Name
		if pr := s.plan.Province; pr != nil {
			if own, ok := pr.Agencies[a.ID]; ok {
				name = own
			}
		}
		ag := Agency{Name: editors(name)}
		for _, c := range a.Changes() {
			ag.Changes = append(ag.Changes, Change{Kind: c.Kind, Date: c.Date.Format("2006-01-02"), Successors: agencyIDs(c.Successors),
				Basis: editors(c.Basis), Note: editors(c.Note), SourceURL: c.SourceURL})
		}
		s.byID[a.ID] = ag
		for _, c := range a.Changes() {
			s.add(c.Successors...)
		}
	}
}

func (dt *data) section(s *model.Section, named *agencySet) (Section, error) {
	out := Section{ID: s.ID, Label: s.Label, Title: text(s.Title), Pillar: s.PillarID, Note: editors(s.Note), Timing: timing(s.Timing)}
	out.Lead, out.Partners = named.refs(s.LeadIDs), named.refs(s.PartnerIDs)
	for _, it := range s.Items {
		i, err := dt.item(it, named)
		if err != nil {
			return Section{}, err
		}
		out.Items = append(out.Items, i)
	}
	for _, c := range s.Sections {
		sec, err := dt.section(c, named)
		if err != nil {
			return Section{}, err
		}
		out.Sections = append(out.Sections, sec)
	}
	return out, nil
}

// timing is a timing as the data gives it; nil for none.
func timing(t *model.Timing) *Timing {
	if t == nil {
		return nil
	}
	out := &Timing{Kind: t.Kind, From: t.From, To: t.To, Text: text(t.Text)}
	if !t.By.IsZero() {
		out.By, out.Precision = t.By.String(), t.By.Precision()
	}
	if !t.Date.IsZero() {
		out.Date = t.Date.Format("2006-01-02")
	}
	return out
}

// byWhen says by when it is due in both languages, with the function
// the pages say it with.
func (dt *data) byWhen(it *model.Item) (ByWhen, error) {
	b := it.ByWhen()
	out := ByWhen{Basis: b.Basis}
	switch {
	case b.Item != nil:
		out.From = b.Item.ID
	case b.Section != nil:
		out.From = b.Section.ID
	}
	vi, err := render.ByWhenText(dt.locales[model.VI], it, dt.places[model.VI])
	if err != nil {
		return ByWhen{}, err
	}
	en, err := render.ByWhenText(dt.locales[model.EN], it, dt.places[model.EN])
	if err != nil {
		return ByWhen{}, err
	}
	out.Text = &Text{VI: vi, EN: en, Editorial: true}
	return out, nil
}

// facts are the lead, partners and timing an item's page shows, each
// with where it comes from: the item's own or its section's, else what
// the body task or appendix row that restates it lends (model.Lent).
type facts struct {
	lead, partners         []*model.Agency
	timing                 *model.Timing
	leadFrom, partnersFrom From
	timingFrom             From
}

func itemFacts(it *model.Item) facts {
	f := facts{lead: it.Lead, partners: it.Partners, timing: it.Timing,
		leadFrom: ownOrSection(it.LeadFrom), partnersFrom: ownOrSection(it.PartnersFrom), timingFrom: From{From: "item"}}
	l := it.Lent()
	if l == nil {
		return f
	}
	twin := twinFrom(l)
	if len(l.Lead) > 0 {
		f.lead, f.leadFrom = l.Lead, twin
	}
	if len(l.Partners) > 0 {
		f.partners, f.partnersFrom = l.Partners, twin
	}
	if l.Timing != nil {
		f.timing, f.timingFrom = l.Timing, twin
	}
	return f
}

func ownOrSection(s *model.Section) From {
	if s == nil {
		return From{From: "item"}
	}
	f := From{From: "section", Section: s.ID}
	if l := labelPath(s, ""); l != "" {
		f.From += " " + l
	}
	return f
}

// twinFrom names the other half of a body task and its appendix row:
// "appendix I.2" for the row, "body III.1.2.b" for the task.
func twinFrom(l *model.Lent) From {
	kind := "body"
	if l.Appendix {
		kind = "appendix"
	}
	f := From{From: kind, Item: l.Item.ID}
	label := l.Item.Label
	if label == "" && l.Item.Ordinal > 0 {
		label = fmt.Sprintf("¶%d", l.Item.Ordinal)
	}
	if p := labelPath(l.Item.Section, label); p != "" {
		f.From += " " + p
	}
	return f
}

// labelPath joins the printed labels of the sections down to s and the
// label last: "III.1.2.b". A label that repeats its parent's number
// ("1.2" under "1") replaces it, and an appendix's own name ("Phụ lục",
// which has an English name) is left to the word before the path.
func labelPath(s *model.Section, last string) string {
	var chain []*model.Section
	for ; s != nil; s = s.Parent {
		chain = append([]*model.Section{s}, chain...)
	}
	var parts []string
	for i, sec := range chain {
		l := sec.Label
		switch {
		case l == "", i == 0 && sec.LabelEN != "":
		case len(parts) > 0 && strings.HasPrefix(l, parts[len(parts)-1]+"."):
			parts[len(parts)-1] = l
		default:
			parts = append(parts, l)
		}
	}
	if last != "" {
		parts = append(parts, last)
	}
	return strings.Join(parts, ".")
}

func (dt *data) item(it *model.Item, named *agencySet) (Item, error) {
	basePath := dt.base
	out := Item{ID: it.ID, Label: it.Label, Ordinal: it.Ordinal, Kind: it.Kind, Title: editors(it.Title), Text: text(it.Text),
		Status: it.Status, Note: editors(it.Note),
		Themes:     ids(it.Themes, func(t *model.Theme) string { return t.ID }),
		RestatedBy: itemIDs(it.RestatedBy),
		Related:    itemIDs(it.RelatedItems),
		URL:        urls(basePath, manifest.ItemPath(it))}
	if it.Pillar != nil {
		out.Pillar = it.Pillar.ID
	}
	if it.RestatesItem != nil {
		out.Restates = it.RestatesItem.ID
	}
	f := itemFacts(it)
	if len(f.lead) > 0 {
		out.Lead, out.LeadFrom = agencyIDs(f.lead), &f.leadFrom
		named.add(f.lead...)
	}
	if len(f.partners) > 0 {
		out.Partners, out.PartFrom = agencyIDs(f.partners), &f.partnersFrom
		named.add(f.partners...)
	}
	if t := f.timing; t != nil {
		out.TimingFrom = &f.timingFrom
		out.Timing = timing(t)
	}
	var err error
	if out.ByWhen, err = dt.byWhen(it); err != nil {
		return Item{}, err
	}
	out.Schedule = it.ByWhen().State(dt.site.AsOf)
	for _, u := range it.Updates {
		up := Update{Date: u.Date.Format("2006-01-02"), Kind: u.Kind, Status: u.Status, Text: editors(u.Text)}
		for _, e := range u.Evidence {
			up.Evidence = append(up.Evidence, Evidence{URL: e.URL, Title: editors(e.Title), Report: e.ReportFile, Quote: text(e.Quote)})
		}
		out.Updates = append(out.Updates, up)
	}
	return out, nil
}

// Notice answers the address of a plan data file that moved or was
// withdrawn (redirects.yaml): exactly one of its fields is set.
type Notice struct {
	Moved     *MovedNotice     `json:"moved,omitempty"`
	Withdrawn *WithdrawnNotice `json:"withdrawn,omitempty"`
}

type MovedNotice struct {
	To   string `json:"to"`
	Date string `json:"date"`
	Note *Text  `json:"note,omitempty"`
}

type WithdrawnNotice struct {
	Date   string `json:"date"`
	Title  *Text  `json:"title,omitempty"`
	Reason *Text  `json:"reason"`
	See    *URLs  `json:"see,omitempty"`
}

func notices(site *model.Site, basePath string) ([]output.File, error) {
	var out []output.File
	add := func(path string, n Notice) error {
		b, err := json.Marshal(n)
		out = append(out, output.File{Path: path, Data: append(b, '\n')})
		return err
	}
	for _, mv := range site.Moved {
		if strings.HasPrefix(mv.From, "data/") {
			if err := add(mv.From, Notice{Moved: &MovedNotice{To: basePath + mv.To, Date: mv.Date.Format("2006-01-02"), Note: text(mv.Note)}}); err != nil {
				return nil, err
			}
		}
	}
	for _, w := range site.Withdrawn {
		if !strings.HasPrefix(w.Path, "data/") {
			continue
		}
		n := &WithdrawnNotice{Date: w.Date.Format("2006-01-02"), Title: text(w.Title), Reason: text(w.Reason)}
		switch {
		case strings.HasPrefix(w.See, "data/"):
			n.See = &URLs{VI: basePath + w.See, EN: basePath + w.See}
		case w.See != "":
			u := urls(basePath, w.See)
			n.See = &u
		}
		if err := add(w.Path, Notice{Withdrawn: n}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// neutralise makes a CSV cell safe to open in a spreadsheet program,
// which runs a cell beginning with one of these characters as a formula.
func neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// itemsCSV writes one row per item. The byte-order mark makes spreadsheet
// programs read the file as UTF-8, so Vietnamese shows correctly.
func (dt *data) itemsCSV() ([]byte, error) {
	site, basePath := dt.site, dt.base
	var buf bytes.Buffer
	// A national site's file is tens of megabytes; grown by doubling, it
	// was copied and faulted in several times over.
	// The room is counted from the fields that vary most: 1.1 times the
	// file on the real and national sites. Short of room at the end, it
	// was copied into twice its size.
	size := 1 << 10
	for _, p := range site.Plans {
		src := source(p)
		row := 320 + len(p.ID) + len(p.Document.Number) + len(src.File) + len(src.URL) + len(src.Retrieved) + 2*len(basePath)
		for _, it := range p.Items {
			size += row + len(it.Text.VI) + len(it.Text.EN) + len(it.Title.VI) + len(it.Title.EN) + len(it.Note.VI) + len(it.Note.EN) + 2*len(manifest.ItemPath(it)) + 160
			if it.Timing != nil {
				size += len(it.Timing.Text.VI)
			}
		}
	}
	buf.Grow(size)
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // what spreadsheet programs expect (RFC 4180)
	if err := w.Write(CSVColumns); err != nil {
		return nil, err
	}
	for _, p := range site.Plans {
		// province is what the source names; an editors' attribution
		// goes to its own column so that the two are never confused
		province, attributed := p.ProvinceID, ""
		if p.Attribution != nil {
			province, attributed = "", p.Attribution.ProvinceID
		}
		date := ""
		if p.Document.HasDate {
			date = p.Document.Date.Format("2006-01-02")
		}
		src := source(p)
		truncated := "" // not known
		if src.Truncated != nil {
			truncated = fmt.Sprint(*src.Truncated)
		}
		copied := ""
		if src.URL != "" {
			copied = fmt.Sprint(src.Copy)
		}
		searched, asOf := "", ""
		if p.Searched != nil {
			searched = p.Searched.Date.Format("2006-01-02")
		}
		if site.HasAsOf {
			asOf = site.AsOf.Format("2006-01-02")
		}
		for _, it := range p.Items {
			f := itemFacts(it)
			pillar, timing, timingFrom := "", "", ""
			if it.Pillar != nil {
				pillar = it.Pillar.ID
			}
			if t := f.timing; t != nil {
				timing, timingFrom = string(t.Kind), f.timingFrom.From
				if !t.By.IsZero() {
					timing += " by " + t.By.String()
				}
				if t.Text.VI != "" {
					timing += ": " + t.Text.VI
				}
			}
			leadFrom, partnersFrom := "", ""
			if len(f.lead) > 0 {
				leadFrom = f.leadFrom.From
			}
			if len(f.partners) > 0 {
				partnersFrom = f.partnersFrom.From
			}
			restates := ""
			if it.RestatesItem != nil {
				restates = it.RestatesItem.ID
			}
			u := urls(basePath, manifest.ItemPath(it))
			bw, err := dt.byWhen(it)
			if err != nil {
				return nil, err
			}
			// the kind of the latest update's evidence; "" for none
			evidence := ""
			if n := len(it.Updates); n > 0 {
				evidence = string(it.Updates[n-1].Kind)
			}
			row := []string{p.ID, it.ID, it.Label, string(it.Kind), pillar,
				strings.Join(ids(it.Themes, func(t *model.Theme) string { return t.ID }), ";"),
				strings.Join(agencyIDs(f.lead), ";"), strings.Join(agencyIDs(f.partners), ";"),
				timing, string(it.Status), it.Text.VI, it.Text.EN, u.VI, u.EN, province, attributed, p.Document.Number, date,
				src.File, string(src.Kind), src.URL, src.Retrieved, string(src.Extent), truncated,
				it.Title.VI, it.Title.EN, leadFrom, partnersFrom, timingFrom, it.Note.VI, it.Note.EN,
				restates, strings.Join(itemIDs(it.RestatedBy), ";"), strings.Join(itemIDs(it.RelatedItems), ";"),
				agencyChanges(append(append([]*model.Agency(nil), f.lead...), f.partners...)), copied,
				bw.Text.VI, bw.Text.EN, string(bw.Basis), string(it.ByWhen().State(site.AsOf)), evidence, searched, asOf}
			for i := range row {
				row[i] = neutralise(row[i])
			}
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// agencyChanges writes, for each agency of as that changed, its id and
// what became of it, each change after the agency it concerns:
// "dic: succeeded 2025-03-01 by dost, dcst; district-committees:
// abolished 2025-07-01".
func agencyChanges(as []*model.Agency) string {
	var out []string
	seen := map[*model.Agency]bool{}
	for _, a := range as {
		if seen[a] {
			continue
		}
		seen[a] = true
		for _, c := range a.Changes() {
			s := fmt.Sprintf("%s: %s %s", a.ID, c.Kind, c.Date.Format("2006-01-02"))
			if len(c.Successors) > 0 {
				s += " by " + strings.Join(agencyIDs(c.Successors), ", ")
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}
