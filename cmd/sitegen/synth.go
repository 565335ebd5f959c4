package main

import (
	"fmt"
	"io"

	"sitegen/internal/synth"
)

const synthHelp = `usage: sitegen synth -out DIR [-content DIR] [-provinces N] [-items N]

Synth writes a synthetic national content tree, for measuring the
build: N provinces with one plan each, generated from a fixed seed, with
the registries and standalone pages copied from a real content
directory. The output directory must not exist or must be empty. The
tree passes check.

examples:
  sitegen synth -out /tmp/national
  sitegen synth -provinces 34 -items 100 -out /tmp/national-100
`

func runSynth(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("synth", synthHelp)
	out := fl.String("out", "", "write the content tree into `DIR` (required)")
	content := fl.String("content", "content", "copy the registries from the content in `DIR`")
	provinces := fl.Int("provinces", 34, "give a plan to the first `N` provinces")
	items := fl.Int("items", 300, "give each plan `N` items")
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "sitegen synth: -out DIR is required (a new or empty directory to write the tree into)")
		return 2
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	if err := synth.Write(*out, root.FS(), synth.Options{Provinces: *provinces, Items: *items, Seed: 1}); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %d plans of %d items to %s\n", *provinces, *items, *out)
	return 0
}
