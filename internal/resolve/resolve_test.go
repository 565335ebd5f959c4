package resolve

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

func resolved(t *testing.T) *model.Site {
	t.Helper()
	site, problems := load.Load(sitetest.Fixture(t, "valid"))
	Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return site
}

func item(t *testing.T, site *model.Site, id string) *model.Item {
	t.Helper()
	for _, it := range site.Plans[0].Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %q", id)
	return nil
}

func ids[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

// TestInheritance asserts that items take the lead agency and pillar of
// the nearest section that states them, unless they state their own.
func TestInheritance(t *testing.T) {
	site := resolved(t)
	agencyID := func(a *model.Agency) string { return a.ID }
	tests := []struct {
		item, pillar string
		lead         []string
	}{
		{"i-1-a", "inclusive", []string{"dolisa"}}, // from section i-1
		{"i-1-b", "inclusive", []string{"doha"}},   // its own
		{"i-2-a", "dynamic", nil},                  // no lead anywhere
		{"ii-1", "organisation", []string{"doha"}},
	}
	for _, tc := range tests {
		it := item(t, site, tc.item)
		if it.Pillar == nil || it.Pillar.ID != tc.pillar {
			t.Errorf("%s: pillar %v, want %s", tc.item, it.Pillar, tc.pillar)
		}
		if got := ids(it.Lead, agencyID); len(got) != len(tc.lead) || (len(got) > 0 && got[0] != tc.lead[0]) {
			t.Errorf("%s: lead %v, want %v", tc.item, got, tc.lead)
		}
	}
}

func TestItemsInDocumentOrder(t *testing.T) {
	got := ids(resolved(t).Plans[0].Items, func(it *model.Item) string { return it.ID })
	want := []string{"i-1-a", "i-1-b", "i-2-a", "ii-1"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestFirstMismatch(t *testing.T) {
	src := newSourceIndex("a b  c\nd e f g h")
	for _, tc := range []struct{ text, want string }{
		{"a b c x y", "x y"},
		{"q r", "q r"},
		{"c d e", ""},
		{"b c d e f g h i j k l m n", "i j k l m n"},
	} {
		if got := src.firstMismatch(tc.text, false); got != tc.want {
			t.Errorf("firstMismatch(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestVerbatimCheckIsLinear checks an item of 150,000 words that is not
// in its source. Comparing every run of first words, as a simple check
// would, allocates the text once per word (about 10^11 bytes here);
// halving allocates it about log2(150,000) = 18 times.
func TestVerbatimCheckIsLinear(t *testing.T) {
	src := newSourceIndex(strings.Repeat("một hai ba bốn năm sáu bảy tám chín mười ", 2000))
	text := strings.TrimSpace(strings.Repeat("một hai ba bốn năm sáu bảy tám chín mười ", 15000)) + " mười một"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if src.contains(text, false) {
		t.Fatal("a text longer than the source occurs in it")
	}
	got := src.firstMismatch(text, false)
	runtime.ReadMemStats(&after)
	// the source holds the first 20,000 words; the 20,001st does not follow
	if got != "một hai ba bốn năm sáu" {
		t.Errorf("firstMismatch = %q", got)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("checking a %d-byte text allocated %d bytes; the check is not linear", len(text), alloc)
	}
}

// check loads and resolves the fixture with one replacement in its plan
// file, and returns every problem as printed.
func check(t *testing.T, old, new string) (*model.Site, string, bool) {
	t.Helper()
	m := sitetest.Fixture(t, "valid")
	if old != "" {
		m = sitetest.Replace(t, m, "plans/sample-1-2021.yaml", old, new)
	}
	site, problems := load.Load(m)
	Resolve(site, problems)
	var out []string
	for _, p := range problems.Problems() {
		out = append(out, p.String())
	}
	return site, strings.Join(out, "\n"), problems.HasErrors()
}

// TestVerbatimRegister asserts that every text a page shows as the
// document's words is checked against the source, with its file and
// line, and that a text marked editorial is not.
func TestVerbatimRegister(t *testing.T) {
	const notInSource = "Vietnamese text does not occur in the source document \"plan.txt\""
	tests := []struct {
		name, old, new string
		want           string // "" when the content stays valid
	}{
		{"reporting deadline", "vi: trước ngày 15/12 hằng năm", "vi: trước ngày 15/12 hàng năm",
			`plans/sample-1-2021.yaml:15: plan "sample-1-2021": reporting deadline: ` + notInSource + ` near "hàng năm"`},
		{"funding", "period: {from: 2021, to: 2025}\n", "period: {from: 2021, to: 2025}\nfunding: {vi: Ngân sách tỉnh bảo đảm., en: The provincial budget.}\n",
			`plans/sample-1-2021.yaml:13: plan "sample-1-2021": funding: ` + notInSource},
		{"funding marked editorial", "period: {from: 2021, to: 2025}\n", "period: {from: 2021, to: 2025}\nfunding: {vi: Ngân sách tỉnh bảo đảm., en: The provincial budget., editorial: true}\n", ""},
		{"funding as printed", "period: {from: 2021, to: 2025}\n", "period: {from: 2021, to: 2025}\nfunding: {vi: \"Sở Nội vụ tổng hợp, báo cáo\", en: x}\n", ""},
		{"legal basis", "  issuer: ppc\n", "  issuer: ppc\n  bases: [{vi: Luật Ngân sách nhà nước, en: State Budget Law}]\n",
			`plans/sample-1-2021.yaml:11: plan "sample-1-2021": legal basis: ` + notInSource},
		{"proposed by", "  issuer: ppc\n", "  issuer: ppc\n  proposed_by: {vi: Xét đề nghị của Sở Nội vụ, en: x}\n",
			`plans/sample-1-2021.yaml:11: plan "sample-1-2021": proposed by: ` + notInSource},
		{"issued by", "  issuer: ppc\n", "  issuer: ppc\n  issued_by: {vi: Chủ tịch Ủy ban nhân dân, en: x}\n",
			`plans/sample-1-2021.yaml:11: plan "sample-1-2021": issued by: ` + notInSource},
		{"signer's role unmarked", "role: {vi: Phó Chủ tịch, en: Vice Chairman, editorial: true}", "role: {vi: Phó Chủ tịch, en: Vice Chairman}",
			`plans/sample-1-2021.yaml:11: plan "sample-1-2021": signer's role: ` + notInSource},
		{"target indicator unmarked", "indicator: {vi: Tỷ lệ hộ nghèo, en: Poor household rate, editorial: true}", "indicator: {vi: Tỷ lệ hộ nghèo, en: Poor household rate}",
			`plans/sample-1-2021.yaml:18: plan "sample-1-2021": target "poverty": indicator: ` + notInSource},
		{"plan title in another case", "title: {vi: Kế hoạch mẫu,", "title: {vi: KẾ HOẠCH mẫu,", ""},
		{"plan title", "title: {vi: Kế hoạch mẫu,", "title: {vi: Kế hoạch mẫu số một,",
			`plans/sample-1-2021.yaml:4: plan "sample-1-2021": title: ` + notInSource + ` near "số một"`},
		{"section title", "title: {vi: Xây dựng cộng đồng năng động,", "title: {vi: Xây dựng cộng đồng sáng tạo,",
			`plans/sample-1-2021.yaml:44: section "i-2": title: ` + notInSource},
		{"section title marked editorial", "title: {vi: Xây dựng cộng đồng năng động, en: Building a dynamic community}", "title: {vi: Xây dựng cộng đồng sáng tạo, en: x, editorial: true}", ""},
		{"timing", "timing: {kind: annual, vi: Hằng năm, en: Annually}", "timing: {kind: annual, vi: Hằng quý, en: Quarterly}",
			`plans/sample-1-2021.yaml:53: item "i-2-a": timing: ` + notInSource},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got, failed := check(t, tc.old, tc.new)
			if tc.want == "" {
				if failed {
					t.Fatalf("unexpected errors:\n%s", got)
				}
				return
			}
			if !failed || !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestVerbatimIgnoresBoldMarkers: a source converted from a formatted
// document carries ** around bold words; they are not its words.
func TestVerbatimIgnoresBoldMarkers(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, "sources/plan.txt", "báo cáo trước ngày 15/12", "báo cáo **trước ngày 15/12**")
	site, problems := load.Load(m)
	Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestOrdinal numbers the unlabelled items of a section, by which pages
// cite them, and leaves labelled ones alone.
func TestOrdinal(t *testing.T) {
	site, got, failed := check(t, "        label: •1\n", "        label: \"\"\n")
	if failed {
		t.Fatal(got)
	}
	for _, tc := range []struct {
		id   string
		want int
	}{{"ii-1", 1}, {"i-1-a", 0}, {"i-2-a", 0}} {
		if o := item(t, site, tc.id).Ordinal; o != tc.want {
			t.Errorf("%s: ordinal %d, want %d", tc.id, o, tc.want)
		}
	}
}

// TestGlossaryAvoided reports English that uses a rendering the glossary
// replaced, for a term the Vietnamese contains, and nothing else.
func TestGlossaryAvoided(t *testing.T) {
	tests := []struct {
		name, glossary, en string
		want               bool
	}{
		{"avoided rendering", "- vi: giảm nghèo\n  en: poverty reduction\n  avoid: [poverty alleviation]\n", "Sustainable poverty alleviation for people in remote areas.", true},
		{"in another case", "- vi: Giảm Nghèo\n  en: poverty reduction\n  avoid: [poverty alleviation]\n", "Sustainable Poverty Alleviation for people in remote areas.", true},
		{"one of the term's forms", "- vi: xóa đói, giảm nghèo\n  en: poverty reduction\n  avoid: [poverty alleviation]\n", "Sustainable poverty alleviation.", true},
		{"the glossary's rendering", "- vi: giảm nghèo\n  en: poverty reduction\n  avoid: [poverty alleviation]\n", "Sustainable poverty reduction for people in remote areas.", false},
		{"inside another word", "- vi: giảm nghèo\n  en: poverty reduction\n  avoid: [poverty alleviat]\n", "Sustainable poverty alleviation.", false},
		{"term not in the Vietnamese", "- vi: bình đẳng giới\n  en: gender equality\n  avoid: [poverty alleviation]\n", "Sustainable poverty alleviation.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := sitetest.With(sitetest.Fixture(t, "valid"), "glossary.yaml", []byte(tc.glossary))
			m = sitetest.Replace(t, m, "plans/sample-1-2021.yaml", "en: Sustainable poverty reduction for people in remote areas.", "en: "+tc.en)
			site, problems := load.Load(m)
			Resolve(site, problems)
			var got []string
			for _, p := range problems.Problems() {
				if strings.Contains(p.Msg, "which the glossary avoids") {
					got = append(got, p.String())
				}
			}
			if tc.want != (len(got) == 1) {
				t.Errorf("got %q", got)
			}
			if tc.want && len(got) == 1 && !strings.HasPrefix(got[0], "plans/sample-1-2021.yaml:33: warning: item \"i-1-a\": the English renders") {
				t.Errorf("got %q", got[0])
			}
		})
	}
}

// TestSourceLookup looks texts up before, near, far after and nowhere
// near the last one found, in both letter cases, and past the point
// where the document is indexed: every answer must be strings.Contains'.
func TestSourceLookup(t *testing.T) {
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "Từ %d ", i)
	}
	doc := b.String()
	src := newSourceIndex(doc)
	lower := strings.ToLower(sourceWords(doc))
	texts := []string{"Từ 1 Từ 2", "Từ 3", "Từ 5000 Từ 5001", "Từ 10", "Từ 19999", "Từ 19999 Từ 20000", "Từ 7 Từ 9", "từ 8 từ 9", "Từ 0"}
	for round := 0; round < 3; round++ {
		for _, text := range texts {
			for _, anyCase := range []bool{false, true} {
				want := strings.Contains(sourceWords(doc), text)
				if anyCase {
					want = strings.Contains(lower, strings.ToLower(text))
					text = strings.ToLower(text)
				}
				if got := src.contains(text, anyCase); got != want {
					t.Errorf("round %d: contains(%q, %v) = %v, want %v", round, text, anyCase, got, want)
				}
			}
		}
		// texts that are nowhere use up the budget for looking through
		// the whole document, so that the next round asks the index
		for i := 0; i < scanBudget; i++ {
			src.contains(fmt.Sprintf("Từ %d Từ 0", i+100), false)
			src.contains(fmt.Sprintf("từ %d từ 0", i+100), true)
		}
	}
	for i, st := range src.byCase {
		if st.suffix == nil {
			t.Errorf("case %d: the document was never indexed after %d looks through it", i, st.scanned/len(st.words))
		}
	}
}
