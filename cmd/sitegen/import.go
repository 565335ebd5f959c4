package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sitegen/internal/build"
	"sitegen/internal/chars"
	"sitegen/internal/diag"
	"sitegen/internal/draft"
	"sitegen/internal/guard"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

const importHelp = `usage: sitegen import [-content DIR] [-id ID] [-province ID] [-framework ID] [-force] [-clean] FILE

Import reads a plan's text (FILE: UTF-8 text copied from a legal register
page or a portal, or a .docx) and writes a draft plan file DIR/plans/ID.yaml,
with the text copied to DIR/sources/. The draft has the register block,
the outline, every item's Vietnamese text, and the agencies and timing
the text names; lines marked "# guess" need checking, and the English is
to be added. A summary on stderr says what it read and what it could not
place, with line numbers. It overwrites no plan file, and no other text
in sources/, and writes through no symbolic link, unless given -force;
a refusal exits with status 2 and writes nothing. A text holding control
or invisible characters is refused, with their lines, unless -clean
leaves them out. The draft is checked as check would check it: if check
would refuse it, it is written all the same and the problems are listed
with their lines, and the command fails.

examples:
  sitegen import ke-hoach-12-kh-ubnd-2026.txt
  sitegen import -province tra-vinh -id tra-vinh-2021 ban-tin.txt
  sitegen check
`

// runImport is the `sitegen import` command.
func runImport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("import", importHelp)
	content := fl.String("content", "content", "write into the content of `DIR`")
	id := fl.String("id", "", "the plan's `ID` (default: from its province, number and year)")
	province := fl.String("province", "", "the plan's province `ID` (default: the one the text names)")
	framework := fl.String("framework", "", "the `ID` of the framework the plan implements (default: the one the text cites)")
	force := fl.Bool("force", false, "overwrite the plan file and the source text if they exist")
	clean := fl.Bool("clean", false, "leave out the control and invisible characters the text holds, saying on which lines, instead of refusing it")
	if code, ok := parse(fl, args, 1, stdout, stderr); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "sitegen import: give the FILE to import\nrun \"sitegen help import\" for its flags and examples\n")
		return 2
	}
	file := fl.Arg(0)
	if *id != "" && !load.ValidID(*id) {
		fmt.Fprintf(stderr, "sitegen import: -id %q is not valid (use lowercase ASCII letters, digits and hyphens, e.g. \"thanh-hoa-208-2021\")\n", *id)
		return 2
	}
	if info, err := os.Stat(file); err == nil && !strings.EqualFold(filepath.Ext(file), ".docx") && info.Size() > load.MaxFileSize {
		// its copy in sources/ would fail check
		return fail(stderr, fmt.Errorf("%s is %d bytes, more than the %d a source text may have: import the plan's own text, without what surrounds it", file, info.Size(), load.MaxFileSize))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fail(stderr, err)
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	// The content's agencies, provinces and frameworks; problems in other
	// files are for `sitegen check` to report.
	site, _ := load.Load(root.FS())
	if msg := unknownRef(site, *province, *framework); msg != "" {
		fmt.Fprintf(stderr, "sitegen import: %s\n", msg)
		return 2
	}

	start := time.Now()
	in := draft.Input{Name: filepath.Base(file), Data: data, Site: site, ID: *id, Province: *province, Framework: *framework}
	d, err := draft.Make(in)
	if err != nil {
		return fail(stderr, err)
	}
	// The character rule, on the text as read (a .docx's too), with the
	// lines of the copy in sources/.
	bad := refusedChars(d.Source)
	if len(bad) > 0 && !*clean {
		for _, b := range bad {
			fmt.Fprintf(stderr, "%s:%d: %s is not allowed (%s)\n", file, b.line, chars.Describe(b.r), chars.Hint(b.r))
		}
		return fail(stderr, fmt.Errorf("%s holds %d control or invisible character(s), listed above: delete them, or pass -clean to leave them out of the draft and its source text; nothing was written", file, len(bad)))
	}
	if len(bad) > 0 {
		// the draft is made again from the text without them, as if
		// it had been given so
		in.Name, in.Data = d.SourceFile, []byte(chars.Remove(string(d.Source)))
		if d, err = draft.Make(in); err != nil {
			return fail(stderr, err)
		}
	}
	planFile := "plans/" + d.ID + ".yaml"
	srcFile := "sources/" + d.SourceFile
	files := []guard.File{{Path: joinPath(*content, planFile), Data: d.YAML}}
	writeSource := true
	if old, err := root.ReadFile(srcFile); err == nil &&
		(bytes.Equal(bytes.TrimPrefix(old, []byte("\ufeff")), d.Source) || bytes.Equal(old, data)) {
		writeSource = false // the same text is already there
	}
	if writeSource {
		files = append(files, guard.File{Path: joinPath(*content, srcFile), Data: d.Source})
	}
	policy := importPolicy(*content, *force)
	if err := guard.Check(policy, files...); err != nil {
		return refusedWrite(stderr, "import", err)
	}
	// What check would say of the content with the draft in it. The
	// draft is written all the same, to be corrected where it says.
	changed := map[string][]byte{planFile: d.YAML}
	if writeSource {
		changed[srcFile] = d.Source
	}
	added := build.CheckChange(root.FS(), changed)
	if err := guard.Write(policy, files...); err != nil {
		return refusedWrite(stderr, "import", err)
	}
	fmt.Fprintf(stderr, "sitegen import: read %s in %v\n", file, time.Since(start).Round(time.Millisecond))
	d.Report.Write(stderr, joinPath(*content, srcFile))
	fmt.Fprintf(stdout, "wrote %s\n", joinPath(*content, planFile))
	if writeSource {
		fmt.Fprintf(stdout, "wrote %s\n", joinPath(*content, srcFile))
	}
	for _, b := range bad {
		fmt.Fprintf(stderr, "  left out: %s:%d: %s\n", joinPath(*content, srcFile), b.line, chars.Describe(b.r))
	}
	if added.HasErrors() {
		errs := &diag.List{}
		for _, p := range added.Problems() {
			if p.Severity == diag.Error {
				errs.Errorf(p.Pos, p.Hint, "%s", p.Msg)
			}
		}
		report(stderr, *content, errs)
		return fail(stderr, fmt.Errorf("the draft was written, but check refuses it: correct it where the lines above say, then run sitegen check -content %s", *content))
	}
	fmt.Fprintf(stdout, "next: sitegen check -content %s\n", *content)
	return 0
}

// refusedChar is a character of a text the rule of package chars
// refuses, and its line.
type refusedChar struct {
	line int
	r    rune
}

// refusedChars lists the refused characters of text, one per line
// (the first), at most 20 lines.
func refusedChars(text []byte) []refusedChar {
	var out []refusedChar
	for i, l := range strings.Split(string(text), "\n") {
		if r, at := chars.Find(l); at >= 0 {
			if out = append(out, refusedChar{i + 1, r}); len(out) == 20 {
				break
			}
		}
	}
	return out
}

// unknownRef checks the ids given on the command line against the
// content, so that a typo fails before anything is written.
func unknownRef(site *model.Site, province, framework string) string {
	if province != "" {
		var ids []string
		for _, p := range site.Provinces {
			ids = append(ids, p.ID)
			if p.ID == province {
				ids = nil
				break
			}
		}
		if ids != nil {
			return fmt.Sprintf("province %q is not in provinces.yaml%s", province, didYouMean(province, ids))
		}
	}
	if framework != "" {
		var ids []string
		for _, f := range site.Frameworks {
			ids = append(ids, f.ID)
			if f.ID == framework {
				ids = nil
				break
			}
		}
		if ids != nil {
			return fmt.Sprintf("framework %q is not in frameworks.yaml%s", framework, didYouMean(framework, ids))
		}
	}
	return ""
}

func didYouMean(s string, ids []string) string {
	if c := load.Closest(s, ids); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
