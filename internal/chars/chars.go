// Package chars holds the one rule for the characters no text of the
// site may contain: control characters, and characters that cannot be
// seen but change how the text around them shows, breaks or is searched
// (a right-to-left override turns "txt.exe" into "exe.txt" on screen).
//
// Every door text comes in by applies it to the text as decoded, not
// only to the bytes of a file: the content's files (their bytes, and
// every YAML value and Markdown character reference after unescaping,
// since "\u202e" in a quoted YAML value and "&#x202E;" in Markdown are
// the character itself), the targets of a translated XLIFF file, and the
// text `sitegen import` copies into sources/. README.md and
// docs/content.md list the refused characters as Markdown() writes
// them; a test holds the three together.
package chars

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// class is one kind of refused character: what the lists of refused
// characters say of it, and the test that picks it out.
type class struct {
	name    string // how a message names a character of the class
	doc     string // the entry of the documented list
	refused func(r rune) bool
}

// classes is the rule. Tab, line feed and carriage return are white
// space, which every text has collapsed to single spaces, so they are
// not refused here (a file's lone carriage return is a matter of its
// line ends, checked by the loader).
var classes = []class{
	{"control character",
		"**Control characters**: U+0000–U+001F other than tab, line feed and carriage return (NUL U+0000, ESC U+001B), DEL U+007F, and the C1 controls U+0080–U+009F (such as U+0085 and U+009B).",
		func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f }},
	{"invisible character",
		"**Invisible format characters** (Unicode category Cf): the soft hyphen U+00AD, the zero-width space U+200B and joiners U+200C, U+200D, U+2060, the bidirectional controls U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069, the byte-order mark U+FEFF anywhere but at the start of a file, and the rest of the category.",
		func(r rune) bool { return r >= 0xad && unicode.Is(unicode.Cf, r) }},
	{"invisible character",
		"**Line and paragraph separators** U+2028 and U+2029, which break a line where no editor shows a break.",
		func(r rune) bool { return r == 0x2028 || r == 0x2029 }},
}

// Refused reports whether r may not appear in a text of the site.
func Refused(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return false // nearly every character of a text
	}
	for _, c := range classes {
		if c.refused(r) {
			return true
		}
	}
	return false
}

// Find returns the first refused character of s and its byte offset,
// or -1 when s has none.
func Find(s string) (rune, int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if Refused(r) {
			return r, i
		}
		i += size
	}
	return 0, -1
}

// Remove returns s without its refused characters.
func Remove(s string) string {
	if _, at := Find(s); at < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Refused(r) {
			return -1
		}
		return r
	}, s)
}

// Describe names a refused character for a message: "invisible
// character U+202E (RIGHT-TO-LEFT OVERRIDE)".
func Describe(r rune) string {
	for _, c := range classes {
		if c.refused(r) {
			return c.name + " " + Name(r)
		}
	}
	return "character " + Name(r)
}

// Control reports whether r is a refused control character, which makes
// a file unusable as text (a YAML parser refuses it without saying
// where), rather than an invisible one, which is text a reader cannot see.
func Control(r rune) bool { return classes[0].refused(r) }

// Hint says what to do about the refused character r in a file.
func Hint(r rune) string { return "delete it: " + Why(r) }

// Why says why r is refused, for a hint.
func Why(r rune) string {
	if Control(r) {
		return "most editors do not show it, and it is not text"
	}
	return "it cannot be seen, and would reach the pages as it is, changing how the text around it shows or is searched"
}

// Name names any character: "U+202E (RIGHT-TO-LEFT OVERRIDE)". Control
// characters have no name in Unicode, only an alias.
func Name(r rune) string {
	if n := runenames.Name(r); n != "" && !strings.HasPrefix(n, "<") {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	if a, ok := aliases[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, a)
	}
	return fmt.Sprintf("U+%04X", r)
}

// aliases names the control characters a message most often meets.
var aliases = map[rune]string{
	0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0b: "VERTICAL TAB", 0x0c: "FORM FEED",
	0x1b: "ESCAPE", 0x7f: "DELETE", 0x85: "NEXT LINE", 0x9b: "CONTROL SEQUENCE INTRODUCER",
}

// Markdown is the list of refused characters as README.md and
// docs/content.md give it, one Markdown list entry a class.
func Markdown() string {
	var b strings.Builder
	for _, c := range classes {
		b.WriteString("- " + c.doc + "\n")
	}
	return b.String()
}
