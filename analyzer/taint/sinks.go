package taint

import (
	"fmt"
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

// callFunc applies a project function's summary at a call: sources in the
// arguments that reach the callee's sinks are findings here, at the call
// (the join point); parameters of ours that do become sinks of ours; and
// the result is the callee's return value with our arguments substituted.
func (in *interp) callFunc(c *ir.Call, f *FuncInfo, args []argVal, self *Value) *Value {
	if c != nil {
		if v, ok := in.applyRows(c, f.QualName, in.userRows(f.QualName), args, self); ok {
			return v
		}
	}
	params := f.Fn.Params
	byParam := make([]*Value, len(params))
	// argExprs are the argument expressions given to each parameter, to
	// tell which of the caller's variables become prompt text.
	argExprs := make([][]ir.Expr, len(params))
	pi := 0
	if self != nil && len(params) > 0 {
		byParam[0] = self
		pi = 1
	}
	for _, a := range args {
		switch {
		case a.dstr:
			for i, p := range params {
				if byParam[i] == nil && p.Kind != ir.ParamVarArgs {
					if fv, ok := a.v.Fields[p.Name]; ok {
						byParam[i] = fv
					} else if p.Kind == ir.ParamVarKw {
						byParam[i] = a.v
					} else if len(a.v.Taint) > 0 {
						// One keyword of a spread mapping is one part of it:
						// of a whole payload, the field the parameter names.
						byParam[i] = taintOnly(in.partOf(a.v.Taint, p.Name, a.expr))
					}
				}
			}
		case a.star:
			if len(a.v.Elems) > 0 && !a.v.Many {
				for _, el := range a.v.Elems {
					pi = assignPositional(params, byParam, pi, el)
				}
			} else {
				for i := pi; i < len(params); i++ {
					switch {
					case params[i].Kind == ir.ParamVarArgs && len(a.v.Elems) > 0:
						// f(*stages) into *args: the same items.
						byParam[i] = join(byParam[i], &Value{Elems: a.v.Elems, Many: true, Taint: a.v.Taint})
					case params[i].Kind == ir.ParamPositional || params[i].Kind == ir.ParamVarArgs:
						byParam[i] = join(byParam[i], taintOnly(a.v.deep()))
					}
				}
			}
		case a.name != "":
			matched := false
			for i, p := range params {
				if p.Name == a.name && p.Kind != ir.ParamVarArgs && p.Kind != ir.ParamVarKw {
					byParam[i] = a.v
					argExprs[i] = append(argExprs[i], a.expr)
					matched = true
					break
				}
			}
			if !matched {
				for i, p := range params {
					if p.Kind == ir.ParamVarKw {
						byParam[i] = join(byParam[i], &Value{Fields: map[string]*Value{a.name: a.v}})
					}
				}
			}
		default:
			before := pi
			pi = assignPositional(params, byParam, pi, a.v)
			if before < len(params) && (pi > before || params[before].Kind == ir.ParamVarArgs) {
				argExprs[before] = append(argExprs[before], a.expr)
			}
		}
	}
	in.applyGuards(f, byParam, argExprs)
	in.registerIn(c, f, byParam)
	saved := in.argExprs
	in.argExprs = argExprs
	defer func() { in.argExprs = saved }()
	return in.lookupIn(c, f, args, in.applySummary(f, c, byParam, args))
}

func assignPositional(params []*ir.Param, byParam []*Value, pi int, v *Value) int {
	for pi < len(params) {
		switch params[pi].Kind {
		case ir.ParamPositional:
			byParam[pi] = v
			return pi + 1
		case ir.ParamVarArgs:
			// *args: a tuple of the arguments, in order.
			t := &Value{}
			if byParam[pi] != nil {
				*t = *byParam[pi]
			}
			t.Elems = append(append([]*Value(nil), t.Elems...), v)
			byParam[pi] = t
			return pi
		default:
			return pi
		}
	}
	return pi
}

// applySummary uses f's summary with the given argument values.
func (in *interp) applySummary(f *FuncInfo, c ir.Expr, byParam []*Value, args []argVal) *Value {
	// c is the call, or the attribute read of a @property; nil when the
	// use has no place in the source (nothing is reported then).
	if call, ok := c.(*ir.Call); ok && call == nil {
		c = nil
	}
	if attr, ok := c.(*ir.Attr); ok && attr == nil {
		c = nil
	}
	in.dep(depKey{'F', f.ID, ""})
	byParam = in.withOuterParams(f, byParam)
	for i, v := range byParam {
		if v != nil && i < len(f.Fn.Params) && f.Fn.Params[i].Kind == ir.ParamVarArgs && len(v.Elems) > 0 {
			in.res.paramObs = append(in.res.paramObs, paramObs{fn: f, param: i, v: &Value{Elems: v.Elems}})
			continue
		}
		if v != nil && (v.Sym != "" || v.Ref != nil) && i < len(f.Fn.Params) {
			o := &Value{Sym: v.Sym, Ref: v.Ref}
			if v.Sym == rules.TypeQuerySet {
				o.Elems, o.Many = objectsOf(v.Elems), v.Many
			}
			in.res.paramObs = append(in.res.paramObs, paramObs{fn: f, param: i, v: o})
		}
	}
	sum := in.e.st.sums[f.ID]
	if sum == nil {
		return empty
	}
	if sum.Verifies {
		in.verified = true
	}
	if sum.CallsModel {
		in.callsModel = true
	}
	prevArgs := in.substArgs
	in.substArgs = byParam
	defer func() { in.substArgs = prevArgs }()
	var callStep finding.Step
	if c != nil {
		callStep = in.step(c, finding.StepCall, "passed to "+f.Fn.Name+"()")
		if f.Fn.Name == "__init__" && f.Class != nil {
			callStep.Message = "passed to " + f.Class.Cls.Name + "()"
		}
		if _, ok := c.(*ir.Attr); ok {
			callStep.Message = "read as property " + f.Fn.Name
		}
	}
	for _, ps := range sum.Sinks {
		if ps.Kind == rules.SinkLLM && ps.Path == "" && ps.Param < len(in.argExprs) && (promptParam(f, ps.Param) || f.Fn.Outer != nil) {
			for _, e := range in.argExprs[ps.Param] {
				in.notePromptExprs([]argVal{{expr: e}})
			}
		}
		if ps.Param >= len(byParam) || byParam[ps.Param] == nil {
			continue
		}
		arg := byParam[ps.Param]
		if ps.Path != "" {
			arg = in.pathOf(arg, ps.Path, c)
		}
		if ps.Drop != "" {
			arg = taintOnly(withoutClasses(arg.deep(), dropClasses(ps.Drop)))
		}
		if ps.Role == rolePromptLog {
			in.promptOrigins(f, c, arg, ps, callStep)
			continue
		}
		for _, fact := range in.roleTaint(arg, ps.Role) {
			in.reach(c, fact.f, fact.role, ps.Kind, ps.Label, callStep, ps.Trace)
		}
	}
	var retStep finding.Step
	if c != nil {
		retStep = in.step(c, finding.StepReturn, "returned from "+f.Fn.Name+"()")
	}
	in.substAt = c
	if sum.Init != nil && byParam[0] != nil {
		// The attributes __init__ set from its arguments.
		var st finding.Step
		if c != nil && f.Class != nil {
			st = in.step(c, finding.StepAssign, "kept by "+f.Class.Cls.Name+".__init__()")
		}
		in.built = in.substitute(sum.Init, byParam, st, c != nil, 0)
	}
	if len(sum.Raises) > 0 {
		raised := in.substitute(taintOnly(sum.Raises), byParam, retStep, c != nil, 0)
		in.raised = union(in.raised, raised.deep())
	}
	ret := sum.Ret
	if ret == nil || ret.isEmpty() {
		return in.genericReturn(f, byParam, args, empty)
	}
	v := in.genericReturn(f, byParam, args, in.substitute(ret, byParam, retStep, c != nil, 0))
	if masksByName(f.Fn.Name) {
		// A helper named for masking (mask_token, redact_email) returns
		// its input masked: no longer the data, as after a sanitizer.
		return taintOnly(onlyClass(v.deep(), rules.ClassFwdCert))
	}
	return v
}

// genericReturn gives v, what method f returns, the class its return
// annotation names when that is a type parameter of f's generic class
// that the receiver's class fills (Registry[Book].get() -> T is a Book):
// of what v may be, the objects of that class or of a project class
// deriving from it, or else any such object. When an argument is an
// attribute of one of those classes (shelf.get(Novel.kind)), the object
// is that class's: a registry keyed by a class's own constant.
func (in *interp) genericReturn(f *FuncInfo, byParam []*Value, args []argVal, v *Value) *Value {
	if f.Class == nil || f.Fn.Returns == nil || len(byParam) == 0 || byParam[0] == nil {
		return v
	}
	recv := byParam[0].Ref
	if recv == nil || recv.Kind != RefInstance || recv.Class == nil {
		return v
	}
	name, ok := annotInner(f.Fn.Returns, 0).(*ir.Name)
	if !ok {
		return v
	}
	want := in.e.proj.GenericArg(recv.Class, f.Class, name.Id)
	if want == nil {
		return v
	}
	if k := in.keyClass(args); k != nil && slices.Contains(k.MRO, want) {
		want = k
	}
	ref := objectsOfClass(v, want)
	if ref == nil {
		ref = in.e.implementations(want).Ref
	}
	n := &Value{Ref: ref}
	if v != nil {
		n.Taint, n.Fields, n.Elems, n.Many = v.Taint, v.Fields, v.Elems, v.Many
	}
	return n
}

// keyClass is the project class whose attribute a call passes as an
// argument (registry.get(Novel.kind)): the key of a registry keyed by a
// class's own constant; nil when there is none.
func (in *interp) keyClass(args []argVal) *ClassInfo {
	for _, a := range args {
		attr, ok := a.expr.(*ir.Attr)
		if !ok || resolve.Dotted(attr.X) == "" {
			continue
		}
		if k := in.eval(attr.X); k.Ref != nil && k.Ref.Kind == RefClass && k.Ref.Class != nil {
			return k.Ref.Class
		}
	}
	return nil
}

// objectsOfClass is the reference to what of v is an object of class
// want or of a class deriving from it; nil when none of it is.
func objectsOfClass(v *Value, want *ClassInfo) *Ref {
	if v == nil {
		return nil
	}
	return refsWhere(v.Ref, func(r *Ref) bool {
		return r != nil && r.Kind == RefInstance && r.Class != nil && slices.Contains(r.Class.MRO, want)
	})
}

// refsWhere is what of reference r keep accepts: the alternatives of a
// union it accepts, joined as one of several, or r itself; nil when it
// accepts none.
func refsWhere(r *Ref, keep func(*Ref) bool) *Ref {
	if r != nil && r.Kind == RefUnion {
		var out *Ref
		for _, a := range r.Alts {
			if keep(a) {
				out = joinRefOpen(out, a)
			}
		}
		return out
	}
	if keep(r) {
		return r
	}
	return nil
}

// withOuterParams extends the arguments of a call of closure f, made in
// its enclosing function or in a sibling closure, with the enclosing
// function's parameters: the closure's facts of them (see shiftParams)
// become ours, so a function whose parameter reaches a sink only through
// a closure it calls is a wrapper like any other.
func (in *interp) withOuterParams(f *FuncInfo, byParam []*Value) []*Value {
	o := f.Enclosing
	if f.Fn.Outer == nil || o == nil || len(byParam) != len(f.Fn.Params) {
		return byParam
	}
	base := 0 // where the enclosing function's parameters are in ours
	switch {
	case o == in.fi:
	case o == in.fi.Enclosing && in.fi.Fn.Outer != nil:
		base = len(in.fi.Fn.Params)
	default:
		return byParam
	}
	out := make([]*Value, len(byParam), len(byParam)+len(o.Fn.Params))
	copy(out, byParam)
	for i := range o.Fn.Params {
		out = append(out, &Value{Taint: Taint{{Class: paramClass, Param: base + i, pk: paramKey(base+i, "")}}})
	}
	return out
}

// maskWords are the words of a function name that say it returns its
// input masked, redacted or anonymized.
var maskWords = map[string]bool{
	"mask": true, "masked": true, "redact": true, "redacted": true, "obfuscate": true, "obfuscated": true,
	"censor": true, "censored": true, "anonymize": true, "anonymise": true, "anonymized": true, "anonymised": true,
	"pseudonymize": true, "pseudonymise": true, "scrub": true, "scrubbed": true,
}

// masksByName reports whether a function's name has a word of maskWords
// (words split at underscores and at lower-to-upper case changes).
func masksByName(name string) bool {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '_' || (i > start && isUpper(name[i]) && !isUpper(name[i-1])) {
			if i > start && maskWords[strings.ToLower(name[start:i])] {
				return true
			}
			start = i
			if i < len(name) && name[i] == '_' {
				start = i + 1
			}
		}
	}
	return false
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// pathOf is the part of a caller's value v that a callee reads as its
// parameter's attribute or key path: the field when v has it; of a whole
// payload held as a mapping, the one field the path names (what its name
// says, read at e); of anything else, its data.
func (in *interp) pathOf(v *Value, path string, e ir.Expr) *Value {
	if v == nil {
		return nil
	}
	if path == anyKeyPath {
		return in.getitem(v, empty, e)
	}
	if i, ok := keyParam(path); ok {
		// Read by the key the caller passed.
		key := empty
		if i < len(in.substArgs) && in.substArgs[i] != nil {
			key = in.substArgs[i]
		}
		return in.getitem(v, key, e)
	}
	if _, ok := v.Fields[path]; !ok && path != partPath {
		if first, rest, ok := strings.Cut(path, "."); ok {
			return in.pathOf(in.pathOf(v, first, e), rest, e)
		}
	}
	if f, ok := v.Fields[path]; ok || path == partPath {
		if ok {
			return f
		}
		return fieldOf(v, path)
	}
	if len(v.Elems) > 0 && v.Ref == nil && v.Sym == "" {
		// Through a sequence (a loop variable's attribute): each
		// element's part, as the element is read (one field of a payload).
		out := taintOnly(attrFacts(v.Taint, path))
		for _, el := range v.Elems {
			out = join(out, taintOnly(in.pathOf(el, path, e).deep()))
		}
		return out
	}
	if e != nil && v.Ref != nil && v.Ref.Kind == RefInstance && v.Sym == rules.TypePayload && hasClass(v.Taint, rules.ClassPayload) {
		// A form or model bound to a payload: its attribute as the
		// caller would read it.
		return in.getattr(v, path, e)
	}
	if e == nil || v.Ref != nil || (v.Sym != "" && v.Sym != rules.TypePayload) || !hasClass(v.Taint, rules.ClassPayload) {
		// An object's attribute (form.data) is no key of a mapping.
		return fieldOf(v, path)
	}
	return taintOnly(in.partOf(v.Taint, path, e))
}

// substitute replaces parameter facts in a callee's value by the caller's
// argument values.
func (in *interp) substitute(v *Value, byParam []*Value, st finding.Step, push bool, depth int) *Value {
	if v == nil || depth > maxDepth+1 {
		return v
	}
	n := &Value{Sym: v.Sym, Ref: v.Ref, Consts: v.Consts, Many: v.Many}
	var whole *Value
	for _, f := range v.Taint {
		if f.Class == paramClass {
			if f.Param < len(byParam) && byParam[f.Param] != nil {
				a := byParam[f.Param]
				if f.Path != "" {
					a = in.pathOf(a, f.Path, in.substAt)
				}
				if f.Drop != "" {
					a = taintOnly(withoutClasses(a.deep(), dropClasses(f.Drop)))
				}
				if push {
					a = a.withStep(st)
				}
				if f.InUser {
					a = asUserContent(a)
				}
				whole = join(whole, a)
			}
			continue
		}
		if push {
			f.Trace = f.Trace.push(st)
		}
		n.Taint = union(n.Taint, Taint{f})
	}
	if len(v.Fields) > 0 {
		n.Fields = make(map[string]*Value, len(v.Fields))
		for k, fv := range v.Fields {
			n.Fields[k] = in.substitute(fv, byParam, st, push, depth+1)
		}
	}
	if len(v.Elems) > 0 {
		n.Elems = make([]*Value, len(v.Elems))
		for i, e := range v.Elems {
			n.Elems[i] = in.substitute(e, byParam, st, push, depth+1)
		}
	}
	if whole != nil {
		if n.isEmpty() {
			return whole
		}
		// The callee returned the parameter itself (or combined it): keep
		// the argument's shape when the returned value has none of its own.
		if len(n.Fields) == 0 && len(n.Elems) == 0 && n.Sym == "" && n.Ref == nil {
			return whole.withTaint(n.Taint)
		}
		if n.Sym == "" && n.Ref == nil && (whole.Sym != "" || whole.Ref != nil) {
			// The parameter's own object with parts the callee knows (a
			// manager's self.order_by() keeps the rows it was given):
			// still the argument's kind.
			n.Sym, n.Ref = whole.Sym, whole.Ref
		}
		return n.withTaint(whole.deep())
	}
	return n
}

type roleFact struct {
	f    Fact
	role rules.ArgRole
}

// roleTaint is the taint a sink argument delivers, with the role each fact
// lands in: a message list's system entries are RoleSystem.
func (in *interp) roleTaint(v *Value, role rules.ArgRole) []roleFact {
	var out []roleFact
	add := func(t Taint, r rules.ArgRole) {
		for _, f := range t {
			out = append(out, roleFact{f, r})
		}
	}
	if sys, ok := v.Fields[systemField]; ok {
		// An object that holds system instructions (a model built with
		// system_instruction=, an agent, a config) sends them as such.
		add(sys.deep(), rules.RoleSystem)
		rest := *v
		rest.Fields = make(map[string]*Value, len(v.Fields))
		for k, f := range v.Fields {
			if k != systemField {
				rest.Fields[k] = f
			}
		}
		v = &rest
	}
	if role != rules.RoleMessages {
		add(in.rendered(v), role)
		return out
	}
	if len(v.Elems) == 0 {
		add(v.deep(), rules.RolePrompt)
		return out
	}
	add(v.Taint, rules.RolePrompt)
	for i, el := range v.Elems {
		r := rules.RolePrompt
		if privileged(el, !v.Many && i == len(v.Elems)-1) {
			r = rules.RoleSystem
		}
		add(el.deep(), r)
	}
	return out
}

// privileged reports whether a message of a list lands in a privileged
// part of the prompt: a system or developer message, or, last in the
// list, an assistant turn the model continues from (a prefill).
func privileged(el *Value, last bool) bool {
	var roles []string
	if rv, ok := el.Fields["role"]; ok {
		roles = rv.Consts
	} else if len(el.Elems) == 2 {
		// ("system", text) in a LangChain message list.
		roles = el.Elems[0].Consts
	}
	if len(roles) == 0 {
		return false
	}
	for _, r := range roles {
		if !model.SysRole(r) && !(last && r == "assistant") {
			return false
		}
	}
	return true
}

// sinkName is how a flow's sink step names the sink call: a log call as
// written (logger.info, print), another sink by its row's label.
func sinkName(c *ir.Call, s *model.Row) string {
	if s.Sink == model.SinkLog {
		if name := resolve.Dotted(c.Func); name != "" {
			return name
		}
	}
	return s.Label
}

// logCallNamed is the log call a finding's message names: the one its
// first flow's sink step reaches, when that step names it.
func logCallNamed(fl []finding.Flow) string {
	if len(fl) == 0 || len(fl[0].Steps) == 0 {
		return ""
	}
	last := fl[0].Steps[len(fl[0].Steps)-1]
	if last.Kind != finding.StepSink {
		return ""
	}
	name, ok := strings.CutPrefix(last.Message, "reaches ")
	if !ok || !dottedName.MatchString(name) {
		// Not a call as written: a row's label.
		return ""
	}
	return name
}

// checkSink examines the arguments of a catalog sink call.
func (in *interp) checkSink(c *ir.Call, s *model.Row, args []argVal, recv *Value) {
	prev := in.curCall
	in.curCall = c
	defer func() { in.curCall = prev }()
	sinkStep := in.step(c, finding.StepSink, "reaches "+sinkName(c, s))
	inner := (*Trace)(nil).push(sinkStep)
	seen := map[*Value]bool{}
	deliver := func(v *Value, role rules.ArgRole) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		for _, rf := range in.roleTaint(v, role) {
			in.reach(c, rf.f, rf.role, s.Sink, s.Label, finding.Step{}, inner)
		}
	}
	in.notePrompts(s, args)
	if recv != nil && s.Sink == model.SinkLLM && !in.isPipe(recv.Sym) {
		// A model object built with system instructions sends them with
		// every call.
		if sys, ok := recv.Fields[systemField]; ok {
			for _, f := range sys.deep() {
				in.reach(c, f, rules.RoleSystem, s.Sink, s.Label, finding.Step{}, inner)
			}
		}
	}
	var sysVars []string
	if recv != nil {
		if sv, ok := recv.Fields[systemVarsField]; ok {
			sysVars = sv.Consts
		}
	}
	for _, spec := range sinkArgs(s) {
		if spec.All {
			for _, a := range args {
				if len(sysVars) > 0 && len(a.v.Fields) > 0 {
					// chain.invoke({"user_email": ...}): the variables the
					// template's system part fills are system text.
					a.v = in.splitSystemVars(a.v, sysVars, deliver)
				}
				deliver(a.v, spec.Role)
			}
			if recv != nil && in.isPipe(recv.Sym) {
				in.deliverRunnable(c, s, recv, inner)
			}
			continue
		}
		if spec.Pos >= 0 {
			deliver(positional(args, spec.Pos), spec.Role)
		}
		if spec.Kw != "" {
			deliver(in.keyword(args, spec.Kw), spec.Role)
		}
	}
}

// decide handles a comparison, membership test or lookup: forwarded
// certificate identity deciding access is LK401 unless the function
// checked the proxy's verification result before.
func (in *interp) decide(at ir.Expr, label string, vals ...*Value) {
	var t Taint
	for _, v := range vals {
		if v != nil {
			t = union(t, v.deep())
		}
	}
	for _, f := range t {
		if f.Class == rules.ClassVerify {
			in.verified = true
		}
	}
	inner := (*Trace)(nil).push(in.step(at, finding.StepSink, "decides access: "+label))
	for _, f := range t {
		if f.Class == rules.ClassFwdCert {
			in.reach(at, f, rules.RolePrompt, rules.SinkDecision, label, finding.Step{}, inner)
		}
	}
}

// deliverRunnable delivers what a LangChain chain carries itself (its
// prompt template) to the model it calls, system parts in the system role.
// splitSystemVars delivers the fields of v that fill a template's system
// part (names) as system text, and returns v without them.
func (in *interp) splitSystemVars(v *Value, names []string, deliver func(*Value, rules.ArgRole)) *Value {
	rest := *v
	rest.Fields = make(map[string]*Value, len(v.Fields))
	for _, k := range sortedKeys(v.Fields) {
		if slices.Contains(names, k) {
			deliver(v.Fields[k], rules.RoleSystem)
			continue
		}
		rest.Fields[k] = v.Fields[k]
	}
	return &rest
}

func (in *interp) deliverRunnable(c *ir.Call, s *model.Row, recv *Value, inner *Trace) {
	for k, f := range recv.Fields {
		if k == systemVarsField {
			continue
		}
		role := rules.RolePrompt
		if k == systemField {
			role = rules.RoleSystem
		}
		for _, fact := range f.deep() {
			in.reach(c, fact, role, s.Sink, s.Label, finding.Step{}, inner)
		}
	}
	for _, fact := range union(recv.Taint, elemsDeep(recv.Elems)) {
		in.reach(c, fact, rules.RolePrompt, s.Sink, s.Label, finding.Step{}, inner)
	}
}

// reach handles one fact arriving at a sink (directly, or through a
// callee's summary: then callStep is the call and inner the callee's path
// from its parameter to the sink).
func (in *interp) reach(c ir.Expr, f Fact, role rules.ArgRole, kind rules.SinkKind, label string, callStep finding.Step, inner *Trace) {
	if c == nil && f.Class != paramClass {
		// No place to report at (a synthetic use).
		return
	}
	if role == rules.RoleSystem && f.InUser {
		// User-message content moved into a privileged argument
		// (instructions = msgs[0]["content"]) is still the user's turn.
		role = rules.RolePrompt
	}
	if f.Class == paramClass {
		ps := ParamSink{Param: f.Param, Path: f.Path, Drop: f.Drop, Kind: kind, Role: role, Label: label}
		ps.key = paramSinkKey(ps, inner.Step)
		if _, ok := in.sinks[ps.key]; ok {
			// The first path found stands for the others.
			return
		}
		t := appendTrace((*Trace)(nil).push(in.paramStep(f.Param)), f.Trace)
		if callStep.Line > 0 {
			t = t.push(callStep)
		}
		ps.Trace = appendTrace(t, inner)
		in.sinks[ps.key] = ps
		return
	}
	if kind == rules.SinkDecision && in.verified {
		return
	}
	for _, id := range rules.RulesFor(kind, f.Class, role) {
		t := f.Trace
		if callStep.Line > 0 {
			t = t.push(callStep)
		}
		t = appendTrace(t, inner)
		in.report(c, id, f, t, label, callStep.Line > 0)
	}
}

// rawFinding collects the flows of one (rule, join point).
type rawFinding struct {
	rule     string
	loc      finding.Location
	stmt     ir.Span
	function string
	sink     string
	via      bool
	joinText string
	flows    map[string]finding.Flow
	sources  []string // the origin keys of the flows, with repeats
	// origin marks flows found in a caller for a finding of another
	// function (promptOrigins): they join that finding, if it is made,
	// as its extra flows.
	origin bool
	extra  map[string]finding.Flow
}

func (in *interp) report(c ir.Expr, rule string, f Fact, t *Trace, label string, via bool) {
	if in.e.inDeadClass(in.fi) {
		// A method of a class the project never makes objects of.
		return
	}
	loc := in.spanLoc(c.ExprSpan())
	joinText := formatExpr(c)
	if call, ok := c.(*ir.Call); ok {
		joinText = formatExpr(call.Func)
	}
	key := rule + "@" + fmt.Sprint(loc.Line, ":", loc.Col)
	rf := in.found[key]
	if rf == nil {
		var stmt ir.Span
		if in.stmt != nil {
			stmt = in.stmt.StmtSpan()
		}
		sink := label
		if via {
			sink = label + " via " + joinText + "()"
		}
		rf = &rawFinding{rule: rule, loc: loc, stmt: stmt, function: in.fi.QualName, sink: sink, via: via, joinText: joinText, flows: map[string]finding.Flow{}}
		in.found[key] = rf
	}
	rf.addFlow(f, t)
}

// addFlow adds the flow of f along t: one flow per source and sink (a
// source that reaches two model calls through one call shows both paths).
func (rf *rawFinding) addFlow(f Fact, t *Trace) {
	steps := t.Steps()
	ok := f.Origin.key
	if len(steps) > 0 {
		last := steps[len(steps)-1]
		ok += "|" + last.Path + ":" + strconv.Itoa(last.Line)
	}
	if _, dup := rf.flows[ok]; !dup {
		rf.flows[ok] = finding.Flow{Source: f.Origin.Desc, Class: string(f.Class), Steps: steps, Omitted: t.omitted()}
		rf.sources = append(rf.sources, f.Origin.key)
	}
}

// reportOrigin records a flow that ends at a log call elsewhere (loc),
// for the finding reported there: an origin finding, merged into it.
func (in *interp) reportOrigin(rule string, loc finding.Location, f Fact, t *Trace) {
	key := rule + "@" + loc.Path + ":" + fmt.Sprint(loc.Line, ":", loc.Col)
	rf := in.found[key]
	if rf == nil {
		rf = &rawFinding{rule: rule, loc: loc, origin: true, flows: map[string]finding.Flow{}}
		in.found[key] = rf
	}
	rf.addFlow(f, t)
}

func (rf *rawFinding) build() *finding.Finding {
	fl := sortedFlows(rf.flows)
	r := rules.ByID(rf.rule)
	f := &finding.Finding{
		Rule:     rf.rule,
		Level:    r.Level,
		Location: rf.loc,
		Function: rf.function,
		Sink:     rf.sink,
		Flows:    fl,
		StmtLine: int(rf.stmt.Start.Line),
		StmtEnd:  int(rf.stmt.End.Line),
	}
	srcs := slices.Clone(rf.sources)
	slices.Sort(srcs)
	sink := rf.sink
	if strings.HasPrefix(rf.rule, "LK2") {
		// A log rule: name the log call (logger.info), not the module.
		if name := logCallNamed(fl); name != "" {
			sink = name
			if rf.via {
				sink += " via " + rf.joinText + "()"
			}
		}
	}
	f.Message = rules.FlowMessage(rf.rule, rules.Class(fl[0].Class), fl[0].Source, len(slices.Compact(srcs))-1, sink)
	f.Fingerprint = finding.ComputeFingerprint(f, rf.joinText)
	// Flows callers add (promptOrigins) come after the finding's own and
	// change neither its message nor its fingerprint.
	for _, o := range sortedFlows(rf.extra) {
		if !slices.ContainsFunc(f.Flows, func(g finding.Flow) bool { return slices.Equal(g.Steps, o.Steps) }) {
			f.Flows = append(f.Flows, o)
		}
	}
	return f
}

// sortedFlows are the flows in a fixed order: by their first step's
// place, then by key.
func sortedFlows(flows map[string]finding.Flow) []finding.Flow {
	keys := make([]string, 0, len(flows))
	for k := range flows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fl := make([]finding.Flow, 0, len(keys))
	for _, k := range keys {
		fl = append(fl, flows[k])
	}
	sort.SliceStable(fl, func(i, j int) bool {
		a, b := fl[i].Steps[0], fl[j].Steps[0]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return fl
}

// notePrompts records the local variables whose values a call sends to a
// model as its prompt; logLocalsAsPrompts reports them when logged.
func (in *interp) notePrompts(s *model.Row, args []argVal) {
	switch s.Sink {
	case rules.SinkLLM:
		in.notePromptExprs(promptArgs(s, args))
	case rules.SinkLog:
		in.logPrompts(s, args)
	}
}

// promptArgs are the arguments of a sink call that carry the prompt (not
// model=, temperature=, api_key=).
func promptArgs(s *model.Row, args []argVal) []argVal {
	return argsNamed(sinkArgs(s), args)
}

func (in *interp) notePromptExprs(args []argVal) {
	note := func(name, key string) {
		if _, local := in.env[name]; local {
			if in.prompts == nil {
				in.prompts = map[string]bool{}
			}
			in.prompts[name+key] = true
		}
	}
	for _, a := range args {
		for _, n := range valueNames(a.expr, false) {
			note(n.Id, "")
		}
		// messages=payload["messages"]: that item of the mapping is the
		// prompt.
		for _, it := range constItems(a.expr) {
			note(it.name, it.key)
		}
	}
}

// constItem is a variable read by a constant key: payload["messages"].
type constItem struct{ name, key string }

// constItems are the variables e reads by a constant key, each with the
// key as a path step ("[messages]").
func constItems(e ir.Expr) []constItem {
	var out []constItem
	resolve.WalkExpr(e, func(x ir.Expr) {
		if s, ok := x.(*ir.Subscript); ok {
			if n, ok := s.X.(*ir.Name); ok {
				if k, ok := s.Index.(*ir.Const); ok && (k.Kind == ir.ConstStr || k.Kind == ir.ConstInt) {
					out = append(out, constItem{n.Id, "[" + k.Value + "]"})
				}
			}
		}
	})
	return out
}

// valueNames are the variables an expression uses as values: "prompt" in
// f"{prompt}" or [{"content": prompt}], not "request" in
// request.user.email (the base of an attribute or call; of a subscript
// too unless withItems: messages[-1] is part of messages).
func valueNames(e ir.Expr, withItems bool) []*ir.Name {
	bases := map[*ir.Name]bool{}
	resolve.WalkExpr(e, func(x ir.Expr) {
		var base ir.Expr
		switch y := x.(type) {
		case *ir.Attr:
			base = y.X
		case *ir.Subscript:
			if !withItems {
				base = y.X
			}
		case *ir.Call:
			base = y.Func
		}
		if n, ok := base.(*ir.Name); ok {
			bases[n] = true
		}
	})
	// Names under a call count only for calls that render their argument
	// (str, repr, format, json.dumps, join): len(texts) is not the texts.
	hidden := map[*ir.Name]bool{}
	resolve.WalkExpr(e, func(x ir.Expr) {
		c, ok := x.(*ir.Call)
		if !ok || renders(c) {
			return
		}
		for _, a := range c.Args {
			resolve.WalkExpr(a.Value, func(y ir.Expr) {
				if n, ok := y.(*ir.Name); ok {
					hidden[n] = true
				}
			})
		}
	})
	var out []*ir.Name
	resolve.WalkExpr(e, func(x ir.Expr) {
		if n, ok := x.(*ir.Name); ok && !bases[n] && !hidden[n] {
			out = append(out, n)
		}
	})
	return out
}

// renders reports whether a call returns its arguments as text.
func renders(c *ir.Call) bool {
	switch f := c.Func.(type) {
	case *ir.Name:
		return f.Id == "str" || f.Id == "repr" || f.Id == "format" || f.Id == "ascii"
	case *ir.Attr:
		switch f.Name {
		case "format", "join", "dumps", "pformat", "strip", "lower", "upper", "replace":
			return true
		}
	}
	return false
}

// logPrompts reports LK202 for a log call that writes a variable this
// function sends to a model as a prompt (known from its previous
// analysis, so a log line before the model call counts too).
func (in *interp) logPrompts(s *model.Row, args []argVal) {
	known := in.e.st.prompts[in.fi.ID]
	if len(known) == 0 {
		return
	}
	for _, a := range args {
		if constantText(a.v) {
			// What is logged is known constant text (prompt[:100] of
			// fixed instructions).
			continue
		}
		items := map[string]string{}
		for _, it := range constItems(a.expr) {
			items[it.name] = it.key
		}
		for _, n := range valueNames(a.expr, true) {
			if !loggedPrompt(known, n.Id, items) || constantText(in.env[n.Id]) {
				// A prompt that is known constant text where it is logged
				// (a fixed template before it is filled) holds nothing
				// anyone typed or a model wrote.
				continue
			}
			if call, ok := in.stmtCall(); ok {
				sink := (*Trace)(nil).push(in.step(call, finding.StepSink, "reaches "+sinkName(call, s)))
				v := in.source(n, "", []rules.Class{rules.ClassPrompt})
				for _, f := range v.Taint {
					in.reach(call, f, rules.RolePrompt, s.Sink, s.Label, finding.Step{}, sink)
				}
				// A prompt a caller passed in: the callers show where it
				// came from (see promptOrigins).
				for _, f := range in.env[n.Id].deep() {
					if f.Class == paramClass {
						in.reach(call, f, rolePromptLog, s.Sink, s.Label, finding.Step{}, sink)
					}
				}
			}
		}
	}
}

// rolePromptLog marks the parameter sinks of a prompt a function logs
// (LK202) that its callers passed in: not a sink of their data, but where
// the logged prompt came from.
const rolePromptLog rules.ArgRole = -1

// promptOrigins adds to the LK202 finding of a prompt that callee f logs
// the flows of the data this call passes in as that prompt, so the
// finding shows where the prompt came from (a request field two calls
// up), as a path would. It adds no finding: the flows join the callee's
// own at its log call, which keeps its message and fingerprint.
func (in *interp) promptOrigins(f *FuncInfo, c ir.Expr, arg *Value, ps ParamSink, callStep finding.Step) {
	if c == nil || in.e.inDeadClass(f) {
		return
	}
	steps := ps.Trace.Steps()
	if len(steps) == 0 {
		return
	}
	at := steps[len(steps)-1]
	for _, fact := range arg.deep() {
		if fact.Class == paramClass {
			in.reach(c, fact, rolePromptLog, ps.Kind, ps.Label, callStep, ps.Trace)
			continue
		}
		t := fact.Trace
		if callStep.Line > 0 {
			t = t.push(callStep)
		}
		t = appendTrace(t, ps.Trace)
		in.reportOrigin("LK202", at.Location, fact, t)
	}
}

// loggedPrompt reports whether logging variable name (read by the constant
// key items gives, if any) writes prompt text: the variable is a prompt,
// or it holds one under that key, or it is logged whole and holds one
// under some key.
func loggedPrompt(known map[string]bool, name string, items map[string]string) bool {
	if known[name] {
		return true
	}
	if key, ok := items[name]; ok {
		return known[name+key]
	}
	for k := range known {
		if strings.HasPrefix(k, name+"[") {
			return true
		}
	}
	return false
}

// constantText reports whether v is text known whole: no data, and
// constants without holes ("{}": parts that are not known).
func constantText(v *Value) bool {
	return v != nil && len(v.Consts) > 0 && len(v.deep()) == 0 &&
		!anyConst(v.Consts, func(c string) bool { return strings.Contains(c, "{}") })
}

// stmtCall is the log call being checked: the call of the current
// statement's expression.
func (in *interp) stmtCall() (*ir.Call, bool) {
	if in.curCall != nil {
		return in.curCall, true
	}
	return nil, false
}

// promptParamName matches the names of wrapper parameters that carry the
// prompt's text (not a user object, a model name or options).
var promptParamName = regexp.MustCompile(`(?i)(prompt|message|query|question|text|content|input|instruction|system|context|chunk|document|passage)`)

// promptParam reports whether parameter i of f carries prompt text.
func promptParam(f *FuncInfo, i int) bool {
	return i < len(f.Fn.Params) && promptParamName.MatchString(f.Fn.Params[i].Name)
}

// allArgs selects every argument of a call.
var allArgs = []model.ArgSpec{{Pos: -1, All: true}}

// sinkArgs are the arguments of a sink row that carry data: all of them
// when the row names none.
func sinkArgs(s *model.Row) []model.ArgSpec {
	if len(s.Args) == 0 {
		return allArgs
	}
	return s.Args
}
