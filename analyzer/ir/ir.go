// Package ir is llmleak's compact, Go-only representation of a Python
// module: imports, classes, functions and statements, with positions.
//
// The parser (analyzer/pyparse) builds it from a tree-sitter tree and closes
// the tree at once; everything after parsing (module resolution, the taint
// engine, reporting) works on this IR alone. This package must not import
// tree-sitter or any other package of the project: it is the leaf every
// stage shares.
package ir

// Pos is a source position. Line is 1-based; Col is 1-based and counted in
// UTF-16 code units (SARIF's default column kind), which equals the byte
// column plus one for ASCII lines. Both are 32-bit: every node of the IR
// carries two positions, and the IR of a large project is held whole.
type Pos struct {
	Line int32
	Col  int32
}

// Span is the extent of a statement or expression: its start and the
// position just past its last character.
type Span struct {
	Start Pos
	End   Pos
}

// Module is one parsed Python file.
type Module struct {
	// Path is the file path as discovered (slash-separated, relative to the
	// scan root when the file lies below it).
	Path string
	// Name is the dotted module name ("shop.views"); set by module
	// resolution, empty until then.
	Name string
	// IsPackage is true for __init__.py files.
	IsPackage bool

	Imports []*Import
	// Body is the module's top-level code as a pseudo-function named
	// "<module>"; its FuncDef and ClassDef statements hold the module's
	// functions and classes.
	Body *Function
	// Functions lists every function of the file, nested ones and methods
	// included, in source order. Lambdas are not listed.
	Functions []*Function
	// Classes lists every class of the file, nested ones included, in
	// source order.
	Classes []*Class

	// Directives are the llmleak-relevant comments: suppressions.
	Directives []*Directive
	// SyntaxErrors are the positions of ERROR/MISSING nodes tree-sitter
	// recovered from; empty for a clean parse.
	SyntaxErrors []Pos
	// Lines is the number of lines in the file.
	Lines int
}

// Import is one bound name of an import statement.
//
//	import a.b.c          -> Module "a.b.c", Name "", Alias "" (binds "a")
//	import a.b as c       -> Module "a.b", Name "", Alias "c"
//	from ..x import y as z -> Level 2, Module "x", Name "y", Alias "z"
//	from . import y       -> Level 1, Module "", Name "y"
//	from x import *       -> Module "x", Name "*"
type Import struct {
	Module string
	Level  int
	Name   string
	Alias  string
	Pos    Pos
	// InFunction is true for an import inside a function body (it is also
	// present as an ImportStmt there).
	InFunction bool
}

// Bound returns the local name the import binds.
func (im *Import) Bound() string {
	if im.Alias != "" {
		return im.Alias
	}
	if im.Name != "" {
		return im.Name
	}
	// "import a.b.c" binds "a".
	for i := 0; i < len(im.Module); i++ {
		if im.Module[i] == '.' {
			return im.Module[:i]
		}
	}
	return im.Module
}

// DirectiveKind says what a directive comment asks for.
type DirectiveKind int

const (
	// DirectiveIgnore is "# llmleak: ignore" or "# llmleak: ignore[LK101,LK2]".
	DirectiveIgnore DirectiveKind = iota + 1
	// DirectiveNoqa is "# noqa" or "# noqa: LK101, E501".
	DirectiveNoqa
)

// Directive is a suppression comment.
type Directive struct {
	Kind DirectiveKind
	Pos  Pos
	// Rules lists the rule codes named in brackets or after "noqa:"; empty
	// for the bare form.
	Rules []string
	// Reason is free text after the directive, if any.
	Reason string
	// Own is true when the comment stands alone on its line (it then
	// applies to the next statement).
	Own bool
}

// Class is a class definition.
type Class struct {
	Name string
	// QualName is the dotted name inside the module ("Outer.Inner").
	QualName   string
	Bases      []Expr
	Keywords   []*Arg // metaclass=..., and other class keywords
	Decorators []Expr
	// Body holds the class body statements (assignments of class
	// attributes, FuncDef for methods, nested ClassDef).
	Body []Stmt
	// Methods are the functions defined directly in the body.
	Methods []*Function
	Span    Span
	// Outer is the enclosing function, if the class is defined inside one.
	Outer *Function
}

// ParamKind distinguishes the kinds of Python parameters.
type ParamKind int

const (
	ParamPositional ParamKind = iota // a, a=1, positional-only too
	ParamVarArgs                     // *args
	ParamKwOnly                      // after * or *args
	ParamVarKw                       // **kwargs
)

// Param is one function parameter.
type Param struct {
	Name       string
	Kind       ParamKind
	Default    Expr // nil when none
	Annotation Expr // nil when none
	Pos        Pos
}

// Function is a def, async def, lambda, or the module pseudo-function.
type Function struct {
	Name string
	// QualName is the dotted name inside the module: "f", "Cls.method",
	// "outer.inner" for a nested def, "<module>" for module code,
	// "f.<lambda>@12" for a lambda.
	QualName   string
	Params     []*Param
	Decorators []Expr
	Returns    Expr // return annotation; nil when none
	Body       []Stmt
	IsAsync    bool
	IsLambda   bool
	// Class is the class whose body defines this function directly
	// (a method); nil otherwise.
	Class *Class
	// Outer is the enclosing function for nested defs and lambdas (the
	// module pseudo-function is nobody's Outer: it is nil for top-level
	// functions).
	Outer *Function
	Span  Span
}

// ---------------------------------------------------------------------------
// Statements

// Stmt is a statement. Every statement knows its span.
type Stmt interface {
	StmtSpan() Span
}

// StmtBase carries the span; embed it in every statement.
type StmtBase struct{ Span Span }

func (s *StmtBase) StmtSpan() Span { return s.Span }

// Assign is "a = b", "a = b = c", "a: T = b", "a += b", "x.y = v",
// "d[k] = v", "a, b = t". Targets holds one entry per "=" target.
// For augmented assignment Op is the operator without "=" ("+", "|", ...)
// and Targets has one element. For an annotation without a value
// ("a: int"), Value is nil. Annotation is the declared type ("a: T = v"),
// nil when none.
type Assign struct {
	StmtBase
	Targets    []Expr
	Value      Expr
	Op         string
	Annotation Expr
}

// ExprStmt is an expression used as a statement (usually a call).
type ExprStmt struct {
	StmtBase
	X Expr
}

// Return is "return" or "return x" (Value nil for the bare form).
type Return struct {
	StmtBase
	Value Expr
}

// If is if/elif/else; elif chains nest as an If inside Else.
type If struct {
	StmtBase
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// For is "for T in I: ... else: ...".
type For struct {
	StmtBase
	Target  Expr
	Iter    Expr
	Body    []Stmt
	Else    []Stmt
	IsAsync bool
}

// While is "while C: ... else: ...".
type While struct {
	StmtBase
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// WithItem is one "ctx as target" of a with statement (Target may be nil).
type WithItem struct {
	Ctx    Expr
	Target Expr
}

// With is "with a as b, c: ...".
type With struct {
	StmtBase
	Items   []*WithItem
	Body    []Stmt
	IsAsync bool
}

// Handler is one "except T as name:" clause. Type is nil for a bare
// except; Name is empty when there is no "as".
type Handler struct {
	Type Expr
	Name string
	Body []Stmt
	Span Span
}

// Try is try/except/else/finally (except* included).
type Try struct {
	StmtBase
	Body     []Stmt
	Handlers []*Handler
	Else     []Stmt
	Finally  []Stmt
}

// Raise is "raise", "raise E" or "raise E from C".
type Raise struct {
	StmtBase
	Exc   Expr
	Cause Expr
}

// FuncDef defines a function (its decorators are on the Function).
type FuncDef struct {
	StmtBase
	Func *Function
}

// ClassDef defines a class.
type ClassDef struct {
	StmtBase
	Class *Class
}

// ImportStmt is an import statement; its bindings are also in
// Module.Imports.
type ImportStmt struct {
	StmtBase
	Imports []*Import
}

// Global is "global a, b" (IsNonlocal false) or "nonlocal a, b".
type Global struct {
	StmtBase
	Names      []string
	IsNonlocal bool
}

// Delete is "del a, b[k]".
type Delete struct {
	StmtBase
	Targets []Expr
}

// Assert is "assert Test, Msg".
type Assert struct {
	StmtBase
	Test Expr
	Msg  Expr
}

// Match is a match statement; each case becomes a MatchCase whose Pattern
// is kept as an expression where possible (captures as Name).
type Match struct {
	StmtBase
	Subject Expr
	Cases   []*MatchCase
}

// MatchCase is one "case P if G:" arm.
type MatchCase struct {
	Pattern Expr
	Guard   Expr
	Body    []Stmt
}

// Pass stands for pass, break, continue and other statements with no data
// flow of their own. Keyword says which ("pass", "break", "continue").
type Pass struct {
	StmtBase
	Keyword string
}

// ---------------------------------------------------------------------------
// Expressions

// Expr is an expression. Every expression knows its span.
type Expr interface {
	ExprSpan() Span
}

// ExprBase carries the span; embed it in every expression.
type ExprBase struct{ Span Span }

func (e *ExprBase) ExprSpan() Span { return e.Span }

// Name is an identifier.
type Name struct {
	ExprBase
	Id string
}

// Attr is "X.Name".
type Attr struct {
	ExprBase
	X    Expr
	Name string
}

// Subscript is "X[Index]"; a slice index is a *Slice.
type Subscript struct {
	ExprBase
	X     Expr
	Index Expr
}

// Slice is "a:b:c" inside a subscript.
type Slice struct {
	ExprBase
	Lower, Upper, Step Expr
}

// Arg is one argument of a call: positional (Name ""), keyword
// (Name set), "*x" (Star) or "**x" (DoubleStar).
type Arg struct {
	Name       string
	Value      Expr
	Star       bool
	DoubleStar bool
}

// Call is "Func(args...)".
type Call struct {
	ExprBase
	Func Expr
	Args []*Arg
}

// ConstKind is the kind of a literal.
type ConstKind int

const (
	ConstStr ConstKind = iota + 1
	ConstBytes
	ConstInt
	ConstFloat
	ConstBool
	ConstNone
	ConstEllipsis
)

// Const is a literal. For strings and bytes, Value is the decoded content
// (quotes and prefixes removed, implicit concatenation joined, common
// escapes decoded); for numbers, the source text; for True/False/None
// the keyword.
type Const struct {
	ExprBase
	Kind  ConstKind
	Value string
}

// FString is an f-string (or an implicit concatenation that includes
// one). Parts are the interpolated expressions in order; Text is the
// literal text with each interpolation replaced by "{}" (used to match
// URLs and role names).
type FString struct {
	ExprBase
	Parts []Expr
	Text  string
}

// BinOp is "L Op R" for arithmetic and bitwise operators: "+", "-", "*",
// "/", "//", "%", "**", "@", "|", "&", "^", "<<", ">>".
type BinOp struct {
	ExprBase
	Op   string
	L, R Expr
}

// BoolOp is "a and b and c" / "a or b".
type BoolOp struct {
	ExprBase
	Op     string // "and" or "or"
	Values []Expr
}

// Compare is "L op1 C1 op2 C2 ..." with ops "<", "==", "in", "not in",
// "is", "is not", ...
type Compare struct {
	ExprBase
	L           Expr
	Ops         []string
	Comparators []Expr
}

// UnaryOp is "not x", "-x", "+x", "~x".
type UnaryOp struct {
	ExprBase
	Op string
	X  Expr
}

// SeqKind distinguishes list, tuple and set displays.
type SeqKind int

const (
	SeqList SeqKind = iota + 1
	SeqTuple
	SeqSet
)

// Seq is a list, tuple or set display; elements may be *Starred.
type Seq struct {
	ExprBase
	Kind  SeqKind
	Elems []Expr
}

// Dict is a dict display. Keys[i] is nil for a "**spread" whose value is
// Values[i].
type Dict struct {
	ExprBase
	Keys   []Expr
	Values []Expr
}

// CompKind is the kind of a comprehension.
type CompKind int

const (
	CompList CompKind = iota + 1
	CompSet
	CompDict
	CompGen
)

// CompFor is one "for T in I if C..." clause of a comprehension.
type CompFor struct {
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// Comprehension is a list/set/dict comprehension or generator expression.
// For a dict comprehension Key is set.
type Comprehension struct {
	ExprBase
	Kind CompKind
	Key  Expr
	Elt  Expr
	For  []*CompFor
}

// Lambda is "lambda params: body"; Func.Body holds a single Return.
type Lambda struct {
	ExprBase
	Func *Function
}

// IfExp is "Body if Cond else Else".
type IfExp struct {
	ExprBase
	Cond, Body, Else Expr
}

// Await is "await X".
type Await struct {
	ExprBase
	X Expr
}

// Yield is "yield X" (X may be nil) or "yield from X".
type Yield struct {
	ExprBase
	X    Expr
	From bool
}

// Starred is "*X" in a call, display or assignment target.
type Starred struct {
	ExprBase
	X Expr
}

// NamedExpr is "Target := Value".
type NamedExpr struct {
	ExprBase
	Target *Name
	Value  Expr
}

// Unknown is an expression the parser could not convert (an ERROR node,
// or a construct the IR does not model). Children keeps the convertible
// subexpressions so that taint inside them is not lost.
type Unknown struct {
	ExprBase
	Children []Expr
}
