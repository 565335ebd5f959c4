package render

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"sitegen/internal/model"
)

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value int
}

// BarGroup is a labelled group of bars.
type BarGroup struct {
	Label string
	Bars  []Bar
}

// Chart dimensions, in SVG user units; the SVG scales to its container.
const (
	chartWidth  = 420
	labelWidth  = 150
	barMax      = 230
	rowHeight   = 24
	groupHeader = 26
)

// barChart draws a horizontal bar chart as inline SVG at build time: no
// script, no request. Each bar carries its label and value as text, so
// the chart does not depend on colour; the title and description name it
// for screen readers, and every chart sits beside a table with the same
// figures.
func barChart(id, title, desc string, groups []BarGroup) template.HTML {
	maxV := 1
	rows := 0
	for _, g := range groups {
		if g.Label != "" {
			rows++
		}
		for _, b := range g.Bars {
			maxV = max(maxV, b.Value)
		}
	}
	height := rows*groupHeader + 8
	for _, g := range groups {
		height += len(g.Bars) * rowHeight
	}
	var b strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&b, `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d">`, chartWidth, height, id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, e(title), id, e(desc))
	y := 4
	for _, g := range groups {
		if g.Label != "" {
			fmt.Fprintf(&b, `<text x="0" y="%d" font-size="15" font-weight="700" fill="#1b1b1b">%s</text>`, y+18, e(g.Label))
			y += groupHeader
		}
		for _, bar := range g.Bars {
			w := bar.Value * barMax / maxV
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" text-anchor="end" fill="#1b1b1b">%s</text>`, labelWidth-8, y+16, e(bar.Label))
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#0b4f8a"></rect>`, labelWidth, y+4, max(w, 1), rowHeight-8)
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" fill="#1b1b1b">%d</text>`, labelWidth+max(w, 1)+6, y+16, bar.Value)
			y += rowHeight
		}
	}
	b.WriteString(`</svg></figure>`)
	return template.HTML(b.String()) // every text is escaped above
}

// PillarChart draws the tasks of each of a framework's pillars per
// province.
func (v *compareView) PillarChart(fc FrameworkComparison) template.HTML {
	var groups []BarGroup
	for _, row := range fc.Matrix {
		g := BarGroup{Label: row.Pillar.Key + ". " + v.Tx(row.Pillar.Name)}
		for _, c := range row.Cells {
			g.Bars = append(g.Bars, Bar{Label: v.Tx(c.Province.Name), Value: c.Count})
		}
		groups = append(groups, g)
	}
	t, _ := v.T("compare.matrix")
	d, _ := v.T("chart.table-below")
	return barChart("chart-pillars-"+fc.Framework.ID, t+": "+v.Tx(fc.Framework.Name), d, groups)
}

// AgencyChart draws the number of items each agency leads in the
// province.
func (v *provinceView) AgencyChart() template.HTML {
	var bars []Bar
	p := v.Province
	for _, ac := range v.Agencies {
		a := ac.Agency
		n := 0
		for _, it := range v.r.lk.inProv[provAgency{p, a}] {
			if role(it, a) == model.RoleLead {
				n++
			}
		}
		if n > 0 {
			bars = append(bars, Bar{Label: truncate(v.AgencyName(a, p), 22), Value: n})
		}
	}
	if len(bars) == 0 {
		return ""
	}
	t, _ := v.T("chart.lead")
	d, _ := v.T("chart.list-below")
	return barChart("chart-agencies", t, d, []BarGroup{{Bars: bars}})
}

// StatusChart draws the items of each status.
func (v *page) StatusChart(items []*model.Item) template.HTML {
	var bars []Bar
	for _, c := range v.StatusCounts(items) {
		s, _ := v.Name(c.Status)
		bars = append(bars, Bar{Label: s, Value: c.Count})
	}
	t, _ := v.T("status.caption")
	d, _ := v.T("chart.table-below")
	return barChart("chart-status", t, d, []BarGroup{{Bars: bars}})
}
