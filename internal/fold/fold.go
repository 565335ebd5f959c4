// Package fold removes Vietnamese diacritics, so that "giam ngheo"
// matches "giảm nghèo" and "Da Nang" matches "Đà Nẵng".
//
// Unicode decomposition removes tone and vowel marks; đ and Đ are letters
// of their own in Unicode (not d with a mark), so they are mapped by hand.
package fold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

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
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, dd.Replace(s))
	if err != nil {
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Table entries: a rune folds to one rune (itself or another), to nothing
// (a combining mark), or to something the table does not hold.
const (
	removed = -1
	unknown = -2
)

// tableRanges are the runes the table holds: Latin letters, the combining
// marks, and Latin Extended Additional, where Vietnamese's precomposed
// letters are. Within them folding one rune never depends on its
// neighbours: every mark is removed, and no two remaining letters
// compose, so a string of them folds rune by rune.
var tableRanges = [][2]rune{{0, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}}

type foldTable struct{ plain, lower map[rune]rune }

// table is built once, on first use, from decompose itself, so the two
// ways cannot disagree.
var table = sync.OnceValue(func() foldTable {
	t := foldTable{plain: map[rune]rune{}, lower: map[rune]rune{}}
	for _, rg := range tableRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			f := []rune(decompose(string(r)))
			switch len(f) {
			case 0:
				t.plain[r], t.lower[r] = removed, removed
			case 1:
				t.plain[r], t.lower[r] = f[0], unicode.ToLower(f[0])
			default:
				t.plain[r], t.lower[r] = unknown, unknown
			}
		}
	}
	return t
})

// byTable folds s rune by rune, and lowercases it too if lower is set;
// ok is false when s holds a rune the table does not, or invalid UTF-8.
func byTable(s string, lower bool) (string, bool) {
	t := table().plain
	if lower {
		t = table().lower
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return "", false
			}
		}
		f, held := t[r]
		switch {
		case !held || f == unknown:
			return "", false
		case f != removed:
			b.WriteRune(f)
		}
	}
	return b.String(), true
}
