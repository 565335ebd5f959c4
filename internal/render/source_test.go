package render

import (
	"fmt"
	"strings"
	"testing"

	"sitegen/internal/model"
)

// shape writes blocks as one line each, for comparison: "h2 text",
// "p text", "table r×c", "group ID", and passages in brackets, their
// parts in braces and emphasis in stars.
func shape(blocks []sourceBlock) []string {
	var out []string
	segs := func(ss []sourceSegment) string {
		var b strings.Builder
		for _, s := range ss {
			var text strings.Builder
			for _, r := range s.Runs {
				if r.Strong {
					text.WriteString("*" + r.Text + "*")
				} else {
					text.WriteString(r.Text)
				}
			}
			switch {
			case s.Anchor:
				b.WriteString("[" + text.String() + "]")
			case s.Part:
				b.WriteString("{" + text.String() + "}")
			default:
				b.WriteString(text.String())
			}
		}
		return b.String()
	}
	for _, bl := range blocks {
		switch {
		case bl.Group != nil:
			out = append(out, "group "+bl.Passage.ID)
			out = append(out, shape(bl.Group)...)
		case bl.Table != nil:
			cells := []string{}
			for _, r := range append(append([]sourceRow(nil), bl.Table.Head...), bl.Table.Rows...) {
				var row []string
				for _, c := range r.Cells {
					var ps []string
					for _, p := range c.Paras {
						ps = append(ps, segs(p))
					}
					row = append(row, strings.Join(ps, "/"))
				}
				cells = append(cells, strings.Join(row, " | "))
			}
			out = append(out, fmt.Sprintf("table %d head: %s", len(bl.Table.Head), strings.Join(cells, " || ")))
		case bl.Level > 0:
			out = append(out, fmt.Sprintf("h%d %s", bl.Level, segs(bl.Segments)))
		default:
			out = append(out, "p "+segs(bl.Segments))
		}
	}
	return out
}

// TestSourceLayout lays out small documents written as the sources are:
// with blank lines between paragraphs or wrapped in lines without them,
// "|" lines ending table cells, "| a | b |" rows, a table of one cell
// per paragraph with numbered columns, emphasis markers and pages broken
// inside a sentence; and marks items' passages, one of them across a
// paragraph break.
func TestSourceLayout(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		items []string
		want  []string
	}{
		{"blank lines", "I. NHIỆM VỤ\n\n1. Mục tiêu\n\na) Giảm nghèo bền\nvững.\n\nb) Báo cáo **trước ngày 15/12** hằng năm.",
			[]string{"Giảm nghèo bền vững.", "Báo cáo trước ngày 15/12 hằng năm."},
			[]string{"h2 I. NHIỆM VỤ", "h3 1. Mục tiêu", "p a) [Giảm nghèo bền vững.]", "p b) [Báo cáo *trước ngày 15/12* hằng năm.]"}},
		{"wrapped lines", "I. MỤC ĐÍCH\n1. Mục đích\na) Xét đề nghị của Sở Lao động\n- Thương binh và Xã hội.\n- Tổ chức hội nghị (khoá\nXII) về giảm nghèo.\nCăn cứ Luật Lao động - Thương binh.",
			[]string{"Tổ chức hội nghị (khoá XII) về giảm nghèo."},
			[]string{"h2 I. MỤC ĐÍCH", "h3 1. Mục đích", "p a) Xét đề nghị của Sở Lao động - Thương binh và Xã hội.", "p - [Tổ chức hội nghị (khoá XII) về giảm nghèo.]", "p Căn cứ Luật Lao động - Thương binh."}},
		{"cells between | lines", "ỦY BAN NHÂN DÂN\n-------\n|\nCỘNG HÒA\n|\nSố: 1/KH\n|\nNgày 1\n|\nKẾ HOẠCH\nNơi nhận:\n- Như trên;\n- Lưu.\n|\nKT. CHỦ TỊCH\n|",
			nil,
			[]string{"table 0 head: ỦY BAN NHÂN DÂN/------- | CỘNG HÒA || Số: 1/KH | Ngày 1", "p KẾ HOẠCH", "table 0 head: Nơi nhận:/- Như trên;/- Lưu. | KT. CHỦ TỊCH"}},
		{"| rows", "| Việc | Thời gian |\n|---|---|\n| Hội nghị | Hằng năm |",
			nil,
			[]string{"table 1 head: Việc | Thời gian || Hội nghị | Hằng năm"}},
		{"numbered columns", "PHỤ LỤC\n\nTT\n\nNội dung\n\nChủ trì\n\n(1)\n\n(2)\n\n(3)\n\nI. THÔNG TIN\n\n1\n\nTuyên truyền.\n\nSở A\n\nII. KHÁC\n\n1\n\nHọp.\n\nSở B\n\nTrên đây là kế hoạch.",
			[]string{"Tuyên truyền."},
			[]string{"h2 PHỤ LỤC", "table 2 head: TT | Nội dung | Chủ trì || (1) | (2) | (3) || I. THÔNG TIN || 1 | [Tuyên truyền.] | Sở A || II. KHÁC || 1 | Họp. | Sở B", "p Trên đây là kế hoạch."}},
		{"a page broken inside a sentence", "đ) Bảo tồn các giá trị văn hóa truyền thống của dân tộc và các giá trị\n\ntruyền thống của tỉnh.\n\ne) Khác.",
			[]string{"Bảo tồn các giá trị văn hóa truyền thống của dân tộc và các giá trị truyền thống của tỉnh."},
			[]string{"p đ) [Bảo tồn các giá trị văn hóa truyền thống của dân tộc và các giá trị truyền thống của tỉnh.]", "p e) Khác."}},
		{"a passage across paragraphs", "b) Thực hiện mục tiêu y tế.\n\nThực hiện y tế dự phòng.\n\nc) Khác.",
			[]string{"Thực hiện mục tiêu y tế. Thực hiện y tế dự phòng."},
			[]string{"group x0", "p b) {Thực hiện mục tiêu y tế.}", "p {Thực hiện y tế dự phòng.}", "p c) Khác."}},
		{"an item out of document order", "a) Một.\n\nb) Hai.",
			[]string{"Hai.", "Một."},
			[]string{"p a) [Một.]", "p b) [Hai.]"}},
		{"an unclosed emphasis marker", "a) Báo cáo **trước ngày 15/12.",
			[]string{"Báo cáo trước ngày 15/12."},
			[]string{"p a) [Báo cáo trước ngày 15/12.]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &model.Plan{Source: &model.Source{Text: tc.text}}
			for i, text := range tc.items {
				p.Items = append(p.Items, &model.Item{ID: fmt.Sprintf("x%d", i), Text: model.Text{VI: text}})
			}
			got := shape(sourceBlocks(p))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}
