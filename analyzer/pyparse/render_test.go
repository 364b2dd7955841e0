//go:build cgo

package pyparse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// render prints an IR expression back in a compact, Python-like form so
// that tests can assert whole trees in one string. Constants print quoted
// (%q) for strings and with a b prefix for bytes; BinOp, BoolOp, Compare,
// UnaryOp, IfExp and NamedExpr are parenthesized; an FString prints as
// f"Text" followed by its parts in angle brackets; Unknown as ?(children).
func render(e ir.Expr) string {
	var b strings.Builder
	renderTo(&b, e)
	return b.String()
}

func renderList(b *strings.Builder, xs []ir.Expr) {
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		renderTo(b, x)
	}
}

func renderTo(b *strings.Builder, e ir.Expr) {
	switch e := e.(type) {
	case nil:
		b.WriteString("<nil>")
	case *ir.Name:
		b.WriteString(e.Id)
	case *ir.Attr:
		renderTo(b, e.X)
		b.WriteString("." + e.Name)
	case *ir.Subscript:
		renderTo(b, e.X)
		b.WriteString("[")
		renderTo(b, e.Index)
		b.WriteString("]")
	case *ir.Slice:
		if e.Lower != nil {
			renderTo(b, e.Lower)
		}
		b.WriteString(":")
		if e.Upper != nil {
			renderTo(b, e.Upper)
		}
		if e.Step != nil {
			b.WriteString(":")
			renderTo(b, e.Step)
		}
	case *ir.Call:
		renderTo(b, e.Func)
		b.WriteString("(")
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case a.Star:
				b.WriteString("*")
			case a.DoubleStar:
				b.WriteString("**")
			case a.Name != "":
				b.WriteString(a.Name + "=")
			}
			renderTo(b, a.Value)
		}
		b.WriteString(")")
	case *ir.Const:
		switch e.Kind {
		case ir.ConstStr:
			b.WriteString(strconv.Quote(e.Value))
		case ir.ConstBytes:
			b.WriteString("b" + strconv.Quote(e.Value))
		default:
			b.WriteString(e.Value)
		}
	case *ir.FString:
		b.WriteString("f" + strconv.Quote(e.Text) + "<")
		renderList(b, e.Parts)
		b.WriteString(">")
	case *ir.BinOp:
		b.WriteString("(")
		renderTo(b, e.L)
		b.WriteString(" " + e.Op + " ")
		renderTo(b, e.R)
		b.WriteString(")")
	case *ir.BoolOp:
		b.WriteString("(")
		for i, v := range e.Values {
			if i > 0 {
				b.WriteString(" " + e.Op + " ")
			}
			renderTo(b, v)
		}
		b.WriteString(")")
	case *ir.Compare:
		b.WriteString("(")
		renderTo(b, e.L)
		for i, op := range e.Ops {
			b.WriteString(" " + op + " ")
			renderTo(b, e.Comparators[i])
		}
		b.WriteString(")")
	case *ir.UnaryOp:
		b.WriteString("(" + e.Op)
		if e.Op == "not" {
			b.WriteString(" ")
		}
		renderTo(b, e.X)
		b.WriteString(")")
	case *ir.Seq:
		open, close := "[", "]"
		switch e.Kind {
		case ir.SeqTuple:
			open, close = "(", ")"
		case ir.SeqSet:
			open, close = "{", "}"
		}
		b.WriteString(open)
		renderList(b, e.Elems)
		if e.Kind == ir.SeqTuple && len(e.Elems) == 1 {
			b.WriteString(",")
		}
		b.WriteString(close)
	case *ir.Dict:
		b.WriteString("{")
		for i := range e.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if e.Keys[i] == nil {
				b.WriteString("**")
			} else {
				renderTo(b, e.Keys[i])
				b.WriteString(": ")
			}
			renderTo(b, e.Values[i])
		}
		b.WriteString("}")
	case *ir.Comprehension:
		br := map[ir.CompKind]string{ir.CompList: "[]", ir.CompSet: "{}", ir.CompDict: "{}", ir.CompGen: "()"}[e.Kind]
		open, close := br[:1], br[1:]
		b.WriteString(open)
		if e.Key != nil {
			renderTo(b, e.Key)
			b.WriteString(": ")
		}
		renderTo(b, e.Elt)
		for _, f := range e.For {
			if f.IsAsync {
				b.WriteString(" async")
			}
			b.WriteString(" for ")
			renderTo(b, f.Target)
			b.WriteString(" in ")
			renderTo(b, f.Iter)
			for _, c := range f.Ifs {
				b.WriteString(" if ")
				renderTo(b, c)
			}
		}
		b.WriteString(close)
	case *ir.Lambda:
		b.WriteString("lambda(" + renderParams(e.Func.Params) + "): ")
		if len(e.Func.Body) == 1 {
			if r, ok := e.Func.Body[0].(*ir.Return); ok {
				renderTo(b, r.Value)
			}
		}
	case *ir.IfExp:
		b.WriteString("(")
		renderTo(b, e.Body)
		b.WriteString(" if ")
		renderTo(b, e.Cond)
		b.WriteString(" else ")
		renderTo(b, e.Else)
		b.WriteString(")")
	case *ir.Await:
		b.WriteString("await ")
		renderTo(b, e.X)
	case *ir.Yield:
		b.WriteString("yield")
		if e.From {
			b.WriteString(" from")
		}
		if e.X != nil {
			b.WriteString(" ")
			renderTo(b, e.X)
		}
	case *ir.Starred:
		b.WriteString("*")
		renderTo(b, e.X)
	case *ir.NamedExpr:
		b.WriteString("(")
		renderTo(b, e.Target)
		b.WriteString(" := ")
		renderTo(b, e.Value)
		b.WriteString(")")
	case *ir.Unknown:
		b.WriteString("?(")
		renderList(b, e.Children)
		b.WriteString(")")
	default:
		fmt.Fprintf(b, "<%T>", e)
	}
}

func renderParams(ps []*ir.Param) string {
	var parts []string
	for _, p := range ps {
		s := p.Name
		switch p.Kind {
		case ir.ParamVarArgs:
			s = "*" + s
		case ir.ParamVarKw:
			s = "**" + s
		case ir.ParamKwOnly:
			s = "kw:" + s
		}
		if p.Annotation != nil {
			s += ": " + render(p.Annotation)
		}
		if p.Default != nil {
			s += "=" + render(p.Default)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// renderStmts prints statements one per line, nested bodies indented by
// two spaces, in a form close to Python.
func renderStmts(ss []ir.Stmt) string {
	var b strings.Builder
	renderStmtsTo(&b, ss, "")
	return b.String()
}

func renderStmtsTo(b *strings.Builder, ss []ir.Stmt, ind string) {
	for _, s := range ss {
		renderStmt(b, s, ind)
	}
}

func renderStmt(b *strings.Builder, s ir.Stmt, ind string) {
	in := ind + "  "
	line := func(format string, args ...any) {
		fmt.Fprintf(b, ind+format+"\n", args...)
	}
	switch s := s.(type) {
	case *ir.Assign:
		var ts []string
		for _, t := range s.Targets {
			ts = append(ts, render(t))
		}
		v := "<nil>"
		if s.Value != nil {
			v = render(s.Value)
		}
		if s.Annotation != nil {
			ts[len(ts)-1] += ": " + render(s.Annotation)
		}
		line("%s %s= %s", strings.Join(ts, " = "), s.Op, v)
	case *ir.ExprStmt:
		line("%s", render(s.X))
	case *ir.Return:
		if s.Value == nil {
			line("return")
		} else {
			line("return %s", render(s.Value))
		}
	case *ir.If:
		line("if %s:", render(s.Cond))
		renderStmtsTo(b, s.Body, in)
		if s.Else != nil {
			line("else:")
			renderStmtsTo(b, s.Else, in)
		}
	case *ir.For:
		a := ""
		if s.IsAsync {
			a = "async "
		}
		line("%sfor %s in %s:", a, render(s.Target), render(s.Iter))
		renderStmtsTo(b, s.Body, in)
		if s.Else != nil {
			line("else:")
			renderStmtsTo(b, s.Else, in)
		}
	case *ir.While:
		line("while %s:", render(s.Cond))
		renderStmtsTo(b, s.Body, in)
		if s.Else != nil {
			line("else:")
			renderStmtsTo(b, s.Else, in)
		}
	case *ir.With:
		var items []string
		for _, it := range s.Items {
			x := render(it.Ctx)
			if it.Target != nil {
				x += " as " + render(it.Target)
			}
			items = append(items, x)
		}
		a := ""
		if s.IsAsync {
			a = "async "
		}
		line("%swith %s:", a, strings.Join(items, ", "))
		renderStmtsTo(b, s.Body, in)
	case *ir.Try:
		line("try:")
		renderStmtsTo(b, s.Body, in)
		for _, h := range s.Handlers {
			x := "except"
			if h.Type != nil {
				x += " " + render(h.Type)
			}
			if h.Name != "" {
				x += " as " + h.Name
			}
			line("%s:", x)
			renderStmtsTo(b, h.Body, in)
		}
		if s.Else != nil {
			line("else:")
			renderStmtsTo(b, s.Else, in)
		}
		if s.Finally != nil {
			line("finally:")
			renderStmtsTo(b, s.Finally, in)
		}
	case *ir.Raise:
		x := "raise"
		if s.Exc != nil {
			x += " " + render(s.Exc)
		}
		if s.Cause != nil {
			x += " from " + render(s.Cause)
		}
		line("%s", x)
	case *ir.FuncDef:
		f := s.Func
		for _, d := range f.Decorators {
			line("@%s", render(d))
		}
		a := ""
		if f.IsAsync {
			a = "async "
		}
		ret := ""
		if f.Returns != nil {
			ret = " -> " + render(f.Returns)
		}
		line("%sdef %s(%s)%s:", a, f.QualName, renderParams(f.Params), ret)
		renderStmtsTo(b, f.Body, in)
	case *ir.ClassDef:
		cl := s.Class
		for _, d := range cl.Decorators {
			line("@%s", render(d))
		}
		var bases []string
		for _, x := range cl.Bases {
			bases = append(bases, render(x))
		}
		for _, k := range cl.Keywords {
			if k.DoubleStar {
				bases = append(bases, "**"+render(k.Value))
			} else {
				bases = append(bases, k.Name+"="+render(k.Value))
			}
		}
		line("class %s(%s):", cl.QualName, strings.Join(bases, ", "))
		renderStmtsTo(b, cl.Body, in)
	case *ir.ImportStmt:
		var xs []string
		for _, im := range s.Imports {
			xs = append(xs, renderImport(im))
		}
		line("import %s", strings.Join(xs, "; "))
	case *ir.Global:
		kw := "global"
		if s.IsNonlocal {
			kw = "nonlocal"
		}
		line("%s %s", kw, strings.Join(s.Names, ", "))
	case *ir.Delete:
		var xs []string
		for _, t := range s.Targets {
			xs = append(xs, render(t))
		}
		line("del %s", strings.Join(xs, ", "))
	case *ir.Assert:
		x := "assert " + render(s.Test)
		if s.Msg != nil {
			x += ", " + render(s.Msg)
		}
		line("%s", x)
	case *ir.Match:
		line("match %s:", render(s.Subject))
		for _, mc := range s.Cases {
			g := ""
			if mc.Guard != nil {
				g = " if " + render(mc.Guard)
			}
			fmt.Fprintf(b, "%scase %s%s:\n", in, render(mc.Pattern), g)
			renderStmtsTo(b, mc.Body, in+"  ")
		}
	case *ir.Pass:
		line("%s", s.Keyword)
	default:
		line("<%T>", s)
	}
}

// renderImport prints an import binding as module|level|name|alias[|fn].
func renderImport(im *ir.Import) string {
	s := fmt.Sprintf("%s|%d|%s|%s", im.Module, im.Level, im.Name, im.Alias)
	if im.InFunction {
		s += "|fn"
	}
	return s
}
