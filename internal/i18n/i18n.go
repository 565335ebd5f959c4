// Package i18n formats text for one site language: interface strings,
// dates, numbers and the sort order of names.
//
// Interface strings live in templates/i18n/LANG.yaml, a flat map from key
// to text, so that a publisher can reword them by overriding the file.
// Both languages must define the same keys.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
	"gopkg.in/yaml.v3"

	"sitegen/internal/model"
	"sitegen/internal/parallel"
)

// Locale formats for one language. Its methods are safe for concurrent use.
type Locale struct {
	Lang    model.Lang
	tag     language.Tag
	strings map[string]string

	mu       sync.Mutex
	collator *collate.Collator
	printer  *message.Printer
}

// Load reads the interface strings of every site language from fsys
// (a templates tree) and checks that they define the same keys.
func Load(fsys fs.FS) (map[model.Lang]*Locale, error) {
	// the languages are read at once: each file's YAML took 3-4 ms, before
	// any content was read
	locales := make([]*Locale, len(model.Langs))
	errs := make([]error, len(model.Langs))
	parallel.For(len(model.Langs), func(i int) {
		locales[i], errs[i] = load(fsys, model.Langs[i])
	})
	out := map[model.Lang]*Locale{}
	for i, l := range model.Langs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[l] = locales[i]
	}
	vi, en := out[model.VI].strings, out[model.EN].strings
	for k := range vi {
		if _, ok := en[k]; !ok {
			return nil, fmt.Errorf("templates/i18n/en.yaml: key %q is missing (it is in vi.yaml)", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			return nil, fmt.Errorf("templates/i18n/vi.yaml: key %q is missing (it is in en.yaml)", k)
		}
	}
	return out, nil
}

func load(fsys fs.FS, l model.Lang) (*Locale, error) {
	name := "i18n/" + string(l) + ".yaml"
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("templates/%s: %w", name, err)
	}
	m := map[string]string{}
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("templates/%s: %v (write one `key: text` per line)", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return New(l, m), nil
}

// New returns a locale for lang with the given interface strings.
func New(lang model.Lang, strs map[string]string) *Locale {
	tag := language.Vietnamese
	if lang == model.EN {
		tag = language.BritishEnglish
	}
	return &Locale{Lang: lang, tag: tag, strings: strs,
		collator: collate.New(tag), printer: message.NewPrinter(tag)}
}

// T returns the interface string for key. A missing key is an error, so
// that a template typo fails the build instead of showing a blank.
func (l *Locale) T(key string) (string, error) {
	s, ok := l.strings[key]
	if !ok {
		return "", fmt.Errorf("interface string %q is not defined in templates/i18n/%s.yaml", key, l.Lang)
	}
	return s, nil
}

// Tf returns the interface string for key with %s and %d verbs filled in.
func (l *Locale) Tf(key string, args ...any) (string, error) {
	s, err := l.T(key)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(s, args...), nil
}

// Text returns t in this language, falling back to Vietnamese.
func (l *Locale) Text(t model.Text) string { return t.Get(l.Lang) }

// Has reports whether t exists in this language (not a fallback).
func (l *Locale) Has(t model.Text) bool {
	_, ok := t.In(l.Lang)
	return ok
}

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Date formats d as 23/09/2021 in Vietnamese, 23 September 2021 in English.
func (l *Locale) Date(d model.Date) string {
	if l.Lang == model.VI {
		return d.Format("02/01/2006")
	}
	return fmt.Sprintf("%d %s %d", d.Day(), monthsEN[d.Month()-1], d.Year())
}

// DayMonth formats a yearly date: 10/12 or 10 December.
func (l *Locale) DayMonth(day, month int) string {
	if l.Lang == model.VI {
		return fmt.Sprintf("%02d/%02d", day, month)
	}
	if month < 1 || month > 12 {
		return fmt.Sprintf("%d/%d", day, month)
	}
	return fmt.Sprintf("%d %s", day, monthsEN[month-1])
}

// Number formats a number with the language's decimal separator: 2,87
// in Vietnamese and 2.87 in English.
func (l *Locale) Number(v any) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.printer.Sprint(number.Decimal(v))
}

// Compare compares two names in the language's collation order (so that
// Vietnamese "Đ" sorts after "D").
func (l *Locale) Compare(a, b string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.collator.CompareString(a, b)
}

// SortBy sorts s by the name key returns, in collation order.
func SortBy[T any](l *Locale, s []T, key func(T) string) {
	sort.SliceStable(s, func(i, j int) bool { return l.Compare(key(s[i]), key(s[j])) < 0 })
}
