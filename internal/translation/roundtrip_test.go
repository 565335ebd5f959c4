package translation

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"sitegen/internal/build"
	"sitegen/internal/diag"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
)

const realPlan = "plans/quang-nam-2021-2025.yaml"

// copyContent copies the real content directory into a temporary one.
func copyContent(t *testing.T) (string, *os.Root) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(sitetest.Root(), "content"))); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, root
}

var unitRe = regexp.MustCompile(`(?s)(<trans-unit id="([^"]+)">\s*<source>(.*?)</source>)(\s*<target[^>]*>.*?</target>)?`)

// fill plays the translator: it gives every unit of an exported file the
// target translate returns, as a translation tool saves it.
func fill(t *testing.T, xliff []byte, translate func(id, source string) string) []byte {
	t.Helper()
	n := 0
	out := unitRe.ReplaceAllStringFunc(string(xliff), func(m string) string {
		g := unitRe.FindStringSubmatch(m)
		n++
		return g[1] + `<target state="translated">` + html.EscapeString(translate(g[2], html.UnescapeString(g[3]))) + `</target>`
	})
	if n == 0 {
		t.Fatal("the exported file has no trans-unit")
	}
	return []byte(out)
}

// asTitle keeps a made-up English for a title unit within what check
// allows an item's title (short, and no figure its text lacks): the
// other units' English is long and numbered.
func asTitle(id, en string) string {
	if !strings.HasSuffix(id, "/title") {
		return en
	}
	letters := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, en)
	if r := []rune(letters); len(r) > 60 {
		letters = string(r[:60])
	}
	return letters
}

// importFile imports an XLIFF file into the content directory.
func importFile(t *testing.T, dir string, root *os.Root, xliff []byte) *Imported {
	t.Helper()
	res, err := Import(os.DirFS(dir), "translated.xlf", xliff)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(root, res.Files); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRoundTripRealPlan exports every text of a real plan, gives each a
// new English, imports it, and checks that the plan file changed only in
// its en and en_of fields; then that a change to one item's Vietnamese
// makes the build warn about that item alone.
func TestRoundTripRealPlan(t *testing.T) {
	dir, root := copyContent(t)
	before := readFile(t, dir, realPlan)
	ex, err := Export(os.DirFS(dir), ExportOptions{Plan: "quang-nam-2021-2025", All: true})
	if err != nil {
		t.Fatal(err)
	}
	validXLIFF(t, ex.XLIFF)
	if ex.Units < 100 || ex.Files != 1 {
		t.Fatalf("exported %d texts from %d files, want every text of one plan", ex.Units, ex.Files)
	}
	translated := map[string]string{}
	filled := fill(t, ex.XLIFF, func(id, src string) string {
		// Long, and with the characters YAML quotes: the English must be
		// written so that it reads back as given.
		en := asTitle(id, fmt.Sprintf("EN %d: %s #%d: [%s] \"%.40s\"", len(translated), id, len(translated), strings.ToUpper(id), src))
		translated[id] = en
		return en
	})
	res := importFile(t, dir, root, filled)
	if res.Written != ex.Units || len(res.Files) != 1 || res.Files[0].Name != realPlan {
		t.Fatalf("imported %d texts into %d files, want %d into %s", res.Written, len(res.Files), ex.Units, realPlan)
	}
	after := readFile(t, dir, realPlan)
	onlyEnglishChanged(t, before, after)

	site, problems := build.Check(os.DirFS(dir))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if n := outdated(problems); len(n) > 0 {
		t.Fatalf("warnings right after the import: %v", n)
	}
	texts := planTexts(t, dir, realPlan)
	for id, en := range translated {
		got, ok := texts[id]
		if !ok || got.EN != en || got.ENOf != model.Fingerprint(got.VI) {
			t.Errorf("%s: en %q en_of %q after the import, want %q and %q", id, got.EN, got.ENOf, en, model.Fingerprint(got.VI))
		}
	}
	var plan *model.Plan
	for _, p := range site.Plans {
		if p.File == realPlan {
			plan = p
		}
	}
	for _, it := range plan.Items {
		if it.Text.EN != translated["plans/quang-nam-2021-2025/"+it.ID+"/text"] {
			t.Errorf("item %q: the site reads en %q", it.ID, it.Text.EN)
		}
	}

	// The Vietnamese of item i-1-b changes, with its source so that the
	// verbatim rule still holds.
	replaceIn(t, dir, realPlan, "Tranh thủ tối đa các", "Tranh thủ tối đa mọi")
	replaceIn(t, dir, "sources/quang-nam-2021-2025.txt", "Tranh thủ tối đa các", "Tranh thủ tối đa mọi")
	_, problems = build.Check(os.DirFS(dir))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	warned := outdated(problems)
	want := `plans/quang-nam-2021-2025.yaml:` // the line of i-1-b's en
	if len(warned) != 1 || !strings.HasPrefix(warned[0], want) || !strings.Contains(warned[0], `item "i-1-b": the English may be out of date`) {
		t.Fatalf("warnings after the change: %q, want one about item \"i-1-b\"", warned)
	}
	line := lineOf(t, readFile(t, dir, realPlan), "id: i-1-b", "en: >-")
	if !strings.HasPrefix(warned[0], fmt.Sprintf("%s:%d: ", realPlan, line)) {
		t.Errorf("warning %q, want it at %s:%d, the line of the item's en", warned[0], realPlan, line)
	}

	// A second export gives that text alone, with its old English to review.
	ex, err = Export(os.DirFS(dir), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ex.Units != 1 || ex.Outdated != 1 || !strings.Contains(string(ex.XLIFF), `<trans-unit id="plans/quang-nam-2021-2025/i-1-b/text">`) ||
		!strings.Contains(string(ex.XLIFF), `<target state="needs-review-translation">`) {
		t.Errorf("export after the change: %d units (%d outdated):\n%s", ex.Units, ex.Outdated, ex.XLIFF)
	}
}

// TestRoundTripMissingEnglish removes the English of a real plan's texts,
// exports what needs English, translates it back to the English that was
// there, and checks that the file is the original plus fingerprints,
// whatever the line wrapping.
func TestRoundTripMissingEnglish(t *testing.T) {
	dir, root := copyContent(t)
	original := readFile(t, dir, realPlan)
	was := planTexts(t, dir, realPlan)
	stripped, removed := removeBlockEnglish(original)
	if err := os.WriteFile(filepath.Join(dir, realPlan), []byte(stripped), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, err := Export(os.DirFS(dir), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	validXLIFF(t, ex.XLIFF)
	if ex.Units != removed || ex.Missing != removed {
		t.Fatalf("exported %d texts (%d without English), want the %d whose English was removed", ex.Units, ex.Missing, removed)
	}
	filled := fill(t, ex.XLIFF, func(id, _ string) string { return was[id].EN })
	res := importFile(t, dir, root, filled)
	if res.Written != removed {
		t.Fatalf("wrote %d texts, want %d", res.Written, removed)
	}
	after := readFile(t, dir, realPlan)
	onlyEnglishChanged(t, original, after)
	for id, now := range planTexts(t, dir, realPlan) {
		if now.EN != was[id].EN || now.VI != was[id].VI {
			t.Errorf("%s: en %q, want %q", id, now.EN, was[id].EN)
		}
	}
	// Importing the same file again changes nothing.
	res, err = Import(os.DirFS(dir), "translated.xlf", filled)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 0 || res.Unchanged != removed {
		t.Errorf("second import: %d files to write, %d unchanged, want none and %d", len(res.Files), res.Unchanged, removed)
	}
}

// TestReviewAddsOnlyFingerprints exports every text of a real plan for
// review and imports it as the reviewer returns it, confirmed and
// unchanged: the English stays byte for byte as it was, and only the
// fingerprints are added.
func TestReviewAddsOnlyFingerprints(t *testing.T) {
	dir, root := copyContent(t)
	before := readFile(t, dir, realPlan)
	ex, err := Export(os.DirFS(dir), ExportOptions{Plan: "quang-nam-2021-2025", All: true})
	if err != nil {
		t.Fatal(err)
	}
	res := importFile(t, dir, root, ex.XLIFF)
	if res.Written != ex.Units {
		t.Fatalf("fingerprinted %d of %d texts", res.Written, ex.Units)
	}
	after := readFile(t, dir, realPlan)
	fingerprints := regexp.MustCompile(`(?m)^ *en_of: [0-9a-f]{8}\n|, en_of: [0-9a-f]{8}`)
	if n := len(fingerprints.FindAllString(after, -1)); n != ex.Units {
		t.Errorf("%d fingerprints written, want %d", n, ex.Units)
	}
	if fingerprints.ReplaceAllString(after, "") != before {
		t.Error("without its fingerprints, the file is not the original")
	}
}

// TestRoundTripWholeSite gives every text of the real site a new English:
// every layout the content files use must take it in place.
func TestRoundTripWholeSite(t *testing.T) {
	dir, root := copyContent(t)
	before := map[string]string{}
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".yaml") {
			before[p] = readFile(t, dir, p)
		}
		return err
	})
	ex, err := Export(os.DirFS(dir), ExportOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	validXLIFF(t, ex.XLIFF)
	filled := fill(t, ex.XLIFF, func(id, src string) string { return asTitle(id, "EN: "+src+" ("+id+")") })
	res := importFile(t, dir, root, filled)
	if res.Written != ex.Units {
		t.Fatalf("wrote %d of %d texts", res.Written, ex.Units)
	}
	for name, b := range before {
		t.Run(name, func(t *testing.T) {
			if name == "glossary.yaml" {
				// The terminology itself is not exported.
				if readFile(t, dir, name) != b {
					t.Error("glossary.yaml changed")
				}
				return
			}
			onlyEnglishChanged(t, b, readFile(t, dir, name))
		})
	}
	if _, problems := build.Check(os.DirFS(dir)); problems.HasErrors() || len(outdated(problems)) > 0 {
		t.Errorf("the content after the import: %v", problems.Problems())
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func replaceIn(t *testing.T, dir, name, old, new string) {
	t.Helper()
	s := readFile(t, dir, name)
	if strings.Count(s, old) != 1 {
		t.Fatalf("%s has %d occurrences of %q, want 1", name, strings.Count(s, old), old)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the line of the first `then` after the first `first`.
func lineOf(t *testing.T, s, first, then string) int {
	t.Helper()
	i := strings.Index(s, first)
	j := strings.Index(s[i:], then)
	if i < 0 || j < 0 {
		t.Fatalf("no %q after %q", then, first)
	}
	return strings.Count(s[:i+j], "\n") + 1
}

// outdated lists the warnings about English made from an earlier
// Vietnamese.
func outdated(problems *diag.List) []string {
	var out []string
	for _, p := range problems.Problems() {
		if strings.Contains(p.Msg, "the English may be out of date") {
			out = append(out, p.String())
		}
	}
	return out
}

// planTexts reads the texts of a plan file by id.
func planTexts(t *testing.T, dir, name string) map[string]model.Text {
	t.Helper()
	fl, _, _, err := readFields(os.DirFS(dir), name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Text{}
	for _, f := range fl {
		out[f.ID] = f.Text
	}
	return out
}

// removeBlockEnglish deletes every `en:` field written on lines of its
// own, with the lines of its text.
func removeBlockEnglish(s string) (string, int) {
	lines := strings.SplitAfter(s, "\n")
	var out []string
	n := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		body := strings.TrimLeft(l, " ")
		if !strings.HasPrefix(body, "en: ") {
			out = append(out, l)
			continue
		}
		n++
		indent := len(l) - len(body)
		for i+1 < len(lines) && len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " ")) > indent {
			i++
		}
	}
	return strings.Join(out, ""), n
}

// onlyEnglishChanged checks that after differs from before only in en and
// en_of fields: every line the diff removes or adds lies in such a field,
// and with those fields taken out the two files are the same YAML,
// comments included.
func onlyEnglishChanged(t *testing.T, before, after string) {
	t.Helper()
	a, b := strings.Split(before, "\n"), strings.Split(after, "\n")
	removed, added := diffLines(a, b)
	inA, inB := englishLines(t, before), englishLines(t, after)
	for _, l := range removed {
		if !inA[l] {
			t.Errorf("line %d removed, not an en line: %q", l, a[l-1])
		}
	}
	for _, l := range added {
		if !inB[l] {
			t.Errorf("line %d added, not an en or en_of line: %q", l, b[l-1])
		}
	}
	if len(added) == 0 {
		t.Error("nothing changed")
	}
	if x, y := withoutEnglish(t, before), withoutEnglish(t, after); x != y {
		t.Errorf("without en and en_of, the files differ:\n%s\n----\n%s", x, y)
	}
}

// englishLines are the lines of a YAML file taken by en and en_of fields:
// from the key to the line before the next node.
func englishLines(t *testing.T, s string) map[int]bool {
	t.Helper()
	var top yaml.Node
	if err := yaml.Unmarshal([]byte(s), &top); err != nil {
		t.Fatal(err)
	}
	var starts []int
	var keys []int
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		starts = append(starts, n.Line)
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 && (c.Value == "en" || c.Value == "en_of") {
				keys = append(keys, c.Line)
			}
			walk(c)
		}
	}
	walk(&top)
	sort.Ints(starts)
	out := map[int]bool{}
	for _, k := range keys {
		end := len(strings.Split(s, "\n"))
		for _, l := range starts {
			if l > k {
				end = l - 1
				break
			}
		}
		for l := k; l <= end; l++ {
			out[l] = true
		}
	}
	return out
}

// withoutEnglish re-encodes a YAML file without its en and en_of fields.
func withoutEnglish(t *testing.T, s string) string {
	t.Helper()
	var top yaml.Node
	if err := yaml.Unmarshal([]byte(s), &top); err != nil {
		t.Fatal(err)
	}
	var strip func(n *yaml.Node)
	strip = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			var keep []*yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i].Value; k != "en" && k != "en_of" {
					keep = append(keep, n.Content[i], n.Content[i+1])
				}
			}
			n.Content = keep
		}
		for _, c := range n.Content {
			strip(c)
		}
	}
	strip(&top)
	out, err := yaml.Marshal(&top)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// diffLines returns the 1-based numbers of the lines of a that a longest
// common subsequence leaves out (removed), and those of b (added).
func diffLines(a, b []string) (removed, added []int) {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, i+1)
			i++
		default:
			added = append(added, j+1)
			j++
		}
	}
	for ; i < n; i++ {
		removed = append(removed, i+1)
	}
	for ; j < m; j++ {
		added = append(added, j+1)
	}
	return removed, added
}
