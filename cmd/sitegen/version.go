package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

const versionHelp = `usage: sitegen version

Version prints the version of this program, the revision of the
repository it was built from, whether that revision had uncommitted
changes, and the Go version. A program run with "go run", or built
where the revision is not known, says "(devel)" and "unknown".

examples:
  sitegen version
`

func runVersion(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("version", versionHelp)
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	info, _ := debug.ReadBuildInfo() // nil without build information
	fmt.Fprint(stdout, versionText(info))
	return 0
}

// versionText describes the build; info is nil when the program carries
// no build information.
func versionText(info *debug.BuildInfo) string {
	version, revision, modified, goVersion := "(devel)", "unknown", "unknown", runtime.Version()
	if info != nil {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
	}
	return fmt.Sprintf("sitegen %s\nrevision: %s\nmodified: %s\ngo: %s\n", version, revision, modified, goVersion)
}
