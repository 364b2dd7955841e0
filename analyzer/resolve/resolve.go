// Package resolve indexes a project's modules for the taint engine: the
// functions, classes and methods each module defines, what each top-level
// name is bound to (a definition, an import, a global), class bases and
// their order, nested definitions, and an analysis order over modules and
// a syntactic call graph.
//
// It must not import tree-sitter, the parser, the taint engine or any
// output format.
package resolve

import (
	"slices"
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
	Top   map[string]*Binding
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
	// Tool marks a function a model calls as a tool: what it returns is
	// sent back to the model.
	Tool bool
	// LogEmit marks emit(self, record) of a logging.Handler subclass.
	LogEmit      bool
	Locals       map[string]*FuncInfo // nested defs by name
	Enclosing    *FuncInfo            // the enclosing function of a nested def or method
	LocalClasses map[string]*ClassInfo
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
	MRO      []*ClassInfo
}

type BindKind int

const (
	BindFunc BindKind = iota + 1
	BindClass
	BindImport
	BindGlobal
)

// Binding is a name defined at the top of a module.
type Binding struct {
	Kind   BindKind
	Fn     *FuncInfo
	Cls    *ClassInfo
	Target string // absolute dotted name, for imports
	Module bool   // the import binds a module ("import a.b")
}

// Project is the indexed whole program.
type Project struct {
	Mods    []*ModInfo
	Funcs   []*FuncInfo
	Classes []*ClassInfo
	byName  map[string][]*ModInfo
	// ClassOf maps each class definition to its class.
	ClassOf map[*ir.Class]*ClassInfo
	// Rank is each function's place in the analysis order (by ID).
	Rank []int
	// settingsMods are the Django settings modules (name "settings",
	// "*.settings" or "*.settings.*"), whose constants settings.X reads.
	SettingsMods []*ModInfo
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
	p := &Project{byName: map[string][]*ModInfo{}, ClassOf: map[*ir.Class]*ClassInfo{}}
	sort.SliceStable(specs, func(i, j int) bool { return specs[i].Mod.Path < specs[j].Mod.Path })
	for _, s := range specs {
		m := &ModInfo{Mod: s.Mod, Name: s.Mod.Name, Root: s.Root, ID: len(p.Mods), Top: map[string]*Binding{}}
		p.Mods = append(p.Mods, m)
		p.byName[m.Name] = append(p.byName[m.Name], m)
		if m.Name == "settings" || strings.HasSuffix(m.Name, ".settings") || strings.Contains(m.Name, ".settings.") || strings.HasPrefix(m.Name, "settings.") {
			p.SettingsMods = append(p.SettingsMods, m)
		}
	}
	for i, s := range specs {
		p.indexModule(p.Mods[i], s)
	}
	for _, c := range p.Classes {
		p.resolveBases(c)
	}
	for _, c := range p.Classes {
		c.MRO = linearize(c, map[*ClassInfo]bool{})
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
			if g := f.Locals[fn.Id]; g != nil {
				add(g)
			} else if b := f.Mod.Top[fn.Id]; b != nil {
				add(p.staticFunc(f.Mod, b, 0))
			}
		case *ir.Attr:
			if n, ok := fn.X.(*ir.Name); ok {
				if (n.Id == "self" || n.Id == "cls") && f.Class != nil {
					add(f.Class.LookupMethod(fn.Name))
				} else if b := f.Mod.Top[n.Id]; b != nil && b.Kind == BindImport {
					if c, _ := p.staticQualified(b.Target+"."+fn.Name, f.Mod, 0); c != nil {
						add(c.LookupMethod("__init__"))
					} else {
						add(p.staticFuncByName(b.Target+"."+fn.Name, f.Mod))
					}
				}
			}
		}
	}
	visitExpr = func(e ir.Expr) {
		WalkExpr(e, func(x ir.Expr) {
			if c, ok := x.(*ir.Call); ok {
				visitCall(c)
			}
		})
	}
	visitStmts = func(ss []ir.Stmt) {
		for _, st := range ss {
			WalkStmt(st, visitExpr, visitStmts)
		}
	}
	visitStmts(f.Fn.Body)
	return out
}

// staticFunc resolves a top-level Binding to a project function (a
// class resolves to its __init__).
func (p *Project) staticFunc(m *ModInfo, b *Binding, depth int) *FuncInfo {
	switch b.Kind {
	case BindFunc:
		return b.Fn
	case BindClass:
		if b.Cls != nil {
			return b.Cls.LookupMethod("__init__")
		}
	case BindImport:
		if c, _ := p.staticQualified(b.Target, m, depth); c != nil {
			return c.LookupMethod("__init__")
		}
		return p.staticFuncByName(b.Target, m)
	}
	return nil
}

// staticFuncByName finds the project function with an absolute dotted
// name ("app.llm.ask"), following re-exports a few levels.
func (p *Project) staticFuncByName(full string, from *ModInfo) *FuncInfo {
	if _, b := p.definition(full, from); b != nil && b.Kind == BindFunc {
		return b.Fn
	}
	return nil
}

// definition follows re-exports from the absolute dotted name full, a few
// levels, to where it is defined: that name, and its binding there (nil
// when no project module binds it).
func (p *Project) definition(full string, from *ModInfo) (string, *Binding) {
	for depth := 0; depth < 8; depth++ {
		i := strings.LastIndexByte(full, '.')
		if i < 0 {
			return full, nil
		}
		m := p.Module(full[:i], from)
		if m == nil {
			return full, nil
		}
		b := m.Top[full[i+1:]]
		if b == nil || b.Kind != BindImport || b.Module {
			return full, b
		}
		full, from = b.Target, m
	}
	return full, nil
}

// WalkStmt calls expr on each expression of a statement and stmts on its
// nested blocks (nested defs and classes are separate functions).
func WalkStmt(st ir.Stmt, expr func(ir.Expr), stmts func([]ir.Stmt)) {
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

// WalkExpr calls fn on e and every subexpression (lambda bodies too).
func WalkExpr(e ir.Expr, fn func(ir.Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch x := e.(type) {
	case *ir.Attr:
		WalkExpr(x.X, fn)
	case *ir.Subscript:
		WalkExpr(x.X, fn)
		WalkExpr(x.Index, fn)
	case *ir.Call:
		WalkExpr(x.Func, fn)
		for _, a := range x.Args {
			WalkExpr(a.Value, fn)
		}
	case *ir.FString:
		for _, p := range x.Parts {
			WalkExpr(p, fn)
		}
	case *ir.BinOp:
		WalkExpr(x.L, fn)
		WalkExpr(x.R, fn)
	case *ir.BoolOp:
		for _, v := range x.Values {
			WalkExpr(v, fn)
		}
	case *ir.Compare:
		WalkExpr(x.L, fn)
		for _, c := range x.Comparators {
			WalkExpr(c, fn)
		}
	case *ir.UnaryOp:
		WalkExpr(x.X, fn)
	case *ir.Seq:
		for _, el := range x.Elems {
			WalkExpr(el, fn)
		}
	case *ir.Dict:
		for i := range x.Values {
			WalkExpr(x.Keys[i], fn)
			WalkExpr(x.Values[i], fn)
		}
	case *ir.Comprehension:
		WalkExpr(x.Key, fn)
		WalkExpr(x.Elt, fn)
		for _, f := range x.For {
			WalkExpr(f.Iter, fn)
			for _, c := range f.Ifs {
				WalkExpr(c, fn)
			}
		}
	case *ir.IfExp:
		WalkExpr(x.Cond, fn)
		WalkExpr(x.Body, fn)
		WalkExpr(x.Else, fn)
	case *ir.Await:
		WalkExpr(x.X, fn)
	case *ir.Yield:
		WalkExpr(x.X, fn)
	case *ir.Starred:
		WalkExpr(x.X, fn)
	case *ir.NamedExpr:
		WalkExpr(x.Value, fn)
	case *ir.Unknown:
		for _, c := range x.Children {
			WalkExpr(c, fn)
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
		p.ClassOf[c] = ci
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
			infos[fn].Enclosing = infos[fn.Outer]
			if o := infos[fn.Outer]; o != nil && fn.Class == nil {
				if o.Locals == nil {
					o.Locals = map[string]*FuncInfo{}
				}
				o.Locals[fn.Name] = infos[fn]
			}
		}
	}
	for _, c := range mod.Classes {
		if c.Outer != nil {
			if o := infos[c.Outer]; o != nil {
				if o.LocalClasses == nil {
					o.LocalClasses = map[string]*ClassInfo{}
				}
				o.LocalClasses[c.Name] = classInfos[c]
			}
		}
	}
	// Top-level bindings, in statement order (a later one wins).
	var walk func(stmts []ir.Stmt)
	walk = func(stmts []ir.Stmt) {
		for _, st := range stmts {
			switch s := st.(type) {
			case *ir.FuncDef:
				m.Top[s.Func.Name] = &Binding{Kind: BindFunc, Fn: infos[s.Func]}
			case *ir.ClassDef:
				m.Top[s.Class.Name] = &Binding{Kind: BindClass, Cls: classInfos[s.Class]}
			case *ir.ImportStmt:
				for _, im := range s.Imports {
					if b := ImportBinding(m, im, spec); b != nil {
						m.Top[im.Bound()] = b
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
		if b, ok := m.Top[x.Id]; !ok || b.Kind == BindGlobal {
			m.Top[x.Id] = &Binding{Kind: BindGlobal}
		} else {
			// A reassigned def or import: the value is what the module
			// body computes.
			m.Top[x.Id] = &Binding{Kind: BindGlobal}
		}
	case *ir.Seq:
		for _, e := range x.Elems {
			bindTargets(m, e)
		}
	case *ir.Starred:
		bindTargets(m, x.X)
	}
}

func ImportBinding(m *ModInfo, im *ir.Import, spec ModuleSpec) *Binding {
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
		return &Binding{Kind: BindImport, Target: target}
	case im.Alias != "":
		return &Binding{Kind: BindImport, Target: mod, Module: true}
	default:
		// "import a.b.c" binds "a".
		return &Binding{Kind: BindImport, Target: im.Bound(), Module: true}
	}
}

func (p *Project) resolveBases(c *ClassInfo) {
	for _, b := range c.Cls.Bases {
		// A subscripted base (QuerySet["Locale"], Generic[T],
		// BaseModel[...]) is the class it subscripts.
		if sub, ok := b.(*ir.Subscript); ok {
			b = sub.X
		}
		name := Dotted(b)
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
	b := m.Top[head]
	if b == nil {
		if !IsBuiltin(head) {
			// Bound by a star import or at run time: unknown.
			return nil, ""
		}
		return nil, "builtins." + name
	}
	switch b.Kind {
	case BindClass:
		if rest == "" {
			return b.Cls, ""
		}
	case BindImport:
		full := b.Target
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

// LookupMethod finds a method through the class and its project bases.
func (c *ClassInfo) LookupMethod(name string) *FuncInfo {
	for _, k := range c.MRO {
		if f := k.Methods[name]; f != nil {
			return f
		}
	}
	return nil
}

// AllExtBases lists the external bases of the class and its project bases.
func (c *ClassInfo) AllExtBases() []string {
	var out []string
	for _, k := range c.MRO {
		out = append(out, k.ExtBases...)
	}
	return out
}

func (p *Project) classifyFunc(f *FuncInfo) {
	if f.Class != nil && (f.Fn.Name == "__init_subclass__" || f.Fn.Name == "__class_getitem__") {
		// Implicit class methods.
		f.ClassMethod = true
	}
	for _, d := range f.Fn.Decorators {
		name := DecoratorName(d)
		last := name[strings.LastIndexByte(name, '.')+1:]
		switch last {
		case "staticmethod":
			f.Static = true
		case "classmethod":
			f.ClassMethod = true
		}
	}
}

// DecoratorName is the dotted name of a decorator, called (@shared_task(bind=True)) or not.
func DecoratorName(d ir.Expr) string {
	if call, ok := d.(*ir.Call); ok {
		d = call.Func
	}
	return Dotted(d)
}

// Items are the elements of a tuple, list or set written as e
// (isinstance(x, (A, B)), Generic[K, V]), else e alone.
func Items(e ir.Expr) []ir.Expr {
	if seq, ok := e.(*ir.Seq); ok {
		return seq.Elems
	}
	return []ir.Expr{e}
}

// Dotted renders a Name/Attr chain as "a.b.c", or "" for anything else.
func Dotted(e ir.Expr) string {
	switch x := e.(type) {
	case *ir.Name:
		return x.Id
	case *ir.Attr:
		if h := Dotted(x.X); h != "" {
			return h + "." + x.Name
		}
	}
	return ""
}

// StaticName is the absolute dotted name of the module-level entity e
// names in module m ("app.signals.order_placed"), following imports and
// re-exports to where it is defined; "" when e is no such name.
func (p *Project) StaticName(e ir.Expr, m *ModInfo) string {
	full := ""
	switch x := e.(type) {
	case *ir.Name:
		b := m.Top[x.Id]
		switch {
		case b == nil:
			return ""
		case b.Kind == BindImport:
			full = b.Target
		default:
			full = m.Name + "." + x.Id
		}
	case *ir.Attr:
		base := p.StaticName(x.X, m)
		if base == "" {
			return ""
		}
		full = base + "." + x.Name
	default:
		return ""
	}
	full, _ = p.definition(full, m)
	return full
}

// StaticFunc is the project function e names in module m, following
// imports; nil for anything else.
func (p *Project) StaticFunc(e ir.Expr, m *ModInfo) *FuncInfo {
	if n, ok := e.(*ir.Name); ok {
		if b := m.Top[n.Id]; b != nil && b.Kind == BindFunc {
			return b.Fn
		}
	}
	if full := p.StaticName(e, m); full != "" {
		return p.staticFuncByName(full, m)
	}
	return nil
}

// GenericArg is the project class that class c, through its bases,
// gives generic class g for g's type parameter param: for
// `class Shelf(Registry[Book])` and `class Registry(Generic[T])`,
// GenericArg(Shelf, Registry, "T") is Book. It returns nil when param is
// none of g's declared parameters or no base of c fills it with a
// project class.
func (p *Project) GenericArg(c, g *ClassInfo, param string) *ClassInfo {
	at := slices.Index(genericParams(g), param)
	if at < 0 {
		return nil
	}
	for _, k := range c.MRO {
		for _, b := range k.Cls.Bases {
			sub, ok := b.(*ir.Subscript)
			if !ok {
				continue
			}
			if base, _ := p.staticClass(k.Mod, Dotted(sub.X), 0); base != g {
				continue
			}
			args := Items(sub.Index)
			if at >= len(args) {
				return nil
			}
			arg, _ := p.staticClass(k.Mod, Dotted(args[at]), 0)
			return arg
		}
	}
	return nil
}

// genericParams are the type parameters class g declares with a
// Generic[...] (or Protocol[...]) base, in order.
func genericParams(g *ClassInfo) []string {
	for _, b := range g.Cls.Bases {
		sub, ok := b.(*ir.Subscript)
		if !ok {
			continue
		}
		name := Dotted(sub.X)
		if name != "Generic" && !strings.HasSuffix(name, ".Generic") && name != "Protocol" && !strings.HasSuffix(name, ".Protocol") {
			continue
		}
		args := Items(sub.Index)
		var out []string
		for _, a := range args {
			if n, ok := a.(*ir.Name); ok {
				out = append(out, n.Id)
			}
		}
		return out
	}
	return nil
}
