package render

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"sitegen/internal/i18n"
	"sitegen/internal/model"
)

// place is where an item is in its plan, said in words: the text a page
// shows and a citation quotes. numbered is true when the text is an
// outline number ("III.1.2.a"), which a citation introduces as a section
// ("mục III.1.2.a"); false when it already says what it is ("Điều 1 của
// Quyết định", "Mục tiêu thứ nhất").
type place struct {
	text     string
	numbered bool
}

// outlineLabel matches a printed label that numbers an outline: a Roman
// or Arabic number, "1.2", a letter, a number in brackets. Any other
// label names a part of the document ("Quyết định", "Phụ lục") or says
// what the item is ("Điều 1").
var outlineLabel = regexp.MustCompile(`^([IVXLCDM]+|[0-9]+(\.[0-9]+)*|[a-zđ]{1,2}[0-9]?|\([0-9]+\))$`)

// Places words items' places in one language, each plan's once, as the
// pages do: for code outside the pages that says where an item is
// (open data). It is safe for concurrent use.
type Places struct {
	loc    *i18n.Locale
	mu     sync.Mutex
	byPlan map[*model.Plan]map[*model.Item]place
}

// NewPlaces words places in loc's language.
func NewPlaces(loc *i18n.Locale) *Places {
	return &Places{loc: loc, byPlan: map[*model.Plan]map[*model.Item]place{}}
}

// Of is where it is in its plan, as its page says it.
func (p *Places) Of(it *model.Item) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	places, ok := p.byPlan[it.Plan]
	if !ok {
		places = placesOf(p.loc, it.Plan)
		p.byPlan[it.Plan] = places
	}
	return places[it].text
}

// placesOf words the place of every item of plan p in loc's language.
// Two items of a plan never share one: where the rules below would give
// two the same (a source that prints "c)" twice), the later ones say
// which they are ("III.5.c (thứ hai)").
func placesOf(loc *i18n.Locale, p *model.Plan) map[*model.Item]place {
	out := map[*model.Item]place{}
	seen := map[string][]*model.Item{}
	unplaced := map[model.ItemKind]int{}
	for _, it := range p.Items {
		l := placeOf(loc, it, unplaced)
		out[it] = l
		seen[l.text] = append(seen[l.text], it)
	}
	for _, its := range seen {
		for n, it := range its[1:] {
			l := out[it]
			l.text, _ = loc.Tf("label.repeat", l.text, ordinal(loc, n+2))
			out[it] = l
		}
	}
	return out
}

// placeOf words one item's place. unplaced counts, per kind, the items
// of the plan placed by their kind alone, which the next is numbered
// after.
func placeOf(loc *i18n.Locale, it *model.Item, unplaced map[model.ItemKind]int) place {
	path := SectionPath(it.Section)
	// the deepest section that names a part of the document, and the
	// outline numbers below it
	var part *model.Section
	for i := len(path) - 1; i >= 0; i-- {
		if l := SectionLabel(path[i], loc.Lang); l != "" && !outlineLabel.MatchString(l) {
			part, path = path[i], path[i+1:]
			break
		}
	}
	number := outlineNumber(path, loc.Lang)
	label := itemLabel(it, loc.Lang)
	var text string
	numbered := false
	switch {
	case label != "" && !outlineLabel.MatchString(label) && !strings.HasPrefix(label, "•") && !strings.HasPrefix(label, "+"):
		// a label that says what the item is: "Điều 1"
		text = joinPlace(number, label)
	case strings.HasPrefix(label, "•"), strings.HasPrefix(label, "+"):
		key := "label.bullet"
		if strings.HasPrefix(label, "+") {
			key = "label.plus"
		}
		n := strings.TrimLeft(label, "•+")
		word := n
		if k, ok := atoi(n); ok {
			word = ordinal(loc, k)
		}
		phrase, _ := loc.Tf(key, word)
		text, numbered = joinPlace(number, phrase), number != ""
	case label != "":
		text, numbered = joinNumber(number, label), true
	case number != "":
		n := it.Ordinal
		if n == 0 {
			n = unlabelledOrdinal(it)
		}
		phrase, _ := loc.Tf("label.paragraph", ordinal(loc, n))
		text, numbered = joinPlace(number, phrase), true
	default:
		text = unlabelledPlace(loc, it, unplaced)
	}
	if part != nil {
		name := SectionLabel(part, loc.Lang)
		switch {
		case !numbered:
			text, _ = loc.Tf("label.of-part", text, name)
		case it.Kind == model.KindAppendixRow:
			text, _ = loc.Tf("label.row", name, text)
		default:
			text = name + ", " + text
		}
		numbered = false
	}
	return place{text: text, numbered: numbered}
}

// unlabelledPlace words the place of an item that neither it nor its
// sections number: by its printed neighbours ("nhóm nội dung trước
// (1)"), or else by its kind and its rank among such items of the plan
// ("trách nhiệm thứ hai").
func unlabelledPlace(loc *i18n.Locale, it *model.Item, unplaced map[model.ItemKind]int) string {
	kind, _ := loc.T(it.Kind.MessageKey())
	if sec := it.Section; sec != nil {
		i := indexOf(sec.Items, it)
		for j := i - 1; j >= 0; j-- {
			if l := itemLabel(sec.Items[j], loc.Lang); l != "" {
				s, _ := loc.Tf("label.after", lowerFirst(kind), l)
				return upperFirst(s)
			}
		}
		for j := i + 1; j < len(sec.Items); j++ {
			if l := itemLabel(sec.Items[j], loc.Lang); l != "" {
				s, _ := loc.Tf("label.before", lowerFirst(kind), l)
				return upperFirst(s)
			}
		}
	}
	unplaced[it.Kind]++
	s, _ := loc.Tf("label.nth", lowerFirst(kind), ordinal(loc, unplaced[it.Kind]))
	return upperFirst(s)
}

func indexOf(items []*model.Item, it *model.Item) int {
	for i, x := range items {
		if x == it {
			return i
		}
	}
	return -1
}

// itemLabel is an item's printed label in lang.
func itemLabel(it *model.Item, lang model.Lang) string {
	if lang == model.EN && it.LabelEN != "" {
		return it.LabelEN
	}
	return it.Label
}

// outlineNumber joins the printed labels of sections. A label that
// repeats its parent's number ("1.2" under "1") replaces it.
func outlineNumber(path []*model.Section, lang model.Lang) string {
	var parts []string
	for _, sec := range path {
		l := SectionLabel(sec, lang)
		switch {
		case l == "":
		case len(parts) > 0 && strings.HasPrefix(l, parts[len(parts)-1]+"."):
			parts[len(parts)-1] = l
		default:
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, ".")
}

// joinNumber adds an item's own number to its sections'.
func joinNumber(number, label string) string {
	if number == "" {
		return label
	}
	return number + "." + label
}

// joinPlace puts a phrase after a section's number, or alone as a name.
func joinPlace(number, phrase string) string {
	if number == "" {
		return upperFirst(phrase)
	}
	return number + ", " + lowerFirst(phrase)
}

func atoi(s string) (int, bool) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1000 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, s != ""
}

// unlabelledOrdinal counts it among the unlabelled items of its kind in
// its section, from 1.
func unlabelledOrdinal(it *model.Item) int {
	if it.Section == nil {
		return 1
	}
	n := 0
	for _, x := range it.Section.Items {
		if x.Label == "" && x.Kind == it.Kind {
			n++
		}
		if x == it {
			break
		}
	}
	return n
}

// ordinal writes n as an ordinal word of the language ("thứ nhất" is
// written "nhất" after "thứ"; "first"), from the interface strings.
func ordinal(loc *i18n.Locale, n int) string {
	if s, err := loc.T(fmt.Sprintf("ordinal.%d", n)); err == nil {
		return s
	}
	s, _ := loc.Tf("ordinal.n", n)
	return s
}

// sectionPlace words a section's place: its outline number, after the
// part of the document it is in ("Phụ lục, I").
func sectionPlace(s *model.Section, lang model.Lang) string {
	path := SectionPath(s)
	for i := len(path) - 1; i >= 0; i-- {
		if l := SectionLabel(path[i], lang); l != "" && !outlineLabel.MatchString(l) {
			if n := outlineNumber(path[i+1:], lang); n != "" {
				return l + ", " + n
			}
			return l
		}
	}
	return outlineNumber(path, lang)
}
