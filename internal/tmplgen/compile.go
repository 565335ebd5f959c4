package tmplgen

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

// value is a template value at generation time: a Go expression free of
// side effects (a variable, a constant, a selector of a variable) and its
// static type. A constant of the template (konst) has no expression
// until it meets the type it is given to.
type value struct {
	expr  string
	t     typ
	konst parse.Node
}

// compiler writes the body of one function.
type compiler struct {
	g      *generator
	f      *function
	b      strings.Builder
	indent int
	n      int // temporaries so far
	dot    value
	scopes []map[string]value
}

// errorf is an error at node n of the template.
func (c *compiler) errorf(n parse.Node, format string, args ...any) error {
	loc, _ := c.f.tree.ErrorContext(n)
	return fmt.Errorf("%s: template %q: %s", loc, c.f.name, fmt.Sprintf(format, args...))
}

func (c *compiler) line(format string, args ...any) {
	c.b.WriteString(strings.Repeat("\t", c.indent))
	fmt.Fprintf(&c.b, format, args...)
	c.b.WriteByte('\n')
}

func (c *compiler) temp() string {
	c.n++
	return "v" + strconv.Itoa(c.n)
}

// where is the template position an error at n is reported with.
func (c *compiler) where(n parse.Node) string {
	loc, _ := c.f.tree.ErrorContext(n)
	return strconv.Quote(loc)
}

func (c *compiler) push() { c.scopes = append(c.scopes, map[string]value{}) }
func (c *compiler) pop()  { c.scopes = c.scopes[:len(c.scopes)-1] }

func (c *compiler) variable(name string) (value, bool) {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		if v, ok := c.scopes[i][name]; ok {
			return v, true
		}
	}
	return value{}, false
}

// declare binds a template variable to a new Go variable holding v.
func (c *compiler) declare(name string, v value, n parse.Node) error {
	expr, err := c.materialise(v, n)
	if err != nil {
		return err
	}
	if v.t.isNil() {
		c.scopes[len(c.scopes)-1][name] = value{expr: "nil"}
		return nil
	}
	goVar := c.temp()
	c.line("%s := %s", goVar, expr)
	c.line("_ = %s", goVar)
	c.scopes[len(c.scopes)-1][name] = value{expr: goVar, t: v.t}
	return nil
}

func (c *compiler) list(l *parse.ListNode) error {
	if l == nil {
		return nil
	}
	for _, n := range l.Nodes {
		if err := c.node(n); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) node(n parse.Node) error {
	switch n := n.(type) {
	case *parse.TextNode:
		if len(n.Text) > 0 {
			c.line("w.raw(%s)", strconv.Quote(string(n.Text)))
		}
	case *parse.CommentNode:
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifNode(n)
	case *parse.WithNode:
		return c.withNode(n)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	case *parse.BreakNode:
		c.line("break")
	case *parse.ContinueNode:
		c.line("continue")
	default:
		return c.errorf(n, "%T is not supported", n)
	}
	return nil
}

// action writes a value, or declares or assigns variables.
func (c *compiler) action(a *parse.ActionNode) error {
	if len(a.Pipe.Decl) > 0 {
		return c.bind(a.Pipe)
	}
	cmds, escapers := splitEscapers(a.Pipe.Cmds)
	if len(cmds) == 0 {
		return c.errorf(a, "nothing to print")
	}
	v, err := c.commands(cmds)
	if err != nil {
		return err
	}
	return c.write(a, v, escapers)
}

// bind evaluates a pipeline that declares or assigns variables.
func (c *compiler) bind(p *parse.PipeNode) error {
	v, err := c.pipeline(p)
	if err != nil {
		return err
	}
	if len(p.Decl) != 1 {
		return c.errorf(p, "a declaration of %d variables outside range", len(p.Decl))
	}
	name := p.Decl[0].Ident[0]
	if p.IsAssign {
		old, ok := c.variable(name)
		if !ok {
			return c.errorf(p, "undefined variable %s", name)
		}
		if old.t.rt == nil {
			return c.errorf(p, "assigning to %s, which has no type here", name)
		}
		expr, err := c.convert(p, v, old.t.rt)
		if err != nil {
			return c.errorf(p, "assigning to %s: %v", name, err)
		}
		c.line("%s = %s", old.expr, expr)
		return nil
	}
	return c.declare(name, v, p)
}

// splitEscapers separates the escapers html/template appended to a
// pipeline from the commands that make the value.
func splitEscapers(cmds []*parse.CommandNode) ([]*parse.CommandNode, []string) {
	i := len(cmds)
	for i > 0 {
		id, ok := cmds[i-1].Args[0].(*parse.IdentifierNode)
		if !ok || len(cmds[i-1].Args) != 1 || !strings.HasPrefix(id.Ident, "_html_template_") {
			break
		}
		i--
	}
	var names []string
	for _, cmd := range cmds[i:] {
		names = append(names, strings.TrimPrefix(cmd.Args[0].(*parse.IdentifierNode).Ident, "_html_template_"))
	}
	return cmds[:i], names
}

var (
	htmlType = reflect.TypeFor[template.HTML]()
	jsType   = reflect.TypeFor[template.JS]()
	urlType  = reflect.TypeFor[template.URL]()
	errType  = reflect.TypeFor[error]()
	strType  = reflect.TypeFor[fmt.Stringer]()
)

// write prints v through the escapers of its context.
func (c *compiler) write(n parse.Node, v value, escapers []string) error {
	chain := strings.Join(escapers, " ")
	if v.konst == nil && v.t.rt != nil {
		switch {
		case v.t.rt == htmlType && chain == "htmlescaper":
			c.line("w.raw(string(%s))", v.expr)
			return nil
		case v.t.rt == jsType && chain == "jsvalescaper":
			c.line("w.raw(string(%s))", v.expr)
			return nil
		case v.t.rt == urlType && chain == "urlfilter urlnormalizer attrescaper":
			c.line("w.urlPart(string(%s))", v.expr) // trusted: not filtered
			return nil
		case v.t.rt == htmlType || v.t.rt == jsType || v.t.rt == urlType:
			return c.errorf(n, "a %s printed through %q is not supported", v.t.rt, chain)
		}
	}
	var method string
	switch chain {
	case "htmlescaper", "attrescaper", "rcdataescaper":
		method = "text"
	case "urlfilter urlnormalizer attrescaper":
		method = "url"
	case "urlnormalizer attrescaper":
		method = "urlPart"
	case "urlfilter attrescaper":
		method = "filteredURL"
	case "urlescaper attrescaper":
		method = "frag"
	default:
		return c.errorf(n, "the escapers %q are not supported", chain)
	}
	s, err := c.stringOf(n, v)
	if err != nil {
		return err
	}
	c.line("w.%s(%s)", method, s)
	return nil
}

// stringOf is v as the escapers see it: its string, its String or Error
// method's result, or fmt.Sprint's.
func (c *compiler) stringOf(n parse.Node, v value) (string, error) {
	if v.konst != nil {
		switch k := v.konst.(type) {
		case *parse.StringNode:
			return strconv.Quote(k.Text), nil
		case *parse.BoolNode:
			return strconv.Quote(strconv.FormatBool(k.True)), nil
		case *parse.NumberNode:
			if k.IsInt {
				return strconv.Quote(strconv.FormatInt(k.Int64, 10)), nil
			}
		}
		return "", c.errorf(n, "printing the constant %s is not supported", v.konst)
	}
	if v.t.rt == nil {
		return "", c.errorf(n, "printing %s, which has no type here, is not supported", v.expr)
	}
	rt := v.t.rt
	switch {
	case rt.Implements(errType):
		return v.expr + ".Error()", nil
	case rt.Implements(strType):
		return v.expr + ".String()", nil
	case rt.Kind() == reflect.Pointer:
		return "", c.errorf(n, "printing a %s is not supported", rt)
	}
	switch rt.Kind() {
	case reflect.String:
		if rt == reflect.TypeFor[string]() {
			return v.expr, nil
		}
		return "string(" + v.expr + ")", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.g.pkgName("strconv")
		return "strconv.FormatInt(int64(" + v.expr + "), 10)", nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		c.g.pkgName("strconv")
		return "strconv.FormatUint(uint64(" + v.expr + "), 10)", nil
	case reflect.Bool:
		c.g.pkgName("strconv")
		return "strconv.FormatBool(bool(" + v.expr + "))", nil
	}
	c.g.pkgName("fmt")
	return "fmt.Sprint(" + v.expr + ")", nil
}

func (c *compiler) ifNode(n *parse.IfNode) error {
	c.line("{")
	c.indent++
	c.push()
	cond, err := c.truthOf(n.Pipe)
	if err != nil {
		return err
	}
	c.line("if %s {", cond)
	if err := c.block(n.List); err != nil {
		return err
	}
	if n.ElseList != nil {
		c.line("} else {")
		if err := c.block(n.ElseList); err != nil {
			return err
		}
	}
	c.line("}")
	c.pop()
	c.indent--
	c.line("}")
	return nil
}

// block writes a list in a scope of its own.
func (c *compiler) block(l *parse.ListNode) error {
	c.indent++
	c.push()
	err := c.list(l)
	c.pop()
	c.indent--
	return err
}

// truthOf evaluates a pipeline for whether it is true, declaring its
// variables in the current scope. and, or and not evaluate their
// arguments only as far as needed, as templates do.
func (c *compiler) truthOf(p *parse.PipeNode) (string, error) {
	if len(p.Decl) == 0 && len(p.Cmds) == 1 {
		if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok {
			switch id.Ident {
			case "and", "or":
				return c.logic(id.Ident, p.Cmds[0].Args[1:])
			case "not":
				if len(p.Cmds[0].Args) != 2 {
					return "", c.errorf(p, "not takes one argument")
				}
				t, err := c.argTruth(p.Cmds[0].Args[1])
				return "!(" + t + ")", err
			}
		}
	}
	v, err := c.pipeline(p)
	if err != nil {
		return "", err
	}
	if len(p.Decl) == 1 {
		if err := c.declare(p.Decl[0].Ident[0], v, p); err != nil {
			return "", err
		}
		v, _ = c.variable(p.Decl[0].Ident[0])
	}
	return c.truth(p, v)
}

// argTruth is truthOf for an argument of and, or, not.
func (c *compiler) argTruth(arg parse.Node) (string, error) {
	if pipe, ok := arg.(*parse.PipeNode); ok {
		return c.truthOf(pipe)
	}
	v, err := c.operand(arg)
	if err != nil {
		return "", err
	}
	return c.truth(arg, v)
}

// logic writes and or or over args for their truth alone.
func (c *compiler) logic(op string, args []parse.Node) (string, error) {
	if len(args) == 0 {
		return "", fmt.Errorf("%s needs arguments", op)
	}
	res := c.temp()
	first, err := c.argTruth(args[0])
	if err != nil {
		return "", err
	}
	c.line("%s := %s", res, first)
	for _, a := range args[1:] {
		if op == "and" {
			c.line("if %s {", res)
		} else {
			c.line("if !%s {", res)
		}
		c.indent++
		t, err := c.argTruth(a)
		if err != nil {
			return "", err
		}
		c.line("%s = %s", res, t)
		c.indent--
		c.line("}")
	}
	return res, nil
}

// truth is whether v is true as a template sees it.
func (c *compiler) truth(n parse.Node, v value) (string, error) {
	if v.konst != nil {
		switch k := v.konst.(type) {
		case *parse.BoolNode:
			return strconv.FormatBool(k.True), nil
		case *parse.StringNode:
			return strconv.FormatBool(k.Text != ""), nil
		case *parse.NumberNode:
			return strconv.FormatBool(k.Text != "0"), nil
		case *parse.NilNode:
			return "false", nil
		}
	}
	if v.t.isNil() {
		return "false", nil
	}
	if v.t.dict != nil {
		return strconv.FormatBool(len(v.t.dict.keys) > 0), nil
	}
	switch v.t.rt.Kind() {
	case reflect.Bool:
		return v.expr, nil
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array, reflect.Chan:
		return "len(" + v.expr + ") > 0", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return v.expr + " != 0", nil
	case reflect.Pointer, reflect.Func:
		return v.expr + " != nil", nil
	case reflect.Interface:
		return c.g.helper("tmplTruth") + "(" + v.expr + ")", nil
	case reflect.Struct:
		return "true", nil
	}
	return "", c.errorf(n, "the truth of a %s is not supported", v.t.rt)
}

func (c *compiler) withNode(n *parse.WithNode) error {
	c.line("{")
	c.indent++
	c.push()
	v, err := c.pipeline(n.Pipe)
	if err != nil {
		return err
	}
	expr, err := c.materialise(v, n)
	if err != nil {
		return err
	}
	dot := value{t: v.t, konst: v.konst}
	if !v.t.isNil() && v.konst == nil {
		dot.expr = c.temp()
		c.line("%s := %s", dot.expr, expr)
		c.line("_ = %s", dot.expr)
	} else {
		dot.expr = expr
	}
	if len(n.Pipe.Decl) == 1 {
		c.scopes[len(c.scopes)-1][n.Pipe.Decl[0].Ident[0]] = dot
	}
	cond, err := c.truth(n, dot)
	if err != nil {
		return err
	}
	c.line("if %s {", cond)
	saved := c.dot
	c.dot = dot
	if err := c.block(n.List); err != nil {
		return err
	}
	c.dot = saved
	if n.ElseList != nil {
		c.line("} else {")
		if err := c.block(n.ElseList); err != nil {
			return err
		}
	}
	c.line("}")
	c.pop()
	c.indent--
	c.line("}")
	return nil
}

func (c *compiler) rangeNode(n *parse.RangeNode) error {
	c.line("{")
	c.indent++
	c.push()
	v, err := c.pipeline(&parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pipe.Pos, Line: n.Pipe.Line, Cmds: n.Pipe.Cmds})
	if err != nil {
		return err
	}
	expr, err := c.materialise(v, n)
	if err != nil {
		return err
	}
	if v.t.rt == nil {
		return c.errorf(n, "range over a value with no type here")
	}
	coll := c.temp()
	c.line("%s := %s", coll, expr)
	rt := v.t.rt
	key, elem, keys, err := c.rangeTypes(n, rt, coll)
	if err != nil {
		return err
	}
	length := "len(" + coll + ")"
	if rt.Kind() == reflect.Int {
		length = coll
	}
	if n.ElseList != nil {
		c.line("if %s == 0 {", length)
		if err := c.block(n.ElseList); err != nil {
			return err
		}
		c.line("}")
	}
	i, e := c.temp(), c.temp()
	switch {
	case keys != "":
		c.line("for _, %s := range %s {", i, keys)
		c.indent++
		c.line("%s := %s[%s]", e, coll, i)
	case rt.Kind() == reflect.Int:
		c.line("for %s := range %s {", i, coll)
		c.indent++
		c.line("%s := %s", e, i)
	default:
		c.line("for %s, %s := range %s {", i, e, coll)
		c.indent++
	}
	c.line("_, _ = %s, %s", i, e)
	c.push()
	elemV := value{expr: e, t: typ{rt: elem}}
	switch len(n.Pipe.Decl) {
	case 1:
		c.scopes[len(c.scopes)-1][n.Pipe.Decl[0].Ident[0]] = elemV
	case 2:
		c.scopes[len(c.scopes)-1][n.Pipe.Decl[0].Ident[0]] = value{expr: i, t: typ{rt: key}}
		c.scopes[len(c.scopes)-1][n.Pipe.Decl[1].Ident[0]] = elemV
	}
	saved := c.dot
	c.dot = elemV
	if err := c.list(n.List); err != nil {
		return err
	}
	c.dot = saved
	c.pop()
	c.indent--
	c.line("}")
	c.pop()
	c.indent--
	c.line("}")
	return nil
}

func (c *compiler) templateNode(n *parse.TemplateNode) error {
	v := value{expr: "nil"}
	if n.Pipe != nil {
		var err error
		if v, err = c.pipeline(n.Pipe); err != nil {
			return err
		}
	}
	if v.konst != nil {
		return c.errorf(n, "a constant as a template's value is not supported")
	}
	name, err := c.g.want(c.f.set, n.Name, v.t)
	if err != nil {
		return c.errorf(n, "%v", err)
	}
	if v.t.isNil() {
		c.line("if err := %s(w); err != nil {", name)
	} else {
		c.line("if err := %s(w, %s); err != nil {", name, v.expr)
	}
	c.line("\treturn err")
	c.line("}")
	return nil
}

// pipeline evaluates the commands of p, each one's value the last
// argument of the next.
func (c *compiler) pipeline(p *parse.PipeNode) (value, error) {
	return c.commands(p.Cmds)
}

func (c *compiler) commands(cmds []*parse.CommandNode) (value, error) {
	var last *value
	for _, cmd := range cmds {
		v, err := c.command(cmd, last)
		if err != nil {
			return value{}, err
		}
		last = &v
	}
	if last == nil {
		return value{}, fmt.Errorf("empty pipeline")
	}
	return *last, nil
}

// command evaluates one command; final is the value piped into it.
func (c *compiler) command(cmd *parse.CommandNode, final *value) (value, error) {
	first := cmd.Args[0]
	args := cmd.Args[1:]
	switch n := first.(type) {
	case *parse.FieldNode:
		return c.fields(cmd, c.dot, n.Ident, args, final)
	case *parse.ChainNode:
		v, err := c.operand(n.Node)
		if err != nil {
			return value{}, err
		}
		return c.fields(cmd, v, n.Field, args, final)
	case *parse.VariableNode:
		v, ok := c.variable(n.Ident[0])
		if !ok {
			return value{}, c.errorf(n, "undefined variable %s", n.Ident[0])
		}
		if len(n.Ident) == 1 {
			if len(args) > 0 || final != nil {
				return value{}, c.errorf(n, "%s is not a function", n.Ident[0])
			}
			return v, nil
		}
		return c.fields(cmd, v, n.Ident[1:], args, final)
	case *parse.IdentifierNode:
		return c.call(cmd, n.Ident, args, final)
	}
	if len(args) > 0 || final != nil {
		return value{}, c.errorf(cmd, "%s is not a function", first)
	}
	return c.operand(first)
}

// operand evaluates a node that is a value: a constant, the dot, a
// variable, a field, a chain or a parenthesised pipeline.
func (c *compiler) operand(n parse.Node) (value, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return c.dot, nil
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
		return value{konst: n}, nil
	case *parse.NilNode:
		return value{expr: "nil"}, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return value{}, c.errorf(n, "a declaration inside parentheses is not supported")
		}
		return c.pipeline(n)
	case *parse.FieldNode, *parse.ChainNode, *parse.VariableNode, *parse.IdentifierNode:
		return c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Position(), Args: []parse.Node{n}}, nil)
	}
	return value{}, c.errorf(n, "%T is not supported here", n)
}

// fields selects names one after the other from v; the last takes args
// and final when it is a method.
func (c *compiler) fields(n parse.Node, v value, names []string, args []parse.Node, final *value) (value, error) {
	for i, name := range names {
		last := i == len(names)-1
		var a []parse.Node
		var fin *value
		if last {
			a, fin = args, final
		}
		var err error
		if v, err = c.selectName(n, v, name, a, fin); err != nil {
			return value{}, err
		}
	}
	return v, nil
}

// selectName is v.name: a dict's key, a method (called with args and
// final), a struct field, or a map's key.
func (c *compiler) selectName(n parse.Node, v value, name string, args []parse.Node, final *value) (value, error) {
	if v.konst != nil {
		return value{}, c.errorf(n, "field %s of a constant", name)
	}
	if d := v.t.dict; d != nil {
		if len(args) > 0 || final != nil {
			return value{}, c.errorf(n, "dict key %s is not a function", name)
		}
		t, ok := d.field(name)
		if !ok || t.isNil() {
			return value{expr: "nil"}, nil // a key a dict was not given: nil, as from a map
		}
		return value{expr: v.expr + "." + fieldName(name), t: t}, nil
	}
	rt := v.t.rt
	if rt == nil {
		return value{}, c.errorf(n, "field %s of nil", name)
	}
	if m, ok := rt.MethodByName(name); ok && rt.Kind() != reflect.Interface {
		return c.callMethod(n, v, m.Type, name, args, final, true)
	}
	if rt.Kind() != reflect.Pointer && rt.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(rt).MethodByName(name); ok {
			// a method of *T on a T: taken on an addressable copy
			recv := c.temp()
			c.line("%s := %s", recv, v.expr)
			return c.callMethod(n, value{expr: recv, t: v.t}, m.Type, name, args, final, true)
		}
	}
	if rt.Kind() == reflect.Interface {
		if m, ok := rt.MethodByName(name); ok {
			return c.callMethod(n, v, m.Type, name, args, final, false)
		}
		return value{}, c.errorf(n, "field %s of an interface %s is not supported", name, rt)
	}
	if len(args) > 0 || final != nil {
		return value{}, c.errorf(n, "%s of %s is not a method", name, rt)
	}
	base := rt
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch base.Kind() {
	case reflect.Struct:
		sf, ok := base.FieldByName(name)
		if !ok {
			return value{}, c.errorf(n, "%s has no field or method %s", rt, name)
		}
		if !sf.IsExported() {
			return value{}, c.errorf(n, "field %s of %s is not exported", name, rt)
		}
		return value{expr: v.expr + "." + name, t: typ{rt: sf.Type}}, nil
	case reflect.Map:
		if base.Key().Kind() != reflect.String || rt.Kind() == reflect.Pointer {
			return value{}, c.errorf(n, "key %s of a %s is not supported", name, rt)
		}
		t := c.temp()
		c.line("%s := %s[%s]", t, v.expr, strconv.Quote(name))
		return value{expr: t, t: typ{rt: base.Elem()}}, nil
	}
	return value{}, c.errorf(n, "field %s of a %s", name, rt)
}

// callMethod calls method name of v, whose type is mt (with its receiver
// first when withRecv).
func (c *compiler) callMethod(n parse.Node, v value, mt reflect.Type, name string, args []parse.Node, final *value, withRecv bool) (value, error) {
	if withRecv {
		ins := make([]reflect.Type, 0, mt.NumIn()-1)
		for i := 1; i < mt.NumIn(); i++ {
			ins = append(ins, mt.In(i))
		}
		outs := make([]reflect.Type, 0, mt.NumOut())
		for i := range mt.NumOut() {
			outs = append(outs, mt.Out(i))
		}
		mt = reflect.FuncOf(ins, outs, mt.IsVariadic())
	}
	return c.invoke(n, v.expr+"."+name, name, mt, args, final)
}

// invoke calls the function fn (a Go expression) of type ft.
func (c *compiler) invoke(n parse.Node, fn, name string, ft reflect.Type, args []parse.Node, final *value) (value, error) {
	var vals []value
	for _, a := range args {
		v, err := c.operand(a)
		if err != nil {
			return value{}, err
		}
		vals = append(vals, v)
	}
	if final != nil {
		vals = append(vals, *final)
	}
	numIn := ft.NumIn()
	if ft.IsVariadic() {
		if len(vals) < numIn-1 {
			return value{}, c.errorf(n, "%s needs at least %d arguments, has %d", name, numIn-1, len(vals))
		}
	} else if len(vals) != numIn {
		return value{}, c.errorf(n, "%s needs %d arguments, has %d", name, numIn, len(vals))
	}
	var exprs []string
	for i, v := range vals {
		var want reflect.Type
		if ft.IsVariadic() && i >= numIn-1 {
			want = ft.In(numIn - 1).Elem()
		} else {
			want = ft.In(i)
		}
		e, err := c.convert(n, v, want)
		if err != nil {
			return value{}, c.errorf(n, "argument %d of %s: %v", i+1, name, err)
		}
		exprs = append(exprs, e)
	}
	call := fn + "(" + strings.Join(exprs, ", ") + ")"
	switch {
	case ft.NumOut() == 1 && ft.Out(0) != errType:
		t := c.temp()
		c.line("%s := %s", t, call)
		return value{expr: t, t: typ{rt: ft.Out(0)}}, nil
	case ft.NumOut() == 2 && ft.Out(1) == errType:
		t := c.temp()
		c.line("%s, err := %s", t, call)
		c.line("if err != nil {")
		c.line("\treturn %s(%s, err)", c.g.helper("tmplError"), c.where(n))
		c.line("}")
		return value{expr: t, t: typ{rt: ft.Out(0)}}, nil
	}
	return value{}, c.errorf(n, "%s returns %d values; a template needs one, or one and an error", name, ft.NumOut())
}

// convert writes v as a value of type want, as a template passes an
// argument: assignable as it is, a constant of the kind wanted, an
// interface asserted to the type, or a pointer to what is wanted
// followed.
func (c *compiler) convert(n parse.Node, v value, want reflect.Type) (string, error) {
	if v.konst != nil {
		return c.constant(v.konst, want)
	}
	if v.t.isNil() {
		switch want.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Func, reflect.Chan:
			return "nil", nil
		}
		return "", fmt.Errorf("nil for a %s", want)
	}
	if v.t.dict != nil {
		return "", fmt.Errorf("a dict for a %s is not supported", want)
	}
	rt := v.t.rt
	switch {
	case rt.AssignableTo(want):
		return v.expr, nil
	case rt.Kind() == reflect.Interface:
		t, err := c.g.rtype(want)
		return v.expr + ".(" + t + ")", err
	case rt.Kind() == reflect.Pointer && rt.Elem().AssignableTo(want):
		return "*" + v.expr, nil
	}
	return "", fmt.Errorf("a %s for a %s", rt, want)
}

// constant writes a template constant as a value of type want.
func (c *compiler) constant(k parse.Node, want reflect.Type) (string, error) {
	typed := func(lit string, natural reflect.Type) (string, error) {
		if want.Kind() == reflect.Interface {
			if !natural.Implements(want) {
				return "", fmt.Errorf("a %s for a %s", natural, want)
			}
			if natural == reflect.TypeFor[int]() || natural == reflect.TypeFor[string]() || natural == reflect.TypeFor[bool]() || natural == reflect.TypeFor[float64]() {
				return lit, nil // Go's default types of untyped constants are the template's
			}
		}
		return lit, nil
	}
	switch k := k.(type) {
	case *parse.StringNode:
		if want.Kind() == reflect.String || want.Kind() == reflect.Interface {
			return typed(strconv.Quote(k.Text), reflect.TypeFor[string]())
		}
	case *parse.BoolNode:
		if want.Kind() == reflect.Bool || want.Kind() == reflect.Interface {
			return typed(strconv.FormatBool(k.True), reflect.TypeFor[bool]())
		}
	case *parse.NumberNode:
		switch want.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if k.IsInt {
				return strconv.FormatInt(k.Int64, 10), nil
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			if k.IsUint {
				return strconv.FormatUint(k.Uint64, 10), nil
			}
		case reflect.Float32, reflect.Float64:
			if k.IsFloat {
				return strconv.FormatFloat(k.Float64, 'g', -1, 64), nil
			}
		case reflect.Interface:
			if k.IsInt && !strings.ContainsAny(k.Text, ".eEpP") {
				return typed(strconv.FormatInt(k.Int64, 10), reflect.TypeFor[int]())
			}
			if k.IsFloat {
				return typed("float64("+strconv.FormatFloat(k.Float64, 'g', -1, 64)+")", reflect.TypeFor[float64]())
			}
		}
	case *parse.NilNode:
		return "nil", nil
	}
	return "", fmt.Errorf("the constant %s for a %s", k, want)
}

// naturalType is the type a template gives a constant passed where any
// value may go (dict's values): int, float64, string or bool.
func naturalType(k parse.Node) (reflect.Type, string, bool) {
	switch k := k.(type) {
	case *parse.StringNode:
		return reflect.TypeFor[string](), strconv.Quote(k.Text), true
	case *parse.BoolNode:
		return reflect.TypeFor[bool](), strconv.FormatBool(k.True), true
	case *parse.NumberNode:
		if k.IsInt && !strings.ContainsAny(k.Text, ".eEpP") {
			return reflect.TypeFor[int](), strconv.FormatInt(k.Int64, 10), true
		}
		if k.IsFloat {
			return reflect.TypeFor[float64](), "float64(" + strconv.FormatFloat(k.Float64, 'g', -1, 64) + ")", true
		}
	}
	return nil, "", false
}

// materialise writes v as an expression of its own type: a constant
// gets its natural type.
func (c *compiler) materialise(v value, n parse.Node) (string, error) {
	if v.konst == nil {
		return v.expr, nil
	}
	if _, lit, ok := naturalType(v.konst); ok {
		return lit, nil
	}
	if _, ok := v.konst.(*parse.NilNode); ok {
		return "nil", nil
	}
	return "", c.errorf(n, "the constant %s is not supported here", v.konst)
}

// call calls a function: a built-in, dict, or one of Config.Funcs.
func (c *compiler) call(n parse.Node, name string, args []parse.Node, final *value) (value, error) {
	if final != nil {
		args = append(args[:len(args):len(args)], nil) // placeholder for final, filled below
	}
	arg := func(i int) (value, error) {
		if final != nil && i == len(args)-1 {
			return *final, nil
		}
		return c.operand(args[i])
	}
	switch name {
	case "dict":
		return c.dictCall(n, args, arg)
	case "and", "or":
		return c.logicValue(n, name, len(args), arg)
	case "not":
		if len(args) != 1 {
			return value{}, c.errorf(n, "not takes one argument")
		}
		v, err := arg(0)
		if err != nil {
			return value{}, err
		}
		t, err := c.truth(n, v)
		return value{expr: "!(" + t + ")", t: typ{rt: reflect.TypeFor[bool]()}}, err
	case "eq", "ne", "lt", "le", "gt", "ge":
		return c.compare(n, name, len(args), arg)
	case "len":
		return c.lenCall(n, len(args), arg)
	case "index":
		return c.indexCall(n, len(args), arg)
	}
	fn, ok := c.g.cfg.Funcs[name]
	if !ok {
		return value{}, c.errorf(n, "function %q is not supported", name)
	}
	if fn.Import != "" {
		c.g.pkgName(fn.Import)
	}
	if final != nil {
		args = args[:len(args)-1]
	}
	return c.invoke(n, fn.Expr, name, fn.Type, args, final)
}

// logicValue is and or or for their value: the first argument that
// decides, evaluated no further than needed.
func (c *compiler) logicValue(n parse.Node, op string, count int, arg func(int) (value, error)) (value, error) {
	if count == 0 {
		return value{}, c.errorf(n, "%s needs arguments", op)
	}
	// the result's type: the arguments' when they share one, else any
	var vals []value
	res := c.temp()
	first, err := arg(0)
	if err != nil {
		return value{}, err
	}
	vals = append(vals, first)
	// Arguments after the first are evaluated inside the branches; their
	// types are found by compiling them there, so the result is declared
	// as any and narrowed afterwards when all agree.
	c.line("var %s any", res)
	fe, err := c.materialise(first, n)
	if err != nil {
		return value{}, err
	}
	c.line("%s = %s", res, fe)
	for i := 1; i < count; i++ {
		prev := vals[len(vals)-1]
		cond, err := c.truth(n, prev)
		if err != nil {
			return value{}, err
		}
		if op == "and" {
			c.line("if %s {", cond)
		} else {
			c.line("if !(%s) {", cond)
		}
		c.indent++
		v, err := arg(i)
		if err != nil {
			return value{}, err
		}
		e, err := c.materialise(v, n)
		if err != nil {
			return value{}, err
		}
		c.line("%s = %s", res, e)
		vals = append(vals, value{expr: res, t: v.t, konst: v.konst})
		c.indent--
		c.line("}")
		// the next condition tests the result so far
		vals[len(vals)-1] = value{expr: res, t: typ{rt: reflect.TypeFor[any]()}}
	}
	return value{expr: res, t: typ{rt: reflect.TypeFor[any]()}}, nil
}

// compare writes eq, ne, lt, le, gt or ge of basic values.
func (c *compiler) compare(n parse.Node, op string, count int, arg func(int) (value, error)) (value, error) {
	if count < 2 || (op != "eq" && count != 2) {
		return value{}, c.errorf(n, "%s with %d arguments", op, count)
	}
	a, err := arg(0)
	if err != nil {
		return value{}, err
	}
	goOp := map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}[op]
	var terms []string
	for i := 1; i < count; i++ {
		b, err := arg(i)
		if err != nil {
			return value{}, err
		}
		ae, be, err := c.comparable(n, a, b)
		if err != nil {
			return value{}, err
		}
		terms = append(terms, ae+" "+goOp+" "+be)
	}
	t := c.temp()
	c.line("%s := %s", t, strings.Join(terms, " || "))
	return value{expr: t, t: typ{rt: reflect.TypeFor[bool]()}}, nil
}

// comparable writes two values so that Go compares them as a template
// does: basic values of one kind, a constant taking the other's type.
func (c *compiler) comparable(n parse.Node, a, b value) (string, string, error) {
	basic := func(rt reflect.Type) bool {
		switch rt.Kind() {
		case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			return true
		}
		return false
	}
	switch {
	case a.konst == nil && b.konst != nil && a.t.rt != nil && basic(a.t.rt):
		be, err := c.constant(b.konst, a.t.rt)
		return a.expr, be, err
	case a.konst != nil && b.konst == nil && b.t.rt != nil && basic(b.t.rt):
		ae, err := c.constant(a.konst, b.t.rt)
		return ae, b.expr, err
	case a.konst == nil && b.konst == nil && a.t.rt != nil && b.t.rt != nil && basic(a.t.rt) && a.t.rt == b.t.rt:
		return a.expr, b.expr, nil
	case a.konst == nil && b.konst == nil && a.t.rt != nil && b.t.rt != nil && a.t.rt.Kind() == reflect.Pointer && a.t.rt == b.t.rt:
		return a.expr, b.expr, nil
	}
	return "", "", c.errorf(n, "comparing a %s with a %s is not supported", a.t.key(), b.t.key())
}

// dictCall makes the struct of a dict call's keys and values.
func (c *compiler) dictCall(n parse.Node, args []parse.Node, arg func(int) (value, error)) (value, error) {
	if len(args)%2 != 0 {
		return value{}, c.errorf(n, "dict needs key and value pairs")
	}
	var keys []string
	var types []typ
	var exprs []string
	for i := 0; i < len(args); i += 2 {
		k, ok := args[i].(*parse.StringNode)
		if !ok {
			return value{}, c.errorf(n, "a dict key must be a string constant")
		}
		v, err := arg(i + 1)
		if err != nil {
			return value{}, err
		}
		if v.konst != nil {
			rt, lit, ok := naturalType(v.konst)
			if !ok {
				if _, isNil := v.konst.(*parse.NilNode); !isNil {
					return value{}, c.errorf(n, "the constant %s in a dict", v.konst)
				}
				v = value{expr: "nil"}
			} else {
				v = value{expr: lit, t: typ{rt: rt}}
			}
		}
		keys = append(keys, k.Text)
		types = append(types, v.t)
		exprs = append(exprs, v.expr)
	}
	d := c.g.dict(keys, types)
	var fields []string
	for i, k := range keys {
		if !types[i].isNil() {
			fields = append(fields, fieldName(k)+": "+exprs[i])
		}
	}
	t := c.temp()
	c.line("%s := %s{%s}", t, d.name, strings.Join(fields, ", "))
	return value{expr: t, t: typ{dict: d}}, nil
}

// lenCall is len of a slice, map, string, array or channel.
func (c *compiler) lenCall(n parse.Node, count int, arg func(int) (value, error)) (value, error) {
	if count != 1 {
		return value{}, c.errorf(n, "len takes one argument")
	}
	v, err := arg(0)
	if err != nil {
		return value{}, err
	}
	if v.t.rt == nil {
		return value{}, c.errorf(n, "len of a value with no type here")
	}
	switch v.t.rt.Kind() {
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array, reflect.Chan:
	default:
		return value{}, c.errorf(n, "len of a %s", v.t.rt)
	}
	t := c.temp()
	c.line("%s := len(%s)", t, v.expr)
	return value{expr: t, t: typ{rt: reflect.TypeFor[int]()}}, nil
}

// indexCall is index of a slice, array, string or map by one key.
func (c *compiler) indexCall(n parse.Node, count int, arg func(int) (value, error)) (value, error) {
	if count != 2 {
		return value{}, c.errorf(n, "index with %d arguments is not supported", count)
	}
	coll, err := arg(0)
	if err != nil {
		return value{}, err
	}
	i, err := arg(1)
	if err != nil {
		return value{}, err
	}
	if coll.t.rt == nil {
		return value{}, c.errorf(n, "index of a value with no type here")
	}
	var key reflect.Type
	switch coll.t.rt.Kind() {
	case reflect.Slice, reflect.Array, reflect.String:
		key = reflect.TypeFor[int]()
	case reflect.Map:
		key = coll.t.rt.Key()
	default:
		return value{}, c.errorf(n, "index of a %s", coll.t.rt)
	}
	ie, err := c.convert(n, i, key)
	if err != nil {
		return value{}, c.errorf(n, "index: %v", err)
	}
	elem := reflect.TypeFor[byte]()
	if coll.t.rt.Kind() != reflect.String {
		elem = coll.t.rt.Elem()
	}
	t := c.temp()
	c.line("%s := %s[%s]", t, coll.expr, ie)
	return value{expr: t, t: typ{rt: elem}}, nil
}

// rangeTypes gives the key and element types of ranging over coll, a
// value of rt, and for a map the variable holding its sorted keys,
// which a template ranges over in order.
func (c *compiler) rangeTypes(n parse.Node, rt reflect.Type, coll string) (key, elem reflect.Type, keys string, err error) {
	switch rt.Kind() {
	case reflect.Slice, reflect.Array:
		return reflect.TypeFor[int](), rt.Elem(), "", nil
	case reflect.Int:
		return rt, rt, "", nil
	case reflect.Map:
		switch rt.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Float64:
		default:
			return nil, nil, "", c.errorf(n, "range over a map keyed by %s is not supported", rt.Key())
		}
		keys = c.temp()
		c.g.pkgName("slices")
		c.g.pkgName("maps")
		c.line("%s := slices.Sorted(maps.Keys(%s))", keys, coll)
		return rt.Key(), rt.Elem(), keys, nil
	}
	return nil, nil, "", c.errorf(n, "range over a %s is not supported", rt)
}
