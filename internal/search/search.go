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
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/manifest"
	"sitegen/internal/model"
	"sitegen/internal/output"
	"sitegen/internal/parallel"
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
	// the index read, so each is read once (see indexer.phrase).
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

// Files returns the index files of every language of the site, labelled
// in each by labels[lang]. basePath is the path the site is published
// under.
func Files(site *model.Site, basePath string, labels map[model.Lang]Labels) ([]output.File, error) {
	docs := make([][]Doc, len(model.Langs))
	prefixes := make([]string, len(model.Langs))
	for i, lang := range model.Langs {
		docs[i] = documents(site, lang, basePath, labels[lang])
		prefixes[i] = string(lang) + "/search/"
	}
	return indexFiles(docs, prefixes)
}

// indexFiles writes the index of each language's documents, docs[l],
// under prefixes[l]. Every language lists the same pages in the same
// order.
func indexFiles(docs [][]Doc, prefixes []string) ([]output.File, error) {
	if len(docs) == 0 || len(docs) != len(prefixes) {
		return nil, fmt.Errorf("search index of %d languages under %d prefixes", len(docs), len(prefixes))
	}
	for l := range docs {
		if len(docs[l]) != len(docs[0]) {
			return nil, fmt.Errorf("search index: %d documents under %q, %d under %q", len(docs[l]), prefixes[l], len(docs[0]), prefixes[0])
		}
	}
	ix := index(docs)
	ps := ix.sorted()
	files := make([][]output.File, len(docs))
	errs := make([]error, len(docs))
	parallel.For(len(docs), func(l int) {
		files[l], errs[l] = ps.files(ix.langs[l], docs[l], prefixes[l])
	})
	var out []output.File
	for l := range docs {
		if errs[l] != nil {
			return nil, errs[l]
		}
		out = append(out, files[l]...)
	}
	return out, nil
}

// files writes one language's index under prefix.
func (ps *postings) files(li *langIndex, docs []Doc, prefix string) ([]output.File, error) {
	terms := ps.ix.terms.all
	var out []output.File
	all := make([]byte, 0, ps.size(li)) // grown by doubling, it was cleared and copied over and over
	shards := map[string][]byte{}       // shard -> its term list, as JSON
	start, pack := 0, ""
	flush := func() {
		if len(all) > start {
			out = append(out, output.File{Path: prefix + "p/" + pack + ".bin", Data: all[start:len(all):len(all)]})
		}
		start = len(all)
	}
	for _, t := range ps.order {
		if li.terms[t].count == 0 { // a term of the other languages only
			continue
		}
		term := terms[t]
		if pk := PackOf(term); pk != pack {
			flush()
			pack = pk
		}
		at := len(all)
		all = ps.appendPosting(all, li, t)
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
		list = strconv.AppendInt(list, int64(li.terms[t].count), 10)
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
