package render

import (
	htmltemplate "html/template"
	"strings"
	"testing"
)

// TestTextEscapesAsTemplates: htmlWriter.text writes what html/template
// writes for a string in text, byte for byte, for every byte value.
func TestTextEscapesAsTemplates(t *testing.T) {
	tmpl := htmltemplate.Must(htmltemplate.New("").Parse(`{{.}}`))
	var all []byte
	for b := range 256 {
		all = append(all, byte(b))
	}
	for _, s := range []string{"", "plain", "Tổ chức <b>giao lưu</b> & \"văn\" 'hóa' a+b \x00", string(all), "đà nẵng\u2028x"} {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var w htmlWriter
		w.text(s)
		if string(w.b) != want.String() {
			t.Errorf("text(%q) = %q, want %q", s, w.b, want.String())
		}
	}
}
