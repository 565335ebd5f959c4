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
