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
	vi, en := strings.ToLower(it.Text.VI), strings.ToLower(it.Text.EN)
	for _, t := range r.site.Glossary {
		if len(t.Avoid) == 0 || !containsAny(vi, t.Forms()) {
			continue
		}
		for _, a := range t.Avoid {
			if hasPhrase(en, strings.ToLower(a)) {
				r.errs.Warnf(it.TextPos, fmt.Sprintf("write %q, or change the term at glossary.yaml:%d", t.EN, t.Pos.Line),
					"item %q: the English renders %q as %q, which the glossary avoids", it.ID, t.VI, a)
			}
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, strings.ToLower(sub)) {
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
