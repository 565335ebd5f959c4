package synth

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// wrapWidth is where long texts are folded in plan files.
const wrapWidth = 88

// quote writes s as a YAML double-quoted scalar; Go's quoting is a
// subset of YAML's and keeps Vietnamese letters as they are.
func quote(s string) string { return strconv.Quote(s) }

func flowText(vi, en string) string {
	return "{vi: " + quote(vi) + ", en: " + quote(en) + "}"
}

func flowList(ids []string) string { return "[" + strings.Join(ids, ", ") + "]" }

// block writes `key: >-` and s folded into lines under it.
func block(b *bytes.Buffer, indent int, key, s string) {
	pad := strings.Repeat(" ", indent)
	fmt.Fprintf(b, "%s%s: >-\n", pad, key)
	pad += "  "
	line := 0
	for i, w := range strings.Fields(s) {
		switch {
		case i == 0:
			b.WriteString(pad)
			line = len(pad)
		case line+1+utf8.RuneCountInString(w) > wrapWidth:
			b.WriteString("\n" + pad)
			line = len(pad)
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += utf8.RuneCountInString(w)
	}
	b.WriteByte('\n')
}

// blockText writes a {vi, en} text as two folded blocks under key.
func blockText(b *bytes.Buffer, indent int, key string, t pair) {
	fmt.Fprintf(b, "%s%s:\n", strings.Repeat(" ", indent), key)
	block(b, indent+2, "vi", t.vi)
	block(b, indent+2, "en", t.en)
}

func (p *plan) yaml() []byte {
	var b bytes.Buffer
	b.WriteString("# A synthetic plan, written by package synth for benchmarks.\n")
	fmt.Fprintf(&b, "id: %s\nprovince: %s\nframework: %s\n", p.id, p.prov.id, p.framework)
	blockText(&b, 0, "title", p.title)
	fmt.Fprintf(&b, "short_title: %s\n", flowText("Kế hoạch "+p.number, "Plan "+p.number))
	b.WriteString("document:\n  type: plan\n")
	fmt.Fprintf(&b, "  number: %s\n  date: 2021-%02d-%02d\n  place: %s\n", quote(p.number), p.month, p.day, quote(p.prov.name))
	if p.issuer {
		b.WriteString("  issuer: ppc\n")
	}
	fmt.Fprintf(&b, "  signer:\n    name: %s\n    role: %s\n", quote(p.signer), flowText(signerRole, "For the Chairman - Vice Chairman"))
	b.WriteString("  bases:\n")
	fmt.Fprintf(&b, "    - %s\n", flowText(basis.vi, basis.en))
	b.WriteString("period: {from: 2021, to: 2025}\n")
	if p.standing != "" {
		fmt.Fprintf(&b, "standing_agency: %s\n", p.standing)
	}
	fmt.Fprintf(&b, "reporting:\n  - {day: 15, month: 12, vi: %s, en: %s}\n", quote(reportingDeadline), quote("by 15 December each year"))
	if p.funding.vi != "" {
		blockText(&b, 0, "funding", p.funding)
	}
	fmt.Fprintf(&b, "source: {file: %s, kind: official}\n", p.sourceFile)
	if t := p.target; t != nil && t.item != "" {
		b.WriteString("targets:\n")
		// the indicator names what the item's sentence measures, in the
		// editors' words, as real plans' indicators often must
		fmt.Fprintf(&b, "  - id: poor-households-2025\n    item: %s\n    indicator: {vi: %s, en: %s, editorial: true}\n", t.item, quote("Tỷ lệ hộ nghèo"), quote("Poor household rate"))
		fmt.Fprintf(&b, "    value: %d.%02d\n    unit: percent\n    year: 2025\n", t.value/100, t.value%100)
	}
	b.WriteString("sections:\n")
	for _, s := range p.sections {
		s.yaml(&b, 2)
	}
	return b.Bytes()
}

// The register's texts as the synthetic source prints them: every text a
// page shows as the document's words must occur in the source.
const (
	signerRole        = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
	reportingDeadline = "trước ngày 15/12 hằng năm"
)

var basis = pair{
	"Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ phê duyệt Đề án xây dựng và triển khai Kế hoạch thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025",
	"Decision 161/QĐ-TTg of 25 January 2016 of the Prime Minister approving the Scheme for building and implementing the plan to achieve the goals of the ASEAN Socio-Cultural Community to 2025",
}

// yaml writes the section as an entry of a list at indent.
func (s *section) yaml(b *bytes.Buffer, indent int) {
	pad := strings.Repeat(" ", indent)
	in := pad + "  "
	fmt.Fprintf(b, "%s- id: %s\n%slabel: %s\n%stitle: %s\n", pad, s.id, in, quote(s.label), in, flowText(s.title.vi, s.title.en))
	if s.pillar != "" {
		fmt.Fprintf(b, "%spillar: %s\n", in, s.pillar)
	}
	if len(s.lead) > 0 {
		fmt.Fprintf(b, "%slead: %s\n", in, flowList(s.lead))
	}
	if len(s.partners) > 0 {
		fmt.Fprintf(b, "%spartners: %s\n", in, flowList(s.partners))
	}
	if len(s.items) > 0 {
		fmt.Fprintf(b, "%sitems:\n", in)
		for _, it := range s.items {
			it.yaml(b, indent+4)
		}
	}
	if len(s.subs) > 0 {
		fmt.Fprintf(b, "%ssections:\n", in)
		for _, c := range s.subs {
			c.yaml(b, indent+4)
		}
	}
}

func (it *item) yaml(b *bytes.Buffer, indent int) {
	pad := strings.Repeat(" ", indent)
	in := pad + "  "
	fmt.Fprintf(b, "%s- id: %s\n%slabel: %s\n%skind: %s\n", pad, it.id, in, quote(it.label), in, it.kind)
	block(b, indent+2, "vi", it.text.vi)
	block(b, indent+2, "en", it.text.en)
	if len(it.lead) > 0 {
		fmt.Fprintf(b, "%slead: %s\n", in, flowList(it.lead))
	}
	if len(it.partners) > 0 {
		fmt.Fprintf(b, "%spartners: %s\n", in, flowList(it.partners))
	}
	if t := it.timing; t != nil {
		fmt.Fprintf(b, "%stiming: {kind: %s", in, t.kind)
		if t.kind == "period" {
			fmt.Fprintf(b, ", from: %d, to: %d", t.from, t.to)
		}
		if t.date != "" {
			fmt.Fprintf(b, ", date: %s", t.date)
		}
		fmt.Fprintf(b, ", vi: %s, en: %s}\n", quote(t.text.vi), quote(t.text.en))
	}
	fmt.Fprintf(b, "%sthemes: %s\n", in, flowList(it.themes))
	if it.restates != "" {
		fmt.Fprintf(b, "%srestates: %s\n", in, it.restates)
	}
	if len(it.related) > 0 {
		fmt.Fprintf(b, "%srelated: %s\n", in, flowList(it.related))
	}
}

// source is the text of the plan's source document: the printed plan,
// a paragraph per heading and per item.
func (p *plan) source() []byte {
	var b bytes.Buffer
	pr := p.prov
	para := func(s string) { b.WriteString(s + "\n\n") }
	para("ỦY BAN NHÂN DÂN\n" + strings.ToUpper(pr.kindVI()+" "+pr.name))
	para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
	para("Số: " + p.number)
	para(fmt.Sprintf("%s, ngày %d tháng %d năm 2021", pr.name, p.day, p.month))
	para("KẾ HOẠCH")
	para(p.title.vi)
	para("Thực hiện " + basis.vi + ", " + pr.ppc().VI + " ban hành Kế hoạch thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN " + p.place.vi + " giai đoạn 2021-2025 với các nội dung như sau:")
	closing := func() {
		para("Các cơ quan, đơn vị báo cáo kết quả thực hiện " + reportingDeadline + ".")
		para("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n" + p.signer)
	}
	for _, s := range p.sections {
		if s.id == "appendix" {
			para("Nơi nhận:\n- Như mục V;\n- Lưu: VT.")
			closing()
		}
		s.source(para)
	}
	if n := len(p.sections); n == 0 || p.sections[n-1].id != "appendix" {
		closing()
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

func (s *section) source(para func(string)) {
	if s.id == "appendix" {
		para(s.printed)
		para(s.title.vi)
	} else {
		para(s.printed + " " + s.title.vi)
	}
	if s.intro != "" {
		para(s.intro)
	}
	for _, it := range s.items {
		text := it.printed + " " + it.text.vi
		// a timing is the document's words: print it with its item
		if t := it.timing; t != nil && !strings.Contains(strings.ToLower(text), strings.ToLower(t.text.vi)) {
			text += " (" + t.text.vi + ")"
		}
		para(text)
		if it.after != "" {
			para(it.after)
		}
	}
	for _, c := range s.subs {
		c.source(para)
	}
}
