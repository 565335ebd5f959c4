package resolve

import (
	"fmt"
	"sort"
	"strings"

	"sitegen/internal/diag"
	"sitegen/internal/model"
)

// findLoops returns every loop of a graph given by next, once each, as
// the list of its nodes from the one met first in order. A graph of
// successors or mergers must end somewhere: pages follow it to say who
// is responsible now.
func findLoops[T comparable](order []T, next func(T) []T) [][]T {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[T]int{}
	var loops [][]T
	var path []T
	var visit func(T)
	visit = func(n T) {
		state[n] = onPath
		path = append(path, n)
		for _, m := range next(n) {
			switch state[m] {
			case unseen:
				visit(m)
			case onPath:
				for i := len(path) - 1; i >= 0; i-- {
					if path[i] == m {
						loops = append(loops, append([]T(nil), path[i:]...))
						break
					}
				}
			}
		}
		path = path[:len(path)-1]
		state[n] = done
	}
	for _, n := range order {
		if state[n] == unseen {
			visit(n)
		}
	}
	return loops
}

// loopText writes a loop as "a → b → a".
func loopText[T any](loop []T, id func(T) string) string {
	var ids []string
	for _, n := range loop {
		ids = append(ids, id(n))
	}
	return strings.Join(append(ids, ids[0]), " → ")
}

// loops checks that successions, mergers and restatements end: none
// refers to itself, directly or through others.
func (r *resolver) loops() {
	for _, a := range r.site.Agencies {
		if s := a.Successor; s != nil {
			for _, b := range s.Agencies {
				if b == a {
					r.errs.Errorf(s.Pos, "name the agencies that took over its duties", "agency %q is its own successor", a.ID)
				}
			}
		}
	}
	for _, loop := range findLoops(r.site.Agencies, func(a *model.Agency) []*model.Agency {
		if a.Successor == nil {
			return nil
		}
		var out []*model.Agency
		for _, b := range a.Successor.Agencies {
			if b != a {
				out = append(out, b)
			}
		}
		return out
	}) {
		r.errs.Errorf(loop[0].Successor.Pos, "a successor exists now; the chain of successors must end at an agency without one",
			"agency %q: successors form a loop: %s", loop[0].ID, loopText(loop, func(a *model.Agency) string { return a.ID }))
	}

	// A province merged into another, or absorbed by it, goes on as that
	// province.
	into := map[*model.Province][]*model.Province{}
	where := map[*model.Province]diag.Pos{}
	for _, p := range r.site.Provinces {
		for _, c := range p.Changes {
			if c.MergedIntoProvince == p {
				r.errs.Errorf(c.Pos, "write the province it merged into", "province %q is merged into itself", p.ID)
			} else if q := c.MergedIntoProvince; q != nil {
				into[p] = append(into[p], q)
				where[p] = c.Pos
			}
			for _, q := range c.AbsorbedProvinces {
				if q == p {
					r.errs.Errorf(c.Pos, "list the provinces it absorbed", "province %q absorbs itself", p.ID)
				} else {
					into[q] = append(into[q], p)
					if _, ok := where[q]; !ok {
						where[q] = c.Pos
					}
				}
			}
		}
	}
	for _, loop := range findLoops(r.site.Provinces, func(p *model.Province) []*model.Province { return into[p] }) {
		r.errs.Errorf(where[loop[0]], "the province that merges into another stops existing; the chain of mergers must end at a province that exists",
			"province %q: mergers form a loop: %s", loop[0].ID, loopText(loop, func(p *model.Province) string { return p.ID }))
	}
}

// restateLoops reports items of a plan that restate each other in a
// loop: an appendix row restates a body item, never the other way too.
func (r *resolver) restateLoops(p *model.Plan) {
	for _, loop := range findLoops(p.Items, func(it *model.Item) []*model.Item {
		if it.RestatesItem == nil {
			return nil
		}
		return []*model.Item{it.RestatesItem}
	}) {
		r.errs.Errorf(loop[0].Restates.Pos, "an appendix row restates the item of the plan's body; remove `restates:` from the body item",
			"item %q: restated items form a loop: %s", loop[0].ID, loopText(loop, func(it *model.Item) string { return it.ID }))
	}
}

// addresses checks redirects.yaml as a whole: each old address is
// recorded once, nothing points to itself, and moves do not loop. That
// the new addresses exist is checked with the site's pages, by package
// manifest.
func (r *resolver) addresses() {
	first := map[string]diag.Pos{}
	once := func(p string, pos diag.Pos) {
		if prev, dup := first[p]; dup {
			r.errs.Errorf(pos, fmt.Sprintf("keep one entry per address; the first is on line %d", prev.Line), "address %q is moved or withdrawn twice", p)
			return
		}
		first[p] = pos
	}
	to := map[string]string{}
	var froms []string
	for _, m := range r.site.Moved {
		if m.From == "" {
			continue
		}
		once(m.From, m.Pos)
		if m.From == m.To {
			r.errs.Errorf(m.ToPos, "write the address the page or file moved to", "moved address %q moves to itself", m.From)
			continue
		}
		to[m.From] = m.To
		froms = append(froms, m.From)
	}
	for _, w := range r.site.Withdrawn {
		if w.Path == "" {
			continue
		}
		once(w.Path, w.Pos)
		if w.See == w.Path {
			r.errs.Errorf(w.SeePos, "point to another page, or leave `see` out", "withdrawn address %q: see points to itself", w.Path)
		}
	}
	sort.Strings(froms)
	for _, loop := range findLoops(froms, func(p string) []string {
		if t, ok := to[p]; ok {
			return []string{t}
		}
		return nil
	}) {
		r.errs.Errorf(first[loop[0]], "a moved address must end at a page or file that exists",
			"moved address %q: moves form a loop: %s", loop[0], loopText(loop, func(p string) string { return p }))
	}
}
