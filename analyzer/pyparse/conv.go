//go:build cgo

package pyparse

import (
	"strconv"
	"unicode/utf8"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// scope is where the converter stands: the enclosing function (nil at
// module level), the class whose body is being read (nil outside a class
// body) and the qualified-name prefix for definitions found here.
type scope struct {
	fn   *ir.Function
	cls  *ir.Class
	qual string
}

// conv builds the IR of one file from the flat tree. Nodes are indices
// into n; the children of i are i+1, end[i+1], ... up to end[i].
type conv struct {
	src      []byte
	text     string // src as a string: names are substrings of it, without copies
	n        []tnode
	end      []int32
	k        []kind
	mod      *ir.Module
	nonASCII bool
	sc       scope
	depth    int
}

// first returns the first child of i that is not a comment or line
// continuation, or -1. (ERROR nodes can be extras too: they are kept.)
func (c *conv) first(i int) int {
	return c.skipExtra(i, i+1)
}

// next returns the sibling after child ch of i that is not an extra, or -1.
func (c *conv) next(i, ch int) int {
	return c.skipExtra(i, int(c.end[ch]))
}

func (c *conv) skipExtra(parent, j int) int {
	e := int(c.end[parent])
	for j < e {
		if k := c.k[j]; k != kComment && k != kLineContinuation {
			return j
		}
		j = int(c.end[j])
	}
	return -1
}

func (c *conv) named(i int) bool { return c.n[i].flags&flagNamed != 0 }

// firstNamed returns the first named non-extra child of i, or -1.
func (c *conv) firstNamed(i int) int {
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.named(ch) {
			return ch
		}
	}
	return -1
}

// nextNamed returns the named non-extra sibling after ch, or -1.
func (c *conv) nextNamed(i, ch int) int {
	for ch = c.next(i, ch); ch >= 0; ch = c.next(i, ch) {
		if c.named(ch) {
			return ch
		}
	}
	return -1
}

// field returns the first child of i with field id f, or -1.
func (c *conv) field(i int, f field) int {
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.n[ch].field == f {
			return ch
		}
	}
	return -1
}

// has reports whether i has a direct child of kind k.
func (c *conv) has(i int, k kind) bool {
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.k[ch] == k {
			return true
		}
	}
	return false
}

// str returns the source text of node i (a substring, no copy).
func (c *conv) str(i int) string {
	return c.text[c.n[i].start:c.n[i].end]
}

func (c *conv) pos(row, col, off uint32) ir.Pos {
	p := ir.Pos{Line: int32(row) + 1, Col: int32(col) + 1}
	if c.nonASCII && col > 0 {
		p.Col = int32(utf16Len(c.src[off-col:off])) + 1
	}
	return p
}

func utf16Len(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func (c *conv) startPos(i int) ir.Pos {
	nd := &c.n[i]
	return c.pos(nd.srow, nd.scol, nd.start)
}

func (c *conv) endPos(i int) ir.Pos {
	nd := &c.n[i]
	return c.pos(nd.erow, nd.ecol, nd.end)
}

func (c *conv) span(i int) ir.Span {
	return ir.Span{Start: c.startPos(i), End: c.endPos(i)}
}

// spanOf spans from the start of node a to the end of node b.
func (c *conv) spanOf(a, b int) ir.Span {
	return ir.Span{Start: c.startPos(a), End: c.endPos(b)}
}

func qualJoin(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// module converts the root node and the file-wide lists.
func (c *conv) module() {
	body := &ir.Function{Name: "<module>", QualName: "<module>"}
	c.mod.Body = body
	if len(c.n) == 0 {
		return
	}
	body.Span = c.span(0)
	c.scanExtras()
	body.Body = c.stmts(0, nil)
}

// scanExtras collects directives from comments and the positions of
// ERROR and MISSING nodes.
func (c *conv) scanExtras() {
	for i := range c.n {
		nd := &c.n[i]
		switch {
		case c.k[i] == kComment:
			c.directives(i)
		case c.k[i] == kError || nd.flags&flagMissing != 0:
			if len(c.mod.SyntaxErrors) < maxSyntaxErrors {
				c.mod.SyntaxErrors = append(c.mod.SyntaxErrors, c.startPos(i))
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Statements

// stmts appends the statements among the children of i (a block or the
// module) to out.
func (c *conv) stmts(i int, out []ir.Stmt) []ir.Stmt {
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.named(ch) || c.k[ch] == kError {
			out = c.stmt(ch, out)
		}
	}
	return out
}

// blockOf converts the statements of a block child (by field, or the first
// block child when f is 0).
func (c *conv) blockOf(i int, f field) []ir.Stmt {
	var b int
	if f != 0 {
		b = c.field(i, f)
	} else {
		b = -1
		for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
			if c.k[ch] == kBlock {
				b = ch
				break
			}
		}
	}
	if b < 0 {
		return nil
	}
	return c.stmts(b, nil)
}

func (c *conv) stmt(i int, out []ir.Stmt) []ir.Stmt {
	if c.depth >= maxDepth {
		return append(out, &ir.ExprStmt{StmtBase: ir.StmtBase{Span: c.span(i)}, X: c.flatUnknown(i)})
	}
	c.depth++
	defer func() { c.depth-- }()

	base := ir.StmtBase{Span: c.span(i)}
	switch c.k[i] {
	case kExpressionStatement:
		return append(out, c.exprStmt(i, base))
	case kReturnStatement:
		s := &ir.Return{StmtBase: base}
		if ch := c.firstNamed(i); ch >= 0 {
			s.Value = c.expr(ch)
		}
		return append(out, s)
	case kPassStatement:
		return append(out, &ir.Pass{StmtBase: base, Keyword: "pass"})
	case kBreakStatement:
		return append(out, &ir.Pass{StmtBase: base, Keyword: "break"})
	case kContinueStatement:
		return append(out, &ir.Pass{StmtBase: base, Keyword: "continue"})
	case kIfStatement:
		return append(out, c.ifStmt(i, base))
	case kForStatement:
		s := &ir.For{StmtBase: base, IsAsync: c.has(i, kTokAsync)}
		s.Target = c.exprField(i, fLeft)
		s.Iter = c.exprFields(i, fRight)
		s.Body = c.blockOf(i, fBody)
		if e := c.field(i, fAlternative); e >= 0 {
			s.Else = c.blockOf(e, fBody)
		}
		return append(out, s)
	case kWhileStatement:
		s := &ir.While{StmtBase: base}
		s.Cond = c.exprField(i, fCondition)
		s.Body = c.blockOf(i, fBody)
		if e := c.field(i, fAlternative); e >= 0 {
			s.Else = c.blockOf(e, fBody)
		}
		return append(out, s)
	case kWithStatement:
		return append(out, c.withStmt(i, base))
	case kTryStatement:
		return append(out, c.tryStmt(i, base))
	case kRaiseStatement:
		s := &ir.Raise{StmtBase: base}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.n[ch].field == fCause {
				s.Cause = c.expr(ch)
			} else if s.Exc == nil {
				s.Exc = c.expr(ch)
			}
		}
		return append(out, s)
	case kFunctionDefinition:
		f := c.funcDef(i, nil)
		return append(out, &ir.FuncDef{StmtBase: base, Func: f})
	case kClassDefinition:
		cl := c.classDef(i, nil)
		return append(out, &ir.ClassDef{StmtBase: base, Class: cl})
	case kDecoratedDefinition:
		return c.decorated(i, base, out)
	case kImportStatement, kImportFromStatement, kFutureImportStatement:
		return append(out, c.importStmt(i, base))
	case kGlobalStatement, kNonlocalStatement:
		s := &ir.Global{StmtBase: base, IsNonlocal: c.k[i] == kNonlocalStatement}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.k[ch] == kIdentifier {
				s.Names = append(s.Names, c.str(ch))
			}
		}
		return append(out, s)
	case kDeleteStatement:
		s := &ir.Delete{StmtBase: base}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.k[ch] == kExpressionList {
				for e := c.firstNamed(ch); e >= 0; e = c.nextNamed(ch, e) {
					s.Targets = append(s.Targets, c.expr(e))
				}
			} else {
				s.Targets = append(s.Targets, c.expr(ch))
			}
		}
		return append(out, s)
	case kAssertStatement:
		s := &ir.Assert{StmtBase: base}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if s.Test == nil {
				s.Test = c.expr(ch)
			} else if s.Msg == nil {
				s.Msg = c.expr(ch)
			}
		}
		return append(out, s)
	case kMatchStatement:
		return append(out, c.matchStmt(i, base))
	case kPrintStatement:
		return append(out, c.printStmt(i, base))
	case kExecStatement:
		call := &ir.Call{ExprBase: ir.ExprBase{Span: base.Span}, Func: &ir.Name{ExprBase: ir.ExprBase{Span: c.span(c.first(i))}, Id: "exec"}}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			call.Args = append(call.Args, &ir.Arg{Value: c.expr(ch)})
		}
		return append(out, &ir.ExprStmt{StmtBase: base, X: call})
	case kTypeAliasStatement:
		s := &ir.Assign{StmtBase: base}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if len(s.Targets) == 0 {
				s.Targets = append(s.Targets, c.expr(ch))
			} else if s.Value == nil {
				s.Value = c.expr(ch)
			}
		}
		return append(out, s)
	case kBlock, kModule:
		return c.stmts(i, out)
	case kError:
		return c.errorStmts(i, out)
	case kComment, kLineContinuation:
		return out
	}
	if isExprKind(c.k[i]) {
		return append(out, &ir.ExprStmt{StmtBase: base, X: c.expr(i)})
	}
	return append(out, &ir.ExprStmt{StmtBase: base, X: c.unknown(i)})
}

// errorStmts recovers what it can from an ERROR node in statement
// position: whole statements inside it are converted as such, loose
// expressions become one ExprStmt holding an Unknown.
func (c *conv) errorStmts(i int, out []ir.Stmt) []ir.Stmt {
	var loose []ir.Expr
	flush := func() {
		if len(loose) > 0 {
			sp := ir.Span{Start: loose[0].ExprSpan().Start, End: loose[len(loose)-1].ExprSpan().End}
			out = append(out, &ir.ExprStmt{StmtBase: ir.StmtBase{Span: sp}, X: &ir.Unknown{ExprBase: ir.ExprBase{Span: sp}, Children: loose}})
			loose = nil
		}
	}
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		k := c.k[ch]
		switch {
		case k == kError:
			flush()
			out = c.errorStmts(ch, out)
		case isStmtKind(k):
			flush()
			out = c.stmt(ch, out)
		case isExprKind(k):
			loose = append(loose, c.expr(ch))
		case c.named(ch):
			loose = c.collect(ch, loose)
		}
	}
	flush()
	return out
}

func (c *conv) exprStmt(i int, base ir.StmtBase) ir.Stmt {
	first := c.firstNamed(i)
	if first < 0 {
		return &ir.ExprStmt{StmtBase: base, X: &ir.Unknown{ExprBase: ir.ExprBase{Span: base.Span}}}
	}
	if c.nextNamed(i, first) >= 0 {
		// "a, b" as a statement: a tuple.
		return &ir.ExprStmt{StmtBase: base, X: c.seqOf(i, ir.SeqTuple)}
	}
	switch c.k[first] {
	case kAssignment:
		s := &ir.Assign{StmtBase: base}
		a := first
		for {
			s.Targets = append(s.Targets, c.exprField(a, fLeft))
			if t := c.field(a, fType); t >= 0 {
				s.Annotation = c.expr(t)
			}
			r := c.field(a, fRight)
			if r < 0 {
				break
			}
			if c.k[r] == kAssignment && c.field(a, fType) < 0 {
				a = r
				continue
			}
			s.Value = c.expr(r)
			break
		}
		return s
	case kAugmentedAssignment:
		s := &ir.Assign{StmtBase: base}
		s.Targets = []ir.Expr{c.exprField(first, fLeft)}
		s.Value = c.exprField(first, fRight)
		if op := c.field(first, fOperator); op >= 0 {
			t := c.str(op)
			if len(t) > 0 && t[len(t)-1] == '=' {
				t = t[:len(t)-1]
			}
			s.Op = t
		}
		return s
	}
	return &ir.ExprStmt{StmtBase: base, X: c.expr(first)}
}

func (c *conv) ifStmt(i int, base ir.StmtBase) *ir.If {
	s := &ir.If{StmtBase: base}
	s.Cond = c.exprField(i, fCondition)
	s.Body = c.blockOf(i, fConsequence)
	// Alternatives in order: elif clauses nest, an else closes the chain.
	cur := s
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.n[ch].field != fAlternative {
			continue
		}
		switch c.k[ch] {
		case kElifClause:
			el := &ir.If{StmtBase: ir.StmtBase{Span: ir.Span{Start: c.startPos(ch), End: base.Span.End}}}
			el.Cond = c.exprField(ch, fCondition)
			el.Body = c.blockOf(ch, fConsequence)
			cur.Else = []ir.Stmt{el}
			cur = el
		case kElseClause:
			cur.Else = c.blockOf(ch, fBody)
		}
	}
	return s
}

func (c *conv) withStmt(i int, base ir.StmtBase) *ir.With {
	s := &ir.With{StmtBase: base, IsAsync: c.has(i, kTokAsync)}
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		switch c.k[ch] {
		case kWithClause:
			for it := c.firstNamed(ch); it >= 0; it = c.nextNamed(ch, it) {
				if c.k[it] == kWithItem {
					if v := c.field(it, fValue); v >= 0 {
						s.Items = append(s.Items, c.withItem(v))
					}
				}
			}
		case kBlock:
			s.Body = c.stmts(ch, nil)
		}
	}
	return s
}

func (c *conv) withItem(v int) *ir.WithItem {
	for c.k[v] == kParenthesizedExpression {
		inner := c.firstNamed(v)
		if inner < 0 || c.k[inner] != kAsPattern {
			break
		}
		v = inner
	}
	if c.k[v] != kAsPattern {
		return &ir.WithItem{Ctx: c.expr(v)}
	}
	item := &ir.WithItem{}
	for ch := c.firstNamed(v); ch >= 0; ch = c.nextNamed(v, ch) {
		if c.n[ch].field == fAlias {
			item.Target = c.expr(ch)
		} else if item.Ctx == nil {
			item.Ctx = c.expr(ch)
		}
	}
	return item
}

func (c *conv) tryStmt(i int, base ir.StmtBase) *ir.Try {
	s := &ir.Try{StmtBase: base}
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		switch c.k[ch] {
		case kBlock:
			s.Body = c.stmts(ch, nil)
		case kExceptClause, kExceptGroupClause:
			s.Handlers = append(s.Handlers, c.handler(ch))
		case kElseClause:
			s.Else = c.blockOf(ch, fBody)
		case kFinallyClause:
			s.Finally = c.blockOf(ch, 0)
		}
	}
	return s
}

func (c *conv) handler(i int) *ir.Handler {
	h := &ir.Handler{Span: c.span(i)}
	seenType := false
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch k := c.k[ch]; {
		case k == kBlock:
			h.Body = c.stmts(ch, nil)
		case k == kAsPattern && !seenType:
			seenType = true
			for p := c.firstNamed(ch); p >= 0; p = c.nextNamed(ch, p) {
				if c.n[p].field == fAlias {
					h.Name = c.targetName(p)
				} else if h.Type == nil {
					h.Type = c.expr(p)
				}
			}
		case !seenType:
			seenType = true
			h.Type = c.expr(ch)
		case h.Name == "":
			// Python 2: "except E, e:".
			h.Name = c.targetName(ch)
		}
	}
	return h
}

// targetName returns the identifier of an "as" target, or "".
func (c *conv) targetName(i int) string {
	for c.k[i] == kAsPatternTarget {
		i = c.firstNamed(i)
		if i < 0 {
			return ""
		}
	}
	if c.k[i] == kIdentifier {
		return c.str(i)
	}
	return ""
}

func (c *conv) printStmt(i int, base ir.StmtBase) ir.Stmt {
	kw := c.first(i)
	call := &ir.Call{ExprBase: ir.ExprBase{Span: base.Span}, Func: &ir.Name{ExprBase: ir.ExprBase{Span: c.span(kw)}, Id: "print"}}
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		if c.k[ch] == kChevron {
			if v := c.firstNamed(ch); v >= 0 {
				call.Args = append(call.Args, &ir.Arg{Name: "file", Value: c.expr(v)})
			}
			continue
		}
		call.Args = append(call.Args, &ir.Arg{Value: c.expr(ch)})
	}
	return &ir.ExprStmt{StmtBase: base, X: call}
}

func (c *conv) matchStmt(i int, base ir.StmtBase) *ir.Match {
	s := &ir.Match{StmtBase: base}
	var subj []ir.Expr
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		switch {
		case c.n[ch].field == fSubject:
			subj = append(subj, c.expr(ch))
		case c.k[ch] == kBlock:
			for cc := c.firstNamed(ch); cc >= 0; cc = c.nextNamed(ch, cc) {
				if c.k[cc] == kCaseClause {
					s.Cases = append(s.Cases, c.caseClause(cc))
				}
			}
		}
	}
	s.Subject = tupleOf(subj)
	return s
}

func (c *conv) caseClause(i int) *ir.MatchCase {
	mc := &ir.MatchCase{}
	var pats []ir.Expr
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch c.k[ch] {
		case kCasePattern:
			pats = append(pats, c.pattern(ch))
		case kIfClause:
			if g := c.firstNamed(ch); g >= 0 {
				mc.Guard = c.expr(g)
			}
		case kBlock:
			mc.Body = c.stmts(ch, nil)
		}
	}
	mc.Pattern = tupleOf(pats)
	return mc
}

// tupleOf returns the single expression, or a tuple of several, or nil.
func tupleOf(xs []ir.Expr) ir.Expr {
	switch len(xs) {
	case 0:
		return nil
	case 1:
		return xs[0]
	}
	sp := ir.Span{Start: xs[0].ExprSpan().Start, End: xs[len(xs)-1].ExprSpan().End}
	return &ir.Seq{ExprBase: ir.ExprBase{Span: sp}, Kind: ir.SeqTuple, Elems: xs}
}

// ---------------------------------------------------------------------------
// Definitions

func (c *conv) decorated(i int, base ir.StmtBase, out []ir.Stmt) []ir.Stmt {
	var decs []ir.Expr
	def := -1
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch c.k[ch] {
		case kDecorator:
			if e := c.firstNamed(ch); e >= 0 {
				decs = append(decs, c.expr(e))
			}
		case kFunctionDefinition, kClassDefinition:
			def = ch
		}
	}
	if def < 0 {
		return append(out, &ir.ExprStmt{StmtBase: base, X: &ir.Unknown{ExprBase: ir.ExprBase{Span: base.Span}, Children: decs}})
	}
	if c.k[def] == kClassDefinition {
		return append(out, &ir.ClassDef{StmtBase: base, Class: c.classDef(def, decs)})
	}
	return append(out, &ir.FuncDef{StmtBase: base, Func: c.funcDef(def, decs)})
}

func (c *conv) funcDef(i int, decs []ir.Expr) *ir.Function {
	f := &ir.Function{Decorators: decs, Span: c.span(i), IsAsync: c.has(i, kTokAsync)}
	if nm := c.field(i, fName); nm >= 0 {
		f.Name = c.str(nm)
	}
	f.QualName = qualJoin(c.sc.qual, f.Name)
	f.Outer = c.sc.fn
	if c.sc.cls != nil {
		f.Class = c.sc.cls
		c.sc.cls.Methods = append(c.sc.cls.Methods, f)
	}
	c.mod.Functions = append(c.mod.Functions, f)
	// Defaults, annotations and decorators belong to the enclosing scope.
	if ps := c.field(i, fParameters); ps >= 0 {
		f.Params = c.params(ps)
	}
	if rt := c.field(i, fReturnType); rt >= 0 {
		f.Returns = c.expr(rt)
	}
	saved := c.sc
	c.sc = scope{fn: f, qual: f.QualName}
	f.Body = c.blockOf(i, fBody)
	c.sc = saved
	return f
}

func (c *conv) classDef(i int, decs []ir.Expr) *ir.Class {
	cl := &ir.Class{Decorators: decs, Span: c.span(i), Outer: c.sc.fn}
	if nm := c.field(i, fName); nm >= 0 {
		cl.Name = c.str(nm)
	}
	cl.QualName = qualJoin(c.sc.qual, cl.Name)
	c.mod.Classes = append(c.mod.Classes, cl)
	if sup := c.field(i, fSuperclasses); sup >= 0 {
		for _, a := range c.args(sup) {
			if a.Name != "" || a.DoubleStar {
				cl.Keywords = append(cl.Keywords, a)
			} else if a.Star {
				cl.Bases = append(cl.Bases, &ir.Starred{ExprBase: ir.ExprBase{Span: a.Value.ExprSpan()}, X: a.Value})
			} else {
				cl.Bases = append(cl.Bases, a.Value)
			}
		}
	}
	saved := c.sc
	c.sc = scope{fn: saved.fn, cls: cl, qual: cl.QualName}
	cl.Body = c.blockOf(i, fBody)
	c.sc = saved
	return cl
}

// params converts a parameters or lambda_parameters node.
func (c *conv) params(i int) []*ir.Param {
	var ps []*ir.Param
	kwOnly := false
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		var p *ir.Param
		switch c.k[ch] {
		case kIdentifier:
			p = &ir.Param{Name: c.str(ch), Pos: c.startPos(ch)}
		case kTypedParameter:
			// "a: T", "*a: T", "**a: T".
			inner := c.firstNamed(ch)
			if inner < 0 {
				continue
			}
			p = c.simpleParam(inner)
			if p == nil {
				continue
			}
			if t := c.field(ch, fType); t >= 0 {
				p.Annotation = c.expr(t)
			}
		case kDefaultParameter, kTypedDefaultParameter:
			nm := c.field(ch, fName)
			if nm < 0 {
				continue
			}
			p = &ir.Param{Name: c.str(nm), Pos: c.startPos(nm)}
			if t := c.field(ch, fType); t >= 0 {
				p.Annotation = c.expr(t)
			}
			if v := c.field(ch, fValue); v >= 0 {
				p.Default = c.expr(v)
			}
		case kListSplatPattern, kDictionarySplatPattern:
			p = c.simpleParam(ch)
		case kKeywordSeparator:
			kwOnly = true
			continue
		default:
			// "/" separator, Python 2 tuple parameters, errors.
			continue
		}
		if p == nil {
			continue
		}
		switch p.Kind {
		case ir.ParamVarArgs:
			kwOnly = true
		case ir.ParamPositional:
			if kwOnly {
				p.Kind = ir.ParamKwOnly
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// simpleParam converts an identifier, "*args" or "**kw" parameter.
func (c *conv) simpleParam(i int) *ir.Param {
	switch c.k[i] {
	case kIdentifier:
		return &ir.Param{Name: c.str(i), Pos: c.startPos(i)}
	case kListSplatPattern, kDictionarySplatPattern:
		id := c.firstNamed(i)
		if id < 0 || c.k[id] != kIdentifier {
			return nil
		}
		p := &ir.Param{Name: c.str(id), Kind: ir.ParamVarArgs, Pos: c.startPos(id)}
		if c.k[i] == kDictionarySplatPattern {
			p.Kind = ir.ParamVarKw
		}
		return p
	}
	return nil
}

// ---------------------------------------------------------------------------
// Imports

func (c *conv) importStmt(i int, base ir.StmtBase) *ir.ImportStmt {
	s := &ir.ImportStmt{StmtBase: base}
	inFn := c.sc.fn != nil
	add := func(im *ir.Import) {
		im.InFunction = inFn
		s.Imports = append(s.Imports, im)
		c.mod.Imports = append(c.mod.Imports, im)
	}
	switch c.k[i] {
	case kImportStatement:
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			switch c.k[ch] {
			case kDottedName:
				add(&ir.Import{Module: c.dotted(ch), Pos: c.startPos(ch)})
			case kAliasedImport:
				im := &ir.Import{Pos: c.startPos(ch)}
				if nm := c.field(ch, fName); nm >= 0 {
					im.Module = c.dotted(nm)
				}
				if al := c.field(ch, fAlias); al >= 0 {
					im.Alias = c.str(al)
				}
				add(im)
			}
		}
	default:
		module, level := "", 0
		if c.k[i] == kFutureImportStatement {
			module = "__future__"
		}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.n[ch].field == fModuleName {
				module, level = c.moduleName(ch)
				continue
			}
			switch c.k[ch] {
			case kDottedName:
				add(&ir.Import{Module: module, Level: level, Name: c.dotted(ch), Pos: c.startPos(ch)})
			case kAliasedImport:
				im := &ir.Import{Module: module, Level: level, Pos: c.startPos(ch)}
				if nm := c.field(ch, fName); nm >= 0 {
					im.Name = c.dotted(nm)
				}
				if al := c.field(ch, fAlias); al >= 0 {
					im.Alias = c.str(al)
				}
				add(im)
			case kWildcardImport:
				add(&ir.Import{Module: module, Level: level, Name: "*", Pos: c.startPos(ch)})
			}
		}
	}
	return s
}

// moduleName reads "a.b", "..", or "..a.b" of a from-import.
func (c *conv) moduleName(i int) (string, int) {
	if c.k[i] == kDottedName {
		return c.dotted(i), 0
	}
	module, level := "", 0
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch c.k[ch] {
		case kImportPrefix:
			t := c.str(ch)
			for j := 0; j < len(t); j++ {
				if t[j] == '.' {
					level++
				}
			}
		case kDottedName:
			module = c.dotted(ch)
		}
	}
	return module, level
}

// dotted returns a dotted name without any whitespace or comments inside.
func (c *conv) dotted(i int) string {
	t := c.str(i)
	clean := true
	for j := 0; j < len(t); j++ {
		if b := t[j]; b == ' ' || b == '\t' || b == '\\' || b == '\n' || b == '\r' || b == '#' {
			clean = false
			break
		}
	}
	if clean {
		return t
	}
	var out []byte
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		if c.k[ch] == kIdentifier {
			if len(out) > 0 {
				out = append(out, '.')
			}
			out = append(out, c.str(ch)...)
		}
	}
	return string(out)
}

func lambdaName(prefix string, line int) string {
	return qualJoin(prefix, "<lambda>@"+strconv.Itoa(line))
}
