package taint

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// maxLoopIter bounds the iterations of a loop body to its fixpoint.
const maxLoopIter = 6

type paramObs struct {
	fn    *FuncInfo
	param int
	v     *Value
}

// capture is what a closure may read of its enclosing function.
type capture struct {
	fn   *FuncInfo
	vars map[string]*Value
}

type attrWrite struct {
	cls  *ClassInfo
	mod  *ModInfo // set instead of cls for a module global changed in place
	name string
	v    *Value
}

// owner is the key of what is written: a class's ID, or -1 - a module's.
func (w attrWrite) owner() int {
	if w.mod != nil {
		return -1 - w.mod.ID
	}
	return w.cls.ID
}

// fnResult is what one analysis of one function produced.
type fnResult struct {
	fn         *FuncInfo
	summary    *Summary
	findings   []*rawFinding
	deps       []depKey
	paramObs   []paramObs
	attrWrites []attrWrite
	globals    map[string]*Value
	captures   []capture
	// failed is set when the analysis hit an internal error.
	failed string
	// prompts are the local variables sent to a model as prompts.
	prompts map[string]bool
	// modelCalls are the calls to a model provider this function makes.
	modelCalls []finding.Location
}

type env map[string]*Value

func (e env) copy() env {
	n := make(env, len(e)+4)
	for k, v := range e {
		n[k] = v
	}
	return n
}

func joinEnv(a, b env) env {
	n := make(env, len(a)+len(b))
	for k, v := range a {
		n[k] = v
	}
	return joinInto(n, b)
}

// joinInto joins b into a, which the caller owns, and returns a.
func joinInto(a, b env) env {
	for k, w := range b {
		if v, ok := a[k]; ok {
			if v != w {
				a[k] = join(v, w)
			}
		} else {
			a[k] = w
		}
	}
	return a
}

func sameEnv(a, b env) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || !sameShape(v, w) {
			return false
		}
	}
	return true
}

// interp analyzes one function body.
type interp struct {
	e    *Engine
	fi   *FuncInfo
	path string
	env  env
	// dead is set after return/raise/continue/break on the current path.
	dead bool
	ret  *Value
	// substAt is the call whose callee's values are being substituted,
	// substArgs its arguments by parameter.
	substAt   ir.Expr
	substArgs []*Value
	// built is what the last __init__ applied set on its object from its
	// arguments (Summary.Init, substituted).
	built *Value
	// mutGlobals are the module globals this function changes in place.
	mutGlobals map[string]bool
	// yielded joins what a generator yields; generator is set by a yield.
	yielded   *Value
	generator bool
	res       *fnResult
	sinks     map[string]ParamSink
	found     map[string]*rawFinding
	deps      []depKey // read state, possibly repeated (sorted and compacted at the end)
	stmt      ir.Stmt
	globals   map[string]bool
	breakEnvs []env
	// verified is set once the function has compared a client
	// certificate's verification result (LK401).
	verified bool
	// callsModel is set once this function calls a model provider, here
	// or in a function it calls.
	callsModel bool
	// prompts are the local variables this analysis saw sent to a model;
	// curCall is the sink call being checked.
	prompts map[string]bool
	curCall *ir.Call
	// argExprs are the argument expressions of the project call whose
	// summary is being applied, by parameter.
	argExprs [][]ir.Expr
	// localImports are the names a function's own import statements
	// bind, with the dotted names they import.
	localImports map[string]string
	// raised is the taint of exceptions raised and not caught yet: by
	// raise statements here and by direct callees. ownRaised is the part
	// from raise statements here that no handler here caught: it alone
	// goes into the summary, so exception data reaches the handlers of
	// direct callers, and summaries do not wait on every callee chain.
	raised    Taint
	ownRaised Taint
}

func (e *Engine) analyze(fi *FuncInfo) *fnResult {
	in := &interp{
		e:     e,
		fi:    fi,
		path:  fi.Mod.Mod.Path,
		env:   env{},
		res:   &fnResult{fn: fi},
		sinks: map[string]ParamSink{},
		found: map[string]*rawFinding{},
		deps:  make([]depKey, 0, 16),
	}
	in.initParams()
	in.execBlock(fi.Fn.Body)
	// Closures see the enclosing variables as they are when called: at
	// the latest, when the function ends.
	in.captureFor(in.fi.Locals)
	in.fieldSinks()
	if fi.Fn == fi.Mod.Mod.Body {
		in.res.globals = map[string]*Value{}
		for k, v := range in.env {
			if b := fi.Mod.Top[k]; b != nil && b.Kind == resolve.BindGlobal {
				in.res.globals[k] = v
			}
		}
	}
	ret := in.ret
	if !in.generator && fi.Fn.Returns != nil && (in.untyped(ret) || in.looselyTyped(ret)) {
		// What the function returns is of the class its annotation names.
		if t := in.annotType(fi.Fn.Returns, true); t != nil {
			n := &Value{}
			if ret != nil {
				n = &Value{Taint: ret.Taint, Fields: ret.Fields, Elems: ret.Elems, Many: ret.Many}
			}
			n.Sym, n.Ref = t.Sym, t.Ref
			ret = n
		}
	}
	if in.generator {
		// Calling a generator function gives the sequence of what it
		// yields; each element keeps its parts.
		el := in.yielded
		if el == nil {
			el = empty
		}
		ret = &Value{Elems: []*Value{in.withoutParamIdentity(el)}, Many: true, Taint: in.ret.deep()}
	}
	sum := &Summary{Ret: stored(in.withoutParamIdentity(ret), true, in.e.known), Verifies: in.verified, CallsModel: in.callsModel, Raises: stored(taintOnly(in.ownRaised), true, in.e.known).Taint}
	if sum.Ret == nil {
		sum.Ret = empty
	}
	sum.Init = in.initFields()
	keys := make([]string, 0, len(in.sinks))
	for k := range in.sinks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sum.Sinks = append(sum.Sinks, in.sinks[k])
	}
	in.res.summary = sum
	in.res.prompts = in.prompts
	fkeys := make([]string, 0, len(in.found))
	for k := range in.found {
		fkeys = append(fkeys, k)
	}
	sort.Strings(fkeys)
	for _, k := range fkeys {
		in.res.findings = append(in.res.findings, in.found[k])
	}
	dk := in.deps
	sort.Slice(dk, func(i, j int) bool {
		if dk[i].kind != dk[j].kind {
			return dk[i].kind < dk[j].kind
		}
		if dk[i].id != dk[j].id {
			return dk[i].id < dk[j].id
		}
		return dk[i].name < dk[j].name
	})
	out := dk[:0]
	for i, k := range dk {
		if i == 0 || k != dk[i-1] {
			out = append(out, k)
		}
	}
	in.res.deps = out
	return in.res
}

// initParams gives each parameter a parameter fact and, where known, a
// type: by name (request, self), by annotation, or from the callers.
func (in *interp) initParams() {
	fn := in.fi.Fn
	var observed []*Value
	if len(fn.Params) > 0 {
		observed = in.e.st.paramTypes[in.fi.ID]
		in.dep(depKey{'P', in.fi.ID, ""})
	}
	for i, p := range fn.Params {
		// The parameter's own step is added only if its path is kept (see
		// paramStep): most parameters reach nothing worth a trace.
		v := &Value{Taint: Taint{{Class: paramClass, Param: i, pk: paramKey(i, "")}}}
		switch {
		case i == 0 && in.fi.Class != nil && !in.fi.Static:
			if in.fi.ClassMethod {
				v.Ref = in.e.classes(in.fi.Class, in.fi.Fn.Name == "__init_subclass__")
			} else {
				v.Ref = &Ref{Kind: RefInstance, Class: in.fi.Class}
				if i < len(observed) && observed[i] != nil && observed[i].Sym == rules.TypeQuerySet {
					// A project manager's method: self is also the query of
					// its model's rows (Model.objects.recent()).
					v.Sym, v.Elems, v.Many = rules.TypeQuerySet, observed[i].Elems, observed[i].Many
				}
			}
		case p.Name == "request" || in.e.nameIs(model.KindAnnotation, resolve.Dotted(p.Annotation), model.RoleRequest):
			v.Sym = rules.TypeRequest
		case p.Name == "serializer":
			v.Sym = rules.TypeSerializer
		case in.fi.LogEmit && i == 1:
			v.Sym = rules.TypeLogRecord
		case i < len(observed) && observed[i] != nil:
			if observed[i].Sym != symConflict {
				v.Sym = observed[i].Sym
				v.Elems, v.Many = observed[i].Elems, observed[i].Many
			}
			if observed[i].Ref != conflictRef {
				v.Ref = observed[i].Ref
			}
		}
		if p.Kind == ir.ParamVarArgs || p.Kind == ir.ParamVarKw {
			v.Sym, v.Ref = "", nil
			if p.Kind == ir.ParamVarArgs && i < len(observed) && observed[i] != nil && len(observed[i].Elems) == 1 {
				// *stages: each what the callers pass.
				v.Elems, v.Many = observed[i].Elems, true
			}
		} else if p.Annotation != nil && in.untyped(v) {
			// No caller says what it is: the annotation may, a project
			// class standing for each of its implementations.
			if t := in.annotType(p.Annotation, true); t != nil {
				v.Sym, v.Ref = t.Sym, t.Ref
			} else if cs := literalStrings(p.Annotation); len(cs) > 0 {
				// mode: Literal["invoke", "astream"]: one of these.
				v.Consts = cs
			}
		}
		in.env[p.Name] = v
	}
	in.bodyParams()
}

// bodyParams marks the parameters a view receives from the request body:
// django-ninja parameters typed with a Schema (or a pydantic model), and
// every parameter of a view wrapped by a configured payload decorator.
func (in *interp) bodyParams() {
	fn := in.fi.Fn
	first := 0
	if in.fi.Class != nil && !in.fi.Static {
		first = 1
	}
	if in.fi.Class != nil && first == 1 && rules.ChannelsReceive(fn.Name) && in.e.classIs(in.fi.Class, model.RoleConsumer) {
		// A Django Channels consumer's receive(): the client's message.
		for _, p := range fn.Params[1:] {
			if p.Kind == ir.ParamPositional || p.Kind == ir.ParamKwOnly {
				in.env[p.Name] = in.paramSource(p, "websocket message")
			}
		}
		return
	}
	if len(fn.Params) <= first+1 || fn.Params[first].Name != "request" {
		return
	}
	decorated := in.hasPayloadDecorator()
	injected := in.injectedParams()
	for _, p := range fn.Params[first+1:] {
		if p.Kind == ir.ParamVarKw || p.Kind == ir.ParamVarArgs {
			continue
		}
		if !decorated && !injected[p.Name] && !in.isSchemaAnnotation(p.Annotation) {
			continue
		}
		in.env[p.Name] = in.paramSource(p, "request body")
	}
}

// requestParts are the attributes of a request that hold what the client
// sent.
var requestParts = map[string]bool{"data": true, "POST": true, "GET": true, "body": true, "FILES": true, "query_params": true}

// injectedParams are the parameters a project decorator of the view fills
// with the request's data: its wrapper sets kwargs["data"] from
// request.data (or another part the client sent) before it calls the
// view.
func (in *interp) injectedParams() map[string]bool {
	var out map[string]bool
	for _, d := range in.fi.Fn.Decorators {
		if c, ok := d.(*ir.Call); ok {
			d = c.Func
		}
		v := in.eval(d)
		if v.Ref == nil || v.Ref.Kind != RefFunc {
			continue
		}
		var visit func(f *FuncInfo, depth int)
		visit = func(f *FuncInfo, depth int) {
			kw := ""
			for _, p := range f.Fn.Params {
				if p.Kind == ir.ParamVarKw {
					kw = p.Name
				}
			}
			var stmts func([]ir.Stmt)
			stmts = func(ss []ir.Stmt) {
				for _, st := range ss {
					if a, ok := st.(*ir.Assign); ok && kw != "" && len(a.Targets) == 1 {
						if sub, ok := a.Targets[0].(*ir.Subscript); ok {
							k, kok := sub.Index.(*ir.Const)
							n, nok := sub.X.(*ir.Name)
							if kok && nok && n.Id == kw && k.Kind == ir.ConstStr && readsRequestData(a.Value) {
								if out == nil {
									out = map[string]bool{}
								}
								out[k.Value] = true
							}
						}
					}
					resolve.WalkStmt(st, func(ir.Expr) {}, stmts)
				}
			}
			stmts(f.Fn.Body)
			if depth < 3 {
				for _, name := range sortedFuncNames(f.Locals) {
					visit(f.Locals[name], depth+1)
				}
			}
		}
		visit(v.Ref.Func, 0)
	}
	return out
}

// readsRequestData reports whether e reads a part of a request the client
// sent (request.data, self.request.POST).
func readsRequestData(e ir.Expr) bool {
	found := false
	resolve.WalkExpr(e, func(x ir.Expr) {
		if a, ok := x.(*ir.Attr); ok && requestParts[a.Name] {
			switch r := a.X.(type) {
			case *ir.Name:
				found = found || r.Id == "request"
			case *ir.Attr:
				found = found || r.Name == "request"
			}
		}
	})
	return found
}

func sortedFuncNames(m map[string]*FuncInfo) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// paramSource is a parameter the framework fills with the request's
// payload: a whole payload, read field by field.
func (in *interp) paramSource(p *ir.Param, what string) *Value {
	sp := ir.Span{Start: p.Pos, End: p.Pos}
	st := finding.Step{Location: in.spanLoc(sp), Kind: finding.StepSource, Message: "reads the " + what + " as parameter " + p.Name}
	facts := in.sourceFacts(sp, p.Name+" ("+what+")", st, rules.ClassPayload, rules.ClassInput)
	return &Value{Sym: rules.TypePayload, Taint: union(in.env[p.Name].Taint, facts)}
}

func (in *interp) hasPayloadDecorator() bool {
	names := in.e.cat.PayloadDecorators
	if len(names) == 0 {
		return false
	}
	for _, d := range in.fi.Fn.Decorators {
		if c, ok := d.(*ir.Call); ok {
			d = c.Func
		}
		q := in.qualifiedName(in.eval(d))
		for _, n := range names {
			if q != "" && q == n {
				return true
			}
		}
	}
	return false
}

// qualifiedName is the name a user catalog uses for a callable value:
// a project function's module-qualified name, or an external symbol.
func (in *interp) qualifiedName(v *Value) string {
	if v.Ref != nil && v.Ref != conflictRef {
		switch v.Ref.Kind {
		case RefFunc, RefMethod:
			return v.Ref.Func.QualName
		case RefClass:
			return v.Ref.Class.QualName
		}
	}
	if v.Sym != symConflict {
		return v.Sym
	}
	return ""
}

// isSchemaAnnotation reports whether an annotation names a django-ninja
// Schema or a pydantic model of the project (Form[T], Body[T] included).
func (in *interp) isSchemaAnnotation(a ir.Expr) bool {
	if sub, ok := a.(*ir.Subscript); ok {
		a = sub.Index
	}
	if a == nil {
		return false
	}
	v := in.eval(a)
	if v.Ref == nil || v.Ref == conflictRef || v.Ref.Kind != RefClass {
		return false
	}
	return in.e.classIs(v.Ref.Class, model.RoleBody)
}

func (in *interp) loc(start, end ir.Pos) finding.Location {
	return finding.Location{Path: in.path, Line: int(start.Line), Col: int(start.Col), EndLine: int(end.Line), EndCol: int(end.Col)}
}

func (in *interp) spanLoc(sp ir.Span) finding.Location { return in.loc(sp.Start, sp.End) }

func (in *interp) step(e ir.Expr, kind finding.StepKind, msg string) finding.Step {
	return finding.Step{Location: in.spanLoc(e.ExprSpan()), Kind: kind, Message: msg}
}

// ---------------------------------------------------------------------------
// Statements

func (in *interp) execBlock(stmts []ir.Stmt) {
	for _, s := range stmts {
		if in.dead {
			return
		}
		in.exec(s)
	}
}

func (in *interp) exec(st ir.Stmt) {
	prev := in.stmt
	in.stmt = st
	defer func() { in.stmt = prev }()
	switch s := st.(type) {
	case *ir.Assign:
		in.execAssign(s)
	case *ir.ExprStmt:
		in.built = nil
		in.eval(s.X)
		in.baseInit(s.X)
	case *ir.Return:
		if s.Value != nil {
			v := in.eval(s.Value)
			in.ret = join(in.ret, v)
			if in.fi.Tool {
				in.toolResult(s.Value, v)
			}
		}
		in.dead = true
	case *ir.If:
		in.execIf(s)
	case *ir.For:
		iter := in.eval(s.Iter)
		elem := in.elemOf(iter, s.Iter)
		if elem.Sym == rules.TypePayloadKey && skipsKeys(s) {
			// The keys a test lets through (if not key.startswith("f_"):
			// continue) are some of the payload's, not all: read by one,
			// a value is one field.
			elem = &Value{Taint: elem.Taint, Consts: elem.Consts}
		}
		in.loop(func() {
			in.assign(s.Target, elem, "loop variable")
			in.execBlock(s.Body)
		})
		in.execBlock(s.Else)
	case *ir.While:
		in.eval(s.Cond)
		in.loop(func() {
			in.eval(s.Cond)
			in.execBlock(s.Body)
		})
		in.execBlock(s.Else)
	case *ir.With:
		for _, it := range s.Items {
			v := in.eval(it.Ctx)
			if it.Target != nil {
				in.assign(it.Target, v, "context value")
			}
		}
		in.execBlock(s.Body)
	case *ir.Try:
		in.execTry(s)
	case *ir.Raise:
		in.execRaise(s)
	case *ir.FuncDef:
		if f := in.fi.Locals[s.Func.Name]; f != nil {
			in.captureFor(map[string]*FuncInfo{s.Func.Name: f})
			in.env[s.Func.Name] = &Value{Ref: &Ref{Kind: RefFunc, Func: f}}
		} else if b := in.fi.Mod.Top[s.Func.Name]; b != nil && b.Kind == resolve.BindFunc && b.Fn != nil && b.Fn.Fn == s.Func {
			in.env[s.Func.Name] = &Value{Ref: &Ref{Kind: RefFunc, Func: b.Fn}}
			in.applyDecorators(s.Func.Decorators, s.Func.Name)
		}
	case *ir.ClassDef:
		in.execClassDef(s)
	case *ir.ImportStmt:
		for _, im := range s.Imports {
			if b := resolve.ImportBinding(in.fi.Mod, im, ModuleSpec{Absolute: in.e.absolute(in.fi.Mod)}); b != nil {
				in.env[im.Bound()] = in.bindingValue(b, nil)
				if b.Kind == resolve.BindImport {
					if in.localImports == nil {
						in.localImports = map[string]string{}
					}
					in.localImports[im.Bound()] = b.Target
				}
			}
		}
	case *ir.Global:
		if in.globals == nil {
			in.globals = map[string]bool{}
		}
		for _, n := range s.Names {
			in.globals[n] = true
		}
	case *ir.Delete:
		for _, t := range s.Targets {
			if n, ok := t.(*ir.Name); ok {
				delete(in.env, n.Id)
			}
		}
	case *ir.Assert:
		in.eval(s.Test)
	case *ir.Match:
		in.execMatch(s)
	case *ir.Pass:
		if s.Keyword == "break" {
			in.breakEnvs = append(in.breakEnvs, in.env.copy())
			in.dead = true
		} else if s.Keyword == "continue" {
			in.dead = true
		}
	}
}

// execIf runs both branches of an if and joins them; an allowlist test
// clears its variable in the branch where it holds.
func (in *interp) execIf(s *ir.If) {
	in.eval(s.Cond)
	if truth, ok := constTruth(s.Cond); ok {
		// if False: / elif 0: never runs its body; if True: never its else.
		if truth {
			in.execBlock(s.Body)
		} else {
			in.execBlock(s.Else)
		}
		return
	}
	name, clean, inBody := in.allowlistGuard(s.Cond)
	if name == "" {
		name, clean, inBody = in.isinstanceGuard(s.Cond)
	}
	if name == "" && len(s.Else) == 0 && !writesEnv(s.Body) {
		// A body that binds nothing (a log call, an early return) leaves
		// the environment as it was on both paths: no copy, no join.
		in.execBlock(s.Body)
		in.dead = false
		return
	}
	in.branch(func() {
		if name != "" && inBody {
			in.env[name] = clean
		}
		in.execBlock(s.Body)
	}, func() {
		if name != "" && !inBody {
			in.env[name] = clean
		}
		in.execBlock(s.Else)
	})
}

// remoteUserHeader checks the header a remote-user middleware logs users
// in by (header = "HTTP_..."): read from request.META, a forwarded
// client-certificate header decides who is logged in (LK401).
func (in *interp) remoteUserHeader(at ir.Expr, key string) {
	v, ok := in.itemMember(&Value{Sym: rules.TypeMeta}, &Value{Consts: []string{key}}, at)
	if !ok {
		return
	}
	in.decide(at, "RemoteUserMiddleware logs in the user it names", v)
}

// ToolResultSink is the sink of what a tool returns: findings about a
// tool's result name it.
const ToolResultSink = "the model that called the tool"

// toolResult sends what a tool returns back to the model that called it:
// the data it read itself (its arguments are the model's own choice).
func (in *interp) toolResult(at ir.Expr, v *Value) {
	inner := (*Trace)(nil).push(in.step(at, finding.StepSink, "returned to the model as the tool's result"))
	for _, rf := range in.roleTaint(v, rules.RolePrompt) {
		if rf.f.Class != paramClass {
			in.reach(at, rf.f, rf.role, rules.SinkLLM, ToolResultSink, finding.Step{}, inner)
		}
	}
}

// constTruth is the truth of a condition written as a literal (False, 0,
// None, "", True, 1, not of one of them), and whether it is one.
func constTruth(e ir.Expr) (truth, ok bool) {
	switch x := e.(type) {
	case *ir.Const:
		switch x.Kind {
		case ir.ConstBool:
			return x.Value == "True", true
		case ir.ConstNone:
			return false, true
		case ir.ConstInt:
			if strings.Trim(x.Value, "0123456789_") != "" {
				return false, false // 0x0, 0o0: not worth reading
			}
			return strings.Trim(x.Value, "0_") != "", true
		case ir.ConstStr:
			return x.Value != "", true
		}
	case *ir.UnaryOp:
		if x.Op == "not" {
			t, ok := constTruth(x.X)
			return !t, ok
		}
	}
	return false, false
}

// applyDecorators calls the project's own decorators of a class or a
// function with it, as defining it does: a decorator that registers what
// it decorates (REGISTRY[name] = cls) fills its registry. Library
// decorators are left to the rows that give them a role.
func (in *interp) applyDecorators(decorators []ir.Expr, name string) {
	for i := len(decorators) - 1; i >= 0; i-- {
		d := decorators[i]
		head := d
		if c, ok := d.(*ir.Call); ok {
			head = c.Func
		}
		v := in.eval(head)
		if v.Ref == nil || v.Ref == conflictRef || v.Ref.Kind == RefModule || v.Ref.Kind == RefClass {
			continue
		}
		if slices.Contains(in.e.cat.PayloadDecorators, in.qualifiedName(v)) {
			// Configured as filling the view's parameters from the body:
			// that role already stands for what its wrapper does.
			continue
		}
		sp := d.ExprSpan()
		call := &ir.Call{ExprBase: ir.ExprBase{Span: sp}, Func: d, Args: []*ir.Arg{{Value: &ir.Name{ExprBase: ir.ExprBase{Span: sp}, Id: name}}}}
		in.evalCall(call)
	}
}

// execRaise records the data put into an exception: it travels with it
// to the handler.
func (in *interp) execRaise(s *ir.Raise) {
	if s.Exc != nil {
		v := in.eval(s.Exc)
		if v.Sym != rules.TypeException {
			st := finding.Step{Location: in.spanLoc(s.Span), Kind: finding.StepAssign, Message: "raised in an exception"}
			t := v.deep().withStep(st)
			in.raised = union(in.raised, t)
			in.ownRaised = union(in.ownRaised, t)
		}
	}
	if s.Cause != nil {
		in.eval(s.Cause)
	}
	in.dead = true
}

// execMatch runs each case from the state before the match and joins
// those that fall through.
func (in *interp) execMatch(s *ir.Match) {
	subj := in.eval(s.Subject)
	var envs []env
	base := in.env
	for _, c := range s.Cases {
		in.env = base.copy()
		in.dead = false
		in.bindPattern(c.Pattern, subj)
		if c.Guard != nil {
			in.eval(c.Guard)
		}
		in.execBlock(c.Body)
		if !in.dead {
			envs = append(envs, in.env)
		}
	}
	in.dead = false
	in.env = base
	for _, e := range envs {
		in.env = joinEnv(in.env, e)
	}
}

func (in *interp) bindPattern(p ir.Expr, subj *Value) {
	switch x := p.(type) {
	case *ir.Name:
		if x.Id != "_" {
			in.env[x.Id] = subj
		}
	case *ir.Seq:
		for _, e := range x.Elems {
			in.bindPattern(e, taintOnly(subj.deep()))
		}
	case *ir.Call:
		for _, a := range x.Args {
			in.bindPattern(a.Value, taintOnly(subj.deep()))
		}
	case *ir.Dict:
		for _, v := range x.Values {
			in.bindPattern(v, taintOnly(subj.deep()))
		}
	}
}

// branch runs two alternatives from the same environment and joins them.
// The second alternative runs on the base environment itself, so only
// one copy is made per branch point.
func (in *interp) branch(a, b func()) {
	base := in.env
	in.env = base.copy()
	in.dead = false
	a()
	envA, deadA := in.env, in.dead
	in.env = base
	in.dead = false
	b()
	envB, deadB := in.env, in.dead
	switch {
	case deadA && deadB:
		in.env = joinInto(envA, envB)
		in.dead = true
	case deadA:
		in.env = envB
		in.dead = false
	case deadB:
		in.env = envA
		in.dead = false
	default:
		in.env = joinInto(envA, envB)
	}
}

// loop runs a body to a fixpoint: the environment after the loop is the
// join of zero, one or more iterations.
func (in *interp) loop(body func()) {
	savedBreaks := in.breakEnvs
	in.breakEnvs = nil
	before := in.env
	for i := 0; i < maxLoopIter; i++ {
		in.env = before.copy()
		in.dead = false
		body()
		// The body's environment is ours: join the entry state into it.
		after := joinInto(in.env, before)
		if sameEnv(after, before) {
			before = after
			break
		}
		before = after
	}
	in.env = before
	for _, b := range in.breakEnvs {
		in.env = joinInto(in.env, b)
	}
	in.breakEnvs = savedBreaks
	in.dead = false
}

// skipsKeys reports whether a loop's body skips some of the keys it
// walks: `if <test of the loop variable>: continue`.
func skipsKeys(s *ir.For) bool {
	target, ok := s.Target.(*ir.Name)
	if !ok {
		return false
	}
	for _, st := range s.Body {
		iff, ok := st.(*ir.If)
		if !ok || len(iff.Else) > 0 || len(iff.Body) != 1 {
			continue
		}
		if p, ok := iff.Body[0].(*ir.Pass); !ok || p.Keyword != "continue" {
			continue
		}
		if mentions(iff.Cond, target.Id) {
			return true
		}
	}
	return false
}

func (in *interp) execTry(s *ir.Try) {
	base := in.env.copy()
	outerRaised, outerOwn := in.raised, in.ownRaised
	in.raised, in.ownRaised = nil, nil
	in.execBlock(s.Body)
	bodyRaised, bodyOwn := in.raised, in.ownRaised
	in.raised, in.ownRaised = outerRaised, outerOwn
	if len(s.Handlers) == 0 {
		in.raised = union(in.raised, bodyRaised)
		in.ownRaised = union(in.ownRaised, bodyOwn)
	}
	bodyEnv, bodyDead := in.env, in.dead
	var outs []env
	if !bodyDead {
		in.dead = false
		in.env = bodyEnv.copy()
		in.execBlock(s.Else)
		if !in.dead {
			outs = append(outs, in.env)
		}
	}
	for _, h := range s.Handlers {
		in.env = joinEnv(base, bodyEnv)
		in.dead = false
		if h.Type != nil {
			in.eval(h.Type)
		}
		if h.Name != "" {
			st := finding.Step{Location: in.spanLoc(h.Span), Kind: finding.StepSource, Message: "exception caught as " + h.Name}
			caught := bodyRaised.withStep(finding.Step{Location: in.spanLoc(h.Span), Kind: finding.StepAssign, Message: "caught as " + h.Name})
			in.env[h.Name] = &Value{Sym: rules.TypeException, Taint: union(in.sourceFacts(h.Span, "exception "+h.Name, st, rules.ClassError), caught)}
		}
		in.execBlock(h.Body)
		if !in.dead {
			outs = append(outs, in.env)
		}
	}
	in.dead = len(outs) == 0
	if len(outs) == 0 {
		in.env = joinEnv(base, bodyEnv)
	} else {
		in.env = outs[0]
		for _, o := range outs[1:] {
			in.env = joinEnv(in.env, o)
		}
	}
	if len(s.Finally) > 0 {
		dead := in.dead
		in.dead = false
		in.execBlock(s.Finally)
		in.dead = in.dead || dead
	}
}

func (in *interp) execClassDef(s *ir.ClassDef) {
	var ci *ClassInfo
	if b := in.fi.Mod.Top[s.Class.Name]; b != nil && b.Kind == resolve.BindClass && b.Cls != nil && b.Cls.Cls == s.Class {
		ci = b.Cls
	} else if c := in.fi.LocalClasses[s.Class.Name]; c != nil {
		ci = c
	}
	if ci == nil {
		return
	}
	in.env[s.Class.Name] = &Value{Ref: &Ref{Kind: RefClass, Class: ci}}
	in.applyDecorators(s.Class.Decorators, s.Class.Name)
	// Class-body assignments become class attributes.
	saved := in.env
	in.env = saved.copy()
	for _, st := range s.Class.Body {
		if cd, ok := st.(*ir.ClassDef); ok {
			// A nested class is an attribute of its class (View.Form).
			if nc := in.e.proj.ClassOf[cd.Class]; nc != nil {
				in.res.attrWrites = append(in.res.attrWrites, attrWrite{cls: ci, name: cd.Class.Name, v: &Value{Ref: &Ref{Kind: RefClass, Class: nc}}})
			}
		}
		if a, ok := st.(*ir.Assign); ok && (a.Value != nil || a.Annotation != nil) {
			v := in.annotated(a, empty)
			if a.Value != nil {
				v = in.annotated(a, in.eval(a.Value))
			}
			if v.isEmpty() {
				continue
			}
			if v.Sym == rules.TypeModelField {
				v = in.relatedModel(ci, a.Value, v)
				if v.Ref != nil {
					in.reverseRelation(ci, a.Value.(*ir.Call), v.Ref.Class)
				}
			}
			for _, t := range a.Targets {
				if n, ok := t.(*ir.Name); ok {
					in.res.attrWrites = append(in.res.attrWrites, attrWrite{cls: ci, name: n.Id, v: v})
					if n.Id == "header" && len(v.Consts) == 1 && in.e.classIs(ci, model.RoleRemoteUser) {
						in.remoteUserHeader(a.Value, v.Consts[0])
					}
				}
			}
		}
	}
	in.env = saved
}

// relatedModel is model field v declared by e on class ci, with the
// project model it points to when it is a ForeignKey or OneToOneField
// (to a class, "self", or a class named by a string): read from an
// object, such a field is an object of that model.
func (in *interp) relatedModel(ci *ClassInfo, e ir.Expr, v *Value) *Value {
	c, ok := e.(*ir.Call)
	if !ok {
		return v
	}
	callee := resolve.Dotted(c.Func)
	if !strings.HasSuffix(callee, "ForeignKey") && !strings.HasSuffix(callee, "OneToOneField") {
		return v
	}
	var to ir.Expr
	for _, a := range c.Args {
		if a.Name == "to" || (a.Name == "" && !a.Star && !a.DoubleStar && to == nil) {
			to = a.Value
		}
	}
	var target *ClassInfo
	name := ""
	switch x := to.(type) {
	case nil:
		return v
	case *ir.Const:
		if x.Kind != ir.ConstStr {
			return v
		}
		name = x.Value
	default:
		t := in.eval(to)
		switch {
		case t.Ref != nil && t.Ref.Kind == RefClass:
			target = t.Ref.Class
		case len(t.Consts) == 1:
			// settings.AUTH_USER_MODEL, as the settings module sets it.
			name = t.Consts[0]
		case t.Sym == rules.TypeSettings+".AUTH_USER_MODEL":
			name = "auth.User"
		case isClass(t):
			// A library model (get_user_model()): its rows read its fields.
			return relatedLibrary(v, t.Sym+"()")
		}
	}
	if name != "" {
		short := name[strings.LastIndexByte(name, '.')+1:]
		switch {
		case short == "self":
			target = ci
		case in.e.modelNamed(short) != nil:
			target = in.e.modelNamed(short)
		case name == "auth.User":
			return relatedLibrary(v, "django.contrib.auth.models.User()")
		}
	}
	if target == nil {
		return v
	}
	return &Value{Sym: v.Sym, Ref: &Ref{Kind: RefClass, Class: target}}
}

// relatedField is the field of a model value v keeping the library model a
// foreign key points to (read from an object: an instance of it).
const relatedField = "__related__"

func relatedLibrary(v *Value, sym string) *Value {
	return &Value{Sym: v.Sym, Fields: map[string]*Value{relatedField: {Sym: sym}}}
}

// reverseRelation gives target, the model a ForeignKey or OneToOneField
// c of class ci points to, the attribute that reads the rows pointing
// back: related_name, or by default <model>_set (a manager of them) for a
// foreign key and <model> (one row) for a one-to-one field, for ci and
// each project class deriving from it (a field of an abstract base).
func (in *interp) reverseRelation(ci *ClassInfo, c *ir.Call, target *ClassInfo) {
	one := strings.HasSuffix(resolve.Dotted(c.Func), "OneToOneField")
	named := ""
	for _, a := range c.Args {
		if k, ok := a.Value.(*ir.Const); ok && a.Name == "related_name" && k.Kind == ir.ConstStr {
			named = k.Value
		}
	}
	if named == "+" || strings.Contains(named, "%") {
		return
	}
	for _, m := range append([]*ClassInfo{ci}, in.e.subclasses[ci]...) {
		name := named
		if name == "" {
			name = strings.ToLower(m.Cls.Name)
			if !one {
				name += "_set"
			}
		}
		v := in.manager(m)
		if one {
			v = &Value{Ref: &Ref{Kind: RefInstance, Class: m}}
		}
		in.res.attrWrites = append(in.res.attrWrites, attrWrite{cls: target, name: name, v: v})
		if named != "" {
			break
		}
	}
}

// annotated is v, given the type of the assignment's annotation when it
// has none of its own.
func (in *interp) annotated(s *ir.Assign, v *Value) *Value {
	if s.Annotation == nil || !in.untyped(v) {
		return v
	}
	if t := in.annotType(s.Annotation, true); t != nil {
		n := *v
		n.Sym, n.Ref = t.Sym, t.Ref
		return &n
	}
	return v
}

func (in *interp) execAssign(s *ir.Assign) {
	if s.Value == nil {
		return
	}
	v := in.annotated(s, in.eval(s.Value))
	if s.Op != "" {
		if len(s.Targets) == 1 {
			old := in.eval(s.Targets[0])
			if s.Op == "|" && (in.isPipe(old.Sym) || in.isPipe(v.Sym)) {
				v = in.runnable(old, v)
			} else {
				nv := join(old, v)
				if s.Op == "-" {
					// x -= y keeps x's data alone.
					nv = old
				} else if len(v.Elems) > 0 || len(old.Elems) > 0 {
					nv = concat(old, v)
					nv.Sym, nv.Ref, nv.Fields = old.Sym, old.Ref, old.Fields
					nv.Taint = union(old.Taint, v.Taint)
				}
				v = nv
			}
			in.assign(s.Targets[0], v, "")
		}
		return
	}
	for _, t := range s.Targets {
		in.assign(t, v, "")
	}
}

// assign stores v into a target expression.
func (in *interp) assign(t ir.Expr, v *Value, what string) {
	switch x := t.(type) {
	case *ir.Name:
		msg := "assigned to " + x.Id
		if what != "" {
			msg = what + " " + x.Id
		}
		in.env[x.Id] = v.withStep(in.step(t, finding.StepAssign, msg))
		if in.globals[x.Id] && in.fi.Fn != in.fi.Mod.Mod.Body {
			// global x; x = ...: the module's x, as every function reads
			// it (a singleton built on first use).
			in.res.attrWrites = append(in.res.attrWrites, attrWrite{mod: in.fi.Mod, name: x.Id, v: in.env[x.Id]})
		}
	case *ir.Seq:
		in.assignSeq(x.Elems, v)
	case *ir.Starred:
		in.assign(x.X, taintOnly(v.deep()), what)
	case *ir.Attr:
		obj := in.eval(x.X)
		nv := v.withStep(in.step(t, finding.StepAssign, "stored in "+formatExpr(t)))
		if c := in.sharedAttr(obj); c != nil {
			in.res.attrWrites = append(in.res.attrWrites, attrWrite{cls: c, name: x.Name, v: nv})
		}
		in.update(x.X, obj.withField(x.Name, nv))
	case *ir.Subscript:
		obj := in.eval(x.X)
		key := in.eval(x.Index)
		nv := v.withStep(in.step(t, finding.StepAssign, "stored in "+formatExpr(t)))
		switch {
		case len(key.Consts) == 1:
			obj = obj.withField(key.Consts[0], nv)
		case len(key.Consts) > 1:
			for _, k := range key.Consts {
				obj = obj.withField(k, join(obj.Fields[k], nv))
			}
		default:
			obj = withAnyKey(obj, nv)
		}
		in.update(x.X, obj)
	}
}

// sharedAttr is the class whose shared state a write to an attribute of
// obj changes, or nil: state its class's methods share (a method setting
// its own object's attribute, read by its other methods and by callers;
// a class method filling its class's registry); a write from outside the
// class changes that one object, which the local value keeps (objects are
// field-sensitive: other instances do not see it).
func (in *interp) sharedAttr(obj *Value) *ClassInfo {
	if obj.Ref == nil || in.fi.Class == nil {
		return nil
	}
	related := func(r *Ref) bool {
		return r.Class != nil && (slices.Contains(in.fi.Class.MRO, r.Class) || slices.Contains(r.Class.MRO, in.fi.Class))
	}
	switch obj.Ref.Kind {
	case RefInstance:
		if related(obj.Ref) {
			return obj.Ref.Class
		}
	case RefClass:
		// cls.registry[key] = cls in a class method: the class's own
		// state, which the method's class declares.
		if in.fi.ClassMethod && related(obj.Ref) {
			return in.fi.Class
		}
	case RefUnion:
		if in.fi.ClassMethod && slices.ContainsFunc(obj.Ref.Alts, func(r *Ref) bool { return r.Kind == RefClass && related(r) }) {
			return in.fi.Class
		}
	}
	return nil
}

func (in *interp) assignSeq(targets []ir.Expr, v *Value) {
	if v.Many && len(v.Elems) == 1 {
		el := v.Elems[0].withTaint(v.Taint)
		for _, t := range targets {
			in.assign(t, el, "")
		}
		return
	}
	if len(v.Elems) == len(targets) {
		for i, t := range targets {
			in.assign(t, v.Elems[i], "")
		}
		return
	}
	all := taintOnly(v.deep())
	for _, t := range targets {
		in.assign(t, all, "")
	}
}

// update writes back a container that was changed in place, when it is
// named by a variable or an attribute path we can assign.
func (in *interp) update(target ir.Expr, v *Value) {
	switch x := target.(type) {
	case *ir.Name:
		if in.mutatesGlobal(x.Id) {
			in.res.attrWrites = append(in.res.attrWrites, attrWrite{mod: in.fi.Mod, name: x.Id, v: v})
		}
		in.env[x.Id] = v
	case *ir.Attr:
		obj := in.eval(x.X)
		if c := in.sharedAttr(obj); c != nil {
			in.res.attrWrites = append(in.res.attrWrites, attrWrite{cls: c, name: x.Name, v: v})
		}
		in.update(x.X, obj.withField(x.Name, v))
	case *ir.Subscript:
		obj := in.eval(x.X)
		key := in.eval(x.Index)
		if len(key.Consts) == 1 {
			in.update(x.X, obj.withField(key.Consts[0], v))
		} else {
			in.update(x.X, withAnyKey(obj, v))
		}
	}
}

// ---------------------------------------------------------------------------
// Expressions

type exprSpan struct{ sp ir.Span }

type spanLike interface {
	start() Pos
	end() Pos
}

func (s exprSpan) start() Pos { return Pos{int(s.sp.Start.Line), int(s.sp.Start.Col)} }
func (s exprSpan) end() Pos   { return Pos{int(s.sp.End.Line), int(s.sp.End.Col)} }

// sourceFacts are the facts of data of the given classes read at sp, each
// with a trace that starts at step st.
func (in *interp) sourceFacts(sp ir.Span, desc string, st finding.Step, classes ...rules.Class) Taint {
	var t Taint
	for _, c := range classes {
		t = union(t, Taint{{Class: c, Origin: newOrigin(in.path, exprSpan{sp}, desc, c), Trace: (*Trace)(nil).push(st)}})
	}
	return t
}

// source builds the value of a source expression.
func (in *interp) source(e ir.Expr, typ string, classes []rules.Class) *Value {
	v := &Value{Sym: typ}
	if len(classes) == 0 {
		return v
	}
	desc := formatExpr(e)
	v.Taint = in.sourceFacts(e.ExprSpan(), desc, in.step(e, finding.StepSource, "reads "+desc), classes...)
	return v
}

func (in *interp) eval(e ir.Expr) *Value {
	switch x := e.(type) {
	case nil:
		return empty
	case *ir.Name:
		return in.lookup(x.Id, x)
	case *ir.Attr:
		return in.getattr(in.eval(x.X), x.Name, x)
	case *ir.Subscript:
		obj := in.eval(x.X)
		if sl, ok := x.Index.(*ir.Slice); ok {
			in.eval(x.Index)
			if maskPrefix(sl) {
				// value[:6]: a short prefix, as masking keeps.
				return empty
			}
			if n, ok := prefixLen(sl); ok && len(obj.Consts) == 1 {
				// A prefix of a template's text that ends before its first
				// hole is the constant text alone.
				if text := obj.Consts[0]; !strings.Contains(text[:min(n, len(text))], "{}") {
					return &Value{Consts: []string{text[:min(n, len(text))]}}
				}
			}
			return &Value{Taint: obj.deep()}
		}
		return in.getitem(obj, in.eval(x.Index), x)
	case *ir.Call:
		return in.evalCall(x)
	case *ir.Const:
		return in.evalConst(x)
	case *ir.FString:
		parts := make([]Taint, len(x.Parts))
		for i, p := range x.Parts {
			parts[i] = in.rendered(in.eval(p))
		}
		// The literal text, with "{}" for each part, is kept so URL
		// templates can be matched.
		return templated(x.Text, parts)
	case *ir.BinOp:
		return in.evalBinOp(x)
	case *ir.BoolOp:
		var v *Value
		for _, p := range x.Values {
			v = join(v, in.eval(p))
		}
		return v
	case *ir.Compare:
		vals := []*Value{in.eval(x.L)}
		for _, c := range x.Comparators {
			vals = append(vals, in.eval(c))
		}
		label := "comparison"
		for _, op := range x.Ops {
			if op == "in" || op == "not in" {
				label = "membership test"
			}
		}
		in.decide(x, label, vals...)
		return empty
	case *ir.UnaryOp:
		v := in.eval(x.X)
		if x.Op == "not" {
			return empty
		}
		return taintOnly(v.deep())
	case *ir.Seq:
		return in.evalSeq(x)
	case *ir.Dict:
		return in.evalDict(x)
	case *ir.Comprehension:
		return in.evalComp(x)
	case *ir.Lambda:
		return in.evalLambda(x)
	case *ir.IfExp:
		in.eval(x.Cond)
		if truth, ok := constTruth(x.Cond); ok {
			if truth {
				return in.eval(x.Body)
			}
			return in.eval(x.Else)
		}
		return join(in.eval(x.Body), in.eval(x.Else))
	case *ir.Await:
		return in.eval(x.X)
	case *ir.Yield:
		v := in.eval(x.X)
		if x.From {
			v = in.elemOf(v, x.X)
		}
		in.yielded = join(in.yielded, v)
		in.generator = true
		return empty
	case *ir.Starred:
		return in.eval(x.X)
	case *ir.NamedExpr:
		v := in.eval(x.Value)
		in.assign(x.Target, v, "")
		return v
	case *ir.Slice:
		in.eval(x.Lower)
		in.eval(x.Upper)
		in.eval(x.Step)
		return empty
	case *ir.Unknown:
		var t Taint
		for _, c := range x.Children {
			t = union(t, in.eval(c).deep())
		}
		return taintOnly(t)
	}
	return empty
}

// evalConst is a literal: a string's constant value, or a secret when it
// looks like a provider key.
func (in *interp) evalConst(x *ir.Const) *Value {
	if x.Kind != ir.ConstStr && x.Kind != ir.ConstBytes {
		return empty
	}
	if rules.IsSecretLiteral(x.Value) {
		v := in.source(x, "", []rules.Class{rules.ClassSecret})
		v.Consts = nil
		return v
	}
	return &Value{Consts: []string{x.Value}}
}

// percentField is a conversion of printf-style formatting: "%%", or a
// conversion with an optional mapping key, flags, width and precision.
var percentField = regexp.MustCompile(`%%|%(\([^)]*\))?[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]`)

// percentTemplate is template % args of a constant template: a hole per
// conversion, each filled from its argument (a tuple's element in turn, a
// mapping's key, or the one value), so the parts that land in a raw chat
// template's system section stay apart; nil when the arguments cannot be
// matched to the conversions.
func (in *interp) percentTemplate(template string, args *Value) *Value {
	n := 0
	return in.fillHoles(template, percentField, func(tok string, m []int) (string, *Value) {
		if tok == "%%" {
			return "%", nil
		}
		defer func() { n++ }()
		switch {
		case m[2] >= 0:
			return "", args.Fields[template[m[2]+1:m[3]-1]]
		case len(args.Elems) > 0 && !args.Many:
			if n < len(args.Elems) {
				return "", args.Elems[n]
			}
		case n == 0:
			return "", args
		}
		return "", nil
	})
}

// fillHoles is a template with a hole ("{}") for each field re finds in
// it, filled by field: an escape gives its literal text, any other field
// its argument. The holes' parts go through templated; nil when a field
// has no argument.
func (in *interp) fillHoles(template string, re *regexp.Regexp, field func(tok string, m []int) (literal string, arg *Value)) *Value {
	var text strings.Builder
	var parts []Taint
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(template, -1) {
		text.WriteString(template[last:m[0]])
		last = m[1]
		literal, arg := field(template[m[0]:m[1]], m)
		switch {
		case literal != "":
			text.WriteString(literal)
		case arg == nil:
			return nil
		default:
			text.WriteString("{}")
			parts = append(parts, in.rendered(arg))
		}
	}
	text.WriteString(template[last:])
	return templated(text.String(), parts)
}

// templated is the text of a template whose holes (each "{}" in text)
// hold parts: their data, the text kept; the parts inside a system
// section of a raw chat template (ChatML, Llama, Alpaca...) kept apart as
// the system role.
func templated(text string, parts []Taint) *Value {
	sys := rules.SystemSections(text, len(parts))
	var t, st Taint
	for i, p := range parts {
		if sys != nil && sys[i] {
			st = union(st, p)
		} else {
			t = union(t, p)
		}
	}
	v := &Value{Taint: t, Consts: []string{text}}
	if len(st) > 0 {
		v.Fields = map[string]*Value{systemField: taintOnly(st)}
	}
	return v
}

// evalBinOp is a binary operation: a chain for "|" with a model, the
// constant of two constants added, the elements of two lists added, or
// the data of both sides.
func (in *interp) evalBinOp(x *ir.BinOp) *Value {
	l, r := in.eval(x.L), in.eval(x.R)
	if x.Op == "|" && (in.isPipe(l.Sym) || in.isPipe(r.Sym)) {
		return in.runnable(l, r)
	}
	if x.Op == "+" && len(l.Consts) == 1 && len(r.Consts) == 1 {
		return &Value{Taint: union(l.deep(), r.deep()), Consts: []string{l.Consts[0] + r.Consts[0]}}
	}
	if x.Op == "+" && (len(l.Elems) > 0 || len(r.Elems) > 0) && len(l.Fields) == 0 && len(r.Fields) == 0 {
		// Sequences: the data of one whose elements are unknown is data
		// of the result's unknown elements.
		return concat(l, r)
	}
	if x.Op == "-" {
		// A difference (of sets, of numbers) is made of its left side: a
		// set minus another keeps none of the other's elements.
		return taintOnly(in.rendered(l))
	}
	if x.Op == "%" && len(l.Consts) == 1 && len(l.deep()) == 0 {
		if v := in.percentTemplate(l.Consts[0], r); v != nil {
			return v
		}
	}
	return taintOnly(union(in.rendered(l), in.rendered(r)))
}

// evalLambda runs a lambda's body in this function's scope (its
// parameters unknown), so a sink inside it is seen.
func (in *interp) evalLambda(x *ir.Lambda) *Value {
	saved := in.env
	in.env = saved.copy()
	for _, p := range x.Func.Params {
		in.env[p.Name] = empty
	}
	var v *Value
	for _, st := range x.Func.Body {
		if r, ok := st.(*ir.Return); ok && r.Value != nil {
			v = in.eval(r.Value)
		}
	}
	in.env = saved
	return taintOnly(v.deep().sources())
}

func (in *interp) evalSeq(x *ir.Seq) *Value {
	if len(x.Elems) > maxElems {
		var t Taint
		var consts []string
		allConst := true
		for _, el := range x.Elems {
			v := in.eval(el)
			t = union(t, v.deep())
			if len(v.Consts) == 1 {
				consts = append(consts, v.Consts[0])
			} else {
				allConst = false
			}
		}
		if allConst && len(t) == 0 {
			// A long constant collection: keep its members for allowlists.
			if cs := mergeConsts(consts, nil); len(cs) > 1 {
				return &Value{Consts: cs}
			}
		}
		return taintOnly(t)
	}
	v := &Value{Elems: make([]*Value, 0, len(x.Elems))}
	for _, el := range x.Elems {
		ev := in.eval(el)
		if _, ok := el.(*ir.Starred); ok {
			v.Taint = union(v.Taint, ev.deep())
			continue
		}
		v.Elems = append(v.Elems, ev)
	}
	if len(v.Elems) == 2 && userRole(v.Elems[0].Consts) {
		// ("human", text): the user's turn in a LangChain message list.
		v.Elems[1] = asUserContent(v.Elems[1])
	}
	return v
}

func (in *interp) evalDict(x *ir.Dict) *Value {
	v := &Value{}
	for i, k := range x.Keys {
		val := in.eval(x.Values[i])
		if k == nil {
			// **spread: its fields become ours.
			for _, fk := range sortedKeys(val.Fields) {
				v = v.withField(fk, val.Fields[fk])
			}
			v = v.withTaint(val.Taint)
			if len(val.Elems) > 0 || val.Sym != "" {
				v = v.withTaint(val.deep())
			}
			continue
		}
		kv := in.eval(k)
		if len(kv.Consts) == 1 {
			v = v.withField(kv.Consts[0], val)
		} else {
			// A key not known here ({Kind.A: handle_a}): the value is an
			// item any key may give, keeping its parts (a function of a
			// dispatch table).
			v = withAnyKey(v, val).withTaint(kv.deep())
		}
	}
	if r, ok := v.Fields["role"]; ok && userRole(r.Consts) {
		// {"role": "user", "content": ...}: the user's turn.
		if c, ok := v.Fields["content"]; ok {
			v = v.withField("content", asUserContent(c))
		}
	}
	return v
}

func (in *interp) evalComp(x *ir.Comprehension) *Value {
	saved := in.env
	in.env = saved.copy()
	var gathered Taint
	for _, f := range x.For {
		it := in.eval(f.Iter)
		if in.gathers(it) {
			// Every element gathered: the whole the iterable holds.
			gathered = union(gathered, it.Taint)
		}
		in.assign(f.Target, in.elemOf(it, f.Iter), "")
		for _, c := range f.Ifs {
			in.eval(c)
		}
	}
	if x.Key == nil {
		// A list, set or generator: its elements keep their parts.
		el := in.eval(x.Elt)
		in.env = saved
		if el.isEmpty() {
			return taintOnly(gathered)
		}
		return &Value{Taint: gathered, Elems: []*Value{el}, Many: true}
	}
	t := union(in.eval(x.Key).deep(), in.eval(x.Elt).deep())
	in.env = saved
	return taintOnly(union(t, gathered))
}

// elemOf is the value of an element of an iterable.
func (in *interp) elemOf(v *Value, e ir.Expr) *Value {
	if el, ok := in.iterMember(v, e); ok {
		return el
	}
	if len(v.Elems) > 0 {
		out := joinAll(v.Elems)
		if len(v.Taint) > 0 {
			out = out.withTaint(v.Taint)
		}
		return out
	}
	return taintOnly(v.deep())
}

// lookup resolves a name: local, enclosing module, builtin.
func (in *interp) lookup(name string, e ir.Expr) *Value {
	if !in.globals[name] {
		if v, ok := in.env[name]; ok {
			return v
		}
	}
	if f := in.fi.Locals[name]; f != nil {
		return &Value{Ref: &Ref{Kind: RefFunc, Func: f}}
	}
	if in.fi.Fn.Outer != nil {
		// A closure reads its enclosing function's variable.
		in.dep(depKey{'K', in.fi.ID, name})
		if cv := in.e.st.captures[in.fi.ID][name]; cv != nil {
			return cv
		}
	}
	// Enclosing functions' nested defs (closures see their siblings).
	for o := in.fi.Enclosing; o != nil; o = o.Enclosing {
		if g := o.Locals[name]; g != nil {
			return &Value{Ref: &Ref{Kind: RefFunc, Func: g}}
		}
	}
	if b := in.fi.Mod.Top[name]; b != nil {
		return in.bindingValue(b, func() *Value { return in.global(in.fi.Mod, name) })
	}
	if !resolve.IsBuiltin(name) {
		// No module binds it and Python does not: a star import's or
		// one made at run time. Unknown, so it carries nothing.
		return empty
	}
	return in.symValue("builtins."+name, e)
}

func (in *interp) global(m *ModInfo, name string) *Value {
	in.dep(depKey{'M', m.ID, name})
	var v *Value
	if g := in.e.st.globals[m.ID]; g != nil {
		v = g[name]
	}
	if g := in.e.st.mutated[m.ID]; g != nil {
		v = join(v, g[name])
	}
	if v == nil {
		return empty
	}
	return v
}

// mutatesGlobal reports whether changing name in place (an item, an
// attribute, an append) here changes a global of the module: a function
// that never bound name itself, or declared it global.
func (in *interp) mutatesGlobal(name string) bool {
	if in.fi.Fn == in.fi.Mod.Mod.Body {
		return false
	}
	if in.mutGlobals[name] || in.globals[name] {
		return true
	}
	if _, local := in.env[name]; local {
		return false
	}
	if b := in.fi.Mod.Top[name]; b == nil || b.Kind != resolve.BindGlobal {
		return false
	}
	if in.mutGlobals == nil {
		in.mutGlobals = map[string]bool{}
	}
	in.mutGlobals[name] = true
	return true
}

func (in *interp) bindingValue(b *resolve.Binding, global func() *Value) *Value {
	switch b.Kind {
	case resolve.BindFunc:
		return &Value{Ref: &Ref{Kind: RefFunc, Func: b.Fn}}
	case resolve.BindClass:
		return &Value{Ref: &Ref{Kind: RefClass, Class: b.Cls}}
	case resolve.BindImport:
		return in.resolveQualified(b.Target, 0)
	case resolve.BindGlobal:
		if global != nil {
			return global()
		}
	}
	return empty
}

// resolveQualified turns an absolute dotted name into a project entity or
// an external symbol.
func (in *interp) resolveQualified(full string, depth int) *Value {
	if depth > 12 {
		return empty
	}
	parts := strings.Split(full, ".")
	for i := len(parts); i >= 1; i-- {
		m := in.e.proj.Module(strings.Join(parts[:i], "."), in.fi.Mod)
		if m == nil {
			continue
		}
		v := &Value{Ref: &Ref{Kind: RefModule, Module: m}}
		for _, p := range parts[i:] {
			v = in.moduleMember(v, p, depth+1)
		}
		return v
	}
	return in.symValue(full, nil)
}

// moduleMember reads name from a module value (or any value).
func (in *interp) moduleMember(v *Value, name string, depth int) *Value {
	if v.Ref == nil || v.Ref.Kind != RefModule {
		return in.getattr(v, name, nil)
	}
	m := v.Ref.Module
	if b := m.Top[name]; b != nil {
		if b.Kind == resolve.BindImport {
			return in.resolveQualified(b.Target, depth+1)
		}
		return in.bindingValue(b, func() *Value { return in.global(m, name) })
	}
	if sub := in.e.proj.Module(m.Name+"."+name, m); sub != nil {
		return &Value{Ref: &Ref{Kind: RefModule, Module: sub}}
	}
	return empty
}

// symValue is the value of an external symbol; a few symbols are sources
// on their own.
func (in *interp) symValue(sym string, e ir.Expr) *Value {
	if i := strings.LastIndexByte(sym, '.'); i > 0 && in.e.mayRead(sym) {
		if v, ok := in.readRows(sym, &Value{Sym: sym[:i]}, e); ok {
			return v
		}
	}
	return &Value{Sym: sym}
}

// runnable is the LCEL pipe "a | b" where one side is a model: a chain
// that calls the model. The system-role part of a prompt template in it
// stays apart.
func (in *interp) runnable(l, r *Value) *Value {
	v := &Value{}
	for _, side := range []*Value{l, r} {
		if p := in.e.models.First(model.KindPipe, side.Sym); p != nil && v.Sym == "" {
			v.Sym = p.Returns
		}
	}
	var system *Value
	for _, side := range []*Value{l, r} {
		if sf, ok := side.Fields[systemField]; ok {
			system = join(system, sf)
			v.Taint = union(v.Taint, side.Taint)
			for k, f := range side.Fields {
				if k != systemField && k != systemVarsField {
					v.Taint = union(v.Taint, f.deep())
				}
			}
			v.Taint = union(v.Taint, elemsDeep(side.Elems))
			continue
		}
		v.Taint = union(v.Taint, side.deep())
	}
	if system != nil {
		v.Fields = map[string]*Value{systemField: system}
		for _, side := range []*Value{l, r} {
			if sv, ok := side.Fields[systemVarsField]; ok {
				v.Fields[systemVarsField] = sv
			}
		}
	}
	return v
}

// allowlistGuard recognizes "x in ALLOWED" and "x not in ALLOWED" where
// ALLOWED is a constant collection: in the branch where the test holds,
// x is one of the allowed constants and carries no data. It returns the
// variable, its clean value, and whether the clean branch is the body.
func (in *interp) allowlistGuard(cond ir.Expr) (string, *Value, bool) {
	c, ok := cond.(*ir.Compare)
	if !ok || len(c.Ops) != 1 || (c.Ops[0] != "in" && c.Ops[0] != "not in") {
		return "", nil, false
	}
	n, ok := c.L.(*ir.Name)
	if !ok {
		return "", nil, false
	}
	allowed := constantMembers(in.eval(c.Comparators[0]))
	if allowed == nil {
		return "", nil, false
	}
	return n.Id, &Value{Consts: allowed}, c.Ops[0] == "in"
}

// isinstanceGuard recognizes "isinstance(x, C)" and its negation where C
// names project classes: in the branch where the test holds, x is an
// object of one of them, with its fields, and not whatever else x might
// have been (a status string a generator also yields). It returns the
// variable, its narrowed value, and whether that branch is the body.
func (in *interp) isinstanceGuard(cond ir.Expr) (string, *Value, bool) {
	inBody := true
	if u, ok := cond.(*ir.UnaryOp); ok && u.Op == "not" {
		cond, inBody = u.X, false
	}
	c, ok := cond.(*ir.Call)
	if !ok || len(c.Args) != 2 || c.Args[0].Name != "" || c.Args[1].Name != "" {
		return "", nil, false
	}
	if fn, ok := c.Func.(*ir.Name); !ok || fn.Id != "isinstance" || in.env[fn.Id] != nil {
		return "", nil, false
	}
	n, ok := c.Args[0].Value.(*ir.Name)
	if !ok {
		return "", nil, false
	}
	var classes []*ClassInfo
	for _, t := range resolve.Items(c.Args[1].Value) {
		v := in.eval(t)
		if v.Ref == nil || v.Ref.Kind != RefClass {
			return "", nil, false
		}
		classes = append(classes, v.Ref.Class)
	}
	return n.Id, narrowTo(in.lookup(n.Id, n), classes), inBody
}

// narrowTo is v known to be an object of one of classes: the alternatives
// of v that can be one, or an object of the first class; its fields
// kept, and of its own data only what a parameter holds (an object of a
// project class keeps its data in its fields).
func narrowTo(v *Value, classes []*ClassInfo) *Value {
	fits := func(r *Ref) bool {
		if r == nil || r.Kind != RefInstance {
			return false
		}
		for _, c := range classes {
			if slices.Contains(r.Class.MRO, c) || slices.Contains(c.MRO, r.Class) {
				return true
			}
		}
		return false
	}
	ref := refsWhere(v.Ref, fits)
	if ref == nil {
		ref = &Ref{Kind: RefInstance, Class: classes[0]}
	}
	var own Taint
	for _, f := range v.Taint {
		if f.Class == paramClass {
			own = union(own, Taint{f})
		}
	}
	return &Value{Ref: ref, Taint: own, Fields: v.Fields}
}

// constantMembers returns the members of a constant collection: a
// literal list, tuple or set of strings, or the keys of a literal dict
// with no data in it; nil for anything else.
func constantMembers(v *Value) []string {
	if len(v.deep()) > 0 {
		return nil
	}
	var out []string
	switch {
	case len(v.Elems) > 0:
		for _, e := range v.Elems {
			if len(e.Consts) != 1 {
				return nil
			}
			out = append(out, e.Consts[0])
		}
	case len(v.Fields) > 0:
		out = sortedKeys(v.Fields)
	case len(v.Consts) > 1:
		out = v.Consts
	default:
		return nil
	}
	return mergeConsts(out, nil)
}

// captureFor records the current variables for nested functions. Our
// parameters' facts in them become facts of the closure's parameters
// after its own (see shiftParams): called here, the closure's summary
// says what it does with our parameters.
func (in *interp) captureFor(fns map[string]*FuncInfo) {
	if len(fns) == 0 || len(in.env) == 0 {
		return
	}
	names := make([]string, 0, len(fns))
	for n := range fns {
		names = append(names, n)
	}
	sort.Strings(names)
	own := len(in.fi.Fn.Params)
	for _, n := range names {
		vars := make(map[string]*Value, len(in.env))
		shift := len(fns[n].Fn.Params)
		for k, v := range in.env {
			if !v.isEmpty() {
				vars[k] = shiftParams(v, own, shift)
			}
		}
		in.res.captures = append(in.res.captures, capture{fn: fns[n], vars: vars})
	}
}

// baseInit: super().__init__(text) (or Base.__init__(self, text)) in an
// __init__ sets on this object what the base's __init__ sets on its own.
func (in *interp) baseInit(e ir.Expr) {
	b := in.built
	in.built = nil
	c, ok := e.(*ir.Call)
	if !ok || b == nil || in.fi.Fn.Name != "__init__" || in.fi.Class == nil || len(in.fi.Fn.Params) == 0 {
		return
	}
	if a, ok := c.Func.(*ir.Attr); !ok || a.Name != "__init__" {
		return
	}
	self := in.fi.Fn.Params[0].Name
	v := in.env[self]
	if v == nil {
		return
	}
	for _, k := range sortedKeys(b.Fields) {
		v = v.withField(k, join(v.Fields[k], b.Fields[k]))
	}
	in.env[self] = v
}

// initFields is what an __init__ leaves in its object's attributes from
// its other parameters, for the summary; nil for any other function.
func (in *interp) initFields() *Value {
	fn := in.fi.Fn
	if in.fi.Class == nil || in.fi.Static || in.fi.ClassMethod || fn.Name != "__init__" || len(fn.Params) == 0 {
		return nil
	}
	self := in.env[fn.Params[0].Name]
	if self == nil {
		return nil
	}
	var out map[string]*Value
	for _, k := range sortedKeys(self.Fields) {
		fv := self.Fields[k]
		if !slices.ContainsFunc(fv.deep(), func(f Fact) bool { return f.Class == paramClass && f.Param > 0 }) {
			continue
		}
		if out == nil {
			out = map[string]*Value{}
		}
		// The argument itself, not the type callers gave it so far: a
		// caller's object keeps its own parts.
		out[k] = in.withoutParamIdentity(fv)
	}
	if out == nil {
		return nil
	}
	return stored(&Value{Fields: out}, true, in.e.known)
}

// fieldSinks: a method that stores a parameter in self.x, where another
// method of the class sends self.x to a sink, makes that parameter reach
// the sink (the constructor of a job object becomes a wrapper).
func (in *interp) fieldSinks() {
	fn := in.fi.Fn
	if in.fi.Class == nil || in.fi.Static || in.fi.ClassMethod || len(fn.Params) == 0 {
		return
	}
	self := in.env[fn.Params[0].Name]
	if self == nil || len(self.Fields) == 0 {
		return
	}
	// Only parameters stored in fields matter here.
	stores := false
	for _, fv := range self.Fields {
		for _, f := range fv.deep() {
			if f.Class == paramClass && (f.Param != 0 || f.Path == "") {
				stores = true
			}
		}
	}
	if !stores {
		return
	}
	seen := map[*FuncInfo]bool{}
	for _, k := range in.fi.Class.MRO {
		for _, mname := range sortedMethodNames(k) {
			m := k.Methods[mname]
			if m == in.fi || seen[m] {
				continue
			}
			seen[m] = true
			in.dep(depKey{'F', m.ID, ""})
			sum := in.e.st.sums[m.ID]
			if sum == nil {
				continue
			}
			for _, ps := range sum.Sinks {
				if ps.Param != 0 || ps.Path == "" {
					continue
				}
				field, rest, _ := strings.Cut(ps.Path, ".")
				fv, ok := self.Fields[field]
				if !ok {
					continue
				}
				if rest != "" {
					// self.message.content: the part of what was stored.
					fv = in.pathOf(fv, rest, nil)
				}
				for _, f := range fv.deep() {
					if f.Class == paramClass {
						in.reach(nil, f, ps.Role, ps.Kind, ps.Label, finding.Step{}, ps.Trace)
					}
				}
			}
		}
	}
}

func sortedMethodNames(c *ClassInfo) []string {
	out := make([]string, 0, len(c.Methods))
	for n := range c.Methods {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// withoutParamIdentity drops from a return value the symbol or reference
// it has only because a parameter was returned: the caller gets that
// identity back from its own argument, and keeping the one callers were
// seen to pass would make the summary depend on who called first.
func (in *interp) withoutParamIdentity(v *Value) *Value {
	if v == nil || (v.Sym == "" && v.Ref == nil) {
		return v
	}
	for _, f := range v.Taint {
		if f.Class != paramClass || f.Path != "" || f.Param >= len(in.fi.Fn.Params) {
			continue
		}
		pv := in.paramTypeOf(f.Param)
		if pv == nil {
			continue
		}
		if (pv.Sym != "" && pv.Sym == v.Sym) || (pv.Ref != nil && v.Ref != nil && pv.Ref.equal(v.Ref)) || v.Sym == symConflict || v.Ref == conflictRef {
			n := *v
			n.Sym, n.Ref = "", nil
			return &n
		}
	}
	return v
}

// paramTypeOf is the type callers were seen to pass for parameter i.
func (in *interp) paramTypeOf(i int) *Value {
	obs := in.e.st.paramTypes[in.fi.ID]
	if i < len(obs) && obs[i] != nil {
		return obs[i]
	}
	return nil
}

// maxMaskPrefix is the longest constant prefix slice counted as masking.
const maxMaskPrefix = 8

// prefixLen is n for a slice [:n] or [0:n] with a constant n.
func prefixLen(sl *ir.Slice) (int, bool) {
	if sl.Step != nil || sl.Upper == nil {
		return 0, false
	}
	if sl.Lower != nil {
		if c, ok := sl.Lower.(*ir.Const); !ok || c.Kind != ir.ConstInt || c.Value != "0" {
			return 0, false
		}
	}
	c, ok := sl.Upper.(*ir.Const)
	if !ok || c.Kind != ir.ConstInt {
		return 0, false
	}
	n, err := strconv.Atoi(c.Value)
	return n, err == nil && n >= 0
}

func maskPrefix(sl *ir.Slice) bool {
	if sl.Lower != nil || sl.Step != nil {
		return false
	}
	c, ok := sl.Upper.(*ir.Const)
	if !ok || c.Kind != ir.ConstInt {
		return false
	}
	n, err := strconv.Atoi(c.Value)
	return err == nil && n >= 0 && n <= maxMaskPrefix
}

// paramStep is the first step of a parameter's path inside this function.
func (in *interp) paramStep(i int) finding.Step {
	fn := in.fi.Fn
	if o := in.fi.Enclosing; i >= len(fn.Params) && fn.Outer != nil && o != nil && i-len(fn.Params) < len(o.Fn.Params) {
		// A parameter of the enclosing function, read by this closure.
		p := o.Fn.Params[i-len(fn.Params)]
		return finding.Step{Location: in.loc(p.Pos, p.Pos), Kind: finding.StepParam, Message: "received as parameter " + p.Name + " of " + o.Fn.Name + "(), read by " + fn.Name + "()"}
	}
	if i >= len(fn.Params) {
		return finding.Step{Location: in.spanLoc(fn.Span), Kind: finding.StepParam, Message: "received as a parameter of " + fn.Name + "()"}
	}
	p := fn.Params[i]
	return finding.Step{Location: in.loc(p.Pos, p.Pos), Kind: finding.StepParam, Message: "received as parameter " + p.Name + " of " + fn.Name + "()"}
}

// mutators are methods that change a container in place (the engine
// writes the container's new value back to its variable).
var mutators = map[string]bool{"append": true, "extend": true, "update": true, "insert": true, "add": true,
	"setdefault": true, "appendleft": true}

// writesEnv reports whether running stmts may bind or change a local
// variable's value.
func writesEnv(stmts []ir.Stmt) bool {
	for _, st := range stmts {
		switch s := st.(type) {
		case *ir.ExprStmt:
			if exprWrites(s.X) {
				return true
			}
		case *ir.Return:
			if exprWrites(s.Value) {
				return true
			}
		case *ir.Raise:
			if exprWrites(s.Exc) {
				return true
			}
		case *ir.Assert:
			if exprWrites(s.Test) {
				return true
			}
		case *ir.Pass:
		case *ir.If:
			if exprWrites(s.Cond) || writesEnv(s.Body) || writesEnv(s.Else) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

func exprWrites(e ir.Expr) bool {
	w := false
	resolve.WalkExpr(e, func(x ir.Expr) {
		switch y := x.(type) {
		case *ir.NamedExpr:
			w = true
		case *ir.Call:
			if a, ok := y.Func.(*ir.Attr); ok && mutators[a.Name] {
				w = true
			}
		}
	})
	return w
}

// dep records that the analysis read a piece of shared state.
func (in *interp) dep(k depKey) {
	if n := len(in.deps); n > 0 && in.deps[n-1] == k {
		return
	}
	in.deps = append(in.deps, k)
}
