package draft

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxDocxPart bounds the XML read from a .docx, so that a bad file fails
// clearly instead of exhausting memory.
const maxDocxPart = 50 << 20

// docxText returns the text of a Word document: each paragraph on a line
// of its own followed by a blank line, as a portal page is copied, and
// each table row as "| cell | cell |". Labels Word numbers by itself
// ("a)", "1.", "-") are written out, so that the text reads as printed.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", errors.New("not a .docx file (not a zip archive)")
	}
	doc, err := readPart(zr, "word/document.xml")
	if err != nil {
		return "", err
	}
	if doc == nil {
		return "", errors.New("not a .docx file (no word/document.xml)")
	}
	num := numbering{}
	if n, err := readPart(zr, "word/numbering.xml"); err != nil {
		return "", err
	} else if n != nil {
		num = parseNumbering(n)
	}
	return (&docxReader{num: num, counters: map[string][]int{}}).read(doc)
}

func readPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxDocxPart+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(b) > maxDocxPart {
			return nil, fmt.Errorf("%s is larger than %d MB", name, maxDocxPart>>20)
		}
		return b, nil
	}
	return nil, nil
}

// numbering holds the list formats of word/numbering.xml: for each list
// (numId) and level, its format (decimal, lowerLetter, upperRoman,
// bullet), its text pattern ("%1.", "%2)") and its first number.
type numbering map[string]map[int]numLevel

type numLevel struct {
	format, text string
	start        int
}

func parseNumbering(b []byte) numbering {
	abstract := map[string]map[int]numLevel{}
	out := numbering{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var absID, numID string
	var lvl int
	var cur *numLevel
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "lvl" && cur != nil && absID != "" {
				if abstract[absID] == nil {
					abstract[absID] = map[int]numLevel{}
				}
				abstract[absID][lvl] = *cur
				cur = nil
			}
			continue
		}
		switch se.Name.Local {
		case "abstractNum":
			absID = attr(se, "abstractNumId")
		case "lvl":
			lvl, _ = strconv.Atoi(attr(se, "ilvl"))
			cur = &numLevel{start: 1}
		case "start":
			if cur != nil {
				cur.start, _ = strconv.Atoi(attr(se, "val"))
			}
		case "numFmt":
			if cur != nil {
				cur.format = attr(se, "val")
			}
		case "lvlText":
			if cur != nil {
				cur.text = attr(se, "val")
			}
		case "num":
			numID = attr(se, "numId")
			absID = ""
		case "abstractNumId":
			if numID != "" {
				out[numID] = abstract[attr(se, "val")]
			}
		}
	}
	return out
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

type docxReader struct {
	num      numbering
	counters map[string][]int // numId -> count per level
	out      strings.Builder

	// The paragraph being read and its numbering.
	para           strings.Builder
	numID          string
	ilvl           int
	inPara, inText bool
	// The table being read: tables nest, and only the outermost one's
	// rows are written.
	tableDepth int
	row        []string
	cell       strings.Builder
}

func (r *docxReader) read(doc []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("word/document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t.Name.Local)
		case xml.CharData:
			if r.inText && r.inPara {
				r.para.Write(t)
			}
		}
	}
	return r.out.String(), nil
}

// start opens a table, row, cell, paragraph or run of text, or reads a
// paragraph's numbering.
func (r *docxReader) start(t xml.StartElement) {
	switch t.Name.Local {
	case "tbl":
		r.tableDepth++
	case "tr":
		r.row = nil
	case "tc":
		r.cell.Reset()
	case "p":
		r.inPara = true
		r.para.Reset()
		r.numID, r.ilvl = "", 0
	case "numId":
		r.numID = attr(t, "val")
	case "ilvl":
		r.ilvl, _ = strconv.Atoi(attr(t, "val"))
	case "t":
		r.inText = true
	case "tab":
		if r.inPara {
			r.para.WriteString(" ")
		}
	case "br", "cr":
		if r.inPara {
			r.para.WriteString(" ")
		}
	}
}

// end closes what start opened, writing out a paragraph or a table row.
func (r *docxReader) end(name string) {
	switch name {
	case "t":
		r.inText = false
	case "p":
		r.endParagraph()
	case "tc":
		r.row = append(r.row, strings.ReplaceAll(r.cell.String(), "|", "/"))
	case "tr":
		if r.tableDepth == 1 && len(r.row) > 0 {
			r.out.WriteString("| " + strings.Join(r.row, " | ") + " |\n")
		}
	case "tbl":
		r.tableDepth--
		if r.tableDepth == 0 {
			r.out.WriteString("\n")
		}
	}
}

// endParagraph writes a paragraph with its label, as a line of the text
// or into the table cell it is in.
func (r *docxReader) endParagraph() {
	r.inPara = false
	text := strings.Join(strings.Fields(r.para.String()), " ")
	if text != "" {
		text = r.label(r.numID, r.ilvl) + text
	}
	if r.tableDepth > 0 {
		if r.cell.Len() > 0 && text != "" {
			r.cell.WriteString(" ")
		}
		r.cell.WriteString(text)
	} else if text != "" {
		r.out.WriteString(text + "\n\n")
	}
}

// label returns the text of an automatic list label, with its space.
func (r *docxReader) label(numID string, ilvl int) string {
	levels, ok := r.num[numID]
	if !ok || numID == "" || numID == "0" {
		return ""
	}
	lv, ok := levels[ilvl]
	if !ok {
		return ""
	}
	c := r.counters[numID]
	for len(c) <= ilvl {
		c = append(c, 0)
	}
	if c[ilvl] == 0 {
		c[ilvl] = lv.start
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = 0 // a deeper list starts again under a new item
	}
	r.counters[numID] = c
	if lv.format == "bullet" {
		if lv.text == "+" {
			return "+ "
		}
		return "- "
	}
	text := lv.text
	for i := 0; i <= ilvl && i < len(c); i++ {
		l := levels[i]
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatNumber(c[i], l.format))
	}
	return text + " "
}

func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter":
		if n >= 1 && n <= 26 {
			return string(rune('a' + n - 1))
		}
	case "upperLetter":
		if n >= 1 && n <= 26 {
			return string(rune('A' + n - 1))
		}
	case "upperRoman", "lowerRoman":
		s := romanNumeral(n)
		if format == "lowerRoman" {
			return strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func romanNumeral(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
