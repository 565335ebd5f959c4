// Package synth writes a synthetic national content tree, for
// benchmarks and scale tests: a number of provinces, each with one plan
// of a given number of items, in Vietnamese and English.
//
// The shared registries (agencies, frameworks, themes, glossary, site
// and the standalone pages) are copied from a real content directory;
// provinces.yaml, plans/ and sources/ are generated. Plans look like
// the real ones (docs/content.md): purposes and requirements (I),
// objectives (II), tasks under the five pillars with general and
// specific tasks (III), funding (IV), the duties of each agency (V) and
// an appendix table whose rows restate body tasks. Every item's
// Vietnamese text occurs in the plan's source document, so the tree
// passes `sitegen check` with no errors and no warnings.
//
// Output is deterministic: the same options and registries give
// byte-identical files.
package synth

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"sitegen/internal/fold"
)

// Options of a synthetic site. sitegen's loader refuses files over
// 10 MB (load.MaxFileSize), which a plan file reaches at about 6,800
// items: larger plans are for testing synth, not sitegen.
type Options struct {
	Provinces, Items int    // plans (one per province) and items per plan
	Seed             uint64 // the same seed gives the same tree
}

// Limits of Options.
const (
	MaxProvinces = 1000
	MaxItems     = 100000
	// MinProvinces is the number of provinces provinces.yaml always
	// lists, as many as Viet Nam has since 2025; the first
	// Options.Provinces of them get a plan.
	MinProvinces = 34
)

// copied are the registry files copied from the base tree, unchanged
// but for what names the base tree's plans (withoutPlans).
var copied = []string{"site.yaml", "frameworks.yaml", "agencies.yaml", "themes.yaml", "glossary.yaml"}

// Write writes the content tree into dir (created; must not exist or be
// empty), reading the shared registries from base (an fs.FS rooted at a
// real content directory).
func Write(dir string, base fs.FS, opts Options) error {
	if err := opts.validate(); err != nil {
		return err
	}
	if base == nil {
		return errors.New("synth: no base content directory given")
	}
	reg, files, err := readBase(base)
	if err != nil {
		return err
	}
	if err := prepare(dir); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(dir, f.name, f.data); err != nil {
			return err
		}
	}
	provs := provinces(max(opts.Provinces, MinProvinces), opts.Seed)
	if err := writeFile(dir, "provinces.yaml", provincesYAML(provs, reg)); err != nil {
		return err
	}
	for i := range opts.Provinces {
		g := &gen{
			rng:  rand.New(rand.NewPCG(opts.Seed, 0x706c616e+uint64(i))),
			reg:  reg,
			prov: provs[i],
		}
		p := g.plan(opts.Items)
		if err := writeFile(dir, "plans/"+p.id+".yaml", p.yaml()); err != nil {
			return err
		}
		if err := writeFile(dir, "sources/"+p.sourceFile, p.source()); err != nil {
			return err
		}
	}
	return nil
}

func (o Options) validate() error {
	if o.Provinces < 1 || o.Provinces > MaxProvinces {
		return fmt.Errorf("synth: provinces must be between 1 and %d, not %d", MaxProvinces, o.Provinces)
	}
	if o.Items < 1 || o.Items > MaxItems {
		return fmt.Errorf("synth: items must be between 1 and %d, not %d", MaxItems, o.Items)
	}
	return nil
}

// prepare creates dir, or checks that it is an empty directory.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("synth: output directory: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("synth: output directory %s is not empty", dir)
	}
	return nil
}

// writeFile writes data, NFC-normalised, to dir/name.
func writeFile(dir, name string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	if err := os.WriteFile(p, norm.NFC.Bytes(data), 0o644); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

type file struct {
	name string
	data []byte
}

// registries are what plans need to know of the copied registry files.
type registries struct {
	framework string // the id of the framework with the five pillars
	pillars   map[string]textPair
	agencies  map[string]agencyInfo
	themes    map[string]bool
	firstNon  string // the first non-collective agency, a last resort
}

type textPair struct {
	VI string `yaml:"vi"`
	EN string `yaml:"en"`
}

type agencyInfo struct {
	ID         string   `yaml:"id"`
	Name       textPair `yaml:"name"`
	Collective bool     `yaml:"collective"`
}

type pillarInfo struct {
	ID   string   `yaml:"id"`
	Name textPair `yaml:"name"`
}

type frameworkInfo struct {
	ID      string       `yaml:"id"`
	Pillars []pillarInfo `yaml:"pillars"`
	Groups  []pillarInfo `yaml:"groups"`
}

// readBase reads the files to copy from base and the registries plans
// refer to.
func readBase(base fs.FS) (*registries, []file, error) {
	files, err := readCopied(base)
	if err != nil {
		return nil, nil, err
	}
	reg := &registries{pillars: map[string]textPair{}, agencies: map[string]agencyInfo{}, themes: map[string]bool{}}
	if err := reg.readFramework(fileData(files, "frameworks.yaml")); err != nil {
		return nil, nil, err
	}
	if err := reg.readAgencies(fileData(files, "agencies.yaml")); err != nil {
		return nil, nil, err
	}
	if err := reg.readThemes(fileData(files, "themes.yaml")); err != nil {
		return nil, nil, err
	}
	return reg, files, nil
}

// readCopied reads the files the generated content takes from base:
// site.yaml, the registries and the standalone pages.
func readCopied(base fs.FS) ([]file, error) {
	var files []file
	for _, name := range copied {
		b, err := fs.ReadFile(base, name)
		if err != nil {
			return nil, fmt.Errorf("synth: reading %s from the base content: %w", name, err)
		}
		files = append(files, file{name, withoutPlans(name, b)})
	}
	pages, err := fs.ReadDir(base, "pages")
	if err != nil {
		return nil, fmt.Errorf("synth: reading pages/ from the base content: %w", err)
	}
	for _, e := range pages {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := fs.ReadFile(base, "pages/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("synth: reading pages/%s from the base content: %w", e.Name(), err)
		}
		files = append(files, file{"pages/" + e.Name(), b})
	}
	return files, nil
}

// withoutPlans takes out of a registry file what names the base tree's
// plans, which the generated tree does not have: the senses of glossary
// terms (they name items) and the plans a framework's sources point to.
// The files are read as lines, so that what stays is byte for byte the
// base tree's.
func withoutPlans(name string, data []byte) []byte {
	var out []string
	skipping := false
	for _, line := range strings.SplitAfter(string(data), "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		trimmed := strings.TrimSpace(line)
		switch {
		case name == "glossary.yaml" && trimmed == "senses:" && indent == 2:
			skipping = true
			continue
		case skipping && (trimmed == "" || indent > 2):
			continue
		case name == "frameworks.yaml" && strings.HasPrefix(trimmed, "plan: "):
			continue
		}
		skipping = false
		out = append(out, line)
	}
	return []byte(strings.Join(out, ""))
}

// fileData returns the bytes of the file named name, or nil.
func fileData(files []file, name string) []byte {
	for _, f := range files {
		if f.name == name {
			return f.data
		}
	}
	return nil
}

// readFramework takes from frameworks.yaml the first framework with the
// five pillars and the two groups the generated plans use.
func (r *registries) readFramework(data []byte) error {
	var frameworks []frameworkInfo
	if err := yaml.Unmarshal(data, &frameworks); err != nil {
		return fmt.Errorf("synth: frameworks.yaml: %w", err)
	}
	for _, f := range frameworks {
		ids := map[string]textPair{}
		for _, p := range append(append([]pillarInfo(nil), f.Pillars...), f.Groups...) {
			ids[p.ID] = p.Name
		}
		ok := true
		for _, id := range append(append([]string(nil), pillarIDs...), groupObjectives, groupOrganisation) {
			_, has := ids[id]
			ok = ok && has
		}
		if ok {
			r.framework, r.pillars = f.ID, ids
			break
		}
	}
	if r.framework == "" {
		return fmt.Errorf("synth: frameworks.yaml has no framework with the pillars %s and the groups %s and %s",
			strings.Join(pillarIDs, ", "), groupObjectives, groupOrganisation)
	}
	return nil
}

// readAgencies takes the agencies of agencies.yaml that have an id and a
// Vietnamese name, and the first that is not collective, the lead of
// last resort.
func (r *registries) readAgencies(data []byte) error {
	var agencies []agencyInfo
	if err := yaml.Unmarshal(data, &agencies); err != nil {
		return fmt.Errorf("synth: agencies.yaml: %w", err)
	}
	for _, a := range agencies {
		a.Name.VI, a.Name.EN = clean(a.Name.VI), clean(a.Name.EN)
		if a.ID == "" || a.Name.VI == "" {
			continue
		}
		r.agencies[a.ID] = a
		if r.firstNon == "" && !a.Collective {
			r.firstNon = a.ID
		}
	}
	if r.firstNon == "" {
		return errors.New("synth: agencies.yaml defines no agency that is not collective")
	}
	return nil
}

// readThemes takes the theme ids of themes.yaml.
func (r *registries) readThemes(data []byte) error {
	var themes []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal(data, &themes); err != nil {
		return fmt.Errorf("synth: themes.yaml: %w", err)
	}
	for _, t := range themes {
		if t.ID != "" {
			r.themes[t.ID] = true
		}
	}
	if len(r.themes) == 0 {
		return errors.New("synth: themes.yaml defines no theme")
	}
	return nil
}

// clean collapses white space, as the loader does.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// province is a generated province.
type province struct {
	id   string
	name string // Vietnamese, with diacritics
	city bool
}

// provinces generates n provinces with distinct names and ids.
func provinces(n int, seed uint64) []province {
	var pool []province
	seen := map[string]bool{}
	for _, a := range provinceFirst {
		for _, b := range provinceSecond {
			name := norm.NFC.String(a + " " + b)
			id := slug(name)
			if fold.Key(a) == fold.Key(b) || seen[id] {
				continue
			}
			seen[id] = true
			pool = append(pool, province{id: id, name: name})
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x70726f76))
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	out := pool[:n:n]
	for i := range out {
		out[i].city = i*6%34 < 6 // six of every 34 are centrally-run cities
	}
	return out
}

// slug makes an id of a Vietnamese name: "Quảng Đức" → "quang-duc".
func slug(s string) string {
	return strings.Join(strings.Fields(fold.Key(s)), "-")
}

func (p province) kindVI() string {
	if p.city {
		return "thành phố"
	}
	return "tỉnh"
}

// nameEN is the name without diacritics, as English texts write it.
func (p province) nameEN() string { return fold.ASCII(p.name) }

// local puts the province's words in a phrase (see pair) and in the
// generic names of agency types: "Công an tỉnh, thành phố" becomes
// "Công an tỉnh", "Provincial or City Police" "Provincial Police".
func (p province) local(t pair) pair {
	if p.city {
		return pair{cityVI.Replace(t.vi), cityEN.Replace(t.en)}
	}
	return pair{provinceVI.Replace(t.vi), provinceEN.Replace(t.en)}
}

var (
	provinceVI = strings.NewReplacer("{tỉnh}", "tỉnh", "tỉnh, thành phố", "tỉnh")
	provinceEN = strings.NewReplacer("{province}", "province", "{Provincial}", "Provincial", "Provincial or City", "Provincial")
	cityVI     = strings.NewReplacer("{tỉnh}", "thành phố", "tỉnh, thành phố", "thành phố")
	cityEN     = strings.NewReplacer("{province}", "city", "{Provincial}", "City", "Provincial or City", "City")
)

// ppc is the name of the province's People's Committee.
func (p province) ppc() textPair {
	if p.city {
		return textPair{"Ủy ban nhân dân thành phố " + p.name, p.nameEN() + " City People's Committee"}
	}
	return textPair{"Ủy ban nhân dân tỉnh " + p.name, p.nameEN() + " Provincial People's Committee"}
}

func provincesYAML(provs []province, reg *registries) []byte {
	var b bytes.Buffer
	b.WriteString("# Synthetic provinces and centrally-run cities, written by package synth.\n")
	for _, p := range provs {
		kind := "province"
		if p.city {
			kind = "city"
		}
		fmt.Fprintf(&b, "- id: %s\n  kind: %s\n  name: %s\n", p.id, kind, flowText(p.name, p.nameEN()))
		if _, ok := reg.agencies["ppc"]; ok {
			t := p.ppc()
			fmt.Fprintf(&b, "  agencies:\n    ppc: %s\n", flowText(t.VI, t.EN))
		}
	}
	return b.Bytes()
}

// upperFirst and lowerFirst change the case of a text's first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
