package draft

import (
	"fmt"
	"strings"

	"sitegen/internal/fold"
	"sitegen/internal/load"
)

// column roles of an appendix table.
const (
	colNumber   = "number"
	colText     = "text"
	colLead     = "lead"
	colPartners = "partners"
	colTiming   = "timing"
	// colPerformers holds the lead and its partners in one cell: "Sở X
	// (chủ trì); Sở Y".
	colPerformers = "performers"
	colOther      = "other"
)

var (
	appendixRe    = lazyRegexp(`^(?:PHỤ LỤC|Phụ lục)\s*([IVX\d]*)\s*[:.]?\s*(.*)$`)
	rowNumberRe   = lazyRegexp(`^(\d{1,3})\.?$`)
	colNumberRe   = lazyRegexp(`^\(\d{1,2}\)$`)
	groupLetterRe = lazyRegexp(`^[A-H]$`)
)

// columnRole says what a table header cell is; "" when s is no header.
func columnRole(s string) string {
	k := fold.Key(s)
	switch {
	case k == "tt" || k == "stt" || k == "so tt" || k == "so thu tu":
		return colNumber
	case strings.Contains(k, "chu tri"):
		return colLead
	case strings.Contains(k, "phoi hop"):
		return colPartners
	case strings.Contains(k, "thoi gian") || strings.Contains(k, "thoi han") || strings.Contains(k, "tien do"):
		return colTiming
	case (strings.Contains(k, "co quan") || strings.Contains(k, "don vi")) && strings.Contains(k, "thuc hien") && len(k) < 40:
		return colPerformers
	case strings.Contains(k, "noi dung") || strings.Contains(k, "nhiem vu") || strings.Contains(k, "hoat dong"):
		return colText
	case len(k) < 40 && (strings.Contains(k, "san pham") || strings.Contains(k, "ket qua") || strings.Contains(k, "kinh phi") || strings.Contains(k, "ghi chu") || strings.Contains(k, "don vi")):
		return colOther
	}
	return ""
}

// appendixTable reads an appendix: its title, the table's header and its
// rows, grouped under Roman-numbered headings.
type appendixTable struct {
	bd       *builder
	sec      *node
	group    *node
	cols     []string
	header   bool // the header has been read
	row      []string
	rowLine  int
	titleSet bool
	// inBody is set for a table in the body of the plan, not in an
	// appendix: its rows are tasks, not rows restating them.
	inBody bool
	// lead is the lead of the row before, in the group, for a row whose
	// lead cell is empty (a cell merged down, copied from a web page).
	lead     []string
	leadLine int
}

func (bd *builder) startAppendix(b block, n int) *appendixTable {
	bd.reset()
	m := appendixRe().FindStringSubmatch(b.text)
	id, label := "appendix", "Phụ lục"
	if m != nil && m[1] != "" {
		id += "-" + strings.ToLower(m[1])
		label += " " + m[1]
	}
	if n > 0 && id == "appendix" {
		id += "-" + itoa(n+1)
	}
	sec := &node{b: b, section: true, id: id, label: label, labelEN: "Appendix" + strings.TrimPrefix(label, "Phụ lục")}
	if m != nil && strings.TrimSpace(m[2]) != "" {
		sec.title = strings.TrimSpace(m[2])
	}
	bd.push(sec)
	return &appendixTable{bd: bd, sec: sec, titleSet: sec.title != ""}
}

// add reads one block of the appendix; false when the block is no part
// of the table.
func (a *appendixTable) add(b block) bool {
	t := b.text
	if b.cells != nil {
		return a.addRow(b.line, b.cells)
	}
	if !a.header {
		switch {
		case !a.titleSet && len(a.cols) == 0 && isUpperLine(t):
			// The appendix's title in capitals, which may well name
			// tasks ("PHÂN CÔNG NHIỆM VỤ ...") without being a header.
			a.sec.title = t
			a.titleSet = true
			return true
		case columnRole(t) != "" && len(t) < 60:
			a.cols = append(a.cols, columnRole(t))
			return true
		case len(a.cols) > 0:
			a.header = true
		case strings.HasPrefix(t, "("):
			return true // "(Ban hành kèm theo ...)"
		default:
			return false
		}
	}
	if colNumberRe().MatchString(t) {
		return true // the row of column numbers under the header
	}
	if b.kind == roman {
		a.flush()
		a.startGroup(b)
		return true
	}
	if m := rowNumberRe().FindStringSubmatch(t); m != nil && (a.row == nil || len(a.row) >= len(a.cols)) {
		a.flush()
		a.row, a.rowLine = []string{m[1]}, b.line
		return true
	}
	if a.row != nil && len(a.row) < len(a.cols) {
		a.row = append(a.row, t)
		if len(a.row) == len(a.cols) {
			a.flush()
		}
		return true
	}
	a.flush()
	return false
}

func (a *appendixTable) addRow(line int, cells []string) bool {
	if !a.header {
		var cols []string
		for _, c := range cells {
			cols = append(cols, columnRole(c))
		}
		if strings.Contains(strings.Join(cols, ","), colText) {
			for i, c := range cols {
				if c == "" {
					cols[i] = colOther
				}
			}
			a.cols, a.header = cols, true
			return true
		}
	}
	nonEmpty, numbers := 0, 0
	for _, c := range cells {
		if c != "" {
			nonEmpty++
		}
		if colNumberRe().MatchString(c) {
			numbers++
		}
	}
	if numbers >= 2 && numbers == nonEmpty {
		return true // the row of column numbers, (1) (2) (3), under the header
	}
	if g, ok := groupRow(cells, nonEmpty); ok {
		a.flush()
		a.startGroup(newBlock(line, g))
		return true
	}
	if len(a.cols) == 0 {
		a.cols = []string{colNumber, colText, colLead, colPartners, colTiming}[:min(5, len(cells))]
		a.header = true
	}
	a.row, a.rowLine = cells, line
	a.flush()
	return true
}

// groupRow reads a row that names a group of the rows below it: a
// Roman numeral and a title, the other cells empty ("| I | NHÓM NHIỆM
// VỤ ... | | |", or one cell spanning the table). It returns the group
// as a heading, "I. NHÓM NHIỆM VỤ ...".
func groupRow(cells []string, nonEmpty int) (string, bool) {
	var filled []string
	for _, c := range cells {
		if c != "" {
			filled = append(filled, c)
		}
	}
	switch {
	case nonEmpty == 1:
		if k, _, _ := parseLabel(filled[0]); k == roman {
			return filled[0], true
		}
	case nonEmpty == 2 && cells[0] != "" && len(cells) > 2 && cells[1] != "" && strings.Join(cells[2:], "") == "":
		// The group's numeral and title, in the first two cells: a Roman
		// numeral or a letter ("A"), or a number before a title in
		// capitals ("1 | NHÓM HOẠT ĐỘNG ...").
		n := strings.TrimRight(cells[0], ".")
		if validRom().MatchString(n) || groupLetterRe().MatchString(n) || rowNumberRe().MatchString(n) && isUpperLine(cells[1]) {
			return n + ". " + cells[1], true
		}
	}
	return "", false
}

func (a *appendixTable) startGroup(b block) {
	g := &node{b: b, section: true, kind: noLabel, label: b.label, title: b.body}
	g.idPart = strings.ToLower(b.label)
	if g.idPart == "" {
		// "A. THÔNG TIN": a letter, which parseLabel does not read.
		first, rest, _ := strings.Cut(b.text, " ")
		g.label, g.title = strings.TrimRight(first, "."), strings.TrimSpace(rest)
		g.idPart = strings.ToLower(fold.ASCII(g.label))
	}
	g.parent = a.sec
	a.sec.children = append(a.sec.children, g)
	a.group = g
	a.lead = nil // a group's first row carries nothing from the group before
}

// flush turns the row read so far into an item.
func (a *appendixTable) flush() {
	row := a.row
	a.row = nil
	if row == nil {
		return
	}
	parent := a.sec
	if a.group != nil {
		parent = a.group
	}
	n := &node{b: block{line: a.rowLine}, parent: parent, appRow: !a.inBody, tableRow: true}
	carried := map[int]bool{}
	for _, c := range a.bd.carried[a.rowLine] {
		carried[c] = true
	}
	for i, c := range row {
		if i >= len(a.cols) {
			break
		}
		if carried[i] && c != "" {
			n.notes = append(n.notes, fmt.Sprintf("guess: the %s cell is merged with the one above: %s carried down", a.cols[i], quote(c)))
		}
		switch a.cols[i] {
		case colNumber:
			n.label = strings.TrimRight(c, ".")
		case colText:
			n.text = c
		case colLead:
			if c == "" && a.lead != nil {
				// An empty lead under a row that has one: a cell merged
				// down, which a copied web page prints once.
				n.lead = a.lead
				n.leadNote = fmt.Sprintf("guess: the lead cell is empty; carried down from the row at line %d, as a merged cell reads", a.leadLine)
				continue
			}
			l := a.bd.lx.read(c, false)
			n.lead = l.ids
			n.unknown(a.rowLine, l.unmatched)
			a.lead, a.leadLine = n.lead, a.rowLine
			if len(n.lead) == 0 {
				a.lead = nil
			}
		case colPartners:
			l := a.bd.lx.read(c, false)
			n.partners = l.ids
			n.unknown(a.rowLine, l.unmatched)
		case colPerformers:
			lead, partners := c, ""
			if l, p, ok := leadAndPartners(c); ok {
				lead, partners = l, p
			}
			l := a.bd.lx.read(lead, false)
			n.lead = l.ids
			n.unknown(a.rowLine, l.unmatched)
			if partners != "" {
				p := a.bd.lx.read(partners, false)
				n.partners = p.ids
				n.unknown(a.rowLine, p.unmatched)
			}
		case colTiming:
			if n.timing = timingCell(c); n.timing == nil && c != "" {
				n.timingNote = "timing not understood: " + quote(c)
			}
		}
	}
	if n.text == "" {
		a.bd.unplaced = append(a.bd.unplaced, note{a.rowLine, strings.Join(row, " | ")})
		return
	}
	if n.label == "" {
		n.label = itoa(len(parent.children) + 1)
	}
	// "1.2" in group "1" is its row 2.
	part := n.label
	if a.group != nil && a.group.label != "" {
		part = strings.TrimPrefix(part, a.group.label+".")
	}
	n.idPart = strings.ReplaceAll(strings.ToLower(fold.ASCII(part)), ".", "-")
	if !load.ValidID(n.idPart) {
		n.idPart = itoa(len(parent.children) + 1)
	}
	parent.children = append(parent.children, n)
}
