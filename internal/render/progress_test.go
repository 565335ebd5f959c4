package render_test

import (
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/render"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
)

// TestByWhenText says every kind of "by when" in both languages: an
// item's own timing, the one it takes from its appendix row or its
// section, and the plan's or the programme's period when the plan sets
// it none, saying so.
func TestByWhenText(t *testing.T) {
	content := sitetest.Fixture(t, "progress")
	// the older plan without its period: its items fall back on the
	// programme's
	content = sitetest.Replace(t, content, "plans/mau-3-2021.yaml", "period: {from: 2021, to: 2025}\n", "")
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	items := map[string]*model.Item{}
	for _, p := range site.Plans {
		for _, it := range p.Items {
			items[p.ID+"/"+it.ID] = it
		}
	}
	loc := sitetest.Theme(t).Locales
	for _, tc := range []struct {
		item   string
		basis  model.ByWhenBasis
		vi, en string
	}{
		{"mau-12-2024/ii-1-a", model.ByWhenItem, "trước ngày 30/6/2025", "by 30 June 2025"},
		{"mau-12-2024/ii-3-1", model.ByWhenAppendix, "Hằng quý (theo Phụ lục, dòng 1)", "Every quarter (from Appendix, row 1)"},
		{"mau-12-2024/appendix-1", model.ByWhenItem, "Hằng quý", "Every quarter"},
		{"mau-12-2024/ii-2-b", model.ByWhenSection, "thực hiện trong giai đoạn 2024-2025 (theo mục II.2)", "to be carried out in 2024-2025 (from section II.2)"},
		{"mau-12-2024/i-1", model.ByWhenPlan, "Kế hoạch không nêu thời hạn riêng; kế hoạch thực hiện giai đoạn 2024–2027",
			"No deadline of its own; the plan covers 2024–2027"},
		{"mau-3-2021/i-1", model.ByWhenFramework, "Kế hoạch không nêu thời hạn riêng và không nêu giai đoạn thực hiện; Đề án mẫu thực hiện giai đoạn 2021–2030",
			"No deadline of its own, and the plan states no period; Sample scheme covers 2021–2030"},
	} {
		it := items[tc.item]
		if it == nil {
			t.Fatalf("no item %s in the fixture", tc.item)
		}
		if b := it.ByWhen().Basis; b != tc.basis {
			t.Errorf("%s: basis %q, want %q", tc.item, b, tc.basis)
		}
		for _, l := range []struct {
			lang model.Lang
			want string
		}{{model.VI, tc.vi}, {model.EN, tc.en}} {
			got, err := render.ByWhenText(loc[l.lang], it, render.NewPlaces(loc[l.lang]))
			if err != nil || got != l.want {
				t.Errorf("%s in %s: %q (%v), want %q", tc.item, l.lang, got, err, l.want)
			}
		}
	}
}
