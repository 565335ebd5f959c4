package theme

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"sitegen"
)

// cssProblem returns the first grammar error of a stylesheet: a stray
// brace or a broken rule makes browsers drop the rules that follow it,
// with no message anywhere.
func cssProblem(src string) string {
	p := css.NewParser(parse.NewInputString(src), false)
	for {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if p.Err() != nil && p.Err().Error() == "EOF" {
				return ""
			}
			return "cannot parse near " + strings.TrimSpace(string(data)) + " at byte " + strconv.Itoa(p.Offset())
		}
	}
}

// TestStylesheetsParse asserts that every stylesheet of the built-in
// theme parses without a grammar error, and that the check finds the
// errors it is there for.
func TestStylesheetsParse(t *testing.T) {
	for _, bad := range []string{
		"@media print { a { color: red; } }\n}\nform.search { display: flex; }",
		"a { color: red; } } b { color: blue; }",
	} {
		if cssProblem(bad) == "" {
			t.Errorf("no problem found in %q", bad)
		}
	}
	if p := cssProblem("@media print { a { color: red; } }\nform.search { display: flex; }"); p != "" {
		t.Errorf("a valid stylesheet: %s", p)
	}
	err := fs.WalkDir(sitegen.Theme, "assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".css") {
			return err
		}
		b, err := fs.ReadFile(sitegen.Theme, path)
		if err != nil {
			return err
		}
		if p := cssProblem(string(b)); p != "" {
			t.Errorf("%s: %s", path, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
