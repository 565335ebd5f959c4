package load

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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

// hostile are plan files whose aliases stand for endless or billions of
// values: loading them used to take all memory.
var hostile = map[string]string{
	"alias inside itself": "id: sample-1-2021\nsections: &s [ {id: a, sections: *s} ]\n",
	"billion laughs": func() string {
		s := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		for i := 'b'; i <= 'i'; i++ {
			s += fmt.Sprintf("%c: &%c [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%c, ", i-1), 10), ", "))
		}
		return s + "id: sample-1-2021\nsections: [{id: s, items: *i}]\n"
	}(),
	"aliases of aliases in sections": "id: sample-1-2021\nx: &x {id: a, title: {vi: T}}\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x]\nz: &z [{id: b, sections: *y}, {id: c, sections: *y}]\nsections: [{id: d, sections: *z}, {id: e, sections: *z}]\n",
}

// TestHostileYAMLIsBounded loads each hostile plan and requires an error
// and less than 100 MB allocated. Memory is measured rather than time,
// which would make the test depend on the machine.
func TestHostileYAMLIsBounded(t *testing.T) {
	valid := sitetest.Fixture(t, "valid")
	for name, plan := range hostile {
		t.Run(name, func(t *testing.T) {
			m := sitetest.With(valid, "plans/sample-1-2021.yaml", []byte(plan))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, problems := Load(m)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%v, %d KB allocated", took, alloc>>10)
			if alloc > 100<<20 {
				t.Errorf("loading allocated %d MB", alloc>>20)
			}
			if name != "aliases of aliases in sections" && !problems.HasErrors() {
				t.Error("no error reported")
			}
		})
	}
}

// TestPublishedBadLinesAllReported: every line of the record that is not
// an address is reported in one run, each with its line.
func TestPublishedBadLinesAllReported(t *testing.T) {
	record := "# addresses\nvi/plans/sample-1-2021/\n/vi/plans/\nvi/plans/../x/\nhello world\nVI/PLANS/\nvi/plans/x/?q=1\nen/\ndata/plans/x.json\nfoo\n"
	m := sitetest.With(sitetest.Fixture(t, "valid"), "published-urls.txt", []byte(record))
	_, problems := Load(m)
	var lines []int
	for _, p := range problems.Problems() {
		if p.Pos.File == PublishedFile {
			lines = append(lines, p.Pos.Line)
		}
	}
	if want := []int{3, 4, 5, 6, 7, 10}; fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("bad lines reported: %v, want %v", lines, want)
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

// FuzzAliases feeds plan files made of anchors and aliases: loading must
// end, without panic, having allocated less than 100 MB, whatever the
// aliases refer to.
func FuzzAliases(f *testing.F) {
	valid := sitetest.Fixture(f, "valid")
	for _, plan := range hostile {
		f.Add([]byte(plan))
	}
	f.Add([]byte("id: sample-1-2021\nx: &x [1, *x]\nsections: *x\n"))
	f.Add([]byte("a: &a {b: &b {c: *a}}\n"))
	f.Add([]byte("<<: &m {id: sample-1-2021}\nsections: [{<<: *m}]\n"))
	f.Add([]byte("id: &i sample-1-2021\nsections: [{id: *i, items: [{id: *i, kind: task, vi: *i}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := sitetest.With(valid, "plans/sample-1-2021.yaml", data)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		site, problems := Load(m)
		runtime.ReadMemStats(&after)
		if site == nil || problems == nil {
			t.Fatal("Load returned nil")
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
			t.Fatalf("loading %d bytes allocated %d MB", len(data), alloc>>20)
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
