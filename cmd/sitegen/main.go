// Command sitegen builds the bilingual website of provincial action plans
// from a content directory.
//
//	sitegen check [-content DIR]
//	sitegen build [-content DIR] [-out DIR] [-baseurl URL] [-theme DIR]
//
// check validates the content and reports every problem with its file
// and line. build validates, then writes the site; on any error it exits
// with status 1 and leaves the output directory as it was.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"os"

	"sitegen"
	"sitegen/internal/build"
	"sitegen/internal/diag"
	"sitegen/internal/load"
	"sitegen/internal/output"
	published "sitegen/internal/record"
	"sitegen/internal/serve"
	"sitegen/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  sitegen check [-content DIR]
  sitegen build [-content DIR] [-out DIR] [-baseurl URL] [-theme DIR] [-record] [-no-wait]
  sitegen serve [-content DIR] [-theme DIR] [-addr 127.0.0.1:8080]
  sitegen synth [-provinces P] [-items T] [-content DIR] -out DIR
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fl := flag.NewFlagSet("sitegen "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	content := fl.String("content", "content", "content directory")
	out := fl.String("out", "public", "output directory")
	baseURL := fl.String("baseurl", "/", "address the site is published at, e.g. https://portal.example.gov.vn/asean/")
	theme := fl.String("theme", "", "directory whose templates/ and assets/ files replace the built-in ones")
	record := fl.Bool("record", false, "after building, add every address of the site to the content's "+load.PublishedFile)
	noWait := fl.Bool("no-wait", false, "build: fail at once if another build is writing the same output, instead of waiting for it")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the command to this file")
	provinces := fl.Int("provinces", 34, "synth: number of provinces")
	items := fl.Int("items", 300, "synth: items per plan")
	addr := fl.String("addr", "127.0.0.1:8080", "serve: address to listen on (loopback unless you mean to share the preview)")
	switch cmd {
	case "check", "build", "synth", "serve":
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "sitegen: unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "sitegen %s: unexpected argument %q\n%s", cmd, fl.Arg(0), usage)
		return 2
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "sitegen: content directory %q not found (run from the project directory or pass -content DIR)\n", *content)
		return 1
	}
	// os.Root refuses paths that leave the directory, symbolic links
	// included, so no file outside content/ can reach the site.
	root, err := os.OpenRoot(*content)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen: %v\n", err)
		return 1
	}
	defer root.Close()
	contentFS := root.FS()

	if cmd == "serve" {
		themeDir := *theme
		if themeDir == "" {
			if st, err := os.Stat("templates"); err == nil && st.IsDir() {
				themeDir = "." // editing the project's own theme
			}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err := serve.Serve(ctx, serve.Options{ContentDir: *content, ThemeDir: themeDir, Theme: sitegen.Theme, Addr: *addr,
			Log: log.New(stderr, "sitegen: ", 0)}, nil)
		if err != nil {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
			return 1
		}
		return 0
	}
	if cmd == "synth" {
		if err := synth.Write(*out, contentFS, synth.Options{Provinces: *provinces, Items: *items, Seed: 1}); err != nil {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d plans of %d items to %s\n", *provinces, *items, *out)
		return 0
	}
	if cmd == "check" {
		_, problems := build.Check(contentFS)
		report(stderr, *content, problems)
		if problems.HasErrors() {
			return 1
		}
		fmt.Fprintln(stdout, "content is valid")
		return 0
	}

	opts := build.Options{Content: contentFS, Theme: sitegen.Theme, Out: *out, BaseURL: *baseURL,
		ContentDir: *content, ThemeDir: *theme, NoWait: *noWait,
		Waiting: func() { fmt.Fprintf(stderr, "sitegen: another build is writing %s; waiting for it to finish\n", *out) }}
	if *theme != "" {
		themeRoot, err := os.OpenRoot(*theme)
		if err != nil {
			fmt.Fprintf(stderr, "sitegen: theme directory: %v\n", err)
			return 1
		}
		defer themeRoot.Close()
		opts.Override = themeRoot.FS()
	}
	sum, problems, err := build.Build(opts)
	report(stderr, *content, problems)
	if err != nil {
		var le *diag.ListError
		if !errors.As(err, &le) {
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
		}
		var refused *output.RefusedError
		if errors.As(err, &refused) {
			return 2
		}
		var rollback *output.RollbackError
		if !errors.As(err, &rollback) {
			fmt.Fprintf(stderr, "sitegen: build failed; %s was not changed\n", *out)
		}
		return 1
	}
	for _, p := range sum.Plans {
		fmt.Fprintf(stdout, "%-28s %4d items, %d without English\n", p.ID, p.Items, p.Untranslated)
	}
	fmt.Fprintf(stdout, "wrote %d pages (%d files, %d bytes) to %s in %v\n", sum.Pages, sum.Files, sum.Bytes, *out, sum.Duration.Round(1e6))
	if *record {
		added, err := published.Update(root, sum.Addresses)
		if err != nil {
			fmt.Fprintf(stderr, "sitegen: recording addresses: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "recorded %d new addresses in %s\n", added, joinPath(*content, load.PublishedFile))
	}
	return 0
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
