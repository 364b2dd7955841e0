package taint

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// getattr reads obj.name. e is the attribute expression (nil when the
// access is synthetic).
func (in *interp) getattr(obj *Value, name string, e ir.Expr) *Value {
	if f, ok := obj.Fields[name]; ok {
		return f
	}
	if alts := obj.alternatives(); alts != nil {
		var out *Value
		for _, alt := range alts {
			out = joinOpen(out, in.getattr(alt, name, e))
		}
		return out
	}
	if v, ok := in.readMember(obj, name, e); ok {
		return v
	}
	if obj.Sym == rules.TypeSettings {
		// settings.X: the constant the project's settings module sets.
		if v := in.projectSetting(name); v != nil {
			return v
		}
		return &Value{Sym: rules.TypeSettings + "." + name}
	}
	if obj.plain() {
		return taintOnly(attrFacts(obj.Taint, name))
	}
	if obj.Ref != nil {
		switch obj.Ref.Kind {
		case RefModule:
			return in.moduleMember(obj, name, 0)
		case RefInstance, RefClass:
			c := obj.Ref.Class
			// self.x read in a method: the attribute of the parameter, so
			// what a caller stored there reaches what we do with it.
			var own *Value
			if obj.Ref.Kind == RefInstance && c.LookupMethod(name) == nil {
				if t := fieldFacts(obj.Taint, name, in.stepAt(e, "reads self."+name)); len(t) > 0 {
					own = &Value{Taint: t}
				}
			}
			for _, k := range c.MRO {
				in.dep(depKey{'C', k.ID, name})
				if attrs := in.e.st.classAttrs[k.ID]; attrs != nil {
					if v := attrs[name]; v != nil {
						if (v.Sym == rules.TypeModelField || v.Sym == rules.TypePIIField) && obj.Ref.Kind == RefInstance {
							// A model field on an object: the row's value,
							// not known here, but personal data or a secret
							// by the field's type or name.
							var rel *Value
							if v.Ref != nil && v.Ref.Kind == RefClass {
								// A foreign key: an object of the model it points to.
								rel = &Value{Ref: &Ref{Kind: RefInstance, Class: v.Ref.Class}}
							} else if r := v.Fields[relatedField]; r != nil {
								rel = &Value{Sym: r.Sym}
							}
							if f, ok := in.readRows(v.Sym+"."+name, obj, e); ok {
								return join(join(f, rel), own)
							}
							if v := join(rel, own); v != nil {
								return v
							}
							return empty
						}
						if obj.Ref.Kind == RefClass && managerNames[name] && in.e.classIs(c, model.RoleModel) {
							switch {
							case v.Ref == nil && v.Sym != "" && !strings.HasPrefix(v.Sym, "@"):
								// objects = SomeLibraryManager(): still the
								// model's manager, its queries the model's rows.
								return in.manager(c)
							case v.Ref != nil && v.Ref.Kind == RefInstance:
								// A project manager: its own methods, and
								// the library's queries of the model's rows.
								m := in.manager(c)
								m.Ref = v.Ref
								return m
							}
						}
						return join(in.subclassObjects(obj, name, v), own)
					}
				}
			}
			if v := in.subclassObjects(obj, name, nil); v != nil {
				return join(v, own)
			}

			if m := c.LookupMethod(name); m != nil {
				if m.Property && obj.Ref.Kind == RefInstance {
					var at ir.Expr
					if e != nil {
						at = e
					}
					return in.applySummary(m, at, []*Value{obj}, nil)
				}
				if obj.Ref.Kind == RefInstance && !m.Static {
					return in.overrides(obj, name, m)
				}
				if m.ClassMethod {
					// Cls.from_request(request): bound to the class, which
					// fills cls; the arguments fill the rest.
					return &Value{Ref: &Ref{Kind: RefMethod, Func: m, Self: &Value{Ref: obj.Ref}}}
				}
				return &Value{Ref: &Ref{Kind: RefFunc, Func: m}}
			}
			if v := in.overrides(obj, name, nil); v != nil {
				// Called on self in a base class, defined by subclasses.
				return join(v, own)
			}
			if obj.Ref.Kind == RefClass && managerNames[name] && in.e.classIs(c, model.RoleModel) {
				return in.manager(c)
			}
			if name == "request" && obj.Ref.Kind == RefInstance {
				return &Value{Sym: rules.TypeRequest}
			}
			if name == "scope" && obj.Ref.Kind == RefInstance && in.e.classIs(c, model.RoleConsumer) {
				return &Value{Sym: rules.TypeScope}
			}
			if ext := libraryBases(c); len(ext) > 0 {
				// Inherited from a library base: a method or attribute we do
				// not see (unless a row reads it: AbstractUser's email); it
				// may also hold what a caller stored there.
				sym := in.e.instanceSym(ext[0], obj.Ref.Kind == RefInstance) + "." + name
				if in.e.mayRead(sym) && e != nil {
					if f, ok := in.readRows(sym, obj, e); ok {
						return join(f, own)
					}
				}
				v := &Value{Sym: sym}
				if own != nil {
					v.Taint = own.Taint
				}
				return v
			}
			if own != nil {
				return own
			}
			return empty
		case RefFunc:
			return &Value{Ref: obj.Ref, Sym: "@func." + name}
		}
	}
	if obj.Sym != "" && in.e.transparentNames[name] {
		if r := in.e.models.First(model.KindTransparent, obj.Sym+"."+name); r != nil {
			// client.chat.completions.with_raw_response.create(...) is create().
			in.e.use(r)
			return obj
		}
	}
	if managerNames[name] && isClass(obj) {
		// A library model's manager (User.objects, get_user_model().objects):
		// its queries give the model's objects, which rows may read.
		return &Value{Sym: rules.TypeQuerySet, Elems: []*Value{{Sym: obj.Sym + "()"}}, Many: true}
	}
	if obj.Sym != "" && !strings.HasPrefix(obj.Sym, "@") {
		return in.libraryAttr(obj, name, e)
	}
	// Plain data: an unknown attribute carries the object's own taint.
	return taintOnly(in.partOf(obj.Taint, name, e))
}

// partOf is the taint of part name (a constant key or attribute) of a
// value whose parts are unknown: its sources, and its parameters narrowed
// to that part, so a caller passing **kwargs or an object substitutes
// just that part.
func (in *interp) partOf(t Taint, name string, e ir.Expr) Taint {
	var out Taint
	hasParam, hasPayload := false, false
	for _, f := range t {
		switch {
		case f.Class == paramClass && f.Path != partPath:
			hasParam = true
			continue
		case f.Class == rules.ClassPayload:
			// Data derived from a whole payload (parse_qs(body),
			// construct_event(body)) read by a constant key is one field:
			// what the field's name says, not the whole.
			hasPayload = true
			continue
		}
		out = union(out, Taint{f})
	}
	if hasParam {
		out = union(out, fieldFacts(t, name, in.stepAt(e, "reads "+name)))
	}
	if hasPayload && e != nil {
		if v, ok := in.itemMember(&Value{Sym: rules.TypePayload}, &Value{Consts: []string{name}}, e); ok {
			out = union(out, v.Taint)
		}
	}
	return out
}

// projectSetting returns the constant a project settings module assigns
// to name (settings.OPENAI_URL = "https://..."), or nil.
func (in *interp) projectSetting(name string) *Value {
	for _, m := range in.e.proj.SettingsMods {
		if b := m.Top[name]; b != nil && b.Kind == resolve.BindGlobal {
			if v := in.global(m, name); len(v.Consts) > 0 {
				return &Value{Consts: v.Consts}
			}
		}
	}
	return nil
}

// stepAt is an assignment-kind step at e, or at the current statement
// when e is nil.
func (in *interp) stepAt(e ir.Expr, msg string) finding.Step {
	if e != nil {
		return in.step(e, finding.StepAssign, msg)
	}
	var sp ir.Span
	if in.stmt != nil {
		sp = in.stmt.StmtSpan()
	}
	return finding.Step{Location: in.spanLoc(sp), Kind: finding.StepAssign, Message: msg}
}

// getitem reads obj[key].
func (in *interp) getitem(obj, key *Value, e ir.Expr) *Value {
	keys := key.Consts
	if len(keys) == 1 {
		if f, ok := obj.Fields[keys[0]]; ok {
			return f
		}
	}
	if v, ok := in.itemMember(obj, key, e); ok {
		if kp := keyPath(key); kp != anyKeyPath {
			// A parameter typed by what callers pass, read by a key the
			// caller names: the caller's part too (field_of(body, "password")).
			if params := paramFacts(obj.deep()); len(params) > 0 {
				v = v.withTaint(attrFacts(params, kp))
			}
		}
		return v
	}
	if obj.Sym != "" && obj.Sym != symConflict && !strings.HasPrefix(obj.Sym, "@") && in.e.models.KnownExact(obj.Sym+"[]") {
		return &Value{Sym: obj.Sym + "[]", Taint: obj.Taint}
	}
	if len(keys) == 1 {
		part := taintOnly(in.partOf(obj.Taint, keys[0], e))
		if obj.Many && len(obj.Elems) == 1 {
			// Items stored under keys not known: any may be this one, as
			// the object it is (a registry's class) and, of its data, the
			// part the key names.
			el := obj.Elems[0]
			return join(&Value{Sym: el.Sym, Ref: el.Ref, Fields: el.Fields, Elems: el.Elems, Many: el.Many, Taint: in.partOf(el.Taint, keys[0], e)}, part)
		}
		return part
	}
	if len(keys) > 1 {
		var v *Value
		for _, k := range keys {
			if f, ok := obj.Fields[k]; ok {
				v = join(v, f)
			}
		}
		if v == nil {
			return taintOnly(obj.Taint)
		}
		return v.withTaint(obj.Taint)
	}
	// An unknown key: any element or field may come back (a lookup in a
	// literal map of constants stays clean). The key itself is not part
	// of the result.
	if len(obj.Elems) > 0 || len(obj.Fields) > 0 {
		var v *Value
		for _, el := range obj.Elems {
			v = join(v, el)
		}
		for _, k := range sortedKeys(obj.Fields) {
			v = join(v, obj.Fields[k])
		}
		return v.withTaint(obj.Taint)
	}
	t := obj.deep()
	if slices.ContainsFunc(t, func(f Fact) bool { return f.Class == paramClass && f.Path != partPath }) {
		// A parameter read by a key not known here: the caller's value
		// read by some key (anyKeyPath), not all of it.
		var params, rest Taint
		for _, f := range t {
			if f.Class == paramClass && f.Path != partPath {
				params = union(params, Taint{f})
			} else {
				rest = union(rest, Taint{f})
			}
		}
		t = union(rest, attrFacts(params, keyPath(key)))
	}
	if e != nil && hasClass(t, rules.ClassPayload) {
		// A key not known here of a whole payload (data[key]) is still one
		// field: what the key says, not the whole.
		var out Taint
		for _, f := range t {
			if f.Class != rules.ClassPayload {
				out = union(out, Taint{f})
			}
		}
		if v, ok := in.itemMember(&Value{Sym: rules.TypePayload}, key, e); ok {
			out = union(out, v.Taint)
		}
		return taintOnly(out)
	}
	return taintOnly(t)
}

// argVal is an evaluated call argument.
type argVal struct {
	name       string
	v          *Value
	star, dstr bool
	expr       ir.Expr
}

func (in *interp) evalArgs(c *ir.Call) []argVal {
	out := make([]argVal, len(c.Args))
	for i, a := range c.Args {
		out[i] = argVal{name: a.Name, v: in.eval(a.Value), star: a.Star, dstr: a.DoubleStar, expr: a.Value}
	}
	return out
}

func argsDeep(args []argVal) Taint {
	var t Taint
	for _, a := range args {
		t = union(t, a.v.deep())
	}
	return t
}

func positional(args []argVal, i int) *Value {
	n := 0
	for _, a := range args {
		if a.name != "" || a.dstr {
			continue
		}
		if a.star {
			return taintOnly(a.v.deep())
		}
		if n == i {
			return a.v
		}
		n++
	}
	return nil
}

func (in *interp) keyword(args []argVal, name string) *Value {
	for _, a := range args {
		if a.name == name {
			return a.v
		}
	}
	for _, a := range args {
		if a.dstr {
			if f, ok := a.v.Fields[name]; ok {
				return f
			}
			if len(a.v.Fields) == 0 && len(a.v.Taint) > 0 {
				// **json.loads(request.body): the keyword is one field of
				// the caller's data, sensitive when its name says so.
				return taintOnly(in.partOf(a.v.Taint, name, a.expr))
			}
		}
	}
	return nil
}

func (in *interp) evalCall(c *ir.Call) *Value {
	if a, ok := c.Func.(*ir.Attr); ok {
		recv := in.eval(a.X)
		return in.callMethod(c, a, recv)
	}
	if v, ok := in.callGetattr(c); ok {
		return v
	}
	var fn *Value
	if sub, ok := c.Func.(*ir.Subscript); ok {
		// StateGraph[State](State), Box[int](): a generic class
		// parametrized is the class.
		if base := in.eval(sub.X); isClass(base) {
			fn = base
		}
	}
	if fn == nil {
		fn = in.eval(c.Func)
	}
	if fn.Sym == "functools.reduce" && len(c.Args) >= 2 && c.Args[0].Name == "" && c.Args[1].Name == "" {
		return in.reduce(c)
	}
	if (fn.Sym == "builtins.enumerate" || fn.Sym == "builtins.zip") && len(c.Args) > 0 && !slices.ContainsFunc(c.Args, func(a *ir.Arg) bool { return a.Star || a.DoubleStar || a.Name != "" }) {
		// The pairs (i, item) and tuples of items, each item keeping its
		// parts.
		var tuple []*Value
		if fn.Sym == "builtins.enumerate" {
			tuple = append(tuple, empty)
		}
		for _, a := range c.Args {
			tuple = append(tuple, in.elemOf(in.eval(a.Value), a.Value))
		}
		return &Value{Elems: []*Value{{Elems: tuple}}, Many: true}
	}
	args := in.evalArgs(c)
	return in.callValue(c, fn, args)
}

// reduce is functools.reduce(f, items[, initial]): f applied to what it
// returned so far and each item. Two applications stand for all (f of
// two items, then of that and an item): a chain folded with |
// (reduce(lambda x, y: x | y, stages)) is the chain of its stages.
func (in *interp) reduce(c *ir.Call) *Value {
	items := in.eval(c.Args[1].Value)
	item := in.elemOf(items, c.Args[1].Value)
	acc := item
	if len(c.Args) > 2 {
		acc = in.eval(c.Args[2].Value)
	}
	var apply func(a, b *Value) *Value
	if lam, ok := c.Args[0].Value.(*ir.Lambda); ok && len(lam.Func.Params) == 2 && len(lam.Func.Body) == 1 {
		ret, ok := lam.Func.Body[0].(*ir.Return)
		if !ok || ret.Value == nil {
			return taintOnly(union(items.deep(), acc.deep()))
		}
		apply = func(a, b *Value) *Value {
			saved := in.env
			in.env = saved.copy()
			in.env[lam.Func.Params[0].Name], in.env[lam.Func.Params[1].Name] = a, b
			v := in.eval(ret.Value)
			in.env = saved
			return v
		}
	} else {
		f := in.eval(c.Args[0].Value)
		apply = func(a, b *Value) *Value {
			return in.callValue(c, f, []argVal{{v: a}, {v: b}})
		}
	}
	once := apply(acc, item)
	return join(once, apply(once, item))
}

// isClass reports whether v is a class: a project class, or a library
// symbol naming one (not an object, a call's result).
func isClass(v *Value) bool {
	if v.Ref != nil {
		return v.Ref.Kind == RefClass
	}
	if v.Sym == "" || v.Sym == symConflict || v.Sym == symOpaque || strings.HasPrefix(v.Sym, "@") || strings.HasSuffix(v.Sym, ")") {
		return false
	}
	last := v.Sym[strings.LastIndexByte(v.Sym, '.')+1:]
	return last != "" && last[0] >= 'A' && last[0] <= 'Z'
}

// managerNames are the managers every Django model has.
var managerNames = map[string]bool{"objects": true, "_default_manager": true, "_base_manager": true}

// callGetattr handles getattr(obj, name)(args) where name may be one of
// several constants (an allowlisted mode) or a template with a hole
// (f"handle_{kind}"): each method it may name is called.
func (in *interp) callGetattr(c *ir.Call) (*Value, bool) {
	g, ok := c.Func.(*ir.Call)
	if !ok || len(g.Args) < 2 || g.Args[0].Name != "" || g.Args[1].Name != "" {
		return nil, false
	}
	if fn, ok := g.Func.(*ir.Name); !ok || fn.Id != "getattr" || in.env[fn.Id] != nil || in.fi.Mod.Top[fn.Id] != nil {
		return nil, false
	}
	obj, name := in.eval(g.Args[0].Value), in.eval(g.Args[1].Value)
	names := name.Consts
	if len(names) == 1 && strings.Contains(names[0], "{}") {
		names = in.methodsLike(obj, names[0])
	} else if len(names) < 2 {
		return nil, false
	}
	if len(names) == 0 {
		return nil, false
	}
	for _, a := range g.Args[2:] {
		in.eval(a.Value)
	}
	args := in.evalArgs(c)
	var out *Value
	for _, n := range names {
		out = joinOpen(out, in.callMethodArgs(c, obj, n, args))
	}
	return out, true
}

// methodsLike are the methods of a project object whose names fit a
// template with holes ("handle_{}"), sorted.
func (in *interp) methodsLike(obj *Value, template string) []string {
	if obj.Ref == nil || obj.Ref.Kind != RefInstance {
		return nil
	}
	parts := strings.Split(template, "{}")
	var out []string
	for _, k := range obj.Ref.Class.MRO {
		for name := range k.Methods {
			if fitsTemplate(name, parts) && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	if len(out) > maxAlts {
		return nil
	}
	return out
}

// fitsTemplate reports whether s is the literal parts of a template
// joined by any text.
func fitsTemplate(s string, parts []string) bool {
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(s, p) && len(s) >= len(p)
		}
		j := strings.Index(s, p)
		if j < 0 {
			return false
		}
		s = s[j+len(p):]
	}
	return true
}

// callMethod handles recv.name(args).
func (in *interp) callMethod(c *ir.Call, a *ir.Attr, recv *Value) *Value {
	if alts := recv.alternatives(); alts != nil {
		// One of several objects: the method of each.
		var out *Value
		for _, alt := range alts {
			out = joinOpen(out, in.callMethod(c, a, alt))
		}
		return out
	}
	name := a.Name
	// A call through a task queue or an executor that the models say
	// calls the function it is made on (Celery's delay, apply_async).
	if recv.Ref != nil && recv.Ref.Kind == RefFunc && recv.Sym == "" {
		if r := in.e.models.First(model.KindCalls, "@func."+name); r != nil && r.Callee < 0 {
			in.e.use(r)
			if r.Result == model.ResultSame {
				// fn.invoke(x) of a function a library wrapped: fn(x),
				// and what it returns.
				return in.callFunc(c, recv.Ref.Func, in.spreadArgs(r, in.evalArgs(c)), nil)
			}
			return in.callTask(c, recv.Ref.Func, in.spreadArgs(r, in.evalArgs(c)))
		}
	}
	// Kinds the models describe govern their own methods.
	if v, ok := in.callMember(c, recv, name); ok {
		return v
	}
	if v, ok := in.handlerFormat(c, recv, name); ok {
		return v
	}
	if name == "as_manager" && recv.Ref != nil && recv.Ref.Kind == RefClass {
		// TeamQuerySet.as_manager(): a manager whose methods are the
		// queryset class's own.
		in.evalArgs(c)
		return &Value{Ref: &Ref{Kind: RefInstance, Class: recv.Ref.Class}}
	}
	if recv.plain() || (recv.Sym == symOpaque && recv.Ref == nil && mutators[name]) {
		// (An object no row describes, changed like a list: msgs.append(m)
		// on a history a library returned, or [].)
		return in.callData(c, recv, name)
	}
	args := in.evalArgs(c)
	if recv.Ref != nil && recv.Ref != conflictRef && recv.Sym != "" && recv.Sym != symConflict && !strings.HasPrefix(recv.Sym, "@") {
		// A value that may be a library object or a project one (a logger
		// or its wrapper): follow both.
		asRef := &Value{Ref: recv.Ref, Taint: recv.Taint, Fields: recv.Fields}
		asSym := &Value{Sym: recv.Sym, Taint: recv.Taint, Fields: recv.Fields}
		return join(in.callMethodArgs(c, asRef, name, args), in.callMethodArgs(c, asSym, name, args))
	}
	return in.callMethodArgs(c, recv, name, args)
}

// callMethodArgs calls recv.name with evaluated arguments.
func (in *interp) callMethodArgs(c *ir.Call, recv *Value, name string, args []argVal) *Value {
	if recv.Ref != nil && recv.Ref.Kind == RefInstance && recv.Ref.Class.LookupMethod(name) == nil && in.e.classIs(recv.Ref.Class, model.RoleModel) {
		// A method every model inherits (save, delete): the signals it sends.
		if r := in.e.models.First(model.KindSignal, rules.TypeModelObject+"."+name); r != nil && len(r.Sends) > 0 {
			in.e.use(r)
			in.sendModelSignals(c, r.Sends, recv)
		}
	}
	fn := in.getattr(recv, name, nil)
	if fn.Ref == nil && fn.Sym == "" {
		if recv.Ref != nil && recv.Ref.Kind == RefInstance && in.e.PropagateUnknown {
			// A method we cannot see (inherited from a library base): with
			// PropagateUnknown, the result carries what went in.
			return taintOnly(union(argsDeep(args), recv.Taint.sources()))
		}
		return empty
	}
	return in.callValue(c, fn, args, recv)
}

// handlerFormat is self.format(record) inside a log handler's emit():
// the record's text.
func (in *interp) handlerFormat(c *ir.Call, recv *Value, name string) (*Value, bool) {
	if name != "format" || !in.fi.LogEmit || recv.Ref == nil || recv.Ref.Kind != RefInstance {
		return nil, false
	}
	args := in.evalArgs(c)
	if a := positional(args, 0); a != nil && a.Sym == rules.TypeLogRecord {
		return in.source(c, "", []rules.Class{rules.ClassLog}), true
	}
	return taintOnly(argsDeep(args)), true
}

// callValue calls a function value.
func (in *interp) callValue(c *ir.Call, fn *Value, args []argVal, recv ...*Value) *Value {
	if alts := fn.alternatives(); alts != nil {
		// One of several callables: each may be the one called.
		var out *Value
		for _, alt := range alts {
			out = joinOpen(out, in.callValue(c, alt, args, recv...))
		}
		return out
	}
	if fn.plain() {
		// An unknown callable (a parameter, a lambda, a form class held
		// in an attribute): the result is derived from the arguments.
		if v := in.boundToPayload(formatExpr(c.Func), args); v != nil {
			return v
		}
		return taintOnly(argsDeep(args).sources())
	}
	if fn.Ref != nil {
		switch fn.Ref.Kind {
		case RefFunc:
			if fn.Sym != "" {
				// An attribute of a function (wrapped.__wrapped__, f.cache_clear).
				return empty
			}
			return in.callFunc(c, fn.Ref.Func, args, nil)
		case RefMethod:
			return in.callFunc(c, fn.Ref.Func, args, fn.Ref.Self)
		case RefClass:
			return in.instantiate(c, fn.Ref.Class, args)
		case RefInstance:
			if m := fn.Ref.Class.LookupMethod("__call__"); m != nil {
				return in.callFunc(c, m, args, fn)
			}
			return taintOnly(argsDeep(args))
		case RefModule:
			return empty
		case RefPartial:
			// The bound arguments were checked where partial() bound them;
			// here they keep their identity but not their data.
			all := make([]argVal, 0, len(fn.Ref.Bound)+len(args))
			for _, b := range fn.Ref.Bound {
				b.v = &Value{Sym: b.v.Sym, Ref: b.v.Ref}
				all = append(all, b)
			}
			return in.callValue(c, fn.Ref.Target, append(all, args...))
		}
	}
	if fn.Sym != "" {
		var r *Value
		if len(recv) > 0 {
			r = recv[0]
		}
		sym := fn.Sym
		if strings.HasSuffix(sym, ")") {
			// Calling an instance: llm(text), pipe(text), chain({...}).
			r = fn
			sym += ".__call__"
		}
		return in.callSym(c, sym, args, r)
	}
	// An unknown callable (a parameter, a lambda): the result is derived
	// from the arguments.
	return taintOnly(argsDeep(args).sources())
}

func (in *interp) instantiate(c *ir.Call, cls *ClassInfo, args []argVal) *Value {
	inst := &Value{Ref: &Ref{Kind: RefInstance, Class: cls}}
	if in.e.classIs(cls, model.RoleSerializer) {
		// A serializer is the request payload only when it is given the
		// request's data (data=...); one built from model instances
		// serializes the database, not the request.
		if d := in.keyword(args, "data"); d != nil && hasClass(d.deep(), rules.ClassInput) {
			inst.Sym = rules.TypeSerializer
		}
	}
	if init := cls.LookupMethod("__init__"); init != nil {
		in.built = nil
		in.callFunc(c, init, args, inst)
		if b := in.built; b != nil {
			in.built = nil
			for _, k := range sortedKeys(b.Fields) {
				inst = inst.withField(k, b.Fields[k])
			}
		}
		return inst
	}
	if in.e.classIs(cls, model.RoleBound) {
		// A pydantic model or django-ninja schema built from a payload is
		// the payload, field by field.
		// Given by keyword (Asker(input=body)), a payload is that field's
		// value: the record below keeps it.
		whole := slices.DeleteFunc(slices.Clone(args), func(a argVal) bool { return a.name != "" })
		if t := argsDeep(whole).sources(); hasClass(t, rules.ClassPayload) {
			inst.Sym, inst.Taint = rules.TypePayload, t
			return inst
		}
	}
	if in.e.classIs(cls, model.RoleModel) {
		// A model's object built with keyword arguments holds them in its
		// fields (Note(text=...).text), until it is saved and read back.
		for _, a := range args {
			if a.name != "" {
				inst = inst.withField(a.name, a.v)
			}
		}
		return inst
	}
	if in.e.classRecord(cls) {
		// A record's generated constructor sets its fields: by keyword, or
		// by position in the order the class declares them.
		names := recordFields(cls)
		pos := 0
		for _, a := range args {
			switch {
			case a.name != "":
				inst = inst.withField(a.name, a.v)
			case !a.star && !a.dstr && pos < len(names):
				inst = inst.withField(names[pos], a.v)
				pos++
			case a.dstr:
				// Record(**values): each field the keyword its name picks.
				for _, name := range names {
					if _, set := inst.Fields[name]; !set {
						if v := in.keyword([]argVal{a}, name); v != nil {
							inst = inst.withField(name, v)
						}
					}
				}
			}
		}
	}
	return inst
}

// recordFields are the fields a record class declares, in order.
func recordFields(cls *ClassInfo) []string {
	var out []string
	for _, st := range cls.Cls.Body {
		if a, ok := st.(*ir.Assign); ok && a.Op == "" && len(a.Targets) == 1 {
			if n, ok := a.Targets[0].(*ir.Name); ok {
				out = append(out, n.Id)
			}
		}
	}
	return out
}

// boundToPayload is the value of a call that binds a whole request
// payload to a form or serializer: given as data=, or as the first
// argument of a callable named like a form (self.model_form(row)). The
// result is the payload, read field by field.
func (in *interp) boundToPayload(callee string, args []argVal) *Value {
	if d := in.keyword(args, "data"); d != nil && d.Sym == rules.TypePayload {
		return &Value{Sym: rules.TypePayload, Taint: d.Taint}
	}
	name := strings.ToLower(callee[strings.LastIndexByte(callee, '.')+1:])
	if !strings.Contains(name, "form") {
		return nil
	}
	if a0 := positional(args, 0); a0 != nil {
		if t := a0.deep().sources(); hasClass(t, rules.ClassPayload) {
			return &Value{Sym: rules.TypePayload, Taint: t}
		}
	}
	return nil
}

// genericArgsTaint is what the result of an unknown library call carries:
// its arguments' data, except credentials given to it (a client built
// with an API key is not the key) and secrets given to a constructor.
func (in *interp) genericArgsTaint(sym string, args []argVal, keepSecret bool) Taint {
	credential := in.e.models.Pattern("credential_field")
	name := sym[strings.LastIndexByte(sym, '.')+1:]
	ctor := name != "" && name[0] >= 'A' && name[0] <= 'Z'
	var t Taint
	for _, a := range args {
		if a.name != "" && credential != nil && credential.MatchString(a.name) {
			continue
		}
		for _, f := range a.v.deep() {
			if ctor && (f.Class == rules.ClassSecret || f.Class == rules.ClassCredential) {
				continue
			}
			if f.Class == rules.ClassSecret && !keepSecret {
				// stripe.Webhook.construct_event(body, sig, SECRET): the
				// secret is used, not returned.
				continue
			}
			if f.Class == rules.ClassCredential && f.Origin != nil && f.Origin.Mapping {
				// A library given all of request.META returns what it
				// extracts (a client IP), not the credentials in it.
				continue
			}
			t = union(t, Taint{f})
		}
	}
	return t
}

func hasClass(t Taint, c rules.Class) bool {
	for _, f := range t {
		if f.Class == c {
			return true
		}
	}
	return false
}

// callTask calls a Celery task with the arguments delay() received.
func (in *interp) callTask(c *ir.Call, f *FuncInfo, args []argVal) *Value {
	if f.Bind {
		return in.callFunc(c, f, args, empty)
	}
	in.callFunc(c, f, args, nil)
	return empty
}

// promptTemplate builds the value of a LangChain chat prompt template from
// its message list: system-role parts go to the "__system__" field, the
// rest to the template's own taint.
func (in *interp) promptTemplate(sym string, msgs *Value) *Value {
	v := &Value{Sym: sym + "()", Taint: msgs.Taint}
	var system *Value
	for _, el := range msgs.Elems {
		role, content := "", el
		switch {
		case len(el.Elems) == 2 && len(el.Elems[0].Consts) == 1:
			// ("system", "text")
			role, content = el.Elems[0].Consts[0], el.Elems[1]
		case el.Fields["role"] != nil && len(el.Fields["role"].Consts) == 1:
			role, content = el.Fields["role"].Consts[0], el.Fields["content"]
		}
		if model.SysRole(role) {
			system = join(system, content)
		} else if content != nil {
			v.Taint = union(v.Taint, content.deep())
		}
	}
	if len(msgs.Elems) == 0 {
		v.Taint = union(v.Taint, msgs.deep())
	}
	if system != nil {
		v.Fields = map[string]*Value{systemField: system}
		if vars := templateVars(system.Consts); len(vars) > 0 {
			v.Fields[systemVarsField] = &Value{Consts: vars}
		}
	}
	return v
}

// systemVarsField holds, as constants, the names of the variables a
// template's system part fills ("... {user_email}"): what invoke() is
// given under those names lands in the system role.
const systemVarsField = "__system_vars__"

// templateVar is a placeholder of a prompt template: {name}, or
// mustache's {{name}} and {{{name}}}.
var templateVar = regexp.MustCompile(`\{\{?\{?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}?\}?\}`)

// templateVars are the placeholder names of template texts, sorted.
func templateVars(texts []string) []string {
	var out []string
	for _, t := range texts {
		for _, m := range templateVar.FindAllStringSubmatch(t, -1) {
			out = append(out, m[1])
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// systemField holds the system-role content of a LangChain template or
// chain built from one.
const systemField = "__system__"

func anyConst(cs []string, pred func(string) bool) bool {
	for _, c := range cs {
		if pred(c) {
			return true
		}
	}
	return false
}

func onlyClass(t Taint, c rules.Class) Taint {
	var out Taint
	for _, f := range t {
		if f.Class == c {
			out = append(out, f)
		}
	}
	return out
}

func argValues(args []argVal) []*Value {
	out := make([]*Value, len(args))
	for i, a := range args {
		out[i] = a.v
	}
	return out
}

// receiver reports whether obj is the instance a method of its own class
// (or a function nested in one) runs on, or an open instance (see
// implementations), whose class has project subclasses: at run time it may be an
// instance of any of them.
func (in *interp) receiver(obj *Value) bool {
	if obj.Ref == nil || obj.Ref.Kind != RefInstance || len(in.e.subclasses[obj.Ref.Class]) == 0 {
		return false
	}
	if obj.Ref.Open {
		return true
	}
	// A nested function reads its method's self.
	for f := in.fi; f != nil; f = f.Enclosing {
		if f.Class != nil {
			return f.Class == obj.Ref.Class
		}
	}
	return false
}

// subclassObjects is what the method's receiver obj holds in attribute
// name when its own class sets no object there (v, which may be nil, has
// neither a project reference nor a library type): the objects subclasses
// set (a base class's self.client = None that each subclass fills in).
// Nil when there are none.
func (in *interp) subclassObjects(obj *Value, name string, v *Value) *Value {
	if !in.receiver(obj) || (v != nil && (v.Ref != nil || v.Sym != "")) {
		return v
	}
	c := obj.Ref.Class
	out := v
	for _, s := range in.e.liveSubs(c) {
		for _, k := range s.MRO {
			if k == c {
				break
			}
			in.dep(depKey{'C', k.ID, name})
			if w := in.e.st.classAttrs[k.ID][name]; w != nil {
				if w.Ref != nil || w.Sym != "" {
					out = joinOpen(out, w)
				}
				break
			}
		}
	}
	return out
}

// overrides is method m (nil when the class does not define it) bound to
// obj, and, when obj is a method's own receiver (see receiver), each
// project subclass's override of it too: self.build() in a base class
// runs whichever build() the object's class defines (class hierarchy
// analysis). Nil when there is no method at all.
func (in *interp) overrides(obj *Value, name string, m *FuncInfo) *Value {
	var ref *Ref
	if m != nil {
		ref = &Ref{Kind: RefMethod, Func: m, Self: obj}
	}
	if !in.receiver(obj) {
		if ref == nil {
			return nil
		}
		return &Value{Ref: ref}
	}
	seen := map[*FuncInfo]bool{}
	if m != nil {
		seen[m] = true
	}
	var more []*FuncInfo
	for _, s := range in.e.liveSubs(obj.Ref.Class) {
		if o := s.LookupMethod(name); o != nil && !seen[o] && !o.Static && !o.Property {
			seen[o] = true
			more = append(more, o)
		}
	}
	if len(seen) > maxAlts {
		// Too many to follow each: the class's own, if any.
		more = nil
	}
	for _, o := range more {
		ref = joinRefOpen(ref, &Ref{Kind: RefMethod, Func: o, Self: obj})
	}
	if ref == nil {
		return nil
	}
	return &Value{Ref: ref}
}

// abstractBases are library bases that only declare a class abstract or
// generic: they hold no attributes of their own.
var abstractBases = map[string]bool{
	"abc.ABC": true, "typing.Generic": true, "typing.Protocol": true,
	"typing_extensions.Protocol": true, "object": true,
}

// libraryBases are c's library bases that may give it members we do not
// see.
func libraryBases(c *ClassInfo) []string {
	var out []string
	for _, b := range c.AllExtBases() {
		if !abstractBases[b] {
			out = append(out, b)
		}
	}
	return out
}

// manager is a model's manager: its queries return the model's objects.
func (in *interp) manager(c *ClassInfo) *Value {
	return &Value{Sym: rules.TypeQuerySet, Elems: []*Value{{Ref: &Ref{Kind: RefInstance, Class: c}}}, Many: true}
}

// paramFacts are the facts of t about parameters (not their parts).
func paramFacts(t Taint) Taint {
	var out Taint
	for _, f := range t {
		if f.Class == paramClass && f.Path != partPath {
			out = union(out, Taint{f})
		}
	}
	return out
}
