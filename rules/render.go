package rules

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// cweNames are the official short names of the CWE entries the rules use,
// for the references section of a rule's help.
var cweNames = map[int]string{
	94:   "Improper Control of Generation of Code ('Code Injection')",
	201:  "Insertion of Sensitive Information Into Sent Data",
	209:  "Generation of Error Message Containing Sensitive Information",
	290:  "Authentication Bypass by Spoofing",
	359:  "Exposure of Private Personal Information to an Unauthorized Actor",
	522:  "Insufficiently Protected Credentials",
	532:  "Insertion of Sensitive Information into Log File",
	798:  "Use of Hard-coded Credentials",
	1427: "Improper Neutralization of Input Used for LLM Prompting",
}

// owaspRisk is an entry of the OWASP Top 10 for LLM Applications 2025.
type owaspRisk struct {
	Name string // "Sensitive Information Disclosure"
	Slug string // the page name under https://genai.owasp.org/llmrisk/
}

var owaspRisks = map[string]owaspRisk{
	"LLM01": {"Prompt Injection", "llm012025-prompt-injection"},
	"LLM02": {"Sensitive Information Disclosure", "llm022025-sensitive-information-disclosure"},
	"LLM05": {"Improper Output Handling", "llm052025-improper-output-handling"},
	"LLM07": {"System Prompt Leakage", "llm072025-system-prompt-leakage"},
}

// CWEID returns the rule's CWE as "CWE-359", or "" when it has none.
func (r *Rule) CWEID() string {
	if r.CWE == 0 {
		return ""
	}
	return fmt.Sprintf("CWE-%d", r.CWE)
}

// CWEName returns the CWE entry's name, or "" when it is not known.
func (r *Rule) CWEName() string { return cweNames[r.CWE] }

// CWEURL returns the MITRE page of the rule's CWE, or "".
func (r *Rule) CWEURL() string {
	if r.CWE == 0 {
		return ""
	}
	return fmt.Sprintf("https://cwe.mitre.org/data/definitions/%d.html", r.CWE)
}

// OWASPName returns the name of the rule's OWASP LLM 2025 risk
// ("Sensitive Information Disclosure"), or "".
func (r *Rule) OWASPName() string { return owaspRisks[r.OWASP].Name }

// OWASPURL returns the OWASP GenAI page of the rule's LLM Top 10 2025
// risk, or "" when the rule maps to none.
func (r *Rule) OWASPURL() string {
	risk, ok := owaspRisks[r.OWASP]
	if !ok {
		return ""
	}
	return "https://genai.owasp.org/llmrisk/" + risk.Slug + "/"
}

// Anchor is the fragment of the rule's section in README.md ("lk101"),
// so a helpUri can point at README.md#lk101.
func (r *Rule) Anchor() string { return strings.ToLower(r.ID) }

// FixSteps returns the steps of Doc.Fix, one per non-empty line.
func (r *Rule) FixSteps() []string {
	var steps []string
	for _, line := range strings.Split(r.Doc.Fix, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			steps = append(steps, line)
		}
	}
	return steps
}

// defaultText says whether the rule runs without --select.
func (r *Rule) defaultText() string {
	if r.DefaultOn {
		return "on"
	}
	return "off"
}

// owaspLabel is "LLM02:2025 Sensitive Information Disclosure", or "".
func (r *Rule) owaspLabel() string {
	risk, ok := owaspRisks[r.OWASP]
	if !ok {
		return r.OWASP
	}
	return r.OWASP + ":2025 " + risk.Name
}

const textWidth = 78

// HelpText is the rule's documentation as plain text: what it finds, why
// it matters, a bad and a good example, how to fix it, and references.
// It is SARIF's help.text and the body of `llmleak explain`.
func (r *Rule) HelpText() string {
	var b strings.Builder
	section := func(title string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(title)
		b.WriteString("\n")
	}
	section("What it finds")
	b.WriteString(wrap(r.Doc.What, textWidth, ""))
	section("Why it matters")
	b.WriteString(wrap(r.Doc.Why, textWidth, ""))
	section("Example that is reported")
	b.WriteString(indent(r.Doc.Bad, "    "))
	section("Example that is not reported")
	b.WriteString(indent(r.Doc.Good, "    "))
	section("How to fix")
	for i, step := range r.FixSteps() {
		prefix := fmt.Sprintf("%d. ", i+1)
		b.WriteString(prefix)
		b.WriteString(strings.TrimPrefix(wrap(step, textWidth, strings.Repeat(" ", len(prefix))), strings.Repeat(" ", len(prefix))))
	}
	section("References")
	if id := r.CWEID(); id != "" {
		fmt.Fprintf(&b, "- %s: %s\n  %s\n", id, r.CWEName(), r.CWEURL())
	}
	if u := r.OWASPURL(); u != "" {
		fmt.Fprintf(&b, "- OWASP LLM Top 10, %s\n  %s\n", r.owaspLabel(), u)
	}
	return b.String()
}

// HelpMarkdown is HelpText as GitHub-flavoured Markdown, with the
// examples in python fences and linked references. It is SARIF's
// help.markdown and the body of the rule's README section; it has no
// heading of its own so that it can sit under any.
func (r *Rule) HelpMarkdown() string {
	var b strings.Builder
	para := func(title, body string) {
		fmt.Fprintf(&b, "**%s**\n\n%s\n\n", title, strings.TrimSpace(body))
	}
	code := func(title, src string) {
		fmt.Fprintf(&b, "**%s**\n\n```python\n%s\n```\n\n", title, strings.TrimRight(src, "\n"))
	}
	para("What it finds", r.Doc.What)
	para("Why it matters", r.Doc.Why)
	code("Example that is reported", r.Doc.Bad)
	code("Example that is not reported", r.Doc.Good)
	b.WriteString("**How to fix**\n\n")
	for i, step := range r.FixSteps() {
		fmt.Fprintf(&b, "%d. %s\n", i+1, step)
	}
	b.WriteString("\n**References**\n\n")
	if id := r.CWEID(); id != "" {
		fmt.Fprintf(&b, "- [%s: %s](%s)\n", id, r.CWEName(), r.CWEURL())
	}
	if u := r.OWASPURL(); u != "" {
		fmt.Fprintf(&b, "- [OWASP Top 10 for LLM Applications, %s](%s)\n", r.owaspLabel(), u)
	}
	return b.String()
}

// Explain is the full text printed by `llmleak explain`: a header line
// with the rule's ID, title, level, CWE and OWASP risk, a line with its
// slug and whether it runs by default, then HelpText.
func (r *Rule) Explain() string {
	var b strings.Builder
	meta := []string{r.Level.String()}
	if id := r.CWEID(); id != "" {
		meta = append(meta, id)
	}
	if r.OWASP != "" {
		meta = append(meta, "OWASP "+r.OWASP+":2025")
	}
	fmt.Fprintf(&b, "%s: %s [%s]\n", r.ID, r.Title, strings.Join(meta, ", "))
	if r.DefaultOn {
		fmt.Fprintf(&b, "%s, on by default\n\n", r.Slug)
	} else {
		fmt.Fprintf(&b, "%s, off by default (enable with --select %s)\n\n", r.Slug, r.ID)
	}
	b.WriteString(r.HelpText())
	return b.String()
}

// Table is the rule list printed by `llmleak rules`: one aligned row per
// rule with its ID, level, default state, CWE, OWASP risk and title.
func Table() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tLEVEL\tDEFAULT\tCWE\tOWASP\tTITLE")
	for _, r := range All() {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n",
			r.ID, r.Level, r.defaultText(), dash(r.CWEID()), dash(r.OWASP), r.Title)
	}
	w.Flush()
	return b.String()
}

// ReadmeSection is the generated rules part of README.md: a table linking
// to one section per rule, each introduced by an explicit anchor named
// after the lowercase rule ID. A test keeps README.md in step with it.
func ReadmeSection() string {
	var b strings.Builder
	b.WriteString("| Rule | Title | Level | Default | CWE | OWASP LLM 2025 |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | %s |\n",
			r.ID, r.Anchor(), mdCell(r.Title), r.Level, r.defaultText(),
			mdLink(r.CWEID(), r.CWEURL()), mdLink(r.OWASP, r.OWASPURL()))
	}
	for _, r := range All() {
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n\n### %s: %s\n\n", r.Anchor(), r.ID, r.Title)
		meta := []string{"`" + r.Slug + "`", "level **" + r.Level.String() + "**"}
		if r.DefaultOn {
			meta = append(meta, "on by default")
		} else {
			meta = append(meta, "off by default, enable with `--select "+r.ID+"`")
		}
		b.WriteString(strings.Join(meta, " · "))
		b.WriteString("\n\n")
		b.WriteString(r.HelpMarkdown())
	}
	return b.String()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func mdLink(text, url string) string {
	if text == "" {
		return "—"
	}
	if url == "" {
		return text
	}
	return "[" + text + "](" + url + ")"
}

// wrap fills paragraphs (separated by blank lines) to width columns,
// prefixing every line with prefix. Words longer than a line stay whole.
func wrap(text string, width int, prefix string) string {
	var b strings.Builder
	for i, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		col := 0
		for _, word := range strings.Fields(p) {
			switch {
			case col == 0:
				b.WriteString(prefix)
				col = len(prefix)
			case col+1+len(word) > width:
				b.WriteString("\n")
				b.WriteString(prefix)
				col = len(prefix)
			default:
				b.WriteString(" ")
				col++
			}
			b.WriteString(word)
			col += len(word)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// indent prefixes every non-empty line of code with prefix.
func indent(code, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
		if line != "" {
			b.WriteString(prefix)
			b.WriteString(line)
		}
		b.WriteString("\n")
	}
	return b.String()
}
