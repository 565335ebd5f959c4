package build

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	passageSpan = regexp.MustCompile(`(?s)<span class="?passage"? id="?p-([a-z0-9-]+)"?>(.*?)</span>`)
	passageDiv  = regexp.MustCompile(`(?s)<div class="?passage"? id="?p-([a-z0-9-]+)"?>(.*?)</div>`)
	partSpan    = regexp.MustCompile(`(?s)<span class="?part"?>(.*?)</span>`)
	sourceTable = regexp.MustCompile(`<table class="?source-table"?`)
	sourceH2    = regexp.MustCompile(`<h2>`)
)

// words is a page's text as an item's text is compared with it: tags
// and entities taken out, white space folded.
func words(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(s, ""))), " ")
}

// TestRealSourcePassages reads the source page of every plan of the real
// site: every item has a passage anchor there, and what the anchor
// highlights (the passage's span, or the parts inside the blocks it
// runs through) is the item's whole text; every official source shows
// its headings, the documents written with tables show them as tables,
// and no emphasis marker of the text files is left.
func TestRealSourcePassages(t *testing.T) {
	out, _ := buildReal(t)
	items, across := 0, 0
	for _, p := range mustSite(t).Plans {
		b, err := os.ReadFile(filepath.Join(out, "vi", "plans", p.ID, "source", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		highlighted := map[string]string{}
		for _, m := range passageSpan.FindAllStringSubmatch(page, -1) {
			highlighted[m[1]] = words(m[2])
		}
		for _, m := range passageDiv.FindAllStringSubmatch(page, -1) {
			var parts []string
			for _, part := range partSpan.FindAllStringSubmatch(m[2], -1) {
				parts = append(parts, words(part[1]))
			}
			highlighted[m[1]] = strings.Join(parts, " ")
			across++
		}
		for _, it := range p.Items {
			items++
			got, ok := highlighted[it.ID]
			switch want := strings.Join(strings.Fields(it.Text.VI), " "); {
			case !ok:
				t.Errorf("%s/%s: no passage anchor on the source page", p.ID, it.ID)
			case got != want:
				t.Errorf("%s/%s: the anchor highlights %q, want the item's whole text %q", p.ID, it.ID, got, want)
			}
		}
		if p.SourceKind == "official" && len(sourceH2.FindAllString(page, -1)) < 5 {
			t.Errorf("%s: the source page shows %d headings", p.ID, len(sourceH2.FindAllString(page, -1)))
		}
		if strings.Contains(page, "**") {
			t.Errorf("%s: the source page shows emphasis markers (**)", p.ID)
		}
		data := string(p.Source.Text)
		if (strings.Contains(data, "\n|\n") || strings.Contains(data, "\n(1)\n")) && !sourceTable.MatchString(page) {
			t.Errorf("%s: the source has tables, its page shows none", p.ID)
		}
	}
	if items < 358 || across == 0 {
		t.Errorf("%d items checked, %d passages across paragraphs", items, across)
	}
	t.Logf("%d passages anchored on the source pages, %d of them across paragraphs", items, across)
}

var (
	registerTerm = regexp.MustCompile(`(?s)<dt>([^<]*)</dt><dd>(.*?)</dd>`)
	citeRef      = regexp.MustCompile(`<a class="?cite-ref"? href="?#(src-[a-z0-9-]+)"?>`)
	sourceItem   = regexp.MustCompile(`<li id="?(src-[a-z0-9-]+)"?>`)
)

// TestProgrammePagesCite reads the page of every programme of the real
// site in both languages: every line of its register, and its list of
// pillars, cites a source, and every citation leads to a source listed
// on the page.
func TestProgrammePagesCite(t *testing.T) {
	out, _ := buildReal(t)
	lines := 0
	for _, f := range mustSite(t).Frameworks {
		for _, lang := range []string{"vi", "en"} {
			b, err := os.ReadFile(filepath.Join(out, lang, "frameworks", f.ID, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			listed := map[string]bool{}
			for _, m := range sourceItem.FindAllStringSubmatch(page, -1) {
				listed[m[1]] = true
			}
			register := page[strings.Index(page, `<section class="register"`):]
			register = register[:strings.Index(register, "</section>")]
			for _, m := range registerTerm.FindAllStringSubmatch(register, -1) {
				lines++
				refs := citeRef.FindAllStringSubmatch(m[2], -1)
				if len(refs) == 0 {
					t.Errorf("%s/frameworks/%s: %q cites no source", lang, f.ID, m[1])
				}
				for _, r := range refs {
					if !listed[r[1]] {
						t.Errorf("%s/frameworks/%s: %q cites %s, which the page does not list", lang, f.ID, m[1], r[1])
					}
				}
			}
			if len(f.Pillars) > 0 && !strings.Contains(page[strings.Index(page, `<ul class="cards">`):], `class="cite-ref"`) {
				t.Errorf("%s/frameworks/%s: the pillars cite no source", lang, f.ID)
			}
		}
	}
	if lines < 20 {
		t.Errorf("only %d lines of programme pages read", lines)
	}
}
