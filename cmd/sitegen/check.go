package main

import (
	"fmt"
	"io"

	"sitegen/internal/build"
)

const checkHelp = `usage: sitegen check [-content DIR]

Check loads the content and reports every problem with its file and
line, all at once, without writing anything. It exits with status 1 if
there is an error; warnings alone do not fail it.

examples:
  sitegen check
  sitegen check -content ../other/content
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("check", checkHelp)
	content := fl.String("content", "content", "read the content from `DIR`")
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	_, problems := build.Check(root.FS())
	report(stderr, *content, problems)
	if problems.HasErrors() {
		return 1
	}
	fmt.Fprintln(stdout, "content is valid")
	return 0
}
