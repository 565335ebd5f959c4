package draft

import (
	"strconv"
	"strings"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// timing is when an item is done, with the source's words.
type timing struct {
	kind     model.TimingKind
	from, to int
	date     string // YYYY-MM-DD
	vi       string
}

var (
	byDateRe = lazyRegexp(`(?i)trước ngày (\d{1,2})/(\d{1,2})/(\d{4})`)
	annualRe = lazyRegexp(`(?i)(?:định kỳ\s+)?(?:\(?trước ngày \d{1,2}(?:/| tháng )\d{1,2}\)?\s+)?(?:hằng|hàng) năm(?:\s+\(?trước ngày \d{1,2}(?:/| tháng )\d{1,2}\)?)?`)
	spanRe   = lazyRegexp(`(?i)giai đoạn\s+(\d{4})\s*-\s*(\d{4})`)
	yearRe   = lazyRegexp(`^(?i)(năm \d{4})\s*:`)
	cellYear = lazyRegexp(`(?i)^(?:năm|quý [IV]+/|tháng \d{1,2}/)\s*(\d{4})$`)
)

// timingIn finds a timing phrase in an item's text: a year "Năm 2017:"
// that opens it, a date, "hằng năm" or a period "giai đoạn 2021-2025".
func timingIn(s string) *timing {
	if m := yearRe().FindStringSubmatch(s); m != nil {
		return &timing{kind: model.TimingOnce, vi: m[1]}
	}
	if m := byDateRe().FindStringSubmatch(s); m != nil {
		if d, ok := ymd(m[3], m[2], m[1]); ok {
			return &timing{kind: model.TimingDate, date: d, vi: m[0]}
		}
	}
	if m := annualRe().FindString(s); m != "" {
		return &timing{kind: model.TimingAnnual, vi: strings.TrimSpace(m)}
	}
	if m := spanRe().FindStringSubmatch(s); m != nil {
		if t := span(m); t != nil {
			return t
		}
	}
	return nil
}

// timingCell reads the timing column of an appendix table, which holds
// nothing but the timing.
func timingCell(s string) *timing {
	s = strings.TrimSpace(strings.TrimRight(s, "."))
	k := fold.Key(s)
	switch {
	case s == "":
		return nil
	case k == "hang nam" || k == "hang nam." || strings.HasPrefix(k, "hang nam") && len(k) < 30:
		return &timing{kind: model.TimingAnnual, vi: s}
	case k == "thuong xuyen" || k == "lien tuc":
		return &timing{kind: model.TimingOngoing, vi: s}
	}
	if m := spanRe().FindStringSubmatch(s); m != nil && len(s) < 40 {
		if t := span(m); t != nil {
			t.vi = s
			return t
		}
	}
	if m := byDateRe().FindStringSubmatch(s); m != nil {
		if d, ok := ymd(m[3], m[2], m[1]); ok {
			return &timing{kind: model.TimingDate, date: d, vi: s}
		}
	}
	if cellYear().MatchString(s) {
		return &timing{kind: model.TimingOnce, vi: s}
	}
	return nil
}

func span(m []string) *timing {
	from, _ := strconv.Atoi(m[1])
	to, _ := strconv.Atoi(m[2])
	if from < 1900 || to < from {
		return nil
	}
	return &timing{kind: model.TimingPeriod, from: from, to: to, vi: m[0]}
}
