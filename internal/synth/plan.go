package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text lengths of items, in characters.
const (
	minText = 120
	maxText = 600
)

// gen generates the plan of one province.
type gen struct {
	rng  *rand.Rand
	reg  *registries
	prov province
}

// plan is a generated plan: its metadata and its outline.
type plan struct {
	id, sourceFile string
	prov           province
	framework      string
	title          pair
	place          pair // "trên địa bàn tỉnh X", "in X province"
	number         string
	day, month     int
	signer         string
	issuer         bool // the registries define ppc
	standing       string
	funding        pair
	target         *target
	sections       []*section
}

type target struct {
	item  string
	value int // hundredths of a percent
}

// section is a section of a plan's outline.
type section struct {
	id, label, printed string // printed is how the source prints the label: "I.", "2.1.", "a)"
	title              pair
	pillar             string
	lead, partners     []string
	intro              string // a paragraph of the source after the heading
	items              []*item
	subs               []*section
}

// item is one item of a plan.
type item struct {
	id, label, printed string // printed: "a)", "-", "1."
	kind               string
	text               pair
	core               pair // the text without the agencies in brackets
	lead, partners     []string
	themes, related    []string
	timing             *timing
	restates           string
	after              string // a further paragraph of the source (the appendix's columns)
	// the agencies in effect, own or inherited, for appendix rows
	effLead, effPartners []string
}

type timing struct {
	kind     string
	from, to int
	date     string
	text     pair
}

// Categories of items, in the order counts apportions them.
const (
	cPurpose = iota
	cRequirement
	cGeneralObjective
	cSpecificObjective
	cGeneralTask                     // five of them, one per pillar
	cSpecificTask = cGeneralTask + 5 // five of them, one per pillar
	cFunding      = cSpecificTask + 5
	cDuty         = cFunding + 1
	nCategories   = cDuty + 1
)

// weights of the categories, items per 76 (appendix rows aside).
var weights = [nCategories]int{4, 3, 1, 4, 3, 3, 3, 3, 3, 8, 8, 8, 8, 8, 1, 8}

// counts splits n items into the categories and appendix rows.
func counts(n int) (c [nCategories]int, appendix int) {
	appendix = n * 10 / 86
	rest := n - appendix
	c = apportion(rest, weights)
	move := func(from, to int, keep int) {
		if c[from] > keep {
			c[to] += c[from] - keep
			c[from] = keep
		}
	}
	move(cFunding, cDuty, 1)
	move(cGeneralObjective, cSpecificObjective, 1)
	specific := func() int {
		s := 0
		for p := range 5 {
			s += c[cSpecificTask+p]
		}
		return s
	}
	for appendix > specific() {
		appendix--
		least := cSpecificTask
		for p := range 5 {
			if c[cSpecificTask+p] < c[least] {
				least = cSpecificTask + p
			}
		}
		c[least]++
	}
	return c, appendix
}

// apportion splits n in proportion to w by largest remainders; ties go
// to the earlier category.
func apportion(n int, w [nCategories]int) [nCategories]int {
	total := 0
	for _, x := range w {
		total += x
	}
	var out [nCategories]int
	given := 0
	for i, x := range w {
		out[i] = n * x / total
		given += out[i]
	}
	order := make([]int, nCategories)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return n*w[b]%total - n*w[a]%total })
	for _, i := range order[:n-given] {
		out[i]++
	}
	return out
}

// plan generates a plan of about n items: its register data, then one
// top-level section per category that has items, in the order the
// published plans use, and the appendix restating its specific tasks.
func (g *gen) plan(n int) *plan {
	p := g.planHead()
	c, appendix := counts(n)
	g.purposeSection(p, c)
	g.objectivesSection(p, c)
	tasks, taskPillars := g.tasksSection(p, c)
	g.organisationSections(p, c)
	if appendix > 0 {
		p.sections = append(p.sections, g.appendix(p, tasks, taskPillars, appendix))
	}
	return p
}

// planHead generates what the register says of a plan: its number, date,
// signer, place and title.
func (g *gen) planHead() *plan {
	pr := g.prov
	p := &plan{
		id:        pr.id + "-synth",
		prov:      pr,
		framework: g.reg.framework,
		number:    strconv.Itoa(100+g.rng.IntN(3900)) + "/KH-UBND",
		day:       1 + g.rng.IntN(28),
		month:     6 + g.rng.IntN(7),
		signer:    pick(g.rng, familyNames) + " " + pick(g.rng, middleNames) + " " + pick(g.rng, givenNames),
	}
	p.sourceFile = p.id + ".txt"
	_, p.issuer = g.reg.agencies["ppc"]
	if _, ok := g.reg.agencies["dolisa"]; ok {
		p.standing = "dolisa"
	}
	p.place = pair{"trên địa bàn " + pr.kindVI() + " " + pr.name, "in " + pr.nameEN() + " province"}
	if pr.city {
		p.place.en = "in " + pr.nameEN() + " city"
	}
	p.title = pair{
		"Kế hoạch thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN " + p.place.vi + " giai đoạn 2021-2025",
		"Plan for implementing the goals of the ASEAN Socio-Cultural Community " + p.place.en + ", 2021-2025",
	}
	return p
}

// topSection starts the plan's next top-level section, labelled with
// the next Roman numeral: sections without items are left out, so the
// numerals follow the sections the plan has.
func (p *plan) topSection(vi, en, pillar string) *section {
	r := romans[len(p.sections)]
	return &section{id: strings.ToLower(r), label: r, printed: r + ".", title: pair{vi, en}, pillar: pillar}
}

// purposeSection adds the section of purposes and requirements.
func (g *gen) purposeSection(p *plan, c [nCategories]int) {
	if c[cPurpose]+c[cRequirement] == 0 {
		return
	}
	s := p.topSection("MỤC ĐÍCH, YÊU CẦU", "PURPOSE AND REQUIREMENTS", groupObjectives)
	s.sub(pair{"Mục đích", "Purpose"}, g.simpleItems(c[cPurpose], "purpose", purposeOpeners), letterStyle)
	s.sub(pair{"Yêu cầu", "Requirements"}, g.simpleItems(c[cRequirement], "requirement", requirementOpeners), letterStyle)
	p.sections = append(p.sections, s)
}

// objectivesSection adds the section of objectives; the first specific
// objective is the plan's measured target.
func (g *gen) objectivesSection(p *plan, c [nCategories]int) {
	if c[cGeneralObjective]+c[cSpecificObjective] == 0 {
		return
	}
	s := p.topSection("MỤC TIÊU", "OBJECTIVES", groupObjectives)
	s.sub(pair{"Mục tiêu chung", "General objective"}, g.simpleItems(c[cGeneralObjective], "objective", objectiveOpeners), bulletStyle)
	specific := g.simpleItems(c[cSpecificObjective], "objective", objectiveOpeners)
	if len(specific) > 0 {
		p.target = &target{value: 100 + g.rng.IntN(400)}
		specific[0] = g.targetItem(p.target.value)
	}
	if sub := s.sub(pair{"Mục tiêu cụ thể", "Specific objectives"}, specific, letterStyle); sub != nil && p.target != nil {
		p.target.item = sub.items[0].id
	}
	p.sections = append(p.sections, s)
}

// tasksSection adds the section of tasks, one subsection per pillar, and
// returns its specific tasks with their pillars, for the appendix.
func (g *gen) tasksSection(p *plan, c [nCategories]int) (tasks []*item, taskPillars []string) {
	hasTasks := false
	for i := range 5 {
		hasTasks = hasTasks || c[cGeneralTask+i]+c[cSpecificTask+i] > 0
	}
	if !hasTasks {
		return nil, nil
	}
	s := p.topSection("NHIỆM VỤ VÀ GIẢI PHÁP", "TASKS AND SOLUTIONS", "")
	for i, pid := range pillarIDs {
		ps := g.pillarSection(s, pid, c[cGeneralTask+i], c[cSpecificTask+i])
		if ps == nil {
			continue
		}
		for _, t := range ps.subs[len(ps.subs)-1].allItems() {
			if t.kind == "task" {
				tasks = append(tasks, t)
				taskPillars = append(taskPillars, pid)
			}
		}
	}
	p.sections = append(p.sections, s)
	return tasks, taskPillars
}

// organisationSections adds the sections of funding and of the agencies'
// duties.
func (g *gen) organisationSections(p *plan, c [nCategories]int) {
	if c[cFunding] > 0 {
		s := p.topSection("KINH PHÍ THỰC HIỆN", "FUNDING", groupOrganisation)
		s.setItems(g.fundingItems(c[cFunding]), numberStyle)
		p.funding = s.items[0].text
		p.sections = append(p.sections, s)
	}
	if c[cDuty] > 0 {
		s := p.topSection("TỔ CHỨC THỰC HIỆN", "ORGANISATION OF IMPLEMENTATION", groupOrganisation)
		g.duties(s, c[cDuty], p.standing)
		p.sections = append(p.sections, s)
	}
}

// Label styles of a list of items.
const (
	letterStyle = iota // a), b), ... or bullets when there are too many
	bulletStyle        // -, labelled •1, •2, ...
	numberStyle        // 1., 2., ...
)

// labelled gives items their labels and ids under the section with id.
func labelled(id string, items []*item, style int) {
	if style == letterStyle && len(items) > len(letters) {
		style = bulletStyle
	}
	for i, it := range items {
		n := strconv.Itoa(i + 1)
		switch style {
		case letterStyle:
			it.label, it.printed = letters[i], letters[i]+")"
			it.id = id + "-" + strings.ReplaceAll(letters[i], "đ", "dd")
		case bulletStyle:
			it.label, it.printed, it.id = "•"+n, "-", id+"-"+n
		default:
			it.label, it.printed, it.id = n, n+".", id+"-"+n
		}
	}
}

// sub adds a numbered sub-section with items, unless there are none.
func (s *section) sub(title pair, items []*item, style int) *section {
	if len(items) == 0 {
		return nil
	}
	c := &section{title: title}
	s.add(c)
	c.setItems(items, style)
	return c
}

// add appends a numbered sub-section: 1, 2, ... under a top-level
// section, 2.1, 2.2, ... under section 2.
func (s *section) add(c *section) {
	n := strconv.Itoa(len(s.subs) + 1)
	c.id = s.id + "-" + n
	if isRoman(s.label) {
		c.label = n
	} else {
		c.label = s.label + "." + n
	}
	c.printed = c.label + "."
	s.subs = append(s.subs, c)
}

func isRoman(s string) bool { return slices.Contains(romans, s) }

func (s *section) setItems(items []*item, style int) {
	s.items = items
	labelled(s.id, items, style)
}

// allItems lists the items of s and its sub-sections in document order.
func (s *section) allItems() []*item {
	out := append([]*item(nil), s.items...)
	for _, c := range s.subs {
		out = append(out, c.allItems()...)
	}
	return out
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// available returns the ids of list that the registries define.
func (g *gen) available(list []string) []string {
	var out []string
	for _, id := range list {
		if _, ok := g.reg.agencies[id]; ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// agencies picks n distinct agencies from list, leaving out those in
// not; it falls back on the pillar's leads and any agency.
func (g *gen) agencies(n int, list []string, not []string) []string {
	var pool []string
	for _, id := range g.available(list) {
		if !slices.Contains(not, id) {
			pool = append(pool, id)
		}
	}
	var out []string
	for len(out) < n && len(pool) > 0 {
		i := g.rng.IntN(len(pool))
		out = append(out, pool[i])
		pool = slices.Delete(pool, i, i+1)
	}
	return out
}

// lead picks one to two lead agencies for a topic, at least one.
func (g *gen) lead(t topic, pillar string) []string {
	n := 1
	if g.rng.IntN(10) < 3 {
		n = 2
	}
	out := g.agencies(n, t.agencies, nil)
	if len(out) == 0 {
		out = g.agencies(1, pillarLeads[pillar], nil)
	}
	if len(out) == 0 {
		out = []string{g.reg.firstNon}
	}
	return out
}

// partners picks up to max partner agencies, none of them in lead.
func (g *gen) partners(most int, lead []string) []string {
	n := min(most, g.rng.IntN(3))
	return g.agencies(n, partnerPool, lead)
}

// themes gives an item its themes: those of its topic and methods, as
// the registries define them, one to three.
func (g *gen) themes(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, id := range l {
			if g.reg.themes[id] && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	if len(out) == 0 {
		for _, id := range []string{"awareness", "monitoring"} {
			if g.reg.themes[id] {
				return []string{id}
			}
		}
		return []string{g.reg.anyTheme()}
	}
	return out[:min(len(out), 1+g.rng.IntN(3))]
}

func (r *registries) anyTheme() string {
	ids := make([]string, 0, len(r.themes))
	for id := range r.themes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids[0]
}

// randomTopic is any topic of any pillar.
func (g *gen) randomTopic() (topic, string) {
	pid := pick(g.rng, pillarIDs)
	return pick(g.rng, topics[pid]), pid
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// compose builds an item's text from head (opener, object, qualifier):
// a purpose, methods until a length drawn at random, and the lead and
// partner agencies in brackets. It returns the text, the text without
// the brackets, and the themes of the methods used.
func (g *gen) compose(head pair, lead, partners []string) (full, core pair, themes []string) {
	vi, en := head.vi, head.en
	if g.rng.IntN(100) < 85 {
		pu := pick(g.rng, purposes)
		vi, en = vi+", "+pu.vi, en+", "+pu.en
	}
	paren := g.bracket(lead, partners)
	want := max(minText, 110+g.rng.IntN(230)+g.rng.IntN(230))
	order := g.rng.Perm(len(methods))
	var used []int
	length := func(k int) (int, int) { // core and full length with the first k methods of used
		v := vi
		for _, i := range used[:k] {
			v += "; " + methods[i].text.vi
		}
		return runes(v) + 1, runes(v) + runes(paren.vi) + 1
	}
	for _, i := range order {
		if c, _ := length(len(used)); c >= want {
			break
		}
		used = append(used, i)
	}
	for len(used) > 0 {
		_, f := length(len(used))
		c, _ := length(len(used) - 1)
		if f <= maxText || c < minText {
			break
		}
		used = used[:len(used)-1]
	}
	for _, i := range used {
		vi, en = vi+"; "+methods[i].text.vi, en+"; "+methods[i].text.en
		themes = append(themes, methods[i].themes...)
	}
	core = g.prov.local(pair{vi + ".", en + "."})
	full = g.prov.local(pair{vi + paren.vi + ".", en + paren.en + "."})
	return full, core, themes
}

// bracket is " (Sở Y tế chủ trì, phối hợp với Sở Tài chính)".
func (g *gen) bracket(lead, partners []string) pair {
	if len(lead) == 0 {
		return pair{}
	}
	vi := " (" + upperFirst(g.names(lead, "vi")) + " chủ trì"
	en := " (led by " + g.names(lead, "en")
	if len(partners) > 0 {
		vi += ", phối hợp với " + g.names(partners, "vi")
		en += ", in coordination with " + g.names(partners, "en")
	}
	return pair{vi + ")", en + ")"}
}

// names joins the names of agencies: "A, B và C", "the A, the B and the
// C". Names of collective agencies ("Các sở, ban, ngành") start in
// lower case.
func (g *gen) names(ids []string, lang string) string {
	var parts []string
	for _, id := range ids {
		a := g.reg.agencies[id]
		n := g.prov.local(pair{a.Name.VI, a.Name.EN})
		if a.Collective {
			n.en = lowerFirst(n.en)
			if strings.HasPrefix(n.vi, "Các ") {
				n.vi = lowerFirst(n.vi)
			}
		}
		if lang == "vi" {
			parts = append(parts, n.vi)
		} else {
			parts = append(parts, "the "+n.en)
		}
	}
	and := " và "
	if lang == "en" {
		and = " and "
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}

// head starts an item: opener, object and qualifier.
func head(rng *rand.Rand, opener pair, t topic) pair {
	q := pick(rng, qualifiers)
	return pair{opener.vi + " " + t.object.vi + " " + q.vi, opener.en + " " + t.object.en + " " + q.en}
}

// simpleItems are n items of kind without agencies of their own.
func (g *gen) simpleItems(n int, kind string, openers []pair) []*item {
	out := make([]*item, 0, n)
	for range n {
		t, _ := g.randomTopic()
		full, core, mt := g.compose(head(g.rng, pick(g.rng, openers), t), nil, nil)
		out = append(out, &item{kind: kind, text: full, core: core, themes: g.themes(t.themes, mt)})
	}
	return out
}

// targetItem is the objective that states the poverty target.
func (g *gen) targetItem(value int) *item {
	where, whereEN := g.prov.kindVI(), "province"
	if g.prov.city {
		whereEN = "city"
	}
	h := pair{
		fmt.Sprintf("Phấn đấu đến năm 2025, tỷ lệ hộ nghèo trên địa bàn %s giảm còn dưới %d,%02d%%", where, value/100, value%100),
		fmt.Sprintf("Strive to reduce the poor household rate in the %s to below %d.%02d%% by 2025", whereEN, value/100, value%100),
	}
	full, core, mt := g.compose(h, nil, nil)
	return &item{kind: "objective", text: full, core: core, themes: g.themes([]string{"poverty-reduction"}, mt)}
}

// pillarSection adds section k to part III: general tasks in k.1,
// specific tasks in lettered groups of k.2.
func (g *gen) pillarSection(parent *section, pid string, general, specific int) *section {
	if general+specific == 0 {
		return nil
	}
	name := g.reg.pillars[pid]
	s := &section{title: pair{"Xây dựng " + lowerFirst(name.VI), "Building " + lowerFirst(name.EN)}, pillar: pid}
	parent.add(s)
	s.lead = g.agencies(1, pillarLeads[pid], nil)
	if len(s.lead) == 0 {
		s.lead = []string{g.reg.firstNon}
	}
	s.intro = "Cơ quan chủ trì: " + upperFirst(g.names(s.lead, "vi")) + "."
	ts := topics[pid]
	var general1 string // the first general task, which some tasks relate to
	if general > 0 {
		var items []*item
		for range general {
			t := pick(g.rng, ts)
			full, core, mt := g.compose(head(g.rng, pick(g.rng, generalOpeners), t), nil, nil)
			items = append(items, &item{kind: "general-task", text: full, core: core, themes: g.themes(t.themes, mt)})
		}
		general1 = s.sub(pair{"Nhiệm vụ chung", "General tasks"}, items, letterStyle).items[0].id
	}
	if specific > 0 {
		k := &section{title: pair{"Nhiệm vụ cụ thể", "Specific tasks"}}
		s.add(k)
		groups := min(len(letters), specific, (specific+5)/6)
		sizes := evenSizes(specific, groups)
		perm := g.rng.Perm(len(ts))
		for j := range groups {
			t := ts[perm[j%len(ts)]]
			gr := &section{id: k.id + "-" + strings.ReplaceAll(letters[j], "đ", "dd"), label: letters[j], printed: letters[j] + ")", title: t.title}
			if g.rng.IntN(10) < 4 {
				gr.lead = g.lead(t, pid)
				if g.rng.IntN(2) == 0 {
					gr.partners = g.agencies(1, partnerPool, gr.lead)
				}
				gr.intro = "Cơ quan chủ trì: " + upperFirst(g.names(gr.lead, "vi"))
				if len(gr.partners) > 0 {
					gr.intro += "; cơ quan phối hợp: " + g.names(gr.partners, "vi")
				}
				gr.intro += "."
			}
			k.subs = append(k.subs, gr)
			var items []*item
			for range sizes[j] {
				items = append(items, g.task(t, pid, s, gr, general1))
			}
			gr.items = items
			labelled(gr.id, items, bulletStyle)
		}
	}
	return s
}

// evenSizes splits n into k near-equal parts, larger parts first.
func evenSizes(n, k int) []int {
	out := make([]int, k)
	for i := range out {
		out[i] = n / k
		if i < n%k {
			out[i]++
		}
	}
	return out
}

// task is a specific task of topic t in group gr of pillar section ps.
func (g *gen) task(t topic, pid string, ps, gr *section, related string) *item {
	it := &item{kind: "task"}
	own := g.rng.IntN(10) < 8
	if len(gr.lead) > 0 {
		own = g.rng.IntN(10) < 2
	}
	if own {
		it.lead = g.lead(t, pid)
		it.partners = g.partners(3-len(it.lead), it.lead)
	}
	full, core, mt := g.compose(head(g.rng, pick(g.rng, taskOpeners), t), it.lead, it.partners)
	it.text, it.core = full, core
	it.themes = g.themes(t.themes, mt)
	switch {
	case own:
		it.effLead, it.effPartners = it.lead, it.partners
	case len(gr.lead) > 0:
		it.effLead, it.effPartners = gr.lead, gr.partners
	default:
		it.effLead = ps.lead
	}
	if g.rng.IntN(100) < 45 {
		it.timing = g.timing()
	}
	if related != "" && g.rng.IntN(100) < 8 {
		it.related = []string{related}
	}
	return it
}

var monthsEN = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func (g *gen) timing() *timing {
	switch r := g.rng.IntN(100); {
	case r < 35:
		return &timing{kind: "annual", text: pick(g.rng, []pair{{"Hằng năm", "Annually"}, {"Hàng năm", "Every year"}})}
	case r < 60:
		from := 2021 + g.rng.IntN(3)
		to := from + 1 + g.rng.IntN(2025-from)
		return &timing{kind: "period", from: from, to: to, text: pair{fmt.Sprintf("Giai đoạn %d-%d", from, to), fmt.Sprintf("%d-%d", from, to)}}
	case r < 75:
		return &timing{kind: "ongoing", text: pair{"Thường xuyên", "Regularly"}}
	case r < 90:
		y := 2022 + g.rng.IntN(4)
		return &timing{kind: "once", text: pair{fmt.Sprintf("Năm %d", y), fmt.Sprintf("In %d", y)}}
	default:
		y, m, d := 2022+g.rng.IntN(4), 6, 30
		if g.rng.IntN(2) == 0 {
			m, d = 12, 31
		}
		return &timing{kind: "date", date: fmt.Sprintf("%d-%02d-%02d", y, m, d),
			text: pair{fmt.Sprintf("Trước ngày %d/%d/%d", d, m, y), fmt.Sprintf("By %d %s %d", d, monthsEN[m], y)}}
	}
}

func (g *gen) fundingItems(n int) []*item {
	var out []*item
	for i := range n {
		k := 1 + (i+g.rng.IntN(3))%3
		vi, en := fundingTexts[0].vi, fundingTexts[0].en
		if k >= 2 {
			vi, en = vi+"; "+fundingTexts[1].vi, en+", "+fundingTexts[1].en
		}
		if k >= 3 {
			vi, en = vi+" "+fundingTexts[2].vi, en+" "+fundingTexts[2].en
		}
		t := pair{vi + ".", en + "."}
		out = append(out, &item{kind: "funding", text: t, core: t, themes: g.themes([]string{"monitoring"})})
	}
	return out
}

// duties fills section V: one sub-section per agency, the standing
// agency first and the district committees last, each leading its duties.
func (g *gen) duties(s *section, n int, standing string) {
	var who []string
	if standing != "" {
		who = append(who, standing)
	}
	others := g.agencies(len(dutyAgencies), dutyAgencies, who)
	want := min(n, 8)
	last := g.available([]string{collectiveDuty})
	for _, id := range others {
		if len(who) >= want-len(last) {
			break
		}
		who = append(who, id)
	}
	if len(who) < want && len(last) > 0 && !slices.Contains(who, last[0]) {
		who = append(who, last[0])
	}
	if len(who) == 0 {
		who = []string{g.reg.firstNon}
	}
	sizes := evenSizes(n, len(who))
	ppc := pair{"Ủy ban nhân dân " + g.prov.kindVI(), "the Provincial People's Committee"}
	if g.prov.city {
		ppc.en = "the City People's Committee"
	}
	for i, id := range who {
		a := g.reg.agencies[id]
		c := &section{title: g.prov.local(pair{a.Name.VI, a.Name.EN}), lead: []string{id}}
		s.add(c)
		var items []*item
		for range sizes[i] {
			t, _ := g.randomTopic()
			h := head(g.rng, pick(g.rng, dutyOpeners), t)
			var tm *timing
			extra := []string(nil)
			if g.rng.IntN(100) < 15 {
				h.vi += "; báo cáo kết quả thực hiện về " + ppc.vi + " trước ngày 15/12 hằng năm"
				h.en += "; report the results to " + ppc.en + " by 15 December each year"
				tm = &timing{kind: "annual", text: pair{"trước ngày 15/12 hằng năm", "by 15 December each year"}}
				extra = []string{"monitoring"}
			}
			full, core, mt := g.compose(h, nil, nil)
			items = append(items, &item{kind: "duty", text: full, core: core, timing: tm, themes: g.themes(t.themes, extra, mt)})
		}
		c.setItems(items, bulletStyle)
	}
}

// appendix is the table of tasks at the end of the plan: n rows, each
// restating a specific task, grouped by pillar.
func (g *gen) appendix(p *plan, tasks []*item, pillars []string, n int) *section {
	pr := p.prov
	s := &section{id: "appendix", label: "Phụ lục", printed: "PHỤ LỤC",
		title: pair{
			"DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH THỰC HIỆN CÁC MỤC TIÊU CỦA CỘNG ĐỒNG VĂN HÓA - XÃ HỘI ASEAN TRÊN ĐỊA BÀN " + strings.ToUpper(pr.kindVI()+" "+pr.name),
			"List of tasks for implementing the plan to achieve the goals of the ASEAN Socio-Cultural Community " + p.place.en,
		},
		intro: fmt.Sprintf("(Kèm theo Kế hoạch số %s ngày %d/%d/2021 của %s)", p.number, p.day, p.month, pr.ppc().VI),
	}
	var group *section
	for j := range n {
		t := tasks[j*len(tasks)/n]
		pid := pillars[j*len(tasks)/n]
		if group == nil || group.pillar != pid {
			r := romans[len(s.subs)]
			name := g.reg.pillars[pid]
			group = &section{id: "appendix-" + strings.ToLower(r), label: r, printed: r + ".", pillar: pid,
				title: pair{strings.ToUpper("Xây dựng " + lowerFirst(name.VI)), "Building " + lowerFirst(name.EN)}}
			s.subs = append(s.subs, group)
		}
		tm := t.timing
		if tm == nil {
			tm = &timing{kind: "annual", text: pair{"Hằng năm", "Annually"}}
		}
		row := &item{kind: "appendix-row", text: t.core, core: t.core, lead: t.effLead, partners: t.effPartners,
			timing: tm, themes: t.themes, restates: t.id}
		cols := "Cơ quan chủ trì: " + upperFirst(g.names(row.lead, "vi")) + "."
		if len(row.partners) > 0 {
			cols += " Cơ quan phối hợp: " + upperFirst(g.names(row.partners, "vi")) + "."
		}
		row.after = cols + " Thời gian thực hiện: " + tm.text.vi + "."
		group.items = append(group.items, row)
	}
	for _, gr := range s.subs {
		labelled(gr.id, gr.items, numberStyle)
	}
	return s
}
