package render

import (
	"html/template"
	"strings"
	"testing"
)

// escapeContexts are the places the generated code writes a value, each
// with the template that puts a value there and the writer's method.
var escapeContexts = []struct {
	name          string
	before, after string
	write         func(*htmlWriter, string)
}{
	{"text", "", "", (*htmlWriter).text},
	{"attribute", `<p title="`, `">`, (*htmlWriter).text},
	{"url", `<a href="`, `">`, (*htmlWriter).url},
	{"url part", `<a href="/x/`, `">`, (*htmlWriter).urlPart},
	{"fragment", `<a href="/x#`, `">`, (*htmlWriter).frag},
	{"refresh", `<meta http-equiv="refresh" content="0; url=`, `">`, (*htmlWriter).filteredURL},
}

// checkEscapes compares each writer method with html/template on s.
func checkEscapes(t *testing.T, s string) {
	t.Helper()
	for _, c := range escapeContexts {
		tmpl := template.Must(template.New("").Parse(c.before + "{{.}}" + c.after))
		var out strings.Builder
		if err := tmpl.Execute(&out, s); err != nil {
			t.Fatal(err)
		}
		var w htmlWriter
		w.raw(c.before)
		c.write(&w, s)
		w.raw(c.after)
		if string(w.b) != out.String() {
			t.Errorf("%s: %q gives %q, html/template %q", c.name, s, w.b, out.String())
		}
	}
}

// TestEscapersMatchTemplates: each method of htmlWriter writes what
// html/template writes for a string in its context, byte for byte.
func TestEscapersMatchTemplates(t *testing.T) {
	var all []byte
	for b := range 256 {
		all = append(all, byte(b))
	}
	for _, s := range []string{"", "plain", "Tổ chức <b>giao lưu</b> & \"văn\" 'hóa' a+b \x00", string(all),
		"đà nẵng\u2028x", "javascript:alert(1)", "JavaScript:x", "mailto:a@b.vn", "HTTPS://x.vn/a b?c=d#e",
		"/vi/plans/x/", "a%2fb%zz", "data:text/html,x", "/a:b", "#frag ment"} {
		checkEscapes(t, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "<a href='x'>", "javascript:x", "/vi/a b/#c", "%41%g"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscapes(t, s) })
}

// TestGeneratedCodeIsUsed: with the built-in theme, every template the
// renderer executes is written by the generated code.
func TestGeneratedCodeIsUsed(t *testing.T) {
	th := builtInTheme(t)
	compiled := compiledFor(th.Fingerprint)
	for _, e := range entries() {
		if compiled[e.Set][e.Name] == nil {
			t.Errorf("template %q of set %q is run by html/template: run go generate ./...", e.Name, e.Set)
		}
	}
}
