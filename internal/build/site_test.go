package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"sitegen"
	"sitegen/internal/diag"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// realBuild is the real content built once into a temporary directory,
// served under a sub-path as a portal would. Building it takes seconds
// and no test changes what it wrote, so the tests that read it share it;
// TestMain removes the directory.
var realBuild struct {
	once     sync.Once
	dir      string
	out      string
	sum      Summary
	problems *diag.List
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if realBuild.dir != "" {
		os.RemoveAll(realBuild.dir)
	}
	os.Exit(code)
}

// buildReal returns the output directory and summary of the shared build
// of the real content, building it on first use.
func buildReal(t *testing.T) (string, Summary) {
	t.Helper()
	b := &realBuild
	b.once.Do(func() {
		var th *theme.Theme
		if th, b.err = theme.Load(sitegen.Theme, nil); b.err != nil {
			return
		}
		if b.dir, b.err = os.MkdirTemp("", "sitegen-build-test-"); b.err != nil {
			return
		}
		b.out = filepath.Join(b.dir, "public")
		b.sum, b.problems, b.err = Build(Options{
			Content: os.DirFS(filepath.Join(sitetest.Root(), "content")),
			Theme:   th,
			Out:     b.out,
			Base:    manifest.Base{Path: "/asean/", URL: "https://portal.example.gov.vn/asean"},
		})
	})
	if b.err != nil {
		t.Fatalf("building the real content: %v", b.err)
	}
	if _, warnings := b.problems.Count(); warnings > 0 {
		t.Errorf("the real content has warnings: %v", b.problems.Problems())
	}
	return b.out, b.sum
}

// TestRealSite checks the whole published site: every page has its twin
// in the other language, every item has its own page in both languages,
// and every internal link and anchor resolves.
func TestRealSite(t *testing.T) {
	out, sum := buildReal(t)
	pages := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		pages[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 1000 {
		t.Errorf("only %d pages written", len(pages))
	}

	t.Run("twins", func(t *testing.T) { checkTwins(t, pages) })

	t.Run("items", func(t *testing.T) {
		items := 0
		for _, ps := range sum.Plans {
			items += ps.Items
		}
		n := 0
		for p := range pages {
			// vi/plans/PLAN/ITEM/index.html, not the source page
			parts := strings.Split(p, "/")
			if len(parts) == 5 && parts[1] == "plans" && parts[3] != "source" {
				n++
			}
		}
		if n != 2*items {
			t.Errorf("%d item pages for %d items in 2 languages", n, items)
		}
	})

	t.Run("links", func(t *testing.T) {
		rep := sitetest.CheckLinks(out, pages, "/asean/", "portal.example.gov.vn")
		for _, p := range rep.Problems {
			t.Error(p)
		}
		t.Logf("%d links checked in %d pages", rep.Followed, len(pages))
	})
}

// TestOpenData checks items.csv against the sources and the pages: every
// item of every plan has a row, its Vietnamese occurs in its source
// document, its English is not empty, and both its URLs exist.
func TestOpenData(t *testing.T) {
	out, sum := buildReal(t)
	raw, err := os.ReadFile(filepath.Join(out, "data", "items.csv"))
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(raw, []byte("\ufeff"))
	if !ok {
		t.Error("items.csv has no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"plan", "item", "label", "kind", "pillar", "themes", "lead", "partners", "timing", "status", "text_vi", "text_en", "url_vi", "url_en"} {
		if _, ok := col[name]; !ok {
			t.Errorf("items.csv has no column %q", name)
		}
	}
	perPlan := map[string]int{}
	sources := map[string]string{}
	for _, p := range mustSite(t).Plans {
		sources[p.ID] = sourceWords(p.Source.Text)
	}
	for _, row := range rows[1:] {
		plan, id := row[col["plan"]], row[col["item"]]
		perPlan[plan]++
		if !strings.Contains(sources[plan], row[col["text_vi"]]) {
			t.Errorf("%s/%s: text_vi does not occur in the source", plan, id)
		}
		if strings.TrimSpace(row[col["text_en"]]) == "" {
			t.Errorf("%s/%s: text_en is empty", plan, id)
		}
		for _, c := range []string{"url_vi", "url_en"} {
			p := strings.TrimPrefix(row[col[c]], "/asean/") + "index.html"
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s/%s: %s %s does not exist", plan, id, c, row[col[c]])
			}
		}
	}
	for _, ps := range sum.Plans {
		if perPlan[ps.ID] != ps.Items {
			t.Errorf("plan %s: %d rows for %d items", ps.ID, perPlan[ps.ID], ps.Items)
		}
	}
	for _, name := range []string{"plan.schema.json", "thanh-hoa-208-2021.json"} {
		b, err := os.ReadFile(filepath.Join(out, "data", "plans", name))
		if err != nil || !json.Valid(b) {
			t.Errorf("data/plans/%s: missing or not JSON (%v)", name, err)
		}
	}
}

// TestRealContentCounts asserts the minimum each plan must publish, so
// that a lost section cannot go unnoticed.
func TestRealContentCounts(t *testing.T) {
	count := map[string]map[string]int{}
	for _, p := range mustSite(t).Plans {
		count[p.ID] = map[string]int{"all": len(p.Items)}
		for _, it := range p.Items {
			count[p.ID][string(it.Kind)]++
		}
	}
	for _, tc := range []struct {
		plan, kind string
		min        int
	}{
		{"thanh-hoa-208-2021", "all", 100},
		{"thanh-hoa-208-2021", "appendix-row", 44},
		{"da-nang-3881-2021", "all", 40},
		{"quang-nam-2021-2025", "task", 32},
		{"kien-giang-83-2017", "task", 18},
		{"news-2021-07-22", "content-group", 9},
	} {
		if got := count[tc.plan][tc.kind]; got < tc.min {
			t.Errorf("%s: %d items of kind %s, want at least %d", tc.plan, got, tc.kind, tc.min)
		}
	}
}

// realSite is the real content loaded and checked once, shared like
// realBuild.
var realSite struct {
	once sync.Once
	site *model.Site
	err  error
}

func mustSite(t *testing.T) *model.Site {
	t.Helper()
	realSite.once.Do(func() {
		var problems *diag.List
		realSite.site, problems = Check(os.DirFS(filepath.Join(sitetest.Root(), "content")))
		realSite.err = problems.Err()
	})
	if realSite.err != nil {
		t.Fatal(realSite.err)
	}
	return realSite.site
}

// TestPublishedRecordUpToDate is the CI check of the record of published
// addresses: every address the real site serves is in
// content/published-urls.txt, so that it can never silently disappear
// later. After adding pages, run `make record`.
func TestPublishedRecordUpToDate(t *testing.T) {
	_, sum := buildReal(t)
	site := mustSite(t)
	recorded := map[string]bool{}
	for _, u := range site.Published {
		recorded[u.Path] = true
	}
	missing := 0
	for _, a := range sum.Addresses {
		if !recorded[a] {
			missing++
			if missing <= 5 {
				t.Errorf("%s is served but not recorded in content/published-urls.txt (run make record)", a)
			}
		}
	}
	if missing > 5 {
		t.Errorf("... and %d more", missing-5)
	}
}

var jsonLD = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)

// TestMachineReadable parses what machines read: the sitemap with its
// hreflang alternates, the Atom feeds, robots.txt, and the JSON-LD of
// every plan page; and checks that every item page has a citation and
// link-preview tags.
func TestMachineReadable(t *testing.T) {
	out, sum := buildReal(t)
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(read("sitemap.xml"), &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if len(sm.URLs) != sum.Pages {
		t.Errorf("sitemap lists %d URLs for %d pages", len(sm.URLs), sum.Pages)
	}
	for _, u := range sm.URLs[:min(50, len(sm.URLs))] {
		langs := map[string]bool{}
		for _, l := range u.Links {
			langs[l.Hreflang] = true
		}
		if !langs["vi"] || !langs["en"] || !langs["x-default"] || !strings.HasPrefix(u.Loc, "https://portal.example.gov.vn/asean/") {
			t.Errorf("sitemap entry %s: alternates %v", u.Loc, langs)
		}
	}
	for _, lang := range []string{"vi", "en"} {
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			Updated string   `xml:"updated"`
			Entries []struct {
				Title   string `xml:"title"`
				ID      string `xml:"id"`
				Updated string `xml:"updated"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(read(lang+"/feed.xml"), &feed); err != nil {
			t.Fatalf("%s/feed.xml: %v", lang, err)
		}
		if len(feed.Entries) < 4 || feed.Updated != feed.Entries[0].Updated {
			t.Errorf("%s feed: %d entries, updated %s", lang, len(feed.Entries), feed.Updated)
		}
	}
	if robots := string(read("robots.txt")); !strings.Contains(robots, "Sitemap: https://portal.example.gov.vn/asean/sitemap.xml") {
		t.Errorf("robots.txt: %q", robots)
	}
	for _, p := range mustSite(t).Plans {
		for _, lang := range []string{"vi", "en"} {
			page := read(lang + "/plans/" + p.ID + "/index.html")
			m := jsonLD.FindSubmatch(page)
			if m == nil {
				t.Errorf("%s/%s: no JSON-LD", lang, p.ID)
				continue
			}
			var ld map[string]any
			if err := json.Unmarshal(m[1], &ld); err != nil {
				t.Errorf("%s/%s: JSON-LD: %v", lang, p.ID, err)
				continue
			}
			if ld["@type"] != "Legislation" || ld["inLanguage"] != lang || ld["name"] == "" {
				t.Errorf("%s/%s: JSON-LD %v", lang, p.ID, ld)
			}
			if p.Document.Number != "" && ld["legislationIdentifier"] != p.Document.Number {
				t.Errorf("%s/%s: identifier %v", lang, p.ID, ld["legislationIdentifier"])
			}
		}
		for _, it := range p.Items {
			page := string(read("en/plans/" + p.ID + "/" + it.ID + "/index.html"))
			for _, want := range []string{`class="cite-text"`, `<meta property="og:title"`, `<meta property="og:description"`, `<meta name="twitter:card"`, `<link rel="canonical"`} {
				if !strings.Contains(page, want) {
					t.Errorf("en item %s/%s lacks %s", p.ID, it.ID, want)
				}
			}
		}
	}
}
