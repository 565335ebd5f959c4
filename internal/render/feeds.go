package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
)

// MaxSitemapURLs is the most URLs one sitemap file may list; larger sites
// get a sitemap index pointing at several files.
const MaxSitemapURLs = 50000

// sitemaps lists every page in both languages, each with its alternates
// (and x-default, the Vietnamese page), as sitemap.xml; past
// MaxSitemapURLs, as sitemap-N.xml files under a sitemap index.
func (r *renderer) sitemaps(man *manifest.Manifest, limit int) ([]output.File, error) {
	abs := r.base.Prefix()
	urls := make([]sitemapURL, 0, len(man.Pages)*len(model.Langs))
	for _, p := range man.Pages {
		for _, l := range model.Langs {
			urls = append(urls, sitemapURL{lang: l, path: p.Path})
		}
	}
	if len(urls) <= limit {
		return []output.File{{Path: manifest.SitemapFile, Data: appendURLSet(make([]byte, 0, urlSetSize(abs, urls)), abs, urls)}}, nil
	}
	var out []output.File
	var names []string
	for i := 0; i*limit < len(urls); i++ {
		name := fmt.Sprintf("sitemap-%d.xml", i+1) // beside SitemapFile, which lists them
		part := urls[i*limit : min((i+1)*limit, len(urls))]
		out = append(out, output.File{Path: name, Data: appendURLSet(make([]byte, 0, urlSetSize(abs, part)), abs, part)})
		names = append(names, name)
	}
	return append(out, output.File{Path: manifest.SitemapFile, Data: appendSitemapIndex(nil, abs, names)}), nil
}

// sitemapURL is a page of the site in one language.
type sitemapURL struct {
	lang model.Lang
	path string
}

// The sitemap files are written by hand, as encoding/xml wrote them from
// structs with an indent of one space (TestSitemapXML holds the two
// alike): marshalling by reflection took a fifth of the side files' time
// and eight times the memory of the file it wrote.

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// appendURLSet appends the sitemap of urls.
func appendURLSet(b []byte, abs string, urls []sitemapURL) []byte {
	b = append(b, xml.Header...)
	b = append(b, `<urlset xmlns="`+sitemapNS+`" xmlns:xhtml="http://www.w3.org/1999/xhtml">`...)
	for _, u := range urls {
		b = append(b, "\n <url>\n  <loc>"...)
		b = appendPageURL(b, abs, u.lang, u.path)
		b = append(b, "</loc>"...)
		for _, alt := range []struct {
			hreflang string
			lang     model.Lang
		}{{"vi", model.VI}, {"en", model.EN}, {"x-default", model.VI}} {
			b = append(b, "\n  <xhtml:link rel=\"alternate\" hreflang=\""...)
			b = append(b, alt.hreflang...)
			b = append(b, `" href="`...)
			b = appendPageURL(b, abs, alt.lang, u.path)
			b = append(b, `"></xhtml:link>`...)
		}
		b = append(b, "\n </url>"...)
	}
	if len(urls) > 0 {
		b = append(b, '\n')
	}
	return append(b, "</urlset>\n"...)
}

// urlSetSize is about the bytes of the sitemap of urls: grown by
// doubling, the real site's took twice its size in fresh memory.
func urlSetSize(abs string, urls []sitemapURL) int {
	n := 256
	for _, u := range urls {
		n += 256 + 4*(len(abs)+len(u.path)+4)
	}
	return n
}

// appendSitemapIndex appends the sitemap index of the sitemap files
// names.
func appendSitemapIndex(b []byte, abs string, names []string) []byte {
	b = append(b, xml.Header...)
	b = append(b, `<sitemapindex xmlns="`+sitemapNS+`">`...)
	for _, name := range names {
		b = append(b, "\n <sitemap>\n  <loc>"...)
		b = appendEscaped(b, abs+"/"+name)
		b = append(b, "</loc>\n </sitemap>"...)
	}
	if len(names) > 0 {
		b = append(b, '\n')
	}
	return append(b, "</sitemapindex>\n"...)
}

// appendPageURL appends the address of the page at path in lang.
func appendPageURL(b []byte, abs string, lang model.Lang, path string) []byte {
	b = appendEscaped(b, abs)
	b = append(b, '/')
	b = append(b, lang...)
	b = append(b, '/')
	return appendEscaped(b, path)
}

// appendEscaped appends s escaped as xml.EscapeText escapes it. Page
// paths are plain ASCII and are appended as they are.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || strings.IndexByte(`"'&<>`, c) >= 0 {
			var buf bytes.Buffer
			xml.EscapeText(&buf, []byte(s)) // a bytes.Buffer takes every write
			return append(b, buf.Bytes()...)
		}
	}
	return append(b, s...)
}

// robots allows everything and names the sitemap. A portal that serves
// the site under a sub-path merges these lines into its own robots.txt.
func (r *renderer) robots() output.File {
	abs := r.base.Prefix()
	return output.File{Path: manifest.RobotsFile, Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + abs + "/" + manifest.SitemapFile + "\n")}
}

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	Title   atomText   `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary atomText   `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"xml:lang,attr"`
	Title   atomText `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// feed writes the Atom feed of lang: one entry per dated plan and per
// update, newest first. Every date comes from the data, never from the
// clock, so two builds of the same content write the same feed.
func (r *renderer) feed(lang model.Lang) (output.File, error) {
	v := r.newPage(&manifest.Page{}, lang)
	abs := r.base.Prefix()
	t := func(key string, args ...any) string { s, _ := v.L.Tf(key, args...); return s }
	stamp := func(d model.Date) string { return d.Format("2006-01-02") + "T00:00:00Z" }
	var entries []atomEntry
	for _, p := range r.site.Plans {
		if !p.Document.HasDate {
			continue // an undated plan has no place in a dated feed
		}
		url := abs + v.Link.Plan(p)[len(r.base.Path)-1:]
		entries = append(entries, atomEntry{Title: atomText{Text: t("feed.plan", v.PlanName(p))}, ID: url,
			Updated: stamp(p.Document.Date), Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: url}},
			Summary: atomText{Text: v.Tx(p.Title)}})
		for _, it := range p.Items {
			for i, u := range it.Updates {
				iurl := abs + v.Link.Item(it)[len(r.base.Path)-1:]
				// what the update is, as its item's page says it: the kind
				// of its evidence and, for a report, the status it gives
				what := t(u.Kind.MessageKey())
				if u.Status != "" {
					what += ", " + t(u.Status.MessageKey())
				}
				id := fmt.Sprintf("%s#update-%d", iurl, i+1)
				entries = append(entries, atomEntry{
					Title: atomText{Text: t("feed.update", v.PlanName(p), v.Label(it), what)},
					ID:    id, Updated: stamp(u.Date), Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: id}},
					Summary: atomText{Text: updateSummary(v, u)}})
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if entries[i].Updated != entries[j].Updated {
			return entries[i].Updated > entries[j].Updated
		}
		return entries[i].ID < entries[j].ID
	})
	home := abs + "/" + string(lang) + "/"
	f := atomFeed{Lang: string(lang), Title: atomText{Text: v.Tx(r.site.Title)}, ID: home, Entries: entries,
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: home + manifest.FeedPath}, {Rel: "alternate", Type: "text/html", Href: home}}}
	f.Author.Name = v.Tx(r.site.Title)
	if !r.site.Publisher.IsZero() {
		f.Author.Name = v.Tx(r.site.Publisher)
	}
	f.Updated = "2000-01-01T00:00:00Z"
	if len(entries) > 0 {
		f.Updated = entries[0].Updated
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return output.File{}, err
	}
	buf.WriteByte('\n')
	return output.File{Path: string(lang) + "/" + manifest.FeedPath, Data: buf.Bytes()}, nil
}

// updateSummary is an update's text followed by the words each of its
// documents is quoted for, as the item's page shows them.
func updateSummary(v *page, u *model.Update) string {
	parts := []string{v.Tx(u.Text)}
	for _, e := range u.Evidence {
		if e.Quote.VI != "" {
			parts = append(parts, v.Tx(e.Title)+": “"+e.Quote.VI+"”")
		}
	}
	return strings.Join(parts, " ")
}

// nginxRedirects lists the permanent redirects of moved items in a form
// nginx can include in the site's server block, so that portals answer
// old addresses with a real 301 as well as the redirect page.
func (r *renderer) nginxRedirects(man *manifest.Manifest) output.File {
	var b strings.Builder
	// Every path written here is made of ids and the base path, which
	// the loader and manifest.ParseBase hold to letters, digits and
	// "-._~/": nothing in them can end the directive.
	b.WriteString("# Redirects of renumbered items and moved pages. Include this file in the server block.\n")
	for _, p := range man.Pages {
		if p.Kind != manifest.Redirect {
			continue
		}
		target := p.Target // a page moved in redirects.yaml
		if p.Item != nil {
			target = manifest.ItemPath(p.Item)
		}
		if target == "" {
			continue
		}
		for _, l := range model.Langs {
			from := r.base.Path + string(l) + "/" + p.Path
			to := r.base.Path + string(l) + "/" + target
			fmt.Fprintf(&b, "rewrite ^%s$ %s permanent;\n", regexpQuote(from), to)
		}
	}
	return output.File{Path: manifest.NginxRedirectsFile, Data: []byte(b.String())}
}

// regexpQuote escapes the characters nginx's PCRE treats specially.
func regexpQuote(s string) string {
	return strings.NewReplacer(".", `\.`, "+", `\+`, "(", `\(`, ")", `\)`).Replace(s)
}
