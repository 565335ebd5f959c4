package draft_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"sitegen/internal/draft"
	"sitegen/internal/wordfile"
)

// hostileDocx is a .docx whose own numbers ask for unbounded work.
func hostileDocx(t testing.TB, build func(d *wordfile.Document)) []byte {
	t.Helper()
	var d wordfile.Document
	d.Plain("KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026")
	build(&d)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHostileDocxIsBounded: a Word file that numbers a list from
// 9·10^18 in Roman numerals, nests a list 1,500,000,000 levels deep,
// spans a cell over a million columns or holds rows without end fails
// or finishes within a second and 100 MB.
func TestHostileDocxIsBounded(t *testing.T) {
	manyRows := make([][]wordfile.Cell, 6000)
	for i := range manyRows {
		manyRows[i] = []wordfile.Cell{wordfile.Text("1"), wordfile.Text("Nội dung"), wordfile.Text("Sở Y tế")}
	}
	manyRows[0] = []wordfile.Cell{wordfile.Text("TT"), wordfile.Text("Nội dung"), wordfile.Text("Cơ quan chủ trì")}
	tests := []struct {
		name  string
		build func(d *wordfile.Document)
		want  string // the error, or "" when the file may be read
	}{
		{"roman numbering from 9e18", func(d *wordfile.Document) {
			l := d.List(wordfile.Level{Format: "upperRoman", Text: "%1.", Start: 9_000_000_000_000_000_000})
			d.Paragraph(wordfile.Para{Text: "MỤC TIÊU", List: l}, wordfile.Para{Text: "NHIỆM VỤ", List: l})
		}, "a list's first number \"9000000000000000000\" is not one Word writes (0 to 32767)"},
		{"list at level 1,500,000,000", func(d *wordfile.Document) {
			l := d.List(wordfile.Level{Format: "decimal", Text: "%1."})
			d.Paragraph(wordfile.Para{Text: "Nhiệm vụ", List: l, Level: 1_500_000_000})
		}, "list level \"1500000000\" is not one Word writes (0 to 8)"},
		{"numbering level 1,500,000,000 defined", func(d *wordfile.Document) {
			levels := make([]wordfile.Level, 10)
			for i := range levels {
				levels[i] = wordfile.Level{Format: "decimal", Text: "%1."}
			}
			d.List(levels...)
		}, "list level \"9\" is not one Word writes (0 to 8)"},
		{"a cell spanning a million columns", func(d *wordfile.Document) {
			d.Table([]wordfile.Cell{wordfile.Text("TT"), wordfile.Text("Nội dung"), wordfile.Text("Cơ quan chủ trì")},
				[]wordfile.Cell{{Paras: []wordfile.Para{{Text: "I. NHÓM"}}, Span: 1_000_000}})
		}, "a cell's span \"1000000\" is not one Word writes (1 to 63)"},
		{"six thousand rows", func(d *wordfile.Document) { d.Table(manyRows...) }, "a table has more than 5000 rows"},
		{"a merge down every row", func(d *wordfile.Document) {
			rows := [][]wordfile.Cell{{wordfile.Text("TT"), wordfile.Text("Nội dung"), wordfile.Text("Cơ quan chủ trì")}}
			for i := 0; i < 4000; i++ {
				m := wordfile.MergeContinue
				if i == 0 {
					m = wordfile.MergeStart
				}
				rows = append(rows, []wordfile.Cell{wordfile.Text("1"), wordfile.Text("Tổ chức hội nghị số " + strings.Repeat("x", i%50)),
					{Paras: []wordfile.Para{{Text: "Sở Y tế"}}, Merge: m}})
			}
			d.Table(rows...)
		}, ""},
		{"a deep list in every level", func(d *wordfile.Document) {
			levels := make([]wordfile.Level, 9)
			for i := range levels {
				levels[i] = wordfile.Level{Format: "upperRoman", Text: "%1.%2.%3.%4.%5.%6.%7.%8.%9.", Start: 32767}
			}
			l := d.List(levels...)
			for i := 0; i < 3000; i++ {
				d.Paragraph(wordfile.Para{Text: "Nội dung", List: l, Level: i % 9})
			}
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := hostileDocx(t, tc.build)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := draft.Make(draft.Input{Name: "hostile.docx", Data: data})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
				t.Errorf("allocated %d MB, want under 100 MB", alloc>>20)
			}
			if elapsed > time.Second {
				t.Errorf("took %v, want under 1s", elapsed)
			}
			switch {
			case tc.want == "" && err != nil && !strings.Contains(err.Error(), "no text"):
				t.Errorf("refused a file it can read: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// FuzzDocx makes Word documents from the fuzzer's numbers and text (a
// list's format, first number and level, a table's rows, spans and
// merges), sometimes damaging a byte of the archive, and imports them:
// no input may panic or run past a few seconds.
func FuzzDocx(f *testing.F) {
	f.Add(1, 0, 1, 3, uint8(0), "Tổ chức hội nghị (Sở Y tế chủ trì).", uint16(0))
	f.Add(9_000_000_000_000_000_000, 0, 1, 3, uint8(2), "I. MỤC TIÊU", uint16(0))
	f.Add(1, 1_500_000_000, 1, 3, uint8(1), "a) Nội dung", uint16(0))
	f.Add(1, 8, 63, 200, uint8(3), "| x | y |", uint16(0))
	f.Add(32767, 3, 2, 2, uint8(4), "Quý III/2026", uint16(77))
	formats := []string{"decimal", "lowerLetter", "upperRoman", "bullet", "lowerRoman", "none", "upperLetter", ""}
	f.Fuzz(func(t *testing.T, start, level, span, rows int, format uint8, text string, flip uint16) {
		var d wordfile.Document
		d.Plain("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "KẾ HOẠCH", text)
		fm := formats[int(format)%len(formats)]
		l := d.List(wordfile.Level{Format: fm, Text: "%1.", Start: start}, wordfile.Level{Format: fm, Text: "%1.%2)", Start: start})
		d.Paragraph(wordfile.Para{Text: text, List: l, Level: level}, wordfile.Para{Text: "NHIỆM VỤ", List: l}, wordfile.Para{Text: text, List: l, Level: 1})
		table := [][]wordfile.Cell{{wordfile.Text("TT"), wordfile.Text("Nội dung nhiệm vụ"), wordfile.Text("Cơ quan chủ trì"), wordfile.Text("Thời gian")}}
		for i := 0; i < rows%300; i++ {
			merge := wordfile.Merge(i % 3)
			table = append(table, []wordfile.Cell{
				{Paras: []wordfile.Para{{Text: "", List: l}}},
				{Paras: []wordfile.Para{{Text: text}}, Span: span % 70},
				{Paras: []wordfile.Para{{Text: "Sở Y tế"}}, Merge: merge},
				wordfile.Text("Quý III/2026"),
			})
		}
		d.Table(table...)
		data, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if flip > 0 {
			data[int(flip)%len(data)] ^= 0x5a
		}
		start0 := time.Now()
		_, _ = draft.Make(draft.Input{Name: "fuzz.docx", Data: data})
		if el := time.Since(start0); el > 5*time.Second {
			t.Errorf("import took %v", el)
		}
	})
}
