package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"sitegen"
	"sitegen/internal/build"
	"sitegen/internal/diag"
	"sitegen/internal/guard"
	"sitegen/internal/load"
	"sitegen/internal/manifest"
	"sitegen/internal/output"
	published "sitegen/internal/record"
	"sitegen/internal/theme"
)

const buildHelp = `usage: sitegen build [-content DIR] [-out DIR] [-baseurl URL] [-theme DIR] [-record] [-no-wait] [-cpuprofile FILE]

Build checks the content as check does, then writes the site in both
languages into the output directory, replacing it in one step. On any
error it exits with status 1 and leaves the output directory as it was.

The site is built for the address given with -baseurl, else for the url
in the content's site.yaml, else for the root path of a local preview
(then sitemap, feeds and canonical links have no host, and a warning
says so).

The output directory is only ever a site written before or nothing: an
-out that is the content or theme directory, holds one, lies inside the
content, is a file, or holds files no build wrote is refused with status
2 before anything is written. One build writes an output at a time; a
second waits for it, or with -no-wait fails at once.

examples:
  sitegen build
  sitegen build -baseurl https://portal.example.gov.vn/asean/
  sitegen build -theme mytheme -out /srv/www/asean
  sitegen build -record    # then commit content/published-urls.txt
`

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("build", buildHelp)
	content := fl.String("content", "content", "read the content from `DIR`")
	out := fl.String("out", "public", "write the site into `DIR`")
	baseURL := fl.String("baseurl", "", "the address `URL` the site is published at, e.g. https://portal.example.gov.vn/asean/ (default: url in site.yaml, else /)")
	themeDir := fl.String("theme", "", themeUsage)
	record := fl.Bool("record", false, "after building, add every address of the site to the content's "+load.PublishedFile)
	noWait := fl.Bool("no-wait", false, "fail at once if another build is writing the same output, instead of waiting for it")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the build to `FILE`")
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	tuneGC()
	recordFile := guard.File{Path: joinPath(*content, load.PublishedFile)}
	if *record {
		if err := guard.Check(recordPolicy(*content), recordFile); err != nil {
			return refusedWrite(stderr, "build", err)
		}
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile, *content)
		if err != nil {
			return refusedWrite(stderr, "build", err)
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(stderr, "sitegen: writing the CPU profile: %v\n", err)
			}
		}()
	}
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	defer root.Close()
	var base manifest.Base // the zero Base: the content's own address
	if *baseURL != "" {
		if base, err = manifest.ParseBase(*baseURL); err != nil {
			fmt.Fprintf(stderr, "sitegen build: %v\n", err)
			return 2
		}
	}
	opts := build.Options{Content: root.FS(), Out: *out, Base: base,
		LoadTheme:  func() (*theme.Theme, error) { return loadTheme(*themeDir) },
		ContentDir: *content, ThemeDir: *themeDir, NoWait: *noWait,
		Waiting: func() { fmt.Fprintf(stderr, "sitegen: another build is writing %s; waiting for it to finish\n", *out) }}
	sum, problems, err := build.Build(opts)
	if te := (*build.ThemeError)(nil); errors.As(err, &te) {
		return fail(stderr, te.Err)
	}
	report(stderr, *content, problems)
	if err != nil {
		var le *diag.ListError
		if !errors.As(err, &le) { // a list of problems is already reported
			fmt.Fprintf(stderr, "sitegen: %v\n", err)
		}
		var refused *output.RefusedError
		if errors.As(err, &refused) {
			return 2
		}
		var rollback *output.RollbackError
		if !errors.As(err, &rollback) { // which says where the sites are
			fmt.Fprintf(stderr, "sitegen: build failed; %s was not changed\n", *out)
		}
		return 1
	}
	for _, p := range sum.Plans {
		fmt.Fprintf(stdout, "%-28s %4d items, %d without English\n", p.ID, p.Items, p.Untranslated)
	}
	fmt.Fprintf(stdout, "wrote %d pages (%d files, %d bytes) to %s in %v\n", sum.Pages, sum.Files, sum.Bytes, *out, sum.Duration.Round(1e6))
	if *record {
		old, err := root.ReadFile(load.PublishedFile)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail(stderr, fmt.Errorf("recording addresses: %w", err))
		}
		data, added := published.Update(old, sum.Addresses)
		if data != nil {
			recordFile.Data = data
			if err := guard.Write(recordPolicy(*content), recordFile); err != nil {
				return refusedWrite(stderr, "build", fmt.Errorf("recording addresses: %w", err))
			}
		}
		fmt.Fprintf(stdout, "recorded %d new addresses in %s\n", added, recordFile.Path)
	}
	return 0
}

// tuneGC sets a soft memory limit, under which the collector works
// harder before the process nears the 512 MiB a build may use. At a
// limit of 320 MiB the runtime spent a national build handing pages back
// to the system and faulting them in again; at 416 MiB it peaks near
// 400 MiB. The collector otherwise keeps Go's default pace (GOGC 100):
// letting the heap grow to five times what is live (GOGC 400) gave the
// national site the same wall time in 4 interleaved pairs and the real
// site 1.1x the wall time and 1.6x the memory, since every page of fresh
// heap costs a page fault on first touch. GOMEMLIMIT, when set, wins.
func tuneGC() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(416 << 20)
	}
}

// openContent opens the content directory. os.Root refuses paths that
// leave the directory, symbolic links included, so no file outside it
// can reach the site.
func openContent(dir string) (*os.Root, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("content directory %q not found (run from the project directory or pass -content DIR)", dir)
	}
	return os.OpenRoot(dir)
}

const themeUsage = "overlay the built-in theme with the templates/ and assets/ files of `DIR`"

// openTheme opens the directory given with -theme, whose templates/ and
// assets/ files replace the built-in theme's files of the same name.
// build and serve both call it, so that they render the same theme. No
// directory means the built-in theme alone, and a nil root.
func openTheme(dir string) (*os.Root, error) {
	if dir == "" {
		return nil, nil
	}
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("theme directory %q not found (pass -theme DIR with a directory holding templates/ or assets/, or leave -theme out for the built-in theme)", dir)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("theme directory %q: %v (pass -theme DIR with a directory holding templates/ or assets/)", dir, err)
	}
	// a directory with neither would change nothing: it is the wrong one
	if !isDir(root, "templates") && !isDir(root, "assets") {
		root.Close()
		return nil, fmt.Errorf("theme directory %q has neither templates/ nor assets/ (pass the directory that holds them)", dir)
	}
	return root, nil
}

// loadTheme parses the built-in theme with the -theme directory, if any,
// laid over it.
func loadTheme(dir string) (*theme.Theme, error) {
	root, err := openTheme(dir)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return theme.Load(sitegen.Theme, nil)
	}
	defer root.Close()
	return theme.Load(sitegen.Theme, root.FS())
}

func isDir(root *os.Root, name string) bool {
	st, err := root.Stat(name)
	return err == nil && st.IsDir()
}

// startCPUProfile profiles the rest of the command; stop writes the
// profile to file, which the rule of package guard allows (checked
// first, so that a refusal comes before the build).
func startCPUProfile(file, content string) (stop func() error, err error) {
	f := guard.File{Path: file}
	if err := guard.Check(profilePolicy(content), f); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := pprof.StartCPUProfile(&b); err != nil {
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		f.Data = b.Bytes()
		return guard.Write(profilePolicy(content), f)
	}, nil
}
