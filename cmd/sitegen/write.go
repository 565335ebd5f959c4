package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"sitegen/internal/guard"
)

// The policies of package guard for each file a command writes: what
// it is for, and so where it may write. Everything else is refused
// with status 2 before anything is written, unless the command's force
// flag says otherwise.

// exportPolicy is that of the XLIFF file of translations export -o: a
// file outside the content, new or an earlier export.
func exportPolicy(content string, force bool) guard.Policy {
	return guard.Policy{Content: content, Create: []guard.Kind{guard.Outside}, Replace: []guard.Kind{guard.Outside},
		What: "an XLIFF file", Ours: isXLIFF, ForceFlag: "-force", Force: force}
}

// importPolicy is that of import: a new plan and its new source text.
func importPolicy(content string, force bool) guard.Policy {
	return guard.Policy{Content: content, Create: []guard.Kind{guard.Plan, guard.Source},
		What: "the draft", ForceFlag: "-force", Force: force,
		Rename: map[guard.Kind]string{
			guard.Plan:   "pass -id ID to import it as another plan",
			guard.Source: "the text in sources/ differs from FILE: rename FILE",
		}}
}

// translationsPolicy is that of translations import: the English
// written into the plans and registries that hold the texts.
func translationsPolicy(content string) guard.Policy {
	return guard.Policy{Content: content, Replace: []guard.Kind{guard.Plan, guard.Registry}}
}

// recordPolicy is that of build -record: the record of published
// addresses, and nothing else.
func recordPolicy(content string) guard.Policy {
	return guard.Policy{Content: content, Create: []guard.Kind{guard.Record}, Replace: []guard.Kind{guard.Record}}
}

// profilePolicy is that of build -cpuprofile: a file outside the
// content, new or an earlier profile.
func profilePolicy(content string) guard.Policy {
	return guard.Policy{Content: content, Create: []guard.Kind{guard.Outside}, Replace: []guard.Kind{guard.Outside},
		What: "a CPU profile", Ours: isProfile}
}

// isXLIFF reports whether a file's first bytes are those of an XLIFF
// file.
func isXLIFF(head []byte) bool {
	return bytes.Contains(head, []byte("<xliff")) || bytes.Contains(head, []byte("x\x00l\x00i\x00f\x00f")) // UTF-16 too
}

// isProfile reports whether a file's first bytes are those of a
// profile, which pprof writes gzipped.
func isProfile(head []byte) bool { return bytes.HasPrefix(head, []byte{0x1f, 0x8b}) }

// refusedWrite reports err and returns the exit status: 2 for a write
// the rule refused, which touched nothing, 1 for any other failure.
func refusedWrite(stderr io.Writer, command string, err error) int {
	var re *guard.RefusedError
	if errors.As(err, &re) {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", command, err)
		return 2
	}
	return fail(stderr, err)
}
