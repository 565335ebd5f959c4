package translation

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

// Namespace is the XML namespace of XLIFF 1.2, the version translation
// tools (OmegaT, Trados, memoQ, Weblate) read and write.
const Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// The document as written. Element order inside a trans-unit follows the
// XLIFF 1.2 schema: source, target, context-group, note.
type xliffOut struct {
	XMLName xml.Name  `xml:"urn:oasis:names:tc:xliff:document:1.2 xliff"`
	Version string    `xml:"version,attr"`
	Files   []fileOut `xml:"file"`
}

type fileOut struct {
	Original string    `xml:"original,attr"`
	Source   string    `xml:"source-language,attr"`
	Target   string    `xml:"target-language,attr"`
	Datatype string    `xml:"datatype,attr"`
	Units    []unitOut `xml:"body>trans-unit"`
}

type unitOut struct {
	ID       string       `xml:"id,attr"`
	Source   string       `xml:"source"`
	Target   *targetOut   `xml:"target,omitempty"`
	Location contextGroup `xml:"context-group"`
	Notes    []noteOut    `xml:"note"`
}

type targetOut struct {
	State string `xml:"state,attr"`
	Text  string `xml:",chardata"`
}

type contextGroup struct {
	Purpose  string       `xml:"purpose,attr"`
	Contexts []contextOut `xml:"context"`
}

type contextOut struct {
	Type string `xml:"context-type,attr"`
	Text string `xml:",chardata"`
}

type noteOut struct {
	From     string `xml:"from,attr"`
	Annotate string `xml:"annotates,attr,omitempty"`
	Text     string `xml:",chardata"`
}

func encodeXLIFF(w io.Writer, doc *xliffOut) error {
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// The document as read: only what import uses, so that files tools have
// added to (headers, alt-trans, their own notes) still read.
type xliffIn struct {
	XMLName xml.Name
	Version string   `xml:"version,attr"`
	Files   []fileIn `xml:"file"`
}

type fileIn struct {
	Original string  `xml:"original,attr"`
	Source   string  `xml:"source-language,attr"`
	Target   string  `xml:"target-language,attr"`
	Body     groupIn `xml:"body"`
}

// groupIn is a body or a group: tools may gather units in groups.
type groupIn struct {
	Units  []unitIn  `xml:"trans-unit"`
	Groups []groupIn `xml:"group"`
}

func (g *groupIn) units() []unitIn {
	out := g.Units
	for i := range g.Groups {
		out = append(out, g.Groups[i].units()...)
	}
	return out
}

type unitIn struct {
	ID     string    `xml:"id,attr"`
	Source *inlineIn `xml:"source"`
	Target *inlineIn `xml:"target"`
}

type inlineIn struct {
	State string `xml:"state,attr"`
	Inner []byte `xml:",innerxml"`
}

// text returns the text of a source or target. Tools may wrap text in
// <g> or <mrk> (segment markers); any other inline element stands for
// formatting codes, which these texts never have.
func (in *inlineIn) text() (string, error) {
	if in == nil {
		return "", nil
	}
	d := xml.NewDecoder(bytes.NewReader(in.Inner))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if t.Name.Local != "g" && t.Name.Local != "mrk" {
				return "", fmt.Errorf("it contains <%s>, a formatting code; these texts are plain: remove it", t.Name.Local)
			}
		}
	}
}

// decodeXLIFF reads an XLIFF 1.2 document. name is the file's name for
// messages.
func decodeXLIFF(name string, data []byte) (*xliffIn, error) {
	data, err := toUTF8(name, data)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-16", "utf-16le", "utf-16be", "utf16":
			return input, nil // toUTF8 has decoded it
		}
		return nil, fmt.Errorf("the file declares the encoding %q, which sitegen does not read; save it as UTF-8 XLIFF (or UTF-16) in the translation tool", charset)
	}
	var doc xliffIn
	if err := d.Decode(&doc); err != nil {
		return nil, malformed(name, err)
	}
	// Decode stops at the end of the root element: anything but comments
	// and white space after it makes the file malformed.
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, malformed(name, err)
		}
		switch t := tok.(type) {
		case xml.Comment, xml.ProcInst:
		case xml.CharData:
			if len(bytes.TrimSpace(t)) == 0 {
				continue
			}
			return nil, fmt.Errorf("%s:%d: not well-formed XML: text after the root element", name, line(data, d.InputOffset()))
		default:
			return nil, fmt.Errorf("%s:%d: not well-formed XML: more than one root element", name, line(data, d.InputOffset()))
		}
	}
	if doc.XMLName.Local != "xliff" || doc.XMLName.Space != Namespace {
		return nil, fmt.Errorf("%s: not an XLIFF 1.2 file: the root element is <%s> in namespace %q, want <xliff> in %q; export the file as XLIFF 1.2", name, doc.XMLName.Local, doc.XMLName.Space, Namespace)
	}
	if doc.Version != "1.2" {
		return nil, fmt.Errorf("%s: XLIFF version %q, want \"1.2\"; export the file as XLIFF 1.2", name, doc.Version)
	}
	if len(doc.Files) == 0 {
		return nil, fmt.Errorf("%s: no <file> element; export the file again with sitegen translations export", name)
	}
	return &doc, nil
}

func malformed(name string, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		hint := ""
		if strings.Contains(se.Msg, "invalid UTF-8") {
			hint = " (the file is neither UTF-8 nor UTF-16: save it as UTF-8 XLIFF in the translation tool)"
		}
		return fmt.Errorf("%s:%d: not well-formed XML: %s%s", name, se.Line, se.Msg, hint)
	}
	return fmt.Errorf("%s: not well-formed XML: %v", name, err)
}

// toUTF8 decodes an XLIFF file written in UTF-16, which XML readers
// must accept and some translation tools write: with a byte-order mark,
// or without one, told by the zero bytes of "<?" or "<x". UTF-8 is
// returned as it is.
func toUTF8(name string, data []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0, '<'}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{'<', 0}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	default:
		return data, nil
	}
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("%s: the file looks like UTF-16 but has an odd number of bytes, so it is cut short or in another encoding; save it again as UTF-8 XLIFF", name)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%s: the file looks like UTF-16 but does not decode (%v); save it again as UTF-8 XLIFF", name, err)
	}
	return out, nil
}

func line(data []byte, offset int64) int {
	return bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1
}

// isLanguage reports whether tag names base, whatever its region:
// tools write "vi", "vi-VN" or "en-GB".
func isLanguage(tag, base string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	b, _ := t.Base()
	return b.String() == base
}
