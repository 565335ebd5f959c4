package render

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// SourceBlock is one block of a source document as published: a heading
// of the document (Level 2 to 4), a paragraph (Level 0), a table, or the
// blocks (Group) an item's passage runs through, anchored p-ITEM for the
// Passage's item. A paragraph's segments are the passages of the plan's
// items (anchored p-ITEM, so that "see it in the full text" lands on the
// passage) and the text between them.
type sourceBlock struct {
	Level    int
	Segments []sourceSegment
	Table    *sourceTable
	Passage  *model.Item
	Group    []sourceBlock
}

// SourceTable is a table of the document: the cells of its heading and
// signature (written between "|" lines), a table written "| a | b |",
// or a table with one cell per paragraph and numbered columns.
type sourceTable struct {
	Head    []sourceRow
	Rows    []sourceRow
	Columns int // the most cells of a row
}

// SourceRow is a row of a table; a row with one cell spanning every
// column (Span) heads a group of rows.
type sourceRow struct {
	Cells []sourceCell
	Span  int
}

// SourceCell is one cell of a table: its paragraphs.
type sourceCell struct {
	Paras [][]sourceSegment
}

// SourceSegment is a run of a paragraph's text: an item's passage (Item
// set) or the text between passages. A passage within one paragraph is
// one segment, which carries its anchor; the segments of one that runs
// across paragraphs are its Parts, and the group of blocks around them
// carries the anchor.
type sourceSegment struct {
	Runs   []sourceRun
	Item   *model.Item
	Anchor bool
	Part   bool
}

// SourceRun is a run of words; Strong where the text file marks them as
// emphasised.
type sourceRun struct {
	Text   string
	Strong bool
}

// sourcePara is a paragraph of a source as it is compared with the
// plan's texts: white space folded and emphasis markers removed, with
// the byte ranges the markers emphasised.
type sourcePara struct {
	text   string
	strong [][2]int
}

// rawPara is a paragraph of the source file before it is placed in the
// document's structure: its lines, and whether a "|" line ends it (the
// end of a table cell).
type rawPara struct {
	lines   []string
	cellEnd bool
	pipe    []string // the cells of a "| a | b |" row
	pipeSep bool     // a "|---|---|" line under a table's heading
}

// The printed labels that begin a paragraph of a document (the import
// reads the same ones, in package draft).
var (
	romanLabel   = regexp.MustCompile(`^[IVXL]{1,7}\s*[.)]\s+(\S?)`)
	articleLabel = regexp.MustCompile(`^Điều\s+\d{1,3}\s*[.:]`)
	decimalLabel = regexp.MustCompile(`^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\S`)
	arabicLabel  = regexp.MustCompile(`^\d{1,2}[.)]\s+\S`)
	letterLabel  = regexp.MustCompile(`^[a-zđ]\)\s`)
	bulletLabel  = regexp.MustCompile(`^[-–—•+]\s*\S`)
	appendixHead = regexp.MustCompile(`^(?:PHỤ LỤC|Phụ lục)`)
	rowNumber    = regexp.MustCompile(`^\d{1,3}\.?$`)
	columnNumber = regexp.MustCompile(`^\((\d{1,2})\)$`)
)

// roman reports whether s begins with a part's Roman numeral: "II.
// MỤC TIÊU", not "XII) về ..." (the end of "(khóa XII)" wrapped onto a
// line of its own).
func roman(s string) bool {
	m := romanLabel.FindStringSubmatch(s)
	return m != nil && !startsLower(m[1])
}

// openers begin a paragraph wherever they begin a line: legal bases,
// the agency lines of a task list, the recipients and the signature.
var openers = []string{"Căn cứ ", "Xét đề nghị", "Thực hiện Quyết định", "Cơ quan chủ trì", "Cơ quan phối hợp",
	"Cơ quan thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Đơn vị thực hiện", "Nơi nhận", "TM.", "KT.", "TL.",
	"TUQ.", "QUYẾT ĐỊNH", "KẾ HOẠCH", "CHỦ TỊCH ", "Trên đây"}

// sourceBlocks lays out a plan's source document as the document prints
// it: headings, paragraphs and tables; and marks in it the passage of
// each item of p, across paragraph breaks. Text is compared with white
// space folded and emphasis markers removed, as the verbatim check
// compares it.
func sourceBlocks(p *model.Plan) []sourceBlock {
	blocks, paras := layout(publishedSource(p))
	return anchor(p, blocks, paras)
}

// layout splits a source text into its blocks. Paragraphs are separated
// by blank lines; a text copied with its print layout, wrapped in lines
// and without blank lines (the Đà Nẵng and Kiên Giang sources), starts a
// paragraph at each line that begins with a printed label or an opener
// instead. The blocks hold no segments yet: paras lists every paragraph
// in document order, table cells included, and each block's paragraphs
// are found in it by position.
func layout(text string) ([]layoutBlock, []sourcePara) {
	raws := rawParas(text)
	var blocks []layoutBlock
	var paras []sourcePara
	var last rawPara // the paragraph of the last plain block
	add := func(r rawPara) int {
		paras = append(paras, newPara(strings.Join(r.lines, "\n")))
		return len(paras) - 1
	}
	for i := 0; i < len(raws); {
		if n := cellRun(raws, i); n > 0 {
			blocks = append(blocks, cellTable(raws[i:i+n], add))
			i += n
			continue
		}
		if raws[i].pipe != nil {
			j := i
			for j < len(raws) && raws[j].pipe != nil {
				j++
			}
			blocks = append(blocks, pipeTable(raws[i:j], add))
			i = j
			continue
		}
		if n, cols := numberedTable(raws, i); n > 0 {
			blocks = append(blocks, columnTable(raws[i:i+n], cols, add))
			i += n
			continue
		}
		if n := len(blocks); n > 0 && blocks[n-1].table == nil && continues(last, raws[i]) {
			last.lines = append(last.lines, raws[i].lines...)
			paras[blocks[n-1].para] = newPara(strings.Join(last.lines, "\n"))
			i++
			continue
		}
		last = raws[i]
		blocks = append(blocks, layoutBlock{para: add(raws[i])})
		i++
	}
	level := 1
	for i := range blocks {
		if blocks[i].table != nil {
			continue
		}
		l := headingLevel(paras[blocks[i].para].text)
		if l > level+1 {
			l = level + 1 // a heading never skips a level
		}
		if l > 0 {
			level = l
		}
		blocks[i].level = l
	}
	return blocks, paras
}

// layoutBlock is a block whose paragraphs are indexes into the list of
// all paragraphs.
type layoutBlock struct {
	level int
	para  int // the paragraph, when table is nil
	table *layoutTable
}

type layoutTable struct {
	head, rows []layoutRow
}

type layoutRow struct {
	cells [][]int // each cell's paragraphs
	span  int
}

// headingLevel says which paragraphs the documents print as headings: a
// part numbered in Roman numerals or an appendix (level 2), and a short
// numbered point without a closing full stop ("1. Mục đích", level 3;
// "2.1. Phát triển con người", level 4). An article of a decision
// ("Điều 2. Quyết định này có hiệu lực ...") is a paragraph.
func headingLevel(s string) int {
	n := utf8.RuneCountInString(s)
	switch {
	case n < 160 && (roman(s) || appendixHead.MatchString(s)):
		return 2
	case n >= 200 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";"):
		return 0
	case decimalLabel.MatchString(s):
		return 4
	case arabicLabel.MatchString(s):
		return 3
	}
	return 0
}

// rawParas splits the text into paragraphs (see layout), keeping the
// "|" lines that end table cells as a mark on the paragraph they end.
func rawParas(text string) []rawPara {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	blank, filled := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank++
		} else {
			filled++
		}
	}
	wrapped := blank*10 < filled // print layout: hardly a blank line
	var out []rawPara
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, rawPara{lines: cur})
			cur = nil
		}
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			continue
		case t == "|":
			flush()
			if n := len(out); n > 0 {
				out[n-1].cellEnd = true
			}
			continue
		case strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 3:
			flush()
			cells := strings.Split(strings.Trim(t, "|"), "|")
			for j := range cells {
				cells[j] = strings.TrimSpace(cells[j])
			}
			sep := strings.Trim(strings.Join(cells, ""), "-: ") == ""
			out = append(out, rawPara{lines: []string{t}, pipe: cells, pipeSep: sep})
			continue
		}
		if wrapped && len(cur) > 0 && opens(cur[len(cur)-1], t, text) {
			flush()
		}
		cur = append(cur, t)
	}
	flush()
	return out
}

// opens reports whether, in a wrapped text, line t begins a paragraph
// after line prev.
func opens(prev, t, text string) bool {
	if isRule(prev) || isRule(t) {
		return true
	}
	for _, o := range openers {
		if strings.HasPrefix(t, o) {
			return true
		}
	}
	if bulletLabel.MatchString(t) {
		// "Sở Lao động\n- Thương binh và Xã hội": a hyphen the text
		// writes elsewhere on one line, not a bullet
		body := strings.TrimSpace(strings.TrimLeft(t, "-–—•+"))
		return !strings.Contains(text, lastWord(prev)+" - "+firstWord(body))
	}
	return roman(t) || articleLabel.MatchString(t) || decimalLabel.MatchString(t) ||
		arabicLabel.MatchString(t) || letterLabel.MatchString(t) || appendixHead.MatchString(t)
}

// isRule reports whether a line only draws a rule, as under the name of
// the issuing body.
func isRule(s string) bool {
	return len(s) >= 3 && strings.Trim(s, "-_=*–") == ""
}

func lastWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[len(f)-1]
	}
	return ""
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// continues reports whether paragraph p goes on the paragraph prev: it
// starts with a small letter and no printed label, and prev is a long
// paragraph. The copy broke a page inside a sentence ("... các giá trị
// văn hóa truyền" / "thống của dân tộc", "... hộ nghèo;" / "đảm bảo
// người dân ..."), and the words are one paragraph of the document.
func continues(prev, p rawPara) bool {
	first := p.lines[0]
	if p.pipe != nil || prev.pipe != nil || prev.cellEnd || !startsLower(first) || letterLabel.MatchString(first) {
		return false
	}
	return utf8.RuneCountInString(strings.Join(prev.lines, " ")) >= 60
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// cellRun returns how many paragraphs from i form a table whose cells
// end with "|" lines (a document's heading: the issuing body and the
// national motto, the number and the place and date; its signature: the
// recipients and the signer); 0 when none starts at i. A cell is the
// paragraphs up to its "|": those since the last "|" when they are few
// and short, else, for the first cell, the list of recipients ("Nơi
// nhận") or the last paragraph.
func cellRun(raws []rawPara, i int) int {
	end := i
	for end < len(raws) && !raws[end].cellEnd && end-i < maxCell {
		end++
	}
	if end == len(raws) || !raws[end].cellEnd {
		return 0
	}
	if !cellLike(raws[i:end+1]) || recipientsAfter(raws[i:end+1]) {
		return 0 // i starts ordinary text; the cell starts later
	}
	n := end + 1 - i
	// further cells follow while each is a paragraph or three ending in
	// "|"; a list of recipients starts another table
	for j := end + 1; j < len(raws); {
		k := j
		for k < len(raws) && !raws[k].cellEnd && k-j < 2 {
			k++
		}
		if k == len(raws) || !raws[k].cellEnd || !cellLike(raws[j:k+1]) || recipients(raws[j]) || recipientsAfter(raws[j:k+1]) {
			break
		}
		n += k + 1 - j
		j = k + 1
	}
	return n
}

// recipients reports whether a paragraph opens the list of recipients
// ("Nơi nhận:"), the first cell of a document's signature.
func recipients(p rawPara) bool { return strings.HasPrefix(p.lines[0], "Nơi nhận") }

// recipientsAfter reports whether a list of recipients starts after the
// first of ps: the cell starts there.
func recipientsAfter(ps []rawPara) bool {
	for _, p := range ps[1:] {
		if recipients(p) {
			return true
		}
	}
	return false
}

// maxCell is the most paragraphs one table cell holds: a list of
// recipients. Looking no further keeps the search linear in the text.
const maxCell = 12

// cellLike reports whether paragraphs can be one table cell: at most
// maxCell, none a long paragraph or a heading of
// the document's body, and the first not a printed point unless it is
// the list of recipients.
func cellLike(ps []rawPara) bool {
	if len(ps) > maxCell {
		return false
	}
	for k, p := range ps {
		s := strings.Join(p.lines, " ")
		if utf8.RuneCountInString(s) > 200 || p.pipe != nil {
			return false
		}
		if k == 0 && !recipients(p) && (roman(s) || articleLabel.MatchString(s) || arabicLabel.MatchString(s)) {
			return false
		}
		if k > 0 && !bulletLabel.MatchString(s) && !isRule(s) && len(ps) > 4 {
			return false // a long cell is a list: its lines after the first are bullets
		}
	}
	return true
}

// cellTable lays out a run of "|"-ended cells: two columns when the run
// has an even number of cells (a heading of two rows, a signature of
// one), else one row.
func cellTable(ps []rawPara, add func(rawPara) int) layoutBlock {
	var cells [][]int
	var cur []int
	for _, p := range ps {
		cur = append(cur, add(p))
		if p.cellEnd {
			cells = append(cells, cur)
			cur = nil
		}
	}
	cols := len(cells)
	if cols%2 == 0 {
		cols = 2
	}
	t := &layoutTable{}
	for i := 0; i < len(cells); i += cols {
		t.rows = append(t.rows, layoutRow{cells: cells[i:min(i+cols, len(cells))]})
	}
	return layoutBlock{table: t}
}

// pipeTable lays out rows written "| a | b |"; the rows above a
// "|---|" line are its heading.
func pipeTable(ps []rawPara, add func(rawPara) int) layoutBlock {
	t := &layoutTable{}
	var rows []layoutRow
	for _, p := range ps {
		if p.pipeSep {
			t.head, rows = rows, nil
			continue
		}
		var row layoutRow
		for _, c := range p.pipe {
			row.cells = append(row.cells, []int{add(rawPara{lines: []string{c}})})
		}
		rows = append(rows, row)
	}
	t.rows = rows
	return layoutBlock{table: t}
}

// numberedTable finds, from i, a table written one cell per paragraph
// whose heading numbers its columns: n headings ("TT", "Nội dung nhiệm
// vụ", …), then "(1)" … "(n)", then rows, each a row number and its
// cells, between the headings of groups of rows (the Thanh Hóa
// appendix). It returns how many paragraphs the table takes and its
// number of columns; 0 when no such table starts at i.
func numberedTable(raws []rawPara, i int) (int, int) {
	for cols := 3; cols <= 9 && i+2*cols <= len(raws); cols++ {
		ok := true
		for k := 0; k < cols && ok; k++ {
			m := columnNumber.FindStringSubmatch(strings.Join(raws[i+cols+k].lines, " "))
			ok = m != nil && m[1] == string(rune('1'+k))
		}
		if !ok {
			continue
		}
		n := 2 * cols
		for j := i + n; j < len(raws); {
			s := strings.Join(raws[j].lines, " ")
			switch {
			case roman(s):
				n++
				j++
			case rowNumber.MatchString(s) && j+cols <= len(raws):
				n += cols
				j += cols
			default:
				return n, cols
			}
		}
		return n, cols
	}
	return 0, 0
}

// columnTable lays out a numbered table found by numberedTable.
func columnTable(ps []rawPara, cols int, add func(rawPara) int) layoutBlock {
	t := &layoutTable{}
	row := func(ps []rawPara) layoutRow {
		var r layoutRow
		for _, p := range ps {
			r.cells = append(r.cells, []int{add(p)})
		}
		return r
	}
	t.head = []layoutRow{row(ps[:cols]), row(ps[cols : 2*cols])}
	for j := 2 * cols; j < len(ps); {
		if roman(strings.Join(ps[j].lines, " ")) {
			r := row(ps[j : j+1])
			r.span = cols
			t.rows = append(t.rows, r)
			j++
			continue
		}
		t.rows = append(t.rows, row(ps[j:j+cols]))
		j += cols
	}
	return layoutBlock{table: t}
}

// newPara folds a paragraph's white space and takes out the emphasis
// markers ("**trước ngày 15/12**") of a text converted from a formatted
// document, remembering what they emphasised. A marker left unclosed
// emphasises nothing.
func newPara(raw string) sourcePara {
	var b strings.Builder
	var strong [][2]int
	on, space := false, false
	start := 0
	for i := 0; i < len(raw); {
		if strings.HasPrefix(raw[i:], "**") {
			if on && b.Len() > start {
				strong = append(strong, [2]int{start, b.Len()})
			}
			on = !on
			if on {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
					space = false
				}
				start = b.Len()
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		i += size
	}
	return sourcePara{text: b.String(), strong: strong}
}

// anchor finds each item's passage in the paragraphs, in document order
// (an item that is not found there is looked for in the whole text, so
// that one out of order is anchored too), and makes each block's
// segments. A passage within one paragraph is one segment, which carries
// its anchor; one that runs across paragraphs (its text has a paragraph
// break) wraps the blocks it runs through, which carry the anchor, and
// its segments in them are its parts.
func anchor(p *model.Plan, blocks []layoutBlock, paras []sourcePara) []sourceBlock {
	a := &anchoring{paras: paras, starts: make([]int, len(paras))}
	var all strings.Builder
	for i, para := range paras {
		if i > 0 {
			all.WriteByte(' ')
		}
		a.starts[i] = all.Len()
		all.WriteString(para.text)
	}
	a.spans = findPassages(p, all.String())
	a.groups = a.passageGroups(blocks)
	var out []sourceBlock
	var wrap *sourceBlock // the group being filled
	for bi, b := range blocks {
		var sb sourceBlock
		if b.table == nil {
			sb = sourceBlock{Level: b.level, Segments: a.segments(b.para)}
		} else {
			sb = sourceBlock{Table: table(b.table, a.segments)}
		}
		for it, g := range a.groups {
			if g.first == bi {
				wrap = &sourceBlock{Passage: it}
			}
		}
		if wrap == nil {
			out = append(out, sb)
			continue
		}
		wrap.Group = append(wrap.Group, sb)
		if a.groups[wrap.Passage].last == bi {
			out = append(out, *wrap)
			wrap = nil
		}
	}
	return out
}

// anchoring is a source's paragraphs, where each starts in their joined
// text, the items' passages found there, and the blocks a passage
// across paragraphs wraps.
type anchoring struct {
	paras  []sourcePara
	starts []int
	spans  []passage
	groups map[*model.Item]blockRange
}

// blockRange is the first and last block a passage wraps.
type blockRange struct{ first, last int }

// paraAt is the paragraph that holds byte i of the joined text.
func (a *anchoring) paraAt(i int) int {
	k, _ := slices.BinarySearch(a.starts, i+1)
	return k - 1
}

// passageGroups finds the passages that run across paragraphs of the
// body (not of a table), each with the blocks it wraps, unless it
// shares a block with another that does.
func (a *anchoring) passageGroups(blocks []layoutBlock) map[*model.Item]blockRange {
	blockOf := map[int]int{}
	for bi, b := range blocks {
		if b.table == nil {
			blockOf[b.para] = bi
		}
	}
	groups := map[*model.Item]blockRange{}
	used := map[int]bool{}
	for _, sp := range a.spans {
		k1, k2 := a.paraAt(sp.from), a.paraAt(sp.to-1)
		if k1 == k2 {
			continue
		}
		b1, ok1 := blockOf[k1]
		b2, ok2 := blockOf[k2]
		if !ok1 || !ok2 || b2-b1 != k2-k1 {
			continue // across table cells: each part is marked alone
		}
		free := true
		for b := b1; b <= b2; b++ {
			free = free && !used[b]
		}
		if !free {
			continue
		}
		for b := b1; b <= b2; b++ {
			used[b] = true
		}
		groups[sp.item] = blockRange{b1, b2}
	}
	return groups
}

// segments cuts paragraph k where passages start and end; a segment in
// a passage carries its item, and its anchor where the passage starts
// and is not wrapped whole.
func (a *anchoring) segments(k int) []sourceSegment {
	para, base := a.paras[k], a.starts[k]
	end := base + len(para.text)
	cuts := []int{base, end}
	for _, sp := range a.spans {
		for _, c := range []int{sp.from, sp.to} {
			if c > base && c < end {
				cuts = append(cuts, c)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []sourceSegment
	for j := 0; j+1 < len(cuts); j++ {
		from, to := cuts[j], cuts[j+1]
		seg := sourceSegment{Runs: runs(para, from-base, to-base)}
		for _, sp := range a.spans {
			if from >= sp.from && to <= sp.to {
				_, grouped := a.groups[sp.item]
				seg.Item, seg.Anchor, seg.Part = sp.item, from == sp.from && !grouped, grouped
			}
		}
		out = append(out, seg)
	}
	return out
}

// passage is where an item's text is in a source's folded text.
type passage struct {
	from, to int
	item     *model.Item
}

// findPassages finds the items' texts in text, each once, none
// overlapping another, in document order.
func findPassages(p *model.Plan, text string) []passage {
	var spans []passage
	free := func(from, to int) bool {
		for _, s := range spans {
			if from < s.to && s.from < to {
				return false
			}
		}
		return true
	}
	taken := 0
	var missed []*model.Item
	for _, it := range p.Items {
		want := fold.Spaces(it.Text.VI)
		if want == "" {
			continue
		}
		if i := strings.Index(text[taken:], want); i >= 0 {
			spans = append(spans, passage{taken + i, taken + i + len(want), it})
			taken += i + len(want)
			continue
		}
		missed = append(missed, it)
	}
	for _, it := range missed {
		want := fold.Spaces(it.Text.VI)
		for from := 0; ; {
			i := strings.Index(text[from:], want)
			if i < 0 {
				break
			}
			if at := from + i; free(at, at+len(want)) {
				spans = append(spans, passage{at, at + len(want), it})
				break
			}
			from += i + 1
		}
	}
	slices.SortFunc(spans, func(a, b passage) int { return a.from - b.from })
	return spans
}

// runs cuts the bytes from, to of a paragraph's text at the edges of
// its emphasis.
func runs(para sourcePara, from, to int) []sourceRun {
	cuts := []int{from, to}
	for _, r := range para.strong {
		for _, c := range r {
			if c > from && c < to {
				cuts = append(cuts, c)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []sourceRun
	for j := 0; j+1 < len(cuts); j++ {
		run := sourceRun{Text: para.text[cuts[j]:cuts[j+1]]}
		for _, r := range para.strong {
			run.Strong = run.Strong || cuts[j] >= r[0] && cuts[j+1] <= r[1]
		}
		out = append(out, run)
	}
	return out
}

// table makes a table's rows of segments.
func table(lt *layoutTable, segments func(int) []sourceSegment) *sourceTable {
	t := &sourceTable{}
	rows := func(rs []layoutRow) []sourceRow {
		var out []sourceRow
		for _, r := range rs {
			row := sourceRow{Span: r.span}
			for _, c := range r.cells {
				var cell sourceCell
				for _, k := range c {
					cell.Paras = append(cell.Paras, segments(k))
				}
				row.Cells = append(row.Cells, cell)
			}
			out = append(out, row)
		}
		return out
	}
	t.Head, t.Rows = rows(lt.head), rows(lt.rows)
	for _, r := range append(slices.Clone(t.Head), t.Rows...) {
		t.Columns = max(t.Columns, len(r.Cells))
	}
	return t
}

// anchored lists the items whose passage the blocks anchor.
func anchored(blocks []sourceBlock) map[*model.Item]bool {
	out := map[*model.Item]bool{}
	mark := func(segs []sourceSegment) {
		for _, s := range segs {
			if s.Anchor {
				out[s.Item] = true
			}
		}
	}
	for _, b := range blocks {
		if b.Passage != nil {
			out[b.Passage] = true
		}
		for it := range anchored(b.Group) {
			out[it] = true
		}
		mark(b.Segments)
		if t := b.Table; t != nil {
			for _, r := range append(slices.Clone(t.Head), t.Rows...) {
				for _, c := range r.Cells {
					for _, para := range c.Paras {
						mark(para)
					}
				}
			}
		}
	}
	return out
}

// publishedSource is the source text without the lines the data marks
// as the copied web page's, each run replaced by a paragraph break.
func publishedSource(p *model.Plan) string {
	if len(p.Omit) == 0 {
		return p.Source.Text
	}
	lines := strings.Split(p.Source.Text, "\n")
	for _, o := range p.Omit {
		for i := o.From - 1; i < o.To && i < len(lines); i++ {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
