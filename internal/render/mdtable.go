package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tables is GitHub's table syntax for Markdown:
//
//	| Chỉ tiêu | Năm 2025 |
//	|:---------|---------:|
//	| Hộ nghèo | 1,5%     |
//
// A paragraph line followed by a delimiter row of at least as many cells
// starts a table; the lines after it are its rows, each cut or padded to
// the delimiter row's number of cells; colons set a column's alignment,
// and "\|" is a "|" inside a cell, in code too. It writes what goldmark's
// own table extension writes (TestTablesAsGoldmark), but for alignment
// (tableHTML), and that extension
// comes in a package whose other extensions compile a dozen regular
// expressions whenever a program using it starts: 6 ms of every
// command, a sixth of what `sitegen version` takes.
type tables struct{}

func (tables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tableParagraphs{}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableCodePipes{}, 0)))
	m.Renderer().AddOptions(gmrenderer.WithNodeRenderers(util.Prioritized(tableHTML{}, 500)))
}

// tableParagraphs turns a paragraph holding a table into one.
type tableParagraphs struct{}

func (tableParagraphs) Transform(para *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		align, ok := delimiterRow(delim.Value(src))
		if !ok {
			continue
		}
		header := tableCells(src, lines.At(i-1))
		if len(header) > len(align) {
			return
		}
		table := east.NewTable()
		table.Alignments = align
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(tableRow(header, align)))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(tableCells(src, lines.At(j)), align))
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, table)
		if i == 1 {
			parent.RemoveChild(parent, para)
			return
		}
		// the lines before the header stay a paragraph, which now
		// ends before the newline of its last line
		lines.SetSliced(0, i-1)
		last := lines.At(i - 2)
		last.Stop = last.Start + len(bytes.TrimRight(last.Value(src), "\n"))
		lines.Set(i-2, last)
		return
	}
}

// delimiterRow reads a table's delimiter row ("|:--|---:|"): indented by
// at most three spaces, each cell dashes, with a colon at the start for
// left, at the end for right, at both for centre. ok is false when line
// is not one. Its spaces are goldmark's (util.IsSpace): tab, line feed,
// carriage return and space, not form feed or vertical tab.
func delimiterRow(line []byte) (align []east.Alignment, ok bool) {
	if indentWidth(line) > 3 {
		return nil, false
	}
	dashes := true
	for _, b := range line {
		if b != '-' {
			dashes = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return nil, false
		}
	}
	if dashes { // a line of dashes alone underlines a heading
		return nil, false
	}
	cols := bytes.Split(line, []byte("|"))
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, col := range cols {
		col = bytes.Trim(col, "\t\n\r ")
		left, right := bytes.HasPrefix(col, []byte(":")), len(col) > 1 && bytes.HasSuffix(col, []byte(":"))
		inner := col
		if left {
			inner = inner[1:]
		}
		if right {
			inner = inner[:len(inner)-1]
		}
		if len(inner) == 0 || len(bytes.Trim(inner, "-")) > 0 {
			return nil, false
		}
		switch {
		case left && right:
			align = append(align, east.AlignCenter)
		case left:
			align = append(align, east.AlignLeft)
		case right:
			align = append(align, east.AlignRight)
		default:
			align = append(align, east.AlignNone)
		}
	}
	return align, len(align) > 0
}

// indentWidth is the columns of line's leading spaces and tabs, a tab
// reaching the next multiple of four.
func indentWidth(line []byte) int {
	w := 0
	for _, b := range line {
		switch b {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return w
}

// tableCells cuts a row's line into its cells at each "|" not right
// after a backslash, without one pipe at either end. A cell is its text
// between the pipes, trimmed.
func tableCells(src []byte, line text.Segment) []text.Segment {
	line = line.TrimLeftSpace(src)
	line = line.TrimRightSpace(src)
	start, stop := line.Start, line.Stop
	if start < stop && src[start] == '|' {
		start++
	}
	if start < stop && src[stop-1] == '|' {
		stop--
	}
	var cells []text.Segment
	for start < stop {
		end := start
		for end < stop && (src[end] != '|' || end > line.Start && src[end-1] == '\\') {
			end++
		}
		cell := text.NewSegment(start, end)
		cell = cell.TrimLeftSpace(src)
		cell = cell.TrimRightSpace(src)
		cells = append(cells, cell)
		start = end + 1
	}
	return cells
}

// tableRow is a row of cells, cut or padded to the columns of align;
// a padding cell is empty and has no alignment.
func tableRow(cells []text.Segment, align []east.Alignment) *east.TableRow {
	row := east.NewTableRow(align)
	for i := range align {
		cell := east.NewTableCell()
		if i < len(cells) {
			cell.Alignment = align[i]
			cell.Lines().Append(cells[i])
		}
		row.AppendChild(row, cell)
	}
	return row
}

// tableCodePipes drops the backslash of each "\|" in code in a table
// cell. Outside code, the backslash escapes the pipe as it escapes any
// punctuation; in code it would show.
type tableCodePipes struct{}

func (tableCodePipes) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var inCell int
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		switch n := n.(type) {
		case *east.TableCell:
			if entering {
				inCell++
			} else {
				inCell--
			}
		case *gast.CodeSpan:
			if entering && inCell > 0 {
				for c := n.FirstChild(); c != nil; {
					next := c.NextSibling()
					if t, ok := c.(*gast.Text); ok {
						splitEscapedPipes(n, t, src)
					}
					c = next
				}
			}
		}
		return gast.WalkContinue, nil
	})
}

// splitEscapedPipes replaces t, a text of code span, by the texts
// between the backslashes of its escaped pipes.
func splitEscapedPipes(code *gast.CodeSpan, t *gast.Text, src []byte) {
	seg := t.Segment
	value := seg.Value(src)
	at := bytes.Index(value, []byte("\\|"))
	if at < 0 {
		return
	}
	before := gast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+at))
	after := gast.NewTextSegment(text.NewSegment(seg.Start+at+1, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	code.InsertBefore(code, t, before)
	code.ReplaceChild(code, t, after)
	splitEscapedPipes(code, after, src)
}

// between writes open before a node's children and close after them.
func between(open, close string) gmrenderer.NodeRendererFunc {
	return func(w util.BufWriter, _ []byte, _ gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			w.WriteString(open)
		} else {
			w.WriteString(close)
		}
		return gast.WalkContinue, nil
	}
}

// tableHTML writes tables as HTML: a head row, then a body when there
// are more rows; a cell's alignment as its class, align-left,
// align-center or align-right, which the theme's stylesheet sets. It
// cannot be a style attribute, as goldmark writes it: the pages'
// Content-Security-Policy (style-src 'self') has browsers ignore those.
type tableHTML struct{}

func (tableHTML) RegisterFuncs(reg gmrenderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, between("<table>\n", "</table>\n"))
	reg.Register(east.KindTableHeader, between("<thead>\n<tr>\n", "</tr>\n</thead>\n"))
	reg.Register(east.KindTableRow, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			if _, first := n.PreviousSibling().(*east.TableHeader); first {
				w.WriteString("<tbody>\n")
			}
			w.WriteString("<tr>\n")
		} else {
			w.WriteString("</tr>\n")
			if n.NextSibling() == nil {
				w.WriteString("</tbody>\n")
			}
		}
		return gast.WalkContinue, nil
	})
	reg.Register(east.KindTableCell, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		tag := "td"
		if _, head := n.Parent().(*east.TableHeader); head {
			tag = "th"
		}
		if !entering {
			w.WriteString("</" + tag + ">\n")
			return gast.WalkContinue, nil
		}
		w.WriteString("<" + tag)
		if a := n.(*east.TableCell).Alignment; a != east.AlignNone {
			w.WriteString(` class="align-` + a.String() + `"`)
		}
		w.WriteByte('>')
		return gast.WalkContinue, nil
	})
}
