package translation

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"sitegen/internal/model"
)

// siteFiles are the content files outside plans/ whose texts are
// translated. glossary.yaml is left out: it is the terminology itself,
// and its terms reach translators as notes.
var siteFiles = []string{"site.yaml", "frameworks.yaml", "provinces.yaml", "agencies.yaml", "themes.yaml"}

// field is one bilingual text in a content file: a mapping that holds
// `vi`, and `en` and `en_of` when they are written.
type field struct {
	ID   string // the text's path, the trans-unit id: plans/x/iii-1-a/text
	File string // the file, relative to the content directory
	Line int    // the line of `vi`
	Text model.Text

	holder *yaml.Node // the mapping
}

// needsEnglish reports whether the text has no English, or English made
// from an earlier Vietnamese.
func (f *field) needsEnglish() bool { return f.Text.EN == "" || f.Text.Outdated() }

// clean normalises a text as the loader does: NFC, white space collapsed.
func clean(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// fields lists the bilingual texts of one content file in the order they
// are written. top is the file's parsed document.
//
// A text's id is its path: the file's name without .yaml (plans/ID for a
// plan), then the keys leading to it, each list entry named by its `id`
// (or its position from 1 when it has none). Sections and items are named
// by their id alone, right after the plan, since ids are unique within a
// plan and an address must not change when a section is renumbered:
// plans/ID/ITEM-ID/text is an item's text, plans/ID/SECTION-ID/title a
// section's title, plans/ID/title the plan's title.
func fields(file string, top *yaml.Node) ([]*field, error) {
	if top == nil {
		return nil, nil
	}
	if top.Kind == yaml.DocumentNode {
		if len(top.Content) == 0 {
			return nil, nil
		}
		top = top.Content[0]
	}
	w := &walker{file: file, root: strings.TrimSuffix(file, ".yaml"), seen: map[string]int{}}
	w.plan = strings.HasPrefix(file, "plans/")
	w.walk(top, w.root)
	return w.out, w.err
}

type walker struct {
	file string
	root string // the id prefix of the file
	plan bool
	out  []*field
	seen map[string]int // id -> line, to refuse ambiguous ids
	err  error
}

func (w *walker) walk(n *yaml.Node, at string) {
	switch n.Kind {
	case yaml.MappingNode:
		if vi := value(n, "vi"); vi != nil && vi.Kind == yaml.ScalarNode && strings.TrimSpace(vi.Value) != "" {
			w.add(n, vi, at)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			switch {
			case k == "vi" || k == "en" || k == "en_of":
			case w.plan && (k == "sections" || k == "items") && v.Kind == yaml.SequenceNode:
				for j, e := range v.Content {
					if id := scalar(e, "id"); id != "" {
						w.walk(e, w.root+"/"+id)
					} else {
						w.walk(e, at+"/"+k+"/"+strconv.Itoa(j+1))
					}
				}
			default:
				w.walk(v, at+"/"+k)
			}
		}
	case yaml.SequenceNode:
		for j, e := range n.Content {
			name := strconv.Itoa(j + 1)
			if id := scalar(e, "id"); id != "" {
				name = id
			}
			w.walk(e, at+"/"+name)
		}
	}
	// Aliases are skipped: their anchor is a text of its own, and editing
	// it through an alias would change every place that uses it.
}

func (w *walker) add(holder, vi *yaml.Node, at string) {
	id := at
	if scalar(holder, "id") != "" {
		// An item holds its own text beside its other fields.
		id += "/text"
	}
	if line, dup := w.seen[id]; dup && w.err == nil {
		w.err = fmt.Errorf("%s:%d: two texts have the id %q (the first is on line %d); give the entries different ids", w.file, vi.Line, id, line)
	}
	w.seen[id] = vi.Line
	f := &field{ID: id, File: w.file, Line: vi.Line, holder: holder, Text: model.Text{VI: clean(vi.Value)}}
	if en := value(holder, "en"); en != nil && en.Kind == yaml.ScalarNode {
		f.Text.EN = clean(en.Value)
	}
	if of := value(holder, "en_of"); of != nil && of.Kind == yaml.ScalarNode {
		f.Text.ENOf = strings.TrimSpace(of.Value)
	}
	w.out = append(w.out, f)
}

// key returns the key node and the value node of key in mapping n.
func key(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

func value(n *yaml.Node, k string) *yaml.Node {
	_, v := key(n, k)
	return v
}

// scalar returns the text of a scalar field of mapping n, or "".
func scalar(n *yaml.Node, k string) string {
	v := value(n, k)
	if v == nil || v.Kind != yaml.ScalarNode {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// planFile is the file of plan id.
func planFile(id string) string { return path.Join("plans", id+".yaml") }
