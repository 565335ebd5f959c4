package draft_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/build"
	"sitegen/internal/draft"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

// smallContent is the valid fixture without its plan, with the agencies,
// provinces and frameworks the test documents name.
func smallContent(t *testing.T) fstest.MapFS {
	t.Helper()
	content := fstest.MapFS{}
	for name, f := range sitetest.Fixture(t, "valid") {
		if !strings.HasPrefix(name, "plans/") && !strings.HasPrefix(name, "commentary/") && !strings.HasPrefix(name, "sources/") {
			content[name] = f
		}
	}
	content["agencies.yaml"] = &fstest.MapFile{Data: []byte(`
- id: ppc
  name: {vi: "Ủy ban nhân dân tỉnh, thành phố", en: People's Committee}
  variants: [UBND tỉnh, Ủy ban nhân dân tỉnh]
- id: dolisa
  name: {vi: Sở Lao động - Thương binh và Xã hội, en: DOLISA}
- id: doha
  name: {vi: Sở Nội vụ, en: Department of Home Affairs}
- id: doh
  name: {vi: Sở Y tế, en: Department of Health}
- id: departments
  collective: true
  name: {vi: "Các sở, ban, ngành", en: Departments}
  variants: ["các sở, ban, ngành liên quan"]
`)}
	content["provinces.yaml"] = &fstest.MapFile{Data: []byte(`
- id: dak-lak
  kind: province
  name: {vi: Đắk Lắk, en: Dak Lak}
`)}
	content["frameworks.yaml"] = &fstest.MapFile{Data: []byte(`
- id: old
  name: {vi: Đề án cũ, en: Old scheme}
  instrument: {vi: Quyết định số 161/QĐ-TTg ngày 25/01/2016, en: Decision 161/QĐ-TTg}
  sources: [{id: d, text: {vi: Quyết định, en: Decision, editorial: true}}]
  cite: {name: [d], instrument: [d], pillars: [d]}
  pillars:
    - id: old-inclusive
      key: B
      name: {vi: Cộng đồng hòa nhập, en: An inclusive community}
- id: new
  name: {vi: Chương trình mới, en: New programme}
  instrument: {vi: Quyết định số 155/QĐ-TTg ngày 20/01/2026, en: Decision 155/QĐ-TTg}
  sources: [{id: d, text: {vi: Quyết định, en: Decision, editorial: true}}]
  cite: {name: [d], instrument: [d], pillars: [d]}
  pillars:
    - id: inclusive
      key: B
      name: {vi: Cộng đồng hòa nhập, en: An inclusive community}
  groups:
    - id: organisation
      name: {vi: Tổ chức thực hiện, en: Organisation of implementation}
`)}
	return content
}

const smallPlan = `ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK

Số: 12/KH-UBND

Đắk Lắk, ngày 05 tháng 3 năm 2026

KẾ HOẠCH

Thực hiện Chương trình hành động trên địa bàn tỉnh Đắk Lắk, giai đoạn 2026-2030

Căn cứ Quyết định số 155/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ;

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao nhận thức của cán bộ và người dân về Cộng đồng ASEAN.

II. NỘI DUNG NHIỆM VỤ

1. Xây dựng cộng đồng hòa nhập

a) Nội dung hoạt động

- Tổ chức hội nghị phổ biến kiến thức về ASEAN (Sở Nội vụ chủ trì).

- Hỗ trợ hộ nghèo tiếp cận dịch vụ xã hội hằng năm.

b) Đơn vị chủ trì: Sở Lao động - Thương binh và Xã hội.

c) Đơn vị phối hợp: Sở Y tế, Sở Du lịch.

2. Tăng cường hợp tác

- Kiện toàn tổ chức bộ máy, trong đó chú trọng:

+ Lập kế hoạch quản lý hằng năm;

+ Tăng cường công tác tuyên truyền.

Cơ quan chủ trì: Sở Y tế;

- Giao lưu văn hóa với các nước ASEAN giai đoạn 2026-2030.

Cơ quan chủ trì: Sở Nội vụ;

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

Là cơ quan thường trực, chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức thực hiện Kế hoạch.

Định kỳ hằng năm báo cáo kết quả về UBND tỉnh trước ngày 15/12.

Trên đây là Kế hoạch thực hiện Chương trình hành động trên địa bàn tỉnh Đắk Lắk.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An

PHỤ LỤC

DANH MỤC NHIỆM VỤ

| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| I. NHIỆM VỤ HÒA NHẬP | | | | |
| 1 | Tổ chức hội nghị phổ biến kiến thức về ASEAN | Sở Nội vụ | Sở Du lịch | Hằng năm |
`

// imported makes a draft from a document and checks it with the small
// content; it fails the test if check finds errors.
func imported(t *testing.T, name string, data []byte) (*draft.Draft, *model.Plan) {
	t.Helper()
	content := smallContent(t)
	site, _ := build.Check(content)
	d, err := draft.Make(draft.Input{Name: name, Data: data, Site: site})
	if err != nil {
		t.Fatal(err)
	}
	after := maps.Clone(content)
	after["plans/"+d.ID+".yaml"] = &fstest.MapFile{Data: d.YAML}
	after["sources/"+d.SourceFile] = &fstest.MapFile{Data: d.Source}
	checked, problems := build.Check(after)
	if errs := errorsOnly(problems); len(errs) > 0 {
		t.Fatalf("check rejects the draft:\n%s\ndraft:\n%s", strings.Join(errs, "\n"), d.YAML)
	}
	p := planOf(checked, d.ID)
	if p == nil {
		t.Fatalf("no plan %q after check", d.ID)
	}
	return d, p
}

func itemByID(p *model.Plan, id string) *model.Item {
	for _, it := range p.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func TestMakeSmallPlan(t *testing.T) {
	d, p := imported(t, "dak-lak-12.txt", []byte(smallPlan))
	if d.ID != "dak-lak-12-2026" {
		t.Errorf("id %q, want dak-lak-12-2026 (province, number, year)", d.ID)
	}
	doc := p.Document
	register := []struct{ field, got, want string }{
		{"type", string(doc.Type), "plan"},
		{"number", doc.Number, "12/KH-UBND"},
		{"date", doc.Date.Format("2006-01-02"), "2026-03-05"},
		{"place", doc.Place, "Đắk Lắk"},
		{"issuer", doc.IssuerID, "ppc"},
		{"signer", doc.Signer, "Nguyễn Văn An"},
		{"role", doc.SignerRole.VI, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"},
		{"title", p.Title.VI, "Thực hiện Chương trình hành động trên địa bàn tỉnh Đắk Lắk, giai đoạn 2026-2030"},
		{"province", p.ProvinceID, "dak-lak"},
		{"framework", p.FrameworkID, "new"},
		{"period", fmt.Sprint(p.PeriodFrom, "-", p.PeriodTo), "2026-2030"},
		{"standing agency", p.StandingID, "doha"},
		{"bases", fmt.Sprint(len(doc.Bases), " ", doc.Bases[0].VI), "1 Quyết định số 155/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ"},
		{"reporting", fmt.Sprint(len(p.Reporting), " ", p.Reporting[0].Day, "/", p.Reporting[0].Month), "1 15/12"},
	}
	for _, r := range register {
		if r.got != r.want {
			t.Errorf("%s: %q, want %q", r.field, r.got, r.want)
		}
	}

	tests := []struct {
		id, label, kind, text string
		lead, partners        []string
		timing                string
	}{
		{"i-1-1", "", "purpose", "Nâng cao nhận thức của cán bộ và người dân về Cộng đồng ASEAN.", nil, nil, ""},
		// The agency in parentheses is the item's own; "Đơn vị chủ trì /
		// phối hợp" after the bullets is the section's.
		{"ii-1-a-1", "•1", "task", "Tổ chức hội nghị phổ biến kiến thức về ASEAN (Sở Nội vụ chủ trì).", []string{"doha"}, nil, ""},
		{"ii-1-a-2", "•2", "task", "Hỗ trợ hộ nghèo tiếp cận dịch vụ xã hội hằng năm.", []string{"dolisa"}, []string{"doh"}, "annual"},
		// "+" points are items beside their bullet; an agency line
		// applies to the bullets before it.
		{"ii-2-1", "•1", "task", "Kiện toàn tổ chức bộ máy, trong đó chú trọng:", []string{"doh"}, nil, ""},
		{"ii-2-1-1", "+1", "task", "Lập kế hoạch quản lý hằng năm;", []string{"doh"}, nil, "annual"},
		{"ii-2-1-2", "+2", "task", "Tăng cường công tác tuyên truyền.", []string{"doh"}, nil, ""},
		{"ii-2-2", "•2", "task", "Giao lưu văn hóa với các nước ASEAN giai đoạn 2026-2030.", []string{"doha"}, nil, "period"},
		{"iii-1-1", "", "duty", "Là cơ quan thường trực, chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức thực hiện Kế hoạch.", []string{"doha"}, []string{"departments"}, ""},
		{"iii-1-2", "", "duty", "Định kỳ hằng năm báo cáo kết quả về UBND tỉnh trước ngày 15/12.", []string{"doha"}, nil, "annual"},
		{"iii-closing-1", "", "duty", "Trên đây là Kế hoạch thực hiện Chương trình hành động trên địa bàn tỉnh Đắk Lắk.", nil, nil, ""},
		{"appendix-i-1", "1", "appendix-row", "Tổ chức hội nghị phổ biến kiến thức về ASEAN", []string{"doha"}, nil, "annual"},
	}
	for _, tc := range tests {
		it := itemByID(p, tc.id)
		if it == nil {
			t.Errorf("no item %q", tc.id)
			continue
		}
		timing := ""
		if it.Timing != nil {
			timing = string(it.Timing.Kind)
		}
		if it.Label != tc.label || string(it.Kind) != tc.kind || it.Text.VI != tc.text || !slices.Equal(agencyIDs(it.Lead), sorted(tc.lead)) ||
			!slices.Equal(agencyIDs(it.Partners), sorted(tc.partners)) || timing != tc.timing {
			t.Errorf("item %s: label %q kind %q lead %v partners %v timing %q\n  text %q\nwant label %q kind %q lead %v partners %v timing %q\n  text %q",
				tc.id, it.Label, it.Kind, agencyIDs(it.Lead), agencyIDs(it.Partners), timing, it.Text.VI,
				tc.label, tc.kind, tc.lead, tc.partners, tc.timing, tc.text)
		}
	}
	if n := len(p.Items); n != len(tests) {
		t.Errorf("%d items, want %d", n, len(tests))
	}
	if row := itemByID(p, "appendix-i-1"); row != nil && row.Restates.ID != "ii-1-a-1" {
		t.Errorf("appendix row restates %q, want ii-1-a-1", row.Restates.ID)
	}
	if s := itemByID(p, "ii-1-a-1").Section.Parent; s.ID != "ii-1" || s.PillarID != "inclusive" {
		t.Errorf("section %q has pillar %q, want ii-1 with the pillar its heading names, inclusive", s.ID, s.PillarID)
	}

	// What it could not match is in the draft, as a comment, and in the
	// report.
	if !bytes.Contains(d.YAML, []byte(fmt.Sprintf(`unmatched agency "Sở Du lịch" (line %d)`, lineOf(t, smallPlan, "c) Đơn vị phối hợp")))) {
		t.Errorf("the draft does not name the unmatched agency:\n%s", d.YAML)
	}
	var un []string
	for _, n := range d.Report.Unmatched {
		un = append(un, n.Text)
	}
	if !slices.Equal(un, []string{"Sở Du lịch", "Sở Du lịch"}) {
		t.Errorf("report lists unmatched %q, want the two mentions of Sở Du lịch", un)
	}
	for _, want := range []string{fmt.Sprintf("# guess: from the agency line at line %d", lineOf(t, smallPlan, "Cơ quan chủ trì: Sở Y tế")),
		"# guess: the period the title names", "# guess: the pillar the heading names"} {
		if !bytes.Contains(d.YAML, []byte(want)) {
			t.Errorf("the draft lacks the comment %q", want)
		}
	}
	var out bytes.Buffer
	d.Report.Write(&out, "sources/dak-lak-12.txt")
	for _, want := range []string{"10 sections, 11 items", fmt.Sprintf("sources/dak-lak-12.txt:%d: \"Sở Du lịch\"", lineOf(t, smallPlan, "c) Đơn vị phối hợp")), "number 12/KH-UBND"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// lineOf is the number of the line of text that starts with prefix.
func lineOf(t *testing.T, text, prefix string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return 0
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestMakeWrappedDecision covers wrapped text with a decision's
// articles, a label printed twice, and "đ)".
func TestMakeWrappedDecision(t *testing.T) {
	text := `QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG
Căn cứ Quyết định số 155/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ;
QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện
trên địa bàn tỉnh Đắk Lắk.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
I. GIẢI PHÁP THỰC HIỆN
1. Tuyên truyền, vận động
d) Sở Y tế chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn cho cán bộ
làm công tác hợp tác ASEAN của tỉnh hằng năm.
đ) Giao Sở Lao động - Thương binh và Xã hội hướng dẫn các địa phương.
đ) Sở Nội vụ tổ chức các lớp bồi dưỡng.
PHỤ LỤC
MỘT SỐ MÔ HÌNH
I. Mô hình tại cơ sở
1. Câu lạc bộ gia đình phát triển bền vững.
2. Tổ tự quản về an ninh trật tự.
`
	_, p := imported(t, "qd.txt", []byte(text))
	tests := []struct {
		id, kind string
		lead     []string
	}{
		{"dieu-1", "article", nil},
		{"dieu-2", "article", nil},
		{"i-1-d", "solution", []string{"doh"}},
		{"i-1-dd", "solution", []string{"dolisa"}},
		{"i-1-dd2", "solution", []string{"doha"}},
	}
	for _, tc := range tests {
		it := itemByID(p, tc.id)
		if it == nil {
			t.Errorf("no item %q; items: %v", tc.id, itemIDs(p))
			continue
		}
		if string(it.Kind) != tc.kind || !slices.Equal(agencyIDs(it.Lead), sorted(tc.lead)) {
			t.Errorf("item %s: kind %q lead %v, want %q %v", tc.id, it.Kind, agencyIDs(it.Lead), tc.kind, tc.lead)
		}
	}
	if it := itemByID(p, "dieu-1"); it != nil && it.Text.VI != "Ban hành kèm theo Quyết định này Kế hoạch thực hiện trên địa bàn tỉnh Đắk Lắk." {
		t.Errorf("dieu-1 text %q: the wrapped lines are not joined", it.Text.VI)
	}
	if it := itemByID(p, "i-1-d"); it != nil && !slices.Equal(agencyIDs(it.Partners), []string{"doha"}) {
		t.Errorf("i-1-d partners %v, want [doha]", agencyIDs(it.Partners))
	}
	// An appendix of text, not a table, keeps its outline.
	for _, id := range []string{"appendix-i-1", "appendix-i-2"} {
		if itemByID(p, id) == nil {
			t.Errorf("no item %q in the appendix; items %v", id, itemIDs(p))
		}
	}
	if p.Document.Type != "decision" {
		t.Errorf("type %q, want decision", p.Document.Type)
	}
}

func itemIDs(p *model.Plan) []string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.ID)
	}
	return out
}

// docx builds a .docx file holding document.xml's body and numbering.xml.
func docx(t *testing.T, body, numbering string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	}
	if numbering != "" {
		files["word/numbering.xml"] = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + numbering + `</w:numbering>`
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// listPara is a paragraph Word numbers by itself: list numID, level ilvl.
func listPara(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

func row(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString("<w:tc>" + para(c) + "</w:tc>")
	}
	b.WriteString("</w:tr>")
	return b.String()
}

func TestMakeDocx(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`
	body := para("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK") + para("Số: 7/KH-UBND") +
		para("KẾ HOẠCH") + para("Thực hiện Quyết định số 155/QĐ-TTg trên địa bàn tỉnh Đắk Lắk") +
		para("I. NHIỆM VỤ") +
		listPara(3, 0, "Tập huấn cho cán bộ (Sở Y tế chủ trì).") +
		listPara(3, 0, "Hỗ trợ người dân:") +
		listPara(3, 1, "Cấp thẻ bảo hiểm y tế;") +
		listPara(3, 1, "Khám sức khỏe định kỳ.") +
		para("PHỤ LỤC") +
		`<w:tbl>` + row("TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện") + row("1", "Tập huấn cho cán bộ", "Sở Y tế", "Hằng năm") + `</w:tbl>`
	d, p := imported(t, "ke-hoach.docx", docx(t, body, numbering))
	if d.SourceFile != "ke-hoach.txt" {
		t.Errorf("source file %q, want the text saved as ke-hoach.txt", d.SourceFile)
	}
	for _, want := range []string{"a) Tập huấn cho cán bộ", "b) Hỗ trợ người dân:", "- Cấp thẻ bảo hiểm y tế;", "| 1 | Tập huấn cho cán bộ | Sở Y tế | Hằng năm |"} {
		if !bytes.Contains(d.Source, []byte(want)) {
			t.Errorf("the text read from the .docx lacks %q:\n%s", want, d.Source)
		}
	}
	tests := []struct{ id, text, lead string }{
		{"i-a", "Tập huấn cho cán bộ (Sở Y tế chủ trì).", "doh"},
		{"i-b-1", "Cấp thẻ bảo hiểm y tế;", ""},
		{"i-b-2", "Khám sức khỏe định kỳ.", ""},
		{"appendix-1", "Tập huấn cho cán bộ", "doh"},
	}
	for _, tc := range tests {
		it := itemByID(p, tc.id)
		if it == nil {
			t.Errorf("no item %q; items %v", tc.id, itemIDs(p))
			continue
		}
		lead := strings.Join(agencyIDs(it.Lead), ",")
		if it.Text.VI != tc.text || lead != tc.lead {
			t.Errorf("item %s: %q lead %q, want %q lead %q", tc.id, it.Text.VI, lead, tc.text, tc.lead)
		}
	}
	if p.Document.Number != "7/KH-UBND" || p.FrameworkID != "new" {
		t.Errorf("number %q framework %q, want 7/KH-UBND and new", p.Document.Number, p.FrameworkID)
	}
}

func TestMakeRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"plan.txt", []byte(" \n\n "), "has no text"},
		{"plan.txt", []byte("Kế ho\xff"), "not UTF-8"},
		{"plan.doc", []byte("x"), "save the document as .docx"},
		{"plan.docx", []byte("not a zip"), "not a .docx file"},
	}
	for _, tc := range tests {
		_, err := draft.Make(draft.Input{Name: tc.name, Data: tc.data})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Make(%q) error %v, want one saying %q", tc.data, err, tc.want)
		}
	}
}
