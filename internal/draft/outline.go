package draft

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"sitegen/internal/model"
)

// node is a paragraph of the outline: a section when other paragraphs
// sit under it, an item otherwise.
type node struct {
	b        block
	kind     labelKind
	parent   *node
	children []*node
	// section is set for nodes that are sections whatever they hold:
	// the decision's articles, an appendix and its groups.
	section  bool
	closing  bool // a closing paragraph, kept on the outermost section
	appRow   bool // a row of an appendix table
	tableRow bool // a row of a table, in an appendix or in the body

	id, label, labelEN, title string
	idPart                    string // the id's last part, when the label does not give it (a table's rows and groups)
	text                      string // an item's text
	itemKind                  model.ItemKind
	kindGuess                 bool // no heading says what the item is
	kindFrom                  bool // the heading says what the items below are
	pillar                    string

	lead, partners         []string
	leadNote, partnersNote string // where the agencies were read, when guessed
	unmatched              []note // agency names no agency matched, where seen
	timing                 *timing
	timingNote             string
	restates               string
	notes                  []string // comments about the node

	// sharedAgencies is set when the item's agencies came from lines
	// that speak of several items, and timingShare is how many items the
	// lines that gave its timing speak of (0 when its own words gave
	// it): what the item's own words say wins over such lines, and
	// lines that speak of fewer items over lines that speak of more.
	sharedAgencies bool
	timingShare    int
}

// unknown records agency names that matched nothing, seen at line.
func (n *node) unknown(line int, names []string) {
	for _, u := range names {
		if !slices.Contains(n.unmatched, note{line, u}) {
			n.unmatched = append(n.unmatched, note{line, u})
		}
	}
}

func (n *node) isSection() bool { return n.section || len(n.children) > 0 && !n.onlyPlus() }

// onlyPlus reports whether every child is a "+" bullet: a "-" bullet
// with "+" points under it stays an item, its points items beside it.
func (n *node) onlyPlus() bool {
	if n.kind != dash || len(n.children) == 0 {
		return false
	}
	for _, c := range n.children {
		if c.kind != plus {
			return false
		}
	}
	return true
}

// headingLike reports whether a labelled paragraph reads as a heading
// (a title for what follows) rather than a task.
func (n *node) headingLike() bool {
	s := strings.TrimRight(n.b.body, " ")
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ";") && utf8.RuneCountInString(s) < 300
}

// assignment is what a run of lines under tasks says of them (their
// lead and partners, their timing), or a shared "Giao Sở X chủ trì ..."
// paragraph, and the nodes it speaks of.
type assignment struct {
	lead, partners *agencyList
	// leadLine and partnersLine are where each list was read.
	leadLine, partnersLine int
	timing                 *timing
	timingNote             string
	line                   int
	from                   string  // what the agencies were read from, for the draft's comment
	nodes                  []*node // the items before the lines, which they apply to
	forward                *node   // or: the section whose items follow them
}

// builder builds the outline from the body's paragraphs.
type builder struct {
	root    *node
	stack   []*node
	pending []*node
	run     *assignment // the assignment the attribute lines being read add to
	assigns []*assignment
	closing bool
	// decision is the part that holds a decision's articles; top is the
	// kind of label of the outline's first level (I., 1., Phần I).
	decision *node
	topKind  labelKind
	table    *appendixTable // a table in the body being read
	lx       *lexicon
	unplaced []note
	// carried holds, by line, the table cells a .docx merged with the
	// one above (see drafter).
	carried map[int][]int
}

func newBuilder(lx *lexicon) *builder {
	root := &node{section: true}
	return &builder{root: root, stack: []*node{root}, lx: lx}
}

func (bd *builder) top() *node { return bd.stack[len(bd.stack)-1] }

// popTo closes the open paragraphs of rank r or deeper; a part without
// a label of its own (a decision's articles, an appendix) stays open.
func (bd *builder) popTo(r int) {
	for len(bd.stack) > 1 && bd.top().kind != noLabel && bd.top().kind.rank() >= r {
		bd.stack = bd.stack[:len(bd.stack)-1]
	}
}

// reset closes every open paragraph: a new part of the document begins.
func (bd *builder) reset() {
	bd.stack = bd.stack[:1]
	bd.closing = false
}

// startDecision opens the part that holds a decision's articles.
func (bd *builder) startDecision(line int) {
	bd.reset()
	bd.decision = &node{b: block{line: line, text: "QUYẾT ĐỊNH", body: "QUYẾT ĐỊNH"}, section: true, id: "decision"}
	bd.push(bd.decision)
}

func (bd *builder) push(n *node) {
	p := bd.top()
	n.parent = p
	p.children = append(p.children, n)
	bd.stack = append(bd.stack, n)
	bd.pending = append(bd.pending, n)
}

// outermost is the open top-level section, which keeps closing
// paragraphs; nil when none is open.
func (bd *builder) outermost() *node {
	if len(bd.stack) > 1 {
		return bd.stack[1]
	}
	return nil
}

var leadParen = lazyRegexp(`\(([^()]*?)\s+chủ trì(?:[,;]\s*([^()]*?)\s+phối hợp)?\)\s*[.;]?$`)

// add places one paragraph of the body.
func (bd *builder) add(b block) {
	if b.cells != nil {
		bd.tableRow(b)
		return
	}
	bd.endTable()
	if attrs, values := attributesOf(b.body); len(attrs) > 0 {
		for i, attr := range attrs {
			bd.attribute(b, attr, values[i])
		}
		return
	}
	if bd.shared(b) {
		return
	}
	bd.run = nil
	if b.kind != noLabel {
		switch o := bd.outermost(); {
		case b.kind == article && (o == nil || o != bd.decision):
			bd.startDecision(b.line)
		case b.kind != article && o != nil && o == bd.decision && b.kind.rank() <= bd.topKind.rank():
			bd.reset() // the plan after the decision that issues it
		}
		bd.popTo(b.kind.rank())
		bd.closing = false
		n := &node{b: b, kind: b.kind}
		bd.push(n)
		bd.runIn(n)
		return
	}
	if strings.HasPrefix(b.text, "Trên đây") {
		bd.closing = true
	}
	t := bd.top()
	switch {
	case t == bd.root:
		bd.unplaced = append(bd.unplaced, note{b.line, b.text})
	case bd.closing:
		bd.closingItem(b)
	case len(t.children) == 0 && t.section:
		bd.child(t, b)
	case len(t.children) == 0 && t.headingLike():
		bd.child(t, b)
	case len(t.children) == 0:
		// After a task: the task's second paragraph if it carries the
		// agency the task lacks, otherwise a closing paragraph.
		if leadParen().MatchString(b.text) && !leadParen().MatchString(t.b.body) {
			t.b.body += " " + b.text
			t.notes = append(t.notes, fmt.Sprintf("guess: the paragraph at line %d continues this one", b.line))
			return
		}
		bd.closing = true
		bd.closingItem(b)
	default:
		bd.child(t, b)
	}
}

// runIn splits a heading that runs into its text after a colon, "5. Sở
// Ngoại vụ: Phối hợp với ...", into a section and its first item.
func (bd *builder) runIn(n *node) {
	if n.kind == dash || n.kind == plus {
		return
	}
	head, rest, ok := strings.Cut(n.b.body, ":")
	rest = strings.TrimSpace(rest)
	if !ok || utf8.RuneCountInString(rest) < 20 || !startsUpper(rest) || strings.HasSuffix(rest, ":") {
		return
	}
	if l := bd.lx.read(head, false); len(l.ids) == 0 || len(l.unmatched) > 0 {
		return
	}
	n.b.body = strings.TrimSpace(head)
	n.section = true
	n.notes = append(n.notes, "guess: the heading runs into its text after the colon")
	bd.child(n, block{line: n.b.line, text: rest, body: rest})
}

func (bd *builder) child(parent *node, b block) {
	n := &node{b: b, parent: parent}
	parent.children = append(parent.children, n)
	bd.pending = append(bd.pending, n)
}

func (bd *builder) closingItem(b block) {
	o := bd.outermost()
	if o == nil {
		bd.unplaced = append(bd.unplaced, note{b.line, b.text})
		return
	}
	bd.stack = bd.stack[:2]
	n := &node{b: b, parent: o, closing: true}
	o.children = append(o.children, n)
	bd.pending = append(bd.pending, n)
}

// attribute reads a line that says what the tasks around it are ("Cơ
// quan chủ trì: Sở Nội vụ;", "- Thời gian thực hiện: Quý III/2026") and
// remembers what it applies to: the points of the section it sits in.
// Right under a heading it heads that section and speaks of the points
// that follow; after points, of the points since the previous such run
// of lines (see assignment). Either way never of points across a
// section heading.
func (bd *builder) attribute(b block, attr attribute, v string) {
	a := bd.run
	if a == nil {
		a = bd.assignment(b.line)
		bd.run = a
	}
	v = strings.TrimRight(v, " ;.,")
	switch attr {
	case attrLead:
		l := bd.lx.read(v, false)
		a.lead, a.leadLine = &l, b.line
		a.from = fmt.Sprintf("the agency line at line %d", b.line)
	case attrPartners:
		l := bd.lx.read(v, false)
		a.partners, a.partnersLine = &l, b.line
		a.from = fmt.Sprintf("the agency line at line %d", b.line)
	case attrPerformers:
		// "Sở X (chủ trì), Sở Y, Sở Z" or "Sở X chủ trì; Sở Y phối
		// hợp": the lead, then its partners.
		lead, partners := v, ""
		if l, p, ok := leadAndPartners(v); ok {
			lead, partners = l, p
		}
		l := bd.lx.read(lead, false)
		a.lead, a.leadLine = &l, b.line
		if partners != "" {
			p := bd.lx.read(partners, false)
			a.partners, a.partnersLine = &p, b.line
		}
		a.from = fmt.Sprintf("the agency line at line %d", b.line)
	case attrTiming:
		if a.timing = timingCell(v); a.timing == nil && v != "" {
			a.timingNote = "timing not understood: " + quote(v)
		} else {
			a.timingNote = fmt.Sprintf("guess: from the timing line at line %d", b.line)
		}
	}
}

// heading reports whether n, just opened and still empty, is the
// heading of a section rather than a task: a labelled title that ends
// without a full stop. Lines under it head the section. A bullet is a
// point, whatever its punctuation.
func (bd *builder) heading(n *node) bool {
	return n != bd.root && len(n.children) == 0 && n.kind != noLabel && n.kind != dash && n.kind != plus && n.headingLike()
}

// assignment starts an assignment: forward, for the points of the
// section the lines head, or else for the items read since the last one
// within the section the lines close; its nodes are nil when there are
// none.
func (bd *builder) assignment(line int) *assignment {
	a := &assignment{line: line}
	bd.assigns = append(bd.assigns, a)
	if t := bd.top(); bd.heading(t) {
		// Points read before the heading are in a section it closed:
		// lines under it never speak of them.
		a.forward = t
		bd.pending = nil
		return a
	}
	// The lines speak of the points of the section they close: the
	// innermost open one that holds points. Points that hold points of
	// their own (a lettered point and its bullets) are no sections: the
	// lines close the section around them as long as every point in it
	// still waits for its agencies (a section's sub-points a), b), c),
	// each with bullets, followed by one set of lines). A heading (Mục,
	// 1., 1.1.) is never crossed: its points are its own.
	pending := map[*node]bool{}
	for _, n := range bd.pending {
		pending[n] = true
	}
	isPoint := func(n *node) bool { return (len(n.children) == 0 || n.onlyPlus()) && !n.section }
	var sec *node
	for i := len(bd.stack) - 1; i > 0 && sec == nil; i-- {
		if n := bd.stack[i]; len(n.children) > 0 && !n.onlyPlus() {
			sec = n
		}
	}
	// (Looking no further than a plan's worth of points, so that a
	// hostile text of many such lines stays linear.)
	for sec != nil && sec.parent != nil && sec.parent != bd.root && (sec.kind == letter || sec.kind == dash || sec.kind == plus) {
		waiting, seen := true, 0
		walk(sec.parent, func(c *node) {
			seen++
			if c != sec.parent && isPoint(c) && !pending[c] {
				waiting = false
			}
		})
		if !waiting || seen > 2000 {
			break
		}
		sec = sec.parent
	}
	if o := bd.outermost(); o != nil && sec != nil {
		for _, n := range bd.pending {
			if n != o && descends(n, sec) && (len(n.children) == 0 || n.onlyPlus()) && !n.section {
				a.nodes = append(a.nodes, n)
			}
		}
	}
	bd.pending = nil
	if a.nodes == nil {
		a.forward = bd.top() // lines before any point: of what follows
	}
	return a
}

var sharedRe = lazyRegexp(`^Giao(?:\s+cho)?\s+(.{3,200}?)\s+(?:chủ trì|là cơ quan chủ trì|tham mưu|thực hiện|triển khai|tổ chức thực hiện)([^\p{L}].*)?$`)

// shared reads a paragraph that gives the lead of the points above it
// ("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai các nội
// dung trên."): no task of its own, it assigns the points since the
// last such paragraph in its section. It reports whether b was one.
func (bd *builder) shared(b block) bool {
	if b.kind != noLabel {
		return false
	}
	m := sharedRe().FindStringSubmatch(b.text)
	if m == nil {
		return false
	}
	lead := bd.lx.read(m[1], true)
	if len(lead.ids) == 0 || lead.rest != "" {
		return false
	}
	// Only after points it can cover: those of the section it closes,
	// the innermost open one that holds points.
	var sec *node
	for i := len(bd.stack) - 1; i > 0 && sec == nil; i-- {
		if n := bd.stack[i]; len(n.children) > 0 && !n.onlyPlus() {
			sec = n
		}
	}
	if sec == nil {
		return false
	}
	a := &assignment{line: b.line}
	var rest []*node
	for _, n := range bd.pending {
		switch {
		case !descends(n, sec):
			rest = append(rest, n)
		case (len(n.children) == 0 || n.onlyPlus()) && !n.section:
			a.nodes = append(a.nodes, n)
		}
	}
	if a.nodes == nil {
		return false
	}
	bd.pending = rest
	bd.assigns = append(bd.assigns, a)
	a.lead, a.leadLine = &lead, b.line
	if _, after, ok := strings.Cut(m[2], "phối hợp"); ok {
		after = strings.TrimPrefix(strings.TrimSpace(after), "với ")
		p := bd.lx.read(after, true)
		a.partners, a.partnersLine = &p, b.line
	}
	a.from = fmt.Sprintf("the paragraph \"Giao ...\" at line %d", b.line)
	bd.run = nil
	return true
}

// tableRow reads a row of a table in the body ("| 1 | Nhiệm vụ | Sở X |
// ..."): its rows are items of the open section, its groups sections.
func (bd *builder) tableRow(b block) {
	if bd.table == nil {
		sec := bd.top()
		if sec == bd.root {
			bd.unplaced = append(bd.unplaced, note{b.line, b.text})
			return
		}
		sec.section = true
		bd.table = &appendixTable{bd: bd, sec: sec, titleSet: true, inBody: true}
	}
	bd.table.addRow(b.line, b.cells)
}

// endTable ends the table in the body being read, if any.
func (bd *builder) endTable() {
	if bd.table != nil {
		bd.table.flush()
		bd.table = nil
	}
}

func descends(n, of *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		if p == of {
			return true
		}
	}
	return false
}

// sectionKinds gives the kind of the items under a heading, by the
// words the heading starts with, most specific first.
var sectionKinds = []struct {
	words string
	kind  model.ItemKind
}{
	{"nhiem vu chung", model.KindGeneralTask},
	{"nhiem vu cu the", model.KindTask},
	{"noi dung", model.KindTask},
	{"muc dich", model.KindPurpose},
	{"yeu cau", model.KindRequirement},
	{"muc tieu", model.KindObjective},
	{"giai phap", model.KindSolution},
	{"kinh phi", model.KindFunding},
	{"to chuc thuc hien", model.KindDuty},
	{"thoi gian thuc hien", model.KindMilestone},
	{"pham vi", model.KindGeneralTask},
}

// kindOf guesses an item's kind from the headings above it, and returns
// the section whose heading says it (nil when none does).
func kindOf(n *node) (model.ItemKind, *node) {
	if n.appRow {
		return model.KindAppendixRow, nil
	}
	if n.kind == article {
		return model.KindArticle, nil
	}
	for p := n.parent; p != nil; p = p.parent {
		k := foldWords(p.title)
		for _, sk := range sectionKinds {
			if strings.HasPrefix(k, sk.words) {
				return sk.kind, p
			}
		}
	}
	return model.KindTask, nil
}
