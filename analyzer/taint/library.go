package taint

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// This file is the one place where library calls get their meaning: the
// rows of the library models (rules/models, and the project's own) are
// applied here, and a call no row describes gets the default policy.

// callSym calls an external symbol.
func (in *interp) callSym(c *ir.Call, sym string, args []argVal, recv *Value) *Value {
	if v, ok := in.callBuiltin(c, sym, args); ok {
		return v
	}
	if v, ok := in.applyRows(c, sym, in.e.models.Rows(sym), args, recv); ok {
		return v
	}
	return in.unknownCall(sym, args, recv)
}

// applyRows applies the rows of a call in order; the first that decides
// the result ends it.
func (in *interp) applyRows(c *ir.Call, sym string, rows []*model.Row, args []argVal, recv *Value) (*Value, bool) {
	for _, r := range rows {
		if v, ok := in.applyRow(c, r, sym, args, recv); ok {
			return v, true
		}
	}
	return nil, false
}

// userRows are the project's own rows for a project callable: built-in
// rows name libraries, never the project's functions.
func (in *interp) userRows(q string) []*model.Row {
	if !in.e.userRows {
		return nil
	}
	var out []*model.Row
	for _, r := range in.e.models.Rows(q) {
		if r.User {
			out = append(out, r)
		}
	}
	return out
}

// applyRow applies one row to a call; ok is false when the row does not
// decide the result (its condition fails, or it only checks).
func (in *interp) applyRow(c *ir.Call, r *model.Row, sym string, args []argVal, recv *Value) (*Value, bool) {
	if r.On != "" && r.On != model.OnCall {
		return nil, false
	}
	if r.If != nil && !in.holds(r.If, sym, nil, args) {
		return nil, false
	}
	in.e.use(r)
	switch r.Kind {
	case model.KindSink:
		return in.applySink(c, r, sym, args, recv)
	case model.KindSource:
		return in.fromReceiver(in.sourceRow(c, r), recv), true
	case model.KindSanitizer:
		t := deepOf(in.selectArgs(r.Args, args, recv))
		if r.Classes == nil {
			// Sanitized data is no longer sensitive, but a hash or a length
			// of an unverified forwarded certificate still decides access
			// as it.
			return taintOnly(onlyClass(t, rules.ClassFwdCert)), true
		}
		return taintOnly(withoutClasses(t, r.Classes)), true
	case model.KindMessage:
		return in.chatMessage(r, args), true
	case model.KindTemplate:
		if arg0 := positional(args, 0); arg0 != nil {
			return in.promptTemplate(sym, arg0), true
		}
	case model.KindBinds:
		return in.bind(r, args)
	case model.KindCalls:
		if r.Callee >= 0 && len(args) > r.Callee && !args[r.Callee].star {
			return in.callValue(c, args[r.Callee].v, args[r.Callee+1:]), true
		}
		if r.Callee == model.CalleeElements && recv != nil {
			return in.runElements(c, recv, args)
		}
		if r.Callee == model.CalleeTaskName && len(args) > 0 && args[0].name == "" && !args[0].star {
			// send_task("app.tasks.run", args=..., kwargs=...).
			if name := args[0].v.Consts; len(name) == 1 && len(in.e.tasks[name[0]]) > 0 {
				rest := in.spreadArgs(r, args[1:])
				for _, f := range in.e.tasks[name[0]] {
					in.callTask(c, f, rest)
				}
			}
			return empty, true
		}
	case model.KindSignal:
		if len(r.Sends) > 0 {
			// Sent by what a model object or manager call does (see
			// sendModelSignals), not a call of its own.
			return nil, false
		}
		return in.sendSignal(c, args), true
	case model.KindImports:
		if v := in.importByName(r, args, recv); v != nil {
			return v, true
		}
	case model.KindWraps:
		if arg0 := positional(args, 0); arg0 != nil && (arg0.Ref != nil || (arg0.Sym != "" && arg0.Sym != symConflict)) {
			return arg0, true
		}
		return empty, true
	case model.KindPartial:
		return in.partial(c, args), true
	case model.KindType:
		return in.construct(r, sym, args), true
	case model.KindPropagator:
		if method, ok := strings.CutPrefix(sym, rules.TypeQuerySet+"."); ok && c != nil && in.isLookup("model.objects."+method) {
			in.e.use(in.e.models.First(model.KindLookup, "model.objects."+method))
			// A model's query: its rows are selected by the arguments,
			// which decide access.
			in.decide(c, "lookup "+formatExpr(c.Func), argValues(args)...)
		}
		if strings.HasPrefix(sym, rules.TypeQuerySet+".") && c != nil && recv != nil {
			in.managerSignals(c, sym, args, recv)
		}
		if v, ok := in.writeInto(c, r, args, recv); ok {
			return v, true
		}
		if r.Result == model.ResultItem && recv != nil {
			return in.itemCall(c, recv, args), true
		}
		return in.propagate(r, sym, args, recv), true
	case model.KindLookup:
		if r.Chained && !in.isLookup(chainOwner(sym)) {
			return nil, false
		}
		in.decide(c, "lookup "+formatExpr(c.Func), argValues(args)...)
		if r.Result == model.ResultNone {
			return empty, true
		}
		return &Value{Sym: sym + "()"}, true
	}
	return nil, false
}

// applySink checks a sink call's arguments. An access decision only
// checks; other sinks decide the result: a model's response for an LLM
// call, nothing for a log or an output.
func (in *interp) applySink(c *ir.Call, r *model.Row, sym string, args []argVal, recv *Value) (*Value, bool) {
	if r.Sink == model.SinkDecision {
		in.decide(c, r.Label, in.selectArgs(r.Args, args, recv)...)
		return nil, false
	}
	if r.Sink == model.SinkLLM {
		in.callsModel = true
		if c != nil {
			in.res.modelCalls = append(in.res.modelCalls, in.spanLoc(c.Span))
		}
	}
	in.checkSink(c, r, args, recv)
	switch {
	case r.Result == model.ResultObject:
		return &Value{Sym: sym + "()"}, true
	case r.Sink == model.SinkLLM && r.Result != model.ResultNone:
		return in.source(c, rules.TypeResponse, []rules.Class{rules.ClassResponse}), true
	}
	return empty, true
}

// propagate is the result of a call that carries its inputs' data.
func (in *interp) propagate(r *model.Row, sym string, args []argVal, recv *Value) *Value {
	sel := in.selectArgs(r.Args, args, recv)
	switch r.Result {
	case model.ResultSelf, model.ResultWhole, model.ResultTaint, model.ResultElement, model.ResultElementPair:
		if recv != nil {
			if v := memberResult(r.Result, recv, r.Returns); v != nil {
				return v
			}
		}
		return empty
	case model.ResultNone:
		return empty
	case model.ResultObject:
		return &Value{Sym: sym + "()"}
	case model.ResultText:
		var t Taint
		for _, v := range sel {
			t = union(t, in.rendered(v))
		}
		return taintOnly(t)
	case model.ResultDerived:
		return taintOnly(deepOf(sel).sources())
	case model.ResultSame:
		v := empty
		if len(sel) > 0 {
			v = sel[0]
		}
		for _, a := range args {
			if a.name != "" {
				v = v.withField(a.name, a.v)
			}
		}
		return v
	}
	return in.genericResult(sym, argsNamed(r.Args, args), recv, r.Secrets)
}

// argsNamed are the arguments specs name, in call order (all of them for
// nil specs; the receiver is not an argument).
func argsNamed(specs []model.ArgSpec, args []argVal) []argVal {
	if specs == nil {
		return args
	}
	var out []argVal
	pos := 0
	for _, a := range args {
		p := -1
		if a.name == "" && !a.star && !a.dstr {
			p = pos
			pos++
		}
		for _, spec := range specs {
			if spec.All || p >= 0 && spec.Pos == p || a.name != "" && spec.Kw == a.name {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// writeInto applies a propagator that changes its object (Row.Into):
// the variable or attribute the receiver expression names gets the new
// value. For "field" (setdefault) it also gives the result.
func (in *interp) writeInto(c *ir.Call, r *model.Row, args []argVal, recv *Value) (*Value, bool) {
	a, ok := c.Func.(*ir.Attr)
	if !ok || recv == nil || r.Into == "" {
		return nil, false
	}
	sel := in.selectArgs(r.Args, args, nil)
	var first *Value
	if len(sel) > 0 {
		first = sel[0]
	}
	switch r.Into {
	case "receiver":
		in.update(a.X, recv.withTaint(deepOf(sel)))
	case "element":
		if first != nil {
			in.update(a.X, withElement(recv, first))
		}
	case "elements":
		if first != nil {
			in.update(a.X, withElements(recv, first))
		}
	case "fields":
		in.update(a.X, withFieldsOf(recv, args))
	case "field":
		key := positional(args, 0)
		if key == nil || len(key.Consts) != 1 {
			return taintOnly(recv.deep()), true
		}
		if f, ok := recv.Fields[key.Consts[0]]; ok {
			return f, true
		}
		if d := positional(args, 1); d != nil {
			in.update(a.X, recv.withField(key.Consts[0], d))
			return d, true
		}
		return taintOnly(recv.deep()), true
	}
	return nil, false
}

// withElement is a container with v added: as a known element of a list
// display, else as data of the whole.
func withElement(recv, v *Value) *Value {
	n := *recv
	switch {
	case recv.Many && len(recv.Elems) == 1:
		n.Elems = []*Value{join(recv.Elems[0], v)}
	case len(recv.Elems) >= maxElems:
		return withElement(collapsed(recv), v)
	case len(recv.Elems) > 0 || recv.noData() || (len(recv.Fields) == 0 && len(recv.Taint.sources()) == 0):
		// (A container known only as a parameter's, self.builder, is
		// still one whose elements we know.)
		n.Elems = append(append([]*Value{}, recv.Elems...), v)
	default:
		n.Taint = union(n.Taint, v.deep())
	}
	return &n
}

// runElements runs each callable recv holds as an element (a graph's
// nodes) with args, then once more with the first argument joined with
// what they returned: a node reads the state the others updated.
func (in *interp) runElements(c *ir.Call, recv *Value, args []argVal) (*Value, bool) {
	var nodes []*Value
	for _, el := range recv.Elems {
		if el.Ref != nil && el.Ref != conflictRef {
			nodes = append(nodes, el)
		}
	}
	if len(nodes) == 0 {
		return nil, false
	}
	// A graph or chain whose steps call a model is a model call itself.
	saved := in.callsModel
	in.callsModel = false
	defer func() {
		if in.callsModel && c != nil {
			in.res.modelCalls = append(in.res.modelCalls, in.spanLoc(c.Span))
		}
		in.callsModel = in.callsModel || saved
	}()
	var out *Value
	for _, n := range nodes {
		out = join(out, in.callValue(c, n, args))
	}
	if len(args) == 0 || out.noData() {
		return out, true
	}
	state := args[0]
	if state.star {
		// graph.invoke(*args): the state is the first of them.
		st := taintOnly(state.v.deep())
		if len(state.v.Elems) > 0 {
			st = state.v.Elems[0].withTaint(state.v.Taint)
		}
		state = argVal{v: st, expr: state.expr}
	}
	// What a node returns updates the state the next node reads: the
	// nodes run again with it until it holds nothing new (a node per pass
	// at most, the longest path through them).
	for pass := 0; pass < len(nodes); pass++ {
		st := join(state.v, out)
		again := append([]argVal{{v: st, expr: state.expr}}, args[1:]...)
		next := out
		for _, n := range nodes {
			next = join(next, in.callValue(c, n, again))
		}
		if sameShape(join(state.v, next), st) {
			out = next
			break
		}
		out = next
	}
	return out, true
}

// importByName is what an import call's constant argument names (each
// of its possible constants: a settings value, a literal): a project
// class, function or module, or a library symbol; nil when it has none.
func (in *interp) importByName(r *model.Row, args []argVal, recv *Value) *Value {
	sel := in.selectArgs(r.Args, args, recv)
	if len(sel) == 0 {
		return nil
	}
	var out *Value
	for _, name := range sel[0].Consts {
		if !dottedPath.MatchString(name) {
			continue
		}
		if r.Names == "module" {
			if m := in.e.proj.Module(name, in.fi.Mod); m != nil {
				out = join(out, &Value{Ref: &Ref{Kind: RefModule, Module: m}})
			}
			continue
		}
		if !strings.Contains(name, ".") {
			continue
		}
		if v := in.resolveQualified(name, 0); !v.isEmpty() {
			out = join(out, v)
		}
	}
	return out
}

// dottedPath is an import path: names joined by dots.
var dottedPath = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

// withAnyKey is a container with v stored at a key or index that is not
// known: one element that stands for any of its items (a registry filled
// by name), v keeping its parts.
func withAnyKey(recv, v *Value) *Value {
	if len(recv.Elems) > 0 {
		c := collapsed(recv)
		c.Elems = []*Value{join(c.Elems[0], v)}
		return c
	}
	n := *recv
	n.Elems = []*Value{v}
	n.Many = true
	return &n
}

// withElements is a container extended by the elements of v.
func withElements(recv, v *Value) *Value {
	if len(v.Elems) > 0 && (len(recv.Elems) > 0 || recv.noData()) {
		n := concat(recv, v)
		n.Sym, n.Ref, n.Fields, n.Consts = recv.Sym, recv.Ref, recv.Fields, recv.Consts
		return n
	}
	n := *recv
	n.Taint = union(n.Taint, v.deep())
	return &n
}

// withFieldsOf is a mapping updated by a call's arguments: keywords and
// a mapping's keys become fields; anything else, data of the whole.
func withFieldsOf(recv *Value, args []argVal) *Value {
	n := recv
	for _, arg := range args {
		switch {
		case arg.name != "":
			n = n.withField(arg.name, arg.v)
		case arg.v.Sym != "" || len(arg.v.Elems) > 0:
			n = n.withTaint(arg.v.deep())
		default:
			for _, k := range sortedKeys(arg.v.Fields) {
				n = n.withField(k, arg.v.Fields[k])
			}
			n = n.withTaint(arg.v.Taint)
		}
	}
	return n
}

// callData calls a method of plain data (a string, a list, a dict) by
// the rows for "@data.name"; any method is derived from the receiver.
func (in *interp) callData(c *ir.Call, recv *Value, name string) *Value {
	args := in.evalArgs(c)
	if trim, ok := trimmers[name]; ok && len(args) == 0 && len(recv.Consts) > 0 && len(recv.deep()) == 0 {
		// "...".strip(): still the known text.
		cs := make([]string, len(recv.Consts))
		for i, k := range recv.Consts {
			cs[i] = trim(k)
		}
		return &Value{Consts: cs}
	}
	if name == "format" && len(recv.Consts) == 1 && len(recv.deep()) == 0 {
		if v := in.formatTemplate(recv.Consts[0], args); v != nil {
			return v
		}
	}
	m, ok := in.e.dataRows.Load(name)
	if !ok {
		sym := dataSym + "." + name
		m = &memberRowSet{sym: sym, rows: in.memberRows(sym, model.OnCall)}
		in.e.dataRows.Store(name, m)
	}
	ms := m.(*memberRowSet)
	if v, ok := in.applyRows(c, ms.sym, ms.rows, args, recv); ok {
		return v
	}
	return taintOnly(recv.deep())
}

// trimmers are the str methods that trim whitespace, applied to known text.
var trimmers = map[string]func(string) string{
	"strip":  strings.TrimSpace,
	"lstrip": func(s string) string { return strings.TrimLeft(s, " \t\n\r\f\v") },
	"rstrip": func(s string) string { return strings.TrimRight(s, " \t\n\r\f\v") },
}

// formatField is a replacement field of str.format: its name (before
// any attribute, index, conversion or format spec).
var formatField = regexp.MustCompile(`\{\{|\}\}|\{([^{}!:.\[]*)[^{}]*\}`)

// formatTemplate is template.format(args) of a constant template: the
// template with a hole per field, each filled from its argument, so the
// parts that land in a raw chat template's system section stay apart;
// nil when a field names no argument given.
func (in *interp) formatTemplate(template string, args []argVal) *Value {
	auto := 0
	v := in.fillHoles(template, formatField, func(tok string, m []int) (string, *Value) {
		switch tok {
		case "{{":
			return "{", nil
		case "}}":
			return "}", nil
		}
		switch field := template[m[2]:m[3]]; {
		case field == "":
			auto++
			return "", positional(args, auto-1)
		case field[0] >= '0' && field[0] <= '9':
			if n, err := strconv.Atoi(field); err == nil {
				return "", positional(args, n)
			}
			return "", nil
		default:
			return "", in.keyword(args, field)
		}
	})
	if v == nil {
		return nil
	}
	for _, a := range args {
		if a.star || a.dstr {
			v.Taint = union(v.Taint, a.v.deep())
		}
	}
	return v
}

// rendersNothing reports whether a row says an object of the kind sym
// renders as text none of what it holds (its __str__ returns nothing of
// it: a buffer prints its type).
func (in *interp) rendersNothing(sym string) bool {
	if !strings.HasSuffix(sym, ")") {
		return false
	}
	if r, ok := in.e.silentKinds.Load(sym); ok {
		if r != nil {
			in.e.use(r.(*model.Row))
		}
		return r != nil
	}
	var found *model.Row
	for _, r := range in.e.models.Rows(sym + ".__str__") {
		if r.Kind == model.KindPropagator && r.Result == model.ResultNone {
			found = r
			break
		}
	}
	if found == nil {
		in.e.silentKinds.Store(sym, nil)
		return false
	}
	in.e.silentKinds.Store(sym, found)
	in.e.use(found)
	return true
}

// dataSym is the symbol rows use for plain data.
const dataSym = "@data"

// memberRowSet is a member symbol with its rows, cached by name.
type memberRowSet struct {
	sym  string
	rows []*model.Row
}

// unknownCall is the default policy for a library call no row describes:
// its result is a fresh object of the called symbol, which carries none
// of its arguments (a model row says where data passes through). With
// PropagateUnknown it carries what went in (secrets and credentials
// excepted, see genericArgsTaint).
func (in *interp) unknownCall(sym string, args []argVal, recv *Value) *Value {
	if v := in.boundToPayload(sym, args); v != nil {
		// AuthenticationForm(request, data=request.POST): a form bound to
		// the payload reads it field by field.
		return v
	}
	if !in.e.PropagateUnknown {
		return &Value{Sym: sym + "()"}
	}
	return in.genericResult(sym, args, recv, false)
}

func (in *interp) genericResult(sym string, args []argVal, recv *Value, keepSecret bool) *Value {
	t := in.genericArgsTaint(sym, args, keepSecret)
	if recv != nil {
		t = union(t, recv.Taint)
	}
	v := &Value{Sym: sym + "()"}
	if len(t) > 0 {
		v.Taint = t
	}
	return v
}

// construct is the object a type row's call builds.
func (in *interp) construct(r *model.Row, sym string, args []argVal) *Value {
	if r.Result == model.ResultNone {
		return empty
	}
	ret := r.Returns
	if r.By != nil {
		if a := in.argOf(args, *r.By); a != nil && len(a.Consts) == 1 {
			if s, ok := r.Cases[a.Consts[0]]; ok {
				ret = s
			}
		}
	}
	if ret == "" {
		ret = sym + "()"
	}
	v := &Value{Sym: ret}
	if r.Carries {
		v.Taint = argsDeep(args)
	}
	for _, spec := range r.Holds {
		a := in.argOf(args, spec)
		if a == nil {
			continue
		}
		if spec.Role == model.RoleSystem {
			v = v.withField(systemField, join(v.Fields[systemField], a))
		} else {
			v = v.withTaint(a.deep())
		}
	}
	return v
}

// chatMessage is a chat message built by a message class: its role, and its
// content from the first argument given.
func (in *interp) chatMessage(r *model.Row, args []argVal) *Value {
	var content *Value
	for _, spec := range r.Content {
		if content = in.argOf(args, spec); content != nil {
			break
		}
	}
	role := r.Role
	if r.RoleArg != "" {
		if rv := in.keyword(args, r.RoleArg); rv != nil && len(rv.Consts) == 1 {
			role = rv.Consts[0]
		}
	}
	if content == nil {
		content = empty
	}
	if userRole([]string{role}) {
		content = asUserContent(content)
	}
	return &Value{Fields: map[string]*Value{"role": {Consts: []string{role}}, "content": content}}
}

// bind is a form, schema or serializer built from data: from request
// data of the classes the row needs, it is that data, read by field.
func (in *interp) bind(r *model.Row, args []argVal) (*Value, bool) {
	needs := r.Classes
	if len(needs) == 0 {
		needs = []rules.Class{rules.ClassPayload}
	}
	for _, a := range in.selectArgs(r.Args, args, nil) {
		t := a.deep()
		if r.Type == rules.TypePayload {
			t = t.sources()
		}
		for _, c := range needs {
			if hasClass(t, c) {
				v := &Value{Sym: r.Type}
				if r.Type == rules.TypePayload {
					v.Taint = t
				}
				return v, true
			}
		}
	}
	return nil, false
}

// partial applies the bound arguments now, so a sink they reach is
// reported where they are bound, and returns the bound callable.
func (in *interp) partial(c *ir.Call, args []argVal) *Value {
	if len(args) == 0 {
		return empty
	}
	target := args[0].v
	bound := args[1:]
	in.callValue(c, target, bound)
	return &Value{Ref: &Ref{Kind: RefPartial, Target: target, Bound: bound}}
}

// callBuiltin handles the builtins that are Python itself rather than a
// library: reflection (getattr) and super().
func (in *interp) callBuiltin(c *ir.Call, sym string, args []argVal) (*Value, bool) {
	switch sym {
	case "builtins.getattr":
		if arg0 := positional(args, 0); arg0 != nil {
			if n := positional(args, 1); n != nil && len(n.Consts) == 1 {
				v := in.getattr(arg0, n.Consts[0], c)
				if d := positional(args, 2); d != nil {
					v = join(v, d)
				}
				return v, true
			}
		}
		return empty, true
	case "builtins.super":
		if in.fi.Class != nil {
			for _, b := range in.fi.Class.Bases {
				return &Value{Ref: &Ref{Kind: RefInstance, Class: b}}, true
			}
			if ext := in.fi.Class.ExtBases; len(ext) > 0 {
				return &Value{Sym: in.e.instanceSym(ext[0], true)}, true
			}
		}
		return empty, true
	}
	return nil, false
}

// itemCall is recv.get(key, default): the item at the key, or the default.
func (in *interp) itemCall(c *ir.Call, recv *Value, args []argVal) *Value {
	key := positional(args, 0)
	var v *Value
	switch {
	case recv.Sym == rules.TypePayload && key != nil && len(key.Consts) == 1 && recv.Fields[key.Consts[0]] != nil:
		// A field of a payload known apart (set, or declared scalar).
		v = recv.Fields[key.Consts[0]]
	case catalogKind(recv.Sym):
		// A kind the models describe answers by its item rows alone.
		if key == nil {
			key = empty
		}
		var ok bool
		if v, ok = in.itemMember(recv, key, c); !ok {
			v = empty
		}
	case key == nil:
		return taintOnly(recv.deep())
	default:
		v = in.getitem(recv, key, c)
	}
	if d := positional(args, 1); d != nil {
		v = join(v, d)
	}
	return v
}

// holds reports whether a row's condition holds: for a member named by
// sym, a subscript's key, and a call's arguments.
func (in *interp) holds(cond *model.Cond, sym string, key *Value, args []argVal) bool {
	if cond.NameRe != nil && !cond.NameRe.MatchString(sym[strings.LastIndexByte(sym, '.')+1:]) {
		return false
	}
	if cond.KeyRe != nil && (key == nil || len(key.Consts) != 1 || !cond.KeyRe.MatchString(key.Consts[0])) {
		return false
	}
	if cond.KeyType != "" && (key == nil || key.Sym != cond.KeyType) {
		return false
	}
	if cond.Arg.Pos < 0 && cond.Arg.Kw == "" && !cond.Any {
		return true
	}
	return in.argHolds(cond, args)
}

// argHolds reports whether a condition on an argument holds.
func (in *interp) argHolds(cond *model.Cond, args []argVal) bool {
	check := func(v *Value) bool {
		switch {
		case v == nil:
			return cond.Absent
		case cond.Type != "" && v.Sym == cond.Type:
			return true
		case cond.Re != nil:
			return anyConst(v.Consts, cond.Re.MatchString)
		}
		return false
	}
	if cond.Any {
		for _, a := range args {
			if check(a.v) {
				return true
			}
		}
		return false
	}
	return check(in.argOf(args, cond.Arg))
}

// isLookup reports whether calling sym looks something up.
func (in *interp) isLookup(sym string) bool {
	for _, r := range in.e.models.Of(model.KindLookup, sym) {
		if !r.Chained || in.isLookup(chainOwner(sym)) {
			return true
		}
	}
	return false
}

// chainOwner is the call a chained method is called on, as a callable:
// "a.filter().first" -> "a.filter".
func chainOwner(sym string) string {
	owner := sym[:max(strings.LastIndexByte(sym, '.'), 0)]
	return strings.TrimSuffix(owner, "()")
}

// isPipe reports whether piping into a value of symbol sym makes a chain
// that calls a model, and the chain's symbol.
func (in *interp) isPipe(sym string) bool {
	r := in.e.models.First(model.KindPipe, sym)
	in.e.use(r)
	return r != nil
}

// argOf is the argument a spec names: the keyword, else the position.
func (in *interp) argOf(args []argVal, spec model.ArgSpec) *Value {
	if spec.Kw != "" {
		if v := in.keyword(args, spec.Kw); v != nil {
			return v
		}
	}
	if spec.Pos >= 0 {
		return positional(args, spec.Pos)
	}
	return nil
}

// selectArgs are the values of the arguments specs name (all of them for
// nil specs), the receiver included where a spec names it.
func (in *interp) selectArgs(specs []model.ArgSpec, args []argVal, recv *Value) []*Value {
	if specs == nil {
		return argValues(args)
	}
	var out []*Value
	for _, spec := range specs {
		if spec.Recv {
			if recv != nil {
				out = append(out, recv)
			}
			continue
		}
		if spec.All {
			out = append(out, argValues(args)...)
			continue
		}
		if v := in.argOf(args, spec); v != nil {
			out = append(out, v)
		}
	}
	return out
}

func deepOf(vs []*Value) Taint {
	var t Taint
	for _, v := range vs {
		t = union(t, v.deep())
	}
	return t
}

func withoutClasses(t Taint, cs []rules.Class) Taint {
	var out Taint
	for _, f := range t {
		switch {
		case f.Class == paramClass:
			// The parameter's data, once a caller's comes in, without them.
			out = union(out, Taint{f.dropped(cs)})
		case !slices.Contains(cs, f.Class):
			out = union(out, Taint{f})
		}
	}
	return out
}

// spreadArgs are the arguments a task queue passes to the task: the call's
// own, or, for a row that names them, the positional arguments held in
// one argument (a list) and the keyword arguments in another (a dict).
func (in *interp) spreadArgs(r *model.Row, args []argVal) []argVal {
	if r.Star == "" && r.StarKw == "" {
		return args
	}
	var pos []argVal
	if av := in.keyword(args, r.Star); av != nil {
		if !av.Many {
			for _, el := range av.Elems {
				pos = append(pos, argVal{v: el})
			}
		}
		if (len(av.Elems) == 0 && len(av.Taint) > 0) || (av.Many && len(av.deep()) > 0) {
			pos = append(pos, argVal{v: av, star: true})
		}
	} else if av := positional(args, 0); av != nil {
		if av.Many {
			pos = append(pos, argVal{v: av, star: true})
		} else {
			for _, el := range av.Elems {
				pos = append(pos, argVal{v: el})
			}
		}
	}
	if kv := in.keyword(args, r.StarKw); kv != nil {
		for _, k := range sortedKeys(kv.Fields) {
			pos = append(pos, argVal{name: k, v: kv.Fields[k]})
		}
	}
	return pos
}

// libraryAttr reads an attribute of a library object: what its read rows
// say, a default instance's attribute for a module alias, or the
// attribute's symbol.
func (in *interp) libraryAttr(obj *Value, name string, e ir.Expr) *Value {
	sym := obj.Sym + "." + name
	if in.e.mayRead(sym) {
		if v, ok := in.readRows(sym, obj, e); ok {
			return v
		}
	}
	if r := in.e.models.First(model.KindAlias, obj.Sym); r != nil {
		for _, a := range r.Attrs {
			if a == name {
				in.e.use(r)
				// openai.chat.completions.create: the module's default client.
				return &Value{Sym: r.To + "." + name}
			}
		}
	}
	v := &Value{Sym: sym}
	if len(obj.Taint) > 0 {
		v.Taint = attrFacts(obj.Taint, name)
	}
	return v
}

// canonical is the symbol of the objects a class builds, by its type row
// ("langchain_openai.ChatOpenAI" -> "langchain.ChatModel"), or the class
// itself.
func (e *Engine) canonical(sym string) string {
	if r := e.models.First(model.KindType, sym); r != nil && r.If == nil && r.By == nil && strings.HasSuffix(r.Returns, "()") {
		return strings.TrimSuffix(r.Returns, "()")
	}
	return sym
}

// instanceSym is the symbol of an instance (or the class) of an external
// base class.
func (e *Engine) instanceSym(base string, instance bool) string {
	c := e.canonical(base)
	if instance {
		return c + "()"
	}
	return c
}

// use records that a row took effect, when the engine tracks rows.
func (e *Engine) use(r *model.Row) {
	if e.rowsUsed != nil && r != nil {
		e.rowsUsed.Store(r, true)
	}
}

// TrackRows makes the engine record which model rows take effect.
func (e *Engine) TrackRows() { e.rowsUsed = &sync.Map{} }

// RowsUsed lists the rows that took effect, when tracked.
func (e *Engine) RowsUsed() []*model.Row {
	var out []*model.Row
	if e.rowsUsed != nil {
		e.rowsUsed.Range(func(k, _ any) bool {
			out = append(out, k.(*model.Row))
			return true
		})
	}
	return out
}

// classIs reports whether a project class plays a role by what it
// derives from (a base row).
func (e *Engine) classIs(c *ClassInfo, role string) bool {
	for _, b := range c.AllExtBases() {
		for _, r := range e.models.Of(model.KindBase, b) {
			if r.Is == role {
				e.use(r)
				return true
			}
		}
	}
	return false
}

// nameIs reports whether a name as written (an annotation, a decorator)
// plays a role by a row of the kind.
func (e *Engine) nameIs(kind model.Kind, name, role string) bool {
	if name == "" {
		return false
	}
	for _, r := range e.models.Of(kind, name) {
		if r.Is == role {
			e.use(r)
			return true
		}
	}
	return false
}

// classifyFuncs marks the functions whose decorators or class give them
// a role: properties, tasks bound to their task (bind=True), and a log
// handler's emit(record).
func (e *Engine) classifyFuncs() {
	e.tasks = map[string][]*FuncInfo{}
	addTask := func(name string, f *FuncInfo) {
		if !slices.Contains(e.tasks[name], f) {
			e.tasks[name] = append(e.tasks[name], f)
		}
	}
	for _, f := range e.proj.Funcs {
		for _, d := range f.Fn.Decorators {
			call, isCall := d.(*ir.Call)
			name := resolve.DecoratorName(d)
			switch {
			case e.nameIs(model.KindDecorator, name, model.RoleProperty):
				f.Property = true
			case e.nameIs(model.KindDecorator, name, model.RoleTool):
				f.Tool = true
			case e.nameIs(model.KindDecorator, name, model.RoleTask):
				named := false
				if isCall {
					for _, a := range call.Args {
						c, ok := a.Value.(*ir.Const)
						switch {
						case ok && a.Name == "bind" && c.Value == "True":
							f.Bind = true
						case ok && a.Name == "name" && c.Kind == ir.ConstStr:
							addTask(c.Value, f)
							named = true
						}
					}
				}
				if !named && f.Class == nil && f.Fn.Outer == nil {
					// Registered by default under its module and name.
					addTask(f.Mod.Name+"."+f.Fn.Name, f)
				}
			}
		}
		if f.Class != nil && f.Fn.Name == "emit" && e.classIs(f.Class, model.RoleLogHandler) {
			f.LogEmit = true
		}
		if f.Class != nil && (f.Fn.Name == "_run" || f.Fn.Name == "_arun") && e.classIs(f.Class, model.RoleTool) {
			f.Tool = true
		}
	}
	e.indexReceivers()
	e.typeSignalInstances()
}

// typeSignalInstances gives the instance parameter of a receiver of a
// model signal (the signals a signal row's sends names), connected for a
// project model, that model's objects: the ORM, the admin or a fixture
// loader may save one anywhere.
func (e *Engine) typeSignalInstances() {
	if e.models == nil {
		return
	}
	sends := map[string]bool{}
	for _, r := range e.models.All() {
		if r.Kind == model.KindSignal {
			for _, s := range r.Sends {
				sends[s] = true
			}
		}
	}
	for _, f := range e.proj.Funcs {
		sigs := make([]string, 0, len(e.senders[f]))
		for sig := range e.senders[f] {
			sigs = append(sigs, sig)
		}
		sort.Strings(sigs)
		for _, sig := range sigs {
			sender := e.senders[f][sig]
			if !sends[sig] {
				continue
			}
			for _, c := range e.proj.Classes {
				if !senderIs(sender, c) || !e.classIs(c, model.RoleModel) {
					continue
				}
				for i, p := range f.Fn.Params {
					if p.Name == "instance" {
						e.observeParam(paramObs{fn: f, param: i, v: &Value{Ref: &Ref{Kind: RefInstance, Class: c}}})
					}
				}
			}
		}
	}
}

// indexReceivers finds the functions connected to each signal, by the
// signal's defining name: decorated with a receiver decorator naming the
// signal (or a list of signals) first, or passed to sig.connect(f).
func (e *Engine) indexReceivers() {
	e.receivers = map[string][]*FuncInfo{}
	e.senders = map[*FuncInfo]map[string]string{}
	add := func(m *ModInfo, sig ir.Expr, f *FuncInfo, args []*ir.Arg) {
		key := e.proj.StaticName(sig, m)
		if key == "" || f == nil {
			return
		}
		if !slices.Contains(e.receivers[key], f) {
			e.receivers[key] = append(e.receivers[key], f)
		}
		for _, a := range args {
			if a.Name == "sender" {
				if e.senders[f] == nil {
					e.senders[f] = map[string]string{}
				}
				if k, ok := a.Value.(*ir.Const); ok && k.Kind == ir.ConstStr {
					// A lazy reference, "app_label.ModelName".
					e.senders[f][key] = "=" + strings.ToLower(k.Value[strings.LastIndexByte(k.Value, '.')+1:])
				} else {
					e.senders[f][key] = e.proj.StaticName(a.Value, m)
				}
			}
		}
	}
	for _, f := range e.proj.Funcs {
		for _, d := range f.Fn.Decorators {
			call, ok := d.(*ir.Call)
			if !ok || len(call.Args) == 0 || !e.nameIs(model.KindDecorator, resolve.DecoratorName(d), model.RoleReceiver) {
				continue
			}
			for _, sig := range resolve.Items(call.Args[0].Value) {
				add(f.Mod, sig, f, call.Args[1:])
			}
		}
		visit := func(x ir.Expr) {
			resolve.WalkExpr(x, func(y ir.Expr) {
				c, ok := y.(*ir.Call)
				if !ok || len(c.Args) == 0 {
					return
				}
				if a, ok := c.Func.(*ir.Attr); ok && a.Name == "connect" {
					add(f.Mod, a.X, e.proj.StaticFunc(c.Args[0].Value, f.Mod), c.Args[1:])
				}
			})
		}
		var walk func([]ir.Stmt)
		walk = func(ss []ir.Stmt) {
			for _, st := range ss {
				resolve.WalkStmt(st, visit, walk)
			}
		}
		walk(f.Fn.Body)
	}
	for _, fs := range e.receivers {
		sort.Slice(fs, func(i, j int) bool { return fs[i].ID < fs[j].ID })
	}
}

// sendSignal runs the receivers of the signal a call sends: each gets the
// call's keyword arguments, and its first positional one as the sender.
func (in *interp) sendSignal(c *ir.Call, args []argVal) *Value {
	a, ok := c.Func.(*ir.Attr)
	if !ok {
		return empty
	}
	fs := in.e.receivers[in.e.proj.StaticName(a.X, in.fi.Mod)]
	if len(fs) == 0 {
		return empty
	}
	sent := make([]argVal, 0, len(args))
	for i, arg := range args {
		if i == 0 && arg.name == "" && !arg.star && !arg.dstr {
			arg.name = "sender"
		}
		sent = append(sent, arg)
	}
	for _, f := range fs {
		in.callFunc(c, f, sent, nil)
	}
	return empty
}

// senderIs reports whether a receiver's sender (its defining name, or
// "=model" for a lazy "app.Model" reference) names class c.
func senderIs(sender string, c *ClassInfo) bool {
	return sender == c.QualName || sender == "="+strings.ToLower(c.Cls.Name)
}

// sendModelSignals runs the receivers of the signals a model object's
// method sends (obj.save(): pre_save, post_save) that are connected for
// the object's class: the object is the instance, its class the sender.
func (in *interp) sendModelSignals(c *ir.Call, sends []string, obj *Value) {
	cls := obj.Ref.Class
	for _, sig := range sends {
		for _, f := range in.e.receivers[sig] {
			if !senderIs(in.e.senders[f][sig], cls) {
				// Connected for another model, or for every sender: such a
				// receiver mostly picks its work by the sender (if sender
				// is Issue: ...), which one summary for all senders cannot
				// tell apart.
				continue
			}
			args := []argVal{
				{name: "sender", v: &Value{Ref: &Ref{Kind: RefClass, Class: cls}}},
				{name: "instance", v: obj},
			}
			in.callFunc(c, f, args, nil)
		}
	}
}

// managerSignals sends the model signals a manager call sends by a
// signal row on it (Model.objects.create(**fields): the new object,
// holding the keywords, is saved).
func (in *interp) managerSignals(c *ir.Call, sym string, args []argVal, recv *Value) {
	var sends []string
	for _, r := range in.e.models.Of(model.KindSignal, sym) {
		if len(r.Sends) > 0 {
			in.e.use(r)
			sends = append(sends, r.Sends...)
		}
	}
	if len(sends) == 0 {
		return
	}
	for _, el := range recv.Elems {
		if el.Ref == nil || el.Ref.Kind != RefInstance {
			continue
		}
		obj := &Value{Ref: el.Ref}
		for _, a := range args {
			if a.name != "" {
				obj = obj.withField(a.name, a.v)
			}
		}
		in.sendModelSignals(c, sends, obj)
	}
}

// classRecord reports whether instances of a project class render all
// their fields: a dataclass or attrs class (by its decorator) or a
// pydantic model or namedtuple (by its base).
func (e *Engine) classRecord(c *ClassInfo) bool {
	for _, d := range c.Cls.Decorators {
		if e.nameIs(model.KindDecorator, resolve.DecoratorName(d), model.RoleRecord) {
			return true
		}
	}
	return e.classIs(c, model.RoleRecord)
}

// rendered is the data of a value rendered as text (str(), an f-string,
// a log argument): containers render their contents; an instance of a
// project class renders what its __str__ (or __repr__) returns, all its
// fields for a record class, and none of its attributes otherwise.
func (in *interp) rendered(v *Value) Taint {
	return in.renderedDepth(v, 0)
}

// strOf is what a __str__ method returns for the instance v, by its
// summary: its return value with v for self (no sink of the method is
// applied here; calling it is a separate matter).
func (in *interp) strOf(m *FuncInfo, v *Value) Taint {
	in.dep(depKey{'F', m.ID, ""})
	sum := in.e.st.sums[m.ID]
	if sum == nil || sum.Ret == nil || sum.Ret.isEmpty() {
		return nil
	}
	return in.substitute(sum.Ret, []*Value{v}, finding.Step{}, false, 0).deep()
}

func (in *interp) renderedDepth(v *Value, depth int) Taint {
	if v == nil {
		return nil
	}
	if v.Ref != nil && v.Ref != conflictRef && v.Ref.Kind == RefInstance && v.Sym == "" {
		c := v.Ref.Class
		for _, name := range []string{"__str__", "__repr__"} {
			if m := c.LookupMethod(name); m != nil {
				return union(v.Taint, in.strOf(m, v))
			}
		}
		if in.e.classRecord(c) {
			return v.deep()
		}
		return v.Taint
	}
	if v.Sym != "" && v.Ref == nil && in.rendersNothing(v.Sym) {
		return nil
	}
	if depth > maxDepth || len(v.Fields) == 0 && len(v.Elems) == 0 {
		return v.deep()
	}
	t := v.Taint
	for _, k := range sortedKeys(v.Fields) {
		t = union(t, in.renderedDepth(v.Fields[k], depth+1))
	}
	for _, e := range v.Elems {
		t = union(t, in.renderedDepth(e, depth+1))
	}
	return t
}

// fromReceiver prefixes the path of each fact of v, read from an object
// recv that came from a source itself (upload.read() of a cleaned form
// field), with the path of that object: the flow shows where it was read.
func (in *interp) fromReceiver(v, recv *Value) *Value {
	if recv == nil || len(v.Taint) == 0 {
		return v
	}
	var from *Trace
	for _, f := range recv.Taint {
		if f.Origin != nil && f.Trace != nil {
			from = f.Trace
			break
		}
	}
	if from == nil {
		return v
	}
	out := *v
	out.Taint = make(Taint, len(v.Taint))
	for i, f := range v.Taint {
		f.Trace = appendTrace(from, f.Trace)
		out.Taint[i] = f
	}
	return &out
}
