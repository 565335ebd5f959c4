package build

import (
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/sitetest"
)

const planFile = "plans/sample-1-2021.yaml"

// TestCheckBadInput feeds one mistake at a time into the valid fixture
// and asserts the exact problem reported: file, line, what and how to fix.
func TestCheckBadInput(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	type edit func(t *testing.T) fstest.MapFS
	replace := func(file, old, new string) edit {
		return func(t *testing.T) fstest.MapFS { return sitetest.Replace(t, valid, file, old, new) }
	}
	set := func(file, data string) edit {
		return func(t *testing.T) fstest.MapFS { return sitetest.With(valid, file, []byte(data)) }
	}
	tests := []struct {
		name string
		edit edit
		want string
	}{
		{"misspelled agency", replace(planFile, "lead: [dolisa]", "lead: [dolisaa]"),
			`plans/sample-1-2021.yaml:28: section "i-1": lead agency "dolisaa" is not defined (did you mean "dolisa"? otherwise define it in agencies.yaml)`},
		{"duplicate item id", replace(planFile, "id: i-1-b", "id: i-1-a"),
			`plans/sample-1-2021.yaml:36: item "i-1-a": duplicate id "i-1-a" (ids must be unique within a plan; the first is at line 30`},
		{"malformed yaml", replace(planFile, "title: {vi: Kế hoạch mẫu", "title: {vi: [Kế hoạch mẫu"),
			`plans/sample-1-2021.yaml:3: invalid YAML: did not find expected ',' or ']'`},
		{"tab indentation", replace(planFile, "  type: plan", "\ttype: plan"),
			`plans/sample-1-2021.yaml:7: invalid YAML: found character that cannot start any token (indent with spaces, not tabs`},
		{"unknown field", replace(planFile, "        pillar: inclusive", "        pilar: inclusive"),
			`plans/sample-1-2021.yaml:27: section "i-1": unknown field "pilar" (did you mean "pillar"?)`},
		{"wrong type", replace(planFile, "period: {from: 2021, to: 2025}", "period: {from: soon, to: 2025}"),
			`plans/sample-1-2021.yaml:12: plan "sample-1-2021": period: field "from" must be a whole number, not "soon"`},
		{"missing required field", replace(planFile, "framework: fw\n", ""),
			`plans/sample-1-2021.yaml:1: plan "sample-1-2021": required field "framework" is missing (add ` + "`framework: framework-id`)"},
		{"unknown pillar", replace(planFile, "pillar: dynamic", "pillar: dinamic"),
			`plans/sample-1-2021.yaml:45: section "i-2": pillar "dinamic" is not defined (did you mean "dynamic"?`},
		{"unknown theme", replace(planFile, "themes: [poverty-reduction]", "themes: [poverty]"),
			`plans/sample-1-2021.yaml:35: item "i-1-a": theme "poverty" is not defined (define it in themes.yaml or use one of the ids there)`},
		{"unknown province", replace(planFile, "province: dak-lak", "province: daklak"),
			`plans/sample-1-2021.yaml:1: plan "sample-1-2021": province "daklak" is not defined (did you mean "dak-lak"?`},
		{"id with capitals", replace(planFile, "id: i-2-a", "id: I-2-A"),
			`plans/sample-1-2021.yaml:47: item id "I-2-A" is not valid (use only lowercase ASCII letters, digits and single hyphens, e.g. "i-2-a")`},
		{"id with a slash", replace(planFile, "id: i-2-a", "id: i/2"),
			`plans/sample-1-2021.yaml:47: item id "i/2" is not valid`},
		{"id with dots", replace(planFile, "id: i-2-a", "id: .."),
			`plans/sample-1-2021.yaml:47: item id ".." is not valid (use only lowercase ASCII letters, digits and single hyphens, e.g. "iii-2-a")`},
		{"id with a space", replace(planFile, "id: i-2-a", "id: i 2"),
			`item id "i 2" is not valid (use only lowercase ASCII letters, digits and single hyphens, e.g. "i-2")`},
		{"id with Vietnamese letters", replace(planFile, "id: i-2-a", "id: giảm-nghèo"),
			`id "giảm-nghèo" is not valid (use only lowercase ASCII letters, digits and single hyphens, e.g. "giam-ngheo")`},
		{"invalid date", replace(planFile, "date: 2021-09-23", "date: 23/09/2021"),
			`plans/sample-1-2021.yaml:9: plan "sample-1-2021": document: "23/09/2021" is not a valid date (write the date as YYYY-MM-DD, e.g. 2021-09-23)`},
		{"impossible date", replace(planFile, "date: 2021-09-23", "date: 2021-02-30"),
			`plans/sample-1-2021.yaml:9: plan "sample-1-2021": document: "2021-02-30" is not a valid date`},
		{"period ends before it starts", replace(planFile, "period: {from: 2021, to: 2025}", "period: {from: 2025, to: 2021}"),
			`plans/sample-1-2021.yaml:12: plan "sample-1-2021": period ends in 2021, before it starts in 2025 (swap the years)`},
		{"text not in source", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức giao lưu văn hoá thể thao."),
			`plans/sample-1-2021.yaml:50: item "i-2-a": Vietnamese text does not occur in the source document "plan.txt" near "hoá thể thao."`},
		{"empty text", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: \"\""),
			`plans/sample-1-2021.yaml:50: item "i-2-a" has no Vietnamese text (add ` + "`vi: >-`" + ` followed by the text as printed in the source)`},
		{"missing source document", func(t *testing.T) fstest.MapFS { return sitetest.With(valid, "sources/plan.txt", nil) },
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": source document "plan.txt" is not in sources/`},
		{"duplicate key", replace(planFile, "  number: 1/KH-UBND\n", "  number: 1/KH-UBND\n  number: 2/KH-UBND\n"),
			`plans/sample-1-2021.yaml:9: plan "sample-1-2021": document: field "number" is given twice (remove one of them; the first is on line 8)`},
		{"comma in flow mapping", replace("themes.yaml", "{vi: Giảm nghèo, en:", "{vi: Giảm nghèo, bền vững, en:"),
			`themes.yaml:2: theme "poverty-reduction": field "name": unknown field "bền vững" (a comma inside { } starts a new field: put text that contains a comma in quotes)`},
		{"unknown successor", replace("agencies.yaml", "agencies: [doha]", "agencies: [dohaa]"),
			`agencies.yaml:6: agency "dolisa": successor agency "dohaa" is not defined (did you mean "doha"?`},
		{"binary garbage", set(planFile, "\x00\x01\x02\xff"),
			`plans/sample-1-2021.yaml: file is not UTF-8 text (save it as UTF-8 text)`},
		{"top level not a mapping", set(planFile, "- a\n- b\n"),
			`plans/sample-1-2021.yaml:1: plan must be a mapping, not a list`},
		{"file name and id differ", replace(planFile, "id: sample-1-2021", "id: sample-2-2021"),
			`plans/sample-1-2021.yaml:1: plan id "sample-2-2021" does not match the file name "sample-1-2021.yaml" (rename the file to sample-2-2021.yaml or write ` + "`id: sample-1-2021`)"},
		{"unknown item kind", replace(planFile, "kind: duty", "kind: dutty"),
			`plans/sample-1-2021.yaml:61: item "ii-1": kind "dutty" is not known (did you mean "duty"?)`},
		{"restates unknown item", replace(planFile, "kind: duty\n", "kind: duty\n        restates: i-9\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": restated item "i-9" is not in this plan (write the id of another item of this plan)`},
		{"page without front matter", set("pages/about.en.md", "# About\n"),
			`pages/about.en.md:1: no front matter (start the file with a ` + "`---`" + ` line`},
		{"page in one language only", func(t *testing.T) fstest.MapFS { return sitetest.With(valid, "pages/about.en.md", nil) },
			`pages/about.vi.md:1: page "about" has no en version (add pages/about.en.md)`},
		{"wrong page file name", set("pages/about.md", "---\ntitle: x\n---\n"),
			`pages/about.md: file name "about.md" is not NAME.LANG.md`},
		{"file too large", set("sources/big.txt", strings.Repeat("a", 10<<20+1)),
			`sources/big.txt: file is 10485761 bytes, more than the limit of 10485760`},
		{"missing registry file", func(t *testing.T) fstest.MapFS { return sitetest.With(valid, "themes.yaml", nil) },
			`themes.yaml: file is missing (create it; docs/content.md describes its fields)`},
		{"status off the scale", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, status: done, text: {vi: Xong}, evidence: [{url: https://example.org/a, title: {vi: A}}]}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": update: status "done" is not known (use one of: not-reported, not-started, limited, substantial, complete)`},
		{"a status claimed without evidence", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, status: complete, text: {vi: Xong}}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": update: required field "evidence" is missing`},
		{"evidence that is not a web address", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, status: complete, text: {vi: Xong}, evidence: [{url: \"javascript:alert(1)\", title: {vi: A}}]}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": evidence url "javascript:alert(1)" is not a web address (write a full http:// or https:// address)`},
		{"framework status off the list", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  status: ongoing\n"),
			`frameworks.yaml:3: framework "fw": framework status "ongoing" is not known (use one of: current, completed)`},
		{"framework period ends before it starts", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  period: {from: 2035, to: 2026}\n"),
			`frameworks.yaml:3: framework "fw": period ends in 2026, before it starts in 2035 (swap the years)`},
		{"framework period without its end", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  period: {from: 2026}\n"),
			`frameworks.yaml:3: framework "fw": period: required field "to" is missing (add ` + "`to: 2035`)"},
		{"framework decision without number", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  decision: {date: 2026-01-20}\n"),
			`frameworks.yaml:3: framework "fw": decision: required field "number" is missing (add ` + "`number: 155/QĐ-TTg`)"},
		{"framework decision date", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  decision: {number: 1/QĐ-TTg, date: 20/01/2026}\n"),
			`frameworks.yaml:3: framework "fw": decision: "20/01/2026" is not a valid date (write the date as YYYY-MM-DD`},
		{"framework unknown field", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  coordinater: {vi: Bộ Nội vụ}\n"),
			`frameworks.yaml:3: framework "fw": unknown field "coordinater" (did you mean "coordinator"?)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(tc.edit(t))
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			if !problems.HasErrors() {
				t.Fatalf("no error reported; problems: %q", got)
			}
			for _, g := range got {
				if strings.Contains(g, tc.want) {
					return
				}
			}
			t.Errorf("no problem contains\n  %s\ngot:\n  %s", tc.want, strings.Join(got, "\n  "))
		})
	}
}

// TestCheckReportsAllErrors asserts that one run reports every mistake,
// not only the first.
func TestCheckReportsAllErrors(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, planFile, "lead: [dolisa]", "lead: [dolisaa]")
	m = sitetest.Replace(t, m, planFile, "id: i-1-b", "id: i-1-a")
	m = sitetest.Replace(t, m, "themes.yaml", "id: awareness", "id: Awareness")
	_, problems := Check(m)
	if n, _ := problems.Count(); n < 3 {
		t.Errorf("got %d errors, want at least 3: %v", n, problems.Err())
	}
}

func TestCheckValidFixture(t *testing.T) {
	_, problems := Check(sitetest.Fixture(t, "valid"))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if _, warnings := problems.Count(); warnings != 1 {
		t.Errorf("got %d warnings, want 1 (the item without English): %v", warnings, problems.Problems())
	}
}
