package resolve

import (
	"index/suffixarray"
	"sort"
	"strings"

	"sitegen/internal/model"
	"sitegen/internal/parallel"
)

// sourceIndex answers whether a text occurs in a source document, as
// sourceWords compares them, exactly or in any letter case.
//
// A plan's texts mostly follow its document's order, so each is first
// looked for a little way on from where the one before it was found; on
// the real site 571 of 593 are found there. The rest (a plan's register is
// checked before its items, and its reporting deadline is at the end of
// the document) are looked for in the whole document, until scanning it
// has cost as much as indexing it. After that a suffix array answers: a
// lookup costs about the length of the text times the logarithm of the
// document's, so a plan whose texts are out of order, or a text of any
// length, is still checked in time proportional to the texts. Building
// both arrays for every document took a fifth of the time between
// starting a build and rendering its first page.
type sourceIndex struct {
	byCase [2]sourceText // exact, then lower case
}

// sourceText is a source document's words in one letter case.
type sourceText struct {
	words string
	// next is where the last text found began: the next text is looked
	// for from there on
	next int
	// scanned is the bytes read looking through the whole words
	scanned int
	suffix  *suffixarray.Index // nil until needed
}

// nearby is how far past the last text found a text is looked for
// before the whole document is: room for the headings, numbers and
// skipped passages between one text of a plan and the next.
const nearby = 16 << 10

// scanBudget is how many times over a document's words are read, looking
// through the whole of it for texts, before it is indexed instead. For
// the largest real source (76 KB), building a suffix array took 2.6 ms
// and one look through the words 3-40 µs, depending on how common the
// text's first letters are: 32 looks cost at most half an index.
const scanBudget = 32

// indexSources prepares every source document a plan names, several at
// once.
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
		indexes[i] = newSourceIndex(files[i].Text)
	})
	for i, f := range files {
		r.sources[f.File] = indexes[i]
	}
}

func newSourceIndex(text string) *sourceIndex {
	w := sourceWords(text)
	return &sourceIndex{byCase: [2]sourceText{{words: w}, {words: strings.ToLower(w)}}}
}

// in returns the words to look in: the lower-case ones for anyCase,
// where texts are looked up in lower case too.
func (s *sourceIndex) in(anyCase bool) *sourceText {
	if anyCase {
		return &s.byCase[1]
	}
	return &s.byCase[0]
}

func (s *sourceIndex) contains(text string, anyCase bool) bool {
	return s.in(anyCase).find(text) >= 0
}

// find returns where text begins in the words, or -1.
func (t *sourceText) find(text string) int {
	from := t.next
	if i := strings.Index(t.words[from:min(len(t.words), from+nearby+len(text))], text); i >= 0 {
		t.next = from + i
		return t.next
	}
	if t.suffix == nil && t.scanned < scanBudget*len(t.words) {
		t.scanned += len(t.words)
		i := strings.Index(t.words, text)
		if i >= 0 {
			t.next = i
		}
		return i
	}
	if t.suffix == nil {
		t.suffix = suffixarray.New([]byte(t.words))
	}
	at := t.suffix.Lookup([]byte(text), 1)
	if len(at) == 0 {
		return -1
	}
	t.next = at[0]
	return t.next
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
