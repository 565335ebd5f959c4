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

// Bounds on the work a .docx file can ask for. A Word file is a zip of
// XML that names its own numbers (a list's first number, a level, a
// cell's span): each is checked against what Word itself writes before
// it is used, so that a small hostile file fails at once instead of
// counting to 9·10^18 or allocating a counter per level.
const (
	maxDocxFile    = 32 << 20 // the .docx file itself
	maxDocxPart    = 16 << 20 // one XML part, uncompressed
	maxDocxText    = 4 << 20  // the text read from the document
	maxDocxEntries = 2000     // files in the zip archive
	maxListLevel   = 8        // Word's list levels are 0 to 8
	maxListStart   = 32767    // the largest first number Word accepts
	maxTableRows   = 5000     // rows of one table
	maxRowColumns  = 63       // grid columns of one row, spans included (Word allows 63)
)

// docxDoc is the text of a Word document, and which of its table cells
// were read from a cell merged with the one above.
type docxDoc struct {
	text string
	// carried holds, by line of text (from 1), the columns of a table
	// row whose value was carried down from a vertically merged cell.
	carried map[int][]int
}

// docxText returns the text of a Word document: each paragraph on a line
// of its own followed by a blank line, as a portal page is copied, and
// each row of a table of data as "| cell | cell |". Labels Word numbers
// by itself ("a)", "1.", "-") are written out, in table cells too, so
// that the text reads as printed. A table that only lays out the
// heading or the signature is written as its paragraphs.
func docxText(data []byte) (docxDoc, error) {
	if len(data) > maxDocxFile {
		return docxDoc{}, fmt.Errorf("the file is larger than %d MB; a plan's .docx is far smaller: save its text as .txt if it is one", maxDocxFile>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return docxDoc{}, errors.New("not a .docx file (not a zip archive)")
	}
	if len(zr.File) > maxDocxEntries {
		return docxDoc{}, fmt.Errorf("not a .docx file (%d files in the archive, more than %d)", len(zr.File), maxDocxEntries)
	}
	doc, err := readPart(zr, "word/document.xml")
	if err != nil {
		return docxDoc{}, err
	}
	if doc == nil {
		return docxDoc{}, errors.New("not a .docx file (no word/document.xml)")
	}
	num := numbering{}
	if n, err := readPart(zr, "word/numbering.xml"); err != nil {
		return docxDoc{}, err
	} else if n != nil {
		if num, err = parseNumbering(n); err != nil {
			return docxDoc{}, fmt.Errorf("word/numbering.xml: %w", err)
		}
	}
	r := &docxReader{num: num, counters: map[string][]int{}, carried: map[int][]int{}, line: 1}
	text, err := r.read(doc)
	return docxDoc{text: text, carried: r.carried}, err
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

func parseNumbering(b []byte) (numbering, error) {
	abstract := map[string]map[int]numLevel{}
	out := numbering{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var absID, numID string
	var lvl int
	var cur *numLevel
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
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
			if lvl, err = bounded(attr(se, "ilvl"), 0, maxListLevel, "list level"); err != nil {
				return nil, err
			}
			cur = &numLevel{start: 1}
		case "start":
			if cur != nil {
				if cur.start, err = bounded(attr(se, "val"), 0, maxListStart, "a list's first number"); err != nil {
					return nil, err
				}
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
}

// bounded reads a number Word writes, refusing one out of [lo, hi].
func bounded(s string, lo, hi int, what string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s %s is not one Word writes (%d to %d): the file is damaged or was not made by a word processor", what, quote(s), lo, hi)
	}
	return n, nil
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// docxCell is a table cell: its paragraphs, the grid columns it spans
// and whether it starts or continues a vertical merge.
type docxCell struct {
	paras []string
	span  int
	merge cellMerge
}

type cellMerge int

const (
	noMerge cellMerge = iota
	mergeStart
	mergeContinue
)

func (c docxCell) text() string { return strings.Join(c.paras, " ") }

type docxReader struct {
	num      numbering
	counters map[string][]int // numId -> count per level
	out      strings.Builder
	line     int // the line of out being written, from 1
	carried  map[int][]int
	err      error

	// The paragraph being read and its numbering.
	para           strings.Builder
	numID          string
	ilvl           int
	inPara, inText bool
	// The table being read: tables nest, and a nested table's text
	// goes into the cell of the outermost one that holds it.
	tableDepth int
	rows       [][]docxCell
	cell       *docxCell
}

func (r *docxReader) read(doc []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for r.err == nil {
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
		if r.out.Len()+r.para.Len() > maxDocxText {
			r.err = fmt.Errorf("the document's text is longer than %d MB; a plan is far shorter", maxDocxText>>20)
		}
	}
	if r.err != nil {
		return "", fmt.Errorf("word/document.xml: %w", r.err)
	}
	return r.out.String(), nil
}

// start opens a table, row, cell, paragraph or run of text, or reads a
// paragraph's numbering or a cell's span and merge.
func (r *docxReader) start(t xml.StartElement) {
	outer := r.tableDepth == 1
	switch t.Name.Local {
	case "tbl":
		r.tableDepth++
		if r.tableDepth == 1 {
			r.rows = nil
		}
	case "tr":
		if outer {
			if len(r.rows) >= maxTableRows {
				r.err = fmt.Errorf("a table has more than %d rows", maxTableRows)
				return
			}
			r.rows = append(r.rows, nil)
		}
	case "tc":
		if outer && len(r.rows) > 0 {
			row := &r.rows[len(r.rows)-1]
			*row = append(*row, docxCell{span: 1})
			r.cell = &(*row)[len(*row)-1]
		}
	case "gridSpan":
		if outer && r.cell != nil {
			n, err := bounded(attr(t, "val"), 1, maxRowColumns, "a cell's span")
			if err != nil {
				r.err = err
				return
			}
			r.cell.span = n
		}
	case "vMerge":
		if outer && r.cell != nil {
			r.cell.merge = mergeContinue
			if attr(t, "val") == "restart" {
				r.cell.merge = mergeStart
			}
		}
	case "p":
		r.inPara = true
		r.para.Reset()
		r.numID, r.ilvl = "", 0
	case "numId":
		r.numID = attr(t, "val")
	case "ilvl":
		lvl, err := bounded(attr(t, "val"), 0, maxListLevel, "list level")
		if err != nil {
			r.err = err
			return
		}
		r.ilvl = lvl
	case "t":
		r.inText = true
	case "tab", "br", "cr":
		if r.inPara {
			r.para.WriteString(" ")
		}
	}
}

// end closes what start opened, writing out a paragraph or a table.
func (r *docxReader) end(name string) {
	switch name {
	case "t":
		r.inText = false
	case "p":
		r.endParagraph()
	case "tc":
		if r.tableDepth == 1 {
			r.cell = nil
		}
	case "tbl":
		r.tableDepth--
		if r.tableDepth == 0 {
			r.writeTable()
		}
	}
}

// endParagraph writes a paragraph with its label, as a line of the text
// or into the table cell it is in.
func (r *docxReader) endParagraph() {
	r.inPara = false
	text := strings.Join(strings.Fields(r.para.String()), " ")
	// An empty paragraph of a list still shows its number: a table's
	// column of row numbers is often made so.
	text = strings.TrimSpace(r.label(r.numID, r.ilvl) + text)
	if text == "" {
		return
	}
	switch {
	case r.tableDepth == 0:
		r.write(text + "\n\n")
	case r.cell != nil:
		r.cell.paras = append(r.cell.paras, text)
	}
}

func (r *docxReader) write(s string) {
	r.out.WriteString(s)
	r.line += strings.Count(s, "\n")
}

// writeTable writes the outermost table just read: a table of data as
// rows of cells, a table that lays out paragraphs (the heading's two
// columns, the recipients beside the signature) as those paragraphs.
func (r *docxReader) writeTable() {
	rows := r.rows
	r.rows, r.cell = nil, nil
	if !dataTable(rows) {
		for _, row := range rows {
			for _, c := range row {
				for _, p := range c.paras {
					r.write(p + "\n\n")
				}
			}
		}
		return
	}
	above := map[int]string{} // the value of the merge open in each grid column
	for _, row := range rows {
		var cells []string
		var carried []int
		for _, c := range row {
			col := len(cells)
			if col+c.span > maxRowColumns {
				r.err = fmt.Errorf("a table row spans more than %d columns", maxRowColumns)
				return
			}
			v := c.text()
			switch c.merge {
			case mergeStart:
				above[col] = v
			case mergeContinue:
				if v == "" && above[col] != "" {
					v = above[col]
					carried = append(carried, col)
				}
			default:
				delete(above, col)
			}
			cells = append(cells, strings.ReplaceAll(v, "|", "/"))
			for range c.span - 1 {
				cells = append(cells, "")
			}
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		if len(carried) > 0 {
			r.carried[r.line] = carried
		}
		r.write("| " + strings.Join(cells, " | ") + " |\n")
	}
	r.write("\n")
}

// dataTable reports whether a table holds data under a header row that
// names its columns (a task, its lead, its timing), rather than laying
// out paragraphs side by side.
func dataTable(rows [][]docxCell) bool {
	for _, row := range rows[:min(len(rows), 4)] {
		named := 0
		for _, c := range row {
			if t := c.text(); len(t) < 80 && columnRole(t) != "" {
				named++
			}
		}
		if named >= 2 {
			return true
		}
	}
	return false
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
	switch lv.format {
	case "bullet":
		if lv.text == "+" {
			return "+ "
		}
		return "- "
	case "none":
		return ""
	}
	text := lv.text
	for i := 0; i <= ilvl && i < len(c); i++ {
		l := levels[i]
		n := c[i]
		if n == 0 {
			n = l.start // a level above that has not started prints its first number
		}
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatNumber(n, l.format))
	}
	if text == "" {
		return ""
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
		if n < 1 || n > 3999 {
			break // Roman numerals stop at 3999; Word then counts in digits
		}
		s := romanNumeral(n)
		if format == "lowerRoman" {
			return strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

// romanNumeral writes n, from 1 to 3999, in Roman numerals.
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
