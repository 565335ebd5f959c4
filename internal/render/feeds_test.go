package render

import (
	"encoding/xml"
	"strings"
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/resolve"
	"sitegen/internal/sitetest"
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
	th := builtInTheme(t)
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

// The sitemap as encoding/xml writes it from structs, which the
// hand-written sitemap must match byte for byte.
type xmlSitemapLink struct {
	XMLName  xml.Name `xml:"xhtml:link"`
	Rel      string   `xml:"rel,attr"`
	Hreflang string   `xml:"hreflang,attr"`
	Href     string   `xml:"href,attr"`
}

type xmlURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []struct {
		Loc   string           `xml:"loc"`
		Links []xmlSitemapLink `xml:"xhtml:link"`
	} `xml:"url"`
}

type xmlSitemapIndex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

func marshalSitemap(t *testing.T, v any) string {
	t.Helper()
	var buf strings.Builder
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String() + "\n"
}

// TestSitemapXML: the sitemap and sitemap index are written as
// encoding/xml writes them, escapes included, with and without entries.
func TestSitemapXML(t *testing.T) {
	for _, abs := range []string{"", "https://x.example/asean", "https://x.example/a&b<'\">\t\n\r\x01\xff/ả", "https://x.example/\xff", "https://x.example/ả\u2028"} {
		for _, paths := range [][]string{nil, {""}, {"", "plans/", "plans/x/a-1/", "odd/&<é/", "é/", "\xfe/"}} {
			var urls []sitemapURL
			want := xmlURLSet{NS: sitemapNS, XHTML: "http://www.w3.org/1999/xhtml"}
			var names []string
			wantIdx := xmlSitemapIndex{NS: sitemapNS}
			for _, p := range paths {
				links := []xmlSitemapLink{{Rel: "alternate", Hreflang: "vi", Href: abs + "/vi/" + p},
					{Rel: "alternate", Hreflang: "en", Href: abs + "/en/" + p},
					{Rel: "alternate", Hreflang: "x-default", Href: abs + "/vi/" + p}}
				for _, l := range []model.Lang{model.VI, model.EN} {
					urls = append(urls, sitemapURL{lang: l, path: p})
					want.URLs = append(want.URLs, struct {
						Loc   string           `xml:"loc"`
						Links []xmlSitemapLink `xml:"xhtml:link"`
					}{abs + "/" + string(l) + "/" + p, links})
				}
				names = append(names, p+"sitemap.xml")
				wantIdx.Sitemaps = append(wantIdx.Sitemaps, struct {
					Loc string `xml:"loc"`
				}{abs + "/" + p + "sitemap.xml"})
			}
			if got, want := string(appendURLSet(nil, abs, urls)), marshalSitemap(t, want); got != want {
				t.Errorf("sitemap of %q under %q:\n%s\nwant\n%s", paths, abs, got, want)
			}
			if got, want := string(appendSitemapIndex(nil, abs, names)), marshalSitemap(t, wantIdx); got != want {
				t.Errorf("sitemap index of %q under %q:\n%s\nwant\n%s", paths, abs, got, want)
			}
		}
	}
}
