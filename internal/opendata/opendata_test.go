package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
)

const planFile = "plans/sample-1-2021.yaml"

// withProvenance is the fixture with everything the format can say about
// a source, a register kept apart from the bases, an editorial heading
// and an unlabelled item.
func withProvenance(t *testing.T) fstest.MapFS {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, planFile, "source: {file: plan.txt, kind: official}", `source:
  file: plan.txt
  kind: official
  url: https://portal.example.gov.vn/van-ban/1
  retrieved: 2025-11-02
  extent: full-text
  truncated: false
  note: {vi: Bản chép từ cổng thông tin, en: Copied from the portal, editorial: true}`)
	m = sitetest.Replace(t, m, planFile, "  issuer: ppc\n", "  issuer: ppc\n  proposed_by: {vi: Sở Nội vụ tổng hợp, en: x}\n")
	m = sitetest.Replace(t, m, planFile, "title: {vi: TỔ CHỨC THỰC HIỆN, en: ORGANISATION}", "title: {vi: TỔ CHỨC THỰC HIỆN, en: ORGANISATION, editorial: true}")
	return sitetest.Replace(t, m, planFile, "        label: •1\n", "        label: \"\"\n")
}

func files(t *testing.T, m fstest.MapFS) map[string][]byte {
	t.Helper()
	site, problems := load.Load(m)
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	fs, err := Files(site, "/asean/", sitetest.Theme(t).Locales)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range fs {
		out[f.Path] = f.Data
	}
	return out
}

// TestPlanJSON asserts that the plan's JSON says what the data says
// about its source, its register and its editorial texts, and nothing
// about what is not known.
func TestPlanJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want map[string]any // JSON path (dot-separated) -> value; nil: absent
	}{
		{"everything known", withProvenance(t), map[string]any{
			"source.url":                            "https://portal.example.gov.vn/van-ban/1",
			"source.retrieved":                      "2025-11-02",
			"source.extent":                         string(model.ExtentFullText),
			"source.truncated":                      false,
			"source.note.en":                        "Copied from the portal",
			"document.proposed_by.vi":               "Sở Nội vụ tổng hợp",
			"sections.1.title.editorial":            true,
			"sections.0.title.editorial":            false,
			"sections.1.items.0.ordinal":            float64(1),
			"sections.1.items.0.label":              nil,
			"sections.0.sections.0.items.0.ordinal": nil,
			"targets.0.indicator.editorial":         true,
		}},
		{"nothing known", sitetest.Fixture(t, "valid"), map[string]any{
			"source.file": "plan.txt", "source.url": nil, "source.retrieved": nil,
			"source.extent": nil, "source.truncated": nil, "document.proposed_by": nil,
		}},
		// where items stand, as their pages say it: by when in both
		// languages, the schedule on as_of, and updates with their evidence
		{"where items stand", sitetest.Fixture(t, "valid"), map[string]any{
			"as_of": "2026-07-01", "searched": nil,
			"sections.0.sections.0.items.0.by_when.basis":   "plan",
			"sections.0.sections.0.items.0.by_when.text.en": "No deadline of its own; the plan covers 2021–2025",
			"sections.0.sections.0.items.0.schedule":        "period-ended",
			"sections.0.sections.1.items.0.by_when.basis":   "item",
			"sections.0.sections.1.items.0.by_when.text.vi": "Hằng năm",
			"sections.1.items.0.updates.0.kind":             "official-report",
			"sections.1.items.0.updates.0.status":           "limited",
			"sections.1.items.0.updates.0.evidence.0.url":   "https://portal.example.gov.vn/bao-cao-2025",
			"sections.1.items.0.updates.0.evidence.0.quote": nil,
			"sections.0.sections.0.items.0.updates":         nil,
			"reporting.0.item":                              "ii-1",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal(files(t, tc.fsys)["data/plans/sample-1-2021.json"], &doc); err != nil {
				t.Fatal(err)
			}
			for path, want := range tc.want {
				got, ok := lookup(doc, path)
				if want == nil {
					if ok {
						t.Errorf("%s = %v, want absent", path, got)
					}
					continue
				}
				if !ok || got != want {
					t.Errorf("%s = %v (present %v), want %v", path, got, ok, want)
				}
			}
		})
	}
}

func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []any:
			var i int
			if _, err := fmt.Sscan(k, &i); err != nil || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// TestItemsCSVSource asserts the source columns of items.csv: what is
// known, and empty cells for what is not.
func TestItemsCSVSource(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want map[string]string
	}{
		{"everything known", withProvenance(t), map[string]string{"source_file": "plan.txt", "source_kind": "official",
			"source_url": "https://portal.example.gov.vn/van-ban/1", "source_retrieved": "2025-11-02", "source_extent": "full-text", "source_truncated": "false"}},
		{"nothing known", sitetest.Fixture(t, "valid"), map[string]string{"source_file": "plan.txt", "source_url": "", "source_retrieved": "",
			"source_extent": "", "source_truncated": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := bytes.TrimPrefix(files(t, tc.fsys)[manifest.ItemsCSVPath], []byte("\ufeff"))
			rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], ",") != strings.Join(CSVColumns, ",") {
				t.Fatalf("header %q", rows[0])
			}
			col := map[string]int{}
			for i, c := range rows[0] {
				col[c] = i
			}
			for _, row := range rows[1:] {
				for c, want := range tc.want {
					if got := row[col[c]]; got != want {
						t.Errorf("%s: %s = %q, want %q", row[col["item"]], c, got, want)
					}
				}
			}
		})
	}
}

// TestSchemaDescribesJSON walks the plan JSON along plan.schema.json:
// every field written is described there, every required field is
// written, and every value is of the described type or enumeration.
func TestSchemaDescribesJSON(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(planSchema, &schema); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(files(t, withProvenance(t))["data/plans/sample-1-2021.json"], &doc); err != nil {
		t.Fatal(err)
	}
	var problems []string
	conform(schema, schema, doc, "plan", &problems)
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
	// the walk must be able to fail: an undescribed field is reported
	problems = nil
	conform(schema, schema, map[string]any{"id": "x", "colour": "red"}, "plan", &problems)
	if !strings.Contains(strings.Join(problems, "\n"), `plan.colour: not described`) {
		t.Errorf("an undescribed field was not reported: %q", problems)
	}
}

func conform(root, s map[string]any, v any, at string, problems *[]string) {
	if ref, ok := s["$ref"].(string); ok {
		def := root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")]
		conform(root, def.(map[string]any), v, at, problems)
		return
	}
	report := func(format string, args ...any) { *problems = append(*problems, at+": "+fmt.Sprintf(format, args...)) }
	if enum, ok := s["enum"].([]any); ok {
		for _, e := range enum {
			if e == v {
				return
			}
		}
		report("%v is not one of %v", v, enum)
		return
	}
	if c, ok := s["const"]; ok && c != v {
		report("%v is not %v", v, c)
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			report("not an object")
			return
		}
		props, _ := s["properties"].(map[string]any)
		extra, _ := s["additionalProperties"].(map[string]any) // a map of any keys
		for k, x := range obj {
			p, ok := props[k].(map[string]any)
			if !ok && extra != nil {
				p, ok = extra, true
			}
			if !ok {
				*problems = append(*problems, at+"."+k+": not described")
				continue
			}
			conform(root, p, x, at+"."+k, problems)
		}
		req, _ := s["required"].([]any)
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				report("required %q is missing", r)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			report("not an array")
			return
		}
		for i, x := range arr {
			conform(root, s["items"].(map[string]any), x, fmt.Sprintf("%s.%d", at, i), problems)
		}
	case "string":
		if _, ok := v.(string); !ok {
			report("not a string")
		}
	case "integer", "number":
		if _, ok := v.(float64); !ok {
			report("not a number")
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			report("not true or false")
		}
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://evil.example\",\"x\")": "'=HYPERLINK(\"http://evil.example\",\"x\")",
		"+1":                   "'+1",
		"-2+3":                 "'-2+3",
		"@SUM(A1:A2)":          "'@SUM(A1:A2)",
		"\tx":                  "'\tx",
		"\rx":                  "'\rx",
		"Tổ chức giao lưu":     "Tổ chức giao lưu",
		"a = b":                "a = b",
		"":                     "",
		"'already":             "'already",
		"https://example.org/": "https://example.org/",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// deepPlan is a plan whose outline nests depth sections, each with an
// item.
func deepPlan(depth int) *model.Plan {
	p := &model.Plan{ID: "deep", FrameworkID: "fw", Title: model.Text{VI: "T"}}
	var parent *model.Section
	for i := range depth {
		s := &model.Section{ID: fmt.Sprintf("s%d", i), Plan: p, Parent: parent}
		it := &model.Item{ID: fmt.Sprintf("i%d", i), Kind: "task", Text: model.Text{VI: "=1+1"}, Plan: p, Section: s}
		s.Items = []*model.Item{it}
		p.Items = append(p.Items, it)
		if parent == nil {
			p.Sections = []*model.Section{s}
		} else {
			parent.Sections = []*model.Section{s}
		}
		parent = s
	}
	return p
}

// TestDataSizeIndependentOfDepth: 3,000 nested sections once made a
// 144 MB JSON file, its indentation growing with depth. Written without
// indentation, each level costs the same few bytes.
func TestDataSizeIndependentOfDepth(t *testing.T) {
	size := func(depth int) int {
		files, err := Files(&model.Site{Plans: []*model.Plan{deepPlan(depth)}}, "/", sitetest.Theme(t).Locales)
		if err != nil {
			t.Fatal(err)
		}
		return len(files[0].Data)
	}
	small, large := size(100), size(3000)
	if perLevel := float64(large) / float64(small) / 30; perLevel > 1.2 {
		t.Errorf("100 levels: %d bytes, 3,000 levels: %d bytes: the size grows faster than the depth", small, large)
	}
}

// TestCSVCellsAreNeutralised: a text that a spreadsheet would run as a
// formula arrives as text.
func TestCSVCellsAreNeutralised(t *testing.T) {
	p := deepPlan(1)
	p.Items[0].Label = "@SUM(1)"
	d := &data{site: &model.Site{Plans: []*model.Plan{p}}, base: "/", locales: sitetest.Theme(t).Locales}
	b, err := d.itemsCSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := strings.Join(rows[1], "|")
	if !strings.Contains(row, "|'@SUM(1)|") || !strings.Contains(row, "|'=1+1|") {
		t.Errorf("row %q", row)
	}
}

// TestTimingPrecision: a deadline given as a quarter is published as
// that quarter, with its precision, in the plan's JSON (as its schema
// describes it) and in items.csv; no day is made up for it.
func TestTimingPrecision(t *testing.T) {
	m := sitetest.Replace(t, withProvenance(t), planFile, "timing: {kind: annual, vi: Hằng năm, en: Annually}",
		"timing: {kind: once, by: 2021-Q4, vi: trước ngày 15/12, en: by 15 December}")
	out := files(t, m)
	plan := string(out["data/plans/sample-1-2021.json"])
	if !strings.Contains(plan, `"timing":{"kind":"once","by":"2021-Q4","precision":"quarter","text":`) {
		t.Errorf("the plan's JSON does not give the deadline as a quarter:\n%s", plan)
	}
	if !strings.Contains(string(out["data/items.csv"]), "once by 2021-Q4: trước ngày 15/12") {
		t.Errorf("items.csv does not give the deadline as a quarter:\n%s", out["data/items.csv"])
	}
	var schema map[string]any
	if err := json.Unmarshal(planSchema, &schema); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal([]byte(plan), &doc); err != nil {
		t.Fatal(err)
	}
	var problems []string
	conform(schema, schema, doc, "plan", &problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// withTwin adds an appendix row that restates task i-2-a, with the
// partner and the timing the task lacks, and names a partner of i-1-a
// that was reorganised.
func withTwin(t *testing.T) fstest.MapFS {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, "sources/plan.txt", "Sở Nội vụ tổng hợp", "PHỤ LỤC\n\n1\n\nGiao lưu văn hóa với các nước ASEAN.\n\nSở Nội vụ\n\nSở Lao động - Thương binh và Xã hội\n\nHằng năm\n\nSở Nội vụ tổng hợp")
	m = sitetest.Replace(t, m, planFile, "            timing: {kind: annual, vi: Hằng năm, en: Annually}\n", "")
	return sitetest.Replace(t, m, planFile, "  - id: ii\n", `  - id: appendix
    label: {vi: Phụ lục, en: Appendix}
    items:
      - id: appendix-1
        label: "1"
        kind: appendix-row
        vi: Giao lưu văn hóa với các nước ASEAN.
        en: Cultural exchanges with ASEAN countries.
        lead: [doha]
        partners: [dolisa]
        timing: {kind: annual, vi: Hằng năm, en: Annually}
        restates: i-2-a
  - id: ii
`)
}

// TestItemRecordSaysWhereFrom: a record carries what the item's page
// shows, each fact with where it comes from: the item, its section, or
// its twin (the appendix row that restates a task, or the task an
// appendix row restates).
func TestItemRecordSaysWhereFrom(t *testing.T) {
	var doc any
	if err := json.Unmarshal(files(t, withTwin(t))["data/plans/sample-1-2021.json"], &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]any{
		// i-1-a: the lead its section names
		"sections.0.sections.0.items.0.lead.0":            "dolisa",
		"sections.0.sections.0.items.0.lead_from.from":    "section I.1",
		"sections.0.sections.0.items.0.lead_from.section": "i-1",
		// i-1-b: its own lead
		"sections.0.sections.0.items.1.lead_from.from": "item",
		// i-2-a: lead, partners and timing from the appendix row
		"sections.0.sections.1.items.0.lead.0":                "doha",
		"sections.0.sections.1.items.0.lead_from.from":        "appendix 1",
		"sections.0.sections.1.items.0.lead_from.item":        "appendix-1",
		"sections.0.sections.1.items.0.partners.0":            "dolisa",
		"sections.0.sections.1.items.0.partners_from.from":    "appendix 1",
		"sections.0.sections.1.items.0.timing.text.vi":        "Hằng năm",
		"sections.0.sections.1.items.0.timing_from.from":      "appendix 1",
		"sections.0.sections.1.items.0.restated_by.0":         "appendix-1",
		"sections.0.sections.1.items.0.title":                 nil,
		"sections.1.items.0.restates":                         "i-2-a",
		"sections.1.items.0.lead_from.from":                   "item",
		"sections.1.items.0.timing_from.from":                 "item",
		"sections.0.sections.0.lead.0":                        "dolisa",
		"agencies.dolisa.changes.0.kind":                      "succeeded",
		"agencies.dolisa.changes.0.successors.0":              "doha",
		"agencies.dolisa.changes.0.basis.editorial":           true,
		"agencies.doha.name.vi":                               "Sở Nội vụ",
		"agencies.doha.changes":                               nil,
		"sections.0.sections.0.items.0.text.editorial":        false,
		"sections.0.sections.1.items.0.timing.text.editorial": false,
	} {
		got, ok := lookup(doc, path)
		if want == nil {
			if ok {
				t.Errorf("%s = %v, want absent", path, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", path, got, ok, want)
		}
	}
	raw := bytes.TrimPrefix(files(t, withTwin(t))[manifest.ItemsCSVPath], []byte("\ufeff"))
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	want := map[string]map[string]string{
		"i-1-a":      {"lead": "dolisa", "lead_from": "section I.1", "agency_changes": "dolisa: succeeded 2025-03-01 by doha"},
		"i-2-a":      {"lead": "doha", "lead_from": "appendix 1", "partners": "dolisa", "partners_from": "appendix 1", "timing": "annual: Hằng năm", "timing_from": "appendix 1", "restated_by": "appendix-1"},
		"appendix-1": {"restates": "i-2-a", "lead_from": "item", "timing_from": "item"},
	}
	for _, row := range rows[1:] {
		for c, w := range want[row[col["item"]]] {
			if got := row[col[c]]; got != w {
				t.Errorf("items.csv %s: %s = %q, want %q", row[col["item"]], c, got, w)
			}
		}
	}
}

// TestLicence: a licence named in site.yaml is in every plan's JSON and
// in the CSV's metadata; without one, the metadata says that the
// publisher states the terms, and no file claims a licence.
func TestLicence(t *testing.T) {
	licensed := sitetest.Replace(t, sitetest.Fixture(t, "valid"), "site.yaml", "description:",
		"licence: {name: {vi: Giấy phép CC BY 4.0, en: CC BY 4.0}, url: \"https://creativecommons.org/licenses/by/4.0/\"}\ndescription:")
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		url  string
	}{
		{"named", licensed, "https://creativecommons.org/licenses/by/4.0/"},
		{"none", sitetest.Fixture(t, "valid"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := files(t, tc.fsys)
			n := 0
			for path, b := range out {
				if !strings.HasPrefix(path, "data/plans/") || path == manifest.PlanSchemaPath {
					continue
				}
				n++
				var doc any
				if err := json.Unmarshal(b, &doc); err != nil {
					t.Fatal(err)
				}
				got, ok := lookup(doc, "licence.url")
				if tc.url == "" && ok || tc.url != "" && got != tc.url {
					t.Errorf("%s: licence.url = %v (present %v), want %q", path, got, ok, tc.url)
				}
			}
			if n == 0 {
				t.Fatal("no plan data file")
			}
			var meta any
			if err := json.Unmarshal(out[manifest.ItemsMetadataPath], &meta); err != nil {
				t.Fatal(err)
			}
			got, ok := lookup(meta, "dc:license.@id")
			rights, _ := lookup(meta, "dc:rights")
			switch {
			case tc.url != "" && got != tc.url:
				t.Errorf("metadata: dc:license = %v, want %q", got, tc.url)
			case tc.url == "" && (ok || !strings.Contains(fmt.Sprint(rights), "publisher")):
				t.Errorf("metadata: dc:license %v, dc:rights %v; want none, and the publisher's terms", got, rights)
			}
			cols, _ := lookup(meta, "tableSchema.columns")
			if list, _ := cols.([]any); len(list) != len(CSVColumns) {
				t.Errorf("metadata describes %d columns, items.csv has %d", len(list), len(CSVColumns))
			}
		})
	}
}

// TestEveryColumnDescribed: the CSV's metadata says what every column
// holds.
func TestEveryColumnDescribed(t *testing.T) {
	for _, c := range CSVColumns {
		if columnDescriptions[c] == "" {
			t.Errorf("column %q has no description", c)
		}
	}
	if len(columnDescriptions) != len(CSVColumns) {
		t.Errorf("%d descriptions for %d columns", len(columnDescriptions), len(CSVColumns))
	}
}
