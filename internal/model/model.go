// Package model defines the domain of sitegen: frameworks and their
// pillars, provinces, agency types, themes, plans with their section tree
// and items, and standalone pages.
//
// Values are created by package load, which records where each one was
// written (Pos), and completed by package resolve, which fills the
// resolved references (the fields documented as "set by resolve").
// After resolve, a Site is read-only.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"sitegen/internal/diag"
)

// Lang is a site language.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Langs lists the site languages in display order. Vietnamese, the
// language of the sources, comes first and is the default.
var Langs = []Lang{VI, EN}

// Other returns the other language of the site.
func (l Lang) Other() Lang {
	if l == VI {
		return EN
	}
	return VI
}

// Text is a text in both languages. En may be empty when no translation
// exists yet.
//
// A Vietnamese text of a plan is the document's own words unless
// Editorial is set: resolve checks that it occurs in the source, so that
// a page never presents the editors' words as the document's. Editorial
// marks a text the editors wrote (a heading lifted from a news report, a
// summary); pages show it with the editorial marking. Notes, short titles,
// attributions and commentary are the editors' by nature and need no mark.
type Text struct {
	VI string
	EN string
	// Editorial marks a text the editors wrote (see above).
	Editorial bool
	// Pos is where the text is written, for problems.
	Pos diag.Pos
	// ENOf is the Fingerprint of the Vietnamese the English was translated
	// from (the `en_of` field); empty when it was not recorded.
	ENOf string
}

// Fingerprint identifies a Vietnamese text: the first 8 hexadecimal
// digits of the SHA-256 of its NFC form with white space collapsed, so
// that re-wrapping lines or typing decomposed accents does not change it.
// 32 bits are enough: it only has to tell one version of a text from the
// next.
func Fingerprint(vi string) string {
	s := strings.Join(strings.Fields(norm.NFC.String(vi)), " ")
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// ValidFingerprint reports whether s has the shape of a Fingerprint.
func ValidFingerprint(s string) bool {
	if len(s) != 8 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// Outdated reports whether the English was translated from another
// Vietnamese text than the current one: the Vietnamese changed since, so
// pages say the translation may be out of date. A text whose fingerprint
// was never recorded is not outdated.
func (t Text) Outdated() bool {
	return t.EN != "" && t.ENOf != "" && t.ENOf != Fingerprint(t.VI)
}

// In returns the text in lang, and whether it exists in that language.
// A missing English text falls back to the Vietnamese.
func (t Text) In(l Lang) (string, bool) {
	if l == EN {
		if t.EN == "" {
			return t.VI, false
		}
		return t.EN, true
	}
	return t.VI, true
}

// Get returns the text in lang, falling back to Vietnamese.
func (t Text) Get(l Lang) string {
	s, _ := t.In(l)
	return s
}

// IsZero reports whether neither language has text.
func (t Text) IsZero() bool { return t.VI == "" && t.EN == "" }

// Date is a calendar date without time of day.
type Date struct {
	time.Time
}

// Site is everything the content says.
type Site struct {
	Title       Text
	Description Text
	Publisher   Text
	// URL is the address the site is published at, as written in
	// site.yaml ("https://portal.example.gov.vn/asean/"), or "" when not
	// known; URLPos is where it is written.
	URL    string
	URLPos diag.Pos
	// AsOf is the date the site's information is current to (`as_of`):
	// every page says so, what is due is worked out from it, never from
	// the clock of the machine that builds the site, and no event the
	// data records (a document issued, a text retrieved, an update
	// reported) may follow it. HasAsOf says it is given; AsOfPos is
	// where it is written.
	AsOf    Date
	HasAsOf bool
	AsOfPos diag.Pos
	// Contact is how readers reach the publisher, if site.yaml gives a
	// way: item pages then link to it.
	Contact *Contact
	// Licence is the terms the open data may be reused under, as
	// site.yaml names them; nil when the publisher has named none.
	Licence *Licence

	Frameworks []*Framework
	Provinces  []*Province
	Agencies   []*Agency
	Themes     []*Theme
	Glossary   []*Term
	Plans      []*Plan
	Pages      []*Page
	Commentary []*Commentary
	// Published is the record of every address the site has published
	// (published-urls.txt), in file order.
	Published []PublishedURL
	// Moved and Withdrawn (redirects.yaml) keep published addresses
	// other than items' alive: plans, sections, pages, data files.
	Moved     []*AddressMove
	Withdrawn []*AddressWithdrawal
	Sources   map[string]*Source // by file name in content/sources
	// Reports are the texts of progress reports kept in content/reports,
	// by file name: updates quote them, and resolve checks each quote.
	Reports map[string]*Source
}

// Contact is the publisher's way to be reached: an e-mail address or the
// address of a form. Form holds "{citation}" where the form takes the
// citation of the item a reader writes about.
type Contact struct {
	Pos   diag.Pos
	Email string
	Form  string
}

// Licence names the terms of reuse of the site's open data: the Open
// data page shows it, and every data file carries it.
type Licence struct {
	Pos  diag.Pos
	Name Text   // "Creative Commons Attribution 4.0"
	URL  string // where its text is published
}

// PublishedURL is one line of the record of published addresses: a path
// below the base URL, such as "vi/plans/x/iii-1-a/".
type PublishedURL struct {
	Pos  diag.Pos
	Path string
}

// AddressMove records that a published page or open data file moved to
// another address of the site; its old address sends readers on. Paths
// are written without the language ("plans/x/", "data/plans/x.json"):
// a page's entry covers both languages.
type AddressMove struct {
	Pos   diag.Pos
	From  string
	To    string
	ToPos diag.Pos
	// Below extends the move to every recorded address under From,
	// each to the same place under To (a plan whose id changed).
	Below bool
	Date  Date
	Note  Text
}

// AddressWithdrawal records that a published page or open data file was
// removed; its old address says what it was, when and why.
type AddressWithdrawal struct {
	Pos    diag.Pos
	Path   string
	Below  bool // also every recorded address under Path
	Title  Text // what the page was, optional
	Date   Date
	Reason Text
	See    string // where to look now, optional
	SeePos diag.Pos
}

// Framework is a programme that plans implement.
type Framework struct {
	Pos        diag.Pos
	ID         string
	Name       Text
	Title      Text
	Instrument Text
	Decision   Decision // the decision that approved it, as far as verified
	PeriodFrom int      // 0 when the programme states only its end
	PeriodTo   int
	// Coordinator is the national body that coordinates it.
	Coordinator Text
	// ProposedBy is on whose proposal the decision was issued ("the
	// Minister of Home Affairs").
	ProposedBy Text
	Status     FrameworkStatus // empty when not stated
	Note       Text
	// Reviews are the programme's national reviews, each with its date
	// and the published reports it is known from.
	Reviews []*Review
	// PlansIssued is how many provinces had issued a plan under the
	// programme, of how many, over which years, as a cited source
	// counts them; nil when no source does.
	PlansIssued *PlansIssued
	Pillars     []*Pillar // the programme's goals
	Groups      []*Pillar // cross-cutting parts such as information work
	// Sources are the documents and published reports the programme's
	// facts are taken from; Cites names, for each line of its page
	// (FrameworkLines), the sources it rests on.
	Sources  []*Citation
	Cites    map[string][]Ref
	CitesPos diag.Pos

	Plans []*Plan // set by resolve, in site order
}

// FrameworkLines are the lines of a programme's page that state a fact,
// in the order the page shows them: each must cite its sources.
var FrameworkLines = []string{"name", "title", "decision", "instrument", "period", "proposed-by", "coordinator", "status", "note", "plans-issued", "pillars"}

// Citation is a source of facts that the content does not take from a
// plan's own document: an instrument, or a report by its site, title
// and date, in the editors' words. Plan, when set, names the plan whose
// source text shows it, and pages link to that text.
type Citation struct {
	Pos    diag.Pos
	ID     string
	Text   Text
	PlanID string

	Plan *Plan // set by resolve
}

// Decision is the legal act that approved a framework. Fields that no
// source verifies stay empty.
type Decision struct {
	Number     string
	Date       Date
	HasDate    bool
	DatePos    diag.Pos
	Signer     string
	SignerRole Text
}

// Review is a review of a programme's implementation (a conference, a
// report), known from the published reports it cites.
type Review struct {
	Pos     diag.Pos
	Date    Date
	Title   Text
	Place   Text
	Note    Text
	Sources []PressReport
}

// PlansIssued counts the provinces that had issued a plan under a
// programme: Count of Of, over the years From to To.
type PlansIssued struct {
	Pos       diag.Pos
	Count, Of int
	From, To  int
}

// PressReport names a published report that is not linked: the site
// that published it, its title as printed, and its date.
type PressReport struct {
	Site    string
	Title   string
	Date    Date
	HasDate bool
}

// Pillar is a goal of a framework, or one of its cross-cutting groups.
type Pillar struct {
	Pos       diag.Pos
	ID        string
	Key       string // the letter used by the framework, for goals
	Name      Text
	Blueprint Text // the framework's own wording, if given
	IsGroup   bool

	Framework *Framework // set by resolve
}

// Province is a province or centrally-run city.
type Province struct {
	Pos      diag.Pos
	ID       string
	Kind     ProvinceKind
	Name     Text
	Agencies map[string]Text // own names of agency instances, by type id
	Changes  []*ProvinceChange

	Plans []*Plan // set by resolve, by date
}

// ProvinceChange is an administrative change of a province: exactly one
// of MergedInto, Absorbed and NewName says what happened, and Kind names
// it. Pages show every change with its date and basis in both languages.
type ProvinceChange struct {
	Pos        diag.Pos
	Kind       ChangeKind // merged-into, absorbed, renamed or upgraded
	Date       Date
	MergedInto string
	Absorbed   []string
	NewName    Text   // renamed, upgraded: the name from Date on
	Basis      Text   // the instrument, with its number
	SourceURL  string // where the change was read; optional
	Note       Text

	MergedIntoProvince *Province   // set by resolve
	AbsorbedProvinces  []*Province // set by resolve
}

// Agency is an agency type: a kind of body that every province has.
type Agency struct {
	Pos        diag.Pos
	ID         string
	Name       Text
	Abbr       Text
	Variants   []string
	Collective bool
	Successor  *Succession
	Abolished  *Abolition
}

// Changes returns the agency type's administrative changes, for pages
// that list them: its succession and its abolition, in date order.
func (a *Agency) Changes() []AgencyChange {
	var out []AgencyChange
	if s := a.Successor; s != nil {
		out = append(out, AgencyChange{Kind: ChangeSucceeded, Date: s.Date, Basis: s.Basis, SourceURL: s.SourceURL, Note: s.Note, Successors: s.Agencies})
	}
	if b := a.Abolished; b != nil {
		out = append(out, AgencyChange{Kind: ChangeAbolished, Date: b.Date, Basis: b.Basis, SourceURL: b.SourceURL, Note: b.Note})
	}
	if len(out) == 2 && out[1].Date.Before(out[0].Date.Time) {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

// AgencyChange is one administrative change of an agency type, in the
// same shape whatever its kind.
type AgencyChange struct {
	Kind       ChangeKind // succeeded or abolished
	Date       Date
	Basis      Text
	SourceURL  string
	Note       Text
	Successors []*Agency // succeeded: the agencies that took over
}

// Succession records that an agency type's duties moved elsewhere.
type Succession struct {
	Pos       diag.Pos
	Date      Date
	IDs       []string
	Basis     Text
	SourceURL string // where the change was read; optional
	Note      Text
	Agencies  []*Agency // set by resolve
}

// Abolition records that an agency type ceased to exist, as the district
// level of administration did on 1 July 2025.
type Abolition struct {
	Pos       diag.Pos
	Date      Date
	Basis     Text   // the instrument, with its number
	SourceURL string // where the change was read; optional
	Note      Text
}

// Theme is a cross-cutting topic that tags items.
type Theme struct {
	Pos  diag.Pos
	ID   string
	Name Text
}

// Term is a glossary entry: the one English rendering of a recurring
// Vietnamese term, and the renderings translations must not use for it.
// A term a document uses in more than one sense has, beside EN, the
// rendering of each other sense and the items that use it so.
type Term struct {
	Pos    diag.Pos
	VI     string
	EN     string
	Avoid  []string // renderings replaced by EN; resolve reports them in items
	Note   Text
	Senses []*Sense
}

// Sense is a rendering of a glossary term in one context: where the
// document means something else by the term than the term's usual
// rendering says. When says which sense, in the editors' words; Items
// are the items whose English must use this rendering.
type Sense struct {
	Pos   diag.Pos
	EN    string
	When  Text
	Items []ItemRef
}

// ItemRef names an item of a plan, written "plan-id/item-id".
type ItemRef struct {
	Pos          diag.Pos
	Plan, ItemID string

	Item *Item // set by resolve
}

// Forms returns the Vietnamese forms of the term: "cơ quan chủ trì, đơn
// vị chủ trì" names two.
func (t *Term) Forms() []string {
	var out []string
	for _, f := range strings.Split(t.VI, ", ") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Source is a source document's text as published.
type Source struct {
	File string
	Text string
}

// Provenance says where a plan's source text came from. Every field is
// optional: what is not known is absent, never guessed.
type Provenance struct {
	URL string // the address the text was taken from
	// Copy says that URL is a copy kept by a third party (a legal
	// database), not the register or portal that published the document:
	// pages label it so.
	Copy      bool
	Retrieved Date // when it was taken; zero when not known
	// RetrievedPos is where Retrieved is written.
	RetrievedPos diag.Pos
	Extent       Extent // "" when not known
	// Truncated says whether the stored text was cut off before the
	// document's end (or after its start); nil when not known.
	Truncated *bool
	Note      Text // what else is known about the copy, in the editors' words
}

// Omission is a run of lines of a source file left out of the published
// source, with what they were.
type Omission struct {
	Pos      diag.Pos
	From, To int // 1-based, inclusive
	What     Text
}

// IsZero reports whether nothing is known.
func (p Provenance) IsZero() bool {
	return p.URL == "" && !p.Copy && p.Retrieved.IsZero() && p.Extent == "" && p.Truncated == nil && p.Note.IsZero()
}

// Plan is one provincial plan.
type Plan struct {
	Pos         diag.Pos
	File        string
	ID          string
	ProvinceID  string
	FrameworkID string
	Title       Text
	ShortTitle  Text
	Document    Document
	PeriodFrom  int
	PeriodTo    int
	StandingID  string
	StandingPos diag.Pos
	Reporting   []*Deadline
	Funding     Text
	SourceFile  string
	SourceKind  SourceKind
	SourcePos   diag.Pos
	Provenance  Provenance
	// Omit lists the runs of lines of the source file that are not the
	// document (the heading or properties panel of the web page it was
	// copied from): the published source leaves them out and says so.
	Omit     []*Omission
	Targets  []*Target
	Sections []*Section
	// Attribution is set when the source does not name the province and
	// the editors attribute the plan to one; Province is then that
	// province, and pages say that the attribution is editorial.
	Attribution *Attribution
	// Moved and Withdrawn keep published item addresses alive after a
	// renumbering or a withdrawal.
	Moved     []*Move
	Withdrawn []*Withdrawal
	// Draft marks a plan that sitegen import made and no editor has yet
	// confirmed (`draft: true`): check reads it, the preview shows it,
	// and build does not publish it. Guesses lists the "# guess" comments
	// still in its file, each a reading an editor has to confirm.
	Draft   bool
	Guesses []Guess
	// Searched records where the editors looked for reports on the
	// plan's implementation, and up to when: an item without an update
	// then says that none was found, with that date.
	Searched *Search
	// LastUpdated is when the editors last changed what the site says of
	// the plan, and what they changed; nil when not recorded.
	LastUpdated *Revision

	Province  *Province  // set by resolve
	Framework *Framework // set by resolve
	Standing  *Agency    // set by resolve
	Source    *Source    // set by resolve
	Items     []*Item    // set by resolve: every item in document order
}

// Move records that an item's id changed: the old address redirects.
type Move struct {
	Pos  diag.Pos
	From string
	To   Ref
	Date Date
	Note Text

	Item *Item // set by resolve: the item it moved to
}

// Withdrawal records an item removed from a plan: its old address shows
// what it was, when and why it was withdrawn, and where to look now.
type Withdrawal struct {
	Pos    diag.Pos
	ID     string
	Label  string
	Text   Text
	Date   Date
	Reason Text
	See    Ref

	SeeItem *Item // set by resolve, may be nil
}

// Search is what the editors searched for reports on a plan, and when.
type Search struct {
	Pos   diag.Pos
	Date  Date
	Where Text
}

// Revision is a dated change the editors made to what the site says.
type Revision struct {
	Pos  diag.Pos
	Date Date
	Note Text
}

// Attribution is an editorial attribution of a plan to a province.
type Attribution struct {
	Pos        diag.Pos
	ProvinceID string
	Evidence   Text
}

// Document is the register entry of a plan's document.
type Document struct {
	Type       DocumentType
	TypePos    diag.Pos
	Number     string
	Date       Date
	HasDate    bool
	DatePos    diag.Pos
	Place      string
	IssuerID   string
	IssuerPos  diag.Pos
	Signer     string
	SignerRole Text
	// IssuedBy is the office in whose name the document is issued, as
	// printed, when it is not the issuing body itself: a decision of the
	// Chairman of the People's Committee ("Chủ tịch Ủy ban nhân dân thành
	// phố Đà Nẵng") rather than of the Committee.
	IssuedBy Text
	// ProposedBy is the proposal the document was issued on ("Xét đề nghị
	// của Giám đốc Sở ..."): not a legal basis, so kept apart from Bases.
	ProposedBy Text
	Bases      []Text
	Replaces   Text

	Issuer *Agency // set by resolve
}

// Deadline is a recurring reporting deadline.
type Deadline struct {
	Pos   diag.Pos
	Day   int
	Month int
	Text  Text

	// Item is the item whose text states the deadline, if one does: it
	// says who reports to whom. Set by resolve.
	Item *Item
}

// Target is a quantified target of a plan.
type Target struct {
	Pos       diag.Pos
	ID        string
	ItemID    string
	Indicator Text
	Value     float64
	Unit      Unit
	Year      int

	Item *Item // set by resolve
}

// Section is a node of a plan's outline.
type Section struct {
	Pos        diag.Pos
	ID         string
	Label      string // the printed label, as in the source
	LabelEN    string // the label in English, when it is a word ("Phụ lục")
	Title      Text
	PillarID   string
	PillarPos  diag.Pos
	LeadIDs    []Ref
	PartnerIDs []Ref
	// Note is the editors' note on the whole section, such as how its
	// agencies were read from the source.
	Note     Text
	Items    []*Item
	Sections []*Section
	// SectionsFirst is true when the file lists sections before items;
	// pages show the two lists in the order they are written.
	SectionsFirst bool
	// Timing is when the section's items are done, where the document
	// says it once for the whole section.
	Timing *Timing

	Parent *Section // set by resolve
	Pillar *Pillar  // set by resolve, inherited
	Plan   *Plan    // set by resolve
}

// Ref is a reference to another value by id, with where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// Timing says when an item is done.
type Timing struct {
	Kind TimingKind
	From int
	To   int
	Date Date
	// By is a one-off task's deadline at the precision the source gives
	// it (a year, a quarter, a month or a day); zero when it gives none.
	By   Due
	Text Text
}

// Guess is a "# guess" comment left in a plan file by sitegen import.
type Guess struct {
	Pos  diag.Pos
	Text string // the comment's words after "guess:"
}

// Item is one commitment or statement of a plan.
type Item struct {
	Pos   diag.Pos
	ID    string
	Label string // the printed label; "" when the source prints none
	// LabelEN is the label in English, when it is a word ("Điều 1" is
	// "Article 1").
	LabelEN string
	// Ordinal is the item's position, from 1, among the items of its
	// section that have no printed label; 0 when it has one. Pages cite
	// an unlabelled paragraph by it: "đoạn thứ nhất", "first paragraph".
	// Set by resolve.
	Ordinal int
	Kind    ItemKind
	Text    Text
	// Title is an optional short heading written by the editors (never
	// the source's words), shown as the item page's heading.
	Title      Text
	TextPos    diag.Pos // where the Vietnamese text is written
	PillarID   string   // overrides the section's pillar
	PillarPos  diag.Pos
	LeadIDs    []Ref
	PartnerIDs []Ref
	Timing     *Timing
	ThemeIDs   []Ref
	Restates   Ref
	Related    []Ref
	Note       Text
	Status     Status // from the latest update; StatusNotReported without one
	Updates    []*Update

	Plan     *Plan     // set by resolve
	Section  *Section  // set by resolve
	Pillar   *Pillar   // set by resolve, inherited from sections
	Lead     []*Agency // set by resolve, inherited from sections
	Partners []*Agency // set by resolve, inherited from sections
	// LeadFrom and PartnersFrom are the sections that name the lead and
	// partner agencies an item inherits; nil when the item names its
	// own or has none. Set by resolve.
	LeadFrom     *Section
	PartnersFrom *Section
	Themes       []*Theme // set by resolve
	RestatesItem *Item    // set by resolve
	RestatedBy   []*Item  // set by resolve
	RelatedItems []*Item  // set by resolve
}

// Lent is what the other half of a body task and the appendix row that
// restates it says that the item itself does not: its lead, partners or
// timing, each only where the item has none of its own. Pages and the
// open data show the same lent facts, each marked with where it comes
// from.
type Lent struct {
	Item     *Item // the other half
	Appendix bool  // Item is the appendix row
	Lead     []*Agency
	Partners []*Agency
	Timing   *Timing
}

// Lent returns what the item's twin lends it; nil when the item has no
// twin. The twin of a body task restated by several rows is the first.
func (it *Item) Lent() *Lent {
	var l *Lent
	switch {
	case it.RestatesItem != nil:
		l = &Lent{Item: it.RestatesItem}
	case len(it.RestatedBy) > 0:
		l = &Lent{Item: it.RestatedBy[0], Appendix: true}
	default:
		return nil
	}
	if len(it.Lead) == 0 {
		l.Lead = l.Item.Lead
	}
	if len(it.Partners) == 0 {
		l.Partners = l.Item.Partners
	}
	if it.Timing == nil {
		l.Timing = l.Item.Timing
	}
	return l
}

// Commentary is an editorial text about a plan, item, pillar, agency,
// theme or province, in one language, shown on that value's page.
type Commentary struct {
	Pos   diag.Pos
	Name  string // file name before the language
	Lang  Lang
	Title string
	About Subject
	Body  string // Markdown
	// BodyLine is the line of the file where Body starts.
	BodyLine int
}

// Subject names what a commentary is about: one of its fields is set.
type Subject struct {
	Plan, Item, Pillar, Agency, Theme, Province string
}

// Update is a dated report on an item's implementation. Its kind says
// what its evidence shows: an official report rates the item on the
// status scale; a related event concerns the item but does not show it
// done, and so gives no status.
type Update struct {
	Pos      diag.Pos
	Date     Date
	DatePos  diag.Pos
	Kind     EvidenceKind
	Status   Status // "" for a related event
	Text     Text
	Evidence []Evidence
}

// Evidence is a document that supports an update: a link anyone can
// open and, for a report whose text the site keeps in content/reports,
// the passage it rests on, which resolve finds verbatim in that text.
type Evidence struct {
	URL   string
	Title Text
	// ReportFile names the report's text in content/reports; "" when
	// the site does not keep it.
	ReportFile string
	ReportPos  diag.Pos
	// Quote is the report's own words (VI) and their translation (EN).
	Quote Text

	Report *Source // set by resolve
}

// Page is a standalone Markdown page such as About, in one language.
type Page struct {
	Pos   diag.Pos
	Name  string // file name before the language: "about"
	Lang  Lang
	Title string
	Body  string // Markdown
	// BodyLine is the line of the file where Body starts.
	BodyLine int
	// List names a list the page shows after its text, made from the
	// data so that adding a plan updates it; "" for none.
	List PageList
	// Contact asks for the publisher's contact (site.yaml) after the
	// text: the page says how to reach the publisher only when the
	// content gives a way.
	Contact bool
}

// CitationPlaceholder marks where a contact form's address takes the
// citation of the item a reader writes about.
const CitationPlaceholder = "{citation}"
