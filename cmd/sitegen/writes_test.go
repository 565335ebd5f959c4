package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitegen/internal/sitetest"
)

// translated is an XLIFF file giving item i-1-b of the valid fixture
// its English.
const translated = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="plans/sample-1-2021.yaml" source-language="vi" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="plans/sample-1-2021/i-1-b/text">
        <source>Tuyên truyền về Cộng đồng ASEAN.</source>
        <target state="translated">Communication about the ASEAN Community.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`

// TestWritesRefused runs every command that writes a file with a file
// it may not write: a plan, a source or a registry of the content, a
// file of another kind, a symbolic link. Each exits with status 2,
// says why and what to do, and leaves every file, link and directory as
// it was.
func TestWritesRefused(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T)
		args  []string
		want  string
	}{
		{"export onto a plan", nil,
			[]string{"translations", "export", "-content", "site", "-all", "-plan", "sample-1-2021", "-o", "site/plans/sample-1-2021.yaml"},
			`sitegen translations export: refusing to write "site/plans/sample-1-2021.yaml": it is a plan file, inside the content directory "site" (write an XLIFF file outside the content directory, or pass -force to write it there all the same)`},
		{"export onto a source", nil,
			[]string{"translations", "export", "-content", "site", "-all", "-o", "site/sources/plan.txt"},
			`refusing to write "site/sources/plan.txt": it is a source text, inside the content directory "site"`},
		{"export onto a registry", nil,
			[]string{"translations", "export", "-content", "site", "-o", "site/agencies.yaml"},
			`refusing to write "site/agencies.yaml": it is a registry of the content, inside the content directory "site"`},
		{"export into the content", nil,
			[]string{"translations", "export", "-content", "site", "-o", "site/todo.xlf"},
			`refusing to write "site/todo.xlf": it is a file of the content, inside the content directory "site"`},
		{"export into the content through a link", func(t *testing.T) { symlink(t, "site/plans", "plans") },
			[]string{"translations", "export", "-content", "site", "-o", "plans/sample-1-2021.yaml"},
			`refusing to write "plans/sample-1-2021.yaml": it is a plan file, inside the content directory "site"`},
		{"export onto another kind of file", nil,
			[]string{"translations", "export", "-content", "site", "-o", "notes.txt"},
			`refusing to write "notes.txt": it exists and is not an XLIFF file (name a new file, or remove this one first if it is to go, or pass -force to overwrite it)`},
		{"export onto a dangling link", func(t *testing.T) { symlink(t, "elsewhere/created.txt", "todo.xlf") },
			[]string{"translations", "export", "-content", "site", "-o", "todo.xlf"},
			`refusing to write "todo.xlf": it is a symbolic link, which would write, or seem to write, somewhere else (name the file it points to, or another, or pass -force to replace the link itself)`},
		{"import over a plan", nil,
			[]string{"import", "-content", "site", "-province", "dak-lak", "-id", "sample-1-2021", "ke-hoach.txt"},
			`sitegen import: refusing to write "site/plans/sample-1-2021.yaml": a plan file already exists there (pass -id ID to import it as another plan, or pass -force to overwrite it)`},
		{"import into a linked directory", func(t *testing.T) {
			os.Rename("site/sources", "elsewhere/sources")
			symlink(t, "../elsewhere/sources", "site/sources")
		},
			[]string{"import", "-content", "site", "-province", "dak-lak", "ke-hoach.txt"},
			`sitegen import: refusing to write "site/sources/ke-hoach.txt": "`},
		{"translations import through a link", func(t *testing.T) {
			os.MkdirAll("site/keep", 0o755)
			os.Rename("site/plans/sample-1-2021.yaml", "site/keep/sample.yaml")
			symlink(t, "../keep/sample.yaml", "site/plans/sample-1-2021.yaml")
		},
			[]string{"translations", "import", "-content", "site", "translated.xlf"},
			`sitegen translations import: refusing to write "site/plans/sample-1-2021.yaml": it is a symbolic link`},
		{"record through a link", func(t *testing.T) {
			os.WriteFile("site/keep.txt", nil, 0o644)
			symlink(t, "keep.txt", "site/published-urls.txt")
		},
			[]string{"build", "-content", "site", "-out", "public", "-record"},
			`sitegen build: refusing to write "site/published-urls.txt": it is a symbolic link`},
		{"build with a lock that is a dangling link", func(t *testing.T) { symlink(t, "elsewhere/created", ".public.lock") },
			[]string{"build", "-content", "site", "-out", "public"},
			`sitegen: refusing to write the site into "public": its lock ".public.lock" is a symbolic link, which a build would follow (remove the link; a build makes the lock itself)`},
		{"profile into the content", nil,
			[]string{"build", "-content", "site", "-out", "public", "-cpuprofile", "site/plans/cpu.prof"},
			`sitegen build: refusing to write "site/plans/cpu.prof": it is a file of the content, inside the content directory "site" (write a CPU profile outside the content directory)`},
		{"profile over a plan", nil,
			[]string{"build", "-content", "site", "-out", "public", "-cpuprofile", "site/plans/sample-1-2021.yaml"},
			`sitegen build: refusing to write "site/plans/sample-1-2021.yaml": it is a plan file`},
		{"profile over another kind of file", nil,
			[]string{"build", "-content", "site", "-out", "public", "-cpuprofile", "notes.txt"},
			`sitegen build: refusing to write "notes.txt": it exists and is not a CPU profile`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), "site"); err != nil {
				t.Fatal(err)
			}
			os.Mkdir("elsewhere", 0o755)
			for name, data := range map[string]string{
				"notes.txt":      "keep me\n",
				"translated.xlf": translated,
				"ke-hoach.txt":   "KẾ HOẠCH\nTriển khai Đề án\n\nI. NHIỆM VỤ\n1. Tổ chức giao lưu văn hóa.\n",
			} {
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.setup != nil {
				tc.setup(t)
			}
			before := snapshot(t, ".")
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != 2 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, stderr.String(), tc.want)
			}
			if after := snapshot(t, "."); after != before {
				t.Errorf("a refused command changed the files:\n%s\nbecame\n%s", before, after)
			}
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// snapshot describes every file, link and directory under dir, with
// each file's bytes and mode and each link's target, never following a
// link.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			b.WriteString(p + " -> " + target + "\n")
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.WriteString(p + " " + info.Mode().String() + " " + string(data) + "\n")
		default:
			b.WriteString(p + "/\n")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTranslationsImportChecked gives translations import one target at
// a time that check would refuse in the content, for each reason: the
// command refuses the file naming the unit and the rule, exits with
// status 1 and changes nothing; a target check takes is written.
func TestTranslationsImportChecked(t *testing.T) {
	tests := []struct {
		name, target, want string
	}{
		{"too long", strings.Repeat("Communication ", 2500),
			`unit "plans/sample-1-2021/i-1-b/text": target: check would refuse it: site/plans/sample-1-2021.yaml:40: item "i-1-b": field "en" is 34999 characters long (split it`},
		{"markup", "Communication about the **ASEAN** Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: check would refuse it: site/plans/sample-1-2021.yaml:40: item "i-1-b": text contains the markup characters "**"`},
		{"backticks", "Communication about the `ASEAN` Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: check would refuse it: site/plans/sample-1-2021.yaml:40: item "i-1-b": text contains the markup characters "`},
		{"soft hyphen", "Commu&#173;nication about the ASEAN Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: invisible character U+00AD (SOFT HYPHEN) is not allowed`},
		{"right-to-left override beside a colon", "Communication: &#x202E;about the ASEAN Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed`},
		{"C1 control", "Communication &#x9B;31m about the ASEAN Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: control character U+009B (CONTROL SEQUENCE INTRODUCER) is not allowed`},
		{"zero width space", "Communication\u200b about the ASEAN Community.",
			`unit "plans/sample-1-2021/i-1-b/text": target: invisible character U+200B (ZERO WIDTH SPACE) is not allowed`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), "site"); err != nil {
				t.Fatal(err)
			}
			xlf := strings.Replace(translated, "Communication about the ASEAN Community.", tc.target, 1)
			if err := os.WriteFile("t.xlf", []byte(xlf), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, "site")
			var stdout, stderr bytes.Buffer
			code := run([]string{"translations", "import", "-content", "site", "t.xlf"}, &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), "t.xlf: refused, no file was changed") || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr.String(), tc.want)
			}
			if after := snapshot(t, "site"); after != before {
				t.Error("a refused import changed the content")
			}
		})
	}
	// what check takes is written, and check then passes
	t.Chdir(t.TempDir())
	if err := copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), "site"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("t.xlf", []byte(translated), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"translations", "import", "-content", "site", "t.xlf"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"check", "-content", "site"}, &stdout, &stderr); code != 0 {
		t.Fatalf("check after the import: exit %d: %s", code, stderr.String())
	}
}

// planText is a plan's text that imports into a draft check takes.
const planText = `ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK

Số: 5/KH-UBND

Đắk Lắk, ngày 10 tháng 02 năm 2025

KẾ HOẠCH

Thực hiện Đề án mẫu trên địa bàn tỉnh Đắk Lắk, giai đoạn 2025-2030

I. NHIỆM VỤ

1. Xây dựng cộng đồng hòa nhập

a) Hỗ trợ người khuyết tật tiếp cận dịch vụ xã hội (Sở Nội vụ chủ trì).

b) Tổ chức hội nghị tuyên truyền hằng năm (Sở Nội vụ chủ trì).

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Bình
`

// TestImportChecked imports texts the content could not take, one
// reason at a time. A text with control or invisible characters is
// refused with their lines and nothing is written, or, with -clean,
// imported without them; a draft check would refuse is written and its
// problems listed with their lines, and the command fails. Whenever the
// command succeeds, check passes.
func TestImportChecked(t *testing.T) {
	hold := func(old, new string) string { return strings.Replace(planText, old, new, 1) }
	tests := []struct {
		name    string
		text    string
		args    []string
		code    int
		want    []string
		written bool
	}{
		{"a clean text", planText, nil, 0, []string{"wrote site/plans/dak-lak-5-2025.yaml"}, true},
		{"NUL and ESC bytes", hold("hằng năm (Sở", "hằng năm\x00 (Sở\x1b[0m"), nil, 1, []string{
			"ke-hoach.txt:18: control character U+0000 (NUL) is not allowed (delete it: most editors do not show it, and it is not text)",
			"ke-hoach.txt holds 1 control or invisible character(s), listed above: delete them, or pass -clean to leave them out of the draft and its source text; nothing was written",
		}, false},
		{"invisible characters on two lines", hold("KẾ HOẠCH", "KẾ\u200b HOẠCH\u202e") + "\u00ad\n", nil, 1, []string{
			"ke-hoach.txt:8: invisible character U+200B (ZERO WIDTH SPACE) is not allowed",
			"ke-hoach.txt:24: invisible character U+00AD (SOFT HYPHEN) is not allowed",
			"holds 2 control or invisible character(s)",
		}, false},
		{"a C1 control", hold("Tổ chức", "Tổ\u009b chức"), nil, 1, []string{
			"ke-hoach.txt:18: control character U+009B (CONTROL SEQUENCE INTRODUCER) is not allowed"}, false},
		{"cleaned", hold("hằng năm (Sở", "hằng năm\x00 (Sở\x1b") + "\u00ad\n", []string{"-clean"}, 0, []string{
			"left out: site/sources/ke-hoach.txt:18: control character U+0000 (NUL)",
			"left out: site/sources/ke-hoach.txt:24: invisible character U+00AD (SOFT HYPHEN)",
		}, true},
		{"a paragraph longer than a text may be", hold("Tổ chức hội nghị", "Tổ chức"+strings.Repeat(" hội nghị", 2500)), nil, 1, []string{
			`site/plans/dak-lak-5-2025.yaml:`,
			`item "i-1-b": field "vi" is 22550 characters long (split it`,
			"the draft was written, but check refuses it",
		}, true},
		{"a text larger than a source may be", planText + strings.Repeat("Tổ chức hội nghị.\n", 600_000), nil, 1, []string{
			"ke-hoach.txt is 15600514 bytes, more than the 10485760 a source text may have",
		}, false},
		{"markup check refuses", hold("Tổ chức hội nghị", "Tổ chức __ hội nghị"), nil, 1, []string{
			`site/plans/dak-lak-5-2025.yaml:`,
			`text contains the markup characters "__"`,
			"the draft was written, but check refuses it: correct it where the lines above say, then run sitegen check -content site",
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := copyDir(filepath.Join(sitetest.Root(), "testdata", "sites", "valid"), "site"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile("ke-hoach.txt", []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, "site")
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"import", "-content", "site"}, tc.args...), "ke-hoach.txt")
			code := run(args, &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout.String()+stderr.String(), w) {
					t.Errorf("the output has no %s:\n%s%s", w, stdout.String(), stderr.String())
				}
			}
			if written := snapshot(t, "site") != before; written != tc.written {
				t.Errorf("content changed: %v, want %v", written, tc.written)
			}
			if code != 0 {
				return
			}
			var out bytes.Buffer
			if code := run([]string{"check", "-content", "site"}, &out, &out); code != 0 {
				t.Errorf("check after a successful import: exit %d\n%s", code, out.String())
			}
		})
	}
}
