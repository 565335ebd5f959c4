package main

import (
	"fmt"
	"io"
	"math"
	"os"

	"sitegen/internal/build"
	"sitegen/internal/diag"
	"sitegen/internal/guard"
	"sitegen/internal/translation"
)

const translationsHelp = `usage: sitegen translations export|import [flags] [FILE]

Translations takes the site's texts to translators and back, as XLIFF 1.2
files, which translation tools (OmegaT, Trados, memoQ, Weblate) read and
write.

  sitegen translations export [-content DIR] [-plan ID] [-all] [-o FILE] [-force]
      writes the texts that need English: none yet, or English made from
      an earlier Vietnamese.
  sitegen translations import [-content DIR] FILE
      writes the translations of FILE back into the content files, with
      en_of, the fingerprint of the Vietnamese each translates; it changes
      nothing if any unit does not match the content.

"sitegen translations export -h" and "sitegen translations import -h"
print their flags.

examples:
  sitegen translations export -plan quang-nam-2021-2025 -o quang-nam.xlf
  sitegen translations import quang-nam.xlf
`

const translationsExportHelp = `usage: sitegen translations export [-content DIR] [-plan ID] [-all] [-o FILE] [-force]

Export writes the texts that need English (none yet, or English made
from an earlier Vietnamese) as an XLIFF 1.2 file: source language vi,
target language en, each unit's id the text's place in the content
(plans/ID/ITEM-ID/text), the glossary's renderings of its terms as notes.
When no text needs English it writes nothing.

-o FILE names a new file, or an earlier XLIFF file to replace, outside
the content directory: a FILE in the content, a file of another kind or
a symbolic link is refused with status 2, and nothing is written,
unless -force is given.

examples:
  sitegen translations export -o todo.xlf
  sitegen translations export -plan quang-nam-2021-2025 -all -o review.xlf
`

const translationsImportHelp = `usage: sitegen translations import [-content DIR] FILE

Import writes the English of a translated XLIFF 1.2 file into the content
files, each beside its Vietnamese with en_of, the fingerprint of that
Vietnamese; nothing else in the files changes. If any unit does not match
the content (an unknown id, a source that is not the current Vietnamese,
other languages) it lists them and changes nothing.

examples:
  sitegen translations import todo.xlf
  sitegen translations import -content ../other/content review.xlf
`

// runTranslations runs "sitegen translations export|import".
func runTranslations(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("translations", translationsHelp)
	if code, ok := parse(fl, args, math.MaxInt, stdout, stderr); !ok {
		return code
	}
	if fl.NArg() == 0 {
		fmt.Fprint(stderr, translationsHelp)
		return 2
	}
	switch fl.Arg(0) {
	case "export":
		return runTranslationsExport(fl.Args()[1:], stdout, stderr)
	case "import":
		return runTranslationsImport(fl.Args()[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "sitegen translations: unknown command %q (export or import)\n", fl.Arg(0))
	return 2
}

func runTranslationsExport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("translations export", translationsExportHelp)
	content := fl.String("content", "content", "read the content from `DIR`")
	plan := fl.String("plan", "", "export only the texts of the plan with this `ID`")
	all := fl.Bool("all", false, "export every text, for review, not only those that need English")
	out := fl.String("o", "", "write the XLIFF file to `FILE` instead of standard output")
	force := fl.Bool("force", false, "write FILE even inside the content directory, over a file that is not XLIFF, or in place of a symbolic link")
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	policy := exportPolicy(*content, *force)
	if *out != "" {
		// refused before the work, as after it
		if err := guard.Check(policy, guard.File{Path: *out}); err != nil {
			return refusedWrite(stderr, "translations export", err)
		}
	}
	ex, err := translation.Export(root.FS(), translation.ExportOptions{Plan: *plan, All: *all})
	if err != nil {
		return fail(stderr, err)
	}
	if ex.Units == 0 {
		fmt.Fprintln(stderr, "every text has English made from its current Vietnamese: nothing to translate (-all exports every text for review)")
		return 0
	}
	if *out == "" {
		if _, err := stdout.Write(ex.XLIFF); err != nil {
			return fail(stderr, err)
		}
	} else if err := guard.Write(policy, guard.File{Path: *out, Data: ex.XLIFF}); err != nil {
		return refusedWrite(stderr, "translations export", err)
	}
	fmt.Fprintf(stderr, "exported %d text(s) from %d file(s): %d without English, %d whose Vietnamese changed since it was translated\n",
		ex.Units, ex.Files, ex.Missing, ex.Outdated)
	return 0
}

func runTranslationsImport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("translations import", translationsImportHelp)
	content := fl.String("content", "content", "write into the content in `DIR`")
	if code, ok := parse(fl, args, 1, stdout, stderr); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fmt.Fprint(stderr, "sitegen translations import: give the translated XLIFF file\nrun \"sitegen translations import -h\" for its flags and examples\n")
		return 2
	}
	file := fl.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		return fail(stderr, err)
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	res, err := translation.Import(root.FS(), file, data)
	if err != nil {
		return fail(stderr, err)
	}
	files := make([]guard.File, len(res.Files))
	changed := map[string][]byte{}
	for i, f := range res.Files {
		files[i] = guard.File{Path: joinPath(*content, f.Name), Data: f.Data}
		changed[f.Name] = f.Data
	}
	if err := guard.Check(translationsPolicy(*content), files...); err != nil {
		return refusedWrite(stderr, "translations import", err)
	}
	// What check would say once the English is in: an error refuses
	// the unit it comes from, and the file, before anything is written.
	added := build.CheckChange(root.FS(), changed)
	if added.HasErrors() {
		ref := &translation.Refusal{File: file}
		for _, p := range added.Problems() {
			if p.Severity != diag.Error {
				continue
			}
			unit := res.UnitAt(p.Pos.File, p.Pos.Line)
			p.Pos.File = joinPath(*content, p.Pos.File)
			if unit == "" {
				ref.Problems = append(ref.Problems, "check would refuse the content: "+p.String())
				continue
			}
			ref.Problems = append(ref.Problems, fmt.Sprintf("unit %q: target: check would refuse it: %s", unit, p.String()))
		}
		return fail(stderr, ref)
	}
	if err := guard.Write(translationsPolicy(*content), files...); err != nil {
		return refusedWrite(stderr, "translations import", err)
	}
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "wrote %s\n", joinPath(*content, f.Name))
	}
	report(stderr, *content, added) // warnings, such as a rendering the glossary avoids
	fmt.Fprintf(stdout, "%d translation(s) written, %d already there, %d without a target, %d still to review\n",
		res.Written, res.Unchanged, res.Empty, res.Unreviewed)
	return 0
}
