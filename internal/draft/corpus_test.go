package draft_test

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"sitegen/internal/build"
	"sitegen/internal/draft"
	"sitegen/internal/fold"
	"sitegen/internal/model"
	"sitegen/internal/sitetest"
	"sitegen/internal/wordfile"
)

var (
	update = flag.Bool("update", false, "rewrite the corpus documents in testdata/import from their answer keys")
	corpus = flag.String("corpus", "", "score the answer keys in this directory instead of testdata/import")
)

// The corpus (testdata/import) is plans written for the importer's
// tests, in the layouts provinces use, each with its answer key. A key,
// NAME.key.txt (or NAME.docx.key.txt for a Word file), is the document
// itself with what a careful editor would read from it written after
// each item, between ⟦ and ⟧ at the end of the item's last line:
//
//	a) Tổ chức hội nghị (Sở Nội vụ chủ trì). ⟦lead=doha when=once:2026-Q3⟧
//	| 1 | Tập huấn | Sở Y tế | ... | ⟦row lead=doh⟧
//
// lead= and partners= list the agencies (ids of agencies.yaml) of the
// item, its own or its section's; when= its timing: annual, semiannual,
// quarterly, monthly, ongoing, once:BY (2026, 2026-Q3, 2026-06,
// 2026-09-30) or period:FROM-TO; row marks a row of a table. The
// document is the key without its marks (and, for a Word file, made
// from it: see wordDocument).
type keyItem struct {
	line           int
	text           string
	lead, partners []string
	when           string
	row            bool
}

var (
	markRe     = regexp.MustCompile(`\s*⟦([^⟧]*)⟧\s*$`)
	keyLabelRe = regexp.MustCompile(`^(?:Điều \d+\.|Nhiệm vụ \d+[:.]|[IVXL]+\.|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-+•–])\s+`)
)

// answerKey reads a key: the document's text (without the marks) and
// the items the key expects.
func answerKey(t testing.TB, key string) (string, []keyItem) {
	t.Helper()
	lines := strings.Split(key, "\n")
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = markRe.ReplaceAllString(l, "")
	}
	var items []keyItem
	for i, l := range lines {
		m := markRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		it := keyItem{line: i + 1}
		for _, f := range strings.Fields(m[1]) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "lead":
				it.lead = strings.Split(v, ",")
			case "partners":
				it.partners = strings.Split(v, ",")
			case "when":
				it.when = v
			case "row":
				it.row = true
			default:
				t.Fatalf("key line %d: unknown mark %q", i+1, f)
			}
		}
		slices.Sort(it.lead)
		slices.Sort(it.partners)
		if strings.HasPrefix(plain[i], "|") {
			it.text = rowText(plain, i)
		} else {
			it.text = paragraphText(plain, i)
		}
		items = append(items, it)
	}
	return strings.Join(plain, "\n"), items
}

// paragraphText is the text of the paragraph that ends at line i,
// without its printed label: it starts after a blank line or at a line
// that starts with a label.
func paragraphText(lines []string, i int) string {
	start := i
	for start > 0 && strings.TrimSpace(lines[start-1]) != "" && !keyLabelRe.MatchString(lines[start]) && !strings.HasPrefix(lines[start-1], "@") &&
		!(keyLabelRe.MatchString(lines[start-1]) && utf8.RuneCountInString(lines[start-1]) < 60 && !strings.HasSuffix(lines[start-1], ".")) &&
		!(strings.ContainsAny(lines[start-1][len(lines[start-1])-1:], ".;:") && utf8.RuneCountInString(lines[start-1]) < 70) {
		start--
	}
	s := strings.Join(strings.Fields(strings.Join(lines[start:i+1], " ")), " ")
	return keyLabelRe.ReplaceAllString(s, "")
}

// rowText is the task's cell of the table row at line i: the column
// whose header names the task, in the first row of its table.
func rowText(lines []string, i int) string {
	head := i
	for head > 0 && strings.HasPrefix(lines[head-1], "|") {
		head--
	}
	cells := splitRow(lines[i])
	for c, h := range splitRow(lines[head]) {
		k := fold.Key(h)
		if c < len(cells) && (strings.Contains(k, "noi dung") || strings.Contains(k, "nhiem vu") || strings.Contains(k, "hoat dong")) {
			return cells[c]
		}
	}
	longest := ""
	for _, c := range cells {
		if len(c) > len(longest) {
			longest = c
		}
	}
	return longest
}

func splitRow(s string) []string {
	parts := strings.Split(strings.Trim(strings.TrimSpace(s), "|"), "|")
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(p), " ")
	}
	return parts
}

// textDocument is the text a key gives: the directives that shape a
// Word file dropped, a merged cell ("^") written empty as a web page
// shows it.
func textDocument(plain string) string {
	var out []string
	for _, l := range strings.Split(plain, "\n") {
		if strings.HasPrefix(l, "@") {
			continue
		}
		if strings.HasPrefix(l, "|") {
			cells := splitRow(l)
			for i, c := range cells {
				if c == "^" {
					cells[i] = ""
				}
			}
			l = "| " + strings.Join(cells, " | ") + " |"
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// wordDocument makes a Word file of a key's text, as an office drafts
// one: every paragraph on its own, and
//   - with "@wordlists", the printed labels (I., 1., 1.1., a), -, +,
//     Nhiệm vụ 1:) made by Word's list numbering instead of typed;
//   - "|" rows as a real table: a row that only names a group ("I.
//     ...") spans the table, a cell "^" is merged with the cell above,
//     and the rows' numbers are Word's numbering, from 1 in each group;
//   - "@header" and "@signature" blocks, split by "@|", as the
//     two-column tables that lay out the heading and the signature.
func wordDocument(plain string) ([]byte, error) {
	var d wordfile.Document
	lines := strings.Split(plain, "\n")
	wordLists := slices.Contains(lines, "@wordlists")
	body := d.List(
		wordfile.Level{Format: "upperRoman", Text: "%1.", Start: 1},
		wordfile.Level{Format: "decimal", Text: "%2.", Start: 1},
		wordfile.Level{Format: "decimal", Text: "%2.%3.", Start: 1},
		wordfile.Level{Format: "lowerLetter", Text: "%4)", Start: 1},
		wordfile.Level{Format: "bullet", Text: "-", Start: 1},
		wordfile.Level{Format: "bullet", Text: "+", Start: 1},
	)
	tasks := d.List(wordfile.Level{Format: "decimal", Text: "Nhiệm vụ %1:", Start: 1})
	levels := []struct {
		re    *regexp.Regexp
		list  *int
		level int
	}{
		{regexp.MustCompile(`^Nhiệm vụ \d+:\s+`), &tasks, 0},
		{regexp.MustCompile(`^[IVX]+\.\s+`), &body, 0},
		{regexp.MustCompile(`^\d+\.\d+\.?\s+`), &body, 2},
		{regexp.MustCompile(`^\d+\.\s+`), &body, 1},
		{regexp.MustCompile(`^[a-zđ]\)\s+`), &body, 3},
		{regexp.MustCompile(`^-\s+`), &body, 4},
		{regexp.MustCompile(`^\+\s+`), &body, 5},
	}
	paragraph := func(l string) wordfile.Para {
		if wordLists {
			for _, lv := range levels {
				if loc := lv.re.FindStringIndex(l); loc != nil {
					return wordfile.Para{Text: l[loc[1]:], List: *lv.list, Level: lv.level}
				}
			}
		}
		return wordfile.Para{Text: l}
	}
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "" || l == "@wordlists" || strings.HasPrefix(l, "@expect "):
		case l == "@header" || l == "@signature":
			var left, right []wordfile.Para
			side := &left
			for i++; i < len(lines) && lines[i] != "@end"; i++ {
				switch t := strings.TrimSpace(lines[i]); t {
				case "@|":
					side = &right
				case "":
				default:
					*side = append(*side, wordfile.Para{Text: t})
				}
			}
			d.Table([]wordfile.Cell{{Paras: left}, {Paras: right}})
		case strings.HasPrefix(l, "|"):
			j := i
			for j < len(lines) && strings.HasPrefix(lines[j], "|") {
				j++
			}
			d.Table(wordTable(&d, lines[i:j])...)
			i = j - 1
		default:
			d.Paragraph(paragraph(l))
		}
	}
	return d.Bytes()
}

var (
	groupRowRe = regexp.MustCompile(`^[IVX]+\.?\s`)
	rowNoRe    = regexp.MustCompile(`^\d{1,3}$`)
)

// wordTable makes the rows of a Word table from "|" rows.
func wordTable(d *wordfile.Document, rows []string) [][]wordfile.Cell {
	var out [][]wordfile.Cell
	numbers := 0
	var cols int
	for r, row := range rows {
		cells := splitRow(row)
		if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
			continue // the |---| line
		}
		if r == 0 {
			cols = len(cells)
		}
		filled := 0
		for _, c := range cells {
			if c != "" {
				filled++
			}
		}
		if filled == 1 && groupRowRe.MatchString(cells[0]) || filled == 2 && cells[0] != "" && groupRowRe.MatchString(cells[0]+" ") && cells[2%len(cells)] == "" {
			title := strings.TrimSpace(strings.Join(cells, " "))
			out = append(out, []wordfile.Cell{{Paras: []wordfile.Para{{Text: title}}, Span: cols}})
			numbers = 0
			continue
		}
		var wc []wordfile.Cell
		for c, v := range cells {
			cell := wordfile.Text(v)
			switch {
			case v == "^":
				cell = wordfile.Cell{Merge: wordfile.MergeContinue}
				// The cell above starts the merge, unless it continues one.
				above := out[len(out)-1]
				if c < len(above) && above[c].Merge == wordfile.NoMerge {
					above[c].Merge = wordfile.MergeStart
				}
			case c == 0 && rowNoRe.MatchString(v) && r > 0:
				if numbers == 0 {
					numbers = d.List(wordfile.Level{Format: "decimal", Text: "%1.", Start: 1})
				}
				cell = wordfile.Cell{Paras: []wordfile.Para{{List: numbers}}}
			}
			wc = append(wc, cell)
		}
		out = append(out, wc)
	}
	return out
}

// corpusFile is one document of the corpus and its key.
type corpusFile struct {
	name, key, doc string // the document's file name; its key and document paths
}

func corpusFiles(t testing.TB, dir string) []corpusFile {
	t.Helper()
	keys, err := filepath.Glob(filepath.Join(dir, "*.key.txt"))
	if err != nil || len(keys) == 0 {
		t.Fatalf("no answer keys in %s", dir)
	}
	var out []corpusFile
	for _, k := range keys {
		name := strings.TrimSuffix(filepath.Base(k), ".key.txt")
		if !strings.HasSuffix(name, ".docx") {
			name += ".txt"
		}
		out = append(out, corpusFile{name: name, key: k, doc: filepath.Join(dir, name)})
	}
	return out
}

// document makes the corpus document of a key.
func document(t testing.TB, f corpusFile, plain string) []byte {
	t.Helper()
	if strings.HasSuffix(f.name, ".docx") {
		b, err := wordDocument(plain)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return []byte(textDocument(plain))
}

// TestCorpusFiles keeps the corpus documents what their keys make
// (go test ./internal/draft -run TestCorpusFiles -update writes them).
func TestCorpusFiles(t *testing.T) {
	dir := filepath.Join(sitetest.Root(), "testdata", "import")
	for _, f := range corpusFiles(t, dir) {
		key, err := os.ReadFile(f.key)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := answerKey(t, string(key))
		want := document(t, f, plain)
		if *update {
			if err := os.WriteFile(f.doc, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got, err := os.ReadFile(f.doc); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what %s makes: run go test ./internal/draft -run TestCorpusFiles -update", f.doc, filepath.Base(f.key))
		}
	}
	if *update {
		th := filepath.Join(sitetest.Root(), "content", "sources", "thanh-hoa-208-kh-ubnd-2021.txt")
		src, err := os.ReadFile(th)
		if err != nil {
			t.Fatal(err)
		}
		b, err := thanhHoaWord(string(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "thanh-hoa-208-kh-ubnd-2021.docx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// score is how much of a key a draft reproduced.
type score struct {
	items, sameText       int // key items; those the draft has with the same text
	leads, sameLead       int
	partners, samePartner int
	timings, sameTiming   int
	rows, sameRow         int
	drafted, junk         int // the draft's items; those no key item has
	misses                []string
}

func (s *score) add(o score) {
	s.items += o.items
	s.sameText += o.sameText
	s.leads += o.leads
	s.sameLead += o.sameLead
	s.partners += o.partners
	s.samePartner += o.samePartner
	s.timings += o.timings
	s.sameTiming += o.sameTiming
	s.rows += o.rows
	s.sameRow += o.sameRow
	s.drafted += o.drafted
	s.junk += o.junk
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func (s score) String() string {
	return fmt.Sprintf("text %3.0f%% (%d/%d)  rows %3.0f%% (%d/%d)  leads %3.0f%% (%d/%d)  partners %3.0f%% (%d/%d)  deadlines %3.0f%% (%d/%d)  junk %3.0f%% (%d/%d)",
		pct(s.sameText, s.items), s.sameText, s.items, pct(s.sameRow, s.rows), s.sameRow, s.rows,
		pct(s.sameLead, s.leads), s.sameLead, s.leads, pct(s.samePartner, s.partners), s.samePartner, s.partners,
		pct(s.sameTiming, s.timings), s.sameTiming, s.timings, pct(s.junk, s.drafted), s.junk, s.drafted)
}

// timingWords writes a timing as a key's when= does.
func timingWords(tm *model.Timing) string {
	switch {
	case tm == nil:
		return ""
	case tm.Kind == model.TimingPeriod:
		return fmt.Sprintf("period:%d-%d", tm.From, tm.To)
	case tm.Kind == model.TimingOnce && !tm.By.IsZero():
		return "once:" + tm.By.String()
	case tm.Kind == model.TimingDate:
		return "once:" + tm.Date.Format("2006-01-02")
	}
	return string(tm.Kind)
}

// grade compares a checked draft with the key.
func grade(p *model.Plan, key []keyItem) score {
	s := score{items: len(key), drafted: len(p.Items)}
	byText := map[string][]*model.Item{}
	for _, it := range p.Items {
		byText[it.Text.VI] = append(byText[it.Text.VI], it)
	}
	known := map[string]bool{}
	for _, k := range key {
		known[k.text] = true
	}
	for _, it := range p.Items {
		if !known[it.Text.VI] {
			s.junk++
			s.misses = append(s.misses, fmt.Sprintf("junk item %s: %q", it.ID, trim(it.Text.VI)))
		}
	}
	used := map[*model.Item]bool{}
	for _, k := range key {
		if len(k.lead) > 0 {
			s.leads++
		}
		if len(k.partners) > 0 {
			s.partners++
		}
		if k.when != "" {
			s.timings++
		}
		if k.row {
			s.rows++
		}
		var got *model.Item
		for _, it := range byText[k.text] {
			if !used[it] && (it.Kind == model.KindAppendixRow) == k.row {
				got = it
				break
			}
		}
		if got == nil {
			for _, it := range byText[k.text] {
				if !used[it] {
					got = it
					break
				}
			}
		}
		if got == nil {
			s.misses = append(s.misses, fmt.Sprintf("key line %d: no item with the text %q", k.line, trim(k.text)))
			continue
		}
		used[got] = true
		s.sameText++
		if k.row {
			s.sameRow++ // a row of a table in the body is a task, of an appendix a row
		}
		lead, partners := agencyIDs(got.Lead), agencyIDs(got.Partners)
		if len(k.lead) > 0 {
			if slices.Equal(lead, k.lead) {
				s.sameLead++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("key line %d (%s): lead %v, want %v", k.line, got.ID, lead, k.lead))
			}
		}
		if len(k.partners) > 0 {
			if slices.Equal(partners, k.partners) {
				s.samePartner++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("key line %d (%s): partners %v, want %v", k.line, got.ID, partners, k.partners))
			}
		}
		if k.when != "" {
			if w := timingWords(got.Timing); w == k.when {
				s.sameTiming++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("key line %d (%s): timing %q, want %q", k.line, got.ID, w, k.when))
			}
		}
	}
	return s
}

func trim(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// corpusContent is the real content without its plans: its agencies,
// frameworks and provinces, which a portal importing a plan has.
func corpusContent(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for name, f := range sitetest.Content(t) {
		if strings.HasPrefix(name, "plans/") || strings.HasPrefix(name, "commentary/") || strings.HasPrefix(name, "sources/") || name == "published-urls.txt" {
			continue
		}
		out[name] = f
	}
	return out
}

// importKey imports the document of a key into the content, with a
// province entry pasted from what import prints when the province is
// missing, and checks the draft. It returns the checked plan.
func importKey(t testing.TB, content fstest.MapFS, f corpusFile, data []byte) (*draft.Draft, *model.Plan) {
	t.Helper()
	site, _ := build.Check(content)
	d, err := draft.Make(draft.Input{Name: f.name, Data: data, Site: site})
	if err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	after := maps.Clone(content)
	if d.ProvinceEntry != "" {
		after["provinces.yaml"] = &fstest.MapFile{Data: append(slices.Clone(content["provinces.yaml"].Data), []byte("\n"+d.ProvinceEntry)...)}
	}
	after["plans/"+d.ID+".yaml"] = &fstest.MapFile{Data: d.YAML}
	after["sources/"+d.SourceFile] = &fstest.MapFile{Data: d.Source}
	checked, problems := build.Check(after)
	if errs := errorsOnly(problems); len(errs) > 0 {
		t.Errorf("%s: check rejects the draft:\n%s", f.name, strings.Join(errs, "\n"))
		if testing.Verbose() {
			t.Logf("draft:\n%s", d.YAML)
		}
		return d, nil
	}
	return d, planOf(checked, d.ID)
}

// Thresholds of TestImportCorpus: the whole corpus, and each document.
var (
	corpusFloor = score{sameText: 98, sameRow: 95, sameLead: 92, samePartner: 88, sameTiming: 92, junk: 3}
	fileFloor   = score{sameText: 90, sameRow: 85, sameLead: 75, samePartner: 65, sameTiming: 75, junk: 10}
)

// TestImportCorpus imports every document of the corpus and scores the
// draft against its key: items with the same text, table rows read as
// rows, leads, partners and deadlines as the key gives them, and items
// that are not items at all (junk). It fails below the thresholds, for
// the corpus as a whole and for each document.
func TestImportCorpus(t *testing.T) {
	dir := *corpus
	if dir == "" {
		dir = filepath.Join(sitetest.Root(), "testdata", "import")
	}
	content := corpusContent(t)
	var total score
	report := []string{fmt.Sprintf("%-34s %s", "document", "scores")}
	for _, f := range corpusFiles(t, dir) {
		key, err := os.ReadFile(f.key)
		if err != nil {
			t.Fatal(err)
		}
		plain, items := answerKey(t, string(key))
		data := document(t, f, plain)
		_, p := importKey(t, content, f, data)
		if p == nil {
			continue
		}
		s := grade(p, items)
		for _, m := range registerMisses(p, string(key)) {
			t.Errorf("%s: %s", f.name, m)
		}
		total.add(s)
		report = append(report, fmt.Sprintf("%-34s %s", f.name, s))
		below := belowFloor(s, fileFloor)
		if below != "" {
			t.Errorf("%s: %s below the floor for one document (%s)", f.name, below, s)
		}
		if below != "" || testing.Verbose() {
			for _, m := range s.misses {
				t.Logf("  %s: %s", f.name, m)
			}
		}
	}
	report = append(report, fmt.Sprintf("%-34s %s", "all", total))
	t.Logf("\n%s", strings.Join(report, "\n"))
	if below := belowFloor(total, corpusFloor); below != "" {
		t.Errorf("the corpus scores %s below its floor (%s)", below, total)
	}
}

// belowFloor names the scores of s below the floor's percentages ("" when none).
func belowFloor(s, floor score) string {
	var out []string
	check := func(what string, got float64, want int, higherIsBetter bool) {
		if higherIsBetter && got < float64(want) || !higherIsBetter && got > float64(want) {
			out = append(out, fmt.Sprintf("%s %.0f%% (floor %d%%)", what, got, want))
		}
	}
	check("text", pct(s.sameText, s.items), floor.sameText, true)
	check("rows", pct(s.sameRow, s.rows), floor.sameRow, true)
	check("leads", pct(s.sameLead, s.leads), floor.sameLead, true)
	check("partners", pct(s.samePartner, s.partners), floor.samePartner, true)
	check("deadlines", pct(s.sameTiming, s.timings), floor.sameTiming, true)
	if s.drafted > 0 {
		check("junk", pct(s.junk, s.drafted), floor.junk, false)
	}
	return strings.Join(out, ", ")
}

// thanhHoaWord makes a Word file of Thanh Hóa's plan 208/KH-UBND from
// its text, as the office would have drafted it: labels by Word's list
// numbering, and the appendix, printed one cell a line, as a real
// table whose rows Word numbers, whose groups span the table, and whose
// lead, partners and timing cells are merged down where a run of rows
// shares them.
func thanhHoaWord(text string) ([]byte, error) {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\u00a0", " "), "\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	out := []string{"@wordlists"}
	i := 0
	for ; i < len(paras) && !strings.HasPrefix(paras[i], "PHỤ LỤC"); i++ {
		out = append(out, paras[i])
	}
	// The appendix's title, up to its header row.
	for ; i < len(paras) && paras[i] != "TT"; i++ {
		out = append(out, paras[i])
	}
	header := paras[i : i+5]
	out = append(out, "| "+strings.Join(header, " | ")+" |")
	i += 5
	for ; i+4 < len(paras) && paras[i] == "(1)"; i += 5 {
		out = append(out, "| "+strings.Join(paras[i:i+5], " | ")+" |")
	}
	var prev []string
	for i < len(paras) {
		p := paras[i]
		switch {
		case groupRowRe.MatchString(p + " "):
			out = append(out, "| "+p+" | | | | |")
			prev = nil
			i++
		case rowNoRe.MatchString(p) && i+4 < len(paras):
			row := slices.Clone(paras[i : i+5])
			cells := slices.Clone(row)
			for c := 2; c < 5; c++ {
				if prev != nil && prev[c] == row[c] {
					cells[c] = "^"
				}
			}
			out = append(out, "| "+strings.Join(cells, " | ")+" |")
			prev = row
			i += 5
		default:
			out = append(out, paras[i:]...)
			i = len(paras)
		}
	}
	return wordDocument(strings.Join(out, "\n"))
}

// TestThanhHoaWordMatchesText imports Thanh Hóa's plan 208/KH-UBND twice:
// from its text, and from a Word file of it whose labels are Word's list
// numbering and whose appendix is a table with numbered rows, groups
// spanning the table and merged cells (testdata/import, made by
// thanhHoaWord). The two drafts must give the same labels, leads,
// partners and deadlines to the same items, within 5%.
func TestThanhHoaWordMatchesText(t *testing.T) {
	content := sitetest.Content(t)
	before := withoutPlan(t, content, "thanh-hoa-208-2021")
	const name = "thanh-hoa-208-kh-ubnd-2021"
	word, err := os.ReadFile(filepath.Join(sitetest.Root(), "testdata", "import", name+".docx"))
	if err != nil {
		t.Fatal(err)
	}
	_, fromText := importKey(t, before, corpusFile{name: name + ".txt"}, content["sources/"+name+".txt"].Data)
	_, fromWord := importKey(t, before, corpusFile{name: name + ".docx"}, word)
	if fromText == nil || fromWord == nil {
		t.FailNow()
	}
	// The same item: the same text, and the same id where two items
	// share a text (a body task and the appendix row restating it).
	byText := map[string]*model.Item{}
	for _, it := range fromWord.Items {
		byText[it.Text.VI] = it
	}
	for _, it := range fromWord.Items {
		byText[it.ID+"\x00"+it.Text.VI] = it
	}
	fields := []struct {
		name string
		of   func(*model.Item) string
	}{
		{"label", func(it *model.Item) string { return it.Label }},
		{"lead", func(it *model.Item) string { return fmt.Sprint(agencyIDs(it.Lead)) }},
		{"partners", func(it *model.Item) string { return fmt.Sprint(agencyIDs(it.Partners)) }},
		{"deadline", func(it *model.Item) string { return timingWords(it.Timing) }},
	}
	missing := 0
	differ := make([]int, len(fields))
	for _, it := range fromText.Items {
		w, ok := byText[it.ID+"\x00"+it.Text.VI]
		if !ok {
			w, ok = byText[it.Text.VI]
		}
		if !ok {
			missing++
			t.Logf("the Word draft has no item %q (%s)", trim(it.Text.VI), it.ID)
			continue
		}
		for i, f := range fields {
			if f.of(it) != f.of(w) {
				differ[i]++
				t.Logf("%s: %s %q from the text, %q from the Word file", it.ID, f.name, f.of(it), f.of(w))
			}
		}
	}
	n := len(fromText.Items)
	t.Logf("%d items from the text, %d from the Word file; %d not in the Word draft", n, len(fromWord.Items), missing)
	if pct(missing, n) > 5 {
		t.Errorf("%d of %d items of the text import are not in the Word import (more than 5%%)", missing, n)
	}
	for i, f := range fields {
		t.Logf("%s: %d of %d differ (%.1f%%)", f.name, differ[i], n, pct(differ[i], n))
		if pct(differ[i], n) > 5 {
			t.Errorf("%s differs on %d of %d items (more than 5%%)", f.name, differ[i], n)
		}
	}
}

// registerMisses compares the plan's register with the key's "@expect
// FIELD: VALUE" lines: what the heading, the signature (a block or a
// table) and the "Xét đề nghị" line say.
func registerMisses(p *model.Plan, key string) []string {
	doc := p.Document
	got := map[string]string{
		"type": string(doc.Type), "number": doc.Number, "signer": doc.Signer, "role": doc.SignerRole.VI,
		"proposed_by": doc.ProposedBy.VI, "framework": p.FrameworkID, "province": p.ProvinceID,
		"bases": fmt.Sprint(len(doc.Bases)), "title": p.Title.VI,
	}
	if doc.HasDate {
		got["date"] = doc.Date.Format("2006-01-02")
	}
	var out []string
	for _, l := range strings.Split(key, "\n") {
		rest, ok := strings.CutPrefix(l, "@expect ")
		if !ok {
			continue
		}
		field, want, _ := strings.Cut(rest, ": ")
		if g, known := got[field]; !known {
			out = append(out, fmt.Sprintf("@expect names no field %q", field))
		} else if g != want {
			out = append(out, fmt.Sprintf("%s %q, want %q", field, g, want))
		}
	}
	return out
}
