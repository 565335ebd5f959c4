package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clause shortens s to at most n characters at the end of a clause: after
// a semicolon, a comma, a colon or a full stop, never inside a word, a
// name, a number or a date. When no clause ends early enough, it cuts at
// the last space that neither follows nor comes before a number (so
// "Nghị định 162/2017/NĐ-CP ngày 30/12/2017" keeps its date whole), and
// marks the cut with "…".
func clause(s string, n int) string {
	end, fits := runeOffset(s, n)
	if fits {
		return s
	}
	head := s[:end]
	best := -1
	for i := len(head) - 1; i > len(head)/3; i-- {
		if head[i] != ' ' {
			continue
		}
		switch head[i-1] {
		case ';', ',', ':':
			return strings.TrimRight(head[:i-1], " ") + "…"
		case '.':
			// a full stop ends a clause, unless it ends an abbreviation
			// or a number ("1.", "TP.")
			if r, _ := utf8.DecodeLastRuneInString(head[:i-1]); unicode.IsLower(r) {
				return head[:i-1] + "…"
			}
		}
		if best < 0 && !touchesNumber(head, i) && !shortWord(head[:i]) {
			best = i
		}
	}
	if best < 0 {
		best = strings.LastIndexByte(head, ' ')
		if best <= 0 {
			return head + "…"
		}
	}
	return strings.TrimRight(head[:best], " ,;:") + "…"
}

// touchesNumber reports whether the space at i is next to a number.
func touchesNumber(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsDigit(before) || unicode.IsDigit(after)
}

// shortWord reports whether s ends with a word of one or two letters,
// which begins a phrase rather than ends one ("và", "of", "to"): a cut
// after it leaves a dangling word.
func shortWord(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	return utf8.RuneCountInString(w) <= 2 || w == "the" || w == "and" || w == "của" || w == "các" || w == "những"
}

// runeOffset is the byte offset of s's n-th rune, and whether s has no
// more than n runes; it reads no further than that rune.
func runeOffset(s string, n int) (int, bool) {
	if len(s) <= n {
		return len(s), true // n bytes hold at most n runes
	}
	count := 0
	for i := range s {
		if count == n {
			return i, false
		}
		count++
	}
	return len(s), true
}
