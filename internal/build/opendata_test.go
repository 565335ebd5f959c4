package build

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/i18n"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/opendata"
	"sitegen/internal/sitetest"
)

// buildContent builds content into a temporary directory and returns the
// output directory and its HTML pages by path.
func buildContent(t *testing.T, content fstest.MapFS) (string, map[string]string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := Build(Options{Content: content, Theme: sitetest.Theme(t), Out: out,
		Base: manifest.Base{Path: "/", URL: "https://sitegen.example"}})
	if err != nil {
		t.Fatal(err)
	}
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	return out, readPages(t, out)
}

// withOpenDataPage is the valid fixture with an Open data page, which
// lists the plans with their data files.
func withOpenDataPage(t *testing.T) fstest.MapFS {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.With(m, "pages/open-data.vi.md", []byte("---\ntitle: Dữ liệu mở\nlist: plan-data\n---\nTệp dữ liệu.\n"))
	return sitetest.With(m, "pages/open-data.en.md", []byte("---\ntitle: Open data\nlist: plan-data\n---\nData files.\n"))
}

// TestLicence: a licence named in site.yaml is shown, with its link, on
// the Open data page in both languages and is in every plan's JSON file
// and the CSV's metadata; without one, the page says that the publisher
// states the terms, and no file names a licence.
func TestLicence(t *testing.T) {
	const url = "https://creativecommons.org/licenses/by/4.0/"
	licensed := sitetest.Replace(t, withOpenDataPage(t), "site.yaml", "description:",
		`licence: {name: {vi: Giấy phép Creative Commons Ghi công 4.0, en: Creative Commons Attribution 4.0}, url: "`+url+`"}`+"\ndescription:")
	for _, tc := range []struct {
		name    string
		content fstest.MapFS
		page    map[string]string // language -> what the page must say
	}{
		{"named", licensed, map[string]string{
			"vi": `href="` + url + `" rel="external noopener">Giấy phép Creative Commons Ghi công 4.0</a>`,
			"en": `href="` + url + `" rel="external noopener">Creative Commons Attribution 4.0</a>`}},
		{"none", withOpenDataPage(t), map[string]string{
			"vi": "đơn vị công bố trang quy định điều kiện sử dụng lại dữ liệu",
			"en": "the publisher of this site states the terms on which the data may be reused"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, pages := buildContent(t, tc.content)
			for lang, want := range tc.page {
				page := pages[lang+"/open-data/index.html"]
				if !strings.Contains(page, want) {
					t.Errorf("%s/open-data/ does not say %s", lang, want)
				}
			}
			files, err := filepath.Glob(filepath.Join(out, "data", "plans", "*.json"))
			if err != nil || len(files) < 2 {
				t.Fatalf("data files %v (%v)", files, err)
			}
			for _, f := range append(files, filepath.Join(out, filepath.FromSlash(manifest.ItemsMetadataPath))) {
				if filepath.Base(f) == "plan.schema.json" {
					continue
				}
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				var doc struct {
					Licence *struct{ URL string } `json:"licence"`
					CSVW    *struct {
						ID string `json:"@id"`
					} `json:"dc:license"`
				}
				if err := json.Unmarshal(b, &doc); err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				got := ""
				switch {
				case doc.Licence != nil:
					got = doc.Licence.URL
				case doc.CSVW != nil:
					got = doc.CSVW.ID
				}
				if want := map[bool]string{true: url}[tc.name == "named"]; got != want {
					t.Errorf("%s: licence %q, want %q", filepath.Base(f), got, want)
				}
			}
		})
	}
}

// itemPage is what an item's page shows, read from its HTML: the
// heading, the text, and each fact of its list under the interface
// string key of its term ("item.lead").
type itemPage struct {
	heading, text string
	hasText       bool
	facts         map[string]pageFact
}

// pageFact is one term of an item page's list of facts.
type pageFact struct {
	text   string   // the words, markers and notes left out
	links  []string // the ids the links lead to, notes left out
	marker string   // "(from its section)", "(from the appendix, …)"
	// now holds the change note after each agency, by the agency's id:
	// the ids of the agencies its duties went to, or "abolished".
	now map[string][]string
	// unattached counts change notes that follow no agency.
	unattached int
	// class and data are the definition's class and its data-*
	// attribute's value ("by-when" and its basis, "status" and its
	// status)
	class, data string
}

var (
	h1Re       = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	articleRe  = regexp.MustCompile(`(?s)<article class="?item-page"?>(.*)</article>`)
	textRe     = regexp.MustCompile(`(?s)^\s*(?:<p class="?notice"?>.*?</p>)?<p class="?text"?[^>]*>(.*?)</p>`)
	factsRe    = regexp.MustCompile(`(?s)<dl class="?facts"?>(.*?)</dl>`)
	termRe     = regexp.MustCompile(`(?s)<dt>(.*?)</dt><dd(?: class="?([a-z-]+)"?)?(?: data-[a-z]+="?([a-z-]+)"?)?>(.*?)</dd>`)
	nowRe      = regexp.MustCompile(`(?s) ?<span class="?sub now"?>(.*?)</span>`)
	markerRe   = regexp.MustCompile(`(?s) ?<span class="?sub"?>(\(.*?\))</span>`)
	hrefRe     = regexp.MustCompile(`href="?([^" >]*)"?`)
	tagRe      = regexp.MustCompile(`<[^>]*>`)
	agencyPath = regexp.MustCompile(`/agencies/([a-z0-9-]+)/$`)
)

// lastID is the last part of a link's path: an agency's, pillar's,
// theme's or item's id.
func lastID(href string) string {
	if _, frag, ok := strings.Cut(href, "#"); ok {
		return frag // a section of the plan's page
	}
	href = strings.TrimSuffix(href, "/")
	return href[strings.LastIndex(href, "/")+1:]
}

func plainText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(s, ""))), " ")
}

// readItemPage reads the parts of an item page that its record must
// hold too; terms maps each term as the page's language writes it to
// its interface string key.
func readItemPage(page string, terms map[string]string) itemPage {
	out := itemPage{facts: map[string]pageFact{}}
	if m := h1Re.FindStringSubmatch(page); m != nil {
		out.heading = plainText(m[1])
	}
	article := ""
	if m := articleRe.FindStringSubmatch(page); m != nil {
		article = m[1]
	}
	if m := textRe.FindStringSubmatch(article); m != nil {
		out.text, out.hasText = plainText(m[1]), true
	}
	dl := ""
	if m := factsRe.FindStringSubmatch(article); m != nil {
		dl = m[1]
	}
	for _, m := range termRe.FindAllStringSubmatch(dl, -1) {
		key, dd := terms[plainText(m[1])], m[4]
		f := pageFact{now: map[string][]string{}, class: m[2], data: m[3]}
		// each change note concerns the agency linked right before it
		last := ""
		rest := dd
		for {
			loc := nowRe.FindStringSubmatchIndex(rest)
			before := rest
			if loc != nil {
				before = rest[:loc[0]]
			}
			for _, h := range hrefRe.FindAllStringSubmatch(before, -1) {
				f.links = append(f.links, lastID(h[1]))
				if agencyPath.MatchString(h[1]) {
					last = lastID(h[1])
				}
			}
			if loc == nil {
				break
			}
			note := rest[loc[2]:loc[3]]
			var to []string
			for _, h := range hrefRe.FindAllStringSubmatch(note, -1) {
				to = append(to, lastID(h[1]))
			}
			if len(to) == 0 {
				to = []string{"abolished"}
			}
			if last == "" || strings.HasSuffix(strings.TrimSpace(tagRe.ReplaceAllString(before, "")), ";") {
				f.unattached++ // a note after a separator follows no agency
			} else {
				f.now[last] = to
			}
			last = ""
			rest = rest[loc[1]:]
		}
		words := nowRe.ReplaceAllString(dd, "")
		if ms := markerRe.FindAllStringSubmatch(words, -1); len(ms) > 0 {
			f.marker = plainText(ms[len(ms)-1][1])
		}
		f.text = plainText(markerRe.ReplaceAllString(words, ""))
		out.facts[key] = f
	}
	return out
}

// recordedItem is an item's open data record with what it needs from
// its plan's: the sections above it and the plan's agencies.
type recordedItem struct {
	opendata.Item
	sections []string // ids, from the top
	agencies map[string]opendata.Agency
}

// recordedItems walks a plan's record and returns its items in order.
func recordedItems(p opendata.Plan) []recordedItem {
	var out []recordedItem
	var walk func([]opendata.Section, []string)
	walk = func(ss []opendata.Section, path []string) {
		for _, s := range ss {
			here := append(append([]string(nil), path...), s.ID)
			for _, it := range s.Items {
				out = append(out, recordedItem{Item: it, sections: here, agencies: p.Agencies})
			}
			walk(s.Sections, here)
		}
	}
	walk(p.Sections, nil)
	return out
}

// in returns a record's text in lang as its page shows it: the
// Vietnamese where no English exists.
func in(t *opendata.Text, lang model.Lang) string {
	if t == nil {
		return ""
	}
	if lang == model.EN && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// compareItem lists every difference between what an item's page in
// lang shows and what its record holds, field by field.
func compareItem(page itemPage, rec recordedItem, loc *i18n.Locale) []string {
	var out []string
	differ := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	lang := loc.Lang
	text := in(rec.Text, lang)
	switch {
	case rec.Title != nil && page.heading != in(rec.Title, lang):
		differ("heading %q, record title %q", page.heading, in(rec.Title, lang))
	case rec.Title == nil && !strings.HasPrefix(strings.ToLower(text), strings.ToLower(strings.TrimSuffix(page.heading, "…"))):
		differ("heading %q is not the start of the record's text", page.heading)
	}
	// a page prints the text below its heading, unless the heading is
	// the text (a title that only capitalises it)
	if page.hasText && page.text != text || !page.hasText && !strings.EqualFold(page.heading, text) {
		differ("text %q, record %q", page.text, text)
	}
	str := func(key string) string { s, _ := loc.T(key); return s }
	// from checks the marker after a fact against where its record says
	// it comes from
	from := func(term string, f pageFact, where *opendata.From) {
		w := ""
		if where != nil {
			w = where.From
		}
		kind, label, _ := strings.Cut(w, " ")
		ok := false
		switch kind {
		case "item":
			ok = f.marker == ""
		case "section":
			ok = f.marker == str("item.inherited")
		case "appendix", "body":
			key := map[string]string{"appendix": "item.from-appendix", "body": "item.from-body"}[kind]
			prefix, _, _ := strings.Cut(str(key), "%s")
			ok = strings.HasPrefix(f.marker, "("+prefix) && strings.HasSuffix(f.marker, label+")")
		}
		if !ok {
			differ("%s: the page says %q, the record says from %q", term, f.marker, w)
		}
	}
	want := map[string]bool{"item.status": true, "item.section": true}
	agencies := func(term string, ids []string, where *opendata.From) {
		if len(ids) == 0 {
			return
		}
		want[term] = true
		f, ok := page.facts[term]
		if !ok {
			return
		}
		var got []string
		for _, l := range f.links {
			if _, isAgency := rec.agencies[l]; isAgency && !slices.Contains(got, l) {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, ids) {
			differ("%s: the page names %v, the record %v", term, got, ids)
		}
		from(term, f, where)
		if f.unattached > 0 {
			differ("%s: %d change note(s) follow no agency", term, f.unattached)
		}
		for _, id := range ids {
			var changed []string
			for _, c := range rec.agencies[id].Changes {
				if c.Kind == model.ChangeAbolished {
					changed = append(changed, "abolished")
				}
				changed = append(changed, c.Successors...)
			}
			if !slices.Equal(f.now[id], changed) {
				differ("%s: the note after %s says %v, the record's changes of %s %v", term, id, f.now[id], id, changed)
			}
		}
		for id := range f.now {
			if !slices.Contains(ids, id) {
				differ("%s: a change note follows %s, which the record does not name", term, id)
			}
		}
	}
	agencies("item.lead", rec.Lead, rec.LeadFrom)
	agencies("item.partners", rec.Partners, rec.PartFrom)
	if f, ok := page.facts["item.lead"]; ok && f.class == "no-lead" {
		// the page says that the plan names no lead: so must the record
		want["item.lead"] = true
		if len(rec.Lead) > 0 {
			differ("the page says no lead, the record names %v", rec.Lead)
		}
	}
	// by when: the words of the record's by_when, from where it says; a
	// timing of the record's own or lent by its twin is what the page
	// says by when from
	want["item.by-when"], want["item.schedule"], want["item.status"] = true, true, true
	bw := page.facts["item.by-when"]
	if bw.text != in(rec.ByWhen.Text, lang) || bw.data != string(rec.ByWhen.Basis) {
		differ("by when %q (%s), record %q (%s)", bw.text, bw.data, in(rec.ByWhen.Text, lang), rec.ByWhen.Basis)
	}
	switch {
	case rec.Timing != nil:
		kind, _, _ := strings.Cut(rec.TimingFrom.From, " ")
		if bw.data != map[string]string{"item": "item", "appendix": "appendix", "body": "body"}[kind] && kind != "section" {
			differ("the record's timing is from %q, the page's by when from %q", rec.TimingFrom.From, bw.data)
		}
		if !strings.HasPrefix(bw.text, in(rec.Timing.Text, lang)) {
			differ("by when %q does not give the record's timing %q", bw.text, in(rec.Timing.Text, lang))
		}
	case bw.data == "item" || bw.data == "appendix" || bw.data == "body":
		differ("the page says by when from the %s's timing, the record has none", bw.data)
	}
	if f := page.facts["item.schedule"]; f.data != string(rec.Schedule) {
		differ("schedule %q, record %q", f.data, rec.Schedule)
	}
	if f := page.facts["item.status"]; f.data != string(rec.Status) {
		differ("status %q, record %q", f.data, rec.Status)
	}
	if f := page.facts["item.section"]; !slices.Equal(f.links, rec.sections) {
		differ("section %v, record %v", f.links, rec.sections)
	}
	lists := []struct {
		term string
		ids  []string
	}{{"item.themes", rec.Themes}, {"item.restated-by", rec.RestatedBy}, {"item.related", rec.Related}}
	if rec.Pillar != "" {
		lists = append(lists, struct {
			term string
			ids  []string
		}{"item.pillar", []string{rec.Pillar}})
	}
	if rec.Restates != "" {
		lists = append(lists, struct {
			term string
			ids  []string
		}{"item.restates", []string{rec.Restates}})
	}
	for _, l := range lists {
		if len(l.ids) == 0 {
			continue
		}
		want[l.term] = true
		if f, ok := page.facts[l.term]; ok && !slices.Equal(f.links, l.ids) {
			differ("%s %v, record %v", l.term, f.links, l.ids)
		}
	}
	if rec.Note != nil {
		want["item.note"] = true
		if f, ok := page.facts["item.note"]; ok && f.text != in(rec.Note, lang) {
			differ("note %q, record %q", f.text, in(rec.Note, lang))
		}
	}
	for term := range want {
		if _, ok := page.facts[term]; !ok {
			differ("the record has %s, the page does not show it", term)
		}
	}
	for term := range page.facts {
		if !want[term] {
			differ("the page shows %q, the record does not have it", term)
		}
	}
	return out
}

// TestItemPagesSayWhatRecordsSay walks every item of the real site and
// compares its page in each language with its record in the plan's
// JSON, field by field: heading and text, the lead and partner agencies
// and the timing with where each comes from (the item, its section or
// its twin), each agency's change note, status, section, pillar,
// themes, the rows that restate it or the task it restates, related
// items and the note. Then it drops a field an appendix row lends its
// task from one record, and requires the comparison to notice.
func TestItemPagesSayWhatRecordsSay(t *testing.T) {
	out, _ := buildReal(t)
	th := sitetest.Theme(t)
	terms := map[model.Lang]map[string]string{}
	for _, lang := range model.Langs {
		terms[lang] = map[string]string{}
		for _, key := range []string{"item.lead", "item.partners", "item.by-when", "item.schedule", "item.status", "item.section", "item.pillar",
			"item.themes", "item.restates", "item.restated-by", "item.related", "item.note"} {
			s, _ := th.Locales[lang].T(key)
			terms[lang][s] = key
		}
	}
	files, err := filepath.Glob(filepath.Join(out, "data", "plans", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	pages := func(rec recordedItem, lang model.Lang) itemPage {
		u := map[model.Lang]string{model.VI: rec.URL.VI, model.EN: rec.URL.EN}[lang]
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, "/asean/")), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return readItemPage(string(b), terms[lang])
	}
	items, lent := 0, 0
	var withLent []recordedItem
	for _, f := range files {
		if filepath.Base(f) == "plan.schema.json" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p opendata.Plan
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, rec := range recordedItems(p) {
			items++
			for _, lang := range model.Langs {
				for _, d := range compareItem(pages(rec, lang), rec, th.Locales[lang]) {
					t.Errorf("%s/%s (%s): %s", p.ID, rec.ID, lang, d)
				}
			}
			for _, w := range []*opendata.From{rec.LeadFrom, rec.PartFrom, rec.TimingFrom} {
				if w != nil && (strings.HasPrefix(w.From, "appendix") || strings.HasPrefix(w.From, "body")) {
					lent++
					withLent = append(withLent, rec)
					break
				}
			}
		}
	}
	if items < 358 {
		t.Errorf("only %d items compared", items)
	}
	if lent < 43 {
		t.Errorf("only %d items with a fact lent by their twin", lent)
	}
	t.Logf("%d items compared in both languages; %d show facts their twin lends", items, lent)

	// the comparison must notice a lent field missing from the data
	dropped := 0
	for _, rec := range withLent {
		for _, drop := range []func(*recordedItem) bool{
			func(r *recordedItem) bool {
				ok := r.PartFrom != nil && r.PartFrom.Item != ""
				r.Partners, r.PartFrom = nil, nil
				return ok
			},
			func(r *recordedItem) bool {
				ok := r.TimingFrom != nil && r.TimingFrom.Item != ""
				r.Timing, r.TimingFrom = nil, nil
				return ok
			},
			func(r *recordedItem) bool {
				ok := r.LeadFrom != nil && r.LeadFrom.Item != ""
				r.Lead, r.LeadFrom = nil, nil
				return ok
			},
		} {
			cut := rec
			if !drop(&cut) {
				continue
			}
			dropped++
			if d := compareItem(pages(rec, model.EN), cut, th.Locales[model.EN]); len(d) == 0 {
				t.Errorf("%s: a lent field dropped from the record went unnoticed", rec.ID)
			}
		}
	}
	if dropped == 0 {
		t.Error("no lent field was dropped to check the comparison")
	}
}

// TestReadItemPageAttachesNotes: a change note is read as concerning the
// agency linked right before it, so that notes stacked after a whole
// list (the layout this test guards against) are read against the last
// agency and found wrong.
func TestReadItemPageAttachesNotes(t *testing.T) {
	terms := map[string]string{"Lead agency": "item.lead"}
	link := func(id string) string { return `<a href="/en/provinces/x/agencies/` + id + `/">` + id + `</a>` }
	note := func(ids ...string) string {
		s := ` <span class="sub now">(Since 1 March 2025, these duties sit with `
		for i, id := range ids {
			if i > 0 {
				s += ", "
			}
			s += `<a href="/en/agencies/` + id + `/">` + id + `</a>`
		}
		return s + ")</span>"
	}
	page := func(dd string) string {
		return `<h1>H</h1><article class="item-page"><p class="text">T</p><dl class="facts"><dt>Lead agency</dt><dd>` + dd + `</dd></dl></article>`
	}
	for _, tc := range []struct {
		name, dd string
		want     map[string][]string
	}{
		{"each after its agency", link("dic") + note("dost", "dcst") + "; " + link("doh") + "; " + link("dpi") + note("dof"),
			map[string][]string{"dic": {"dost", "dcst"}, "dpi": {"dof"}}},
		{"stacked after the list", link("dic") + "; " + link("doh") + note("dost", "dcst") + note("dof"),
			map[string][]string{"doh": {"dost", "dcst"}}},
		{"abolished", link("district-committees") + ` <span class="sub now">(no longer exists since 1 July 2025)</span> <span class="sub">(from its section)</span>`,
			map[string][]string{"district-committees": {"abolished"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := readItemPage(page(tc.dd), terms).facts["item.lead"]
			if len(f.now) != len(tc.want) {
				t.Errorf("notes %v, want %v", f.now, tc.want)
			}
			for id, to := range tc.want {
				if !slices.Equal(f.now[id], to) {
					t.Errorf("note after %s: %v, want %v", id, f.now[id], to)
				}
			}
		})
	}
}

var (
	lastLinkRe   = regexp.MustCompile(`(?s)<a href="?([^" >]*)"?[^>]*>[^<]*</a>\s*$`)
	provincePath = regexp.MustCompile(`/provinces/([a-z0-9-]+)/$`)
)

// TestChangeNotesFollowTheirAgency reads every page of the real site:
// each note of what became of an agency (or a province) comes right
// after the link to the agency it concerns, and says that agency's own
// change, in lists of any length.
func TestChangeNotesFollowTheirAgency(t *testing.T) {
	out, _ := buildReal(t)
	site := mustSite(t)
	agencies := map[string]*model.Agency{}
	for _, a := range site.Agencies {
		agencies[a.ID] = a
	}
	provinces := map[string]*model.Province{}
	for _, p := range site.Provinces {
		provinces[p.ID] = p
	}
	notes, pagesWithNotes := 0, 0
	for path, page := range readPages(t, out) {
		locs := nowRe.FindAllStringSubmatchIndex(page, -1)
		if len(locs) > 0 {
			pagesWithNotes++
		}
		for _, loc := range locs {
			notes++
			before, note := page[:loc[0]], page[loc[2]:loc[3]]
			var said []string
			for _, h := range hrefRe.FindAllStringSubmatch(note, -1) {
				said = append(said, lastID(h[1]))
			}
			m := lastLinkRe.FindStringSubmatch(before)
			if m == nil {
				t.Errorf("%s: a change note follows no link: …%s", path, before[max(0, len(before)-80):])
				continue
			}
			var want []string
			switch {
			case agencyPath.MatchString(m[1]):
				a := agencies[lastID(m[1])]
				if a == nil || len(a.Changes()) == 0 {
					t.Errorf("%s: a change note follows %s, an agency that did not change", path, m[1])
					continue
				}
				for _, c := range a.Changes() {
					want = append(want, agencyIDs(c.Successors)...)
				}
			case provincePath.MatchString(m[1]):
				p := provinces[lastID(m[1])]
				if p == nil || len(p.Changes) == 0 {
					t.Errorf("%s: a change note follows %s, a province that did not change", path, m[1])
					continue
				}
				for _, c := range p.Changes {
					if c.MergedIntoProvince != nil {
						want = append(want, c.MergedIntoProvince.ID)
					}
				}
			default:
				t.Errorf("%s: a change note follows %s, which is neither an agency nor a province", path, m[1])
				continue
			}
			if !slices.Equal(said, want) {
				t.Errorf("%s: the note after %s names %v; its change names %v", path, m[1], said, want)
			}
		}
	}
	if notes < 400 {
		t.Errorf("only %d change notes on %d pages: has the markup changed?", notes, pagesWithNotes)
	}
	t.Logf("%d change notes on %d pages, each after the agency or province it concerns", notes, pagesWithNotes)
}

func agencyIDs(as []*model.Agency) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}
