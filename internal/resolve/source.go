package resolve

import (
	"index/suffixarray"
	"sort"
	"strings"

	"sitegen/internal/model"
	"sitegen/internal/parallel"
)

// sourceIndex answers whether a text occurs in a source document, as
// sourceWords compares them. The suffix array is built once per document
// in time proportional to it (and once more in lower case, for headings,
// when first asked); a lookup then costs about the length of the text
// times the logarithm of the document's, so a text of any length is
// checked quickly.
type sourceIndex struct {
	words         string
	exact, folded *suffixarray.Index
}

// indexSources indexes every source document a plan names, several at
// once: on a national site of 34 documents, indexing them one after the
// other held up every page for half a second.
func (r *resolver) indexSources() {
	var files []*model.Source
	seen := map[string]bool{}
	for _, p := range r.site.Plans {
		if src, ok := r.site.Sources[p.SourceFile]; ok && !seen[src.File] {
			seen[src.File] = true
			files = append(files, src)
		}
	}
	indexes := make([]*sourceIndex, len(files))
	parallel.For(len(files), func(i int) {
		s := newSourceIndex(files[i].Text)
		s.in(true) // headings are looked up in lower case
		indexes[i] = s
	})
	for i, f := range files {
		r.sources[f.File] = indexes[i]
	}
}

func newSourceIndex(text string) *sourceIndex {
	w := sourceWords(text)
	return &sourceIndex{words: w, exact: suffixarray.New([]byte(w))}
}

// in returns the index to look in: the lower-case one for anyCase, where
// texts are looked up in lower case too.
func (s *sourceIndex) in(anyCase bool) *suffixarray.Index {
	if !anyCase {
		return s.exact
	}
	if s.folded == nil {
		s.folded = suffixarray.New([]byte(strings.ToLower(s.words)))
	}
	return s.folded
}

func (s *sourceIndex) contains(text string, anyCase bool) bool {
	return len(s.in(anyCase).Lookup([]byte(text), 1)) > 0
}

// firstMismatch returns the words of text from the first one at which it
// stops matching the source, so that the error points at the typo. The
// longest matching run of first words is found by halving: if the first
// n words occur, so do the first n-1.
func (s *sourceIndex) firstMismatch(text string, anyCase bool) string {
	words := strings.Fields(text)
	// n is the number of first words that occur together in the source
	n := sort.Search(len(words), func(n int) bool {
		return !s.contains(strings.Join(words[:n+1], " "), anyCase)
	})
	if n == len(words) {
		return ""
	}
	return strings.Join(words[n:min(n+6, len(words))], " ")
}
