package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/sitetest"
)

func TestLoadNormalisesText(t *testing.T) {
	m := sitetest.Fixture(t, "valid")
	// decomposed accents (NFD), a byte-order mark and CRLF line ends
	m = sitetest.With(m, "themes.yaml", []byte("\ufeff- id: poverty-reduction\r\n  name: {vi: \"Gia\u0309m ngh\u00e8o\", en: Poverty reduction}\r\n- id: awareness\r\n  name: {vi: T, en: A}\r\n"))
	site, problems := Load(m)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if got := site.Themes[0].Name.VI; got != "Giảm nghèo" {
		t.Errorf("theme name = %q (% x), want NFC %q", got, got, "Giảm nghèo")
	}
}

func TestSuggestID(t *testing.T) {
	for in, want := range map[string]string{
		"Giảm Nghèo": "giam-ngheo",
		"III.2.a":    "iii-2-a",
		"đ)":         "d",
		"  a  b ":    "a-b",
		"..":         "",
		"Sở LĐ-TBXH": "so-ld-tbxh",
	} {
		if got := suggestID(in); got != want {
			t.Errorf("suggestID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClosest(t *testing.T) {
	if got := closest("dolisaa", []string{"doha", "dolisa", "dic"}); got != "dolisa" {
		t.Errorf("got %q", got)
	}
	if got := closest("zzzzzz", []string{"doha", "dolisa"}); got != "" {
		t.Errorf("got %q for a far name", got)
	}
}

// FuzzLoad feeds arbitrary bytes as a plan file: loading must never
// panic, whatever the input.
func FuzzLoad(f *testing.F) {
	valid := sitetest.Fixture(f, "valid")
	f.Add(valid["plans/sample-1-2021.yaml"].Data)
	f.Add([]byte("id: x\nsections: [{id: a, items: [{id: b, kind: task, vi: x}]}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("\t- ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range valid {
			m[k] = v
		}
		m["plans/sample-1-2021.yaml"] = &fstest.MapFile{Data: data}
		site, problems := Load(m)
		if site == nil || problems == nil {
			t.Fatal("Load returned nil")
		}
	})
}

// FuzzValidID: an id that passes ValidID is safe as a path segment, and
// suggestID always proposes a valid id (or nothing).
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"iii-2-a", "..", "a/b", "Giảm", "-a", "a-", "a--b", "%2e%2e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidID(s) && (strings.ContainsAny(s, "/\\.%?#") || s == "") {
			t.Fatalf("ValidID(%q) accepted an unsafe id", s)
		}
		if sug := suggestID(s); sug != "" && !ValidID(sug) {
			t.Fatalf("suggestID(%q) = %q is not valid", s, sug)
		}
	})
}
