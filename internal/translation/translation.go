// Package translation takes the site's texts to translators and back.
//
// Export writes the texts that need English (none yet, or English made
// from an earlier Vietnamese) as XLIFF 1.2, the exchange format of
// translation tools: source language vi, target language en, each
// trans-unit's id the text's path in the content (plans/ID/ITEM-ID/text),
// with the glossary's renderings of the terms it contains as notes.
// Import reads a translated file, checks every unit against the content,
// and writes the English back into the YAML files, changing nothing else,
// with `en_of`, the model.Fingerprint of the Vietnamese each English
// translates: when the Vietnamese changes later, the build warns that the
// English needs review. docs/content.md ("Translating") is the manual.
package translation

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"sitegen/internal/chars"
	"sitegen/internal/diag"
	"sitegen/internal/load"
	"sitegen/internal/model"
	"sitegen/internal/resolve"
)

// ExportOptions chooses what Export writes.
type ExportOptions struct {
	Plan string // only this plan's texts; all the site's when empty
	All  bool   // every text, for review, not only those needing English
}

// Exported is the result of an export.
type Exported struct {
	XLIFF    []byte // empty when no text was selected
	Units    int    // texts written
	Missing  int    // of which without English
	Outdated int    // of which with English made from an earlier Vietnamese
	Files    int    // content files they come from
}

// Export writes the texts of the content in fsys as XLIFF.
func Export(fsys fs.FS, opts ExportOptions) (*Exported, error) {
	site, err := loadContent(fsys)
	if err != nil {
		return nil, err
	}
	names := append([]string(nil), siteFiles...)
	var plans []string
	for _, p := range site.Plans {
		plans = append(plans, p.ID)
		names = append(names, p.File)
	}
	if opts.Plan != "" {
		if !contains(plans, opts.Plan) {
			hint := "run without -plan to export the whole site"
			if c := load.Closest(opts.Plan, plans); c != "" {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			return nil, fmt.Errorf("no plan has the id %q (%s)", opts.Plan, hint)
		}
		names = []string{planFile(opts.Plan)}
	}
	glossary := renderings(site.Glossary)
	senses := senseNotes(site.Glossary)
	doc := &xliffOut{Version: "1.2"}
	out := &Exported{}
	for _, name := range names {
		fl, _, _, err := readFields(fsys, name)
		if err != nil {
			return nil, err
		}
		file := fileOut{Original: name, Source: string(model.VI), Target: string(model.EN), Datatype: "plaintext"}
		for _, f := range fl {
			if !opts.All && !f.needsEnglish() {
				continue
			}
			u := unitOut{ID: f.ID, Source: f.Text.VI, Location: contextGroup{Purpose: "location", Contexts: []contextOut{
				{Type: "sourcefile", Text: f.File}, {Type: "linenumber", Text: strconv.Itoa(f.Line)}}}}
			switch {
			case f.Text.EN == "":
				out.Missing++
			case f.Text.Outdated():
				out.Outdated++
				u.Target = &targetOut{State: "needs-review-translation", Text: f.Text.EN}
				u.Notes = append(u.Notes, noteOut{From: "sitegen", Annotate: "target",
					Text: "The Vietnamese changed since this English was written: review the English against it."})
			default:
				u.Target = &targetOut{State: "translated", Text: f.Text.EN}
			}
			for _, n := range glossaryNotes(f.Text.VI, glossary) {
				u.Notes = append(u.Notes, noteOut{From: "glossary", Annotate: "source", Text: n})
			}
			for _, n := range senses[f.ID] {
				u.Notes = append(u.Notes, noteOut{From: "glossary", Annotate: "source", Text: n})
			}
			file.Units = append(file.Units, u)
		}
		if len(file.Units) > 0 {
			doc.Files = append(doc.Files, file)
			out.Units += len(file.Units)
		}
	}
	out.Files = len(doc.Files)
	if out.Units == 0 {
		return out, nil
	}
	var b bytes.Buffer
	if err := encodeXLIFF(&b, doc); err != nil {
		return nil, err
	}
	out.XLIFF = b.Bytes()
	return out, nil
}

// File is a content file with its new bytes.
type File struct {
	Name string // relative to the content directory
	Data []byte
}

// Imported is the result of an import.
type Imported struct {
	Files      []File // the files that change
	Written    int    // units whose English or fingerprint is written
	Unchanged  int    // units whose English and fingerprint are already so
	Empty      int    // units without a target: not translated yet
	Unreviewed int    // units still marked for review with the English unchanged

	written []string // the ids of the units written
}

// UnitAt names the unit whose English, as Files writes it, is at or
// just above line of the content file name: a problem check finds
// there comes from that translation. It is "" when no unit written
// into the file starts at or above the line.
func (im *Imported) UnitAt(name string, line int) string {
	for _, f := range im.Files {
		if f.Name != name {
			continue
		}
		var top yaml.Node
		if yaml.Unmarshal(f.Data, &top) != nil {
			return ""
		}
		fl, err := fields(name, &top)
		if err != nil {
			return ""
		}
		written := map[string]bool{}
		for _, id := range im.written {
			written[id] = true
		}
		best, at := "", 0
		for _, fd := range fl {
			if written[fd.ID] && fd.Line <= line && fd.Line >= at {
				best, at = fd.ID, fd.Line
			}
		}
		return best
	}
	return ""
}

// Refusal is why a translated file cannot be imported: every unit that
// does not match the content, or what is wrong with the file itself.
type Refusal struct {
	File     string
	Problems []string
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("%s: refused, no file was changed:\n  %s", r.File, strings.Join(r.Problems, "\n  "))
}

// Import reads the translated XLIFF file data (named name, for messages)
// and returns the content files of fsys with the translations written
// in, for the command to write (package guard). It refuses the whole file, with a *Refusal,
// when any unit does not match the content.
func Import(fsys fs.FS, name string, data []byte) (*Imported, error) {
	doc, err := decodeXLIFF(name, data)
	if err != nil {
		return nil, &Refusal{File: name, Problems: []string{strings.TrimPrefix(err.Error(), name+": ")}}
	}
	if _, err := loadContent(fsys); err != nil {
		return nil, err
	}
	im := &importer{ref: &Refusal{File: name}, res: &Imported{}, seen: map[string]bool{}}
	if im.texts, im.files, err = readTexts(fsys); err != nil {
		return nil, err
	}
	for i := range doc.Files {
		im.readFile(i, &doc.Files[i])
	}
	if len(im.ref.Problems) > 0 {
		return nil, im.ref
	}
	im.spliceFiles()
	if len(im.ref.Problems) > 0 {
		return nil, im.ref
	}
	return im.res, nil
}

// importer checks the units of a translated file against the content and
// gathers the changes each content file receives. It keeps every
// problem, so that the translator can fix them all at once.
type importer struct {
	texts map[string]*field      // every text of the site, by id
	files map[string]*parsedFile // every content file, by name
	seen  map[string]bool        // the unit ids read so far
	ref   *Refusal
	res   *Imported
}

func (im *importer) refuse(format string, args ...any) {
	im.ref.Problems = append(im.ref.Problems, fmt.Sprintf(format, args...))
}

// readTexts reads every text of the site, by id, as the import will edit
// it, and every content file parsed, by name.
func readTexts(fsys fs.FS) (map[string]*field, map[string]*parsedFile, error) {
	texts := map[string]*field{}
	files := map[string]*parsedFile{}
	names := append([]string(nil), siteFiles...)
	plans, err := fs.Glob(fsys, "plans/*.yaml")
	if err != nil {
		return nil, nil, err
	}
	for _, n := range append(names, plans...) {
		fl, raw, top, err := readFields(fsys, n)
		if err != nil {
			return nil, nil, err
		}
		files[n] = &parsedFile{raw: raw, top: top}
		for _, f := range fl {
			texts[f.ID] = f
		}
	}
	return texts, files, nil
}

// readFile checks the languages of the i-th <file> of the XLIFF and reads
// its units.
func (im *importer) readFile(i int, file *fileIn) {
	where := fmt.Sprintf("<file> %d (%q)", i+1, file.Original)
	if !isLanguage(file.Source, "vi") {
		im.refuse("%s: source-language is %q, want \"vi\": these texts are translated from Vietnamese", where, file.Source)
	}
	if !isLanguage(file.Target, "en") {
		im.refuse("%s: target-language is %q, want \"en\": sitegen takes English translations", where, file.Target)
	}
	for _, u := range file.Body.units() {
		im.readUnit(where, u)
	}
}

// readUnit checks that a unit names a text of the content once and
// translates its current Vietnamese, and takes its English.
func (im *importer) readUnit(where string, u unitIn) {
	if u.ID == "" {
		im.refuse("%s: a trans-unit has no id; export the file again", where)
		return
	}
	if im.seen[u.ID] {
		im.refuse("unit %q: given twice; keep one", u.ID)
		return
	}
	im.seen[u.ID] = true
	f, ok := im.texts[u.ID]
	if !ok {
		im.refuse("unit %q: no such text in the content (removed or renamed since the export?); remove the unit or export again", u.ID)
		return
	}
	src, err := u.Source.text()
	if err != nil {
		im.refuse("unit %q: source: %v", u.ID, err)
		return
	}
	if clean(src) != f.Text.VI {
		im.refuse("unit %q: the source text differs from the current Vietnamese at %s:%d; export again and translate the current text", u.ID, f.File, f.Line)
		return
	}
	target, err := u.Target.text()
	if err != nil {
		im.refuse("unit %q: target: %v", u.ID, err)
		return
	}
	// before clean, which would take some of them for spaces
	if r, at := chars.Find(target); at >= 0 {
		im.refuse("unit %q: target: %s is not allowed: %s; remove it in the translation tool and save the file again", u.ID, chars.Describe(r), chars.Why(r))
		return
	}
	im.take(f, u, clean(target))
}

// take counts the English en of unit u, which translates the text f,
// and records it as a change of f's file unless there is nothing to write.
func (im *importer) take(f *field, u unitIn, en string) {
	fp := model.Fingerprint(f.Text.VI)
	switch {
	case en == "":
		im.res.Empty++
	case en == f.Text.EN && strings.HasPrefix(u.Target.State, "needs-"): // en != "": there is a target
		// Exported for review and not reviewed: recording the
		// fingerprint would say it was.
		im.res.Unreviewed++
	case en == f.Text.EN && f.Text.ENOf == fp:
		im.res.Unchanged++
	default:
		im.res.Written++
		im.files[f.File].changes = append(im.files[f.File].changes, change{field: f, en: en, enOf: fp})
		im.res.written = append(im.res.written, f.ID)
	}
}

// spliceFiles writes the changes into the files that have any, in the
// order of their names.
func (im *importer) spliceFiles() {
	var names []string
	for n, p := range im.files {
		if len(p.changes) > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		p := im.files[n]
		b, err := splice(p.raw, p.top, p.changes)
		if err != nil {
			im.refuse("%s: %v", n, err)
			continue
		}
		im.res.Files = append(im.res.Files, File{Name: n, Data: b})
	}
}

type parsedFile struct {
	raw     []byte
	top     *yaml.Node
	changes []change
}

// loadContent loads and resolves the content: translations are only
// taken from and written into content that is valid.
func loadContent(fsys fs.FS) (*model.Site, error) {
	site, problems := load.Load(fsys)
	resolve.Resolve(site, problems)
	if err := problems.Err(); err != nil {
		var le *diag.ListError
		if errors.As(err, &le) {
			return nil, &ContentError{Problems: le.Problems}
		}
		return nil, err
	}
	return site, nil
}

// ContentError is returned when the content has errors: they must be
// fixed before texts are exported or imported.
type ContentError struct {
	Problems []diag.Problem
}

func (e *ContentError) Error() string {
	var b strings.Builder
	for _, p := range e.Problems {
		if p.Severity == diag.Error {
			b.WriteString(p.String() + "\n")
		}
	}
	b.WriteString("the content has errors: fix them first (sitegen check lists them)")
	return b.String()
}

// readFields reads a content file as it is on disk (not normalised, so
// that positions match its bytes) and lists its texts.
func readFields(fsys fs.FS, name string) ([]*field, []byte, *yaml.Node, error) {
	raw, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) && !strings.HasPrefix(name, "plans/") {
		return nil, nil, nil, nil // an optional file
	}
	if err != nil {
		return nil, nil, nil, err
	}
	var top yaml.Node
	if err := yaml.Unmarshal(raw, &top); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	fl, err := fields(path.Clean(name), &top)
	return fl, raw, &top, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
