package search_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitegen/internal/build"
	"sitegen/internal/manifest"
	"sitegen/internal/output"
	"sitegen/internal/search"
	"sitegen/internal/sitetest"
)

// TestRealSiteQueries renders the real site once, writes its search
// index, and runs readers' queries on it with the search page's script.
func TestRealSiteQueries(t *testing.T) {
	rendered, _, err := build.Render(build.Options{Content: os.DirFS(filepath.Join(sitetest.Root(), "content")), Theme: sitetest.Theme(t), Base: manifest.Base{Path: "/"}})
	if err != nil {
		t.Fatal(err)
	}
	var files []output.File
	for _, f := range rendered {
		if strings.HasPrefix(f.Path, "vi/search/") || strings.HasPrefix(f.Path, "en/search/") {
			files = append(files, f)
		}
	}
	site := search.WriteSite(t, files)

	type query struct {
		lang, q, wantURL string // a result among the first page
	}
	found := []query{
		{"vi", "giam ngheo", "/vi/themes/poverty-reduction/"},
		{"vi", "giảm nghèo", "/vi/themes/poverty-reduction/"},
		{"en", "poverty", "/en/themes/poverty-reduction/"},
		{"vi", "Da Nang", "/vi/plans/da-nang-3881-2021/"},
		{"en", "Da Nang", "/en/plans/da-nang-3881-2021/"},
		{"vi", "DOLISA", "/vi/agencies/dolisa/"},
		{"vi", "so lao dong", "/vi/agencies/dolisa/"},
		// a Vietnamese query on the English site, with or without accents
		{"en", "giam ngheo", "/en/plans/thanh-hoa-208-2021/iii-3-2-a/"},
		{"en", "giảm nghèo", "/en/plans/thanh-hoa-208-2021/iii-3-2-a/"},
	}
	queries := []search.ScriptQuery{
		{Lang: "vi", Q: "nâng cao", Size: 10},
		{Lang: "en", Q: "zzzqqq", Size: 10},
		{Lang: "vi", Q: "giam ngheo", Size: 100},
		{Lang: "en", Q: "giam ngheo", Size: 100},
	}
	const fixed = 4 // queries before those of found
	for _, tc := range found {
		queries = append(queries, search.ScriptQuery{Lang: tc.lang, Q: tc.q, Size: 10})
	}
	results, _ := search.RunScript(t, site, queries, nil)

	// "nâng" and "nang" fold alike; typed with its diacritics, a word
	// ranks the documents that spell it so first.
	t.Run("exact diacritics rank first", func(t *testing.T) {
		docs := results[0].Docs
		if len(docs) == 0 || !strings.Contains(docs[0].Text+docs[0].Title, "nâng cao") {
			t.Errorf("first result for %q does not contain it: %+v", "nâng cao", docs[:min(1, len(docs))])
		}
	})
	t.Run("no match", func(t *testing.T) {
		if res := results[1]; res.Total != 0 || len(res.Docs) != 0 {
			t.Errorf("%q: got %d results", "zzzqqq", res.Total)
		}
	})
	// Thanh Hóa's task III.3.2.a has "giảm nghèo" in its heading;
	// III.2.1.a has "giám sát" and "nghèo" but not side by side.
	for _, res := range results[2:4] {
		lang := res.Docs[0].URL[1:3]
		t.Run(lang+" side by side above apart", func(t *testing.T) {
			at := map[string]int{}
			for i, d := range res.Docs {
				at[d.URL] = i + 1
				if strings.Contains(d.URL, "/plans/") && !strings.Contains(d.Context, " · ") {
					t.Errorf("%s: no province and plan beside the result: %q", d.URL, d.Context)
				}
			}
			heading, apart := at["/"+lang+"/plans/thanh-hoa-208-2021/iii-3-2-a/"], at["/"+lang+"/plans/thanh-hoa-208-2021/iii-2-1-a/"]
			if heading == 0 || apart == 0 || heading > apart {
				t.Errorf("%q: III.3.2.a is result %d, III.2.1.a result %d; want both found, III.3.2.a first", "giam ngheo", heading, apart)
			}
		})
	}
	for i, tc := range found {
		res := results[i+fixed]
		t.Run(tc.lang+" "+tc.q, func(t *testing.T) {
			var got []string
			for _, d := range res.Docs {
				got = append(got, d.URL)
			}
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+tc.wantURL+" ") {
				t.Errorf("%s not among the first results %v", tc.wantURL, got)
			}
			if strings.Contains(tc.q, "ngh") || tc.q == "poverty" {
				word := map[string]string{"vi": "nghèo", "en": "poverty"}[tc.lang]
				if tc.lang == "en" && tc.q != "poverty" {
					word = "poverty reduction" // the English of the Vietnamese words typed
				}
				task := false
				for _, d := range res.Docs {
					task = task || strings.Contains(d.URL, "/plans/") && strings.Contains(strings.ToLower(d.Text), word)
				}
				if !task {
					t.Errorf("no poverty task among the first results")
				}
			}
			if res.Bytes > 150_000 {
				t.Errorf("downloads %d bytes, over the 150 KB budget", res.Bytes)
			}
			t.Logf("%d results, %d bytes in %d files", res.Total, res.Bytes, len(res.Files))
		})
	}
}
