package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

// sourceWords is a source text as the site's texts must occur in it:
// white space collapsed, bold markers of the converted text file removed.
func sourceWords(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
}

// TestRealTextsVerbatim walks every plan of the real site on its own,
// without trusting the checks of resolve: every item text, every text of
// the register not marked editorial and every section title not marked
// editorial occurs in the plan's source (titles in any letter case).
func TestRealTextsVerbatim(t *testing.T) {
	site := mustSite(t)
	if len(site.Plans) < 5 {
		t.Fatalf("%d plans, want the five", len(site.Plans))
	}
	checked, editorial := 0, 0
	for _, p := range site.Plans {
		src := sourceWords(p.Source.Text)
		folded := strings.ToLower(src)
		check := func(what string, tx model.Text, anyCase bool) {
			if tx.VI == "" {
				return
			}
			if tx.Editorial {
				editorial++
				return
			}
			checked++
			in := strings.Contains(src, tx.VI)
			if anyCase {
				in = strings.Contains(folded, strings.ToLower(tx.VI))
			}
			if !in {
				t.Errorf("%s: %s %q does not occur in %s", p.ID, what, tx.VI, p.SourceFile)
			}
		}
		d := p.Document
		check("title", p.Title, true)
		check("signer's role", d.SignerRole, false)
		check("issued by", d.IssuedBy, false)
		check("proposed by", d.ProposedBy, false)
		for _, b := range d.Bases {
			check("legal basis", b, false)
		}
		check("replaces", d.Replaces, false)
		check("funding", p.Funding, false)
		for _, r := range p.Reporting {
			check("reporting deadline", r.Text, false)
		}
		for _, tg := range p.Targets {
			check("target "+tg.ID, tg.Indicator, false)
		}
		var walk func([]*model.Section)
		walk = func(ss []*model.Section) {
			for _, s := range ss {
				check("section "+s.ID+" title", s.Title, true)
				walk(s.Sections)
			}
		}
		walk(p.Sections)
		for _, it := range p.Items {
			if it.Text.Editorial {
				t.Errorf("%s/%s: an item's text cannot be editorial", p.ID, it.ID)
			}
			check("item "+it.ID, it.Text, false)
			if it.Timing != nil {
				check("item "+it.ID+" timing", it.Timing.Text, true)
			}
		}
	}
	if checked < 550 {
		t.Errorf("only %d texts checked", checked)
	}
	t.Logf("%d texts occur in their sources; %d are marked editorial", checked, editorial)
}

// TestDaNangFundingParaphrase puts back the editors' paraphrase that Da
// Nang's register once showed as the document's funding: check must fail
// and name the file and line, and pass when the text is marked editorial.
func TestDaNangFundingParaphrase(t *testing.T) {
	const file = "plans/da-nang-3881-2021.yaml"
	const paraphrase = `funding:
  vi: >-
    Hằng năm, cơ quan, đơn vị được giao thực hiện lập dự toán kinh phí, lồng ghép
    với các chương trình, kế hoạch, đề án, dự án liên quan, tổng hợp chung trong dự
    toán chi ngân sách của cơ quan, đơn vị; kinh phí phải được sử dụng đúng mục
    đích, đúng chế độ định mức chi tiêu hiện hành của Nhà nước.
  en: >-
    Each year the agencies and units assigned to carry out the plan draw up cost
    estimates; the funding must be used for the right purposes.
`
	real := sitetest.Content(t)
	data := string(real[file].Data)
	start := strings.Index(data, "\nfunding:\n") + 1
	end := strings.Index(data[start:], "\nsource:\n") + start + 1
	if start == 0 || end <= start {
		t.Fatal("no funding block in " + file)
	}
	line := strings.Count(data[:start], "\n") + 2 // the line of `vi:`
	for _, tc := range []struct {
		name, funding, want string
	}{
		{"paraphrase unmarked", paraphrase,
			fmt.Sprintf(`%s:%d: plan "da-nang-3881-2021": funding: Vietnamese text does not occur in the source document "da-nang-3881-qd-ubnd-2021.txt" near "cơ quan, đơn vị được giao"`, file, line)},
		{"paraphrase marked editorial", paraphrase + "  editorial: true\n", ""},
		{"as published", data[start:end], ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := sitetest.With(real, file, []byte(data[:start]+tc.funding+data[end:]))
			_, problems := Check(m)
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			if tc.want == "" {
				if problems.HasErrors() {
					t.Fatalf("errors:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			if !problems.HasErrors() || !strings.Contains(strings.Join(got, "\n"), tc.want) {
				t.Errorf("problems:\n%s\nwant %s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestRealLabelsPrinted: a bullet label (•n) only where the source prints
// a dash or plus before the text, and no label where it prints one.
func TestRealLabelsPrinted(t *testing.T) {
	n := 0
	for _, p := range mustSite(t).Plans {
		src := sourceWords(p.Source.Text)
		for _, it := range p.Items {
			i := strings.Index(src, it.Text.VI)
			if i < 0 {
				continue // TestRealTextsVerbatim reports it
			}
			before := strings.TrimRight(src[max(0, i-4):i], " ")
			bullet := strings.HasSuffix(before, "-") || strings.HasSuffix(before, "+")
			switch {
			case strings.HasPrefix(it.Label, "•") && !bullet:
				t.Errorf("%s/%s: label %q, but the source prints no bullet before %q", p.ID, it.ID, it.Label, firstWords(it.Text.VI))
			case it.Label == "" && bullet:
				t.Errorf("%s/%s: no label, but the source prints a bullet before %q", p.ID, it.ID, firstWords(it.Text.VI))
			case it.Label == "" && it.Ordinal == 0:
				t.Errorf("%s/%s: an unlabelled item without an ordinal", p.ID, it.ID)
			}
			n++
		}
	}
	if n < 300 {
		t.Errorf("only %d items checked", n)
	}
}

func firstWords(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(6, len(w))], " ")
}

// TestRealThanhHoaParagraphs names the paragraphs the audit found cited
// as bullets: each is unlabelled and cited by its ordinal.
func TestRealThanhHoaParagraphs(t *testing.T) {
	want := map[string]int{"i-1-1": 1, "ii-1-1": 1, "ii-2-1-1": 1, "ii-2-2-1": 1, "ii-2-3-1": 1, "ii-2-4-1": 1, "ii-2-5-1": 1,
		"v-1-1": 1, "v-1-2": 2, "v-2-1": 1, "v-3-1": 1, "v-4-1": 1, "v-5-1": 1, "v-6-1": 1, "v-8-1": 1, "v-8-2": 2, "v-9-1": 1, "v-10-1": 1}
	for _, p := range mustSite(t).Plans {
		if p.ID != "thanh-hoa-208-2021" {
			continue
		}
		for _, it := range p.Items {
			if o, ok := want[it.ID]; ok {
				if it.Label != "" || it.Ordinal != o {
					t.Errorf("%s: label %q ordinal %d, want no label and ordinal %d", it.ID, it.Label, it.Ordinal, o)
				}
				delete(want, it.ID)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("items not found: %v", want)
	}
}

// TestRealGlossaryKept: no item of the real site uses a rendering the
// glossary avoids, and the terms the audit named have their avoided
// renderings.
func TestRealGlossaryKept(t *testing.T) {
	site, problems := Check(os.DirFS(filepath.Join(sitetest.Root(), "content")))
	for _, p := range problems.Problems() {
		if strings.Contains(p.Msg, "which the glossary avoids") {
			t.Error(p)
		}
	}
	avoided := map[string][]string{}
	for _, term := range site.Glossary {
		avoided[term.VI] = term.Avoid
	}
	for _, vi := range []string{"thành tựu đổi mới", "quán triệt đầy đủ", "đối tượng đặc thù", "vận động", "khóa, nhiệm kỳ"} {
		if len(avoided[vi]) == 0 {
			t.Errorf("glossary term %q has no avoided renderings", vi)
		}
	}
}

// number is an instrument's number: 202/2025/QH15, 45/2025/NĐ-CP.
var number = regexp.MustCompile(`\d+/\d{4}/\S+`)

// TestRealAdministrativeChanges: the 2025 lineage is in the data with
// its bases in both languages: Tra Vinh into Vinh Long, the end of the
// district level, and every other change with an instrument's number.
func TestRealAdministrativeChanges(t *testing.T) {
	site := mustSite(t)
	provinces := map[string]*model.Province{}
	for _, p := range site.Provinces {
		provinces[p.ID] = p
		for _, c := range p.Changes {
			if !number.MatchString(c.Basis.VI) || !number.MatchString(c.Basis.EN) || c.Date.IsZero() {
				t.Errorf("province %s: change %s has no dated basis with a number in both languages: %+v", p.ID, c.Kind, c.Basis)
			}
		}
	}
	tv := provinces["tra-vinh"]
	if tv == nil || len(tv.Changes) != 1 || tv.Changes[0].Kind != model.ChangeMergedInto || tv.Changes[0].MergedIntoProvince != provinces["vinh-long"] ||
		!strings.Contains(tv.Changes[0].Basis.VI, "202/2025/QH15") || tv.Changes[0].Date.Format("2006-01-02") != "2025-07-01" {
		t.Errorf("tra-vinh: changes %+v, want merged into vinh-long on 2025-07-01 under 202/2025/QH15", tv)
	}
	if vl := provinces["vinh-long"]; vl == nil || len(vl.Changes) != 1 || len(vl.Changes[0].AbsorbedProvinces) != 1 || vl.Changes[0].AbsorbedProvinces[0] != tv {
		t.Errorf("vinh-long does not record absorbing tra-vinh")
	}
	found := false
	for _, a := range site.Agencies {
		for _, c := range a.Changes() {
			if !number.MatchString(c.Basis.VI) || !number.MatchString(c.Basis.EN) {
				t.Errorf("agency %s: change %s has no basis with a number in both languages: %+v", a.ID, c.Kind, c.Basis)
			}
		}
		if a.ID == "district-committees" {
			b := a.Abolished
			found = b != nil && b.Date.Format("2006-01-02") == "2025-07-01" && strings.Contains(b.Basis.VI, "203/2025/QH15") && b.Note.EN != ""
		}
	}
	if !found {
		t.Error("district-committees: no abolition on 2025-07-01 under 203/2025/QH15 with a note")
	}
}

// TestRealProvenance: every source says its extent, and nothing unknown
// is filled in: the addresses where a text was found are the legal
// databases' copies of the Kien Giang and Thanh Hoa plans, marked as
// copies; no other address and no retrieval date is recorded.
func TestRealProvenance(t *testing.T) {
	copies := map[string]string{
		"kien-giang-83-2017": "https://thuviennhadat.vn/",
		"thanh-hoa-208-2021": "https://hethongphapluat.vn/",
	}
	for _, p := range mustSite(t).Plans {
		pr := p.Provenance
		want := model.ExtentFullText
		if p.SourceKind == "news" {
			want = model.ExtentNewsSummary
		}
		if pr.Extent != want {
			t.Errorf("%s: extent %q, want %q", p.ID, pr.Extent, want)
		}
		host := copies[p.ID]
		switch {
		case host == "" && pr.URL != "":
			t.Errorf("%s: address %q: none is known for this source", p.ID, pr.URL)
		case host != "" && (!strings.HasPrefix(pr.URL, host) || !pr.Copy):
			t.Errorf("%s: address %q (copy %v), want the copy at %s marked as a copy", p.ID, pr.URL, pr.Copy, host)
		}
		if !pr.Retrieved.IsZero() {
			t.Errorf("%s: retrieved %v: no date was recorded", p.ID, pr.Retrieved)
		}
	}
}

// lineOf is the line of the first occurrence of s in file of m.
func lineOf(t *testing.T, m fstest.MapFS, file, s string) int {
	t.Helper()
	data := string(m[file].Data)
	i := strings.Index(data, s)
	if i < 0 {
		t.Fatalf("%s has no %q", file, s)
	}
	return strings.Count(data[:i], "\n") + 1
}

// TestRealAttributions puts back each misattribution the audit found and
// requires check to warn about it with the lines of both texts; as
// published, the real content has none of these warnings.
func TestRealAttributions(t *testing.T) {
	real := sitetest.Content(t)
	const th, kg = "plans/thanh-hoa-208-2021.yaml", "plans/kien-giang-83-2017.yaml"
	for _, tc := range []struct {
		name string
		file string
		// cut ends the replaced text: the old text runs from old to it
		old, cut, new string
		want          func(m fstest.MapFS) string
	}{
		{"appendix row I.2 without the partner its text names", th,
			"            partners: [propaganda-board, newspaper, radio-tv, press]\n", "              editorial: true\n", "            partners: [newspaper, radio-tv, press]\n            timing: {kind: annual, vi: Hàng năm, en: Annually}\n            themes: [awareness]\n            restates: iii-1-2-b\n",
			func(m fstest.MapFS) string {
				return fmt.Sprintf(`%s:%d: warning: item "appendix-i-2" does not list partner "propaganda-board", which its twin "iii-1-2-b" lists and the text of "appendix-i-2" and "iii-1-2-b" names (add "propaganda-board" to its `+"`partners:`"+` as %s:%d does`,
					th, lineOf(t, m, th, "- id: appendix-i-2\n"), th, lineOf(t, m, th, "- id: iii-1-2-b\n"))
			}},
		{"point VII.3's opening words as its title", kg,
			"title: {vi: Sở Tài chính, en: Department of Finance, editorial: true}", "", "title: {vi: Sở Tài chính, en: Department of Finance}",
			func(m fstest.MapFS) string {
				return fmt.Sprintf(`%s:%d: warning: section "vii-3": title "Sở Tài chính" is the opening words of item "vii-3-1", not a printed title`,
					kg, lineOf(t, m, kg, "title: {vi: Sở Tài chính"))
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := string(real[tc.file].Data)
			from := strings.Index(data, tc.old)
			to := from + len(tc.old)
			if tc.cut != "" {
				to = strings.Index(data[from:], tc.cut) + from + len(tc.cut)
			}
			if from < 0 || to < from {
				t.Fatalf("%s has no %q", tc.file, tc.old)
			}
			m := sitetest.With(real, tc.file, []byte(data[:from]+tc.new+data[to:]))
			_, problems := Check(m)
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			want := tc.want(m)
			if !strings.Contains(strings.Join(got, "\n"), want) {
				t.Errorf("problems:\n%s\nwant %s", strings.Join(got, "\n"), want)
			}
		})
	}
	_, problems := Check(real)
	for _, p := range problems.Problems() {
		if strings.Contains(p.Msg, "which its twin") || strings.Contains(p.Msg, "not a printed title") {
			t.Errorf("as published: %v", p)
		}
	}
}

// TestRealNewsReportNamesNoLead: the news report only asks the
// Fatherland Front and the mass organisations to coordinate, so the
// plan names no lead agency for it.
func TestRealNewsReportNamesNoLead(t *testing.T) {
	for _, p := range mustSite(t).Plans {
		if p.ID != "news-2021-07-22" {
			continue
		}
		for _, it := range p.Items {
			if it.ID == "fatherland-front-request" {
				if len(it.Lead) != 0 || len(it.Partners) != 2 {
					t.Errorf("lead %v, partners %v; want no lead and the two it asks to coordinate", it.Lead, it.Partners)
				}
				return
			}
		}
	}
	t.Error("no item fatherland-front-request in news-2021-07-22")
}

var quoted = regexp.MustCompile(`[“"]([^”"]+)[”"]`)

// TestRealTranslations holds the fixes of the audit's translations: one
// English name for the climate project of Thanh Hoa's task III.4.2.f
// and its appendix row IV.6; the province's own plan in III.1.1.c not
// called the ASCC Blueprint; and Da Nang's "xã hội hóa" in II.3.a.1.2
// rendered in the sense the glossary gives it there.
func TestRealTranslations(t *testing.T) {
	items := map[string]*model.Item{}
	for _, p := range mustSite(t).Plans {
		for _, it := range p.Items {
			items[p.ID+"/"+it.ID] = it
		}
	}
	en := func(id string) string {
		it := items[id]
		if it == nil {
			t.Fatalf("no item %s", id)
		}
		return it.Text.EN
	}
	task, row := quoted.FindStringSubmatch(en("thanh-hoa-208-2021/iii-4-2-f")), quoted.FindStringSubmatch(en("thanh-hoa-208-2021/appendix-iv-6"))
	if task == nil || row == nil || task[1] != row[1] {
		t.Errorf("the climate project is named %q in III.4.2.f and %q in appendix row IV.6", task, row)
	}
	if c := en("thanh-hoa-208-2021/iii-1-1-c") + items["thanh-hoa-208-2021/iii-1-1-c"].Title.EN; strings.Contains(c, "Blueprint") {
		t.Errorf("III.1.1.c calls the province's own plan the Blueprint: %q", c)
	}
	if c := en("da-nang-3881-2021/ii-3-a-1-2"); !strings.Contains(c, "involve society in") || strings.Contains(c, "non-state resources") {
		t.Errorf("II.3.a.1.2 renders xã hội hóa as %q", c)
	}
	senses := 0
	for _, term := range mustSite(t).Glossary {
		for _, s := range term.Senses {
			for _, r := range s.Items {
				if r.Item == nil {
					t.Errorf("glossary %q: sense %q: item %s/%s not resolved", term.VI, s.EN, r.Plan, r.ItemID)
				}
				senses++
			}
		}
	}
	if senses < 2 {
		t.Errorf("%d items under glossary senses, want the two the audit named", senses)
	}
}
