package draft

import (
	"strings"

	"sitegen/internal/fold"
)

// column roles of an appendix table.
const (
	colNumber   = "number"
	colText     = "text"
	colLead     = "lead"
	colPartners = "partners"
	colTiming   = "timing"
	colOther    = "other"
)

var (
	appendixRe  = lazyRegexp(`^(?:PHỤ LỤC|Phụ lục)\s*([IVX\d]*)\s*[:.]?\s*(.*)$`)
	rowNumberRe = lazyRegexp(`^(\d{1,3})\.?$`)
	colNumberRe = lazyRegexp(`^\(\d{1,2}\)$`)
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
		case columnRole(t) != "" && len(t) < 60:
			a.cols = append(a.cols, columnRole(t))
			return true
		case len(a.cols) > 0:
			a.header = true
		case !a.titleSet && isUpperLine(t):
			a.sec.title = t
			a.titleSet = true
			return true
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
	nonEmpty := 0
	for _, c := range cells {
		if c != "" {
			nonEmpty++
		}
	}
	if nonEmpty == 1 {
		for _, c := range cells {
			if k, _, _ := parseLabel(c); k == roman {
				a.startGroup(newBlock(line, c))
				return true
			}
		}
	}
	if len(a.cols) == 0 {
		a.cols = []string{colNumber, colText, colLead, colPartners, colTiming}[:min(5, len(cells))]
		a.header = true
	}
	a.row, a.rowLine = cells, line
	a.flush()
	return true
}

func (a *appendixTable) startGroup(b block) {
	g := &node{b: b, section: true, kind: noLabel, label: b.label, title: b.body}
	g.id = a.sec.id + "-" + strings.ToLower(b.label)
	g.parent = a.sec
	a.sec.children = append(a.sec.children, g)
	a.group = g
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
	n := &node{b: block{line: a.rowLine}, parent: parent, appRow: true}
	for i, c := range row {
		if i >= len(a.cols) {
			break
		}
		switch a.cols[i] {
		case colNumber:
			n.label = strings.TrimRight(c, ".")
		case colText:
			n.text = c
		case colLead:
			l := a.bd.lx.read(c, false)
			n.lead = l.ids
			n.unknown(a.rowLine, l.unmatched)
		case colPartners:
			l := a.bd.lx.read(c, false)
			n.partners = l.ids
			n.unknown(a.rowLine, l.unmatched)
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
	n.id = parent.id + "-" + n.label
	parent.children = append(parent.children, n)
}
