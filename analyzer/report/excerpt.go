package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/llmleak/llmleak/rules"
)

// sourceLines reads files below root once each, for excerpts.
type sourceLines struct {
	root  string
	files map[string][]string
}

func newSourceLines(root string) *sourceLines {
	return &sourceLines{root: root, files: map[string][]string{}}
}

// line returns line n (1-based) of the file at the relative path rel, or
// false when the file cannot be read, is not below root, or is shorter.
// A report is still useful without its excerpt, so errors are not fatal.
func (s *sourceLines) line(rel string, n int) (string, bool) {
	if s.root == "" || n < 1 {
		return "", false
	}
	lines, ok := s.files[rel]
	if !ok {
		p := filepath.FromSlash(rel)
		if filepath.IsLocal(p) {
			if data, err := os.ReadFile(filepath.Join(s.root, p)); err == nil && utf8.Valid(data) {
				data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
				lines = strings.Split(string(data), "\n")
			}
		}
		s.files[rel] = lines
	}
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// runeIndex converts a 1-based column in UTF-16 code units to an index
// into runes, clamped to [0, len(runes)].
func runeIndex(runes []rune, col int) int {
	units := 0
	for i, r := range runes {
		if units >= col-1 {
			return i
		}
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair in UTF-16
		}
	}
	return len(runes)
}

// excerptSpan is a source line prepared for printing, with the rune span
// to underline.
type excerptSpan struct {
	runes      []rune
	start, end int // rune indexes, start < end
}

// prepareExcerpt redacts secret-looking literals and control characters
// in line and maps the UTF-16 columns [col, endCol) onto the result.
// endCol 0 (unknown, or the span continues on a later line) underlines to
// the end of the line's code, or one character when col is past it.
func prepareExcerpt(line string, col, endCol int) excerptSpan {
	runes := []rune(strings.TrimRight(line, " \t\r"))
	start := runeIndex(runes, col)
	end := len(runes)
	if endCol > col {
		end = runeIndex(runes, endCol)
	}
	runes, start, end = redactRunes(runes, start, end)
	for i, r := range runes {
		if r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)) {
			runes[i] = '\uFFFD'
		}
	}
	if start > len(runes) {
		start = len(runes)
	}
	if end <= start {
		end = start + 1
	}
	runes, start, end = window(runes, start, end)
	return excerptSpan{runes: runes, start: start, end: end}
}

// excerptContext is how much of a long line an excerpt shows around the
// span (runes each side); the rest is cut with "…".
const excerptContext = 80

// window cuts a line longer than the span and excerptContext runes each
// side of it (a minified file's 3 MB line) to that, marking the cuts.
func window(runes []rune, start, end int) ([]rune, int, int) {
	if len(runes) <= 2*excerptContext+max(end-start, 0)+2 {
		return runes, start, end
	}
	spanEnd := min(end, len(runes))
	if spanEnd-start > 2*excerptContext {
		spanEnd = start + 2*excerptContext // a span that long is cut too
	}
	from := max(0, start-excerptContext)
	to := min(len(runes), spanEnd+excerptContext)
	out := make([]rune, 0, to-from+2)
	if from > 0 {
		out = append(out, '…')
	}
	out = append(out, runes[from:to]...)
	if to < len(runes) {
		out = append(out, '…')
	}
	shift := from
	if from > 0 {
		shift--
	}
	return out, start - shift, min(end, spanEnd) - shift
}

// literal is a quoted string in a source line: runes [open, close] hold
// the quotes.
type literal struct{ open, close int }

// stringLiterals finds single-line quoted strings. It is no tokenizer — a
// quote in a comment starts a "literal" too — which is fine for deciding
// what to blank out of an excerpt.
func stringLiterals(runes []rune) []literal {
	var out []literal
	for i := 0; i < len(runes); i++ {
		q := runes[i]
		if q != '"' && q != '\'' {
			continue
		}
		j := i + 1
		for ; j < len(runes) && runes[j] != q; j++ {
			if runes[j] == '\\' {
				j++
			}
		}
		if j >= len(runes) {
			break
		}
		out = append(out, literal{i, j})
		i = j
	}
	return out
}

// secretPrefixes start provider keys and tokens.
var secretPrefixes = []string{
	"sk-", "sk_live_", "sk_test_", "rk_live_", "AKIA", "ASIA", "AIza",
	"ghp_", "gho_", "ghs_", "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-",
	"xoxa-", "xoxs-", "hf_", "gsk_", "r8_", "-----BEGIN",
}

// looksSecret reports whether a string literal's content looks like a key:
// a known provider prefix followed by more characters, a long hex token,
// or a long token of mixed letters and digits with high entropy.
// Whatever the engine calls a secret literal (rules.IsSecretLiteral)
// counts.
func looksSecret(s string) bool {
	if rules.IsSecretLiteral(s) {
		return true
	}
	for _, p := range secretPrefixes {
		if strings.HasPrefix(s, p) && len(s) >= len(p)+8 {
			return true
		}
	}
	if utf8.RuneCountInString(s) < 24 {
		return false
	}
	var lower, upper, digit bool
	hex := true
	for _, r := range s {
		hex = hex && strings.ContainsRune("0123456789abcdefABCDEF", r)
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune("+/=_-.", r):
		default:
			return false // spaces, punctuation: prose or a format string
		}
	}
	if hex {
		// A hex token carries at most 4 bits a character; 32 of them is a
		// 128-bit key or digest.
		return digit && (lower || upper) && len(s) >= 32
	}
	return digit && (lower || upper) && entropy(s) >= 3.5
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	h := 0.0
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// RedactSecrets cuts every secret-looking string literal in a line of
// Python to a short prefix and "…" (rules.Redact), keeping its quotes.
func RedactSecrets(line string) string {
	runes, _, _ := redactRunes([]rune(line), 0, 0)
	return string(runes)
}

// redactRunes redacts secret literals, then keys and bearer tokens
// anywhere else in the line (an f-string, a comment), and moves the span
// [start, end) so it still covers the same code.
func redactRunes(runes []rune, start, end int) ([]rune, int, int) {
	runes, start, end = redactLiterals(runes, start, end)
	line := string(runes)
	redacted := rules.RedactTokens(line)
	if redacted == line {
		return runes, start, end
	}
	// Map the span through the change: the common prefix and suffix stay,
	// what lies between was cut.
	out := []rune(redacted)
	pre := 0
	for pre < len(runes) && pre < len(out) && runes[pre] == out[pre] {
		pre++
	}
	suf := 0
	for suf < len(runes)-pre && suf < len(out)-pre && runes[len(runes)-1-suf] == out[len(out)-1-suf] {
		suf++
	}
	shift := func(i int) int {
		switch {
		case i <= pre:
			return i
		case i >= len(runes)-suf:
			return i - (len(runes) - len(out))
		}
		return len(out) - suf
	}
	return out, shift(start), shift(end)
}

// redactLiterals redacts secret literals and moves the span [start, end)
// so it still covers the same code.
func redactLiterals(runes []rune, start, end int) ([]rune, int, int) {
	lits := stringLiterals(runes)
	for k := len(lits) - 1; k >= 0; k-- {
		l := lits[k]
		content := runes[l.open+1 : l.close]
		if !looksSecret(string(content)) {
			continue
		}
		// The same redaction as the engine's, so that an excerpt and the
		// flow's source show the same prefix.
		repl := []rune(rules.Redact(string(content)))
		cut := len(content) - len(repl)
		out := make([]rune, 0, len(runes)-cut)
		out = append(out, runes[:l.open+1]...)
		out = append(out, repl...)
		out = append(out, runes[l.close:]...)
		runes = out
		newClose := l.close - cut
		shift := func(i int) int {
			switch {
			case i >= l.close:
				return i - cut
			case i > newClose:
				return newClose
			}
			return i
		}
		start, end = shift(start), shift(end)
	}
	return runes, start, end
}
