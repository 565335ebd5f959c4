// Package search writes the static search index of each language.
//
// There is no search server: the index is a set of small JSON files that
// the search page's script fetches as needed, so a query downloads only
// the parts it uses, whatever the size of the site.
//
//	{lang}/search/t/{prefix}.json  the terms that start with prefix (the
//	                               first two letters of the folded term),
//	                               each with its number of documents
//	{lang}/search/p/{term}.json    the postings of one term
//	{lang}/search/d/{n}.json       the documents of block n
//
// Terms are folded: lowercase and without diacritics, so "giảm" is
// "giam". A term's postings list its documents with a weight, 3 for a
// term in the document's title and 1 in its text, and the accented forms
// the term was written in with the documents holding each, so that a
// query typed with the right diacritics ranks those documents first.
// Document numbers are stored as differences from the previous one,
// which keeps the numbers, and so the files, small. A document block
// holds, per document, its URL, title, kind label and text, for showing
// results with the matched words highlighted.
//
// Documents are items, plans, provinces, agencies and themes. An item's
// terms include its plan's title, its province, its lead and partner
// agencies (with every spelling variant) and its themes, so "Da Nang"
// finds the items of Đà Nẵng's plan.
//
// The search page's script, assets/search.js, reads these files and ranks
// the results; the tests run that same script under Node against indexes
// written here, so that writer and reader cannot drift apart.
package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

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
	Text  string `json:"x,omitempty"`
	// terms not shown, only matched: agencies, themes, province
	extra string
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
}

// Files returns the index files of one language. basePath is the path the
// site is published under.
func Files(site *model.Site, lang model.Lang, basePath string, labels Labels) ([]output.File, error) {
	return indexFiles(documents(site, lang, basePath, labels), string(lang)+"/search/")
}

// indexFiles writes the index of docs as files under prefix.
func indexFiles(docs []Doc, prefix string) ([]output.File, error) {
	idx := index(docs)
	var out []output.File
	shards := map[string]map[string]int{} // prefix -> term -> documents
	for term, p := range idx {
		s := shardOf(term)
		if shards[s] == nil {
			shards[s] = map[string]int{}
		}
		shards[s][term] = len(p.Docs) / 2
		b, err := json.Marshal(p.encoded())
		if err != nil {
			return nil, err
		}
		out = append(out, output.File{Path: prefix + "p/" + termFile(term) + ".json", Data: b})
	}
	for s, counts := range shards {
		b, err := json.Marshal(counts) // map keys are sorted by encoding/json
		if err != nil {
			return nil, err
		}
		out = append(out, output.File{Path: prefix + "t/" + s + ".json", Data: b})
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
	Docs []int `json:"d"`
	// Forms maps each accented form of the term to the docs holding it,
	// when it differs from the folded form.
	Forms map[string][]int `json:"f,omitempty"`
}

// encoded is the posting with document numbers as differences from the
// previous number in each list.
func (p *posting) encoded() posting {
	out := posting{Docs: make([]int, len(p.Docs))}
	prev := 0
	for i := 0; i+1 < len(p.Docs); i += 2 {
		out.Docs[i], out.Docs[i+1] = p.Docs[i]-prev, p.Docs[i+1]
		prev = p.Docs[i]
	}
	if len(p.Forms) > 0 {
		out.Forms = map[string][]int{}
		for form, ids := range p.Forms {
			enc := make([]int, len(ids))
			prev := 0
			for i, d := range ids {
				enc[i], prev = d-prev, d
			}
			out.Forms[form] = enc
		}
	}
	return out
}

// termFile is the file name of a term's postings: the term itself when it
// is plain ASCII, else "x" and its bytes in hexadecimal, so that any
// letter makes a safe name. assets/search.js computes the same name.
func termFile(term string) string {
	for i := 0; i < len(term); i++ {
		if c := term[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "x" + hex.EncodeToString([]byte(term))
		}
	}
	return term
}

// terms splits text into lowercase words: runs of letters and digits.
func terms(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

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
	idx := map[string]*posting{}
	// Folding goes through Unicode decomposition; a site has far fewer
	// distinct words than word occurrences, so each is folded once.
	folded := map[string]string{}
	foldKey := func(t string) string {
		f, ok := folded[t]
		if !ok {
			f = fold.Key(t)
			folded[t] = f
		}
		return f
	}
	for id, d := range docs {
		weights := map[string]int{}
		forms := map[string]map[string]bool{}
		add := func(text string, w int) {
			for _, t := range terms(text) {
				f := foldKey(t)
				if weights[f] < w {
					weights[f] = w
				}
				if f != t {
					if forms[f] == nil {
						forms[f] = map[string]bool{}
					}
					forms[f][t] = true
				}
			}
		}
		add(d.Title, 3)
		add(d.Text, 1)
		add(d.extra, 1)
		for f, w := range weights {
			p := idx[f]
			if p == nil {
				p = &posting{}
				idx[f] = p
			}
			p.Docs = append(p.Docs, id, w)
			for form := range forms[f] {
				if p.Forms == nil {
					p.Forms = map[string][]int{}
				}
				p.Forms[form] = append(p.Forms[form], id)
			}
		}
	}
	for _, p := range idx {
		for _, ids := range p.Forms {
			sort.Ints(ids)
		}
	}
	return idx
}

// documents lists the searchable pages of lang, items first in site order.
func documents(site *model.Site, lang model.Lang, basePath string, l Labels) []Doc {
	url := func(path string) string { return basePath + string(lang) + "/" + path }
	var docs []Doc
	for _, p := range site.Plans {
		province := ""
		if p.Province != nil {
			province = p.Province.Name.VI + " " + p.Province.Name.EN
		}
		planName := l.PlanName(p)
		docs = append(docs, Doc{URL: url(manifest.PlanPath(p)), Title: planName + " — " + p.Title.Get(lang),
			Kind: l.Plan, extra: province})
		for _, it := range p.Items {
			var extra []string
			extra = append(extra, province, p.Title.Get(lang))
			for _, a := range append(append([]*model.Agency(nil), it.Lead...), it.Partners...) {
				extra = append(extra, agencyTerms(a, lang))
			}
			for _, t := range it.Themes {
				extra = append(extra, t.Name.Get(lang))
			}
			if it.Pillar != nil {
				extra = append(extra, it.Pillar.Name.Get(lang))
			}
			title := planName + " · " + l.Label(it)
			if p.Province != nil {
				title = p.Province.Name.Get(lang) + " · " + title
			}
			docs = append(docs, Doc{URL: url(manifest.ItemPath(it)), Title: title,
				Kind: l.Kind(it.Kind), Text: it.Text.Get(lang), extra: strings.Join(extra, " ")})
		}
	}
	for _, pr := range site.Provinces {
		docs = append(docs, Doc{URL: url(manifest.ProvincePath(pr)), Title: pr.Name.Get(lang), Kind: l.Province,
			extra: pr.Name.VI + " " + pr.Name.EN})
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
		docs = append(docs, Doc{URL: url(manifest.AgencyPath(a)), Title: title, Kind: l.Agency, extra: agencyTerms(a, lang)})
	}
	for _, t := range site.Themes {
		docs = append(docs, Doc{URL: url(manifest.ThemePath(t)), Title: t.Name.Get(lang), Kind: l.Theme})
	}
	return docs
}

// agencyTerms are the words an agency is found by: its name in both
// languages, its abbreviations and every spelling seen in the sources.
func agencyTerms(a *model.Agency, lang model.Lang) string {
	return strings.Join(append([]string{a.Name.VI, a.Name.EN, a.Abbr.VI, a.Abbr.EN}, a.Variants...), " ")
}
