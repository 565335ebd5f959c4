package draft

import (
	"fmt"
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
	section bool
	closing bool // a closing paragraph, kept on the outermost section
	appRow  bool // a row of an appendix table

	id, label, labelEN, title string
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
}

// unknown records agency names that matched nothing, seen at line.
func (n *node) unknown(line int, names []string) {
	for _, u := range names {
		n.unmatched = append(n.unmatched, note{line, u})
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

// assignment is an agency line and the nodes it speaks of.
type assignment struct {
	lead    bool
	list    agencyList
	line    int
	nodes   []*node // the nodes before the line it applies to
	forward *node   // or: the section whose nodes follow it
}

// builder builds the outline from the body's paragraphs.
type builder struct {
	root     *node
	stack    []*node
	pending  []*node
	last     *assignment
	assigns  []*assignment
	closing  bool
	decision *node
	lx       *lexicon
	unplaced []note
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
	if agencyLine(b.body) {
		if b.kind != noLabel {
			bd.popTo(b.kind.rank())
		}
		bd.agencies(b)
		return
	}
	if b.kind != noLabel {
		switch o := bd.outermost(); {
		case b.kind == article && (o == nil || o != bd.decision):
			bd.startDecision(b.line)
		case b.kind == roman && o != nil && o == bd.decision:
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

// agencies reads an agency line ("Cơ quan chủ trì: Sở Nội vụ;") and
// remembers what it applies to: the tasks since the previous such line
// within the same top-level section, or, when none, the tasks that
// follow in the open section.
func (bd *builder) agencies(b block) {
	head, rest, _ := strings.Cut(b.body, ":")
	lead := !strings.Contains(head, "phối hợp")
	a := &assignment{lead: lead, list: bd.lx.read(strings.TrimRight(rest, " ;.,"), false), line: b.line}
	var scope []*node
	if o := bd.outermost(); o != nil {
		for _, n := range bd.pending {
			if n != o && descends(n, o) {
				scope = append(scope, n)
			}
		}
	}
	switch {
	case len(scope) > 0:
		a.nodes = scope
	case bd.last != nil && bd.last.lead && !lead:
		a.nodes, a.forward = bd.last.nodes, bd.last.forward
	default:
		a.forward = bd.top()
		a.forward.section = a.forward != bd.root || a.forward.section
	}
	bd.pending = nil
	bd.last = a
	bd.assigns = append(bd.assigns, a)
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
