package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"sitegen"
	"sitegen/internal/sitetest"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Giảm nghèo bền vững": "giam-ngheo-ben-vung",
		"Đề án 161 (2016)":    "de-an-161-2016",
		"  --  ":              "",
		"ASEAN – Việt Nam":    "asean-viet-nam",
		"Cộng đồng \u0300 lạ": "cong-dong-la",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadingIDs: heading ids keep Vietnamese letters, never repeat, and
// never take an id the page has already: "main" (the skip link's
// target), "toc", or an item's or section's id such as "i".
func TestHeadingIDs(t *testing.T) {
	h, err := newMarkdown().HTML("## Giảm nghèo\n\n## Giảm nghèo\n\n## !!!\n\n## Main\n\n## TOC\n\n## I\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="_giam-ngheo"`, `id="_giam-ngheo-1"`, `id="_section"`, `id="_main"`, `id="_toc"`, `id="_i"`} {
		if !strings.Contains(string(h), want) {
			t.Errorf("%s lacks %s", h, want)
		}
	}
}

// TestMarkdownLinks: a link may lead to a web page, an e-mail address or
// a path of the site; anything else is reported with its line.
func TestMarkdownLinks(t *testing.T) {
	md := newMarkdown()
	for _, tc := range []struct {
		src  string
		line int // 0: allowed
	}{
		{"[a](https://example.org/x)", 0},
		{"[a](http://example.org/)", 0},
		{"[a](mailto:ban@example.gov.vn)", 0},
		{"[a](../plans/) [b](#muc) [c](/asean/vi/) [d](data/items.csv)", 0},
		{"<https://example.org/> <ban@example.gov.vn>", 0},
		{"text\n\n[a](ms-msdt:/id%20PCWDiagnostic)", 3},
		{"[a](search-ms:query=x)", 1},
		{"a\nb [a](intent://scan/#Intent;end)", 2},
		{"[a](ms-excel:ofe|u|https://x/)", 1},
		{"[a](javascript:alert(1))", 1},
		{"[a](JaVaScRiPt:alert(1))", 1},
		{"[a](java&#x73;cript:alert(1))", 1},
		{"![a](data:image/png;base64,AAAA)", 1},
		{"[a](//evil.example/)", 1},
		{"[a](/\\evil.example/)", 1},
		{"[a](https:evil)", 1},
		{"<ms-msdt:/id>", 1},
		{"para\n\n[a][r]\n\n[r]: vbscript:x", 5}, // where the address is written
	} {
		_, problems := md.parse(tc.src)
		switch {
		case tc.line == 0 && len(problems) > 0:
			t.Errorf("%q: refused: %v", tc.src, problems)
		case tc.line != 0 && len(problems) == 0:
			t.Errorf("%q: allowed", tc.src)
		case tc.line != 0 && problems[0].Line != tc.line:
			t.Errorf("%q: reported at line %d, want %d", tc.src, problems[0].Line, tc.line)
		}
		if _, err := md.HTML(tc.src); (err != nil) != (tc.line != 0) {
			t.Errorf("%q: HTML error %v", tc.src, err)
		}
	}
}

// TestMarkdownBounds: texts the parser would take seconds on are refused
// before it sees them, with the line at fault.
func TestMarkdownBounds(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      mdProblem
	}{
		{"too long", strings.Repeat("a", MaxMarkdown+1),
			mdProblem{1, "the text is 65537 bytes long, more than the limit of 65536", "split it into several pages"}},
		{"nested quotes", "a\n" + strings.Repeat("> ", 17) + "b",
			mdProblem{2, "the line starts 17 quotes or list items, more than the limit of 16", "nest fewer quotes (>) and lists"}},
		{"nested lists", strings.Repeat("- ", 20) + "b",
			mdProblem{1, "the line starts 20 quotes or list items, more than the limit of 16", "nest fewer quotes (>) and lists"}},
		{"unclosed links", strings.Repeat("[a](", 65),
			mdProblem{1, "the line has 65 [, more than the limit of 64", "split the line, or write \\[ for a bracket that is not a link"}},
	} {
		_, problems := newMarkdown().parse(tc.src)
		if len(problems) == 0 || problems[0] != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, problems, tc.want)
		}
	}
	// 2 MB of nested lists and quotes took 36 s before the bounds
	var b strings.Builder
	for b.Len() < MaxMarkdown-100 {
		b.WriteString(strings.Repeat("> - ", 4) + "x\n")
	}
	if _, problems := newMarkdown().parse(b.String()); len(problems) > 0 {
		t.Errorf("a text within the bounds was refused: %v", problems[0])
	}
}

// attrProblem names the first attribute of h a page must not carry: an
// event handler, which runs a script, or a style, which the pages'
// Content-Security-Policy (style-src 'self') has browsers ignore.
func attrProblem(h []byte) string {
	l := html.NewLexer(parse.NewInputBytes(h))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			if strings.HasPrefix(key, "on") || key == "style" {
				return key + "=" + string(l.AttrVal())
			}
		}
	}
}

// TestTableAlignment: a column's alignment reaches the reader, as a
// class the theme's stylesheet aligns, not as a style attribute.
func TestTableAlignment(t *testing.T) {
	h, err := newMarkdown().HTML("| Chỉ tiêu | Năm 2025 | Ghi chú | Nguồn |\n|:--|--:|:-:|---|\n| Hộ nghèo | 1,5% | x | y |")
	if err != nil {
		t.Fatal(err)
	}
	if p := attrProblem([]byte(h)); p != "" {
		t.Errorf("a table has the attribute %s:\n%s", p, h)
	}
	css, err := fs.ReadFile(sitegen.Theme, "assets/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, align := range []string{"left", "right", "center"} {
		class := "align-" + align
		for _, cell := range []string{`<th class="` + class + `">`, `<td class="` + class + `">`} {
			if !strings.Contains(string(h), cell) {
				t.Errorf("no %s in\n%s", cell, h)
			}
		}
		rule := regexp.MustCompile(`\.` + class + `\b[^{}]*\{[^{}]*text-align:\s*` + align + `\b`)
		if !rule.Match(css) {
			t.Errorf("assets/site.css: no rule gives .%s text-align: %s", class, align)
		}
	}
	if strings.Count(string(h), "class=") != 6 {
		t.Errorf("want a class on the 6 aligned cells only:\n%s", h)
	}
}

// FuzzMarkdown renders arbitrary Markdown: it must never panic, never
// pass raw HTML through, never write an event handler or a style, and
// never publish a link other than a web page, an e-mail address or a
// path of the site.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Tiêu đề\n\nVăn bản *nhấn mạnh* và [liên kết](../plans/).",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"<img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |",
		"[t](../plans/ \"x onclick=y style=z\")",
		"## \u0300\u0301",
		"[a](ms-msdt:/id) <search-ms:x> [b](java&#x73;cript:x) [c](//evil.example/)",
		"[r]\n\n[r]: intent://x",
		strings.Repeat("> - ", 20) + "x",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		h, err := md.HTML(src)
		if err != nil {
			return
		}
		out := strings.ToLower(string(h))
		for _, bad := range []string{"<script", "<iframe", "href=\"javascript:", "src=\"javascript:"} {
			if strings.Contains(out, bad) {
				t.Fatalf("markdown %q rendered %q", src, h)
			}
		}
		if p := attrProblem([]byte(h)); p != "" {
			t.Fatalf("markdown %q rendered the attribute %s: %q", src, p, h)
		}
		for _, link := range sitetest.Links([]byte(h)) {
			if link != "" && !allowedLink(link) {
				t.Fatalf("markdown %q published the link %q", src, link)
			}
		}
	})
}

// FuzzSlug: a slug is always a valid id or empty.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Giảm nghèo", "Đà Nẵng", "a--b", "ǅ", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q has %q", s, got, r)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q is not a clean id", s, got)
		}
	})
}
