// Package opendata writes the site's data for download: one JSON file per
// plan with a JSON Schema beside it, and one CSV of all items.
//
//	data/plans/{plan}.json     a plan, its sections and items, both languages
//	data/plans/plan.schema.json
//	data/items.csv             one row per item, UTF-8 with a byte-order mark
//
// The files are derived from the same resolved model as the pages, so
// they say exactly what the pages say: inherited lead agencies are filled
// in, and URLs are the published paths of the item pages.
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

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
)

//go:embed plan.schema.json
var planSchema []byte

// CSVColumns are the columns of items.csv, in order.
var CSVColumns = []string{"plan", "item", "label", "kind", "pillar", "themes", "lead", "partners",
	"timing", "status", "text_vi", "text_en", "url_vi", "url_en", "province", "province_attributed", "document", "date",
	"source_file", "source_kind", "source_url", "source_retrieved", "source_extent", "source_truncated"}

// Files returns the open data files of site. basePath is the path the
// site is published under ("/" or "/asean/").
func Files(site *model.Site, basePath string) ([]output.File, error) {
	var out []output.File
	for _, p := range site.Plans {
		b, err := json.Marshal(plan(p, basePath))
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
	b, err := itemsCSV(site, basePath)
	if err != nil {
		return nil, err
	}
	out = append(out, output.File{Path: manifest.ItemsCSVPath, Data: b})
	return out, nil
}

// Text is a text in both languages; en is omitted when untranslated.
// Editorial marks a text the editors wrote where the document's words
// are expected (a heading a news report does not print).
type Text struct {
	VI        string `json:"vi"`
	EN        string `json:"en,omitempty"`
	Editorial bool   `json:"editorial,omitempty"`
}

func text(t model.Text) *Text {
	if t.IsZero() {
		return nil
	}
	return &Text{VI: t.VI, EN: t.EN, Editorial: t.Editorial}
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
	Sections    []Section    `json:"sections"`
	URL         URLs         `json:"url"`
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
	Day   int   `json:"day,omitempty"`
	Month int   `json:"month,omitempty"`
	Text  *Text `json:"text"`
}

// Source is where the plan's text comes from; every field but file and
// kind is absent when not known.
type Source struct {
	File      string           `json:"file"`
	Kind      model.SourceKind `json:"kind"`
	URL       string           `json:"url,omitempty"`
	Retrieved string           `json:"retrieved,omitempty"`
	Extent    model.Extent     `json:"extent,omitempty"`
	Truncated *bool            `json:"truncated,omitempty"`
	Note      *Text            `json:"note,omitempty"`
}

func source(p *model.Plan) Source {
	pr := p.Provenance
	out := Source{File: p.SourceFile, Kind: p.SourceKind, URL: pr.URL, Extent: pr.Extent, Truncated: pr.Truncated, Note: text(pr.Note)}
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
	Note     *Text     `json:"note,omitempty"`
	Items    []Item    `json:"items,omitempty"`
	Sections []Section `json:"sections,omitempty"`
}

type Item struct {
	ID       string         `json:"id"`
	Label    string         `json:"label,omitempty"`
	Ordinal  int            `json:"ordinal,omitempty"`
	Kind     model.ItemKind `json:"kind"`
	Text     *Text          `json:"text"`
	Pillar   string         `json:"pillar,omitempty"`
	Lead     []string       `json:"lead,omitempty"`
	Partners []string       `json:"partners,omitempty"`
	Timing   *Timing        `json:"timing,omitempty"`
	Themes   []string       `json:"themes,omitempty"`
	Restates string         `json:"restates,omitempty"`
	Related  []string       `json:"related,omitempty"`
	Status   model.Status   `json:"status"`
	Note     *Text          `json:"note,omitempty"`
	URL      URLs           `json:"url"`
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

func plan(p *model.Plan, basePath string) Plan {
	d := p.Document
	out := Plan{ID: p.ID, Framework: p.FrameworkID, Title: text(p.Title), Funding: text(p.Funding),
		Standing: p.StandingID, Source: source(p),
		URL: urls(basePath, manifest.PlanPath(p)),
		Document: Document{Type: d.Type, Number: d.Number, Issuer: d.IssuerID, IssuedBy: text(d.IssuedBy),
			Signer: d.Signer, SignerRole: text(d.SignerRole), ProposedBy: text(d.ProposedBy), Replaces: text(d.Replaces)}}
	if p.Attribution != nil {
		out.Attribution = &Attribution{Province: p.Attribution.ProvinceID, Editorial: true, Evidence: text(p.Attribution.Evidence)}
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
		out.Reporting = append(out.Reporting, Deadline{Day: r.Day, Month: r.Month, Text: text(r.Text)})
	}
	for _, t := range p.Targets {
		out.Targets = append(out.Targets, Target{ID: t.ID, Item: t.ItemID, Indicator: text(t.Indicator), Value: t.Value, Unit: t.Unit, Year: t.Year})
	}
	for _, s := range p.Sections {
		out.Sections = append(out.Sections, section(s, basePath))
	}
	return out
}

func section(s *model.Section, basePath string) Section {
	out := Section{ID: s.ID, Label: s.Label, Title: text(s.Title), Pillar: s.PillarID, Note: text(s.Note)}
	for _, it := range s.Items {
		out.Items = append(out.Items, item(it, basePath))
	}
	for _, c := range s.Sections {
		out.Sections = append(out.Sections, section(c, basePath))
	}
	return out
}

func item(it *model.Item, basePath string) Item {
	out := Item{ID: it.ID, Label: it.Label, Ordinal: it.Ordinal, Kind: it.Kind, Text: text(it.Text),
		Lead: agencyIDs(it.Lead), Partners: agencyIDs(it.Partners), Status: it.Status, Note: text(it.Note),
		Themes:  ids(it.Themes, func(t *model.Theme) string { return t.ID }),
		Related: ids(it.RelatedItems, func(i *model.Item) string { return i.ID }),
		URL:     urls(basePath, manifest.ItemPath(it))}
	if it.Pillar != nil {
		out.Pillar = it.Pillar.ID
	}
	if it.RestatesItem != nil {
		out.Restates = it.RestatesItem.ID
	}
	if t := it.Timing; t != nil {
		out.Timing = &Timing{Kind: t.Kind, From: t.From, To: t.To, Text: text(t.Text)}
		if !t.By.IsZero() {
			out.Timing.By, out.Timing.Precision = t.By.String(), t.By.Precision()
		}
		if !t.Date.IsZero() {
			out.Timing.Date = t.Date.Format("2006-01-02")
		}
	}
	return out
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
func itemsCSV(site *model.Site, basePath string) ([]byte, error) {
	var buf bytes.Buffer
	// A national site's file is tens of megabytes; grown by doubling, it
	// was copied and faulted in several times over.
	// The room is counted from the fields that vary most: 1.1 times the
	// file on the real and national sites. Short of room at the end, it
	// was copied into twice its size.
	size := 1 << 10
	for _, p := range site.Plans {
		src := source(p)
		row := 256 + len(p.ID) + len(p.Document.Number) + len(src.File) + len(src.URL) + len(src.Retrieved) + 2*len(basePath)
		for _, it := range p.Items {
			size += row + len(it.Text.VI) + len(it.Text.EN) + 2*len(manifest.ItemPath(it))
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
		for _, it := range p.Items {
			pillar, timing := "", ""
			if it.Pillar != nil {
				pillar = it.Pillar.ID
			}
			if it.Timing != nil {
				timing = string(it.Timing.Kind)
				if !it.Timing.By.IsZero() {
					timing += " by " + it.Timing.By.String()
				}
				if it.Timing.Text.VI != "" {
					timing += ": " + it.Timing.Text.VI
				}
			}
			u := urls(basePath, manifest.ItemPath(it))
			row := []string{p.ID, it.ID, it.Label, string(it.Kind), pillar,
				strings.Join(ids(it.Themes, func(t *model.Theme) string { return t.ID }), ";"),
				strings.Join(agencyIDs(it.Lead), ";"), strings.Join(agencyIDs(it.Partners), ";"),
				timing, string(it.Status), it.Text.VI, it.Text.EN, u.VI, u.EN, province, attributed, p.Document.Number, date,
				src.File, string(src.Kind), src.URL, src.Retrieved, string(src.Extent), truncated}
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
