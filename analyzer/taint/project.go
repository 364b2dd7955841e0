// Package taint is llmleak's taint engine. It works on the IR of a whole
// project: it indexes modules, functions and classes, then computes
// function summaries to a fixpoint (which parameters reach the return
// value, which reach a sink, which sources are returned) and reports every
// flow of sensitive data into an LLM or log call at its join point.
//
// It must not import tree-sitter, the parser, or any output format.
package taint

import (
	"sort"
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// ModInfo is one module of the project.
type ModInfo struct {
	Mod  *ir.Module
	Name string
	// Root is the import root the module name was computed from; used to
	// prefer modules of the same project when names collide.
	Root  string
	ID    int
	Body  *FuncInfo
	Funcs []*FuncInfo
	top   map[string]*binding
}

// FuncInfo is one function, method or module body.
type FuncInfo struct {
	Fn       *ir.Function
	Mod      *ModInfo
	Class    *ClassInfo
	ID       int
	QualName string // module.qualname
	// Bind is true for Celery tasks declared with bind=True: their first
	// parameter is the task, not an argument of delay().
	Bind bool
	// Static and ClassMethod mark decorated methods.
	Static, ClassMethod bool
	// Property marks @property methods: reading the attribute calls them.
	Property bool
	// LogEmit marks emit(self, record) of a logging.Handler subclass.
	LogEmit bool
	locals  map[string]*FuncInfo // nested defs by name
	outer   *FuncInfo            // the enclosing function of a nested def or method
	classes map[string]*ClassInfo
}

// ClassInfo is one class of the project.
type ClassInfo struct {
	Cls      *ir.Class
	Mod      *ModInfo
	ID       int
	QualName string
	Methods  map[string]*FuncInfo
	// Bases are the project classes it derives from, in order; ExtBases
	// the external base symbols ("rest_framework.views.APIView").
	Bases    []*ClassInfo
	ExtBases []string
	mro      []*ClassInfo
}

type bindKind int

const (
	bindFunc bindKind = iota + 1
	bindClass
	bindImport
	bindGlobal
)

// binding is a name defined at the top of a module.
type binding struct {
	kind   bindKind
	fn     *FuncInfo
	cls    *ClassInfo
	target string // absolute dotted name, for imports
	module bool   // the import binds a module ("import a.b")
}

// Project is the indexed whole program.
type Project struct {
	Mods    []*ModInfo
	Funcs   []*FuncInfo
	Classes []*ClassInfo
	byName  map[string][]*ModInfo
	// classOf maps each class definition to its class.
	classOf map[*ir.Class]*ClassInfo
	// Rank is each function's place in the analysis order (by ID).
	Rank []int
	// settingsMods are the Django settings modules (name "settings",
	// "*.settings" or "*.settings.*"), whose constants settings.X reads.
	settingsMods []*ModInfo
}

// ModuleSpec is what the caller knows of a parsed file.
type ModuleSpec struct {
	Mod  *ir.Module
	Root string
	// Absolute resolves a relative import of this module; nil means
	// relative imports cannot be resolved.
	Absolute func(level int, module string) (string, bool)
}

// NewProject indexes the modules. Modules must have Name set.
func NewProject(specs []ModuleSpec) *Project {
	p := &Project{byName: map[string][]*ModInfo{}, classOf: map[*ir.Class]*ClassInfo{}}
	sort.SliceStable(specs, func(i, j int) bool { return specs[i].Mod.Path < specs[j].Mod.Path })
	for _, s := range specs {
		m := &ModInfo{Mod: s.Mod, Name: s.Mod.Name, Root: s.Root, ID: len(p.Mods), top: map[string]*binding{}}
		p.Mods = append(p.Mods, m)
		p.byName[m.Name] = append(p.byName[m.Name], m)
		if m.Name == "settings" || strings.HasSuffix(m.Name, ".settings") || strings.Contains(m.Name, ".settings.") || strings.HasPrefix(m.Name, "settings.") {
			p.settingsMods = append(p.settingsMods, m)
		}
	}
	for i, s := range specs {
		p.indexModule(p.Mods[i], s)
	}
	for _, c := range p.Classes {
		p.resolveBases(c)
	}
	for _, c := range p.Classes {
		c.mro = linearize(c, map[*ClassInfo]bool{})
	}
	for _, f := range p.Funcs {
		p.classifyFunc(f)
	}
	p.orderFuncs(specs)
	return p
}

// orderFuncs ranks functions for analysis: modules after the modules they
// import (so a callee's summary is mostly known when its callers are
// analyzed), and within a module its body first, then functions in
// source order. Import cycles are broken in path order.
func (p *Project) orderFuncs(specs []ModuleSpec) {
	imports := make([][]int, len(p.Mods))
	for i, m := range p.Mods {
		seen := map[int]bool{}
		for _, im := range m.Mod.Imports {
			name := im.Module
			if im.Level > 0 {
				if specs[i].Absolute == nil {
					continue
				}
				abs, ok := specs[i].Absolute(im.Level, im.Module)
				if !ok {
					continue
				}
				name = abs
			}
			for _, cand := range []string{name + "." + im.Name, name} {
				if dep := p.Module(cand, m); dep != nil && dep != m {
					if !seen[dep.ID] {
						seen[dep.ID] = true
						imports[i] = append(imports[i], dep.ID)
					}
					break
				}
			}
		}
	}
	state := make([]byte, len(p.Mods)) // 0 new, 1 on stack, 2 done
	var order []int
	var visit func(int)
	visit = func(i int) {
		if state[i] != 0 {
			return
		}
		state[i] = 1
		for _, d := range imports[i] {
			visit(d)
		}
		state[i] = 2
		order = append(order, i)
	}
	for i := range p.Mods {
		visit(i)
	}
	// Functions in module order, then bottom-up over a syntactic call
	// graph (a callee before its callers, module bodies first), so the
	// first round mostly sees the summaries of what it calls.
	var byModule []*FuncInfo
	for _, mi := range order {
		byModule = append(byModule, p.Mods[mi].Funcs...)
	}
	p.Rank = make([]int, len(p.Funcs))
	seen := make([]byte, len(p.Funcs))
	n := 0
	var place func(f *FuncInfo, depth int)
	place = func(f *FuncInfo, depth int) {
		if seen[f.ID] != 0 {
			return
		}
		seen[f.ID] = 1
		if depth < 200 {
			for _, g := range p.staticCallees(f) {
				place(g, depth+1)
			}
		}
		p.Rank[f.ID] = n
		n++
	}
	for _, f := range byModule {
		if f.Fn == f.Mod.Mod.Body {
			place(f, 0)
		}
	}
	for _, f := range byModule {
		place(f, 0)
	}
}

// staticCallees resolves, without analysis, the project functions a
// function calls by name: f(), mod.f(), Class() (its __init__),
// self.m(); enough to order the first round.
func (p *Project) staticCallees(f *FuncInfo) []*FuncInfo {
	var out []*FuncInfo
	seen := map[*FuncInfo]bool{}
	add := func(g *FuncInfo) {
		if g != nil && g != f && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	var visitExpr func(e ir.Expr)
	var visitStmts func(ss []ir.Stmt)
	visitCall := func(c *ir.Call) {
		switch fn := c.Func.(type) {
		case *ir.Name:
			if g := f.locals[fn.Id]; g != nil {
				add(g)
			} else if b := f.Mod.top[fn.Id]; b != nil {
				add(p.staticFunc(f.Mod, b, 0))
			}
		case *ir.Attr:
			if n, ok := fn.X.(*ir.Name); ok {
				if (n.Id == "self" || n.Id == "cls") && f.Class != nil {
					add(f.Class.lookupMethod(fn.Name))
				} else if b := f.Mod.top[n.Id]; b != nil && b.kind == bindImport {
					if c, _ := p.staticQualified(b.target+"."+fn.Name, f.Mod, 0); c != nil {
						add(c.lookupMethod("__init__"))
					} else {
						add(p.staticFuncByName(b.target+"."+fn.Name, f.Mod))
					}
				}
			}
		}
	}
	visitExpr = func(e ir.Expr) {
		walkExpr(e, func(x ir.Expr) {
			if c, ok := x.(*ir.Call); ok {
				visitCall(c)
			}
		})
	}
	visitStmts = func(ss []ir.Stmt) {
		for _, st := range ss {
			walkStmt(st, visitExpr, visitStmts)
		}
	}
	visitStmts(f.Fn.Body)
	return out
}

// staticFunc resolves a top-level binding to a project function (a
// class resolves to its __init__).
func (p *Project) staticFunc(m *ModInfo, b *binding, depth int) *FuncInfo {
	switch b.kind {
	case bindFunc:
		return b.fn
	case bindClass:
		if b.cls != nil {
			return b.cls.lookupMethod("__init__")
		}
	case bindImport:
		if c, _ := p.staticQualified(b.target, m, depth); c != nil {
			return c.lookupMethod("__init__")
		}
		return p.staticFuncByName(b.target, m)
	}
	return nil
}

// staticFuncByName finds the project function with an absolute dotted
// name ("app.llm.ask"), following re-exports a few levels.
func (p *Project) staticFuncByName(full string, from *ModInfo) *FuncInfo {
	for depth := 0; depth < 8; depth++ {
		i := strings.LastIndexByte(full, '.')
		if i < 0 {
			return nil
		}
		m := p.Module(full[:i], from)
		if m == nil {
			return nil
		}
		b := m.top[full[i+1:]]
		if b == nil {
			return nil
		}
		switch b.kind {
		case bindFunc:
			return b.fn
		case bindImport:
			full, from = b.target, m
			continue
		}
		return nil
	}
	return nil
}

// walkStmt calls expr on each expression of a statement and stmts on its
// nested blocks (nested defs and classes are separate functions).
func walkStmt(st ir.Stmt, expr func(ir.Expr), stmts func([]ir.Stmt)) {
	switch s := st.(type) {
	case *ir.Assign:
		for _, t := range s.Targets {
			expr(t)
		}
		expr(s.Value)
	case *ir.ExprStmt:
		expr(s.X)
	case *ir.Return:
		expr(s.Value)
	case *ir.If:
		expr(s.Cond)
		stmts(s.Body)
		stmts(s.Else)
	case *ir.For:
		expr(s.Iter)
		stmts(s.Body)
		stmts(s.Else)
	case *ir.While:
		expr(s.Cond)
		stmts(s.Body)
		stmts(s.Else)
	case *ir.With:
		for _, it := range s.Items {
			expr(it.Ctx)
		}
		stmts(s.Body)
	case *ir.Try:
		stmts(s.Body)
		for _, h := range s.Handlers {
			stmts(h.Body)
		}
		stmts(s.Else)
		stmts(s.Finally)
	case *ir.Raise:
		expr(s.Exc)
	case *ir.Assert:
		expr(s.Test)
	case *ir.Match:
		expr(s.Subject)
		for _, c := range s.Cases {
			stmts(c.Body)
		}
	}
}

// walkExpr calls fn on e and every subexpression (lambda bodies too).
func walkExpr(e ir.Expr, fn func(ir.Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch x := e.(type) {
	case *ir.Attr:
		walkExpr(x.X, fn)
	case *ir.Subscript:
		walkExpr(x.X, fn)
		walkExpr(x.Index, fn)
	case *ir.Call:
		walkExpr(x.Func, fn)
		for _, a := range x.Args {
			walkExpr(a.Value, fn)
		}
	case *ir.FString:
		for _, p := range x.Parts {
			walkExpr(p, fn)
		}
	case *ir.BinOp:
		walkExpr(x.L, fn)
		walkExpr(x.R, fn)
	case *ir.BoolOp:
		for _, v := range x.Values {
			walkExpr(v, fn)
		}
	case *ir.Compare:
		walkExpr(x.L, fn)
		for _, c := range x.Comparators {
			walkExpr(c, fn)
		}
	case *ir.UnaryOp:
		walkExpr(x.X, fn)
	case *ir.Seq:
		for _, el := range x.Elems {
			walkExpr(el, fn)
		}
	case *ir.Dict:
		for i := range x.Values {
			walkExpr(x.Keys[i], fn)
			walkExpr(x.Values[i], fn)
		}
	case *ir.Comprehension:
		walkExpr(x.Key, fn)
		walkExpr(x.Elt, fn)
		for _, f := range x.For {
			walkExpr(f.Iter, fn)
			for _, c := range f.Ifs {
				walkExpr(c, fn)
			}
		}
	case *ir.IfExp:
		walkExpr(x.Cond, fn)
		walkExpr(x.Body, fn)
		walkExpr(x.Else, fn)
	case *ir.Await:
		walkExpr(x.X, fn)
	case *ir.Yield:
		walkExpr(x.X, fn)
	case *ir.Starred:
		walkExpr(x.X, fn)
	case *ir.NamedExpr:
		walkExpr(x.Value, fn)
	case *ir.Unknown:
		for _, c := range x.Children {
			walkExpr(c, fn)
		}
	}
}

func (p *Project) indexModule(m *ModInfo, spec ModuleSpec) {
	mod := m.Mod
	infos := map[*ir.Function]*FuncInfo{}
	classInfos := map[*ir.Class]*ClassInfo{}
	newFunc := func(fn *ir.Function) *FuncInfo {
		fi := &FuncInfo{Fn: fn, Mod: m, ID: len(p.Funcs), QualName: m.Name + "." + fn.QualName}
		p.Funcs = append(p.Funcs, fi)
		m.Funcs = append(m.Funcs, fi)
		infos[fn] = fi
		return fi
	}
	if mod.Body != nil {
		m.Body = newFunc(mod.Body)
	}
	for _, c := range mod.Classes {
		ci := &ClassInfo{Cls: c, Mod: m, ID: len(p.Classes), QualName: m.Name + "." + c.QualName, Methods: map[string]*FuncInfo{}}
		p.Classes = append(p.Classes, ci)
		classInfos[c] = ci
		p.classOf[c] = ci
	}
	for _, fn := range mod.Functions {
		fi := newFunc(fn)
		if fn.Class != nil {
			if ci := classInfos[fn.Class]; ci != nil {
				fi.Class = ci
				ci.Methods[fn.Name] = fi
			}
		}
	}
	// Nested defs and classes, by enclosing function.
	for _, fn := range mod.Functions {
		if fn.Outer != nil {
			infos[fn].outer = infos[fn.Outer]
			if o := infos[fn.Outer]; o != nil && fn.Class == nil {
				if o.locals == nil {
					o.locals = map[string]*FuncInfo{}
				}
				o.locals[fn.Name] = infos[fn]
			}
		}
	}
	for _, c := range mod.Classes {
		if c.Outer != nil {
			if o := infos[c.Outer]; o != nil {
				if o.classes == nil {
					o.classes = map[string]*ClassInfo{}
				}
				o.classes[c.Name] = classInfos[c]
			}
		}
	}
	// Top-level bindings, in statement order (a later one wins).
	var walk func(stmts []ir.Stmt)
	walk = func(stmts []ir.Stmt) {
		for _, st := range stmts {
			switch s := st.(type) {
			case *ir.FuncDef:
				m.top[s.Func.Name] = &binding{kind: bindFunc, fn: infos[s.Func]}
			case *ir.ClassDef:
				m.top[s.Class.Name] = &binding{kind: bindClass, cls: classInfos[s.Class]}
			case *ir.ImportStmt:
				for _, im := range s.Imports {
					if b := importBinding(m, im, spec); b != nil {
						m.top[im.Bound()] = b
					}
				}
			case *ir.Assign:
				for _, t := range s.Targets {
					bindTargets(m, t)
				}
			case *ir.For:
				bindTargets(m, s.Target)
				walk(s.Body)
				walk(s.Else)
			case *ir.If:
				walk(s.Body)
				walk(s.Else)
			case *ir.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					walk(h.Body)
				}
				walk(s.Else)
				walk(s.Finally)
			case *ir.With:
				for _, it := range s.Items {
					if it.Target != nil {
						bindTargets(m, it.Target)
					}
				}
				walk(s.Body)
			case *ir.While:
				walk(s.Body)
				walk(s.Else)
			}
		}
	}
	if mod.Body != nil {
		walk(mod.Body.Body)
	}
}

func bindTargets(m *ModInfo, t ir.Expr) {
	switch x := t.(type) {
	case *ir.Name:
		if b, ok := m.top[x.Id]; !ok || b.kind == bindGlobal {
			m.top[x.Id] = &binding{kind: bindGlobal}
		} else {
			// A reassigned def or import: the value is what the module
			// body computes.
			m.top[x.Id] = &binding{kind: bindGlobal}
		}
	case *ir.Seq:
		for _, e := range x.Elems {
			bindTargets(m, e)
		}
	case *ir.Starred:
		bindTargets(m, x.X)
	}
}

func importBinding(m *ModInfo, im *ir.Import, spec ModuleSpec) *binding {
	mod := im.Module
	if im.Level > 0 {
		if spec.Absolute == nil {
			return nil
		}
		abs, ok := spec.Absolute(im.Level, im.Module)
		if !ok {
			return nil
		}
		mod = abs
	}
	switch {
	case im.Name == "*":
		return nil
	case im.Name != "":
		target := im.Name
		if mod != "" {
			target = mod + "." + im.Name
		}
		return &binding{kind: bindImport, target: target}
	case im.Alias != "":
		return &binding{kind: bindImport, target: mod, module: true}
	default:
		// "import a.b.c" binds "a".
		return &binding{kind: bindImport, target: im.Bound(), module: true}
	}
}

func (p *Project) resolveBases(c *ClassInfo) {
	for _, b := range c.Cls.Bases {
		name := dotted(b)
		if name == "" {
			continue
		}
		if pc, ext := p.staticClass(c.Mod, name, 0); pc != nil {
			c.Bases = append(c.Bases, pc)
		} else if ext != "" {
			c.ExtBases = append(c.ExtBases, ext)
		}
	}
}

// staticClass resolves a dotted name used in module m to a project class
// or an external symbol, following imports.
func (p *Project) staticClass(m *ModInfo, name string, depth int) (*ClassInfo, string) {
	if depth > 12 {
		return nil, ""
	}
	head, rest, _ := strings.Cut(name, ".")
	b := m.top[head]
	if b == nil {
		return nil, "builtins." + name
	}
	switch b.kind {
	case bindClass:
		if rest == "" {
			return b.cls, ""
		}
	case bindImport:
		full := b.target
		if rest != "" {
			full += "." + rest
		}
		return p.staticQualified(full, m, depth+1)
	}
	return nil, ""
}

// staticQualified resolves an absolute dotted name to a project class or
// returns it as an external symbol.
func (p *Project) staticQualified(full string, from *ModInfo, depth int) (*ClassInfo, string) {
	parts := strings.Split(full, ".")
	for i := len(parts); i >= 1; i-- {
		mod := p.Module(strings.Join(parts[:i], "."), from)
		if mod == nil {
			continue
		}
		if i == len(parts) {
			return nil, ""
		}
		return p.staticClass(mod, strings.Join(parts[i:], "."), depth+1)
	}
	return nil, full
}

// Module returns the project module with that dotted name, preferring one
// under the same root as from.
func (p *Project) Module(name string, from *ModInfo) *ModInfo {
	ms := p.byName[name]
	switch len(ms) {
	case 0:
		return nil
	case 1:
		return ms[0]
	}
	if from != nil {
		for _, m := range ms {
			if m.Root == from.Root {
				return m
			}
		}
	}
	return ms[0]
}

func linearize(c *ClassInfo, seen map[*ClassInfo]bool) []*ClassInfo {
	if seen[c] {
		return nil
	}
	seen[c] = true
	out := []*ClassInfo{c}
	for _, b := range c.Bases {
		for _, x := range linearize(b, seen) {
			out = append(out, x)
		}
	}
	return out
}

// lookupMethod finds a method through the class and its project bases.
func (c *ClassInfo) lookupMethod(name string) *FuncInfo {
	for _, k := range c.mro {
		if f := k.Methods[name]; f != nil {
			return f
		}
	}
	return nil
}

// extBases lists the external bases of the class and its project bases.
func (c *ClassInfo) allExtBases() []string {
	var out []string
	for _, k := range c.mro {
		out = append(out, k.ExtBases...)
	}
	return out
}

func (p *Project) classifyFunc(f *FuncInfo) {
	for _, d := range f.Fn.Decorators {
		target := d
		if call, ok := d.(*ir.Call); ok {
			target = call.Func
		}
		name := dotted(target)
		last := name[strings.LastIndexByte(name, '.')+1:]
		switch last {
		case "staticmethod":
			f.Static = true
		case "classmethod":
			f.ClassMethod = true
		}
	}
}

// dotted renders a Name/Attr chain as "a.b.c", or "" for anything else.
func dotted(e ir.Expr) string {
	switch x := e.(type) {
	case *ir.Name:
		return x.Id
	case *ir.Attr:
		if h := dotted(x.X); h != "" {
			return h + "." + x.Name
		}
	}
	return ""
}
