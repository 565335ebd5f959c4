package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
)

// MaxSitemapURLs is the most URLs one sitemap file may list; larger sites
// get a sitemap index pointing at several files.
const MaxSitemapURLs = 50000

type sitemapLink struct {
	XMLName  xml.Name `xml:"xhtml:link"`
	Rel      string   `xml:"rel,attr"`
	Hreflang string   `xml:"hreflang,attr"`
	Href     string   `xml:"href,attr"`
}

type sitemapURL struct {
	Loc   string        `xml:"loc"`
	Links []sitemapLink `xml:"xhtml:link"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// sitemaps lists every page in both languages, each with its alternates
// (and x-default, the Vietnamese page), as sitemap.xml; past
// MaxSitemapURLs, as sitemap-N.xml files under a sitemap index.
func (r *renderer) sitemaps(man *manifest.Manifest, limit int) ([]output.File, error) {
	abs := r.base.Prefix()
	var urls []sitemapURL
	for _, p := range man.Pages {
		links := []sitemapLink{
			{Rel: "alternate", Hreflang: "vi", Href: abs + "/vi/" + p.Path},
			{Rel: "alternate", Hreflang: "en", Href: abs + "/en/" + p.Path},
			{Rel: "alternate", Hreflang: "x-default", Href: abs + "/vi/" + p.Path},
		}
		for _, l := range model.Langs {
			urls = append(urls, sitemapURL{Loc: abs + "/" + string(l) + "/" + p.Path, Links: links})
		}
	}
	encode := func(v any) ([]byte, error) {
		var buf bytes.Buffer
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(&buf)
		enc.Indent("", " ")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		buf.WriteByte('\n')
		return buf.Bytes(), nil
	}
	const ns, xhtml = "http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/1999/xhtml"
	if len(urls) <= limit {
		b, err := encode(urlset{NS: ns, XHTML: xhtml, URLs: urls})
		return []output.File{{Path: "sitemap.xml", Data: b}}, err
	}
	var out []output.File
	idx := sitemapIndex{NS: ns}
	for i := 0; i*limit < len(urls); i++ {
		part := urls[i*limit : min((i+1)*limit, len(urls))]
		b, err := encode(urlset{NS: ns, XHTML: xhtml, URLs: part})
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		out = append(out, output.File{Path: name, Data: b})
		idx.Sitemaps = append(idx.Sitemaps, struct {
			Loc string `xml:"loc"`
		}{abs + "/" + name})
	}
	b, err := encode(idx)
	return append(out, output.File{Path: "sitemap.xml", Data: b}), err
}

// robots allows everything and names the sitemap. A portal that serves
// the site under a sub-path merges these lines into its own robots.txt.
func (r *renderer) robots() output.File {
	abs := r.base.Prefix()
	return output.File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + abs + "/sitemap.xml\n")}
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
				entries = append(entries, atomEntry{
					Title:   atomText{Text: t("feed.update", v.PlanName(p), v.Label(it), t(u.Status.MessageKey()))},
					ID:      fmt.Sprintf("%s#update-%d", iurl, i+1),
					Updated: stamp(u.Date), Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: iurl}},
					Summary: atomText{Text: v.Tx(u.Text)}})
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
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: home + "feed.xml"}, {Rel: "alternate", Type: "text/html", Href: home}}}
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
	return output.File{Path: string(lang) + "/feed.xml", Data: buf.Bytes()}, nil
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
	return output.File{Path: "nginx-redirects.conf", Data: []byte(b.String())}
}

// regexpQuote escapes the characters nginx's PCRE treats specially.
func regexpQuote(s string) string {
	return strings.NewReplacer(".", `\.`, "+", `\+`, "(", `\(`, ")", `\)`).Replace(s)
}
