package draft

import (
	"slices"
	"strings"
	"testing"

	"sitegen/internal/model"
)

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in          string
		kind        labelKind
		label, body string
	}{
		{"I. MỤC ĐÍCH, YÊU CẦU", roman, "I", "MỤC ĐÍCH, YÊU CẦU"},
		{"VII. TỔ CHỨC THỰC HIỆN", roman, "VII", "TỔ CHỨC THỰC HIỆN"},
		{"III.", roman, "III", ""},
		{"L.Q.L", noLabel, "", "L.Q.L"}, // a reporter's initials
		{"IIV. X", noLabel, "", "IIV. X"},
		{"1. Mục đích", arabic, "1", "Mục đích"},
		{"2.1 Nhiệm vụ chung", decimal, "2.1", "Nhiệm vụ chung"},
		{"1.2. Nhiệm vụ cụ thể", decimal, "1.2", "Nhiệm vụ cụ thể"},
		{"a) Tuyên truyền", letter, "a", "Tuyên truyền"},
		{"đ) Mở rộng", letter, "đ", "Mở rộng"},
		{"- Triển khai", dash, "", "Triển khai"},
		{"+ Kiện toàn", plus, "", "Kiện toàn"},
		{"Điều 3. Chánh Văn phòng", article, "Điều 3", "Chánh Văn phòng"},
		{"2021-2025 trên địa bàn", noLabel, "", "2021-2025 trên địa bàn"},
		{"PHẦN I. QUAN ĐIỂM VÀ MỤC TIÊU", docPart, "Phần I", "QUAN ĐIỂM VÀ MỤC TIÊU"},
		{"Phần thứ hai: NHIỆM VỤ", docPart, "Phần thứ hai", "NHIỆM VỤ"},
		{"Mục 2. Mục tiêu", chapter, "Mục 2", "Mục tiêu"},
		{"Nhiệm vụ 10: Sơ kết, tổng kết", chapter, "Nhiệm vụ 10", "Sơ kết, tổng kết"},
		{"Nhiệm vụ 3: tiếp tục", noLabel, "", "Nhiệm vụ 3: tiếp tục"},
		{"• Con người là trung tâm", dash, "", "Con người là trung tâm"},
		{"25/01/2016 của Thủ tướng", noLabel, "", "25/01/2016 của Thủ tướng"},
	}
	for _, tc := range tests {
		k, l, b := parseLabel(tc.in)
		if k != tc.kind || l != tc.label || b != tc.body {
			t.Errorf("parseLabel(%q) = %v %q %q, want %v %q %q", tc.in, k, l, b, tc.kind, tc.label, tc.body)
		}
	}
}

func TestParagraphs(t *testing.T) {
	// Wrapped text: lines of about 60 characters, as a register page keeps
	// the printed layout.
	wrapped := `II. MỤC TIÊU
1. Mục tiêu chung
Cộng đồng Văn hóa - Xã hội ASEAN thúc đẩy sự phát triển và tăng
cường việc gắn kết các thể chế và khuôn khổ chính sách của Cộng đồng Văn hóa
- Xã hội ASEAN trên địa bàn tỉnh.
2. Mục tiêu cụ thể
- Nâng cao nhận thức cho các cơ quan, tổ chức và người dân về
Cộng đồng ASEAN; đây là dòng đầy đủ độ dài của văn bản gốc.
Thông qua công tác tuyên truyền, giao lưu, hợp tác về văn hóa.
- Huy động nguồn lực.
Cơ quan chủ trì: Sở Lao động - Thương
binh và Xã hội;
Cơ quan phối hợp: các sở, ban, ngành;
UBND các huyện.`
	// One paragraph per line, and a page break inside a paragraph.
	perLine := "a) Mở rộng các hoạt động giao lưu văn hóa, văn nghệ, thể dục thể thao; bảo tồn các giá trị văn hóa truyền\n\n" +
		"thống của dân tộc.\n\nb) Đẩy mạnh.\n\n| 1 | Tuyên truyền | Sở Y tế |\n\n|\n\nHàng năm\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"wrapped", wrapped, []string{
			"II. MỤC TIÊU",
			"1. Mục tiêu chung",
			"Cộng đồng Văn hóa - Xã hội ASEAN thúc đẩy sự phát triển và tăng cường việc gắn kết các thể chế và khuôn khổ chính sách của Cộng đồng Văn hóa - Xã hội ASEAN trên địa bàn tỉnh.",
			"2. Mục tiêu cụ thể",
			"- Nâng cao nhận thức cho các cơ quan, tổ chức và người dân về Cộng đồng ASEAN; đây là dòng đầy đủ độ dài của văn bản gốc. Thông qua công tác tuyên truyền, giao lưu, hợp tác về văn hóa.",
			"- Huy động nguồn lực.",
			"Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội;",
			"Cơ quan phối hợp: các sở, ban, ngành; UBND các huyện.",
		}},
		{"bold markers", "**IV. KINH PHÍ**\n\n***\n\nd) Định kỳ hằng năm (**trước ngày 15/12**) báo cáo ** kết quả**.\n", []string{
			"IV. KINH PHÍ",
			"d) Định kỳ hằng năm (trước ngày 15/12) báo cáo kết quả.",
		}},
		{"per line", perLine, []string{
			"a) Mở rộng các hoạt động giao lưu văn hóa, văn nghệ, thể dục thể thao; bảo tồn các giá trị văn hóa truyền thống của dân tộc.",
			"b) Đẩy mạnh.",
			"| 1 | Tuyên truyền | Sở Y tế |",
			"Hàng năm",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := normalise(tc.text)
			var got []string
			for _, b := range paragraphs(splitLines(text), text, func(string) bool { return false }) {
				got = append(got, b.text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestPipeCells(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"| 1 | Tuyên truyền | Sở Y tế |", []string{"1", "Tuyên truyền", "Sở Y tế"}},
		{"|---|:--|--|", []string{}},
		{"|", nil},
		{"a | b", nil},
	}
	for _, tc := range tests {
		if got := pipeCells(tc.in); !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
			t.Errorf("pipeCells(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func testSite() *model.Site {
	agency := func(id, name string, collective bool, variants ...string) *model.Agency {
		return &model.Agency{ID: id, Name: model.Text{VI: name}, Collective: collective, Variants: variants}
	}
	return &model.Site{
		Agencies: []*model.Agency{
			agency("ppc", "Ủy ban nhân dân tỉnh, thành phố", false, "UBND tỉnh", "Ủy ban nhân dân tỉnh"),
			agency("ppc-office", "Văn phòng Ủy ban nhân dân tỉnh", false, "Văn phòng UBND tỉnh"),
			agency("dolisa", "Sở Lao động - Thương binh và Xã hội", false),
			agency("dic", "Sở Thông tin và Truyền thông", false),
			agency("dcst", "Sở Văn hóa, Thể thao và Du lịch", false),
			agency("doh", "Sở Y tế", false),
			agency("doha", "Sở Nội vụ", false),
			agency("dof", "Sở Tài chính", false),
			agency("dofa", "Sở Ngoại vụ", false),
			agency("doet", "Sở Giáo dục và Đào tạo", false),
			agency("fatherland-front", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, thành phố", false),
			agency("newspaper", "Báo tỉnh, thành phố", false),
			agency("departments", "Các sở, ban, ngành", true, "các sở, ban, ngành liên quan"),
			agency("relevant-units", "Các cơ quan, đơn vị có liên quan", true, "các tổ chức liên quan"),
			agency("district-committees", "Ủy ban nhân dân cấp huyện", true, "UBND các huyện, thị xã, thành phố"),
		},
		Provinces: []*model.Province{
			{ID: "thanh-hoa", Name: model.Text{VI: "Thanh Hóa"}, Agencies: map[string]model.Text{"newspaper": {VI: "Báo Thanh Hóa"}}},
			{ID: "da-nang", Name: model.Text{VI: "Đà Nẵng"}},
		},
		Frameworks: []*model.Framework{
			{ID: "de-an-161", Instrument: model.Text{VI: "Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ"},
				Pillars: []*model.Pillar{{ID: "inclusive", Name: model.Text{VI: "Cộng đồng hòa nhập"}}},
				Groups:  []*model.Pillar{{ID: "organisation", Name: model.Text{VI: "Tổ chức thực hiện"}}}},
			{ID: "ct-2026", Instrument: model.Text{VI: "Quyết định số 155/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ"}},
		},
	}
}

func TestLexiconRead(t *testing.T) {
	lx := newLexicon(testSite(), "thanh-hoa", "Thanh Hóa")
	tests := []struct {
		phrase     string
		stopAtText bool
		ids        []string
		unmatched  []string
		rest       string
	}{
		{"Sở Lao động- Thương binh và Xã hội", false, []string{"dolisa"}, nil, ""},
		{"Sở Văn hoá - Thể thao và Du lịch", false, []string{"dcst"}, nil, ""}, // old tone placement, hyphen for comma
		{"Báo Thanh Hóa; Đài Phát thanh và Truyền hình tỉnh", false, []string{"newspaper"}, []string{"Đài Phát thanh và Truyền hình tỉnh"}, ""},
		{"Sở Y tế, Sở Du lịch và các tổ chức liên quan", false, []string{"doh", "relevant-units"}, []string{"Sở Du lịch"}, ""},
		{"tổ chức liên quan", false, []string{"relevant-units"}, nil, ""},
		{"Văn phòng UBND tỉnh (Cổng thông tin điện tử tỉnh)", false, []string{"ppc-office"}, nil, ""},
		// The members a collective name introduces, named without "Sở".
		{"Các sở, ban, ngành: Thông tin và Truyền thông; Y tế", false, []string{"dic", "doh"}, nil, ""},
		// Heads stand for their agencies.
		{"Giám đốc các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố", false, []string{"departments", "district-committees"}, nil, ""},
		{"Sở Y tế chủ trì, phối hợp với Sở Thông tin và Truyền thông", true, []string{"doh"}, nil, "chủ trì, phối hợp với Sở Thông tin và Truyền thông"},
		{"Tăng cường công tác", true, nil, nil, "Tăng cường công tác"},
	}
	for _, tc := range tests {
		got := lx.read(tc.phrase, tc.stopAtText)
		if !slices.Equal(got.ids, tc.ids) || !slices.Equal(got.unmatched, tc.unmatched) || got.rest != tc.rest {
			t.Errorf("read(%q) = %q, unmatched %q, rest %q; want %q, %q, %q", tc.phrase, got.ids, got.unmatched, got.rest, tc.ids, tc.unmatched, tc.rest)
		}
	}
}

func TestTiming(t *testing.T) {
	due := func(s string) model.Due {
		d, err := model.ParseDue(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	testTimings(t, []timingCase{
		{"Định kỳ trước ngày 15/12 hằng năm, báo cáo kết quả", false, &timing{kind: "annual", vi: "Định kỳ trước ngày 15/12 hằng năm"}},
		{"Định kỳ hằng năm (trước ngày 15/12) báo cáo", false, &timing{kind: "annual", vi: "Định kỳ hằng năm (trước ngày 15/12)"}},
		{"báo cáo định kỳ hàng năm (trước ngày 15 tháng 12); phối hợp", false, &timing{kind: "annual", vi: "định kỳ hàng năm (trước ngày 15 tháng 12)"}},
		{"hoàn thành trước ngày 30/6/2022", false, &timing{kind: "once", by: due("2022-06-30"), vi: "hoàn thành trước ngày 30/6/2022"}},
		{"tổng hợp, báo cáo trước ngày 30/9/2026.", false, &timing{kind: "once", by: due("2026-09-30"), vi: "trước ngày 30/9/2026"}},
		{"hoàn thành đến cuối quý III năm 2021", false, &timing{kind: "once", by: due("2021-Q3"), vi: "đến cuối quý III năm 2021"}},
		{"Tổ chức hội nghị trong Quý III/2026 tại tỉnh", false, &timing{kind: "once", by: due("2026-Q3"), vi: "trong Quý III/2026"}},
		{"phát hành trong tháng 6/2026", false, &timing{kind: "once", by: due("2026-06"), vi: "trong tháng 6/2026"}},
		{"Đăng cai Diễn đàn năm 2028 (Sở X chủ trì)", false, &timing{kind: "once", by: due("2028"), vi: "năm 2028"}},
		{"Luật ngày 19 tháng 02 năm 2025 quy định", false, nil},
		{"Triển khai Nghị định số 24/2014/NĐ-CP ngày 04/4/2014 của Chính phủ", false, nil},
		{"Kiểm tra, hoàn thành trước 31/12/2027.", false, &timing{kind: "once", by: due("2027-12-31"), vi: "hoàn thành trước 31/12/2027"}},
		{"30/6/2027", true, &timing{kind: "once", by: due("2027-06-30"), vi: "30/6/2027"}},
		{"báo cáo trước ngày 30 tháng 6 năm 2026", false, &timing{kind: "once", by: due("2026-06-30"), vi: "trước ngày 30 tháng 6 năm 2026"}},
		{"báo cáo kết quả định kỳ 6 tháng gửi Sở Nội vụ", false, &timing{kind: "semiannual", vi: "định kỳ 6 tháng"}},
		{"kiểm tra định kỳ hằng quý", false, &timing{kind: "quarterly", vi: "định kỳ hằng quý"}},
		{"phát sóng hằng tháng", false, &timing{kind: "monthly", vi: "hằng tháng"}},
		{"đào tạo nghề giai đoạn 2021- 2025; triển khai", false, &timing{kind: "period", from: 2021, to: 2025, vi: "giai đoạn 2021- 2025"}},
		{"Năm 2020: Đánh giá giữa kỳ; giai đoạn 2016-2020", false, &timing{kind: "once", by: due("2020"), vi: "Năm 2020"}},
		{"Tuyên truyền rộng rãi", false, nil},
		{"Hàng năm", true, &timing{kind: "annual", vi: "Hàng năm"}},
		{"Tháng 9 hằng năm", true, &timing{kind: "annual", vi: "Tháng 9 hằng năm"}},
		{"Giai đoạn 2021-2025", true, &timing{kind: "period", from: 2021, to: 2025, vi: "Giai đoạn 2021-2025"}},
		{"2026 - 2030", true, &timing{kind: "period", from: 2026, to: 2030, vi: "2026 - 2030"}},
		{"Thường xuyên", true, &timing{kind: "ongoing", vi: "Thường xuyên"}},
		{"Quý II/2022", true, &timing{kind: "once", by: due("2022-Q2"), vi: "Quý II/2022"}},
		{"Tháng 12/2026", true, &timing{kind: "once", by: due("2026-12"), vi: "Tháng 12/2026"}},
		{"Năm 2027", true, &timing{kind: "once", by: due("2027"), vi: "Năm 2027"}},
		{"2027", true, &timing{kind: "once", by: due("2027"), vi: "2027"}},
		{"Trước ngày 30/10/2026", true, &timing{kind: "once", by: due("2026-10-30"), vi: "Trước ngày 30/10/2026"}},
		{"Định kỳ 6 tháng", true, &timing{kind: "semiannual", vi: "Định kỳ 6 tháng"}},
		{"Theo kế hoạch của Bộ", true, nil},
	})
}

func TestLegalBases(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", []string{"Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"}},
		{"Căn cứ Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ (Đề án 161) và Công văn số 1841/LĐTBXH-HTQT ngày 17/6/2021 của Bộ; nhằm triển khai thực hiện",
			[]string{"Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ (Đề án 161)", "Công văn số 1841/LĐTBXH-HTQT ngày 17/6/2021 của Bộ"}},
		{"Thực hiện Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:", []string{"Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ"}},
		{"Xét đề nghị của Giám đốc Sở Nội vụ.", []string{"Xét đề nghị của Giám đốc Sở Nội vụ"}},
	}
	for _, tc := range tests {
		if got := legalBases(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("legalBases(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentenceCase(t *testing.T) {
	body := "Kế hoạch thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN trên địa bàn tỉnh Thanh Hóa.\nTriển khai, thực hiện nghiêm."
	tests := []struct{ title, want string }{
		{"KẾ HOẠCH HÀNH ĐỘNG TRIỂN KHAI, THỰC HIỆN CÁC MỤC TIÊU CỦA CỘNG ĐỒNG VĂN HÓA - XÃ HỘI ASEAN TRÊN ĐỊA BÀN TỈNH THANH HÓA",
			"Kế hoạch hành động triển khai, thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN trên địa bàn tỉnh Thanh Hóa"},
		{"CHƯƠNG TRÌNH XYZ", "Chương trình xyz"},
	}
	for _, tc := range tests {
		if got := sentenceCase(tc.title, body); got != tc.want {
			t.Errorf("sentenceCase(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestSignature(t *testing.T) {
	tests := []struct{ text, signer, role string }{
		{"Nơi nhận:\n- Như trên;\n|\nKT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nNgô Thị Kim Yến\n|", "Ngô Thị Kim Yến", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"},
		{"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n\n\nĐầu Thanh Tùng\n", "Đầu Thanh Tùng", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"},
		{"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(đã ký)\n", "", ""},
	}
	for _, tc := range tests {
		var r register
		r.signature(splitLines(tc.text))
		if r.signer != tc.signer || r.role != tc.role {
			t.Errorf("signature(%q) = %q, %q; want %q, %q", tc.text, r.signer, r.role, tc.signer, tc.role)
		}
	}
}

func TestFindProvinceAndFramework(t *testing.T) {
	site := testSite()
	tests := []struct{ text, province, framework string }{
		{"ỦY BAN NHÂN DÂN TỈNH THANH HÓA ... theo Quyết định số 161/QĐ-TTg", "thanh-hoa", "de-an-161"},
		{"trên địa bàn thành phố Đà Nẵng, thực hiện Quyết định số 155/QĐ-TTg", "da-nang", "ct-2026"},
		{"Thanh Hóa, ngày 23 tháng 9 năm 2021", "", ""}, // a place, not "tỉnh Thanh Hóa"
	}
	for _, tc := range tests {
		if got := findProvince(tc.text, site.Provinces); got != tc.province {
			t.Errorf("findProvince(%q) = %q, want %q", tc.text, got, tc.province)
		}
		if got := findFramework(tc.text, site.Frameworks); got != tc.framework {
			t.Errorf("findFramework(%q) = %q, want %q", tc.text, got, tc.framework)
		}
	}
}

func TestContiguous(t *testing.T) {
	source := "IV. KINH PHÍ\n\n1. Kinh phí từ ngân sách\nnhà nước.\n\n2. Nguồn **hợp pháp** khác.\n\nV. TỔ CHỨC\n\n3. Lồng ghép."
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"labels kept, lines and bold folded", []string{"1. Kinh phí từ ngân sách nhà nước.", "2. Nguồn hợp pháp khác."},
			"1. Kinh phí từ ngân sách nhà nước. 2. Nguồn hợp pháp khác."},
		{"stops at a gap", []string{"1. Kinh phí từ ngân sách nhà nước.", "3. Lồng ghép."},
			"1. Kinh phí từ ngân sách nhà nước."},
		{"nothing the source prints", []string{"Kinh phí từ ngân sách nhà nước. Nguồn hợp pháp khác."}, ""},
		{"none", nil, ""},
	}
	for _, tc := range tests {
		if got := contiguous(tc.paras, source); got != tc.want {
			t.Errorf("%s: contiguous = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestAttributes(t *testing.T) {
	tests := []struct {
		in     string
		attrs  []attribute
		values []string
	}{
		{"Cơ quan chủ trì: Sở Nội vụ.", []attribute{attrLead}, []string{"Sở Nội vụ."}},
		{"Cơ quan phối hợp: Tỉnh Đoàn; Đài Phát thanh và Truyền hình tỉnh.", []attribute{attrPartners}, []string{"Tỉnh Đoàn; Đài Phát thanh và Truyền hình tỉnh."}},
		{"Đơn vị thực hiện: Sở Y tế (chủ trì), Công an tỉnh.", []attribute{attrPerformers}, []string{"Sở Y tế (chủ trì), Công an tỉnh."}},
		{"Thời gian thực hiện: Quý III/2026.", []attribute{attrTiming}, []string{"Quý III/2026."}},
		{"Hoàn thành: tháng 12/2026.", []attribute{attrTiming}, []string{"tháng 12/2026."}},
		{"Sản phẩm: Báo cáo", []attribute{attrOther}, []string{"Báo cáo"}},
		{"Cơ quan chủ trì thực hiện: Sở Y tế; cơ quan phối hợp: Sở Tài chính, Sở Nội vụ.", []attribute{attrLead, attrPartners}, []string{"Sở Y tế", "Sở Tài chính, Sở Nội vụ."}},
		{"Chủ trì: Sở Nội vụ; thời gian: năm 2026", []attribute{attrLead, attrTiming}, []string{"Sở Nội vụ", "năm 2026"}},
		// A heading that names the part on time, and a task, are no lines of attributes.
		{"Thời gian thực hiện:", nil, nil},
		{"Kinh phí thực hiện Kế hoạch được bố trí trong dự toán.", nil, nil},
	}
	for _, tc := range tests {
		attrs, values := attributesOf(tc.in)
		if !slices.Equal(attrs, tc.attrs) || !slices.Equal(values, tc.values) {
			t.Errorf("attributesOf(%q) = %v %q, want %v %q", tc.in, attrs, values, tc.attrs, tc.values)
		}
	}
}

func TestParenAgencies(t *testing.T) {
	tests := []struct {
		in, lead, partners string
		ok                 bool
	}{
		{"Tập huấn cho cán bộ (Sở Y tế chủ trì).", "Sở Y tế", "", true},
		{"Tổ chức hội nghị (Sở Nội vụ chủ trì, phối hợp với Sở Ngoại vụ, Sở Tài chính).", "Sở Nội vụ", "Sở Ngoại vụ, Sở Tài chính", true},
		{"Tuyên truyền (Sở X chủ trì, Sở Y phối hợp)", "Sở X", "Sở Y", true},
		{"Hỗ trợ thanh niên (Tỉnh Đoàn chủ trì; thời gian: năm 2027).", "Tỉnh Đoàn", "", true},
		{"Số hóa di sản (Sở X chủ trì, phối hợp với Sở Y; thực hiện trong quý III/2027).", "Sở X", "Sở Y", true},
		{"Theo Quyết định (số 12/QĐ-UBND) của tỉnh.", "", "", false},
		{"Dạy nghề (Sở Nội vụ chủ trì; Sở Y tế, Sở Tài chính phối hợp).", "Sở Nội vụ", "Sở Y tế, Sở Tài chính", true},
	}
	for _, tc := range tests {
		lead, partners, ok := parenAgencies(tc.in)
		if lead != tc.lead || partners != tc.partners || ok != tc.ok {
			t.Errorf("parenAgencies(%q) = %q %q %v, want %q %q %v", tc.in, lead, partners, ok, tc.lead, tc.partners, tc.ok)
		}
	}
}

func TestLeadAndPartners(t *testing.T) {
	tests := []struct{ in, lead, partners string }{
		{"Sở Văn hóa, Thể thao và Du lịch (chủ trì), Đài Phát thanh và Truyền hình tỉnh, Báo Lào Cai.", "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh và Truyền hình tỉnh, Báo Lào Cai"},
		{"Sở Nội vụ chủ trì; Công an tỉnh phối hợp.", "Sở Nội vụ", "Công an tỉnh"},
		{"Sở Y tế chủ trì, phối hợp với Sở Tài chính", "Sở Y tế", "Sở Tài chính"},
		{"Sở Nội vụ chủ trì", "Sở Nội vụ", ""},
	}
	for _, tc := range tests {
		if lead, partners, _ := leadAndPartners(tc.in); lead != tc.lead || partners != tc.partners {
			t.Errorf("leadAndPartners(%q) = %q %q, want %q %q", tc.in, lead, partners, tc.lead, tc.partners)
		}
	}
}

func TestOutlineTop(t *testing.T) {
	blocks := func(lines ...string) []block {
		var out []block
		for i, l := range lines {
			out = append(out, newBlock(i+1, l))
		}
		return out
	}
	tests := []struct {
		name   string
		blocks []block
		want   labelKind
	}{
		{"roman", blocks("I. MỤC ĐÍCH", "1. Mục đích", "II. NHIỆM VỤ"), roman},
		{"arabic parts in capitals", blocks("1. MỤC TIÊU", "1.1. Mục tiêu chung", "a) Nội dung", "2. NHIỆM VỤ", "3. TỔ CHỨC THỰC HIỆN"), arabic},
		{"parts", blocks("PHẦN I. MỤC TIÊU", "Mục 1. Quan điểm", "PHẦN II. NHIỆM VỤ"), docPart},
		{"articles only", blocks("Điều 1. Ban hành", "Điều 2. Hiệu lực"), article},
		{"a news report", blocks("Hải Phòng ban hành kế hoạch", "Theo Kế hoạch, thành phố ..."), noLabel},
	}
	for _, tc := range tests {
		if got := outlineTop(tc.blocks); got != tc.want {
			t.Errorf("%s: outlineTop = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestGroupRow(t *testing.T) {
	tests := []struct {
		cells []string
		want  string
		ok    bool
	}{
		{[]string{"I", "NHÓM NHIỆM VỤ NÂNG CAO NHẬN THỨC", "", "", ""}, "I. NHÓM NHIỆM VỤ NÂNG CAO NHẬN THỨC", true},
		{[]string{"II. PHÁT TRIỂN XÃ HỘI", "", "", ""}, "II. PHÁT TRIỂN XÃ HỘI", true},
		{[]string{"1", "Hỗ trợ học nghề", "", "", ""}, "", false},
		{[]string{"I", "Nội dung", "Sở Y tế", "", ""}, "", false},
	}
	for _, tc := range tests {
		n := 0
		for _, c := range tc.cells {
			if c != "" {
				n++
			}
		}
		if got, ok := groupRow(tc.cells, n); got != tc.want || ok != tc.ok {
			t.Errorf("groupRow(%q) = %q %v, want %q %v", tc.cells, got, ok, tc.want, tc.ok)
		}
	}
}

func TestProvinceNamed(t *testing.T) {
	tests := []struct {
		text, name string
		kind       model.ProvinceKind
	}{
		{"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n\nKẾ HOẠCH\nThực hiện trên địa bàn tỉnh Đắk Lắk", "Đắk Lắk", model.ProvinceKindProvince},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\nKẾ HOẠCH", "Cần Thơ", model.ProvinceKindCity},
		// Other provinces named in the text ("các tỉnh Bắc Lào") and the
		// youth union ("Tỉnh Đoàn") are not the plan's.
		{"Giao lưu với các tỉnh Bắc Lào. Tỉnh Đoàn chủ trì. Kế hoạch của tỉnh Nghệ An, tỉnh Nghệ An.", "Nghệ An", model.ProvinceKindProvince},
		{"Kế hoạch không nêu tên địa phương.", "", ""},
	}
	for _, tc := range tests {
		name, kind := provinceNamed(tc.text)
		if name != tc.name || kind != tc.kind {
			t.Errorf("provinceNamed(%q) = %q %q, want %q %q", tc.text, name, kind, tc.name, tc.kind)
		}
	}
	if got := provinceEntry("dak-lak", "Đắk Lắk", model.ProvinceKindProvince); got != "- id: dak-lak\n  kind: province\n  name: {vi: Đắk Lắk, en: Dak Lak}\n  agencies:\n    ppc: {vi: Ủy ban nhân dân tỉnh Đắk Lắk, en: Dak Lak Provincial People's Committee}\n" {
		t.Errorf("provinceEntry = %q", got)
	}
}
