package main

import (
	"bytes"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// helpOf runs "sitegen NAME -h" and returns the help it printed.
func helpOf(t *testing.T, name string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{name, "-h"}, &stdout, &stderr); code != 0 {
		t.Fatalf("sitegen %s -h exited %d, want 0", name, code)
	}
	if stderr.Len() > 0 {
		t.Errorf("sitegen %s -h wrote to stderr: %q", name, stderr.String())
	}
	return stdout.String()
}

var (
	synopsisFlag = regexp.MustCompile(`-([a-z][a-z-]*)`)
	listedFlag   = regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`)
)

// flagsOf returns the flags a command's help lists under "flags:".
func flagsOf(help string) []string {
	var names []string
	for _, m := range listedFlag.FindAllStringSubmatch(help, -1) {
		names = append(names, m[1])
	}
	return names
}

// TestHelp requires every command's help to start with a synopsis that
// names exactly the flags the command defines, and "help NAME" to print
// the same help as "NAME -h".
func TestHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			help := helpOf(t, c.name)
			synopsis, _, _ := strings.Cut(help, "\n")
			if !strings.HasPrefix(synopsis, "usage: sitegen "+c.name) {
				t.Fatalf("help starts with %q, want the synopsis of %s", synopsis, c.name)
			}
			var inSynopsis []string
			for _, m := range synopsisFlag.FindAllStringSubmatch(synopsis, -1) {
				inSynopsis = append(inSynopsis, m[1])
			}
			defined := flagsOf(help)
			slices.Sort(inSynopsis)
			if !slices.Equal(inSynopsis, defined) {
				t.Errorf("synopsis names flags %v, the command defines %v", inSynopsis, defined)
			}
			if !strings.Contains(help, "examples:\n  sitegen "+c.name) {
				t.Error("help has no examples")
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"help", c.name}, &stdout, &stderr); code != 0 || stdout.String() != help {
				t.Errorf("sitegen help %s exited %d with a different text:\n%s", c.name, code, stdout.String())
			}
		})
	}
}

// TestForeignFlags gives every command each flag that only other
// commands define: each must be refused with status 2 before the
// command does anything.
func TestForeignFlags(t *testing.T) {
	own := map[string][]string{}
	all := map[string]bool{}
	for _, c := range commands() {
		own[c.name] = flagsOf(helpOf(t, c.name))
		for _, f := range own[c.name] {
			all[f] = true
		}
	}
	if len(all) < 8 {
		t.Fatalf("found only the flags %v; the help format changed", all)
	}
	for _, c := range commands() {
		for f := range all {
			if slices.Contains(own[c.name], f) {
				continue
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{c.name, "-" + f, "x"}, &stdout, &stderr)
			want := "flag provided but not defined: -" + f
			if code != 2 || !strings.Contains(stderr.String(), want) || stdout.Len() > 0 {
				t.Errorf("sitegen %s -%s x: exit %d, stdout %q, stderr %q; want exit 2 and %q",
					c.name, f, code, stdout.String(), stderr.String(), want)
			}
		}
	}
}

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil,
			"sitegen (devel)\nrevision: unknown\nmodified: unknown\ngo: " + runtime.Version() + "\n"},
		{"go run: no version control", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "sitegen", Version: "(devel)"}},
			"sitegen (devel)\nrevision: unknown\nmodified: unknown\ngo: go1.26.8\n"},
		{"test binary: no main module version", &debug.BuildInfo{GoVersion: "go1.26.8"},
			"sitegen (devel)\nrevision: unknown\nmodified: unknown\ngo: go1.26.8\n"},
		{"built in a clone with changes", &debug.BuildInfo{
			GoVersion: "go1.26.8",
			Main:      debug.Module{Path: "sitegen", Version: "v0.0.0-20260301120000-6dd6b2883da9+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "6dd6b2883da9e1b3a124156223a425f8dfc230e3"},
				{Key: "vcs.time", Value: "2026-03-01T12:00:00Z"},
				{Key: "vcs.modified", Value: "true"},
			}},
			"sitegen v0.0.0-20260301120000-6dd6b2883da9+dirty\nrevision: 6dd6b2883da9e1b3a124156223a425f8dfc230e3\nmodified: true\ngo: go1.26.8\n"},
		{"built from a tag", &debug.BuildInfo{
			GoVersion: "go1.26.8",
			Main:      debug.Module{Path: "sitegen", Version: "v1.2.0"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
				{Key: "vcs.modified", Value: "false"},
			}},
			"sitegen v1.2.0\nrevision: 0123456789abcdef0123456789abcdef01234567\nmodified: false\ngo: go1.26.8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(tt.info); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
