package chars

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite the lists of refused characters in README.md and docs/content.md")

func TestRefused(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'a', false}, {'\t', false}, {'\n', false}, {'\r', false}, {' ', false},
		{'ả', false}, {'Đ', false}, {0xa0, false}, // a no-break space is visible as a space
		{0x00, true}, {0x1b, true}, {0x7f, true}, {0x85, true}, {0x9b, true},
		{0xad, true}, {0x200b, true}, {0x200d, true}, {0x202e, true}, {0x2066, true},
		{0xfeff, true}, {0x2028, true}, {0x2029, true}, {0xe0001, true},
	}
	for _, tc := range tests {
		if got := Refused(tc.r); got != tc.want {
			t.Errorf("Refused(%s) = %v, want %v", Name(tc.r), got, tc.want)
		}
	}
}

// TestRuleIsTheCategories holds the rule to what the list says of it,
// over every character: the Cc category but for three spaces, Cf, Zl
// and Zp.
func TestRuleIsTheCategories(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) && r != '\t' && r != '\n' && r != '\r'
		if Refused(r) != want {
			t.Fatalf("Refused(%s) = %v, want %v", Name(r), !want, want)
		}
	}
}

func TestFindAndRemove(t *testing.T) {
	tests := []struct {
		s       string
		r       rune
		at      int
		removed string
	}{
		{"plain text", 0, -1, "plain text"},
		{"Tổ chức giao lưu", 0, -1, "Tổ chức giao lưu"},
		{"a\u202eb", 0x202e, 1, "ab"},
		{"ả\x1b[31m", 0x1b, 3, "ả[31m"},
		{"x\u00ady\u200b", 0xad, 1, "xy"},
	}
	for _, tc := range tests {
		r, at := Find(tc.s)
		if r != tc.r || at != tc.at {
			t.Errorf("Find(%q) = %U, %d; want %U, %d", tc.s, r, at, tc.r, tc.at)
		}
		if got := Remove(tc.s); got != tc.removed {
			t.Errorf("Remove(%q) = %q, want %q", tc.s, got, tc.removed)
		}
	}
}

func TestDescribe(t *testing.T) {
	for r, want := range map[rune]string{
		0x202e: "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)",
		0x1b:   "control character U+001B (ESCAPE)",
		0x9b:   "control character U+009B (CONTROL SEQUENCE INTRODUCER)",
		0x0e:   "control character U+000E",
		0x2028: "invisible character U+2028 (LINE SEPARATOR)",
	} {
		if got := Describe(r); got != want {
			t.Errorf("Describe(%U) = %q, want %q", r, got, want)
		}
	}
}

// TestListedCharactersRefused checks that every character the list
// names as an example is refused.
func TestListedCharactersRefused(t *testing.T) {
	code := regexp.MustCompile(`U\+([0-9A-F]{4,6})`)
	for _, m := range code.FindAllStringSubmatch(Markdown(), -1) {
		n, _ := strconv.ParseUint(m[1], 16, 32)
		if !Refused(rune(n)) {
			t.Errorf("the list names %s, which is not refused", m[0])
		}
	}
}

// The documented list sits between these lines.
const (
	listStart = "<!-- refused characters: from internal/chars; `go test ./internal/chars -update` rewrites this list -->\n"
	listEnd   = "<!-- end of the refused characters -->\n"
)

// TestDocumentedList holds the lists of README.md and docs/content.md
// to the rule: -update writes them from it.
func TestDocumentedList(t *testing.T) {
	for _, doc := range []string{"README.md", "docs/content.md"} {
		p := filepath.Join("..", "..", filepath.FromSlash(doc))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		start := strings.Index(text, listStart)
		end := strings.Index(text, listEnd)
		if start < 0 || end < start {
			t.Errorf("%s has no list of refused characters between %q and %q", doc, strings.TrimSpace(listStart), strings.TrimSpace(listEnd))
			continue
		}
		got := text[start+len(listStart) : end]
		want := "\n" + Markdown() + "\n"
		if got == want {
			continue
		}
		if *update {
			if err := os.WriteFile(p, []byte(text[:start+len(listStart)]+want+text[end:]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s lists other refused characters than the code; run go test ./internal/chars -update\ngot:\n%s\nwant:\n%s", doc, got, want)
	}
}
