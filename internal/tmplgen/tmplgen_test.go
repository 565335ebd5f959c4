package tmplgen_test

import (
	"bytes"
	"flag"
	"html/template"
	"os"
	"reflect"
	"strings"
	"testing"

	"sitegen/internal/tmplgen"
	"sitegen/internal/tmplgen/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite internal/fixture/fixture_gen.go")

func fixtureConfig(set *template.Template) tmplgen.Config {
	return tmplgen.Config{
		Package:      "fixture",
		PkgPath:      reflect.TypeFor[fixture.View]().PkgPath(),
		Writer:       "*Writer",
		Register:     "register",
		Generator:    "go test ./internal/tmplgen -update",
		Sets:         map[string]*template.Template{"set": set},
		Fingerprints: map[string]string{"set": "fixture"},
		Funcs: map[string]tmplgen.Func{
			"join": {Expr: "strings.Join", Import: "strings", Type: reflect.TypeOf(strings.Join)},
			"add":  {Expr: "Add", Type: reflect.TypeOf(fixture.Add)},
		},
		Entries: []tmplgen.Entry{{Set: "set", Name: "page", Data: reflect.TypeFor[*fixture.View]()}},
	}
}

// TestFixture: internal/fixture/fixture_gen.go is what Generate gives for
// the fixture's templates (its own test runs it against html/template),
// and Generate gives the same bytes each time.
func TestFixture(t *testing.T) {
	src, err := tmplgen.Generate(fixtureConfig(fixture.Parse()))
	if err != nil {
		t.Fatal(err)
	}
	again, err := tmplgen.Generate(fixtureConfig(fixture.Parse()))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, again) {
		t.Error("two runs of Generate wrote different code")
	}
	const file = "internal/fixture/fixture_gen.go"
	if *update {
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, src) {
		t.Fatalf("internal/tmplgen/%s is not what Generate writes: run go generate ./... (%v)", file, err)
	}
	if !bytes.HasPrefix(src, []byte("// Code generated ")) || !bytes.Contains(src[:bytes.IndexByte(src, '\n')], []byte("DO NOT EDIT.")) {
		t.Errorf("the first line is not the standard header of generated code:\n%s", src[:bytes.IndexByte(src, '\n')])
	}
}

// TestUnsupported: what the generator cannot write is an error naming
// the template's place, never code that would write something else.
func TestUnsupported(t *testing.T) {
	type view struct {
		Name  string
		Any   any
		Ch    chan int
		Slice []string
	}
	tests := []struct{ name, text, want string }{
		{"unknown function", `{{define "page"}}{{printf "%s" .Name}}{{end}}`, `t:1:`},
		{"field of an interface", `{{define "page"}}{{.Any.Name}}{{end}}`, `interface`},
		{"range over a channel", `{{define "page"}}{{range .Ch}}{{.}}{{end}}{{end}}`, `range over a chan int`},
		{"a style attribute", `{{define "page"}}<p style="color: {{.Name}}">{{end}}`, `escapers`},
		{"a script", `{{define "page"}}<script>var x = {{.Name}};</script>{{end}}`, `escapers`},
		{"no such field", `{{define "page"}}{{.Nope}}{{end}}`, `no field or method Nope`},
		{"a method's arguments", `{{define "page"}}{{.Name.Nope 1}}{{end}}`, `Nope`},
		{"comparing a slice", `{{define "page"}}{{if eq .Slice .Slice}}x{{end}}{{end}}`, `comparing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := template.Must(template.New("t").Funcs(template.FuncMap{"dict": func(...any) map[string]any { return nil }}).Parse(tt.text))
			_, err := tmplgen.Generate(tmplgen.Config{Package: "p", PkgPath: "p", Writer: "*W", Register: "r", Generator: "g",
				Sets: map[string]*template.Template{"s": set}, Fingerprints: map[string]string{},
				Entries: []tmplgen.Entry{{Set: "s", Name: "page", Data: reflect.TypeFor[*view]()}}})

			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}
