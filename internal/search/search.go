// Package search writes the static search index of each language.
//
// There is no search server: the index is a set of small JSON files that
// the search page's script fetches as needed, so a query downloads only
// the parts it uses, whatever the size of the site.
//
//	{lang}/search/t/{prefix}.json  the terms that start with prefix (the
//	                               first two letters of the folded term),
//	                               each as [documents, offset, length]:
//	                               its number of documents and where its
//	                               postings are in its pack
//	{lang}/search/p/{letter}.bin   the postings of every term that starts
//	                               with letter, one JSON value after the
//	                               other; a query fetches one term's
//	                               postings with an HTTP range request
//	{lang}/search/d/{n}.json       the documents of block n
//
// Postings are packed by first letter because a file per term made the
// index most of the site's files (3,101 of the real site's 4,317), and
// every file costs a create on every build; with ranges a query still
// downloads only the postings of its terms.
//
// Terms are folded: lowercase and without diacritics, so "giảm" is
// "giam". A term's postings list its documents with a weight, 3 for a
// term in the document's heading (4 in the name of a plan, province,
// agency or theme) and 1 in its text; the accented forms the term was
// written in with the documents holding each, so that a query typed with
// the right diacritics ranks those documents first; and the terms that
// directly follow it with the documents where they do, so that a
// two-syllable word typed ("giam ngheo") ranks the documents holding it
// above those holding its syllables apart ("giám sát … nghèo").
// Document numbers are stored as differences from the previous one,
// which keeps the numbers, and so the files, small. A document block
// holds, per document, its URL, title, kind label, context (an item's
// province, plan and label) and text, for showing results with the
// matched words highlighted.
//
// Documents are items, plans, provinces, agencies and themes. An item's
// title is its heading (what it commits to); its terms include its
// heading and text in the other language too, so that a Vietnamese query
// finds it on the English site, and its plan's title, its province, its
// lead and partner agencies (with every spelling variant) and its themes,
// so "Da Nang" finds the items of Đà Nẵng's plan.
//
// The search page's script, assets/search.js, reads these files and ranks
// the results; the tests run that same script under Node against indexes
// written here, so that writer and reader cannot drift apart.
package search

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
)

// BlockSize is the number of documents per document block.
const BlockSize = 16

// Doc is one searchable page.
type Doc struct {
	URL   string `json:"u"`
	Title string `json:"t"`
	Kind  string `json:"k"`
	// Context places an item among the results: its province, plan and
	// label, shown under its heading.
	Context string `json:"c,omitempty"`
	Text    string `json:"x,omitempty"`
	// Words matched but not shown. otherTitle and otherText are the
	// heading and text in the other language, so that a Vietnamese query
	// finds an item on the English site too. extra holds phrases such
	// as an item's province, plan, agencies, themes and pillar: most
	// recur in document after document, and were two fifths of the text
	// the index read, so each is read once (see indexer.addRecurring).
	otherTitle, otherText string
	extra                 []string
	// named is true when the title is the page's name (a plan, province,
	// agency or theme): a query naming the page finds it above the
	// items that mention the name, headings included.
	named bool
}

// Labels are the words the index shows beside results, per language.
type Labels struct {
	Kind     func(kind model.ItemKind) string // "Specific task"
	Plan     string
	Province string
	Agency   string
	Theme    string
	Label    func(it *model.Item) string // printed label of an item
	PlanName func(p *model.Plan) string
	// Heading says what an item commits to, in this language and in the
	// other one.
	Heading, OtherHeading func(it *model.Item) string
}

// Files returns the index files of one language. basePath is the path the
// site is published under.
func Files(site *model.Site, lang model.Lang, basePath string, labels Labels) ([]output.File, error) {
	return indexFiles(documents(site, lang, basePath, labels), string(lang)+"/search/")
}

// indexFiles writes the index of docs as files under prefix.
func indexFiles(docs []Doc, prefix string) ([]output.File, error) {
	idx := index(docs)
	terms := make([]string, 0, len(idx))
	for term := range idx {
		terms = append(terms, term)
	}
	// Sorted, so that offsets and builds are reproducible; then each
	// pack's terms, still sorted, are side by side, so that its postings
	// are one run of the buffer they are all written into.
	sort.Strings(terms)
	slices.SortStableFunc(terms, func(a, b string) int { return strings.Compare(PackOf(a), PackOf(b)) })
	var out []output.File
	all := make([]byte, 0, jsonSize(idx)) // grown by doubling, it was cleared and copied over and over
	shards := map[string][]byte{}         // shard -> its term list, as JSON
	start, pack := 0, ""
	flush := func() {
		if len(all) > start {
			out = append(out, output.File{Path: prefix + "p/" + pack + ".bin", Data: all[start:len(all):len(all)]})
		}
		start = len(all)
	}
	for _, term := range terms {
		if pk := PackOf(term); pk != pack {
			flush()
			pack = pk
		}
		p := idx[term]
		p.encode()
		at := len(all)
		all = p.appendJSON(all)
		// {"term":[documents,offset,length],...}, keys sorted as
		// encoding/json sorts them: terms are in order within a shard
		s := shardOf(term)
		list := shards[s]
		if list == nil {
			list = append(list, '{')
		} else {
			list = append(list, ',')
		}
		list = appendJSONString(list, term)
		list = append(list, ':', '[')
		list = strconv.AppendInt(list, int64(len(p.Docs)/2), 10)
		list = append(list, ',')
		list = strconv.AppendInt(list, int64(at-start), 10)
		list = append(list, ',')
		list = strconv.AppendInt(list, int64(len(all)-at), 10)
		shards[s] = append(list, ']')
	}
	flush()
	for s, list := range shards {
		out = append(out, output.File{Path: prefix + "t/" + s + ".json", Data: append(list, '}')})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	for i := 0; i*BlockSize < len(docs); i++ {
		block := docs[i*BlockSize : min((i+1)*BlockSize, len(docs))]
		b, err := json.Marshal(block)
		if err != nil {
			return nil, err
		}
		out = append(out, output.File{Path: fmt.Sprintf("%sd/%d.json", prefix, i), Data: b})
	}
	meta, err := json.Marshal(map[string]int{"docs": len(docs), "block": BlockSize})
	if err != nil {
		return nil, err
	}
	out = append(out, output.File{Path: prefix + "meta.json", Data: meta})
	return out, nil
}

// posting is the index entry of one folded term.
type posting struct {
	// Docs is [doc, weight, doc, weight, ...], docs ascending.
	Docs []int32
	// Forms lists each accented form of the term with the docs holding
	// it, when it differs from the folded form.
	Forms []keyed
	// Next lists each folded term that directly follows this one in a
	// document with the docs where it does: Vietnamese words are mostly
	// two syllables ("giảm nghèo"), and a query's syllables found side by
	// side rank above the same syllables apart ("giám sát … nghèo").
	Next []keyed
}

// keyed is a form or a term with its documents, ascending. A posting's
// lists of them are sorted by key, the order of a JSON object's keys.
type keyed struct {
	key  string
	docs []int32
}

// encode writes the posting's document numbers as differences from the
// previous number in each list, in place: the index is written once.
func (p *posting) encode() {
	prev := int32(0)
	for i := 0; i+1 < len(p.Docs); i += 2 {
		p.Docs[i], prev = p.Docs[i]-prev, p.Docs[i]
	}
	deltas(p.Forms)
	deltas(p.Next)
}

// deltas writes each ascending list of document numbers of lists as
// differences from the previous number, in place.
func deltas(lists []keyed) {
	for _, l := range lists {
		ids, prev := l.docs, int32(0)
		for i, d := range ids {
			ids[i], prev = d-prev, d
		}
	}
}

// appendJSON appends p as encoding/json writes it, without reflection:
// a site's index holds tens of thousands of postings, and marshalling
// them took a quarter of its time. TestPostingJSON holds the two alike.
func (p *posting) appendJSON(b []byte) []byte {
	b = append(b, `{"d":`...)
	b = appendInts(b, p.Docs)
	if len(p.Forms) > 0 {
		b = append(b, `,"f":`...)
		b = appendLists(b, p.Forms)
	}
	if len(p.Next) > 0 {
		b = append(b, `,"n":`...)
		b = appendLists(b, p.Next)
	}
	return append(b, '}')
}

// jsonSize is about what the postings of idx take as JSON: a delta-
// encoded document number or weight is one to three digits.
func jsonSize(idx map[string]*posting) int {
	n := 0
	for _, p := range idx {
		n += 16 + 3*len(p.Docs)
		for _, lists := range [][]keyed{p.Forms, p.Next} {
			for _, l := range lists {
				n += len(l.key) + 6 + 3*len(l.docs)
			}
		}
	}
	return n
}

func appendInts(b []byte, ns []int32) []byte {
	if ns == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// appendLists appends lists, sorted by key, as a JSON object.
func appendLists(b []byte, lists []keyed) []byte {
	b = append(b, '{')
	for i, l := range lists {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, l.key)
		b = append(b, ':')
		b = appendInts(b, l.docs)
	}
	return append(b, '}')
}

// appendJSONString appends s as a JSON string, as encoding/json writes
// it. Terms and forms are letters, digits and marks, which it writes as
// they are; anything it would escape goes to it.
func appendJSONString(b []byte, s string) []byte {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			plain = false
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9): // U+2028, U+2029
			plain = false
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// PackOf is the pack a term's postings go into: its first letter or
// digit, or "_" for a term that starts with anything else.
func PackOf(term string) string {
	if term != "" && (term[0] >= 'a' && term[0] <= 'z' || term[0] >= '0' && term[0] <= '9') {
		return term[:1]
	}
	return "_"
}

// words yields the words of s, runs of letters, digits and combining
// marks, each with whether it begins a phrase. Phrases end at
// punctuation other than apostrophes, so that words on either side of a
// comma or a full stop do not count as side by side. The text is read
// once, rune by rune: the search index reads every text of a site in
// both languages.
func words(s string) iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		start, first := -1, true
		for i, r := range s {
			var c runeClass
			if r < utf8.RuneSelf {
				c = asciiClass[r]
			} else {
				c = classOf(r)
			}
			if c == inWord {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(s[start:i], first) {
					return
				}
				start, first = -1, false
			}
			if c == endsPhrase {
				first = true
			}
		}
		if start >= 0 {
			yield(s[start:], first)
		}
	}
}

// runeClass is what a rune is to words.
type runeClass uint8

const (
	between    runeClass = iota // separates words: spaces, symbols, apostrophes
	inWord                      // a letter, digit or combining mark
	endsPhrase                  // punctuation
)

func classOf(r rune) runeClass {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		return inWord
	case unicode.IsPunct(r) && r != '\'' && r != '’':
		return endsPhrase
	}
	return between
}

// asciiClass is classOf for the ASCII runes, which are most of any text.
var asciiClass = func() (c [utf8.RuneSelf]runeClass) {
	for r := range c {
		c[r] = classOf(rune(r))
	}
	return c
}()

// shardOf is the file a term goes into: its first two ASCII letters or
// digits, or "_" for anything else.
func shardOf(term string) string {
	n := 0
	for n < len(term) && n < 2 && (term[n] >= 'a' && term[n] <= 'z' || term[n] >= '0' && term[n] <= '9') {
		n++
	}
	if n == 0 {
		return "_"
	}
	return term[:n]
}

func index(docs []Doc) map[string]*posting {
	ix := newIndexer()
	// The lists of hits are sized from the texts' bytes: on the real and
	// the national sites a document's distinct terms and pairs came to
	// one in 11-14 bytes of its texts, its accented forms to one in 20-23.
	// Grown from nothing by doubling, they touched three times the
	// memory, and fresh memory is most of what the index costs.
	n := 0
	for _, d := range docs {
		n += len(d.Title) + len(d.otherTitle) + len(d.Context) + len(d.Text) + len(d.otherText)
		for _, x := range d.extra {
			n += len(x)
		}
	}
	ix.docs.grow(n / 10)
	ix.pairDocs.grow(n / 10)
	ix.formDocs.grow(n / 20)
	// So are the maps of words and pairs, which otherwise grew by
	// splitting their tables over and over: on the real site a word as
	// written came in 220 bytes, a term in 300, a form in 830 and a pair
	// of terms in 62. Vocabularies stop growing long before texts do, so
	// the sizes are capped.
	ix.words = make(map[string]word, min(n/200, 1<<15))
	ix.terms.of = make(map[string]int32, min(n/256, 1<<15))
	ix.forms.of = make(map[string]int32, min(n/768, 1<<14))
	ix.pairs.of = make(map[uint64]int32, min(n/60, 1<<17))
	for id, d := range docs {
		// A heading counts three times the text, in either language, and
		// a page's name four times.
		if d.named {
			ix.add(d.Title, 4)
		} else {
			ix.add(d.Title, 3)
		}
		ix.add(d.otherTitle, 3)
		// An item's province and plan, shown with its heading, count as
		// much: "Da Nang" lists Đà Nẵng's items before others that name
		// the city in passing.
		ix.add(d.Context, 3)
		ix.add(d.Text, 1)
		ix.add(d.otherText, 1)
		for _, x := range d.extra {
			ix.addRecurring(x, 1)
		}
		ix.post(int32(id))
	}
	return ix.postingsByTerm()
}

// indexer gathers the postings of a site's documents, one document at a
// time. A national site has some 20,000 documents and millions of word
// occurrences but only tens of thousands of distinct words: each word is
// lowercased and folded once, and a document's words are gathered by
// number, not in maps keyed by strings; the lists of document numbers
// are cut from one array each at the end (see grouped).
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

	// the postings so far: each term's documents and weights, each
	// form's documents, each pair's documents
	docs, formDocs, pairDocs grouped

	// the current document: each term's weight (the highest place it
	// appears in), and the forms and pairs it holds. A form or pair is
	// held when its seen entry is the document's number + 1.
	weight       []int32
	touched      []int32
	formSeen     []int32
	touchedForms []int32
	pairSeen     []int32
	touchedPairs []int32
	doc          int32

	// recurring holds the phrases read once for many documents
	recurring map[string]*phrase
}

// phrase is a text read once and taken into many documents: its words,
// and the numbers of the pairs of terms side by side in it.
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

func newIndexer() *indexer {
	return &indexer{docs: grouped{width: 2}, formDocs: grouped{width: 1}, pairDocs: grouped{width: 1}}
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
		ix.weight = append(ix.weight, 0)
	}
	x := word{term: t, form: -1}
	if folded != lower {
		// "Tuyên" and "tuyên" are one form
		f, isNew := ix.forms.number(lower)
		if isNew {
			ix.formTerm = append(ix.formTerm, t)
			ix.formSeen = append(ix.formSeen, 0)
		}
		x.form = f
	}
	ix.words[w] = x
	return x
}

// add takes the words of text at weight w into the current document.
func (ix *indexer) add(text string, w int32) {
	ix.read(text, func(x word) { ix.take(x, w) }, ix.takePair)
}

// addRecurring is add for a text that many documents hold: it is read
// the first time, and its words and pairs are kept for the next.
func (ix *indexer) addRecurring(text string, w int32) {
	p, ok := ix.recurring[text]
	if !ok {
		p = &phrase{}
		ix.read(text, func(x word) { p.words = append(p.words, x) },
			func(n int32) { p.pairs = append(p.pairs, n) })
		if ix.recurring == nil {
			ix.recurring = map[string]*phrase{}
		}
		ix.recurring[text] = p
	}
	for _, x := range p.words {
		ix.take(x, w)
	}
	for _, n := range p.pairs {
		ix.takePair(n)
	}
}

// read hands each word of text to word, and the number of each pair of
// terms side by side in a phrase to pair.
func (ix *indexer) read(text string, word func(word), pair func(int32)) {
	prev := int32(-1)
	for t, first := range words(text) {
		if first {
			prev = -1
		}
		x := ix.wordOf(t)
		word(x)
		if prev >= 0 {
			pair(ix.pairNumber(uint64(prev)<<32 | uint64(x.term)))
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

// take takes a word into the current document at weight w.
func (ix *indexer) take(x word, w int32) {
	if ix.weight[x.term] == 0 {
		ix.touched = append(ix.touched, x.term)
	}
	if ix.weight[x.term] < w {
		ix.weight[x.term] = w
	}
	if x.form >= 0 && ix.formSeen[x.form] != ix.doc+1 {
		ix.formSeen[x.form] = ix.doc + 1
		ix.touchedForms = append(ix.touchedForms, x.form)
	}
}

// pairNumber numbers a pair of terms side by side: term<<32 | the term
// after it.
func (ix *indexer) pairNumber(pair uint64) int32 {
	n, isNew := ix.pairs.number(pair)
	if isNew {
		ix.pairSeen = append(ix.pairSeen, 0)
	}
	return n
}

// takePair takes pair number n into the current document.
func (ix *indexer) takePair(n int32) {
	if ix.pairSeen[n] != ix.doc+1 {
		ix.pairSeen[n] = ix.doc + 1
		ix.touchedPairs = append(ix.touchedPairs, n)
	}
}

// post adds the current document, number id, to the postings, and
// starts the next.
func (ix *indexer) post(id int32) {
	for _, t := range ix.touched {
		ix.docs.add(t, id, ix.weight[t])
		ix.weight[t] = 0
	}
	for _, f := range ix.touchedForms {
		ix.formDocs.add(f, id)
	}
	for _, n := range ix.touchedPairs {
		ix.pairDocs.add(n, id)
	}
	ix.touched = ix.touched[:0]
	ix.touchedForms = ix.touchedForms[:0]
	ix.touchedPairs = ix.touchedPairs[:0]
	ix.doc++
}

// postingsByTerm returns the postings gathered, by folded term.
func (ix *indexer) postingsByTerm() map[string]*posting {
	terms, forms, pairs := ix.terms.all, ix.forms.all, ix.pairs.all
	postings := make([]posting, len(terms))
	for t, docs := range ix.docs.lists(len(terms)) {
		postings[t].Docs = docs
	}
	formLists := byTerm(len(terms), ix.formDocs.lists(len(forms)),
		func(f int) int32 { return ix.formTerm[f] }, func(f int) string { return forms[f] })
	nextLists := byTerm(len(terms), ix.pairDocs.lists(len(pairs)),
		func(n int) int32 { return int32(pairs[n] >> 32) }, func(n int) string { return terms[pairs[n]&(1<<32-1)] })
	for t := range postings {
		postings[t].Forms, postings[t].Next = formLists[t], nextLists[t]
	}
	idx := make(map[string]*posting, len(terms))
	for t, term := range terms {
		idx[term] = &postings[t]
	}
	return idx
}

// byTerm hands each of terms terms its keyed lists, sorted by key and
// cut from one array: list i, keyOf(i), goes to termOf(i).
func byTerm(terms int, lists [][]int32, termOf func(i int) int32, keyOf func(i int) string) [][]keyed {
	start := make([]int, terms+1) // term t's lists are all[start[t]:start[t+1]]
	for i := range lists {
		start[termOf(i)+1]++
	}
	for t := 1; t <= terms; t++ {
		start[t] += start[t-1]
	}
	all := make([]keyed, start[terms])
	at := slices.Clone(start[:terms])
	for i, docs := range lists {
		t := termOf(i)
		all[at[t]] = keyed{keyOf(i), docs}
		at[t]++
	}
	out := make([][]keyed, terms)
	for t := range out {
		if start[t+1] > start[t] {
			out[t] = all[start[t]:start[t+1]:start[t+1]]
			slices.SortFunc(out[t], func(a, b keyed) int { return strings.Compare(a.key, b.key) })
		}
	}
	return out
}

// grouped gathers runs of width numbers by key (a term, form or pair
// number) and hands each key its runs, in the order added, cut from one
// array. Appending to a list per key made a slice per key and grew each
// by doubling: a fifth of the index's time went to that.
type grouped struct {
	width int
	keys  []int32 // the key of each run
	runs  []int32
	count []int32 // runs by key
}

// grow makes room for n runs. The room is made, not appended to: memory
// fresh from the system is not cleared, so room left unused costs nothing.
func (g *grouped) grow(n int) {
	g.keys = append(make([]int32, 0, len(g.keys)+n), g.keys...)
	g.runs = append(make([]int32, 0, len(g.runs)+n*g.width), g.runs...)
}

func (g *grouped) add(key int32, run ...int32) {
	g.keys = append(g.keys, key)
	g.runs = append(g.runs, run...)
	for int(key) >= len(g.count) {
		g.count = append(g.count, 0)
	}
	g.count[key]++
}

// lists returns each of the n keys' runs; a key with none gets nil.
func (g *grouped) lists(n int) [][]int32 {
	out := make([][]int32, n)
	all := make([]int32, len(g.runs))
	end := make([]int, n) // where each key's next run goes, then its end
	at := 0
	for k, c := range g.count {
		end[k] = at
		at += int(c) * g.width
	}
	for i, k := range g.keys {
		for j := range g.width { // a run is one or two numbers: no call to copy
			all[end[k]+j] = g.runs[i*g.width+j]
		}
		end[k] += g.width
	}
	for k, c := range g.count {
		if c > 0 {
			out[k] = all[end[k]-int(c)*g.width : end[k] : end[k]]
		}
	}
	return out
}

// documents lists the searchable pages of lang, items first in site order.
func documents(site *model.Site, lang model.Lang, basePath string, l Labels) []Doc {
	url := func(path string) string { return basePath + string(lang) + "/" + path }
	var docs []Doc
	for _, p := range site.Plans {
		province := ""
		if p.Province != nil {
			province = p.Province.Name.VI + ", " + p.Province.Name.EN
		}
		planName := l.PlanName(p)
		docs = append(docs, Doc{URL: url(manifest.PlanPath(p)), Title: planName + " — " + p.Title.Get(lang),
			Kind: l.Plan, extra: []string{province}, named: true})
		for _, it := range p.Items {
			extra := []string{province, p.Title.Get(lang)}
			for _, a := range append(append([]*model.Agency(nil), it.Lead...), it.Partners...) {
				extra = append(extra, agencyTerms(a)...)
			}
			for _, t := range it.Themes {
				extra = append(extra, t.Name.Get(lang))
			}
			if it.Pillar != nil {
				extra = append(extra, it.Pillar.Name.Get(lang))
			}
			docs = append(docs, itemDoc(it, lang, url(manifest.ItemPath(it)), planName, l, extra))
		}
	}
	for _, pr := range site.Provinces {
		docs = append(docs, Doc{URL: url(manifest.ProvincePath(pr)), Title: pr.Name.Get(lang), Kind: l.Province,
			extra: []string{pr.Name.VI, pr.Name.EN}, named: true})
	}
	for _, a := range site.Agencies {
		title := a.Name.Get(lang)
		var abbrs []string
		for _, ab := range []string{a.Abbr.VI, a.Abbr.EN} {
			if ab != "" && (len(abbrs) == 0 || abbrs[0] != ab) {
				abbrs = append(abbrs, ab)
			}
		}
		if len(abbrs) > 0 {
			title += " (" + strings.Join(abbrs, ", ") + ")"
		}
		docs = append(docs, Doc{URL: url(manifest.AgencyPath(a)), Title: title, Kind: l.Agency, extra: agencyTerms(a), named: true})
	}
	for _, t := range site.Themes {
		docs = append(docs, Doc{URL: url(manifest.ThemePath(t)), Title: t.Name.Get(lang), Kind: l.Theme,
			otherTitle: t.Name.Get(lang.Other()), named: true})
	}
	return docs
}

// itemDoc is the document of an item: its heading as the title, placed by
// its province, plan and label, and found by its words in both languages.
func itemDoc(it *model.Item, lang model.Lang, url, planName string, l Labels, extra []string) Doc {
	context := planName + " · " + l.Label(it)
	if pr := it.Plan.Province; pr != nil {
		context = pr.Name.Get(lang) + " · " + context
	}
	d := Doc{URL: url, Title: l.Heading(it), Context: context, Kind: l.Kind(it.Kind), Text: it.Text.Get(lang),
		otherTitle: l.OtherHeading(it), extra: extra}
	if other, ok := it.Text.In(lang.Other()); ok && other != d.Text {
		d.otherText = other
	}
	if d.otherTitle == d.Title {
		d.otherTitle = ""
	}
	return d
}

// agencyTerms are the words an agency is found by: its name in both
// languages, its abbreviations and every spelling seen in the sources.
func agencyTerms(a *model.Agency) []string {
	return append([]string{a.Name.VI, a.Name.EN, a.Abbr.VI, a.Abbr.EN}, a.Variants...)
}
