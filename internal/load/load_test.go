package load

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitegen/internal/diag"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

func TestLoadNormalisesText(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	// decomposed accents (NFD), a byte-order mark and CRLF line ends
	m = sitetest.With(m, "themes.yaml", []byte("\ufeff- id: poverty-reduction\r\n  name: {vi: \"Gia\u0309m ngh\u00e8o\", en: Poverty reduction}\r\n- id: awareness\r\n  name: {vi: T, en: A}\r\n"))
	site, problems := Load(m)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if got := site.Themes[0].Name.VI; got != "Giảm nghèo" {
		t.Errorf("theme name = %q (% x), want NFC %q", got, got, "Giảm nghèo")
	}
	// the same accent written as an escape, which only the decoded value
	// shows
	m = sitetest.With(m, "themes.yaml", []byte("- id: poverty-reduction\n  name: {vi: \"Gia\\u0309m ngh\\u00e8o\", en: Poverty reduction}\n- id: awareness\n  name: {vi: T, en: A}\n"))
	if site, problems = Load(m); problems.Err() != nil {
		t.Fatal(problems.Err())
	}
	if got := site.Themes[0].Name.VI; got != "Giảm nghèo" {
		t.Errorf("escaped theme name = %q (% x), want NFC %q", got, got, "Giảm nghèo")
	}
}

func TestSuggestID(t *testing.T) {
	for in, want := range map[string]string{
		"Giảm Nghèo": "giam-ngheo",
		"III.2.a":    "iii-2-a",
		"đ)":         "d",
		"  a  b ":    "a-b",
		"..":         "",
		"Sở LĐ-TBXH": "so-ld-tbxh",
	} {
		if got := suggestID(in); got != want {
			t.Errorf("suggestID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClosest(t *testing.T) {
	if got := closest("dolisaa", []string{"doha", "dolisa", "dic"}); got != "dolisa" {
		t.Errorf("got %q", got)
	}
	if got := closest("zzzzzz", []string{"doha", "dolisa"}); got != "" {
		t.Errorf("got %q for a far name", got)
	}
}

// hostile are plan files whose aliases stand for endless or billions of
// values: loading them used to take all memory.
var hostile = map[string]string{
	"alias inside itself": "id: sample-1-2021\nsections: &s [ {id: a, sections: *s} ]\n",
	"billion laughs": func() string {
		s := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		for i := 'b'; i <= 'i'; i++ {
			s += fmt.Sprintf("%c: &%c [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%c, ", i-1), 10), ", "))
		}
		return s + "id: sample-1-2021\nsections: [{id: s, items: *i}]\n"
	}(),
	"aliases of aliases in sections": "id: sample-1-2021\nx: &x {id: a, title: {vi: T}}\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x]\nz: &z [{id: b, sections: *y}, {id: c, sections: *y}]\nsections: [{id: d, sections: *z}, {id: e, sections: *z}]\n",
}

// TestHostileYAMLIsBounded loads each hostile plan and requires an error
// and less than 100 MB allocated. Memory is measured rather than time,
// which would make the test depend on the machine.
func TestHostileYAMLIsBounded(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	for name, plan := range hostile {
		t.Run(name, func(t *testing.T) {
			m := sitetest.With(valid, "plans/sample-1-2021.yaml", []byte(plan))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, problems := Load(m)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%v, %d KB allocated", took, alloc>>10)
			if alloc > 100<<20 {
				t.Errorf("loading allocated %d MB", alloc>>20)
			}
			if name != "aliases of aliases in sections" && !problems.HasErrors() {
				t.Error("no error reported")
			}
		})
	}
}

// TestPublishedBadLinesAllReported: every line of the record that is not
// an address is reported in one run, each with its line.
func TestPublishedBadLinesAllReported(t *testing.T) {
	// a control character, a NUL, a byte that is not UTF-8 and an
	// invisible character first: none of them keeps the other lines
	// from being read
	record := "vi/\x1b[31m\nvi/\x00/\nvi/\xff/\nvi/\u202eabout/\n" +
		"# addresses\nvi/plans/sample-1-2021/\n/vi/plans/\nvi/plans/../x/\nhello world\nVI/PLANS/\nvi/plans/x/?q=1\nen/\ndata/plans/x.json\nfoo\n"
	m := sitetest.With(sitetest.Fixture(t, "valid"), "published-urls.txt", []byte(record))
	_, problems := Load(m)
	var lines []int
	for _, p := range problems.Problems() {
		if p.Pos.File == PublishedFile {
			lines = append(lines, p.Pos.Line)
		}
	}
	if want := []int{1, 2, 3, 4, 7, 8, 9, 10, 11, 14}; fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("bad lines reported: %v, want %v", lines, want)
	}
}

// FuzzLoad feeds arbitrary bytes as a plan file: loading must never
// panic, whatever the input.
func FuzzLoad(f *testing.F) {
	valid := sitetest.Fixture(f, "valid")
	f.Add(valid["plans/sample-1-2021.yaml"].Data)
	f.Add([]byte("id: x\nsections: [{id: a, items: [{id: b, kind: task, vi: x}]}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("\t- ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range valid {
			m[k] = v
		}
		m["plans/sample-1-2021.yaml"] = &fstest.MapFile{Data: data}
		site, problems := Load(m)
		if site == nil || problems == nil {
			t.Fatal("Load returned nil")
		}
	})
}

// FuzzAliases feeds plan files made of anchors and aliases: loading must
// end, without panic, having allocated less than 100 MB, whatever the
// aliases refer to.
func FuzzAliases(f *testing.F) {
	valid := sitetest.Fixture(f, "valid")
	for _, plan := range hostile {
		f.Add([]byte(plan))
	}
	f.Add([]byte("id: sample-1-2021\nx: &x [1, *x]\nsections: *x\n"))
	f.Add([]byte("a: &a {b: &b {c: *a}}\n"))
	f.Add([]byte("<<: &m {id: sample-1-2021}\nsections: [{<<: *m}]\n"))
	f.Add([]byte("id: &i sample-1-2021\nsections: [{id: *i, items: [{id: *i, kind: task, vi: *i}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := sitetest.With(valid, "plans/sample-1-2021.yaml", data)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		site, problems := Load(m)
		runtime.ReadMemStats(&after)
		if site == nil || problems == nil {
			t.Fatal("Load returned nil")
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
			t.Fatalf("loading %d bytes allocated %d MB", len(data), alloc>>20)
		}
	})
}

// FuzzValidID: an id that passes ValidID is safe as a path segment, and
// suggestID always proposes a valid id (or nothing).
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"iii-2-a", "..", "a/b", "Giảm", "-a", "a-", "a--b", "%2e%2e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidID(s) && (strings.ContainsAny(s, "/\\.%?#") || s == "") {
			t.Fatalf("ValidID(%q) accepted an unsafe id", s)
		}
		if sug := suggestID(s); sug != "" && !ValidID(sug) {
			t.Fatalf("suggestID(%q) = %q is not valid", s, sug)
		}
	})
}

// problems returns every problem of loading m, as printed.
func problems(t *testing.T, m fstest.MapFS) (string, bool) {
	t.Helper()
	_, ps := Load(m)
	var out []string
	for _, p := range ps.Problems() {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n"), ps.HasErrors()
}

const fixturePlan = "plans/sample-1-2021.yaml"

// TestLoadRegister reads the fields that keep the register apart from
// the legal bases, the editorial mark and where the source came from.
func TestLoadRegister(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	m = sitetest.Replace(t, m, fixturePlan, "  issuer: ppc\n", `  issuer: ppc
  issued_by: {vi: Chủ tịch Ủy ban nhân dân, en: Chair of the People's Committee}
  proposed_by: {vi: Xét đề nghị của Sở Nội vụ, en: At the proposal of the Department of Home Affairs}
`)
	m = sitetest.Replace(t, m, fixturePlan, "source: {file: plan.txt, kind: official}", `source:
  file: plan.txt
  kind: official
  url: https://portal.example.gov.vn/van-ban/1
  retrieved: 2025-11-02
  extent: excerpt
  truncated: true
  note: {vi: Bản chép, en: A copy, editorial: true}`)
	m = sitetest.Replace(t, m, fixturePlan, "title: {vi: TỔ CHỨC THỰC HIỆN, en: ORGANISATION}", "title: {vi: TỔ CHỨC THỰC HIỆN, en: ORGANISATION, editorial: true}\n    note: {vi: Ghi chú, en: A note, editorial: true}")
	site, ps := Load(m)
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	p := site.Plans[0]
	d := p.Document
	if d.IssuedBy.VI != "Chủ tịch Ủy ban nhân dân" || d.ProposedBy.EN != "At the proposal of the Department of Home Affairs" {
		t.Errorf("issued by %+v, proposed by %+v", d.IssuedBy, d.ProposedBy)
	}
	if d.IssuedBy.Pos.File != fixturePlan || d.IssuedBy.Pos.Line != 11 {
		t.Errorf("issued_by is at %s, want %s:11", d.IssuedBy.Pos, fixturePlan)
	}
	pr := p.Provenance
	if pr.URL != "https://portal.example.gov.vn/van-ban/1" || pr.Retrieved.Format("2006-01-02") != "2025-11-02" ||
		pr.Extent != "excerpt" || pr.Truncated == nil || !*pr.Truncated || pr.Note.EN != "A copy" {
		t.Errorf("provenance %+v", pr)
	}
	var org *model.Section
	for _, s := range p.Sections {
		if s.ID == "ii" {
			org = s
		}
	}
	if !org.Title.Editorial || org.Note.VI != "Ghi chú" {
		t.Errorf("section ii: title %+v, note %+v", org.Title, org.Note)
	}
	if p.Sections[0].Title.Editorial {
		t.Error("an unmarked title is editorial")
	}
}

// TestLoadProvenanceUnknown: nothing known stays absent, truncated too.
func TestLoadProvenanceUnknown(t *testing.T) {
	site, ps := Load(sitetest.Fixture(t, "valid"))
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	if pr := site.Plans[0].Provenance; !pr.IsZero() {
		t.Errorf("provenance %+v, want nothing known", pr)
	}
}

// TestLoadChanges reads each kind of administrative change and rejects
// a change that says too little or too much.
func TestLoadChanges(t *testing.T) {
	const head = "- id: dak-lak\n  kind: province\n  name: {vi: Đắk Lắk, en: Dak Lak}\n  changes:\n    - date: 2025-07-01\n      basis: {vi: Nghị quyết số 1/2025/QH15, en: Resolution 1/2025/QH15}\n"
	tests := []struct {
		name, change string
		kind         model.ChangeKind
		want         string
	}{
		{"merged into", "      merged_into: da-nang\n", model.ChangeMergedInto, ""},
		{"absorbed", "      absorbed: [da-nang]\n", model.ChangeAbsorbed, ""},
		{"renamed", "      renamed: {vi: Đắc Lắc, en: Dac Lac}\n", model.ChangeRenamed, ""},
		{"upgraded", "      upgraded: {vi: Buôn Ma Thuột, en: Buon Ma Thuot}\n      source: https://example.org/nq\n", model.ChangeUpgraded, ""},
		{"nothing happened", "", "", `provinces.yaml:5: province "dak-lak": change: a change must say what happened in exactly one field, not 0`},
		{"two things happened", "      merged_into: da-nang\n      absorbed: [da-nang]\n", "", `provinces.yaml:5: province "dak-lak": change: a change must say what happened in exactly one field, not 2`},
		{"source not a web address", "      merged_into: da-nang\n      source: nghi-quyet.pdf\n", "", `provinces.yaml:8: province "dak-lak": change source "nghi-quyet.pdf" is not a web address`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := sitetest.With(sitetest.Fixture(t, "valid"), "provinces.yaml", []byte(head+tc.change))
			site, ps := Load(m)
			got, failed := problems(t, m)
			if tc.want != "" {
				if !failed || !strings.Contains(got, tc.want) {
					t.Errorf("problems:\n%s\nwant %s", got, tc.want)
				}
				return
			}
			if failed {
				t.Fatal(ps.Err())
			}
			c := site.Provinces[0].Changes[0]
			if c.Kind != tc.kind || c.Basis.VI != "Nghị quyết số 1/2025/QH15" {
				t.Errorf("kind %q basis %q, want %q", c.Kind, c.Basis.VI, tc.kind)
			}
			if (tc.kind == model.ChangeRenamed || tc.kind == model.ChangeUpgraded) && c.NewName.VI == "" {
				t.Error("no new name")
			}
		})
	}
	m := sitetest.With(sitetest.Fixture(t, "valid"), "provinces.yaml", []byte("- id: dak-lak\n  kind: province\n  name: {vi: Đắk Lắk}\n  changes:\n    - {date: 2025-07-01, merged_into: da-nang}\n"))
	if got, _ := problems(t, m); !strings.Contains(got, `provinces.yaml:5: province "dak-lak": change: required field "basis" is missing`) {
		t.Errorf("a change without basis: %s", got)
	}
}

// TestLoadAbolished reads an agency type's abolition.
func TestLoadAbolished(t *testing.T) {
	m := sitetest.Replace(t, sitetest.Fixture(t, "valid"), "agencies.yaml", "- id: doha\n", "- id: doha\n  abolished: {date: 2025-07-01, basis: {vi: Nghị quyết số 1/2025/QH15, en: Resolution 1/2025/QH15}}\n")
	site, ps := Load(m)
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	var changes []model.AgencyChange
	for _, a := range site.Agencies {
		if a.ID == "doha" {
			changes = a.Changes()
		}
	}
	if len(changes) != 1 || changes[0].Kind != model.ChangeAbolished || changes[0].Date.Format("2006-01-02") != "2025-07-01" {
		t.Errorf("changes %+v", changes)
	}
	m = sitetest.Replace(t, sitetest.Fixture(t, "valid"), "agencies.yaml", "- id: doha\n", "- id: doha\n  abolished: {date: 2025-07-01}\n")
	if got, _ := problems(t, m); !strings.Contains(got, `agency "doha": abolished: required field "basis" is missing`) {
		t.Errorf("an abolition without basis: %s", got)
	}
}

// TestLoadRejectsMarkup: markup characters copied from a converted text
// file are not the document's words.
func TestLoadRejectsMarkup(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"vi: Tổ chức giao lưu văn hóa.", "vi: Tổ chức giao lưu **văn hóa**.", `plans/sample-1-2021.yaml:50: item "i-2-a": text contains the markup characters "**"`},
		{"en: Organise cultural exchanges.", "en: Organise `cultural` exchanges.", `plans/sample-1-2021.yaml:51: item "i-2-a": text contains the markup characters "` + "`" + `"`},
		{"title: {vi: NHIỆM VỤ, en: TASKS}", "title: {vi: NHIỆM VỤ, en: __TASKS__}", `plans/sample-1-2021.yaml:22: section "i": field "title": text contains the markup characters "__"`},
	} {
		got, failed := problems(t, sitetest.Replace(t, sitetest.Fixture(t, "valid"), fixturePlan, tc.old, tc.new))
		if !failed || !strings.Contains(got, tc.want) {
			t.Errorf("problems:\n%s\nwant %s", got, tc.want)
		}
	}
}

// TestLoadGlossaryAvoid reads a term's avoided renderings and its forms.
func TestLoadGlossaryAvoid(t *testing.T) {
	m := sitetest.With(sitetest.Fixture(t, "valid"), "glossary.yaml", []byte("- vi: đổi mới, Đổi Mới\n  en: renewal\n  avoid: [renovation, reform era]\n"))
	site, ps := Load(m)
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	term := site.Glossary[0]
	if strings.Join(term.Avoid, "|") != "renovation|reform era" || strings.Join(term.Forms(), "|") != "đổi mới|Đổi Mới" {
		t.Errorf("avoid %q forms %q", term.Avoid, term.Forms())
	}
}

// TestPlansLoadInFileOrder: plan files are loaded several at a time, yet
// the plans and every file's problems come out in file name order, the
// same on every load, as loading them one by one gives them.
func TestPlansLoadInFileOrder(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	sample := m["plans/sample-1-2021.yaml"].Data
	for _, name := range []string{"d-4", "a-1", "c-3", "b-2", "f-6", "e-5"} {
		// each copy keeps the sample's id, so its name is reported as wrong
		m = sitetest.With(m, "plans/"+name+".yaml", sample)
	}
	m = sitetest.With(m, "plans/g-7.yaml", []byte("id: g-7\n\tbroken: ["))
	serial := &loader{fsys: m, errs: &diag.List{}}
	var want []*model.Plan
	for _, name := range serial.glob("plans", ".yaml") {
		if p := serial.plan(name); p != nil {
			want = append(want, p)
		}
	}
	if len(want) != 7 {
		t.Fatalf("the serial load found %d plans, want 7", len(want))
	}
	for run := 0; run < 10; run++ {
		l := &loader{fsys: m, errs: &diag.List{}}
		got := l.plans()
		if len(got) != len(want) {
			t.Fatalf("run %d: %d plans, want %d", run, len(got), len(want))
		}
		for i := range got {
			if got[i].File != want[i].File {
				t.Errorf("run %d: plan %d is %q, want %q", run, i, got[i].File, want[i].File)
			}
		}
		gp, wp := l.errs.Problems(), serial.errs.Problems()
		if len(gp) != len(wp) || len(gp) < 7 {
			t.Fatalf("run %d: %d problems, want %d (at least one a file)", run, len(gp), len(wp))
		}
		for i := range gp {
			if gp[i] != wp[i] {
				t.Errorf("run %d: problem %d is %v, want %v", run, i, gp[i], wp[i])
			}
		}
	}
}
