package draft

import (
	"strings"
	"testing"
)

// A photo's caption is never an item of a news report, however it is
// credited.
func TestCaptions(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Quang cảnh hội nghị triển khai các nhiệm vụ về hội nhập quốc tế của tỉnh năm 2026. Ảnh: Hữu Nghĩa", true},
		{"Đại biểu dự hội nghị. Ảnh: Hữu Nghĩa.", true},
		{"Các đại biểu tham quan gian hàng OCOP - Ảnh: TTXVN", true},
		{"Lãnh đạo tỉnh tặng hoa các đơn vị (Ảnh: Minh Khôi)", true},
		{"Ảnh minh họa", true},
		{"Ảnh: Thanh Tâm", true},
		{"Quang cảnh hội nghị. Nguồn: Cổng thông tin điện tử tỉnh", true},
		// The words "Ảnh" or a colon inside a report's sentence are no credit.
		{"Sở Giáo dục và Đào tạo tổ chức dạy tiếng Anh: mỗi trường ít nhất 2 tiết một tuần.", false},
		{"Kế hoạch giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành triển khai các nhiệm vụ sau: tuyên truyền, tập huấn.", false},
	}
	for _, tc := range tests {
		if got := boilerplate(tc.in); got != tc.want {
			t.Errorf("boilerplate(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// What a report quotes someone as saying is no task of the plan.
func TestQuotation(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{`Ông Trần Minh Khoa, Giám đốc Sở Nội vụ cho biết: "Kế hoạch lần này được xây dựng theo hướng giao việc cụ thể cho từng cơ quan".`, true},
		{"Bà Lê Thị Hoa, Phó Giám đốc Sở Y tế nhấn mạnh: “Ngành y tế sẽ tổ chức khám bệnh lưu động hằng quý”.", true},
		{`Phát biểu tại hội nghị, đồng chí Nguyễn Văn A, Phó Chủ tịch Ủy ban nhân dân tỉnh yêu cầu: "Các sở, ngành phải hoàn thành trước ngày 30/9".`, true},
		{"“Chúng tôi sẽ mời các đoàn nghệ thuật của các nước ASEAN tham gia lễ hội”, ông Nguyễn Văn B cho biết.", true},
		// The plan's own words, quoted, and a task that names a title,
		// are the plan's.
		{`Kế hoạch nêu rõ: "Các sở, ban, ngành xây dựng kế hoạch cụ thể trước ngày 31/7/2026".`, false},
		{"Giám đốc các sở, ban, ngành chịu trách nhiệm triển khai Kế hoạch tại đơn vị mình.", false},
		{"Sở Văn hóa, Thể thao và Du lịch tổ chức Tuần lễ Văn hóa - Du lịch vào tháng 3/2027.", false},
	}
	for _, tc := range tests {
		if got := quotation(tc.in); got != tc.want {
			t.Errorf("quotation(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// A news report's captions and quotations are left out of its items,
// for the editor in the report's "not placed".
func TestNewsReportLeavesOut(t *testing.T) {
	text := normalise(`Cà Mau ban hành Kế hoạch thực hiện Chương trình hành động

Ủy ban nhân dân tỉnh vừa ban hành Kế hoạch triển khai Chương trình hành động về Cộng đồng Văn hóa - Xã hội ASEAN.

Quang cảnh hội nghị triển khai các nhiệm vụ về hội nhập quốc tế của tỉnh năm 2026. Ảnh: Hữu Nghĩa

Sở Y tế có trách nhiệm nâng cao chất lượng khám, chữa bệnh cho ngư dân ở các xã đảo.

Ông Trần Minh Khoa, Giám đốc Sở Nội vụ cho biết: "Kế hoạch lần này giao việc cụ thể cho từng cơ quan".
`)
	d := &drafter{in: Input{Name: "news.txt", Site: testSite()}, text: text, lines: splitLines(text)}
	d.read()
	d.finish()
	var items []string
	walk(d.bd.root, func(n *node) {
		if n != d.bd.root && !n.isSection() {
			items = append(items, n.text)
		}
	})
	if len(items) != 2 || !strings.HasPrefix(items[0], "Ủy ban nhân dân tỉnh vừa") || !strings.HasPrefix(items[1], "Sở Y tế") {
		t.Errorf("items %q, want the two paragraphs of the report", items)
	}
	var unplaced []string
	for _, n := range d.report.Unplaced {
		unplaced = append(unplaced, n.Text)
	}
	for _, want := range []string{"Quang cảnh hội nghị", "Ông Trần Minh Khoa"} {
		found := false
		for _, u := range unplaced {
			found = found || strings.HasPrefix(u, want)
		}
		if !found {
			t.Errorf("%q... is not among the paragraphs not placed: %q", want, unplaced)
		}
	}
}
