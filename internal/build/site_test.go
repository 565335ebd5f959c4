package build

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sitegen"
	"sitegen/internal/sitetest"
)

// buildReal builds the real content into a temporary directory, served
// under a sub-path as a portal would.
func buildReal(t *testing.T) (string, Summary) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	sum, problems, err := Build(Options{
		Content: os.DirFS(filepath.Join(sitetest.Root(), "content")),
		Theme:   sitegen.Theme,
		Out:     out,
		BaseURL: "https://portal.example.gov.vn/asean/",
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, warnings := problems.Count(); warnings > 0 {
		t.Errorf("the real content has warnings: %v", problems.Problems())
	}
	return out, sum
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

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

	t.Run("twins", func(t *testing.T) {
		for p := range pages {
			for _, pair := range [][2]string{{"vi/", "en/"}, {"en/", "vi/"}} {
				if rest, ok := strings.CutPrefix(p, pair[0]); ok {
					if _, twin := pages[pair[1]+rest]; !twin {
						t.Errorf("%s has no twin %s", p, pair[1]+rest)
					}
				}
			}
		}
	})

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
		ids := map[string]map[string]bool{}
		idsOf := func(page string) map[string]bool {
			if ids[page] == nil {
				ids[page] = map[string]bool{}
				for _, m := range idAttr.FindAllSubmatch(pages[page], -1) {
					ids[page][string(m[1])] = true
				}
			}
			return ids[page]
		}
		checked := 0
		for p, data := range pages {
			for _, ref := range sitetest.Links(data) {
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad link %q", p, ref)
					continue
				}
				if u.Host == "portal.example.gov.vn" {
					u.Scheme, u.Host = "", "" // the site's own address, as in canonical links
				}
				if u.Host != "" {
					t.Errorf("%s: link to another host %q", p, ref)
					continue
				}
				// resolve relative links (Markdown pages use them) against
				// the page's own address
				base := &url.URL{Path: "/asean/" + strings.TrimSuffix(p, "index.html")}
				u = base.ResolveReference(u)
				target := p
				if u.Path != base.Path {
					rest, ok := strings.CutPrefix(u.Path, "/asean/")
					if !ok {
						t.Errorf("%s: link %q is outside /asean/", p, ref)
						continue
					}
					target = rest
					if target == "" || strings.HasSuffix(target, "/") {
						target += "index.html"
					}
					if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
						t.Errorf("%s: link %q: %s does not exist", p, ref, target)
						continue
					}
				}
				if u.Fragment != "" && path.Ext(target) == ".html" && !idsOf(target)[u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", p, ref, u.Fragment, target)
				}
				checked++
			}
		}
		t.Logf("%d links checked in %d pages", checked, len(pages))
	})
}
