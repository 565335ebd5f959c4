package sitetest

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// LinkReport is what CheckLinks found.
type LinkReport struct {
	Followed int
	// Targets maps each file linked to, to one page that links to it.
	Targets  map[string]string
	Problems []string
}

// CheckLinks follows every href and src of pages (paths in the output
// directory out, e.g. "vi/index.html") to a file of out, anchors
// included. The site is published under basePath ("/asean/"); links to
// host, the site's own address (in canonical links), count as internal.
// A link to any other host is reported unless the page marks it as an
// outside reference the data gives (an update's evidence, where a source
// or a change was read, the publisher's contact), with rel="external":
// Markdown can make no such link, so commentary never depends on another
// site. Such a reference is an http(s) address, or a mailto: one for the
// publisher's e-mail address.
// externalLink is an outside reference as the theme writes one.
var externalLink = regexp.MustCompile(`<a href="?([^" >]*)"?[^>]*\srel="?external`)

func CheckLinks(out string, pages map[string][]byte, basePath, host string) LinkReport {
	rep := LinkReport{Targets: map[string]string{}}
	ids := map[string]map[string]bool{}
	idsOf := func(page string) map[string]bool {
		if ids[page] == nil {
			ids[page] = map[string]bool{}
			data, ok := pages[page]
			if !ok {
				data, _ = os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
			}
			for _, m := range idAttr.FindAllSubmatch(data, -1) {
				ids[page][string(m[1])] = true
			}
		}
		return ids[page]
	}
	names := make([]string, 0, len(pages))
	for p := range pages {
		names = append(names, p)
	}
	sort.Strings(names)
	problem := func(format string, args ...any) { rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...)) }
	for _, p := range names {
		external := map[string]bool{}
		for _, m := range externalLink.FindAllSubmatch(pages[p], -1) {
			external[html.UnescapeString(string(m[1]))] = true
		}
		for _, ref := range Links(pages[p]) {
			u, err := url.Parse(ref)
			if err != nil {
				problem("%s: bad link %q: %v", p, ref, err)
				continue
			}
			if u.Host == host && (u.Scheme == "http" || u.Scheme == "https") {
				u.Scheme, u.Host = "", "" // the site's own address, as in canonical links
			}
			if u.Scheme != "" || u.Host != "" {
				if !external[ref] || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto") {
					problem("%s: link %q goes to another host", p, ref)
				}
				continue
			}
			// relative links (Markdown pages use them) resolve against
			// the page's own address
			base := &url.URL{Path: basePath + strings.TrimSuffix(p, "index.html")}
			u = base.ResolveReference(u)
			target := p
			if u.Path != base.Path {
				rest, ok := strings.CutPrefix(u.Path, basePath)
				if !ok {
					problem("%s: link %q leaves %s", p, ref, basePath)
					continue
				}
				target = rest
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
				if info, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil || info.IsDir() {
					problem("%s: link %q: %s is not a file of the output", p, ref, target)
					continue
				}
			}
			if u.Fragment != "" && path.Ext(target) == ".html" && !idsOf(target)[u.Fragment] {
				problem("%s: link %q: no element with id %q in %s", p, ref, u.Fragment, target)
			}
			if _, ok := rep.Targets[target]; !ok {
				rep.Targets[target] = p
			}
			rep.Followed++
		}
	}
	return rep
}
