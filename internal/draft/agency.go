package draft

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// lexicon finds agency names in text: the names, abbreviations and
// spelling variants of agencies.yaml and the provinces' own names for
// their agencies. Names are compared word by word without case and
// diacritics, so that "Văn hoá" and "Văn hóa" or "Lao động- Thương binh"
// and "Lao động - Thương binh" are the same name.
type lexicon struct {
	names []lexName // longest first
	// byFirst indexes names by their first word.
	byFirst    map[string][]lexName
	folded     map[string]string
	runes      map[rune]string
	collective map[string]bool
	// province is the folded words of the plan's province's name.
	province []string
}

type lexName struct {
	words []string
	id    string
}

// word is a word of a text with where it is.
type word struct {
	key        string // folded
	start, end int    // byte offsets in the text
}

// key folds a word for comparing names. Text is NFC, where each letter
// with its marks is one rune, so the word is folded rune by rune, and
// each rune folded once: folding is the costly part of reading.
func (lx *lexicon) key(s string) string {
	if k, ok := lx.folded[s]; ok {
		return k
	}
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		f, ok := lx.runes[r]
		if !ok {
			f = fold.Key(string(r))
			lx.runes[r] = f
		}
		b.WriteString(f)
	}
	k := b.String()
	lx.folded[s] = k
	return k
}

// words splits s into words.
func (lx *lexicon) words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&'
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, word{key: lx.key(s[start:i]), start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{key: lx.key(s[start:]), start: start, end: len(s)})
	}
	return out
}

// newLexicon makes the lexicon of the content's agencies for a plan of
// the province with the given id and Vietnamese name (a province the
// content does not have yet has a name but no entry).
func newLexicon(site *model.Site, province, provinceName string) *lexicon {
	lx := &lexicon{collective: map[string]bool{}, folded: map[string]string{}, runes: map[rune]string{}}
	seen := map[string]bool{}
	add := func(name, id string) {
		ws := lx.words(name)
		if len(ws) == 0 {
			return
		}
		keys := make([]string, len(ws))
		for i, w := range ws {
			keys[i] = w.key
		}
		// "các tổ chức liên quan" is also written "tổ chức liên quan".
		for len(keys) > 1 {
			k := strings.Join(keys, " ")
			if !seen[k] {
				seen[k] = true
				lx.names = append(lx.names, lexName{words: keys, id: id})
			}
			if keys[0] != "cac" {
				break
			}
			keys = keys[1:]
		}
	}
	// A province's instance of a type named for any province ("Báo
	// tỉnh, thành phố", "Đài Phát thanh và Truyền hình tỉnh") is named
	// for this one: "Báo Đắk Lắk", "Đài Phát thanh và Truyền hình Đắk Lắk".
	local := func(name, id string) {
		if provinceName == "" {
			return
		}
		for _, q := range []string{" tỉnh, thành phố", " tỉnh", " thành phố"} {
			if base, ok := strings.CutSuffix(name, q); ok && base != "" {
				add(base+" "+provinceName, id)
				add(base+" tỉnh "+provinceName, id)
				add(base+" thành phố "+provinceName, id)
				return
			}
		}
	}
	// "Văn phòng Ủy ban nhân dân tỉnh, thành phố" names both kinds of
	// province: a plan writes the one it is.
	both := func(name, id string) {
		if base, ok := strings.CutSuffix(name, " tỉnh, thành phố"); ok {
			add(base+" tỉnh", id)
			add(base+" thành phố", id)
		}
	}
	if site != nil {
		for _, a := range site.Agencies {
			add(a.Name.VI, a.ID)
			both(a.Name.VI, a.ID)
			add(a.Abbr.VI, a.ID)
			local(a.Name.VI, a.ID)
			for _, v := range a.Variants {
				add(v, a.ID)
				local(v, a.ID)
			}
			lx.collective[a.ID] = a.Collective
		}
		// A province's own name for an agency ("Báo Thanh Hóa"): the
		// plan's province first, then every province's.
		for _, pr := range site.Provinces {
			if pr.ID == province {
				for id, name := range pr.Agencies {
					add(name.VI, id)
				}
			}
		}
		for _, pr := range site.Provinces {
			for id, name := range pr.Agencies {
				add(name.VI, id)
			}
		}
	}
	for _, w := range lx.words(provinceName) {
		lx.province = append(lx.province, w.key)
	}
	sort.SliceStable(lx.names, func(i, j int) bool { return len(lx.names[i].words) > len(lx.names[j].words) })
	lx.byFirst = map[string][]lexName{}
	for _, n := range lx.names {
		lx.byFirst[n.words[0]] = append(lx.byFirst[n.words[0]], n)
	}
	return lx
}

// matchAt returns the agency named at word i of ws and how many words
// its name takes; "" when none is.
func (lx *lexicon) matchAt(ws []word, i int) (string, int) {
	if i >= len(ws) {
		return "", 0
	}
	for _, n := range lx.byFirst[ws[i].key] {
		if i+len(n.words) > len(ws) {
			continue
		}
		ok := true
		for j, k := range n.words {
			if ws[i+j].key != k {
				ok = false
				break
			}
		}
		if ok {
			return n.id, len(n.words)
		}
	}
	return "", 0
}

// agencyList is what reading a list of agencies found.
type agencyList struct {
	ids       []string
	unmatched []string // text that names no known agency
	// rest is the text after the list, when the list stops before the
	// end of the phrase (only with stopAtText).
	rest string
}

// connectors join the names of a list.
var connectors = map[string]bool{"va": true, "voi": true, "cung": true}

// heads are the titles of the heads of agencies, which lists name
// instead of the agency: "Giám đốc các sở", "Chủ tịch UBND các huyện".
var heads = [][]string{{"chanh"}, {"pho", "giam", "doc"}, {"giam", "doc"}, {"pho", "chu", "tich"}, {"chu", "tich"},
	{"thu", "truong"}, {"truong"}, {"lanh", "dao"}}

// skipHead returns how many words of a head's title start at word i.
func skipHead(ws []word, i int) int {
	for _, h := range heads {
		if i+len(h) < len(ws) {
			ok := true
			for j, k := range h {
				ok = ok && ws[i+j].key == k
			}
			if ok {
				return len(h)
			}
		}
	}
	return 0
}

// read reads phrase as a list of agencies. With stopAtText the list ends
// at the first words that are no agency (a sentence goes on after its
// subject); otherwise such words are an agency the lexicon does not know.
func (lx *lexicon) read(phrase string, stopAtText bool) agencyList {
	phrase = withoutParentheses(phrase)
	ws := lx.words(phrase)
	var out agencyList
	seen := map[string]bool{}
	addID := func(id string) {
		if !seen[id] {
			seen[id] = true
			out.ids = append(out.ids, id)
		}
	}
	i := 0
	for i < len(ws) {
		if connectors[ws[i].key] {
			i++
			continue
		}
		if h := skipHead(ws, i); h > 0 {
			if id, _ := lx.matchAt(ws, i+h); id != "" {
				i += h
			}
		}
		if id, n := lx.matchAt(ws, i); id != "" {
			if i+n < len(ws) && strings.TrimSpace(phrase[ws[i+n-1].end:ws[i+n].start]) == "" {
				n += lx.qualifier(ws, i+n) // "tỉnh" right after the name, not "; Tỉnh Đoàn"
			}
			addID(id)
			// "Các sở, ban ngành cấp tỉnh: A; B; C" names the members.
			end := ws[i+n-1].end
			if strings.HasPrefix(strings.TrimSpace(phrase[end:]), ":") && lx.collective[id] {
				delete(seen, id)
				out.ids = out.ids[:len(out.ids)-1]
			}
			i += n
			continue
		}
		// "Thông tin và Truyền thông" in a list of departments.
		if id, n := lx.matchAt(append([]word{{key: "so"}}, ws[i:]...), 0); id != "" && n > 1 && listed(phrase, ws, i) {
			addID(id)
			i += n - 1
			continue
		}
		if stopAtText {
			// A body the lexicon does not know, in the list: say so and
			// read on, rather than end the list there and lose the rest.
			if name, next, ok := unknownName(phrase, ws, i); ok {
				out.unmatched = append(out.unmatched, name)
				i = next
				continue
			}
			out.rest = strings.TrimSpace(phrase[ws[i].start:])
			return out
		}
		// Unknown words run to the next separator after which a known
		// agency starts, or to the end.
		j := i + 1
		for ; j < len(ws); j++ {
			sep := phrase[ws[j-1].end:ws[j].start]
			if strings.ContainsAny(sep, ",;:") || connectors[ws[j].key] {
				k := j
				if connectors[ws[k].key] {
					k++
				}
				if k < len(ws) {
					if id, _ := lx.matchAt(ws, k); id != "" {
						break
					}
				}
			}
		}
		text := strings.Trim(phrase[ws[i].start:ws[j-1].end], " ,;:.")
		if text != "" && !fillerPhrase(text) {
			out.unmatched = append(out.unmatched, text)
		}
		i = j
	}
	return out
}

// qualifier returns how many words at i say whose agency a name is:
// "tỉnh" or "thành phố", and the province's name after it, as in "Liên
// hiệp các tổ chức hữu nghị tỉnh" or "Sở Y tế tỉnh Đắk Lắk". They are
// part of the agency's name, not another agency.
func (lx *lexicon) qualifier(ws []word, i int) int {
	n := 0
	switch {
	case i < len(ws) && ws[i].key == "tinh":
		n = 1
	case i+1 < len(ws) && ws[i].key == "thanh" && ws[i+1].key == "pho":
		n = 2
	default:
		return 0
	}
	if m := len(lx.province); m > 0 && i+n+m <= len(ws) {
		same := true
		for j, k := range lx.province {
			same = same && ws[i+n+j].key == k
		}
		if same {
			n += m
		}
	}
	return n
}

// listed reports whether word i of phrase follows a list separator, so
// that a bare department name there is read as "Sở ...".
func listed(phrase string, ws []word, i int) bool {
	if i == 0 {
		return false
	}
	sep := phrase[ws[i-1].end:ws[i].start]
	return strings.ContainsAny(sep, ":;")
}

// fillerPhrase reports text that qualifies a list rather than naming an
// agency ("có trách nhiệm", "theo chức năng").
func fillerPhrase(s string) bool {
	k := fold.Key(s)
	for _, f := range []string{"co trach nhiem", "theo chuc nang", "trong pham vi"} {
		if strings.HasPrefix(k, f) {
			return true
		}
	}
	return false
}

// withoutParentheses removes remarks in parentheses: "Văn phòng UBND
// thành phố (Cổng thông tin điện tử thành phố)".
func withoutParentheses(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// starts reports whether s starts with an agency's name.
func (lx *lexicon) starts(s string) bool {
	id, _ := lx.matchAt(lx.words(s), 0)
	return id != ""
}

// startsHead reports whether s starts with the title of an agency's head
// and then the agency: "Giám đốc các sở".
func (lx *lexicon) startsHead(s string) bool {
	ws := lx.words(s)
	if h := skipHead(ws, 0); h > 0 {
		id, _ := lx.matchAt(ws, h)
		return id != ""
	}
	return false
}

// agencyHeads are the words an agency's name starts with ("Sở Tư pháp",
// "Bảo hiểm xã hội tỉnh", "Bộ Chỉ huy Quân sự tỉnh"), capitalised, as
// names are; notHeads the words after them that make them no name
// ("Hội nghị", "Ban hành", "Báo cáo").
var (
	agencyHeads = map[string]bool{"so": true, "ban": true, "bo": true, "hoi": true, "cuc": true, "vien": true, "dai": true,
		"bao": true, "doan": true, "cong": true, "trung": true, "van": true, "lien": true, "hiep": true, "chi": true, "kho": true,
		"ngan": true, "uy": true, "truong": true, "benh": true}
	notHeads = map[string]bool{"nghi": true, "thao": true, "hanh": true, "cao": true, "may": true, "tac": true, "dong": true}
	// listVerbs end a list of agencies in a sentence: what they do.
	listVerbs = map[string]bool{"tổ": true, "thực": true, "triển": true, "xây": true, "hướng": true, "tham": true, "rà": true,
		"nghiên": true, "đôn": true, "kiểm": true, "theo": true, "tuyên": true, "chỉ": true, "phối": true, "bố": true,
		"báo": true, "tổng": true, "đề": true, "giới": true, "quảng": true, "tiếp": true, "đẩy": true, "nâng": true, "hỗ": true,
		"chủ": true, "có": true, "để": true, "trong": true, "tại": true, "về": true, "nhằm": true, "thông": true}
)

// unknownName reads, at word i of a list of agencies, the name of one
// the lexicon does not know: a capitalised agency word and what follows
// it up to a list separator, a conjunction or a verb. It returns the
// name and the word after it.
func unknownName(phrase string, ws []word, i int) (string, int, bool) {
	r, _ := utf8.DecodeRuneInString(phrase[ws[i].start:])
	if !unicode.IsUpper(r) || !agencyHeads[ws[i].key] || i+1 < len(ws) && notHeads[ws[i+1].key] {
		return "", 0, false
	}
	j := i + 1
	for ; j < len(ws) && j-i < 8; j++ {
		sep := phrase[ws[j-1].end:ws[j].start]
		w := phrase[ws[j].start:ws[j].end]
		// "Báo và Phát thanh, Truyền hình": a name of one word goes on
		// past "và".
		if strings.ContainsAny(sep, ",;:.()") || connectors[ws[j].key] && j > i+1 || listVerbs[w] {
			break
		}
	}
	return strings.Trim(phrase[ws[i].start:ws[j-1].end], " ,;:."), j, true
}
