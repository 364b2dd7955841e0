// Package rules is llmleak's catalog: rule metadata and documentation, and
// the tables of sources, sinks and sanitizers the taint engine reads.
// It is data first; code lives here only where a table cannot say it.
// This package must not import the analyzer.
package rules

import "github.com/llmleak/llmleak/analyzer/finding"

// Rule is one rule's metadata and documentation. The documentation feeds
// `llmleak explain`, SARIF help and the README rule table.
type Rule struct {
	ID    string // "LK101"
	Slug  string // kebab-case name: "cert-identity-in-prompt"
	Title string // one line, as in SPEC's table
	Level finding.Level
	CWE   int    // 359
	OWASP string // "LLM02", or "" when none
	// DefaultOn is false for rules that run only when selected (LK109).
	DefaultOn bool
	// SecuritySeverity is GitHub's 0.0-10.0 score, as a string ("8.1").
	SecuritySeverity string
	// Precision is SARIF/CodeQL precision: "very-high", "high", "medium", "low".
	Precision string
	// Doc is the full documentation.
	Doc Doc
}

// Doc is a rule's documentation: what it finds, why it matters, a bad and
// a good example, and how to fix it.
type Doc struct {
	What string // one paragraph: what the rule finds
	Why  string // why it matters
	Bad  string // Python example that triggers the rule
	Good string // the remediated example that does not
	Fix  string // how to fix
}

// PascalName is the rule's name for SARIF: the slug in PascalCase.
func (r *Rule) PascalName() string {
	out := make([]byte, 0, len(r.Slug))
	up := true
	for i := 0; i < len(r.Slug); i++ {
		c := r.Slug[i]
		if c == '-' || c == '_' {
			up = true
			continue
		}
		if up && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = false
		out = append(out, c)
	}
	return string(out)
}
