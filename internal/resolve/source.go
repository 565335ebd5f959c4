package resolve

import (
	"index/suffixarray"
	"sort"
	"strings"
)

// sourceIndex answers whether a text occurs in a source document, with
// white space collapsed on both sides. The suffix array is built once
// per document in time proportional to it; a lookup then costs about
// the length of the text times the logarithm of the document's, so an
// item of any length is checked quickly.
type sourceIndex struct {
	index *suffixarray.Index
}

func newSourceIndex(text string) *sourceIndex {
	return &sourceIndex{index: suffixarray.New([]byte(normSpace(text)))}
}

// normSpace collapses white space, for comparing text with a source.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func (s *sourceIndex) contains(text string) bool {
	return len(s.index.Lookup([]byte(text), 1)) > 0
}

// firstMismatch returns the words of text from the first one at which it
// stops matching the source, so that the error points at the typo. The
// longest matching run of first words is found by halving: if the first
// n words occur, so do the first n-1.
func (s *sourceIndex) firstMismatch(text string) string {
	words := strings.Fields(text)
	// n is the number of first words that occur together in the source
	n := sort.Search(len(words), func(n int) bool {
		return !s.contains(strings.Join(words[:n+1], " "))
	})
	if n == len(words) {
		return ""
	}
	return strings.Join(words[n:min(n+6, len(words))], " ")
}
