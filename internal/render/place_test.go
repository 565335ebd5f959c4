package render

import (
	"regexp"
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
)

// TestPlacesOfRealPlans: in both languages, no two items of a plan have
// the same place, and no place reads as labels run together
// ("QĐ.Điều 1", "Phụ lục.I.1", "II.3.a.+1").
func TestPlacesOfRealPlans(t *testing.T) {
	th := builtInTheme(t)
	runTogether := regexp.MustCompile(`QĐ|\.(Điều|Article|Phụ lục|Appendix)|(Phụ lục|Appendix)\.|\.[+•]`)
	for _, name := range []string{"real", "valid", "two-frameworks"} {
		content := sitetest.Content(t)
		if name != "real" {
			content = sitetest.Fixture(t, name)
		}
		site, problems := load.Load(content)
		resolve.Resolve(site, problems)
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		for _, lang := range model.Langs {
			for _, p := range site.Plans {
				seen := map[string]string{}
				for it, pl := range placesOf(th.Locales[lang], p) {
					if other, dup := seen[pl.text]; dup {
						t.Errorf("%s %s: items %q and %q are both %q", lang, p.ID, other, it.ID, pl.text)
					}
					seen[pl.text] = it.ID
					if runTogether.MatchString(pl.text) {
						t.Errorf("%s %s: item %q is %q", lang, p.ID, it.ID, pl.text)
					}
				}
			}
		}
	}
}

// TestPlaceOf words the places of items in the shapes plans have.
func TestPlaceOf(t *testing.T) {
	th := builtInTheme(t)
	sec := func(label, labelEN string, parent *model.Section) *model.Section {
		return &model.Section{Label: label, LabelEN: labelEN, Parent: parent}
	}
	part := sec("Phụ lục", "Appendix", nil)
	decision := sec("Quyết định", "Decision", nil)
	ii := sec("II", "", nil)
	ii3 := sec("3", "", ii)
	ii3a := sec("a", "", ii3)
	groups := sec("", "", nil)
	item := func(s *model.Section, label, labelEN string, kind model.ItemKind) *model.Item {
		it := &model.Item{Label: label, LabelEN: labelEN, Kind: kind, Section: s}
		s.Items = append(s.Items, it)
		return it
	}
	row := item(sec("I", "", part), "1", "", model.KindAppendixRow)
	article := item(decision, "Điều 1", "Article 1", "article")
	plus := item(ii3a, "+1", "", model.KindTask)
	bullet := item(ii3a, "•2", "", model.KindTask)
	c1 := item(ii3, "c", "", model.KindTask)
	c2 := item(ii3, "c", "", model.KindTask)
	para := item(ii3, "", "", model.KindTask)
	lead := item(groups, "", "", "content-group")
	item(groups, "(1)", "", "content-group")
	plan := &model.Plan{Items: []*model.Item{row, article, plus, bullet, c1, c2, para, lead}}
	tests := []struct {
		it     *model.Item
		vi, en string
	}{
		{row, "Phụ lục, dòng I.1", "Appendix, row I.1"},
		{article, "Điều 1 của Quyết định", "Article 1 of the Decision"},
		{plus, "II.3.a, dấu + thứ nhất", "II.3.a, first “+” point"},
		{bullet, "II.3.a, ý thứ hai", "II.3.a, second point"},
		{c1, "II.3.c", "II.3.c"},
		{c2, "II.3.c (thứ hai)", "II.3.c (second)"},
		{para, "II.3, đoạn thứ nhất", "II.3, first paragraph"},
		{lead, "Nhóm nội dung trước (1)", "Content group before (1)"},
	}
	vi, en := placesOf(th.Locales[model.VI], plan), placesOf(th.Locales[model.EN], plan)
	for _, tt := range tests {
		if vi[tt.it].text != tt.vi || en[tt.it].text != tt.en {
			t.Errorf("got %q / %q, want %q / %q", vi[tt.it].text, en[tt.it].text, tt.vi, tt.en)
		}
	}
}
