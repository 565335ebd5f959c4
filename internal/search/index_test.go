package search

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestIndexPostings: what index records for a few documents, word by
// word: weights, forms and the words side by side.
func TestIndexPostings(t *testing.T) {
	docs := []Doc{
		{Title: "Tuyên truyền", Text: "tuyên truyền, giảm nghèo. TUYÊN"},
		{Title: "Giảm nghèo", named: true, Text: "tuyen truyen"},
		{Title: "x", Text: "\u0301 giảm"}, // a word of a combining mark alone
	}
	want := map[string]jsonPosting{
		"tuyen": {Docs: []int32{0, 3, 1, 1}, Forms: map[string][]int32{"tuyên": {0}},
			Next: map[string][]int32{"truyen": {0, 1}}},
		"truyen": {Docs: []int32{0, 3, 1, 1}, Forms: map[string][]int32{"truyền": {0}}},
		"giam": {Docs: []int32{0, 1, 1, 4, 2, 1}, Forms: map[string][]int32{"giảm": {0, 1, 2}},
			Next: map[string][]int32{"ngheo": {0, 1}}},
		"ngheo": {Docs: []int32{0, 1, 1, 4}, Forms: map[string][]int32{"nghèo": {0, 1}}},
		"x":     {Docs: []int32{2, 3}},
		"":      {Docs: []int32{2, 1}, Forms: map[string][]int32{"\u0301": {2}}},
	}
	got := index(docs)
	for term, p := range want {
		if g := got[term]; g == nil || !reflect.DeepEqual(asMaps(g), p) || !sorted(g) {
			t.Errorf("%q: got %+v, want %+v with keys sorted", term, g, p)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d terms, want %d", len(got), len(want))
	}
}

// phraseWords splits s as words does, the plain way: into phrases at
// punctuation but apostrophes, then each phrase into runs of letters,
// digits and combining marks.
func phraseWords(s string) (out []string) {
	for phrase := range strings.FieldsFuncSeq(s, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' && r != '’' }) {
		first := "^"
		for w := range strings.FieldsFuncSeq(phrase, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
		}) {
			out = append(out, first+w)
			first = ""
		}
	}
	return out
}

func wordsOf(s string) (out []string) {
	for w, first := range words(s) {
		if first {
			w = "^" + w
		}
		out = append(out, w)
	}
	return out
}

func TestWords(t *testing.T) {
	for _, s := range []string{"", "giảm nghèo", "Tuyên truyền, giảm nghèo. TUYÊN", "a'b c’d", "x--y z", "e\u0301 \u0301", "1.5 triệu", "\xff\xfeab", "«Đà Nẵng»"} {
		if got, want := wordsOf(s), phraseWords(s); !reflect.DeepEqual(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Tuyên truyền, giảm nghèo. TUYÊN", "a'b c’d", "e\u0301 \u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordsOf(s), phraseWords(s); !reflect.DeepEqual(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestPostingKeysSorted: a term's forms and following terms are listed
// in key order, as a JSON object's keys are, not in the order first met.
func TestPostingKeysSorted(t *testing.T) {
	p := index([]Doc{{Text: "tuyền tuyến. Tuyên truyền, tuyên an"}})["tuyen"]
	var forms, next []string
	for _, l := range p.Forms {
		forms = append(forms, l.key)
	}
	for _, l := range p.Next {
		next = append(next, l.key)
	}
	if want := []string{"tuyên", "tuyến", "tuyền"}; !reflect.DeepEqual(forms, want) {
		t.Errorf("forms %q, want %q", forms, want)
	}
	if want := []string{"an", "truyen", "tuyen"}; !reflect.DeepEqual(next, want) {
		t.Errorf("next %q, want %q", next, want)
	}
}

// jsonPosting is a posting as encoding/json would write it from maps.
type jsonPosting struct {
	Docs  []int32            `json:"d"`
	Forms map[string][]int32 `json:"f,omitempty"`
	Next  map[string][]int32 `json:"n,omitempty"`
}

func asMaps(p *posting) jsonPosting {
	m := func(lists []keyed) map[string][]int32 {
		if lists == nil {
			return nil
		}
		out := map[string][]int32{}
		for _, l := range lists {
			out[l.key] = l.docs
		}
		return out
	}
	return jsonPosting{p.Docs, m(p.Forms), m(p.Next)}
}

func fromMaps(j jsonPosting) *posting {
	l := func(m map[string][]int32) (out []keyed) {
		for k, docs := range m {
			out = append(out, keyed{k, docs})
		}
		slices.SortFunc(out, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
		return out
	}
	return &posting{j.Docs, l(j.Forms), l(j.Next)}
}

func sorted(p *posting) bool {
	less := func(a, b keyed) int { return strings.Compare(a.key, b.key) }
	return slices.IsSortedFunc(p.Forms, less) && slices.IsSortedFunc(p.Next, less)
}

// TestPostingJSON: the index's own encoder writes what encoding/json
// would from maps, on postings with keys it escapes.
func TestPostingJSON(t *testing.T) {
	postings := []jsonPosting{
		{Docs: []int32{0, 3, 12, 1}},
		{},
		{Docs: []int32{}, Forms: map[string][]int32{}},
		{Docs: []int32{5, 1}, Forms: map[string][]int32{"tuyên": {0, 4}, "tuyền": {1}, "a": nil},
			Next: map[string][]int32{"z": {1}, "b": {2, 3}, "": {0}}},
		{Docs: []int32{-1, 2147483647}, Next: map[string][]int32{
			"<b": {1}, "b>": {1}, "&": {1}, `"q"\`: {2}, "\x01\t": {3}, "\u2028\u2029": {4}, "\xff\xfe": {5}, "đà nẵng": {6}, "\u0301": {7}}},
	}
	for _, d := range index([]Doc{{Title: "Tuyên truyền", Text: "tuyên truyền, giảm nghèo. TUYÊN"}, {Title: "Giảm nghèo", named: true}}) {
		postings = append(postings, asMaps(d))
	}
	for _, j := range postings {
		want, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		if got := fromMaps(j).appendJSON([]byte("x")); string(got) != "x"+string(want) {
			t.Errorf("appendJSON(%+v)\n = %s\nwant x%s", j, got, want)
		}
	}
}
