package opendata

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"sitegen/internal/model"
)

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://evil.example\",\"x\")": "'=HYPERLINK(\"http://evil.example\",\"x\")",
		"+1":                   "'+1",
		"-2+3":                 "'-2+3",
		"@SUM(A1:A2)":          "'@SUM(A1:A2)",
		"\tx":                  "'\tx",
		"\rx":                  "'\rx",
		"Tổ chức giao lưu":     "Tổ chức giao lưu",
		"a = b":                "a = b",
		"":                     "",
		"'already":             "'already",
		"https://example.org/": "https://example.org/",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// deepPlan is a plan whose outline nests depth sections, each with an
// item.
func deepPlan(depth int) *model.Plan {
	p := &model.Plan{ID: "deep", FrameworkID: "fw", Title: model.Text{VI: "T"}}
	var parent *model.Section
	for i := range depth {
		s := &model.Section{ID: fmt.Sprintf("s%d", i), Plan: p, Parent: parent}
		it := &model.Item{ID: fmt.Sprintf("i%d", i), Kind: "task", Text: model.Text{VI: "=1+1"}, Plan: p, Section: s}
		s.Items = []*model.Item{it}
		p.Items = append(p.Items, it)
		if parent == nil {
			p.Sections = []*model.Section{s}
		} else {
			parent.Sections = []*model.Section{s}
		}
		parent = s
	}
	return p
}

// TestDataSizeIndependentOfDepth: 3,000 nested sections once made a
// 144 MB JSON file, its indentation growing with depth. Written without
// indentation, each level costs the same few bytes.
func TestDataSizeIndependentOfDepth(t *testing.T) {
	size := func(depth int) int {
		files, err := Files(&model.Site{Plans: []*model.Plan{deepPlan(depth)}}, "/")
		if err != nil {
			t.Fatal(err)
		}
		return len(files[0].Data)
	}
	small, large := size(100), size(3000)
	if perLevel := float64(large) / float64(small) / 30; perLevel > 1.2 {
		t.Errorf("100 levels: %d bytes, 3,000 levels: %d bytes: the size grows faster than the depth", small, large)
	}
}

// TestCSVCellsAreNeutralised: a text that a spreadsheet would run as a
// formula arrives as text.
func TestCSVCellsAreNeutralised(t *testing.T) {
	p := deepPlan(1)
	p.Items[0].Label = "@SUM(1)"
	b, err := itemsCSV(&model.Site{Plans: []*model.Plan{p}}, "/")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := strings.Join(rows[1], "|")
	if !strings.Contains(row, "|'@SUM(1)|") || !strings.Contains(row, "|'=1+1|") {
		t.Errorf("row %q", row)
	}
}
