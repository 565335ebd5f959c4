package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sitegen/internal/build"
	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

func base() fs.FS { return os.DirFS(filepath.Join(sitetest.Root(), "content")) }

// write writes a synthetic tree into a new temporary directory.
func write(t *testing.T, opts Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := Write(dir, base(), opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

// check runs build.Check on dir and fails on any error or warning.
func check(t *testing.T, dir string) *model.Site {
	t.Helper()
	site, problems := build.Check(os.DirFS(dir))
	for _, p := range problems.Problems() {
		t.Error(p.String())
	}
	if t.Failed() {
		t.FailNow()
	}
	return site
}

func TestWriteChecks(t *testing.T) {
	const provinces, items = 3, 40
	dir := write(t, Options{Provinces: provinces, Items: items, Seed: 1})
	site := check(t, dir)

	if len(site.Plans) != provinces {
		t.Fatalf("got %d plans, want %d", len(site.Plans), provinces)
	}
	if len(site.Provinces) != MinProvinces {
		t.Errorf("got %d provinces, want %d", len(site.Provinces), MinProvinces)
	}
	kinds := map[string]int{}
	restates, inherited, timed := 0, 0, 0
	for _, p := range site.Plans {
		if len(p.Items) != items {
			t.Errorf("plan %s: got %d items, want %d", p.ID, len(p.Items), items)
		}
		if !strings.HasSuffix(p.ID, "-synth") || p.SourceFile != p.ID+".txt" {
			t.Errorf("plan %s: source %s", p.ID, p.SourceFile)
		}
		pillars := map[string]bool{}
		for _, it := range p.Items {
			kinds[string(it.Kind)]++
			if n := utf8.RuneCountInString(it.Text.VI); n < minText || n > maxText {
				t.Errorf("item %s/%s: Vietnamese text has %d characters, want %d-%d", p.ID, it.ID, n, minText, maxText)
			}
			if n := utf8.RuneCountInString(it.Text.EN); n < minText/2 || n > maxText*3/2 {
				t.Errorf("item %s/%s: English text has %d characters", p.ID, it.ID, n)
			}
			if n := len(it.Themes); n < 1 || n > 3 {
				t.Errorf("item %s/%s: %d themes, want 1-3", p.ID, it.ID, n)
			}
			if it.Kind == "task" || it.Kind == "appendix-row" {
				if n := len(it.Lead) + len(it.Partners); len(it.Lead) == 0 || n > 3 {
					t.Errorf("item %s/%s: %d lead and %d partner agencies", p.ID, it.ID, len(it.Lead), len(it.Partners))
				}
				if len(it.LeadIDs) == 0 {
					inherited++
				}
			}
			if it.RestatesItem != nil {
				restates++
				if it.RestatesItem.Kind != "task" {
					t.Errorf("item %s/%s restates a %s", p.ID, it.ID, it.RestatesItem.Kind)
				}
			}
			if it.Timing != nil {
				timed++
			}
			if it.Pillar != nil {
				pillars[it.Pillar.ID] = true
			}
		}
		for _, id := range pillarIDs {
			if !pillars[id] {
				t.Errorf("plan %s has no item of pillar %s", p.ID, id)
			}
		}
	}
	for _, k := range []string{"purpose", "requirement", "objective", "general-task", "task", "appendix-row", "funding", "duty"} {
		if kinds[k] == 0 {
			t.Errorf("no item of kind %s", k)
		}
	}
	if restates == 0 || inherited == 0 || timed == 0 {
		t.Errorf("restating rows %d, tasks with inherited agencies %d, items with timing %d: want some of each", restates, inherited, timed)
	}

	// Province names are Vietnamese in NFC, ids ASCII.
	for _, pr := range site.Provinces {
		if !load.ValidID(pr.ID) || !norm.NFC.IsNormalString(pr.Name.VI) || pr.Name.EN == "" {
			t.Errorf("province %q %q", pr.ID, pr.Name.VI)
		}
	}
	// The registries are copies of the base's, but for what names its
	// plans.
	for _, name := range append(copied, "pages/about.vi.md", "pages/methodology.en.md") {
		want, _ := fs.ReadFile(base(), name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, withoutPlans(name, want)) {
			t.Errorf("%s is not a copy of the base's (%v)", name, err)
		}
	}
	for _, term := range site.Glossary {
		if len(term.Senses) > 0 {
			t.Errorf("glossary term %q keeps senses that name the base's items", term.VI)
		}
	}
}

// TestWithoutPlans: the senses of glossary terms and the plans of
// framework sources are taken out, every other line kept as it is.
func TestWithoutPlans(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"glossary.yaml", "- vi: a\n  en: b\n  senses:\n    - en: c\n      items: [p/i]\n- vi: d\n  en: e\n", "- vi: a\n  en: b\n- vi: d\n  en: e\n"},
		{"frameworks.yaml", "  sources:\n    - id: s\n      plan: p\n      text: {vi: t}\n", "  sources:\n    - id: s\n      text: {vi: t}\n"},
		{"agencies.yaml", "- id: a\n  plan: p\n", "- id: a\n  plan: p\n"},
	} {
		if got := string(withoutPlans(tc.name, []byte(tc.in))); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	opts := Options{Provinces: 3, Items: 40, Seed: 7}
	a, b := write(t, opts), write(t, opts)
	fa, fb := files(t, a), files(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two writes", name)
		}
	}
	c := files(t, write(t, Options{Provinces: 3, Items: 40, Seed: 8}))
	if bytes.Equal(fa["provinces.yaml"], c["provinces.yaml"]) {
		t.Error("another seed gives the same provinces")
	}
}

func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteSizes writes plans of many sizes, the smallest ones
// included, and checks each.
func TestWriteSizes(t *testing.T) {
	sizes := []int{1, 2, 5, 9, 17, 60, 123}
	if !testing.Short() {
		sizes = append(sizes, 700)
	}
	for _, n := range sizes {
		dir := write(t, Options{Provinces: 1, Items: n, Seed: uint64(n)})
		site := check(t, dir)
		if got := len(site.Plans[0].Items); got != n {
			t.Errorf("items %d: got %d", n, got)
		}
	}
}

func TestCounts(t *testing.T) {
	for n := 1; n <= 2000; n++ {
		c, app := counts(n)
		sum, specific := app, 0
		for i, x := range c {
			sum += x
			if i >= cSpecificTask && i < cSpecificTask+5 {
				specific += x
			}
		}
		if sum != n || app > specific || c[cFunding] > 1 || c[cGeneralObjective] > 1 {
			t.Fatalf("counts(%d) = %v, %d", n, c, app)
		}
	}
}

func TestProvinces(t *testing.T) {
	ps := provinces(MaxProvinces, 3)
	ids, names := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if ids[p.id] || names[p.name] || !load.ValidID(p.id) {
			t.Errorf("province %q %q is a duplicate or has an invalid id", p.id, p.name)
		}
		ids[p.id], names[p.name] = true, true
	}
}

func TestWriteInvalidOptions(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Provinces: 0, Items: 10}, "synth: provinces must be between 1 and 1000, not 0"},
		{Options{Provinces: 1001, Items: 10}, "synth: provinces must be between 1 and 1000, not 1001"},
		{Options{Provinces: 3, Items: 0}, "synth: items must be between 1 and 100000, not 0"},
		{Options{Provinces: 3, Items: -5}, "synth: items must be between 1 and 100000, not -5"},
		{Options{Provinces: 3, Items: 100001}, "synth: items must be between 1 and 100000, not 100001"},
	}
	for _, tc := range tests {
		dir := filepath.Join(t.TempDir(), "x")
		err := Write(dir, base(), tc.opts)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Write(%+v) = %v, want %q", tc.opts, err, tc.want)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("Write(%+v) created the directory", tc.opts)
		}
	}

	// A directory that is not empty is refused.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644)
	if err := Write(dir, base(), Options{Provinces: 1, Items: 1}); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("non-empty directory: got %v", err)
	}
	// A base without registries is refused.
	if err := Write(filepath.Join(t.TempDir(), "y"), os.DirFS(t.TempDir()), Options{Provinces: 1, Items: 1}); err == nil || !strings.Contains(err.Error(), "site.yaml") {
		t.Errorf("empty base: got %v", err)
	}
}

// TestDefaultScale checks the benchmark's default tree, 34 provinces of
// 300 items.
func TestDefaultScale(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and checks 10,200 items")
	}
	dir := write(t, Options{Provinces: 34, Items: 300, Seed: 1})
	site := check(t, dir)
	total := 0
	for _, p := range site.Plans {
		if len(p.Items) != 300 {
			t.Errorf("plan %s: %d items", p.ID, len(p.Items))
		}
		total += len(p.Items)
	}
	if len(site.Plans) != 34 || total != 34*300 {
		t.Errorf("%d plans, %d items", len(site.Plans), total)
	}
}
