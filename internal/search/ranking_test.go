package search

import (
	"fmt"
	"slices"
	"testing"

	"sitegen/internal/fold"
)

// rankingDocs is a small index whose documents each isolate one rule of
// the ranking. Documents 11 to 15 only fill the first block, so that
// document 16 lies in the second.
func rankingDocs() []Doc {
	docs := []Doc{
		{URL: "/text-giam-ngheo", Title: "Kế hoạch", Text: "Giảm nghèo bền vững"},
		{URL: "/title-giam-ngheo", Title: "Giảm nghèo", Text: "Kế hoạch"},
		{URL: "/giam-only", Title: "Giảm phát thải"},
		{URL: "/nang-grave", Text: "cô nàng"},
		{URL: "/nang-circumflex", Text: "nâng cao"},
		{URL: "/nghe", Text: "nghề"},
		{URL: "/mango-a-h-1", Text: "mangoa mangob mangoc mangod mangoe mangof mangog mangoh"},
		{URL: "/mango-a-h-2", Text: "mangoa mangob mangoc mangod mangoe mangof mangog mangoh"},
		{URL: "/mango-i", Text: "mangoi"},
		{URL: "/greek", Title: "Ωmega"},
		{URL: "/hangul", Title: "한국어"},
		{URL: "/province", Title: "Kế hoạch 10", extra: []string{"Đà Lạt"}},
	}
	for i := len(docs); i < BlockSize; i++ {
		docs = append(docs, Doc{URL: fmt.Sprintf("/filler-%d", i)})
	}
	return append(docs, Doc{URL: "/second-block", Text: "cuối cao"})
}

// TestRanking runs assets/search.js under Node on the index that
// indexFiles writes for rankingDocs.
func TestRanking(t *testing.T) {
	files, err := indexFiles([][]Doc{rankingDocs()}, []string{"vi/search/"})
	if err != nil {
		t.Fatal(err)
	}
	site := WriteSite(t, files)
	tests := []struct {
		name  string
		q     string
		size  int
		want  []string // URLs of the first page, in order
		total int
		files []string // when not nil, exactly the files downloaded
	}{
		{"folded words match accented ones, a title counts thrice the text", "giam ngheo", 10,
			[]string{"/title-giam-ngheo", "/text-giam-ngheo"}, 2,
			[]string{"d/0.json", "meta.json", "p/g.bin bytes=0-72", "p/n.bin bytes=91-142", "t/gi.json", "t/ng.json"}},
		{"typed with diacritics", "giảm nghèo", 10, []string{"/title-giam-ngheo", "/text-giam-ngheo"}, 2, nil},
		{"word order does not matter", "ngheo giam", 10, []string{"/title-giam-ngheo", "/text-giam-ngheo"}, 2, nil},
		{"equal scores keep document order", "giam", 10, []string{"/title-giam-ngheo", "/giam-only", "/text-giam-ngheo"}, 3, nil},
		{"the first page only", "giam", 2, []string{"/title-giam-ngheo", "/giam-only"}, 3, nil},
		{"exact diacritics rank first", "nâng", 10, []string{"/nang-circumflex", "/nang-grave"}, 2, nil},
		{"other exact diacritics rank first", "nàng", 10, []string{"/nang-grave", "/nang-circumflex"}, 2, nil},
		{"without diacritics, document order", "nang", 10, []string{"/nang-grave", "/nang-circumflex"}, 2, nil},
		{"a whole word counts twice a word it begins; a title still wins", "nghe", 10,
			[]string{"/title-giam-ngheo", "/nghe", "/text-giam-ngheo"}, 3, nil},
		{"the last word matches as a prefix", "giam ngh", 10, []string{"/title-giam-ngheo", "/text-giam-ngheo"}, 2, nil},
		{"an earlier word does not", "ngh giam", 10, nil, 0, nil},
		{"a one-letter last word is not a prefix", "g", 10, nil, 0, nil},
		{"every word must match", "giam thai", 10, []string{"/giam-only"}, 1, nil},
		{"a prefix stands for the eight most frequent terms", "mango", 10, []string{"/mango-a-h-1", "/mango-a-h-2"}, 2, nil},
		{"the ninth is found whole", "mangoi", 10, []string{"/mango-i"}, 1, nil},
		{"words outside ASCII", "Ωmega", 10, []string{"/greek"}, 1, nil},
		{"words outside ASCII, as a prefix", "ωme", 10, []string{"/greek"}, 1, nil},
		{"syllables that decompose", "한국어", 10, []string{"/hangul"}, 1, nil},
		{"words matched but not shown", "da lat", 10, []string{"/province"}, 1, nil},
		{"only the block of the results shown", "cuoi", 10, []string{"/second-block"}, 1,
			[]string{"d/1.json", "meta.json", "p/c.bin bytes=60-108", "t/cu.json"}},
		{"results from two blocks", "cao", 10, []string{"/nang-circumflex", "/second-block"}, 2,
			[]string{"d/0.json", "d/1.json", "meta.json", "p/c.bin bytes=0-15", "t/ca.json"}},
		{"no such word", "zzz", 10, nil, 0, []string{"meta.json"}},
		{"no word at all", " , ", 10, nil, 0, []string{}},
	}
	queries := make([]ScriptQuery, len(tests))
	for i, tc := range tests {
		queries[i] = ScriptQuery{Lang: "vi", Q: tc.q, Size: tc.size}
	}
	results, _ := RunScript(t, site, queries, nil)
	for i, tc := range tests {
		res := results[i]
		var got []string
		for _, d := range res.Docs {
			got = append(got, d.URL)
		}
		if !slices.Equal(got, tc.want) || res.Total != tc.total {
			t.Errorf("%s: %q found %d: %v; want %d: %v", tc.name, tc.q, res.Total, got, tc.total, tc.want)
		}
		if tc.files != nil {
			want := make([]string, len(tc.files))
			for j, f := range tc.files {
				want[j] = "vi/search/" + f
			}
			if !slices.Equal(res.Files, want) {
				t.Errorf("%s: %q downloaded %v; want %v", tc.name, tc.q, res.Files, want)
			}
		}
	}
}

// TestScriptFoldsLikeIndex: the index folds words in Go (package fold),
// the page folds the query in JavaScript; a word found in one form and
// not the other would silently never match.
func TestScriptFoldsLikeIndex(t *testing.T) {
	texts := []string{
		"Giảm nghèo", "ĐÀ NẴNG", "Sở Lao động - Thương binh và Xã hội", "Nguyễn Thị Ánh",
		"thuỷ lợi", "thủy lợi", "Gia\u0309m ngh\u00e8o", // the same words decomposed
		"naïve café", "İstanbul", "Ωmega", "한국어", "سَلام", // a mark outside U+0300-U+036F
	}
	_, folded := RunScript(t, t.TempDir(), nil, texts)
	for i, s := range texts {
		if want := fold.Key(s); folded[i] != want {
			t.Errorf("%q: the page folds it to %+q, the index to %+q", s, folded[i], want)
		}
	}
}

// TestRankingAcrossLanguages: on the English site a Vietnamese query
// finds items by their Vietnamese heading and text, and syllables found
// side by side ("giảm nghèo", one word) rank above the same syllables
// apart ("giám sát … nghèo", other words).
func TestRankingAcrossLanguages(t *testing.T) {
	docs := []Doc{
		{URL: "/giam-sat", Title: "Monitor the implementation", otherTitle: "Giám sát việc thực hiện", otherText: "chính sách cho hộ nghèo"},
		{URL: "/phrase-in-text", Title: "Carry out the programme", otherText: "Thực hiện chương trình giảm nghèo bền vững"},
		{URL: "/phrase-in-heading", Title: "Sustainable poverty reduction", otherTitle: "Giảm nghèo bền vững"},
		{URL: "/apart", Title: "Giảm chi phí", Text: "hộ nghèo"},
		{URL: "/across-a-comma", Text: "giảm, nghèo"},
		{URL: "/unrelated", Title: "Vocational training", otherTitle: "Đào tạo nghề"},
	}
	files, err := indexFiles([][]Doc{docs}, []string{"en/search/"})
	if err != nil {
		t.Fatal(err)
	}
	site := WriteSite(t, files)
	tests := []struct {
		name string
		q    string
		want []string
	}{
		{"side by side first, a heading above the text", "giam ngheo",
			[]string{"/phrase-in-heading", "/phrase-in-text", "/giam-sat", "/apart", "/across-a-comma"}},
		{"exact diacritics above folded ones", "giảm nghèo",
			[]string{"/phrase-in-heading", "/phrase-in-text", "/apart", "/giam-sat", "/across-a-comma"}},
		{"side by side only in the order typed", "ngheo giam",
			[]string{"/phrase-in-heading", "/giam-sat", "/apart", "/phrase-in-text", "/across-a-comma"}},
		{"the last word typed half-way", "giam ngh",
			[]string{"/phrase-in-heading", "/phrase-in-text", "/giam-sat", "/apart", "/across-a-comma"}},
		{"the page's own language", "poverty", []string{"/phrase-in-heading"}},
	}
	queries := make([]ScriptQuery, len(tests))
	for i, tc := range tests {
		queries[i] = ScriptQuery{Lang: "en", Q: tc.q, Size: 10}
	}
	results, _ := RunScript(t, site, queries, nil)
	for i, tc := range tests {
		var got []string
		for _, d := range results[i].Docs {
			got = append(got, d.URL)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q found %v; want %v", tc.name, tc.q, got, tc.want)
		}
	}
}
