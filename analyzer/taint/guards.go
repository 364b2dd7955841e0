package taint

import (
	"slices"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
	"github.com/llmleak/llmleak/rules"
)

// Type guards: a function that opens by turning away a parameter of the
// wrong builtin type,
//
//	def first_reason(candidates):
//	    if not isinstance(candidates, list):
//	        return "Unexpected response format."
//	    ...
//
// lets none of that parameter's data past the guard when a call passes a
// value that cannot be of the type: a tuple (an exception's args, a tuple
// literal) for a list, a string for a dict. The early return itself does
// not read the parameter, so the call returns none of the argument's
// data. Only values whose kind the call shows are judged: literals, and
// an exception's args.

// builtinKinds are the builtin types a guard may name.
var builtinKinds = map[string]bool{
	"list": true, "tuple": true, "dict": true, "str": true, "set": true,
	"frozenset": true, "bytes": true, "int": true, "float": true, "bool": true,
}

// typeGuards lists, per parameter, the builtin types an opening guard of
// f requires of it (nil when f has none).
func typeGuards(f *FuncInfo) map[int][]string {
	var out map[int][]string
	body := f.Fn.Body
	if len(body) > 0 {
		if x, ok := body[0].(*ir.ExprStmt); ok {
			if _, doc := x.X.(*ir.Const); doc {
				body = body[1:]
			}
		}
	}
	for _, st := range body {
		s, ok := st.(*ir.If)
		if !ok || len(s.Else) > 0 || len(s.Body) == 0 {
			break
		}
		name, kinds := notIsinstance(s.Cond)
		if name == "" || !exits(s.Body) || readsName(s.Body, name) {
			break
		}
		i := slices.IndexFunc(f.Fn.Params, func(p *ir.Param) bool { return p.Name == name && p.Kind == ir.ParamPositional })
		if i < 0 {
			break
		}
		if out == nil {
			out = map[int][]string{}
		}
		out[i] = kinds
	}
	return out
}

// notIsinstance recognizes "not isinstance(name, T)" and "not
// isinstance(name, (T, U))" with builtin types.
func notIsinstance(cond ir.Expr) (string, []string) {
	u, ok := cond.(*ir.UnaryOp)
	if !ok || u.Op != "not" {
		return "", nil
	}
	c, ok := u.X.(*ir.Call)
	if !ok || len(c.Args) != 2 || c.Args[0].Name != "" || c.Args[1].Name != "" {
		return "", nil
	}
	if fn, ok := c.Func.(*ir.Name); !ok || fn.Id != "isinstance" {
		return "", nil
	}
	n, ok := c.Args[0].Value.(*ir.Name)
	if !ok {
		return "", nil
	}
	var kinds []string
	for _, t := range resolve.Items(c.Args[1].Value) {
		k, ok := t.(*ir.Name)
		if !ok || !builtinKinds[k.Id] {
			return "", nil
		}
		kinds = append(kinds, k.Id)
	}
	return n.Id, kinds
}

// exits reports whether a block always ends in a return or a raise.
func exits(b []ir.Stmt) bool {
	switch b[len(b)-1].(type) {
	case *ir.Return, *ir.Raise:
		return true
	}
	return false
}

// mentions reports whether expression e reads variable name.
func mentions(e ir.Expr, name string) bool {
	found := false
	resolve.WalkExpr(e, func(x ir.Expr) {
		if n, ok := x.(*ir.Name); ok && n.Id == name {
			found = true
		}
	})
	return found
}

// readsName reports whether a block mentions name anywhere.
func readsName(b []ir.Stmt, name string) bool {
	found := false
	var block func([]ir.Stmt)
	expr := func(e ir.Expr) { found = found || mentions(e, name) }
	block = func(b []ir.Stmt) {
		for _, st := range b {
			resolve.WalkStmt(st, expr, block)
		}
	}
	block(b)
	return found
}

// argKind is the builtin type an argument shows it is: a literal's, or a
// tuple for an exception's args; "" when the call does not show it.
func (in *interp) argKind(e ir.Expr) string {
	switch x := e.(type) {
	case *ir.Seq:
		switch x.Kind {
		case ir.SeqTuple:
			return "tuple"
		case ir.SeqList:
			return "list"
		case ir.SeqSet:
			return "set"
		}
	case *ir.Dict:
		return "dict"
	case *ir.FString:
		return "str"
	case *ir.Const:
		if x.Kind == ir.ConstStr {
			return "str"
		}
	case *ir.Attr:
		if n, ok := x.X.(*ir.Name); ok && x.Name == "args" && in.lookup(n.Id, n).Sym == rules.TypeException {
			return "tuple"
		}
	}
	return ""
}

// applyGuards empties the arguments an opening type guard of f turns
// away at this call.
func (in *interp) applyGuards(f *FuncInfo, byParam []*Value, argExprs [][]ir.Expr) {
	for i, kinds := range in.e.guards[f.ID] {
		if i >= len(byParam) || i >= len(argExprs) || len(argExprs[i]) != 1 {
			continue
		}
		if k := in.argKind(argExprs[i][0]); k != "" && !slices.Contains(kinds, k) {
			byParam[i] = empty
		}
	}
}
