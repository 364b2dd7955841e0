package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// ANSI styles used by Text.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiBlue   = "\x1b[1;34m"
)

// Text writes findings the way ruff and rustc do: a header line
// `path:line:col: LK101 message`, the join-point line with a gutter and
// an underline, then each flow as numbered steps, and a summary line.
// Suppressed findings are only counted. The suppression checks' findings
// (LK000, LK001) follow, one header line each. Diagnostics are not
// printed here: the CLI writes them to stderr.
func Text(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	t := textPrinter{w: bw, in: in, src: newSourceLines(in.Root)}
	printed := 0
	for _, f := range in.Findings {
		if f.Suppressed {
			continue
		}
		if printed > 0 && !in.Quiet {
			bw.WriteString("\n")
		}
		t.finding(f)
		printed++
	}
	if len(in.SuppressionDiagnostics) > 0 {
		if printed > 0 && !in.Quiet {
			bw.WriteString("\n")
		}
		for _, d := range in.SuppressionDiagnostics {
			t.header(d)
		}
		printed++
	}
	if !in.Quiet {
		if printed > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(t.style(ansiBold, Count(in).Sentence(in.Files)) + "\n")
		if rule := firstRule(in); rule != "" {
			fmt.Fprintf(bw, "Run `llmleak explain %s` (or another rule ID) to read what a rule finds and how to fix it.\n", rule)
		}
	}
	return bw.Flush()
}

// firstRule is the rule of the first finding printed, or "".
func firstRule(in *Input) string {
	for _, f := range in.Findings {
		if !f.Suppressed {
			return f.Rule
		}
	}
	return ""
}

type textPrinter struct {
	w   *bufio.Writer
	in  *Input
	src *sourceLines
}

func (t *textPrinter) style(code, s string) string {
	if !t.in.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func levelStyle(l finding.Level) string {
	switch l {
	case finding.LevelError:
		return ansiRed
	case finding.LevelWarning:
		return ansiYellow
	}
	return ansiCyan
}

// header writes a finding's first line: `path:line:col: RULE Message
// [level]`: the level in words too, for logs and pipes without colour.
func (t *textPrinter) header(f *finding.Finding) {
	loc := f.Location
	fmt.Fprintf(t.w, "%s %s %s %s\n",
		t.style(ansiBold, fmt.Sprintf("%s:%d:%d:", SafeText(DisplayPath(t.in.Root, loc.Path)), loc.Line, loc.Col)),
		t.style(levelStyle(f.Level), f.Rule), capitalized(SafeText(f.Message)), t.style(levelStyle(f.Level), "["+f.Level.String()+"]"))
}

// capitalized is s with its first letter upper-case.
func capitalized(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func (t *textPrinter) finding(f *finding.Finding) {
	loc := f.Location
	lvl := levelStyle(f.Level)
	t.header(f)
	if t.in.Quiet {
		return
	}
	gutter := strings.Repeat(" ", len(strconv.Itoa(loc.Line)))
	bar := t.style(ansiBlue, gutter+" |")
	if line, ok := t.src.line(loc.Path, loc.Line); ok && !t.in.NoSource {
		endCol := loc.EndCol
		if loc.EndLine != loc.Line {
			endCol = 0
		}
		ex := prepareExcerpt(line, loc.Col, endCol)
		var pad strings.Builder
		for _, r := range ex.runes[:ex.start] {
			if r == '\t' {
				pad.WriteRune('\t')
			} else {
				pad.WriteString(strings.Repeat(" ", runeWidth(r)))
			}
		}
		carets := 0
		for _, r := range ex.runes[ex.start:min(ex.end, len(ex.runes))] {
			carets += max(runeWidth(r), 1)
		}
		carets = max(carets, 1)
		fmt.Fprintf(t.w, "%s\n", bar)
		fmt.Fprintf(t.w, "%s %s\n", t.style(ansiBlue, strconv.Itoa(loc.Line)+" |"), strings.TrimRight(string(ex.runes), " "))
		fmt.Fprintf(t.w, "%s %s%s\n", bar, pad.String(), t.style(lvl, strings.Repeat("^", carets)))
	}
	for i, fl := range f.Flows {
		head := "flow"
		if len(f.Flows) > 1 {
			head = fmt.Sprintf("flow %d of %d", i+1, len(f.Flows))
		}
		src := SafeText(fl.Source)
		if fl.Class != "" {
			src += " (" + SafeText(fl.Class) + ")"
		}
		fmt.Fprintf(t.w, "%s %s from %s:\n", t.style(ansiBlue, gutter+" ="), head, src)
		for j, s := range fl.Steps {
			if fl.Omitted > 0 && j == len(fl.Steps)-1 {
				fmt.Fprintf(t.w, "%s      %s\n", gutter, omittedMarker(fl.Omitted))
			}
			fmt.Fprintf(t.w, "%s   %d. %s  %s\n", gutter,
				j+1, t.style(ansiBold, fmt.Sprintf("%s:%d:%d", SafeText(DisplayPath(t.in.Root, s.Path)), s.Line, s.Col)), SafeText(StepMessage(s)))
		}
	}
	if len(f.AlsoAt) > 0 {
		// Other join points of the same root cause, merged here.
		at := make([]string, len(f.AlsoAt))
		for i, l := range f.AlsoAt {
			at[i] = fmt.Sprintf("%s:%d:%d", DisplayPath(t.in.Root, l.Path), l.Line, l.Col)
		}
		fmt.Fprintf(t.w, "%s also reached from %s\n", t.style(ansiBlue, gutter+" ="), strings.Join(at, ", "))
	}
}

// SafeText keeps a message on one line and free of control characters:
// text from the analyzed code ends up in messages, and a crafted
// identifier or string must not drive a terminal or a log viewer.
func SafeText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// StepMessage is what a flow step says: its message, or its kind when the
// engine left the message empty.
func StepMessage(s finding.Step) string {
	if s.Message != "" {
		return s.Message
	}
	return string(s.Kind)
}

// runeWidth is how many terminal cells r takes: 0 for combining marks, 2
// for East Asian wide characters and emoji, else 1. It is a small table,
// not the whole of UAX #11, enough to keep the caret under the code.
func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200B':
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// omittedMarker is the line that stands for the steps a cut flow left
// out: "… 29,950 steps omitted …".
func omittedMarker(n int) string {
	d := strconv.Itoa(n)
	for i := len(d) - 3; i > 0; i -= 3 {
		d = d[:i] + "," + d[i:]
	}
	word := "steps"
	if n == 1 {
		word = "step"
	}
	return "… " + d + " " + word + " omitted …"
}
