// Package draft turns the text of a plan, as copied from a legal
// register page or a portal or as drafted in a .docx file, into a draft
// plan file for the content directory.
//
// Make reads the document's register block (number, type, place and
// date, title, signer, legal bases), its outline from the printed labels
// (I., 1., 1.1., a), -, +, Điều 1.), every item's Vietnamese text exactly
// as printed, the lead and partner agencies the text names, matched
// against the content's agencies, and timing phrases. What it cannot
// find it leaves out; what it guesses it marks with a YAML comment; its
// Report says what it read and what it could not place, with the
// source's line numbers. The draft has no English: a translator adds it.
package draft

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// Input is a plan's source document and the content it must fit.
type Input struct {
	Name string // the document's file name: its extension says its format
	Data []byte
	// Site is the content the draft is made for: its agencies, provinces
	// and frameworks. It may be nil.
	Site *model.Site
	// ID, Province and Framework, when set, are used instead of what
	// Make would read or guess.
	ID, Province, Framework string
}

// Draft is a draft plan file and the source text it was read from.
type Draft struct {
	ID   string
	YAML []byte // the plan file, plans/ID.yaml
	// SourceFile is the name for the source in sources/, and Source its
	// text (for a .docx, the text read from it).
	SourceFile string
	Source     []byte
	Report     Report
	// ProvinceEntry, when the plan's province is not in provinces.yaml,
	// is its entry there, for the editor to paste (the report shows it).
	ProvinceEntry string
}

// Report is what Make read and what it could not.
type Report struct {
	Sections, Items int
	WithLead        int // items with a lead agency, their own or their section's
	Matched         int // agency names matched to agencies.yaml
	Unmatched       []Note
	Unplaced        []Note
	Guesses         int // comments marking a guess in the draft
	Found, Missing  []string
	ProvinceEntry   string // see Draft
}

// Note is a piece of the source, by line.
type Note struct {
	Line int
	Text string
}

type note = Note

// Make reads a plan's document and writes a draft plan file.
func Make(in Input) (*Draft, error) {
	doc, srcName, err := sourceText(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	text := normalise(doc.text)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%q has no text", in.Name)
	}
	if len(text) > maxText {
		return nil, fmt.Errorf("%q has %d MB of text, more than a plan's %d MB: import the plan alone, without what the file holds besides", in.Name, len(text)>>20, maxText>>20)
	}
	d := &drafter{in: in, text: text, lines: splitLines(text), carried: doc.carried}
	d.read()
	d.finish()
	y, err := d.yaml(srcName)
	if err != nil {
		return nil, err
	}
	d.report.Guesses = strings.Count(string(y), "# guess") - strings.Count(string(y), "\"# guess\"")
	d.report.ProvinceEntry = d.provinceEntry
	return &Draft{ID: d.id, YAML: y, SourceFile: srcName, Source: []byte(text), Report: d.report, ProvinceEntry: d.provinceEntry}, nil
}

// maxText bounds the text a draft is made from: a plan is some 100 KB,
// and the work of reading it grows faster than its length.
const maxText = 2 << 20

// sourceText returns the document's text and the name its text gets in
// sources/.
func sourceText(name string, data []byte) (docxDoc, string, error) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(path.Ext(base))
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch ext {
	case ".docx":
		doc, err := docxText(data)
		if err != nil {
			return docxDoc{}, "", fmt.Errorf("reading %q: %w", base, err)
		}
		return doc, stem + ".txt", nil
	case ".doc", ".pdf", ".odt", ".rtf":
		return docxDoc{}, "", fmt.Errorf("%q: %s files cannot be read; save the document as .docx or copy its text into a .txt file", base, ext)
	}
	if !utf8.Valid(data) {
		return docxDoc{}, "", errors.New("the text is not UTF-8: save it as UTF-8 text (or as .docx)")
	}
	if ext != ".txt" {
		base = stem + ".txt"
	}
	return docxDoc{text: string(data)}, base, nil
}

// drafter holds the state of one draft.
type drafter struct {
	in    Input
	text  string
	lines []line
	// carried holds the table cells a .docx merged with the cell above,
	// by line of text: their value is carried down, and said to be.
	carried map[int][]int
	// provinceEntry is the provinces.yaml entry of a province the text
	// names and the content lacks.
	provinceEntry string
	newProvince   string // that province's name
	// nextID is, per id printed twice, the number its next repeat takes
	nextID map[string]int
	reg    register
	bd     *builder
	lx     *lexicon
	id     string
	report Report
}

// read parses the document: the heading, the body's outline, the end
// matter (recipients, signature) and the appendices.
func (d *drafter) read() {
	var provinces []*model.Province
	var frameworks []*model.Framework
	if d.in.Site != nil {
		provinces, frameworks = d.in.Site.Provinces, d.in.Site.Frameworks
	}
	// The province first, from the heading, so that the province's own
	// agency names are known when reading agencies.
	d.readProvince(provinces)
	d.lx = newLexicon(d.in.Site, d.reg.province, d.provinceName(provinces))
	d.bd = newBuilder(d.lx)
	blocks := paragraphs(d.lines, d.text, d.lx.starts)

	d.readFramework(frameworks)
	d.bd.topKind = outlineTop(blocks)
	d.bd.carried = d.carried
	start := d.reg.heading(blocks, d.lx, d.bd.topKind)
	if d.reg.title == "" {
		d.reg.news = true
	}
	if d.reg.province == "" {
		if d.reg.province = findProvince(d.reg.title, provinces); d.reg.province != "" {
			d.reg.provNote = "guess: the province the title names"
		}
	}
	d.readParts(blocks, start)
	// A text without a numbered outline (a news report): each paragraph
	// of it is an item, for the editor to group.
	if len(d.bd.root.children) == 0 {
		d.reg.news = d.reg.number == ""
		d.plainText(blocks)
	}
	d.reg.signature(d.lines)
}

// readProvince takes the province given, or else guesses it from the
// province the heading names.
func (d *drafter) readProvince(provinces []*model.Province) {
	d.reg.province = d.in.Province
	if d.reg.province != "" {
		return
	}
	head := d.text
	if len(head) > 3000 {
		head = head[:3000]
	}
	if d.reg.province = findProvince(head, provinces); d.reg.province != "" {
		d.reg.provNote = "guess: the province the heading names"
		return
	}
	if d.reg.province = findProvince(d.text, provinces); d.reg.province != "" {
		d.reg.provNote = "guess: the province the text names"
		return
	}
	// A province the content does not have yet: the entry to paste
	// into provinces.yaml, with the fields docs/content.md requires.
	if vi, kind := provinceNamed(d.text); vi != "" {
		d.reg.province, d.newProvince = slug(vi), vi
		d.reg.provNote = "guess: the province the text names; it is not in provinces.yaml: paste the entry sitegen import printed"
		d.provinceEntry = provinceEntry(d.reg.province, vi, kind)
	}
}

// readFramework takes the framework given, or else guesses it: the one
// whose founding decision the text cites, or the only one there is.
func (d *drafter) readFramework(frameworks []*model.Framework) {
	d.reg.framework = d.in.Framework
	if d.reg.framework != "" {
		return
	}
	switch id := findFramework(d.text, frameworks); {
	case id != "":
		d.reg.framework, d.reg.fwNote = id, "guess: the text cites the framework's founding decision"
	case len(frameworks) == 1:
		d.reg.framework, d.reg.fwNote = frameworks[0].ID, "guess: the only framework"
	}
}

// part is the part of a document a paragraph belongs to: what a
// paragraph means depends on it (a "-" line is an item in the body and a
// recipient after the signature).
type part int

const (
	inBody         part = iota
	afterSignature      // the recipients and the signature
	attachedPlan        // the plan a decision issues, before its outline
	inAppendix
)

// partReader reads the paragraphs after the heading, one part after
// another.
type partReader struct {
	d      *drafter
	blocks []block
	part   part
	app    *appendixTable // the appendix being read, if any
	apps   int            // appendices started
}

// readParts reads the paragraphs after the heading into the outline: the
// body, then what follows the signature, the plan a decision issues and
// the appendices.
func (d *drafter) readParts(blocks []block, start int) {
	r := &partReader{d: d, blocks: blocks, part: inBody}
	for i := start; i < len(blocks); i++ {
		b := blocks[i]
		if r.startsPart(b) {
			continue
		}
		switch r.part {
		case inBody:
			if i == start && b.text == "QUYẾT ĐỊNH" || b.text == "QUYẾT ĐỊNH:" {
				d.bd.startDecision(b.line)
				continue
			}
			d.bd.add(b)
		case afterSignature:
			i = r.afterSignature(i)
		case attachedPlan:
			if b.kind != noLabel && b.kind != article && b.kind.rank() <= d.bd.topKind.rank() {
				r.part = inBody
				d.bd.reset()
				d.bd.add(b)
			}
		case inAppendix:
			r.appendixParagraph(b)
		}
	}
	if r.app != nil {
		r.app.flush()
	}
}

// startsPart reports whether b starts an appendix or the end matter, and
// if so moves to that part.
func (r *partReader) startsPart(b block) bool {
	t := b.text
	switch {
	case appendixRe().MatchString(t) && b.kind == noLabel && !hasLowerAfter(t, "Phụ lục"):
		r.app = r.d.bd.startAppendix(b, r.apps)
		r.apps++
		r.part = inAppendix
		return true
	case r.part != inAppendix && endMatter(t):
		r.part = afterSignature
		return true
	case r.part == inAppendix && endMatter(t):
		r.app.flush()
		r.part = afterSignature
		return true
	}
	return false
}

// afterSignature reads the paragraph at i after a signature, and returns
// the index of the last paragraph it read.
func (r *partReader) afterSignature(i int) int {
	d, b := r.d, r.blocks[i]
	t := b.text
	if m := typeRe().FindStringSubmatch(t); m != nil && !hasLower(t) && (len(strings.Fields(t)) > 2 || strings.TrimSpace(m[2]) == "") {
		// The plan a decision issues: its title says what the
		// plan is, better than the decision's "Ban hành ...".
		r.part = attachedPlan
		d.bd.reset()
		var next int
		d.reg.title, next = d.reg.titleAt(r.blocks, i)
		d.reg.titleNote = strings.TrimSpace("the title of the plan the decision issues; " + d.reg.titleNote)
		return next - 1
	}
	if b.kind != noLabel && b.kind != dash && b.kind != plus {
		// Numbered text after the signature (recipients are
		// "-" lines): say so rather than lose it.
		d.bd.unplaced = append(d.bd.unplaced, note{b.line, t})
	}
	return i
}

// appendixParagraph reads a paragraph of an appendix: a row of its
// table, text of an appendix that is not a table, or else unplaced.
func (r *partReader) appendixParagraph(b block) {
	switch {
	case r.app.add(b):
	case !r.app.header:
		r.d.bd.add(b) // an appendix of text, not a table
	default:
		r.d.bd.unplaced = append(r.d.bd.unplaced, note{b.line, b.text})
	}
}

// plainText makes one section of the paragraphs of a text that has no
// numbered outline.
func (d *drafter) plainText(blocks []block) {
	sec := &node{section: true, id: "content", parent: d.bd.root}
	d.bd.unplaced = nil
	for i, b := range blocks {
		if relatedLinks(b.text) {
			// "Tin liên quan": the page's links to other articles.
			for _, rest := range blocks[i:] {
				d.bd.unplaced = append(d.bd.unplaced, note{rest.line, rest.text})
			}
			break
		}
		// A report's headline comes before its first paragraph and ends
		// without a full stop.
		headline := len(sec.children) == 0 && !endsSentence(b.text)
		if b.cells != nil || len(strings.Fields(b.text)) < 6 || boilerplate(b.text) || headline || personName(b.text) || quotation(b.text) {
			d.bd.unplaced = append(d.bd.unplaced, note{b.line, b.text})
			continue
		}
		sec.children = append(sec.children, &node{b: b, parent: sec})
	}
	sec.notes = append(sec.notes, "guess: the text has no numbered outline; each paragraph is one item: group them into sections")
	if len(sec.children) > 0 {
		d.bd.root.children = append(d.bd.root.children, sec)
	}
}

// boilerplate reports lines a portal adds around a text: view counts,
// photo captions ("... (Ảnh: Minh Khôi)", "Quang cảnh hội nghị. Ảnh:
// Hữu Nghĩa"), dates of posting, sharing and printing links.
func boilerplate(s string) bool {
	k := fold.Key(s)
	for _, p := range []string{"luot xem", "anh minh hoa", "anh:", "nguon:", "chia se", "in bai", "tai van ban", "cap nhat:", "ngay dang"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return captionRe().MatchString(k) || creditRe().MatchString(k) || postedRe().MatchString(k)
}

var (
	captionRe = lazyRegexp(`\((?:anh|anh minh hoa|nguon anh)(?::| minh hoa)[^()]*\)\.?$`)
	// A caption that ends with the photographer's credit, after the
	// caption's sentence or a dash: "... năm 2026. Ảnh: Hữu Nghĩa",
	// "... - Ảnh: TTXVN". The credit is a name, not a sentence.
	creditRe = lazyRegexp(`(?:[.!?…]|\s[-–—])\s*(?:anh|anh minh hoa|nguon anh|anh tu lieu|nguon)\s*:\s*[^.;:!?]{1,60}\.?$`)
	postedRe = lazyRegexp(`^(?:thu [a-z]+|chu nhat),?\s+\d{1,2}/\d{1,2}/\d{4}`)
	// A speaker and a verb of saying, then the words said in quotation
	// marks; or the words first, and then who said them. The speaker is
	// a person ("Ông X", "Giám đốc Sở Y tế"), not the plan, whose words
	// a report may quote as well ("Kế hoạch nêu rõ: ...").
	saysRe    = lazyRegexp(`(?i)^([^"“”]{3,200}?)\s(?:cho biết|nhấn mạnh|khẳng định|chia sẻ|phát biểu|nói|bày tỏ|cho rằng|nêu rõ|thông tin|yêu cầu|đề nghị)\s*:\s*["“]`)
	saidRe    = lazyRegexp(`(?i)^["“][^"“”]{10,}["”]\s*[,.]?\s*(` + speakers + `)\s`)
	speakerRe = lazyRegexp(`(?i)(?:^|[\s,])(?:` + speakers + `)\s`)
)

// speakers are the words that name a person speaking: an honorific or
// an official's title.
const speakers = `ông|bà|đồng chí|anh|chị|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|bí thư|phó bí thư|trưởng ban|phó trưởng ban|chánh văn phòng|lãnh đạo|đại diện`

// quotation reports a paragraph of a news report that gives the words
// of someone it quotes: `Ông X, Giám đốc Sở Nội vụ cho biết: "..."`.
// What an official says of the plan is no task of it, and the title of
// the speaker does not make the speaker's agency its lead.
func quotation(s string) bool {
	if m := saysRe().FindStringSubmatch(s); m != nil && speakerRe().MatchString(m[1]) {
		return true
	}
	return saidRe().MatchString(s)
}

// relatedLinks reports the heading of a portal's list of links to other
// articles, after which nothing is the report's.
func relatedLinks(s string) bool {
	k := fold.Key(strings.TrimRight(s, ": "))
	return k == "tin lien quan" || k == "bai viet lien quan" || k == "xem them" || k == "tin cung chuyen muc"
}

// endMatter reports the paragraphs that end a document: the recipients,
// the signature, and a register page's own footer.
func endMatter(s string) bool {
	if strings.HasPrefix(s, "Nơi nhận") || s == "HIỆU LỰC VĂN BẢN" || strings.HasPrefix(s, "Tải văn bản") {
		return true
	}
	return signRe().MatchString(s) && !hasLower(s)
}

// outlineTop reads the kind of label that numbers the first level of
// the document's outline from all of its paragraphs, not from the
// first: a part (Phần I), a Roman numeral, or an Arabic number that
// heads parts printed in capitals ("1. MỤC TIÊU"); articles when the
// document is a decision and nothing else; noLabel when the text has
// no outline (a news report).
func outlineTop(blocks []block) labelKind {
	count := map[labelKind]int{}
	upperArabic := 0
	for _, b := range blocks {
		count[b.kind]++
		if b.kind == arabic && isUpperLine(b.body) {
			upperArabic++
		}
	}
	switch {
	case count[docPart] >= 2:
		return docPart
	case count[roman] >= 2:
		return roman
	case upperArabic >= 2:
		return arabic
	case count[article] > 0:
		return article
	case count[chapter] >= 2:
		return chapter
	case count[arabic] >= 3:
		return arabic
	case count[roman] == 1:
		return roman
	}
	return noLabel
}

func hasLowerAfter(s, prefix string) bool {
	return strings.HasPrefix(s, prefix) && hasLower(strings.TrimPrefix(s, prefix))
}

// bodyText is the text after the heading, to write the title in the
// case the body uses.
func bodyText(blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.text)
		b.WriteString("\n")
	}
	return b.String()
}

// Write prints the report for an editor: what was read, what was not,
// with line numbers of file.
func (r Report) Write(w io.Writer, file string) {
	fmt.Fprintf(w, "  outline: %d sections, %d items (%d with a lead agency)\n", r.Sections, r.Items, r.WithLead)
	if len(r.Found) > 0 {
		fmt.Fprintf(w, "  register: %s\n", strings.Join(r.Found, ", "))
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "  not found (left out): %s\n", strings.Join(r.Missing, ", "))
	}
	fmt.Fprintf(w, "  agencies: %d matched, %d unmatched\n", r.Matched, len(r.Unmatched))
	for _, n := range r.Unmatched {
		fmt.Fprintf(w, "    %s:%d: %s\n", file, n.Line, quote(n.Text))
	}
	if len(r.Unplaced) > 0 {
		fmt.Fprintf(w, "  not placed: %d paragraph(s)\n", len(r.Unplaced))
		for _, n := range r.Unplaced {
			fmt.Fprintf(w, "    %s:%d: %s\n", file, n.Line, quote(n.Text))
		}
	}
	fmt.Fprintf(w, "  guesses: %d, marked \"# guess\" in the draft\n", r.Guesses)
	if r.ProvinceEntry != "" {
		fmt.Fprintf(w, "  province: not in provinces.yaml; check this entry and add it there (docs/content.md, provinces.yaml):\n")
		for _, l := range strings.Split(strings.TrimRight(r.ProvinceEntry, "\n"), "\n") {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
}

// quote shortens s for a report line.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 70 {
		s = string([]rune(s)[:67]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// provinceName is the Vietnamese name of the plan's province.
func (d *drafter) provinceName(provinces []*model.Province) string {
	for _, p := range provinces {
		if p.ID == d.reg.province {
			return p.Name.VI
		}
	}
	return d.newProvince
}
