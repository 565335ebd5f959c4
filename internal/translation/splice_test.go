package translation

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestSplice(t *testing.T) {
	const fp = "0a1b2c3d"
	long := "Carry out activities to build a community that engages and benefits the people, in every district and town of the province."
	for _, tc := range []struct {
		name    string
		in      string
		id, en  string
		want    string
		wantErr string
	}{
		{name: "a value that runs over two lines inside { } is refused, not mangled",
			in: "title: {vi: Tiêu đề, en: old\n  title}\n",
			id: "plans/p/title", en: "Title",
			wantErr: `unit "plans/p/title": line 1: en_of does not read back as "0a1b2c3d"; no file was written`},
		{name: "an English that is not a single text is refused",
			in: "title:\n  vi: Tiêu đề\n  en: [a, b]\n",
			id: "plans/p/title", en: "Title",
			wantErr: `unit "plans/p/title": cannot write it in place: line 3: the field is not a single text`},
		{name: "English added after a plain Vietnamese",
			in: "sections:\n  - id: i\n    items:\n      - id: i-1\n        vi: Tổ chức giao lưu.\n        lead: [doha]\n",
			id: "plans/p/i-1/text", en: "Organise exchanges.",
			want: "sections:\n  - id: i\n    items:\n      - id: i-1\n        vi: Tổ chức giao lưu.\n        en: Organise exchanges.\n        en_of: 0a1b2c3d\n        lead: [doha]\n"},
		{name: "English added after a folded Vietnamese, before a blank line and a comment",
			in: "title:\n  vi: >-\n    Kế hoạch\n    hành động\n\n# the short title\nshort_title: {vi: KH}\n",
			id: "plans/p/title", en: "Action plan",
			want: "title:\n  vi: >-\n    Kế hoạch\n    hành động\n  en: Action plan\n  en_of: 0a1b2c3d\n\n# the short title\nshort_title: {vi: KH}\n"},
		{name: "long English folded and wrapped at 80 columns",
			in: "title:\n  vi: Tiêu đề\n",
			id: "plans/p/title", en: long,
			want: "title:\n  vi: Tiêu đề\n  en: >-\n    Carry out activities to build a community that engages and benefits the\n    people, in every district and town of the province.\n  en_of: 0a1b2c3d\n"},
		{name: "folded English replaced by a short one",
			in: "title:\n  vi: Tiêu đề\n  en: >-\n    An old\n    title\n  # kept\n  note: x\n",
			id: "plans/p/title", en: "A title",
			want: "title:\n  vi: Tiêu đề\n  en: A title\n  en_of: 0a1b2c3d\n  # kept\n  note: x\n"},
		{name: "English with a comment at the end of its line",
			in: "title:\n  vi: Tiêu đề\n  en: Old # checked by the editor\n  note: x\n",
			id: "plans/p/title", en: long,
			want: "title:\n  vi: Tiêu đề\n  en: >- # checked by the editor\n    Carry out activities to build a community that engages and benefits the\n    people, in every district and town of the province.\n  en_of: 0a1b2c3d\n  note: x\n"},
		{name: "fingerprint replaced in place",
			in: "title:\n  vi: Tiêu đề\n  en: Old\n  en_of: ffffffff # recorded\n",
			id: "plans/p/title", en: "New",
			want: "title:\n  vi: Tiêu đề\n  en: New\n  en_of: 0a1b2c3d # recorded\n"},
		{name: "English confirmed as it is: only the fingerprint is added",
			in: "title:\n  vi: Tiêu đề\n  en: >-\n    The   title,\n    wrapped # not a comment\n  note: x\n",
			id: "plans/p/title", en: "The title, wrapped # not a comment",
			want: "title:\n  vi: Tiêu đề\n  en: >-\n    The   title,\n    wrapped # not a comment\n  en_of: 0a1b2c3d\n  note: x\n"},
		{name: "English confirmed in a flow mapping",
			in: "title: {vi: Tiêu đề, en: \"Title\"}\n",
			id: "plans/p/title", en: "Title",
			want: "title: {vi: Tiêu đề, en: \"Title\", en_of: 0a1b2c3d}\n"},
		{name: "English added to a flow mapping",
			in: "title: {vi: Tiêu đề} # the title\n",
			id: "plans/p/title", en: "Title",
			want: "title: {vi: Tiêu đề, en: Title, en_of: 0a1b2c3d} # the title\n"},
		{name: "English in a flow mapping quoted when it has a comma",
			in: "title: {vi: \"Tiêu đề, phụ đề\", en: 'Old'}\n",
			id: "plans/p/title", en: "Title, subtitle",
			want: "title: {vi: \"Tiêu đề, phụ đề\", en: \"Title, subtitle\", en_of: 0a1b2c3d}\n"},
		{name: "a text whose fields sit in a flow mapping with others",
			in: "reporting:\n  - {day: 15, month: 12, vi: trước ngày 15/12, en: old}\n",
			id: "plans/p/reporting/1", en: "by 15 December",
			want: "reporting:\n  - {day: 15, month: 12, vi: trước ngày 15/12, en: by 15 December, en_of: 0a1b2c3d}\n"},
		{name: "English quoted in a block mapping when it reads as a mapping",
			in: "title:\n  vi: Tiêu đề\n",
			id: "plans/p/title", en: "Note: a title",
			want: "title:\n  vi: Tiêu đề\n  en: \"Note: a title\"\n  en_of: 0a1b2c3d\n"},
		{name: "English added to a list entry that starts with vi",
			in: "document:\n  bases:\n    - vi: Luật\n    - vi: Nghị định\n      en: Decree\n",
			id: "plans/p/document/bases/1", en: "Law",
			want: "document:\n  bases:\n    - vi: Luật\n      en: Law\n      en_of: 0a1b2c3d\n    - vi: Nghị định\n      en: Decree\n"},
		{name: "empty English filled",
			in: "title:\n  vi: Tiêu đề\n  en:\n  note: x\n",
			id: "plans/p/title", en: "Title",
			want: "title:\n  vi: Tiêu đề\n  en: Title\n  en_of: 0a1b2c3d\n  note: x\n"},
		{name: "Windows line ends kept",
			in: "title:\r\n  vi: Tiêu đề\r\n  note: x\r\n",
			id: "plans/p/title", en: "Title",
			want: "title:\r\n  vi: Tiêu đề\r\n  en: Title\r\n  en_of: 0a1b2c3d\r\n  note: x\r\n"},
		{name: "item in a nested section keeps its id path",
			in: "sections:\n  - id: i\n    sections:\n      - id: i-2\n        title: {vi: Mục}\n",
			id: "plans/p/i-2/title", en: "Part",
			want: "sections:\n  - id: i\n    sections:\n      - id: i-2\n        title: {vi: Mục, en: Part, en_of: 0a1b2c3d}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var top yaml.Node
			if err := yaml.Unmarshal([]byte(tc.in), &top); err != nil {
				t.Fatal(err)
			}
			fl, err := fields("plans/p.yaml", &top)
			if err != nil {
				t.Fatal(err)
			}
			var f *field
			for _, x := range fl {
				if x.ID == tc.id {
					f = x
				}
			}
			if f == nil {
				t.Fatalf("no text %q; texts: %v", tc.id, ids(fl))
			}
			got, err := splice([]byte(tc.in), &top, []change{{field: f, en: tc.en, enOf: fp}})
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func ids(fl []*field) []string {
	var out []string
	for _, f := range fl {
		out = append(out, f.ID)
	}
	return out
}

func TestFieldIDs(t *testing.T) {
	in := `id: p
title: {vi: Tiêu đề}
document:
  signer: {name: A, role: {vi: Chủ tịch}}
  bases:
    - vi: Luật
targets:
  - {id: poverty, indicator: {vi: Tỷ lệ}}
sections:
  - id: i
    label: {vi: Phụ lục, en: Appendix}
    title: {vi: Mục I}
    items:
      - id: i-a
        vi: Việc a
        note: {vi: Ghi chú}
        timing: {kind: annual, vi: Hằng năm}
        updates:
          - text: {vi: Đã làm}
            evidence:
              - {url: "https://x", title: {vi: Báo cáo}}
    sections:
      - id: i-1
        title: {vi: Mục 1}
        items:
          - {id: i-1-a, vi: Việc}
withdrawn:
  - {id: old, text: {vi: Cũ}, reason: {vi: Lý do}}
`
	want := []string{
		"plans/p/title", "plans/p/document/signer/role", "plans/p/document/bases/1",
		"plans/p/targets/poverty/indicator", "plans/p/i/label", "plans/p/i/title",
		"plans/p/i-a/text", "plans/p/i-a/note", "plans/p/i-a/timing", "plans/p/i-a/updates/1/text",
		"plans/p/i-a/updates/1/evidence/1/title", "plans/p/i-1/title", "plans/p/i-1-a/text",
		"plans/p/withdrawn/old/text", "plans/p/withdrawn/old/reason",
	}
	var top yaml.Node
	if err := yaml.Unmarshal([]byte(in), &top); err != nil {
		t.Fatal(err)
	}
	fl, err := fields("plans/p.yaml", &top)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(fl), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("ids:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	// Ids outside plans: the file name, then each entry's id.
	if err := yaml.Unmarshal([]byte("- id: dolisa\n  name: {vi: Sở}\n"), &top); err != nil {
		t.Fatal(err)
	}
	if fl, _ := fields("agencies.yaml", &top); len(fl) != 1 || fl[0].ID != "agencies/dolisa/name" {
		t.Errorf("agencies.yaml: ids %v, want [agencies/dolisa/name]", ids(fl))
	}
	// Two texts with one id cannot be told apart: refused.
	if err := yaml.Unmarshal([]byte("sections:\n  - {id: a, title: {vi: x}}\n  - {id: a, title: {vi: y}}\n"), &top); err != nil {
		t.Fatal(err)
	}
	if _, err := fields("plans/p.yaml", &top); err == nil || !strings.Contains(err.Error(), `two texts have the id "plans/p/a/title"`) {
		t.Errorf("duplicate ids: err = %v", err)
	}
}

// TestSpliceWidth: new English is wrapped as wide as the file's other
// folded texts.
func TestSpliceWidth(t *testing.T) {
	line := strings.TrimSpace(strings.Repeat("từ ", 32)) // 99 columns with the indentation
	in := "funding:\n  vi: >-\n    " + line + "\n    cuối\ntitle:\n  vi: Tiêu đề\n"
	var top yaml.Node
	if err := yaml.Unmarshal([]byte(in), &top); err != nil {
		t.Fatal(err)
	}
	fl, err := fields("plans/p.yaml", &top)
	if err != nil {
		t.Fatal(err)
	}
	en := strings.Repeat("word ", 30) + "end"
	got, err := splice([]byte(in), &top, []change{{field: fl[1], en: en, enOf: "0a1b2c3d"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "  en: >-\n    " + strings.Repeat("word ", 18) + "word\n    " + strings.Repeat("word ", 11) + "end\n" // 98 columns, then the rest
	if !strings.Contains(string(got), want) {
		t.Errorf("got\n%s\nwant it to contain\n%s", got, want)
	}
}
