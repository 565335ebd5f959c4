package render

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// markdown renders commentary and standalone pages. Raw HTML is omitted
// (goldmark does so unless told it may not), and a link may only lead
// to a web page, an e-mail address or a path of the site: CheckMarkdown
// reports any other with its file and line when the content is checked,
// and HTML refuses it should one get that far. Heading ids are made by
// headingIDs, because goldmark's own drop Vietnamese letters ("Giảm
// nghèo" would become "gim-ngho").
type markdown struct {
	gm goldmark.Markdown
}

func newMarkdown() *markdown {
	return &markdown{gm: goldmark.New(
		goldmark.WithExtensions(tables{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// The Markdown parser's time grows faster than the text for some shapes
// (thousands of nested quotes on one line: 26 s for 256 KB; unclosed
// links: 7 s for 64 KB). These bounds keep every file well under a
// second; the longest real page is 10 KB and nests two levels.
const (
	// MaxMarkdown is the most bytes the text of one Markdown file may have.
	MaxMarkdown = 64 << 10
	// maxNesting is how many quotes and list items may start one line.
	maxNesting = 16
	// maxBrackets is how many "[" (links, images) one line may have.
	maxBrackets = 64
)

// mdProblem is something in a Markdown text the site will not publish;
// Line counts from the text's first line, 1.
type mdProblem struct {
	Line int
	Msg  string
	Hint string
}

// HeadingPrefix starts the id of every heading in Markdown. No id of
// the data (a-z, 0-9 and "-") and no id of the templates contains "_",
// so a heading never takes the id of an item, a section or part of the
// page such as "main" or "toc".
const HeadingPrefix = "_"

// HTML renders src. It never returns raw HTML from src, and fails on a
// text CheckMarkdown reports.
func (m *markdown) HTML(src string) (template.HTML, error) {
	doc, problems := m.parse(src)
	if len(problems) > 0 {
		p := problems[0]
		return "", fmt.Errorf("markdown line %d: %s (%s)", p.Line, p.Msg, p.Hint)
	}
	var buf bytes.Buffer
	if err := m.gm.Renderer().Render(&buf, []byte(src), doc); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(buf.String()), nil // #nosec: goldmark escapes text and drops raw HTML
}

// parse parses src within the bounds above and checks its links. The
// document is nil when the text is out of bounds.
func (m *markdown) parse(src string) (ast.Node, []mdProblem) {
	if problems := bounds(src); len(problems) > 0 {
		return nil, problems
	}
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	doc := m.gm.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
	return doc, badLinks(doc, []byte(src))
}

// bounds reports a text too long, or a line nested or bracketed too
// deep, before the parser sees it.
func bounds(src string) []mdProblem {
	if len(src) > MaxMarkdown {
		return []mdProblem{{Line: 1, Msg: fmt.Sprintf("the text is %d bytes long, more than the limit of %d", len(src), MaxMarkdown),
			Hint: "split it into several pages"}}
	}
	var out []mdProblem
	for i, line := range strings.Split(src, "\n") {
		if n := nesting(line); n > maxNesting {
			out = append(out, mdProblem{Line: i + 1, Msg: fmt.Sprintf("the line starts %d quotes or list items, more than the limit of %d", n, maxNesting),
				Hint: "nest fewer quotes (>) and lists"})
		}
		if n := strings.Count(line, "["); n > maxBrackets {
			out = append(out, mdProblem{Line: i + 1, Msg: fmt.Sprintf("the line has %d [, more than the limit of %d", n, maxBrackets),
				Hint: "split the line, or write \\[ for a bracket that is not a link"})
		}
	}
	return out
}

// nesting counts the block quote and list markers that start line.
func nesting(line string) int {
	n := 0
	for {
		line = strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(line, ">"):
			line = line[1:]
		case len(line) >= 2 && strings.IndexByte("-*+", line[0]) >= 0 && (line[1] == ' ' || line[1] == '\t'):
			line = line[2:]
		default:
			digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
			if digits == 0 || digits+1 >= len(line) || line[digits] != '.' && line[digits] != ')' || line[digits+1] != ' ' {
				return n
			}
			line = line[digits+2:]
		}
		n++
	}
}

// badLinks reports every link and image whose address is not allowed.
func badLinks(doc ast.Node, src []byte) []mdProblem {
	var out []mdProblem
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch l := n.(type) {
		case *ast.Link:
			dest = l.Destination
		case *ast.Image:
			dest = l.Destination
		case *ast.AutoLink:
			dest = l.URL(src)
			if l.AutoLinkType == ast.AutoLinkEmail {
				// published as mailto:ADDRESS, so checked as that: "</@t>"
				// would publish "mailto:/@t"
				dest = append([]byte("mailto:"), dest...)
			}
		default:
			return ast.WalkContinue, nil
		}
		// the address as the page will have it: goldmark resolves
		// character references ("java&#x73;cript:") and backslash escapes
		resolved := util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(dest)))
		if !allowedLink(string(dest)) || !allowedLink(string(resolved)) {
			out = append(out, mdProblem{Line: lineOf(n, src, dest),
				Msg:  fmt.Sprintf("link %q is not a web address, an e-mail address or a path of the site", diag.Clip(string(dest), diag.MaxEcho)),
				Hint: "links may only use https://, http://, mailto: or a path such as ../plans/"})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// allowedLink reports whether a link may be published: http and https
// addresses with a host, mailto, and paths and fragments of the site.
// "//host/" and "/\host/" lead off the site and are refused.
func allowedLink(dest string) bool {
	if strings.ContainsAny(dest, "\\ \t\r\n") {
		return false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	case "":
		return u.Host == "" && !strings.HasPrefix(dest, "//")
	}
	return false
}

// lineOf finds the line of a link: where its address is written, from
// the start of the block that holds it (or of the text, for an address
// given in a reference definition).
func lineOf(n ast.Node, src, dest []byte) int {
	start := 0
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start = b.Lines().At(0).Start
			break
		}
	}
	at := -1
	if len(dest) > 0 {
		if i := bytes.Index(src[start:], dest); i >= 0 {
			at = start + i
		} else {
			at = bytes.Index(src, dest)
		}
	}
	if at < 0 {
		at = start
	}
	return 1 + bytes.Count(src[:at], []byte("\n"))
}

// CheckMarkdown checks the text of every standalone page and commentary
// of site, reporting what the site would not publish with its file and
// line: links other than web pages, e-mail and paths of the site; texts
// over the bounds above.
func CheckMarkdown(site *model.Site, errs *diag.List) {
	m := newMarkdown()
	check := func(pos diag.Pos, bodyLine int, body string) {
		_, problems := m.parse(body)
		for _, p := range problems {
			errs.Errorf(diag.Pos{File: pos.File, Line: bodyLine - 1 + p.Line}, p.Hint, "%s", p.Msg)
		}
	}
	for _, p := range site.Pages {
		check(p.Pos, p.BodyLine, p.Body)
	}
	for _, c := range site.Commentary {
		check(c.Pos, c.BodyLine, c.Body)
	}
}

// headingIDs makes heading ids from the heading's text without diacritics:
// "Giảm nghèo bền vững" becomes "_giam-ngheo-ben-vung".
type headingIDs struct {
	seen map[string]bool
}

// Slug returns the id form of s.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.Key(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := Slug(string(value))
	if id == "" {
		id = "section"
	}
	id = HeadingPrefix + id
	base := id
	for n := 1; h.seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
