package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sitegen"
)

// pathLiteral matches a string that spells a path of the site: "plans/",
// "compare/pillars/", "feed.xml", "data/items.csv".
var pathLiteral = regexp.MustCompile(`^/?[a-z0-9][a-z0-9-]*(/[a-z0-9-]+)*(/|\.(xml|json|csv|txt|html|conf))$`)

// TestNoPathLiterals: no template and no code of the renderer spells a
// path of the site; every one comes from package manifest, which plans
// the pages, so that a page cannot be linked at an address it does not
// have.
func TestNoPathLiterals(t *testing.T) {
	quoted := regexp.MustCompile(`"([^"\\]|\\.)*"`)
	names, err := fs.Glob(sitegen.Theme, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(sitegen.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			// only the strings inside actions are the template's values
			for _, action := range regexp.MustCompile(`\{\{.*?\}\}`).FindAllString(line, -1) {
				for _, q := range quoted.FindAllString(action, -1) {
					if s, err := strconv.Unquote(q); err == nil && pathLiteral.MatchString(s) {
						t.Errorf("%s:%d: the path %q is spelled in the template; use a method of .Link", name, i+1, s)
					}
				}
			}
		}
	}
	files, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		name := f.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || name == generatedFile {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && pathLiteral.MatchString(s) {
					t.Errorf("%s: the path %q is spelled here; name it in package manifest", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
}
