// Package fold removes Vietnamese diacritics, so that "giam ngheo"
// matches "giảm nghèo" and "Da Nang" matches "Đà Nẵng".
//
// Unicode decomposition removes tone and vowel marks; đ and Đ are letters
// of their own in Unicode (not d with a mark), so they are mapped by hand.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var dd = strings.NewReplacer("đ", "d", "Đ", "D")

// ASCII returns s without diacritics. Letters outside Vietnamese keep
// their base form where Unicode gives one.
func ASCII(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, dd.Replace(s))
	if err != nil {
		return s
	}
	return out
}

// Key returns the form of s used to compare search words: lowercase and
// without diacritics.
func Key(s string) string { return strings.ToLower(ASCII(s)) }
