// Package e2e is the end-to-end test suite of sitegen: it builds the real
// site from content/ once, serves it with nginx under the sub-path
// /asean/ using the example configuration deploy/nginx.conf, and checks
// it the way a reader, a browser and a validator would.
//
// What it checks (each in its own test):
//
//   - nginx: deploy/nginx.conf serves the site with the right content
//     types (UTF-8 for text), a one-year immutable cache for
//     /asean/assets/, a short cache for pages, the site's 404 page with
//     status 404, and redirects that keep the sub-path.
//   - Pages, in headless Chromium and in both languages, for one page of
//     every page kind (home, plans, a plan, its source, an item,
//     provinces, a province, a province's agency, agencies, an agency,
//     pillars, a pillar, themes, a theme, compare and its three kinds of
//     comparison, glossary, search, about, methodology), the 404 page and
//     a missing address: each loads with the right status, no console
//     error or exception, and no request to another host; the root page
//     leads to /vi/; a search finds items in each language; the language
//     switch of an item page lands on the same item in the other
//     language; an item's permalink and its anchor in its plan bring it
//     into view on a desktop and on a phone; at 360×640 no page scrolls
//     sideways; with JavaScript disabled every page still shows its
//     <main> content and its navigation. TestKindsCovered fails when the
//     manifest gains a kind of page that the suite does not visit.
//   - Standards: every HTML file passes the W3C Nu HTML checker (vnu.jar)
//     with no error; one page of every kind in both languages has no
//     axe-core violation of WCAG 2.1 A and AA; every data/plans/*.json
//     is valid against data/plans/plan.schema.json (JSON Schema 2020-12,
//     ajv).
//   - Links: every internal href and src of every page, anchors included,
//     resolves to a file of the output, and nginx serves each target.
//   - Budgets: no page refers to another host but by the outside
//     addresses the data holds, shown as links marked rel="external"
//     (only canonical and alternate links and meta data carry the site's
//     own address, and namespaces such as SVG's are not references); CSS and JS under
//     /assets total at most 15 KiB each before compression; every item
//     page is at most 30 KiB.
//
// # Running it
//
// The suite is part of `go test ./...` (`make test`). It needs Debian's
// chromium, nginx and a Java runtime, and the Node packages of tests/:
//
//	apt-get install chromium nginx-light default-jre-headless
//	(cd tests && npm ci)
//	go test ./internal/e2e -v
//
// Outside CI a test whose tools are missing is skipped with that hint;
// with CI=true it fails instead, so nothing is skipped in CI (.ci/run
// installs everything). -run selects single tests as usual, e.g.
// `go test ./internal/e2e -run 'TestBrowser/no-javascript' -v`. With -v
// the suite logs the largest page of each kind and how many pages and
// links each checker covered.
package e2e

import "strings"

// KindOf names the kind of an output file from the shape of its path
// relative to the output root ("vi/plans/x/index.html"): the kinds of
// internal/manifest for pages under a language, "root" for the root
// index.html, "404" for 404.html and each language's 404.html, and
// "other" for any other file.
func KindOf(rel string) string {
	switch rel {
	case "index.html":
		return "root"
	case "404.html", "vi/404.html", "en/404.html":
		return "404"
	}
	if !strings.HasSuffix(rel, "/index.html") {
		return "other"
	}
	parts := strings.Split(strings.TrimSuffix(rel, "index.html"), "/")
	parts = parts[:len(parts)-1] // the empty element after the last "/"
	if len(parts) == 0 || (parts[0] != "vi" && parts[0] != "en") {
		return "other"
	}
	p := parts[1:]
	switch {
	case len(p) == 0:
		return "home"
	case len(p) == 1:
		switch p[0] {
		case "plans", "provinces", "agencies", "pillars", "themes", "compare", "glossary", "search":
			return p[0]
		}
		return "page"
	case len(p) == 2:
		switch p[0] {
		case "plans":
			return "plan"
		case "provinces":
			return "province"
		case "agencies":
			return "agency"
		case "pillars":
			return "pillar"
		case "themes":
			return "theme"
		case "frameworks":
			return "framework"
		}
	case len(p) == 3:
		switch {
		case p[0] == "plans" && p[2] == "source":
			return "source"
		case p[0] == "plans":
			return "item"
		case p[0] == "compare" && p[1] == "pillars":
			return "compare-pillar"
		case p[0] == "compare" && p[1] == "themes":
			return "compare-theme"
		case p[0] == "compare" && p[1] == "agencies":
			return "compare-agency"
		}
	case len(p) == 4:
		if p[0] == "provinces" && p[2] == "agencies" {
			return "province-agency"
		}
	}
	return "other"
}
