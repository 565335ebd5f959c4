package load

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// idPattern is the shape of every id: it becomes part of a web address.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s can be used as an id.
func ValidID(s string) bool { return len(s) <= 100 && idPattern.MatchString(s) }

// decoder turns yaml nodes of one file into model values, recording
// problems with the file's name and the node's line.
type decoder struct {
	file string
	errs *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: d.file}
	}
	return diag.Pos{File: d.file, Line: n.Line}
}

// deref follows YAML aliases so that anchors work like a copy.
func deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 10; depth++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", diag.Clip(n.Value, diag.MaxEcho))
	}
	return "something else"
}

// mapping is a YAML mapping being read field by field. end reports the
// fields that no one asked for: they are typos or misplaced fields.
type mapping struct {
	d    *decoder
	node *yaml.Node
	what string
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
	used map[string]bool
	// order of keys as written, for stable unknown-field reports
	order []string
	// complex are the keys that are lists or mappings, not names
	complex []*yaml.Node
}

// mapping reads n as a mapping describing what (e.g. `item "iii-1-a"`).
// When n is not a mapping it records an error and returns an empty one,
// so that callers can carry on and find further problems.
func (d *decoder) mapping(n *yaml.Node, what string) *mapping {
	m := &mapping{d: d, node: n, what: what, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, used: map[string]bool{}}
	n = deref(n)
	if n == nil {
		return m
	}
	if n.Kind != yaml.MappingNode {
		d.errs.Errorf(d.pos(n), "write it as `key: value` lines", "%s must be a mapping, not %s", what, kindName(n))
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if dk := deref(k); dk == nil || dk.Kind != yaml.ScalarNode {
			// `[a, b]: x` or `? {a: b}` makes a list or a mapping the
			// key; end reports it, once the mapping's name is known
			m.complex = append(m.complex, k)
			continue
		}
		if prev, dup := m.keys[k.Value]; dup {
			d.errs.Errorf(d.pos(k), fmt.Sprintf("remove one of them; the first is on line %d", prev.Line), "%s: field %q is given twice", what, k.Value)
			continue
		}
		m.keys[k.Value] = k
		m.vals[k.Value] = v
		m.order = append(m.order, k.Value)
	}
	return m
}

func (m *mapping) has(key string) bool {
	_, ok := m.vals[key]
	return ok
}

func (m *mapping) keyPos(key string) diag.Pos {
	if k, ok := m.keys[key]; ok {
		return m.d.pos(k)
	}
	return m.d.pos(m.node)
}

// node returns the value of key, or nil when absent or null.
func (m *mapping) value(key string) *yaml.Node {
	m.used[key] = true
	v := deref(m.vals[key])
	if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		return nil
	}
	return v
}

// missing reports a required field that is absent, or written with no
// value (then at its own line).
func (m *mapping) missing(key, example string) {
	m.d.errs.Errorf(m.keyPos(key), "add `"+key+": "+example+"`", "%s: required field %q is missing", m.what, key)
}

// str reads a scalar as a string; "" when absent.
func (m *mapping) str(key string) string {
	v := m.value(key)
	if v == nil {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		m.d.errs.Errorf(m.d.pos(v), "write a single value", "%s: field %q must be text, not %s", m.what, key, kindName(v))
		return ""
	}
	if n := utf8.RuneCountInString(v.Value); n > MaxText {
		m.d.errs.Errorf(m.d.pos(v), fmt.Sprintf("split it, or check that a quote or block above it is closed; a text may have %d characters", MaxText),
			"%s: field %q is %d characters long", m.what, key, n)
		// its first MaxText characters, without a mark of the cut, to
		// check the rest with: a verbatim check of a text ending in "…"
		// would fail for the cut alone
		return strings.TrimSpace(strings.TrimSuffix(diag.Clip(v.Value, MaxText), "…"))
	}
	return strings.TrimSpace(v.Value)
}

func (m *mapping) reqStr(key, example string) string {
	if !m.has(key) || m.value(key) == nil {
		m.missing(key, example)
		return ""
	}
	s := m.str(key)
	if s == "" && m.value(key).Kind == yaml.ScalarNode {
		m.d.errs.Errorf(m.keyPos(key), "write a value after the colon", "%s: field %q is empty", m.what, key)
	}
	return s
}

// id reads a required id field.
func (m *mapping) id(key string) string {
	s := m.reqStr(key, "some-id")
	if s != "" && !ValidID(s) {
		example := suggestID(s)
		if example == "" {
			example = "iii-2-a"
		}
		m.d.errs.Errorf(m.keyPos(key), "use only lowercase ASCII letters, digits and single hyphens, e.g. "+strconv.Quote(example),
			"%s id %q is not valid", m.what, s)
	}
	return s
}

// ref reads an optional reference to another id.
func (m *mapping) ref(key string) model.Ref {
	s := m.str(key)
	return model.Ref{ID: s, Pos: m.keyPos(key)}
}

// refs reads a list of ids. A single id is accepted too.
func (m *mapping) refs(key string) []model.Ref {
	v := m.value(key)
	if v == nil {
		return nil
	}
	var nodes []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{v}
	case yaml.SequenceNode:
		nodes = v.Content
	default:
		m.d.errs.Errorf(m.d.pos(v), "write a list like [a, b]", "%s: field %q must be a list of ids, not %s", m.what, key, kindName(v))
		return nil
	}
	var out []model.Ref
	for _, n := range nodes {
		n = deref(n)
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			m.d.errs.Errorf(m.d.pos(n), "write ids only", "%s: field %q must list ids, not %s", m.what, key, kindName(n))
			continue
		}
		out = append(out, model.Ref{ID: n.Value, Pos: m.d.pos(n)})
	}
	return out
}

func (m *mapping) strs(key string) []string {
	var out []string
	for _, r := range m.refs(key) {
		out = append(out, r.ID)
	}
	return out
}

func (m *mapping) int(key string) int {
	v := m.value(key)
	if v == nil {
		return 0
	}
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		m.d.errs.Errorf(m.d.pos(v), "write a whole number such as 2025", "%s: field %q must be a whole number, not %s", m.what, key, kindName(v))
		return 0
	}
	return n
}

// Years outside [MinYear, MaxYear] are typing mistakes: the plans are
// of this century and the last.
const (
	MinYear = 1900
	MaxYear = 2200
)

// year reads an optional year; 0 when absent.
func (m *mapping) year(key string) int {
	v := m.value(key)
	if v == nil {
		return 0
	}
	y, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		return m.int(key) // reports the mistake
	}
	when := ""
	switch {
	case y < MinYear:
		when = fmt.Sprintf("before %d", MinYear)
	case y > MaxYear:
		when = fmt.Sprintf("after %d", MaxYear)
	default:
		return y
	}
	m.d.errs.Errorf(m.d.pos(v), "write the year in full, e.g. 2025", "%s: field %q is the year %d, %s", m.what, key, y, when)
	return 0
}

func (m *mapping) float(key string) float64 {
	v := m.value(key)
	if v == nil {
		return 0
	}
	f, err := strconv.ParseFloat(v.Value, 64)
	if v.Kind != yaml.ScalarNode || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		m.d.errs.Errorf(m.d.pos(v), "write a number such as 2.87", "%s: field %q must be a number, not %s", m.what, key, kindName(v))
		return 0
	}
	return f
}

func (m *mapping) bool(key string) bool {
	v := m.value(key)
	if v == nil {
		return false
	}
	switch v.Value {
	case "true":
		return true
	case "false":
		return false
	}
	m.d.errs.Errorf(m.d.pos(v), "write true or false", "%s: field %q must be true or false, not %s", m.what, key, kindName(v))
	return false
}

// url reads an optional web address: a page may link to it, so only
// http and https addresses with a host are accepted.
func (m *mapping) url(key string) string {
	s := m.str(key)
	if u, err := url.Parse(s); s != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
		m.d.errs.Errorf(m.keyPos(key), "write a full http:// or https:// address", "%s %s %q is not a web address", m.what, key, s)
	}
	return s
}

// date reads a YYYY-MM-DD date.
func (m *mapping) date(key string) (model.Date, bool) {
	v := m.value(key)
	if v == nil {
		return model.Date{}, false
	}
	t, err := time.Parse("2006-01-02", v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		m.d.errs.Errorf(m.d.pos(v), "write the date as YYYY-MM-DD, e.g. 2021-09-23", "%s: %q is not a valid date", m.what, v.Value)
		return model.Date{}, false
	}
	// as years are: the plans, their sources and their reports are of
	// this century and the last
	if y := t.Year(); y < MinYear || y > MaxYear {
		m.d.errs.Errorf(m.d.pos(v), fmt.Sprintf("write a date between %d and %d; a year out of that range is a typing mistake", MinYear, MaxYear),
			"%s: %s %s is in the year %d, outside %d-%d", m.what, key, v.Value, y, MinYear, MaxYear)
		return model.Date{}, false
	}
	return model.Date{Time: t}, true
}

// text reads a {vi, en} pair. required asks for the Vietnamese.
func (m *mapping) text(key string, required bool) model.Text {
	v := m.value(key)
	if v == nil {
		if required {
			m.missing(key, "{vi: ..., en: ...}")
		}
		return model.Text{}
	}
	t := m.d.text(v, fmt.Sprintf("%s: field %q", m.what, key))
	if required && t.VI == "" {
		m.d.errs.Errorf(m.d.pos(v), "add `vi: ...` with the text as printed in the source", "%s: field %q has no Vietnamese text", m.what, key)
	}
	return t
}

// editors reads a text that is the editors' words by nature (a note, an
// item's title, the evidence of an attribution): it must say so with
// `editorial: true`, so that the data, the pages and the open data never
// leave a reader to guess whose words a text is. Absent is no text.
func (m *mapping) editors(key string) model.Text {
	v := m.value(key)
	if v == nil {
		return model.Text{}
	}
	t := m.text(key, false)
	if !t.Editorial && !t.IsZero() {
		m.d.errs.Errorf(m.d.pos(v), "add `editorial: true` to it: only the document's own words go unmarked, and those are checked against the source",
			"%s: field %q is the editors' words but is not marked editorial", m.what, key)
	}
	return t
}

// text reads a {vi, en} mapping; `editorial: true` marks a text the
// editors wrote, which is then not checked against the source.
func (d *decoder) text(v *yaml.Node, what string) model.Text {
	tm := d.mapping(v, what)
	t := tm.pair(what)
	t.Editorial = tm.bool("editorial")
	tm.fingerprint(&t)
	tm.end()
	return t
}

// fingerprint reads `en_of`, the fingerprint of the Vietnamese the English
// was translated from (written by `sitegen translations import`), into t,
// and warns when the Vietnamese has changed since: the English may no
// longer say what the Vietnamese says.
func (m *mapping) fingerprint(t *model.Text) {
	if m.value("en_of") == nil {
		return
	}
	s := m.str("en_of")
	if !model.ValidFingerprint(s) {
		m.d.errs.Errorf(m.keyPos("en_of"), "write the 8 characters `sitegen translations import` writes, or remove the field", "%s: %q is not a fingerprint", m.what, s)
		return
	}
	t.ENOf = s
	switch {
	case t.EN == "":
		m.d.errs.Warnf(m.keyPos("en_of"), "remove `en_of`, or add the English it belongs to", "%s: `en_of` is given without `en`", m.what)
	case t.Outdated():
		m.d.errs.Warnf(m.keyPos("en"), fmt.Sprintf("the Vietnamese changed since it was translated; review the English and run sitegen translations import, or update en_of to %s", model.Fingerprint(t.VI)),
			"%s: the English may be out of date", m.what)
	}
}

// pair reads the vi and en fields of m, which may hold other fields too
// (a reporting deadline, an item's timing), positioned at the vi field.
func (m *mapping) pair(what string) model.Text {
	pos := m.keyPos("vi")
	return model.Text{VI: m.d.words(m.str("vi"), pos, what), EN: m.d.words(m.str("en"), m.keyPos("en"), what), Pos: pos}
}

// markup lists the characters of text-file markup (bold, italics, code)
// that copying from a converted document brings along: they are not the
// document's words, and pages would show them literally.
var markup = []string{"**", "__", "`"}

// words cleans a text's white space and reports markup characters in it.
func (d *decoder) words(s string, pos diag.Pos, what string) string {
	for _, mk := range markup {
		if strings.Contains(s, mk) {
			d.errs.Errorf(pos, "remove the markup and keep the words; the source page shows the document's emphasis", "%s: text contains the markup characters %q", what, mk)
			break
		}
	}
	return cleanText(s)
}

// seq reads a list of nodes; nil when absent.
func (m *mapping) seq(key string) []*yaml.Node {
	v := m.value(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.d.errs.Errorf(m.d.pos(v), "start each entry with `- `", "%s: field %q must be a list, not %s", m.what, key, kindName(v))
		return nil
	}
	return v.Content
}

// end reports every field that was not read: a typo or a misplaced field.
func (m *mapping) end() {
	for _, k := range m.complex {
		m.d.errs.Errorf(m.d.pos(k), "write each field as `name: value`, such as `lead: [dolisa]`; a list or mapping before the colon cannot name a field",
			"%s: a field's name is %s, not a word", m.what, kindName(deref(k)))
	}
	for _, k := range m.order {
		if m.used[k] {
			continue
		}
		if m.keys[k].Tag == "!!merge" {
			m.d.errs.Errorf(m.d.pos(m.keys[k]), "write the fields out, or put an anchor on a whole value (`lead: &leads [a, b]`) and repeat it with an alias (`lead: *leads`)",
				"%s: merge keys (`<<:`) are not supported", m.what)
			continue
		}
		hint := "remove it"
		if v := m.vals[k]; deref(m.node).Style&yaml.FlowStyle != 0 && v.Tag == "!!null" {
			// {vi: a, b, en: c} reads "b" as a field of its own.
			hint = "a comma inside { } starts a new field: put text that contains a comma in quotes"
		} else if s := closest(k, m.known()); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		m.d.errs.Errorf(m.d.pos(m.keys[k]), hint, "%s: unknown field %q", m.what, k)
	}
}

func (m *mapping) known() []string {
	var out []string
	for k := range m.used {
		out = append(out, k)
	}
	return out
}

// closest returns the candidate nearest to s by edit distance, if near.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD || (d == bestD && c < best && best != "") {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to s, for "did you mean" hints in
// other stages.
func Closest(s string, candidates []string) string { return closest(s, candidates) }

// cleanText normalises white space: line breaks inside a paragraph carry
// no meaning in the sources, so every run of spaces becomes one space.
func cleanText(s string) string { return fold.Spaces(s) }

// suggestID proposes a valid id for an invalid one.
func suggestID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(fold.ASCII(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 100 { // ValidID's limit; the input is ASCII by now
		out = strings.TrimSuffix(out[:100], "-")
	}
	return out
}

// word reads key as a value of a closed vocabulary (an item kind, a
// status, a unit): anything outside valid is reported with the closest
// valid value, or the list of them, as the fix. noun names the field in
// the message ("kind", "status").
func word[T ~string](m *mapping, key, noun string, valid []T) T {
	s := m.reqStr(key, string(valid[0]))
	if s == "" {
		return ""
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		if string(v) == s {
			return v
		}
		names[i] = string(v)
	}
	hint := "use one of: " + strings.Join(names, ", ")
	if c := closest(s, names); c != "" {
		hint = fmt.Sprintf("did you mean %q?", c)
	}
	m.d.errs.Errorf(m.keyPos(key), hint, "%s: %s %q is not known", m.what, noun, s)
	return T(s)
}
