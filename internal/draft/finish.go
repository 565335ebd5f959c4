package draft

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

// finish completes the outline once the whole document is read: ids,
// titles and texts, kinds, agencies, timing, pillars, the appendix rows'
// body tasks, and what the register learns from the body.
func (d *drafter) finish() {
	d.reg.period()
	root := d.bd.root
	// A top-level part is a section even without anything under it; one
	// without a title is no part of the plan.
	var top []*node
	for _, s := range root.children {
		if !s.isSection() && strings.TrimSpace(s.b.body) == "" {
			d.bd.unplaced = append(d.bd.unplaced, note{s.b.line, s.b.text})
			continue
		}
		s.section = true
		top = append(top, s)
	}
	root.children = top
	ids := map[string]bool{}
	for _, s := range root.children {
		d.shape(s, nil, ids)
	}
	for _, a := range d.bd.assigns {
		d.apply(a)
	}
	walk(root, func(n *node) {
		if n == root {
			return
		}
		if n.isSection() {
			d.sectionLead(n)
			return
		}
		d.itemAgencies(n)
		var from *node
		n.itemKind, from = kindOf(n)
		switch {
		case from != nil:
			from.kindFrom = true
		case n.itemKind == model.KindTask:
			n.kindGuess = true
		}
		if (n.timing == nil || n.timingShare > 1) && !n.tableRow {
			own := timingIn(n.text)
			// A period outside the plan's is another programme's.
			if t := own; t != nil && t.kind == model.TimingPeriod && !t.stated && d.reg.from != 0 && (t.from < d.reg.from || t.to > d.reg.to) {
				own = nil
			}
			if own != nil {
				n.timing, n.timingNote = own, "guess: from the words "+quote(own.vi)
			}
		}
	})
	d.pillars()
	d.restatements()
	d.planFields()
	d.counts()
}

func walk(n *node, f func(*node)) {
	f(n)
	for _, c := range n.children {
		walk(c, f)
	}
}

// shape decides what each node is, and gives it its id, label, title or
// text. Ids follow docs/content.md: the printed labels of the node and
// its sections, "-" bullets numbered in order.
func (d *drafter) shape(n, parent *node, ids map[string]bool) {
	if parent != nil {
		n.parent = parent
	}
	section := n.isSection()
	if n.id == "" {
		n.id = d.idOf(n)
	}
	if ids[n.id] {
		// the next free number after this base's last: counting up from
		// 2 each time made a text that repeats one label thousands of
		// times take minutes
		base := n.id
		i := max(d.nextID[base], 2)
		for ids[fmt.Sprintf("%s%d", base, i)] {
			i++
		}
		n.id = fmt.Sprintf("%s%d", base, i)
		if d.nextID == nil {
			d.nextID = map[string]int{}
		}
		d.nextID[base] = i + 1
		n.notes = append(n.notes, fmt.Sprintf("guess: id %q is taken (label printed twice?); this one is %q", base, n.id))
	}
	ids[n.id] = true
	if n.label == "" && !n.tableRow {
		n.label = printedLabel(n)
	}
	body := strings.TrimSpace(n.b.body)
	if section {
		if n.title == "" {
			n.title = strings.TrimRight(body, " :.")
		}
	} else if !n.tableRow {
		n.text = body
	}
	// A "-" bullet's "+" points become items beside it.
	if n.onlyPlus() {
		kids := n.children
		n.children = nil
		at := 0
		for i, c := range n.parent.children {
			if c == n {
				at = i + 1
			}
		}
		for i, c := range kids {
			c.parent = n.parent
			c.id = n.id + "-" + itoa(i+1)
			c.label = "+" + itoa(i+1)
			n.parent.children = append(n.parent.children[:at+i], append([]*node{c}, n.parent.children[at+i:]...)...)
		}
	}
	for i := 0; i < len(n.children); i++ {
		d.shape(n.children[i], n, ids)
	}
}

// idOf makes a node's id from its printed label and its section's id.
func (d *drafter) idOf(n *node) string {
	p := n.parent
	pid := ""
	if p != nil && p != d.bd.root {
		pid = p.id
	}
	join := func(part string) string {
		if pid == "" {
			return part
		}
		return pid + "-" + part
	}
	switch {
	case n.idPart != "":
		return join(n.idPart)
	case n.closing:
		return join("closing-" + itoa(ordinal(n, func(c *node) bool { return c.closing })))
	case n.kind == article:
		return labelID(article, n.b.label)
	case n.kind == decimal && (p == nil || p.kind != arabic):
		return join(strings.ReplaceAll(n.b.label, ".", "-"))
	case n.kind == dash || n.kind == plus:
		k := n.kind
		return join(itoa(ordinal(n, func(c *node) bool { return c.kind == k })))
	case n.kind == noLabel:
		return join(itoa(ordinal(n, func(c *node) bool { return c.kind == noLabel && !c.closing && !c.section })))
	}
	id := labelID(n.kind, n.b.label)
	if !load.ValidID(id) {
		id = strings.Trim(strings.ToLower(fold.ASCII(id)), "-")
	}
	return join(id)
}

// ordinal is n's number among its siblings that match.
func ordinal(n *node, match func(*node) bool) int {
	k := 0
	for _, c := range n.parent.children {
		if match(c) {
			k++
		}
		if c == n {
			break
		}
	}
	return k
}

func printedLabel(n *node) string {
	switch n.kind {
	case dash:
		return "•" + itoa(ordinal(n, func(c *node) bool { return c.kind == dash }))
	case plus:
		return "+" + itoa(ordinal(n, func(c *node) bool { return c.kind == plus }))
	case noLabel:
		return ""
	}
	return n.b.label
}

// apply puts what an assignment says on the section all of whose
// items it speaks of (the largest such section), or else on each item.
// Lines that speak of one item alone are its own; lines that speak of
// several are the section's, and an item's own words (its "(Sở X chủ
// trì)", its deadline) win over them.
func (d *drafter) apply(a *assignment) {
	note := "guess: from " + a.from
	set := func(n *node, shared bool) {
		if a.lead != nil {
			n.lead = appendNew(n.lead, a.lead.ids...)
			n.leadNote = note
			n.unknown(a.leadLine, a.lead.unmatched)
		}
		if a.partners != nil {
			n.partners = appendNew(n.partners, a.partners.ids...)
			n.partnersNote = note
			n.unknown(a.partnersLine, a.partners.unmatched)
		}
		n.sharedAgencies = n.sharedAgencies || shared && (a.lead != nil || a.partners != nil)
	}
	// A timing is an item's, never a section's: each item gets it, unless
	// lines nearer the item (that speak of fewer items) gave it one.
	timed := func(items []*node) {
		for _, it := range items {
			if a.timing != nil && (it.timing == nil || it.timingShare > len(items)) {
				t := *a.timing
				it.timing, it.timingNote, it.timingShare = &t, a.timingNote, len(items)
			} else if a.timing == nil && a.timingNote != "" && it.timing == nil {
				it.timingNote = a.timingNote
			}
		}
	}
	if f := a.forward; f != nil {
		if !f.isSection() {
			// Lines under a heading that no point followed: the
			// "heading" was the task itself.
			set(f, false)
			timed([]*node{f})
			return
		}
		set(f, false)
		timed(itemsOf(f))
		return
	}
	var items []*node
	seen := map[*node]bool{}
	for _, n := range a.nodes {
		if !n.isSection() && !seen[n] {
			seen[n] = true
			items = append(items, n)
		}
	}
	if len(items) == 0 {
		return
	}
	timed(items)
	// The largest section whose items are exactly these.
	var best *node
	for p := items[0].parent; p != nil && p != d.bd.root; p = p.parent {
		all := itemsOf(p)
		if len(all) == len(items) && sameNodes(all, seen) {
			best = p
		}
	}
	if best != nil {
		set(best, false)
		return
	}
	for _, it := range items {
		set(it, len(items) > 1)
	}
}

func itemsOf(n *node) []*node {
	var out []*node
	walk(n, func(c *node) {
		if c != n && !c.isSection() {
			out = append(out, c)
		}
	})
	return out
}

func sameNodes(list []*node, set map[*node]bool) bool {
	for _, n := range list {
		if !set[n] {
			return false
		}
	}
	return true
}

func appendNew(list []string, ids ...string) []string {
	for _, id := range ids {
		found := false
		for _, x := range list {
			found = found || x == id
		}
		if !found {
			list = append(list, id)
		}
	}
	return list
}

var (
	leadStartRe  = lazyRegexp(`^(.{3,200}?)\s+chủ trì(?:[,;]?\s*(?:và\s+)?phối hợp(?:\s+với)?\s+(.*))?`)
	partnerRe    = lazyRegexp(`^(?:Là cơ quan [Tt]hường trực[;,]?\s*)?(?:[Cc]hủ trì[,;]?\s*)?[Pp]hối hợp(?:\s+với)?\s+(.*)`)
	assignRe     = lazyRegexp(`^Giao(?:\s+cho)?\s+(.*)`)
	cooperateRe  = lazyRegexp(`^(?:chủ trì[,;]?\s*)?phối hợp(?:\s+với)?\s+(.*)`)
	responsible  = lazyRegexp(`giao trách nhiệm cho\s+(.*)`)
	standingRe   = lazyRegexp(`(?i)cơ quan thường trực`)
	reportRe     = lazyRegexp(`(?i)báo cáo`)
	anyPartnerRe = lazyRegexp(`chủ trì[,;]?\s*phối hợp(?:\s+với)?\s+(.*)`)
	givesRe      = lazyRegexp(`^[^,;.]{3,120}?\sgiao(?:\s+cho)?\s+(.*)$`)
	// A request: "Kế hoạch cũng yêu cầu X ...", "Ủy ban nhân dân tỉnh
	// đề nghị X ...", "Yêu cầu X ...": X is asked to act.
	asksRe = lazyRegexp(`^(?:(.{3,120}?)\s)?(?:[Yy]êu cầu|[Đđ]ề nghị|[Gg]iao)(?:\s+cho)?\s+(.*)$`)
	// The document itself as the subject of a request: "Kế hoạch (này)
	// cũng yêu cầu ...".
	documentSubjectRe = lazyRegexp(`(?i)^(?:kế hoạch|quyết định|chương trình|đề án|văn bản|công văn|chỉ thị|nghị quyết|thông báo)(?:\s+(?:này|số\s+\S+))?$`)
	// Words between a request's subject and its verb.
	requestAdverbs = strings.NewReplacer(" cũng", "", " còn", "", " đồng thời", "", " tiếp tục", "", " đã", "")
)

// itemAgencies reads the agencies an item's text names: "(Sở X chủ
// trì)" at its end, or a sentence whose subject is the agency ("Sở X chủ
// trì, phối hợp với Y ...", "Giao Sở X ...", "Phối hợp với Y ...").
func (d *drafter) itemAgencies(n *node) {
	if n.tableRow {
		return
	}
	t := n.text
	switch {
	case len(n.lead) == 0:
		d.itemLead(n, t)
	case n.sharedAgencies:
		// Lines shared with other items gave the lead: the item's own
		// words, if they name one, win.
		lead, partners, leadNote, partnersNote, unknown := n.lead, n.partners, n.leadNote, n.partnersNote, len(n.unmatched)
		n.lead, n.leadNote = nil, ""
		d.itemLead(n, t)
		if len(n.lead) == 0 && len(n.unmatched) == unknown {
			n.lead, n.partners, n.leadNote, n.partnersNote = lead, partners, leadNote, partnersNote
		}
	}
	if len(n.partners) == 0 && !inheritsPartners(n) {
		m := partnerRe().FindStringSubmatch(t)
		if m == nil && len(n.lead) > 0 {
			m = anyPartnerRe().FindStringSubmatch(t)
		}
		if m != nil {
			p := d.lx.read(m[1], true)
			if len(p.ids) > 0 {
				n.partners = p.ids
				n.partnersNote = "guess: the agencies after \"phối hợp\""
			}
			n.unknown(n.b.line, p.unmatched)
		}
	}
}

// inheritsPartners reports whether a section above n names partners.
func inheritsPartners(n *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		if len(p.partners) > 0 {
			return true
		}
	}
	return false
}

func (d *drafter) itemLead(n *node, t string) {
	partners := func(rest string) {
		if pm := cooperateRe().FindStringSubmatch(strings.TrimSpace(rest)); pm != nil {
			p := d.lx.read(pm[1], true)
			if len(p.ids) > 0 {
				n.partners = p.ids
				n.partnersNote = "guess: the agencies after \"phối hợp\""
			}
			n.unknown(n.b.line, p.unmatched)
		}
	}
	if lead, partners, ok := parenAgencies(t); ok {
		// "(Sở X chủ trì, phối hợp với Sở Y)" names the lead, known or not.
		l := d.lx.read(lead, false)
		n.lead = l.ids
		n.unknown(n.b.line, l.unmatched)
		if partners != "" {
			p := d.lx.read(partners, false)
			n.partners = p.ids
			n.unknown(n.b.line, p.unmatched)
		}
		return
	}
	if m := leadStartRe().FindStringSubmatch(t); m != nil {
		if l := d.lx.read(m[1], false); len(l.ids) > 0 && len(l.unmatched) == 0 {
			n.lead = l.ids
			n.leadNote = "guess: the agency the sentence starts with"
			if m[2] != "" {
				partners("phối hợp " + m[2])
			}
			return
		}
	}
	for _, re := range []*regexp.Regexp{responsible(), assignRe()} {
		if m := re.FindStringSubmatch(t); m != nil {
			if l := d.lx.read(m[1], true); len(l.ids) > 0 {
				n.lead = l.ids
				n.leadNote = "guess: the agency the task is given to"
				partners(l.rest)
				return
			}
		}
	}
	// "Ủy ban nhân dân thành phố giao Sở Nội vụ là cơ quan thường
	// trực, chủ trì ...": the agency given the task leads it.
	if m := givesRe().FindStringSubmatch(t); m != nil && d.lx.starts(t) {
		if l := d.lx.read(m[1], true); len(l.ids) > 0 {
			n.lead = l.ids
			n.leadNote = "guess: the agency the task is given to"
			if i := strings.Index(l.rest, "phối hợp"); i >= 0 {
				partners(l.rest[i:])
			}
			return
		}
	}
	if d.requested(n, t, partners) {
		return
	}
	// The sentence's subject, at its start or after a short opening
	// phrase: "Trên cơ sở Kế hoạch này, các sở, ban, ngành ... xây dựng";
	// a request "Đề nghị Ủy ban Mặt trận Tổ quốc ... phối hợp" asks the
	// body it names.
	t = strings.TrimPrefix(t, "Đề nghị ")
	subject := t
	if i := strings.Index(t, ", "); i > 0 && utf8.RuneCountInString(t[:i]) <= 60 && !d.lx.starts(t) && !d.lx.startsHead(t) {
		subject = t[i+2:]
	}
	if d.lx.startsHead(subject) || d.lx.starts(subject) {
		if l := d.lx.read(subject, true); len(l.ids) > 0 && l.rest != "" {
			n.lead = l.ids
			n.leadNote = "guess: the agencies the sentence starts with"
			partners(l.rest)
		}
	}
}

// requested reads a request that assigns work: "Kế hoạch cũng yêu cầu
// các sở, ban, ngành tỉnh ... xây dựng kế hoạch", "Ủy ban nhân dân tỉnh
// đề nghị X phối hợp ...": the agencies asked to act lead it. The one
// who asks is the document, an agency or no one (the sentence starts
// with the verb), at the start of the sentence or after a short opening
// phrase; and what is asked follows the agencies. "theo yêu cầu của
// Bộ", "đáp ứng yêu cầu ..." ask nothing of anyone. It reports whether
// it read a lead.
func (d *drafter) requested(n *node, t string, partners func(string)) bool {
	clauses := []string{t}
	if i := strings.Index(t, ", "); i > 0 && utf8.RuneCountInString(t[:i]) <= 60 && !d.lx.starts(t) && !d.lx.startsHead(t) {
		clauses = append(clauses, t[i+2:])
	}
	for _, c := range clauses {
		m := asksRe().FindStringSubmatch(c)
		if m == nil {
			continue
		}
		if subj := requestAdverbs.Replace(strings.TrimSpace(m[1])); subj != "" && !documentSubjectRe().MatchString(subj) {
			if l := d.lx.read(subj, true); len(l.ids) == 0 || l.rest != "" {
				continue
			}
		}
		l := d.lx.read(m[2], true)
		if len(l.ids) == 0 || l.rest == "" {
			continue
		}
		n.lead = l.ids
		n.leadNote = "guess: the agencies the text asks to act"
		n.unknown(n.b.line, l.unmatched)
		if i := strings.Index(l.rest, "phối hợp"); i >= 0 {
			partners(l.rest[i:])
		}
		return true
	}
	return false
}

// sectionLead reads a section's lead from a heading that names agencies:
// "1. Sở Lao động - Thương binh và Xã hội" under "Tổ chức thực hiện".
func (d *drafter) sectionLead(n *node) {
	if len(n.lead) > 0 || n.section && n.kind == noLabel {
		return
	}
	t := strings.TrimPrefix(n.title, "Đề nghị ")
	l := d.lx.read(t, true)
	if len(l.ids) == 0 {
		return
	}
	// The heading must start with the agency.
	if ws := d.lx.words(withoutParentheses(t)); len(ws) > 0 {
		if id, _ := d.lx.matchAt(ws, 0); id == "" {
			return
		}
	}
	n.lead = l.ids
	n.leadNote = "guess: the agencies the heading names"
	n.unknown(n.b.line, l.unmatched)
}

// pillars marks the sections whose heading names a pillar or a group of
// the plan's framework ("... xây dựng cộng đồng hòa nhập"). A section
// keeps the pillar only when no section inside it names one.
func (d *drafter) pillars() {
	fw := d.framework()
	if fw == nil {
		return
	}
	type cand struct {
		id, key string
	}
	var goals, groups []cand
	for _, p := range fw.Pillars {
		goals = append(goals, cand{p.ID, " " + foldWords(p.Name.VI) + " "})
	}
	for _, p := range fw.Groups {
		groups = append(groups, cand{p.ID, " " + foldWords(p.Name.VI) + " "})
	}
	match := func(title string) string {
		k := " " + foldWords(title) + " "
		for _, c := range goals {
			if strings.Contains(k, c.key) {
				return c.id
			}
		}
		for _, c := range groups {
			// "GIẢI PHÁP THỰC HIỆN", "Hoạt động thông tin, tuyên truyền",
			// or a heading that is part of the group's name ("MỤC TIÊU").
			if strings.HasPrefix(k, c.key) || strings.Contains(k, " cong tac"+c.key) || strings.Contains(k, " hoat dong"+c.key) ||
				strings.Count(k, " ") > 2 && strings.Contains(c.key, k) {
				return c.id
			}
		}
		return ""
	}
	var mark func(n *node, inherited string) bool
	mark = func(n *node, inherited string) bool {
		own := ""
		if n.isSection() && n != d.bd.root {
			own = match(n.title)
		}
		next := inherited
		if own != "" && own != inherited {
			next = own
		}
		inner := false
		for _, c := range n.children {
			inner = mark(c, next) || inner
		}
		if own != "" && own != inherited && !inner {
			n.pillar = own
			return true
		}
		return inner || n.pillar != ""
	}
	mark(d.bd.root, "")
}

func foldWords(s string) string {
	return strings.Join(strings.FieldsFunc(fold.Key(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }), " ")
}

func (d *drafter) framework() *model.Framework {
	if d.in.Site == nil {
		return nil
	}
	for _, f := range d.in.Site.Frameworks {
		if f.ID == d.reg.framework {
			return f
		}
	}
	return nil
}

// restatements links each appendix row to the body task it restates: the
// task that shares most of the row's words, when it shares most of them.
func (d *drafter) restatements() {
	var body, rows []*node
	walk(d.bd.root, func(n *node) {
		switch {
		case n.isSection() || n == d.bd.root:
		case n.appRow:
			rows = append(rows, n)
		default:
			body = append(body, n)
		}
	})
	if len(rows) == 0 {
		return
	}
	bags := make([]map[string]bool, len(body))
	for i, b := range body {
		bags[i] = d.bag(b.text)
	}
	for _, r := range rows {
		rb := d.bag(r.text)
		best, bestScore := -1, 0.0
		for i, b := range body {
			shared := 0
			for w := range rb {
				if bags[i][w] {
					shared++
				}
			}
			score := float64(shared) / float64(len(rb)+1)
			if len(r.lead) > 0 && len(b.lead) > 0 && b.lead[0] == r.lead[0] {
				score += 0.05
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 && bestScore >= 0.7 {
			r.restates = body[best].id
		}
	}
}

func (d *drafter) bag(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range d.lx.words(s) {
		out[w.key] = true
	}
	return out
}

// planFields completes the register from the body: the standing agency,
// reporting deadlines, funding, period and framework.
func (d *drafter) planFields() {
	r := &d.reg
	var funding []string
	walk(d.bd.root, func(n *node) {
		if n.isSection() || n.tableRow {
			return
		}
		if r.standing == "" && standingRe().MatchString(n.text) {
			switch {
			case strings.HasPrefix(strings.ToLower(n.text), "là cơ quan"):
				for p := n.parent; p != nil && r.standing == ""; p = p.parent {
					if len(p.lead) > 0 {
						r.standing = p.lead[0]
					}
				}
			case len(n.lead) > 0:
				r.standing = n.lead[0]
			}
			if r.standing != "" {
				r.standNote = fmt.Sprintf("guess: \"cơ quan thường trực\" at line %d", n.b.line)
			}
		}
		for _, sentence := range splitSentences(n.text) {
			m := deadlineRe().FindStringSubmatch(sentence)
			if m == nil {
				continue
			}
			day, month := atoi(m[1]), atoi(m[2])
			if day < 1 || day > 31 || month < 1 || month > 12 || strings.HasPrefix(sentence[strings.Index(sentence, m[0])+len(m[0]):], "/") {
				continue
			}
			dup := false
			for _, x := range r.reporting {
				dup = dup || x.day == day && x.month == month
			}
			if !dup && reportRe().MatchString(sentence) {
				r.reporting = append(r.reporting, deadline{day: day, month: month, text: sentence})
			}
		}
		if n.itemKind == model.KindFunding {
			funding = append(funding, n.b.text)
		}
	})
	r.funding = contiguous(funding, d.text)
}

// contiguous joins the paragraphs of the funding part as the source
// prints them, their labels included ("1. Kinh phí ... 2. Huy động ..."),
// since check wants the plan's funding to occur in the source as one
// passage. It stops before a paragraph that does not follow the one
// before (a heading or table between them): the first passage is the
// source's words, a join over a gap is not.
func contiguous(paras []string, source string) string {
	src := strings.Join(strings.Fields(strings.ReplaceAll(source, "**", "")), " ")
	out := ""
	for _, p := range paras {
		next := strings.TrimSpace(out + " " + p)
		if !strings.Contains(src, next) {
			break
		}
		out = next
	}
	return out
}

// period reads the plan's period from its title: "giai đoạn 2021-2025",
// or "đến năm 2025" from the year of issue.
func (r *register) period() {
	if m := periodRe().FindStringSubmatch(r.title); m != nil {
		r.from, r.to = atoi(m[1]), atoi(m[2])
		r.periodNote = "guess: the period the title names"
	} else if m := untilRe().FindStringSubmatch(r.title); m != nil && len(r.date) >= 4 {
		r.from, r.to = atoi(r.date[:4]), atoi(m[1])
		r.periodNote = "guess: from the year of issue to the year the title names"
	}
	if r.to < r.from {
		r.from, r.to = 0, 0
	}
}

func splitSentences(s string) []string {
	var out []string
	for _, p := range strings.SplitAfter(s, ". ") {
		p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), "."))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// counts fills the report's figures.
func (d *drafter) counts() {
	rep := &d.report
	var lead func(n *node, inherited bool)
	lead = func(n *node, inherited bool) {
		has := inherited || len(n.lead) > 0
		if n != d.bd.root {
			if n.isSection() {
				rep.Sections++
			} else {
				rep.Items++
				if has {
					rep.WithLead++
				}
			}
			rep.Matched += len(n.lead) + len(n.partners)
			rep.Unmatched = append(rep.Unmatched, n.unmatched...)
		}
		for _, c := range n.children {
			lead(c, has)
		}
	}
	lead(d.bd.root, false)
	rep.Unplaced = append(rep.Unplaced, d.bd.unplaced...)
	sort.SliceStable(rep.Unplaced, func(i, j int) bool { return rep.Unplaced[i].Line < rep.Unplaced[j].Line })
}

var parenRe = lazyRegexp(`\(([^()]*?\schủ trì(?:[^\p{L}][^()]*)?)\)`)

// parenAgencies reads the agencies a task names in parentheses, the
// last such remark in it: "(Sở X chủ trì)", "(Sở X chủ trì, phối hợp
// với Sở Y, Sở Z)", "(Sở X chủ trì, Sở Y phối hợp)", "(Tỉnh Đoàn chủ
// trì; thời gian: năm 2027)". It returns the lead's and the partners'
// words.
func parenAgencies(t string) (lead, partners string, ok bool) {
	all := parenRe().FindAllStringSubmatch(t, -1)
	if all == nil {
		return "", "", false
	}
	return leadAndPartners(all[len(all)-1][1])
}

// leadAndPartners splits words that name a lead "chủ trì" and its
// partners "phối hợp": "Sở X chủ trì, phối hợp với Sở Y", "Sở X chủ trì;
// Sở Y, Sở Z phối hợp", "Sở X (chủ trì), Sở Y". What follows them (a
// timing, a remark) is left out.
func leadAndPartners(s string) (lead, partners string, ok bool) {
	marked := strings.Contains(s, "(chủ trì)")
	s = strings.Replace(s, "(chủ trì)", "chủ trì", 1)
	i := strings.Index(s, " chủ trì")
	if i < 0 {
		return "", "", false
	}
	lead, rest := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(" chủ trì"):])
	rest = strings.TrimLeft(rest, " ,;")
	if marked {
		// "Sở X (chủ trì); Sở Y; Sở Z": every name after the lead, up to
		// a remark such as "thời gian: ...".
		var names []string
		for _, clause := range strings.Split(rest, ";") {
			if clause = strings.TrimSpace(clause); clause == "" || strings.Contains(clause, ":") {
				break
			}
			names = append(names, clause)
		}
		return lead, strings.TrimSuffix(strings.Join(names, "; "), "."), lead != ""
	}
	// The partners run to the next ";" or sentence end, unless the
	// clause there is theirs ("; Sở Y phối hợp").
	for _, clause := range strings.Split(rest, ";") {
		clause = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(clause), "."))
		switch {
		case strings.HasPrefix(clause, "phối hợp với "), strings.HasPrefix(clause, "phối hợp cùng "):
			partners = clause[len("phối hợp với "):]
		case strings.HasPrefix(clause, "phối hợp "):
			partners = clause[len("phối hợp "):]
		case strings.HasSuffix(clause, " phối hợp"):
			partners = strings.TrimSuffix(clause, " phối hợp")
		}
		if partners != "" {
			break
		}
	}
	return lead, strings.TrimSpace(partners), lead != ""
}
