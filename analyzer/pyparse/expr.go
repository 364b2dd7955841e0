//go:build cgo

package pyparse

import (
	"github.com/llmleak/llmleak/analyzer/ir"
)

// exprKinds and stmtKinds classify node kinds for error recovery.
var exprKinds, stmtKinds [256]bool

func init() {
	for _, k := range []kind{
		kIdentifier, kAttribute, kSubscript, kCall, kString, kConcatenatedString,
		kInteger, kFloat, kTrue, kFalse, kNone, kEllipsis, kBinaryOperator,
		kBooleanOperator, kComparisonOperator, kNotOperator, kUnaryOperator,
		kList, kTuple, kSet, kDictionary, kListComprehension, kSetComprehension,
		kDictionaryComprehension, kGeneratorExpression, kLambda,
		kConditionalExpression, kAwait, kYield, kNamedExpression,
		kParenthesizedExpression, kListSplat, kParenthesizedListSplat,
		kExpressionList, kPatternList, kTuplePattern, kListPattern,
		kListSplatPattern, kType, kGenericType, kUnionType, kMemberType,
		kSplatType, kSlice,
	} {
		exprKinds[k] = true
	}
	for _, k := range []kind{
		kExpressionStatement, kReturnStatement, kPassStatement, kBreakStatement,
		kContinueStatement, kIfStatement, kForStatement, kWhileStatement,
		kWithStatement, kTryStatement, kRaiseStatement, kFunctionDefinition,
		kClassDefinition, kDecoratedDefinition, kImportStatement,
		kImportFromStatement, kFutureImportStatement, kGlobalStatement,
		kNonlocalStatement, kDeleteStatement, kAssertStatement, kMatchStatement,
		kPrintStatement, kExecStatement, kTypeAliasStatement,
	} {
		stmtKinds[k] = true
	}
}

func isExprKind(k kind) bool { return exprKinds[k] }
func isStmtKind(k kind) bool { return stmtKinds[k] }

// exprField converts the first named child with field f; nil when absent.
func (c *conv) exprField(i int, f field) ir.Expr {
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		if c.n[ch].field == f {
			return c.expr(ch)
		}
	}
	return nil
}

// exprFields converts all children with field f: nil, one expression, or a
// tuple of several.
func (c *conv) exprFields(i int, f field) ir.Expr {
	var xs []ir.Expr
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		if c.n[ch].field == f {
			xs = append(xs, c.expr(ch))
		}
	}
	return tupleOf(xs)
}

func (c *conv) eb(i int) ir.ExprBase { return ir.ExprBase{Span: c.span(i)} }

// expr converts an expression node. It never returns nil.
func (c *conv) expr(i int) ir.Expr {
	if c.depth >= maxDepth {
		return c.flatUnknown(i)
	}
	c.depth++
	e := c.expr1(i)
	c.depth--
	return e
}

func (c *conv) expr1(i int) ir.Expr {
	switch c.k[i] {
	case kIdentifier:
		return &ir.Name{ExprBase: c.eb(i), Id: c.str(i)}
	case kAttribute:
		e := &ir.Attr{ExprBase: c.eb(i)}
		e.X = c.exprOrUnknown(c.field(i, fObject), i)
		if a := c.field(i, fAttribute); a >= 0 {
			e.Name = c.str(a)
		}
		return e
	case kSubscript:
		e := &ir.Subscript{ExprBase: c.eb(i)}
		e.X = c.exprOrUnknown(c.field(i, fValue), i)
		e.Index = c.exprFields(i, fSubscript)
		if e.Index == nil {
			e.Index = &ir.Unknown{ExprBase: c.eb(i)}
		}
		return e
	case kSlice:
		return c.slice(i)
	case kCall:
		e := &ir.Call{ExprBase: c.eb(i)}
		e.Func = c.exprOrUnknown(c.field(i, fFunction), i)
		if a := c.field(i, fArguments); a >= 0 {
			if c.k[a] == kArgumentList {
				e.Args = c.args(a)
			} else {
				e.Args = []*ir.Arg{{Value: c.expr(a)}}
			}
		}
		return e
	case kString, kConcatenatedString:
		return c.stringExpr(i)
	case kInteger:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstInt, Value: c.str(i)}
	case kFloat:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstFloat, Value: c.str(i)}
	case kTrue:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstBool, Value: "True"}
	case kFalse:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstBool, Value: "False"}
	case kNone:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstNone, Value: "None"}
	case kEllipsis:
		return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstEllipsis, Value: "..."}
	case kBinaryOperator:
		e := &ir.BinOp{ExprBase: c.eb(i)}
		e.L = c.exprOrUnknown(c.field(i, fLeft), i)
		e.R = c.exprOrUnknown(c.field(i, fRight), i)
		if op := c.field(i, fOperator); op >= 0 {
			e.Op = c.str(op)
		}
		return e
	case kBooleanOperator:
		return c.boolOp(i)
	case kComparisonOperator:
		return c.compare(i)
	case kNotOperator:
		return &ir.UnaryOp{ExprBase: c.eb(i), Op: "not", X: c.exprOrUnknown(c.field(i, fArgument), i)}
	case kUnaryOperator:
		e := &ir.UnaryOp{ExprBase: c.eb(i), X: c.exprOrUnknown(c.field(i, fArgument), i)}
		if op := c.field(i, fOperator); op >= 0 {
			e.Op = c.str(op)
		}
		return e
	case kList, kListPattern:
		return c.seqOf(i, ir.SeqList)
	case kTuple, kExpressionList, kPatternList, kTuplePattern:
		return c.seqOf(i, ir.SeqTuple)
	case kSet:
		return c.seqOf(i, ir.SeqSet)
	case kDictionary:
		return c.dict(i)
	case kListComprehension:
		return c.comprehension(i, ir.CompList)
	case kSetComprehension:
		return c.comprehension(i, ir.CompSet)
	case kDictionaryComprehension:
		return c.comprehension(i, ir.CompDict)
	case kGeneratorExpression:
		return c.comprehension(i, ir.CompGen)
	case kLambda:
		return c.lambda(i)
	case kConditionalExpression:
		e := &ir.IfExp{ExprBase: c.eb(i)}
		n := 0
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			switch n {
			case 0:
				e.Body = c.expr(ch)
			case 1:
				e.Cond = c.expr(ch)
			case 2:
				e.Else = c.expr(ch)
			}
			n++
		}
		if n != 3 {
			return c.unknown(i)
		}
		return e
	case kAwait:
		return &ir.Await{ExprBase: c.eb(i), X: c.exprOrUnknown(c.firstNamed(i), i)}
	case kYield:
		e := &ir.Yield{ExprBase: c.eb(i), From: c.has(i, kTokFrom)}
		if ch := c.firstNamed(i); ch >= 0 {
			e.X = c.expr(ch)
		}
		return e
	case kListSplat, kListSplatPattern, kParenthesizedListSplat, kSplatType, kSplatPattern:
		return &ir.Starred{ExprBase: c.eb(i), X: c.exprOrUnknown(c.firstNamed(i), i)}
	case kNamedExpression:
		nm := c.field(i, fName)
		if nm < 0 || c.k[nm] != kIdentifier {
			return c.unknown(i)
		}
		return &ir.NamedExpr{ExprBase: c.eb(i), Target: &ir.Name{ExprBase: c.eb(nm), Id: c.str(nm)}, Value: c.exprOrUnknown(c.field(i, fValue), i)}
	case kParenthesizedExpression, kType, kAsPatternTarget:
		// Parentheses only group; a type annotation is its expression.
		ch := c.firstNamed(i)
		if ch < 0 || c.nextNamed(i, ch) >= 0 {
			return c.unknown(i)
		}
		return c.expr(ch)
	case kCasePattern:
		return c.pattern(i)
	case kGenericType:
		// "list[int]" in an annotation.
		e := &ir.Subscript{ExprBase: c.eb(i)}
		var idx []ir.Expr
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.k[ch] == kTypeParameter {
				for t := c.firstNamed(ch); t >= 0; t = c.nextNamed(ch, t) {
					idx = append(idx, c.expr(t))
				}
			} else if e.X == nil {
				e.X = c.expr(ch)
			}
		}
		if e.X == nil {
			return c.unknown(i)
		}
		e.Index = tupleOf(idx)
		if e.Index == nil {
			e.Index = &ir.Seq{ExprBase: c.eb(i), Kind: ir.SeqTuple}
		}
		return e
	case kUnionType:
		return c.foldPipe(i, c.expr)
	case kMemberType:
		// "a.B" in an annotation.
		first := c.firstNamed(i)
		if first < 0 {
			return c.unknown(i)
		}
		x := c.expr(first)
		for ch := c.nextNamed(i, first); ch >= 0; ch = c.nextNamed(i, ch) {
			x = &ir.Attr{ExprBase: ir.ExprBase{Span: ir.Span{Start: x.ExprSpan().Start, End: c.endPos(ch)}}, X: x, Name: c.str(ch)}
		}
		return x
	case kDottedName, kClassPattern, kUnionPattern, kDictPattern, kAsPattern:
		return c.pattern(i)
	case kKeywordArgument:
		return c.unknown(i)
	}
	return c.unknown(i)
}

// exprOrUnknown converts child ch, or stands in an empty Unknown spanning
// parent when the child is missing.
func (c *conv) exprOrUnknown(ch, parent int) ir.Expr {
	if ch < 0 {
		return &ir.Unknown{ExprBase: c.eb(parent)}
	}
	return c.expr(ch)
}

// unknown wraps a node the IR does not model, keeping the expressions
// found inside it.
func (c *conv) unknown(i int) ir.Expr {
	return &ir.Unknown{ExprBase: c.eb(i), Children: c.collect(i, nil)}
}

// collect appends the convertible expressions below i (not i itself).
func (c *conv) collect(i int, out []ir.Expr) []ir.Expr {
	if c.depth >= maxDepth {
		return append(out, c.flatUnknown(i))
	}
	c.depth++
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		k := c.k[ch]
		switch {
		case isExprKind(k):
			out = append(out, c.expr(ch))
		case k == kKeywordArgument:
			if v := c.field(ch, fValue); v >= 0 {
				out = append(out, c.expr(v))
			}
		case c.named(ch) || k == kError:
			out = c.collect(ch, out)
		}
	}
	c.depth--
	return out
}

// flatUnknown is the depth-limit fallback: an Unknown whose children are
// the identifiers of the subtree, found without recursion, so that a
// pathologically nested expression still carries its names.
func (c *conv) flatUnknown(i int) ir.Expr {
	u := &ir.Unknown{ExprBase: c.eb(i)}
	e := int(c.end[i])
	for j := i; j < e; j++ {
		if c.k[j] == kIdentifier {
			u.Children = append(u.Children, &ir.Name{ExprBase: c.eb(j), Id: c.str(j)})
		}
	}
	return u
}

func (c *conv) slice(i int) ir.Expr {
	e := &ir.Slice{ExprBase: c.eb(i)}
	colons := 0
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.k[ch] == kTokColon {
			colons++
			continue
		}
		if !c.named(ch) {
			continue
		}
		x := c.expr(ch)
		switch colons {
		case 0:
			e.Lower = x
		case 1:
			e.Upper = x
		default:
			e.Step = x
		}
	}
	return e
}

// args converts an argument_list (call arguments or class bases).
func (c *conv) args(i int) []*ir.Arg {
	var out []*ir.Arg
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch c.k[ch] {
		case kKeywordArgument:
			a := &ir.Arg{Value: c.exprOrUnknown(c.field(ch, fValue), ch)}
			if nm := c.field(ch, fName); nm >= 0 {
				a.Name = c.str(nm)
			}
			out = append(out, a)
		case kListSplat:
			out = append(out, &ir.Arg{Value: c.exprOrUnknown(c.firstNamed(ch), ch), Star: true})
		case kDictionarySplat:
			out = append(out, &ir.Arg{Value: c.exprOrUnknown(c.firstNamed(ch), ch), DoubleStar: true})
		default:
			out = append(out, &ir.Arg{Value: c.expr(ch)})
		}
	}
	return out
}

func (c *conv) seqOf(i int, k ir.SeqKind) ir.Expr {
	e := &ir.Seq{ExprBase: c.eb(i), Kind: k}
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		e.Elems = append(e.Elems, c.expr(ch))
	}
	return e
}

func (c *conv) dict(i int) ir.Expr {
	e := &ir.Dict{ExprBase: c.eb(i)}
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch c.k[ch] {
		case kPair:
			e.Keys = append(e.Keys, c.exprOrUnknown(c.field(ch, fKey), ch))
			e.Values = append(e.Values, c.exprOrUnknown(c.field(ch, fValue), ch))
		case kDictionarySplat:
			e.Keys = append(e.Keys, nil)
			e.Values = append(e.Values, c.exprOrUnknown(c.firstNamed(ch), ch))
		default:
			// Broken entries keep their expressions under an Unknown value.
			e.Keys = append(e.Keys, &ir.Unknown{ExprBase: c.eb(ch)})
			e.Values = append(e.Values, c.expr(ch))
		}
	}
	return e
}

func (c *conv) boolOp(i int) ir.Expr {
	op := ""
	if o := c.field(i, fOperator); o >= 0 {
		op = c.str(o)
	}
	// Left-nested chains of the same operator flatten into one BoolOp,
	// walked iteratively so long chains do not count as depth.
	var rights []int
	cur := i
	for {
		rights = append(rights, c.field(cur, fRight))
		l := c.field(cur, fLeft)
		if l >= 0 && c.k[l] == kBooleanOperator {
			if o := c.field(l, fOperator); o >= 0 && c.str(o) == op {
				cur = l
				continue
			}
		}
		rights = append(rights, l)
		break
	}
	e := &ir.BoolOp{ExprBase: c.eb(i), Op: op, Values: make([]ir.Expr, 0, len(rights))}
	for j := len(rights) - 1; j >= 0; j-- {
		e.Values = append(e.Values, c.exprOrUnknown(rights[j], i))
	}
	return e
}

func (c *conv) compare(i int) ir.Expr {
	e := &ir.Compare{ExprBase: c.eb(i)}
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.n[ch].field == fOperators {
			switch c.k[ch] {
			case kTokNotIn:
				e.Ops = append(e.Ops, "not in")
			case kTokIsNot:
				e.Ops = append(e.Ops, "is not")
			default:
				e.Ops = append(e.Ops, c.str(ch))
			}
			continue
		}
		if !c.named(ch) {
			continue
		}
		if e.L == nil {
			e.L = c.expr(ch)
		} else {
			e.Comparators = append(e.Comparators, c.expr(ch))
		}
	}
	if e.L == nil || len(e.Ops) != len(e.Comparators) {
		return c.unknown(i)
	}
	return e
}

func (c *conv) comprehension(i int, k ir.CompKind) ir.Expr {
	e := &ir.Comprehension{ExprBase: c.eb(i), Kind: k}
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		switch {
		case c.n[ch].field == fBody:
			if c.k[ch] == kPair {
				e.Key = c.exprOrUnknown(c.field(ch, fKey), ch)
				e.Elt = c.exprOrUnknown(c.field(ch, fValue), ch)
			} else {
				e.Elt = c.expr(ch)
			}
		case c.k[ch] == kForInClause:
			cf := &ir.CompFor{IsAsync: c.has(ch, kTokAsync)}
			cf.Target = c.exprFields(ch, fLeft)
			cf.Iter = c.exprFields(ch, fRight)
			if cf.Target == nil {
				cf.Target = &ir.Unknown{ExprBase: c.eb(ch)}
			}
			if cf.Iter == nil {
				cf.Iter = &ir.Unknown{ExprBase: c.eb(ch)}
			}
			e.For = append(e.For, cf)
		case c.k[ch] == kIfClause:
			if len(e.For) > 0 {
				if cond := c.firstNamed(ch); cond >= 0 {
					last := e.For[len(e.For)-1]
					last.Ifs = append(last.Ifs, c.expr(cond))
				}
			}
		}
	}
	if e.Elt == nil {
		e.Elt = &ir.Unknown{ExprBase: c.eb(i)}
	}
	return e
}

func (c *conv) lambda(i int) ir.Expr {
	sp := c.span(i)
	f := &ir.Function{
		Name:     "<lambda>",
		QualName: lambdaName(c.sc.qual, int(sp.Start.Line)),
		IsLambda: true,
		Outer:    c.sc.fn,
		Span:     sp,
	}
	if ps := c.field(i, fParameters); ps >= 0 {
		f.Params = c.params(ps)
	}
	saved := c.sc
	c.sc = scope{fn: f, qual: f.QualName}
	body := c.field(i, fBody)
	ret := &ir.Return{StmtBase: ir.StmtBase{Span: sp}, Value: c.exprOrUnknown(body, i)}
	if body >= 0 {
		ret.Span = c.span(body)
	}
	f.Body = []ir.Stmt{ret}
	c.sc = saved
	return &ir.Lambda{ExprBase: ir.ExprBase{Span: sp}, Func: f}
}

// foldPipe folds the operands of "A | B | C" (union types and patterns)
// into left-nested BinOp "|". Operands are groups of children between
// "|" tokens; conv converts a single-node group.
func (c *conv) foldPipe(i int, conv func(int) ir.Expr) ir.Expr {
	var x ir.Expr
	groupStart := -1
	flushGroup := func(endCh int) {
		if groupStart < 0 {
			return
		}
		var operand ir.Expr
		if c.k[groupStart] == kTokMinus && endCh >= 0 {
			// "-1" in a pattern is a minus token and a number.
			operand = &ir.UnaryOp{ExprBase: ir.ExprBase{Span: c.spanOf(groupStart, endCh)}, Op: "-", X: conv(endCh)}
		} else if c.named(groupStart) {
			operand = conv(groupStart)
		}
		groupStart = -1
		if operand == nil {
			return
		}
		if x == nil {
			x = operand
			return
		}
		x = &ir.BinOp{ExprBase: ir.ExprBase{Span: ir.Span{Start: x.ExprSpan().Start, End: operand.ExprSpan().End}}, Op: "|", L: x, R: operand}
	}
	last := -1
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.k[ch] == kTokPipe {
			flushGroup(last)
			continue
		}
		if groupStart < 0 {
			groupStart = ch
		}
		last = ch
	}
	flushGroup(last)
	if x == nil {
		return c.unknown(i)
	}
	return x
}

// pattern converts a match-statement pattern into an expression.
func (c *conv) pattern(i int) ir.Expr {
	if c.depth >= maxDepth {
		return c.flatUnknown(i)
	}
	c.depth++
	defer func() { c.depth-- }()
	switch c.k[i] {
	case kCasePattern:
		first := c.first(i)
		if first < 0 {
			return c.unknown(i)
		}
		switch c.k[first] {
		case kTokUnderscore:
			return &ir.Name{ExprBase: c.eb(first), Id: "_"}
		case kTokMinus:
			if num := c.firstNamed(i); num >= 0 {
				return &ir.UnaryOp{ExprBase: c.eb(i), Op: "-", X: c.expr(num)}
			}
		}
		if ch := c.firstNamed(i); ch >= 0 && c.nextNamed(i, ch) < 0 {
			return c.pattern(ch)
		}
		return c.unknown(i)
	case kDottedName:
		var x ir.Expr
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if x == nil {
				x = &ir.Name{ExprBase: c.eb(ch), Id: c.str(ch)}
			} else {
				x = &ir.Attr{ExprBase: ir.ExprBase{Span: ir.Span{Start: x.ExprSpan().Start, End: c.endPos(ch)}}, X: x, Name: c.str(ch)}
			}
		}
		if x == nil {
			return c.unknown(i)
		}
		return x
	case kClassPattern:
		e := &ir.Call{ExprBase: c.eb(i)}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			switch {
			case e.Func == nil && c.k[ch] == kDottedName:
				e.Func = c.pattern(ch)
			case c.k[ch] == kCasePattern:
				inner := c.firstNamed(ch)
				if inner >= 0 && c.k[inner] == kKeywordPattern {
					e.Args = append(e.Args, c.keywordPattern(inner))
				} else {
					e.Args = append(e.Args, &ir.Arg{Value: c.pattern(ch)})
				}
			case c.k[ch] == kKeywordPattern:
				e.Args = append(e.Args, c.keywordPattern(ch))
			}
		}
		if e.Func == nil {
			e.Func = &ir.Unknown{ExprBase: c.eb(i)}
		}
		return e
	case kAsPattern:
		var val ir.Expr
		var target *ir.Name
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if val == nil {
				val = c.pattern(ch)
				continue
			}
			id := ch
			if c.k[id] == kAsPatternTarget {
				id = c.firstNamed(id)
			}
			if id >= 0 && c.k[id] == kIdentifier {
				target = &ir.Name{ExprBase: c.eb(id), Id: c.str(id)}
			}
		}
		if val == nil || target == nil {
			return c.unknown(i)
		}
		return &ir.NamedExpr{ExprBase: c.eb(i), Target: target, Value: val}
	case kUnionPattern:
		return c.foldPipe(i, c.pattern)
	case kListPattern, kTuplePattern:
		k := ir.SeqTuple
		if c.k[i] == kListPattern {
			k = ir.SeqList
		}
		e := &ir.Seq{ExprBase: c.eb(i), Kind: k}
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			e.Elems = append(e.Elems, c.pattern(ch))
		}
		return e
	case kDictPattern:
		e := &ir.Dict{ExprBase: c.eb(i)}
		var key ir.Expr
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			switch {
			case c.k[ch] == kSplatPattern:
				e.Keys = append(e.Keys, nil)
				e.Values = append(e.Values, c.splatName(ch))
			case c.n[ch].field == fKey:
				key = c.pattern(ch)
			case c.n[ch].field == fValue:
				if key == nil {
					key = &ir.Unknown{ExprBase: c.eb(ch)}
				}
				e.Keys = append(e.Keys, key)
				e.Values = append(e.Values, c.pattern(ch))
				key = nil
			}
		}
		return e
	case kSplatPattern:
		return &ir.Starred{ExprBase: c.eb(i), X: c.splatName(i)}
	case kKeywordPattern:
		return c.unknown(i)
	case kComplexPattern:
		return c.unknown(i)
	}
	return c.expr(i)
}

// splatName returns the capture of "*rest" / "**rest" ("_" for a
// wildcard).
func (c *conv) splatName(i int) ir.Expr {
	if id := c.firstNamed(i); id >= 0 && c.k[id] == kIdentifier {
		return &ir.Name{ExprBase: c.eb(id), Id: c.str(id)}
	}
	return &ir.Name{ExprBase: c.eb(i), Id: "_"}
}

func (c *conv) keywordPattern(i int) *ir.Arg {
	a := &ir.Arg{}
	for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
		if a.Name == "" && c.k[ch] == kIdentifier {
			a.Name = c.str(ch)
			continue
		}
		if a.Value == nil {
			a.Value = c.pattern(ch)
		}
	}
	if a.Value == nil {
		a.Value = &ir.Unknown{ExprBase: c.eb(i)}
	}
	return a
}
