package report

import (
	"fmt"
	"strings"

	"github.com/llmleak/llmleak/rules"
)

// owaspLLM2025 names the OWASP Top 10 for LLM Applications 2025 entries.
var owaspLLM2025 = map[string]string{
	"LLM01": "Prompt Injection",
	"LLM02": "Sensitive Information Disclosure",
	"LLM03": "Supply Chain",
	"LLM04": "Data and Model Poisoning",
	"LLM05": "Improper Output Handling",
	"LLM06": "Excessive Agency",
	"LLM07": "System Prompt Leakage",
	"LLM08": "Vector and Embedding Weaknesses",
	"LLM09": "Misinformation",
	"LLM10": "Unbounded Consumption",
}

// OWASPTopTenURL is the OWASP Top 10 for LLM Applications.
const OWASPTopTenURL = "https://genai.owasp.org/llm-top-10/"

// CWEURL returns the MITRE page of a CWE id.
func CWEURL(cwe int) string {
	return fmt.Sprintf("https://cwe.mitre.org/data/definitions/%d.html", cwe)
}

// OWASPLabel spells an OWASP LLM id with its year and name:
// "LLM02:2025 Sensitive Information Disclosure".
func OWASPLabel(id string) string {
	if name, ok := owaspLLM2025[id]; ok {
		return id + ":2025 " + name
	}
	return id
}

// RuleHelpText is a rule's documentation as plain text: what it finds,
// why it matters, a bad and a good example, the fix and references. Empty
// sections are left out, so a rule whose documentation is still being
// written gets a shorter text rather than empty headings.
func RuleHelpText(r *rules.Rule) string {
	var b strings.Builder
	section := func(head, body string, code bool) {
		body = strings.Trim(body, "\n")
		if strings.TrimSpace(body) == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(head + "\n")
		for _, l := range strings.Split(body, "\n") {
			if code {
				l = "    " + l
			} else {
				l = "  " + strings.TrimSpace(l)
			}
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	section("What it finds", r.Doc.What, false)
	section("Why it matters", r.Doc.Why, false)
	section("Bad", r.Doc.Bad, true)
	section("Good", r.Doc.Good, true)
	section("Fix", r.Doc.Fix, false)
	var refs []string
	if r.CWE > 0 {
		refs = append(refs, fmt.Sprintf("CWE-%d: %s", r.CWE, CWEURL(r.CWE)))
	}
	if r.OWASP != "" {
		refs = append(refs, fmt.Sprintf("OWASP %s: %s", OWASPLabel(r.OWASP), OWASPTopTenURL))
	}
	section("References", strings.Join(refs, "\n"), false)
	return b.String()
}

// RuleHelpMarkdown is a rule's documentation as Markdown, for SARIF help
// (GitHub shows it beside an alert) and the README.
func RuleHelpMarkdown(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n", r.ID, r.Title)
	para := func(head, body string) {
		body = strings.TrimSpace(body)
		if body == "" {
			return
		}
		if head != "" {
			fmt.Fprintf(&b, "\n## %s\n", head)
		}
		fmt.Fprintf(&b, "\n%s\n", body)
	}
	code := func(head, body string) {
		body = strings.Trim(body, "\n")
		if strings.TrimSpace(body) == "" {
			return
		}
		fence := "```"
		for strings.Contains(body, fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "\n## %s\n\n%spython\n%s\n%s\n", head, fence, body, fence)
	}
	para("", r.Doc.What)
	para("Why it matters", r.Doc.Why)
	code("Bad", r.Doc.Bad)
	code("Good", r.Doc.Good)
	para("Fix", r.Doc.Fix)
	var refs []string
	if r.CWE > 0 {
		refs = append(refs, fmt.Sprintf("- [CWE-%d](%s)", r.CWE, CWEURL(r.CWE)))
	}
	if r.OWASP != "" {
		refs = append(refs, fmt.Sprintf("- [OWASP %s](%s)", OWASPLabel(r.OWASP), OWASPTopTenURL))
	}
	para("References", strings.Join(refs, "\n"))
	return b.String()
}
