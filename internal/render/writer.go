package render

import (
	"html/template"
	"strings"
	"unsafe"
)

// htmlWriter is what the code generated from the templates (see
// templates_gen.go and package tmplgen) writes a page into: raw bytes,
// and values escaped as html/template escapes them in the context each
// method names. TestEscapersMatchTemplates holds each method to
// html/template's own escaping.
type htmlWriter struct {
	b []byte
}

// raw writes trusted bytes: the templates' own text, and HTML that
// html/template would write unescaped (template.HTML in text).
func (w *htmlWriter) raw(s string) { w.b = append(w.b, s...) }

// text escapes s for text or a quoted attribute value, as html/template's
// HTML escaper does: it also escapes '+' and replaces NUL.
func (w *htmlWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		repl := htmlEscapes[s[i]]
		if repl == "" {
			continue
		}
		w.b = append(w.b, s[last:i]...)
		w.b = append(w.b, repl...)
		last = i + 1
	}
	w.b = append(w.b, s[last:]...)
}

// htmlEscapes is what text writes for each byte it escapes. Looked up
// by byte, not chosen by a switch: every text of every page goes
// through it, most of it Vietnamese letters of two and three bytes.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// url writes s at the start of a URL attribute value: a scheme other
// than http, https or mailto is refused as html/template refuses it,
// then bytes not allowed in a URL are percent-encoded and the result
// escaped for the attribute.
func (w *htmlWriter) url(s string) { w.urlPart(safeURL(s)) }

// filteredURL writes s where an attribute holds a URL that html/template
// filters but does not normalise (the url= of a meta refresh).
func (w *htmlWriter) filteredURL(s string) { w.text(safeURL(s)) }

// safeURL is s, or "#ZgotmplZ" when it has a scheme other than http,
// https or mailto, as html/template's URL filter has it.
func safeURL(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		return "#ZgotmplZ"
	}
	return s
}

// urlPart writes s inside a URL attribute value after its start: bytes
// not allowed in a URL are percent-encoded, reserved ones and existing
// escapes kept.
func (w *htmlWriter) urlPart(s string) { w.text(percentEncode(s, true)) }

// frag writes s after a URL's "#" or "?": every byte but the unreserved
// ones is percent-encoded.
func (w *htmlWriter) frag(s string) { w.text(percentEncode(s, false)) }

// percentEncode encodes the bytes of s that may not stand in a URL as
// html/template does; normalize keeps the reserved characters and
// existing escapes, as at a URL's start.
func percentEncode(s string, normalize bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if normalize {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if normalize && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// fragment returns what w wrote as HTML, and leaves w empty. The bytes
// become the string without a copy, as strings.Builder's do: w never
// writes to them again.
func (w *htmlWriter) fragment() template.HTML {
	b := w.b
	w.b = nil
	if len(b) == 0 {
		return ""
	}
	return template.HTML(unsafe.String(&b[0], len(b)))
}
