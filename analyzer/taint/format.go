package taint

import (
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/rules"
)

// maxDesc bounds the length of an expression rendered in a message.
const maxDesc = 80

// formatExpr renders an expression compactly for messages and flow
// steps. String literals that look like secrets are redacted.
func formatExpr(e ir.Expr) string {
	var b strings.Builder
	writeExpr(&b, e, 0)
	s := b.String()
	if len(s) > maxDesc {
		cut := maxDesc
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

func writeExpr(b *strings.Builder, e ir.Expr, depth int) {
	if depth > 8 || b.Len() > maxDesc*2 {
		b.WriteString("…")
		return
	}
	switch x := e.(type) {
	case nil:
	case *ir.Name:
		b.WriteString(x.Id)
	case *ir.Attr:
		writeExpr(b, x.X, depth+1)
		b.WriteByte('.')
		b.WriteString(x.Name)
	case *ir.Subscript:
		writeExpr(b, x.X, depth+1)
		b.WriteByte('[')
		writeExpr(b, x.Index, depth+1)
		b.WriteByte(']')
	case *ir.Call:
		writeExpr(b, x.Func, depth+1)
		b.WriteByte('(')
		for i, a := range x.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case a.Star:
				b.WriteByte('*')
			case a.DoubleStar:
				b.WriteString("**")
			case a.Name != "":
				b.WriteString(a.Name)
				b.WriteByte('=')
			}
			writeExpr(b, a.Value, depth+1)
		}
		b.WriteByte(')')
	case *ir.Const:
		switch x.Kind {
		case ir.ConstStr, ir.ConstBytes:
			v := x.Value
			if rules.IsSecretLiteral(v) {
				v = rules.Redact(v)
			} else if len(v) > 40 {
				v = v[:37] + "..."
			}
			if x.Kind == ir.ConstBytes {
				b.WriteByte('b')
			}
			b.WriteByte('\'')
			b.WriteString(strings.ReplaceAll(v, "'", "\\'"))
			b.WriteByte('\'')
		default:
			b.WriteString(x.Value)
		}
	case *ir.FString:
		b.WriteString("f'")
		t := x.Text
		if len(t) > 40 {
			t = t[:37] + "..."
		}
		b.WriteString(t)
		b.WriteByte('\'')
	case *ir.BinOp:
		writeExpr(b, x.L, depth+1)
		b.WriteString(" " + x.Op + " ")
		writeExpr(b, x.R, depth+1)
	case *ir.Seq:
		open, close := "[", "]"
		if x.Kind == ir.SeqTuple {
			open, close = "(", ")"
		} else if x.Kind == ir.SeqSet {
			open, close = "{", "}"
		}
		b.WriteString(open)
		for i, el := range x.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, el, depth+1)
		}
		b.WriteString(close)
	case *ir.Dict:
		b.WriteString("{…}")
	case *ir.Await:
		b.WriteString("await ")
		writeExpr(b, x.X, depth+1)
	case *ir.Starred:
		b.WriteByte('*')
		writeExpr(b, x.X, depth+1)
	default:
		b.WriteString("…")
	}
}
