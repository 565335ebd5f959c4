package diag

import (
	"strings"
	"testing"
)

// TestValuesAreShortened: a value quoted in a message is cut to MaxEcho
// characters, context to four times that, so that a value pasted by
// mistake (megabytes of it) never floods the terminal.
func TestValuesAreShortened(t *testing.T) {
	const a = "\u1ea3" // ả, one character
	long := strings.Repeat(a, 5000)
	for _, tc := range []struct {
		format string
		args   []any
		want   string
	}{
		{"kind %q is not known", []any{long}, `kind "` + strings.Repeat(a, MaxEcho) + `…" is not known`},
		{"%s: unknown field %q", []any{"item \"x\"", "pilar"}, `item "x": unknown field "pilar"`},
		{"%s: field %q", []any{long, "vi"}, strings.Repeat(a, maxContext) + `…: field "vi"`},
		{"%d%% of %q", []any{5, long[:len(a)*81]}, `5% of "` + strings.Repeat(a, 80) + `…"`},
		{"%d%% of %q", []any{5, long[:len(a)*80]}, `5% of "` + strings.Repeat(a, 80) + `"`},
		{"%v and %q", []any{long, "short"}, strings.Repeat(a, maxContext) + `… and "short"`},
	} {
		var l List
		l.Errorf(Pos{File: "f"}, "", tc.format, tc.args...)
		if got := l.Problems()[0].Msg; got != tc.want {
			t.Errorf("%s: got %d characters ending %+q, want %d ending %+q", tc.format, len([]rune(got)), got[len(got)-12:], len([]rune(tc.want)), tc.want[len(tc.want)-12:])
		}
	}
	if got := Clip("abc", 3); got != "abc" {
		t.Errorf("Clip cut a value at its length: %q", got)
	}
}
