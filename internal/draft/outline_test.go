package draft

import (
	"fmt"
	"strings"
	"testing"
)

// outline reads a plan's text as Make does and returns its nodes by id.
func outline(t *testing.T, text string) map[string]*node {
	t.Helper()
	text = normalise(text)
	d := &drafter{in: Input{Name: "plan.txt", Site: testSite()}, text: text, lines: splitLines(text)}
	d.read()
	d.finish()
	out := map[string]*node{}
	walk(d.bd.root, func(n *node) { out[n.id] = n })
	return out
}

// said is what a draft says of an item: its lead and partners, its own
// or its section's, and its timing.
func said(n *node) string {
	lead, partners := n.lead, n.partners
	for p := n.parent; p != nil; p = p.parent {
		if len(lead) == 0 {
			lead = p.lead
		}
		if len(partners) == 0 {
			partners = p.partners
		}
	}
	when := ""
	if n.timing != nil {
		when = string(n.timing.kind)
		switch {
		case n.timing.from != 0:
			when += fmt.Sprintf(":%d-%d", n.timing.from, n.timing.to)
		case !n.timing.by.IsZero():
			when += ":" + n.timing.by.String()
		}
	}
	return fmt.Sprintf("lead=%s partners=%s when=%s", strings.Join(lead, ","), strings.Join(partners, ","), when)
}

// An attribute line ("Đơn vị thực hiện: ...", "Thời gian thực hiện:
// ...") applies to the points of the section it sits in: under the
// section's heading, to the points that follow; after its points, to
// the points before it; never across a section heading. An item's own
// lead and deadline win over lines shared by several items.
func TestAttributeLineScope(t *testing.T) {
	const head = "KẾ HOẠCH\nThực hiện Chương trình hành động\n"
	tests := []struct {
		name string
		text string
		want map[string]string // item id: what the draft says of it
	}{
		{"lines under a heading lead the points that follow; lines after the next section's points stay there", head + `
Phần II. NHIỆM VỤ CỤ THỂ
Mục 1. Truyền thông, nâng cao nhận thức
Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch (chủ trì), Sở Ngoại vụ.
- Xây dựng chuyên trang về ASEAN, hoàn thành trong Quý IV/2026.
- Sản xuất các video ngắn quảng bá văn hóa.
Mục 2. Giáo dục và phát triển nguồn nhân lực
- Đẩy mạnh dạy và học ngoại ngữ trong các trường phổ thông.
- Đào tạo nhân lực ngành du lịch theo tiêu chuẩn ASEAN.
Đơn vị thực hiện: Sở Giáo dục và Đào tạo (chủ trì), Sở Nội vụ.
Thời gian thực hiện: giai đoạn 2026 - 2030.
`, map[string]string{
			"phan-ii-muc-1-1": "lead=dcst partners=dofa when=once:2026-Q4",
			"phan-ii-muc-1-2": "lead=dcst partners=dofa when=",
			"phan-ii-muc-2-1": "lead=doet partners=doha when=period:2026-2030",
			"phan-ii-muc-2-2": "lead=doet partners=doha when=period:2026-2030",
		}},
		{"lines after a section's points do not reach the section before, which has none", head + `
II. NHIỆM VỤ
1. Truyền thông
a) Xây dựng chuyên trang về ASEAN.
b) Sản xuất các video ngắn quảng bá văn hóa.
2. Y tế
a) Nâng cao năng lực y tế dự phòng tại các cửa khẩu.
b) Chăm sóc sức khỏe cho người cao tuổi.
Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính; thời gian: hằng năm.
`, map[string]string{
			"ii-1-a": "lead= partners= when=",
			"ii-1-b": "lead= partners= when=",
			"ii-2-a": "lead=doh partners=dof when=annual",
			"ii-2-b": "lead=doh partners=dof when=annual",
		}},
		{"a task's own lead and deadline win over its section's lines", head + `
II. NHIỆM VỤ
1. Tuyên truyền
Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
Thời gian thực hiện: hằng năm.
a) Biên soạn tài liệu tuyên truyền (Sở Nội vụ chủ trì, phối hợp với Sở Tài chính).
b) Tổ chức cuộc thi tìm hiểu về ASEAN trong quý III/2026.
c) Phát hành bản tin về hợp tác ASEAN.
2. Y tế
a) Tập huấn cho cán bộ y tế (Sở Y tế chủ trì; thời gian: năm 2027).
b) Chăm sóc sức khỏe cho người cao tuổi.
Cơ quan chủ trì: Sở Nội vụ; thời gian: 2026 - 2030.
`, map[string]string{
			"ii-1-a": "lead=doha partners=dof when=annual",
			"ii-1-b": "lead=dcst partners= when=once:2026-Q3",
			"ii-1-c": "lead=dcst partners= when=annual",
			"ii-2-a": "lead=doh partners= when=once:2027",
			"ii-2-b": "lead=doha partners= when=period:2026-2030",
		}},
		{"lines under one task are its own, over a date its words name", head + `
II. NHIỆM VỤ
1. Truyền thông
a) Tổ chức hội nghị triển khai Kế hoạch trong năm 2026.
- Cơ quan chủ trì: Sở Nội vụ.
- Thời gian thực hiện: Quý III/2026.
b) Phát hành bản tin về hợp tác ASEAN.
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
`, map[string]string{
			"ii-1-a": "lead=doha partners= when=once:2026-Q3",
			"ii-1-b": "lead=dcst partners= when=",
		}},
		{"a heading without a full stop that no point follows is the task its lines speak of", head + `
II. NHIỆM VỤ CỤ THỂ
Nhiệm vụ 1: Đào tạo, bồi dưỡng kỹ năng nghề cho người lao động
- Cơ quan chủ trì: Sở Nội vụ.
- Thời gian thực hiện: Năm 2026 - 2027.
Nhiệm vụ 2: Tổ chức khám sàng lọc cho người cao tuổi.
- Cơ quan chủ trì: Sở Y tế.
`, map[string]string{
			"ii-nhiem-vu-1": "lead=doha partners= when=period:2026-2027",
			"ii-nhiem-vu-2": "lead=doh partners= when=",
		}},
		{"a lettered point's bullets and the points beside it share the lines that close their section", head + `
II. NHIỆM VỤ
1. Phát triển xã hội
a) Hỗ trợ người lao động
- Tổ chức phiên giao dịch việc làm hằng tháng.
- Đào tạo nghề cho lao động nông thôn.
b) Kiểm tra việc thực hiện chính sách lao động.
Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tài chính; thời gian: 2026 - 2030.
`, map[string]string{
			"ii-1-a-1": "lead=doha partners=dof when=monthly",
			"ii-1-a-2": "lead=doha partners=dof when=period:2026-2030",
			"ii-1-b":   "lead=doha partners=dof when=period:2026-2030",
		}},
		{"lines nearer the points win over the lines that head their section", head + `
II. NHIỆM VỤ
1. Văn hóa
Thời gian thực hiện: giai đoạn 2026 - 2030.
1.1. Di sản
a) Bảo tồn nghề dệt thổ cẩm.
b) Số hóa di sản văn hóa.
Thời gian thực hiện: năm 2027.
1.2. Du lịch
a) Xây dựng tour kết nối với các nước ASEAN.
`, map[string]string{
			"ii-1-1-a": "lead= partners= when=once:2027",
			"ii-1-1-b": "lead= partners= when=once:2027",
			"ii-1-2-a": "lead= partners= when=period:2026-2030",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodes := outline(t, tc.text)
			for id, want := range tc.want {
				n, ok := nodes[id]
				if !ok {
					ids := make([]string, 0, len(nodes))
					for id := range nodes {
						ids = append(ids, id)
					}
					t.Fatalf("no item %q; the outline has %q", id, ids)
				}
				if got := said(n); got != want {
					t.Errorf("%s: %s, want %s", id, got, want)
				}
			}
		})
	}
}
