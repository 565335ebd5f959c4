package resolve

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/model"
)

// glossary reports an item whose English uses a rendering that the
// glossary has replaced for a term its Vietnamese contains: one term, one
// rendering, on every page.
func (r *resolver) glossary(it *model.Item) {
	if it.Text.EN == "" {
		return
	}
	if r.avoided == nil {
		r.avoided = avoidedRenderings(r.site.Glossary)
	}
	vi, en := strings.ToLower(it.Text.VI), ""
	for _, a := range r.avoided {
		if !containsAny(vi, a.forms) {
			continue
		}
		if en == "" {
			en = strings.ToLower(it.Text.EN)
		}
		t := a.term
		for i, rendering := range a.renderings {
			if hasPhrase(en, rendering) {
				r.errs.Warnf(it.TextPos, fmt.Sprintf("write %q, or change the term at glossary.yaml:%d", t.EN, t.Pos.Line),
					"item %q: the English renders %q as %q, which the glossary avoids", it.ID, t.VI, t.Avoid[i])
			}
		}
	}
}

// avoidedTerm is a glossary term with renderings to avoid, its forms
// and those renderings in lower case: lowered once, not once an item.
type avoidedTerm struct {
	term       *model.Term
	forms      []string
	renderings []string // as t.Avoid
}

// avoidedRenderings lists the terms of the glossary that have renderings
// to avoid. The list is never nil, so that it is made once.
func avoidedRenderings(glossary []*model.Term) []avoidedTerm {
	out := []avoidedTerm{}
	for _, t := range glossary {
		if len(t.Avoid) == 0 {
			continue
		}
		a := avoidedTerm{term: t}
		for _, f := range t.Forms() {
			a.forms = append(a.forms, strings.ToLower(f))
		}
		for _, x := range t.Avoid {
			a.renderings = append(a.renderings, strings.ToLower(x))
		}
		out = append(out, a)
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// hasPhrase reports whether phrase occurs in s as whole words, so that
// an avoided "term" does not match inside "terms of reference".
func hasPhrase(s, phrase string) bool {
	if phrase == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = start + 1
	}
}

// senses resolves the items each sense of a glossary term names and
// checks them: the item's Vietnamese has the term, and its English uses
// the sense's rendering, so that the one place that says "here the term
// means this" and the translation it governs agree.
func (r *resolver) senses() {
	for _, t := range r.site.Glossary {
		forms := t.Forms()
		for i := range forms {
			forms[i] = strings.ToLower(forms[i])
		}
		for _, s := range t.Senses {
			for i := range s.Items {
				ref := &s.Items[i]
				p, ok := r.plans[ref.Plan]
				if !ok {
					// the glossary serves every plan a portal publishes,
					// and outlives one that is not (yet) among them
					r.errs.Warnf(ref.Pos, "remove it from `items:` if the plan is gone, or correct the plan's id",
						"glossary term %q: sense %q: plan %q is not published here", t.VI, s.EN, ref.Plan)
					continue
				}
				for _, it := range p.Items {
					if it.ID == ref.ItemID {
						ref.Item = it
					}
				}
				it := ref.Item
				switch {
				case it == nil:
					r.errs.Errorf(ref.Pos, fmt.Sprintf("write the id of an item of plan %q", p.ID), "glossary term %q: sense %q: plan %q has no item %q", t.VI, s.EN, p.ID, ref.ItemID)
				case !containsAny(strings.ToLower(it.Text.VI), forms):
					r.errs.Errorf(ref.Pos, "name an item whose text has the term, or remove it from `items:`", "glossary term %q: sense %q: the text of item %q does not have the term", t.VI, s.EN, it.ID)
				case it.Text.EN != "" && !hasPhrase(strings.ToLower(it.Text.EN), strings.ToLower(s.EN)):
					r.errs.Warnf(it.TextPos, fmt.Sprintf("write %q for the term, as glossary.yaml:%d gives it for this item", s.EN, s.Pos.Line),
						"item %q: the English does not render %q as %q, the sense the glossary gives it here", it.ID, t.VI, s.EN)
				}
			}
		}
	}
}
