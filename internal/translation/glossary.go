package translation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/model"
)

// rendering is one Vietnamese form to look for in a source text and the
// note a translator gets when it occurs.
type rendering struct {
	form string
	note string
}

var abbreviated = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)

// renderings lists the forms under which the glossary's terms occur in
// texts. An entry may gather several forms:
//
//   - "Ủy ban nhân dân (UBND)" is also written "Ủy ban nhân dân" or "UBND";
//   - "người yếu thế, nhóm yếu thế" with "vulnerable people, vulnerable
//     groups" pairs each form with its rendering;
//   - "cơ quan chủ trì, đơn vị chủ trì" with the one rendering "lead
//     agency" lists variants of one word, which share a word; forms that
//     share none, like "thông tin, tuyên truyền", are one phrase, and
//     looking for "thông tin" alone would flood the notes.
func renderings(terms []*model.Term) []rendering {
	var out []rendering
	for _, t := range terms {
		vi, en := clean(t.VI), clean(t.EN)
		if vi == "" || en == "" {
			continue
		}
		whole := vi + " → " + en
		out = append(out, rendering{vi, whole})
		if m := abbreviated.FindStringSubmatch(vi); m != nil {
			out = append(out, rendering{m[1], whole}, rendering{m[2], whole})
			continue
		}
		forms := strings.Split(vi, ", ")
		if len(forms) < 2 {
			continue
		}
		if ens := strings.Split(en, ", "); len(ens) == len(forms) {
			for i, f := range forms {
				out = append(out, rendering{f, f + " → " + ens[i]})
			}
		} else if !strings.Contains(en, ", ") && shareWord(forms) {
			for _, f := range forms {
				out = append(out, rendering{f, whole})
			}
		}
	}
	return out
}

// senseNotes gives, by trans-unit id of an item's text, the renderings
// the glossary gives a term there in another sense than its usual one:
// "xã hội hóa → involve society in (here: ...)".
func senseNotes(terms []*model.Term) map[string][]string {
	out := map[string][]string{}
	for _, t := range terms {
		for _, s := range t.Senses {
			for _, r := range s.Items {
				id := "plans/" + r.Plan + "/" + r.ItemID + "/text"
				out[id] = append(out[id], clean(t.VI)+" → "+s.EN+" (here: "+clean(s.When.EN)+")")
			}
		}
	}
	return out
}

// shareWord reports whether every form has a word in common with the
// first one.
func shareWord(forms []string) bool {
	first := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(forms[0])) {
		first[w] = true
	}
	for _, f := range forms[1:] {
		shared := false
		for _, w := range strings.Fields(strings.ToLower(f)) {
			shared = shared || first[w]
		}
		if !shared {
			return false
		}
	}
	return true
}

// glossaryNotes returns the notes for the terms that occur in src, each
// once, in glossary order.
func glossaryNotes(src string, rs []rendering) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.note] && occurs(src, r.form) {
			seen[r.note] = true
			out = append(out, r.note)
		}
	}
	return out
}

// occurs reports whether form occurs in s as whole words. A form written
// in lower case may begin a sentence, so its first letter may be a
// capital; a capitalised form is a name ("Quyết định", a decision) and
// must match exactly, so that the verb "quyết định" is not taken for it.
func occurs(s, form string) bool {
	if containsWords(s, form) {
		return true
	}
	r, n := utf8.DecodeRuneInString(form)
	return unicode.IsLower(r) && containsWords(s, string(unicode.ToUpper(r))+form[n:])
}

func containsWords(s, form string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], form)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(form):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
