// Package tmplgen writes Go that renders html/template templates: for
// each template a program executes, and the type of the value it is
// executed with, a function that appends to a writer the bytes the
// template writes, escaping each value as html/template escapes it in
// that place.
//
// It works on the escaped parse trees: html/template rewrites every
// action that prints a value to end in the escapers its context needs
// (`{{.X}}` in an href becomes `{{.X | _html_template_urlfilter |
// _html_template_urlnormalizer | _html_template_attrescaper}}`), and
// Generate turns each such chain into one call of the writer. Fields,
// methods and functions are resolved by reflection on the value's type
// at generation time, so the code it writes calls them directly.
//
// What it supports is what templates that only arrange a prepared view
// need: fields, methods (a second result of type error is checked),
// variables, if / else if / else, with, range over slices, arrays, maps
// and integers (with break and continue), template calls, the built-in
// functions and, or, not, eq, ne, lt, le, gt, ge, len and index, the
// functions of Config.Funcs, and dict, whose argument becomes a struct
// of its own. Anything else is an error naming the template's file,
// line and what it met, so that a template either compiles to the same
// bytes or is left to html/template.
//
// The writer type (Config.Writer) must have the methods raw(string) for
// trusted bytes, text(string) for text and quoted attribute values
// (html/template's HTML escaper), url(string) for the start of a URL
// attribute (its URL filter, normaliser and attribute escaper),
// urlPart(string) for a URL's path after its start (normaliser and
// attribute escaper), filteredURL(string) for a URL that is filtered but
// not normalised (a meta refresh's) and frag(string) for a URL's query or fragment (URL
// escaper and attribute escaper). The package the code is for must
// define the function Config.Register names, called once per entry from
// the generated init function.
package tmplgen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/format"
	"html/template"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// Entry is a template that Go code executes, with the type of the value
// it is executed with.
type Entry struct {
	Set  string       // the set it belongs to
	Name string       // its name in the set
	Data reflect.Type // the type of its value
}

// Func is a function templates may call besides the built-in ones.
type Func struct {
	Expr   string       // the Go expression that names it ("theme.Add")
	Import string       // the import path Expr needs, or ""
	Type   reflect.Type // the function's type
}

// Config says what to generate.
type Config struct {
	Package string // the name of the package the code is for
	PkgPath string // its import path: its own types are written unqualified
	Writer  string // the writer's type ("*htmlWriter")
	// Register is the function of the package that the generated init
	// calls for each entry: Register(set, fingerprint, name string,
	// run func(w Writer, data any) error).
	Register string
	// Generator names the command that writes the file, for its header.
	Generator string
	// Sets holds the parsed template sets by name. Generate escapes them
	// (by executing each entry on nil into io.Discard), after which they
	// can no longer be changed.
	Sets map[string]*template.Template
	// Fingerprints holds, per set, what the set was parsed from, for the
	// program to check that its templates are still those the code was
	// generated from.
	Fingerprints map[string]string
	Funcs        map[string]Func
	Entries      []Entry
}

// Generate writes the Go source for cfg's entries.
func Generate(cfg Config) ([]byte, error) {
	g := &generator{cfg: cfg, funcs: map[fnKey]*function{}, dicts: map[string]*dictType{},
		imports: map[string]string{}, names: map[string]string{}}
	for _, e := range cfg.Entries {
		set := cfg.Sets[e.Set]
		if set == nil {
			return nil, fmt.Errorf("entry %s/%s: no set %q", e.Set, e.Name, e.Set)
		}
		if err := escape(set, e.Name); err != nil {
			return nil, fmt.Errorf("set %q: %w", e.Set, err)
		}
	}
	var entries []string
	for _, e := range cfg.Entries {
		name, err := g.want(e.Set, e.Name, typ{rt: e.Data})
		if err != nil {
			return nil, err
		}
		entries = append(entries, name)
	}
	for len(g.queue) > 0 {
		f := g.queue[0]
		g.queue = g.queue[1:]
		if err := g.compile(f); err != nil {
			return nil, err
		}
	}
	g.merge()
	return g.file(entries)
}

// escape has html/template escape the template name of set and every
// template it calls. Escaping happens on the first execution; executing
// on nil stops at the first field, and only an escaping error matters.
func escape(set *template.Template, name string) error {
	if set.Lookup(name) == nil {
		return fmt.Errorf("no template %q", name)
	}
	err := set.ExecuteTemplate(io.Discard, name, nil)
	var tErr *template.Error
	if errors.As(err, &tErr) {
		return err
	}
	return nil
}

// textTemplate is the text/template namespace under an html/template
// set. The copies of a template that escaping makes for another context
// (a title written inside <title> and inside an attribute) are added to
// it alone, not to the html/template set, which has no way to look them
// up; the field is read here, where generation fails at once should
// html/template ever change it.
func textTemplate(t *template.Template) *texttemplate.Template {
	f := reflect.ValueOf(t).Elem().FieldByName("text")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*texttemplate.Template]() {
		panic("tmplgen: html/template.Template has no field text of type *text/template.Template")
	}
	return (*texttemplate.Template)(f.UnsafePointer())
}

// typ is the static type of a value in a template: a Go type, a dict
// (whose keys are known where it is made), or untyped nil.
type typ struct {
	rt   reflect.Type
	dict *dictType
}

func (t typ) isNil() bool { return t.rt == nil && t.dict == nil }

func (t typ) key() string {
	switch {
	case t.dict != nil:
		return "dict:" + t.dict.sig
	case t.rt != nil:
		return t.rt.PkgPath() + "|" + t.rt.String()
	}
	return "nil"
}

// dictType is the argument a dict call makes, as a struct.
type dictType struct {
	sig   string // the keys and their types, for identity
	name  string // the Go type's name
	keys  []string
	types []typ
}

func (d *dictType) field(key string) (typ, bool) {
	for i, k := range d.keys {
		if k == key {
			return d.types[i], true
		}
	}
	return typ{}, false
}

type fnKey struct{ set, name, typ string }

// function is one template specialised for one type of value.
type function struct {
	set, name string
	tree      *parse.Tree
	dot       typ
	goName    string
	body      string // the statements, with the function's own name as selfName
	sets      []string
}

const selfName = "_self_"

type generator struct {
	cfg     Config
	funcs   map[fnKey]*function
	order   []*function
	queue   []*function
	dicts   map[string]*dictType
	imports map[string]string // path -> package name
	helpers map[string]bool
	names   map[string]string // working name -> readable name
}

// want names the function of template name in set for values of t,
// queueing it to be written when it is new.
func (g *generator) want(set, name string, t typ) (string, error) {
	k := fnKey{set, name, t.key()}
	if f, ok := g.funcs[k]; ok {
		return f.goName, nil
	}
	tmpl := textTemplate(g.cfg.Sets[set]).Lookup(name)
	if tmpl == nil || tmpl.Tree == nil {
		return "", fmt.Errorf("set %q has no template %q", set, name)
	}
	f := &function{set: set, name: name, tree: tmpl.Tree, dot: t, sets: []string{set}}
	f.goName = fmt.Sprintf("t%d", len(g.order))
	g.funcs[k] = f
	g.order = append(g.order, f)
	g.queue = append(g.queue, f)
	return f.goName, nil
}

// compile writes f's body.
func (g *generator) compile(f *function) error {
	c := &compiler{g: g, f: f}
	c.scopes = []map[string]value{{}}
	if !f.dot.isNil() {
		c.dot = value{expr: "dot", t: f.dot}
		c.scopes[0]["$"] = c.dot
	} else {
		c.dot = value{expr: "nil"}
		c.scopes[0]["$"] = c.dot
	}
	c.indent = 1
	if err := c.list(f.tree.Root); err != nil {
		return err
	}
	c.line("return nil")
	f.body = strings.ReplaceAll(c.b.String(), f.goName+"(", selfName+"(")
	return nil
}

// merge makes one function of functions that are the same but for their
// names (the partials of every set, once the functions they call are
// merged), until nothing changes.
func (g *generator) merge() {
	for {
		canon := map[string]*function{}
		rename := map[string]string{}
		for _, f := range g.order {
			k := f.dot.key() + "\n" + f.body
			if c, ok := canon[k]; ok {
				rename[f.goName] = c.goName
				c.sets = append(c.sets, f.sets...)
				continue
			}
			canon[k] = f
		}
		if len(rename) == 0 {
			break
		}
		var kept []*function
		for _, f := range g.order {
			if _, gone := rename[f.goName]; !gone {
				kept = append(kept, f)
			}
		}
		g.order = kept
		for _, f := range g.order {
			f.body = callee.ReplaceAllStringFunc(f.body, func(s string) string {
				if to, ok := rename[strings.TrimSuffix(s, "(")]; ok {
					return to + "("
				}
				return s
			})
		}
		for k, f := range g.funcs {
			if to, ok := rename[f.goName]; ok {
				for _, c := range g.order {
					if c.goName == to {
						g.funcs[k] = c
					}
				}
			}
		}
	}
}

var callee = regexp.MustCompile(`\bt[0-9]+\(`)

// file writes the source: the dict types, the functions under readable
// names, the helpers and the registration of entries.
func (g *generator) file(entries []string) ([]byte, error) {
	rename := g.readableNames()
	// the body first, so that its imports are known
	var body bytes.Buffer
	if err := g.writeDicts(&body); err != nil {
		return nil, err
	}
	if err := g.writeFunctions(&body, rename); err != nil {
		return nil, err
	}
	for _, h := range sortedKeys(g.helpers) {
		body.WriteString(helperSource[h])
		body.WriteString("\n")
	}
	body.WriteString("func init() {\n")
	for i, e := range g.cfg.Entries {
		t, err := g.goType(typ{rt: e.Data})
		if err != nil {
			return nil, err
		}
		fn := strings.TrimSuffix(rename(entries[i]+"("), "(")
		fmt.Fprintf(&body, "\t%s(%q, %q, %q, func(w %s, data any) error { return %s(w, data.(%s)) })\n",
			g.cfg.Register, e.Set, g.cfg.Fingerprints[e.Set], e.Name, g.cfg.Writer, fn, t)
	}
	body.WriteString("}\n")

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by %s; DO NOT EDIT.\n\n", g.cfg.Generator)
	fmt.Fprintf(&b, "package %s\n\n", g.cfg.Package)
	if len(g.imports) > 0 {
		b.WriteString("import (\n")
		for _, p := range sortedKeys(g.imports) {
			fmt.Fprintf(&b, "\t%q\n", p)
		}
		b.WriteString(")\n\n")
	}
	b.Write(body.Bytes())
	out, err := format.Source(b.Bytes())
	if err != nil {
		return b.Bytes(), fmt.Errorf("formatting the generated code: %w", err)
	}
	return out, nil
}

// readableNames names each function after its template, with its set
// where only one set has it, and returns what renames the functions'
// working names in a text.
func (g *generator) readableNames() func(string) string {
	used := map[string]bool{}
	for _, f := range g.order {
		base := ident(f.name)
		if len(f.sets) == 1 && !strings.Contains(f.tree.ParseName, "partials") {
			base = ident(f.set) + "_" + base
		}
		name := "tmpl_" + base
		for i := 2; used[name]; i++ {
			name = fmt.Sprintf("tmpl_%s_%d", base, i)
		}
		used[name] = true
		g.names[f.goName] = name
	}
	return func(s string) string {
		return callee.ReplaceAllStringFunc(s, func(m string) string {
			if to, ok := g.names[strings.TrimSuffix(m, "(")]; ok {
				return to + "("
			}
			return m
		})
	}
}

// writeDicts writes the struct type of each dict, by name.
func (g *generator) writeDicts(body *bytes.Buffer) error {
	var dicts []*dictType
	for _, d := range g.dicts {
		dicts = append(dicts, d)
	}
	sort.Slice(dicts, func(i, j int) bool { return dicts[i].name < dicts[j].name })
	for _, d := range dicts {
		fmt.Fprintf(body, "// %s is the argument of a dict call: %s.\ntype %s struct {\n", d.name, strings.Join(d.keys, ", "), d.name)
		for i, k := range d.keys {
			if d.types[i].isNil() {
				continue
			}
			ft, err := g.goType(d.types[i])
			if err != nil {
				return err
			}
			fmt.Fprintf(body, "\t%s %s\n", fieldName(k), ft)
		}
		body.WriteString("}\n\n")
	}
	return nil
}

// writeFunctions writes the functions, by name.
func (g *generator) writeFunctions(body *bytes.Buffer, rename func(string) string) error {
	byName := append([]*function(nil), g.order...)
	sort.SliceStable(byName, func(i, j int) bool { return g.names[byName[i].goName] < g.names[byName[j].goName] })
	for _, f := range byName {
		param := ""
		if !f.dot.isNil() {
			t, err := g.goType(f.dot)
			if err != nil {
				return err
			}
			param = ", dot " + t
		}
		sets := append([]string(nil), f.sets...)
		sort.Strings(sets)
		sets = slices.Compact(sets)
		name := g.names[f.goName]
		fmt.Fprintf(body, "// %s writes template %q (%s) of the sets %s.\n", name, f.name, f.tree.ParseName, strings.Join(sets, ", "))
		fmt.Fprintf(body, "func %s(w %s%s) error {\n", name, g.cfg.Writer, param)
		body.WriteString(rename(strings.ReplaceAll(f.body, selfName+"(", f.goName+"(")))
		body.WriteString("}\n\n")
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ident makes a Go identifier of a template's name ("item-ref" →
// "item_ref"; an escaped copy "title$htmltemplate_…" keeps its suffix).
func ident(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// fieldName is the struct field of a dict key.
func fieldName(key string) string {
	if token := ident(key); token != "" && token[0] >= 'A' && token[0] <= 'Z' {
		return token
	}
	return "K_" + ident(key)
}

// pkgName records the import of path and returns its name.
func (g *generator) pkgName(path string) string {
	if name, ok := g.imports[path]; ok {
		return name
	}
	name := path[strings.LastIndex(path, "/")+1:]
	g.imports[path] = name
	return name
}

// goType writes t as Go.
func (g *generator) goType(t typ) (string, error) {
	if t.dict != nil {
		return t.dict.name, nil
	}
	if t.rt == nil {
		return "", errors.New("untyped nil has no Go type")
	}
	return g.rtype(t.rt)
}

func (g *generator) rtype(rt reflect.Type) (string, error) {
	if rt.Name() != "" {
		switch rt.PkgPath() {
		case "", g.cfg.PkgPath:
			return rt.Name(), nil
		}
		return g.pkgName(rt.PkgPath()) + "." + rt.Name(), nil
	}
	switch rt.Kind() {
	case reflect.Pointer:
		s, err := g.rtype(rt.Elem())
		return "*" + s, err
	case reflect.Slice:
		s, err := g.rtype(rt.Elem())
		return "[]" + s, err
	case reflect.Array:
		s, err := g.rtype(rt.Elem())
		return fmt.Sprintf("[%d]%s", rt.Len(), s), err
	case reflect.Map:
		k, err := g.rtype(rt.Key())
		if err != nil {
			return "", err
		}
		v, err := g.rtype(rt.Elem())
		return "map[" + k + "]" + v, err
	case reflect.Interface:
		if rt.NumMethod() == 0 {
			return "any", nil
		}
		var ms []string
		for i := range rt.NumMethod() {
			m := rt.Method(i)
			sig, err := g.signature(m.Type)
			if err != nil {
				return "", err
			}
			ms = append(ms, m.Name+sig)
		}
		return "interface{ " + strings.Join(ms, "; ") + " }", nil
	case reflect.Func:
		sig, err := g.signature(rt)
		return "func" + sig, err
	}
	return "", fmt.Errorf("cannot write the type %s", rt)
}

func (g *generator) signature(ft reflect.Type) (string, error) {
	var in, out []string
	for i := range ft.NumIn() {
		t := ft.In(i)
		prefix := ""
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			prefix, t = "...", t.Elem()
		}
		s, err := g.rtype(t)
		if err != nil {
			return "", err
		}
		in = append(in, prefix+s)
	}
	for i := range ft.NumOut() {
		s, err := g.rtype(ft.Out(i))
		if err != nil {
			return "", err
		}
		out = append(out, s)
	}
	sig := "(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
	case 1:
		sig += " " + out[0]
	default:
		sig += " (" + strings.Join(out, ", ") + ")"
	}
	return sig, nil
}

// dict returns the struct type of a dict with keys of types.
func (g *generator) dict(keys []string, types []typ) *dictType {
	var sig strings.Builder
	for i, k := range keys {
		fmt.Fprintf(&sig, "%s=%s;", k, types[i].key())
	}
	if d, ok := g.dicts[sig.String()]; ok {
		return d
	}
	sum := sha256.Sum256([]byte(sig.String()))
	d := &dictType{sig: sig.String(), keys: keys, types: types,
		name: "dict_" + ident(strings.Join(keys, "_")) + "_" + hex.EncodeToString(sum[:])[:6]}
	g.dicts[d.sig] = d
	return d
}

func (g *generator) helper(name string) string {
	if g.helpers == nil {
		g.helpers = map[string]bool{}
	}
	g.helpers[name] = true
	for _, imp := range helperImports[name] {
		g.pkgName(imp)
	}
	return name
}

// The helpers the generated code may call, written into the file where
// it does.
var helperSource = map[string]string{
	"tmplTruth": `// tmplTruth is whether a value in an interface is true as a template
// sees it: not the zero value, not empty, not nil.
func tmplTruth(v any) bool {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Interface {
		r = r.Elem()
	}
	if !r.IsValid() {
		return false
	}
	switch r.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return r.Len() > 0
	case reflect.Bool:
		return r.Bool()
	case reflect.Complex64, reflect.Complex128:
		return r.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !r.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return r.Int() != 0
	case reflect.Float32, reflect.Float64:
		return r.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return r.Uint() != 0
	}
	return true
}
`,
	"tmplError": `// tmplError says where in which template a call failed.
func tmplError(where string, err error) error {
	return fmt.Errorf("%s: %w", where, err)
}
`,
}

var helperImports = map[string][]string{
	"tmplTruth": {"reflect"},
	"tmplError": {"fmt"},
}
