package render

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// tableSamples are tables as content authors write them, and the odd
// shapes around them.
var tableSamples = []string{
	"| a | b |\n|---|---|\n| 1 | 2 |",
	"intro line\n| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |",
	"two\nintro lines\n| a |\n| :-: |\n| b |",
	"a | b\n--- | :---:\nx | *y*\n\nafter",
	"| a \\| b | `c \\| d` |\n|---|---|\n| e \\|| f\\| |",
	"| a |\n|---|\n",
	"| a | b |\n|---|\n| 1 | 2 |",
	"- item\n\n| h |\n| - |\n| [l](../plans/) |",
	"|x|\n|-|\n> quote",
	"| a |\n| --- |\n| b |\n# heading",
	"| a |\n|---|\n|\n||\n| |",
	"a\n:--\nb",
	"a|b\n-|-\nc|d",
	"| Chỉ tiêu | Năm 2025 |\n|:---------|---------:|\n| Hộ nghèo | 1,5% |",
	"| a |\n|-x-|\n| b |",
	"| a |\n| -- | -- |\n",
	"  | a |  \n  |---|  \n  | b  |  ",
	"| **a** | <b>x</b> |\n|---|---|\n| [x](javascript:y) | ![i](p.png) |",
	"| a |\n|---|\n| b |\n\n| c |\n|:-:|\n| d |",
	"> | a |\n> |---|\n> | b |",
	"- | a |\n  |---|\n  | b |",
	"| a |\n|---|\n| b\\ |",
	"| a |\n|---|\n| \\\\| b |",
	// goldmark counts tab, line feed, carriage return and space as
	// spaces in a delimiter row, but not form feed or vertical tab
	"0\n\f-",
	"| a |\n|\v---|",
	"| a | b |\n|---\f|---|",
	"| a |\n|\t---\r|",
}

// withTables renders src with the given table extension.
func withTables(t testing.TB, ext goldmark.Extender, src string) string {
	t.Helper()
	var b strings.Builder
	md := goldmark.New(goldmark.WithExtensions(ext), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// goldmarkTables renders src with goldmark's table extension, a cell's
// alignment written as a class as tableHTML writes it.
func goldmarkTables(t testing.TB, src string) string {
	return alignStyles.Replace(withTables(t, extension.Table, src))
}

var alignStyles = strings.NewReplacer(
	` style="text-align:left"`, ` class="align-left"`,
	` style="text-align:center"`, ` class="align-center"`,
	` style="text-align:right"`, ` class="align-right"`)

// TestTablesAsGoldmark: tables are written as goldmark's table
// extension writes them by default, but for their alignment, which is a
// class instead of a style.
func TestTablesAsGoldmark(t *testing.T) {
	for _, src := range tableSamples {
		if got, want := withTables(t, tables{}, src), goldmarkTables(t, src); got != want {
			t.Errorf("%q:\n%s\nwant (goldmark's table extension)\n%s", src, got, want)
		}
	}
}

func FuzzTablesAsGoldmark(f *testing.F) {
	for _, src := range tableSamples {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		if got, want := withTables(t, tables{}, src), goldmarkTables(t, src); got != want {
			t.Errorf("%q:\n%s\nwant (goldmark's table extension)\n%s", src, got, want)
		}
	})
}
