package draft

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"sitegen/internal/fold"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

// planID makes the plan's id from its province, number and year, as the
// published plans are named ("thanh-hoa-208-2021"), or from the file
// name.
func (d *drafter) planID(srcName string) string {
	if d.in.ID != "" {
		return d.in.ID
	}
	r := d.reg
	var parts []string
	if r.province != "" {
		parts = append(parts, r.province)
	}
	no := regexp.MustCompile(`^\d+`).FindString(r.number)
	switch {
	case no != "" && len(r.date) >= 4:
		parts = append(parts, no, r.date[:4])
	case r.from != 0 && r.province != "":
		parts = append(parts, itoa(r.from), itoa(r.to))
	default:
		parts = []string{strings.TrimSuffix(srcName, ".txt")}
	}
	id := strings.ToLower(fold.ASCII(strings.Join(parts, "-")))
	id = regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(id, "-")
	id = strings.Trim(id, "-")
	if !load.ValidID(id) {
		id = "draft"
	}
	return id
}

// yaml writes the draft plan file.
func (d *drafter) yaml(srcName string) ([]byte, error) {
	d.id = d.planID(srcName)
	d.fillGuesses()
	d.reportRegister()

	top := mapping()
	top.add("id", str(d.id))
	dr := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}
	dr.LineComment = "# not published until an editor has confirmed every guess and deleted this line"
	top.add("draft", dr)
	d.placeFields(top)
	tn := mapping()
	tn.add("vi", folded(d.reg.title))
	if d.reg.titleNote != "" {
		tn.node.Content[0].HeadComment = comment(d.reg.titleNote)
	}
	top.add("title", tn.node)
	top.add("document", d.document())
	d.bodyFields(top)
	top.add("source", d.sourceNode(srcName))
	secs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range d.bd.root.children {
		secs.Content = append(secs.Content, d.sectionNode(s))
	}
	top.add("sections", secs)

	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top.node},
		HeadComment: "# Draft made by `sitegen import` from " + srcName + ".\n" +
			"# `sitegen check` lists every line marked \"# guess\": confirm or correct each and delete its comment,\n" +
			"# add the English (`en:`), then delete `draft: true`; until then `sitegen build` does not publish the plan."}
	return encodeDraft(doc)
}

// reportRegister says in the report which parts of the register block
// were found, which were guessed and which are missing.
func (d *drafter) reportRegister() {
	r, rep := &d.reg, &d.report
	found := func(what, v string, note ...string) {
		switch {
		case v == "":
			rep.Missing = append(rep.Missing, what)
		case len(note) > 0 && strings.HasPrefix(note[0], "guess"):
			rep.Found = append(rep.Found, what+" "+v+" (guessed)")
		default:
			rep.Found = append(rep.Found, what+" "+v)
		}
	}
	found("type", string(r.docType), r.typeNote)
	found("number", r.number)
	found("date", r.date, r.dateNote)
	found("place", r.place)
	found("title", quote(trimRunes(r.title, 40)), r.titleNote)
	found("signer", r.signer)
	found("province", r.province, r.provNote)
	found("framework", r.framework, r.fwNote)
	if len(r.bases) > 0 {
		rep.Found = append(rep.Found, fmt.Sprintf("%d legal bases", len(r.bases)))
	} else {
		rep.Missing = append(rep.Missing, "legal bases")
	}
}

// placeFields writes the plan's province and framework, or a comment
// saying how to add the one that was not found.
func (d *drafter) placeFields(top *mapper) {
	r := &d.reg
	if r.province != "" {
		v := str(r.province)
		v.LineComment = comment(r.provNote)
		if vi, _ := provinceNamed(d.text); r.news && d.in.Province != "" && vi == "" {
			v.LineComment = "# guess: the source does not name the province: if the editors attribute it, write `attribution:` instead (docs/content.md)"
		}
		top.add("province", v)
	} else {
		top.addComment("# province: not found; add `province: ID` (or `attribution:` when the source does not name it)")
	}
	if r.framework != "" {
		v := str(r.framework)
		v.LineComment = comment(r.fwNote)
		top.add("framework", v)
	} else {
		top.addComment("# framework: not found; add `framework: ID` from frameworks.yaml")
	}
}

// bodyFields writes what the body says of the plan as a whole: its
// period, standing agency, reporting dates and funding, with the notes
// that mark them as read or guessed.
func (d *drafter) bodyFields(top *mapper) {
	r := &d.reg
	if r.from != 0 {
		p := flow()
		p.add("from", num(r.from))
		p.add("to", num(r.to))
		p.node.LineComment = comment(r.periodNote)
		top.add("period", p.node)
	}
	if r.standing != "" {
		v := str(r.standing)
		v.LineComment = comment(r.standNote)
		top.add("standing_agency", v)
	}
	if len(r.reporting) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, dl := range r.reporting {
			m := mapping()
			m.add("day", num(dl.day))
			m.add("month", num(dl.month))
			m.add("vi", folded(dl.text))
			seq.Content = append(seq.Content, m.node)
		}
		top.addComment("# guess: the sentences that set a reporting date")
		top.add("reporting", seq)
	}
	if r.funding != "" {
		f := mapping()
		f.add("vi", folded(r.funding))
		top.addComment("# guess: the text of the funding section")
		top.add("funding", f.node)
	}
}

// sourceNode names the plan's source file and its kind: news when the
// text was read as a report about the plan, not the plan itself.
func (d *drafter) sourceNode(srcName string) *yaml.Node {
	src := flow()
	src.add("file", str(srcName))
	kind := model.SourceOfficial
	if d.reg.news {
		kind = model.SourceNews
	}
	src.add("kind", str(string(kind)))
	return src.node
}

// encodeDraft prints the draft with the two-space indent of the content
// files.
func encodeDraft(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("writing the draft: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing the draft: %w", err)
	}
	return buf.Bytes(), nil
}

// newsTitle finds the name of the plan in a text without a heading: the
// first "Kế hoạch ..." up to a parenthesis or a comma.
func (d *drafter) newsTitle() string {
	m := regexp.MustCompile(`Kế hoạch [^(,;.]{10,300}`).FindString(d.text)
	if m == "" {
		return strings.TrimSuffix(d.in.Name, ".txt")
	}
	return strings.TrimSpace(m)
}

// fillGuesses fills what the register block did not say but the text
// suggests: the title, type, date and issuer of a text without a heading.
func (d *drafter) fillGuesses() {
	r := &d.reg
	switch {
	case r.news:
		r.docType, r.typeNote = model.DocNewsReport, "guess: the text has no register heading"
	case r.docType == "":
		r.docType, r.typeNote = model.DocPlan, "guess: the heading does not name the document's type"
	}
	if r.title == "" {
		r.title, r.titleNote = d.newsTitle(), "guess: the plan's name as the text gives it"
	}
	if r.date == "" {
		if mm := issuedRe().FindStringSubmatch(d.text); mm != nil {
			if v, ok := ymd(mm[3], mm[2], mm[1]); ok {
				r.date, r.dateNote = v, "guess: \""+mm[0]+"\""
			}
		}
	}
	if mm := replacesRe().FindStringSubmatch(d.text); mm != nil {
		r.replaces = strings.TrimSpace(mm[1])
	}
	if r.issuer == "" {
		if r.issuer = d.issuerFromText(); r.issuer != "" {
			r.issuerNote = "guess: the agency the text says issued it"
		}
	}
}

func (d *drafter) document() *yaml.Node {
	r := &d.reg
	m := mapping()
	t := str(string(r.docType))
	t.LineComment = comment(r.typeNote)
	m.add("type", t)
	if r.number != "" {
		m.add("number", str(r.number))
	}
	if r.date != "" {
		v := str(r.date)
		v.LineComment = comment(r.dateNote)
		m.add("date", v)
	}
	if r.place != "" {
		m.add("place", str(r.place))
	}
	if r.issuer != "" {
		v := str(r.issuer)
		v.LineComment = comment(r.issuerNote)
		m.add("issuer", v)
	}
	if r.signer != "" {
		s := mapping()
		s.add("name", str(r.signer))
		if r.role != "" {
			role := flow()
			role.add("vi", str(r.role))
			s.add("role", role.node)
		}
		m.add("signer", s.node)
	}
	if r.proposedBy != "" {
		pb := mapping()
		pb.add("vi", folded(r.proposedBy))
		m.add("proposed_by", pb.node)
	}
	if len(r.bases) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, b := range r.bases {
			t := mapping()
			t.add("vi", folded(b))
			seq.Content = append(seq.Content, t.node)
		}
		m.add("bases", seq)
	}
	if r.replaces != "" {
		rp := mapping()
		rp.add("vi", folded(r.replaces))
		m.addComment("# guess: \"thay thế ...\" in the text")
		m.add("replaces", rp.node)
	}
	return m.node
}

// issuerFromText finds the agency that "ban hành" (issued) the plan, for
// a text without a register heading.
func (d *drafter) issuerFromText() string {
	i := strings.Index(d.text, " ban hành")
	if i < 0 {
		return ""
	}
	ws := d.lx.words(d.text[max(0, i-120):i])
	for start := 0; start < len(ws); start++ {
		if id, n := d.lx.matchAt(ws, start); id != "" && start+n == len(ws) {
			return id
		}
	}
	return ""
}

func (d *drafter) sectionNode(s *node) *yaml.Node {
	m := mapping()
	m.add("id", str(s.id))
	if s.labelEN != "" {
		l := flow()
		l.add("vi", str(s.label))
		l.add("en", str(s.labelEN))
		m.add("label", l.node)
	} else {
		m.add("label", str(s.label))
	}
	if s.title != "" {
		t := flow()
		t.add("vi", str(s.title))
		m.add("title", t.node)
	}
	if s.kindFrom {
		s.notes = append(s.notes, "guess: the kind of the items below is read from this heading")
	}
	if s.pillar != "" {
		v := str(s.pillar)
		v.LineComment = "# guess: the pillar the heading names"
		m.add("pillar", v)
	}
	d.agencyFields(m, s)
	headNotes(m, s)
	var items, secs []*yaml.Node
	first := ""
	for _, c := range s.children {
		if c.isSection() {
			secs = append(secs, d.sectionNode(c))
			if first == "" {
				first = "sections"
			}
		} else {
			items = append(items, d.itemNode(c))
			if first == "" {
				first = "items"
			}
		}
	}
	add := func(key string, list []*yaml.Node) {
		if len(list) > 0 {
			m.add(key, &yaml.Node{Kind: yaml.SequenceNode, Content: list})
		}
	}
	if first == "sections" {
		add("sections", secs)
		add("items", items)
	} else {
		add("items", items)
		add("sections", secs)
	}
	return m.node
}

func (d *drafter) itemNode(n *node) *yaml.Node {
	m := mapping()
	m.add("id", str(n.id))
	m.add("label", str(n.label))
	k := str(string(n.itemKind))
	if n.kindGuess {
		k.LineComment = "# guess: no heading above says what these are"
	}
	m.add("kind", k)
	m.add("vi", folded(n.text))
	d.agencyFields(m, n)
	if n.timing != nil {
		t := flow()
		t.add("kind", str(string(n.timing.kind)))
		if n.timing.kind == model.TimingPeriod {
			t.add("from", num(n.timing.from))
			t.add("to", num(n.timing.to))
		}
		if !n.timing.by.IsZero() {
			t.add("by", str(n.timing.by.String()))
		}
		t.add("vi", str(n.timing.vi))
		t.node.LineComment = comment(n.timingNote)
		m.add("timing", t.node)
	} else if n.timingNote != "" {
		n.notes = append(n.notes, n.timingNote)
	}
	if n.restates != "" {
		v := str(n.restates)
		v.LineComment = "# guess: the body task with the most words in common"
		m.add("restates", v)
	}
	headNotes(m, n)
	return m.node
}

// agencyFields writes lead and partners, with where they were read and
// the names no agency matched.
func (d *drafter) agencyFields(m *mapper, n *node) {
	if len(n.lead) > 0 {
		v := ids(n.lead)
		v.LineComment = comment(n.leadNote)
		m.add("lead", v)
	}
	if len(n.partners) > 0 {
		v := ids(n.partners)
		v.LineComment = comment(n.partnersNote)
		m.add("partners", v)
	}
}

// headNotes puts a node's notes and the agency names it could not match
// above the node.
func headNotes(m *mapper, n *node) {
	lines := append([]string(nil), n.notes...)
	for _, u := range n.unmatched {
		lines = append(lines, fmt.Sprintf("unmatched agency %q (line %d): add it to agencies.yaml (or as a variant) and list its id here", u.Text, u.Line))
	}
	if len(lines) > 0 {
		m.node.HeadComment = comment(strings.Join(lines, "\n"))
	}
}

// mapper builds a YAML mapping.
type mapper struct {
	node *yaml.Node
	next string // a comment for the next field
}

func mapping() *mapper { return &mapper{node: &yaml.Node{Kind: yaml.MappingNode}} }

func flow() *mapper {
	return &mapper{node: &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}}
}

func (m *mapper) add(key string, v *yaml.Node) {
	k := str(key)
	k.HeadComment, m.next = m.next, ""
	m.node.Content = append(m.node.Content, k, v)
}

// addComment leaves a comment where a missing field would be.
func (m *mapper) addComment(c string) {
	if m.next != "" {
		c = m.next + "\n" + c
	}
	m.next = c
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func num(n int) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: itoa(n)} }

func folded(s string) *yaml.Node {
	n := str(s)
	n.Style = yaml.FoldedStyle
	return n
}

func ids(list []string) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, id := range list {
		seq.Content = append(seq.Content, str(id))
	}
	return seq
}

// comment writes each line of s as a YAML comment; "" stays "".
func comment(s string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "# " + l
	}
	return strings.Join(lines, "\n")
}

func trimRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return s
}
