package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
)

// buildFixture builds a fixture site into a temporary directory and
// returns its HTML pages by path, and the resolved site they came from.
func buildFixture(t *testing.T, name string) (string, map[string]string, *model.Site) {
	t.Helper()
	content := sitetest.Fixture(t, name)
	site, problems := load.Load(content)
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := Build(Options{Content: content, Theme: sitetest.Theme(t), Out: out,
		Base: manifest.Base{Path: "/", URL: "https://sitegen.example"}})
	if err != nil {
		t.Fatal(err)
	}
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	return out, readPages(t, out), site
}

var (
	// a pillar's comparison, or its own page where one plan alone has
	// tasks under it and there is nothing to compare
	comparePillarLink = regexp.MustCompile(`/(?:compare/)?pillars/([a-z0-9-]+)/`)
	planLink          = regexp.MustCompile(`/plans/([a-z0-9-]+)/`)
	columnHeading     = regexp.MustCompile(`<th scope="?col"? id="?col-([a-z0-9-]+)"?`)
	frameworkSection  = regexp.MustCompile(`<section class="?framework"? id="?fw-([a-z0-9-]+)"?`)
)

// TestTwoFrameworks builds a site whose plans implement two programmes
// and checks that they stay apart: each has its page, and no comparison
// puts the pillars or plans of one beside those of the other.
func TestTwoFrameworks(t *testing.T) {
	out, pages, site := buildFixture(t, "two-frameworks")
	pillarOf := map[string]*model.Framework{}
	planOf := map[string]*model.Framework{}
	for _, f := range site.Frameworks {
		for _, p := range f.Pillars {
			pillarOf[p.ID] = f
		}
		for _, p := range f.Plans {
			planOf[p.ID] = f
		}
	}
	if len(site.Frameworks) < 2 || len(pillarOf) == 0 {
		t.Fatalf("the fixture has %d frameworks and %d pillars; it must have two frameworks with pillars", len(site.Frameworks), len(pillarOf))
	}

	t.Run("twins", func(t *testing.T) { checkTwins(t, pages) })

	t.Run("links", func(t *testing.T) {
		bytePages := map[string][]byte{}
		for p, b := range pages {
			bytePages[p] = []byte(b)
		}
		for _, p := range sitetest.CheckLinks(out, bytePages, "/", "sitegen.example").Problems {
			// the fixture's evidence is a web page elsewhere, as
			// evidence is; only the site's own links are checked here
			if !strings.Contains(p, "goes to another host") {
				t.Error(p)
			}
		}
	})

	t.Run("framework pages", func(t *testing.T) {
		for _, f := range site.Frameworks {
			for _, l := range model.Langs {
				path := string(l) + "/" + manifest.FrameworkPath(f) + "index.html"
				page, ok := pages[path]
				if !ok {
					t.Errorf("framework %q has no page %s", f.ID, path)
					continue
				}
				for _, p := range f.Plans {
					if !strings.Contains(page, "/plans/"+p.ID+"/") {
						t.Errorf("%s does not list its plan %q", path, p.ID)
					}
				}
				for _, m := range planLink.FindAllStringSubmatch(page, -1) {
					if planOf[m[1]] != f {
						t.Errorf("%s lists plan %q of another framework", path, m[1])
					}
				}
				if len(f.Pillars) == 0 && !strings.Contains(page, "framework-unverified") {
					t.Errorf("%s has no pillars and does not say that its objectives are unverified", path)
				}
			}
		}
	})

	t.Run("home lists the current programme first", func(t *testing.T) {
		for _, l := range model.Langs {
			home := pages[string(l)+"/index.html"]
			current := strings.Index(home, "/frameworks/fw-next/")
			ended := strings.Index(home, "/frameworks/fw/")
			if current < 0 || ended < 0 || current > ended {
				t.Errorf("%s home: current programme at %d, ended at %d", l, current, ended)
			}
		}
	})

	t.Run("compare page keeps frameworks apart", func(t *testing.T) {
		for _, l := range model.Langs {
			page := pages[string(l)+"/compare/index.html"]
			locs := frameworkSection.FindAllStringSubmatchIndex(page, -1)
			if len(locs) < 2 {
				t.Fatalf("%s compare page has %d framework sections, want one per framework with plans", l, len(locs))
			}
			for _, loc := range locs {
				id := page[loc[2]:loc[3]]
				end := strings.Index(page[loc[0]:], "</section>")
				if end < 0 {
					t.Fatalf("%s compare: section of framework %q is not closed", l, id)
				}
				section := page[loc[0] : loc[0]+end]
				n := 0
				for _, m := range comparePillarLink.FindAllStringSubmatch(section, -1) {
					n++
					if f := pillarOf[m[1]]; f == nil || f.ID != id {
						t.Errorf("%s compare: section of framework %q links pillar %q of another framework", l, id, m[1])
					}
				}
				for _, m := range planLink.FindAllStringSubmatch(section, -1) {
					if f := planOf[m[1]]; f == nil || f.ID != id {
						t.Errorf("%s compare: section of framework %q shows plan %q of another framework", l, id, m[1])
					}
				}
				if n == 0 {
					t.Errorf("%s compare: section of framework %q has no pillar", l, id)
				}
			}
		}
	})

	t.Run("compare-pillar columns are the framework's plans", func(t *testing.T) {
		for id, f := range pillarOf {
			want := map[string]bool{}
			for _, p := range f.Plans {
				want[p.ID] = true
			}
			for _, l := range model.Langs {
				path := string(l) + "/compare/pillars/" + id + "/index.html"
				page, ok := pages[path]
				if !ok {
					t.Errorf("no page %s", path)
					continue
				}
				got := map[string]bool{}
				for _, m := range columnHeading.FindAllStringSubmatch(page, -1) {
					got[m[1]] = true
					if !want[m[1]] {
						t.Errorf("%s has a column for plan %q, which is not under %q", path, m[1], f.ID)
					}
				}
				for pr := range want {
					if !got[pr] {
						t.Errorf("%s has no column for %q", path, pr)
					}
				}
				for _, m := range planLink.FindAllStringSubmatch(page, -1) {
					if planOf[m[1]] != f {
						t.Errorf("%s shows plan %q of another framework", path, m[1])
					}
				}
			}
		}
	})

	t.Run("plan says what its province became", func(t *testing.T) {
		page := pages["en/plans/sample-1-2021/index.html"]
		if !regexp.MustCompile(`Dak Lak</a> <span class="?sub now"?>\(since 1 July 2025 part of <a href="?/en/provinces/da-nang/"?>Da Nang</a>\)`).MatchString(page) {
			t.Error("the plan's register does not say that Dak Lak is part of Da Nang since 1 July 2025")
		}
	})
}
