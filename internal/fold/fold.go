// Package fold removes Vietnamese diacritics, so that "giam ngheo"
// matches "giảm nghèo" and "Da Nang" matches "Đà Nẵng"; and folds runs
// of white space, so that a text matches its source across line breaks.
//
// Unicode decomposition removes tone and vowel marks; đ and Đ are letters
// of their own in Unicode (not d with a mark), so they are mapped by hand.
package fold

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Spaces returns s with each run of white space made one space and none
// at either end, as strings.Join(strings.Fields(s), " ") does. Most texts
// are spaced so already and come back as they are, without a copy: the
// source documents of a national site are megabytes, passed through this
// word by word several times a build.
func Spaces(s string) string {
	if spaced(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// spaced reports whether Spaces would return s unchanged.
func spaced(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		if r == ' ' {
			if space {
				return false
			}
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			return false
		}
		space = false
	}
	return !space || s == ""
}

var dd = strings.NewReplacer("đ", "d", "Đ", "D")

// ASCII returns s without diacritics. Letters outside Vietnamese keep
// their base form where Unicode gives one.
func ASCII(s string) string {
	if isASCII(s) {
		return s
	}
	if out, ok := byTable(s, false); ok {
		return out
	}
	return decompose(s)
}

// Key returns the form of s used to compare search words: lowercase and
// without diacritics.
func Key(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	if out, ok := byTable(s, true); ok {
		return out
	}
	return strings.ToLower(decompose(s))
}

// decompose is ASCII the long way: decomposition, marks removed,
// recomposition. The search index folds every word of a site, and this
// costs about a microsecond a word, so the common letters go by a table
// built from it instead (see byTable).
func decompose(s string) string {
	t := decomposers.Get().(transform.Transformer)
	defer decomposers.Put(t)
	out, _, err := transform.String(t, dd.Replace(s)) // which resets t
	if err != nil {
		return s
	}
	return out
}

// decomposers are the transformers decompose runs. A chain holds buffers
// of several kilobytes; made anew for each rune first met, they were a
// megabyte of each build's memory.
var decomposers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tableRanges are the runes the table holds: Latin letters, the combining
// marks, and Latin Extended Additional, where Vietnamese's precomposed
// letters are. Within them folding one rune never depends on its
// neighbours: every mark is removed, and no two remaining letters
// compose, so a string of them folds rune by rune.
var tableRanges = [][2]rune{{0, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}}

// tableEnd is one past the last rune of tableRanges.
const tableEnd = 0x1F00

// table holds, per rune below tableEnd, what it folds to, filled in from
// decompose itself the first time the rune is met (so the two ways
// cannot disagree, and a build pays only for the letters its text uses):
// 0 not yet known, 1 nothing (a mark), 2 more than the table holds (or a
// rune outside tableRanges), else the rune folded plus 3, in plain and
// in lower case.
var table struct{ plain, lower [tableEnd]atomic.Int32 }

const (
	notKnown = iota
	removed
	unknown
	runeBase
)

func inTable(r rune) bool {
	for _, rg := range tableRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// folded is what r folds to, by the table: the rune, and whether it is
// removed; ok is false when the table cannot tell.
func folded(r rune, lower bool) (f rune, drop, ok bool) {
	if r < 0 || r >= tableEnd {
		return 0, false, false
	}
	t := &table.plain
	if lower {
		t = &table.lower
	}
	v := t[r].Load()
	if v == notKnown {
		plain, low := int32(unknown), int32(unknown)
		if inTable(r) {
			switch f := []rune(decompose(string(r))); len(f) {
			case 0:
				plain, low = removed, removed
			case 1:
				plain, low = int32(f[0])+runeBase, int32(unicode.ToLower(f[0]))+runeBase
			}
		}
		table.plain[r].Store(plain)
		table.lower[r].Store(low)
		v = t[r].Load()
	}
	switch v {
	case removed:
		return 0, true, true
	case unknown:
		return 0, false, false
	}
	return rune(v - runeBase), false, true
}

// byTable folds s rune by rune, and lowercases it too if lower is set;
// ok is false when s holds a rune the table does not, or invalid UTF-8.
func byTable(s string, lower bool) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return "", false
			}
		}
		f, drop, ok := folded(r, lower)
		switch {
		case !ok:
			return "", false
		case !drop:
			b.WriteRune(f)
		}
	}
	return b.String(), true
}
