package search_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitegen/internal/build"
	"sitegen/internal/manifest"
	"sitegen/internal/search"
	"sitegen/internal/sitetest"
)

// realIndex renders the real site in memory and returns its files.
func realIndex(t *testing.T) map[string][]byte {
	t.Helper()
	files, _, err := build.Render(build.Options{Content: os.DirFS(filepath.Join(sitetest.Root(), "content")), Theme: sitetest.Theme(t), Base: manifest.Base{Path: "/"}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

func TestQueries(t *testing.T) {
	files := realIndex(t)
	tests := []struct {
		lang, q, wantURL string // a result among the first page
	}{
		{"vi", "giam ngheo", "/vi/themes/poverty-reduction/"},
		{"vi", "giảm nghèo", "/vi/themes/poverty-reduction/"},
		{"en", "poverty", "/vi/themes/poverty-reduction/"},
		{"vi", "Da Nang", "/vi/plans/da-nang-3881-2021/"},
		{"en", "Da Nang", "/en/plans/da-nang-3881-2021/"},
		{"vi", "DOLISA", "/vi/agencies/dolisa/"},
		{"vi", "so lao dong", "/vi/agencies/dolisa/"},
	}
	for _, tc := range tests {
		res, err := search.Query(files, tc.lang, tc.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if tc.lang == "en" {
			tc.wantURL = strings.Replace(tc.wantURL, "/vi/", "/en/", 1)
		}
		found := false
		for _, d := range res.Docs {
			found = found || d.URL == tc.wantURL
		}
		if !found {
			var got []string
			for _, d := range res.Docs {
				got = append(got, d.URL)
			}
			t.Errorf("%s %q: %s not among the first results %v", tc.lang, tc.q, tc.wantURL, got)
		}
		if strings.Contains(tc.q, "ngh") || tc.q == "poverty" {
			task := false
			for _, d := range res.Docs {
				task = task || strings.Contains(d.URL, "/plans/") && strings.Contains(strings.ToLower(d.Text), map[string]string{"vi": "nghèo", "en": "poverty"}[tc.lang])
			}
			if !task {
				t.Errorf("%s %q: no poverty task among the first results", tc.lang, tc.q)
			}
		}
		if res.Bytes > 150_000 {
			t.Errorf("%s %q downloads %d bytes, over the 150 KB budget", tc.lang, tc.q, res.Bytes)
		}
		t.Logf("%s %q: %d results, %d bytes in %d files", tc.lang, tc.q, res.Total, res.Bytes, len(res.Files))
	}
}

// TestExactDiacriticsRankFirst: "nâng" and "nang" fold alike; typed with
// its diacritics, a word ranks the documents that spell it so first.
func TestExactDiacriticsRankFirst(t *testing.T) {
	files := realIndex(t)
	res, err := search.Query(files, "vi", "nâng cao", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) == 0 || !strings.Contains(res.Docs[0].Text+res.Docs[0].Title, "nâng cao") {
		t.Errorf("first result for %q does not contain it: %+v", "nâng cao", res.Docs[:min(1, len(res.Docs))])
	}
}

func TestNoMatch(t *testing.T) {
	res, err := search.Query(realIndex(t), "en", "zzzqqq", 10)
	if err != nil || res.Total != 0 {
		t.Errorf("got %d results, %v", res.Total, err)
	}
}
