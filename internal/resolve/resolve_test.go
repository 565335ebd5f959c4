package resolve

import (
	"runtime"
	"strings"
	"testing"

	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

func resolved(t *testing.T) *model.Site {
	t.Helper()
	site, problems := load.Load(sitetest.Fixture(t, "valid"))
	Resolve(site, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return site
}

func item(t *testing.T, site *model.Site, id string) *model.Item {
	t.Helper()
	for _, it := range site.Plans[0].Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %q", id)
	return nil
}

func ids[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

// TestInheritance asserts that items take the lead agency and pillar of
// the nearest section that states them, unless they state their own.
func TestInheritance(t *testing.T) {
	site := resolved(t)
	agencyID := func(a *model.Agency) string { return a.ID }
	tests := []struct {
		item, pillar string
		lead         []string
	}{
		{"i-1-a", "inclusive", []string{"dolisa"}}, // from section i-1
		{"i-1-b", "inclusive", []string{"doha"}},   // its own
		{"i-2-a", "dynamic", nil},                  // no lead anywhere
		{"ii-1", "organisation", []string{"doha"}},
	}
	for _, tc := range tests {
		it := item(t, site, tc.item)
		if it.Pillar == nil || it.Pillar.ID != tc.pillar {
			t.Errorf("%s: pillar %v, want %s", tc.item, it.Pillar, tc.pillar)
		}
		if got := ids(it.Lead, agencyID); len(got) != len(tc.lead) || (len(got) > 0 && got[0] != tc.lead[0]) {
			t.Errorf("%s: lead %v, want %v", tc.item, got, tc.lead)
		}
	}
}

func TestItemsInDocumentOrder(t *testing.T) {
	got := ids(resolved(t).Plans[0].Items, func(it *model.Item) string { return it.ID })
	want := []string{"i-1-a", "i-1-b", "i-2-a", "ii-1"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestFirstMismatch(t *testing.T) {
	src := newSourceIndex("a b  c\nd e f g h")
	for _, tc := range []struct{ text, want string }{
		{"a b c x y", "x y"},
		{"q r", "q r"},
		{"c d e", ""},
		{"b c d e f g h i j k l m n", "i j k l m n"},
	} {
		if got := src.firstMismatch(tc.text); got != tc.want {
			t.Errorf("firstMismatch(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestVerbatimCheckIsLinear checks an item of 150,000 words that is not
// in its source. Comparing every run of first words, as a simple check
// would, allocates the text once per word (about 10^11 bytes here);
// halving allocates it about log2(150,000) = 18 times.
func TestVerbatimCheckIsLinear(t *testing.T) {
	src := newSourceIndex(strings.Repeat("một hai ba bốn năm sáu bảy tám chín mười ", 2000))
	text := strings.TrimSpace(strings.Repeat("một hai ba bốn năm sáu bảy tám chín mười ", 15000)) + " mười một"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if src.contains(text) {
		t.Fatal("a text longer than the source occurs in it")
	}
	got := src.firstMismatch(text)
	runtime.ReadMemStats(&after)
	// the source holds the first 20,000 words; the 20,001st does not follow
	if got != "một hai ba bốn năm sáu" {
		t.Errorf("firstMismatch = %q", got)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("checking a %d-byte text allocated %d bytes; the check is not linear", len(text), alloc)
	}
}
