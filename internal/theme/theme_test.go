package theme

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen"
	"sitegen/internal/model"
)

// keyUse finds the interface strings templates name literally: .T "key",
// .Tf "key" and .Plural "key" (which uses key.one and key.other).
var keyUse = regexp.MustCompile(`\.(T|Tf|Plural) "([a-z0-9.-]+)"`)

// TestInterfaceStrings asserts that every language file defines the name
// of every value of every vocabulary of the model, and every key the
// templates use. Removing a key from one file makes it fail.
func TestInterfaceStrings(t *testing.T) {
	th, err := Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, k := range model.MessageKeys() {
		want[k] = "the model's vocabulary"
	}
	err = fs.WalkDir(sitegen.Theme, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := fs.ReadFile(sitegen.Theme, p)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
			if m[1] == "Plural" {
				want[m[2]+".one"], want[m[2]+".other"] = p, p
			} else {
				want[m[2]] = p
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 100 {
		t.Fatalf("found only %d keys; is the pattern still right?", len(want))
	}
	for _, l := range model.Langs {
		for k, where := range want {
			if _, err := th.Locales[l].T(k); err != nil {
				t.Errorf("%s: %v (used by %s)", l, err, where)
			}
		}
	}
}

// TestMissingKeyFails proves the test above can fail: a language file
// without one vocabulary key does not load, or misses the key.
func TestMissingKeyFails(t *testing.T) {
	override := fstest.MapFS{}
	for _, l := range model.Langs {
		b, err := fs.ReadFile(sitegen.Theme, "templates/i18n/"+string(l)+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		s := regexp.MustCompile(`(?m)^status\.limited:.*\n`).ReplaceAllString(string(b), "")
		override["templates/i18n/"+string(l)+".yaml"] = &fstest.MapFile{Data: []byte(s)}
	}
	th, err := Load(sitegen.Theme, override)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.Locales[model.EN].T(model.StatusLimited.MessageKey()); err == nil {
		t.Error("a removed key is still found")
	}
}

// TestOverride asserts that a publisher's file replaces the built-in one
// of the same name and leaves the others.
func TestOverride(t *testing.T) {
	override := fstest.MapFS{"assets/site.css": {Data: []byte("body{color:red}")}}
	th, err := Load(sitegen.Theme, override)
	if err != nil {
		t.Fatal(err)
	}
	var css string
	for _, f := range th.AssetFiles {
		if strings.HasPrefix(f.Path, "assets/site.") && strings.HasSuffix(f.Path, ".css") {
			css = string(f.Data)
		}
	}
	if css != "body{color:red}" {
		t.Errorf("site.css = %q, want the override", css)
	}
	if _, err := th.Template("item"); err != nil {
		t.Error(err)
	}
}

// TestTemplateErrorSaysWhatToDo: a mistake in a publisher's template,
// a page kind's or the layout and partials every kind is parsed with, is
// reported by Load, before any content is read (the built-in layout and
// partials are otherwise parsed only when a template runs); an
// undefined function names the functions a template may call.
func TestTemplateErrorSaysWhatToDo(t *testing.T) {
	for _, file := range []string{"templates/item.html", "templates/layout.html", "templates/partials.html"} {
		override := fstest.MapFS{file: {Data: []byte(`{{define "main"}}{{nosuch .}}{{end}}`)}}
		_, err := Load(sitegen.Theme, override)
		if err == nil || !strings.Contains(err.Error(), `"nosuch" not defined`) || !strings.Contains(err.Error(), "may call only") {
			t.Errorf("%s: error = %v", file, err)
		}
	}
}

// TestBuiltInTemplatesParse: the built-in kinds are parsed on first use,
// not by Load, so a mistake in one must be caught here.
func TestBuiltInTemplatesParse(t *testing.T) {
	th, err := Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(th.templates) < 20 {
		t.Fatalf("%d page kinds, want the built-in theme's 20 or more", len(th.templates))
	}
	for kind := range th.templates {
		tm, err := th.Template(kind)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		if tm.Lookup("layout") == nil || tm.Lookup("templates/"+kind+".html") == nil {
			t.Errorf("%s: the set lacks the layout or the kind's own file", kind)
		}
	}
}
