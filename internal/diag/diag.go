// Package diag collects the problems found in content files.
//
// Every problem carries the file and line it comes from, what is wrong and
// how to fix it, so that a publisher can act on it without reading code.
// Stages append to a List instead of stopping at the first problem: a
// build reports every error of a run together.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Pos is a place in a content file. Line is 1-based; 0 means the whole file.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Problem is one thing wrong with the content.
type Problem struct {
	Pos      Pos
	Severity Severity
	Msg      string // what is wrong, lowercase, names quoted with %q
	Hint     string // how to fix it; may be empty
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// List accumulates problems. The zero value is ready to use.
type List struct {
	problems []Problem
}

// Errorf records an error at pos. hint says how to fix it.
func (l *List) Errorf(pos Pos, hint string, format string, args ...any) {
	l.problems = append(l.problems, Problem{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, shorten(format, args)...), Hint: Clip(hint, 2*maxContext)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, hint string, format string, args ...any) {
	l.problems = append(l.problems, Problem{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, shorten(format, args)...), Hint: Clip(hint, 2*maxContext)})
}

// MaxEcho is the most characters of a value a message repeats. Values
// are quoted with %q; a value pasted by mistake may be megabytes long,
// and a message must still fit on a screen.
const MaxEcho = 80

// maxContext bounds the %s arguments, which carry context such as
// `item "x": field "vi"` built from values that may be long themselves.
const maxContext = 4 * MaxEcho

// shorten cuts the string arguments of a message: those quoted with %q
// to MaxEcho characters, others to maxContext, marking the cut with "…".
func shorten(format string, args []any) []any {
	var out []any
	verb := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if verb < len(args) {
			if s, ok := args[verb].(string); ok {
				limit := maxContext
				if format[i] == 'q' {
					limit = MaxEcho
				}
				if cut := Clip(s, limit); cut != s {
					if out == nil {
						out = append([]any(nil), args...)
					}
					out[verb] = cut
				}
			}
		}
		verb++
	}
	if out == nil {
		return args
	}
	return out
}

// Clip returns s cut to at most n characters, with "…" when cut.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n {
			return s[:i] + "…"
		}
		count++
	}
	return s
}

// Add appends problems from another list.
func (l *List) Add(other *List) {
	l.problems = append(l.problems, other.problems...)
}

// Problems returns all problems sorted by file, line and message, so that
// output is the same from run to run.
func (l *List) Problems() []Problem {
	out := append([]Problem(nil), l.problems...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Msg < b.Msg
	})
	return out
}

// HasErrors reports whether any problem is an error.
func (l *List) HasErrors() bool {
	for _, p := range l.problems {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, p := range l.problems {
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Err returns an error listing every error (not warnings), or nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{Problems: l.Problems()}
}

// ListError is the error returned when content has errors.
type ListError struct {
	Problems []Problem
}

func (e *ListError) Error() string {
	var b strings.Builder
	n := 0
	for _, p := range e.Problems {
		if p.Severity != Error {
			continue
		}
		n++
		b.WriteString(p.String())
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d error(s)", n)
	return b.String()
}
