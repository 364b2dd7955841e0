//go:build cgo

package pyparse

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/ir"
)

func parse(t *testing.T, src string) *ir.Module {
	t.Helper()
	p := New()
	defer p.Close()
	m, err := p.Parse("pkg/mod.py", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

// dedent strips the leading tabs of a raw-string test source (the
// Python inside indents with spaces).
func dedent(s string) string {
	s = strings.TrimPrefix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

func TestExpressions(t *testing.T) {
	tests := []struct{ src, want string }{
		{`a`, `a`},
		{`a.b.c`, `a.b.c`},
		{`a[1]`, `a[1]`},
		{`a[1, 2]`, `a[(1, 2)]`},
		{`a[1:2]`, `a[1:2]`},
		{`a[::3]`, `a[::3]`},
		{`a[x:, :y]`, `a[(x:, :y)]`},
		{`f(x, *y, k=1, **z)`, `f(x, *y, k=1, **z)`},
		{`f(x for x in y)`, `f((x for x in y))`},
		{`request.POST.get("q")`, `request.POST.get("q")`},
		{`"a" 'b'`, `"ab"`},
		{`"a\n\t\x41\101\u00e9\\"`, `"a\n\tAAé\\"`},
		{`r"\d\n"`, `"\\d\\n"`},
		{`b"\x00\xff"`, `b"\x00\xff"`},
		{`"""tri
ple"""`, `"tri\nple"`},
		{`"a\
b"`, `"ab"`},
		{`"\N{DASH} \q"`, `"\\N{DASH} \\q"`},
		{`f"hi {name}!"`, `f"hi {}!"<name>`},
		{`f"{a!r:>{w}} {{lit}}"`, `f"{} {lit}"<a, w>`},
		{`f"{x:{y}.{z}f}"`, `f"{}"<x, y, z>`},
		{`f"{x=}"`, `f"x={}"<x>`},
		{`f"{x = !r}"`, `f"x = {}"<x>`},
		{`"http://" f"{host}/v1/chat/completions" "?a"`, `f"http://{}/v1/chat/completions?a"<host>`},
		{`rf"\d{x}"`, `f"\\d{}"<x>`},
		{`f"{a, b}"`, `f"{}"<(a, b)>`},
		{`f"{f'{inner}'}"`, `f"{}"<f"{}"<inner>>`},
		{`1`, `1`},
		{`1.5`, `1.5`},
		{`0x1F`, `0x1F`},
		{`True`, `True`},
		{`False`, `False`},
		{`None`, `None`},
		{`...`, `...`},
		{`a + b * c`, `(a + (b * c))`},
		{`a ** -b`, `(a ** (-b))`},
		{`a // b % c @ d`, `(((a // b) % c) @ d)`},
		{`a | b & c`, `(a | (b & c))`},
		{`a ^ b << c >> d`, `(a ^ ((b << c) >> d))`},
		{`a and b and c`, `(a and b and c)`},
		{`a or b and c`, `(a or (b and c))`},
		{`(a and b) and c`, `((a and b) and c)`},
		{`not a`, `(not a)`},
		{`~a`, `(~a)`},
		{`+a`, `(+a)`},
		{`a < b <= c`, `(a < b <= c)`},
		{`a is not b`, `(a is not b)`},
		{`a not in b`, `(a not in b)`},
		{`a in b == c != d`, `(a in b == c != d)`},
		{`[1, *a]`, `[1, *a]`},
		{`(1,)`, `(1,)`},
		{`()`, `()`},
		{`{1, 2}`, `{1, 2}`},
		{`{"k": v, **rest}`, `{"k": v, **rest}`},
		{`{}`, `{}`},
		{`[x for x in y if x if z for w in x]`, `[x for x in y if x if z for w in x]`},
		{`{x for x in y}`, `{x for x in y}`},
		{`{k: v for k, v in d.items()}`, `{k: v for (k, v) in d.items()}`},
		{`(x async for x in y)`, `(x async for x in y)`},
		{`lambda: 0`, `lambda(): 0`},
		{`lambda a, b=1, *c, d, **e: a`, `lambda(a, b=1, *c, kw:d, **e): a`},
		{`a if c else b`, `(a if c else b)`},
		{`(((a)))`, `a`},
		{`(n := f(x))`, `(n := f(x))`},
		{`[y := 1, y]`, `[(y := 1), y]`},
		{`print("x", file=f)`, `print("x", file=f)`},
		{`x.y(z)[0].w`, `x.y(z)[0].w`},
	}
	for _, tt := range tests {
		m := parse(t, "v = "+tt.src+"\n")
		if len(m.SyntaxErrors) > 0 {
			t.Errorf("%s: syntax errors %v", tt.src, m.SyntaxErrors)
		}
		if len(m.Body.Body) != 1 {
			t.Errorf("%s: %d statements", tt.src, len(m.Body.Body))
			continue
		}
		a, ok := m.Body.Body[0].(*ir.Assign)
		if !ok {
			t.Errorf("%s: got %T", tt.src, m.Body.Body[0])
			continue
		}
		if got := render(a.Value); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestExpressionStatements(t *testing.T) {
	tests := []struct{ src, want string }{
		{`await client.chat.completions.create(messages=m)`, `await client.chat.completions.create(messages=m)`},
		{`yield`, `yield`},
		{`yield x`, `yield x`},
		{`yield from gen()`, `yield from gen()`},
		{`x = yield y`, `x = yield y`},
		{`a, b`, `(a, b)`},
		{`print "x", y`, `print("x", y)`},
		{`print >>sys.stderr, "x"`, `print(file=sys.stderr, "x")`},
		{`print`, `print`},
		{`exec "code" in g`, `exec("code", g)`},
	}
	for _, tt := range tests {
		src := "def f():\n    " + tt.src + "\n"
		m := parse(t, src)
		got := strings.TrimSpace(renderStmts(m.Functions[0].Body))
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestStatements(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"assign", `a = 1`, `a = 1`},
		{"chained", `a = b = c`, `a = b = c`},
		{"tuple target", `a, *b = t`, `(a, *b) = t`},
		{"paren target", `(a, b) = c, d`, `(a, b) = (c, d)`},
		{"list target", `[a, b] = t`, `[a, b] = t`},
		{"attr and subscript", `x.y = d[k] = v`, `x.y = d[k] = v`},
		{"annotated", `x: int = 4`, `x: int = 4`},
		{"annotation only", `x: int`, `x: int = <nil>`},
		{"annotated attribute", `self.model: "BaseChatModel" = model`, `self.model: "BaseChatModel" = model`},
		{"augmented", `a += 1`, `a += 1`},
		{"augmented or", `a |= b`, `a |= b`},
		{"augmented shift", `a >>= 2`, `a >>= 2`},
		{"augmented floordiv", `a //= 2`, `a //= 2`},
		{"pass break continue", "while x:\n    pass\n    break\n    continue", "while x:\n  pass\n  break\n  continue"},
		{"if elif else", dedent(`
			if a:
			    x
			elif b:
			    y
			elif c:
			    z
			else:
			    w`), "if a:\n  x\nelse:\n  if b:\n    y\n  else:\n    if c:\n      z\n    else:\n      w"},
		{"for else", "for i, j in x.items():\n    f(i)\nelse:\n    g()", "for (i, j) in x.items():\n  f(i)\nelse:\n  g()"},
		{"async for", "async def f():\n    async for x in y:\n        pass", "async def f():\n  async for x in y:\n    pass"},
		{"while else", "while x:\n    f()\nelse:\n    g()", "while x:\n  f()\nelse:\n  g()"},
		{"with", "with open(f) as g, h, (i as j):\n    pass", "with open(f) as g, h, i as j:\n  pass"},
		{"with parens", "with (open(a) as b, c as (d, e)):\n    pass", "with open(a) as b, c as (d, e):\n  pass"},
		{"async with", "async def f():\n    async with lock:\n        pass", "async def f():\n  async with lock:\n    pass"},
		{"try", dedent(`
			try:
			    a()
			except ValueError as e:
			    raise RuntimeError(str(e)) from e
			except (A, B):
			    raise
			except:
			    pass
			else:
			    b()
			finally:
			    c()`), "try:\n  a()\nexcept ValueError as e:\n  raise RuntimeError(str(e)) from e\nexcept (A, B):\n  raise\nexcept:\n  pass\nelse:\n  b()\nfinally:\n  c()"},
		{"except star", "try:\n    a()\nexcept* E as eg:\n    pass", "try:\n  a()\nexcept E as eg:\n  pass"},
		{"return", "def f():\n    return\ndef g():\n    return a, b", "def f():\n  return\ndef g():\n  return (a, b)"},
		{"global nonlocal", "def f():\n    global a, b\n    nonlocal c", "def f():\n  global a, b\n  nonlocal c"},
		{"del", `del a, b[k], c.d`, `del a, b[k], c.d`},
		{"assert", "assert x\nassert x, \"m\"", "assert x\nassert x, \"m\""},
		{"match", dedent(`
			match cmd:
			    case Point(x=0, y=yy) as p if p.ok:
			        pass
			    case [1, *rest] | {"k": v, **kw}:
			        pass
			    case 1, 2:
			        pass
			    case a.B:
			        pass
			    case -1 | "s" | None:
			        pass
			    case (x, _):
			        pass
			    case _:
			        pass`), "match cmd:\n  case (p := Point(x=0, y=yy)) if p.ok:\n    pass\n  case ([1, *rest] | {\"k\": v, **kw}):\n    pass\n  case (1, 2):\n    pass\n  case a.B:\n    pass\n  case (((-1) | \"s\") | None):\n    pass\n  case (x, _):\n    pass\n  case _:\n    pass"},
		{"type alias", `type X = list[int]`, `X = list[int]`},
		{"semicolons", `a = 1; b = 2`, "a = 1\nb = 2"},
		{"one-line if", `if a: b(); c()`, "if a:\n  b()\n  c()"},
		{"class body", "class C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): pass", "class C(B, metaclass=M, **kw):\n  x = 1\n  def C.m(self):\n    pass"},
		{"decorated", "@a.b(1)\n@c\ndef f(): pass", "@a.b(1)\n@c\ndef f():\n  pass"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, tt.src+"\n")
			if len(m.SyntaxErrors) > 0 {
				t.Errorf("syntax errors %v", m.SyntaxErrors)
			}
			got := strings.TrimRight(renderStmts(m.Body.Body), "\n")
			if got != tt.want {
				t.Errorf("\n got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestImports(t *testing.T) {
	src := dedent(`
		import os
		import a.b.c, d as e
		import a.b as c
		from ..x import (a as b, c)
		from . import y
		from .m.n import z
		from x import *
		from __future__ import annotations
		def f():
		    from django.conf import settings
		    import json
		`)
	m := parse(t, src)
	var got []string
	for _, im := range m.Imports {
		got = append(got, renderImport(im))
	}
	want := []string{
		"os|0||", "a.b.c|0||", "d|0||e", "a.b|0||c", "x|2|a|b", "x|2|c|",
		"|1|y|", "m.n|1|z|", "x|0|*|", "__future__|0|annotations|",
		"django.conf|0|settings||fn", "json|0|||fn",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imports\n got %q\nwant %q", got, want)
	}
	if b := m.Imports[1].Bound(); b != "a" {
		t.Errorf("Bound of import a.b.c = %q", b)
	}
	if p := m.Imports[4].Pos; p != (ir.Pos{Line: 4, Col: 18}) {
		t.Errorf("pos of 'a as b' = %v", p)
	}
	// The import inside f is also an ImportStmt of f's body.
	f := m.Functions[0]
	is, ok := f.Body[0].(*ir.ImportStmt)
	if !ok || len(is.Imports) != 1 || is.Imports[0] != m.Imports[10] {
		t.Errorf("function body import: %#v", f.Body[0])
	}
	if _, ok := m.Body.Body[0].(*ir.ImportStmt); !ok {
		t.Errorf("module body[0] is %T", m.Body.Body[0])
	}
}

func TestFunctions(t *testing.T) {
	src := dedent(`
		@login_required
		async def view(request, pk: int = 1, /, q="x", *args, key, opt: str = None, **kw) -> "Resp":
		    def inner(a):
		        g = lambda y: lambda: y
		        return g
		    class Local:
		        def meth(self):
		            pass
		    return inner

		def kwonly(*, a, b=2):
		    pass

		class Outer(Base):
		    f = lambda self: self
		    class Inner:
		        def m(self):
		            def deep():
		                pass
		    if DEBUG:
		        def cond(self):
		            pass
		`)
	m := parse(t, src)
	var names []string
	for _, f := range m.Functions {
		names = append(names, f.QualName)
	}
	want := []string{"view", "view.inner", "view.Local.meth", "kwonly", "Outer.Inner.m", "Outer.Inner.m.deep", "Outer.cond"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("functions %q, want %q", names, want)
	}
	byName := map[string]*ir.Function{}
	for _, f := range m.Functions {
		byName[f.QualName] = f
	}
	view := byName["view"]
	if !view.IsAsync || view.Outer != nil || view.Class != nil {
		t.Errorf("view: async=%v outer=%v class=%v", view.IsAsync, view.Outer, view.Class)
	}
	if got := renderParams(view.Params); got != `request, pk: int=1, q="x", *args, kw:key, kw:opt: str=None, **kw` {
		t.Errorf("view params: %s", got)
	}
	if view.Params[1].Pos != (ir.Pos{Line: 2, Col: 25}) {
		t.Errorf("pk pos %v", view.Params[1].Pos)
	}
	if len(view.Decorators) != 1 || render(view.Decorators[0]) != "login_required" {
		t.Errorf("decorators %v", view.Decorators)
	}
	if render(view.Returns) != `"Resp"` {
		t.Errorf("returns %s", render(view.Returns))
	}
	// Function.Span is the def; the FuncDef statement includes decorators.
	if view.Span.Start != (ir.Pos{Line: 2, Col: 1}) {
		t.Errorf("view span %v", view.Span)
	}
	if sp := m.Body.Body[0].StmtSpan(); sp.Start != (ir.Pos{Line: 1, Col: 1}) || sp.End != (ir.Pos{Line: 9, Col: 17}) {
		t.Errorf("FuncDef span %v", sp)
	}
	inner := byName["view.inner"]
	if inner.Outer != view || inner.Class != nil {
		t.Errorf("inner outer/class wrong")
	}
	// Lambdas: "view.inner.<lambda>@4", nested one inside it.
	asg := inner.Body[0].(*ir.Assign)
	lam := asg.Value.(*ir.Lambda)
	if lam.Func.QualName != "view.inner.<lambda>@4" || lam.Func.Outer != inner || !lam.Func.IsLambda || lam.Func.Name != "<lambda>" {
		t.Errorf("lambda: %q outer=%v", lam.Func.QualName, lam.Func.Outer)
	}
	in2 := lam.Func.Body[0].(*ir.Return).Value.(*ir.Lambda)
	if in2.Func.QualName != "view.inner.<lambda>@4.<lambda>@4" || in2.Func.Outer != lam.Func {
		t.Errorf("nested lambda: %q", in2.Func.QualName)
	}
	if got := render(in2.Func.Body[0].(*ir.Return).Value); got != "y" {
		t.Errorf("nested lambda body %s", got)
	}
	meth := byName["view.Local.meth"]
	if meth.Class == nil || meth.Class.QualName != "view.Local" || meth.Outer != view {
		t.Errorf("meth: class=%v outer=%v", meth.Class, meth.Outer)
	}
	if got := renderParams(byName["kwonly"].Params); got != "kw:a, kw:b=2" {
		t.Errorf("kwonly params %s", got)
	}
	if c := byName["Outer.cond"]; c.Class == nil || c.Class.QualName != "Outer" {
		t.Errorf("method under if: class %v", c.Class)
	}
	deep := byName["Outer.Inner.m.deep"]
	if deep.Outer != byName["Outer.Inner.m"] || deep.Class != nil {
		t.Errorf("deep outer %v", deep.Outer)
	}

	var classes []string
	for _, c := range m.Classes {
		classes = append(classes, c.QualName)
	}
	if !reflect.DeepEqual(classes, []string{"view.Local", "Outer", "Outer.Inner"}) {
		t.Errorf("classes %q", classes)
	}
	local, outer, innerCls := m.Classes[0], m.Classes[1], m.Classes[2]
	if local.Outer != view || outer.Outer != nil || innerCls.Outer != nil {
		t.Errorf("class outers: %v %v %v", local.Outer, outer.Outer, innerCls.Outer)
	}
	if len(outer.Methods) != 1 || outer.Methods[0].Name != "cond" {
		t.Errorf("Outer methods %v", outer.Methods)
	}
	if len(outer.Bases) != 1 || render(outer.Bases[0]) != "Base" {
		t.Errorf("bases %v", outer.Bases)
	}
	// A class-level lambda is not a method.
	cl := outer.Body[0].(*ir.Assign).Value.(*ir.Lambda)
	if cl.Func.QualName != "Outer.<lambda>@15" || cl.Func.Class != nil || cl.Func.Outer != nil {
		t.Errorf("class lambda %q", cl.Func.QualName)
	}
	if m.Body.QualName != "<module>" || m.Body.Name != "<module>" {
		t.Errorf("module body %q", m.Body.QualName)
	}
	// Module-level lambda.
	m2 := parse(t, "\n\nk = lambda: 1\n")
	if q := m2.Body.Body[0].(*ir.Assign).Value.(*ir.Lambda).Func.QualName; q != "<lambda>@3" {
		t.Errorf("module lambda %q", q)
	}
}

func TestClassKeywords(t *testing.T) {
	m := parse(t, "@dataclass(frozen=True)\nclass C(A, *mixins, metaclass=Meta, **opts):\n    pass\n")
	c := m.Classes[0]
	var b []string
	for _, x := range c.Bases {
		b = append(b, render(x))
	}
	if !reflect.DeepEqual(b, []string{"A", "*mixins"}) {
		t.Errorf("bases %q", b)
	}
	if len(c.Keywords) != 2 || c.Keywords[0].Name != "metaclass" || render(c.Keywords[0].Value) != "Meta" || !c.Keywords[1].DoubleStar {
		t.Errorf("keywords %+v", c.Keywords)
	}
	if len(c.Decorators) != 1 || render(c.Decorators[0]) != "dataclass(frozen=True)" {
		t.Errorf("decorators %v", c.Decorators)
	}
	if c.Span.Start.Line != 2 || m.Body.Body[0].StmtSpan().Start.Line != 1 {
		t.Errorf("spans %v %v", c.Span, m.Body.Body[0].StmtSpan())
	}
}

func TestSpans(t *testing.T) {
	m := parse(t, "x = foo(a, b)\nif y:\n    z = 1\n")
	a := m.Body.Body[0].(*ir.Assign)
	if a.Span != (ir.Span{Start: ir.Pos{Line: 1, Col: 1}, End: ir.Pos{Line: 1, Col: 14}}) {
		t.Errorf("assign span %v", a.Span)
	}
	call := a.Value.(*ir.Call)
	if call.Span != (ir.Span{Start: ir.Pos{Line: 1, Col: 5}, End: ir.Pos{Line: 1, Col: 14}}) {
		t.Errorf("call span %v", call.Span)
	}
	if sp := call.Args[1].Value.ExprSpan(); sp != (ir.Span{Start: ir.Pos{Line: 1, Col: 12}, End: ir.Pos{Line: 1, Col: 13}}) {
		t.Errorf("arg span %v", sp)
	}
	ifs := m.Body.Body[1].(*ir.If)
	if ifs.Span.Start != (ir.Pos{Line: 2, Col: 1}) || ifs.Span.End.Line != 3 {
		t.Errorf("if span %v", ifs.Span)
	}
	if m.Lines != 3 || m.Path != "pkg/mod.py" || m.IsPackage {
		t.Errorf("lines %d path %q", m.Lines, m.Path)
	}
	if m.Body.Span.Start != (ir.Pos{Line: 1, Col: 1}) {
		t.Errorf("module span %v", m.Body.Span)
	}
}

func TestUTF16Columns(t *testing.T) {
	// "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
	src := "x = 1\ns = \"é😀\"; y = f(z)\n"
	m := parse(t, src)
	y := m.Body.Body[2].(*ir.Assign)
	// Byte column of "y" is 14 (0-based); UTF-16 column is 11, so Col 12.
	if y.Span.Start != (ir.Pos{Line: 2, Col: 12}) {
		t.Errorf("y start %v", y.Span.Start)
	}
	s := m.Body.Body[1].(*ir.Assign)
	if s.Span.Start != (ir.Pos{Line: 2, Col: 1}) || s.Value.ExprSpan().End != (ir.Pos{Line: 2, Col: 10}) {
		t.Errorf("s span %v value %v", s.Span, s.Value.ExprSpan())
	}
	if v := s.Value.(*ir.Const).Value; v != "é😀" {
		t.Errorf("value %q", v)
	}
	// ASCII line in the same file: byte columns.
	if x := m.Body.Body[0].(*ir.Assign).Value.ExprSpan().Start; x != (ir.Pos{Line: 1, Col: 5}) {
		t.Errorf("x value start %v", x)
	}
}

func TestDirectives(t *testing.T) {
	src := dedent(`
		# llmleak: ignore
		a = f(x)  # llmleak: ignore[LK101, lk2] reviewed by sec
		b = g(y)  # NOQA
		c = 1  # noqa: LK101, E501 legacy
		d = "# noqa: LK999"
		e = 2  # type: ignore  # noqa:LK105
		# llmleak: ignored
		# noqa-ish
		h = 3 # llmleak:ignore - false positive
		`)
	m := parse(t, src)
	type d struct {
		Kind   ir.DirectiveKind
		Line   int
		Rules  string
		Reason string
		Own    bool
	}
	var got []d
	for _, x := range m.Directives {
		got = append(got, d{x.Kind, int(x.Pos.Line), strings.Join(x.Rules, ","), x.Reason, x.Own})
	}
	want := []d{
		{ir.DirectiveIgnore, 1, "", "", true},
		{ir.DirectiveIgnore, 2, "LK101,LK2", "reviewed by sec", false},
		{ir.DirectiveNoqa, 3, "", "", false},
		{ir.DirectiveNoqa, 4, "LK101,E501", "legacy", false},
		{ir.DirectiveNoqa, 6, "LK105", "", false},
		{ir.DirectiveIgnore, 9, "", "false positive", false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("directives\n got %+v\nwant %+v", got, want)
	}
	if p := m.Directives[1].Pos; p != (ir.Pos{Line: 2, Col: 11}) {
		t.Errorf("directive pos %v", p)
	}
}

func TestSyntaxErrorRecovery(t *testing.T) {
	src := dedent(`
		def good_before(request):
		    return ask(request.data)

		def broken(:
		    x = 1

		def good_after():
		    client.chat.completions.create(messages=[{"role": "user", "content": secret}])

		class K:
		    y = foo(
		`)
	m := parse(t, src)
	if len(m.SyntaxErrors) == 0 {
		t.Fatal("no syntax errors reported")
	}
	names := map[string]bool{}
	for _, f := range m.Functions {
		names[f.QualName] = true
	}
	for _, n := range []string{"good_before", "good_after"} {
		if !names[n] {
			t.Errorf("function %s lost; have %v", n, names)
		}
	}
	var after *ir.Function
	for _, f := range m.Functions {
		if f.Name == "good_after" {
			after = f
		}
	}
	if after != nil {
		got := strings.TrimSpace(renderStmts(after.Body))
		if want := `client.chat.completions.create(messages=[{"role": "user", "content": secret}])`; got != want {
			t.Errorf("good_after body %s", got)
		}
	}
}

func TestErrorKeepsExpressions(t *testing.T) {
	m := parse(t, "class K:\n    y = foo(\ndef after(): pass\nprint(secret)\n")
	if len(m.SyntaxErrors) == 0 {
		t.Fatal("no syntax errors")
	}
	all := renderStmts(m.Body.Body)
	if !strings.Contains(all, "print(secret)") {
		t.Errorf("print(secret) lost in\n%s", all)
	}
}

func TestSyntaxErrorCap(t *testing.T) {
	m := parse(t, strings.Repeat("def (:\n", 200))
	if n := len(m.SyntaxErrors); n == 0 || n > maxSyntaxErrors {
		t.Errorf("%d syntax errors", n)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct{ open, close string }{{"(", ")"}, {"[", "]"}, {"f(", ")"}, {"-", ""}, {"not ", ""}} {
		src := "x = " + strings.Repeat(tc.open, 5000) + "secret" + strings.Repeat(tc.close, 5000) + "\n"
		m := parse(t, src)
		a, ok := m.Body.Body[0].(*ir.Assign)
		if !ok {
			t.Fatalf("%s: got %T", tc.open, m.Body.Body[0])
		}
		// The name at the bottom survives, under an Unknown if need be.
		if !strings.Contains(render(a.Value), "secret") {
			t.Errorf("%s: secret lost", tc.open)
		}
	}
	// Deeply nested blocks.
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", 1000) + "leak(secret)\n")
	m := parse(t, b.String())
	if !strings.Contains(renderStmts(m.Body.Body), "secret") {
		t.Errorf("secret lost in nested blocks")
	}
	// A long flat chain is fine too.
	m = parse(t, "x = a"+strings.Repeat(" and a", 3000)+"\n")
	if v := m.Body.Body[0].(*ir.Assign).Value.(*ir.BoolOp); len(v.Values) != 3001 {
		t.Errorf("bool chain %d values", len(v.Values))
	}
}

func TestOddInputs(t *testing.T) {
	for _, src := range []string{"", "\n", "\x00\xff\xfe", "def", "'''unterminated", "f\"{\"", "\\\n", "(((((", "x = \"\\", "\ufeffx = 1\n", "lambda", "match x:\n case", "print >>", "@\n"} {
		p := New()
		m, err := p.Parse("odd.py", []byte(src))
		p.Close()
		if err != nil || m == nil || m.Body == nil {
			t.Errorf("%q: m=%v err=%v", src, m, err)
		}
	}
	m := parse(t, "")
	if m.Lines != 0 || len(m.Body.Body) != 0 {
		t.Errorf("empty: lines %d", m.Lines)
	}
	if m := parse(t, "a\nb"); m.Lines != 2 {
		t.Errorf("lines %d", m.Lines)
	}
}

func TestIsPackage(t *testing.T) {
	p := New()
	defer p.Close()
	m, err := p.Parse("shop/__init__.py", []byte("x = 1\n"))
	if err != nil || !m.IsPackage || m.Path != "shop/__init__.py" {
		t.Errorf("IsPackage=%v path=%q err=%v", m.IsPackage, m.Path, err)
	}
}

func TestParserReuseAndParseOnly(t *testing.T) {
	p := New()
	defer p.Close()
	big := strings.Repeat("x = f(a, b, [c, d], {e: g})\n", 3000)
	for i, src := range []string{big, "y = 2\n", big} {
		m, err := p.Parse("r.py", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Count(src, "\n"); len(m.Body.Body) != want {
			t.Errorf("run %d: %d statements, want %d", i, len(m.Body.Body), want)
		}
	}
	if err := p.ParseOnly([]byte(big)); err != nil {
		t.Errorf("ParseOnly: %v", err)
	}
	p.Close()
	if _, err := p.Parse("r.py", []byte("x")); err == nil {
		t.Error("Parse on a closed parser succeeded")
	}
}

func TestDecodeString(t *testing.T) {
	tests := []struct {
		in              string
		raw, bytes, fst bool
		want            string
	}{
		{`plain`, false, false, false, "plain"},
		{`a\tb`, false, false, false, "a\tb"},
		{`a\tb`, true, false, false, `a\tb`},
		{`\x41\101\0`, false, false, false, "AA\x00"},
		{`\xe9`, false, true, false, "\xe9"},
		{`\xe9`, false, false, false, "é"},
		{`\u00e9\U0001F600`, false, false, false, "é😀"},
		{`\u00e9`, false, true, false, `\u00e9`},
		{`{{x}}`, false, false, true, "{x}"},
		{`{{x}}`, true, false, true, "{x}"},
		{`\z`, false, false, false, `\z`},
		{`end\`, false, false, false, `end\`},
	}
	for _, tt := range tests {
		if got := decodeString(tt.in, tt.raw, tt.bytes, tt.fst); got != tt.want {
			t.Errorf("decodeString(%q, raw=%v, bytes=%v, f=%v) = %q, want %q", tt.in, tt.raw, tt.bytes, tt.fst, got, tt.want)
		}
	}
}

func TestParsersInParallel(t *testing.T) {
	src := []byte("def f(request):\n    return ask(f\"{request.data}\")\n")
	done := make(chan error)
	for w := 0; w < 4; w++ {
		go func() {
			p := New()
			defer p.Close()
			for i := 0; i < 50; i++ {
				m, err := p.Parse("w.py", src)
				if err == nil && len(m.Functions) != 1 {
					err = fmt.Errorf("%d functions", len(m.Functions))
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestKindNamesExistInGrammar(t *testing.T) {
	seen := map[kind]bool{}
	for _, k := range symKinds {
		seen[k] = true
	}
	for name, k := range namedKinds {
		if !seen[k] {
			t.Errorf("node kind %q is not a named symbol of the grammar", name)
		}
	}
	for name, k := range anonKinds {
		if !seen[k] {
			t.Errorf("token %q is not an anonymous symbol of the grammar", name)
		}
	}
}
