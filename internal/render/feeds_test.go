package render

import (
	"encoding/xml"
	"strings"
	"testing"

	"sitegen"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
	"sitegen/internal/theme"
)

// TestSitemapIndex splits the fixture's sitemap at 10 URLs, as a site
// past 50,000 URLs is split: an index naming every part, every page in
// exactly one part.
func TestSitemapIndex(t *testing.T) {
	site, problems := load.Load(sitetest.Fixture(t, "valid"))
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	man := manifest.Build(site, problems)
	th, err := theme.Load(sitegen.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	base, err := manifest.ParseBase("https://x.example/asean/")
	if err != nil {
		t.Fatal(err)
	}
	rr := New(th, site, man, Options{Base: base})
	files, err := rr.r.sitemaps(man, 10)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range files {
		parts[f.Path] = f.Data
	}
	var idx struct {
		Locs []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal(parts["sitemap.xml"], &idx); err != nil {
		t.Fatal(err)
	}
	want := (2*len(man.Pages) + 9) / 10
	if len(idx.Locs) != want || len(parts) != want+1 {
		t.Fatalf("index names %d parts, %d files written; want %d", len(idx.Locs), len(parts), want)
	}
	seen := map[string]bool{}
	for _, loc := range idx.Locs {
		var set struct {
			Locs []string `xml:"url>loc"`
		}
		if err := xml.Unmarshal(parts[strings.TrimPrefix(loc, "https://x.example/asean/")], &set); err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		if len(set.Locs) > 10 {
			t.Errorf("%s lists %d URLs", loc, len(set.Locs))
		}
		for _, l := range set.Locs {
			if seen[l] {
				t.Errorf("%s is listed twice", l)
			}
			seen[l] = true
		}
	}
	if len(seen) != 2*len(man.Pages) {
		t.Errorf("%d URLs listed for %d pages", len(seen), 2*len(man.Pages))
	}
}
