package taint

import (
	"regexp"
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
	"github.com/llmleak/llmleak/rules/model"
)

// Annotations give a value the type they declare where nothing else does:
// a parameter no caller is seen to fill, an attribute declared on a class,
// a function's return. Only library classes a type row describes count
// (an SDK client, a chat model): what calling the class would build.

// annotType is an instance of the library class annotation a names, as
// the class's type row builds it; nil when a names nothing a row knows.
// With project set, a project class counts too: an instance of it or of
// any project class deriving from it (a declared base class stands for
// each of its implementations).
func (in *interp) annotType(a ir.Expr, project bool) *Value {
	if x := classArg(a, 0); x != nil {
		// Type[Broker]: the class itself, or any project subclass of it.
		if !project {
			return nil
		}
		if v := in.eval(annotInner(x, 0)); v.Ref != nil && v.Ref.Kind == RefClass && !typedDict(v.Ref.Class) {
			return &Value{Ref: asClassRef(in.e.implementations(v.Ref.Class).Ref)}
		}
		return nil
	}
	a = annotInner(a, 0)
	if a == nil {
		return nil
	}
	v := in.eval(a)
	if project && v.Ref != nil && v.Ref.Kind == RefClass {
		if typedDict(v.Ref.Class) {
			// A TypedDict's values are plain dicts.
			return nil
		}
		return in.e.implementations(v.Ref.Class)
	}
	if v.Sym == "" || v.Sym == symConflict || v.Ref != nil || strings.HasPrefix(v.Sym, "@") || strings.HasSuffix(v.Sym, ")") {
		return nil
	}
	for _, r := range in.e.models.Rows(v.Sym) {
		if r.Kind == model.KindType && r.If == nil && r.Result != model.ResultNone {
			in.e.use(r)
			return &Value{Sym: in.construct(r, v.Sym, nil).Sym}
		}
	}
	return nil
}

// untyped reports whether v is of no class the engine knows: nothing, an
// opaque library object, or an object of a library no row describes.
func (in *interp) untyped(v *Value) bool {
	if v == nil {
		return true
	}
	if v.Ref != nil {
		// Objects of too many classes to follow are of none in particular.
		return v.Ref == conflictRef
	}
	return v.Sym == "" || v.Sym == symOpaque || v.Sym == symConflict || !in.e.known(v.Sym)
}

// looselyTyped reports whether v is a library object no row names
// exactly, only a wildcard family (RunnableBranch(...) of LangChain): a
// declared type says more of it.
func (in *interp) looselyTyped(v *Value) bool {
	return v != nil && v.Ref == nil && v.Sym != "" && !strings.HasPrefix(v.Sym, "@") && !in.e.models.KnownExact(v.Sym)
}

// dottedName is a dotted identifier as a string annotation writes it.
var dottedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

// annotInner is the class an annotation declares: inside Optional[...],
// Annotated[..., ...], a Union or "|" with None, and a string.
func annotInner(a ir.Expr, depth int) ir.Expr {
	if a == nil || depth > 4 {
		return nil
	}
	switch x := a.(type) {
	case *ir.Name, *ir.Attr:
		return a
	case *ir.Const:
		if x.Kind != ir.ConstStr {
			return nil
		}
		return annotInner(parseAnnotString(strings.TrimSpace(x.Value), x.Span), depth+1)
	case *ir.BinOp:
		if x.Op != "|" {
			return nil
		}
		return oneNotNone([]ir.Expr{x.L, x.R}, depth)
	case *ir.Subscript:
		name := resolve.Dotted(x.X)
		switch name[strings.LastIndex(name, ".")+1:] {
		case "Optional":
			return annotInner(x.Index, depth+1)
		case "Annotated":
			if s, ok := x.Index.(*ir.Seq); ok && len(s.Elems) > 0 {
				return annotInner(s.Elems[0], depth+1)
			}
		case "Union":
			if s, ok := x.Index.(*ir.Seq); ok {
				return oneNotNone(s.Elems, depth)
			}
		case "Literal", "ClassVar", "Final", "Type", "type":
		default:
			// A generic class parametrized (Runnable[dict, str]): the class.
			return annotInner(x.X, depth+1)
		}
	}
	return nil
}

// classArg is X of a Type[X] or type[X] annotation (inside Optional or a
// union with None too), or nil.
func classArg(a ir.Expr, depth int) ir.Expr {
	if depth > 4 {
		return nil
	}
	switch x := a.(type) {
	case *ir.BinOp:
		if x.Op == "|" {
			if c, ok := x.R.(*ir.Const); ok && c.Kind == ir.ConstNone {
				return classArg(x.L, depth+1)
			}
			if c, ok := x.L.(*ir.Const); ok && c.Kind == ir.ConstNone {
				return classArg(x.R, depth+1)
			}
		}
	case *ir.Subscript:
		name := resolve.Dotted(x.X)
		switch name[strings.LastIndex(name, ".")+1:] {
		case "Optional":
			return classArg(x.Index, depth+1)
		case "Type", "type":
			if _, ok := x.Index.(*ir.Seq); !ok {
				return x.Index
			}
		}
	}
	return nil
}

// asClassRef is r with its instances made their classes.
func asClassRef(r *Ref) *Ref {
	n := *r
	switch r.Kind {
	case RefInstance:
		n.Kind = RefClass
	case RefUnion:
		n.Alts = make([]*Ref, len(r.Alts))
		for i, a := range r.Alts {
			n.Alts[i] = asClassRef(a)
		}
	}
	return &n
}

// oneNotNone is the one member of a union that is not None.
func oneNotNone(es []ir.Expr, depth int) ir.Expr {
	var only ir.Expr
	for _, e := range es {
		if c, ok := e.(*ir.Const); ok && c.Kind == ir.ConstNone {
			continue
		}
		if only != nil {
			return nil
		}
		only = e
	}
	return annotInner(only, depth+1)
}

// parseAnnotString reads a string annotation: a dotted name, or one made
// optional ("Optional[X]", "X | None", "None | X").
func parseAnnotString(s string, sp ir.Span) ir.Expr {
	if inner, ok := strings.CutPrefix(s, "Optional["); ok && strings.HasSuffix(inner, "]") {
		s = strings.TrimSuffix(inner, "]")
	}
	if parts := strings.Split(s, "|"); len(parts) == 2 {
		l, r := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		switch {
		case r == "None":
			s = l
		case l == "None":
			s = r
		}
	}
	if !dottedName.MatchString(s) {
		return nil
	}
	names := strings.Split(s, ".")
	var e ir.Expr = &ir.Name{ExprBase: ir.ExprBase{Span: sp}, Id: names[0]}
	for _, n := range names[1:] {
		e = &ir.Attr{ExprBase: ir.ExprBase{Span: sp}, X: e, Name: n}
	}
	return e
}

// classes is the class a class method runs on: c or a project class
// deriving from it, one of them when there are few enough (only those
// deriving from it, with subsOnly: __init_subclass__), else c.
func (e *Engine) classes(c *ClassInfo, subsOnly bool) *Ref {
	subs := e.liveSubs(c)
	if len(subs) == 0 || len(subs)+1 > maxAlts {
		return &Ref{Kind: RefClass, Class: c}
	}
	var ref *Ref
	if !subsOnly {
		ref = &Ref{Kind: RefClass, Class: c}
	}
	for _, s := range subs {
		ref = joinRefOpen(ref, &Ref{Kind: RefClass, Class: s})
	}
	return ref
}

// implementations is an instance of c or of a project class deriving from
// it: one of them when there are few enough, else c marked open (a call
// of its methods reaches their overrides, see overrides).
func (e *Engine) implementations(c *ClassInfo) *Value {
	ref := &Ref{Kind: RefInstance, Class: c}
	subs := e.liveSubs(c)
	if len(subs) == 0 {
		return &Value{Ref: ref}
	}
	if len(subs)+1 > maxAlts {
		// Too many to list: c, open to its subclasses' overrides.
		ref.Open = true
		return &Value{Ref: ref}
	}
	for _, s := range subs {
		ref = joinRefOpen(ref, &Ref{Kind: RefInstance, Class: s})
	}
	return &Value{Ref: ref}
}

// literalStrings are the strings a Literal["a", "b"] annotation allows
// (inside Optional or a union with None too), sorted; nil for any other
// annotation.
func literalStrings(a ir.Expr) []string {
	sub, ok := a.(*ir.Subscript)
	if !ok {
		if b, ok := a.(*ir.BinOp); ok && b.Op == "|" {
			if c, ok := b.R.(*ir.Const); ok && c.Kind == ir.ConstNone {
				return literalStrings(b.L)
			}
		}
		return nil
	}
	name := resolve.Dotted(sub.X)
	if name[strings.LastIndex(name, ".")+1:] == "Optional" {
		return literalStrings(sub.Index)
	}
	if name[strings.LastIndex(name, ".")+1:] != "Literal" {
		return nil
	}
	var out []string
	for _, e := range resolve.Items(sub.Index) {
		c, ok := e.(*ir.Const)
		if !ok || c.Kind != ir.ConstStr {
			return nil
		}
		out = append(out, c.Value)
	}
	return mergeConsts(out, nil)
}

// typedDict reports whether c is a TypedDict: its instances are dicts.
func typedDict(c *ClassInfo) bool {
	for _, b := range c.AllExtBases() {
		if b == "typing.TypedDict" || b == "typing_extensions.TypedDict" {
			return true
		}
	}
	return false
}
