package load

import (
	"strings"
	"testing"

	"sitegen/internal/diag"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

func TestFingerprintField(t *testing.T) {
	const plan = "plans/sample-1-2021.yaml"
	const itemEN = "            en: Organise cultural exchanges.\n"
	current := model.Fingerprint("Tổ chức giao lưu văn hóa.")
	earlier := model.Fingerprint("Tổ chức giao lưu.")
	for _, tc := range []struct {
		name     string
		old, new string
		want     []string // problems, as printed
		enOf     string   // item i-2-a's recorded fingerprint
	}{
		{name: "item fingerprint of the current Vietnamese", old: itemEN,
			new: itemEN + "            en_of: " + current + "\n", enOf: current},
		{name: "item fingerprint of an earlier Vietnamese", old: itemEN,
			new:  itemEN + "            en_of: " + earlier + "\n",
			want: []string{plan + ":51: warning: item \"i-2-a\": the English may be out of date (the Vietnamese changed since it was translated; review the English and run sitegen translations import, or update en_of to " + current + ")"},
			enOf: earlier},
		{name: "fingerprint in a flow mapping, outdated",
			old:  "title: {vi: NHIỆM VỤ, en: TASKS}",
			new:  "title: {vi: NHIỆM VỤ, en: TASKS, en_of: " + earlier + "}",
			want: []string{plan + ":22: warning: section \"i\": field \"title\": the English may be out of date"}},
		{name: "timing fingerprint, outdated",
			old:  "timing: {kind: annual, vi: Hằng năm, en: Annually}",
			new:  "timing: {kind: annual, vi: Hằng năm, en: Annually, en_of: " + earlier + "}",
			want: []string{plan + ":53: warning: item \"i-2-a\": timing: the English may be out of date"}},
		{name: "not a fingerprint", old: itemEN,
			new:  itemEN + "            en_of: 3F2A9C1E\n",
			want: []string{plan + ":52: item \"i-2-a\": \"3F2A9C1E\" is not a fingerprint"}},
		{name: "fingerprint without English",
			old:  "            vi: Tuyên truyền về Cộng đồng ASEAN.\n",
			new:  "            vi: Tuyên truyền về Cộng đồng ASEAN.\n            en_of: " + current + "\n",
			want: []string{plan + ":40: warning: item \"i-1-b\": `en_of` is given without `en`"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, problems := Load(sitetest.Replace(t, sitetest.Fixture(t, "valid"), plan, tc.old, tc.new))
			got := problems.Problems()
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problem(s), want %d:\n%s", len(got), len(tc.want), printed(got))
			}
			for i, p := range got {
				if !strings.HasPrefix(p.String(), tc.want[i]) {
					t.Errorf("problem %d = %q, want it to start with %q", i, p.String(), tc.want[i])
				}
			}
			if tc.enOf != "" {
				it := site.Plans[0].Sections[0].Sections[1].Items[0]
				if it.ID != "i-2-a" || it.Text.ENOf != tc.enOf {
					t.Errorf("item %q: ENOf = %q, want %q", it.ID, it.Text.ENOf, tc.enOf)
				}
			}
		})
	}
}

func printed(ps []diag.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}
