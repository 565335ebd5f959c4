package search

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sitegen/internal/output"
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
	got := postingsOf(t, docs)
	for term, p := range want {
		if g, ok := got[term]; !ok || !reflect.DeepEqual(g, p) {
			t.Errorf("%q: got %+v, want %+v", term, g, p)
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
	ix := index([][]Doc{{{Text: "tuyền tuyến. Tuyên truyền, tuyên an"}}})
	raw := ix.sorted().appendPosting(nil, ix.langs[0], ix.terms.of["tuyen"])
	forms, next := keysOf(t, raw, "f"), keysOf(t, raw, "n")
	if want := []string{"tuyên", "tuyến", "tuyền"}; !reflect.DeepEqual(forms, want) {
		t.Errorf("forms %q, want %q", forms, want)
	}
	if want := []string{"an", "truyen", "tuyen"}; !reflect.DeepEqual(next, want) {
		t.Errorf("next %q, want %q", next, want)
	}
}

// jsonPosting is a term's postings as written, with document numbers
// made absolute again.
type jsonPosting struct {
	Docs  []int32            `json:"d"`
	Forms map[string][]int32 `json:"f,omitempty"`
	Next  map[string][]int32 `json:"n,omitempty"`
}

// postingsOf indexes docs as the documents of one language and reads
// back each term's postings as the index writes them.
func postingsOf(t *testing.T, docs []Doc) map[string]jsonPosting {
	t.Helper()
	ix := index([][]Doc{docs})
	ps := ix.sorted()
	out := map[string]jsonPosting{}
	for _, term := range ps.order {
		raw := ps.appendPosting(nil, ix.langs[0], term)
		var p jsonPosting
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatalf("%q: %v: %s", ix.terms.all[term], err, raw)
		}
		for i, prev := 0, int32(0); i+1 < len(p.Docs); i += 2 {
			p.Docs[i] += prev
			prev = p.Docs[i]
		}
		for _, lists := range []map[string][]int32{p.Forms, p.Next} {
			for _, ids := range lists {
				for i := 1; i < len(ids); i++ {
					ids[i] += ids[i-1]
				}
			}
		}
		out[ix.terms.all[term]] = p
	}
	return out
}

// keysOf lists the keys of the object field of a term's postings, in the
// order written.
func keysOf(t *testing.T, raw []byte, field string) []string {
	t.Helper()
	var p map[string]json.RawMessage
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	obj, ok := p[field]
	if !ok {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(obj))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 {
				keys = append(keys, v)
			}
		}
	}
	return keys
}

// TestJSONString: the index writes its keys as encoding/json does,
// escapes included.
func TestJSONString(t *testing.T) {
	for _, s := range []string{"", "tuyên", "<b", "b>", "&", `"q"\`, "\x01\t", "\u2028\u2029", "\xff\xfe", "đà nẵng", "\u0301"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want x%s", s, got, want)
		}
	}
}

// TestLanguagesReadTogether: indexing the languages in one pass, reading
// the texts they share once, writes each language's files as indexing
// it alone does.
func TestLanguagesReadTogether(t *testing.T) {
	vi := []Doc{
		{URL: "/vi/a", Title: "Giảm nghèo bền vững", otherTitle: "Sustainable poverty reduction", Context: "Đà Nẵng · Kế hoạch 1",
			Text: "Tuyên truyền, giảm nghèo.", otherText: "Raise awareness, reduce poverty.", extra: []string{"Đà Nẵng, Da Nang", "Kế hoạch", "Sở Lao động"}},
		{URL: "/vi/b", Title: "Đào tạo nghề", otherTitle: "Vocational training", Text: "nghề", extra: []string{"Đà Nẵng, Da Nang", "Sở Lao động"}, named: true},
		{URL: "/vi/c", Title: "Chỉ tiếng Việt", Text: "nghèo đa chiều", extra: []string{"Kế hoạch"}},
	}
	en := []Doc{
		{URL: "/en/a", Title: "Sustainable poverty reduction", otherTitle: "Giảm nghèo bền vững", Context: "Da Nang · Plan 1",
			Text: "Raise awareness, reduce poverty.", otherText: "Tuyên truyền, giảm nghèo.", extra: []string{"Đà Nẵng, Da Nang", "Plan", "Sở Lao động"}},
		{URL: "/en/b", Title: "Vocational training", otherTitle: "Đào tạo nghề", Text: "nghề", extra: []string{"Đà Nẵng, Da Nang", "Sở Lao động"}, named: true},
		{URL: "/en/c", Title: "English only", Text: "multidimensional poverty", extra: []string{"Plan", "Plan"}},
	}
	together, err := indexFiles([][]Doc{vi, en}, []string{"vi/search/", "en/search/"})
	if err != nil {
		t.Fatal(err)
	}
	var apart []output.File
	for _, l := range []struct {
		docs   []Doc
		prefix string
	}{{vi, "vi/search/"}, {en, "en/search/"}} {
		files, err := indexFiles([][]Doc{l.docs}, []string{l.prefix})
		if err != nil {
			t.Fatal(err)
		}
		apart = append(apart, files...)
	}
	if len(together) != len(apart) {
		t.Fatalf("%d files together, %d apart", len(together), len(apart))
	}
	for i := range together {
		if together[i].Path != apart[i].Path || !bytes.Equal(together[i].Data, apart[i].Data) {
			t.Errorf("together %s:\n%s\napart %s:\n%s", together[i].Path, together[i].Data, apart[i].Path, apart[i].Data)
		}
	}
	if _, err := indexFiles([][]Doc{vi, en[:2]}, []string{"vi/search/", "en/search/"}); err == nil {
		t.Error("languages with different numbers of documents: no error")
	}
}
