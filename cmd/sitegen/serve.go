package main

import (
	"context"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"sitegen"
	"sitegen/internal/serve"
)

const serveHelp = `usage: sitegen serve [-content DIR] [-theme DIR] [-addr HOST:PORT]

Serve shows the site from memory on a local address and reloads open
pages each time a file of the content, or of the -theme directory, is
saved. An invalid edit shows its errors above the last valid site. It
runs until interrupted (Ctrl-C).

Without -theme the pages use the built-in theme, as build does. In this
repository, -theme . previews edits to templates/ and assets/; that is
what "make serve" runs.

examples:
  sitegen serve
  sitegen serve -theme .
  sitegen serve -addr 127.0.0.1:9000
`

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("serve", serveHelp)
	content := fl.String("content", "content", "read and watch the content in `DIR`")
	theme := fl.String("theme", "", themeUsage+", and watch them")
	addr := fl.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (loopback unless you mean to share the preview)")
	if code, ok := parse(fl, args, 0, stdout, stderr); !ok {
		return code
	}
	// The server opens both directories again on every rebuild; opening
	// them here refuses a wrong one before it starts.
	root, err := openContent(*content)
	if err != nil {
		return fail(stderr, err)
	}
	root.Close()
	if _, err := loadTheme(*theme); err != nil {
		return fail(stderr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := serve.Options{ContentDir: *content, ThemeDir: *theme, Theme: sitegen.Theme, Addr: *addr, Log: log.New(stderr, "sitegen: ", 0)}
	if err := serve.Serve(ctx, opts, nil); err != nil {
		return fail(stderr, err)
	}
	return 0
}
