package draft

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"sitegen/internal/model"
)

// timing is when an item is done, with the source's words.
type timing struct {
	kind     model.TimingKind
	from, to int
	by       model.Due // a one-off task's deadline, as precise as the words
	vi       string
	// stated is set when the text labels the timing as the task's
	// ("thời gian: 2026 - 2030"): it is the task's even outside the
	// plan's period.
	stated bool
}

// The phrases that say when, in the order they are tried: a timing the
// text states as the task's, the most precise deadline first, then
// cadences, then a period, then a bare year, then "thường xuyên". Each
// gives the timing its words say, and no more: "Quý III/2026" is due by
// the end of a quarter, not on a day the importer would have to make up.
var (
	// A day is a deadline after a word that says so: "ngày 04/4/2014"
	// alone is the date of a document the sentence cites.
	dayRe        = lazyRegexp(`(?i)(?:trước|đến|chậm nhất|hoàn thành trước|hoàn thành|trong|vào)\s+(?:(?:hết|cuối)\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})`)
	cellDayRe    = lazyRegexp(`(?i)^(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})$`)
	quarterRe    = lazyRegexp(`(?i)(?:(?:đến|trước|trong|vào|hoàn thành trong|hoàn thành|dự kiến trong|dự kiến)\s+)?(?:(?:hết|cuối)\s+)?quý\s+(IV|I{1,3}|[1-4])\s*(?:/|năm|-)\s*(\d{4})`)
	monthRe      = lazyRegexp(`(?i)(?:(?:đến|trước|trong|vào|hoàn thành trong|hoàn thành|dự kiến trong|dự kiến)\s+)?(?:(?:hết|cuối)\s+)?tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})`)
	semiannualRe = lazyRegexp(`(?i)(?:định kỳ\s+(?:0?6|sáu)\s+tháng(?:\s+(?:một|1)\s+lần)?|(?:0?6|sáu)\s+tháng\s*(?:(?:một|1)\s+lần|/\s*lần)|(?:hằng|hàng|mỗi)\s+(?:0?6|sáu)\s+tháng)`)
	quarterlyRe  = lazyRegexp(`(?i)(?:định kỳ\s+)?(?:hằng|hàng)\s+quý`)
	monthlyRe    = lazyRegexp(`(?i)(?:định kỳ\s+)?(?:hằng|hàng)\s+tháng`)
	annualRe     = lazyRegexp(`(?i)(?:định kỳ\s+)?(?:\(?trước ngày \d{1,2}(?:/| tháng )\d{1,2}\)?\s+)?(?:hằng|hàng) năm(?:\s+\(?trước ngày \d{1,2}(?:/| tháng )\d{1,2}\)?)?`)
	// A period: "giai đoạn 2026 - 2030", "từ năm 2026 đến năm 2030", a
	// school year "năm học 2026 - 2027", or the years alone "2026-2030".
	spanRe      = lazyRegexp(`(?i)(?:(?:giai đoạn|thời kỳ)\s+(?:từ\s+)?(?:năm\s+)?|năm học\s+|từ\s+(?:năm\s+)?|năm\s+)?(\d{4})\s*(?:-|–|đến(?:\s+năm)?)\s*(\d{4})`)
	yearRe      = lazyRegexp(`(?i)(?:(?:trong|vào|hoàn thành trong|hoàn thành|đến hết|đến cuối|dự kiến trong|dự kiến)\s+)?năm\s+(\d{4})`)
	yearStartRe = lazyRegexp(`^(?i)(năm \d{4})\s*:`)
	cellSpanRe  = lazyRegexp(`(?i)^(?:(?:từ\s+)?(?:năm\s+)?)?(\d{4})\s*(?:-|–|đến(?:\s+năm)?)\s*(\d{4})$`)
	cellYearRe  = lazyRegexp(`^(\d{4})$`)
	ongoingRe   = lazyRegexp(`(?i)^(?:thường xuyên|liên tục|hằng ngày|hàng ngày)(?:[,;].*)?$`)
)

var (
	// Words before a span that make it no timing: a term of office
	// ("nhiệm kỳ 2020-2025", "khóa XIX") or a number.
	notSpanRe = lazyRegexp(`(?i)(?:(?:^|[^\p{L}])(?:nhiệm kỳ|khóa|khoá|số)\s*|[\d/]\s*)$`)
	// "thường xuyên" in a sentence says the task is done regularly,
	// unless it says how agencies work together ("phối hợp chặt chẽ,
	// thường xuyên") or names recurrent spending ("chi thường xuyên").
	regularRe    = lazyRegexp(`(?i)(?:^|[^\p{L}])(thường xuyên)(?:[^\p{L}]|$)`)
	notRegularRe = lazyRegexp(`(?i)(?:^|[^\p{L}])(?:phối hợp|chặt chẽ,?|chặt chẽ và|không|chi|kinh phí)\s*$`)
	// A timing the text labels as the task's: "(Sở X chủ trì; thời
	// gian: thường xuyên)".
	statedRe = lazyRegexp(`(?i)(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*([^;()]+)`)
)

var romanQuarter = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// timingIn finds a timing phrase in an item's text: a year "Năm 2017:"
// that opens it, a timing it labels "thời gian: ...", a day, a quarter,
// a month or a year it is due by, a cadence ("định kỳ 6 tháng", "hằng
// quý", "hằng tháng", "hằng năm"), a period "giai đoạn 2026-2030" or
// "năm học 2026 - 2027", or "thường xuyên".
func timingIn(s string) *timing {
	if m := yearStartRe().FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1][len(m[1])-4:])
		return once(model.Due{Year: y}, m[1])
	}
	// The timing the text states as the task's says more than any other
	// date it names.
	for _, m := range statedRe().FindAllStringSubmatch(s, -1) {
		if t := timingCell(m[1]); t != nil {
			t.stated = true
			return t
		}
	}
	return readTiming(s)
}

// readTiming finds the first timing phrase in s, in order of precision.
func readTiming(s string) *timing {
	if m := dayRe().FindStringSubmatch(s); m != nil {
		if d, err := model.ParseDue(m[3] + "-" + pad(m[2]) + "-" + pad(m[1])); err == nil {
			return once(d, m[0])
		}
	}
	if m := dayWordsRe().FindStringSubmatch(s); m != nil {
		if d, err := model.ParseDue(m[3] + "-" + pad(m[2]) + "-" + pad(m[1])); err == nil {
			return once(d, m[0])
		}
	}
	if m := quarterRe().FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		return once(model.Due{Year: y, Quarter: romanQuarter[strings.ToUpper(m[1])]}, m[0])
	}
	for _, loc := range monthRe().FindAllStringSubmatchIndex(s, -1) {
		if dayBeforeRe().MatchString(s[:loc[0]]) {
			continue // "ngày 19 tháng 02 năm 2025": a date the sentence cites
		}
		if d, err := model.ParseDue(s[loc[4]:loc[5]] + "-" + pad(s[loc[2]:loc[3]])); err == nil {
			return once(d, s[loc[0]:loc[1]])
		}
	}
	for _, c := range []struct {
		re   *regexp.Regexp
		kind model.TimingKind
	}{{semiannualRe(), model.TimingSemiannual}, {quarterlyRe(), model.TimingQuarterly}, {monthlyRe(), model.TimingMonthly}, {annualRe(), model.TimingAnnual}} {
		if m := c.re.FindString(s); m != "" {
			return &timing{kind: c.kind, vi: strings.TrimSpace(m)}
		}
	}
	if t := spanIn(s); t != nil {
		return t
	}
	for _, loc := range yearRe().FindAllStringSubmatchIndex(s, -1) {
		// "ngày 19 tháng 02 năm 2025" is a date in a sentence, not a
		// deadline; "trước năm 2027" says before, not by.
		before := strings.ToLower(strings.TrimSpace(s[:loc[0]]))
		if dateBeforeRe().MatchString(before) || strings.HasSuffix(before, "trước") || strings.HasSuffix(before, "đến") {
			continue
		}
		y, _ := strconv.Atoi(s[loc[2]:loc[3]])
		if y >= 1900 {
			return once(model.Due{Year: y}, s[loc[0]:loc[1]])
		}
	}
	for _, loc := range regularRe().FindAllStringSubmatchIndex(s, -1) {
		if !notRegularRe().MatchString(before(s, loc[2], 40)) {
			return &timing{kind: model.TimingOngoing, vi: s[loc[2]:loc[3]]}
		}
	}
	return nil
}

// spanIn finds the first period in s: two years joined by a dash or
// "đến", not part of a number or a term of office.
func spanIn(s string) *timing {
	for _, loc := range spanRe().FindAllStringSubmatchIndex(s, -1) {
		if loc[1] < len(s) && (s[loc[1]] >= '0' && s[loc[1]] <= '9' || s[loc[1]] == '/') {
			continue
		}
		if notSpanRe().MatchString(before(s, loc[0], 40)) {
			continue
		}
		if t := span([]string{s[loc[0]:loc[1]], s[loc[2]:loc[3]], s[loc[4]:loc[5]]}); t != nil {
			return t
		}
	}
	return nil
}

var (
	dateBeforeRe = lazyRegexp(`tháng\s+\d{1,2}$`)
	dayBeforeRe  = lazyRegexp(`ngày\s+\d{1,2}\s*$`)
	// A day written in words is a deadline only after a word that says so.
	dayWordsRe = lazyRegexp(`(?i)(?:trước|đến|chậm nhất|hoàn thành trước)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
)

// before is the text of s before byte i, no more than about n bytes
// of it: the words a phrase follows, looked at without reading back
// over the whole text for each phrase.
func before(s string, i, n int) string {
	j := max(0, i-n)
	for j > 0 && !utf8.RuneStart(s[j]) {
		j--
	}
	return s[j:i]
}

func once(d model.Due, words string) *timing {
	return &timing{kind: model.TimingOnce, by: d, vi: strings.TrimSpace(words)}
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// timingCell reads the timing column of a table, or a "Thời gian thực
// hiện: ..." line, which hold nothing but the timing: the whole cell is
// the timing's words.
func timingCell(s string) *timing {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".;,"))
	if s == "" {
		return nil
	}
	if ongoingRe().MatchString(s) {
		return &timing{kind: model.TimingOngoing, vi: s}
	}
	if m := cellSpanRe().FindStringSubmatch(s); m != nil {
		if t := span(m); t != nil {
			t.vi = s
			return t
		}
	}
	if m := cellYearRe().FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return once(model.Due{Year: y}, s)
	}
	if m := cellDayRe().FindStringSubmatch(s); m != nil {
		if d, err := model.ParseDue(m[3] + "-" + pad(m[2]) + "-" + pad(m[1])); err == nil {
			return once(d, s)
		}
	}
	t := readTiming(s)
	if t == nil {
		return nil
	}
	t.vi = s
	return t
}

func span(m []string) *timing {
	from, _ := strconv.Atoi(m[1])
	to, _ := strconv.Atoi(m[2])
	if from < 1900 || to < from || to > 2200 {
		return nil
	}
	return &timing{kind: model.TimingPeriod, from: from, to: to, vi: m[0]}
}
