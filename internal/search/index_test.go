package search

import (
	"reflect"
	"testing"
)

// TestIndexPostings: what index records for a few documents, word by
// word: weights, forms and the words side by side.
func TestIndexPostings(t *testing.T) {
	docs := []Doc{
		{Title: "Tuyên truyền", Text: "tuyên truyền, giảm nghèo. TUYÊN"},
		{Title: "Giảm nghèo", named: true, Text: "tuyen truyen"},
		{Title: "x", Text: "\u0301 giảm"}, // a word of a combining mark alone
	}
	want := map[string]*posting{
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
		if !reflect.DeepEqual(got[term], p) {
			t.Errorf("%q: got %+v, want %+v", term, got[term], p)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d terms, want %d", len(got), len(want))
	}
}
