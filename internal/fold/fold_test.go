package fold

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"giảm nghèo", "giam ngheo"},
		{"Đà Nẵng", "da nang"},
		{"ĐẮK LẮK", "dak lak"},
		{"Thanh Hóa", "thanh hoa"},
		{"Thanh Hoá", "thanh hoa"}, // old-style tone placement
		{"ASEAN 2025", "asean 2025"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// slowKey is Key without the table.
func slowKey(s string) string { return strings.ToLower(decompose(s)) }

func TestTableAgreesWithDecomposition(t *testing.T) {
	// every rune of the table, alone and between a letter and a mark,
	// folds as decomposition folds it
	for _, rg := range tableRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			for _, s := range []string{string(r), "Ư" + string(r) + "\u0301", "a" + string(r) + "đ"} {
				if got, want := ASCII(s), decompose(s); got != want {
					t.Errorf("ASCII(%q) = %q, decomposition gives %q", s, got, want)
				}
				if got, want := Key(s), slowKey(s); got != want {
					t.Errorf("Key(%q) = %q, decomposition gives %q", s, got, want)
				}
			}
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"giảm nghèo", "ĐẮK LẮK", "Thanh Hoá", "e\u0302\u0301", "\xff", "Ǆ ﬁ ß", "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), slowKey(s); got != want {
			t.Errorf("Key(%q) = %q, decomposition gives %q", s, got, want)
		}
		if got, want := ASCII(s), decompose(s); got != want {
			t.Errorf("ASCII(%q) = %q, decomposition gives %q", s, got, want)
		}
	})
}

func TestSpaces(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\tb", "a\u00a0b", "giảm  nghèo", "giảm\u2028nghèo", "\x01a", "a\x85b", "a\xffb"} {
		want := strings.Join(strings.Fields(s), " ")
		if got := Spaces(s); got != want {
			t.Errorf("Spaces(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSpaces(f *testing.F) {
	for _, s := range []string{"giảm  nghèo", " a\n", "a\u00a0b", "\xff \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Spaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("Spaces(%q) = %q, want %q", s, got, want)
		}
	})
}
