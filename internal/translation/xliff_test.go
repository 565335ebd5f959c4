package translation

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

// element is a parsed XML element, for checking a file's structure.
type element struct {
	name     xml.Name
	attrs    map[string]string
	children []*element
	text     string
}

// validXLIFF checks that b is well-formed XML with the structure XLIFF 1.2
// prescribes for what sitegen writes: <xliff version="1.2"> in the 1.2
// namespace; <file> with original, source-language, datatype and a
// <body>; <trans-unit> with a unique id and its children in the schema's
// order (source, target, context-group, note).
func validXLIFF(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []*element
	var roots []*element
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			e := &element{name: x.Name, attrs: map[string]string{}}
			for _, a := range x.Attr {
				if a.Name.Space == "" {
					e.attrs[a.Name.Local] = a.Value
				}
			}
			if len(stack) == 0 {
				roots = append(roots, e)
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(x)
			}
		}
	}
	if len(roots) != 1 {
		t.Fatalf("%d root elements", len(roots))
	}
	root := roots[0]
	if root.name != (xml.Name{Space: Namespace, Local: "xliff"}) || root.attrs["version"] != "1.2" {
		t.Fatalf("root <%s> in %q version %q, want <xliff> in %q version 1.2", root.name.Local, root.name.Space, root.attrs["version"], Namespace)
	}
	var walk func(e *element)
	walk = func(e *element) {
		if e.name.Space != Namespace {
			t.Errorf("<%s> is in namespace %q", e.name.Local, e.name.Space)
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(root)
	if len(root.children) == 0 {
		t.Fatal("no <file>")
	}
	ids := map[string]bool{}
	for _, f := range root.children {
		if f.name.Local != "file" {
			t.Fatalf("<%s> in <xliff>, want <file>", f.name.Local)
		}
		for _, a := range []string{"original", "source-language", "datatype"} {
			if f.attrs[a] == "" {
				t.Errorf("<file> without %s", a)
			}
		}
		if len(f.children) != 1 || f.children[0].name.Local != "body" {
			t.Fatalf("<file %s> must hold one <body>", f.attrs["original"])
		}
		for _, u := range f.children[0].children {
			if u.name.Local != "trans-unit" || u.attrs["id"] == "" || ids[u.attrs["id"]] {
				t.Fatalf("<%s id=%q> in <body>: want a trans-unit with a unique id", u.name.Local, u.attrs["id"])
			}
			ids[u.attrs["id"]] = true
			order := map[string]int{"source": 0, "target": 1, "context-group": 2, "note": 3}
			last := -1
			for i, c := range u.children {
				k, ok := order[c.name.Local]
				if !ok || k < last || (k <= 1 && k == last) || i == 0 && k != 0 {
					t.Fatalf("unit %q: <%s> out of the schema's order", u.attrs["id"], c.name.Local)
				}
				last = k
			}
		}
	}
}

func TestExportFixture(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	ex, err := Export(m, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	validXLIFF(t, ex.XLIFF)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="plans/sample-1-2021.yaml" source-language="vi" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="plans/sample-1-2021/i-1-b/text">
        <source>Tuyên truyền về Cộng đồng ASEAN.</source>
        <context-group purpose="location">
          <context context-type="sourcefile">plans/sample-1-2021.yaml</context>
          <context context-type="linenumber">39</context>
        </context-group>
      </trans-unit>
    </body>
  </file>
</xliff>
`
	if string(ex.XLIFF) != want {
		t.Errorf("export:\n%s\nwant:\n%s", ex.XLIFF, want)
	}
	if ex.Units != 1 || ex.Missing != 1 || ex.Files != 1 {
		t.Errorf("counts %+v", *ex)
	}

	// With -all, every text, the translated ones with their English; the
	// glossary's terms as notes.
	ex, err = Export(m, ExportOptions{All: true, Plan: "sample-1-2021"})
	if err != nil {
		t.Fatal(err)
	}
	validXLIFF(t, ex.XLIFF)
	for _, s := range []string{
		`<trans-unit id="plans/sample-1-2021/title">`,
		`<trans-unit id="plans/sample-1-2021/i/title">`,
		`<trans-unit id="plans/sample-1-2021/i-1-a/text">`,
		`<target state="translated">Sustainable poverty reduction for people in remote areas.</target>`,
		`<note from="glossary" annotates="source">giảm nghèo → poverty reduction</note>`,
		`<trans-unit id="plans/sample-1-2021/ii-1/updates/1/evidence/1/title">`,
	} {
		if !strings.Contains(string(ex.XLIFF), s) {
			t.Errorf("export -all has no %s", s)
		}
	}
	if strings.Contains(string(ex.XLIFF), `agencies/`) {
		t.Error("export -plan has texts of other files")
	}
	// Nothing to translate: no file.
	ex, err = Export(sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "vi: Tuyên truyền về Cộng đồng ASEAN.\n", "vi: Tuyên truyền về Cộng đồng ASEAN.\n            en: Communication about the ASEAN Community.\n"), ExportOptions{})
	if err != nil || ex.Units != 0 || ex.XLIFF != nil {
		t.Errorf("export with nothing to translate: %v, %d units", err, ex.Units)
	}
	if _, err := Export(m, ExportOptions{Plan: "sample-1-2012"}); err == nil || !strings.Contains(err.Error(), `no plan has the id "sample-1-2012" (did you mean "sample-1-2021"?)`) {
		t.Errorf("unknown plan: err = %v", err)
	}
	broken := sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "lead: [dolisa]", "lead: [dolisaa]")
	if _, err := Export(broken, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "the content has errors") {
		t.Errorf("content with errors: err = %v", err)
	}
}

func TestImportRefusals(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	ex, err := Export(m, ExportOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	good := strings.Replace(string(ex.XLIFF), "<source>Tuyên truyền về Cộng đồng ASEAN.</source>",
		"<source>Tuyên truyền về Cộng đồng ASEAN.</source><target>Communication about the ASEAN Community.</target>", 1)
	if res, err := Import(m, "t.xlf", []byte(good)); err != nil || res.Written != ex.Units || len(res.Files) == 0 {
		t.Fatalf("the good file: err %v", err)
	}
	unit := `<trans-unit id="plans/sample-1-2021/i-1-b/text">`
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"malformed XML", "</xliff>", "</xlif>", fmt.Sprintf("t.xlf:%d: not well-formed XML: element <xliff> closed by </xlif>", strings.Count(good, "\n"))},
		{"text after the root", "</xliff>", "</xliff>\n<x/>", "not well-formed XML: more than one root element"},
		{"not XLIFF", "<xliff xmlns", "<xlf xmlns", "not well-formed XML"},
		{"another namespace", Namespace, "urn:oasis:names:tc:xliff:document:2.0", `not an XLIFF 1.2 file: the root element is <xliff> in namespace "urn:oasis:names:tc:xliff:document:2.0"`},
		{"another version", `version="1.2"`, `version="2.0"`, `XLIFF version "2.0", want "1.2"`},
		{"source language", `source-language="vi"`, `source-language="fr"`, `source-language is "fr", want "vi"`},
		{"target language", `target-language="en"`, `target-language="de-DE"`, `target-language is "de-DE", want "en"`},
		{"unknown id", unit, `<trans-unit id="plans/sample-1-2021/i-9/text">`, `unit "plans/sample-1-2021/i-9/text": no such text in the content`},
		{"source differs", "<source>Tuyên truyền về Cộng đồng ASEAN.</source>", "<source>Tuyên truyền về ASEAN.</source>",
			`unit "plans/sample-1-2021/i-1-b/text": the source text differs from the current Vietnamese at plans/sample-1-2021.yaml:39`},
		{"unit given twice", `<trans-unit id="plans/sample-1-2021/i-2-a/text">`, `<trans-unit id="plans/sample-1-2021/i-1-a/text">`, `unit "plans/sample-1-2021/i-1-a/text": given twice`},
		{"a formatting code", "Communication about", `<ph id="1">&lt;b&gt;</ph>Communication about`, `unit "plans/sample-1-2021/i-1-b/text": target: it contains <ph>`},
		{"no id", unit, `<trans-unit>`, `a trans-unit has no id`},
		// the character rule, on the target as the XML reader decodes it
		{"right-to-left override", "Communication about", "Communication &#x202E;about",
			`unit "plans/sample-1-2021/i-1-b/text": target: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed: it cannot be seen, and would reach the pages as it is, changing how the text around it shows or is searched; remove it in the translation tool and save the file again`},
		{"raw right-to-left override", "Communication about", "Communication \u202eabout", `target: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed`},
		{"C1 control", "Communication about", "Communication &#x9B;about", `target: control character U+009B (CONTROL SEQUENCE INTRODUCER) is not allowed`},
		{"next line, which clean would take for a space", "Communication about", "Communication\u0085about", `target: control character U+0085 (NEXT LINE) is not allowed`},
		{"zero width space", "Communication about", "Communication\u200babout", `target: invisible character U+200B (ZERO WIDTH SPACE) is not allowed`},
		{"byte-order mark inside", "Communication about", "Communication &#xFEFF;about", `target: invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) is not allowed`},
		{"soft hyphen", "Communication about", "Commu&#173;nication about", `target: invisible character U+00AD (SOFT HYPHEN) is not allowed`},
		{"paragraph separator", "Communication about", "Communication&#x2029;about", `target: invisible character U+2029 (PARAGRAPH SEPARATOR) is not allowed`},
		{"ESC, which XML itself refuses", "Communication about", "Communication &#27;about", `not well-formed XML: illegal character code U+001B`},
		{"another encoding declared", `<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0" encoding="windows-1252"?>`,
			`the file declares the encoding "windows-1252", which sitegen does not read; save it as UTF-8 XLIFF (or UTF-16) in the translation tool`},
		{"bytes of another encoding", "Communication about", "Communication \xe9about", `not well-formed XML: invalid UTF-8 (the file is neither UTF-8 nor UTF-16: save it as UTF-8 XLIFF in the translation tool)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(good, tc.old) {
				t.Fatalf("the file has no %q", tc.old)
			}
			res, err := Import(m, "t.xlf", []byte(strings.Replace(good, tc.old, tc.new, 1)))
			var ref *Refusal
			if !errors.As(err, &ref) || res != nil {
				t.Fatalf("err = %v, result %v: want a refusal and nothing to write", err, res)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "no file was changed") {
				t.Errorf("err = %q, want it to contain %q", err, tc.want)
			}
		})
	}
	// A unit translated from an earlier Vietnamese: refused, though every
	// other unit is good.
	changed := sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "vi: Tuyên truyền về Cộng đồng ASEAN.", "vi: Tuyên truyền về Cộng đồng ASEAN nói chung.")
	changed = sitetest.Replace(t, changed, "sources/plan.txt", "Tuyên truyền về Cộng đồng ASEAN.", "Tuyên truyền về Cộng đồng ASEAN nói chung.")
	if res, err := Import(changed, "t.xlf", []byte(good)); err == nil || res != nil || !strings.Contains(err.Error(), `unit "plans/sample-1-2021/i-1-b/text": the source text differs`) {
		t.Errorf("after the Vietnamese changed: err = %v", err)
	}
}

// TestImportUTF16 reads a translated file that a tool saved in UTF-16,
// with a byte-order mark in either order or none, as the same file in
// UTF-8.
func TestImportUTF16(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	ex, err := Export(m, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(ex.XLIFF), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	text = strings.Replace(text, "<source>Tuyên truyền về Cộng đồng ASEAN.</source>",
		"<source>Tuyên truyền về Cộng đồng ASEAN.</source><target>Communication about the ASEAN Community.</target>", 1)
	utf8Res, err := Import(m, "t.xlf", []byte(strings.Replace(text, `encoding="UTF-16"`, `encoding="UTF-8"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		order binary.AppendByteOrder
		bom   bool
	}{
		{"little-endian with a mark", binary.LittleEndian, true},
		{"big-endian with a mark", binary.BigEndian, true},
		{"little-endian without", binary.LittleEndian, false},
		{"big-endian without", binary.BigEndian, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b []byte
			units := utf16.Encode([]rune(text))
			if tc.bom {
				units = append([]uint16{0xfeff}, units...)
			}
			for _, u := range units {
				b = tc.order.AppendUint16(b, u)
			}
			res, err := Import(m, "t.xlf", b)
			if err != nil {
				t.Fatal(err)
			}
			if res.Written != 1 || len(res.Files) != 1 || string(res.Files[0].Data) != string(utf8Res.Files[0].Data) {
				t.Errorf("UTF-16 import wrote %d unit(s), other bytes than the same file in UTF-8", res.Written)
			}
		})
	}
	// cut short by a byte
	units := utf16.Encode([]rune(text))
	var b []byte
	for _, u := range units {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	if _, err := Import(m, "t.xlf", b[:len(b)-1]); err == nil || !strings.Contains(err.Error(), "the file looks like UTF-16 but has an odd number of bytes") {
		t.Errorf("odd UTF-16: err = %v", err)
	}
}

// TestImportStates: a unit without a target, or exported for review and
// returned unchanged, is left alone; one whose English was confirmed gets
// its fingerprint.
func TestImportStates(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	ex, err := Export(m, ExportOptions{All: true, Plan: "sample-1-2021"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(m, "t.xlf", ex.XLIFF)
	if err != nil {
		t.Fatal(err)
	}
	// Exported as translated and returned so: the English is confirmed.
	if res.Empty != 1 || res.Written != ex.Units-1 {
		t.Errorf("%d written, %d empty of %d", res.Written, res.Empty, ex.Units)
	}
	review := strings.Replace(string(ex.XLIFF), `<target state="translated">Organise cultural exchanges.</target>`, `<target state="needs-review-translation">Organise cultural exchanges.</target>`, 1)
	res, err = Import(m, "t.xlf", []byte(review))
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreviewed != 1 || res.Written != ex.Units-2 {
		t.Errorf("%d written, %d unreviewed", res.Written, res.Unreviewed)
	}
	// Targets in segment markers read as their text.
	seg := strings.Replace(string(ex.XLIFF), `<target state="translated">Organise cultural exchanges.</target>`, `<target state="translated"><mrk mtype="seg" mid="1">Organise cultural</mrk> <g id="1">events</g>.</target>`, 1)
	res, err = Import(m, "t.xlf", []byte(seg))
	if err != nil {
		t.Fatal(err)
	}
	var plan string
	for _, f := range res.Files {
		plan = string(f.Data)
	}
	if !strings.Contains(plan, "en: Organise cultural events.\n            en_of: "+model.Fingerprint("Tổ chức giao lưu văn hóa.")) {
		t.Errorf("segmented target not written:\n%s", plan)
	}
}

func TestGlossaryNotes(t *testing.T) {
	terms := []*model.Term{
		{VI: "Ủy ban nhân dân (UBND)", EN: "People's Committee"},
		{VI: "Quyết định", EN: "Decision"},
		{VI: "người yếu thế, nhóm yếu thế", EN: "vulnerable people, vulnerable groups"},
		{VI: "cơ quan chủ trì, đơn vị chủ trì", EN: "lead agency"},
		{VI: "thông tin, tuyên truyền", EN: "information and communication"},
		{VI: "giảm nghèo", EN: "poverty reduction"},
	}
	rs := renderings(terms)
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"UBND tỉnh chỉ đạo.", []string{"Ủy ban nhân dân (UBND) → People's Committee"}},
		{"Ủy ban nhân dân tỉnh và UBND huyện", []string{"Ủy ban nhân dân (UBND) → People's Committee"}},
		{"theo Quyết định số 161", []string{"Quyết định → Decision"}},
		{"các cơ quan quyết định việc này", nil},
		{"hỗ trợ nhóm yếu thế", []string{"nhóm yếu thế → vulnerable groups"}},
		{"Đơn vị chủ trì: Sở Nội vụ", []string{"cơ quan chủ trì, đơn vị chủ trì → lead agency"}},
		{"công tác thông tin cơ sở", nil},
		{"công tác thông tin, tuyên truyền", []string{"thông tin, tuyên truyền → information and communication"}},
		{"Giảm nghèo bền vững", []string{"giảm nghèo → poverty reduction"}},
		{"giảm nghèoo", nil},
	} {
		got := glossaryNotes(tc.src, rs)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: notes %q, want %q", tc.src, got, tc.want)
		}
	}
}
