package build

import (
	"fmt"
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
	// replaces makes several replacements, given as file, old, new, ...
	replaces := func(r ...string) edit {
		return func(t *testing.T) fstest.MapFS {
			m := valid
			for i := 0; i+2 < len(r); i += 3 {
				m = sitetest.Replace(t, m, r[i], r[i+1], r[i+2])
			}
			return m
		}
	}
	plan := string(valid[planFile].Data)
	header := plan[:strings.Index(plan, "sections:\n")]
	// billion laughs: each level repeats the one before ten times
	laughs := "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i <= 8; i++ {
		laughs += fmt.Sprintf("l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	deep := "{id: d12, title: {vi: T}}"
	for i := 11; i >= 1; i-- {
		deep = fmt.Sprintf("{id: d%d, sections: [%s]}", i, deep)
	}
	tests := []struct {
		name string
		edit edit
		want string
	}{
		{"misspelled agency", replace(planFile, "lead: [dolisa]", "lead: [dolisaa]"),
			`plans/sample-1-2021.yaml:28: section "i-1": lead agency "dolisaa" is not defined (did you mean "dolisa"? otherwise define it in agencies.yaml)`},
		{"title with a year the text has not", replace(planFile, "            kind: task\n            vi: Giảm nghèo bền vững", "            kind: task\n            title: {vi: Giảm nghèo đến năm 2030, en: Poverty reduction by 2030, editorial: true}\n            vi: Giảm nghèo bền vững"),
			`plans/sample-1-2021.yaml:33: item "i-1-a": the vi title has the number "2030", which the item's text does not (a title may only repeat figures of the item's text`},
		{"title too long", replace(planFile, "            kind: task\n            vi: Giảm nghèo bền vững", "            kind: task\n            title: {vi: "+strings.Repeat("Giảm nghèo ", 12)+", editorial: true}\n            vi: Giảm nghèo bền vững"),
			`plans/sample-1-2021.yaml:33: item "i-1-a": the vi title has 131 characters, more than 100`},
		{"item note not marked editorial", replace(planFile, "            themes: [poverty-reduction]\n", "            themes: [poverty-reduction]\n            note: {vi: Ghi chú, en: A note}\n"),
			`plans/sample-1-2021.yaml:36: item "i-1-a": field "note" is the editors' words but is not marked editorial (add ` + "`editorial: true`" + ` to it`},
		{"item title not marked editorial", replace(planFile, "            kind: task\n            vi: Giảm nghèo bền vững", "            kind: task\n            title: {vi: Giảm nghèo, en: Poverty reduction}\n            vi: Giảm nghèo bền vững"),
			`plans/sample-1-2021.yaml:33: item "i-1-a": field "title" is the editors' words but is not marked editorial`},
		{"section note not marked editorial", replace(planFile, "        pillar: dynamic\n", "        pillar: dynamic\n        note: {vi: Ghi chú, en: A note}\n"),
			`plans/sample-1-2021.yaml:46: section "i-2": field "note" is the editors' words but is not marked editorial`},
		{"source note not marked editorial", replace(planFile, "source: {file: plan.txt, kind: official}", "source: {file: plan.txt, kind: official, note: {vi: Bản chép, en: A copy}}"),
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": source: field "note" is the editors' words but is not marked editorial`},
		{"attribution evidence not marked editorial", replace(planFile, "province: dak-lak\n", "attribution: {province: dak-lak, evidence: {vi: Cùng ngày, en: Same date}}\n"),
			`plans/sample-1-2021.yaml:2: plan "sample-1-2021": attribution: field "evidence" is the editors' words but is not marked editorial`},
		{"a copy without its address", replace(planFile, "source: {file: plan.txt, kind: official}", "source: {file: plan.txt, kind: official, copy: true}"),
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": source: ` + "`copy: true`" + ` without ` + "`url`" + ` (give the copy's address as ` + "`url:`" + `, or leave ` + "`copy`" + ` out)`},
		{"a licence without its address", replace("site.yaml", "description:", "licence: {name: {vi: Giấy phép, en: Licence}}\ndescription:"),
			`site.yaml:2: site: licence: required field "url" is missing (add ` + "`url: https://creativecommons.org/licenses/by/4.0/`)"},
		{"a licence address that is no web address", replace("site.yaml", "description:", "licence: {name: {vi: Giấy phép, en: Licence}, url: \"javascript:alert(1)\"}\ndescription:"),
			`site.yaml:2: site: licence url "javascript:alert(1)" is not a web address (write a full http:// or https:// address)`},
		{"a programme's line without a source", replace("frameworks.yaml", "cite: {name: [decision], pillars: [decision]}", "cite: {name: [decision]}"),
			`frameworks.yaml:5: framework "fw": the page's line "pillars" cites no source (add ` + "`pillars: [SOURCE-ID]`" + ` under ` + "`cite:`"},
		{"a programme citing a source it does not list", replace("frameworks.yaml", "cite: {name: [decision], pillars: [decision]}", "cite: {name: [decree], pillars: [decision]}"),
			`frameworks.yaml:5: framework "fw": cite: name: source "decree" is not defined (write the id of one of the framework's ` + "`sources:`"},
		{"a programme citing for a line it has not", replace("frameworks.yaml", "cite: {name: [decision], pillars: [decision]}", "cite: {name: [decision], pilars: [decision]}"),
			`frameworks.yaml:5: framework "fw": cite: "pilars" is not a line of the programme's page (did you mean "pillars"?)`},
		{"a programme's source not marked editorial", replace("frameworks.yaml", "text: {vi: Quyết định mẫu, en: Sample decision, editorial: true}", "text: {vi: Quyết định mẫu, en: Sample decision}"),
			`frameworks.yaml:4: framework "fw": source "decision": field "text" is the editors' words but is not marked editorial`},
		{"a glossary sense naming no item", set("glossary.yaml", "- vi: giảm nghèo\n  en: poverty reduction\n  senses: [{en: reducing poverty, when: {vi: khi, en: when, editorial: true}, items: [sample-1-2021/i-9]}]\n"),
			`glossary.yaml:3: glossary term "giảm nghèo": sense "reducing poverty": plan "sample-1-2021" has no item "i-9" (write the id of an item of plan "sample-1-2021")`},
		{"a glossary sense naming an item without the term", set("glossary.yaml", "- vi: giảm nghèo\n  en: poverty reduction\n  senses: [{en: reducing poverty, when: {vi: khi, en: when, editorial: true}, items: [sample-1-2021/i-2-a]}]\n"),
			`glossary.yaml:3: glossary term "giảm nghèo": sense "reducing poverty": the text of item "i-2-a" does not have the term (name an item whose text has the term, or remove it from ` + "`items:`)"},
		{"a glossary sense naming an item badly", set("glossary.yaml", "- vi: giảm nghèo\n  en: poverty reduction\n  senses: [{en: reducing poverty, when: {vi: khi, en: when, editorial: true}, items: [i-1-a]}]\n"),
			`glossary.yaml:3: glossary term "giảm nghèo": sense: "i-1-a" does not name an item (write the plan's id and the item's id joined by a slash`},
		{"duplicate item id", replace(planFile, "id: i-1-b", "id: i-1-a"),
			`plans/sample-1-2021.yaml:36: item "i-1-a": duplicate id "i-1-a" (ids must be unique within a plan; the first is at line 30`},
		{"malformed yaml", replace(planFile, "title: {vi: Kế hoạch mẫu", "title: {vi: [Kế hoạch mẫu"),
			`plans/sample-1-2021.yaml:4: invalid YAML: did not find expected ',' or ']'`},
		{"unclosed brace", replace(planFile, "period: {from: 2021, to: 2025}", "period: {from: 2021, to: 2025"),
			`plans/sample-1-2021.yaml:12: invalid YAML: did not find expected ',' or '}'`},
		{"unclosed bracket in front matter", set("pages/about.en.md", "---\ntitle: About\nlist: [plans\n---\nText.\n"),
			`pages/about.en.md:3: invalid YAML: did not find expected ',' or ']'`},
		{"field out of line in front matter", set("pages/about.en.md", "---\ntitle: About\nlist:\n  - a\n b: x\n---\nText.\n"),
			`pages/about.en.md:5: invalid YAML: did not find expected key`},
		{"list as a key", replace(planFile, "        pillar: inclusive\n", "        pillar: inclusive\n        [lead, partners]: [dolisa]\n"),
			`plans/sample-1-2021.yaml:28: section "i-1": a field's name is a list, not a word (write each field as ` + "`name: value`" + `, such as ` + "`lead: [dolisa]`" + `; a list or mapping before the colon cannot name a field)`},
		{"mapping as a key", replace(planFile, "        pillar: inclusive\n", "        pillar: inclusive\n        ? {lead: x}\n        : [dolisa]\n"),
			`plans/sample-1-2021.yaml:28: section "i-1": a field's name is a mapping, not a word`},
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
			`plans/sample-1-2021.yaml:1: file is not UTF-8 text (save it as UTF-8 text)`},
		{"invalid byte far down the file", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức giao lưu \xff văn hóa."),
			`plans/sample-1-2021.yaml:50: file is not UTF-8 text (save it as UTF-8 text)`},
		{"control character", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức giao lưu\x1b văn hóa."),
			`plans/sample-1-2021.yaml:50: control character U+001B (ESCAPE) is not allowed (delete it: most editors do not show it, and it is not text)`},
		{"control character in Markdown", replace("pages/about.en.md", "See [the plans]", "See\x07 [the plans]"),
			`pages/about.en.md:6: control character U+0007 (BELL) is not allowed`},
		{"right-to-left override", replace(planFile, "en: Organise cultural exchanges.", "en: Organise \u202ecultural exchanges."),
			`plans/sample-1-2021.yaml:51: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed (delete it: it cannot be seen, and would reach the pages as it is, changing how the text around it shows or is searched)`},
		// the lowest format character, and a C1 control, each just past ASCII
		{"soft hyphen", replace(planFile, "en: Organise cultural exchanges.", "en: Organise cul\u00adtural exchanges."),
			`plans/sample-1-2021.yaml:51: invisible character U+00AD (SOFT HYPHEN) is not allowed`},
		{"C1 control character", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức giao lưu\u0085 văn hóa."),
			`plans/sample-1-2021.yaml:50: control character U+0085 (NEXT LINE) is not allowed`},
		{"zero width space in a page", replace("pages/about.en.md", "See [the plans]", "See\u200b [the plans]"),
			`pages/about.en.md:6: invisible character U+200B (ZERO WIDTH SPACE) is not allowed`},
		// the same characters written as escapes: the rule is on values
		{"escaped right-to-left override", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise \u202ecultural exchanges."`),
			`plans/sample-1-2021.yaml:51: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed, written as an escape between double quotes (delete the escape that stands for it, such as \u202e: it cannot be seen`},
		{"escaped ESC", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise \x1b[31mcultural exchanges."`),
			`plans/sample-1-2021.yaml:51: control character U+001B (ESCAPE) is not allowed, written as an escape between double quotes (delete the escape that stands for it, such as \u001b: most editors do not show it, and it is not text)`},
		{"YAML's own escape for ESC", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", `vi: "Tổ chức giao lưu\e văn hóa."`),
			`plans/sample-1-2021.yaml:50: control character U+001B (ESCAPE) is not allowed, written as an escape`},
		{"escaped C1 control", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise \u009bcultural exchanges."`),
			`plans/sample-1-2021.yaml:51: control character U+009B (CONTROL SEQUENCE INTRODUCER) is not allowed, written as an escape`},
		{"escaped zero width space", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise\u200b cultural exchanges."`),
			`plans/sample-1-2021.yaml:51: invisible character U+200B (ZERO WIDTH SPACE) is not allowed, written as an escape`},
		{"escaped byte-order mark inside a text", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise \uFEFFcultural exchanges."`),
			`plans/sample-1-2021.yaml:51: invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) is not allowed, written as an escape`},
		{"escaped soft hyphen in a flow mapping", replace(planFile, "{vi: Kế hoạch mẫu, en: Sample plan}", `{vi: Kế hoạch mẫu, en: "Sam\u00adple plan"}`),
			`plans/sample-1-2021.yaml:4: invisible character U+00AD (SOFT HYPHEN) is not allowed, written as an escape`},
		{"escaped NUL in a registry", replace("themes.yaml", "{vi: Giảm nghèo, en:", `{vi: "Giảm\0 nghèo", en:`),
			`themes.yaml:2: control character U+0000 (NUL) is not allowed, written as an escape`},
		{"escaped line separator", replace(planFile, "en: Organise cultural exchanges.", `en: "Organise\L cultural exchanges."`),
			`plans/sample-1-2021.yaml:51: invisible character U+2028 (LINE SEPARATOR) is not allowed, written as an escape`},
		{"escaped override in front matter", set("pages/about.en.md", "---\ntitle: \"About\\u202e\"\n---\nText.\n"),
			`pages/about.en.md:2: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed, written as an escape`},
		{"character reference in Markdown", replace("pages/about.en.md", "See [the plans]", "See &#x202E;[the plans]"),
			`pages/about.en.md:6: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed, written as the reference &#x202E; (delete &#x202E;: it cannot be seen`},
		{"named reference in Markdown", replace("pages/about.en.md", "See [the plans]", "Se&shy;e [the plans]"),
			`pages/about.en.md:6: invisible character U+00AD (SOFT HYPHEN) is not allowed, written as the reference &shy;`},
		{"decimal reference in commentary", set("commentary/sample.en.md", "---\ntitle: Overview\nplan: sample-1-2021\n---\nThe plan\n\nhas &#27;[31m items.\n"),
			`commentary/sample.en.md:7: control character U+001B (ESCAPE) is not allowed, written as the reference &#27;`},
		// rules the data implies
		{"more provinces with a plan than provinces", replace("frameworks.yaml", "  cite: {name: [decision], pillars: [decision]}", "  cite: {name: [decision], pillars: [decision], plans-issued: [decision]}\n  plans_issued: {count: 64, of: 63, period: {from: 2016, to: 2020}}"),
			`frameworks.yaml:6: framework "fw": plans_issued: 64 of 63 is not a count of provinces`},
		{"a count of plans that cites no source", replace("frameworks.yaml", "  cite: {name: [decision], pillars: [decision]}", "  cite: {name: [decision], pillars: [decision]}\n  plans_issued: {count: 62, of: 63, period: {from: 2016, to: 2020}}"),
			`framework "fw": the page's line "plans-issued" cites no source`},
		{"document dated 1066", replace(planFile, "date: 2021-09-23", "date: 1066-10-14"),
			`plans/sample-1-2021.yaml:9: plan "sample-1-2021": document: date 1066-10-14 is in the year 1066, outside 1900-2200 (write a date between 1900 and 2200; a year out of that range is a typing mistake)`},
		{"update dated far ahead", replace(planFile, "date: 2026-06-30", "date: 2999-06-30"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update: date 2999-06-30 is in the year 2999, outside 1900-2200`},
		{"source retrieved in the future", replace(planFile, "source: {file: plan.txt, kind: official}", "source: {file: plan.txt, kind: official, retrieved: 2099-12-31}"),
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": source retrieved on 2099-12-31 is after the site's as_of date, 2026-07-01 (site.yaml:3) (correct the date; if it is right, move as_of in site.yaml to it or later)`},
		{"update dated in the future", replace(planFile, "date: 2026-06-30", "date: 2099-01-01"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update dated 2099-01-01 is after the site's as_of date, 2026-07-01 (site.yaml:3)`},
		{"document dated in the future", replace(planFile, "date: 2021-09-23", "date: 2099-09-23"),
			`plans/sample-1-2021.yaml:9: plan "sample-1-2021": document dated 2099-09-23 is after the site's as_of date, 2026-07-01 (site.yaml:3)`},
		{"update after the site's as_of date", replace("site.yaml", "as_of: 2026-07-01", "as_of: 2026-06-01"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update dated 2026-06-30 is after the site's as_of date, 2026-06-01 (site.yaml:3) (correct the date; if it is right, move as_of in site.yaml to it or later)`},
		{"retrieved after the site's as_of date", replace(planFile, "source: {file: plan.txt, kind: official}", "source: {file: plan.txt, kind: official, retrieved: 2026-07-02}"),
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": source retrieved on 2026-07-02 is after the site's as_of date, 2026-07-01 (site.yaml:3)`},
		{"as_of in 1066", replace("site.yaml", "as_of: 2026-07-01", "as_of: 1066-10-14"),
			`site.yaml:3: site: as_of 1066-10-14 is in the year 1066, outside 1900-2200`},
		{"omit covering the whole source", replace(planFile, "source: {file: plan.txt, kind: official}", "source: {file: plan.txt, kind: official, omit: [{lines: 1-3, what: {vi: A}}, {lines: 4-19, what: {vi: B}}]}"),
			`plans/sample-1-2021.yaml:16: plan "sample-1-2021": the omitted lines leave out every line of "plan.txt", so every item would claim words the source page no longer shows (omit only the lines of the web page around the document`},
		{"merger written on one side", replace("provinces.yaml", "  changes: [{date: 2025-07-01, merged_into: da-nang, basis: {vi: Nghị quyết mẫu, en: Sample resolution}}]\n", ""),
			`provinces.yaml:8: province "da-nang" absorbs "dak-lak" on 2025-07-01, but "dak-lak" records no such merger (write the merger on both sides: add ` + "`merged_into: da-nang`" + ` on 2025-07-01 to the changes of "dak-lak" (provinces.yaml:1), or correct this one)`},
		{"absorption written on one side", replace("provinces.yaml", "absorbed: [dak-lak]", "renamed: {vi: Đà Nẵng, en: Da Nang}"),
			`provinces.yaml:4: province "dak-lak" merges into "da-nang" on 2025-07-01, but "da-nang" records no such absorption (write the merger on both sides: add ` + "`absorbed: [dak-lak]`" + ` on 2025-07-01 to the changes of "da-nang" (provinces.yaml:5), or correct this one)`},
		{"merger sides on two dates", replace("provinces.yaml", "date: 2025-07-01, merged_into", "date: 2025-06-30, merged_into"),
			`provinces.yaml:4: province "dak-lak" merges into "da-nang" on 2025-06-30, but "da-nang" records no such absorption`},
		{"merged into two provinces on one date", set("provinces.yaml", "- id: dak-lak\n  kind: province\n  name: {vi: Đắk Lắk, en: Dak Lak}\n  changes:\n"+
			"    - {date: 2025-07-01, merged_into: da-nang, basis: {vi: A}}\n    - {date: 2025-07-01, merged_into: hue, basis: {vi: B}}\n"+
			"- id: da-nang\n  kind: city\n  name: {vi: Đà Nẵng, en: Da Nang}\n  changes: [{date: 2025-07-01, absorbed: [dak-lak], basis: {vi: A}}]\n"+
			"- id: hue\n  kind: city\n  name: {vi: Huế, en: Hue}\n  changes: [{date: 2025-07-01, absorbed: [dak-lak], basis: {vi: B}}]\n"),
			`provinces.yaml:6: province "dak-lak" merges into both "da-nang" and "hue" on 2025-07-01 (a province merges into one other; keep the merger that happened (the first is at line 5))`},
		{"plan of a province after it merged", func(t *testing.T) fstest.MapFS {
			return sitetest.With(valid, "provinces.yaml", []byte(strings.ReplaceAll(string(valid["provinces.yaml"].Data), "2025-07-01", "2019-01-01")))
		}, `plans/sample-1-2021.yaml:9: plan "sample-1-2021" is dated 2021-09-23, but its province "dak-lak" merged into "da-nang" on 2019-01-01, after which it issued no plans (check the plan's date and province; a plan of the merged province is one of "da-nang" (provinces.yaml:4))`},
		{"glossary term again in NFD", replace("glossary.yaml", "- vi: cơ quan chủ trì", "- vi: gia\u0309m ngh\u00e8o\n  en: poverty alleviation\n- vi: cơ quan chủ trì"),
			`glossary.yaml:3: glossary term "giảm nghèo" is given twice, rendered "poverty alleviation" here and "poverty reduction" before (keep one rendering of the term; add the other to ` + "`avoid:`" + ` of the one you keep (the first is at line 1))`},
		{"glossary term again, escaped in NFD", replace("glossary.yaml", "- vi: cơ quan chủ trì", "- vi: \"Gia\\u0309m ngh\\u00e8o\"\n  en: poverty alleviation\n- vi: cơ quan chủ trì"),
			`glossary.yaml:3: glossary term "Giảm nghèo" is given twice, rendered "poverty alleviation" here and "poverty reduction" before`},
		{"glossary term given twice alike", replace("glossary.yaml", "- vi: cơ quan chủ trì", "- vi: đơn vị chủ trì, giảm nghèo\n  en: poverty reduction\n- vi: cơ quan chủ trì"),
			`glossary.yaml:3: glossary term "giảm nghèo" is given twice (remove one of them (the first is at line 1))`},
		{"empty plan file", set(planFile, ""),
			`plans/sample-1-2021.yaml:1: the plan file is empty (write the plan, starting with ` + "`id: sample-1-2021`" + `; docs/content.md describes its fields, or delete the file)`},
		{"plan file of comments only", set(planFile, "# to do\n# later\n"),
			`plans/sample-1-2021.yaml:1: the plan file is empty`},
		{"empty list of sections", set(planFile, header+"sections: []\n"),
			`plans/sample-1-2021.yaml:19: plan "sample-1-2021": field "sections" is an empty list (list the plan's sections, as its document prints them; docs/content.md shows their fields)`},
		{"sections without a value", set(planFile, header+"sections:\n"),
			`plans/sample-1-2021.yaml:19: plan "sample-1-2021": required field "sections" is missing (add ` + "`sections: [...]`)"},
		{"second YAML document", set(planFile, plan+"---\nid: other\n"),
			`plans/sample-1-2021.yaml:73: a second YAML document starts here (a file holds one YAML document: delete this ` + "`---`" + ` line and what follows, or move it into a file of its own)`},
		{"merge key", replaces(planFile, "title: {vi: Kế hoạch mẫu", "title: &common {vi: Kế hoạch mẫu", planFile, "        pillar: inclusive\n", "        <<: *common\n        pillar: inclusive\n"),
			`plans/sample-1-2021.yaml:27: section "i-1": merge keys (` + "`<<:`" + `) are not supported (write the fields out, or put an anchor on a whole value (` + "`lead: &leads [a, b]`" + `) and repeat it with an alias (` + "`lead: *leads`" + `))`},
		{"alias inside its own value", replace(planFile, "sections:\n", "sections: &s\n  - id: loop\n    sections: *s\n"),
			`plans/sample-1-2021.yaml:21: alias *s refers to a value that contains it, so it never ends (an alias repeats a value written before it, never one it is part of; write the inner value out)`},
		{"billion laughs", set(planFile, laughs+plan),
			`plans/sample-1-2021.yaml:6: with alias *l4 the file stands for more than 500000 values, the limit (repeat values with aliases only where a reader would write them out; aliases of lists of aliases multiply)`},
		{"sections nested too deep", set(planFile, header+"sections:\n  - "+deep+"\n"),
			`plans/sample-1-2021.yaml:20: section "d11" is nested 11 levels deep, more than the limit of 10 (check the indentation: a section's ` + "`sections:`" + ` holds its sub-sections only)`},
		{"text too long", replace(planFile, "vi: Tổ chức giao lưu văn hóa.", "vi: "+strings.Repeat("văn ", 5001)),
			`plans/sample-1-2021.yaml:50: item "i-2-a": field "vi" is 20003 characters long (split it, or check that a quote or block above it is closed; a text may have 20000 characters)`},
		{"megabytes of value are not echoed", replace(planFile, "kind: duty", "kind: "+strings.Repeat("x", 4<<20)),
			`plans/sample-1-2021.yaml:61: item "ii-1": field "kind" is 4194304 characters long`},
		{"a long value is echoed in part", replace(planFile, "kind: duty", "kind: "+strings.Repeat("x", 5000)),
			`plans/sample-1-2021.yaml:61: item "ii-1": kind "` + strings.Repeat("x", 80) + `…" is not known (use one of: `},
		{"front matter error on its line", set("pages/about.en.md", "---\ntitle: About\nsummary: x\n  bad: indentation: here\n---\nText.\n"),
			`pages/about.en.md:4: invalid YAML: mapping values are not allowed in this context`},
		{"front matter not closed", set("pages/about.en.md", "---\ntitle: About\n\n## About\n"),
			`pages/about.en.md:1: front matter is not closed (end the front matter with a line of three hyphens, ` + "`---`" + `, before the text)`},
		{"link to a program", set("commentary/sample.en.md", "---\ntitle: Overview\nplan: sample-1-2021\n---\nThe sample plan has **four** items.\n[Open](ms-msdt:/id%20PCWDiagnostic)\n"),
			`commentary/sample.en.md:6: link "ms-msdt:/id%20PCWDiagnostic" is not a web address, an e-mail address or a path of the site (links may only use https://, http://, mailto: or a path such as ../plans/)`},
		{"link to a search", replace("pages/about.en.md", "](../plans/)", "](search-ms:query=x)"),
			`pages/about.en.md:6: link "search-ms:query=x" is not a web address`},
		{"Markdown too long", replace("pages/about.en.md", "See [the plans]", strings.Repeat("Dài. ", 14000)+"See [the plans]"),
			`pages/about.en.md:4: the text is 84062 bytes long, more than the limit of 65536 (split it into several pages)`},
		{"Markdown nested too deep", replace("pages/about.en.md", "See [the plans]", strings.Repeat("> ", 40)+"See [the plans]"),
			`pages/about.en.md:6: the line starts 40 quotes or list items, more than the limit of 16 (nest fewer quotes (>) and lists)`},
		{"restates itself", replace(planFile, "kind: duty\n", "kind: duty\n        restates: ii-1\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1" restates itself (write the id of the item this one repeats, or remove ` + "`restates:`)"},
		{"restates in a loop", replaces(planFile, "themes: [poverty-reduction]\n", "themes: [poverty-reduction]\n            restates: i-1-b\n",
			planFile, "lead: [doha]\n            themes: [awareness]", "lead: [doha]\n            restates: i-1-a\n            themes: [awareness]"),
			`plans/sample-1-2021.yaml:36: item "i-1-a": restated items form a loop: i-1-a → i-1-b → i-1-a (an appendix row restates the item of the plan's body; remove ` + "`restates:`" + ` from the body item)`},
		{"related to itself", replace(planFile, "kind: duty\n", "kind: duty\n        related: [i-2-a, ii-1]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1" is related to itself (remove it from ` + "`related:`)"},
		{"related twice", replace(planFile, "kind: duty\n", "kind: duty\n        related: [i-2-a, i-2-a]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": related item "i-2-a" is listed twice (remove the second one)`},
		{"own successor", replace("agencies.yaml", "agencies: [doha]", "agencies: [dolisa]"),
			`agencies.yaml:6: agency "dolisa" is its own successor (name the agencies that took over its duties)`},
		{"successors in a loop", replace("agencies.yaml", "en: Department of Home Affairs}", "en: Department of Home Affairs}\n  successor: {date: 2025-03-01, agencies: [dolisa], basis: {vi: X}}"),
			`agencies.yaml:6: agency "dolisa": successors form a loop: dolisa → doha → dolisa (a successor exists now; the chain of successors must end at an agency without one)`},
		{"province merged into itself", replace("provinces.yaml", "absorbed: [dak-lak]", "merged_into: da-nang"),
			`provinces.yaml:9: province "da-nang" is merged into itself (write the province it merged into)`},
		{"mergers in a loop", replace("provinces.yaml", "absorbed: [dak-lak]", "merged_into: dak-lak"),
			`provinces.yaml:4: province "dak-lak": mergers form a loop: dak-lak → da-nang → dak-lak (the province that merges into another stops existing; the chain of mergers must end at a province that exists)`},
		{"deadline on 31 February", replace(planFile, "{day: 15, month: 12,", "{day: 31, month: 2,"),
			`plans/sample-1-2021.yaml:15: plan "sample-1-2021": reporting deadline day 31 month 2 is not a date (write the ` + "`day:` and `month:`" + ` of a real date, such as day 15 month 12)`},
		{"period starting at -5", replace(planFile, "period: {from: 2021, to: 2025}", "period: {from: -5, to: 2025}"),
			`plans/sample-1-2021.yaml:12: plan "sample-1-2021": period: field "from" is the year -5, before 1900 (write the year in full, e.g. 2025)`},
		{"deadline more precise than a real day", replace(planFile, "timing: {kind: annual,", "timing: {kind: once, by: 2026-02-30,"),
			`plans/sample-1-2021.yaml:53: item "i-2-a": timing ` + "`by`" + ` "2026-02-30" is not a deadline (write a year (2026), a quarter (2026-Q3), a month (2026-06) or a day (2026-09-30), only as precise as the source)`},
		{"deadline in a fifth quarter", replace(planFile, "timing: {kind: annual,", "timing: {kind: once, by: 2026-Q5,"),
			`plans/sample-1-2021.yaml:53: item "i-2-a": timing ` + "`by`" + ` "2026-Q5" is not a deadline`},
		{"deadline on a recurring task", replace(planFile, "timing: {kind: annual,", "timing: {kind: annual, by: 2026,"),
			`plans/sample-1-2021.yaml:53: item "i-2-a": timing of kind "annual" takes no deadline ` + "`by`" + ` (write ` + "`kind: once`" + ` for a task due by a date, or leave ` + "`by:`" + ` out)`},
		{"guess left in a plan that is not a draft", replace(planFile, "            themes: [awareness]\n            timing:", "            themes: [awareness] # guess: the words \"văn hóa\"\n            timing:"),
			`plans/sample-1-2021.yaml:52: plan "sample-1-2021": unconfirmed guess in a plan that is not a draft: the words "văn hóa" (confirm or correct it and delete the comment, or mark the plan ` + "`draft: true`" + ` until every guess is confirmed)`},
		{"timing in a far year", replace(planFile, "timing: {kind: annual,", "timing: {kind: period, from: 2021, to: 20255,"),
			`plans/sample-1-2021.yaml:53: item "i-2-a": timing: field "to" is the year 20255, after 2200 (write the year in full, e.g. 2025)`},
		{"published address of no shape", set("published-urls.txt", "# record\nvi/plans/sample-1-2021/\nhello world\n"),
			`published-urls.txt:3: "hello world" is not an address of the site (write a path below the base URL, like vi/plans/x/iii-1-a/ or data/items.csv, or delete the line)`},
		{"published page gone", set("published-urls.txt", "vi/agencies/gone/\n"),
			`published-urls.txt:1: "vi/agencies/gone/" was published and would no longer exist (if it moved, add ` + "`moved: [{from: agencies/gone/, to: NEW-PATH, date: ...}]`" + ` to redirects.yaml; if it was removed, add ` + "`withdrawn: [{path: agencies/gone/, date: ..., reason: ...}]`" + ` there; see docs/content.md)`},
		{"redirect with a language", set("redirects.yaml", "withdrawn:\n  - {path: vi/about/, date: 2026-01-01, reason: {vi: X}}\n"),
			`redirects.yaml:2: withdrawn address "vi/about/": path "vi/about/" starts with a language (write it without vi/ or en/: one entry covers the page in both languages)`},
		{"redirect to nowhere", set("redirects.yaml", "moved:\n  - {from: plans/old/, to: plans/nothing/, date: 2026-01-01}\n"),
			`redirects.yaml:2: moved address "plans/old/": "plans/nothing/" is not a page of the site (write the path of a page the site has, such as plans/x/)`},
		{"withdrawn page still there", set("redirects.yaml", "withdrawn:\n  - {path: about/, date: 2026-01-01, reason: {vi: X}}\n"),
			`redirects.yaml:2: withdrawn address "about/" is still a page of the site (remove the entry: the address is still page "about")`},
		{"redirects in a loop", set("redirects.yaml", "moved:\n  - {from: plans/a/, to: plans/b/, date: 2026-01-01}\n  - {from: plans/b/, to: plans/a/, date: 2026-01-01}\n"),
			`redirects.yaml:2: moved address "plans/a/": moves form a loop: plans/a/ → plans/b/ → plans/a/ (a moved address must end at a page or file that exists)`},
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
		{"status off the scale", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, kind: official-report, status: done, text: {vi: Xong}, evidence: [{url: https://example.org/a, title: {vi: A}}]}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": update: status "done" is not known (use one of: not-reported, not-started, limited, substantial, complete)`},
		{"a status claimed without evidence", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, kind: official-report, status: complete, text: {vi: Xong}}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": update: required field "evidence" is missing`},
		{"evidence that is not a web address", replace(planFile, "kind: duty\n", "kind: duty\n        updates: [{date: 2026-01-05, kind: official-report, status: complete, text: {vi: Xong}, evidence: [{url: \"javascript:alert(1)\", title: {vi: A}}]}]\n"),
			`plans/sample-1-2021.yaml:62: item "ii-1": evidence url "javascript:alert(1)" is not a web address (write a full http:// or https:// address)`},
		{"framework status off the list", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  status: ongoing\n"),
			`frameworks.yaml:3: framework "fw": framework status "ongoing" is not known (use one of: current, ended)`},
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
		// where an item stands: the reference date, updates and their evidence
		{"no reference date", replace("site.yaml", "as_of: 2026-07-01\n", ""),
			`site.yaml:1: site: required field "as_of" is missing (add ` + "`as_of: YYYY-MM-DD`" + `, the date the site's information is current to`},
		{"reference date not a date", replace("site.yaml", "as_of: 2026-07-01", "as_of: July 2026"),
			`site.yaml:3: site: "July 2026" is not a valid date (write the date as YYYY-MM-DD`},
		{"update without a kind", replace(planFile, "          - date: 2026-06-30\n            kind: official-report\n            status: limited\n", "          - date: 2026-06-30\n            status: limited\n"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update: required field "kind" is missing (add ` + "`kind: official-report`)"},
		{"update of an unknown kind", replace(planFile, "          - date: 2026-06-30\n            kind: official-report\n            status: limited\n", "          - date: 2026-06-30\n            kind: rumour\n            status: limited\n"),
			`plans/sample-1-2021.yaml:68: item "ii-1": update: evidence kind "rumour" is not known (use one of: official-report, related-event)`},
		{"a related event rates the item", replace(planFile, "          - date: 2026-06-30\n            kind: official-report\n            status: limited\n", "          - date: 2026-06-30\n            kind: related-event\n            status: limited\n"),
			`plans/sample-1-2021.yaml:69: item "ii-1": update: a related event gives no status (remove ` + "`status:`"},
		{"an official report without a status", replace(planFile, "          - date: 2026-06-30\n            kind: official-report\n            status: limited\n", "          - date: 2026-06-30\n            kind: official-report\n"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update: required field "status" is missing (add ` + "`status: limited`)"},
		{"an official report that says not reported", replace(planFile, "          - date: 2026-06-30\n            kind: official-report\n            status: limited\n", "          - date: 2026-06-30\n            kind: official-report\n            status: not-reported\n"),
			`plans/sample-1-2021.yaml:69: item "ii-1": update: an official report cannot say "not-reported"`},
		{"update after the reference date", replace(planFile, "date: 2026-06-30", "date: 2026-07-02"),
			`plans/sample-1-2021.yaml:67: item "ii-1": update dated 2026-07-02 is after the site's as_of date, 2026-07-01 (site.yaml:3)`},
		{"quote of a report not kept", replace(planFile, "title: {vi: Báo cáo năm 2025, en: 2025 report}}", "title: {vi: Báo cáo năm 2025, en: 2025 report}, report: bao-cao-2025.txt, quote: {vi: Đã gửi báo cáo.}}"),
			`plans/sample-1-2021.yaml:72: item "ii-1": update of 2026-06-30: report "bao-cao-2025.txt" is not in reports/ (save the report's text as content/reports/bao-cao-2025.txt, or correct the name)`},
		{"quote changed from the report's words", func(t *testing.T) fstest.MapFS {
			m := sitetest.Replace(t, valid, planFile, "title: {vi: Báo cáo năm 2025, en: 2025 report}}", "title: {vi: Báo cáo năm 2025, en: 2025 report},\n                 report: bao-cao-2025.txt, quote: {vi: Sở Nội vụ đã gửi đủ báo cáo của 12 sở.}}")
			return sitetest.With(m, "reports/bao-cao-2025.txt", []byte("BÁO CÁO\nSở Nội vụ đã gửi báo cáo của\n12 sở.\n"))
		}, `plans/sample-1-2021.yaml:73: item "ii-1": update of 2026-06-30: the quote does not occur in the report "bao-cao-2025.txt" near "đủ báo cáo của 12 sở." (copy the report's words exactly`},
		{"quote without its report", replace(planFile, "title: {vi: Báo cáo năm 2025, en: 2025 report}}", "title: {vi: Báo cáo năm 2025, en: 2025 report}, quote: {vi: Đã gửi.}}"),
			`plans/sample-1-2021.yaml:72: item "ii-1": evidence quotes a report whose text is not named (keep the report's text in content/reports/`},
		{"a report without the words quoted", replace(planFile, "title: {vi: Báo cáo năm 2025, en: 2025 report}}", "title: {vi: Báo cáo năm 2025, en: 2025 report}, report: bao-cao-2025.txt}"),
			`plans/sample-1-2021.yaml:72: item "ii-1": evidence: required field "quote" is missing`},
		{"search without a date", replace(planFile, "source: {file: plan.txt, kind: official}\n", "source: {file: plan.txt, kind: official}\nsearched: {where: {vi: Cổng thông tin tỉnh}}\n"),
			`plans/sample-1-2021.yaml:17: plan "sample-1-2021": searched: required field "date" is missing (add ` + "`date: 2026-12-07`)"},
		{"search after the reference date", replace(planFile, "source: {file: plan.txt, kind: official}\n", "source: {file: plan.txt, kind: official}\nsearched: {date: 2026-12-07, where: {vi: Cổng thông tin tỉnh}}\n"),
			`plans/sample-1-2021.yaml:17: plan "sample-1-2021": searched on 2026-12-07 is after the site's as_of date, 2026-07-01 (site.yaml:3)`},
		{"section timing not in the source", replace(planFile, "        pillar: dynamic\n", "        pillar: dynamic\n        timing: {kind: annual, vi: Hằng quý, en: Quarterly}\n"),
			`plans/sample-1-2021.yaml:46: section "i-2": timing: Vietnamese text does not occur in the source document "plan.txt"`},
		{"contact of two kinds", replace("site.yaml", "as_of: 2026-07-01\n", "as_of: 2026-07-01\ncontact: {email: a@example.org, form: \"https://example.org/f?c={citation}\"}\n"),
			`site.yaml:4: site: contact must give an e-mail address or a form, exactly one`},
		{"contact address that is not one", replace("site.yaml", "as_of: 2026-07-01\n", "as_of: 2026-07-01\ncontact: {email: Ban biên tập <a@example.org>}\n"),
			`site.yaml:4: site: contact email "Ban biên tập <a@example.org>" is not an e-mail address (write the address alone`},
		{"contact form without the citation's place", replace("site.yaml", "as_of: 2026-07-01\n", "as_of: 2026-07-01\ncontact: {form: \"https://example.org/f\"}\n"),
			`site.yaml:4: site: contact form "https://example.org/f" does not say where the item's citation goes`},
		{"review without its sources", replace("frameworks.yaml", "en: Sample scheme}\n", "en: Sample scheme}\n  reviews: [{date: 2025-08-15, title: {vi: Hội nghị tổng kết}}]\n"),
			`frameworks.yaml:3: framework "fw": review: required field "sources" is missing`},
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

// TestDraftIsCheckedNotPublished: a plan marked `draft: true` is checked
// (every "# guess" left in it listed with its line) and previewed, but
// build leaves it out of the site.
func TestDraftIsCheckedNotPublished(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	plan := string(valid[planFile].Data)
	draft := strings.Replace(plan, "id: sample-1-2021\n", "id: sample-2-2021\ndraft: true\n", 1)
	draft = strings.Replace(draft, "            themes: [awareness]\n", "            themes: [awareness] # guess: the words \"văn hóa\"\n", 1)
	content := sitetest.With(valid, "plans/sample-2-2021.yaml", []byte(draft))
	guessLine := 1 + strings.Count(draft[:strings.Index(draft, "# guess")], "\n")

	_, problems := Check(content)
	if problems.HasErrors() {
		t.Fatalf("check fails on a draft:\n%v", problems.Err())
	}
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		fmt.Sprintf(`plans/sample-2-2021.yaml:%d: warning: plan "sample-2-2021" (draft): guess to confirm: the words "văn hóa"`, guessLine),
		`plans/sample-2-2021.yaml:1: warning: plan "sample-2-2021" is a draft: build does not publish it (1 guess(es) left)`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check does not say %q; it said:\n%s", want, all)
		}
	}

	files, problems, err := Render(Options{Content: content, Theme: sitetest.Theme(t)})
	if err != nil {
		t.Fatalf("build fails on a draft: %v\n%v", err, problems.Err())
	}
	for _, f := range files {
		if strings.Contains(f.Path, "sample-2-2021") || strings.Contains(string(f.Data), "sample-2-2021") {
			t.Errorf("build published the draft in %s", f.Path)
		}
	}
	if !strings.Contains(fmt.Sprint(problems.Problems()), `plan "sample-2-2021" is a draft: not published`) {
		t.Errorf("build does not say that it left the draft out: %v", problems.Problems())
	}
}

// TestCheckWarnings feeds one doubtful value at a time into the valid
// fixture: check warns, with file, line and what to do, and does not
// fail.
func TestCheckWarnings(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	tests := []struct {
		name string
		edit fstest.MapFS
		want string
	}{
		{"an abolished agency leads a later plan's task",
			sitetest.Replace(t, valid, "agencies.yaml", "name: {vi: Sở Nội vụ, en: Department of Home Affairs}", "name: {vi: Sở Nội vụ, en: Department of Home Affairs}\n  abolished: {date: 2021-01-01, basis: {vi: Nghị quyết mẫu}}"),
			`plans/sample-1-2021.yaml:40: warning: plan "sample-1-2021" is dated 2021-09-23, but agency "doha", which leads item "i-1-b" (and 1 more item(s) of the plan), was abolished on 2021-01-01 (name the body that took over its duties, or check the plan's date)`},
		{"a succeeded agency leads a later plan's task",
			sitetest.Replace(t, valid, planFile, "date: 2021-09-23", "date: 2025-05-01"),
			`plans/sample-1-2021.yaml:28: warning: plan "sample-1-2021" is dated 2025-05-01, but agency "dolisa", which leads item "i-1-a", was succeeded on 2025-03-01 (name its successor (doha), or check the plan's date)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(tc.edit)
			if err := problems.Err(); err != nil {
				t.Fatalf("errors reported: %v", err)
			}
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			for _, g := range got {
				if g == tc.want {
					return
				}
			}
			t.Errorf("no problem is\n  %s\ngot:\n  %s", tc.want, strings.Join(got, "\n  "))
		})
	}
}

// TestAddressesAllReported: every bad line of published-urls.txt and
// redirects.yaml comes in one run. An entry whose old address is still
// a page is reported even while other files have errors; when only
// these two files have errors, the pages are all known and every line
// of both is checked.
func TestAddressesAllReported(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	redirects := "moved:\n" +
		"  - {from: vi/plans/a/, to: plans/b/, date: 2026-01-01}\n" + // a language
		"  - {from: plans/c/, to: plans/d/, date: 2026-01-01}\n" +
		"  - {from: plans/d/, to: plans/c/, date: 2026-01-01}\n" + // a loop
		"  - {from: plans/sample-1-2021/, to: plans/e/, date: 2026-01-01}\n" + // still a page
		"withdrawn:\n" +
		"  - {path: about/, date: 2026-01-01, reason: {vi: X}}\n" // still a page
	record := "vi/\x1b/\nvi/agencies/gone/\nhello world\nvi/\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"with an error elsewhere", sitetest.Replace(t, sitetest.With(valid, "redirects.yaml", []byte(redirects)), planFile, "lead: [dolisa]", "lead: [dolisaa]"), []string{
			`plans/sample-1-2021.yaml:28: section "i-1": lead agency "dolisaa" is not defined`,
			`redirects.yaml:2: moved address "vi/plans/a/": from "vi/plans/a/" starts with a language`,
			`redirects.yaml:3: moved address "plans/c/": moves form a loop`,
			`redirects.yaml:5: moved address "plans/sample-1-2021/" is still a page of the site`,
			`redirects.yaml:7: withdrawn address "about/" is still a page of the site`,
		}},
		{"in the two files alone", sitetest.With(sitetest.With(valid, "redirects.yaml", []byte(redirects)), "published-urls.txt", []byte(record)), []string{
			`published-urls.txt:1: control character U+001B (ESCAPE) is not allowed`,
			`published-urls.txt:2: "vi/agencies/gone/" was published and would no longer exist`,
			`published-urls.txt:3: "hello world" is not an address of the site`,
			`redirects.yaml:2: moved address "vi/plans/a/": from "vi/plans/a/" starts with a language`,
			`redirects.yaml:3: moved address "plans/c/": moves form a loop`,
			`redirects.yaml:5: moved address "plans/sample-1-2021/" is still a page of the site`,
			`redirects.yaml:7: withdrawn address "about/" is still a page of the site`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(tc.fsys)
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("not reported: %s", w)
				}
			}
			if t.Failed() {
				t.Logf("got:\n  %s", strings.Join(got, "\n  "))
			}
		})
	}
}

// TestGlossarySense: an item a glossary sense names must render the
// term as the sense does; check warns at the item's English otherwise,
// naming the glossary's line.
func TestGlossarySense(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	sense := "- vi: giảm nghèo\n  en: poverty reduction\n  senses: [{en: %s, when: {vi: khi, en: when, editorial: true}, items: [sample-1-2021/i-1-a]}]\n"
	for _, tc := range []struct {
		name, rendering, want string
	}{
		{"used", "sustainable poverty reduction", ""},
		{"not used", "reducing poverty", `plans/sample-1-2021.yaml:33: warning: item "i-1-a": the English does not render "giảm nghèo" as "reducing poverty", the sense the glossary gives it here (write "reducing poverty" for the term, as glossary.yaml:3 gives it for this item)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Check(sitetest.With(valid, "glossary.yaml", []byte(fmt.Sprintf(sense, tc.rendering))))
			var got []string
			for _, p := range problems.Problems() {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			switch {
			case problems.HasErrors():
				t.Fatalf("errors: %s", all)
			case tc.want == "" && strings.Contains(all, "the sense the glossary gives"):
				t.Errorf("a warning for a rendering the item uses: %s", all)
			case tc.want != "" && !strings.Contains(all, tc.want):
				t.Errorf("problems:\n%s\nwant %s", all, tc.want)
			}
		})
	}
}
