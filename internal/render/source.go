package render

import (
	"regexp"
	"strings"

	"sitegen/internal/fold"
	"sitegen/internal/model"
)

// SourceBlock is one paragraph of a source document as published: a
// heading of the document, or a paragraph of text whose segments are
// the passages of the plan's items (anchored p-ITEM, so that "see it in
// the full text" lands on the passage) and the text between them.
type sourceBlock struct {
	Heading  bool
	Segments []sourceSegment
}

// SourceSegment is a run of a paragraph's text; Item is set when the run
// is an item's passage.
type sourceSegment struct {
	Text string
	Item *model.Item
}

// headingLine is a line the documents print as a heading: a Roman
// numeral part ("II. NHIỆM VỤ") or an article ("Điều 1.").
var headingLine = regexp.MustCompile(`^(?:[IVX]+\.|Điều \d+\.|PHỤ LỤC|Phụ lục)\s`)

// sourceBlocks splits a source document into paragraphs and marks in them
// the passage of each item of p. Text is compared with white space
// folded, as the verbatim check compares it; a passage that runs across
// paragraphs is marked in the paragraph where it starts, up to its end.
func sourceBlocks(p *model.Plan) []sourceBlock {
	src := publishedSource(p)
	paras := paragraphs(src)
	// offsets of each paragraph in the folded text, joined by one space
	starts := make([]int, len(paras))
	var all strings.Builder
	all.Grow(len(src)) // folding only shortens it
	for i, para := range paras {
		if i > 0 {
			all.WriteByte(' ')
		}
		starts[i] = all.Len()
		all.WriteString(para)
	}
	text := all.String()
	type span struct {
		from, to int
		item     *model.Item
	}
	var spans []span
	taken := 0 // passages are found in document order, each after the last
	for _, it := range p.Items {
		want := fold.Spaces(it.Text.VI)
		if want == "" {
			continue
		}
		i := strings.Index(text[taken:], want)
		if i < 0 {
			continue // restated or out of document order: no anchor
		}
		from := taken + i
		spans = append(spans, span{from, from + len(want), it})
		taken = from + len(want)
	}
	out := make([]sourceBlock, len(paras))
	si := 0
	for pi, para := range paras {
		start, end := starts[pi], starts[pi]+len(para)
		b := sourceBlock{Heading: len(para) < 160 && headingLine.MatchString(para)}
		pos := start
		for si < len(spans) && spans[si].from < end {
			sp := spans[si]
			if sp.from > pos {
				b.Segments = append(b.Segments, sourceSegment{Text: text[pos:sp.from]})
			}
			to := min(sp.to, end)
			b.Segments = append(b.Segments, sourceSegment{Text: text[max(sp.from, pos):to], Item: sp.item})
			pos = to
			if sp.to > end {
				break // continues in the next paragraph, unmarked there
			}
			si++
		}
		if si < len(spans) && spans[si].from < end && spans[si].to > end {
			si++
		}
		if pos < end {
			b.Segments = append(b.Segments, sourceSegment{Text: text[pos:end]})
		}
		out[pi] = b
	}
	return out
}

// publishedSource is the source text without the lines the data marks
// as the copied web page's, each run replaced by a paragraph break.
func publishedSource(p *model.Plan) string {
	if len(p.Omit) == 0 {
		return p.Source.Text
	}
	lines := strings.Split(p.Source.Text, "\n")
	for _, o := range p.Omit {
		for i := o.From - 1; i < o.To && i < len(lines); i++ {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
