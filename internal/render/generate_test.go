package render

import (
	"bytes"
	"flag"
	"html/template"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"sitegen"
	"sitegen/internal/theme"
	"sitegen/internal/tmplgen"
)

// updating reports whether the tests run with -update (defined with the
// golden files' tests), which rewrites templates_gen.go as well.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const generatedFile = "templates_gen.go"

// generate writes the Go of the built-in theme's templates, for every
// entry the renderer executes.
func generate(t *testing.T, th *theme.Theme) []byte {
	t.Helper()
	cfg := tmplgen.Config{
		Package:      "render",
		PkgPath:      reflect.TypeFor[page]().PkgPath(),
		Writer:       "*htmlWriter",
		Register:     "registerCompiled",
		Generator:    "go generate ./internal/render from the templates",
		Sets:         map[string]*template.Template{},
		Fingerprints: map[string]string{},
		Funcs: map[string]tmplgen.Func{
			"add":  {Expr: "theme.Add", Import: "sitegen/internal/theme", Type: reflect.TypeOf(theme.Add)},
			"min":  {Expr: "theme.Min", Import: "sitegen/internal/theme", Type: reflect.TypeOf(theme.Min)},
			"join": {Expr: "strings.Join", Import: "strings", Type: reflect.TypeOf(strings.Join)},
		},
	}
	es := entries()
	sort.Slice(es, func(i, j int) bool {
		if es[i].Set != es[j].Set {
			return es[i].Set < es[j].Set
		}
		return es[i].Name < es[j].Name
	})
	for _, e := range es {
		if cfg.Sets[e.Set] == nil {
			set, err := th.Template(e.Set)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Sets[e.Set] = set
			cfg.Fingerprints[e.Set] = th.Fingerprint(e.Set)
		}
		cfg.Entries = append(cfg.Entries, tmplgen.Entry{Set: e.Set, Name: e.Name, Data: e.Data})
	}
	src, err := tmplgen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestGeneratedCode: templates_gen.go is what the built-in templates
// give. With -update (go generate ./...), it is written anew.
func TestGeneratedCode(t *testing.T) {
	th := builtInTheme(t)
	want := generate(t, th)
	if updating() {
		if err := os.WriteFile(generatedFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(generatedFile)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("internal/render/%s is not what the templates give: run go generate ./... (%v)", generatedFile, err)
	}
}

func builtInTheme(t *testing.T) *theme.Theme {
	t.Helper()
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	return th
}
