package model

import (
	"fmt"
	"regexp"
	"strings"
)

// Expand expands each "{a,b}" group of a symbol pattern into its
// alternatives ("{,x.}" has an empty one).
func Expand(s string) []string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i:], '}') + i
	var out []string
	for _, alt := range strings.Split(s[i+1:j], ",") {
		for _, rest := range Expand(s[j+1:]) {
			out = append(out, s[:i]+alt+rest)
		}
	}
	return out
}

// symChar matches what a symbol pattern may hold outside groups:
// identifiers, dots, "()", "[]" for subscripts, "@" for symbolic types,
// "~" for opaque objects, and the wildcards.
var symChar = regexp.MustCompile(`^[A-Za-z0-9_.()@~*\[\]-]+$`)

// CheckPattern reports what is wrong with a symbol pattern, or nil.
func CheckPattern(s string) error {
	if s == "" {
		return fmt.Errorf("empty symbol")
	}
	depth := 0
	for _, c := range s {
		switch c {
		case '{':
			depth++
			if depth > 1 {
				return fmt.Errorf("%q: nested {} groups", s)
			}
		case '}':
			depth--
			if depth < 0 {
				return fmt.Errorf("%q: unbalanced }", s)
			}
		}
	}
	if depth != 0 {
		return fmt.Errorf("%q: unbalanced {", s)
	}
	for _, alt := range Expand(s) {
		name := fmt.Sprintf("%q", alt)
		if alt != s {
			name = fmt.Sprintf("%q (in %q)", alt, s)
		}
		switch {
		case alt == "":
			return fmt.Errorf("%q: an alternative is empty", s)
		case !symChar.MatchString(alt):
			return fmt.Errorf("%s is not a symbol (dotted names, (), [], @, ~, * and **)", name)
		case strings.Contains(alt, "..") || strings.HasPrefix(alt, ".") || strings.HasSuffix(alt, "."):
			return fmt.Errorf("%s has an empty name between dots", name)
		case strings.Contains(alt, "***"):
			return fmt.Errorf("%s: *** is not a wildcard (use * or **)", name)
		case strings.Count(alt, "(") != strings.Count(alt, "()") || strings.Count(alt, ")") != strings.Count(alt, "()"):
			return fmt.Errorf("%s is not a symbol: () stands for a call and holds nothing", name)
		case !wildcard(alt) && strings.Count(alt, "[") != strings.Count(alt, "[]"):
			return fmt.Errorf("%s is not a symbol: outside a wildcard pattern, [] stands for a subscript and holds nothing", name)
		}
		if wildcard(alt) {
			if _, err := compileGlob(alt); err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
		}
	}
	return nil
}

func wildcard(s string) bool { return strings.Contains(s, "*") }

// compileGlob turns a wildcard alternative into an anchored regexp: "*"
// is any run of characters within one name (no dot, no parenthesis),
// "**" any run at all, "[A-Z]" a character class.
func compileGlob(s string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*':
			if i+1 < len(s) && s[i+1] == '*' {
				b.WriteString(".*")
				i++
			} else {
				b.WriteString(`[^().]*`)
			}
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("unclosed [")
			}
			b.WriteString(s[i : i+j+1])
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// literalPrefix is the part of a wildcard alternative before its first
// wildcard or class.
func literalPrefix(s string) string {
	if i := strings.IndexAny(s, "*["); i >= 0 {
		return s[:i]
	}
	return s
}

// literalLast is the last name of a wildcard alternative when it has no
// wildcard ("**.objects.filter" -> "filter"), else "".
func literalLast(s string) string {
	i := strings.LastIndexAny(s, ".)]")
	last := s[i+1:]
	if last == "" || strings.ContainsAny(last, "*[") || i >= 0 && s[i] != '.' {
		return ""
	}
	return last
}

// longestLiteral is the longest run of a wildcard alternative without a
// wildcard or character class.
func longestLiteral(s string) string {
	best := ""
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '*' }) {
		if i := strings.IndexByte(part, '['); i >= 0 {
			part = part[:i]
		}
		if len(part) > len(best) {
			best = part
		}
	}
	return best
}
