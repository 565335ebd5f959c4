package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

// The markup of where an item stands, as the built-in theme writes it.
var (
	byWhenFact   = regexp.MustCompile(`<dd class="?by-when"? data-basis="?([a-z-]+)"?>([^<]+)</dd>`)
	scheduleFact = regexp.MustCompile(`<dd class="?schedule"? data-state="?([a-z-]+)"?>`)
	statusFact   = regexp.MustCompile(`(?s)<dd class="?status"? data-status="?([a-z-]+)"?>(.*?)</dd>`)
	asOfLine     = regexp.MustCompile(`<p class="?as-of"?>[^<]+<time datetime="?(\d{4}-\d\d-\d\d)"?>`)
)

// isItemPage reports whether a path of the output is an item's own page:
// LANG/plans/PLAN/ITEM/index.html, not a plan's source page.
func isItemPage(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 5 && parts[1] == "plans" && parts[3] != "source" && parts[4] == "index.html"
}

// TestEveryItemStands asserts, over every item page of the real site in
// both languages, that it says by when the item is due and its schedule
// state; that those with no deadline of their own say where theirs
// comes from; that none says "not reported", and that each says that no
// report was found, and up to when the editors searched. Every page of
// the site says the date its information is current to.
func TestEveryItemStands(t *testing.T) {
	out, _ := buildReal(t)
	pages := readPages(t, out)
	states := map[string]bool{}
	for _, s := range model.ScheduleStates() {
		states[string(s)] = true
	}
	items, noDeadline := 0, 0
	for p, page := range pages {
		if m := asOfLine.FindStringSubmatch(page); m == nil || m[1] != "2026-12-07" {
			if !strings.HasSuffix(p, "/redirect/index.html") && p != "index.html" {
				t.Errorf("%s does not say the date its information is as of", p)
			}
		}
		if !isItemPage(p) {
			continue
		}
		items++
		bw := byWhenFact.FindStringSubmatch(page)
		if bw == nil || strings.TrimSpace(bw[2]) == "" {
			t.Errorf("%s says no by when", p)
			continue
		}
		if st := scheduleFact.FindStringSubmatch(page); st == nil || !states[st[1]] {
			t.Errorf("%s gives no schedule state", p)
		}
		lang := p[:2]
		switch basis := model.ByWhenBasis(bw[1]); basis {
		case model.ByWhenPlan, model.ByWhenFramework:
			noDeadline++
			want := map[string]string{"vi": "Kế hoạch không nêu thời hạn riêng", "en": "No deadline of its own"}[lang]
			if !strings.HasPrefix(html.UnescapeString(bw[2]), want) {
				t.Errorf("%s: by when %q does not say that the plan sets no deadline of its own", p, bw[2])
			}
		}
		st := statusFact.FindStringSubmatch(page)
		if st == nil {
			t.Errorf("%s gives no status", p)
			continue
		}
		said := words(st[2])
		searched := map[string]string{"vi": "đã tìm đến ngày 07/12/2026", "en": "searched up to 7 December 2026"}[lang]
		if st[1] != string(model.StatusNotReported) || !strings.Contains(said, searched) {
			t.Errorf("%s: status %s %q, want none found, searched up to 7 December 2026", p, st[1], said)
		}
		for _, twice := range []string{"Not reported", "not reported", "Chưa có báo cáo", "chưa có báo cáo"} {
			if strings.Contains(words(page), twice) {
				t.Errorf("%s says %q", p, twice)
			}
		}
	}
	if items != 2*358 {
		t.Errorf("%d item pages, want 716 (358 items in 2 languages)", items)
	}
	if noDeadline != 2*248 {
		t.Errorf("%d item pages say the plan sets no deadline of their own, want 496 (248 items in 2 languages)", noDeadline)
	}
}

// TestRealSiteOffersNoContact: the real content gives no contact, so
// no page offers to report an error, and Methodology gives no address.
func TestRealSiteOffersNoContact(t *testing.T) {
	out, _ := buildReal(t)
	for p, page := range readPages(t, out) {
		if strings.Contains(page, "report-error") || strings.Contains(page, "mailto:") || strings.Contains(page, `class="contact"`) {
			t.Errorf("%s offers a way to reach the publisher that the content does not give", p)
		}
	}
}

// progressFiles renders the fixture of a plan with two reports and
// updates of each kind of evidence, in memory.
func progressFiles(t *testing.T, content fstest.MapFS) map[string]string {
	t.Helper()
	base, err := manifest.ParseBase("https://portal.example.gov.vn/asean/")
	if err != nil {
		t.Fatal(err)
	}
	files, problems, err := Render(Options{Content: content, Theme: sitetest.Theme(t), Base: base})
	if err != nil {
		t.Fatalf("%v\n%v", err, problems.Problems())
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return out
}

// TestProgressFixture builds the fixture whose plan has two reports kept
// in content/reports and updates of both kinds, and reads what a reader
// sees: dated updates with their kind and verified quotes on the item
// pages, the agency's items by schedule and status, the latest updates
// on the home page, the feed, the open data, and the report link.
func TestProgressFixture(t *testing.T) {
	files := progressFiles(t, sitetest.Fixture(t, "progress"))
	page := func(p string) string {
		t.Helper()
		s, ok := files[p]
		if !ok {
			t.Fatalf("%s was not written", p)
		}
		return s
	}
	has := func(p string, wants ...string) {
		t.Helper()
		s := words(page(p))
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s does not say %q", p, w)
			}
		}
	}
	facts := func(p, basis, state, status string) {
		t.Helper()
		s := page(p)
		if m := byWhenFact.FindStringSubmatch(s); m == nil || m[1] != basis {
			t.Errorf("%s: by when %v, want basis %s", p, m, basis)
		}
		if m := scheduleFact.FindStringSubmatch(s); m == nil || m[1] != state {
			t.Errorf("%s: schedule %v, want %s", p, m, state)
		}
		if m := statusFact.FindStringSubmatch(s); m == nil || m[1] != status {
			t.Errorf("%s: status %v, want %s", p, m, status)
		}
	}

	t.Run("item", func(t *testing.T) {
		facts("en/plans/mau-12-2024/ii-1-a/index.html", "item", "due", "complete")
		facts("en/plans/mau-12-2024/ii-1-b/index.html", "item", "in-progress", "substantial")
		facts("en/plans/mau-12-2024/ii-1-c/index.html", "item", "not-yet-due", "not-reported")
		facts("en/plans/mau-12-2024/ii-2-a/index.html", "section", "due", "not-reported")
		facts("en/plans/mau-12-2024/ii-3-1/index.html", "appendix", "in-progress", "not-reported")
		facts("vi/plans/mau-12-2024/i-1/index.html", "plan", "in-progress", "not-reported")
		facts("vi/plans/mau-3-2021/i-1/index.html", "plan", "period-ended", "not-reported")
		has("en/plans/mau-12-2024/ii-1-b/index.html",
			"12 December 2024 · Official report: Limited", "10 December 2025 · Official report: Substantial",
			"Trong năm 2024, Sở Lao động - Thương binh và Xã hội đã tổ chức 2 lớp tập huấn",
			"Quote checked word for word against the stored text of the report (bao-cao-2024.txt).",
			"Substantial (per the report of 10 December 2025)")
		has("vi/plans/mau-12-2024/ii-2-a/index.html", "20/11/2025 · Sự kiện liên quan",
			"không tìm thấy báo cáo công khai nào về nhiệm vụ này (đã tìm đến ngày 01/12/2026)", "Có 1 sự kiện liên quan")
		has("en/plans/mau-12-2024/ii-1-c/index.html", "no public report on this task was found (searched up to 1 December 2026)")
		has("en/plans/mau-3-2021/i-1/index.html", "no report is recorded, and no search for reports is recorded")
		has("vi/plans/mau-12-2024/i-1/index.html", "Kế hoạch không nêu cơ quan chủ trì cho mục này. Trách nhiệm của từng cơ quan được nêu ở mục III.")
		has("en/plans/mau-12-2024/ii-1-b/index.html", "Last updated: 5 December 2026: Added the 2025 report.")
		// the link to report an error carries the item's citation
		link := regexp.MustCompile(`<p class="?report-error"?><a href="?([^" >]+)"? rel="?external`).FindStringSubmatch(page("en/plans/mau-12-2024/ii-1-b/index.html"))
		if link == nil {
			t.Fatal("the item page has no link to report an error")
		}
		want := "mailto:asean@portal.example.gov.vn?subject=Error%20or%20evidence%3A%20Plan%2012%2FKH-UBND%2C%20II.1.b&body=People%27s%20Committee%2C%20Plan%2012%2FKH-UBND%2C%2015%20March%202024%2C%20section%20II.1.b.%20https%3A%2F%2Fportal.example.gov.vn%2Fasean%2Fen%2Fplans%2Fmau-12-2024%2Fii-1-b%2F%0A%0A"
		if got := html.UnescapeString(link[1]); got != want {
			t.Errorf("report link\n %s\nwant\n %s", got, want)
		}
	})

	t.Run("agency", func(t *testing.T) {
		for _, p := range []string{"en/agencies/dolisa/index.html", "en/provinces/tinh-mau/agencies/dolisa/index.html"} {
			rows := accountRow.FindAllStringSubmatch(page(p), -1)
			got := map[string]string{}
			for _, r := range rows {
				got[r[1]+"/"+r[2]] = r[3]
			}
			want := map[string]string{"not-yet-due/not-reported": "1", "in-progress/substantial": "1", "due/complete": "1"}
			if len(got) != len(want) {
				t.Errorf("%s: rows %v, want %v", p, got, want)
			}
			for k, n := range want {
				if got[k] != n {
					t.Errorf("%s: %s has %s items, want %s", p, k, got[k], n)
				}
			}
		}
		has("vi/agencies/dcst/index.html", "Đã đến hạn", "Giai đoạn của kế hoạch đã kết thúc", "Chưa thể đánh giá")
	})

	t.Run("home", func(t *testing.T) {
		has("en/index.html", "10 December 2025 — Plan 12/KH-UBND · II.1.a: Official report, Complete.",
			"20 November 2025 — Plan 12/KH-UBND · II.2.a: Related event.")
		has("vi/methodology/index.html", "Báo lỗi hoặc gửi bằng chứng", "asean@portal.example.gov.vn")
		has("en/frameworks/fw/index.html", "10 September 2025: Mid-term review of the Sample scheme, Ha Noi.", "news.example.vn, “Sơ kết Đề án mẫu”, 10 September 2025")
		has("en/plans/mau-12-2024/index.html", "Reporting deadlines the plan sets", "each year from 15 December 2024 to 15 December 2027",
			"Stated in Duty III.1; reported by: Department of Home Affairs",
			"The editors searched for reports on this plan's implementation up to 1 December 2026: The province's web portal and newspaper.")
		rows := statusRow.FindAllStringSubmatch(page("en/plans/mau-12-2024/index.html"), -1)
		got := map[string]string{}
		for _, r := range rows {
			got[r[1]] = r[2]
		}
		if got["Complete"] != "1" || got["Substantial"] != "1" || got["Cannot be rated"] != "7" {
			t.Errorf("the plan's status counts: %v", got)
		}
	})

	t.Run("feed", func(t *testing.T) {
		var feed struct {
			Entries []struct {
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Summary string `xml:"summary"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(page("en/feed.xml")), &feed); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{
			"Plan 12/KH-UBND · II.1.a: Official report, Complete": true,
			"Plan 12/KH-UBND · II.2.a: Related event":             true,
			"Plan 12/KH-UBND · II.1.b: Official report, Limited":  true,
		}
		for _, e := range feed.Entries {
			if want[e.Title] && e.Title == "Plan 12/KH-UBND · II.1.a: Official report, Complete" && !strings.Contains(e.Summary, "đạt 100% kế hoạch") {
				t.Errorf("feed entry %q does not quote the report: %q", e.Title, e.Summary)
			}
			delete(want, e.Title)
		}
		for w := range want {
			t.Errorf("the feed has no entry %q", w)
		}
	})

	t.Run("open data", func(t *testing.T) {
		var plan struct {
			AsOf     string `json:"as_of"`
			Searched struct {
				Date string `json:"date"`
			} `json:"searched"`
			Sections []struct {
				Sections []struct {
					Items []struct {
						ID     string `json:"id"`
						ByWhen struct {
							Basis string         `json:"basis"`
							From  string         `json:"from"`
							Text  map[string]any `json:"text"`
						} `json:"by_when"`
						Schedule string `json:"schedule"`
						Status   string `json:"status"`
						Updates  []struct {
							Kind     string `json:"kind"`
							Status   string `json:"status"`
							Evidence []struct {
								Report string         `json:"report"`
								Quote  map[string]any `json:"quote"`
							} `json:"evidence"`
						} `json:"updates"`
					} `json:"items"`
				} `json:"sections"`
			} `json:"sections"`
		}
		if err := json.Unmarshal([]byte(page("data/plans/mau-12-2024.json")), &plan); err != nil {
			t.Fatal(err)
		}
		if plan.AsOf != "2026-12-07" || plan.Searched.Date != "2026-12-01" {
			t.Errorf("as_of %q, searched %q", plan.AsOf, plan.Searched.Date)
		}
		tasks := plan.Sections[1].Sections
		b, a := tasks[0].Items[1], tasks[1].Items[0]
		if b.ID != "ii-1-b" || b.Schedule != "in-progress" || b.Status != "substantial" || len(b.Updates) != 2 ||
			b.Updates[0].Kind != "official-report" || b.Updates[0].Evidence[0].Report != "bao-cao-2024.txt" || b.Updates[0].Evidence[0].Quote["vi"] == "" ||
			b.ByWhen.Basis != "item" || b.ByWhen.Text["en"] != "every year" {
			t.Errorf("ii-1-b in the JSON: %+v", b)
		}
		if a.ID != "ii-2-a" || a.Schedule != "due" || a.Status != "not-reported" || len(a.Updates) != 1 || a.Updates[0].Kind != "related-event" ||
			a.Updates[0].Status != "" || a.ByWhen.Basis != "section" || a.ByWhen.From != "ii-2" ||
			a.ByWhen.Text["vi"] != "thực hiện trong giai đoạn 2024-2025 (theo mục II.2)" {
			t.Errorf("ii-2-a in the JSON: %+v", a)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix([]byte(page("data/items.csv")), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, name := range rows[0] {
			col[name] = i
		}
		cell := func(item, name string) string {
			for _, r := range rows[1:] {
				if r[col["plan"]]+"/"+r[col["item"]] == item {
					return r[col[name]]
				}
			}
			return "(no row)"
		}
		for _, c := range []struct{ item, col, want string }{
			{"mau-12-2024/ii-2-a", "by_when_en", "to be carried out in 2024-2025 (from section II.2)"},
			{"mau-12-2024/ii-2-a", "by_when_basis", "section"},
			{"mau-12-2024/ii-2-a", "schedule", "due"},
			{"mau-12-2024/ii-2-a", "evidence_kind", "related-event"},
			{"mau-12-2024/ii-1-b", "evidence_kind", "official-report"},
			{"mau-12-2024/ii-1-c", "evidence_kind", ""},
			{"mau-12-2024/i-1", "by_when_vi", "Kế hoạch không nêu thời hạn riêng; kế hoạch thực hiện giai đoạn 2024–2027"},
			{"mau-12-2024/i-1", "searched", "2026-12-01"},
			{"mau-3-2021/i-1", "searched", ""},
			{"mau-3-2021/i-1", "schedule", "period-ended"},
			{"mau-3-2021/i-1", "as_of", "2026-12-07"},
		} {
			if got := cell(c.item, c.col); got != c.want {
				t.Errorf("items.csv %s %s = %q, want %q", c.item, c.col, got, c.want)
			}
		}
		// the data says what the pages say
		for _, r := range rows[1:] {
			p := "en/plans/" + r[col["plan"]] + "/" + r[col["item"]] + "/index.html"
			m := byWhenFact.FindStringSubmatch(page(p))
			if m == nil || html.UnescapeString(m[2]) != r[col["by_when_en"]] {
				t.Errorf("%s says by when %v, items.csv %q", p, m, r[col["by_when_en"]])
			}
		}
	})

	t.Run("every page is dated", func(t *testing.T) {
		for p, s := range files {
			if path.Ext(p) == ".html" && p != "index.html" && !asOfLine.MatchString(s) {
				t.Errorf("%s does not say the date its information is as of", p)
			}
		}
	})
}

// TestProgressBuildsAlike: two builds of the fixture with reports are
// the same, byte for byte: nothing is taken from the clock.
func TestProgressBuildsAlike(t *testing.T) {
	a := progressFiles(t, sitetest.Fixture(t, "progress"))
	b := progressFiles(t, sitetest.Fixture(t, "progress"))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, s := range a {
		if b[p] != s {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestChangedQuoteFails: a quote that is no longer the report's words
// fails check, with the file and line of the quote.
func TestChangedQuoteFails(t *testing.T) {
	m := sitetest.Replace(t, sitetest.Fixture(t, "progress"), "reports/bao-cao-2025.txt", "đạt 100% kế hoạch.", "đạt 90% kế hoạch.")
	_, problems := Check(m)
	want := `plans/mau-12-2024.yaml:65: item "ii-1-a": update of 2025-12-10: the quote does not occur in the report "bao-cao-2025.txt" near "100% kế hoạch."`
	for _, p := range problems.Problems() {
		if strings.Contains(p.String(), want) {
			return
		}
	}
	t.Errorf("no problem says\n  %s\ngot %v", want, problems.Problems())
}
