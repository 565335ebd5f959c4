package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"sitegen/internal/draft"
	"sitegen/internal/load"
	"sitegen/internal/model"
)

const importUsage = `usage: sitegen import [-content DIR] [-id ID] [-province ID] [-framework ID] [-force] FILE

Reads a plan's text (FILE: UTF-8 text copied from a legal register page or
a portal, or a .docx) and writes a draft plan file DIR/plans/ID.yaml, with
the text copied to DIR/sources/. The draft has the register block, the
outline, every item's Vietnamese text, the agencies and timings it could
read; lines marked "# guess" need checking, and the English is to be
added. A summary on stderr says what it read and what it could not place.

Next: sitegen check -content DIR

flags:
`

// runImport is the `sitegen import` command.
func runImport(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("sitegen import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), importUsage)
		fl.PrintDefaults()
	}
	content := fl.String("content", "content", "content directory")
	id := fl.String("id", "", "the plan's id (default: from its province, number and year)")
	province := fl.String("province", "", "the plan's province id (default: the one the text names)")
	framework := fl.String("framework", "", "the framework id the plan implements (default: the one the text cites)")
	force := fl.Bool("force", false, "overwrite the plan file and the source if they exist")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fl.SetOutput(stdout)
			fl.Usage()
			return 0
		}
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "sitegen import: give one FILE to import\n")
		fl.Usage()
		return 2
	}
	file := fl.Arg(0)
	if *id != "" && !load.ValidID(*id) {
		fmt.Fprintf(stderr, "sitegen import: id %q is not valid (use lowercase ASCII letters, digits and hyphens, e.g. \"thanh-hoa-208-2021\")\n", *id)
		return 2
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen import: %v\n", err)
		return 1
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "sitegen import: content directory %q not found (run from the project directory or pass -content DIR)\n", *content)
		return 1
	}
	root, err := os.OpenRoot(*content)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen import: %v\n", err)
		return 1
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
	d, err := draft.Make(draft.Input{Name: filepath.Base(file), Data: data, Site: site, ID: *id, Province: *province, Framework: *framework})
	if err != nil {
		fmt.Fprintf(stderr, "sitegen import: %v\n", err)
		return 1
	}
	planFile := "plans/" + d.ID + ".yaml"
	srcFile := "sources/" + d.SourceFile
	if _, err := root.Stat(planFile); err == nil && !*force {
		fmt.Fprintf(stderr, "sitegen import: %s already exists; pass -force to overwrite it, or -id ID to import as another plan\n", joinPath(*content, planFile))
		return 1
	}
	writeSource := true
	if old, err := root.ReadFile(srcFile); err == nil {
		switch {
		case bytes.Equal(bytes.TrimPrefix(old, []byte("\ufeff")), d.Source) || bytes.Equal(old, data):
			writeSource = false // the same text is already there
		case !*force:
			fmt.Fprintf(stderr, "sitegen import: %s already exists with other text; pass -force to overwrite it, or rename FILE\n", joinPath(*content, srcFile))
			return 1
		}
	}
	if err := root.MkdirAll("plans", 0o755); err != nil {
		fmt.Fprintf(stderr, "sitegen import: %v\n", err)
		return 1
	}
	if err := root.MkdirAll("sources", 0o755); err != nil {
		fmt.Fprintf(stderr, "sitegen import: %v\n", err)
		return 1
	}
	if writeSource {
		if err := writeFile(root, srcFile, d.Source); err != nil {
			fmt.Fprintf(stderr, "sitegen import: writing %s: %v\n", joinPath(*content, srcFile), err)
			return 1
		}
	}
	if err := writeFile(root, planFile, d.YAML); err != nil {
		fmt.Fprintf(stderr, "sitegen import: writing %s: %v\n", joinPath(*content, planFile), err)
		return 1
	}
	fmt.Fprintf(stderr, "sitegen import: read %s in %v\n", file, time.Since(start).Round(time.Millisecond))
	d.Report.Write(stderr, joinPath(*content, srcFile))
	fmt.Fprintf(stdout, "wrote %s\n", joinPath(*content, planFile))
	if writeSource {
		fmt.Fprintf(stdout, "wrote %s\n", joinPath(*content, srcFile))
	}
	fmt.Fprintf(stdout, "next: sitegen check -content %s\n", *content)
	return 0
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

// writeFile writes name below root through a temporary file, so that an
// interrupted import leaves no half-written file.
func writeFile(root *os.Root, name string, data []byte) error {
	tmp := name + ".tmp"
	if err := root.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := root.Rename(tmp, name); err != nil {
		_ = root.Remove(tmp)
		return err
	}
	return nil
}
