package build

import (
	"strings"
	"testing"

	"sitegen/internal/sitetest"
)

// TestCheckChange: only what a change adds is reported, at its lines in
// the changed file; what the content had before is not.
func TestCheckChange(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	plan := string(valid[planFile].Data)
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each added problem, in order; none when empty
	}{
		{"nothing changes", map[string]string{planFile: plan}, nil},
		{"English too long", map[string]string{planFile: strings.Replace(plan, "en: Organise cultural exchanges.", "en: "+strings.Repeat("long ", 6000), 1)},
			[]string{`plans/sample-1-2021.yaml:51: item "i-2-a": field "en" is 29999 characters long (split it`}},
		{"markup", map[string]string{planFile: strings.Replace(plan, "en: Organise cultural exchanges.", "en: Organise **cultural** exchanges.", 1)},
			[]string{`plans/sample-1-2021.yaml:51: item "i-2-a": text contains the markup characters "**"`}},
		{"a new plan whose text is not in its source", map[string]string{"plans/other-2-2022.yaml": strings.Replace(strings.ReplaceAll(plan, "sample-1-2021", "other-2-2022"), "vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức hội thảo.", 1)},
			[]string{`plans/other-2-2022.yaml:50: item "i-2-a": Vietnamese text does not occur in the source document "plan.txt"`}},
		{"a new plan that passes", map[string]string{
			"plans/other-2-2022.yaml": strings.Replace(strings.ReplaceAll(plan, "sample-1-2021", "other-2-2022"), "file: plan.txt", "file: other.txt", 1),
			"sources/other.txt":       string(valid["sources/plan.txt"].Data)},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{}
			for name, data := range tc.files {
				files[name] = []byte(data)
			}
			added := CheckChange(valid, files)
			var errs []string
			for _, p := range added.Problems() {
				if p.Severity == 0 {
					errs = append(errs, p.String())
				}
			}
			if len(errs) == 0 && len(tc.want) == 0 {
				return
			}
			for _, w := range tc.want {
				found := false
				for _, e := range errs {
					found = found || strings.Contains(e, w)
				}
				if !found {
					t.Errorf("no added error contains %s; got:\n  %s", w, strings.Join(errs, "\n  "))
				}
			}
			if len(tc.want) == 0 {
				t.Errorf("errors added by a change that adds none:\n  %s", strings.Join(errs, "\n  "))
			}
		})
	}
}
