//go:build cgo

package pyparse

import (
	"strings"
	"unicode/utf8"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// stringExpr converts a string or an implicit concatenation of strings
// into a Const (str or bytes) or, when an f-string takes part, an FString.
func (c *conv) stringExpr(i int) ir.Expr {
	if c.k[i] == kString {
		if v, ok := c.simpleString(i); ok {
			return v
		}
	}
	var (
		sb      strings.Builder
		parts   []ir.Expr
		isF     bool
		isBytes bool
		first   = true
	)
	each := func(s int) {
		pre, cs, ce := c.stringBounds(s)
		raw := strings.ContainsAny(pre, "rR")
		f := strings.ContainsAny(pre, "fF")
		if first {
			isBytes = strings.ContainsAny(pre, "bB")
			first = false
		}
		if !f {
			sb.WriteString(decodeString(c.text[cs:ce], raw, isBytes, false))
			return
		}
		isF = true
		pos := cs
		for ch := c.first(s); ch >= 0; ch = c.next(s, ch) {
			if c.k[ch] != kInterpolation {
				continue
			}
			st := int(c.n[ch].start)
			if st > pos && st <= ce {
				sb.WriteString(decodeString(c.text[pos:st], raw, false, true))
			}
			if eq := c.selfDoc(ch); eq != "" {
				sb.WriteString(eq)
			}
			sb.WriteString("{}")
			parts = c.interpolation(ch, parts)
			pos = int(c.n[ch].end)
		}
		if pos < ce {
			sb.WriteString(decodeString(c.text[pos:ce], raw, false, true))
		}
	}
	if c.k[i] == kString {
		each(i)
	} else {
		for ch := c.firstNamed(i); ch >= 0; ch = c.nextNamed(i, ch) {
			if c.k[ch] == kString {
				each(ch)
			} else {
				parts = append(parts, c.expr(ch))
			}
		}
	}
	if isF {
		return &ir.FString{ExprBase: c.eb(i), Parts: parts, Text: sb.String()}
	}
	k := ir.ConstStr
	if isBytes {
		k = ir.ConstBytes
	}
	if len(parts) > 0 {
		// Not a string after all (an error inside a concatenation).
		return &ir.Unknown{ExprBase: c.eb(i), Children: parts}
	}
	return &ir.Const{ExprBase: c.eb(i), Kind: k, Value: sb.String()}
}

// simpleString handles the common case without allocation: one plain
// string whose content needs no decoding.
func (c *conv) simpleString(i int) (ir.Expr, bool) {
	pre, cs, ce := c.stringBounds(i)
	for j := 0; j < len(pre); j++ {
		switch pre[j] {
		case 'f', 'F', 'b', 'B':
			return nil, false
		}
	}
	body := c.text[cs:ce]
	if strings.IndexByte(body, '\\') >= 0 {
		return nil, false
	}
	return &ir.Const{ExprBase: c.eb(i), Kind: ir.ConstStr, Value: body}, true
}

// stringBounds returns the prefix letters of string node i and the byte
// range of its content between the quotes.
func (c *conv) stringBounds(i int) (prefix string, cs, ce int) {
	nd := &c.n[i]
	cs, ce = int(nd.start), int(nd.end)
	startTok, endTok := -1, -1
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		switch c.k[ch] {
		case kStringStart:
			startTok = ch
		case kStringEnd:
			if c.n[ch].flags&flagMissing == 0 {
				endTok = ch
			}
		}
	}
	if startTok >= 0 {
		st := c.text[c.n[startTok].start:c.n[startTok].end]
		q := strings.IndexAny(st, `'"`)
		if q < 0 {
			q = len(st)
		}
		prefix = st[:q]
		cs = int(c.n[startTok].end)
	}
	if endTok >= 0 {
		ce = int(c.n[endTok].start)
	}
	if ce < cs {
		ce = cs
	}
	return prefix, cs, ce
}

// selfDoc returns the "expr=" text of a self-documenting interpolation
// ("{x=}" prints "x=" before the value), or "".
func (c *conv) selfDoc(interp int) string {
	for ch := c.first(interp); ch >= 0; ch = c.next(interp, ch) {
		if c.k[ch] == kTokEq {
			// Whitespace after "=" is printed too.
			end := c.n[ch].end
			if nx := c.next(interp, ch); nx >= 0 {
				end = c.n[nx].start
			}
			return c.text[c.n[interp].start+1 : end]
		}
	}
	return ""
}

// interpolation appends the expressions of one "{...}": the value, then
// those nested in its format spec.
func (c *conv) interpolation(i int, parts []ir.Expr) []ir.Expr {
	if x := c.exprFields(i, fExpression); x != nil {
		parts = append(parts, x)
	}
	for ch := c.first(i); ch >= 0; ch = c.next(i, ch) {
		if c.k[ch] != kFormatSpecifier {
			continue
		}
		for fe := c.first(ch); fe >= 0; fe = c.next(ch, fe) {
			if c.k[fe] == kFormatExpression {
				if x := c.exprFields(fe, fExpression); x != nil {
					parts = append(parts, x)
				}
			}
		}
	}
	return parts
}

// decodeString decodes the content of a literal: backslash escapes unless
// raw (bytes keep \x.. as one byte; \u, \U and \N are escapes only in
// str), and doubled braces in f-string text.
func decodeString(s string, raw, isBytes, fstring bool) string {
	special := false
	for j := 0; j < len(s); j++ {
		b := s[j]
		if (b == '\\' && !raw) || (fstring && (b == '{' || b == '}')) {
			special = true
			break
		}
	}
	if !special {
		return s
	}
	out := make([]byte, 0, len(s))
	for j := 0; j < len(s); j++ {
		b := s[j]
		if fstring && (b == '{' || b == '}') {
			out = append(out, b)
			if j+1 < len(s) && s[j+1] == b {
				j++
			}
			continue
		}
		if b != '\\' || raw || j+1 >= len(s) {
			out = append(out, b)
			continue
		}
		j++
		e := s[j]
		switch e {
		case '\n':
			// Line continuation inside the literal.
		case '\r':
			if j+1 < len(s) && s[j+1] == '\n' {
				j++
			}
		case '\\', '\'', '"':
			out = append(out, e)
		case 'a':
			out = append(out, '\a')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, k := 0, 0
			for k < 3 && j+k < len(s) && s[j+k] >= '0' && s[j+k] <= '7' {
				v = v*8 + int(s[j+k]-'0')
				k++
			}
			j += k - 1
			out = appendCode(out, v, isBytes)
		case 'x':
			if v, ok := hexVal(s, j+1, 2); ok {
				out = appendCode(out, v, isBytes)
				j += 2
			} else {
				out = append(out, '\\', e)
			}
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if v, ok := hexVal(s, j+1, n); ok && !isBytes && v <= utf8.MaxRune {
				out = utf8.AppendRune(out, rune(v))
				j += n
			} else {
				out = append(out, '\\', e)
			}
		default:
			// Unknown escapes and \N{...} stay as written.
			out = append(out, '\\', e)
		}
	}
	return string(out)
}

func appendCode(out []byte, v int, isBytes bool) []byte {
	if isBytes {
		return append(out, byte(v))
	}
	return utf8.AppendRune(out, rune(v))
}

func hexVal(s string, at, n int) (int, bool) {
	if at+n > len(s) {
		return 0, false
	}
	v := 0
	for k := 0; k < n; k++ {
		b := s[at+k]
		switch {
		case b >= '0' && b <= '9':
			v = v*16 + int(b-'0')
		case b >= 'a' && b <= 'f':
			v = v*16 + int(b-'a'+10)
		case b >= 'A' && b <= 'F':
			v = v*16 + int(b-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
