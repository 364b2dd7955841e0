package taint

import (
	"sort"
	"strconv"
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// Members of objects the models describe: the attributes, methods, items
// and elements of a request, its parts, a response, an exception, a log
// record, settings. Rows say what each yields (on = read, call, item,
// iter); this file applies them.

// anyObject is the symbol rows use for attributes that mean the same on
// any object ("@object.validated_data").
const anyObject = "@object"

// memberRows are the rows for a member symbol, at one place.
func (in *interp) memberRows(sym string, on model.On) []*model.Row {
	return in.e.models.RowsOn(sym, on)
}

// readMember reads obj.name by the rows for the attribute on any object
// and, for a catalog kind, on that kind; ok is false when none applies.
func (in *interp) readMember(obj *Value, name string, e ir.Expr) (*Value, bool) {
	if in.e.anyObjectNames[name] {
		if v, ok := in.readRows(anyObject+"."+name, obj, e); ok {
			return in.withScalarFields(v, obj), true
		}
	}
	if catalogKind(obj.Sym) && !ownMethod(obj, name) {
		return in.readRows(obj.Sym+"."+name, obj, e)
	}
	return nil, false
}

// ownMethod reports whether obj is an instance of a project class that
// defines the method name: a project form bound to the payload
// (PickForm(request.POST)) runs its own cleaned_kind(), whatever the
// catalog says of the payload kind's members.
func ownMethod(obj *Value, name string) bool {
	return obj.Ref != nil && obj.Ref.Kind == RefInstance && obj.Ref.Class.LookupMethod(name) != nil
}

// readRows applies the first read row of sym that holds.
func (in *interp) readRows(sym string, obj *Value, e ir.Expr) (*Value, bool) {
	for _, r := range in.memberRows(sym, model.OnRead) {
		if r.If != nil && !in.holds(r.If, sym, nil, nil) {
			continue
		}
		in.e.use(r)
		return in.memberValue(r, obj, sym, e), true
	}
	return nil, false
}

// callMember calls recv.name for an object of a catalog kind by the rows
// for it, before the method is read as an attribute.
func (in *interp) callMember(c *ir.Call, recv *Value, name string) (*Value, bool) {
	if !catalogKind(recv.Sym) || ownMethod(recv, name) {
		return nil, false
	}
	sym := recv.Sym + "." + name
	rows := in.memberRows(sym, model.OnCall)
	if len(rows) == 0 {
		return nil, false
	}
	args := in.evalArgs(c)
	if v, ok := in.applyRows(c, sym, rows, args, recv); ok {
		return v, true
	}
	return in.callMethodArgs(c, recv, name, args), true
}

// itemMember reads obj[key] by the rows for the object's items. A key that
// may be one of several constants reads each.
func (in *interp) itemMember(obj, key *Value, e ir.Expr) (*Value, bool) {
	if obj.Sym == "" || obj.Sym == symConflict {
		return nil, false
	}
	sym := obj.Sym + "[]"
	rows := in.memberRows(sym, model.OnItem)
	if len(rows) == 0 {
		return nil, false
	}
	keys := []*Value{key}
	if len(key.Consts) > 1 {
		keys = keys[:0]
		for _, k := range key.Consts {
			keys = append(keys, &Value{Consts: []string{k}})
		}
	}
	var out *Value
	for _, k := range keys {
		for _, r := range rows {
			if r.If != nil && !in.holds(r.If, sym, k, nil) {
				continue
			}
			in.e.use(r)
			out = join(out, in.memberValue(r, obj, sym, e))
			break
		}
	}
	if out == nil {
		return nil, false
	}
	return out, true
}

// iterMember is an element of iterating v, by the rows for it.
func (in *interp) iterMember(v *Value, e ir.Expr) (*Value, bool) {
	if v.Sym == "" || v.Sym == symConflict {
		return nil, false
	}
	for _, r := range in.memberRows(v.Sym+".__iter__", model.OnIter) {
		in.e.use(r)
		return in.memberValue(r, v, v.Sym+".__iter__", e), true
	}
	return nil, false
}

// memberValue is what a member row yields for an object; e is where it is
// read (nil for a synthetic read, which carries no source).
func (in *interp) memberValue(r *model.Row, obj *Value, sym string, e ir.Expr) *Value {
	switch r.Kind {
	case model.KindSource:
		if e == nil {
			return &Value{Sym: r.Type}
		}
		return in.sourceRow(e, r)
	case model.KindPropagator:
		return memberResult(r.Result, obj, r.Returns)
	case model.KindType:
		if r.Returns != "" {
			return &Value{Sym: r.Returns}
		}
		return &Value{Sym: sym}
	}
	return empty
}

// gathers reports whether gathering every element of v (a comprehension
// over it) makes the whole v holds.
func (in *interp) gathers(v *Value) bool {
	if v.Sym == "" || v.Sym == symConflict {
		return false
	}
	for _, r := range in.memberRows(v.Sym+".__iter__", model.OnIter) {
		return r.Gathers
	}
	return false
}

// memberResult is a propagator's result made of the object it is a
// member of (kind is the result's symbol, when the row names one).
func memberResult(res model.Result, obj *Value, kind ...string) *Value {
	switch res {
	case model.ResultSelf:
		return obj
	case model.ResultWhole:
		if len(kind) > 0 && kind[0] != "" {
			return &Value{Sym: kind[0], Taint: obj.Taint}
		}
		return &Value{Sym: obj.Sym, Taint: obj.Taint}
	case model.ResultTaint:
		return &Value{Taint: obj.Taint}
	case model.ResultElement:
		if el := joinAll(obj.Elems); el != nil {
			return el.withTaint(obj.Taint)
		}
		// Elements not known (a parameter of the kind): its data.
		return &Value{Taint: obj.Taint}
	case model.ResultPart:
		return &Value{Taint: reclassed(obj.deep(), rules.ClassResponse, rules.ClassToolArg)}
	case model.ResultElementPair:
		return &Value{Elems: []*Value{memberResult(model.ResultElement, obj), empty}}
	}
	return empty
}

// partPath is the path of a parameter fact for one named part of the
// parameter's structured model output (a tool call's argument read in a
// function that receives the arguments): where the caller's value is
// substituted, its response data becomes a tool-call argument.
const partPath = "[part]"

// anyKeyPath is the path step of a parameter read by a key its function
// does not know (data[key]): where the caller's value is substituted, it
// is read by an unknown key, one field of a payload.
const anyKeyPath = "[key]"

// keyPath is the path step of a parameter read by key: when the key is
// itself a parameter of the function ("[@2]"), the caller's key picks the
// part (field_of(body, "password")); else anyKeyPath.
func keyPath(key *Value) string {
	if len(key.Taint) == 1 && len(key.Consts) == 0 && len(key.Fields) == 0 && len(key.Elems) == 0 && key.Ref == nil {
		if f := key.Taint[0]; f.Class == paramClass && f.Path == "" && f.Drop == "" {
			return "[@" + strconv.Itoa(f.Param) + "]"
		}
	}
	return anyKeyPath
}

// keyParam is the parameter a keyPath names, if it names one.
func keyParam(path string) (int, bool) {
	inner, ok := strings.CutPrefix(path, "[@")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(inner, "]"))
	return n, err == nil
}

// reclassed is t with the facts of class from made facts of class to,
// with their origins and traces; a parameter's own facts become the facts
// of its part (partPath), reclassed where the caller's value comes in.
func reclassed(t Taint, from, to rules.Class) Taint {
	var out Taint
	for _, f := range t {
		if f.Class == paramClass && f.Path == "" {
			f.Path = partPath
			f.pk = paramFactKey(f)
		}
		if f.Class == from && f.Origin != nil {
			o := *f.Origin
			o.Class = to
			o.key = string(to) + strings.TrimPrefix(o.key, string(from))
			f.Class, f.Origin = to, &o
		}
		out = union(out, Taint{f})
	}
	return out
}

// sourceRow is the value a source row yields at e: its kind and classes,
// as one value, a list of it or a list of (name, value) pairs.
func (in *interp) sourceRow(e ir.Expr, r *model.Row) *Value {
	v := in.source(e, r.Type, r.Classes)
	if r.Mapping {
		for i := range v.Taint {
			v.Taint[i].Origin.Mapping = true
		}
	}
	switch r.Shape {
	case "list":
		return &Value{Elems: []*Value{v}}
	case "pairs":
		return &Value{Elems: []*Value{{Elems: []*Value{empty, v}}}}
	case "pair":
		return &Value{Elems: []*Value{empty, v}}
	}
	return v
}

// catalogKind reports whether sym is a kind of object whose members the
// models describe before any attribute is read: the request and what
// comes of it ("@..."), and the settings and environment objects.
func catalogKind(sym string) bool {
	return strings.HasPrefix(sym, "@") || sym == rules.TypeSettings || sym == rules.TypeEnviron
}

// withScalarFields is the validated payload v of a project form or
// serializer obj, with the fields its class declares as numbers, truth
// values, dates or UUIDs (a row's "@scalarfield") known to carry nothing:
// cleaned_data["maxlength"] of an IntegerField is an int; the file
// fields ("@filefield") as uploads; and the fields
// a clean_<field>() method cleans, as it returns them.
func (in *interp) withScalarFields(v, obj *Value) *Value {
	if v.Sym != rules.TypePayload || obj.Ref == nil || obj.Ref.Kind != RefInstance {
		return v
	}
	for _, k := range obj.Ref.Class.MRO {
		for _, name := range sortedKeys(in.e.st.classAttrs[k.ID]) {
			in.dep(depKey{'C', k.ID, name})
			if _, set := v.Fields[name]; !set {
				switch in.e.st.classAttrs[k.ID][name].Sym {
				case rules.TypeScalarField:
					v = v.withField(name, empty)
				case rules.TypeFileField:
					// The upload itself: its name is request input, its
					// contents the payload.
					v = v.withField(name, &Value{Sym: rules.TypeUpload, Taint: in.partOf(v.Taint, name, nil)})
				}
			}
		}
	}
	// A field the form cleans itself (clean_prompt) is what that method
	// returns: a row looked up by the submitted id is the row, not the id.
	for _, k := range obj.Ref.Class.MRO {
		names := make([]string, 0, len(k.Methods))
		for n := range k.Methods {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, mname := range names {
			name, ok := strings.CutPrefix(mname, "clean_")
			if !ok || name == "" || k.Methods[mname] == in.fi {
				// clean_title() itself reads the field as submitted.
				continue
			}
			if _, set := v.Fields[name]; !set {
				v = v.withField(name, in.applySummary(k.Methods[mname], nil, []*Value{obj}, nil))
			}
		}
	}
	return v
}
