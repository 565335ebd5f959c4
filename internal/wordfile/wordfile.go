// Package wordfile writes small Word (.docx) documents: paragraphs,
// lists that Word numbers itself (numbering.xml), and tables with cells
// merged across columns and down rows. The importer's tests and its
// corpus are made with it, so that they hold the structures a province's
// Word file has, not only the text a portal shows. It writes the
// numbers it is given as they are, out of Word's bounds too: a test of
// a hostile file needs that.
package wordfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Level is one level of a list: its format (decimal, lowerLetter,
// upperRoman, bullet, ...), its label pattern ("%1.", "%1.%2.", "-")
// and its first number.
type Level struct {
	Format, Text string
	Start        int
}

// Para is a paragraph; List is the list it belongs to (0 for none), and
// Level its level there.
type Para struct {
	Text        string
	List, Level int
	Bold        bool
}

// Merge says how a cell merges with the cells above and below it.
type Merge int

const (
	NoMerge       Merge = iota
	MergeStart          // the first cell of a vertical merge: it holds the text
	MergeContinue       // a cell merged with the one above: empty in the file
)

// Cell is a table cell: its paragraphs, how many grid columns it spans
// (0 or 1 for one) and its vertical merge.
type Cell struct {
	Paras []Para
	Span  int
	Merge Merge
}

// Text is a cell of one plain paragraph.
func Text(s string) Cell { return Cell{Paras: []Para{{Text: s}}} }

// Document is a Word document being written.
type Document struct {
	body  strings.Builder
	lists [][]Level
}

// List adds a list with the given levels and returns its number, for
// Para.List.
func (d *Document) List(levels ...Level) int {
	d.lists = append(d.lists, levels)
	return len(d.lists)
}

// Paragraph adds paragraphs to the body.
func (d *Document) Paragraph(ps ...Para) {
	for _, p := range ps {
		d.body.WriteString(para(p))
	}
}

// Plain adds one paragraph of text per argument.
func (d *Document) Plain(texts ...string) {
	for _, t := range texts {
		d.Paragraph(Para{Text: t})
	}
}

// Table adds a table with the given rows.
func (d *Document) Table(rows ...[]Cell) {
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>`)
	for _, row := range rows {
		b.WriteString("<w:tr>")
		for _, c := range row {
			b.WriteString("<w:tc>")
			if c.Span > 1 || c.Merge != NoMerge {
				b.WriteString("<w:tcPr>")
				if c.Span > 1 {
					fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, c.Span)
				}
				switch c.Merge {
				case MergeStart:
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				case MergeContinue:
					b.WriteString(`<w:vMerge/>`)
				}
				b.WriteString("</w:tcPr>")
			}
			if len(c.Paras) == 0 {
				b.WriteString("<w:p/>") // Word requires a paragraph in every cell
			}
			for _, p := range c.Paras {
				b.WriteString(para(p))
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

func para(p Para) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if p.List != 0 {
		fmt.Fprintf(&b, `<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>`, p.Level, p.List)
	}
	b.WriteString("<w:r>")
	if p.Bold {
		b.WriteString("<w:rPr><w:b/></w:rPr>")
	}
	b.WriteString(`<w:t xml:space="preserve">`)
	_ = xml.EscapeText(&b, []byte(p.Text))
	b.WriteString("</w:t></w:r></w:p>")
	return b.String()
}

const (
	wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Bytes returns the .docx file. The same document always gives the same
// bytes: the archive's times are fixed.
func (d *Document) Bytes() ([]byte, error) {
	var num strings.Builder
	num.WriteString(header + `<w:numbering ` + wordNS + `>`)
	for i, levels := range d.lists {
		fmt.Fprintf(&num, `<w:abstractNum w:abstractNumId="%d">`, i)
		for l, lv := range levels {
			fmt.Fprintf(&num, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`,
				l, lv.Start, lv.Format, escape(lv.Text))
		}
		num.WriteString(`</w:abstractNum>`)
	}
	for i := range d.lists {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, i+1, i)
	}
	num.WriteString(`</w:numbering>`)

	parts := []struct{ name, data string }{
		{"[Content_Types].xml", header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
			`</Types>`},
		{"_rels/.rels", header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{"word/_rels/document.xml.rels", header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", header + `<w:document ` + wordNS + `><w:body>` + d.body.String() + `<w:sectPr/></w:body></w:document>`},
		{"word/numbering.xml", num.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
