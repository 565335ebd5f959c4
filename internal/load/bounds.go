package load

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"sitegen/internal/chars"
	"sitegen/internal/diag"
)

// The bounds below keep the work of loading proportional to the size of
// the content, whatever a file says: a few kilobytes of YAML aliases can
// otherwise stand for billions of values, and a value that contains
// itself for infinitely many.
const (
	// MaxValues is the most values (mappings, lists, keys and scalars)
	// one YAML file may stand for once its aliases are followed. The
	// largest real plan has about 4,000.
	MaxValues = 500_000
	// MaxSectionDepth is the deepest a plan's outline may nest. Real
	// plans nest four levels (III, 2, 2.1, a).
	MaxSectionDepth = 10
	// MaxText is the most characters one text value may have. The
	// longest real item has about 1,400.
	MaxText = 20_000
	// maxCharProblems is how many invisible or control characters are
	// reported per file before the rest are counted in one message.
	maxCharProblems = 10
)

// firstNonText returns the 1-based line of the first byte of b that is
// not UTF-8 text (an invalid sequence or a NUL byte), or 0.
func firstNonText(b []byte) int {
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return 0 // nearly every file: both checks run a word at a time
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0 || r == utf8.RuneError && size == 1 {
			return 1 + bytes.Count(b[:i], []byte("\n"))
		}
		i += size
	}
	return 0
}

// checkChars reports the characters package chars refuses in a file's
// bytes, and a carriage return without its line feed, each with its
// line. A control character makes the file unusable (YAML refuses it
// without saying where); an invisible character is reported and the
// file still read, so that its other problems show in the same run. ok
// is false when the file cannot be used.
func (l *loader) checkChars(name string, b []byte) (ok bool) {
	ok = true
	line, reported, more := 1, 0, 0
	for i := 0; i < len(b); {
		// most of a file is ASCII, read without decoding
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		i += size
		if r == '\n' {
			line++
			continue
		}
		if r >= 0x20 && r < 0x7f || r == '\t' || r != '\r' && !chars.Refused(r) {
			continue
		}
		control := r == '\r' || chars.Control(r)
		ok = ok && !control
		if reported == maxCharProblems {
			more++
			continue
		}
		reported++
		pos := diag.Pos{File: name, Line: line}
		if r == '\r' {
			l.errs.Errorf(pos, "save the file with Unix (LF) or Windows (CRLF) line ends", "carriage return without a line feed")
			continue
		}
		l.errs.Errorf(pos, chars.Hint(r), "%s is not allowed", chars.Describe(r))
	}
	if more > 0 {
		l.errs.Errorf(diag.Pos{File: name}, "delete them; an editor's option to show invisible characters finds them",
			"%d more control or invisible characters after the first %d", more, maxCharProblems)
	}
	return ok
}

// checkValues applies the rule of package chars to the values of a
// parsed YAML file, and normalises them to NFC as the file's bytes are.
// Only a double-quoted value can hold a character its bytes do not: an
// escape ("\u202e", "\x1b", "\e") stands for it, and "\u0301" for a
// decomposed accent. Characters the file's bytes showed (raw) were
// reported with their own line already. b is the file's YAML.
func (l *loader) checkValues(name string, b []byte, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style&yaml.DoubleQuotedStyle != 0 {
		if r, at := chars.Find(n.Value); at >= 0 && !bytes.ContainsRune(b, r) {
			l.errs.Errorf(diag.Pos{File: name, Line: n.Line}, fmt.Sprintf("delete the escape that stands for it, such as \\u%04x: %s", r, chars.Why(r)),
				"%s is not allowed, written as an escape between double quotes", chars.Describe(r))
		}
		if !norm.NFC.IsNormalString(n.Value) {
			n.Value = norm.NFC.String(n.Value)
		}
	}
	for _, c := range n.Content {
		if c.Kind != yaml.AliasNode { // its value is checked where it is written
			l.checkValues(name, b, c)
		}
	}
}

var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserErrors are the messages of yaml.v3's parser, as against its
// scanner's. The parser names the line where the value it was reading
// starts: for an unclosed [ or {, the line of the bracket.
var parserErrors = []string{
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
}

func parserError(msg string) bool {
	for _, p := range parserErrors {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// syntaxError records a YAML syntax error. yaml.v3 reports them only as
// text; its line is the only position there is. offset is the line of
// the file before the YAML's first line (front matter starts on line 2).
func (l *loader) syntaxError(name string, b []byte, err error, offset int) {
	msg := err.Error()
	line := 0
	if m := yamlLineError.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserError(msg) {
			// yaml.v3 counts the lines of its parser's errors from 0,
			// and those of its scanner's from 1
			line++
		}
		line += offset
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	hint := "check indentation and quoting; values containing `: ` or starting with a quote need quotes"
	if bytes.Contains(b, []byte("\t")) && strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token") {
		hint = "indent with spaces, not tabs, and quote values that start with special characters"
	}
	if strings.Contains(msg, "exceeded max depth") {
		hint = "a content file never nests this deep; check for unclosed [ or {"
	}
	l.errs.Errorf(diag.Pos{File: name, Line: line}, hint, "invalid YAML: %s", msg)
}

// parseYAML parses one YAML document and returns its top node, nil for
// an empty file. offset is added to every line (see syntaxError). A
// second document in the file, an alias that refers to a value that
// contains it, or aliases that expand to more than MaxValues values
// are errors.
func (l *loader) parseYAML(name string, b []byte, offset int) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, true
		}
		l.syntaxError(name, b, err, offset)
		return nil, false
	}
	if offset != 0 {
		shiftLines(&doc, offset)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		l.syntaxError(name, b, err, offset)
		return nil, false
	case len(next.Content) > 0 && !isNull(next.Content[0]):
		l.errs.Errorf(diag.Pos{File: name, Line: next.Line + offset},
			"a file holds one YAML document: delete this `---` line and what follows, or move it into a file of its own",
			"a second YAML document starts here")
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	top := doc.Content[0]
	if !l.checkAliases(name, top) {
		return nil, false
	}
	l.checkValues(name, b, top)
	return top, true
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == ""
}

// expansion counts the values a YAML tree stands for with its aliases
// followed. Sizes of anchored values are remembered, so that counting
// takes time proportional to the file, not to the expansion.
type expansion struct {
	sizes map[*yaml.Node]int
	open  map[*yaml.Node]bool // anchored values being counted: the ancestors
	cycle *yaml.Node          // the first alias found inside its own value
}

// count returns the number of values n stands for, at most MaxValues+1.
func (e *expansion) count(n *yaml.Node) int {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1
		}
		if e.open[n.Alias] {
			if e.cycle == nil {
				e.cycle = n
			}
			return MaxValues + 1
		}
		return e.count(n.Alias)
	}
	if s, ok := e.sizes[n]; ok {
		return s
	}
	if n.Anchor != "" {
		e.open[n] = true
	}
	s := 1
	for _, c := range n.Content {
		if s += e.count(c); s > MaxValues {
			s = MaxValues + 1
			break
		}
	}
	if n.Anchor != "" {
		delete(e.open, n)
		e.sizes[n] = s
	}
	return s
}

// firstOver walks the tree as written, adding up what each value stands
// for, and returns the value at which the total passes MaxValues: the
// alias to point at.
func (e *expansion) firstOver(n *yaml.Node, total *int) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		if *total += e.count(n); *total > MaxValues {
			return n
		}
		return nil
	}
	if *total++; *total > MaxValues {
		return n
	}
	for _, c := range n.Content {
		if at := e.firstOver(c, total); at != nil {
			return at
		}
	}
	return nil
}

// checkAliases refuses a tree whose aliases loop or expand beyond
// MaxValues, before anything walks it.
func (l *loader) checkAliases(name string, top *yaml.Node) bool {
	e := &expansion{sizes: map[*yaml.Node]int{}, open: map[*yaml.Node]bool{}}
	if e.count(top) <= MaxValues {
		return true
	}
	if e.cycle != nil {
		l.errs.Errorf(diag.Pos{File: name, Line: e.cycle.Line},
			"an alias repeats a value written before it, never one it is part of; write the inner value out",
			"alias *%s refers to a value that contains it, so it never ends", e.cycle.Value)
		return false
	}
	total := 0
	at := e.firstOver(top, &total)
	if at != nil && at.Kind == yaml.AliasNode {
		l.errs.Errorf(diag.Pos{File: name, Line: at.Line},
			"repeat values with aliases only where a reader would write them out; aliases of lists of aliases multiply",
			"with alias *%s the file stands for more than %d values, the limit", at.Value, MaxValues)
		return false
	}
	line := 0
	if at != nil {
		line = at.Line
	}
	l.errs.Errorf(diag.Pos{File: name, Line: line}, "split it into several files",
		"the file has more than %d values, the limit", MaxValues)
	return false
}

// charRef is a Markdown (and HTML) character reference: CommonMark
// turns "&#x202E;", "&#8238;" and "&shy;" into the character itself.
var charRef = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// checkReferences applies the rule of package chars to the characters
// the references of a Markdown text stand for. line is the file's line
// the text starts on.
func (l *loader) checkReferences(name, text string, line int) {
	if !strings.Contains(text, "&") {
		return
	}
	for _, at := range charRef.FindAllStringIndex(text, -1) {
		ref := text[at[0]:at[1]]
		if r, i := chars.Find(html.UnescapeString(ref)); i >= 0 {
			l.errs.Errorf(diag.Pos{File: name, Line: line + strings.Count(text[:at[0]], "\n")}, "delete "+ref+": "+chars.Why(r),
				"%s is not allowed, written as the reference %s", chars.Describe(r), ref)
		}
	}
}
