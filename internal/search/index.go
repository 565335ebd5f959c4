package search

import (
	"sitegen/internal/fold"

	"slices"
	"strconv"
	"strings"
)

// index reads the documents of every language in one pass: docs[l][i]
// is page i in language l, so that a page has one number in every
// language. Most of what an item is found by is the same in both
// languages (its heading and text in each, its province and agencies);
// such a text is read once and taken into every language that holds it.
// Reading each language apart read every item's texts twice.
func index(docs [][]Doc) *indexer {
	ix := newIndexer(len(docs))
	// The maps of words and pairs are sized from the texts' bytes,
	// which otherwise grew by splitting their tables over and over: on
	// the real site a word as written came in 220 bytes of a language's
	// texts, a term in 300, a form in 830 and a pair of terms in 62.
	// Vocabularies stop growing long before texts do, so the sizes are
	// capped.
	n := 0
	for _, d := range docs[0] {
		n += len(d.Title) + len(d.otherTitle) + len(d.Context) + len(d.Text) + len(d.otherText)
		for _, x := range d.extra {
			n += len(x)
		}
	}
	terms, forms, pairs := min(n/256, 1<<15), min(n/768, 1<<14), min(n/60, 1<<17)
	ix.words = make(map[string]word, min(n/200, 1<<15))
	ix.terms.of = make(map[string]int32, terms)
	ix.forms.of = make(map[string]int32, forms)
	ix.pairs.of = make(map[uint64]int32, pairs)
	// and so are the lists by number, which grow with them
	ix.terms.all = make([]string, 0, terms)
	ix.forms.all = make([]string, 0, forms)
	ix.formTerm = make([]int32, 0, forms)
	ix.pairs.all = make([]uint64, 0, pairs)
	for _, li := range ix.langs {
		li.terms, li.weight = make([]docList, 0, terms), make([]int32, 0, terms)
		li.forms, li.formSeen = make([]docList, 0, forms), make([]int32, 0, forms)
		li.pairs, li.pairSeen = make([]docList, 0, pairs), make([]int32, 0, pairs)
	}
	texts := make([][]weighted, len(docs))
	for id := range docs[0] {
		for l := range docs {
			texts[l] = docs[l][id].texts(texts[l][:0])
		}
		ix.add(texts)
		ix.post()
	}
	return ix
}

// weighted is a text a document is found by, at a weight; recurring
// when document after document holds it (see indexer.phrase).
type weighted struct {
	text      string
	weight    int32
	recurring bool
}

// texts appends what d is found by to out. A heading counts three times
// the text, in either language, and a page's name four times. An item's
// province and plan, shown with its heading, count as much: "Da Nang"
// lists Đà Nẵng's items before others that name the city in passing.
func (d *Doc) texts(out []weighted) []weighted {
	title := int32(3)
	if d.named {
		title = 4
	}
	out = append(out, weighted{d.Title, title, false}, weighted{d.otherTitle, 3, false},
		weighted{d.Context, 3, false}, weighted{d.Text, 1, false}, weighted{d.otherText, 1, false})
	for _, x := range d.extra {
		out = append(out, weighted{x, 1, true})
	}
	return out
}

// indexer gathers the postings of a site's documents, one document at a
// time. A national site has some 20,000 documents and millions of word
// occurrences but only tens of thousands of distinct words: each word is
// lowercased and folded once, and a document's words are gathered by
// number, not in maps keyed by strings. Words, terms, forms and pairs
// are numbered once for every language; each language has its own
// postings (see langIndex).
type indexer struct {
	// words maps each word as written to what it is in the index
	words map[string]word
	// terms are the folded words
	terms numbering[string]
	// forms are the accented forms (lowercase), with the term each
	// folds to, by form number
	forms    numbering[string]
	formTerm []int32
	// pairs are the pairs of terms side by side: term<<32 | the term
	// after it
	pairs numbering[uint64]

	langs []*langIndex
	doc   int32 // the current document's number

	// recurring holds the phrases read once for many documents; scratch
	// the text being read
	recurring map[string]*phrase
	scratch   phrase
}

// phrase is a text's words, and the numbers of the pairs of terms side
// by side in it.
type phrase struct {
	words []word
	pairs []int32
}

// numbering numbers values in the order they are first met.
type numbering[K comparable] struct {
	of  map[K]int32
	all []K // by number
}

// number returns k's number, and whether k is new.
func (n *numbering[K]) number(k K) (int32, bool) {
	if i, ok := n.of[k]; ok {
		return i, false
	}
	if n.of == nil {
		n.of = map[K]int32{}
	}
	i := int32(len(n.all))
	n.of[k] = i
	n.all = append(n.all, k)
	return i, true
}

// word is a word as written: its term, and its form when lowercasing it
// kept a diacritic the term drops (-1 when not).
type word struct{ term, form int32 }

func newIndexer(langs int) *indexer {
	ix := &indexer{recurring: map[string]*phrase{}}
	for range langs {
		ix.langs = append(ix.langs, &langIndex{})
	}
	return ix
}

// wordOf returns the term and form of w, numbering them when new.
func (ix *indexer) wordOf(w string) word {
	if x, ok := ix.words[w]; ok {
		return x
	}
	lower := strings.ToLower(w)
	folded := fold.Key(lower)
	t, isNew := ix.terms.number(folded)
	if isNew {
		for _, li := range ix.langs {
			li.terms = append(li.terms, docList{})
			li.weight = append(li.weight, 0)
		}
	}
	x := word{term: t, form: -1}
	if folded != lower {
		// "Tuyên" and "tuyên" are one form
		f, isNew := ix.forms.number(lower)
		if isNew {
			ix.formTerm = append(ix.formTerm, t)
			for _, li := range ix.langs {
				li.forms = append(li.forms, docList{})
				li.formSeen = append(li.formSeen, 0)
			}
		}
		x.form = f
	}
	ix.words[w] = x
	return x
}

// pairNumber numbers a pair of terms side by side: term<<32 | the term
// after it.
func (ix *indexer) pairNumber(pair uint64) int32 {
	n, isNew := ix.pairs.number(pair)
	if isNew {
		for _, li := range ix.langs {
			li.pairs = append(li.pairs, docList{})
			li.pairSeen = append(li.pairSeen, 0)
		}
	}
	return n
}

// add takes each language's texts, texts[l], into the current document.
// A text that languages share (the same words at the same weight) is
// read once for all of them: what a text adds does not depend on the
// other texts, so reading it once or once a language posts the same.
func (ix *indexer) add(texts [][]weighted) {
	for l := range texts {
		for _, t := range texts[l] {
			if t.text == "" { // nothing to read, or taken already
				continue
			}
			p := ix.phrase(t)
			ix.langs[l].take(p, t.weight, ix.doc)
			for other := l + 1; other < len(texts); other++ {
				if i := slices.Index(texts[other], t); i >= 0 {
					texts[other][i].text = ""
					ix.langs[other].take(p, t.weight, ix.doc)
				}
			}
		}
	}
}

// phrase reads t. A recurring text (an item's province, plan, agencies,
// themes or pillar: two fifths of the text the index read) is read the
// first time and kept for the next.
func (ix *indexer) phrase(t weighted) *phrase {
	if !t.recurring {
		ix.scratch.words, ix.scratch.pairs = ix.scratch.words[:0], ix.scratch.pairs[:0]
		ix.read(t.text, &ix.scratch)
		return &ix.scratch
	}
	p, ok := ix.recurring[t.text]
	if !ok {
		p = &phrase{}
		ix.read(t.text, p)
		ix.recurring[t.text] = p
	}
	return p
}

// read appends the words of text to p, and the number of each pair of
// terms side by side in a phrase of it.
func (ix *indexer) read(text string, p *phrase) {
	prev := int32(-1)
	for t, first := range words(text) {
		if first {
			prev = -1
		}
		x := ix.wordOf(t)
		p.words = append(p.words, x)
		if prev >= 0 {
			p.pairs = append(p.pairs, ix.pairNumber(uint64(prev)<<32|uint64(x.term)))
		}
		// a word of combining marks alone folds to nothing, and
		// nothing is not a word to stand beside
		if ix.terms.all[x.term] != "" {
			prev = x.term
		} else {
			prev = -1
		}
	}
}

// post adds the current document to the postings of every language, and
// starts the next.
func (ix *indexer) post() {
	for _, li := range ix.langs {
		li.post(ix.doc)
	}
	ix.doc++
}

// langIndex is the postings of one language: each term's documents and
// weights, each form's documents and each pair's documents, by number,
// and what the current document holds.
type langIndex struct {
	terms, forms, pairs []docList

	// the current document: each term's weight (the highest place it
	// appears in), and the forms and pairs it holds. A form or pair is
	// held when its seen entry is the document's number + 1.
	weight       []int32
	touched      []int32
	formSeen     []int32
	touchedForms []int32
	pairSeen     []int32
	touchedPairs []int32
}

// take takes the words and pairs of p into document doc at weight w.
func (li *langIndex) take(p *phrase, w, doc int32) {
	for _, x := range p.words {
		if li.weight[x.term] == 0 {
			li.touched = append(li.touched, x.term)
		}
		if li.weight[x.term] < w {
			li.weight[x.term] = w
		}
		if x.form >= 0 && li.formSeen[x.form] != doc+1 {
			li.formSeen[x.form] = doc + 1
			li.touchedForms = append(li.touchedForms, x.form)
		}
	}
	for _, n := range p.pairs {
		if li.pairSeen[n] != doc+1 {
			li.pairSeen[n] = doc + 1
			li.touchedPairs = append(li.touchedPairs, n)
		}
	}
}

// post adds document doc to the lists of what it holds.
func (li *langIndex) post(doc int32) {
	for _, t := range li.touched {
		l := &li.terms[t]
		l.add(doc)
		l.json = append(l.json, ',')
		l.json = strconv.AppendInt(l.json, int64(li.weight[t]), 10)
		li.weight[t] = 0
	}
	for _, f := range li.touchedForms {
		li.forms[f].add(doc)
	}
	for _, n := range li.touchedPairs {
		li.pairs[n].add(doc)
	}
	li.touched = li.touched[:0]
	li.touchedForms = li.touchedForms[:0]
	li.touchedPairs = li.touchedPairs[:0]
}

// docList is the documents of a term, form or pair in one language, kept
// as the JSON array's contents the index is written in: numbers
// ascending, each written as its difference from the one before, which
// keeps the numbers, and so the files, small; in a term's list, each
// with its weight after it. Gathering numbers in arrays and writing them
// out at the end touched four times the memory, and fresh memory was
// most of what the index cost.
type docList struct {
	json  []byte
	last  int32
	count int32
}

func (l *docList) add(doc int32) {
	if l.count > 0 {
		l.json = append(l.json, ',')
	}
	l.json = strconv.AppendInt(l.json, int64(doc-l.last), 10)
	l.last = doc
	l.count++
}

// postings is what the index files are written from: every term in the
// order written, and each term's forms and following terms, sorted by
// key (the order of a JSON object's keys).
type postings struct {
	ix          *indexer
	order       []int32   // terms, by pack, then by term
	forms, next [][]int32 // by term: form numbers, pair numbers
}

// sorted orders the terms and their keyed lists once for every language.
func (ix *indexer) sorted() *postings {
	terms := ix.terms.all
	order := make([]int32, len(terms))
	for t := range order {
		order[t] = int32(t)
	}
	// sorted, so that offsets and builds are reproducible; each pack's
	// terms side by side, so that its postings are one run of the
	// buffer they are all written into
	slices.SortFunc(order, func(a, b int32) int {
		if c := strings.Compare(PackOf(terms[a]), PackOf(terms[b])); c != 0 {
			return c
		}
		return strings.Compare(terms[a], terms[b])
	})
	formKey := func(f int32) string { return ix.forms.all[f] }
	nextKey := func(n int32) string { return terms[ix.pairs.all[n]&(1<<32-1)] }
	return &postings{ix: ix, order: order,
		forms: byTerm(len(terms), len(ix.forms.all), func(f int) int32 { return ix.formTerm[f] }, formKey),
		next:  byTerm(len(terms), len(ix.pairs.all), func(n int) int32 { return int32(ix.pairs.all[n] >> 32) }, nextKey)}
}

// byTerm hands each of terms terms the numbers, of n, that termOf gives
// it, sorted by keyOf, cut from one array.
func byTerm(terms, n int, termOf func(i int) int32, keyOf func(int32) string) [][]int32 {
	start := make([]int, terms+1) // term t's numbers are all[start[t]:start[t+1]]
	for i := range n {
		start[termOf(i)+1]++
	}
	for t := 1; t <= terms; t++ {
		start[t] += start[t-1]
	}
	all := make([]int32, n)
	at := slices.Clone(start[:terms])
	for i := range n {
		t := termOf(i)
		all[at[t]] = int32(i)
		at[t]++
	}
	out := make([][]int32, terms)
	for t := range out {
		if start[t+1] > start[t] {
			out[t] = all[start[t]:start[t+1]:start[t+1]]
			slices.SortFunc(out[t], func(a, b int32) int { return strings.Compare(keyOf(a), keyOf(b)) })
		}
	}
	return out
}

// size is about the bytes of language li's postings as JSON.
func (ps *postings) size(li *langIndex) int {
	n := 0
	for _, lists := range [][]docList{li.terms, li.forms, li.pairs} {
		for i := range lists {
			if lists[i].count > 0 {
				n += len(lists[i].json) + 16
			}
		}
	}
	return n
}

// appendPosting appends term t's postings in language li as a JSON
// object: {"d":[documents and weights],"f":{form:[documents]},
// "n":{term after:[documents]}}, as encoding/json would write it.
func (ps *postings) appendPosting(b []byte, li *langIndex, t int32) []byte {
	b = append(b, `{"d":[`...)
	b = append(b, li.terms[t].json...)
	b = append(b, ']')
	b = appendKeyed(b, `,"f":{`, li.forms, ps.forms[t], func(f int32) string { return ps.ix.forms.all[f] })
	b = appendKeyed(b, `,"n":{`, li.pairs, ps.next[t], func(n int32) string { return ps.ix.terms.all[ps.ix.pairs.all[n]&(1<<32-1)] })
	return append(b, '}')
}

// appendKeyed appends, after open, the lists of keys that hold any
// document, as the members of a JSON object; nothing when none does.
func appendKeyed(b []byte, open string, lists []docList, keys []int32, keyOf func(int32) string) []byte {
	first := true
	for _, k := range keys {
		l := &lists[k]
		if l.count == 0 {
			continue
		}
		if first {
			b = append(b, open...)
			first = false
		} else {
			b = append(b, ',')
		}
		b = appendJSONString(b, keyOf(k))
		b = append(b, ':', '[')
		b = append(b, l.json...)
		b = append(b, ']')
	}
	if !first {
		b = append(b, '}')
	}
	return b
}
