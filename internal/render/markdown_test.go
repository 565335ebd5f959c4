package render

import (
	"regexp"
	"strings"
	"testing"
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

func TestHeadingIDs(t *testing.T) {
	h, err := newMarkdown().HTML("## Giảm nghèo\n\n## Giảm nghèo\n\n## !!!\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="giam-ngheo"`, `id="giam-ngheo-1"`, `id="section"`} {
		if !strings.Contains(string(h), want) {
			t.Errorf("%s lacks %s", h, want)
		}
	}
}

// eventAttr finds an event handler attribute inside a tag.
var eventAttr = regexp.MustCompile(`<[a-z][^>]*\son[a-z]+\s*=`)

// FuzzMarkdown renders arbitrary Markdown: it must never panic, never
// pass raw HTML through, and never keep a javascript: link.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Tiêu đề\n\nVăn bản *nhấn mạnh* và [liên kết](../plans/).",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"<img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"## \u0300\u0301",
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
		if eventAttr.MatchString(out) {
			t.Fatalf("markdown %q rendered an event handler: %q", src, h)
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
