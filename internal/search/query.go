package search

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"sitegen/internal/fold"
)

// Result is the outcome of running a query against written index files
// the way the search page's script does.
type Result struct {
	Docs  []Doc    // the first page of results, best first
	Total int      // number of matching documents
	Bytes int      // bytes the query downloaded
	Files []string // files the query downloaded
}

// Query runs q against the index files of lang (paths as written, e.g.
// "vi/search/t/gi.json") with the script's rules: every word must match,
// the last one also as a prefix; a word in a title counts three times a
// word in the text; a word typed with its diacritics ranks the documents
// that have that exact form first. It returns the first pageSize results
// and what it had to download, so tests and the benchmark can measure
// the real cost of a query. It mirrors assets/search.js.
func Query(files map[string][]byte, lang, q string, pageSize int) (Result, error) {
	prefix := lang + "/search/"
	var res Result
	load := func(name string, v any) error {
		b, ok := files[prefix+name]
		if !ok {
			return nil // the script treats a missing shard as empty
		}
		res.Bytes += len(b)
		res.Files = append(res.Files, prefix+name)
		return json.Unmarshal(b, v)
	}
	var meta struct{ Docs, Block int }
	if err := load("meta.json", &meta); err != nil {
		return res, err
	}
	words := Terms(q)
	if len(words) == 0 {
		return res, nil
	}
	shards := map[string]map[string]int{}
	var scores []map[int]int
	for i, w := range words {
		f := fold.Key(w)
		s := shardOf(f)
		if shards[s] == nil {
			shard := map[string]int{}
			if err := load("t/"+s+".json", &shard); err != nil {
				return res, err
			}
			shards[s] = shard
		}
		last := i == len(words)-1
		sc := map[int]int{}
		for _, k := range Expand(shards[s], f, last) {
			var p posting
			if err := load("p/"+TermFile(k)+".json", &p); err != nil {
				return res, err
			}
			p.decode()
			exact := map[int]bool{}
			if w != f {
				for _, d := range p.Forms[w] {
					exact[d] = true
				}
			}
			for j := 0; j+1 < len(p.Docs); j += 2 {
				d, v := p.Docs[j], p.Docs[j+1]
				if k == f {
					v *= 2
				}
				if exact[d] {
					v += 3
				}
				if sc[d] < v {
					sc[d] = v
				}
			}
		}
		if len(sc) == 0 {
			return res, nil
		}
		scores = append(scores, sc)
	}
	total := map[int]int{}
	for d := range scores[0] {
		sum := 0
		for _, sc := range scores {
			if sc[d] == 0 {
				sum = -1
				break
			}
			sum += sc[d]
		}
		if sum > 0 {
			total[d] = sum
		}
	}
	ranked := make([]int, 0, len(total))
	for d := range total {
		ranked = append(ranked, d)
	}
	sort.Slice(ranked, func(i, j int) bool {
		if total[ranked[i]] != total[ranked[j]] {
			return total[ranked[i]] > total[ranked[j]]
		}
		return ranked[i] < ranked[j]
	})
	res.Total = len(ranked)
	blocks := map[int][]Doc{}
	for _, d := range ranked[:min(pageSize, len(ranked))] {
		b := d / meta.Block
		if _, ok := blocks[b]; !ok {
			var docs []Doc
			if err := load(fmt.Sprintf("d/%d.json", b), &docs); err != nil {
				return res, err
			}
			blocks[b] = docs
		}
		if i := d % meta.Block; i < len(blocks[b]) {
			res.Docs = append(res.Docs, blocks[b][i])
		}
	}
	return res, nil
}

// MaxExpansions bounds how many terms a word typed as a prefix stands for:
// the most frequent ones are kept, so that a short prefix never makes a
// query download the postings of hundreds of terms.
const MaxExpansions = 8

// Expand lists the terms of a shard that the folded word f matches: f
// itself, and for the last word of a query the terms it begins, most
// frequent first, at most MaxExpansions in all.
func Expand(shard map[string]int, f string, last bool) []string {
	var out []string
	if _, ok := shard[f]; ok {
		out = append(out, f)
	}
	if !last || len(f) < 2 {
		return out
	}
	var more []string
	for k := range shard {
		if k != f && strings.HasPrefix(k, f) {
			more = append(more, k)
		}
	}
	sort.Slice(more, func(i, j int) bool {
		if shard[more[i]] != shard[more[j]] {
			return shard[more[i]] > shard[more[j]]
		}
		return more[i] < more[j]
	})
	return append(out, more[:min(len(more), MaxExpansions-len(out))]...)
}
