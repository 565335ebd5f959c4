package render

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tables is goldmark's table extension, with a cell's alignment written
// as its class (align-left, align-center or align-right, which the
// theme's stylesheet sets) rather than as the style attribute goldmark
// writes: the pages' Content-Security-Policy (style-src 'self') has
// browsers ignore those.
type tables struct{}

func (tables) Extend(m goldmark.Markdown) {
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alignClasses{}, 0)))
}

// alignClasses gives each aligned cell its class.
type alignClasses struct{}

func (alignClasses) Transform(doc *gast.Document, _ text.Reader, _ parser.Context) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if cell, ok := n.(*east.TableCell); ok && entering && cell.Alignment != east.AlignNone {
			cell.SetAttributeString("class", []byte("align-"+cell.Alignment.String()))
		}
		return gast.WalkContinue, nil
	})
}
