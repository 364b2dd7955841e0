//go:build cgo

package pyparse

import (
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// directives reads the suppression directives of comment node i. Only
// comment nodes are read, so the same text inside a string never counts.
func (c *conv) directives(i int) {
	text := c.str(i)
	nd := &c.n[i]
	lineStart := int(nd.start) - int(nd.scol)
	own := strings.TrimLeft(c.text[lineStart:nd.start], " \t\f") == ""
	// A directive may follow any "#" of the comment
	// ("# type: ignore  # noqa: E501").
	for at := 0; at < len(text); {
		h := strings.IndexByte(text[at:], '#')
		if h < 0 {
			break
		}
		rest := strings.TrimLeft(text[at+h+1:], " \t")
		if d := parseDirective(rest); d != nil {
			d.Pos = c.startPos(i)
			d.Own = own
			c.mod.Directives = append(c.mod.Directives, d)
		}
		at += h + 1
	}
}

// parseDirective parses the text after a "#": "llmleak: ignore[...]
// reason" or "noqa: CODES".
func parseDirective(s string) *ir.Directive {
	switch {
	case hasPrefixFold(s, "llmleak:"):
		s = strings.TrimLeft(s[len("llmleak:"):], " \t")
		if !hasPrefixFold(s, "ignore") {
			return nil
		}
		s = s[len("ignore"):]
		d := &ir.Directive{Kind: ir.DirectiveIgnore}
		if len(s) > 0 && s[0] == '[' {
			end := strings.IndexByte(s, ']')
			if end < 0 {
				end = len(s)
				d.Rules = splitCodes(s[1:end])
				s = ""
			} else {
				d.Rules = splitCodes(s[1:end])
				s = s[end+1:]
			}
		} else if len(s) > 0 && isWordByte(s[0]) {
			return nil // "ignored", "ignoreme": not ours
		}
		d.Reason = reason(s)
		return d
	case hasPrefixFold(s, "noqa"):
		s = s[len("noqa"):]
		if len(s) > 0 && s[0] != ':' && s[0] != ' ' && s[0] != '\t' {
			return nil // "noqa-ish", "noqabc": not a directive
		}
		d := &ir.Directive{Kind: ir.DirectiveNoqa}
		t := strings.TrimLeft(s, " \t")
		if len(t) > 0 && t[0] == ':' {
			// Codes run up to the first token that is not a code.
			t = t[1:]
			for {
				t = strings.TrimLeft(t, " \t,")
				j := 0
				for j < len(t) && isWordByte(t[j]) {
					j++
				}
				if j == 0 || !isCode(t[:j]) {
					break
				}
				d.Rules = append(d.Rules, strings.ToUpper(t[:j]))
				t = t[j:]
			}
			d.Reason = reason(t)
		}
		return d
	}
	return nil
}

// splitCodes splits "LK101, lk2" into upper-cased codes.
func splitCodes(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out = append(out, strings.ToUpper(f))
	}
	return out
}

// reason trims separators before the free text of a directive.
func reason(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ":-—– \t")
	if h := strings.IndexByte(s, '#'); h >= 0 {
		// Another directive follows; it is parsed on its own.
		s = s[:h]
	}
	return strings.TrimSpace(s)
}

// isCode reports whether s looks like a rule code: letters then digits
// ("LK101", "E501", "W6", "PLR0913").
func isCode(s string) bool {
	j := 0
	for j < len(s) && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
		j++
	}
	if j == 0 || j == len(s) {
		return false
	}
	for k := j; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return b == '_' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
