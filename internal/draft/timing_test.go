package draft

import (
	"testing"

	"sitegen/internal/model"
)

// timingCase is a phrase where a timing is read: an item's text, or a
// table cell or "Thời gian thực hiện: ..." line (cell), and what it says.
type timingCase struct {
	in   string
	cell bool
	want *timing
}

func testTimings(t *testing.T, tests []timingCase) {
	t.Helper()
	for _, tc := range tests {
		var got *timing
		if tc.cell {
			got = timingCell(tc.in)
		} else {
			got = timingIn(tc.in)
		}
		if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
			t.Errorf("timing(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// "thường xuyên" says a task is done regularly (kind ongoing) wherever a
// timing is read: a cell, a labelled timing in brackets, a sentence.
func TestTimingRegularly(t *testing.T) {
	ongoing := func(vi string, stated bool) *timing { return &timing{kind: "ongoing", vi: vi, stated: stated} }
	testTimings(t, []timingCase{
		{"Thường xuyên", true, ongoing("Thường xuyên", false)},
		{"Thường xuyên, liên tục", true, ongoing("Thường xuyên, liên tục", false)},
		{"thường xuyên.", true, ongoing("thường xuyên", false)}, // "Thời gian thực hiện: thường xuyên."
		{"Bảo tồn di sản (Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Ngoại vụ; thời gian: thường xuyên).", false, ongoing("thường xuyên", true)},
		{"Trợ giúp xã hội (Sở Y tế chủ trì; thời hạn: Thường xuyên)", false, ongoing("Thường xuyên", true)},
		{"Công an tỉnh chủ trì, phối hợp với Sở Ngoại vụ thực hiện thường xuyên công tác phòng, chống mua bán người.", false, ongoing("thường xuyên", false)},
		{"Thường xuyên cập nhật thông tin về hợp tác ASEAN.", false, ongoing("Thường xuyên", false)},
		// A deadline the text names says more.
		{"Cập nhật thường xuyên các văn bản, hoàn thành trong quý II/2026.", false, &timing{kind: "once", by: mustDue(t, "2026-Q2"), vi: "hoàn thành trong quý II/2026"}},
		// How agencies work together, or what money is spent on, is no timing.
		{"Bảo đảm sự phối hợp chặt chẽ, thường xuyên trong quá trình triển khai.", false, nil},
		{"Phối hợp thường xuyên tổ chức các hoạt động giao lưu văn hóa.", false, nil},
		{"Kinh phí bố trí từ nguồn chi thường xuyên của ngân sách tỉnh.", false, nil},
		{"Các hoạt động không thường xuyên do đơn vị tự bố trí.", false, nil},
	})
}

// A period is two years joined by a dash or "đến", with "giai đoạn",
// "từ năm" or nothing before them, in a cell or in a sentence.
func TestTimingPeriod(t *testing.T) {
	period := func(from, to int, vi string, stated bool) *timing {
		return &timing{kind: "period", from: from, to: to, vi: vi, stated: stated}
	}
	testTimings(t, []timingCase{
		{"2026 - 2030", true, period(2026, 2030, "2026 - 2030", false)},
		{"2026-2030", true, period(2026, 2030, "2026-2030", false)},
		{"Giai đoạn 2026 - 2030", true, period(2026, 2030, "Giai đoạn 2026 - 2030", false)},
		{"Từ năm 2026 đến năm 2030", true, period(2026, 2030, "Từ năm 2026 đến năm 2030", false)},
		{"Năm 2026 - 2027.", true, period(2026, 2027, "Năm 2026 - 2027", false)},
		{"Hỗ trợ tạo việc làm (Sở Nội vụ chủ trì, phối hợp với Sở Công Thương; thời gian: 2026 - 2030).", false, period(2026, 2030, "2026 - 2030", true)},
		{"Đào tạo nghề cho lao động nông thôn giai đoạn 2026-2030.", false, period(2026, 2030, "giai đoạn 2026-2030", false)},
		{"Triển khai mô hình tại các xã trong 2026-2030.", false, period(2026, 2030, "2026-2030", false)},
		{"Duy trì hoạt động từ năm 2026 đến năm 2028 tại các trường.", false, period(2026, 2028, "từ năm 2026 đến năm 2028", false)},
		{"Đào tạo, bồi dưỡng kỹ năng nghề trong năm 2026 - 2027.", false, period(2026, 2027, "năm 2026 - 2027", false)},
		// A term of office, a number, a telephone are no period.
		{"Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020-2025.", false, nil},
		{"Liên hệ đường dây nóng 0290-3831 để được hỗ trợ.", false, nil},
		{"Theo Quyết định số 12/2026-2030 của tỉnh.", false, nil},
	})
}

// A school year is a period of its two years, in the source's words;
// a school year named by one year is not read, since which one it is
// would be made up.
func TestTimingSchoolYear(t *testing.T) {
	period := func(vi string, stated bool) *timing {
		return &timing{kind: "period", from: 2026, to: 2027, vi: vi, stated: stated}
	}
	testTimings(t, []timingCase{
		{"Năm học 2026 - 2027", true, period("Năm học 2026 - 2027", false)},
		{"Năm học 2026-2027.", true, period("Năm học 2026-2027", false)},
		{"Lồng ghép nội dung vào hoạt động ngoại khóa (Sở Giáo dục và Đào tạo chủ trì, phối hợp với Tỉnh Đoàn; thời gian: năm học 2026 - 2027).", false, period("năm học 2026 - 2027", true)},
		{"Tổ chức cuộc thi trong năm học 2026-2027 tại các trường.", false, period("năm học 2026-2027", false)},
		{"Năm học 2027", true, nil},
	})
}

func mustDue(t *testing.T, s string) model.Due {
	t.Helper()
	d, err := model.ParseDue(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
