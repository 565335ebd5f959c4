// Command sitegen builds the bilingual website of provincial action plans
// from a content directory.
//
//	sitegen check [-content DIR]
//	sitegen build [-content DIR] [-out DIR] [-baseurl URL] [-theme DIR] [-record] [-cpuprofile FILE]
//	sitegen serve [-content DIR] [-theme DIR] [-addr HOST:PORT]
//	sitegen synth -out DIR [-content DIR] [-provinces N] [-items N]
//	sitegen version
//	sitegen help [COMMAND]
//
// check validates the content and reports every problem with its file
// and line. build validates, then writes the site; on any error it exits
// with status 1 and leaves the output directory as it was. A mistake in
// the command line exits with status 2. `sitegen help COMMAND` prints a
// command's flags and examples.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sitegen/internal/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand: its name, the line the list of commands
// shows, and the function that parses its own flags and runs it,
// returning the exit status.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order the usage shows them, one
// line each. It is a function, not a variable, because help lists this
// table: a variable naming runHelp would depend on itself.
func commands() []command {
	return []command{
		{"check", "validate the content and report every problem", runCheck},
		{"build", "validate the content, then write the site", runBuild},
		{"serve", "preview the site, reloaded on every save", runServe},
		{"synth", "write a synthetic national content tree, for measuring", runSynth},
		{"import", "read a plan's text or .docx into a draft plan file", runImport},
		{"translations", "exchange the texts with translators as XLIFF 1.2 files", runTranslations},
		{"version", "print the version and the revision it was built from", runVersion},
		{"help", "list the commands, or print the flags and examples of one", runHelp},
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run dispatches to a subcommand and returns the exit status: 0 on
// success, 1 when the work failed, 2 when the command line is wrong.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return runHelp(args[1:], stdout, stderr)
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "sitegen: unknown command %q\n", args[0])
		printUsage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `usage: sitegen COMMAND [flags]

Sitegen builds the bilingual (Vietnamese and English) website of
provincial action plans from a content directory.

commands:
`)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, "\n\"sitegen help COMMAND\" or \"sitegen COMMAND -h\" prints a command's flags and examples.\n")
}

const helpHelp = `usage: sitegen help [COMMAND]

Help lists the commands, or prints the flags and examples of one.

examples:
  sitegen help
  sitegen help build
`

func runHelp(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("help", helpHelp)
	if code, ok := parse(fl, args, 1, stdout, stderr); !ok {
		return code
	}
	if fl.NArg() == 0 {
		printUsage(stdout)
		return 0
	}
	c, ok := lookup(fl.Arg(0))
	if !ok {
		fmt.Fprintf(stderr, "sitegen: unknown command %q\n", fl.Arg(0))
		printUsage(stderr)
		return 2
	}
	return c.run([]string{"-h"}, stdout, stderr)
}

// newFlagSet returns the flag set of one subcommand. help is its text up
// to the list of flags: the synopsis on the first line, what the command
// does, and examples.
func newFlagSet(name, help string) *flag.FlagSet {
	fl := flag.NewFlagSet("sitegen "+name, flag.ContinueOnError)
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), help)
		flags := 0
		fl.VisitAll(func(*flag.Flag) { flags++ })
		if flags > 0 {
			fmt.Fprint(fl.Output(), "\nflags:\n")
			fl.PrintDefaults()
		}
	}
	return fl
}

// parse parses a subcommand's arguments, allowing at most maxArgs
// positional ones. When ok is false the command is over and code is its
// exit status: 0 after -h, whose help goes to stdout alone, or 2 after a
// mistake, reported on stderr with the command's synopsis.
func parse(fl *flag.FlagSet, args []string, maxArgs int, stdout, stderr io.Writer) (code int, ok bool) {
	help := fl.Usage
	fl.Usage = func() {} // the flag package calls it on every error; the cases below choose
	fl.SetOutput(stderr)
	err := fl.Parse(args)
	fl.Usage = help
	switch {
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(stdout)
		fl.Usage()
		return 0, false
	case err != nil: // the flag package has printed it
	case fl.NArg() > maxArgs:
		fmt.Fprintf(stderr, "%s: unexpected argument %q (settings are given as flags, before any argument)\n", fl.Name(), fl.Arg(maxArgs))
	default:
		return 0, true
	}
	var out strings.Builder
	fl.SetOutput(&out)
	fl.Usage()
	synopsis, _, _ := strings.Cut(out.String(), "\n")
	fmt.Fprintf(stderr, "%s\nrun \"sitegen help %s\" for its flags and examples\n", synopsis, strings.TrimPrefix(fl.Name(), "sitegen "))
	return 2, false
}

// fail reports an error that stopped a command and returns its status.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "sitegen: %v\n", err)
	return 1
}

// report prints problems with paths relative to the working directory,
// so that editors can jump to them.
func report(w io.Writer, contentDir string, problems *diag.List) {
	errs, warns := problems.Count()
	for _, p := range problems.Problems() {
		p.Pos.File = joinPath(contentDir, p.Pos.File)
		fmt.Fprintln(w, p.String())
	}
	if errs+warns > 0 {
		fmt.Fprintf(w, "%d error(s), %d warning(s)\n", errs, warns)
	}
}

func joinPath(dir, file string) string {
	if dir == "." || dir == "" {
		return file
	}
	return dir + "/" + file
}
