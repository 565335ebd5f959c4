package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The figures of the real site: a chart and the table or list beside it
// show the same numbers, and the same list is counted the same on every
// page that counts it. The patterns read the markup the built-in theme
// writes; data-value and data-items/data-tasks carry the figures.
var (
	chartFigure = regexp.MustCompile(`(?s)<figure class="?chart"? id="?([a-z0-9-]+)"?>(.*?)</figure>`)
	chartGroup  = regexp.MustCompile(`(?s)<p class="?bar-group"?>([^<]*)</p>`)
	chartBar    = regexp.MustCompile(`(?s)<span class="?bar-label"?>([^<]*)</span>.*?<span class="?bar-value"? data-value="?(\d+)"?>`)
	statusRow   = regexp.MustCompile(`(?s)<tr><th scope="?row"?>([^<]*)</th><td data-value="?(\d+)"?>`)
	agencyEntry = regexp.MustCompile(`(?s)<li><a href="?[^">]*/agencies/[a-z0-9-]+/"?>([^<]*)</a> \(<span data-value="?(\d+)"?>`)
	matrixRow   = regexp.MustCompile(`(?s)<tr><th scope="?row"?><a href="?[^">]*"?>([^<]*)</a></th>((?:<td data-value="?\d+"?>.*?</td>)+)<td data-total="?(\d+)"?>`)
	matrixCell  = regexp.MustCompile(`<td data-value="?(\d+)"?>`)
	// a link to a pillar or theme page followed by its figures, in a list
	linkFigures = regexp.MustCompile(`(?s)<a href="?([^">]*/(?:pillars|themes)/[a-z0-9-]+/)"?>[^<]*</a>\s*<span class="?sub"?><span class="?figures"? data-items="?(\d+)"? data-tasks="?(\d+)"?>`)
	// the first figures of a page: the count its heading introduces
	pageFigures = regexp.MustCompile(`<span class="?figures"? data-items="?(\d+)"? data-tasks="?(\d+)"?>`)
	// an agency's items by schedule state and status: a row of counts,
	// and an item listed under its state and status
	accountRow  = regexp.MustCompile(`<tr data-state="?([a-z-]+)"? data-status="?([a-z-]+)"?><td>[^<]*</td><td>[^<]*</td><td data-value="?(\d+)"?>`)
	accountItem = regexp.MustCompile(`<li data-state="?([a-z-]+)"? data-status="?([a-z-]+)"?><a href="?([^">]*/plans/[a-z0-9-]+/[a-z0-9-]+/)"?>`)
	// an item of the list by plan under the accountability section
	listedItem = regexp.MustCompile(`<li class="?item"?><a href="?([^">]*/plans/[a-z0-9-]+/[a-z0-9-]+/)"?`)
)

// TestFiguresAgree asserts, over the whole real site, that every chart's
// bars equal the rows of the table or list beside it, and that the
// pillar index, the pillar pages, the theme index, the theme pages and
// the comparison page give a pillar or theme the same figures.
func TestFiguresAgree(t *testing.T) {
	out, _ := buildReal(t)
	pages := readPages(t, out)
	charts := 0
	for path, page := range pages {
		for _, c := range chartFigure.FindAllStringSubmatch(page, -1) {
			charts++
			if err := chartAgrees(c[1], c[2], page); err != nil {
				t.Errorf("%s: chart %s: %v", path, c[1], err)
			}
		}
	}
	if charts == 0 {
		t.Fatal("no chart found: has the chart markup changed?")
	}
	checkLinkedFigures(t, pages)
	checkComparisons(t, pages)
	checkAccountability(t, pages)
}

var (
	compareHead = regexp.MustCompile(`(?s)<th scope="?col"? id="?col-[a-z0-9-]+"?>.*?<span class="?figures"? (?:data-items="?(\d+)"? )?data-tasks="?(\d+)"?>`)
	compareBody = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	compareRow  = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	compareCell = regexp.MustCompile(`(?s)<td>(.*?)</td>`)
	itemLink    = regexp.MustCompile(`<a href="?([^">]*/plans/[a-z0-9-]+/[a-z0-9-]+/)"?>`)
	refEntry    = regexp.MustCompile(`<li class="?item"?><a href="?([^">]*/plans/[a-z0-9-]+/[a-z0-9-]+/)"?`)
)

// checkComparisons asserts that each column of a comparison counts the
// distinct items its cells list, an item in two rows once, and that the
// columns add up to what the pillar's, theme's or agency's own page
// counts: tasks for a pillar or theme, items for an agency.
func checkComparisons(t *testing.T, pages map[string]string) {
	t.Helper()
	seen := 0
	for path, page := range pages {
		lang, rest, _ := strings.Cut(path, "/")
		kind, id, ok := strings.Cut(strings.TrimPrefix(rest, "compare/"), "/")
		if !ok || !strings.HasPrefix(rest, "compare/") {
			continue
		}
		id = strings.TrimSuffix(id, "/index.html")
		heads := compareHead.FindAllStringSubmatch(page, -1)
		counts := make([]map[string]bool, len(heads))
		for i := range counts {
			counts[i] = map[string]bool{}
		}
		body := compareBody.FindStringSubmatch(page)
		if body == nil {
			t.Errorf("%s: no table", path)
			continue
		}
		for _, row := range compareRow.FindAllStringSubmatch(body[1], -1) {
			for i, cell := range compareCell.FindAllStringSubmatch(row[1], -1) {
				if i >= len(counts) {
					t.Fatalf("%s: a row has more cells than the table has columns", path)
				}
				for _, l := range itemLink.FindAllStringSubmatch(cell[1], -1) {
					counts[i][l[1]] = true
				}
			}
		}
		total := 0
		for i, h := range heads {
			n, _ := strconv.Atoi(h[2])
			if h[1] != "" {
				n, _ = strconv.Atoi(h[1])
			}
			if n != len(counts[i]) {
				t.Errorf("%s: column %d says %d, its cells list %d distinct items", path, i+1, n, len(counts[i]))
			}
			total += n
		}
		own := pages[lang+"/"+kind+"/"+id+"/index.html"]
		var want int
		switch kind {
		case "agencies":
			want = len(refEntry.FindAllString(own, -1))
		default:
			f := pageFigures.FindStringSubmatch(own)
			if f == nil {
				t.Errorf("%s: its %s page gives no figures", path, kind)
				continue
			}
			want, _ = strconv.Atoi(f[2])
		}
		if total != want {
			t.Errorf("%s: the columns add up to %d; the %s page counts %d", path, total, kind, want)
		}
		seen++
	}
	if seen < 20 {
		t.Errorf("only %d comparisons checked: has the markup changed?", seen)
	}
}

// checkAccountability asserts that every agency page, and every page of
// an agency in a province, counts its items by schedule state and status
// as it lists them; that the counts add up to the items the page lists;
// and that each item's own page gives it the same state and status.
func checkAccountability(t *testing.T, pages map[string]string) {
	t.Helper()
	seen := 0
	for path, page := range pages {
		if !strings.Contains(path, "/agencies/") || strings.Contains(path, "/compare/") {
			continue
		}
		rows := accountRow.FindAllStringSubmatch(page, -1)
		listed := listedItem.FindAllStringSubmatch(page, -1)
		if len(rows) == 0 {
			if len(listed) > 0 {
				t.Errorf("%s lists %d items but does not count them by schedule and status", path, len(listed))
			}
			continue
		}
		seen++
		perGroup := map[string]int{}
		for _, it := range accountItem.FindAllStringSubmatch(page, -1) {
			perGroup[it[1]+"/"+it[2]]++
			target := strings.TrimPrefix(it[3], "/asean/") + "index.html"
			own, ok := pages[target]
			if !ok {
				t.Errorf("%s lists %s, which is not a page", path, it[3])
				continue
			}
			st, status := scheduleFact.FindStringSubmatch(own), statusFact.FindStringSubmatch(own)
			if st == nil || status == nil || st[1] != it[1] || status[1] != it[2] {
				t.Errorf("%s lists %s as %s/%s; its page says %v/%v", path, it[3], it[1], it[2], st, status)
			}
		}
		total := 0
		for _, r := range rows {
			n, _ := strconv.Atoi(r[3])
			total += n
			if perGroup[r[1]+"/"+r[2]] != n {
				t.Errorf("%s counts %d items %s/%s and lists %d", path, n, r[1], r[2], perGroup[r[1]+"/"+r[2]])
			}
		}
		unique := map[string]bool{}
		for _, l := range listed {
			unique[l[1]] = true
		}
		if total != len(unique) {
			t.Errorf("%s counts %d items by schedule and status and lists %d", path, total, len(unique))
		}
	}
	if seen < 20 {
		t.Errorf("only %d agency pages count their items by schedule and status: has the markup changed?", seen)
	}
}

// chartAgrees compares one chart with the page's table or list.
func chartAgrees(id, chart, page string) error {
	bars := chartBar.FindAllStringSubmatch(chart, -1)
	if len(bars) == 0 {
		return fmt.Errorf("no bars")
	}
	switch {
	case id == "chart-status":
		return sameFigures(bars, statusRow.FindAllStringSubmatch(page, -1), true)
	case id == "chart-agencies":
		return sameFigures(bars, agencyEntry.FindAllStringSubmatch(page, -1), false)
	case strings.HasPrefix(id, "chart-pillars-"):
		return matrixAgrees(chart, page)
	}
	return fmt.Errorf("no rule to check this chart against")
}

// sameFigures checks that every bar's label has the same figure in rows;
// all says that rows and bars are the same set.
func sameFigures(bars, rows [][]string, all bool) error {
	want := map[string]string{}
	for _, r := range rows {
		want[r[1]] = r[2]
	}
	for _, b := range bars {
		w, ok := want[b[1]]
		if !ok {
			return fmt.Errorf("bar %q is not in the table or list beside it", b[1])
		}
		if w != b[2] {
			return fmt.Errorf("bar %q says %s, the table or list beside it %s", b[1], b[2], w)
		}
	}
	if all && len(rows) != len(bars) {
		return fmt.Errorf("%d bars, %d rows", len(bars), len(rows))
	}
	return nil
}

// matrixAgrees checks a framework's pillar chart against its matrix: the
// groups are the rows, the bars the cells, in the same order.
func matrixAgrees(chart, page string) error {
	groups := chartGroup.FindAllStringSubmatchIndex(chart, -1)
	rows := map[string][]string{}
	for _, r := range matrixRow.FindAllStringSubmatch(page, -1) {
		var cells []string
		sum := 0
		for _, c := range matrixCell.FindAllStringSubmatch(r[2], -1) {
			cells = append(cells, c[1])
			n, _ := strconv.Atoi(c[1])
			sum += n
		}
		if strconv.Itoa(sum) != r[3] {
			return fmt.Errorf("row %q adds up to %d, its total says %s", r[1], sum, r[3])
		}
		rows[r[1]] = cells
	}
	for i, g := range groups {
		label := chart[g[2]:g[3]]
		end := len(chart)
		if i+1 < len(groups) {
			end = groups[i+1][0]
		}
		cells, ok := rows[label]
		if !ok {
			return fmt.Errorf("group %q has no row in the matrix", label)
		}
		bars := chartBar.FindAllStringSubmatch(chart[g[1]:end], -1)
		if len(bars) != len(cells) {
			return fmt.Errorf("group %q: %d bars, %d cells", label, len(bars), len(cells))
		}
		for j, b := range bars {
			if b[2] != cells[j] {
				return fmt.Errorf("group %q, %s: the chart says %s, the matrix %s", label, b[1], b[2], cells[j])
			}
		}
	}
	return nil
}

// checkLinkedFigures asserts that wherever a list gives a pillar's or a
// theme's figures beside a link to its page, the page opens with the
// same figures.
func checkLinkedFigures(t *testing.T, pages map[string]string) {
	t.Helper()
	seen := 0
	for path, page := range pages {
		if strings.Contains(path, "/provinces/") {
			continue // a province's page counts its own share of each pillar and theme
		}
		for _, m := range linkFigures.FindAllStringSubmatch(page, -1) {
			target := strings.TrimPrefix(m[1], "/asean/") + "index.html"
			if strings.Contains(target, "/compare/") {
				continue
			}
			p, ok := pages[target]
			if !ok {
				t.Errorf("%s: the figures link to %s, which is not a page", path, m[1])
				continue
			}
			f := pageFigures.FindStringSubmatch(p)
			if f == nil {
				t.Errorf("%s gives no figures", target)
				continue
			}
			seen++
			if f[1] != m[2] || f[2] != m[3] {
				t.Errorf("%s says %s items and %s tasks for %s; that page says %s and %s", path, m[2], m[3], target, f[1], f[2])
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d linked figures compared: has the markup changed?", seen)
	}
}

// checkTwins asserts that every page of one language has its twin at
// the same path in the other.
func checkTwins[T any](t *testing.T, pages map[string]T) {
	t.Helper()
	for p := range pages {
		for _, pair := range [][2]string{{"vi/", "en/"}, {"en/", "vi/"}} {
			if rest, ok := strings.CutPrefix(p, pair[0]); ok {
				if _, twin := pages[pair[1]+rest]; !twin {
					t.Errorf("%s has no twin %s", p, pair[1]+rest)
				}
			}
		}
	}
}

// readPages reads every HTML page of a built site, by path.
func readPages(t *testing.T, out string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		pages[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}
