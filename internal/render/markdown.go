package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"sitegen/internal/fold"
)

// markdown renders commentary. Raw HTML is omitted and links with unsafe
// schemes (javascript:, vbscript:, file:) are dropped: goldmark does both
// unless told it may not. Heading ids are made by headingIDs, because
// goldmark's own drop Vietnamese letters ("Giảm nghèo" would become
// "gim-ngho").
type markdown struct {
	gm goldmark.Markdown
}

func newMarkdown() *markdown {
	return &markdown{gm: goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// HTML renders src. It never returns raw HTML from src.
func (m *markdown) HTML(src string) (template.HTML, error) {
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := m.gm.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(buf.String()), nil // #nosec: goldmark escapes text and drops raw HTML
}

// headingIDs makes heading ids from the heading's text without diacritics:
// "Giảm nghèo bền vững" becomes "giam-ngheo-ben-vung".
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
	base := id
	for n := 1; h.seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
