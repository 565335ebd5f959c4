package draft

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sitegen/internal/fold"
)

// line is one line of the source with its 1-based number.
type line struct {
	n    int
	text string // trimmed
}

// labelKind is the kind of printed label a paragraph starts with, from
// the outermost (an article or a Roman numeral) to the innermost (+).
type labelKind int

const (
	noLabel labelKind = iota
	article           // Điều 1.
	roman             // I.
	arabic            // 1.
	decimal           // 1.1.
	letter            // a)
	dash              // -, •
	plus              // +
	docPart           // Phần I., PHẦN THỨ NHẤT
	chapter           // Mục 1., Nhiệm vụ 1:
)

// rank orders label kinds: a paragraph closes every open paragraph of
// the same or a lower rank. A Phần holds Roman or numbered parts; a Mục
// or a "Nhiệm vụ N:" sits between a Roman part and its numbered points.
func (k labelKind) rank() int {
	switch k {
	case docPart:
		return 1
	case article, roman:
		return 2
	case chapter:
		return 3
	case arabic:
		return 4
	case decimal:
		return 5
	case letter:
		return 6
	case dash:
		return 7
	case plus:
		return 8
	}
	return 9
}

// block is a paragraph of the source: lines joined with single spaces,
// its label split off, or a table row written with "|".
type block struct {
	line  int
	text  string // the whole paragraph, as printed
	kind  labelKind
	label string   // the printed label: "I", "1", "1.1", "a", "Điều 1"; "" for bullets
	body  string   // the text after the label
	cells []string // a table row
}

var (
	articleRe = lazyRegexp(`^Điều\s+(\d{1,3})\s*[.:]\s*(.*)$`)
	romanRe   = lazyRegexp(`^([IVXL]{1,7})\s*[.)](?:\s+(.*))?$`)
	decimalRe = lazyRegexp(`^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*)$`)
	arabicRe  = lazyRegexp(`^(\d{1,2})[.)]\s+(\S.*)$`)
	letterRe  = lazyRegexp(`^([a-zđ])\)\s*(.*)$`)
	dashRe    = lazyRegexp(`^[-–—•·▪]\s*(\S.*)$`)
	partRe    = lazyRegexp(`^(?:PHẦN|Phần)\s+((?:THỨ|thứ)\s+\p{L}+|[IVXL]{1,5}|\d{1,2})\s*[.:]?\s*(.*)$`)
	chapterRe = lazyRegexp(`^(Mục|MỤC|Nhiệm vụ|NHIỆM VỤ|Chương|CHƯƠNG)\s+(\d{1,2}|[IVXL]{1,5})\s*[.:]\s*(.*)$`)
	plusRe    = lazyRegexp(`^\+\s*(\S.*)$`)
	validRom  = lazyRegexp(`^(L?X{0,3})(IX|IV|V?I{0,3})$`)
)

// parseLabel splits the printed label off a paragraph.
func parseLabel(s string) (labelKind, string, string) {
	if m := articleRe().FindStringSubmatch(s); m != nil {
		return article, "Điều " + m[1], m[2]
	}
	if m := partRe().FindStringSubmatch(s); m != nil && (m[2] == "" || !startsLower(m[2])) {
		return docPart, "Phần " + m[1], m[2]
	}
	if m := chapterRe().FindStringSubmatch(s); m != nil && (m[3] == "" || !startsLower(m[3])) {
		return chapter, titleWord(m[1]) + " " + m[2], m[3]
	}
	if m := romanRe().FindStringSubmatch(s); m != nil && validRom().MatchString(m[1]) && (m[2] == "" || !startsLower(m[2])) {
		return roman, m[1], m[2]
	}
	if m := decimalRe().FindStringSubmatch(s); m != nil {
		return decimal, m[1], m[2]
	}
	if m := arabicRe().FindStringSubmatch(s); m != nil {
		return arabic, m[1], m[2]
	}
	if m := letterRe().FindStringSubmatch(s); m != nil {
		return letter, m[1], m[2]
	}
	if m := plusRe().FindStringSubmatch(s); m != nil {
		return plus, "", m[1]
	}
	if m := dashRe().FindStringSubmatch(s); m != nil {
		return dash, "", m[1]
	}
	return noLabel, "", s
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isUpperLine reports whether s is a line of capitals, as headings are
// printed: two words or more and no lowercase letter.
func isUpperLine(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && len(strings.Fields(s)) >= 2
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with punctuation that closes a
// sentence or a clause.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"”’)*`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// paragraphOpeners start a paragraph wherever they begin a line: legal
// bases, the agency lines of a task list, the recipients and signature.
var paragraphOpeners = []string{
	"Căn cứ ", "Xét đề nghị", "Thực hiện Quyết định", "Cơ quan chủ trì", "Cơ quan phối hợp", "Cơ quan thực hiện",
	"Đơn vị chủ trì", "Đơn vị phối hợp", "Đơn vị thực hiện", "Nơi nhận", "TM.", "TM ", "KT.", "KT ",
	"TL.", "TUQ.", "Q. ", "PHỤ LỤC", "Phụ lục", "CHỦ TỊCH ", "QUYẾT ĐỊNH", "KẾ HOẠCH", "Trên đây",
}

func opensParagraph(s string) bool {
	for _, p := range paragraphOpeners {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// agencyLine reports whether a paragraph names the agencies of the
// tasks around it ("Cơ quan chủ trì: ...").
func agencyLine(s string) bool {
	for _, p := range []string{"Cơ quan chủ trì", "Cơ quan phối hợp", "Cơ quan thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Đơn vị thực hiện"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// attribute is what a line under a task says of it: its lead, its
// partners, who does it ("Đơn vị thực hiện: Sở X (chủ trì), Y"), its
// timing, or something else the plan records (its product, its
// funding). Such a line is no task of its own.
type attribute int

const (
	noAttribute attribute = iota
	attrLead
	attrPartners
	attrPerformers
	attrTiming
	attrOther
)

var attributeRe = lazyRegexp(`^(?:(?:Cơ quan|Đơn vị|Cơ quan, đơn vị)\s+(chủ trì|phối hợp|thực hiện)(?:\s+thực hiện)?|(Chủ trì|Phối hợp)(?:\s+thực hiện)?|(Thời gian|Thời hạn|Tiến độ|Hoàn thành|Thời điểm|Mốc thời gian)(?:\s+[\p{Ll}]+){0,3}|(Sản phẩm|Kết quả|Kinh phí|Nguồn kinh phí|Dự kiến sản phẩm)(?:\s+[\p{Ll}]+){0,3})\s*:\s*(.*)$`)

// secondAttributeRe finds a second attribute on the same line: "Cơ quan
// chủ trì: Sở X; cơ quan phối hợp: Sở Y".
var secondAttributeRe = lazyRegexp(`(?i)[;,.]\s*((?:cơ quan|đơn vị)\s+(?:chủ trì|phối hợp|thực hiện)(?:\s+thực hiện)?|phối hợp|thời gian(?:\s+[\p{Ll}]+){0,3}|thời hạn(?:\s+[\p{Ll}]+){0,3}|sản phẩm|kinh phí)\s*:`)

// attributesOf reads a line that says what a task's attributes are,
// one or several: each attribute with its value.
func attributesOf(s string) (attrs []attribute, values []string) {
	for s != "" {
		attr, v := attributeOf(s)
		if attr == noAttribute {
			break
		}
		next := ""
		if loc := secondAttributeRe().FindStringIndex(v); loc != nil {
			next = strings.TrimSpace(v[loc[0]+1:])
			v = strings.TrimSpace(v[:loc[0]])
			if r, size := utf8.DecodeRuneInString(next); size > 0 {
				next = string(unicode.ToUpper(r)) + next[size:]
			}
		}
		attrs, values = append(attrs, attr), append(values, v)
		s = next
	}
	return attrs, values
}

// attributeOf reads a line that says what a task's attributes are, and
// returns what it says and its value.
func attributeOf(s string) (attribute, string) {
	m := attributeRe().FindStringSubmatch(s)
	if m == nil {
		return noAttribute, ""
	}
	v := strings.TrimSpace(m[5])
	if strings.Trim(v, " .;,") == "" {
		return noAttribute, "" // a heading: "2. Thời gian thực hiện:"
	}
	switch {
	case m[1] == "chủ trì" || m[2] == "Chủ trì":
		return attrLead, v
	case m[1] == "phối hợp" || m[2] == "Phối hợp":
		return attrPartners, v
	case m[1] == "thực hiện":
		return attrPerformers, v
	case m[3] != "":
		return attrTiming, v
	}
	return attrOther, v
}

// normalise makes the text NFC with "\n" line ends and no byte-order
// mark, as the content loader will read the copied source.
func normalise(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return norm.NFC.String(s)
}

// splitLines splits the text into trimmed lines. The bold markers of a
// text converted from a web page ("**trước ngày 15/12**") are dropped:
// they are not the document's words, check rejects them in a plan's
// texts and ignores them in the source, so the draft copies the words
// alone. A line drawn with stars stays, as a rule.
func splitLines(s string) []line {
	raw := strings.Split(s, "\n")
	out := make([]line, len(raw))
	for i, r := range raw {
		t := strings.Join(strings.Fields(r), " ")
		if !isRule(t) && strings.Contains(t, "**") {
			t = strings.Join(strings.Fields(strings.ReplaceAll(t, "**", "")), " ")
		}
		out[i] = line{n: i + 1, text: t}
	}
	return out
}

// isRule reports whether s only draws a line or separates table cells.
func isRule(s string) bool {
	if s == "|" {
		return true
	}
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "-_=*–") == ""
}

// pipeCells splits a table row written "| a | b | c |" into its cells;
// nil when s is not one.
func pipeCells(s string) []string {
	if !strings.HasPrefix(s, "|") || strings.Count(s, "|") < 3 {
		return nil
	}
	parts := strings.Split(strings.Trim(s, "|"), "|")
	cells := make([]string, len(parts))
	for i, p := range parts {
		cells[i] = strings.Join(strings.Fields(p), " ")
	}
	if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
		return []string{} // the |---|---| line under a header
	}
	return cells
}

// layout describes how the source breaks its lines.
type layout struct {
	// perLine is true when every paragraph is one line (copied from a
	// web page); false when paragraphs are wrapped over several lines
	// (copied from a register page that keeps the print layout).
	perLine bool
	// width is the length of a full wrapped line.
	width int
}

func measure(lines []line) layout {
	var lengths []int
	blankAfter, nonBlank := 0, 0
	for i, l := range lines {
		if l.text == "" || l.text == "|" {
			continue
		}
		nonBlank++
		if i+1 < len(lines) && lines[i+1].text == "" {
			blankAfter++
		}
		lengths = append(lengths, utf8.RuneCountInString(l.text))
	}
	lay := layout{perLine: nonBlank > 0 && blankAfter*10 >= nonBlank*4}
	if len(lengths) > 0 {
		sort.Ints(lengths)
		lay.width = lengths[len(lengths)*9/10]
	}
	return lay
}

// paragraphs joins the lines of the source into paragraphs.
// startsAgency reports whether a line starts with an agency's name.
func paragraphs(lines []line, full string, startsAgency func(string) bool) []block {
	lay := measure(lines)
	var out []block
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, newBlock(start, strings.Join(cur, " ")))
			cur = nil
		}
	}
	for i, l := range lines {
		t := l.text
		switch {
		case t == "" || isRule(t):
			flush()
			continue
		case pipeCells(t) != nil:
			flush()
			if cells := pipeCells(t); len(cells) > 0 {
				out = append(out, block{line: l.n, text: t, cells: cells})
			}
			continue
		}
		if len(cur) > 0 && (lay.perLine || breaksBefore(lines[i-1].text, t, cur[0], lay, full, startsAgency) && !openParenthesis(cur, t)) {
			flush()
		}
		if len(cur) == 0 {
			start = l.n
		}
		cur = append(cur, t)
	}
	flush()
	// A paragraph that starts with a lowercase letter continues the long
	// one before it: the source broke it at a page end. (A short one may
	// be a table cell.)
	var merged []block
	for _, b := range out {
		if n := len(merged); n > 0 && b.cells == nil && b.kind == noLabel && startsLower(b.text) &&
			merged[n-1].cells == nil && utf8.RuneCountInString(merged[n-1].text) >= 60 {
			p := newBlock(merged[n-1].line, merged[n-1].text+" "+b.text)
			merged[n-1] = p
			continue
		}
		merged = append(merged, b)
	}
	return merged
}

func newBlock(n int, text string) block {
	k, lab, body := parseLabel(text)
	return block{line: n, text: text, kind: k, label: lab, body: body}
}

// breaksBefore decides, in wrapped text, whether line t starts a new
// paragraph after line prev; first is the paragraph's first line.
func breaksBefore(prev, t, first string, lay layout, full string, startsAgency func(string) bool) bool {
	if k, _, body := parseLabel(t); k != noLabel {
		if (k == dash || k == plus) && !endsSentence(prev) && hyphenInWord(prev, body, full) {
			return false // "Văn hóa\n- Xã hội": a hyphen of the text, not a bullet
		}
		return true
	}
	if opensParagraph(t) {
		return true
	}
	if isUpperLine(prev) && hasLower(t) && startsUpper(t) || hasLower(prev) && isUpperLine(t) {
		return true // a heading in capitals begins or ends
	}
	if agencyLine(first) {
		return false // "Cơ quan phối hợp: ...;" runs to the next label
	}
	if endsSentence(prev) && startsUpper(t) && utf8.RuneCountInString(prev) < lay.width-6 {
		return true // the line before was not filled: its paragraph ended
	}
	// A numbered heading, then its text on the next line: "1. Mục tiêu
	// chung" / "Cộng đồng ...", or a heading that fills its line and the
	// agency that leads it.
	if k, _, _ := parseLabel(first); k != noLabel && k != dash && k != plus && startsUpper(t) && hasLower(t) &&
		!endsSentence(prev) && !endsInFunctionWord(prev) && !strings.Contains(full, lastWord(prev)+" "+firstWord(t)) &&
		(utf8.RuneCountInString(prev) < lay.width-6 || startsAgency(t)) {
		return true
	}
	return false
}

// openParenthesis reports whether the paragraph so far leaves a
// parenthesis open that line t, which has no label, goes on with: "(Văn
// phòng / Ủy ban nhân dân tỉnh chủ trì)" is one remark over two lines.
func openParenthesis(cur []string, t string) bool {
	if k, _, _ := parseLabel(t); k != noLabel {
		return false
	}
	open := 0
	for i, l := range cur {
		if i == 0 {
			_, _, l = parseLabel(l) // the ")" of "a)" opens nothing
		}
		open += strings.Count(l, "(") - strings.Count(l, ")")
	}
	return open > 0
}

// functionWords cannot end a heading: a line ending in one goes on.
var functionWords = map[string]bool{"với": true, "của": true, "và": true, "các": true, "cho": true, "về": true, "tại": true,
	"theo": true, "trong": true, "để": true, "từ": true, "đến": true, "những": true, "là": true, "có": true, "được": true,
	"như": true, "hoặc": true, "cùng": true, "ở": true, "thuộc": true, "nhằm": true, "trên": true, "giữa": true, "hợp": true}

func endsInFunctionWord(s string) bool { return functionWords[strings.ToLower(lastWord(s))] }

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// hyphenInWord reports whether "last - first" (the last word of prev and
// the first word of next) is written on one line elsewhere in the text,
// as in "Văn hóa - Xã hội" or "Lao động - Thương binh".
func hyphenInWord(prev, next, full string) bool {
	if lastWord(prev) == "" || firstWord(next) == "" {
		return false
	}
	return strings.Contains(full, lastWord(prev)+" - "+firstWord(next))
}

// titleWord writes a label's word as a sentence does: "MỤC" is "Mục".
func titleWord(w string) string {
	r := []rune(strings.ToLower(w))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// letterID is a letter label as an id part: đ is written dd.
func letterID(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "đ", "dd")
}

// labelID is the id part of a printed label.
func labelID(k labelKind, label string) string {
	switch k {
	case article:
		return "dieu-" + strings.TrimPrefix(label, "Điều ")
	case roman:
		return strings.ToLower(label)
	case decimal:
		parts := strings.Split(label, ".")
		return parts[len(parts)-1]
	case docPart, chapter:
		// "Phần I" is "phan-i", "Nhiệm vụ 3" is "nhiem-vu-3".
		return strings.ReplaceAll(strings.ToLower(fold.ASCII(label)), " ", "-")
	case letter:
		return letterID(label)
	}
	return label
}

func itoa(n int) string { return strconv.Itoa(n) }

// lazyRegexp compiles expr when first used. Only sitegen import drafts
// plans, and compiling the draft's 35 patterns when the program started
// took 2 ms of every other command too.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
