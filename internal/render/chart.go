package render

import (
	"sort"

	"sitegen/internal/model"
)

// Chart is a horizontal bar chart drawn at build time by the template
// "chart": no script, no request. Labels and values are HTML text, so
// they wrap on a narrow screen, keep the reader's font size and are read
// by screen readers; each bar is a small SVG scaled to the longest. The
// caption names the chart, and every chart sits beside a table or list
// with the same figures (the test of figures compares them through
// data-value).
type Chart struct {
	ID     string
	Title  string
	Groups []barGroup
}

// barGroup is a labelled group of bars.
type barGroup struct {
	Label string
	Bars  []bar
}

// bar is one bar of a chart; Width is its length in hundredths of the
// longest bar's.
type bar struct {
	Label string
	Value int
	Width int
}

// barChart lays out a chart: each bar's width against the longest.
func barChart(id, title string, groups []barGroup) *Chart {
	maxV := 1
	for _, g := range groups {
		for _, b := range g.Bars {
			maxV = max(maxV, b.Value)
		}
	}
	for _, g := range groups {
		for i := range g.Bars {
			g.Bars[i].Width = max(g.Bars[i].Value*100/maxV, 1)
		}
	}
	return &Chart{ID: id, Title: title, Groups: groups}
}

// PillarChart draws the tasks of each of a framework's pillars per
// province: the figures of the matrix below it.
func (v *compareView) PillarChart(fc frameworkComparison) *Chart {
	var groups []barGroup
	for _, row := range fc.Matrix {
		g := barGroup{Label: row.Pillar.Key + ". " + v.Tx(row.Pillar.Name)}
		for _, c := range row.Cells {
			g.Bars = append(g.Bars, bar{Label: v.Tx(c.Province.Name), Value: c.Count})
		}
		groups = append(groups, g)
	}
	t, _ := v.T("compare.matrix")
	return barChart("chart-pillars-"+fc.Framework.ID, t+": "+v.Tx(fc.Framework.Name), groups)
}

// chartAgencies is how many agencies a province's chart shows: the
// list below it names them all.
const chartAgencies = 10

// AgencyChart draws the agencies with the most items in the province,
// with the same figure the list below gives each (items it leads or
// joins).
func (v *provinceView) AgencyChart() *Chart {
	// named agencies only, most items first, ties in the registry's
	// order: the same bars in both languages
	counts := append([]agencyCount(nil), v.Agencies...)
	order := map[*model.Agency]int{}
	for i, a := range v.Site.Agencies {
		order[a] = i
	}
	sort.SliceStable(counts, func(i, j int) bool {
		if counts[i].Items != counts[j].Items {
			return counts[i].Items > counts[j].Items
		}
		return order[counts[i].Agency] < order[counts[j].Agency]
	})
	var bars []bar
	for _, ac := range counts[:min(len(counts), chartAgencies)] {
		bars = append(bars, bar{Label: v.AgencyName(ac.Agency, v.Province), Value: ac.Items})
	}
	if len(bars) < 2 {
		return nil // one bar compares nothing
	}
	t, _ := v.Tf("chart.agencies", len(bars))
	return barChart("chart-agencies", t, []barGroup{{Bars: bars}})
}

// Reported reports whether any of items has a dated progress report:
// until one has, a chart of statuses would only say "not reported".
func (v *page) Reported(items []*model.Item) bool {
	for _, it := range items {
		if it.Status != model.StatusNotReported {
			return true
		}
	}
	return false
}

// StatusChart draws the items of each status.
func (v *page) StatusChart(items []*model.Item) *Chart {
	var bars []bar
	for _, c := range v.StatusCounts(items) {
		s, _ := v.Name(c.Status)
		bars = append(bars, bar{Label: s, Value: c.Count})
	}
	t, _ := v.T("status.caption")
	return barChart("chart-status", t, []barGroup{{Bars: bars}})
}
