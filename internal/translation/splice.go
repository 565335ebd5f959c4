package translation

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Writing translations back splices new `en` and `en_of` lines into the
// file's bytes and leaves every other byte as it was: comments, quoting,
// line wrapping, key order and blank lines stay the publisher's.
// Re-encoding the parsed tree instead would rewrite the whole file in
// yaml.v3's own style (flow mappings unfolded, long lines re-wrapped).
// To be safe, the result is parsed again and compared with the original,
// node by node and comment by comment: only the edited texts may differ.

// textWidth is the column new English is wrapped at: the longest line of
// the file's folded texts, so that it looks like the text around it (the
// plans are wrapped at 80 to 100 columns), within reason.
func (d *doc) textWidth(top *yaml.Node) int {
	width := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 {
			indent := -1
			for l := n.Line + 1; l <= len(d.lines); l++ {
				t := d.lineText(l)
				body := strings.TrimLeft(t, " ")
				if body == "" {
					continue
				}
				if indent < 0 {
					indent = len(t) - len(body)
				}
				if len(t)-len(body) < indent {
					break
				}
				width = max(width, utf8.RuneCountInString(t))
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(top)
	if width == 0 {
		return 80
	}
	return min(max(width, 72), 120)
}

// change is the English to write into one text.
type change struct {
	field *field
	en    string
	enOf  string
}

// doc is a YAML file's bytes with its line starts.
type doc struct {
	b     []byte
	lines []int // byte offset of the start of each line; lines[0] is line 1
	nl    string
	width int // see textWidth
}

func newDoc(b []byte) *doc {
	d := &doc{b: b, lines: []int{0}, nl: "\n"}
	for i, c := range b {
		if c == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	if i := bytes.IndexByte(b, '\n'); i > 0 && b[i-1] == '\r' {
		d.nl = "\r\n"
	}
	return d
}

// lineText is line l (1-based) without its line end.
func (d *doc) lineText(l int) string {
	if l < 1 || l > len(d.lines) {
		return ""
	}
	return string(d.b[d.lines[l-1]:d.lineEnd(l)])
}

// lineEnd is the offset where line l's text ends, before its line end.
func (d *doc) lineEnd(l int) int {
	end := len(d.b)
	if l < len(d.lines) {
		end = d.lines[l] - 1
	}
	if end > d.lines[l-1] && d.b[end-1] == '\r' {
		end--
	}
	return end
}

// offset is the byte offset of a node's first character. yaml.v3 counts
// columns in characters, not bytes.
func (d *doc) offset(n *yaml.Node) int {
	start := d.lines[n.Line-1]
	line := d.b[start:d.lineEnd(n.Line)]
	i := 0
	for c := 1; c < n.Column && i < len(line); c++ {
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	return start + i
}

func (d *doc) lineOf(offset int) int {
	return sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > offset })
}

// valueEnd is the offset just after the value v of key k in mapping m.
func (d *doc) valueEnd(m, k, v *yaml.Node) (int, error) {
	start := d.offset(v)
	if m.Style&yaml.FlowStyle != 0 {
		return d.flowEnd(start, v)
	}
	if v.Tag == "!!null" && v.Value == "" {
		// `en:` with nothing after it: the value is the rest of the key's line.
		return d.plainEnd(k.Line, d.offset(k)+len(k.Value)+1), nil
	}
	// A value goes on while the lines below it are indented more than its
	// key; blank lines inside a block text belong to it.
	indent := k.Column - 1
	block := v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	last := v.Line
	for l := v.Line + 1; l <= len(d.lines); l++ {
		t := d.lineText(l)
		trimmed := strings.TrimLeft(t, " ")
		if trimmed == "" {
			continue
		}
		if len(t)-len(trimmed) <= indent || !block && strings.HasPrefix(trimmed, "#") {
			break
		}
		last = l
	}
	switch {
	case block:
		return d.lineEnd(last), nil
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return d.quotedEnd(start, v)
	}
	return d.plainEnd(last, d.lines[last-1]), nil
}

// plainEnd is where a plain value on line l ends: before a comment and
// trailing spaces. from is where to start looking for the comment.
func (d *doc) plainEnd(l, from int) int {
	end := d.lineEnd(l)
	if from > end {
		return end
	}
	rest := string(d.b[from:end])
	if i := strings.Index(rest, " #"); i >= 0 {
		rest = rest[:i]
	}
	return from + len(strings.TrimRight(rest, " \t"))
}

func (d *doc) quotedEnd(start int, v *yaml.Node) (int, error) {
	q := d.b[start]
	for i := start + 1; i < len(d.b); i++ {
		switch {
		case q == '"' && d.b[i] == '\\':
			i++
		case d.b[i] == q && q == '\'' && i+1 < len(d.b) && d.b[i+1] == '\'':
			i++
		case d.b[i] == q:
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("line %d: the quoted text does not end", v.Line)
}

// flowEnd is where a value inside { } ends.
func (d *doc) flowEnd(start int, v *yaml.Node) (int, error) {
	if start < len(d.b) && (d.b[start] == '"' || d.b[start] == '\'') {
		return d.quotedEnd(start, v)
	}
	i := start
	for i < len(d.b) {
		c := d.b[i]
		if c == ',' || c == '}' || c == ']' || c == '\n' || c == '\r' ||
			c == ' ' && i+1 < len(d.b) && d.b[i+1] == '#' {
			break
		}
		i++
	}
	for i > start && d.b[i-1] == ' ' {
		i--
	}
	return i, nil
}

// edit replaces b[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// splice writes the changes into the file's bytes. top is the file
// parsed from b; the changes' fields must come from it.
func splice(b []byte, top *yaml.Node, changes []change) ([]byte, error) {
	d := newDoc(b)
	d.width = d.textWidth(top)
	var edits []edit
	for _, c := range changes {
		e, err := d.edits(c)
		if err != nil {
			return nil, fmt.Errorf("unit %q: cannot write it in place: %v", c.field.ID, err)
		}
		edits = append(edits, e...)
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), b...)
	for i, e := range edits {
		if i > 0 && e.end > edits[i-1].start {
			return nil, fmt.Errorf("two edits overlap at line %d", d.lineOf(e.start))
		}
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	if err := verify(top, out, changes); err != nil {
		return nil, err
	}
	return out, nil
}

// textKeys is a text's mapping and the keys an import reads and writes
// in it; a key absent from the mapping is nil, with its value.
type textKeys struct {
	m        *yaml.Node
	flow     bool // the mapping is written { vi: ..., en: ... }
	viK, viV *yaml.Node
	enK, enV *yaml.Node
	ofK, ofV *yaml.Node
}

// edits are the byte edits that set one text's en and en_of.
func (d *doc) edits(c change) ([]edit, error) {
	m := c.field.holder
	t := textKeys{m: m, flow: m.Style&yaml.FlowStyle != 0}
	t.viK, t.viV = key(m, "vi")
	t.enK, t.enV = key(m, "en")
	t.ofK, t.ofV = key(m, "en_of")
	for _, n := range []*yaml.Node{t.enV, t.ofV} {
		if n != nil && n.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("line %d: the field is not a single text", n.Line)
		}
	}
	var out []edit
	tail, of, err := d.fingerprintEdit(t, c.enOf)
	if err != nil {
		return nil, err
	}
	if of != nil {
		out = append(out, *of)
	}
	en, err := d.englishEdit(t, c.en, tail)
	if err != nil {
		return nil, err
	}
	if en != nil {
		out = append(out, *en)
	}
	return out, nil
}

// fingerprintEdit replaces an en_of that differs from enOf; when there
// is none yet, it returns instead the tail that writes it right after
// en.
func (d *doc) fingerprintEdit(t textKeys, enOf string) (tail string, e *edit, err error) {
	switch {
	case t.ofK == nil && t.flow:
		return ", en_of: " + enOf, nil, nil
	case t.ofK == nil:
		return d.nl + strings.Repeat(" ", keyIndent(t.viK, t.enK)) + "en_of: " + enOf, nil, nil
	case t.ofV.Value == enOf:
		return "", nil, nil
	}
	start := d.offset(t.ofV)
	end, err := d.valueEnd(t.m, t.ofK, t.ofV)
	if err != nil {
		return "", nil, err
	}
	return "", &edit{start, end, enOf}, nil
}

// englishEdit writes en, followed by tail; nil when the English stays as
// it is and there is no tail to add.
func (d *doc) englishEdit(t textKeys, en, tail string) (*edit, error) {
	switch {
	case t.enK == nil:
		// A new en goes right after vi.
		end, err := d.valueEnd(t.m, t.viK, t.viV)
		if err != nil {
			return nil, err
		}
		if t.flow {
			return &edit{end, end, ", en: " + flowScalar(en) + tail}, nil
		}
		end = d.lineEnd(d.lineOf(end))
		indent := t.viK.Column - 1
		return &edit{end, end, d.nl + strings.Repeat(" ", indent) + d.block("en", en, indent) + tail}, nil
	case clean(t.enV.Value) == en:
		// The English stays as written (a review confirmed it): only its
		// fingerprint is added after it.
		if tail == "" {
			return nil, nil
		}
		end, err := d.valueEnd(t.m, t.enK, t.enV)
		if err != nil {
			return nil, err
		}
		if !t.flow {
			end = d.lineEnd(d.lineOf(end))
		}
		return &edit{end, end, tail}, nil
	case t.flow:
		start := d.offset(t.enV)
		end, err := d.valueEnd(t.m, t.enK, t.enV)
		if err != nil {
			return nil, err
		}
		return &edit{start, end, flowScalar(en) + tail}, nil
	}
	return d.blockEnglishEdit(t, en, tail)
}

// blockEnglishEdit replaces the English of a block mapping, keeping the
// comment at the end of its first line.
func (d *doc) blockEnglishEdit(t textKeys, en, tail string) (*edit, error) {
	end, err := d.valueEnd(t.m, t.enK, t.enV)
	if err != nil {
		return nil, err
	}
	r := d.block("en", en, t.enK.Column-1)
	if comment := t.enV.LineComment; comment != "" {
		// The comment that ends en's first line stays there; after a
		// folded text's last line it would become part of the text.
		end = d.lineEnd(d.lineOf(end))
		first, rest, folded := strings.Cut(r, d.nl)
		r = first + " " + comment
		if folded {
			r += d.nl + rest
		}
	}
	return &edit{d.offset(t.enK), end, r + tail}, nil
}

func keyIndent(vi, en *yaml.Node) int {
	if en != nil {
		return en.Column - 1
	}
	return vi.Column - 1
}

// block renders `key: text` in a block mapping indented by indent: on one
// line when it fits, else folded (>-) and wrapped, as the files are
// written.
func (d *doc) block(key, text string, indent int) string {
	one := key + ": "
	if plainIn("k: ", "", text) {
		one += text
	} else {
		one += strconv.Quote(text)
	}
	if indent+utf8.RuneCountInString(one) <= d.width {
		return one
	}
	var b strings.Builder
	b.WriteString(key + ": >-")
	pad := strings.Repeat(" ", indent+2)
	n := 0
	for _, w := range strings.Fields(text) {
		if n > 0 && indent+2+n+1+utf8.RuneCountInString(w) <= d.width {
			b.WriteString(" " + w)
			n += 1 + utf8.RuneCountInString(w)
			continue
		}
		b.WriteString(d.nl + pad + w)
		n = utf8.RuneCountInString(w)
	}
	return b.String()
}

// flowScalar renders text as a value inside { }.
func flowScalar(text string) string {
	if plainIn("{k: ", "}", text) {
		return text
	}
	return strconv.Quote(text)
}

// plainIn reports whether text can be written unquoted between prefix and
// suffix and read back as the same text.
func plainIn(prefix, suffix, text string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte(prefix+text+suffix), &n) != nil || len(n.Content) == 0 {
		return false
	}
	_, v := key(n.Content[0], "k")
	return v != nil && v.Kind == yaml.ScalarNode && v.Style == 0 && v.Tag == "!!str" && v.Value == text
}

// verify parses the new bytes and compares them with the original tree:
// the same nodes, values and comments, except each changed text's en and
// en_of, which must read back as written.
func verify(old *yaml.Node, b []byte, changes []change) error {
	var top yaml.Node
	if err := yaml.Unmarshal(b, &top); err != nil {
		return fmt.Errorf("the edited file does not parse (%v); no file was written", err)
	}
	want := map[*yaml.Node]change{}
	for _, c := range changes {
		want[c.field.holder] = c
	}
	return same(old, &top, want)
}

func same(a, b *yaml.Node, want map[*yaml.Node]change) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Style != b.Style || a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment {
		return fmt.Errorf("line %d: the edit would change the file beyond the English; no file was written", a.Line)
	}
	c, edited := want[a]
	if a.Kind != yaml.MappingNode || !edited {
		if len(a.Content) != len(b.Content) {
			return fmt.Errorf("line %d: the edit would change the file beyond the English; no file was written", a.Line)
		}
		for i := range a.Content {
			if err := same(a.Content[i], b.Content[i], want); err != nil {
				return err
			}
		}
		return nil
	}
	// An edited text: its other fields unchanged, en and en_of as written
	// and with the comments they had.
	ao, bo := others(a), others(b)
	if len(ao) != len(bo) {
		return fmt.Errorf("unit %q: line %d: the edit would add or remove a field; no file was written", c.field.ID, b.Line)
	}
	for i := range ao {
		if err := same(ao[i], bo[i], want); err != nil {
			return err
		}
	}
	for _, f := range []struct{ key, want string }{{"en", c.en}, {"en_of", c.enOf}} {
		bk, bv := key(b, f.key)
		if bv == nil || bv.Kind != yaml.ScalarNode || clean(bv.Value) != f.want {
			return fmt.Errorf("unit %q: line %d: %s does not read back as %q; no file was written", c.field.ID, b.Line, f.key, f.want)
		}
		if ak, av := key(a, f.key); ak != nil && (ak.HeadComment != bk.HeadComment || av.LineComment != bv.LineComment || av.FootComment != bv.FootComment) {
			return fmt.Errorf("unit %q: line %d: the comment of %s would change; no file was written", c.field.ID, bk.Line, f.key)
		}
	}
	return nil
}

// others lists a mapping's keys and values other than en and en_of.
func others(m *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i].Value; k != "en" && k != "en_of" {
			out = append(out, m.Content[i], m.Content[i+1])
		}
	}
	return out
}
