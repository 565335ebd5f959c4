package draft

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// register is the document's entry in a legal register, as far as the
// heading, the legal bases and the signature say it.
type register struct {
	docType             model.DocumentType
	typeNote            string
	title, titleNote    string
	number              string
	date, dateNote      string // YYYY-MM-DD
	place               string
	issuer, issuerNote  string
	province, provNote  string
	framework, fwNote   string
	signer, role        string
	bases               []string
	proposedBy          string
	replaces            string
	from, to            int
	periodNote          string
	standing, standNote string
	reporting           []deadline
	funding             string
	news                bool
}

type deadline struct {
	day, month int
	text       string
}

var (
	numberRe   = lazyRegexp(`Số\s*:\s*([0-9]+[^\s,;]*)`)
	placeRe    = lazyRegexp(`([\p{L} ]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	issuedRe   = lazyRegexp(`ban hành (?:ngày|vào ngày)\s+(\d{1,2})/(\d{1,2})/(\d{4})`)
	typeRe     = lazyRegexp(`^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|CHỈ THỊ|ĐỀ ÁN)\b\s*(.*)$`)
	replacesRe = lazyRegexp(`thay thế ((?:Kế hoạch|Quyết định|Chỉ thị|Chương trình)[^.;]*?số \S+ ngày \S+ của [^.;,]+)`)
	periodRe   = lazyRegexp(`giai đoạn\s+(\d{4})\s*-\s*(\d{4})`)
	untilRe    = lazyRegexp(`đến năm (\d{4})`)
	deadlineRe = lazyRegexp(`trước ngày (\d{1,2})(?:/| tháng )(\d{1,2})`)
	signRe     = lazyRegexp(`^(?:(TM|KT|TL|TUQ|Q)\.?(\s+\p{Lu}|$)|(?:PHÓ )?CHỦ TỊCH$|GIÁM ĐỐC$)`)
	docNoRe    = lazyRegexp(`\d+/[\p{Lu}0-9][\p{Lu}0-9-]*`)
)

// docTypes maps the heading that names a document to its type.
var docTypes = map[string]model.DocumentType{"KẾ HOẠCH": model.DocPlan, "CHƯƠNG TRÌNH": model.DocPlan, "QUYẾT ĐỊNH": model.DocDecision, "CHỈ THỊ": model.DocDecision, "ĐỀ ÁN": model.DocPlan}

// heading reads the blocks before the first numbered section: the
// register block, the title and the legal bases. It returns the index of
// the block where the body begins.
func (r *register) heading(blocks []block, lx *lexicon, top labelKind) int {
	var header []string
	defer func() { r.header(strings.Join(header, " | "), lx) }()
	titleDone := false
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		t := b.text
		if b.kind == roman || b.kind == article || b.kind == docPart || top != noLabel && b.kind == top && (titleDone || top != arabic) {
			return i
		}
		if m := typeRe().FindStringSubmatch(t); m != nil && isUpperLine(m[1]+" X") && !hasLower(m[1]) {
			if r.docType != "" && m[2] == "" && m[1] == "QUYẾT ĐỊNH" {
				return i // the line before the articles: "QUYẾT ĐỊNH:"
			}
			if r.docType == "" {
				r.docType = docTypes[m[1]]
			}
			title, j := r.titleAt(blocks, i)
			if !titleDone {
				r.title = title
				titleDone = true
			}
			i = j - 1
			continue
		}
		switch {
		case strings.HasPrefix(t, "Xét đề nghị"):
			// The proposal the document answers, not a legal basis.
			if r.proposedBy == "" {
				r.proposedBy = strings.TrimRight(t, " .;,")
			}
		case strings.HasPrefix(t, "Căn cứ ") || strings.HasPrefix(t, "Thực hiện "):
			if !titleDone || r.docType != "" {
				r.bases = append(r.bases, legalBases(t)...)
			}
		case !titleDone:
			header = append(header, t)
		}
	}
	return len(blocks)
}

// titleAt reads the title that starts at the heading blocks[i] ("KẾ
// HOẠCH ..."): the rest of the heading in capitals and the capital lines
// after it, or the sentence-case line after a bare "KẾ HOẠCH". It returns
// the title and the index of the block after it.
func (r *register) titleAt(blocks []block, i int) (string, int) {
	m := typeRe().FindStringSubmatch(blocks[i].text)
	parts := []string{blocks[i].text}
	j := i + 1
	for ; j < len(blocks) && isUpperLine(blocks[j].text) && !opensParagraph(blocks[j].text) && blocks[j].kind == noLabel; j++ {
		parts = append(parts, blocks[j].text)
	}
	if m != nil && m[2] == "" && j == i+1 && j < len(blocks) && blocks[j].kind == noLabel && hasLower(blocks[j].text) && !opensParagraph(blocks[j].text) {
		r.titleNote = ""
		return blocks[j].text, j + 1
	}
	r.titleNote = "printed in capitals; the case of each word is taken from the body text"
	return sentenceCase(strings.Join(parts, " "), bodyText(blocks[j:])), j
}

// header reads the number, place, date and issuer from the lines above
// the title.
func (r *register) header(h string, lx *lexicon) {
	if m := numberRe().FindStringSubmatch(h); m != nil {
		r.number = strings.TrimRight(m[1], ".")
	}
	if m := placeRe().FindStringSubmatch(h); m != nil {
		r.place = strings.TrimSpace(m[1])
		if d, ok := ymd(m[4], m[3], m[2]); ok {
			r.date = d
		}
	}
	if i := strings.Index(h, "ỦY BAN NHÂN DÂN"); i >= 0 {
		if l := lx.read(h[i:], true); len(l.ids) > 0 {
			r.issuer = l.ids[0]
		}
	}
}

func ymd(y, m, d string) (string, bool) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if yi < 1900 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), true
}

var docWords = []string{"Quyết định", "Công văn", "Nghị định", "Nghị quyết", "Thông tư", "Kế hoạch", "Luật", "Chỉ thị", "Kết luận", "Hướng dẫn", "Văn bản", "Chương trình"}

// legalBases splits a "Căn cứ ..." paragraph into the documents it cites.
func legalBases(t string) []string {
	for _, p := range []string{"Căn cứ ", "Thực hiện "} {
		t = strings.TrimPrefix(t, p)
	}
	if i := strings.Index(t, ";"); i >= 0 {
		t = t[:i]
	}
	// ", UBND tỉnh ban hành ...": the sentence goes on after the bases.
	for _, s := range []string{", UBND", ", Ủy ban nhân dân", ", Chủ tịch", ", Hội đồng nhân dân"} {
		if i := strings.Index(t, s); i >= 0 {
			t = t[:i]
		}
	}
	t = strings.TrimRight(t, " .,")
	var out []string
	for {
		cut := -1
		for _, w := range docWords {
			if i := strings.Index(t, " và "+w+" số"); i >= 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		if cut < 0 {
			break
		}
		out = append(out, strings.TrimSpace(t[:cut]))
		t = strings.TrimSpace(t[cut+len(" và "):])
	}
	if t != "" {
		out = append(out, t)
	}
	return out
}

// signature reads the signer and the capacity in which they sign from the
// lines at the end of the document ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
func (r *register) signature(lines []line) {
	for i, l := range lines {
		if !signRe().MatchString(l.text) || hasLower(l.text) {
			continue
		}
		var role []string
		join := false
		for j := i; j < len(lines) && j < i+12; j++ {
			t := lines[j].text
			switch {
			case t == "" || isRule(t):
				continue
			case !hasLower(t):
				if join && len(role) > 0 {
					role[len(role)-1] += " " + t
				} else {
					role = append(role, t)
				}
				join = len(strings.Fields(t)) == 1 && strings.HasSuffix(t, ".")
				continue
			case personName(t):
				r.signer = t
				r.role = strings.Join(role, " ") // as printed, lines joined: the verbatim check reads it so
			}
			break
		}
		if r.signer != "" {
			return
		}
	}
}

// personName reports whether s reads as a Vietnamese full name: two to
// five capitalised words and nothing else.
func personName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || !isLowerWord(w[size:]) {
			return false
		}
	}
	return true
}

func isLowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// sentenceCase writes a title printed in capitals in the case the body
// text uses for the same words: "KẾ HOẠCH ... CỘNG ĐỒNG VĂN HÓA - XÃ HỘI
// ASEAN" becomes "Kế hoạch ... Cộng đồng Văn hóa - Xã hội ASEAN". Words the
// body does not have are written in lowercase.
func sentenceCase(title, body string) string {
	lowerBody := strings.ToLower(body)
	bodyRunes := []rune(body)
	ws := strings.Fields(title)
	out := make([]string, 0, len(ws))
	for i := 0; i < len(ws); {
		// The longest run of title words the body has, in any case.
		n, run := 0, ""
		for j := len(ws); j > i && n == 0; j-- {
			run = bodyCase(lowerBody, bodyRunes, strings.ToLower(strings.Join(ws[i:j], " ")))
			if run != "" {
				n = j - i
			}
		}
		if n == 0 {
			out = append(out, strings.ToLower(ws[i]))
			i++
			continue
		}
		out = append(out, strings.Fields(run)...)
		i += n
	}
	s := strings.Join(out, " ")
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// bodyCase returns phrase as the body writes it: where it occurs inside
// a sentence, or else with its first letter in lowercase, since a
// sentence's first word is capitalised whatever it is. "" when the body
// does not have it.
func bodyCase(lowerBody string, bodyRunes []rune, phrase string) string {
	first := ""
	for from := 0; ; {
		k := strings.Index(lowerBody[from:], phrase)
		if k < 0 {
			break
		}
		k += from
		start := utf8.RuneCountInString(lowerBody[:k])
		run := string(bodyRunes[start : start+utf8.RuneCountInString(phrase)])
		if !sentenceStart(lowerBody[:k]) {
			return run
		}
		if first == "" {
			r, size := utf8.DecodeRuneInString(run)
			first = string(unicode.ToLower(r)) + run[size:]
		}
		from = k + len(phrase)
	}
	return first
}

// sentenceStart reports whether text ending with before is at the start
// of a sentence: nothing or a sentence's end comes before it.
func sentenceStart(before string) bool {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".:;!?)|", r)
}

// findProvince finds a province named in s as "tỉnh X" or "thành phố X".
func findProvince(s string, provinces []*model.Province) string {
	k := " " + fold.Key(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")) + " "
	best, bestAt := "", -1
	for _, p := range provinces {
		name := fold.Key(p.Name.VI)
		for _, pre := range []string{" tinh ", " thanh pho "} {
			if i := strings.Index(k, pre+name+" "); i >= 0 && (bestAt < 0 || i < bestAt) {
				best, bestAt = p.ID, i
			}
		}
	}
	return best
}

// findFramework finds the framework whose founding instrument (its
// decision number) the text cites.
// findFramework finds the framework whose decision (its number in
// frameworks.yaml, or in its instrument's words) the text cites; of two
// cited, the later decision, which a plan implements while it may still
// cite the one before.
func findFramework(text string, frameworks []*model.Framework) string {
	best := (*model.Framework)(nil)
	for _, f := range frameworks {
		numbers := docNoRe().FindAllString(f.Instrument.VI, -1)
		if f.Decision.Number != "" {
			numbers = append(numbers, f.Decision.Number)
		}
		for _, no := range numbers {
			if citesNumber(text, no) && (best == nil || f.Decision.Date.After(best.Decision.Date.Time)) {
				best = f
			}
		}
	}
	if best == nil {
		return ""
	}
	return best.ID
}

// citesNumber reports whether text cites the document numbered no, as
// "155/QĐ-TTg" and not as a part of "1155/QĐ-TTg".
func citesNumber(text, no string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], no)
		if k < 0 {
			return false
		}
		k += i
		if k == 0 || text[k-1] < '0' || text[k-1] > '9' {
			return true
		}
		i = k + len(no)
	}
}

var (
	provinceNameRe = lazyRegexp(`(?:^|[^\p{L}])(?:tỉnh|thành phố|TỈNH|THÀNH PHỐ|Tỉnh|Thành phố)\s+(\p{Lu}+(?:\s\p{Lu}+){0,3}$|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,3})`)
	committeeRe    = lazyRegexp(`(?m)^(?:ỦY|UỶ) BAN NHÂN DÂN\s+(TỈNH|THÀNH PHỐ)\s+(\p{Lu}+(?:\s\p{Lu}+){0,3})\s*$`)
)

// notProvinces are words that follow "tỉnh" without naming a province:
// "Tỉnh Đoàn" is the youth union, "tỉnh Ủy" the party committee.
var notProvinces = map[string]bool{"doan": true, "uy": true, "hoi": true, "ve": true, "ban": true, "nay": true, "va": true}

// provinceNamed finds the province or city a text names most often, as
// "tỉnh Đắk Lắk" or "TỈNH ĐẮK LẮK", in the case the text writes it in
// a sentence; "" when it names none.
func provinceNamed(text string) (string, model.ProvinceKind) {
	count := map[string]int{}
	kinds := map[string]model.ProvinceKind{}
	cased := map[string]string{}
	// The committee that issues the plan names it in its heading.
	head := text[:min(len(text), 1500)]
	capitals := map[string]string{}
	committee := func(m []string) {
		k := fold.Key(m[2])
		count[k] += 1000
		capitals[k] = m[2]
		kinds[k] = model.ProvinceKindProvince
		if m[1] == "THÀNH PHỐ" {
			kinds[k] = model.ProvinceKindCity
		}
	}
	if m := committeeRe().FindStringSubmatch(strings.ReplaceAll(head, "\n", " \n")); m != nil {
		committee(m)
	} else if m := committeeRe().FindStringSubmatch(strings.Join(strings.Fields(head[:min(len(head), 200)]), " ")); m != nil {
		committee(m)
	}
	for _, l := range strings.Split(text, "\n") {
		for _, m := range provinceNameRe().FindAllStringSubmatchIndex(l, -1) {
			if strings.HasSuffix(strings.ToLower(strings.TrimSpace(l[:m[2]])), "các tỉnh") {
				continue // "các tỉnh Bắc Lào": other provinces
			}
			name := l[m[2]:m[3]]
			first := fold.Key(strings.Fields(name)[0])
			if notProvinces[first] {
				continue
			}
			k := fold.Key(name)
			count[k]++
			switch {
			case hasLower(name) && cased[k] == "":
				cased[k] = name
			case !hasLower(name) && capitals[k] == "":
				capitals[k] = name
			}
			if kinds[k] == "" {
				kinds[k] = model.ProvinceKindProvince
				if strings.Contains(strings.ToLower(l[m[0]:m[2]]), "thành") {
					kinds[k] = model.ProvinceKindCity
				}
			}
		}
	}
	best := ""
	for k, n := range count {
		if best == "" || n > count[best] || n == count[best] && k < best {
			best = k
		}
	}
	if best == "" {
		return "", ""
	}
	name := cased[best]
	if name == "" {
		// Only in capitals: each word as a name writes it, "CẦN THƠ"
		// as "Cần Thơ".
		var ws []string
		for _, w := range strings.Fields(capitals[best]) {
			r, size := utf8.DecodeRuneInString(w)
			ws = append(ws, string(r)+strings.ToLower(w[size:]))
		}
		return strings.Join(ws, " "), kinds[best]
	}
	return name, kinds[best]
}

// slug is an id made of a name: "Đắk Lắk" is "dak-lak".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fold.ASCII(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// provinceEntry is the provinces.yaml entry of a province the content
// lacks: its id, kind, names in both languages and its People's
// Committee's name, as docs/content.md asks.
func provinceEntry(id, vi string, kind model.ProvinceKind) string {
	en := fold.ASCII(vi)
	committee, committeeEN := "Ủy ban nhân dân tỉnh "+vi, en+" Provincial People's Committee"
	if kind == model.ProvinceKindCity {
		committee, committeeEN = "Ủy ban nhân dân thành phố "+vi, en+" City People's Committee"
	}
	return fmt.Sprintf("- id: %s\n  kind: %s\n  name: {vi: %s, en: %s}\n  agencies:\n    ppc: {vi: %s, en: %s}\n", id, kind, vi, en, committee, committeeEN)
}
